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
