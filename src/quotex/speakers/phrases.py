"""A source's noun phrase: the words that go with it, and the phrase in the nominative."""

from __future__ import annotations

from natasha.doc import DocToken

from ..quotes.context import Context
from ..records import Span

POSSESSIVE = frozenset({"его", "её", "ее", "их"})
"""Possessive pronouns before a noun: "его адвокат" is someone else's, never "он"."""
OC_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
CYRILLIC_TO_LATIN = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")
LATIN_TO_CYRILLIC = str.maketrans("ABEKMHOPCTXaeopcyx", "АВЕКМНОРСТХаеорсух")


class Phrases:
    """Noun phrases of one document."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def phrase(self, token: DocToken) -> list[DocToken]:
        """The noun phrase a source token heads, without clauses hanging off it."""
        ctx = self.ctx
        keep = [token]
        for child in ctx.children(token):
            if child.rel in ("acl", "acl:relcl", "parataxis", "punct", "cc", "conj"):
                continue
            if child.rel in ("amod", "det", "nmod", "appos", "flat:name", "flat", "nummod", "case", "fixed"):
                keep.extend(_without_clauses(ctx, child))
        keep = sorted({t.id: t for t in keep}.values(), key=lambda t: t.start)
        # keep one contiguous run around the token
        first = last = next(index for index, kept in enumerate(keep) if kept is token)
        while first > 0 and _adjacent(ctx.text, keep[first - 1], keep[first]):
            first -= 1
        while last + 1 < len(keep) and _adjacent(ctx.text, keep[last], keep[last + 1]):
            last += 1
        run = keep[first : last + 1]
        while run and run[0].pos in ("ADP", "PUNCT"):
            run = run[1:]
        while run and run[-1].pos in ("PUNCT", "ADP"):
            run = run[:-1]
        if run and sum(t.text == "«" for t in run) > sum(t.text == "»" for t in run):
            closing = next(ctx.tokens_between(run[-1].stop, run[-1].stop + 2), None)
            if closing is not None and closing.text == "»":
                run.append(closing)  # "компании «Вектор»": the name's closing mark with it
        return run or [token]

    def description(self, phrase: list[DocToken], keep_case: bool = False) -> str:
        """The phrase in the nominative: its head and the words agreeing with it inflected, the rest kept."""
        head = phrase[0]
        for token in phrase:
            if token.text.lower() in POSSESSIVE and token is not phrase[-1]:
                continue  # "его адвокат": the noun is the head
            if token.pos in ("NOUN", "PROPN", "NUM", "PRON") or self.ctx.lemma(token) == "один":
                head = token
                break
        words = []
        for token in phrase:
            word = token.text
            if token is head:
                word = self.nominative(token, head.feats.get("Number", "Sing"))
            elif token.start < head.start and token.pos in ("ADJ", "DET", "VERB"):
                word = self.nominative(token, head.feats.get("Number", "Sing"), head.feats.get("Gender"))
            words.append((token, word))
        parts = []
        for index, (token, word) in enumerate(words):
            if index:
                gap = self.ctx.text[words[index - 1][0].stop : token.start]
                parts.append(" " if gap.isspace() else gap)  # one space for a line break or blanked markup
            parts.append(word)
        text = _balanced("".join(parts), self.ctx.text[phrase[-1].stop : phrase[-1].stop + 1])
        if keep_case or text[:2].isupper() or (words and words[0][0].pos == "PROPN"):
            return text  # an acronym or a name ("Путин" that natasha did not tag) keeps its capital
        return text[:1].lower() + text[1:]

    def nominative(self, token: DocToken, number: str, gender: str | None = None) -> str:
        """The word in the nominative, in ``number`` (and, for an adjective, the ``gender`` of its
        noun), with the capitals it had; an acronym ("МВД") stays as written."""
        if token.feats.get("Case") in (None, "Nom") or (token.text.isupper() and len(token.text) > 1):
            return token.text
        grams = {"nomn", "plur" if number == "Plur" else "sing"}
        if number != "Plur" and gender in OC_GENDERS:
            grams.add(OC_GENDERS[gender])
        forms = sorted(self.ctx.vocab(token.text.lower()), key=lambda form: form.pos != token.pos)
        for form in forms:
            if form.feats.get("Case") == token.feats.get("Case") and form.pos in (token.pos, "NOUN", "ADJ"):
                inflected = form.inflect(grams) or form.inflect({"nomn"})
                if inflected is not None:
                    word = inflected.word
                    return word[:1].upper() + word[1:] if token.text[:1].isupper() else word
        return token.text

    def span(self, tokens: list[DocToken]) -> Span:
        start, end = tokens[0].start, tokens[-1].stop
        return Span(self.ctx.text[start:end], start, end)


def _without_clauses(ctx: Context, token: DocToken) -> list[DocToken]:
    """The token's subtree without the relative and participial clauses in it ("министерства, которое
    возглавляет Иванов" -> "министерства")."""
    found, stack = [], [token]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(child for child in ctx.children(node) if child.rel not in ("acl", "acl:relcl"))
    return found


def _adjacent(text: str, left: DocToken, right: DocToken) -> bool:
    gap = text[left.stop : right.start]
    return len(gap) <= 1 or gap.strip() in ("", "«", "»", '"', "(", ")")


def one_script(name: str) -> str:
    """Each word of a name in one script: a Cyrillic letter that looks Latin inside a Latin word
    ("СNN" typed with a Cyrillic С) becomes Latin, and the other way round."""
    words = []
    for word in name.split(" "):
        latin = sum("a" <= char.lower() <= "z" for char in word)
        cyrillic = sum("а" <= char.lower() <= "я" or char in "ёЁ" for char in word)
        if latin and cyrillic:
            word = word.translate(CYRILLIC_TO_LATIN if latin >= cyrillic else LATIN_TO_CYRILLIC)
        words.append(word)
    return " ".join(words)


PAIRS = (("«", "»"), ("„", "“"), ("(", ")"))


def _balanced(text: str, following: str) -> str:
    """The phrase with a mark it opened and the text closes right after it ('собеседник "Ъ' + '"'), and
    without a bracket it opens and leaves open ("управление Беркли (пригород Сент-Луиса")."""
    for opening, closing in PAIRS:
        if text.count(opening) > text.count(closing):
            if following == closing:
                return text + closing
            if opening == "(":
                return text[: text.index(opening)].rstrip()
    if text.count('"') % 2 and following == '"':
        return text + following
    return text
