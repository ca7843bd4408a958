"""Events across articles: the same event reported by many articles is one event
with many reports, each report keeping its own speaker, outlet and modality.

Two stored events are the same event when they have the same type, the same
participants (after analysts' merges) and fall in the same month (their own time,
else when it was said, else publication)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import groupby

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from factions.store import records
from factions.store import schema as t
from factions.store.judgements import roots


class UnknownCountry(LookupError):
    """A country filter that names no country (ISO code or name)."""


def country_code(name: str) -> str:
    """ISO 3166-1 alpha-2 of a country given by code or name ("SY", "SYR", "Syria")."""
    import pycountry

    from factions.places import gazetteer

    code = gazetteer().country_code(name)
    if code is None:
        try:
            code = pycountry.countries.lookup(name.strip()).alpha_2
        except LookupError:
            raise UnknownCountry(f"unknown country '{name}' (give an ISO code such as SY or a name such as Syria)") from None
    return code


def _place(x: dict) -> dict | None:
    if x["place_lat"] is None:
        return None
    return {"name": x["place_name"], "lat": x["place_lat"], "lon": x["place_lon"], "country": x["place_country"],
            "country_name": x["place_country_name"], "admin1": x["place_admin1"], "gazetteer_id": x["place_gazetteer_id"]}


def deduplicated_events(conn: Connection, involving: list[list[int]] | None = None, as_of: str | None = None,
                        include_rejected: bool = False, country: str | None = None, region: str | None = None,
                        date_from: str | None = None) -> list[dict]:
    """Events as analysts have judged them, merged across reports. `involving`: lists
    of actor ids (families); an event is kept when each list has a participant in it.
    `include_rejected`: rejected reports too, flagged. `country` (ISO alpha-2) and
    `region` (first-level region name) keep the events placed there; `date_from` and
    `as_of` bound the event's date."""
    return list(iter_deduplicated_events(conn, involving, as_of, include_rejected, country, region, date_from))


def iter_deduplicated_events(conn: Connection, involving: list[list[int]] | None = None, as_of: str | None = None,
                             include_rejected: bool = False, country: str | None = None, region: str | None = None,
                             date_from: str | None = None, chunk: int = 1000) -> Iterator[dict]:
    """`deduplicated_events`, one merged event at a time, in the same order (by date,
    then type). Reports of one event share a month (the merge key has it), so the rows
    are read in month order, `chunk` at a time, and merged one month at a time: memory
    holds one month's reports, not the store's."""
    e, d, pl = records.events(include_rejected), t.documents, t.places
    c = records.claims(include_rejected=True)
    day = func.coalesce(func.nullif(e.c.when_start, ""), func.nullif(c.c.said_on, ""), func.nullif(d.c.published, ""), "")
    month = func.substr(day, 1, 7)
    stmt = (
        select(e, d.c.published, d.c.publisher, d.c.source,
               func.substr(d.c.text, e.c.evidence_start + 1, e.c.evidence_end - e.c.evidence_start).label("evidence"),
               c.c.speaker_id, c.c.said_on, month.label("month"),
               pl.c.name.label("place_name"), pl.c.lat.label("place_lat"), pl.c.lon.label("place_lon"),
               pl.c.country.label("place_country"), pl.c.country_name.label("place_country_name"),
               pl.c.admin1.label("place_admin1"), pl.c.gazetteer_id.label("place_gazetteer_id"))
        .join(d, d.c.id == e.c.document_id)
        .outerjoin(c, c.c.id == e.c.claim_id)
        .outerjoin(pl, pl.c.id == e.c.place_id)
        # Months in date order, undated ones last; within a month the first report (by
        # id) leads a merged event: the same on every backend.
        .order_by(case((month == "", 1), else_=0), month, e.c.id)
        .execution_options(yield_per=chunk)
    )
    if country:
        stmt = stmt.where(pl.c.country == country)
    if involving:
        p = t.event_participants
        for ids in involving:
            stmt = stmt.where(e.c.id.in_(select(p.c.event_id).where(p.c.actor_id.in_(ids))))
    if region:  # region names carry diacritics ("Ḩalab"): compared folded
        from factions.places import place_key

        region_key = place_key(region)
    for _, rows in groupby((dict(x._mapping) for x in conn.execute(stmt)), key=lambda x: x["month"]):
        if region:
            rows = [x for x in rows if x["place_admin1"] and place_key(x["place_admin1"]) == region_key]
        yield from _merged_month(conn, list(rows), as_of, date_from, chunk)


def _merged_month(conn: Connection, rows: list[dict], as_of: str | None, date_from: str | None, chunk: int) -> list[dict]:
    """One month's event reports merged into events, sorted by date then type."""
    p = t.event_participants
    parts: dict[int, list[tuple[int, str]]] = defaultdict(list)
    raw: list[tuple[int, int, str]] = []
    for start in range(0, len(rows), chunk):  # bounded IN lists
        ids = [r["id"] for r in rows[start : start + chunk]]
        raw += conn.execute(select(p.c.event_id, p.c.actor_id, p.c.role).where(p.c.event_id.in_(ids))).all()
    top = roots(conn, {a for _, a, _ in raw} | {r["speaker_id"] for r in rows})
    for event_id, actor_id, role in raw:
        parts[event_id].append((top[actor_id], role))
    ids = set(top.values())
    names = {r.id: r.name for r in conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(ids)))} if ids else {}
    merged: dict[tuple, dict] = {}
    for x in rows:
        date = x["when_start"] or x["said_on"] or x["published"] or ""
        if as_of and date > as_of or date_from and date[: len(date_from)] < date_from:
            continue
        actors = sorted({a for a, role in parts[x["id"]] if role == "actor"})
        recipients = sorted({a for a, role in parts[x["id"]] if role == "recipient"})
        key = (x["type"], tuple(sorted(set(actors) | set(recipients))), date[:7])
        event = merged.setdefault(key, {
            "type": x["type"], "when": x["when_start"], "precision": x["when_precision"], "date": date,
            "actors": [names[a] for a in actors], "recipients": [names[a] for a in recipients],
            "place": _place(x), "reports": [],
        })
        if event["place"] is None:
            event["place"] = _place(x)
        if x["when_start"] and not event["when"]:
            event["when"], event["precision"] = x["when_start"], x["when_precision"]
        event["reports"].append({
            "speaker": names.get(top[x["speaker_id"]]) if x["speaker_id"] else None, "outlet": x["publisher"],
            "modality": x["modality"], "said_on": x["said_on"], "published": x["published"], "document": x["source"],
            "document_id": x["document_id"],
            "evidence": x["evidence"], "place": _place(x),
            "event": x["id"], "basis": x["basis"], "confirmed": bool(x["confirmed"]), "rejected": bool(x["rejected"]),
            "extracted_type": x["extracted_type"],
        })
    return sorted(merged.values(), key=lambda ev: (ev["date"] or "9999", ev["type"]))
