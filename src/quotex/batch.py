"""Many documents: the Extractor over a stream of jobs, in worker processes, in input order or as they finish.

Memory stays bounded however large the corpus: jobs are drawn lazily from their iterator, a job names a
file that the worker reads itself, and at most a few chunks per worker are in flight. Each worker loads
natasha's models once. A chunk of documents goes through ``Extractor.extract_each`` together, which is
faster than one by one. A job that cannot be read, or a document the analysis fails on or that runs past
its time limit, becomes an ``Outcome`` with an error; it never stops the others.

The time limit is checked by the analysis itself (``quotex.deadline``). For code that never reaches a
check, the parent watches its workers: each tells it, through shared memory, which chunk it holds, how
many of its documents it has finished (for a progress bar) and when the limit of its current work
expires, and a worker still busy ``GRACE`` seconds after that is ended. Its chunk goes again one document
per task, the others in flight go again as they were, and a document that stops a worker when it is
alone is reported as over its limit.
"""

from __future__ import annotations

import inspect
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice, repeat
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any

from . import deadline
from .errors import AnalysisTimeout, QuotexError
from .inputs import Job, load

if TYPE_CHECKING:
    from .pipeline import Extractor
    from .records import Document

CHUNK_DOCUMENTS = 32
"""Documents per task: enough for natasha to batch their sentences well, few enough to keep order cheap."""
RAMP = (1, 2, 4, 8, 16)
"""Sizes of the first chunks, before ``CHUNK_DOCUMENTS`` each: the first result comes out after one
document's analysis rather than 32. Smaller chunks are slower per document, but these are few."""
CHUNKS_PER_WORKER = 3
"""Tasks in flight per worker: keeps every worker busy while the output waits for the oldest task."""
SINGLE_THREADED = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
GRACE = 10.0
"""Seconds a worker may go on past the limit of its work before it is ended: the analysis checks the
limit far more often than that (between natasha's batches, once per sentence in the finders), so a
worker this late is stuck where no check is reached."""
WATCH_INTERVAL = 0.1
"""Seconds between two looks at the workers while the parent waits for results: how far a progress bar's
count of the documents they have finished may lag behind them."""


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


def analyse(
    jobs: list[Job],
    extractor: Extractor,
    timeout: float | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> list[Outcome]:
    """Read and analyse a chunk of jobs together, each document within ``timeout`` seconds (``None`` or
    0: no limit); each job gets its outcome, in order.

    ``on_progress`` is called with the number of the chunk's jobs settled so far (unreadable, analysed
    or failed) each time it grows: one job at a time as the extractor reports its documents (see
    ``Extractor.extract_each``), the rest at the end.
    """
    settled = _Settled(on_progress)
    outcomes: list[Outcome | None] = [None] * len(jobs)
    readable = []
    for position, job in enumerate(jobs):
        try:
            readable.append((position, job, load(job)))
        except QuotexError as error:
            outcomes[position] = Outcome(job, error=str(error))
            settled.add(position)
    texts = [document_input.text for _, _, document_input in readable]
    sources = [job.source for _, job, _ in readable]
    reporting: dict[str, Callable[[int], None]] = {}
    if on_progress is not None and _reports_each(extractor):
        reporting["on_each"] = lambda at: settled.add(readable[at][0])
    documents: Sequence[Document | AnalysisTimeout | str]
    try:
        documents = extractor.extract_each(texts, sources, timeout=timeout, **reporting)
    except Exception:  # a bug on one document must not lose the others: retry them one by one
        retried: list[Document | str] = []
        for (position, _, _), text, source in zip(readable, texts, sources, strict=True):
            retried.append(_extract_one(extractor, text, source, timeout))
            settled.add(position)
        documents = retried
    for (position, job, document_input), document in zip(readable, documents, strict=True):
        if isinstance(document, str):
            outcomes[position] = Outcome(job, error=document)
            continue
        if isinstance(document, AnalysisTimeout):
            outcomes[position] = Outcome(job, error=skipped(document))
            continue
        note = None
        if not document_input.is_utf8:
            note = f"{job.source}: not UTF-8; decoded as {document_input.encoding}"
        outcomes[position] = Outcome(job, document, note=note)
    settled.add_all(len(jobs))
    return [outcome for outcome in outcomes if outcome is not None]


@dataclass
class _Settled:
    """The positions of a chunk's jobs whose outcome is known, each counted once (a document analysed
    again after a failure is not counted twice); ``on_progress`` is told their number as it grows."""

    on_progress: Callable[[int], None] | None
    positions: set[int] = field(default_factory=set)

    def add(self, position: int) -> None:
        """The job at ``position`` is settled."""
        if self.on_progress is not None and position not in self.positions:
            self.positions.add(position)
            self.on_progress(len(self.positions))

    def add_all(self, count: int) -> None:
        """Every one of the ``count`` jobs is settled."""
        if self.on_progress is not None and len(self.positions) < count:
            self.positions.update(range(count))
            self.on_progress(count)


def _reports_each(extractor: Extractor) -> bool:
    """Whether the extractor's ``extract_each`` takes ``on_each``: quotex's does; a stand-in written
    before it did may not (or have no ``extract_each``), and its documents then count when its chunk is
    done."""
    try:
        parameters = inspect.signature(extractor.extract_each).parameters.values()
    except (AttributeError, TypeError, ValueError):  # nothing to call, or no signature to read
        return False
    return any(each.name == "on_each" or each.kind is each.VAR_KEYWORD for each in parameters)


def skipped(error: AnalysisTimeout) -> str:
    """The outcome's message for a document over its limit: "a.txt: analysis took longer than 60 s;
    skipped"."""
    return f"{error}; skipped"


def _extract_one(extractor: Extractor, text: str, source: str, timeout: float | None) -> Document | str:
    try:
        return extractor.extract(text, source, timeout=timeout)
    except AnalysisTimeout as error:
        return skipped(error)
    except Exception as error:  # reported as this document's failure, with what went wrong
        return f"{source}: internal error: {type(error).__name__}: {error}"


def run(
    jobs: Iterable[Job],
    *,
    workers: int = 1,
    ordered: bool = True,
    make_extractor: Callable[[], Extractor] | None = None,
    timeout: float | None = None,
    on_ready: Callable[[], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``jobs``: in input order, or as they finish with ``ordered=False``.

    With ``workers`` above 1 the documents go to that many worker processes, unless the input turns
    out to be no more than ``CHUNK_DOCUMENTS`` documents, which are analysed here. ``make_extractor``
    builds this process's Extractor (the default loads the models); worker processes always build their
    own. A document still being analysed after ``timeout`` seconds (``None`` or 0: no limit) is skipped:
    its outcome is an error saying so. In worker processes that holds even where the analysis never
    checks its limit. ``on_ready`` (for a progress bar) is called once, when the models are loaded and
    the analysis starts: here, or in the first worker process that is ready.

    ``on_progress`` (for a progress bar too) is called with the number of documents finished so far
    (analysed or failed) each time it grows, which may be before their outcomes come out in order: here
    document by document, from worker processes as often as the parent looks at them (``WATCH_INTERVAL``).
    The number never goes down and ends at the number of jobs.
    """
    remaining = iter(jobs)
    head = list(islice(remaining, CHUNK_DOCUMENTS + 1))
    if not head:
        return
    stream = chain(head, remaining)
    if workers <= 1 or len(head) <= CHUNK_DOCUMENTS:
        extractor = (make_extractor or _new_extractor)()
        _load(extractor)  # now, so that on_ready means the analysis begins
        if on_ready is not None:
            on_ready()
        yield from _in_process(_chunks(stream, CHUNK_DOCUMENTS), extractor, timeout, on_progress)
        return
    chunks = _chunks(stream, CHUNK_DOCUMENTS, workers)
    yield from _in_workers(chunks, workers, ordered, timeout, on_ready, on_progress)


def _in_process(
    chunks: Iterable[list[Job]],
    extractor: Extractor,
    timeout: float | None,
    on_progress: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    """The chunks' outcomes, analysed here one chunk after the other; ``on_progress`` counts over all."""
    finished = 0
    for chunk in chunks:
        on_chunk = None
        if on_progress is not None:
            on_chunk = partial(_add_to, finished, on_progress)
        yield from analyse(chunk, extractor, timeout, on_chunk)
        finished += len(chunk)


def _add_to(before: int, on_progress: Callable[[int], None], count: int) -> None:
    """A chunk's count told as the run's: after the ``before`` documents of the chunks done."""
    on_progress(before + count)


@dataclass
class _Task:
    """A chunk sent to the workers: its future, which pool (``generation``) took it, and how many of its
    documents a worker has said it finished (the most it said)."""

    chunk: list[Job]
    future: Future[list[Outcome]]
    generation: int
    finished: int = 0

    @property
    def key(self) -> int:
        return self.chunk[0].index

    def settled(self) -> int:
        """Its documents finished: all of them once its result is in."""
        future = self.future
        if future.done() and not future.cancelled() and future.exception() is None:
            return len(self.chunk)
        return self.finished


@dataclass
class _Tally:
    """The number of documents the workers have finished, for ``run``'s ``on_progress``: all those of
    the chunks collected, and of each chunk still out as many as its worker has said. A chunk keeps the
    most it was ever said to have, so one sent again after its worker's death is not counted twice; the
    number told never goes down and ends at the number of documents."""

    on_progress: Callable[[int], None] | None = None
    collected: int = 0
    told: int = 0
    out: dict[int, _Task] = field(default_factory=dict)
    """The chunks sent and not yet collected, by key."""

    def send(self, task: _Task) -> None:
        """The chunk has gone to the workers."""
        if self.on_progress is not None:
            self.out[task.key] = task

    def hear(self, key: int, finished: int) -> None:
        """A worker says it has finished ``finished`` documents of the chunk ``key``."""
        task = self.out.get(key)
        if task is not None:
            task.finished = max(task.finished, min(finished, len(task.chunk)))

    def collect(self, task: _Task) -> None:
        """The chunk's outcomes are in."""
        self.out.pop(task.key, None)
        self.collected += len(task.chunk)
        self.tell()

    def tell(self) -> None:
        """Call ``on_progress`` if the number has grown."""
        if self.on_progress is None:
            return
        count = self.collected + sum(task.settled() for task in self.out.values())
        if count > self.told:
            self.told = count
            self.on_progress(count)


SLOT = 4
"""Numbers per worker in the shared watch list: its pid, the key of its chunk, when its limit expires,
how many documents of the chunk it has finished."""


@dataclass
class _Pool:
    """Worker processes that come back when one dies: a killed or crashed worker breaks a
    ``ProcessPoolExecutor`` for good, so a new one takes over and the lost chunks are sent again. A
    worker still busy ``GRACE`` seconds past the limit of its work is ended here (``watch``)."""

    workers: int
    timeout: float | None = None
    on_ready: Callable[[], None] | None = None
    """Called once, when the first worker has loaded its models."""
    tally: _Tally = field(default_factory=_Tally)
    generation: int = 0
    ended: set[int] = field(default_factory=set)
    """Generations of the pool that ``watch`` ended: their lost chunks go again, whatever their tries."""
    overdue: set[int] = field(default_factory=set)
    """Keys of the chunks whose worker ``watch`` ended."""
    executor: ProcessPoolExecutor = field(init=False)
    slots: Any = field(init=False)
    ready: Any = field(init=False)

    def __post_init__(self) -> None:
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # A spawned worker imports the parent's main module before its initializer runs, and that module
        # may load numpy (with a thread per core); the environment it starts with is what limits numpy.
        for name in SINGLE_THREADED:
            os.environ.setdefault(name, "1")
        context = get_context("spawn")
        # Without a lock: a worker killed while writing its slot must not leave a lock held. A slot
        # is written by its worker alone, one number at a time.
        self.slots = context.RawArray("d", SLOT * self.workers)
        self.ready = context.RawValue("i", 0)
        self.generation += 1
        return ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(self.slots, context.Value("i", 0), self.ready),
        )

    def submit(self, chunk: list[Job]) -> _Task:
        try:
            future = self.executor.submit(_work, chunk, self.timeout)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            future = self.executor.submit(_work, chunk, self.timeout)
        return _Task(chunk, future, self.generation)

    def send(self, chunk: list[Job]) -> _Task:
        """Submit a chunk of the input; its documents count as the workers finish them."""
        task = self.submit(chunk)
        self.tally.send(task)
        return task

    def collect(self, task: _Task) -> list[Outcome]:
        """The outcomes of a chunk ``send`` submitted, its documents counted as finished."""
        outcomes = self.outcomes(task)
        self.tally.collect(task)
        return outcomes

    def outcomes(self, task: _Task) -> list[Outcome]:
        """The chunk's outcomes. After its worker's death it goes again: once after a crash (then its
        documents have failed), every time the worker that ``watch`` ended took it along, and one
        document per task when it held the document over its limit."""
        tries = 1
        while True:
            try:
                return self._result(task.future)
            except BrokenProcessPool as error:
                failure: Exception = error
                if task.key in self.overdue:
                    self.overdue.discard(task.key)
                    return self._one_by_one(task.chunk)
                if task.generation not in self.ended:
                    if tries == 0:
                        break
                    tries -= 1
                task = self.submit(task.chunk)
            except Exception as error:  # an error in the task itself: retrying would repeat it
                failure = error
                break
        reason = f"worker failed: {type(failure).__name__}: {failure}"
        return [Outcome(job, error=f"{job.source}: {reason}") for job in task.chunk]

    def _one_by_one(self, chunk: list[Job]) -> list[Outcome]:
        if len(chunk) == 1:
            (job,) = chunk
            return [Outcome(job, error=skipped(AnalysisTimeout(job.source, self.timeout or 0)))]
        tasks = [self.submit([job]) for job in chunk]
        return [outcome for task in tasks for outcome in self.outcomes(task)]

    def _result(self, future: Future[list[Outcome]]) -> list[Outcome]:
        while not wait([future], timeout=WATCH_INTERVAL).done:
            self.watch()
        self.notify_ready(force=True)
        return future.result()

    def notify_ready(self, *, force: bool = False) -> None:
        """Call ``on_ready`` once a worker has its models (or, with ``force``, a result has come)."""
        if self.on_ready is not None and (force or self.ready.value):
            on_ready, self.on_ready = self.on_ready, None
            on_ready()

    def watch(self) -> None:
        """Count the documents the workers have finished; end the workers still busy ``GRACE`` seconds
        after the limit of their work expired."""
        self.notify_ready()
        self.count()
        if not self.timeout:
            return
        processes = getattr(self.executor, "_processes", None) or {}
        now = time.time()
        for slot in range(self.workers):
            pid, key, expires, _ = self.slots[SLOT * slot : SLOT * slot + SLOT]
            process = processes.get(int(pid))
            if expires and now > expires + GRACE and process is not None and process.is_alive():
                self.overdue.add(int(key))
                self.ended.add(self.generation)
                process.kill()
                self.slots[SLOT * slot + 2] = 0.0

    def count(self) -> None:
        """Tell the tally what each worker says it has finished of its chunk."""
        if self.tally.on_progress is None:
            return
        for slot in range(self.workers):
            key = self.slots[SLOT * slot + 1]  # before the count: a worker resets its count, then the key
            finished = self.slots[SLOT * slot + 3]
            self.tally.hear(int(key), int(finished))
        self.tally.tell()

    def stop(self, *, now: bool) -> None:
        if not now:
            self.executor.shutdown(wait=True)
            return
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()


def _in_workers(
    chunks: Iterator[list[Job]],
    workers: int,
    ordered: bool,
    timeout: float | None,
    on_ready: Callable[[], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    pool = _Pool(workers, timeout, on_ready, _Tally(on_progress))
    window = workers * CHUNKS_PER_WORKER
    pending: deque[_Task] = deque()
    finished = False
    try:
        for chunk in chunks:
            pending.append(pool.send(chunk))
            if len(pending) >= window:
                yield from _collect(pool, pending, ordered)
        while pending:
            yield from _collect(pool, pending, ordered)
        finished = True
    finally:  # interrupted (Ctrl-C) or the consumer stopped early: stop the workers now
        pool.stop(now=not finished)


def _collect(pool: _Pool, pending: deque[_Task], ordered: bool) -> Iterator[Outcome]:
    """Outcomes of the oldest task (ordered), or of whichever tasks finish first."""
    if ordered:
        done = [pending.popleft()]
    else:
        finished: set[Future[list[Outcome]]] = set()
        while not finished:
            finished = wait(
                [task.future for task in pending], timeout=WATCH_INTERVAL, return_when=FIRST_COMPLETED
            ).done
            pool.watch()
        done = [task for task in pending if task.future in finished]
        for task in done:
            pending.remove(task)
    for task in done:
        yield from pool.collect(task)


def _chunks(jobs: Iterator[Job], size: int, workers: int = 1) -> Iterator[list[Job]]:
    """The jobs in chunks: first of the ``RAMP`` sizes below ``size``, then of ``size``. With several
    workers the last ``workers`` × ``size`` jobs go in shrinking chunks, each about a ``2 × workers``-th
    of what is left, so that the workers finish together rather than one of them alone on a last full
    chunk. To see the end coming, the jobs are read that many ahead of the chunk given out (from a slow
    pipe, the first chunk waits for them)."""
    ahead = size * workers if workers > 1 else 0
    waiting: deque[Job] = deque()
    for count in chain([first for first in RAMP if first < size], repeat(size)):
        waiting.extend(islice(jobs, count + ahead - len(waiting)))
        if not waiting:
            return
        if ahead and len(waiting) < count + ahead:  # the jobs have run out
            count = min(count, -(-len(waiting) // (2 * workers)))
        yield [waiting.popleft() for _ in range(min(count, len(waiting)))]


def _load(extractor: Extractor) -> None:
    """Load the extractor's models now (an extractor without a ``load`` has nothing to load)."""
    load = getattr(extractor, "load", None)
    if load is not None:
        load()


def _new_extractor() -> Extractor:
    from .pipeline import Extractor

    return Extractor()


_worker_extractor: Extractor | None = None
_worker_slot: tuple[Any, int] | None = None
"""In a worker process: the parent's watch list and where this worker's numbers are in it."""


def _start_worker(slots: Any, claimed: Any, ready: Any = None) -> None:
    """In each worker process: one thread for numpy (the processes are the parallelism), Ctrl-C left
    to the parent, a slot in the parent's watch list, and the models loaded once."""
    global _worker_extractor, _worker_slot
    for name in SINGLE_THREADED:
        os.environ.setdefault(name, "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with claimed.get_lock():
        at = SLOT * claimed.value
        claimed.value += 1
    if at < len(slots):
        _worker_slot = (slots, at)
        slots[at : at + SLOT] = [os.getpid(), -1, 0.0, 0]
        deadline.watch(_report_expiry)
    _worker_extractor = _new_extractor()
    _load(_worker_extractor)  # now, not inside the first task
    if ready is not None:
        ready.value = 1  # the parent's progress bar moves from loading to analysing


def _report_expiry(expires: float) -> None:
    if _worker_slot is not None:
        slots, at = _worker_slot
        slots[at + 2] = expires


def _report_finished(count: int) -> None:
    if _worker_slot is not None:
        slots, at = _worker_slot
        slots[at + 3] = count


def _work(chunk: list[Job], timeout: float | None = None) -> list[Outcome]:
    assert _worker_extractor is not None, "worker started without _start_worker"
    if _worker_slot is None:
        return analyse(chunk, _worker_extractor, timeout)
    slots, at = _worker_slot
    slots[at + 3] = 0  # before the key: the parent never reads this chunk's key with the last one's count
    slots[at + 1] = chunk[0].index
    return analyse(chunk, _worker_extractor, timeout, _report_finished)
