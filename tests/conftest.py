import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
EXPECTED = ROOT / "examples" / "expected"


@lru_cache(maxsize=1)
def _extractor():
    from factions.extract import RuleExtractor

    return RuleExtractor()


@pytest.fixture(scope="session")
def extractor():
    return _extractor()


@lru_cache(maxsize=1)
def contract_validator():
    schema = json.loads(resources.files("factions.data.schema").joinpath("extract.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check_contract(output: dict) -> None:
    """Validate against the shipped schema, and check every span against the text."""
    contract_validator().validate(output)
    text = output["document"]["text"]
    for m in output["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    spans = []
    for c in output["claims"]:
        spans += [c["speaker_span"], c["cue_span"], c["content_span"]]
    for e in output["events"]:
        spans += [e["evidence_span"], *e["actor_spans"], *e["recipient_spans"]]
    for r in output["relations"]:
        spans += [r["source_span"], r["target_span"], r["evidence_span"]]
    for s in spans:
        assert 0 <= s["start"] < s["end"] <= len(text), s
    ids = {a["id"] for a in output["actors"]}
    refs = [m["actor"] for m in output["mentions"] if m["actor"]]
    refs += [c["speaker"] for c in output["claims"]] + [v for c in output["claims"] for v in c["via"]]
    refs += [a for e in output["events"] for a in e["actors"] + e["recipients"]]
    refs += [x for r in output["relations"] for x in (r["source"], r["target"])]
    assert set(refs) <= ids


@lru_cache(maxsize=None)
def example_outputs(name: str) -> tuple:
    from factions.read import ReadError, read_inputs

    docs = [d for d in read_inputs([str(EXAMPLES / name)]) if not isinstance(d, ReadError)]
    return tuple(x.as_dict() for x in _extractor().extract_many(docs))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The example corpus ingested into a fresh store, as `make demo` does."""
    from typer.testing import CliRunner

    from factions.cli import app

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", url])
    assert result.exit_code == 0, result.output
    assert "stored 10, skipped 0 already stored, failed 0" in result.output
    return url


def run_text(extractor, text, published=None):
    """An extraction of `text` and its actors' names by id."""
    from factions.model import Document

    x = extractor.extract(Document(source="t", text=text, published=published))
    return x, {a.id: a.name for a in x.actors}


def relation_names(x, names):
    return {(r.type, names[r.source], names[r.target]) for r in x.relations}


HOSTILE = ROOT / "tests" / "data" / "hostile-article.txt"


@pytest.fixture(scope="session")
def workbench_store(tmp_path_factory):
    """The example corpus and the hostile article (markup in its text) in one store file,
    built once; tests that judge records take a copy (`workbench_db`)."""
    from typer.testing import CliRunner

    from factions.cli import app

    path = tmp_path_factory.mktemp("workbench") / "workbench.db"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), str(HOSTILE), "--db", f"sqlite:///{path}"])
    assert result.exit_code == 0, result.output
    assert "stored 11, skipped 0 already stored, failed 0" in result.output
    return path


@pytest.fixture
def workbench_db(workbench_store, tmp_path):
    """A fresh copy of the workbench store, its URL: judge freely. SQLite's backup copies
    what is still in the write-ahead log too (a file copy would not)."""
    return copy_store(workbench_store, tmp_path / "workbench.db")


def copy_store(path, copy) -> str:
    """Copy an SQLite store file (with what its write-ahead log still holds); its URL."""
    import sqlite3

    source, target = sqlite3.connect(path), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return f"sqlite:///{copy}"


@pytest.fixture(scope="session")
def copy_workbench(workbench_store, tmp_path_factory):
    """A function making a fresh copy of the workbench store; its URL."""
    return lambda: copy_store(workbench_store, tmp_path_factory.mktemp("workbench-copy") / "workbench.db")
