"""A morphology vocabulary for natasha built on pymorphy3.

natasha 1.6's ``MorphVocab`` builds a pymorphy2 analyzer, which finds its dictionary through
``pkg_resources``: that module is gone from setuptools 82+ and from fresh Python 3.12+ environments.
pymorphy3 finds its dictionary with ``importlib.metadata`` and keeps the same API, so this class gives
natasha what it expects (``vocab(word)`` -> forms with ``normal``, ``pos``, ``feats``, ``inflect``).
"""

from __future__ import annotations

import unicodedata
from functools import cached_property, lru_cache
from itertools import pairwise

from natasha.morph.lemma import lemmatize
from natasha.morph.vocab import UD_OC_FEATS, ud_feats, ud_pos
from pymorphy3 import MorphAnalyzer
from pymorphy3.analyzer import Parse

CACHE_SIZE = 20_000
"""Words whose parses and lemmas are kept: a few tens of MB, most of a news corpus's vocabulary."""


class MorphForm(Parse):
    """A pymorphy3 parse with natasha's Universal Dependencies view of its tag, computed when first asked
    for and then kept (most parses are never looked at that closely)."""

    @property
    def normal(self) -> str:
        return self.normal_form

    @cached_property
    def pos(self) -> str:
        return ud_pos(self.tag)

    @cached_property
    def feats(self) -> dict[str, str]:
        return dict(ud_feats(self.tag))

    def inflect(self, grams):  # type: ignore[override]
        """Inflect to UD grammemes (``{"Nom"}``) as natasha does, or to OpenCorpora ones."""
        return Parse.inflect(self, {UD_OC_FEATS.get(gram, gram) for gram in grams})


class MorphVocab(MorphAnalyzer):
    """Drop-in replacement for ``natasha.MorphVocab`` that needs no ``pkg_resources``."""

    def __init__(self) -> None:
        super().__init__(lang="ru", result_type=MorphForm)

    @lru_cache(CACHE_SIZE)  # noqa: B019 -- one vocabulary lives as long as its Extractor
    def parse(self, word: str):  # type: ignore[override]
        try:
            return super().parse(word)
        except ValueError:
            # pymorphy3 asks unicodedata for the name of every letter; a letter without one (unassigned
            # code points, some historic scripts) raises. Such a word has no Russian reading to give.
            return super().parse(_named_letters(word))

    __call__ = parse

    def lemmatize(self, word: str, pos: str, feats: dict[str, str]) -> str:
        """natasha's lemma of a tagged word (the dictionary form agreeing best with ``pos`` and ``feats``)."""
        return self._lemmatize(word, pos, tuple(sorted(feats.items())))

    @lru_cache(CACHE_SIZE)  # noqa: B019
    def _lemmatize(self, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
        return lemmatize(self, word, pos, dict(feats))

    def word_forms(self, lemma: str) -> frozenset[str]:
        """Every inflected form of a dictionary word, lower case, ё as е: "заявить" -> заявил, заявила, ...

        Checking a token against these forms costs a set lookup, where parsing it costs a dictionary search.
        """
        forms = {
            form.word.replace("ё", "е")
            for parse in self.parse(lemma.lower())
            if parse.normal_form.replace("ё", "е") == lemma.lower().replace("ё", "е")
            for form in parse.lexeme
        }
        return frozenset(forms)

    @lru_cache(maxsize=16)  # noqa: B019 -- a handful of word lists, each asked for once a document
    def forms_of(self, lemmas: frozenset[str]) -> frozenset[str]:
        """Every inflected form of every word in ``lemmas`` (their last word, for phrases), the words
        themselves included, lower case, ё as е: what a token must be to be worth a closer look."""
        last_words = {lemma.lower().replace("ё", "е").split()[-1] for lemma in lemmas if lemma.strip()}
        return frozenset(form for word in last_words for form in self.word_forms(word) | {word})

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class PhraseCache:
    """Results of a function of a phrase (natasha tokens) kept by what the result depends on: the words,
    their tags and the spaces between them. Names recur across a corpus ("Владимира Путина"); each is
    put in the nominative once. Bounded: emptied when full."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self.results: dict[tuple, str] = {}

    def key(self, tokens) -> tuple:
        gaps = [after.start - before.stop for before, after in pairwise(tokens)] + [0]
        return tuple(
            (token.text, token.pos, tuple(sorted(token.feats.items())), gap)
            for token, gap in zip(tokens, gaps, strict=True)
        )

    def get(self, tokens, compute) -> str:
        key = self.key(tokens)
        result = self.results.get(key)
        if result is None:
            if len(self.results) >= self.size:
                self.results.clear()
            result = self.results[key] = compute()
        return result


def _named_letters(word: str) -> str:
    """The word with every character that has no Unicode name replaced by "X"."""
    return "".join(char if unicodedata.name(char, "") else "X" for char in word)
