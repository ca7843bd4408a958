"""The record types that flow between stages.

A `Document` comes out of `factions.read`; `factions.extract` turns it into an
`Extraction` (mentions, actors, claims, events, relations), which is what
`factions extract` prints (see CONTRACT.md) and what `factions.store` keeps.
Every field that comes from the text carries a `Span` into `Document.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

SCHEMA_VERSION = "factions.extract/1"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end}

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Document:
    """A document as read: `text` is exactly what offsets refer to."""

    source: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    # When a page dump was captured; never used as the publication date.
    captured: str | None = None
    # Character ranges (header lines, boilerplate) that the language model should
    # not read; the text itself keeps them so that offsets stay exact.
    masked: list[Span] = field(default_factory=list)

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "title": self.title,
            "authors": list(self.authors),
            "translators": list(self.translators),
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "text_sha256": self.text_sha256,
            "url": self.url,
            "captured": self.captured,
        }


@dataclass(slots=True)
class Mention:
    span: Span
    text: str
    label: str
    actor: str | None = None  # local actor id ("a3")
    kb_id: str | None = None
    # Why this mention exists: "model", "kb", "nominal", "pronoun", "acronym".
    basis: str = "model"

    def as_dict(self) -> dict:
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "label": self.label,
            "actor": self.actor,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Geo:
    """Where a place actor is, from the gazetteer or the knowledge base
    (`factions.places`). The JSON output carries the contract's fields; the store
    keeps the rest (names, the region's code, the basis and why)."""

    gazetteer_id: str  # "geonames:<id>" for the gazetteer, "kb:<id>" for a KB point
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    country_name: str | None = None
    admin1: str | None = None  # the first-level region's name, where known
    admin1_code: str | None = None  # GeoNames' admin1 code
    feature: str = "place"  # place, country, region
    basis: str = "gazetteer"  # gazetteer, kb
    reason: str = ""

    def as_dict(self) -> dict:
        return {"lat": self.lat, "lon": self.lon, "country": self.country, "admin1": self.admin1,
                "gazetteer_id": self.gazetteer_id}


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str
    kb_id: str | None = None
    aliases: list[str] = field(default_factory=list)
    # How the actor was identified: "kb", "text", "descriptive", "publisher".
    basis: str = "text"
    confidence: float = 1.0
    reason: str = ""
    # The name the actor went by when the document was published (knowledge base).
    name_then: str | None = None
    # Coordinates of a place actor, where the gazetteer or the KB knows it (places stage).
    geo: Geo | None = None
    # The KB id of the actor this one is part of (a coalition's command, a state's army).
    part_of: str | None = None

    def as_dict(self) -> dict:
        out = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "kb_id": self.kb_id,
            "name_then": self.name_then,
            "part_of": self.part_of,
            "aliases": list(self.aliases),
            "basis": self.basis,
            "confidence": round(self.confidence, 3),
            "reason": self.reason,
        }
        if self.geo is not None:
            out["geo"] = self.geo.as_dict()
        return out


@dataclass(slots=True)
class When:
    """A time with its precision: ISO strings of reduced precision allowed."""

    start: str | None
    end: str | None
    precision: str  # day, week, month, year, range
    text: str | None = None
    span: Span | None = None

    def as_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "precision": self.precision}
        if self.text is not None:
            out["text"] = self.text
        if self.span is not None:
            out["span"] = self.span.as_dict()
        return out


@dataclass(slots=True)
class Claim:
    id: str
    speaker: str
    speaker_span: Span
    cue_span: Span
    content_span: Span
    cue: str
    quote_type: str  # direct, indirect, mixed
    channel: str | None
    said_on: When | None
    said_on_basis: str  # "text" or "publication date"
    via: list[str] = field(default_factory=list)
    rule: str = ""  # the id of the rule or model that made it (factions.rules)
    # A content split around its cue ("“A,” he said, “B.”"): the parts; content_span covers them.
    content_parts: list[Span] = field(default_factory=list)

    @property
    def direct_quote(self) -> bool:
        return self.quote_type in ("direct", "mixed")

    def says(self, span: Span) -> bool:
        """Whether `span` lies in what was said: in one of the parts of a content split
        around its cue (the cue's own clause between them is not said)."""
        if self.content_parts:
            return any(p.contains(span) for p in self.content_parts)
        return self.content_span.contains(span)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "speaker_span": self.speaker_span.as_dict(),
            "cue_span": self.cue_span.as_dict(),
            "content_span": self.content_span.as_dict(),
            "direct_quote": self.direct_quote,
            "quote_type": self.quote_type,
            "cue": self.cue,
            "channel": self.channel,
            "said_on": self.said_on.start if self.said_on else None,
            "said_on_precision": self.said_on.precision if self.said_on else None,
            "said_on_basis": self.said_on_basis,
            "via": list(self.via),
            "rule": self.rule,
            "content_parts": [p.as_dict() for p in self.content_parts],
        }


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: str
    evidence_span: Span
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    actor_spans: list[Span] = field(default_factory=list)
    recipient_spans: list[Span] = field(default_factory=list)
    mode: str | None = None
    when: When | None = None
    where: str | None = None
    modality: str = "asserted"
    condition: Span | None = None
    claim: str | None = None
    trigger_span: Span | None = None
    rule: str = ""

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "actor_spans": [s.as_dict() for s in self.actor_spans],
            "recipient_spans": [s.as_dict() for s in self.recipient_spans],
            "when": self.when.as_dict() if self.when else None,
            "where": self.where,
            "modality": self.modality,
            "condition_span": self.condition.as_dict() if self.condition else None,
            "claim": self.claim,
            "evidence_span": self.evidence_span.as_dict(),
            "rule": self.rule,
        }


@dataclass(slots=True)
class Relation:
    type: str
    source: str
    target: str
    source_span: Span
    target_span: Span
    evidence_span: Span
    modality: str = "asserted"
    claim: str | None = None
    event: str | None = None
    when: When | None = None
    rule: str = ""

    def as_dict(self) -> dict:
        return {
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "source_span": self.source_span.as_dict(),
            "target_span": self.target_span.as_dict(),
            "evidence_span": self.evidence_span.as_dict(),
            "modality": self.modality,
            "claim": self.claim,
            "event": self.event,
            "when": self.when.as_dict() if self.when else None,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Extraction:
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "schema": SCHEMA_VERSION,
            "document": self.document.as_dict(),
            "mentions": [m.as_dict() for m in self.mentions],
            "actors": [a.as_dict() for a in self.actors],
            "claims": [c.as_dict() for c in self.claims],
            "events": [e.as_dict() for e in self.events],
            "relations": [r.as_dict() for r in self.relations],
        }
