"""CSV: header, one row per quote, RFC 4180 quoting, Cyrillic, and an optional byte-order mark."""

from __future__ import annotations

import csv
import io

import pytest

from quotex.pipeline import Extractor
from quotex.records import Document, Quote, Span, Speaker
from quotex.render.csv import COLUMNS, CsvWriter

TEXT = (
    '«Мы не согласны, и это "окончательное" решение», — заявил министр иностранных дел России '
    "Сергей Лавров.\nПо словам источника в правительстве, переговоры продолжатся."
)
HEADER = "source,speaker,speaker_type,role,description,kind,quote,start,end,cue\r\n"


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(needle, start, start + len(needle))


def quote(text: str, content: str, kind: str, **fields: object) -> Quote:
    start = text.index(content)
    return Quote(content, start, start + len(content), kind, **fields)  # type: ignore[arg-type]


DIRECT = quote(
    TEXT,
    'Мы не согласны, и это "окончательное" решение',
    "direct",
    speaker=Speaker("Сергей Лавров", "person", "министр иностранных дел России"),
    mention=span(TEXT, "Сергей Лавров"),
    cue=span(TEXT, "заявил"),
)
UNNAMED = quote(
    TEXT,
    "переговоры продолжатся",
    "indirect",
    description="источник в правительстве",
    cue=span(TEXT, "По словам"),
)
DOCUMENT = Document("новости/1.txt", TEXT, quotes=(DIRECT, UNNAMED))


def written(*documents: Document, bom: bool = False) -> str:
    stream = io.StringIO(newline="")
    writer = CsvWriter(stream, bom=bom)
    for document in documents:
        writer.write(document)
    writer.close()
    return stream.getvalue()


def test_header_and_rows_round_trip_through_csv_reader() -> None:
    output = written(DOCUMENT)
    assert output.startswith(HEADER)
    rows = list(csv.reader(io.StringIO(output, newline="")))
    assert rows[0] == list(COLUMNS)
    assert rows[1:] == [
        [
            "новости/1.txt", "Сергей Лавров", "person", "министр иностранных дел России", "", "direct",
            'Мы не согласны, и это "окончательное" решение', str(DIRECT.start), str(DIRECT.end), "заявил",
        ],
        [
            "новости/1.txt", "", "", "", "источник в правительстве", "indirect",
            "переговоры продолжатся", str(UNNAMED.start), str(UNNAMED.end), "По словам",
        ],
    ]  # fmt: skip
    for row in rows[1:]:
        assert TEXT[int(row[7]) : int(row[8])] == row[6]


@pytest.mark.parametrize(
    ("content", "cell"),
    [
        ("Да, мы готовы", '"Да, мы готовы"'),
        ('Это "провал"', '"Это ""провал"""'),
        ("Первый абзац.\nВторой абзац.", '"Первый абзац.\nВторой абзац."'),
        ("Россия готова к диалогу", "Россия готова к диалогу"),
    ],
    ids=["comma", "quote marks", "line break", "plain"],
)
def test_quoting_is_rfc_4180(content: str, cell: str) -> None:
    text = f"Он сказал: {content}"
    document = Document("a.txt", text, quotes=(quote(text, content, "direct"),))
    line = written(document)[len(HEADER) :]
    start = text.index(content)
    assert line == f"a.txt,,,,,direct,{cell},{start},{start + len(content)},\r\n"


def test_documents_without_quotes_give_no_rows_but_the_header_stays() -> None:
    empty = Document("пусто.txt", "Напомним, что саммит пройдёт в Астане.")
    assert written(empty, empty) == HEADER
    assert written() == HEADER


def test_rows_follow_document_order() -> None:
    other = Document("новости/2.txt", TEXT, quotes=(UNNAMED,))
    sources = [row[0] for row in csv.reader(io.StringIO(written(DOCUMENT, other), newline=""))]
    assert sources == ["source", "новости/1.txt", "новости/1.txt", "новости/2.txt"]


def test_bom_only_when_asked() -> None:
    assert not written(DOCUMENT).startswith("\ufeff")
    with_bom = written(DOCUMENT, bom=True)
    assert with_bom.startswith("\ufeff" + HEADER)
    assert with_bom.count("\ufeff") == 1
    # a reader that decodes with utf-8-sig (as Excel does) sees the same table
    decoded = with_bom.encode("utf-8").decode("utf-8-sig")
    assert decoded == written(DOCUMENT)


def test_real_article(extractor: Extractor, sample_text: str) -> None:
    document = extractor.extract(sample_text, source="samples/aliyev-kazinform-interview.txt")
    rows = list(csv.DictReader(io.StringIO(written(document), newline="")))
    assert len(rows) == len(document.quotes) > 0
    for row, found in zip(rows, document.quotes, strict=True):
        assert sample_text[int(row["start"]) : int(row["end"])] == row["quote"] == found.text
        assert row["speaker"] == (found.speaker.name if found.speaker else "")
    assert "Ильхам Алиев" in {row["speaker"] for row in rows}
