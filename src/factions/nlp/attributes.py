"""The model's attribute ruler and lemmatizer, applied by table.

en_core_web_sm's `attribute_ruler` maps every fine-grained tag to its part of speech
and morphology, and sets a few exceptions ("ai n't" is "be not"), through ~180 token
patterns run by spaCy's `Matcher`. The Matcher tries each pattern at each token: on the
bench corpus that costs about a quarter of the model's whole time, for patterns that,
but for two, look at one token only.

`TableAttributeRuler` is the same component (spaCy's `AttributeRuler`: same patterns,
same attributes, same order of application, later patterns winning) with its `match`
done by table: a token's (tag, lower form, dependency, whitespace, part of speech)
decides which one-token patterns match it, so each distinct tuple is matched once per
process; the few longer patterns are tried only where their first token matches. A
pattern that uses anything else (an operator, another attribute) leaves the whole
ruler to the Matcher: `supported` says which is running. `tests/test_nlp_tokens.py`
checks that both give every token the same annotations.

`TableLemmatizer` is the model's rule lemmatizer (spaCy's EnglishLemmatizer, same
tables) applied by table too: in rule mode a token's lemma depends on its form, part
of speech and morphology only (the key of spaCy's own cache), so a Doc's lemmas are
read from one array of those keys and written back in one call, and the rules are
asked only for a key not seen before. On the bench corpus that is 0.03 s per 60k
words instead of 0.18 s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# What a table key holds, in this order; the pattern keys are the same names.
_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE", "POS")
_ARRAY = [TAG, LOWER, DEP, IS_SPACE, POS]

Key = tuple  # (tag, lower, dep, is_space, pos) as strings and a bool
MEMO_LIMIT = 200_000  # distinct token keys remembered (a few hundred bytes each)


def _value_test(value) -> Callable[[object], bool] | None:
    """A test of one attribute's value, as the Matcher reads the pattern's value; None
    for a form this table does not read."""
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: isinstance(v, str) and rx.search(v) is not None
    return None


def _token_test(spec: dict) -> Callable[[Key], bool] | None:
    tests = []
    for name, value in spec.items():
        if name not in _FIELDS:
            return None  # an operator ("OP") or an attribute the table does not hold
        test = _value_test(value)
        if test is None:
            return None
        tests.append((_FIELDS.index(name), test))
    return lambda key: all(test(key[i]) for i, test in tests)


class TableAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with its matches found by table (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._compiled_for = -1
        self.supported = False

    def _compile(self) -> None:
        """One-token patterns as (rule id, test); longer ones as (rule id, tests)."""
        single: list[tuple[int, Callable]] = []
        longer: list[tuple[int, list[Callable]]] = []
        supported = True
        for rule_id, entry in enumerate(self.patterns):
            for pattern in entry["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                if not pattern or any(t is None for t in tests):
                    supported = False
                    break
                if len(tests) == 1:
                    single.append((rule_id, tests[0]))
                else:
                    longer.append((rule_id, tests))
        self._single, self._longer, self.supported = single, longer, supported
        # token attributes (hashes) -> (one-token rules that match, longer patterns whose first token does)
        self._memo: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._compiled_for = len(self.attrs)

    def match(self, doc: Doc):
        if self._compiled_for != len(self.attrs):
            self._compile()
        if not self.supported:
            return super().match(doc)
        if not len(doc):
            return []
        strings = doc.vocab.strings
        memo, single, longer = self._memo, self._single, self._longer
        by_rule: dict[int, list[tuple[int, int]]] = {}
        rows = list(map(tuple, doc.to_array(_ARRAY).tolist()))
        starts: list[tuple[int, int]] = []  # (token, longer pattern) whose first token matches
        # A token's attributes as hashes key the table; strings are read on a miss only.
        for i, row in enumerate(rows):
            hit = memo.get(row)
            if hit is None:
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()  # a long-running ingest meets ever new word forms: memory stays bounded
                key = self._key(row, strings)
                hit = memo[row] = (tuple(sorted({rule_id for rule_id, test in single if test(key)})),
                                   tuple(k for k, (_, tests) in enumerate(longer) if tests[0](key)))
            for rule_id in hit[0]:
                by_rule.setdefault(rule_id, []).append((i, i + 1))
            starts.extend((i, k) for k in hit[1])
        for i, k in starts:
            rule_id, tests = longer[k]
            width = len(tests)
            if i + width <= len(rows) and all(test(self._key(rows[i + j], strings)) for j, test in enumerate(tests) if j):
                by_rule.setdefault(rule_id, []).append((i, i + width))
        # As AttributeRuler.match: by rule, then by position, so that later rules take precedence.
        ids = self._rule_hashes(strings)
        return [(rule_id, ids[rule_id], start, end) for rule_id in sorted(by_rule)
                for start, end in sorted(dict.fromkeys(by_rule[rule_id]))]

    def _key(self, row: tuple, strings) -> Key:
        tag, lower, dep, space, pos = row
        return (strings[tag] if tag else "", strings[lower] if lower else "", strings[dep] if dep else "", bool(space),
                strings[pos] if pos else "")

    def _rule_hashes(self, strings) -> list[int]:
        if len(getattr(self, "_hashes", ())) != len(self.attrs):
            self._hashes = [strings.add(str(i)) for i in range(len(self.attrs))]
        return self._hashes


@Language.factory("factions_attribute_ruler", assigns=["token.tag", "token.pos", "token.lemma", "token.morph"])
def make_table_attribute_ruler(nlp: Language, name: str, validate: bool = False, scorer=None) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def use_table_ruler(nlp: Language) -> None:
    """Replace the model's attribute_ruler by the table one, with its patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("attribute_ruler")
    if isinstance(old, TableAttributeRuler):
        return
    patterns = old.patterns
    new = nlp.replace_pipe("attribute_ruler", "factions_attribute_ruler")
    new.add_patterns(patterns)


class TableLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with lemmas looked up by (form, part of speech,
    morphology) for a whole Doc at once (see the module). Any other mode is spaCy's."""

    _KEY = [ORTH, POS, MORPH, LEMMA]

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            memo = self.__dict__.setdefault("_lemma_memo", {})
            rows = doc.to_array(self._KEY)
            lemmas = rows[:, 3].copy()
            strings = doc.vocab.strings
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue  # set before ("ai n't" is "be not" by the attribute ruler)
                key = (orth, pos, morph)
                found = memo.get(key)
                if found is None:
                    if len(memo) >= MEMO_LIMIT:
                        memo.clear()
                    found = memo[key] = strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = found
            doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(numpy.uint64))
            return doc
        except Exception as e:
            self.get_error_handler()(self.name, self, [doc], e)


@Language.factory("factions_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "rule", "overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_table_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool, scorer) -> TableLemmatizer:
    return TableLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_table_lemmatizer(nlp: Language) -> None:
    """Replace the model's English rule lemmatizer by the table one, with its tables."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return
    new = nlp.replace_pipe("lemmatizer", "factions_lemmatizer", config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = old.lookups
    new._validated = old._validated
