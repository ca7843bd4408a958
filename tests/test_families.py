"""Families and parts (issue 12 item 3) and review helpers (item 8): bare names link
to the family member the document is about, parts keep their identity with a
part_of link the store keeps, queries roll a family up on request, and
`factions actor suggest` lists likely merges with their evidence."""

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from factions.actors.families import bare_role
from factions.analysis import relation_evidence
from factions.analysis.queries import actor_profile
from factions.analysis.suggest import suggest_merges
from factions.cli import app
from factions.kb import KBFileError, load_kb, parse_kb_files
from factions.kb.knowledge import check_families
from factions.model import Document
from factions.store import open_store

runner = CliRunner()

SYRIA = """Government forces clashed with Islamic State fighters east of Palmyra on Friday, the Syrian Observatory for Human Rights said.
The regime has sent reinforcements to Homs. The army said it had retaken the citadel, and the regime's air force struck Raqqa."""

OIR = """Coalition forces conducted nine strikes against ISIS near Hajin in Syria on Monday, CJTF-OIR said.
The Coalition continues to support the Syrian Democratic Forces, who are clearing villages in Deir ez-Zor province."""

NO_CONTEXT = """The Coalition said on Monday that it would meet again next month to discuss its budget and its membership rules."""

YEMEN = """The coalition struck Houthi positions near Hodeidah in western Yemen on Tuesday, officials said. Coalition aircraft also hit a depot in Saada."""

ACRONYM_1 = """A new armed faction calling itself the Eastern Lions Brigade (ELB) attacked a checkpoint in Daraa on Tuesday.
The Southern Tawhid Brigade said on Sunday it had lost two men near Busra."""

ACRONYM_2 = """ELB fighters ambushed a patrol near Busra on Sunday, according to local activists.
The Southern Tauhid Brigade said on Monday that the town was calm. The Red Crescent said it had delivered food."""


def _extract(extractor, text: str, published: date | None = date(2018, 6, 1)):
    doc = Document(source="test.txt", text=text, published=published)
    return next(iter(extractor.extract_many([doc])))


def _links(x) -> dict[str, tuple[str | None, str]]:
    actors = {a.id: a for a in x.actors}
    return {m.text: (actors[m.actor].kb_id, actors[m.actor].reason) for m in x.mentions if m.actor}


def test_bare_names_are_a_class_not_a_list_of_names():
    assert bare_role("the Coalition") == bare_role("Coalition forces") == bare_role("our coalition partners") == "coalition"
    assert bare_role("The regime") == "government"
    assert bare_role("government forces") == bare_role("the army") == "armed_forces"
    assert bare_role("Turkish army") is None  # a nationality makes it a name
    assert bare_role("Syrian Arab Army") is None


def test_syria_story_links_regime_and_government_forces_to_the_syrian_family(extractor):
    links = _links(_extract(extractor, SYRIA, date(2017, 3, 4)))
    assert links["The regime"][0] == "syria"
    assert links["Government forces"][0] == "syrian-arab-army"
    assert links["The army"][0] == "syrian-arab-army"
    kb = load_kb()
    assert kb.family_root("syrian-arab-army") == "syria"
    # The reason says which family and why.
    x = _extract(extractor, SYRIA, date(2017, 3, 4))
    saa = next(a for a in x.actors if a.kb_id == "syrian-arab-army")
    assert saa.part_of == "syria"
    assert "'Government forces' is a bare name (armed forces)" in saa.reason and "family the document is about" in saa.reason


def test_oir_update_links_the_coalition_and_keeps_cjtf_oir_as_its_part(extractor):
    x = _extract(extractor, OIR)
    links = _links(x)
    assert links["Coalition forces"][0] == "global-coalition"
    assert links["The Coalition"][0] == "global-coalition"
    cjtf = next(a for a in x.actors if a.kb_id == "cjtf-oir")
    assert cjtf.part_of == "global-coalition"
    assert "cjtf-oir" in load_kb().parts("global-coalition")


def test_the_coalition_in_a_yemen_story_is_the_saudi_led_coalition(extractor):
    links = _links(_extract(extractor, YEMEN, date(2018, 6, 1)))
    assert links["The coalition"][0] == "saudi-led-coalition"
    assert links["Coalition"][0] == "saudi-led-coalition"  # "Coalition aircraft"


def test_the_coalition_without_context_stays_unlinked(extractor):
    x = _extract(extractor, NO_CONTEXT)
    coalition = [a for a in x.actors if a.name.lower().endswith("coalition")]
    assert coalition, [a.name for a in x.actors]
    assert all(a.kb_id is None for a in coalition)
    assert "the document is about no family" in coalition[0].reason


def test_a_coalition_that_did_not_exist_yet_is_never_meant(extractor):
    # 2004: the anti-ISIL coalition (2014) does not exist; the 2003 coalition does.
    links = _links(_extract(extractor, "Coalition forces fought the Mahdi Army in Najaf and Kufa in Iraq on Monday.", date(2004, 4, 12)))
    assert links["Coalition forces"][0] == "multi-national-force-iraq"


def test_part_of_an_unknown_actor_or_a_cycle_is_a_load_error():
    bad = '[[actor]]\nid = "x-army"\nname = "X Army"\nkind = "government_body"\npart_of = "no-such-state"\nbasis = "test"\n'
    with pytest.raises(KBFileError, match="no-such-state"):
        check_families(parse_kb_files([("bad.toml", bad)]))
    cycle = ('[[actor]]\nid = "a"\nname = "A"\nkind = "organization"\npart_of = "b"\nbasis = "t"\n'
             '[[actor]]\nid = "b"\nname = "B"\nkind = "organization"\npart_of = "a"\nbasis = "t"\n')
    with pytest.raises(KBFileError, match="cycle"):
        check_families(parse_kb_files([("cycle.toml", cycle)]))
    role = '[[actor]]\nid = "c"\nname = "C"\nkind = "organization"\nfamily_role = "navy_band"\nbasis = "t"\n'
    with pytest.raises(KBFileError, match="navy_band"):
        check_families(parse_kb_files([("role.toml", role)]))


@pytest.fixture(scope="module")
def db(extractor, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('families') / 'f.db'}"
    store = open_store(url)
    texts = [(SYRIA, date(2017, 3, 4)), (OIR, date(2018, 10, 2)), (ACRONYM_1, date(2019, 5, 1)), (ACRONYM_2, date(2019, 6, 11))]
    docs = [Document(source=f"doc{i}.txt", text=t, published=d) for i, (t, d) in enumerate(texts, 1)]
    for x in extractor.extract_many(docs):
        store.ingest(x)
    return url


def test_the_store_keeps_part_of_and_queries_roll_up_only_when_asked(db):
    store = open_store(db)
    with store.engine.connect() as conn:
        exact = relation_evidence(conn, "Syria", "ISIL")
        family = relation_evidence(conn, "Syria", "ISIL", parts=True)
        profile = actor_profile(conn, "Syria")
        part = actor_profile(conn, "CJTF-OIR")
    assert exact["relations"] == {}
    assert [(i["source"], i["target"]) for i in family["relations"]["fights"]] == [("Syrian Arab Army", "Islamic State")]
    assert family["state"]["state"] == "fighting"
    assert {"kb_id": "syrian-arab-army", "name": "Syrian Arab Army", "part_of": "syria", "role": "armed_forces", "mentions": 3} in profile["parts"]  # "Government forces", "The army", "it" (had retaken)
    assert part["part_of"] == [{"kb_id": "global-coalition", "name": "Global Coalition against Daesh"}]
    # A bare name is no alias of the actor it meant in one document.
    assert "regime" not in profile["names"]


def test_cli_relation_with_parts_and_actor_show_lists_parts(db):
    exact = runner.invoke(app, ["relation", "Syria", "ISIL", "--db", db])
    rolled = runner.invoke(app, ["relation", "Syria", "ISIL", "--with-parts", "--db", db])
    assert exact.exit_code == 0 and "no evidence in the store" in exact.stdout
    assert rolled.exit_code == 0 and "(with parts): fighting" in rolled.stdout and "Syrian Arab Army →" in rolled.stdout
    shown = runner.invoke(app, ["actor", "Global Coalition", "--db", db])
    assert shown.exit_code == 0
    assert "part Combined Joint Task Force – Operation Inherent Resolve (kb:cjtf-oir, command): 1 mention" in shown.stdout
    part = runner.invoke(app, ["actor", "CJTF-OIR", "--db", db])
    assert "part of: Global Coalition against Daesh (kb:global-coalition)" in part.stdout


def test_actor_suggest_finds_an_acronym_pair_and_a_variant_pair_with_evidence(db):
    store = open_store(db)
    with store.engine.connect() as conn:
        found = suggest_merges(conn)
    pairs = {frozenset((s["keep"]["name"], s["other"]["name"])): s for s in found}
    acronym = pairs[frozenset(("Eastern Lions Brigade", "ELB"))]
    assert acronym["rules"] == ["acronym-defined"] and acronym["score"] >= 0.85
    assert acronym["keep"]["name"] == "Eastern Lions Brigade"  # the more mentioned keeps
    assert acronym["documents"] == ["doc3.txt", "doc4.txt"]
    assert "'ELB' names Eastern Lions Brigade (in doc3.txt)" in acronym["evidence"][0]
    assert acronym["command"].startswith(f"factions actor merge {acronym['keep']['ref']} {acronym['other']['ref']} --reason ")
    variant = pairs[frozenset(("Southern Tawhid Brigade", "Southern Tauhid Brigade"))]
    assert variant["rules"] == ["fuzzy"] and "% alike" in variant["evidence"][0]
    # Unrelated actors are never suggested, nor actors the KB says are two.
    names = {n for p in pairs for n in p}
    assert frozenset(("Eastern Lions Brigade", "Southern Tawhid Brigade")) not in pairs
    assert not any({"Islamic State", "Syrian Democratic Forces"} <= set(p) for p in pairs)
    assert "Red Crescent" not in names or all("Red Crescent" not in p for p in pairs)


def test_cli_actor_suggest_prints_the_command_and_json_and_merges_nothing(db):
    result = runner.invoke(app, ["actor", "suggest", "--db", db])
    assert result.exit_code == 0
    assert "[acronym-defined]" in result.stdout and "$ factions actor merge " in result.stdout
    as_json = runner.invoke(app, ["actor", "suggest", "--json", "--db", db])
    rows = json.loads(as_json.stdout)
    assert rows and {"keep", "other", "score", "rules", "evidence", "documents", "command"} <= set(rows[0])
    again = runner.invoke(app, ["actor", "suggest", "--json", "--db", db])
    assert json.loads(again.stdout) == rows  # suggesting changed nothing
    bad = runner.invoke(app, ["actor", "suggest", "--min-score", "3", "--db", db])
    assert bad.exit_code == 2 and "--min-score" in bad.stderr
