"""What a route needs from the application: a connection to its store."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy import Connection


def connection(request: Request) -> Iterator[Connection]:
    """A connection for one request's reads (a route that writes uses `Store`'s own
    transactions through the library, e.g. store.judgements / store.records)."""
    with request.app.state.store.engine.connect() as conn:
        yield conn
