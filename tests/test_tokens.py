"""quotex's segmentation gives razdel's tokens and natasha's sentences exactly."""

from __future__ import annotations

import pytest
import razdel
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from natasha import Doc, Segmenter

from quotex.tokens import segment, tokenize
from strategies import texts

TRICKY = [
    "",
    "   ",
    "Кто-то пришёл в 12:30, а цена выросла на 3,5% (до 1/2 от прежней)...",
    "что -то, что- то, 1 .5 и 1. 5; С.-Петербург, т.е. пр-т Мира, д. 5",
    "Yahoo! и yahoo !, ;-) :) :-( — смайлы; ΔP и mβж, a_b, 2_3, --, ***",
    "«Мы готовы» ,— сказал он.\n\n— Да?! Нет?!..",
    "\u00a0Он\u2009сказал\u200bчто-то\tи\u2028ушёл.",
]
PIECES = st.sampled_from([*"-—.,/\\_!?:)( «»Δ1аb", "yahoo", "т"])


@pytest.mark.parametrize("text", TRICKY)
def test_tokens_are_razdels(text: str) -> None:
    assert list(tokenize(text)) == [(t.start, t.stop, t.text) for t in razdel.tokenize(text)]


@given(st.lists(PIECES, max_size=40).map("".join) | texts())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_tokens_are_razdels_on_any_text(text: str) -> None:
    assert list(tokenize(text)) == [(t.start, t.stop, t.text) for t in razdel.tokenize(text)]


@pytest.mark.parametrize("text", [*TRICKY, "Он пришёл. Она ушла!\nЗаголовок без точки\nТ. е. всё."])
def test_segment_sets_what_natashas_segment_sets(text: str) -> None:
    ours, theirs = Doc(text), Doc(text)
    segment(ours)
    theirs.segment(Segmenter())
    assert repr(ours.tokens) == repr(theirs.tokens)
    assert repr(ours.sents) == repr(theirs.sents)
    assert [repr(s.tokens) for s in ours.sents] == [repr(s.tokens) for s in theirs.sents]
