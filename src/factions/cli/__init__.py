"""Stage 7, interfaces: the `factions` command, a thin layer over the library.

Entry point: `main()`. Commands: extract, ingest, actors, actor, claims, relation,
timeline, summary, eval re3d.
"""

from factions.cli.app import app, main

__all__ = ["app", "main"]
