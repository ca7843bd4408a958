"""The pages: server-rendered (Jinja2, autoescaped), at stable addresses."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection

from factions import analysis
from factions.web.deps import connection

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: Connection = Depends(connection)):
    return templates.TemplateResponse(request, "home.html", {"summary": analysis.summary(conn)})
