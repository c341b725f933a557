"""The HTML page (``-f html``): each quote's element wraps exactly its text, everything is escaped, and
several documents make a report with corpus totals and one section per document."""

from __future__ import annotations

import io
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_markup import HAND_TEXT, find, hand_built, quote
from typer.testing import CliRunner

from quotex import cli
from quotex.pipeline import Extractor
from quotex.records import Document, Entity, Span
from quotex.render import open_writer
from quotex.render.html import TOP, HtmlWriter, to_html

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "aliyev-kazinform-interview.txt"
VOID = {"meta", "br", "link", "img", "input", "hr"}


class Page(HTMLParser):
    """The parts of a page the tests look at: the text of every element with a ``data-quote``, of each
    article's text block, and the attributes of quote elements, keyed by document number."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.quotes: dict[tuple[str, int], list[str]] = defaultdict(list)  # (document, quote) -> fragments
        self.quote_attrs: dict[tuple[str, int], dict[str, str | None]] = {}
        self.texts: dict[str, str] = defaultdict(str)
        self.documents: list[str] = []
        self.tables: dict[str, list[list[str]]] = defaultdict(list)  # class of the table -> rows of cells
        self.row: list[str] = []
        self.feed(html)
        self.close()

    def _document(self) -> str:
        return next((attrs["data-document"] or "" for _, attrs in self.stack if "data-document" in attrs), "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        values = dict(attrs)
        if "data-document" in values:
            self.documents.append(values["data-document"] or "")
        if "data-quote" in values:
            key = (self._document(), int(values["data-quote"] or -1))
            self.quotes[key].append("")
            self.quote_attrs.setdefault(key, values)
        if tag == "tr":
            table = next((a.get("class") for t, a in reversed(self.stack) if t == "table"), None)
            self.tables[table or ""].append([])
            self.row = self.tables[table or ""][-1]
        if tag in ("td", "th"):
            self.row.append("")
        self.stack.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data: str) -> None:
        document = self._document()
        open_quotes = {int(attrs["data-quote"] or -1) for _, attrs in self.stack if "data-quote" in attrs}
        for number in open_quotes:
            self.quotes[(document, number)][-1] += data
        if any("text" in (attrs.get("class") or "").split() for _, attrs in self.stack):
            self.texts[document] += data
        if any(tag in ("td", "th") for tag, _ in self.stack):
            self.row[-1] += data

    def quote_text(self, number: int, document: str = "1") -> str:
        return "".join(self.quotes[(document, number)])


def assert_quotes_wrap_their_text(page: Page, document: Document, number: str = "1") -> None:
    for index, item in enumerate(document.quotes):
        assert page.quote_text(index, number) == item.text == document.text[item.start : item.end]
    assert not [key for key in page.quotes if key[0] == number and key[1] >= len(document.quotes)]
    assert page.texts[number] == document.text


def test_hand_built_page() -> None:
    document = hand_built()
    html = to_html(document)
    page = Page(html)
    assert_quotes_wrap_their_text(page, document)
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    lavrov = page.quote_attrs[("1", 0)]
    assert (lavrov["data-who"], lavrov["data-role"], lavrov["data-kind"], lavrov["data-cue"]) == (
        "Сергей Лавров",
        "министр иностранных дел",
        "direct",
        "заявил",
    )
    unnamed = page.quote_attrs[("1", 1)]
    assert (unnamed["data-who"], unnamed["data-kind"]) == ("источник", "indirect")
    assert "s-none" in (unnamed["class"] or "").split()
    assert "s0" in (lavrov["class"] or "").split()


def test_article_text_is_escaped() -> None:
    html = to_html(hand_built(source="<b>source</b>.txt"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>source</b>" not in html
    assert "&lt;b&gt;source&lt;/b&gt;.txt" in html
    assert html.count("<script>") == 1  # the page's own script, nothing else


def test_cyrillic_is_written_as_text() -> None:
    html = to_html(hand_built())
    assert "Россия готова к диалогу" in html
    assert "&#" not in html.split("<script>")[0]  # no numeric character references


def test_tables_of_speakers_countries_and_organisations() -> None:
    page = Page(to_html(hand_built()))
    assert [cell.strip() for cell in page.tables["speakers"][1]] == [
        "Сергей Лавров",
        "министр иностранных дел",
        "person",
        "1",
    ]
    assert [cell.strip() for cell in page.tables["countries"][1]] == ["Россия", "RU", "1", "0"]
    assert [cell.strip() for cell in page.tables["organisations"][1]] == ["НАТО", "1"]
    assert len(page.tables["quotes"]) == 1 + 2


def test_crossing_quotes_are_drawn_in_fragments() -> None:
    text = "«Мы готовы к диалогу и к миру», — сказал он."
    document = Document(
        source=None,
        text=text,
        quotes=(quote(text, "Мы готовы к диалогу"), quote(text, "к диалогу и к миру", kind="indirect")),
    )
    page = Page(to_html(document))
    assert_quotes_wrap_their_text(page, document)
    assert len(page.quotes[("1", 1)]) == 2


def test_nothing_found_says_so() -> None:
    text = "Напомним, что саммит прошёл в прошлом году."
    page_html = to_html(Document(source="пусто.txt", text=text))
    page = Page(page_html)
    assert page.texts["1"] == text
    assert not page.quotes
    assert page_html.count("none found") == 6  # quotes, speakers, countries, organisations, people, locations


@pytest.mark.parametrize("many", [False, True])
def test_sample_page(extractor: Extractor, sample_text: str, many: bool) -> None:
    document = extractor.extract(sample_text, source="samples/aliyev.txt")
    out = io.StringIO()
    writer = open_writer("html", out, many=many)
    writer.write(document)
    writer.close()
    page = Page(out.getvalue())
    assert document.quotes
    assert_quotes_wrap_their_text(page, document)
    assert ("Corpus totals" in out.getvalue()) is many
    codes = {row[1].strip() for row in page.tables["countries"][1:]}
    assert codes == {country.code for country in document.countries}


def test_report_of_two_documents(extractor: Extractor, sample_text: str) -> None:
    documents = [extractor.extract(sample_text, source="a.txt"), hand_built(source="b.txt")]
    out = io.StringIO()
    writer = HtmlWriter(out, many=True)
    for document in documents:
        writer.write(document)
    assert out.getvalue() == ""  # the page is written at close
    writer.close()
    html = out.getvalue()
    page = Page(html)
    assert page.documents == ["1", "2"]
    for number, document in enumerate(documents, 1):
        assert_quotes_wrap_their_text(page, document, str(number))
        assert f'href="#d{number}"' in html and f'id="d{number}"' in html
    order = [html.index(part) for part in ("Corpus totals", 'id="contents"', 'id="d1"', 'id="d2"')]
    assert order == sorted(order)
    expected = sorted(
        ((s.name, s.quotes) for d in documents for s in d.speakers), key=lambda item: (-item[1], item[0])
    )
    rows = page.tables["top-speakers"][1:]
    assert [int(row[1]) for row in rows] == [count for _, count in expected]
    assert all(row[0].startswith(name) for row, (name, _) in zip(rows, expected, strict=True))
    assert html.count('<svg class="bar"') == sum(
        len(rows) - 1 for name, rows in page.tables.items() if name.startswith("top-")
    )
    countries = {row[1].strip(): int(row[2]) for row in page.tables["top-countries"][1:]}
    for code in ("RU", "KZ"):
        expected_mentions = sum(len(c.mentions) for d in documents for c in d.countries if c.code == code)
        assert countries[code] == expected_mentions


def test_totals_keep_the_top_rows() -> None:
    writer = HtmlWriter(io.StringIO(), many=True)
    text = "ООН"
    for number in range(TOP + 5):
        organisation = Entity(f"Организация {number:02}", (Span(text, 0, 3),) * (number + 1))
        writer.write(Document(source=f"{number}.txt", text=text, organisations=(organisation,)))
    organisations = writer.totals.tables()["organisations"]
    assert [row["count"] for row in organisations["rows"]] == list(range(TOP + 5, 5, -1))
    assert organisations["rows"][0]["share"] == 100
    assert organisations["more"] == 5


@pytest.mark.parametrize(("many", "empty_output"), [(False, True), (True, False)])
def test_no_documents(many: bool, empty_output: bool) -> None:
    out = io.StringIO()
    writer = HtmlWriter(out, many=many)
    writer.close()
    assert (out.getvalue() == "") is empty_output
    if many:
        assert "no documents" in out.getvalue()


def test_one_page_takes_one_document() -> None:
    writer = HtmlWriter(io.StringIO())
    writer.write(hand_built())
    with pytest.raises(ValueError):
        writer.write(hand_built())


@pytest.fixture
def runner(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(cli, "make_extractor", lambda: extractor)
    return CliRunner()


def test_cli_html_to_a_file(runner: CliRunner, tmp_path: Path, sample_text: str) -> None:
    target = tmp_path / "алиев.html"
    result = runner.invoke(cli.app, [str(SAMPLE), "-f", "html", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    html = target.read_text(encoding="utf-8")
    page = Page(html)
    assert page.texts["1"] == sample_text
    assert page.quotes and all(key[0] == "1" for key in page.quotes)
    assert "Corpus totals" not in html


def test_cli_html_report_of_two_files(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "статья.txt"
    other.write_text(HAND_TEXT, encoding="utf-8", newline="")
    result = runner.invoke(cli.app, [str(SAMPLE), str(other), "-f", "html"])
    assert result.exit_code == 0, result.stderr
    page = Page(result.stdout)
    assert page.documents == ["1", "2"]
    assert page.texts["2"] == HAND_TEXT.replace("\r\n", "\n")  # CliRunner's stdout turns \r\n into \n
    assert "Corpus totals" in result.stdout
    assert "&lt;script&gt;alert(1)" in result.stdout


def test_cli_html_with_an_unreadable_input(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = runner.invoke(cli.app, [str(SAMPLE), str(missing), "-f", "html"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"quotex: error: {missing}: no such file or folder"
    assert result.stderr.splitlines()[1].startswith("quotex: 1 document, 1 failed, 4 quotes, ")
    assert Page(result.stdout).documents == ["1"]


def test_cue_and_mention_are_marked() -> None:
    html = to_html(hand_built())
    cue = find(HAND_TEXT, "заявил")
    assert f'<span class="cue" data-cue-of="0">{cue.text}</span>' in html
    assert '<span class="mention s0" data-mention-of="0">министр иностранных дел Сергей Лавров</span>' in html
    assert '<span class="country" data-code="RU" title="Россия (RU)">Россия</span>' in html
