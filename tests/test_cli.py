"""The command line, in process: exit codes, stdout against stderr, formats, inputs that cannot be read."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotex import __version__, batch, cli
from quotex.pipeline import Extractor
from quotex.records import Document
from test_schema import full_document, iter_spans

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "aliyev-kazinform-interview.txt"
RUSSIAN = (
    "«Мы готовы к диалогу», — заявил министр иностранных дел России Сергей Лавров.\r\nОн приехал в Баку."
)
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]")  # SGR foreground colours, not bold or dim
TOP_LEVEL = ["version", "source", "quotes", "speakers", "people", "countries", "organisations", "locations"]


class RecordingExtractor:
    """The session's real Extractor, remembering the texts it was given."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.texts: dict[str | None, str] = {}

    def extract(self, text: str, source: str | None = None, *, timeout: float | None = None) -> Document:
        self.texts[source] = text
        return self.extractor.extract(text, source=source, timeout=timeout)

    def extract_each(
        self, texts: list[str], sources: list[str | None], *, timeout: float | None = None
    ) -> list[Document]:
        return [
            self.extract(text, source, timeout=timeout) for text, source in zip(texts, sources, strict=True)
        ]


@pytest.fixture
def recorder(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> RecordingExtractor:
    recording = RecordingExtractor(extractor)
    monkeypatch.setattr(cli, "make_extractor", lambda: recording)
    return recording


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, **kwargs: Any) -> Any:
    return runner.invoke(cli.app, list(args), **kwargs)


def assert_spans_match(document: dict[str, Any], text: str) -> None:
    for where, span in iter_spans(document):
        assert text[span["start"] : span["end"]] == span["text"], where


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "good": tmp_path / "good.txt",
        "other": tmp_path / "other.txt",
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "binary": tmp_path / "image.png",
        "cp1251": tmp_path / "archive.txt",
    }
    paths["good"].write_bytes(RUSSIAN.encode())
    paths["other"].write_bytes("В Минздраве заявили, что эпидемия пошла на спад.".encode())
    paths["empty"].write_bytes(b"")
    paths["blank"].write_bytes(b"  \r\n\t\n")
    paths["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    paths["cp1251"].write_bytes(RUSSIAN.encode("cp1251"))
    return paths


def test_sample_as_json(runner: CliRunner, recorder: RecordingExtractor) -> None:
    result = invoke(runner, str(SAMPLE), "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert list(document) == TOP_LEVEL
    assert document["version"] == 1
    assert document["source"] == str(SAMPLE)
    assert result.stderr == ""
    text = recorder.texts[str(SAMPLE)]
    assert text == SAMPLE.read_bytes().decode("utf-8")
    assert_spans_match(document, text)


def test_json_keeps_cyrillic_readable(
    runner: CliRunner, recorder: RecordingExtractor, tmp_path: Path
) -> None:
    path = tmp_path / "статья.txt"
    path.write_bytes(RUSSIAN.encode())
    result = invoke(runner, str(path), "-f", "json")
    assert result.exit_code == 0
    assert "статья.txt" in result.stdout
    assert "\\u04" not in result.stdout


def test_stdin_with_cyrillic(runner: CliRunner, recorder: RecordingExtractor) -> None:
    result = invoke(runner, "-f", "json", input=RUSSIAN.encode())
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["source"] == "<stdin>"
    assert recorder.texts["<stdin>"] == RUSSIAN  # \r\n kept: offsets refer to the bytes as sent
    assert_spans_match(document, RUSSIAN)


def test_dash_reads_stdin_among_files(
    runner: CliRunner, recorder: RecordingExtractor, files: dict[str, Path]
) -> None:
    result = invoke(
        runner, str(files["good"]), "-", "-f", "jsonl", input="Сергей Лавров заявил, что Россия готова."
    )
    assert result.exit_code == 0
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(files["good"]), "<stdin>"]


def test_two_files_give_an_array(
    runner: CliRunner, recorder: RecordingExtractor, files: dict[str, Path]
) -> None:
    result = invoke(runner, str(files["good"]), str(files["other"]), "-f", "json")
    assert result.exit_code == 0
    documents = json.loads(result.stdout)
    assert [d["source"] for d in documents] == [str(files["good"]), str(files["other"])]
    assert all(list(d) == TOP_LEVEL for d in documents)


def test_jsonl_gives_one_compact_object_per_line(
    runner: CliRunner, recorder: RecordingExtractor, files: dict[str, Path]
) -> None:
    result = invoke(runner, str(files["good"]), str(files["other"]), "--format", "jsonl")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source"] for line in lines] == [str(files["good"]), str(files["other"])]
    assert all(": " not in line.split('"quotes"')[0] for line in lines)  # compact separators


def test_jsonl_for_one_file_is_one_line(runner: CliRunner, recorder: RecordingExtractor) -> None:
    result = invoke(runner, str(SAMPLE), "-f", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["source"] == str(SAMPLE)


def test_missing_file_among_good_ones(
    runner: CliRunner, recorder: RecordingExtractor, files: dict[str, Path]
) -> None:
    missing = files["good"].parent / "missing.txt"
    result = invoke(runner, str(files["good"]), str(missing), str(files["other"]), "-f", "json")
    assert result.exit_code == 1
    errors, closing = result.stderr.splitlines()
    assert errors == f"quotex: error: {missing}: no such file or folder"
    assert re.fullmatch(r"quotex: 2 documents, 1 failed, \d+ quotes, \d+\.\d s", closing)
    assert [d["source"] for d in json.loads(result.stdout)] == [str(files["good"]), str(files["other"])]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty", "empty input"),
        ("blank", "no text, only whitespace"),
        ("binary", "binary data (NUL bytes), not text"),
        ("directory", "no file matches '**/*.txt' in this folder"),
    ],
)
@pytest.mark.parametrize("format", ["table", "json", "jsonl"])
def test_unreadable_input(
    runner: CliRunner,
    recorder: RecordingExtractor,
    files: dict[str, Path],
    name: str,
    reason: str,
    format: str,
) -> None:
    path = files["good"].parent / "folder without text files" if name == "directory" else files[name]
    if name == "directory":
        path.mkdir()
        (path / "notes.md").write_text("not a .txt", encoding="utf-8")
    result = invoke(runner, str(path), "-f", format)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"quotex: error: {path}: {reason}"]
    assert "Traceback" not in result.output
    many = name == "directory" and format == "json"  # a folder may hold many documents: an array
    assert result.stdout == ("[]\n" if many else "")
    assert recorder.texts == {}


def test_all_inputs_unreadable_gives_an_empty_array(runner: CliRunner, files: dict[str, Path]) -> None:
    result = invoke(runner, str(files["empty"]), str(files["binary"]), "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert len(result.stderr.splitlines()) == 3  # two errors and the closing line
    assert result.stderr.splitlines()[-1].startswith("quotex: 0 documents, 2 failed, 0 quotes")


def test_cp1251_file(runner: CliRunner, recorder: RecordingExtractor, files: dict[str, Path]) -> None:
    path = files["cp1251"]
    result = invoke(runner, str(path), "-f", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"quotex: note: {path}: not UTF-8; decoded as cp1251"]
    assert recorder.texts[str(path)] == RUSSIAN
    assert_spans_match(json.loads(result.stdout), RUSSIAN)


def test_empty_stdin(runner: CliRunner, recorder: RecordingExtractor) -> None:
    result = invoke(runner, "-f", "json", input=b"")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["quotex: error: <stdin>: empty input"]


def test_no_input_at_a_terminal_is_a_usage_error(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_stdin_is_terminal", lambda: True)
    result = invoke(runner)
    assert result.exit_code == 2
    assert "no input" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "bogus", "a.txt"], "-f bogus: choose table, json, jsonl, csv, markup or html"),
        (["--bogus"], "no option --bogus"),
        (["--worker", "2", "a.txt"], "no option --worker (did you mean --workers?)"),
        (["--sumary", "a.txt"], "no option --sumary (did you mean --summary?)"),
        (["-x"], "no option -x"),
        (["--format"], "--format needs a value"),
        (["-w", "0", "a.txt"], "--workers 0: give a whole number, 1 or more"),
        (["-w", "two", "a.txt"], "--workers two: give a whole number, 1 or more"),
        (["--timeout", "-1", "a.txt"], "--timeout -1: give seconds, 0 (no limit) or more"),
        (["--summary", "-f", "csv", "a.txt"], "--summary prints a table or json, not -f csv"),
        (
            ["--output-dir", "out", "-f", "table", "a.txt"],
            "--output-dir writes json, jsonl or csv files, not -f table",
        ),
        (["--output-dir", "out", "-o", "x.json", "a.txt"], "--output-dir goes with neither -o nor --summary"),
    ],
)
def test_usage_errors_are_one_line_in_quotex_voice(runner: CliRunner, args: list[str], message: str) -> None:
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert result.stderr == f"quotex: error: {message}\n"
    assert result.stdout == ""


def test_usage_error_from_the_installed_script() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "quotex", "-f", "bogus", "a.txt"],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )  # fmt: skip
    assert completed.returncode == 2
    assert completed.stderr == "quotex: error: -f bogus: choose table, json, jsonl, csv, markup or html\n"


def test_output_dir_without_format_writes_json(
    runner: CliRunner, full: None, files: dict[str, Path], tmp_path: Path
) -> None:
    result = invoke(runner, str(files["good"]), "--output-dir", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    written = tmp_path / "out" / "good.json"
    assert json.loads(written.read_text(encoding="utf-8"))["source"] == str(files["good"])


def test_help_shows_examples_and_readable_names(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "  quotex corpus/ -f jsonl -o quotes.jsonl" in result.stdout  # kept as written, not rewrapped
    for name in ["-f, --format FORMAT", "-o, --output FILE", "--output-dir DIR", "-w, --workers N"]:
        assert name in result.stdout
    assert "<" not in result.stdout.split("Options:")[1].split("Examples:")[0]  # no <list[str]>, <int range>


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script(shell: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "quotex"],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
        env={**os.environ, "_QUOTEX_COMPLETE": f"source_{shell}"},
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert "_QUOTEX_COMPLETE=complete_" in completed.stdout


@pytest.mark.parametrize(
    ("words", "expected"), [("quotex --wor", ["--workers"]), ("quotex -f js", ["json", "jsonl"])]
)
def test_bash_completes_options_and_formats(words: str, expected: list[str]) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "quotex"],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
        env={**os.environ, "_QUOTEX_COMPLETE": "complete_bash", "COMP_WORDS": words,
             "COMP_CWORD": str(len(words.split()) - 1)},
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == expected


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"quotex {__version__}\n"


def test_help(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    assert "--format" in result.stdout and "Exit status" in result.stdout


def test_output_file(
    runner: CliRunner, recorder: RecordingExtractor, files: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    result = invoke(runner, str(files["good"]), "-f", "jsonl", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["source"] == str(files["good"])


def test_output_file_that_cannot_be_written(
    runner: CliRunner, files: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    result = invoke(runner, str(files["good"]), "-f", "json", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"quotex: error: {target}: cannot write: No such file or directory"]


class FullExtractor:
    """Returns the hand-built document with one of everything, whatever the text."""

    def extract(self, text: str, source: str | None = None, *, timeout: float | None = None) -> Document:
        return full_document(source)


@pytest.fixture
def full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "make_extractor", FullExtractor)


def test_table_shows_every_finding(runner: CliRunner, full: None, files: dict[str, Path]) -> None:
    result = invoke(runner, str(files["good"]), env={"COLUMNS": "160"})
    assert result.exit_code == 0
    out = result.stdout
    assert str(files["good"]) in out.splitlines()[0]
    for title in ["Quotes", "Speakers", "People", "Countries", "Organisations", "Locations"]:
        assert title in out
    for value in [
        "Владимир Путин",
        "президент России",
        "источник в МИД",
        "Мы готовы к диалогу",
        "RU",
        "Баку",
    ]:
        assert value in out
    assert "\x1b[" not in out  # not a terminal: no colour, no styles
    assert result.stderr == ""


def test_table_of_nothing_says_so(
    runner: CliRunner, recorder: RecordingExtractor, files: dict[str, Path]
) -> None:
    result = invoke(runner, str(files["good"]), "-f", "table")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith(str(files["good"]))


@pytest.mark.parametrize(
    ("format", "env", "coloured"),
    [
        ("table", {"FORCE_COLOR": "1"}, True),
        ("table", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ("json", {"FORCE_COLOR": "1"}, False),
        ("jsonl", {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour(
    runner: CliRunner, full: None, files: dict[str, Path], format: str, env: dict[str, str], coloured: bool
) -> None:
    result = invoke(runner, str(files["good"]), "-f", format, env=env)
    assert result.exit_code == 0
    assert bool(COLOUR.search(result.stdout)) is coloured
    if format != "table":
        assert "\x1b" not in result.stdout


def test_json_of_two_documents_equals_json_dumps_of_the_list(
    runner: CliRunner, full: None, files: dict[str, Path]
) -> None:
    result = invoke(runner, str(files["good"]), str(files["other"]), "-f", "json")
    expected = [full_document(str(files[name])).to_dict() for name in ("good", "other")]
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


class ClosedPipe(io.StringIO):
    """A stdout whose reader has gone away after ``lines`` writes."""

    def __init__(self, writes: int = 0) -> None:
        super().__init__()
        self.writes = writes

    def write(self, text: str) -> int:
        if self.writes <= 0:
            raise BrokenPipeError(32, "Broken pipe")
        self.writes -= 1
        return super().write(text)


@pytest.mark.parametrize("format", ["table", "json", "jsonl"])
@pytest.mark.parametrize("writes", [0, 1])
def test_broken_pipe_ends_quietly(
    recorder: RecordingExtractor,
    files: dict[str, Path],
    writes: int,
    format: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 1)  # one document analysed at a time
    err = io.StringIO()
    out = ClosedPipe(writes)
    code = cli.run([str(files["good"]), str(files["other"]), str(files["cp1251"])], format, out, err)
    assert code == 0
    assert "error" not in err.getvalue()
    assert 1 <= len(recorder.texts) <= writes + 1  # stopped at the first failed write


def test_help_does_not_load_natasha_or_rich() -> None:
    script = textwrap.dedent(
        """
        import sys
        from quotex.cli import main
        sys.argv = ["quotex", "--help"]
        try:
            main()
        except SystemExit as exit:
            code = exit.code
        heavy = sorted(set(sys.modules) & {"natasha", "rich", "quotex.nlp", "quotex.pipeline"})
        print("exit", code, "heavy", heavy)
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Usage: quotex" in completed.stdout
    assert completed.stdout.splitlines()[-1] == "exit 0 heavy []"


def test_json_lines_without_the_text_field_is_one_error_with_a_hint_then_a_count(
    runner: CliRunner, full: None, tmp_path: Path
) -> None:
    archive = tmp_path / "news.jsonl"
    records = [{"id": number, "body": "Текст.", "title": "Заголовок"} for number in range(4)]
    archive.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = invoke(runner, str(archive), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f"quotex: error: {archive}: line 1 (id 0): no 'text' string (fields: id, body, title); "
        "choose the article's field with --text-field NAME",
        f"quotex: error: {archive}: 3 more records without a 'text' string",
    ]
    assert result.stderr.splitlines()[2].startswith("quotex: 0 documents, 4 failed, 0 quotes")
