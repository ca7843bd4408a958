"""Stage 7b, the workbench: `factions serve` — a REST API under /api/v1 (api.py) and
server-rendered pages (ui.py, templates/, static/) over one store, through the same
library calls as the CLI (no SQL here).

Entry point: `create_app(db, token=None)`.
"""

from factions.web.app import create_app

__all__ = ["create_app"]
