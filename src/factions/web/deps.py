"""What a route needs from the application: a connection to its store, for reading
or, inside one transaction, for an analyst's judgement."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request
from sqlalchemy import Connection

from factions.web.errors import ReadOnly


def connection(request: Request) -> Iterator[Connection]:
    """A connection for one request's reads (a route that writes uses `judging`). On
    SQLite it begins a plain transaction, never the writers' BEGIN IMMEDIATE: a page or
    an API read neither waits for an ingest or a judgement nor holds one up."""
    with request.app.state.store.reader.connect() as conn:
        yield conn


@contextmanager
def judging(request: Request) -> Iterator[Connection]:
    """One transaction for one judgement, as the CLI makes it: committed when the
    library call returns, rolled back when it raises. A store the workbench could
    only open for reading refuses here (ReadOnly, 403) before anything runs."""
    if request.app.state.read_only:
        raise ReadOnly(request.app.state.read_only)
    with request.app.state.store.engine.begin() as conn:
        yield conn
