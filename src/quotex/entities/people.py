"""People: merge PER mentions into one canonical nominative name with the role the text gives."""

from __future__ import annotations

from natasha import Doc

from ..morph import MorphVocab
from ..records import Person


def find_people(doc: Doc, vocab: MorphVocab) -> tuple[Person, ...]:
    """Every person natasha finds, mentions merged, in order of first mention."""
    return ()
