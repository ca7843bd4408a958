"""Distributed ingest on Dask (`factions ingest --engine dask`).

dask.distributed runs the cluster: without a scheduler address a LocalCluster of N
worker processes on this machine, with one (`--scheduler tcp://HOST:PORT`) the
workers started on any number of machines by `dask scheduler` / `dask worker`. The
split of work is the process pool's: this process reads the inputs (streamed), skips
the documents already stored, sends batches to the workers, which extract, and writes
the results to the store, one transaction per batch. At most two batches per worker
thread are in flight, so memory does not grow with the corpus.

Reading stays here because the skip-stored check needs the text's hash before any
extraction (a resumed run extracts nothing twice) and because stdin, JSON Lines and
feeds are split into documents by the reader; reading costs well under 1% of
extracting. Workers need factions installed, and the --kb files at the same paths.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from factions.model import Document, Extraction
from factions.read import ReadError

if TYPE_CHECKING:
    from distributed import Client

# How long a client waits for a scheduler to answer before the run is refused.
CONNECT_TIMEOUT = "10s"
# A local cluster without the monitoring nobody reads here (there is no dashboard):
# with Dask's defaults (workers sampling their stacks every 10 ms, system monitors
# every 500 ms, event-loop ticks every 20 ms) an idle 2-worker cluster took 18% of a
# core, 4% without (docs/scaling.md): on 2 cores, part of Dask's gap to the pool.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "500ms",
}
# The settings a worker's extractor depends on, sent with each batch: remote workers
# do not share this process's environment.
EXTRACTION_SETTINGS = ("FACTIONS_KB", "FACTIONS_DISABLE_RULES", "FACTIONS_SPACY_MODEL", "FACTIONS_SECTION_CHARS")


class ClusterError(Exception):
    """A cluster that cannot be used as asked; the message is one line naming it."""


def check_scheduler_address(address: str) -> str:
    """A Dask scheduler address as `--scheduler` takes it (tcp://HOST:PORT or
    tls://HOST:PORT), checked without connecting; ClusterError otherwise."""
    from distributed.comm.addressing import parse_address, parse_host_port

    shown = address.encode("unicode_escape").decode("ascii")
    try:
        scheme, location = parse_address(address, strict=True)
        host, port = parse_host_port(location)
    except (ValueError, TypeError):
        raise ClusterError(f"--scheduler '{shown}' is not a Dask scheduler address (give tcp://HOST:PORT)") from None
    if scheme not in ("tcp", "tls") or not host or not port:
        raise ClusterError(f"--scheduler '{shown}' is not a Dask scheduler address (give tcp://HOST:PORT)")
    return address


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 1) -> Iterator[Client]:
    """A dask.distributed Client: connected to the scheduler at `scheduler`, or to a
    LocalCluster of `workers` single-threaded worker processes started here (and
    stopped on leaving). An unreachable scheduler is a ClusterError."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler is not None:
        check_scheduler_address(scheduler)
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise ClusterError(f"--scheduler {scheduler}: no Dask scheduler answered ({detail})") from None
        try:
            yield client
        finally:
            client.close()
        return
    # One thread per worker process: extraction is CPU-bound Python, and spaCy
    # pipelines are not shared between threads.
    with dask.config.set(LOCAL_CLUSTER_CONFIG):  # the nannies pass it on to their workers
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()


# On a worker: the extractor, built on the first batch and kept for the next ones.
_EXTRACTOR = None
_EXTRACTOR_SETTINGS: tuple | None = None
_EXTRACTOR_LOCK = threading.Lock()  # a worker with several threads extracts one batch at a time


def extract_batch(documents: list[Document], model: str | None, settings: dict[str, str]) -> list[Extraction | ReadError]:
    """Run on a Dask worker: extract a batch, a failing document costing only itself.
    `settings` are the client's FACTIONS_* extraction settings, applied here."""
    global _EXTRACTOR, _EXTRACTOR_SETTINGS
    from factions.extract import RuleExtractor
    from factions.ingest import extract_documents

    key = (model, tuple(sorted(settings.items())))
    with _EXTRACTOR_LOCK:
        if _EXTRACTOR is None:
            for name in EXTRACTION_SETTINGS:
                if name in settings:
                    os.environ[name] = settings[name]
                else:
                    os.environ.pop(name, None)
            _EXTRACTOR, _EXTRACTOR_SETTINGS = RuleExtractor(model), key
        elif key != _EXTRACTOR_SETTINGS:
            # The knowledge base and rules are read once per process; another
            # client's settings need workers of their own.
            return [ReadError(d.source, "not extracted: this Dask worker extracts with another model, knowledge base"
                              " or rules; start workers for this run") for d in documents]
        return extract_documents(_EXTRACTOR, documents)


def _settings() -> dict[str, str]:
    return {name: os.environ[name] for name in EXTRACTION_SETTINGS if name in os.environ}


def start_extractors(client: Client, model: str | None = None) -> None:
    """Build the extractor on every worker of the cluster now (loading the model takes
    seconds), as the first batch would: to time a run without its start."""
    settings = _settings()
    client.gather([client.submit(extract_batch, [], model, settings, workers=[address], pure=False)
                   for address in client.scheduler_info()["workers"]])


def extract_on_cluster(client: Client, batches: Iterator[list[Document]], write: Callable[[list[Extraction | ReadError]], None],
                       model: str | None) -> None:
    """Send each batch to the cluster and write the results as they come back, with at
    most two batches per worker thread in flight (the inputs are read as they are
    needed). A batch whose task failed (a worker died more often than Dask retries it)
    fails its documents, each named; the run goes on."""
    from distributed import as_completed

    settings = _settings()
    threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
    limit = 2 * max(1, threads)
    in_flight = as_completed()
    held: dict[str, list[Document]] = {}

    def collect(future) -> None:
        documents = held.pop(future.key)
        try:
            results = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker, a task Dask gave up on
            results = [ReadError(d.source, f"not extracted: the Dask task failed ({type(exc).__name__}: {exc})")
                       for d in documents]
        future.release()
        write(results)

    for batch in batches:
        future = client.submit(extract_batch, batch, model, settings, pure=False)
        held[future.key] = batch
        in_flight.add(future)
        while in_flight.count() >= limit:
            collect(next(in_flight))
    for future in in_flight:
        collect(future)
