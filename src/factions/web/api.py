"""The REST API under /api/v1: plain JSON from the analysis library (the objects the
CLI prints with --json), described by /openapi.json. Reads only; judgements are in
api_judgements.py. An unknown actor is a 404 with suggestions, never another actor;
the library's errors become statuses in errors.py. Every list is a page
({"total", "limit", "offset", "items"})."""

from __future__ import annotations

import json
from datetime import date
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy import Connection

from factions import analysis
from factions.analysis import paging
from factions.web.deps import connection
from factions.web.errors import BadParameter

TAGS = [
    {"name": "store", "description": "What the store holds: counts, documents with every extracted span."},
    {"name": "actors", "description": "Actors by name or ref (`kb:<id>`, `id:<n>`); an unknown name is a 404 with suggestions."},
    {"name": "relations", "description": "Relation states over time between two actors, and relations listed by type."},
    {"name": "claims and events", "description": "Who said what, when; what happened, where."},
    {"name": "search", "description": "Full text over documents, claims and actor names."},
    {"name": "questions", "description": "Tracked questions and their forecasts."},
    {"name": "judgements", "description": "Analysts' judgements: listed, made and undone as `factions` records them."},
]

router = APIRouter()
Db = Annotated[Connection, Depends(connection)]
Limit = Annotated[int, Query(ge=1, le=paging.MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip (the page's start).")]
AsOf = Annotated[str | None, Query(description="The state in the world on this date (YYYY-MM-DD).")]
KnownOn = Annotated[str | None, Query(description="As reflected by documents published by this date (YYYY-MM-DD).")]
WithParts = Annotated[bool, Query(description="Each actor with all its parts (the Syrian Arab Army with Syria); "
                                             "without it, exactly the actors named.")]
ShowRejected = Annotated[bool, Query(description="Also list what analysts rejected, flagged `rejected`.")]


def _date(value: str | None, name: str) -> str | None:
    """A date parameter, checked as the CLI checks --as-of: YYYY-MM-DD or a 422 naming it."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise BadParameter(f"{name} must be a date as YYYY-MM-DD, not '{value}'") from None
    return value


def _actor_ref(actor: str) -> str:
    """An actor in a path: a name, a ref (kb:<id>, id:<n>), or a bare store id."""
    return f"id:{actor}" if actor.isdigit() else actor


# ---------------------------------------------------------------- store and documents


@router.get("/summary", tags=["store"], summary="Counts, the most-mentioned actors, the main pair's relation")
def summary(conn: Db) -> dict:
    """What `factions summary --json` prints."""
    return analysis.summary(conn)


@router.get("/documents", tags=["store"], summary="Documents, by publication date, with their record counts")
def documents(conn: Db, limit: Limit = 50, offset: Offset = 0) -> dict:
    from factions.analysis.documents import list_documents

    return list_documents(conn, limit, offset)


@router.get("/documents/{document_id}", tags=["store"],
            summary="One document: its text and every span (mentions, claims, events, relations), each with its rule")
def document(document_id: int, conn: Db) -> dict:
    """Spans are character offsets into `text` (`text[start:end]`). Records analysts
    rejected are included, flagged `rejected`; `basis` is "analyst" for one added by hand."""
    from factions.analysis.documents import document as read

    return read(conn, document_id)


# ---------------------------------------------------------------- actors


def _actor_kinds() -> list[str]:
    from importlib import resources

    schema = json.loads(resources.files("factions.data.schema").joinpath("extract.schema.json").read_text("utf-8"))
    return schema["properties"]["actors"]["items"]["properties"]["kind"]["enum"]


# The contract's actor kinds, so /openapi.json lists them and a misspelt one is a 422.
ActorKind = Enum("ActorKind", {k: k for k in _actor_kinds()}, type=str)


@router.get("/actors", tags=["actors"], summary="Actors, most mentioned first; filter by name and kind")
def actors(conn: Db, q: Annotated[str | None, Query(description="A name, alias or part of one.")] = None,
           kind: Annotated[ActorKind | None, Query(description="Only actors of this kind.")] = None,
           limit: Limit = 50, offset: Offset = 0) -> dict:
    return analysis.queries.actors_page(conn, q, kind.value if kind else None, limit, offset)


@router.get("/actors/{actor}", tags=["actors"],
            summary="One actor: names (and names over time), parts, relations, claims made and about, judgements")
def actor(actor: str, conn: Db, claims: Annotated[int, Query(ge=0, le=paging.MAX_LIMIT, description="Claims made and about to include (the first ones said).")] = 20) -> dict:
    """`actor` is a name, a ref (`kb:islamic-state`, `id:12`) or a store id. The profile
    is `factions actor NAME --json`'s; `claims_made` and `claims_about` are pages of
    `/claims?speaker=` and `/claims?about=`."""
    from factions.store import judgements

    name = _actor_ref(actor)
    profile = analysis.actor_profile(conn, name)
    ids = analysis.resolve_actor(conn, name)
    take = max(claims, 1)
    made = analysis.queries.claims_page(conn, speaker=name, limit=take)
    about = analysis.queries.claims_page(conn, about=name, limit=take)
    if not claims:
        made["items"], about["items"] = [], []
    return {**profile, "claims_made": made, "claims_about": about, "judgements": judgements.history(conn, ids)}


@router.get("/leaders", tags=["actors"], summary="Who leads a group: curated tenures and reported evidence")
def leaders(conn: Db, group: Annotated[str, Query(description="The group's name or ref.")], as_of: AsOf = None) -> dict:
    return analysis.leaders(conn, group, _date(as_of, "as_of"))


# ---------------------------------------------------------------- relations


@router.get("/relation", tags=["relations"], summary="The state between two actors on a date, with its evidence")
def relation(conn: Db, a: Annotated[str, Query(description="One actor: a name or ref.")],
             b: Annotated[str, Query(description="The other actor.")],
             as_of: AsOf = None, known_on: KnownOn = None, with_parts: WithParts = False, show_rejected: ShowRejected = False) -> dict:
    """The object `factions relation A B --json` prints: `state` (with evidence for and
    against, competing reports, prospects and the history of states) and every piece
    of evidence up to `as_of` grouped by relation type."""
    return analysis.relation_evidence(conn, a, b, _date(as_of, "as_of"), _date(known_on, "known_on"), show_rejected, parts=with_parts)


@router.get("/relations", tags=["relations"], summary="Relations by (source, type, target): who fights whom, filtered and paged")
def relations(
    conn: Db,
    type: Annotated[str | None, Query(description="A relation type (fights, allied_with, ...).")] = None,
    party: Annotated[list[str] | None, Query(description="A party (repeat for two: relations between them).")] = None,
    date_from: Annotated[str | None, Query(description="Evidence dated on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, Query(description="Evidence dated on or before (YYYY-MM-DD).")] = None,
    modality: Annotated[str | None, Query(description="Only evidence of this modality (asserted, reported, alleged, denied, ...).")] = None,
    min_confidence: Annotated[float, Query(ge=0, le=1, description="Rows whose sources combine to at least this.")] = 0.0,
    min_sources: Annotated[int, Query(ge=0, description="Rows with at least this many independent sources.")] = 0,
    with_parts: WithParts = False, limit: Limit = 50, offset: Offset = 0,
) -> dict:
    from factions.analysis.relation_list import list_relations

    return list_relations(conn, type, party, date_from, date_to, modality, min_confidence, min_sources, with_parts, limit, offset)


@router.get("/review", tags=["judgements"],
            summary="The review queue: relations no analyst has judged, the least sure first (as the review page)")
def review(conn: Db, limit: Limit = 25, offset: Offset = 0) -> dict:
    """Relations the extraction made with no standing judgement, by stored `confidence`
    (the measured confidence of the rule that made each, set at ingest), least sure
    first, ties by id; each with its sentence, document, rule and `sources` (documents
    reporting the same type between the same two actors). Judge one with
    `judgements/records/relation/{id}/confirm|reject|retype`: it leaves the queue."""
    from factions.analysis.review import review_queue

    return review_queue(conn, limit, offset)


@router.get("/network", tags=["relations"], summary="The actor network on a date: nodes are actors, edges their relation states",
            responses={200: {"content": {"application/json": {}, "application/graphml+xml": {}}}})
def network(conn: Db, as_of: AsOf = None, known_on: KnownOn = None,
            format: Annotated[str, Query(pattern="^(json|graphml)$", description="json (networkx node-link) or graphml.")] = "json",
            min_confidence: Annotated[float, Query(ge=0, le=1, description="Only edges whose state has at least this confidence.")] = 0.0):
    """What `factions network` writes: one edge per pair of actors whose relation has
    a state on `as_of`. The whole graph (one edge per pair, not paged)."""
    import networkx as nx

    from factions.analysis.network import network as build
    from factions.export.formats import graphml

    graph = build(conn, _date(as_of, "as_of"), _date(known_on, "known_on"))
    if min_confidence:
        graph.remove_edges_from([(u, v) for u, v, c in graph.edges(data="confidence") if c < min_confidence])
        graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
    if format == "graphml":
        return Response(graphml(graph), media_type="application/graphml+xml")
    return Response(json.dumps(nx.node_link_data(graph, edges="edges"), default=str), media_type="application/json")


# ---------------------------------------------------------------- claims, events, timeline


@router.get("/claims", tags=["claims and events"], summary="Claims: who said what, through whom, when (as `factions claims`)")
def claims(conn: Db, speaker: Annotated[str | None, Query(description="Claims made by this actor.")] = None,
           about: Annotated[str | None, Query(description="Claims whose content mentions this actor.")] = None,
           show_rejected: ShowRejected = False, limit: Limit = 100, offset: Offset = 0) -> dict:
    return analysis.queries.claims_page(conn, speaker, about, limit, offset, show_rejected)


@router.get("/events", tags=["claims and events"], summary="Events in the order they happened, with their place (as `factions events`)")
def events(conn: Db, country: Annotated[str | None, Query(description="Only events placed in this country (ISO code or name).")] = None,
           region: Annotated[str | None, Query(description="Only events placed in this first-level region.")] = None,
           date_from: Annotated[str | None, Query(description="Only events on or after this date.")] = None,
           date_to: Annotated[str | None, Query(description="Only events up to this date.")] = None,
           limit: Limit = 100, offset: Offset = 0) -> dict:
    """Each event once, with every article's report of it (`reports[].event` is the
    record id to judge)."""
    rows = analysis.list_events(conn, country, region, _date(date_from, "date_from"), _date(date_to, "date_to"))
    return paging.page_of(rows, limit, offset)


@router.get("/timeline", tags=["claims and events"], summary="Events involving an actor (or two), in order (as `factions timeline`)")
def timeline(conn: Db, actor: Annotated[str, Query(description="The actor: a name or ref.")],
             other: Annotated[str | None, Query(description="Only events involving this actor too.")] = None,
             as_of: Annotated[str | None, Query(description="Only events up to this date.")] = None,
             show_rejected: ShowRejected = False, with_parts: WithParts = False, limit: Limit = 100, offset: Offset = 0) -> dict:
    rows = analysis.timeline(conn, actor, other, _date(as_of, "as_of"), show_rejected, parts=with_parts)
    return paging.page_of(rows, limit, offset)


# ---------------------------------------------------------------- search and questions


class SearchKind(str, Enum):
    documents = "documents"
    claims = "claims"
    actors = "actors"


@router.get("/search", tags=["search"], summary="Full-text search over document text, claim content and actor names")
def search(conn: Db, q: Annotated[str, Query(min_length=1, description='Words and "quoted phrases"; every one must match.')],
           kind: Annotated[list[SearchKind] | None, Query(description="Search only these (repeatable); default all three.")] = None,
           limit: Annotated[int, Query(ge=1, le=paging.MAX_LIMIT, description="Items per page, per kind.")] = 20,
           offset: Offset = 0) -> dict:
    """Best matches first (bm25 on SQLite, ts_rank on PostgreSQL; ties by id), a page
    per kind; the workbench's search page shows the same. Documents and claims carry
    `snippet` (the passage around the best match, "…" where it was cut) and
    `highlights` ([start, end) offsets in `snippet` of what matched). Rejected claims
    are not found; actors answer under the actor they were merged into, those whose
    name folds to the query first ("al-Qaida" finds al-Qaeda)."""
    from factions.analysis.search import KINDS, search as find

    return find(conn, q, tuple(k.value for k in kind) if kind else KINDS, limit, offset)


@router.get("/questions", tags=["questions"], summary="The tracked questions (as `factions question list`)")
def questions(conn: Db, limit: Limit = 50, offset: Offset = 0) -> dict:
    from factions.analysis.questions import list_questions

    return paging.page_of(list_questions(conn), limit, offset)


@router.get("/questions/{question_id}", tags=["questions"],
            summary="A question, its current estimate, the indicators behind it and its forecast history")
def question(question_id: int, conn: Db) -> dict:
    """What `factions question show ID --json` prints."""
    from factions.analysis.questions import show

    return show(conn, question_id)
