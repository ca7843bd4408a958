"""The pages: server-rendered (Jinja2, autoescaped), at stable addresses. Each route
calls the library the CLI calls and hands plain dicts to one named template; the only
writes are analysts' judgements, through store/records.py."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection

from factions import analysis
from factions.analysis import questions
from factions.analysis.documents import UnknownDocument, document, list_documents
from factions.analysis.network import network
from factions.analysis.queries import main_pair
from factions.analysis.review import actor_relations, review_queue
from factions.analysis.search import KINDS, BadQuery, search
from factions.lexicons import data_table
from factions.relations.types import relation_types
from factions.store import records
from factions.web.charts import forecast_chart, pair_chart
from factions.web.deps import connection
from factions.web.reader import LAYERS, document_spans, pieces

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
router = APIRouter(include_in_schema=False)

JUDGEMENT_ACTIONS = ("confirm", "reject", "retype", "undo")


def _page(request: Request, template: str, context: dict, status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def _not_found(request: Request, message: str, suggestions: list[str] = ()) -> HTMLResponse:
    return _page(request, "not_found.html", {"message": message, "suggestions": list(suggestions)}, status_code=404)


def _record_id(value: str) -> int | None:
    """A path's id when it is a plain positive number (anything else is no record)."""
    return int(value) if value.isascii() and value.isdigit() and len(value) < 12 else None


DOCUMENTS_PER_PAGE = 50


@router.get("/", response_class=HTMLResponse)
def home(request: Request, page: int = 0, conn: Connection = Depends(connection)):
    page = max(0, page)
    return _page(request, "home.html", {
        "summary": analysis.summary(conn), "documents": list_documents(conn, DOCUMENTS_PER_PAGE, page * DOCUMENTS_PER_PAGE)["items"],
        "page": page, "per_page": DOCUMENTS_PER_PAGE, "questions": questions.list_questions(conn), "main_pair": main_pair(conn),
    })


# ------------------------------------------------------------------ the reader


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, conn: Connection = Depends(connection)):
    number = _record_id(document_id)
    try:
        doc = document(conn, number if number is not None else -1)
    except UnknownDocument:
        return _not_found(request, f"no document {document_id} in the store")
    return _page(request, "document.html", {
        "doc": doc, "pieces": pieces(doc["text"], document_spans(doc)), "layers": LAYERS,
        "relation_types": tuple(relation_types()), "event_types": records.event_types(),
        "history": {f"{j['record']}-{j['record_id']}": j for j in _standing_judgements(conn, doc)},
    })


def _standing_judgements(conn: Connection, doc: dict) -> list[dict]:
    """The latest standing judgement on each record of the document (for its undo button)."""
    out = []
    for kind, items in (("claim", doc["claims"]), ("event", doc["events"]), ("relation", doc["relations"])):
        for item in items:
            if item["rejected"] or item["confirmed"] or item.get("extracted_type") not in (None, item.get("type")):
                standing = [j for j in records.history(conn, kind, item["id"]) if j["undone_at"] is None]
                if standing:
                    out.append(standing[-1])
    return out


def _safe_next(value: str | None) -> str:
    """Where to go after a judgement: a path on this site only (never //elsewhere)."""
    if not value:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def _same_origin(request: Request) -> bool:
    """A form posted from another site (a page the analyst has open elsewhere) must not
    judge: browsers say where a request comes from in Sec-Fetch-Site, else in Origin
    (which is "null" under our no-referrer policy, so Sec-Fetch-Site decides first). A
    request with neither is not a browser's cross-site form (a script with the token)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin != "null" and urlsplit(origin).netloc == request.headers.get("host")


@router.post("/judgements", response_class=HTMLResponse)
def judge(request: Request, kind: str = Form(...), record_id: int = Form(...), action: str = Form(...),
          by: str = Form(""), reason: str = Form(""), type: str = Form(""), judgement: int | None = Form(None),
          next: str = Form("/")):
    """Accept (confirm), reject, correct (retype) or undo a judgement on a relation, event
    or claim, as `factions relation|event|claim reject|confirm|retype|undo` does."""
    if not _same_origin(request):
        return _page(request, "judgement_error.html", {"message": "a judgement must be posted from the workbench's own pages", "back": "/"}, 403)
    back = _safe_next(next)
    by, reason = by.strip(), reason.strip()
    if action not in JUDGEMENT_ACTIONS:
        message = f"no action '{action}' ({', '.join(JUDGEMENT_ACTIONS)})"
    elif not by or (action != "undo" and not reason):
        message = "say who judges (by) and why (reason): both are kept with the judgement"
    else:
        message = None
    if message is None:
        try:
            with request.app.state.store.engine.begin() as conn:
                if action == "confirm":
                    records.confirm(conn, kind, record_id, by, reason)
                elif action == "reject":
                    records.reject(conn, kind, record_id, by, reason)
                elif action == "retype":
                    records.retype(conn, kind, record_id, type, by, reason)
                else:
                    records.undo(conn, judgement if judgement is not None else -1, by, kind)
        except records.RecordJudgementError as exc:
            message = str(exc)
    if message is not None:
        return _page(request, "judgement_error.html", {"message": message, "back": back}, 400)
    return RedirectResponse(back, status_code=303)


# ------------------------------------------------------------------ actors and pairs


def _resolve(request: Request, conn: Connection, name: str) -> list[int] | HTMLResponse:
    """The actor ids a name or ref means, or the page saying why there are none."""
    try:
        return analysis.resolve_actor(conn, name)
    except analysis.AmbiguousActor as exc:
        return _page(request, "ambiguous.html", {"name": name, "candidates": exc.candidates}, status_code=300)
    except analysis.ActorNotFound as exc:
        return _not_found(request, str(exc), exc.suggestions)


@router.get("/actors/{ref}", response_class=HTMLResponse)
def actor_page(request: Request, ref: str, conn: Connection = Depends(connection)):
    """An actor by store id (its stable address) or by any name, which redirects there."""
    number = _record_id(ref)
    ids = _resolve(request, conn, f"id:{number}" if number is not None else ref)
    if isinstance(ids, HTMLResponse):
        return ids
    if number is None or ids[0] != number:  # a name, or an actor merged into another
        return RedirectResponse(f"/actors/{ids[0]}", status_code=307)
    key = f"id:{number}"
    profile = analysis.actor_profile(conn, key)
    return _page(request, "actor.html", {
        "actor": profile, "relations": actor_relations(conn, ids),
        "leaders": analysis.leaders(conn, key) if profile["kind"] == "armed_group" else None,
        "claims_made": analysis.list_claims(conn, speaker=key, limit=50),
        "claims_about": analysis.list_claims(conn, about=key, limit=50),
    })


@router.get("/pair", response_class=HTMLResponse)
def pair_page(request: Request, a: str = "", b: str = "", as_of: str = "", known_on: str = "",
              conn: Connection = Depends(connection)):
    if not a or not b:
        pair = main_pair(conn)
        return _page(request, "pair_form.html", {"a": a, "b": b, "example": pair})
    try:
        data = analysis.relation_evidence(conn, a, b, as_of or None, known_on or None, include_rejected=True)
    except analysis.AmbiguousActor as exc:
        return _page(request, "ambiguous.html", {"name": exc.name, "candidates": exc.candidates}, status_code=300)
    except analysis.ActorNotFound as exc:
        return _not_found(request, str(exc), exc.suggestions)
    items = [i for group in data["relations"].values() for i in group]
    state = data["state"]
    return _page(request, "pair.html", {
        "a": a, "b": b, "data": data, "state": state, "as_of": as_of, "known_on": known_on,
        "chart": pair_chart(state["history"], items, as_of or None),
        "columns": [("For", state["evidence_for"]), ("Against", state["evidence_against"]), ("Prospects", state["prospects"])],
        "dates": sorted({i["date"][:10] for i in items if i["date"]}),
    })


# ------------------------------------------------------------------ network and map


@lru_cache(maxsize=1)
def _actor_kinds() -> tuple[str, ...]:
    """The contract's actor kinds (data/schema/extract.schema.json)."""
    schema = json.loads(resources.files("factions.data.schema").joinpath("extract.schema.json").read_text("utf-8"))
    return tuple(schema["properties"]["actors"]["items"]["properties"]["kind"]["enum"])


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, as_of: str = "", known_on: str = "", min_confidence: float = 0.0):
    states = [s for s in data_table("states")["states"] if s != "none"]
    return _page(request, "network.html", {"as_of": as_of, "known_on": known_on, "min_confidence": min_confidence,
                                           "kinds": _actor_kinds(), "states": states})


@router.get("/network/graph.json")
def network_graph(as_of: str = "", known_on: str = "", conn: Connection = Depends(connection)):
    """The network as cytoscape.js elements: nodes by kind, edges by state and confidence."""
    graph = network(conn, as_of or None, known_on or None)
    nodes = [{"data": {"id": str(n), "label": d["name"], "kind": d["kind"], "href": f"/actors/{n}"}} for n, d in graph.nodes(data=True)]
    names = dict(graph.nodes(data="name"))
    edges = [{"data": {"id": f"{a}-{b}", "source": str(a), "target": str(b), "state": d["state"], "since": d["since"],
                       "confidence": d["confidence"], "sources": d["sources"],
                       "href": f"/pair?a=id:{a}&b=id:{b}", "label": f"{names[a]} – {names[b]}: {d['state']}"}}
             for a, b, d in graph.edges(data=True)]
    return JSONResponse({"as_of": as_of or None, "known_on": known_on or None, "nodes": nodes, "edges": edges})


def _mapped_events(conn: Connection) -> tuple[list[dict], int]:
    events = analysis.list_events(conn)
    return [e for e in events if e["place"]], len(events)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, conn: Connection = Depends(connection)):
    placed, total = _mapped_events(conn)
    return _page(request, "map.html", {"events": placed, "total": total})


@router.get("/map/events.json")
def map_events(conn: Connection = Depends(connection)):
    placed, _ = _mapped_events(conn)
    return JSONResponse([
        {"type": e["type"], "date": e["date"], "actors": e["actors"], "recipients": e["recipients"],
         "place": e["place"]["name"], "lat": e["place"]["lat"], "lon": e["place"]["lon"],
         "reports": [{"href": f"/documents/{r['document_id']}#span-event-{r['event']}", "evidence": r["evidence"]} for r in e["reports"]]}
        for e in placed
    ])


# ------------------------------------------------------------------ search, review, questions


SEARCH_PER_PAGE = 20


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", kind: str = "", page: int = 0, conn: Connection = Depends(connection)):
    """The API's search (analysis.search): the same matches, ranking and snippets. With
    `kind`, one kind a page at a time; without, the first page of each."""
    page = max(0, page)
    kinds = (kind,) if kind in KINDS else KINDS
    results, problem = None, None
    if q.strip():
        try:
            results = search(conn, q, kinds, SEARCH_PER_PAGE, page * SEARCH_PER_PAGE if kind in KINDS else 0)
        except BadQuery as exc:
            problem = str(exc)
    return _page(request, "search.html", {"q": q, "kind": kind if kind in KINDS else "", "page": page, "results": results,
                                          "problem": problem, "kinds": kinds, "per_page": SEARCH_PER_PAGE})


REVIEW_PER_PAGE = 25


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, by: str = "", page: int = 0, conn: Connection = Depends(connection)):
    """The review queue (analysis.review.review_queue, the API's /review), a page at a time."""
    size = REVIEW_PER_PAGE
    page = max(0, page)
    queue = review_queue(conn, size, page * size)
    return _page(request, "review.html", {"queue": queue, "items": queue["items"], "by": by, "page": page, "size": size})


@router.get("/questions/{question_id}", response_class=HTMLResponse)
def question_page(request: Request, question_id: str, conn: Connection = Depends(connection)):
    number = _record_id(question_id)
    try:
        question = questions.show(conn, number if number is not None else -1)
    except questions.QuestionError:
        return _not_found(request, f"no question {question_id} in the store")
    return _page(request, "question.html", {"q": question, "chart": forecast_chart(question["forecasts"])})
