"""Bytes -> text: read a file or standard input and decode it, or say clearly why it cannot be read.

Text is decoded from bytes as they are (no universal-newline translation), so character offsets in a
result refer to the text exactly as it was stored, ``\\r\\n`` line breaks included.

Decoding: UTF-8 (a byte-order mark is dropped), UTF-16 when the text starts with its byte-order mark, and
otherwise cp1251, the usual encoding of older Russian archives, but only when the result looks like
Russian text; anything else is treated as binary. Every failure is an ``InputError`` naming the source.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Union

from .errors import InputError

STDIN = "<stdin>"
"""The source name of standard input, in messages and in the JSON ``source`` field."""

STDIN_ARGUMENT = "-"
"""The command-line argument that means standard input."""

# A text that decodes as cp1251 passes as Russian only if most of its letters are Cyrillic and most of
# those are lower case (KOI8-R read as cp1251 comes out mostly in capitals).
_MIN_CYRILLIC_SHARE = 0.5
_MIN_LOWERCASE_SHARE = 0.5
_MIN_LETTERS_FOR_CASE_CHECK = 20
# Control characters other than line breaks and tabs: any in a cp1251 reading, or more than this share in
# a UTF-8 one, make it binary.
_MAX_CONTROL_SHARE = 0.001
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_LOWER = re.compile(r"[\u0430-\u045f]")

Source = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Input:
    """One decoded input: where it came from, its text, and the encoding it was decoded from."""

    source: str
    text: str
    encoding: str

    @property
    def is_utf8(self) -> bool:
        """True when the input was UTF-8; a caller may want to tell the user about any other encoding."""
        return self.encoding == "utf-8"


def read_input(path: Source) -> Input:
    """Read and decode the file at ``path``; ``"-"`` means standard input."""
    if os.fspath(path) == STDIN_ARGUMENT:
        return read_stdin()
    source = os.fspath(path)
    return decode(_read_file(Path(source), source), source)


def read_text(path: Source) -> str:
    """The decoded text of the file at ``path`` (``"-"``: standard input)."""
    return read_input(path).text


def read_stdin(stream: BinaryIO | None = None) -> Input:
    """Read and decode standard input (or the binary ``stream`` given) as the source ``<stdin>``."""
    if stream is None:
        if sys.stdin is None:
            raise InputError(STDIN, "no standard input")
        stream = sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as error:
        raise InputError(STDIN, error.strerror or str(error)) from error
    return decode(data, STDIN)


def decode(data: bytes, source: str) -> Input:
    """Decode ``data`` read from ``source``; raise ``InputError`` for empty, blank or binary input."""
    if not data:
        raise InputError(source, "empty input")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(source, _decode_utf16(data, source), "utf-16")
    if b"\x00" in data:
        raise InputError(source, "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > _MAX_CONTROL_SHARE:
            raise InputError(source, "binary data (control characters), not text")
        return _checked(source, text, "utf-8")
    guess: str | None
    try:
        guess = data.decode("cp1251")
    except UnicodeDecodeError:
        guess = None
    if guess is None or not looks_like_russian(guess):
        raise InputError(source, "not UTF-8 text, and not Russian text in cp1251 either (binary?)")
    return _checked(source, guess, "cp1251")


def looks_like_russian(text: str) -> bool:
    """Whether a text decoded by guesswork reads as Russian: no control characters, mostly Cyrillic
    letters, mostly in lower case."""
    if _CONTROL.search(text):
        return False
    letters = len(_LETTER.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    if not cyrillic or cyrillic < _MIN_CYRILLIC_SHARE * letters:
        return False
    if cyrillic < _MIN_LETTERS_FOR_CASE_CHECK:
        return True
    return len(_CYRILLIC_LOWER.findall(text)) >= _MIN_LOWERCASE_SHARE * cyrillic


def _read_file(path: Path, source: str) -> bytes:
    if path.is_dir():
        raise InputError(source, "is a directory, not a file")
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(source, "no such file") from error
    except PermissionError as error:
        raise InputError(source, "permission denied") from error
    except OSError as error:
        raise InputError(source, error.strerror or str(error)) from error


def _decode_utf16(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise InputError(source, "starts with a UTF-16 byte-order mark but is not UTF-16 text") from error


def _checked(source: str, text: str, encoding: str) -> Input:
    if not text.strip():
        raise InputError(source, "no text, only whitespace")
    return Input(source=source, text=text, encoding=encoding)


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0
