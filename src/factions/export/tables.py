"""Tabular exports: documents, actors, claims, events and relations, one table at a
time, as CSV (the csv module, formula cells neutralised) or Parquet (pyarrow, a
declared schema, one row group per chunk of rows as they stream from the store).

Every row carries its ids (joinable across tables: actor ids are the actors that stand
after analysts' merges, as in the actors table), its character spans (start/end into
its document's `text`, which the documents table carries), its dates with their
precision, and what analysts and the grading say of it: `basis` (extracted or analyst),
`confirmed`, `rejected` (only with `include_rejected`; rejected rows are left out
otherwise), the source's Admiralty `reliability` and, for relations, the
`credibility` of the report and the extraction's `confidence`. docs/exports.md lists
the columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import BinaryIO, TextIO

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from factions.analysis import grading
from factions.export import stream
from factions.export.formats import _cell
from factions.export.stream import actor_columns, actor_join, precision_of, reliability, rows
from factions.store import records
from factions.store import schema as t
from factions.store.judgements import roots

TABLE_FORMATS = ("csv", "parquet")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # int, float, str, bool, time, ints, strs (lists)
    doc: str


def _judged(record: str) -> list[Column]:
    return [
        Column("basis", "str", f"extracted, or analyst for a {record} an analyst added"),
        Column("confirmed", "bool", f"an analyst confirmed the {record}"),
        Column("rejected", "bool", f"an analyst rejected the {record} (or what carries it); present only with --include-rejected"),
        Column("judged_at", "time", "when an analyst last judged it (or undid a judgement)"),
        Column("recorded_at", "time", "when it was stored"),
    ]


DOCUMENTS = [
    Column("id", "int", "document id"),
    Column("text_sha256", "str", "SHA-256 of the text: the document's identity across stores"),
    Column("source", "str", "the path or URL it was read from"),
    Column("url", "str", "its URL, where known"),
    Column("title", "str", "its title"),
    Column("publisher", "str", "the outlet"),
    Column("authors", "strs", "its authors"),
    Column("published", "str", "publication date (ISO, to its precision)"),
    Column("published_precision", "str", "year, month, week (dated by its first day) or day"),
    Column("captured", "str", "when it was captured, as the source gave it"),
    Column("characters", "int", "length of the text in characters (the unit of every span)"),
    Column("text", "str", "the text every span indexes: text[start:end]"),
    Column("recorded_at", "time", "when it was stored"),
]

ACTORS = [
    Column("id", "int", "actor id (actors merged by an analyst appear once, under this id)"),
    Column("key", "str", "stable key: kb:<id>, <kind>:<name>, or doc<N>:<kind>:<name> for a description"),
    Column("name", "str", "name"),
    Column("kind", "str", "armed_group, person, state, organization, media, …"),
    Column("kb_id", "str", "knowledge-base id, where known"),
    Column("part_of", "str", "KB id of the actor it is part of"),
    Column("basis", "str", "kb, text or analyst"),
    Column("reliability", "str", "Admiralty reliability (A–F) of the actor as a source"),
    Column("names", "strs", "its names and aliases (those of actors merged into it too), retracted ones left out"),
    Column("recorded_at", "time", "when it was stored"),
]

CLAIMS = [
    Column("id", "int", "claim id"),
    Column("document_id", "int", "the document (documents.id)"),
    Column("speaker_id", "int", "who made the claim (actors.id)"),
    Column("speaker", "str", "the speaker's name"),
    Column("speaker_start", "int", "span of the speaker's mention"),
    Column("speaker_end", "int", "end of that span (exclusive)"),
    Column("cue", "str", "the reporting verb or cue (said, claimed, denied…)"),
    Column("cue_start", "int", "span of the cue"),
    Column("cue_end", "int", "end of that span (exclusive)"),
    Column("content", "str", "what was said"),
    Column("content_start", "int", "span of the content"),
    Column("content_end", "int", "end of that span (exclusive)"),
    Column("quote_type", "str", "direct, indirect or mixed"),
    Column("direct_quote", "bool", "the content is a direct quotation"),
    Column("channel", "str", "how it was said (a statement, a post…)"),
    Column("said_on", "str", "when it was said (ISO, to its precision)"),
    Column("said_on_precision", "str", "year, month, week (dated by its first day) or day"),
    Column("said_on_basis", "str", "where the date comes from (text, publication date, analyst)"),
    Column("via_ids", "ints", "intermediaries that passed the claim on (actors.id), outermost last"),
    Column("published", "str", "the document's publication date"),
    Column("outlet", "str", "the document's publisher"),
    Column("reliability", "str", "Admiralty reliability (A–F) of the speaker as a source"),
    Column("rule", "str", "the rule or model that made it (factions rules)"),
    *_judged("claim"),
]

EVENTS = [
    Column("id", "int", "event id (one report of an event; `export --format plover` merges reports)"),
    Column("document_id", "int", "the document (documents.id)"),
    Column("claim_id", "int", "the claim that carries it (claims.id), if any"),
    Column("type", "str", "PLOVER event type, as analysts have judged it"),
    Column("extracted_type", "str", "the type the extraction gave"),
    Column("mode", "str", "PLOVER mode"),
    Column("modality", "str", "asserted, reported, alleged, denied, negated, hypothetical, future, conditional"),
    Column("trigger", "str", "the words that name the event"),
    Column("evidence_start", "int", "span of the evidence"),
    Column("evidence_end", "int", "end of that span (exclusive)"),
    Column("condition_start", "int", "span of the condition of a conditional event"),
    Column("condition_end", "int", "end of that span (exclusive)"),
    Column("when_start", "str", "when it happened (ISO, to its precision)"),
    Column("when_end", "str", "end of that time, when it is a period"),
    Column("when_precision", "str", "year, month, week (dated by its first day) or day"),
    Column("said_on", "str", "when its claim was said"),
    Column("published", "str", "the document's publication date"),
    Column("actor_ids", "ints", "its actors (actors.id)"),
    Column("recipient_ids", "ints", "its recipients (actors.id)"),
    Column("where_id", "int", "the place actor (actors.id)"),
    Column("place", "str", "the place on the map"),
    Column("latitude", "float", "WGS84 degrees"),
    Column("longitude", "float", "WGS84 degrees"),
    Column("country", "str", "ISO 3166-1 alpha-2"),
    Column("admin1", "str", "first-level region"),
    Column("speaker_id", "int", "the speaker of its claim (actors.id)"),
    Column("reliability", "str", "Admiralty reliability (A–F) of its source: the speaker, else the article"),
    Column("rule", "str", "the rule that made it"),
    *_judged("event"),
]

RELATIONS = [
    Column("id", "int", "relation id"),
    Column("document_id", "int", "the document (documents.id)"),
    Column("claim_id", "int", "the claim that carries it (claims.id), if any"),
    Column("event_id", "int", "the event it was read from (events.id), if any"),
    Column("type", "str", "relation type, as analysts have judged it"),
    Column("extracted_type", "str", "the type the extraction gave"),
    Column("source_id", "int", "actors.id"),
    Column("source", "str", "the source actor's name"),
    Column("source_start", "int", "span of the source's mention"),
    Column("source_end", "int", "end of that span (exclusive)"),
    Column("target_id", "int", "actors.id"),
    Column("target", "str", "the target actor's name"),
    Column("target_start", "int", "span of the target's mention"),
    Column("target_end", "int", "end of that span (exclusive)"),
    Column("evidence", "str", "the evidence text"),
    Column("evidence_start", "int", "span of the evidence"),
    Column("evidence_end", "int", "end of that span (exclusive)"),
    Column("modality", "str", "asserted, reported, alleged, denied, negated, hypothetical, future, conditional"),
    Column("when_start", "str", "when it held or happened (ISO, to its precision)"),
    Column("when_end", "str", "end of that time, when it is a period"),
    Column("when_precision", "str", "year, month, week (dated by its first day) or day"),
    Column("said_on", "str", "when its claim was said"),
    Column("published", "str", "the document's publication date"),
    Column("speaker_id", "int", "the speaker of its claim (actors.id)"),
    Column("reliability", "str", "Admiralty reliability (A–F) of its source: the speaker, else the article"),
    Column("credibility", "int", "Admiralty credibility (1–6) of this report among every report of the same state between the same two actors"),
    Column("confidence", "float", "how sure the extraction is: the measured precision of the rule that made it; empty for an analyst's"),
    Column("rule", "str", "the rule that made it"),
    *_judged("relation"),
]


def _documents(conn: Connection, include_rejected: bool) -> Iterator[dict]:
    d = t.documents
    for x in rows(conn, select(d).order_by(d.c.id)):
        yield {**x, "published_precision": precision_of(x["published"]), "characters": len(x["text"])}


def _actors(conn: Connection, include_rejected: bool) -> Iterator[dict]:
    a, n, member = t.actors, t.actor_names, t.actors.alias("member")
    standing = select(a).where(a.c.merged_into.is_(None)).order_by(a.c.id)
    for chunk in stream.batches(rows(conn, standing)):
        top = func.coalesce(member.c.merged_into, member.c.id)
        names: dict[int, list[str]] = {}
        for actor_id, name in conn.execute(select(top, n.c.name).join(member, member.c.id == n.c.actor_id)
                                           .where(top.in_([x["id"] for x in chunk]), n.c.retracted_at.is_(None)).order_by(n.c.id)):
            names.setdefault(actor_id, []).append(name)
        for x in chunk:
            yield {**x, "reliability": grading.reliability(x), "names": list(dict.fromkeys([x["name"], *names.get(x["id"], [])]))}


def _claims(conn: Connection, include_rejected: bool) -> Iterator[dict]:
    c, d = records.claims(include_rejected), t.documents
    joined, speaker = actor_join(c.join(d, d.c.id == c.c.document_id), c.c.speaker_id, "speaker")
    stmt = (select(*[col for col in c.c if col.name != "speaker_id"], d.c.published, d.c.publisher.label("outlet"),
                   *actor_columns(speaker, "speaker"))
            .select_from(joined).order_by(c.c.id))
    for chunk in stream.batches(rows(conn, stmt)):
        top = roots(conn, {v for x in chunk for v in x["via"] or []})
        for x in chunk:
            yield {**x, "speaker": x["speaker_name"], "via_ids": [top.get(v, v) for v in x["via"] or []], "reliability": reliability(x)}


def _events(conn: Connection, include_rejected: bool) -> Iterator[dict]:
    e, c, d, p, parts = records.events(include_rejected), records.claims(include_rejected=True), t.documents, t.places, t.event_participants
    joined = e.join(d, d.c.id == e.c.document_id).outerjoin(c, c.c.id == e.c.claim_id).outerjoin(p, p.c.id == e.c.place_id)
    joined, speaker = actor_join(joined, c.c.speaker_id, "speaker")
    stmt = (select(e, c.c.said_on, d.c.published, *actor_columns(speaker, "speaker"), p.c.name.label("place"),
                   p.c.lat.label("latitude"), p.c.lon.label("longitude"), p.c.country, p.c.admin1)
            .select_from(joined).order_by(e.c.id))
    for chunk in stream.batches(rows(conn, stmt)):
        found = conn.execute(select(parts.c.event_id, parts.c.actor_id, parts.c.role)
                             .where(parts.c.event_id.in_([x["id"] for x in chunk])).order_by(parts.c.id)).all()
        top = roots(conn, {a for _, a, _ in found} | {x["where_id"] for x in chunk})
        taking_part: dict[tuple[int, str], list[int]] = {}
        for event_id, actor_id, role in found:
            taking_part.setdefault((event_id, role), []).append(top[actor_id])
        for x in chunk:
            yield {**x, "actor_ids": list(dict.fromkeys(taking_part.get((x["id"], "actor"), []))),
                   "recipient_ids": list(dict.fromkeys(taking_part.get((x["id"], "recipient"), []))),
                   "where_id": top.get(x["where_id"], x["where_id"]), "reliability": reliability(x)}


def _relations(conn: Connection, include_rejected: bool) -> Iterator[dict]:
    """Relations ordered by actor pair: a report's credibility is judged against the
    other reports between the same two actors, so memory holds one pair's reports."""
    r, c, d = records.relations(include_rejected), records.claims(include_rejected=True), t.documents
    joined = r.join(d, d.c.id == r.c.document_id).outerjoin(c, c.c.id == r.c.claim_id)
    joined, source = actor_join(joined, r.c.source_id, "source")
    joined, target = actor_join(joined, r.c.target_id, "target")
    joined, speaker = actor_join(joined, c.c.speaker_id, "speaker")
    low = case((source.c.id < target.c.id, source.c.id), else_=target.c.id)
    high = case((source.c.id < target.c.id, target.c.id), else_=source.c.id)
    stmt = (select(*[col for col in r.c if col.name not in ("source_id", "target_id")], c.c.said_on, c.c.content,
                   d.c.published, d.c.publisher, d.c.source.label("document_source"), *actor_columns(source, "source"),
                   *actor_columns(target, "target"), *actor_columns(speaker, "speaker"))
            .select_from(joined).order_by(low, high, r.c.id))
    for _, pair in groupby(rows(conn, stmt), key=lambda x: (min(x["source_id"], x["target_id"]), max(x["source_id"], x["target_id"]))):
        pair = list(pair)
        credibility = _credibility(pair)
        for x in pair:
            yield {**x, "source": x["source_name"], "target": x["target_name"], "reliability": reliability(x),
                   "credibility": credibility[x["id"]]}


def _credibility(pair: list[dict]) -> dict[int, int]:
    """Relation id → Admiralty credibility of the report among every report between the
    same two actors that bears on the same state (for types with no state, the same
    type), in the store as a whole: 1–5 from the independent sources that confirm and
    contradict it (grading.credibility), 6 for a prospect. As of a date, `factions
    relation` judges within the current period instead."""
    from factions.analysis.states import _polarity, _state_vocabulary
    from factions.relations.types import state_of

    vocab, states = _state_vocabulary(), state_of()
    items = [{"id": x["id"], "polarity": _polarity(x["modality"], vocab), "bears_on": states.get(x["type"], x["type"]),
              "content": x["content"], "evidence": x["evidence"],
              "source_key": f"actor:{x['speaker_id']}" if x["speaker_id"] else f"outlet:{x['publisher'] or x['document_source']}"}
             for x in pair]
    out = {i["id"]: 6 for i in items if i["polarity"] == "prospect"}
    for _, same in groupby(sorted(items, key=lambda i: i["bears_on"]), key=lambda i: i["bears_on"]):
        same = list(same)
        sides = {side: grading.independent_groups([i for i in same if i["polarity"] == side]) for side in ("for", "against")}
        for side, other in (("for", "against"), ("against", "for")):
            for group in sides[side]:
                # The others on its side are the side's groups less its own, when it is
                # alone in it (a report that alone linked two groups would split them:
                # counted as one, the cautious side, so that this stays linear).
                support = len(sides[side]) - (1 if len(group) == 1 else 0)
                for item in group:
                    out[item["id"]] = grading.credibility_of_counts(support, len(sides[other]))
    return out


@dataclass(frozen=True)
class Table:
    columns: list[Column]
    read: Callable[[Connection, bool], Iterator[dict]]
    judged: bool  # analysts judge its records: --include-rejected applies


TABLES = {
    "documents": Table(DOCUMENTS, _documents, False),
    "actors": Table(ACTORS, _actors, False),
    "claims": Table(CLAIMS, _claims, True),
    "events": Table(EVENTS, _events, True),
    "relations": Table(RELATIONS, _relations, True),
}


def columns(name: str, include_rejected: bool = False) -> list[Column]:
    """The columns of table `name` (`rejected` only when rejected rows are included)."""
    return [c for c in TABLES[name].columns if include_rejected or c.name != "rejected"]


def _csv_value(value, kind: str):
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    if kind in ("ints", "strs"):
        return _cell(";".join(str(v) for v in value))
    if kind == "time":
        return value.isoformat(sep=" ")
    return _cell(value)


def write_csv(conn: Connection, name: str, out: TextIO, include_rejected: bool = False) -> None:
    """Table `name` as CSV: a header, then one row per record; lists joined by ";"."""
    import csv

    cols = columns(name, include_rejected)
    writer = csv.writer(out)
    writer.writerow([c.name for c in cols])
    for x in TABLES[name].read(conn, include_rejected):
        writer.writerow([_csv_value(x[c.name], c.kind) for c in cols])


def arrow_schema(name: str, include_rejected: bool = False):
    """The pyarrow schema of table `name`, each field described in its metadata."""
    import pyarrow as pa

    kinds = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "bool": pa.bool_(), "time": pa.timestamp("us"),
             "ints": pa.list_(pa.int64()), "strs": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, kinds[c.kind], metadata={"description": c.doc})
                      for c in columns(name, include_rejected)])


def write_parquet(conn: Connection, name: str, out: BinaryIO, include_rejected: bool = False) -> None:
    """Table `name` as Parquet: one row group per chunk of rows read from the store."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(name, include_rejected)
    names = schema.names
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for chunk in stream.batches(TABLES[name].read(conn, include_rejected)):
            writer.write_table(pa.Table.from_pylist([{k: x[k] for k in names} for x in chunk], schema=schema))
        # An empty table is still a file with its schema: ParquetWriter writes it on close.


def write_table(conn: Connection, name: str, fmt: str, out: TextIO | BinaryIO, include_rejected: bool = False) -> None:
    """Table `name` (documents, actors, claims, events, relations) in `fmt` (csv, parquet)."""
    with stream.heap_set_aside():
        (write_csv if fmt == "csv" else write_parquet)(conn, name, out, include_rejected)

