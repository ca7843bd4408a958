"""Stage 3, actors: mentions grouped into actors per document, linked to the
knowledge base (`factions.kb`, re-exported here for callers of this stage).

Entry point: `resolve_actors(document, doc, kb)`.
"""

from factions.kb import KnowledgeBase, load_kb
from factions.actors.resolve import resolve_actors

__all__ = ["KnowledgeBase", "load_kb", "resolve_actors"]
