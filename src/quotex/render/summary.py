"""``--summary``: the corpus totals of ``quotex.summary.CorpusSummary.to_dict()`` as tables or as JSON.

The tables follow ``render/table.py``: names go into cells as plain ``Text`` (never rich markup), colour
only when the stream is a terminal and ``NO_COLOR`` is not set (``FORCE_COLOR`` forces it) unless
``colour`` says otherwise, and a broken pipe reaches the caller as ``BrokenPipeError``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.table import Table
from rich.text import Text

from .table import cell, console_for, new_table, shorten

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
            console.print(Text(f"{title}: none found", style="dim"))
            continue
        console.print(table)
        if rows > top:
            console.print(Text(f"{title}: {rows - top} more not shown (-f json lists all)", style="dim"))
    stream.flush()


def write_summary_json(summary: dict[str, Any], stream: TextIO) -> None:
    """The summary as one JSON object, indented, Cyrillic kept readable."""
    stream.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    stream.flush()


def _totals(summary: dict[str, Any]) -> str:
    return (
        f"{_count(summary['documents'], 'document')}, {_count(summary['quotes'], 'quote')}, "
        f"{_count(len(summary['speakers']), 'speaker')}, {_count(len(summary['countries']), 'country')}, "
        f"{_count(len(summary['organisations']), 'organisation')}"
    )


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    return f"{number} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def _tables(summary: dict[str, Any], top: int) -> list[tuple[str, Table, int]]:
    speakers = new_table("Top speakers", "name", "type", "roles", "quotes", "documents")
    for row in summary["speakers"][:top]:
        roles = shorten("; ".join(row["roles"]), ROLES_WIDTH) if row["roles"] else None
        speakers.add_row(
            Text(row["name"]), row["type"], cell(roles), str(row["quotes"]), str(row["documents"])
        )
    countries = new_table("Countries", "code", "name", "mentions", "documents")
    for row in summary["countries"][:top]:
        countries.add_row(row["code"], Text(row["name"]), str(row["mentions"]), str(row["documents"]))
    organisations = new_table("Organisations", "name", "mentions", "documents")
    for row in summary["organisations"][:top]:
        organisations.add_row(Text(row["name"]), str(row["mentions"]), str(row["documents"]))
    return [
        ("Top speakers", speakers, len(summary["speakers"])),
        ("Countries", countries, len(summary["countries"])),
        ("Organisations", organisations, len(summary["organisations"])),
    ]
