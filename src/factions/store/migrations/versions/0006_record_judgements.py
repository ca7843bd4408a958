"""analysts' judgements on relations, events and claims

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-30 23:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
# Rechained onto 0005 when merged beside the branch that adds it.
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table only: extracted records are not touched, judgements overlay them.
    op.create_table('record_judgements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undone_by', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_record_judgements_record', 'record_judgements', ['record', 'record_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_record_judgements_record', table_name='record_judgements')
    op.drop_table('record_judgements')
