"""The rule registry: declared once, validated, every record names its rule, every
rule's example makes something, and a rule switched off makes nothing."""

import json

import pytest
from typer.testing import CliRunner

from factions.cli import app
from factions.lexicons import DataFileError, validate_table
from factions.model import Document
from factions.rules import UnknownRule, disabled_rules, parse_rules, registry

runner = CliRunner()


@pytest.fixture
def switched_off(extractor):
    """The session's extractor with some rules switched off for one call."""
    def run(text: str, *ids: str):
        saved, extractor.disabled = extractor.disabled, frozenset(ids)
        try:
            return extractor.extract(Document(source="x", text=text))
        finally:
            extractor.disabled = saved
    return run


@pytest.fixture(scope="module")
def example_outputs(extractor):
    """Each rule's example sentence, extracted once."""
    examples = [r for r in registry().values() if not r.optional and not r.filter]
    docs = [Document(source=f"rule:{r.id}", text=r.example) for r in examples]
    return {r.id: x for r, x in zip(examples, extractor.extract_many(docs))}


def _records(x):
    return [*x.claims, *x.events, *x.relations]


def test_registry_declares_each_rule_once_with_an_example():
    rules = registry()
    assert len(rules) >= 30
    for rule in rules.values():
        assert rule.summary and (rule.example or rule.optional), rule.id
        assert rule.stage in ("claims", "events", "relations")


@pytest.mark.parametrize("rule_id", [r.id for r in registry().values() if not r.optional and not r.filter])
def test_every_rule_fires_on_its_own_example(rule_id, example_outputs):
    made = {rec.rule for rec in _records(example_outputs[rule_id])}
    assert rule_id in made, f"{rule_id} made nothing on its example; rules that fired: {sorted(made)}"


@pytest.mark.parametrize("rule_id", [r.id for r in registry().values() if r.filter])
def test_every_filter_changes_its_own_example(rule_id, switched_off):
    text = registry()[rule_id].example
    on, off = switched_off(text).as_dict(), switched_off(text, rule_id).as_dict()
    assert (on["events"], on["relations"]) != (off["events"], off["relations"]), f"{rule_id} changed nothing on its example"


def test_every_record_names_a_declared_rule(example_outputs):
    rules = registry()
    records = [rec for x in example_outputs.values() for rec in _records(x)]
    assert records
    for rec in records:
        assert rec.rule in rules, f"{type(rec).__name__} without a declared rule: {rec.rule!r}"


def test_a_rule_switched_off_makes_nothing(switched_off):
    text = registry()["relations.title-of"].example
    on, off = switched_off(text), switched_off(text, "relations.title-of")
    assert any(r.rule == "relations.title-of" for r in on.relations)
    assert not any(r.rule == "relations.title-of" for r in off.relations)
    assert off.claims == on.claims  # only that rule's records go


def test_a_claim_rule_switched_off_leaves_its_events_unattributed(switched_off):
    text = "The army said on Monday that it had attacked al-Shabaab fighters near Baidoa."
    on, off = switched_off(text), switched_off(text, "claims.cue-subject")
    assert on.claims and on.events[0].claim == on.claims[0].id and on.events[0].modality == "reported"
    assert not off.claims and off.events[0].claim is None and off.events[0].modality == "asserted"


def test_unknown_rule_ids_are_refused(monkeypatch):
    with pytest.raises(UnknownRule, match="relations.nope"):
        disabled_rules(["relations.nope"])
    monkeypatch.setenv("FACTIONS_DISABLE_RULES", "relations.epithet, claims.according-to")
    assert disabled_rules() == {"relations.epithet", "claims.according-to"}
    result = runner.invoke(app, ["extract", "-", "--disable-rule", "claims.nope"], input="Text.")
    assert result.exit_code == 2 and "unknown rule 'claims.nope'" in result.stderr


def test_rules_data_is_validated():
    good = {"id": "claims.x", "summary": "a summary of it", "example": "X said so.", "emits": "claim"}
    with pytest.raises(DataFileError, match="declared twice"):
        parse_rules({"rule": [good, good]}, "r.toml")
    with pytest.raises(DataFileError, match="emits relations"):
        parse_rules({"rule": [{**good, "emits": "relation"}]}, "r.toml")
    with pytest.raises(DataFileError, match="r.toml: rule/0: Additional properties"):
        validate_table({"rule": [{**good, "pattern": "x"}]}, "rules", "r.toml")
    with pytest.raises(DataFileError, match="does not match"):
        validate_table({"rule": [{**good, "id": "Claims X"}]}, "rules", "r.toml")


def test_rules_command_lists_them():
    result = runner.invoke(app, ["rules", "--json"])
    assert result.exit_code == 0
    listed = {r["id"]: r for r in json.loads(result.stdout)}
    assert listed.keys() == registry().keys()
    assert listed["claims.according-to"]["stage"] == "claims"
    result = runner.invoke(app, ["rules", "--stage", "relations"])
    assert result.exit_code == 0 and "relations.title-of" in result.stdout and "claims.cue-subject" not in result.stdout
    assert runner.invoke(app, ["rules", "--stage", "nope"]).exit_code == 2


def test_extract_output_carries_the_rule(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Al-Qaeda leader Ayman al-Zawahiri said the group would fight on.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    data = json.loads(result.stdout)
    assert data["claims"] and all(c["rule"] == "claims.cue-subject" for c in data["claims"])
    assert {r["rule"] for r in data["relations"]} >= {"relations.title-of"}


def test_the_rule_confidence_table_is_what_its_counts_say():
    """data/rule_confidence.toml (`make rule-confidence`): every rule it lists is a
    declared relation rule, and each confidence is its counts shrunk towards the prior."""
    from factions.evaluate.confidence import shrunk
    from factions.lexicons import validated_table
    from factions.rules import registry, relation_confidence

    table = validated_table("rule_confidence")
    prior = table["prior"]
    assert prior["predicted"] > 100 and prior["confidence"] == round(prior["right"] / prior["predicted"], 3)
    # the prior is the default extractor's rules'; optional ones are measured beside it
    assert sum(c["predicted"] for rule_id, c in table["rule"].items() if not registry()[rule_id].optional) == prior["predicted"]
    assert "relations.model" in table["rule"]
    for rule_id, c in table["rule"].items():
        assert registry()[rule_id].record == "relation", rule_id
        assert c["right"] <= c["predicted"] and c["confidence"] == shrunk(c["right"], c["predicted"], prior["confidence"], prior["weight"])
        assert relation_confidence(rule_id) == c["confidence"]
    assert relation_confidence("relations.similarity") == relation_confidence(None) == prior["confidence"]


def _misspell_only_with(events: dict) -> None:
    events["event"][0]["only_with"] = {"raid": {"of_object": ["fire"]}}  # (of_objects)


def _misspell_a_phrase_key(events: dict) -> None:
    next(e for e in events["event"] if e.get("phrases"))["phrases"][0]["particles"] = True  # (particle)


@pytest.mark.parametrize("misspell, message", [
    # only_with entries may say heads, preps, governed_by and of_objects only
    (_misspell_only_with, "only_with 'raid' has unknown keys of_object"),
    # phrases may say verb, object, aimed and particle only
    (_misspell_a_phrase_key, "has unknown keys particles"),
])
def test_an_unknown_key_in_events_toml_is_refused(monkeypatch, misspell, message):
    # events.triggers validates what it reads
    import copy

    from factions.events import triggers as trig
    from factions.lexicons import lexicon as real_lexicon

    events = copy.deepcopy(real_lexicon("events"))
    misspell(events)
    monkeypatch.setattr(trig, "lexicon", lambda name: events if name == "events" else real_lexicon(name))
    trig.triggers.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message):
            trig.triggers()
    finally:
        monkeypatch.undo()
        trig.triggers.cache_clear()
    assert trig.triggers().nouns  # the real file loads again


def test_a_phrase_listed_twice_in_events_toml_is_refused(monkeypatch):
    # events.triggers: a second entry of one (verb, object) would silently replace the first
    import copy

    from factions.events import triggers as trig
    from factions.lexicons import lexicon as real_lexicon

    events = copy.deepcopy(real_lexicon("events"))
    first = next(e for e in events["event"] if e.get("phrases"))
    events["event"][-1].setdefault("phrases", []).append(dict(first["phrases"][0]))
    monkeypatch.setattr(trig, "lexicon", lambda name: events if name == "events" else real_lexicon(name))
    trig.triggers.cache_clear()
    try:
        with pytest.raises(DataFileError, match=f"the phrase '{first['phrases'][0]['verb']} {first['phrases'][0]['object']}'"):
            trig.triggers()
    finally:
        monkeypatch.undo()
        trig.triggers.cache_clear()
    assert trig.triggers().phrases
