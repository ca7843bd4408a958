"""An index of checked knowledge-base files, so a large KB is parsed and
schema-checked once, not on every command.

A user's KB of 200,000 actors is 50 MB of TOML: parsing it (tomllib) and checking it
against `kb.schema.json` (jsonschema) took 80 % of `load_kb`, about 80 s. Once a file
has passed, its actors are kept as JSON in the user's cache folder, named by the
SHA-256 of the file's text and of the schema and checks that passed it: a changed
file, schema or check is read and checked afresh. The cross-file checks (lineage and
roles against known ids) run on every load. Small files are not worth an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import resources
from pathlib import Path

MIN_BYTES = 256_000
_FORMAT = 1  # bump when the checks in checks.py change what passes


def _root() -> Path:
    return Path(os.environ.get("FACTIONS_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factions") / "kb"


def _key(text: str) -> str:
    schema = resources.files("factions.data.schema").joinpath("kb.schema.json").read_bytes()
    digest = hashlib.sha256(f"v{_FORMAT}\0".encode() + schema + b"\0" + text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def checked_entries(text: str) -> list[dict] | None:
    """The actor entries of a file that passed before, or None."""
    if len(text) < MIN_BYTES:
        return None
    try:
        entries = json.loads((_root() / f"{_key(text)}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return entries if isinstance(entries, list) and all(isinstance(e, dict) for e in entries) else None


def remember(text: str, entries: list[dict]) -> None:
    """Keep a checked file's entries; a cache that cannot be written is no error."""
    if len(text) < MIN_BYTES:
        return
    root = _root()
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=root, suffix=".partial")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(entries, out, ensure_ascii=False)
        os.replace(tmp, root / f"{_key(text)}.json")
    except OSError:
        Path(tmp).unlink(missing_ok=True)
