"""End to end: the sample's page opened in headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it).

The page is loaded from a file with no network. The DOM after the page's script has run must hold every quote
highlighted (a coloured background from the inline stylesheet) around exactly its text, a link to a quote must
open its details panel, and screenshots at desktop and phone sizes must come out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_html import Page

from quotex.pipeline import Extractor
from quotex.render.html import to_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
PROBE = """<script>
document.querySelectorAll("[data-quote]").forEach(function (quote) {
  quote.setAttribute("data-background", getComputedStyle(quote).backgroundColor);
});
</script>
</body>"""
"""Appended to a copy of the page: writes each quote's computed background into the DOM for --dump-dom."""

TRANSPARENT = {"", "transparent", "rgba(0, 0, 0, 0)"}


def chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args, url],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("QUOTEX_REQUIRE_BROWSER"),
    reason="no chromium binary on PATH (apt-get install chromium); CI sets QUOTEX_REQUIRE_BROWSER and fails",
)
def test_sample_page_in_chromium(extractor: Extractor, sample_text: str, tmp_path: Path) -> None:
    document = extractor.extract(sample_text, source="samples/aliyev-kazinform-interview.txt")
    assert document.quotes
    html = to_html(document)
    page_path = tmp_path / "aliyev.html"
    page_path.write_text(html, encoding="utf-8")
    probe_path = tmp_path / "probe.html"
    probe_path.write_text(html.replace("</body>", PROBE, 1), encoding="utf-8")

    dom = chromium(tmp_path, probe_path.as_uri(), "--dump-dom").stdout
    page = Page(dom)
    for index, quote in enumerate(document.quotes):
        assert page.quote_text(index) == quote.text
        background = page.quote_attrs[("1", index)]["data-background"]
        assert background not in TRANSPARENT, f"quote {index} is not highlighted"
    assert len({key[1] for key in page.quotes}) == len(document.quotes)
    assert page.texts["1"] == sample_text.replace("\r\n", "\n")
    assert not re.search(r"<mark[^>]* title=", dom)  # the script ran: it replaces tooltips with the panel

    linked = chromium(tmp_path, page_path.as_uri() + "#d1-q1", "--dump-dom").stdout
    panel = re.search(r'<aside id="info"[^>]*>.*?</aside>', linked, re.S)
    assert panel is not None
    assert " hidden" not in panel.group().split(">")[0]
    first = document.quotes[0]
    who = first.speaker.name if first.speaker else first.description or "not named"
    assert f'data-field="who">{who}<' in panel.group()

    for name, size in [("desktop", "1200,2000"), ("phone", "390,844")]:
        shot = tmp_path / f"{name}.png"
        chromium(tmp_path, page_path.as_uri(), f"--screenshot={shot}", f"--window-size={size}")
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == tuple(int(value) for value in size.split(","))
        assert len(data) > 20_000  # text and highlights, not a blank page


LAYOUT_PROBE = """<script>
(function () {
  var body = document.body, root = document.documentElement;
  body.setAttribute("data-page-overflow", String(root.scrollWidth - root.clientWidth));
  var wide = [];
  document.querySelectorAll(".scroll").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      wide.push((box.querySelector("table") || box).className);
    }
  });
  body.setAttribute("data-scrolling", wide.join(" "));
  var lines = 0;
  document.querySelectorAll(".top-speakers .role").forEach(function (role) {
    var height = parseFloat(getComputedStyle(role).lineHeight) || 20;
    lines = Math.max(lines, Math.round(role.getBoundingClientRect().height / height));
  });
  body.setAttribute("data-role-lines", String(lines));
  var rows = document.querySelectorAll("details.rest tr");
  var shown = function () {
    return Array.prototype.filter.call(rows, function (row) { return row.checkVisibility(); }).length;
  };
  var hidden = rows.length, seenBefore = shown();
  document.querySelectorAll("details.rest").forEach(function (details) { details.open = true; });
  var seenAfter = shown();
  body.setAttribute("data-rest", [hidden, seenBefore, seenAfter].join(" "));
  body.setAttribute("data-locations", String(document.querySelectorAll(".text .loc").length));
})();
</script>
</body>"""
"""Measures the laid-out page: sideways overflow, the lines of the longest role, the rows behind "and N
more" before and after opening them, the locations highlighted in the text."""


def report_page() -> str:
    """A corpus report with more speakers and organisations than the top tables show, long roles and
    long organisation names, and locations."""
    from dataclasses import replace

    from quotex.records import Entity, Span, Speaker, SpeakerSummary
    from quotex.render.html import HtmlWriter
    from test_schema import full_document

    writer_out = __import__("io").StringIO()
    writer = HtmlWriter(writer_out, many=True)
    role = "заместитель председателя комитета Государственной думы по международным делам и связям"
    for number in range(30):
        base = full_document(f"corpus/статья-{number:02}.txt")
        speaker = Speaker(f"Человек Номер{number}", "person", role)
        quote = replace(base.quotes[0], speaker=speaker)
        organisations = (
            *base.organisations,
            Entity(
                f"Федеральное государственное бюджетное учреждение науки номер {number}", (Span("МИД", 0, 3),)
            ),
        )
        writer.write(
            replace(
                base,
                quotes=(quote, base.quotes[1]),
                speakers=(SpeakerSummary(speaker.name, speaker.type, role, 1),),
                organisations=organisations,
            )
        )
    writer.close()
    return writer_out.getvalue()


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("QUOTEX_REQUIRE_BROWSER"),
    reason="no chromium binary on PATH (apt-get install chromium); CI sets QUOTEX_REQUIRE_BROWSER and fails",
)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_report_layout_at_1200_pixels(tmp_path: Path, lang: str) -> None:
    from quotex.i18n import set_language

    set_language(lang)
    html = report_page()
    probe = tmp_path / "report.html"
    probe.write_text(html.replace("</body>", LAYOUT_PROBE, 1), encoding="utf-8")
    dom = chromium(tmp_path, probe.as_uri(), "--window-size=1200,2000", "--dump-dom").stdout
    body = re.search(r"<body([^>]*)>", dom)
    assert body is not None
    attrs = dict(re.findall(r'(data-[\w-]+)="([^"]*)"', body.group(1)))
    assert int(attrs["data-page-overflow"]) <= 0
    assert attrs["data-scrolling"] == ""  # no table scrolls sideways
    assert 1 <= int(attrs["data-role-lines"]) <= 2  # a long role is cut to two lines, not five
    hidden, before, after = map(int, attrs["data-rest"].split())
    assert hidden == 10 + 11 and before == 0 and after == hidden  # "and N more" opens the rest
    assert int(attrs["data-locations"]) >= 30  # locations are highlighted in each text
    assert f'<html lang="{lang}">' in html


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("QUOTEX_REQUIRE_BROWSER"),
    reason="no chromium binary on PATH (apt-get install chromium); CI sets QUOTEX_REQUIRE_BROWSER and fails",
)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_sample_page_side_tables_fit_at_1200_pixels(
    extractor: Extractor, sample_text: str, tmp_path: Path, lang: str
) -> None:
    from quotex.i18n import set_language

    set_language(lang)
    document = extractor.extract(sample_text, source="samples/aliyev-kazinform-interview.txt")
    html = to_html(document)
    probe = tmp_path / "page.html"
    probe.write_text(html.replace("</body>", LAYOUT_PROBE, 1), encoding="utf-8")
    dom = chromium(tmp_path, probe.as_uri(), "--window-size=1200,2000", "--dump-dom").stdout
    body = re.search(r"<body([^>]*)>", dom)
    assert body is not None
    attrs = dict(re.findall(r'(data-[\w-]+)="([^"]*)"', body.group(1)))
    assert int(attrs["data-page-overflow"]) <= 0
    assert attrs["data-scrolling"] == ""
    assert int(attrs["data-locations"]) == sum(len(location.mentions) for location in document.locations)
    for caption in ("People", "Locations") if lang == "en" else ("Люди", "Места"):
        assert f"<caption>{caption}</caption>" in html  # the header's counts have their tables
