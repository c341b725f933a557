"""The Extractor: batching documents together changes nothing in the results."""

from __future__ import annotations

from quotex.pipeline import Extractor

TEXTS = [
    "Министр иностранных дел России Сергей Лавров заявил: «Мы готовы к переговорам».",
    "",
    "По словам Дмитрия Пескова, Кремль не планирует менять позицию. Об этом сообщает ТАСС.",
    "Короткая строка",
]


def test_extract_many_equals_extract_one_by_one(extractor: Extractor, sample_text: str) -> None:
    texts = [*TEXTS, sample_text]
    sources = [f"doc{i}" for i in range(len(texts))]
    together = extractor.extract_many(texts, sources)
    alone = [extractor.extract(text, source) for text, source in zip(texts, sources, strict=True)]
    assert [d.to_dict() for d in together] == [d.to_dict() for d in alone]
    assert [d.source for d in together] == sources


def test_empty_text_gives_an_empty_document(extractor: Extractor) -> None:
    document = extractor.extract("")
    assert document.to_dict()["quotes"] == [] and document.people == ()


def test_a_person_only_ever_inside_an_organisation_name_is_no_person(extractor: Extractor) -> None:
    document = extractor.extract(
        "Эксперт Карнеги-центра Андрей Колесников заявил, что выборы пройдут спокойно."
    )
    assert [person.name for person in document.people] == ["Андрей Колесников"]
    assert document.quotes[0].speaker.name == "Андрей Колесников"
