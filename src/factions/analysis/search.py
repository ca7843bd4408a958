"""Full-text search over document text and titles, claim content and actor names,
through the index of `store/fulltext.py` (SQLite FTS5, PostgreSQL text search). The
API's `/search` and the workbench's search page both answer with `search`.

A query is words and "quoted phrases"; every one must match (AND). A word is letters
and digits: punctuation only separates words, so a word with punctuation inside is a
phrase ("al-Qaeda": al then qaeda), "100%_" is the word 100 (never a pattern), and no
user input reaches the backend's query syntax. Claims are read as analysts judged
them (a rejected claim is not found), actors under the actor they were merged into,
and an alias an analyst took back no longer finds its actor; a name that folds to the
query (`factions.names.normalise`: "al-Qaida", "DAESH") finds its actor first.

Matches come best first (SQLite: FTS5's bm25 rank; PostgreSQL: ts_rank), ties by id.
Documents and claims carry one snippet format on both backends: `snippet`, the text
around the best match ("…" where it was cut), and `highlights`, the [start, end)
offsets in `snippet` of what matched (the page wraps each in <mark>); words one
space or hyphen apart are one highlight.
"""

from __future__ import annotations

import re

from sqlalchemy import Integer, column, func, literal, literal_column, select, table
from sqlalchemy.engine import Connection

from factions.analysis.paging import check, paged
from factions.names import normalise
from factions.store import fulltext, records
from factions.store import schema as t
from factions.store.judgements import roots

KINDS = ("documents", "claims", "actors")
_TERM = re.compile(r'"([^"]*)"|(\S+)')
# What both indexes take for a word: letters and digits ("_" and "%" are punctuation).
_WORD = re.compile(r"[^\W_]+")
# The snippet's marks, from the database: private-use characters, never query syntax.
START, STOP = "\ue000", "\ue001"
# What may stand between the words of one highlighted match ("Deir ez-Zor", "al-Qaeda").
_JOIN = re.compile(r"[ \t\-‐-―'’]{0,2}")
ELLIPSIS = "…"
SNIPPET_WORDS = 32


class BadQuery(ValueError):
    """A search query with no word to look for, or an unknown kind."""


def phrases(query: str) -> list[str]:
    """The query as phrases, each holding a word: 'al-Qaeda "Islamic State" ?' →
    ["al-Qaeda", "Islamic State"]."""
    out = [quoted or bare for quoted, bare in _TERM.findall(query) if _WORD.search(quoted or bare)]
    if not out:
        raise BadQuery(f"the query '{query}' has no word to search for")
    return out


def marked(text: str, before: bool = False, after: bool = False) -> dict:
    """A snippet the database marked (START … STOP around each matching word) in the
    one format: {"snippet": plain text, with "…" where `before` / `after` it was cut,
    "highlights": [[start, end], ...] into it}. Words of one match ("Deir ez-Zor")
    are one highlight. Marks the text itself held would be read as marks: they are
    private-use characters no article uses."""
    out: list[str] = [ELLIPSIS] if before else []
    length = len(ELLIPSIS) if before else 0
    highlights: list[list[int]] = []
    at, joins = None, False  # where the open highlight starts; whether it continues the last one
    gap = ""  # the text since the last highlight closed
    for part in re.split(f"([{START}{STOP}])", text):
        if part == START:
            # A space or a hyphen since the last highlight, on the same line: one match goes on.
            at, joins = length, bool(highlights) and highlights[-1][1] + len(gap) == length and _JOIN.fullmatch(gap) is not None
        elif part == STOP:
            if at is not None and length > at:
                if joins:
                    highlights[-1][1] = length
                else:
                    highlights.append([at, length])
            at, gap = None, ""
        else:
            out.append(part)
            length += len(part)
            if at is None:
                gap += part
    if after:
        out.append(ELLIPSIS)
    return {"snippet": "".join(out), "highlights": highlights}


def search(conn: Connection, query: str, kinds: tuple[str, ...] = KINDS, limit: int = 20, offset: int = 0) -> dict:
    """Matches of `query`, best first, by kind: {"query", "documents", "claims",
    "actors"}, each a page ({"total", "limit", "offset", "items"}) of that kind.
    Raises BadQuery for a query with no word in it, or a kind not in KINDS."""
    check(limit, offset)
    parts = phrases(query)
    for kind in kinds:
        if kind not in KINDS:
            raise BadQuery(f"no kind '{kind}' to search (documents, claims or actors)")
    finder = _SQLITE if conn.dialect.name == "sqlite" else _POSTGRESQL
    out: dict = {"query": query}
    for kind in dict.fromkeys(kinds):
        if kind == "actors":
            total, items = _actors(conn, finder["actors"](conn, parts), " ".join(parts), limit, offset)
        else:
            total, items = finder[kind](conn, parts, limit, offset)
        out[kind] = paged(items, total, limit, offset)
    return out


# ---------------------------------------------------------------- SQLite (FTS5)


def _fts5_query(parts: list[str]) -> str:
    # Each phrase double-quoted, of its words only: FTS5 reads nothing inside as an operator.
    return " AND ".join('"' + " ".join(_WORD.findall(p)) + '"' for p in parts)


def _fts(name: str):
    return table(name, column("rowid", Integer), column("rank"))


def _fts5_snippet(fts: str, column_index: int):
    # FTS5 puts the ellipsis where it cut the text; marked() reads it as text.
    return func.snippet(literal_column(fts), column_index, START, STOP, ELLIPSIS, SNIPPET_WORDS)


def _sqlite_documents(conn, parts, limit, offset):
    f, d = _fts("documents_fts"), t.documents
    match = literal_column("documents_fts").op("MATCH")(_fts5_query(parts))
    total = conn.execute(select(func.count()).select_from(f).where(match)).scalar()
    rows = conn.execute(
        select(d.c.id, d.c.title, d.c.source, d.c.published, d.c.publisher, _fts5_snippet("documents_fts", 1).label("marked"))
        .select_from(f).join(d, d.c.id == f.c.rowid).where(match).order_by(f.c.rank, d.c.id).limit(limit).offset(offset)
    )
    return total, [_with_snippet(dict(r._mapping)) for r in rows]


def _sqlite_claims(conn, parts, limit, offset):
    f, c, d = _fts("claims_fts"), records.claims(), t.documents
    match = literal_column("claims_fts").op("MATCH")(_fts5_query(parts))
    base = select(f.c.rowid).select_from(f).join(c, c.c.id == f.c.rowid).where(match)
    total = conn.execute(select(func.count()).select_from(base.subquery())).scalar()
    rows = conn.execute(
        select(*_claim_columns(c, d), _fts5_snippet("claims_fts", 0).label("marked"))
        .select_from(f).join(c, c.c.id == f.c.rowid).join(d, d.c.id == c.c.document_id)
        .where(match).order_by(f.c.rank, c.c.id).limit(limit).offset(offset)
    )
    return total, _with_speakers(conn, [_with_snippet(dict(r._mapping)) for r in rows])


def _sqlite_actors(conn, parts):
    f, n = _fts("actor_names_fts"), t.actor_names
    match = literal_column("actor_names_fts").op("MATCH")(_fts5_query(parts))
    return conn.execute(
        select(n.c.actor_id, n.c.name).select_from(f).join(n, n.c.id == f.c.rowid)
        .where(match, n.c.retracted_at.is_(None)).order_by(f.c.rank, n.c.id)
    ).all()


# ---------------------------------------------------------------- PostgreSQL


def _pg_query(parts: list[str]):
    # phraseto_tsquery per phrase, joined with &&: the text is parsed as text (PostgreSQL
    # splits "ez-Zor" the same way in the query as in the document), never as tsquery syntax.
    queries = [func.phraseto_tsquery(literal_column("'simple'"), p) for p in parts]
    q = queries[0]
    for other in queries[1:]:
        q = q.op("&&")(other)
    return q


def _pg_headline(text, q):
    # The best passage of about SNIPPET_WORDS words with the matches marked; PostgreSQL
    # adds no ellipsis, so _pg_cut finds where the passage sits in the text.
    options = f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"
    return func.ts_headline(literal_column("'simple'"), text, q, literal(options))


def _pg_documents(conn, parts, limit, offset):
    d, q = t.documents, _pg_query(parts)
    vector = literal_column(fulltext.PG_DOCUMENT)
    match = vector.op("@@")(q)
    total = conn.execute(select(func.count()).select_from(d).where(match)).scalar()
    # The page first (ranked, cut to `limit`), then a headline for each of its rows only.
    rank = func.ts_rank(vector, q).label("rank")
    page = select(d.c.id, rank).where(match).order_by(rank.desc(), d.c.id).limit(limit).offset(offset).subquery("page")
    headline = _pg_headline(d.c.text, q)
    marked_page = (select(d.c.id, d.c.title, d.c.source, d.c.published, d.c.publisher, page.c.rank, headline.label("marked"))
                   .join(page, page.c.id == d.c.id).subquery("marked_page"))
    plain = func.replace(func.replace(marked_page.c.marked, START, ""), STOP, "")
    rows = conn.execute(
        select(*[c for c in marked_page.c if c.name != "rank"], func.strpos(d.c.text, plain).label("at"),
               func.length(plain).label("plain_length"), func.length(d.c.text).label("text_length"))
        .join(d, d.c.id == marked_page.c.id).order_by(marked_page.c.rank.desc(), marked_page.c.id)
    )
    return total, [_with_snippet(_pg_cut(dict(r._mapping))) for r in rows]


def _pg_cut(row: dict) -> dict:
    """Where the headline sits in the text: cut before it, after it, or neither."""
    at, length, whole = row.pop("at"), row.pop("plain_length"), row.pop("text_length")
    row["cut"] = (at > 1, at > 0 and at - 1 + length < whole)
    return row


def _pg_claims(conn, parts, limit, offset):
    c, d, q = records.claims(), t.documents, _pg_query(parts)
    # The judged view over claims is pulled up into the query, so this is the
    # expression of the index (fulltext.PG_CLAIM) on the stored rows.
    vector = func.to_tsvector(literal_column("'simple'"), c.c.content)
    match = vector.op("@@")(q)
    total = conn.execute(select(func.count()).select_from(c).where(match)).scalar()
    rows = conn.execute(
        select(*_claim_columns(c, d), _pg_headline(c.c.content, q).label("marked"))
        .join(d, d.c.id == c.c.document_id).where(match)
        .order_by(func.ts_rank(vector, q).desc(), c.c.id).limit(limit).offset(offset)
    )
    out = []
    for r in rows:
        row = dict(r._mapping)
        plain = row["marked"].replace(START, "").replace(STOP, "")
        at = row["content"].find(plain)
        row["cut"] = (at > 0, at >= 0 and at + len(plain) < len(row["content"]))
        out.append(_with_snippet(row))
    return total, _with_speakers(conn, out)


def _pg_actors(conn, parts):
    n, q = t.actor_names, _pg_query(parts)
    vector = literal_column(fulltext.PG_ACTOR_NAME)
    return conn.execute(
        select(n.c.actor_id, n.c.name).where(vector.op("@@")(q), n.c.retracted_at.is_(None))
        .order_by(func.ts_rank(vector, q).desc(), n.c.id)
    ).all()


# ---------------------------------------------------------------- shared


def _claim_columns(c, d) -> list:
    return [c.c.id, c.c.document_id, c.c.speaker_id, c.c.cue, c.c.content, c.c.content_start, c.c.content_end,
            c.c.said_on, c.c.rule, d.c.source, d.c.title]


def _with_snippet(row: dict) -> dict:
    before, after = row.pop("cut", (False, False))
    row.update(marked(row.pop("marked") or "", before, after))
    return row


def _with_speakers(conn, rows: list[dict]) -> list[dict]:
    top = roots(conn, {r["speaker_id"] for r in rows})
    names = dict(conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(set(top.values())))).all()) if top else {}
    for r in rows:
        r["speaker_id"] = top[r["speaker_id"]]
        r["speaker"] = names[r["speaker_id"]]
    return rows


def _actors(conn, hits, text: str, limit: int, offset: int) -> tuple[int, list[dict]]:
    """Matching names → actors (each under the actor it was merged into, once, in
    the order of its best-ranked name), with the names that matched. A live name whose
    folded spelling is the query's comes first: "al-Qaida" finds al-Qaeda by name."""
    n = t.actor_names
    folded = normalise(text)
    exact = conn.execute(
        select(n.c.actor_id, n.c.name).where(n.c.norm == folded, n.c.retracted_at.is_(None)).order_by(n.c.id)
    ).all() if folded else []
    hits = list(exact) + list(hits)
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
