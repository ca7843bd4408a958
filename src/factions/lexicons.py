"""Loading the data files in `factions/data/` (TOML), once per process:
vocabularies in `data/lexicons/`, analysis tables (states, grading, questions) in `data/`."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict:
    path = resources.files("factions.data.lexicons").joinpath(f"{name}.toml")
    return tomllib.loads(path.read_text("utf-8"))


@lru_cache(maxsize=None)
def data_table(name: str) -> dict:
    """`factions/data/<name>.toml`. Callers must not change what it returns."""
    return tomllib.loads(resources.files("factions.data").joinpath(f"{name}.toml").read_text("utf-8"))
