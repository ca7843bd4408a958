from __future__ import annotations

import os
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, insert, select, update
from sqlalchemy.exc import IntegrityError

from factions.names import normalise
from factions.model import Extraction
from factions.store import schema as t

DEFAULT_URL = "sqlite:///factions.db"
ACTOR_CACHE_SIZE = 50_000
MIGRATIONS = Path(__file__).parent / "migrations"


def database_url(url: str | None = None) -> str:
    return url or os.environ.get("FACTIONS_DB") or DEFAULT_URL


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def _sqlite_engine(url: str, foreign_keys: bool) -> Engine:
    """An SQLite engine whose transactions are real SQLite transactions, DDL included
    (pysqlite's own handling commits before DDL, which would let a failed migration
    leave a half-changed schema)."""
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        # With WAL, NORMAL loses no committed transaction on a crash of the
        # process, and saves an fsync per document.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN")

    return engine


def _engine(url: str, foreign_keys: bool = True) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url, foreign_keys)
    return create_engine(url)


def open_store(url: str | None = None) -> "Store":
    """Open (creating or upgrading) the store. Migrations run in one transaction:
    a store is upgraded whole or left as it was. SQLite rebuilds a table to alter
    it, so foreign keys are off while migrating and checked afterwards."""
    url = database_url(url)
    migrator = _engine(url, foreign_keys=False)
    config = alembic_config(migrator)
    try:
        with migrator.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if migrator.dialect.name == "sqlite":
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration would break {len(broken)} references; nothing was changed")
    finally:
        migrator.dispose()
    return Store(_engine(url))


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        # Actor key -> (id, names known): actors recur across documents, and looking
        # them up for every mention of every document dominates ingest otherwise.
        self._actors: dict[str, tuple[int, set[str]]] = {}

    def has_document(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.id).where(t.documents.c.text_sha256 == sha256)).first() is not None

    def ingest(self, x: Extraction) -> int | None:
        """Store one extraction in one transaction. Returns the document id, or None
        when the same text is already stored (re-ingesting changes nothing)."""
        sha = x.document.text_sha256
        for attempt in (1, 2):
            try:
                with self.engine.begin() as conn:
                    if conn.execute(select(t.documents.c.id).where(t.documents.c.text_sha256 == sha)).first():
                        return None
                    return _write(conn, x, self._actors)
            except IntegrityError:
                # Rolled back. Another writer may have stored this text, or an actor
                # or name our cache did not know of: refresh and try once more.
                self._actors.clear()
                if self.has_document(sha):
                    return None
                if attempt == 2:
                    raise
            except BaseException:
                self._actors.clear()  # rolled back: cached rows may not exist
                raise
        return None


def _insert_returning(conn, table, rows: list[dict]) -> list[int]:
    """Insert many rows in one statement and return their ids in order."""
    if not rows:
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [r[0] for r in conn.execute(stmt, rows)]


def _write(conn, x: Extraction, cache: dict[str, tuple[int, set[str]]]) -> int:
    now = _now()
    d = x.document
    doc_id = conn.execute(
        insert(t.documents), dict(
            text_sha256=d.text_sha256, source=d.source, url=d.url, title=d.title, authors=d.authors,
            translators=d.translators, publisher=d.publisher,
            published=d.published.isoformat() if d.published else None, captured=d.captured, text=d.text,
            recorded_at=now,
        )
    ).inserted_primary_key[0]
    actor_ids = _actors(conn, x.actors, doc_id, now, cache)
    if x.mentions:
        conn.execute(insert(t.mentions), [
            dict(document_id=doc_id, actor_id=actor_ids.get(m.actor), start=m.span.start, end=m.span.end,
                 text=m.text, label=m.label, basis=m.basis, recorded_at=now)
            for m in x.mentions
        ])
    claim_ids = dict(zip([c.id for c in x.claims], _insert_returning(conn, t.claims, [
        dict(
            document_id=doc_id, local_id=c.id, speaker_id=actor_ids[c.speaker],
            speaker_start=c.speaker_span.start, speaker_end=c.speaker_span.end,
            cue=c.cue, cue_start=c.cue_span.start, cue_end=c.cue_span.end,
            content=d.text[c.content_span.start : c.content_span.end],
            content_start=c.content_span.start, content_end=c.content_span.end,
            quote_type=c.quote_type, direct_quote=c.direct_quote, channel=c.channel,
            said_on=c.said_on.start if c.said_on else None,
            said_on_precision=c.said_on.precision if c.said_on else None,
            said_on_basis=c.said_on_basis, via=[actor_ids[v] for v in c.via], rule=c.rule or None, recorded_at=now,
        )
        for c in x.claims
    ])))
    event_ids = dict(zip([e.id for e in x.events], _insert_returning(conn, t.events, [
        dict(
            document_id=doc_id, local_id=e.id, type=e.type, mode=e.mode, trigger=e.trigger, modality=e.modality,
            when_start=e.when.start if e.when else None, when_end=e.when.end if e.when else None,
            when_precision=e.when.precision if e.when else None, where_id=actor_ids.get(e.where),
            claim_id=claim_ids.get(e.claim), evidence_start=e.evidence_span.start, evidence_end=e.evidence_span.end,
            condition_start=e.condition.start if e.condition else None,
            condition_end=e.condition.end if e.condition else None, rule=e.rule or None, recorded_at=now,
        )
        for e in x.events
    ])))
    participants = [
        dict(event_id=event_ids[e.id], actor_id=actor_ids[a], role=role, start=s.start, end=s.end, recorded_at=now)
        for e in x.events
        for role, ids, spans in (("actor", e.actors, e.actor_spans), ("recipient", e.recipients, e.recipient_spans))
        for a, s in zip(ids, spans)
    ]
    if participants:
        conn.execute(insert(t.event_participants), participants)
    if x.relations:
        conn.execute(insert(t.relations), [
            dict(document_id=doc_id, type=r.type, source_id=actor_ids[r.source], target_id=actor_ids[r.target],
                 source_start=r.source_span.start, source_end=r.source_span.end,
                 target_start=r.target_span.start, target_end=r.target_span.end,
                 evidence=d.text[r.evidence_span.start : r.evidence_span.end],
                 evidence_start=r.evidence_span.start, evidence_end=r.evidence_span.end,
                 modality=r.modality, claim_id=claim_ids.get(r.claim), event_id=event_ids.get(r.event),
                 when_start=r.when.start if r.when else None, when_end=r.when.end if r.when else None,
                 when_precision=r.when.precision if r.when else None, rule=r.rule or None, recorded_at=now)
            for r in x.relations
        ])
    return doc_id


def actor_key(name: str, kind: str, kb_id: str | None, basis: str, document_id: int) -> str:
    if kb_id:
        return f"kb:{kb_id}"
    if basis in ("nominal", "descriptive"):
        return f"doc{document_id}:{kind}:{normalise(name)}"
    return f"{kind}:{normalise(name)}"


def _actors(conn, actors, document_id: int, now: datetime, cache: dict[str, tuple[int, set[str]]]) -> dict[str, int]:
    """Store ids for a document's actors: known ones from the cache or one lookup,
    new ones in one insert, and the names not yet known in another."""
    keys = {a.id: actor_key(a.name, a.kind, a.kb_id, a.basis, document_id) for a in actors}
    # A description's key names its document: it is new by construction.
    unknown = [k for k in set(keys.values()) if k not in cache and not k.startswith("doc")]
    found: dict[str, tuple[int, set[str]]] = {}
    if unknown:
        rows = conn.execute(select(t.actors.c.id, t.actors.c.key, t.actors.c.part_of).where(t.actors.c.key.in_(unknown))).all()
        # The knowledge base may have declared a part since the actor was stored.
        parents = {keys[a.id]: a.part_of for a in actors if a.part_of}
        for r in rows:
            if r.key in parents and r.part_of != parents[r.key]:
                conn.execute(update(t.actors).where(t.actors.c.id == r.id).values(part_of=parents[r.key]))
        names: dict[int, set[str]] = {r.id: set() for r in rows}
        if rows:
            for r in conn.execute(select(t.actor_names.c.actor_id, t.actor_names.c.name).where(t.actor_names.c.actor_id.in_(list(names)))):
                names[r.actor_id].add(r.name)
        found = {r.key: (r.id, names[r.id]) for r in rows}
    new = [a for a in actors if keys[a.id] not in cache and keys[a.id] not in found]
    new = list({keys[a.id]: a for a in new}.values())
    created = _insert_returning(conn, t.actors, [
        dict(key=keys[a.id], name=a.name, kind=a.kind, kb_id=a.kb_id, basis=a.basis, part_of=a.part_of, recorded_at=now) for a in new
    ])
    for a, actor_id in zip(new, created):
        found[keys[a.id]] = (actor_id, set())
    ids: dict[str, int] = {}
    name_rows = []
    for a in actors:
        key = keys[a.id]
        actor_id, known = cache.get(key) or found[key]
        ids[a.id] = actor_id
        for n in dict.fromkeys([a.name, *a.aliases]):
            if n and n not in known:
                known.add(n)
                name_rows.append(dict(actor_id=actor_id, name=n, norm=normalise(n), basis="text" if n != a.name else a.basis, recorded_at=now))
        if not key.startswith("doc") and key not in cache:
            if len(cache) >= ACTOR_CACHE_SIZE:  # bounded: memory stays flat on any corpus
                for old in list(islice(cache, ACTOR_CACHE_SIZE // 2)):
                    del cache[old]
            cache[key] = (actor_id, known)
    if name_rows:
        conn.execute(insert(t.actor_names), name_rows)
    return ids
