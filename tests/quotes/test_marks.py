"""Quotation-mark pairing: pure text, no models."""

from __future__ import annotations

import pytest

from quotex.quotes.marks import find_quoted_spans


def outer(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text) if s.depth == 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Мы готовы», — сказал он.", ["Мы готовы"]),
        ("Он сказал: „Мы готовы“.", ["Мы готовы"]),
        ("Он сказал: “Мы готовы”.", ["Мы готовы"]),
        ('Он сказал: "Мы готовы".', ["Мы готовы"]),
        ('газета "Известия" и "Коммерсантъ"', ["Известия", "Коммерсантъ"]),
        ("«Фильм „Доктор Лиза“ выйдет осенью», — сказал он.", ["Фильм „Доктор Лиза“ выйдет осенью"]),
        ('"Мать "короля поп-музыки" пропала", - сказал он.', ['Мать "короля поп-музыки" пропала']),
        ("Он сказал: «Мы готовы. И точка", ["Мы готовы. И точка"]),
        ("«Первый абзац.\n\n«Второй абзац», — сказал он.", ["Первый абзац.\n\n«Второй абзац"]),
        ("«Первый абзац.\n\nВторой абзац без кавычек.", ["Первый абзац."]),
        ('Одна " лишняя кавычка', []),
        ("Лишняя » закрывающая", []),
        ("", []),
    ],
)
def test_outer_quoted_spans(text: str, expected: list[str]) -> None:
    assert outer(text) == expected


def test_nested_quote_of_another_mark_is_inside() -> None:
    text = "«Слово „внутри“ цитаты»"
    spans = find_quoted_spans(text)
    assert [(s.depth, text[s.start : s.end]) for s in spans] == [(0, "Слово „внутри“ цитаты"), (1, "внутри")]


def test_unclosed_quote_is_marked_unclosed() -> None:
    (span,) = find_quoted_spans("Он сказал: «Мы готовы\nДругой абзац")
    assert not span.closed
    assert span.end == len("Он сказал: «Мы готовы")


def test_covered_spans_grow_and_merge() -> None:
    from quotex.quotes.context import Covered

    covered = Covered([(0, 5), (10, 15)])
    covered.add(4, 11)  # bridges the two
    covered.add(20, 25)
    covered.add(16, 17)
    assert [offset in covered for offset in (0, 14, 15, 16, 17, 22)] == [True, True, False, True, False, True]
    assert covered.touches(17, 19)  # a stretch ends right at 17
    assert not covered.touches(18, 19)


def test_covered_spans_cover_what_lies_inside_one_stretch() -> None:
    from quotex.quotes.context import Covered

    covered = Covered([(0, 50), (5, 8)])  # a mention nested in another
    assert covered.covers(10, 20)
    assert not covered.covers(45, 55)
