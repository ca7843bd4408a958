"""The network of actors as of a date: one edge per pair, labelled with the pair's
relation state (analysis.states), as a networkx graph."""

from __future__ import annotations

import networkx as nx
from sqlalchemy import select
from sqlalchemy.engine import Connection

from factions.analysis.states import relation_state
from factions.store import records
from factions.store import schema as t
from factions.store.judgements import family, root


def network(conn: Connection, as_of: str | None = None, known_on: str | None = None) -> nx.Graph:
    graph = nx.Graph()
    pairs = set()
    r = records.relations()
    for source, target in conn.execute(select(r.c.source_id, r.c.target_id).distinct()):
        a, b = root(conn, source), root(conn, target)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    actors = {r.id: r for r in conn.execute(select(t.actors.c.id, t.actors.c.name, t.actors.c.kind, t.actors.c.kb_id).where(t.actors.c.id.in_({x for p in pairs for x in p})))} if pairs else {}
    for a, b in sorted(pairs):
        state = relation_state(conn, family(conn, [a]), family(conn, [b]), as_of, known_on)
        if state["state"] == "none":
            continue
        for node in (a, b):
            row = actors[node]
            graph.add_node(node, name=row.name, kind=row.kind, kb_id=row.kb_id or "")
        graph.add_edge(a, b, state=state["state"], since=state["since"] or "", confidence=state["confidence"],
                       sources=len(state["evidence_for"]))
    return graph
