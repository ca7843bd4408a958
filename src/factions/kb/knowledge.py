"""The curated knowledge base: actors, their names over time, lineage and roles.

Data lives in `factions/data/kb/*.toml` (schema: `data/schema/kb.schema.json`).
Users add files with `--kb FILE` or `FACTIONS_KB` (paths separated by ':'); an entry
whose id is already known replaces the shipped one.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from factions.kb.cache import checked_entries, remember
from factions.kb.checks import file_problems, reference_problems
from factions.lexicons import DataFileError, validate_table
from factions.names import differ_in_kind, normalise, other_given_name

# Kind of actor -> the OntoNotes label its mentions carry.
LABEL_OF_KIND = {
    "person": "PERSON",
    "armed_group": "ORG",
    "organization": "ORG",
    "government_body": "ORG",
    "media": "ORG",
    "state": "GPE",
    "location": "GPE",
    "population": "NORP",
}

@dataclass
class KBActor:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    names: list[dict] = field(default_factory=list)
    lineage: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    ended: str | None = None  # when the actor ceased to exist (dissolved, died)
    began: str | None = None  # when it came into being (formed, founded)
    part_of: str | None = None  # KB id of the actor it is part of (see `parent`)
    family_role: str | None = None  # its role in its family (data/families.toml)
    countries: list[str] = field(default_factory=list)  # KB ids of the states it acts in
    basis: str = ""
    source: str = ""
    # Aliases that named this actor only between two dates ({name, from, to}); the
    # file's `aliases` may hold them beside plain names.
    dated_aliases: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.dated_aliases = self.dated_aliases + [a for a in self.aliases if isinstance(a, dict)]
        self.aliases = [a for a in self.aliases if isinstance(a, str)]

    def all_names(self) -> list[str]:
        dated = [n["name"] for n in self.names] + [n["acronym"] for n in self.names if n.get("acronym")]
        seen, out = set(), []
        for n in [self.name, *self.aliases, *(a["name"] for a in self.dated_aliases), *dated, *self.acronyms]:
            if n not in seen:
                seen.add(n)
                out.append(n)
        return out

    def places(self) -> set[str]:
        """The states this actor belongs to: itself for a state, else its `countries`."""
        return {self.id} if self.kind == "state" else set(self.countries)

    def parent(self, kb: "KnowledgeBase") -> str | None:
        """The KB id of the actor this one is part of: its `part_of`, else the group
        whose province it is (lineage `province_of`), else, for a state body, the
        state it is a member of (lineage `member_of` a state)."""
        if self.part_of:
            return self.part_of
        for link in self.lineage:
            if link["type"] == "province_of" and link["target"] in kb.actors:
                return link["target"]
        if self.kind == "government_body":
            for link in self.lineage:
                target = kb.actors.get(link["target"])
                if link["type"] == "member_of" and target is not None and target.kind == "state":
                    return target.id
        return None

    def exists_on(self, day: str | None) -> bool:
        """Whether the actor existed on `day` (ISO, any precision; None: now)."""
        if not day:
            return not self.ended
        if self.began and day[: len(self.began)] < self.began[: len(day)]:
            return False
        return not (self.ended and self.ended < day[: len(self.ended)])

    def name_era(self, name: str, day: str | None) -> str:
        """How `name` fits this actor on `day` (None: today): "valid" (a dated name or
        alias of it then), "undated", "outside_name" (its official name at other times: "ISIL"
        after 2014 still means it) or "outside_alias" (an alias that named it only at
        other times: another actor bore it then)."""
        key = normalise(name)
        aliases = [a for a in self.dated_aliases if normalise(a["name"]) == key]
        names = [n for n in self.names if key in (normalise(n["name"]), normalise(n.get("acronym", "")))]
        if not aliases and not names:
            return "undated"
        if not day:
            # An undated document is read as current: an alias that another actor
            # bears now fits it, one that stopped naming this actor long ago does not.
            if aliases:
                return "valid" if any(not a.get("to") for a in aliases) else "outside_alias"
            return "undated"
        if any(n.get("from", "") <= day and (not n.get("to") or day < n["to"]) for n in aliases + names):
            return "valid"
        return "outside_alias" if aliases else "outside_name"

    def bore_name_on(self, name: str, day: str) -> int:
        """2 if a dated name of this actor matches `name` and was valid on `day`,
        1 if the name is undated here, 0 if it was this actor's name only at other times."""
        return {"valid": 2, "undated": 1}.get(self.name_era(name, day), 0)

    def name_on(self, day: str | None) -> str:
        """The name the actor went by on an ISO date (reduced precision allowed)."""
        if day:
            for entry in self.names:
                if entry.get("from", "") <= day and (not entry.get("to") or day < entry["to"]):
                    return entry["name"]
        return self.name


def _initials(key: str) -> set[str]:
    """First letters of a folded name's words, "al" articles skipped."""
    words = [w[2:] if w.startswith("al") and len(w) > 4 else w for w in key.split() if w != "al"]
    return {w[0] for w in words if w}


@lru_cache(maxsize=65536)
def is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(name) <= 8 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


class KnowledgeBase:
    def __init__(self, actors: dict[str, KBActor]):
        self.actors = actors
        self._by_name: dict[str, list[str]] = {}
        for actor in actors.values():
            for name in actor.all_names():
                key = name if is_acronym(name) else normalise(name)
                ids = self._by_name.setdefault(key, [])
                if actor.id not in ids:
                    ids.append(actor.id)
        # An acronym written in another case ("Sana" for SANA) is a weaker candidate.
        self._by_folded_acronym: dict[str, list[str]] = {}
        for key, ids in self._by_name.items():
            if is_acronym(key):
                self._by_folded_acronym.setdefault(normalise(key), []).extend(ids)
        # Only full names (not acronyms) take part in fuzzy matching, and only those
        # sharing a word initial with the query are scored: transliterations keep
        # initials ("Zawahri", "Zawahiri"), and a 100k-name base stays fast.
        self._fuzzy_by_initial: dict[str, list[str]] = {}
        for key in self._by_name:
            if len(key) >= 5 and not is_acronym(key):
                for initial in _initials(key):
                    self._fuzzy_by_initial.setdefault(initial, []).append(key)

        # Families: each actor's parent (part_of, checked at load) and its parts.
        self.parents: dict[str, str] = {}
        self._parts: dict[str, list[str]] = {}
        for actor in actors.values():
            parent = actor.parent(self)
            if parent is not None and parent in actors:
                self.parents[actor.id] = parent
                self._parts.setdefault(parent, []).append(actor.id)

    def __len__(self) -> int:
        return len(self.actors)

    def ancestors(self, actor_id: str) -> list[str]:
        """The actors `actor_id` is part of, nearest first."""
        out: list[str] = []
        while actor_id in self.parents and self.parents[actor_id] not in out:
            actor_id = self.parents[actor_id]
            out.append(actor_id)
        return out

    def family_root(self, actor_id: str) -> str:
        """The actor at the top of `actor_id`'s part_of chain (itself if none)."""
        up = self.ancestors(actor_id)
        return up[-1] if up else actor_id

    def parts(self, actor_id: str) -> list[str]:
        """Every actor part of `actor_id`, at any depth, nearest first."""
        out, frontier = [], [actor_id]
        while frontier:
            nxt = [p for f in frontier for p in self._parts.get(f, []) if p not in out and p != actor_id]
            out.extend(nxt)
            frontier = nxt
        return out

    def family(self, actor_id: str) -> list[str]:
        """The family `actor_id` belongs to: its root first, then every part of it."""
        top = self.family_root(actor_id)
        return [top, *self.parts(top)]

    def role_of(self, actor: KBActor) -> str | None:
        """The role an actor plays in its family: its `family_role`, else its kind's default."""
        from factions.actors.families import default_role

        return actor.family_role or default_role(actor.kind)

    def get(self, actor_id: str | None) -> KBActor | None:
        return self.actors.get(actor_id) if actor_id else None

    def lookup(self, name: str, on: str | None = None) -> list[KBActor]:
        """Exact lookup: acronyms case-sensitively, other names folded. When several
        actors bear the name, those that bore it on the date `on` come first."""
        ids = self._by_name.get(name.strip()) if is_acronym(name.strip()) else None
        ids = ids or self._by_name.get(normalise(name), [])
        found = [self.actors[i] for i in ids]
        if on and len(found) > 1:
            found.sort(key=lambda a: -a.bore_name_on(name, on))
        return found

    def candidates(self, name: str) -> list[tuple[KBActor, str]]:
        """Every actor `name` may mean, with how it matched: "acronym" (an acronym as
        written), "name" (a name or alias, folded), "folded_acronym" (an acronym in
        another case: "Sana" for SANA, "Daesh" never for "DAESH" since that is a name)."""
        name = name.strip()
        found: dict[str, str] = {}
        if is_acronym(name):
            found.update((i, "acronym") for i in self._by_name.get(name, []))
        for i in self._by_name.get(normalise(name), []):
            found.setdefault(i, "name")
        for i in self._by_folded_acronym.get(normalise(name), []):
            found.setdefault(i, "folded_acronym")
        return [(self.actors[i], how) for i, how in found.items()]

    def fuzzy(self, name: str, cutoff: float = 90.0) -> tuple[KBActor, float] | None:
        """Best transliteration-tolerant match (rapidfuzz), or None below `cutoff`."""
        key = normalise(name)
        if len(key) < 5:
            return None
        candidates = {k for initial in _initials(key) for k in self._fuzzy_by_initial.get(initial, ())}
        best = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=cutoff - 10)
        # Two letters changed in a long name is a transliteration ("Ayman Zawahry",
        # "Ayman Zawahiri"), however short the name is once its articles are folded away.
        if not best or (best[1] < cutoff and not (len(key) >= 12 and Levenshtein.distance(key, best[0]) <= 2)):
            return None
        if differ_in_kind(key, best[0]):
            return None  # "Northern Front" is not "Southern Front" misspelt
        if other_given_name(key, best[0]):
            return None  # "Masrour Barzani" is not "Masoud Barzani" misspelt: a relative
        return self.actors[self._by_name[best[0]][0]], best[1]

    def leaders(self, group_id: str) -> list[tuple[KBActor, dict]]:
        out = []
        for actor in self.actors.values():
            for role in actor.roles:
                if role.get("of") == group_id:
                    out.append((actor, role))
        return out


def _kb_files(extra: tuple[str, ...]) -> list[tuple[str, str]]:
    root = resources.files("factions.data.kb")
    files = [(f"factions/data/kb/{p.name}", p.read_text("utf-8")) for p in sorted(root.iterdir(), key=lambda p: p.name) if p.name.endswith(".toml")]
    for path in extra:
        if Path(path).exists() and not Path(path).is_file():  # a FIFO would hang the read
            raise KBFileError(f"{path}: cannot read knowledge-base file (not a regular file)")
        try:
            files.append((path, Path(path).read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise KBFileError(f"{path}: cannot read knowledge-base file ({err})") from None
    return files


class KBFileError(ValueError):
    """A knowledge-base file that is not valid TOML or does not follow the schema."""


def parse_kb_files(files: list[tuple[str, str]]) -> dict[str, KBActor]:
    actors: dict[str, KBActor] = {}
    for source, text in files:
        entries = checked_entries(text)  # a large file that passed before (kb/cache.py)
        if entries is None:
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as err:
                raise KBFileError(f"{source}: not valid TOML ({err})") from None
            except RecursionError:
                raise KBFileError(f"{source}: not valid TOML (nested too deeply)") from None
            try:
                validate_table(data, "kb", source)
            except DataFileError as err:
                raise KBFileError(str(err)) from None
            _refuse(file_problems(data), source)
            entries = data.get("actor", [])
            remember(text, entries)
        for entry in entries:
            actor = KBActor(source=source, **entry)
            actors[actor.id] = actor
    references = reference_problems(actors)
    if references:
        _refuse([problem for _, problem in references], references[0][0])
    return actors


def _refuse(problems: list[str], source: str) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise KBFileError(f"{source}: {problems[0]}{more}")


def check_families(actors: dict[str, KBActor]) -> None:
    """A `part_of` or `province_of` naming an unknown actor, a part_of cycle, or a
    `family_role` that data/families.toml does not declare is a load error."""
    from factions.actors.families import roles

    known = roles()
    for actor in actors.values():
        targets = ([actor.part_of] if actor.part_of else []) + [l["target"] for l in actor.lineage if l["type"] == "province_of"]
        for target in targets:
            if target not in actors:
                raise KBFileError(f"{actor.source}: actor '{actor.id}': part_of '{target}' is no knowledge-base actor")
        if actor.family_role and actor.family_role not in known:
            raise KBFileError(f"{actor.source}: actor '{actor.id}': family_role '{actor.family_role}' is not one of "
                              f"{', '.join(sorted(known))} (data/families.toml)")
    for actor in actors.values():
        seen, at = [actor.id], actor.part_of
        while at:
            if at in seen:
                raise KBFileError(f"{actor.source}: actor '{actor.id}': part_of forms a cycle ({' → '.join(seen + [at])})")
            seen.append(at)
            at = actors[at].part_of if at in actors else None


@lru_cache(maxsize=4)
def load_kb(extra: tuple[str, ...] | None = None) -> KnowledgeBase:
    """The shipped knowledge base plus the user's files (FACTIONS_KB or `extra`)."""
    if extra is None:
        extra = tuple(p for p in os.environ.get("FACTIONS_KB", "").split(":") if p)
    actors = parse_kb_files(_kb_files(extra))
    check_families(actors)
    return KnowledgeBase(actors)
