"""A time limit per document: a document made slow on purpose runs past it, the others do not notice."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

import quotex
from quotex import deadline, pipeline
from quotex.errors import AnalysisTimeout
from quotex.pipeline import Extractor

SLOW = "Сергей Лавров заявил, что МЕДЛЕННО всё идёт по плану."
"""The marker word makes the countries stage of this text loop until its limit stops it."""
FAST = [
    "«Мы готовы к переговорам», — сказал министр иностранных дел России Сергей Лавров.",
    "По словам Дмитрия Пескова, Кремль не планирует менять позицию.",
]
MARKER = "МЕДЛЕННО"
NEVER = 30.0
"""Seconds after which a slow stage gives up, so that a broken limit fails the test instead of hanging."""


def crawl_until_stopped(original: Any) -> Any:
    """``find_places`` that, on a text with the marker, does slow work that checks its limit."""

    def find_places(doc: Any, vocab: Any) -> Any:
        if MARKER in doc.text:
            given_up = time.monotonic() + NEVER
            while time.monotonic() < given_up:
                deadline.check()
                time.sleep(0.01)
        return original(doc, vocab)

    return find_places


@pytest.fixture
def slow_places(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "find_places", crawl_until_stopped(pipeline.find_places))


def test_a_slow_document_times_out(extractor: Extractor, slow_places: None) -> None:
    with pytest.raises(AnalysisTimeout) as raised:
        extractor.extract(SLOW, "slow.txt", timeout=0.2)
    assert str(raised.value) == "slow.txt: analysis took longer than 0.2 s"
    assert (raised.value.source, raised.value.seconds) == ("slow.txt", 0.2)


def test_the_documents_around_it_are_analysed_as_usual(extractor: Extractor, slow_places: None) -> None:
    unlimited = extractor.extract_many(FAST, ["a", "b"])  # first, so that no cold cache counts below
    texts = [FAST[0], SLOW, FAST[1]]
    results = extractor.extract_each(texts, ["a", "slow", "b"], timeout=1)
    assert [results[0], results[2]] == unlimited
    assert isinstance(results[1], AnalysisTimeout)
    assert str(results[1]) == "slow: analysis took longer than 1 s"
    with pytest.raises(AnalysisTimeout, match=r"^slow: "):
        extractor.extract_many(texts, ["a", "slow", "b"], timeout=1)


def test_from_a_callers_own_thread(extractor: Extractor, slow_places: None) -> None:
    """No signal is involved: the limit holds in any thread, and belongs to that thread alone."""
    raised: list[BaseException] = []

    def analyse() -> None:
        try:
            extractor.extract(SLOW, "slow.txt", timeout=0.2)
        except AnalysisTimeout as error:
            raised.append(error)

    thread = threading.Thread(target=analyse)
    thread.start()
    unlimited = extractor.extract(FAST[0])  # meanwhile, in this thread, no limit at all
    thread.join(NEVER)
    assert [str(error) for error in raised] == ["slow.txt: analysis took longer than 0.2 s"]
    assert unlimited.quotes


def test_the_public_extract_helper(
    extractor: Extractor, slow_places: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quotex, "_default", extractor)
    with pytest.raises(AnalysisTimeout, match=r"^analysis took longer than 0\.2 s$"):
        quotex.extract(SLOW, timeout=0.2)
    assert quotex.extract(FAST[1], timeout=60).quotes


@pytest.mark.parametrize("timeout", [None, 0])
def test_no_timeout_means_no_limit(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch, timeout: float | None
) -> None:
    finished = []

    def find_places(doc: Any, vocab: Any) -> Any:
        deadline.check()
        time.sleep(0.3)
        deadline.check()
        finished.append(doc.text)
        return ((), ())

    monkeypatch.setattr(pipeline, "find_places", find_places)
    assert extractor.extract(FAST[0], timeout=timeout).quotes
    assert finished == [FAST[0]]


def test_check_outside_any_limit_does_nothing() -> None:
    deadline.check()
    with deadline.time_limit(None):
        deadline.check()


def test_an_inner_limit_never_outlasts_the_outer_one() -> None:
    with deadline.time_limit(0.05, "outer"):
        with deadline.time_limit(60, "inner"):
            time.sleep(0.1)
            with pytest.raises(AnalysisTimeout, match=r"^outer: analysis took longer than 0\.05 s$"):
                deadline.check()
        with deadline.time_limit(0.01, "tighter"), pytest.raises(AnalysisTimeout, match=r"^outer"):
            deadline.check()  # the outer limit has passed already: it is the earlier one


def test_the_watcher_sees_each_limit_start_and_end() -> None:
    seen: list[float] = []
    deadline.watch(seen.append)
    try:
        before = time.time()
        with deadline.time_limit(30, "a.txt"):
            pass
    finally:
        deadline.watch(None)
    assert len(seen) == 2 and before + 29 < seen[0] < time.time() + 31 and seen[1] == 0.0


def test_the_error_survives_pickling() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(AnalysisTimeout("a.txt", 60.0)))
    assert str(error) == "a.txt: analysis took longer than 60 s"
