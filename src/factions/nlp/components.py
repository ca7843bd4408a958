"""The project's spaCy components, registered by name (spaCy's factory registry)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from factions.actors.kb import LABEL_OF_KIND, KnowledgeBase, is_acronym
from factions.lexicons import lexicon

if not Doc.has_extension("nominals"):
    Doc.set_extension("nominals", default=None)
if not Doc.has_extension("acronyms"):
    Doc.set_extension("acronyms", default=None)


@lru_cache(maxsize=1)
def substitutions() -> list[tuple[re.Pattern, str]]:
    """Same-length rewrites of the model's view of the text (model_view.toml)."""
    out = []
    for entry in lexicon("model_view")["substitution"]:
        if len(entry["replacement"]) != len(entry["original"]):
            raise ValueError(f"model_view.toml: '{entry['replacement']}' must be as long as '{entry['original']}'")
        out.append((re.compile(entry["pattern"]), entry["replacement"]))
    return out


def kb_patterns(nlp: Language, kb: KnowledgeBase) -> list[dict]:
    """Entity-ruler token patterns: acronyms by exact spelling ("IS", never "is"),
    other names by lower case. An acronym the model view rewrites ("IS" read as
    "IZ") is matched in its rewritten form."""
    rewritten = {e["original"]: e["replacement"] for e in lexicon("model_view")["substitution"]}
    patterns = []
    for actor in kb.actors.values():
        label = LABEL_OF_KIND.get(actor.kind, "ORG")
        for name in actor.all_names():
            tokens = [t.text for t in nlp.make_doc(name)]
            if not tokens:
                continue
            if is_acronym(name):
                pattern = [{"ORTH": rewritten.get(t, t)} for t in tokens]
            else:
                pattern = [{"LOWER": t.lower()} for t in tokens]
            patterns.append({"label": label, "pattern": pattern, "id": actor.id})
    return patterns


def nominal_lexicon() -> dict:
    return lexicon("nominals")


_INTRODUCED = re.compile(r"\(([A-Z][A-Za-z\-]{1,7})\)")


@Language.component("factions_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A blank line (or a blanked header line) ends a sentence: titles, bylines and
    paragraphs are never joined into one sentence by the parser."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("factions_text_acronyms")
def make_text_acronyms(nlp: Language, name: str):
    """Acronyms introduced in the text, "the Islamic State (IS)": later bare uses of
    the acronym become mentions with the full name's label and knowledge-base id."""

    def text_acronyms(doc: Doc) -> Doc:
        introduced: dict[str, Span] = {}
        for m in _INTRODUCED.finditer(doc.text):
            inner = doc.char_span(m.start(1), m.end(1))
            before = [e for e in doc.ents if e.end_char <= m.start() and m.start() - e.end_char <= 2]
            if inner is not None and before:
                introduced[m.group(1)] = before[-1]
        doc._.acronyms = {acronym: full.text for acronym, full in introduced.items()}
        if not introduced:
            return doc
        spans = []
        for ent in doc.ents:
            if len(ent) == 1 and ent.text in introduced:
                continue  # relabelled below after the full name
            spans.append(ent)
        for token in doc:
            full = introduced.get(token.text)
            if full is not None and not any(s.start <= token.i < s.end for s in spans):
                spans.append(Span(doc, token.i, token.i + 1, label=full.label_, span_id=full.id))
        doc.ents = filter_spans(spans)
        return doc

    return text_acronyms


@Language.factory("factions_nominals")
def make_nominals(nlp: Language, name: str):
    """Nominal mentions ("Iraqi intelligence sources", "a senior IS leader") kept in
    `doc._.nominals`, beside the named entities they may contain."""
    lex = nominal_lexicon()
    matcher = Matcher(nlp.vocab)
    pre = [
        {"LOWER": {"IN": lex["determiners"]}, "OP": "?"},
        {"LOWER": {"IN": lex["modifiers"]}, "OP": "*"},
        {"ENT_TYPE": {"IN": ["NORP", "ORG", "GPE"]}, "OP": "*"},
        {"LOWER": {"IN": lex["modifiers"]}, "OP": "*"},
    ]
    matcher.add("PERSON", [pre + [{"LOWER": {"IN": lex["person"]["heads"]}, "TAG": {"IN": ["NN", "NNS", "NNP", "NNPS"]}}]])
    matcher.add("ORG", [pre + [{"LOWER": {"IN": lex["group"]["heads"]}, "TAG": {"IN": ["NN", "NNS", "NNP", "NNPS"]}}]])

    def nominals(doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=label) for label, s, e in matcher(doc, as_spans=False) for label in [doc.vocab.strings[label]]]
        kept = []
        for span in filter_spans(spans):
            # A nominal is only the head and its modifiers: a name alone is an entity,
            # and a nominal that cuts through a name ("The Free Army" of "The Free
            # Army of Tal Hamra") is part of that name.
            if span[-1].ent_type_ and len(span) == 1:
                continue
            if any(e.start < span.end and span.start < e.end and not (span.start <= e.start and e.end <= span.end) for e in doc.ents):
                continue
            kept.append(span)
        doc._.nominals = kept
        return doc

    return nominals
