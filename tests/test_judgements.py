"""Analysts' judgements on identity: merge, split, alias — recorded and reversible."""

import json

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select, text
from typer.testing import CliRunner

from factions.cli import app
from factions.analysis.queries import resolve_actor
from factions.store import open_store
from factions.store import schema as t
from factions.store.db import alembic_config

runner = CliRunner()


@pytest.fixture()
def db(demo_url):
    return demo_url  # the test's own copy of the demo store, on SQLite and PostgreSQL


def _run(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _actor(db, name):
    return json.loads(_run("actor", name, "--db", db, "--json"))


def test_merge_then_undo(db):
    before = _actor(db, "Liwa al-Fajr")["mentions"]
    fighters = _actor(db, "Fighters")["mentions"]
    assert "judgement 1: merged" in _run("actor", "merge", "Liwa al-Fajr", "Fighters", "--reason", "same group", "--by", "ana", "--db", db)
    merged = _actor(db, "Fighters")
    assert merged["name"] == "Liwa al-Fajr" and merged["mentions"] == before + fighters
    _run("actor", "undo", "1", "--by", "ana", "--db", db)
    assert _actor(db, "Fighters")["name"] == "Fighters"
    history = json.loads(_run("actor", "history", "Liwa al-Fajr", "--db", db, "--json"))
    assert [(h["action"], h["author"], h["reason"], h["undone_by"]) for h in history] == [("merge", "ana", "same group", "ana")]


def test_alias_add_and_retract(db):
    _run("actor", "alias", "add", "Hayat Tahrir al-Sham", "The Levant Liberation Committee", "--reason", "translation", "--db", db)
    assert _actor(db, "The Levant Liberation Committee")["kb_id"] == "hts"
    _run("actor", "undo", "1", "--db", db)
    result = runner.invoke(app, ["actor", "The Levant Liberation Committee", "--db", db])
    assert result.exit_code == 2 and "no actor named 'The Levant Liberation Committee'" in result.stderr
    with open_store(db).engine.connect() as conn:  # retracted, not deleted
        assert conn.execute(select(t.actor_names.c.retracted_at).where(t.actor_names.c.name == "The Levant Liberation Committee")).scalar() is not None


def test_split_moves_mentions_and_undo_moves_them_back(db):
    before = _actor(db, "Islamic State")["mentions"]
    with open_store(db).engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(t.mentions).where(t.mentions.c.text == "IS")).scalar()
    assert 0 < n < before
    result = runner.invoke(app, ["actor", "split", "Islamic State", "--name", "Nonexistent Name", "--reason", "r", "--db", db])
    assert result.exit_code == 1 and "no mention of Nonexistent Name" in result.stderr
    out = _run("actor", "split", "Islamic State", "--name", "IS", "--reason", "the acronym stands for another group here", "--db", db)
    assert "judgement 1: 'IS' is now an actor of its own" in out
    assert _actor(db, "Islamic State")["mentions"] == before - n
    _run("actor", "undo", "1", "--db", db)
    assert _actor(db, "Islamic State")["mentions"] == before


def test_undo_refuses_out_of_order_and_twice(db):
    _run("actor", "merge", "Liwa al-Fajr", "Fighters", "--reason", "r", "--db", db)
    _run("actor", "alias", "add", "Liwa al-Fajr", "Dawn Brigade", "--reason", "r", "--db", db)
    result = runner.invoke(app, ["actor", "undo", "1", "--db", db])
    assert result.exit_code == 1 and "undo the later judgements on these actors first: 2" in result.stderr
    _run("actor", "undo", "2", "--db", db)
    result = runner.invoke(app, ["actor", "undo", "2", "--db", db])
    assert result.exit_code == 1 and "already undone" in result.stderr


def test_upgrading_a_store_with_data_keeps_the_data(store_url):
    url = store_url
    engine = create_engine(url)
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text("INSERT INTO documents (id, text_sha256, source, authors, translators, text, recorded_at) "
                          "VALUES (1, 'x', 'old.txt', '[]', '[]', 'Old text.', '2025-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO actors (id, key, name, kind, basis, recorded_at) VALUES (1, 'armed_group:old', 'Old Front', 'armed_group', 'text', '2025-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO mentions (document_id, actor_id, start, \"end\", text, label, basis, recorded_at) VALUES (1, 1, 0, 3, 'Old', 'ORG', 'model', '2025-01-01 00:00:00')"))
        # A knowledge-base actor stored before parts had a column: 0008 fills its part_of.
        conn.execute(text("INSERT INTO actors (id, key, name, kind, kb_id, basis, recorded_at) VALUES (2, 'kb:syrian-arab-army', 'Syrian Arab Army', 'government_body', 'syrian-arab-army', 'kb', '2025-01-01 00:00:00')"))
        # A name folded the old way (articles kept, "Jaysh" not "Jaish").
        conn.execute(text("INSERT INTO actor_names (actor_id, name, norm, basis, recorded_at) VALUES (1, 'Jaysh al-Old', 'jaysh al old', 'text', '2025-01-01 00:00:00')"))
    store = open_store(url)
    with store.engine.connect() as conn:
        assert conn.execute(select(t.documents.c.text)).scalar() == "Old text."
        assert conn.execute(select(t.actors.c.name, t.actors.c.merged_into).where(t.actors.c.id == 1)).one() == ("Old Front", None)
        assert conn.execute(select(t.actors.c.part_of).where(t.actors.c.id == 2)).scalar() == "syria"
        assert conn.execute(select(func.count()).select_from(t.mentions)).scalar() == 1
        head = ScriptDirectory.from_config(config).get_current_head()
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        # Names and actor keys are refolded, so the old store resolves the new way.
        assert conn.execute(select(t.actor_names.c.norm)).scalar() == "jaish old"
        assert conn.execute(select(t.actors.c.key).where(t.actors.c.id == 1)).scalar() == "armed_group:old front"
        assert resolve_actor(conn, "Jaish al Old") == [1]
