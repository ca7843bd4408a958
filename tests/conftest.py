import itertools
import json
import os
import shutil
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
        spans += [c["speaker_span"], c["cue_span"], c["content_span"], *c.get("content_parts", [])]
        parts = c.get("content_parts", [])
        assert [p["start"] for p in parts] == sorted(p["start"] for p in parts)  # in order
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


def _ingest_examples(url: str) -> str:
    from typer.testing import CliRunner

    from factions.cli import app

    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", url])
    assert result.exit_code == 0, result.output
    assert "stored 10, skipped 0 already stored, failed 0" in result.output
    return url


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The example corpus ingested into a fresh store, as `make demo` does."""
    return _ingest_examples(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")


@pytest.fixture(scope="session")
def two_workers_db(tmp_path_factory):
    """The example corpus ingested by two worker processes, in batches of three."""
    from typer.testing import CliRunner

    from factions.cli import app

    url = f"sqlite:///{tmp_path_factory.mktemp('two-workers') / 'two.db'}"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", url, "--workers", "2", "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert "stored 10, skipped 0 already stored, failed 0" in result.output
    return url


# Stores on both backends. PostgreSQL: FACTIONS_TEST_PG names a database on a server
# where its role may create databases (scripts/test-postgres, which `make test` runs,
# starts a throwaway one); each test gets databases of its own, dropped afterwards.
BACKENDS = ["sqlite", "postgresql"]


class PostgresServer:
    """Throwaway databases on the server FACTIONS_TEST_PG points at."""

    def __init__(self, url: str):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        self.url = make_url(url)
        # CREATE and DROP DATABASE run outside a transaction; no session is kept open.
        self._admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._names = (f"factions_t{os.getpid()}_{n}" for n in itertools.count())

    def check(self) -> None:
        from sqlalchemy import text

        with self._admin.connect() as conn:
            conn.execute(text("SELECT 1"))

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of `template`'s URL when given); its URL."""
        from sqlalchemy import text
        from sqlalchemy.engine import make_url

        name = next(self._names)
        with self._admin.connect() as conn:
            if template:
                source = make_url(template).database
                # A template may have no other session; the ingest that built it left pooled ones.
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d AND pid <> pg_backend_pid()"),
                             {"d": source})
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
            else:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        from sqlalchemy import text
        from sqlalchemy.engine import make_url

        with self._admin.connect() as conn:  # FORCE: sessions the test's engines still pool
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def postgres():
    """The PostgreSQL server for the tests; they skip, saying why, when there is none.
    A server named but not answering is an error, not a skip."""
    url = os.environ.get("FACTIONS_TEST_PG")
    if not url:
        pytest.skip("no PostgreSQL server: FACTIONS_TEST_PG is not set (`make test` runs scripts/test-postgres, "
                    "which starts one where Debian's postgresql package is installed)")
    server = PostgresServer(url)
    server.check()
    return server


def _sqlite_copy(url: str, path) -> str:
    """A copy of an SQLite store (a WAL database lives in up to three files)."""
    source = url.removeprefix("sqlite:///")
    for suffix in ("", "-wal", "-shm"):
        try:
            shutil.copy(source + suffix, str(path) + suffix)
        except FileNotFoundError:
            pass
    return f"sqlite:///{path}"


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """The URL of an empty database on each backend, for a test to build its store in."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    server = request.getfixturevalue("postgres")
    url = server.create()
    yield url
    server.drop(url)


@pytest.fixture(scope="session")
def demo_pg(postgres):
    """The example corpus ingested into a PostgreSQL database (the template of the copies)."""
    url = _ingest_examples(postgres.create())
    yield url
    postgres.drop(url)


def _demo_copy(request, path):
    if request.param == "sqlite":
        return _sqlite_copy(request.getfixturevalue("demo_db"), path), None
    server = request.getfixturevalue("postgres")
    url = server.create(template=request.getfixturevalue("demo_pg"))
    return url, server


@pytest.fixture(params=BACKENDS)
def demo_url(request, tmp_path):
    """A test's own copy of the demo store (it may write to it), on each backend."""
    url, server = _demo_copy(request, tmp_path / "demo.db")
    yield url
    if server:
        server.drop(url)


@pytest.fixture(scope="module", params=BACKENDS)
def demo_module_url(request, tmp_path_factory):
    """A copy of the demo store shared by a module's tests, on each backend."""
    url, server = _demo_copy(request, tmp_path_factory.mktemp("demo-module") / "demo.db")
    yield url
    if server:
        server.drop(url)


def store_content(url: str) -> dict:
    """What a store holds, without its row ids or record times: documents by text hash,
    actors by key, and every mention, claim, event, participant and relation by the
    document, actors and spans they name. Two ingests of the same inputs agree on it
    whatever order they wrote in."""
    from sqlalchemy import select

    from factions.store import open_store
    from factions.store import schema as t

    skip = {"id", "recorded_at", "document_id", "actor_id", "speaker_id", "source_id", "target_id", "where_id",
            "claim_id", "event_id", "place_id", "via", "merged_into"}
    store = open_store(url, write=False)
    with store.engine.connect() as conn:
        docs = {r.id: r.text_sha256 for r in conn.execute(select(t.documents.c.id, t.documents.c.text_sha256))}
        actors = {r.id: r.key for r in conn.execute(select(t.actors.c.id, t.actors.c.key))}
        # Descriptive actors' keys name their document's id: named by its hash instead.
        actors = {i: f"{docs[int(k[3:k.index(':')])]}{k[k.index(':'):]}" if k.startswith("doc") else k for i, k in actors.items()}
        places = {r.id: r.gazetteer_id for r in conn.execute(select(t.places.c.id, t.places.c.gazetteer_id))}
        claims = {r.id: (docs[r.document_id], r.local_id) for r in conn.execute(select(t.claims.c.id, t.claims.c.document_id, t.claims.c.local_id))}
        events = {r.id: (docs[r.document_id], r.local_id) for r in conn.execute(select(t.events.c.id, t.events.c.document_id, t.events.c.local_id))}

        def rows(table, **refs):
            out = []
            for r in conn.execute(select(table)).mappings():
                row = {k: v for k, v in r.items() if k not in skip}
                row.update({name: lookup.get(r[column]) for name, (column, lookup) in refs.items()})
                if "via" in r:
                    row["via"] = [actors[a] for a in r["via"]]
                out.append(json.dumps(row, sort_keys=True, default=str))
            return sorted(out)

        content = {
            "documents": rows(t.documents),
            "actors": rows(t.actors, key=("id", actors)),
            "names": rows(t.actor_names, actor=("actor_id", actors)),
            "places": rows(t.places),
            "mentions": rows(t.mentions, document=("document_id", docs), actor=("actor_id", actors), place=("place_id", places)),
            "claims": rows(t.claims, document=("document_id", docs), speaker=("speaker_id", actors)),
            "events": rows(t.events, document=("document_id", docs), where=("where_id", actors), place=("place_id", places),
                           claim=("claim_id", claims)),
            "participants": rows(t.event_participants, event=("event_id", events), actor=("actor_id", actors)),
            "relations": rows(t.relations, document=("document_id", docs), source=("source_id", actors),
                              target=("target_id", actors), claim=("claim_id", claims), event=("event_id", events)),
        }
    store.engine.dispose()
    return content


def fail_documents_with(extractor, monkeypatch, marker: str, error: Exception) -> None:
    """Make the extractor's per-document step raise `error` on every document whose text
    holds `marker`, and run as usual on the others."""
    real = type(extractor).from_doc

    def from_doc(self, document, doc, attributions=None):
        if marker in document.text:
            raise error
        return real(self, document, doc, attributions)

    monkeypatch.setattr(type(extractor), "from_doc", from_doc)


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
