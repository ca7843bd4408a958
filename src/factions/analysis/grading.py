"""Source grading: Admiralty reliability (A–F) for the source of each piece of
evidence, and a claim's credibility (1–6) from corroboration by independent sources.

Reliability comes from the kind of source (data/grading.toml, overridable). Two
pieces of evidence are independent unless they share their original speaker or
their wording (copies of one wire text, one official quoted by several outlets).
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from factions.kb import load_kb
from factions.names import normalise
from factions.lexicons import data_table

INTERNATIONAL = {"united-nations", "un-security-council", "european-union", "african-union", "arab-league", "icrc", "nato"}
_MONITOR = re.compile(r"\b(institute|center|centre|observatory|crisis group|acled|monitor|foundation|think tank)\b", re.I)


@lru_cache(maxsize=4)
def grading(path: str | None = None) -> dict:
    data = {section: dict(values) for section, values in data_table("grading").items()}
    user = path or os.environ.get("FACTIONS_GRADES")
    if user:
        extra = tomllib.loads(Path(user).read_text("utf-8"))
        for section, values in extra.items():
            data.setdefault(section, {}).update(values)
    return data


def source_category(actor: dict | None, hostile: bool = False) -> str:
    """The kind of source an actor is, for its reliability grade. `actor` has the
    store's columns (name, kind, kb_id); None means the article itself."""
    if actor is None:
        return "wire_or_independent_media"
    kb = load_kb()
    entry = kb.get(actor.get("kb_id"))
    kind = actor["kind"]
    if kind == "media":
        owners = [kb.get(l["target"]) for l in (entry.lineage if entry else []) if l["type"] == "member_of"]
        return "group_media" if any(o and o.kind == "armed_group" for o in owners) else "wire_or_independent_media"
    if kind == "armed_group":
        return "armed_group"
    if kind in ("state", "government_body"):
        return "hostile_government" if hostile else "government"
    if kind == "organization":
        if actor.get("kb_id") in INTERNATIONAL or "united nations" in actor["name"].lower():
            return "international_organization"
        if _MONITOR.search(actor["name"]) or (entry and _MONITOR.search(entry.basis)):
            return "think_tank_or_monitor"
        return "unknown"
    if kind == "person":
        for role in entry.roles if entry else []:
            group = kb.get(role.get("of"))
            if group and group.kind == "armed_group":
                return "armed_group"
            if group and group.kind in ("state", "government_body"):
                return "hostile_government" if hostile else "government"
        return "named_person"
    if kind == "population":
        return "anonymous"
    return "unknown"


def reliability(actor: dict | None, hostile: bool = False) -> str:
    g = grading()
    override = g.get("override", {})
    if actor is not None:
        for key in (actor.get("kb_id"), actor.get("name")):
            if key and key in override:
                return override[key]
    return g["reliability"][source_category(actor, hostile)]


def weight(grade: str) -> float:
    return float(grading()["weight"].get(grade, 0.3))


def independent_groups(items: list[dict]) -> list[list[dict]]:
    """Evidence grouped so that each group is one independent source: items sharing
    a speaker (or, for an article's own assertion, an outlet) or the same wording
    fall in one group."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple, int] = {}
    for i, item in enumerate(items):
        keys = [("source", item["source_key"]), ("text", normalise(item.get("content") or item.get("evidence") or ""))]
        for key in keys:
            if key[1] == "":
                continue
            if key in seen:
                parent[find(i)] = find(seen[key])
            else:
                seen[key] = i
    groups: dict[int, list[dict]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())


def _independence_keys(item: dict) -> list[tuple]:
    keys = [("source", item["source_key"]), ("text", normalise(item.get("content") or item.get("evidence") or ""))]
    return [k for k in keys if k[1] != ""]


def groups_without_each(items: list[dict]) -> list[int]:
    """`len(independent_groups(items minus item i))` for every i, in linear time.

    Items are edges of a graph on their keys (speaker or outlet, wording); a group is
    a connected component holding an item. Leaving out one item leaves every other
    component whole; its own component loses it, survives when it has other items,
    and splits in two only when the item is a bridge (found by one depth-first
    search, Tarjan's low-link). Asking `independent_groups` once per item instead
    costs the square of a pair's evidence."""
    node: dict[tuple, int] = {}
    ends = []
    for item in items:
        ends.append([node.setdefault(k, len(node)) for k in _independence_keys(item)])
    n = len(node)
    adjacency: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    own = [0] * n  # items counted at a node: self-loops, and each other edge at its deeper end (below)
    for e, ks in enumerate(ends):
        if len(ks) == 2:
            adjacency[ks[0]].append((ks[1], e))
            adjacency[ks[1]].append((ks[0], e))
        elif len(ks) == 1:
            own[ks[0]] += 1
    tin, low, component = [-1] * n, [0] * n, [-1] * n
    subtree = [0] * n  # items in the DFS subtree, the edge into it included
    entered_by = [-1] * n
    bridges: dict[int, int] = {}  # edge -> the child node below it
    component_items: list[int] = []
    timer = 0
    for root in range(n):
        if tin[root] != -1:
            continue
        c = len(component_items)
        component_items.append(0)
        stack = [(root, iter(adjacency[root]))]
        tin[root] = low[root] = timer
        timer += 1
        component[root] = c
        order = [root]
        while stack:
            v, it = stack[-1]
            advanced = False
            for w, e in it:
                if e == entered_by[v]:
                    continue
                if tin[w] == -1:
                    entered_by[w] = e
                    tin[w] = low[w] = timer
                    timer += 1
                    component[w] = c
                    order.append(w)
                    stack.append((w, iter(adjacency[w])))
                    advanced = True
                    break
                low[v] = min(low[v], tin[w])
                if tin[w] < tin[v]:
                    own[v] += 1  # a back edge, counted at its deeper end
            if advanced:
                continue
            stack.pop()
            if entered_by[v] != -1:
                own[v] += 1  # the tree edge into v
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[v])
                if low[v] > tin[parent]:
                    bridges[entered_by[v]] = v
        for v in reversed(order):  # children come after their parent in `order`
            subtree[v] += own[v]
            component_items[c] += own[v]
            if entered_by[v] != -1:
                parent = next(w for w, e in adjacency[v] if e == entered_by[v])
                subtree[parent] += subtree[v]
    isolated = sum(1 for ks in ends if not ks)
    total = isolated + sum(1 for k in component_items if k)
    out = []
    for e, ks in enumerate(ends):
        if not ks:
            out.append(total - 1)
        elif e in bridges:
            child = bridges[e]
            below, above = subtree[child] - 1, component_items[component[child]] - subtree[child]
            out.append(total - 1 + (below > 0) + (above > 0))
        else:
            out.append(total if component_items[component[ks[0]]] > 1 else total - 1)
    return out


def credibility_of_each(supporting: list[dict], contradicting: list[dict]) -> list[int]:
    """`credibility(supporting minus item, contradicting)` for every supporting item,
    in linear time (see `groups_without_each`)."""
    against = len(independent_groups(contradicting))
    return [credibility_of_counts(support, against) for support in groups_without_each(supporting)]


def credibility(supporting: list[dict], contradicting: list[dict], prospective: bool = False) -> int:
    """Admiralty credibility of a claim: 1 confirmed by two or more other independent
    sources, 2 by one, 3 not corroborated, 4 contradicted, 5 contradicted by more
    independent sources than confirm it (itself included), 6 cannot be judged (a prospect)."""
    if prospective:
        return 6
    return credibility_of_counts(len(independent_groups(supporting)), len(independent_groups(contradicting)))


def credibility_of_counts(support: int, against: int) -> int:
    """`credibility` from the numbers of other independent sources that confirm the
    claim and that contradict it."""
    if against > support + 1:  # the claim itself counts on its own side
        return 5
    if against:
        return 4
    return {0: 3, 1: 2}.get(support, 1)
