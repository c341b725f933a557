"""JSON and JSON Lines: the contract of ``records.Document.to_dict``, with Cyrillic kept readable."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..records import Document


def to_json(document: Document, *, indent: int | None = 2) -> str:
    """One document as JSON text: indented by default, compact (one line) with ``indent=None``."""
    return _dumps(document.to_dict(), indent)


def _dumps(value: Any, indent: int | None) -> str:
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)


class JsonWriter:
    """Pretty-printed JSON: one object for a single document, an array when ``many`` (``[]`` for none).

    The array is written as documents come, so a long run streams; the text equals ``json.dumps`` of
    the whole list with ``indent=2``.
    """

    def __init__(self, stream: TextIO, *, many: bool) -> None:
        self.stream = stream
        self.many = many
        self.count = 0

    def write(self, document: Document) -> None:
        text = to_json(document)
        if not self.many:
            if self.count:
                raise ValueError("JsonWriter(many=False) takes one document")
            self.stream.write(text + "\n")
        else:
            self.stream.write("[\n" if not self.count else ",\n")
            self.stream.write(textwrap.indent(text, "  "))
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.many:
            self.stream.write("\n]\n" if self.count else "[]\n")
            self.stream.flush()


class JsonLinesWriter:
    """JSON Lines: one compact object per document per line; nothing at all for no documents."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, document: Document) -> None:
        self.stream.write(to_json(document, indent=None) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass
