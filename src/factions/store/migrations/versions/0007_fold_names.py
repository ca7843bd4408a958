"""actor names folded by factions.names.normalise (anyascii, articles, honorifics, variants)

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-30 23:30:00
"""
from alembic import op
import sqlalchemy as sa

from factions.names import normalise


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_names = sa.table('actor_names', sa.column('id', sa.Integer), sa.column('name', sa.String), sa.column('norm', sa.String))
_actors = sa.table('actors', sa.column('id', sa.Integer), sa.column('key', sa.String), sa.column('name', sa.String))


def upgrade() -> None:
    conn = op.get_bind()
    for row in conn.execute(sa.select(_names.c.id, _names.c.name, _names.c.norm)).all():
        norm = normalise(row.name)
        if norm != row.norm:
            conn.execute(_names.update().where(_names.c.id == row.id).values(norm=norm))
    # Named actors are keyed "<kind>:<folded name>" (descriptions "doc<N>:<kind>:<name>",
    # KB actors "kb:<id>", unchanged). Two actors whose names now fold alike are not
    # merged here (that is an analyst's judgement): the later one keeps its old key.
    rows = conn.execute(sa.select(_actors.c.id, _actors.c.key, _actors.c.name).order_by(_actors.c.id)).all()
    taken = {r.key for r in rows}
    for row in rows:
        # Only "<kind>:<name>" and "doc<N>:<kind>:<name>"; "kb:<id>" and an analyst's
        # "split:<actor>:<name>:<time>" are not keyed by the folded name alone.
        if row.key.startswith(("kb:", "split:")) or ":" not in row.key:
            continue
        parts = row.key.split(":", 2) if row.key.startswith("doc") else row.key.split(":", 1)
        key = ":".join([*parts[:-1], normalise(row.name)])
        if key != row.key and key not in taken:
            conn.execute(_actors.update().where(_actors.c.id == row.id).values(key=key))
            taken.discard(row.key)
            taken.add(key)


def downgrade() -> None:
    # The old folding is gone from the code; folded values still match what they folded.
    pass
