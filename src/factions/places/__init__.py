"""Stage 6, places on the map: place actors resolved to gazetteer entries
(`resolve.py`, over the offline gazetteer in `gazetteer.py`), and places taken out of
the parties of events and relations (`parties.py`, rule relations.place-not-party).

Entry points: `resolve_places(actors, mentions, kb)` sets `Actor.geo`;
`places_not_parties(events, relations, actors, mentions, text)` moves places to `where`.
"""

from factions.places.gazetteer import Gazetteer, gazetteer, place_key
from factions.places.parties import places_not_parties
from factions.places.resolve import resolve_places

__all__ = ["Gazetteer", "gazetteer", "place_key", "places_not_parties", "resolve_places"]
