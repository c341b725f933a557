"""A time limit for the analysis of one document, checked by the code that does the work.

``time_limit(seconds, source)`` sets a limit for the code inside the ``with`` block, and ``check()``
raises ``AnalysisTimeout`` once it has passed. The pipeline checks between its stages and between
natasha's batches, the finders once per sentence (or quote, or name), so a limit holds wherever the
analysis runs: in the main thread, in a caller's own thread (each thread, and each asyncio task, has its
own limit: it lives in a context variable), in a worker process, on a Dask worker. No signal and no
second thread is involved, and the exception is raised only at a check, where no cache is half updated.

Code that never reaches a check (one call into natasha's models that does not return) is beyond a
cooperative limit. ``batch`` watches its worker processes for that: ``watch`` tells it when the limit of
the process's work expires, and it ends a worker that runs well past it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .errors import AnalysisTimeout


@dataclass(frozen=True)
class Deadline:
    """A limit of ``seconds`` on the analysis of ``source``, which runs out at ``expires``
    (``time.monotonic()``)."""

    seconds: float
    source: str | None
    expires: float


_current: ContextVar[Deadline | None] = ContextVar("quotex_deadline", default=None)
_watcher: Callable[[float], None] | None = None


def check() -> None:
    """Raise ``AnalysisTimeout`` if the limit set around this code has passed; cheap, call it often."""
    deadline = _current.get()
    if deadline is not None and time.monotonic() > deadline.expires:
        raise AnalysisTimeout(deadline.source, deadline.seconds)


@contextmanager
def time_limit(seconds: float | None, source: str | None = None, *, spent: float = 0.0) -> Iterator[None]:
    """Limit the code inside to ``seconds`` (of which ``spent`` are already gone); ``None`` or 0: no new
    limit. A limit set inside another never outlasts it: the earlier of the two applies."""
    outer = _current.get()
    if not seconds:
        yield
        return
    expires = time.monotonic() + seconds - spent
    if outer is not None and outer.expires <= expires:
        yield
        return
    token = _current.set(Deadline(seconds, source, expires))
    _announce(expires)
    try:
        yield
    finally:
        _current.reset(token)
        _announce(outer.expires if outer is not None else None)


def watch(watcher: Callable[[float], None] | None) -> None:
    """Have ``watcher`` called, in this process, each time a limit starts or ends, with the time at which
    the limit now in force expires (``time.time()``, comparable across processes), or 0 when none is.
    One watcher per process (a worker process sets it); ``None`` removes it."""
    global _watcher
    _watcher = watcher


def _announce(expires: float | None) -> None:
    if _watcher is not None:
        _watcher(0.0 if expires is None else time.time() + expires - time.monotonic())
