"""Token features for the attribution tagger, read from the Doc's arrays.

One sequence per paragraph (a run of tokens between blank-line/newline tokens), since
a quoted content may run over several sentences but rarely over paragraphs. Each
token gets a list of binary feature strings for python-crfsuite: its word, lemma,
shape, part of speech and dependency; its head's; its neighbours'; what hangs from it
(a clausal complement, a "that" clause, a subject that is a person: a verb that speaks
whatever its lemma, so cues outside the learned list are found); whether it sits
inside quotation marks; and its relation to the nearest ancestor whose lemma is a
likely cue (a lemma list learned from the training split's Cue spans and saved
with the model): which child of the cue it hangs under (nsubj, ccomp...), on which
side of the cue, and how far. Everything is computed from `Doc.to_array` in one pass,
with strings looked up once per hash.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG
from spacy.tokens import Doc

ATTRS = [LOWER, LEMMA, POS, TAG, DEP, HEAD, IDX, ENT_IOB, ENT_TYPE, SHAPE, SENT_START]
OPEN_QUOTES = {"“", "‘‘", "``"}
CLOSE_QUOTES = {"”", "''"}
TOGGLE_QUOTES = {'"'}


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


def _string_columns(doc: Doc, arr: numpy.ndarray):
    """`column(k)`: column k of `arr` (a `doc.to_array(ATTRS)`) as strings, each
    distinct hash looked up once."""
    strings = doc.vocab.strings

    def column(k: int) -> list[str]:
        uniq, inverse = numpy.unique(arr[:, k], return_inverse=True)
        names = [strings[int(h)] if h else "" for h in uniq]
        return [names[j] for j in inverse.tolist()]

    return column


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


class Featurizer:
    """Turns a Doc into (paragraph token ranges, feature lists); `cues` is the set of
    cue lemmas (lower case)."""

    def __init__(self, cues: Iterable[str]):
        self.cues = frozenset(cues)

    def sequences(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges [start, end) of the paragraphs, whitespace tokens left out."""
        return _paragraphs([t.text for t in doc])

    def featurize(self, doc: Doc) -> tuple[list[tuple[int, int]], list[list[str]]]:
        n = len(doc)
        if n == 0:
            return [], []
        arr = doc.to_array(ATTRS)
        column = _string_columns(doc, arr)
        lower = column(0)
        lemma = [w.lower() for w in column(1)]
        pos = column(2)
        tag = column(3)
        dep = column(4)
        head = (numpy.arange(n) + arr[:, 5].astype(numpy.int64)).tolist()
        ent_iob = arr[:, 7].tolist()
        ent = column(8)
        shape = column(9)
        sent_start = (arr[:, 10].astype(numpy.int64) == 1).tolist()
        sent_start[0] = True
        cues = self.cues
        is_cue = [lemma[i] in cues and pos[i] in ("VERB", "NOUN", "ADJ", "AUX", "ADP", "PROPN") for i in range(n)]
        # nearest cue ancestor-or-self, the token just below it on the path, and the depth
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
        # what hangs from each token: a verb with a clausal complement or a "that"
        # clause speaks whatever its lemma; a subject that is a person or a pronoun
        kids: list[list[str]] = [[] for _ in range(n)]
        for i in range(n):
            h = head[i]
            if h != i:
                d = dep[i]
                if d in ("ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "dative", "advcl", "prep", "mark", "agent", "acl", "relcl"):
                    kids[h].append("ch=" + (d + "|" + lemma[i] if d in ("prep", "mark", "agent") else d))
                if d in ("nsubj", "nsubjpass"):
                    kids[h].append("chs=" + (ent[i] or pos[i]))
                if d == "mark" and dep[h] == "ccomp" and head[h] != h:
                    kids[head[h]].append("ch=ccomp-" + lemma[i])
                if d == "punct" and lower[i] in (":", "“", '"', "”", ","):
                    kids[h].append("chp=" + lower[i])
        edges: dict[int, tuple[int, int]] = {}
        for c in set(child):
            if c >= 0:
                tok = doc[c]
                edges[c] = (tok.left_edge.i, tok.right_edge.i)
        seqs = _paragraphs(lower)
        # the neighbours' features, made once per token
        m2l = ["-2l=" + x for x in lemma]
        m2p = ["-2p=" + x for x in pos]
        m1l = ["-1l=" + x for x in lemma]
        m1p = ["-1p=" + x for x in pos]
        m1d = ["-1d=" + x for x in dep]
        m1c = ["-1c=1" if x else "-1c=0" for x in is_cue]
        p1l = ["1l=" + x for x in lemma]
        p1p = ["1p=" + x for x in pos]
        p1d = ["1d=" + x for x in dep]
        p1c = ["1c=1" if x else "1c=0" for x in is_cue]
        p2l = ["2l=" + x for x in lemma]
        p2p = ["2p=" + x for x in pos]
        feats: list[list[str]] = []
        for start, end in seqs:
            quote = False
            # nearest cue to the left and right in the paragraph
            left_cue = [-1] * (end - start)
            last = -1
            for i in range(start, end):
                if is_cue[i]:
                    last = i
                left_cue[i - start] = last
            right_cue = [-1] * (end - start)
            last = -1
            for i in range(end - 1, start - 1, -1):
                if is_cue[i]:
                    last = i
                right_cue[i - start] = last
            sent_has_cue = False
            for i in range(start, end):
                if sent_start[i] or i == start:
                    sent_has_cue = False
                    k = i
                    while k < end and (k == i or not sent_start[k]):
                        if is_cue[k]:
                            sent_has_cue = True
                            break
                        k += 1
                w = lower[i]
                opens = w in OPEN_QUOTES or (w in TOGGLE_QUOTES and not quote)
                closes = w in CLOSE_QUOTES or (w in TOGGLE_QUOTES and quote)
                if opens:
                    quote = True
                h = head[i]
                a = anc[i]
                f = [
                    "b", "w=" + w, "l=" + lemma[i], "p=" + pos[i], "t=" + tag[i], "d=" + dep[i], "sh=" + shape[i][:4],
                    "hl=" + lemma[h], "dhl=" + dep[i] + "|" + lemma[h], "hd=" + dep[h], "hp=" + pos[h], "dhd=" + dep[i] + "|" + dep[h],
                    "q=" + ("1" if quote else "0"), "sc=" + ("1" if sent_has_cue else "0"),
                ]
                if ent[i]:
                    f.append("e=" + ent[i] + ("B" if ent_iob[i] == 3 else "I"))
                if kids[i]:
                    f.extend(set(kids[i]))
                if sent_start[i]:
                    f.append("ss")
                if i == start:
                    f.append("ps")
                if i + 1 == end:
                    f.append("pe")
                if is_cue[i]:
                    f.append("cue")
                    f.append("cl=" + lemma[i])
                if a >= 0:
                    c = child[i]
                    side = "L" if i < a else ("R" if i > a else "S")
                    f.append("cd=" + dep[c] + side)
                    f.append("cdb=" + dep[c] + side + _bucket(depth[i]))
                    f.append("cdl=" + dep[c] + "|" + lemma[a])
                    f.append("cp=" + dep[i] + "|" + dep[h] + "|" + dep[c])
                    le, re_ = edges[c]
                    if i == le:
                        f.append("cle=" + dep[c] + side)
                    if i == re_:
                        f.append("cre=" + dep[c] + side)
                else:
                    f.append("nocue")
                lc, rc = left_cue[i - start], right_cue[i - start]
                f.append("lc=" + (_bucket(i - lc) if lc >= 0 else "-"))
                f.append("rc=" + (_bucket(rc - i) if rc >= 0 else "-"))
                if i - 2 >= start:
                    f.append(m2l[i - 2])
                    f.append(m2p[i - 2])
                else:
                    f.append("-2<>")
                if i - 1 >= start:
                    f.append(m1l[i - 1])
                    f.append(m1p[i - 1])
                    f.append(m1d[i - 1])
                    f.append(m1c[i - 1])
                else:
                    f.append("-1<>")
                if i + 1 < end:
                    f.append(p1l[i + 1])
                    f.append(p1p[i + 1])
                    f.append(p1d[i + 1])
                    f.append(p1c[i + 1])
                else:
                    f.append("1<>")
                if i + 2 < end:
                    f.append(p2l[i + 2])
                    f.append(p2p[i + 2])
                else:
                    f.append("2<>")
                feats.append(f)
                if closes:
                    quote = False
        return seqs, feats


class CueRoleFeaturizer:
    """Features of the tokens around one cue, for the second tagger, which labels the
    source and content *of that cue* (BIO over SRC/CNT). The first tagger labels every
    role of every attribution in a paragraph at once, so a token only knows its nearest
    cue; here each token is described relative to the one cue being read: on which side,
    how far, in which sentence, whether it lies under the cue in the parse and through
    which of the cue's children (nsubj, ccomp, dobj ...), whether it is that child's
    first or last token, and whether another cue stands between. Where a content starts
    and ends depends on those, which is what exact matching scores."""

    WINDOW_SENTENCES = 3  # sentences either side of the cue's, inside its paragraph

    def __init__(self, cues: Iterable[str]):
        self.cues = frozenset(cues)

    def prepare(self, doc: Doc) -> dict:
        """Per-document arrays shared by every cue of the document."""
        n = len(doc)
        arr = doc.to_array(ATTRS)
        column = _string_columns(doc, arr)
        lower = column(0)
        lemma = [w.lower() for w in column(1)]
        pos = column(2)
        dep = column(4)
        head = (numpy.arange(n) + arr[:, 5].astype(numpy.int64)).tolist()
        ent = column(8)
        shape = column(9)
        sent_id = numpy.cumsum(arr[:, 10].astype(numpy.int64) == 1).tolist()
        is_cue = [lemma[i] in self.cues and pos[i] in ("VERB", "NOUN", "ADJ", "AUX", "ADP", "PROPN") for i in range(n)]
        quote = [False] * n
        inside = False
        for i, w in enumerate(lower):
            opens = w in OPEN_QUOTES or (w in TOGGLE_QUOTES and not inside)
            closes = w in CLOSE_QUOTES or (w in TOGGLE_QUOTES and inside)
            if opens:
                inside = True
            quote[i] = inside
            if closes:
                inside = False
        depth = [0] * n
        for i in range(n):
            j, d = i, 0
            while head[j] != j and d < 60:
                j = head[j]
                d += 1
            depth[i] = d
        return {"n": n, "lower": lower, "lemma": lemma, "pos": pos, "dep": dep, "head": head, "ent": ent,
                "shape": shape, "sent": sent_id, "is_cue": is_cue, "quote": quote, "depth": depth,
                "seqs": _paragraphs(lower), "doc": doc}

    def window(self, prep: dict, cue_start: int, cue_end: int) -> tuple[int, int]:
        """The token range read for a cue: its paragraph, cut to WINDOW_SENTENCES
        sentences either side of the cue's."""
        for start, end in prep["seqs"]:
            if start <= cue_start < end:
                break
        else:
            return cue_start, cue_end
        sent = prep["sent"]
        lo, hi = sent[cue_start] - self.WINDOW_SENTENCES, sent[cue_end - 1] + self.WINDOW_SENTENCES
        s = cue_start
        while s > start and sent[s - 1] >= lo:
            s -= 1
        e = cue_end
        while e < end and sent[e] <= hi:
            e += 1
        return s, e

    def featurize(self, prep: dict, cue_start: int, cue_end: int) -> tuple[tuple[int, int], list[list[str]]]:
        start, end = self.window(prep, cue_start, cue_end)
        lower, lemma, pos, dep, head = prep["lower"], prep["lemma"], prep["pos"], prep["dep"], prep["head"]
        ent, shape, sent, is_cue, quote = prep["ent"], prep["shape"], prep["sent"], prep["is_cue"], prep["quote"]
        doc = prep["doc"]
        cue_tokens = range(cue_start, cue_end)
        # the cue's head: the token of the cue span whose head lies outside it
        h = cue_start
        for i in cue_tokens:
            if not (cue_start <= head[i] < cue_end) or head[i] == i:
                h = i
                break
        cl = lemma[h]
        # under the cue: the child of any cue token on the token's path up, and the depth
        under: dict[int, tuple[int, int]] = {}
        for i in range(start, end):
            j, d, prev = i, 0, i
            while d < 40:
                if cue_start <= j < cue_end:
                    if j != i:
                        under[i] = (prev, d)
                    break
                if head[j] == j:
                    break
                prev, j = j, head[j]
                d += 1
        # the cue's ancestors (its governing verbs: "X said in a statement that ...")
        ancestors = {}
        j, d = h, 0
        while head[j] != j and d < 12:
            j = head[j]
            d += 1
            ancestors[j] = d
        edges = {}
        for c, _d in under.values():
            if c not in edges:
                tok = doc[c]
                edges[c] = (tok.left_edge.i, tok.right_edge.i)
        cues_between = numpy.cumsum([1 if (is_cue[i] and not (cue_start <= i < cue_end)) else 0 for i in range(start, end)])
        feats = []
        cue_sent = sent[h]
        for i in range(start, end):
            k = i - start
            side = "S" if cue_start <= i < cue_end else ("L" if i < cue_start else "R")
            dist = cue_start - i if side == "L" else (i - cue_end + 1 if side == "R" else 0)
            so = max(-3, min(3, sent[i] - cue_sent))
            f = ["b", "w=" + lower[i], "l=" + lemma[i], "p=" + pos[i], "d=" + dep[i], "sh=" + shape[i][:4],
                 "hl=" + lemma[head[i]], "hd=" + dep[head[i]], "hhd=" + dep[i] + "|" + dep[head[i]] + "|" + dep[head[head[i]]],
                 "side=" + side, "db=" + side + _bucket(dist), "so=" + str(so), "cl=" + cl, "cls=" + cl + side,
                 "q=" + ("1" if quote[i] else "0"), "qs=" + ("1" if quote[i] else "0") + side]
            if ent[i]:
                f.append("e=" + ent[i])
            if i == start or sent[i] != sent[i - 1]:
                f.append("ss")
            if i + 1 == end or sent[i + 1] != sent[i]:
                f.append("se")
            if side != "S":
                a, b = (i, cue_start) if side == "L" else (cue_end - 1, i)
                between = cues_between[min(b, end - 1) - start] - cues_between[a - start]
                f.append("cb=" + ("1" if between > 0 else "0"))
            if i in under:
                c, d = under[i]
                f += ["u=" + dep[c] + side, "ub=" + dep[c] + side + _bucket(d), "ul=" + dep[c] + "|" + cl,
                      "up=" + dep[i] + "|" + dep[c]]
                le, re_ = edges[c]
                if i == le:
                    f.append("ule=" + dep[c])
                if i == re_:
                    f.append("ure=" + dep[c])
            elif i in ancestors:
                f.append("anc=" + _bucket(ancestors[i]))
            elif side != "S":
                f.append("out=" + ("same" if sent[i] == cue_sent else "other"))
            for off, tag in ((-2, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")):
                j = i + off
                if off == 1 and start <= j < end:
                    f.append("+1d=" + dep[j] + side)
                    if j in under:
                        f.append("+1u=" + dep[under[j][0]])
                    else:
                        f.append("+1u=-")
                if start <= j < end:
                    f.append(tag + "l=" + lemma[j])
                    f.append(tag + "p=" + pos[j])
                    if off in (-1, 1):
                        f.append(tag + "s=" + ("S" if cue_start <= j < cue_end else "o"))
                else:
                    f.append(tag + "<>")
            feats.append(f)
        return (start, end), feats
