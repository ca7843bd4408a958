"""JSON Lines: one record a line with `text` and optional `published`, `title`, `url`,
`authors`, `translators`, `publisher`. Each record is checked before use: its size
(the document limit), its nesting depth, then `data/schema/record.schema.json`
(types and lengths). A bad record is one ReadError naming `source:line`; the rest
are still read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import BinaryIO

from factions.dates import parse_iso_or_text
from factions.read.decode import decode_bytes, document_limit, too_large
from factions.read.errors import ReadError
from factions.read.text import read_text

MAX_DEPTH = 32  # a record is a flat object; a little nesting in unknown fields is allowed


def _names(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def lines_of(handle: BinaryIO, limit: int, skip_long: bool = True) -> Iterator[bytes | None]:
    """The lines of a binary stream, each read up to `limit` bytes: a longer line is
    given as None and skipped to its end in chunks (one endless line costs no more
    memory than the limit), or, with `skip_long=False` (a pipe, which may never end:
    `cat /dev/zero`), ends the reading."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            if not skip_long:
                yield None
                return
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _depth(value) -> int:
    """Nesting depth, without recursion (a record may be hostile)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _shorten(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def parse_record(raw: bytes, where: str) -> dict:
    """One record's bytes as a checked dict, or a ReadError naming `where`."""
    line = decode_bytes(raw, where)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ReadError(where, f"malformed JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise ReadError(where, f"JSON nested too deeply (the limit is {MAX_DEPTH} levels)") from None
    except ValueError as err:  # Python refuses integers of more than 4,300 digits
        reason = "a number with too many digits" if "digits" in str(err) else _shorten(str(err))
        raise ReadError(where, f"malformed JSON ({reason})") from None
    if not isinstance(record, dict):
        raise ReadError(where, f'record is a JSON {type(record).__name__}, not an object with a "text" string')
    if _depth(record) > MAX_DEPTH:
        raise ReadError(where, f"JSON nested too deeply (the limit is {MAX_DEPTH} levels)")
    from jsonschema.exceptions import best_match

    from factions.lexicons import _validator

    # best_match looks inside anyOf: "too long" rather than "not valid under any schema"
    error = best_match(_validator("record").iter_errors(record))
    if error is not None:
        field = "/".join(str(p) for p in error.absolute_path) or "record"
        if field == "record" and error.validator == "required":
            raise ReadError(where, 'record has no "text" string')
        if error.validator in ("maxLength", "maxItems"):
            message = f"is too long (the limit is {error.validator_value:,})"
        elif error.validator in ("minLength", "pattern") and field == "text":
            message = "is empty"
        else:
            value = repr(error.instance) if not isinstance(error.instance, (dict, list)) else type(error.instance).__name__
            message = f"must be {_expected(field)}, not {_shorten(value, 60)}"
        raise ReadError(where, f'"{field}" {message}')
    if "\x00" in record["text"]:
        raise ReadError(where, '"text" contains NUL characters, not text')
    return record


_NAMES = "a string, a list of strings or null"
_EXPECTED = {"text": "a string", "authors": _NAMES, "author": _NAMES, "translators": _NAMES}


def _expected(field: str) -> str:
    """What a field must be, in words (record.schema.json's types)."""
    if "/" in field:  # an item of a list of names
        return "a string"
    return _EXPECTED.get(field, "a string or null")


def read_jsonl(lines: Iterable[bytes | None], source: str, published: date | None = None):
    """Documents from JSON Lines; `lines` may be `lines_of(handle)`, so a corpus of any
    size is read one record at a time."""
    limit = document_limit()
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if raw is None or len(raw) > limit:
            yield ReadError(where, "record " + too_large(None if raw is None else len(raw), limit))
            continue
        if not raw.strip():
            continue
        try:
            record = parse_record(raw, where)
        except ReadError as err:
            yield err
            continue
        try:
            yield _document(record, where, published)
        except Exception as err:  # one odd record costs only itself
            yield ReadError(where, f"record could not be read ({type(err).__name__}: {err})")


def _document(record: dict, where: str, published: date | None):
    doc = read_text(record["text"], record.get("url") or where, published)
    doc.title = record.get("title") or doc.title
    doc.url = record.get("url")
    doc.authors = _names(record.get("authors") or record.get("author")) or doc.authors
    doc.translators = _names(record.get("translators")) or doc.translators
    doc.publisher = record.get("publisher") or doc.publisher
    doc.published = parse_iso_or_text(record.get("published")) or doc.published
    return doc
