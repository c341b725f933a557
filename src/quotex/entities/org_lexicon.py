"""Word lists for organisation finding, read from ``quotex/data/org_*.txt``."""

from __future__ import annotations

from functools import cache

from .. import lexicon


def load_words(name: str) -> frozenset[str]:
    """The entries of ``data/<name>.txt`` in lower case."""
    return lexicon.words(f"{name}.txt")


def org_heads() -> frozenset[str]:
    """Head nouns of organisation names: "Совещание", "Комитет", "Суд"."""
    return load_words("org_heads")


def org_institutions() -> frozenset[str]:
    """Common nouns that are organisations in lower case too: "правительство", "полиция"."""
    return load_words("org_institutions")


def org_bodies() -> frozenset[str]:
    """Common nouns that are organisations with a modifier: "апелляционный суд", "министерство культуры"."""
    return load_words("org_bodies")


def org_non_heads() -> frozenset[str]:
    """Nouns for buildings, events, titles and products: "стадион", "съезд", "фильм", "премия"."""
    return load_words("org_non_heads")


def org_located() -> frozenset[str]:
    """Missions abroad, whose name holds the place they are in: "посольство Китая в России"."""
    return load_words("org_located")


def org_types() -> frozenset[str]:
    """Words after which a quoted name is an organisation: "компания", "газета", "ООО"."""
    return load_words("org_types")


def org_stop() -> frozenset[str]:
    """natasha ORG spans that are not organisations: "СМИ"."""
    return load_words("org_stop")


def org_names() -> frozenset[str]:
    """Organisations natasha tags as places: "кремль", "белый дом", "евросоюз"."""
    return load_words("org_names")


@cache
def org_media() -> tuple[frozenset[str], frozenset[str]]:
    """Words that make a name after "в" the medium a text was posted in: those for any name ("написать",
    "страница") and those for a name in Latin script only ("заявить")."""
    rows = list(lexicon.rows("org_media.txt"))
    return (
        frozenset(row[0].lower() for row in rows if len(row) == 1),
        frozenset(row[0].lower() for row in rows if len(row) > 1 and row[1] == "latin"),
    )
