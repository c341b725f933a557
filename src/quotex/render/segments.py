"""Spans to nested marks: what ``markup`` and ``html`` draw on the article text.

A document's spans overlap: a country inside a quote, a speaker's mention that contains a country, and
now and then two quotes that cross. Drawing them needs a tree, so ``nest`` turns a flat list of layers into
nodes that never cross: layers are placed in order of importance (quotes first, then speaker mentions, cues,
countries and organisations), and a layer that would cross one already placed is cut at that layer's
boundary into fragments. Every character of a layer is still covered, by one or more ``Mark`` nodes.
Offsets are the document's own; the text of a node is always ``text[start:end]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records import Document

KINDS = ("quote", "mention", "cue", "country", "organisation", "location")
"""Layer kinds, outermost first: a layer of an earlier kind is placed first and encloses an equal span."""


@dataclass(frozen=True)
class Layer:
    """A span of ``kind`` to draw; ``ref`` is the index of its quote (quote, mention, cue) or entity."""

    start: int
    end: int
    kind: str
    ref: int

    @property
    def rank(self) -> int:
        return KINDS.index(self.kind)


@dataclass(frozen=True)
class Mark:
    """A layer (or a fragment of one) over ``text[start:end]``, with what lies inside it.

    ``first`` and ``last`` say whether the fragment begins and ends its layer; a layer that crosses no
    other is one ``Mark`` with both true.
    """

    layer: Layer
    start: int
    end: int
    children: tuple[Node, ...]
    first: bool = True
    last: bool = True

    @property
    def kind(self) -> str:
        return self.layer.kind

    @property
    def ref(self) -> int:
        return self.layer.ref


Node = str | Mark
"""Plain text, or a mark around more nodes."""


def document_layers(document: Document) -> list[Layer]:
    """The layers of a document: its quotes with their cues and speaker mentions, countries and
    organisations. Mentions and cues shared by several quotes appear once, for the first quote."""
    layers: list[Layer] = []
    for number, quote in enumerate(document.quotes):
        layers.append(Layer(quote.start, quote.end, "quote", number))
        if quote.mention:
            layers.append(Layer(quote.mention.start, quote.mention.end, "mention", number))
        if quote.cue:
            layers.append(Layer(quote.cue.start, quote.cue.end, "cue", number))
    for number, country in enumerate(document.countries):
        layers.extend(Layer(m.start, m.end, "country", number) for m in country.mentions)
    for number, organisation in enumerate(document.organisations):
        layers.extend(Layer(m.start, m.end, "organisation", number) for m in organisation.mentions)
    return layers


def nest(text: str, layers: Iterable[Layer]) -> list[Node]:
    """``text`` as a list of nodes, with every layer drawn as one or more non-crossing ``Mark`` s.

    Empty layers, layers outside the text and repeats of a (start, end, kind) already given are ignored.
    Joining the text of the nodes, depth first, gives ``text`` back.
    """
    placed: list[tuple[Layer, int, int]] = []
    seen: set[tuple[int, int, str]] = set()
    for layer in sorted(layers, key=lambda layer: (layer.rank, layer.start, -layer.end)):
        key = (layer.start, layer.end, layer.kind)
        if layer.start >= layer.end or layer.start < 0 or layer.end > len(text) or key in seen:
            continue
        seen.add(key)
        bounds = [(start, end) for _, start, end in placed]
        placed.extend((layer, start, end) for start, end in _fragments(layer.start, layer.end, bounds))
    placed.sort(key=lambda item: (item[1], -item[2], item[0].rank))
    return _build(text, 0, len(text), placed)


def _crosses(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_start < end < other_end or other_start < start < other_end < end


def _fragments(start: int, end: int, placed: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``start:end`` cut at the boundaries of the placed spans it crosses, until no piece crosses any."""
    pieces = [(start, end)]
    done: list[tuple[int, int]] = []
    while pieces:
        piece_start, piece_end = pieces.pop()
        cut = next(
            (
                point
                for other_start, other_end in placed
                if _crosses(piece_start, piece_end, other_start, other_end)
                for point in (other_start, other_end)
                if piece_start < point < piece_end
            ),
            None,
        )
        if cut is None:
            done.append((piece_start, piece_end))
        else:
            pieces.extend([(piece_start, cut), (cut, piece_end)])
    return sorted(done)


def _build(text: str, start: int, end: int, placed: list[tuple[Layer, int, int]]) -> list[Node]:
    """Nodes of ``text[start:end]`` from the sorted, non-crossing fragments that lie inside it."""
    nodes: list[Node] = []
    position = start
    index = 0
    while index < len(placed):
        layer, child_start, child_end = placed[index]
        inner_end = index + 1
        while inner_end < len(placed) and placed[inner_end][1] < child_end:
            inner_end += 1
        if child_start > position:
            nodes.append(text[position:child_start])
        children = _build(text, child_start, child_end, placed[index + 1 : inner_end])
        first, last = child_start == layer.start, child_end == layer.end
        nodes.append(Mark(layer, child_start, child_end, tuple(children), first, last))
        position = child_end
        index = inner_end
    if position < end:
        nodes.append(text[position:end])
    return nodes


def node_text(nodes: Iterable[Node]) -> str:
    """The text of nodes, marks included, in order."""
    return "".join(node if isinstance(node, str) else node_text(node.children) for node in nodes)
