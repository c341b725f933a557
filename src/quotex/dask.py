"""Many documents on a Dask cluster: the batch runner's contract, with ``dask.distributed`` as the engine.

``run_on_dask`` gives the same ``batch.Outcome``s as ``batch.run``: one per job, in input order (or as
they finish), a job that cannot be read or analysed as an outcome with an error naming its input. Jobs go
to the cluster in chunks of ``batch.CHUNK_DOCUMENTS``, drawn lazily from their iterator, with a few
chunks per worker thread in flight, so the client never holds the corpus. A task receives small ``Job``s
(paths, not texts), so every file must be readable by the workers at the same path (a shared
filesystem), or be an fsspec URL ("s3://...", "gs://...", "file://...") with the matching fsspec backend
installed on the workers. Each worker loads natasha's models once, in ``ExtractorPlugin.setup``; the
models are never sent over the network. A worker that dies has its tasks rescheduled by Dask on the
others; the client takes each chunk's result once, so no document is lost or doubled.

A time limit (``timeout``) is checked by the analysis as it goes (``quotex.deadline``), so it holds in a
Dask worker's task threads; unlike ``batch``'s own workers, a worker stuck where the analysis never checks
it (inside one call to natasha's models) is not ended: Dask gives no way to stop a running task.

``extract_partition`` is the same analysis for a ``dask.bag`` of JSON records.

Needs Dask (``pip install 'dask[distributed]'``, or the ``dask`` extra), on the client and on every worker.
"""

# This module is called "dask" like the package it uses. Imports are absolute, so ``import dask`` or
# ``import distributed`` here always means the installed packages, never this module: keep it that way
# (no ``sys.path`` games, no running this file as a script).
from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

try:
    import dask.config
    import dask.utils
    import distributed
except ImportError as error:  # pragma: no cover - depends on what is installed
    raise ImportError("quotex.dask needs Dask: pip install 'dask[distributed]'") from error

from . import batch
from .batch import Outcome
from .errors import AnalysisTimeout, InputError, QuotexError
from .inputs import Job, record_id
from .reading import decode

if TYPE_CHECKING:
    from .pipeline import Extractor
    from .records import Document

LOCAL = "local"
"""The address that means: start a ``LocalCluster`` on this machine for the run."""

PLUGIN_NAME = "quotex-extractor"
"""The name of the worker plugin on the cluster (registered once, kept by the scheduler)."""

RETRIES = 2
"""Reruns of a chunk whose task raised; a task lost with its worker is rescheduled by Dask itself."""

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


class ClusterError(QuotexError):
    """The Dask cluster could not be started or reached."""


def run_on_dask(
    jobs: Iterable[Job],
    address: str,
    *,
    ordered: bool = True,
    n_workers: int | None = None,
    retries: int = RETRIES,
    timeout: float | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``jobs`` analysed on a Dask cluster: in input order, or as they finish; a document
    still being analysed after ``timeout`` seconds (``None`` or 0: no limit) is an outcome with an error.

    ``address`` is ``"local"`` (a ``LocalCluster`` of ``n_workers`` single-threaded worker processes,
    default one per core, closed at the end) or a scheduler address such as ``"tcp://host:8786"``
    (``n_workers`` is then ignored). Raises ``ClusterError`` if the cluster cannot be started or
    reached; nothing else: a document that fails is an outcome with an error.
    """
    chunks = _chunks(iter(jobs), batch.CHUNK_DOCUMENTS)
    first = next(chunks, None)
    if first is None:
        return
    cluster, client = _connect(address, n_workers, connect_timeout())
    try:
        _prepare_workers(client, local=cluster is not None)
        yield from _submit(client, chain([first], chunks), ordered, retries, timeout)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


CONNECT_TIMEOUT = 5.0
"""Seconds to wait for a scheduler that does not answer, unless Dask's configuration says otherwise."""
_DASK_DEFAULT_CONNECT = 30.0


def connect_timeout() -> float:
    """How long to try to reach a scheduler: ``distributed.comm.timeouts.connect`` when it was changed
    from Dask's default of 30 s (``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=20s``, a YAML file or
    ``dask.config.set``), else ``CONNECT_TIMEOUT``: a quick answer for a mistyped address."""
    configured = dask.config.get("distributed.comm.timeouts.connect", None)
    seconds = dask.utils.parse_timedelta(configured, default="seconds") if configured is not None else None
    if seconds is None or seconds == _DASK_DEFAULT_CONNECT:
        return CONNECT_TIMEOUT
    return float(seconds)


def _connect(
    address: str, n_workers: int | None, timeout: float = CONNECT_TIMEOUT
) -> tuple[distributed.LocalCluster | None, distributed.Client]:
    cluster = None
    try:
        if address == LOCAL:
            cluster = distributed.LocalCluster(
                n_workers=n_workers or batch.default_workers(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,  # stderr is for quotex's own lines, as in a local run
            )
            return cluster, distributed.Client(cluster)
        return None, distributed.Client(address, timeout=timeout)
    except (OSError, ValueError, TypeError) as error:
        if cluster is not None:
            cluster.close()
        where = "start a local Dask cluster" if address == LOCAL else f"reach the Dask scheduler at {address}"
        raise ClusterError(f"cannot {where}: {error}") from error


def _prepare_workers(client: distributed.Client, *, local: bool) -> None:
    """Register the plugins: every worker, present or future, loads the models once."""
    try:
        if local:
            client.register_plugin(IgnoreInterrupts())
        client.register_plugin(ExtractorPlugin())
    except Exception as error:  # raised on a worker: quotex missing or broken there
        raise ClusterError(f"the Dask workers cannot load quotex: {type(error).__name__}: {error}") from error


def _submit(
    client: distributed.Client,
    chunks: Iterator[list[Job]],
    ordered: bool,
    retries: int,
    timeout: float | None,
) -> Iterator[Outcome]:
    """Submit chunks lazily, a window at a time, and yield each finished chunk's outcomes once."""
    threads = sum(client.nthreads().values())
    window = max(threads, 1) * batch.CHUNKS_PER_WORKER
    run_id = uuid.uuid4().hex[:8]
    pending: dict[distributed.Future, list[Job]] = {}
    in_order: deque[distributed.Future] = deque()
    finished = distributed.as_completed()
    try:
        for chunk in chunks:
            key = f"quotex-{run_id}-{chunk[0].index}"
            future = client.submit(analyse_on_worker, chunk, timeout, key=key, retries=retries, pure=False)
            pending[future] = chunk
            if ordered:
                in_order.append(future)
            else:
                finished.add(future)
            if len(pending) >= window:
                yield from _take(in_order.popleft() if ordered else next(finished), pending)
        while pending:
            yield from _take(in_order.popleft() if ordered else next(finished), pending)
    finally:
        if pending and client.status == "running":  # interrupted, or the consumer stopped early
            client.cancel(list(pending))  # drop the work still queued


def _take(future: distributed.Future, pending: dict[distributed.Future, list[Job]]) -> Iterator[Outcome]:
    chunk = pending.pop(future)
    try:
        outcomes: list[Outcome] = future.result()
    except Exception as error:  # retries spent, or the task kept killing its workers: these documents failed
        reason = f"worker failed: {type(error).__name__}: {error}"
        outcomes = [Outcome(job, error=f"{job.source}: {reason}") for job in chunk]
    finally:
        future.release()
    yield from outcomes


def _chunks(jobs: Iterator[Job], size: int) -> Iterator[list[Job]]:
    while chunk := list(islice(jobs, size)):
        yield chunk


class ExtractorPlugin(distributed.WorkerPlugin):
    """Loads the models once in each worker process, when the worker starts or joins the cluster.

    The plugin itself is tiny: the scheduler keeps it and sends it to every worker, including one that
    replaces a lost worker, and each builds its own ``Extractor`` there (``worker_extractor``).
    """

    name = PLUGIN_NAME
    idempotent = True  # registered once per cluster: a later run finds it there and sends nothing

    async def setup(self, worker: distributed.Worker) -> None:
        # In a thread, so that the worker keeps answering the scheduler while natasha loads.
        await asyncio.to_thread(worker_extractor)


class IgnoreInterrupts(distributed.WorkerPlugin):
    """For the workers of a ``--dask local`` cluster: Ctrl-C reaches every process of the terminal, but
    it is the client's to handle (it stops the run and closes the cluster), as in ``batch``'s workers."""

    name = "quotex-ignore-interrupts"

    def setup(self, worker: distributed.Worker) -> None:
        with contextlib.suppress(ValueError):  # not in the main thread: nothing to change
            signal.signal(signal.SIGINT, signal.SIG_IGN)


_extractor: Extractor | None = None
_extractor_lock = threading.Lock()


def worker_extractor() -> Extractor:
    """This process's Extractor, built with its models loaded on the first call, shared afterwards."""
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            from .pipeline import Extractor

            extractor = Extractor()
            extractor.load()  # now, not inside the first task
            _extractor = extractor
        return _extractor


def analyse_on_worker(chunk: list[Job], timeout: float | None = None) -> list[Outcome]:
    """The task: read the chunk's files (paths or fsspec URLs) where the worker runs, and analyse them,
    each within ``timeout`` seconds."""
    fetched = [fetch_url(job) if is_url(job.path) else job for job in chunk]
    outcomes = batch.analyse(fetched, worker_extractor(), timeout)
    return [replace(outcome, job=job) for outcome, job in zip(outcomes, chunk, strict=True)]


def is_url(path: str | None) -> bool:
    """Whether ``path`` is a URL with a scheme ("s3://bucket/a.txt"), read through fsspec."""
    return path is not None and bool(_URL.match(path))


def fetch_url(job: Job) -> Job:
    """The job with its URL read through fsspec and decoded into ``text``, or an error job saying why."""
    assert job.path is not None
    try:
        import fsspec
    except ImportError:
        return replace(job, path=None, error="reading URLs needs fsspec on the workers: pip install fsspec")
    try:
        with fsspec.open(job.path, "rb") as stream:
            data = stream.read()
        document_input = decode(data, job.source)
    except InputError as error:
        return replace(job, path=None, error=error.reason)
    except FileNotFoundError:
        return replace(job, path=None, error="no such file")
    except (OSError, ValueError, ImportError) as error:  # unknown protocol, backend not installed, I/O
        return replace(job, path=None, error=f"cannot read: {type(error).__name__}: {error}")
    return replace(job, path=None, text=document_input.text, encoding=document_input.encoding)


def extract_partition(
    records: Iterable[Any],
    text_field: str = "text",
    id_field: str = "id",
    source_field: str | None = None,
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """Analyse a partition of JSON records (dicts), for ``bag.map_partitions(extract_partition)``.

    Each record gives one JSON-ready dict, in order: the document (the JSON contract's object, as
    ``Document.to_dict()``), its ``source`` the record's ``source_field`` if given, else its
    ``id_field`` (``None`` when the record has neither); or, for a record that is not a dict, has no
    non-blank ``text_field`` string, fails the analysis or takes longer than ``timeout`` seconds (``None``
    or 0: no limit), an error record ``{"source": ..., "error": "why"}`` (exactly these two keys;
    documents never have an ``"error"`` key). The models load once per process and stay loaded for the
    next partitions.
    """
    results: list[dict[str, Any] | None] = []
    texts: list[str] = []
    sources: list[str | None] = []
    positions: list[int] = []
    for record in records:
        source, text, error = _read_record(record, text_field, source_field or id_field)
        if error is not None:
            results.append({"source": source, "error": error})
            continue
        assert text is not None
        positions.append(len(results))
        results.append(None)
        texts.append(text)
        sources.append(source)
    extractor = worker_extractor() if texts else None
    size = batch.CHUNK_DOCUMENTS
    for start in range(0, len(texts), size):
        assert extractor is not None
        documents = _extract_chunk(
            extractor, texts[start : start + size], sources[start : start + size], timeout
        )
        for position, source, document in zip(
            positions[start : start + size], sources[start : start + size], documents, strict=True
        ):
            results[position] = document if "error" not in document else {"source": source, **document}
    return [result for result in results if result is not None]


def _read_record(
    record: Any, text_field: str, source_field: str
) -> tuple[str | None, str | None, str | None]:
    """(source, text, error) of one record."""
    if not isinstance(record, dict):
        return None, None, f"not a JSON object but {type(record).__name__}"
    source = record_id(record.get(source_field))
    text = record.get(text_field)
    if not isinstance(text, str):
        return source, None, f"no {text_field!r} string"
    if not text.strip():
        return source, None, f"{text_field!r} is empty"
    return source, text, None


def _extract_chunk(
    extractor: Extractor, texts: list[str], sources: list[str | None], timeout: float | None
) -> list[dict[str, Any]]:
    try:
        return [_as_dict(result) for result in extractor.extract_each(texts, sources, timeout=timeout)]
    except Exception:  # a bug on one document must not lose the others: retry them one by one
        return [
            _extract_one(extractor, text, source, timeout)
            for text, source in zip(texts, sources, strict=True)
        ]


def _as_dict(result: Document | AnalysisTimeout) -> dict[str, Any]:
    if isinstance(result, AnalysisTimeout):
        return {"error": _timeout_reason(result)}
    return result.to_dict()


def _timeout_reason(error: AnalysisTimeout) -> str:
    """The record's error names no source: the record's source goes beside it."""
    return str(AnalysisTimeout(None, error.seconds))


def _extract_one(
    extractor: Extractor, text: str, source: str | None, timeout: float | None
) -> dict[str, Any]:
    try:
        return extractor.extract(text, source, timeout=timeout).to_dict()
    except AnalysisTimeout as error:
        return {"error": _timeout_reason(error)}
    except Exception as error:  # reported as this record's failure
        return {"error": f"internal error: {type(error).__name__}: {error}"}
