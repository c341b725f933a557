"""The word lists shipped in ``quotex/data``: one place reads them.

A list is UTF-8 text, one entry a line; a line starting with ``#`` (after any indentation) is a comment,
blank lines are skipped, and ``word  # note`` keeps only ``word``. Tables have tab-separated cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib.resources import files


def lines(name: str) -> Iterator[str]:
    """The entries of ``data/<name>``, stripped, comments and blank lines left out."""
    text = files("quotex").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if entry:
            yield entry


def rows(name: str) -> Iterator[list[str]]:
    """The tab-separated cells of each entry of ``data/<name>``."""
    for line in lines(name):
        yield [cell.strip() for cell in line.split("\t")]


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``data/<name>`` in lower case."""
    return frozenset(line.lower() for line in lines(name))


def normal(word: str) -> str:
    """A word as the lists compare it: lower case, ё as е."""
    return word.lower().replace("ё", "е")
