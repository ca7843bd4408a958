"""Analysts' judgements on actor identity: merge, split, alias — each recorded with
who, when and why, and each reversible. Nothing is deleted: a merge points one
actor at another, a split moves mentions to a new actor and remembers which, an
alias is retracted rather than removed.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Connection

from factions.names import normalise
from factions.store import schema as t


class JudgementError(ValueError):
    """A judgement on identity that cannot be made or undone; the message says why."""


class UnknownJudgement(JudgementError):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def root(conn: Connection, actor_id: int) -> int:
    """The actor an actor has been merged into, following merges to the end."""
    seen = set()
    while actor_id not in seen:
        seen.add(actor_id)
        nxt = conn.execute(select(t.actors.c.merged_into).where(t.actors.c.id == actor_id)).scalar()
        if nxt is None:
            return actor_id
        actor_id = nxt
    raise JudgementError("merges form a cycle")


def roots(conn: Connection, ids) -> dict[int, int]:
    """`root` for many actors in one query (merges are kept one level deep)."""
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    rows = conn.execute(select(t.actors.c.id, t.actors.c.merged_into).where(t.actors.c.id.in_(ids)))
    return {r.id: r.merged_into or r.id for r in rows}


def family(conn: Connection, ids: list[int]) -> list[int]:
    """The roots of `ids` and every actor merged into them, directly or not."""
    roots = list(dict.fromkeys(root(conn, i) for i in ids))
    found = set(roots)
    frontier = set(found)
    while frontier:
        rows = conn.execute(select(t.actors.c.id).where(t.actors.c.merged_into.in_(frontier))).scalars().all()
        frontier = set(rows) - found
        found |= frontier
    return roots + sorted(found - set(roots))


def _record(conn, action, actor_id, other_id, detail, author, reason) -> int:
    return conn.execute(insert(t.judgements), dict(
        action=action, actor_id=actor_id, other_id=other_id, detail=detail,
        author=author, reason=reason, made_at=_now(),
    )).inserted_primary_key[0]


def merge(conn: Connection, keep: int, other: int, author: str, reason: str) -> int:
    """`other` is the same actor as `keep` from now on."""
    keep, other = root(conn, keep), root(conn, other)
    if keep == other:
        raise JudgementError("these are already one actor")
    # Merges stay one level deep (actors point at their root), so queries can
    # group by COALESCE(merged_into, id); undo puts the children back.
    children = conn.execute(select(t.actors.c.id).where(t.actors.c.merged_into == other)).scalars().all()
    conn.execute(update(t.actors).where(t.actors.c.id.in_([other, *children])).values(merged_into=keep))
    return _record(conn, "merge", keep, other, {"merged": other, "children": children}, author, reason)


def split(conn: Connection, actor_id: int, names: list[str], author: str, reason: str) -> int:
    """Move the mentions named `names` (and the claims, events and relations whose
    spans are those mentions) from an actor to a new one."""
    norms = {normalise(n) for n in names}
    source = conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).one()._mapping
    moved = [r for r in conn.execute(select(t.mentions).where(t.mentions.c.actor_id == actor_id)) if normalise(r.text) in norms]
    if not moved:
        raise JudgementError(f"no mention of {', '.join(names)} belongs to this actor")
    now = _now()
    new_id = conn.execute(insert(t.actors), dict(
        key=f"split:{actor_id}:{sorted(norms)[0]}:{now.isoformat()}", name=names[0], kind=source["kind"],
        kb_id=None, basis="analyst", recorded_at=now,
    )).inserted_primary_key[0]
    conn.execute(insert(t.actor_names), [dict(actor_id=new_id, name=n, norm=normalise(n), basis="analyst", recorded_at=now) for n in names])
    detail = {"new_actor": new_id, "mentions": [], "claims": [], "participants": [], "relations_source": [], "relations_target": []}
    for m in moved:
        detail["mentions"].append(m.id)
        at = dict(doc=m.document_id, start=m.start, end=m.end)
        c = t.claims
        detail["claims"] += conn.execute(select(c.c.id).where(and_(c.c.document_id == at["doc"], c.c.speaker_id == actor_id, c.c.speaker_start == m.start, c.c.speaker_end == m.end))).scalars().all()
        p = t.event_participants
        detail["participants"] += conn.execute(select(p.c.id).join(t.events, t.events.c.id == p.c.event_id).where(and_(t.events.c.document_id == at["doc"], p.c.actor_id == actor_id, p.c.start == m.start, p.c.end == m.end))).scalars().all()
        r = t.relations
        detail["relations_source"] += conn.execute(select(r.c.id).where(and_(r.c.document_id == at["doc"], r.c.source_id == actor_id, r.c.source_start == m.start, r.c.source_end == m.end))).scalars().all()
        detail["relations_target"] += conn.execute(select(r.c.id).where(and_(r.c.document_id == at["doc"], r.c.target_id == actor_id, r.c.target_start == m.start, r.c.target_end == m.end))).scalars().all()
    _move(conn, detail, actor_id, new_id)
    return _record(conn, "split", actor_id, new_id, detail, author, reason)


def _move(conn, detail: dict, from_id: int, to_id: int) -> None:
    for table, column, key in (
        (t.mentions, "actor_id", "mentions"), (t.claims, "speaker_id", "claims"),
        (t.event_participants, "actor_id", "participants"),
        (t.relations, "source_id", "relations_source"), (t.relations, "target_id", "relations_target"),
    ):
        if detail[key]:
            conn.execute(update(table).where(table.c.id.in_(detail[key])).values({column: to_id}))


def add_alias(conn: Connection, actor_id: int, name: str, author: str, reason: str) -> int:
    now = _now()
    existing = conn.execute(select(t.actor_names.c.id).where(and_(t.actor_names.c.actor_id == actor_id, t.actor_names.c.name == name))).scalar()
    if existing is not None:
        conn.execute(update(t.actor_names).where(t.actor_names.c.id == existing).values(retracted_at=None))
        name_id = existing
    else:
        name_id = conn.execute(insert(t.actor_names), dict(actor_id=actor_id, name=name, norm=normalise(name), basis="analyst", recorded_at=now)).inserted_primary_key[0]
    return _record(conn, "alias", actor_id, None, {"name_id": name_id, "name": name, "existed": existing is not None}, author, reason)


def undo(conn: Connection, judgement_id: int, author: str) -> dict:
    row = conn.execute(select(t.judgements).where(t.judgements.c.id == judgement_id)).first()
    if row is None:
        raise UnknownJudgement(f"no judgement {judgement_id} on an actor")
    if row.undone_at is not None:
        raise JudgementError(f"judgement {judgement_id} was already undone")
    later = conn.execute(select(t.judgements.c.id).where(and_(
        t.judgements.c.id > judgement_id, t.judgements.c.undone_at.is_(None),
        (t.judgements.c.actor_id.in_([row.actor_id, row.other_id or -1])) | (t.judgements.c.other_id.in_([row.actor_id, row.other_id or -1])),
    ))).scalars().all()
    if later:
        raise JudgementError(f"undo the later judgements on these actors first: {', '.join(map(str, later))}")
    if row.action == "merge":
        conn.execute(update(t.actors).where(t.actors.c.id == row.other_id).values(merged_into=None))
        if row.detail.get("children"):
            conn.execute(update(t.actors).where(t.actors.c.id.in_(row.detail["children"])).values(merged_into=row.other_id))
    elif row.action == "split":
        _move(conn, row.detail, row.other_id, row.actor_id)
        conn.execute(update(t.actors).where(t.actors.c.id == row.other_id).values(merged_into=row.actor_id))
    elif row.action == "alias" and not row.detail.get("existed"):
        conn.execute(update(t.actor_names).where(t.actor_names.c.id == row.detail["name_id"]).values(retracted_at=_now()))
    conn.execute(update(t.judgements).where(t.judgements.c.id == judgement_id).values(undone_at=_now(), undone_by=author))
    return dict(row._mapping)


def history(conn: Connection, ids: list[int] | None = None) -> list[dict]:
    """Judgements on the actors `ids` (None: on every actor), oldest first, undone ones included."""
    j = t.judgements
    stmt = select(j).order_by(j.c.id)
    if ids is not None:
        stmt = stmt.where(j.c.actor_id.in_(ids) | j.c.other_id.in_(ids))
    rows = conn.execute(stmt)
    return [dict(r._mapping) for r in rows]
