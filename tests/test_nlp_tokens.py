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


def test_the_integer_tree_is_the_parse(extractor):
    from factions.nlp import object_of, relative_noun, tree

    text = "Hayat Tahrir al-Sham, which split from al-Qaeda, took control of Idlib after the fall of the city."
    _, doc = next(analyze(extractor.nlp, [Document(source="t", text=text)]))
    t = tree(doc)
    assert t.heads == [tok.head.i for tok in doc]
    assert t.deps == [tok.dep_ for tok in doc] and t.pos == [tok.pos_ for tok in doc]
    assert t.children == [[c.i for c in tok.children] for tok in doc]
    which = next(tok for tok in doc if tok.lower_ == "which")
    assert relative_noun(which).text == "Sham" and relative_noun(doc[0]) is None
    fall = next(tok for tok in doc if tok.lower_ == "fall")
    assert object_of(fall).text == "city" and object_of(fall, "to") is None
