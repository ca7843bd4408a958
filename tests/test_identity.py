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


# Linking by context: texts written for these tests.

def _links(extractor, text, published):
    """Each named mention's text -> the KB id of its actor (None when unlinked), and the actors."""
    from datetime import date

    x = extractor.extract(Document(source="t", text=text, published=date.fromisoformat(published) if published else None))
    actors = {a.id: a for a in x.actors}
    links: dict[str, set] = {}
    for m in x.mentions:
        if m.actor and m.basis not in ("pronoun", "nominal", "anaphor"):
            links.setdefault(m.text, set()).add(actors[m.actor].kb_id)
    return links, actors


def test_a_name_two_coalitions_bore_in_two_eras(extractor):
    then, actors = _links(extractor, "The U.S.-led coalition said its troops detained six insurgents in Baghdad on Tuesday.", "2006-05-02")
    now, _ = _links(extractor, "The U.S.-led coalition said its aircraft struck Islamic State positions near Raqqa on Tuesday.", "2016-05-03")
    assert then["U.S.-led coalition"] == {"multi-national-force-iraq"}
    assert now["U.S.-led coalition"] == {"global-coalition"}
    # A document without a date is read as current.
    undated, _ = _links(extractor, "The U.S.-led coalition conducted four strikes against ISIS near Raqqa.", None)
    assert undated["U.S.-led coalition"] == {"global-coalition"}
    # The choice is recorded with its reason.
    chosen = next(a for a in actors.values() if a.kb_id == "multi-national-force-iraq")
    assert "named it on 2006-05-02" in chosen.reason and "over Global Coalition against Daesh" in chosen.reason


def test_an_acronym_two_bodies_in_two_regions_share(extractor):
    borno, _ = _links(extractor, "Members of the CJTF repelled a Boko Haram raid near Maiduguri in Borno State on Monday.", "2019-03-04")
    iraq, actors = _links(extractor, "CJTF said coalition aircraft conducted 12 strikes near Mosul in Iraq on Tuesday.", "2017-03-02")
    assert borno["CJTF"] == {"cjtf"}
    assert iraq["CJTF"] == {"cjtf-oir"}  # the anti-ISIL coalition's task force, a part of it
    assert "the document is about iraq" in next(a for a in actors.values() if a.kb_id == "cjtf-oir").reason


def test_a_news_agency_is_not_a_city(extractor):
    links, _ = _links(extractor, "A Syrian army officer told SANA that troops had entered the town. "
                                 "Houthi fighters shelled districts of Sanaa, the capital of Yemen.", "2018-05-01")
    assert links["SANA"] == {"sana"} and links["Sanaa"] == {"sanaa"}
    # In another case, standing where an outlet stands ("according to Sana"), it is the agency.
    links, _ = _links(extractor, "The army retook the village of Tal Sawda, according to Sana.", "2018-05-01")
    assert links["Sana"] == {"sana"}
    links, _ = _links(extractor, "Air strikes hit a market in Sana on Friday, killing nine people.", "2018-05-01")
    assert links["Sana"] == {"sanaa"}


def test_a_kb_alias_inside_a_longer_name_does_not_link(extractor):
    links, _ = _links(extractor, "Fighters of the Syrian Arab Coalition clashed with government troops near Deraa on Monday.", "2018-05-01")
    assert "Arab Coalition" not in links
    assert links["the Syrian Arab Coalition"] == {None}  # (a body's name with its article: nlp.components)
    links, _ = _links(extractor, "The Arab Coalition said its aircraft struck a Houthi position near Hodeidah.", "2018-05-01")
    assert links["The Arab Coalition"] == {"saudi-led-coalition"}
    # A longer knowledge-base name beats an acronym inside it.
    links, _ = _links(extractor, "A spokesman for U.S. Central Command said the strike killed two leaders.", "2018-05-01")
    assert links["U.S. Central Command"] == {"centcom"} and "U.S." not in links


def test_a_place_or_body_named_after_someone_or_somewhere_is_neither(extractor):
    # A person's name inside a district's name (the model's place) is the district.
    links, _ = _links(extractor, "Mahdi Army fighters clashed with US troops in Sadr City on Tuesday. "
                                 "Muqtada al-Sadr called for calm.", "2008-04-01")
    assert "Sadr" not in links and links["Sadr City"] == {None}
    assert links["Muqtada al-Sadr"] == {"muqtada-al-sadr"}
    # Plural capitals and "of" before a state's name make a body of their own; the
    # state's government and its offices still name the state.
    links, _ = _links(extractor, "The Sons of Iraq patrolled Adhamiya. The Government of Iraq paid them, "
                                 "the Minister of Foreign Affairs of Iraq said.", "2008-04-01")
    assert links["Sons of Iraq"] == {None}
    assert links["Iraq"] == {"iraq"} and "Foreign Affairs of Iraq" not in links


def test_a_work_named_after_a_person_means_no_one_there(extractor):
    # A person's name before the noun of an airbase, an airport, a bridge: the work's name
    # (actor_kinds.toml named_for_person_heads); the person is not mentioned.
    links, actors = _links(extractor, "Iranian missiles struck US troops at Al Asad airbase in Anbar on 8 January 2020. "
                                      "Evacuation flights left Hamid Karzai International Airport as the Taliban closed in.", "2021-08-20")
    assert "bashar-al-assad" not in {a.kb_id for a in actors.values()}
    assert "hamid-karzai" not in {a.kb_id for a in actors.values()}
    airport = next(a for a in actors.values() if a.name == "Hamid Karzai International Airport")
    assert airport.kind == "location" and airport.kb_id is None
    # The work's whole name is the place, with the words of the name the recogniser left out.
    links, actors = _links(extractor, "Israeli jets struck the Gamal Abdel Nasser airbase near Cairo in 1967.", "1967-06-05")
    airbase = next(a for a in actors.values() if a.name == "Gamal Abdel Nasser airbase")
    assert airbase.kind == "location" and "Abdel Nasser" not in links and "Nasser" not in links
    # Not a leader's own base, his following, a regime's airbase, nor a headline's capitals.
    for text in ("Ugandan troops overran the Kony base in Garamba park.", "Republicans fear the bill will alienate the Trump base.",
                 "Israeli jets struck the Assad regime airbase at Shayrat.", "Putin Opens Crimea Bridge To Traffic"):
        links, actors = _links(extractor, text, "2018-05-01")
        assert any(a.kind == "person" for a in actors.values()), (text, actors)
    # A surname that is a work's noun too stays a person's.
    links, actors = _links(extractor, "Justice minister Rachel Street said the militia had been disarmed.", "2018-05-01")
    assert any(a.name == "Rachel Street" and a.kind == "person" for a in actors.values()), actors
    # His own ground, a possessive, and the person named apart keep him.
    links, _ = _links(extractor, "Assad's airbase at Hmeimim was shelled. Special forces raided the bin Laden compound. "
                                 "President Assad visited the base.", "2016-05-01")
    assert links["Assad"] == {"bashar-al-assad"} and links["bin Laden"] == {"osama-bin-laden"}


def test_another_given_name_before_a_known_surname_is_another_person(extractor):
    # the knowledge base gives "Haftar" to Khalifa Haftar; his son Khaled is someone else
    links, _ = _links(extractor, "Khaled Haftar commands the 106 Brigade, officers in Benghazi say.", "2023-09-01")
    assert links["Khaled Haftar"] == {None} and "Haftar" not in links
    # a rank before the surname is a title: still him
    links, _ = _links(extractor, "Field Marshal Haftar said nothing about the clashes in Tripoli.", "2023-09-01")
    assert links["Haftar"] == {"khalifa-haftar"}


def test_a_name_two_groups_bore_in_two_eras_and_countries(extractor):
    # Ansar al-Islam called itself Ansar al-Sunna from 2003 to 2007; the Mozambican
    # insurgents took the name later (KB dated aliases and countries).
    iraq, _ = _links(extractor, "Ansar al-Sunna claimed a suicide bombing in Mosul on Sunday.", "2006-03-02")
    mozambique, _ = _links(extractor, "Ansar al-Sunna fighters attacked Mocimboa da Praia in Cabo Delgado, Mozambique.", "2020-08-12")
    assert iraq["Ansar al-Sunna"] == {"ansar-al-islam"}
    assert mozambique["Ansar al-Sunna"] == {"is-mozambique"}


def test_a_demonym_before_a_title_or_a_states_body_names_the_state(extractor):
    links, _ = _links(extractor, "Lebanese President Joseph Aoun met the Turkish ambassador. Syrian refugees "
                                 "crossed the border, an Iraqi researcher said.", "2025-03-01")
    assert links["Lebanese"] == {"lebanon"} and links["Turkish"] == {"turkey"}
    # People described by their nationality are not the state.
    assert links.get("Syrian", {None}) == {None} and links.get("Iraqi", {None}) == {None}
    # A hyphenated compound says who leads or backs, not whose it is.
    links, _ = _links(extractor, "Saudi-led forces struck Sanaa.", "2025-03-01")
    assert "saudi-arabia" not in links.get("Saudi", set())


def test_every_daesh_spelling_links_to_the_islamic_state(extractor):
    links, actors = _links(extractor, "Fighters loyal to Da’esh attacked the town. Officials said DAESH had lost ground, "
                                      "and that Daesh and Da'esh cells remained.", "2016-05-01")
    for spelling in ("Da’esh", "DAESH", "Daesh", "Da'esh"):
        assert links.get(spelling) == {"islamic-state"}, (spelling, links)
    assert len([a for a in actors.values() if a.kb_id == "islamic-state"]) == 1


def test_a_name_that_fits_no_candidate_stays_unlinked(extractor):
    # An alias that named an actor only in another era, where no other actor bore it.
    links, actors = _links(extractor, "The U.S.-led coalition said its forces had withdrawn from Falluja.", "1995-06-01")
    assert links["U.S.-led coalition"] == {None}
    assert "fits no knowledge-base actor here" in next(a for a in actors.values() if a.name == "U.S.-led coalition").reason


def test_no_actor_name_keeps_dangling_punctuation(extractor):
    text = ("Pro-Assad forces and anti-ISIL coalition jets hit the town. The Coalition- backed SDF advanced, "
            "while the –Assad forces withdrew and ‘Jaysh al-Fatah’ fighters regrouped.")
    x = extractor.extract(Document(source="t", text=text))
    assert x.actors and x.mentions
    dangling = "-‐‑‒–—'’‘`\""
    assert not [a.name for a in x.actors if a.name[:1] in dangling or a.name[-1:] in dangling]
    assert not [m.text for m in x.mentions if m.text[:1] in dangling or m.text[-1:] in dangling]


def test_the_folding_and_linking_tables_are_validated():
    from factions.lexicons import DataFileError, validate_table, validated_table

    assert validated_table("names")["variants"]["jaysh"] == "jaish"
    assert 0 < validated_table("linking")["threshold"]
    with pytest.raises(DataFileError, match="weights"):
        validate_table({"threshold": 1, "weights": {"name": "high"}, "kind_labels": {}, "speaker": {}}, "linking", "linking.toml")
    with pytest.raises(DataFileError):
        validate_table({**validated_table("names"), "variants": {"Jaysh": "jaish"}}, "names", "names.toml")


def test_a_relative_with_another_given_name_is_no_close_spelling():
    # names.other_given_name: a shared surname with another first name (consonants
    # differing) is a relative, not a transliteration
    from factions.names import other_given_name

    assert other_given_name("masrour barzani", "masoud barzani")
    assert other_given_name("hamza bin laden", "osama bin laden")
    assert not other_given_name("mohammed jolani", "muhammad jolani")
    assert not other_given_name("usama bin laden", "osama bin laden")
    assert not other_given_name("abu bakr baghdadi", "abubakr baghdadi")


def test_a_relative_is_not_linked_to_the_knowledge_base_person(extractor):
    links, _ = _links(extractor, "President Erdogan received Kurdistan Region Prime Minister Masrour Barzani in Istanbul.", "2022-04-15")
    assert links["Masrour Barzani"] == {None}


def test_an_acronym_two_armies_share_is_read_by_the_story_s_theatre(extractor):
    # kb: the Somali National Army and the Syrian National Army are both "SNA"; the
    # document's places decide (actors/linking.py)
    links, _ = _links(extractor, "SNA troops clashed with al-Shabaab militants near Mogadishu.", "2024-03-01")
    assert links["SNA"] == {"somali-national-army"}
    links, _ = _links(extractor, "Turkey backed the SNA in its offensive on Afrin in northern Syria.", "2018-03-01")
    assert links["SNA"] == {"syrian-national-army"}


def test_a_plural_two_insurgencies_share_is_read_by_the_story_s_country(extractor):
    # kb: "Maoists" names the Indian party and the Nepali one; a country named in the
    # document decides, as for SNA above
    links, _ = _links(extractor, "Maoists ambushed a police patrol in Rolpa district of Nepal on Sunday.", "2002-05-06")
    assert links["Maoists"] == {"cpn-maoist"}
    links, _ = _links(extractor, "Maoists ambushed a police patrol in Sukma district of India on Sunday.", "2017-04-24")
    assert links["Maoists"] == {"cpi-maoist"}


def test_i_in_a_statement_attributed_to_a_named_envoy_is_the_envoy(extractor):
    # actors.index.issuer(person=True): the person named in the opening, not the country of his post
    from conftest import run_text
    x, names = run_text(extractor, "Statement attributed to the Special Envoy of the Secretary-General for Yemen, Hans Grundberg\n\n"
                                   "Amman, 21 March 2025\n\nI met in Riyadh with Rashad al-Alimi.")
    talks = [r for r in x.relations if r.type == "communicates_with"]
    assert talks and {names[r.source] for r in talks} == {"Hans Grundberg"}, [(names[r.source], names[r.target]) for r in talks]
