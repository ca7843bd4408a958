from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import JSON, Engine, create_engine, event, insert, inspect, select, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError

from factions.names import normalise
from factions.model import Extraction
from factions.rules import relation_confidence
from factions.store import schema as t

DEFAULT_URL = "sqlite:///factions.db"
ACTOR_CACHE_SIZE = 50_000
MIGRATIONS = Path(__file__).parent / "migrations"
# PostgreSQL advisory lock held while a store is created or upgraded: two processes
# opening a new store at once migrate one after the other (SQLite: BEGIN IMMEDIATE).
_MIGRATION_LOCK = 0x6661637469  # "facti"
_EXAMPLE = "sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE"


class StoreError(Exception):
    """A store that cannot be opened as asked. The message is one line for the user;
    nothing was created or changed."""


class ReadOnlyStore(StoreError):
    """A store opened for writing that can only be read (a read-only file, ?mode=ro)."""


def database_url(url: str | None = None) -> str:
    return url or os.environ.get("FACTIONS_DB") or DEFAULT_URL


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Config is a configparser: "%" (a percent-encoded password, a query) must be doubled.
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


@dataclass(frozen=True)
class Target:
    """A checked store URL: the SQLAlchemy URL with its driver, the SQLite file if any."""

    url: URL
    shown: str  # for messages: the password hidden
    path: Path | None = None
    read_only: bool = False  # sqlite:///PATH?mode=ro

    @property
    def sqlite(self) -> bool:
        return self.path is not None


def check_url(raw: str) -> Target:
    """Parse and check a store URL without connecting or creating anything: the
    database is one factions supports, its driver is installed, an SQLite file's
    directory exists. Raises StoreError with one line."""
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError):
        raise StoreError(f"'{_printable(raw)}' is not a database URL (give {_EXAMPLE})") from None
    shown = _printable(url.render_as_string(hide_password=True))
    backend = url.get_backend_name()
    if backend == "postgresql" and "+" not in url.drivername:
        url = url.set(drivername="postgresql+psycopg")  # the driver factions pins
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"'{shown}': factions stores in SQLite or PostgreSQL, not '{backend}' (give {_EXAMPLE})")
    try:
        url.get_dialect().import_dbapi()
    except NoSuchModuleError:
        raise StoreError(f"'{shown}': SQLAlchemy knows no driver '{url.get_driver_name()}' for {backend}") from None
    except ImportError:
        raise StoreError(f"'{shown}': the {backend} driver '{url.get_driver_name()}' is not installed"
                         + (" (use postgresql+psycopg://, which factions installs)" if backend == "postgresql" else "")) from None
    if backend == "postgresql":
        if not url.database:
            raise StoreError(f"'{shown}' names no database (postgresql+psycopg://USER@HOST/DATABASE)")
        return Target(url, shown)
    if url.get_driver_name() != "pysqlite":
        raise StoreError(f"'{shown}': factions opens SQLite with the standard driver (sqlite:///PATH)")
    query = dict(url.query)
    database = url.database or ""
    if query.pop("uri", "false").lower() in ("true", "1") and database.startswith("file:"):
        database = database.removeprefix("file:")
    mode = query.pop("mode", "rwc")
    if query:
        raise StoreError(f"'{shown}': unsupported SQLite URL option {', '.join(sorted(query))} (only ?mode=ro)")
    if database in ("", ":memory:") or mode == "memory":
        raise StoreError(f"'{shown}' is an in-memory database, gone when the command ends: give a file (sqlite:///factions.db)")
    if mode not in ("ro", "rw", "rwc"):
        raise StoreError(f"'{shown}': ?mode must be ro, rw or rwc, not '{_printable(mode)}'")
    path = Path(database)
    parent = path.absolute().parent
    if not parent.exists():
        raise StoreError(f"{_printable(str(path))}: the directory {_printable(str(parent))} does not exist")
    if not parent.is_dir():
        raise StoreError(f"{_printable(str(path))}: {_printable(str(parent))} is not a directory")
    if path.is_dir():
        raise StoreError(f"{_printable(str(path))} is a directory, not a store file")
    if path.exists() and not os.access(path, os.R_OK):
        raise StoreError(f"{_printable(str(path))}: permission denied (cannot read it)")
    return Target(url.set(database=str(path), query={}), shown, path, read_only=mode == "ro")


def _printable(value: str) -> str:
    """A value as a message may show it: control characters and escapes as \\x.. ."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)


def _no_nul(value):
    # PostgreSQL cannot store U+0000 in text; a space keeps every offset into the text.
    return value.replace("\x00", " ") if type(value) is str and "\x00" in value else value


def _without_nul(params):
    """Statement parameters with NUL replaced by a space, on every backend alike: a
    mapping, a sequence, or (executemany) a list of either. Decided by shape, not by
    the executemany flag: SQLAlchemy's insertmanyvalues sends one mapping with it."""
    if isinstance(params, Mapping):
        # Most rows hold no NUL: checked first, they are passed on without a copy.
        if any(type(v) is str and "\x00" in v for v in params.values()):
            return {k: _no_nul(v) for k, v in params.items()}
        return params
    if isinstance(params, (list, tuple)):
        if params and isinstance(params[0], (Mapping, list, tuple)):
            return [_without_nul(p) for p in params]
        return type(params)(_no_nul(v) for v in params)
    return params


def _engine(target: Target, write: bool = True, foreign_keys: bool = True) -> Engine:
    """An engine for the store. SQLite transactions are real SQLite transactions, DDL
    included (pysqlite's own handling commits before DDL, which would let a failed
    migration leave a half-changed schema), as SQLAlchemy's pysqlite recipe does it;
    a writer's begin with BEGIN IMMEDIATE, so a second writer waits (busy_timeout)
    for the lock instead of failing on "database is locked" when it upgrades a read
    lock. A reader opens the file read-only and never switches it to WAL."""
    if not target.sqlite:
        engine = create_engine(target.url)
    else:
        read_only = target.read_only or not write
        uri = f"file:{quote(str(target.path.absolute()))}?mode={'ro' if read_only else 'rwc'}"
        engine = create_engine(
            target.url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record):  # noqa: ANN001
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA busy_timeout=30000")  # first: the pragmas below may wait for a lock
            cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            if not read_only and cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL loses no committed transaction on a crash of the
            # process, and saves an fsync per document.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):  # noqa: ANN001
            reading = read_only or conn.get_execution_options().get("factions_read", False)
            conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _clean(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        return statement, (_without_nul(parameters) if parameters else parameters)

    return engine


def _state(conn, script: ScriptDirectory, target: Target, init: bool) -> str | None:
    """Where a database stands: "new" (no tables), "current" (factions, at head),
    "foreign" (tables, not factions', and --init given) or the factions revision it
    is at. Refuses an unknown revision and, without init, another program's tables."""
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        revisions = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
        known = {s.revision for s in script.walk_revisions()}
        if len(revisions) != 1 or revisions[0] not in known:
            found = ", ".join(f"'{_printable(r)}'" for r in revisions) or "none"
            raise StoreError(f"{target.shown} is at schema revision {found}, which this version of factions does not know"
                             " (a newer factions, or another program's database); nothing was changed")
        return "current" if revisions[0] == script.get_current_head() else revisions[0]
    if not tables:
        return "new"
    if not init:
        names = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
        raise StoreError(f"{target.shown} is not a factions store (it holds tables {_printable(names)}); nothing was changed"
                         " (`factions ingest --init` adds factions' tables to it)")
    return "foreign"


def _inspect(target: Target, script: ScriptDirectory, init: bool) -> str | None:
    if target.sqlite and not target.path.exists():
        return "new"
    for attempt in range(_LOCKED_RETRIES + 1):
        engine = _engine(target, write=False)
        try:
            with engine.connect() as conn:
                return _state(conn, script, target, init)
        except DBAPIError as exc:
            if _locked_meanwhile(target, exc) and attempt < _LOCKED_RETRIES:
                time.sleep(0.1)
                continue
            raise StoreError(_db_failure(target, exc)) from None
        finally:
            engine.dispose()
    return None  # not reached: the last attempt returns or raises


# SQLite answers "database is locked" at once, without waiting out busy_timeout, to a
# connection that opens a file another process is just creating or switching to WAL
# (two `ingest`s starting on one new store). Such a store is waited for, up to 10 s.
_LOCKED_RETRIES = 100


def _locked_meanwhile(target: Target, exc: DBAPIError) -> bool:
    return target.sqlite and exc.orig is not None and "locked" in str(exc.orig)


def _db_failure(target: Target, exc: DBAPIError) -> str:
    """One line for a database that would not open or answer."""
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    if target.sqlite and "not a database" in detail:
        return f"{_printable(str(target.path))} is not an SQLite database; nothing was changed"
    return f"{target.shown}: {_printable(detail)}"


def open_store(url: str | None = None, *, write: bool = True, create: bool = True, init: bool = False) -> "Store":
    """Open the store, checking the URL before anything is created (StoreError, one
    line). `create`: a missing SQLite file or an empty database becomes a new store;
    `init`: a database holding other tables gets factions' tables beside them;
    `write=False`: the store is opened read-only and left untouched when it is at the
    current schema (a read-only file can be queried). Creating or upgrading is one
    transaction under a lock (BEGIN IMMEDIATE, a PostgreSQL advisory lock): a store is
    upgraded whole or left as it was, by one process at a time. SQLite rebuilds a
    table to alter it, so foreign keys are off while migrating and checked afterwards."""
    target = check_url(database_url(url))
    script = ScriptDirectory(str(MIGRATIONS))
    state = _inspect(target, script, init)
    if state == "new" and not create:
        raise StoreError(f"no factions store at {target.shown} (`factions ingest FILES --db URL` creates one)")
    if write and (target.read_only or (target.sqlite and target.path.exists() and not os.access(target.path, os.W_OK))):
        raise ReadOnlyStore(f"{target.shown} is read-only and this command writes to it")
    if state != "current":
        if target.read_only or (target.sqlite and not os.access(target.path if target.path.exists() else target.path.absolute().parent, os.W_OK)):
            what = "created" if state == "new" else "given factions' tables" if state == "foreign" else f"upgraded from schema revision {state}"
            raise StoreError(f"{target.shown} is read-only and would have to be {what}")
        _migrate(target, script, init)
    return Store(_engine(target, write=write and not target.read_only))


def _migrate(target: Target, script: ScriptDirectory, init: bool) -> None:
    for attempt in range(_LOCKED_RETRIES + 1):
        try:
            return _migrate_once(target, script, init)
        except _Locked as locked:
            if attempt == _LOCKED_RETRIES:
                raise StoreError(_db_failure(target, locked.exc)) from None
            time.sleep(0.1)


class _Locked(Exception):
    def __init__(self, exc: DBAPIError):
        self.exc = exc


def _migrate_once(target: Target, script: ScriptDirectory, init: bool) -> None:
    migrator = _engine(target, write=True, foreign_keys=False)
    config = alembic_config(migrator)
    try:
        with migrator.begin() as conn:
            if not target.sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            # Again under the lock: another process may have created the store meanwhile.
            if _state(conn, script, target, init) == "current":
                return
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if target.sqlite:
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"migration would break {len(broken)} references; nothing was changed")
    except DBAPIError as exc:
        if _locked_meanwhile(target, exc):
            raise _Locked(exc) from None  # nothing was changed: the transaction rolled back
        raise StoreError(_db_failure(target, exc)) from None
    finally:
        migrator.dispose()


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        # Reads that need no write lock begin a plain (deferred) transaction: on SQLite a
        # connection of `engine` itself begins with BEGIN IMMEDIATE, the writers' lock.
        self.reader = engine.execution_options(factions_read=True)
        # Actor key -> (id, names known): actors recur across documents, and looking
        # them up for every mention of every document dominates ingest otherwise.
        self._actors: dict[str, tuple[int, set[str]]] = {}

    def has_document(self, sha256: str) -> bool:
        return bool(self.stored_hashes([sha256]))

    def stored_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of the text hashes whose documents are stored (one query per thousand)."""
        wanted, found = list(dict.fromkeys(hashes)), set()
        with self.reader.connect() as conn:
            for i in range(0, len(wanted), 1000):
                found.update(conn.execute(select(t.documents.c.text_sha256).where(
                    t.documents.c.text_sha256.in_(wanted[i : i + 1000]))).scalars())
        return found

    def ingest(self, x: Extraction) -> int | None:
        """Store one extraction in one transaction. Returns the document id, or None
        when the same text is already stored (re-ingesting changes nothing)."""
        sha = x.document.text_sha256
        for attempt in (1, 2, 3):
            try:
                with self.engine.begin() as conn:
                    if conn.execute(select(t.documents.c.id).where(t.documents.c.text_sha256 == sha)).first():
                        return None
                    return _write_batch(conn, [x], self._actors)[0]
            except IntegrityError:
                # Rolled back. Another writer may have stored this text, or an actor
                # or name our cache did not know of: refresh and try again (SQLite
                # writers are serialised; PostgreSQL ones may collide more than once).
                self._actors.clear()
                if self.has_document(sha):
                    return None
                if attempt == 3:
                    raise
            except BaseException:
                self._actors.clear()  # rolled back: cached rows may not exist
                raise
        return None

    def ingest_many(self, extractions: list[Extraction]) -> list[int | None | Exception]:
        """Store a batch of extractions, each document whole or not at all, in one
        transaction: one statement per table for the batch instead of one per table
        per document (the writer's cost is per statement far more than per row).
        Returns, in order, each document's id, None when its text is already stored
        (or came earlier in the batch), or the exception that kept it out. When the
        batch fails (a bad document, a concurrent writer's row), it is rolled back and
        its documents are stored one transaction each, so a bad one costs only itself."""
        if not extractions:
            return []
        try:
            with self.engine.begin() as conn:
                hashes = [x.document.text_sha256 for x in extractions]
                stored = set(conn.execute(select(t.documents.c.text_sha256).where(
                    t.documents.c.text_sha256.in_(set(hashes)))).scalars())
                first = {}
                for i, sha in enumerate(hashes):
                    if sha not in stored:
                        first.setdefault(sha, i)
                fresh = sorted(first.values())
                ids = dict(zip(fresh, _write_batch(conn, [extractions[i] for i in fresh], self._actors)))
            return [ids.get(i) for i in range(len(extractions))]
        except Exception:
            self._actors.clear()  # rolled back: cached rows may not exist
        except BaseException:
            self._actors.clear()
            raise
        outcomes: list[int | None | Exception] = []
        for x in extractions:
            try:
                outcomes.append(self.ingest(x))
            except Exception as exc:  # this document's transaction rolled back
                outcomes.append(exc)
        return outcomes


def _insert_returning(conn, table, rows: list[dict]) -> list[int]:
    """Insert many rows and return their ids in order: SQLite in one statement
    (insertmanyvalues); PostgreSQL takes the ids from the table's sequence and COPYs."""
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        ids = sorted(conn.execute(text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                                  {"table": table.name, "n": len(rows)}).scalars())
        _copy(conn, table, [{"id": i, **row} for i, row in zip(ids, rows)])
        return ids
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [r[0] for r in conn.execute(stmt, rows)]


def insert_rows(conn, table, rows: list[dict]) -> None:
    """Insert many rows in the connection's transaction: SQLite executemany,
    PostgreSQL COPY."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy(conn, table, rows)
    else:
        conn.execute(insert(table), rows)


def _copy(conn, table, rows: list[dict]) -> None:
    """PostgreSQL's COPY in the connection's transaction: a batch's rows in one stream.
    Executemany sends a statement per row and a multi-row VALUES statement is parsed
    for its placeholders on the client; measured on a batch of 16 documents, COPY
    makes the PostgreSQL writer several times faster (docs/scaling.md). COPY passes no
    statement hook, so NUL is replaced here, and JSON columns go as JSON text."""
    columns = list(rows[0])
    as_json = {c.name for c in table.columns if isinstance(c.type, JSON)}
    quote = conn.dialect.identifier_preparer.quote
    statement = f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    with conn.connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([_no_nul(json.dumps(row[c])) if c in as_json else _no_nul(row[c]) for c in columns])


def _write_batch(conn, xs: list[Extraction], cache: dict[str, tuple[int, set[str]]]) -> list[int]:
    """Write the extractions of a batch (their texts not stored) in the caller's
    transaction, one statement per table; returns their document ids in order."""
    if not xs:
        return []
    now = _now()
    doc_ids = _insert_returning(conn, t.documents, [
        dict(text_sha256=d.text_sha256, source=d.source, url=d.url, title=d.title, authors=d.authors,
             translators=d.translators, publisher=d.publisher,
             published=d.published.isoformat() if d.published else None, captured=d.captured, text=d.text,
             recorded_at=now)
        for d in (x.document for x in xs)
    ])
    # Per document (by position in the batch): local actor id -> store id, and so on.
    actor_ids = _actors(conn, xs, doc_ids, now, cache)
    place_ids = _places(conn, xs, now)
    insert_rows(conn, t.mentions, [
        dict(document_id=doc_id, actor_id=actor_ids[n].get(m.actor), start=m.span.start, end=m.span.end,
             text=m.text, label=m.label, basis=m.basis, place_id=place_ids[n].get(m.actor), recorded_at=now)
        for n, (x, doc_id) in enumerate(zip(xs, doc_ids))
        for m in x.mentions
    ])
    created = iter(_insert_returning(conn, t.claims, [
        dict(
            document_id=doc_id, local_id=c.id, speaker_id=actor_ids[n][c.speaker],
            speaker_start=c.speaker_span.start, speaker_end=c.speaker_span.end,
            cue=c.cue, cue_start=c.cue_span.start, cue_end=c.cue_span.end,
            content=x.document.text[c.content_span.start : c.content_span.end],
            content_start=c.content_span.start, content_end=c.content_span.end,
            quote_type=c.quote_type, direct_quote=c.direct_quote, channel=c.channel,
            said_on=c.said_on.start if c.said_on else None,
            said_on_precision=c.said_on.precision if c.said_on else None,
            said_on_basis=c.said_on_basis, via=[actor_ids[n][v] for v in c.via], rule=c.rule or None, recorded_at=now,
        )
        for n, (x, doc_id) in enumerate(zip(xs, doc_ids))
        for c in x.claims
    ]))
    claim_ids = [{c.id: next(created) for c in x.claims} for x in xs]
    geo = [{a.id: a.geo for a in x.actors if a.geo is not None} for x in xs]
    created = iter(_insert_returning(conn, t.events, [
        dict(
            document_id=doc_id, local_id=e.id, type=e.type, mode=e.mode, trigger=e.trigger, modality=e.modality,
            when_start=e.when.start if e.when else None, when_end=e.when.end if e.when else None,
            when_precision=e.when.precision if e.when else None, where_id=actor_ids[n].get(e.where),
            place_id=place_ids[n].get(e.where), place_reason=geo[n][e.where].reason if e.where in geo[n] else None,
            claim_id=claim_ids[n].get(e.claim), evidence_start=e.evidence_span.start, evidence_end=e.evidence_span.end,
            condition_start=e.condition.start if e.condition else None,
            condition_end=e.condition.end if e.condition else None, rule=e.rule or None, recorded_at=now,
        )
        for n, (x, doc_id) in enumerate(zip(xs, doc_ids))
        for e in x.events
    ]))
    event_ids = [{e.id: next(created) for e in x.events} for x in xs]
    insert_rows(conn, t.event_participants, [
        dict(event_id=event_ids[n][e.id], actor_id=actor_ids[n][a], role=role, start=s.start, end=s.end, recorded_at=now)
        for n, x in enumerate(xs)
        for e in x.events
        for role, ids, spans in (("actor", e.actors, e.actor_spans), ("recipient", e.recipients, e.recipient_spans))
        for a, s in zip(ids, spans)
    ])
    insert_rows(conn, t.relations, [
        dict(document_id=doc_id, type=r.type, source_id=actor_ids[n][r.source], target_id=actor_ids[n][r.target],
             source_start=r.source_span.start, source_end=r.source_span.end,
             target_start=r.target_span.start, target_end=r.target_span.end,
             evidence=x.document.text[r.evidence_span.start : r.evidence_span.end],
             evidence_start=r.evidence_span.start, evidence_end=r.evidence_span.end,
             modality=r.modality, claim_id=claim_ids[n].get(r.claim), event_id=event_ids[n].get(r.event),
             when_start=r.when.start if r.when else None, when_end=r.when.end if r.when else None,
             when_precision=r.when.precision if r.when else None, rule=r.rule or None,
             confidence=relation_confidence(r.rule or None), recorded_at=now)
        for n, (x, doc_id) in enumerate(zip(xs, doc_ids))
        for r in x.relations
    ])
    return doc_ids


def _places(conn, xs: list[Extraction], now: datetime) -> list[dict[str, int]]:
    """Store ids of the places each document's place actors resolved to, by local actor
    id (a gazetteer entry is one row, shared by every document that names it)."""
    geo = [{a.id: a.geo for a in x.actors if a.geo is not None} for x in xs]
    wanted = {g.gazetteer_id: g for per_doc in geo for g in per_doc.values()}
    if not wanted:
        return [{} for _ in xs]
    found = {r.gazetteer_id: r.id for r in conn.execute(
        select(t.places.c.id, t.places.c.gazetteer_id).where(t.places.c.gazetteer_id.in_(list(wanted))))}
    new = [g for gid, g in wanted.items() if gid not in found]
    created = _insert_returning(conn, t.places, [
        dict(gazetteer_id=g.gazetteer_id, name=g.name, lat=g.lat, lon=g.lon, country=g.country,
             country_name=g.country_name, admin1=g.admin1, admin1_code=g.admin1_code, feature=g.feature,
             basis=g.basis, recorded_at=now)
        for g in new
    ])
    found.update(zip([g.gazetteer_id for g in new], created))
    return [{actor: found[g.gazetteer_id] for actor, g in per_doc.items()} for per_doc in geo]


def actor_key(name: str, kind: str, kb_id: str | None, basis: str, document_id: int) -> str:
    if kb_id:
        return f"kb:{kb_id}"
    if basis in ("nominal", "descriptive"):
        return f"doc{document_id}:{kind}:{normalise(name)}"
    return f"{kind}:{normalise(name)}"


def _actors(conn, xs: list[Extraction], doc_ids: list[int], now: datetime,
            cache: dict[str, tuple[int, set[str]]]) -> list[dict[str, int]]:
    """Store ids for the batch's actors, per document by local id: known ones from the
    cache or one lookup, new ones in one insert, and the names not yet known in another."""
    keyed = [(actor_key(a.name, a.kind, a.kb_id, a.basis, doc_id), a) for x, doc_id in zip(xs, doc_ids) for a in x.actors]
    # A description's key names its document: it is new by construction.
    unknown = list({k for k, _ in keyed if k not in cache and not k.startswith("doc")})
    found: dict[str, tuple[int, set[str]]] = {}
    if unknown:
        rows = conn.execute(select(t.actors.c.id, t.actors.c.key, t.actors.c.part_of).where(t.actors.c.key.in_(unknown))).all()
        # The knowledge base may have declared a part since the actor was stored.
        parents = {k: a.part_of for k, a in keyed if a.part_of}
        for r in rows:
            if r.key in parents and r.part_of != parents[r.key]:
                conn.execute(update(t.actors).where(t.actors.c.id == r.id).values(part_of=parents[r.key]))
        names: dict[int, set[str]] = {r.id: set() for r in rows}
        if rows:
            for r in conn.execute(select(t.actor_names.c.actor_id, t.actor_names.c.name).where(t.actor_names.c.actor_id.in_(list(names)))):
                names[r.actor_id].add(r.name)
        found = {r.key: (r.id, names[r.id]) for r in rows}
    new = list({k: a for k, a in keyed if k not in cache and k not in found}.items())
    created = _insert_returning(conn, t.actors, [
        dict(key=k, name=a.name, kind=a.kind, kb_id=a.kb_id, basis=a.basis, part_of=a.part_of, recorded_at=now) for k, a in new
    ])
    for (k, _), actor_id in zip(new, created):
        found[k] = (actor_id, set())
    # Resolved before the loop below may evict cache entries to stay bounded.
    resolved = {k: cache[k] if k in cache else found[k] for k, _ in keyed}
    ids: list[dict[str, int]] = [{} for _ in xs]
    per_doc = iter(n for n, x in enumerate(xs) for _ in x.actors)
    name_rows = []
    for key, a in keyed:
        actor_id, known = resolved[key]
        ids[next(per_doc)][a.id] = actor_id
        for n in dict.fromkeys([a.name, *a.aliases]):
            if n and n not in known:
                known.add(n)
                name_rows.append(dict(actor_id=actor_id, name=n, norm=normalise(n), basis="text" if n != a.name else a.basis, recorded_at=now))
        if not key.startswith("doc") and key not in cache:
            if len(cache) >= ACTOR_CACHE_SIZE:  # bounded: memory stays flat on any corpus
                for old in list(islice(cache, ACTOR_CACHE_SIZE // 2)):
                    del cache[old]
            cache[key] = (actor_id, known)
    insert_rows(conn, t.actor_names, name_rows)
    return ids
