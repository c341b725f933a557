"""The one way to walk natasha's parse: heads, ancestors, children, subtrees, paths.

natasha's syntax parser labels each token with a ``head_id`` but does not promise a tree: a token may
head itself, two tokens may head each other, a head may name a token of another sentence or none at all.
``Tree`` reads the heads once and keeps only the edges of a forest (an edge that would close a cycle, point
outside its sentence or at a missing token is dropped, making that token a root), so every walk below
terminates on any parse and costs time in proportion to what it visits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

Token = Any  # a natasha DocToken: id, head_id, rel, start, stop
Sentence = Any  # a natasha DocSent: tokens


class Tree:
    """The parse of one or more sentences as a forest; heads never leave their sentence."""

    def __init__(self, sentences: Iterable[Iterable[Token]]) -> None:
        self._heads: dict[str, Token | None] = {}
        self._children: dict[str, list[Token]] = {}
        self._order: dict[str, int] = {}
        for sentence in sentences:
            tokens = list(sentence)
            by_id = {token.id: token for token in tokens}
            for token in tokens:
                self._order[token.id] = len(self._order)
                head = by_id.get(token.head_id)
                self._heads[token.id] = None if head is None or head is token else head
            self._break_cycles(tokens)
            for token in tokens:
                head = self._heads[token.id]
                if head is not None:
                    self._children.setdefault(head.id, []).append(token)

    @classmethod
    def of_sentence(cls, sentence: Sentence) -> Tree:
        return cls([sentence.tokens])

    def _break_cycles(self, tokens: list[Token]) -> None:
        """Cut each cycle at one member, which becomes a root, so every path up ends. Linear time.

        The member cut loose is the one most like a clause's root: labelled ``root``, else a verb, else
        the first in text order (natasha's broken parses mostly loop through a main verb).
        """
        state: dict[str, int] = {}  # 1: on the path being walked, 2: known to reach a root
        for token in tokens:
            path = []
            node: Token | None = token
            while node is not None and node.id not in state:
                state[node.id] = 1
                path.append(node)
                head = self._heads[node.id]
                if head is not None and state.get(head.id) == 1:
                    cycle = path[next(i for i, member in enumerate(path) if member is head) :]
                    self._heads[min(cycle, key=self._root_rank).id] = None
                    break
                node = head
            for visited in path:
                state[visited.id] = 2

    def _root_rank(self, token: Token) -> tuple[int, int]:
        rank = 0 if token.rel == "root" else 1 if getattr(token, "pos", None) in ("VERB", "AUX") else 2
        return rank, self._order[token.id]

    def __contains__(self, token: Token) -> bool:
        return token.id in self._heads

    def head(self, token: Token) -> Token | None:
        """The token's head, or None for a root (and for a token the tree does not hold)."""
        return self._heads.get(token.id)

    def children(self, token: Token) -> list[Token]:
        """The tokens headed by ``token``, in text order."""
        return self._children.get(token.id, [])

    def ancestors(self, token: Token) -> Iterator[Token]:
        """The head, its head and so on up to the root; never ``token`` itself."""
        node = self.head(token)
        while node is not None:
            yield node
            node = self.head(node)

    def descendants(self, token: Token) -> Iterator[Token]:
        """Everything below ``token`` (not ``token`` itself), depth first."""
        stack = list(reversed(self.children(token)))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(self.children(node)))

    def subtree(self, token: Token) -> list[Token]:
        """``token`` and everything below it, in text order."""
        return sorted([token, *self.descendants(token)], key=lambda node: self._order.get(node.id, 0))

    def subtree_ids(self, token: Token) -> set[str]:
        """Ids of everything below ``token`` (not ``token`` itself)."""
        return {node.id for node in self.descendants(token)}

    def dominates(self, upper: Token, lower: Token) -> bool:
        """Is ``upper`` an ancestor of ``lower``?"""
        return any(node is upper for node in self.ancestors(lower))

    def path(self, start: Token, end: Token) -> list[Token] | None:
        """The tokens from ``start`` up to the lowest common ancestor and down to ``end``, both included;
        None when the two are in different trees."""
        up = [start, *self.ancestors(start)]
        position = {node.id: index for index, node in enumerate(up)}
        down: list[Token] = []
        for node in (end, *self.ancestors(end)):
            if node.id in position:
                return up[: position[node.id] + 1] + list(reversed(down))
            down.append(node)
        return None
