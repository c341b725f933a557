"""Direct quotes: quoted statements, split quotes, quotes after a colon, dialogue lines.

A quoted span is a quote when the layout ties it to a speech cue (``«Q», — V S``, ``S V: «Q»``,
``S V, что «Q»``, ``S назвал X «Q»``) or when it reads as a statement on its own (several words with a
finite verb or a first- or second-person pronoun). Names and titles in quotes («Газпром», газета
"Известия") and scare quotes are not quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import chain, islice

from natasha.doc import DocToken

from ..deadline import check
from .context import Context, Covered
from .cues import RECOGNISING, claim_verbs, cues, phrase_verbs, sources
from .findings import Finding, trim
from .marks import QuotedSpan, find_quoted_spans

DASH_AFTER = re.compile(r"[ \t]*[,.!?…]*\s*[—–-]\s*")
COMMA_AFTER = re.compile(r",[ \t]*")
DASH_LINE = re.compile(r"^[ \t]*[—–-][ \t]+(?=\S)", re.MULTILINE)
SPLIT = re.compile(r"([,.!?…])\s*[—–-]\s+")
STATEMENT_WORDS = 5
SPACES = " \t\r\n\xa0"
PERSONAL = frozenset({"он", "она", "они"})
CONTRAST = frozenset({"хотя", "но", "однако"})


def find_direct(ctx: Context) -> list[Finding]:
    """Direct quotes in text order, with the cue and source token where the layout gives them."""
    findings: list[Finding] = []
    for span in find_quoted_spans(ctx.text):
        check()
        start, end = trim(ctx.text, span.start, span.end, SPACES)  # «''Q''»: the markup is blanked
        if span.depth == 0 and end > start:
            findings.extend(_from_quoted(ctx, replace(span, start=start, end=end)))
    covered = Covered((f.start, f.end) for f in findings if not f.tentative)
    findings.extend(_after_colon(ctx, covered))
    findings.extend(_colon_inside_line(ctx, covered))
    findings.extend(_dialogue_lines(ctx, covered))
    return sorted(findings, key=lambda f: f.start)


def _from_quoted(ctx: Context, span: QuotedSpan) -> Iterator[Finding]:
    # "По словам дипломата, «Q», передает Интерфакс": the diplomat speaks, the agency passes it on
    according = _according_before_colon(ctx, span, ",")
    verb = None
    if according is None:
        verb = _inner_cue(ctx, span) or _cue_after(ctx, span) or _cue_before(ctx, span)
    if verb is not None:
        yield from _split(ctx, span.start, span.end, verb)
        return
    according = according or _according_before_colon(ctx, span)
    if according is not None:  # "По словам протоиерея Ивана Петрова: «Q»"
        preposition, noun, source = according
        yield Finding(span.start, span.end, "direct", (preposition.start, noun.stop), noun, source)
        return
    noun = _writing_before(ctx, span)
    if noun is not None:
        yield Finding(span.start, span.end, "direct", (noun.start, noun.stop), noun, _writer(ctx, noun))
    elif _is_statement(ctx, span):
        yield Finding(span.start, span.end, "direct", discourse=True)
    else:
        yield Finding(span.start, span.end, "direct", tentative=True)


def _split(ctx: Context, start: int, end: int, verb: DocToken) -> Iterator[Finding]:
    """«Мы готовы, — сказал он, — но не сейчас»: two quotes around the inner cue, one speaker."""
    source = subject_of(ctx, verb)
    cue = (verb.start, verb.stop)
    if start < verb.start < end:
        before = SPLIT.search(ctx.text, start, verb.start)
        after = SPLIT.search(ctx.text, verb.stop, end)
        if before and after:
            yield Finding(
                start, before.start(1) + (ctx.text[before.start(1)] in "!?…"), "direct", cue, verb, source
            )
            yield Finding(after.end(), end, "direct", cue, verb, source)
            return
    yield Finding(start, end, "direct", cue, verb, source)


def _inner_cue(ctx: Context, span: QuotedSpan) -> DocToken | None:
    """A cue set inside the marks between two dashes: «Мы готовы, — сказал он, — но не сейчас»."""
    for match in SPLIT.finditer(ctx.text, span.start, span.end):
        following = list(islice(ctx.tokens_between(match.end(), span.end), 4))
        verb = next((t for t in following if _dash_cue(ctx, t)), None)
        if verb is not None and SPLIT.search(ctx.text, verb.stop, span.end):
            return verb
    return None


def _cue_after(ctx: Context, span: QuotedSpan) -> DocToken | None:
    """``«Q», — отметил президент``: a speech verb within a few words after the closing mark and a dash."""
    if not span.closed:
        return None
    dash = DASH_AFTER.match(ctx.text, span.outer_end)
    if not dash or ("-" not in dash.group() and "—" not in dash.group() and "–" not in dash.group()):
        return _cue_after_comma(ctx, span)
    if _in_phrase(ctx, span) and _is_name(ctx, span):
        return None  # "один из фаворитов консервативного «Движения чаепития» — намекал ...": a name
    sent = ctx.sentence_at(dash.end())
    if sent is None:
        return None
    following = [t for t in sent.tokens if t.start >= dash.end()][:6]
    words = [t.text.lower() for t in following[:3]]
    if words == ["с", "этими", "словами"]:
        return following[2]  # "— с этими словами Квачков отправился": the noun stands in for the verb
    for token in following:
        if token.text in '«"“„':
            break
        if _dash_cue(ctx, token):
            return token
    return None


def _in_phrase(ctx: Context, span: QuotedSpan) -> bool:
    """Do the marks open right after a word of a noun phrase in the same sentence ("консервативного
    «Движения»"), not after punctuation, a verb or at the start of a line?"""
    previous = next(ctx.tokens_back(max(0, span.open_at - 40), span.open_at), None)
    sent = ctx.sentence_at(span.open_at)
    if previous is None or sent is None:
        return False
    # a word of a noun phrase, not a verb ("кричали «Позор!» — сообщает ТАСС")
    return previous.pos in ("ADJ", "NOUN", "PROPN", "ADP", "DET", "NUM") and previous.start >= sent.start


def _dash_cue(ctx: Context, token: DocToken) -> bool:
    """A speech verb, or an opinion verb set off by dashes: «Q», — считает X."""
    if is_speech_verb(ctx, token):
        return True
    finite = token.pos == "VERB" and token.feats.get("VerbForm") == "Fin" and token.feats.get("Person") != "1"
    return finite and ctx.may_be_cue(token) and ctx.lemma(token) in cues()["think"]


def _cue_after_comma(ctx: Context, span: QuotedSpan) -> DocToken | None:
    """``«Q», заявил Петров``: no dash, the speech verb right after the comma."""
    comma = COMMA_AFTER.match(ctx.text, span.outer_end)
    sent = ctx.sentence_at(comma.end()) if comma else None
    if comma is None or sent is None or _is_name(ctx, span):
        return None  # "председатель совета «Базового элемента», заявил, что ..."
    verb = next((t for t in sent.tokens if t.start >= comma.end()), None)
    return verb if verb is not None and is_speech_verb(ctx, verb) else None


def _cue_before(ctx: Context, span: QuotedSpan) -> DocToken | None:
    """``S сказал: «Q»``, ``S заявил, что «Q»``, ``S назвал выборы «Q»``."""
    text = ctx.text
    line_start = text.rfind("\n", 0, span.open_at) + 1
    if _visible_end(text, span.open_at, line_start) == line_start:  # "S сказал:\n«Q»": on its own line
        previous = _visible_end(text, line_start, 0)
        if text[previous - 1 : previous] != ":":
            return None
        line_start = text.rfind("\n", 0, previous) + 1
    # a line may be long: only its end counts, read from the quote back
    before = text[max(line_start, span.open_at - TAIL) : span.open_at].rstrip()
    tokens = ctx.tokens_back(line_start, span.open_at)
    last = next(tokens, None)
    if last is None:
        return None
    tokens = chain([last], tokens)
    if re.search(r",\s*что$", before) and _is_name(ctx, span):
        return None  # "Нам объявили, что «Арарат» закрывается"
    if before.endswith(":") or re.search(r",\s*что$", before):
        for token in _last_clause_back(tokens):
            if is_speech_verb(ctx, token):
                return token
        return None
    for token in islice(tokens, 15):  # "назвал выборы «Q»", "назвала X «Q», а Y «Q»"
        if token.text in (".", "!", "?", ":"):
            return None
        if token.pos == "VERB" and ctx.lemma(token) in cues()["call"]:
            if token.feats.get("Voice") == "Pass" and ctx.lemma(token) in RECOGNISING:
                return None  # "признан «Человеком года»": a title
            attributive = token.feats.get("VerbForm") == "Part" and token.feats.get("Variant") != "Short"
            return token if _instrumental(ctx, span) and not attributive else None  # "так называемым «C»"
        if token.pos == "VERB" and token.feats.get("VerbForm") == "Fin":
            return None
    return None


def _according_before_colon(
    ctx: Context, span: QuotedSpan, mark: str = ":"
) -> tuple[DocToken, DocToken, DocToken | None] | None:
    """``По словам X: «Q»`` (or with ``mark`` ",": ``По словам X, «Q»``): the preposition, the noun
    and the source of a "по словам X" phrase that makes the clause before the mark right before the
    quotation marks."""
    from .indirect import according_noun, according_source  # indirect builds on this module

    end = _visible_end(ctx.text, span.open_at, 0)
    if ctx.text[end - 1 : end] != mark:
        return None
    sent = ctx.sentence_at(end - 1)
    if sent is None:
        return None
    clause = [t for t in sent.tokens if t.stop < end]
    if mark != ":" and any(_finite(t) for t in clause):
        return None  # "По словам X, он сказал «Q»": the phrase is no whole clause
    for token in clause[:2]:  # the phrase opens the sentence ("По словам", "Согласно сообщению")
        noun = according_noun(sent, token)
        if noun is not None:
            source = according_source(ctx, noun)
            return (token, noun, source) if source is not None else None
    return None


def _writing_before(ctx: Context, span: QuotedSpan) -> DocToken | None:
    """ "плакат с надписью: «C»", "оставил сообщение «C»": a noun of written words right before the
    marks (a colon may stand between); not a name in quotes ("в сообщении «Газпрома»")."""
    end = _visible_end(ctx.text, span.open_at, 0)
    if ctx.text[end - 1 : end] == ":":
        end = _visible_end(ctx.text, end - 1, 0)
    token = next(ctx.tokens_back(max(0, end - 40), end), None)
    if token is None or token.stop != end or token.pos != "NOUN" or _is_name(ctx, span):
        return None
    return token if ctx.lemma(token) in cues()["writing"] else None


def _writer(ctx: Context, noun: DocToken) -> DocToken | None:
    """The subject of the verb a noun of writing hangs on ("Активисты развернули плакат с надписью")."""
    token: DocToken | None = noun
    while token is not None and token.pos not in ("VERB", "AUX"):
        token = ctx.head(token)
    if token is None or ctx.lemma(token) in cues()["receive"]:
        return None  # "Избиратели получили письма с надписью «C»": the readers, not the writer
    return subject_of(ctx, token)


IN_IT = frozenset({"нем", "нём", "ней", "них"})
"""Pronouns that, after "в", stand for a statement named before ("В нём говорится")."""
TAIL = 200
"""Characters before a quotation mark in which its cue's colon or "что" may stand."""


def _visible_end(text: str, end: int, start: int) -> int:
    """The offset just past the last character before ``end`` (and from ``start``) that is no space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _instrumental(ctx: Context, span: QuotedSpan) -> bool:
    """ "назвал выборы «катастрофой»": what was called something is in the instrumental; a name in
    quotes after the verb ("назвал ответ на «Закон Магнитского» аморальным") is not."""
    words = [t for t in ctx.tokens_between(span.start, span.end) if t.pos in ("NOUN", "ADJ", "PROPN", "VERB")]
    return bool(words) and any(t.feats.get("Case") == "Ins" for t in words[:3])


def _last_clause_back(backwards: Iterator[DocToken]) -> Iterator[DocToken]:
    """The tokens after the last sentence end or quotation mark before the cue, from the cue back; not
    past a comma before "хотя", "но", "однако" ("Власти не отвечают, хотя она не требует ничего: «Q»":
    the statement is not the authorities' answer)."""
    following = ""
    for position, token in enumerate(backwards):
        if position and token.text in {".", "!", "?", "»", "“", "”", '"'}:
            return
        if token.text == "," and following in CONTRAST:
            return
        following = token.text.lower()
        yield token


def _is_name(ctx: Context, span: QuotedSpan) -> bool:
    """A capitalised name of at most three words with no verb: «Арарат», «Единая Россия»; a pronoun, an
    adverb or a particle makes words said: «Это слегка неловко», «Не сейчас»."""
    words = [t for t in ctx.tokens_between(span.start, span.end) if t.pos != "PUNCT"]
    said = any(t.pos in ("VERB", "AUX", "PRON", "ADV", "PART") for t in words)
    return len(words) <= 3 and not said and ctx.text[span.start : span.start + 1].isupper()


YEAR_AFTER = re.compile(r"[ \t]*\((?:\d{4}|\d{4}[—–-]\d{2,4})\)")
"""A title's year after its closing mark: «Не можешь платить — не плати» (1981)."""


def _is_statement(ctx: Context, span: QuotedSpan) -> bool:
    if span.closed and YEAR_AFTER.match(ctx.text, span.outer_end):
        return False  # the title of a work, dated
    tokens = list(ctx.tokens_between(span.start, span.end))
    words = [t for t in tokens if t.pos != "PUNCT"]
    own = len(words) > 1 and ctx.lemma(words[1]) in ("мой", "наш")  # «По моему мнению, ...»: a statement
    if len(words) < STATEMENT_WORDS or (words[0].pos == "ADP" and not own):
        return False  # too short, or a citation: «за теоретическое открытие механизма ...»
    before = [t for t in ctx.tokens_between(max(0, span.open_at - 60), span.open_at)][-2:]
    if any(ctx.lemma(t) in sources()["title"] for t in before):
        return False
    return any(
        (t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin")
        or (t.pos == "PRON" and t.feats.get("Person") in ("1", "2"))
        for t in words
    )


def _after_colon(ctx: Context, covered: Covered) -> Iterator[Finding]:
    """``Мартин Вискарра написал в Twitter:`` at a line end, then the statement on the next line, or a
    list of dashed items over several paragraphs (``перечислил задачи:⏎– создать ...;⏎– снизить ...``)."""
    for match in re.finditer(r":[ \t]*\r?\n(\s*)(?=\S)", ctx.text):
        colon = match.start()
        line_end = ctx.text.find("\n", match.end())
        line_end = len(ctx.text) if line_end < 0 else line_end
        first = match.end()
        if ctx.text[first] in DASHES:
            first, line_end = _dashed_items(ctx.text, first)
        elif "\n" in match.group(1) and not _first_person(ctx, first, line_end):
            continue  # a blank line after the colon: a paragraph of its own, unless someone speaks in it
        start, end = trim(ctx.text, first, line_end, " \t\r.")
        if end <= start or ctx.text[start] in '«"“„—–-' or _inside(covered, start):
            continue
        verb = _speech_verb_in_line(ctx, colon)
        if verb is not None:
            covered.add(start, end)
            yield Finding(start, end, "direct", (verb.start, verb.stop), verb, subject_of(ctx, verb))


def _first_person(ctx: Context, start: int, end: int) -> bool:
    """Does the paragraph open with a sentence whose speaker is "я" or "мы" ("Я не собираюсь ...", "Мы
    шокированы ...")? Not the author's "Напомним, ..." or "Как нам стало известно, ..."."""
    sent = ctx.sentence_at(start)
    if sent is None:
        return False
    words = [t for t in sent.tokens if t.start < end and t.pos != "PUNCT"]
    if not words or words[0].text.lower() in AUTHORIAL:
        return False
    if words[0].text.lower() in FIRST_PERSON:
        return True
    root = next((t for t in words if t.rel == "root"), None)
    return root is not None and root.feats.get("Person") == "1" and root.pos in ("VERB", "AUX")


FIRST_PERSON = frozenset({"я", "мы", "меня", "мне", "мной", "нас", "нам", "нами"})
AUTHORIAL = frozenset({"напомним", "отметим", "добавим", "подчеркнем", "подчеркнём", "уточним", "как"})
"""First-person words with which the author, not a speaker, opens a sentence."""


DASHES = "—–-"
DASHED_ITEM = re.compile(r"[ \t]*[—–-][ \t]+(?=\S)")


def _dashed_items(text: str, at: int) -> tuple[int, int]:
    """The content of consecutive paragraphs that open with a dash: from after the first dash to the
    end of the last item; ``(at, at)`` for a dashed line that is no list (a list has two items or more,
    each but the last ending with ";" or ",")."""
    first = DASHED_ITEM.match(text, at)
    if first is None:
        return at, at
    end, items = first.end(), 0
    for line in re.finditer(r"[^\n]+", text[first.start() :]):
        if not line.group().strip():
            continue
        if not DASHED_ITEM.match(line.group()):
            break
        items += 1
        end = first.start() + line.end()
        if line.group().rstrip()[-1:] not in ";,":
            break
    return (first.end(), end) if items > 1 else (at, at)


def _speech_verb_in_line(ctx: Context, colon: int) -> DocToken | None:
    sent = ctx.sentence_at(max(0, colon - 1))
    if sent is None:
        return None
    for token in reversed([t for t in sent.tokens if t.stop <= colon]):
        if is_speech_verb(ctx, token) or ctx.lemma(token) in cues()["think"]:
            return token
    return None


COLON_CUE_WORDS = 5
"""At most this many words between a cue and the colon of a statement inside a line."""


def _colon_inside_line(ctx: Context, covered: Covered) -> Iterator[Finding]:
    """``Губернатор заявил практически то же самое: область денег не даст.``: the sentence after a colon
    that follows a speech verb of its clause. A first- or second-person statement is verbatim (direct),
    anything else the author's rendering of it (indirect)."""
    for match in re.finditer(r"(?<!\d):[ \t]+(?=[а-яА-ЯёЁ0-9])", ctx.text):  # not "Fire: My Life"
        colon = match.start()
        verb = _cue_before_colon(ctx, colon)
        sent = ctx.sentence_at(match.end())
        if verb is None or sent is None:
            continue
        start, end = trim(ctx.text, match.end(), sent.stop)
        if covered.touches(start - 1, end):
            continue  # "сообщили: ''«Q»''": the quoted words are the quote
        content = list(ctx.tokens_between(start, end))
        if len([t for t in content if t.pos != "PUNCT"]) < 3:
            continue
        kind = "direct" if _first_or_second_person(content) else "indirect"
        covered.add(start, end)
        yield Finding(start, end, kind, (verb.start, verb.stop), verb, subject_of(ctx, verb))


def _cue_before_colon(ctx: Context, colon: int) -> DocToken | None:
    """A speech or opinion verb a few words before the colon, in the same clause."""
    sent = ctx.sentence_at(max(0, colon - 1))
    before = [t for t in sent.tokens if t.stop <= colon] if sent is not None else []
    for token in reversed(before[-COLON_CUE_WORDS - 1 :]):
        if token.text.lower() in ("что", "чтобы", "ли") or token.text in QUOTE_CHARS + ",;":
            return None
        if is_speech_verb(ctx, token) or (ctx.may_be_cue(token) and ctx.lemma(token) in cues()["think"]):
            return token if token.feats.get("VerbForm") == "Fin" else None
    return None


def _first_or_second_person(tokens: list[DocToken]) -> bool:
    return any(
        t.feats.get("Person") in ("1", "2") and t.pos in ("PRON", "VERB", "AUX", "DET") for t in tokens
    )


def _dialogue_lines(ctx: Context, covered: Covered) -> Iterator[Finding]:
    """Interview lines that open with a dash: ``— Мы готовы, — сказал он.``"""
    for match in DASH_LINE.finditer(ctx.text):
        line_end = ctx.text.find("\n", match.end())
        line_end = len(ctx.text) if line_end < 0 else line_end
        if _inside(covered, match.end()):
            continue
        inner = re.compile(r"([,.!?…])\s*[—–-]\s+").search(ctx.text, match.end(), line_end)
        end = inner.start(1) + (ctx.text[inner.start(1)] in "!?…") if inner else line_end
        verb = None
        if inner:
            sent = ctx.sentence_at(inner.end())
            nearby = [t for t in sent.tokens if t.start >= inner.end()][:4] if sent else []
            verb = next((t for t in nearby if is_speech_verb(ctx, t)), None)
        start, end = trim(ctx.text, match.end(), end, " \t\r")
        if end - start < 2 or _opens_with_source(ctx, start):
            continue
        if verb is None:
            if ctx.text[start:end].rstrip('»"”“')[-1:] not in LINE_END:
                continue  # "— Политика США на постсоветском пространстве": a subheading, no reply
            yield Finding(start, end, "direct")
        else:
            yield Finding(start, end, "direct", (verb.start, verb.stop), verb, subject_of(ctx, verb))


LINE_END = set(".!?…;")


def _opens_with_source(ctx: Context, start: int) -> bool:
    """ "— FT: Европа ...": a headline of its own (``headline``), not a reply."""
    sent = ctx.sentence_at(start)
    if sent is None or sent.tokens[-1].text != ":":
        return False
    line_end = ctx.text.find("\n", sent.stop)
    return bool(ctx.text[sent.stop : line_end if line_end >= 0 else len(ctx.text)].strip())


def _inside(covered: Covered, offset: int) -> bool:
    return offset in covered


def is_speech_verb(ctx: Context, token: DocToken) -> bool:
    """A finite (not first-person) speech or impersonal-report verb: заявил, говорится."""
    if token.pos not in ("VERB", "AUX") or token.feats.get("Person") == "1":
        return False
    if token.feats.get("VerbForm") in ("Inf", "Conv", "Part") or not ctx.may_be_cue(token):
        return False
    lemma = ctx.lemma(token)
    lexicon = cues()
    if lemma in lexicon["say"] or lemma in lexicon["impersonal"]:
        return True
    nouns = phrase_verbs().get(lemma, frozenset())  # "приводит слова министра": the verb with its noun
    # "приводит слова министра", "С таким заявлением выступил X"
    return any(child.rel in ("obj", "obl") and child.text.lower() in nouns for child in ctx.children(token))


def subject_of(ctx: Context, verb: DocToken) -> DocToken | None:
    """Who the verb's sentence names as the speaker.

    The syntactic subject; failing that, ``в полиции заявили`` (an institution after в), ``говорится в
    сообщении Букингемского дворца`` (the genitive after a statement noun), or the nominative noun
    nearest the verb in its clause. An agency citing its source (``сообщает РБК со ссылкой на
    источники``) gives the source.
    """
    if verb.pos not in ("VERB", "AUX", "ADJ"):  # "с этими словами X отправился": the next predicate
        sent = ctx.sent_of_token[verb.id]
        verb = next((t for t in sent.tokens if t.start > verb.start and _finite(t)), verb)
    cited = cited_source(ctx, verb)
    if cited is not None:
        return cited
    children = ctx.children(verb)
    subjects = [
        child
        for child in children
        if child.rel in ("nsubj", "nsubj:pass")
        and child.pos in SUBJECT_POS
        and (child.pos != "NOUN" or child.feats.get("Case") not in OBLIQUE)  # no "мятеж" in Acc
        and not _across_quote(ctx, child, verb)
        and not _in_reported_clause(ctx, child, verb)
    ]
    subjects = _outside_names(ctx, subjects)
    nominative = [s for s in subjects if s.feats.get("Case", "Nom") == "Nom"]
    if nominative and len(nominative) < len(subjects):  # "Это подтвердил «Ъ» один из участников": the
        subjects = nominative  # outlet told, in a case the tagger reads, and the other one spoke
    if subjects:  # of two subjects the parse gives, the one agreeing with the verb ("фракция заявила"),
        agreeing = [s for s in subjects if _agrees_with(s, verb)] or subjects  # and a name over a role noun
        named = next((s for s in agreeing if ctx.entity_of(s) is not None), agreeing[0])
        subject = _personal(ctx, agreeing) or named
        return _singular_subject(ctx, subject, verb) or subject
    if verb.rel == "conj" or verb.feats.get("VerbForm") == "Conv":
        # "X назвал ... и предложил ...", "X объявил, заявив, что ...", "X отказался комментировать,
        # подчеркнув, что ...": the subject of the finite verb the clause hangs on
        head = next((h for h in ctx.tree.ancestors(verb) if _finite(h)), None)
        if head is not None and verb.feats.get("VerbForm") == "Conv":
            head = _cue_past_quote(ctx, verb, head) or head
        if head is not None:
            return subject_of(ctx, head)
    author = _author_of_place(ctx, verb)
    if author is not None:  # "X опубликовал статью, в которой заявил, что C": X
        return author
    earlier = _before_after_which(ctx, verb)
    if earlier is not None:  # "X зашёл в раздевалку, после чего сообщил, что ...": X's next act
        return subject_of(ctx, earlier)
    head = ctx.head(verb)
    if verb.rel == "ccomp" and head is not None and _next_cue_of(ctx, head, verb):
        return subject_of(ctx, head)  # "заявил, что C, призвал ...": the parse hangs the second on the first
    named = _name_before_participle(ctx, verb)
    if named is not None:
        return named
    nearest = _nearest_nominative(ctx, verb, after=False)
    if nearest is not None:
        return nearest
    kinds = sources()
    for child in [*children, *_stranded(ctx, verb)]:
        if child.rel == "obl" and in_it(ctx, child):
            return child  # "В нём говорится": the statement named before, which speakers.resolve finds
        if child.rel == "obl" and child.pos in ("NOUN", "PROPN", "X"):
            preps = ctx.prepositions(child)
            if preps == ["на"] and ctx.lemma(child) in SITES:
                owner = _genitive(ctx, child)
                if owner is not None and verb.feats.get("Person") != "1":
                    return owner  # "сообщается на сайте Кремля": the site's owner
                continue
            accused_of = (  # "обвиняют в организации ...": what they accuse of, not where it was said
                "в" in claim_verbs().get(ctx.lemma(verb), ())
                and child.start > verb.start
                and ctx.entity_of(child) is None
            )
            if preps not in (["в"], ["из"]) or accused_of:
                continue  # but "В МИД обвинили США в ...", "сообщили из прокуратуры": the office speaks
            lemma = ctx.lemma(child)
            if lemma in kinds["platform"] or child.text.lower() in kinds["platform"]:
                owner = _genitive(ctx, child) or next(
                    (c for c in ctx.children(child) if c.rel in ("nmod", "appos") and c.pos == "PROPN"), None
                )
                if owner is not None and verb.feats.get("Person") != "1":
                    return owner  # "говорится в Twitter МИД Канады": the account's owner
                continue  # "сообщила в Instagram": where it was said, not who
            if lemma in kinds["institution"] or lemma in kinds["spokesman"] or child.pos in ("PROPN", "X"):
                return child
            if lemma in kinds["statement"]:
                # "говорится в сообщении МВД": its owner; "В заявлении говорится": the document itself,
                # whose author speakers.resolve looks for where the text mentioned it before
                return _genitive(ctx, child) or _owner_past_aside(ctx, child) or child
    return _nearest_nominative(ctx, verb)


def _author_of_place(ctx: Context, verb: DocToken) -> DocToken | None:
    """For a cue in a clause on the text or event it is said in, with no subject of its own ("статью, в
    которой заявил", "на заседании, где ответил"): the subject of the verb the text hangs on, if the cue
    agrees with it; not an impersonal report ("в котором говорится": the text's own words)."""
    if verb.rel != "acl:relcl" or ctx.lemma(verb) in cues()["impersonal"]:
        return None
    place = any(
        (ctx.lemma(c) == "который" and ctx.prepositions(c) == ["в"]) or c.text.lower() == "где"
        for c in ctx.children(verb)
    )
    if not place:
        return None
    sent = ctx.sent_of_token[verb.id]
    before = sent.tokens[: ctx.position(verb)]
    comma = max((i for i, t in enumerate(before) if t.text == ","), default=0)
    # the finite verb before the clause's comma, whatever noun the parse hangs the clause on ("дал
    # интервью газете Der Spiegel, в котором рассказал")
    maker = next((t for t in reversed(before[:comma]) if _finite(t)), None)
    if maker is None or not same_form(verb, maker):
        return None
    subject = subject_of(ctx, maker)
    named = ctx.entity_of(subject) if subject is not None else None
    if named is not None and "\n" in named.text:
        return None  # "Полиция Лас-Вегаса⏎Исламское государство": a caption the NER ran into the name
    return subject


def same_form(verb: DocToken, other: DocToken) -> bool:
    """Do two finite verbs agree, as verbs of one subject do (gender and number in the past tense,
    person and number in the present)?"""
    keys = ("Gender", "Number") if verb.feats.get("Gender") else ("Person", "Number")
    return bool(verb.feats.get(keys[0])) and all(verb.feats.get(key) == other.feats.get(key) for key in keys)


SITES = frozenset({"сайт", "страница", "портал"})
"""Nouns of a web page whose owner speaks in what is said "на сайте X"."""
AFTER_WHICH = (["после", "чего"], ["затем"], ["а", "затем"], ["и", "затем"], ["а", "потом"], ["и", "потом"])
"""Words after a comma that go on to the subject's next act: ", после чего сообщил"."""


def _before_after_which(ctx: Context, verb: DocToken) -> DocToken | None:
    """For a verb right after ", после чего" (", а затем"): the finite verb of the sentence before that
    comma, whose subject acts again."""
    sent = ctx.sent_of_token[verb.id]
    before = sent.tokens[: ctx.position(verb)]
    for words in AFTER_WHICH:
        tail = [t.text.lower() for t in before[-len(words) - 1 :]]
        if len(before) > len(words) and tail == [",", *words]:
            earlier = next(
                (
                    t
                    for t in reversed(before[: -len(words) - 1])
                    if _finite(t)
                    and t.rel != "acl:relcl"  # "губернатором, который прибыл": not his
                    and not any(ctx.lemma(c) == "который" for c in ctx.children(t))
                ),
                None,
            )
            return earlier if earlier is not None and same_form(verb, earlier) else None
    return None


def _next_cue_of(ctx: Context, head: DocToken, verb: DocToken) -> bool:
    """Is the verb, with no subject, the next predicate of the speaker of the cue it hangs on: right
    after a comma, past the head, agreeing with it ("Министр заявил, что C, призвал ...")?"""
    if not is_speech_verb(ctx, head) or verb.start < head.stop or not _finite(verb):
        return False
    before = next(ctx.tokens_back(max(0, verb.start - 4), verb.start), None)
    keys = ("Gender", "Number") if head.feats.get("Gender") else ("Person", "Number")
    agrees = all(head.feats.get(key) == verb.feats.get(key) for key in keys)
    return before is not None and before.text == "," and agrees


def _stranded(ctx: Context, verb: DocToken) -> list[DocToken]:
    """The words between the verb and the comma before it that the parse hung on something else, as
    it may where a quote follows ("..., в пресс-службе которого сообщили: «...»" under a verb of the
    quote)."""
    sent = ctx.sent_of_token[verb.id]
    before = [t for t in sent.tokens if t.stop <= verb.start]
    comma = max((i for i, t in enumerate(before) if t.text == ","), default=-1)
    clause = before[comma + 1 :]
    inside = {t.id for t in clause} | {verb.id}
    return [t for t in clause if t.head_id not in inside]


def _personal(ctx: Context, subjects: list[DocToken]) -> DocToken | None:
    """A personal pronoun among subjects that are otherwise no one's names: "В своём микроблоге Twitter
    он отметил", "В интервью CNN она рассказала": the name is the medium's, which the parse made a
    second subject."""
    pronoun = next((s for s in subjects if s.pos == "PRON" and ctx.lemma(s) in PERSONAL), None)
    if pronoun is None or len(subjects) < 2:
        return None
    others = [ctx.entity_of(s) for s in subjects if s is not pronoun]
    return pronoun if all(named is None or named.type != "PER" for named in others) else None


def _cue_past_quote(ctx: Context, converb: DocToken, head: DocToken) -> DocToken | None:
    """The finite verb between a closing quotation mark and the converb, when the parse hung the
    converb on a verb inside the quote ("«Он погиб ...», — заявил X, обвинив ...": X accuses)."""
    sent = ctx.sent_of_token[converb.id]
    before = [t for t in sent.tokens if t.stop <= converb.start]
    closing = max((i for i, t in enumerate(before) if t.text in '»”"'), default=None)
    if closing is None or head.start > before[closing].start:
        return None
    return next((t for t in reversed(before[closing + 1 :]) if _finite(t)), None)


def in_it(ctx: Context, token: DocToken) -> bool:
    """Is the token "нём", "ней" or "них" after "в" ("В нём говорится"): a statement named before?"""
    return token.text.lower() in IN_IT and ctx.prepositions(token) == ["в"]


def _outside_names(ctx: Context, subjects: list[DocToken]) -> list[DocToken]:
    """The subjects, less a word inside a name (not its first word) when another subject comes before the
    name: "Студент МГУ им. Ломоносова признал" has the student for its subject, whatever the parse made of
    "Ломоносова"."""
    kept = []
    for subject in subjects:
        named = ctx.entity_of(subject)
        owned = (
            named is not None
            and named.start < subject.start  # inside a name
            and any(other.start < named.start for other in subjects)  # with a subject before the name
        )
        if not owned:
            kept.append(subject)
    return kept


def _singular_subject(ctx: Context, subject: DocToken, verb: DocToken) -> DocToken | None:
    """For a singular verb the parse gave a conjoined subject: the nominative nearer the verb, which the
    parse put in another clause ("Иван и Олег уехали, а министр Лавров заявил" -> министр); None when
    the subject is no list or nothing nearer agrees with the verb."""
    if verb.feats.get("Number") != "Sing" or not any(c.rel == "conj" for c in ctx.children(subject)):
        return None
    nearer = _nearest_nominative(ctx, verb, after=False)
    if nearer is None or nearer.start <= subject.start or nearer.id in ctx.tree.subtree_ids(subject):
        return None
    return nearer if _agrees_with(nearer, verb) else None


def _name_before_participle(ctx: Context, verb: DocToken) -> DocToken | None:
    """A name set off from its verb by a participle clause, where the parse lost it: "Иван Петров,
    занимавший тогда пост председателя совета, заявил" -> Петров."""
    sent = ctx.sent_of_token[verb.id]
    position = ctx.position(verb)
    if position < 4 or sent.tokens[position - 1].text != ",":
        return None
    for comma in range(position - 2, max(0, position - PARTICIPLE_CLAUSE) - 1, -1):
        token = sent.tokens[comma]
        if _finite(token):
            return None
        if token.text != ",":
            continue
        opener = sent.tokens[comma + 1]
        if opener.feats.get("VerbForm") != "Part" or comma == 0:
            return None
        name = sent.tokens[comma - 1]
        named = ctx.entity_of(name)
        if named is None or named.type != "PER" or name.feats.get("Case") not in (None, "Nom"):
            return None
        return name if _agrees_with(name, verb) else None
    return None


PARTICIPLE_CLAUSE = 25
"""How many words a participle clause between a name and its verb may take."""
QUOTE_CHARS = '«»"“”„'
SUBJECT_POS = ("NOUN", "PROPN", "PRON", "X", "ADJ", "NUM")
OBLIQUE = frozenset({"Acc", "Dat", "Ins", "Loc"})
"""Cases no subject stands in (a genitive may be a nominative plural: "Радиостанции добавляют")."""
INVERTED_WINDOW = 12
"""How far after a cue with no parsed subject its subject may stand ("— сказал вчера на брифинге X")."""
CLAUSE_MARKS = {",", "—", "–", "-", ":", ";", ".", "«", "»", '"', "“", "”", "(", ")"}


def _nearest_nominative(ctx: Context, verb: DocToken, after: bool = True) -> DocToken | None:
    """A nominative noun next to the verb in its clause, when the parse gives the verb no subject:
    before it, or (with ``after``) right after it."""
    sent = ctx.sent_of_token[verb.id]
    position = ctx.position(verb)
    before = sent.tokens[:position]
    index = len(before) - 1
    while index >= 0:
        token = before[index]
        if token.text == "," and (opening := _inserted_clause(before, index)) is not None:
            index = opening - 1  # "генерал X, поднявший мятеж, заявил": past the participle's clause
            continue
        if token.text in CLAUSE_MARKS:
            break
        if (
            token.feats.get("Case") == "Nom"
            and token.pos in ("NOUN", "PROPN", "PRON")
            and not _in_addressee(ctx, token, verb)
        ):
            return _phrase_head(ctx, token)
        index -= 1
    if not after or (before and before[-1].text not in CLAUSE_MARKS):
        return None
    following = sent.tokens[position + 1 : position + INVERTED_WINDOW]
    in_date = False
    for index, token in enumerate(following):
        # "— заявил на вступлении в должность посол Литвы Эдминас Багдонас": past adverbials, and past
        # a date set off by commas ("сообщили в воскресенье, 8 июля, представители полиции"); no
        # other comma ("сообщили в среду, однако жители ...": the next clause's)
        if token.text == ",":
            upcoming = following[index + 1] if index + 1 < len(following) else None
            opens_date = upcoming is not None and (upcoming.pos == "NUM" or upcoming.text[:1].isdigit())
            if opens_date or in_date:
                in_date = opens_date
                continue
            break
        if in_date:
            continue
        if token.text in CLAUSE_MARKS or (
            token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin"
        ):
            break
        if (
            token.feats.get("Case") == "Nom"
            and token.pos in ("NOUN", "PROPN", "PRON")
            and not _in_addressee(ctx, token, verb)  # "сообщил агентству AFP": whom he told
        ):
            return _phrase_head(ctx, token)
    return None


def _in_addressee(ctx: Context, token: DocToken, verb: DocToken) -> bool:
    """Whether the token names whom the verb speaks to: it hangs below a dative noun ("журналистам ИА
    Регнум сообщили" -> not the agency)."""
    for ancestor in ctx.tree.ancestors(token):
        if ancestor is verb:
            return False
        if ancestor.pos in ("NOUN", "PRON") and ancestor.feats.get("Case") == "Dat":
            return True
    return False


def _inserted_clause(tokens: list[DocToken], closing: int) -> int | None:
    """The comma opening a participial or relative clause that the comma at ``closing`` ends
    (", поднявший в 1989 году мятеж,", ", который ...,", ", чей рост ...,"), or None."""
    for index in range(closing - 1, max(-1, closing - INVERTED_WINDOW * 2), -1):
        if tokens[index].text == ",":
            clause = tokens[index + 1 : closing]
            opens = clause and (
                clause[0].feats.get("VerbForm") == "Part"
                or clause[0].text.lower().startswith(("котор", "чей", "чья", "чьё", "чье", "чьи"))
                # an adjective with its complement: "Источник, близкий к расследованию, сообщил"
                or (clause[0].pos == "ADJ" and clause[0].feats.get("Variant") != "Short" and len(clause) > 1)
            )
            return index if opens else None
        if tokens[index].text in CLAUSE_MARKS:
            return None
    return None


def _phrase_head(ctx: Context, token: DocToken) -> DocToken:
    """Climb from a name to the noun it stands in apposition to: Колокольцев -> Владимир -> глава."""
    while token.rel in ("flat:name", "appos", "flat"):
        head = ctx.head(token)
        if head is None or head.start > token.start or head.feats.get("Case") != token.feats.get("Case"):
            break
        token = head
    return token


def _across_quote(ctx: Context, token: DocToken, verb: DocToken) -> bool:
    """An unpaired quotation mark between the token and the verb: the token is the quote's, not the cue's.

    The marks around a quoted name ("Коммерсантъ" объяснил, сообщает «Лента.ру») are the name's own and do
    not count.
    """
    text = ctx.text
    first, stop = _name_extent(ctx, token)  # "«Лента.ру»": three tokens; "«Тамбовская жизнь»": two
    quoted_name = first > 0 and text[first - 1] in QUOTE_CHARS and text[stop : stop + 1]
    start, end = sorted((stop + (1 if quoted_name and text[stop] in QUOTE_CHARS else 0), verb.start))
    return sum(text.count(mark, start, end) for mark in QUOTE_CHARS) % 2 == 1


def _name_extent(ctx: Context, token: DocToken) -> tuple[int, int]:
    """Where the words of the token's own phrase run on either side of it, with no space before a
    quotation mark: the extent of a quoted name the token heads."""
    tokens = ctx.sent_of_token[token.id].tokens
    own = {t.id for t in ctx.subtree(token)}
    at = ctx.position(token)
    left = right = at
    while left > 0 and tokens[left - 1].id in own and tokens[left - 1].text not in QUOTE_CHARS:
        left -= 1
    while (
        right + 1 < len(tokens) and tokens[right + 1].id in own and tokens[right + 1].text not in QUOTE_CHARS
    ):
        right += 1
    return tokens[left].start, tokens[right].stop


SENTENCE_MARKS = frozenset({".", "!", "?", ";", ":"})


def _in_reported_clause(ctx: Context, token: DocToken, verb: DocToken) -> bool:
    """A subject after the verb and past a comma belongs to what was said, not to who said it:
    "объяснил тем, что президент Медведев поручил ..." (a parse that hangs it on the cue verb); not one
    past a date or a place set off by commas, with no clause in it ("сообщили в пятницу, 5 марта,
    турецкие СМИ")."""
    if token.start <= verb.stop or "," not in ctx.text[verb.stop : token.start]:
        return False
    return any(
        t.pos in ("VERB", "AUX", "SCONJ", "PRON", "DET") or t.text in SENTENCE_MARKS
        for t in ctx.tokens_between(verb.stop, token.start)
    )


def cited_source(ctx: Context, verb: DocToken) -> DocToken | None:
    """``со ссылкой на X`` or ``ссылаясь на X`` after the verb, before any other predicate."""
    sent = ctx.sent_of_token[verb.id]
    after = [t for t in sent.tokens if t.start > verb.start]
    for position, token in enumerate(after):
        word = token.text.lower()
        if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin":
            return None
        if word not in ("ссылкой", "ссылаясь") or position + 2 >= len(after):
            continue
        if word == "ссылкой" and (position == 0 or after[position - 1].text.lower() != "со"):
            continue
        if after[position + 1].text.lower() != "на":
            continue
        for noun in after[position + 2 : position + 6]:
            if noun.pos in ("NOUN", "PROPN", "X"):  # "The Sunday People"
                return _phrase_head(ctx, noun)
    return None


def _owner_past_aside(ctx: Context, noun: DocToken) -> DocToken | None:
    """A named owner set after an aside: "в сообщении, вероятно, Лиама Хоулетта"."""
    sent = ctx.sent_of_token[noun.id]
    following = sent.tokens[ctx.position(noun) + 1 : ctx.position(noun) + 6]
    for token in following:
        if token.text == "," or token.pos in ("ADV", "PART"):
            continue
        named = ctx.entity_of(token)
        if named is not None and named.type in ("PER", "ORG") and token.feats.get("Case") in ("Gen", "Acc"):
            return token
        return None
    return None


def _genitive(ctx: Context, noun: DocToken) -> DocToken | None:
    """The noun's genitive complement, or a foreign name standing for one ("в сообщении Berkshire
    Hathaway"), or the owner of the site it was posted on ("в заявлении на сайте клуба")."""
    for child in ctx.children(noun):
        if child.rel == "nmod" and child.feats.get("Case") == "Gen":
            return child
        if child.rel == "nmod" and child.pos == "X" and ctx.entity_of(child) is not None:
            return child
    for child in ctx.children(noun):
        preps = ctx.prepositions(child)
        if child.rel == "nmod" and preps in (["на"], ["в"]) and ctx.lemma(child) in _posting_places():
            owner = _genitive(ctx, child)
            if owner is not None and _named(ctx, owner):  # "сайте клуба «Спартак»", not "сайте клуба"
                return owner
    return None


@lru_cache(maxsize=1)
def _posting_places() -> frozenset[str]:
    """Where a statement is posted, whose owner speaks: "на сайте клуба", "в Twitter МИД"."""
    return sources()["platform"] | sources()["statement"]


def _named(ctx: Context, noun: DocToken) -> bool:
    """A name, or a noun with a name in apposition: "Спартак", "клуба «Спартак»"."""
    return ctx.entity_of(noun) is not None or any(
        c.rel in ("appos", "flat:name") and ctx.entity_of(c) is not None for c in ctx.children(noun)
    )


def _agrees_with(subject: DocToken, verb: DocToken) -> bool:
    """Gender and number of a past-tense verb match its subject's (where both are known)."""
    for key in ("Gender", "Number"):
        if key in subject.feats and key in verb.feats and subject.feats[key] != verb.feats[key]:
            return False
    return True


def _finite(token: DocToken) -> bool:
    return token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin"
