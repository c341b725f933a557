"""Speech cues and source nouns, read from ``data/cues.txt`` and ``data/sources.txt``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..morph import MorphVocab


@dataclass(frozen=True)
class Lexicon:
    """Lemmas and phrases by kind; see the data files' headers for what each kind means."""

    entries: dict[str, frozenset[str]]

    def __getitem__(self, kind: str) -> frozenset[str]:
        return self.entries.get(kind, frozenset())


def read_lexicon(name: str) -> Lexicon:
    """Read a ``KIND<TAB>ENTRY`` data file; ``#`` starts a comment line, entries are lower-cased."""
    entries: dict[str, set[str]] = defaultdict(set)
    for kind, entry in lexicon.rows(name):
        entries[kind].add(lexicon.normal(entry))
    return Lexicon({kind: frozenset(values) for kind, values in entries.items()})


@lru_cache(maxsize=1)
def cues() -> Lexicon:
    """Speech verbs (as lemmas) and cue phrases."""
    return read_lexicon("cues.txt")


SPEECH_KINDS = ("say", "think", "ask", "call", "impersonal")
RECOGNISING = frozenset({"признать", "признавать"})
"""The verbs of "признать", whose nominal form is a view ("признал X лидером"), an admission ("признал
вину"), a court's verdict ("суд признал виновным") or, in the passive, a title ("признан «Человеком
года»"): the finders tell them apart by the object and the source."""


@lru_cache(maxsize=1)
def claim_verbs() -> dict[str, frozenset[str]]:
    """Claim verbs by lemma, each with the prepositions that may open its claim ("призвать" -> {"к"});
    with none, the object opens it ("подтвердить")."""
    verbs: dict[str, set[str]] = defaultdict(set)
    for entry in cues()["claim"]:
        verb, *preposition = entry.split()
        verbs[verb].update(preposition)
    return {verb: frozenset(prepositions) for verb, prepositions in verbs.items()}


@lru_cache(maxsize=1)
def phrase_verbs() -> dict[str, frozenset[str]]:
    """Verbs that are cues only with their noun, by lemma: "прийти" -> {"вывод"} ("пришёл к выводу")."""
    verbs: dict[str, set[str]] = defaultdict(set)
    for entry in cues()["phrase"]:
        verb, *_, noun = entry.split()
        verbs[verb].add(noun)
    return {verb: frozenset(nouns) for verb, nouns in verbs.items()}


@lru_cache(maxsize=4)
def cue_forms(vocab: MorphVocab) -> frozenset[str]:
    """Every inflected form of every cue verb: a token not among them needs no lemma to be ruled out."""
    lexicon = cues()
    lemmas = frozenset().union(
        *(lexicon[kind] for kind in SPEECH_KINDS), lexicon["about"], claim_verbs(), phrase_verbs()
    )
    return vocab.forms_of(lemmas)


@lru_cache(maxsize=1)
def sources() -> Lexicon:
    """Nouns for unnamed sources, institutions, spokesmen and media type words."""
    return read_lexicon("sources.txt")


def _pairs(name: str) -> dict[str, frozenset[str]]:
    """The KEY<TAB>VALUE lines of ``data/<name>`` as key -> values, both normalised."""
    values: dict[str, set[str]] = defaultdict(set)
    for key, value in lexicon.rows(name):
        values[lexicon.normal(key)].add(lexicon.normal(value))
    return {key: frozenset(found) for key, found in values.items()}


@lru_cache(maxsize=1)
def variations() -> dict[str, frozenset[str]]:
    """Noun news use to name someone again -> the roles it may stand for (``data/variations.txt``)."""
    return _pairs("variations.txt")


@lru_cache(maxsize=1)
def org_anaphora() -> dict[str, frozenset[str]]:
    """Class noun -> the heads of organisation names it can refer back to (``data/org_anaphora.txt``)."""
    return _pairs("org_anaphora.txt")
