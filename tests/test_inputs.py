"""Arguments -> jobs: folder walks, globs, standard input, JSON Lines archives, and loading each job."""

from __future__ import annotations

import codecs
import io
import json
import os
import pickle
from pathlib import Path

import pytest

from quotex.errors import InputError
from quotex.inputs import Job, is_listed, iter_jobs, load

ARTICLE = "Президент Казахстана Касым-Жомарт Токаев заявил, что переговоры прошли успешно."
SECOND = "«Мы готовы к диалогу», — сказал министр иностранных дел России Сергей Лавров."
THIRD = "Напомним, что саммит ООН пройдёт в Астане осенью."


def make_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def sources(jobs: list[Job]) -> list[str]:
    return [job.source for job in jobs]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_tree(
        tmp_path / "corpus",
        {
            "b.txt": ARTICLE,
            "a/2.txt": SECOND,
            "a/10.txt": THIRD,
            "a/b/1.txt": ARTICLE,
            "a-b.txt": SECOND,
            ".hidden.txt": ARTICLE,
            ".git/x.txt": ARTICLE,
            "a/.cache/y.txt": ARTICLE,
            "notes.md": THIRD,
            "a/readme.TXT": THIRD,
        },
    )


def test_folder_walk_is_sorted_recursive_and_skips_dotfiles(corpus: Path) -> None:
    jobs = list(iter_jobs([str(corpus)]))
    assert [job.relative for job in jobs] == ["a/10.txt", "a/2.txt", "a/b/1.txt", "a-b.txt", "b.txt"]
    assert [job.index for job in jobs] == [0, 1, 2, 3, 4]
    assert sources(jobs) == [os.path.join(str(corpus), job.relative) for job in jobs]
    assert all(job.path == job.source and job.error is None and job.text is None for job in jobs)


def test_folder_argument_with_trailing_slash_keeps_paths_as_found(corpus: Path, monkeypatch) -> None:
    monkeypatch.chdir(corpus.parent)
    jobs = list(iter_jobs(["corpus/"]))
    assert sources(jobs)[:2] == ["corpus/a/10.txt", "corpus/a/2.txt"]
    assert jobs[0].relative == "a/10.txt"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.txt", ["a-b.txt", "b.txt"]),
        ("**/*.md", ["notes.md"]),
        ("a/*.txt", ["a/10.txt", "a/2.txt"]),
        ("**/b/*.txt", ["a/b/1.txt"]),
        ("**/?.txt", ["a/2.txt", "a/b/1.txt", "b.txt"]),
        ("**/*.[tT][xX][tT]", ["a/10.txt", "a/2.txt", "a/b/1.txt", "a/readme.TXT", "a-b.txt", "b.txt"]),
        ("**/*", ["a/10.txt", "a/2.txt", "a/b/1.txt", "a/readme.TXT", "a-b.txt", "b.txt", "notes.md"]),
    ],
)
def test_folder_pattern(corpus: Path, pattern: str, expected: list[str]) -> None:
    assert [job.relative for job in iter_jobs([str(corpus)], pattern=pattern)] == expected


@pytest.mark.parametrize(
    ("relative", "pattern", "listed"),
    [
        ("a/b/1.txt", "**/*.txt", True),
        ("1.txt", "**/*.txt", True),
        ("a/1.json", "**/*.txt", False),
        ("a/.cache/1.txt", "**/*.txt", False),
        ("a/1.txt", "*.txt", False),
    ],
)
def test_is_listed(relative: str, pattern: str, listed: bool) -> None:
    assert is_listed(relative, pattern) is listed


def test_folder_with_no_matching_file_is_an_error_job(tmp_path: Path) -> None:
    make_tree(tmp_path, {"notes.md": THIRD})
    (job,) = iter_jobs([str(tmp_path)])
    assert job.error is not None and "**/*.txt" in job.error
    assert job.source == str(tmp_path)


def test_glob_argument_expands_sorted_relative_to_its_fixed_part(corpus: Path, monkeypatch) -> None:
    monkeypatch.chdir(corpus.parent)
    jobs = list(iter_jobs(["corpus/**/*.txt"]))
    assert sources(jobs) == [
        "corpus/a/10.txt",
        "corpus/a/2.txt",
        "corpus/a/b/1.txt",
        "corpus/a-b.txt",
        "corpus/b.txt",
    ]
    assert [job.relative for job in jobs] == ["a/10.txt", "a/2.txt", "a/b/1.txt", "a-b.txt", "b.txt"]


def test_glob_matching_nothing_is_an_error_job(tmp_path: Path) -> None:
    (job,) = iter_jobs([str(tmp_path / "*.txt")])
    assert job.error == "no file matches this pattern"


def test_mixed_arguments_keep_argument_order_and_continuous_index(corpus: Path, tmp_path: Path) -> None:
    single = make_tree(tmp_path / "single", {"статья.txt": ARTICLE}) / "статья.txt"
    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        json.dumps({"id": "r1", "text": SECOND}, ensure_ascii=False) + "\n"
        + json.dumps({"id": 7, "text": THIRD}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    missing = str(tmp_path / "нет.txt")
    arguments = [str(single), missing, str(corpus / "a"), str(corpus / "a" / "b" / "*.txt"), str(archive)]
    jobs = list(iter_jobs(arguments))
    assert [job.index for job in jobs] == list(range(len(jobs)))
    assert sources(jobs) == [
        str(single),
        missing,
        str(corpus / "a" / "10.txt"),
        str(corpus / "a" / "2.txt"),
        str(corpus / "a" / "b" / "1.txt"),
        str(corpus / "a" / "b" / "1.txt"),
        "r1",
        "7",
    ]
    assert jobs[0].relative == "статья.txt"
    assert jobs[1].error == "no such file or folder"
    assert [job.relative for job in jobs[6:]] == ["archive/r1", "archive/7"]
    assert [load(job).text for job in jobs if job.error is None] == [
        ARTICLE, THIRD, SECOND, ARTICLE, ARTICLE, SECOND, THIRD
    ]  # fmt: skip


def test_iter_jobs_is_lazy(tmp_path: Path) -> None:
    first = make_tree(tmp_path, {"1.txt": ARTICLE}) / "1.txt"
    jobs = iter_jobs([str(first), str(tmp_path / "later.txt")])
    assert next(jobs).source == str(first)
    (tmp_path / "later.txt").write_text(SECOND, encoding="utf-8")  # created after the first job came
    assert next(jobs).error is None


def write_lines(path: Path, lines: list[str], *, bom: bool = False) -> Path:
    data = "\n".join(lines).encode("utf-8") + b"\n"
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    return path


def record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_json_lines_records(tmp_path: Path) -> None:
    archive = write_lines(
        tmp_path / "news.jsonl",
        [
            record(id="tass-2024/001", content=ARTICLE),
            "",
            "   ",
            record(content=SECOND),
            '{"id": "broken", "content": "Текст без конца',
            record(id=12, body=THIRD),
            record(id="empty", content="  \n "),
            "[1, 2]",
            "[" * 100_000,
            record(id=14, content=THIRD),
        ],
        bom=True,
    )
    jobs = list(iter_jobs([str(archive)], text_field="content"))
    assert [job.index for job in jobs] == list(range(8))
    good = [job for job in jobs if job.error is None]
    assert [(job.source, job.text, job.relative) for job in good] == [
        ("tass-2024/001", ARTICLE, "news/tass-2024_001"),
        (f"{archive}:4", SECOND, "news/line-4"),
        ("14", THIRD, "news/14"),
    ]
    errors = [(job.source, job.error) for job in jobs if job.error is not None]
    assert [source for source, _ in errors] == [str(archive)] * 5
    assert errors[0][1].startswith("line 5: not valid JSON (")
    assert errors[1][1] == "line 6 (id 12): no 'content' string (fields: id, body)"
    assert errors[2][1] == "line 7 (id empty): 'content' is empty"
    assert errors[3][1] == "line 8: not a JSON object"
    assert errors[4][1] == "line 9: not valid JSON (nested too deeply)"
    with pytest.raises(InputError, match=r"news\.jsonl: line 5: not valid JSON"):
        load(jobs[2])


@pytest.mark.parametrize("bom", [False, True])
def test_json_lines_syntax_error_column_counts_characters(tmp_path: Path, bom: bool) -> None:
    """Cyrillic letters take two bytes each in UTF-8 but one column; a BOM before the line takes none."""
    archive = write_lines(tmp_path / "news.jsonl", ['{"text": "абв", "x": ]', record(text=ARTICLE)], bom=bom)
    jobs = list(iter_jobs([str(archive)]))
    assert jobs[0].error == "line 1: not valid JSON (Expecting value, column 22)"
    assert jobs[1].text == ARTICLE


def test_json_lines_custom_id_field_and_crlf(tmp_path: Path) -> None:
    archive = tmp_path / "lenta.ndjson"
    archive.write_bytes(
        (record(guid="a1", text=ARTICLE) + "\r\n" + record(guid="a2", text=SECOND) + "\r\n").encode("utf-8")
    )
    jobs = list(iter_jobs([str(archive)], id_field="guid"))
    assert [(job.source, job.text) for job in jobs] == [("a1", ARTICLE), ("a2", SECOND)]


def test_json_lines_invalid_utf8_line_is_reported_and_the_rest_continue(tmp_path: Path) -> None:
    archive = tmp_path / "old.jsonl"
    archive.write_bytes(
        record(id=1, text=ARTICLE).encode("utf-8") + b"\n"
        + record(id=2, text=SECOND).encode("cp1251") + b"\n"
        + record(id=3, text=THIRD).encode("utf-8") + b"\n"
    )  # fmt: skip
    jobs = list(iter_jobs([str(archive)]))
    assert [job.source for job in jobs] == ["1", str(archive), "3"]
    assert jobs[1].error is not None and jobs[1].error.startswith("line 2: not UTF-8")


def test_empty_json_lines_file_is_an_error_job(tmp_path: Path) -> None:
    archive = write_lines(tmp_path / "empty.jsonl", ["", "  "])
    (job,) = iter_jobs([str(archive)])
    assert job.error is not None and "no JSON Lines records" in job.error


def test_json_lines_inside_a_folder_mirror_under_their_stem(tmp_path: Path) -> None:
    write_lines(
        make_tree(tmp_path, {"2024/x.txt": ARTICLE}) / "2024" / "feed.jsonl", [record(id="n", text=SECOND)]
    )
    jobs = list(iter_jobs([str(tmp_path)], pattern="**/*.*"))
    assert [(job.source, job.relative) for job in jobs] == [
        ("n", "2024/feed/n"),
        (str(tmp_path / "2024" / "x.txt"), "2024/x.txt"),
    ]


def test_stdin_is_read_once_and_decoded(tmp_path: Path) -> None:
    stream = io.BytesIO(ARTICLE.encode("cp1251"))
    jobs = list(iter_jobs(["-", "-"], stdin=stream))
    assert (jobs[0].source, jobs[0].text, jobs[0].relative) == ("<stdin>", ARTICLE, "stdin")
    assert jobs[1].error is not None and "once" in jobs[1].error
    document_input = load(jobs[0])
    assert (document_input.text, document_input.encoding) == (ARTICLE, "cp1251")


def test_empty_stdin_is_an_error_job() -> None:
    (job,) = iter_jobs(["-"], stdin=io.BytesIO(b""))
    assert (job.source, job.error) == ("<stdin>", "empty input")


def test_load_path_job_with_cp1251_file(tmp_path: Path) -> None:
    path = tmp_path / "старый.txt"
    path.write_bytes(SECOND.encode("cp1251"))
    (job,) = iter_jobs([str(path)])
    document_input = load(job)
    assert (document_input.source, document_input.text, document_input.encoding) == (
        str(path),
        SECOND,
        "cp1251",
    )


@pytest.mark.parametrize(
    ("job", "message"),
    [
        (Job(0, "нет.txt", error="no such file or folder"), "нет.txt: no such file or folder"),
        (Job(0, "x.txt", path="/nonexistent/x.txt"), "x.txt: no such file"),
        (Job(0, "r1", text=" \n\t"), "r1: no text, only whitespace"),
    ],
)
def test_load_refuses(job: Job, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load(job)
    assert str(caught.value) == message


def test_load_binary_file_in_a_folder_fails_but_the_walk_goes_on(tmp_path: Path) -> None:
    make_tree(tmp_path, {"1.txt": ARTICLE, "3.txt": THIRD})
    (tmp_path / "2.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    jobs = list(iter_jobs([str(tmp_path)]))
    assert len(jobs) == 3
    results = []
    for job in jobs:
        try:
            results.append(load(job).text)
        except InputError as error:
            results.append(error.reason)
    assert results == [ARTICLE, "binary data (NUL bytes), not text", THIRD]


def test_jobs_are_picklable(tmp_path: Path) -> None:
    job = Job(3, "r1", text=ARTICLE, relative="news/r1")
    assert pickle.loads(pickle.dumps(job)) == job


def test_folder_that_cannot_be_listed_is_an_error_job_in_order(tmp_path: Path, monkeypatch) -> None:
    make_tree(tmp_path, {"a/1.txt": ARTICLE, "c/3.txt": THIRD})
    real_walk = os.walk

    def walk(top, onerror=None, **options):
        onerror(PermissionError(13, "Permission denied", os.path.join(top, "b")))
        yield from real_walk(top, onerror=onerror, **options)

    monkeypatch.setattr(os, "walk", walk)
    jobs = list(iter_jobs([str(tmp_path)]))
    assert [(job.relative, job.error) for job in jobs] == [
        ("a/1.txt", None),
        (None, "cannot list folder: Permission denied"),
        ("c/3.txt", None),
    ]
    assert jobs[1].source == os.path.join(str(tmp_path), "b")
