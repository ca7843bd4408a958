"""Modality of an event trigger: asserted, reported, alleged, denied, negated,
hypothetical, future or conditional, with the condition kept as a span."""

from __future__ import annotations

from spacy.tokens import Token

from factions.lexicons import lexicon
from factions.model import Claim, Span
from factions.nlp.pipeline import sentence_of, sentence_text, span_over


def _clause_head(token: Token) -> Token:
    """The verb whose clause holds the token (itself when it is a verb)."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _clause_chain(token: Token):
    """The trigger's clause head and the heads above it up to a reporting verb, each with
    whether it lies past a clause of the trigger's own joined to it ("Ethiopia did not
    withdraw, and Kenya sent troops": the first clause's negation is not the second's; a
    condition over both is, "if X is killed, his men might leave, but the Amniyat would kill
    them")."""
    t = _clause_head(token)
    own = False
    yield t, own
    while t.head.i != t.i and t.dep_ in ("xcomp", "conj", "aux", "acomp", "advcl", "prep", "pcomp", "pobj", "dobj"):
        own = own or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))
        t = t.head
        yield t, own


def _infinitive_of(trigger: Token, verb: Token) -> bool:
    """Whether the trigger (or the clause it heads) is `verb`'s infinitive complement."""
    t = _clause_head(trigger)
    return t.dep_ == "xcomp" and t.head.i == verb.i


def modality_of(trigger: Token, claim: Claim | None) -> tuple[str, Span | None]:
    lex = lexicon("speech")
    mod = lex["modality"]
    speech = lex
    condition: Span | None = None
    flags: set[str] = set()
    # "after their split in 2013, the groups may be edging closer": an event named in
    # a time phrase is taken as given, whatever the main clause's mood.
    presupposed = trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in mod["presupposing_preps"]
    for head, past_own_clause in [] if presupposed else _clause_chain(trigger):
        for child in head.children:
            word = child.lower_
            if child.dep_ == "mark" and word in mod["conditional_marks"]:
                flags.add("conditional")
                condition = _subtree_span(head)
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in mod["conditional_marks"] for m in child.children):
                flags.add("conditional")
                condition = _subtree_span(child)
            if past_own_clause:
                continue  # only a condition reaches a clause with a subject of its own
            if child.dep_ == "aux" and word in mod["hypothetical_aux"]:
                flags.add("hypothetical")
            if child.dep_ == "aux" and word in mod["future_aux"]:
                flags.add("future")
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and word in mod["negation_words"]):
                flags.add("negated")
        if past_own_clause:
            continue
        if head.lemma_ in mod["future_verbs"] and head.i != trigger.i:
            flags.add("future")
        if head.i != trigger.i and head.lemma_ in mod["refusal_verbs"] and _infinitive_of(trigger, head):
            flags.add("negated")  # "has refused to negotiate with them", "failed to take the town"
        if head.lemma_ in mod["hypothetical_words"]:
            flags.add("hypothetical")
        if head.i != trigger.i and head.lemma_ in speech["passive_topic_cues"] and any(c.dep_ == "auxpass" for c in head.children):
            # "X is reported to have killed …", "X is accused of …": reported by someone unnamed.
            flags.add("alleged" if head.lemma_ in speech["allegation_cues"] else "reported")
        # The parser hangs "make a truce unlikely" as an adverb; "fought hard" is no doubt.
        if any(c.lower_ in mod["doubt_words"] and (c.dep_ in ("acomp", "oprd", "xcomp", "ccomp") or (c.dep_ == "advmod" and c.lower_ != "hard"))
               for c in head.children):
            flags.add("hypothetical")  # "old grudges make a truce unlikely": a prospect doubted, no evidence for it
    for child in trigger.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            flags.add("negated")
    sentence = sentence_of(trigger)
    if presupposed:
        pass
    elif sentence_text(sentence).rstrip().endswith("?") or any(
            t.lower_ in mod["hypothetical_words"] and t.dep_ in ("amod", "acomp", "nsubj", "attr", "mark")
            for head in (trigger, _clause_head(trigger)) for t in head.children):
        flags.add("hypothetical")
    for name in ("conditional", "hypothetical"):
        if name in flags:
            return name, condition
    if "future" in flags and "negated" in flags:
        return "negated", None  # "the Taliban will never fight the TTP": evidence against, whenever
    if "future" in flags:
        return "future", condition
    cue = claim.cue.lower() if claim else ""
    cue_lemma = trigger.doc[_token_at(trigger, claim)].lemma_ if claim else ""
    if claim and cue_lemma in speech["denial_cues"]:
        return "denied", None
    if "negated" in flags:
        return "negated", None
    if claim and (cue_lemma in speech["allegation_cues"] or cue.startswith("alleg")):
        return "alleged", None
    if claim:
        return "reported", None
    according = next((t for t in sentence if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"), None)
    if according is not None and not (according.left_edge.i <= trigger.i <= according.right_edge.i) and according.i < trigger.i:
        # "According to reports received by my office, X launched attacks": a source, if
        # no speaker (not "briefed on the talks" inside the source's own phrase)
        flags.add("reported")
    if trigger.dep_ == "dobj" and trigger.head.lemma_ in speech["act_blaming_verbs"] \
            and any(c.dep_ == "prep" and c.lower_ in ("to", "on") for c in (*trigger.head.children, *trigger.children)):
        flags.add("alleged")  # "Police attributed the bombing to X": put down to X, not proven
    for name in ("alleged", "reported"):
        if name in flags:
            return name, None
    return "asserted", None


def _token_at(trigger: Token, claim: Claim) -> int:
    span = span_over(trigger.doc, claim.cue_span.start, claim.cue_span.end)
    return span.start if span is not None and len(span) else trigger.i


def _subtree_span(token: Token) -> Span:
    tokens = list(token.subtree)
    return Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
