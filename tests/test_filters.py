"""--speaker, --kind and --top: filtered lists, the same JSON contract, in every output format."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from quotex import cli
from quotex.filters import QuoteFilter
from quotex.records import Document, Quote, Speaker, SpeakerSummary
from test_schema import full_document

SCHEMA = json.loads(files("quotex").joinpath("schema.json").read_text(encoding="utf-8"))

JOINT = Speaker(name="Сергей Лавров и Антони Блинкен", type="person")
LAVROV = Speaker(name="Сергей Лавров", type="person", role="министр иностранных дел России")


def document() -> Document:
    """The hand-built document, with a quote of Лавров and one of a joint source added."""
    base = full_document("a.txt")
    first = base.quotes[0]
    extra = (
        replace(first, kind="indirect", speaker=LAVROV, mention=None),
        replace(first, speaker=JOINT, mention=None),
    )
    quotes = (*base.quotes, *extra)
    speakers = (
        *base.speakers,
        SpeakerSummary(LAVROV.name, LAVROV.type, LAVROV.role, 1),
        SpeakerSummary(JOINT.name, JOINT.type, None, 1),
    )
    return replace(base, quotes=quotes, speakers=speakers)


def speakers_of(quotes: tuple[Quote, ...]) -> list[str | None]:
    return [quote.speaker.name if quote.speaker else None for quote in quotes]


@pytest.mark.parametrize(
    ("speaker", "kind", "expected"),
    [
        ("Лавров", None, ["Сергей Лавров", "Сергей Лавров и Антони Блинкен"]),
        ("ЛАВРОВ", None, ["Сергей Лавров", "Сергей Лавров и Антони Блинкен"]),
        ("сергей лавров", None, ["Сергей Лавров", "Сергей Лавров и Антони Блинкен"]),
        ("блинкен", None, ["Сергей Лавров и Антони Блинкен"]),
        ("путин", None, ["Владимир Путин"]),
        ("Лавр", None, []),  # whole words only
        ("источник", None, []),  # an unnamed speaker is no name
        (None, "indirect", [None, "Сергей Лавров"]),
        (None, "direct", ["Владимир Путин", "Сергей Лавров и Антони Блинкен"]),
        ("лавров", "direct", ["Сергей Лавров и Антони Блинкен"]),
    ],
)
def test_filter(speaker: str | None, kind: Any, expected: list[str | None]) -> None:
    filtered = QuoteFilter(speaker, kind).apply(document())
    assert speakers_of(filtered.quotes) == expected
    assert [s.name for s in filtered.speakers] == sorted(
        {name for name in expected if name}, key=[s.name for s in document().speakers].index
    )
    assert all(s.quotes == expected.count(s.name) for s in filtered.speakers)
    assert filtered.people == document().people  # what the text mentions stays as it is
    jsonschema.validate(filtered.to_dict(), SCHEMA)


def test_no_filter_is_the_document_itself() -> None:
    whole = document()
    assert QuoteFilter().apply(whole) is whole


class Extractor:
    def extract_each(self, texts: list[str], sources: list[str], *, timeout: float | None = None) -> list:
        return [replace(document(), source=source) for source in sources]


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(cli, "make_extractor", Extractor)
    path = tmp_path / "a.txt"
    path.write_text("Текст.", encoding="utf-8")
    return str(path)


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli.app, [*args, "-w", "1"], env={"COLUMNS": "200"})


def test_speaker_in_json_keeps_the_contract(article: str) -> None:
    result = invoke(article, "--speaker", "лавров", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert [q["speaker"]["name"] for q in data["quotes"]] == [
        "Сергей Лавров",
        "Сергей Лавров и Антони Блинкен",
    ]
    assert [s["name"] for s in data["speakers"]] == ["Сергей Лавров", "Сергей Лавров и Антони Блинкен"]


@pytest.mark.parametrize("format", ["table", "jsonl", "csv", "markup", "html"])
def test_kind_in_every_format(article: str, format: str) -> None:
    result = invoke(article, "--kind", "indirect", "-f", format)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if format == "jsonl":
        assert [q["kind"] for q in json.loads(out)["quotes"]] == ["indirect", "indirect"]
    elif format == "csv":
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert [row["kind"] for row in rows] == ["indirect", "indirect"]
    assert "Блинкен" not in out  # the joint source's only quote is direct
    assert "Лавров" in out


def test_top_cuts_the_summary_lists(article: str, tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Текст.", encoding="utf-8")
    result = invoke(article, str(other), "--summary", "--top", "1", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [len(data[name]) for name in ("speakers", "countries", "organisations")] == [1, 1, 1]
    assert data["documents"] == 2
    table = invoke(article, str(other), "--summary", "--top", "1")
    assert "Сергей Лавров" not in table.stdout and "Владимир Путин" in table.stdout
    assert "2 more not shown" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "quoted"], "--kind quoted: choose direct or indirect"),
        (["--top", "3"], "--top goes with --summary"),
        (["--summary", "--top", "0"], "--top 0: give a whole number, 1 or more"),
        (["--speaker", "  "], "--speaker '  ': give a name or a surname"),
    ],
)
def test_filter_usage_errors(args: list[str], message: str) -> None:
    result = invoke("a.txt", *args)
    assert result.exit_code == 2
    assert result.stderr == f"quotex: error: {message}\n"
