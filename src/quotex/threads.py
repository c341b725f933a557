"""How many threads numpy's BLAS may use while quotex runs natasha's models.

numpy's OpenBLAS starts a thread per core. natasha's models multiply small matrices, where those threads
cost far more CPU time in waiting and handing over than they save: on a busy 2-core machine the same
documents took 5 times the CPU time with them. quotex's worker processes set ``OPENBLAS_NUM_THREADS=1``
before numpy loads; a library caller's process has numpy loaded already, so ``Extractor`` limits the
threads around its own calls with threadpoolctl and puts the caller's setting back afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import ThreadpoolController

_lock = threading.Lock()
_controller: ThreadpoolController | None = None
_limiter = None
_holders = 0
"""Calls inside ``limited`` right now, in any thread: the first sets the limit, the last lifts it."""


@contextmanager
def limited(threads: int | None) -> Iterator[None]:
    """numpy's BLAS (and any OpenMP pool loaded) on at most ``threads`` threads inside the block;
    ``None`` leaves them as they are. Calls from several threads at once share one limit: the first
    sets it and the last puts the previous setting back, so overlapping calls never leave it changed."""
    if threads is None:
        yield
        return
    global _controller, _limiter, _holders
    with _lock:
        if _holders == 0:
            if _controller is None:
                _controller = ThreadpoolController()  # finds the loaded libraries: once a process
            _limiter = _controller.limit(limits=threads)
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _limiter is not None:
                _limiter.restore_original_limits()
                _limiter = None
