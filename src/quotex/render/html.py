"""One self-contained HTML page (``-f html``): the article with its findings drawn on it, or a corpus report.

For one document the page shows the article, each quote in its speaker's colour (a tap or hover shows the
speaker, role, kind and cue), and tables of quotes, speakers, countries and organisations. For several
(``many``) it starts with corpus totals (top speakers, countries and organisations, with bar charts) and a
table of contents, then each document under its own anchor. The writer keeps a compact view of each
document as it comes and renders the page at ``close``. Templates live in ``templates/`` and are rendered by
Jinja2 with autoescaping on, so every piece of article text reaches the page as text. The page needs no
network: its CSS, script and charts are inline.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

import jinja2

from ..i18n import _, language, ngettext
from .segments import Layer, Mark, Node, document_layers, nest

if TYPE_CHECKING:
    from ..records import Document, Quote, SpeakerType

PALETTE_SIZE = 10
"""Speaker colours in the stylesheet (classes ``s0`` … ``s9``), given in the order of the document's
speakers and reused after the last."""

TOP = 20
"""Rows of each corpus-total table."""

_environment: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    """The Jinja2 environment of the templates (autoescaping on), made once."""
    global _environment
    if _environment is None:
        _environment = jinja2.Environment(
            loader=jinja2.PackageLoader("quotex.render", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
        )
        # The interface's language, looked up at each call: a page follows ``--lang`` and the locale.
        _environment.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=_, ngettext=ngettext, newstyle=True
        )
    return _environment


@dataclass(frozen=True)
class Element:
    """A mark as the page draws it: a tag, its attributes and what it holds."""

    tag: str
    attrs: dict[str, str]
    children: tuple[Element | str, ...]


@dataclass(frozen=True)
class QuoteRow:
    """A quote in the table of quotes and in the details a tap shows."""

    number: int
    anchor: str
    kind: str
    speaker: str | None
    role: str | None
    type: str | None
    description: str | None
    cue: str | None
    mention: str | None
    colour: str
    excerpt: str

    @property
    def who(self) -> str:
        """The speaker's name, else how the text describes them, else "not named"."""
        return self.speaker or self.description or _("not named")

    @property
    def summary(self) -> str:
        """Who, role, kind and cue on one line: the tooltip when the page's script does not run."""
        parts = [
            self.who,
            self.role,
            _(self.kind),
            _("cue: {cue}").format(cue=self.cue) if self.cue else None,
        ]
        return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class DocumentView:
    """What the page needs of one document: its marked-up text and its tables, nothing else."""

    number: int
    anchor: str
    source: str
    text: tuple[Element | str, ...]
    quotes: tuple[QuoteRow, ...]
    speakers: tuple[dict[str, Any], ...]
    countries: tuple[dict[str, Any], ...]
    organisations: tuple[dict[str, Any], ...]
    people: tuple[dict[str, Any], ...]
    locations: tuple[dict[str, Any], ...]


@dataclass
class Totals:
    """Corpus totals, added up document by document."""

    documents: int = 0
    quotes: int = 0
    speakers: Counter[tuple[str, str]] = field(default_factory=Counter)
    speaker_documents: Counter[tuple[str, str]] = field(default_factory=Counter)
    roles: dict[tuple[str, str], str] = field(default_factory=dict)
    countries: Counter[tuple[str, str]] = field(default_factory=Counter)
    country_documents: Counter[tuple[str, str]] = field(default_factory=Counter)
    organisations: Counter[str] = field(default_factory=Counter)
    organisation_documents: Counter[str] = field(default_factory=Counter)

    def add(self, document: Document) -> None:
        self.documents += 1
        self.quotes += len(document.quotes)
        for speaker in document.speakers:
            key = (speaker.name, speaker.type)
            self.speakers[key] += speaker.quotes
            self.speaker_documents[key] += 1
            if speaker.role and key not in self.roles:
                self.roles[key] = speaker.role
        for country in document.countries:
            self.countries[(country.name, country.code)] += len(country.mentions)
            self.country_documents[(country.name, country.code)] += 1
        for organisation in document.organisations:
            self.organisations[organisation.name] += len(organisation.mentions)
            self.organisation_documents[organisation.name] += 1

    def tables(self) -> dict[str, Any]:
        """The top rows of each total, with the share of the largest value (0-100) for the bars."""
        return {
            "speakers": _top(
                self.speakers,
                lambda key: {
                    "name": key[0],
                    "type": key[1],
                    "role": self.roles.get(key),
                    "documents": self.speaker_documents[key],
                },
            ),
            "countries": _top(
                self.countries,
                lambda key: {"name": key[0], "code": key[1], "documents": self.country_documents[key]},
            ),
            "organisations": _top(
                self.organisations,
                lambda key: {"name": key, "documents": self.organisation_documents[key]},
            ),
        }


def _top(counts: Counter[Any], describe: Any) -> dict[str, Any]:
    """The ``TOP`` first rows, and the ``rest`` that the page opens on demand ("and N more")."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    largest = ranked[0][1] if ranked else 1
    rows = [
        {**describe(key), "count": count, "share": round(100 * count / largest, 1)} for key, count in ranked
    ]
    return {"rows": rows[:TOP], "rest": rows[TOP:], "more": max(0, len(ranked) - TOP)}


class HtmlWriter:
    """Collects documents and writes one page at ``close``: an article page, or a report when ``many``.

    With one expected document and none given (it could not be read) nothing is written, as for JSON.
    """

    def __init__(self, stream: TextIO, *, many: bool = False) -> None:
        self.stream = stream
        self.many = many
        self.views: list[DocumentView] = []
        self.totals = Totals()

    def write(self, document: Document) -> None:
        if not self.many and self.views:
            raise ValueError("HtmlWriter(many=False) takes one document")
        self.views.append(document_view(document, len(self.views) + 1))
        self.totals.add(document)

    def close(self) -> None:
        if not self.many and not self.views:
            return
        self.stream.write(render_page(self.views, self.totals if self.many else None))
        self.stream.flush()


def render_page(views: list[DocumentView], totals: Totals | None = None) -> str:
    """The page for ``views``: a corpus report when ``totals`` are given, otherwise one article."""
    template = environment().get_template("page.html.j2")
    return template.render(
        documents=views,
        report=totals is not None,
        totals=totals,
        tables=totals.tables() if totals is not None else None,
        palette=range(PALETTE_SIZE),
        lang=language(),
    )


def to_html(document: Document) -> str:
    """One document's page."""
    return render_page([document_view(document, 1)])


def document_view(document: Document, number: int) -> DocumentView:
    """The compact view of ``document`` that the templates draw; ``number`` names its anchor."""
    anchor = f"d{number}"
    colours = {
        (speaker.name, speaker.type): f"s{index % PALETTE_SIZE}"
        for index, speaker in enumerate(document.speakers)
    }
    quotes = tuple(
        _quote_row(quote, index, f"{anchor}-q{index}", colours)
        for index, quote in enumerate(document.quotes, 1)
    )
    locations = [
        Layer(mention.start, mention.end, "location", number)
        for number, location in enumerate(document.locations)
        for mention in location.mentions
    ]
    nodes = nest(document.text, [*document_layers(document), *locations])
    return DocumentView(
        number=number,
        anchor=anchor,
        source=document.source or "(text)",
        text=tuple(_element(node, document, quotes) for node in nodes),
        quotes=quotes,
        speakers=tuple(
            {**speaker.to_dict(), "colour": colours[(speaker.name, speaker.type)]}
            for speaker in document.speakers
        ),
        countries=tuple(
            {
                "name": country.name,
                "code": country.code,
                "names": sum(mention.form == "name" for mention in country.mentions),
                "adjectives": sum(mention.form == "adjective" for mention in country.mentions),
            }
            for country in document.countries
        ),
        organisations=tuple(
            {"name": organisation.name, "mentions": len(organisation.mentions)}
            for organisation in document.organisations
        ),
        people=tuple(
            {"name": person.name, "role": person.role, "mentions": len(person.mentions)}
            for person in sorted(document.people, key=lambda person: -len(person.mentions))
        ),
        locations=tuple(
            {"name": location.name, "mentions": len(location.mentions)}
            for location in sorted(document.locations, key=lambda location: -len(location.mentions))
        ),
    )


def _quote_row(
    quote: Quote, number: int, anchor: str, colours: dict[tuple[str, SpeakerType], str]
) -> QuoteRow:
    speaker = quote.speaker
    return QuoteRow(
        number=number,
        anchor=anchor,
        kind=quote.kind,
        speaker=speaker.name if speaker else None,
        role=speaker.role if speaker else None,
        type=speaker.type if speaker else None,
        description=quote.description,
        cue=quote.cue.text if quote.cue else None,
        mention=quote.mention.text if quote.mention else None,
        colour=colours.get((speaker.name, speaker.type), "s-none") if speaker else "s-none",
        excerpt=_excerpt(quote.text),
    )


def _excerpt(text: str, width: int = 160) -> str:
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    return (cut[: cut.rindex(" ")] if " " in cut else cut).rstrip(" ,;:—-") + "…"


def _element(node: Node, document: Document, quotes: tuple[QuoteRow, ...]) -> Element | str:
    if isinstance(node, str):
        return node
    children = tuple(_element(child, document, quotes) for child in node.children)
    return Element(*_tag(node, document, quotes), children)


def _tag(mark: Mark, document: Document, quotes: tuple[QuoteRow, ...]) -> tuple[str, dict[str, str]]:
    if mark.kind == "quote":
        row = quotes[mark.ref]
        attrs = {
            "class": f"q {row.kind} {row.colour}",
            "data-quote": str(mark.ref),
            "data-colour": row.colour,
            "data-who": row.who,
            "data-role": row.role or "",
            "data-kind": row.kind,
            "data-cue": row.cue or "",
            "data-mention": row.mention or "",
            "title": row.summary,
            "tabindex": "0",
        }
        if mark.first:
            attrs["id"] = row.anchor
        if not (mark.first and mark.last):
            attrs["data-fragment"] = ""
        return "mark", attrs
    if mark.kind in ("cue", "mention"):
        row = quotes[mark.ref]
        colour = f" {row.colour}" if mark.kind == "mention" else ""
        return "span", {"class": f"{mark.kind}{colour}", f"data-{mark.kind}-of": str(mark.ref)}
    if mark.kind == "country":
        country = document.countries[mark.ref]
        title = f"{country.name} ({country.code})"
        return "span", {"class": "country", "data-code": country.code, "title": title}
    if mark.kind == "location":
        return "span", {"class": "loc", "title": document.locations[mark.ref].name}
    organisation = document.organisations[mark.ref]
    return "span", {"class": "org", "title": organisation.name}
