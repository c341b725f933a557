"""Long texts in parts: where to cut a text so that no quote crosses a cut, and one result from the parts.

A news article is a few thousand characters; a transcript, a live blog or a day's feed in one file may be
megabytes. natasha's models and the document-wide steps (merging a person's mentions, finding who "он"
is) cost memory and time with the length of what they see at once, so a text longer than
``SEGMENT_CHARS`` is analysed in parts of at most that size, one after the other, and the results joined
with every offset referring to the whole text. No text of ordinary length is cut.

A part ends, by preference, at a line break outside any quotation (and not after a line that ends with a
colon, which introduces the next); else at a sentence end outside quotation; else at a space outside
quotation; only a text with none of these in the last half of a part (one quotation of a megabyte) is cut
elsewhere. What is lost at a cut is the reference back across it ("Он сказал" right after a cut does not
find the person named before it); people, organisations, countries and locations found in several parts
are merged by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from .quotes.context import Covered
from .quotes.marks import find_quoted_spans
from .records import Document, Person, Quote, SpeakerSummary

SEGMENT_CHARS = 100_000
SENTENCE_END = re.compile(r"[.!?…][»”\"')]*\s+")


def _quoted(text: str) -> Covered:
    """The stretches of text inside quotation marks (outermost quotes, marks included)."""
    return Covered((span.open_at, span.outer_end) for span in find_quoted_spans(text) if not span.depth)


def _cut_inside(quoted: Covered, cut: int) -> bool:
    """Is a cut before ``cut`` inside a quotation?"""
    return cut - 1 in quoted


def parts(text: str, size: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive parts that make up ``text``; one part when it is not over ``size``."""
    if len(text) <= size:
        return [(0, len(text))]
    quoted = _quoted(text)
    bounds, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size, quoted)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, low: int, high: int, quoted: Covered) -> int:
    """The best offset in ``(low, high]`` to end a part at."""
    at = high
    while (at := text.rfind("\n", low, at)) >= 0:  # a line break outside quotation
        if not _cut_inside(quoted, at + 1) and not _after_colon(text, low, at):
            return at + 1
    ends = [match.end() for match in SENTENCE_END.finditer(text, low, high)]
    for end in reversed(ends):
        if not _cut_inside(quoted, end):
            return end
    spaces = [index + 1 for index in range(high - 1, low, -1) if text[index].isspace()]
    for end in spaces:
        if not _cut_inside(quoted, end):
            return end
    return spaces[0] if spaces else high


def _after_colon(text: str, low: int, at: int) -> bool:
    """Does the line before the line break at ``at`` end with a colon (spaces aside, within a little)?"""
    for index in range(at - 1, max(low, at - 200) - 1, -1):
        if not text[index].isspace():
            return text[index] == ":"
    return False


def shift(document: Document, offset: int) -> Document:
    """The result for a part, with offsets moved to where the part starts in the whole text."""
    if not offset:
        return document

    def moved(span):
        return None if span is None else replace(span, start=span.start + offset, end=span.end + offset)

    def entities(found: Iterable):
        return tuple(replace(entity, mentions=tuple(moved(m) for m in entity.mentions)) for entity in found)

    quotes = tuple(
        replace(
            quote,
            start=quote.start + offset,
            end=quote.end + offset,
            mention=moved(quote.mention),
            cue=moved(quote.cue),
        )
        for quote in document.quotes
    )
    return replace(
        document,
        quotes=quotes,
        people=entities(document.people),
        countries=entities(document.countries),
        organisations=entities(document.organisations),
        locations=entities(document.locations),
    )


def join(
    source: str | None,
    text: str,
    documents: list[Document],
    summarise: Callable[[tuple[Quote, ...]], tuple[SpeakerSummary, ...]],
) -> Document:
    """One result for the whole text from the results of its parts (already ``shift``-ed)."""
    people = {person.name: person for person in _merged(p for d in documents for p in d.people)}
    quotes = tuple(_with_role(quote, people) for document in documents for quote in document.quotes)
    return Document(
        source=source,
        text=text,
        quotes=quotes,
        speakers=summarise(quotes),
        people=tuple(people.values()),
        countries=_merged((c for d in documents for c in d.countries), key=lambda country: country.code),
        organisations=_merged(o for d in documents for o in d.organisations),
        locations=_merged(loc for d in documents for loc in d.locations),
    )


def _with_role(quote: Quote, people: dict[str, Person]) -> Quote:
    """A person speaking in one part with the role the text gives them in another."""
    speaker = quote.speaker
    if speaker is None or speaker.type != "person" or speaker.name not in people:
        return quote
    role = speaker.role or people[speaker.name].role
    return quote if role == speaker.role else replace(quote, speaker=replace(speaker, role=role))


def _merged(found: Iterable, key: Callable = lambda entity: entity.name) -> tuple:
    """Entities of the same name (countries of the same code) as one, in order of first mention; a person
    takes the first role any part gives."""
    first: dict = {}
    mentions: dict = {}
    for entity in found:
        known = first.setdefault(key(entity), entity)
        mentions.setdefault(key(entity), []).extend(entity.mentions)
        if isinstance(known, Person) and known.role is None and entity.role is not None:
            first[key(entity)] = replace(known, role=entity.role)
    return tuple(replace(entity, mentions=tuple(mentions[name])) for name, entity in first.items())
