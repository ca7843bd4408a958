"""Finding the few tokens a rule cares about without walking the whole Doc."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token


@lru_cache(maxsize=64)
def _ids(words: frozenset[str]) -> np.ndarray:
    return np.array(sorted(get_string_id(w) for w in words), dtype=np.uint64)


def tokens_where(doc: Doc, lemmas: frozenset[str] = frozenset(), lowers: frozenset[str] = frozenset(),
                 deps: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens whose lemma (lower-cased), lower form or dependency label is among
    those given, found on the Doc's arrays: making a Token object for every word of
    every rule's scan costs more than the rules themselves."""
    arr = doc.to_array([LOWER, LEMMA, DEP])
    hit = np.zeros(len(doc), dtype=bool)
    if lowers:
        hit |= np.isin(arr[:, 0], _ids(lowers))
    if lemmas:
        # Lemmas keep their case ("Shabaab"); rule lexicons are lower case, so a
        # capitalised word is matched on its lower form too.
        hit |= np.isin(arr[:, 1], _ids(lemmas)) | np.isin(arr[:, 0], _ids(lemmas))
    if deps:
        hit |= np.isin(arr[:, 2], _ids(deps))
    return [doc[int(i)] for i in np.flatnonzero(hit)]
