"""A trained classifier of the relation between two parties named in one sentence
(rule `relations.model`): the relations the rules did not find.

The rules read a relation from a construction they know ("X, the commander of Y",
"X attacked Y"); on text they were not written against they find a third of what
annotators mark. The classifier reads every pair of parties in a sentence: their
kinds, the words between them, the dependency path that joins them and the word it
turns on, the words either side, and which rule (if any) related them already. It
gives the pair one of re3d's relation types with its direction, or none
(multinomial logistic regression: a crfsuite model over one-item sequences, read
with numpy by `factions.claims.crf`).

Its weights (`data/models/relations.crfsuite`, provenance in `relations.json`) are
trained by `train/relations.py` on the re3d-style sets under `examples/` (written by
annotators who never read the extractor, in the genres of re3d's held-out sources);
each set's score is measured with a model trained on the others (docs/evaluation.md).
It runs last in the extraction, on what the rules made, and adds a relation only
where no rule gave the pair that type; a negated link is left out.

It runs in `--extractor rules+relation-model`, not by default: it finds relations as
re3d's annotators mark them and raises relation F1 on re3d-style text it was not
trained on, but lowers precision on the gold sets written in factions' own
conventions, and on re3d's real dev split, more than it raises recall.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy
from spacy.tokens import Doc

from factions.claims.crf import LinearChainCRF
from factions.model import Actor, Mention, Relation, Span
from factions.nlp import sentence_span, span_over
from factions.relations.types import re3d_type_of

RULE = "relations.model"
MODEL_NAME = "relations"
NONE = "O"
# The kinds of actor a pair is read between: parties and places.
KINDS = {"person", "armed_group", "organization", "government_body", "state", "media", "population", "location"}
PLACE_KINDS = {"location"}
NAMED = {"kb", "text", "publisher"}  # actors known by a name, not only described ("the group", "two officials")
# re3d leaves possessive "its", "their", "our" unmarked; so do the pairs.
_POSSESSIVES = {"its", "their", "our"}


@dataclass(frozen=True, slots=True)
class Unit:
    """A party or place named in the text: the longest mention at its place."""

    start: int
    end: int
    kind: str
    mention: Mention


def default_path() -> Path:
    return Path(str(resources.files("factions.data").joinpath("models", MODEL_NAME + ".crfsuite")))


def units(mentions: Iterable[Mention], kinds: dict[str, str]) -> list[Unit]:
    """The mentions a pair may join, in text order: those of parties and places, the
    longest where mentions nest."""
    found = []
    for m in mentions:
        kind = kinds.get(m.actor or "")
        if kind not in KINDS or (m.basis == "pronoun" and m.text.lower() in _POSSESSIVES):
            continue
        found.append(Unit(m.span.start, m.span.end, kind, m))
    found.sort(key=lambda u: (u.start, -(u.end - u.start)))
    out: list[Unit] = []
    for u in found:
        if out and u.start < out[-1].end:
            continue  # inside (or across) the longer one before it
        out.append(u)
    return out


@dataclass(frozen=True, slots=True)
class Place:
    """A unit's tokens: [start, end), the syntactic root, the first of its sentence."""

    start: int
    end: int
    root: int
    sentence: int


def pairs(doc: Doc, found: list[Unit]) -> Iterator[tuple[int, int, Place, Place]]:
    """(first's number, second's number, their tokens): every two units of one
    sentence, in text order."""
    places = []
    for u in found:
        span = span_over(doc, u.start, u.end)
        if span is None or not len(span):
            places.append(None)
            continue
        root = span.root
        places.append(Place(span.start, span.end, root.i, root.sent.start))
    for i, a in enumerate(places):
        if a is None:
            continue
        for j in range(i + 1, len(found)):
            b = places[j]
            if b is None:
                continue
            if b.sentence != a.sentence:
                break
            yield i, j, a, b


class Tokens:
    """What the features read of a Doc's tokens, made once per token that is read
    (a Token object costs more than the features made from it)."""

    __slots__ = ("doc", "_rows", "_marks")

    def __init__(self, doc: Doc):
        self.doc = doc
        self._rows: dict[int, tuple[str, str, str, str, int]] = {}
        self._marks: dict[int, tuple[bool, bool, bool]] = {}

    def __getitem__(self, i: int) -> tuple[str, str, str, str, int]:
        """(lemma in lower case, lower-case text, part of speech, dependency, head)."""
        row = self._rows.get(i)
        if row is None:
            t = self.doc[i]
            # crfsuite's model dump is read line by line: no line break in a feature's name
            row = self._rows[i] = (_LINE_BREAKS.sub("¶", t.lemma_.lower()), _LINE_BREAKS.sub("¶", t.lower_), t.pos_, t.dep_, t.head.i)
        return row

    def marks(self, i: int) -> tuple[bool, bool, bool]:
        """Whether the token governs a negation ("not"), a modal ("would"), a "no"."""
        marks = self._marks.get(i)
        if marks is None:
            children = [(c.dep_, c.tag_, c.lower_) for c in self.doc[i].children]
            marks = self._marks[i] = (any(d == "neg" for d, _, _ in children), any(t == "MD" for _, t, _ in children),
                                      any(d == "det" and w == "no" for d, _, w in children))
        return marks

    def path(self, a: int, b: int) -> tuple[int, list[int], list[int]] | None:
        """The lowest common ancestor of two tokens and the tokens from each up to it."""
        up_a = [a]
        while (h := self[up_a[-1]][4]) != up_a[-1]:
            up_a.append(h)
        where = {t: k for k, t in enumerate(up_a)}
        up_b = []
        t = b
        while t not in where:
            up_b.append(t)
            h = self[t][4]
            if h == t:
                return None
            t = h
        return t, up_a[: where[t]], up_b


def rules_by_pair(relations: Iterable[Relation], found: list[Unit]) -> dict[tuple[int, int], list[tuple[str, str]]]:
    """(label, rule) of each relation the rules made between two units, by the units'
    numbers in `found` (first < second), in re3d's types: "FightingAgainst",
    "BelongsTo>" (from the first to the second), "BelongsTo<"."""
    re3d = re3d_type_of()
    starts = [u.start for u in found]

    def meeting(span: Span) -> list[int]:
        k = max(bisect.bisect_right(starts, span.start) - 1, 0)
        out = []
        while k < len(found) and found[k].start < span.end:
            if _meets(span, found[k]):
                out.append(k)
            k += 1
        return out

    out: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for r in relations:
        typ = re3d.get(r.type)
        if not typ:
            continue
        forward: dict[tuple[int, int], bool] = {}  # one label per relation and pair, forward first
        for a in meeting(r.source_span):
            for b in meeting(r.target_span):
                if a != b:
                    key = (min(a, b), max(a, b))
                    forward[key] = forward.get(key, False) or a < b
        for key, ahead in forward.items():
            out.setdefault(key, []).append((label(typ, ahead), r.rule))
    return out


def label(re3d_type: str, forward: bool) -> str:
    return re3d_type if re3d_type in SYMMETRIC else re3d_type + (">" if forward else "<")


SYMMETRIC = {"FightingAgainst", "AlliesOf", "CommWith"}


def _meets(span: Span, u: Unit) -> bool:
    return span.start < u.end and u.start < span.end


def _bucket(n: int) -> int:
    return n if n < 10 else (15 if n < 20 else 30)


def features(tokens: Tokens, u: Unit, v: Unit, su: Place, sv: Place, rules: list[tuple[str, str]]) -> list[str]:
    """What the classifier reads of one pair (`su`, `sv` their tokens)."""
    ru, rv = su.root, sv.root
    (lem_u, _, _, dep_u, _), (lem_v, _, _, dep_v, _) = tokens[ru], tokens[rv]
    f = [f"k1={u.kind}", f"k2={v.kind}", f"kk={u.kind}|{v.kind}", f"b1={u.mention.basis}", f"b2={v.mention.basis}",
         f"h1={lem_u}", f"h2={lem_v}", f"d1={dep_u}", f"d2={dep_v}"]
    between = range(su.end, sv.start)
    n = len(between)
    f.append(f"n={_bucket(n)}")
    if n <= 10:
        f.extend(f"bw={tokens[i][0]}" for i in between)
        if n <= 4:
            f.append("bws=" + " ".join(tokens[i][1] for i in between))
    else:
        f.extend(f"bwe={tokens[i][0]}" for i in (*between[:3], *between[-3:]))
    f.extend(f"bv={tokens[i][0]}" for i in between if tokens[i][2] == "VERB")
    if su.start > 0:
        f.append(f"p1={tokens[su.start - 1][1]}")
    if su.start > 1:
        f.append(f"pp1={tokens[su.start - 2][1]}")
    if sv.end < len(tokens.doc):
        f.append(f"n2={tokens[sv.end][1]}")
    path = tokens.path(ru, rv)
    if path:
        top, up_u, up_v = path
        steps = len(up_u) + len(up_v)
        f.append("pd=" + " ".join([*(tokens[t][3] for t in up_u), "^", *(tokens[t][3] for t in reversed(up_v))]))
        words = [*(f"{tokens[t][3]}:{tokens[t][0]}" for t in up_u[1:]), "^" + tokens[top][0],
                 *(f"{tokens[t][3]}:{tokens[t][0]}" for t in reversed(up_v[1:]))]
        if steps <= 5:
            f.append("pl=" + " ".join(words))
        f.extend((f"lca={tokens[top][0]}", f"lcap={tokens[top][2]}", f"plen={min(steps, 8)}"))
        f.extend(f"pw={tokens[t][0]}" for t in (*up_u[1:], top, *up_v[1:]))
        neg, modal, _no = tokens.marks(top)
        if neg:
            f.append("neg")
        if modal:
            f.append("modal")
    for lab, rule in rules:
        f.extend((f"rule={lab}", f"rid={rule}"))
    return f


_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def negated(tokens: Tokens, su: Place, sv: Place) -> bool:
    """The link between the two is denied: a negation on a word of the path between
    them ("X did not attack Y", "X has no ties to Y")."""
    path = tokens.path(su.root, sv.root)
    if path is None:
        return False
    top, up_u, up_v = path
    return any(neg or no for neg, _modal, no in map(tokens.marks, (top, *up_u[1:], *up_v[1:])))


def read_pairs(tokens: Tokens, mentions: list[Mention], kinds: dict[str, str], made: list[Relation]):
    """The pairs of one Doc as the classifier reads them: [(first unit, second unit,
    their token spans, the labels the rules gave the pair)] and the features of each."""
    found = units(mentions, kinds)
    if len(found) < 2:
        return [], []
    by_rules = rules_by_pair(made, found)
    candidates, rows = [], []
    for i, j, su, sv in pairs(tokens.doc, found):
        u, v = found[i], found[j]
        if (u.kind in PLACE_KINDS and v.kind in PLACE_KINDS) or u.mention.actor == v.mention.actor:
            continue  # no relation of parties: two places, or one actor named twice
        rules = by_rules.get((i, j), [])
        candidates.append((u, v, su, sv, {lab for lab, _ in rules}))
        rows.append(features(tokens, u, v, su, sv, rules))
    return candidates, rows


class RelationClassifier:
    """The trained weights and how their labels become the contract's types."""

    def __init__(self, crf: LinearChainCRF, meta: dict):
        self.crf = crf
        self.meta = meta
        self.threshold = float(meta["threshold"])
        self.types = meta["label_types"]  # re3d type → {"party": our type, "place": our type}
        self.admitted = set(meta["admitted"])  # re3d types it may add (precision on the sets it was not trained on)
        # "named": between actors known by name (not "the group"); "any": as the sets mark them
        self.arguments = meta.get("arguments", "any")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "RelationClassifier":
        model = Path(path) if path else default_path()
        if not model.exists():
            raise FileNotFoundError(f"{model}: no relation model; train one with `make train-relations`")
        meta = json.loads(model.with_suffix(".json").read_text("utf-8"))
        return cls(LinearChainCRF.load(model), meta)

    def probabilities(self, rows: list[list[str]]) -> numpy.ndarray:
        """Rows × labels: the probability of each label for each pair (a one-item
        sequence's marginals are the softmax of its state weights)."""
        crf = self.crf
        scores = numpy.zeros((len(rows), len(crf.labels)))
        if rows:
            ids = crf.encode([name for row in rows for name in row])
            owner = numpy.repeat(numpy.arange(len(rows)), [len(row) for row in rows])
            numpy.add.at(scores, owner, crf.state[ids])  # (a name the model has no weights for: a row of zeros)
        scores -= scores.max(axis=1, keepdims=True)
        p = numpy.exp(scores)
        return p / p.sum(axis=1, keepdims=True)

    def relations(self, doc: Doc, mentions: list[Mention], actors: list[Actor], made: list[Relation]) -> list[Relation]:
        """The relations it adds to those the rules `made`."""
        by_id = {a.id: a for a in actors}

        def named(u: Unit) -> bool:
            return by_id[u.mention.actor].basis in NAMED

        tokens = Tokens(doc)
        candidates, rows = read_pairs(tokens, mentions, {a.id: a.kind for a in actors}, made)
        if not rows:
            return []
        probs = self.probabilities(rows)
        labels = self.crf.labels
        out = []
        for (u, v, su, sv, by_rules), p in zip(candidates, probs):
            best = int(p.argmax())
            lab = labels[best]
            if lab == NONE or p[best] < self.threshold or lab in by_rules:
                continue
            typ = lab.rstrip("<>")
            if typ not in self.admitted or negated(tokens, su, sv):
                continue
            if self.arguments == "named" and not (named(u) and named(v)):
                continue
            source, target = (v, u) if lab.endswith("<") else (u, v)
            if source.kind in PLACE_KINDS:
                if typ not in SYMMETRIC:
                    continue  # a place does nothing
                source, target = target, source
            ours = self.types[typ]["place" if target.kind in PLACE_KINDS else "party"]
            if not ours:
                continue
            out.append(Relation(type=ours, source=source.mention.actor, target=target.mention.actor,
                                source_span=source.mention.span, target_span=target.mention.span,
                                evidence_span=sentence_span(doc[su.root].sent), modality="asserted", rule=RULE))
        return out


_CLASSIFIER: RelationClassifier | None = None


def classifier() -> RelationClassifier:
    """The shipped classifier, loaded once per process."""
    global _CLASSIFIER
    if _CLASSIFIER is None:
        _CLASSIFIER = RelationClassifier.load()
    return _CLASSIFIER
