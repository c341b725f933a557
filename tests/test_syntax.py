"""Tree walks terminate on any parse natasha may give: self-heads, cycles, heads outside the sentence."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quotex.syntax import Tree


def tokens(*heads: str, sent: int = 1) -> list[SimpleNamespace]:
    """Tokens ``{sent}_1 .. {sent}_n`` whose heads are the given ids (``"0"`` is the root)."""
    return [
        SimpleNamespace(id=f"{sent}_{index}", head_id=f"{sent}_{head}", rel="", start=index, stop=index + 1)
        for index, head in enumerate(heads, 1)
    ]


def test_a_well_formed_tree() -> None:
    a, b, c, d = tokens("0", "1", "2", "2")  # 1 <- 2 <- {3, 4}
    tree = Tree([[a, b, c, d]])
    assert tree.head(a) is None and tree.head(c) is b
    assert list(tree.ancestors(d)) == [b, a]
    assert tree.children(b) == [c, d]
    assert tree.subtree(b) == [b, c, d]
    assert tree.subtree_ids(a) == {"1_2", "1_3", "1_4"}
    assert tree.dominates(a, d) and not tree.dominates(d, a)
    assert tree.path(c, d) == [c, b, d]


@pytest.mark.parametrize(
    "heads",
    [
        ("1",),  # a token heading itself
        ("2", "1"),  # a cycle of two
        ("2", "3", "1"),  # a cycle of three
        ("0", "3", "4", "2"),  # a cycle hanging below a root
        ("5", "1", "9"),  # heads that are not in the sentence
        ("2", "2", "2", "3"),  # a self-head that others hang from
    ],
)
def test_every_walk_ends_on_a_broken_parse(heads: tuple[str, ...]) -> None:
    sentence = tokens(*heads)
    tree = Tree([sentence])
    for token in sentence:
        up = list(tree.ancestors(token))
        assert len(up) < len(sentence) and token not in up
        assert token in tree.subtree(token)
        assert len(tree.subtree(token)) <= len(sentence)
        for other in sentence:
            path = tree.path(token, other)
            assert path is None or (path[0] is token and path[-1] is other)
    assert any(tree.head(token) is None for token in sentence)  # every forest has a root


def test_heads_never_leave_their_sentence() -> None:
    first = tokens("0", "1", sent=1)
    second = tokens("0", "1", sent=2)
    second[1].head_id = "1_1"  # a head in the sentence before
    tree = Tree([first, second])
    assert tree.head(second[1]) is None
    assert tree.subtree(first[0]) == first


def test_a_missing_head_makes_a_root() -> None:
    (token,) = tokens("0")
    token.head_id = None
    assert Tree([[token]]).head(token) is None


def test_the_line_that_hung_a_batch_finishes(extractor) -> None:
    # natasha parses a role noun here as its own head: a walk up the heads used to spin for ever
    line = (
        "о президента Иванку Трамп и её мужа Джареда Кушнера (оба являются советниками Белого дома), "
        "которые переехали в район Калорама из Нью-Йорка \r"
    )
    document = extractor.extract(line)
    assert any(person.name == "Джаред Кушнер" for person in document.people)


def test_a_cycle_is_cut_at_its_verb() -> None:
    # "Как пишет X, C": a parse that loops from the verb through the clause and back keeps the verb on top
    noun, verb, other = tokens("3", "1", "2")
    verb.pos, noun.pos, other.pos = "VERB", "NOUN", "NOUN"
    tree = Tree([[noun, verb, other]])
    assert tree.head(verb) is None
    assert tree.subtree(verb) == [noun, verb, other]
