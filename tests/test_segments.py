"""Long texts in parts: cuts where no quote crosses, offsets exact in the joined result."""

from __future__ import annotations

from itertools import pairwise

import pytest
from natasha import Doc

from quotex import segments
from quotex.nlp import MAX_SENTENCE_TOKENS, cap_sentences
from quotex.pipeline import Extractor
from strategies import check_document

PARAGRAPH = "Министр Иванов заявил, что переговоры продолжатся. «Мы готовы к диалогу», — сказал он.\n"


def test_parts_cover_the_text_and_end_at_line_breaks_outside_quotes() -> None:
    text = PARAGRAPH * 20 + "«Начало цитаты\n«и её продолжение»\n" + PARAGRAPH * 20
    bounds = segments.parts(text, size=400)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(left[1] == right[0] for left, right in pairwise(bounds))
    assert all(text[end - 1] == "\n" for _, end in bounds[:-1])
    assert all(end - start <= 400 for start, end in bounds)


def test_a_text_without_breaks_is_cut_at_sentence_ends_or_spaces() -> None:
    text = "и министр сказал, что погода хорошая " * 100
    bounds = segments.parts(text, size=500)
    assert all(text[end - 1] == " " for _, end in bounds[:-1])


def test_a_long_text_in_parts_gives_exact_offsets_and_the_same_quotes(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = PARAGRAPH * 12
    whole = extractor.extract(text)
    monkeypatch.setattr(segments, "SEGMENT_CHARS", 300)
    parted = extractor.extract(text)
    check_document(text, parted)
    assert [(q.start, q.end, q.speaker) for q in parted.quotes] == [
        (q.start, q.end, q.speaker) for q in whole.quotes
    ]
    assert [p.name for p in parted.people] == ["Иванов"]


def test_a_sentence_with_no_end_is_cut_for_the_parser(extractor: Extractor) -> None:
    text = "и министр сказал, что погода хорошая, " * 200
    natasha_doc = Doc(text)
    natasha_doc.segment(extractor.models.segmenter)
    sents = cap_sentences(text, natasha_doc.sents)
    assert max(len(sent.tokens) for sent in sents) <= MAX_SENTENCE_TOKENS
    assert [token for sent in sents for token in sent.tokens] == natasha_doc.tokens
    assert all(text[sent.start : sent.stop] == sent.text for sent in sents)
    check_document(text, extractor.extract(text))
