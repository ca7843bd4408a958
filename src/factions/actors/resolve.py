"""Mentions to actors within one document.

Order of evidence, strongest first: the knowledge-base id the entity ruler attached;
an exact knowledge-base name; a fuzzy knowledge-base name (transliterations); a
surname that matches a full name in the same document; the normalised name itself.
Every actor carries a confidence and a short reason.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from factions.actors.demonyms import state_named_by, state_of_capital
from factions.actors.families import bare_role, choose_member, member_named_with
from factions.actors.linking import Choice, Context, choose, document_context, speaker_position
from factions.kb import KBActor, KnowledgeBase
from factions.lexicons import lexicon, validated_table
from factions.names import normalise, surname, trim_dangling
from factions.nlp.components import after_place_preposition, names_a_craft, nominal_lexicon
from factions.nlp.tokens import in_headline, object_of, opens_dateline
from factions.model import Actor, Document, Mention, Span

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
# Kinds of bodies a description may name though its head reads as a place ("… Province").
_BODY_KINDS = frozenset({"armed_group", "organization", "government_body"})
KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "NORP": "population", "FAC": "location"}


@lru_cache(maxsize=1)
def _kind_words() -> list[tuple[str, set[str]]]:
    raw = tomllib.loads(resources.files("factions.data.lexicons").joinpath("actor_kinds.toml").read_text("utf-8"))
    return [(k["kind"], set(k["words"])) for k in raw["kind"]]


def guess_kind(label: str, name: str) -> str:
    if label != "ORG":
        return KIND_OF_LABEL.get(label, "organization")
    words = set(normalise(name).split())
    for kind, vocab in _kind_words():
        if words & vocab:
            return kind
    return "organization"


@lru_cache(maxsize=65536)
def clean_surface(text: str) -> str:
    """A display name: editorial brackets and a leading "the" removed (asked of the same
    mentions' text many times per document)."""
    name = " ".join(text.replace("[", "").replace("]", "").split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name.strip(" ,.;:'\"’s") if name.endswith("'s") or name.endswith("’s") else name.strip(" ,.;:")


_SPONSOR_PREFIX = re.compile(r"[A-Z][\w.]*[-‐‑](\w+) +")


@lru_cache(maxsize=1)
def _sponsor_words() -> frozenset[str]:
    """"backed", "led", "allied" ...: the words of data/lexicons/events.toml roles.compound_relations."""
    return frozenset(lexicon("events")["roles"]["compound_relations"])


def mention_span(document: Document, ent: SpacySpan) -> Span:
    """The entity's span, widened to take in an editorial bracket it cuts through, cut
    before a round bracket it opens and does not close."""
    start, end = ent.start_char, ent.end_char
    text = document.text
    surface = text[start:end]
    if "]" in surface and "[" not in surface and start > 0 and text[start - 1] == "[":
        start -= 1
    if "[" in surface and "]" not in surface:
        close = text.find("]", end)
        if close != -1 and close - end < 40:
            end = close + 1
    sponsor = _SPONSOR_PREFIX.match(text, start, end)
    if sponsor is not None and sponsor.group(1).lower() in _sponsor_words() and sponsor.end() < end and text[sponsor.end()].isupper():
        start = sponsor.end()  # "Turkish-backed Syrian National Army": the group is the Syrian National Army
    cut = text.find("(", start, end)
    if cut > start and text.find(")", cut, end) == -1:
        end = cut  # "Front for Liberation (FFL": the name, not the bracket it runs into
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    while start < end and text[start] in " \n\t":
        start += 1
    # "-Assad forces" (cut from "al-Assad forces"), "Coalition-", "'s forces": no
    # name begins or ends with a hyphen, dash or apostrophe.
    lead, tail = trim_dangling(text[start:end])
    if start + lead < end - tail:
        start, end = start + lead, end - tail
    return Span(start, end)


class _Registry:
    """Actors of one document, keyed so that repeated mentions share an actor."""

    def __init__(self, kb: KnowledgeBase, published: str | None, context: Context):
        self.kb = kb
        self.published = published
        self.actors: dict[str, Actor] = {}
        self.persons: dict[str, str] = {}  # surname key -> actor key
        self.context = context
        self._choices: dict[tuple, Choice | None] = {}
        self._fuzzy: dict[str, tuple[KBActor, float] | None] = {}

    def choose(self, name: str, label: str, tagged: str | None, speaker: bool) -> Choice | None:
        """linking.choose in this document's context, once per name, label, tag and
        position: a document names the same actors again and again."""
        key = (name, label, tagged, speaker)
        if key not in self._choices:
            self._choices[key] = choose(self.kb, name, label, tagged, speaker, self.context)
        return self._choices[key]

    def fuzzy(self, name: str) -> tuple[KBActor, float] | None:
        """KnowledgeBase.fuzzy, once per name in the document."""
        if name not in self._fuzzy:
            self._fuzzy[name] = self.kb.fuzzy(name)
        return self._fuzzy[name]

    def get(self, key: str, make) -> Actor:
        if key not in self.actors:
            actor = make()
            actor.id = f"a{len(self.actors) + 1}"
            self.actors[key] = actor
        return self.actors[key]

    def for_kb(self, kb_id: str, reason: str, confidence: float) -> Actor:
        entry = self.kb.actors[kb_id]
        return self.get(
            f"kb:{kb_id}",
            lambda: Actor("", entry.name, entry.kind, kb_id=kb_id, basis="kb", confidence=confidence, reason=reason,
                          name_then=entry.name_on(self.published), part_of=self.kb.parents.get(kb_id)),
        )

    def for_member(self, kb_id: str, surface: str, reason: str) -> Actor:
        """The KB actor a bare name means ("the regime"); the reason is kept beside the
        actor's own once per bare form."""
        actor = self.for_kb(kb_id, reason, 0.8)
        form = " ".join(clean_surface(surface).lower().split())
        if actor.reason != reason and f"'{form}'" not in actor.reason.lower():
            actor.reason += f"; {reason}"
        return actor

    def for_name(self, label: str, surface: str, basis: str = "text", reason: str | None = None, of: str | None = None) -> Actor:
        """The actor of a name; `of`, the actor a description is "of" ("members of the G9
        gang"), keeps apart the people of different parties described alike."""
        name = clean_surface(surface)
        kind = guess_kind(label, name)
        key = f"{label}:{normalise(name)}" + (f"@{of}" if of else "")
        if label == "PERSON":
            last = surname(name)
            if len(name.split()) == 1 and last in self.persons:
                key = self.persons[last]
            elif last and len(name.split()) > 1:
                self.persons.setdefault(last, key)
        reason = reason or ("named in the text" if basis == "text" else f"{basis} mention")
        return self.get(key, lambda: Actor("", name, kind, basis=basis, confidence=0.6 if basis == "text" else 0.5, reason=reason))


def _link(reg: _Registry, label: str, surface: str, kb_id: str | None, speaker: bool = False) -> Actor:
    """The actor a name means: the knowledge-base actor that fits the document best
    (linking.choose), a close spelling of one, or the name itself."""
    kb = reg.kb
    name = clean_surface(surface)
    member = choose_member(kb, surface, reg.context)  # "the Coalition", "the regime"
    if member is not None:
        if member.actor is None:
            return reg.for_name(label, surface, reason=member.reason)
        return reg.for_member(member.actor.id, surface, member.reason)
    choice = reg.choose(name, label, kb_id, speaker)
    if choice is not None and choice.actor is None:
        return reg.for_name(label, surface, reason=choice.reason)
    if choice is not None:
        if choice.contested:
            return reg.for_kb(choice.actor.id, choice.reason, 0.85)
        return reg.for_kb(choice.actor.id, "knowledge-base name in the text" if kb_id else f"knowledge-base name '{name}'", 0.95 if kb_id else 0.9)
    if kb_id and kb_id in kb.actors:  # an acronym the text introduced: its full name's actor
        return reg.for_kb(kb_id, "knowledge-base name in the text", 0.95)
    if label in ("PERSON", "ORG"):
        fuzzy = reg.fuzzy(name)
        if fuzzy and (fuzzy[0].kind == "person") == (label == "PERSON"):
            actor, score = fuzzy
            return reg.for_kb(actor.id, f"close spelling of '{actor.name}' ({score:.0f}%)", round(score / 100 * 0.85, 3))
    return reg.for_name(label, surface)


def resolve_actors(document: Document, doc: Doc, kb: KnowledgeBase) -> tuple[list[Mention], list[Actor]]:
    published = document.published.isoformat() if document.published else None
    mentions: list[Mention] = []
    works: list[Span] = []  # the names of works named after someone (work_named_after)
    acronyms = doc._.acronyms or {}
    ents = sorted(_merge_bracketed(document, doc), key=lambda e: (e.label_ != "PERSON" or len(e) == 1, e.start))
    reg = _Registry(kb, published, document_context(published, [clean_surface(document.text[e.start_char : e.end_char]) for e in ents], kb))
    # Full person names first, so that a surname seen earlier still finds them.
    for ent in ents:
        span = mention_span(document, ent)
        surface = document.text[span.start : span.end]
        if not surface:
            continue
        kb_id = ent.ent_id_ or None
        label = _corrected_label(ent, surface, kb_id)
        mention = Mention(span, surface, label, kb_id=kb_id, basis="kb" if kb_id else "model")
        expanded = acronyms.get(surface)
        if expanded:
            mention.basis = "acronym"
        state = state_named_by(ent, kb) if label == "NORP" and not kb_id else None
        place_or_unknown = not kb_id or (kb.get(kb_id) is not None and kb.get(kb_id).kind == "location")
        capital_of = state_of_capital(ent, kb, _acts(ent.root)) if label in PLACE_OR_BODY_LABELS and place_or_unknown and state is None else None
        if state is not None:  # "Lebanese President Joseph Aoun": Lebanon's
            actor = reg.for_kb(state, f"'{surface}' before '{ent.root.head.text}' names the state", 0.85)
            mention.actor, mention.kb_id = actor.id, actor.kb_id
        elif capital_of is not None:  # "Kinshasa accused Kigali": the capital acts for its state
            actor = reg.for_kb(capital_of, f"the capital '{surface}' acts for its state", 0.8)
            mention.actor, mention.kb_id, mention.label = actor.id, actor.kb_id, "ORG"  # a state acting
        elif label == "PRODUCT" and names_a_craft(ent):
            actor = reg.for_name(label, surface, basis="model")  # "the tanker Stena Impero": a craft, as "the tanker" is
            actor.kind = "equipment"
            mention.actor = actor.id
        elif label in ACTOR_LABELS:
            actor = _link(reg, label, expanded or surface, kb_id, speaker_position(document.text, span.start, span.end))
            named_after = work_named_after(ent) if actor.kind == "person" else None
            if named_after is not None:
                # "Al Asad airbase", "Ben Gurion Airport": one place's name, no mention of the person
                first, last = doc[named_after[0]], doc[named_after[1] - 1]
                work = Span(min(span.start, first.idx), max(span.end, last.idx + len(last)))
                surface = document.text[work.start : work.end]
                actor = reg.for_name("FAC", surface, reason="a work named after a person")  # a location
                works.append(work)
                mentions.append(Mention(work, surface, "FAC", actor=actor.id, basis="model"))
                continue
            mention.actor, mention.kb_id = actor.id, actor.kb_id
            if kb_id and not actor.kb_id:
                mention.basis = "model"  # the ruler's name fitted no actor here
            _add_alias(actor, surface)
        mentions.append(mention)
    for nominal in doc._.nominals or []:
        span = mention_span(document, nominal)
        if any(w.start <= span.start and span.end == w.end for w in works):
            continue  # "airbase" of "Gamal Abdel Nasser airbase": the work's name stands for it
        surface = document.text[span.start : span.end]
        shared = (doc._.shared_heads or {}).get(nominal.start, (None, None))[1]
        # "Indian" of "Indian and Chinese soldiers" is read as the "Indian soldiers" it names
        naming = f"{surface} {shared}" if shared else surface
        if nominal.label_ == "PRODUCT":  # "gun trucks", "their rifles": equipment, no knowledge-base actor
            actor = reg.for_name(nominal.label_, descriptive_name(surface), basis="nominal")
            actor.kind = "equipment"
            _add_alias(actor, surface)
            mentions.append(Mention(span, surface, nominal.label_, actor=actor.id, basis="nominal"))
            continue
        owner = _named_owner(nominal, mentions)
        member = (member_named_with(kb, naming, owner.kb_id, reg.context) if owner is not None else None) \
            or choose_member(kb, naming, reg.context)  # "government forces", "the army"
        if member is not None and member.actor is not None:
            actor = reg.for_member(member.actor.id, surface, member.reason)
            _add_alias(actor, surface)
            mentions.append(Mention(span, surface, nominal.label_, actor=actor.id, kb_id=actor.kb_id, basis="nominal"))
            continue
        choice = None if member is not None else reg.choose(clean_surface(naming), nominal.label_, None, speaker_position(document.text, span.start, span.end))
        label = nominal.label_
        if choice is not None and choice.actor is not None:
            actor = reg.for_kb(choice.actor.id, choice.reason if choice.contested else f"knowledge-base name '{clean_surface(surface)}'", 0.85)
            if label == "LOC" and actor.kind in _BODY_KINDS:
                label = "ORG"  # "the Islamic State West Africa Province": a group's name, whatever its last word
        else:
            antecedent = _antecedent(nominal, mentions, reg)
            if antecedent is not None:
                mentions.append(Mention(span, surface, nominal.label_, actor=antecedent.id, kb_id=antecedent.kb_id, basis="anaphor"))
                continue
            of = _party_of(nominal, mentions) if nominal.label_ != "LOC" else None
            actor = reg.for_name(nominal.label_, descriptive_name(naming), basis="nominal", reason=member.reason if member else None,
                                 of=of.actor if of is not None else None)
            if nominal.label_ == "LOC":
                actor.kind = "location"
            else:
                actor.kind = "population" if nominal.label_ == "PERSON" else _nominal_kind(nominal, naming, shared)
        _add_alias(actor, surface)
        mentions.append(Mention(span, surface, label, actor=actor.id, kb_id=actor.kb_id, basis="nominal"))
    mentions.extend(_repeats(document, mentions, reg))
    mentions.sort(key=lambda m: (m.span.start, -m.span.end))
    used = {m.actor for m in mentions}
    return mentions, _number_by_first_mention(mentions, [a for a in reg.actors.values() if a.id in used])


@lru_cache(maxsize=1)
def _works_named_for_people() -> tuple[frozenset[str], frozenset[str]]:
    """(the nouns of works named after someone, those of them no surname is): actor_kinds.toml."""
    fixes = lexicon("actor_kinds")["entity_fixes"]
    return frozenset(fixes["named_for_person_heads"]), frozenset(fixes["named_for_person_only_works"])


def _work_noun(doc: Doc, j: int, nouns: frozenset[str]) -> bool:
    """Whether the token at j ends one of the nouns, alone or with the word before it ("air base")."""
    return doc[j].lower_ in nouns or (j > 0 and f"{doc[j - 1].lower_} {doc[j].lower_}" in nouns)


def work_named_after(ent: SpacySpan) -> tuple[int, int] | None:
    """The tokens of the name of a work named after someone that a name is part of ("Al Asad
    airbase", "Prince Sultan Air Base", "the Saddam Hussein bridge", "Ben Gurion Airport"
    read whole as a person), or None. The work's noun follows the name, after at most two
    capitalised words of no other name that are no verb ("International"), and governs it;
    or the recogniser ran the name on to a noun no surname is. Not in a headline, where
    every word is capitalised ("Putin Opens Crimea Bridge"), nor after a possessive
    ("Assad's airbase"); the words of a name the recogniser left out before it are the
    work's too ("Gamal Abdel Nasser airbase")."""
    doc = ent.doc
    nouns, only_works = _works_named_for_people()
    if in_headline(ent):
        return None
    if len(ent) > 1 and _work_noun(doc, ent.end - 1, only_works):
        return ent.start, ent.end
    j = ent.end
    while j < len(doc) and j < ent.end + 2 and not _work_noun(doc, j, nouns) and doc[j].is_title \
            and not doc[j].ent_type_ and not doc[j].tag_.startswith("VB"):
        j += 1
    if j >= len(doc) or not _work_noun(doc, j, nouns):
        return None
    if not (ent.root.head.i in range(ent.end, j + 1) and ent.root.dep_ in ("compound", "amod", "nmod")):
        return None
    start = ent.start
    while start > max(0, ent.start - 2) and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
            and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, j + 1):
        start -= 1
    return start, j + 1


# The model's labels for a capital standing for its government ("Kinshasa" is read as a
# place or as an organisation).
PLACE_OR_BODY_LABELS = ("GPE", "LOC", "ORG", "FAC")


def _corrected_label(ent: SpacySpan, surface: str, kb_id: str | None) -> str:
    """A state that acts ("Russia vetoed", "the UK's position") is labelled as an
    organisation; as a place it stays a GPE. (Other fixes to the model's labels are
    made in the pipeline: nlp.components.entity_fixes.)"""
    if ent.label_ == "GPE" and _acts(ent.root) and not after_place_preposition(ent) and not opens_dateline(ent):
        return "ORG"  # ("Near Kolpur, militants blew up …", "N'Djamena (AFP) – …": the parser may make the place a subject)
    return ent.label_


def _acts(token) -> bool:
    """Whether a name stands in an agent's position: subject, possessor, "by X",
    "with X", "between X and Y" (through coordination)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("by", "with", "between")


def _antecedent(nominal: SpacySpan, mentions: list[Mention], reg: "_Registry") -> Actor | None:
    """ "the group" after a group has been named refers back to it."""
    lex = nominal_lexicon()
    words = nominal.text.lower().split()
    if len(words) < 2 or words[0] != "the" or " ".join(words[1:]) not in lex["anaphors"]:
        return None
    by_id = {a.id: a for a in reg.actors.values()}
    for m in sorted(mentions, key=lambda m: -m.span.start):
        if m.span.start >= nominal.start_char or not m.actor or m.basis in ("nominal",):
            continue
        actor = by_id.get(m.actor)
        if actor is not None and actor.kind in ("armed_group", "organization"):
            return actor
    return None


def _named_owner(nominal: SpacySpan, mentions: list[Mention]) -> Mention | None:
    """The knowledge-base actor a description's "of" names: "Colombia" of "the
    Government of Colombia"."""
    pobj = object_of(nominal.root, "of")
    if pobj is None or pobj.ent_type_ not in ("GPE", "ORG"):
        return None
    at = pobj.idx
    return next((m for m in mentions if m.kb_id and m.basis != "nominal" and m.span.start <= at < m.span.end), None)


def _party_of(nominal: SpacySpan, mentions: list[Mention]) -> Mention | None:
    """The party a description's "of" names, when its own span stops before it ("members
    of the G9 gang", "soldiers of China's People's Liberation Army"): people of one party
    are not those of another described alike ("clashed with members of the rival G-Pep
    gang")."""
    pobj = object_of(nominal.root, "of")
    if pobj is None or pobj.idx < nominal.end_char:
        return None
    lo, hi = pobj.left_edge.idx, pobj.idx + len(pobj)  # the phrase up to its head: "the G9 gang federation"
    inside = [m for m in mentions if m.actor and m.basis != "pronoun" and lo <= m.span.start and m.span.end <= hi]
    return next((m for m in inside if m.basis != "nominal"), None) or next(iter(inside), None)


def _nominal_kind(nominal: SpacySpan, surface: str, shared: str | None = None) -> str:
    """"Somali army", "Iraqi forces": a state's own forces are a government body (and
    "Indian" of "Indian and Chinese troops", which `shared` "troops" with the next)."""
    lex = nominal_lexicon()
    head = shared.split()[-1].lower() if shared else nominal[-1].lower_
    if head in lex["state_heads"] and any(t.ent_type_ in ("NORP", "GPE") for t in nominal):
        return "government_body"
    return guess_kind("ORG", surface)


def _repeats(document: Document, mentions: list[Mention], reg: "_Registry") -> list[Mention]:
    """A name the model found once is the same name where it missed it elsewhere in
    the document ("Liwa al-Fajr" tagged in the headline, not in the body)."""
    text = document.text
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.basis not in ("model", "kb") or m.label not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            continue
        if len(m.text) >= 4 and (m.text[:1].isupper() or m.text.startswith("al-")):
            first.setdefault(m.text, m)
    parts = _name_parts(text, mentions, first)
    first.update(parts)
    if not first:
        return []
    # Every whole-word occurrence, the leftmost first and at one place the longest
    # ("Islamic State" beats "Islamic"). str.find per name: a regex alternation of this
    # document's names would be compiled anew for every document.
    found = sorted(((start, -len(name), name) for name in first for start in _occurrences(text, name)))
    taken = sorted([m.span for m in mentions if m.basis != "nominal"] + list(document.masked))
    starts = [t.start for t in taken]
    by_id = {a.id: a for a in reg.actors.values()}
    out: list[Mention] = []
    for start, minus_length, name in found:
        span = Span(start, start - minus_length)
        k = bisect_right(starts, span.end)
        if any(t.overlaps(span) for t in taken[max(0, k - 8) : k]) or any(o.span.overlaps(span) for o in out[-2:]):
            continue
        if name in parts and _in_longer_name(text, span):
            continue
        m = first[name]
        actor = by_id.get(m.actor)
        out.append(Mention(span, name, m.label, actor=m.actor, kb_id=actor.kb_id if actor else None, basis="repeat"))
    return out


def _name_parts(text: str, mentions: list[Mention], names: dict[str, Mention]) -> dict[str, Mention]:
    """Each given name and surname of a person named in full, where the model missed it
    alone later ("Brigadier General Prabowo Subianto … Prabowo later commanded"): only a
    part that one person's names hold, that no other name holds, and that the text never
    writes in lower case (a word, not a name: "Rose", "Hope")."""
    titles = _part_titles()["titles"]
    owners: dict[str, set[str]] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.label != "PERSON" or m.basis not in ("model", "kb") or not m.actor:
            continue
        parts = [w for w in m.text.split() if w.lower() not in titles]
        if len(parts) < 2:
            continue
        for part in parts:
            if len(part) >= 4 and part.isalpha() and part[0].isupper() and part[1:].islower():
                owners.setdefault(part, set()).add(m.actor)
                first.setdefault(part, m)
    other_words = {w for name, m in names.items() if m.label != "PERSON" for w in name.split()}
    lowered = text.lower()
    return {part: first[part] for part, actors in owners.items()
            if len(actors) == 1 and part not in names and part not in other_words
            and not any(text[at:at + 1].islower() for at in _occurrences(lowered, part.lower()))}


def _in_longer_name(text: str, span: Span) -> bool:
    """Whether a name part stands inside a longer name the model did not tag: a capitalised
    word or a name particle beside it ("Ibrahim al- Jaafari", "Jose Luis"), not a title
    before it ("General Prabowo", "Mr Prabowo")."""
    after = text[span.end : span.end + 40].split(maxsplit=1)
    before = text[max(0, span.start - 40) : span.start].split()
    titles = _part_titles()
    if after and (after[0][:1].isupper() or after[0].rstrip("-").lower() in titles["particles"]):
        return True
    return bool(before) and before[-1][:1].isupper() and not before[-1].endswith((".", ",", ";", ":")) \
        and before[-1].lower() not in titles["titles"]


@lru_cache(maxsize=1)
def _part_titles() -> dict[str, frozenset[str]]:
    table = validated_table("names")
    return {"titles": frozenset(table["ranks"]) | frozenset(table["honorifics"]) | frozenset(table["surname_titles"]),
            "particles": frozenset(table["name_particles"])}


def _occurrences(text: str, name: str):
    """Where `name` stands as a whole word (not inside "Islamic-State-linked")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before, after = text[at - 1 : at], text[end : end + 1]
        if not (before.isalnum() or before in "_-") or at == 0:
            if not (after.isalnum() or after in "_-") or end == len(text):
                yield at
        at = text.find(name, at + 1)


def _merge_bracketed(document: Document, doc: Doc) -> list[SpacySpan]:
    """"[Ayman] al-Zawahri": the model may see "Ayman" and "al-Zawahri" as two
    entities; an editor's bracketed first name belongs to the name after it."""
    ents = list(doc.ents)
    text = document.text
    out: list[SpacySpan] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None and nxt.label_ == "PERSON"
            and ent.start_char > 0 and text[ent.start_char - 1] == "["
            and text[ent.end_char : nxt.start_char].strip() == "]"
        ):
            merged = SpacySpan(doc, ent.start, nxt.end, label="PERSON", span_id=nxt.id)
            out.append(merged)
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _number_by_first_mention(mentions: list[Mention], actors: list[Actor]) -> list[Actor]:
    """Actor ids a1, a2, ... in the order the text first mentions them."""
    order: dict[str, int] = {}
    for m in mentions:
        if m.actor and m.actor not in order:
            order[m.actor] = len(order)
    actors.sort(key=lambda a: order.get(a.id, len(order)))
    renamed = {a.id: f"a{i}" for i, a in enumerate(actors, start=1)}
    for a in actors:
        a.id = renamed[a.id]
    for m in mentions:
        if m.actor:
            m.actor = renamed[m.actor]
    return actors


def descriptive_name(surface: str) -> str:
    """A description without its article or quantifier: \"a senior IS leader\" -> \"senior IS leader\"."""
    words = surface.split()
    # not when the quantifier is the head: "Some in Hurras al-Din", "Many of those forces"
    if len(words) > 1 and words[0].lower() in ("a", "an", "the", "some", "several", "many") \
            and words[1].lower() not in ("of", "in", "among", "within"):
        words = words[1:]
    return " ".join(words)


def _add_alias(actor: Actor, surface: str) -> None:
    if bare_role(surface) is not None:  # "the regime" names Syria in one document only
        return
    name = clean_surface(surface)
    if name and name != actor.name and name not in actor.aliases:
        actor.aliases.append(name)
