"""Documents as stored: a page of them (`list_documents`), and one with its text and
every span the extraction found in it (`document`: mentions; claims with speaker, cue
and content; events with their participants; relations), each record with the rule
that made it and as analysts judged it. Every span is character offsets into `text`.
The API and the reader page answer with the same `document`."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from factions.analysis.paging import page_query, paged
from factions.rules import registry
from factions.store import records
from factions.store import schema as t
from factions.store.judgements import roots


class UnknownDocument(LookupError):
    """A document id the store does not hold."""


def list_documents(conn: Connection, limit: int = 50, offset: int = 0) -> dict:
    """Documents by publication date (undated last), with their record counts."""
    d = t.documents
    counts = {
        name: select(func.count()).select_from(view).where(view.c.document_id == d.c.id).scalar_subquery().label(name)
        for name, view in (("mentions", t.mentions), ("claims", records.claims()), ("events", records.events()),
                           ("relations", records.relations()))
    }
    stmt = (
        select(d.c.id, d.c.source, d.c.url, d.c.title, d.c.publisher, d.c.published, func.length(d.c.text).label("characters"),
               *counts.values())
        .order_by(d.c.published.is_(None), d.c.published, d.c.id)
    )
    total, rows = page_query(conn, stmt, limit, offset)
    return paged(rows, total, limit, offset)


def _span(start: int | None, end: int | None) -> dict | None:
    """A span as {"start", "end"}; None when there is none (no start, or nothing between)."""
    return None if start is None or end is None or end <= start else {"start": start, "end": end}


def rule_of(rule_id: str | None) -> dict:
    """A record's rule id with the registry's one-line summary (an analyst's record has
    rule "analyst"; records stored before rules had ids have none)."""
    rule = registry().get(rule_id) if rule_id else None
    return {"rule": rule_id, "rule_summary": rule.summary if rule else None}


# Ids a store can hold: a larger number is no document (and no database error).
_MAX_ID = 2**63 - 1


def document(conn: Connection, document_id: int) -> dict:
    """One document: its metadata and text exactly as stored, and every record extracted
    from it with its character spans ({"start", "end"} into `text`), the rule that made
    it (with the rule's summary) and how analysts judged it (`rejected`, `confirmed`,
    `basis`; a retyped record's `type` is the analyst's, `extracted_type` the rule's).
    Rejected records are included and flagged: the reader shows what was rejected.
    Actors appear as {"id", "name"}, each under the actor it was merged into.

    The API's `/documents/{id}` and the reader page both answer with this. An id the
    store does not hold raises UnknownDocument."""
    if not isinstance(document_id, int) or not 0 < document_id <= _MAX_ID:
        raise UnknownDocument(f"no document {document_id} in the store")
    d = t.documents
    row = conn.execute(select(d).where(d.c.id == document_id)).first()
    if row is None:
        raise UnknownDocument(f"no document {document_id} in the store")
    doc = {k: v for k, v in row._mapping.items() if k not in ("text_sha256", "recorded_at")}
    m = t.mentions
    mentions = [dict(r._mapping) for r in conn.execute(
        select(m.c.id, m.c.actor_id, m.c.start, m.c.end, m.c.text, m.c.label, m.c.basis).where(m.c.document_id == document_id).order_by(m.c.start, m.c.id))]
    c = records.claims(include_rejected=True)
    claims = [dict(r._mapping) for r in conn.execute(select(c).where(c.c.document_id == document_id).order_by(c.c.content_start, c.c.id))]
    e, pl = records.events(include_rejected=True), t.places
    events = [dict(r._mapping) for r in conn.execute(
        select(e, pl.c.name.label("place_name"), pl.c.lat, pl.c.lon, pl.c.country)
        .outerjoin(pl, pl.c.id == e.c.place_id).where(e.c.document_id == document_id).order_by(e.c.evidence_start, e.c.id))]
    p = t.event_participants
    participants = [dict(r._mapping) for r in conn.execute(
        select(p.c.event_id, p.c.actor_id, p.c.role, p.c.start, p.c.end).where(p.c.event_id.in_([x["id"] for x in events])).order_by(p.c.id))] if events else []
    r = records.relations(include_rejected=True)
    relations = [dict(x._mapping) for x in conn.execute(select(r).where(r.c.document_id == document_id).order_by(r.c.evidence_start, r.c.id))]

    ids = ({x["actor_id"] for x in mentions} | {x["speaker_id"] for x in claims} | {v for x in claims for v in x["via"]}
           | {x["actor_id"] for x in participants} | {x["source_id"] for x in relations} | {x["target_id"] for x in relations})
    top = roots(conn, ids)
    names = dict(conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(set(top.values())))).all()) if top else {}

    def actor(actor_id: int | None) -> dict | None:
        return None if actor_id is None else {"id": top[actor_id], "name": names[top[actor_id]]}

    def judged(x: dict) -> dict:
        return {**rule_of(x["rule"]), "basis": x["basis"], "confirmed": bool(x["confirmed"]), "rejected": bool(x["rejected"])}

    doc["mentions"] = [{"id": x["id"], "span": _span(x["start"], x["end"]), "text": x["text"], "label": x["label"], "basis": x["basis"],
                        "actor": actor(x["actor_id"])} for x in mentions]
    doc["claims"] = [{
        "id": x["id"], "speaker": actor(x["speaker_id"]), "speaker_span": _span(x["speaker_start"], x["speaker_end"]),
        "cue": x["cue"], "cue_span": _span(x["cue_start"], x["cue_end"]),
        "content": x["content"], "content_span": _span(x["content_start"], x["content_end"]),
        "quote_type": x["quote_type"], "channel": x["channel"], "said_on": x["said_on"], "via": [actor(v) for v in x["via"]],
        **judged(x),
    } for x in claims]
    by_event: dict[int, list[dict]] = {}
    for x in participants:
        by_event.setdefault(x["event_id"], []).append({"role": x["role"], "actor": actor(x["actor_id"]), "span": _span(x["start"], x["end"])})
    doc["events"] = [{
        "id": x["id"], "type": x["type"], "extracted_type": x["extracted_type"], "trigger": x["trigger"], "modality": x["modality"],
        "when": x["when_start"], "when_precision": x["when_precision"], "claim": x["claim_id"],
        "span": _span(x["evidence_start"], x["evidence_end"]), "condition_span": _span(x["condition_start"], x["condition_end"]),
        "participants": by_event.get(x["id"], []),
        "place": None if x["place_name"] is None else {"name": x["place_name"], "lat": x["lat"], "lon": x["lon"], "country": x["country"]},
        **judged(x),
    } for x in events]
    doc["relations"] = [{
        "id": x["id"], "type": x["type"], "extracted_type": x["extracted_type"], "modality": x["modality"],
        "source": actor(x["source_id"]), "source_span": _span(x["source_start"], x["source_end"]),
        "target": actor(x["target_id"]), "target_span": _span(x["target_start"], x["target_end"]),
        "evidence": x["evidence"], "span": _span(x["evidence_start"], x["evidence_end"]),
        "when": x["when_start"], "claim": x["claim_id"], "event": x["event_id"], "confidence": x["confidence"], **judged(x),
    } for x in relations]
    return doc
