"""Relations as evidence an analyst reads and judges: an actor's relations with their
sentences, and the review queue (the relations most worth a second look first)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, case, false, func, or_, select
from sqlalchemy.engine import Connection

from factions.analysis.documents import rule_of
from factions.analysis.queries import _actor_names
from factions.store import records
from factions.store import schema as t


def _item(x: dict, names: dict[int, str]) -> dict:
    return {
        "relation": x["id"], "type": x["type"], "extracted_type": x["extracted_type"],
        "source": names[x["source_id"]], "source_id": x["source_id"], "target": names[x["target_id"]], "target_id": x["target_id"],
        "modality": x["modality"], "when": x["when_start"], "evidence": x["evidence"], "document_id": x["document_id"],
        "document": x["title"] or x["source_doc"], "published": x["published"], "span": (x["evidence_start"], x["evidence_end"]),
        "confidence": x["confidence"], "confirmed": bool(x["confirmed"]), "rejected": bool(x["rejected"]), "basis": x["basis"],
        **rule_of(x["rule"]),
    }


def actor_relations(conn: Connection, ids: list[int]) -> dict[str, list[dict]]:
    """The relations of an actor (all `ids`: it and what was merged into it) as judged,
    grouped by type, each with its sentence, document and rule; types with the most
    evidence first."""
    r, d = records.relations(), t.documents
    stmt = (
        select(r, d.c.title, d.c.source.label("source_doc"), d.c.published)
        .join(d, d.c.id == r.c.document_id)
        .where(or_(r.c.source_id.in_(ids), r.c.target_id.in_(ids)))
        .order_by(d.c.published, r.c.id)
    )
    rows = [dict(x._mapping) for x in conn.execute(stmt)]
    names = _actor_names(conn, {x["source_id"] for x in rows} | {x["target_id"] for x in rows})
    grouped: dict[str, list[dict]] = defaultdict(list)
    for x in rows:
        grouped[x["type"]].append(_item(x, names))
    return dict(sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def review_queue(conn: Connection, limit: int = 50, offset: int = 0) -> list[dict]:
    """Relations no analyst has judged (none confirmed, rejected or retyped), the weakest first: lowest stored confidence
    (none recorded counts as lowest: rule-made relations carry none), then fewest
    documents reporting the same type between the same two actors (single-source
    first), then oldest id. Each item has `sources`, that number of documents."""
    r, d = records.relations(), t.documents
    low = case((r.c.source_id < r.c.target_id, r.c.source_id), else_=r.c.target_id)
    high = case((r.c.source_id < r.c.target_id, r.c.target_id), else_=r.c.source_id)
    support = (
        select(r.c.type.label("type"), low.label("low"), high.label("high"), func.count(func.distinct(r.c.document_id)).label("sources"))
        .group_by(r.c.type, low, high).subquery("support")
    )
    # No standing judgement: rejected ones are already out of the view; a judgement taken
    # back puts its relation back in the queue.
    unjudged = (r.c.confirmed == false()) & (r.c.type == r.c.extracted_type)
    stmt = (
        select(r, d.c.title, d.c.source.label("source_doc"), d.c.published, support.c.sources)
        .join(d, d.c.id == r.c.document_id)
        .join(support, and_(support.c.type == r.c.type, support.c.low == low, support.c.high == high))
        .where(unjudged)
        .order_by(func.coalesce(r.c.confidence, -1.0), support.c.sources, r.c.id)
        .limit(limit).offset(offset)
    )
    rows = [dict(x._mapping) for x in conn.execute(stmt)]
    names = _actor_names(conn, {x["source_id"] for x in rows} | {x["target_id"] for x in rows})
    return [{**_item(x, names), "sources": x["sources"]} for x in rows]
