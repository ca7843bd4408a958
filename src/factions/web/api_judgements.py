"""Analysts' judgements over HTTP: listed, made and undone through the same library
calls as `factions actor merge|split|alias|undo` and `factions relation|event|claim
reject|confirm|retype|add|undo`, one transaction each, recorded with `by` and
`reason`. The CLI and the exports honour them at once, and undo takes them back.

Two kinds of judgement, numbered apart as the store keeps them: on actors' identity
(/judgements/actors/...) and on records (/judgements/records/...)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import Connection

from factions import analysis
from factions.analysis import paging
from factions.store import judgements, records
from factions.web.deps import connection, judging
from factions.web.errors import BadParameter

router = APIRouter(prefix="/judgements", tags=["judgements"])


class RecordKind(str, Enum):
    relation = "relation"
    event = "event"
    claim = "claim"


class About(str, Enum):
    records = "records"
    actors = "actors"


class Judged(BaseModel):
    judgement: int = Field(description="The judgement's id: undo takes it back.")
    message: str = Field(description="What `factions` prints for the same judgement.")
    record: dict | None = Field(None, description="The record judged or added: {kind, id}.")


class Why(BaseModel):
    by: str = Field(min_length=1, description="Who makes the judgement.")
    reason: str = Field(min_length=1, description="Why: kept with the judgement.")


class Merge(Why):
    keep: str = Field(description="The actor that stays (a name or ref).")
    other: str = Field(description="The actor judged the same as `keep`.")


class Split(Why):
    actor: str = Field(description="The actor whose mentions are moved out.")
    names: list[str] = Field(min_length=1, description="Names whose mentions belong to a different actor; the first names it.")


class Alias(Why):
    actor: str
    alias: str = Field(min_length=1, description="A name of the actor the documents do not give.")


class Undo(BaseModel):
    by: str = Field(min_length=1, description="Who takes the judgement back.")


class Retype(Why):
    type: str = Field(description="The record's right type.")


class Span(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class AddRelation(Why):
    source: str
    target: str
    type: str
    document: str = Field(description="The evidence: a document's id or its source as stored.")
    span: Span | None = Field(None, description="The evidence's character offsets in the document.")
    when: str | None = Field(None, description="When it held (YYYY, YYYY-MM or YYYY-MM-DD).")


class AddEvent(Why):
    type: str
    document: str
    actors: list[str] = []
    recipients: list[str] = []
    span: Span | None = None
    when: str | None = None


class AddClaim(Why):
    speaker: str
    document: str
    span: Span = Field(description="The claim's content: character offsets in the document.")
    said_on: str | None = Field(None, description="When it was said (default: the document's date).")


def _one(conn: Connection, name: str) -> int:
    return analysis.resolve_actor(conn, name)[0]


def _span(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)


@router.get("", summary="Judgements, oldest first, undone ones included (as `factions judgements` and `actor history`)")
def list_judgements(
    conn: Annotated[Connection, Depends(connection)],
    about: Annotated[About, Query(description="records (relations, events, claims) or actors (merge, split, alias).")] = About.records,
    record: Annotated[str | None, Query(description="Only this record: relation:ID, event:ID or claim:ID.")] = None,
    kind: Annotated[RecordKind | None, Query(description="Only judgements on this kind of record.")] = None,
    actor: Annotated[str | None, Query(description="Only judgements on this actor (about=actors).")] = None,
    limit: Annotated[int, Query(ge=1, le=paging.MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    if about is About.actors:
        if record or kind:
            raise BadParameter("record and kind select judgements on records, not about=actors")
        rows = judgements.history(conn, analysis.resolve_actor(conn, actor) if actor else None)
    else:
        if actor:
            raise BadParameter("actor selects judgements about=actors")
        which = records.parse_record(record) if record else (kind.value if kind else None, None)
        rows = records.history(conn, *which)
    return paging.page_of(rows, limit, offset)


# ---------------------------------------------------------------- identity


@router.post("/actors/merge", status_code=201, response_model=Judged, summary="Judge OTHER to be the same actor as KEEP")
def merge(body: Merge, request: Request) -> Judged:
    with judging(request) as conn:
        jid = judgements.merge(conn, _one(conn, body.keep), _one(conn, body.other), body.by, body.reason)
    return Judged(judgement=jid, message=f"judgement {jid}: merged '{body.other}' into '{body.keep}'")


@router.post("/actors/split", status_code=201, response_model=Judged, summary="Move the mentions called NAMES out of an actor into a new one")
def split(body: Split, request: Request) -> Judged:
    with judging(request) as conn:
        # As the CLI does: the first actor of the name's family that holds such a mention.
        for actor_id in analysis.resolve_actor(conn, body.actor):
            try:
                jid = judgements.split(conn, actor_id, body.names, body.by, body.reason)
                break
            except judgements.JudgementError:
                continue
        else:
            raise judgements.JudgementError(f"no mention of {', '.join(body.names)} belongs to '{body.actor}'")
    return Judged(judgement=jid, message=f"judgement {jid}: '{body.names[0]}' is now an actor of its own")


@router.post("/actors/alias", status_code=201, response_model=Judged, summary="Add ALIAS as a name of an actor")
def alias(body: Alias, request: Request) -> Judged:
    with judging(request) as conn:
        jid = judgements.add_alias(conn, _one(conn, body.actor), body.alias, body.by, body.reason)
    return Judged(judgement=jid, message=f"judgement {jid}: '{body.alias}' is a name of '{body.actor}'")


@router.post("/actors/{judgement_id}/undo", response_model=Judged, summary="Take back a judgement on actors (its record stays)")
def undo_actor(judgement_id: int, body: Undo, request: Request) -> Judged:
    with judging(request) as conn:
        row = judgements.undo(conn, judgement_id, body.by)
    return Judged(judgement=judgement_id, message=f"judgement {judgement_id} ({row['action']}) undone")


# ---------------------------------------------------------------- records


@router.post("/records/{kind}/{record_id}/reject", status_code=201, response_model=Judged,
             summary="Judge a record wrong: it leaves every answer, with what it carries")
def reject(kind: RecordKind, record_id: int, body: Why, request: Request) -> Judged:
    with judging(request) as conn:
        jid = records.reject(conn, kind.value, record_id, body.by, body.reason)
    return Judged(judgement=jid, message=f"judgement {jid}: {kind.value} {record_id} rejected", record={"kind": kind.value, "id": record_id})


@router.post("/records/{kind}/{record_id}/confirm", status_code=201, response_model=Judged,
             summary="Judge a record right: answers mark it confirmed")
def confirm(kind: RecordKind, record_id: int, body: Why, request: Request) -> Judged:
    with judging(request) as conn:
        jid = records.confirm(conn, kind.value, record_id, body.by, body.reason)
    return Judged(judgement=jid, message=f"judgement {jid}: {kind.value} {record_id} confirmed", record={"kind": kind.value, "id": record_id})


@router.post("/records/{kind}/{record_id}/retype", status_code=201, response_model=Judged,
             summary="Judge a relation's or an event's type wrong: answers use the new type")
def retype(kind: RecordKind, record_id: int, body: Retype, request: Request) -> Judged:
    with judging(request) as conn:
        jid = records.retype(conn, kind.value, record_id, body.type, body.by, body.reason)
    return Judged(judgement=jid, message=f"judgement {jid}: {kind.value} {record_id} is now {body.type}", record={"kind": kind.value, "id": record_id})


@router.post("/records/relation", status_code=201, response_model=Judged, summary="Add a relation the extraction missed, with its evidence")
def add_relation(body: AddRelation, request: Request) -> Judged:
    with judging(request) as conn:
        jid, rid = records.add_relation(conn, records.document_id(conn, body.document), _one(conn, body.source), _one(conn, body.target),
                                        body.type, body.by, body.reason, _span(body.span), body.when)
    return Judged(judgement=jid, message=f"judgement {jid}: relation {rid} added ({body.source} {body.type} {body.target})",
                  record={"kind": "relation", "id": rid})


@router.post("/records/event", status_code=201, response_model=Judged, summary="Add an event the extraction missed, with its evidence")
def add_event(body: AddEvent, request: Request) -> Judged:
    with judging(request) as conn:
        jid, eid = records.add_event(conn, records.document_id(conn, body.document), body.type, [_one(conn, a) for a in body.actors],
                                     [_one(conn, r) for r in body.recipients], body.by, body.reason, _span(body.span), body.when)
    return Judged(judgement=jid, message=f"judgement {jid}: event {eid} added ({body.type})", record={"kind": "event", "id": eid})


@router.post("/records/claim", status_code=201, response_model=Judged, summary="Add a claim the extraction missed: the span is its content")
def add_claim(body: AddClaim, request: Request) -> Judged:
    with judging(request) as conn:
        jid, cid = records.add_claim(conn, records.document_id(conn, body.document), _one(conn, body.speaker), _span(body.span),
                                     body.by, body.reason, body.said_on)
    return Judged(judgement=jid, message=f"judgement {jid}: claim {cid} added ({body.speaker})", record={"kind": "claim", "id": cid})


@router.post("/records/{judgement_id}/undo", response_model=Judged, summary="Take back a judgement on a record (its record stays, marked undone)")
def undo_record(judgement_id: int, body: Undo, request: Request) -> Judged:
    with judging(request) as conn:
        row = records.undo(conn, judgement_id, body.by)
    return Judged(judgement=judgement_id, message=f"judgement {judgement_id} ({row['action']} {row['record']} {row['record_id']}) undone",
                  record={"kind": row["record"], "id": row["record_id"]})
