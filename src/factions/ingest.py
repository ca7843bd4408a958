"""Streaming ingest: read → extract (in worker processes) → store, in constant memory.

The main process reads documents lazily, skips those already stored (by content
hash, one query per batch, so a stopped run resumes where it was), hands batches to
N worker processes (or a Dask cluster: factions.cluster) and writes each returned
batch in one transaction (Store.ingest_many; a batch that fails is written again one
document per transaction, so a bad document costs only itself). At most
`2 × workers` batches are in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from factions.extract import RuleExtractor
from factions.model import Document, Extraction
from factions.read import FEED_SUFFIXES, JSONL_SUFFIXES, ReadError, read_inputs
from factions.store import Store


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: list[ReadError] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + len(self.failed)


def count_documents(paths: Iterable[str]) -> int | None:
    """A cheap count of the documents in the inputs, for progress and ETA: one per
    file, one per JSON Lines line, one per feed item. None when reading stdin."""
    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if not f.is_file():  # a FIFO or device: refused when read, never opened here
                total += 1
                continue
            try:
                if f.suffix.lower() in JSONL_SUFFIXES:
                    total += _count(f, (b"\n",))
                elif f.suffix.lower() in FEED_SUFFIXES:
                    total += max(1, _count(f, (b"<item", b"<entry")))
                else:
                    total += 1
            except OSError:
                total += 1
    return total


def _count(path: Path, needles: tuple[bytes, ...], chunk: int = 1 << 20) -> int:
    """Occurrences of the needles in a file, read in chunks (a file may be one endless
    line); an estimate for the progress bar, not a parse."""
    found, tail = 0, b""
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            data = tail + block
            found += sum(data.count(n) for n in needles) - sum(tail.count(n) for n in needles)
            tail = data[-8:]
    return found


# Worker processes: the extractor is built once per process (or inherited on fork).
_WORKER: RuleExtractor | None = None


def _init_worker(model: str | None) -> None:
    global _WORKER
    if _WORKER is None:
        _WORKER = RuleExtractor(model)


PARENT_POLL_SECONDS = 0.5


def _die_with_parent(parent: int) -> None:
    """Make this worker exit when the ingest process that started it dies, even by
    kill -9 (which runs no cleanup): on Linux the kernel sends SIGKILL
    (prctl PR_SET_PDEATHSIG); everywhere a daemon thread polls the parent's pid. A
    worker only extracts and holds nothing to save, so an abrupt exit loses nothing."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the thread below is enough

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    if os.getppid() != parent:  # the parent died before the signal was set
        os._exit(1)
    threading.Thread(target=watch, name="factions-parent-watch", daemon=True).start()


def _start_worker(model: str | None, parent: int) -> None:
    _die_with_parent(parent)
    _init_worker(model)


def extract_documents(extractor: RuleExtractor, documents: list[Document]) -> list[Extraction | ReadError]:
    """A batch's extractions; a document whose extraction fails is a ReadError naming
    it, and costs only itself."""
    out: list[Extraction | ReadError] = []

    def failed(document: Document, exc: Exception) -> None:
        out.append(ReadError(document.source, f"extraction failed ({type(exc).__name__}: {exc})"))

    for x in extractor.extract_many(documents, on_error=failed):
        out.append(x)
    return out


def _extract_batch(documents: list[Document]) -> list[Extraction | ReadError]:
    return extract_documents(_WORKER, documents)


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def _without_failures(items: list, report: IngestReport, on_error: Callable[[ReadError], None]) -> list:
    """The items that are not ReadErrors; each ReadError is reported and counted failed."""
    kept = []
    for item in items:
        if isinstance(item, ReadError):
            report.failed.append(item)
            on_error(item)
        else:
            kept.append(item)
    return kept


def _fresh_batches(paths: Iterable[str], store: Store, size: int, published, report: IngestReport,
                   on_error: Callable[[ReadError], None], on_progress: Callable[[IngestReport], None]) -> Iterator[list[Document]]:
    """The inputs read lazily, `size` at a time, less those already stored (one query
    per batch, by text hash: a stopped run resumes where it was)."""
    for items in _batches(iter(read_inputs(paths, published)), size):
        documents = _without_failures(items, report, on_error)
        stored = store.stored_hashes(d.text_sha256 for d in documents)
        fresh = [d for d in documents if d.text_sha256 not in stored]
        report.skipped += len(documents) - len(fresh)
        if len(fresh) < len(items):
            on_progress(report)
        if fresh:
            yield fresh


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    *,
    workers: int = 1,
    batch_size: int = 16,
    model: str | None = None,
    published=None,
    client=None,
    on_error: Callable[[ReadError], None] = lambda e: None,
    on_progress: Callable[[IngestReport], None] = lambda r: None,
) -> IngestReport:
    """Read, extract and store. Extraction runs in this process (workers=1), in
    `workers` worker processes, or, given a dask.distributed `client`, on its cluster
    (factions.cluster). This process writes each batch's results in one transaction."""
    report = IngestReport()

    def write(results: list[Extraction | ReadError]) -> None:
        extractions = _without_failures(results, report, on_error)
        for x, outcome in zip(extractions, store.ingest_many(extractions)):
            if isinstance(outcome, Exception):  # its transaction rolled back: nothing half-written
                err = ReadError(x.document.source, f"not stored ({type(outcome).__name__}: {outcome})")
                report.failed.append(err)
                on_error(err)
            elif outcome is None:
                report.skipped += 1
            else:
                report.stored += 1
        on_progress(report)

    batches = _fresh_batches(paths, store, batch_size, published, report, on_error, on_progress)
    if client is not None:
        from factions.cluster import extract_on_cluster

        extract_on_cluster(client, batches, write, model)
        return report
    if workers <= 1:
        _init_worker(model)
        for batch in batches:
            write(_extract_batch(batch))
        return report

    # Fork where it exists: workers inherit the loaded model instead of loading it.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        _init_worker(model)
    context = multiprocessing.get_context(method)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(model, os.getpid()))

    def lost(batch: list[Document], exc: BaseException) -> list[ReadError]:
        return [ReadError(d.source, f"not extracted: a worker process died ({type(exc).__name__}: {exc})") for d in batch]

    pool = new_pool()
    broken = 0
    pending: deque[tuple[Future, list[Document]]] = deque()

    def broke(exc: BaseException, batch: list[Document]) -> bool:
        """A worker died (killed, out of memory): the batches it may have held fail,
        each document named; batches already finished are still written; the rest
        of the input goes to a fresh pool. False when the run must stop."""
        nonlocal pool, broken
        results: list[Extraction | ReadError] = lost(batch, exc)
        for future, documents in pending:
            finished = future.done() and not future.cancelled() and future.exception() is None
            results += future.result() if finished else lost(documents, exc)
        pending.clear()
        write(results)
        pool.shutdown(wait=False, cancel_futures=True)
        broken += 1
        if broken >= MAX_BROKEN_POOLS:
            stopped = ReadError("ingest", f"stopped: worker processes died {broken} times; the inputs not yet read were not stored")
            report.failed.append(stopped)
            on_error(stopped)
            return False
        pool = new_pool()
        return True

    def wait_one() -> bool:
        future, documents = pending.popleft()
        try:
            write(future.result())
        except BrokenProcessPool as exc:
            return broke(exc, documents)
        return True

    try:
        for batch in batches:
            try:
                pending.append((pool.submit(_extract_batch, batch), batch))
            except BrokenProcessPool as exc:
                if not broke(exc, batch):
                    return report
                continue
            while len(pending) >= 2 * workers:
                if not wait_one():
                    return report
        while pending:
            if not wait_one():
                return report
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return report


# A run stops after this many dead worker pools: something kills every worker.
MAX_BROKEN_POOLS = 3
