"""Relations as evidence an analyst reads and judges: an actor's relations with their
sentences, and the review queue (the relations the extraction is least sure of first)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from factions.analysis.documents import rule_of
from factions.analysis.paging import check, paged
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


def review_queue(conn: Connection, limit: int = 25, offset: int = 0) -> dict:
    """The review queue, a page of it: relations the extraction made that no analyst
    has judged (none standing: confirmed, rejected or retyped; an undone judgement puts
    its relation back), least sure first — by the stored `confidence` (the measured
    confidence of the rule that made it, set at ingest: factions.rules.relation_confidence),
    ties by id. A relation an analyst added carries no confidence and is not queued. Each
    item has `sources`: how many documents report the same type between the same two
    actors (1: a single source). The API's /review and the review page both read this."""
    check(limit, offset)
    r, d = records.relations(), t.documents
    stmt = (
        select(r, d.c.title, d.c.source.label("source_doc"), d.c.published)
        .join(d, d.c.id == r.c.document_id)
        .where(records.unjudged_relations(r))
        .order_by(r.c.confidence, r.c.id)  # ix_relations_confidence: the page is read in order, not sorted
        .limit(limit).offset(offset)
    )
    rows = [dict(x._mapping) for x in conn.execute(stmt)]
    total = records.count_unjudged_relations(conn)
    names = _actor_names(conn, {x["source_id"] for x in rows} | {x["target_id"] for x in rows})
    sources = _sources(conn, rows)
    return paged([{**_item(x, names), "sources": sources[_pair(x)]} for x in rows], total, limit, offset)


def _pair(x: dict) -> tuple[str, int, int]:
    return x["type"], min(x["source_id"], x["target_id"]), max(x["source_id"], x["target_id"])


def _sources(conn: Connection, rows: list[dict]) -> dict[tuple[str, int, int], int]:
    """Documents reporting each (type, pair) of `rows` (either direction, as judged), in
    one query over the pairs' index entries, not over the whole table."""
    pairs = {_pair(x) for x in rows}
    if not pairs:
        return {}
    r = records.relations()
    stmt = select(r.c.type, r.c.source_id, r.c.target_id, r.c.document_id).where(or_(*[
        and_(r.c.type == kind, r.c.source_id.in_([a, b]), r.c.target_id.in_([a, b])) for kind, a, b in pairs
    ]))
    documents: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    for x in conn.execute(stmt):
        documents[_pair(x._mapping)].add(x.document_id)
    return {pair: len(documents[pair]) for pair in pairs}
