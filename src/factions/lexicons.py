"""Loading the data files in `factions/data/` (TOML), once per process:
vocabularies in `data/lexicons/`, analysis tables (states, grading, questions) in `data/`,
and the declarations validated by a JSON Schema in `data/schema/` (`validated_table`)."""

from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from importlib import resources


class DataFileError(ValueError):
    """A packaged data file that is not valid TOML or does not follow its schema."""


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict:
    path = resources.files("factions.data.lexicons").joinpath(f"{name}.toml")
    return tomllib.loads(path.read_text("utf-8"))


@lru_cache(maxsize=None)
def data_table(name: str) -> dict:
    """`factions/data/<name>.toml`. Callers must not change what it returns."""
    return tomllib.loads(resources.files("factions.data").joinpath(f"{name}.toml").read_text("utf-8"))


@lru_cache(maxsize=None)
def _validator(schema: str):
    import jsonschema

    text = resources.files("factions.data.schema").joinpath(f"{schema}.schema.json").read_text("utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def validate_table(data: dict, schema: str, source: str) -> dict:
    """`data` checked against `data/schema/<schema>.schema.json`; the first error is one
    line naming the file and the place in it."""
    error = next(iter(_validator(schema).iter_errors(data)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise DataFileError(f"{source}: {where}: {error.message}")
    return data


@lru_cache(maxsize=None)
def validated_table(name: str) -> dict:
    """`factions/data/<name>.toml`, validated by `data/schema/<name>.schema.json`."""
    source = f"factions/data/{name}.toml"
    try:
        data = data_table(name)
    except tomllib.TOMLDecodeError as err:
        raise DataFileError(f"{source}: not valid TOML ({err})") from None
    return validate_table(data, name, source)
