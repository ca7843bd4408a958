"""Stage 5: relations between actors, from events, titles and descriptions, stances and
control. The types are declared in `data/relation_types.toml` (`types.py`)."""

from factions.relations.types import RelationType, relation_types, symmetric_types

__all__ = ["RelationType", "relation_types", "symmetric_types"]
