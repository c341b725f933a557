"""Plain frozen records that make up a result; ``to_dict`` gives the JSON contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

QuoteKind = Literal["direct", "indirect"]
SpeakerType = Literal["person", "organisation"]
MentionForm = Literal["name", "adjective"]


@dataclass(frozen=True)
class Span:
    """A piece of the document: ``document_text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class CountryMention(Span):
    """A mention of a country by its name or by an adjective derived from it."""

    form: MentionForm = "name"

    def to_dict(self) -> dict[str, Any]:
        return {**Span.to_dict(self), "form": self.form}


@dataclass(frozen=True)
class Speaker:
    """Who speaks: a canonical nominative name, person or organisation, and a role if the text gives one."""

    name: str
    type: SpeakerType
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "role": self.role}


@dataclass(frozen=True)
class Quote:
    """A direct or indirect quote: its content span, speaker, and where the text names them."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None = None
    description: str | None = None
    mention: Span | None = None
    cue: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "description": self.description,
            "mention": self.mention.to_dict() if self.mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
        }


@dataclass(frozen=True)
class SpeakerSummary:
    """A speaker with the number of quotes attributed to them in a document."""

    name: str
    type: SpeakerType
    role: str | None
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "role": self.role, "quotes": self.quotes}


@dataclass(frozen=True)
class Person:
    """A person, with every mention of them merged under one canonical nominative name."""

    name: str
    role: str | None = None
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True)
class Country:
    """A country with its ISO 3166 code (3166-1 alpha-2, or 3166-3 for a historical state)."""

    name: str
    code: str
    mentions: tuple[CountryMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "code": self.code, "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True)
class Entity:
    """A named thing with merged mentions: an organisation or a location."""

    name: str
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": [m.to_dict() for m in self.mentions]}


Organisation = Entity
Location = Entity


@dataclass(frozen=True)
class Document:
    """Everything quotex found in one text. ``text`` is kept for rendering but is not part of the JSON."""

    source: str | None
    text: str = field(repr=False)
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[SpeakerSummary, ...] = ()
    people: tuple[Person, ...] = ()
    countries: tuple[Country, ...] = ()
    organisations: tuple[Entity, ...] = ()
    locations: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SCHEMA_VERSION,
            "source": self.source,
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
            "people": [p.to_dict() for p in self.people],
            "countries": [c.to_dict() for c in self.countries],
            "organisations": [o.to_dict() for o in self.organisations],
            "locations": [loc.to_dict() for loc in self.locations],
        }
