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
