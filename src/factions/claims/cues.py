"""Cues: the words that mark a statement (data/lexicons/speech.toml, `cue_verbs`) and
the shapes around a cue that change what it reports. A cue reports no statement when
it is silence ("neither confirmed nor denied", "declined to comment"), names no one
("No one can deny"), or asks anonymity ("asked not to be named"); "was quoted as
saying" and a participle set off before the cue ("X, asked about the move, said")
are shapes the speaker and content rules read around."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from factions.lexicons import lexicon


def _speech():
    return lexicon("speech")


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    return frozenset(_speech()["cue_verbs"])


def _silence(cue: Token) -> bool:
    """A cue that reports no statement: "neither confirmed nor denied", "declined to
    comment", "refused to confirm or deny", "said nothing" (rule claims.cue-subject, as
    "did not confirm")."""
    words = _speech()["refusal_verbs"]
    first = cue.head if cue.dep_ == "conj" else cue
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children):
        return True
    if any(c.dep_ == "cc" and c.lower_ == "nor" for c in first.children):
        return True
    if any(c.dep_ == "dobj" and c.lower_ in ("nothing", "little") for c in cue.children):
        return True  # "said nothing at all"
    return first.dep_ == "xcomp" and first.head.lemma_ in words


def _names_no_one(subject: Token) -> bool:
    """"No one can deny …", "nobody claimed …": the subject names no speaker."""
    phrase = " ".join(t.lower_ for t in subject.subtree)
    return phrase in _speech()["non_speakers"] or subject.lower_ in ("nobody", "none", "nothing") or \
        any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _asks_anonymity(cue: Token) -> bool:
    """"asked not to be named", "requested not to be identified"."""
    words = _speech()["anonymity_verbs"]
    return any(c.dep_ == "xcomp" and c.lemma_ in words and any(g.dep_ == "neg" for g in c.children) for c in cue.children)


def _quoted_as_saying(verb: Token) -> bool:
    """"X was quoted as saying": X speaks; the agent ("by SANA") carries it."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children) for c in verb.children)


def _aside(verb: Token) -> Token | None:
    """A participle set off before the cue ("Hussein, asked about the move, said")
    that the parser made a clause with the speaker as its subject."""
    doc = verb.doc
    for child in verb.children:
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if child.i > verb.i or child.dep_ not in ("ccomp", "advcl") or subject is None:
            continue
        # set off by commas: "<subject> , <participle …> , <cue>"
        if any(doc[k].text == "," for k in range(subject.i + 1, child.left_edge.i if child.left_edge.i > subject.i else child.i)) \
                and child.right_edge.i in (verb.i - 1, verb.i - 2) and doc[verb.i - 1].text == ",":
            return child
    return None
