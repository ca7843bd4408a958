"""When an event happened: a date in the trigger's own phrase or in that of the
clause governing it; one told relative to the story ("the following day") counted
from the last date told; and for a later past event with no date of its own, the
day the story last told (docs/events.md, "Time"; words in data/lexicons/time.toml)."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from factions.dates import MONTH_NAMES, from_story, names_no_time, normalize, story_offset, weekday_ahead
from factions.events.arguments import taking_part
from factions.events.triggers import triggers
from factions.lexicons import lexicon
from factions.model import Claim, Document, Span, When
from factions.nlp import semicolon_between, sentence_numbers, sentence_of, sentence_starts, span_over, tree
from factions.nlp.components import _WEEKDAYS, note_labels


def _said_day(claim: Claim | None, ent) -> date | None:
    """The day a claim was said on, read in the text, for a date inside what it says: "the
    ministry said on 3 May 2021 that its troops would pull back next week" (the week after
    the 3rd, not after the story's publication)."""
    if claim is None or claim.said_on is None or claim.said_on_basis != "text" or claim.said_on.precision != "day" \
            or not claim.says(Span(ent.start_char, ent.end_char)):
        return None
    return date.fromisoformat(claim.said_on.start)


def _yet_to_come(trigger: Token) -> bool:
    """Whether an act is told as to come: its verb, or the verb it is the infinitive or
    object of, with "will", "would", "shall" or "'ll" ("Pakistan would release the pilot on
    Friday", "will begin to withdraw on Monday")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo") for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "dobj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _in_own_phrase(doc: Doc, i: int, anchor: int) -> bool:
    """Whether token `i` lies in the anchor's own phrase: its subtree without the
    coordinated or subordinate clauses that have their own subject ("accused ..., and
    their fighters clashed in 2014": the date belongs to the clash; "killed dozens
    since the group split from it in 2015": the split's), and without the phrase of a
    noun that names another act, its cause or what came before ("raided a village in
    reprisal for an attack on 3 May": the attack's date; `_names_another_act`), and
    without a clause on its subject ("The militia, founded on 3 May 2013, attacked": the
    party's date), nor a participle on its object ("pardoned 49 soldiers arrested in July 2022":
    the arrest's). Verbs coordinated under one subject share a date ("shelled and launched
    drones at the positions on 23 December": the shelling's too). Climbs from `i` to the anchor, which
    costs the depth of the parse, not the size of the phrase."""
    t = tree(doc)
    acts = _act_nouns()
    came_from = None
    start = i
    while i != anchor:
        head = t.heads[i]
        if head == i:
            return False
        if _another_acts(doc, t, i, came_from, acts):
            return False  # "arrested six suspects over an attack on 3 May": the date is that attack's
        if t.deps[i] in ("conj", "cc") and t.pos[i] in ("VERB", "AUX") \
                and any(t.deps[g] in ("nsubj", "nsubjpass") for g in t.children[i]):
            return False  # a coordinated clause with its own subject has its own date
        if t.deps[i] in ("acl", "relcl") and t.deps[head] in ("nsubj", "nsubjpass") and t.heads[head] == anchor and start > head:
            # a clause on the subject describes the party ("The militia, founded on 3 May 2013,
            # attacked"); not a date that opens the sentence before it ("On 11 October,
            # aircraft, believed to be Israeli, struck": the parser may hang it on the clause)
            return False
        if _infinitive_of_its_own(doc, t, i, anchor):
            return False  # ("agreed to a truce, to begin the next day": the truce's start, not the agreement's)
        if t.deps[i] == "acl" and t.pos[i] == "VERB" and t.deps[head] == "dobj" and t.heads[head] == anchor and doc[i].tag_ == "VBN" \
                and doc[i].lemma_.lower() in triggers().verbs:
            return False  # ("pardoned 49 soldiers arrested at the airport in July 2022": the arrest's time, the object's
            # past; an act's only, on the verb's own object: "in a recording released in March, X urged" is the
            # recording's, "militants linked to al-Qaeda on 12 June" may be the parser's hanging)
        if t.deps[i] == "acl" and t.pos[i] == "VERB" and doc[i].tag_ in ("VBN", "VBD") and t.deps[head] == "pobj" \
                and doc[t.heads[head]].lower_ in _BEFORE_OR_AFTER and t.heads[t.heads[head]] == anchor \
                and doc[i].lemma_.lower() in triggers().verbs:
            return False  # ("signed a framework agreement, following a declaration agreed in July": the earlier act's)
        if t.deps[i] in ("advcl", "relcl") and any(t.deps[g] in ("nsubj", "nsubjpass") for g in t.children[i]) \
                and not (t.deps[i] == "advcl" and _same_time(doc, t, i)) and not _in_progress(doc, t, i):
            return False  # ("shot dead as he left a rally on 9 August": the clause's time is the act's)
        came_from = i
        i = head
    return True


def _same_time(doc: Doc, t, i: int) -> bool:
    """Whether the clause `i` is told as at the time of the one it hangs on: "as", "when",
    "while" ("shot dead as he left a rally on 9 August"), or close after or before it
    ("Shortly after rocket fire began on 7 October, gunmen reached …"; time.toml
    close_in_time)."""
    marks = [g for g in t.children[i] if t.deps[g] in ("mark", "advmod")]
    if any(doc[g].lower_ in _SIMULTANEOUS for g in marks):
        return True
    close = _words().close_in_time
    # (the span may hang on the mark or on the clause's verb: "Hours after fighters overran …")
    return any(doc[g].lower_ in ("after", "before") for g in marks) and any(
        doc[g].lower_ in close for g in (*marks, *(c for m in marks for c in t.children[m]), *t.children[i])
        if t.deps[g] in ("advmod", "npadvmod"))


def _in_progress(doc: Doc, t, i: int) -> bool:
    """Whether the relative clause `i` tells what its noun was doing at the time ("killed
    workers who were building bridges … on 2 December"): its time is the act's."""
    return t.deps[i] == "relcl" and doc[i].tag_ == "VBG" and any(t.deps[g] == "aux" and doc[g].lower_ in ("was", "were") for g in t.children[i])


def _infinitive_of_its_own(doc: Doc, t, i: int, anchor: int) -> bool:
    """Whether token `i` heads an infinitive with a time of its own: one on another noun than
    the act's ("agreed to a truce to begin the next day"), one set off by a comma ("agreed
    to a truce, to begin the next day") or the act a threat or a vow is of (time.toml
    intent_verbs: "threatened to withdraw on 10 May"); not the act's own purpose ("launched an
    offensive to retake Mosul on 17 October")."""
    if t.deps[i] not in ("acl", "xcomp", "advcl") or not any(t.deps[g] == "aux" and doc[g].lower_ == "to" for g in t.children[i]):
        return False
    if t.deps[i] == "acl":
        return t.heads[i] != anchor
    if t.deps[i] == "xcomp" and doc[t.heads[i]].lemma_.lower() in _words().intent_verbs:
        return True  # ("threatened to pull his units out on 10 May": the day the pull-out was to be, not the threat's)
    first = min([i, *(g for g in t.children[i] if g < i)])
    return first > 0 and doc[first - 1].text == ","


# Subordinators of a clause that happens at the same time as the one it hangs on.
_SIMULTANEOUS = frozenset(("as", "when", "while"))


def dates_by_sentence(dates: list) -> dict[int, list]:
    """The date entities by the sentence their root is in (its first token), in text
    order: each trigger reads its own sentence's only."""
    out: dict[int, list] = {}
    for ent in dates:
        out.setdefault(sentence_of(ent.root).start, []).append(ent)
    return out


def _when(trigger: Token, claim: Claim | None, document: Document, dates: list, story_before=None) -> object:
    """The date in the trigger's own phrase (or its verb's, for a noun trigger), or in
    the phrase of the clause that governs it ("On 14 February militants attacked the
    post, killing 12": the killing's), among `dates`, those of the trigger's sentence
    (`dates_by_sentence`). A date told relative to the story ("the following day")
    counts from the last date told before it, a statement's or a report's too
    (`story_before(offset)`: `_StoryDates.told_before`)."""
    if not dates:  # most sentences have none
        return _day_said(claim) if _going_on_when_said(trigger, claim) or _done_by_saying(trigger, claim) else None
    doc = trigger.doc
    anchors = [trigger.i]
    if (trigger.pos_ != "VERB" or trigger.dep_ in ("nsubj", "nsubjpass")) and trigger.head.pos_ in ("VERB", "AUX"):
        anchors.append(trigger.head.i)  # "fighting broke out on 16 January": the fight's date
    elif trigger.pos_ != "VERB" and trigger.dep_ == "pobj" and trigger.head.lower_ in _FRAMING_PREPS \
            and (framed := _framed_verb(trigger.head.head)) is not None and framed.lemma_.lower() not in _words().in_connection_verbs:
        # "were killed in clashes … on 15 June", "came under attack on 10 December": the
        # act the verb tells happened in it, on the verb's date (not "were arrested on 3 May
        # in the bombing of the station": in connection with it)
        anchors.append(framed.i)
    joined = taking_part(trigger, lexicon("events")["participants"]["participation"])
    if joined is not None:
        anchors.append(joined.i)  # "set off on a march on 26 November": the march's date
    governed = trigger if trigger.pos_ == "VERB" else trigger.head
    while governed.dep_ in ("advcl", "xcomp", "conj") and governed.head.i != governed.i and governed.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in governed.children):
        governed = governed.head  # ", killing 12": the clause has no subject of its own
        anchors.append(governed.i)
    if governed.dep_ in ("advcl", "relcl") and (governed.head.pos_ in ("VERB", "AUX") or governed.head.ent_type_ == "DATE") \
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in _SIMULTANEOUS for c in governed.children) \
            and governed.head.lemma_.lower() not in _cue_verbs() \
            and not any(_in_own_phrase(doc, ent.root.i, a) for ent in dates for a in anchors):
        # "died on 16 November when a bomb hit their patrol" (the clause on the verb, or on
        # the day): a clause told as at the time of what it hangs on, with no date of its
        # own, is dated by it (not by a statement it hangs on: "X said on Monday, as …")
        anchors.append(governed.head.i)
    told = _occurred(trigger)
    if told is not None:
        anchors.append(told.i)
    going_on = _going_on_when_said(trigger, claim)
    done_by_saying = _done_by_saying(trigger, claim)
    if going_on or done_by_saying:
        # (the order's date: "ordered troops deployed"; the announcement's: "announced $5
        # million in aid")
        anchors.append(trigger.head.i if trigger.pos_ == "VERB" else _cue_of_the_act_named(trigger).i)
    candidates = []
    reported = []  # dates of a report the event is in ("as reported on"), the last resort
    for ent in dates:
        if not any(_in_own_phrase(doc, ent.root.i, a) for a in anchors) or _names_a_thing(ent, anchors) or _bounds_another(ent, anchors) \
                or _day_given_beside(ent) or names_no_time(ent.text):
            continue  # (nor a span of time, which dates nothing and would hide the dates below: "two days after seizing X")
        if trigger.pos_ == "VERB" and _scheduled(ent) and _told_in_past(trigger):
            continue  # "detained X, the front-runner in the run-off due on 29 April": the run-off's day
        if _term_of_an_agreement(ent, trigger):
            continue  # "agreed to a ceasefire from 1 October": the ceasefire's term, not the day agreed
        if _dates_the_claim(doc, ent, claim) and not done_by_saying and not going_on:
            continue  # a date in the cue's own phrase dates the statement, not the event ("said on Monday")
        if _dates_a_statement(ent) and _governing_verb(ent.root).i not in anchors:
            if story_offset(ent.text) is None:  # (one told from the act, "claimed two days later by IS", dates only the claim)
                reported.append(ent)
            continue  # "As reported on 31 January, BLA fighters attacked …": the report's date ("clashes were reported on 26 November": theirs)
        candidates.append((abs(ent.root.i - trigger.i), ent))
    if not candidates and not reported and claim is not None and trigger.pos_ == "VERB" and _told_in_past(trigger) \
            and not going_on and not done_by_saying and claim.says(Span(trigger.idx, trigger.idx + len(trigger))):
        # a past act told with no date of its own by an announcement dated to its day is dated
        # by it, as coders date it (time.toml announcing_cues: "announced on 1 April that the two
        # sides had agreed to a truce", "X took the town, President Y announced on Sunday (8
        # November)"); not an act the cue names as its object ("condemned the attack on Tuesday")
        cue = span_over(doc, claim.cue_span.start, claim.cue_span.end)
        if cue is not None and cue.root.lemma_.lower() in _words().announcing_cues:
            reported = [ent for ent in dates if _dates_the_claim(doc, ent, claim) and story_offset(ent.text) is None]
    if not candidates and not reported and (going_on or done_by_saying):
        return _day_said(claim)
    if not candidates and reported:
        # with no date of its own, the event is dated by its report, as coders date it
        # ("… blocked the highway in Tel Aviv, as reported on 5 July 2023")
        candidates = [(0, reported[0])]
    if not candidates:
        # A date that opens the sentence frames it, whatever the parse made of the rest
        # ("On 7 March 2024, armed bandits abducted …" read as a noun and its participle),
        # for a past act told in a clause: not a verb of saying's date ("On Monday the army
        # said …"), nor a header's ("No: 214, 17 July 2025, Press Release Regarding the
        # Terrorist Attack"), nor a present state's ("On Tuesday, I met X, and I remain in
        # contact with Y").
        if not _told_in_past(trigger):
            return None
        sent = sentence_of(trigger)
        candidates = [(0, ent) for ent in dates if _opens_sentence(ent, sent) and not _dates_a_statement(ent)
                      and not _dates_the_claim(doc, ent, claim) and not _names_a_thing(ent, anchors)][:1]
    # Of several dates, the one in the trigger's own clause before one in a clause on it
    # ("Protesting the result of the 28 July election, supporters clashed … on 29 July"), then
    # one told with the act before the note's label ("KABUL, 22 April: … attacked the base on
    # Friday (21 April)": the label is the day of the report), then
    # the most precise ("marched against the Finance Bill 2024 … on Tuesday 18 June 2024"),
    # then the nearest.
    found = []
    for distance, ent in candidates:
        anchor = _year_told_before(ent) or _said_day(claim, ent) or document.published
        when = (_yet_to_come(trigger) and weekday_ahead(ent.text, anchor)) \
            or from_story(ent.text, story_before(ent.start_char) if story_before else None) or normalize(ent.text, anchor)
        if when:
            when.span = Span(ent.start_char, ent.end_char)
            found.append((_in_a_clause(doc, ent.root.i, anchors), _in_label(ent), -_PRECISION.get(when.precision, 0), distance, when))
    return min(found, key=lambda f: f[:4])[4] if found else None


def _framed_verb(head: Token) -> Token | None:
    """The verb whose act a framing preposition's event holds: the verb the preposition hangs
    on, or the verb whose object it hangs on ("killed 31 guerrillas in a day-long gunfight …
    on Friday", which the parser may hang on "guerrillas")."""
    while head.dep_ == "appos" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _term_of_an_agreement(ent, trigger: Token) -> bool:
    """Whether a date opens or closes the term of what an agreement's verb agrees to ("agreed
    to a ceasefire from 1 October", "until 9 January"; time.toml agreeing_verbs, term_openers):
    the term of the thing agreed, whatever the parse hangs it on."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _words().agreeing_verbs:
        return False
    words = _words().term_openers
    doc, before = ent.doc, ent.start - 1
    while before >= 0 and doc[before].lower_ in ("on", "at", "midnight", "noon", "of"):
        before -= 1  # ("from midnight on 10 April")
    return before > trigger.i and doc[before].lower_ in words


def _scheduled(ent) -> bool:
    """Whether a date is one set for what is planned: right after a word of scheduling, or
    its "on" or "for" (time.toml scheduling_words: "due on 29 April", "scheduled for 3 May")."""
    doc, before = ent.doc, ent.start - 1
    if before >= 0 and doc[before].lower_ in ("on", "for"):
        before -= 1
    return before >= 0 and doc[before].lemma_.lower() in _words().scheduling_words and doc[before].pos_ in ("ADJ", "VERB")


def _day_given_beside(ent) -> bool:
    """Whether a weekday has its date beside it ("on Friday (21 April)", "on Sunday, 9
    June"): the date says the day, which the weekday alone would count back from the
    publication date."""
    return len(ent) == 1 and ent.text in _WEEKDAYS \
        and any(c.dep_ in ("appos", "npadvmod") and c.ent_type_ == "DATE" for c in ent.root.children)


def _bounds_another(ent, anchors: list[int]) -> bool:
    """Whether a date only bounds something else than the act: a comparison's span ("drove
    the army out of Konna, their first push beyond the front line since April 2012", "the
    deadliest attack since 2015": a first or a superlative since then; not "the last army
    stronghold, since May 2024", the parser's hanging of the act's own start) or another
    verb's deadline ("imposed an oil embargo, phasing out existing contracts by 1 July").
    "Since" on the act's own verb is its start ("has besieged the city since May 2024"); a
    deadline that opens its sentence is the time by which the act was done ("By 3 May, the
    rebels had taken the town")."""
    prep = ent.root.head
    bounded = prep.head
    if ent.root.dep_ != "pobj" or _opens_sentence(ent, ent.sent):
        return False
    if prep.lower_ == "since":
        return bounded.pos_ in ("NOUN", "PROPN") and any(c.tag_ == "JJS" or c.lower_ in ("first", "only")
                                                          for c in bounded.children if c.dep_ in ("amod", "advmod"))
    return prep.lower_ == "by" and bounded.pos_ == "VERB" and bounded.i not in anchors


def _names_a_thing(ent, anchors: list[int]) -> bool:
    """Whether a date names a thing other than the act ("in protest at the results of the
    9 October election", "under the 2010 military service law", "Sunday's vote" as a thing
    spoken of): it is that thing's date, not the act's. Not the act's own noun ("the 3 May
    attack"), an occasion the act took place at or during ("during the 14 July
    celebrations", "at Saturday's march"), an act at or under which it was done ("killed in
    the 15 June clashes") or the act's product ("signed the 2016 peace accord")."""
    noun = _named_noun(ent)
    if noun is None or noun.i in anchors or _occasion_of(noun, anchors):
        return False
    if noun.lemma_.lower() not in _act_nouns():
        return True
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in anchors and _one_kind_of_act(noun, noun.head):
        return False  # ("had signed the 2016 peace accord": the accord is what the signing made; not
        # "marched against the military and the 21 November deal", the deal parsed as the march's object)
    prep = noun.head
    return not (noun.dep_ == "pobj" and (prep.lower_ in _FRAMING_PREPS or prep.lower_ == "at") and prep.head.i in anchors)


def _one_kind_of_act(noun: Token, verb: Token) -> bool:
    """Whether an act noun is of the kind of act its verb names, or the verb names none ("signed
    the 2016 accord", "carried out the 3 May attack"; not a march and a deal)."""
    t = triggers()
    named, doing = t.nouns.get(noun.lemma_.lower()), t.verbs.get(verb.lemma_.lower())
    return named is None or doing is None or named.type == doing.type


def _named_noun(ent) -> Token | None:
    """The noun a date names, as a modifier after a determiner or as a possessive ("the 9
    October election", "its 2019 budget", "Sunday's vote"), else None; not a date opening
    a clause that the parser hung on the subject after it ("On 4 March militants attacked"),
    nor a day's part ("on Monday morning")."""
    root = ent.root
    noun = root.head
    if root.dep_ not in _NAMING_DEPS or noun.i <= root.i or noun.pos_ not in ("NOUN", "PROPN") \
            or noun.lemma_.lower() in _words().day_parts:
        return None
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if root.dep_ != "poss" and (before is None or not (before.pos_ == "DET" or before.tag_ == "PRP$")):
        return None
    return noun


def _occasion_of(noun, anchors: list[int] | None) -> bool:
    """Whether a named thing is an occasion an act took place at or during ("during the 9
    October election", "at Saturday's march"): its date is the act's. With `anchors` None,
    of any verb."""
    prep = noun.head
    return noun.dep_ == "pobj" and (prep.lower_ in _OCCASION_PREPS
                                    or prep.lower_ in ("at", "in") and noun.lemma_.lower() in _words().occasion_nouns) \
        and (anchors is None or prep.head.i in anchors)


def _names_no_act(ent) -> bool:
    """Whether a date names a thing that is no act nor an occasion of one ("the 9 October
    election" whose results were protested, "the 2010 law"): it is no date of the story's
    ("the 3 May attack" is, and so is "during the 14 July celebrations")."""
    noun = _named_noun(ent)
    return noun is not None and noun.lemma_.lower() not in _act_nouns() and not _occasion_of(noun, None)


_NAMING_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "poss"})
# Prepositions of an occasion an act took place during, whatever it is ("during the 9
# October election"); "at" and "in" only of an occasion (time.toml occasion_nouns: "at
# Saturday's march"), not "in protest at the 9 October election results".
_OCCASION_PREPS = frozenset({"during", "amid"})


def _occurred(trigger: Token) -> Token | None:
    """The main verb that says a noun act happened, when the act opens the sentence before it
    ("Fighting between members of the X gang and rival inmates from Y broke out … on 28
    September"; time.toml `occurrence_verbs`): the parser may hang the act elsewhere in a
    long subject, but nothing between them is a clause of its own."""
    if trigger.pos_ not in ("NOUN", "VERB") or trigger.tag_ not in ("NN", "NNS", "VBG"):
        return None
    sentence = sentence_of(trigger)
    root = sentence.root
    if root.i <= trigger.i or root.lemma_.lower() not in _words().occurrence_verbs \
            or (root.lemma_.lower() == "break" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in root.children)):
        return None
    doc = trigger.doc
    if any(t.pos_ not in ("DET", "ADJ", "NUM") for t in doc[sentence.start : trigger.i]):
        return None  # the act opens the sentence ("Heavy fighting", "The clashes"; not "The trial of … the bombing began")
    if any(t.pos_ in ("VERB", "AUX") and (t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis")
                                          or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))
           for t in doc[trigger.i + 1 : root.i]):
        return None  # ("Fighting that the army began …", "Clashes killed four and then spread"): a clause between
    return root


def _another_acts(doc: Doc, t, i: int, came_from: int | None, acts: frozenset[str]) -> bool:
    """Whether a climb from a date that reached token `i` from `came_from` shows the date
    to be another act's, named by the noun `i` (`_names_another_act`)."""
    return came_from is not None and t.deps[came_from] in _ACT_MODIFIERS and _names_another_act(doc, t, i, acts, t.deps[came_from])


def _names_another_act(doc: Doc, t, i: int, acts: frozenset[str], dep: str = "prep") -> bool:
    """Whether token `i` is a noun naming an act of its own after a preposition that ties
    the verb's act to it as its cause or what came before ("over an attack", "in reprisal
    for a raid", "blamed for the bombing", "after the bombing"; not the "for" of what is
    asked: "called for a ceasefire on 2 May" is the call's date), or after any preposition
    on a noun ("suspects in the killing"). `dep` is how the date hangs on the noun."""
    if t.pos[i] != "NOUN" or doc[i].lemma_.lower() not in acts or t.deps[i] != "pobj":
        return False
    prep = t.heads[i]
    if doc[prep].lower_ in _OTHER_ACT_PREPS:
        if dep in ("advmod", "npadvmod"):
            return False  # an adverb of time the parser hangs on it is the verb's ("claimed responsibility for the attack the following day")
        return not (doc[prep].lower_ == "for" and doc[t.heads[prep]].lemma_.lower() in _request_verbs())
    # in the phrase of a noun, not of the verb: "to detain suspects in the killing of the
    # security chief three days earlier" is the killing's date
    return t.pos[t.heads[prep]] in ("NOUN", "PROPN")


@lru_cache(maxsize=1)
def _request_verbs() -> frozenset[str]:
    return frozenset(lexicon("events")["participants"]["request_verbs"])


# How a date hangs on the noun of another act: its phrase ("an attack on 3 May") or a
# modifier ("the 3 May attack"); not a relative time the parser hung there ("claimed the
# attack the following day" is the claim's).
_ACT_MODIFIERS = frozenset({"prep", "compound", "nmod", "amod", "nummod", "advmod", "npadvmod"})


@lru_cache(maxsize=1)
def _act_nouns() -> frozenset[str]:
    """The nouns that name an act of their own (events.toml nouns): a date in their phrase
    is theirs, not the verb's they hang on."""
    return frozenset(noun for e in lexicon("events")["event"] for noun in e.get("nouns", ()))


# Prepositions that tie a verb's act to another act named by a noun, before it or its
# cause: "arrested over an attack on 3 May", "in reprisal for a raid on 2 June", "after the
# bombing on 5 May" (not "agreed to a ceasefire in January": the ceasefire is what was agreed).
_OTHER_ACT_PREPS = frozenset({"over", "for", "after", "before", "since", "following", "about"})

# Prepositions that put a verb's act inside an event named by a noun: "killed in clashes",
# "came under attack", "died during the assault" (not "for the attack", "after the raid").
_FRAMING_PREPS = frozenset({"in", "under", "during", "amid"})
# Prepositions of an act before or after the verb's, whose participle has a time of its own
# ("following a declaration agreed in July").
_BEFORE_OR_AFTER = frozenset({"following", "after", "before", "since"})

# How much a date says: a day before a month, a month before a year.
_PRECISION = {"day": 3, "week": 2, "month": 2, "range": 1, "year": 1}


def _in_a_clause(doc: Doc, i: int, anchors: list[int]) -> bool:
    """Whether token `i` reaches the nearest anchor above it only through a clause of its
    own (a participle, relative or complement clause)."""
    t = tree(doc)
    while i not in anchors:
        head = t.heads[i]
        if head == i:
            return False
        if t.deps[i] in ("advcl", "acl", "relcl", "xcomp", "ccomp", "pcomp"):
            return True
        i = head
    return False


def _governing_verb(token: Token) -> Token:
    """The verb whose clause a word (a date's root) hangs in (a participle modifying a noun,
    "suspected militants", is none); the sentence's root if no verb is."""
    verb = token
    while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("amod", "compound")) and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _dates_a_statement(ent) -> bool:
    """Whether the verb a date hangs on is a verb of saying ("On Monday the army said")."""
    verb = _governing_verb(ent.root)
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_ in _cue_verbs()


@lru_cache(maxsize=1)
def _cue_verbs() -> frozenset[str]:
    return frozenset(lexicon("speech")["cue_verbs"])


def _dates_the_claim(doc: Doc, ent, claim: Claim | None) -> bool:
    """Whether a date outside what a claim says hangs in the phrase of its cue ("the army
    said on Monday that …"). Elsewhere it dates what was said: "On 7 March, bandits
    abducted 287 pupils, according to local officials" ("according to" has no time of
    its own)."""
    if claim is None or claim.says(Span(ent.start_char, ent.end_char)):
        return False
    cue = span_over(doc, claim.cue_span.start, claim.cue_span.end)
    if cue is None or cue.root.pos_ not in ("VERB", "AUX"):
        return False
    t = ent.root
    while t.head.i != t.i and t.i != cue.root.i:
        t = t.head
    return t.i == cue.root.i


class _Words(NamedTuple):
    """time.toml's word lists the rules of this module read (lemmas, lower case)."""
    performative_cues: frozenset[str]
    performative_acts: frozenset[str]
    ordered_acts: frozenset[str]
    in_connection_verbs: frozenset[str]
    other_act_modifiers: frozenset[str]
    report_labels: frozenset[str]
    occasion_nouns: frozenset[str]
    occurrence_verbs: frozenset[str]
    close_in_time: frozenset[str]
    time_nouns: frozenset[str]
    day_parts: frozenset[str]
    announcing_cues: frozenset[str]
    scheduling_words: frozenset[str]
    agreeing_verbs: frozenset[str]
    term_openers: frozenset[str]
    intent_verbs: frozenset[str]
    decision_verbs: frozenset[str]
    attempt_verbs: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    time = lexicon("time")
    return _Words(*(frozenset(time[name]) for name in _Words._fields))


def _done_by_saying(trigger: Token, claim: Claim | None) -> bool:
    """Whether the act is done by the statement itself: the object of a cue that
    performs it ("In an address on 21 September, Putin announced a partial
    mobilisation", "declared a ceasefire on Monday"; time.toml performative_cues), or
    an act it orders ("On 7 June, the president ordered 2,000 troops deployed";
    ordered_acts), so the statement's date is the act's."""
    if claim is None:
        return False
    cue = _cue_of_the_act_named(trigger)
    if cue is not None:
        if trigger.lemma_.lower() not in _words().performative_acts:
            return False  # ("announced the killing of a commander on 5 May": told, not done, that day)
    elif _ordered(trigger):
        cue = trigger.head
    else:
        return False
    return cue.lemma_.lower() in _words().performative_cues and claim.cue_span.start <= cue.idx < claim.cue_span.end


def _day_said(claim: Claim) -> When | None:
    """For an act done by saying it, or going on as it was said, with no date in its own
    phrase: the statement's day, where the text gives it (its note's label too: "Washington,
    16 June 2014: The president said that 275 troops were deploying to Iraq")."""
    if claim.said_on is None or claim.said_on_basis != "text" or claim.said_on.precision != "day":
        return None
    return replace(claim.said_on)


def _cue_of_the_act_named(trigger: Token) -> Token | None:
    """The verb whose object names the act: "declared a ceasefire", or the act an amount is
    given in ("announced an additional $800 million in security assistance", "a package of
    military aid"). None for a trigger named otherwise."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("in", "of") and trigger.head.head.dep_ == "dobj":
        trigger = trigger.head.head
    elif trigger.dep_ == "compound" and trigger.head.dep_ == "dobj":
        trigger = trigger.head  # ("announced a new aid package")
    return trigger.head if trigger.dep_ == "dobj" else None


def _ordered(trigger: Token) -> bool:
    """Whether a verb is an act ordered by the verb it hangs on ("ordered troops
    deployed", "ordered the army to withdraw"; time.toml ordered_acts)."""
    return trigger.pos_ == "VERB" and trigger.dep_ in ("ccomp", "xcomp", "oprd") \
        and trigger.head.lemma_.lower() in ("order", "decree") and trigger.lemma_.lower() in _words().ordered_acts


_PROGRESSIVE_AUX = frozenset({"is", "are", "was", "were", "'s", "'re", "am"})


def _going_on_when_said(trigger: Token, claim: Claim | None) -> bool:
    """Whether the act is told as going on as it was said, in the progressive of the
    clause a cue's verb says ("announced on 17 February that the troops were withdrawing
    from Avdiivka"): the statement's date is the act's (not "said on Monday that the troops
    had withdrawn", nor "will be withdrawing")."""
    if claim is None or trigger.pos_ != "VERB" or trigger.tag_ != "VBG" or trigger.dep_ != "ccomp" \
            or not any(c.dep_ == "aux" and c.lower_ in _PROGRESSIVE_AUX for c in trigger.children) \
            or any(c.dep_ == "aux" and c.lower_ not in _PROGRESSIVE_AUX for c in trigger.children):
        return False
    return claim.cue_span.start <= trigger.head.idx < claim.cue_span.end


class _StoryDates:
    """The dates a story tells its past events by, in the order told ("On 23 January,
    al-Shabaab detonated …"): a later past event with no date of its own happened on
    the last of them (docs/events.md, "Time"). Dates of present or future
    clauses ("will meet on Friday"), of statements ("said on Monday") and of things
    named by them ("the 9 October election") do not count, though "the previous day"
    counts from a statement's (`told_before`)."""

    def __init__(self, doc: Doc, dates: list, document: Document):
        self.starts: list[int] = []
        self.whens: list[When] = []
        self.labels: dict[int, When] = {}  # a label's date by the first token of the sentence after it
        # every date told, statements' and reports' too: what "the previous day" counts from
        self.told_starts: list[int] = []
        self.told: list[When] = []
        cues = _cue_verbs()
        for ent in dates:
            verb = ent.root
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            said = verb.pos_ in ("VERB", "AUX") and verb.lemma_ in cues
            label = _in_label(ent)
            if not label and (verb.pos_ not in ("VERB", "AUX") or _names_no_act(ent) or (not said and not _narrated(verb))):
                continue  # (no date of a present or future clause: "talks are due to open on 20 May")
            # (read only for the dates that count: the date parser is the costly part)
            when = from_story(ent.text, self.told[-1] if self.told else None) \
                or normalize(ent.text, _year_told_before(ent) or document.published)
            if when is None:
                continue
            when.span = Span(ent.start_char, ent.end_char)
            if label:
                self.labels[ent.sent.end] = when
            self.told_starts.append(ent.start_char)
            self.told.append(when)
            if not said:
                self.starts.append(ent.start_char)
                self.whens.append(when)

    def before(self, at: int) -> When | None:
        """The last story date before `at`."""
        i = bisect_left(self.starts, at)
        return self.whens[i - 1] if i else None

    def told_before(self, at: int) -> When | None:
        """The last date told before `at`, whatever it dated ("As reported on 16 February,
        police arrested him the previous day": the 15th)."""
        i = bisect_left(self.told_starts, at)
        return self.told[i - 1] if i else None

    def of_label(self, sentence_start: int) -> When | None:
        """The date of the label just before a sentence ("Addis Ababa, 12 September 2018:
        … signed the agreement"), which dates even what was said in it."""
        return self.labels.get(sentence_start)


def date_by_later_mention(doc: Doc, events: list, document: Document | None = None) -> None:
    """Rule events.date-by-later-mention. An event told with no date takes the date of
    the same act named again just after it, by a definite noun with a date of its own:
    "Militants opened fire on tourists … The attack took place on the afternoon of 22
    April 2025"; "Russian forces withdrew from Kherson … Moscow said the withdrawal was
    complete on 11 November". Only within the next two sentences, of one type, and when
    the later mention names no doer of its own or the same doers, is not said to be
    another of its kind ("the previous attack"), and is the subject of the verb the date is
    said with, not of the act's end ("lasted until 3 May"). The later mention may be a noun
    that is no event of its own ("The killings took place on the night of 16-17 December":
    time.toml remention_nouns), read with the document's dates (`document`)."""
    sentences = sentence_numbers(doc)
    starts = list(sentences)
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    for n, event in enumerate(events):
        if event.when is not None:
            continue
        for later, noun in named_again(doc, events, n, sentences):
            if later.when is None or later.when.span is None:
                continue
            if later.actors and not set(later.actors) <= set(event.actors):
                continue
            dated = span_over(doc, later.when.span.start, later.when.span.end)
            if dated is None or noun.dep_ not in ("nsubj", "nsubjpass") or _governing_verb(dated.root).i != noun.head.i \
                    or dated.root.head.lower_ in _SPAN_ENDS:
                continue  # the date is said of the act ("the attack took place on …"), not of a
                # clause on it ("the talks, launched in November 2022, …"), the story's, or its
                # end ("the shelling lasted until 3 May")
            event.when = replace(later.when)
            break
        else:
            here = _trigger_root(doc, event)
            if document is not None and here is not None:
                at = sentences[sentence_of(here).start]
                event.when = _dated_by_a_noun_again(doc, dates, event.type, at, starts, document) or event.when


def date_of_joined_act(doc: Doc, events: list) -> None:
    """Rule events.date-of-joined-act. Acts told together happened at once, so one told
    with no date takes the other's: an act and the act its "when" clause tells ("Twelve
    people were killed in the early hours of 17 December when gunmen opened fire"), and
    verbs joined in one clause ("six villagers were killed and several
    others wounded on the evening of 9 June": the date hangs on the last), and a truce and
    the agreeing to it ("CAIRO, 21 November: the two sides agreed to a ceasefire")."""
    by_root: dict[int, list] = {}
    for event in events:
        if (token := _trigger_root(doc, event)) is not None:
            by_root.setdefault(token.i, []).append(event)
    for event in events:
        if event.when is not None or (token := _trigger_root(doc, event)) is None:
            continue
        partners = [c for c in token.children if c.dep_ == "advcl" and _when_marked(c)] + when_clauses_on_nouns(token)
        if token.dep_ == "advcl" and _when_marked(token):
            partners.append(token.head)
        joined = [j for j in token.conjuncts if j.pos_ == "VERB" and _of_one_clause(max(token, j, key=lambda t: t.i))] \
            if token.pos_ == "VERB" else []
        # (joined verbs only of one kind of act: "denied that it had attacked … and accused the
        # prime minister" tells an accusation of no date)
        dated = next((o for p in partners for o in by_root.get(p.i, ()) if o.when is not None and o is not event), None) or next(
            (o for j in joined for o in by_root.get(j.i, ()) if o.when is not None and o is not event and o.type == event.type), None)
        agreeing = _agreeing_verb(token)
        if dated is None and agreeing is not None:
            # "Israel and Hamas agreed to a ceasefire", "signed a truce": what is agreed is dated by
            # the agreeing, when it has no date of its own (a term it names is its own: "a
            # ceasefire from 1 October" keeps that day)
            dated = next((o for o in by_root.get(agreeing.i, ()) if o.when is not None and o.type == "AGREE"), None)
        if dated is not None:
            event.when = replace(dated.when)


def _agreeing_verb(noun: Token) -> Token | None:
    """The verb a noun is agreed by, as its object or the object of its "to" or "on" ("agreed
    a truce", "agreed to a ceasefire", "agreed on a ceasefire"), else None: the caller keeps it
    when that verb is an AGREE event's."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "on") and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def date_in_a_clause_on_it(doc: Doc, events: list, claims: list, document: Document) -> None:
    """Rule events.date-in-a-clause-on-it. A past act told with no date of its own, whose
    clause holds one date, in a clause or phrase that hangs on it, took place that day, as
    coders date a note by the one date it tells: "JNIM freed Cissé and Pétronin, who were
    flown to Bamako on 8 October 2020"; "gunmen shot dead a councillor as he left a mosque on
    2 June". Not a date told of a party (in the subject's phrase: "militias
    founded in 2013 attacked"), of a statement, of a thing named ("the 9 October
    election"), of an earlier act told in the pluperfect ("who had been kidnapped on 3
    May"), in a clause of its own ("…, and several of them were arrested on 3 May"), in a
    clause told before or after it ("were killed after rebels ambushed a patrol on 4 May")
    or in the phrase of another act ("arrested suspects over an attack on 3 May"), a
    span's end ("until 3 May") or a span of time ("four days"); and a day only: a month told
    in a clause is another act's time in a story ("an insurgency against the Ethiopian
    forces, who withdrew in January 2009"), a day in a note its act's."""
    undated = [e for e in events if e.when is None]
    dates = dates_by_sentence([e for e in doc.ents if e.label_ == "DATE"]) if undated else {}
    if not dates:
        return  # (most events have a date, most sentences none)
    by_id = {c.id: c for c in claims}
    t, acts = tree(doc), _act_nouns()
    for event in undated:
        if (token := _trigger_root(doc, event)) is None or not _narrated(token):
            continue
        verb = token if token.pos_ in ("VERB", "AUX") else _governing_verb(token)
        here = dates.get(sentence_of(verb).start)
        if verb.pos_ not in ("VERB", "AUX") or not here:
            continue
        claim = by_id.get(event.claim) if event.claim else None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        found = []
        for ent in here:
            root = ent.root
            if not verb.is_ancestor(root) or any(s == root or s.is_ancestor(root) for s in subjects) \
                    or names_no_time(ent.text) or _names_no_act(ent) or _day_given_beside(ent) \
                    or _dates_a_statement(ent) or _dates_the_claim(doc, ent, claim) or root.head.lower_ in _SPAN_ENDS \
                    or story_offset(ent.text) is not None:
                continue
            path = [root, *(a for a in root.ancestors if verb.is_ancestor(a))]  # (from the date up to the verb)
            if any(_another_acts(doc, t, a.i, b.i, acts) for b, a in zip(path, path[1:])):
                continue  # ("arrested six suspects over an attack on 3 May": the attack's)
            if any(a.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children) and not _same_time(doc, t, a.i)
                   for a in path):
                continue  # ("were killed after rebels ambushed a patrol on 4 May": another time)
            clause = _governing_verb(root)
            if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in clause.children):
                continue  # ("who had been kidnapped on 3 May": before it)
            if any(a.dep_ == "conj" and a.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)
                   for a in path):
                continue  # ("…, and several of them were arrested in November 2017": a clause of its own)
            when = normalize(ent.text, _year_told_before(ent) or document.published)
            found.append((ent, when))
        if len(found) != 1 or found[0][1] is None or found[0][1].precision != "day":
            continue
        ent, when = found[0]
        when.span = Span(ent.start_char, ent.end_char)
        event.when = when


def _dates_told(span) -> list:
    """The dates a span tells: not a span of time ("two months"), nor one told from the story
    ("the next day"), nor a weekday with its day beside it ("Friday (28 July)": the day)."""
    return [e for e in span.ents if e.label_ == "DATE" and not names_no_time(e.text) and story_offset(e.text) is None
            and not _day_given_beside(e)]


def date_of_a_split_opening(doc: Doc, events: list, document: Document) -> None:
    """Rule events.date-of-a-split-opening. The parser may end a sentence inside its opening
    phrase ("Per his lawyers, on Friday (28 July) security forces detained X": "Per his lawyers,
    on Friday (28 July)" a sentence of its own, with no verb). The main clause's act told with
    no date of its own (its verb the sentence's root, or the first clause's), right after such
    a piece (no verb, no full stop, one day's date), took place that day."""
    undated = [e for e in events if e.when is None]
    if not undated:
        return
    numbers = sentence_numbers(doc)
    starts = sentence_starts(doc)
    for event in undated:
        if (token := _trigger_root(doc, event)) is None or not _narrated(token):
            continue
        sent = sentence_of(token)
        k = numbers[sent.start]
        if k < 1:
            continue
        before = sentence_of(doc[starts[k - 1]])
        verb = token if token.pos_ in ("VERB", "AUX") else _governing_verb(token)
        # (the opening is the main clause's: its verb the sentence's root, or the first clause's
        # the parser joined to a later one: "…, forces detained X …; he was charged the next day")
        first = verb.i == sent.root.i or (verb.dep_ in ("conj", "parataxis") and verb.head.i == sent.root.i and verb.i < sent.root.i)
        if not first or before[-1].text in (".", "!", "?", ":", ";") or any(t.pos_ in ("VERB", "AUX") for t in before):
            continue
        days = _dates_told(before)
        if len(days) != 1:
            continue
        when = normalize(days[0].text, _year_told_before(days[0]) or document.published)
        if when is None or when.precision != "day":
            continue
        when.span = Span(days[0].start_char, days[0].end_char)
        event.when = when


def when_clauses_on_nouns(verb) -> list:
    """The "when" clauses the parser hung on a noun of a verb's own clause instead of the verb
    ("killed 15 workers, eight medics …, when they fired on a convoy"); not on a noun of time
    ("the day when the army left": time.toml time_nouns)."""
    return [r for r in verb.subtree if r.dep_ == "relcl" and _when_marked(r) and r.head.pos_ in ("NOUN", "PROPN")
            and r.head.ent_type_ not in ("DATE", "TIME") and r.head.lemma_.lower() not in _words().time_nouns
            and _governing_verb(r.head).i == verb.i]


def _of_one_clause(verb) -> bool:
    """Whether a later conjunct is told in its first's clause: it shares its subject ("attacked
    the town and seized it"), or its passive's "were" ("were killed and several others
    wounded"); not a clause of its own ("… and the army retook it")."""
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def interval_from(trigger: Token) -> tuple[Token, int, str] | None:
    """Rule events.date-by-interval: for a verb in a clause that a span puts "after" or
    "before" the clause it hangs on ("six days after the military seized the broadcaster",
    "a year after gunmen attacked"), that clause's verb, the signed number of units (minus
    for "after": the act came first) and the unit (time.toml interval_units); None for any
    other verb, or a span with no number ("days after", "long after")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head if (
        trigger.dep_ in ("dobj", "nsubj", "nsubjpass") and trigger.head.pos_ == "VERB") else None  # "launched an assault"
    if verb is None or verb.head.i == verb.i:
        return None
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ == "VERB" and verb.i > verb.head.i:
        return interval_from(verb.head)  # "… attacked southern communities, killing about 1,200": the attack's
    time = lexicon("time")
    units, words = time["interval_units"], time["number_words"]
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("after", "before"):
        # "returned to their bases a day after seizing Rostov": the span on the preposition
        mark, clause = verb.head, verb.head.head if verb.head.head.pos_ == "VERB" else verb.head.head.head
        spans = [mark.head] if mark.head.dep_ == "npadvmod" else list(mark.children)
    elif verb.dep_ == "advcl":
        mark = next((c for c in verb.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before") and c.i < verb.i), None)
        if mark is None:
            return None
        clause, spans = verb.head, [*verb.children, *mark.children]
    else:
        return None
    span = next((c for c in spans if c.dep_ == "npadvmod" and c.lower_ in units and c.i < mark.i), None)
    if span is None or clause.pos_ not in ("VERB", "AUX"):
        return None
    count = next((c for c in span.children if c.dep_ in ("nummod", "det")), None)
    number = int(count.text) if count is not None and count.text.isdigit() else words.get(count.lower_) if count is not None else None
    if not number:
        return None
    return clause, (-number if mark.lower_ == "after" else number), units[span.lower_]


def shifted(when: When, by: int, unit: str, text: str) -> When | None:
    """A day-precise date moved by a number of units (an act `interval_from` tells), at the
    unit's precision: days and weeks a day, months a month, years a year."""
    if when is None or when.precision != "day" or when.start is None:
        return None
    day = date.fromisoformat(when.start)
    if unit in ("day", "week"):
        moved = (day + timedelta(days=by * (7 if unit == "week" else 1))).isoformat()
        return When(moved, moved, "day", text)
    if unit == "month":
        months = day.year * 12 + day.month - 1 + by
        moved = f"{months // 12:04d}-{months % 12 + 1:02d}"
        return When(moved, moved, "month", text)
    year = f"{day.year + by:04d}"
    return When(year, year, "year", text)


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _year_told_before(ent) -> date | None:
    """An anchor that reads a date with a month and no year in the year of a date with one
    that the sentence told just before, when that reading falls within two months of it: "in
    June 2007, completing the takeover on 14 June" is 14 June 2007 whenever it was published,
    "on 3 January 2024 … had attacked on 28 December" 28 December 2023. None otherwise: "since
    2019" tells no month; "arrived in December 2023, but began withdrawing in late April" is
    too far from it to say which April, and the publication date decides."""
    words = ent.text.lower().replace(".", " ").split()
    if _YEAR.search(ent.text) or not any(w in MONTH_NAMES or w[:3] in _MONTH_ABBREVIATIONS for w in words):
        return None
    told = [other for other in sentence_of(ent.root).ents if other.label_ == "DATE" and other.end <= ent.start and _YEAR.search(other.text)]
    said = normalize(told[-1].text, None) if told else None
    if said is None or said.start is None or said.precision not in ("day", "month"):
        return None
    first, last = _bounds(said.start), _bounds(said.end or said.start, last=True)
    own = normalize(ent.text, last)
    if own is None or own.start is None or own.precision not in ("day", "month"):
        return None
    best = None
    for year in (first.year - 1, first.year, first.year + 1):
        try:
            begins, ends = _bounds(f"{year:04d}{own.start[4:]}"), _bounds(f"{year:04d}{(own.end or own.start)[4:]}", last=True)
        except ValueError:
            continue  # 29 February of a year with none
        distance = 0 if ends >= first and begins <= last else min(abs((begins - last).days), abs((first - ends).days))
        if best is None or distance < best[0]:
            best = (distance, ends)
    return best[1] if best is not None and best[0] <= 62 else None


def _bounds(iso: str, last: bool = False) -> date:
    """The first (or last) day of an ISO date of day or month precision."""
    year, month, *day = (int(p) for p in iso.split("-"))
    return date(year, month, day[0] if day else (calendar.monthrange(year, month)[1] if last else 1))


_MONTH_ABBREVIATIONS = frozenset(m[:3] for m in MONTH_NAMES) | {"sept"}


def _when_marked(clause, marks: tuple[str, ...] = ("when",)) -> bool:
    """Whether a clause opens with "when" ("… when gunmen opened fire"), or one of `marks`."""
    return any(m.dep_ in ("advmod", "mark") and m.lower_ in marks and m.i < clause.i for m in clause.children)


def named_again(doc: Doc, events: list, n: int, sentences: dict[int, int]):
    """The events after `events[n]`, of its type, in one of the next two sentences (or after a
    semicolon in its own: "a car bomb exploded …; the attack was claimed by …"), each with
    the noun that names the act again: a definite noun not said to be another of its kind
    ("The attack took place on …"; not "the previous attack", "a similar raid")."""
    event = events[n]
    here = _trigger_root(doc, event)
    if here is None:
        return
    at = sentences[sentence_of(here).start]
    for later in events[n + 1 :]:
        if later.type != event.type:
            continue
        noun = _trigger_root(doc, later)
        if noun is None:
            continue
        gap = sentences[sentence_of(noun).start] - at
        if not (0 < gap <= 2 or (gap == 0 and noun.i > here.i and semicolon_between(doc, here.i, noun.i))):
            continue
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children) \
                or any(c.dep_ == "amod" and c.lower_ in _words().other_act_modifiers for c in noun.children):
            continue
        yield later, noun


def _trigger_root(doc: Doc, event) -> Token | None:
    """The root token of an event's trigger, found once per Doc and trigger span (each
    event is looked at again for every one before it)."""
    if event.trigger_span is None:
        return None
    roots = doc.user_data.setdefault("factions.trigger_roots", {})
    key = (event.trigger_span.start, event.trigger_span.end)
    if key not in roots:
        span = span_over(doc, *key)
        roots[key] = span.root.i if span is not None else None
    i = roots[key]
    return doc[i] if i is not None else None


def _dated_by_a_noun_again(doc: Doc, dates: list, event_type: str, at: int, starts: list[int], document: Document) -> When | None:
    """The date said of the act named again in one of the next two sentences by a definite
    noun that is the subject of the verb the date hangs on ("The killings took place on
    the night of 16-17 December 2018"; time.toml remention_nouns), else None."""
    nouns = frozenset(_words_again().get(event_type, ()))
    if not nouns:
        return None
    for n in range(at + 1, min(at + 3, len(starts))):
        end = starts[n + 1] if n + 1 < len(starts) else len(doc)
        for ent in (e for e in dates if starts[n] <= e.start < end):
            verb = _governing_verb(ent.root)
            if ent.root.head.lower_ in _SPAN_ENDS:
                continue
            for noun in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"):
                # (not "the killing of the commander", "the group's attack": an act with parties of its own)
                if noun.lemma_.lower() in nouns and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children) \
                        and not any(c.dep_ == "amod" and c.lower_ in _words().other_act_modifiers for c in noun.children) \
                        and not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by")) for c in noun.children):
                    when = normalize(ent.text, document.published)
                    if when is not None:
                        when.span = Span(ent.start_char, ent.end_char)
                        return when
    return None


@lru_cache(maxsize=1)
def _words_again() -> dict[str, list[str]]:
    return lexicon("time")["remention_nouns"]


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "both"})  # ("claimed both attacks")
_SPAN_ENDS = frozenset({"until", "till", "through", "since", "by"})


def _in_label(ent) -> bool:
    """Whether a date is in the label opening a note ("15 April: Heavy fighting erupted
    …", "Niamey, 26 July 2023: members of the guard detained …";
    nlp.components.note_labels): it dates what the note tells. Not a report's label
    ("Situation report, 30 June 2023:"; time.toml report_labels): the day it was written."""
    sent = ent.sent
    return sent.end - 1 >= ent.end and note_labels(ent.doc).get(sent.start) == sent.end - 1 \
        and not any(t.lemma_.lower() in _words().report_labels for t in sent)


def _dated_sentence(trigger: Token, dates_here: list) -> bool:
    """Whether the trigger's sentence (whose dates are `dates_here`) has a date of its
    own that does not open it. A date that opens the sentence, before its subject and
    verb ("On 2 August, a suicide bomber blew himself up at the gate and gunmen then
    stormed the restaurant"), frames every clause of it, so a clause without a date of
    its own still takes the story's date. A span of time is no date ("seized the palace
    after four days of clashes")."""
    sent = sentence_of(trigger)
    return any(not _opens_sentence(ent, sent) and not _names_no_act(ent) and not names_no_time(ent.text) for ent in dates_here)


def _opens_sentence(ent, sent) -> bool:
    return not any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("nsubj", "nsubjpass") for t in sent.doc[sent.start:ent.start])


def _told_in_past(trigger: Token) -> bool:
    """Whether the finite verb of the clause a trigger is told in is past ("armed bandits
    abducted", "on the first day of the demonstrations" under "marched"); a header with no
    finite verb, or a present one ("I remain in contact with"), is not."""
    for t in (trigger, *trigger.ancestors):
        if t.pos_ in ("VERB", "AUX") and (t.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in t.children)):
            return _narrated(t)
        if t.dep_ == "acl" and t.tag_ == "VBN" and any(c.dep_ == "dobj" for c in t.children):
            return True  # ("armed bandits abducted 287 pupils", read as a participle)
    return False


def _narrated(trigger: Token) -> bool:
    """A past event told in the story's order ("Three soldiers were killed"): it takes
    the date of the last past event told before it (docs/events.md, "Time").
    Present and future events, and those under a claim's present tense, do not."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBD", "VBN"}) and not tags & {"MD", "VBZ", "VBP"} and verb.tag_ != "VBG" or \
        (verb.tag_ == "VBG" and verb.dep_ == "advcl" and _narrated(verb.head)) or \
        (verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _words().decision_verbs | _words().attempt_verbs
         and _narrated(verb.head))
