"""the rule that made each claim, event and relation

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 19:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows stored before this revision keep NULL: which rule made them was not recorded.
    for table in ('claims', 'events', 'relations'):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('rule', sa.String(length=80), nullable=True))
    with op.batch_alter_table('relations') as batch:
        batch.create_index('ix_relations_rule', ['rule'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('relations') as batch:
        batch.drop_index('ix_relations_rule')
    for table in ('relations', 'events', 'claims'):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('rule')
