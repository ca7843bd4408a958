"""Search across document text, claim content and actor names by substring (SQL LIKE,
case-insensitive on both backends): a portable stop-gap the workbench's pages use until
a full-text index (SQLite FTS5 / PostgreSQL) answers the same question."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from factions.analysis.queries import _actor_names
from factions.names import normalise
from factions.store import records
from factions.store import schema as t

SNIPPET = 80  # characters of context either side of a hit in a document


class EmptyQuery(ValueError):
    """A search for nothing (empty or only spaces)."""


def _like(text: str) -> str:
    """A LIKE pattern matching `text` literally anywhere ("%" and "_" are not wildcards)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _snippet(text: str, query: str) -> dict:
    at = text.lower().find(query.lower())
    if at < 0:
        return {"before": text[: 2 * SNIPPET], "hit": "", "after": "", "start": 0}
    start = max(0, at - SNIPPET)
    return {"before": ("…" if start else "") + text[start:at], "hit": text[at : at + len(query)],
            "after": text[at + len(query) : at + len(query) + SNIPPET] + ("…" if at + len(query) + SNIPPET < len(text) else ""),
            "start": at}


def search(conn: Connection, query: str, limit: int = 20) -> dict:
    """Documents whose text or title holds `query`, claims whose content does (as judged),
    and actors with a name that does (as written or folded), each list at most `limit`."""
    query = query.strip()
    if not query:
        raise EmptyQuery("search for something: the query is empty")
    pattern = _like(query)
    d = t.documents
    doc_rows = conn.execute(
        select(d.c.id, d.c.title, d.c.source, d.c.published, d.c.text)
        .where(func.lower(d.c.text).like(pattern, escape="\\") | func.lower(d.c.title).like(pattern, escape="\\"))
        .order_by(d.c.published.desc(), d.c.id).limit(limit)
    ).all()
    c = records.claims()
    claim_rows = conn.execute(
        select(c.c.id, c.c.document_id, c.c.speaker_id, c.c.cue, c.c.content, c.c.content_start, c.c.said_on)
        .where(func.lower(c.c.content).like(pattern, escape="\\")).order_by(c.c.said_on, c.c.id).limit(limit)
    ).all()
    n, a = t.actor_names, t.actors
    live = n.c.retracted_at.is_(None)
    by_name = func.lower(n.c.name).like(pattern, escape="\\") | n.c.norm.like(_like(normalise(query)), escape="\\")
    actor_ids = [r[0] for r in conn.execute(
        select(func.coalesce(a.c.merged_into, a.c.id)).join(n, n.c.actor_id == a.c.id).where(live, by_name).distinct().limit(limit)
    )]
    names = _actor_names(conn, {r.speaker_id for r in claim_rows} | set(actor_ids))
    kinds = dict(conn.execute(select(a.c.id, a.c.kind).where(a.c.id.in_(actor_ids))).all()) if actor_ids else {}
    return {
        "query": query,
        "documents": [{"id": r.id, "title": r.title, "source": r.source, "published": r.published, **_snippet(r.text, query)} for r in doc_rows],
        "claims": [{"id": r.id, "document_id": r.document_id, "speaker": names[r.speaker_id], "cue": r.cue, "content": r.content,
                    "said_on": r.said_on, "span_start": r.content_start} for r in claim_rows],
        "actors": sorted(({"id": i, "name": names[i], "kind": kinds.get(i)} for i in set(actor_ids)), key=lambda x: x["name"].lower()),
    }
