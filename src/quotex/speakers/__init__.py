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


__all__ = ["Attribution", "Attributor", "attribute_quotes"]
