"""The document tables a reader uses: whole quotes with their cue, unnamed speakers told apart without
colour, entities most mentioned first; the summary's countries by name and by adjective apart."""

from __future__ import annotations

import io
from dataclasses import replace

from quotex.records import Entity, Quote, Span
from quotex.render.summary import write_summary_table
from quotex.render.table import TableWriter, console_for
from test_schema import full_document

LONG = " ".join(f"слово{number}" for number in range(120)) + " и конец цитаты."


def render(document, width: int = 80) -> str:  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    console = console_for(stream, colour=False)
    console.width = width
    TableWriter(stream, console).write(document)
    return stream.getvalue()


def last_column(output: str, title: str) -> str:
    """The text of a table's last column, its wrapped lines joined."""
    table = output.split("\n" + title, 1)[1].split("└", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("│")]
    return " ".join(line.rstrip().rstrip("│").rsplit("│", 1)[1].strip() for line in rows)


def test_a_long_quote_is_shown_whole_with_its_cue() -> None:
    base = full_document("a.txt")
    quote = replace(base.quotes[0], text=LONG)
    output = render(replace(base, quotes=(quote,)))
    assert last_column(output, "Quotes") == LONG
    assert "…" not in output
    header = next(line for line in output.splitlines() if "speaker" in line)
    assert "cue" in header
    assert "заявил" in output


def test_an_unnamed_speaker_reads_differently_from_a_name_without_colour() -> None:
    output = render(full_document("a.txt"), width=160)
    assert "(unnamed) источник в МИД" in output
    assert "(unnamed) Владимир Путин" not in output and "Владимир Путин" in output
    bare = replace(full_document("a.txt").quotes[1], description=None)
    assert isinstance(bare, Quote)
    assert "(unnamed)" in render(replace(full_document("a.txt"), quotes=(bare,)), width=160)


def test_entities_most_mentioned_first() -> None:
    base = full_document("a.txt")
    mention = Span("МИД", 0, 3)
    organisations = (Entity("Первая", (mention,)), Entity("Вторая", (mention, mention, mention)))
    output = render(replace(base, organisations=organisations), width=160)
    assert output.index("Вторая") < output.index("Первая")


def test_summary_countries_by_name_and_by_adjective() -> None:
    summary = {
        "version": 1,
        "documents": 2,
        "quotes": 0,
        "speakers": [],
        "countries": [
            {
                "code": "RU",
                "name": "Россия",
                "mentions": 7,
                "name_mentions": 4,
                "adjective_mentions": 3,
                "documents": 2,
            },
        ],
        "organisations": [],
    }
    stream = io.StringIO()
    write_summary_table(summary, stream, colour=False)
    lines = stream.getvalue().splitlines()
    header = next(line for line in lines if "code" in line)
    assert [cell.strip() for cell in header.strip("┃").split("┃")] == [
        "code", "name", "mentions", "by name", "by adjective", "documents"
    ]  # fmt: skip
    row = next(line for line in lines if "RU" in line)
    assert [cell.strip() for cell in row.strip("│").split("│")] == ["RU", "Россия", "7", "4", "3", "2"]
