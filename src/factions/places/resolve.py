"""Place actors to gazetteer entries, by the document's context.

A place is looked up by its names (the actor's and its mentions'), folded by
`place_key`, with words such as "governorate" or "village" stripped. The knowledge
base's places come first (data/places.toml: a point, or the country the KB place is
in). Among the gazetteer's candidates the choice is by evidence, strongest first:

1. in a first-level region the document names ("… in Idlib governorate");
2. in a country of the document's context: the states it names and the countries of
   its places already placed (KB places, then places with one candidate in context);
3. otherwise, only a large place far larger than any namesake (a capital named in a
   story about elsewhere) is taken; anything else stays unresolved, as a missing point
   is better than a wrong one.

Countries (state actors, or a country named as territory) are placed at their capital.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factions.kb import KnowledgeBase
from factions.lexicons import validated_table
from factions.model import Actor, Geo, Mention
from factions.places.gazetteer import Entry, Gazetteer, gazetteer


@dataclass(frozen=True)
class Settings:
    region_words: tuple[str, ...]
    settlement_words: tuple[str, ...]
    min_population_alone: int
    dominance: float
    overrides: dict  # kb id -> data/places.toml [[place]] table


@lru_cache(maxsize=1)
def settings() -> Settings:
    data = validated_table("places")
    r = data["resolve"]
    return Settings(tuple(w.lower() for w in r["region_words"]), tuple(w.lower() for w in r["settlement_words"]),
                    r["min_population_alone"], float(r["dominance"]), {p["kb"]: p for p in data["place"]})


PLACE_KINDS = ("location", "state")


def strip_place_words(name: str, s: Settings) -> tuple[str, bool]:
    """("Idlib", True) for "Idlib governorate"; ("Kafr Nabl", False) for "the village of
    Kafr Nabl". The flag says a region word was there."""
    text = " ".join(name.split())
    low = text.lower()
    for prefix in ("the ",):
        if low.startswith(prefix):
            text, low = text[len(prefix):], low[len(prefix):]
    for word in (*s.settlement_words, *s.region_words):
        if low.startswith(word + " of "):
            return text[len(word) + 4:], word in s.region_words
    for word in (*s.region_words, *s.settlement_words):
        if low.endswith(" " + word):
            return text[: -len(word) - 1], word in s.region_words
    return text, False


def _proper(name: str) -> bool:
    """A name ("al-Bab"), not a description ("the village", "the capital")."""
    return any(c.isupper() for c in name)


class _Context:
    """What the document is about: the countries and first-level regions it names."""

    def __init__(self):
        self.countries: set[str] = set()
        self.regions: set[tuple[str, str]] = set()  # (country, admin1 code)


def _geo(g: Gazetteer, e: Entry, basis: str, reason: str, feature: str | None = None) -> Geo:
    admin1 = g.regions(e.country).get(e.admin1_code) if e.admin1_code else None
    return Geo(e.gazetteer_id, e.name, e.lat, e.lon, e.country, g.country_name(e.country), admin1, e.admin1_code,
               feature or e.feature, basis, reason)


def _names(actor: Actor, mentions: list[Mention], kb: KnowledgeBase | None) -> list[str]:
    names = [actor.name, *actor.aliases, *(m.text for m in mentions if m.actor == actor.id)]
    k = kb.get(actor.kb_id) if kb is not None and actor.kb_id else None
    if k is not None:
        names += k.all_names()
    return [n for n in dict.fromkeys(names) if n and _proper(n)]


def _from_kb(g: Gazetteer, actor: Actor, names: list[str], s: Settings) -> Geo | None:
    o = s.overrides.get(actor.kb_id or "")
    if o is None:
        return None
    if "lat" in o:
        return Geo(f"kb:{actor.kb_id}", actor.name, float(o["lat"]), float(o["lon"]), o["country"],
                   g.country_name(o["country"]), o.get("admin1"), None, "region", "kb", f"knowledge base point ({o['basis']})")
    found = [e for n in names for e in g.candidates(strip_place_words(n, s)[0]) if e.country == o["country"]]
    if not found:
        return None
    best = max(found, key=lambda e: e.population)
    return _geo(g, best, "kb", f"knowledge base place, in {o['country']}")


def _country_of(g: Gazetteer, names: list[str]) -> str | None:
    for n in names:
        code = g.country_code(n)
        if code:
            return code
    return None


def _choose(g: Gazetteer, names: list[str], ctx: _Context, s: Settings) -> tuple[Entry | None, str, bool]:
    """The best candidate for one place, why, and whether a region word was used."""
    candidates: dict[str, Entry] = {}
    region_word = False
    for n in names:
        stripped, is_region = strip_place_words(n, s)
        region_word |= is_region
        for e in g.candidates(stripped):
            candidates[e.gazetteer_id] = e
    if not candidates:
        return None, "not in the gazetteer", region_word
    ranked = sorted(candidates.values(), key=lambda e: -e.population)
    in_region = [e for e in ranked if (e.country, e.admin1_code) in ctx.regions]
    if in_region:
        return in_region[0], "in a region the document names", region_word
    in_country = [e for e in ranked if e.country in ctx.countries]
    if in_country:
        return in_country[0], "in a country of the document", region_word
    best = ranked[0]
    runner = ranked[1].population if len(ranked) > 1 else 0
    if best.population >= s.min_population_alone and best.population >= s.dominance * max(runner, 1):
        return best, "the one large place of that name", region_word
    return None, f"{len(ranked)} candidate(s), none in the document's countries", region_word


def resolve_places(actors: list[Actor], mentions: list[Mention], kb: KnowledgeBase | None = None,
                   g: Gazetteer | None = None, wheres: frozenset[str] = frozenset()) -> None:
    """Set `geo` on the place actors (kind location or state, and the actors `wheres`
    names: events' places the model took for persons) the gazetteer or the KB knows;
    the others keep `geo = None`."""
    places = [a for a in actors if a.kind in PLACE_KINDS or a.id in wheres]
    if not places:
        return
    g = g or gazetteer()
    s = settings()
    ctx = _Context()
    names = {a.id: _names(a, mentions, kb) for a in places}
    pending = []
    for a in places:  # countries and KB places first: they make the context
        code = _country_of(g, names[a.id])
        # A country named as a place ("in Syria", kind location) is the country too,
        # unless the KB says where this place is.
        if code is not None and (a.kind == "state" or (a.kb_id or "") not in s.overrides):
            entry = g.country(code)
            if entry is not None:
                a.geo = _geo(g, entry, "gazetteer", "a country, at its capital")
                ctx.countries.add(code)
                continue
        if a.kind == "state":
            continue
        a.geo = _from_kb(g, a, names[a.id], s)
        if a.geo is not None:
            ctx.countries.add(a.geo.country)
            if a.geo.admin1_code:
                ctx.regions.add((a.geo.country, a.geo.admin1_code))
        else:
            pending.append(a)
    # Regions named in the text ("Idlib governorate", "Anbar") narrow the places in them.
    # A region is known by its ISO name ("Idlib", "Ḩalab") or, with a region word, by its
    # seat ("Aleppo governorate": the region of the largest place called Aleppo).
    for a in [*pending, *(a for a in places if a.geo is not None and a.geo.feature != "country")]:
        for n in names[a.id]:
            stripped, is_region = strip_place_words(n, s)
            for country in list(ctx.countries):
                code = g.region_code(country, stripped)
                if code is None and is_region:
                    seats = [e for e in g.candidates(stripped) if e.country == country and e.admin1_code]
                    code = max(seats, key=lambda e: e.population).admin1_code if seats else None
                if code:
                    ctx.regions.add((country, code))
    # Two rounds: places placed in the first lend their countries to the second.
    for _ in range(2):
        still = []
        for a in pending:
            entry, reason, region_word = _choose(g, names[a.id], ctx, s)
            if entry is None:
                still.append(a)
                continue
            a.geo = _geo(g, entry, "gazetteer", reason, "region" if region_word else None)
            ctx.countries.add(entry.country)
        if len(still) == len(pending):
            break
        pending = still
