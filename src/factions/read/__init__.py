"""Stage 1, reading: paths, directories and stdin in; `Document`s or `ReadError`s out.

Entry point: `read_inputs(paths)`. It never raises for a bad input; it yields a
`ReadError` naming the input so the caller can report it and go on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from datetime import date
from pathlib import Path

from factions.model import Document
from factions.read.errors import ReadError
from factions.read.decode import (
    MAX_DOCUMENT_BYTES, decode_bytes, document_limit, open_regular, read_limited, read_stream, too_large,
)
from factions.read.feed import read_feed
from factions.read.html import read_html
from factions.read.jsonl import lines_of, read_jsonl
from factions.read.text import read_text

__all__ = ["FEED_SUFFIXES", "JSONL_SUFFIXES", "MAX_DOCUMENT_BYTES", "ReadError", "document_limit", "read_bytes", "read_inputs"]


HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
FEED_FILE_FACTOR = 8  # a feed file may be this many times the document limit


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
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and "text" in record


def read_bytes(
    data: bytes, source: str, fmt: str | None = None, published: date | None = None
) -> Iterator[Document | ReadError]:
    """Read one input already in memory (a file's bytes or stdin). Never raises: an
    unexpected failure in a reader is a ReadError naming the input."""
    try:
        yield from _read_bytes(data, source, fmt, published)
    except Exception as err:  # a reader's bug must cost one input, not the run
        yield ReadError(source, f"could not be read ({type(err).__name__}: {err})")


def _read_bytes(data: bytes, source: str, fmt: str | None, published: date | None) -> Iterator[Document | ReadError]:
    fmt = fmt or sniff_format(data[:4096], source)
    if fmt == "jsonl":
        yield from read_jsonl(data.splitlines(), source, published)
        return
    limit = document_limit()
    if fmt == "feed":
        # A feed holds many documents, each held to the limit; feedparser reads the
        # file whole, so the file is held to a multiple of it.
        if len(data) > FEED_FILE_FACTOR * limit:
            yield ReadError(source, "feed " + too_large(len(data), FEED_FILE_FACTOR * limit))
            return
        yield from read_feed(data, source, published)
        return
    if len(data) > limit:
        yield ReadError(source, too_large(len(data), limit))
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


def _files(path: Path) -> Iterator[Path | ReadError]:
    """The files under a directory in name order (hidden ones skipped), each
    unreadable subdirectory a ReadError rather than silently nothing; symbolic
    links to directories are not followed (no cycles)."""
    if not path.is_dir():
        yield path
        return
    try:
        children = sorted(path.iterdir())
    except OSError as err:
        yield ReadError(str(path), f"directory cannot be read ({err.strerror or err})")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir() and not child.is_symlink():
            yield from _files(child)
        elif child.is_file():
            yield child
        elif child.exists() and not child.is_dir():
            yield child  # a FIFO or device inside the directory: refused by name, below


def _stdin(published: date | None) -> Iterator[Document | ReadError]:
    """stdin, sniffed on its first line: JSON Lines are read record by record (a
    corpus of any size); anything else is one document under the size limit."""
    source = "<stdin>"
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or stream.closed:
        yield ReadError(source, "standard input is closed")
        return
    limit = document_limit()
    try:
        first = stream.readline(limit + 1)
    except (OSError, ValueError) as err:
        yield ReadError(source, f"cannot be read ({getattr(err, 'strerror', None) or err})")
        return
    if sniff_format(first, source) == "jsonl":
        yield from read_jsonl(chain([first], lines_of(stream, limit, skip_long=False)), source, published)
        return
    try:
        data = first + read_stream(stream, source, limit - len(first)) if len(first) <= limit else None
    except ReadError as err:
        data = None if err.reason.startswith("too large") else err
    if data is None:
        yield ReadError(source, too_large(None, limit))
        return
    if isinstance(data, ReadError):
        yield data
        return
    if not data:
        yield ReadError(source, "empty document (nothing on standard input)")
        return
    yield from read_bytes(data, source, published=published)


def read_inputs(inputs: Iterable[str], published: date | None = None) -> Iterator[Document | ReadError]:
    """Yield a Document (or a ReadError) for every document in the inputs.

    An input is a file, a directory (read recursively, in name order) or "-" for stdin.
    Every input is held to `document_limit()` bytes (a JSON Lines file per record).
    """
    for name in inputs:
        if name == "-":
            yield from _stdin(published)
            continue
        try:
            path = Path(name)
            if not path.exists() and not path.is_symlink():
                yield ReadError(name, "no such file or directory")
                continue
            for file in _files(path):
                if isinstance(file, ReadError):
                    yield file
                    continue
                yield from _read_file(file, published)
        except (OSError, ValueError) as err:  # a name too long, a NUL in the name, a vanished folder
            yield ReadError(name, getattr(err, "strerror", None) or str(err))


def _read_file(file: Path, published: date | None) -> Iterator[Document | ReadError]:
    source = str(file)
    fmt = sniff_format(b"", source)
    limit = document_limit()
    try:
        if fmt == "jsonl":
            with open_regular(source) as handle:
                yield from read_jsonl(lines_of(handle, limit), source, published)
            return
        data = read_limited(file, FEED_FILE_FACTOR * limit if fmt == "feed" else limit)
    except ReadError as err:
        yield err.named(source)
        return
    except OSError as err:  # a JSON Lines file that fails mid-way
        yield ReadError(source, err.strerror or str(err))
        return
    yield from read_bytes(data, source, fmt if fmt != "text" else None, published)
