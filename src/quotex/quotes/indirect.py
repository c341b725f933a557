"""Indirect quotes: the reported clause after a speech cue.

"X заявил, что C"; "X заявил о намерении C"; "X попросил сделать C"; "По словам X, C";
"Как сообщил X, C"; "C, — сообщает X"; "C. Об этом сообщил X". A cue with only a topic
("рассказал о планах") and the author's own "Напомним, что" give nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice, pairwise, takewhile

from natasha.doc import DocSent, DocToken

from ..deadline import check
from .context import Context, Covered
from .cues import RECOGNISING, claim_verbs, cues, phrase_verbs, sources
from .direct import is_speech_verb, same_form, subject_of
from .findings import Finding, trim
from .nominal import ABOUT, QUOTE_MARKS, can_speak, claim_span, points_back

ACCORDING = {
    preposition: {phrase.split()[1] for phrase in cues()["according"] if phrase.split()[0] == preposition}
    for preposition in ("по", "согласно")
}
"""The nouns of "по словам", "согласно данным" by their preposition."""
ACCORDING_NOUNS = ACCORDING["по"] | ACCORDING["согласно"]
POSSESSIVES = {"его", "ее", "её", "их", "самой", "самого", "самих"}
CLAUSE_OPENERS = {"что", "который", "которая", "которое", "которые", "но", "а", "однако"}
"""Clauses that end a request; a purpose clause ("попросил проверить письмо, чтобы установить ...") is
part of what was asked."""
CLAUSE_END = {".", "!", "?", ";", ":", "…"}
WORD = re.compile(r"\w+")
NOUN_BEFORE_THAT = 4
PARAGRAPH_SENTENCES = 3
"""A backward cue takes the sentences before it in its paragraph, at most this many."""


def find_indirect(ctx: Context, direct: list[Finding]) -> list[Finding]:
    """Indirect quotes in text order. Cues inside a direct quote are the quoted speaker's own words."""
    inside = Covered((f.start, f.end) for f in direct)
    findings: list[Finding] = []
    for index, sent in enumerate(ctx.sents):
        check()
        for token in sent.tokens:
            if token.start in inside:
                continue
            finding = _from_token(ctx, index, sent, token)
            if finding is not None and finding.end > finding.start:
                findings.append(finding)
    return findings


def _from_token(ctx: Context, index: int, sent: DocSent, token: DocToken) -> Finding | None:
    if token.text.lower() in ACCORDING:
        noun = according_noun(sent, token)
        return _according(ctx, sent, token, noun) if noun is not None else None
    if (
        token.pos not in ("VERB", "AUX", "ADJ")
        or token.feats.get("Person") == "1"
        or not ctx.may_be_cue(token)
    ):
        return None
    lemma = ctx.lemma(token)
    lexicon = cues()
    form = token.feats.get("VerbForm")
    if form == "Part" and token.feats.get("Voice") == "Pass":
        return _said_in(ctx, sent, token) if lemma in lexicon["say"] else None
    if form == "Inf":  # "поспешил заявить, что C": the infinitive says it, the finite verb's subject
        head = ctx.head(token)
        hastened = head is not None and token.rel == "xcomp" and ctx.lemma(head) in HASTE
        if head is None or not hastened or lemma not in lexicon["say"]:
            return None
        found = _that_clause(ctx, sent, token)
        return replace(found, source=subject_of(ctx, head)) if found is not None else None
    if token.pos == "ADJ" and lemma not in lexicon["think"]:
        return None
    nouns = phrase_verbs().get(lemma)
    if nouns and nouns.intersection(t.text.lower() for t in sent.tokens[ctx.position(token) + 1 :][:3]):
        return _that_clause(ctx, sent, token)  # "пришёл к выводу, что C"
    if form == "Part" and lemma in ("признаваться", "признаться"):
        return None  # "признававшаяся лучшей футболисткой мира": an award, no confession
    if form in ("Conv", "Part"):  # "..., заявив, что C", "фронт, заявлявший о C"
        found = (
            _that_clause(ctx, sent, token) if lemma in lexicon["say"] or lemma in lexicon["think"] else None
        )
        if (
            found is not None
            and form == "Part"
            and found.source is not None
            and not can_speak(ctx, found.source)
        ):
            return None  # "модели, напоминающей ту, что существовала": a thing, which says nothing
        return found or _nominal(ctx, sent, token)
    if lemma in lexicon["say"] and _negated(ctx, token):
        return None  # "Министр не сказал, что уходит": nothing was said
    speech = is_speech_verb(ctx, token) or lemma in lexicon["think"]
    if lemma in claim_verbs():
        claim, that = _nominal(ctx, sent, token), _that_clause(ctx, sent, token)
        stance = [t for t in sent.tokens if t.start > token.stop and that and t.stop <= that.start]
        if that is not None and any(ctx.lemma(t) in lexicon["stance"] for t in stance[:NOUN_BEFORE_THAT]):
            return that  # "выразил уверенность, что C", "выразил надежду на то, что C": the clause
        if claim is not None:
            return claim  # "опроверг утверждения о том, что C": the claim, "что" and all
        if that is not None and len(WORD.findall(ctx.text[token.stop : that.start])) <= NOUN_BEFORE_THAT - 1:
            return that  # "потребовали, чтобы C"
        backward = _about_this(ctx, index, sent, token)
        if backward is not None:
            return backward
    if speech:
        found = _that_clause(ctx, sent, token) or _about_this(ctx, index, sent, token)
        found = found or _as_said(ctx, sent, token) or _trailing_cue(ctx, sent, token)
        found = found or _after_connective(ctx, sent, token)
        if found is None and lemma in lexicon["say"]:
            found = _comma_clause(ctx, sent, token)
        if found is not None:
            return None if _nobody_says(ctx, token, found.source) else found
    if lemma in lexicon["ask"]:
        found = _request(ctx, sent, token)
        if found is not None:
            return found
    return _nominal(ctx, sent, token)


def _not_only(ctx: Context, verb: DocToken) -> bool:
    """Does "не только" stand right before the verb?"""
    position = ctx.position(verb)
    tokens = ctx.sent_of_token[verb.id].tokens
    return position > 1 and [t.text.lower() for t in tokens[position - 2 : position]] == ["не", "только"]


def _negated(ctx: Context, verb: DocToken) -> bool:
    """Is "не" right before the verb ("не сказал", "так и не уточнил"; not "не только сказал")?"""
    position = ctx.position(verb)
    tokens = ctx.sent_of_token[verb.id].tokens
    return position > 0 and tokens[position - 1].text.lower() == "не"


RANKED = frozenset({"чемпион", "чемпионка", "титул", "пояс", "рейтинг", "лучший"})
"""Words of a ranking that "по версии X" goes with: X ranks, it says nothing."""
THREATS = frozenset({"угрожать", "пригрозить"})
"""Ask verbs that things do too ("Река угрожает выйти из берегов"): a threat needs someone to make it."""
PLACE_OR_TIME = frozenset({"на", "под", "над", "при", "за", "у", "около", "возле", "к", "до", "после"})
"""Prepositions of a noun after "по данным" that say where or when the data hold, not whose they are
("в" not among them: "по информации в СМИ" names its source)."""
DENIALS = frozenset({"опровергнуть", "опровергать", "отрицать", "отвергнуть", "отвергать"})
"""Claim verbs whose object pointing back is what the source denies, not what it said."""
ANOTHER_TIME = frozenset(
    {"нынешний", "новый", "другой", "очередной", "предыдущий", "прошлый", "последний", "будущий", "иной"}
    | {"первый", "второй", "третий", "четвёртый", "четвертый", "пятый"}
)
"""Adjectives that set an event apart from the one told of before."""
GENERAL_EVENTS = frozenset({"происшествие", "инцидент", "трагедия", "катастрофа", "случай"})
"""Event nouns that may name whatever the sentence before told of; any other needs a word of its own
stem there ("Прогремел взрыв. О взрыве сообщили ...")."""
EVENT_SIGNS = {
    "убийство": ("убий", "убит", "убил"),
    "гибель": ("гибел", "погиб"),
    "смерть": ("смерт", "умер", "скончал", "погиб"),
    "кончина": ("кончин", "скончал", "умер"),
    "дтп": ("дтп", "авари", "столкн"),
    "стрельба": ("стрел", "выстрел"),
    "пожар": ("пожар", "горел", "загорел", "сгорел", "возгоран", "огонь", "огн"),
}
"""Words that tell of an event whose stem is not the noun's own ("погиб" for "гибель")."""
HASTE = frozenset({"поспешить", "успеть", "поторопиться", "преминуть"})
"""Verbs whose infinitive of saying says it: "поспешил заявить", "не преминул отметить"."""


def _said_in(ctx: Context, sent: DocSent, verb: DocToken) -> Finding | None:
    """ "В заявлении министерства (было) сказано, что C", "в документе отмечено, что C": a short passive
    participle of saying with the place it is said in reports like "говорится"."""
    if verb.feats.get("Variant") != "Short" or not any(_in_place(ctx, c) for c in ctx.children(verb)):
        return None
    found = _that_clause(
        ctx, sent, verb
    )  # the source is the place's owner ("в заявлении X"), no participle's noun
    return replace(found, source=subject_of(ctx, verb)) if found is not None else None


def _in_place(ctx: Context, token: DocToken) -> bool:
    return token.rel in ("obl", "nmod") and ctx.prepositions(token) == ["в"]


def _nobody_says(ctx: Context, verb: DocToken, source: DocToken | None) -> bool:
    """ "Ранее сообщалось, что", "Многие считали, что": the author's hedge or a vague belief, no source.

    An impersonal report needs a place it is said in ("в заявлении говорится"); an opinion, a source
    that is not a vague group.
    """
    lemma = ctx.lemma(verb)
    lexicon = cues()
    if lemma in lexicon["impersonal"]:
        return source is None and not any(
            child.rel in ("obl", "nmod") and any(c.rel == "case" for c in ctx.children(child))
            for child in ctx.children(verb)
        )
    if lemma in lexicon["think"] and verb.pos != "ADJ":
        return source is None or source.text.lower() in lexicon["vague"]
    return False


def _nominal(ctx: Context, sent: DocSent, verb: DocToken) -> Finding | None:
    """``X подтвердил гибель ...``, ``X сообщил о гибели ...``: the claim the verb governs."""
    span = claim_span(ctx, verb)
    source = speaker_token(ctx, verb)
    if span is None or source is None or not can_speak(ctx, source):
        return None  # "его обвиняли в ...": a charge nobody in the text is said to make
    if ctx.lemma(verb) in RECOGNISING and _court(ctx, source):
        return None  # "Суд признал его виновным": a verdict, no one's words
    tokens = [t for t in sent.tokens if t.start >= span[0]]
    start, end = trim(ctx.text, span[0], min(span[1], _clause_end(ctx, sent, verb, tokens)))
    if len(WORD.findall(ctx.text[start:end])) < 2 and ctx.lemma(verb) not in RECOGNISING:
        return None  # one word says little, but "признал вину" says it all
    return Finding(start, end, "indirect", _cue(verb), verb, source)


def _court(ctx: Context, source: DocToken) -> bool:
    """Is the source a court ("суд", "Мосгорсуд", "Гаагский трибунал" whole in a name natasha found)?"""
    entity = ctx.entity_of(source)
    words = [source, *(entity.tokens if entity is not None else ())]
    courts = sources()["court"]
    return any((lemma := ctx.lemma(t)) in courts or lemma.endswith("суд") for t in words)


def speaker_token(ctx: Context, verb: DocToken) -> DocToken | None:
    """The source of a cue: the noun a participle describes ("фронт, заявлявший"), else the subject,
    else in a relative clause the "который" of the institution it is said in ("министерство, в котором
    уверены, что C": attribution takes the noun the clause hangs on)."""
    if verb.feats.get("VerbForm") == "Part":
        head = ctx.head(verb)
        if head is not None and verb.rel.startswith(("acl", "amod")):
            return head
        return _described_before(ctx, verb)
    subject = subject_of(ctx, verb)
    if subject is None and verb.rel == "acl:relcl":
        return next((child for child in ctx.children(verb) if _which_in(ctx, child)), None)
    return subject


def _described_before(ctx: Context, participle: DocToken) -> DocToken | None:
    """The noun right before a participle's clause set off by a comma, if they agree, when the parse
    hangs the clause elsewhere: "лидер «Народного фронта», заявлявшего о ..." -> фронта."""
    before = [t for t in ctx.tokens_back(max(0, participle.start - 60), participle.start)][:4]
    if not before or before[0].text != ",":
        return None
    noun = next((t for t in before[1:] if t.text not in QUOTE_MARKS), None)
    if noun is None or noun.pos not in ("NOUN", "PROPN"):
        return None
    features = ["Case", "Number"] + (["Gender"] if participle.feats.get("Number") == "Sing" else [])
    agrees = all(
        noun.feats.get(feature) == participle.feats.get(feature) or feature not in participle.feats
        for feature in features
    )
    return noun if agrees else None


def _which_in(ctx: Context, token: DocToken) -> bool:
    """ "в котором", "в которой": the place a relative clause's statement is made in."""
    prepositions = ctx.prepositions(token)
    return ctx.lemma(token) == "который" and prepositions == ["в"]


def _cue(token: DocToken) -> tuple[int, int]:
    return token.start, token.stop


def according_noun(sent: DocSent, preposition: DocToken) -> DocToken | None:
    """The noun of "по словам", "по её словам", "по официальным данным", "согласно сообщению": or None."""
    nouns = ACCORDING.get(preposition.text.lower(), set())
    following = [t for t in sent.tokens if t.start >= preposition.stop][:3]
    for token in following:
        word = token.text.lower()
        if word in nouns:
            return token
        if word not in POSSESSIVES and token.pos not in ("ADJ", "DET"):
            return None
    return None


def _that_clause(ctx: Context, sent: DocSent, verb: DocToken) -> Finding | None:
    """``X заявил, что C`` (also ``о том, что``, ``в интервью "Первому каналу", что``, ``, все ли``)."""
    tokens = [t for t in sent.tokens if t.start >= verb.stop]
    for position, token in enumerate(tokens):
        word = token.text.lower()
        after_comma = position > 0 and tokens[position - 1].text == ","
        if word in ("что", "чтобы") and after_comma and _demonstrative_before(tokens, position - 1):
            return None  # "напоминает ту, что существовала": a relative "что" on "ту", not a clause
        if word in ("что", "чтобы") and (
            after_comma or (position == 0 and _opens_complement(ctx, token, verb))
        ):
            if _about_phrase(tokens[:position]):
                return None  # "объявил о переименовании страны, что означает ...": "что" refers back to it
            start = tokens[position + 1].start if position + 1 < len(tokens) else token.stop
            end = _clause_end(ctx, sent, verb, tokens[position + 1 :])
            if verb.feats.get("VerbForm") == "Part" or verb.rel == "acl:relcl":  # "эксперты, полагающие,
                # что C, оказались ...", "министерство, в котором уверены, что C, готовит ..."
                clause_stop = max(t.stop for t in ctx.subtree(verb))
                if clause_stop > start:  # unless the parse hung the clause elsewhere
                    end = min(end, clause_stop)
            if verb.feats.get("VerbForm") == "Conv" and verb is _first_word(sent):  # "Отмечая, что C, X ..."
                end = min(end, _main_clause_start(ctx, tokens[position + 1 :]))
            start, end = trim(ctx.text, start, end)
            return Finding(start, end, "indirect", _cue(verb), verb, speaker_token(ctx, verb))
        if word == "ли" and position >= 2 and tokens[0].text == ",":
            comma = next((t for t in tokens[position:] if t.text == ","), None)
            end = comma.start if comma is not None else _clause_end(ctx, sent, verb, tokens[1:])
            start, end = trim(ctx.text, tokens[1].start, end)
            return Finding(start, end, "indirect", _cue(verb), verb, speaker_token(ctx, verb))
        if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin":
            return None
        if word in CLAUSE_END or position > 12:
            return None
    return None


SUBJECT_POS = ("NOUN", "PROPN", "PRON", "ADJ", "DET", "NUM")
"""What a clause reported with no "что" may open with: its subject or a word of it."""


def _comma_clause(ctx: Context, sent: DocSent, verb: DocToken) -> Finding | None:
    """``X подчеркнул, съёмка проводилась с согласия участников``: a clause of its own subject and verb
    right after the comma of a finite cue whose subject stands before it, with "что" left out; not a
    question (``уточнил, когда ...``), a converb (``сообщил, выступая ...``) or a phrase (``в частности``)."""
    tokens = [t for t in sent.tokens if t.start >= verb.stop]
    subject = subject_of(ctx, verb)
    if (
        len(tokens) < 3
        or tokens[0].text != ","
        or tokens[1].pos not in SUBJECT_POS
        or not _finite_form(verb)
        or subject is None
        or subject.start > verb.start
    ):
        return None
    clauses = (
        (t, said)
        for t in tokens[1:]
        if t.pos in ("VERB", "AUX", "ADJ") and ctx.head(t) is verb and t.rel in ("ccomp", "conj", "parataxis")
        for said in ctx.children(t)
        if said.rel.startswith("nsubj") and said.start > tokens[0].start
    )
    predicate, said = next(clauses, (None, None))
    if predicate is None or said is None:
        return None
    if any(t.text in (",", "—") for t in tokens[1:] if t.start < predicate.start):
        return None
    if said.pos == "PRON" or said.feats.get("Animacy") == "Anim" or ctx.lemma(verb) in ANSWERS:
        return None  # "Министр ответил, журналисты ему не поверили", "Губернатор пошутил, зал рассмеялся"
    start, end = trim(ctx.text, tokens[1].start, _clause_end(ctx, sent, verb, tokens[1:]))
    return Finding(start, end, "indirect", _cue(verb), verb, subject)


ANSWERS = frozenset({"ответить", "отвечать", "пошутить", "отшутиться", "возмутиться"})
"""Cues often told with the others' reaction after a comma ("пошутил, зал рассмеялся"): no clause of
theirs is reported without "что"."""
DEMONSTRATIVE_FORMS = frozenset({"тот", "та", "ту", "те"})
"""Demonstratives that stand for a noun before a relative "что" ("ту, что"); not "то" ("сказал то, что
думал"), nor "тем"/"того" ("объяснил тем, что C", "по поводу того, что C" open what was said)."""


def _demonstrative_before(tokens: list[DocToken], comma: int) -> bool:
    """Is the word before the comma a demonstrative with no preposition ("ту, что"; not "о том, что",
    which opens what was said)?"""
    if comma < 1 or tokens[comma - 1].text.lower() not in DEMONSTRATIVE_FORMS:
        return False
    return comma < 2 or tokens[comma - 2].pos != "ADP"


def _opens_complement(ctx: Context, word: DocToken, verb: DocToken) -> bool:
    """Whether a "что" right after the verb, with the comma left out, opens the clause the verb governs:
    "сказал что его семья скорбит"."""
    clause = ctx.head(word)
    return word.rel == "mark" and clause is not None and ctx.head(clause) is verb and clause.rel == "ccomp"


def _first_word(sent: DocSent) -> DocToken | None:
    return next((t for t in sent.tokens if t.pos != "PUNCT"), None)


def _main_clause_start(ctx: Context, tokens: list[DocToken]) -> int:
    """After a converb clause that opens a sentence: the comma before the main clause's subject."""
    for position, token in enumerate(tokens[:-1]):
        following = tokens[position + 1]
        head = ctx.head(following)
        if token.text == "," and _is_subject(following) and head is not None and head.rel == "root":
            return token.start
    return tokens[-1].stop if tokens else 0


def _about_phrase(tokens: list[DocToken]) -> bool:
    """An "о"-phrase other than "о том" (the claim a verb governs) among the tokens."""
    words = [t.text.lower() for t in tokens]
    return any(word in ("о", "об", "обо") and after not in ("том", "тем") for word, after in pairwise(words))


def _clause_end(ctx: Context, sent: DocSent, verb: DocToken, tokens: list[DocToken]) -> int:
    """Where the reported clause stops: the sentence end, a colon before a quote, a trailing cue of
    its own (``..., передает РИА Новости``), the next cue clause (``..., по его словам, ...``, ``..., но
    отметил, что ...``), a second predicate of the speaker (``заявил, что обвинения сняты, и
    ходатайствовал ...``) or the speaker's own converb (``..., подчеркнув, что ...``)."""
    for position, token in enumerate(tokens):
        if token.text == ";" or (token.text == ":" and _opens_a_quote(ctx, token)):
            return token.start
        following = tokens[position + 1 : position + 3]
        if token.text == "," and following:
            cue = (
                following[1] if following[0].text in ("—", "–", "-") and len(following) > 1 else following[0]
            )
            if is_speech_verb(ctx, cue) and subject_of(ctx, cue) not in (None, *tokens[:position]):
                return token.start
            if (
                _any_cue(ctx, cue)
                and ctx.head(cue) is verb
                and _agrees(verb, cue)
                and not any(c.rel.startswith("nsubj") for c in ctx.children(cue))
            ):
                return token.start  # "заявил, что C, призвал ...": the speaker's next cue
            if (
                following[0].text.lower() in ACCORDING
                and according_noun(sent, following[0]) is not None
                and _opener_before(ctx, sent, following[0]) is None  # not "..., который, по его словам, ..."
            ):
                return token.start
            if _speakers_converb(ctx, following[0]):
                return token.start
            if [t.text.lower() for t in following] == ["но", "и"] and _not_only(ctx, verb):
                return token.start  # "не только заявил, что C, но и назвал ...": the pair's second half
            then = _next_predicate(tokens[position + 3 :]) if _and_then(following) else None
            if (
                then is not None
                and _agrees(verb, then)
                and not _subject_before(ctx, then, tokens[position + 3 :])
            ):
                return token.start  # "заявил, что C, а затем покинул зал": the speaker's next act
            but = following[0].text.lower() in ("но", "а", "однако", "тогда") and len(following) > 1
            if but and is_speech_verb(ctx, following[1]) and _agrees(verb, following[1]):
                return token.start  # "..., но отметил, что ...": a new quote of the same speaker
            if but and _turns_away(ctx, verb, tokens[:position], tokens[position + 2 :]):
                return token.start  # "..., однако не сообщил подробностей", "..., а депутаты пообещали ..."
        predicate = _next_predicate(tokens[position + 1 :]) if token.text.lower() == "и" else None
        if (
            predicate is not None
            and _agrees(verb, predicate)
            and not any(_agrees(t, predicate) for t in _outside_brackets(tokens[:position]) if _is_subject(t))
        ):
            return tokens[position - 1].start if tokens[position - 1].text == "," else token.start
    return sent.stop


def _and_then(words: list[DocToken]) -> bool:
    """Do the words open with "а затем", "и потом" and the like?"""
    texts = [t.text.lower() for t in words[:2]]
    return len(texts) == 2 and texts[0] in ("а", "и") and texts[1] in ("затем", "потом")


def _subject_before(ctx: Context, predicate: DocToken, tokens: list[DocToken]) -> bool:
    """Has the predicate a subject of its own among the tokens before it ("а затем преступник покончил")?"""
    return any(
        t.rel.startswith("nsubj") and t.start < predicate.start and ctx.head(t) is predicate for t in tokens
    )


def _turns_away(ctx: Context, verb: DocToken, content: list[DocToken], rest: list[DocToken]) -> bool:
    """After ", но/а/однако" in a reported clause: the speaker's own next predicate ("заявил, что ..., но
    отказался назвать ...": it agrees with the cue verb and with no subject of the clause, or the parse
    makes it the cue verb's conjunct), or a cue of another source ("..., а депутаты пообещали ...")."""
    predicate = next(
        (
            t
            for t in rest[:PREDICATE_WINDOW]
            if (t.pos == "VERB" and t.feats.get("VerbForm") == "Fin")
            or (t.pos == "ADJ" and ctx.lemma(t) in cues()["think"])  # "эксперты уверены, что"
        ),
        None,
    )
    if predicate is None:
        return False
    subject = subject_of(ctx, predicate)
    if subject is not None and subject in rest and _cue_verb(ctx, predicate):
        return True  # another source's cue ("..., тогда как эксперты считают, что ...")
    if any(_parallel(t, predicate) for t in content if t.pos == "VERB" and _finite_form(t)):
        return False  # "..., что не ставит себе задачу ..., а хочет ...": the clause's own predicates
    if predicate.rel == "conj" and ctx.head(predicate) is verb:
        return True
    own = not any(t.start < predicate.start for t in rest if t.rel.startswith("nsubj"))
    return (
        own
        and _agrees(verb, predicate)
        and not any(_agrees(t, predicate) for t in _outside_brackets(content) if _is_subject(t))
    )


def _finite_form(token: DocToken) -> bool:
    """Not an infinitive, converb or participle (natasha leaves "VerbForm" off some finite verbs)."""
    return token.feats.get("VerbForm") not in ("Inf", "Conv", "Part")


def _parallel(one: DocToken, other: DocToken) -> bool:
    """May two verbs share a subject, by the features natasha gave both (it leaves some off)?"""
    shared = [key for key in ("Gender", "Number", "Person") if one.feats.get(key) and other.feats.get(key)]
    return bool(shared) and all(one.feats[key] == other.feats[key] for key in shared)


PREDICATE_WINDOW = 4
"""How far after "и" a second predicate of the speaker may stand ("и до последнего времени работал")."""


def _next_predicate(tokens: list[DocToken]) -> DocToken | None:
    """The finite verb right after "и", past a few words of an adverbial but no punctuation."""
    for token in tokens[:PREDICATE_WINDOW]:
        if token.pos == "VERB" and token.feats.get("VerbForm") == "Fin":
            return token
        if token.pos in ("PUNCT", "NOUN", "PROPN", "PRON") and not _in_adverbial(token):
            return None
    return None


def _in_adverbial(token: DocToken) -> bool:
    """A noun of an adverbial phrase ("до последнего времени", "в тот же день"): oblique, not a subject."""
    return token.pos == "NOUN" and token.rel in ("obl", "nmod", "advmod") and token.feats.get("Case") != "Nom"


def _outside_brackets(tokens: list[DocToken]) -> list[DocToken]:
    """The tokens not inside parentheses: "заявил о уходе (в этом он был солидарен с X) и работал" — the
    aside's subject is not the clause's."""
    outside, depth = [], 0
    for token in tokens:
        depth += (token.text == "(") - (token.text == ")")
        if depth <= 0 and token.text != ")":
            outside.append(token)
        depth = max(depth, 0)
    return outside


def _opens_a_quote(ctx: Context, colon: DocToken) -> bool:
    """A colon before a quote or a line break ends the clause; one before a list or an explanation
    ("его приоритетами будут: бюджет, дороги и школы") is part of it, as is the colon of "в 16:00"."""
    after = ctx.text[colon.stop :].lstrip(" \t")
    return not _inside_number(ctx, colon) and after[:1] in ("", "\n", "\r", *QUOTE_OPENERS)


QUOTE_OPENERS = ("«", '"', "„", "“", "'")


def _inside_number(ctx: Context, token: DocToken) -> bool:
    """The colon of a time or a score: "в 16:00", "2:1"."""
    return (
        ctx.text[token.start - 1 : token.start].isdigit() and ctx.text[token.stop : token.stop + 1].isdigit()
    )


def _any_cue(ctx: Context, token: DocToken) -> bool:
    """A finite verb of any cue kind: saying, asking, calling, claiming ("призвал", "назвал")."""
    if token.pos != "VERB" or not _finite_form(token) or not ctx.may_be_cue(token):
        return False
    lemma = ctx.lemma(token)
    lexicon = cues()
    return any(lemma in lexicon[kind] for kind in ("say", "ask", "call", "about")) or lemma in claim_verbs()


def _speakers_converb(ctx: Context, token: DocToken) -> bool:
    """ "..., подчеркнув, что", "..., аргументировав ...": a perfective converb of saying after the clause
    is the speaker's ("..., сделав его таблоидным" is part of what was said)."""
    past = token.feats.get("Aspect") == "Perf" or token.feats.get("Tense") == "Past"
    if token.feats.get("VerbForm") != "Conv" or not past or not ctx.may_be_cue(token):
        return False
    lexicon = cues()
    lemma = ctx.lemma(token)
    return any(lemma in lexicon[kind] for kind in ("say", "think", "call", "about")) or lemma in claim_verbs()


def _agrees(verb: DocToken, other: DocToken) -> bool:
    """Could ``other`` (a finite verb) share a subject with ``verb``? Same gender and number in the past
    tense, same person and number in the present."""
    return other.pos == "VERB" and other.feats.get("VerbForm") == "Fin" and same_form(verb, other)


def _is_subject(token: DocToken) -> bool:
    return token.rel.startswith("nsubj") and token.pos in ("NOUN", "PROPN", "PRON")


def _about_this(ctx: Context, index: int, sent: DocSent, verb: DocToken) -> Finding | None:
    """``C. Об этом сообщил X``, ``C. Эту информацию подтвердила X``, ``C. Это подтвердил X``: the clause
    is the sentence before.

    Only in a main clause: "Документы, в которых она рассказала об этом, ..." reports nothing.
    """
    before = [t.text.lower() for t in sent.tokens if t.stop <= verb.start]
    after = [t.text.lower() for t in sent.tokens if t.start >= verb.stop]
    about_this = ["об", "этом"] in (before[-2:], after[:2], before[:2]) or _about_the_event(ctx, sent, verb)
    pointing = [
        c
        for c in ctx.children(verb)
        if c.rel == "obj"
        and points_back(ctx, c)
        and (c.pos == "PRON" or ctx.lemma(c) in cues()["reported"])  # "эту информацию", not "эти законы"
    ]
    lemma = ctx.lemma(verb)
    # "C. Это сообщила мать спортсменки": "это" opening the sentence, the object of a speech verb
    this_said = (
        before[:1] == ["это"]
        and lemma in cues()["say"]
        and any(c.rel == "obj" and c.text.lower() == "это" for c in ctx.children(verb))
    )
    claimed = pointing and lemma in claim_verbs() and lemma not in DENIALS
    # "C. Такое заявление сделал X", "С таким заявлением выступил X": a cue of a verb and its noun
    nouns = phrase_verbs().get(lemma, frozenset())
    made = not DASH_CUE.search(_previous_text(ctx, index)) and any(
        c.rel in ("obj", "obl") and (c.text.lower() in nouns or ctx.lemma(c) in nouns) and points_back(ctx, c)
        for c in ctx.children(verb)
    )
    if not (about_this or this_said or claimed or made):
        return None  # "C. X опроверг эту информацию": C is not what X said
    if verb.rel in ("acl", "acl:relcl", "advcl") or any(
        w in ("который", "которые", "которых") for w in before
    ):
        return None
    if ctx.text[sent.start : sent.stop].rstrip().endswith(":"):
        return None  # "Об этом сообщили ...:" introduces the statement that follows instead
    previous = _previous_sentence(ctx, index)
    if previous is None or _cues_back(ctx, previous):
        return None  # "C. Об этом говорится в сообщении X. Полиция подтвердила эту информацию."
    paragraph = ctx.text.rfind("\n", 0, sent.start) + 1
    opening = [s for s in ctx.sents[max(0, index - PARAGRAPH_SENTENCES) : index] if s.start >= paragraph]
    first = opening[0] if opening and opening[-1] is previous else previous
    start, end = trim(ctx.text, first.start, previous.stop)
    return Finding(start, end, "indirect", _cue(verb), verb, subject_of(ctx, verb), backward=True)


def _about_the_event(ctx: Context, sent: DocSent, verb: DocToken) -> bool:
    """Does the sentence open with "о" and a bare event noun the cue governs ("О происшествии сообщила
    полиция", "Об аварии рассказали в МЧС")? The event is the one the sentence before told of."""
    words = [t for t in sent.tokens if t.stop <= verb.start]
    lemma = ctx.lemma(verb)
    if len(words) < 2 or words[0].text.lower() not in ABOUT or lemma not in cues()["about"] | cues()["say"]:
        return False
    noun = next((t for t in words[1:] if t.pos not in ("ADJ", "DET")), None)
    if noun is None or noun.pos != "NOUN" or ctx.lemma(noun) not in cues()["event"]:
        return False
    event = ctx.lemma(noun)
    children = ctx.children(noun)
    bare = all(
        c.rel in ("case", "amod", "det") and ctx.lemma(c) not in ANOTHER_TIME for c in children
    )  # "О нынешнем аресте сообщили СМИ" after a sentence on an arrest of 2010: not that one
    if event == "случай" and not any(c.pos == "ADJ" for c in children):
        return False  # "О случае сообщили": any case at all; "о несчастном случае" is an accident
    index = ctx.sentence_index(sent)
    previous = ctx.sents[index - 1] if index > 0 else None
    if previous is None or previous.text.rstrip().endswith("?") or any(m in previous.text for m in '«»"“”'):
        return False  # a question, or a sentence with someone's own words, is not the event told of
    if event not in GENERAL_EVENTS:  # "О взрыве сообщили" after a sentence that tells of one
        signs = EVENT_SIGNS.get(event, (event[:5],))
        if not any(t.text.lower().startswith(signs) for t in previous.tokens):
            return False
    return bare and ctx.head(noun) is verb


DASH_CUE = re.compile('[»"“”],?\\s*[—–-]')
"""A direct quote closed before its cue ("«Q», — сказал X"): a sentence that has its own source."""


def _previous_text(ctx: Context, index: int) -> str:
    previous = _previous_sentence(ctx, index)
    return previous.text if previous is not None else ""


def _cues_back(ctx: Context, sent: DocSent) -> bool:
    """Does the sentence itself point back ("Об этом ...", "Это подтвердил ...")?"""
    words = [t.text.lower() for t in sent.tokens[:3]]
    return (
        words[:2] == ["об", "этом"]
        or words[:1] == ["это"]
        or any(t.rel == "obj" and points_back(ctx, t) for t in sent.tokens)
    )


def _previous_sentence(ctx: Context, index: int) -> DocSent | None:
    for previous in reversed(ctx.sents[max(0, index - 3) : index]):
        words = [t for t in previous.tokens if t.pos != "PUNCT"]
        quoted = previous.text.lstrip()[:1] in QUOTE_OPENERS and len(words) >= 2  # "«Цены вырастут»."
        if len(words) >= 4 or quoted:
            return previous
    return None


def _as_said(ctx: Context, sent: DocSent, verb: DocToken) -> Finding | None:
    """``Как сообщил X, C`` (the rest of the sentence) or ``C, как сообщает X`` (what comes before)."""
    before = _past_adverbs([t for t in sent.tokens if t.stop <= verb.start])  # "Как позднее сообщил X"
    if not before or before[-1].text.lower() != "как":
        return None
    source = subject_of(ctx, verb)
    if source is None:
        return None  # "как сообщалось": the author's hedge, nobody speaks
    after = [t for t in sent.tokens if t.start >= verb.stop]
    comma = next((i for i, t in enumerate(after) if t.text == ","), None)
    if comma is not None and comma + 1 < len(after):
        rest = after[comma + 1 :]
    else:  # "Как сообщило министерство здравоохранения в больницах ...": no comma after the source
        phrase_end = max(t.stop for t in ctx.subtree(source) if t.start >= source.start)
        rest = [t for t in after if t.start >= phrase_end and t.start > source.start]
    if rest and rest[0].text.lower() in ("об", "о") and len(rest) > 1 and rest[1].text.lower() == "этом":
        return None  # "Как сообщает Report, об этом рассказал X": X speaks about the clause before
    words_before = [t for t in before[:-1] if t.pos != "PUNCT"]
    words_after = [t for t in rest if t.pos != "PUNCT"]
    inserted = _inserted_subject(ctx, sent, verb) if words_before and words_after else None
    if inserted is not None:  # "Обама, как сообщает X, хочет ...": the clause, cue and all
        start, end = trim(ctx.text, _phrase_start(ctx, sent, inserted), sent.stop)
    elif len(words_before) > len(words_after):
        start, end = trim(ctx.text, sent.start, before[-1].start)
    elif rest:
        start, end = trim(ctx.text, rest[0].start, sent.stop)
    else:
        return None
    return Finding(start, end, "indirect", _cue(verb), verb, source, credit=True)


def _past_adverbs(before: list[DocToken]) -> list[DocToken]:
    """The tokens before a cue without the adverbs right before it ("также", "позднее", "ранее")."""
    while before and before[-1].pos == "ADV" and before[-1].text.lower() != "как":
        before = before[:-1]
    return before


def _trailing_cue(ctx: Context, sent: DocSent, verb: DocToken) -> Finding | None:
    """``C, — сообщает X`` and ``C, пишет Deutsche Welle``: the clause is the sentence before the cue."""
    before = _past_adverbs([t for t in sent.tokens if t.stop <= verb.start])  # "C, также сказал X"
    inserted = _inserted_subject(ctx, sent, verb)
    if len(before) < 4 and not (len(before) >= 2 and inserted is not None):
        return None  # but "Путин, сообщил Песков, не планирует ...": a short subject before an inserted cue
    marks = [t.text for t in before[-2:]]
    if marks[-1] not in (",", "—", "–", "-"):  # "C, — сообщил X", "C, сообщил X", "C — сообщил X"
        return None
    last_three = "".join(t.text for t in before[-3:])
    if any(mark in last_three for mark in '»"”“') and any(dash in last_three for dash in "—–-"):
        return None  # «Q», — сказал X: a direct quote's cue, handled with the quote
    subject = subject_of(ctx, verb)
    impersonal = ctx.lemma(verb) in cues()["impersonal"]  # "C, говорится в сообщении"
    if (subject is None and not impersonal) or (subject is not None and subject.start < verb.start):
        return None
    if ctx.text[verb.stop : sent.stop].rstrip().endswith(":"):
        return None
    start, end = trim(ctx.text, sent.start, before[-1].start)
    if before[0].text in ("«", '"', "„", "“"):
        return None
    if inserted is not None:  # "X, отмечает издание, был ...": the clause, cue and all
        start, end = trim(ctx.text, _phrase_start(ctx, sent, inserted), sent.stop)
    elif marks[-1] != "," and _dash_closes(sent, verb):  # "Главное — говорят врачи — сохранить ...":
        start, end = trim(ctx.text, sent.start, sent.stop)  # the sentence, cue and all
    return Finding(start, end, "indirect", _cue(verb), verb, subject, credit=True)


CONNECTIVE_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PART"})
"""The parts of speech of a one-word connective that may open a sentence before an inserted cue:
"Впрочем", "Однако", "Вообще"."""
CONNECTIVES = frozenset(
    {"при этом", "кроме того", "тем не менее", "вместе с тем", "между тем", "после этого"}
)
"""Connectives of several words, whose pronoun is no object of the clause ("Ему, по словам врача, ...")."""


def _connective(words: list[DocToken]) -> bool:
    """Are the words (no punctuation) a connective ("Впрочем", "При этом"), not a part of the clause
    ("Ему", "У него", "Он")?"""
    if " ".join(t.text.lower() for t in words) in CONNECTIVES:
        return True
    return len(words) == 1 and words[0].pos in CONNECTIVE_POS


def _after_connective(ctx: Context, sent: DocSent, verb: DocToken) -> Finding | None:
    """``Впрочем, подчёркивает газета, C``: a cue with its source after it, set off by commas after a
    connective that opens the sentence; what follows the source's comma is the quote."""
    before = [t for t in sent.tokens if t.stop <= verb.start]
    words = [t for t in before if t.pos != "PUNCT"]
    if not before or before[-1].text != "," or not _connective(words):
        return None
    source = subject_of(ctx, verb)
    if source is None or source.start < verb.stop:
        return None
    phrase_end = max(t.stop for t in ctx.subtree(source) if t.start >= source.start)
    after = [t for t in sent.tokens if t.start >= phrase_end]
    if not after or after[0].text != ",":
        return None
    rest = [t for t in after[1:] if t.pos != "PUNCT"]
    if len(rest) < 3:
        return None
    start, end = trim(ctx.text, after[1].start, sent.stop)
    return Finding(start, end, "indirect", _cue(verb), verb, source, credit=True)


def _dash_closes(sent: DocSent, verb: DocToken) -> bool:
    """Does a dash after the cue close the insertion it opened, with words after it?"""
    after = [t for t in sent.tokens if t.start > verb.stop]
    dash = next((i for i, t in enumerate(after) if t.text in ("—", "–", "-")), None)
    return dash is not None and any(t.pos != "PUNCT" for t in after[dash + 1 :])


def _inserted_subject(ctx: Context, sent: DocSent, verb: DocToken) -> DocToken | None:
    """The subject before a cue set into the middle of the sentence it reports, whose predicate comes
    after it ("Поне, отмечает издание, был расквартирован в Ираке" -> Поне), or None. A connective alone
    before the cue ("Более того, как сообщает X, ...") makes no inserted cue: what follows it is the quote."""
    head = ctx.head(verb)
    if verb.rel != "parataxis" or head is None or head.start <= verb.stop or head.stop > sent.stop:
        return None
    return next(
        (
            t
            for t in ctx.children(head)
            if t.start >= sent.start and t.stop <= verb.start and t.rel.startswith("nsubj")
        ),
        None,
    )


def _phrase_start(ctx: Context, sent: DocSent, subject: DocToken) -> int:
    """Where the subject's phrase begins, a conjunction before it left out ("Министр уехал, а его
    заместитель, как сообщает ТАСС, проведёт ..." -> "его заместитель ...")."""
    words = [t for t in ctx.subtree(subject) if t.start >= sent.start and t.rel not in ("cc", "punct")]
    return min(t.start for t in words) if words else sent.start


def _request(ctx: Context, sent: DocSent, verb: DocToken) -> Finding | None:
    """``X попросил дать ему позвонить адвокату``: the infinitive clause, when X is someone who can ask."""
    after = [t for t in sent.tokens if t.start > verb.start]
    infinitive = next((c for c in ctx.children(verb) if c.start > verb.start and _infinitive(c)), None)
    infinitive = infinitive or next((t for t in after[:6] if _infinitive(t)), None)
    if infinitive is None:
        return None
    clause = [t for t in after if t.start >= infinitive.start]
    end = min(_clause_end(ctx, sent, verb, clause), _cut_at_clause_end(clause))
    first = min(t.start for t in ctx.subtree(infinitive) if t.start > verb.start)  # "не опаздывать"
    start, end = trim(ctx.text, first, end)
    source = subject_of(ctx, verb)
    if source is not None and ctx.head(source) is verb and ctx.lemma(source) in cues()["thing"]:
        return None  # "Новый закон предлагает лишать свободы": a thing proposes nothing anyone said
    named = source is not None and any(ctx.entity_of(c) is not None for c in ctx.children(source))
    if ctx.lemma(verb) in THREATS and (source is None or not (can_speak(ctx, source) or named)):
        return None  # "Река угрожает выйти из берегов": no one threatens; "Легенда кино Брижит Бардо" does
    return Finding(start, end, "indirect", _cue(verb), verb, source)


def _cut_at_clause_end(tokens: list[DocToken]) -> int:
    for position, token in enumerate(tokens):
        following = tokens[position + 1].text if position + 1 < len(tokens) else ""
        initial = position > 0 and _is_initial(tokens[position - 1])  # "губернатора С.Дарькина"
        if token.text in CLAUSE_END and not (token.text == "." and (following[:1].islower() or initial)):
            return token.start
        following = following.lower()
        if token.text == "," and following in CLAUSE_OPENERS:
            return token.start
    return tokens[-1].stop


def _is_initial(token: DocToken) -> bool:
    """A capital letter alone, the initial of a name before its dot ("С." of "С.Дарькин")."""
    return len(token.text) == 1 and token.text.isupper()


def _infinitive(token: DocToken) -> bool:
    return token.pos == "VERB" and token.feats.get("VerbForm") == "Inf"


def _according(ctx: Context, sent: DocSent, preposition: DocToken, noun: DocToken) -> Finding | None:
    """``По словам X, C`` at the start of a sentence, or ``C, по словам X, C`` inside it."""
    if noun.text.lower() == "версии" and not _can_have_a_version(ctx, according_source(ctx, noun)):
        return None  # "по версии IBF" ranks; "по версии следствия" reports
    ranked = [t for t in sent.tokens if t.stop <= preposition.start][-4:]
    if noun.text.lower() == "версии" and any(
        ctx.lemma(t) in RANKED or (t.feats.get("Case") == "Ins" and t.pos in ("NOUN", "ADJ")) for t in ranked
    ):
        return None  # "титул чемпиона мира по версии WBC", "Фильмом года по версии критиков": a ranking
    between = [t for t in sent.tokens if preposition.stop <= t.start < noun.start]
    if any(ctx.lemma(t) in ("мой", "наш") for t in between):
        return None  # "По моему мнению, ...": the speaker's own words (or the author's), no report
    if (
        any(t.text.lower() not in POSSESSIVES for t in between)
        and according_source(ctx, noun) is None
        and not unnamed_according(ctx, noun)  # "по официальным данным"
    ):
        return None  # "по предварительным данным": the author's hedge, nobody named
    phrase = _without_relative(ctx, noun)
    phrase_start = min(preposition.start, phrase[0].start)
    phrase_end = max(t.stop for t in phrase)
    source = according_source(ctx, noun)
    cue = (preposition.start, noun.stop)
    before = [t for t in sent.tokens if t.stop <= phrase_start and t.pos != "PUNCT"]
    opener = _opener_before(ctx, sent, preposition)
    if opener is not None and any(_cue_verb(ctx, t) for t in sent.tokens if t.stop <= opener.start):
        return None  # "сообщил, что он встретил человека, который, по его словам, ...": the outer quote
    if not before or opener is not None or _connective(before):  # "При этом, по словам X, C"
        rest = [t for t in sent.tokens if t.start >= phrase_end]
        rest = rest[next((i for i, t in enumerate(rest) if t.text not in (",", "—")), len(rest)) :]
        rest = _past_relative(ctx, rest)
        if not rest:
            return None
        end = _clause_end(ctx, sent, noun, rest)
        if opener is not None and ctx.lemma(opener) == "который":  # "у которой, по её словам, забрали
            end = min(end, _relative_clause_end(rest))  # телефон, не было ...": the relative clause
        start, end = trim(ctx.text, rest[0].start, end)
        return Finding(start, end, "indirect", cue, noun, source)
    head = ctx.head(noun)
    if head is not None and head.id in ctx.sent_of_token and ctx.sent_of_token[head.id] is sent:
        clause = [t for t in ctx.subtree(head) if not phrase_start <= t.start < phrase_end]
        clause = [t for t in clause if t.stop <= sent.stop]
        if clause:
            start, end = clause[0].start, clause[-1].stop
            if clause[0].start >= phrase_end:  # the parse hangs no word before the phrase on its clause
                # and may hang later words elsewhere ("..., по его словам, речь идёт о «жизни и смерти»") or
                # a quote after a colon on it: where the clause ends is read from the words
                end = _clause_end(ctx, sent, noun, [t for t in sent.tokens if t.start >= phrase_end])
                if not any(_finite_form(t) and t.pos in ("VERB", "AUX") for t in before):
                    start = before[0].start  # "В компании, по словам чиновника, были недовольны": one clause
            start, end = trim(ctx.text, start, end)
            return Finding(start, end, "indirect", cue, noun, source)
    start, end = trim(ctx.text, sent.start, sent.stop)
    return Finding(start, end, "indirect", cue, noun, source)


def unnamed_according(ctx: Context, noun: DocToken) -> list[DocToken]:
    """The words by which the noun of an "according" phrase names a source with no name, with the noun
    ("по официальным данным", "по некоторым сведениям"): adjectives of ``cues.txt``'s "unnamed" kind
    between the preposition and the noun, and no owner after it (not "по официальным данным МВД",
    whose sentence may be left unparsed); none if it has none."""
    after = next(ctx.tokens_between(noun.stop, noun.stop + 40), None)
    if after is not None and after.pos in ("NOUN", "PROPN", "ADJ", "X"):
        return []
    before = list(islice(ctx.tokens_back(max(0, noun.start - 40), noun.start), 3))
    words = list(takewhile(lambda t: t.text.lower() not in ACCORDING, before))
    if 0 < len(words) < len(before) and all(ctx.lemma(t) in cues()["unnamed"] for t in words):
        return [*reversed(words), noun]
    return []


def _without_relative(ctx: Context, noun: DocToken) -> list[DocToken]:
    """The noun's phrase without a relative clause on it ("по словам X, который возил писателя,"):
    a parse may hang words of the main clause on that clause."""
    clauses = [c for c in ctx.children(noun) if c.rel == "acl:relcl"]
    for child in ctx.children(noun):
        clauses += [c for c in ctx.children(child) if c.rel == "acl:relcl"]  # "словам [Олега] ..."
    inside = {t.id for clause in clauses for t in ctx.subtree(clause)}
    return [t for t in ctx.subtree(noun) if t.id not in inside]


def _past_relative(ctx: Context, rest: list[DocToken]) -> list[DocToken]:
    """The tokens after a relative clause that opens them (", который возил писателя, C" -> C)."""
    if not rest or ctx.lemma(rest[0]) != "который":
        return rest
    end = _relative_clause_end(rest)
    after = [t for t in rest if t.start > end]
    return after[next((i for i, t in enumerate(after) if t.text not in (",", "—")), len(after)) :]


def _opener_before(ctx: Context, sent: DocSent, preposition: DocToken) -> DocToken | None:
    """The conjunction or relative word right before ", по словам X," ("потому что, по его мнению, C",
    "у которой, по её словам, C"): what was said is the clause it opens, after the phrase."""
    before = [t for t in sent.tokens if t.stop <= preposition.start]
    if len(before) < 2 or before[-1].text != ",":
        return None
    word = before[-2]
    return word if word.pos == "SCONJ" or ctx.lemma(word) == "который" else None


def _cue_verb(ctx: Context, token: DocToken) -> bool:
    return is_speech_verb(ctx, token) or (ctx.may_be_cue(token) and ctx.lemma(token) in cues()["think"])


def _relative_clause_end(tokens: list[DocToken]) -> int:
    """The comma after the relative clause's predicate, else the end of the tokens; not a comma before
    a relative clause of its own ("погибли 60 человек, большая часть из которых дети")."""
    predicate = False
    for position, token in enumerate(tokens):
        if token.text == "," and predicate:
            following = list(takewhile(lambda t: t.text != ",", tokens[position + 1 : position + 5]))
            if not any(t.text.lower().startswith("котор") for t in following[1:]):
                return token.start  # but "..., который был построен": a clause on the head noun
        predicate = predicate or (token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin")
    return tokens[-1].stop


def _can_have_a_version(ctx: Context, source: DocToken | None) -> bool:
    if source is None:
        return False
    entity = ctx.entity_of(source)
    kinds = sources()
    lemma = ctx.lemma(source)
    return (
        (entity is not None and entity.type == "PER")
        or source.feats.get("Animacy") == "Anim"  # "по версии прокуроров", "по версии полицейских"
        or lemma in kinds["institution"]
        or lemma in kinds["group"]
        or lemma in kinds["media"]
        or ctx.text[source.start - 1 : source.start] in QUOTE_OPENERS  # "по версии «Форбс»": an outlet's name
    )


def according_source(ctx: Context, noun: DocToken) -> DocToken | None:
    sent = ctx.sent_of_token[noun.id]
    position = ctx.position(noun)
    if position > 0 and sent.tokens[position - 1].text.lower() in POSSESSIVES - {"самой", "самого", "самих"}:
        return sent.tokens[position - 1]
    for child in ctx.children(noun):
        if child.rel in ("nmod", "det", "appos") and child.pos in ("NOUN", "PROPN", "PRON", "DET", "X"):
            if set(ctx.prepositions(child)) & PLACE_OR_TIME:
                continue  # "по последним данным на борту теплохода": where, not whose ("из СМИ" is whose)
            return child
    return None
