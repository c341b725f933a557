"""Wiki markup in news text: the rules read past it, the result keeps it.

Wikinews articles (and text copied from wikis) keep the markup for italics and bold, two or three
apostrophes: ``Лавров отметил: ''«Мы готовы»''``, ``журнала ''Forbes''``. natasha reads each apostrophe
as a word of its own and the rules see it between a cue and its quotation marks, so the analysis runs on
the text with every such run of apostrophes blanked out, character for character; the offsets stay the
same, and the result is given back the text exactly as it came (``restore``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from .records import Country, Document, Entity, Person, Quote, Span

MARKUP = re.compile(r"''+")
"""Italics (''), bold (''') and both ('''''): a single apostrophe is a letter's ("О'Нил")."""

S = TypeVar("S", bound=Span)


def plain(text: str) -> str:
    """The text with its wiki markup blanked: as long as ``text``, spaces where the apostrophes were."""
    if "''" not in text:
        return text
    return MARKUP.sub(lambda match: " " * len(match.group()), text)


def restore(document: Document, text: str) -> Document:
    """The document found in ``plain(text)``, with ``text`` and every piece of it as ``text`` has it."""
    if document.text == text:
        return document
    return replace(
        document,
        text=text,
        quotes=tuple(_quote(quote, text) for quote in document.quotes),
        people=tuple(_mentioned(person, text) for person in document.people),
        countries=tuple(_mentioned(country, text) for country in document.countries),
        organisations=tuple(_mentioned(entity, text) for entity in document.organisations),
        locations=tuple(_mentioned(entity, text) for entity in document.locations),
    )


def _quote(quote: Quote, text: str) -> Quote:
    return replace(
        quote,
        text=text[quote.start : quote.end],
        mention=_span(quote.mention, text) if quote.mention else None,
        cue=_span(quote.cue, text) if quote.cue else None,
    )


E = TypeVar("E", Person, Country, Entity)


def _mentioned(entity: E, text: str) -> E:
    return replace(entity, mentions=tuple(_span(mention, text) for mention in entity.mentions))


def _span(span: S, text: str) -> S:
    return replace(span, text=text[span.start : span.end])
