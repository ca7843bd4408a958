"""Ingest worker processes (issue 13 item 5): they die with the ingest process, and a
dead worker costs only the documents it held, each named."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES
from factions import ingest
from factions.model import Extraction
from factions.store import open_store

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc to find the workers")
SRC = str(Path(__file__).resolve().parent.parent / "src")


def _children(pid: int) -> list[int]:
    """Live processes whose parent is `pid` (from /proc; zombies are dead already)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet, or being migrated


def _run(*args: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "factions", *args], env=env, capture_output=True, text=True, **kw)


def test_kill_9_of_ingest_leaves_no_worker_and_a_sound_store(tmp_path, demo_db):
    db = tmp_path / "killed.db"
    url = f"sqlite:///{db}"
    env = {**os.environ, "PYTHONPATH": SRC}
    workers: list[int] = []
    main = subprocess.Popen(
        [sys.executable, "-m", "factions", "ingest", str(EXAMPLES), "--db", url, "--workers", "2", "--batch-size", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while len(workers := _children(main.pid)) < 2 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.05)
        assert len(workers) >= 2, "the ingest never started its two workers"
        while _stored(db) < 2 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.05)  # kill mid-run: some documents stored, others in the workers
        assert main.poll() is None, "the ingest ended before it could be killed"
        main.send_signal(signal.SIGKILL)  # no cleanup runs in the main process
        main.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = [w for w in workers if _alive(w)]
    finally:
        main.kill()
        for w in workers:  # a survivor must not outlive the test either (its pid checked: not reused)
            if _alive(w) and str(db) in Path(f"/proc/{w}/cmdline").read_bytes().decode(errors="replace"):
                os.kill(w, signal.SIGKILL)
    assert not survivors, f"workers {survivors} outlived the killed ingest"
    if db.exists():
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rerun = _run("ingest", str(EXAMPLES), "--db", url)
    assert rerun.returncode == 0, rerun.stderr
    counts = lambda u: json.loads(_run("summary", "--db", u, "--json").stdout)["counts"]  # noqa: E731
    assert counts(url) == counts(demo_db)


class _DiesOnSomeText:
    """A stand-in extractor: the worker process exits abruptly (as when the kernel
    kills it for memory) on a document containing DIE."""

    def extract_many(self, documents, on_error=None):
        for document in documents:
            if "DIE" in document.text:
                os._exit(1)
            yield Extraction(document)


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="the stand-in is inherited by fork")
def test_a_dead_worker_fails_only_what_it_held_and_the_run_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "_WORKER", _DiesOnSomeText())  # workers fork with it
    names = [f"{i:02d}.txt" for i in range(10)]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(("DIE " if i == 1 else "") + f"Document number {i} about the Northern Front.")
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    errors = []
    report = ingest.ingest_paths([str(tmp_path / n) for n in names], store, workers=2, batch_size=1, on_error=errors.append)
    failed = {Path(e.source).name for e in report.failed}
    assert "01.txt" in failed
    assert all("a worker process died" in e.reason for e in report.failed)
    assert report.stored + len(report.failed) == 10 and report.stored >= 5
    # Batches submitted after the death go to a fresh pool: the end of the input is stored.
    assert not failed & {"07.txt", "08.txt", "09.txt"}
    assert errors == report.failed
