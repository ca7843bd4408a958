"""Bare and generic names ("the Coalition", "the regime", "government forces"): the
family member the document is about.

Such a name names no one by itself. Its role (`data/families.toml`: coalition,
government, armed_forces, …) is played by several knowledge-base actors (the
anti-ISIL coalition, the Saudi-led coalition; every state's government); each
candidate that existed on the document's date is scored by how much the document
mentions its family (the members of its part_of tree and the states they act in).
The best is linked only if its family is mentioned and mentioned more than any other
candidate's; otherwise the mention stays unlinked, with the reason kept.
"""

from __future__ import annotations

from functools import lru_cache

from factions.actors.linking import Choice, Context
from factions.kb import KBActor, KnowledgeBase
from factions.lexicons import validated_table
from factions.names import normalise

_LEADING = ("the", "its", "their", "our", "his", "her", "a", "an")


@lru_cache(maxsize=1)
def _table() -> dict:
    table = validated_table("families")
    for kind, role in table["default_roles"].items():
        if role not in table["roles"]:
            raise ValueError(f"factions/data/families.toml: default_roles: {kind} plays unknown role '{role}'")
    by_name = {}
    for role, spec in table["roles"].items():
        for name in spec["names"]:
            by_name[normalise(name)] = role
    return {**table, "_by_name": by_name}


def roles() -> dict[str, dict]:
    return _table()["roles"]


def default_role(kind: str) -> str | None:
    return _table()["default_roles"].get(kind)


@lru_cache(maxsize=65536)
def bare_role(surface: str) -> str | None:
    """The role a bare name stands for ("the Coalition": coalition, "government
    forces": armed_forces), None for any other name ("Turkish army")."""
    words = surface.replace("’", "'").split()
    while words and (words[0].lower() in _LEADING or words[0].lower().endswith(("'s",))):
        words = words[1:]
    return _table()["_by_name"].get(normalise(" ".join(words))) if words else None


def _players(kb: KnowledgeBase, role: str) -> list[KBActor]:
    """The KB actors that play `role` (computed once per knowledge base)."""
    cache = kb.__dict__.setdefault("_role_players", {})
    if role not in cache:
        cache[role] = [a for a in kb.actors.values() if kb.role_of(a) == role]
    return cache[role]


def family_support(kb: KnowledgeBase, actor: KBActor, context: Context) -> tuple[int, list[str]]:
    """How many of the document's linked mentions are of `actor`'s family, of the
    states its members act in, or of actors and places only in those states (the
    KB's `countries`); and which ids they were."""
    members = kb.family(actor.id)
    places: set[str] = set()
    for member in members:
        places |= kb.actors[member].places()
    ids = set(members) | places

    def counts(i: str) -> bool:
        other = kb.actors.get(i)
        return i in ids or (other is not None and bool(other.places()) and other.places() <= places)

    seen = {i: n for i, n in context.mentioned.items() if counts(i)}
    return sum(seen.values()), sorted(seen, key=lambda i: (-seen[i], i))


def choose_member(kb: KnowledgeBase, surface: str, context: Context) -> Choice | None:
    """The family member a bare name means here; None if `surface` is no bare name,
    a Choice without an actor when no family is the one the document is about."""
    role = bare_role(surface)
    if role is None:
        return None
    candidates = [a for a in _players(kb, role) if a.exists_on(context.day)]
    scored = sorted(((*family_support(kb, a, context), a) for a in candidates), key=lambda s: (-s[0], s[2].id))
    scored = [s for s in scored if s[0] >= _table()["min_support"]]
    name = " ".join(surface.split())
    if not scored:
        return Choice(None, 0.0, f"'{name}' is a bare name ({role.replace('_', ' ')}) and the document is about no "
                      "family with one", False)
    best, seen, actor = scored[0]
    if len(scored) > 1 and scored[1][0] == best:
        tied = ", ".join(a.name for n, _, a in scored if n == best)
        return Choice(None, 0.0, f"'{name}' is a bare name ({role.replace('_', ' ')}); the document is as much about {tied}", True)
    others = "".join(f", {a.name} {n}" for n, _, a in scored[1:4])
    family = kb.actors[kb.family_root(actor.id)].name
    reason = (f"'{name}' is a bare name ({role.replace('_', ' ')}): {actor.name}, of the family the document is about "
              f"({family}: {best} mention{'s' if best != 1 else ''} of {', '.join(seen)}{others and '; then' + others[1:]})")
    return Choice(actor, float(best), reason, len(scored) > 1)


def member_named_with(kb: KnowledgeBase, surface: str, owner_id: str, context: Context) -> Choice | None:
    """The family member a bare name means when its own phrase names the family: "the
    Government of Colombia" is Colombia's government wherever else the document looks
    ("The Government of Myanmar thanked …; the Government of Colombia deployed …").
    None when `surface` is no bare name or no member of `owner_id`'s family plays it."""
    role = bare_role(surface)
    if role is None or owner_id not in kb.actors:
        return None
    family = set(kb.family(kb.family_root(owner_id)))
    found = [a for a in _players(kb, role) if a.id in family and a.exists_on(context.day)]
    if len(found) != 1:
        return None
    name = " ".join(surface.split())
    return Choice(found[0], 1.0, f"'{name}' is a bare name ({role.replace('_', ' ')}) of {kb.actors[owner_id].name}, "
                  "named in its own phrase", False)
