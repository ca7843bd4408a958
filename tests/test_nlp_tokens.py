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


def _stock_and_table():
    import spacy

    from factions.nlp import pipeline as P
    from factions.nlp.attributes import TableAttributeRuler, TableLemmatizer, use_table_lemmatizer, use_table_ruler

    stock = spacy.load(P.DEFAULT_MODEL)
    P._past_forms(stock)
    table = spacy.load(P.DEFAULT_MODEL)
    use_table_ruler(table)
    use_table_lemmatizer(table)
    P._past_forms(table)
    assert isinstance(table.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(table.get_pipe("lemmatizer"), TableLemmatizer)
    assert not isinstance(stock.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert not isinstance(stock.get_pipe("lemmatizer"), TableLemmatizer)
    return stock, table


def _annotations(doc):
    return [(t.tag_, t.pos_, t.lemma_, str(t.morph)) for t in doc]


def test_the_table_attribute_ruler_annotates_as_spacys_does(monkeypatch):
    # nlp/attributes.py: the same patterns matched by table, and lemmas looked up by
    # table, must give every token the same tag, part of speech, lemma and morphology
    # as spaCy's Matcher and lemmatizer do
    from pathlib import Path

    from factions.read import read_inputs

    stock, table = _stock_and_table()
    texts = [d.text for d in read_inputs([str(Path(__file__).parent.parent / "examples" / "corpus")])]
    texts += ["He ain't gonna go. Fighters have already overrun five bases; they swore loyalty and retook Kidal.\n\n  Done."]
    assert table.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    n = 0
    for a, b in zip(stock.pipe(texts), table.pipe(texts)):
        assert _annotations(a) == _annotations(b)
        n += len(a)
    assert table.get_pipe("attribute_ruler").supported and n > 1000
    # the table forgets what it has seen past its limit, and still annotates the same
    from factions.nlp import attributes

    monkeypatch.setattr(attributes, "MEMO_LIMIT", 5)
    unseen = ["Quorvath militiamen ambushed a Zelmari convoy; Vantrop's envoy deplored it, grimly."] + texts[:2]
    for a, b in zip(stock.pipe(unseen), table.pipe(unseen)):
        assert _annotations(a) == _annotations(b)
    assert len(table.get_pipe("attribute_ruler")._memo) <= 5
    assert 0 < len(table.get_pipe("lemmatizer")._lemma_memo) <= 5
    # what the table cannot read leaves the ruler to the Matcher, with the same result
    for nlp in (stock, table):
        nlp.get_pipe("attribute_ruler").add(patterns=[[{"LOWER": "they"}, {"LOWER": "swore", "OP": "?"}]], attrs={"LEMMA": "THEY"})
    a, b = stock(texts[-1]), table(texts[-1])
    assert not table.get_pipe("attribute_ruler").supported
    assert _annotations(a) == _annotations(b) and "THEY" in [t.lemma_ for t in b]


def test_entities_and_text_read_from_the_tokens_agree_with_spacy(extractor):
    from factions.nlp.tokens import doc_text, entity_of

    text = "Damascus, SANA - The Syrian Arab Army and Hayat Tahrir al-Sham clashed near Idlib on Monday."
    _, doc = next(analyze(extractor.nlp, [Document(source="t", text=text)]))
    assert len(doc.ents) >= 3
    for ent in doc.ents:
        for token in ent:
            found = entity_of(token)
            assert (found.start, found.end, found.label_) == (ent.start, ent.end, ent.label_)
    assert all(entity_of(t) is None for t in doc if not t.ent_type_)
    assert doc_text(doc) == doc.text == text
    doc.user_data.pop("text")  # a Doc made elsewhere: built once on first use
    assert doc_text(doc) == text and doc.user_data["text"] == text


def test_words_that_can_be_acronyms_are_found_on_the_arrays(extractor):
    from factions.nlp.components import _capitalised_within

    text = "FAMa soldiers and SSPDF troops met the UN envoy in Juba; McKenzie and Mr Ali said it was over."
    _, doc = next(analyze(extractor.nlp, [Document(source="t", text=text)]))
    scanned = [t.i for t in doc if t.is_alpha and sum(c.isupper() for c in t.text) >= 2]
    assert [t.i for t in _capitalised_within(doc)] == scanned and len(scanned) >= 4


def test_the_actor_index_indexes_mentions_added_later_in_order_of_start():
    # actors.index.ActorIndex._index_by_start: mentions appended after a lookup are placed
    # by where they start, after earlier ones with the same start, as a stable sort would
    from factions.actors.index import ActorIndex
    from factions.kb import load_kb
    from factions.model import Actor, Document, Mention, Span

    text = "Alpha Brigade met Beta Front and Gamma Army in Delta."
    actors = [Actor(id=f"a{i}", name=n, kind="armed_group") for i, n in enumerate(["Alpha Brigade", "Beta Front", "Gamma Army"], 1)]
    first = [Mention(Span(33, 43), "Gamma Army", "ORG", actor="a3"), Mention(Span(0, 13), "Alpha Brigade", "ORG", actor="a1")]
    index = ActorIndex(Document(source="t", text=text), first, actors, load_kb())
    assert index.mention_at(18, 22) is None
    index.mentions.append(Mention(Span(18, 28), "Beta Front", "ORG", actor="a2"))
    index.mentions.append(Mention(Span(18, 22), "Beta", "ORG", actor="a2"))
    assert [m.text for m in index.mentions_within(0, len(text))] == ["Alpha Brigade", "Beta Front", "Beta", "Gamma Army"]
    assert index.mention_at(18, 22).text == "Beta"  # the smallest covering mention, once the new ones are indexed


def test_a_verb_after_an_aside_takes_the_place_of_a_root_opened_by_after(extractor):
    # factions_clause_repairs _verb_read_as_a_modifier, _verb_after_an_aside: the parse of "Army
    # troops, backed by aircraft, fought members of the Front, after the junta declared martial
    # law" that makes the "after" clause the root and "fought" an adjective of "members"
    from spacy.tokens import Doc

    from factions.nlp.components import _verb_read_as_a_modifier

    words = ["Army", "troops", ",", "backed", "by", "aircraft", ",", "fought", "members", "of", "the", "Front", ",",
             "after", "the", "junta", "declared", "martial", "law", "."]
    heads = [1, 16, 1, 1, 3, 4, 1, 8, 1, 8, 11, 9, 16, 16, 15, 16, 16, 18, 16, 16]
    deps = ["compound", "nsubj", "punct", "acl", "agent", "pobj", "punct", "amod", "appos", "prep", "det", "pobj", "punct",
            "mark", "det", "nsubj", "ROOT", "amod", "dobj", "punct"]
    tags = ["NN", "NNS", ",", "VBN", "IN", "NN", ",", "VBD", "NNS", "IN", "DT", "NNP", ",", "IN", "DT", "NN", "VBD", "JJ", "NN", "."]
    pos = ["NOUN", "NOUN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT", "VERB", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "SCONJ",
           "DET", "NOUN", "VERB", "ADJ", "NOUN", "PUNCT"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, sent_starts=[True] + [False] * 19)
    _verb_read_as_a_modifier(doc)
    fought, declared = doc[7], doc[16]
    assert fought.dep_ == "ROOT" and fought.head == fought
    assert {(c.text, c.dep_) for c in fought.children} >= {("troops", "nsubj"), ("members", "dobj"), ("declared", "advcl")}
    assert declared.head == fought
