from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.engine import Connection

from factions.kb import load_kb
from factions.names import normalise
from factions.store import records
from factions.store import schema as t
from factions.analysis.events import deduplicated_events
from factions.analysis.paging import page_query, paged
from factions.analysis.states import pair_evidence, relation_state
from factions.store.judgements import family, roots

# Roles that lead a group or a state ("leader", "deputy leader", "military commander").
LEADING_ROLES = {"leader", "commander", "emir", "secretary-general", "chairman", "president", "head", "chief", "co-chair", "king", "founder", "prime"}


class ActorLookupError(LookupError):
    """A name that does not pick out one stored actor."""


class ActorNotFound(ActorLookupError):
    """A name that is no stored actor's name, alias or spelling variant; the message
    names the closest stored names, and `suggestions` lists them."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []


class AmbiguousActor(ActorLookupError):
    """A name that several stored actors bear at the same level of evidence (the
    same exact name, knowledge-base name or spelling variant). `candidates` lists
    them (id, name, kind, kb_id, mentions, level); any of them is picked by its
    `ref` ("kb:<kb id>" or "id:<store id>")."""

    def __init__(self, name: str, level: str, candidates: list[dict]):
        super().__init__(f"'{name}' is the {level} of {len(candidates)} actors in the store; name one by its ref:")
        self.name, self.level, self.candidates = name, level, candidates


_REF_PREFIXES = ("kb:", "id:")


def resolve_actor(conn: Connection, name: str) -> list[int]:
    """Actor ids a name refers to, by the first level that finds any: a stored name or
    alias as written ("ISIS", "IS" and "Islamic State" are one actor), a knowledge-base
    name or alias, a spelling variant (`factions.names.normalise` on both sides), or a
    ref ("kb:islamic-state", "id:12"). Never another actor: a name that is none of
    these is ActorNotFound naming the closest stored names, and a name several
    actors bear at its level is AmbiguousActor listing them. Descriptions are kept
    per document ("intelligence sources" in two articles); the same description of
    the same kind answers as one."""
    live = t.actor_names.c.retracted_at.is_(None)
    kb = load_kb()
    by_level: list[tuple[str, list[int]]] = []
    if name.startswith(_REF_PREFIXES):
        column = t.actors.c.kb_id if name.startswith("kb:") else t.actors.c.id
        value = name[3:] if name.startswith("kb:") else (int(name[3:]) if name[3:].isdigit() else -1)
        by_level.append(("ref", [r[0] for r in conn.execute(select(t.actors.c.id).where(column == value))]))
    else:
        by_level.append(("exact name", lambda: [r[0] for r in conn.execute(select(t.actor_names.c.actor_id).where(t.actor_names.c.name == name, live).distinct())]))
        kb_ids = [a.id for a in kb.lookup(name)]
        by_level.append(("knowledge-base name", lambda: [r[0] for r in conn.execute(select(t.actors.c.id).where(t.actors.c.kb_id.in_(kb_ids)))] if kb_ids else []))
        by_level.append(("spelling variant", lambda: [r[0] for r in conn.execute(select(t.actor_names.c.actor_id).where(t.actor_names.c.norm == normalise(name), live).distinct())]))
    for level, found in by_level:
        ids = found() if callable(found) else found
        if ids:
            # An analyst's merges make several stored actors one: the first id is the root.
            ids = family(conn, ids)
            _refuse_ambiguous(conn, name, level, ids)
            return ids
    # A close spelling is a suggestion, never an answer: "al-Nusra Front" once landed
    # on "US" by partial matching.
    stored = {r.norm: r.name for r in conn.execute(select(t.actor_names.c.norm, t.actor_names.c.name).where(live))}
    close = process.extract(normalise(name), list(stored), scorer=fuzz.ratio, score_cutoff=70, limit=3)
    suggestions = [stored[c[0]] for c in close]
    kb_ids = [a.id for a in kb.lookup(name)]
    known = f" (the knowledge base knows it as {kb.get(kb_ids[0]).name}, but no document in the store names it)" if kb_ids else ""
    hint = f"; did you mean {', '.join(repr(x) for x in suggestions)}?" if suggestions else ""
    raise ActorNotFound(f"no actor named '{name}' in the store{known}{hint}", suggestions)


def _refuse_ambiguous(conn: Connection, name: str, level: str, ids: list[int]) -> None:
    """AmbiguousActor when the roots among `ids` are more than one actor: more than one
    KB id, or actors of different kinds or names (a description in many documents is one)."""
    a = t.actors
    rows = conn.execute(select(a.c.id, a.c.name, a.c.kind, a.c.kb_id, a.c.key).where(a.c.id.in_(ids), a.c.merged_into.is_(None))).all()
    identity = {(r.kb_id,) if r.kb_id else (r.kind, r.key.split(":", 1)[1] if r.key.startswith("doc") else r.key) for r in rows}
    if len(identity) <= 1:
        return
    counts = dict(conn.execute(
        select(func.coalesce(a.c.merged_into, a.c.id), func.count(t.mentions.c.id))
        .join(t.mentions, t.mentions.c.actor_id == a.c.id)
        .where(func.coalesce(a.c.merged_into, a.c.id).in_([r.id for r in rows]))
        .group_by(func.coalesce(a.c.merged_into, a.c.id))
    ).all())
    candidates = [
        {"ref": f"kb:{r.kb_id}" if r.kb_id else f"id:{r.id}", "id": r.id, "name": r.name, "kind": r.kind, "kb_id": r.kb_id,
         "mentions": counts.get(r.id, 0), "level": level}
        for r in rows
    ]
    candidates.sort(key=lambda c: (-c["mentions"], c["name"], c["id"]))
    raise AmbiguousActor(name, level, candidates)


def with_parts(conn: Connection, ids: list[int]) -> list[int]:
    """`ids` (an actor and what was merged into it) and every stored actor that is part
    of it, at any depth (`actors.part_of`, from the knowledge base), with what was
    merged into those: the whole family, for roll-up queries. The first id stays first."""
    a = t.actors
    found = list(ids)
    kb_ids = {r for r in conn.execute(select(a.c.kb_id).where(a.c.id.in_(ids), a.c.kb_id.is_not(None))).scalars()}
    while kb_ids:
        rows = conn.execute(select(a.c.id, a.c.kb_id).where(a.c.part_of.in_(kb_ids))).all()
        new = [r for r in rows if r.id not in found]
        found += [r.id for r in new]
        kb_ids = {r.kb_id for r in new if r.kb_id}
    return list(dict.fromkeys(family(conn, found))) if len(found) > len(ids) else found


def _actor_names(conn: Connection, ids) -> dict[int, str]:
    """Display names, each actor shown under the actor it was merged into."""
    if not ids:
        return {}
    top = roots(conn, ids)
    names = {r.id: r.name for r in conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(set(top.values()))))}
    return {i: names[r] for i, r in top.items()}


def _actors_statement(conn: Connection, query: str | None, kind: str | None):
    mentions = func.count(t.mentions.c.id).label("mentions")
    docs = func.count(func.distinct(t.mentions.c.document_id)).label("documents")
    # Mentions of merged actors count for the actor they were merged into.
    merged = t.actors.alias("merged")
    stmt = (
        select(t.actors.c.id, t.actors.c.name, t.actors.c.kind, t.actors.c.kb_id, mentions, docs)
        .join(merged, func.coalesce(merged.c.merged_into, merged.c.id) == t.actors.c.id)
        .join(t.mentions, t.mentions.c.actor_id == merged.c.id)
        .where(t.actors.c.merged_into.is_(None))
        .group_by(t.actors.c.id)
        .order_by(mentions.desc(), t.actors.c.name, t.actors.c.id)
    )
    if kind:
        stmt = stmt.where(t.actors.c.kind == kind)
    if query:
        try:
            stmt = stmt.where(t.actors.c.id.in_(resolve_actor(conn, query)))
        except AmbiguousActor as exc:  # a list shows every actor the name fits
            stmt = stmt.where(t.actors.c.id.in_([c["id"] for c in exc.candidates]))
        except ActorNotFound:  # a part of a name: the actors whose folded names hold it
            like = f"%{normalise(query)}%"
            stmt = stmt.where(t.actors.c.id.in_(select(t.actor_names.c.actor_id).where(t.actor_names.c.norm.like(like))))
    return stmt


def list_actors(conn: Connection, query: str | None = None, kind: str | None = None, limit: int = 50) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(_actors_statement(conn, query, kind).limit(limit))]


def actors_page(conn: Connection, query: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """`list_actors` a page at a time, with the total the filters match."""
    total, rows = page_query(conn, _actors_statement(conn, query, kind), limit, offset)
    return paged(rows, total, limit, offset)


def actor_profile(conn: Connection, name: str) -> dict:
    ids = resolve_actor(conn, name)
    row = conn.execute(select(t.actors).where(t.actors.c.id == ids[0])).one()._mapping
    names = [r.name for r in conn.execute(select(t.actor_names.c.name).where(t.actor_names.c.actor_id.in_(ids)).order_by(t.actor_names.c.id))]
    kb = load_kb()
    kb_entry = kb.get(row["kb_id"])
    rels = relation_counts(conn, ids)
    c = records.claims()
    claims_by = conn.execute(select(func.count()).select_from(c).where(c.c.speaker_id.in_(ids))).scalar()
    mentions = conn.execute(select(func.count()).select_from(t.mentions).where(t.mentions.c.actor_id.in_(ids))).scalar()
    return {
        "id": row["id"], "name": row["name"], "kind": row["kind"], "kb_id": row["kb_id"], "names": names,
        "mentions": mentions, "claims_made": claims_by, "relations": rels,
        "part_of": [{"kb_id": i, "name": kb.actors[i].name} for i in kb.ancestors(row["kb_id"])] if row["kb_id"] else [],
        "parts": _parts(conn, kb, row["kb_id"]),
        "knowledge_base": None if kb_entry is None else {
            "names_over_time": kb_entry.names, "lineage": kb_entry.lineage, "roles": kb_entry.roles, "basis": kb_entry.basis,
        },
    }


def _parts(conn: Connection, kb, kb_id: str | None) -> list[dict]:
    """The knowledge base's parts of an actor, at any depth, each with its mentions in
    the store (0: known to the knowledge base, named by no stored document)."""
    if not kb_id:
        return []
    parts = kb.parts(kb_id)
    a, m = t.actors, t.mentions
    merged = a.alias("merged")
    counts = dict(conn.execute(
        select(a.c.kb_id, func.count(m.c.id))
        .join(merged, func.coalesce(merged.c.merged_into, merged.c.id) == a.c.id)
        .join(m, m.c.actor_id == merged.c.id)
        .where(a.c.kb_id.in_(parts)).group_by(a.c.kb_id)
    ).all()) if parts else {}
    return [{"kb_id": p, "name": kb.actors[p].name, "part_of": kb.parents.get(p), "role": kb.role_of(kb.actors[p]),
             "mentions": counts.get(p, 0)} for p in parts]


def relation_counts(conn: Connection, ids: list[int]) -> list[dict]:
    r = records.relations()
    stmt = select(r.c.type, r.c.source_id, r.c.target_id, func.count().label("n")).where(
        or_(r.c.source_id.in_(ids), r.c.target_id.in_(ids))
    ).group_by(r.c.type, r.c.source_id, r.c.target_id)
    rows = list(conn.execute(stmt))
    names = _actor_names(conn, {x.source_id for x in rows} | {x.target_id for x in rows})
    return [
        {"type": x.type, "source": names[x.source_id], "target": names[x.target_id], "evidence": x.n}
        for x in sorted(rows, key=lambda x: -x.n)
    ]


def _claims_statement(conn: Connection, speaker: str | None, about: str | None, include_rejected: bool):
    c, d = records.claims(include_rejected), t.documents
    stmt = select(c, d.c.publisher, d.c.published, d.c.source, d.c.title).join(d, d.c.id == c.c.document_id).order_by(c.c.said_on, c.c.id)
    if speaker:
        stmt = stmt.where(c.c.speaker_id.in_(resolve_actor(conn, speaker)))
    if about:
        ids = resolve_actor(conn, about)
        m = t.mentions
        stmt = stmt.where(
            select(m.c.id).where(
                and_(m.c.document_id == c.c.document_id, m.c.actor_id.in_(ids),
                     m.c.start >= c.c.content_start, m.c.end <= c.c.content_end)
            ).exists()
        )
    return stmt


def _claim_rows(conn: Connection, rows: list[dict]) -> list[dict]:
    names = _actor_names(conn, {r["speaker_id"] for r in rows} | {v for r in rows for v in r["via"]})
    for r in rows:
        r["speaker"] = names[r["speaker_id"]]
        r["via_names"] = [names[v] for v in r["via"]]
        r.pop("recorded_at", None)
        r["confirmed"], r["rejected"] = bool(r["confirmed"]), bool(r["rejected"])
    return rows


def list_claims(conn: Connection, speaker: str | None = None, about: str | None = None, limit: int = 100,
                include_rejected: bool = False) -> list[dict]:
    """Claims as analysts have judged them, by when they were said (`include_rejected`:
    the rejected ones too, flagged)."""
    stmt = _claims_statement(conn, speaker, about, include_rejected).limit(limit)
    return _claim_rows(conn, [dict(r._mapping) for r in conn.execute(stmt)])


def claims_page(conn: Connection, speaker: str | None = None, about: str | None = None, limit: int = 100,
                offset: int = 0, include_rejected: bool = False) -> dict:
    """`list_claims` a page at a time, with the total the filters match."""
    total, rows = page_query(conn, _claims_statement(conn, speaker, about, include_rejected), limit, offset)
    return paged(_claim_rows(conn, rows), total, limit, offset)


def relation_evidence(conn: Connection, a: str, b: str, as_of: str | None = None, known_on: str | None = None,
                      include_rejected: bool = False, parts: bool = False) -> dict:
    """The A–B relation: its state as of `as_of` as known from documents published by
    `known_on` (with the evidence for and against, graded), and all the evidence up
    to `as_of` grouped by relation type, each item with its speaker, outlet, said-on
    date and modality. Analysts' judgements apply; `include_rejected` also lists the
    evidence they rejected (`rejected`), which never counts towards the state. With
    `parts`, each side is its whole family (`with_parts`: "Syria" answers for the
    Syrian Arab Army too); without, exactly the actors named."""
    ids_a, ids_b = resolve_actor(conn, a), resolve_actor(conn, b)
    if parts:
        ids_a, ids_b = with_parts(conn, ids_a), with_parts(conn, ids_b)
    # One read of the pair's evidence: the rejected items, when asked for, come with it.
    read = pair_evidence(conn, ids_a, ids_b, known_on, include_rejected=include_rejected)
    evidence = [i for i in read if not i["rejected"]]
    state = relation_state(conn, ids_a, ids_b, as_of, known_on, items=evidence)
    items = [i for i in evidence if not as_of or (i["date"] or "") <= as_of]
    grouped: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        grouped[item["type"]].append(item)
    names = _actor_names(conn, [ids_a[0], ids_b[0]])
    out = {"a": names[ids_a[0]], "b": names[ids_b[0]], "as_of": as_of, "known_on": known_on, "with_parts": parts,
           "state": state, "relations": dict(grouped)}
    if include_rejected:
        out["rejected"] = [i for i in read if i["rejected"] and (not as_of or (i["date"] or "") <= as_of)]
    return out


def timeline(conn: Connection, name: str, other: str | None = None, as_of: str | None = None,
             include_rejected: bool = False, parts: bool = False) -> list[dict]:
    """Events involving an actor (and, with `other`, both), in the order they
    happened; each event once, with every article's report of it. With `parts`, each
    actor's whole family (`with_parts`)."""
    involving = [resolve_actor(conn, name)] + ([resolve_actor(conn, other)] if other else [])
    if parts:
        involving = [with_parts(conn, ids) for ids in involving]
    return deduplicated_events(conn, involving, as_of, include_rejected)


def list_events(conn: Connection, country: str | None = None, region: str | None = None,
                date_from: str | None = None, date_to: str | None = None) -> list[dict]:
    """Events in the order they happened, each once with its reports and its place on
    the map; the filters combine. `country` is an ISO code or a name (an unknown one
    raises `UnknownCountry`), `region` a first-level region's name."""
    from factions.analysis.events import country_code, deduplicated_events

    code = country_code(country) if country else None
    return deduplicated_events(conn, None, date_to, country=code, region=region, date_from=date_from)


def summary(conn: Connection, top: int = 8) -> dict:
    counts = {
        name: conn.execute(select(func.count()).select_from(table)).scalar()
        for name, table in (("documents", t.documents), ("actors", t.actors), ("mentions", t.mentions),
                            ("claims", records.claims()), ("events", records.events()), ("relations", records.relations()))
    }
    top_actors = list_actors(conn, limit=top)
    pair = main_pair(conn)
    evidence = relation_evidence(conn, *pair) if pair else None
    return {"counts": counts, "top_actors": top_actors, "main_pair": evidence}


def main_pair(conn: Connection) -> tuple[str, str] | None:
    """The two armed groups with the most relation evidence between them."""
    r, src, dst = records.relations(), t.actors.alias("src"), t.actors.alias("dst")
    # The unordered pair, portably (SQLite's two-argument min is not PostgreSQL's).
    low = case((r.c.source_id < r.c.target_id, r.c.source_id), else_=r.c.target_id)
    high = case((r.c.source_id < r.c.target_id, r.c.target_id), else_=r.c.source_id)
    stmt = (
        select(low.label("a"), high.label("b"), func.count().label("n"))
        .join(src, src.c.id == r.c.source_id).join(dst, dst.c.id == r.c.target_id)
        .where(src.c.kind == "armed_group", dst.c.kind == "armed_group", r.c.source_id != r.c.target_id)
        .group_by(low, high).order_by(func.count().desc()).limit(1)
    )
    row = conn.execute(stmt).first()
    if row is None:
        return None
    names = _actor_names(conn, {row.a, row.b})
    return names[row.a], names[row.b]


def leaders(conn: Connection, group: str, as_of: str | None = None) -> dict:
    """Who leads a group: the knowledge base's leaders with tenures (those in office
    on `as_of` when given), and the store's "leads" evidence up to `as_of`."""
    ids = resolve_actor(conn, group)
    row = conn.execute(select(t.actors.c.name, t.actors.c.kb_id).where(t.actors.c.id == ids[0])).one()
    curated = []
    if row.kb_id:
        for person, role in load_kb().leaders(row.kb_id):
            if role["role"].split()[0] not in LEADING_ROLES and role["role"].split()[-1] not in LEADING_ROLES:
                continue  # a spokesman or an ideologue does not lead
            start, end = role.get("from"), role.get("to")
            if as_of and ((start and start > as_of) or (end and end <= as_of)):
                continue
            curated.append({"name": person.name, "role": role["role"], "from": start, "to": end, "basis": person.basis})
        curated.sort(key=lambda x: x["from"] or "")
    r, d, c = records.relations(), t.documents, records.claims()
    stmt = (
        select(r.c.id, r.c.basis, r.c.confirmed, r.c.source_id, r.c.evidence, r.c.modality, d.c.published, d.c.publisher, c.c.said_on)
        .join(d, d.c.id == r.c.document_id).outerjoin(c, c.c.id == r.c.claim_id)
        .where(r.c.type == "leads", r.c.target_id.in_(ids))
    )
    if as_of:
        stmt = stmt.where(func.coalesce(r.c.when_start, c.c.said_on, d.c.published) <= as_of)
    rows = list(conn.execute(stmt.order_by(d.c.published)))
    names = _actor_names(conn, {x.source_id for x in rows})
    reported = [
        {"relation": x.id, "basis": x.basis, "confirmed": bool(x.confirmed), "name": names[x.source_id], "modality": x.modality, "published": x.published, "outlet": x.publisher, "evidence": x.evidence}
        for x in rows
    ]
    return {"group": row.name, "as_of": as_of, "knowledge_base": curated, "reported": reported}
