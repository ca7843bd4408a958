"""Attribution evaluation on PolNeAR (Newell, Margolin and Ruths, LREC 2018).

A PolNeAR split is a folder `<split>/text/<name>.txt` with brat standoff files
`<split>/attributions/<name>_<annotator>.ann`, plus `metadata.tsv` (publication dates)
next to the splits. `read_split(root, split)` gives one `Article` per text: the
Document (the whole text, nothing masked, published on the metadata's date) and the
gold attributions of the first annotator in sorted order.

A system is a callable `(Document, Doc) -> list[Attribution]`. `evaluate(root, split,
systems)` runs the spaCy pipeline once per document and hands the same Doc to every
system, so that the timings compare the systems alone. Three systems are provided:
"rules" (the rule-based claim layer alone), "model" (the trained `AttributionTagger`
alone) and "combined" (the claim layer of `--extractor rules+model`: the tagger's
attributions as claims, speakers resolved to actors, and the rules' claims on the cues
it did not take; rule claims.model).

Scoring, for each role (source, cue, content) separately:

- A role's value in one attribution is a set of fragments (brat spans may be
  discontinuous); an attribution without a source has no source to score.
- Normalisation, applied identically to gold and predicted fragments: every fragment
  is trimmed at both edges of characters that are whitespace or Unicode punctuation
  (categories P*, so quotes, dashes, commas, full stops); fragments left empty are
  dropped; the rest are sorted and two neighbours are merged when the text between
  them is only whitespace and punctuation. Within one document, a system's values of
  one role are deduplicated after normalisation (PolNeAR gold is univocal: a token
  belongs to at most one attribution).
- Exact: a predicted value matches a gold value when their normalised fragment sets
  are equal. Overlap: when any normalised fragments share a character. Matching is
  one to one (greedy on characters shared), precision is matched predictions over
  predictions, recall matched gold over gold, F1 their harmonic mean, all micro-averaged
  over the documents.
"""

from __future__ import annotations

import csv
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from factions.claims.learned import Attribution
from factions.model import Document, Span

ROLES = ("source", "cue", "content")
_LINE = re.compile(r"^([TEARMN#]\d*)\t")
System = Callable[[Document, object], list[Attribution]]


@dataclass
class Article:
    name: str
    document: Document
    gold: list[Attribution] = field(default_factory=list)
    annotator: str | None = None


# ---------------------------------------------------------------- reading


def parse_ann(text: str) -> list[Attribution]:
    """The attributions of one brat .ann file. Text-bound lines are `T<n>\\t<Type>
    <start> <end>[;<start> <end>...]\\t<text>`, where the text may continue on the
    following lines; events `E<n>\\tAttribution:T<a> Content:T<b> Cue:T<c> Source:T<d>`
    tie them (role names may carry a number, "Source2")."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m:
            continue  # the continuation of a multi-line span text
        ident = m.group(1)
        body = line[m.end():]
        if ident.startswith("T"):
            head = body.split("\t", 1)[0]
            kind, _, offsets = head.partition(" ")
            frags = []
            for part in offsets.split(";"):
                s, e = part.split()
                frags.append(Span(int(s), int(e)))
            spans[ident] = (kind, tuple(sorted(frags)))
        elif ident.startswith("E"):
            args = []
            for arg in body.split("\t", 1)[0].split():
                role, _, ref = arg.partition(":")
                args.append((role.rstrip("0123456789").lower(), ref))
            events.append(args)
    out = []
    for args in events:
        parts: dict[str, list[Span]] = {r: [] for r in ROLES}
        for role, ref in args:
            if role in parts and ref in spans:
                parts[role].extend(spans[ref][1])
        if not parts["cue"] and not parts["content"]:
            continue
        out.append(Attribution(tuple(sorted(parts["source"])), tuple(sorted(parts["cue"])), tuple(sorted(parts["content"])), 1.0))
    return sorted(out, key=lambda a: (a.cue or a.content)[0])


def read_metadata(root: Path) -> dict[str, dict]:
    path = root / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def split_dir(root: str | Path, split: str) -> Path:
    root = Path(root)
    if not root.exists():
        raise ValueError("no such file or directory")
    folder = root / split
    if not (folder / "text").is_dir():
        raise ValueError(f"not a PolNeAR folder: no {split}/text/ in it")
    return folder


def read_split(root: str | Path, split: str = "dev", limit: int | None = None) -> list[Article]:
    """The articles of a split, in name order, each with its first annotator's attributions."""
    folder = split_dir(root, split)
    meta = read_metadata(Path(root))
    anns: dict[str, list[Path]] = {}
    att = folder / "attributions"
    if att.is_dir():
        for path in sorted(att.glob("*.ann")):
            name, _, _annotator = path.stem.rpartition("_")
            anns.setdefault(name, []).append(path)
    articles = []
    for path in sorted((folder / "text").glob("*.txt")):
        name = path.stem
        row = meta.get(name, {})
        published = None
        try:
            published = date.fromisoformat(row.get("publication_date", "")[:10])
        except ValueError:
            pass
        text = path.read_text("utf-8")
        document = Document(source=str(path), text=text, title=row.get("title") or None,
                            publisher=row.get("publisher") or None, published=published)
        files = anns.get(name, [])
        gold = parse_ann(files[0].read_text("utf-8")) if files else []
        articles.append(Article(name, document, gold, files[0].stem.rpartition("_")[2] if files else None))
        if limit and len(articles) >= limit:
            break
    return articles


# ---------------------------------------------------------------- scoring


def _edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def normalize(text: str, frags: Iterable[Span]) -> tuple[tuple[int, int], ...]:
    """Fragments trimmed of whitespace and punctuation at their edges, empty ones
    dropped, neighbours separated only by whitespace and punctuation merged."""
    trimmed = []
    for f in sorted(frags):
        s, e = max(0, f.start), min(len(text), f.end)
        while s < e and _edge(text[s]):
            s += 1
        while e > s and _edge(text[e - 1]):
            e -= 1
        if s < e:
            trimmed.append([s, e])
    merged: list[list[int]] = []
    for s, e in trimmed:
        if merged and (s <= merged[-1][1] or all(_edge(c) for c in text[merged[-1][1]:s])):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return tuple((s, e) for s, e in merged)


def _shared(a: tuple, b: tuple) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


class Counts:
    def __init__(self) -> None:
        self.gold = self.predicted = 0
        self.exact_p = self.exact_g = self.overlap_p = self.overlap_g = 0

    def add(self, gold: list[tuple], pred: list[tuple]) -> tuple[set, set]:
        """Count one document; returns the unmatched (exact) gold and predictions."""
        self.gold += len(gold)
        self.predicted += len(pred)
        exact = set(gold) & set(pred)
        self.exact_p += len(exact)
        self.exact_g += len(exact)
        pairs = sorted(((_shared(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
        used_g, used_p = set(), set()
        for shared, i, j in pairs:
            if shared <= 0:
                break
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
        self.overlap_p += len(used_p)
        self.overlap_g += len(used_g)
        return set(gold) - exact, set(pred) - exact

    def as_dict(self) -> dict:
        def prf(tp_p: int, tp_g: int) -> dict:
            p = tp_p / self.predicted if self.predicted else 0.0
            r = tp_g / self.gold if self.gold else 0.0
            return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

        return {"gold": self.gold, "predicted": self.predicted,
                "exact": prf(self.exact_p, self.exact_g), "overlap": prf(self.overlap_p, self.overlap_g)}


def role_values(text: str, attributions: Iterable[Attribution], role: str) -> list[tuple]:
    """One document's normalised values of a role, deduplicated, in text order."""
    values = {normalize(text, getattr(a, role)) for a in attributions}
    values.discard(())
    return sorted(values)


def score_documents(pairs: Iterable[tuple[str, list[Attribution], list[Attribution]]], errors: list[str] | None = None,
                    name: str = "") -> dict:
    """Scores for (text, gold, predicted) triples; with `errors`, a line per miss and
    per spurious prediction (exact match)."""
    counts = {role: Counts() for role in ROLES}
    for doc_i, (text, gold, pred) in enumerate(pairs):
        for role in ROLES:
            missed, spurious = counts[role].add(role_values(text, gold, role), role_values(text, pred, role))
            if errors is not None:
                for kind, values in (("missed", missed), ("spurious", spurious)):
                    for value in sorted(values):
                        snippet = " … ".join(text[s:e] for s, e in value).replace("\n", " ")
                        errors.append(f"{name}\t{doc_i}\t{role}\t{kind}\t{value[0][0]}-{value[-1][1]}\t{snippet[:160]}")
    return {role: c.as_dict() for role, c in counts.items()}


# ---------------------------------------------------------------- systems


def model_system(path: str | None = None) -> System:
    from factions.claims.learned import AttributionTagger

    tagger = AttributionTagger.load(path)
    return lambda document, doc: tagger.predict(doc)


def rules_system(extractor=None, with_model: bool = False) -> System:
    """The claim layer: the cue rules alone, or with the trained tagger (`with_model`,
    rule claims.model: "combined"); each claim's speaker, cue and content spans become
    one attribution of one fragment each."""
    import copy

    if extractor is None:
        from factions.extract import get_extractor

        extractor = get_extractor("rules")
    extractor = copy.copy(extractor)  # the same pipeline, with or without the tagger
    if not with_model:
        extractor.tagger = None
    elif extractor.tagger is None:
        from factions.extract import _attribution_tagger

        extractor.tagger = _attribution_tagger()

    def run(document: Document, doc) -> list[Attribution]:
        claims = extractor.from_doc(document, doc).claims
        return [Attribution((c.speaker_span,) if c.speaker_span else (), (c.cue_span,), tuple(c.content_parts) or (c.content_span,), 1.0)
                for c in claims]

    return run


SYSTEMS: dict[str, Callable[[], System]] = {"model": model_system, "rules": rules_system,
                                            "combined": lambda: rules_system(with_model=True)}


def evaluate(root: str | Path, split: str = "dev", systems: Iterable[str] = ("rules", "model"),
             errors: bool = False, limit: int | None = None, batch_size: int = 16) -> dict:
    """Score the named systems on one split; the pipeline runs once per document."""
    from factions.actors import load_kb
    from factions.nlp import analyze, load_pipeline

    names = list(dict.fromkeys(systems))
    for n in names:
        if n not in SYSTEMS:
            raise ValueError(f"unknown system '{n}' (known: {', '.join(SYSTEMS)})")
    articles = read_split(root, split, limit)
    if not articles:
        raise ValueError(f"no articles in {split}/text/")
    by_source = {a.document.source: a for a in articles}
    if {"rules", "combined"} & set(names):  # the claim layer shares its pipeline with the run
        from factions.extract import get_extractor

        extractor = get_extractor("rules")
        nlp = extractor.nlp
        layers = {"rules": lambda: rules_system(extractor), "combined": lambda: rules_system(extractor, with_model=True)}
        runners = {n: layers[n]() if n in layers else SYSTEMS[n]() for n in names}
    else:
        nlp = load_pipeline(None, load_kb())
        runners = {n: SYSTEMS[n]() for n in names}
    triples: dict[str, list] = {n: [] for n in names}
    seconds = {n: 0.0 for n in names}
    pipeline_seconds = 0.0
    stream = analyze(nlp, (a.document for a in articles), batch_size)
    while True:
        t0 = time.perf_counter()
        try:
            document, doc = next(stream)
        except StopIteration:
            break
        pipeline_seconds += time.perf_counter() - t0
        gold = by_source[document.source].gold
        for n in names:
            t0 = time.perf_counter()
            pred = runners[n](document, doc)
            seconds[n] += time.perf_counter() - t0
            triples[n].append((document.text, gold, pred))
    report: dict = {"corpus": "PolNeAR", "split": split, "documents": len(articles),
                    "gold_attributions": sum(len(a.gold) for a in articles),
                    "pipeline_seconds": round(pipeline_seconds, 3), "systems": {}, "seconds": {}, "overhead": {}}
    error_lines: list[str] = []
    names_by_i = [a.name for a in articles]
    for n in names:
        errs: list[str] | None = [] if errors else None
        report["systems"][n] = score_documents(triples[n], errs, n)
        report["seconds"][n] = round(seconds[n], 3)
        report["overhead"][n] = round(seconds[n] / pipeline_seconds, 4) if pipeline_seconds else None
        if errs:
            for line in errs:
                system, i, rest = line.split("\t", 2)
                error_lines.append(f"{system}\t{names_by_i[int(i)]}\t{rest}")
    if errors:
        report["errors"] = error_lines
    return report
