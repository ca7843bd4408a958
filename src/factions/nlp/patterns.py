"""Dependency patterns kept as data: fixed-shape constructions ("a statement carried
by Al-Manar") in `data/patterns/<group>.toml`, in spaCy's DependencyMatcher format,
validated when loaded (schema `data/schema/patterns.schema.json`, then spaCy's own
pattern check: an unknown key, operator or node is a `DataFileError` naming the file
and pattern).

A rule asks `matches(doc, group, id)` for the matches of one pattern. The matcher
runs at most once per Doc and pattern, and only on the sentences with a token that
matches the pattern's anchor and its direct neighbours, found on the Doc's arrays: a
DependencyMatcher pass costs a few microseconds a token, most documents have no
anchor, and rules ask once per cue."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.errors import MatchPatternError
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from factions.lexicons import DataFileError, validate_table
from factions.nlp.pipeline import sentence_of
from factions.nlp.tokens import tree


@dataclass(frozen=True)
class Pattern:
    id: str
    summary: str
    example: str  # a sentence it matches (tests/test_patterns.py checks)
    nodes: list[dict]  # DependencyMatcher nodes, the anchor first


def parse_patterns(data: dict, source: str) -> dict[str, Pattern]:
    """The patterns of a table already read, by id; `source` names it in errors."""
    validate_table(data, "patterns", source)
    out: dict[str, Pattern] = {}
    check = DependencyMatcher(Vocab(), validate=True)
    for entry in data["pattern"]:
        key = entry["id"]
        if key in out:
            raise DataFileError(f"{source}: pattern '{key}' is declared twice")
        try:
            check.add(key, [entry["nodes"]])
        except (ValueError, MatchPatternError) as err:
            # spaCy names the rule by its hash in some messages: say which it is.
            detail = " ".join(str(err).split())
            raise DataFileError(f"{source}: pattern '{key}': {detail}") from None
        out[key] = Pattern(key, entry["summary"], entry["example"], entry["nodes"])
    return out


@lru_cache(maxsize=None)
def patterns(group: str) -> dict[str, Pattern]:
    """`factions/data/patterns/<group>.toml`, validated, by pattern id."""
    source = f"factions/data/patterns/{group}.toml"
    try:
        text = resources.files("factions.data").joinpath("patterns", f"{group}.toml").read_text("utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise DataFileError(f"{source}: not valid TOML ({err})") from None
    return parse_patterns(data, source)


# The token attributes a pattern may compare (data/schema/patterns.schema.json).
_ATTRS = {"DEP": DEP, "LEMMA": LEMMA, "LOWER": LOWER, "POS": POS, "TAG": TAG}


@lru_cache(maxsize=32)
def _matcher(vocab: Vocab, group: str, pattern: str) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab)
    matcher.add(pattern, [patterns(group)[pattern].nodes])
    return matcher


@lru_cache(maxsize=128)
def _node_test(group: str, pattern: str, node: int) -> tuple[list, list[np.ndarray]]:
    """A node's attributes and, for each, the ids of the strings it accepts."""
    attrs = patterns(group)[pattern].nodes[node]["RIGHT_ATTRS"]
    names = sorted(attrs)
    values = [attrs[n]["IN"] if isinstance(attrs[n], dict) else [attrs[n]] for n in names]
    return [_ATTRS[n] for n in names], [np.array([get_string_id(w) for w in words], dtype=np.uint64) for words in values]


def _node_hits(doc: Doc, group: str, pattern: str, node: int) -> np.ndarray | None:
    """Which tokens have every attribute the node asks for, compared as the matcher
    compares them (exact strings), found on the Doc's arrays; None for a node that
    asks nothing."""
    attrs, ids = _node_test(group, pattern, node)
    if not attrs:
        return None
    arr = doc.to_array(attrs).reshape(len(doc), len(attrs))  # one attribute comes as a column
    hit = np.ones(len(doc), dtype=bool)
    for column, accepted in enumerate(ids):
        # A few accepted strings: comparing with each beats np.isin's sort.
        hit &= (arr[:, column, None] == accepted).any(axis=1)
    return hit


def _anchors(doc: Doc, group: str, pattern: str) -> list[int]:
    """The tokens that match the anchor and have the neighbours the pattern asks of
    it directly (a child ">" or the head "<" with the node's attributes), found on the
    Doc's arrays: the anchor alone ("released", an acl) is common, the whole shape
    ("released by X") rare."""
    nodes = patterns(group)[pattern].nodes
    hit = _node_hits(doc, group, pattern, 0)
    if hit is None:
        hit = np.ones(len(doc), dtype=bool)
    heads = None
    for k, node in enumerate(nodes[1:], start=1):
        if node.get("LEFT_ID") != nodes[0]["RIGHT_ID"] or node["REL_OP"] not in (">", "<"):
            continue
        neighbour = _node_hits(doc, group, pattern, k)
        if neighbour is None:
            continue
        if heads is None:
            heads = np.asarray(tree(doc).heads, dtype=np.int64)
            attached = heads != np.arange(len(doc))  # a root is no one's child
        if node["REL_OP"] == ">":
            has_child = np.zeros(len(doc), dtype=bool)
            has_child[heads[neighbour & attached]] = True
            hit &= has_child
        else:
            hit &= attached & neighbour[heads]
    return [int(i) for i in np.flatnonzero(hit)]


# What a sentence's copy carries: its words, the parse, and the attributes a pattern
# compares (LOWER comes with the words).
_COPIED = [ORTH, SPACY, HEAD, DEP, LEMMA, POS, TAG]


def _sentence_doc(doc: Doc, sent: Span, arr: np.ndarray) -> Doc:
    """The sentence as a Doc of its own for the matcher, from `arr` (the Doc's _COPIED
    columns). Span.as_doc copies every attribute, the entities, vectors and tensor,
    and reads the whole Doc's entities on each call: most of a pattern's cost. A
    parsed Doc's sentences are whole trees (spaCy refuses sentence starts that cut
    one), so the heads, offsets within the sentence, are copied as they are."""
    rows = arr[sent.start : sent.end]
    strings = doc.vocab.strings
    copy = Doc(doc.vocab, words=[strings[int(w)] for w in rows[:, 0]], spaces=[bool(x) for x in rows[:, 1]])
    copy.from_array(_COPIED[2:], rows[:, 2:])
    return copy


def matches(doc: Doc, group: str, pattern: str, at: dict[str, int] | None = None) -> list[dict[str, Token]]:
    """The matches of one pattern of `group` in `doc`, each a token by node name
    (RIGHT_ID), ordered by the positions of the nodes in the order they are declared;
    with `at`, only those whose named nodes are the tokens at those positions.
    The matcher runs on the sentences of the anchor's tokens only: a pattern's
    relations stay inside one parse tree (the schema allows no others)."""
    nodes = patterns(group)[pattern].nodes  # an unknown id is a KeyError: a programming error
    key = ("factions.patterns", group, pattern)
    found = doc.user_data.get(key)
    if found is None:
        found = []
        matcher = _matcher(doc.vocab, group, pattern)
        sents = sorted({sentence_of(doc[i]) for i in _anchors(doc, group, pattern)}, key=lambda s: s.start)
        arr = doc.to_array(_COPIED) if sents else None
        for sent in sents:
            found += [tuple(sent.start + i for i in ids) for _, ids in matcher(_sentence_doc(doc, sent, arr))]
        found.sort()
        doc.user_data[key] = found
    names = [n["RIGHT_ID"] for n in nodes]
    if at:
        wanted = [(names.index(name), i) for name, i in at.items()]
        found = [ids for ids in found if all(ids[k] == i for k, i in wanted)]
    return [dict(zip(names, (doc[i] for i in ids))) for ids in found]
