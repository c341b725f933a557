"""The families of issue 9 left after the first round, each on invented sentences.

Each case gives a text and the quotes quotex must find in it (content and kind), or none at all.
"""

from __future__ import annotations

import pytest

from quotex.pipeline import Extractor


def quotes_of(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    return [(quote.text, quote.kind) for quote in extractor.extract(text).quotes]


def assert_finds(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    found = quotes_of(extractor, text)
    assert found == expected, f"{text!r}: {found}"


HEADLINES = [
    (
        "СМИ: завод закроют до конца года\nЗавод работает с 1950 года.",
        [("завод закроют до конца года", "indirect")],
    ),
    (
        "Эксперты: инфляция в этом году превысит прогноз\n\nЦентробанк повысил ставку.",
        [("инфляция в этом году превысит прогноз", "indirect")],
    ),
    (
        'Тренер сборной о матче с Ирландией: "Это будет трудная игра"\n\nМатч пройдёт в субботу.',
        [("Это будет трудная игра", "direct")],
    ),
    (
        "Сборная выиграла.\n\n— Министр: реформа образования провалилась\n\nРеформу начали в 2010 году.",
        [("реформа образования провалилась", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES)
def test_a_headline_source_and_content(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


NO_HEADLINE = [
    "Фото: Иван Петров / ТАСС\nЗавод работает с 1950 года.",
    "Завод работает с 1950 года.\n\nИсточник: https://www.example.com/news/2006/plant.html",
    "Завод работает.\n\nМосква: пожар в центре города потушен\n\nПожар начался утром.",
    "Завод работает.\n\n— Политика в области образования\n\nРеформу начали в 2010 году.",
]


@pytest.mark.parametrize("text", NO_HEADLINE)
def test_a_label_a_place_or_a_subheading_is_no_quote(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


DATELINES = [
    ("Интерфакс: По его словам, бюджет будет принят.", [("бюджет будет принят", None)]),
    (
        "АФИ: Министр финансов Олег Смирнов сообщил, что налоги не вырастут.",
        [("налоги не вырастут", "Олег Смирнов")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_an_agency_dateline_is_no_quote_of_the_agency(
    extractor: Extractor, text: str, expected: list[tuple[str, str | None]]
) -> None:
    quotes = extractor.extract(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == expected
