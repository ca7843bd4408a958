"""Analysts' judgements on extracted records — reject, retype, confirm a relation, an
event or a claim, or add one the extraction missed — and the one way to read those
records with the judgements applied.

Nothing extracted is changed or deleted. A judgement is a row of `record_judgements`
(who, when, why, what it changed); `relations()`, `events()` and `claims()` overlay
the judgements that are not undone on the stored rows, and every query and export
reads through them (tests/test_records.py checks that none reads the tables directly):

- a rejected record is left out (or, with `include_rejected`, kept and flagged), and
  so is what it carries: the events and relations of a rejected claim, the relations
  implied by a rejected event;
- a retyped record has its latest type in `type`, the extracted one in `extracted_type`;
- `confirmed` is true once an analyst confirmed it;
- `basis` is "analyst" for a record added by hand (rule "analyst"), else "extracted";
- `judged_at` is when a judgement on it was last made or undone (None: never judged).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources

from sqlalchemy import Subquery, and_, case, false, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from factions.relations.types import relation_types
from factions.rules import ANALYST  # the `rule` of a hand-added record, shown as its basis
from factions.store import schema as t
from factions.store.judgements import family

TABLES = {"relation": t.relations, "event": t.events, "claim": t.claims}
J = t.record_judgements
_A = {"relation": "a relation", "event": "an event", "claim": "a claim"}


class RecordJudgementError(ValueError):
    """A judgement on a record that cannot be made or undone; the message says why."""


class UnknownRecord(RecordJudgementError):
    pass


class UnknownType(RecordJudgementError):
    pass


class AlreadyJudged(RecordJudgementError):
    """Rejecting a rejected record, confirming a confirmed one, retyping to its own type."""


class UnknownJudgement(RecordJudgementError):
    pass


class AlreadyUndone(RecordJudgementError):
    pass


class UndoOrder(RecordJudgementError):
    """A later judgement on the same record must be undone first."""


class BadEvidence(RecordJudgementError):
    """A hand-added record's document, span or date that does not exist or parse."""


@lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    """The event vocabulary: the contract's event types (PLOVER and the extensions)."""
    schema = json.loads(resources.files("factions.data.schema").joinpath("extract.schema.json").read_text("utf-8"))
    return tuple(schema["properties"]["events"]["items"]["properties"]["type"]["enum"])


def _types(kind: str) -> tuple[str, ...]:
    if kind == "relation":
        return tuple(relation_types())
    if kind == "event":
        return event_types()
    raise UnknownType(f"a {kind} has no type to change")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


# ---------------------------------------------------------------- reading, judged


def _judged(kind: str, action: str, undone: bool = False):
    """Ids of records of `kind` with a standing (or, `undone`, a withdrawn) judgement."""
    standing = J.c.undone_at.isnot(None) if undone else J.c.undone_at.is_(None)
    return select(J.c.record_id).where(J.c.record == kind, J.c.action == action, standing)


def _overlay(kind: str, include_rejected: bool, carried_by: dict[str, object]) -> Subquery:
    table = TABLES[kind]
    rejected = table.c.id.in_(_judged(kind, "reject"))
    for carrier, column in carried_by.items():  # a rejected claim takes what it carries with it
        rejected = rejected | and_(column.isnot(None), column.in_(_judged(carrier, "reject")))
    columns = [c for c in table.c if c.name != "type"]
    if "type" in table.c:
        retyped = select(J.c.type).where(
            J.c.record == kind, J.c.record_id == table.c.id, J.c.action == "retype", J.c.undone_at.is_(None),
        ).order_by(J.c.id.desc()).limit(1).scalar_subquery()  # the latest standing retype
        columns += [func.coalesce(retyped, table.c.type).label("type"), table.c.type.label("extracted_type")]
    # When an analyst last changed how the record reads (a judgement made or undone):
    # exports stamp it as the record's modification time.
    judged_at = select(func.max(func.coalesce(J.c.undone_at, J.c.made_at))).where(
        J.c.record == kind, J.c.record_id == table.c.id).scalar_subquery()
    columns += [
        judged_at.label("judged_at"),
        rejected.label("rejected"),
        table.c.id.in_(_judged(kind, "confirm")).label("confirmed"),
        case((table.c.rule == ANALYST, ANALYST), else_="extracted").label("basis"),
    ]
    stmt = select(*columns).where(~table.c.id.in_(_judged(kind, "add", undone=True)))
    if not include_rejected:
        stmt = stmt.where(~rejected)
    return stmt.subquery(f"judged_{table.name}")


# The views are built once per process: a view is a constant expression (the judgements
# are read when a query runs, never when it is built), and building one afresh made
# SQLAlchemy build and key its ~30 column proxies again on every query (about 5 ms of a
# relation query's Python time).
@lru_cache(maxsize=2)
def _relations(include_rejected: bool) -> Subquery:
    r = t.relations
    return _overlay("relation", include_rejected, {"claim": r.c.claim_id, "event": r.c.event_id})


@lru_cache(maxsize=2)
def _events(include_rejected: bool) -> Subquery:
    return _overlay("event", include_rejected, {"claim": t.events.c.claim_id})


@lru_cache(maxsize=2)
def _claims(include_rejected: bool) -> Subquery:
    return _overlay("claim", include_rejected, {})


def relations(include_rejected: bool = False) -> Subquery:
    """The relations table as analysts have judged it (same columns, plus
    `extracted_type`, `rejected`, `confirmed`, `basis`, `judged_at`)."""
    return _relations(bool(include_rejected))


def events(include_rejected: bool = False) -> Subquery:
    """The events table as analysts have judged it (see `relations`)."""
    return _events(bool(include_rejected))


def claims(include_rejected: bool = False) -> Subquery:
    """The claims table as analysts have judged it (`rejected`, `confirmed`, `basis`, `judged_at`)."""
    return _claims(bool(include_rejected))


def unjudged_relations(view: Subquery):
    """A condition on `relations()`: the relations the review queue holds, those with a
    stored confidence (every relation the extraction made; none an analyst added) and no
    standing judgement (the view leaves out the rejected; confirmed and retyped ones go)."""
    return view.c.confidence.isnot(None) & (view.c.confirmed == false()) & ~view.c.id.in_(_judged("relation", "retype"))


def count_unjudged_relations(conn: Connection) -> int:
    """How many relations `unjudged_relations` holds, without reading them all: those
    with a confidence (an index count) less the few with a standing judgement or
    rejected with the claim or event that carries them (index lookups)."""
    r = t.relations
    stored = conn.execute(select(func.count()).select_from(r).where(r.c.confidence.isnot(None))).scalar()
    judged = conn.execute(select(func.count()).select_from(r).where(r.c.confidence.isnot(None), or_(
        r.c.id.in_(select(J.c.record_id).where(J.c.record == "relation", J.c.action.in_(("reject", "confirm", "retype")),
                                               J.c.undone_at.is_(None))),
        r.c.claim_id.in_(_judged("claim", "reject")),
        r.c.event_id.in_(_judged("event", "reject")),
    ))).scalar()
    return stored - judged


# ---------------------------------------------------------------- judging


def _record(conn, kind, record_id, action, type_, detail, author, reason) -> int:
    return conn.execute(insert(J), dict(
        record=kind, record_id=record_id, action=action, type=type_, detail=detail,
        author=author, reason=reason, made_at=_now(),
    )).inserted_primary_key[0]


def _standing(conn, kind: str, record_id: int, action: str) -> int | None:
    return conn.execute(select(func.max(J.c.id)).where(
        J.c.record == kind, J.c.record_id == record_id, J.c.action == action, J.c.undone_at.is_(None),
    )).scalar()


def _current(conn, kind: str, record_id: int) -> dict:
    """The record as judged, rejected or not; UnknownRecord if there is none."""
    if kind not in TABLES:
        raise UnknownRecord(f"no kind of record '{kind}' (relation, event or claim)")
    view = {"relation": relations, "event": events, "claim": claims}[kind](include_rejected=True)
    row = conn.execute(select(view).where(view.c.id == record_id)).first()
    if row is None:
        raise UnknownRecord(f"no {kind} {record_id} in the store")
    return dict(row._mapping)


def _not_rejected(conn, kind: str, record_id: int) -> dict:
    row = _current(conn, kind, record_id)
    rejected = _standing(conn, kind, record_id, "reject")
    if rejected is not None:
        raise AlreadyJudged(f"{kind} {record_id} is already rejected (judgement {rejected}); undo that first")
    return row


def reject(conn: Connection, kind: str, record_id: int, author: str, reason: str) -> int:
    """Judge a record wrong: it drops out of every answer, with what it carries."""
    _not_rejected(conn, kind, record_id)
    return _record(conn, kind, record_id, "reject", None, {}, author, reason)


def confirm(conn: Connection, kind: str, record_id: int, author: str, reason: str) -> int:
    """Judge a record right: answers mark it confirmed."""
    _not_rejected(conn, kind, record_id)
    confirmed = _standing(conn, kind, record_id, "confirm")
    if confirmed is not None:
        raise AlreadyJudged(f"{kind} {record_id} is already confirmed (judgement {confirmed})")
    return _record(conn, kind, record_id, "confirm", None, {}, author, reason)


def retype(conn: Connection, kind: str, record_id: int, new_type: str, author: str, reason: str) -> int:
    """Judge a relation's or an event's type wrong: it answers under `new_type`."""
    types = _types(kind) if kind in TABLES else ()
    row = _not_rejected(conn, kind, record_id)
    if new_type not in types:
        raise UnknownType(f"no {kind} type '{new_type}'; the types are {', '.join(types)}")
    if row["type"] == new_type:
        raise AlreadyJudged(f"{kind} {record_id} is already of type {new_type}")
    return _record(conn, kind, record_id, "retype", new_type, {"from": row["type"], "to": new_type}, author, reason)


def _document(conn, document_id: int, span: tuple[int, int] | None) -> tuple[str, int, int]:
    text = conn.execute(select(t.documents.c.text).where(t.documents.c.id == document_id)).scalar()
    if text is None:
        raise BadEvidence(f"no document {document_id} in the store")
    if span is None:
        return "", 0, 0  # no span: the document as a whole is the evidence
    start, end = span
    if not 0 <= start < end <= len(text):
        raise BadEvidence(f"span {start}:{end} is not within document {document_id} (0:{len(text)})")
    return text[start:end], start, end


def _when(value: str | None) -> tuple[str | None, str | None]:
    """An ISO date of day, month or year precision, and that precision."""
    if value is None:
        return None, None
    precision = {4: "year", 7: "month", 10: "day"}.get(len(value))
    try:
        datetime.strptime(value, {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[precision])
    except (KeyError, ValueError):
        raise BadEvidence(f"'{value}' is not a date as YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value, precision


def _mention(conn, document_id: int, actor_id: int, start: int, end: int) -> tuple[int, int]:
    """Where the document names the actor: inside the evidence span if it does there,
    else its first mention; the evidence span when the document never names it."""
    m = t.mentions
    rows = conn.execute(select(m.c.start, m.c.end).where(m.c.document_id == document_id, m.c.actor_id.in_(family(conn, [actor_id]))).order_by(m.c.start)).all()
    inside = [r for r in rows if start <= r.start and r.end <= end]
    best = (inside or rows or [(start, end)])[0]
    return best[0], best[1]


def _add(conn, kind: str, record_id: int, type_: str | None, document_id: int, span, author: str, reason: str) -> tuple[int, int]:
    detail = {"document": document_id, "span": list(span) if span else None}
    return _record(conn, kind, record_id, "add", type_, detail, author, reason), record_id


def add_relation(conn: Connection, document_id: int, source_id: int, target_id: int, type_: str, author: str, reason: str,
                 span: tuple[int, int] | None = None, when: str | None = None, modality: str = "asserted") -> tuple[int, int]:
    """A relation the extraction missed, with a document (and span) as evidence.
    Returns (judgement id, relation id)."""
    if type_ not in _types("relation"):
        raise UnknownType(f"no relation type '{type_}'; the types are {', '.join(_types('relation'))}")
    if family(conn, [source_id])[0] == family(conn, [target_id])[0]:
        raise RecordJudgementError("a relation needs two different actors")
    evidence, start, end = _document(conn, document_id, span)
    when_start, precision = _when(when)
    (ss, se), (ts, te) = _mention(conn, document_id, source_id, start, end), _mention(conn, document_id, target_id, start, end)
    rid = conn.execute(insert(t.relations), dict(
        document_id=document_id, type=type_, source_id=source_id, target_id=target_id, source_start=ss, source_end=se,
        target_start=ts, target_end=te, evidence=evidence, evidence_start=start, evidence_end=end, modality=modality,
        claim_id=None, event_id=None, when_start=when_start, when_end=when_start, when_precision=precision,
        confidence=None, rule=ANALYST, recorded_at=_now(),
    )).inserted_primary_key[0]
    return _add(conn, "relation", rid, type_, document_id, span, author, reason)


def add_event(conn: Connection, document_id: int, type_: str, actors: list[int], recipients: list[int], author: str, reason: str,
              span: tuple[int, int] | None = None, when: str | None = None, modality: str = "asserted") -> tuple[int, int]:
    """An event the extraction missed. Returns (judgement id, event id)."""
    if type_ not in event_types():
        raise UnknownType(f"no event type '{type_}'; the types are {', '.join(event_types())}")
    if not actors and not recipients:
        raise RecordJudgementError("an event needs a participant: an actor or a recipient")
    trigger, start, end = _document(conn, document_id, span)
    when_start, precision = _when(when)
    now = _now()
    eid = conn.execute(insert(t.events), dict(
        document_id=document_id, local_id=ANALYST, type=type_, mode=None, trigger=trigger, modality=modality,
        when_start=when_start, when_end=when_start, when_precision=precision, where_id=None, claim_id=None,
        evidence_start=start, evidence_end=end, rule=ANALYST, recorded_at=now,
    )).inserted_primary_key[0]
    parts = [(a, "actor") for a in actors] + [(a, "recipient") for a in recipients]
    if parts:
        conn.execute(insert(t.event_participants), [
            dict(event_id=eid, actor_id=a, role=role, start=s, end=e, recorded_at=now)
            for a, role in parts for s, e in [_mention(conn, document_id, a, start, end)]
        ])
    return _add(conn, "event", eid, type_, document_id, span, author, reason)


def add_claim(conn: Connection, document_id: int, speaker_id: int, span: tuple[int, int], author: str, reason: str,
              said_on: str | None = None) -> tuple[int, int]:
    """A claim the extraction missed: `span` is its content. Returns (judgement id, claim id)."""
    if span is None:
        raise BadEvidence("a claim needs a span: its content is the text the span covers")
    content, start, end = _document(conn, document_id, span)
    day, precision = _when(said_on)
    if day is None:  # as the extraction does: said when published unless the text says otherwise
        day = conn.execute(select(t.documents.c.published).where(t.documents.c.id == document_id)).scalar()
        precision = "day" if day else None
    ss, se = _mention(conn, document_id, speaker_id, start, end)
    cid = conn.execute(insert(t.claims), dict(
        document_id=document_id, local_id=ANALYST, speaker_id=speaker_id, speaker_start=ss, speaker_end=se,
        cue="", cue_start=start, cue_end=start, content=content, content_start=start, content_end=end,
        quote_type="indirect", direct_quote=False, channel=None, said_on=day, said_on_precision=precision,
        said_on_basis=ANALYST if said_on else "publication date", via=[], rule=ANALYST, recorded_at=_now(),
    )).inserted_primary_key[0]
    return _add(conn, "claim", cid, None, document_id, span, author, reason)


# ---------------------------------------------------------------- undoing and history


def undo(conn: Connection, judgement_id: int, author: str, kind: str | None = None) -> dict:
    """Take a judgement back (its row stays, marked undone). `kind`, when given, must
    be the kind of record it judged: `factions event undo` does not undo a claim's."""
    row = conn.execute(select(J).where(J.c.id == judgement_id)).first()
    if row is None:
        raise UnknownJudgement(f"no judgement {judgement_id} on a relation, an event or a claim")
    if kind is not None and row.record != kind:
        raise UnknownJudgement(f"judgement {judgement_id} judged {row.record} {row.record_id}, not {_A[kind]}")
    if row.undone_at is not None:
        raise AlreadyUndone(f"judgement {judgement_id} was already undone (by {row.undone_by} at {row.undone_at:%Y-%m-%d %H:%M})")
    later = conn.execute(select(J.c.id).where(
        J.c.record == row.record, J.c.record_id == row.record_id, J.c.id > judgement_id, J.c.undone_at.is_(None),
    ).order_by(J.c.id)).scalars().all()
    if later:
        raise UndoOrder(f"undo the later judgements on {row.record} {row.record_id} first: {', '.join(map(str, later))}")
    conn.execute(update(J).where(J.c.id == judgement_id).values(undone_at=_now(), undone_by=author))
    return dict(row._mapping)


def history(conn: Connection, kind: str | None = None, record_id: int | None = None) -> list[dict]:
    """Judgements on records, oldest first, undone ones included."""
    stmt = select(J).order_by(J.c.id)
    if kind is not None:
        stmt = stmt.where(J.c.record == kind)
    if record_id is not None:
        stmt = stmt.where(J.c.record_id == record_id)
    return [dict(r._mapping) for r in conn.execute(stmt)]


def document_id(conn: Connection, value: str) -> int:
    """A document named by its source as stored (a path, a URL) or by its id."""
    d = t.documents
    found = conn.execute(select(d.c.id).where(d.c.source == value)).scalars().all()
    if len(found) == 1:
        return found[0]
    if not found and value.isdigit() and conn.execute(select(d.c.id).where(d.c.id == int(value))).scalar() is not None:
        return int(value)
    if found:
        raise BadEvidence(f"{len(found)} documents have the source '{value}'; name one by its id ({', '.join(map(str, found))})")
    raise BadEvidence(f"no document '{value}' in the store (give its source as stored, or its id)")


def parse_record(value: str) -> tuple[str, int]:
    """"relation:12" → ("relation", 12)."""
    kind, _, number = value.partition(":")
    if kind not in TABLES or not number.isdigit():
        raise UnknownRecord(f"'{value}' is not a record as relation:ID, event:ID or claim:ID")
    return kind, int(number)
