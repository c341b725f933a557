"""Quotes: direct ones in quotation marks, indirect ones after a speech cue, and who said them."""

from __future__ import annotations

import re
from itertools import pairwise

from natasha import Doc

from ..deadline import check
from ..entities.people import load_roles
from ..morph import MorphVocab
from ..records import Entity, Person, Quote, Span
from .attribution import Attributor
from .context import Context
from .cues import cue_forms
from .direct import find_direct
from .findings import Finding, overlap
from .headline import find_headlines
from .indirect import ACCORDING_NOUNS, find_indirect

# A direct quote that fills this share of an indirect clause is that clause ("заявил, что «C»").
DIRECT_SHARE = 0.6
# ... and leaves at most this many words of the clause outside the marks ("о своей признательности «…»").
WORDS_AROUND = 3
WORD = re.compile(r"\w+")
# Two clauses sharing this much of the longer one are one quote.
SAME_SPAN = 0.8


def find_quotes(
    doc: Doc, vocab: MorphVocab, people: tuple[Person, ...], organisations: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """Every quote in ``doc`` in text order, each with its speaker where the text tells it."""
    ctx = Context(doc, vocab)
    direct = find_direct(ctx)
    indirect = find_indirect(ctx, [f for f in direct if not f.tentative]) + list(find_headlines(ctx))
    findings = [f for f in merge(ctx.text, direct, indirect) if _says_something(ctx.text[f.start : f.end])]
    quoted = [(f.start, f.end) for f in findings]
    attributor = Attributor(ctx, people, organisations, quoted, load_roles())
    quotes = []
    for finding in findings:
        check()
        found = attributor.attribute(finding)
        cue = Span(ctx.text[finding.cue[0] : finding.cue[1]], *finding.cue) if finding.cue else None
        quotes.append(
            Quote(
                text=ctx.text[finding.start : finding.end],
                start=finding.start,
                end=finding.end,
                kind=finding.kind,  # type: ignore[arg-type]
                speaker=found.speaker,
                description=found.description if found.speaker is None else None,
                mention=found.mention,
                cue=cue,
            )
        )
    return tuple(quotes)


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
    for finding in sorted(indirect, key=lambda f: (f.backward, -f.length)):  # a clause's own cue first
        if any(overlap(finding, other) > SAME_SPAN * other.length for other in kept_indirect):
            continue
        kept_indirect.append(finding)
    result: list[Finding] = []
    dropped: set[int] = set()
    replaced: dict[int, Finding] = {}
    for clause in kept_indirect:
        inside = [q for q in direct if overlap(q, clause) >= 0.5 * q.length]
        if not inside:
            result.append(clause)
            continue
        outside = len(WORD.findall(_without(text, clause, inside)))
        share = sum(overlap(q, clause) for q in inside) / max(1, clause.length)
        if outside > WORDS_AROUND:
            share = 0.0  # "никто не потратил столько лет, как Перес «на создание альянса»": a fragment
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
