"""Rule relations.place-not-party: a place is never a party.

"Government forces fought Kafr Nabl": the village is where the fighting was, not a
side of it. After events and relations are extracted, a party that is a place is
taken out of the event's actors and recipients (and becomes its `where` when it has
none), and a relation of action or stance (fights, supports, ...) with a place at an
end is dropped; a fight from an assault's attacker to the place it struck becomes the
attack on that place ("the Real IRA bombed Omagh": rule relations.attacked-place).

What counts as a place (data/places.toml, [parties]):
- an actor of a kind that cannot act (`location`: cities, villages, districts, airbases);
- a state named after a locative preposition ("struck targets in Syria"); a state
  as a subject or object ("Turkey struck PKK positions") stays a party;
- an actor of another kind named exactly like a place actor of the same document (the
  model read the village's second mention as a person);
- a recipient the model read as a person or organisation, linked to no KB actor, whose
  whole name is a gazetteer place of some size in a country the document names ("Syria
  … government forces attacked Saraqib"; "Hassan" is a town in India too, so without
  that country a name stays a party).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factions.actors.demonyms import is_demonym
from factions.names import normalise
from factions.lexicons import validated_table
from factions.model import Actor, Event, Relation, Span

RULE = "relations.place-not-party"


@dataclass(frozen=True)
class _Words:
    place_kinds: frozenset[str]
    locative: re.Pattern
    agency_types: frozenset[str]
    two_sided_triggers: frozenset[str]
    aimed_triggers: frozenset[str]
    misread_kinds: frozenset[str]
    misread_min_population: int


@lru_cache(maxsize=1)
def _words() -> _Words:
    p = validated_table("places")["parties"]
    preps = "|".join(re.escape(w) for w in sorted(p["locative_prepositions"], key=len, reverse=True))
    mods = "|".join(re.escape(w) for w in sorted(p["locative_modifiers"], key=len, reverse=True))
    locative = re.compile(rf"\b(?:{preps})\s+(?:(?:{mods})\s+)*$", re.IGNORECASE)
    return _Words(frozenset(p["place_kinds"]), locative, frozenset(p["agency_types"]), frozenset(p.get("two_sided_triggers", ())),
                  frozenset(p.get("aimed_triggers", ())), frozenset(p["misread_kinds"]), p["misread_min_population"])


class _Places:
    """Which (actor, span) pairs of one document are places."""

    def __init__(self, text: str, actors: list[Actor]):
        self.text = text
        self.words = _words()
        self.actors = {a.id: a for a in actors}
        self.by_name = {normalise(a.name): a.id for a in actors if a.kind in self.words.place_kinds}
        self._countries: set[str] | None = None

    def countries(self) -> set[str]:
        """The countries the document names: its states and its KB places' countries."""
        if self._countries is None:
            from factions.places.gazetteer import gazetteer
            from factions.places.resolve import settings

            overrides = settings().overrides
            self._countries = {gazetteer().country_code(a.name) for a in self.actors.values() if a.kind == "state"}
            self._countries |= {overrides[a.kb_id]["country"] for a in self.actors.values() if a.kb_id in overrides}
            self._countries.discard(None)
        return self._countries

    def place_for(self, actor_id: str, span: Span, recipient: bool = False, trigger: str | None = None) -> str | None:
        """The place actor this party stands for, or None when it is a party (a state after
        "at" is one when `trigger`, the event's, aims a weapon: "fired missiles at Israel")."""
        a = self.actors.get(actor_id)
        if a is None:
            return None
        if a.kind in self.words.place_kinds:
            return a.id
        if a.kind == "state":
            if is_demonym(self.text[span.start : span.end]):
                return None  # "fired at Ukrainian positions": the adjective names whose posts, not where
            before = self.text[max(0, span.start - 40) : span.start]
            if trigger is not None and trigger.lower() in self.words.aimed_triggers and before.rstrip().lower().endswith(" at"):
                return None
            return a.id if self.words.locative.search(before) else None
        same = self.by_name.get(normalise(a.name))
        if same is not None:
            return same
        if recipient and a.kind in self.words.misread_kinds and a.kb_id is None and self._gazetteer_place(a.name):
            return a.id
        return None

    def _gazetteer_place(self, name: str) -> bool:
        from factions.places.gazetteer import gazetteer

        return any(e.population >= self.words.misread_min_population and e.country in self.countries()
                   for e in gazetteer().candidates(name))


def places_not_parties(text: str, actors: list[Actor], events: list[Event], relations: list[Relation],
                       disabled: frozenset[str] = frozenset()) -> list[Relation]:
    """Events changed in place; the relations kept are returned."""
    if RULE in disabled:
        return relations
    places = _Places(text, actors)
    struck = {(e.id, a, r) for e in events if e.type == "ASSAULT" and (e.trigger or "").lower() not in places.words.two_sided_triggers
              for a in e.actors for r in e.recipients}
    for e in events:
        for ids_name, spans_name in (("actors", "actor_spans"), ("recipients", "recipient_spans")):
            ids, spans = getattr(e, ids_name), getattr(e, spans_name)
            recipient = ids_name == "recipients"
            kept = [(a, s) for a, s in zip(ids, spans) if places.place_for(a, s, recipient, e.trigger) is None]
            for a, s in zip(ids, spans):
                place = places.place_for(a, s, recipient, e.trigger)
                if place is not None and e.where is None:
                    e.where = place
            if len(kept) != len(ids):
                setattr(e, ids_name, [a for a, _ in kept])
                setattr(e, spans_name, [s for _, s in kept])
    kept = []
    triggers = {e.id: e.trigger for e in events}
    for r in relations:
        trigger = triggers.get(r.event) if r.event else None
        source_place = places.place_for(r.source, r.source_span, trigger=trigger) if r.type in places.words.agency_types else None
        target_place = places.place_for(r.target, r.target_span, True, trigger) if r.type in places.words.agency_types else None
        if source_place is None and target_place is None:
            kept.append(r)
        elif r.type == "fights" and source_place is None and (r.event, r.source, r.target) in struck \
                and (target_place != r.target or places.actors[r.target].kind in places.words.place_kinds):
            # "the Real IRA bombed Omagh": the fight's other side is where it struck, as the
            # attacked places of rule relations.attacked-place are (data/places.toml two_sided_triggers)
            kept.append(replace(r, type="attacks", target=target_place, rule="relations.attacked-place"))
    seen, out = set(), []
    for r in kept:  # (once: the place may be attacked by rule already)
        key = (r.type, r.source, r.target, r.evidence_span.start)
        if r.type != "attacks" or key not in seen:
            out.append(r)
            seen.add(key)
    return out
