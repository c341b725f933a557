"""Filters for people who read the results: one speaker's quotes, or one kind of quote.

``QuoteFilter`` narrows a ``Document`` to the quotes it keeps and recounts the document's speakers from
them; everything else (people, countries, organisations, locations) describes the whole text and stays
as it is, so the JSON contract holds: the same fields, shorter lists.

A speaker is matched by the words of its name, any case, "ё" read as "е": ``Лавров``, ``сергей лавров``
and ``ЛАВРОВ`` all match "Сергей Лавров", and a joint source ("Сергей Лавров и Антони Блинкен") matches
either name. Every word given must be a word of the name; an unnamed speaker ("источник в МИД") is never
matched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Document, Quote, QuoteKind

KINDS = ("direct", "indirect")

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def name_words(name: str) -> frozenset[str]:
    """The words of a name, lower case, "ё" as "е": "Жан-Ив Ле Дриан" -> {"жан-ив", "ле", "дриан"}."""
    return frozenset(_WORD.findall(name.casefold().replace("ё", "е")))


@dataclass(frozen=True)
class QuoteFilter:
    """Which quotes to keep: those of ``speaker`` (a name or part of one), of ``kind``, or both."""

    speaker: str | None = None
    kind: QuoteKind | None = None

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")

    @property
    def active(self) -> bool:
        return self.speaker is not None or self.kind is not None

    def keeps(self, quote: Quote) -> bool:
        """Does the quote pass the filter?"""
        if self.kind is not None and quote.kind != self.kind:
            return False
        if self.speaker is not None:
            wanted = name_words(self.speaker)
            return quote.speaker is not None and bool(wanted) and wanted <= name_words(quote.speaker.name)
        return True

    def apply(self, document: Document) -> Document:
        """The document with only the quotes kept, and its speakers counted again over them."""
        if not self.active:
            return document
        quotes = tuple(quote for quote in document.quotes if self.keeps(quote))
        return replace(document, quotes=quotes, speakers=_speakers(document, quotes))


def _speakers(document: Document, quotes: tuple[Quote, ...]) -> tuple:
    """The document's speakers who still have quotes, with their new counts, most quoted first (ties in
    their old order, which was the order of their first quote)."""
    counts = Counter((q.speaker.name, q.speaker.type, q.speaker.role) for q in quotes if q.speaker)
    kept = [
        replace(summary, quotes=counts[summary.name, summary.type, summary.role])
        for summary in document.speakers
        if counts[summary.name, summary.type, summary.role]
    ]
    return tuple(sorted(kept, key=lambda summary: -summary.quotes))
