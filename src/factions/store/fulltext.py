"""The full-text index over document text (and title), claim content and actor names,
built for the backend the store is on, and kept in sync by the database itself so no
writer (ingest, an analyst's alias or split, a hand-added claim) can forget it:

- SQLite: three FTS5 tables with external content (`documents_fts`, `claims_fts`,
  `actor_names_fts`: the text is not stored twice) and triggers on the base tables
  that add, remove and update their rows. Tokens are unicode61 with diacritics
  removed, no stemming ("Ḩalab" finds "Halab").
- PostgreSQL: GIN indexes on `to_tsvector('simple', ...)` expressions, which the
  database updates itself; `analysis.search` queries the same expressions.

The FTS5 tables are virtual tables outside `schema.metadata` (`SQLITE_TABLES` names
them). A later migration that rebuilds one of the indexed tables with
`batch_alter_table` drops its triggers with it: it must call `install` again.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

# (FTS5 table, base table, indexed columns). The FTS table's rowid is the base row's id.
_SQLITE = (
    ("documents_fts", "documents", ("title", "text")),
    ("claims_fts", "claims", ("content",)),
    ("actor_names_fts", "actor_names", ("name",)),
)
SQLITE_TABLES = tuple(name for name, _, _ in _SQLITE)

# The PostgreSQL expressions; analysis.search must query the same ones for the index to apply.
PG_DOCUMENT = "to_tsvector('simple', coalesce(documents.title, '') || ' ' || documents.text)"
PG_CLAIM = "to_tsvector('simple', claims.content)"
PG_ACTOR_NAME = "to_tsvector('simple', actor_names.name)"
_PG = (
    ("ix_documents_fulltext", "documents", PG_DOCUMENT),
    ("ix_claims_fulltext", "claims", PG_CLAIM),
    ("ix_actor_names_fulltext", "actor_names", PG_ACTOR_NAME),
)
PG_INDEXES = tuple(name for name, _, _ in _PG)  # expression indexes, outside schema.metadata too


def _sqlite_statements() -> list[str]:
    out = []
    for fts, base, cols in _SQLITE:
        names = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        out += [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content='{base}', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')",
            f"DROP TRIGGER IF EXISTS {fts}_insert",
            f"DROP TRIGGER IF EXISTS {fts}_delete",
            f"DROP TRIGGER IF EXISTS {fts}_update",
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {base} BEGIN "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {base} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {base} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END",
            # The rows stored before the index existed (and a consistent index after a rebuild).
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
    return out


def install(conn: Connection) -> None:
    """Create (or re-create) the index and what keeps it in sync, and index every row
    already stored. Idempotent; runs inside the caller's transaction."""
    if conn.dialect.name == "sqlite":
        for statement in _sqlite_statements():
            conn.exec_driver_sql(statement)
    elif conn.dialect.name == "postgresql":
        for name, base, expression in _PG:
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {base} USING gin (({expression}))")


def remove(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for fts, _, _ in _SQLITE:
            for what in ("insert", "delete", "update"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{what}")
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}")
    elif conn.dialect.name == "postgresql":
        for name, _, _ in _PG:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
