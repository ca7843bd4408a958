"""Who does what to whom: the store's relations listed by (source, type, target), each
row with its evidence counted, its independent sources and a confidence, filtered and
paged. The per-pair question ("what is A to B as of a date?") is `relation_evidence`.

A row's `sources` are the independent sources of its evidence for it (asserted,
reported, alleged: not denials or prospects) and `confidence` combines them as a
relation state's does (analysis/states.py: the noisy-or of each source's best
Admiralty grade weight), without the discount for evidence against, which belongs to
a state between two actors, not to a type of relation.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from factions.analysis import grading
from factions.analysis.paging import check, paged
from factions.analysis.queries import resolve_actor, with_parts
from factions.analysis.states import polarity
from factions.relations.types import relation_types
from factions.store import records
from factions.store import schema as t
from factions.store.judgements import roots

MODALITIES = ("asserted", "reported", "alleged", "denied", "negated", "hypothetical", "future", "conditional")
# A row lists the ids of at most this many of its relations (its `evidence` counts all).
IDS_PER_ROW = 20


class BadFilter(ValueError):
    """A filter value that cannot select anything: an unknown type or modality, a bad date."""


def _check_date(value: str | None, name: str) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise BadFilter(f"{name} must be a date as YYYY-MM-DD, not '{value}'") from None


def list_relations(conn: Connection, type: str | None = None, parties: list[str] | None = None, date_from: str | None = None,
                   date_to: str | None = None, modality: str | None = None, min_confidence: float = 0.0, min_sources: int = 0,
                   parts: bool = False, limit: int = 50, offset: int = 0) -> dict:
    """Relations grouped by (source, type, target), most evidence first. `parties`:
    one name (relations it is a side of) or two (relations between them, either way);
    with `parts`, each party's whole family. Dates bound the evidence's date (the
    event's, else when it was said, else published). Unknown names raise the
    lookup errors of `resolve_actor`; bad filter values raise BadFilter."""
    check(limit, offset)
    if type is not None and type not in relation_types():
        raise BadFilter(f"no relation type '{type}'; the types are {', '.join(relation_types())}")
    if modality is not None and modality not in MODALITIES:
        raise BadFilter(f"no modality '{modality}'; the modalities are {', '.join(MODALITIES)}")
    _check_date(date_from, "date_from")
    _check_date(date_to, "date_to")
    if not 0.0 <= min_confidence <= 1.0:
        raise BadFilter(f"min_confidence must be between 0 and 1, not {min_confidence}")
    if min_sources < 0:
        raise BadFilter(f"min_sources must be 0 or more, not {min_sources}")
    if len(parties or []) > 2:
        raise BadFilter("give at most two parties")

    r, c, d = records.relations(), records.claims(include_rejected=True), t.documents
    when = func.coalesce(r.c.when_start, c.c.said_on, d.c.published)
    stmt = (
        select(r.c.id, r.c.type, r.c.source_id, r.c.target_id, r.c.modality, r.c.evidence, when.label("date"),
               c.c.speaker_id, c.c.content, d.c.publisher, d.c.source)
        .join(d, d.c.id == r.c.document_id).outerjoin(c, c.c.id == r.c.claim_id)
    )
    sides = [resolve_actor(conn, name) for name in parties or []]
    if parts:
        sides = [with_parts(conn, ids) for ids in sides]
    if len(sides) == 1:
        stmt = stmt.where(or_(r.c.source_id.in_(sides[0]), r.c.target_id.in_(sides[0])))
    elif len(sides) == 2:
        stmt = stmt.where(or_(r.c.source_id.in_(sides[0]) & r.c.target_id.in_(sides[1]),
                              r.c.source_id.in_(sides[1]) & r.c.target_id.in_(sides[0])))
    if type:
        stmt = stmt.where(r.c.type == type)
    if modality:
        stmt = stmt.where(r.c.modality == modality)
    if date_from:
        stmt = stmt.where(when >= date_from)
    if date_to:
        stmt = stmt.where(when <= date_to)
    rows = conn.execute(stmt.order_by(r.c.id)).all()

    top = roots(conn, {x.source_id for x in rows} | {x.target_id for x in rows} | {x.speaker_id for x in rows})
    a = t.actors
    actors = {x.id: dict(x._mapping) for x in conn.execute(select(a.c.id, a.c.name, a.c.kind, a.c.kb_id).where(a.c.id.in_(set(top.values()))))} if top else {}
    groups: dict[tuple[int, str, int], list[dict]] = {}
    for x in rows:
        speaker = actors[top[x.speaker_id]] if x.speaker_id else None
        groups.setdefault((top[x.source_id], x.type, top[x.target_id]), []).append({
            "relation": x.id, "date": x.date, "modality": x.modality, "content": x.content, "evidence": x.evidence,
            "source_key": f"actor:{speaker['id']}" if speaker else f"outlet:{x.publisher or x.source}",
            "reliability": grading.reliability(speaker),
        })
    out = []
    for (source, kind, target), items in groups.items():
        independent = grading.independent_groups([i for i in items if polarity(i["modality"]) == "for"])
        missing = 1.0  # the chance that every independent source is wrong
        for group in independent:
            missing *= 1 - max(grading.weight(i["reliability"]) for i in group)
        confidence = round(1 - missing, 3)
        if len(independent) < min_sources or confidence < min_confidence:
            continue
        dates = sorted(i["date"] for i in items if i["date"])
        out.append({
            "source": {"id": source, "name": actors[source]["name"], "kind": actors[source]["kind"]},
            "type": kind,
            "target": {"id": target, "name": actors[target]["name"], "kind": actors[target]["kind"]},
            "evidence": len(items), "sources": len(independent), "confidence": confidence,
            "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
            "modalities": dict(Counter(i["modality"] for i in items)),
            "relations": [i["relation"] for i in sorted(items, key=lambda i: (i["date"] or "", i["relation"]))][:IDS_PER_ROW],
        })
    out.sort(key=lambda x: (-x["evidence"], -x["confidence"], x["source"]["name"], x["type"], x["target"]["name"]))
    return paged(out[offset : offset + limit], len(out), limit, offset)
