"""Stage 1, reading: paths, directories and stdin in; `Document`s or `ReadError`s out.

Entry point: `read_inputs(paths)`. It never raises for a bad input; it yields a
`ReadError` naming the input so the caller can report it and go on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from factions.model import Document
from factions.read.errors import ReadError
from factions.read.decode import MAX_DOCUMENT_BYTES, decode_bytes, read_limited
from factions.read.feed import read_feed
from factions.read.html import read_html
from factions.read.jsonl import read_jsonl
from factions.read.text import read_text

__all__ = ["FEED_SUFFIXES", "JSONL_SUFFIXES", "MAX_DOCUMENT_BYTES", "ReadError", "read_bytes", "read_inputs"]


HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def sniff_format(head: bytes, name: str = "") -> str:
    """Decide how to read an input from its name, else from its first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    start = head.lstrip()[:512].lower()
    if start.startswith(b"<?xml") and (b"<rss" in start or b"<feed" in start or b"<rdf" in start):
        return "feed"
    if start.startswith(b"<rss") or start.startswith(b"<feed"):
        return "feed"
    if start.startswith(b"<!doctype html") or start.startswith(b"<html"):
        return "html"
    if start.startswith(b"{") and _is_json_record(head.lstrip().split(b"\n", 1)[0]):
        return "jsonl"  # JSON Lines on stdin or under another name
    return "text"


def _is_json_record(line: bytes) -> bool:
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and "text" in record


def read_bytes(
    data: bytes, source: str, fmt: str | None = None, published: date | None = None
) -> Iterator[Document | ReadError]:
    """Read one input already in memory (a file's bytes or stdin)."""
    fmt = fmt or sniff_format(data[:4096], source)
    if fmt == "jsonl":
        yield from read_jsonl(data.splitlines(), source, published)
        return
    if fmt == "feed":
        yield from read_feed(data, source, published)
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield ReadError(
            source,
            f"too large for one document ({len(data):,} bytes; the limit is "
            f"{MAX_DOCUMENT_BYTES:,}, set FACTIONS_MAX_DOCUMENT_BYTES to change it)",
        )
        return
    try:
        text = decode_bytes(data)
    except ReadError as err:
        yield err.named(source)
        return
    if fmt == "html":
        yield read_html(text, source, published)
    else:
        yield read_text(text, source, published)


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                yield child
    else:
        yield path


def read_inputs(inputs: Iterable[str], published: date | None = None) -> Iterator[Document | ReadError]:
    """Yield a Document (or a ReadError) for every document in the inputs.

    An input is a file, a directory (read recursively, in name order) or "-" for stdin.
    """
    for name in inputs:
        if name == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", published=published)
            continue
        path = Path(name)
        if not path.exists():
            yield ReadError(name, "no such file or directory")
            continue
        for file in _files(path):
            source = str(file)
            fmt = sniff_format(b"", source)
            if fmt == "jsonl":
                try:
                    with file.open("rb") as handle:
                        yield from read_jsonl(handle, source, published)
                except OSError as err:
                    yield ReadError(source, err.strerror or str(err))
                continue
            if fmt == "feed":
                try:
                    data = file.read_bytes()
                except OSError as err:
                    yield ReadError(source, err.strerror or str(err))
                    continue
                yield from read_bytes(data, source, fmt, published)
                continue
            try:
                data = read_limited(file, MAX_DOCUMENT_BYTES)
            except ReadError as err:
                yield err.named(source)
                continue
            yield from read_bytes(data, source, None, published)
