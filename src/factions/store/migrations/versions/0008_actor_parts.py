"""actors.part_of: the knowledge-base actor an actor is part of (families and parts)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 00:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_actors = sa.table('actors', sa.column('id', sa.Integer), sa.column('kb_id', sa.String), sa.column('part_of', sa.String))


def upgrade() -> None:
    with op.batch_alter_table('actors') as batch:
        batch.add_column(sa.Column('part_of', sa.String(length=200), nullable=True))
        batch.create_index('ix_actors_part_of', ['part_of'], unique=False)
    # Knowledge-base actors already stored take their part_of from the knowledge base.
    from factions.kb import load_kb

    kb = load_kb()
    conn = op.get_bind()
    for row in conn.execute(sa.select(_actors.c.id, _actors.c.kb_id).where(_actors.c.kb_id.is_not(None))).all():
        parent = kb.parents.get(row.kb_id)
        if parent:
            conn.execute(_actors.update().where(_actors.c.id == row.id).values(part_of=parent))


def downgrade() -> None:
    with op.batch_alter_table('actors') as batch:
        batch.drop_index('ix_actors_part_of')
        batch.drop_column('part_of')
