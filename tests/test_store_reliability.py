"""Issue 13, the store side: every bad --db is one line and creates nothing; foreign and
unknown stores are refused untouched; read-only stores answer; writers wait for each
other instead of failing on "database is locked"; NUL never reaches a backend.

PostgreSQL: the cases run on a database of their own on the server FACTIONS_TEST_PG
names (the `postgres` fixture in conftest.py; `make test` starts a throwaway server);
without one they skip, saying why."""

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from typer.testing import CliRunner

from factions import analysis
from factions.cli import app
from factions.model import Document
from factions.store import judgements, open_store, records
from factions.store import schema as t
from factions.store.db import StoreError

runner = CliRunner()

FIGHTS = ("a.txt", "2019-03-02",
          "The Islamic State attacked the Kurdish YPG near the town of Hajin on Tuesday, a spokesman for the Syrian "
          "Democratic Forces said. Islamic State fighters clashed with the YPG again on Friday, the spokesman added.")


def _files(folder: Path) -> dict[str, str]:
    """Every file under a folder with a digest of its bytes: "nothing changed" is checkable.
    A reader of a WAL-mode store needs SQLite's shared-memory index (-shm) and may leave
    an empty -wal: they hold no data, and are left out."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith("-shm") and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


def _one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factions: error: "), result.stderr
    for f in fragments:
        assert f in lines[0], lines[0]
    assert "Traceback" not in result.output


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE people (name TEXT)")
    con.execute("INSERT INTO people VALUES ('someone else''s data')")
    con.commit()
    con.close()


def _ingest_one(url: str, extractor, source="a.txt", published="2019-03-02", body=FIGHTS[2]):
    store = open_store(url)
    store.ingest(extractor.extract(Document(source=source, text=body, published=date.fromisoformat(published))))
    store.engine.dispose()  # no pooled connection left to checkpoint the file later


BAD_URLS = [
    ("notaurl", "is not a database URL"),
    ("mysql://user@host/db", "not 'mysql'"),
    ("http://example.org/store", "not 'http'"),
    ("postgresql+psycopg2://user@host/db", "driver 'psycopg2' is not installed"),
    ("postgresql+nodriver://user@host/db", "no driver 'nodriver'"),
    ("sqlite://", "in-memory"),
    ("sqlite:///", "in-memory"),
    ("sqlite:///{tmp}/missing/dir/store.db", "does not exist"),
    ("sqlite:///{tmp}", "is a directory"),
    ("sqlite:///{tmp}/notes.txt", "is not an SQLite database"),
    ("sqlite:///{tmp}/foreign.db", "is not a factions store"),
    ("sqlite:///{tmp}/store.db?cache=shared", "unsupported SQLite URL option"),
]


@pytest.mark.parametrize("command", [["actors"], ["actor", "alias", "add", "X", "Y", "--reason", "r"], ["export", "--format", "csv"]])
@pytest.mark.parametrize("url,message", BAD_URLS, ids=[u for u, _ in BAD_URLS])
def test_a_bad_db_is_one_line_and_changes_nothing(tmp_path, url, message, command):
    (tmp_path / "notes.txt").write_text("not a database\n")
    _foreign_sqlite(tmp_path / "foreign.db")
    before = _files(tmp_path)
    result = runner.invoke(app, [*command, "--db", url.format(tmp=tmp_path)])
    _one_line_error(result, message)
    assert _files(tmp_path) == before  # no store, no -wal, no half-migrated file


def test_ingest_checks_the_db_before_reading_anything(tmp_path):
    # A bad URL fails before the model loads or any input is read (so quickly, and the
    # input that does not exist is never mentioned).
    result = runner.invoke(app, ["ingest", str(tmp_path / "no-such-input"), "--db", "mysql://u@h/db"])
    _one_line_error(result, "not 'mysql'")


def test_a_query_never_creates_a_store(tmp_path):
    result = runner.invoke(app, ["summary", "--db", f"sqlite:///{tmp_path / 'new.db'}"])
    _one_line_error(result, "no factions store at")
    assert list(tmp_path.iterdir()) == []


def test_a_foreign_sqlite_file_needs_init_and_keeps_its_tables(tmp_path):
    path = tmp_path / "theirs.db"
    _foreign_sqlite(path)
    before = path.read_bytes()
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FIGHTS[2])
    url = f"sqlite:///{path}"
    _one_line_error(runner.invoke(app, ["ingest", str(corpus), "--db", url]), "not a factions store", "--init")
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["in", "theirs.db"]
    result = runner.invoke(app, ["ingest", str(corpus), "--db", url, "--init", "--published", "2019-03-02"])
    assert result.exit_code == 0, result.output
    with open_store(url, write=False).engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM people")).scalar() == "someone else's data"
        assert conn.execute(select(func.count()).select_from(t.documents)).scalar() == 1


def test_an_unknown_schema_revision_is_refused_with_its_id(tmp_path, extractor):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    _ingest_one(url, extractor)
    con = sqlite3.connect(tmp_path / "store.db")
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    con.commit()
    con.close()
    before = _files(tmp_path)
    for command in (["actors"], ["ingest", str(tmp_path / "x.txt")], ["relation", "confirm", "1", "--reason", "r"]):
        _one_line_error(runner.invoke(app, [*command, "--db", url]), "'f00dfeed9999'", "does not know")
    assert _files(tmp_path) == before


def test_urls_with_percent_reach_alembic_intact(tmp_path):
    # "%" is configparser's interpolation mark: a percent-encoded name must not break
    # the migration (p%25c.db is the file "p%c.db").
    open_store(f"sqlite:///{tmp_path}/p%25c.db")
    assert (tmp_path / "p%c.db").is_file()
    with pytest.raises(StoreError, match="connection"):  # a password with %40, no server: still one line
        open_store("postgresql+psycopg://user:p%40ss@127.0.0.1:1/db?connect_timeout=2")


def _journal_mode(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        con.close()


def test_a_read_only_store_is_queryable_and_untouched(tmp_path, extractor):
    path = tmp_path / "store.db"
    _ingest_one(f"sqlite:///{path}", extractor)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")  # as a store copied from elsewhere may be
    con.close()
    before = _files(tmp_path)
    result = runner.invoke(app, ["actors", "--db", f"sqlite:///{path}?mode=ro"])
    assert result.exit_code == 0, result.output
    assert "Islamic State" in result.stdout
    # A query writes nothing: no WAL switch, no -wal or -shm file, the same bytes.
    assert _files(tmp_path) == before and _journal_mode(path) == "delete"
    assert not [*tmp_path.glob("*-wal"), *tmp_path.glob("*-shm")]
    result = runner.invoke(app, ["actors", "--db", f"sqlite:///{path}"])  # without ?mode=ro, too
    assert result.exit_code == 0 and _files(tmp_path) == before and _journal_mode(path) == "delete"
    # Writing to a store opened ?mode=ro is one line.
    _one_line_error(runner.invoke(app, ["actor", "alias", "add", "Islamic State", "IS-K", "--reason", "r", "--db", f"sqlite:///{path}?mode=ro"]),
                    "read-only", "writes")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to any file: a 0444 store is writable to root")
def test_a_store_file_without_write_permission_is_queryable(tmp_path, extractor):
    path = tmp_path / "store.db"
    _ingest_one(f"sqlite:///{path}", extractor)
    path.chmod(0o444)
    result = runner.invoke(app, ["actors", "--db", f"sqlite:///{path}"])
    assert result.exit_code == 0 and "Islamic State" in result.stdout, result.output


def test_a_read_only_store_that_needs_upgrading_is_one_line(tmp_path):
    from alembic import command

    from factions.store.db import alembic_config

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = alembic_config(engine)
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    before = _files(tmp_path)
    _one_line_error(runner.invoke(app, ["actors", "--db", f"sqlite:///{path}?mode=ro"]), "read-only", "upgraded from schema revision 0001")
    assert _files(tmp_path) == before


def test_the_first_migration_is_serialised(tmp_path):
    # Four processes open one new store at the same moment: one creates it, the others
    # wait for its lock and find it current. None fails; the schema is built once.
    url = f"sqlite:///{tmp_path / 'new.db'}"
    code = f"from factions.store import open_store; open_store({url!r})"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    with open_store(url, write=False).engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


GROUPS = ["Islamic State", "al-Shabaab", "Hayat Tahrir al-Sham", "the Houthis", "Boko Haram", "the Taliban"]
TOWNS = ["Hajin", "Idlib", "Marib", "Kismayo", "Maiduguri", "Kunduz", "Raqqa", "Sirte"]


def _corpus(folder: Path, tag: str, n: int) -> None:
    """n distinct short reports (the tag and number make each text unique)."""
    folder.mkdir()
    for i in range(n):
        a, b = GROUPS[i % len(GROUPS)], GROUPS[(i + 1 + len(tag)) % len(GROUPS)]
        (folder / f"{tag}-{i:02d}.txt").write_text(
            f"Report {tag}-{i}. {a} fighters attacked {b} near {TOWNS[i % len(TOWNS)]} on Tuesday, "
            f"a local official told reporters. {b} denied that {a} had taken the town.\n")


def _two_ingests_and_judgements(url: str, tmp_path: Path, n: int = 10) -> None:
    _corpus(tmp_path / "one", "one", n)
    _corpus(tmp_path / "two", "two", n)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    ingests = [subprocess.Popen([sys.executable, "-m", "factions", "ingest", str(tmp_path / f), "--db", url, "--published", "2020-01-01"],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in ("one", "two")]
    # Meanwhile an analyst judges: an alias on an actor and a confirmation of a relation,
    # each its own write transaction, as `factions actor alias add` and `factions
    # relation confirm` make them.
    made, failures, confirmed = [], [], set()

    def analyst():
        store = None
        while any(p.poll() is None for p in ingests):
            time.sleep(0.05)
            try:
                store = store or open_store(url, create=False)
            except StoreError:
                continue  # not created yet
            try:
                with store.engine.begin() as conn:
                    rel = conn.execute(select(t.relations.c.id).where(t.relations.c.id.notin_(confirmed))
                                       .order_by(t.relations.c.id.desc()).limit(1)).scalar()
                    actor = conn.execute(select(t.actors.c.id).order_by(t.actors.c.id).limit(1)).scalar()
                    if rel is None:
                        continue
                    made.append(records.confirm(conn, "relation", rel, "tester", "seen"))
                    made.append(judgements.add_alias(conn, actor, f"alias {len(made)}", "tester", "seen"))
                confirmed.add(rel)
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                failures.append(repr(exc))
        if store:
            store.engine.dispose()

    thread = threading.Thread(target=analyst)
    thread.start()
    outputs = [p.communicate(timeout=900) for p in ingests]
    thread.join()
    for p, (_, err) in zip(ingests, outputs):
        assert p.returncode == 0, err
        assert "locked" not in err and f"stored {n}, skipped 0 already stored, failed 0" in err, err
    assert failures == []
    assert made, "the analyst made no judgement while the ingests ran"
    with open_store(url, write=False).engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.documents)).scalar() == 2 * n
        assert conn.execute(select(func.count()).select_from(t.record_judgements)).scalar() == len(made) // 2
        assert conn.execute(select(func.count()).select_from(t.judgements)).scalar() == len(made) // 2


def test_two_ingests_and_judgements_on_one_sqlite_store_all_succeed(tmp_path):
    _two_ingests_and_judgements(f"sqlite:///{tmp_path / 'shared.db'}", tmp_path)


def test_nul_becomes_a_space_and_offsets_hold(tmp_path, extractor):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    body = FIGHTS[2].replace("Hajin", "Ha\x00jin")
    _ingest_one(url, extractor, body=body)
    with open_store(url, write=False).engine.connect() as conn:
        stored = conn.execute(select(t.documents.c.text)).scalar()
        assert "\x00" not in stored and stored == body.replace("\x00", " ") and len(stored) == len(body)
        for start, end, mention in conn.execute(select(t.mentions.c.start, t.mentions.c.end, t.mentions.c.text)):
            assert stored[start:end] == mention  # every span still indexes the stored text


# PostgreSQL: the same promises, when a throwaway server is given.


@pytest.fixture()
def pg_url(postgres):
    url = postgres.create()  # an empty database of the test's own
    yield url
    postgres.drop(url)


def test_postgresql_answers_as_sqlite_does(pg_url, tmp_path, extractor):
    sqlite_url = f"sqlite:///{tmp_path / 'store.db'}"
    body = FIGHTS[2].replace("Hajin", "Ha\x00jin")  # PostgreSQL refuses NUL in text: stored as a space
    for url in (sqlite_url, pg_url):
        _ingest_one(url, extractor, body=body)
    answers = []
    for url in (sqlite_url, pg_url):
        with open_store(url, write=False).engine.connect() as conn:
            answers.append((analysis.relation_evidence(conn, "Islamic State", "YPG"), analysis.list_claims(conn, None, None, 100, False),
                            conn.execute(select(t.documents.c.text)).scalar()))
    assert answers[0][0]["relations"] and answers[0] == answers[1]


def test_postgresql_refuses_foreign_and_unknown_databases(pg_url):
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE people (name text)"))
    with pytest.raises(StoreError, match="not a factions store"):
        open_store(pg_url)
    open_store(pg_url, init=True)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed9999'"))
    with pytest.raises(StoreError, match="'f00dfeed9999'"):
        open_store(pg_url, write=False)
    engine.dispose()


def test_two_ingests_and_judgements_on_one_postgresql_store_all_succeed(pg_url, tmp_path):
    _two_ingests_and_judgements(pg_url, tmp_path)

