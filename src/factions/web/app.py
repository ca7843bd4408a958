"""The workbench's one FastAPI application over one store."""

from __future__ import annotations

import hmac
import ipaddress
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from factions.store import open_store

STATIC = Path(__file__).parent / "static"

# Article text is hostile input: nothing inline may run, nothing may load from elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
TOKEN_COOKIE = "factions_token"


class ServeError(Exception):
    """A workbench that must not start (a public address without a token)."""


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost; anything else is reachable from elsewhere."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_binding(host: str, token: str | None) -> None:
    if not is_loopback(host) and not token:
        raise ServeError(f"--host {host} is reachable from other machines: give --token or FACTIONS_TOKEN")


def _given_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(TOKEN_COOKIE)


def create_app(db: str | None = None, *, token: str | None = None) -> FastAPI:
    """The API and the pages over the store at `db` (read and judged, never created:
    `factions ingest` makes stores). With `token`, every request must carry it
    (`Authorization: Bearer TOKEN`, or the cookie set by `/login?token=TOKEN`)."""
    from factions.web import api, ui

    store = open_store(db, write=True, create=False)
    app = FastAPI(title="factions", version="1", summary="A sourced, time-aware model of armed groups: the workbench's API.")
    app.state.store = store
    app.state.token = token

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if token and request.url.path != "/login":
            given = _given_token(request)
            if given is None or not hmac.compare_digest(given, token):
                return JSONResponse({"detail": "a token is required (Authorization: Bearer TOKEN)"}, status_code=401)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    app.include_router(api.router, prefix="/api/v1")
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
