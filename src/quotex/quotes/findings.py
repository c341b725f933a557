"""What the quote finders hand to attribution: a content span, its kind, its cue and the source token."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import accumulate

from natasha.doc import DocToken


@dataclass(frozen=True)
class Finding:
    """A quote before attribution.

    ``source`` is the token that names the speaker (the subject of the cue verb, the noun after
    "по словам"), ``discourse`` marks a quote with no cue whose speaker is the subject of the sentence
    that introduces it.
    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    cue_token: DocToken | None = None
    source: DocToken | None = None
    discourse: bool = False
    tentative: bool = False  # quoted words that are a quote only if they fill an indirect clause
    backward: bool = False  # the sentences before a cue that points back ("Об этом сообщил X")
    credit: bool = False  # a clause credited to a source after it ("C, сообщает ВВС")

    @property
    def length(self) -> int:
        return self.end - self.start

    def with_cue(self, other: Finding) -> Finding:
        """This span with another finding's cue and source (e.g. a direct quote inside an indirect one)."""
        return replace(
            self,
            cue=other.cue,
            cue_token=other.cue_token,
            source=other.source,
            discourse=False,
            tentative=False,
        )


class Overlaps:
    """Findings that overlap a stretch, by binary search over their starts: from the last one starting
    before the stretch ends, back while an earlier one may still reach into it (``_reach``: the furthest
    end so far). Cheap for findings that mostly follow one another, as quotes do."""

    def __init__(self, findings: list[Finding]) -> None:
        self._findings = findings
        self._order = sorted(range(len(findings)), key=lambda index: findings[index].start)
        self._starts = [findings[index].start for index in self._order]
        self._reach = list(accumulate((findings[index].end for index in self._order), max))
        self._empty = [index for index, finding in enumerate(findings) if finding.length <= 0]

    def __call__(self, start: int, end: int) -> list[int]:
        """Indexes, in the given order, of the findings over some of ``[start, end)``, and of any empty
        ones (an empty finding is within anything)."""
        found = list(self._empty)
        at = bisect_left(self._starts, end) - 1
        while at >= 0 and self._reach[at] > start:
            index = self._order[at]
            if self._findings[index].length > 0 and self._findings[index].end > start:
                found.append(index)
            at -= 1
        return sorted(found)


def overlap(a: Finding, b: Finding) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def trim(text: str, start: int, end: int, strip: str = " \t\r\n,.;:—–-") -> tuple[int, int]:
    """Narrow ``[start, end)`` past surrounding spaces and punctuation that belong to no quote.

    A closing "." is dropped, but "!", "?" and "…" stay: they are part of what was said.
    """
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end
