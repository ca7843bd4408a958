from __future__ import annotations

import csv
import io
import json
import re
import uuid
from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from factions.analysis import grading
from factions.analysis.events import deduplicated_events
from factions.store import records
from factions.store import schema as t
from factions.store.judgements import root

# Stable STIX ids: the same store exports the same ids every time.
_NAMESPACE = uuid.UUID("6f1c1e0e-3b7a-4f0e-9d7e-0c9a1f6b2a10")


# Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF): a name
# with one would make the whole GraphML file unreadable to every XML parser.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    """A string as XML 1.0 can carry it (forbidden characters dropped); others as they are."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def graphml(graph) -> str:
    """GraphML of a networkx graph whose every string (ids, attributes) XML can carry."""
    import networkx as nx

    clean = graph.__class__()
    clean.graph.update({k: xml_text(v) for k, v in graph.graph.items()})
    clean.add_nodes_from((xml_text(n), {k: xml_text(v) for k, v in d.items()}) for n, d in graph.nodes(data=True))
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for *ends, d in edges:
        clean.add_edge(*(xml_text(e) for e in ends), **{k: xml_text(v) for k, v in d.items()})
    return "\n".join(nx.generate_graphml(clean))


def _cell(value):
    """A CSV cell a spreadsheet will not run: text starting with = + - @, a tab or a
    carriage return gets a leading single quote (OWASP, CSV injection). Numbers stay
    numbers (a longitude of -3.7 is not a formula)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_writer(buffer: io.StringIO):
    writer = csv.writer(buffer)
    return lambda row: writer.writerow([_cell(v) for v in row])


def _sid(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NAMESPACE, key)}"


def _actors(conn: Connection) -> dict[int, dict]:
    return {r.id: dict(r._mapping) for r in conn.execute(select(t.actors).where(t.actors.c.merged_into.is_(None)))}


def _relations(conn: Connection) -> list[dict]:
    """Relations as analysts have judged them (store/records.py), actors merged."""
    r, c, d = records.relations(), records.claims(), t.documents
    stmt = (
        select(r, c.c.speaker_id, c.c.said_on, c.c.content, d.c.publisher, d.c.published, d.c.source, d.c.title, d.c.text_sha256)
        .join(d, d.c.id == r.c.document_id).outerjoin(c, c.c.id == r.c.claim_id).order_by(r.c.id)
    )
    rows = []
    for x in conn.execute(stmt):
        row = dict(x._mapping)
        row["source_id"], row["target_id"] = root(conn, row["source_id"]), root(conn, row["target_id"])
        row["speaker_id"] = root(conn, row["speaker_id"]) if row["speaker_id"] else None
        rows.append(row)
    return rows


def _event_places(conn: Connection) -> dict[int, dict]:
    """Event id -> its place row, for the events placed on the map."""
    e, p = records.events(), t.places
    return {r.event_id: dict(r._mapping) for r in conn.execute(
        select(e.c.id.label("event_id"), p).join(p, p.c.id == e.c.place_id))}


def _place_columns(place: dict | None) -> list:
    if place is None:
        return ["", "", "", "", ""]
    return [place["name"], place["lat"], place["lon"], place["country"], place["admin1"] or ""]


def to_csv(conn: Connection) -> str:
    actors = _actors(conn)
    places = _event_places(conn)
    buffer = io.StringIO()
    writerow = _csv_writer(buffer)
    writerow(["type", "source", "target", "modality", "date", "said_on", "published", "speaker", "outlet", "reliability", "evidence", "document",
                     "relation", "basis", "confirmed", "location", "latitude", "longitude", "country", "admin1"])
    for x in _relations(conn):
        speaker = actors.get(x["speaker_id"]) if x["speaker_id"] else None
        writerow([
            x["type"], actors[x["source_id"]]["name"], actors[x["target_id"]]["name"], x["modality"],
            x["when_start"] or "", x["said_on"] or "", x["published"] or "", speaker["name"] if speaker else "",
            x["publisher"] or "", grading.reliability(speaker), x["evidence"], x["source"],
            x["id"], x["basis"], "yes" if x["confirmed"] else "",
            *_place_columns(places.get(x["event_id"])),
        ])
    return buffer.getvalue()


ACLED_COLUMNS = ["event_date", "event_type", "actor1", "actor2", "location", "latitude", "longitude", "country", "admin1",
                 "source", "notes"]


def to_acled(conn: Connection) -> str:
    """Events as ACLED-style CSV rows, one per event across reports: the date, the PLOVER
    type, the first actor and recipient (others joined by "; "), the place with its
    coordinates, country and first-level region where known, the outlets that reported
    it and the first report's evidence as notes. The event types are PLOVER's, not
    ACLED's own."""
    buffer = io.StringIO()
    writerow = _csv_writer(buffer)
    writerow(ACLED_COLUMNS)
    for ev in deduplicated_events(conn):
        place = ev["place"]
        outlets = list(dict.fromkeys(r["outlet"] or r["document"] for r in ev["reports"]))
        writerow([
            ev["when"] or ev["date"], ev["type"], "; ".join(ev["actors"]), "; ".join(ev["recipients"]),
            place["name"] if place else "", place["lat"] if place else "", place["lon"] if place else "",
            place["country_name"] or place["country"] if place else "", (place["admin1"] or "") if place else "",
            "; ".join(outlets), ev["reports"][0]["evidence"],
        ])
    return buffer.getvalue()


def to_graphml(conn: Connection) -> str:
    from factions.analysis.network import network

    graph = network(conn)
    # A place node (the target of "controls") gets the point its mentions were placed at most.
    m, p = t.mentions, t.places
    rows = conn.execute(select(m.c.actor_id, p.c.lat, p.c.lon, p.c.country, p.c.admin1, func.count().label("n"))
                        .join(p, p.c.id == m.c.place_id).where(m.c.actor_id.in_(list(graph.nodes)))
                        .group_by(m.c.actor_id, p.c.id).order_by(func.count().desc()))
    for r in rows:
        node = graph.nodes[r.actor_id]
        if "lat" not in node:
            node.update(lat=r.lat, lon=r.lon, country=r.country, admin1=r.admin1 or "")
    return graphml(graph)


def to_plover(conn: Connection) -> str:
    """PLOVER-style events: one per event across articles, with its reports."""
    out = []
    for i, ev in enumerate(deduplicated_events(conn), start=1):
        first = ev["reports"][0]
        out.append({
            "id": f"factions-{i}", "event_date": ev["when"] or ev["date"], "date_precision": ev["precision"],
            "event_type": ev["type"], "event_mode": None,
            "actor": "; ".join(ev["actors"]), "recipient": "; ".join(ev["recipients"]), "place": ev["place"],
            "source": first["outlet"], "text": first["evidence"],
            "modality": [r["modality"] for r in ev["reports"]], "report_count": len(ev["reports"]), "reports": ev["reports"],
        })
    return json.dumps(out, indent=2, ensure_ascii=False)


_IDENTITY_CLASS = {"person": "individual", "media": "organization", "organization": "organization",
                   "government_body": "organization", "state": "organization", "population": "group", "location": "unspecified"}


def to_stix(conn: Connection) -> str:
    """A STIX 2.1 bundle: armed groups as threat actors, other actors as identities,
    relations as relationships (start time, confidence from the source's grade),
    documents as reports, claims as notes and denials as opinions."""
    import stix2

    actors = _actors(conn)
    objects: dict[str, object] = {}

    def actor_obj(actor_id: int) -> str:
        a = actors[actor_id]
        if a["kind"] == "armed_group":
            sid = _sid("threat-actor", f"actor:{actor_id}")
            objects.setdefault(sid, stix2.ThreatActor(id=sid, name=a["name"], threat_actor_types=["unknown"], created=a["recorded_at"], modified=a["recorded_at"], allow_custom=True, x_factions_kb_id=a["kb_id"]))
        else:
            sid = _sid("identity", f"actor:{actor_id}")
            objects.setdefault(sid, stix2.Identity(id=sid, name=a["name"], identity_class=_IDENTITY_CLASS.get(a["kind"], "unspecified"), created=a["recorded_at"], modified=a["recorded_at"], allow_custom=True, x_factions_kind=a["kind"]))
        return sid

    places = _event_places(conn)

    def location_obj(place: dict) -> str:
        sid = _sid("location", place["gazetteer_id"])
        extra = {"administrative_area": place["admin1"]} if place["admin1"] else {}
        objects.setdefault(sid, stix2.Location(id=sid, name=place["name"], latitude=place["lat"], longitude=place["lon"],
                                               country=place["country"], created=place["recorded_at"], modified=place["recorded_at"],
                                               allow_custom=True, x_factions_gazetteer_id=place["gazetteer_id"], **extra))
        return sid

    reports: dict[str, dict] = {}
    for x in _relations(conn):
        src, dst = actor_obj(x["source_id"]), actor_obj(x["target_id"])
        place = places.get(x["event_id"])
        where = location_obj(place) if place else None
        speaker = actors.get(x["speaker_id"]) if x["speaker_id"] else None
        grade = grading.reliability(speaker)
        rid = _sid("relationship", f"relation:{x['id']}")
        start = x["when_start"] or x["said_on"] or x["published"]
        extra = {"start_time": _stamp(start)} if start else {}
        objects[rid] = stix2.Relationship(
            id=rid, relationship_type=x["type"].replace("_", "-"), source_ref=src, target_ref=dst,
            description=x["evidence"], confidence=int(grading.weight(grade) * 100), created=x["recorded_at"],
            modified=max(x["recorded_at"], x["judged_at"] or x["recorded_at"]),  # a retype is a new version
            allow_custom=True, x_factions_modality=x["modality"], x_factions_reliability=grade,
            x_factions_basis=x["basis"], x_factions_confirmed=bool(x["confirmed"]),
            **({"x_factions_location_ref": where} if where else {}), **extra,
        )
        report = reports.setdefault(x["text_sha256"], {"name": x["title"] or x["source"], "published": x["published"], "refs": [], "source": x["source"], "recorded": x["recorded_at"]})
        report["refs"] += [rid, src, dst, *([where] if where else [])]
        if x["claim_id"] and speaker is not None:
            author = speaker["name"]
            nid = _sid("note", f"claim:{x['claim_id']}:{x['id']}")
            objects[nid] = stix2.Note(id=nid, content=x["content"] or x["evidence"], authors=[author], object_refs=[rid], created=x["recorded_at"], modified=x["recorded_at"])
            if x["modality"] in ("denied", "negated"):
                oid = _sid("opinion", f"denial:{x['id']}")
                objects[oid] = stix2.Opinion(id=oid, opinion="strongly-disagree", authors=[author], object_refs=[rid], explanation=x["evidence"], created=x["recorded_at"], modified=x["recorded_at"])
    for sha, r in reports.items():
        rid = _sid("report", f"document:{sha}")
        objects[rid] = stix2.Report(
            id=rid, name=r["name"], published=_stamp(r["published"]) if r["published"] else r["recorded"], object_refs=list(dict.fromkeys(r["refs"])),
            report_types=["threat-report"], created=r["recorded"], modified=r["recorded"], allow_custom=True, x_factions_source=r["source"],
        )
    bundle = stix2.Bundle(objects=list(objects.values()), allow_custom=True)
    return bundle.serialize(pretty=True)


def _stamp(day: str) -> datetime:
    parts = [int(p) for p in day.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)


def to_prov(conn: Connection) -> str:
    """W3C PROV: documents and claims are entities, speakers and outlets agents; a
    claim was attributed to its speaker and derived from its document, which was
    attributed to its outlet."""
    from prov.model import ProvDocument

    doc = ProvDocument()
    doc.add_namespace("factions", "https://factions.invalid/ns#")
    actors = _actors(conn)
    c, d = records.claims(), t.documents
    rows = conn.execute(select(c.c.id, c.c.speaker_id, c.c.content, c.c.said_on, c.c.via, c.c.basis, c.c.confirmed, d.c.id.label("doc_id"), d.c.source, d.c.publisher, d.c.published).join(d, d.c.id == c.c.document_id))
    seen_docs = set()
    for x in rows:
        doc_ref = f"factions:document-{x.doc_id}"
        if x.doc_id not in seen_docs:
            seen_docs.add(x.doc_id)
            doc.entity(doc_ref, {"factions:source": x.source, "factions:published": x.published or ""})
            if x.publisher:
                outlet = f"factions:outlet-{uuid.uuid5(_NAMESPACE, x.publisher)}"
                doc.agent(outlet, {"factions:name": x.publisher})
                doc.wasAttributedTo(doc_ref, outlet)
        speaker_id = root(conn, x.speaker_id)
        speaker = f"factions:actor-{speaker_id}"
        doc.agent(speaker, {"factions:name": actors[speaker_id]["name"], "factions:kind": actors[speaker_id]["kind"]})
        claim = f"factions:claim-{x.id}"
        doc.entity(claim, {"factions:content": x.content, "factions:said_on": x.said_on or "",
                           "factions:basis": x.basis, "factions:confirmed": bool(x.confirmed)})
        doc.wasAttributedTo(claim, speaker)
        doc.wasDerivedFrom(claim, doc_ref)
        for via in x.via or []:
            via_id = root(conn, via)
            agent = f"factions:actor-{via_id}"
            doc.agent(agent, {"factions:name": actors[via_id]["name"]})
            doc.influence(claim, agent)  # the intermediaries that passed the claim on
    return doc.serialize(indent=2)


FORMATS = {"stix": to_stix, "graphml": to_graphml, "csv": to_csv, "plover": to_plover, "prov": to_prov, "acled": to_acled}


def export(conn: Connection, fmt: str) -> str:
    return FORMATS[fmt](conn)
