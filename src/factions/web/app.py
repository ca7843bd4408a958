"""The workbench's one FastAPI application over one store."""

from __future__ import annotations

import hmac
import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from factions.store import open_store
from factions.store.db import ReadOnlyStore

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


def _same(given: str | None, token: str) -> bool:
    # Bytes: compare_digest refuses str holding non-ASCII, which a header may.
    return given is not None and hmac.compare_digest(given.encode("utf-8", "surrogateescape"), token.encode("utf-8"))


def _host_name(host_header: str) -> str:
    """"127.0.0.1:8000" → "127.0.0.1", "[::1]:8000" → "::1"."""
    if host_header.startswith("["):
        return host_header[1 : host_header.find("]")] if "]" in host_header else host_header
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def _refusal(request: Request, token: str | None, bound_to: str | None) -> JSONResponse | None:
    """Why a request is refused, or None. The rules (README, "The workbench"):
    - with a token, every request carries it (Authorization: Bearer, or the cookie
      `/login?token=` sets), or it is 401;
    - without one the server listens on loopback only (check_binding); there a
      request must name a loopback host, or the host it is bound to (403: a page on
      another site whose name resolves to 127.0.0.1 cannot read or judge the store);
    - a write (anything but GET, HEAD, OPTIONS) from a browser must come from the
      workbench's own pages: Sec-Fetch-Site other than same-origin, or without it an
      Origin other than the request's own host, is 403."""
    if token and request.url.path != "/login" and not _same(_given_token(request), token):
        return JSONResponse({"detail": "a token is required (Authorization: Bearer TOKEN, or open /login?token=TOKEN)"}, status_code=401)
    host = request.headers.get("host", "")
    if not token and bound_to is not None and not (is_loopback(_host_name(host)) or _host_name(host) == bound_to):
        return JSONResponse({"detail": f"the workbench answers to a loopback address, not '{host}' (serve with --token to be reached by name)"}, status_code=403)
    # Browsers say where a request comes from in Sec-Fetch-Site, else in Origin, which
    # is "null" for the pages' own forms under the no-referrer policy: Sec-Fetch-Site decides first.
    origin, site = request.headers.get("origin"), request.headers.get("sec-fetch-site")
    if request.method not in SAFE_METHODS:
        if site is not None and site not in ("same-origin", "none"):
            return JSONResponse({"detail": f"a write from another site ({origin or site}) is refused"}, status_code=403)
        if site is None and origin is not None and urlsplit(origin).netloc != host:
            return JSONResponse({"detail": f"a write from another site ({origin}) is refused"}, status_code=403)
    return None


def create_app(db: str | None = None, *, token: str | None = None, bound_to: str | None = None) -> FastAPI:
    """The API and the pages over the store at `db` (read and judged, never created:
    `factions ingest` makes stores; a read-only store is served, and a judgement on it
    is refused with 403). With `token`, every request must carry it
    (`Authorization: Bearer TOKEN`, or the cookie set by `/login?token=TOKEN`).
    `bound_to`: the address `factions serve` listens on; without a token, requests
    must then name a loopback host (or that address)."""
    from factions.web import api, api_judgements, errors, ui

    read_only = None
    try:
        store = open_store(db, write=True, create=False)
    except ReadOnlyStore as exc:
        store, read_only = open_store(db, write=False, create=False), f"{exc}; judgements cannot be recorded"
    app = FastAPI(title="factions", version="1", summary="A sourced, time-aware model of armed groups: the workbench's API.",
                  openapi_tags=api.TAGS)
    app.state.store = store
    app.state.token = token
    app.state.read_only = read_only

    @app.middleware("http")
    async def guard(request: Request, call_next):
        response = _refusal(request, token, bound_to)
        if response is None:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/login", include_in_schema=False)
    def login(request: Request, token_given: str = Query("", alias="token")):
        """Trade the token in the address for a cookie (HttpOnly, SameSite=Strict: no
        other site's page sends it), then go home: the pages need no header."""
        if token is None:
            return RedirectResponse("/", status_code=303)
        if not _same(token_given, token):
            return JSONResponse({"detail": "wrong token"}, status_code=401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")
        return response

    errors.install(app)
    app.include_router(api.router, prefix="/api/v1")
    app.include_router(api_judgements.router, prefix="/api/v1")
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
