"""The re3d evaluator, on a tiny data set written here."""

import json

from factions.evaluate.re3d import evaluate_path, load, score


def _write(folder, docs, ents):
    folder.mkdir()
    (folder / "documents.json").write_text("\n".join(json.dumps(d) for d in docs))
    (folder / "entities.json").write_text("\n".join(json.dumps(e) for e in ents))


def test_load_keeps_the_most_confident_type_per_span(tmp_path):
    text = "Hassan Nasrallah spoke in Beirut."
    _write(tmp_path / "src", [{"_id": "d1", "text": text}], [
        {"documentId": "d1", "begin": 0, "end": 16, "type": "Person", "confidence": 1},
        {"documentId": "d1", "begin": 0, "end": 16, "type": "Organisation", "confidence": 0.4},
        {"documentId": "d1", "begin": 26, "end": 32, "type": "Location", "confidence": 0.6},
        {"documentId": "d1", "begin": 26, "end": 32, "type": "Organisation", "confidence": 0.55},
    ])
    docs, gold = load(tmp_path)
    assert docs == {"d1": text}
    assert gold["d1"] == {(0, 16, "Person"), (26, 32, "Location")}


def test_scores_exact_and_overlap():
    gold = {"d": {(0, 10, "Person"), (20, 30, "Location")}}
    pred = {"d": {(0, 10, "Person"), (22, 30, "Location"), (40, 45, "Location")}}
    s = score(gold, pred, ["Person", "Location"])
    assert s["Person"]["exact"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert s["Location"]["exact"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert s["Location"]["overlap"] == {"p": 0.5, "r": 1.0, "f1": 0.6667}
    assert s["core"]["gold"] == 2 and s["core"]["predicted"] == 3


def test_evaluate_runs_both_systems(tmp_path, extractor):
    text = "Hassan Nasrallah, the leader of Hezbollah, spoke in Beirut on Friday."
    _write(tmp_path / "src", [{"_id": "d1", "text": text}], [
        {"documentId": "d1", "begin": 0, "end": 16, "type": "Person", "confidence": 1},
        {"documentId": "d1", "begin": 31, "end": 40, "type": "Organisation", "confidence": 1},
        {"documentId": "d1", "begin": 52, "end": 58, "type": "Location", "confidence": 1},
    ])
    report = evaluate_path(tmp_path, extractor=extractor)
    assert set(report["systems"]) == {"spaCy (baseline)", "factions"}
    assert report["systems"]["factions"]["core"]["overlap"]["r"] == 1.0


def test_re3d_conventions_in_the_mapping():
    from factions.evaluate.re3d import maximal, re3d_type
    from factions.model import Mention, Span

    def m(text, label, basis="model"):
        return Mention(Span(0, len(text)), text, label, basis=basis)

    assert re3d_type(m("senior officials", "PERSON", "nominal"), "population") == "Organisation"
    assert re3d_type(m("a senior official", "PERSON", "nominal"), "population") == "Person"
    assert re3d_type(m("Russia", "ORG"), "state") == "Organisation"
    assert re3d_type(m("Russia", "GPE"), "state") == "Location"
    assert re3d_type(m("Iraqi", "NORP"), "population") == "Nationality"
    assert maximal({(0, 23, "Person"), (0, 14, "Organisation"), (30, 35, "Location")}) == {(0, 23, "Person"), (30, 35, "Location")}


def test_relation_scoring_symmetry_and_direction():
    from factions.evaluate.re3d import score_relations

    gold = {"d": {("FightingAgainst", (0, 5), (10, 15)), ("BelongsTo", (20, 25), (30, 35))}}
    pred = {"d": {("FightingAgainst", (11, 14), (0, 4)), ("BelongsTo", (30, 35), (20, 25)), ("Likes", (0, 5), (10, 15))}}
    s = score_relations(gold, pred)
    assert s["FightingAgainst"]["overlap"]["f1"] == 1.0  # symmetric: either order
    assert s["BelongsTo"]["overlap"]["r"] == 0.0  # directed: reversed is wrong
    assert s["all"]["overlap"] == {"p": round(1 / 3, 4), "r": 0.5, "f1": 0.4}
