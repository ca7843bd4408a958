"""Long documents in sections: the model and the rules read at most `SECTION_CHARS`
characters at a time, and the sections' records are joined into one Extraction
whose offsets index the original text.

Why: spaCy refuses texts over `nlp.max_length` (1,000,000 characters), and both the
parse and several later stages grow faster than the text (100,000 characters: 48 s
and 0.37 GB over the loaded model; 250,000: 176 s and 0.89 GB). Sections keep the
cost of a document linear in its length and its peak memory that of one section.
Documents up to `SECTION_CHARS` are one section, so their records are unchanged.

A section ends at a paragraph break (a blank line) where there is one, else at a
line break, else at a space: no sentence is cut where the text gives a better place.
Named and KB actors of different sections are joined (by KB id, else by kind and
normalised name, as the store joins them across documents); descriptive actors
("a local source") stay one per section, as they stay one per document in the store.
"""

from __future__ import annotations

import dataclasses
import os

from factions.model import Actor, Document, Extraction, Span, When
from factions.names import normalise

def _section_chars(default: int = 100_000) -> int:
    """FACTIONS_SECTION_CHARS, or the default when unset or not a positive integer
    (a typo must not stop every command at import)."""
    try:
        value = int(os.environ.get("FACTIONS_SECTION_CHARS", ""))
    except ValueError:
        return default
    return value if value >= 1_000 else default


SECTION_CHARS = _section_chars()


def section_bounds(text: str, size: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each section; they tile the text exactly."""
    bounds, start, n = [], 0, len(text)
    while n - start > size:
        floor = start + size // 2  # a break in the section's second half, else a hard cut
        cut = -1
        for sep in ("\n\n", "\n", " "):
            at = text.rfind(sep, floor, start + size)
            if at != -1:
                cut = at + len(sep)
                break
        if cut <= start:
            cut = start + size
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def split_document(document: Document, size: int = SECTION_CHARS) -> list[tuple[int, Document]]:
    """(offset, section) pairs; a short document is its own single section."""
    if len(document.text) <= size:
        return [(0, document)]
    parts = []
    for start, end in section_bounds(document.text, size):
        masked = [Span(max(s.start, start) - start, min(s.end, end) - start)
                  for s in document.masked if s.start < end and start < s.end]
        parts.append((start, dataclasses.replace(document, text=document.text[start:end], masked=masked)))
    return parts


def _shift(value, offset: int):
    if isinstance(value, Span):
        return Span(value.start + offset, value.end + offset)
    if isinstance(value, When):
        return dataclasses.replace(value, span=_shift(value.span, offset)) if value.span else value
    if isinstance(value, list):
        return [_shift(v, offset) for v in value]
    return value


def _shifted(record, offset: int, **changes):
    """A copy of a record with every Span (and When.span) moved by `offset`."""
    for f in dataclasses.fields(record):
        if f.name not in changes:
            value = getattr(record, f.name)
            if isinstance(value, (Span, When)) or (isinstance(value, list) and value and isinstance(value[0], Span)):
                changes[f.name] = _shift(value, offset)
    return dataclasses.replace(record, **changes)


def _actor_key(actor: Actor):
    if actor.kb_id:
        return ("kb", actor.kb_id)
    if actor.basis == "descriptive":
        return None
    return ("name", actor.kind, normalise(actor.name))


def join_extractions(document: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction of `document` from its sections' Extractions, in text order,
    with ids renumbered (a1…, c1…, e1…) and offsets into the whole text."""
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1].document is document:
        return parts[0][1]
    out = Extraction(document)
    by_key: dict = {}
    for offset, x in parts:
        actor_ids: dict[str, str] = {}
        for actor in x.actors:
            key = _actor_key(actor)
            if key is not None and key in by_key:
                kept = by_key[key]
                kept.aliases.extend(a for a in actor.aliases if a not in kept.aliases)
                actor_ids[actor.id] = kept.id
                continue
            new = dataclasses.replace(actor, id=f"a{len(out.actors) + 1}", aliases=list(actor.aliases))
            out.actors.append(new)
            actor_ids[actor.id] = new.id
            if key is not None:
                by_key[key] = new
        ref = lambda a: actor_ids.get(a, a) if a else a  # noqa: E731
        claim_ids = {c.id: f"c{len(out.claims) + i}" for i, c in enumerate(x.claims, start=1)}
        event_ids = {e.id: f"e{len(out.events) + i}" for i, e in enumerate(x.events, start=1)}
        out.mentions += [_shifted(m, offset, actor=ref(m.actor)) for m in x.mentions]
        out.claims += [_shifted(c, offset, id=claim_ids[c.id], speaker=ref(c.speaker), via=[ref(v) for v in c.via])
                       for c in x.claims]
        out.events += [_shifted(e, offset, id=event_ids[e.id], actors=[ref(a) for a in e.actors],
                                recipients=[ref(a) for a in e.recipients], where=ref(e.where),
                                claim=claim_ids.get(e.claim, e.claim))
                       for e in x.events]
        out.relations += [_shifted(r, offset, source=ref(r.source), target=ref(r.target),
                                   claim=claim_ids.get(r.claim, r.claim), event=event_ids.get(r.event, r.event))
                          for r in x.relations]
    return out
