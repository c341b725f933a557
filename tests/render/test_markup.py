"""Spans into nested marks (``render.segments``) and the terminal view ``-f markup``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from quotex import cli
from quotex.pipeline import Extractor
from quotex.records import Country, CountryMention, Document, Entity, Quote, Span, Speaker, SpeakerSummary
from quotex.render import open_writer
from quotex.render.markup import MarkupWriter, legend, markup_text
from quotex.render.segments import Layer, Mark, Node, document_layers, nest, node_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "aliyev-kazinform-interview.txt"
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])[;m]")  # SGR colours, not bold

HAND_TEXT = (
    "«Россия готова к диалогу с НАТО», — заявил министр иностранных дел Сергей Лавров.\r\n"
    "По словам источника, переговоры <script>alert(1)</script> пройдут в Женеве."
)


def find(text: str, piece: str) -> Span:
    """The span of the first occurrence of ``piece`` in ``text``."""
    start = text.index(piece)
    return Span(piece, start, start + len(piece))


def quote(text: str, piece: str, kind: str = "direct", **fields: object) -> Quote:
    where = find(text, piece)
    return Quote(text=piece, start=where.start, end=where.end, kind=kind, **fields)  # type: ignore[arg-type]


def hand_built(source: str | None = "hand.txt", text: str = HAND_TEXT) -> Document:
    """A direct quote by a named speaker with a country and an organisation inside it, and an indirect
    quote by an unnamed source whose text holds markup that must stay text."""
    lavrov = Speaker("Сергей Лавров", "person", "министр иностранных дел")
    russia = find(text, "Россия")
    return Document(
        source=source,
        text=text,
        quotes=(
            quote(
                text,
                "Россия готова к диалогу с НАТО",
                speaker=lavrov,
                mention=find(text, "министр иностранных дел Сергей Лавров"),
                cue=find(text, "заявил"),
            ),
            quote(
                text,
                "переговоры <script>alert(1)</script> пройдут в Женеве",
                kind="indirect",
                description="источник",
                cue=find(text, "По словам"),
            ),
        ),
        speakers=(SpeakerSummary("Сергей Лавров", "person", "министр иностранных дел", 1),),
        countries=(Country("Россия", "RU", (CountryMention("Россия", russia.start, russia.end, "name"),)),),
        organisations=(Entity("НАТО", (find(text, "НАТО"),)),),
    )


def draw(nodes: list[Node] | tuple[Node, ...]) -> str:
    """Nodes as ``kind(...)``; a fragment of a layer that crosses another is ``kind~(...)``."""
    return "".join(
        node
        if isinstance(node, str)
        else f"{node.kind}{'' if node.first and node.last else '~'}({draw(node.children)})"
        for node in nodes
    )


def layer(text: str, piece: str, kind: str, ref: int = 0, occurrence: int = 0) -> Layer:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return Layer(start, start + len(piece), kind, ref)


SENTENCE = "«Россия готова к диалогу», — заявил Лавров."
REPORTED = "Как заявил президент России Путин, мир возможен."
SAID = "Он сказал: «Россия»."
ADJACENT = "Россия и НАТО: МИДРоссии"


@pytest.mark.parametrize(
    ("text", "layers", "expected"),
    [
        ("", [], ""),
        ("Ничего не найдено.", [], "Ничего не найдено."),
        (
            SENTENCE,
            [
                layer(SENTENCE, "Россия", "country"),
                layer(SENTENCE, "Россия готова к диалогу", "quote"),
                layer(SENTENCE, "заявил", "cue"),
                layer(SENTENCE, "Лавров", "mention"),
            ],
            "«quote(country(Россия) готова к диалогу)», — cue(заявил) mention(Лавров).",
        ),
        (  # a speaker's mention that holds a country, both outside the quote
            REPORTED,
            [
                layer(REPORTED, "мир возможен", "quote"),
                layer(REPORTED, "президент России Путин", "mention"),
                layer(REPORTED, "России", "country"),
            ],
            "Как заявил mention(президент country(России) Путин), quote(мир возможен).",
        ),
        (  # adjacent layers are siblings, even with no space between them
            ADJACENT,
            [
                layer(ADJACENT, "Россия", "country"),
                layer(ADJACENT, "НАТО", "organisation"),
                layer(ADJACENT, "МИД", "organisation", 1),
                layer(ADJACENT, "России", "country", occurrence=0),
            ],
            "country(Россия) и organisation(НАТО): organisation(МИД)country(России)",
        ),
        (  # the same span as a quote and a country: the quote is outside
            SAID,
            [layer(SAID, "Россия", "country"), layer(SAID, "Россия", "quote")],
            "Он сказал: «quote(country(Россия))».",
        ),
        (  # two quotes that cross: the later one is cut at the first one's end
            "Мы готовы к диалогу и к миру.",
            [
                layer("Мы готовы к диалогу и к миру.", "готовы к диалогу", "quote", 1),
                layer("Мы готовы к диалогу и к миру.", "Мы готовы", "quote", 0),
            ],
            "quote(Мы quote~(готовы))quote~( к диалогу) и к миру.",
        ),
        (  # an organisation that runs out of a quote is cut at the quote's end
            "«Мы в Совете Европы» навсегда.",
            [
                layer("«Мы в Совете Европы» навсегда.", "Мы в Совете", "quote"),
                layer("«Мы в Совете Европы» навсегда.", "Совете Европы", "organisation"),
            ],
            "«quote(Мы в organisation~(Совете))organisation~( Европы)» навсегда.",
        ),
        (  # empty layers, layers outside the text and repeats are ignored
            "Россия",
            [Layer(0, 0, "quote", 0), Layer(3, 99, "quote", 1), Layer(0, 6, "country", 0),
             Layer(0, 6, "country", 1)],
            "country(Россия)",
        ),
    ],
    ids=["empty", "nothing", "nesting", "mention holds country", "adjacent", "same span", "crossing",
         "org cut", "ignored"],
)  # fmt: skip
def test_nest(text: str, layers: list[Layer], expected: str) -> None:
    nodes = nest(text, layers)
    assert draw(nodes) == expected
    assert node_text(nodes) == text


def test_fragments_cover_their_layer() -> None:
    text = "Мы готовы к диалогу и к миру."
    crossing = layer(text, "готовы к диалогу и", "quote", 1)
    nodes = nest(text, [layer(text, "Мы готовы к", "quote", 0), crossing])

    def fragments(nodes: list[Node] | tuple[Node, ...]) -> list[Mark]:
        found: list[Mark] = []
        for node in nodes:
            if isinstance(node, Mark):
                found += [node] if node.ref == 1 else []
                found += fragments(node.children)
        return found

    pieces = fragments(nodes)
    assert [(piece.first, piece.last) for piece in pieces] == [(True, False), (False, True)]
    assert "".join(node_text(piece.children) for piece in pieces) == text[crossing.start : crossing.end]


def test_document_layers_of_hand_built() -> None:
    document = hand_built()
    kinds = sorted(layer.kind for layer in document_layers(document))
    assert kinds == ["country", "cue", "cue", "mention", "organisation", "quote", "quote"]


def test_plain_markup_of_hand_built() -> None:
    assert markup_text(hand_built(), plain=True).plain == (
        "«[⟨Россия|RU⟩ готова к диалогу с ⟦НАТО⟧ ← Сергей Лавров]», — {заявил} "
        "<министр иностранных дел Сергей Лавров>.\n"
        "{По словам} источника, [переговоры <script>alert(1)</script> пройдут в Женеве ← источник]."
    )


def test_quote_with_no_speaker_at_all() -> None:
    text = "«Будет трудно», — говорят в кулуарах."
    document = Document(source=None, text=text, quotes=(quote(text, "Будет трудно"),))
    assert markup_text(document, plain=True).plain == "«[Будет трудно ← ?]», — говорят в кулуарах."
    assert "Speakers: none found" in legend(document, plain=True).plain
    assert "1 quote with no named speaker" in legend(document, plain=True).plain


def test_legend_lists_speakers() -> None:
    plain = legend(hand_built(), plain=True).plain
    assert "1. Сергей Лавров, министр иностранных дел: 1 quote" in plain
    assert "1 quote with no named speaker" in plain
    assert "⟨country|ISO code⟩" in plain


def test_writer_to_a_buffer_is_plain() -> None:
    out = io.StringIO()
    writer = open_writer("markup", out)
    writer.write(hand_built())
    writer.close()
    text = out.getvalue()
    assert "\x1b" not in text
    assert text.splitlines()[0].startswith("hand.txt")
    assert "[⟨Россия|RU⟩ готова к диалогу" in text
    assert "Сергей Лавров, министр иностранных дел: 1 quote" in text


@pytest.mark.parametrize(
    ("console", "coloured"),
    [
        (dict(force_terminal=True, color_system="standard"), True),
        (dict(force_terminal=True, color_system="truecolor"), True),
        (dict(force_terminal=True, color_system="standard", no_color=True), False),
        (dict(force_terminal=False), False),
    ],
    ids=["standard", "truecolor", "no colour", "not a terminal"],
)
def test_colour_only_when_the_console_has_it(console: dict[str, object], coloured: bool) -> None:
    out = io.StringIO()
    writer = MarkupWriter(out, Console(file=out, width=120, **console))  # type: ignore[arg-type]
    writer.write(hand_built())
    text = out.getvalue()
    assert bool(COLOUR.search(text)) is coloured
    assert ("⟨Россия|RU⟩" in text) is not coloured  # brackets only without colour
    assert "готова к диалогу с" in text


def test_wraps_to_the_console_width() -> None:
    out = io.StringIO()
    MarkupWriter(out, Console(file=out, width=40)).write(hand_built())
    assert max(len(line) for line in out.getvalue().splitlines()) <= 40


BRACKET_NOTES = re.compile(r" ← [^\]]*\]|\|[A-Z0-9]{2,4}⟩")


def test_sample_plain_keeps_the_text(extractor: Extractor, sample_text: str) -> None:
    document = extractor.extract(sample_text, source="sample.txt")
    assert document.quotes
    plain = markup_text(document, plain=True).plain
    assert plain.count(" ← ") == len({(quote.start, quote.end) for quote in document.quotes})
    for speaker in document.speakers:
        assert f"← {speaker.name}]" in plain
    notes_dropped = BRACKET_NOTES.sub(lambda match: match.group()[-1], plain)
    assert re.sub(r"[\[\]{}<>⟨⟩⟦⟧…]", "", notes_dropped) == sample_text.replace("\r", "").rstrip()


@pytest.fixture
def runner(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(cli, "make_extractor", lambda: extractor)
    return CliRunner()


def test_cli_markup_without_colour(runner: CliRunner) -> None:
    result = runner.invoke(cli.app, [str(SAMPLE), "-f", "markup"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0].startswith(str(SAMPLE))
    assert "\x1b" not in out
    assert "← " in out and "Speakers" in out and "Key:" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
    ids=["forced", "forced but NO_COLOR"],
)
def test_cli_markup_colour(runner: CliRunner, env: dict[str, str], coloured: bool) -> None:
    result = runner.invoke(cli.app, [str(SAMPLE), "--format", "markup"], env=env)
    assert result.exit_code == 0, result.stderr
    assert bool(COLOUR.search(result.stdout)) is coloured
    assert ("← " in result.stdout) is not coloured


def test_cli_markup_of_cyrillic_stdin(runner: CliRunner) -> None:
    result = runner.invoke(cli.app, ["-f", "markup"], input=HAND_TEXT.encode())
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("<stdin>")
    assert "<script>alert(1)</script>" in result.stdout  # the terminal shows text as it is
