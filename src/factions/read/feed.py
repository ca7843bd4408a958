"""RSS and Atom feed files (feedparser): one document per entry."""

from __future__ import annotations

from datetime import date

import feedparser
import lxml.html

from factions.model import Document
from factions.read.errors import ReadError
from factions.read.text import read_text


def _plain(html: str) -> str:
    if "<" not in html:
        return html
    try:
        return lxml.html.fromstring(html).text_content()
    except (ValueError, lxml.etree.ParserError):
        return html


def _body(entry) -> str:
    html = entry.content[0].get("value", "") if entry.get("content") else ""
    return _plain(html or entry.get("summary", "")).strip()


def read_feed(data: bytes, source: str, published: date | None = None):
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = str(feed.get("bozo_exception") or "no entries")
        yield ReadError(source, f"malformed or empty feed ({reason})")
        return
    if feed.bozo and not any(_body(e) for e in feed.entries):
        yield ReadError(source, f"malformed feed ({feed.get('bozo_exception')})")
        return
    publisher = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = entry.get("link") or f"{source}#{number}"
        body = _body(entry)
        title = (entry.get("title") or "").strip()
        if not body:
            yield ReadError(where, "feed entry has no text")
            continue
        # The title leads the text so that it is analysed too; offsets stay exact.
        text = f"{title}\n\n{body}\n" if title else f"{body}\n"
        doc: Document = read_text(text, where, published)
        doc.title = title or doc.title
        doc.url = entry.get("link")
        doc.publisher = publisher or doc.publisher
        if entry.get("author"):
            doc.authors = [entry.author]
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            doc.published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
        yield doc
