"""places on the map: gazetteer entries, and the place of each mention and event

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 23:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows stored before this revision keep NULL places: re-ingesting a document is
    # what places it (its text hash is already stored, so delete the document first).
    op.create_table(
        'places',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('gazetteer_id', sa.String(length=80), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('country', sa.String(length=2), nullable=False),
        sa.Column('country_name', sa.Text(), nullable=True),
        sa.Column('admin1', sa.Text(), nullable=True),
        sa.Column('admin1_code', sa.String(length=20), nullable=True),
        sa.Column('feature', sa.String(length=20), nullable=False),
        sa.Column('basis', sa.String(length=20), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('gazetteer_id'),
    )
    op.create_index('ix_places_country', 'places', ['country'], unique=False)
    op.create_index('ix_places_admin1', 'places', ['admin1'], unique=False)
    with op.batch_alter_table('mentions') as batch:
        batch.add_column(sa.Column('place_id', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_mentions_place_id', 'places', ['place_id'], ['id'])
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('place_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('place_reason', sa.Text(), nullable=True))
        batch.create_foreign_key('fk_events_place_id', 'places', ['place_id'], ['id'])
        batch.create_index('ix_events_place_id', ['place_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_index('ix_events_place_id')
        batch.drop_constraint('fk_events_place_id', type_='foreignkey')
        batch.drop_column('place_reason')
        batch.drop_column('place_id')
    with op.batch_alter_table('mentions') as batch:
        batch.drop_constraint('fk_mentions_place_id', type_='foreignkey')
        batch.drop_column('place_id')
    op.drop_index('ix_places_admin1', table_name='places')
    op.drop_index('ix_places_country', table_name='places')
    op.drop_table('places')
