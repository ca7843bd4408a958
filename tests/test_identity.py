"""Actor identity: one folding of names, lookups that never answer about another
actor, and linking by the document's time, place and kind (issue 12)."""

import pytest
from typer.testing import CliRunner

from factions.analysis import ActorNotFound, AmbiguousActor, resolve_actor
from factions.cli import app
from factions.model import Actor, Document, Extraction, Mention, Span
from factions.names import normalise, surname, trim_dangling
from factions.store import open_store

runner = CliRunner()


@pytest.mark.parametrize("variants", [
    ["Da’esh", "Da'esh", "DAESH", "Daesh", "Da`ish", "Daish"],
    ["Jaysh al-Islam", "Jaish al Islam", "JAISH AL-ISLAM", "Jaysh al‑Islam"],
    ["Bashar al-Asad", "Bashar al-Assad", "Bashar Al Assad", "President's forces"[:0] + "Dr. Bashar el-Assad"],
    ["al-Qaeda", "al-Qa’ida", "Al Qaida", "al-Qaidah", "the al-Qaeda"],
    ["Jabhat an-Nusra", "Jabhat al-Nusra", "Jabhat al-Nusrah"],
    ["Sheikh Hassan Nasrallah", "Hassan Nasrallah", "Sayyed Hassan Nasrallah"],
    ["U.S.-led coalition", "US-led coalition", "US–led Coalition"],
])
def test_spelling_variants_fold_to_one_name(variants):
    assert len({normalise(v) for v in variants}) == 1, {v: normalise(v) for v in variants}


def test_folding_keeps_different_names_apart():
    assert normalise("Jaish al-Islam") != normalise("Jaish al-Izza")
    assert normalise("Sheikh") == "sheikh"  # an honorific alone is the name
    assert normalise("General Command") != normalise("Command")  # a title opening a body's name stays
    assert surname("President Bashar al-Asad") == "assad"


@pytest.mark.parametrize("fragment, repaired", [
    ("-Assad forces", "Assad forces"), ("Coalition-", "Coalition"), ("'s forces", "forces"),
    ("–ISIL coalition", "ISIL coalition"), ("Assad’s", "Assad"), ("Islamic State", "Islamic State"),
])
def test_dangling_punctuation_is_trimmed(fragment, repaired):
    lead, tail = trim_dangling(fragment)
    assert fragment[lead : len(fragment) - tail] == repaired


def _store_with(tmp_path, actors: list[tuple[str, str, str | None]]) -> str:
    """A store holding one document that mentions each (name, kind, kb id) once."""
    db = f"sqlite:///{tmp_path / 'ids.db'}"
    text = " ".join(name + "." for name, _, _ in actors)
    x = Extraction(Document(source="t.txt", text=text))
    at = 0
    for i, (name, kind, kb_id) in enumerate(actors, start=1):
        x.actors.append(Actor(f"a{i}", name, kind, kb_id=kb_id, basis="kb" if kb_id else "text", confidence=0.9, reason="test"))
        x.mentions.append(Mention(Span(at, at + len(name)), name, "ORG", actor=f"a{i}", kb_id=kb_id, basis="model"))
        at += len(name) + 2
    open_store(db).ingest(x)
    return db


def test_a_name_two_actors_bear_is_ambiguous_with_candidates(tmp_path):
    db = _store_with(tmp_path, [("Dawn Brigade", "armed_group", None), ("Dawn Brigade", "person", None), ("Assad forces", "government_body", None)])
    with open_store(db).engine.connect() as conn:
        with pytest.raises(AmbiguousActor) as exc:
            resolve_actor(conn, "Dawn Brigade")
        assert exc.value.level == "exact name"
        assert sorted(c["kind"] for c in exc.value.candidates) == ["armed_group", "person"]
        assert all(c["mentions"] == 1 and c["ref"].startswith("id:") for c in exc.value.candidates)
        # A candidate's ref picks it; a spelling variant of one actor is no ambiguity.
        chosen = exc.value.candidates[0]
        assert resolve_actor(conn, chosen["ref"]) == [chosen["id"]]
        assert len(resolve_actor(conn, "-Assad forces")) == 1
        with pytest.raises(ActorNotFound):
            resolve_actor(conn, "id:999")
    result = runner.invoke(app, ["actor", "Dawn Brigade", "--db", db])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "factions: error: 'Dawn Brigade' is the exact name of 2 actors in the store; name one by its ref:"
    assert sorted(line.strip().split("  ", 1)[1] for line in lines[1:]) == ["Dawn Brigade (armed_group), 1 mention", "Dawn Brigade (person), 1 mention"]
    assert result.stdout == ""
    # `actors` lists every actor a name fits instead.
    listed = runner.invoke(app, ["actors", "Dawn Brigade", "--db", db, "--json"])
    assert listed.exit_code == 0 and len(__import__("json").loads(listed.stdout)) == 2


def test_names_beginning_with_a_dash_are_names_not_options(tmp_path):
    db = _store_with(tmp_path, [("Assad forces", "government_body", None), ("Islamic State", "armed_group", "islamic-state")])
    for args in (["relation", "-Assad forces", "ISIL", "--db", db, "--json"],
                 ["relation", "--db", db, "--", "-Assad forces", "ISIL"],
                 ["relation", "--json", "-Assad forces", "--db", db, "ISIL"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "Assad forces" in result.stdout and "Islamic State" in result.stdout
    shown = runner.invoke(app, ["actor", "-Assad forces", "--db", db])
    assert shown.exit_code == 0 and shown.stdout.startswith("Assad forces (government_body)")
    # An option the command does not have is still a name, and an unknown one an error.
    missing = runner.invoke(app, ["actor", "-Nonexistent", "--db", db])
    assert missing.exit_code == 2 and missing.stderr.startswith("factions: error: no actor named '-Nonexistent'")
