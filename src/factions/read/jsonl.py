"""JSON Lines: one record a line with `text` and optional `published`, `title`, `url`,
`authors`, `translators`, `publisher`. A bad line is reported and the rest still read."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from factions.dates import parse_iso_or_text
from factions.read.decode import MAX_DOCUMENT_BYTES, decode_bytes
from factions.read.errors import ReadError
from factions.read.text import read_text


def _names(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def read_jsonl(lines: Iterable[bytes], source: str, published: date | None = None):
    """Documents from JSON Lines; `lines` may be a file opened in binary mode, so a
    corpus of any size is read one record at a time."""
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if not raw.strip():
            continue
        if len(raw) > MAX_DOCUMENT_BYTES:
            yield ReadError(where, f"record too large ({len(raw):,} bytes; the limit is {MAX_DOCUMENT_BYTES:,})")
            continue
        try:
            line = decode_bytes(raw, where)
            record = json.loads(line)
        except ReadError as err:
            yield err
            continue
        except json.JSONDecodeError as err:
            yield ReadError(where, f"malformed JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield ReadError(where, 'record has no "text" string')
            continue
        doc = read_text(record["text"], record.get("url") or where, published)
        doc.title = record.get("title") or doc.title
        doc.url = record.get("url")
        doc.authors = _names(record.get("authors") or record.get("author")) or doc.authors
        doc.translators = _names(record.get("translators")) or doc.translators
        doc.publisher = record.get("publisher") or doc.publisher
        doc.published = parse_iso_or_text(record.get("published")) or doc.published
        yield doc
