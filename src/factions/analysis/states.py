"""Relation states over time between two actors, as of a date and as known on a date.

The rule (documented in the README, "Relation states"):
1. Evidence is every stored relation between the two actors (either direction) in
   documents published by the `known_on` date. Its date is the event's time, else
   when it was said, else when it was published. Its state follows from its type
   (data/states.toml); its modality makes it evidence for the state (asserted,
   reported, alleged), against it (denied, negated), or only a prospect
   (hypothetical, future, conditional). An article's own statement with no time
   of its own ("the two groups have long accused each other") is background: it
   sets a state only when nothing dated does.
2. Walking the evidence for states in date order, a state holds from the first
   report of it until a later report of a different state, or until a party ceases
   to exist (the knowledge base's `ended`), or, when every report of it is a dated
   act of a bounded type ("fought a border war in 1999"), until that type's horizon
   after the last act (data/relation_types.toml). Different states reported for the same
   date are kept side by side as competing; none overwrites another.
3. A state's confidence combines its independent sources (noisy-or of their grade
   weights), discounted by independent evidence against it. Each item carries the
   Admiralty reliability of its source and the credibility of its claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from factions.kb import load_kb
from factions.analysis import grading
from factions.lexicons import data_table
from factions.relations.types import horizon, state_of
from factions.store import records
from factions.store import schema as t
from factions.store.judgements import roots


def _state_vocabulary() -> dict:
    return data_table("states")


def _polarity(modality: str, vocab: dict) -> str:
    for name, values in vocab["modality"].items():
        if modality in values:
            return name
    return "for"


def polarity(modality: str) -> str:
    """"for", "against" or "prospect": what a modality makes a report (data/states.toml)."""
    return _polarity(modality, _state_vocabulary())


def pair_evidence(conn: Connection, ids_a: list[int], ids_b: list[int], known_on: str | None = None,
                  include_rejected: bool = False) -> list[dict]:
    """Every relation between two actor families as analysts have judged it, graded,
    as plain dicts (`include_rejected`: the rejected ones too, flagged)."""
    r, c, d = records.relations(include_rejected), records.claims(include_rejected=True), t.documents
    stmt = (
        select(r, c.c.speaker_id, c.c.said_on, c.c.channel, c.c.content, d.c.publisher, d.c.published, d.c.source)
        .join(d, d.c.id == r.c.document_id)
        .outerjoin(c, c.c.id == r.c.claim_id)
        .where(or_(and_(r.c.source_id.in_(ids_a), r.c.target_id.in_(ids_b)), and_(r.c.source_id.in_(ids_b), r.c.target_id.in_(ids_a))))
    )
    if known_on:
        stmt = stmt.where(d.c.published <= known_on)
    rows = [dict(x._mapping) for x in conn.execute(stmt)]
    vocab = _state_vocabulary()
    top = roots(conn, {x["speaker_id"] for x in rows} | {x["source_id"] for x in rows} | {x["target_id"] for x in rows})
    actors = _actors(conn, set(top.values()))
    hostile = _hostile(conn, {x["speaker_id"] for x in rows if x["speaker_id"]}, set(ids_a) | set(ids_b))
    items = []
    for x in rows:
        speaker = actors.get(top[x["speaker_id"]]) if x["speaker_id"] else None
        grade = grading.reliability(speaker, hostile=x["speaker_id"] in hostile)
        items.append({
            "relation": x["id"], "type": x["type"], "state": state_of().get(x["type"]),
            "when_end": x["when_end"], "when_precision": x["when_precision"],
            "polarity": _polarity(x["modality"], vocab), "modality": x["modality"],
            "date": x["when_start"] or x["said_on"] or x["published"],
            "when": x["when_start"], "said_on": x["said_on"], "published": x["published"],
            "source": actors[top[x["source_id"]]]["name"], "target": actors[top[x["target_id"]]]["name"],
            "speaker": speaker["name"] if speaker else None, "outlet": x["publisher"], "reliability": grade,
            "source_key": f"actor:{top[x['speaker_id']]}" if x["speaker_id"] else f"outlet:{x['publisher'] or x['source']}",
            "content": x["content"], "evidence": x["evidence"], "document": x["source"], "document_id": x["document_id"],
            "background": x["claim_id"] is None and x["when_start"] is None,
            "span": {"start": x["evidence_start"], "end": x["evidence_end"]}, "claim": x["claim_id"],
            "basis": x["basis"], "confirmed": bool(x["confirmed"]), "rejected": bool(x["rejected"]),
            "extracted_type": x["extracted_type"],
        })
    items.sort(key=lambda i: (i["date"] or "", i["relation"]))
    return items


def _actors(conn: Connection, ids: set[int]) -> dict[int, dict]:
    if not ids:
        return {}
    return {r.id: dict(r._mapping) for r in conn.execute(select(t.actors.c.id, t.actors.c.name, t.actors.c.kind, t.actors.c.kb_id).where(t.actors.c.id.in_(ids)))}


def _hostile(conn: Connection, speakers: set[int], parties: set[int]) -> set[int]:
    """Speakers that fight or oppose one of the parties (by the store's evidence)."""
    if not speakers:
        return set()
    r = records.relations()
    rows = conn.execute(select(r.c.source_id, r.c.target_id).where(
        r.c.type.in_(["fights", "opposes"]),
        or_(and_(r.c.source_id.in_(speakers), r.c.target_id.in_(parties)), and_(r.c.target_id.in_(speakers), r.c.source_id.in_(parties))),
    ))
    return {s for pair in rows for s in pair if s in speakers}


@dataclass
class Period:
    state: str
    start: str
    end: str | None = None
    items: list[dict] = field(default_factory=list)
    competing: list[dict] = field(default_factory=list)


def periods(items: list[dict], ended: str | None = None) -> list[Period]:
    out: list[Period] = []
    positive = [i for i in items if i["polarity"] == "for" and i["state"]]
    dated = [i for i in positive if not i["background"]]
    for item in dated or positive:
        date = item["date"] or ""
        current = out[-1] if out else None
        if current is None or (item["state"] != current.state and date > current.start):
            if current is not None:
                current.end = date
            out.append(Period(item["state"], date, items=[item]))
        elif item["state"] == current.state:
            current.items.append(item)
        else:
            current.competing.append(item)  # another state reported for the same date
    for p in out:
        lapse = _lapse(p.items)
        if lapse is not None and (p.end is None or lapse < p.end):
            p.end = lapse
    if ended and out:
        out = [p for p in out if p.start < ended]
        if out and (out[-1].end is None or out[-1].end > ended):
            out[-1].end = ended
    return out


def _lapse(items: list[dict]) -> str | None:
    """When a state read only from dated, bounded acts ("fought a border war in 1999")
    lapses: the horizon of its type after the last act ends. None while any item is of
    an unbounded type or has no time of its own."""
    ends = []
    for item in items:
        days = horizon(item.get("type", ""))
        if days is None or not item.get("when_end"):
            return None
        ends.append(_end_of(item["when_end"], item.get("when_precision")) + timedelta(days=days))
    return max(ends).isoformat() if ends else None


def _end_of(value: str, precision: str | None) -> date:
    """The last day a reduced-precision date covers: "1999" → 1999-12-31."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(*parts[:3])


def _noisy_or(groups: list[list[dict]]) -> float:
    p = 1.0
    for g in groups:
        p *= 1 - max(grading.weight(i["reliability"]) for i in g)
    return 1 - p


def _ended(conn: Connection, ids: list[int]) -> str | None:
    kb = load_kb()
    dates = []
    for row in conn.execute(select(t.actors.c.kb_id).where(t.actors.c.id.in_(ids))):
        entry = kb.get(row.kb_id)
        if entry and entry.ended:
            dates.append(entry.ended)
    return min(dates) if dates else None


def relation_state(conn: Connection, ids_a: list[int], ids_b: list[int], as_of: str | None = None,
                   known_on: str | None = None, items: list[dict] | None = None) -> dict:
    """The state as of `as_of`; `items` is the pair's evidence if already read."""
    items = pair_evidence(conn, ids_a, ids_b, known_on) if items is None else items
    ended = min(filter(None, [_ended(conn, ids_a), _ended(conn, ids_b)]), default=None)
    history = periods(items, ended)
    upto = [i for i in items if not as_of or (i["date"] or "") <= as_of]
    current = None
    for p in history:
        if (not as_of or p.start <= as_of) and (p.end is None or not as_of or as_of < p.end):
            current = p
    out = {
        "state": "none", "since": None, "until": None, "confidence": 0.0,
        "evidence_for": [], "evidence_against": [], "competing": [],
        "prospects": [i for i in upto if i["polarity"] == "prospect"],
        "history": [{"state": p.state, "from": p.start, "to": p.end, "sources": len(grading.independent_groups(p.items))} for p in history],
        "ended": ended,
    }
    if current is None:
        return out
    support = [i for i in current.items if not as_of or (i["date"] or "") <= as_of]
    against = [i for i in upto if i["polarity"] == "against" and i["state"] == current.state]
    competing = [i for i in current.competing if not as_of or (i["date"] or "") <= as_of]
    for item, value in zip(support, grading.credibility_of_each(support, against)):
        item["credibility"] = value
    for item, value in zip(against, grading.credibility_of_each(against, support)):
        item["credibility"] = value
    confidence = _noisy_or(grading.independent_groups(support)) * (1 - 0.5 * _noisy_or(grading.independent_groups(against)) if against else 1)
    out.update(state=current.state, since=current.start, until=current.end, confidence=round(confidence, 3),
               evidence_for=support, evidence_against=against, competing=competing)
    return out
