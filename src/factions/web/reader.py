"""The document reader's highlighting: the text cut at every span boundary, each piece
knowing which extracted records cover it. Overlapping spans (a claim's content holding
a relation's sentence holding a mention) need no nesting: each piece carries every
layer that covers it, and the stylesheet gives each layer its own CSS property."""

from __future__ import annotations

from dataclasses import dataclass, field

# Layer names are CSS classes (hl-<layer>) and the order records are listed in.
LAYERS = ("mention", "speaker", "cue", "content", "event", "relation")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    key: str  # "relation-12": the record it belongs to, and its anchor (#span-relation-12)
    layer: str
    label: str  # what the tooltip says it is


@dataclass
class Piece:
    text: str
    layers: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # records whose span starts here


def document_spans(doc: dict) -> list[Span]:
    """Every highlighted span of a document (analysis.documents.document); rejected
    records are listed beside the text but not highlighted in it."""
    def name(actor: dict | None) -> str:
        return actor["name"] if actor else "no actor"

    spans = [Span(m["span"]["start"], m["span"]["end"], f"mention-{m['id']}", "mention",
                  f"mention of {name(m['actor'])} ({m['label']}, {m['basis']})")
             for m in doc["mentions"] if m["span"]]
    for c in doc["claims"]:
        if c["rejected"]:
            continue
        key = f"claim-{c['id']}"
        for layer, span, label in (("speaker", c["speaker_span"], f"claim {c['id']}: speaker {name(c['speaker'])}"),
                                   ("cue", c["cue_span"], f"claim {c['id']}: cue '{c['cue']}' ({c['rule']})"),
                                   ("content", c["content_span"], f"claim {c['id']}: content ({c['rule']})")):
            if span:
                spans.append(Span(span["start"], span["end"], key, layer, label))
    for e in doc["events"]:
        if not e["rejected"] and e["span"]:
            spans.append(Span(e["span"]["start"], e["span"]["end"], f"event-{e['id']}", "event",
                              f"event {e['id']}: {e['type']}, {e['modality']} ({e['rule']})"))
    for r in doc["relations"]:
        if not r["rejected"] and r["span"]:
            spans.append(Span(r["span"]["start"], r["span"]["end"], f"relation-{r['id']}", "relation",
                              f"relation {r['id']}: {name(r['source'])} {r['type']} {name(r['target'])} ({r['rule']})"))
    return spans


def pieces(text: str, spans: list[Span]) -> list[Piece]:
    """`text` cut at every span start and end; empty or out-of-range spans are ignored."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starting: dict[int, list[Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    active: list[Span] = []  # a sweep over the cuts: long documents have thousands of spans
    out = []
    for start, end in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > start] + starting.get(start, [])
        active.sort(key=lambda s: (LAYERS.index(s.layer), s.key))
        out.append(Piece(
            text=text[start:end],
            layers=list(dict.fromkeys(s.layer for s in active)),
            keys=list(dict.fromkeys(s.key for s in active)),
            labels=list(dict.fromkeys(s.label for s in active)),
            anchors=list(dict.fromkeys(s.key for s in starting.get(start, []))),
        ))
    return out
