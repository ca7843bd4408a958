"""The curated knowledge base: actors, their names over time, lineage and roles.

Data lives in `factions/data/kb/*.toml` (schema: `data/schema/kb.schema.json`).
Users add files with `--kb FILE` or `FACTIONS_KB` (paths separated by ':'); an entry
whose id is already known replaces the shipped one.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from factions.kb.cache import checked_entries, remember
from factions.kb.checks import file_problems, reference_problems
from factions.lexicons import DataFileError, validate_table

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

_QUOTES = re.compile(r"[\u2018\u2019\u02bc\u02bf\u02be'`´]")
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Fold case, accents, apostrophes, hyphens and a leading "the" for matching."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _QUOTES.sub("", text).lower()
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


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
    basis: str = ""
    source: str = ""

    def all_names(self) -> list[str]:
        dated = [n["name"] for n in self.names] + [n["acronym"] for n in self.names if n.get("acronym")]
        seen, out = set(), []
        for n in [self.name, *self.aliases, *dated, *self.acronyms]:
            if n not in seen:
                seen.add(n)
                out.append(n)
        return out

    def bore_name_on(self, name: str, day: str) -> int:
        """2 if a dated name of this actor matches `name` and was valid on `day`,
        1 if the name is undated here, 0 if it was this actor's name only at other times."""
        key = normalize_name(name)
        dated = [n for n in self.names if key in (normalize_name(n["name"]), normalize_name(n.get("acronym", "")))]
        if not dated:
            return 1
        return 2 if any(n.get("from", "") <= day and (not n.get("to") or day < n["to"]) for n in dated) else 0

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
                key = name if is_acronym(name) else normalize_name(name)
                ids = self._by_name.setdefault(key, [])
                if actor.id not in ids:
                    ids.append(actor.id)
        # Only full names (not acronyms) take part in fuzzy matching, and only those
        # sharing a word initial with the query are scored: transliterations keep
        # initials ("Zawahri", "Zawahiri"), and a 100k-name base stays fast.
        self._fuzzy_by_initial: dict[str, list[str]] = {}
        for key in self._by_name:
            if len(key) >= 5 and not is_acronym(key):
                for initial in _initials(key):
                    self._fuzzy_by_initial.setdefault(initial, []).append(key)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str | None) -> KBActor | None:
        return self.actors.get(actor_id) if actor_id else None

    def lookup(self, name: str, on: str | None = None) -> list[KBActor]:
        """Exact lookup: acronyms case-sensitively, other names folded. When several
        actors bear the name, those that bore it on the date `on` come first."""
        ids = self._by_name.get(name.strip()) if is_acronym(name.strip()) else None
        ids = ids or self._by_name.get(normalize_name(name), [])
        found = [self.actors[i] for i in ids]
        if on and len(found) > 1:
            found.sort(key=lambda a: -a.bore_name_on(name, on))
        return found

    def fuzzy(self, name: str, cutoff: float = 90.0) -> tuple[KBActor, float] | None:
        """Best transliteration-tolerant match (rapidfuzz), or None below `cutoff`."""
        key = normalize_name(name)
        if len(key) < 5:
            return None
        candidates = {k for initial in _initials(key) for k in self._fuzzy_by_initial.get(initial, ())}
        best = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        if not best:
            return None
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


@lru_cache(maxsize=4)
def load_kb(extra: tuple[str, ...] | None = None) -> KnowledgeBase:
    """The shipped knowledge base plus the user's files (FACTIONS_KB or `extra`)."""
    if extra is None:
        extra = tuple(p for p in os.environ.get("FACTIONS_KB", "").split(":") if p)
    return KnowledgeBase(parse_kb_files(_kb_files(extra)))
