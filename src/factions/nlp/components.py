"""The project's spaCy components, registered by name (spaCy's factory registry)."""

from __future__ import annotations

import dataclasses
import datetime
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE, IS_UPPER, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import EntityRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from factions.dates import MONTH_NAMES, is_clock_time, normalize
from factions.kb import LABEL_OF_KIND, KnowledgeBase, is_acronym
from factions.lexicons import lexicon, validated_table
from factions.model import Document
from factions.nlp.tokens import doc_text, entity_of, in_headline, object_of, opens_dateline, tokens_where

if not Doc.has_extension("nominals"):
    Doc.set_extension("nominals", default=None)
if not Doc.has_extension("acronyms"):
    Doc.set_extension("acronyms", default=None)
if not Doc.has_extension("letterhead"):
    Doc.set_extension("letterhead", default=None)
if not Doc.has_extension("shared_heads"):
    # {first token of a nominal: (the first token of the nominal it shares a head with, the
    # words it shares)} ("Indian" of "Indian and Chinese soldiers" shares "soldiers" with
    # "Chinese soldiers"): `_shared_head_conjuncts`
    Doc.set_extension("shared_heads", default=None)


@lru_cache(maxsize=1)
def substitutions() -> list[tuple[re.Pattern, str]]:
    """Same-length rewrites of the model's view of the text (model_view.toml)."""
    out = []
    for entry in lexicon("model_view")["substitution"]:
        if len(entry["replacement"]) != len(entry["original"]):
            raise ValueError(f"model_view.toml: '{entry['replacement']}' must be as long as '{entry['original']}'")
        out.append((re.compile(entry["pattern"]), entry["replacement"]))
    return out


@lru_cache(maxsize=1)
def asides() -> list[re.Pattern]:
    """Bracketed asides blanked in the model's view of the text (model_view.toml [[aside]])."""
    return [re.compile(entry["pattern"]) for entry in lexicon("model_view").get("aside", [])]


# A name written with a straight apostrophe in the knowledge base is also matched with
# the typographic ones ("Da’esh", "Hayʼat"); the ruler matches on lower-cased text.
_APOSTROPHES = ("\u2019", "\u02bc")


def kb_patterns(kb: KnowledgeBase) -> tuple[list[dict], list[dict]]:
    """Entity-ruler phrase patterns from the knowledge base: (names, acronyms).
    An acronym the model view rewrites ("IS" read as "IZ") is matched as rewritten."""
    rewritten = {e["original"]: e["replacement"] for e in lexicon("model_view")["substitution"]}
    names, acronyms = [], []
    for actor in kb.actors.values():
        label = LABEL_OF_KIND.get(actor.kind, "ORG")
        for name in actor.all_names():
            if is_acronym(name):
                acronyms.append({"label": label, "pattern": rewritten.get(name, name), "id": actor.id})
            else:
                for spelling in dict.fromkeys([name, *(name.replace("'", a) for a in _APOSTROPHES)]):
                    names.append({"label": label, "pattern": spelling, "id": actor.id})
    return names, acronyms


class KnowledgeBaseRuler(EntityRuler):
    """spaCy's entity ruler with overwrite_ents, its matches set on the Doc as spaCy
    sets them (longest first, then leftmost; a match over a token an earlier one took
    is dropped; the entities a kept match overlaps go), the entities filtered once at
    the end: spaCy's filters the whole entity list again after every match, most of
    the knowledge-base rulers' time."""

    def set_annotations(self, doc: Doc, matches) -> None:
        found, taken = [], set()
        by_lower = self.phrase_matcher_attr == "LOWER"
        for match_id, start, end in matches:
            if by_lower and end - start > 1 and not any(c.isupper() for c in doc[start:end].text):
                # every name in the knowledge base has a capital: "the southern front", "an
                # islamic state" are common words (one word may still be a name: "the polisario")
                continue
            if start not in taken and end - 1 not in taken:
                if match_id in self._ent_ids:
                    label, ent_id = self._ent_ids[match_id]
                    found.append(Span(doc, start, end, label=label, span_id=ent_id))
                else:
                    found.append(Span(doc, start, end, label=match_id))
                taken.update(range(start, end))
        doc.ents = [e for e in doc.ents if taken.isdisjoint(range(e.start, e.end))] + found


@Language.factory("factions_kb_entity_ruler", assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
                  default_config={"phrase_matcher_attr": None, "validate": False})
def make_kb_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, validate: bool) -> KnowledgeBaseRuler:
    return KnowledgeBaseRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate, overwrite_ents=True)


MODEL_ENTS = "factions_model_ents"
KB_NAME_ENTS = "factions_kb_name_ents"


@Language.factory("factions_ents_snapshot", default_config={"key": MODEL_ENTS})
def make_ents_snapshot(nlp: Language, name: str, key: str):
    """The entities as they stand at this point of the pipeline, kept in
    `doc.user_data[key]` before a later ruler overwrites them (factions_whole_names
    reads the model's and the knowledge-base names ruler's)."""

    def snapshot(doc: Doc) -> Doc:
        doc.user_data[key] = [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
        return doc

    return snapshot


def _joins_name(token, tags: tuple[str, ...]) -> bool:
    """A capitalised proper word, outside any entity of the model's, that continues a
    name ("Syrian" before "Arab Coalition"): not a function word of a title-case
    headline ("Fighters Clash With Islamic State")."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_stop and token.tag_ in tags and not token.ent_type_


PLACE_LABELS = ("GPE", "LOC", "FAC")


def _body_named_after(doc: Doc, ent: Span) -> Span | None:
    """A body named after a place: plural capitals and "of" before a place's name
    ("the Sons of Iraq", "Friends of Syria") make a name of their own, unlinked, as a
    sea's or a strait's name makes a place ("the Sea of Japan", "the Gulf of Aden"); a
    singular one ("the Government of Iraq", "the Republic of Iraq") or an office
    ("the Minister of Foreign Affairs of Iraq") still names the state."""
    if ent.label_ not in PLACE_LABELS or ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return None
    head = doc[ent.start - 2]
    if head.lower_ in _waters_of() and head.text[:1].isupper() and not head.is_sent_start:
        return Span(doc, head.i, ent.end, label="LOC")  # "the Sea of Japan": a sea's name (nominals.toml [place] waters_of)
    if head.tag_ != "NNPS" or not head.text[:1].isupper() or head.ent_type_:
        return None
    start = head.i
    while start > 0 and _joins_name(doc[start - 1], ("NNP", "NNPS", "JJ")) and not doc[start - 1].is_sent_start:
        start -= 1
    # "the Minister of Foreign Affairs of Iraq": an office of the state, not a body.
    if start > 0 and doc[start - 1].lower_ == "of":
        return None
    return Span(doc, start, ent.end, label="ORG")


@lru_cache(maxsize=1)
def _waters_of() -> frozenset[str]:
    return frozenset(nominal_lexicon()["place"]["waters_of"])


def _holding(snapshot: list[tuple], starts: list[int], start: int, end: int) -> tuple | None:
    """The entity of a snapshot (`starts`: its starts) that holds tokens [start, end)
    and is longer, or None. A snapshot's entities are in order and never overlap, so
    only the last one starting at or before `start` can hold them."""
    k = bisect_right(starts, start) - 1
    if k >= 0 and end <= snapshot[k][1] and snapshot[k][1] - snapshot[k][0] > end - start:
        return snapshot[k]
    return None


@Language.component("factions_whole_names")
def whole_names(doc: Doc) -> Doc:
    """A knowledge-base name links only as a whole name.

    - A longer knowledge-base name holding it stands ("U.S. Central Command", not the
      acronym "U.S." inside it, which the acronym ruler would otherwise keep).
    - Where a name was matched inside a longer name the model found, or that
      capitalised proper words continue ("Arab Coalition" inside "the Syrian Arab
      Coalition", a different body), the longer name stands, unlinked. An acronym is
      a whole name by its spelling ("Syrian ISIS fighters"), and capitals before a
      person's name are titles ("Iraqi Vice President Ayad Allawi")."""
    found = doc.user_data.get(MODEL_ENTS) or []
    kb_names = [e for e in doc.user_data.get(KB_NAME_ENTS) or [] if e[3]]
    found_starts, kb_name_starts = [f[0] for f in found], [f[0] for f in kb_names]
    ents = list(doc.ents)
    spans, changed = [], False
    other_names: set[tuple[int, int]] = set()  # longer names of another kind than the linked name inside
    for ent in ents:
        if not ent.ent_id_:
            spans.append(ent)
            continue
        longer = _holding(kb_names, kb_name_starts, ent.start, ent.end)
        # In a hyphenated compound ("US-led coalition") the inner name stays a mention of
        # its own: "X-led" says who leads (relations/structure.py); the nominal
        # "the US-led coalition" still names the coalition.
        if longer is not None and not (ent.end < len(doc) and doc[ent.end].text in "-‐‑"):
            spans.append(Span(doc, longer[0], longer[1], label=longer[2], span_id=doc.vocab.strings.add(longer[3])))
            changed = True
            continue
        start, end = ent.start, ent.end
        outer = _holding(found, found_starts, start, end)
        # A person's name inside a place or body the model found ("Sadr City", a district)
        # names that place, not the person; other capitals around a person are titles.
        if ent.label_ == "PERSON" and outer is not None and outer[2] in PLACE_LABELS and \
                all(_joins_name(t, ("NNP", "NNPS")) or t.ent_type_ for t in doc[outer[0] : outer[1]] if not (start <= t.i < end)):
            spans.append(Span(doc, outer[0], outer[1], label=outer[2]))
            changed = True
            continue
        named_after = _body_named_after(doc, ent)
        if named_after is not None:
            spans.append(named_after)
            changed = True
            continue
        if ent.label_ == "PERSON" and start > 0:
            # "Abdel Rahim Dagalo": a known surname right after a person's name the model
            # found ends that name, someone else's; the whole name stands, unlinked.
            k = bisect_right(found_starts, start - 1) - 1
            before = found[k] if k >= 0 else None
            if before is not None and before[2] == "PERSON" and before[1] == start:
                spans = [s for s in spans if not (s.start >= before[0] and s.end <= start)]
                spans.append(Span(doc, before[0], end, label="PERSON"))
                changed = True
                continue
        if ent.label_ == "PERSON" and outer is not None and outer[2] == "PERSON" and outer[1] == end and len(ent) == 1 \
                and all(t.text[:1].isupper() and t.is_alpha and t.lower_ not in _name_titles() for t in doc[outer[0] : start]):
            # "Khaled Haftar" holds the surname "Haftar", which the knowledge base gives to
            # Khalifa Haftar: another given name is another person; the whole name stands, unlinked.
            spans.append(Span(doc, outer[0], outer[1], label="PERSON"))
            changed = True
            continue
        if is_acronym(ent.text) or ent.label_ == "PERSON":
            spans.append(ent)
            continue
        if outer is not None and (outer[0], outer[1]) == (start - 1, end) and doc[start - 1].lower_ == "the":
            # "the African Union", as the model found it: a known name keeps its article, as
            # names the model finds do (and as re3d marks them: the word is the name's)
            spans.append(Span(doc, start - 1, end, label=ent.label_, span_id=ent.id))
            changed = True
            continue
        if outer is not None and all(_joins_name(t, ("NNP", "NNPS", "JJ")) or t.ent_type_ == ent.label_
                                     for t in doc[outer[0] : outer[1]] if not (start <= t.i < end)):
            start, end = outer[0], outer[1]
        # Not into the first word of a sentence or line ("– Near Abu Kamal, two strikes …"),
        # which is capitalised whatever it is.
        while start > 1 and _joins_name(doc[start - 1], ("NNP", "NNPS", "JJ")) and not doc[start - 1].is_sent_start \
                and doc[start - 2].is_alpha:
            start -= 1
        while end < len(doc) and _joins_name(doc[end], ("NNP", "NNPS")):
            end += 1
        # A headline's capitals say nothing about where names end (`ent.sent` walks the
        # Doc: asked only of the few names that would change).
        if (start, end) != (ent.start, ent.end) and not _title_case(ent.sent):
            # (a place's name that runs on into other words names what they name: "the Papua New
            # Guinea Defence Force", "Malaysia Airlines", "United States Africa Command" are bodies,
            # no place; "Gaza City", "Palestine Tower" places, "Niger People" people: nominals.toml
            # place and person heads, model_view.toml [names] place_name_words)
            label = "ORG" if ent.label_ in PLACE_LABELS and end > ent.end \
                and not any(t.lower_ in _place_or_people_words() for t in doc[ent.end : end]) else ent.label_
            spans.append(Span(doc, start, end, label=label))
            # (the place itself with its area's word or a title, "Idlib Governorate", "Borno
            # Governor", keeps its link; a building or a body named after it, "the Gaza Tower",
            # keeps none: actor_kinds.toml place_name_suffixes)
            around = (*doc[start : ent.start], *doc[ent.end : end])
            if ent.label_ in PLACE_LABELS and not all(t.lower_ in _same_place_words() for t in around):
                other_names.add((start, end))
            changed = True
        else:
            spans.append(ent)
    through = _name_through_a_possessive(doc)
    if through:
        spans = [s for s in spans if not any(s.start < t.end and t.start < s.end for t in through)] + through
        other_names.update((t.start, t.end) for t in through if not t.ent_id)
        changed = True
    if changed:
        kept = {(s.start, s.end): s.id for s in spans}
        doc.ents = filter_spans(spans)
        for span in doc.ents:  # an unlinked longer name: no token keeps a ruler's id
            # (a name of another kind than the shorter one inside it, "the Papua New Guinea Defence
            # Force", "the Ogaden People's Defence Force", on none of its tokens; "Idlib
            # Governorate" is still Idlib)
            if not kept.get((span.start, span.end)) and (span.ent_id_ or ((span.start, span.end) in other_names
                                                                         and any(token.ent_id for token in span))):
                for token in span:
                    token.ent_id_ = ""
    return doc


@lru_cache(maxsize=1)
def _place_or_people_words() -> frozenset[str]:
    """Words that keep a place's name run on into them a place's or people's name ("Gaza
    City", "Palestine Tower", "Niger People": nominals.toml place and person heads,
    model_view.toml [names] place_name_words)."""
    return _place_heads() | frozenset(nominal_lexicon()["person"]["heads"]) \
        | frozenset(lexicon("model_view")["names"]["place_name_words"])


@lru_cache(maxsize=1)
def _same_place_words() -> frozenset[str]:
    """Words that, around a place's name, still name that place or its office-holder: an
    area's word ("Idlib Governorate") or a person's title ("Borno Governor")."""
    return frozenset(lexicon("actor_kinds")["entity_fixes"]["place_name_suffixes"]) \
        | frozenset(nominal_lexicon()["person"]["heads"])


def _name_through_a_possessive(doc: Doc) -> list[Span]:
    """Bodies whose name holds a possessive ("the Sudan People's Liberation Army"): the
    capitalised words before and after "People's" (model_view.toml [names] possessive_words)
    as one name, unlinked unless the knowledge base holds that whole name, whatever the model
    or a shorter knowledge-base name made of its halves ("People's Defence Force" inside "the
    Ogaden People's Defence Force" is another group's name)."""
    words = frozenset(lexicon("model_view")["names"]["possessive_words"])
    out = []
    for mark in (doc[int(i)] for i in np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings.add("'s"))):
        word = doc[mark.i - 1] if mark.i > 0 else None
        if word is None or word.text not in words or mark.i + 1 >= len(doc) or not doc[mark.i + 1].text[:1].isupper():
            continue
        start, end = word.i, mark.i + 1
        while start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start:
            start -= 1
        while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
        if start == word.i or end == mark.i + 1:
            continue  # "the Kurdish people's rights": no capitals on both sides, no name
        whole = next((e for e in doc.ents if e.start == start and e.end == end and e.ent_id_), None)
        out.append(whole or Span(doc, start, end, label="ORG"))
    return out


def _title_case(sent) -> bool:
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)


@lru_cache(maxsize=1)
def _actor_heads() -> frozenset[str]:
    """Head nouns naming people or groups (data/lexicons/nominals.toml)."""
    lex = nominal_lexicon()
    return frozenset(lex["person"]["heads"]) | frozenset(lex["group"]["heads"])


def _of_a_name(token: Token) -> bool:
    """Whether a noun is followed by "of" and a name ("elements of the SPLA-IO") or a
    body named by its head ("agents of the political police", nominals.toml [group])."""
    pobj = object_of(token)
    return pobj is not None and (pobj.ent_type_ in ("ORG", "NORP", "GPE") or pobj.lower_ in nominal_lexicon()["group"]["heads"])


@lru_cache(maxsize=1)
def _fixed_titles() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.split()) for t in lexicon("actor_kinds")["entity_fixes"]["fixed_titles"])


def _words_at(doc: Doc, start: int, words: tuple[str, ...]) -> bool:
    """Whether the Doc's words from `start` are `words` (lower case)."""
    return 0 <= start and tuple(t.lower_ for t in doc[start : start + len(words)]) == words


def _opens_fixed_title(token: Token) -> bool:
    """Whether a noun opens a title that names no body ("the Head of State"): one person."""
    return any(_words_at(token.doc, token.i, words) for words in _fixed_titles())


def nominal_lexicon() -> dict:
    return lexicon("nominals")


# Entity labels that name no one, so no acronym after them is theirs.
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_INTRODUCED = re.compile(r"\(([A-Z][A-Za-z\-]{1,7})\)")


@Language.factory("factions_clause_repairs")
def make_clause_repairs(nlp: Language, name: str):
    """The clause repairs, with the pipeline's lemmatizer for a word retagged as a verb."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def repairs(doc: Doc) -> Doc:
        clause_repairs(doc)
        _disguise_read_as_clause(doc)
        _main_verb_read_as_participle(doc)
        _participle_read_as_the_main_verb(doc)
        _bracket_on_the_first_of_a_list(doc)
        _of_on_the_first_of_a_list(doc)
        _particle_read_as_quantity(doc)
        _hedged_description_read_as_verb(doc)
        _description_by_agent_read_as_verb(doc)
        _speech_read_as_relative_clause(doc)
        _ordered_act_read_as_description(doc)
        _people_read_as_verb(doc, lemmatizer)
        _people_read_as_verb_of_a_plural(doc, lemmatizer)
        _participle_read_as_a_noun(doc)
        _killing_read_as_a_noun(doc)
        _verb_read_as_a_modifier(doc)
        _intransitive_verb_read_as_a_modifier(doc)
        _clause_read_as_a_modifier(doc)
        return doc

    return repairs


def clause_repairs(doc: Doc) -> Doc:
    """Known misreadings of the parser, repaired before anything reads the tree: the
    "that" clause of reported speech (below), the target of a weapon fired
    (_rehang_fired_at), a subject read into the day before it (_subject_after_a_date; or as
    the date's apposition or object, _subject_read_as_the_dates_apposition and _object; a day
    read into the subject, _day_read_into_the_subject_after_its_preposition; a day's name read as
    a second subject, _dates_apposition_read_as_a_second_subject; a subject read into an opening
    phrase, "To the south, Russian units …", _subject_read_into_an_opening_phrase), a
    noun read as a verb (_noun_read_as_verb), the "against" of a judged act
    (_rehang_judged_act), a past verb joined to a bare one below it (_conjunct_of_its_tense), the
    object of reported speech taken for its speaker (_object_taken_for_subject), the
    object of a joined verb taken for its subject (_object_of_a_conjunct), a phrase hung on a
    gap in time (_phrase_after_a_gap_in_time), a subordinate clause read as a conjunct
    (_subordinate_clause_read_as_conjunct), a bracketed "(reported …)" read as the sentence's
    verb (_bracketed_report_read_as_the_verb), a clause read as the object of the one after its
    semicolon (_clause_read_as_the_object_after_a_semicolon), a
    subject read as the conjunct of an object (_subject_read_as_an_objects_conjunct), an
    agent read as a preposition (_agent_read_as_a_preposition), an object read as the subject
    of a participle (_object_read_as_a_participles_subject), a description of some of a
    group read as another group joined to it (_description_read_as_a_conjunct), a repeated
    preposition hung apart from the first (_repeated_preposition_read_apart; "of",
    _repeated_of_read_apart), a target of fire hung on where it came from
    (_target_hung_on_the_origin), a toll's participle read as its object's description
    ("ambushed a column of guards, killing a driver": _toll_read_as_a_description), a
    participle hung on an absolute phrase ("with Russia abstaining, imposing …":
    _participle_hung_on_an_absolute_phrase), a
    preposition's object read as the subject of a gerund ("fired at soldiers guarding …":
    _object_read_as_a_gerunds_subject), "thanks" read as a noun in a sentence with no verb
    ("Ukraine thanks Germany": _thanks_read_as_a_noun), a list's first plural read as its
    last noun's modifier ("blew up bridges and power pylons":
    _plural_read_as_a_modifier_of_its_conjunct), a preposition's second object read as the verb's
    (_conjunct_read_as_an_object), a disguise read as a clause (_disguise_read_as_clause), a
    sentence's verb read as a participle
    (_main_verb_read_as_participle) and a participle read as its verb
    (_participle_read_as_the_main_verb), a bracketed name hung on a list's first item
    (_bracket_on_the_first_of_a_list) and an "of" after a list's last item hung on its first
    (_of_on_the_first_of_a_list), a particle read as a quantity
    (_particle_read_as_quantity), a hedged description read as a verb
    (_hedged_description_read_as_verb), a participle with its agent read as the verb
    (_description_by_agent_read_as_verb), a closing "X said" read as a relative clause
    (_speech_read_as_relative_clause), an act ordered read as a description of its object
    (_ordered_act_read_as_description), people read as the verb of their clause
    (_people_read_as_verb) or of a plural before them (_people_read_as_verb_of_a_plural), a
    passive participle read as a noun ("was overrun by": _participle_read_as_a_noun), and a
    verb read inside a noun phrase, "a motorcycle shot dead" (_killing_read_as_a_noun) or "a
    motorbike detonated explosives" (_verb_read_as_a_modifier; with no object, "a truck packed
    with explosives detonated at …": _intransitive_verb_read_as_a_modifier),
    and a clause read as its object's modifier, "Chad's army fought rebels of …"
    (_clause_read_as_a_modifier), run after these. Last, a headline's verb read as a noun
    ("Police storm gang's hideout": _headline_verb_read_as_noun), a clause read as the object
    of its subordinator ("killed as fighters overrun Palma": _clause_read_as_an_object) and
    an adjective read as a subject ("fighters loyal to X landed": _adjective_read_as_subject); then a
    captive read as the compound of its mark ("took a Kenyan nurse hostage":
    _captive_read_as_a_compound), a participle with its agent read as the verb before a passive
    ("a nurse held hostage by rebels was freed": _description_by_agent_read_as_the_verb_before_a_passive),
    a call hung on a place ("marched through the capital calling on …": _call_hung_on_a_place) and a
    root participle before the main clause ("after a rally against price rises agreed with the IMF,
    a crowd stormed …": _participle_read_as_the_root_before_the_clause), and a "by" after an active
    verb's object read as its agent ("police attacked a march by students": _agent_of_an_active_verb),
    and a verb joined after an object read as the next object's adjective ("searched hundreds of houses,
    seized firearms": _joined_verb_read_as_a_modifier), and a verb after "then" left unattached
    ("fired on a bus, then stormed the police station": _verb_after_then_read_apart), and a relative
    clause read across the main verb ("A bombing which officials blamed on X killed nine":
    _relative_clause_read_across_the_main_verb).
    With the conjunct repairs, a main clause's subject joined to the subordinate clause's last noun
    (_main_subject_read_as_a_conjunct).

    The commonest misreading of reported speech: in "X told reporters in the capital
    that the jets had hit the group" it hangs the "that" clause on "capital" as a
    relative clause whose "that" is an object, though the clause has its object ("the
    group"). A clause whose "that" fills a role its verb already has is no relative
    clause: it is what the speech verb above says (its ccomp, "that" its mark). So is a
    "that" object beside a subject of its own on the object of a verb of telling ("notified
    the embassies that the office had reopened"). Speech verbs: lexicons/speech.toml
    cue_verbs and recipient_cues."""
    cues, told = _speech_cues(), _recipient_cues()
    for tok in doc:
        if tok.dep_ != "relcl" or tok.i <= tok.head.i:
            continue
        that = tok.left_edge
        if that.lower_ != "that" or that.head.i != tok.i or that.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            continue
        # (or, on the object of a verb of telling, a "that" object beside a subject of the
        # clause's own: "notified the embassies that the office had reopened")
        told_object = that.dep_ == "dobj" and tok.head.dep_ in ("dobj", "dative") and tok.head.head.lemma_.lower() in told \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if not told_object and not any(c.dep_ == that.dep_ and c.i != that.i for c in tok.children):
            continue
        verb = tok.head
        while verb.dep_ in ("pobj", "prep", "dobj", "dative") and verb.head.i != verb.i and verb.pos_ != "VERB":
            verb = verb.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues or any(c.dep_ == "ccomp" for c in verb.children):
            continue
        tok.head, tok.dep_, that.dep_ = verb, "ccomp", "mark"
    _rehang_fired_at(doc)
    _subject_after_a_date(doc)
    _subject_read_as_the_dates_object(doc)
    _noun_read_as_verb(doc)
    _rehang_judged_act(doc)
    _conjunct_of_its_tense(doc)
    _object_taken_for_subject(doc)
    _object_of_a_conjunct(doc)
    _party_after_a_duration(doc)
    _phrase_after_a_gap_in_time(doc)
    _object_read_as_clause(doc)
    _phrases_of_an_aside(doc)
    _main_clause_read_as_conjunct(doc)
    _main_subject_read_as_a_conjunct(doc)
    _subordinate_clause_read_as_conjunct(doc)
    _bracketed_report_read_as_the_verb(doc)
    _toll_read_on_a_subordinate_clause(doc)
    _toll_read_as_a_description(doc)
    _object_read_as_a_gerunds_subject(doc)
    _participle_hung_on_an_absolute_phrase(doc)  # (after it: "with Russia abstaining" read as a gerund's subject)
    _thanks_read_as_a_noun(doc)
    _plural_read_as_a_modifier_of_its_conjunct(doc)
    _quantified_aside_read_as_subject(doc)
    _clause_read_as_the_object_after_a_semicolon(doc)
    _subject_read_as_an_objects_conjunct(doc)
    _agent_read_as_a_preposition(doc)
    _object_read_as_a_participles_subject(doc)
    _description_read_as_a_conjunct(doc)
    _repeated_preposition_read_apart(doc)
    _repeated_of_read_apart(doc)
    _target_hung_on_the_origin(doc)
    _conjunct_read_as_an_object(doc)
    _preposition_read_as_modifier(doc)
    _subjects_split_into_sentences(doc)
    _headline_verb_read_as_noun(doc)
    _clause_read_as_an_object(doc)
    _adjective_read_as_subject(doc)
    _captive_read_as_a_compound(doc)
    _description_by_agent_read_as_the_verb_before_a_passive(doc)
    _call_hung_on_a_place(doc)
    _participle_read_as_the_root_before_the_clause(doc)
    _joined_verb_read_as_a_modifier(doc)
    _verb_after_then_read_apart(doc)
    _relative_clause_read_across_the_main_verb(doc)
    _agent_of_an_active_verb(doc)  # (after the participle repairs: "a nurse held hostage by rebels was freed")
    return doc


@lru_cache(maxsize=1)
def _singular_captive_marks() -> tuple[frozenset[str], frozenset[str]]:
    """The singular captives' marks and the taking verbs (relations.toml [captives])."""
    captives = lexicon("relations")["captives"]
    return frozenset(m for m in captives["marks"] if not m.endswith("s")), frozenset(captives["taking_verbs"])


def _captive_read_as_a_compound(doc: Doc) -> None:
    """In "rebels took a Kenyan nurse hostage" the parser makes "hostage" the object, with
    "nurse" its compound and "a" its determiner, as if "a nurse hostage" were one thing
    (with a plural and no determiner, "took two aid workers hostage", the taking is read
    anyway). A singular captive's mark (relations.toml [captives] marks) as the object of a
    taking verb, right after a noun hung on it as a compound, is what that noun is taken as:
    the noun is the object, with the mark's words before it, and the mark the verb's
    predicate of the object, as in "took them hostage"."""
    marks, taking_verbs = _singular_captive_marks()
    for mark in _tokens_with(doc, LOWER, marks):
        verb = mark.head
        taken = doc[mark.i - 1] if mark.i > 0 else None
        if mark.dep_ != "dobj" or verb.lemma_.lower() not in taking_verbs or taken is None \
                or taken.head.i != mark.i or taken.dep_ != "compound" or taken.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in list(mark.children):
            if child.i < taken.i:
                child.head = taken  # ("a", "the", "two")
            elif child.i > mark.i:
                child.head = verb  # ("in Paro")
        taken.head, taken.dep_ = verb, "dobj"
        mark.dep_ = "oprd"


def _description_by_agent_read_as_the_verb_before_a_passive(doc: Doc) -> None:
    """In "A Kenyan nurse held hostage by rebels was freed" the parser makes "held" the
    sentence's verb, with the nurse its subject, and joins "was freed" to it. A past verb
    with its agent ("by …") cannot be joined to a passive that follows without "and" or a
    comma: it is a participle describing its subject, and the passive after it, with no
    subject of its own, is the sentence's verb, the noun its subject (as the parser reads
    "A nurse kidnapped by gunmen was freed")."""
    arr = doc.to_array([DEP, TAG])
    found = (arr[:, 0] == doc.vocab.strings.add("ROOT")) & np.isin(arr[:, 1], [doc.vocab.strings.add(t) for t in ("VBN", "VBD")])
    for part in (doc[int(i)] for i in np.flatnonzero(found)):
        agent = next((c for c in part.children if (c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by") and c.i > part.i), None)
        noun = next((c for c in part.children if c.dep_ == "nsubj" and c.i < part.i and c.pos_ in ("NOUN", "PROPN")), None)
        verb = next((c for c in part.children if c.dep_ == "conj" and c.tag_ == "VBN" and agent is not None and c.i > agent.right_edge.i
                     and any(a.dep_ == "auxpass" and a.i == c.i - 1 for a in c.children)
                     and not any(o.dep_ in _SUBJECTS for o in c.children)), None)
        if noun is None or verb is None or any(c.dep_ == "cc" or c.text in (",", ";") for c in doc[agent.right_edge.i + 1 : verb.i]):
            continue
        verb.head, verb.dep_ = verb, "ROOT"  # (the verb takes the root first, so that no step makes a cycle)
        noun.head, noun.dep_ = verb, "nsubjpass"
        part.head, part.dep_, part.tag_ = noun, "acl", "VBN"
        part.set_morph("Aspect=Perf|Tense=Past|VerbForm=Part")
        agent.dep_ = "agent"
        for child in list(part.children):
            if child.i > verb.i or child.i < noun.i:
                child.head = verb  # ("On 7 February, …", the full stop)


def _participle_read_as_the_root_before_the_clause(doc: Doc) -> None:
    """In "On 17 February, after a rally against price rises agreed with the IMF, a crowd
    stormed the parliament" the parser makes the participle "agreed" the sentence's verb,
    with no subject, and joins "stormed" to it. A root participle with no subject and no
    auxiliary, right after a noun, joined to a past verb with a subject of its own after a
    comma, describes that noun: the joined verb is the sentence's, and what opened the
    sentence ("On 17 February", "after …") is its."""
    arr = doc.to_array([DEP, TAG])
    found = (arr[:, 0] == doc.vocab.strings.add("ROOT")) & np.isin(arr[:, 1], [doc.vocab.strings.add(t) for t in ("VBN", "VBD")])
    for part in (doc[int(i)] for i in np.flatnonzero(found)):
        noun = doc[part.i - 1] if part.i > 0 else None
        # (the parser may have made the object of the preposition before the noun the
        # participle's subject: "after a rally against tax rises agreed with …", "after" left bare)
        read_as_subject = next((c for c in part.children if c.dep_ == "nsubj" and c.i < part.i), None)
        bare = doc[read_as_subject.left_edge.i - 1] if read_as_subject is not None and read_as_subject.left_edge.i > 0 else None
        if bare is not None and (not (bare.dep_ == "prep" or bare.dep_ == "mark" and bare.lower_ in _repair_words("preposition_subordinators"))
                                 or bare.head.i != part.i or any(c.dep_ == "pobj" for c in bare.children)):
            continue
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.head.i == part.i or (part.tag_ == "VBD" and bare is None) \
                or any((c.dep_ in _SUBJECTS and (read_as_subject is None or c.i != read_as_subject.i)) or c.dep_ in ("aux", "auxpass") for c in part.children):
            continue
        verb = next((c for c in part.children if c.dep_ == "conj" and c.tag_ == "VBD"
                     and any(s.dep_ == "nsubj" and s.i < c.i for s in c.children)), None)
        if verb is None:
            continue
        subject = next(s for s in verb.children if s.dep_ == "nsubj" and s.i < verb.i)
        if not any(t.text == "," for t in doc[part.i + 1 : subject.left_edge.i]) or any(t.dep_ == "cc" and t.head.i == part.i for t in doc[part.i : verb.i]):
            continue
        verb.head, verb.dep_ = verb, "ROOT"  # (the verb takes the root first, so that no step makes a cycle)
        part.head, part.dep_, part.tag_ = noun, "acl", "VBN"
        part.set_morph("Aspect=Perf|Tense=Past|VerbForm=Part")
        if bare is not None:
            read_as_subject.head, read_as_subject.dep_ = bare, "pobj"
            bare.dep_ = "prep"
        for child in list(part.children):
            if child.i < part.i or child.i > verb.i:
                child.head = verb  # ("On 17 February", "after …", the full stop)
        for t in doc[part.i + 1 : subject.left_edge.i]:
            if t.text == "," and t.head.i == part.i:
                t.head = verb


@lru_cache(maxsize=1)
def _calling_verbs() -> frozenset[str]:
    """Verbs of asking or saying (events.toml request_verbs, speech.toml cue_verbs), and a
    crowd's chants (model_view.toml parse_repairs chant_participles)."""
    return frozenset(lexicon("events")["participants"]["request_verbs"]) | _speech_cues() | _repair_words("chant_participles")


def _call_hung_on_a_place(doc: Doc) -> None:
    """In "thousands marched through the capital calling on the president to resign" the
    parser hangs "calling" on "capital", as if the capital called (and "chanting" in "marched in
    the capital chanting slogans against the president"). A participle of asking, saying or
    chanting (events.toml request_verbs, speech.toml cue_verbs, model_view.toml
    chant_participles) on a place (a place's name,
    or a noun of place: nominals.toml [place] heads) that is the object of a preposition on
    the verb before it is that verb's clause, said by its subject."""
    places = _place_heads()
    for part in _tokens_with(doc, LEMMA, _calling_verbs()):
        place = part.head
        if part.dep_ != "acl" or part.tag_ != "VBG" or place.i > part.i or place.dep_ != "pobj" or place.head.dep_ != "prep" \
                or place.head.head.pos_ != "VERB" or place.head.head.i > place.i \
                or not (place.ent_type_ in ("GPE", "LOC", "FAC") or place.lemma_.lower() in places):
            continue
        part.head, part.dep_ = place.head.head, "advcl"


def _people_read_as_verb(doc: Doc, lemmatizer) -> None:
    """In "The uprising began on Easter Sunday, when inmates overpowered officers" the
    tagger reads "inmates" as the clause's verb and "overpowered" as an adjective of
    "officers" (or "attacked" as the complement of "inmates"). A plural noun that names
    people (nominals.toml heads) read as a verb right after a subordinator ("when", "as",
    "after"…; model_view.toml parse_repairs subordinators), after a headline's colon, or as
    the root after an opening phrase's comma, is the clause's subject when a
    past verb, or a word in "-ed", follows it in the clause: that word is the clause's
    verb, in the noun's place, with the noun as its subject and the noun's other
    dependents as its own."""
    subordinators = _repair_words("subordinators")
    # (only the Doc's people words read as verbs, found on its arrays: no Token made per word)
    arr = doc.to_array([POS, LOWER])
    read_as_verb = (arr[:, 0] == doc.vocab.strings.add("VERB")) & np.isin(arr[:, 1], _plural_actor_head_ids())
    for noun in (doc[int(i)] for i in np.flatnonzero(read_as_verb)):
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i > noun.i and not any(c.dep_ in _SUBJECTS for c in noun.head.children if c.i != noun.i) \
                and not any(c.dep_ in ("aux", "auxpass", "dobj", "nsubj") for c in noun.children):
            _people_tagged(noun, lemmatizer)  # ("Prison riot: inmates set fire to …", only the tag wrong)
            continue
        # (after a subordinator, or a headline's colon: "Jailbreak: inmates overpowered guards";
        # or, as the sentence's root, after the comma that ends an opening phrase: "In the early
        # hours of Sunday, inmates belonging to the cartel killed 44 prisoners")
        if noun.i == 0 or (doc[noun.i - 1].lower_ not in subordinators and doc[noun.i - 1].text != ":"
                           and not (doc[noun.i - 1].text == "," and noun.dep_ == "ROOT")) \
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in noun.children):
            continue
        verb = _past_verb_after(noun)
        if verb is None:
            continue
        if verb.pos_ != "VERB":
            verb.pos_, verb.tag_ = "VERB", "VBD"
            verb.set_morph("Tense=Past|VerbForm=Fin")
            if lemmatizer is not None:
                verb.lemma_ = lemmatizer.rule_lemmatize(verb)[0]
        # ("overpowered officers": the adjective's noun is the verb's object)
        described = verb.head if verb.dep_ == "amod" else None
        # the verb takes the noun's place first, so that no step makes a cycle
        if noun.head.i == noun.i:
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = noun.head, noun.dep_
        noun.head, noun.dep_ = verb, "nsubj"
        _people_tagged(noun, lemmatizer)
        for child in list(noun.children):
            if child.i > verb.i or child.dep_ in ("advmod", "mark", "cc", "conj", "punct") \
                    or (child.i < noun.i and child.dep_ in ("prep", "npadvmod", "advcl")):  # (the opening phrase's)
                child.head = verb
            elif child.dep_ in ("xcomp", "acl") and child.tag_ == "VBG":
                child.dep_ = "acl"  # "inmates returning from the yard": a participle on the noun
        if described is not None:
            described.head, described.dep_ = verb, "dobj"


def _people_tagged(noun: Token, lemmatizer) -> None:
    """A plural noun naming people, read as a verb, tagged as the noun it is."""
    noun.pos_, noun.tag_ = "NOUN", "NNS"
    noun.set_morph("Number=Plur")
    noun.lemma_ = lemmatizer.rule_lemmatize(noun)[0] if lemmatizer is not None else noun.lower_[:-1]


def _participle_read_as_a_noun(doc: Doc) -> None:
    """In "The base was overrun by rebels" the tagger reads "overrun", whose participle is its
    base form, as a noun or a number, the complement of "was". One of those words
    (model_view.toml parse_repairs participles_like_nouns) after a form of "be" is the passive
    verb of its clause: "be" its auxiliary, the subject its passive subject, a "by" after it
    its agent, and what hung on it or on "be" its own, when the subject is a place or a party
    (a place or actor noun, or a proper noun; not "the budget was overrun by 40 per cent") and nothing
    it is "overrun with" follows ("the hospital was overrun with patients")."""
    words = _repair_words("participles_like_nouns")
    heads = _place_heads() | _actor_heads()
    for part in _tokens_with(doc, LOWER, words):
        be = part.head
        if part.pos_ == "VERB" or part.dep_ not in ("attr", "acomp") or be.lemma_ != "be" or be.i > part.i:
            continue
        subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.lower_ in heads or subject.lemma_.lower() in heads or subject.pos_ == "PROPN") \
                or any(c.dep_ == "prep" and c.lower_ == "with" for c in (*part.children, *be.children)):
            continue
        if be.head.i == be.i:
            part.head, part.dep_ = part, "ROOT"  # (the participle takes the root first: no step makes a cycle)
        else:
            part.head, part.dep_ = be.head, be.dep_
        part.pos_, part.tag_ = "VERB", "VBN"
        part.set_morph("Tense=Past|VerbForm=Part")
        for t in list(be.children):
            if t.i != part.i:
                t.head = part
                if t.dep_ == "nsubj":
                    t.dep_ = "nsubjpass"
        be.head, be.dep_ = part, "auxpass"
        for c in part.children:
            if c.dep_ == "prep" and c.lower_ == "by" and not any(x.dep_ == "agent" for x in part.children):
                c.dep_ = "agent"


def _people_read_as_verb_of_a_plural(doc: Doc, lemmatizer) -> None:
    """In "members of the gang killed 46 women inmates at the prison" the tagger reads
    "inmates" as a verb whose subject is "women". A plural noun that names people
    (nominals.toml heads) read as a present verb of a plural noun right before it cannot
    be that verb (the two do not agree): it is the head of their noun phrase, in the verb's
    place, the noun before it its modifier."""
    arr = doc.to_array([TAG, LOWER])
    read_as_verb = (arr[:, 0] == doc.vocab.strings.add("VBZ")) & np.isin(arr[:, 1], _plural_actor_head_ids())
    for noun in (doc[int(i)] for i in np.flatnonzero(read_as_verb)):
        before = doc[noun.i - 1] if noun.i else None
        if before is None or before.tag_ != "NNS" or before.head.i != noun.i or before.dep_ not in ("nsubj", "nsubjpass") \
                or any(c.dep_ in ("aux", "auxpass", "dobj") for c in noun.children):
            continue
        noun.pos_, noun.tag_ = "NOUN", "NNS"
        noun.set_morph("Number=Plur")
        noun.lemma_ = lemmatizer.rule_lemmatize(noun)[0] if lemmatizer is not None else noun.lower_[:-1]
        before.dep_ = "compound"
        for child in list(before.children):
            if child.dep_ in ("nummod", "det", "amod", "quantmod"):
                child.head = noun  # ("46": the count is of the inmates)
        if noun.dep_ == "ccomp":
            noun.dep_ = "dobj"


def _killing_read_as_a_noun(doc: Doc) -> None:
    """In "Two men on a motorcycle shot dead a lawyer" the tagger reads "a motorcycle shot"
    as one noun, and the parse has no verb ("dead" its root) or hangs the rest on the
    subject. A word of model_view.toml parse_repairs verbs_before_dead right before "dead",
    after the object of a preposition, is the verb of its clause: it takes the clause's
    place, with the noun the preposition hangs on as its subject, "dead" its adverb, the
    noun phrase after "dead" its object, and the subject's and the old root's dependents
    after it as its own; the noun before it is the preposition's object again. So is one read
    as a noun with no "dead" after it in a sentence the parse leaves with no verb ("two men on a
    motorcycle shot the journalist")."""
    # (on the Doc's array, not tokens_where, whose values are read once the parse is mended)
    words = np.isin(doc.to_array(LOWER), [doc.vocab.strings.add(w) for w in _repair_words("verbs_before_dead")])
    for shot in (doc[int(i)] for i in np.flatnonzero(words)):
        # (read as a verb, it may be a participle on the noun, "a pickup shot dead", when the
        # sentence's root is a noun)
        misread = shot.pos_ != "VERB" or shot.dep_ in ("pobj", "amod", "compound", "appos", "nmod") \
            or (shot.dep_ == "acl" and shot.sent.root.pos_ in ("NOUN", "PROPN"))
        if not misread or shot.i == 0 or shot.i + 2 >= len(doc):
            continue
        # (or, with no "dead", a noun read so in a sentence left with no verb at all: "two men on a
        # motorcycle shot the journalist", "the journalist" an apposition of the motorcycle)
        dead = doc[shot.i + 1] if doc[shot.i + 1].lower_ == "dead" else None
        if dead is None and not (shot.pos_ == "NOUN" and shot.sent.root.pos_ in ("NOUN", "PROPN")
                                 and not any(t.pos_ in ("VERB", "AUX") for t in shot.sent)):
            continue
        before = doc[shot.i - 1]
        prep = next((a for a in before.ancestors if a.dep_ == "prep" and a.i < before.i), None)
        obj = _noun_phrase_head_after(dead if dead is not None else shot)
        if before.pos_ not in ("NOUN", "PROPN") or prep is None or obj is None or prep.head.pos_ not in ("NOUN", "PROPN", "PRON") \
                or not prep.head.i < prep.i:
            continue
        subject = prep.head
        holder = subject.head if subject.dep_ == "nsubj" else subject
        old = {holder.i, subject.i, shot.i} | ({dead.i} if dead is not None else set())
        # the verb takes the clause's place first, so that no step makes a cycle
        if holder.head.i == holder.i:
            shot.head, shot.dep_ = shot, "ROOT"
        else:
            shot.head, shot.dep_ = holder.head, holder.dep_
        shot.pos_, shot.tag_, shot.lemma_ = "VERB", "VBD", "shoot"
        shot.set_morph("Tense=Past|VerbForm=Fin")
        if dead is not None:
            dead.head, dead.dep_ = shot, "advmod"
        _hang_clause_on(shot, subject, obj, prep, before, old)


def _hang_clause_on(verb: Token, subject: Token, obj: Token, prep: Token, before: Token, old: set[int]) -> None:
    """What the repairs of a verb read inside a noun phrase share, once the verb holds its
    clause's place: the subject and the object hang on it, the preposition's object ends
    before it (with its article and modifiers), and what hung on the old holders after the
    object hangs on it."""
    doc = verb.doc
    # (the last of the preposition's objects joined by "and": "by air strikes and artillery")
    first = next((c for c in prep.children if c.dep_ == "pobj" and c.i < before.i), None)
    joined = doc[before.i - 1] if first is not None and doc[before.i - 1].lower_ in ("and", "or") else None
    subject.head, subject.dep_ = verb, "nsubj"
    obj.head, obj.dep_ = verb, "dobj"
    if joined is not None:
        before.head, before.dep_ = first, "conj"
        joined.head, joined.dep_ = first, "cc"
        return _hang_after_the_object(verb, obj, old)
    before.head, before.dep_ = prep, "pobj"
    for t in doc[prep.i + 1 : before.i]:
        if not prep.i < t.head.i <= before.i:
            t.head = before  # ("a" of "on a motorcycle")
    _hang_after_the_object(verb, obj, old)


def _hang_after_the_object(verb: Token, obj: Token, old: set[int]) -> None:
    """What hung on the old holders of a clause after its object hangs on its verb."""
    for t in verb.doc[obj.right_edge.i + 1 : verb.sent.end]:
        if t.head.i in old and t.head.i != t.i and t.i != verb.i:
            t.head = verb  # ("in Karachi on Monday", the full stop)
            if t.dep_ == "acl":
                t.dep_ = "advcl"  # (", killing three": the verb's participle clause, no longer a noun's)


def _joined_verb_read_as_a_modifier(doc: Doc) -> None:
    """In "Gardai searched hundreds of houses, seized firearms, pipe bombs and drugs, and
    arrested dozens" the parser reads "seized" as an adjective of "firearms" and gives
    "searched" two objects. A past verb (tagged so, not a participle: "displayed seized
    weapons") modifying the noun after it, right after a comma, where that noun is the second
    object of a verb with one before the comma, is a verb joined to that verb, the noun its
    object."""
    # (on the Doc's array, not tokens_where, whose values are read once the parse is mended)
    arr = doc.to_array([TAG, DEP])
    found = (arr[:, 0] == doc.vocab.strings.add("VBD")) & (arr[:, 1] == doc.vocab.strings.add("amod"))
    for verb in (doc[int(i)] for i in np.flatnonzero(found)):
        noun = verb.head
        if verb.i == 0 or doc[verb.i - 1].text != "," or noun.i <= verb.i or noun.dep_ != "dobj":
            continue
        holder = noun.head
        if holder.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.i < verb.i - 1 for c in holder.children):
            continue
        verb.head, verb.dep_, verb.pos_ = holder, "conj", "VERB"
        noun.head = verb


def _verb_after_then_read_apart(doc: Doc) -> None:
    """In "three gunmen fired on a bus before dawn, then stormed the police station" the parser
    hangs "then" on "fired" and "stormed" on it as an unlabelled dependent, with no subject. A
    past verb so hung, right after a "then" of the verb before it, is that verb's conjunct
    (sharing its subject), and "then" is its own."""
    arr = doc.to_array([TAG, DEP])
    found = (arr[:, 0] == doc.vocab.strings.add("VBD")) & (arr[:, 1] == doc.vocab.strings.add("dep"))
    for verb in (doc[int(i)] for i in np.flatnonzero(found)):
        then, holder = doc[verb.i - 1] if verb.i else None, verb.head
        if then is None or then.lower_ != "then" or then.head.i != holder.i or holder.i >= then.i or holder.pos_ != "VERB" \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        verb.dep_, verb.pos_ = "conj", "VERB"
        then.head = verb


def _relative_clause_read_across_the_main_verb(doc: Doc) -> None:
    """In "A bombing which officials blamed on the Taliban killed nine people" the parser reads
    "blamed on the Taliban" as a participle describing "officials" and "which officials ...
    killed nine people" as the relative clause, so that the officials killed. When a relative
    clause's verb has its relative word before its subject, and that subject is described by a
    past verb right after it with no object and no subject of its own, that past verb is the
    relative clause's (the relative word its object, the subject its own), and the other verb
    is the sentence's (or the clause's of speech, "said a bombing which … killed nine"), the
    noun its subject."""
    arr = doc.to_array([DEP, TAG])
    found = (arr[:, 0] == doc.vocab.strings.add("relcl")) & (arr[:, 1] == doc.vocab.strings.add("VBD"))
    for verb in (doc[int(i)] for i in np.flatnonzero(found)):
        noun, subject = verb.head, next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or noun.i >= verb.i or noun.pos_ not in ("NOUN", "PROPN") or (noun.dep_ != "ROOT" and not (
                noun.dep_ == "dobj" and noun.head.pos_ == "VERB")):
            continue
        relative = next((c for c in verb.children if c.tag_ in ("WDT", "WP") and noun.i < c.i < subject.left_edge.i), None)
        told = next((c for c in subject.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i == subject.i + 1), None)
        if relative is None or told is None or told.i >= verb.i \
                or any(c.dep_ in _SUBJECTS or c.dep_ in ("dobj", "ccomp") for c in told.children):
            continue
        # the verb takes the noun's place first, so that no step makes a cycle
        if noun.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = noun.head, "ccomp"
        noun.head, noun.dep_ = verb, "nsubj"
        told.head, told.dep_, told.tag_, told.pos_ = noun, "relcl", "VBD", "VERB"
        subject.head = told
        relative.head, relative.dep_ = told, "dobj"


def _verb_read_as_a_modifier(doc: Doc) -> None:
    """In "two suicide bombers on a motorbike detonated explosives at the gate" the parser reads
    "detonated explosives" as a noun with its adjective, the object of "on", and the sentence
    has no verb (or "gunned down a singer" as a participle describing the motorbike, with its
    object). A past verb that modifies the noun after it, right after the object of a
    preposition whose phrase hangs on a noun, in a sentence whose root is no verb, is the
    sentence's verb: the noun the preposition hangs on is its subject, the noun after it its
    object, and the preposition's object ends before it (a sentence whose root is a verb has
    its verb: "The rebels seized detonated explosives").

    So is a past verb after a participle describing the subject, read as the adjective or the
    participle of the participle's last noun: "a man armed with a knife stabbed festival-goers",
    "a group of assailants dressed in black attacked travellers", "a man armed with a rifle
    shot two guards" (the subject is the noun the participle describes, or the "group of" it is
    in; what hung on the participle after the object hangs on the verb)."""
    arr = doc.to_array([TAG, DEP])
    past = np.isin(arr[:, 0], [doc.vocab.strings.add(t) for t in ("VBD", "VBN")]) \
        & np.isin(arr[:, 1], [doc.vocab.strings.add(d) for d in ("amod", "compound", "nmod")])
    past |= np.isin(arr[:, 0], [doc.vocab.strings.add(t) for t in ("VBD", "VBN")]) & (arr[:, 1] == doc.vocab.strings.add("acl"))
    for verb in (doc[int(i)] for i in np.flatnonzero(past)):
        if verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.dep_ == "dobj" for c in verb.children):
            continue  # ("a car driven by a bomber": a participle; "a motorcycle gunned down a singer" takes an object)
        sent = verb.sent
        if verb.i == 0:
            continue
        if sent.root.pos_ in ("VERB", "AUX"):
            # a root opened by "after", "because" … is a clause that hangs on another, not the
            # sentence's: "X, backed by artillery, fought members of Y …, after the junta declared
            # martial law" (only the aside's verb is looked for then)
            if not (sent.root.i > verb.i and _is_subordinate(sent.root) and doc[verb.i - 1].text == ","
                    and verb.tag_ in ("VBD", "VBN") and verb.dep_ != "acl"):
                continue
        if verb.dep_ == "acl":
            if verb.head.i >= verb.i or verb.head.i != verb.i - 1 or any(c.dep_ in _SUBJECTS for c in verb.children):
                continue
        elif verb.head.i <= verb.i or verb.head.pos_ not in ("NOUN", "PROPN"):
            continue
        before = doc[verb.i - 1]
        if before.text == "," and (verb.tag_ == "VBD" or verb.lower_.endswith("ed")) and verb.dep_ != "acl":
            # (a regular past read as a participle too: "Two men, A and B, hacked tailor X to death")
            _verb_after_an_aside(verb, before)
            continue
        # (or the agent of a participle on the subject: "troops backed by air strikes and artillery laid siege to …")
        prep = next((a for a in before.ancestors if (a.dep_ == "prep" or a.dep_ == "agent" and _described_by_participle(a.head) is not None)
                     and a.i < before.i), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb.dep_ == "acl" else None
        obj = obj or _noun_phrase_head_after(verb)
        if prep is None or obj is None or obj.i <= verb.i or not prep.head.i < prep.i:
            continue
        described = _described_by_participle(prep.head)
        if not (before.pos_ in ("NOUN", "PROPN") or (described is not None and before.pos_ == "ADJ" and before.i == prep.i + 1)):
            continue  # ("dressed in black attacked travellers")
        if prep.head.pos_ not in ("NOUN", "PROPN", "PRON") and described is None:
            continue
        subject, root = described if described is not None else prep.head, sent.root
        old = {root.i, subject.i, verb.i, obj.i, prep.head.i}
        verb.head, verb.dep_ = verb, "ROOT"  # (the verb takes the root first, so that no step makes a cycle)
        verb.pos_, verb.tag_ = "VERB", "VBD"
        verb.set_morph("Tense=Past|VerbForm=Fin")
        if root.i not in (verb.i, subject.i):
            root.head, root.dep_ = verb, "prep" if root.pos_ == "ADP" else "dep"  # ("On Palm Sunday, …")
        _hang_clause_on(verb, subject, obj, prep, before, old)


def _intransitive_verb_read_as_a_modifier(doc: Doc) -> None:
    """In "A truck packed with explosives detonated at the Serena Hotel" the parser reads
    "detonated at the Serena Hotel" as a participle describing "explosives", and the
    sentence's root is "truck": the sentence has no verb. A participle with no object, agent
    or subject right after the object of a preposition on a participle that describes the
    root noun of a sentence with no finite verb, with no comma between, is the sentence's
    verb, the root noun its subject (with an object it is _verb_read_as_a_modifier's)."""
    arr = doc.to_array([TAG, DEP])
    past = np.isin(arr[:, 0], [doc.vocab.strings.add(t) for t in ("VBD", "VBN")]) & (arr[:, 1] == doc.vocab.strings.add("acl"))
    for verb in (doc[int(i)] for i in np.flatnonzero(past)):
        sent = verb.sent
        subject = sent.root
        if subject.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ not in ("acl", "amod", "relcl")
                                                        for t in sent):
            continue  # (a sentence with a finite verb has its verb)
        if any(c.dep_ in ("dobj", "agent", "nsubj", "nsubjpass", "auxpass") for c in verb.children):
            continue
        before = verb.head
        if before.i != verb.i - 1 or before.dep_ != "pobj" or before.head.dep_ != "prep":
            continue
        described = _described_by_participle(before.head.head)
        if described is None or described.i != subject.i or any(t.text == "," for t in doc[subject.i : verb.i]):
            continue  # (not after an aside: "troops, backed by aircraft, clashed with fighters dug into the mountains")
        verb.head, verb.dep_ = verb, "ROOT"  # (the verb takes the root first, so that no step makes a cycle)
        verb.pos_, verb.tag_ = "VERB", "VBD"
        verb.set_morph("Tense=Past|VerbForm=Fin")
        subject.head, subject.dep_ = verb, "nsubj"
        for t in doc[verb.i + 1 : sent.end]:
            if t.head.i == subject.i:
                t.head = verb  # (the full stop)


def _verb_after_an_aside(verb: Token, comma: Token) -> None:
    """"Fighters of Ansar al-Sharia, the local arm of AQAP (AQAP), overran army positions at
    Dofas": after an aside the parser may read the past verb as a modifier of its object
    ("overran army positions" a noun phrase), and the sentence's root is its subject. The
    verb takes the root's place, with the root as its subject (the aside stays on it) and
    the noun after it as its object; what hung on the old root after the object hangs on it."""
    sent, doc = verb.sent, verb.doc
    subject, obj, clause = sent.root, _noun_phrase_head_after(verb), None
    if subject.pos_ in ("VERB", "AUX") and _is_subordinate(subject):
        # the root is a clause of time or cause: the subject is the noun before the aside that
        # the verb's phrase hangs from ("Myanmar army troops, backed by …, fought members")
        clause = subject
        subject = next((a for a in verb.ancestors if a.pos_ in ("NOUN", "PROPN") and a.i < comma.i), None)
        if subject is None:
            return
    if subject.pos_ not in ("NOUN", "PROPN") or subject.i >= comma.i or obj is None or obj.i <= verb.i:
        return
    old = {subject.i, verb.i, obj.i}
    verb.head, verb.dep_ = verb, "ROOT"  # (the verb takes the root first: no step makes a cycle)
    verb.pos_, verb.tag_ = "VERB", "VBD"
    verb.set_morph("Tense=Past|VerbForm=Fin")
    subject.head, subject.dep_ = verb, "nsubj"
    obj.head, obj.dep_ = verb, "dobj"
    if clause is not None:
        clause.head, clause.dep_ = verb, "advcl"
        for t in doc[sent.start : subject.i]:
            if t.head.i == clause.i:  # what opens the sentence is the verb's ("In mid-May 2021, …")
                t.head, t.dep_ = verb, ("npadvmod" if t.dep_ in _SUBJECTS else t.dep_)
    for t in doc[obj.right_edge.i + 1 : sent.end]:
        if t.head.i in old and t.head.i != t.i and t.i != verb.i:
            t.head = verb  # ("at Dofas", the full stop)


def _is_subordinate(verb: Token) -> bool:
    """Whether a verb's clause is opened by a subordinating word ("after", "because", "when":
    a mark), and so hangs on another clause."""
    return any(c.dep_ == "mark" and c.lower_ != "that" for c in verb.children)


def _described_by_participle(participle: Token) -> Token | None:
    """The noun a participle describes ("a man armed with …", "a group of assailants dressed in
    …": the group), when the participle hangs on a noun before it; else None."""
    if participle.dep_ != "acl" or participle.tag_ not in ("VBN", "VBG") or participle.head.i >= participle.i \
            or participle.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = participle.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN") and noun.head.head.i < noun.i:
        noun = noun.head.head
    return noun


def _clause_read_as_a_modifier(doc: Doc) -> None:
    """In "Chad's army fought rebels of the FACT in Kanem province on 17 and 18 April" the
    parser reads "fought rebels" as a noun with its adjective, the sentence's root, and leaves
    the verb its subject ("army"). A past verb with a subject of its own before it that
    modifies the root noun right after it is the sentence's verb, the noun its object; what
    hung on the noun after it hangs on the verb, but for the noun's own "of" phrase."""
    for verb in doc:
        if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
            continue
        noun, after = verb.head, _noun_phrase_head_after(verb)
        if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN") or after is None or after.i != noun.i:
            continue
        verb.head, verb.dep_ = verb, "ROOT"  # (the verb takes the root first, so that no step makes a cycle)
        verb.pos_, verb.tag_ = "VERB", "VBD"
        verb.set_morph("Tense=Past|VerbForm=Fin")
        noun.head, noun.dep_ = verb, "dobj"
        for c in list(noun.children):
            if c.i > noun.i and not (c.dep_ == "prep" and c.lower_ == "of"):
                c.head = verb  # ("in Kanem province on 17 and 18 April 2021", ", and said …", the full stop)


def _noun_phrase_head_after(token: Token) -> Token | None:
    """The head of the noun phrase that starts right after a token: from the next word up
    through the nouns it modifies to its right. The first word may be a participle on a noun
    after it ("armed men", "Rising Kashmir editor-in-chief X")."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return None
    t = doc[token.i + 1]
    participle = t.tag_ in ("VBG", "VBN") and t.dep_ in ("amod", "compound", "nmod") and t.head.i > t.i
    if t.pos_ not in ("DET", "NUM", "ADJ", "NOUN", "PROPN") and not participle:
        return None
    while t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN", "NUM") and t.head.i < t.sent.end:
        t = t.head
    return t if t.pos_ in ("NOUN", "PROPN") else None


def _phrase_after_a_gap_in_time(doc: Doc) -> None:
    """In "detonated two car bombs minutes apart outside the town hall and the main post
    office" the parser hangs "outside the town hall" on "minutes" (or on "apart") and joins
    "the main post office" to "minutes". A span of time measured by "apart", "later" or
    "earlier" on a verb says when, and takes no phrase: a preposition after it is the
    verb's, and a noun joined to the span after that preposition's object is joined to the
    object (model_view.toml parse_repairs duration_nouns, gap_words). When the parser reads
    the span as the verb's object, with the object a word of it ("two car bombs minutes"),
    that word is the object."""
    units, gaps = _repair_words("duration_nouns"), _repair_words("gap_words")
    for gap in _tokens_with(doc, LOWER, gaps):
        # (the span hangs on the gap word, "seconds apart", or the gap word on the span)
        span = gap.head if gap.head.dep_ in ("npadvmod", "dobj") and gap.head.lemma_.lower() in units \
            else next((c for c in gap.children if c.dep_ == "npadvmod" and c.lemma_.lower() in units), None)
        if span is None or gap.i != span.i + 1:
            continue
        verb = gap.head if gap.head.i != span.i else span.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if span.dep_ == "dobj":
            obj = doc[span.i - 1]
            if obj.head.i != span.i or obj.dep_ != "compound" or obj.tag_ not in ("NN", "NNS"):
                continue
            obj.head, obj.dep_ = verb, "dobj"
            for t in doc[span.left_edge.i : obj.i]:
                if t.head.i == span.i:
                    t.head = obj  # ("two car": the count and the kind are the bombs')
            span.dep_ = "npadvmod"
        preps = [c for h in (span, gap) for c in h.children if c.dep_ == "prep" and c.i > gap.i]
        for prep in preps:
            prep.head = verb
        objs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        for conj in [c for h in (span, gap) for c in h.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]:
            obj = next((o for o in objs if o.i < conj.i), None)
            if obj is not None:
                conj.head = obj
                for cc in [c for h in (span, gap) for c in h.children if c.dep_ == "cc" and obj.i < c.i < conj.i]:
                    cc.head = obj


@lru_cache(maxsize=1)
def _plural_actor_head_ids() -> np.ndarray:
    """The string ids of the plural head nouns naming people or groups ("inmates")."""
    return np.array(sorted(get_string_id(w) for w in _actor_heads() if w.endswith("s")), dtype=np.uint64)


def _past_verb_after(noun: Token) -> Token | None:
    """The past verb a plural read as a verb is the subject of: the first word after it in
    its clause, before any punctuation, that hangs from it (or from its noun) and is a past
    verb or an adjective in "-ed" on the next noun."""
    doc = noun.doc
    for t in doc[noun.i + 1 : min(noun.i + 12, len(doc))]:
        if t.is_punct:
            return None
        if t.tag_ == "VBD" and (t.head.i == noun.i or t.head.head.i == noun.i):
            return t
        if t.i == noun.i + 1 and t.pos_ == "ADJ" and t.lower_.endswith("ed") and t.dep_ == "amod" \
                and t.head.head.i == noun.i and t.head.pos_ == "NOUN":
            return t
    return None


def _party_after_a_duration(doc: Doc) -> None:
    """In "police exchanged fire for hours with the traffickers" the parser hangs "with
    the traffickers" on "hours". A "with" or "against" on a span of time that is the object
    of "for" or "over" on a verb is the verb's: the other side of what it says was done
    for that long (model_view.toml parse_repairs duration_nouns, party_preps). So is one on
    the time a verb's "on", "in", "at" or "during" tells ("marched on the evening of 14
    November against the interim president": "against" hung on "evening"): a day or an
    hour takes no side."""
    units = _repair_words("duration_nouns")
    # (only the Doc's "with" and "against", found on its array: no Token made per word;
    # not tokens_where, whose arrays are read once per Doc after these repairs)
    party_preps = np.isin(doc.to_array(LOWER), [doc.vocab.strings.add(w) for w in _repair_words("party_preps")])
    for prep in (doc[int(i)] for i in np.flatnonzero(party_preps)):
        if prep.dep_ != "prep":
            continue
        span = prep.head
        if span.dep_ != "pobj" or span.i > prep.i:
            continue
        over = span.head
        if not (span.lemma_.lower() in units and over.lower_ in ("for", "over")):
            if not _names_a_time(span):
                continue
            while over.lower_ == "of" and over.head.dep_ == "pobj" and _names_a_time(over.head):
                over = over.head.head  # ("on the evening of 14 November": the evening's "on")
            if over.lower_ not in ("on", "in", "at", "during"):
                continue
        if over.dep_ == "prep" and over.head.pos_ == "VERB":
            prep.head = over.head


@lru_cache(maxsize=1)
def _assault_verbs() -> frozenset[str]:
    """The verbs of force (events.toml ASSAULT verbs)."""
    return frozenset(v for e in lexicon("events")["event"] if e["type"] == "ASSAULT" for v in e.get("verbs", ()))


@lru_cache(maxsize=1)
def _act_verb_ids() -> np.ndarray:
    """The string ids of the verbs that name an act (events.toml verbs, every type)."""
    return np.array(sorted(get_string_id(v) for e in lexicon("events")["event"] for v in e.get("verbs", ())), dtype=np.uint64)


def _headline_verb_read_as_noun(doc: Doc) -> None:
    """Headlines drop their articles and tell a past act in the present: "Police storm gang's
    hideout in northern France", "Rioters attack gendarmerie brigades in Tizi Ouzou", "Thai
    troops storm hospital". The parser reads the verb as a noun of one long noun phrase, and
    the headline has no verb. In a line of its own with no full stop (a headline) whose first
    clause (up to a semicolon or a comma after the word) has no verb, a lower-case word that
    names an act (events.toml verbs) between a noun and the phrase after it (a noun phrase, or
    "on", "at", "to", "into", "against") is its verb: the first noun before it whose head lies
    after it is its subject, with what hangs on it; the noun phrase after it its object or the
    preposition its own. Not a noun at the end ("Camp Chapman attack", "Shining Path ambush")
    nor after a determiner ("the attack on the base")."""
    arr = doc.to_array([LEMMA, POS])
    verb_pos = doc.vocab.strings.add("VERB")
    for word in (doc[int(i)] for i in np.flatnonzero(np.isin(arr[:, 0], _act_verb_ids()) & (arr[:, 1] != verb_pos))):
        sent = word.sent
        if not word.is_lower or word.i <= sent.start or word.i + 1 >= sent.end or not _is_headline(sent):
            continue
        # the headline's first clause, up to a semicolon or a comma after the word ("…; 47
        # gendarmes injured", "…, kill ten rebels"), has no verb
        end = next((t.i for t in doc[word.i : sent.end] if t.text in (";", ",")), sent.end)
        if any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start : end]):
            continue
        # the subject: the first word before it whose head lies after it ("Joint forces of
        # Uganda, DR Congo and Southern Sudan attack …": the forces)
        subject = next((t for t in doc[sent.start : word.i] if t.head.i >= word.i or t.head.i == t.i), None)
        after = doc[word.i + 1]
        if subject is None or subject.tag_ not in ("NN", "NNS", "NNP", "NNPS") or doc[word.i - 1].tag_ not in ("NN", "NNS", "NNP", "NNPS") \
                or any(t.pos_ == "DET" and t.head.i >= word.i for t in doc[sent.start : word.i]):
            continue
        obj = _noun_phrase_head_after(word) if after.tag_ != "IN" else None
        if obj is None and after.lower_ not in ("on", "at", "to", "into", "against"):
            continue
        root = sent.root
        word.head, word.dep_ = word, "ROOT"  # (the verb takes the root first: no step makes a cycle)
        word.pos_, word.tag_ = "VERB", "VBZ" if word.lower_.endswith("s") and not word.lower_.endswith("ss") else "VBP"
        word.set_morph("Tense=Pres|VerbForm=Fin")
        if root.i != word.i and root.i != subject.i:
            root.head = word
        subject.head, subject.dep_ = word, "nsubj"
        for t in doc[sent.start : word.i]:
            if t.i != subject.i and (t.head.i >= word.i or t.head.i == t.i):
                t.head = subject  # ("Thai troops": its modifiers)
        if obj is not None:
            obj.head, obj.dep_ = word, "dobj"
        else:
            after.head, after.dep_ = word, "prep"
        kept = {word.i} | ({obj.i} if obj is not None else {after.i})
        for t in doc[word.i + 1 : sent.end]:
            if t.i not in kept and (t.head.i < word.i or t.head.i == t.i):
                t.head = word  # (what hung on the old root: "in northern France", a clause after a comma)
        if root.i not in kept and root.i != subject.i and root.i > word.i:
            root.dep_ = "parataxis" if root.i >= end else "dep"  # ("; 47 gendarmes injured": a clause of its own)


def _adjective_read_as_subject(doc: Doc) -> None:
    """"About 200 fighters of the MNLF loyal to its founder Nur Misuari landed in Zamboanga":
    the parser makes "loyal" the subject of "landed", with "fighters" as its own subject. An
    adjective read as a verb's subject, with a noun before it as its subject, describes that
    noun ("fighters loyal to X", "militiamen close to the army"): the noun is the verb's
    subject and the adjective its modifier."""
    arr = doc.to_array([POS, DEP])
    found = (arr[:, 0] == doc.vocab.strings.add("ADJ")) & np.isin(arr[:, 1], [doc.vocab.strings.add(d) for d in ("nsubj", "nsubjpass")])
    for adjective in (doc[int(i)] for i in np.flatnonzero(found)):
        noun = next((c for c in adjective.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < adjective.i
                     and c.pos_ in ("NOUN", "PROPN")), None)
        if noun is None or adjective.head.i == adjective.i or adjective.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = adjective.head
        noun.head, noun.dep_ = verb, adjective.dep_
        adjective.head, adjective.dep_ = noun, "amod"


def _clause_read_as_an_object(doc: Doc) -> None:
    """"Dozens killed as ISIL-linked fighters overrun Palma": the parser reads "as" as a
    preposition with "fighters" its object, and leaves "overrun" hanging. A subordinator read
    as a preposition (model_view.toml parse_repairs subordinators) whose object's phrase ends
    right before a finite verb left without a clause of its own opens that verb's clause: the
    object is its subject, the subordinator its mark, and the clause hangs on what the
    preposition hung on."""
    subordinators = _repair_words("subordinators")
    arr = doc.to_array([TAG, DEP])
    finite = np.isin(arr[:, 0], [doc.vocab.strings.add(t) for t in ("VBP", "VBZ", "VBD")]) \
        & np.isin(arr[:, 1], [doc.vocab.strings.add(d) for d in ("dep", "conj", "appos", "advcl")])
    for verb in (doc[int(i)] for i in np.flatnonzero(finite)):
        if verb.i == 0 or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        noun = doc[verb.i - 1]
        while noun.head.i > noun.i and noun.head.i < verb.i:
            noun = noun.head
        prep = noun.head
        if noun.dep_ != "pobj" or noun.pos_ not in ("NOUN", "PROPN") or prep.lower_ not in subordinators or prep.dep_ != "prep" \
                or noun.right_edge.i != verb.i - 1 or prep.head.pos_ not in ("VERB", "AUX") or verb.head.i != prep.head.i:
            continue
        verb.head, verb.dep_ = prep.head, "advcl"
        noun.head, noun.dep_ = verb, "nsubj"
        prep.head, prep.dep_, prep.pos_ = verb, "mark", "SCONJ"


def _is_headline(sent: Span) -> bool:
    """A sentence that is a line of its own with no full stop: a headline or a title."""
    doc = sent.doc
    last = doc[sent.end - 1]
    while last.is_space and last.i > sent.start:
        last = doc[last.i - 1]
    ends_line = sent.end >= len(doc) or "\n" in doc[sent.end - 1].text or "\n" in doc[sent.end - 1].whitespace_ \
        or (doc[sent.end].is_space and "\n" in doc[sent.end].text)
    opens_line = sent.start == 0 or "\n" in doc[sent.start - 1].text or "\n" in doc[sent.start - 1].whitespace_
    return ends_line and opens_line and last.text not in (".", "!", "?", ":", '"', "'", "”", "’")


def _names_a_time(token: Token) -> bool:
    """A day, a month or a part of a day ("evening", "November", "Sunday"; model_view.toml
    parse_repairs duration_nouns, time.toml day_parts), as the words say it: the repairs run
    before the entity recogniser."""
    return token.text in _WEEKDAYS or token.text in _MONTHS or token.lemma_.lower() in _repair_words("duration_nouns") \
        or token.lower_ in _day_parts()


def _object_of_a_conjunct(doc: Doc) -> None:
    """In "Belarusian authorities forced the flight to land in Minsk, then detained
    opposition journalist Roman Protasevich" the parser makes the journalist the subject
    of "detained". A past verb joined to one with a subject before it, whose own
    "subject" follows it with no object of its own, shares the first verb's subject: the
    noun after it is its object. Not a verb that takes no object ("and then came the
    reinforcements"; model_view.toml parse_repairs)."""
    inverting = _repair_words("inverting_verbs")
    # (only the Doc's joined words, found on its array: no Token made per word)
    for verb in (doc[int(i)] for i in np.flatnonzero(doc.to_array(DEP) == doc.vocab.strings.add("conj"))):
        if verb.tag_ != "VBD" or verb.lemma_.lower() in inverting or verb.head.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i < verb.i or any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children) \
                or subject.pos_ not in ("NOUN", "PROPN") or any(t.is_punct for t in doc[verb.i + 1 : subject.left_edge.i]):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.head.i for c in verb.head.children):
            continue
        subject.dep_ = "dobj"


def _disguise_read_as_clause(doc: Doc) -> None:
    """In "Three gunmen dressed as police stormed the ward" the parser reads "as police
    stormed the ward" as a clause under "dressed", "police" its subject, and leaves the
    gunmen without a verb. When a participle of disguise (model_view.toml parse_repairs
    disguise_participles) describing a noun has such a clause, opened by "as" with its
    subject right after it, the clause's verb is the noun's, and "as police" the
    participle's phrase."""
    found = np.isin(doc.to_array(LOWER), [doc.vocab.strings.add(w) for w in _repair_words("disguise_participles")])
    for part in (doc[int(i)] for i in np.flatnonzero(found)):  # (a Token only for the few)
        if part.dep_ != "acl" or part.head.pos_ not in ("NOUN", "PROPN") or part.i + 1 >= len(doc):
            continue
        verb = next((c for c in part.children if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > part.i), None)
        if verb is None or doc[part.i + 1].lower_ != "as" or doc[part.i + 1].head.i != verb.i:
            continue
        as_, noun = doc[part.i + 1], part.head
        worn = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > as_.i), None)  # ("as riot police": its head)
        if worn is None or any(c.dep_ in _SUBJECTS for c in verb.children if c.i != worn.i):
            continue
        # the verb takes the noun's place first, so that no step makes a cycle
        if noun.head.i == noun.i:
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = noun.head, noun.dep_
        noun.head, noun.dep_ = verb, "nsubj"
        as_.head, as_.dep_, as_.pos_, as_.tag_ = part, "prep", "ADP", "IN"
        worn.head, worn.dep_ = as_, "pobj"


def _main_verb_read_as_participle(doc: Doc) -> None:
    """In "A van driven by a local man ploughed into pedestrians" the parser reads
    "ploughed into pedestrians" as a participle on "man", and leaves the sentence with a
    noun for its root and no verb. When a noun is a sentence's root and the agent of a
    participle on it has such a participle after it, that is the sentence's verb and the
    noun its subject. So is a verb with an object joined to such a participle after a comma
    ("Investigators of the office, backed by police, arrested the president": "arrested"
    read as joined to "backed")."""
    arr = doc.to_array([DEP, POS])
    nominal_roots = (arr[:, 0] == doc.vocab.strings.add("ROOT")) & np.isin(arr[:, 1], [doc.vocab.strings.add(p) for p in ("NOUN", "PROPN")])
    for noun in (doc[int(i)] for i in np.flatnonzero(nominal_roots)):
        participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and any(p.dep_ == "agent" for p in c.children)]
        agents = [a for c in participles for p in c.children if p.dep_ == "agent" for a in p.children if a.dep_ == "pobj"]
        verb = next((v for a in agents for v in a.children if v.dep_ == "acl" and v.tag_ in ("VBN", "VBD") and v.i > a.i
                     and not any(c.dep_ in _SUBJECTS for c in v.children)), None)
        if verb is None:
            verb = next((v for c in participles for v in c.children if v.dep_ == "conj" and v.tag_ in ("VBN", "VBD")
                         and doc[v.i - 1].text == "," and any(o.dep_ == "dobj" for o in v.children)
                         and not any(o.dep_ in _SUBJECTS for o in v.children)), None)
        if verb is None:
            continue
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        verb.set_morph("Tense=Past|VerbForm=Fin")
        noun.head, noun.dep_ = verb, "nsubj"
        for child in list(noun.children):
            if child.i > verb.i:  # ("…, while Navy boats watched the coast": the clause's, as the full stop)
                child.head = verb


def _participle_read_as_the_main_verb(doc: Doc) -> None:
    """In "Thousands of supporters answering a call by the FNDC demonstrated in the capital"
    the parser makes "answering" the sentence's verb, with "demonstrated" the clause it
    reports (or a clause on the last noun of its object: "… answering a call by the campaign
    gathered in the square"). A present participle with no auxiliary cannot be a sentence's
    verb: one that is the root with a subject before it and a past verb with no subject of its
    own after its object is a participle describing that subject, and the past verb is the
    sentence's. So is one with a subject of its own read as the clausal subject of such a verb."""
    for part in (doc[int(i)] for i in np.flatnonzero(doc.to_array(TAG) == doc.vocab.strings.add("VBG"))):
        if part.dep_ not in ("ROOT", "csubj") or any(c.dep_ in ("aux", "auxpass") for c in part.children):
            continue
        subject = next((c for c in part.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < part.i), None)
        obj = next((c for c in part.children if c.dep_ == "dobj" and c.i > part.i), None)
        if part.dep_ == "ROOT":
            verb = next((c for c in part.children if c.dep_ in ("ccomp", "conj") and c.tag_ == "VBD"), None)
            if verb is None and obj is not None:
                # ("… answering a call by the campaign gathered in the square": the past verb hung
                # on a noun of the object's phrase, right after its last noun, as a clause on it;
                # its subject may be a name that ends that phrase, _name_read_as_the_subject_of_the_verb_after)
                # (the clauses listed before any is mended: the mending changes the object's subtree)
                clauses = [v for v in obj.subtree if v.dep_ in ("acl", "relcl") and v.tag_ == "VBD" and v.head.pos_ in ("NOUN", "PROPN")]
                verb = next((v for v in clauses if (_name_read_as_the_subject_of_the_verb_after(doc, obj, v) or v.left_edge.i == v.i)
                             and doc[v.i - 1].pos_ in ("NOUN", "PROPN")), None)
        else:
            verb = part.head if part.head.tag_ == "VBD" and part.head.i > part.i else None
        if verb is not None and obj is not None and verb.dep_ in ("ccomp", "conj"):
            _name_read_as_the_subject_of_the_verb_after(doc, obj, verb)
        if subject is None or verb is None or obj is None or (verb.i < obj.right_edge.i and verb.dep_ not in ("acl", "relcl")) \
                or any(g.dep_ in _SUBJECTS and g.i != part.i for g in verb.children) \
                or any(t.text == "," for t in doc[subject.right_edge.i + 1 : part.i]):
            continue
        opening = subject.left_edge.i  # (before the participle joins the subject's phrase)
        if part.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"  # (the verb takes the root first, so that no step makes a cycle)
        # the participle describes the noun the subject's phrase names ("supporters" of "Thousands of supporters")
        described = subject.right_edge if subject.right_edge.i == part.i - 1 and subject.right_edge.pos_ in ("NOUN", "PROPN") else subject
        subject.head, subject.dep_ = verb, "nsubj"
        part.head, part.dep_ = described, "acl"
        for c in list(part.children):
            if c.i > verb.i or c.i < opening:
                c.head = verb  # (the full stop; an opening phrase: "On the evening of 22 August, …")


def _name_read_as_the_subject_of_the_verb_after(doc: Doc, obj: Token, verb: Token) -> bool:
    """In "… answering a call by the opposition Al-Wefaq Society marched" the parser ends the
    object's phrase at "opposition" and makes the name after it the subject of "marched". A
    proper name right after a noun of the object's phrase, with nothing but that name before
    the verb, goes on with that noun's phrase: the name is the noun's head there, the noun its
    modifier. Whether it was so (and mended)."""
    subject = next((g for g in verb.children if g.dep_ in ("nsubj", "nsubjpass") and g.i < verb.i), None)
    if subject is None or subject.pos_ != "PROPN" or subject.right_edge.i != verb.i - 1 or subject.left_edge.i < 1:
        return False
    last = doc[subject.left_edge.i - 1]
    if last.pos_ != "NOUN" or last.dep_ != "pobj" or not obj.left_edge.i <= last.i or any(c.i > last.i for c in last.children) \
            or last not in obj.subtree:
        return False
    for child in list(last.children):
        child.head = subject  # ("the" of "the opposition" is the name's)
    subject.head, subject.dep_ = last.head, "pobj"
    last.head, last.dep_ = subject, "compound"
    return True


def _description_by_agent_read_as_verb(doc: Doc) -> None:
    """In "A suicide bombing, claimed two days later by the Islamic State, killed 29
    worshippers" the parser makes "claimed" the sentence's verb, with the bombing its
    subject, and joins "killed" to it. A participle right after a comma, with its agent
    ("by …") and the noun before the comma as its subject, joined to a verb that follows
    its own closing comma with an object and no subject, describes the noun: the joined
    verb is the sentence's, with the noun as its subject."""
    arr = doc.to_array([DEP, TAG])
    # (the tagger may call it a past tense: with its agent, it is the participle)
    found = (arr[:, 0] == doc.vocab.strings.add("ROOT")) & np.isin(arr[:, 1], [doc.vocab.strings.add(t) for t in ("VBN", "VBD")])
    for part in (doc[int(i)] for i in np.flatnonzero(found)):
        if part.i < 2 or doc[part.i - 1].text != "," or not any(c.dep_ == "agent" and c.i > part.i for c in part.children):
            continue
        noun = next((c for c in part.children if c.dep_ == "nsubj" and c.i < part.i and c.right_edge.i in (part.i - 2, part.i - 1)), None)
        verb = next((c for c in part.children if c.dep_ == "conj" and c.tag_ == "VBD" and doc[c.i - 1].text == ","
                     and any(o.dep_ == "dobj" for o in c.children) and not any(o.dep_ in _SUBJECTS for o in c.children)), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or verb is None:
            continue
        verb.head, verb.dep_ = verb, "ROOT"  # (the verb takes the root first, so that no step makes a cycle)
        noun.head, noun.dep_ = verb, "nsubj"
        part.head, part.dep_, part.tag_ = noun, "acl", "VBN"
        part.set_morph("Aspect=Perf|Tense=Past|VerbForm=Part")
        for child in list(part.children):
            if child.i > verb.i or child.dep_ == "cc":
                child.head = verb  # (the full stop)


def _hedge_without_commas(part: Token) -> None:
    """"Gunmen believed to belong to JNIM fired rockets at the boat": with no commas the
    parser makes "believed" the sentence's verb, its subject the gunmen, and "fired" a clause
    on it whose subject is a piece of the group's name. A participle of belief right after
    its subject, with a "to" infinitive, and a past verb after the infinitive's phrase hung
    on it: the past verb is the sentence's, the subject its own, and the participle
    describes the subject again; what hung on the past verb from inside the description
    hangs on the description."""
    doc = part.doc
    subject = doc[part.i - 1]
    infinitive = next((c for c in part.children if c.dep_ == "xcomp" and c.i > part.i
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if subject.dep_ not in _SUBJECTS or subject.head.i != part.i or subject.pos_ not in ("NOUN", "PROPN") or infinitive is None:
        return
    main = next((c for c in part.children if c.dep_ in ("ccomp", "conj", "advcl") and c.tag_ == "VBD" and c.i > infinitive.i), None)
    if main is None or any(t.text in (",", ";") or t.dep_ == "cc" for t in doc[part.i + 1 : main.i]):
        return  # ("The military claimed to have killed him, but he reappeared": a claim and a clause of its own)
    inside = [t for t in doc[part.i + 1 : main.i] if t.head.i == main.i]
    main.head, main.dep_ = main, "ROOT"  # first, so that no step makes a cycle
    for t in doc[part.sent.start : part.i]:
        if t.head.i == part.i:
            t.head = main  # (the date that opens the sentence, the subject)
    for t in doc[main.i + 1 : part.sent.end]:
        if t.head.i == part.i:
            t.head = main  # (the full stop)
    for t in inside:
        t.head, t.dep_ = infinitive, "dep"  # ("al" of "Jama'at Nusrat al-Islam", read as the subject of "fired")
    part.head, part.dep_, part.tag_ = subject, "acl", "VBN"
    part.set_morph("Tense=Past|VerbForm=Part")


def _hedged_description_read_as_verb(doc: Doc) -> None:
    """In "Gunmen, believed to be members of the group, attacked the hotel" the parser makes
    "believed" the sentence's verb, "attacked" joined to it; in "was abducted by armed men,
    thought to be jihadists, from his house on 17 September" it joins "thought" to
    "abducted" and hangs the rest of the sentence on "to be". A participle of belief or
    report (model_view.toml parse_repairs hedge_participles) right after a comma, with a
    "to" infinitive and no subject after it, describes the noun before the comma (through
    "of": "members of the cell, said to be"); what follows the description's closing comma
    is the sentence's again."""
    found = np.isin(doc.to_array(LOWER), [doc.vocab.strings.add(w) for w in _repair_words("hedge_participles")])
    for part in (doc[int(i)] for i in np.flatnonzero(found)):  # (a Token only for the few)
        if part.i >= 1 and doc[part.i - 1].text != "," and part.dep_ == "ROOT":
            _hedge_without_commas(part)
            continue
        if part.i < 2 or doc[part.i - 1].text != "," or part.dep_ not in ("conj", "ROOT") or part.tag_ not in ("VBD", "VBN"):
            continue
        if any(c.dep_ in _SUBJECTS for c in part.children if c.i > part.i) or not any(
                c.dep_ == "xcomp" and c.i > part.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in part.children):
            continue
        noun = doc[part.i - 2]
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # ("two members of the cell, said to be": the members)
        if noun.pos_ not in ("NOUN", "PROPN") or noun.sent.start != part.sent.start:
            continue
        closing = next((t for t in doc[part.i + 1 : part.right_edge.i + 1] if t.text == ","), None)
        phrase_end = closing.i if closing is not None else part.right_edge.i
        if part.dep_ == "ROOT":
            # "Gunmen, believed to be …, attacked": the joined verb after the description is the sentence's
            main = next((c for c in part.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > phrase_end), None)
            if main is None or noun.head.i != part.i or noun.dep_ not in ("nsubj", "nsubjpass"):
                continue
            main.head, main.dep_ = main, "ROOT"  # first, so that no step makes a cycle
            noun.head = main
        else:
            main = part.head
            if main.pos_ not in ("VERB", "AUX") or not (main.left_edge.i <= noun.i < part.i) \
                    or any(a.i == part.i for a in noun.ancestors):
                continue
        for t in doc[phrase_end + 1 : part.right_edge.i + 1]:
            if part.i <= t.head.i <= phrase_end and t.i != main.i:
                t.head = main  # (", from his house on 17 September": the abduction's)
        part.head, part.dep_, part.tag_ = noun, "acl", "VBN"
        part.set_morph("Tense=Past|VerbForm=Part")


def _speech_read_as_relative_clause(doc: Doc) -> None:
    """In "The army drove the force, a coalition of militias, out of the city, the general
    announced on 28 June" the parser reads "the general announced on 28 June" as a relative
    clause on the noun before it, and what was announced loses its speaker. A verb of saying
    (speech.toml cue_verbs) hung as a relative clause after a comma, with a subject of its
    own that is no relative pronoun and nothing said of its own, is the sentence's verb, and
    the clause it closes is what was said."""
    cues = _speech_cues()
    for verb in (doc[int(i)] for i in np.flatnonzero(doc.to_array(DEP) == doc.vocab.strings.add("relcl"))):
        if verb.lemma_.lower() not in cues or verb.pos_ != "VERB" or verb.left_edge.i == 0 or doc[verb.left_edge.i - 1].text != ",":
            continue
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if len(subjects) != 1 or subjects[0].dep_ != "nsubj" or subjects[0].lower_ == "that" \
                or any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in doc[verb.left_edge.i : verb.i]) \
                or any(c.dep_ in ("dobj", "ccomp", "xcomp", "mark", "auxpass") for c in verb.children):
            continue  # (a relative clause: "Maher al-Assad, whose division is considered closer to Iran")
        root = verb.sent.root
        if root.pos_ not in ("VERB", "AUX") or root.i >= verb.i or root.i == verb.i:
            continue
        trailing = [t for t in doc[verb.right_edge.i + 1 : verb.sent.end] if t.head.i == root.i]
        verb.head, verb.dep_ = verb, "ROOT"  # first, so that no step makes a cycle
        root.head, root.dep_ = verb, "ccomp"
        for t in trailing:
            t.head = verb  # (the full stop: what was said ends before its speaker)


def _ordered_act_read_as_description(doc: Doc) -> None:
    """In "the president ordered 2,000 troops deployed to the port" the parser reads
    "deployed to the port" as a participle describing the troops, and the order has no act.
    A past participle on the object of a verb of ordering (model_view.toml
    parse_repairs ordering_verbs), with no comma and no subject, is the act ordered, its
    object what it is done to ("troops deployed", "the prisoners released")."""
    ordering = _repair_words("ordering_verbs")
    for part in (doc[int(i)] for i in np.flatnonzero(doc.to_array(DEP) == doc.vocab.strings.add("acl"))):
        noun = part.head
        if part.tag_ != "VBN" or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ordering \
                or part.left_edge.i != part.i or doc[part.i - 1].text in (",", "(") \
                or any(c.dep_ in (*_SUBJECTS, "agent") for c in part.children):
            continue  # (not "ordered the weapons seized by the police destroyed": those seized are described)
        order = noun.head
        part.head, part.dep_ = order, "ccomp"  # first, so that no step makes a cycle
        noun.head, noun.dep_ = part, "nsubjpass"


def _bracket_on_the_first_of_a_list(doc: Doc) -> None:
    """In "the government and the Houthi movement (Ansar Allah) agreed" the parser hangs
    the bracketed name on the list's first item; it names the item just before it."""
    for name in (doc[int(i)] for i in np.flatnonzero(doc.to_array(DEP) == doc.vocab.strings.add("appos"))):
        if name.left_edge.i == 0 or doc[name.left_edge.i - 1].text != "(":
            continue
        items = [c for c in name.head.conjuncts if c.i < name.i and c.head.i == name.head.i]
        last = max(items, key=lambda c: c.i) if items else None
        if last is not None and last.right_edge.i == name.left_edge.i - 2:  # (the bracket right after the last item)
            brackets = [t for t in (doc[name.left_edge.i - 1], doc[name.right_edge.i + 1] if name.right_edge.i + 1 < len(doc) else None)
                        if t is not None and t.head.i == name.head.i and t.text in "()"]
            name.head = last
            for t in brackets:
                t.head = last


def _of_on_the_first_of_a_list(doc: Doc) -> None:
    """In "Marines and soldiers of the Kenyan army returned fire" the parser hangs the "of"
    on the list's first item; an "of" right after the last item is that item's ("the
    capital and the east of the country", "the army and officers of the security
    services"). Of 367 such lists in the re3d-style sets, 313 tie the last item alone, 48 both
    and 6 the first alone ("ships and aircraft of the navy": what reads a list of a body's kit,
    or of two people each counted as one, joins the first item to the last's "of",
    relations/structure.py _body_described_of)."""
    for of in (doc[int(i)] for i in np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings.add("of"))):
        first = of.head
        if of.dep_ != "prep" or first.pos_ not in ("NOUN", "PROPN") or first.i > of.i:
            continue
        items = [c for c in first.conjuncts if first.i < c.i < of.i and c.pos_ in ("NOUN", "PROPN")]
        last = max(items, key=lambda c: c.i) if items else None
        if last is not None and last.right_edge.i == of.i - 1 and not any(c.dep_ == "prep" and c.i > last.i for c in last.children):
            of.head = last


def _conjunct_read_as_an_object(doc: Doc) -> None:
    """In "protesters marched against the military and the 21 November deal" the parser
    makes "the deal" the march's object, the "and" left on a word before it. An object of a
    verb that opens right after an "and" which follows a preposition's object under that verb,
    the object having no conjunct of its own, is joined to the preposition's object (not
    "attacked the rebels in the north and seized their weapons": the object of another verb)."""
    for cc in _tokens_with(doc, LOWER, frozenset({"and", "or"})):
        if cc.dep_ != "cc" or cc.i < 2 or cc.i + 1 >= len(doc):
            continue
        first = doc[cc.i - 1]  # (the "and" may hang on the object itself, the last word of its phrase)
        while first.dep_ != "pobj" and first.head.i != first.i and first.head.right_edge.i in (cc.i - 1, cc.i):
            first = first.head
        if first.dep_ != "pobj" or first.right_edge.i not in (cc.i - 1, cc.i) or any(c.dep_ == "conj" for c in first.children):
            continue
        verb = first.head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == cc.i + 1), None)
        if obj is not None and verb.i < first.i < obj.i:
            obj.head, obj.dep_ = first, "conj"
            cc.head = first


def _target_hung_on_the_origin(doc: Doc) -> None:
    """In "insurgents fired rockets from the old town at the airport" the parser hangs "at
    the airport" on the town; after a verb of firing, a target's preposition hung on where
    the fire came from is the verb's: what was fired at (not "from the base at Bagram",
    a place named by where it is; model_view.toml parse_repairs firing_verbs, target_preps,
    sited_places)."""
    verbs, preps, sited = _repair_words("firing_verbs"), _repair_words("target_preps"), _repair_words("sited_places")
    for origin in _tokens_with(doc, LOWER, frozenset({"from"})):
        verb = origin.head
        if origin.dep_ != "prep" or verb.lemma_.lower() not in verbs or verb.i > origin.i:
            continue
        place = next((c for c in origin.children if c.dep_ == "pobj"), None)
        if place is None or place.lower_ in sited:
            continue
        target = next((c for c in place.children if c.dep_ == "prep" and c.lower_ in preps and c.i > place.i), None)
        if target is not None and not any(c.dep_ == "prep" and c.lower_ == target.lower_ for c in verb.children):
            target.head = verb


def _particle_read_as_quantity(doc: Doc) -> None:
    """In "the rebels handed over 20 hostages" the parser reads "over 20" as "more than
    20"; right after a verb that takes it as its particle (model_view.toml parse_repairs
    over_particle_verbs) "over" is the verb's particle."""
    verbs = _repair_words("over_particle_verbs")
    for over in (doc[int(i)] for i in np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings.add("over")) if i > 0):
        verb = doc[over.i - 1]
        if over.dep_ == "quantmod" and verb.pos_ == "VERB" and verb.lemma_.lower() in verbs:
            over.head, over.dep_, over.pos_, over.tag_ = verb, "prt", "ADP", "RP"


@lru_cache(maxsize=1)
def _day_parts() -> frozenset[str]:
    """Parts of a day (time.toml day_parts)."""
    return frozenset(lexicon("time")["day_parts"])


@lru_cache(maxsize=None)
def _repair_words(name: str) -> frozenset[str]:
    """A word list of model_view.toml [parse_repairs]."""
    return frozenset(lexicon("model_view")["parse_repairs"][name])


def _tokens_with(doc: Doc, attr: int, words: frozenset[str]) -> list[Token]:
    """The tokens whose `attr` (ORTH, LOWER or LEMMA) is one of `words`, found on the Doc's array:
    no Token made per word. For the repairs, which change the parse: `tokens_where` reads
    arrays kept for the Doc once the parse is mended."""
    return [doc[int(i)] for i in np.flatnonzero(np.isin(doc.to_array(attr), [doc.vocab.strings.add(w) for w in words]))]


def _object_taken_for_subject(doc: Doc) -> None:
    """In "Two groups are still holding at least 19 soldiers and 17 police officers, a
    security source told AFP" the parser makes the soldiers the subject of "told" and the
    source their apposition, leaving "holding" without an object; "told" may even hang
    under "holding" as its complement. When a speech verb's subject follows the reported
    clause with no comma between, the clause has no object, and the subject's apposition
    ends right before the verb, the subject is that clause's object, the apposition the
    speaker, and the clause what the verb reports. Speech verbs: lexicons/speech.toml
    cue_verbs."""
    cues = _speech_cues()
    # (only the Doc's speech verbs, found on its array: no Token made per word)
    speech = np.isin(doc.to_array(LEMMA), [doc.vocab.strings.add(w) for w in cues])
    for verb in (doc[int(i)] for i in np.flatnonzero(speech)):
        if verb.pos_ != "VERB":
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        under = clause is None and verb.dep_ == "ccomp" and verb.head.i < verb.i  # "told" hung under "holding"
        clause = verb.head if under else clause
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if clause is None or subject is None or not clause.i < subject.i < verb.i or clause.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "prep") and c.i > clause.i for c in clause.children) \
                or any(c.dep_ == "ccomp" and c.i > clause.i and c.i != verb.i for c in clause.children):
            continue
        if any(t.text == "," for t in doc[clause.i : subject.left_edge.i]):
            continue  # "Fighting goes on, the governor, Ali Musa, said": the subject set apart is the speaker
        speaker = next((c for c in subject.children if c.dep_ == "appos" and c.right_edge.i + 1 == verb.i), None)
        comma = doc[speaker.left_edge.i - 1] if speaker is not None and speaker.left_edge.i > 0 else None
        if speaker is None or comma is None or comma.text != ",":
            continue
        if under:
            above, dep = clause.head, clause.dep_
            verb.head = verb  # the speech verb heads the sentence (or the clause's place) ...
            verb.dep_ = "ROOT" if above.i == clause.i else dep
            clause.head, clause.dep_ = verb, "ccomp"  # ... and the clause is what it reports
            if above.i != clause.i:
                verb.head = above
            for t in [c for c in clause.children if c.dep_ == "punct" and c.i > verb.i]:
                t.head = verb
        subject.head, subject.dep_ = clause, "dobj"
        speaker.head, speaker.dep_ = verb, "nsubj"
        comma.head = verb


def _conjunct_of_its_tense(doc: Doc) -> None:
    """In "officials said their guards had not seen any armed men cross from their side and
    accused the Georgian authorities of staging the clash" the parser joins "accused" to
    "cross", the bare verb of what was seen, and the armed men become the accusers. A past
    verb (VBD) with no subject or auxiliary of its own cannot be joined to a bare or present
    verb (VB, VBP) that is another verb's complement: it is joined to the nearest past verb
    above that has a subject ("said"), whose subject it shares."""
    arr = doc.to_array([TAG, DEP])
    past_conj = (arr[:, 0] == doc.vocab.strings.add("VBD")) & (arr[:, 1] == doc.vocab.strings.add("conj"))
    for token in (doc[int(i)] for i in np.flatnonzero(past_conj)):
        head = token.head
        if head.tag_ not in ("VB", "VBP") or head.dep_ not in ("ccomp", "xcomp") or head.i > token.i \
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
            continue
        above = head.head
        while above.tag_ != "VBD" or not any(c.dep_ == "nsubj" for c in above.children):
            if above.head.i == above.i:
                above = None
                break
            above = above.head
        if above is None:
            continue
        cc = next((c for c in head.children if c.dep_ == "cc" and c.i == token.i - 1), None)
        token.head = above
        if cc is not None:
            cc.head = above


def _rehang_judged_act(doc: Doc) -> None:
    """In "condemns this crime against migrants", "praised the operation against the
    rebels" the parser hangs "against" on the verb of judging; it is the act's, whom the
    act was against, not whom the judgement is (lexicons/stances.toml [verbs]): re-hung
    on the object when it comes right after it."""
    judging = _judging_verbs()
    against = np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings.add("against"))  # (a Token only for the few)
    for prep in (doc[int(i)] for i in against):
        if prep.dep_ != "prep" or prep.head.lemma_.lower() not in judging:
            continue
        act = next((c for c in prep.head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == prep.i), None)
        if act is not None and act.pos_ == "NOUN":
            prep.head = act


@lru_cache(maxsize=1)
def _judging_verbs() -> frozenset[str]:
    return frozenset(lexicon("stances")["verbs"])


def _noun_read_as_verb(doc: Doc) -> None:
    """In "turned back journalists and aid workers" the tagger reads "aid" as a verb
    joined to "turned", with "workers" its object. A bare verb (VB) cannot be joined to
    a past or third-person verb (VBD, VBZ) with no subject or auxiliary of its own; when
    its object follows it at once and names people, the two words are one noun phrase,
    joined to the first verb's object: "aid" modifies "workers"."""
    arr = doc.to_array([TAG, DEP])
    bare_conj = (arr[:, 0] == doc.vocab.strings.add("VB")) & (arr[:, 1] == doc.vocab.strings.add("conj"))
    for token in (doc[int(i)] for i in np.flatnonzero(bare_conj)):
        if token.head.tag_ not in ("VBD", "VBZ") or token.i + 1 >= len(doc):
            continue
        noun, verb = doc[token.i + 1], token.head
        if noun.dep_ != "dobj" or noun.head.i != token.i or noun.tag_ != "NNS" or noun.lower_ not in _actor_heads() \
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
            continue
        first = next((c for c in verb.children if c.dep_ == "dobj" and c.i < token.i), None)
        if first is None:
            continue
        for child in list(token.children):
            if child.i != noun.i:
                child.head = verb  # ("on Friday": the first verb's)
        noun.head, noun.dep_ = first, "conj"
        token.head, token.dep_, token.tag_, token.pos_ = noun, "compound", "NN", "NOUN"
        cc = next((c for c in verb.children if c.dep_ == "cc" and first.i < c.i < token.i), None)
        if cc is not None:
            cc.head = first


def _phrases_of_an_aside(doc: Doc) -> None:
    """In "opened fire on supporters of X, most of them coca growers from the Chapare, at the
    bridge in Sacaba on 15 November 2019" the parser reads the aside "most of them coca growers"
    as a clause of the verb and hangs the place and the date after it on its noun ("killing 70
    people, many of them women and children, in an attack claimed by X": on "women", read as a
    second object). A noun after a verb, read as its clause or with a subject of its own (an
    aside), gives back to the verb the prepositions after the comma that closes it: they say
    where, when and in what the verb's act was done (model_view.toml parse_repairs aside_counts)."""
    counts = _repair_words("aside_counts")
    for noun in doc:
        # ("many of them" read as an apposition, the phrases after it hung on it)
        counted = noun.dep_ == "appos" and noun.lower_ in counts and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PRON" for o in c.children) for c in noun.children)
        if not counted and (noun.pos_ not in ("NOUN", "PROPN") or noun.head.pos_ != "VERB" or noun.i < noun.head.i
                            or not (noun.dep_ == "advcl" or any(c.dep_ == "nsubj" and c.i < noun.i for c in noun.children))):
            continue
        verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
        comma = next((c for c in noun.children if c.i > noun.i and c.text == ","), None)
        if comma is None or verb is None or verb.i > noun.i:
            continue
        moved = [c for c in noun.children if c.i > comma.i and c.dep_ == "prep"]
        for c in (comma, *moved) if moved else ():
            c.head = verb


def _main_clause_read_as_conjunct(doc: Doc) -> None:
    """In "Hours after fighters overran government buildings on 21 September, the Houthis and the
    government signed an agreement" the parser makes the subordinate clause the sentence's root
    and the main clause its conjunct. A root verb marked by a subordinator ("after", "when", …)
    with a conjunct verb of its own subject after a comma, and no "and" before it, hangs on that
    verb as its clause; the conjunct is the root (model_view.toml parse_repairs subordinators)."""
    subordinators = _repair_words("subordinators")
    for sent in doc.sents:
        verb = sent.root
        if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "mark" and c.lower_ in subordinators and c.i < verb.i
                                                       for c in verb.children):
            continue
        main = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i
                     and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        if main is None:
            continue
        between = [c for c in verb.children if verb.i < c.i < main.i and c.dep_ in ("cc", "punct")]
        if any(c.dep_ == "cc" for c in between) or not any(c.text == "," for c in between):
            continue  # ("after X came and Y went", "when A fell, and B rose": a list)
        main.head, main.dep_ = main, "ROOT"  # (the conjunct takes the root first, so that no step makes a cycle)
        verb.head, verb.dep_ = main, "advcl"
        for c in list(verb.children):
            if c.i > main.i or (c.dep_ == "punct" and c.i == sent.end - 1):
                c.head = main  # (the full stop)


def _main_subject_read_as_a_conjunct(doc: Doc) -> None:
    """In "A day after President X lost the run-off to Y, truck drivers and other supporters
    blocked highways" the parser joins the main clause's subject to the subordinate clause's
    last noun ("Y, truck drivers") and hangs the main verb on the subordinate one (or leaves
    the main verb the root, with no subject: "a week after the army took the town from the
    rebels, farmers and other residents blocked the road"; or sets the subject beside that
    noun, with the main verb a clause on it: "as ministers met with the Secretary of State,
    unidentified attackers set off bombs"). A verb with no subject after a
    clause marked by a subordinator (model_view.toml parse_repairs subordinators), right
    after a noun phrase joined to that clause's last noun after a comma, has that noun phrase
    as its subject; it is the sentence's verb, and the marked clause hangs on it."""
    subordinators = _repair_words("subordinators")
    arr = doc.to_array([TAG])
    finite = np.isin(arr, [doc.vocab.strings.add(t) for t in ("VBD", "VBZ", "VBP")])
    for main in (doc[int(i)] for i in np.flatnonzero(finite)):
        if main.i == 0 or any(g.dep_ in _SUBJECTS or g.dep_ == "mark" for g in main.children):
            continue
        appended = None  # the noun phrase the main verb hangs on as a clause of its own
        if main.dep_ == "advcl" and main.head.i < main.i and main.head.dep_ == "ROOT":
            verb = main.head
        elif main.dep_ == "acl" and main.head.i == main.i - 1 and main.head.dep_ in ("conj", "appos") and main.head.pos_ in ("NOUN", "PROPN"):
            # ("as ministers met with the Secretary of State, unidentified attackers set off bombs":
            # "attackers" set beside "Secretary of State", "set" a clause on it)
            appended = main.head
            verb = main.sent.root
        else:
            verb = next((c for c in main.children if c.dep_ == "advcl" and c.i < main.i), None) if main.dep_ == "ROOT" else None
        if verb is None or not any(c.dep_ == "mark" and c.lower_ in subordinators and c.i < verb.i for c in verb.children):
            continue
        subject = appended if appended is not None else doc[main.i - 1]
        while appended is None and subject.dep_ != "conj" and subject.head.i < main.i and subject.head.i > verb.i and subject.head.i != subject.i \
                and subject.dep_ in ("compound", "amod", "conj", "nummod", "det"):
            subject = subject.head
        while subject.dep_ == "conj" and subject.head.dep_ in ("conj", "appos") and subject.head.i > verb.i \
                and doc[subject.left_edge.i - 1].text != ",":
            subject = subject.head  # ("truck drivers and other supporters": the first of the joined nouns)
        # (joined to the last noun, or set beside it as its apposition)
        if subject.dep_ not in ("conj", "appos") or subject.pos_ not in ("NOUN", "PROPN") or subject.left_edge.i == 0 \
                or doc[subject.left_edge.i - 1].text != "," \
                or (subject.right_edge.i != main.i - 1 if appended is None else any(c.i > main.i for c in subject.children)) \
                or not verb.i < subject.head.i < subject.i:
            continue
        comma = doc[subject.left_edge.i - 1]
        if main.dep_ != "ROOT":
            main.head, main.dep_ = main, "ROOT"  # (the main verb takes the root first, so that no step makes a cycle)
            verb.head, verb.dep_ = main, "advcl"
            for c in list(verb.children):
                if c.i > main.i:
                    c.head = main  # (the full stop)
        subject.head, subject.dep_ = main, "nsubj"
        comma.head = main


def _bracketed_report_read_as_the_verb(doc: Doc) -> None:
    """In "On 25 March 2020 (reported 27 March), insurgents overran the barracks" the parser
    makes the bracket's "reported" the sentence's verb, with the date before it and the
    clause after it its own. A verb of reporting that opens a bracket (model_view.toml
    parse_repairs bracket_report_verbs) says when the rest was reported: the verb of the
    clause hung on it after the bracket, with a subject of its own, is the sentence's, and what
    hung on the bracket's verb outside the bracket hangs on it."""
    verbs = _repair_words("bracket_report_verbs")
    for verb in _tokens_with(doc, LEMMA, verbs):
        if verb.i == 0 or doc[verb.i - 1].text != "(" or verb.pos_ not in ("VERB", "AUX"):
            continue
        close = next((t for t in doc[verb.i + 1 : verb.sent.end] if t.text == ")"), None)
        if close is None:
            continue
        main = next((c for c in verb.children if c.dep_ in ("conj", "ccomp", "advcl") and c.i > close.i and c.pos_ in ("VERB", "AUX")
                     and any(g.dep_ in _SUBJECTS for g in c.children)), None)
        if main is None:
            continue
        if verb.head.i == verb.i:
            main.head, main.dep_ = main, "ROOT"  # (the clause's verb takes the root first: no step makes a cycle)
        else:
            main.head, main.dep_ = verb.head, verb.dep_
        verb.head, verb.dep_ = main, "parataxis"
        for c in list(verb.children):
            if not verb.i - 1 <= c.i <= close.i:
                c.head = main  # ("On 25 March 2020", the comma, the full stop)
            elif c.i in (verb.i - 1, close.i):
                c.head = verb


def _toll_read_on_a_subordinate_clause(doc: Doc) -> None:
    """In "A van packed with explosives blew up at a checkpoint as soldiers stopped it for
    inspection, killing ten people" the parser hangs "killing" on "stopped", and the soldiers
    kill. A toll's participle (model_view.toml parse_repairs toll_participles) after a comma,
    hung on a clause that "as", "when" or "while" opens (toll_subordinators), which itself
    hangs on a verb before it, tells the toll of that verb's act: it hangs there. So does a
    chant (chant_participles) on a clause opened by one of chant_subordinators, "after" and
    "before" too ("took to the streets a day after the government lifted subsidies, chanting
    slogans against the president")."""
    for participles, subordinators in (("toll_participles", "toll_subordinators"), ("chant_participles", "chant_subordinators")):
        marks = _repair_words(subordinators)
        for word in _tokens_with(doc, LEMMA, _repair_words(participles)):
            clause = word.head
            if word.tag_ != "VBG" or word.dep_ != "advcl" or word.i == 0 or doc[word.i - 1].text != "," or clause.i > word.i \
                    or clause.dep_ != "advcl" or clause.head.pos_ not in ("VERB", "AUX") or clause.head.i > clause.i \
                    or not any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
                continue
            word.head = clause.head
            doc[word.i - 1].head = clause.head


def _participle_hung_on_an_absolute_phrase(doc: Doc) -> None:
    """In "The Council adopted the resolution by 14 votes, with Russia abstaining, imposing an
    arms embargo on X" the parser hangs "imposing" on "abstaining", and Russia imposes it. A
    participle after a comma, hung on the participle of an absolute phrase ("with Russia
    abstaining", "with two members absent") that itself hangs on a verb before it, tells
    more of that verb's act: it hangs there."""
    for word in (doc[int(i)] for i in np.flatnonzero(doc.to_array(TAG) == doc.vocab.strings.add("VBG"))):
        absolute = word.head
        if word.dep_ != "advcl" or word.i == 0 or doc[word.i - 1].text != "," or absolute.i > word.i \
                or absolute.dep_ != "acl" or absolute.head.dep_ != "pobj" or absolute.head.head.lower_ != "with":
            continue
        verb = absolute.head.head.head
        if absolute.head.head.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") or verb.i > absolute.i:
            continue
        word.head = verb
        doc[word.i - 1].head = verb


def _toll_read_as_a_description(doc: Doc) -> None:
    """In "Gunmen ambushed a convoy of activists and observers, killing a rights worker" the
    parser hangs "killing" on "convoy" as its description, and the convoy kills. A toll's
    participle (model_view.toml parse_repairs toll_participles) after a comma, describing a
    noun that is a verb's object (or in a phrase of that object), tells the toll of that
    verb's act: it hangs there (not a participle with a subject of its own; only on a verb
    of force, events.toml ASSAULT verbs: "condemned the attacks that struck the resort,
    killing dozens" are the attacks' dead, not the condemner's)."""
    force = _assault_verbs()
    for word in _tokens_with(doc, LEMMA, _repair_words("toll_participles")):
        if word.tag_ != "VBG" or word.dep_ != "acl" or word.i == 0 or doc[word.i - 1].text != "," \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children):
            continue
        noun = word.head
        while noun.dep_ in ("pobj", "prep", "conj", "appos") and noun.head.i < noun.i:
            noun = noun.head
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.i > word.i or verb.lemma_.lower() not in force:
            continue
        word.head, word.dep_ = verb, "advcl"
        doc[word.i - 1].head = verb


def _thanks_read_as_a_noun(doc: Doc) -> None:
    """In "Ukraine thanks Germany, Britain and the United States" the tagger reads "thanks"
    as the plural noun and the parser makes the sentence a list of names. In a sentence with
    no verb, "thanks" between a name or noun before it and one after it is the verb: the
    first is its subject, the second its object (statements open so: "the Ministry thanks
    the missions")."""
    for word in _tokens_with(doc, LOWER, frozenset({"thanks"})):
        sent = word.sent
        # (a verb of a relative clause is no sentence's: "…, which have pledged launchers")
        if word.tag_ != "NNS" or any(t.pos_ in ("VERB", "AUX") and not any(a.dep_ in ("relcl", "acl") for a in (t, *t.ancestors))
                                     for t in sent):
            continue
        subjects = [t for t in sent if t.i < word.i and (t.head.i >= word.i or t.head == t) and t.pos_ in ("PROPN", "NOUN")]
        objects = [t for t in sent if t.i > word.i and (t.head.i <= word.i or t.head == t) and t.pos_ in ("PROPN", "NOUN", "PRON")]
        if len(subjects) != 1 or not objects:
            continue
        subject, obj = subjects[0], objects[0]
        word.head, word.dep_, word.tag_, word.pos_, word.lemma_ = word, "ROOT", "VBZ", "VERB", "thank"
        subject.head, subject.dep_ = word, "nsubj"
        obj.head, obj.dep_ = word, "dobj"
        for t in sent:
            if t.i > word.i and t not in obj.subtree and t.head.i < word.i:
                t.head = word  # (the full stop, a phrase after the object)


def _object_read_as_a_gerunds_subject(doc: Doc) -> None:
    """In "fired grenades at soldiers guarding the workers" the parser makes "soldiers" the
    subject of a gerund clause that "at" takes. A preposition's gerund with no auxiliary
    whose subject is the first word after the preposition, a noun, is a participle describing
    that noun, the preposition's object ("at [soldiers] guarding …")."""
    dep = doc.to_array(DEP)
    for i in np.flatnonzero(dep == doc.vocab.strings.add("pcomp")):
        part = doc[int(i)]
        prep = part.head
        subject = next((c for c in part.children if c.dep_ == "nsubj" and c.i < part.i), None)
        if part.tag_ != "VBG" or prep.dep_ != "prep" or subject is None or subject.left_edge.i != prep.i + 1 \
                or subject.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in ("aux", "auxpass") for c in part.children):
            continue
        subject.head, subject.dep_ = prep, "pobj"
        part.head, part.dep_ = subject, "acl"


def _plural_read_as_a_modifier_of_its_conjunct(doc: Doc) -> None:
    """In "blew up bridges and power pylons" the parser makes "bridges and power" one
    modifier of "pylons". A plural noun whose conjunct, a singular noun, stands right before
    the noun the plural is hung on as its modifier, is the first item of a list: it takes
    that noun's place in the phrase, the noun becomes its conjunct and the singular noun
    that noun's modifier ("power pylons"). Not a singular first noun ("water and power
    lines": one kind of lines)."""
    for noun in (doc[int(i)] for i in np.flatnonzero(doc.to_array(TAG) == doc.vocab.strings.add("NNS"))):
        head = noun.head
        conj = next((c for c in noun.children if c.dep_ == "conj"), None)
        if noun.dep_ not in ("nmod", "compound") or head.i <= noun.i or head.tag_ != "NNS" or conj is None \
                or conj.tag_ != "NN" or conj.i != head.i - 1 or any(c.i > conj.i for c in conj.children):
            continue
        noun.head, noun.dep_ = head.head, head.dep_
        head.head, head.dep_ = noun, "conj"
        conj.head, conj.dep_ = head, "compound"
        for child in [c for c in head.children if c.i < noun.i]:
            child.head = noun  # ("the" of "the bridges and power pylons")


def _quantified_aside_read_as_subject(doc: Doc) -> None:
    """In "Dozens of militants, some wearing suicide vests, attacked the compound" the parser
    makes "some" a second subject of "attacked". A quantifier (model_view.toml parse_repairs
    aside_quantifiers) set off by commas right after the verb's first subject, and told by a
    participle or an "of" ("many carrying flags", "several of them armed"), is an aside on that
    subject: it hangs there as its apposition."""
    for word in _tokens_with(doc, LOWER, _repair_words("aside_quantifiers")):
        verb = word.head
        end = word.right_edge.i if word.right_edge.text == "," else word.right_edge.i + 1  # (the closing comma may hang on it)
        if word.dep_ != "nsubj" or verb.i < word.i or word.i < 2 or doc[word.i - 1].text != "," \
                or end >= verb.i or doc[end].text != "," \
                or not any(c.dep_ in ("acl", "amod", "prep") and c.i > word.i for c in word.children):
            continue
        first = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < word.i), None)
        if first is None or first.right_edge.i != word.i - 2:
            continue
        word.head, word.dep_ = first, "appos"


def _subordinate_clause_read_as_conjunct(doc: Doc) -> None:
    """In "Fighting broke out around the airport on Sunday when militias attacked the
    brigades" the parser joins "attacked" to "broke" as a second clause and hangs "when" on
    its subject. A verb joined to another with no "and" or comma of a list before it, whose
    subject's phrase opens with a subordinator ("when", "as", "while", … read as its
    modifier; model_view.toml parse_repairs subordinators) is a clause of the verb it hangs
    on, the subordinator its mark."""
    subordinators = _repair_words("subordinators")
    # (only the Doc's joined verbs, found on its arrays: no Token made per word)
    arr = doc.to_array([DEP, POS])
    joined = (arr[:, 0] == doc.vocab.strings.add("conj")) & np.isin(arr[:, 1], [doc.vocab.strings.add(p) for p in ("VERB", "AUX")])
    for verb in (doc[int(i)] for i in np.flatnonzero(joined)):
        if verb.head.pos_ not in ("VERB", "AUX") or verb.head.i > verb.i:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subject is None or any(c.dep_ == "cc" for c in (*verb.children, *verb.head.children) if verb.head.i < c.i < verb.i):
            continue
        opener = subject.left_edge
        if opener.lower_ not in subordinators or opener.head.i != subject.i or opener.dep_ not in ("advmod", "mark", "prep"):
            continue
        verb.dep_ = "advcl"
        opener.head, opener.dep_ = verb, "advmod" if opener.tag_ == "WRB" else "mark"


def _clause_read_as_the_object_after_a_semicolon(doc: Doc) -> None:
    """In "Three million people demonstrated in hundreds of cities on Sunday, 13 March,
    demanding …; the biggest crowd filled the avenue" the parser makes the clause after the
    semicolon the root and the one before it its object, and hangs the date and the
    participle on the later verb. A root verb after a semicolon, no verb of speech ("…; the
    minister said" has its object), whose clausal object with a subject of its own stands
    before the semicolon: that clause is joined to it, and what the parse hung on the root
    before the semicolon is that clause's."""
    cues = _speech_cues()
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in cues:
            continue
        semicolon = next((c for c in root.children if c.dep_ == "punct" and c.text == ";" and c.i < root.i), None)
        if semicolon is None:
            continue
        clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i < semicolon.i and c.pos_ in ("VERB", "AUX")
                       and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        if clause is None:
            continue
        for c in list(root.children):
            if c.i < semicolon.i and c.i != clause.i:
                c.head = clause
        clause.dep_ = "conj"


def _subject_read_as_an_objects_conjunct(doc: Doc) -> None:
    """In "a car struck them and its occupants attacked them with knives" the parser joins
    "its occupants" to the object "them" and hangs "attacked", with no subject, on another
    clause. A noun joined to a verb's object and followed right away by a past verb with no
    subject is that verb's subject, and that verb is joined to the first."""
    for verb in doc:
        if verb.tag_ != "VBD" or verb.pos_ != "VERB" or verb.i == 0 or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        noun = doc[verb.i - 1]
        while noun.dep_ in ("compound", "amod", "poss", "det") and noun.head.i > noun.i:
            noun = noun.head
        if noun.i != verb.i - 1 or noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.head.dep_ != "dobj":
            continue
        first = noun.head.head
        if first.pos_ != "VERB" or first.i >= noun.i:
            continue
        joining = [c for c in noun.head.children if c.dep_ == "cc" and c.i < noun.i]
        noun.head, noun.dep_ = verb, "nsubj"
        if not verb.is_ancestor(first):  # (a verb above the first keeps its place: no cycle)
            verb.head, verb.dep_ = first, "conj"
        for cc in joining:
            cc.head = first


def _agent_read_as_a_preposition(doc: Doc) -> None:
    """In "X was shot dead outside his home on 25 July, Republic Day, by two gunmen" the parser
    reads the late "by" as a preposition of place or means, and in "X was killed inside the
    consulate on 2 October, shortly after he went in to obtain papers, by a team of agents" it
    hangs it on the aside. A "by" whose object names people or a body (a name, or a head of
    nominals.toml; not "by force", "by car") on a passive verb with no agent, or after the comma
    that closes an aside of one, is that verb's agent."""
    heads = _actor_heads()
    # (found on the Doc's array, not with tokens_where, which keeps the parse it first reads:
    # the repairs are still changing it)
    for by in (doc[int(i)] for i in np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings.add("by"))):
        if by.dep_ != "prep":
            continue
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        named = object_of(pobj) if pobj.lower_ in _quantity_words() else None  # ("a team of agents")
        if not any(t is not None and (t.pos_ == "PROPN" or t.lemma_.lower() in heads or t.lower_ in heads) for t in (pobj, named)):
            continue
        if pobj.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in pobj.children):
            continue  # ("by force", "by car": a bare singular is a means)
        verb = by.head
        if not _passive(verb) and doc[by.i - 1].text == "," and verb.dep_ in ("advcl", "relcl") and _passive(verb.head):
            verb = verb.head  # (the aside's verb: "…, shortly after he went in …, by a team")
        if _passive(verb) and verb.i < by.i and not any(c.dep_ == "agent" for c in verb.children):
            by.head, by.dep_ = verb, "agent"


def _agent_of_an_active_verb(doc: Doc) -> None:
    """In "police attacked a march by students" the parser reads "by students" as the agent of
    "attacked", as if it were passive, and the students attack. An agent of a finite verb in
    the active (a subject of its own, no passive auxiliary), right after the verb's object, is
    the object's: who made the march, not who attacked. So is a "by" of people the parser hangs
    on the verb as a preposition ("attacked a sit-in by opposition protesters"; not "attacked
    the town by night")."""
    heads = _actor_heads()
    for by in (doc[int(i)] for i in np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings.add("by"))):
        verb = by.head
        if by.dep_ not in ("agent", "prep") or verb.tag_ not in ("VBD", "VBZ", "VBP") or _passive(verb) \
                or not any(c.dep_ == "nsubj" for c in verb.children):
            continue
        if by.dep_ == "prep" and not any(o.dep_ == "pobj" and (o.lemma_.lower() in heads or o.lower_ in heads) for o in by.children):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i == by.i - 1), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            by.head, by.dep_ = obj, "prep"


def _object_read_as_a_participles_subject(doc: Doc) -> None:
    """In "Boko Haram claimed the attack in a video of its leader, Abubakar Shekau, released on
    19 April" the parser reads "the attack … released on 19 April" as a clause the verb
    reports, "the attack" its subject, and the verb is left with no object. A past participle
    with no auxiliary cannot head a clause: one that has a subject, reported by a verb before
    that subject with no object of its own, is a participle describing the object of the
    subject's first preposition ("a video … released"), its subject is the verb's object and
    that preposition the verb's (not a subject with no phrase: "had them arrested", "wants the
    work finished")."""
    for part in (doc[int(i)] for i in np.flatnonzero(doc.to_array(TAG) == doc.vocab.strings.add("VBN"))):
        if part.dep_ != "ccomp" or any(c.dep_ in ("aux", "auxpass") for c in part.children):
            continue
        subject = next((c for c in part.children if c.dep_ == "nsubj"), None)
        verb = part.head
        if subject is None or verb.pos_ != "VERB" or not verb.i < subject.i < part.i \
                or any(c.dep_ in ("dobj", "ccomp") and c.i != part.i for c in verb.children):
            continue
        prep = next((c for c in subject.children if c.dep_ == "prep" and c.i > subject.i), None)
        described = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if described is None or described.i > part.i:
            continue
        subject.head, subject.dep_ = verb, "dobj"
        part.head, part.dep_ = described, "acl"
        prep.head = verb  # ("claimed the attack in a video": how it was claimed)


def _description_read_as_a_conjunct(doc: Doc) -> None:
    """In "Thousands of protesters, many of them Aymara and Quechua farmers, tried to break into
    the airport" the parser joins "farmers" to "Thousands" as a second subject. A noun joined to
    another whose phrase opens with "many of them", "most of them", "some of whom" … describes
    the first: it is its apposition, no other party."""
    for them in _tokens_with(doc, LOWER, frozenset({"them", "whom"})):
        of = them.head
        share = of.head
        if them.dep_ != "pobj" or of.lower_ != "of" or share.lower_ not in _SHARE_WORDS:
            continue
        noun = share.head if share.head.i > share.i else None
        if noun is not None and noun.dep_ == "conj" and noun.pos_ in ("NOUN", "PROPN") and noun.head.i < share.i:
            noun.dep_ = "appos"


def _repeated_preposition_read_apart(doc: Doc) -> None:
    """In "is in close contact with the local authorities, with the injured and with the
    embassies" the parser hangs the second "with" on the copula and the third on the second's
    object; in "fought with the rebels in the north and with the militia in the south" it joins
    the second to the first's "in". A preposition of the other side ("with", "against") after a
    comma or an "and" that repeats one before it in the sentence, hung on a copula or joined to
    another word, hangs where the first does: the list is of one phrase (not one on a verb of
    its own; not "on" or "in", whose repeats are as often dates and places of their own). So
    does a "to" after "and" joined to another preposition ("spoke to the families of the four
    men and to the companies": the second "to" joined to the "of")."""
    for sent in doc.sents:
        seen = set()
        for first in (t for t in sent if t.dep_ == "prep" and t.lower_ in ("with", "against", "to")):
            if first.lower_ in seen:
                continue  # (the first of each word only)
            seen.add(first.lower_)
            for again in (t for t in sent if t.i > first.i + 1 and t.lower_ == first.lower_ and t.dep_ in ("prep", "conj")
                          and doc[t.i - 1].text in (",", "and", "or")):
                if again.head.i == first.head.i or again.is_ancestor(first.head) \
                        or not (again.dep_ == "conj" or again.head.lemma_ == "be") \
                        or (again.lower_ == "to" and not (again.dep_ == "conj" and again.head.pos_ == "ADP" and again.head.lower_ != "to")):
                    continue  # (already beside it, above it, or on a verb of its own: "merged with A … to
                    # form HTS, with Hashem al-Sheikh as its first commander"; a "to" only when joined
                    # to another preposition: "grateful to A and to B" is a list already)
                again.head, again.dep_ = first.head, "prep"


def _repeated_of_read_apart(doc: Doc) -> None:
    """"Military delegations of the GNA and of the LNA signed a ceasefire": the parser hangs
    both "of" phrases on "delegations", and what reads a noun's "of" finds the first only. An
    "of" repeated after "and" on a noun that stands for the parties its "of" names
    (delegations, representatives, groups: events.toml participants quantity_heads) joins its
    object to the first's: the delegations are of both (the second "of" hangs on its object).
    Not "units of the army and of the police", units of their own."""
    heads = frozenset(lexicon("events")["participants"]["quantity_heads"])
    for again in (doc[int(i)] for i in np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings.add("of"))):
        if again.dep_ != "prep" or again.i < 2 or doc[again.i - 1].lower_ != "and":
            continue
        noun = again.head
        first = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < again.i), None)
        one = next((c for c in first.children if c.dep_ == "pobj"), None) if first is not None else None
        two = next((c for c in again.children if c.dep_ == "pobj"), None)
        if one is None or two is None or not (noun.lower_ in heads or noun.lemma_.lower() in heads):
            continue
        cc = doc[again.i - 1]
        two.head, two.dep_ = one, "conj"
        cc.head, cc.dep_ = one, "cc"
        again.head, again.dep_ = two, "case"


# Words of a share of a group: "many of them", "most of whom".
_SHARE_WORDS = frozenset({"many", "most", "some", "several", "all", "half", "both", "each", "none", "few"})


def _passive(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


@lru_cache(maxsize=1)
def _quantity_words() -> frozenset[str]:
    """Nouns that count or gather what their "of" names (events.toml participants
    quantity_heads, and the bodies of nominals.toml [group] heads: "a team of agents")."""
    return frozenset(lexicon("events")["participants"]["quantity_heads"]) | frozenset(nominal_lexicon()["group"]["heads"])


def _preposition_read_as_modifier(doc: Doc) -> None:
    """In "opened fire on beachgoers outside hotels" the parser reads "beachgoers outside
    hotels" as one noun phrase, "outside" an adjective of "hotels" and "beachgoers" a modifier
    before it. A preposition read as the modifier of the noun after it, with a plural noun
    before it that modifies the same noun, stands between two phrases: the first noun takes
    the phrase's place, the preposition hangs on it, and the second noun is its object."""
    for prep in doc:
        if prep.tag_ != "IN" or prep.dep_ not in ("amod", "compound", "nmod") or prep.i == 0:
            continue
        first, second = doc[prep.i - 1], prep.head
        if second.i <= prep.i or first.head.i != second.i or first.dep_ not in ("nmod", "compound") or first.tag_ not in ("NNS", "NNPS") \
                or second.pos_ not in ("NOUN", "PROPN") or any(t.i != prep.i and prep.i < t.i < second.i and t.head.i != second.i
                                                                for t in doc[prep.i + 1 : second.i]):
            continue
        first.head, first.dep_ = second.head, second.dep_  # (the first noun takes the phrase's place first: no cycle)
        for t in doc[first.left_edge.i : first.i]:
            if t.head.i == second.i:
                t.head = first  # ("the beachgoers": its article)
        prep.head, prep.dep_, prep.pos_ = first, "prep", "ADP"
        second.head, second.dep_ = prep, "pobj"


def _subjects_split_into_sentences(doc: Doc) -> None:
    """After a note's label the parser may cut "Doha: Israel and Hamas agreed …" into
    sentences of their own: "Israel", "and", "Hamas agreed …". A sentence that is only "and"
    or "or", between a sentence that is only a noun phrase and one that opens with its verb's
    subject, joins the two subjects: the first is the verb's, the second its conjunct."""
    for cc in doc:
        if cc.dep_ != "ROOT" or cc.lower_ not in ("and", "or") or cc.i == 0 or cc.i + 1 >= len(doc):
            continue
        first, nxt = doc[cc.i - 1], doc[cc.i + 1]
        while first.head.i != first.i and first.head.i < cc.i:
            first = first.head
        if first.dep_ != "ROOT" or first.pos_ not in ("PROPN", "NOUN") or first.right_edge.i != cc.i - 1:
            continue
        second = nxt
        while second.head.i != second.i and second.dep_ in ("compound", "det", "amod", "nmod") and second.head.i > second.i:
            second = second.head
        if second.dep_ not in ("nsubj", "nsubjpass") or second.left_edge.i != nxt.i:
            continue
        verb = second.head
        first.head, first.dep_ = verb, second.dep_
        second.head, second.dep_ = first, "conj"
        cc.head, cc.dep_ = first, "cc"


def _object_read_as_clause(doc: Doc) -> None:
    """In "The United States imposed asset freezes and visa bans on …" the tagger reads
    "freezes" as a verb with "asset" its subject, a clause under "imposed". A bare noun right
    after a verb with no object, subject of a present verb right after it that is the first
    verb's clause, is with it one noun phrase, the first verb's object; not after a verb of
    saying, whose clause it may be ("said violence rises")."""
    cues = _speech_cues()
    for verb in doc:
        if verb.tag_ != "VBZ" or verb.dep_ not in ("ccomp", "advcl") or verb.i < 2:
            continue
        noun, head = doc[verb.i - 1], verb.head
        # (the noun the clause's subject, or the first verb's object: "imposed asset [dobj] freezes [advcl]")
        own = (noun.dep_ == "nsubj" and noun.head.i == verb.i) or (noun.dep_ == "dobj" and noun.head.i == head.i)
        if head.i != verb.i - 2 or head.pos_ != "VERB" or head.lemma_.lower() in cues or not own \
                or noun.pos_ != "NOUN" or noun.tag_ != "NN" or any(True for _ in noun.children) \
                or any(c.dep_ in ("dobj", "mark", "aux", "nsubj") for c in verb.children if c.i != noun.i) \
                or any(c.dep_ == "dobj" and c.i != noun.i for c in head.children):
            continue
        verb.head, verb.dep_, verb.tag_, verb.pos_ = head, "dobj", "NNS", "NOUN"
        verb.set_morph("Number=Plur")
        noun.head, noun.dep_ = verb, "compound"


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_MONTHS = frozenset(m.capitalize() for m in MONTH_NAMES)


def _subject_after_a_date(doc: Doc) -> None:
    """In "Late on Thursday agents of the police opened fire", "On Sunday rebels of the
    front attacked" the parser reads the day and the noun after it as one noun, the
    object of "on", and leaves the verb without a subject. When a verb has no subject and
    the phrase just before it is such an object, a date compounded onto a noun, the noun
    is the verb's subject and the date the object of the preposition. A part of the day
    is read so too: "By the afternoon loyal units had retaken the station" (the article
    then goes with the date). Only auxiliaries and adverbs of the verb may stand between
    the noun and the verb. So is a day of a month ("On 24 June Serhiy Haidai, who headed …,
    said": the day's number goes with its month). (It runs before the entity recogniser: the
    date is a day's name.)"""
    days = np.isin(doc.to_array(ORTH), [doc.vocab.strings.add(w) for w in _WEEKDAYS | _day_parts() | _MONTHS])
    for date in (doc[int(i)] for i in np.flatnonzero(days)):
        noun = date.head
        if date.dep_ not in ("compound", "nmod") or noun.dep_ != "pobj" or noun.pos_ not in ("NOUN", "PROPN") or date.i >= noun.i:
            continue
        prep = noun.head
        verb = prep.head
        if prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") or verb.i <= noun.i \
                or any(t.head.i != verb.i or t.dep_ not in ("aux", "auxpass", "neg", "advmod") for t in doc[noun.right_edge.i + 1 : verb.i]) \
                or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        articles = [c for c in noun.children if c.dep_ in ("det", "nummod") and c.i < date.i]
        date.head, date.dep_ = prep, "pobj"
        noun.head, noun.dep_ = verb, "nsubj"
        for article in articles:
            article.head = date
    _subject_read_as_the_dates_apposition(doc)
    _joined_subject_read_as_the_dates_apposition(doc)
    _dates_apposition_read_as_a_second_subject(doc)
    _day_read_into_the_subject_after_its_preposition(doc)
    _subject_read_into_an_opening_phrase(doc)


def _subject_read_into_an_opening_phrase(doc: Doc) -> None:
    """In "To the south, Russian units backed by aircraft are attacking Toshkivka" the parser
    reads "the south, Russian units" as one noun, the object of "To", and leaves the verb
    without a subject. An opening preposition's object whose phrase holds a comma after the
    preposition's own words, on a verb with no subject, right before that verb (its
    auxiliaries and adverbs between), is the verb's subject; the word before the comma is the
    preposition's object ("In the north, rebels attacked …")."""
    for comma in _tokens_with(doc, LOWER, frozenset({","})):
        noun = comma.head
        prep = noun.head
        verb = prep.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or noun.i < comma.i or prep.i >= comma.i - 1 \
                or verb.pos_ not in ("VERB", "AUX") or verb.i < noun.i or any(c.dep_ in _SUBJECTS for c in verb.children) \
                or any(t.head.i != verb.i or t.dep_ not in ("aux", "auxpass", "neg", "advmod") for t in doc[noun.right_edge.i + 1 : verb.i]):
            continue
        last = doc[comma.i - 1]  # ("south" of "To the south,")
        if last.head.i != noun.i or last.pos_ not in ("NOUN", "ADJ", "PROPN"):
            continue
        for child in [c for c in noun.children if c.i < comma.i and c.i != last.i]:
            child.head = last
        last.head, last.dep_ = prep, "pobj"
        comma.head = verb
        noun.head, noun.dep_ = verb, "nsubj"


def _day_read_into_the_subject_after_its_preposition(doc: Doc) -> None:
    """In "In the afternoon gunmen fired rockets" the parser reads "the afternoon" as a
    modifier of "gunmen", the subject, and leaves "In" without an object. A day, a part of a
    day or a month compounded onto a verb's subject, right after a preposition of that verb
    that has no object (the article or the day's number between: "On 12 March Olena Kovalenko
    said"), is that preposition's object."""
    for date in _tokens_with(doc, ORTH, _WEEKDAYS | _day_parts() | _MONTHS):
        noun = date.head
        if date.dep_ != "compound" or noun.dep_ not in _SUBJECTS or noun.i <= date.i:
            continue
        articles = [c for c in noun.children if c.dep_ in ("det", "nummod") and c.i < date.i]
        first = articles[0].i if articles else date.i
        prep = doc[first - 1] if first > 0 else None
        if prep is None or prep.dep_ != "prep" or prep.head != noun.head or any(c.dep_ == "pobj" for c in prep.children):
            continue
        date.head, date.dep_ = prep, "pobj"
        for article in articles:
            article.head = date


def _dates_apposition_read_as_a_second_subject(doc: Doc) -> None:
    """In "On 5 May 2022, Israel's Independence Day, two assailants attacked people" the
    parser makes the day's name a subject of "attacked" beside the real one. A verb's first
    subject set between commas right after the verb's phrase of a day or month, with its
    second subject right after the closing comma, names that day (a name, or "the anniversary
    of …"): it is the date's apposition."""
    for date in _tokens_with(doc, ORTH, _WEEKDAYS | _MONTHS):
        # the phrase the day is in, on the verb ("On the evening of 5 May 2022")
        prep = next((a for a in date.ancestors if a.dep_ == "prep" and a.head.pos_ in ("VERB", "AUX")), None)
        if prep is None or prep.i > date.i:
            continue
        verb = prep.head
        subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda t: t.i)
        if len(subjects) < 2:
            continue
        first, second = subjects[:2]
        if not (first.pos_ == "PROPN" or first.lower_ in ("anniversary", "eve")) or second.lower_ in _repair_words("aside_quantifiers"):
            continue  # a day's name ("Independence Day", "the anniversary of …"); not "ten gunmen, some of them …"
        start, close = first.left_edge.i, first.right_edge.i
        close = close if doc[close].text == "," else close + 1  # (the closing comma may hang on it)
        if start != prep.right_edge.i + 2 or doc[start - 1].text != "," or close + 1 >= len(doc) or doc[close].text != "," \
                or second.left_edge.i != close + 1:
            continue
        first.head, first.dep_ = date, "appos"
        doc[start - 1].head = doc[close].head = date


def _subject_read_as_the_dates_apposition(doc: Doc) -> None:
    """In "On 19 August the Northern Front, a band of former rebels, captured a commission"
    the parser makes the name an apposition of the date and its description, set
    between commas, the subject. When a day or a month opening a verb's phrase has an
    apposition right after it, and the verb's subject is set between commas right
    before the verb just after that apposition, the apposition is the subject and the
    subject its description. When the verb has no subject at all ("On the night of 12 June
    the battalion, under Colonel X, took the hill"), the apposition is its subject."""
    days = np.isin(doc.to_array(ORTH), [doc.vocab.strings.add(w) for w in _WEEKDAYS | _MONTHS])
    for date in (doc[int(i)] for i in np.flatnonzero(days)):
        name = next((c for c in date.children if c.dep_ == "appos" and c.left_edge.i == date.i + 1), None)
        prep = date.head
        while prep.lower_ == "of" and prep.dep_ == "prep" and prep.head.dep_ == "pobj" and prep.head.head.dep_ == "prep":
            prep = prep.head.head  # "On the night of 12 June the battalion took …": the phrase the date is in
        if name is None or date.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = prep.head
        if verb.i > name.right_edge.i and not any(c.dep_ in _SUBJECTS for c in verb.children) \
                and all(verb in t.ancestors and name not in t.ancestors for t in doc[name.right_edge.i + 1 : verb.i]):
            # "On 12 June the battalion, under Colonel X, took the hill": the verb has no
            # subject, and what stands between the name and it is the verb's
            name.head, name.dep_ = verb, "nsubj"
            continue
        described = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if described is None or name.right_edge.i + 2 != described.left_edge.i or described.right_edge.i + 2 != verb.i \
                or doc[described.left_edge.i - 1].text != "," or doc[verb.i - 1].text != "," or verb.i < prep.i:
            continue
        name.head, name.dep_ = verb, "nsubj"
        described.head, described.dep_ = name, "appos"


def _joined_subject_read_as_the_dates_apposition(doc: Doc) -> None:
    """In "Between 15 and 16 October 2020, Yemen's Houthi movement (Ansar Allah) and the
    Saudi-backed government released 1,056 prisoners" the parser makes the first of two
    joined subjects an apposition of the opening date, its "and" with it, and the second the
    verb's only subject. A date that opens the verb's phrase (its modifier, or the object of
    its opening preposition), with an apposition holding an "and" or "or" and no conjunct, right
    before the verb's subject: the apposition is the subject, the subject its conjunct."""
    arr = doc.to_array([DEP])
    for name in (doc[int(i)] for i in np.flatnonzero(arr == doc.vocab.strings.add("appos"))):
        date = name.head
        if (date.text not in _WEEKDAYS and date.text not in _MONTHS) or date.i > name.i or any(c.dep_ == "conj" for c in name.children):
            continue
        verb = date.head.head if date.dep_ == "pobj" and date.head.dep_ == "prep" else date.head if date.dep_ == "npadvmod" else None
        cc = next((c for c in name.children if c.dep_ == "cc" and c.lower_ in ("and", "or")), None)
        if verb is None or cc is None or verb.pos_ not in ("VERB", "AUX") or verb.i < name.i:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == cc.i + 1), None)
        if subject is None:
            continue
        name.head, name.dep_ = verb, "nsubj"
        subject.head, subject.dep_ = name, "conj"


def _subject_read_as_the_dates_object(doc: Doc) -> None:
    """In "On or around 28 May 2020, insurgents of X, whose attacks …, entered the town" the
    parser makes the noun after the date's comma the object of "On", and leaves the verb
    without a subject. When a preposition opening a verb's phrase holds a date (a month, a
    day's name or a number) and, after a comma, a noun that ends right before the verb,
    and the verb has no subject, the noun is its subject."""
    # (the sentences' first words, found on the Doc's array: no Span made per sentence)
    firsts = (doc[int(i)] for i in np.flatnonzero(doc.to_array(SENT_START) == 1))
    for prep in (t for t in firsts if t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX")):
        verb = prep.head
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if noun is None or verb.i <= noun.i or noun.left_edge.i < 2 or doc[noun.left_edge.i - 1].text != "," \
                or any(c.dep_ in _SUBJECTS for c in verb.children) or noun.right_edge.i + 1 != verb.i:
            continue
        dated = doc[prep.i + 1 : noun.left_edge.i - 1]
        if not any(t.text in _MONTHS or t.text in _WEEKDAYS or t.like_num for t in dated):
            continue
        noun.head, noun.dep_ = verb, "nsubj"


# What a weapon is fired at or on belongs to the firing: "opened fire with rifles and mortars
# on people who tried to flee", "fired with machine guns at the crowd".
_AIMING_PREPS = frozenset({"on", "at", "upon"})
_FIRING_VERBS = frozenset({"fire", "open", "shoot", "return"})


def _rehang_fired_at(doc: Doc) -> None:
    """The parser hangs the target's "on"/"at" phrase on the last weapon of "with …"
    instead of on the verb of firing; it is re-hung there, unless the verb has its own
    "on"/"at" phrase after it already ("On 22 April" before it is a date's) (nominals.toml
    [equipment] heads). And in "fired on passing cars", "shot at fleeing villagers" it
    reads the participle as a gerund whose object is the target: the target is the
    phrase's object, the participle its modifier. An "at"/"on" hung on the place a shot
    came from is re-hung on the verb too (_aimed_from_a_place)."""
    kit = _kit_heads()
    # (only the few "on"/"at"/"upon" of the Doc, found on its array: no Token made per word)
    aiming = np.isin(doc.to_array(LOWER), [doc.vocab.strings.add(w) for w in _AIMING_PREPS])
    for prep in (doc[int(i)] for i in np.flatnonzero(aiming)):
        if prep.dep_ == "prep" and prep.head.lemma_.lower() in _FIRING_VERBS:
            gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG" and c.i == prep.i + 1), None)
            target = next((c for c in gerund.children if c.dep_ == "dobj" and c.i == gerund.i + 1), None) if gerund else None
            if target is not None and target.pos_ in ("NOUN", "PROPN"):
                target.head, target.dep_ = prep, "pobj"
                gerund.head, gerund.dep_ = target, "amod"
            continue
        if prep.dep_ == "prep" and _aimed_from_a_place(prep):
            prep.head = prep.head.head.head  # "fired eight rounds from a rooftop at the candidate"
            continue
        if prep.dep_ != "prep" or prep.head.lemma_.lower() not in kit:
            continue
        weapon = prep.head
        while weapon.dep_ == "conj" and weapon.head.i != weapon.i:
            weapon = weapon.head
        with_ = weapon.head
        if weapon.dep_ != "pobj" or with_.lower_ != "with" or with_.dep_ != "prep":
            continue
        verb = with_.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _FIRING_VERBS \
                or any(c.dep_ == "prep" and c.lower_ in _AIMING_PREPS and c.i > verb.i for c in verb.children):
            continue
        prep.head = verb


def _aimed_from_a_place(prep: Token) -> bool:
    """Whether an "at"/"on" phrase the parser hung on the place a shot was fired from
    names whom it was fired at: "fired eight rounds from a rooftop at the candidate" (not
    "from a house at the corner": a place after it is where the first one is, unless the
    first is a craft; nor where the verb has its own "at"/"on" after it)."""
    place = prep.head
    if place.dep_ != "pobj" or place.head.lower_ != "from" or place.head.dep_ != "prep":
        return False
    verb = place.head.head
    target = next((c for c in prep.children if c.dep_ == "pobj"), None)
    # (a craft fired from is at no place: "fired 59 missiles from two destroyers in the eastern
    # Mediterranean at Shayrat air base")
    from_craft = place.lemma_.lower() in _kit_heads() or place.lower_ in _kit_heads()
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _FIRING_VERBS and target is not None \
        and (from_craft or (target.lemma_.lower() not in _place_heads() and target.lower_ not in _place_heads())) \
        and not any(c.dep_ == "prep" and c.lower_ in _AIMING_PREPS and c.i > verb.i
                    and not any(o.lower_ in MONTH_NAMES or o.text in _WEEKDAYS for o in c.children) for c in verb.children)
    # (a date's "on" is none: "on 7 April", "on Monday"; the repairs run before the entities)


@lru_cache(maxsize=1)
def _kit_heads() -> frozenset[str]:
    return frozenset(nominal_lexicon()["equipment"]["heads"])


@lru_cache(maxsize=1)
def _speech_cues() -> frozenset[str]:
    return frozenset(lexicon("speech")["cue_verbs"])


@lru_cache(maxsize=1)
def _recipient_cues() -> frozenset[str]:
    """Verbs of telling, whose object is the one told (lexicons/speech.toml recipient_cues)."""
    return frozenset(lexicon("speech")["recipient_cues"])


@Language.component("factions_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, bylines and paragraphs are never joined
    into one sentence by the parser. And a capitalised word that follows another on the
    same line never starts one: after a heading the parser otherwise splits a name
    ("Abubakar | Shekau (died 2021) was a jihadist who …") and misreads the clause."""
    if len(doc) < 2:
        return doc
    # Read from the Doc's arrays: a loop over every token costs 2% of the pipeline.
    alpha, space, title, upper = doc.to_array([IS_ALPHA, IS_SPACE, IS_TITLE, IS_UPPER]).T.astype(bool)
    after_breaks = [int(i) + 1 for i in np.flatnonzero(space[:-1]) if "\n" in doc[int(i)].text]
    for i in after_breaks:
        doc[i].is_sent_start = True
    # (in a run of capitalised words, which is where the parser cuts names)
    capitalised = title | upper
    for i in np.flatnonzero(alpha[:-1] & capitalised[:-1] & capitalised[1:]):
        doc[int(i) + 1].is_sent_start = False
    for start, colon in note_labels(doc, [0, *after_breaks]).items():
        for i in range(start + 1, colon + 1):  # the label is one sentence ("6 Apr:", not "6" | "Apr:")
            doc[i].is_sent_start = False
        doc[colon + 1].is_sent_start = True
    return doc


_NOTE_LABELS = "factions.note_labels"


def note_labels(doc: Doc, openings: list[int] | None = None) -> dict[int, int]:
    """The labels opening the Doc's lines, each its first token → its colon
    (`label_lead_end`), found once per Doc: factions_paragraphs finds them from its line
    breaks (`openings`) and splits the sentences there, the entity fixes and the events'
    dates read them after."""
    found = doc.user_data.get(_NOTE_LABELS)
    if found is None:
        starts = openings if openings is not None else [t.i for t in _line_openings(doc)]
        found = {start: colon for start in starts if (colon := label_lead_end(doc, start)) is not None}
        doc.user_data[_NOTE_LABELS] = found
    return found


def anchored_by_label(document: Document, dates: list) -> Document:
    """The document as its dates are read: with no publication date, dated by the first
    label that gives a full day ("Mogadishu, 14 March 2024: …", "Situation report, 30 June
    2023:"), so that what follows it without a year or by a weekday ("On 12 March", "on
    Thursday") is read back from that day, as a reader reads it; else as it is."""
    if document.published is not None or not dates:
        return document
    day = label_day(dates)
    return dataclasses.replace(document, published=day) if day is not None else document


def label_day(dates: list) -> datetime.date | None:
    """The full day the first label of a note gives ("Mogadishu, 14 March 2024: …"), or None."""
    if not dates:
        return None
    user_data = dates[0].doc.user_data  # (found once per Doc: the claims and the events both read it)
    if _LABEL_DAY not in user_data:
        user_data[_LABEL_DAY] = next((datetime.date.fromisoformat(when.start) for ent in dates
                                      if ent.sent.end - 1 >= ent.end and note_labels(ent.doc).get(ent.sent.start) == ent.sent.end - 1
                                      and (when := normalize(ent.text, None)) is not None and when.precision == "day" and when.start), None)
    return user_data[_LABEL_DAY]


_LABEL_DAY = "factions.label_day"


# Words a line's label may hold before its colon: "Sinjar district (Nineveh):", "Kidal region:".
_LABEL_WORDS = 7


def label_lead_end(doc: Doc, start: int) -> int | None:
    """The colon that ends a label opening a line, where one does, else None: a place
    or a date as event notes and briefs set them before the news ("Quito: Presidential
    candidate X was shot …", "Lanao del Sur: Philippine Army troops seized …", "12 Aug:
    Two aid workers …"). The label is no part of the sentence after it: no subject,
    no party, no name running on past its colon. Not a cue ("The minister said: …",
    a verb before the colon), and not a colon that ends its line (a statement follows)."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_title or first.is_upper or first.like_num):
        return None
    words, bracketed = 0, 0
    for t in doc[start : len(doc) - 1]:
        if t.is_punct and t.text.endswith(":") and not bracketed:
            after = doc[t.i + 1]
            return t.i if t.i > start and not after.is_space and not after.is_punct else None
        # (a name in a bracketed aside may be tagged a verb: "Adrar des Ifoghas (Tessalit
        # cercle, Kidal region):")
        if (t.tag_.startswith("VB") or t.tag_ == "MD") and not bracketed or t.is_quote or t.is_space or t.text in ".;!?":
            return None
        bracketed = max(0, bracketed + (t.text == "(") - (t.text == ")"))
        # words, not tokens: "MAZAR-I-SHARIF, 22 April:" is four, its hyphens split off; nor
        # those of an aside in brackets ("Serbia weekly round-up (Mon 25 Nov 2024):")
        words += not t.is_punct and not bracketed
        if words > _LABEL_WORDS:
            return None
    return None


def is_status(span: Span) -> bool:
    """A status a state gives a group, not an actor: "a Foreign Terrorist
    Organization" (lexicons/actor_kinds.toml entity_fixes.statuses)."""
    words = span.text.lower().split()
    if words[:1] == ["the"] or (words and words[-1].endswith("s") and " ".join(words).rstrip("s") in _statuses()
                                and span[-1].tag_ == "NNS"):
        return False  # "the terrorist group claimed …", "the fight against terrorist groups": groups named, no status given
    if words[:1] in (["a"], ["an"]):
        words = words[1:]
    return " ".join(words) in _statuses()


@lru_cache(maxsize=1)
def _statuses() -> frozenset[str]:
    return frozenset(lexicon("actor_kinds")["entity_fixes"]["statuses"])


@lru_cache(maxsize=1)
def _name_titles() -> frozenset[str]:
    """Words that stand before a name as a title or rank, not a given name (names.toml
    honorifics, surname titles and ranks; the role words of events.toml)."""
    from factions.lexicons import validated_table

    names = validated_table("names")
    return frozenset(names["honorifics"]) | frozenset(names["surname_titles"]) | frozenset(names["ranks"]) | _person_titles()


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    roles = lexicon("events")["roles"]
    return frozenset(w for w in (*roles["leads"], *roles["member_of"]) if "-" not in w)


@lru_cache(maxsize=1)
def _two_word_titles() -> frozenset[str]:
    """Titles of two words, hyphen-joined in events.toml roles ("commanding-officer",
    "vice-president"): a title's first word stays in its mention ("the commanding officer")."""
    roles = lexicon("events")["roles"]
    return frozenset(w for w in (*roles["leads"], *roles["member_of"]) if "-" in w)


@lru_cache(maxsize=1)
def _singular_person_heads() -> frozenset[str]:
    """The person heads of lexicons/nominals.toml that name one person ("prosecutor",
    "judge", "commissioner"), for a name set beside one by a comma."""
    plurals = frozenset(nominal_lexicon()["irregular_plurals"])
    return frozenset(w for w in nominal_lexicon()["person"]["heads"] if not w.endswith("s") and w not in plurals and "-" not in w)


def _titled_person(ent: Span) -> bool:
    """A name the model took for a body, set beside a person's title by a comma
    ("Ilaria Allegrozzi, senior Sahel researcher at …", "its commander, Godfrey
    Otunge,"): a person. Not a body's own name beside its head ("Hamas, the group's
    political wing")."""
    if any(t.lower_ in _group_name_words() for t in ent):
        return False
    root = ent.root
    if root.dep_ == "appos" and ent.start >= 2 and ent.doc[ent.start - 1].text == "," and root.head.i < ent.start \
            and (root.head.lemma_.lower() in _person_titles() or root.head.lower_ in _singular_person_heads()) and root.head.tag_ == "NN":
        return True  # "Its commander, Godfrey Otunge, said …": a singular title, then the name
    if ent.end >= len(ent.doc) or ent.doc[ent.end].text != ",":
        return False
    return any(c.dep_ == "appos" and c.lemma_.lower() in _person_titles() and c.i > ent.end
               and not any(g.dep_ == "poss" for g in c.children) for c in root.children)


def _person_by_context(ent: Span, decided: list[Span]) -> bool:
    """A name the model took for a body or a place that only a person can be, by where it
    stands: the one a group is "led by" or "commanded by" ("a rebel movement led by
    Mahamat Nouri"); the name a person is "known as" ("Pushpa Kamal Dahal, known as
    Prachanda"); a byline ("By Helena Marques"); the one "his" or "her" refers to in its
    own clause ("Ta Prohm withdrew with his units", "Mbandazi and his followers"). Not a
    name with a group's or a body's word, an acronym, a name after "the", or a place the gazetteer knows ("a coalition
    led by Saudi Arabia"). `decided`: the names before it, as this stage has typed them."""
    doc = ent.doc
    if any(t.lower_ in _group_name_words() or t.lower_ in _body_words() or not t.text[:1].isupper() or t.text.isupper()
           for t in ent if t.is_alpha):
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return False
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if ent.text not in _demonyms() and ent.root.i == root.i and _antecedent_of_his(root) and not _known_place(ent.text):
        # (not "every Burundian could choose his leaders")
        return True
    before = doc[root.left_edge.i - 1] if root.left_edge.i else None
    if before is None:
        return False
    fixes = lexicon("actor_kinds")["entity_fixes"]
    if before.lower_ == "by" and root.dep_ == "pobj" and before.head.lemma_.lower() in fixes["led_by_verbs"]:
        return len(ent) > 1 and not _known_place(ent.text)  # ("led by Likud", "founded by Siemens": one word is a body's name)
    if before.lower_ == "as" and before.head.lower_ in ("known", "nicknamed") or before.lower_ == "alias":
        owner = before.head.head if before.lower_ == "as" else before.head  # "X, known as Y": the acl's noun
        return any(e.start <= owner.i < e.end and e.label_ == "PERSON" for e in decided) \
            or (owner.tag_ == "NN" and (owner.lemma_.lower() in _person_titles() or owner.lower_ in _singular_person_heads()))
        # ("a militant known as Abu Rara": one person's name)
    return before.text == "By" and (before.i == 0 or "\n" in doc[before.i - 1].text) and root.dep_ == "pobj" and len(ent) > 1 \
        and not any(t.lower_ in fixes["newsroom_words"] for t in ent)  # (not "By Reuters Staff")


def _antecedent_of_his(root: Token) -> bool:
    """Whether "his" or "her" in the name's own clause can only stand for it: the name is
    the subject of a verb that is not one of saying, and the pronoun owns that verb's
    object ("Hun Kok moved his headquarters", "withdrew with his units"); or the name
    is listed with the pronoun's noun ("Mbandazi and his followers")."""
    def owned(noun: Token) -> bool:
        return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children)

    if owned(root):
        return False  # "the envoy and his Crisis Initiative": the body he owns
    if any(c.dep_ == "conj" and owned(c) for c in root.children):
        return True
    verb = root.head
    if root.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() in lexicon("speech")["cue_verbs"]:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(owned(o) for o in objects)


@lru_cache(maxsize=1)
def _given_name_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """names.toml's given names and name particles; the words no person's name has (a
    body's, a group's, a place's, a title's)."""
    names = validated_table("names")
    place = nominal_lexicon()["place"]
    fixes = lexicon("actor_kinds")["entity_fixes"]
    not_person = _group_name_words() | _body_words() | _title_words() | _actor_heads() | frozenset(place["heads"]) \
        | frozenset(place["geographic"]) | frozenset(fixes["landform_suffixes"]) | frozenset(fixes["place_name_suffixes"])
    return frozenset(names["given_names"]), frozenset(names["name_particles"]), not_person


def _opens_with_given_name(ent: Span) -> bool:
    """A name of two to five words that opens with a common given name (names.toml
    given_names) and holds no word of a body, a group, a place or a title: a person,
    whatever the model took it for ("Guillaume Soro", "Mahamat Nouri", "Mohammed bin
    Salman"). Not a place the gazetteer knows ("George Town")."""
    given, particles, not_person = _given_name_words()
    words = [t for t in ent if t.text not in ("-", "'", "’")]
    if not 2 <= len(words) <= 5 or words[0].lower_ not in given or not words[0].text[:1].isupper():
        return False
    if not all((t.text[:1].isupper() and (t.is_alpha or "-" in t.text) and not t.text.isupper()) or t.lower_ in particles
               for t in words[1:]):
        return False
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and (after.lower_ in not_person or after.lower_ in ("international", "airport")):
        return False  # "Isa Khel district", "Hamad International": a place named after someone
    return not any(t.lower_ in not_person for t in words) and not _known_place(ent.text)


def _person_of_body(ent: Span) -> tuple[Span, Span] | None:
    """A body's name the model ran into a titled person's after "of" ("the Black Division
    of General Karl von Haller"): the body's span and the person's, which runs on
    past the entity over capitalised words and name particles; None when the entity has
    no "of" before a title or its words after the title are not a name's."""
    doc = ent.doc
    k = next((t.i for t in reversed(ent[1:-1]) if t.lower_ == "of"), None)
    if k is None or k - ent.start < 2 or not (doc[k + 1].text[:1].isupper() and doc[k + 1].lower_ in _name_titles()):
        return None
    _, particles, not_person = _given_name_words()
    end = k + 2
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end].lower_ not in not_person:
        end += 1
        particle = end
        while particle < len(doc) and doc[particle].lower_ in particles:
            particle += 1  # "von der Goltz"
        if particle > end and particle < len(doc) and doc[particle].text[:1].isupper():
            end = particle
    if end < ent.end or end == k + 2:
        return None  # "the Council of Ministers of Defence": no name after the title
    return Span(doc, ent.start, k, label=ent.label_), Span(doc, k + 1, end, label="PERSON")


def _names_a_document(ent: Span, document_words: frozenset[str]) -> bool:
    """A name whose head is a document's word: "the Khasavyurt Accord", "the Treaty of
    Versailles", "the Memorandum of Understanding" (the word before "of", the name's
    first capitalised word after "the")."""
    words = [t for t in ent if t.is_alpha and t.lower_ not in ("the", "a")]
    if not words or not all(t.text[:1].isupper() or t.lower_ in ("of", "on", "for", "and", "de", "la") for t in words):
        return False
    head = next((t for t in words if t.i + 1 < ent.end and ent.doc[t.i + 1].lower_ == "of"), words[-1])
    return head.lower_ in document_words


def _of_a_thing(token: Token, heads: dict[str, str]) -> bool:
    """Whether a noun's "of" names a thing rather than people, units or kit ("a column of
    smoke", not "a column of troops", "a column of tanks", nor "a commission of inquiry",
    lexicons/nominals.toml body_of_a_thing)."""
    pobj = object_of(token, "of")
    return pobj is not None and heads.get(pobj.lower_) is None and not pobj.ent_type_ \
        and pobj.lower_ not in nominal_lexicon()["group"]["body_of_a_thing"]


@lru_cache(maxsize=1)
def _rank_body_words() -> frozenset[str]:
    """Words that make a name after a rank a body's or a place's, not a person's
    (actor_kinds.toml rank_body_words, the words of bodies, groups and people, the land's)."""
    fixes = lexicon("actor_kinds")["entity_fixes"]
    return frozenset(fixes["rank_body_words"]) | _body_words() | _actor_heads() | frozenset(fixes["group_name_words"]) \
        | frozenset(nominal_lexicon()["place"]["geographic"])


def _ranked_name(ent: Span, body_words: frozenset[str]) -> bool:
    """A name the model took for a body that opens with ranks or titles ("Major General
    Ernst Põdder", "Lieutenant General Bruce Palmer"): a person, when every word after
    them is a capitalised name and none makes it a body's ("the General Staff", "General
    Assembly", "Chief Minister")."""
    if ent.root.dep_ in ("compound", "amod", "nmod") and ent.root.head.i >= ent.end:
        return False  # "the General Dhagabadan military training camp": a name given to a place
    titles = _name_titles()
    n = 0
    while n < len(ent) and ent[n].text[:1].isupper() and ent[n].lower_.rstrip(".") in titles:
        n += 1
    name = ent[n:]
    return 0 < n and len(name) >= 1 and all(
        t.text[:1].isupper() and t.pos_ == "PROPN" and t.lower_ not in body_words and t.lower_.rstrip(".") not in titles for t in name)


@lru_cache(maxsize=1)
def _ranks_before_names() -> frozenset[str]:
    """Titles that stand only before a person's name (names.toml honorifics, surname titles and
    ranks, less its offices_before_bodies)."""
    from factions.lexicons import validated_table

    names = validated_table("names")
    return (frozenset(names["honorifics"]) | frozenset(names["surname_titles"]) | frozenset(names["ranks"])) \
        - frozenset(names["offices_before_bodies"])


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """Words for a place or a building (nominals.toml [place] heads)."""
    return frozenset(nominal_lexicon()["place"]["heads"])


def _after_a_rank(span: Span) -> bool:
    """Whether a capitalised title that stands only before names comes right before a span."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text[:1].isupper() and before.lower_.rstrip(".") in _ranks_before_names()


def _name_after_title(ent: Span, body_words: frozenset[str]) -> bool:
    """A name of one to four capitalised words right after a capitalised title or rank
    the model left outside it ("President | Macky Sall", "Colonel | Mobutu"), none of them
    a body's word or a title ("General | Assembly" is the model's whole name anyway)."""
    if not _after_a_rank(ent) or ent.doc[ent.start - 1].ent_type_:
        return False
    return len(ent) <= 4 and all(
        t.text[:1].isupper() and t.pos_ == "PROPN" and t.lower_ not in body_words and t.lower_.rstrip(".") not in _name_titles() for t in ent)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words for one person (nominals.toml [person] heads, not the plurals): "Sultan" alone is its holder."""
    lex = nominal_lexicon()
    plural = set(lexicon("nominals")["irregular_plurals"])
    return frozenset(w for w in lex["person"]["heads"] if not w.endswith("s") and w not in plural)


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """The last words that make a name a body's (actor_kinds.toml, kind organization)."""
    return frozenset(w for k in lexicon("actor_kinds")["kind"] if k["kind"] == "organization" for w in k["words"])


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """The adjectives of data/demonyms.toml ("Ugandan", "Chadian")."""
    return frozenset(a for adjectives in validated_table("demonyms")["states"].values() for a in adjectives)


@lru_cache(maxsize=1)
def _group_heads() -> frozenset[str]:
    """Head nouns naming groups (data/lexicons/nominals.toml [group])."""
    return frozenset(nominal_lexicon()["group"]["heads"])


@lru_cache(maxsize=1)
def _name_enders() -> tuple[frozenset[str], frozenset[str]]:
    """Words that end a group's name read from its first word ("the Army Chief", "the
    Government Buildings", "the Army Day parade"): titles, and places and days."""
    return _title_words() | _name_titles(), _place_heads() | {"day", "days", "week", "month", "year"}


@lru_cache(maxsize=1)
def _group_name_words() -> frozenset[str]:
    return frozenset(lexicon("actor_kinds")["entity_fixes"]["group_name_words"])


def _includes_places(head, place_words: set) -> bool:
    """What "including" hangs on names places: a place noun ("townships, including
    X"), or a verb whose object is one ("controls 14 of the 17 townships, including X")."""
    if head.lower_ in place_words:
        return True
    objects = [c for c in head.children if c.dep_ == "dobj"] if head.pos_ == "VERB" else []
    return any(o.lower_ in place_words or any(p.lower_ == "of" and any(q.lower_ in place_words for q in p.children) for p in o.children)
               for o in objects)


def _described_as_place(root: Token, place_words: set[str]) -> bool:
    """A name set beside a place noun: "Wad Madani, the capital of Gezira state", "the
    town, Kwatar Daban Masara"."""
    beside = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(t.lower_ in place_words and t.pos_ == "NOUN" for t in beside)


def _modifies_a_noun(token: Token) -> bool:
    """A word set before the noun it describes: "drone" and "missile" in "drone and
    missile attacks", "rocket" in "rocket launchers" name no weapon of their own."""
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN"):
        return True
    return token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("compound", "nmod", "amod")


def _verb_of_object(token: Token) -> str | None:
    """The lemma of the verb a word is the object (or a conjoined object) of, or None."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head.lemma_.lower() if token.dep_ in ("dobj", "nsubjpass") else None


def _object_of_verb(token: Token, lemmas: frozenset[str]) -> bool:
    """Whether a word is the object (or a conjoined object) of one of these verbs."""
    return _verb_of_object(token) in lemmas


def after_place_preposition(ent: Span) -> bool:
    """Whether a name follows a preposition that only takes a place ("near Kolpur";
    actor_kinds.toml place_only_preps): a place, whatever the model or the parser says."""
    only = lexicon("actor_kinds")["entity_fixes"]["place_only_preps"]
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in only


@lru_cache(maxsize=1)
def _place_preposition_words() -> tuple[frozenset[str], ...]:
    """actor_kinds.toml's words for `_unknown_name_after_place_preposition`: the
    prepositions; the words no place's name has (a group's, a body's, a title's); the
    roles whose "at" is a workplace; the verbs whose "at" is at whom; the words whose
    "in" or "at" names a body."""
    fixes = lexicon("actor_kinds")["entity_fixes"]
    return (frozenset(fixes["unknown_place_preps"]), _group_name_words() | _body_words() | _title_words(),
            frozenset(fixes["workplace_roles"]) | frozenset(nominal_lexicon()["person"]["heads"]),
            frozenset(fixes["at_whom_verbs"]), frozenset(fixes["inside_body_words"]))


def _unknown_name_after_place_preposition(ent: Span) -> bool:
    """A name no one knows, right after a preposition of place ("landed at Brnik",
    "fought through Yongdungpo", "the garrison at Goose Green and Darwin"): a place,
    though the model took it for a person (one word), a body, a work or a product (up to three words).
    Not a name with a group's, a body's or a title's word, an acronym, a possessive, or
    the surname of a person the text names in full ("distanced itself from Guzmán")."""
    doc = ent.doc
    if not (ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT", "EVENT") and len(ent) <= 3 or ent.label_ == "PERSON" and len(ent) == 1):
        return False
    preps, not_place_words, roles, at_whom, inside_body = _place_preposition_words()
    if not all(t.is_alpha and t.text[:1].isupper() and not t.text.isupper() and t.lower_ not in not_place_words for t in ent):
        return False
    if ent.end < len(doc) and doc[ent.end].tag_ == "POS":
        return False
    root, before = ent.root, doc[ent.start - 1] if ent.start else None
    if root.dep_ == "conj" and before is not None and before.lower_ in ("and", "or", ","):
        while root.dep_ == "conj" and root.head.i < root.i:  # "at Goose Green and Darwin": the list's first
            root = root.head
        before = doc[root.left_edge.i - 1] if root.left_edge.i else None
    if before is None or root.dep_ != "pobj" or root.head.i != before.i or before.lower_ not in preps:
        return False
    if before.lower_ == "at" and (before.head.pos_ == "NOUN" and before.head.lower_ in roles or before.head.pos_ == "ADJ"
                                  or before.head.pos_ == "VERB" and before.head.lemma_.lower() in at_whom):
        return False  # "a senior fellow at Chatham House": where one works; "hurled insults at Mugabe": at whom
    if before.head.lemma_.lower() in inside_body:
        return False  # "worked at Siemens", "a split in Likud", "members in Renamo": a body, not a place
    return not any(e.label_ == "PERSON" and len(e) > 1 and ent.text in e.text.split() for e in doc.ents)


def _place_noun_after(ent: Span, nouns: frozenset[str]) -> Token | None:
    """The place noun a name is set before, right after it or after one lower-case noun
    of its own ("Kadawa village", "the al-Fashaga border area", "the Zobe road junction"),
    when the name hangs on it; else None."""
    doc, head = ent.doc, ent.root.head
    if head.lower_ not in nouns or not ent.end <= head.i <= ent.end + 1:
        return None
    if head.i == ent.end + 1 and not (doc[ent.end].is_lower and doc[ent.end].pos_ == "NOUN"
                                      and doc[ent.end].dep_ == "compound" and doc[ent.end].head.i == head.i):
        return None
    return head


def _areas_bracketed_after(ent: Span, nouns: frozenset[str]) -> bool:
    """Whether a name is followed by a bracket whose first item is a named area of a kind
    ("Avdiivka (Pokrovsk raion, Donetsk oblast)", "Reyhanli (Hatay province)": actor_kinds.toml
    place_nouns_after), as coded notes set a place's areas after it."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != "(":
        return False
    item = []
    for t in doc[ent.end + 1 : min(len(doc), ent.end + 8)]:
        if t.text in (",", ")", ";"):
            break
        item.append(t)
    return len(item) >= 2 and item[-1].lower_ in nouns and item[-1].is_lower and all(t.text[:1].isupper() or t.text == "-" for t in item[:-1])


def _place_by_where(ent: Span) -> bool:
    """A name the relative "where" follows ("attacked Mirbat, where a small team held
    them off"): a place."""
    doc = ent.doc
    k = ent.end + (1 if ent.end < len(doc) and doc[ent.end].text == "," else 0)
    return k < len(doc) and doc[k].lower_ == "where" and doc[k].dep_ == "advmod"


def _known_place(name: str) -> bool:
    """A populated place of the offline gazetteer has this name (places/gazetteer.py)."""
    from factions.places.gazetteer import gazetteer

    return any(e.feature == "place" for e in gazetteer().candidates(name))


@lru_cache(maxsize=1)
def _branch_words() -> frozenset[str]:
    """Words that end the name of a group's branch when the group is its possessor
    (actor_kinds.toml entity_fixes branch_words)."""
    return frozenset(lexicon("actor_kinds")["entity_fixes"]["branch_words"])


def _possessed_by_a_body(ent: Span) -> bool:
    """Whether a name is a body's possession, told with its possessive before it and only
    modifiers between ("the Islamic State's self-styled Najd Province")."""
    doc = ent.doc
    i = ent.start - 1
    while i > 0 and doc[i].tag_ != "POS" and doc[i].dep_ in ("amod", "punct", "npadvmod") and ent.start - i <= 4:
        i -= 1
    return i > 0 and doc[i].tag_ == "POS" and doc[i - 1].ent_type_ == "ORG"


def _bracketed_after_a_place(ent: Span) -> bool:
    """Whether a name opens a bracket right after a place's name: "Marawi City (Lanao del Sur)",
    "Zabarmari (Jere LGA)", as coded notes give the area a place lies in."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "(":
        return False
    before = doc[ent.start - 2]
    return before.ent_type_ in ("GPE", "LOC", "FAC") and before.ent_iob_ in ("B", "I")


def _country_after(doc: Doc, i: int) -> bool:
    """Whether a country's name (the gazetteer's) starts at token i and ends its phrase:
    "Pemba, Mozambique –" but not "Smith, Mozambique's envoy"."""
    from factions.places.gazetteer import gazetteer

    ent = entity_of(doc[i]) if i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "GPE" else None
    if ent is None or (ent.end < len(doc) and doc[ent.end].tag_ == "POS"):
        return False
    return gazetteer().country_code(ent.text) is not None


_LINE_OPENING = re.compile(r"(?:\A|\n)\s*(?=\S)")


def _line_openings(doc: Doc) -> list[Token]:
    """The first token of each line: the Doc's first, and each after a blank token
    holding a line break (found in the text: a walk over every Token cost more)."""
    starts = set()
    for m in _LINE_OPENING.finditer(doc_text(doc)):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None:
            starts.add(span.start)
    return [doc[i] for i in sorted(starts) if i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text)]


def _capital_datelines(doc: Doc, openings: list[Token]) -> list[Span]:
    """A wire dateline's place in capitals, which the model reads as several names:
    "SAN CRISTOBAL DE LAS CASAS, Mexico, Jan 1 (Reuters) - …" is one place (a line that
    opens with capitalised words, then a comma or a bracket and, within a few words, a
    dash: nlp.tokens.opens_dateline); one such word is a place too ("OUAGADOUGOU, Dec 17
    (Reuters) - …"), which the model may leave unnamed."""
    out = []
    for t in openings:
        j = t.i
        while j < len(doc) and doc[j].is_alpha and doc[j].text.isupper() and len(doc[j]) > 1:
            j += 1
        if (j - t.i >= 2 or (j - t.i == 1 and len(t) >= 3)) and opens_dateline(place := Span(doc, t.i, j, label="GPE")):
            out.append(place)
    return out


def _honorific_names(doc: Doc, honorifics: frozenset[str]) -> list[Span]:
    """"Mr Speight", "Ms Lu Hsiu-lien", "Mr. Speight": a courtesy title and the capitalised
    words after it are a person, title inside, where the model found no name there or
    only part of one (a name it read as a person or not at all; a body's name stays)."""
    from factions.lexicons import validated_table

    particles = frozenset(validated_table("names")["name_particles"])
    out = []
    for t in tokens_where(doc, lowers=honorifics):
        if t.i + 1 >= len(doc):
            continue
        end = t.i + 1
        while end < len(doc) and end - t.i <= 6:
            if doc[end].is_title:
                end += 1
            elif doc[end].lower_ in particles and end > t.i + 1 and end + 1 < len(doc) \
                    and (doc[end + 1].is_title or doc[end + 1].text == "-"):
                end += 1  # "Dr. Rashad al-Alimi", "Mr Ali bin Hassan"
            elif doc[end].text == "-" and end + 1 < len(doc) and doc[end + 1].is_alpha and not doc[end - 1].is_space \
                    and doc[end].idx == doc[end - 1].idx + len(doc[end - 1]):
                end += 2  # "Hsin-chieh": the given name's second half is written small
            else:
                break
        if end == t.i + 1:
            continue
        if any(e.label_ != "PERSON" and e.start < end and t.i < e.end and (e.start < t.i or e.end > end) for e in doc.ents):
            continue  # "Mr Bradshaw's Labour Party": the body's name is the model's ("Mr Ouellette" read as a body is a person)
        out.append(Span(doc, t.i, end, label="PERSON"))
    return out


def _person_name_cut_short(ent: Span, group_words: frozenset[str]) -> Span | None:
    """A person's name the model ended before its last words ("Roch Marc | Christian
    Kaboré"): the name's last word is a compound of a capitalised proper noun up to three
    words on, and every word between is one too, outside any other name and no word of a
    body's or a place's name; the name that runs to that noun, else None."""
    doc, last = ent.doc, ent[-1]
    head = last.head
    if last.dep_ != "compound" or not 0 < head.i - last.i <= 3:
        return None
    more = doc[ent.end:head.i + 1]
    if any(t.pos_ != "PROPN" or not _capitalised(t) or t.ent_type_ or t.lower_ in group_words
           or t.lower_ in _place_heads() or t.whitespace_ == "" and t.i < head.i for t in more):
        return None
    return Span(doc, ent.start, head.i + 1, label="PERSON")


def _shared_head_conjuncts(doc: Doc, nominals: list[Span]) -> tuple[list[Span], dict[int, tuple[int, str]]]:
    """"Indian and Chinese soldiers", "between Kyrgyz and Tajik border guards", "Chadian,
    Nigerien and Nigerian troops": the nationalities before the nominal, joined to its own
    by "and", "or" or a comma, name people of the same kind, who share its head noun. Each
    is a nominal of its own, of the nominal's label, over the nationality's words, with the
    words it shares (the nominal's after its nationality). Not a nation's people in the
    plural ("the Kurds and Turkish troops"), nor a word in a nominal already."""
    out: list[Span] = []
    shared: dict[int, tuple[int, str]] = {}
    taken = {i for span in nominals for i in range(span.start, span.end)}
    for span in nominals:
        if span.label_ not in ("PERSON", "ORG"):
            continue
        first = span.start
        while first < span.end and doc[first].lower_ in ("the", "a", "an"):
            first += 1
        if first >= span.end - 1 or doc[first].ent_type_ != "NORP" or doc[first].ent_iob_ != "B":
            continue
        own = first
        while own < span.end and doc[own].ent_type_ == "NORP" and (own == first or doc[own].ent_iob_ == "I"):
            own += 1
        words = doc[own : span.end].text
        if own >= span.end or not words:
            continue
        at = first
        while at >= 2 and doc[at - 1].lower_ in ("and", "or", ","):
            end = at - 1
            if doc[end - 1].lower_ == "," and doc[at - 1].lower_ in ("and", "or"):
                end -= 1  # "Chadian, Nigerien, and Nigerian troops"
            if end < 1 or doc[end - 1].ent_type_ != "NORP" or doc[end - 1].tag_ not in ("JJ", "NNP") or (end - 1) in taken:
                break
            start = end - 1
            while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "NORP":
                start -= 1
            if any(t.tag_ not in ("JJ", "NNP") for t in doc[start:end]):
                break
            out.append(Span(doc, start, end, label=span.label_))
            shared[start] = (first, words)
            at = start
    return out, shared


def _others_of_people(doc: Doc, heads: dict, others: frozenset[str]) -> list[Span]:
    """"shot dead a police officer and wounded another", "killed 20 gunmen and arrested 40
    others", "shot one of them and arrested the other": the word for more people of the
    kind named before it in the sentence (nominals.toml person.others_of_people), as what a
    verb acts on. Not "one another", "among others", nor where no people came before."""
    out = []
    for token in tokens_where(doc, lowers=others):
        if token.dep_ not in ("dobj", "nsubjpass") or token.head.pos_ != "VERB":
            continue
        start = token.i - 1 if token.lower_ == "other" else token.i
        if start < 0 or (token.lower_ == "other" and doc[start].lower_ != "the") \
                or (token.i > 0 and doc[token.i - 1].lower_ in ("one", "each")):
            continue  # ("one another", "each other": no one new)
        sentence = token.sent
        if not any(heads.get(t.lower_) == "PERSON" or t.ent_type_ == "PERSON" for t in doc[sentence.start : start]):
            continue
        out.append(Span(doc, start, token.i + 1, label="PERSON"))
    return out


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _joined_names(doc: Doc, heads: frozenset[str], articles: frozenset[str], particles: frozenset[str],
                  place_preps: frozenset[str]) -> list[Span]:
    """Arabic, Persian and Urdu names the model cut short or read as persons, as whole
    names: a place word and what follows it through an article ("Ras al-Ain", "Deir
    ez-Zor", "Dayr Az Zawr", "Jebel Amer") is a place; a name joined by a hyphen and a
    linking particle ("Mazar-i-Sharif", "Nad-e Ali", "Tehrik-e-Labbaik") is one name, of
    the kind the model gave its part. A longer name the model found around it stands
    ("the Deir ez-Zor Military Council")."""
    out = []
    n, done = len(doc), 0
    # where such a name may start: a capitalised place word, or the word before "-i-"
    starts = set()
    for t in tokens_where(doc, lowers=heads | particles):  # one scan of the Doc for both
        if t.lower_ in heads:
            starts.add(t.i)
        if t.lower_ in particles and t.i >= 2 and doc[t.i - 1].text == "-":
            starts.add(t.i - 2)
    for i in sorted(starts):
        first = doc[i]
        if i < done or not _capitalised(first):
            continue
        headed = first.lower_ in heads
        end = i + 1
        while end < n:
            joined = not doc[end - 1].whitespace_
            if doc[end].text == "-" and joined and end + 2 < n and doc[end + 1].lower_ in particles and not doc[end].whitespace_:
                if doc[end + 2].text == "-" and not doc[end + 1].whitespace_ and end + 3 < n and _capitalised(doc[end + 3]) \
                        and not doc[end + 2].whitespace_:
                    end += 4  # "Mazar-i-Sharif"
                    continue
                if doc[end + 1].whitespace_ and _capitalised(doc[end + 2]):
                    end += 3  # "Nad-e Ali"
                    continue
            if headed and doc[end].lower_ in articles and end + 1 < n:
                if doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_ and end + 2 < n \
                        and _capitalised(doc[end + 2]):
                    end += 3  # "Ras al-Ain"
                    continue
                if doc[end].text[:1].isupper() and _capitalised(doc[end + 1]) and not first.is_sent_start:
                    end += 2  # "Dayr Az Zawr" (not "Tell Al Jazeera …" opening a sentence)
                    continue
            if headed and end == i + 1 and _capitalised(doc[end]) and not first.is_sent_start:
                end += 1  # "Ras Isa", "Jebel Amer"
            break
        if end == i + 1:
            continue
        around = [e for e in doc.ents if e.start < end and i < e.end]
        beyond = [e for e in around if e.end > end]
        covering = next((e for e in around if e.start <= i and e.end >= end), None)
        if headed and not beyond:
            # with the model's article ("the Bab al-Hawa"); a longer name holding it
            # stands ("The Battle of Qala-i-Jangi")
            start = i - 1 if i and doc[i - 1].lower_ == "the" and any(e.start == i - 1 for e in around) else i
            titled = covering is not None and covering.label_ == "PERSON" and start and \
                (doc[start - 1].lower_ in _title_words() or doc[start - 1].lower_ in _name_titles())  # "Mayor Ras Baraka", "the leader Wadi Haddad"
            if not titled and not any(e.start < start for e in around) and (covering is None or covering.label_ not in PLACE_LABELS):
                out.append(Span(doc, start, end, label="GPE"))
        elif covering is None and around and not headed:
            start, stop = min([i] + [e.start for e in around]), max([end] + [e.end for e in around])
            out.append(Span(doc, start, stop, label=max(around, key=len).label_))
        elif not around and i and doc[i - 1].lower_ in place_preps:
            out.append(Span(doc, i, end, label="GPE"))  # "the airport at Mazar-i-Sharif", which the model passed over
        done = end
    return out


def _unit_names(doc: Doc, unit_words: frozenset[str]) -> list[Span]:
    """Capitalised words that end in a unit's word, where the model found no body or a
    place or a person: "the Parachute Regiment", "the Pathfinder Platoon" (read as a
    place). Units named by their number are factions_numbered_units'."""
    out = []
    for t in tokens_where(doc, lowers=unit_words):
        if not _capitalised(t) or t.i == 0 or t.is_sent_start:
            continue
        start = t.i
        while start > 0 and _capitalised(doc[start - 1]) and doc[start - 1].text != "The" and doc[start - 1].lower_ not in unit_words:
            start -= 1
        if start == t.i or any(s.start <= t.i < s.end for s in out):
            continue
        around = [e for e in doc.ents if e.start <= t.i and start < e.end]
        if not around or all(e.label_ in ("GPE", "LOC", "FAC", "PERSON") and e.end == t.i + 1 for e in around):
            start = min([start] + [e.start for e in around])
            if not _title_case(t.sent):
                out.append(Span(doc, start, t.i + 1, label="ORG"))
    return out


def _command_area_names(doc: Doc, words: frozenset[str], suffixes: frozenset[str]) -> list[Span]:
    """The name of a command named by its area ("units of the Western Military Zone", "the
    Fourth Military Region": actor_kinds.toml command_area_words, command_area_suffixes),
    which the model reads as a place or not at all: a body."""
    out = []
    for t in tokens_where(doc, lowers=suffixes):
        if not _capitalised(t) or t.i < 1 or doc[t.i - 1].lower_ not in words or not _capitalised(doc[t.i - 1]):
            continue
        start = t.i - 1
        while start > 0 and (_capitalised(doc[start - 1]) or doc[start - 1].shape_ in ("dxx", "ddxx")) \
                and doc[start - 1].text != "The" and not doc[start - 1].is_sent_start:
            start -= 1  # (its number too: "the 4th Military Region")
        around = [e for e in doc.ents if e.start <= t.i and start < e.end]
        if all(e.label_ in ("GPE", "LOC", "FAC") for e in around) and not any(s.start <= t.i < s.end for s in out):
            out.append(Span(doc, min([start] + [e.start for e in around]), max([t.i + 1] + [e.end for e in around]), label="ORG"))
    return out


def _names_cut_at_and(doc: Doc, ends: frozenset[str]) -> list[Span]:
    """A party's name the model cut at its "and" ("the Social Democratic | and Labour
    Party"): two names with only "and" between them, the first ending in a capitalised word
    that ends no name of a body (actor_kinds.toml and_name_ends), the second in such a word,
    are one body's name."""
    out = []
    ents = [e for e in doc.ents if e.label_ in ("ORG", "NORP", "PERSON", "GPE")]
    for first, second in zip(ents, ents[1:]):
        if second.start != first.end + 1 or doc[first.end].lower_ != "and" or second.label_ != "ORG" \
                or second[-1].lower_ not in ends or first[-1].lower_ in ends or not _capitalised(first[-1]) \
                or not _capitalised(second[0]) or second[0].lower_ in ("the", "a", "an") or first.sent.start != second.sent.start:
            continue
        out.append(Span(doc, first.start, second.end, label="ORG"))
    return out


def _body_names_the_model_missed(doc: Doc, ends: frozenset[str]) -> list[Span]:
    """A body's name the model missed or cut at its "of": after "the", capitalised words
    ending in a word that ends a body's name (actor_kinds.toml and_name_ends), and a proper
    name after "of" without an article, are one name ("the Democratic Party of Albania",
    "the Communist Party of Greece", "the Guatemalan Party of Labour"; not "the Security
    Council of the United Nations", two bodies). Not in a headline's capitals."""
    out = []
    for head in tokens_where(doc, lowers=ends):
        if not _capitalised(head) or head.tag_ not in ("NNP", "NNPS"):
            continue
        start = head.i
        while start > 1 and _capitalised(doc[start - 1]) and doc[start - 1].tag_ in ("NNP", "NNPS", "JJ") \
                and not doc[start - 1].is_sent_start and doc[start - 1].ent_type_ in ("", "ORG", "NORP"):
            start -= 1
        if start == head.i or doc[start - 1].lower_ != "the" or any(t.ent_id for t in doc[start : head.i + 1]):
            continue  # ("the Army" alone is a nominal's: nominals.toml; "the European Union" a known name's)
        end = head.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and _capitalised(doc[end + 1]) and doc[end + 1].tag_ in ("NNP", "NNPS") \
                and doc[end + 1].ent_type_ != "PERSON":  # ("the Patriotic Front of Joshua Nkomo": his)
            end += 1
            while end < len(doc) and _capitalised(doc[end]) and doc[end].tag_ in ("NNP", "NNPS"):
                end += 1
        if not _title_case(head.sent):
            out.append(Span(doc, start - 1, end, label="ORG"))
    # (a name the model found as long or longer, or running out of this one, stands)
    return [s for s in out if all(s.start <= e.start and e.end <= s.end and (e.start, e.end) != (s.start, s.end)
                                  for e in doc.ents if e.start < s.end and s.start < e.end)]


def _places_listed_with_places(doc: Doc) -> list[Span]:
    """Places the model missed or misread in a list of places ("entered Bama, Dikwa and
    Gwoza" gave Dikwa alone; "attacking Toshkivka, Zolote and Hirske" gave one place
    "Toshkivka, Zolote" and a person "Hirske"): a place's name the model ran across a comma
    is two names; a capitalised proper noun listed with a place, with no name of its own or
    a one-word person's, is a place too, if the gazetteer knows it as one (or, with no name of
    its own, if two of the list are places already)."""
    out = []
    places = [e for e in doc.ents if e.label_ in ("GPE", "LOC")]
    for ent in places:
        if len(ent) > 2 and any(t.text == "," for t in ent) \
                and all(t.text == "," or (_capitalised(t) and t.pos_ == "PROPN") for t in ent):
            start = ent.start
            for t in [*(t for t in ent if t.text == ","), None]:
                end = t.i if t is not None else ent.end
                if end > start:
                    out.append(Span(doc, start, end, label=ent.label_))
                start = end + 1
    for ent in places:
        head = ent.root
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        items = (head, *head.conjuncts)
        listed_places = sum(t.ent_type_ in ("GPE", "LOC") for t in items)
        for item in items:
            if item.i in range(ent.start, ent.end) or not _capitalised(item) or item.pos_ != "PROPN" or item.is_sent_start:
                continue
            if item.ent_type_ and not (item.ent_type_ == "PERSON" and item.ent_iob_ == "B" and not item.ent_id
                                       and (item.i + 1 >= len(doc) or doc[item.i + 1].ent_iob_ != "I")):
                continue  # (a one-word "person", no known one, may be one more place)
            start = item.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == item.i and _capitalised(doc[start - 1]) \
                    and not doc[start - 1].ent_type_:
                start -= 1
            name = doc[start : item.i + 1]
            if (item.ent_type_ or listed_places < 2) and not _known_place(name.text):
                continue  # ("met officials in Kenya and Museveni": a place only where the gazetteer knows one)
            out.append(Span(doc, start, item.i + 1, label=ent.label_))
    return out


def _names_opening_with_a_date(doc: Doc, ends: frozenset[str]) -> list[Span]:
    """A body named after a day ("the 23 June Movement", "the March 23 Movement", "the 6 April
    Youth Movement", "the 14 March Alliance"), which the model reads as a date, or as a date
    and a name: after "the" or a bracket, a day and a month, then capitalised words the last of
    which ends a body's name (actor_kinds.toml and_name_ends, group_name_words), are one name.
    Not a day told before a name ("on 23 June Army units attacked": no "the" before it)."""
    out = []
    for month in tokens_where(doc, lowers=_MONTH_WORDS):
        m = month.i
        if not month.is_title:
            continue
        if m >= 2 and doc[m - 1].like_num:
            start, end = m - 1, m + 1  # "the 23 June Movement"
        elif m >= 1 and m + 1 < len(doc) and doc[m + 1].like_num:
            start, end = m, m + 2  # "the March 23 Movement"
        else:
            continue
        if doc[start - 1].lower_ not in ("the", "("):
            continue
        words = end
        while words < len(doc) and words - end < 4 and doc[words].is_title and doc[words].is_alpha:
            words += 1
        while words > end and doc[words - 1].lower_ not in ends:
            words -= 1
        if words > end:
            out.append(Span(doc, start, words, label="ORG"))
    return out


_MONTH_WORDS = frozenset(MONTH_NAMES)


def _names_cut_at_a_hyphen(doc: Doc, compounds: frozenset[str]) -> list[Span]:
    """A person's name the model cut at the hyphen of a two-syllable given name ("Moon Jae |
    -in signed"): a name of two words or more ending in a short capitalised syllable, then a
    hyphen and a short word in lower case, all joined, is one name; not a compound made on a
    name (actor_kinds.toml name_compound_words: "a Kim Jong Un-led state")."""
    out = []
    for ent in doc.ents:
        end = ent.end
        if ent.label_ != "PERSON" or len(ent) < 2 or end + 1 >= len(doc) or ent[-1].whitespace_ or len(ent[-1]) > 4 \
                or not ent[-1].text.istitle() or doc[end].text != "-" or doc[end].whitespace_:
            continue
        syllable = doc[end + 1]
        if not (syllable.is_alpha and syllable.is_lower and len(syllable) <= 5 and syllable.lower_ not in compounds) \
                or (end + 2 < len(doc) and not syllable.whitespace_ and doc[end + 2].text == "-"):
            continue
        out.append(Span(doc, ent.start, end + 2, label="PERSON"))
    return out


@lru_cache(maxsize=1)
def peoples() -> frozenset[str]:
    """The names of peoples as written (actor_kinds.toml entity_fixes peoples)."""
    return frozenset(lexicon("actor_kinds")["entity_fixes"]["peoples"])


@lru_cache(maxsize=1)
def _peoples_lower() -> frozenset[str]:
    return frozenset(p.lower() for p in peoples())


def _peoples(doc: Doc) -> list[Span]:
    """A people named alone (actor_kinds.toml peoples: "hundreds of Yazidis", "attacked Hazaras
    in Quetta") is a people (NORP), whatever the model made of it; not a word of a longer name
    the model found ("the Kurdistan Regional Government", "Fulani militias")."""
    out = []
    for token in tokens_where(doc, lowers=_peoples_lower()):
        if token.text not in peoples():
            continue  # ("chin", "shan", "karen" in lower case are other words)
        if token.ent_type_ and token.ent_iob_ == "B" and (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I"):
            out.append(Span(doc, token.i, token.i + 1, label="NORP"))  # the model's entity is the word alone
        elif not token.ent_type_:
            out.append(Span(doc, token.i, token.i + 1, label="NORP"))
    return out


@lru_cache(maxsize=1)
def _arms_heads() -> frozenset[str]:
    """Lemmas of the arms a model's name may come before (demonyms.toml [heads] arms; not
    rifles: "two Kalashnikov rifles" is read as one kit held)."""
    return frozenset(validated_table("demonyms")["heads"].get("arms", ()))


def _model_of_arms(ent: Span) -> bool:
    """Whether a name no knowledge-base entry holds, of proper nouns only, stands right
    before a noun of arms that it modifies: the arms' model ("Grad rockets", "Storm Shadow
    missiles", "Shahed drones"), not their owner ("Hamas rockets" is a known name)."""
    doc = ent.doc
    # (not a people or a state, "Russian drones", nor a body's word, "Army bombers", "Coalition aircraft")
    if ent.label_ not in ("ORG", "PERSON", "FAC") or len(ent) > 2 or ent.end >= len(doc) \
            or not all(t.pos_ == "PROPN" and t.lower_ not in _group_heads() for t in ent):
        return False
    head = doc[ent.end]
    return head.lemma_.lower() in _arms_heads() and head.pos_ == "NOUN" and ent.root.head.i == head.i \
        and ent.root.dep_ in ("compound", "nmod", "amod")


def _names_told_with_an_age(doc: Doc) -> list[Span]:
    """A name the model read as a nationality, followed by an age between commas, is a
    person's ("Alek Minassian, 25, drove a van into pedestrians": "Minassian" as NORP), with
    the capitalised words before it that no entity holds ("Alek")."""
    out = []
    for ent in doc.ents:
        end = ent.end
        if ent.label_ != "NORP" or not _age_between_commas(doc, end + 1) or not _name_told_with_an_age(doc[end - 1]):
            continue
        start = ent.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and not doc[start - 1].ent_type_ \
                and not doc[start - 1].is_sent_start:
            start -= 1
        out.append(Span(doc, start, end, label="PERSON"))
    return out


@lru_cache(maxsize=1)
def _festival_names() -> dict[str, tuple[str, ...]]:
    """time.toml [festivals], by lower-cased first word, longest first."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(lexicon("time")["festivals"]["names"], key=len, reverse=True):
        by_first.setdefault(name.split()[0].split("-")[0].lower(), []).append(name)
    return {first: tuple(names) for first, names in by_first.items()}


def _festivals(doc: Doc) -> list[Span]:
    """A festival or holy day named as written (time.toml [festivals]: "Yom Kippur", "Eid
    al-Adha", "Ashura") is a time (DATE), whatever the model made of it."""
    names, text, out = _festival_names(), doc_text(doc), []
    for token in tokens_where(doc, lowers=frozenset(names)):
        for name in names[token.lower_]:
            end = token.idx + len(name)
            if text[token.idx:end] == name and (end == len(text) or not text[end].isalnum()):
                span = doc.char_span(token.idx, end)
                # (not inside a date the model found, "the first day of Eid al-Adha", nor a
                # word of a longer name, "the Tet Offensive")
                if span is not None and not any(t.ent_type_ == "DATE" for t in span) \
                        and not (span.end < len(doc) and doc[span.end].text[:1].isupper() and doc[span.end].is_alpha):
                    out.append(Span(doc, span.start, span.end, label="DATE"))
                break
    return out


@lru_cache(maxsize=1)
def _fixed_titles_by_last_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for words in _fixed_titles():
        by_last.setdefault(words[-1], []).append(words)
    return {last: tuple(titles) for last, titles in by_last.items()}


def _end_of_fixed_title(ent: Span) -> bool:
    """Whether a name ends one of the titles that name no body (actor_kinds.toml
    entity_fixes.fixed_titles), the title's first word standing before it."""
    titles = _fixed_titles_by_last_word().get(ent.doc[ent.end - 1].lower_, ())
    return any(ent.end - len(words) < ent.start and _words_at(ent.doc, ent.end - len(words), words) for words in titles)


def _capitalised_within(doc: Doc) -> list[Token]:
    """The words with a capital after their first letter ("SSPDF", "FAMa"), the only ones
    that can be acronyms: found on the Doc's arrays (alphabetic, neither lower case nor
    title case), not by making a Token for every word."""
    if not len(doc):
        return []
    flags = doc.to_array([IS_ALPHA, IS_LOWER, IS_TITLE]).astype(bool)
    return [doc[int(i)] for i in np.flatnonzero(flags[:, 0] & ~flags[:, 1] & ~flags[:, 2])]


def names_a_craft(ent: Span) -> bool:
    """Whether a name is a craft's, after the word of its kind ("the tanker Stena Impero",
    "the car carrier Galaxy Leader": actor_kinds.toml entity_fixes.craft_before_names)."""
    doc, crafts = ent.doc, _craft_words()
    return any(ent.start - n >= 0 and all(t.is_lower for t in doc[ent.start - n : ent.start])
               and " ".join(t.lower_ for t in doc[ent.start - n : ent.start]) in crafts for n in (1, 2))


@lru_cache(maxsize=1)
def _craft_words() -> frozenset[str]:
    return frozenset(lexicon("actor_kinds")["entity_fixes"]["craft_before_names"])


@lru_cache(maxsize=1)
def _kit_words() -> frozenset[str]:
    """Words of weapons and vehicles (nominals.toml [equipment] heads, vehicles, platforms)."""
    kit = nominal_lexicon()["equipment"]
    return frozenset((*kit["heads"], *kit["vehicles"], *kit["platforms"]))


@Language.component("factions_entity_fixes")
def entity_fixes(doc: Doc) -> Doc:
    """The model's commonest confusions in this domain, fixed before nominals are
    read: a name with "Liwa", "Katibat", "Jabhat" ... is a group, not a person;
    a name after "the town of" is a place; a status ("a Foreign Terrorist
    Organization") is no name."""
    fixes = lexicon("actor_kinds")["entity_fixes"]
    group_words, place_before = frozenset(fixes["group_name_words"]), set(fixes["place_before"])
    place_beside = set(fixes["place_beside"])
    area_acronyms = frozenset(fixes["area_acronyms"])
    named_works = frozenset(fixes["named_for_person_heads"])
    place_verbs = fixes["place_object_verbs"]
    known_place_verbs = frozenset(fixes["known_place_object_verbs"])
    place_at_verbs = frozenset(fixes["place_at_verbs"])
    place_preps = frozenset(fixes["place_after_preps"])
    place_only = frozenset(fixes["place_only_preps"])
    event_words = frozenset(fixes["event_name_words"])
    state_forces = frozenset(fixes["state_force_words"])
    document_words = frozenset(fixes["document_name_words"])
    suffixes, not_after = frozenset(fixes["place_name_suffixes"]), frozenset(fixes["place_suffix_not_after"])
    nouns_after = frozenset(fixes["place_nouns_after"])
    facility_after = frozenset(fixes["facility_nouns_after"])
    geographic = frozenset(nominal_lexicon()["place"]["geographic"])
    prefixes, landforms = frozenset(fixes["place_name_prefixes"]), frozenset(fixes["landform_suffixes"])
    streets, street_surnames = frozenset(fixes["street_suffixes"]), frozenset(fixes["street_surnames"])
    street_prefixes, foreign_streets = frozenset(fixes["street_name_prefixes"]), frozenset(fixes["street_suffixes_not_english"])
    landform_surnames = frozenset(fixes["landform_surnames"])
    openings = _line_openings(doc)
    labels = list(note_labels(doc).items())

    def in_label(ent: Span) -> bool:
        return any(start <= ent.start and ent.end <= end for start, end in labels)

    datelines = _capital_datelines(doc, openings)
    if datelines:
        doc.ents = filter_spans(datelines + [e for e in doc.ents if not any(d.start < e.end and e.start < d.end for d in datelines)])
    titled = _honorific_names(doc, frozenset(fixes["name_honorifics"]))
    if titled:
        doc.ents = filter_spans(titled + [e for e in doc.ents if not any(n.start < e.end and e.start < n.end for n in titled)])
    joined = _joined_names(doc, frozenset(fixes["arabic_place_heads"]), frozenset(fixes["arabic_articles"]),
                           frozenset(fixes["hyphen_name_particles"]), place_preps)
    joined += _unit_names(doc, frozenset(fixes["unit_name_words"]))
    joined += _names_cut_at_and(doc, frozenset(fixes["and_name_ends"]))
    joined += _body_names_the_model_missed(doc, frozenset(fixes["and_name_ends"]))
    joined += _places_listed_with_places(doc)
    joined += _names_opening_with_a_date(doc, frozenset(fixes["and_name_ends"]) | group_words)
    joined += _names_cut_at_a_hyphen(doc, frozenset(fixes["name_compound_words"]))
    joined += _peoples(doc)
    joined += _festivals(doc)
    joined += _names_told_with_an_age(doc)
    joined += _command_area_names(doc, frozenset(fixes["command_area_words"]), frozenset(fixes["command_area_suffixes"]))
    if joined:
        joined = filter_spans(joined)
        doc.ents = filter_spans(joined + [e for e in doc.ents if not any(n.start < e.end and e.start < n.end for n in joined)])
    spans, changed = [], False
    for ent in doc.ents:
        label = ent.label_
        if ent.ent_id_:
            spans.append(ent)
            continue
        if any(t.is_space for t in ent):
            # "Print\n\n" in a page dump's share bar: a name never runs into the
            # white space around it, nor across a line break.
            start, end = ent.start, ent.end
            while start < end and doc[start].is_space:
                start += 1
            end = next((t.i for t in doc[start:end] if t.is_space and "\n" in t.text), end)
            while end > start and doc[end - 1].is_space:
                end -= 1
            changed = True
            if end <= start:
                continue
            ent = Span(doc, start, end, label=label)
        if _model_of_arms(ent):
            changed = True  # "hit by Grad rockets", "fired Storm Shadow missiles": the weapon's model, no party
            continue
        if len(ent) > 1 and ent[-1].pos_ in ("ADP", "DET", "CCONJ") and ent[-1].is_lower:
            # "The Ministry of Foreign Affairs of | the Republic of Estonia": a name never
            # ends in a preposition, an article or "and"; what follows is a name of its own
            end = ent.end
            while end > ent.start and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") and doc[end - 1].is_lower:
                end -= 1
            changed = True
            if end <= ent.start:
                continue
            ent = Span(doc, ent.start, end, label=label)
        if ent[0].is_lower and ent[0].tag_ in ("VBD", "VBZ", "VBP") and label not in ("DATE", "TIME", "CARDINAL", "QUANTITY"):
            # "(AQAP), overran army positions": a name never opens with a finite verb; the rest
            # is a name only with a capital in it ("overran army" is none)
            changed = True
            if not any(t.text[:1].isupper() for t in ent[1:]):
                continue
            ent = Span(doc, ent.start + 1, ent.end, label=label)
        if label == "PERSON" and (whole := _person_name_cut_short(ent, group_words)) is not None:
            # "President Roch Marc | Christian Kaboré": the model ended the name before its
            # last words, which the parser still joins to it
            ent, changed = whole, True
        if len(ent) > 1 and ent[-1].text == ":":
            # "Lanao del Sur: Philippine Army troops seized …": a name never takes the colon
            # of a line's label (nor runs past it: the label is a sentence of its own)
            ent, changed = Span(doc, ent.start, ent.end - 1, label=label), True
        if len(ent) == 1 and ent.text.endswith(".") and ent[0].lower_.rstrip(".") in _name_titles():
            changed = True  # "Brig." alone: an abbreviated rank, no name
            continue
        opening = next((t.i for t in ent if t.text == "("), None)
        if opening is not None and not any(t.text == ")" for t in ent) and ent.start < opening < ent.end - 1:
            # "Dansadau (Maru LGA": a name never runs into a bracket it does not close; what is
            # inside is a name of its own, read again below (an area after a place, an acronym)
            inside = Span(doc, opening + 1, ent.end, label=label)
            if inside[-1].text in area_acronyms and len(inside) > 1:
                inside = Span(doc, inside.start, inside.end, label="GPE")
            spans.append(inside)
            ent, changed = Span(doc, ent.start, opening, label=label), True
        split = _person_of_body(ent) if label == "ORG" else None
        if split is not None:
            # "the Black Division of General | Karl von Haller", "the Popular Council of
            # Bishop | Samuel Ndlovu": a title after the body's last "of" opens the name of
            # the person the body is "of"; the body's name ends before "of"
            spans.append(split[1])
            ent, changed = split[0], True
        if label in ("ORG", "PERSON", "NORP") and len(ent) > 1 and ent[0].lower_ in place_only:
            # "Near Tawergha," read as one name: the preposition is no part of it, and
            # what follows it is a place
            ent = Span(doc, ent.start + 1, ent.end, label="GPE")
            label, changed = "GPE", True
        if label in ("ORG", "PERSON", "NORP", "GPE") and ent[-1].text in area_acronyms and ent.start > 0 and len(ent) == 1 \
                and doc[ent.start - 1].text[:1].isupper() and not doc[ent.start - 1].ent_type_ and doc[ent.start - 1].pos_ == "PROPN":
            # "Zabarmari (Jere LGA)": the model reads the acronym alone as a body; with the name
            # before it, it is that area
            ent = Span(doc, ent.start - 1, ent.end, label="GPE")
            label, changed = "GPE", True
        if label in ("GPE", "LOC", "ORG") and len(ent) > 1 and ent[-1].text in _branch_words() and _possessed_by_a_body(ent):
            spans.append(Span(doc, ent.start, ent.end, label="ORG"))  # "the Islamic State's self-styled Najd Province": the group's branch, no place
            changed = True
            continue
        if label in ("ORG", "PERSON", "GPE") and len(ent) == 1 and ent.text in _demonyms():
            label, changed = "NORP", True  # "a Ugandan militant leader", "Ukrainian positions": a nationality, not a body or a place
        if label == "ORG" and all(t.tag_ == "JJ" for t in ent) and ent.root.dep_ == "amod" and ent.root.head.i == ent.end:
            label, changed = "NORP", True  # "a Pentecostal church": an adjective of faith or kind on the noun after it, no body
        if label in ("ORG", "GPE", "NORP") and _end_of_fixed_title(ent):
            changed = True  # "the Head of State", "the Chief of the General Staff": an office, no body
            continue
        if label in ("ORG", "PERSON", "NORP") and is_status(ent):
            changed = True  # "a Foreign Terrorist Organization": a status, no actor
            continue
        if label in ("ORG", "PERSON", "GPE", "FAC", "LOC") and names_a_craft(ent):
            spans.append(Span(doc, ent.start, ent.end, label="PRODUCT"))  # "the tanker Stena Impero", "the tug Yany Kapu": a craft's name
            changed = True
            continue
        if label in ("ORG", "PERSON", "NORP", "GPE") and len(ent) == 1 and ent[0].is_sent_start and ent[0].lower_ in _kit_words():
            changed = True  # "Missiles struck the airport": a weapon's word, capitalised as a sentence opens, no name
            continue
        if label in ("PERSON", "ORG", "NORP") and len(ent) <= 3 and opens_dateline(ent) and not any(t.lower_ in group_words for t in ent):
            label = "GPE"  # "N'Djamena (AFP) – …", "Pemba, Mozambique –": where the story was filed
        elif label in ("ORG", "NORP") and in_label(ent) and not any(t.lower_ in group_words for t in ent) \
                and (len(ent) > 1 or _known_place(ent.text)) and not ent.text.isupper():
            # "Lanao del Sur: …", "Upper Nile (Nasir): …", a note's label: where it happened (not a
            # source's one word, "Kremlin: …", "UNHCR: …", nor a person's: "Smith: …")
            label = "GPE"
        elif label in ("ORG", "NORP", "FAC") and _ranked_name(ent, _rank_body_words()):
            label = "PERSON"  # "under Major General Ernst Põdder": a rank, then a name
        elif label in ("ORG", "NORP", "FAC", "GPE", "LOC") and _name_after_title(ent, _rank_body_words()):
            label = "PERSON"  # "President Macky Sall", "Colonel Mobutu": the model left the title out and read a body or a place
        elif label in ("PERSON", "ORG") and len(ent) <= 3 and ent.root.dep_ == "compound" and ent.root.head.lower_ in geographic \
                and ent.root.head.i == ent.end and not any(t.lower_ in group_words for t in ent):
            label = "GPE"  # "the Jaffna peninsula", "the Gaza Strip" (lower case: "strip"): the name of the land
        elif label in ("PERSON", "ORG", "NORP") and len(ent) > 1 and ent[-1].lower_ in suffixes and ent[-1].text[:1].isupper() \
                and not any(t.lower_ in group_words or t.lower_ in not_after for t in ent):
            label = "GPE"  # "Rakhine State", "Nduga Regency": an administrative area
        elif label in ("PERSON", "ORG") and sum(t.text != "-" for t in ent) <= 3 and _areas_bracketed_after(ent, nouns_after) \
                and not any(t.lower_ in group_words for t in ent):
            label = "GPE"  # "Avdiivka (Pokrovsk raion, Donetsk oblast)": a place, its areas bracketed as coded notes give them
        elif label in ("PERSON", "ORG") and sum(t.text != "-" for t in ent) <= 3 \
                and (after := _place_noun_after(ent, nouns_after | facility_after)) is not None \
                and after.is_lower and not ent.text.isupper() \
                and not any(t.lower_ in group_words for t in ent) and ent[-1].lower_ not in _group_heads() \
                and not (ent.start > 0 and doc[ent.start - 1].lower_ in ("a", "an")):
            # "attacked Kadawa village", "struck Gamboru market": the place's own name (not "a Hema
            # village"); "destroyed the al-Jalaa tower": the building's
            label = "FAC" if after.lower_ in facility_after else "GPE"
            if label == "FAC":
                # the building's name with its kind and its article, as one name: "the al-Jalaa tower"
                start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else ent.start
                changed = True
                spans.append(Span(doc, start, after.i + 1, label="FAC"))
                continue
        elif label in ("PERSON", "ORG", "NORP") and 1 < len(ent) <= 4 and not any(t.lower_ in group_words for t in ent) and (
                # (not a body's name: "Mount Sinai Hospital", "Port Authority", "Lake Capital")
                (label != "ORG" and ent[0].lower_ in prefixes and ent[1].text[:1].isupper())
                or (ent[-1].lower_ in landforms and ent[-1].text[:1].isupper()
                    and not (label == "PERSON" and ent[-1].lower_ in landform_surnames))
                or (label != "ORG" and ent[-1].lower_ in streets and ent[-1].text[:1].isupper()
                    and not (label == "PERSON" and ent[-1].lower_ in street_surnames))):
            # "Mount Harriet", "Fortín Boquerón", "Tumbledown Mountain", "Rustaveli Avenue": a place
            # by the words of its name
            label = "LOC"
        elif label in ("PERSON", "ORG", "NORP") and sum(t.text not in "-‐‑" for t in ent) <= 5 and ent[-1].text[:1].isupper() \
                and not any(t.lower_ in group_words for t in ent) \
                and (next(t for t in ent if t.lower_ != "the").lower_ in street_prefixes or ent[-1].lower_ in foreign_streets):
            label = "LOC"  # "Avenida Paulista", "the Plaza de Mayo", "Nevsky Prospekt", "Karl-Marx-Allee": a street or a square
        elif label in ("PERSON", "ORG", "NORP") and len(ent) <= 4 and _bracketed_after_a_place(ent) and not ent.text.isupper() \
                and not any(t.lower_ in group_words for t in ent):
            # "Marawi City (Lanao del Sur)", "Gao (Gao region)": the area the place lies in (a name
            # the knowledge base knows, "Grozny (Reuters)", kept its label above)
            label = "GPE"
        elif label in ("PERSON", "ORG", "NORP") and len(ent) <= 3 and ent.end + 1 < len(doc) and doc[ent.end].text == "," \
                and _country_after(doc, ent.end + 1):
            label = "GPE"  # "Pemba, Mozambique –", "a farmer from Tibú, Colombia": a place in that country
        elif label in ("PERSON", "ORG", "NORP") and len(ent) <= 3 and ent.root.dep_ == "pobj" \
                and ent.root.head.lower_ in place_preps and _known_place(ent.text):
            label = "GPE"  # "the Taliban's push into Lashkar Gah" (a group word), "camps near Miranshah"
        elif label in ("PERSON", "ORG") and _unknown_name_after_place_preposition(ent):
            label = "GPE"  # "landed at Brnik", "fought through Yongdungpo": a place no one knows
        elif label in ("WORK_OF_ART", "PRODUCT", "EVENT") and len(ent) <= 3 and not any(t.lower_ in group_words for t in ent) \
                and ent.root.dep_ not in ("compound", "amod", "nmod") and not (ent.end < len(doc) and doc[ent.end].pos_ == "NOUN") \
                and (_known_place(ent.text) or _unknown_name_after_place_preposition(ent)):
            # "Kramatorsk", "in Cite Soleil": a town the model read as a product or a work's
            # title (not a model's name before its kind: "Cougar helicopters")
            label = "GPE"
        elif label == "PERSON" and len(ent) <= 3 and _place_by_where(ent) and (
                _known_place(ent.text) or (ent.root.dep_ == "pobj" and ent.root.head.lower_ in place_preps)):
            label = "GPE"  # "fighting spread to Bendery, where …": "where" follows a place ("met X, where" a person)
        elif label == "PERSON" and len(ent) <= 3 and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "at" \
                and ent.root.head.head.pos_ == "VERB" and ent.root.head.head.lemma_.lower() in place_at_verbs \
                and ent.end < len(doc) and doc[ent.end].tag_ != "POS":
            label = "GPE"  # "killed three planters at Sungei Siput" (not "hurled insults at X")
        elif label in ("PERSON", "ORG", "NORP") and len(ent) <= 4 and after_place_preposition(ent) \
                and not any(t.lower_ in group_words for t in ent):
            label = "GPE"  # "Near Kolpur, militants …", "a raid near Maroun al-Ras" (the parser may miss the preposition)
        elif _object_of_verb(ent.root, known_place_verbs) and label in ("PERSON", "ORG", "NORP") and len(ent) <= 3 \
                and _known_place(ent.text) \
                and not any(e.label_ == "PERSON" and e.start != ent.start and ent.text in e.text for e in doc.ents):
            # "the Taliban were capturing Lashkar Gah", "seized Marte": a town the gazetteer
            # knows (not a surname the text gave a person: "Musa Hilal … captured Hilal")
            label = "GPE"
        elif label in ("GPE", "LOC", "FAC") and len(ent) == 1 and ent.text[:1].isupper() and ent.root.lower_ in _title_words():
            label = "PERSON"  # "the Sultan", "the Emir": a title standing for its holder, no place
        elif label == "PERSON" and any(t.lower_ in group_words for t in ent):
            label = "ORG"
        elif label in ("ORG", "GPE", "LOC") and _titled_person(ent) and not (label != "ORG" and _known_place(ent.text)):
            label = "PERSON"  # "said Ilaria Allegrozzi, senior Sahel researcher at Human Rights Watch"
        elif label in ("ORG", "GPE", "LOC", "FAC", "NORP", "LAW", "WORK_OF_ART", "PRODUCT", "EVENT") and _opens_with_given_name(ent):
            label = "PERSON"  # "Guillaume Soro", "Mahamat Nouri": a common given name, then a surname
        elif label in ("ORG", "GPE", "LOC", "NORP") and _person_by_context(ent, spans):
            label = "PERSON"  # "a rebel movement led by Mahamat Nouri", "known as Prachanda", "By Helena Marques"
        elif label in ("GPE", "LOC", "FAC") and len(ent) > 1 and (ent[-1].lower_ in _body_words() or ent[-1].lower_ in group_words
                                                                  or ent[-1].lower_ in state_forces):
            label = "ORG"  # "the Timbuktu Institute", "Kabul University", "the Azerbaijan Army", "the Malawi Defence Force": a body named after its place
        elif label in ("PERSON", "ORG", "NORP") and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in place_before:
            label = "GPE"
        elif label in ("PERSON", "ORG", "NORP") and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "including" \
                and _includes_places(ent.root.head.head, place_before):
            label = "GPE"  # "17 townships, including Maungdaw": one of the places
        elif label in ("PERSON", "NORP", "ORG") and _described_as_place(ent.root, place_before | place_beside) \
                and not any(t.lower_ in group_words for t in ent):
            label = "GPE"  # "Wad Madani, the capital of Gezira state", "Bangassou, a town on the border": a place the model took for a person or a body
        elif label in place_verbs.get(_verb_of_object(ent.root), ()) \
                and not (label == "PERSON" and len(ent) > 1) and not any(t.lower_ in group_words for t in ent):
            # (a person's full name, "recaptured Abu Omar al-Masri", or a unit's, "overran
            # the 4th Brigade", stays what it is)
            label = "GPE"  # "government troops recaptured Mabanda": only a place is retaken
        if label in ("WORK_OF_ART", "PRODUCT") and len(ent) > 1 and ent[-2].text[:1].isupper() \
                and (ent[-1].lower_ in _place_heads() or ent[-1].lower_ in named_works):
            # "attacked the Miraflores palace", "the Mother Francisca International Bilingual Academy",
            # read as the title of a work or a product: a building
            label = "FAC"
        elif label in ("WORK_OF_ART", "PRODUCT") and ent.end < len(doc) and doc[ent.end].lower_ in _place_heads() \
                and ent[-1].text[:1].isupper() and not doc[ent.end].ent_type_:
            # ("the Miraflores" | "palace"): a name before a word for a building or a place is that place's
            changed = True
            spans.append(Span(doc, ent.start, ent.end + 1, label="FAC"))
            continue
        if label in ("ORG", "PERSON", "NORP", "GPE", "FAC") and len(ent) > 1 and ent[0].lower_ in event_words:
            label = "EVENT"  # "Operation Red Dawn": an operation, no actor
        elif label in ("ORG", "PERSON", "NORP", "GPE", "FAC", "EVENT", "WORK_OF_ART") and len(ent) > 1 and _names_a_document(ent, document_words):
            label = "LAW"  # "the Comprehensive Peace Agreement": a document, no party
        if label != ent.label_:
            changed = True
            spans.append(Span(doc, ent.start, ent.end, label=label))
        else:
            spans.append(ent)
    # a name the document gives a place is that place where the model read it as a work or
    # a product ("raided Cite Soleil" after "gangs in Cite Soleil")
    places = {s.text for s in spans if s.label_ in ("GPE", "LOC")}
    if any(s.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT") and s.text in places for s in spans):
        spans = [Span(doc, s.start, s.end, label="GPE") if s.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT") and s.text in places else s
                 for s in spans]
        changed = True
    taken = {i for s in spans for i in range(s.start, s.end)}
    # An acronym the model left untagged, before a word for fighters or a force ("FAMa
    # soldiers", "ISSP fighters", "an SSPDF garrison"), names the group they belong to.
    actor_heads = _actor_heads()
    not_groups = frozenset(fixes["not_group_acronyms"])
    for token in _capitalised_within(doc):
        if token.i not in taken and token.is_alpha and len(token) >= 2 and is_acronym(token.text) and token.text.upper() not in not_groups \
                and token.i + 1 < len(doc) \
                and token.dep_ in ("compound", "amod", "nmod", "nsubj") and token.head.i > token.i \
                and token.head.lower_ in actor_heads and token.head.tag_ in ("NNS", "NN") \
                and all(t.i not in taken and (t.i == token.i or t.dep_ in ("compound", "amod")) for t in doc[token.i:token.head.i]):
            spans.append(Span(doc, token.i, token.i + 1, label="ORG"))
            taken.add(token.i)
            changed = True
        # "guerrillas of ZANLA and ZIPRA": an acronym in a list with a body's name is one too
        elif token.i not in taken and token.is_alpha and len(token) >= 3 and token.text.isupper() and token.text not in not_groups \
                and any(t.ent_type_ == "ORG" and t.i != token.i and t.text.isupper() and t.text not in not_groups
                        for t in ([token.head] if token.dep_ == "conj" else []) + [c for c in token.children if c.dep_ == "conj"]):
            spans.append(Span(doc, token.i, token.i + 1, label="ORG"))
            taken.add(token.i)
            changed = True
        # "against the FARDC", "the SSPDF said": an acronym after "the" names a body
        elif token.i not in taken and token.is_alpha and len(token) >= 3 and is_acronym(token.text) and token.text.upper() not in not_groups \
                and token.i > 0 and doc[token.i - 1].lower_ == "the" and token.pos_ in ("PROPN", "NOUN") \
                and token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos"):
            spans.append(Span(doc, token.i, token.i + 1, label="ORG"))
            taken.add(token.i)
            changed = True
    # Capitalised names ending in a group word ("the Desert Front", "Hawks Brigade")
    # that the model missed are groups; so are names that open with a group word or a
    # group's head after "the" ("the Front Nord", "the Forces Nouvelles"), as French,
    # Spanish or Portuguese names have it.
    title_words, place_heads = _name_enders()
    for token in tokens_where(doc, lowers=group_words | _group_heads()):
        if not token.text[:1].isupper() or token.i in taken or token.i == 0:
            continue
        start = token.i
        while token.lower_ in group_words and start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha \
                and (start - 1) not in taken and doc[start - 1].lower_ != "the" and doc[start - 1].pos_ != "ADP":
            start -= 1  # ("Near Bannu Regiment": no preposition)
        end = token.i + 1
        if start == token.i and doc[token.i - 1].lower_ == "the":
            while end < len(doc) and end not in taken and doc[end].is_alpha and doc[end].text[:1].isupper() \
                    and not doc[end].text.isupper() and doc[end].pos_ in ("PROPN", "ADJ", "NOUN") \
                    and doc[end].lower_ not in title_words and doc[end].lower_ not in place_heads and not doc[end].ent_type_ == "DATE":
                end += 1  # (not "the Government Buildings", "the Army Day parade")
            start = token.i if end > token.i + 1 else start
        if (start < token.i and (not doc[start].is_sent_start or doc[start].lower_ not in ("the", "a", "an"))) or end > token.i + 1:
            spans.append(Span(doc, start, end, label="ORG"))
            taken.update(range(start, end))
            changed = True
    kin = _formal_state_names(doc, spans, frozenset(fixes["state_forms"]))
    kin = _places_by_kinship(doc, kin, group_words, place_preps, place_before, frozenset(fixes["place_name_prefixes"]))
    kin = _surnames_of_people(doc, kin, place_preps)
    if changed or kin != spans:
        doc.ents = filter_spans(kin)
    return doc


# What a surname alone may have been taken for: not a date, a number or a nationality.
_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _surnames_of_people(doc: Doc, spans: list[Span], place_preps: frozenset[str]) -> list[Span]:
    """The surname of a person the document names in full, alone or after a title, is
    that person wherever the model read it as something else or nothing ("José Félix
    Estigarribia … Estigarribia surrounded a corps", "Lieutenant Colonel Estigarribia
    said"). Not a name the gazetteer knows as a country, nor one after a preposition of
    place ("led the march in Jackson"), nor one naming a group ("Houthi fighters")."""
    from factions.places.gazetteer import gazetteer

    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1 and s[-1].text[:1].isupper() and s[-1].is_alpha}
    surnames = {n for n in surnames if gazetteer().country_code(n) is None}
    if not surnames:
        return spans
    # the whole name again ("President Macky Sall … the government of Macky Sall", read there as a place)
    full_names = {s.text for s in spans if s.label_ == "PERSON" and len(s) > 1 and s[-1].text in surnames and _after_a_rank(s)}
    titles = _name_titles()
    out, taken = [], set()

    def modifier(t: Token) -> bool:  # "Houthi fighters", "Houthi-controlled" after "Abdul Malik al-Houthi": a group's name, no person
        hyphened = t.i + 1 < len(doc) and doc[t.i + 1].text in ("-", "‐", "‑") and not doc[t.i + 1].whitespace_
        return hyphened or (t.dep_ in ("compound", "amod") and t.head.i > t.i and t.head.pos_ == "NOUN")

    def at_place(first: Token) -> bool:  # "led the march in Jackson": a town named like the person
        return first.i > 0 and doc[first.i - 1].lower_ in place_preps

    for s in spans:
        if s.label_ in _NAME_LABELS and s[-1].text in surnames and (s.text in full_names or all(t.lower_.rstrip(".") in titles for t in s[:-1])) \
                and not modifier(s[-1]) and not (s.label_ in _PLACE_LABELS and at_place(s[0])):
            s = Span(doc, s.start, s.end, label="PERSON")
        out.append(s)
        taken.update(range(s.start, s.end))
    for t in tokens_where(doc, lowers=frozenset(n.lower() for n in surnames)):
        if t.i not in taken and t.text in surnames and t.pos_ == "PROPN" and t.ent_iob_ != "I" and not modifier(t) and not at_place(t):
            out.append(Span(doc, t.i, t.i + 1, label="PERSON"))
    return out


_PLACE_LABELS = ("GPE", "LOC", "FAC")


def _formal_state_names(doc: Doc, spans: list[Span], forms: frozenset[str]) -> list[Span]:
    """"the State of Qatar", "the Arab Republic of Egypt": a country the model tagged
    alone, after its state's form and "of", is named by the whole (actor_kinds.toml
    state_forms). Not "the Islamic State of Iraq", a group: its name is not the country's."""
    out = []
    for s in spans:
        k = s.start - 2
        if s.label_ == "GPE" and k >= 0 and doc[k + 1].lower_ == "of" and doc[k].lower_ in forms and doc[k].text[:1].isupper():
            start = k
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and doc[start - 1].lower_ != "the" \
                    and not doc[start - 1].is_sent_start and k - start < 3:
                start -= 1
            if not any(o.start < s.start and o.end > start for o in spans if o is not s):
                s = Span(doc, start, s.end, label="GPE", span_id=s.id_)  # the knowledge base's country, if it knew it
        out.append(s)
    return out


def _places_by_kinship(doc: Doc, spans: list[Span], group_words: frozenset, place_preps: frozenset, place_before: set,
                       prefixes: frozenset) -> list[Span]:
    """Names the model took for people or bodies that the document shows to be places:
    one it reads as a place elsewhere ("Stanley" a place in one sentence, a body in the
    next; "Grammos" after "Mount Grammos"), and one coordinated with a place after a
    preposition of place ("at Trzin, Holmec and Medvedjek", "the mountains of Grammos
    and Vitsi"). Names of people the knowledge base knows, and names with a group word,
    stay what they are, and so do the names a person the document names goes by
    ("Gustavo Petro … Petro said", wherever the model took "Petro" for a place)."""
    out = list(spans)
    people = {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    # a full name after a title is a person's wherever else it stands ("President Macky Sall …
    # the government of Macky Sall"); a name the model alone calls a person may be a place
    people |= {s.text for s in spans if s.label_ == "PERSON" and len(s) > 1 and _after_a_rank(s)}
    for _ in range(2):  # a place found by coordination may show its namesake elsewhere
        places = {s.text for s in out if s.label_ in _PLACE_LABELS}
        places |= {s[-1].text for s in out if s.label_ in _PLACE_LABELS and len(s) == 2 and s[0].lower_ in prefixes}
        place_tokens = {i for s in out if s.label_ in _PLACE_LABELS for i in range(s.start, s.end)}
        found = False
        for k, ent in enumerate(out):
            if ent.label_ not in ("PERSON", "ORG", "NORP") or ent.ent_id_ or len(ent) > 3 or any(t.lower_ in group_words for t in ent):
                continue
            if ent.text in people:
                continue
            # (a person's full name is no place by coordination: "sent to Misrata and Khalid Sharif")
            if ent.text in places or (not (ent.label_ == "PERSON" and len(ent) > 1)
                                      and _coordinated_place(ent.root, place_tokens, place_preps - {"to"}, place_before)):
                out[k] = Span(doc, ent.start, ent.end, label="GPE")
                found = True
        if not found:
            break
    return out


def _coordinated_place(token: Token, place_tokens: set[int], place_preps: frozenset, place_before: set) -> bool:
    """Whether a token is one of a list, after a preposition of place or "the mountains
    of", that another item of which is a place."""
    first = token
    while first.dep_ == "conj":
        first = first.head
    if first is token and not token.conjuncts:
        return False
    prep = first.head if first.dep_ == "pobj" else None
    if prep is None or not (prep.lower_ in place_preps or prep.lower_ == "on"
                            or (prep.lower_ == "of" and prep.head.lemma_.lower() in place_before | {"mountain", "hill"})):
        return False
    return any(c.i in place_tokens for c in (first, *first.conjuncts) if c is not token)


def date_span_pattern() -> re.Pattern:
    """The calendar-date patterns of `lexicons/time.toml` [date_spans], and the dates
    told relative to the story ([narrative_offsets]: "the following day", "that
    evening", which the model often leaves untagged), as one regex."""
    time = lexicon("time")
    table = time["date_spans"]
    pieces = {k: table[k] for k in ("day", "month", "year", "weekday", "to", "part")}
    # (the apostrophe written either way: "New Year's Day", "New Year’s Day")
    pieces["holiday"] = "(?:" + "|".join(re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]")
                                         for name in sorted(time["fixed_holidays"], key=len, reverse=True)) + ")"
    # ("the day after" ends its clause: "the day after the parade attack" is no such date)
    story = "|".join(re.escape(k).replace(r"\ ", r"\s+") + (r"(?![ \t]+\w)" if k.endswith((" after", " before")) else "")
                     for k in sorted(time["narrative_offsets"], key=len, reverse=True))
    return re.compile("|".join([*(rf"\b(?:{p.format(**pieces)})\b" for p in table["patterns"]), rf"\b(?i:{story})\b"]))


def _count_of_things(ent: Span) -> bool:
    """Whether a DATE entity is a bare number of one to three digits counting the plural
    noun after it (its modifiers between), a noun that is no unit of time: "the country's
    14 recognised armed groups" (which the parser may not hang on the noun either)."""
    if len(ent) != 1 or not ent[0].text.isdigit() or len(ent[0].text) > 3:
        return False
    doc, j = ent.doc, ent.end
    while j < min(ent.end + 3, len(doc)) and doc[j].dep_ in ("amod", "compound") and not doc[j].ent_type_:
        j += 1
    noun = doc[j] if j < len(doc) else None
    return noun is not None and noun.tag_ in ("NNS", "NNPS") and not noun.ent_type_ \
        and noun.lemma_.lower() not in _repair_words("duration_nouns")


def _designation(ent: Span) -> bool:
    """Whether a DATE entity is a bare year that is part of a name: right after a
    capitalised word that is no month, season or place, and before a noun ("Indian Air Force
    Mirage 2000 jets", "the Vision 2030 plan"; time.toml date_spans.year_names)."""
    if len(ent) != 1 or not re.fullmatch(r"\d{4}", ent.text) or ent.start == 0 or ent.end >= len(ent.doc):
        return False
    before, after = ent.doc[ent.start - 1], ent.doc[ent.end]
    return before.is_title and before.pos_ == "PROPN" and before.lower_ not in MONTH_NAMES \
        and before.lower_ not in _year_names() and before.ent_type_ not in ("GPE", "LOC", "NORP") and after.pos_ == "NOUN"


@lru_cache(maxsize=1)
def _year_names() -> frozenset[str]:
    return frozenset(lexicon("time")["date_spans"]["year_names"])


# An age the model tags as a date: "a 41-year-old man", "a six-month-old daughter".
_AGE = re.compile(r"^(?:an?\s+)?\w+(?:-|\s)(?:year|month|week|day)s?(?:-|\s)old$", re.I)


def _age_after_name(ent: Span) -> bool:
    """Whether a DATE is a bare number between commas right after a person's name or a word
    for a person: an age ("Journalist Lyra McKee, 29, was shot dead", "and his son, 30,")."""
    doc = ent.doc
    if len(ent) != 1 or ent.start < 2 or not _age_between_commas(doc, ent.start):
        return False
    person = doc[ent.start - 2]
    # (or a name the model took for something else: "Alek Minassian, 25," read as a nationality)
    return person.ent_type_ == "PERSON" or person.lower_ in nominal_lexicon()["person"]["heads"] \
        or _name_told_with_an_age(person)


def _age_between_commas(doc: Doc, i: int) -> bool:
    """Whether token i is a bare number under 120 with a comma before it and a comma or a
    closing bracket after it: ", 29," after a name is an age."""
    return 0 < i < len(doc) - 1 and doc[i].text.isdigit() and int(doc[i].text) < 120 \
        and doc[i - 1].text == "," and doc[i + 1].text in (",", ")")


def _name_told_with_an_age(token: Token) -> bool:
    """Whether a capitalised proper noun, neither a month, a weekday nor a place, may be a
    person's name before ", <age>," ("Alek Minassian, 25,")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha and token.ent_type_ in ("", "NORP", "PERSON") \
        and token.text not in _WEEKDAYS and token.text not in _MONTHS


# What a calendar date may replace: the model's date and number pieces, never a name.
_DATE_PIECES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})


@Language.factory("factions_date_spans")
def make_date_spans(nlp: Language, name: str):
    """Calendar dates written out in full (a day, a month and a year, or a range of
    days) become whole DATE entities: the model often leaves the day out ("Around 20
    June 2022" as "June 2022") or cuts a range in two, and an event's date is read
    from its DATE entity. A time of day the model tags as a date ("at 1900 hrs") becomes
    a TIME, a part of a named day it tags as a time ("on Sunday night") a DATE, and an
    age ("a 41-year-old man"), a year in a name ("Mirage 2000 jets") or a named day taken
    for a place ("On Palm Sunday") no entity. A full
    date the model took for a name (a work, an event: often a recent year's) is a date."""
    pattern = date_span_pattern()

    def date_spans(doc: Doc) -> Doc:
        found: list[Span] = []
        for m in pattern.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label="DATE", alignment_mode="expand")
            if span is None:
                continue
            if found and span.start < found[-1].end:
                # "30 November–1 December": the tokenizer keeps "November–1" whole, so the two
                # dates share a token; they are one span, the range
                first = found.pop()
                span = Span(doc, first.start, max(first.end, span.end), label="DATE")
            found.append(span)
        ents = list(doc.ents)
        clocks = [e for e in ents if e.label_ == "DATE" and is_clock_time(e.text, [t.lower_ for t in doc[e.end : e.end + 2]])]
        if clocks:  # "to begin at 1900 hrs the next day": a time, not the year 1900
            ents = [Span(doc, e.start, e.end + (0 if doc[e.end].ent_type_ else 1), label="TIME") if e in clocks else e for e in ents]
        # "shot by a 41-year-old man": how old someone is, no date (the man is a person named);
        # "Mirage 2000 jets": a model's number
        # "Journalist Lyra McKee, 29, was shot": a number set off by commas after a person's
        # name is their age
        # "13 of the country's 14 recognised armed groups": a bare number counting the noun
        # it hangs on is no day
        no_dates = [e for e in ents if e.label_ == "DATE" and (_AGE.match(e.text) or _designation(e) or _age_after_name(e) or _count_of_things(e))]
        # "On Palm Sunday", "on Easter Sunday": a named day the model tags as a place or a
        # building is no place (nor a day to date by: which year's is not said)
        no_dates += [e for e in ents if e.label_ in ("LOC", "FAC", "GPE") and len(e) > 1 and e[-1].text in _WEEKDAYS]
        if no_dates:
            ents = [e for e in ents if e not in no_dates]
        # "attacked the base on Sunday night", "carried out a strike late Saturday": a part of
        # a named day, which the model tags as a time, dates the act by its day
        days = [e for e in ents if e.label_ == "TIME" and any(t.text in _WEEKDAYS for t in e)]
        if days:
            ents = [Span(doc, e.start, e.end, label="DATE") if e in days else e for e in ents]
        if not found:
            if clocks or no_dates or days:
                doc.ents = ents
            return doc
        keep, changed = [], bool(clocks or no_dates or days)
        for span in found:
            covered = [e for e in ents if e.start < span.end and span.start < e.end]
            if any(e.label_ not in _DATE_PIECES and (e.start < span.start or e.end > span.end) for e in covered):
                continue  # part of a name ("the 23 March 2009 agreement" is kept as the model has it)
            # a name the model saw in the date alone is the date: a recent year read as a
            # title or an event ("In the early hours of 9 June 2025" as WORK_OF_ART)
            if len(covered) == 1 and covered[0].start == span.start and covered[0].end == span.end and covered[0].label_ == "DATE":
                continue
            ents = [e for e in ents if e not in covered]
            keep.append(span)
            changed = True
        if changed:
            doc.ents = sorted(ents + keep, key=lambda e: e.start)
        return doc

    return date_spans


@Language.factory("factions_numbered_units", assigns=["doc.ents"])
def make_numbered_units(nlp: Language, name: str):
    """A unit named by its number is one body's name, from the number to the unit's
    word (actor_kinds.toml numbered_unit_words): the model cuts "the 12th Division"
    after the number, splits "31st | Special Forces Squadron" and runs "the 12th
    Division at Oog" on into the place, which keeps its own name. So is a unit named by
    its own word after the words that open it ("Task Force Raptor", "Task Force 88";
    actor_kinds.toml named_unit_leads), which the model reads as a product or not at all."""
    fixes = lexicon("actor_kinds")["entity_fixes"]
    words = fixes["numbered_unit_words"]
    matcher = Matcher(nlp.vocab, validate=True)
    unit = [{"LIKE_NUM": True, "SHAPE": {"IN": ["dxx", "ddxx", "dddxx"]}}, {"IS_TITLE": True, "OP": "*"},
            {"LOWER": {"IN": words}, "IS_TITLE": True}]
    # A capitalised "The" after the unit opens the name of its regiment, part of the
    # unit's formal name: "2nd Battalion The Parachute Regiment", "1st Battalion, The
    # Rifles", "2nd Battalion The Duke of Lancaster's Regiment".
    regiment = [{"TEXT": ",", "OP": "?"}, {"TEXT": "The"}, {"IS_TITLE": True, "OP": "+"}]
    joint = [{"LOWER": {"IN": ["of", "'s"]}}, {"IS_TITLE": True, "OP": "+"}]
    # or after a comma, a regiment named by its own unit's word: "3rd Battalion, Royal
    # Australian Regiment", "1st Battalion, Welsh Guards"
    named = [{"TEXT": ","}, {"IS_TITLE": True, "OP": "*"}, {"LOWER": {"IN": words}, "IS_TITLE": True}]
    # British units are numbered without "-st"/"-th": "31 Squadron", "42 Commando", "16 Air
    # Assault Brigade" (not "300 Army": only these words after a bare number; not a year)
    cardinal_words = fixes["cardinal_unit_words"]
    cardinal = [{"IS_DIGIT": True, "LENGTH": {"<=": 3}}, {"IS_TITLE": True, "OP": "*"},
                {"LOWER": {"IN": cardinal_words}, "IS_TITLE": True}]
    # a number that may open a unit's name: an ordinal ("12th"), or a bare number before
    # capitalised words and one of those ("31 Squadron")
    unit_number = re.compile(r"\d(?:st|nd|rd|th)\b|\b\d{1,3} (?:[A-Z][\w'-]* )*(?:%s)\b"
                             % "|".join(w.capitalize() for w in cardinal_words))
    matcher.add("numbered-unit", [unit, unit + regiment, unit + regiment + joint, unit + regiment + joint + joint, unit + named,
                                  cardinal], greedy="LONGEST")
    # Units named by a word after the words that open them: "Task Force Raptor", "Task Force
    # 88", "Commando Hubert" (actor_kinds.toml named_unit_leads)
    leads = fixes["named_unit_leads"]
    # (one word, a code or a number of up to three digits, no place's name: "Task Force Iraq" is the
    # model's to read; "the Commando" only after "the": "Police Commando Said Ali" is a man)
    own_name = {"TEXT": {"REGEX": r"^(?:[A-Z][a-z]+|[A-Z]{2,6}|\d{1,3})$"}, "LOWER": {"NOT_IN": fixes["named_unit_not_names"]},
                "ENT_TYPE": {"NOT_IN": ["GPE", "LOC", "NORP", "DATE", "TIME"]}}
    opening = [[{"LOWER": w, "IS_TITLE": True} for w in lead.split()] for lead in leads]
    opening = [([{"LOWER": "the"}] if len(words) == 1 else []) + words for words in opening]
    matcher.add("named-unit", [[*words, own_name] for words in opening], greedy="LONGEST")
    named_lead = re.compile(r"\b(?:%s) [A-Z0-9]" % "|".join(" ".join(w.capitalize() for w in lead.split()) for lead in leads))

    def plausible(unit: Span) -> Span | None:
        """The unit's name, or None where the match is a date or a count; a regiment
        that is no part of it is left out."""
        after = unit.doc[unit.end] if unit.end < len(unit.doc) else None
        if unit.label_ == "named-unit":
            doc = unit.doc
            if unit[0].lower_ == "the":
                unit = doc[unit.start + 1 : unit.end]
            # the name's last word: not one more capitalised word after it ("Joint Task Force North
            # East", "the Commando Training Centre"), not a sentence or line it opens ("… Commando.
            # Hubert …"), not a headline's capitals ("Task Force Kills 12 Taliban"), and no longer
            # name the model read around it ("Presidential Task Force", "Joint Task Force Operation
            # Hadin Kai")
            if (after is not None and after.is_title) or unit[-1].is_sent_start or in_headline(unit):
                return None
            if any(e.start < unit.end and unit.start < e.end and (e.start < unit.start or e.end > unit.end) for e in doc.ents):
                return None
            return unit
        if unit[0].is_digit:
            # not a date or a count ("On 16 May Brigade commanders …", "12 Company executives")
            dated = any(t.ent_type_ in ("DATE", "TIME", "PERCENT") for t in unit)
            return None if dated or (after is not None and after.tag_ == "NNS") else unit
        if not unit[0].text[:-2].isdigit():
            return None
        the = next((t.i for t in unit[1:] if t.text == "The"), None)
        if the is not None and not (unit[-1].lower_ in words or after is None or after.text in ",;:.()"):
            # a regiment's name ends in a unit's word or stands apart ("…, The Rifles, trained"),
            # never a speaker's ("the 2nd Battalion, The Guardian said"): the unit alone
            return unit.doc[unit.start : the - 1 if unit.doc[the - 1].text == "," else the]
        return unit

    def numbered_units(doc: Doc) -> Doc:
        text = doc_text(doc)
        if not unit_number.search(text) and not named_lead.search(text):
            return doc  # most documents name no unit by its number or a name of its own: no matcher pass
        units = [u for u in (plausible(s) for s in matcher(doc, as_spans=True)) if u is not None]
        if not units:
            return doc
        spans = [Span(doc, s.start - 1 if s.start and doc[s.start - 1].lower_ == "the" else s.start, s.end, label="ORG") for s in units]
        kept = []
        for e in doc.ents:
            unit = next((s for s in spans if s.start < e.end and e.start < s.end), None)
            if unit is None:
                kept.append(e)
            elif e.end > unit.end + 1 and doc[unit.end].pos_ == "ADP" and doc[unit.end + 1].text[:1].isupper():
                kept.append(Span(doc, unit.end + 1, e.end, label="GPE"))  # "… Division at | Oog"
        doc.ents = filter_spans(kept + spans)
        return doc

    return numbered_units


@Language.factory("factions_letterheads", assigns=["doc.ents", "doc._.letterhead"])
def make_letterheads(nlp: Language, name: str):
    """The letterhead of an official release names the body issuing it and its office,
    one name a line ("MALAWI DEFENCE FORCE / Public Relations Office"): each such line
    is one organisation's name, whatever the model made of it. A letterhead is two or
    more adjacent lines among the document's first, before its body; a line is a name
    when its words are capitalised, it has no number and one word is a body's
    (lexicons/actor_kinds.toml [letterheads]). `doc._.letterhead` keeps their character
    spans, top first, for rule relations.letterhead."""
    words = lexicon("actor_kinds")["letterheads"]
    heads, small, not_bodies = frozenset(words["heads"]), frozenset(words["small_words"]), frozenset(words["not_bodies"])

    def letterheads(doc: Doc) -> Doc:
        named = [line for line in _opening_lines(doc) if _names_a_body(line, heads, small) and line[-1].lower_ not in not_bodies]
        block = [line for line in named if any(other is not line and _adjacent(line, other) for other in named)]
        doc._.letterhead = [(line.start_char, line.end_char) for line in block]
        if not block:
            return doc
        ents = list(doc.ents)
        added = [Span(doc, line.start, line.end, label="ORG") for line in block
                 if not any(e.start == line.start and e.end == line.end for e in ents)]
        doc.ents = filter_spans([e for e in ents if not any(a.start < e.end and e.start < a.end for a in added)] + added)
        return doc

    return letterheads


def _opening_lines(doc: Doc, most: int = 12) -> list[Span]:
    """The document's first lines (at most `most`), up to the first that reads as
    running text (ends with a full stop, or is long); a long headline above the
    letterhead is no running text ("Foreign Ministry statement on the fighting in …")."""
    lines, start = [], None
    for token in doc:
        if token.is_space and "\n" in token.text:
            if start is not None:
                lines.append(doc[start : token.i])
                if len(lines) == most or doc[token.i - 1].text == "." or (token.i - start > 15 and len(lines) > 1):
                    break
            start = None
        elif start is None:
            start = token.i
    return lines


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def _names_a_body(line: Span, heads: frozenset[str], small: frozenset[str]) -> bool:
    """A letterhead line naming a body: "Office of the Spokesman", "REPUBLIC OF ICELAND"."""
    if not 1 <= len(line) <= 12 or not line[-1].is_alpha \
            or any(ch.isdigit() for t in line if not _ORDINAL.fullmatch(t.text) for ch in t.text):
        return False  # (a date or an address; but "6TH INFANTRY DIVISION" is a name)
    if len(line.ents) == 1 and line.ents[0].start == line.start and line.ents[0].end == line.end and line.ents[0].label_ == "GPE":
        return True  # "DENMARK / ARMY OPERATIONAL COMMAND": the state issuing it
    if any(not t.is_alpha and t.text not in "-'’&,()" and not _ORDINAL.fullmatch(t.text) for t in line):
        return False
    alpha = [t for t in line if t.is_alpha]
    return all(t.text[:1].isupper() or t.lower_ in small for t in alpha) and any(t.lower_ in heads for t in alpha) \
        and not all(t.lower_ in small for t in alpha)


def _adjacent(a: Span, b: Span) -> bool:
    """Two lines one line break apart (no blank line between)."""
    doc = a.doc
    first, second = (a, b) if a.start < b.start else (b, a)
    return second.start == first.end + 1 and doc[first.end].text.count("\n") == 1


@Language.factory("factions_text_acronyms")
def make_text_acronyms(nlp: Language, name: str):
    """Acronyms introduced in the text, "the Islamic State (IS)": later bare uses of
    the acronym become mentions with the full name's label and knowledge-base id."""

    def text_acronyms(doc: Doc) -> Doc:
        introduced: dict[str, Span] = {}
        ents = list(doc.ents)  # a property that builds new Spans on every access
        ends = [e.end_char for e in ents]  # in order: entities never overlap
        joined: dict[int, Span] = {}  # the body's entity (by its place in `ents`) → the whole name
        for m in _INTRODUCED.finditer(doc_text(doc)):
            inner = doc.char_span(m.start(1), m.end(1))
            k = bisect_right(ends, m.start())  # the last entity ending before the bracket, if it ends close to it
            if inner is not None and k and m.start() - ends[k - 1] <= 2 and ents[k - 1].label_ not in _NOT_NAMES:
                full = ents[k - 1]  # (not a date: "PORT LOUIS, Feb 23 (AFP) -" names the agency, not the day)
                body = _body_in_place(doc, ents, k - 1) or _name_ending_in_place(ents, k - 1, m.group(1))
                if body is not None:
                    # "the United Nations Transitional Authority in Cambodia (UNTAC)": the
                    # acronym is the body's, named with its place; one name, an organisation
                    full = joined[k - 2] = Span(doc, body.start, full.end, label=body.label_)
                introduced[m.group(1)] = full
        doc._.acronyms = {acronym: full.text for acronym, full in introduced.items()}
        if not introduced:
            return doc
        spans = []
        for k, ent in enumerate(ents):
            if len(ent) == 1 and ent.text in introduced:
                continue  # relabelled below after the full name
            if k in joined:
                spans.append(joined[k])
            elif k - 1 in joined:
                continue  # the place inside the whole name
            else:
                spans.append(ent)
        taken = {i for s in spans for i in range(s.start, s.end)}
        # The acronyms' uses found on the Doc's words: a Token for every word costs
        # more than the rest of the component.
        by_id = {get_string_id(acronym): full for acronym, full in introduced.items()}
        words = doc.to_array(ORTH)
        for i in np.flatnonzero(np.isin(words, list(by_id))).tolist():
            if i not in taken:
                full = by_id[int(words[i])]
                spans.append(Span(doc, i, i + 1, label=full.label_, span_id=full.id))
        doc.ents = filter_spans(spans)
        return doc

    return text_acronyms


def _body_in_place(doc: Doc, ents: list[Span], k: int) -> Span | None:
    """The organisation whose name goes on through "in", "of" or "for" to the place
    `ents[k]` ("the United Nations Transitional Authority in Cambodia", "the United
    Nations Mission of Observers in Tajikistan": the words of a name may stand between
    the organisation's entity and the preposition); else None."""
    place = ents[k]
    if k == 0 or place.label_ not in ("GPE", "LOC") or place.start < 2 or doc[place.start - 1].lower_ not in ("in", "of", "for"):
        return None
    body = ents[k - 1]
    between = doc[body.end : place.start - 1]
    if body.label_ != "ORG" or len(between) > 4 or not all(t.is_title or t.lower_ in _NAME_LINKS for t in between) \
            or (len(between) and not between[-1].is_title):
        return None
    return body


def _name_ending_in_place(ents: list[Span], k: int, acronym: str) -> Span | None:
    """The organisation whose name ends in the place `ents[k]` right after it, when the
    acronym in brackets after them spells the capitals of both ("Tehreek-e-Jihad Pakistan
    (TJP)", where the model reads a group and a country); else None."""
    place = ents[k]
    if k == 0 or place.label_ not in ("GPE", "LOC"):
        return None
    body, doc = ents[k - 1], place.doc
    # (the model may take only the name's first piece, "Tehreek" of "Tehreek-e-Jihad", and for
    # a people's: "Jaish" read as a nationality)
    between = doc.text[body.end_char : place.start_char]
    if body.label_ not in ("ORG", "NORP") or place.start - body.end > 6 or between.count(" ") > 1 or between.strip(" -").count(" "):
        return None
    name = re.sub(r"^the\s+", "", doc.text[body.start_char : place.end_char], flags=re.I)
    capitals = "".join(part[0] for part in re.split(r"[\s\-]+", name) if part[:1].isupper())
    return Span(doc, body.start, body.end, label="ORG") if capitals == acronym.upper() else None


_NAME_LINKS = {"of", "for", "on", "and"}  # the small words inside a body's name: "Mission of Observers"


def _parenthesised_acronym(doc: Doc, close: int, named: tuple[str, ...]) -> int | None:
    """The index of "(" when tokens [..close] end in a name and its other name in
    brackets, "Rapid Support Forces (RSF)" or "Houthi (Ansar Allah)", else None."""
    if doc[close].text != ")" or close < 3:
        return None
    opening = next((j for j in range(close - 1, max(close - 5, 0), -1) if doc[j].text == "("), None)
    if opening is None or opening == close - 1 or doc[opening - 1].ent_type_ not in named:
        return None
    inside = doc[opening + 1 : close]
    if not (len(inside) == 1 and is_acronym(inside[0].text)) and not all(t.ent_type_ in named for t in inside):
        return None
    return opening


# Prefixes that turn the name after them into a stance: "anti-MONUSCO", "pro-Russian", "ex-FARC".
_STANCE_PREFIXES = frozenset({"anti", "pro", "non", "ex", "post", "pre"})


def _described_by_adjectives(span: Span) -> Span:
    """A head that names no body alone ("by force", "out of commission") with a determiner
    and adjectives of its own before it: "the electoral commission", "an independent
    force" name one; "excessive force", with no determiner, still does not."""
    head, doc = span[0], span.doc
    left = [c for c in head.lefts if c.i < head.i]
    if not left or left[0].dep_ != "det" or left[0].lower_ not in ("the", "a", "an") \
            or not all(c.dep_ == "amod" and c.pos_ == "ADJ" for c in left[1:]) or len(left) < 2 \
            or any(t.ent_type_ for t in doc[left[0].i : head.i]):
        return span
    return Span(doc, left[0].i, head.i + 1, label=span.label_)


def _aged_nouns(doc: Doc, head_words: frozenset[str], not_people: frozenset[str]) -> list[Token]:
    """Nouns told with a person's age ("a 51-year-old denturist": "old", with "year" and
    its number hanging from it, modifies the noun) that are no nominal head already and no
    noun with an age of its own (nominals.toml person.aged_not_people)."""
    out = []
    for old in tokens_where(doc, lowers=frozenset({"old"})):
        noun = old.head
        if old.dep_ == "amod" and noun.tag_ in ("NN", "NNS") and noun.i > old.i and noun.lower_ not in head_words \
                and noun.lower_ not in not_people and noun.is_alpha \
                and any(c.lower_ in ("year", "years") and any(n.like_num for n in c.children) for c in old.children):
            out.append(noun)
    return out


@Language.factory("factions_nominals")
def make_nominals(nlp: Language, name: str):
    """Nominal mentions ("Iraqi intelligence sources", "a senior IS leader") kept in
    `doc._.nominals`, beside the named entities they may contain.

    A nominal is a head noun from the lexicon with, to its left, any run of
    modifiers, named entities (NORP, ORG, GPE) and at most one determiner. A left
    walk from each head is linear in the text, unlike a Matcher pattern with
    repeated optional tokens."""
    lex = nominal_lexicon()
    heads = {
        **{w: "PRODUCT" for w in lex["equipment"]["heads"]},
        **{w: "LOC" for w in lex["place"]["heads"]},
        **{w: "PERSON" for w in lex["person"]["heads"]},
        **{w: "ORG" for w in lex["group"]["heads"]},
    }
    modifiers, determiners = set(lex["modifiers"]), set(lex["determiners"])
    size_modifiers = frozenset(lex["size_modifiers"])
    vague_places = set(lex["place"]["vague_places"])
    kind_told_places = frozenset(lex["place"]["kind_told"])
    bare_no_group = set(lex["group"]["bare_no_group"])
    needs_kind = set(lex["place"]["needs_kind"])
    ways = frozenset(lex["place"]["ways"])
    not_kit_before = frozenset(lex["equipment"]["not_kit_before"])
    workplaces = lex["equipment"]["workplaces"]
    not_before_a_noun = frozenset(lex["person"]["not_before_a_noun"])
    needs_of_party, whose_before = set(lex["person"]["needs_of_party"]), frozenset(lex["person"]["whose_before"])
    not_after_at = frozenset(lex["person"]["not_after_at"])
    lower_case_only = frozenset(lex["group"]["lower_case_only"])
    aged_not_people = frozenset(lex["person"]["aged_not_people"])
    others = frozenset(lex["person"]["others_of_people"])
    nominal_tags = {"NN", "NNS", "NNP", "NNPS"}
    rank_bodies = frozenset(lexicon("actor_kinds")["entity_fixes"]["rank_body_words"])
    rulers, kit_kinds = frozenset(lex["person"]["ruler_titles"]), frozenset(lex["group"]["kit_kinds"])
    dress = frozenset(lex["group"]["dress"])
    of_a_thing = frozenset(lex["group"]["none_of_a_thing"])
    parts_by_of, sides_of_conflicts = frozenset(lex["group"]["parts_by_of"]), frozenset(lex["group"]["sides_of_conflicts"])
    service_heads, service_kinds = frozenset(lex["group"]["service_heads"]), frozenset(lex["group"]["service_kinds"])
    counted_heads, unit_kinds = frozenset(lex["group"]["counted_heads"]), frozenset(lex["group"]["unit_kinds"])
    fixes = lexicon("actor_kinds")["entity_fixes"]
    command_words, command_suffixes = frozenset(fixes["command_area_words"]), frozenset(fixes["command_area_suffixes"])

    head_words = frozenset(heads)
    epithets = frozenset(lexicon("stances")["epithets"])

    def nominals(doc: Doc) -> Doc:
        spans = []
        aged = _aged_nouns(doc, head_words, aged_not_people)
        for token in sorted([*tokens_where(doc, lowers=head_words), *aged], key=lambda t: t.i):
            label = heads.get(token.lower_, "PERSON")  # (a noun told with an age: _aged_nouns)
            if label is None or token.tag_ not in nominal_tags or (token.dep_ == "compound" and label in ("LOC", "PRODUCT")) \
                    or (label == "PRODUCT" and _modifies_a_noun(token)):
                continue  # "desert" in "Desert Front" modifies a name; it is no place ("a drone strike": no drone)
            if token.lower_ in lower_case_only and not token.is_lower:
                continue  # "the African Union": a word of a name
            # A group may be named after a person ("the Assad regime", "Haftar's forces").
            named = ("NORP", "ORG", "GPE", "PERSON") if label == "ORG" else ("NORP", "ORG", "GPE")
            if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children):
                continue  # "no group has said it carried out the attack": no one named
            if label == "PERSON" and token.dep_ == "compound" and heads.get(token.head.lower_) in ("ORG", "PRODUCT"):
                continue  # "youth wing", "member states": a kind of the noun after, no people
            if label == "PERSON" and token.tag_ == "NN" and token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i \
                    and token.head.pos_ == "NOUN":
                continue  # "a refugee camp", "the tourist camp", "a guerrilla army": one person's word as a kind of the noun after
            if token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i and token.head.lower_ in dress:
                continue  # "gunmen in army fatigues", "men in police uniforms": dress, no party
            if token.lower_ in kit_kinds and token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i:
                continue  # "infantry fighting vehicles", "cavalry sabres": a kind of the kit, no party ("Coalition aircraft" are the coalition's)
            if label == "PERSON" and token.lower_ in rulers and token.text[:1].isupper() and token.i + 1 < len(doc) \
                    and doc[token.i + 1].text[:1].isupper() and doc[token.i + 1].is_alpha:
                continue  # "King Abdullah", "Crown Prince Mohammed", "the King Fahd Causeway": part of a name
            if token.lower_ in of_a_thing and _of_a_thing(token, heads):
                continue  # "a column of smoke", "the commission of crimes"; "a column of tanks" or "of troops" is a unit
            if token.lower_ in parts_by_of and (of := object_of(token, "of")) is not None and of.lemma_.lower() not in sides_of_conflicts:
                continue  # "the Palestinian side of the Rafah crossing": a part of the place, no party ("both sides of the conflict" are)
            if label == "PERSON" and token.dep_ == "compound" and token.head.i > token.i and token.head.lower_ in rank_bodies \
                    and token.text[:1].isupper() and token.head.text[:1].isupper():
                continue  # "the General Staff", "the General Assembly": a body's name, no general
            if token.lower_ in ways and (to := object_of(token, "to")) is not None and to.pos_ == "NOUN" and not to.ent_type_ \
                    and heads.get(to.lower_) != "LOC":
                continue  # "the road to peace": a figure of speech, no place
            if label == "PRODUCT" and token.ent_type_ == "ORG" and token.text[:1].isupper():
                continue  # "the 4th Artillery", "the Royal Artillery": a unit's name, no gun
            if label == "LOC" and token.ent_type_ == "ORG" and token.text[:1].isupper() and token.i > 0 \
                    and doc[token.i - 1].lower_ in command_words and token.lower_ in command_suffixes:
                continue  # "the Seventh Military Region": a command's name (_command_area_names), no place
            if label == "LOC" and token.ent_type_ == "ORG" and token.text in _branch_words() \
                    and (branch := entity_of(token)) is not None and _possessed_by_a_body(branch):
                continue  # "the Islamic State's Najd Province": a group's branch (entity_fixes), no place
            if label == "PRODUCT" and token.i > 0 and doc[token.i - 1].lower_ in not_kit_before:
                continue  # "a think tank", "a fuel tank": no weapon
            if (token.i + 2 < len(doc) and doc[token.i + 1].lower_ in ("by", "to") and doc[token.i + 2].lower_ == token.lower_) \
                    or (token.i >= 2 and doc[token.i - 1].lower_ in ("by", "to") and doc[token.i - 2].lower_ == token.lower_):
                continue  # "fought street by street", "searched house to house": how, not where
            if label == "PRODUCT" and token.lower_ in workplaces["heads"] \
                    and any((c.dep_ == "acl" and c.lemma_.lower() in workplaces["participles"] and c.i > token.i)
                            or (c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE", "FAC", "PERSON") and c.i < token.i)
                            for c in token.subtree) \
                    or (token.right_edge.i + 1 < len(doc) and doc[token.right_edge.i + 1].tag_ == "VBN"
                        and doc[token.right_edge.i + 1].lemma_.lower() in workplaces["participles"]):
                # ("run" right after the phrase, which the parser may hang elsewhere)
                continue  # "two mines near Arlit run by Areva", "the Somair mine": a workplace, no weapon
            if label == "LOC" and token.text[:1].isupper() and not token.ent_type_ and token.i > 0 \
                    and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].lower_ not in heads:
                continue  # "Downing Street", "Wall Street": the last word of a name, no place of its own ("the Police Headquarters" is one)
            if token.lower_ in not_before_a_noun and token.dep_ in ("compound", "amod") and token.head.i > token.i:
                continue  # "the founder effect", "the premier league": a word before its noun
            if token.lower_ in not_after_at and token.dep_ == "pobj" and token.head.lower_ == "at":
                continue  # "at the head of an ECOWAS force": how one went, no one named
            if token.lower_ in needs_of_party and not _of_a_name(token) and not _opens_fixed_title(token) \
                    and not (token.i > 0 and (doc[token.i - 1].lower_ in whose_before or doc[token.i - 1].ent_type_ in ("ORG", "NORP"))):
                continue  # "key elements of the deal"; "elements of the SPLA-IO" are people
            if label == "PRODUCT" and token.i + 1 < len(doc) and doc[token.i + 1].text in "-‐‑" and not token.whitespace_:
                continue  # "rocket" of "rocket-propelled grenades": a piece of a word
            if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_ \
                    and not doc[token.i + 1].whitespace_ and heads.get(doc[token.i + 2].lower_) == label:
                continue  # "the Secretary-General", "the Director-General": one title, named by its last word
            if label == "PERSON" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "general" \
                    and token.text[:1].isupper() == doc[token.i + 1].text[:1].isupper():
                continue  # "the Secretary General", "Brigadier General X": one title, named by its last word
            start = token.i
            if label == "PERSON" and token.lower_ == "general" and start > 0 and heads.get(doc[start - 1].lower_) == "PERSON" \
                    and doc[start - 1].text[:1].isupper() == token.text[:1].isupper():
                start -= 1
            while start > 1 and label == "PERSON" and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                    and not doc[start - 2].whitespace_ and (heads.get(doc[start - 2].lower_) == "PERSON"
                                                           or (doc[start - 2].pos_ == "NOUN" and doc[start - 2].head.i == token.i)):
                start -= 2  # "secretary-general", and one word split at its hyphen: "the hostage-takers"
            while start > 0:
                prev = doc[start - 1]
                if prev.text in ("-", "–", "—") and (prev.whitespace_ or start < 2 or doc[start - 2].whitespace_):
                    break  # a dash set off by spaces ends a dateline: "N'Djamena (AFP) - Chadian troops"
                if prev.text in ("-", "‐", "‑") and start >= 2 and (doc[start - 2].is_alpha or doc[start - 2].like_num) \
                        and doc[start - 1].head.i in range(start, token.i + 1) \
                        and doc[start - 2].head.i in range(start, token.i + 1) \
                        and not (doc[start - 2].lower_ in _STANCE_PREFIXES and (doc[start].ent_type_ or doc[start].text[:1].isupper())):
                    # "counter-intelligence officers", "non-governmental organisations", "a
                    # 41-year-old man": the word before the hyphen is the modifier's too (not "anti-MONUSCO protesters",
                    # whose name after the prefix is no body of theirs)
                    start -= 2
                    continue
                # a place's own kind of noun too: "an education centre", "a fuel depot", "the refugee camp"
                compound_place = label in ("LOC", "PRODUCT") and prev.dep_ == "compound" and prev.pos_ == "NOUN" and prev.head.i == token.i \
                    and (heads.get(prev.lower_) not in ("ORG", "PERSON") or prev.lower_ in kit_kinds)  # ("army trucks": the army is a party of its own, their owner; "a patrol boat" is one kit)
                # and a weapon's adjectives: "armoured vehicles", "explosive vests", "rocket-propelled grenades"
                described_kit = label == "PRODUCT" and prev.dep_ == "amod" and prev.pos_ in ("ADJ", "VERB") and prev.head.i == token.i
                if described_kit and start > 2 and doc[start - 2].text in ("-", "‐", "‑") \
                        and not doc[start - 2].whitespace_ and not doc[start - 3].whitespace_:
                    start -= 3  # "rocket-propelled": the word before the hyphen is the adjective's too
                    continue
                if label == "PRODUCT" and prev.lower_ in modifiers and not described_kit and prev.tag_ != "PRP$":
                    break  # "Coalition aircraft", "rebel drones": the word before names their owner
                if prev.pos_ in ("VERB", "AUX") and prev.dep_ not in ("amod", "compound"):
                    break  # "informed UN Secretary-General X": the verb before is no modifier ("informed sources")
                # a body's own kind of noun: "the rescue force", "the reconnaissance squadron", "guerrilla armies"
                # (not a party's name before its units: "army units", heads of their own)
                compound_body = label == "ORG" and prev.dep_ == "compound" and prev.tag_ == "NN" and prev.head.i == token.i \
                    and prev.is_lower and (prev.lower_ not in heads or (heads[prev.lower_] == "PERSON" and prev.tag_ == "NN")) \
                    and not (start >= 3 and doc[start - 2].text in ("-", "‐", "‑") and not doc[start - 3].is_alpha)  # ("a 60-nation coalition": no half word)
                # a body's name the recogniser missed: "the Dogra Regiment", "the Milenio Cartel", "The
                # African Mission in Burundi" (capitalised words on a capitalised head, outside a
                # headline's title case; not the inner words of a longer name, "the Movement of
                # Democratic Forces of Casamance", "the Communist Party of Peru")
                unit_name = label == "ORG" and token.text[:1].isupper() and prev.text[:1].isupper() and prev.is_alpha \
                    and not (token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" and doc[token.i + 2].text[:1].isupper()) \
                    and prev.pos_ in ("PROPN", "NOUN", "ADJ") and prev.dep_ in ("compound", "amod", "nmod") \
                    and prev.head.i in range(start, token.i + 1) and not prev.is_sent_start and not _title_case(token.sent)
                # and the adjectives that tell people or a body apart: "mutinous soldiers", "federal
                # agents", "masked gunmen" (re3d marks them inside the mention; not "its own men")
                # (an epithet is the speaker's stance, no part of the name: "the brutal regime")
                described_people = label in ("PERSON", "ORG") and prev.dep_ == "amod" and prev.tag_ == "JJ" and prev.head.i == token.i \
                    and prev.is_alpha and prev.lower_ not in ("own", "other", "many", "several", "various", "certain", "such") \
                    and prev.lower_ not in epithets and prev.lower_ not in _STANCE_PREFIXES \
                    and token.lower_ not in bare_no_group  # ("excessive force": no body; "the electoral commission" is, below)
                # and the noun that says whose people they are: "gang members", "militia members",
                # "crew members", "village elders" (one mention in re3d, and no one "members")
                compound_people = label == "PERSON" and prev.dep_ == "compound" and prev.tag_ in ("NN", "NNS") and prev.is_lower \
                    and prev.head.i == token.i
                # and a title's first word: "the commanding officer" ("commanding-officer" in events.toml roles)
                compound_people = compound_people or (label == "PERSON" and start == token.i
                                                      and f"{prev.lower_}-{token.lower_}" in _two_word_titles())
                # and its place in a sequence: "a second force", "the first column" (the number the
                # recogniser marks as an ordinal of its own)
                ordinal = label in ("PERSON", "ORG") and prev.ent_type_ == "ORDINAL" and prev.head.i == token.i and prev.is_alpha
                # and what kind of place a vague one is: "a residential building", "a crowded
                # market" ("the building" alone names no place)
                described_place = label == "LOC" and token.lower_ in kind_told_places and prev.dep_ == "amod" and prev.tag_ == "JJ" \
                    and prev.head.i == token.i and prev.is_alpha and prev.lower_ not in epithets
                # and where a place ranks: "the largest city in the north", "the biggest town"
                ranked_place = label == "LOC" and prev.tag_ == "JJS" and prev.dep_ == "amod" and prev.head.i == token.i
                # and a kit's model, no entity of its own (_model_of_arms): "a police Black Hawk helicopter"
                kit_model = label == "PRODUCT" and prev.pos_ == "PROPN" and not prev.ent_type_ and prev.text[:1].isupper() \
                    and not prev.is_sent_start
                if prev.lower_ == "then" and not (start >= 2 and doc[start - 2].lower_ in determiners):
                    break  # "and then its air force": the adverb, not "the then leader"
                if prev.lower_ == "dead" and start >= 2 and doc[start - 2].pos_ == "VERB":
                    break  # "shot dead two guards": how the verb left them, no word of the people's
                if prev.lower_ in modifiers or prev.ent_type_ in named or compound_place or described_kit or compound_body or unit_name \
                        or described_people or compound_people or ordinal or described_place or ranked_place or kit_model \
                        or (label == "ORG" and prev.lower_ in size_modifiers) \
                        or (prev.tag_ == "POS" and start - 1 > 0 and doc[start - 2].ent_type_ in named):
                    start -= 1
                    continue
                opening = _parenthesised_acronym(doc, start - 1, named)
                if opening is not None:  # "Rapid Support Forces (RSF) fighters"
                    start = opening
                    continue
                if prev.lower_ in determiners:
                    start -= 1
                break
            if token.lower_ in service_heads and not any(t.lower_ in service_kinds for t in doc[start : token.i]):
                continue  # "military service", "a memorial service"; "the security services" are bodies
            if token.lower_ in counted_heads and not any(t.like_num or t.lower_ in unit_kinds for t in doc[start : token.i]):
                continue  # "deep divisions", "the divisions within the party"; "two divisions", "armoured divisions" are units
            if token.dep_ == "compound" and token.head.i > token.i and heads.get(token.head.lower_) == "PRODUCT" and label != "PRODUCT":
                # a head that modifies the noun after it ("two army trucks", "a police car"): the
                # article and the number before it are that noun's, not its own; a state's name or
                # people's adjective is the owner's ("Russian army helicopters": Russia's army)
                while start < token.i and not start <= doc[start].head.i <= token.i and doc[start].ent_type_ not in ("NORP", "GPE"):
                    start += 1
            end = token.i + 1
            if end + 1 < len(doc) and doc[end].text in ("-", "‐", "‑") and not token.whitespace_ and not doc[end].whitespace_ \
                    and doc[end + 1].lower_ in ("by", "on", "up"):
                end += 2  # "passers-by", "hangers-on" (nominals.toml: the head as the tokenizer splits it)
            spans.append(Span(doc, start, end, label=label))
        spans += _others_of_people(doc, heads, others)
        kept = []
        ents = doc.ents
        starts, ends = [e.start for e in ents], [e.end for e in ents]  # in order: entities never overlap
        for span in filter_spans(spans):
            overlapping = range(bisect_right(ends, span.start), bisect_left(starts, span.end))
            cut = max((ends[k] for k in overlapping if starts[k] < span.start and ents[k].label_ == "CARDINAL"), default=None)
            if cut is not None and cut < span.end:
                # "at least four villagers", "nearly two dozen soldiers": the parse's number
                # begins before the nominal's own modifiers; the people are the words after it
                # (as "more than 40 villagers" gives "villagers")
                span = Span(doc, cut, span.end, label=span.label_)
                overlapping = range(bisect_right(ends, span.start), bisect_left(starts, span.end))
            # A nominal is only the head and its modifiers: a name alone is an entity,
            # and a nominal that cuts through a name ("The Free Army" of "The Free
            # Army of Tal Hamra") is part of that name.
            if span[-1].ent_type_ and len(span) == 1:
                continue
            if len(span) == 1 and span.label_ != "LOC" and span[0].lower_ in bare_no_group:
                span = _described_by_adjectives(span)  # "the electoral commission": a body, described
            if len(span) == 1 and span[0].lower_ in (vague_places if span.label_ == "LOC" else bare_no_group):
                continue  # a bare "town" or "area" names no place, "by force" no one
            if span[-1].lower_ in needs_kind and all(t.lower_ in determiners for t in span[:-1]):
                continue  # "at the centre of the dispute"
            if is_status(span):
                continue  # "a Foreign Terrorist Organization", "a terrorist organisation": a status given, no actor
            if any(not (span.start <= starts[k] and ends[k] <= span.end) for k in overlapping):
                continue
            if any(a <= span.start_char and span.end_char <= b for a, b in doc._.letterhead or ()):
                continue  # "Office of the Spokesman" in a letterhead: the line is one body's name
            kept.append(span)
        conjuncts, doc._.shared_heads = _shared_head_conjuncts(doc, kept)
        doc._.nominals = sorted(kept + conjuncts, key=lambda span: span.start)
        return doc

    return nominals
