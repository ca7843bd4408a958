"""Full-text search over document text and titles, claim content and actor names,
through the index of `store/fulltext.py` (SQLite FTS5, PostgreSQL text search).

A query is words and "quoted phrases"; every one must match (AND). A word with
punctuation inside is a phrase ("al-Qaeda": al then qaeda), and no user input reaches
the backend's query syntax. Claims are read as analysts judged them (a
rejected claim is not found), actors under the actor they were merged into, and an
alias an analyst took back no longer finds its actor.
"""

from __future__ import annotations

import re

from sqlalchemy import Integer, column, func, literal_column, select, table
from sqlalchemy.engine import Connection

from factions.analysis.paging import check, paged
from factions.store import fulltext, records
from factions.store import schema as t
from factions.store.judgements import roots

KINDS = ("documents", "claims", "actors")
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


class BadQuery(ValueError):
    """A search query with no word to look for."""


def phrases(query: str) -> list[str]:
    """The query as phrases, each holding a word: 'al-Qaeda "Islamic State" ?' →
    ["al-Qaeda", "Islamic State"]."""
    out = [quoted or bare for quoted, bare in _TERM.findall(query) if _WORD.search(quoted or bare)]
    if not out:
        raise BadQuery(f"the query '{query}' has no word to search for")
    return out


def _fts5_query(parts: list[str]) -> str:
    # Each phrase double-quoted, of its words only: FTS5 reads nothing inside as an operator.
    return " AND ".join('"' + " ".join(_WORD.findall(p)) + '"' for p in parts)


def _pg_query(parts: list[str]):
    # phraseto_tsquery per phrase, joined with &&: the text is parsed as text (PostgreSQL
    # splits "ez-Zor" the same way in the query as in the document), never as tsquery syntax.
    queries = [func.phraseto_tsquery(literal_column("'simple'"), p) for p in parts]
    q = queries[0]
    for other in queries[1:]:
        q = q.op("&&")(other)
    return q


def search(conn: Connection, query: str, kinds: tuple[str, ...] = KINDS, limit: int = 20, offset: int = 0) -> dict:
    """Matches of `query`, best first, by kind: {"query", "documents", "claims",
    "actors"}, each a page ({"total", "limit", "offset", "items"}) of that kind.
    Raises BadQuery for a query with no word in it."""
    check(limit, offset)
    parts = phrases(query)
    out: dict = {"query": query}
    for kind in kinds:
        if kind not in KINDS:
            raise BadQuery(f"no kind '{kind}' to search (documents, claims or actors)")
        finder = _SQLITE if conn.dialect.name == "sqlite" else _POSTGRESQL
        total, items = finder[kind](conn, parts, limit, offset)
        out[kind] = paged(items, total, limit, offset)
    return out


# ---------------------------------------------------------------- SQLite (FTS5)


def _fts(name: str):
    return table(name, column("rowid", Integer), column("rank"))


def _sqlite_documents(conn, parts, limit, offset):
    f, d = _fts("documents_fts"), t.documents
    match = literal_column("documents_fts").op("MATCH")(_fts5_query(parts))
    total = conn.execute(select(func.count()).select_from(f).where(match)).scalar()
    snippet = func.snippet(literal_column("documents_fts"), 1, "", "", "…", 24)
    rows = conn.execute(
        select(d.c.id, d.c.title, d.c.source, d.c.published, d.c.publisher, snippet.label("snippet"))
        .select_from(f).join(d, d.c.id == f.c.rowid).where(match).order_by(f.c.rank, d.c.id).limit(limit).offset(offset)
    )
    return total, [dict(r._mapping) for r in rows]


def _sqlite_claims(conn, parts, limit, offset):
    f, c, d = _fts("claims_fts"), records.claims(), t.documents
    match = literal_column("claims_fts").op("MATCH")(_fts5_query(parts))
    base = select(f.c.rowid).select_from(f).join(c, c.c.id == f.c.rowid).where(match)
    total = conn.execute(select(func.count()).select_from(base.subquery())).scalar()
    rows = conn.execute(
        select(c.c.id, c.c.document_id, c.c.speaker_id, c.c.cue, c.c.content, c.c.content_start, c.c.content_end,
               c.c.said_on, c.c.rule, d.c.source, d.c.title)
        .select_from(f).join(c, c.c.id == f.c.rowid).join(d, d.c.id == c.c.document_id)
        .where(match).order_by(f.c.rank, c.c.id).limit(limit).offset(offset)
    )
    return total, _with_speakers(conn, [dict(r._mapping) for r in rows])


def _sqlite_actors(conn, parts, limit, offset):
    f, n = _fts("actor_names_fts"), t.actor_names
    match = literal_column("actor_names_fts").op("MATCH")(_fts5_query(parts))
    hits = conn.execute(
        select(n.c.actor_id, n.c.name).select_from(f).join(n, n.c.id == f.c.rowid)
        .where(match, n.c.retracted_at.is_(None)).order_by(f.c.rank, n.c.id)
    ).all()
    return _actors(conn, hits, limit, offset)


# ---------------------------------------------------------------- PostgreSQL


def _pg_documents(conn, parts, limit, offset):
    d, q = t.documents, _pg_query(parts)
    vector = literal_column(fulltext.PG_DOCUMENT)
    match = vector.op("@@")(q)
    total = conn.execute(select(func.count()).select_from(d).where(match)).scalar()
    snippet = func.ts_headline("simple", d.c.text, q, "StartSel=\"\",StopSel=\"\",MaxWords=35,MinWords=15")
    rows = conn.execute(
        select(d.c.id, d.c.title, d.c.source, d.c.published, d.c.publisher, snippet.label("snippet"))
        .where(match).order_by(func.ts_rank(vector, q).desc(), d.c.id).limit(limit).offset(offset)
    )
    return total, [dict(r._mapping) for r in rows]


def _pg_claims(conn, parts, limit, offset):
    c, d, q = records.claims(), t.documents, _pg_query(parts)
    # The judged view over claims is pulled up into the query, so this is the
    # expression of the index (fulltext.PG_CLAIM) on the stored rows.
    vector = func.to_tsvector(literal_column("'simple'"), c.c.content)
    match = vector.op("@@")(q)
    total = conn.execute(select(func.count()).select_from(c).where(match)).scalar()
    rows = conn.execute(
        select(c.c.id, c.c.document_id, c.c.speaker_id, c.c.cue, c.c.content, c.c.content_start, c.c.content_end,
               c.c.said_on, c.c.rule, d.c.source, d.c.title)
        .join(d, d.c.id == c.c.document_id).where(match)
        .order_by(func.ts_rank(vector, q).desc(), c.c.id).limit(limit).offset(offset)
    )
    return total, _with_speakers(conn, [dict(r._mapping) for r in rows])


def _pg_actors(conn, parts, limit, offset):
    n, q = t.actor_names, _pg_query(parts)
    vector = literal_column(fulltext.PG_ACTOR_NAME)
    hits = conn.execute(
        select(n.c.actor_id, n.c.name).where(vector.op("@@")(q), n.c.retracted_at.is_(None))
        .order_by(func.ts_rank(vector, q).desc(), n.c.id)
    ).all()
    return _actors(conn, hits, limit, offset)


# ---------------------------------------------------------------- shared


def _with_speakers(conn, rows: list[dict]) -> list[dict]:
    top = roots(conn, {r["speaker_id"] for r in rows})
    names = dict(conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(set(top.values())))).tuples().all()) if top else {}
    for r in rows:
        r["speaker_id"] = top[r["speaker_id"]]
        r["speaker"] = names[r["speaker_id"]]
    return rows


def _actors(conn, hits, limit: int, offset: int) -> tuple[int, list[dict]]:
    """Matching names → actors (each under the actor it was merged into, once, in
    the order of its best-ranked name), with the names that matched."""
    top = roots(conn, {h.actor_id for h in hits})
    matched: dict[int, list[str]] = {}
    for h in hits:
        names = matched.setdefault(top[h.actor_id], [])
        if h.name not in names:
            names.append(h.name)
    ids = list(matched)[offset : offset + limit]
    a = t.actors
    rows = {r.id: r for r in conn.execute(select(a.c.id, a.c.name, a.c.kind, a.c.kb_id).where(a.c.id.in_(ids)))} if ids else {}
    items = [{"id": i, "name": rows[i].name, "kind": rows[i].kind, "kb_id": rows[i].kb_id, "matched": matched[i]} for i in ids]
    return len(matched), items


_SQLITE = {"documents": _sqlite_documents, "claims": _sqlite_claims, "actors": _sqlite_actors}
_POSTGRESQL = {"documents": _pg_documents, "claims": _pg_claims, "actors": _pg_actors}
