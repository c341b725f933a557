"""Corpus totals: counts over hand-built documents with known answers, and a run on real text."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import pytest

from quotex.inputs import iter_jobs, load
from quotex.pipeline import Extractor
from quotex.records import Country, CountryMention, Document, Entity, Quote, Span, Speaker
from quotex.render.summary import write_summary_json, write_summary_table
from quotex.summary import CorpusSummary

LAVROV = Speaker("Сергей Лавров", "person", "министр иностранных дел России")
LAVROV_SHORT = Speaker("Сергей Лавров", "person", "министр")
LAVROV_BARE = Speaker("Сергей Лавров", "person")
TOKAYEV = Speaker("Касым-Жомарт Токаев", "person", "президент Казахстана")
MFA = Speaker("МИД России", "organisation")


def q(speaker: Speaker | None, kind: str = "direct", description: str | None = None) -> Quote:
    return Quote("Мы готовы к диалогу", 0, 19, kind, speaker=speaker, description=description)  # type: ignore[arg-type]


def mentions(*forms: str) -> tuple[CountryMention, ...]:
    return tuple(CountryMention("Россия", 0, 6, form) for form in forms)  # type: ignore[arg-type]


def entity(name: str, count: int) -> Entity:
    return Entity(name, tuple(Span(name, 0, len(name)) for _ in range(count)))


DOCUMENTS = [
    Document(
        "1.txt",
        "…",
        quotes=(q(LAVROV), q(LAVROV), q(TOKAYEV, "indirect"), q(None, description="источник")),
        countries=(
            Country("Россия", "RU", mentions("name", "adjective", "name")),
            Country("Казахстан", "KZ", mentions("name")),
        ),
        organisations=(entity("ООН", 2), entity("МИД России", 1)),
    ),
    Document(
        "2.txt",
        "…",
        quotes=(q(LAVROV_SHORT), q(MFA, "indirect"), q(LAVROV_SHORT)),
        countries=(Country("Россия", "RU", mentions("adjective")),),
        organisations=(entity("МИД России", 3),),
    ),
    Document(
        "3.txt",
        "Напомним, что саммит пройдёт осенью.",
        quotes=(q(LAVROV_BARE), q(LAVROV)),
        countries=(Country("Казахстан", "KZ", mentions("adjective", "adjective")),),
    ),
    Document("4.txt", "Ничего."),
]

EXPECTED = {
    "version": 1,
    "documents": 4,
    "quotes": 9,
    "speakers": [
        {
            "name": "Сергей Лавров",
            "type": "person",
            "roles": ["министр иностранных дел России", "министр"],
            "quotes": 6,
            "documents": 3,
        },
        {
            "name": "Касым-Жомарт Токаев",
            "type": "person",
            "roles": ["президент Казахстана"],
            "quotes": 1,
            "documents": 1,
        },
        {"name": "МИД России", "type": "organisation", "roles": [], "quotes": 1, "documents": 1},
    ],
    "countries": [
        {
            "code": "RU",
            "name": "Россия",
            "mentions": 4,
            "name_mentions": 2,
            "adjective_mentions": 2,
            "documents": 2,
        },
        {
            "code": "KZ",
            "name": "Казахстан",
            "mentions": 3,
            "name_mentions": 1,
            "adjective_mentions": 2,
            "documents": 2,
        },
    ],
    "organisations": [
        {"name": "МИД России", "mentions": 4, "documents": 2},
        {"name": "ООН", "mentions": 2, "documents": 1},
    ],
}


def summarise(documents: list[Document]) -> CorpusSummary:
    summary = CorpusSummary()
    for document in documents:
        summary.add(document)
    return summary


def test_known_totals() -> None:
    assert summarise(DOCUMENTS).to_dict() == EXPECTED


def test_empty_corpus() -> None:
    assert CorpusSummary().to_dict() == {
        "version": 1, "documents": 0, "quotes": 0, "speakers": [], "countries": [], "organisations": []
    }  # fmt: skip


def test_order_does_not_change_the_result() -> None:
    assert summarise(DOCUMENTS[::-1]).to_dict() == EXPECTED


def test_ties_are_broken_by_documents_then_name() -> None:
    documents = [
        Document("1", "…", organisations=(entity("Роснефть", 2),)),
        Document("2", "…", organisations=(entity("Газпром", 1), entity("ВТБ", 2))),
        Document("3", "…", organisations=(entity("Газпром", 1),)),
    ]
    names = [row["name"] for row in summarise(documents).to_dict()["organisations"]]
    assert names == ["Газпром", "ВТБ", "Роснефть"]


def test_summaries_from_separate_processes_combine() -> None:
    first, second = summarise(DOCUMENTS[:2]), summarise(DOCUMENTS[2:])
    first.update(pickle.loads(pickle.dumps(second)))
    assert first.to_dict() == EXPECTED


def test_json_is_one_readable_object() -> None:
    stream = io.StringIO()
    write_summary_json(EXPECTED, stream)
    assert json.loads(stream.getvalue()) == EXPECTED
    assert "Сергей Лавров" in stream.getvalue()
    assert stream.getvalue().endswith("}\n")


def test_table_shows_totals_and_rows_without_colour() -> None:
    stream = io.StringIO()
    write_summary_table(EXPECTED, stream, colour=False)
    output = stream.getvalue()
    assert output.splitlines()[0] == "4 documents, 9 quotes, 3 speakers, 2 countries, 2 organisations"
    for cell in ("Сергей Лавров", "Касым-Жомарт Токаев", "RU", "Казахстан", "МИД России"):
        assert cell in output
    assert "\x1b[" not in output


def test_table_colour_can_be_forced_and_rows_limited() -> None:
    stream = io.StringIO()
    write_summary_table(EXPECTED, stream, colour=True, top=1)
    output = stream.getvalue()
    assert "\x1b[" in output
    assert "Касым-Жомарт Токаев" not in output
    assert "Top speakers: 2 more not shown" in output


def test_table_of_an_empty_corpus_says_so() -> None:
    stream = io.StringIO()
    write_summary_table(CorpusSummary().to_dict(), stream, colour=False)
    assert "Top speakers: none found" in stream.getvalue()
    assert stream.getvalue().startswith("0 documents, 0 quotes")


ARTICLES = [
    "«Мы готовы продолжить переговоры», — заявил министр иностранных дел России Сергей Лавров.",
    "Сергей Лавров сообщил, что Россия и Казахстан подпишут соглашение.",
    "Напомним, что саммит ООН пройдёт в Астане осенью.",
]


@pytest.fixture(scope="module")
def real_documents(extractor: Extractor) -> list[Document]:
    return [extractor.extract(text, source=f"{number}.txt") for number, text in enumerate(ARTICLES)]


def test_real_text(real_documents: list[Document]) -> None:
    result = summarise(real_documents).to_dict()
    assert result["documents"] == 3
    assert result["quotes"] == sum(len(document.quotes) for document in real_documents)
    speakers = {row["name"]: row for row in result["speakers"]}
    assert speakers["Сергей Лавров"]["documents"] == 2
    assert speakers["Сергей Лавров"]["quotes"] == 2
    assert speakers["Сергей Лавров"]["roles"] == ["министр иностранных дел России"]
    countries = {row["code"]: row for row in result["countries"]}
    assert countries["RU"]["documents"] == 2
    assert countries["KZ"]["name"] == "Казахстан"
    assert "ООН" in {row["name"] for row in result["organisations"]}


def test_folder_of_articles_through_jobs(extractor: Extractor, tmp_path: Path) -> None:
    for number, text in enumerate(ARTICLES):
        path = tmp_path / f"{number % 2}" / f"{number}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("cp1251" if number == 1 else "utf-8"))
    summary = CorpusSummary()
    for job in iter_jobs([str(tmp_path)]):
        document_input = load(job)
        summary.add(extractor.extract(document_input.text, source=document_input.source))
    assert summary.to_dict() == summarise([extractor.extract(text) for text in ARTICLES]).to_dict()
