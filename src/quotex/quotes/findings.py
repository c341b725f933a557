"""What the quote finders hand to attribution: a content span, its kind, its cue and the source token."""

from __future__ import annotations

from dataclasses import dataclass, replace

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
