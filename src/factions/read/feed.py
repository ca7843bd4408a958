"""RSS and Atom feed files (feedparser): one document per entry. The feed file and
each entry's text are held to the document limit; a bad entry is one ReadError
naming its link (or `source#number`) and the other entries are still read."""

from __future__ import annotations

from datetime import date

import feedparser
import lxml.html

from factions.model import Document
from factions.read.decode import document_limit, too_large
from factions.read.errors import ReadError
from factions.read.text import read_text


def _plain(html: str) -> str:
    if "<" not in html:
        return html
    try:
        return lxml.html.fromstring(html).text_content()
    except (ValueError, lxml.etree.ParserError):
        return html


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _body(entry) -> str:
    content = entry.get("content")
    html = _text(content[0].get("value", "")) if isinstance(content, list) and content else ""
    return _plain(html or _text(entry.get("summary", ""))).strip()


def read_feed(data: bytes, source: str, published: date | None = None):
    try:
        feed = feedparser.parse(data)
    except Exception as err:  # feedparser rarely raises, but the input is hostile
        yield ReadError(source, f"malformed feed ({type(err).__name__}: {err})")
        return
    if not feed.entries:
        reason = str(feed.get("bozo_exception") or "no entries")
        yield ReadError(source, f"malformed or empty feed ({reason})")
        return
    if feed.bozo and not any(_body(e) for e in feed.entries):
        yield ReadError(source, f"malformed feed ({feed.get('bozo_exception')})")
        return
    publisher = _text(feed.feed.get("title")) or None
    limit = document_limit()
    for number, entry in enumerate(feed.entries, start=1):
        link = _text(entry.get("link"))
        where = link or f"{source}#{number}"
        try:
            yield _entry(entry, where, publisher, published, limit)
        except ReadError as err:
            yield err
        except Exception as err:  # one odd entry costs only itself
            yield ReadError(where, f"feed entry could not be read ({type(err).__name__}: {err})")


def _entry(entry, where: str, publisher: str | None, published: date | None, limit: int) -> Document:
    body = _body(entry)
    title = _text(entry.get("title")).strip()
    if not body:
        raise ReadError(where, "feed entry has no text")
    # The title leads the text so that it is analysed too; offsets stay exact.
    text = f"{title}\n\n{body}\n" if title else f"{body}\n"
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise ReadError(where, "feed entry " + too_large(size, limit))
    if "\x00" in text:
        raise ReadError(where, "feed entry contains NUL characters, not text")
    doc: Document = read_text(text, where, published)
    doc.title = title or doc.title
    doc.url = _text(entry.get("link")) or None
    doc.publisher = publisher or doc.publisher
    if _text(entry.get("author")):
        doc.authors = [entry.author]
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        try:
            doc.published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
        except (ValueError, TypeError, AttributeError):
            pass  # an impossible date in the feed is no date; the text may carry one
    return doc
