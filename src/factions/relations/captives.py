"""Who holds captives (rule relations.holds-captives): "the attackers took hostages",
"took 12 policemen prisoner", "hostages held by the group", "the raiders freed their
hostages", "police arrested 12 protesters". The captor `controls` the captives, as a
party controls a place it holds.
Words in data/lexicons/relations.toml [captives]."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factions.actors.index import ActorIndex
from factions.events.arguments import _subject_tokens, _with_conjuncts
from factions.lexicons import lexicon
from factions.model import Mention, Relation
from factions.nlp import relative_noun, sentence_of, sentence_span, tokens_where, unrealised
from factions.relations.stances import PARTY_KINDS, PLACE_KINDS
from factions.relations.structure import _counted

RULE = "relations.holds-captives"


def captive_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    words = lexicon("relations")["captives"]
    nouns, taking, marks = frozenset(words["nouns"]), frozenset(words["taking_verbs"]), frozenset(words["marks"])
    custody = frozenset(words["custody_verbs"])
    phrase_verbs, phrase_nouns = frozenset(words["custody_phrase_verbs"]), frozenset(words["custody_phrase_nouns"])
    out: list[Relation] = []

    def party(token: Token | None) -> Mention | None:
        m = index.mention_for_token(relative_noun(token) or token) if token is not None else None
        if m is None and token is not None and (counted := _counted(token)) is not token:
            m = index.mention_for_token(counted)  # "scores of gunmen", "some of them"
        # (a state holds captives as any party does: "held by Eritrea", "Iran detained two Britons")
        return index.of_kind(m, PARTY_KINDS - (PLACE_KINDS - {"state"}))

    def add(holder: Token | None, captive: Token, anchor: Token) -> None:
        h, c = party(holder), index.mention_for_token(captive)
        if c is None and (counted := _counted(captive)) is not captive:
            c = index.mention_for_token(counted)  # "most of them are being held"
        if c is not None and c.actor and index.actors[c.actor].kind in PLACE_KINDS - {"state"}:
            return  # "held whole towns hostage": a figure of speech, no one held (a state's name may stand
            # for its government: "took the Prime Minister and most of his government hostage")
        if h is not None and c is not None and c.actor and h.actor != c.actor:
            out.append(Relation(type="controls", source=h.actor, target=c.actor, source_span=h.span, target_span=c.span,
                                evidence_span=sentence_span(sentence_of(anchor)), modality="asserted", rule=RULE))

    for verb in tokens_where(doc, lemmas=taking | custody | phrase_verbs):
        if verb.pos_ != "VERB" or _denied(verb) or unrealised(verb):
            continue  # ("called on the authorities to arrest the smugglers": asked, nobody held)
        subjects, passive = _subject_tokens(verb)
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        objects = [t for c in verb.children if c.dep_ == "dobj" for t in _with_conjuncts(c)]
        # "took Mr Godoy and some 30 other politicians hostage": the parser may read the mark as a
        # verb joined to the taking one, the last captives its subject; they are objects too
        misread = next((c for c in verb.children if c.dep_ in ("conj", "dep", "ccomp") and c.lower_ in marks and c.i > verb.i), None)
        if misread is not None:
            objects += [t for c in misread.children if c.dep_ == "nsubj" and c.i < misread.i for t in _with_conjuncts(c)]
        # "held dozens of residents": the people a number counts are the ones held; "seized the 38
        # members of the commission": the members, not the body they are of
        counted = [c if _person(c, index) or not _person(t, index) else t for t, c in ((t, _counted(t)) for t in objects)]
        # "took 12 policemen prisoner", "held them hostage": the mark after the object says
        # they are captives (the parser may hang it on the verb or inside the object)
        marked = misread is not None or any(c.lower_ in marks and c.dep_ in ("oprd", "xcomp", "advmod", "npadvmod", "dobj", "attr", "ccomp")
                                            for c in verb.children if c.i > verb.i)
        # "arrested 12 protesters": in custody, whatever they are called ("held X responsible",
        # "held him to account": a judgement, no custody)
        # "were taken into custody", "placed him under arrest": the phrase is the arrest
        custody_phrase = verb.lemma_.lower() in phrase_verbs and any(
            c.dep_ == "prep" and c.lower_ in ("into", "under") and any(p.dep_ == "pobj" and p.lower_ in phrase_nouns for p in c.children)
            for c in verb.children)
        if verb.lemma_.lower() not in taking | custody and not custody_phrase:
            continue  # "placed bombers among the hostages": only "placed under arrest" is one
        arrest = (verb.lemma_.lower() in custody or custody_phrase) and not any(
            c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.lower_ not in marks or (c.dep_ == "prep" and c.lower_ == "to")
            for c in verb.children) and not any(t.lower_ in _JUDGED for t in verb.subtree)
        # (an arrest's second object only after a first that is people too: in "held meetings
        # with businesses, alumni and students" the parser makes "alumni" a second object)
        first = counted[0] if counted else None
        people_taken = arrest and first is not None and _person(first, index)
        captives = [c for o, c in zip(objects, counted) if o.lemma_.lower() in nouns or o.lower_ in nouns or (marked and o.lower_ not in marks)
                    or (people_taken and _person(c, index))]
        for o in objects:
            if o.lower_ in marks and (held := [c for c in o.children if c.dep_ == "compound" and c.i < o.i]):
                captives.append(held[-1])  # "took 12 workers hostage", parsed as one noun "12 workers hostage"
            if o.right_edge.lower_ in marks and o.right_edge.i > o.i:  # "took hundreds of soldiers prisoner"
                people = [t for t in o.subtree if t.i < o.right_edge.i and t.pos_ == "NOUN"]
                captives += people[-1:]
                # "took the Prime Minister and most of his government hostage": the mark
                # closes the whole list, so each item is a captive
                captives += [t for t in objects if t not in captives and t.lower_ not in marks and t.i < o.right_edge.i]
        if passive or (agents and verb.dep_ in ("acl", "relcl")):  # "hostages held by the group", "were taken prisoner by the rebels"
            held = [verb.head] if verb.dep_ in ("acl", "relcl") else [s for s in subjects]
            for captive in held:
                if captive.lemma_.lower() in nouns or marked or (arrest and (_person(captive, index) or _person(_counted(captive), index))):
                    for agent in agents:
                        add(agent, captive, verb)
            continue
        for subject in subjects:
            for captive in dict.fromkeys(captives):  # (a number's people may come twice: "took hundreds of workers hostage")
                add(subject, captive, verb)
    for token in tokens_where(doc, lowers=nouns):  # "their hostages", "the group's prisoners"
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and token.pos_ == "NOUN":
            add(owner, token, token)
    return out


# "held the rebel leadership and its sponsors fully responsible": a judgement, no custody
_JUDGED = frozenset({"responsible", "accountable", "liable", "culpable"})


def _denied(verb: Token) -> bool:
    """"did not arrest anyone", "denied holding any crew": no one is held."""
    return any(c.dep_ == "neg" for c in verb.children) or (
        verb.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and verb.head.lemma_.lower() in lexicon("speech")["denial_cues"])


def _person(token: Token, index: ActorIndex) -> bool:
    """Whether a token names people or a person: the ones an arrest takes into custody."""
    m = index.mention_for_token(token)
    if m is None or m.actor is None or index.actors[m.actor].kind not in ("person", "population"):
        return False
    # "seized the Embassy of Myanmar", read as a place and as a person too: a place taken
    return not any(index.actors[o.actor].kind == "location" for o in index.mentions_covering(token.idx, token.idx + 1))
