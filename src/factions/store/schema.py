"""The store's tables (SQLAlchemy Core). Migrations in `migrations/versions` build
exactly this schema; a test checks that they agree.

The claim is the primary record: events and relations point to the claim that
carries them. Three clocks are kept apart: when something happened (`when_*`),
when it was said (`claims.said_on`), when it was published (`documents.published`);
and every row has its record time (`recorded_at`).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint,
)

metadata = MetaData()


def _recorded():
    return Column("recorded_at", DateTime, nullable=False)


documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("text_sha256", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("translators", JSON, nullable=False),
    Column("publisher", Text),
    Column("published", String(10), index=True),
    Column("captured", Text),
    Column("text", Text, nullable=False),
    _recorded(),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True),
    # kb:<id> for knowledge-base actors, <kind>:<name> for named ones, and
    # doc<N>:<kind>:<name> for descriptions ("intelligence sources"), which are
    # never merged across documents.
    Column("key", String(400), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("kb_id", String(200), index=True),
    Column("basis", String(40), nullable=False),
    # The KB id of the actor this one is part of (CJTF-OIR of the anti-ISIL coalition,
    # the Syrian Arab Army of Syria): queries roll a family up through it.
    Column("part_of", String(200), index=True),
    # An analyst's merge: this actor is the same as `merged_into` (see judgements).
    Column("merged_into", Integer, ForeignKey("actors.id", name="fk_actors_merged_into"), index=True),
    _recorded(),
)

actor_names = Table(
    "actor_names", metadata,
    Column("id", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("norm", String(400), nullable=False, index=True),
    Column("basis", String(40), nullable=False),
    # An alias an analyst added and later took back is kept, marked retracted.
    Column("retracted_at", DateTime),
    _recorded(),
    UniqueConstraint("actor_id", "name", name="uq_actor_names_actor_name"),
    # A name as written is how most lookups begin (resolve_actor): equality only, so a
    # hash index on PostgreSQL (no limit on a name's length), a b-tree on SQLite.
    Index("ix_actor_names_name", "name", postgresql_using="hash"),
)

# Analysts' judgements on identity (merge, split, alias), each reversible: undoing
# one sets `undone_at`; rows are never deleted, so the history stays readable.
judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True),
    Column("action", String(20), nullable=False),  # merge, split, alias
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("other_id", Integer, ForeignKey("actors.id")),
    Column("detail", JSON, nullable=False),  # what changed, enough to undo it
    Column("author", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("made_at", DateTime, nullable=False),
    Column("undone_at", DateTime),
    Column("undone_by", String(200)),
)

# Analysts' judgements on extracted records (reject, retype, confirm, add), each
# reversible like the identity judgements above. The records themselves are never
# changed or deleted: store/records.py overlays the judgements on every read, and a
# hand-added record is an ordinary row (rule "analyst") whose `add` judgement, once
# undone, hides it.
record_judgements = Table(
    "record_judgements", metadata,
    Column("id", Integer, primary_key=True),
    Column("record", String(20), nullable=False),  # relation, event, claim
    Column("record_id", Integer, nullable=False),
    Column("action", String(20), nullable=False),  # reject, retype, confirm, add
    Column("type", String(40)),  # the type a retype gives, or an added record's type
    Column("detail", JSON, nullable=False),  # what changed, enough to undo and explain it
    Column("author", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("made_at", DateTime, nullable=False),
    Column("undone_at", DateTime),
    Column("undone_by", String(200)),
    Index("ix_record_judgements_record", "record", "record_id"),
)

# Points on the map (factions.places): one row per gazetteer entry or KB point a place
# mention resolved to. A place actor is not a place row: "Tripoli" is one name for two
# cities, and each document's context decides which (mentions.place_id, events.place_id).
places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True),
    Column("gazetteer_id", String(80), nullable=False, unique=True),  # geonames:<id> or kb:<id>
    Column("name", Text, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("country", String(2), nullable=False, index=True),  # ISO 3166-1 alpha-2
    Column("country_name", Text),
    Column("admin1", Text, index=True),  # first-level region's name (ISO 3166-2), where known
    Column("admin1_code", String(20)),  # GeoNames admin1 code
    Column("feature", String(20), nullable=False),  # place, region, country
    Column("basis", String(20), nullable=False),  # gazetteer, kb
    _recorded(),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(40), nullable=False),
    Column("basis", String(40), nullable=False),
    Column("place_id", Integer, ForeignKey("places.id", name="fk_mentions_place_id")),
    _recorded(),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("local_id", String(20), nullable=False),
    Column("speaker_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("speaker_start", Integer, nullable=False),
    Column("speaker_end", Integer, nullable=False),
    Column("cue", Text, nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("quote_type", String(20), nullable=False),
    Column("direct_quote", Boolean, nullable=False),
    Column("channel", String(200)),
    Column("said_on", String(10), index=True),
    Column("said_on_precision", String(10)),
    Column("said_on_basis", String(40), nullable=False),
    Column("via", JSON, nullable=False),  # actor ids, outermost last
    Column("rule", String(80)),  # the rule or model that made it (data/rules.toml); NULL before 0004
    _recorded(),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("local_id", String(20), nullable=False),
    Column("type", String(40), nullable=False, index=True),
    Column("mode", String(40)),
    Column("trigger", Text, nullable=False),
    Column("modality", String(20), nullable=False),
    Column("when_start", String(10), index=True),
    Column("when_end", String(10)),
    Column("when_precision", String(10)),
    Column("where_id", Integer, ForeignKey("actors.id")),
    # Where `where_id` is on the map in this document, and why that entry.
    Column("place_id", Integer, ForeignKey("places.id", name="fk_events_place_id"), index=True),
    Column("place_reason", Text),
    Column("claim_id", Integer, ForeignKey("claims.id"), index=True),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("condition_start", Integer),
    Column("condition_end", Integer),
    Column("rule", String(80)),
    _recorded(),
)

event_participants = Table(
    "event_participants", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("role", String(20), nullable=False),  # actor or recipient
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    _recorded(),
)

relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("type", String(40), nullable=False),
    Column("source_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("target_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("source_start", Integer, nullable=False),
    Column("source_end", Integer, nullable=False),
    Column("target_start", Integer, nullable=False),
    Column("target_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("modality", String(20), nullable=False),
    Column("claim_id", Integer, ForeignKey("claims.id"), index=True),
    # Indexed: an event's rejection takes its relations with it (records.py finds them).
    Column("event_id", Integer, ForeignKey("events.id"), index=True),
    Column("when_start", String(10)),
    Column("when_end", String(10)),
    Column("when_precision", String(10)),
    # How sure the relation is: the measured confidence of the rule that made it
    # (factions.rules.relation_confidence, data/rule_confidence.toml), set at ingest;
    # None for a relation an analyst added. The review queue reads it, least sure first.
    Column("confidence", Float),
    Column("rule", String(80), index=True),
    _recorded(),
    Index("ix_relations_pair", "source_id", "target_id", "type"),
    Index("ix_relations_target", "target_id", "source_id"),
    Index("ix_relations_confidence", "confidence", "id"),
)


# Tracked questions ("Will A and B unite?"): hypotheses, indicators over the store,
# time-stamped forecasts (an analyst's or computed, each citing its evidence) and
# the resolution that scores them.
questions = Table(
    "questions", metadata,
    Column("id", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("deadline", String(10)),
    Column("criteria", Text, nullable=False),
    Column("actors", JSON, nullable=False),  # actor ids the question is about
    Column("created_by", String(200), nullable=False),
    Column("resolved_outcome", String(20)),
    Column("resolved_on", String(10)),
    Column("resolved_by", String(200)),
    _recorded(),
)

hypotheses = Table(
    "hypotheses", metadata,
    Column("id", Integer, primary_key=True),
    Column("question_id", Integer, ForeignKey("questions.id"), nullable=False, index=True),
    Column("label", String(20), nullable=False),
    Column("text", Text, nullable=False),
)

indicators = Table(
    "indicators", metadata,
    Column("id", Integer, primary_key=True),
    Column("question_id", Integer, ForeignKey("questions.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("params", JSON, nullable=False),
    Column("likelihood_ratio", Float, nullable=False),
)

forecasts = Table(
    "forecasts", metadata,
    Column("id", Integer, primary_key=True),
    Column("question_id", Integer, ForeignKey("questions.id"), nullable=False, index=True),
    Column("hypothesis", String(20), nullable=False),
    Column("probability", Float, nullable=False),
    Column("author", String(200), nullable=False),  # "computed" or the analyst
    Column("basis", JSON, nullable=False),  # fired indicators and the claims behind them
    Column("note", Text),
    Column("made_at", DateTime, nullable=False),
)
