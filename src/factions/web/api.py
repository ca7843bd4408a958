"""The REST API under /api/v1: plain JSON from the analysis library, described by
/openapi.json. An unknown actor is a 404 with suggestions, never another actor."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy import Connection

from factions import analysis
from factions.web.deps import connection

router = APIRouter(tags=["store"])


@router.get("/summary", summary="Counts, the most-mentioned actors, the main pair's relation")
def summary(conn: Connection = Depends(connection)) -> dict:
    return analysis.summary(conn)
