"""The article in the terminal with its findings drawn on it (``-f markup``).

With colour, each quote takes its speaker's colour (``SPEAKER_COLOURS``, in the order of the document's
speakers, most quoted first), a quote whose speaker the text does not name is italic, the cue is bold, the
speaker's mention is bold and underlined, and countries and organisations have their own backgrounds. A
legend of speakers follows the text. Without colour (``NO_COLOR``, or a stream that is not a terminal) the
same findings are drawn with brackets (``BRACKETS``)::

    "[Мы готовы к диалогу ← Сергей Лавров]", — {заявил} <министр> ⟨России|RU⟩ ... ⟦ООН⟧

A quote that crosses another is drawn in fragments: ``[…`` continues it and ``…]`` breaks it off. The text
wraps to the console's width; carriage returns are dropped from what is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.style import Style
from rich.text import Text

from ..i18n import _, ngettext
from .segments import Mark, Node, document_layers, nest
from .table import console_for

if TYPE_CHECKING:
    from ..records import Document, Quote

SPEAKER_COLOURS = (
    "cyan", "magenta", "yellow", "green", "bright_blue", "red", "bright_cyan", "bright_magenta",
)  # fmt: skip
"""Quote colours, given to speakers in the order of ``Document.speakers`` and reused after the last."""

STYLES = {
    "unnamed": Style(italic=True),
    "cue": Style(bold=True),
    "mention": Style(bold=True, underline=True),
    "country": Style(color="black", bgcolor="pale_green3"),
    "organisation": Style(color="black", bgcolor="light_goldenrod2"),
}
"""Styles of everything but a named speaker's quote."""

BRACKETS = {
    "quote": ("[", "]"),
    "mention": ("<", ">"),
    "cue": ("{", "}"),
    "country": ("⟨", "⟩"),
    "organisation": ("⟦", "⟧"),
}
"""Opening and closing brackets of each kind of mark when there is no colour."""

NO_SPEAKER = "?"
"""Shown after the arrow for a quote whose speaker is neither named nor described."""


class MarkupWriter:
    """Writes each document as its text with the findings drawn on it, then a legend of speakers."""

    def __init__(self, stream: TextIO, console: Console | None = None) -> None:
        self.console = console or console_for(stream)
        self.count = 0

    @property
    def plain(self) -> bool:
        """Whether marks are drawn with brackets: the console has no colour."""
        return self.console.color_system is None or self.console.no_color

    def write(self, document: Document) -> None:
        console = self.console
        if self.count:
            console.print()
        self.count += 1
        console.rule(Text(document.source or _("(text)"), style="bold"), align="left")
        console.print(markup_text(document, plain=self.plain))
        console.print()
        console.print(legend(document, plain=self.plain))
        console.file.flush()

    def close(self) -> None:
        pass


def speaker_numbers(document: Document) -> dict[tuple[str, str], int]:
    """Each speaker's (name, type) and its place in ``document.speakers``, which picks its colour."""
    return {(speaker.name, speaker.type): number for number, speaker in enumerate(document.speakers)}


def speaker_label(quote: Quote) -> str:
    """Who said a quote, as shown after its arrow: the name, the description, or ``NO_SPEAKER``."""
    if quote.speaker:
        return quote.speaker.name
    return quote.description or NO_SPEAKER


def markup_text(document: Document, *, plain: bool) -> Text:
    """The document's text with its quotes, cues, speaker mentions, countries and organisations marked:
    styled, or with ``BRACKETS`` when ``plain``. Carriage returns and trailing whitespace are dropped."""
    numbers = speaker_numbers(document)
    text = Text()
    _append(text, nest(document.text, document_layers(document)), document, numbers, plain, Style())
    text.rstrip()
    return text


def _append(
    text: Text,
    nodes: list[Node] | tuple[Node, ...],
    document: Document,
    numbers: dict[tuple[str, str], int],
    plain: bool,
    style: Style,
) -> None:
    for node in nodes:
        if isinstance(node, str):
            text.append(node.replace("\r", ""), style=None if plain else style)
            continue
        if plain:
            _append_bracketed(text, node, document, numbers)
        else:
            inner = style + _style(node, document, numbers)
            _append(text, node.children, document, numbers, plain, inner)


def _append_bracketed(
    text: Text, mark: Mark, document: Document, numbers: dict[tuple[str, str], int]
) -> None:
    opening, closing = BRACKETS[mark.kind]
    text.append(opening if mark.first else opening + "…")
    _append(text, mark.children, document, numbers, True, Style())
    if mark.kind == "quote" and mark.last:
        text.append(f" ← {speaker_label(document.quotes[mark.ref])}")
    elif mark.kind == "country":
        text.append(f"|{document.countries[mark.ref].code}")
    text.append(closing if mark.last else "…" + closing)


def _style(mark: Mark, document: Document, numbers: dict[tuple[str, str], int]) -> Style:
    if mark.kind in ("quote", "mention"):
        speaker = document.quotes[mark.ref].speaker
        number = numbers.get((speaker.name, speaker.type)) if speaker else None
        if number is None:
            return STYLES["unnamed"] if mark.kind == "quote" else STYLES["mention"]
        colour = Style(color=SPEAKER_COLOURS[number % len(SPEAKER_COLOURS)])
        return colour if mark.kind == "quote" else colour + STYLES["mention"]
    return STYLES[mark.kind]


def legend(document: Document, *, plain: bool) -> Text:
    """The speakers with their colour (or number), role and number of quotes, then a key to the marks."""
    text = Text()
    if document.speakers:
        text.append(_("Speakers") + "\n", style=None if plain else "bold")
    else:
        text.append(
            _("{title}: none found").format(title=_("Speakers")) + "\n", style=None if plain else "dim"
        )
    for number, speaker in enumerate(document.speakers):
        colour = SPEAKER_COLOURS[number % len(SPEAKER_COLOURS)]
        text.append(f"  {number + 1}. " if plain else "  ■ ", style=None if plain else colour)
        text.append(speaker.name, style=None if plain else Style(color=colour, bold=True))
        if speaker.role:
            text.append(f", {speaker.role}")
        if speaker.type == "organisation":
            text.append(" (" + _("organisation") + ")")
        count = speaker.quotes
        text.append(": " + ngettext("{count} quote", "{count} quotes", count).format(count=count) + "\n")
    unnamed = sum(quote.speaker is None for quote in document.quotes)
    if unnamed:
        text.append(
            "  "
            + ngettext(
                "{count} quote with no named speaker", "{count} quotes with no named speaker", unnamed
            ).format(count=unnamed)
            + "\n",
            style=None if plain else STYLES["unnamed"],
        )
    text.append(_("Key: "))
    if plain:
        text.append(_("[quote ← speaker]  {cue}  <speaker's mention>  ⟨country|ISO code⟩  ⟦organisation⟧"))
    else:
        for label, style in [
            (_("quote"), Style(color=SPEAKER_COLOURS[0])),
            (_("quote with no named speaker"), STYLES["unnamed"]),
            (_("cue"), STYLES["cue"]),
            (_("speaker's mention"), STYLES["mention"]),
            (_("country"), STYLES["country"]),
            (_("organisation"), STYLES["organisation"]),
        ]:
            text.append(label, style=style)
            text.append("  ")
    text.rstrip()
    return text
