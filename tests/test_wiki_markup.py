"""Wiki markup ('' and ''') is read past and kept: offsets and texts refer to the text as given."""

from __future__ import annotations

import pytest

from quotex.markup import plain
from quotex.pipeline import Extractor


def test_plain_blanks_runs_of_apostrophes_only() -> None:
    text = "Журнал ''Forbes'' и '''жирный''' текст; О'Нил"
    blanked = plain(text)
    assert len(blanked) == len(text)
    assert blanked == "Журнал   Forbes   и    жирный    текст; О'Нил"
    assert plain("без разметки") == "без разметки"


QUOTES_IN_MARKUP = [
    # a short quote after a colon, set in italics
    (
        "Министр иностранных дел Олег Савельев отметил: ''«Мы готовы к переговорам»''.",
        "Мы готовы к переговорам",
    ),
    # the markup inside the marks is no part of the quote
    ("«''Мы готовы к переговорам''», — сказал Олег Савельев.", "Мы готовы к переговорам"),
    # the trailing cue after the closing markup
    (
        "''«Это никак не повлияло на решение министра»'', — сказал советник Олег Савельев.",
        "Это никак не повлияло",
    ),
]


@pytest.mark.parametrize(("text", "content"), QUOTES_IN_MARKUP)
def test_a_quote_in_wiki_markup_keeps_its_cue_and_speaker(
    extractor: Extractor, text: str, content: str
) -> None:
    document = extractor.extract(text)
    (quote,) = document.quotes
    assert quote.text.startswith(content)
    assert "''" not in quote.text
    assert quote.speaker is not None and quote.speaker.name == "Олег Савельев"
    assert document.text == text
    assert text[quote.start : quote.end] == quote.text
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == quote.cue.text


def test_every_span_refers_to_the_text_as_given(extractor: Extractor) -> None:
    text = (
        "По данным газеты ''The Daily Star'', мэр ''Лондона'' Олег Савельев заявил, что ''новый мост'' "
        "откроют весной."
    )
    document = extractor.extract(text)
    spans = [quote for quote in document.quotes]
    spans += [quote.mention for quote in document.quotes if quote.mention is not None]
    spans += [
        m
        for entity in (*document.people, *document.organisations, *document.locations)
        for m in entity.mentions
    ]
    spans += [m for country in document.countries for m in country.mentions]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert "новый мост" in document.quotes[0].text


def test_names_built_over_markup_have_single_spaces(extractor: Extractor) -> None:
    text = (
        "Группа «Вектор» отменила турне. Об этом в Twitter сообщила промоутерская компания ''Live Nation''."
    )
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Live Nation"
