"""Quotes: direct ones in quotation marks, indirect ones after a speech cue (who said them is
``quotex.speakers``'s)."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import replace
from itertools import pairwise

from natasha import Doc

from ..morph import MorphVocab
from .context import Context
from .cues import cue_forms
from .direct import find_direct
from .findings import Finding, Overlaps, overlap
from .headline import find_headlines
from .indirect import ACCORDING_NOUNS, find_indirect

# A direct quote that fills this share of an indirect clause is that clause ("заявил, что «C»").
DIRECT_SHARE = 0.6
# ... and leaves at most this many words of the clause outside the marks ("о своей признательности «…»").
WORDS_AROUND = 3
WORD = re.compile(r"\w+")
THAT = re.compile(r"\b(?:что|чтобы)\s*$")
# Two clauses sharing this much of the longer one are one quote.
SAME_SPAN = 0.8


def find_findings(ctx: Context) -> list[Finding]:
    """Every quote in the document in text order, before attribution (``quotex.speakers``)."""
    direct = find_direct(ctx)
    indirect = find_indirect(ctx, [f for f in direct if not f.tentative]) + list(find_headlines(ctx))
    indirect = _without_credited(ctx.text, indirect)
    found = [f for f in merge(ctx.text, direct, indirect) if _says_something(ctx.text[f.start : f.end])]
    return _uncrossed(ctx.text, found)


def _uncrossed(text: str, findings: list[Finding]) -> list[Finding]:
    """Findings with none that crosses another (starts inside it and ends past it); one inside another
    stays ("Как сообщает ТАСС, министр заявил, что C"). A clause that runs into a direct quote ends where
    the quote begins (a sentence end the segmenter missed: "в 1969г. «Он ...»"), or goes when that leaves
    less than a statement; of two of a kind, the longer stays. One pass over a stack of the kept findings
    open at the current start, which nest."""
    kept: dict[int, Finding] = {}
    open_: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        while open_ and open_[-1].end <= finding.start:
            open_.pop()
        crossed = []
        for other in reversed(open_):  # the innermost first: those ending before the finding does
            if other.end >= finding.end:
                break
            crossed.append(other)
        if not crossed:
            kept[id(finding)] = finding
            open_.append(finding)
            continue
        del open_[len(open_) - len(crossed) :]  # the crossed ones are the innermost, on top
        if finding.kind == "direct" and all(other.kind != "direct" for other in crossed):
            for other in crossed:  # clauses that ran into the quote end where it begins
                trimmed = _trimmed(text, other, other.start, finding.start)
                kept.pop(id(other))
                if trimmed is not None:
                    kept[id(trimmed)] = trimmed
            kept[id(finding)] = finding
            open_.append(finding)
        elif finding.kind != "direct" and any(other.kind == "direct" for other in crossed):
            open_.extend(reversed(crossed))
            trimmed = _trimmed(text, finding, max(other.end for other in crossed), finding.end)
            if trimmed is not None:
                kept[id(trimmed)] = trimmed
        elif all(finding.length > other.length for other in crossed):
            for other in crossed:
                kept.pop(id(other))
            kept[id(finding)] = finding
            open_.append(finding)
        else:
            open_.extend(reversed(crossed))
    return sorted(kept.values(), key=lambda f: (f.start, f.end))


def _trimmed(text: str, finding: Finding, start: int, end: int) -> Finding | None:
    """The finding cut to ``[start, end)`` without the marks and spaces at its edges, or None when less
    than three words are left."""
    piece = text[start:end]
    stripped = piece.strip(" \t\n\r\xa0«»„“”\"'.,;:—–-")
    if len(stripped.split()) < 3:
        return None
    offset = start + piece.index(stripped)
    return replace(finding, start=offset, end=offset + len(stripped))


def _without_credited(text: str, indirect: list[Finding]) -> list[Finding]:
    """ "X признался, что C, сообщает ВВС": a sentence that reports its own source's "что"-clause is that
    source's quote; the outlet credited after it adds none of its own (as with "со ссылкой на X"). A
    nominal claim inside ("X назвали это подкупом, сообщает ВВС") leaves the outlet its sentence."""
    cues = sorted(
        f.cue[0] for f in indirect if f.cue is not None and not f.credit and _after_that(text, f.start)
    )
    return [f for f in indirect if not f.credit or not _has_cue_in(cues, f.start, f.end)]


def _after_that(text: str, start: int) -> bool:
    """Does a clause at ``start`` open right after "что" or "чтобы"?"""
    return THAT.search(text, max(0, start - 8), start) is not None


def _has_cue_in(cues: list[int], start: int, end: int) -> bool:
    """Does a cue (sorted offsets) stand in ``[start, end)``? A binary search."""
    index = bisect_left(cues, start)
    return index < len(cues) and cues[index] < end


def _without(text: str, clause: Finding, quotes: list[Finding]) -> str:
    """The clause's text with the quotes inside it cut out."""
    parts, at = [], clause.start
    for quote in sorted(quotes, key=lambda q: q.start):
        parts.append(text[at : max(at, quote.start)])
        at = max(at, quote.end)
    parts.append(text[at : clause.end])
    return " ".join(parts)


QUOTE_MARKS = frozenset('«»„“”"')
ANCHOR_WORDS = frozenset({"ссылкой", "ссылаясь", "словами"})
CONTEXT_BEFORE = 1
"""Sentences before a cue whose subject a pronoun or role noun may refer back to ("Он сказал")."""


def needs_syntax(doc: Doc, vocab: MorphVocab) -> list[bool]:
    """Which sentences the quote finders need parsed: those with a speech verb, "по словам" and the like,
    a quotation mark, a closing colon or a dialogue dash; and the one before such a sentence when it names
    nobody (its "он", "президент" or "источник" may refer back)."""
    forms = cue_forms(vocab)
    wanted, context = [], []
    for sent in doc.sents:
        words = [token.text.lower().replace("ё", "е") for token in sent.tokens]
        according = any(
            word in ("по", "согласно") and after in ACCORDING_NOUNS for word, after in pairwise(words)
        )
        wanted.append(
            bool(
                forms.intersection(words) or ANCHOR_WORDS.intersection(words) or QUOTE_MARKS & set(sent.text)
            )
            or according
            or sent.text.rstrip().endswith(":")
            or sent.text.lstrip()[:1] in "—–-"
        )
        named = any(span.type in ("PER", "ORG") for span in sent.spans or ())
        context.append(wanted[-1] and not named)
    return [
        wanted[index] or any(context[index + 1 : index + CONTEXT_BEFORE + 1]) for index in range(len(wanted))
    ]


def merge(text: str, direct: list[Finding], indirect: list[Finding]) -> list[Finding]:
    """One finding per stretch of text.

    A direct quote that makes up most of an indirect clause takes that clause's cue and replaces it
    (so do quoted words that are no statement on their own: "заявили о признательности «за вклад…»");
    a shorter quoted fragment inside an indirect clause is part of it, not a quote of its own.
    Of two indirect clauses over nearly the same words the longer stays, but a clause with a cue of its
    own stays over the same words found by a cue that points back to them; a clause inside another
    (a source reporting what someone else said) is kept.
    """
    kept_indirect: list[Finding] = []
    kept_starts: list[tuple[int, int]] = []  # (start, index in kept_indirect)
    for finding in sorted(indirect, key=lambda f: (f.backward, -f.length)):  # a clause's own cue first
        # only a clause starting at most this one's length / SAME_SPAN before it can share that much
        low = bisect_left(kept_starts, (finding.start - int(finding.length / SAME_SPAN) - 1,))
        near = kept_starts[low : bisect_left(kept_starts, (finding.end,))]
        if any(
            overlap(finding, other) > SAME_SPAN * other.length
            for other in (kept_indirect[i] for _, i in near)
        ):
            continue
        insort(kept_starts, (finding.start, len(kept_indirect)))
        kept_indirect.append(finding)
    result: list[Finding] = []
    dropped: set[int] = set()
    replaced: dict[int, Finding] = {}
    overlapping = Overlaps(direct)
    for clause in kept_indirect:
        inside = [
            q
            for q in (direct[i] for i in overlapping(clause.start, clause.end))
            if overlap(q, clause) >= 0.5 * q.length
        ]
        if not inside:
            result.append(clause)
            continue
        outside = len(WORD.findall(_without(text, clause, inside)))
        share = sum(overlap(q, clause) for q in inside) / max(1, clause.length)
        # after "что" every word counts: "отметил, что на момент обыска «в доме ...»" is his clause; not
        # when the quote runs on past it ("пообещал, что в ситуации, «если ... . Как раз ...»")
        that = _after_that(text, clause.start)
        around = 0 if that and all(q.end <= clause.end + 2 for q in inside) else WORDS_AROUND
        if outside > around or (len(inside) > 1 and outside > 0):
            share = 0.0  # "никто не потратил столько лет, как Перес «на создание альянса»": a fragment;
            # "пояснил, что «сделал всё», но «надо жить»": the author joins quoted pieces into one clause
        for quote in inside:
            if share >= DIRECT_SHARE:
                if quote.cue is None:
                    replaced[id(quote)] = quote.with_cue(clause)
            else:
                dropped.add(id(quote))
        if share < DIRECT_SHARE:
            result.append(clause)
    result.extend(replaced.get(id(q), q) for q in direct if id(q) not in dropped)
    return sorted((f for f in result if not f.tentative), key=lambda f: (f.start, f.end))


def _says_something(text: str) -> bool:
    """Marks, dashes and dots alone ("«»", "— —") are no quote."""
    return any(char.isalnum() for char in text)
