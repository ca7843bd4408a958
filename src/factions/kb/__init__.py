"""The knowledge base, a stage of its own: curated actors, their names over time,
lineage and roles, from `factions/data/kb/*.toml` and the user's files (FACTIONS_KB),
each file validated by `data/schema/kb.schema.json` when loaded. The pipeline's ruler,
the actor resolver, the store and the queries all read it through `load_kb()`."""

from factions.kb.knowledge import (
    LABEL_OF_KIND, KBActor, KBFileError, KnowledgeBase, is_acronym, load_kb, parse_kb_files,
)

__all__ = ["LABEL_OF_KIND", "KBActor", "KBFileError", "KnowledgeBase", "is_acronym", "load_kb", "parse_kb_files"]
