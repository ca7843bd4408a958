"""The library's typed errors as HTTP answers: JSON `{"detail": "one line"}` with the
status that says what went wrong, and what helps (suggestions, candidates). The
web layer raises nothing of its own but `BadParameter` and `ReadOnly`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from factions import analysis
from factions.analysis.documents import UnknownDocument
from factions.analysis.paging import BadPage
from factions.analysis.questions import QuestionError, UnknownQuestion
from factions.analysis.relation_list import BadFilter
from factions.analysis.search import BadQuery
from factions.store import judgements, records


class BadParameter(ValueError):
    """A query parameter the library would not understand (a date that is not one)."""


class ReadOnly(PermissionError):
    """A write to a store the workbench could open only for reading."""


# The first class in an exception's MRO found here decides its status.
STATUS: dict[type[Exception], int] = {
    analysis.ActorNotFound: 404,
    analysis.AmbiguousActor: 409,
    UnknownDocument: 404,
    UnknownQuestion: 404,
    records.UnknownRecord: 404,
    records.UnknownJudgement: 404,
    judgements.UnknownJudgement: 404,
    records.AlreadyJudged: 409,
    records.AlreadyUndone: 409,
    records.UndoOrder: 409,
    records.RecordJudgementError: 422,  # bad evidence, an unknown type, one actor twice
    judgements.JudgementError: 409,  # already one actor, later judgements to undo first
    QuestionError: 422,
    BadParameter: 422,
    BadFilter: 422,
    BadPage: 422,
    BadQuery: 422,
    analysis.UnknownCountry: 422,
    ReadOnly: 403,
}


def _answer(request: Request, exc: Exception) -> JSONResponse:
    status = next(STATUS[k] for k in type(exc).__mro__ if k in STATUS)
    body: dict = {"detail": " ".join(str(exc).split("\n"))}
    if isinstance(exc, analysis.ActorNotFound):
        body["suggestions"] = exc.suggestions
    if isinstance(exc, analysis.AmbiguousActor):
        body["candidates"] = exc.candidates
    return JSONResponse(body, status_code=status)


def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's own checks (a limit too large, a missing field) as one line naming
    the parameter, with FastAPI's list beside it for programs."""
    lines = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e["loc"] if x not in ("query", "body", "path"))
        lines.append(f"{where or e['loc'][0]}: {e['msg']}")
    return JSONResponse({"detail": "; ".join(lines), "errors": [
        {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]}, status_code=422)


def install(app: FastAPI) -> None:
    for kind in STATUS:
        app.add_exception_handler(kind, _answer)
    app.add_exception_handler(RequestValidationError, _invalid)
