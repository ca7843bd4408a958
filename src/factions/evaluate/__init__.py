"""Measuring extraction against annotated data. Entry point: `re3d.evaluate_path`."""

from __future__ import annotations

from collections.abc import Iterable

from factions.model import Document, Extraction


def extract_each(extractor, documents: Iterable[Document], failures: list[str]) -> list[Extraction]:
    """Each document's Extraction, in order. A document the extractor fails on is scored as
    one in which nothing was found (an empty Extraction) and named in `failures`, one line
    each, so that one document cannot stop an evaluation nor shift the others' scores."""
    documents = list(documents)

    def failed(document: Document, exc: Exception) -> None:
        failures.append(f"{document.source}: extraction failed, scored as finding nothing ({type(exc).__name__}: "
                        f"{' '.join(str(exc).split())})")

    # an Extraction holds the very Document it was made from (factions.sections.join_extractions)
    done = {id(x.document): x for x in extractor.extract_many(documents, on_error=failed)}
    return [done.get(id(d)) or Extraction(d) for d in documents]
