"""What the family tests of the quote finders share: the quotes found in a text, and a check of them."""

from __future__ import annotations

from quotex.pipeline import Extractor


def quotes_of(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    return [(quote.text, quote.kind) for quote in extractor.extract(text).quotes]


def assert_finds(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    found = quotes_of(extractor, text)
    assert found == expected, f"{text!r}: {found}"
