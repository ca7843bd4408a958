"""Distributed ingest on Dask (`ingest --engine dask`, factions.cluster): the same store
as the process pool, resumable, a bad --scheduler one line; and concurrent ingests of
the same inputs on PostgreSQL store each document once."""

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from conftest import EXAMPLES, store_content
from factions.cli import app
from factions.store import open_store
from factions.store import schema as t

runner = CliRunner()


def test_dask_with_two_workers_stores_what_two_processes_store(store_url, two_workers_db):
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", store_url, "--engine", "dask", "--workers", "2",
                                 "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert "stored 10, skipped 0 already stored, failed 0" in result.stderr
    content = store_content(store_url)
    assert content["claims"] and content["events"] and content["relations"] and content["mentions"]
    assert content == store_content(two_workers_db)
    # Resumable: a second run finds every document stored and extracts nothing.
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", store_url, "--engine", "dask", "--workers", "1"])
    assert again.exit_code == 0 and "stored 0, skipped 10 already stored, failed 0" in again.stderr


@pytest.mark.parametrize("address,message", [
    ("localhost:8786", "is not a Dask scheduler address (give tcp://HOST:PORT)"),
    ("tcp://scheduler", "is not a Dask scheduler address"),
    ("http://scheduler:8786", "is not a Dask scheduler address"),
    ("tcp://127.0.0.1:9", "no Dask scheduler answered"),
])
def test_a_bad_scheduler_is_one_line_and_creates_nothing(tmp_path, address, message):
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", f"sqlite:///{tmp_path / 's.db'}", "--engine", "dask",
                                 "--scheduler", address])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factions: error: --scheduler") and message in lines[0], result.stderr
    assert list(tmp_path.iterdir()) == []


def test_scheduler_needs_the_dask_engine(tmp_path):
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", f"sqlite:///{tmp_path / 's.db'}",
                                 "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "give it with --engine dask" in result.stderr


def test_two_ingests_of_the_same_inputs_on_postgresql_store_each_document_once(postgres, demo_db):
    url = postgres.create()
    try:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        # Small batches, so the two writers' transactions interleave and collide.
        ingests = [subprocess.Popen([sys.executable, "-m", "factions", "ingest", str(EXAMPLES), "--db", url, "--batch-size", "2"],
                                    env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outputs = [p.communicate(timeout=900)[1] for p in ingests]
        assert [p.returncode for p in ingests] == [0, 0], outputs
        stored = [int(err.split("stored ")[1].split(",")[0]) for err in outputs]
        assert sum(stored) == 10, outputs
        with open_store(url, write=False).engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(t.documents)).scalar() == 10
        assert store_content(url) == store_content(demo_db)
    finally:
        postgres.drop(url)
