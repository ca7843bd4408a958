"""relations.confidence filled: how sure each stored relation is (the review queue's order)

Every relation the extraction made gets the measured confidence of the rule that made
it (data/rule_confidence.toml, factions.rules.relation_confidence); one whose rule
was not measured, or that was stored before rules had ids, gets the prior. A relation
an analyst added keeps none. The index on (confidence, id) serves the review queue
(least sure first, ties by id); the one on event_id counts the relations a rejected
event takes with it (records.count_unjudged_relations).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 06:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_relations = sa.table('relations', sa.column('id', sa.Integer), sa.column('rule', sa.String), sa.column('confidence', sa.Float))


def upgrade() -> None:
    from factions.lexicons import validated_table
    from factions.rules import ANALYST

    table = validated_table("rule_confidence")
    conn = op.get_bind()
    r = _relations
    unset = r.c.confidence.is_(None)
    # One statement per measured rule (ix_relations_rule finds its rows), then the prior for the rest.
    for rule, entry in table["rule"].items():
        conn.execute(r.update().where(r.c.rule == rule, unset).values(confidence=entry["confidence"]))
    conn.execute(r.update().where(unset, sa.or_(r.c.rule.is_(None), r.c.rule != ANALYST)).values(confidence=table["prior"]["confidence"]))
    op.create_index('ix_relations_confidence', 'relations', ['confidence', 'id'], unique=False)
    op.create_index('ix_relations_event_id', 'relations', ['event_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_relations_event_id', table_name='relations')
    op.drop_index('ix_relations_confidence', table_name='relations')
    # The confidences stay: before this revision nothing read them.
