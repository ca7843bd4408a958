"""Loading the vocabularies in `factions/data/lexicons/` (TOML), once per process."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict:
    path = resources.files("factions.data.lexicons").joinpath(f"{name}.toml")
    return tomllib.loads(path.read_text("utf-8"))
