"""Stage 3, actors: the knowledge base, and mentions grouped into actors per document.

Entry points: `load_kb()` and `resolve_actors(document, doc, kb)`.
"""

from factions.actors.kb import KnowledgeBase, load_kb, normalize_name
from factions.actors.resolve import resolve_actors

__all__ = ["KnowledgeBase", "load_kb", "normalize_name", "resolve_actors"]
