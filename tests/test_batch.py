"""Many documents from the command line: folders, JSON Lines, workers, faults, output folders, summaries."""

from __future__ import annotations

import csv
import io
import json
import re
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotex import batch, cli
from quotex.inputs import Job, iter_jobs
from quotex.pipeline import Extractor

ARTICLES = {
    "a/1.txt": "Министр иностранных дел России Сергей Лавров заявил, что Москва готова к переговорам.",
    "a/2.txt": "«Мы не отступим», — сказал Алексей Навальный журналистам.",
    "b/3.txt": "По словам Дмитрия Пескова, Кремль не планирует менять позицию.",
    "b/c/4.txt": "В МИД Франции заявили, что Париж поддерживает Украину.",
    "5.txt": "Погода в Москве будет тёплой, сообщили синоптики.",
}
CLOSING = re.compile(r"quotex: (\d+) documents?, (\d+) failed, (\d+) quotes, \d+\.\d s")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / ".hidden.txt").write_text("Скрытый файл: «не читать», — сказал он.", encoding="utf-8")
    (root / "notes.md").write_text("Не текст статьи.", encoding="utf-8")
    return root


@pytest.fixture
def session_extractor(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Extractor:
    monkeypatch.setattr(cli, "make_extractor", lambda: extractor)
    return extractor


def invoke(*args: str, **kwargs: Any) -> Any:
    return CliRunner().invoke(cli.app, list(args), **kwargs)


def sources(stdout: str) -> list[str]:
    return [json.loads(line)["source"] for line in stdout.splitlines()]


def test_folder_is_walked_sorted_without_dotfiles(corpus: Path, session_extractor: Extractor) -> None:
    result = invoke(str(corpus), "-f", "jsonl", "-w", "1")
    assert result.exit_code == 0, result.stderr
    expected = [str(corpus / name) for name in ["5.txt", "a/1.txt", "a/2.txt", "b/3.txt", "b/c/4.txt"]]
    assert sources(result.stdout) == expected
    (closing,) = result.stderr.splitlines()
    assert CLOSING.fullmatch(closing).groups()[:2] == ("5", "0")


def test_glob_option_and_glob_argument(corpus: Path, session_extractor: Extractor) -> None:
    by_option = invoke(str(corpus), "--glob", "a/*.txt", "-f", "jsonl", "-q")
    by_argument = invoke(str(corpus / "b" / "**" / "*.txt"), "-f", "jsonl", "-q")
    assert sources(by_option.stdout) == [str(corpus / "a" / "1.txt"), str(corpus / "a" / "2.txt")]
    assert sources(by_argument.stdout) == [str(corpus / "b" / "3.txt"), str(corpus / "b" / "c" / "4.txt")]


def test_bad_file_in_the_middle_is_reported_and_the_rest_kept(
    corpus: Path, session_extractor: Extractor
) -> None:
    (corpus / "a" / "15.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = invoke(str(corpus), "-f", "jsonl")
    assert result.exit_code == 1
    error, closing = result.stderr.splitlines()
    assert error == f"quotex: error: {corpus / 'a' / '15.txt'}: binary data (NUL bytes), not text"
    assert CLOSING.fullmatch(closing).groups()[:2] == ("5", "1")
    assert len(sources(result.stdout)) == 5


def test_json_lines_input_keeps_ids_and_reports_bad_lines(
    tmp_path: Path, session_extractor: Extractor
) -> None:
    archive = tmp_path / "news.jsonl"
    records = [
        json.dumps({"id": "tass-1", "content": ARTICLES["a/1.txt"]}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": 7, "content": ARTICLES["b/3.txt"]}, ensure_ascii=False),
        json.dumps({"content": ARTICLES["a/2.txt"]}, ensure_ascii=False),
    ]
    archive.write_text("\n".join(records) + "\n", encoding="utf-8")
    result = invoke(str(archive), "--text-field", "content", "-f", "jsonl", "-q")
    assert result.exit_code == 1
    assert sources(result.stdout) == ["tass-1", "7", f"{archive}:4"]
    assert result.stderr.startswith(f"quotex: error: {archive}: line 2: not valid JSON")
    first = json.loads(result.stdout.splitlines()[0])
    assert first["quotes"][0]["speaker"]["name"] == "Сергей Лавров"


def test_output_dir_mirrors_the_tree_and_never_touches_the_inputs(
    corpus: Path, tmp_path: Path, session_extractor: Extractor
) -> None:
    out = tmp_path / "out"
    before = {path: path.read_bytes() for path in corpus.rglob("*") if path.is_file()}
    result = invoke(str(corpus), "-f", "json", "--output-dir", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*") if path.is_file())
    assert written == ["5.json", "a/1.json", "a/2.json", "b/3.json", "b/c/4.json"]
    assert json.loads((out / "a" / "1.json").read_text(encoding="utf-8"))["source"] == str(
        corpus / "a" / "1.txt"
    )
    assert {path: path.read_bytes() for path in corpus.rglob("*") if path.is_file()} == before
    assert result.stdout == ""


def test_output_dir_inside_the_input_folder_does_not_overwrite_inputs(
    corpus: Path, session_extractor: Extractor
) -> None:
    result = invoke(str(corpus / "a"), "-f", "json", "--output-dir", str(corpus / "a"), "--glob", "*", "-q")
    assert result.exit_code == 1
    assert "quotex: error:" in result.stderr
    assert (corpus / "a" / "1.txt").read_text(encoding="utf-8") == ARTICLES["a/1.txt"]


def test_summary_numbers_on_a_small_folder(corpus: Path, session_extractor: Extractor) -> None:
    result = invoke(str(corpus), "--summary", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["documents"] == 5
    speakers = {s["name"]: s["quotes"] for s in summary["speakers"]}
    assert speakers["Сергей Лавров"] == 1 and speakers["Алексей Навальный"] == 1
    assert speakers["Дмитрий Песков"] == 1
    countries = {c["code"]: c["documents"] for c in summary["countries"]}
    assert countries["RU"] == 1 and countries["FR"] == 1 and countries["UA"] == 1


def test_summary_as_tables(corpus: Path, session_extractor: Extractor) -> None:
    result = invoke(str(corpus), "--summary", "-q")
    assert result.exit_code == 0, result.stderr
    assert "Сергей Лавров" in result.stdout and "RU" in result.stdout


def test_csv_one_row_per_quote(corpus: Path, session_extractor: Extractor) -> None:
    result = invoke(str(corpus), "-f", "csv", "-q")
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [row["speaker"] for row in rows if row["speaker"]][:2] == ["Сергей Лавров", "Алексей Навальный"]
    assert all(row["source"].startswith(str(corpus)) for row in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--summary", "-f", "jsonl"], "quotex: error: --summary prints a table or json, not -f jsonl\n"),
        (
            ["--output-dir", "out", "-f", "table"],
            "quotex: error: --output-dir writes json, jsonl or csv files, not -f table\n",
        ),
    ],
)
def test_option_combinations_that_make_no_sense_are_usage_errors(
    corpus: Path, args: list[str], message: str
) -> None:
    result = invoke(str(corpus), *args)
    assert result.exit_code == 2
    assert result.stderr == message


def test_ctrl_c_keeps_finished_output_well_formed(
    corpus: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Interrupted:
        calls = 0

        def extract_each(
            self, texts: list[str], names: list[str | None], *, timeout: float | None = None
        ) -> list[Any]:
            self.calls += 1
            if self.calls > 2:
                raise KeyboardInterrupt
            return extractor.extract_each(texts, names, timeout=timeout)

    monkeypatch.setattr(cli, "make_extractor", Interrupted)
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 1)
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([str(corpus)], "json", out, err, cli.Options(workers=1))
    assert code == cli.INTERRUPTED
    assert len(json.loads(out.getvalue())) == 2  # the array of what was finished is closed
    assert err.getvalue() == "quotex: interrupted after 2 documents\n"


def test_workers_give_exactly_the_output_of_one_process(tmp_path: Path, extractor: Extractor) -> None:
    """Two real worker processes (each loads the models) on more documents than one chunk."""
    root = tmp_path / "many"
    root.mkdir()
    texts = list(ARTICLES.values())
    for number in range(batch.CHUNK_DOCUMENTS + 8):
        (root / f"{number:03}.txt").write_text(texts[number % len(texts)], encoding="utf-8")
    jobs = list(iter_jobs([str(root)]))
    alone = [o.document.to_dict() for o in batch.run(jobs, workers=1, make_extractor=lambda: extractor)]
    events: list[str] = []
    parallel = []
    counts: list[tuple[int, int]] = []  # documents finished, outcomes out by then
    for outcome in batch.run(
        jobs,
        workers=2,
        on_ready=lambda: events.append("ready"),
        on_progress=lambda count: counts.append((count, len(parallel))),
    ):
        events.append("outcome")
        parallel.append(outcome.document.to_dict())
    assert events == ["ready"] + ["outcome"] * len(jobs)  # the progress bar's "loading models" ends once
    finished = [count for count, _ in counts]
    assert finished == sorted(set(finished)) and finished[-1] == len(jobs)  # grows, ends at the number
    assert all(count > out for count, out in counts)  # each document counted before its outcome is out
    unordered = [o.document.to_dict() for o in batch.run(jobs, workers=2, ordered=False)]
    assert parallel == alone
    assert sorted(unordered, key=lambda d: d["source"]) == alone
    assert [d["source"] for d in alone] == [job.source for job in jobs]


def test_in_process_each_document_counts_once_as_its_analysis_ends(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1, 2, 3, ...: one call a document, a job that cannot be read included, each before the outcomes
    of its chunk come out together."""
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 4)
    monkeypatch.setattr(batch, "RAMP", ())
    texts = [*ARTICLES.values(), " "]  # the last one is blank: an error
    jobs = [Job(index, f"doc{index}", text=text) for index, text in enumerate(texts)]
    events: list[int | str] = []
    for outcome in batch.run(jobs, make_extractor=lambda: extractor, on_progress=events.append):
        events.append(outcome.job.source)
    assert [event for event in events if isinstance(event, int)] == [1, 2, 3, 4, 5, 6]
    for position, job in enumerate(jobs, 1):
        assert events.index(position) < events.index(job.source)
    assert events[:5] == [1, 2, 3, 4, "doc0"]  # the first chunk's documents, one by one, then its outcomes


def test_the_first_chunks_ramp_up_and_a_small_input_stays_in_process() -> None:
    jobs = [Job(index, f"doc{index}", text="Текст.") for index in range(100)]
    assert [len(chunk) for chunk in batch._chunks(iter(jobs), 32)] == [1, 2, 4, 8, 16, 32, 32, 5]
    assert [len(chunk) for chunk in batch._chunks(iter(jobs[:5]), 2)] == [1, 2, 2]
    # with two workers the last 64 jobs go in shrinking chunks, so that both finish about together
    chunks = list(batch._chunks(iter(jobs), 32, workers=2))
    assert [job.index for chunk in chunks for job in chunk] == list(range(100))
    assert [len(chunk) for chunk in chunks] == [1, 2, 4, 8, 16, 18, 13, 10, 7, 6, 4, 3, 2, 2, 1, 1, 1, 1]
    sizes: list[int] = []

    class Stub:
        def extract_each(self, texts: list[str], sources: list[str], *, timeout: float | None = None) -> list:
            sizes.append(len(texts))
            return ["x: failed" for _ in texts]

    small = jobs[: batch.CHUNK_DOCUMENTS]  # in several chunks, but no worker process for so few
    assert len(list(batch.run(small, workers=2, make_extractor=Stub))) == len(small)
    assert sizes == [1, 2, 4, 8, 16, 1]


def test_the_workers_count_grows_by_document_and_a_chunk_sent_again_counts_once() -> None:
    """What the parent makes of what its workers tell it: the count of each chunk in flight, the most it
    was ever told (a chunk sent again after its worker died starts again from nothing), all of a chunk
    once its result is in, never more than a chunk holds."""
    told: list[int] = []
    tally = batch._Tally(told.append)
    first, second = (
        batch._Task([Job(index, f"doc{index}") for index in indexes], Future(), generation=1)
        for indexes in (range(0, 4), range(4, 8))
    )
    tally.send(first)
    tally.send(second)
    for key, finished in [(0, 1), (4, 2), (0, 3), (0, 1), (4, 9), (99, 5)]:
        tally.hear(key, finished)
        tally.tell()
    assert told == [1, 3, 5, 7]
    second.future.set_result([])
    tally.tell()
    tally.collect(first)
    tally.collect(second)
    assert told == [1, 3, 5, 7, 8]


@pytest.mark.parametrize("counted", [True, False])
def test_progress_bar_runs_and_leaves_the_data_alone(
    corpus: Path, tmp_path: Path, session_extractor: Extractor, counted: bool
) -> None:
    arguments = [str(corpus)]
    if not counted:  # JSON Lines is not counted beforehand: a bar without a total
        archive = tmp_path / "news.jsonl"
        archive.write_text(
            json.dumps({"id": 1, "text": ARTICLES["a/1.txt"]}, ensure_ascii=False), encoding="utf-8"
        )
        arguments.append(str(archive))
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(arguments, "jsonl", out, err, cli.Options(workers=1, progress=True))
    assert code == 0
    assert len(out.getvalue().splitlines()) == 5 + (not counted)
    assert CLOSING.search(err.getvalue())


def test_a_killed_worker_loses_no_document(tmp_path: Path) -> None:
    """A worker process killed mid-run: a new pool takes over, the lost chunks run again, each once."""
    import multiprocessing
    import os
    import signal

    root = tmp_path / "many"
    root.mkdir()
    texts = list(ARTICLES.values())
    for number in range(40):
        (root / f"{number:03}.txt").write_text(texts[number % len(texts)], encoding="utf-8")
    original = batch.CHUNK_DOCUMENTS
    batch.CHUNK_DOCUMENTS = 2
    try:
        jobs = list(iter_jobs([str(root)]))
        outcomes, killed, counts = [], [], []
        for outcome in batch.run(jobs, workers=2, on_progress=counts.append):
            if len(outcomes) == 2:
                killed.append(multiprocessing.active_children()[0])
                os.kill(killed[0].pid, signal.SIGKILL)
            outcomes.append(outcome)
    finally:
        batch.CHUNK_DOCUMENTS = original
    killed[0].join(5)
    assert killed[0].exitcode == -signal.SIGKILL
    assert [o.job.source for o in outcomes] == [job.source for job in jobs]
    assert all(o.document is not None for o in outcomes), [o.error for o in outcomes if o.error]
    assert counts == sorted(set(counts)) and counts[-1] == len(jobs)  # the chunks run again count once


def test_output_file_never_overwrites_an_input(corpus: Path, session_extractor: Extractor) -> None:
    article = corpus / "a" / "1.txt"
    result = invoke(str(article), "-f", "json", "-o", str(article))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"quotex: error: {article}: is one of the inputs; quotex never writes over its input"
    ]
    assert article.read_text(encoding="utf-8") == ARTICLES["a/1.txt"]


def test_output_file_inside_the_input_folder_is_written_whole(
    corpus: Path, session_extractor: Extractor
) -> None:
    target = corpus / "out.txt"  # matches the folder's pattern: it must not be read while being written
    result = invoke(str(corpus), "-f", "jsonl", "-o", str(target), "-q")
    assert result.exit_code == 0, result.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == 5
    assert not [path for path in corpus.rglob(".*.tmp")]
