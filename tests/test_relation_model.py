"""The trained relation classifier (rule relations.model): which pairs it reads, what
it reads of them, when it adds a relation, and the shipped weights' provenance."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pycrfsuite
import pytest

from factions.claims.crf import LinearChainCRF
from factions.extract import get_extractor
from factions.model import Actor, Document, Mention, Relation, Span
from factions.relations import learned
from factions.relations.learned import RULE, RelationClassifier, Tokens, negated, pairs, read_pairs, rules_by_pair, units

ROOT = Path(__file__).resolve().parent.parent


def _mention(text: str, sub: str, actor: str, label: str = "ORG", basis: str = "model", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Mention(Span(start, start + len(sub)), sub, label, actor, basis=basis)


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


# ------------------------------------------------------------------ what it reads


def test_units_keep_the_longest_mention_and_leave_out_possessives_and_equipment():
    text = "The Free Valley Movement and its fighters seized rifles from the Northern Brigade."
    mentions = [
        _mention(text, "The Free Valley Movement", "a1"),
        _mention(text, "Free Valley Movement", "a1"),  # inside the longer one
        _mention(text, "its", "a1", basis="pronoun"),
        _mention(text, "fighters", "a2", label="PERSON", basis="nominal"),
        _mention(text, "rifles", "a3", label="PRODUCT"),
        _mention(text, "the Northern Brigade", "a4"),
    ]
    kinds = {"a1": "armed_group", "a2": "person", "a3": "equipment", "a4": "armed_group"}
    assert [text[u.start:u.end] for u in units(mentions, kinds)] == ["The Free Valley Movement", "fighters", "the Northern Brigade"]


def test_pairs_stay_in_one_sentence(nlp):
    text = "The Free Valley Movement attacked Gondar. The Northern Brigade withdrew from Kassala."
    doc = nlp(text)
    mentions = [_mention(text, s, f"a{k}") for k, s in enumerate(["The Free Valley Movement", "Gondar", "The Northern Brigade", "Kassala"])]
    kinds = {"a0": "armed_group", "a1": "location", "a2": "armed_group", "a3": "location"}
    found = units(mentions, kinds)
    assert [(text[found[i].start:found[i].end], text[found[j].start:found[j].end]) for i, j, _, _ in pairs(doc, found)] == [
        ("The Free Valley Movement", "Gondar"), ("The Northern Brigade", "Kassala")]


def test_the_rules_relations_are_read_per_pair_with_their_direction():
    found = [learned.Unit(0, 1, "person", Mention(Span(0, 1), "A", "PERSON", "a1")),
             learned.Unit(2, 3, "armed_group", Mention(Span(2, 3), "B", "ORG", "a2")),
             learned.Unit(4, 5, "armed_group", Mention(Span(4, 5), "C", "ORG", "a3"))]
    made = [Relation("leads", "a1", "a2", Span(0, 1), Span(2, 3), Span(0, 5), rule="relations.title-of"),
            Relation("member_of", "a3", "a2", Span(4, 5), Span(2, 3), Span(0, 5), rule="relations.described-member"),
            Relation("fights", "a3", "a1", Span(4, 5), Span(0, 1), Span(0, 5), rule="relations.event-parties")]
    assert rules_by_pair(made, found) == {
        (0, 1): [("InChargeOf>", "relations.title-of")],
        (1, 2): [("BelongsTo<", "relations.described-member")],
        (0, 2): [("FightingAgainst", "relations.event-parties")],  # symmetric: no direction
    }


def test_features_name_the_path_the_words_between_and_the_rules(nlp):
    text = "Fighters from the Free Valley Movement ambushed a convoy of the Northern Brigade."
    doc = nlp(text)
    mentions = [_mention(text, "Fighters", "a1", label="PERSON", basis="nominal"),
                _mention(text, "the Free Valley Movement", "a2"), _mention(text, "the Northern Brigade", "a3")]
    kinds = {"a1": "person", "a2": "armed_group", "a3": "armed_group"}
    made = [Relation("member_of", "a1", "a2", mentions[0].span, mentions[1].span, Span(0, len(text)), rule="relations.described-member")]
    candidates, rows = read_pairs(Tokens(doc), mentions, kinds, made)
    by_pair = {(text[u.start:u.end], text[v.start:v.end]): (row, labels) for (u, v, _, _, labels), row in zip(candidates, rows)}
    row, labels = by_pair[("Fighters", "the Northern Brigade")]
    assert "lca=ambush" in row and "kk=person|armed_group" in row and "b1=nominal" in row
    assert "bv=ambush" in row and "pw=convoy" in row
    row, labels = by_pair[("Fighters", "the Free Valley Movement")]
    assert labels == {"BelongsTo>"} and "rid=relations.described-member" in row and "bws=from" in row


def test_a_line_break_in_a_word_is_no_line_break_in_a_feature(nlp):
    text = "Gondar fell.\n\nThe Free Valley Movement attacked the Northern Brigade."
    doc = nlp(text)
    mentions = [_mention(text, "The Free Valley Movement", "a1"), _mention(text, "the Northern Brigade", "a2")]
    _, rows = read_pairs(Tokens(doc), mentions, {"a1": "armed_group", "a2": "armed_group"}, [])
    [row] = rows
    assert "p1=¶¶" in row and all("\n" not in f for f in row)  # the word before it is the paragraph break


def test_a_denied_link_is_negated(nlp):
    for text, denied in [("The Free Valley Movement did not attack the Northern Brigade.", True),
                         ("The Free Valley Movement has no ties to the Northern Brigade.", True),
                         ("The Free Valley Movement attacked the Northern Brigade.", False)]:
        doc = nlp(text)
        mentions = [_mention(text, "The Free Valley Movement", "a1"), _mention(text, "the Northern Brigade", "a2")]
        found = units(mentions, {"a1": "armed_group", "a2": "armed_group"})
        [(_, _, su, sv)] = list(pairs(doc, found))
        assert negated(Tokens(doc), su, sv) is denied, text


# ------------------------------------------------------------------ when it adds


@pytest.fixture()
def tiny_model(tmp_path):
    """A model that has learned one thing: "ambush" between two groups is fighting,
    "of" between a person and a group is membership."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(20):
        trainer.append([["kk=armed_group|armed_group", "lca=ambush"]], ["FightingAgainst"])
        trainer.append([["kk=person|armed_group", "bws=of"]], ["BelongsTo>"])
        trainer.append([["kk=armed_group|armed_group", "lca=meet"]], ["O"])
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 100, "feature.possible_states": True})
    path = tmp_path / "tiny.crfsuite"
    trainer.train(str(path))
    meta = {"threshold": 0.7, "label_types": json.loads((ROOT / "src/factions/data/models/relations.json").read_text())["label_types"],
            "admitted": ["FightingAgainst", "BelongsTo"]}
    return RelationClassifier(LinearChainCRF.load(path), meta)


def _read(nlp, model, text, mentions, kinds, made=(), basis="text"):
    actors = [Actor(actor_id, actor_id, kind, basis=basis) for actor_id, kind in kinds.items()]
    return model.relations(nlp(text), mentions, actors, list(made))


def test_it_adds_the_relation_it_is_sure_of(nlp, tiny_model):
    text = "The Free Valley Movement ambushed the Northern Brigade near Gondar."
    mentions = [_mention(text, "The Free Valley Movement", "a1"), _mention(text, "the Northern Brigade", "a2")]
    [rel] = _read(nlp, tiny_model, text, mentions, {"a1": "armed_group", "a2": "armed_group"})
    assert (rel.type, rel.source, rel.target, rel.rule) == ("fights", "a1", "a2", RULE)
    assert text[rel.evidence_span.start:rel.evidence_span.end] == text


def test_it_adds_nothing_the_rules_gave_nor_a_denied_or_unsure_link(nlp, tiny_model):
    text = "The Free Valley Movement ambushed the Northern Brigade near Gondar."
    mentions = [_mention(text, "The Free Valley Movement", "a1"), _mention(text, "the Northern Brigade", "a2")]
    kinds = {"a1": "armed_group", "a2": "armed_group"}
    made = [Relation("fights", "a2", "a1", mentions[1].span, mentions[0].span, Span(0, len(text)), rule="relations.event-parties")]
    assert _read(nlp, tiny_model, text, mentions, kinds, made) == []
    denied = "The Free Valley Movement never ambushed the Northern Brigade near Gondar."
    mentions = [_mention(denied, "The Free Valley Movement", "a1"), _mention(denied, "the Northern Brigade", "a2")]
    assert _read(nlp, tiny_model, denied, mentions, kinds) == []
    met = "The Free Valley Movement met the Northern Brigade near Gondar."
    mentions = [_mention(met, "The Free Valley Movement", "a1"), _mention(met, "the Northern Brigade", "a2")]
    assert _read(nlp, tiny_model, met, mentions, kinds) == []


def test_a_type_not_admitted_is_not_added(nlp, tiny_model):
    tiny_model.admitted = {"BelongsTo"}
    text = "The Free Valley Movement ambushed the Northern Brigade near Gondar."
    mentions = [_mention(text, "The Free Valley Movement", "a1"), _mention(text, "the Northern Brigade", "a2")]
    assert _read(nlp, tiny_model, text, mentions, {"a1": "armed_group", "a2": "armed_group"}) == []


def test_named_only_leaves_out_parties_known_only_by_a_description(nlp, tiny_model):
    tiny_model.arguments = "named"
    text = "The Free Valley Movement ambushed the Northern Brigade near Gondar."
    mentions = [_mention(text, "The Free Valley Movement", "a1"), _mention(text, "the Northern Brigade", "a2")]
    kinds = {"a1": "armed_group", "a2": "armed_group"}
    assert _read(nlp, tiny_model, text, mentions, kinds, basis="descriptive") == []
    assert len(_read(nlp, tiny_model, text, mentions, kinds, basis="kb")) == 1


def test_direction_and_places(nlp, tiny_model):
    text = "Mustafa Hamid of the Free Valley Movement spoke."
    mentions = [_mention(text, "Mustafa Hamid", "a1", label="PERSON"), _mention(text, "the Free Valley Movement", "a2")]
    [rel] = _read(nlp, tiny_model, text, mentions, {"a1": "person", "a2": "armed_group"})
    assert (rel.type, rel.source, rel.target) == ("member_of", "a1", "a2")
    # a place is never a member: "BelongsTo>" from a place is left out
    mentions = [_mention(text, "Mustafa Hamid", "a1", label="GPE"), _mention(text, "the Free Valley Movement", "a2")]
    assert _read(nlp, tiny_model, text, mentions, {"a1": "location", "a2": "armed_group"}) == []


# ------------------------------------------------------------------ in the extractor


def test_rules_relation_model_adds_what_the_rules_missed_and_rules_alone_do_not(extractor):
    text = "Fighters of the Free Valley Movement ambushed a police patrol near the river."
    with_model = get_extractor("rules+relation-model")
    x = with_model.extract(Document(source="t", text=text))
    names = {a.id: a.name for a in x.actors}
    added = [(r.type, names[r.source], names[r.target]) for r in x.relations if r.rule == RULE]
    assert added == [("fights", "Fighters", "police patrol")]
    # the default extractor runs no classifier; switched off by id, neither does this one
    assert extractor.relation_model is None
    assert not [r for r in extractor.extract(Document(source="t", text=text)).relations if r.rule == RULE]
    assert get_extractor("rules+relation-model", disabled=frozenset({RULE})).relation_model is None


def test_the_shipped_weights_carry_their_provenance():
    meta = json.loads((ROOT / "src/factions/data/models/relations.json").read_text())
    assert meta["command"].startswith("train/relations.py")
    assert set(meta["admitted"]) <= set(meta["label_types"]) and 0.5 <= meta["threshold"] < 1
    # the re3d-style sets ship with the project; re3d's own sources (real text) lie beside it
    assert meta["sets"] and all((ROOT / s).is_dir() for s in meta["sets"] if not s.startswith(".."))
    # each set's held-out score: a model trained on the others, beside the rules alone
    assert set(meta["held_out"]) == {Path(s).name for s in meta["sets"]}
    for scores in meta["held_out"].values():
        assert 0 < scores["rules"]["f1"] and 0 < scores["with_model"]["f1"]
    # the weights were trained on the sets as they are now (checked where the data is here)
    if not all((ROOT / s).is_dir() for s in meta["sets"]):
        return
    spec = importlib.util.spec_from_file_location("train_relations", ROOT / "train" / "relations.py")
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    assert trainer.files_digest([ROOT / s for s in meta["sets"]]) == meta["files_sha256"]
