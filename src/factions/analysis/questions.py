"""Tracked questions: "Will al-Qaeda and the Islamic State unite?" by a date.

A question has mutually exclusive hypotheses (by default: yes, no), indicators
(patterns over the store; data/questions.toml), forecasts with a time stamp —
an analyst's, or computed from the indicators that fire, each citing the claims
behind it — and, once resolved, Brier and log scores of its forecasts.

The computed forecast: odds(H1) = odds(base rate) × the likelihood ratios of the
indicators firing on what the store knows now.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from factions.kb import load_kb
from factions.analysis import grading
from factions.analysis.states import pair_evidence
from factions.lexicons import data_table
from factions.store import schema as t
from factions.store import records
from factions.store.judgements import family


class QuestionError(ValueError):
    """A question that cannot be added, forecast or resolved as asked; the message says why."""


class UnknownQuestion(QuestionError):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def defaults() -> dict:
    return data_table("questions")


def add_question(conn: Connection, text: str, actor_ids: list[int], deadline: str | None, criteria: str,
                 author: str, hypotheses: list[str] | None = None) -> int:
    if len(actor_ids) != 2:
        raise QuestionError("a question is about two actors: name them with --actor, or in its text")
    qid = conn.execute(insert(t.questions), dict(
        text=text, deadline=deadline, criteria=criteria, actors=actor_ids, created_by=author, recorded_at=_now(),
    )).inserted_primary_key[0]
    labels = hypotheses or ["Yes" + (f", by {deadline}" if deadline else ""), "No"]
    conn.execute(insert(t.hypotheses), [dict(question_id=qid, label=f"H{i}", text=h) for i, h in enumerate(labels, start=1)])
    conn.execute(insert(t.indicators), [
        dict(question_id=qid, name=i["name"], kind=i["kind"], params=i["params"], likelihood_ratio=i["likelihood_ratio"])
        for i in defaults()["indicator"]
    ])
    return qid


def _question(conn: Connection, qid: int) -> dict:
    row = conn.execute(select(t.questions).where(t.questions.c.id == qid)).first()
    if row is None:
        raise UnknownQuestion(f"no question {qid}")
    return dict(row._mapping)


def _fires(conn: Connection, indicator: dict, a: list[int], b: list[int]) -> list[dict]:
    """The evidence that makes an indicator fire (empty: it does not)."""
    params = indicator["params"]
    if indicator["kind"] in ("relation_sources", "relation_denied"):
        items = [i for i in pair_evidence(conn, a, b) if i["type"] == params["type"]]
        if indicator["kind"] == "relation_denied":
            return [i for i in items if i["polarity"] == "against"]
        positive = [i for i in items if i["polarity"] == "for"]
        groups = grading.independent_groups(positive)
        return positive if len(groups) >= params.get("min_independent", 1) else []
    if indicator["kind"] == "leader_killed":
        kb = load_kb()
        kb_ids = {r.kb_id for r in conn.execute(select(t.actors.c.kb_id).where(t.actors.c.id.in_(a + b))) if r.kb_id}
        leaders = {p.id for g in kb_ids for p, role in kb.leaders(g) if role["role"] in ("leader", "emir", "commander")}
        r = records.relations()
        led = set(conn.execute(select(r.c.source_id).where(r.c.type == "leads", r.c.target_id.in_(a + b))).scalars())
        e, p = records.events(), t.event_participants
        rows = conn.execute(
            select(e.c.id, e.c.claim_id, e.c.modality, p.c.actor_id, t.actors.c.kb_id, t.actors.c.name)
            .join(p, p.c.event_id == e.c.id).join(t.actors, t.actors.c.id == p.c.actor_id)
            .where(e.c.type == "LEADER_KILLED", p.c.role == "recipient", e.c.modality.in_(["asserted", "reported"]))
        )
        return [{"claim": r.claim_id, "event": r.id, "evidence": f"{r.name} killed"} for r in rows if r.kb_id in leaders or r.actor_id in led]
    raise QuestionError(f"unknown indicator kind {indicator['kind']}")


def evaluate(conn: Connection, qid: int) -> dict:
    q = _question(conn, qid)
    a, b = family(conn, [q["actors"][0]]), family(conn, [q["actors"][1]])
    base = defaults()["base_rate"]
    odds = base / (1 - base)
    fired = []
    for row in conn.execute(select(t.indicators).where(t.indicators.c.question_id == qid).order_by(t.indicators.c.id)):
        ind = dict(row._mapping)
        evidence = _fires(conn, ind, a, b)
        ind["fired"] = bool(evidence)
        ind["evidence"] = [{"claim": e.get("claim"), "speaker": e.get("speaker"), "outlet": e.get("outlet"), "date": e.get("date"), "evidence": e.get("evidence")} for e in evidence]
        if evidence:
            odds *= ind["likelihood_ratio"]
        fired.append(ind)
    return {"probability": round(odds / (1 + odds), 4), "base_rate": base, "indicators": fired}


def update_forecast(conn: Connection, qid: int) -> dict:
    """Record the computed forecast if the evidence moved it since the last one."""
    result = evaluate(conn, qid)
    last = conn.execute(select(t.forecasts.c.probability).where(t.forecasts.c.question_id == qid, t.forecasts.c.author == "computed").order_by(t.forecasts.c.id.desc())).scalar()
    if last is None or abs(last - result["probability"]) > 1e-9:
        basis = [{"indicator": i["name"], "likelihood_ratio": i["likelihood_ratio"], "claims": [e["claim"] for e in i["evidence"] if e["claim"]]} for i in result["indicators"] if i["fired"]]
        conn.execute(insert(t.forecasts), dict(question_id=qid, hypothesis="H1", probability=result["probability"], author="computed", basis=basis, made_at=_now()))
        result["recorded"] = True
    return result


def add_forecast(conn: Connection, qid: int, probability: float, author: str, note: str | None, hypothesis: str = "H1") -> int:
    if not 0 <= probability <= 1:
        raise QuestionError("a probability is between 0 and 1")
    _question(conn, qid)
    return conn.execute(insert(t.forecasts), dict(question_id=qid, hypothesis=hypothesis, probability=probability, author=author, basis=[], note=note, made_at=_now())).inserted_primary_key[0]


def resolve(conn: Connection, qid: int, outcome: str, on: str, author: str) -> dict:
    labels = set(conn.execute(select(t.hypotheses.c.label).where(t.hypotheses.c.question_id == qid)).scalars())
    if outcome not in labels:
        raise QuestionError(f"outcome must be one of {', '.join(sorted(labels))}")
    conn.execute(update(t.questions).where(t.questions.c.id == qid).values(resolved_outcome=outcome, resolved_on=on, resolved_by=author))
    return scores(conn, qid)


def scores(conn: Connection, qid: int) -> dict:
    """Brier (mean squared error) and log score (mean −ln p of what happened) of the
    forecasts of H1, overall and by author."""
    q = _question(conn, qid)
    if not q["resolved_outcome"]:
        return {}
    happened = 1.0 if q["resolved_outcome"] == "H1" else 0.0
    rows = conn.execute(select(t.forecasts).where(t.forecasts.c.question_id == qid, t.forecasts.c.hypothesis == "H1"))
    by_author: dict[str, list[float]] = {}
    for r in rows:
        by_author.setdefault(r.author, []).append(r.probability)
    out = {}
    for author, ps in {**by_author, "all": [p for v in by_author.values() for p in v]}.items():
        if ps:
            brier = sum((p - happened) ** 2 for p in ps) / len(ps)
            log = sum(-math.log(max(1e-9, p if happened else 1 - p)) for p in ps) / len(ps)
            out[author] = {"forecasts": len(ps), "brier": round(brier, 4), "log": round(log, 4)}
    return out


def show(conn: Connection, qid: int) -> dict:
    q = _question(conn, qid)
    names = {r.id: r.name for r in conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(q["actors"])))}
    hyps = [dict(r._mapping) for r in conn.execute(select(t.hypotheses.c.label, t.hypotheses.c.text).where(t.hypotheses.c.question_id == qid).order_by(t.hypotheses.c.id))]
    history = [dict(r._mapping) for r in conn.execute(select(t.forecasts).where(t.forecasts.c.question_id == qid).order_by(t.forecasts.c.made_at, t.forecasts.c.id))]
    return {
        "id": qid, "text": q["text"], "deadline": q["deadline"], "criteria": q["criteria"],
        "actors": [names[i] for i in q["actors"]], "hypotheses": hyps, "current": evaluate(conn, qid),
        "forecasts": history, "resolution": {"outcome": q["resolved_outcome"], "on": q["resolved_on"], "by": q["resolved_by"]},
        "scores": scores(conn, qid),
    }


def list_questions(conn: Connection) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(select(t.questions.c.id, t.questions.c.text, t.questions.c.deadline, t.questions.c.resolved_outcome).order_by(t.questions.c.id))]
