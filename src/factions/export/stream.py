"""What every export shares: rows read from the store a chunk at a time, actors
resolved through analysts' merges in SQL, and the grades of a source.

An export never holds the store: the main query is read `CHUNK` rows at a time (a
server-side cursor on PostgreSQL, SQLite's own cursor otherwise) and what a row needs
beside it (an event's participants, a claim's intermediaries) is looked up for one
chunk of rows at once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice

from sqlalchemy import func
from sqlalchemy.engine import Connection

from factions.analysis import grading
from factions.store import schema as t

CHUNK = 1000  # rows fetched at a time; the tests lower it to cross chunk boundaries


@contextmanager
def heap_set_aside() -> Iterator[None]:
    """Keep the objects alive when an export starts, and what it keeps of each chunk it
    has read (`rows`), out of the garbage collector's full passes until it ends
    (gc.freeze). An export's rows live for a chunk, long enough to be promoted, and every
    few chunks Python's full collection rescanned the whole heap of the process (the
    libraries' and the store's objects, about 155,000, and a PROV document growing with
    the store): on a store of 10,000 documents four passes took 0.28 s of the events
    table's 1.7 s as Parquet, so the time per document grew with the store (1.27 x that
    of 1,000 documents; PROV 1.2 x). Objects set aside are still freed when nothing
    refers to them; only cycles among them wait for the export's end. The heap is
    collected once before it is set aside, so no garbage left by an earlier export (a
    PROV document's cycles) is kept through this one."""
    global _SETTING_ASIDE
    if not _SETTING_ASIDE:
        gc.collect()
    gc.freeze()
    _SETTING_ASIDE += 1
    try:
        yield
    finally:
        _SETTING_ASIDE -= 1
        gc.unfreeze()


_SETTING_ASIDE = 0  # exports running inside heap_set_aside


def rows(conn: Connection, stmt) -> Iterator[dict]:
    """The rows of `stmt` as dicts, fetched CHUNK at a time."""
    for n, row in enumerate(conn.execute(stmt.execution_options(yield_per=CHUNK)), 1):
        yield dict(row._mapping)
        if _SETTING_ASIDE and n % CHUNK == 0:
            gc.freeze()  # what the export keeps of the chunks read so far is set aside too


def batches(items: Iterable, size: int | None = None) -> Iterator[list]:
    """`items` in lists of `size` (CHUNK by default)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size or CHUNK)):
        yield batch


def actor_join(joined, id_column, alias: str):
    """`joined` outer-joined to the actor `id_column` stands for after analysts' merges
    (merges are kept one level deep: a merged actor points at its root). Returns the
    join and the root actor's table, named `alias`."""
    raw, top = t.actors.alias(f"{alias}_as_stored"), t.actors.alias(alias)
    joined = joined.outerjoin(raw, raw.c.id == id_column).outerjoin(top, top.c.id == func.coalesce(raw.c.merged_into, raw.c.id))
    return joined, top


def actor_columns(top, alias: str) -> list:
    """The root actor's id, name, kind and KB id, labelled `<alias>_id`, `<alias>_name`…"""
    return [top.c.id.label(f"{alias}_id"), top.c.name.label(f"{alias}_name"), top.c.kind.label(f"{alias}_kind"),
            top.c.kb_id.label(f"{alias}_kb_id")]


@lru_cache(maxsize=4096)
def _grade(name: str | None, kind: str | None, kb_id: str | None) -> str:
    return grading.reliability(None if name is None else {"name": name, "kind": kind, "kb_id": kb_id})


def reliability(row: dict, alias: str = "speaker") -> str:
    """Admiralty reliability (A–F) of the source of a row: its speaker, else the
    article itself (graded as the outlet's reporting)."""
    return _grade(row[f"{alias}_name"], row[f"{alias}_kind"], row[f"{alias}_kb_id"])


def precision_of(day: str | None) -> str | None:
    """year, month or day for an ISO date string as stored."""
    return {4: "year", 7: "month", 10: "day"}.get(len(day)) if day else None
