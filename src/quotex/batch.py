"""Many documents: the Extractor over a stream of jobs, in worker processes, in input order or as they finish.

Memory stays bounded however large the corpus: jobs are drawn lazily from their iterator, a job names a
file that the worker reads itself, and at most a few chunks per worker are in flight. Each worker loads
natasha's models once. A chunk of documents goes through ``Extractor.extract_many`` together, which is
faster than one by one. A job that cannot be read, or a document the analysis fails on, becomes an
``Outcome`` with an error; it never stops the others.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing import get_context
from typing import TYPE_CHECKING

from .errors import QuotexError
from .inputs import Job, load

if TYPE_CHECKING:
    from .pipeline import Extractor
    from .records import Document

CHUNK_DOCUMENTS = 32
"""Documents per task: enough for natasha to batch their sentences well, few enough to keep order cheap."""
CHUNKS_PER_WORKER = 3
"""Tasks in flight per worker: keeps every worker busy while the output waits for the oldest task."""
SINGLE_THREADED = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class Outcome:
    """What became of one job: a document, or an error message naming the input; perhaps a note."""

    job: Job
    document: Document | None = None
    error: str | None = None
    note: str | None = None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyse(jobs: list[Job], extractor: Extractor) -> list[Outcome]:
    """Read and analyse a chunk of jobs together; each job gets its outcome, in order."""
    outcomes: list[Outcome | None] = [None] * len(jobs)
    readable = []
    for position, job in enumerate(jobs):
        try:
            readable.append((position, job, load(job)))
        except QuotexError as error:
            outcomes[position] = Outcome(job, error=str(error))
    texts = [document_input.text for _, _, document_input in readable]
    sources = [job.source for _, job, _ in readable]
    try:
        documents = extractor.extract_many(texts, sources)
    except Exception:  # a bug on one document must not lose the others: retry them one by one
        documents = [
            _extract_one(extractor, text, source) for text, source in zip(texts, sources, strict=True)
        ]
    for (position, job, document_input), document in zip(readable, documents, strict=True):
        if isinstance(document, str):
            outcomes[position] = Outcome(job, error=document)
            continue
        note = None
        if not document_input.is_utf8:
            note = f"{job.source}: not UTF-8; decoded as {document_input.encoding}"
        outcomes[position] = Outcome(job, document, note=note)
    return [outcome for outcome in outcomes if outcome is not None]


def _extract_one(extractor: Extractor, text: str, source: str) -> Document | str:
    try:
        return extractor.extract(text, source)
    except Exception as error:  # reported as this document's failure, with what went wrong
        return f"{source}: internal error: {type(error).__name__}: {error}"


def run(
    jobs: Iterable[Job],
    *,
    workers: int = 1,
    ordered: bool = True,
    make_extractor: Callable[[], Extractor] | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``jobs``: in input order, or as they finish with ``ordered=False``.

    With ``workers`` above 1 the documents go to that many worker processes, unless the input turns
    out to be a single chunk, which is analysed here. ``make_extractor`` builds this process's
    Extractor (the default loads the models); worker processes always build their own.
    """
    chunks = _chunks(iter(jobs), CHUNK_DOCUMENTS)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if workers <= 1 or second is None:
        extractor = (make_extractor or _new_extractor)()
        for chunk in chain([first], [] if second is None else [second], chunks):
            yield from analyse(chunk, extractor)
        return
    yield from _in_workers(chain([first, second], chunks), workers, ordered)


class _Pool:
    """Worker processes that come back when one dies: a killed or crashed worker breaks a
    ``ProcessPoolExecutor`` for good, so a new one takes over and the lost chunks are sent again once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # A spawned worker imports the parent's main module before its initializer runs, and that module
        # may load numpy (with a thread per core); the environment it starts with is what limits numpy.
        for name in SINGLE_THREADED:
            os.environ.setdefault(name, "1")
        return ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"), initializer=_start_worker)

    def submit(self, chunk: list[Job]) -> Future[list[Outcome]]:
        try:
            return self.executor.submit(_work, chunk)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(_work, chunk)

    def outcomes(self, future: Future[list[Outcome]], chunk: list[Job]) -> list[Outcome]:
        """The chunk's outcomes; after a worker's death, those of a second try; then its failures."""
        for attempt in range(2):
            try:
                return future.result()
            except BrokenProcessPool as error:
                failure: Exception = error
                if attempt == 0:
                    future = self.submit(chunk)
            except Exception as error:  # an error in the task itself: retrying would repeat it
                failure = error
                break
        reason = f"worker failed: {type(failure).__name__}: {failure}"
        return [Outcome(job, error=f"{job.source}: {reason}") for job in chunk]

    def stop(self, *, now: bool) -> None:
        if not now:
            self.executor.shutdown(wait=True)
            return
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()


def _in_workers(chunks: Iterator[list[Job]], workers: int, ordered: bool) -> Iterator[Outcome]:
    pool = _Pool(workers)
    window = workers * CHUNKS_PER_WORKER
    pending: deque[tuple[Future[list[Outcome]], list[Job]]] = deque()
    finished = False
    try:
        for chunk in chunks:
            pending.append((pool.submit(chunk), chunk))
            if len(pending) >= window:
                yield from _collect(pool, pending, ordered)
        while pending:
            yield from _collect(pool, pending, ordered)
        finished = True
    finally:  # interrupted (Ctrl-C) or the consumer stopped early: stop the workers now
        pool.stop(now=not finished)


def _collect(
    pool: _Pool, pending: deque[tuple[Future[list[Outcome]], list[Job]]], ordered: bool
) -> Iterator[Outcome]:
    """Outcomes of the oldest task (ordered), or of whichever tasks finish first."""
    if ordered:
        done = [pending.popleft()]
    else:
        finished, _ = wait([future for future, _ in pending], return_when=FIRST_COMPLETED)
        done = [entry for entry in pending if entry[0] in finished]
        for entry in done:
            pending.remove(entry)
    for future, chunk in done:
        yield from pool.outcomes(future, chunk)


def _chunks(jobs: Iterator[Job], size: int) -> Iterator[list[Job]]:
    while chunk := list(islice(jobs, size)):
        yield chunk


def _new_extractor() -> Extractor:
    from .pipeline import Extractor

    return Extractor()


_worker_extractor: Extractor | None = None


def _start_worker() -> None:
    """In each worker process: one thread for numpy (the processes are the parallelism), Ctrl-C left
    to the parent, and the models loaded once."""
    global _worker_extractor
    for name in SINGLE_THREADED:
        os.environ.setdefault(name, "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_extractor = _new_extractor()
    _worker_extractor.models  # noqa: B018 -- load now, not inside the first task


def _work(chunk: list[Job]) -> list[Outcome]:
    assert _worker_extractor is not None, "worker started without _start_worker"
    return analyse(chunk, _worker_extractor)
