"""--output-dir: a mirrored tree of result files, written atomically, never over an input."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from quotex.errors import OutputError
from quotex.inputs import iter_jobs
from quotex.records import Document, Quote, Speaker
from quotex.render import outdir
from quotex.render.outdir import OutputDirWriter

TEXT = "«Переговоры прошли успешно», — сказал Касым-Жомарт Токаев."
QUOTE = Quote("Переговоры прошли успешно", 1, 26, "direct", speaker=Speaker("Касым-Жомарт Токаев", "person"))


def document(source: str) -> Document:
    return Document(source, TEXT, quotes=(QUOTE,))


def files_under(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for relative in ("a/1.txt", "a/b/2.txt", "3.txt"):
        path = tmp_path / "corpus" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")
    return tmp_path / "corpus"


def test_mirrors_the_folder_tree(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "nested"
    writer = OutputDirWriter(out, "json", [str(corpus)])
    for job in iter_jobs([str(corpus)]):
        assert job.relative is not None
        target = writer.write(document(job.source), job.relative)
        assert target == out / Path(job.relative).with_suffix(".json")
    writer.close()
    assert files_under(out) == ["3.json", "a/1.json", "a/b/2.json"]
    saved = json.loads((out / "a" / "b" / "2.json").read_text(encoding="utf-8"))
    assert saved["source"] == str(corpus / "a" / "b" / "2.txt")
    assert saved["quotes"][0]["speaker"]["name"] == "Касым-Жомарт Токаев"
    assert "Касым-Жомарт" in (out / "a" / "b" / "2.json").read_text(encoding="utf-8")  # not \u escapes


@pytest.mark.parametrize(
    ("format", "name", "check"),
    [
        ("jsonl", "1.jsonl", lambda text: len(text.splitlines()) == 1 and json.loads(text)["source"] == "x"),
        ("csv", "1.csv", lambda text: next(csv.reader([text.splitlines()[1]]))[1] == "Касым-Жомарт Токаев"),
    ],
)
def test_other_formats(tmp_path: Path, format: str, name: str, check) -> None:
    target = OutputDirWriter(tmp_path, format).write(document("x"), "a/1.txt")
    assert target == tmp_path / "a" / name
    assert check(target.read_text(encoding="utf-8"))


def test_json_lines_ids_and_stdin_get_a_json_suffix(tmp_path: Path) -> None:
    writer = OutputDirWriter(tmp_path, "json")
    assert writer.write(document("2024.01"), "news/2024_01").name == "2024_01.json"
    assert writer.write(document("<stdin>"), "stdin") == tmp_path / "stdin.json"


def test_replaces_an_earlier_result_atomically_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a" / "1.json").write_text("old", encoding="utf-8")
    OutputDirWriter(out, "json").write(document("new"), "a/1.txt")
    assert json.loads((out / "a" / "1.json").read_text(encoding="utf-8"))["source"] == "new"
    assert files_under(out) == ["a/1.json"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"

    def interrupted(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(outdir.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        OutputDirWriter(out, "json").write(document("x"), "a/1.txt")
    assert files_under(out) == []


def test_an_unwritable_target_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot create its folder"):
        OutputDirWriter(tmp_path, "json").write(document("x"), "a/1.txt")


def test_refuses_to_overwrite_an_input_file(tmp_path: Path) -> None:
    source = tmp_path / "1.json"
    source.write_text("{}", encoding="utf-8")
    writer = OutputDirWriter(tmp_path, "json", [str(source)])
    with pytest.raises(OutputError, match="refusing"):
        writer.write(document(str(source)), "1.json")
    assert source.read_text(encoding="utf-8") == "{}"


def test_refuses_a_target_the_folder_pattern_reads_as_input(corpus: Path) -> None:
    (corpus / "a" / "1.json").write_text("{}", encoding="utf-8")
    reading_all = OutputDirWriter(corpus, "json", [str(corpus)], pattern="**/*")
    with pytest.raises(OutputError, match="refusing"):
        reading_all.write(document("x"), "a/1.txt")
    assert (corpus / "a" / "1.json").read_text(encoding="utf-8") == "{}"
    # with the default pattern (*.txt) the .json beside the input is not an input: allowed, also on a rerun
    reading_txt = OutputDirWriter(corpus, "json", [str(corpus)])
    assert reading_txt.write(document("x"), "a/1.txt") == corpus / "a" / "1.json"


def test_refuses_a_target_an_input_glob_matches(corpus: Path, monkeypatch) -> None:
    monkeypatch.chdir(corpus)
    writer = OutputDirWriter(Path("."), "json", ["a/**/*.json"])
    with pytest.raises(OutputError, match="refusing"):
        writer.write(document("x"), "a/b/2.txt")
    assert writer.write(document("x"), "3.txt") == Path("3.json")


def test_refuses_a_second_document_for_the_same_target(tmp_path: Path) -> None:
    writer = OutputDirWriter(tmp_path, "json")
    writer.write(document("a/1.txt"), "a/1.txt")
    with pytest.raises(OutputError, match="already written"):
        writer.write(document("a/1.md"), "a/1.md")
    assert json.loads((tmp_path / "a" / "1.json").read_text(encoding="utf-8"))["source"] == "a/1.txt"


@pytest.mark.parametrize("relative", ["../1.txt", "/etc/1.txt", "a/../../1.txt", ""])
def test_refuses_paths_outside_the_output_folder(tmp_path: Path, relative: str) -> None:
    with pytest.raises(OutputError):
        OutputDirWriter(tmp_path / "out", "json").write(document("x"), relative)
    assert not (tmp_path / "1.json").exists()


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="html"):
        OutputDirWriter(tmp_path, "html")


def test_files_get_the_usual_permissions(tmp_path: Path) -> None:
    target = OutputDirWriter(tmp_path, "json").write(document("x"), "1.txt")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
