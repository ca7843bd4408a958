"""Plain text, including page dumps with header noise.

A page dump may open with a site header, a crawl timestamp (when the page was
captured, never the publication date), a category line with a bracketed date, the
title, a byline, a date line, a translator line and share/comment boilerplate. We
read these as metadata, mask them from the language model, and leave the text
itself untouched so that every offset stays exact.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from factions.dates import parse_date_line, parse_iso_or_text
from factions.model import Document, Span

HEADER_LINES = 14  # header noise sits in the first lines of a dump
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|info|co\.uk|news|tv|me|io)\b", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
# What a labelled header line ("Title: ...", data/lexicons/page_dump.toml `field`) fills.
FIELD_LABELS = {"title": "title", "headline": "title", "date": "published", "dated": "published",
                "published": "published", "publication date": "published", "publisher": "publisher",
                "outlet": "publisher", "source": "publisher", "author": "authors", "authors": "authors",
                "byline": "authors", "url": "url", "link": "url"}


@dataclass(frozen=True)
class _Patterns:
    boilerplate: list[re.Pattern]
    captured: list[re.Pattern]
    byline: list[re.Pattern]
    translator: list[re.Pattern]
    category: list[re.Pattern]
    dateline: list[re.Pattern]
    field: list[re.Pattern]


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    raw = tomllib.loads(resources.files("factions.data.lexicons").joinpath("page_dump.toml").read_text("utf-8"))
    compiled = {k: [re.compile(p, 0 if k == "dateline" else re.I) for p in v] for k, v in raw.items()}
    return _Patterns(**compiled)


def _match(pats: list[re.Pattern], line: str) -> re.Match | None:
    for pat in pats:
        m = pat.match(line)
        if m:
            return m
    return None


def split_names(names: str) -> list[str]:
    return [n.strip(" .") for n in _NAME_SPLIT.split(names) if n.strip(" .")]


def _lines(text: str):
    """(start, end, stripped line) for each line, end excluding the newline."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        yield pos + lead, pos + lead + len(stripped), stripped
        pos += len(raw)


def read_text(text: str, source: str, published: date | None = None) -> Document:
    doc = Document(source=source, text=text)
    pats = patterns()
    category_date: date | None = None
    date_line: date | None = None
    dateline_date: date | None = None
    dateline_seen = False
    header: list[tuple[int, int, str]] = []
    seen_body = False
    for i, (start, end, line) in enumerate(_lines(text)):
        if not line:
            continue
        span = Span(start, end)
        if _match(pats.boilerplate, line):
            doc.masked.append(span)
            continue
        if i >= HEADER_LINES or seen_body:
            if dateline_date is None and not dateline_seen:
                dateline_seen = True
                dateline_date = _dateline(doc, pats, start, line)
            continue
        if _match(pats.captured, line):
            doc.captured = line.lstrip("\ufeff")
            doc.masked.append(span)
            continue
        m = _match(pats.field, line.lstrip("\ufeff"))
        if m and _labelled_field(doc, FIELD_LABELS[m.group("label").lower()], m.group("value").strip()):
            if doc.published and not date_line:
                date_line = doc.published
            doc.masked.append(span)
            continue
        m = _match(pats.translator, line)
        if m:
            doc.translators.extend(split_names(m.group("names")))
            doc.masked.append(span)
            continue
        m = _match(pats.byline, line)
        if m and len(line.split()) <= 12:
            doc.authors.extend(split_names(m.group("names")))
            doc.masked.append(span)
            continue
        day = parse_date_line(line)
        if day:
            date_line = date_line or day
            doc.masked.append(span)
            continue
        m = _match(pats.category, line)
        if m:
            cat_day = parse_iso_or_text(m.group("date"))
            if cat_day:
                category_date = category_date or cat_day
                doc.masked.append(span)
                continue
        header.append((start, end, line))
        # A line that ends a sentence and is long is body text: the header is over.
        words = len(line.split())
        if words > 25 or (words > 12 and line[-1:] in ".!\"”"):
            seen_body = True
            dateline_seen = True
            dateline_date = _dateline(doc, pats, start, line)
    _title_and_publisher(doc, header)
    doc.published = date_line or category_date or dateline_date or published
    return doc


def _labelled_field(doc: Document, name: str, value: str) -> bool:
    """Fill one metadata field from a labelled header line; False when the value does
    not fit the field (a "Date:" that is no date), so the line is read as text."""
    if name == "published":
        day = parse_iso_or_text(value)
        if day is None:
            return False
        doc.published = doc.published or day
    elif name == "authors":
        doc.authors.extend(split_names(re.sub(r"(?i)^by\s+", "", value)))
    elif name == "title":
        doc.title = doc.title or value
    elif name == "publisher":
        doc.publisher = doc.publisher or value
    elif name == "url":
        doc.url = doc.url or value
    return True


def _dateline(doc: Document, pats: _Patterns, start: int, line: str) -> date | None:
    """The date of a wire dateline. The whole dateline is masked from the model: its
    place is where the reporter filed from, and it would join the first sentence."""
    m = _match(pats.dateline, line)
    if not m:
        return None
    agency = m.group("agency") or m.groupdict().get("agency_after")
    if agency and not doc.publisher:
        doc.publisher = agency.strip()
    stated = m.group("date")
    # "March 14" alone names no year: masked, but not taken as the publication date.
    day = parse_iso_or_text(stated) if stated and re.search(r"\d{4}", stated) else None
    doc.masked.append(Span(start, start + m.end()))
    return day


def _title_and_publisher(doc: Document, header: list[tuple[int, int, str]]) -> None:
    """The first short header line is the site header when a dump's noise follows it;
    the next short line is the title (unless a "Title:" line gave it)."""
    if doc.title:
        return
    candidates = [(s, e, l) for s, e, l in header if len(l.split()) <= 20 and l[-1:] not in ".:"]
    if not candidates:
        return
    noisy = bool(doc.captured or doc.masked)
    first = candidates[0]
    first_line = first[2].lstrip("\ufeff")
    looks_like_site = "|" in first_line or bool(_DOMAIN.search(first_line)) or len(first_line.split()) <= 4
    if noisy and looks_like_site and len(candidates) > 1:
        doc.publisher = re.split(r"\s*[|–—-]\s+", first_line)[0].strip() or None
        doc.masked.append(Span(first[0], first[1]))
        candidates = candidates[1:]
    doc.title = candidates[0][2].lstrip("\ufeff")
