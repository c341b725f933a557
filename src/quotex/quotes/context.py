"""A read-only view of an annotated document for the quote finders: tokens, trees, lemmas, entities."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cached_property

from natasha import Doc
from natasha.doc import DocSent, DocSpan, DocToken

from ..morph import MorphVocab
from ..syntax import Tree
from .cues import cue_forms


class Covered:
    """The offsets inside any of some ``(start, end)`` spans, as a union of disjoint stretches:
    ``offset in covered`` is a binary search, however many spans there are."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(span for span in spans if span[0] < span[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def covers(self, start: int, end: int) -> bool:
        """Is all of ``[start, end)`` inside one stretch?"""
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and end <= self._ends[index]

    def touches(self, start: int, end: int) -> bool:
        """Does any stretch overlap ``[start, end)`` or end right at ``start``?"""
        index = bisect_right(self._starts, end - 1) - 1  # the last stretch starting before ``end``
        return index >= 0 and self._ends[index] >= start

    def add(self, start: int, end: int) -> None:
        """Cover ``[start, end)`` too, merging the stretches it meets."""
        if start >= end:
            return
        low = bisect_left(self._ends, start)  # the first stretch that ends at or after ``start``
        high = bisect_right(self._starts, end)  # past the last stretch that starts at or before ``end``
        if low < high:
            start, end = min(start, self._starts[low]), max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]


class Context:
    """The annotated document with the lookups every quote stage needs."""

    def __init__(self, doc: Doc, vocab: MorphVocab) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.vocab = vocab
        self.sents: list[DocSent] = doc.sents
        self._sent_starts = [sent.start for sent in self.sents]
        self.by_id: dict[str, DocToken] = {token.id: token for token in doc.tokens}
        self.sent_of_token: dict[str, DocSent] = {
            token.id: sent for sent in self.sents for token in sent.tokens
        }
        self._positions: dict[str, int] = {
            token.id: index for sent in self.sents for index, token in enumerate(sent.tokens)
        }
        self.tree = Tree(sent.tokens for sent in self.sents)
        self._lemmas: dict[str, str] = {}
        self._starts_by_sent: dict[int, list[int]] = {}

    # ---- tokens and lemmas

    def lemma(self, token: DocToken) -> str:
        """The token's lemma, lower case, ё as е; computed once per token."""
        lemma = self._lemmas.get(token.id)
        if lemma is None:
            lemma = self.vocab.lemmatize(token.text, token.pos, token.feats).replace("ё", "е")
            self._lemmas[token.id] = lemma
        return lemma

    def may_be_cue(self, token: DocToken) -> bool:
        """Could the token be a speech verb? A set lookup of its form, before any lemmatisation."""
        return token.text.lower().replace("ё", "е") in cue_forms(self.vocab)

    def position(self, token: DocToken) -> int:
        """The token's index in its sentence (``list.index`` would compare natasha records field by field)."""
        return self._positions[token.id]

    def head(self, token: DocToken) -> DocToken | None:
        """The token's head in its sentence, or None for a root (``syntax.Tree``: never a cycle)."""
        return self.tree.head(token)

    def children(self, token: DocToken) -> list[DocToken]:
        return self.tree.children(token)

    def prepositions(self, token: DocToken) -> list[str]:
        """The prepositions the parse hangs on the token, lower case: ["в"] for "в заявлении"."""
        return [c.text.lower() for c in self.children(token) if c.rel == "case"]

    def subtree(self, token: DocToken) -> list[DocToken]:
        """The token and everything below it in its sentence, in text order."""
        return self.tree.subtree(token)

    def sentence_at(self, offset: int) -> DocSent | None:
        index = bisect_right(self._sent_starts, offset) - 1
        if index >= 0 and self.sents[index].start <= offset < max(self.sents[index].stop, offset + 1):
            return self.sents[index]
        return None

    def sentence_index(self, sent: DocSent) -> int:
        return bisect_right(self._sent_starts, sent.start) - 1

    def tokens_between(self, start: int, end: int) -> Iterator[DocToken]:
        """The tokens inside ``[start, end)`` in text order; found by binary search, so taking the first
        few costs no more than that however long the stretch."""
        for index in range(max(0, bisect_right(self._sent_starts, start) - 1), len(self.sents)):
            sent = self.sents[index]
            if sent.start >= end:
                break
            tokens = sent.tokens
            for position in range(bisect_left(self._token_starts(index), start), len(tokens)):
                token = tokens[position]
                if token.stop > end:
                    break
                yield token

    def tokens_back(self, start: int, end: int) -> Iterator[DocToken]:
        """``tokens_between`` from the last one back: the few before an offset, however long the line."""
        for index in range(bisect_right(self._sent_starts, end) - 1, -1, -1):
            sent = self.sents[index]
            if sent.stop <= start:
                break
            tokens = sent.tokens
            for position in range(bisect_right(self._token_starts(index), end) - 1, -1, -1):
                token = tokens[position]
                if token.start < start:
                    break
                if token.stop <= end:
                    yield token

    def _token_starts(self, index: int) -> list[int]:
        starts = self._starts_by_sent.get(index)
        if starts is None:
            starts = self._starts_by_sent[index] = [token.start for token in self.sents[index].tokens]
        return starts

    # ---- entities

    @cached_property
    def _spans_by_token(self) -> dict[str, DocSpan]:
        index = {}
        for span in self.doc.spans or ():
            for token in span.tokens or ():
                index[token.id] = span
        return index

    def entity_of(self, token: DocToken) -> DocSpan | None:
        """The natasha PER/LOC/ORG span that holds the token, if any."""
        return self._spans_by_token.get(token.id)
