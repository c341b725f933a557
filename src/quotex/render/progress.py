"""The progress bar on stderr during a batch: documents done, rate, time left (rich, loaded when shown)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


@contextmanager
def progress_bar(stream: TextIO, total: int | None) -> Iterator[Callable[[], None]]:
    """Show a bar on ``stream`` while the block runs; the block calls what it is given once a document.

    ``total`` None (JSON Lines, standard input: not counted beforehand) shows a count and a rate without
    a time left. The bar disappears at the end, leaving the terminal to the closing line.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        """Documents per second, once there is a rate to show."""

        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:.1f} docs/s" if task.speed else "", style="progress.data.speed")

    columns: list[ProgressColumn] = [TextColumn("[progress.description]{task.description}"), BarColumn()]
    columns += (
        [MofNCompleteColumn(), TaskProgressColumn()] if total else [TextColumn("{task.completed} docs")]
    )
    columns += [Rate(), TimeRemainingColumn()] if total else [Rate()]
    with Progress(*columns, console=Console(file=stream), transient=True) as progress:
        task = progress.add_task("analysing", total=total)
        yield lambda: progress.advance(task)
