"""Bytes to text, strictly: offsets are code points of the UTF-8 decoded input."""

from __future__ import annotations

import os
from pathlib import Path

from factions.read.errors import ReadError

# One document larger than this is refused: spaCy's default limit is 1M characters,
# and no article is that long. JSON Lines and feeds are read record by record.
MAX_DOCUMENT_BYTES = int(os.environ.get("FACTIONS_MAX_DOCUMENT_BYTES", 4_000_000))


def decode_bytes(data: bytes, source: str = "") -> str:
    if b"\x00" in data[:8192]:
        raise ReadError(source, "binary file (contains NUL bytes), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise ReadError(
            source, f"not valid UTF-8 (byte 0x{bad} at offset {err.start}); convert it to UTF-8 first"
        ) from None
    if not text.strip():
        raise ReadError(source, "empty document")
    return text


def read_limited(path: Path, limit: int) -> bytes:
    """Read a file unless it is larger than `limit` bytes."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReadError(
                str(path),
                f"too large for one document ({size:,} bytes; the limit is {limit:,}, "
                "set FACTIONS_MAX_DOCUMENT_BYTES to change it)",
            )
        return path.read_bytes()
    except OSError as err:
        raise ReadError(str(path), err.strerror or str(err)) from None
