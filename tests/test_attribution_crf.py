"""The attribution taggers read with numpy (`factions.claims.crf`) give the labels and
scores python-crfsuite gives for the same weights, and the features made once per
distinct value (`factions.claims.features`) are the ones each token would get alone."""

from __future__ import annotations

from pathlib import Path

import numpy
import pycrfsuite
import pytest

from factions.claims.crf import UNKNOWN, LinearChainCRF
from factions.claims.features import STRINGS, CueRoleFeaturizer, Featurizer
from factions.claims.learned import AttributionTagger, default_path, roles_path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "examples" / "corpus").glob("*.txt"))[:6]


def _docs():
    from factions.actors import load_kb
    from factions.model import Document
    from factions.nlp import analyze, load_pipeline

    documents = [Document(source=p.name, text=p.read_text("utf-8")) for p in CORPUS]
    return [doc for _document, doc in analyze(load_pipeline(None, load_kb()), documents)]


@pytest.fixture(scope="module")
def docs():
    assert len(CORPUS) >= 3
    return _docs()


def _bounds(lengths):
    out, k = [], 0
    for n in lengths:
        out.append((k, k + n))
        k += n
    return out


def test_numpy_decoding_matches_crfsuite_on_the_shipped_models(docs):
    tagger = AttributionTagger.load()
    for path, crf in ((default_path(), tagger.tagger), (roles_path(default_path()), tagger.roles)):
        reference = pycrfsuite.Tagger()
        reference.open(str(path))
        featurizer = Featurizer(tagger.featurizer.cues)
        checked = 0
        for doc in docs:
            if crf is tagger.tagger:
                seqs, table = featurizer.featurize(doc)
                lengths = [e - s for s, e in seqs]
                strings = table.strings()
                _, encoded = featurizer.featurize(doc, crf.encode, UNKNOWN)
            else:
                roles = CueRoleFeaturizer(tagger.featurizer.cues)
                parsed = roles.prepare(doc)
                cues = [(t.i, t.i + 1) for t in doc if t.lemma_ in ("say", "tell", "accuse", "claim")][:12]
                windows, table = roles.featurize_cues(parsed, cues)
                lengths = [e - s for s, e in windows]
                strings = table.strings()
                _, encoded = roles.featurize_cues(parsed, cues, crf.encode, UNKNOWN)
            bounds = _bounds(lengths)
            emissions = crf.emissions(encoded)
            labels = [crf.labels[k] for k in crf.viterbi(emissions, bounds)]
            marginals = crf.marginals(emissions, bounds)
            for lo, hi in bounds:
                expected = reference.tag(strings[lo:hi])
                assert labels[lo:hi] == expected
                for j, label in enumerate(expected):
                    assert marginals[lo + j, crf.labels.index(label)] == pytest.approx(reference.marginal(label, j), abs=1e-5)
                checked += hi - lo
        assert checked > 200


def test_encoded_features_are_the_strings_rows(docs):
    """Each token's encoded features are the model's rows of its feature strings."""
    tagger = AttributionTagger.load()
    crf = tagger.tagger
    featurizer = Featurizer(tagger.featurizer.cues)
    doc = docs[0]
    _, table = featurizer.featurize(doc)
    _, encoded = featurizer.featurize(doc, crf.encode, UNKNOWN)
    strings = table.strings()
    rows, values = encoded.extras()
    for i in range(0, len(strings), 7):
        expected = sorted(crf.index[f] for f in strings[i] if f in crf.index)
        got = sorted([int(c[i]) for c in encoded.columns if c[i] != UNKNOWN] + [int(v) for r, v in zip(rows, values) if r == i and v != UNKNOWN])
        assert got == expected
    # a token is described by its word, lemma, part of speech and neighbours
    said = next(i for i, row in enumerate(strings) if "l=say" in row)
    assert {"b", "p=VERB", "cue", "cl=say"} <= set(strings[said])
    assert any(f.startswith("-1l=") for f in strings[said])


def test_decoding_sequences_of_different_lengths_together(tmp_path):
    """Viterbi over a padded batch: sequences of one, two and many tokens decode as
    they do alone, and a tie goes to the first best label, as in crfsuite."""
    trainer = pycrfsuite.Trainer(verbose=False)
    words = ["alpha", "beta", "gamma", "delta"]
    rng = numpy.random.default_rng(3)
    for _ in range(40):
        n = int(rng.integers(1, 9))
        seq = [words[int(k)] for k in rng.integers(0, 4, n)]
        labels = ["X" if w in ("alpha", "gamma") else "Y" for w in seq]
        for i in range(1, n):
            if seq[i - 1] == "delta":
                labels[i] = "Z"
        trainer.append([["w=" + w, "b"] for w in seq], labels)
    trainer.set_params({"c2": 0.1, "max_iterations": 50, "feature.possible_transitions": True})
    model = tmp_path / "tiny.crfsuite"
    trainer.train(str(model))
    reference = pycrfsuite.Tagger()
    reference.open(str(model))
    crf = LinearChainCRF.load(model)
    sequences = [["delta"], ["alpha", "delta", "beta"], ["gamma"] * 7, ["beta", "delta"], ["unseen"]]
    strings = [["w=" + w, "b"] for seq in sequences for w in seq]
    rows = numpy.array([[crf.index.get(f, UNKNOWN) for f in row] for row in strings])

    class Table:
        n = len(rows)
        columns = [rows[:, 0], rows[:, 1]]

        @staticmethod
        def extras():
            return numpy.zeros(0, dtype=numpy.int64), numpy.zeros(0, dtype=numpy.int64)

    bounds = _bounds([len(s) for s in sequences])
    labels = [crf.labels[k] for k in crf.viterbi(crf.emissions(Table), bounds)]
    for (lo, hi) in bounds:
        assert labels[lo:hi] == reference.tag(strings[lo:hi])
    assert "Z" in labels
    # no weights at all: every label ties, and the first wins at every token
    flat = LinearChainCRF(["A", "B"], {}, numpy.zeros((1, 2)), numpy.zeros((2, 2)))
    assert flat.viterbi(numpy.zeros((3, 2)), [(0, 3)]) == [0, 0, 0]


def test_strings_encoder_keeps_each_feature_once_per_token(docs):
    featurizer = Featurizer(["say"])
    _, table = featurizer.featurize(docs[0], STRINGS, None)
    for row in table.strings():
        assert len(row) == len(set(row)) and row[0] == "b"


def test_distinct_codes_by_counting_agree_with_numpy_unique():
    import numpy

    from factions.claims.features import _distinct

    rng = numpy.random.default_rng(7)
    for codes in (numpy.array([], dtype=numpy.int64), numpy.array([5, 5, 5]), rng.integers(0, 50, 400),
                  rng.integers(0, 10**9, 300)):  # the last too spread to count: numpy.unique itself
        uniq, inverse = _distinct(codes)
        expected_uniq, expected_inverse = numpy.unique(codes, return_inverse=True)
        assert uniq.tolist() == expected_uniq.tolist() and inverse.reshape(-1).tolist() == expected_inverse.reshape(-1).tolist()
        assert (uniq[inverse.reshape(-1)] == codes).all()


def test_the_shipped_weights_read_todays_word_classes():
    """The features name each token's class of attribution words
    (lexicons/attribution_words.toml); weights trained on another list would read other
    features, so the provenance records the list the weights were trained on."""
    import hashlib
    import json

    meta = json.loads(default_path().with_suffix(".json").read_text("utf-8"))
    words = ROOT / "src" / "factions" / "data" / "lexicons" / "attribution_words.toml"
    assert meta["word_classes_sha256"] == hashlib.sha256(words.read_bytes()).hexdigest()


def test_a_word_of_an_attribution_class_is_read_as_a_likely_cue():
    """A verb the learned cue list lacks but the word classes hold ("grumbled") gets the
    cue features and its class; a word of no class gets neither."""
    from factions.actors import load_kb
    from factions.claims.features import ParsedDoc, word_classes
    from factions.nlp import load_pipeline

    names, _of = word_classes()
    doc = load_pipeline(None, load_kb())("The mayor grumbled that the council had ignored the floods.")
    parsed = ParsedDoc(doc, frozenset({"say"}))
    grumbled = next(t.i for t in doc if t.text == "grumbled")
    floods = next(t.i for t in doc if t.text == "floods")
    assert parsed.is_cue[grumbled] and names[parsed.lemma_class[grumbled]] == "dispute"
    assert not parsed.is_cue[floods] and parsed.lemma_class[floods] == -1
    seqs, table = Featurizer(["say"]).featurize(doc)
    features = table.strings()
    assert "lx=dispute" in features[grumbled] and "hlx=dispute" in features[grumbled - 1]
