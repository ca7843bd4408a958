"""tokens_where finds the same tokens a full scan would, on the Doc's arrays."""

from factions.nlp import tokens_where
from factions.nlp.pipeline import analyze
from factions.model import Document


def test_tokens_where_agrees_with_a_scan(extractor):
    text = "Al-Shabaab attacked the base. The Army said it had Attacked them, and said so again."
    _, doc = next(analyze(extractor.nlp, [Document(source="t", text=text)]))
    lemmas, lowers, deps = frozenset({"attack", "say"}), frozenset({"army"}), frozenset({"nsubj"})
    found = [t.i for t in tokens_where(doc, lemmas=lemmas, lowers=lowers, deps=deps)]
    scanned = [t.i for t in doc if t.lemma_.lower() in lemmas or t.lower_ in lemmas | lowers or t.dep_ in deps]
    assert found == scanned and len(found) >= 5
    assert tokens_where(doc) == []
