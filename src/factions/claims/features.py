"""Token features for the attribution taggers, read from the Doc's arrays.

Two featurizers over one parse. `Featurizer` (the first tagger) reads one sequence
per paragraph (a run of tokens between newline tokens), since a quoted content may run
over several sentences but rarely over paragraphs. Each token is described by binary
features: its word, lemma, shape, part of speech and dependency; its head's; its
neighbours'; what hangs from it (a clausal complement, a "that" clause, a subject that
is a person: a verb that speaks whatever its lemma, so cues outside the learned list
are found); its class of attribution words and its head's (`lexicons/attribution_words.toml`:
speech, request, dispute, belief, intention, feeling…, so a verb the training split never
showed as a cue looks like its kin); whether it sits inside quotation marks; and its
relation to the nearest ancestor whose lemma is a likely cue (a lemma list learned from
the training split's Cue spans and saved with the model, or a word of those classes):
which child of the cue it hangs under (nsubj, ccomp...), on which side of the cue, and
how far. `CueRoleFeaturizer` (the second) reads, for each cue, the tokens around it
described relative to that cue.

A feature is a string ("l=say", "cdb=ccompR4-6"), which is what python-crfsuite trains
on. Strings are made once per distinct value in a document, not once per token: every
feature is a template over columns of codes (numpy arrays over the tokens), and a
template's distinct codes are named, then handed to an encoder, which keeps the
strings (`STRINGS`, for training) or turns them into rows of the model's weights
(`factions.claims.crf`, for reading). Both give a `FeatureTable`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG
from spacy.tokens import Doc

from factions.lexicons import lexicon

ATTRS = [LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, SHAPE, SENT_START]
OPEN_QUOTES = {"“", "‘‘", "``"}
CLOSE_QUOTES = {"”", "''"}
TOGGLE_QUOTES = {'"'}
CUE_POS = ("VERB", "NOUN", "ADJ", "AUX", "ADP", "PROPN")
BUCKETS = ["0", "1", "2", "3", "4-6", "7-12", "13+"]
SIDES = ["L", "R", "S"]
L, R, S = 0, 1, 2
ANCESTRY = 40  # the deepest walk up the parse (the second featurizer's "under the cue")
ANCESTORS = 12  # a cue's governing tokens, counted this far up

# an encoder turns a list of distinct feature strings into an array of their encodings
Encoder = Callable[[list[str]], numpy.ndarray]


def STRINGS(names: list[str]) -> numpy.ndarray:
    """The encoder that keeps the strings (for training and inspection)."""
    out = numpy.empty(len(names), dtype=object)
    out[:] = names
    return out


def _distinct(codes: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """`numpy.unique(codes, return_inverse=True)` for non-negative integer codes, by
    counting where their range is small (as a feature's combined codes mostly are): the
    sort in `numpy.unique` took a third of the taggers' time."""
    if not len(codes):
        return numpy.unique(codes, return_inverse=True)
    top = int(codes.max()) + 1
    if codes.min() < 0 or top > max(4 * len(codes), 1 << 16):
        return numpy.unique(codes, return_inverse=True)
    seen = numpy.zeros(top, dtype=bool)
    seen[codes] = True
    uniq = numpy.flatnonzero(seen)
    rank = numpy.cumsum(seen) - 1
    return uniq, rank[codes]


def _bucket(n: numpy.ndarray) -> numpy.ndarray:
    """Codes into BUCKETS of non-negative counts: 0, 1, 2, 3, 4-6, 7-12, 13+."""
    return numpy.select([n <= 3, n <= 6, n <= 12], [n, 4, 5], 6)


@dataclass
class Column:
    """A string attribute of tokens as codes into `names`. A `glue`d column's names
    are appended bare to the names before them in a feature ("nsubjL4-6"), the others'
    after a "|" ("nsubj|say")."""

    codes: numpy.ndarray
    names: list[str]
    glue: bool = False

    @classmethod
    def of(cls, values: numpy.ndarray, strings, transform: Callable[[str], str] | None = None) -> "Column":
        uniq, inverse = numpy.unique(values, return_inverse=True)
        names = [strings[int(h)] if h else "" for h in uniq.tolist()]
        codes = inverse.reshape(-1)
        if transform is not None:  # distinct hashes may share a transformed name
            names = [transform(x) for x in names]
            merged, remap = numpy.unique(numpy.array(names, dtype=object), return_inverse=True)
            names = merged.tolist()
            codes = remap.reshape(-1)[codes]
        return cls(codes.astype(numpy.int64), names)

    @classmethod
    def fixed(cls, names: list[str], glue: bool = False) -> "Column":
        """A column of known values, the rows' codes given with each use."""
        return cls(numpy.arange(len(names)), names, glue)


class FeatureTable:
    """The encoded features of a run of rows (tokens): `columns`, one encoding per row
    or `absent`, and `extra` (row, encoding) pairs for features a row may have several
    of."""

    def __init__(self, n: int, encode: Encoder, absent):
        self.n = n
        self.encode = encode
        self.absent = absent
        self.columns: list[numpy.ndarray] = []
        self.extra_rows: list[numpy.ndarray] = []
        self.extra_values: list[numpy.ndarray] = []

    def add(self, prefix: str, parts: Sequence[tuple[Column, numpy.ndarray]], present: numpy.ndarray | None = None) -> None:
        """The feature `prefix` + the names of `parts` (each a column and the rows' codes
        into it), for the rows where `present`."""
        codes, names = _combine(parts)
        self._column(prefix, codes, names, present)

    def flag(self, name: str, present: numpy.ndarray | bool = True) -> None:
        """A feature without a value, on the rows where `present`."""
        self._column(name, numpy.zeros(self.n, dtype=numpy.int64), lambda uniq: [""] * len(uniq), present)

    def add_extra(self, prefix: str, rows: numpy.ndarray, parts: Sequence[tuple[Column, numpy.ndarray]]) -> None:
        """Features of which a row may have several: one per (row, codes) pair."""
        if not len(rows):
            return
        codes, names = _combine(parts)
        uniq, inverse = _distinct(codes)
        encoded = self.encode([prefix + x for x in names(uniq)])
        self.extra_rows.append(numpy.asarray(rows, dtype=numpy.int64))
        self.extra_values.append(encoded[inverse.reshape(-1)])

    def _column(self, prefix: str, codes: numpy.ndarray, names, present) -> None:
        if present is True or present is None:
            uniq, inverse = _distinct(codes)
            self.columns.append(self.encode([prefix + x for x in names(uniq)])[inverse.reshape(-1)])
            return
        column = numpy.full(self.n, self.absent, dtype=object if self.absent is None else numpy.int64)
        if present is not False and present.any():
            uniq, inverse = _distinct(codes[present])
            column[present] = self.encode([prefix + x for x in names(uniq)])[inverse.reshape(-1)]
        self.columns.append(column)

    def strings(self) -> list[list[str]]:
        """Each row's feature strings (with the STRINGS encoder)."""
        out = [[v for v in row if v is not None] for row in zip(*self.columns)] if self.columns else [[] for _ in range(self.n)]
        seen = [set() for _ in range(self.n)]
        for rows, values in zip(self.extra_rows, self.extra_values):
            for r, v in zip(rows.tolist(), values.tolist()):
                if v not in seen[r]:  # a row has a feature once
                    seen[r].add(v)
                    out[r].append(v)
        return out

    def extras(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(rows, encodings) of the extra features, each once per row (with an
        encoder to integers)."""
        if not self.extra_rows:
            empty = numpy.zeros(0, dtype=numpy.int64)
            return empty, empty
        rows = numpy.concatenate(self.extra_rows)
        values = numpy.concatenate(self.extra_values).astype(numpy.int64)
        pairs = numpy.unique(numpy.stack([rows, values], axis=1), axis=0)
        return pairs[:, 0], pairs[:, 1]


def _combine(parts: Sequence[tuple[Column, numpy.ndarray]]):
    """One code per row for several parts, and a function naming an array of codes
    (the parts' names joined as their columns say)."""
    sizes = [max(len(col.names), 1) for col, _ in parts]
    codes = numpy.zeros(len(parts[0][1]), dtype=numpy.int64)
    for (_col, c), size in zip(parts, sizes):
        codes = codes * size + c
    columns = [col for col, _ in parts]

    def names(uniq: numpy.ndarray) -> list[str]:
        if len(columns) == 1:
            names_of = columns[0].names
            return [names_of[k] for k in uniq.tolist()]
        pieces = []
        rest = uniq
        for col, size in zip(reversed(columns), reversed(sizes)):
            rest, k = numpy.divmod(rest, size)
            names_of = col.names
            pieces.append([names_of[j] for j in k.tolist()])
        pieces.reverse()
        out = pieces[0]
        for col, piece in zip(columns[1:], pieces[1:]):
            sep = "" if col.glue else "|"
            out = [a + sep + b for a, b in zip(out, piece)]
        return out

    return codes, names


# the columns of values a feature may take besides the tokens' strings
SIDE = Column.fixed(SIDES, glue=True)
BUCKET = Column.fixed(BUCKETS, glue=True)
BUCKET_OR_NONE = Column.fixed(BUCKETS + ["-"])
BIT = Column.fixed(["0", "1"])
ENT_BEGINS = Column.fixed(["B", "I"], glue=True)
SENTENCE_OFFSET = Column.fixed([str(k) for k in range(-3, 4)])
SAME_SENTENCE = Column.fixed(["same", "other"])
IN_CUE = Column.fixed(["o", "S"])


@lru_cache(maxsize=1)
def word_classes() -> tuple[list[str], dict[str, int]]:
    """The classes of `lexicons/attribution_words.toml` and each lemma's class (its
    first, when listed in several)."""
    classes = lexicon("attribution_words")["classes"]
    names = list(classes)
    of: dict[str, int] = {}
    for k, name in enumerate(names):
        for lemma in classes[name]:
            of.setdefault(lemma, k)
    return names, of


def _paragraphs(words: list[str]) -> list[tuple[int, int]]:
    out = []
    start = None
    for i, w in enumerate(words):
        if "\n" in w and w.isspace():
            if start is not None:
                out.append((start, i))
            start = None
        elif start is None:
            start = i
    if start is not None:
        out.append((start, len(words)))
    return out


class ParsedDoc:
    """The arrays both featurizers read from one Doc or from several read together
    (`docs`, their tokens numbered on from one to the next: token i of docs[k] is
    `offsets[k] + i`), computed once. Paragraphs, sentences and quotations never run
    from one document into the next."""

    def __init__(self, docs: Doc | Sequence[Doc], cues: frozenset[str]):
        docs = [docs] if isinstance(docs, Doc) else list(docs)
        self.docs = docs
        lengths = [len(d) for d in docs]
        self.offsets = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1])).astype(numpy.int64) if docs else numpy.zeros(0, dtype=numpy.int64)
        n = self.n = sum(lengths)
        arrays = [d.to_array(ATTRS).astype(numpy.uint64) for d in docs if len(d)]
        arr = numpy.concatenate(arrays) if arrays else numpy.zeros((0, len(ATTRS)), dtype=numpy.uint64)
        strings = docs[0].vocab.strings if docs else None
        self.lower = Column.of(arr[:, 0], strings)
        self.lemma = Column.of(arr[:, 1], strings, str.lower)
        self.pos = Column.of(arr[:, 2], strings)
        self.tag = Column.of(arr[:, 3], strings)
        self.dep = Column.of(arr[:, 4], strings)
        self.head = numpy.arange(n) + arr[:, 5].astype(numpy.int64)
        self.ent_begins = arr[:, 6].astype(numpy.int64) == 3
        self.ent = Column.of(arr[:, 7], strings)
        self.shape = Column.of(arr[:, 8], strings, lambda s: s[:4])
        starts = arr[:, 9].astype(numpy.int64) == 1
        starts[self.offsets[numpy.array(lengths) > 0]] = True  # each document starts a sentence
        self.sent_start = starts
        self.sent = numpy.cumsum(starts)
        words = [self.lower.names[k] for k in self.lower.codes.tolist()]
        self.words = words
        self.paragraphs = [(int(off) + a, int(off) + b) for off, size in zip(self.offsets, lengths)
                           for a, b in _paragraphs(words[off:off + size])]
        self.paragraph_starts = numpy.array([a for a, _b in self.paragraphs], dtype=numpy.int64)
        cue_lemma = numpy.array([x in cues for x in self.lemma.names], dtype=bool)
        cue_pos = numpy.array([x in CUE_POS for x in self.pos.names], dtype=bool)
        class_names, class_of = word_classes()
        self.word_class = Column.fixed(class_names)
        lemma_class = numpy.array([class_of.get(x, -1) for x in self.lemma.names], dtype=numpy.int64)
        self.lemma_class = lemma_class[self.lemma.codes] if n else numpy.zeros(0, dtype=numpy.int64)
        # a word of a class of attribution words may be a cue the training split never
        # showed ("spoke of", "is seizing on"): the cue features read it as one
        cue_lemma |= lemma_class >= 0
        self.is_cue = cue_lemma[self.lemma.codes] & cue_pos[self.pos.codes] if n else numpy.zeros(0, dtype=bool)
        # ancestry[i, d]: the token d steps above i (i itself at 0), -1 above the root
        self.ancestry = numpy.full((n, ANCESTRY), -1, dtype=numpy.int64)
        if n:
            self.ancestry[:, 0] = numpy.arange(n)
            for d in range(1, ANCESTRY):
                above = self.ancestry[:, d - 1]
                live = (above >= 0) & (self.head[numpy.maximum(above, 0)] != above)
                self.ancestry[live, d] = self.head[above[live]]
        # inside quotation marks: read per paragraph (the first tagger) and over the
        # whole document (the second), as each was trained
        self.quote = self._quotes(self.paragraphs)
        self.quote_in_doc = self._quotes([(int(off), int(off) + size) for off, size in zip(self.offsets, lengths)])

    def edges(self, tokens: numpy.ndarray, where: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The first and last token of the subtree of each of `tokens` (-1 outside
        `where`), as spaCy keeps them (which is what the taggers were trained on; on a
        rare parse spaCy's right edge stops short of the subtree's last token)."""
        left = numpy.full(len(tokens), -1, dtype=numpy.int64)
        right = numpy.full(len(tokens), -1, dtype=numpy.int64)
        uniq, inverse = _distinct(tokens[where])
        owner = numpy.searchsorted(self.offsets, uniq, side="right") - 1
        lo, hi = [], []
        for token, k in zip(uniq.tolist(), owner.tolist()):
            off = int(self.offsets[k])
            t = self.docs[k][token - off]
            lo.append(t.left_edge.i + off)
            hi.append(t.right_edge.i + off)
        left[where] = numpy.array(lo, dtype=numpy.int64)[inverse.reshape(-1)]
        right[where] = numpy.array(hi, dtype=numpy.int64)[inverse.reshape(-1)]
        return left, right

    def _quotes(self, runs: list[tuple[int, int]]) -> numpy.ndarray:
        """Whether each token sits inside quotation marks (its own marks included),
        each run of tokens starting outside."""
        inside = numpy.zeros(self.n, dtype=bool)
        marks = OPEN_QUOTES | CLOSE_QUOTES | TOGGLE_QUOTES
        for start, end in runs:
            state = False
            last = start
            for i in range(start, end):
                w = self.words[i]
                if w not in marks:
                    continue
                inside[last:i] = state
                opens = w in OPEN_QUOTES or (w in TOGGLE_QUOTES and not state)
                closes = w in CLOSE_QUOTES or (w in TOGGLE_QUOTES and state)
                inside[i] = state or opens
                state = False if closes else (True if opens else state)
                last = i + 1
            inside[last:end] = state
        return inside


class Featurizer:
    """The first tagger's features: (paragraph token ranges, a FeatureTable over the
    paragraphs' tokens in order); `cues` is the set of cue lemmas (lower case)."""

    def __init__(self, cues: Iterable[str]):
        self.cues = frozenset(cues)

    def prepare(self, docs: Doc | Sequence[Doc]) -> ParsedDoc:
        return ParsedDoc(docs, self.cues)

    def featurize(self, doc: Doc | ParsedDoc, encode: Encoder = STRINGS, absent=None):
        p = doc if isinstance(doc, ParsedDoc) else self.prepare(doc)
        seqs = p.paragraphs
        if not seqs:
            return seqs, FeatureTable(0, encode, absent)
        tok = numpy.concatenate([numpy.arange(s, e) for s, e in seqs])
        m = len(tok)
        k = numpy.arange(m)
        lengths = numpy.array([e - s for s, e in seqs], dtype=numpy.int64)
        first = numpy.repeat(numpy.cumsum(lengths) - lengths, lengths)  # the paragraph's first row
        last = first + numpy.repeat(lengths, lengths)  # one past its last
        head = p.head[tok]
        lemma, pos, dep = p.lemma.codes, p.pos.codes, p.dep.codes
        cue = p.is_cue[tok]
        table = FeatureTable(m, encode, absent)
        table.flag("b")
        table.add("w=", [(p.lower, p.lower.codes[tok])])
        table.add("l=", [(p.lemma, lemma[tok])])
        table.add("p=", [(p.pos, pos[tok])])
        table.add("t=", [(p.tag, p.tag.codes[tok])])
        table.add("d=", [(p.dep, dep[tok])])
        table.add("sh=", [(p.shape, p.shape.codes[tok])])
        table.add("hl=", [(p.lemma, lemma[head])])
        table.add("dhl=", [(p.dep, dep[tok]), (p.lemma, lemma[head])])
        table.add("hd=", [(p.dep, dep[head])])
        table.add("hp=", [(p.pos, pos[head])])
        table.add("dhd=", [(p.dep, dep[tok]), (p.dep, dep[head])])
        table.add("q=", [(BIT, p.quote[tok].astype(numpy.int64))])
        # the class of attribution words of the token and of its head (lexicons/attribution_words.toml)
        lx, hlx = p.lemma_class[tok], p.lemma_class[head]
        table.add("lx=", [(p.word_class, numpy.maximum(lx, 0))], present=lx >= 0)
        table.add("hlx=", [(p.word_class, numpy.maximum(hlx, 0))], present=hlx >= 0)
        # whether the token's sentence (its part inside the paragraph) has a cue
        segment = numpy.cumsum(p.sent_start[tok] | (k == first))
        has_cue = numpy.bincount(segment, weights=cue, minlength=segment[-1] + 1) > 0
        table.add("sc=", [(BIT, has_cue[segment].astype(numpy.int64))])
        ent = p.ent.codes[tok]
        table.add("e=", [(p.ent, ent), (ENT_BEGINS, numpy.where(p.ent_begins[tok], 0, 1))], present=numpy.array([bool(x) for x in p.ent.names])[ent])
        self._children(p, table, tok)
        table.flag("ss", p.sent_start[tok])
        table.flag("ps", k == first)
        table.flag("pe", k + 1 == last)
        table.flag("cue", cue)
        table.add("cl=", [(p.lemma, lemma[tok])], present=cue)
        # the nearest cue at or above each token, the token below it on the path, depth
        anc, child, depth = self._cue_ancestors(p)
        a, c = anc[tok], child[tok]
        under = a >= 0
        c0 = numpy.maximum(c, 0)
        side = numpy.where(tok < a, L, numpy.where(tok > a, R, S))
        table.add("cd=", [(p.dep, dep[c0]), (SIDE, side)], present=under)
        table.add("cdb=", [(p.dep, dep[c0]), (SIDE, side), (BUCKET, _bucket(depth[tok]))], present=under)
        table.add("cdl=", [(p.dep, dep[c0]), (p.lemma, lemma[numpy.maximum(a, 0)])], present=under)
        table.add("cp=", [(p.dep, dep[tok]), (p.dep, dep[head]), (p.dep, dep[c0])], present=under)
        left_edge, right_edge = p.edges(c0, under)
        table.add("cle=", [(p.dep, dep[c0]), (SIDE, side)], present=under & (tok == left_edge))
        table.add("cre=", [(p.dep, dep[c0]), (SIDE, side)], present=under & (tok == right_edge))
        table.flag("nocue", ~under)
        # the nearest cue to the left and right in the paragraph, at or next to the token
        left = numpy.maximum.accumulate(numpy.where(cue, k, -1))
        right = numpy.minimum.accumulate(numpy.where(cue, k, m)[::-1])[::-1]
        has_left, has_right = left >= first, right < last
        table.add("lc=", [(BUCKET_OR_NONE, numpy.where(has_left, _bucket(k - left), len(BUCKETS)))])
        table.add("rc=", [(BUCKET_OR_NONE, numpy.where(has_right, _bucket(right - k), len(BUCKETS)))])
        for off, fields in ((-2, "lp"), (-1, "lpdc"), (1, "lpdc"), (2, "lp")):
            j = k + off
            inside = (j >= first) & (j < last)
            jt = tok[numpy.clip(j, 0, m - 1)]
            name = str(off)
            for field in fields:
                if field == "l":
                    table.add(name + "l=", [(p.lemma, lemma[jt])], present=inside)
                elif field == "p":
                    table.add(name + "p=", [(p.pos, pos[jt])], present=inside)
                elif field == "d":
                    table.add(name + "d=", [(p.dep, dep[jt])], present=inside)
                else:
                    table.add(name + "c=", [(BIT, p.is_cue[jt].astype(numpy.int64))], present=inside)
            table.flag(name + "<>", ~inside)
        return seqs, table

    @staticmethod
    def _children(p: ParsedDoc, table: FeatureTable, tok: numpy.ndarray) -> None:
        """What hangs from each token: a verb with a clausal complement or a "that"
        clause speaks whatever its lemma; a subject that is a person or a pronoun."""
        row_of = numpy.full(p.n, -1, dtype=numpy.int64)
        row_of[tok] = numpy.arange(len(tok))
        head = p.head
        dep_names = numpy.array(p.dep.names, dtype=object)
        dep_of = dep_names[p.dep.codes] if p.n else numpy.zeros(0, dtype=object)
        not_root = head != numpy.arange(p.n)
        kinds = {"ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "dative", "advcl", "prep", "mark", "agent", "acl", "relcl"}
        with_lemma = {"prep", "mark", "agent"}
        kind = numpy.array([x in kinds for x in p.dep.names], dtype=bool)[p.dep.codes] & not_root
        lemma_kind = numpy.array([x in with_lemma for x in p.dep.names], dtype=bool)[p.dep.codes] & kind
        plain = kind & ~lemma_kind
        for mask, parts in ((plain, lambda i: [(p.dep, p.dep.codes[i])]),
                            (lemma_kind, lambda i: [(p.dep, p.dep.codes[i]), (p.lemma, p.lemma.codes[i])])):
            i = numpy.nonzero(mask & (row_of[head] >= 0))[0]
            table.add_extra("ch=", row_of[head[i]], parts(i))
        subject = numpy.isin(dep_of, ["nsubj", "nsubjpass"]) & not_root
        i = numpy.nonzero(subject & (row_of[head] >= 0))[0]
        if len(i):
            ent_names = numpy.array(p.ent.names, dtype=object)[p.ent.codes[i]]
            pos_names = numpy.array(p.pos.names, dtype=object)[p.pos.codes[i]]
            labels = [e or q for e, q in zip(ent_names.tolist(), pos_names.tolist())]
            col = Column.fixed(labels)
            table.add_extra("chs=", row_of[head[i]], [(col, col.codes)])
        # a "that" of a complement clause, on the verb the clause hangs from
        mark = (dep_of == "mark") & not_root
        i = numpy.nonzero(mark)[0]
        if len(i):
            h = head[i]
            i = i[(dep_of[h] == "ccomp") & (head[h] != h)]
            target = row_of[head[head[i]]]
            i, target = i[target >= 0], target[target >= 0]
            table.add_extra("ch=ccomp-", target, [(p.lemma, p.lemma.codes[i])])
        marks = numpy.array([x in (":", "“", '"', "”", ",") for x in p.lower.names], dtype=bool)[p.lower.codes] if p.n else numpy.zeros(0, dtype=bool)
        i = numpy.nonzero(marks & (dep_of == "punct") & not_root & (row_of[head] >= 0))[0]
        table.add_extra("chp=", row_of[head[i]], [(p.lower, p.lower.codes[i])])

    @staticmethod
    def _cue_ancestors(p: ParsedDoc):
        """For each token: the nearest cue at or above it (-1: none), the token just
        below that cue on the way up (the cue itself for a cue), and the steps up."""
        n = p.n
        head = p.head.tolist()
        is_cue = p.is_cue.tolist()
        anc = [-2] * n
        child = [-1] * n
        depth = [0] * n
        for i in range(n):
            if anc[i] != -2:
                continue
            path = []
            j = i
            while anc[j] == -2:
                path.append(j)
                if is_cue[j]:
                    anc[j], child[j], depth[j] = j, j, 0
                    break
                h = head[j]
                if h == j:
                    anc[j], child[j], depth[j] = -1, -1, 0
                    break
                j = h
            for k in reversed(path):
                if anc[k] != -2:
                    continue
                h = head[k]
                a = anc[h]
                anc[k] = a
                if a >= 0:
                    child[k] = k if h == a else child[h]
                    depth[k] = depth[h] + 1
        return numpy.array(anc, dtype=numpy.int64), numpy.array(child, dtype=numpy.int64), numpy.array(depth, dtype=numpy.int64)


class CueRoleFeaturizer:
    """Features of the tokens around one cue, for the second tagger, which labels the
    source and content *of that cue* (BIO over SRC/CNT). The first tagger labels every
    role of every attribution in a paragraph at once, so a token only knows its nearest
    cue; here each token is described relative to the one cue being read: on which side,
    how far, in which sentence, whether it lies under the cue in the parse and through
    which of the cue's children (nsubj, ccomp, dobj ...), whether it is that child's
    first or last token, and whether another cue stands between. Where a content starts
    and ends depends on those, which is what exact matching scores. All the cues of a
    document are read in one table, one run of rows (a window) per cue."""

    WINDOW_SENTENCES = 3  # sentences either side of the cue's, inside its paragraph

    def __init__(self, cues: Iterable[str]):
        self.cues = frozenset(cues)

    def prepare(self, docs: Doc | Sequence[Doc]) -> ParsedDoc:
        return ParsedDoc(docs, self.cues)

    def window(self, p: ParsedDoc, cue_start: int, cue_end: int) -> tuple[int, int]:
        """The token range read for a cue: its paragraph, cut to WINDOW_SENTENCES
        sentences either side of the cue's."""
        k = int(numpy.searchsorted(p.paragraph_starts, cue_start, side="right")) - 1
        if k < 0 or cue_start >= p.paragraphs[k][1]:
            return cue_start, cue_end
        start, end = p.paragraphs[k]
        sent = p.sent
        lo, hi = sent[cue_start] - self.WINDOW_SENTENCES, sent[cue_end - 1] + self.WINDOW_SENTENCES
        s = start + int(numpy.searchsorted(sent[start:cue_start], lo, side="left"))
        e = cue_end + int(numpy.searchsorted(sent[cue_end:end], hi, side="right"))
        return s, e

    def featurize(self, p: ParsedDoc, cue_start: int, cue_end: int) -> tuple[tuple[int, int], list[list[str]]]:
        """One cue's window and its rows' feature strings (for training)."""
        windows, table = self.featurize_cues(p, [(cue_start, cue_end)])
        return windows[0], table.strings()

    def featurize_cues(self, p: ParsedDoc, cues: Sequence[tuple[int, int]], encode: Encoder = STRINGS, absent=None):
        """(each cue's window, a FeatureTable of all the windows' rows in order)."""
        windows = [self.window(p, s, e) for s, e in cues]
        if not windows:
            return windows, FeatureTable(0, encode, absent)
        lengths = numpy.array([e - s for s, e in windows], dtype=numpy.int64)
        win = numpy.repeat(numpy.arange(len(windows)), lengths)
        first = numpy.repeat(numpy.cumsum(lengths) - lengths, lengths)  # the window's first row
        last = first + numpy.repeat(lengths, lengths)  # one past its last
        tok = numpy.concatenate([numpy.arange(s, e) for s, e in windows])
        m = len(tok)
        r = numpy.arange(m)
        cs = numpy.array([s for s, _ in cues], dtype=numpy.int64)[win]
        ce = numpy.array([e for _, e in cues], dtype=numpy.int64)[win]
        head_all = p.head
        # the cue's head: its first token whose head lies outside the cue (or is a root)
        heads = []
        for s, e in cues:
            h = s
            for i in range(s, e):
                if not (s <= head_all[i] < e) or head_all[i] == i:
                    h = i
                    break
            heads.append(h)
        cue_head = numpy.array(heads, dtype=numpy.int64)[win]
        lemma, pos, dep, sent = p.lemma.codes, p.pos.codes, p.dep.codes, p.sent
        head = head_all[tok]
        in_cue = (tok >= cs) & (tok < ce)
        side = numpy.where(in_cue, S, numpy.where(tok < cs, L, R))
        dist = numpy.where(side == L, cs - tok, numpy.where(side == R, tok - ce + 1, 0))
        table = FeatureTable(m, encode, absent)
        table.flag("b")
        table.add("w=", [(p.lower, p.lower.codes[tok])])
        table.add("l=", [(p.lemma, lemma[tok])])
        table.add("p=", [(p.pos, pos[tok])])
        table.add("d=", [(p.dep, dep[tok])])
        table.add("sh=", [(p.shape, p.shape.codes[tok])])
        table.add("hl=", [(p.lemma, lemma[head])])
        table.add("hd=", [(p.dep, dep[head])])
        table.add("hhd=", [(p.dep, dep[tok]), (p.dep, dep[head]), (p.dep, dep[head_all[head]])])
        table.add("side=", [(SIDE, side)])
        table.add("db=", [(SIDE, side), (BUCKET, _bucket(dist))])
        table.add("so=", [(SENTENCE_OFFSET, numpy.clip(sent[tok] - sent[cue_head], -3, 3) + 3)])
        table.add("cl=", [(p.lemma, lemma[cue_head])])
        table.add("cls=", [(p.lemma, lemma[cue_head]), (SIDE, side)])
        quote = p.quote_in_doc[tok].astype(numpy.int64)
        table.add("q=", [(BIT, quote)])
        table.add("qs=", [(BIT, quote), (SIDE, side)])
        ent = p.ent.codes[tok]
        table.add("e=", [(p.ent, ent)], present=numpy.array([bool(x) for x in p.ent.names])[ent])
        prev_sent = sent[numpy.maximum(tok - 1, 0)]
        next_sent = sent[numpy.minimum(tok + 1, p.n - 1)]
        table.flag("ss", (r == first) | (sent[tok] != prev_sent))
        table.flag("se", (r + 1 == last) | (next_sent != sent[tok]))
        # another cue between the token and the one read
        other_cue = numpy.cumsum(p.is_cue[tok] & ~in_cue)
        row_of_cs = first + (cs - tok[first])
        row_of_last = first + (ce - 1 - tok[first])
        between = numpy.where(side == L, other_cue[row_of_cs] - other_cue, other_cue - other_cue[row_of_last])
        table.add("cb=", [(BIT, (between > 0).astype(numpy.int64))], present=side != S)
        # under the cue: the first step up that lands in the cue, and the token below it
        ancestry = p.ancestry[tok]
        lands = (ancestry >= cs[:, None]) & (ancestry < ce[:, None])
        step = lands.argmax(axis=1)
        under = lands.any(axis=1) & (step >= 1)
        below = numpy.where(under, ancestry[r, numpy.maximum(step - 1, 0)], 0)
        dc = dep[below]
        table.add("u=", [(p.dep, dc), (SIDE, side)], present=under)
        table.add("ub=", [(p.dep, dc), (SIDE, side), (BUCKET, _bucket(step))], present=under)
        table.add("ul=", [(p.dep, dc), (p.lemma, lemma[cue_head])], present=under)
        table.add("up=", [(p.dep, dep[tok]), (p.dep, dc)], present=under)
        left_edge, right_edge = p.edges(below, under)
        table.add("ule=", [(p.dep, dc)], present=under & (tok == left_edge))
        table.add("ure=", [(p.dep, dc)], present=under & (tok == right_edge))
        # else the cue's governing tokens ("X said in a statement that ..."), how far up
        governs = p.ancestry[cue_head, 1:ANCESTORS + 1] == tok[:, None]
        governing = ~under & governs.any(axis=1)
        table.add("anc=", [(BUCKET, _bucket(governs.argmax(axis=1) + 1))], present=governing)
        outside = ~under & ~governing & (side != S)
        table.add("out=", [(SAME_SENTENCE, (sent[tok] != sent[cue_head]).astype(numpy.int64))], present=outside)
        for off, name in ((-2, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")):
            j = r + off
            inside = (j >= first) & (j < last)
            jr = numpy.clip(j, 0, m - 1)
            jt = tok[jr]
            if off == 1:
                table.add("+1d=", [(p.dep, dep[jt]), (SIDE, side)], present=inside)
                dep_or_none = Column.fixed(p.dep.names + ["-"])
                table.add("+1u=", [(dep_or_none, numpy.where(under[jr], dc[jr], len(p.dep.names)))], present=inside)
            table.add(name + "l=", [(p.lemma, lemma[jt])], present=inside)
            table.add(name + "p=", [(p.pos, pos[jt])], present=inside)
            if off in (-1, 1):
                table.add(name + "s=", [(IN_CUE, in_cue[jr].astype(numpy.int64))], present=inside)
            table.flag(name + "<>", ~inside)
        return windows, table

