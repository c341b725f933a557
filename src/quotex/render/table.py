"""Tables for people at a terminal: quotes, speakers, countries, organisations, people and locations.

A quote is shown whole, wrapped in its cell, with the cue that introduced it. A speaker the text does not
name shows how the text describes them after a marker that reads without colour too: "(unnamed) депутат"
("(не назван) депутат" in Russian). Countries, organisations, people and locations come most mentioned
first (text order among equals). Labels follow the interface's language (``quotex.i18n``).

Document text goes into cells as plain ``Text``, never as rich markup, so brackets in an article print as
they are. Colour follows the stream: none unless it is a terminal, none with ``NO_COLOR`` (rich reads it,
and ``FORCE_COLOR`` too).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO, TypeVar

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..i18n import _

if TYPE_CHECKING:
    from ..records import Document, Quote

_SPACES = re.compile(r"\s+")
T = TypeVar("T")


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut after a whole word so that it fits ``width`` characters with "…"."""
    line = _SPACES.sub(" ", text).strip()
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces as single spaces: a cell wraps it itself."""
    return _SPACES.sub(" ", text).strip()


class _Console(Console):
    """A rich console that lets a broken pipe reach the caller: rich's own handling exits with status 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def console_for(stream: TextIO, colour: bool | None = None) -> Console:
    """The console every rich view writes through: colour when ``stream`` is a terminal and ``NO_COLOR``
    is unset (or as ``colour`` forces), no markup guessing in data, a broken pipe raised to the caller."""
    if colour is None:
        return _Console(file=stream, highlight=False, emoji=False)
    if colour:
        return _Console(file=stream, highlight=False, emoji=False, force_terminal=True)
    return _Console(file=stream, highlight=False, emoji=False, color_system=None)


class Count(str):
    """A column label whose column holds numbers: right-aligned, never wrapped."""


class Wide(str):
    """A column label whose column holds long text (a quote): it gets the room that is left."""


class TableWriter:
    """Writes each document as a header line naming its source and one table per kind of finding."""

    def __init__(self, stream: TextIO, console: Console | None = None) -> None:
        self.console = console or console_for(stream)
        self.count = 0

    def write(self, document: Document) -> None:
        console = self.console
        if self.count:
            console.print()
        self.count += 1
        console.rule(Text(document.source or _("(text)"), style="bold"), align="left")
        for title, table in _tables(document):
            if table.row_count:
                console.print(table)
            else:
                console.print(Text(_("{title}: none found").format(title=title), style="dim"))
        self.console.file.flush()

    def close(self) -> None:
        pass


def kind_label(kind: str) -> str:
    """ "direct" or "indirect" in the interface's language."""
    return _("direct") if kind == "direct" else _("indirect")


def type_label(type_: str) -> str:
    """ "person" or "organisation" in the interface's language."""
    return _("person") if type_ == "person" else _("organisation")


def by_count(items: Sequence[T], count: object) -> list[T]:
    """``items`` most counted first; among equals in their order (text order)."""
    return sorted(items, key=lambda item: -count(item))  # type: ignore[operator]


def _tables(document: Document) -> list[tuple[str, Table]]:
    quotes = new_table(
        _("Quotes"), Count("#"), _("speaker"), _("role"), _("kind"), _("cue"), Wide(_("quote"))
    )
    for number, quote in enumerate(document.quotes, 1):
        quotes.add_row(
            str(number), speaker_cell(quote), cell(quote.speaker.role if quote.speaker else None),
            kind_label(quote.kind), cell(quote.cue.text if quote.cue else None), Text(one_line(quote.text)),
        )  # fmt: skip
    speakers = new_table(_("Speakers"), _("name"), _("type"), _("role"), Count(_("quotes")))
    for speaker in document.speakers:
        speakers.add_row(
            Text(speaker.name), type_label(speaker.type), cell(speaker.role), str(speaker.quotes)
        )
    people = new_table(_("People"), _("name"), _("role"), Count(_("mentions")))
    for person in by_count(document.people, lambda person: len(person.mentions)):
        people.add_row(Text(person.name), cell(person.role), str(len(person.mentions)))
    countries = new_table(
        _("Countries"),
        _("name"),
        _("code"),
        Count(_("mentions")),
        Count(_("by name")),
        Count(_("by adjective")),
    )
    for country in by_count(document.countries, lambda country: len(country.mentions)):
        adjectives = sum(mention.form == "adjective" for mention in country.mentions)
        countries.add_row(
            Text(country.name),
            country.code,
            str(len(country.mentions)),
            str(len(country.mentions) - adjectives),
            str(adjectives),
        )
    organisations = new_table(_("Organisations"), _("name"), Count(_("mentions")))
    for organisation in by_count(document.organisations, lambda entity: len(entity.mentions)):
        organisations.add_row(Text(organisation.name), str(len(organisation.mentions)))
    locations = new_table(_("Locations"), _("name"), Count(_("mentions")))
    for location in by_count(document.locations, lambda entity: len(entity.mentions)):
        locations.add_row(Text(location.name), str(len(location.mentions)))
    return [
        (_("Quotes"), quotes),
        (_("Speakers"), speakers),
        (_("People"), people),
        (_("Countries"), countries),
        (_("Organisations"), organisations),
        (_("Locations"), locations),
    ]


def new_table(title: str, *columns: str) -> Table:
    """A titled table; ``Count`` columns are right-aligned, a ``Wide`` column takes the room left and
    wraps its text (long words folded), every other one wraps at spaces."""
    table = Table(title=title, title_justify="left", title_style="bold")
    for column in columns:
        if isinstance(column, Count):
            table.add_column(column, justify="right", no_wrap=True)
        elif isinstance(column, Wide):
            table.add_column(column, ratio=1, overflow="fold")
        else:
            table.add_column(column, overflow="fold")
    return table


def cell(value: str | None) -> Text:
    """A value as text, a dim dash for none; never read as rich markup."""
    return Text(value) if value else Text("—", style="dim")


def speaker_cell(quote: Quote) -> Text:
    """The speaker's name; for a speaker the text does not name, "(unnamed)" and how it describes them."""
    if quote.speaker:
        return Text(quote.speaker.name, style="bold")
    text = Text(_("(unnamed)"), style="dim")
    if quote.description:
        text.append(" ")
        text.append(quote.description, style="italic")
    return text
