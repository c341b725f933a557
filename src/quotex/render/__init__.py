"""Output: every format quotex prints is written here, and only here.

A writer takes documents one at a time and writes them to the stream it was given, so output streams as
documents are analysed and tests can capture it. ``open_writer`` picks the writer for a format name.
``table`` and ``markup`` need ``rich`` and ``html`` needs ``jinja2``; each is imported only when that
format is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TextIO

from .jsonl import JsonLinesWriter, JsonWriter

if TYPE_CHECKING:
    from ..records import Document

FORMATS = ("table", "json", "jsonl", "csv", "markup", "html")
"""Output format names, the default first."""


class Writer(Protocol):
    """Writes documents to a stream; ``close`` ends the output (it does not close the stream)."""

    def write(self, document: Document) -> None: ...

    def close(self) -> None: ...


def open_writer(format: str, stream: TextIO, *, many: bool = False) -> Writer:
    """A writer of ``format`` ("table", "json", "jsonl", "csv", "markup" or "html") to ``stream``.

    ``many`` says whether several documents may come: ``json`` then writes an array (``[]`` if none
    comes), otherwise one object; ``html`` a corpus report, otherwise one article's page.
    """
    if format == "json":
        return JsonWriter(stream, many=many)
    if format == "jsonl":
        return JsonLinesWriter(stream)
    if format == "table":
        from .table import TableWriter

        return TableWriter(stream)
    if format == "csv":
        from .csv import CsvWriter

        return CsvWriter(stream)
    if format == "markup":
        from .markup import MarkupWriter

        return MarkupWriter(stream)
    if format == "html":
        from .html import HtmlWriter

        return HtmlWriter(stream, many=many)
    raise ValueError(f"unknown output format {format!r}; expected one of {', '.join(FORMATS)}")
