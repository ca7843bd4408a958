"""Stage 6, analysis: questions asked of the store. Each function takes a SQLAlchemy
connection and returns plain dicts, so the CLI, tests and other programs share them.

Entry points: `resolve_actor`, `list_actors`, `actor_profile`, `list_claims`,
`relation_evidence`, `leaders`, `timeline`, `list_events`, `summary`.
"""

from factions.analysis.events import UnknownCountry
from factions.analysis.queries import (
    ActorLookupError, ActorNotFound, AmbiguousActor, actor_profile, leaders, list_actors, list_claims, list_events,
    relation_evidence, resolve_actor, summary, timeline,
)

__all__ = [
    "ActorLookupError", "ActorNotFound", "AmbiguousActor", "UnknownCountry", "list_events", "actor_profile", "leaders",
    "list_actors", "list_claims", "relation_evidence", "resolve_actor", "summary", "timeline",
]
