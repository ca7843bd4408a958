"""HTML pages: trafilatura finds the main text and the metadata.

Offsets refer to the extracted text, which is given back as `document.text`.
"""

from __future__ import annotations

from datetime import date

import trafilatura

from factions.dates import parse_iso_or_text
from factions.model import Document
from factions.read.errors import ReadError
from factions.read.text import read_text, split_names

MIN_WORDS = 5


def read_html(html: str, source: str, published: date | None = None) -> Document | ReadError:
    try:
        extracted = trafilatura.bare_extraction(
            html, url=source if "://" in source else None, with_metadata=True,
            include_comments=False, favor_precision=True,
        )
        result = extracted.as_dict() if extracted is not None else None
    except Exception as err:  # trafilatura raises many kinds on broken markup
        return ReadError(source, f"could not parse HTML ({type(err).__name__}: {err})")
    # lxml recovers from almost any markup; a page that yields no sentence of text
    # is what "malformed" means for a reader of articles.
    if not result or len((result.get("text") or "").split()) < MIN_WORDS:
        return ReadError(source, "malformed or empty HTML: no article text found")
    text = result["text"]
    # The extracted text can still carry byline and translator lines.
    doc = read_text(text, source, published)
    doc.title = result.get("title") or doc.title
    if result.get("author"):
        doc.authors = split_names(result["author"].replace(";", ","))
    doc.publisher = result.get("sitename") or result.get("hostname") or doc.publisher
    doc.published = parse_iso_or_text(result.get("date")) or doc.published
    doc.url = result.get("url") or None
    return doc
