"""Bytes -> text: encodings, line breaks, standard input, and every kind of input that cannot be read."""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

from quotex.errors import InputError
from quotex.reading import STDIN, decode, looks_like_russian, read_input, read_stdin, read_text

RUSSIAN = "Президент Азербайджана Ильхам Алиев заявил, что отношения с Казахстаном прочны."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (RUSSIAN.encode("utf-8"), RUSSIAN, "utf-8"),
        (codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), RUSSIAN, "utf-8"),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
        (
            "«Мы готовы», — сказал министр.\r\nЁлки.".encode("cp1251"),
            "«Мы готовы», — сказал министр.\r\nЁлки.",
            "cp1251",
        ),
        (RUSSIAN.encode("utf-16"), RUSSIAN, "utf-16"),
        (b"Reuters reports nothing new.", "Reuters reports nothing new.", "utf-8"),
        ("Строка один\r\nСтрока два\rтри\n".encode(), "Строка один\r\nСтрока два\rтри\n", "utf-8"),
        ("\tОтступ и\fразрыв страницы".encode(), "\tОтступ и\fразрыв страницы", "utf-8"),
    ],
    ids=[
        "utf-8",
        "utf-8 bom",
        "cp1251",
        "cp1251 crlf",
        "utf-16 bom",
        "ascii",
        "line breaks kept",
        "tab and ff",
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    result = decode(data, "x.txt")
    assert (result.text, result.encoding, result.source) == (text, encoding, "x.txt")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\r\n ", "whitespace"),
        (codecs.BOM_UTF8 + b"\n\n", "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL"),
        ("Текст\x00с нулём".encode(), "NUL"),
        (bytes(range(1, 32)) * 10 + b"abc", "control"),
        (RUSSIAN.encode("koi8-r"), "not UTF-8"),
        ("Le café de la gare est fermé.".encode("latin-1"), "not UTF-8"),
        (bytes(range(0x80, 0x100)), "not UTF-8"),
    ],
    ids=[
        "empty",
        "blank",
        "bom only",
        "png",
        "utf-8 with nul",
        "controls",
        "koi8-r",
        "latin-1",
        "high bytes",
    ],
)
def test_decode_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "bad.bin")
    assert caught.value.source == "bad.bin"
    assert reason in caught.value.reason
    assert str(caught.value).startswith("bad.bin: ")


@pytest.mark.parametrize(
    ("text", "russian"),
    [
        (RUSSIAN, True),
        ("МИД РФ", True),
        ("Le café", False),
        (RUSSIAN.encode("koi8-r").decode("cp1251"), False),
        ("Текст\x07со звонком", False),
    ],
)
def test_looks_like_russian(text: str, russian: bool) -> None:
    assert looks_like_russian(text) is russian


def test_read_input_from_file_keeps_crlf_offsets(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("Первая строка.\r\n«Вторая», — сказал он.\r\n".encode())
    result = read_input(path)
    assert result.source == str(path)
    start = result.text.index("Вторая")
    assert start == len("Первая строка.\r\n«")
    assert read_text(path) == result.text


def test_read_input_cp1251_file(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    result = read_input(str(path))
    assert (result.text, result.encoding, result.is_utf8) == (RUSSIAN, "cp1251", False)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as caught:
        read_input(tmp_path / "nope.txt")
    assert caught.value.source == str(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_input(tmp_path)


def test_permission_denied_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_input(tmp_path / "secret.txt")


def test_read_stdin_stream() -> None:
    result = read_stdin(io.BytesIO(RUSSIAN.encode()))
    assert (result.source, result.text) == (STDIN, RUSSIAN)


def test_dash_means_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(RUSSIAN.encode("cp1251")), encoding="utf-8")
    )
    result = read_input("-")
    assert (result.source, result.text, result.encoding) == (STDIN, RUSSIAN, "cp1251")


def test_empty_stdin() -> None:
    with pytest.raises(InputError, match="empty") as caught:
        read_stdin(io.BytesIO(b""))
    assert caught.value.source == STDIN
