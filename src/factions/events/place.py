"""Where an event happened: a place named in a locative phrase ("in", "near",
"outside", …) in the trigger's own phrase, or in its verb's for a noun trigger."""

from __future__ import annotations

from spacy.tokens import Token

from factions.actors.index import ActorIndex
from factions.events.time import _in_own_phrase
from factions.nlp import sentence_of, tree


PLACE_KINDS = {"location", "state"}
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
