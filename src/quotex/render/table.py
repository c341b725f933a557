"""Tables for people at a terminal: quotes, speakers, countries, organisations, people and locations.

Document text goes into cells as plain ``Text``, never as rich markup, so brackets in an article print as
they are. Colour follows the stream: none unless it is a terminal, none with ``NO_COLOR`` (rich reads it,
and ``FORCE_COLOR`` too).
"""

from __future__ import annotations

import errno
import os
import re
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from ..records import Document, Quote

QUOTE_WIDTH = 160
"""Quotes longer than this many characters are cut at a word boundary and end with "…"."""

_SPACES = re.compile(r"\s+")


def shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    """``text`` on one line, cut after a whole word so that it fits ``width`` characters with "…"."""
    line = _SPACES.sub(" ", text).strip()
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"


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
        console.rule(Text(document.source or "(text)", style="bold"), align="left")
        for title, table in _tables(document):
            if table.row_count:
                console.print(table)
            else:
                console.print(Text(f"{title}: none found", style="dim"))
        self.console.file.flush()

    def close(self) -> None:
        pass


def _tables(document: Document) -> list[tuple[str, Table]]:
    quotes = new_table("Quotes", "#", "speaker", "role", "kind", "quote")
    for number, quote in enumerate(document.quotes, 1):
        quotes.add_row(
            str(number), _speaker_cell(quote), cell(quote.speaker.role if quote.speaker else None),
            quote.kind, Text(shorten(quote.text)),
        )  # fmt: skip
    speakers = new_table("Speakers", "name", "type", "role", "quotes")
    for speaker in document.speakers:
        speakers.add_row(Text(speaker.name), speaker.type, cell(speaker.role), str(speaker.quotes))
    people = new_table("People", "name", "role", "mentions")
    for person in document.people:
        people.add_row(Text(person.name), cell(person.role), str(len(person.mentions)))
    countries = new_table("Countries", "name", "code", "names", "adjectives")
    for country in document.countries:
        adjectives = sum(mention.form == "adjective" for mention in country.mentions)
        countries.add_row(
            Text(country.name), country.code, str(len(country.mentions) - adjectives), str(adjectives)
        )
    organisations = new_table("Organisations", "name", "mentions")
    for organisation in document.organisations:
        organisations.add_row(Text(organisation.name), str(len(organisation.mentions)))
    locations = new_table("Locations", "name", "mentions")
    for location in document.locations:
        locations.add_row(Text(location.name), str(len(location.mentions)))
    return [
        ("Quotes", quotes),
        ("Speakers", speakers),
        ("People", people),
        ("Countries", countries),
        ("Organisations", organisations),
        ("Locations", locations),
    ]


NUMERIC_COLUMNS = frozenset({"#", "quotes", "mentions", "names", "adjectives", "documents"})


def new_table(title: str, *columns: str) -> Table:
    """A titled table; counts are right-aligned."""
    table = Table(title=title, title_justify="left", title_style="bold")
    for column in columns:
        numeric = column in NUMERIC_COLUMNS
        table.add_column(column, justify="right" if numeric else "left", no_wrap=numeric)
    return table


def cell(value: str | None) -> Text:
    """A value as text, a dim dash for none; never read as rich markup."""
    return Text(value) if value else Text("—", style="dim")


def _speaker_cell(quote: Quote) -> Text:
    if quote.speaker:
        return Text(quote.speaker.name)
    if quote.description:
        return Text(quote.description, style="italic")
    return Text("—", style="dim")
