"""Organisations: nominative names, merged mentions, acronyms, names natasha misses."""

from __future__ import annotations

from natasha import Doc

from ..morph import MorphVocab
from ..records import Entity


def find_organisations(doc: Doc, vocab: MorphVocab) -> tuple[Entity, ...]:
    """Every organisation in ``doc``, mentions merged, in order of first mention."""
    return ()
