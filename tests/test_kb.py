"""The knowledge base: schema, references, and time-aware names."""

import json
import tomllib
from importlib import resources

import jsonschema
import pytest

from factions.kb import load_kb, parse_kb_files

KB = resources.files("factions.data.kb")
FILES = sorted(p.name for p in KB.iterdir() if p.name.endswith(".toml"))


@pytest.mark.parametrize("name", FILES)
def test_kb_file_follows_the_schema(name):
    schema = json.loads(resources.files("factions.data.schema").joinpath("kb.schema.json").read_text("utf-8"))
    jsonschema.validate(tomllib.loads(KB.joinpath(name).read_text("utf-8")), schema)


def test_ids_are_unique_and_references_resolve():
    seen = {}
    for name in FILES:
        for entry in tomllib.loads(KB.joinpath(name).read_text("utf-8"))["actor"]:
            assert entry["id"] not in seen, f"{entry['id']} in {name} and {seen.get(entry['id'])}"
            seen[entry["id"]] = name
    kb = load_kb(())
    for actor in kb.actors.values():
        for link in actor.lineage:
            assert link["target"] in kb.actors, (actor.id, link)
        for role in actor.roles:
            assert role["of"] in kb.actors, (actor.id, role)


def test_names_over_time():
    kb = load_kb(())
    islamic_state = kb.get("islamic-state")
    assert islamic_state.name_on("2005-03") == "al-Qaeda in Iraq"
    assert islamic_state.name_on("2010-01-01") == "Islamic State of Iraq"
    assert islamic_state.name_on("2013-09") == "Islamic State of Iraq and the Levant"
    assert islamic_state.name_on("2016") == "Islamic State"
    assert kb.get("hts").name_on("2016-10") == "Jabhat Fatah al-Sham"


def test_lookup_acronyms_case_sensitively_and_names_loosely():
    kb = load_kb(())
    assert [a.id for a in kb.lookup("IS")] == ["islamic-state"]
    assert kb.lookup("is") == []
    assert [a.id for a in kb.lookup("al Qaida")] == ["al-qaeda"]
    assert kb.fuzzy("Ayman al-Zawahry")[0].id == "ayman-al-zawahiri"
    assert kb.fuzzy("Completely Unknown Person") is None


def test_a_name_that_differs_in_a_word_of_direction_or_number_is_another_body():
    """"Northern Front" is two letters from "Southern Front" and is not it misspelt."""
    kb = load_kb(())
    assert kb.fuzzy("Northern Front") is None
    assert kb.fuzzy("2nd Brigade") is None or kb.fuzzy("2nd Brigade")[0].name != "8th Brigade"
    assert kb.fuzzy("Southern Fronts")[0].id == "southern-front"  # a spelling, not another word


def test_user_files_extend_and_override(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[actor]]\nid = "al-qaeda"\nname = "al-Qaeda (overridden)"\nkind = "armed_group"\nbasis = "test"\n\n'
        '[[actor]]\nid = "new-front"\nname = "New Front"\nkind = "armed_group"\nacronyms = ["NF"]\nbasis = "test"\n'
    )
    kb = load_kb((str(extra),))
    assert kb.get("al-qaeda").name == "al-Qaeda (overridden)"
    assert [a.id for a in kb.lookup("NF")] == ["new-front"]


def test_every_entry_states_its_basis():
    actors = parse_kb_files([(n, KB.joinpath(n).read_text("utf-8")) for n in FILES])
    assert all(a.basis.strip() for a in actors.values())
    assert sum(a.kind == "armed_group" for a in actors.values()) >= 200
    assert sum(a.kind == "person" for a in actors.values()) >= 200
    assert sum(bool(a.roles) for a in actors.values() if a.kind == "person") >= 180


def test_resolution_is_time_aware(tmp_path):
    from datetime import date

    from factions.kb import load_kb
    from factions.extract import RuleExtractor
    from factions.model import Document

    extra = tmp_path / "dawn.toml"
    extra.write_text(
        '[[actor]]\nid = "dawn-front-old"\nname = "Dawn Front (1990s)"\nkind = "armed_group"\n'
        'names = [{ name = "Dawn Front", from = "1991", to = "1999" }]\nbasis = "test"\n\n'
        '[[actor]]\nid = "dawn-front-new"\nname = "Dawn Front (2010s)"\nkind = "armed_group"\n'
        'names = [{ name = "Dawn Front", from = "2012" }]\nbasis = "test"\n'
    )
    extractor = RuleExtractor(kb=load_kb((str(extra),)))

    def kb_ids(text, published):
        out = extractor.extract(Document(source="t", text=text, published=published)).as_dict()
        return {a["kb_id"]: a["name_then"] for a in out["actors"] if a["kb_id"]}

    assert "dawn-front-old" in kb_ids("The Dawn Front attacked a convoy.", date(1995, 3, 1))
    assert "dawn-front-new" in kb_ids("The Dawn Front attacked a convoy.", date(2015, 3, 1))
    assert kb_ids("Jabhat al-Nusra fighters attacked the base.", date(2014, 5, 1))["hts"] == "Jabhat al-Nusra"
    assert kb_ids("Fighters of al-Qaeda in Iraq attacked the base.", date(2005, 5, 1))["islamic-state"] == "al-Qaeda in Iraq"
