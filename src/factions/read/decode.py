"""Bytes to text, strictly: offsets are code points of the decoded input.

Every input path (a file, stdin, a JSON Lines record, a feed entry) goes through one
size limit, `document_limit()`, and is read in chunks so that a file whose size the
system does not know (`/proc`, a pipe, `yes | factions ingest -`) stops at the limit.
"""

from __future__ import annotations

import codecs
import os
import stat
from typing import BinaryIO

from factions.read.errors import ReadError

DEFAULT_MAX_DOCUMENT_BYTES = 4_000_000
CHUNK = 1 << 20


def document_limit() -> int:
    """The largest document (file, stdin, record or feed entry) read, in bytes:
    FACTIONS_MAX_DOCUMENT_BYTES, read on every call so a test or a caller can change
    it; a value that is not a positive integer leaves the default. Documents above
    spaCy's 1M characters are read in sections (`factions.nlp.sections`), so the
    limit is about memory, not about the model."""
    raw = os.environ.get("FACTIONS_MAX_DOCUMENT_BYTES", "")
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_MAX_DOCUMENT_BYTES
    return value if value > 0 else DEFAULT_MAX_DOCUMENT_BYTES


# Kept for importers; the limit in force is `document_limit()`.
MAX_DOCUMENT_BYTES = document_limit()


def too_large(size: int | None, limit: int) -> str:
    amount = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return (f"too large for one document ({amount}; the limit is {limit:,}, "
            "set FACTIONS_MAX_DOCUMENT_BYTES to change it)")


_BOMS = [  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def _encoding(data: bytes) -> tuple[str, int]:
    """(codec, bytes to skip): UTF-8 unless a byte-order mark, or the NUL pattern of
    BOM-less UTF-16 in mostly-ASCII text, says UTF-16 or UTF-32."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    head = data[:8192]
    if len(head) >= 4 and b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and not even.count(0):
            return "utf-16-le", 0
        if even.count(0) > 0.9 * len(even) and not odd.count(0):
            return "utf-16-be", 0
    return "utf-8", 0


def _plausible(text: str) -> bool:
    """Text read as UTF-16 or UTF-32 looks like text: most characters below U+0800
    (Latin, Greek, Cyrillic, Hebrew, Arabic and the rest the model reads). Bytes that
    only happen to begin like a byte-order mark (b"\\xff\\xfe" then ASCII) decode to
    CJK-like noise and are read as UTF-8 instead, which reports them."""
    sample = text[:4096]
    return bool(sample) and sum(ord(c) < 0x800 for c in sample) >= 0.5 * len(sample)


def decode_bytes(data: bytes, source: str = "") -> str:
    codec, skip = _encoding(data)
    if codec != "utf-8":
        try:
            if not _plausible(data[skip:].decode(codec)):
                codec, skip = "utf-8", 0
        except UnicodeDecodeError:
            codec, skip = "utf-8", 0
    if codec == "utf-8" and b"\x00" in data[:8192]:
        raise ReadError(source, "binary file (contains NUL bytes), not a text document")
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as err:
        bad = data[skip + err.start : skip + err.start + 1].hex()
        name = "UTF-8" if codec == "utf-8" else codec.upper()
        raise ReadError(
            source, f"not valid {name} (byte 0x{bad} at offset {skip + err.start}); convert it to UTF-8 first"
        ) from None
    if "\x00" in text:
        raise ReadError(source, "binary file (contains NUL characters), not a text document")
    if not text.strip():
        raise ReadError(source, "empty document")
    return text


def read_stream(handle: BinaryIO, source: str, limit: int | None = None) -> bytes:
    """All of `handle`, read in chunks, or a ReadError once more than `limit` bytes
    came: never more than limit + one chunk is held."""
    limit = document_limit() if limit is None else limit
    chunks, size = [], 0
    try:
        while chunk := handle.read(min(CHUNK, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise ReadError(source, too_large(None, limit))
    except OSError as err:
        raise ReadError(source, err.strerror or str(err)) from None
    except ValueError as err:  # a closed stream ("I/O operation on closed file")
        raise ReadError(source, f"cannot be read ({err})") from None
    return b"".join(chunks)


_KINDS = [(stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def open_regular(path: str) -> BinaryIO:
    """A regular file opened for reading, or a ReadError. Opened without blocking
    and checked on the open descriptor: a FIFO with no writer would hang `open()`,
    and /dev/zero never ends. Such inputs go through stdin, under the limit."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise ReadError(path, err.strerror or str(err)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise ReadError(path, f"{kind}, not a document file; pipe it to `factions ingest -` to read it under the size limit")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path, limit: int | None = None) -> bytes:
    """A regular file's bytes, read in chunks up to `limit`; the size the system
    reports is only a shortcut for refusing, never trusted to be small."""
    source = str(path)
    limit = document_limit() if limit is None else limit
    with open_regular(source) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
        except OSError:
            size = 0
        if size > limit:
            raise ReadError(source, too_large(size, limit))
        return read_stream(handle, source, limit)
