"""Quotes: direct ones in quotation marks, indirect ones after a speech cue, and who said them."""

from __future__ import annotations

from natasha import Doc

from ..morph import MorphVocab
from ..records import Entity, Person, Quote


def find_quotes(
    doc: Doc, vocab: MorphVocab, people: tuple[Person, ...], organisations: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """Every quote in ``doc`` in text order, each with its speaker where the text tells it."""
    return ()
