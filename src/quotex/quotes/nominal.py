"""Nominal reported speech: the claim is what the cue verb governs after it, object included.

"X подтвердил [гибель мирных жителей]", "X обвинил [власти в сокрытии данных]", "X назвал [арест
нарушением прав]", "X призвал [стороны к перемирию]", "X сообщил [о гибели 80 человек]". A topic and
nothing more ("сообщил о визите", "выразил соболезнования") is no claim, nor is an object that points
back ("подтвердил эту информацию": a backward cue, see ``indirect``).
"""

from __future__ import annotations

import re

from natasha.doc import DocToken

from .context import Context
from .cues import RECOGNISING, claim_verbs, cues, sources

NOT_CONTENT = {"punct", "cc", "conj", "parataxis", "nsubj", "nsubj:pass", "discourse", "vocative", "aux"}
ABOUT = {"о", "об", "обо"}
TALK = {"говорить", "рассказывать"}
"""Verbs whose gerund with an "о"-phrase names a topic: "говоря о ...", "рассказывая о ..."."""
POINTING_BACK = {"это", "этот", "то", "тот", "такой", "все", "всё", "что"}
DEMONSTRATIVES = {"этот", "тот", "такой", "данный", "подобный", "соответствующий"}
OBJECTS = ("NOUN", "PROPN", "PRON", "X", "NUM")
QUOTE_MARKS = '«»"“”„'
QUOTED = re.compile(r"[«\"„“][^«»\"„“”]*[»\"“”]")


def claim_span(ctx: Context, verb: DocToken) -> tuple[int, int] | None:
    """The offsets of the claim the verb governs, or None when it governs no claim: none for a negated
    verb ("ничего не сообщает о деталях") nor for an "о"-phrase after "говоря", "рассказывая" ("Говоря
    о будущем отрасли, он ..."), which names the topic of what follows ("объявив об отмене концертов" is
    a claim)."""
    if _negated(ctx, verb):
        return None
    lemma = ctx.lemma(verb)
    lexicon = cues()
    governed = [
        child for child in ctx.children(verb) if child.start > verb.stop and child.rel not in NOT_CONTENT
    ]
    first: DocToken | None = None
    if lemma in claim_verbs():
        first = _claim_start(ctx, governed, claim_verbs()[lemma])
        if lemma in RECOGNISING:  # "признал вину": a bare admission too; "признали коалицию в
            # качестве представителя" is an act, not an admission
            admitted = [c for c in governed if c.rel == "obj" and ctx.lemma(c) in ADMISSIONS]
            first = admitted[0] if admitted else None
    if first is None and lemma in lexicon["call"]:
        first = _called(ctx, governed)
    if (
        first is None
        and lemma in lexicon["about"]
        and not (verb.feats.get("VerbForm") == "Conv" and lemma in TALK)
    ):
        first = _about(ctx, governed)
    if first is None:
        return None
    content = [child for child in governed if child.start >= first.start]
    # only what stands after the verb: a parse may hang words before it on the claim ("X и фронт призывают")
    after = [t for child in content for t in ctx.subtree(child) if t.start > verb.stop]
    if not after:
        return None
    start, end = min(t.start for t in after), max(t.stop for t in after)
    if lemma in lexicon["ask"]:  # "призвал к переговорам до того, как ...": the call's own deadline
        return start, end
    return start, _before_circumstance(list(ctx.tokens_between(start, end)), end)


CIRCUMSTANCE = {"хотя"}
"""Words that open the author's clause of concession after a claim, past a comma; not "когда", "если"
or "пока" ("обвинил полицию в бездействии, когда горел склад": the claim's own time) nor a cause,
which may be the source's argument."""
CIRCUMSTANCE_PAIRS = {("после", "того"), ("только", "после")}
"""... and pairs that do, with or without a comma ("обвиняла его в некомпетентности после того, как
...")."""


def _before_circumstance(tokens: list[DocToken], end: int) -> int:
    """Where the claim in ``tokens`` ends: before the author's clause of time or concession that
    follows it (the text's account of when, not the source's words), else at ``end``."""
    for position, token in enumerate(tokens[1:], 1):
        word = token.text.lower()
        following = tokens[position + 1].text.lower() if position + 1 < len(tokens) else ""
        after_comma = tokens[position - 1].text == ","
        if (word, following) in CIRCUMSTANCE_PAIRS or (after_comma and word in CIRCUMSTANCE):
            previous = tokens[position - 2] if after_comma else tokens[position - 1]
            return previous.stop
    return end


def _claim_start(ctx: Context, governed: list[DocToken], prepositions: frozenset[str]) -> DocToken | None:
    """``подтвердил гибель ...`` (an object saying more than one bare noun), ``призвал стороны к ...``."""
    objects = [c for c in governed if c.rel == "obj" and c.pos in OBJECTS]
    if objects and points_back(ctx, objects[0]):
        return None
    if prepositions:  # "призвал стороны к перемирию": the parse may hang "к" on the verb or the object
        below = [c for o in objects[:1] for c in ctx.children(o) if c.start > o.start]
        opened = next(
            (
                c
                for c in governed + below
                if _preposition(ctx, c) in prepositions and ctx.lemma(c) not in SPANS_OF_TIME
            ),  # "раскритиковал работу за последние два года": when, not what for
            None,
        )
        if opened is None:
            return None
        return objects[0] if objects and objects[0].start < opened.start else opened
    if not objects or objects[0].pos == "PRON" or ctx.lemma(objects[0]) in cues()["courtesy"]:
        return None
    rest = [c for c in governed if c.start > objects[0].start]
    return objects[0] if ctx.children(objects[0]) or rest else None


def _called(ctx: Context, governed: list[DocToken]) -> DocToken | None:
    """``назвал арест нарушением прав``, ``считает Тайвань своей провинцией``, ``расценил X как Y``:
    an object and what it is called, in the instrumental or after "как". An object that points back
    is part of the claim: "назвал эти события худшим днём" says what the events were."""
    objects = [c for c in governed if c.rel == "obj" and c.pos in OBJECTS]
    called = [
        c
        for c in governed
        if c.rel in ("xcomp", "obl", "advcl")
        and ((c.feats.get("Case") == "Ins" and not _preposition(ctx, c)) or _preposition(ctx, c) == "как")
    ]
    if objects and not called:  # "назвал уход правительства своим достижением": the parse may hang
        called = [  # what it is called on the object
            c
            for c in ctx.children(objects[0])
            if c.start > objects[0].start
            and c.rel == "nmod"
            and c.feats.get("Case") == "Ins"
            and not _preposition(ctx, c)
        ]
    if not objects or not called or _only_quoted(ctx, called[0]):
        return None
    return min(objects[0], called[0], key=lambda t: t.start)


def _only_quoted(ctx: Context, called: DocToken) -> bool:
    """``назвал выборы «катастрофой»``: the quoted word is the direct quote; but ``назвал X «помощником
    Путина», который ...`` says more than the quote (a clause of its own) and is a claim."""
    subtree = [t for t in ctx.subtree(called) if t.text not in QUOTE_MARKS]
    opening = subtree[0].start - 1
    if opening < 0 or ctx.text[opening] not in QUOTE_MARKS:
        return False
    quoted = [match.span() for match in QUOTED.finditer(ctx.text, opening, subtree[-1].stop + 1)]
    return not any(
        t.pos in ("VERB", "AUX") and not any(start <= t.start < end for start, end in quoted) for t in subtree
    )


def can_speak(ctx: Context, source: DocToken) -> bool:
    """A person, a named entity, a pronoun or a source noun ("полиция", "эксперты") makes claims;
    "практика говорит о ...", "борьба потребовала жертв" use the verb in another sense."""
    if source.pos == "PRON" or source.feats.get("Animacy") == "Anim" or ctx.entity_of(source) is not None:
        return True
    lemma = ctx.lemma(source)
    kinds = sources()
    return any(lemma in kinds[kind] for kind in ("institution", "group", "spokesman", "media", "statement"))


def _about(ctx: Context, governed: list[DocToken]) -> DocToken | None:
    """``сообщил о гибели 80 человек``: an "о"-phrase whose noun has more than adjectives to it."""
    for child in governed:
        if _preposition(ctx, child) not in ABOUT or child.pos not in ("NOUN", "PROPN"):
            continue
        if ctx.lemma(child) in POINTING_BACK:
            return None  # "о том, что C": the clause, found by the "что" finder
        said = [c for c in ctx.children(child) if c.rel not in ("case", "amod", "det", "punct")]
        return child if said else None
    return None


def _negated(ctx: Context, verb: DocToken) -> bool:
    """Whether "не" stands right before the verb: "не сообщает о деталях"; not "не только подтвердил",
    nor "не отрицает", which admits the claim."""
    before = next(ctx.tokens_back(max(0, verb.start - 4), verb.start), None)
    return before is not None and before.text.lower() == "не" and ctx.lemma(verb) not in ADMITTING


ADMITTING = {"отрицать", "скрывать", "оспаривать"}
SPANS_OF_TIME = frozenset({"год", "месяц", "неделя", "день", "период", "время", "срок", "сутки", "час"})
"""Nouns after a claim's preposition that say when, not what ("за последние два года")."""
ADMISSIONS = frozenset(
    {"вина", "ошибка", "поражение", "участие", "факт", "причастность", "ответственность", "правота"}
    | {"необходимость", "наличие", "существование", "проблема", "серьёзность", "серьезность", "масштаб"}
)
"""What one admits: the objects of "признать" that state a claim of the speaker."""
"""Verbs that, negated, admit their claim: "не отрицает причастности"."""


def _preposition(ctx: Context, token: DocToken) -> str:
    """The preposition of a noun ("к" in "к перемирию"), "" without one."""
    for child in ctx.children(token):
        if child.rel == "case" and child.start < token.start:
            return child.text.lower()
    return ""


def points_back(ctx: Context, token: DocToken) -> bool:
    """``подтвердил это``, ``подтвердила эту информацию``: the object refers to what was said before."""
    if ctx.lemma(token) in POINTING_BACK:
        return True
    return any(c.rel in ("det", "amod") and ctx.lemma(c) in DEMONSTRATIVES for c in ctx.children(token))
