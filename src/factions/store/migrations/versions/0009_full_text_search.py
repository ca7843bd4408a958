"""full-text search over document text, claim content and actor names (issue 14)

SQLite: FTS5 tables with external content, kept in sync by triggers; PostgreSQL: GIN
indexes on to_tsvector expressions (store/fulltext.py). Rows already stored are indexed.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 03:00:00
"""
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from factions.store import fulltext

    fulltext.install(op.get_bind())


def downgrade() -> None:
    from factions.store import fulltext

    fulltext.remove(op.get_bind())
