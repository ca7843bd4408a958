"""analyst judgements

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 15:35:19.282526
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('judgements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undone_by', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['other_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('judgements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_judgements_actor_id'), ['actor_id'], unique=False)

    with op.batch_alter_table('actor_names', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retracted_at', sa.DateTime(), nullable=True))

    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_actors_merged_into'), ['merged_into'], unique=False)
        batch_op.create_foreign_key('fk_actors_merged_into', 'actors', ['merged_into'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_constraint('fk_actors_merged_into', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_actors_merged_into'))
        batch_op.drop_column('merged_into')

    with op.batch_alter_table('actor_names', schema=None) as batch_op:
        batch_op.drop_column('retracted_at')

    with op.batch_alter_table('judgements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_judgements_actor_id'))

    op.drop_table('judgements')
