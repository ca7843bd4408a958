"""Claims, events and relations against a hand-made gold file (format
`factions.gold/1`, documented in docs/evaluation.md).

A gold file is JSON Lines, one document a line. The document is named by
`source` (a path relative to the gold file, read with the project's own readers;
`document` picks one of several documents in it) or given inline as `text` (with
`published`). Every span is {"start", "end", "text"} over the document text as
read, and `text` must equal that slice: a gold file that drifted from its source
is an error, not a silent zero.

Scoring, in the terms of the attribution literature:
- a predicted claim is aligned to a gold claim when their cue spans overlap
  (one to one, the largest overlap first);
- *source exact match*: aligned, and the speaker span is exactly the gold one;
- content exact, and content overlap (character Dice >= 0.5);
- events are aligned by type and trigger overlap; their participants match when
  every gold actor and recipient is overlapped by a predicted participant;
- relations match by type and overlap of both arguments, either direction for
  symmetric types, as the re3d scorer does;
- a document may carry `coded`: its main event as a conflict-data coder codes it
  (type, date, actor1, actor2, trigger). It is scored per note, as coded event data
  is used: was any event found; was the coded event found (trigger overlap, else the
  event of the coded type whose participants overlap actor1) with its date right
  (the date's day, or its month for month precision); is there one event of the coded
  type whose participants overlap both coded actors; and the same, where the second
  actor may also be what the event was aimed at (a coder's "actor2" is the target: a
  town shelled, a bus bombed, a base stormed, which the extraction records as the
  event's `attacks` relations, a place or a thing being no party).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from factions.evaluate import extract_each
from factions.evaluate.re3d import _prf
from factions.model import Document, Extraction, Span
from factions.relations.types import symmetric_types

GOLD_SCHEMA = "factions.gold/1"
# The relation types format 1 annotates. A type added after it (`attacks`, a party's
# attack on a place) has no gold to be judged by: its records are left out of the
# scores and counted, as re3d's scorer leaves out the types re3d has no name for.
GOLD_RELATION_TYPES = frozenset({"allied_with", "fights", "opposes", "supports", "communicates_with", "negotiates_with", "member_of",
                                 "leads", "controls", "affiliate_of", "splinter_of", "successor_of", "same_as"})


class GoldFileError(ValueError):
    """A gold file that cannot be used; the message names the file and line."""


@dataclass
class GoldDocument:
    document: Document
    claims: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    where: str = ""
    annotated: frozenset[str] = frozenset({"claims", "events", "relations"})
    coded: dict | None = None


def _span(value, text: str, where: str) -> Span:
    try:
        start, end, surface = int(value["start"]), int(value["end"]), value["text"]
    except (KeyError, TypeError, ValueError):
        raise GoldFileError(f"{where}: a span needs start, end and text, got {value!r}") from None
    if text[start:end] != surface:
        raise GoldFileError(f"{where}: span {start}-{end} reads {text[start:end]!r}, the gold says {surface!r}")
    return Span(start, end)


def _spans(record: dict, keys: tuple[str, ...], lists: tuple[str, ...], text: str, where: str, required: tuple[str, ...] = ()) -> dict:
    if not isinstance(record, dict):
        raise GoldFileError(f"{where}: expected an object, got {record!r}")
    missing = [k for k in required if record.get(k) is None]
    if missing:
        raise GoldFileError(f"{where}: missing {', '.join(missing)}")
    out = dict(record)
    for key in keys:
        if record.get(key) is not None:
            out[key] = _span(record[key], text, f"{where} {key}")
    for key in lists:
        out[key] = [_span(v, text, f"{where} {key}") for v in record.get(key, [])]
    return out


def _document(record: dict, base: Path, where: str) -> Document:
    from factions.read import read_inputs
    from factions.read.text import read_text

    try:
        published = date.fromisoformat(record["published"]) if record.get("published") else None
    except (TypeError, ValueError):
        raise GoldFileError(f"{where}: published must be YYYY-MM-DD, got {record['published']!r}") from None
    if "text" in record:
        if not isinstance(record["text"], str):
            raise GoldFileError(f"{where}: text must be a string")
        return read_text(record["text"], record.get("source", where), published)
    if "source" not in record:
        raise GoldFileError(f"{where}: a gold document needs `source` or `text`")
    found = list(read_inputs([str(base / record["source"])], published))
    index = record.get("document", 0)
    if not isinstance(index, int):
        raise GoldFileError(f"{where}: document must be a number, got {index!r}")
    if index >= len(found) or not isinstance(found[index], Document):
        raise GoldFileError(f"{where}: cannot read document {index} of {record['source']}")
    doc = found[index]
    if record.get("text_sha256") and record["text_sha256"] != doc.text_sha256:
        raise GoldFileError(f"{where}: {record['source']} has changed since it was annotated (text_sha256 differs)")
    return doc


def _event_when(event: dict, where: str) -> dict:
    """An event's `when` is the date it starts, as the contract writes it ("2017-04-17",
    "2017-04", "2013"), or null; the contract's object ({"start", "end", "precision"})
    is accepted too and scored by its start, as the string is."""
    when = event.get("when")
    if isinstance(when, dict):
        if not isinstance(when.get("start"), str):
            raise GoldFileError(f"{where}: when needs a start date, got {when!r}")
        event["when"] = when["start"]
    elif when is not None and not isinstance(when, str):
        raise GoldFileError(f"{where}: when must be a date or null, got {when!r}")
    return event


def _coded(record: dict, text: str, where: str) -> dict:
    if not isinstance(record, dict):
        raise GoldFileError(f"{where}: coded is an object")
    coded = _spans(record, ("actor1", "trigger"), (), text, where, ("type", "date", "actor1", "trigger"))
    if record.get("actor2") is not None:
        coded["actor2"] = _span(record["actor2"], text, f"{where} actor2")
    day = record["date"] if isinstance(record["date"], dict) else {}
    try:
        coded["date"] = {"start": date.fromisoformat(day["start"]), "precision": day.get("precision", "day")}
    except (KeyError, TypeError, ValueError):
        raise GoldFileError(f"{where}: date is {{\"start\": \"YYYY-MM-DD\", \"precision\": \"day\"|\"month\"}}") from None
    return coded


def load_gold(path: str | Path) -> list[GoldDocument]:
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise GoldFileError(f"{path}: {(exc.strerror or str(exc)).lower()}") from None
    except UnicodeDecodeError:
        raise GoldFileError(f"{path}: not UTF-8 text") from None
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise GoldFileError(f"{where}: a gold line is a JSON object, not {type(record).__name__}")
        if record.get("schema", GOLD_SCHEMA) != GOLD_SCHEMA:
            raise GoldFileError(f"{where}: unknown schema {record.get('schema')!r}")
        doc = _document(record, path.parent, where)
        text = doc.text
        out.append(GoldDocument(
            document=doc,
            claims=[_spans(c, ("speaker", "cue", "content"), (), text, f"{where} claim {i}", ("speaker", "cue", "content"))
                    for i, c in enumerate(record.get("claims", []))],
            events=[_event_when(_spans(e, ("trigger",), ("actors", "recipients"), text, f"{where} event {i}", ("type", "trigger")),
                                f"{where} event {i}")
                    for i, e in enumerate(record.get("events", []))],
            relations=[_relation_type(_spans(r, ("source", "target"), (), text, f"{where} relation {i}", ("type", "source", "target")),
                                      f"{where} relation {i}")
                       for i, r in enumerate(record.get("relations", []))],
            where=where,
            # A layer whose key is absent was not annotated (an attribution-only file):
            # it is not scored, where an empty list says "there is none".
            annotated=frozenset(k for k in ("claims", "events", "relations") if k in record),
            coded=_coded(record["coded"], text, f"{where} coded") if record.get("coded") is not None else None,
        ))
    return out


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _dice(a: Span, b: Span) -> float:
    size = (a.end - a.start) + (b.end - b.start)
    return 2 * _overlap(a, b) / size if size else 0.0


def _align(gold: list, predicted: list, key) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), the largest overlap first."""
    scored = sorted(
        ((key(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted) if key(g, p) > 0),
        reverse=True,
    )
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


class _Tally:
    """Counts for P/R/F1 and accuracies, summed over documents, and the
    disagreements behind them, one line each."""

    def __init__(self):
        self.counts: dict[str, int] = defaultdict(int)
        self.errors: list[str] = []

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    def prf(self, hits: str, gold: str = "gold", predicted: str = "predicted") -> dict:
        c = self.counts
        return _prf(c[hits], c[predicted], c[hits], c[gold])

    def accuracy(self, key: str) -> dict:
        right, seen = self.counts[f"{key}_right"], self.counts[f"{key}_seen"]
        return {"right": right, "of": seen, "accuracy": round(right / seen, 4) if seen else None}


def _via_names(x: Extraction, ids: list[str]) -> list[set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for a in x.actors:
        names[a.id] |= {a.name.lower(), *(n.lower() for n in a.aliases)}
    for m in x.mentions:
        if m.actor:
            names[m.actor].add(m.text.lower())
    return [names[i] for i in ids]


def _check(tally: _Tally, key: str, gold: dict, want, got, where: str = "") -> None:
    if key in gold:
        tally.add(f"{key}_seen")
        tally.add(f"{key}_right", int(want == got))
        if want != got:
            tally.errors.append(f"{where}: {key} {got!r}, gold {want!r}")


def _q(text: str, span: Span | None) -> str:
    return repr(text[span.start : span.end]) if span else "-"


def _unmatched(tally: _Tally, what: str, items: list, matched: set[int], describe) -> None:
    for i, item in enumerate(items):
        if i not in matched:
            tally.errors.append(f"{what}: {describe(item)}")


_EDGE_MARKS = " \n\t\"'“”‘’.,;:"


def _trimmed(text: str, span: Span | None) -> tuple[int, int] | None:
    """A span without quotation marks, white space and punctuation at its edges: the
    conventions leave them out, and annotators differ on a quotation's closing mark
    (he was "cautiously optimistic" / "optimistic). PolNeAR's scorer trims the same way."""
    if span is None:
        return None
    start, end = span.start, span.end
    while start < end and text[start] in _EDGE_MARKS:
        start += 1
    while end > start and text[end - 1] in _EDGE_MARKS:
        end -= 1
    return start, end


def score_claims(gold: list[dict], x: Extraction, tally: _Tally, where: str = "") -> None:
    # A quotation split around its cue ("“A,” he said, “B.”") is one claim with two
    # content parts here and two claims sharing speaker and cue in the conventions:
    # each part is scored as a claim of its own, aligned by its content among claims
    # of one cue.
    predicted = [replace(c, content_span=part) for c in x.claims for part in (c.content_parts if len(c.content_parts) > 1 else [c.content_span])]
    text = x.document.text
    pairs = _pairs(tally, f"{where} claim", gold, predicted,
                   lambda g, p: _overlap(g["cue"], p.cue_span) + (
                       0.5 if _overlap(g["cue"], p.cue_span) and g.get("content") and _overlap(g["content"], p.content_span) else 0),
                   lambda g: f"{_q(text, g['speaker'])} {_q(text, g['cue'])} {_q(text, g['content'])[:60]}",
                   lambda p: f"{_q(text, p.speaker_span)} {_q(text, p.cue_span)} {_q(text, p.content_span)[:60]} [{p.rule}]")
    for i, j in pairs:
        g, p = gold[i], predicted[j]
        at = f"{where} claim {_q(text, g['cue'])}@{g['cue'].start}"
        tally.add("detected")
        tally.add("source_exact", int(g["speaker"] == p.speaker_span))
        if g["speaker"] != p.speaker_span:
            tally.errors.append(f"{at}: speaker {_q(text, p.speaker_span)}, gold {_q(text, g['speaker'])}")
        content_right = _trimmed(text, g["content"]) == _trimmed(text, p.content_span)
        if not content_right:
            tally.errors.append(f"{at}: content {_q(text, p.content_span)}, gold {_q(text, g['content'])}")
        tally.add("source_overlap", int(_overlap(g["speaker"], p.speaker_span) > 0))
        tally.add("cue_exact", int(g["cue"] == p.cue_span))
        tally.add("content_exact", int(content_right))
        tally.add("content_overlap", int(_dice(g["content"], p.content_span) >= 0.5))
        _check(tally, "direct_quote", g, g.get("direct_quote"), p.direct_quote, at)
        _check(tally, "channel", g, g.get("channel"), p.channel, at)
        # Only a date the text gives is compared: the publication-date fallback is
        # the reader's default, not a reading of the text.
        said_on = p.said_on.start if p.said_on and p.said_on_basis == "text" else None
        _check(tally, "said_on", g, g.get("said_on"), said_on, at)
        if "via" in g:
            got = _via_names(x, p.via)
            right = len(got) == len(g["via"]) and all(w.lower() in n for w, n in zip(g["via"], got))
            _check(tally, "via", g, True, right, f"{at} via {sorted(min(n) for n in got)} gold {g['via']}")


def _pairs(tally: _Tally, what: str, gold: list, predicted: list, key, describe_gold, describe_predicted) -> list[tuple[int, int]]:
    """Count, align one to one, and note what was missed and what was spurious."""
    tally.add("gold", len(gold))
    tally.add("predicted", len(predicted))
    pairs = _align(gold, predicted, key)
    _unmatched(tally, f"{what} missed", gold, {i for i, _ in pairs}, describe_gold)
    _unmatched(tally, f"{what} spurious", predicted, {j for _, j in pairs}, describe_predicted)
    return pairs


def _participants(spans: list[Span], predicted: list[Span]) -> bool:
    return all(any(_overlap(s, p) for p in predicted) for s in spans)


def score_events(gold: list[dict], x: Extraction, tally: _Tally, where: str = "") -> None:
    predicted, text = x.events, x.document.text

    def key(g, p):
        if g["type"] != p.type:
            return 0
        return _overlap(g["trigger"], p.trigger_span or p.evidence_span)

    pairs = _pairs(tally, f"{where} event", gold, predicted, key,
                   lambda g: f"{g['type']} {_q(text, g['trigger'])}@{g['trigger'].start}",
                   lambda p: f"{p.type} {_q(text, p.trigger_span)} {[_q(text, s) for s in p.actor_spans + p.recipient_spans]} [{p.rule}]")
    for i, j in pairs:
        g, p = gold[i], predicted[j]
        at = f"{where} event {g['type']} {_q(text, g['trigger'])}@{g['trigger'].start}"
        tally.add("typed")
        both = p.actor_spans + p.recipient_spans
        found = _participants(g["actors"] + g["recipients"], both)
        tally.add("participants", int(found))
        if not found:
            tally.errors.append(f"{at}: participants {[_q(text, s) for s in both]}, gold {[_q(text, s) for s in g['actors'] + g['recipients']]}")
        _check(tally, "modality", g, g.get("modality"), p.modality, at)
        _check(tally, "when", g, g.get("when"), p.when.start if p.when else None, at)


def _date_right(coded: dict, when) -> bool:
    if when is None:
        return False
    want = coded["date"]["start"].isoformat()
    got = when.start
    if coded["date"]["precision"] == "month":
        return got[:7] == want[:7]
    return got == want


def score_coded(coded: dict, x: Extraction, tally: _Tally, where: str = "") -> None:
    """One coded note: an event found, the coded event's date, its type with both
    coded actors on one event (see the module's docstring)."""
    text = x.document.text
    events = x.events
    sides = [coded["actor1"]] + ([coded["actor2"]] if coded.get("actor2") else [])
    tally.add("notes")
    tally.add("found", int(bool(events)))
    at = f"{where} coded {coded['type']} {_q(text, coded['trigger'])}"
    aligned = max(events, key=lambda p: _overlap(coded["trigger"], p.trigger_span or p.evidence_span), default=None)
    if aligned is not None and not _overlap(coded["trigger"], aligned.trigger_span or aligned.evidence_span):
        aligned = next((p for p in events if p.type == coded["type"]
                        and any(_overlap(coded["actor1"], s) for s in p.actor_spans + p.recipient_spans)), None)
    dated = aligned is not None and _date_right(coded, aligned.when)
    tally.add("date", int(dated))
    if not dated:
        tally.errors.append(f"{at}: date {aligned.when.start if aligned and aligned.when else None}, "
                            f"gold {coded['date']['start'].isoformat()} ({coded['date']['precision']})")
    whole = any(p.type == coded["type"] and all(any(_overlap(s, q) for q in p.actor_spans + p.recipient_spans) for s in sides)
                for p in events)
    tally.add("type_actors", int(whole))
    aimed = {}
    for r in x.relations:
        if r.type == "attacks" and r.event is not None:
            aimed.setdefault(r.event, []).append(r.target_span)
    tally.add("type_targets", int(whole or any(
        p.type == coded["type"] and all(any(_overlap(s, q) for q in p.actor_spans + p.recipient_spans + aimed.get(p.id, []))
                                        for s in sides) for p in events)))
    if not whole:
        tally.errors.append(f"{at}: no {coded['type']} event with {[_q(text, s) for s in sides]}; events "
                            + "; ".join(f"{p.type} {_q(text, p.trigger_span)} {[_q(text, s) for s in p.actor_spans + p.recipient_spans]}"
                                        for p in events))


def _relation_type(r: dict, where: str) -> dict:
    if r["type"] not in GOLD_RELATION_TYPES:
        raise GoldFileError(f"{where}: unknown relation type {r['type']!r} (format {GOLD_SCHEMA}: {', '.join(sorted(GOLD_RELATION_TYPES))})")
    return r


def scored_relations(x: Extraction) -> list:
    """The predicted relations of the types format 1 annotates: `controls` of ground, not of
    kit held ("seized 40 rifles", "gunmen with rifles"), which format 1 leaves unannotated as
    it does `owned_by`."""
    return [r for r in x.relations if _unscored_as(r, x) is None]


def _unscored_as(r, x: Extraction) -> str | None:
    """The name a predicted relation is counted under when format 1 does not annotate it, else None."""
    if r.type not in GOLD_RELATION_TYPES:
        return r.type
    if r.type == "controls" and any(a.id == r.target and a.kind == "equipment" for a in x.actors):
        return "controls (kit)"
    return None


def _relation_match(g: dict, p) -> bool:
    if g["type"] != p.type:
        return False
    if _overlap(g["source"], p.source_span) and _overlap(g["target"], p.target_span):
        return True
    return p.type in symmetric_types() and bool(_overlap(g["source"], p.target_span) and _overlap(g["target"], p.source_span))


def score_relations(gold: list[dict], x: Extraction, tallies: dict[str, _Tally], where: str = "") -> None:
    text = x.document.text
    predicted = scored_relations(x)
    unscored = tallies.setdefault("unscored", _Tally())
    for r in x.relations:
        if (name := _unscored_as(r, x)) is not None:
            unscored.add(name, 1)
    for typ in {g["type"] for g in gold} | {r.type for r in predicted} | {"all"}:
        tally = tallies.setdefault(typ, _Tally())
        g = [r for r in gold if typ in ("all", r["type"])]
        p = [r for r in predicted if typ in ("all", r.type)]
        tally.add("gold", len(g))
        tally.add("predicted", len(p))
        tally.add("found", sum(1 for r in g if any(_relation_match(r, q) for q in p)))
        tally.add("right", sum(1 for q in p if any(_relation_match(r, q) for r in g)))
        if typ == "all":
            _unmatched(tally, f"{where} relation missed", g, {i for i, r in enumerate(g) if any(_relation_match(r, q) for q in p)},
                       lambda r: f"{r['type']} {_q(text, r['source'])}@{r['source'].start} -> {_q(text, r['target'])}")
            _unmatched(tally, f"{where} relation spurious", p, {j for j, q in enumerate(p) if any(_relation_match(r, q) for r in g)},
                       lambda q: f"{q.type} {_q(text, q.source_span)}@{q.source_span.start} -> {_q(text, q.target_span)} [{q.rule}]")
        for r in g:
            match = next((q for q in p if _relation_match(r, q)), None)
            if match is not None:
                _check(tally, "modality", r, r.get("modality"), match.modality, f"{where} relation {r['type']} {_q(text, r['source'])}")


def evaluate_gold(path: str | Path, extractor=None) -> dict:
    from factions.extract import RuleExtractor

    gold = load_gold(path)
    extractor = extractor or RuleExtractor()
    claims, events, relations, coded = _Tally(), _Tally(), {}, _Tally()
    by_rule: dict[str, Counter] = defaultdict(Counter)
    failures: list[str] = []
    for g, x in zip(gold, extract_each(extractor, [g.document for g in gold], failures)):
        if "claims" in g.annotated:
            score_claims(g.claims, x, claims, g.where)
            _tally_rules(by_rule, x.claims, lambda p: any(_overlap(c["cue"], p.cue_span) for c in g.claims))
        if "events" in g.annotated:
            score_events(g.events, x, events, g.where)
            _tally_rules(by_rule, x.events, lambda p: any(e["type"] == p.type and _overlap(e["trigger"], p.trigger_span or p.evidence_span)
                                                         for e in g.events))
        if g.coded is not None:
            score_coded(g.coded, x, coded, g.where)
        if "relations" in g.annotated:
            score_relations(g.relations, x, relations, g.where)
            _tally_rules(by_rule, scored_relations(x), lambda p: any(_relation_match(r, p) for r in g.relations))

    def counts(t: _Tally) -> dict:
        return {"gold": t.counts["gold"], "predicted": t.counts["predicted"]}

    unscored = relations.pop("unscored", _Tally())

    return {
        "path": str(path),
        "documents": len(gold),
        "claims": {
            **counts(claims),
            **{k: claims.prf(k) for k in ("detected", "source_exact", "source_overlap", "cue_exact", "content_exact", "content_overlap")},
            **{k: claims.accuracy(k) for k in ("direct_quote", "channel", "said_on", "via")},
        },
        "events": {
            **counts(events),
            "typed": events.prf("typed"),
            "participants": events.prf("participants"),
            **{k: events.accuracy(k) for k in ("modality", "when")},
        },
        "relations": {
            typ: {**counts(t), "overlap": _prf(t.counts["right"], t.counts["predicted"], t.counts["found"], t.counts["gold"]),
                  "modality": t.accuracy("modality")}
            for typ, t in sorted(relations.items(), key=lambda kv: (kv[0] == "all", kv[0]))
        },
        # predicted relations of types the gold format does not annotate, by type
        "relations_unscored": dict(sorted(unscored.counts.items())),
        "coded": {k: {"right": coded.counts[k], "of": coded.counts["notes"],
                      "share": round(coded.counts[k] / coded.counts["notes"], 4) if coded.counts["notes"] else None}
                  for k in ("found", "date", "type_actors", "type_targets")},
        "rules": {rule: {"predicted": c["predicted"], "right": c["right"], "precision": round(c["right"] / c["predicted"], 4)}
                  for rule, c in sorted(by_rule.items())},
        "errors": claims.errors + events.errors + coded.errors + (relations["all"].errors if relations else []),
        "failures": failures,
    }


def _tally_rules(by_rule: dict[str, Counter], predicted: list, right) -> None:
    """Precision per rule: each record counts for the rule that made it, right when it
    matches a gold record of its layer (as the layer's scorer aligns them)."""
    for p in predicted:
        by_rule[p.rule]["predicted"] += 1
        by_rule[p.rule]["right"] += int(right(p))
