"""Headlines and leads of the form "Source: content": the content is a quote of the source.

"Минфин: дефицит бюджета сократится", "СМИ: завод закроют", "Тренер о матче: «Это будет важнейшая
игра»". The line opens with the source (split off as a sentence of its own by ``nlp``) and is the first
line of the text or a heading (no final period). An agency dateline that opens a statement with a cue
of its own ("АФИ: Глава комитета заявил, что ...", "Интерфакс: По его словам, ...") is no quote of the
agency: the cue inside gives the quote and its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from natasha.doc import DocSent, DocToken

from ..deadline import check
from .context import Context
from .cues import cues, sources
from .direct import is_speech_verb
from .findings import Finding, trim
from .indirect import ACCORDING, according_noun

HEADLINE_WORDS = 30
"""A headline says its content in at most this many words."""
WORD = re.compile(r"[^\W\d_]{2,}")
DASHES = {"-", "—", "–"}
SPEAKING_ENTITIES = ("PER", "ORG")
SOURCE_KINDS = ("institution", "group", "spokesman", "media")


def find_headlines(ctx: Context) -> Iterator[Finding]:
    """Every "Source: content" headline, with the colon as cue and the head of the source phrase as
    source."""
    text = ctx.text
    first_line = len(text) - len(text.lstrip())
    for sent in ctx.sents[:-1]:
        check()
        colon = sent.tokens[-1]
        line_start = text.rfind("\n", 0, sent.start) + 1
        if colon.text != ":" or text[line_start : sent.start].strip():
            continue
        line_end = text.find("\n", colon.stop)
        line_end = len(text) if line_end < 0 else line_end
        start, end = trim(text, colon.stop, line_end, " \t\r")
        heading = line_start == first_line or not text[start:end].endswith(".")
        content = list(ctx.tokens_between(start, end))
        if end <= start or not heading or not _is_claim(ctx, content) or _cued(ctx, content):
            continue
        source = _source(ctx, sent)
        if source is not None:
            start, end = trim(text, start, end)
            yield Finding(start, end, "indirect", (colon.start, colon.stop), colon, source)


def _is_claim(ctx: Context, tokens: list[DocToken]) -> bool:
    """A statement, not a label ("Фото: Иван Петров", "Источник: https://..."): a few words with a
    predicate (a finite verb, a short form, a dash between nouns) or all in quotation marks."""
    words = [t for t in tokens if WORD.fullmatch(t.text)]
    if not 3 <= len(words) <= HEADLINE_WORDS:
        return False
    if tokens[0].text in '«"„“':
        return True
    return any(
        (t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin")
        or t.feats.get("Variant") == "Short"
        or (t.text in DASHES and 0 < i < len(tokens) - 1)
        for i, t in enumerate(tokens)
    )


def _cued(ctx: Context, tokens: list[DocToken]) -> bool:
    """A cue of the content's own: a speech or opinion verb, "по словам X", "согласно данным X"."""
    lexicon = cues()
    for token in tokens:
        if is_speech_verb(ctx, token) or (ctx.may_be_cue(token) and ctx.lemma(token) in lexicon["think"]):
            return True
        if token.text.lower() in ACCORDING and according_noun(ctx.sent_of_token[token.id], token):
            return True
    return False


def _source(ctx: Context, sent: DocSent) -> DocToken | None:
    """The head of the source phrase before the colon, if it names someone who can speak; a clause
    with a verb of its own ("Активисты развернули плакат с надписью:") is no source phrase."""
    if any(t.pos in ("VERB", "AUX") for t in sent.tokens):
        return None
    words = [t for t in sent.tokens if t.pos in ("NOUN", "PROPN", "X", "PRON")]
    phrase = {t.id for t in sent.tokens}
    heads = [t for t in words if (parent := ctx.head(t)) is None or parent.id not in phrase]
    nominative = [t for t in words if t.feats.get("Case", "Nom") == "Nom"]
    head = (heads or nominative or [None])[0]
    if head is None:
        return None
    entity = ctx.entity_of(head)
    if entity is not None:
        return head if entity.type in SPEAKING_ENTITIES else None
    kinds = sources()
    lemma = ctx.lemma(head)
    if head.feats.get("Animacy") == "Anim" or any(lemma in kinds[kind] for kind in SOURCE_KINDS):
        return head
    return None
