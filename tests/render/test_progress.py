"""The progress bar's stages and its rate: documents over the time since the models were ready."""

from __future__ import annotations

import io

from quotex import batch
from quotex.inputs import Job
from quotex.render.progress import ANALYSING, LOADING, ProgressBar


def test_rate_leaves_model_loading_out_and_is_not_fooled_by_a_burst() -> None:
    bar = ProgressBar(io.StringIO(), total=100)
    assert bar.progress.tasks[0].description == LOADING
    assert bar.rate() is None
    bar.ready()
    assert bar.progress.tasks[0].description == ANALYSING
    assert bar.progress.tasks[0].total == 100
    assert bar.started is not None
    bar.started -= 4.0  # four seconds of analysis, then a chunk of 32 documents at once
    bar.finished(32)
    rate = bar.rate()
    assert rate is not None and 7.5 < rate <= 8.0


def test_the_count_never_goes_back() -> None:
    bar = ProgressBar(io.StringIO(), total=10)
    bar.finished(3)
    assert bar.progress.tasks[0].description == ANALYSING  # a count means the analysis has begun
    bar.finished(2)
    assert (bar.done, bar.progress.tasks[0].completed) == (3, 3)
    bar.finished(10)
    assert (bar.done, bar.progress.tasks[0].completed) == (10, 10)


def test_in_process_the_models_load_before_on_ready() -> None:
    events: list[str] = []

    class Stub:
        def __init__(self) -> None:
            events.append("made")

        def load(self) -> None:
            events.append("load")

        def extract_each(self, texts: list[str], sources: list[str], *, timeout: float | None = None) -> list:
            events.append("extract")
            return ["x: failed" for _ in texts]

    jobs = [Job(index, source, text="Текст.") for index, source in enumerate(["<stdin>", "b", "c"])]
    counts: list[int] = []
    ready = lambda: events.append("ready")  # noqa: E731
    outcomes = list(batch.run(jobs, make_extractor=Stub, on_ready=ready, on_progress=counts.append))
    assert events == ["made", "load", "ready", "extract", "extract"]  # chunks of 1 and 2 (batch.RAMP)
    assert [outcome.error for outcome in outcomes] == ["x: failed"] * 3
    assert counts == [1, 3]  # a stand-in that does not tell each document: they count when it returns
