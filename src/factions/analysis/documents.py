"""Documents as stored, with everything extracted from them: what the reader shows.

Records are read through store/records.py (judgements applied); rejected ones are
kept and flagged, so the reader can show what an analyst took back and undo it.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from factions.analysis.queries import _actor_names
from factions.rules import registry
from factions.store import records
from factions.store import schema as t
from factions.store.judgements import roots


class DocumentNotFound(LookupError):
    """No stored document has this id."""


def list_documents(conn: Connection, limit: int = 100, offset: int = 0) -> list[dict]:
    """Documents by publication date, newest first, with how many mentions each has."""
    d, m = t.documents, t.mentions
    mentions = select(func.count()).where(m.c.document_id == d.c.id).scalar_subquery()
    stmt = (
        select(d.c.id, d.c.source, d.c.url, d.c.title, d.c.publisher, d.c.published, mentions.label("mentions"))
        .order_by(d.c.published.desc(), d.c.id).limit(limit).offset(offset)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def rule_of(rule_id: str | None) -> dict:
    """A record's rule id with the registry's one-line summary (an analyst's record has
    rule "analyst"; records stored before rules had ids have none)."""
    rule = registry().get(rule_id) if rule_id else None
    return {"rule": rule_id, "rule_summary": rule.summary if rule else None}


def _judged(row: dict) -> dict:
    return {"rejected": bool(row["rejected"]), "confirmed": bool(row["confirmed"]), "basis": row["basis"]}


def document_view(conn: Connection, document_id: int) -> dict:
    """One document: its metadata and text exactly as stored, and its mentions, claims,
    events and relations with their character spans, rule and judgement state."""
    d = t.documents
    row = conn.execute(select(d).where(d.c.id == document_id)).first()
    if row is None:
        raise DocumentNotFound(f"no document {document_id} in the store")
    doc = dict(row._mapping)
    m = t.mentions
    mention_rows = [dict(r._mapping) for r in conn.execute(select(m).where(m.c.document_id == document_id).order_by(m.c.start, m.c.id))]
    c = records.claims(include_rejected=True)
    claim_rows = [dict(r._mapping) for r in conn.execute(select(c).where(c.c.document_id == document_id).order_by(c.c.content_start, c.c.id))]
    e = records.events(include_rejected=True)
    event_rows = [dict(r._mapping) for r in conn.execute(select(e).where(e.c.document_id == document_id).order_by(e.c.evidence_start, e.c.id))]
    r = records.relations(include_rejected=True)
    relation_rows = [dict(x._mapping) for x in conn.execute(select(r).where(r.c.document_id == document_id).order_by(r.c.evidence_start, r.c.id))]
    p = t.event_participants
    participants = conn.execute(select(p.c.event_id, p.c.actor_id, p.c.role).where(p.c.event_id.in_([x["id"] for x in event_rows])).order_by(p.c.id)).all() if event_rows else []
    names = _actor_names(conn, {x["actor_id"] for x in mention_rows if x["actor_id"]} | {x["speaker_id"] for x in claim_rows}
                   | {v for x in claim_rows for v in x["via"]} | {x.actor_id for x in participants}
                   | {x["source_id"] for x in relation_rows} | {x["target_id"] for x in relation_rows})
    roles: dict[int, dict[str, list[str]]] = {}
    for x in participants:
        roles.setdefault(x.event_id, {"actor": [], "recipient": []})[x.role].append(names[x.actor_id])
    top = roots(conn, {x["actor_id"] for x in mention_rows if x["actor_id"]})
    return {
        "id": doc["id"], "source": doc["source"], "url": doc["url"], "title": doc["title"], "publisher": doc["publisher"],
        "published": doc["published"], "captured": doc["captured"], "authors": doc["authors"], "text": doc["text"],
        "mentions": [
            {"id": x["id"], "start": x["start"], "end": x["end"], "text": x["text"], "label": x["label"], "basis": x["basis"],
             "actor_id": top.get(x["actor_id"]), "actor": names.get(x["actor_id"])}
            for x in mention_rows
        ],
        "claims": [
            {"id": x["id"], "speaker": names[x["speaker_id"]], "speaker_id": x["speaker_id"],
             "speaker_span": (x["speaker_start"], x["speaker_end"]), "cue": x["cue"], "cue_span": (x["cue_start"], x["cue_end"]),
             "content": x["content"], "content_span": (x["content_start"], x["content_end"]), "channel": x["channel"],
             "said_on": x["said_on"], "via": [names[v] for v in x["via"]], "quote_type": x["quote_type"],
             **rule_of(x["rule"]), **_judged(x)}
            for x in claim_rows
        ],
        "events": [
            {"id": x["id"], "type": x["type"], "extracted_type": x["extracted_type"], "trigger": x["trigger"],
             "modality": x["modality"], "when": x["when_start"], "claim": x["claim_id"],
             "actors": roles.get(x["id"], {}).get("actor", []), "recipients": roles.get(x["id"], {}).get("recipient", []),
             "evidence_span": (x["evidence_start"], x["evidence_end"]), **rule_of(x["rule"]), **_judged(x)}
            for x in event_rows
        ],
        "relations": [
            {"id": x["id"], "type": x["type"], "extracted_type": x["extracted_type"], "source": names[x["source_id"]],
             "target": names[x["target_id"]], "modality": x["modality"], "when": x["when_start"], "claim": x["claim_id"],
             "evidence": x["evidence"], "evidence_span": (x["evidence_start"], x["evidence_end"]),
             "confidence": x["confidence"], **rule_of(x["rule"]), **_judged(x)}
            for x in relation_rows
        ],
    }
