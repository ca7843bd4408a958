"""Dependency patterns kept as data (data/patterns/*.toml): each file validated on
load, every pattern's example matches, and the claims stage reads them."""

from importlib import resources

import pytest

from factions.lexicons import DataFileError
from factions.model import Document
from factions.nlp.patterns import Pattern, matches, parse_patterns, patterns
from factions.nlp.pipeline import analyze

GROUPS = sorted(p.name.removesuffix(".toml") for p in resources.files("factions.data").joinpath("patterns").iterdir()
                if p.name.endswith(".toml"))

CARRIED = [
    {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "acl", "LEMMA": {"IN": ["carry"]}}},
    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
]


def _doc(extractor, text):
    return next(analyze(extractor.nlp, [Document(source="t", text=text)]))[1]


def _table(nodes, **extra):
    return {"pattern": [{"id": "carried", "summary": "s", "example": "e", "nodes": nodes, **extra}]}


@pytest.mark.parametrize("group", GROUPS)
def test_every_example_matches(extractor, group):
    for key, pattern in patterns(group).items():
        assert matches(_doc(extractor, pattern.example), group, key), f"{group}.toml: {key} does not match its example"


def test_there_are_pattern_files():
    assert "claims" in GROUPS


def test_carried_by_names_the_outlet_and_what_it_carried(extractor):
    doc = _doc(extractor, "The militia's statement, carried by Al-Manar on Sunday, said the fighters had withdrawn from the ridge.")
    [m] = matches(doc, "claims", "carried-by")
    assert (m["statement"].text, m["verb"].text, m["outlet"].text) == ("statement", "carried", "Manar")
    # No carrying verb, no match; and the outlet goes on the claim's via chain.
    assert matches(_doc(extractor, "The militia said the fighters had withdrawn from the ridge."), "claims", "carried-by") == []
    x = extractor.extract(Document(source="t", text="The militia's statement, carried by Al-Manar on Sunday, said the fighters had withdrawn."))
    names = {a.id: a.name for a in x.actors}
    [claim] = x.claims
    assert [names[v] for v in claim.via] == ["Al-Manar"]


def test_a_verb_that_carries_nothing_is_no_match(extractor):
    # "run" as a main verb, not a participle after the statement: the anchor's
    # dependency is part of the pattern.
    doc = _doc(extractor, "Al-Manar ran the statement by the group on Sunday.")
    assert matches(doc, "claims", "carried-by") == []


def test_a_well_formed_table_gives_patterns_by_id():
    assert parse_patterns(_table(CARRIED), "p.toml") == {"carried": Pattern("carried", "s", "e", CARRIED)}


@pytest.mark.parametrize("table, says", [
    (_table([{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMA": "carry"}}]), "p.toml: pattern/0/nodes/0/RIGHT_ATTRS"),
    (_table(CARRIED, weight=2), "p.toml: pattern/0"),
    (_table([CARRIED[0], {**CARRIED[1], "REL_OP": "."}]), "p.toml: pattern/0/nodes/1/REL_OP"),
    (_table([CARRIED[0], {**CARRIED[1], "LEFT_ID": "noun"}]), "p.toml: pattern 'carried'"),
    ({"pattern": _table(CARRIED)["pattern"] * 2}, "p.toml: pattern 'carried' is declared twice"),
])
def test_a_bad_pattern_is_one_error_naming_the_file_and_place(table, says):
    with pytest.raises(DataFileError) as err:
        parse_patterns(table, "p.toml")
    assert str(err.value).startswith(says) and "\n" not in str(err.value)
