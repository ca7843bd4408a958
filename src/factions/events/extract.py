"""Events from trigger words over the dependency parse, and the relations they imply."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from itertools import combinations

from spacy.tokens import Doc, Token

from factions.actors.index import GROUP_KINDS, PRONOUN_STEM, ActorIndex
from factions.dates import normalize
from factions.events.modality import modality_of
from factions.lexicons import DataFileError, lexicon
from factions.model import Claim, Document, Event, Mention, Relation, Span, When
from factions.relations.types import implied_by, relation_types, symmetric_types
from factions.nlp import object_of, relative_noun, sentence_of, sentence_span, stray_to, tokens_where, tree

_PLURAL_ANAPHOR = re.compile(r"^(?:the|both|these|those)\s+(?:two\s+|rival\s+|jihadist\s+|armed\s+)*(?:groups|organi[sz]ations|movements|factions|networks|sides)$", re.I)
# Relations whose missing side may be taken from the nearest actor (measured on
# re3d-dev: it helps for fights, and hurts for opposition, support, alliance and contact).
NEAREST_FALLBACK = {"fights"}
PLACE_KINDS = {"location", "state"}


@dataclass(frozen=True)
class TriggerType:
    type: str
    relation: str | None
    modes: dict
    relations_by_word: dict
    not_with: dict  # verb -> particles that make it another act ("call on X to …" is a request)


@dataclass(frozen=True)
class Triggers:
    verbs: dict[str, TriggerType]
    nouns: dict[str, TriggerType]
    phrases: dict[tuple[str, str], TriggerType]

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self.verbs) | frozenset(self.nouns) | frozenset(verb for verb, _ in self.phrases)


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    verbs, nouns, phrases = {}, {}, {}
    declared = relation_types()
    for entry in lexicon("events")["event"]:
        for word, rel in entry.get("relations_by_word", {}).items():
            if rel not in declared:
                raise DataFileError(f"factions/data/lexicons/events.toml: {entry['type']}: '{word}' names unknown relation '{rel}'")
        t = TriggerType(entry["type"], implied_by(entry["type"]), entry.get("modes", {}), entry.get("relations_by_word", {}), entry.get("not_with", {}))
        for table, words in (("verbs", verbs), ("nouns", nouns)):
            for word in entry.get(table, []):
                if word in words:  # one word, one act: a second entry would never be reached
                    raise DataFileError(f"factions/data/lexicons/events.toml: '{word}' is in the {table} of both {words[word].type} and {t.type}")
                words[word] = t
        for p in entry.get("phrases", []):
            phrases[(p["verb"], p["object"])] = t
    return Triggers(verbs, nouns, phrases)


def _span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text))


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for t in token.children:
        # "A, B and C" is often parsed as A with the apposition "B and C".
        if t.dep_ == "conj" or (t.dep_ == "appos" and any(c.dep_ == "conj" for c in t.children)):
            out.extend(_with_conjuncts(t))
    return out


class _Participants:
    def __init__(self, index: ActorIndex):
        self.index = index
        self._inside: dict[Span, Mention | None] = {}  # group_inside, by description

    def mentions(self, tokens: list[Token]) -> list[Mention]:
        """Participants are actors; places (a city) and bare demonyms ("Iraqi") are not."""
        out = []
        queue = list(tokens)
        for tok in queue:
            behind = _named_behind(tok, self.index)
            if behind is not tok and behind not in queue:
                queue.extend(c for c in behind.conjuncts if c not in queue)  # "a number of ministers and officials"
            tok = behind
            m = self.index.mention_for_token(tok)
            if m is None and tok.pos_ == "PRON":
                found = self.index.resolve_pronoun(tok, PRONOUN_STEM.get(tok.lower_, tok.lower_))
                m = Mention(_span(tok), tok.text, found.label, actor=found.actor, basis="pronoun") if found else None
            if m is not None and m.basis == "pronoun":
                # A pronoun whose antecedent is named earlier in the same sentence
                # ("the Government of Iraq ... in their fight"): the argument is that
                # name; one from an earlier sentence stays the pronoun here.
                named = _named_before(self.index, m, sentence_of(tok).start_char)
                if named is not None and tok.lower_ in ("they", "them", "their"):
                    # "the Government of Iraq and the Iraqi people in their fight": each conjunct.
                    queue.extend(t for t in _coordination_of(tok.doc, named.span) if t not in queue)
                m = named or m
            if m is None:
                continue
            kind = self.index.actors[m.actor].kind
            if kind == "location" or (kind == "population" and m.basis not in ("nominal", "pronoun")):
                continue
            if _PLURAL_ANAPHOR.match(m.text):
                out.extend(self.last_two_groups(m))
                continue
            # "IS fighters" act for IS.
            out.append(self.group_inside(m) or m)
        return out

    def last_two_groups(self, anaphor: Mention) -> list[Mention]:
        """"the two groups", "both groups": the last two groups named before."""
        found: list[Mention] = []
        for m in sorted(self.index.mentions, key=lambda m: -m.span.start):
            if m.span.start >= anaphor.span.start or not m.actor or m.basis in ("nominal", "pronoun"):
                continue
            if self.index.actors[m.actor].kind in ("armed_group",) and m.actor not in {f.actor for f in found}:
                found.append(m)
            if len(found) == 2:
                break
        return [Mention(anaphor.span, anaphor.text, anaphor.label, actor=f.actor, basis="anaphor") for f in found] if len(found) == 2 else []

    def resolve_description(self, mention: Mention, doc: Doc) -> Mention:
        """A description stands for the group it names: "IS fighters", "members of IS"."""
        inside = self.group_inside(mention)
        if inside is not None:
            return inside
        if mention.basis == "nominal":
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is not None and len(span):
                behind = _named_behind(span.root, self.index)
                if behind.i != span.root.i:
                    return self.index.mention_for_token(behind) or mention
        return mention

    def group_inside(self, nominal: Mention) -> Mention | None:
        if nominal.basis != "nominal" or _affiliate_description(nominal):
            return None  # "the al-Qaeda affiliate" is another group than al-Qaeda
        if nominal.span not in self._inside:
            self._inside[nominal.span] = next((
                m for m in self.index.mentions_within(nominal.span.start, nominal.span.end)
                # "IS fighters" act for IS; "their counterparts" are not theirs to act
                # for, nor is a "US-led coalition" the US.
                if m is not nominal and m.actor and m.basis != "pronoun" and nominal.span.contains(m.span)
                and self.index.actors[m.actor].kind in GROUP_KINDS and self.index.document.text[m.span.end : m.span.end + 1] != "-"), None)
        return self._inside[nominal.span]


def _words(key: str) -> frozenset[str]:
    """A word list from the [participants] table of data/lexicons/events.toml."""
    return _participant_words()[key]


@lru_cache(maxsize=1)
def _participant_words() -> dict[str, frozenset[str]]:
    parts = lexicon("events")["participants"]
    return {k: frozenset(v) for k, v in parts.items() if isinstance(v, list)}


def _is_example(appos: Token) -> bool:
    return any(c.dep_ in ("advmod", "prep") and c.lower_ in _words("example_marks") for c in appos.children)


def _named_before(index: ActorIndex, pronoun: Mention, sentence_start: int) -> Mention | None:
    """The pronoun's actor as named earlier in the same sentence, if it is."""
    named = [m for m in index.mentions_within(sentence_start, pronoun.span.start) if m.actor == pronoun.actor
             and m.basis not in ("pronoun", "anaphor")]
    return max(named, key=lambda m: m.span.start) if named else None


def _coordination_of(doc: Doc, span: Span) -> list[Token]:
    """The other conjuncts of the phrase a name heads or completes ("the Government
    of Iraq and the Iraqi people" for "Iraq"); none when it stands alone."""
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    if chars is None:
        return []
    t = chars.root
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
        t = t.head.head  # "Iraq" in "the Government of Iraq" -> "Government"
    while t.dep_ == "conj":
        t = t.head
    conjuncts = _with_conjuncts(t)
    return conjuncts if len(conjuncts) > 1 else []


def _by_phrase(noun: Token) -> Token | None:
    """The "by" naming who did what a noun names. The parser often hangs it on an
    active verb ("welcomed [the offensive] [by the SDF]"), where it can only be the
    object's, since an active verb takes no agent."""
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is None and noun.dep_ == "dobj" and noun.right_edge.i + 1 < len(noun.doc):
        after = noun.doc[noun.right_edge.i + 1]
        if after.lower_ == "by" and after.head.i == noun.head.i and not any(c.dep_ == "auxpass" for c in noun.head.children):
            by = after
    return by


def _named_behind(tok: Token, index: ActorIndex) -> Token:
    """For a description, the named group behind it: "Fighters of Liwa al-Fajr",
    "an armed group in central Mali, Katibat al-Nour"."""
    m = index.mention_for_token(tok)
    if m is not None and m.actor and m.basis != "nominal":
        return tok
    unnamed = m is None or not m.actor  # no actor, or a number ("dozens") the model tagged
    stated = tok.dep_ == "dobj" and tok.head.lemma_ in lexicon("speech")["object_content_cues"]
    if unnamed and not stated:
        # "its condemnation of the regime's policies": the possessor is the party (not
        # for what a statement names: "called the group's commanders apostates").
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        named = index.mention_for_token(owner) if owner is not None else None
        if named is not None and named.basis not in ("pronoun",) and index.actors[named.actor].kind in GROUP_KINDS | {"person"}:
            return owner
    # "attacked a UN patrol" (not "calls ISIL presence a tragedy", nor "a UN convoy, which
    # killed …", where the noun stands for a clause's subject)
    if unnamed and not stated and not any(c.dep_ == "relcl" for c in tok.children):
        for child in (c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i):
            named = index.mention_for_token(child)
            if named is not None and named.actor and named.label != "NORP" and index.actors[named.actor].kind in GROUP_KINDS:
                return child
    by = _by_phrase(tok) if unnamed else None
    doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    named = index.mention_for_token(doer) if doer is not None else None
    if named is not None and named.basis != "pronoun" and index.actors[named.actor].kind in GROUP_KINDS | {"person"}:
        return doer  # "welcomed the offensive by the SDF": the doer
    if unnamed and (tok.lemma_.lower() in _words("quantity_heads") or tok.lower_ in _words("quantity_heads")):  # "met a number of ministers"
        pobj = object_of(tok)
        if pobj is not None:
            return _named_behind(pobj, index)
    known = _known_as(tok, index)
    if known is not None:  # "The Islamic State's Afghan branch, known as ISIS-K, …"
        return tok.doc.char_span(known.span.start, known.span.end, alignment_mode="expand").root
    # "The Foreign Minister of Norway, Espen Barth Eide, met …": the person named beside
    # the title acts, before the state in the title.
    children = sorted(tok.children, key=lambda c: c.dep_ != "appos")
    for child in children:
        if child.dep_ == "amod" and child.lower_ == "loyal":  # "fighters loyal to X"
            child = next((c for c in child.children if c.dep_ == "prep"), child)
        if child.dep_ == "appos" and _is_example(child):
            continue  # "its backers, notably Russia": one of them, not their name
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
            target = child if child.dep_ == "appos" else next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is None:
                continue
            named = index.mention_for_token(target)
            if named is not None and named.basis != "nominal" and index.actors[named.actor].kind in GROUP_KINDS | {"person"}:
                return target
    if m is not None and m.basis == "nominal" and m.label == "ORG":
        # "an armed group in central Mali, Katibat al-Nour, has ...": a group named
        # in the description's own phrase, before the verb it is the subject of.
        stop = tok.head.i if tok.head.i > tok.i else tok.right_edge.i
        for t in tok.doc[tok.i : stop + 1]:
            if t.dep_ == "cc" and t.head.i == tok.i:
                break  # "Saudi forces and the Houthis": another party, not the description's name
            if t.pos_ == "VERB":
                break  # "the coalition fighting the Houthis": the clause names someone else
            named = index.mention_for_token(t)
            if named is not None and named.basis != "nominal" and index.actors[named.actor].kind in ("armed_group", "organization"):
                return t
    return tok


def _subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens and whether the verb is passive (subject = recipient)."""
    for child in verb.children:
        noun = relative_noun(child) if child.dep_ in ("nsubj", "nsubjpass") else None
        if noun is not None:
            # "HTS, which split from al-Qaeda": the relative pronoun stands for the noun
            # ("Saudi Arabia and the UAE, which lead …": for each conjunct).
            while noun.dep_ == "conj":
                noun = noun.head
            return _with_conjuncts(noun), child.dep_ == "nsubjpass"
        if child.dep_ == "nsubj":
            # "X and Y met", parsed as two subjects with "and" between them
            others = [c for c in verb.children if c.dep_ == "nsubj" and c.i > child.i
                      and any(t.dep_ == "cc" for t in verb.doc[child.i : c.left_edge.i])]
            return _with_conjuncts(child) + [t for o in others for t in _with_conjuncts(o)] + _part_of(verb, child), False
        if child.dep_ == "nsubjpass":
            return _with_conjuncts(child), True
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.pos_ in ("VERB", "AUX"):
        subject, head_passive = _subject_tokens(verb.head)
        # The verb's own voice: "were killed and wounded" shares it; "are committed
        # to ... and have supported the army" and "was forced to attack" do not.
        own = {c.dep_ for c in verb.children}
        passive = "auxpass" in own or (verb.dep_ == "conj" and head_passive and "aux" not in own)
        return subject, passive
    if verb.dep_ == "relcl":
        return [verb.head], False
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head], False  # "the coalition fighting the Houthis"
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "amod") and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject_tokens(verb.head.head)  # "it was ready to assist Nigeria"
    if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ == "NOUN":
        # "the coalition's efforts to defeat ISIL", "its determination to defeat ISIL"
        owner = [c for c in verb.head.children if c.dep_ == "poss"]
        return (_with_conjuncts(owner[0]), False) if owner else ([], False)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX", "ADJ"):
        governing = verb.head.head
        obj = next((c for c in governing.children if c.dep_ == "dobj"), None)
        if obj is not None:  # "accused Tehran of arming the group": the object does it
            return _with_conjuncts(obj), False
        return _subject_tokens(governing)[0], "auxpass" in {c.dep_ for c in verb.children}  # "are committed to defeating ISIL"
    return [], False


def _part_of(verb: Token, subject: Token) -> list[Token]:
    """"the UK is working as part of the Global Coalition to defeat ISIL": the body
    the subject acts within acts too."""
    out = []
    for holder in (verb, subject):
        for as_ in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "as"):
            for part in (c for c in as_.children if c.dep_ == "pobj" and c.lower_ == "part"):
                out.extend(p for of in part.children if of.dep_ == "prep" and of.lower_ == "of"
                           for p in of.children if p.dep_ == "pobj")
    return out


def _alongside(verb: Token, lex: dict) -> list[Token]:
    """"fought alongside the Iraqi army": those who fight on the subject's side."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in lex["participants"]["ally_preps"]]
    return [t for p in preps for pobj in p.children if pobj.dep_ == "pobj" for t in _with_conjuncts(pobj)]


def _between(prep: Token) -> list[Token]:
    """The parties of "between A and B": the parse does not always join A and B, so
    take the words from "between" up to the next verb or clause break."""
    out = []
    for t in prep.doc[prep.i + 1 : sentence_of(prep).end]:
        if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ".") or t.dep_ == "mark":
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(t)
    return out


def _participants(trigger: Token, is_noun: bool, lex: dict, symmetric: bool = False) -> tuple[list[Token], list[Token]]:
    parts = lex["participants"]
    actors: list[Token] = []
    recipients: list[Token] = []
    if not is_noun:
        subj, passive = _subject_tokens(trigger)
        children = list(trigger.children)
        # "spoke to X and to Y": the second preposition hangs on the first.
        children += [c for p in children if p.dep_ == "prep" for c in p.conjuncts if c.pos_ == "ADP"]
        topic_only = trigger.lemma_ in parts["topic_verbs"]  # "discussed the fight against ISIL"
        phrases = triggers().phrases  # "pledged allegiance", "declared a province": only this trigger's own
        # "Speaking after the fall of Mosul to ISIL": that "to" is the fall's, not the speaking's.
        stray = {t.i for p in children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj" and (t := stray_to(n)) is not None}
        children = [c for c in children if c.i not in stray]
        for child in children:
            if (trigger.lemma_.lower(), child.lower_) in phrases and child.dep_ == "prep":
                # "fired missiles at a destroyer": the phrase's preposition names the target.
                recipients.extend(p for pobj in child.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
            elif (trigger.lemma_.lower(), child.lower_) in phrases and child.dep_ in ("dobj", "dative", "attr", "prt", "advmod"):
                # "pledged allegiance to al-Qaeda": the recipient hangs off the object.
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in parts["recipient_preps"]:
                        recipients.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
            elif child.dep_ in ("dobj", "dative", "attr") and not topic_only:
                recipients.extend(_with_conjuncts(child))
            if child.dep_ in ("prep", "conj") and child.lower_ in parts["recipient_preps"] + parts["between"] and not (
                    trigger.lemma_ in parts["beneficiary_words"] and child.lower_ in ("from", "against")):  # "defend X from Y": Y is no beneficiary
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        (actors if child.lower_ in parts["between"] else recipients).extend(_with_conjuncts(pobj))
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actors.extend(_with_conjuncts(pobj))
            if child.dep_ == "prep" and child.lower_ in parts["ally_preps"]:
                # "fought alongside rebels against the army": the enemy hangs on the ally
                recipients.extend(p for pobj in child.children if pobj.dep_ == "pobj" for prep in pobj.children
                                  if prep.dep_ == "prep" and prep.lower_ == "against" for q in prep.children if q.dep_ == "pobj"
                                  for p in _with_conjuncts(q))
        if passive:
            recipients = subj + recipients
        else:
            actors = subj + actors
        return actors, recipients
    # "the agreement reached between A and B", "talks held in Doha between A and B"
    reached = [p for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN" for p in c.children
               if p.dep_ == "prep" and p.lower_ in parts["between"]]
    for child in [*trigger.children, *reached]:
        if child.dep_ == "poss":
            actors.extend(_with_conjuncts(child))
        if child.dep_ in ("compound", "amod") and child.pos_ in ("PROPN",):
            actors.append(child)
        if child.dep_ == "prep" and child.lower_ in parts["between"]:
            actors.extend(_between(child))
        if child.dep_ == "prep" and child.lower_ in ("from", "against") and trigger.lemma_ in parts["beneficiary_words"]:
            continue  # "support against ISIL"
        if child.dep_ == "prep" and child.lower_ in parts["recipient_preps"] + ["of", "by", "for"]:  # "support for X"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    target = actors if child.lower_ == "by" else recipients
                    target.extend(_with_conjuncts(pobj))
    # "IS launched an attack on ...": the light verb's subject acts.
    head = trigger.head
    light = parts["light_verbs"] + (parts["party_verbs"] if symmetric else [])
    phrase = trigger
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        # "held a first round of talks with X": a measure noun stands between the verb
        # and the trigger, and may carry the other party.
        phrase = head.head
        for prep in phrase.children:
            if prep.dep_ == "prep" and prep.lower_ in parts["recipient_preps"]:
                recipients.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
    verb = phrase.head
    if phrase.dep_ == "pobj" and verb.lower_ == "with" and verb.head.lemma_ in light:
        # "provide the government with military support": the verb's object receives it
        verb = verb.head
        recipients.extend(t for c in verb.children if c.dep_ in ("dobj", "dative") for t in _with_conjuncts(c))
        phrase = trigger.head
    if phrase.dep_ in ("dobj", "nsubjpass", "attr", "prep") and verb.lemma_ in light:
        subj, _ = _subject_tokens(verb)
        actors = subj + actors
        if not recipients:  # "applying pressure to the regime", "provided support to Hamas"
            for prep in (c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "on", "for", "against")):
                recipients.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
    # "it was in direct contact with X", "the two are at war with Y".
    if trigger.dep_ == "pobj" and head.lower_ in ("in", "at") and head.head.lemma_ == "be":
        subj, _ = _subject_tokens(head.head)
        actors = subj + actors
    return actors, recipients


def _in_own_phrase(doc: Doc, i: int, anchor: int) -> bool:
    """Whether token `i` lies in the anchor's own phrase: its subtree without the
    coordinated or subordinate clauses that have their own subject ("accused ..., and
    their fighters clashed in 2014": the date belongs to the clash; "killed dozens
    since the group split from it in 2015": the split's). Climbs from `i` to the
    anchor, which costs the depth of the parse, not the size of the phrase."""
    t = tree(doc)
    while i != anchor:
        head = t.heads[i]
        if head == i:
            return False
        if t.deps[i] in ("conj", "cc") and t.pos[i] in ("VERB", "AUX"):
            return False
        if t.deps[i] in ("advcl", "relcl") and any(t.deps[g] in ("nsubj", "nsubjpass") for g in t.children[i]):
            return False
        i = head
    return True


def _when(trigger: Token, claim: Claim | None, document: Document, dates: list, narrative: When | None = None) -> object:
    """The date in the trigger's own phrase (or its verb's, for a noun trigger), or in
    the phrase of the clause that governs it ("On 14 February militants attacked the
    post, killing 12": the killing's). A date told relative to the story ("the
    following day") counts from `narrative`, the last event date of the paragraph."""
    sent = sentence_of(trigger)
    dates = [ent for ent in dates if sent.start <= ent.root.i < sent.end]
    if not dates:
        return None  # most sentences have none
    doc = trigger.doc
    anchors = [trigger.i]
    if trigger.pos_ != "VERB" and trigger.head.pos_ in ("VERB", "AUX"):
        anchors.append(trigger.head.i)
    governed = trigger if trigger.pos_ == "VERB" else trigger.head
    while governed.dep_ in ("advcl", "xcomp", "conj") and governed.head.i != governed.i and governed.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in governed.children):
        governed = governed.head  # ", killing 12": the clause has no subject of its own
        anchors.append(governed.i)
    candidates = []
    for ent in dates:
        if not any(_in_own_phrase(doc, ent.root.i, a) for a in anchors):
            continue
        if claim and not (claim.content_span.start <= ent.start_char and ent.end_char <= claim.content_span.end):
            continue  # a date outside the content dates the statement, not the event
        candidates.append((abs(ent.root.i - trigger.i), ent))
    for _, ent in sorted(candidates, key=lambda c: c[0]):
        when = _from_narrative(ent.text, narrative) or normalize(ent.text, document.published)
        if when:
            when.span = Span(ent.start_char, ent.end_char)
            return when
    return None


class _StoryDates:
    """The dates a story tells its past events by, in the order told ("On 23 January,
    al-Shabaab detonated …"): a later past event with no date of its own happened on
    the last of them (docs/events.md, "Time"). Dates of present or future
    clauses ("will meet on Friday") and of statements ("said on Monday") do not count."""

    def __init__(self, doc: Doc, dates: list, document: Document):
        self.starts: list[int] = []
        self.whens: list[When] = []
        cues = frozenset(lexicon("speech")["cue_verbs"])
        for ent in dates:
            verb = ent.root
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in cues or not _narrated(verb):
                continue
            when = _from_narrative(ent.text, self.whens[-1] if self.whens else None) or normalize(ent.text, document.published)
            if when is not None:
                when.span = Span(ent.start_char, ent.end_char)
                self.starts.append(ent.start_char)
                self.whens.append(when)

    def before(self, at: int) -> When | None:
        """The last story date before `at`."""
        i = bisect_left(self.starts, at)
        return self.whens[i - 1] if i else None


def _dated_sentence(trigger: Token, dates: list) -> bool:
    sent = sentence_of(trigger)
    return any(sent.start <= ent.root.i < sent.end for ent in dates)


def _from_narrative(text: str, narrative: When | None) -> When | None:
    """"the following day", "later that day": counted from the story's last event date
    (data/lexicons/time.toml), when that date is a day."""
    if narrative is None or narrative.precision != "day" or narrative.start is None:
        return None
    offset = lexicon("time")["narrative_offsets"].get(" ".join(text.lower().split()).removeprefix("on ").removeprefix("by "))
    if offset is None:
        return None
    day = (date.fromisoformat(narrative.start) + timedelta(days=offset)).isoformat()
    return When(day, day, "day", text)


def _narrated(trigger: Token) -> bool:
    """A past event told in the story's order ("Three soldiers were killed"): it takes
    the date of the last past event told before it (docs/events.md, "Time").
    Present and future events, and those under a claim's present tense, do not."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBD", "VBN"}) and not tags & {"MD", "VBZ", "VBP"} and verb.tag_ != "VBG" or \
        (verb.tag_ == "VBG" and verb.dep_ == "advcl" and _narrated(verb.head))


_LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "across", "inside"})


def _where(trigger: Token, index: ActorIndex) -> str | None:
    """A place in a locative phrase under the trigger (or under its verb, for a noun)."""
    head = trigger if trigger.pos_ == "VERB" else trigger.head
    doc, t = trigger.doc, tree(trigger.doc)
    sent = sentence_of(trigger)
    preps = [doc[i] for i in range(sent.start, sent.end) if t.deps[i] == "prep"]
    preps = [p for p in preps if p.lower_ in _LOCATIVE]
    for node in (trigger, head):
        for prep in preps:
            if not _in_own_phrase(doc, prep.i, node.i):
                continue
            for pobj in prep.children:
                m = index.mention_for_token(pobj)
                if m and index.actors[m.actor].kind in PLACE_KINDS:
                    return m.actor
    return None


def _claim_for(span: Span, claims: list[Claim]) -> Claim | None:
    inside = [c for c in claims if c.content_span.contains(span)]
    return min(inside, key=lambda c: c.content_span.end - c.content_span.start) if inside else None


def _for_purpose(verb: Token, t: Triggers) -> TriggerType | None:
    """"joined the US and its partners for talks": the talks say what the joining
    was; a meeting's type, not cooperation's."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            kind = t.nouns.get(pobj.lemma_.lower())
            if kind is not None and kind.type == "CONSULT":
                return kind
    return None


def _in_a_fight(support: Token, t: Triggers) -> bool:
    """Support given in a fight ("air support for ground forces focused on defeating
    ISIL", "supported the army in its efforts to defeat ISIL"): a fight is named in
    the phrase the support governs, or the purpose of the verb that gives it."""
    scope = list(support.subtree)
    if support.dep_ == "dobj":  # "provided air support …, focused on defeating ISIL"
        scope += [t for c in support.head.children if c.dep_ in ("advcl", "xcomp") for t in c.subtree]
    for tok in scope:
        if tok.i == support.i or tok.pos_ not in ("VERB", "NOUN"):
            continue
        matched = _match_trigger(tok, t)
        if matched is not None and matched[0].relations_by_word.get(tok.lemma_.lower(), matched[0].relation) == "fights":
            return True
    return False


def _match_trigger(token: Token, t: Triggers) -> tuple[TriggerType, bool] | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        for child in token.children:
            key = (lemma, child.lower_)
            if key in t.phrases and child.dep_ in ("dobj", "prt", "advmod", "prep"):
                return t.phrases[key], False
        if lemma in t.verbs:
            if any(c.lower_ in t.verbs[lemma].not_with.get(lemma, ()) for c in token.children if c.dep_ in ("prep", "prt")):
                return None
            return _for_purpose(token, t) or t.verbs[lemma], False
    # The tagger sometimes calls a rare noun an adjective ("rapprochement between").
    nominal = token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"))
    if nominal and (lemma in t.nouns or token.lower_ in t.nouns) and not token.ent_type_:
        return t.nouns.get(lemma) or t.nouns[token.lower_], True
    return None


def extract_events(document: Document, doc: Doc, index: ActorIndex, claims: list[Claim],
                   disabled: frozenset[str] = frozenset()) -> tuple[list[Event], list[Relation]]:
    """Events, and the relations between their participants that they imply (the
    relations stage adds the rest); every record names its rule (data/rules.toml), and
    the event rules in `disabled` make nothing."""
    lex = lexicon("events")
    t = triggers()
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    participants = _Participants(index)
    speaker_spans = [c.speaker_span for c in claims]
    events: list[Event] = []
    relations: list[Relation] = []
    story = _StoryDates(doc, dates, document)
    trigger_words = t.words
    for token in tokens_where(doc, lemmas=trigger_words):
        matched = _match_trigger(token, t)
        if matched is None:
            continue
        kind, is_noun = matched
        rule = "events.trigger-noun" if is_noun else "events.trigger-verb"
        if kind.type == "ASSAULT" and not is_noun and _verbal_attack(token, lex["verbal_attack"]):
            kind, rule = t.verbs["accuse"], "events.verbal-attack"  # "sharply attacked X in a speech"
        if token.dep_ == "xcomp" and token.head.lemma_ in lex["participants"]["request_verbs"]:
            continue  # "urged jihadists to unite": asked for, not claimed; the REQUEST carries it
        symmetric = kind.relations_by_word.get(token.lemma_.lower(), kind.relation) in symmetric_types()
        actor_toks, recipient_toks = _participants(token, is_noun, lex, symmetric)
        actors = _dedupe(participants.mentions(actor_toks))
        allies = [] if is_noun else [m for m in _dedupe(participants.mentions(_alongside(token, lex))) if m.actor not in {a.actor for a in actors}]
        recipients = [m for m in _dedupe(participants.mentions(recipient_toks)) if m.actor not in {a.actor for a in actors + allies}]
        if token.lemma_ in lex["participants"]["place_verbs"]:
            recipients = [m for m in recipients if index.actors[m.actor].kind not in PLACE_KINDS]
        reciprocal = any(t.lower_ in ("other", "another") and t.i > token.i for t in recipient_toks)
        object_named = any(c.dep_ == "dobj" for c in token.children)  # "targeting individuals who …": the object is no actor
        # "…in North Darfur, which killed two aid workers": the subject is named, just not a party.
        relative = any(c.dep_ == "nsubj" and relative_noun(c) is not None for c in token.children)
        if kind.relation in NEAREST_FALLBACK and (bool(actors) != bool(recipients)) and not (actors and object_named) and not allies \
                and not relative:
            # The parse found one side only: take the nearest actor on the other
            # side of the trigger in the same clause ("..., the Assad regime is using
            # to kill civilians"). Marked by the relation's lower confidence.
            near = _nearest(index, token, before=not actors, taken={m.actor for m in actors + recipients}, speakers=speaker_spans)
            if near is not None:
                (actors if not actors else recipients).append(participants.resolve_description(near, doc))
                rule = "events.nearest-party"
        if not actors and not recipients:
            continue
        if kind.type == "CONSULT" and len(actors) + len(recipients) < 2:
            continue  # a meeting takes two: "has called its commanders apostates" is none
        trigger_span = _span(token)
        claim = _claim_for(trigger_span, claims)
        modality, condition = modality_of(token, claim)
        event_type = kind.type
        if event_type == "ASSAULT" and token.lemma_ == "kill" and any(_is_leader(index, m) for m in recipients):
            event_type, rule = "LEADER_KILLED", "events.leader-killed"
        if rule in disabled:
            continue
        told_before = story.before(token.idx)
        when = _when(token, claim, document, dates, told_before)
        if when is None and told_before is not None and told_before.precision == "day" and _narrated(token) \
                and not _dated_sentence(token, dates) and event_type not in lexicon("time")["said_types"]:
            when = replace(told_before)  # "Three soldiers were killed": the day told before
        event = Event(
            id=f"e{len(events) + 1}",
            type=event_type,
            trigger=token.text,
            trigger_span=trigger_span,
            evidence_span=sentence_span(sentence_of(token)),
            actors=[m.actor for m in actors + allies],
            recipients=[m.actor for m in recipients],
            actor_spans=[m.span for m in actors + allies],
            recipient_spans=[m.span for m in recipients],
            mode=kind.modes.get(token.lemma_.lower()),
            when=when,
            where=_where(token, index),
            modality=modality,
            condition=condition,
            claim=claim.id if claim else None,
            rule=rule,
        )
        events.append(event)
        rel_type = kind.relations_by_word.get(token.lemma_.lower(), kind.relation)
        rel_rule = "relations.event-parties"
        if rel_type == "supports" and token.lemma_.lower() in lex["participants"]["material_support"] and _in_a_fight(token, t):
            rel_type, rel_rule = "allied_with", "relations.support-in-fight"  # "backed the army in its fight against ISIL": a side in that fight
        if rel_type and event_type != "LEADER_KILLED":
            # Co-actors are paired ("A and B clashed") unless the trigger names an
            # object that went unresolved ("A and B vowed to defeat these terrorists").
            pair_actors = (reciprocal or not any(t.dep_ == "dobj" and t.lemma_.lower() not in lex["co_actors"]["fight_objects"]
                                                 for t in recipient_toks)) and not allies
            if rel_type == "splinter_of":  # "cut military ties with France" is diplomacy, no split
                recipients = [r for r in recipients if index.actors[r.actor].kind != "state"]
            mutual = rel_type == "fights" and _mutual_fight(token, reciprocal, lex["co_actors"])
            if rel_type == "fights" and not recipients and not allies and not mutual:
                # One side and no enemy named: "army units, tribal fighters and militiamen
                # launched the offensive together" are allies, not enemies of each other.
                relations.extend(_relations_from(event, "allied_with", actors, [], pair_actors=True, rule="relations.sides-of-a-fight"))
                continue
            relations.extend(_relations_from(event, rel_type, actors + allies, recipients, reciprocal, pair_actors, rule=rel_rule))
            if rel_type == "fights" and not mutual:
                # Sides of one fight: "A and B attacked C", "A fought alongside B", "A and
                # B bombed the province" (an object named, if no party).
                side = actors + allies if (recipients or allies or object_named) and not reciprocal else []
                relations.extend(_relations_from(event, "allied_with", side, [], pair_actors=True, rule="relations.sides-of-a-fight"))
    return events, relations


def _verbal_attack(verb: Token, words: dict) -> bool:
    """"sharply attacked the group's chief in a speech", "attacked the Islamic State for
    its brutality", "attacked the decision": words, not arms (events.toml [verbal_attack])."""
    if verb.lemma_.lower() not in words["verbs"]:
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in words["adverbs"]:
            return True
        if child.dep_ == "dobj" and child.lemma_.lower() in words["topic_nouns"]:
            return True
        if child.dep_ != "prep":
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if child.lower_ in ("in", "during", "through", "on", "via") and pobj.lemma_.lower() in words["channel_nouns"]:
            return True
        if child.lower_ in words["reason_preps"] and pobj.lemma_.lower() not in words["time_nouns"] and \
                (pobj.tag_ == "VBG" or any(c.dep_ == "poss" for c in pobj.children)):
            return True  # "for its brutality", "over its pledge", not "for hours"
    return False


def _mutual_fight(trigger: Token, reciprocal: bool, words: dict) -> bool:
    """Co-actors of a fight fight each other ("A and B clashed", "fought a border war",
    "A and B attacked each other"), unless marked as one side ("launched the offensive
    together", "a joint operation")."""
    around = [*trigger.children, *trigger.head.children] if trigger.pos_ == "NOUN" else list(trigger.children)
    if any(t.lower_ in words["joint_marks"] for t in around) or trigger.lower_ in words["joint_marks"]:
        return False
    if reciprocal or trigger.lemma_.lower() in words["reciprocal"] or trigger.lower_ in words["reciprocal"]:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in words["fight_objects"] for c in trigger.children)


def _nearest(index: ActorIndex, trigger: Token, before: bool, taken: set, speakers: list[Span]) -> Mention | None:
    """The closest actor mention to one side of a trigger within its sentence, not
    past a clause break (a semicolon, or a comma before a new subject)."""
    sent = sentence_of(trigger)
    lo, hi = (sent.start_char, trigger.idx) if before else (trigger.idx + len(trigger.text), sent.end_char)
    text = index.document.text  # Doc.text would rebuild the whole text
    places = _words("not_a_party_after")
    between = [m for m in index.mentions_within(lo, hi) if m.actor and m.actor not in taken
               and index.actors[m.actor].kind not in ("location",) and m.label != "NORP"
               and not any(s.overlaps(m.span) for s in speakers)  # "..., a military official said"
               and _word_before(text, m.span.start) not in places]  # "In Syria, near Raqqa, three strikes hit ISIS"
    if not between:
        return None
    best = max(between, key=lambda m: m.span.end) if before else min(between, key=lambda m: m.span.start)
    gap = text[best.span.end : trigger.idx] if before else text[trigger.idx + len(trigger.text) : best.span.start]
    if ";" in gap or len(gap) > 80:
        return None
    if not before and set(gap.lower().split()) & _words("not_a_party_after"):
        return None  # "clashed in northern Syria", "fight under the banner of X"
    return best


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 20) : start].split()
    return words[-1].lower() if words else ""


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in mentions:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append(m)
    return out


def _is_leader(index: ActorIndex, mention: Mention) -> bool:
    actor = index.actors[mention.actor]
    entry = index.kb.get(actor.kb_id)
    return bool(entry and any(r.get("role") in ("leader", "commander", "secretary-general") for r in entry.roles))


def _relations_from(event: Event, rel_type: str, actors: list[Mention], recipients: list[Mention], reciprocal: bool = False,
                    pair_actors: bool = True, *, rule: str) -> list[Relation]:
    out = []
    pairs = [(a, r) for a in actors for r in recipients]
    if not recipients and pair_actors and (rel_type in symmetric_types() or reciprocal):
        # "A and B clashed", "talks between A and B"; "A and B accused each other".
        pairs = list(combinations(actors, 2))
        if reciprocal and rel_type not in symmetric_types():
            pairs += [(b, a) for a, b in pairs]
    for source, target in pairs:
        if source.actor == target.actor:
            continue
        out.append(
            Relation(
                type=rel_type, source=source.actor, target=target.actor,
                source_span=source.span, target_span=target.span, evidence_span=event.evidence_span,
                modality=event.modality, claim=event.claim, event=event.id, when=event.when, rule=rule,
            )
        )
    return out


def _affiliate_description(m: Mention) -> bool:
    words = m.text.lower().split()
    return bool(words) and words[-1] in lexicon("events")["roles"]["affiliate_heads"]


def _known_as(tok: Token, index: ActorIndex) -> Mention | None:
    """", known as ISIS-K," / ", also called X,": the name the description goes by."""
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_ in ("know", "call", "name")):
        for prep in (c for c in acl.children if c.dep_ in ("prep", "oprd") ):
            for name in (prep, *prep.children):
                m = index.mention_for_token(name)
                if m is not None and m.actor and m.basis not in ("nominal", "pronoun"):
                    return m
    return None
