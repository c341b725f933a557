"""CSV: one row per quote, for a spreadsheet or pandas.

Columns (``COLUMNS``): ``source``, ``speaker`` (name, empty when the text names nobody), ``speaker_type``
(``person`` or ``organisation``), ``role``, ``description`` (what the text calls an unnamed speaker,
"источник в правительстве"; empty when the speaker is named), ``kind`` (``direct`` or ``indirect``),
``quote`` (the full text, line breaks kept), ``start`` and ``end`` (character offsets of the quote in the
document), ``cue`` (the speech verb or phrase). A missing value is an empty cell.

Written with the ``csv`` module as RFC 4180: comma-separated, ``\\r\\n`` line ends, a field is put in double
quotes only when it holds a comma, a quote mark or a line break (quote marks inside are doubled). The
header row is always written, so a run that finds no quote still gives a valid, empty table.

Encoding is UTF-8, without a byte-order mark by default: Python's ``csv`` module, pandas, R, LibreOffice
and Google Sheets read that as it is, whereas a BOM turns up as ``\\ufeff`` glued to the first column name
for a script that opens the file as plain UTF-8 (``csv.DictReader`` gives ``"\\ufeffsource"``). Excel,
on the other hand, opens a CSV without a BOM in the system's legacy code page (cp1251 on a Russian
Windows), so Cyrillic comes out garbled: ``bom=True`` writes the BOM for a file meant for Excel.

Open a file for this writer with ``newline=""``, as the ``csv`` module asks, or line ends get translated.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..records import Document, Quote

COLUMNS = (
    "source",
    "speaker",
    "speaker_type",
    "role",
    "description",
    "kind",
    "quote",
    "start",
    "end",
    "cue",
)
"""The header row, in order."""

BOM = "\ufeff"


class CsvWriter:
    """Writes the header row once, then one row per quote of each document, in text order."""

    def __init__(self, stream: TextIO, *, bom: bool = False) -> None:
        self.stream = stream
        self.bom = bom
        self.rows = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        self.started = False

    def write(self, document: Document) -> None:
        """Write one row per quote of ``document`` (none if it has no quotes)."""
        self._start()
        self.rows.writerows(quote_row(document.source, quote) for quote in document.quotes)
        self.stream.flush()

    def close(self) -> None:
        """End the output: writes the header if no document came; does not close the stream."""
        self._start()
        self.stream.flush()

    def _start(self) -> None:
        if not self.started:
            self.started = True
            if self.bom:
                self.stream.write(BOM)
            self.rows.writerow(COLUMNS)


def quote_row(source: str | None, quote: Quote) -> tuple[str | int, ...]:
    """One CSV row, in ``COLUMNS`` order, for ``quote`` found in the document ``source``."""
    speaker = quote.speaker
    return (
        source or "",
        speaker.name if speaker else "",
        speaker.type if speaker else "",
        (speaker.role or "") if speaker else "",
        quote.description or "",
        quote.kind,
        quote.text,
        quote.start,
        quote.end,
        quote.cue.text if quote.cue else "",
    )
