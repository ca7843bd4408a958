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


def _parsed(extractor, words, heads, deps, tags, pos, lemmas=None):
    """A Doc with the parse given: the misreadings the repairs are for, as the parser made them."""
    from spacy.tokens import Doc

    return Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_the_noun_after_a_dates_comma_read_as_its_object_is_the_subject(extractor):
    # factions_clause_repairs _subject_read_as_the_dates_object: the parse of "On or around 28
    # May 2020, insurgents of the Front, entered the town" that makes "insurgents" the object of "On"
    from factions.nlp.components import _subject_read_as_the_dates_object

    words = ["On", "or", "around", "28", "May", "2020", ",", "insurgents", "of", "the", "Front", ",", "entered", "the", "town", "."]
    heads = [12, 0, 3, 0, 0, 4, 0, 0, 7, 10, 8, 7, 12, 14, 12, 12]
    deps = ["prep", "cc", "advmod", "conj", "npadvmod", "nummod", "punct", "pobj", "prep", "det", "pobj", "punct", "ROOT", "det",
            "dobj", "punct"]
    tags = ["IN", "CC", "RB", "CD", "NNP", "CD", ",", "NNS", "IN", "DT", "NNP", ",", "VBD", "DT", "NN", "."]
    pos = ["ADP", "CCONJ", "ADV", "NUM", "PROPN", "NUM", "PUNCT", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _subject_read_as_the_dates_object(doc)
    assert (doc[7].dep_, doc[7].head.i) == ("nsubj", 12)
    # a verb with a subject of its own keeps it: the noun stays the date's
    deps[14], heads[14] = "nsubj", 12
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _subject_read_as_the_dates_object(doc)
    assert (doc[7].dep_, doc[7].head.i) == ("pobj", 0)


def test_a_clause_read_as_the_object_of_the_one_after_its_semicolon_is_joined_to_it(extractor):
    # factions_clause_repairs _clause_read_as_the_object_after_a_semicolon: "Teachers marched on
    # Tuesday, demanding pay; the column filled the square", "marched" parsed as the object of
    # "filled" and the participle hung on "filled"
    from factions.nlp.components import _clause_read_as_the_object_after_a_semicolon

    words = ["Teachers", "marched", "on", "Tuesday", ",", "demanding", "pay", ";", "the", "column", "filled", "the", "square", "."]
    heads = [1, 10, 1, 2, 10, 10, 5, 10, 9, 10, 10, 12, 10, 10]
    deps = ["nsubj", "ccomp", "prep", "pobj", "punct", "advcl", "dobj", "punct", "det", "nsubj", "ROOT", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "NNP", ",", "VBG", "NN", ":", "DT", "NN", "VBD", "DT", "NN", "."]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = ["teacher", "march", "on", "Tuesday", ",", "demand", "pay", ";", "the", "column", "fill", "the", "square", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _clause_read_as_the_object_after_a_semicolon(doc)
    assert doc[1].dep_ == "conj" and doc[5].head.i == 1 and doc[4].head.i == 1
    # a verb of speech after the semicolon has its object: "…; the minister said"
    lemmas[10] = "say"
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _clause_read_as_the_object_after_a_semicolon(doc)
    assert doc[1].dep_ == "ccomp" and doc[5].head.i == 10


def test_a_label_whose_bracketed_aside_has_a_word_tagged_a_verb_still_ends_at_its_colon(extractor):
    # nlp.components.label_lead_end: "Ber (Tessit cercle, Kidal region): Malian troops clashed …"
    # with "Tessit" tagged a past participle; a verb outside brackets is a cue's, no label
    from factions.nlp.components import label_lead_end

    words = ["Ber", "(", "Tessit", "cercle", ",", "Kidal", "region", ")", ":", "Malian", "troops", "clashed", "."]
    tags = ["NNP", "-LRB-", "VBN", "NN", ",", "NNP", "NN", "-RRB-", ":", "JJ", "NNS", "VBD", "."]
    pos = ["PROPN", "PUNCT", "VERB", "NOUN", "PUNCT", "PROPN", "NOUN", "PUNCT", "PUNCT", "ADJ", "NOUN", "VERB", "PUNCT"]
    heads = [0, 3, 3, 0, 3, 6, 3, 3, 0, 10, 11, 11, 11]
    deps = ["ROOT", "punct", "amod", "appos", "punct", "compound", "appos", "punct", "punct", "amod", "nsubj", "ROOT", "punct"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    assert label_lead_end(doc, 0) == 8
    doc = _parsed(extractor, ["Officials", "said", ":", "troops", "clashed", "."], [1, 1, 1, 4, 1, 1],
                  ["nsubj", "ROOT", "punct", "nsubj", "ccomp", "punct"], ["NNS", "VBD", ":", "NNS", "VBD", "."],
                  ["NOUN", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"])
    assert label_lead_end(doc, 0) is None


def test_a_hostage_mark_the_parser_hangs_before_the_object_makes_a_taking(extractor):
    # events.triggers._match_trigger: "took hostage 18 customers", the mark parsed as a
    # modifier of the object right after the verb
    from factions.events.triggers import _match_trigger, triggers

    words = ["A", "gunman", "took", "hostage", "18", "customers", "."]
    heads = [1, 2, 2, 5, 5, 2, 2]
    deps = ["det", "nsubj", "ROOT", "nmod", "nummod", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "NN", "CD", "NNS", "."]
    pos = ["DET", "NOUN", "VERB", "NOUN", "NUM", "NOUN", "PUNCT"]
    lemmas = ["a", "gunman", "take", "hostage", "18", "customer", "."]
    found = _match_trigger(_parsed(extractor, words, heads, deps, tags, pos, lemmas)[2], triggers())
    assert found is not None and found[0].type == "ASSAULT"
    # not a mark that is the object's own word after a determiner ("took the hostage …")
    words[3:5], lemmas[3:5], tags[3:5], pos[3:5], deps[3:5] = ["the", "hostage"], ["the", "hostage"], ["DT", "NN"], ["DET", "NOUN"], ["det", "compound"]
    assert _match_trigger(_parsed(extractor, words, heads, deps, tags, pos, lemmas)[2], triggers()) is None


def test_a_subject_read_as_the_conjunct_of_an_object_is_the_next_verbs(extractor):
    # factions_clause_repairs _subject_read_as_an_objects_conjunct: "a car struck them and its
    # occupants attacked them", "occupants" parsed as a second object of "struck" and "attacked"
    # hung with no subject on the main clause
    from factions.nlp.components import _subject_read_as_an_objects_conjunct

    words = ["Riders", "fell", "when", "a", "car", "struck", "them", "and", "its", "occupants", "attacked", "them", "."]
    heads = [1, 1, 5, 4, 5, 1, 5, 6, 9, 6, 1, 10, 1]
    deps = ["nsubj", "ROOT", "advmod", "det", "nsubj", "advcl", "dobj", "cc", "poss", "conj", "conj", "dobj", "punct"]
    tags = ["NNS", "VBD", "WRB", "DT", "NN", "VBD", "PRP", "CC", "PRP$", "NNS", "VBD", "PRP", "."]
    pos = ["NOUN", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PRON", "CCONJ", "PRON", "NOUN", "VERB", "PRON", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _subject_read_as_an_objects_conjunct(doc)
    assert (doc[9].dep_, doc[9].head.i) == ("nsubj", 10) and (doc[10].dep_, doc[10].head.i) == ("conj", 5) and doc[7].head.i == 5
    # a verb with a subject of its own leaves the objects as they are
    deps[11], heads[11] = "nsubj", 10
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _subject_read_as_an_objects_conjunct(doc)
    assert (doc[9].dep_, doc[9].head.i) == ("conj", 6)


def test_a_late_by_naming_people_is_the_agent_of_the_passive(extractor):
    # factions_clause_repairs _agent_read_as_a_preposition: "X was shot outside his home on
    # Monday, a holiday, by two gunmen" with "by" parsed as a preposition of the verb; "by force"
    # names no doer
    from factions.nlp.components import _agent_read_as_a_preposition

    words = ["X", "was", "shot", "on", "Monday", ",", "by", "two", "gunmen", "."]
    heads = [2, 2, 2, 2, 3, 2, 2, 8, 6, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct", "prep", "nummod", "pobj", "punct"]
    tags = ["NNP", "VBD", "VBN", "IN", "NNP", ",", "IN", "CD", "NNS", "."]
    pos = ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "ADP", "NUM", "NOUN", "PUNCT"]
    lemmas = ["X", "be", "shoot", "on", "Monday", ",", "by", "two", "gunman", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _agent_read_as_a_preposition(doc)
    assert (doc[6].dep_, doc[6].head.i) == ("agent", 2)
    words[7:9], lemmas[7:9], tags[7:9], pos[7:9] = ["sheer", "force"], ["sheer", "force"], ["JJ", "NN"], ["ADJ", "NOUN"]
    deps[7] = "advmod"
    heads[7] = 6
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _agent_read_as_a_preposition(doc)
    assert doc[6].dep_ == "prep"


def test_a_past_participle_with_an_object_after_a_vehicle_is_the_verb(extractor):
    # factions_clause_repairs _verb_read_as_a_modifier: "Two gunmen on a motorcycle gunned down a
    # singer", "gunned" parsed as a participle describing the motorcycle and the sentence left
    # with no verb ("a car driven by a bomber" has no object: a participle)
    from factions.nlp.components import _verb_read_as_a_modifier

    words = ["Two", "gunmen", "on", "a", "motorcycle", "gunned", "down", "a", "singer", "."]
    heads = [1, 1, 1, 4, 2, 4, 5, 8, 5, 1]
    deps = ["nummod", "ROOT", "prep", "det", "pobj", "acl", "prt", "det", "dobj", "punct"]
    tags = ["CD", "NNS", "IN", "DT", "NN", "VBN", "RP", "DT", "NN", "."]
    pos = ["NUM", "NOUN", "ADP", "DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _verb_read_as_a_modifier(doc)
    gunned = doc[5]
    assert gunned.dep_ == "ROOT" and (doc[1].dep_, doc[1].head.i) == ("nsubj", 5) and doc[8].head.i == 5


def test_many_of_them_describes_the_group_before_it(extractor):
    # factions_clause_repairs _description_read_as_a_conjunct: "Thousands of protesters, many of
    # them farmers, tried …" with "farmers" parsed as a second subject joined to "Thousands"
    from factions.nlp.components import _description_read_as_a_conjunct

    words = ["Thousands", "of", "protesters", ",", "many", "of", "them", "farmers", ",", "tried", "."]
    heads = [9, 0, 1, 0, 7, 4, 5, 0, 0, 9, 9]
    deps = ["nsubj", "prep", "pobj", "punct", "nsubj", "prep", "pobj", "conj", "punct", "ROOT", "punct"]
    tags = ["NNS", "IN", "NNS", ",", "JJ", "IN", "PRP", "NNS", ",", "VBD", "."]
    pos = ["NOUN", "ADP", "NOUN", "PUNCT", "ADJ", "ADP", "PRON", "NOUN", "PUNCT", "VERB", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _description_read_as_a_conjunct(doc)
    assert (doc[7].dep_, doc[7].head.i) == ("appos", 0)
    # a second subject of its own stays one ("Rebels and farmers")
    words[4:7], tags[4:7], pos[4:7], deps[4:7] = ["and", "the", "local"], ["CC", "DT", "JJ"], ["CCONJ", "DET", "ADJ"], ["cc", "det", "amod"]
    heads[4:7] = [0, 7, 7]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _description_read_as_a_conjunct(doc)
    assert doc[7].dep_ == "conj"


def test_an_object_read_as_a_participles_subject_is_the_verbs_object(extractor):
    # factions_clause_repairs _object_read_as_a_participles_subject: "X claimed the attack in a
    # statement, released on Monday" parsed as a clause "the attack … released"; a participle with
    # an auxiliary heads its clause ("claimed the attack had been planned")
    from factions.nlp.components import _object_read_as_a_participles_subject

    words = ["X", "claimed", "the", "attack", "in", "a", "statement", ",", "released", "on", "Monday", "."]
    heads = [1, 1, 3, 8, 3, 6, 4, 6, 1, 8, 9, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "prep", "det", "pobj", "punct", "ccomp", "prep", "pobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "IN", "DT", "NN", ",", "VBN", "IN", "NNP", "."]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _object_read_as_a_participles_subject(doc)
    assert (doc[3].dep_, doc[3].head.i) == ("dobj", 1) and (doc[8].dep_, doc[8].head.i) == ("acl", 6) and doc[4].head.i == 1
    words = ["X", "claimed", "the", "attack", "had", "been", "planned", "."]
    heads = [1, 1, 3, 6, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "det", "nsubjpass", "aux", "auxpass", "ccomp", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", "VBN", "VBN", "."]
    pos = ["PROPN", "VERB", "DET", "NOUN", "AUX", "AUX", "VERB", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _object_read_as_a_participles_subject(doc)
    assert (doc[6].dep_, doc[6].head.i) == ("ccomp", 1)


def test_a_phrase_hung_on_a_gap_in_time_is_the_verbs(extractor):
    # factions_clause_repairs _phrase_after_a_gap_in_time: "set off two bombs minutes apart outside
    # the bank and the school", with "outside" hung on "minutes" and "school" joined to it, or with
    # "minutes" read as the object and "bombs" a word of it
    from factions.nlp.components import _phrase_after_a_gap_in_time

    words = ["X", "detonated", "two", "bombs", "minutes", "apart", "outside", "the", "bank", "and", "the", "school", "."]
    heads = [1, 1, 3, 1, 1, 4, 4, 8, 6, 4, 11, 4, 1]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "npadvmod", "advmod", "prep", "det", "pobj", "cc", "det", "conj", "punct"]
    tags = ["NNP", "VBD", "CD", "NNS", "NNS", "RB", "IN", "DT", "NN", "CC", "DT", "NN", "."]
    pos = ["PROPN", "VERB", "NUM", "NOUN", "NOUN", "ADV", "ADP", "DET", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT"]
    lemmas = ["X", "detonate", "two", "bomb", "minute", "apart", "outside", "the", "bank", "and", "the", "school", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _phrase_after_a_gap_in_time(doc)
    assert doc[6].head.i == 1 and (doc[11].dep_, doc[11].head.i) == ("conj", 8)
    heads[3], deps[3], heads[4], deps[4] = 4, "compound", 1, "dobj"
    heads[2] = 4
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _phrase_after_a_gap_in_time(doc)
    assert (doc[3].dep_, doc[3].head.i, doc[2].head.i, doc[4].dep_) == ("dobj", 1, 3, "npadvmod") and doc[6].head.i == 1


def test_a_participle_with_no_object_after_a_charge_carried_is_the_verb(extractor):
    # factions_clause_repairs _intransitive_verb_read_as_a_modifier: "A van packed with explosives
    # blew up at the gate", "blew" parsed as a participle describing "explosives"; not with a
    # comma between ("Troops, backed by jets, clashed with fighters dug into the hills")
    from factions.nlp.components import _intransitive_verb_read_as_a_modifier

    words = ["A", "van", "packed", "with", "explosives", "detonated", "at", "the", "gate", "."]
    heads = [1, 1, 1, 2, 3, 4, 5, 8, 6, 1]
    deps = ["det", "ROOT", "acl", "prep", "pobj", "acl", "prep", "det", "pobj", "punct"]
    tags = ["DT", "NN", "VBN", "IN", "NNS", "VBN", "IN", "DT", "NN", "."]
    pos = ["DET", "NOUN", "VERB", "ADP", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _intransitive_verb_read_as_a_modifier(doc)
    assert doc[5].dep_ == "ROOT" and (doc[1].dep_, doc[1].head.i) == ("nsubj", 5) and doc[9].head.i == 5
    words[2:2] = [","]
    words[6:6] = [","]
    heads = [1, 1, 3, 1, 3, 4, 1, 5, 7, 10, 8, 1]
    deps = ["det", "ROOT", "punct", "acl", "prep", "pobj", "punct", "acl", "prep", "det", "pobj", "punct"]
    tags = ["DT", "NN", ",", "VBN", "IN", "NNS", ",", "VBN", "IN", "DT", "NN", "."]
    pos = ["DET", "NOUN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _intransitive_verb_read_as_a_modifier(doc)
    assert doc[1].dep_ == "ROOT"


def test_people_read_as_the_verb_of_a_plural_before_them_are_a_noun(extractor):
    # factions_clause_repairs _people_read_as_verb_of_a_plural: "killed 12 women inmates" with
    # "inmates" tagged as a present verb whose subject is "women"
    from factions.nlp.components import _people_read_as_verb_of_a_plural

    words = ["Gangs", "killed", "12", "women", "inmates", "."]
    heads = [1, 1, 3, 4, 1, 1]
    deps = ["nsubj", "ROOT", "nummod", "nsubj", "ccomp", "punct"]
    tags = ["NNS", "VBD", "CD", "NNS", "VBZ", "."]
    pos = ["NOUN", "VERB", "NUM", "NOUN", "VERB", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _people_read_as_verb_of_a_plural(doc, None)
    assert (doc[4].pos_, doc[4].dep_, doc[3].dep_, doc[2].head.i) == ("NOUN", "dobj", "compound", 4)
    words[3], tags[3] = "woman", "NN"  # a singular before it agrees with the verb: left alone
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _people_read_as_verb_of_a_plural(doc, None)
    assert doc[4].pos_ == "VERB"


def test_a_bracketed_report_read_as_the_verb_hands_the_sentence_back(extractor):
    # factions_clause_repairs _bracketed_report_read_as_the_verb: "On 3 May (reported 5 May),
    # rebels took the town" parsed with "reported" the root and "took" its conjunct
    from factions.nlp.components import _bracketed_report_read_as_the_verb

    words = ["On", "3", "May", "(", "reported", "5", "May", ")", ",", "rebels", "took", "the", "town", "."]
    heads = [4, 2, 0, 4, 4, 6, 4, 4, 4, 10, 4, 12, 10, 4]
    deps = ["prep", "nummod", "pobj", "punct", "ROOT", "nummod", "npadvmod", "punct", "punct", "nsubj", "conj", "det", "dobj", "punct"]
    tags = ["IN", "CD", "NNP", "-LRB-", "VBD", "CD", "NNP", "-RRB-", ",", "NNS", "VBD", "DT", "NN", "."]
    pos = ["ADP", "NUM", "PROPN", "PUNCT", "VERB", "NUM", "PROPN", "PUNCT", "PUNCT", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = ["on", "3", "May", "(", "report", "5", "May", ")", ",", "rebel", "take", "the", "town", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _bracketed_report_read_as_the_verb(doc)
    assert doc[10].dep_ == "ROOT" and doc[0].head.i == 10 and (doc[4].dep_, doc[4].head.i) == ("parataxis", 10)
    assert doc[6].head.i == 4 and doc[13].head.i == 10


def test_a_participle_like_a_noun_after_be_is_the_passive_verb(extractor):
    # factions_clause_repairs _participle_read_as_a_noun: "The post was overrun by rebels" with
    # "overrun" tagged as a noun, the complement of "was"
    from factions.nlp.components import _participle_read_as_a_noun

    words = ["The", "post", "was", "overrun", "by", "rebels", "."]
    heads = [1, 2, 2, 2, 3, 4, 2]
    deps = ["det", "nsubj", "ROOT", "attr", "prep", "pobj", "punct"]
    tags = ["DT", "NN", "VBD", "NN", "IN", "NNS", "."]
    pos = ["DET", "NOUN", "AUX", "NOUN", "ADP", "NOUN", "PUNCT"]
    lemmas = ["the", "post", "be", "overrun", "by", "rebel", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _participle_read_as_a_noun(doc)
    assert (doc[3].dep_, doc[3].pos_) == ("ROOT", "VERB") and (doc[1].dep_, doc[1].head.i) == ("nsubjpass", 3)
    assert (doc[2].dep_, doc[4].dep_) == ("auxpass", "agent")


def test_a_when_clause_read_as_a_conjunct_is_a_clause_of_the_verb(extractor):
    # factions_clause_repairs _subordinate_clause_read_as_conjunct: "Fighting broke out when gunmen
    # attacked the port" with "attacked" joined to "broke" and "when" hung on "gunmen"; a list
    # with "and" is no such clause
    from factions.nlp.components import _subordinate_clause_read_as_conjunct

    words = ["Fighting", "broke", "out", "when", "gunmen", "attacked", "the", "port", "."]
    heads = [1, 1, 1, 4, 5, 1, 7, 5, 1]
    deps = ["nsubj", "ROOT", "prt", "advmod", "nsubj", "conj", "det", "dobj", "punct"]
    tags = ["NN", "VBD", "RP", "WRB", "NNS", "VBD", "DT", "NN", "."]
    pos = ["NOUN", "VERB", "ADP", "SCONJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _subordinate_clause_read_as_conjunct(doc)
    assert (doc[5].dep_, doc[3].head.i, doc[3].dep_) == ("advcl", 5, "advmod")
    words[3], tags[3], pos[3], deps[3], heads[3] = "and", "CC", "CCONJ", "cc", 1
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _subordinate_clause_read_as_conjunct(doc)
    assert doc[5].dep_ == "conj"


def test_a_present_participle_read_as_the_verb_describes_its_subject(extractor):
    # factions_clause_repairs _participle_read_as_the_main_verb: "Teachers answering a call
    # demonstrated" with "answering" the root and "demonstrated" its clause
    from factions.nlp.components import _participle_read_as_the_main_verb

    words = ["Teachers", "answering", "a", "call", "demonstrated", "."]
    heads = [1, 1, 3, 1, 1, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "ccomp", "punct"]
    tags = ["NNS", "VBG", "DT", "NN", "VBD", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _participle_read_as_the_main_verb(doc)
    assert doc[4].dep_ == "ROOT" and (doc[0].dep_, doc[0].head.i) == ("nsubj", 4) and (doc[1].dep_, doc[1].head.i) == ("acl", 0)
    assert doc[5].head.i == 4


def test_a_repeated_of_joins_its_object_to_the_first(extractor):
    # factions_clause_repairs _repeated_of_read_apart: "delegations of A and of B" with both
    # "of" phrases on "delegations"
    from factions.nlp.components import _repeated_of_read_apart

    words = ["Delegations", "of", "Chad", "and", "of", "Sudan", "signed", "."]
    heads = [6, 0, 1, 0, 0, 4, 6, 6]
    deps = ["nsubj", "prep", "pobj", "cc", "prep", "pobj", "ROOT", "punct"]
    tags = ["NNS", "IN", "NNP", "CC", "IN", "NNP", "VBD", "."]
    pos = ["NOUN", "ADP", "PROPN", "CCONJ", "ADP", "PROPN", "VERB", "PUNCT"]
    lemmas = ["delegation", "of", "Chad", "and", "of", "Sudan", "sign", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _repeated_of_read_apart(doc)
    assert (doc[5].dep_, doc[5].head.i, doc[4].head.i) == ("conj", 2, 5)
    # units of their own: "units of the army and of the police" stay two phrases
    words[0], lemmas[0] = "Units", "unit"
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _repeated_of_read_apart(doc)
    assert (doc[5].dep_, doc[4].head.i) == ("pobj", 0)


def test_a_toll_read_on_an_as_clause_is_the_toll_of_the_act_it_hangs_on(extractor):
    # factions_clause_repairs _toll_read_on_a_subordinate_clause: "A bomb exploded at a checkpoint
    # as soldiers stopped it, killing ten people" with "killing" hung on "stopped"
    from factions.nlp.components import _toll_read_on_a_subordinate_clause

    words = ["A", "bomb", "exploded", "at", "a", "checkpoint", "as", "soldiers", "stopped", "it", ",", "killing", "ten",
             "people", "."]
    heads = [1, 2, 2, 2, 5, 3, 8, 8, 2, 8, 8, 8, 13, 11, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "advcl", "dobj", "punct", "advcl", "nummod",
            "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "DT", "NN", "IN", "NNS", "VBD", "PRP", ",", "VBG", "CD", "NNS", "."]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "NOUN", "VERB", "PRON", "PUNCT", "VERB", "NUM", "NOUN", "PUNCT"]
    lemmas = ["a", "bomb", "explode", "at", "a", "checkpoint", "as", "soldier", "stop", "it", ",", "kill", "ten", "people", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _toll_read_on_a_subordinate_clause(doc)
    assert (doc[11].dep_, doc[11].head.i) == ("advcl", 2) and doc[10].head.i == 2
    # a clause of "after" keeps its participle: its own act's toll
    words[6], lemmas[6] = "after", "after"
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _toll_read_on_a_subordinate_clause(doc)
    assert doc[11].head.i == 8


def test_an_of_after_a_lists_last_item_hangs_on_that_item(extractor):
    # factions_clause_repairs _of_on_the_first_of_a_list: "Marines and soldiers of the army"
    # with the "of" on "Marines"
    from factions.nlp.components import _of_on_the_first_of_a_list

    words = ["Marines", "and", "soldiers", "of", "the", "army", "fired", "."]
    heads = [6, 0, 0, 0, 5, 3, 6, 6]
    deps = ["nsubj", "cc", "conj", "prep", "det", "pobj", "ROOT", "punct"]
    tags = ["NNS", "CC", "NNS", "IN", "DT", "NN", "VBD", "."]
    pos = ["NOUN", "CCONJ", "NOUN", "ADP", "DET", "NOUN", "VERB", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _of_on_the_first_of_a_list(doc)
    assert doc[3].head.i == 2
    # an "of" on the first item's own phrase, before the list goes on, stays its
    words = ["Units", "of", "the", "army", "and", "police", "fired", "."]
    heads = [6, 0, 3, 1, 0, 0, 6, 6]
    deps = ["nsubj", "prep", "det", "pobj", "cc", "conj", "ROOT", "punct"]
    tags = ["NNS", "IN", "DT", "NN", "CC", "NNS", "VBD", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _of_on_the_first_of_a_list(doc)
    assert doc[1].head.i == 0


def test_a_prepositions_second_object_read_as_the_verbs_joins_the_first(extractor):
    # factions_clause_repairs _conjunct_read_as_an_object: "marched against the army and the
    # deal" with "the deal" the march's object
    from factions.nlp.components import _conjunct_read_as_an_object

    words = ["Crowds", "marched", "against", "the", "army", "and", "the", "deal", "."]
    heads = [1, 1, 1, 4, 2, 4, 7, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "cc", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "CC", "DT", "NN", "."]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _conjunct_read_as_an_object(doc)
    assert (doc[7].dep_, doc[7].head.i) == ("conj", 4)


def test_a_target_of_fire_hung_on_where_it_came_from_is_the_verbs(extractor):
    # factions_clause_repairs _target_hung_on_the_origin: "fired rockets from the district at the
    # zone" with "at" on "district"; not a base named by where it is
    from factions.nlp.components import _target_hung_on_the_origin

    words = ["They", "fired", "rockets", "from", "the", "district", "at", "the", "zone", "."]
    heads = [1, 1, 1, 1, 5, 3, 5, 8, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "det", "pobj", "punct"]
    tags = ["PRP", "VBD", "NNS", "IN", "DT", "NN", "IN", "DT", "NN", "."]
    pos = ["PRON", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    lemmas = ["they", "fire", "rocket", "from", "the", "district", "at", "the", "zone", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _target_hung_on_the_origin(doc)
    assert doc[6].head.i == 1
    words[5], lemmas[5] = "base", "base"
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _target_hung_on_the_origin(doc)
    assert doc[6].head.i == 5


def test_a_tolls_participle_read_as_a_description_of_the_object_is_the_verbs(extractor):
    # factions_clause_repairs _toll_read_as_a_description: "ambushed a column of guards, killing a
    # driver" with "killing" describing "column"; not a participle with a subject of its own
    from factions.nlp.components import _toll_read_as_a_description

    words = ["Bandits", "ambushed", "a", "column", "of", "guards", ",", "killing", "a", "driver", "."]
    heads = [1, 1, 3, 1, 3, 4, 7, 3, 9, 7, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "acl", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "IN", "NNS", ",", "VBG", "DT", "NN", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = ["bandit", "ambush", "a", "column", "of", "guard", ",", "kill", "a", "driver", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _toll_read_as_a_description(doc)
    assert (doc[7].dep_, doc[7].head.i) == ("advcl", 1)
    # (hung on the guards themselves, "guards, killing" with no comma-less subject: the same)
    heads[7] = 5
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _toll_read_as_a_description(doc)
    assert doc[7].head.i == 1
    # a description without the comma stays one ("guards carrying rifles")
    words[6], tags[6], pos[6], lemmas[6], deps[6] = "now", "RB", "ADV", "now", "advmod"
    heads[7] = 3
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    _toll_read_as_a_description(doc)
    assert (doc[7].dep_, doc[7].head.i) == ("acl", 3)


def test_a_name_a_person_noun_is_known_as_is_a_persons(extractor):
    # nlp.components._person_by_context: "a militant known as Abu Tora", which the model may
    # read as a place, is one person's name; a town's is not
    from spacy.tokens import Span

    from factions.nlp.components import _person_by_context

    words = ["A", "militant", "known", "as", "Abu", "Tora", "stabbed", "him", "."]
    heads = [1, 6, 1, 2, 5, 3, 6, 6, 6]
    deps = ["det", "nsubj", "acl", "prep", "compound", "pobj", "ROOT", "dobj", "punct"]
    tags = ["DT", "NN", "VBN", "IN", "NNP", "NNP", "VBD", "PRP", "."]
    pos = ["DET", "NOUN", "VERB", "ADP", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"]
    lemmas = ["a", "militant", "know", "as", "Abu", "Tora", "stab", "he", "."]
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    assert _person_by_context(Span(doc, 4, 6, label="LOC"), [])
    words[1], lemmas[1] = "town", "town"
    doc = _parsed(extractor, words, heads, deps, tags, pos, lemmas)
    assert not _person_by_context(Span(doc, 4, 6, label="LOC"), [])


def test_a_prepositions_object_read_as_a_gerunds_subject_is_its_object(extractor):
    # factions_clause_repairs _object_read_as_a_gerunds_subject: "fired at Soldiers guarding the
    # wall" with "Soldiers" the subject of a gerund "at" takes
    from factions.nlp.components import _object_read_as_a_gerunds_subject

    words = ["Gunmen", "fired", "at", "Soldiers", "guarding", "the", "wall", "."]
    heads = [1, 1, 1, 4, 2, 6, 4, 1]
    deps = ["nsubj", "ROOT", "prep", "nsubj", "pcomp", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "NNS", "VBG", "DT", "NN", "."]
    pos = ["NOUN", "VERB", "ADP", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _object_read_as_a_gerunds_subject(doc)
    assert (doc[3].dep_, doc[3].head.i) == ("pobj", 2) and (doc[4].dep_, doc[4].head.i) == ("acl", 3)
    # a gerund with its own subject further on stays a clause ("after the rebels seized it …" is another shape)
    words[3], tags[3], pos[3], deps[3] = "they", "PRP", "PRON", "nsubj"
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _object_read_as_a_gerunds_subject(doc)
    assert doc[4].dep_ == "pcomp"


def test_a_lists_first_plural_read_as_its_last_nouns_modifier_heads_the_list(extractor):
    # factions_clause_repairs _plural_read_as_a_modifier_of_its_conjunct: "blew up bridges and
    # power pylons" with "bridges and power" a modifier of "pylons"; not "water and power lines"
    from factions.nlp.components import _plural_read_as_a_modifier_of_its_conjunct

    words = ["They", "blew", "up", "bridges", "and", "power", "pylons", "."]
    heads = [1, 1, 1, 6, 3, 3, 1, 1]
    deps = ["nsubj", "ROOT", "prt", "nmod", "cc", "conj", "dobj", "punct"]
    tags = ["PRP", "VBD", "RP", "NNS", "CC", "NN", "NNS", "."]
    pos = ["PRON", "VERB", "ADP", "NOUN", "CCONJ", "NOUN", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _plural_read_as_a_modifier_of_its_conjunct(doc)
    assert (doc[3].dep_, doc[3].head.i) == ("dobj", 1)
    assert (doc[6].dep_, doc[6].head.i) == ("conj", 3) and (doc[5].dep_, doc[5].head.i) == ("compound", 6)
    words[3], tags[3] = "water", "NN"
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _plural_read_as_a_modifier_of_its_conjunct(doc)
    assert (doc[3].dep_, doc[3].head.i) == ("nmod", 6)


def test_a_day_read_into_the_subject_after_its_preposition_is_that_prepositions(extractor):
    # factions_clause_repairs _day_read_into_the_subject_after_its_preposition: "In the afternoon
    # gunmen fired" with "the afternoon" a modifier of "gunmen" and "In" left without an object
    from factions.nlp.components import _day_read_into_the_subject_after_its_preposition

    words = ["In", "the", "afternoon", "gunmen", "fired", "."]
    heads = [4, 3, 3, 4, 4, 4]
    deps = ["prep", "det", "compound", "nsubj", "ROOT", "punct"]
    tags = ["IN", "DT", "NN", "NNS", "VBD", "."]
    pos = ["ADP", "DET", "NOUN", "NOUN", "VERB", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _day_read_into_the_subject_after_its_preposition(doc)
    assert (doc[2].dep_, doc[2].head.i) == ("pobj", 0) and doc[1].head.i == 2 and doc[3].dep_ == "nsubj"


def test_thanks_is_a_verb_only_in_a_sentence_with_no_other(extractor):
    # factions_clause_repairs _thanks_read_as_a_noun: "Ukraine thanks Germany" has no verb but
    # "thanks"; "Many thanks to the organisers" has no subject for it
    doc = extractor.nlp("Ukraine thanks Germany and Britain. Many thanks to the organisers.")
    first, second = [t for t in doc if t.lower_ == "thanks"]
    assert (first.tag_, first.dep_) == ("VBZ", "ROOT") and {c.text: c.dep_ for c in first.children}.get("Ukraine") == "nsubj"
    assert second.tag_ == "NNS"


def test_a_participle_hung_on_an_absolute_phrase_is_the_verbs(extractor):
    # factions_clause_repairs _participle_hung_on_an_absolute_phrase: "adopted it, with China
    # abstaining, imposing an embargo" with "imposing" on "abstaining"
    from factions.nlp.components import _participle_hung_on_an_absolute_phrase

    words = ["It", "adopted", "it", ",", "with", "China", "abstaining", ",", "imposing", "an", "embargo", "."]
    heads = [1, 1, 1, 1, 1, 4, 5, 6, 6, 10, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "prep", "pobj", "acl", "punct", "advcl", "det", "dobj", "punct"]
    tags = ["PRP", "VBD", "PRP", ",", "IN", "NNP", "VBG", ",", "VBG", "DT", "NN", "."]
    pos = ["PRON", "VERB", "PRON", "PUNCT", "ADP", "PROPN", "VERB", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _participle_hung_on_an_absolute_phrase(doc)
    assert doc[8].head.i == 1
    # not on a phrase of "without" ("without any state abstaining, imposing …" is no absolute "with")
    words[4] = "without"
    doc = _parsed(extractor, words, heads, deps, tags, pos)
    _participle_hung_on_an_absolute_phrase(doc)
    assert doc[8].head.i == 6
