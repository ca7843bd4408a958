"""A trained tagger for attributions: who (source) said, through which words (cue),
what (content).

`AttributionTagger.predict(doc)` assigns every token of a parsed Doc one of the BIO
labels of three roles, SRC, CUE and CNT, with a linear-chain CRF (trained with
python-crfsuite, read with numpy: `factions.claims.crf`) over one sequence per
paragraph, then groups the tagged spans into `Attribution`s:
each cue takes the source span and the content spans that hang from it in the
dependency parse, else the nearest ones in its sentence (a content split around its
cue, "“A,” he said, “B.”", becomes one content of two fragments). A source or content
with no cue to join is dropped: every attribution has a cue (on PolNeAR dev, keeping
them cost more precision than it gained recall).

Why a trained tagger: the rule-based claim layer finds the speech verbs it knows and
takes their subject and complement, which scores 0.54 source and 0.21 content exact F1
on real news (PolNeAR, whose notion of attribution is broad: statements, beliefs,
intentions, feelings). Where a span starts and ends ("the presidential ambitions of
three Republican hopefuls: ...") is learned better from annotated news than written
as rules. The features (`factions.claims.features`) come from the same spaCy parse the
rest of factions uses, so the tagger adds little time, and the weights are small.
`predict_many(docs)` reads several Docs together: decoding costs per numpy call, not
per sequence, so the extractor hands it a batch of Docs at a time.

The shipped weights (`factions/data/models/attribution.crfsuite`, with their provenance
in `attribution.json`) were trained on PolNeAR's train split by `train/attribution.py`.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy
from spacy.tokens import Doc

from factions.claims.crf import UNKNOWN, LinearChainCRF
from factions.claims.features import CueRoleFeaturizer, Featurizer, ParsedDoc
from factions.model import Span
from factions.nlp.pipeline import span_over

ROLES = {"SRC": "source", "CUE": "cue", "CNT": "content"}
MODEL_NAME = "attribution"
ROLES_SUFFIX = "-roles"  # the second tagger's weights: attribution-roles.crfsuite


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: each role is a tuple of fragments (Spans into the text); an
    attribution may have no source. `score` is the tagger's mean marginal
    probability over the cue's tokens (1.0 for gold or rules)."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    score: float = 1.0


def default_path() -> Path:
    return Path(str(resources.files("factions.data").joinpath("models", MODEL_NAME + ".crfsuite")))


def roles_path(model: Path) -> Path:
    return model.with_name(model.stem + ROLES_SUFFIX + model.suffix)


# ---------------------------------------------------------------- labels


def gold_tags(doc: Doc, seqs: list[tuple[int, int]], attributions: Iterable[Attribution]) -> list[str]:
    """The BIO label of every token in the sequences: a token takes a role when it
    starts inside one of the role's fragments (B when it is the fragment's first)."""
    n = len(doc)
    label = ["O"] * n
    first = [False] * n
    starts = [t.idx for t in doc]
    for a in attributions:
        for role_tag, role in ROLES.items():
            for frag in getattr(a, role):
                i = bisect.bisect_left(starts, frag.start)
                # a token that starts before the fragment but runs into it
                if i > 0 and starts[i - 1] + len(doc[i - 1]) > frag.start:
                    i -= 1
                opened = False
                while i < n and starts[i] < frag.end:
                    if not doc[i].is_space:
                        label[i] = role_tag
                        if not opened:
                            first[i] = True
                            opened = True
                    i += 1
    out = []
    for start, end in seqs:
        prev = "O"
        for i in range(start, end):
            lab = label[i]
            if lab == "O":
                out.append("O")
            elif first[i] or prev != lab:
                out.append("B-" + lab)
            else:
                out.append("I-" + lab)
            prev = lab
    return out


def cue_role_tags(doc: Doc, start: int, end: int, attribution: Attribution) -> list[str]:
    """The BIO labels (SRC, CNT) of tokens [start, end) for the second tagger: the
    source and content of this one attribution, every other token O."""
    label = ["O"] * (end - start)
    for tag, frags in (("SRC", attribution.source), ("CNT", attribution.content)):
        for frag in frags:
            opened = False
            for i in range(start, end):
                t = doc[i]
                if frag.start <= t.idx < frag.end and not t.is_space:
                    label[i - start] = ("I-" if opened else "B-") + tag
                    opened = True
    return label


def token_range(doc: Doc, frags: Iterable[Span]) -> tuple[int, int]:
    """The tokens [first, last + 1) that cover the fragments."""
    frags = list(frags)
    starts = [t.idx for t in doc]
    i = max(bisect.bisect_right(starts, min(f.start for f in frags)) - 1, 0)
    j = bisect.bisect_left(starts, max(f.end for f in frags))
    return i, max(j, i + 1)


def learn_cues(pairs: Iterable[tuple[Doc, list[Attribution]]], min_count: int = 3, min_ratio: float = 0.1) -> list[str]:
    """Lemmas (lower case) of the syntactic heads of gold cue spans that are cues at
    least `min_ratio` of the times they occur and at least `min_count` times."""
    as_cue: Counter = Counter()
    total: Counter = Counter()
    for doc, attributions in pairs:
        for tok in doc:
            total[tok.lemma_.lower()] += 1
        for a in attributions:
            for frag in a.cue:
                span = span_over(doc, frag.start, frag.end)
                if span is None or not len(span):
                    continue
                as_cue[span.root.lemma_.lower()] += 1
    return sorted(l for l, c in as_cue.items() if c >= min_count and c / max(total[l], 1) >= min_ratio and l.strip())


# ---------------------------------------------------------------- decoding


def _spans(doc: Doc | None, seqs: list[tuple[int, int]], tags: list[str]) -> list[tuple[str, int, int]]:
    """(role tag, first token, last token + 1) of every tagged span."""
    out = []
    k = 0
    for start, end in seqs:
        cur = None
        for i in range(start, end):
            t = tags[k]
            k += 1
            if t == "O":
                if cur:
                    out.append(tuple(cur))
                cur = None
                continue
            bio, lab = t[0], t[2:]
            if cur and bio == "I" and cur[0] == lab:
                cur[2] = i + 1
            else:
                if cur:
                    out.append(tuple(cur))
                cur = [lab, i, i + 1]
        if cur:
            out.append(tuple(cur))
    return out


def group(doc: Doc, spans: list[tuple[str, int, int]], scores: dict[int, float] | None = None) -> list[Attribution]:
    """Tagged spans into attributions, each source and content joining a cue: the cue
    that is an ancestor of the span's root (the nearest such), else the nearest cue in
    the same sentence, else the nearest in the paragraph (within 60 tokens). One
    source per cue (the nearest); contents as `_join_contents` says."""
    cues = [s for s in spans if s[0] == "CUE"]

    def char(s) -> Span:
        return Span(doc[s[1]].idx, doc[s[2] - 1].idx + len(doc[s[2] - 1]))

    if not cues:
        return []
    cue_of_token = {}
    for ci, c in enumerate(cues):
        for i in range(c[1], c[2]):
            cue_of_token[i] = ci
    sent_of = {}
    for si, sent in enumerate(doc.sents):
        sent_of[sent.start] = si
    sent_index = [0] * len(doc)
    si = -1
    for i in range(len(doc)):
        if i in sent_of:
            si = sent_of[i]
        sent_index[i] = si
    sources: dict[int, list] = {ci: [] for ci in range(len(cues))}
    contents: dict[int, list] = {ci: [] for ci in range(len(cues))}
    for s in spans:
        if s[0] == "CUE":
            continue
        root = doc[s[1]:s[2]].root
        target = None
        node = root
        for _ in range(12):
            if node.i in cue_of_token and not (s[1] <= node.i < s[2]):
                target = cue_of_token[node.i]
                break
            if node.head.i == node.i:
                break
            node = node.head
        if target is None:
            best = None
            for ci, c in enumerate(cues):
                dist = c[1] - s[2] if c[1] >= s[2] else s[1] - c[2]
                same = sent_index[c[1]] == sent_index[s[1]] or sent_index[c[1]] == sent_index[s[2] - 1]
                key = (0 if same else 1, abs(dist))
                if abs(dist) <= 60 and (best is None or key < best[0]):
                    best = (key, ci)
            target = best[1] if best else None
        if target is None:
            continue  # no cue to join: dropped (on PolNeAR dev, keeping them costs precision)
        if s[0] == "SRC":
            sources[target].append(s)
        else:
            contents[target].append(s)
    out = []
    for ci, c in enumerate(cues):
        src = sources[ci]
        if len(src) > 1:  # one source per cue: the nearest
            src = sorted(src, key=lambda s: min(abs(s[1] - c[2]), abs(c[1] - s[2])))[:1]
        score = scores.get(c[1], 1.0) if scores else 1.0
        joined = _join_contents(doc, c, src, contents[ci])
        out.append(Attribution(tuple(char(s) for s in src), (char(c),), tuple(char(s) for s in joined), score))
    return sorted(out, key=lambda a: a.cue[0])


def _join_contents(doc: Doc, cue, sources: list, contents: list) -> list:
    """The content spans of one cue that form its content (fragments): the one nearest
    the cue, and its neighbours when only the cue, the source and punctuation lie
    between ("“A,” he said, “B.”"); the rest are dropped."""
    if len(contents) <= 1:
        return contents
    contents = sorted(contents, key=lambda s: s[1])
    own = set(range(cue[1], cue[2]))
    for s in sources:
        own.update(range(s[1], s[2]))

    def bridged(a, b) -> bool:
        return all(i in own or doc[i].is_punct or doc[i].is_space for i in range(a[2], b[1]))

    near = min(range(len(contents)), key=lambda k: min(abs(contents[k][1] - cue[2]), abs(cue[1] - contents[k][2])))
    lo = hi = near
    while lo > 0 and bridged(contents[lo - 1], contents[lo]):
        lo -= 1
    while hi + 1 < len(contents) and bridged(contents[hi], contents[hi + 1]):
        hi += 1
    return contents[lo:hi + 1]


def _without_date(doc: Doc, start: int, end: int) -> int:
    """The end of a cue span without the date the tagger let it run into ("said on
    Tuesday"): the date is the claim's said_on, the cue its verb. (PolNeAR annotators
    differ on this; on its dev split the cut costs 0.0015 cue F1.)"""
    while end - 1 > start and (doc[end - 1].ent_type_ in ("DATE", "TIME") or doc[end - 1].is_punct):
        end -= 1
    while end - 1 > start and doc[end - 1].dep_ == "prep" and doc[end - 1].lower_ in ("on", "in", "at"):
        end -= 1
    return end


# ---------------------------------------------------------------- the tagger


class AttributionTagger:
    """Two linear-chain CRFs over one parse. The first labels every role of every
    attribution in a paragraph and is read for its cues; the second (`roles`, when its
    weights are there) reads the paragraph once per cue, each token described relative
    to that cue, and labels that cue's source and content. Without the second, sources
    and contents come from the first, joined to cues by `group`.

    On PolNeAR dev the second raised content exact F1 from 0.507 to 0.533 with the
    first's cues and reaches 0.685 with the gold cues: finding the cues is now what
    limits it."""

    def __init__(self, tagger: LinearChainCRF, cues: Iterable[str], meta: dict | None = None,
                 roles: LinearChainCRF | None = None):
        self.tagger = tagger
        self.roles = roles
        self.featurizer = Featurizer(cues)
        self.role_featurizer = CueRoleFeaturizer(cues)
        self.meta = meta or {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> "AttributionTagger":
        """The weights at `path` (a .crfsuite file with its .json beside it), by
        default the shipped ones."""
        model = Path(path) if path else default_path()
        if not model.exists():
            raise FileNotFoundError(f"{model}: no attribution model; train one with `make train`")
        meta = json.loads(model.with_suffix(".json").read_text("utf-8"))
        roles = LinearChainCRF.load(roles_path(model)) if roles_path(model).exists() else None
        return cls(LinearChainCRF.load(model), meta["cue_lemmas"], meta, roles)

    def tags(self, parsed: ParsedDoc) -> tuple[list[tuple[int, int]], list[str], dict[int, float]]:
        """The label of every token in the paragraph sequences, and the marginal
        probability of each cue's first token (by token number)."""
        crf = self.tagger
        seqs, table = self.featurizer.featurize(parsed, crf.encode, UNKNOWN)
        if not seqs:
            return seqs, [], {}
        emissions = crf.emissions(table)
        bounds = _rows(seqs)
        tags = [crf.labels[i] for i in crf.viterbi(emissions, bounds)]
        # each cue's first token: its marginal probability is the cue's score
        firsts: list[tuple[int, int]] = []  # (row, token)
        with_cue = []
        for (start, _end), (lo, hi) in zip(seqs, bounds):
            found = [k for k in range(lo, hi) if tags[k].endswith("CUE") and (tags[k][0] == "B" or k == lo or not tags[k - 1].endswith("CUE"))]
            if found:
                with_cue.append((lo, hi))
                firsts.extend((k, start + k - lo) for k in found)
        scores: dict[int, float] = {}
        if firsts:
            marginals = crf.marginals(emissions, with_cue)
            for k, token in firsts:
                scores[token] = float(marginals[k, crf.labels.index(tags[k])])
        return seqs, tags, scores

    def predict(self, doc: Doc) -> list[Attribution]:
        return self.predict_many([doc])[0]

    def predict_many(self, docs: list[Doc]) -> list[list[Attribution]]:
        """The attributions of each Doc, the Docs read together (one decoding for
        all their paragraphs, one for all their cues: each decoding step is a numpy
        call whatever the number of sequences)."""
        parsed = self.featurizer.prepare(docs)
        seqs, tags, scores = self.tags(parsed)
        spans = _spans(None, seqs, tags)
        per_doc: list[list[tuple[str, int, int]]] = [[] for _ in docs]
        owners = numpy.searchsorted(parsed.offsets, [start for _role, start, _end in spans], side="right") - 1
        for span, k in zip(spans, owners.tolist()):
            per_doc[k].append(span)
        if self.roles is None:
            out = []
            for k, doc in enumerate(docs):
                off = int(parsed.offsets[k])
                local = [(role, start - off, end - off) for role, start, end in per_doc[k]]
                out.append(group(doc, local, {t - off: v for t, v in scores.items() if off <= t < off + len(doc)}))
            return out
        cues, owners = [], []
        for k, doc in enumerate(docs):
            off = int(parsed.offsets[k])
            for role, start, end in per_doc[k]:
                if role == "CUE":
                    cues.append((start, off + _without_date(doc, start - off, end - off)))
                    owners.append(k)
        found = self.read_cues(parsed, cues, [scores.get(start, 1.0) for start, _end in cues])
        out = [[] for _ in docs]
        for k, attribution in zip(owners, found):
            out[k].append(attribution)
        return out

    def read_cues(self, parsed: ParsedDoc, cues: list[tuple[int, int]], scores: list[float] | None = None) -> list[Attribution]:
        """The attribution of each cue (token numbers [start, end) in `parsed`), read
        together: the second tagger's source (the nearest, if it tags several) and
        content fragments, as character spans of the cue's own document."""
        if not cues:
            return []
        crf = self.roles
        windows, table = self.role_featurizer.featurize_cues(parsed, cues, crf.encode, UNKNOWN)
        bounds = _rows(windows)
        labels = crf.viterbi(crf.emissions(table), bounds)
        out = []
        owners = numpy.searchsorted(parsed.offsets, [start for start, _end in cues], side="right") - 1
        for n, ((start, end), window, (lo, hi), k) in enumerate(zip(cues, windows, bounds, owners.tolist())):
            doc, off = parsed.docs[k], int(parsed.offsets[k])

            def char(a: int, b: int) -> Span:
                return Span(doc[a - off].idx, doc[b - 1 - off].idx + len(doc[b - 1 - off]))

            spans = _spans(None, [window], [crf.labels[i] for i in labels[lo:hi]])
            sources = sorted((s for s in spans if s[0] == "SRC"), key=lambda s: min(abs(s[1] - end), abs(start - s[2])))[:1]
            contents = [s for s in spans if s[0] == "CNT"]
            out.append(Attribution(tuple(char(s[1], s[2]) for s in sources), (char(start, end),),
                                   tuple(char(s[1], s[2]) for s in contents), scores[n] if scores else 1.0))
        return out


def _rows(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The rows of a table made over token ranges laid end to end."""
    out = []
    k = 0
    for start, end in ranges:
        out.append((k, k + end - start))
        k += end - start
    return out
