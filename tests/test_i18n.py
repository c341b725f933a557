"""The Russian interface: chosen by the locale or --lang, from gettext catalogs that are complete and
compiled; the HTML page's lang follows it while the article stays lang="ru"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from quotex import cli
from quotex.i18n import LOCALE_DIR, _, language_from_environment, ngettext, set_language
from test_schema import full_document

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"LC_ALL": "ru_UA.utf8", "LANG": "C"}, "ru"),
        ({"LANG": "ru"}, "ru"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_from_the_locale(environ: dict[str, str], language: str) -> None:
    assert language_from_environment(environ) == language


def messages() -> set[Any]:
    """Every message the code and the templates mark, extracted as scripts/i18n.sh does."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(ROOT / "src" / "quotex", method_map, options_map, keywords=KEYWORDS)
    return {message for _, _, message, _, _ in found}


def russian() -> Any:
    with open(LOCALE_DIR / "ru" / "LC_MESSAGES" / "quotex.po", "rb") as po:
        return read_po(po)


def test_every_message_has_a_russian_translation() -> None:
    catalog = russian()
    for message in messages():
        key = message if isinstance(message, str) else message[0]
        entry = catalog.get(key)
        assert entry is not None, f"not in quotex.po: {message!r} (scripts/i18n.sh update)"
        translations = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        assert all(translations) and "fuzzy" not in entry.flags, f"not translated: {message!r}"


def entries(catalog: Any) -> dict[Any, Any]:
    def plain(value: Any) -> Any:
        return value if isinstance(value, str) else tuple(value)

    return {plain(message.id): plain(message.string) for message in catalog if message.id}


def test_the_shipped_catalog_is_compiled_from_the_po() -> None:
    with open(LOCALE_DIR / "ru" / "LC_MESSAGES" / "quotex.mo", "rb") as mo:
        compiled = entries(read_mo(mo))
    assert compiled == entries(russian()), "quotex.mo is older than quotex.po: scripts/i18n.sh compile"


def test_russian_plurals() -> None:
    set_language("ru")
    forms = [ngettext("{count} quote", "{count} quotes", n).format(count=n) for n in (1, 3, 5, 21, 11)]
    assert forms == ["1 цитата", "3 цитаты", "5 цитат", "21 цитата", "11 цитат"]
    assert _("(unnamed)") == "(не назван)"


class Extractor:
    def extract_each(self, texts: list[str], sources: list[str], *, timeout: float | None = None) -> list:
        return [full_document(source) for source in sources]


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(cli, "make_extractor", Extractor)
    path = tmp_path / "a.txt"
    path.write_text("Текст.", encoding="utf-8")
    return str(path)


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(cli.app, [*args, "-w", "1"], env={"COLUMNS": "200", **(env or {})})


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--lang", "ru"], {}), ([], {"LANG": "ru_RU.UTF-8"}), ([], {"LC_MESSAGES": "ru_RU.UTF-8"})],
)
def test_tables_in_russian(article: str, args: list[str], env: dict[str, str]) -> None:
    result = invoke(article, *args, env=env)
    assert result.exit_code == 0, result.stderr
    for word in ["Цитаты", "источник", "глагол речи", "(не назван) источник в МИД", "прямая", "косвенная"]:
        assert word in result.stdout
    assert "Quotes" not in result.stdout


def test_english_when_lc_all_says_so(article: str) -> None:
    result = invoke(article, env={"LC_ALL": "C", "LANG": "ru_RU.UTF-8"})
    assert "Quotes" in result.stdout and "(unnamed) источник в МИД" in result.stdout


def test_messages_in_russian_json_unchanged(article: str, tmp_path: Path) -> None:
    missing = tmp_path / "нет.txt"
    result = invoke(article, str(missing), "-f", "jsonl", "--lang", "ru")
    assert result.exit_code == 1
    first, closing = result.stderr.splitlines()
    assert first.startswith("quotex: ошибка: ")
    assert closing.startswith("quotex: 1 документ, с ошибками: 1, 2 цитаты, ")
    english = invoke(article, "-f", "jsonl")
    assert json.loads(result.stdout) == json.loads(english.stdout)  # data stays as the contract says


def test_usage_error_in_russian() -> None:
    result = invoke("a.txt", "-f", "bogus", env={"LANG": "ru_RU.UTF-8"})
    assert result.exit_code == 2
    assert result.stderr == "quotex: ошибка: -f bogus: выберите table, json, jsonl, csv, markup или html\n"


@pytest.mark.parametrize(("lang", "caption"), [("en", "Quotes"), ("ru", "Цитаты")])
def test_html_lang_follows_the_interface(article: str, lang: str, caption: str) -> None:
    result = invoke(article, "-f", "html", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert f'<html lang="{lang}">' in page
    assert '<div class="text" lang="ru">' in page
    assert f"<caption>{caption}</caption>" in page


def test_unknown_language_is_a_usage_error() -> None:
    result = invoke("a.txt", "--lang", "de")
    assert result.exit_code == 2
    assert result.stderr == "quotex: error: --lang de: choose en or ru\n"


def test_the_compiled_catalogs_are_package_data() -> None:
    """``pip install .`` ships the .mo files as they are: nothing to compile at install time."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later

    with open(ROOT / "pyproject.toml", "rb") as project:
        package_data = tomllib.load(project)["tool"]["setuptools"]["package-data"]["quotex"]
    assert "locale/*/LC_MESSAGES/*.mo" in package_data
    assert list(LOCALE_DIR.glob("*/LC_MESSAGES/quotex.mo"))
