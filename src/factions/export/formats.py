from __future__ import annotations

import csv
import io
import json
import re
import textwrap
import uuid
from datetime import datetime, timezone
from itertools import groupby
from typing import TextIO

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from factions.analysis import grading
from factions.analysis.events import iter_deduplicated_events
from factions.export import stream
from factions.export.stream import actor_columns, actor_join, reliability, rows
from factions.store import records
from factions.store import schema as t

# Stable STIX ids: the same store exports the same ids every time.
_NAMESPACE = uuid.UUID("6f1c1e0e-3b7a-4f0e-9d7e-0c9a1f6b2a10")


# Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF): a name
# with one would make the whole GraphML file unreadable to every XML parser.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    """A string as XML 1.0 can carry it (forbidden characters dropped); others as they are."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def graphml(graph, pretty: bool = True) -> str:
    """GraphML of a networkx graph whose every string (ids, attributes) XML can carry."""
    return "\n".join(graphml_lines(graph, pretty))


def graphml_lines(graph, pretty: bool = True):
    """`graphml` line by line (one line when not `pretty`)."""
    import networkx as nx

    clean = graph.__class__()
    clean.graph.update({k: xml_text(v) for k, v in graph.graph.items()})
    clean.add_nodes_from((xml_text(n), {k: xml_text(v) for k, v in d.items()}) for n, d in graph.nodes(data=True))
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for *ends, d in edges:
        clean.add_edge(*(xml_text(e) for e in ends), **{k: xml_text(v) for k, v in d.items()})
    return nx.generate_graphml(clean, prettyprint=pretty)


def _cell(value):
    """A CSV cell a spreadsheet will not run: text starting with = + - @, a tab or a
    carriage return gets a leading single quote (OWASP, CSV injection). Numbers stay
    numbers (a longitude of -3.7 is not a formula)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_writer(out: TextIO):
    writer = csv.writer(out)
    return lambda row: writer.writerow([_cell(v) for v in row])


def _sid(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NAMESPACE, key)}"


def _relations(conn: Connection, by_document: bool = False):
    """Relations as analysts have judged them (store/records.py), their actors and
    speaker after analysts' merges, with the claim, the document and the place of
    their event; in id order, or by document (`by_document`). Streamed."""
    r, c, d, e, p = records.relations(), records.claims(include_rejected=True), t.documents, records.events(include_rejected=True), t.places
    joined = r.join(d, d.c.id == r.c.document_id).outerjoin(c, c.c.id == r.c.claim_id)
    joined = joined.outerjoin(e, e.c.id == r.c.event_id).outerjoin(p, p.c.id == e.c.place_id)
    joined, source = actor_join(joined, r.c.source_id, "source")
    joined, target = actor_join(joined, r.c.target_id, "target")
    joined, speaker = actor_join(joined, c.c.speaker_id, "speaker")
    stored_ends = ("source_id", "target_id")  # replaced by the actors they stand for after merges
    stmt = select(
        *[col for col in r.c if col.name not in stored_ends], c.c.said_on, c.c.content, d.c.publisher, d.c.published, d.c.source, d.c.title, d.c.text_sha256,
        *actor_columns(source, "source"), *actor_columns(target, "target"), *actor_columns(speaker, "speaker"),
        p.c.name.label("place_name"), p.c.lat.label("place_lat"), p.c.lon.label("place_lon"), p.c.country.label("place_country"),
        p.c.admin1.label("place_admin1"), p.c.gazetteer_id.label("place_gazetteer_id"), p.c.recorded_at.label("place_recorded_at"),
    ).select_from(joined).order_by(*([r.c.document_id] if by_document else []), r.c.id)
    return rows(conn, stmt)


def _place_columns(x: dict) -> list:
    if x["place_name"] is None:
        return ["", "", "", "", ""]
    return [x["place_name"], x["place_lat"], x["place_lon"], x["place_country"], x["place_admin1"] or ""]


def write_csv(conn: Connection, out: TextIO, pretty: bool = False) -> None:
    """Relations as CSV, one row each, with the place of their event."""
    writerow = _csv_writer(out)
    writerow(["type", "source", "target", "modality", "date", "said_on", "published", "speaker", "outlet", "reliability", "evidence", "document",
              "relation", "basis", "confirmed", "location", "latitude", "longitude", "country", "admin1"])
    for x in _relations(conn):
        writerow([
            x["type"], x["source_name"], x["target_name"], x["modality"],
            x["when_start"] or "", x["said_on"] or "", x["published"] or "", x["speaker_name"] or "",
            x["publisher"] or "", reliability(x), x["evidence"], x["source"],
            x["id"], x["basis"], "yes" if x["confirmed"] else "",
            *_place_columns(x),
        ])


ACLED_COLUMNS = ["event_date", "event_type", "actor1", "actor2", "location", "latitude", "longitude", "country", "admin1",
                 "source", "notes"]


def write_acled(conn: Connection, out: TextIO, pretty: bool = False) -> None:
    """Events as ACLED-style CSV rows, one per event across reports: the date, the PLOVER
    type, the first actor and recipient (others joined by "; "), the place with its
    coordinates, country and first-level region where known, the outlets that reported
    it and the first report's evidence as notes. The event types are PLOVER's, not
    ACLED's own."""
    writerow = _csv_writer(out)
    writerow(ACLED_COLUMNS)
    for ev in iter_deduplicated_events(conn, chunk=stream.CHUNK):
        place = ev["place"]
        outlets = list(dict.fromkeys(r["outlet"] or r["document"] for r in ev["reports"]))
        writerow([
            ev["when"] or ev["date"], ev["type"], "; ".join(ev["actors"]), "; ".join(ev["recipients"]),
            place["name"] if place else "", place["lat"] if place else "", place["lon"] if place else "",
            place["country_name"] or place["country"] if place else "", (place["admin1"] or "") if place else "",
            "; ".join(outlets), ev["reports"][0]["evidence"],
        ])


def write_graphml(conn: Connection, out: TextIO, pretty: bool = False) -> None:
    """The actor network as GraphML. networkx builds the whole graph before writing it;
    the graph has one node per actor and one edge per related pair (relations are
    summed into the pair's state), so it grows with the actors, not the documents."""
    from factions.analysis.network import network

    graph = network(conn)
    # A place node (the target of "controls") gets the point its mentions were placed at most.
    m, p = t.mentions, t.places
    for ids in stream.batches(graph.nodes):
        found = conn.execute(select(m.c.actor_id, p.c.lat, p.c.lon, p.c.country, p.c.admin1, func.count().label("n"))
                             .join(p, p.c.id == m.c.place_id).where(m.c.actor_id.in_(ids))
                             .group_by(m.c.actor_id, p.c.id).order_by(func.count().desc()))
        for r in found:
            node = graph.nodes[r.actor_id]
            if "lat" not in node:
                node.update(lat=r.lat, lon=r.lon, country=r.country, admin1=r.admin1 or "")
    for line in graphml_lines(graph, pretty):
        out.write(line + "\n")


class _JsonArray:
    """A JSON array written one element at a time: `[` … `]`, compact or indented."""

    def __init__(self, out: TextIO, pretty: bool, depth: int = 0):
        self.out, self.pretty, self.depth, self.first = out, pretty, depth, True

    def __enter__(self):
        self.out.write("[")
        return self

    def add(self, text: str) -> None:
        """An element already serialised (indented from column 0 when pretty)."""
        sep = "" if self.first else ","
        if self.pretty:
            self.out.write(sep + "\n" + textwrap.indent(text, " " * (self.depth + 1) * self.indent))
        else:
            self.out.write(sep + text)
        self.first = False

    indent = 4

    def __exit__(self, *exc) -> None:
        self.out.write(("\n" + " " * self.depth * self.indent if self.pretty and not self.first else "") + "]")


def write_plover(conn: Connection, out: TextIO, pretty: bool = False) -> None:
    """PLOVER-style events: one per event across articles, with its reports."""
    with _JsonArray(out, pretty) as array:
        for i, ev in enumerate(iter_deduplicated_events(conn, chunk=stream.CHUNK), start=1):
            first = ev["reports"][0]
            array.add(json.dumps({
                "id": f"factions-{i}", "event_date": ev["when"] or ev["date"], "date_precision": ev["precision"],
                "event_type": ev["type"], "event_mode": None,
                "actor": "; ".join(ev["actors"]), "recipient": "; ".join(ev["recipients"]), "place": ev["place"],
                "source": first["outlet"], "text": first["evidence"],
                "modality": [r["modality"] for r in ev["reports"]], "report_count": len(ev["reports"]), "reports": ev["reports"],
            }, ensure_ascii=False, **({"indent": _JsonArray.indent} if pretty else {"separators": (",", ":")})))
    out.write("\n")


_IDENTITY_CLASS = {"person": "individual", "media": "organization", "organization": "organization",
                   "government_body": "organization", "state": "organization", "population": "group", "location": "unspecified"}


def _stix_actor(a: dict):
    import stix2

    if a["kind"] == "armed_group":
        sid = _sid("threat-actor", f"actor:{a['id']}")
        return stix2.ThreatActor(id=sid, name=a["name"], threat_actor_types=["unknown"], created=a["recorded_at"], modified=a["recorded_at"], allow_custom=True, x_factions_kb_id=a["kb_id"])
    sid = _sid("identity", f"actor:{a['id']}")
    return stix2.Identity(id=sid, name=a["name"], identity_class=_IDENTITY_CLASS.get(a["kind"], "unspecified"), created=a["recorded_at"], modified=a["recorded_at"], allow_custom=True, x_factions_kind=a["kind"])


def _stix_actor_id(actor_id: int, kind: str) -> str:
    return _sid("threat-actor" if kind == "armed_group" else "identity", f"actor:{actor_id}")


def write_stix(conn: Connection, out: TextIO, pretty: bool = False) -> None:
    """A STIX 2.1 bundle: armed groups as threat actors, other actors as identities,
    relations as relationships (start time, confidence from the source's grade),
    documents as reports, claims as notes and denials as opinions.

    Every object is a stix2 object (validated as it is made) serialised on its own and
    written at once: the bundle is never held whole. stix2's own pretty printing of a
    Bundle looks each property up across the whole bundle to order it, which made the
    export quadratic (issue 15); one object at a time it looks within that object only.
    Objects come in three streamed passes: the actors that take part in a relation, the
    places of their events, then each document's relationships, notes and opinions
    followed by its report."""
    import stix2

    r, e, p = records.relations(), records.events(include_rejected=True), t.places
    serialise = (lambda obj: obj.serialize(pretty=True)) if pretty else (lambda obj: obj.serialize(separators=(",", ":")))
    head = {"type": "bundle", "id": f"bundle--{uuid.uuid4()}"}
    if pretty:
        out.write("{\n" + "".join(f'    "{k}": "{v}",\n' for k, v in head.items()) + '    "objects": ')
    else:
        out.write("{" + "".join(f'"{k}":"{v}",' for k, v in head.items()) + '"objects":')
    with _JsonArray(out, pretty, depth=1) as objects:
        ends = select(r.c.source_id.label("actor_id")).union(select(r.c.target_id)).subquery()
        joined, actor = actor_join(ends, ends.c.actor_id, "actor")
        for a in rows(conn, select(actor).select_from(joined).distinct().order_by(actor.c.id)):
            objects.add(serialise(_stix_actor(a)))
        placed = select(p).where(p.c.id.in_(select(e.c.place_id).join(r, r.c.event_id == e.c.id))).order_by(p.c.id)
        for place in rows(conn, placed):
            sid = _sid("location", place["gazetteer_id"])
            extra = {"administrative_area": place["admin1"]} if place["admin1"] else {}
            objects.add(serialise(stix2.Location(
                id=sid, name=place["name"], latitude=place["lat"], longitude=place["lon"], country=place["country"],
                created=place["recorded_at"], modified=place["recorded_at"], allow_custom=True,
                x_factions_gazetteer_id=place["gazetteer_id"], **extra)))
        for _, relations in groupby(_relations(conn, by_document=True), key=lambda x: x["document_id"]):
            refs: list[str] = []
            for x in relations:
                src, dst = _stix_actor_id(x["source_id"], x["source_kind"]), _stix_actor_id(x["target_id"], x["target_kind"])
                where = _sid("location", x["place_gazetteer_id"]) if x["place_gazetteer_id"] else None
                grade = reliability(x)
                rid = _sid("relationship", f"relation:{x['id']}")
                start = x["when_start"] or x["said_on"] or x["published"]
                objects.add(serialise(stix2.Relationship(
                    id=rid, relationship_type=x["type"].replace("_", "-"), source_ref=src, target_ref=dst,
                    description=x["evidence"], confidence=int(grading.weight(grade) * 100), created=x["recorded_at"],
                    modified=max(x["recorded_at"], x["judged_at"] or x["recorded_at"]),  # a retype is a new version
                    allow_custom=True, x_factions_modality=x["modality"], x_factions_reliability=grade,
                    x_factions_basis=x["basis"], x_factions_confirmed=bool(x["confirmed"]),
                    **({"x_factions_location_ref": where} if where else {}), **({"start_time": _stamp(start)} if start else {}),
                )))
                refs += [rid, src, dst, *([where] if where else [])]
                if x["claim_id"] and x["speaker_id"] is not None:
                    author = x["speaker_name"]
                    nid = _sid("note", f"claim:{x['claim_id']}:{x['id']}")
                    objects.add(serialise(stix2.Note(id=nid, content=x["content"] or x["evidence"], authors=[author], object_refs=[rid],
                                                     created=x["recorded_at"], modified=x["recorded_at"])))
                    if x["modality"] in ("denied", "negated"):
                        oid = _sid("opinion", f"denial:{x['id']}")
                        objects.add(serialise(stix2.Opinion(id=oid, opinion="strongly-disagree", authors=[author], object_refs=[rid],
                                                            explanation=x["evidence"], created=x["recorded_at"], modified=x["recorded_at"])))
            objects.add(serialise(stix2.Report(
                id=_sid("report", f"document:{x['text_sha256']}"), name=x["title"] or x["source"],
                published=_stamp(x["published"]) if x["published"] else x["recorded_at"], object_refs=list(dict.fromkeys(refs)),
                report_types=["threat-report"], created=x["recorded_at"], modified=x["recorded_at"], allow_custom=True,
                x_factions_source=x["source"],
            )))
    out.write("\n}\n" if pretty else "}\n")


def _stamp(day: str) -> datetime:
    parts = [int(p) for p in day.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)


def write_prov(conn: Connection, out: TextIO, pretty: bool = False) -> None:
    """W3C PROV: documents and claims are entities, speakers and outlets agents; a
    claim was attributed to its speaker and derived from its document, which was
    attributed to its outlet.

    The prov library serialises a ProvDocument whole, and PROV-JSON groups records by
    kind (all entities, then all agents…), so this export holds one record per claim,
    document and speaker in memory; the rows are still read a chunk at a time."""
    from prov.model import ProvDocument

    from factions.store.judgements import roots

    doc = ProvDocument()
    doc.add_namespace("factions", "https://factions.invalid/ns#")
    c, d = records.claims(), t.documents
    joined, speaker = actor_join(c.join(d, d.c.id == c.c.document_id), c.c.speaker_id, "speaker")
    stmt = (select(c.c.id, c.c.content, c.c.said_on, c.c.via, c.c.basis, c.c.confirmed, d.c.id.label("doc_id"), d.c.source,
                   d.c.publisher, d.c.published, *actor_columns(speaker, "speaker"))
            .select_from(joined).order_by(c.c.id))
    seen_docs = set()
    for chunk in stream.batches(rows(conn, stmt)):
        intermediaries = roots(conn, {v for x in chunk for v in x["via"] or []})
        names = {a.id: a.name for a in conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(set(intermediaries.values()))))}
        for x in chunk:
            doc_ref = f"factions:document-{x['doc_id']}"
            if x["doc_id"] not in seen_docs:
                seen_docs.add(x["doc_id"])
                doc.entity(doc_ref, {"factions:source": x["source"], "factions:published": x["published"] or ""})
                if x["publisher"]:
                    outlet = f"factions:outlet-{uuid.uuid5(_NAMESPACE, x['publisher'])}"
                    doc.agent(outlet, {"factions:name": x["publisher"]})
                    doc.wasAttributedTo(doc_ref, outlet)
            agent = f"factions:actor-{x['speaker_id']}"
            doc.agent(agent, {"factions:name": x["speaker_name"], "factions:kind": x["speaker_kind"]})
            claim = f"factions:claim-{x['id']}"
            doc.entity(claim, {"factions:content": x["content"], "factions:said_on": x["said_on"] or "",
                               "factions:basis": x["basis"], "factions:confirmed": bool(x["confirmed"])})
            doc.wasAttributedTo(claim, agent)
            doc.wasDerivedFrom(claim, doc_ref)
            for via in x["via"] or []:
                via_id = intermediaries[via]
                via_agent = f"factions:actor-{via_id}"
                doc.agent(via_agent, {"factions:name": names[via_id]})
                doc.influence(claim, via_agent)  # the intermediaries that passed the claim on
    doc.serialize(out, indent=2 if pretty else None)
    out.write("\n")


WRITERS = {"stix": write_stix, "graphml": write_graphml, "csv": write_csv, "plover": write_plover, "prov": write_prov, "acled": write_acled}
FORMATS = tuple(WRITERS)  # the whole-store exports; the tabular ones are export/tables.py's


def export(conn: Connection, fmt: str, out: TextIO | None = None, pretty: bool = False) -> str | None:
    """Write the store in `fmt` to `out` as it is read; without `out`, return the text."""
    with stream.heap_set_aside():
        if out is not None:
            WRITERS[fmt](conn, out, pretty)
            return None
        buffer = io.StringIO()
        WRITERS[fmt](conn, buffer, pretty)
        return buffer.getvalue()
