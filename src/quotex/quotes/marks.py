"""Quotation marks: pair them into quoted spans, tolerating whatever real text does.

Handles « », „ “, “ ”, straight " (paired by position: an opening mark follows a space or the start
of a line, a closing one follows a word), nesting of different marks, a quote that opens and never
closes (it runs to the end of its paragraph), and the Russian convention for a quote over several
paragraphs: each paragraph reopens with the mark and only the last one closes. A stray mark never
raises: at worst it yields no span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..nlp import is_hard_wrap

OPENERS = {"«": "»", "„": "“”", "“": "”", '"': '"'}
ALL_MARKS = '«»„“”"'
# A mark that follows one of these opens a quote; after anything else it closes one.
OPENING_CONTEXT = " \t\n\r([{«„“—–-:/"


@dataclass(frozen=True)
class QuotedSpan:
    """Text between quotation marks: ``content`` is ``text[start:end]``, without the marks."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None when the quote runs to the end of its paragraph without closing
    depth: int  # 0 for an outermost quote

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark, or the end of the content when unclosed."""
        return self.close_at + 1 if self.close_at is not None else self.end


@dataclass
class _Open:
    mark: str
    at: int


PARAGRAPH = re.compile(r"[^\r\n]+")


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span in ``text`` in order of its opening mark, nested ones included."""
    spans: list[QuotedSpan] = []
    carried: _Open | None = None  # an unclosed quote waiting for the next paragraph to reopen
    for start, end in _paragraphs(text):
        carried = _scan_paragraph(text, start, end, carried, spans)
    if carried is not None:
        spans.append(_unclosed(text, carried, len(text)))
    spans.sort(key=lambda span: (span.open_at, -span.end))
    return spans


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The lines of the text, a hard-wrapped paragraph's lines as one (``nlp.is_hard_wrap``)."""
    start = end = -1
    for line in PARAGRAPH.finditer(text):
        if start >= 0 and not (line.start() == end + 1 and is_hard_wrap(text, end)):
            yield start, end
            start = -1
        if start < 0:
            start = line.start()
        end = line.end()
    if start >= 0:
        yield start, end


def _scan_paragraph(
    text: str, start: int, end: int, carried: _Open | None, spans: list[QuotedSpan]
) -> _Open | None:
    stack: list[_Open] = []
    first = _first_visible(text, start, end)
    if carried is not None:
        if first is not None and text[first] == carried.mark:
            stack.append(carried)  # the Russian convention: the paragraph reopens the same quote
            start = first + 1
        else:
            spans.append(_unclosed(text, carried, _previous_paragraph_end(text, start)))
    carried = None
    for at in range(start, end):
        char = text[at]
        if char not in ALL_MARKS:
            continue
        if stack and char in OPENERS[stack[-1].mark] and not _opens(text, at, char, stack):
            opened = stack.pop()
            spans.append(QuotedSpan(opened.at + 1, at, opened.at, at, len(stack)))
        elif char in OPENERS and _opens(text, at, char, stack):
            stack.append(_Open(char, at))
    if stack:
        outer = stack[0]
        for inner in stack[1:]:
            spans.append(QuotedSpan(inner.at + 1, _trim_end(text, inner.at + 1, end), inner.at, None, 1))
        carried = outer
    return carried


def _opens(text: str, at: int, char: str, stack: list[_Open]) -> bool:
    if char in "«„":
        return True
    if char == "»":
        return False
    if char == "“" and stack and stack[-1].mark == "„":
        return False
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if char == "”":
        return False
    if before in OPENING_CONTEXT and not after.isspace():
        return True
    return not stack and not after.isspace() and not before.isalnum()


def _unclosed(text: str, opened: _Open, end: int) -> QuotedSpan:
    return QuotedSpan(opened.at + 1, _trim_end(text, opened.at + 1, end), opened.at, None, 0)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _first_visible(text: str, start: int, end: int) -> int | None:
    for at in range(start, end):
        if not text[at].isspace():
            return at
    return None


def _previous_paragraph_end(text: str, start: int) -> int:
    return _trim_end(text, 0, start)
