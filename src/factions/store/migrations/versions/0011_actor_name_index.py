"""an index on actor_names.name: a name as written is looked up on every request that
names an actor (resolve_actor's first level); without it each lookup read every name

PostgreSQL: a hash index (equality is all the lookup asks, and a name of any length
fits it, where a b-tree entry must stay under a third of a page); SQLite: a b-tree.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 06:10:00
"""
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_actor_names_name', 'actor_names', ['name'], unique=False, postgresql_using='hash')


def downgrade() -> None:
    op.drop_index('ix_actor_names_name', table_name='actor_names')
