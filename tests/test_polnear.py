"""The PolNeAR reader and scorer, and the trained attribution tagger, on text written
here (no PolNeAR data needed)."""

import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from factions.claims.learned import Attribution, AttributionTagger
from factions.evaluate.polnear import normalize, parse_ann, read_split, score_documents
from factions.model import Span

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "Budget talks\n\n"
    "“The bill will pass,” the senator said, “and soon.”\n"
    "The mayor believes that taxes will rise.\n"
)
# Offsets into TEXT.
Q1 = TEXT.index("The bill will pass")
Q2 = TEXT.index("and soon")
SEN = TEXT.index("the senator")
SAID = TEXT.index("said")
MAYOR = TEXT.index("The mayor")
BELIEVES = TEXT.index("believes")
THAT = TEXT.index("that taxes")

ANN = (
    f"T1\tContent {Q1 - 1} {Q1 + 20};{Q2} {Q2 + 10}\t“The bill will pass,” and soon.”\n"
    f"T2\tSource {SEN} {SEN + 11}\tthe senator\n"
    f"T3\tCue {SAID} {SAID + 4}\tsaid\n"
    f"T4\tAttribution {SAID} {SAID + 4}\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    f"T5\tSource {MAYOR} {MAYOR + 9}\tThe mayor\n"
    f"T6\tCue {BELIEVES} {BELIEVES + 8}\tbelieves\n"
    # a span text running over two lines of the .ann file
    f"T7\tContent {THAT} {THAT + 22}\tthat taxes\nwill rise\n"
    f"T8\tAttribution {BELIEVES} {BELIEVES + 8}\tbelieves\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
)


def _corpus(root: Path, split: str = "dev", names=("a_doc",)) -> None:
    (root / split / "text").mkdir(parents=True)
    (root / split / "attributions").mkdir(parents=True)
    rows = ["compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle"]
    for name in names:
        (root / split / "text" / f"{name}.txt").write_text(TEXT, "utf-8")
        (root / split / "attributions" / f"{name}_aaaa.ann").write_text(ANN, "utf-8")
        # a second annotator who marked nothing: the first in sorted order is used
        (root / split / "attributions" / f"{name}_zzzz.ann").write_text("", "utf-8")
        rows.append(f"{split}\t{name}\t1\taaaa,zzzz\tnyt\t2016-10-04\tX\tBudget talks")
    with (root / "metadata.tsv").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(rows if handle.tell() == 0 else rows[1:]) + "\n")


def test_parse_ann_discontinuous_and_multiline():
    atts = parse_ann(ANN)
    assert len(atts) == 2
    first, second = atts
    assert first.content == (Span(Q1 - 1, Q1 + 20), Span(Q2, Q2 + 10))
    assert first.source == (Span(SEN, SEN + 11),) and first.cue == (Span(SAID, SAID + 4),)
    assert second.content == (Span(THAT, THAT + 22),)
    assert TEXT[THAT:THAT + 22] == "that taxes will rise.\n"[:22]


def test_read_split_takes_first_annotator_and_date(tmp_path):
    _corpus(tmp_path)
    (article,) = read_split(tmp_path, "dev")
    assert article.annotator == "aaaa"
    assert len(article.gold) == 2
    assert article.document.published.isoformat() == "2016-10-04"
    assert article.document.text == TEXT and not article.document.masked


def test_read_split_bad_path(tmp_path):
    with pytest.raises(ValueError):
        read_split(tmp_path / "nowhere", "dev")
    with pytest.raises(ValueError):
        read_split(tmp_path, "dev")


def test_normalize_trims_punctuation_and_merges_neighbours():
    text = "“The bill will pass,” he said."
    # quotes and comma trimmed; the two pieces separated by punctuation merge
    assert normalize(text, [Span(0, 10), Span(10, 21)]) == ((1, 19),)
    assert normalize(text, [Span(0, 21)]) == ((1, 19),)
    assert normalize(text, [Span(20, 22)]) == ()


def test_scorer_exact_versus_overlap():
    text = "The senator said that the bill would pass on Tuesday."
    gold = [Attribution((Span(0, 11),), (Span(12, 16),), (Span(17, 52),))]
    pred = [
        Attribution((Span(4, 11),), (Span(12, 16),), (Span(17, 53),)),  # content differs by the full stop only
        Attribution((), (Span(31, 36),), ()),  # a spurious cue
    ]
    s = score_documents([(text, gold, pred)])
    assert s["source"]["exact"]["f1"] == 0.0 and s["source"]["overlap"]["f1"] == 1.0
    assert s["content"]["exact"]["f1"] == 1.0
    assert s["cue"]["exact"]["p"] == 0.5 and s["cue"]["exact"]["r"] == 1.0
    assert s["cue"]["overlap"]["p"] == 0.5


@lru_cache(maxsize=1)
def _nlp():
    from factions.actors import load_kb
    from factions.nlp import load_pipeline

    return load_pipeline(None, load_kb())


def _doc(text: str):
    from factions.model import Document
    from factions.nlp import analyze

    return next(analyze(_nlp(), [Document(source="t", text=text)]))[1]


@pytest.mark.parametrize("text, source, cue", [
    ("The senator said on Tuesday that the bill would pass.", "The senator", "said"),
    ("“We will not negotiate,” the minister told reporters.", "the minister", "told"),
    ("The company denied that it had paid the officials.", "The company", "denied"),
])
def test_shipped_tagger_finds_source_and_cue(text, source, cue):
    tagger = AttributionTagger.load()
    atts = tagger.predict(_doc(text))
    found = [(text[a.source[0].start:a.source[0].end] if a.source else None, text[a.cue[0].start:a.cue[0].end])
             for a in atts if a.cue]
    assert (source, cue) in found, found
    (att,) = [a for a in atts if a.cue and text[a.cue[0].start:a.cue[0].end] == cue]
    assert att.content and 0.0 < att.score <= 1.0


def test_tagger_on_text_without_attribution():
    atts = AttributionTagger.load().predict(_doc("The river runs through the valley."))
    assert all(not a.cue for a in atts)


def test_training_end_to_end_on_a_tiny_corpus(tmp_path):
    data = tmp_path / "polnear"
    _corpus(data, "train", names=[f"doc{i}" for i in range(4)])
    _corpus(data, "dev", names=["dev0"])
    out = tmp_path / "model"
    run = subprocess.run(
        [sys.executable, str(ROOT / "train" / "attribution.py"), str(data), "--out", str(out), "--iterations", "5",
         "--min-freq", "1", "--cue-min-count", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    meta = json.loads((out / "attribution.json").read_text())
    assert meta["split"] == "train" and meta["files"] == 4 and len(meta["files_sha256"]) == 64
    assert "say" in meta["cue_lemmas"] and meta["dev"]["cue"]["f1"] >= 0.0
    assert meta["roles_model"]["file"] == "attribution-roles.crfsuite" and (out / "attribution-roles.crfsuite").exists()
    tagger = AttributionTagger.load(out / "attribution.crfsuite")
    assert tagger.roles is not None and isinstance(tagger.predict(_doc(TEXT)), list)


def test_second_tagger_reads_the_content_of_one_cue_around_it():
    """The content of a quote split around its cue is the two fragments of that cue,
    and a second cue in the paragraph keeps its own source and content."""
    tagger = AttributionTagger.load()
    assert tagger.roles is not None  # the shipped weights include the second tagger
    text = ("“We are ready,” the envoy said. “The enemy will be defeated.” "
            "The army denied that its units had shelled the town.")
    atts = {text[a.cue[0].start:a.cue[0].end]: a for a in tagger.predict(_doc(text)) if a.cue}
    said, denied = atts["said"], atts["denied"]
    assert [text[s.start:s.end] for s in said.source] == ["the envoy"]
    assert [text[c.start:c.end].strip("“”,. ") for c in said.content] == ["We are ready", "The enemy will be defeated"]
    assert [text[s.start:s.end] for s in denied.source] == ["The army"]
    assert [text[c.start:c.end] for c in denied.content] == ["that its units had shelled the town"]


def test_rules_plus_model_makes_model_claims_with_linked_speakers():
    from factions.extract import get_extractor
    from factions.model import Document

    extractor = get_extractor("rules+model")
    text = "The senator thinks the vote will fail."
    x = extractor.extract(Document(source="t", text=text))
    (claim,) = x.claims
    assert claim.rule == "claims.model" and text[claim.speaker_span.start : claim.speaker_span.end] == "The senator"
    assert {a.id: a.name for a in x.actors}[claim.speaker].lower() == "senator"  # the descriptive actor
    text = '"We will not stop," the commander said, "until the town is ours."'
    (claim,) = extractor.extract(Document(source="t", text=text)).claims
    assert [text[p.start : p.end].strip('",') for p in claim.content_parts] == ["We will not stop", "until the town is ours."]
    # The default extractor runs no tagger.
    assert get_extractor("rules").tagger is None


def test_rules_plus_model_reads_documents_together_as_it_reads_them_alone(monkeypatch):
    """The extractor hands the tagger a batch of Docs; the claims are those each
    Document gets alone, and a batch the tagger fails on is read one Doc at a time."""
    from factions.extract import get_extractor
    from factions.model import Document

    extractor = get_extractor("rules+model", batch_size=3)
    texts = ["The senator thinks the vote will fail.",
             "“We will not negotiate,” the minister told reporters on Monday.\n\nThe army denied that it shelled the town.",
             "The river runs through the valley.",
             "Rebels said they had taken the base. Officials said the claim was false."]
    documents = [Document(source=f"d{i}", text=t) for i, t in enumerate(texts)]

    def claims(x):
        return [(c.cue_span, c.speaker_span, c.content_span, c.rule) for c in x.claims]

    alone = [claims(extractor.extract(d)) for d in documents]
    calls = []
    real = type(extractor.tagger).predict_many
    monkeypatch.setattr(type(extractor.tagger), "predict_many", lambda self, docs: calls.append(len(docs)) or real(self, docs))
    assert [claims(x) for x in extractor.extract_many(documents)] == alone
    assert calls == [3, 1] and sum(len(c) for c in alone) >= 5

    def broken(self, docs):
        raise RuntimeError("batch")

    monkeypatch.setattr(type(extractor.tagger), "predict_many", broken)
    monkeypatch.setattr(type(extractor.tagger), "predict", lambda self, doc: real(self, [doc])[0])
    assert [claims(x) for x in extractor.extract_many(documents)] == alone
