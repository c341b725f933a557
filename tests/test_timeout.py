"""A time limit per document: a document made slow on purpose runs past it, the others do not notice."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import quotex
from quotex import batch, cli, deadline, pipeline
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


def write_corpus(root: Path, texts: list[str]) -> list[Path]:
    root.mkdir()
    paths = [root / f"{number:02}.txt" for number in range(1, len(texts) + 1)]
    for path, text in zip(paths, texts, strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def test_command_line_in_process(
    tmp_path: Path, extractor: Extractor, slow_places: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "make_extractor", lambda: extractor)
    paths = write_corpus(tmp_path / "corpus", [FAST[0], SLOW, FAST[1]])
    args = [str(tmp_path / "corpus"), "-f", "jsonl", "-w", "1", "--timeout", "1"]
    result = CliRunner().invoke(cli.app, args)
    assert result.exit_code == 1
    error, closing = result.stderr.splitlines()
    assert error == f"quotex: error: {paths[1]}: analysis took longer than 1 s; skipped"
    assert closing.startswith("quotex: 2 documents, 1 failed, ")
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        str(paths[0]),
        str(paths[2]),
    ]


def test_command_line_timeout_default_and_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[float | None] = []

    def run(jobs: Any, **options: Any) -> Any:
        seen.append(options["timeout"])
        return iter(())

    monkeypatch.setattr(batch, "run", run)
    (tmp_path / "a.txt").write_text(FAST[0], encoding="utf-8")
    for extra in ([], ["--timeout", "0"], ["--timeout", "2.5"]):
        assert CliRunner().invoke(cli.app, [str(tmp_path / "a.txt"), "-w", "1", *extra]).exit_code == 0
    assert seen == [60.0, None, 2.5]


def test_command_line_timeout_must_not_be_negative(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FAST[0], encoding="utf-8")
    result = CliRunner().invoke(cli.app, [str(tmp_path / "a.txt"), "--timeout", "-1"])
    assert result.exit_code == 2
    assert "--timeout" in result.stderr


SLOW_QUOTEX = """
    \"\"\"quotex with documents made slow on purpose, here and in each worker process (a spawned worker
    imports this script again before it starts).\"\"\"
    import time

    from quotex import batch, cli, deadline, pipeline

    batch.CHUNK_DOCUMENTS = 2  # several chunks, so that the workers run
    batch.GRACE = 1.0  # the parent ends a stuck worker one second past its limit
    original = pipeline.find_places


    def find_places(doc, vocab):
        given_up = time.monotonic() + 60
        if "МЕДЛЕННО" in doc.text:  # slow work that checks its limit
            while time.monotonic() < given_up:
                deadline.check()
                time.sleep(0.01)
        if "ЗАВИСЛО" in doc.text:  # stuck where no check is ever reached
            time.sleep(60)
        return original(doc, vocab)


    pipeline.find_places = find_places
    if __name__ == "__main__":
        cli.main()
"""


def test_worker_pool_skips_slow_and_stuck_documents_and_keeps_the_order(tmp_path: Path) -> None:
    """Two worker processes, a document over its limit and one stuck where no check is reached (its
    worker is ended and replaced): the neighbours are written in input order, one error line each."""
    stuck = "Песков сообщил, что ЗАВИСЛО всё."
    texts = [FAST[0], SLOW, FAST[1], FAST[0], stuck, FAST[1], FAST[0]]
    paths = write_corpus(tmp_path / "corpus", texts)
    script = tmp_path / "slow_quotex.py"
    script.write_text(textwrap.dedent(SLOW_QUOTEX), encoding="utf-8")
    command = [sys.executable, str(script), str(tmp_path / "corpus"), "-f", "jsonl", "-w", "2", "-q"]
    completed = subprocess.run(
        [*command, "--timeout", "2"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr.splitlines() == [
        f"quotex: error: {paths[1]}: analysis took longer than 2 s; skipped",
        f"quotex: error: {paths[4]}: analysis took longer than 2 s; skipped",
    ]
    written = [json.loads(line) for line in completed.stdout.splitlines()]
    assert [document["source"] for document in written] == [str(paths[n]) for n in (0, 2, 3, 5, 6)]
    assert [len(document["quotes"]) for document in written] == [1, 1, 1, 1, 1]
