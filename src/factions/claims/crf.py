"""A linear-chain CRF's weights, read from a crfsuite model file and decoded with numpy.

python-crfsuite trains the attribution taggers and stores their weights; reading with
it costs most of the tagger's time, because every token's feature strings are copied
into C++ and looked up there one by one, and each sequence is decoded in its own
call. Here the weights become two arrays (state weights per attribute and label, and
label-to-label transitions), a token's features become row numbers once, and all the
sequences of a document are decoded together: Viterbi for the labels, forward-backward
for the marginal probability of a label. The same model gives the same labels
(`tests/test_attribution_crf.py` compares both).

crfsuite's first-order CRF scores a labelling as the sum, over tokens, of the state
weights of the token's attributes for its label (each attribute valued 1) and the
transition weights between consecutive labels; there are no start or end weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy

from factions.claims.features import FeatureTable

UNKNOWN = 0  # the row of attributes the model has no weights for (all zero)


class LinearChainCRF:
    """`labels`, `index` (attribute string → row of `state`), `state` (rows × labels;
    row UNKNOWN is zero) and `transition` (labels × labels, from → to)."""

    def __init__(self, labels: list[str], index: dict[str, int], state: numpy.ndarray, transition: numpy.ndarray):
        self.labels = labels
        self.index = index
        self.state = state
        self.transition = transition

    @classmethod
    def load(cls, path: str | Path) -> "LinearChainCRF":
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = tagger.labels()
        tagger.close()
        label_of = {name: k for k, name in enumerate(labels)}
        index: dict[str, int] = {}
        for attribute, _label in info.state_features:
            index.setdefault(attribute, len(index) + 1)
        state = numpy.zeros((len(index) + 1, len(labels)))
        for (attribute, label), weight in info.state_features.items():
            state[index[attribute], label_of[label]] = weight
        transition = numpy.zeros((len(labels), len(labels)))
        for (a, b), weight in info.transitions.items():
            transition[label_of[a], label_of[b]] = weight
        return cls(labels, index, state, transition)

    def encode(self, names: list[str]) -> numpy.ndarray:
        """Feature strings as rows of `state` (UNKNOWN for those it has no weights for):
        the encoder `factions.claims.features` hands each distinct feature to."""
        get = self.index.get
        return numpy.fromiter((get(name, UNKNOWN) for name in names), dtype=numpy.int64, count=len(names))

    def emissions(self, table: FeatureTable) -> numpy.ndarray:
        """Rows × labels: the sum of each row's state weights (a table encoded with
        `encode`)."""
        out = numpy.zeros((table.n, len(self.labels)))
        for column in table.columns:  # column by column: faster than one 3-d gather
            out += self.state[column]
        rows, values = table.extras()
        numpy.add.at(out, rows, self.state[values])
        return out

    def viterbi(self, emissions: numpy.ndarray, bounds: Sequence[tuple[int, int]]) -> list[int]:
        """The best label (index into `labels`) of every token of the sequences
        `bounds` (row ranges of `emissions`), in order, decoded together."""
        if not bounds:
            return []
        scores, lengths = self._padded(emissions, bounds)
        batch, longest, n = scores.shape
        back = numpy.zeros((batch, longest, n), dtype=numpy.int64)
        best = scores[:, 0, :].copy()
        final = best.copy()  # each sequence's best scores at its own last token
        rows = numpy.arange(batch)
        # every sequence runs the whole padded length; what a shorter one does past
        # its end is never read, so no step needs a mask
        for t in range(1, longest):
            cand = best[:, :, None] + self.transition[None, :, :]
            # the first best previous label wins a tie, as in crfsuite
            back[:, t] = cand.argmax(axis=1)
            best = cand.max(axis=1) + scores[:, t]
            ending = lengths - 1 == t
            final[ending] = best[ending]
        path = numpy.zeros((batch, longest), dtype=numpy.int64)
        last = final.argmax(axis=1)
        current = last.copy()
        for t in range(longest - 1, 0, -1):
            current = numpy.where(lengths - 1 == t, last, current)  # sequences ending at t
            inside = lengths - 1 >= t
            path[inside, t] = current[inside]
            current = numpy.where(inside, back[rows, t, current], current)
        path[:, 0] = numpy.where(lengths == 1, last, current)
        return [int(k) for b, (lo, hi) in enumerate(bounds) for k in path[b, :hi - lo]]

    def marginals(self, emissions: numpy.ndarray, bounds: Sequence[tuple[int, int]]) -> numpy.ndarray:
        """Rows × labels: the probability of each label at each row of the sequences
        `bounds`, by forward-backward over all of them together. Each step is scaled
        to sum to one (as crfsuite does), so nothing overflows."""
        out = numpy.zeros_like(emissions)
        if not bounds:
            return out
        scores, lengths = self._padded(emissions, bounds)
        batch, longest, n = scores.shape
        # exp of the scores less each row's largest: the constant cancels per row
        potential = numpy.exp(scores - scores.max(axis=2, keepdims=True))
        moves = numpy.exp(self.transition)
        alpha = numpy.zeros_like(potential)
        beta = numpy.ones_like(potential)
        alpha[:, 0] = potential[:, 0] / potential[:, 0].sum(axis=1, keepdims=True)
        for t in range(1, longest):
            a = (alpha[:, t - 1] @ moves) * potential[:, t]
            alpha[:, t] = a / a.sum(axis=1, keepdims=True)
        for t in range(longest - 2, -1, -1):
            live = (lengths - 1 > t)[:, None]
            b = (potential[:, t + 1] * beta[:, t + 1]) @ moves.T
            beta[:, t] = numpy.where(live, b / b.sum(axis=1, keepdims=True), 1.0)
        joint = alpha * beta
        joint /= numpy.maximum(joint.sum(axis=2, keepdims=True), 1e-300)
        for b, (lo, hi) in enumerate(bounds):
            out[lo:hi] = joint[b, :hi - lo]
        return out

    def _padded(self, emissions: numpy.ndarray, bounds: Sequence[tuple[int, int]]):
        lengths = numpy.array([hi - lo for lo, hi in bounds], dtype=numpy.int64)
        scores = numpy.zeros((len(bounds), int(lengths.max()), emissions.shape[1]))
        for b, (lo, hi) in enumerate(bounds):
            scores[b, :hi - lo] = emissions[lo:hi]
        return scores, lengths

