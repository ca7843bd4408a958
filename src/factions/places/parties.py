"""Rule relations.place-not-party: a place is never a party.

"Government forces fought Kafr Nabl": the village is where the fighting was, not a
side of it. After events and relations are extracted, a party that is a place is
taken out of the event's actors and recipients (and becomes its `where` when it has
none), and a relation that needs agency loses its record when an end is a place.

What counts as a place (data/places.toml, [parties]):
- an actor of a kind that cannot act (`location`: cities, villages, districts, airbases);
- a state named after a locative preposition ("struck targets in Syria"); a state
  as a subject or object ("Turkey struck PKK positions") stays a party;
- an actor of another kind named exactly like a place actor of the same document (the
  model read the village's second mention as a person).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factions.kb import normalize_name
from factions.lexicons import validated_table
from factions.model import Actor, Event, Relation, Span

RULE = "relations.place-not-party"


@dataclass(frozen=True)
class _Words:
    place_kinds: frozenset[str]
    locative: re.Pattern
    place_targets: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    p = validated_table("places")["parties"]
    preps = "|".join(re.escape(w) for w in sorted(p["locative_prepositions"], key=len, reverse=True))
    mods = "|".join(re.escape(w) for w in sorted(p["locative_modifiers"], key=len, reverse=True))
    locative = re.compile(rf"\b(?:{preps})\s+(?:(?:{mods})\s+)*$", re.IGNORECASE)
    return _Words(frozenset(p["place_kinds"]), locative, frozenset(p["place_targets"]))


class _Places:
    """Which (actor, span) pairs of one document are places."""

    def __init__(self, text: str, actors: list[Actor]):
        self.text = text
        self.words = _words()
        self.actors = {a.id: a for a in actors}
        self.by_name = {normalize_name(a.name): a.id for a in actors if a.kind in self.words.place_kinds}

    def place_for(self, actor_id: str, span: Span) -> str | None:
        """The place actor this party stands for, or None when it is a party."""
        a = self.actors.get(actor_id)
        if a is None:
            return None
        if a.kind in self.words.place_kinds:
            return a.id
        if a.kind == "state":
            return a.id if self.words.locative.search(self.text[max(0, span.start - 40) : span.start]) else None
        return self.by_name.get(normalize_name(a.name))


def places_not_parties(text: str, actors: list[Actor], events: list[Event], relations: list[Relation],
                       disabled: frozenset[str] = frozenset()) -> list[Relation]:
    """Events changed in place; the relations kept are returned."""
    if RULE in disabled:
        return relations
    places = _Places(text, actors)
    for e in events:
        for ids_name, spans_name in (("actors", "actor_spans"), ("recipients", "recipient_spans")):
            ids, spans = getattr(e, ids_name), getattr(e, spans_name)
            kept = [(a, s) for a, s in zip(ids, spans) if places.place_for(a, s) is None]
            for a, s in zip(ids, spans):
                place = places.place_for(a, s)
                if place is not None and e.where is None:
                    e.where = place
            if len(kept) != len(ids):
                setattr(e, ids_name, [a for a, _ in kept])
                setattr(e, spans_name, [s for _, s in kept])
    return [r for r in relations
            if places.place_for(r.source, r.source_span) is None
            and (r.type in places.words.place_targets or places.place_for(r.target, r.target_span) is None)]
