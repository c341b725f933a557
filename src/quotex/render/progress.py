"""The progress bar on stderr during a batch (rich, loaded when shown).

Two stages: "loading models" (a pulsing bar, no count) until the analysis starts, then "analysing" with
documents done, the rate and the time left. A document counts when its analysis ends (reported by
``batch.run`` one at a time, or from worker processes several times a second), not when its result
comes out, which may wait for the documents before it. The rate is honest: documents done over the
seconds since the analysis began, model loading left out, so a burst of documents does not show
thousands of documents a second. The bar never shares the terminal with results: ``paused()`` clears it
(it is transient) while the caller writes a result or a message, then draws it again below what was
written.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from ..i18n import N_, _

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

LOADING = N_("loading models")
ANALYSING = N_("analysing")


class ProgressBar:
    """A two-stage bar for ``total`` documents (``None``: not counted beforehand, no time left shown)."""

    def __init__(self, stream: TextIO, total: int | None) -> None:
        self.total = total
        self.started: float | None = None
        self.done = 0
        self.progress = _new_progress(stream, self)
        self.task: TaskID = self.progress.add_task(_(LOADING), total=None)

    def __enter__(self) -> ProgressBar:
        self.progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.progress.stop()  # transient: the bar is erased and the cursor is back where it began

    def ready(self) -> None:
        """The models are loaded: the analysis, and its clock, start now. Later calls change nothing."""
        if self.started is None:
            self.started = time.monotonic()
            self.progress.update(self.task, description=_(ANALYSING), total=self.total)

    def finished(self, count: int) -> None:
        """``count`` documents done (analysed or failed), as the analysis reports them; a count below
        the last one changes nothing."""
        self.ready()
        if count > self.done:
            self.done = count
            self.progress.update(self.task, completed=self.done)

    def rate(self) -> float | None:
        """Documents a second since the analysis began, once a document is done."""
        if self.started is None or not self.done:
            return None
        return self.done / max(time.monotonic() - self.started, 1e-3)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Erase the bar while the block writes to the terminal; draw it again afterwards."""
        self.progress.stop()
        try:
            yield
        finally:
            self.progress.start()


def _new_progress(stream: TextIO, bar: ProgressBar) -> Progress:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        Task,
        TextColumn,
    )
    from rich.text import Text

    class Count(ProgressColumn):
        """``12/840 1%`` with a total, ``12 docs`` without; nothing while the models load."""

        def render(self, task: Task) -> Text:
            if bar.started is None:
                return Text("")
            if bar.total:
                percent = 100 * bar.done / bar.total
                return Text(f"{bar.done}/{bar.total} {percent:3.0f}%", style="progress.percentage")
            return Text(_("{count} docs").format(count=bar.done), style="progress.percentage")

    class Rate(ProgressColumn):
        """Documents a second and, with a total, the time left at that rate."""

        def render(self, task: Task) -> Text:
            rate = bar.rate()
            if rate is None:
                return Text("")
            text = _("{rate:.1f} docs/s").format(rate=rate)
            if bar.total:
                left = max(bar.total - bar.done, 0) / rate
                text += ", " + _("{time} left").format(time=f"{int(left) // 60}:{int(left) % 60:02d}")
            return Text(text, style="progress.data.speed")

    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        Count(),
        Rate(),
        console=Console(file=stream),
        transient=True,
        redirect_stdout=False,  # results go to the stream quotex was given, written while the bar is paused
        redirect_stderr=False,
    )
