"""``--summary``: the corpus totals of ``quotex.summary.CorpusSummary.to_dict()`` as tables or as JSON.

The tables follow ``render/table.py``: names go into cells as plain ``Text`` (never rich markup), colour
only when the stream is a terminal and ``NO_COLOR`` is not set (``FORCE_COLOR`` forces it) unless
``colour`` says otherwise, and a broken pipe reaches the caller as ``BrokenPipeError``. Countries show
their mentions by name and by adjective apart; labels follow the interface's language.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.table import Table
from rich.text import Text

from ..i18n import _, ngettext
from .table import Count, cell, console_for, new_table, shorten, type_label

TOP = 20
"""Rows shown per table; the JSON form has every row."""

ROLES_WIDTH = 60


def write_summary_table(
    summary: dict[str, Any], stream: TextIO, *, colour: bool | None = None, top: int = TOP
) -> None:
    """A line of totals, then the ``top`` speakers, countries and organisations as tables."""
    console = console_for(stream, colour)
    console.print(Text(_totals(summary), style="bold"))
    for title, table, rows in _tables(summary, top):
        if not rows:
            console.print(Text(_("{title}: none found").format(title=title), style="dim"))
            continue
        console.print(table)
        if rows > top:
            more = _("{title}: {count} more not shown (-f json lists all)")
            console.print(Text(more.format(title=title, count=rows - top), style="dim"))
    stream.flush()


def write_summary_json(summary: dict[str, Any], stream: TextIO) -> None:
    """The summary as one JSON object, indented, Cyrillic kept readable."""
    stream.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    stream.flush()


def _totals(summary: dict[str, Any]) -> str:
    counts = [
        ngettext("{count} document", "{count} documents", summary["documents"]),
        ngettext("{count} quote", "{count} quotes", summary["quotes"]),
        ngettext("{count} speaker", "{count} speakers", len(summary["speakers"])),
        ngettext("{count} country", "{count} countries", len(summary["countries"])),
        ngettext("{count} organisation", "{count} organisations", len(summary["organisations"])),
    ]
    numbers = [summary["documents"], summary["quotes"]] + [
        len(summary[name]) for name in ("speakers", "countries", "organisations")
    ]
    return ", ".join(text.format(count=number) for text, number in zip(counts, numbers, strict=True))


def _tables(summary: dict[str, Any], top: int) -> list[tuple[str, Table, int]]:
    documents = Count(_("documents"))
    speakers = new_table(_("Top speakers"), _("name"), _("type"), _("roles"), Count(_("quotes")), documents)
    for row in summary["speakers"][:top]:
        roles = shorten("; ".join(row["roles"]), ROLES_WIDTH) if row["roles"] else None
        speakers.add_row(
            Text(row["name"]), type_label(row["type"]), cell(roles), str(row["quotes"]), str(row["documents"])
        )
    countries = new_table(
        _("Countries"),
        _("code"),
        _("name"),
        Count(_("mentions")),
        Count(_("by name")),
        Count(_("by adjective")),
        documents,
    )
    for row in summary["countries"][:top]:
        countries.add_row(
            row["code"],
            Text(row["name"]),
            str(row["mentions"]),
            str(row["name_mentions"]),
            str(row["adjective_mentions"]),
            str(row["documents"]),
        )
    organisations = new_table(_("Organisations"), _("name"), Count(_("mentions")), documents)
    for row in summary["organisations"][:top]:
        organisations.add_row(Text(row["name"]), str(row["mentions"]), str(row["documents"]))
    return [
        (_("Top speakers"), speakers, len(summary["speakers"])),
        (_("Countries"), countries, len(summary["countries"])),
        (_("Organisations"), organisations, len(summary["organisations"])),
    ]
