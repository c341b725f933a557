"""Nominative names of organisations: inflect the head noun and its adjectives, leave the rest alone.

natasha's ``span.normalize`` inflects every adjective in the tree, complements included
("Организацию тюркских государств" -> "Организация тюркские государства"). Here only the head noun and the
adjectives or participles agreeing with it to its left change case; genitive and prepositional complements
keep their form: "Министерства иностранных дел России" -> "Министерство иностранных дел России".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..morph import MorphVocab, PhraseCache

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
NOUNS = ("NOUN", "PROPN")
ADJECTIVES = ("ADJ", "DET", "NUM")


def normalise_name(tokens: Sequence[Any], vocab: MorphVocab) -> str:
    """The nominative name of the organisation spelled by ``tokens`` (natasha tokens of one span)."""
    return _NAMES.get(tokens, lambda: _normalise_name(tokens, vocab))


_NAMES = PhraseCache()


def _normalise_name(tokens: Sequence[Any], vocab: MorphVocab) -> str:
    if len(tokens) == 1 and "-" in tokens[0].text.strip("-"):
        compound = nominative_compound(tokens[0].text, vocab)
        if compound is not None:
            return compound
    words = [token.text for token in tokens]
    head = find_head(tokens, vocab)
    if head is None:
        return join_words(words, tokens)
    inflected = inflect_nominative(tokens[head], vocab, agree_with=None)
    if inflected is not None:
        words[head] = restore_shape(inflected.word, tokens[head].text)
    head_form = inflected or select_form(vocab(tokens[head].text.lower()), tokens[head])
    agreement: set[str] = set()
    if head_form is not None:
        agreement = {"plur"} if "plur" in head_form.tag else {head_form.tag.gender or "masc", "sing"}
    for index in range(head):
        if is_adjectival(tokens[index], vocab):
            adjective = inflect_nominative(tokens[index], vocab, agree_with=agreement)
            if adjective is not None:
                words[index] = restore_shape(adjective.word, tokens[index].text)
    return join_words(words, tokens)


def nominative_compound(word: str, vocab: MorphVocab) -> str | None:
    """A hyphenated name ending in a common noun, in the nominative singular: "Карнеги-центра" ->
    "Карнеги-центр". natasha often reads such a word as a person in the nominative, so the dictionary's
    reading of the noun decides."""
    forms = [f for f in vocab(word.lower()) if f.tag.POS == "NOUN" and "inan" in f.tag and "sing" in f.tag]
    if not forms or "nomn" in forms[0].tag or not CYRILLIC.search(word.rpartition("-")[2]):
        return None
    inflected = forms[0].inflect({"nomn", "sing"})
    return restore_shape(inflected.word, word) if inflected is not None else None


def find_head(tokens: Sequence[Any], vocab: MorphVocab) -> int | None:
    """Index of the head noun: the first noun after the leading adjectives, if any."""
    for index, token in enumerate(tokens):
        if index + 1 < len(tokens) and (is_adjectival(token, vocab) or is_adjective_link(tokens, index)):
            continue
        if token.pos in NOUNS:
            return index
        return None
    return None


def is_adjective_link(tokens: Sequence[Any], index: int) -> bool:
    """ "и" or a comma between two leading adjectives: "Западноафриканского экономического и валютного"."""
    return index > 0 and tokens[index].text in ("и", ",") and tokens[index - 1].pos in ADJECTIVES


def is_adjectival(token: Any, vocab: MorphVocab) -> bool:
    """An adjective or participle (natasha sometimes tags a capitalised adjective as PROPN)."""
    if not CYRILLIC.search(token.text):
        return False
    if token.pos in ADJECTIVES or token.feats.get("VerbForm") == "Part":
        return token.pos != "NUM" or not token.text[0].isdigit()
    if token.pos in NOUNS:
        forms = vocab(token.text.lower())
        return bool(forms) and forms[0].tag.POS in ("ADJF", "PRTF")
    return False


def inflect_nominative(token: Any, vocab: MorphVocab, agree_with: set[str] | None) -> Any | None:
    """The vocabulary form of ``token`` in the nominative, or None where the word stays as written.

    A head noun keeps its number; an adjective takes ``agree_with`` (the head's gender or plural).
    """
    text = token.text
    if not CYRILLIC.search(text) or text.isupper() or token.feats.get("Case") in (None, "Nom"):
        return None
    forms = vocab(text.lower())
    form = select_form(forms, token)
    if form is None:
        return None
    if token.feats.get("Case") == "Acc" and any(is_nominative(f, form, agree_with) for f in forms):
        return None  # an accusative spelled like the nominative: keep the word as written
    if agree_with is None:
        grams = {"nomn", "plur" if "plur" in form.tag else "sing"}
    else:
        grams = {"nomn", *agree_with}
    inflected = form.inflect(grams) or form.inflect({"nomn"})
    if inflected is None or inflected.word[:STEM] == form.word[:STEM]:
        return inflected
    return same_stem(form, inflected)


STEM = 4
"""An inflected word keeps the first letters of the word as written; where the dictionary's form does not
("высшей" -> "высочайшая", a superlative filed under "высокий"), only the ending changes: "высшая"."""


def same_stem(form: Any, inflected: Any) -> Any | None:
    """``inflected`` spelled on the stem of ``form``: the ending that turns the dictionary's spelling of
    ``form`` ("высочайшей") into ``inflected`` ("высочайшая") put on the word as written ("высшей")."""
    written = next((f.word for f in form.lexeme if f.tag == form.tag), None)
    if written is None:
        return None
    common = 0
    while common < min(len(written), len(inflected.word)) and written[common] == inflected.word[common]:
        common += 1
    old_ending, new_ending = written[common:], inflected.word[common:]
    if not form.word.endswith(old_ending):
        return None
    return inflected._replace(word=form.word[: len(form.word) - len(old_ending)] + new_ending)


def is_nominative(candidate: Any, form: Any, agree_with: set[str] | None) -> bool:
    """Whether ``candidate`` is the nominative of ``form``'s word with the wanted number or gender."""
    if candidate.normal != form.normal or "nomn" not in candidate.tag:
        return False
    wanted = agree_with or {"plur" if "plur" in form.tag else "sing"}
    return all(gram in candidate.tag for gram in wanted)


def select_form(forms: Sequence[Any], token: Any) -> Any | None:
    """The vocabulary form that agrees best with natasha's case, number, gender and part of speech."""
    feats = token.feats
    case = feats.get("Case")
    wanted_adj = token.pos in ADJECTIVES or feats.get("VerbForm") == "Part"

    def score(form: Any) -> int:
        form_feats = form.feats
        points = 0
        if form_feats.get("Case") == case:
            points += 8
        elif case == "Acc" and form_feats.get("Case") == "Nom":
            points += 4
        if (form.tag.POS in ("ADJF", "PRTF")) == wanted_adj:
            points += 2
        for name in ("Number", "Gender"):
            if form_feats.get(name) == feats.get(name):
                points += 1
        return points

    scored = [(score(form), -index, form) for index, form in enumerate(forms)]
    if not scored:
        return None
    best = max(scored, key=lambda item: item[:2])
    return best[2] if best[0] >= 8 else None


def restore_shape(word: str, original: str) -> str:
    """Copy the letter case of ``original`` onto ``word`` position by position: "мид", "МИДом" -> "МИД"."""
    letters = []
    for index, char in enumerate(word):
        if index < len(original) and original[index].isupper():
            letters.append(char.upper())
        else:
            letters.append(char)
    shaped = "".join(letters)
    if "ё" not in original.lower():  # keep the writer's е where the dictionary spells ё
        shaped = shaped.replace("ё", "е").replace("Ё", "Е")
    return shaped


def join_words(words: Sequence[str], tokens: Sequence[Any]) -> str:
    """Join words with the spacing the tokens had in the text (one space for any run of whitespace)."""
    parts = []
    for index, (word, token) in enumerate(zip(words, tokens, strict=True)):
        if index and token.start > tokens[index - 1].stop:
            parts.append(" ")
        parts.append(word)
    return "".join(parts)
