"""Events across articles: the same event reported by many articles is one event
with many reports, each report keeping its own speaker, outlet and modality.

Two stored events are the same event when they have the same type, the same
participants (after analysts' merges) and fall in the same month (their own time,
else when it was said, else publication)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.engine import Connection

from factions.store import records
from factions.store import schema as t
from factions.store.judgements import root


def deduplicated_events(conn: Connection, involving: list[list[int]] | None = None, as_of: str | None = None,
                        include_rejected: bool = False) -> list[dict]:
    """Events as analysts have judged them, merged across reports. `involving`: lists
    of actor ids (families); an event is kept when each list has a participant in it.
    `include_rejected`: rejected reports too, flagged."""
    e, p, d, c = records.events(include_rejected), t.event_participants, t.documents, records.claims(include_rejected=True)
    stmt = (
        select(e, d.c.published, d.c.publisher, d.c.source, d.c.text, c.c.speaker_id, c.c.said_on)
        .join(d, d.c.id == e.c.document_id)
        .outerjoin(c, c.c.id == e.c.claim_id)
    )
    if involving:
        for ids in involving:
            stmt = stmt.where(e.c.id.in_(select(p.c.event_id).where(p.c.actor_id.in_(ids))))
    rows = [dict(x._mapping) for x in conn.execute(stmt)]
    parts: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for x in conn.execute(select(p.c.event_id, p.c.actor_id, p.c.role).where(p.c.event_id.in_([r["id"] for r in rows]))):
        parts[x.event_id].append((root(conn, x.actor_id), x.role))
    ids = {a for v in parts.values() for a, _ in v} | {root(conn, r["speaker_id"]) for r in rows if r["speaker_id"]}
    names = {r.id: r.name for r in conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(ids)))} if ids else {}
    merged: dict[tuple, dict] = {}
    for x in rows:
        date = x["when_start"] or x["said_on"] or x["published"] or ""
        if as_of and date > as_of:
            continue
        actors = sorted({a for a, role in parts[x["id"]] if role == "actor"})
        recipients = sorted({a for a, role in parts[x["id"]] if role == "recipient"})
        key = (x["type"], tuple(sorted(set(actors) | set(recipients))), date[:7])
        event = merged.setdefault(key, {
            "type": x["type"], "when": x["when_start"], "precision": x["when_precision"], "date": date,
            "actors": [names[a] for a in actors], "recipients": [names[a] for a in recipients], "reports": [],
        })
        if x["when_start"] and not event["when"]:
            event["when"], event["precision"] = x["when_start"], x["when_precision"]
        event["reports"].append({
            "speaker": names.get(root(conn, x["speaker_id"])) if x["speaker_id"] else None, "outlet": x["publisher"],
            "modality": x["modality"], "said_on": x["said_on"], "published": x["published"], "document": x["source"],
            "evidence": x["text"][x["evidence_start"] : x["evidence_end"]],
            "event": x["id"], "basis": x["basis"], "confirmed": bool(x["confirmed"]), "rejected": bool(x["rejected"]),
            "extracted_type": x["extracted_type"],
        })
    return sorted(merged.values(), key=lambda ev: (ev["date"] or "9999", ev["type"]))
