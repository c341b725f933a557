"""Who said it: a quote's source, found in two steps that can be read and tested apart.

1. ``mentions``: the quote -> the mention that names its source (a name, a pronoun, a role noun, an
   organisation noun, "со ссылкой на X", the subject that introduces a block, or none);
2. ``resolve``: the mention -> an entity of the document (``entities``: its people and organisations
   with their mentions, roles, descriptors and genders), by agreement, role and salience, or no one.

``phrases`` puts a source's noun phrase in the nominative for names and descriptions.
"""

from __future__ import annotations

from ..deadline import check
from ..entities.people import load_roles
from ..quotes.context import Context
from ..quotes.findings import Finding
from ..records import Entity, Person, Quote, Span
from .resolve import Attribution, Attributor


def attribute_quotes(
    ctx: Context, findings: list[Finding], people: tuple[Person, ...], organisations: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """The findings as quotes, in text order, each with its speaker where the text tells it."""
    spans = [(f.start, f.end) for f in findings]
    direct = [(f.start, f.end) for f in findings if f.kind == "direct"]
    attributor = Attributor(ctx, people, organisations, spans, load_roles(), direct)
    attributed = []
    for finding in findings:
        check()
        attributed.append((finding, attributor.attribute(finding)))
    quotes = []
    for finding, found in _unnested(attributed):
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


def _unnested(attributed: list[tuple[Finding, Attribution]]) -> list[tuple[Finding, Attribution]]:
    """The findings (in text order, none crossing) without those inside another with a source: someone
    quoted inside someone else's quote is that quote's words, not a quote of his own ("Он сказал, что
    президент обещал C", "X объявили о C, сообщает Рейтер": one quote). Not inside a quote that points
    back ("C. Об этом сообщил X"), whose sentences keep their own quotes, nor one whose source the text
    does not tell, which may have run past its clause."""
    kept = []
    outer: tuple[Finding, Attribution] | None = None
    for finding, found in sorted(attributed, key=lambda pair: (pair[0].start, -pair[0].end)):
        if outer is not None and outer[0].start <= finding.start and finding.end <= outer[0].end:
            outer_finding, outer_found = outer
            sourced = outer_found.speaker is not None or bool(outer_found.description)
            same = (finding.start, finding.end) == (outer_finding.start, outer_finding.end)
            if sourced and not outer_finding.backward and not same:
                continue
        else:
            outer = (finding, found)
        kept.append((finding, found))
    return sorted(kept, key=lambda pair: (pair[0].start, pair[0].end))


__all__ = ["Attribution", "Attributor", "attribute_quotes"]
