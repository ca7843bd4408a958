"""Pages of a listing: no answer holds the whole store. Every listing returns
{"total", "limit", "offset", "items"}: `total` counts every item the filters match."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection

MAX_LIMIT = 500


class BadPage(ValueError):
    """A limit or offset out of range."""


def check(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadPage(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise BadPage(f"offset must be 0 or more, not {offset}")


def paged(items: list, total: int, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def page_of(items: list, limit: int, offset: int) -> dict:
    """A page of a list computed whole (events merged across reports, a timeline)."""
    check(limit, offset)
    return paged(items[offset : offset + limit], len(items), limit, offset)


def page_query(conn: Connection, stmt: Select, limit: int, offset: int) -> tuple[int, list[dict]]:
    """The total a statement matches and one page of its rows, as dicts."""
    check(limit, offset)
    total = conn.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar()
    rows = [dict(r._mapping) for r in conn.execute(stmt.limit(limit).offset(offset))]
    return total, rows
