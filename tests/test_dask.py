"""Batches on a Dask cluster: two real worker processes on loopback, started once for this module."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import distributed
import pytest
from typer.testing import CliRunner

import quotex.dask
import quotex.pipeline
from quotex import batch, cli
from quotex.dask import ClusterError, analyse_on_worker, extract_partition, run_on_dask
from quotex.inputs import Job, iter_jobs
from quotex.pipeline import Extractor
from test_timeout import SLOW, crawl_until_stopped

ARTICLES = [
    "Пресс-секретарь президента Дмитрий Песков заявил, что Кремль внимательно следит за ситуацией.",
    "«Мы будем добиваться справедливости», — сказала Мария Захарова на брифинге в Москве.",
    "Глава Минфина Антон Силуанов сообщил, что бюджет исполнен с профицитом.",
    "По словам Владимира Путина, Россия открыта для диалога с Китаем и Индией.",
    "В Берлине прошла встреча министров иностранных дел Германии и Франции.",
    "Синоптики обещают в выходные дожди и похолодание до плюс пяти градусов.",
    "«Переговоры будут трудными», — отметил Сергей Лавров после встречи в Женеве.",
    "Представитель ООН Стефан Дюжаррик призвал стороны соблюдать перемирие.",
]
NO_EXTRA = (
    "quotex: error: --dask needs Dask: pip install 'dask[distributed]' (or '.[dask]' in quotex's folder)\n"
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 2)


@pytest.fixture
def session_extractor(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Extractor:
    """The session's models, for the local runs here and for ``quotex.dask`` called in this process."""
    monkeypatch.setattr(cli, "make_extractor", lambda: extractor)
    monkeypatch.setattr(quotex.dask, "_extractor", extractor)
    return extractor


def write_corpus(root: Path, count: int) -> Path:
    for number in range(count):
        path = root / f"{number // 4}" / f"{number:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLES[number % len(ARTICLES)], encoding="utf-8")
    return root


def run_cli(folder: Path, options: cli.Options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([str(folder)], "jsonl", out, err, options)
    return code, out.getvalue(), err.getvalue()


def test_a_folder_gives_byte_for_byte_the_local_output(
    tmp_path: Path,
    cluster: distributed.LocalCluster,
    session_extractor: Extractor,
    small_chunks: None,
) -> None:
    folder = write_corpus(tmp_path / "corpus", 7)
    local = run_cli(folder, cli.Options(workers=1, quiet=True))
    on_dask = run_cli(folder, cli.Options(dask=cluster.scheduler_address, quiet=True))
    assert local[0] == 0 and len(local[1].splitlines()) == 7
    assert on_dask == local
    code, unordered, _ = run_cli(
        folder, cli.Options(dask=cluster.scheduler_address, ordered=False, quiet=True)
    )
    assert code == 0 and sorted(unordered.splitlines()) == sorted(local[1].splitlines())


def test_each_worker_loads_the_models_once(
    tmp_path: Path, cluster: distributed.LocalCluster, client: distributed.Client
) -> None:
    jobs = list(iter_jobs([str(write_corpus(tmp_path / "corpus", 3))]))
    assert all(outcome.document for outcome in run_on_dask(jobs, cluster.scheduler_address))
    first = client.run(_extractor_id)
    assert len(first) == 2 and all(first.values())
    assert all(outcome.document for outcome in run_on_dask(jobs, cluster.scheduler_address))
    assert client.run(_extractor_id) == first


def _extractor_id() -> int:
    """In a worker: which Extractor this process holds (0 for none yet)."""
    return 0 if quotex.dask._extractor is None else id(quotex.dask._extractor)


def test_a_bad_file_is_reported_and_the_rest_kept(
    tmp_path: Path, cluster: distributed.LocalCluster, small_chunks: None
) -> None:
    folder = write_corpus(tmp_path / "corpus", 5)
    bad = folder / "0" / "002b.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = run_cli(folder, cli.Options(dask=cluster.scheduler_address, quiet=True))
    assert code == 1
    assert err == f"quotex: error: {bad}: binary data (NUL bytes), not text\n"
    assert [json.loads(line)["source"] for line in out.splitlines()] == [
        str(path) for path in sorted(folder.rglob("*.txt")) if path != bad
    ]


def test_a_killed_worker_loses_and_doubles_no_document(
    tmp_path: Path,
    cluster: distributed.LocalCluster,
    client: distributed.Client,
    extractor: Extractor,
    small_chunks: None,
) -> None:
    """A worker is killed (SIGKILL) while it holds a chunk: Dask reruns it elsewhere, and the output
    still has every document once, in order."""
    texts = ["\n\n".join(ARTICLES[number % 3 :: 3]) for number in range(36)]
    root = tmp_path / "corpus"
    root.mkdir()
    for number, text in enumerate(texts):
        (root / f"{number:03}.txt").write_text(text, encoding="utf-8")
    jobs = list(iter_jobs([str(root)]))
    outcomes = run_on_dask(jobs, cluster.scheduler_address)
    received = [next(outcomes)]
    killed: list[tuple[str, list[str]]] = []
    pids = client.run(os.getpid)
    killer = threading.Thread(target=lambda: killed.append(_kill_a_busy_worker(client, pids)))
    killer.start()
    received += list(outcomes)
    killer.join()
    assert [outcome.job.source for outcome in received] == [job.source for job in jobs]
    assert [outcome.error for outcome in received] == [None] * len(jobs)
    assert [outcome.document for outcome in received] == extractor.extract_many(
        texts, [job.source for job in jobs]
    )
    ((victim, keys),) = killed
    assert victim not in client.nthreads()
    lost = [key for key in keys if _rerun_after_losing_its_worker(cluster.scheduler.story(key))]
    assert lost, f"none of {keys} was rerun"
    client.wait_for_workers(2, timeout=60)  # the nanny restarts it, for the tests after this one


def _kill_a_busy_worker(client: distributed.Client, pids: dict[str, int]) -> tuple[str, list[str]]:
    """Kill a worker that has a chunk of the run in hand; its address and those chunks' keys."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        busy = {worker: list(keys) for worker, keys in client.processing().items() if keys}
        if busy:
            victim, keys = next(iter(busy.items()))
            os.kill(pids[victim], signal.SIGKILL)
            return victim, keys
        time.sleep(0.005)
    raise AssertionError("no worker had work in flight")


def _rerun_after_losing_its_worker(story: list[Any]) -> bool:
    """From the scheduler's story of a task (key, start, finish, ...): released while processing or
    held by the worker that went away, and computed again after that."""
    states = [(transition[1], transition[2]) for transition in story]
    lost = [n for n, (start, finish) in enumerate(states) if finish == "released" and start != "waiting"]
    return bool(lost) and ("processing", "memory") in states[lost[0] :]


def test_a_document_over_its_limit_is_skipped(
    tmp_path: Path, cluster: distributed.LocalCluster, client: distributed.Client, small_chunks: None
) -> None:
    """The limit holds in a Dask worker's task thread: one error line, the neighbours in order."""
    folder = write_corpus(tmp_path / "corpus", 5)
    slow = folder / "0" / "002b.txt"
    slow.write_text(SLOW, encoding="utf-8")
    client.run(_slow_down_places)
    try:
        code, out, err = run_cli(folder, cli.Options(dask=cluster.scheduler_address, quiet=True, timeout=2))
    finally:
        client.run(_restore_places)
    assert code == 1
    assert err == f"quotex: error: {slow}: analysis took longer than 2 s; skipped\n"
    assert [json.loads(line)["source"] for line in out.splitlines()] == [
        str(path) for path in sorted(folder.rglob("*.txt")) if path != slow
    ]


def test_extract_partition_with_a_time_limit(
    session_extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quotex.pipeline, "find_places", crawl_until_stopped(quotex.pipeline.find_places))
    records = [{"id": "fast", "text": ARTICLES[0]}, {"id": "slow", "text": SLOW}]
    fast, slow = extract_partition(records, timeout=1)
    assert fast["source"] == "fast" and fast["quotes"]
    assert slow == {"source": "slow", "error": "analysis took longer than 1 s"}


_original_places: list[Any] = []


def _slow_down_places() -> None:
    """In a worker: a text with test_timeout's marker loops in the countries stage until its limit."""
    import quotex.pipeline

    _original_places.append(quotex.pipeline.find_places)
    quotex.pipeline.find_places = crawl_until_stopped(quotex.pipeline.find_places)


def _restore_places() -> None:
    import quotex.pipeline

    quotex.pipeline.find_places = _original_places.pop()


def test_extract_partition_on_a_bag(client: distributed.Client, extractor: Extractor) -> None:
    records = [
        {"id": "tass-1", "content": ARTICLES[0]},
        {"id": 7, "content": ARTICLES[1]},
        {"content": ARTICLES[5]},
        {"id": "empty", "content": "   "},
        {"id": "no-text", "text": ARTICLES[2]},
        ["not", "a", "record"],
        {"id": "tass-2", "content": ARTICLES[6]},
    ]
    bag = db.from_sequence(records, npartitions=3)
    results = bag.map_partitions(extract_partition, text_field="content").compute(scheduler=client)
    expected_documents = {
        0: extractor.extract(ARTICLES[0], "tass-1").to_dict(),
        1: extractor.extract(ARTICLES[1], "7").to_dict(),
        2: extractor.extract(ARTICLES[5]).to_dict(),
        6: extractor.extract(ARTICLES[6], "tass-2").to_dict(),
    }
    assert results == [
        expected_documents[0],
        expected_documents[1],
        expected_documents[2],
        {"source": "empty", "error": "'content' is empty"},
        {"source": "no-text", "error": "no 'content' string"},
        {"source": None, "error": "not a JSON object but list"},
        expected_documents[6],
    ]
    assert results[0]["quotes"][0]["speaker"]["name"] == "Дмитрий Песков"


def test_extract_partition_source_field(session_extractor: Extractor) -> None:
    records = [{"id": 1, "url": "https://example.org/a", "text": ARTICLES[2]}]
    (document,) = extract_partition(records, source_field="url")
    assert document["source"] == "https://example.org/a"
    assert document["quotes"][0]["speaker"]["name"] == "Антон Силуанов"


@pytest.mark.parametrize(
    ("name", "content", "hide_fsspec", "error"),
    [
        ("a.txt", ARTICLES[0].encode("utf-8"), False, None),
        ("cp1251.txt", ARTICLES[2].encode("cp1251"), False, None),
        ("missing.txt", None, False, "no such file"),
        ("empty.txt", b"", False, "empty input"),
        ("a.txt", ARTICLES[0].encode("utf-8"), True, "reading URLs needs fsspec on the workers"),
    ],
)
def test_fsspec_urls_are_read_on_the_worker(
    tmp_path: Path,
    session_extractor: Extractor,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes | None,
    hide_fsspec: bool,
    error: str | None,
) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    if hide_fsspec:
        monkeypatch.setitem(sys.modules, "fsspec", None)
    url = (tmp_path / name).as_uri()
    job = Job(0, url, path=url)
    (outcome,) = analyse_on_worker([job])
    assert outcome.job == job
    if error is None:
        assert outcome.error is None
        text = content.decode("cp1251" if name.startswith("cp1251") else "utf-8")
        assert outcome.document == session_extractor.extract(text, url)
        assert (outcome.note is None) == (not name.startswith("cp1251"))
    else:
        assert outcome.document is None
        assert outcome.error.startswith(f"{url}: {error}")


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli.app, list(args))


def test_dask_without_the_extra_is_a_one_line_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_corpus(tmp_path / "corpus", 1)
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = invoke(str(folder), "--dask", "local", "-f", "jsonl")
    assert result.exit_code == 2
    assert result.stderr == NO_EXTRA
    assert result.stdout == ""


def test_workers_with_a_scheduler_address_is_a_usage_error(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", 1)
    result = invoke(str(folder), "--dask", "tcp://127.0.0.1:1", "--workers", "2")
    assert result.exit_code == 2
    assert result.stderr == (
        "quotex: error: --workers goes with '--dask local' only: a scheduler's cluster has its own workers\n"
    )


def test_an_unreachable_scheduler_is_one_error_line(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", 2)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(ClusterError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:1"):
            list(run_on_dask(iter_jobs([str(folder)]), "tcp://127.0.0.1:1"))
        code, out, err = run_cli(folder, cli.Options(dask="tcp://127.0.0.1:1", quiet=True))
    assert code == 1 and out == ""
    assert err.startswith("quotex: error: cannot reach the Dask scheduler at tcp://127.0.0.1:1: ")
    assert err.count("\n") == 1


def test_an_unreachable_scheduler_gives_up_within_five_seconds() -> None:
    """Without a connect timeout of the user's own in Dask's configuration, quotex waits 5 s, not 30."""
    import time

    from quotex.dask import CONNECT_TIMEOUT, connect_timeout

    assert connect_timeout() == CONNECT_TIMEOUT == 5.0
    with dask.config.set({"distributed.comm.timeouts.connect": "12s"}):
        assert connect_timeout() == 12.0
    started = time.monotonic()
    with pytest.raises(ClusterError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:1"):
        list(run_on_dask([Job(0, "<stdin>", text="Текст.")], "tcp://127.0.0.1:1"))
    assert time.monotonic() - started < CONNECT_TIMEOUT + 3


def test_the_readme_dask_bag_example_runs_as_a_script(tmp_path: Path) -> None:
    """Saved as a file and run, the README's example works: its worker processes import it again."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = next(block for block in readme.split("```python\n")[1:] if "dask.bag" in block).split("```")[0]
    assert 'if __name__ == "__main__":' in example
    (tmp_path / "articles").mkdir()
    record = {"id": "a1", "content": "«Мы готовы к диалогу», — заявил Сергей Лавров."}
    (tmp_path / "articles" / "0.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    script = tmp_path / "example.py"
    script.write_text(
        example.replace("s3://bucket/articles/", str(tmp_path / "articles") + "/").replace(
            "s3://bucket/quotes/", str(tmp_path / "quotes") + "/"
        ),
        encoding="utf-8",
    )
    completed = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    (written,) = (tmp_path / "quotes").glob("*.jsonl")
    result = json.loads(written.read_text(encoding="utf-8"))
    assert result["source"] == "a1"
    assert result["quotes"][0]["speaker"]["name"] == "Сергей Лавров"
