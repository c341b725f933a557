"""Countries (with ISO codes) and other places."""

from __future__ import annotations

from natasha import Doc

from ..morph import MorphVocab
from ..records import Country, Entity


def find_places(doc: Doc, vocab: MorphVocab) -> tuple[tuple[Country, ...], tuple[Entity, ...]]:
    """Countries mentioned by name or adjective, and the other locations (cities, regions)."""
    return (), ()
