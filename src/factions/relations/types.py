"""The relation types, declared once in `data/relation_types.toml`: direction, the
state each is evidence of, the re3d type it is scored as, the event types that imply
it, and whether its evidence ends with the act that made it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factions.lexicons import validated_table


@dataclass(frozen=True)
class RelationType:
    id: str
    symmetric: bool
    state: str
    re3d: str
    implied_by: tuple[str, ...]
    description: str
    bounded: bool = False
    horizon_days: int | None = None
    re3d_by_trigger: dict | None = None  # re3d type -> trigger words (as written) that make the relation that type
    re3d_by_rule: dict | None = None  # re3d type -> rules whose relations of this type re3d marks as that type


@lru_cache(maxsize=1)
def relation_types() -> dict[str, RelationType]:
    out = {}
    for entry in validated_table("relation_types")["type"]:
        out[entry["id"]] = RelationType(**{**entry, "implied_by": tuple(entry["implied_by"])})
    return out


@lru_cache(maxsize=1)
def symmetric_types() -> frozenset[str]:
    return frozenset(t.id for t in relation_types().values() if t.symmetric)


@lru_cache(maxsize=1)
def state_of() -> dict[str, str]:
    """Relation type → the state it is evidence of (types with no state are left out)."""
    return {t.id: t.state for t in relation_types().values() if t.state}


@lru_cache(maxsize=1)
def re3d_type_of() -> dict[str, str]:
    return {t.id: t.re3d for t in relation_types().values() if t.re3d}


def horizon(relation_type: str) -> int | None:
    """Days a bounded relation's state outlives the dated act it was read from."""
    t = relation_types().get(relation_type)
    return t.horizon_days if t is not None and t.bounded else None


def implied_by(event_type: str) -> str | None:
    """The relation an event type implies between its participants, if any."""
    return next((t.id for t in relation_types().values() if event_type in t.implied_by), None)
