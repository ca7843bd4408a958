"""Stage 5, the store: SQLite by default, any SQLAlchemy URL (PostgreSQL) by choice.

Entry points: `open_store(url)` (creates or migrates the schema with Alembic) and
`Store.ingest(extraction)` (one document in one transaction, whole or not at all).
"""

from factions.store.db import DEFAULT_URL, Store, database_url, open_store

__all__ = ["DEFAULT_URL", "Store", "database_url", "open_store"]
