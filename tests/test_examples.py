"""Each example article against its expected extraction (examples/expected/)."""

import json

import pytest

from conftest import EXAMPLES, EXPECTED, check_contract, example_outputs
from factions.relations.types import symmetric_types

CASES = sorted(p.name for p in EXAMPLES.iterdir())


def _expected(name):
    return json.loads((EXPECTED / f"{name}.json").read_text("utf-8"))["documents"]


def _pick(outputs, spec, index):
    if "match" in spec:
        found = [o for o in outputs if all(o["document"].get(k) == v for k, v in spec["match"].items())]
        assert found, f"no document matching {spec['match']}"
        return found[0]
    return outputs[index]


def _names(out):
    return {a["id"]: a["name"] for a in out["actors"]}


def _actor_ok(out, want):
    return any(all(a.get(k) == v for k, v in want.items()) for a in out["actors"])


def _claim_ok(out, want):
    names, text = _names(out), out["document"]["text"]
    for c in out["claims"]:
        content = text[c["content_span"]["start"] : c["content_span"]["end"]]
        checks = [
            "speaker" not in want or names[c["speaker"]] == want["speaker"],
            "cue" not in want or c["cue"] == want["cue"],
            "content_contains" not in want or want["content_contains"] in content,
            "direct_quote" not in want or c["direct_quote"] == want["direct_quote"],
            "channel" not in want or c["channel"] == want["channel"],
            "said_on" not in want or c["said_on"] == want["said_on"],
            "via" not in want or [names[v] for v in c["via"]] == want["via"],
        ]
        if all(checks):
            return True
    return False


def _event_ok(out, want):
    names = _names(out)
    speakers = {c["id"]: names[c["speaker"]] for c in out["claims"]}
    for e in out["events"]:
        checks = [
            e["type"] == want["type"],
            set(want.get("actors", [])) <= {names[a] for a in e["actors"]},
            set(want.get("recipients", [])) <= {names[a] for a in e["recipients"]},
            "modality" not in want or e["modality"] == want["modality"],
            "when" not in want or (e["when"] or {}).get("start") == want["when"],
            "claim_speaker" not in want or speakers.get(e["claim"]) == want["claim_speaker"],
        ]
        if all(checks):
            return True
    return False


def _relation_ok(out, want):
    names = _names(out)
    for r in out["relations"]:
        pair = (names[r["source"]], names[r["target"]])
        wanted = (want["source"], want["target"])
        same = pair == wanted or (r["type"] in symmetric_types() and pair == wanted[::-1])
        if r["type"] == want["type"] and same and ("modality" not in want or r["modality"] == want["modality"]):
            return True
    return False


def _mention_ok(out, want):
    names = _names(out)
    return any(m["text"] == want["text"] and names.get(m["actor"]) == want["actor"] for m in out["mentions"])


CHECKS = {"actors": _actor_ok, "claims": _claim_ok, "events": _event_ok, "relations": _relation_ok, "mentions": _mention_ok}


def _items(kind):
    for name in CASES:
        for i, spec in enumerate(_expected(name)):
            for j, item in enumerate(spec.get(kind, [])):
                yield pytest.param(name, i, item, id=f"{name}-{i}-{kind}{j}")


@pytest.mark.parametrize("name", CASES)
def test_every_example_has_an_expected_file(name):
    assert (EXPECTED / f"{name}.json").exists()


@pytest.mark.parametrize("name", CASES)
def test_output_follows_the_contract(name):
    outputs = example_outputs(name)
    assert len(outputs) == len(_expected(name))
    for out in outputs:
        check_contract(out)


@pytest.mark.parametrize("name", CASES)
def test_document_metadata(name):
    outputs = example_outputs(name)
    for i, spec in enumerate(_expected(name)):
        doc = _pick(outputs, spec, i)["document"]
        for key, value in spec["document"].items():
            assert doc[key] == value, key


@pytest.mark.parametrize("kind", list(CHECKS))
def test_expected_items(kind):
    missing = []
    for name in CASES:
        outputs = example_outputs(name)
        for i, spec in enumerate(_expected(name)):
            out = _pick(outputs, spec, i)
            for item in spec.get(kind, []):
                if not CHECKS[kind](out, item):
                    missing.append((name, item))
    assert not missing, "\n".join(f"{n}: {i}" for n, i in missing)


def test_absent_mentions():
    for name in CASES:
        outputs = example_outputs(name)
        for i, spec in enumerate(_expected(name)):
            out = _pick(outputs, spec, i)
            texts = {m["text"] for m in out["mentions"]}
            for text in spec.get("absent_mentions", []):
                assert not any(t == text or t.startswith(text) for t in texts), (name, text)


def _known_misses():
    for name in CASES:
        for i, spec in enumerate(_expected(name)):
            for j, miss in enumerate(spec.get("known_misses", [])):
                yield pytest.param(name, i, miss, id=f"{name}-{j}")


@pytest.mark.parametrize("name,index,miss", list(_known_misses()))
def test_known_misses_are_still_missed(name, index, miss):
    """Gaps we know of, stated in the expected files. When one starts to pass, move
    it into the expectations: this test fails so that it is noticed."""
    out = _pick(example_outputs(name), _expected(name)[index], index)
    assert not CHECKS[miss["kind"]](out, miss["item"]), f"now found, move it into the expectations: {miss}"


def test_pronouns_are_mentions_resolved_to_their_speaker_or_antecedent(extractor):
    from factions.model import Document

    text = ('Colonel Rami Aziz said the convoy was hit at dawn. "I saw the smoke from the hill," he said. '
            '"We will not withdraw," the Desert Brigade said in a statement. They later moved north.')
    out = extractor.extract(Document(source="t", text=text)).as_dict()
    names = {a["id"]: a["name"] for a in out["actors"]}
    pron = {m["text"]: names.get(m["actor"]) for m in out["mentions"] if m["basis"] == "pronoun"}
    assert pron["I"] == "Rami Aziz" and pron["he"] == "Rami Aziz"
    assert pron["We"] == "Desert Brigade" and pron["They"] == "Desert Brigade"


def test_a_state_that_acts_is_labelled_an_organisation(extractor):
    from factions.model import Document

    text = "Russia vetoed the resolution. Aid convoys reached villages in Russia."
    out = extractor.extract(Document(source="t", text=text)).as_dict()
    labels = [(m["text"], m["label"]) for m in out["mentions"] if m["text"] == "Russia"]
    assert labels == [("Russia", "ORG"), ("Russia", "GPE")]


def test_press_release_statement_after_said_colon(extractor):
    from factions.model import Document

    text = ("Minister issues statement on the siege\n\nForeign Minister, Lina Haddad, said:\n\n"
            "I condemn the shelling of the old city. We call on all parties to respect the truce.\n\n"
            "It was claimed that the militia withdrew.")
    out = extractor.extract(Document(source="t", text=text)).as_dict()
    names = {a["id"]: a["name"] for a in out["actors"]}
    (claim,) = out["claims"]
    assert names[claim["speaker"]] == "Lina Haddad" and claim["direct_quote"]
    assert text[claim["content_span"]["start"] : claim["content_span"]["end"]] == "I condemn the shelling of the old city. We call on all parties to respect the truce"
    pron = {m["text"]: names.get(m["actor"]) for m in out["mentions"] if m["basis"] == "pronoun"}
    assert pron["I"] == "Lina Haddad"


def test_speaker_span_is_the_speakers_noun_phrase(extractor):
    from factions.model import Document

    text = "Iraqi Vice President Ayad Allawi said on Monday that the talks had failed. The Members of the Security Council urged calm."
    out = extractor.extract(Document(source="t", text=text)).as_dict()
    spans = [text[c["speaker_span"]["start"] : c["speaker_span"]["end"]] for c in out["claims"]]
    assert spans == ["Iraqi Vice President Ayad Allawi", "The Members of the Security Council"]


def test_structural_membership_and_leadership(extractor):
    from factions.model import Document

    text = ("The Desert Front, led by Omar Khalil, attacked the base. The Desert Front is part of the Southern Alliance. "
            "The Southern Alliance, including the Hawks Brigade, rejected the truce. Members of the Hawks Brigade fled.")
    out = extractor.extract(Document(source="t", text=text)).as_dict()
    names = {a["id"]: a["name"] for a in out["actors"]}
    rels = {(r["type"], names[r["source"]], names[r["target"]]) for r in out["relations"]}
    assert ("leads", "Omar Khalil", "Desert Front") in rels
    assert ("member_of", "Desert Front", "Southern Alliance") in rels
    assert ("member_of", "Hawks Brigade", "Southern Alliance") in rels
    assert ("member_of", "Members", "Hawks Brigade") in rels
