"""Where organisations are in a sentence: token ranges from natasha, head nouns and quoted names.

Every finder returns ``Candidate`` token ranges over one sentence's tokens. Names are extended to the
right over the complements the syntax tree hangs on them ("Министерство иностранных дел России",
"Совещание по взаимодействию и мерам доверия в Азии"); overlaps are settled by ``select``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..morph import MorphVocab
from .org_lexicon import (
    org_bodies,
    org_heads,
    org_institutions,
    org_located,
    org_media,
    org_non_heads,
    org_types,
)
from .org_normalise import CYRILLIC, find_head, is_adjectival

NOUNS = ("NOUN", "PROPN")
OPENING = {"«": "»", "„": "“", "“": "”", '"': '"'}
CLOSING = {"»", "“", "”", '"'}
PREPOSITIONS = {"по", "в", "во", "при", "на", "для", "за", "с", "со"}
"""Prepositions of a name's complements; "о" and "об" are not: "служба о смене главы" runs on."""
LIST_LINKS = {",", "и"}
PLURAL_BODIES = frozenset({"власть"})
"""Nouns that name a body only in the plural: "власти" are the authorities, "власть" is power."""
BATCH_NOUNS = frozenset({"партия"})  # "партия удобрений": a batch, not a party
NOT_RELATIONAL = {
    "новый",
    "старый",
    "бывший",
    "нынешний",
    "прежний",
    "будущий",
    "временный",
    "тогдашний",
    "местный",
}
LOCATIVE = {"в", "во", "на"}
GENERIC_PLACES = frozenset({"страна", "государство", "регион", "область", "город", "республика", "край"})
MAX_EXTENSION = 12
MAX_QUOTED = 8

# Finders in order of trust: where two candidates overlap, the earlier one wins.
QUOTED, NATASHA, HEAD, INSTITUTION, ACRONYM, BODY = range(6)


@dataclass(frozen=True)
class Candidate:
    """Tokens ``start:end`` of a sentence that name an organisation; ``frozen`` names keep their form."""

    start: int
    end: int
    source: int
    frozen: bool = False


def natasha_candidates(
    tokens: Sequence[Any], spans: Iterable[Any], text: str, vocab: MorphVocab
) -> list[Candidate]:
    """natasha's ORG spans, split at line breaks and "(ACRONYM)", quotes and legal forms removed."""
    index = {id(token): position for position, token in enumerate(tokens)}
    found = []
    for span in spans:
        if span.type != "ORG" or id(span.tokens[0]) not in index:
            continue
        start = index[id(span.tokens[0])]
        end = index[id(span.tokens[-1])] + 1
        for part_start, part_end in split_span(tokens, start, end, text):
            found.extend(clean_span(tokens, part_start, part_end, vocab))
    kept = []
    for candidate in found:
        if candidate.frozen or not (is_thing(tokens, candidate, vocab) or is_batch(tokens, candidate, vocab)):
            kept.append(candidate)
        elif (
            candidate.end - candidate.start == 2
            and is_acronym(tokens[candidate.end - 1].text)
            and len(tokens[candidate.end - 1].text) > 2
            and org_non_heads() & noun_lemmas(tokens[candidate.start], vocab)
        ):
            kept.append(Candidate(candidate.end - 1, candidate.end, NATASHA))  # Здание [ФСБ], Флаг [ИГИЛ]
    return kept


def is_thing(tokens: Sequence[Any], candidate: Candidate, vocab: MorphVocab) -> bool:
    """Whether a candidate names a building, event, title or product, not an organisation.

    Its head noun is one of ``data/org_non_heads.txt`` ("Концертный зал", "Национальный съезд"), or it is
    quoted right after such a noun, alone or in a list: кинотеатры «Звезда», «Космос» и «Юность».
    """
    names = tokens[candidate.start : candidate.end]
    head = find_head(names, vocab)
    if head is not None and org_non_heads() & noun_lemmas(names[head], vocab):
        return True
    position = candidate.start - 1
    if position < 0 or tokens[position].text not in OPENING:
        return False
    position -= 1
    fillers = 0
    while position >= 0:
        word = tokens[position].text
        if word in LIST_LINKS:
            position -= 1
        elif word in CLOSING:
            opening = next(
                (
                    i
                    for i in range(position - 1, max(-1, position - MAX_QUOTED - 2), -1)
                    if tokens[i].text in OPENING
                ),
                None,
            )
            if opening is None:
                return False
            position = opening - 1
        elif org_non_heads() & noun_lemmas(tokens[position], vocab):
            return True
        elif position == candidate.start - 2 and tokens[position].pos in NOUNS:
            return False  # the quoted name is the name of the noun before it: сети «Х», телеканала «Х»
        elif fillers < MAX_FILLERS and is_filler(tokens[position], vocab):
            fillers += 1  # кинотеатрах городской сети «Х»: «А», «Б»; картины, как «А»
            position -= 1
        else:
            return False
    return False


MAX_FILLERS = 4
FILLERS = {":", "как", "такой", "среди", "который", "в", "том", "числе"}


def is_filler(token: Any, vocab: MorphVocab) -> bool:
    """A word that may stand between a noun for things and a list of their quoted names: an adjective,
    a genitive ("сети"), "как", "такие", "в том числе", a colon."""
    word = token.text.lower()
    if word in FILLERS or any(form.normal in FILLERS for form in vocab(word)[:1]):
        return True
    return token.pos == "ADJ" or (token.pos in NOUNS and token.feats.get("Case") == "Gen")


MEDIUM_PREPOSITIONS = {"в", "во", "на", "через"}
COMPETITION_WORDS = frozenset(
    {"матч", "финал", "полуфинал", "четвертьфинал", "раунд", "этап", "розыгрыш", "победитель", "выиграть"}
)
COMPETITIONS = frozenset({"лига", "кубок", "чемпионат", "турнир", "первенство", "суперлига"})
"""Head nouns of competitions' names: "Лига чемпионов", "Кубок Стэнли"."""
POSSESSIVES = {"свой", "его", "её", "ее", "их", "мой", "наш"}
LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def is_medium(tokens: Sequence[Any], candidate: Candidate, vocab: MorphVocab) -> bool:
    """A one-word name used as the medium a text was posted in, not as an organisation: написал в X,
    опубликовал в своём X, на странице в X, подписчиков в X, в соцсети X (``data/org_media.txt``)."""
    if candidate.end - candidate.start != 1:
        return False
    name = tokens[candidate.start]
    position = candidate.start - 1
    if position > 0 and lemma(tokens[position], vocab) in POSSESSIVES:
        position -= 1  # в своём X
        if tokens[position].text.lower() in MEDIUM_PREPOSITIONS:
            return True
    if position < 1:
        return False
    any_name, latin_names = org_media()
    before = tokens[position - 1]
    if tokens[position].text.lower() not in MEDIUM_PREPOSITIONS:  # в соцсети X, на видеохостинге X
        medium = any_name & noun_lemmas(tokens[position], vocab)
        return bool(medium) and before.text.lower() in MEDIUM_PREPOSITIONS
    words = any_name | latin_names if LATIN.search(name.text) and not CYRILLIC.search(name.text) else any_name
    heads = [before] + [token for token in tokens if token.id == name.head_id]
    return any(lemma(token, vocab) in words for token in heads)


def is_competition(tokens: Sequence[Any], candidate: Candidate, vocab: MorphVocab) -> bool:
    """A competition, not an organisation: a capitalised name right after what it has or what is done to
    it, a final, a match, a stage, a win ("финал Лиги чемпионов", "выиграл Лигу Европы"), headed by a
    competition noun (``COMPETITIONS``). A team or a company is no competition ("матч Спартака", "тендер
    выиграл Сбербанк"), nor a league's acronym ("финале НХЛ")."""
    first = tokens[candidate.start]
    if candidate.frozen or candidate.start == 0 or not first.text[:1].isupper() or first.text.isupper():
        return False  # "финале НХЛ": a league named by its acronym is the organisation
    if not COMPETITIONS & noun_lemmas(first, vocab):
        return False  # "выиграл Сбербанк", "матч Спартака": a company, a team
    return lemma(tokens[candidate.start - 1], vocab) in COMPETITION_WORDS


def lemma(token: Any, vocab: MorphVocab) -> str:
    forms = vocab(token.text.lower())
    return forms[0].normal.replace("ё", "е") if forms else token.text.lower()


YEAR = re.compile(r"(1[89]|20)\d\d")
LATIN_CODE = re.compile(r"[A-Za-z]+-\d+")


def is_work(tokens: Sequence[Any], candidate: Candidate) -> bool:
    """A title in Latin script in a list of works with their years, "Music (1994), The Land (1997)", or a
    code such as "COVID-19": a work, a product or a disease, not an organisation."""
    names = tokens[candidate.start : candidate.end]
    if any(CYRILLIC.search(token.text) for token in names):
        return False
    if len(names) == 1 and LATIN_CODE.fullmatch(names[0].text):
        return True
    after = [token.text for token in tokens[candidate.end : candidate.end + 3]]
    before = [token.text for token in tokens[max(0, candidate.start - 4) : candidate.start]]
    return is_year(after) or (len(before) == 4 and is_year(before[:3]) and before[3] == ",")


def is_year(words: Sequence[str]) -> bool:
    """ "(", a year, ")"."""
    return len(words) == 3 and words[0] == "(" and bool(YEAR.fullmatch(words[1])) and words[2] == ")"


def split_span(tokens: Sequence[Any], start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Split a span at line breaks and before a parenthesised tail: "Фонд ... (ФБК)" -> two parts."""
    parts = []
    part_start = start
    for position in range(start + 1, end):
        gap = text[tokens[position - 1].stop : tokens[position].start]
        after_comma = tokens[position - 1].text == "," and is_acronym(tokens[position].text)
        if "\n" in gap or tokens[position].text in ("(", ")") or after_comma:
            parts.append((part_start, position))
            part_start = position
    parts.append((part_start, end))
    return parts


def clean_span(tokens: Sequence[Any], start: int, end: int, vocab: MorphVocab) -> list[Candidate]:
    """Trim punctuation and unbalanced quotes; take the inside of quotes after legal forms and type words."""
    while start < end and is_punctuation(tokens[start]) and tokens[start].text not in OPENING:
        start += 1
    while start < end and is_punctuation(tokens[end - 1]) and tokens[end - 1].text not in CLOSING:
        end -= 1
    quote = next((i for i in range(start, end) if tokens[i].text in OPENING), None)
    frozen = False
    if quote is not None:
        close = closing_quote(tokens, quote)
        before = tokens[start:quote]
        if close is not None and all(is_type_word(t, vocab) or t.text[:1].islower() for t in before):
            frozen = bool(before) or (quote > 0 and is_type_word(tokens[quote - 1], vocab))
            start, end = quote + 1, close
        elif close is not None and close >= end:
            end = close + 1  # natasha often stops before the closing quote: РПР "ПАРНАС"
    if (
        start < end
        and tokens[start].text in OPENING
        and not start < (closing_quote(tokens, start) or end) < end
    ):
        start += 1  # an opening quote closed outside the span
    if (
        start < end
        and tokens[end - 1].text in CLOSING
        and not any(
            tokens[i].text in OPENING and closing_quote(tokens, i) == end - 1 for i in range(start, end - 1)
        )
    ):
        end -= 1  # a closing quote opened outside the span
    if start >= end:
        return []
    return [Candidate(start, end, NATASHA, frozen)]


def quoted_candidates(tokens: Sequence[Any], vocab: MorphVocab) -> list[Candidate]:
    """Quoted names after a type word: компания «Металлоинвест», газета "Известия", ООО «Ромашка»."""
    found = []
    for position in range(len(tokens) - 2):
        if tokens[position + 1].text in OPENING and is_type_word(tokens[position], vocab):
            close = closing_quote(tokens, position + 1)
            if close is not None and close > position + 2:
                found.append(Candidate(position + 2, close, QUOTED, frozen=True))
        elif wiki_quote(tokens, position + 1) and is_type_word(tokens[position], vocab):
            ends = range(position + 4, min(len(tokens), position + MAX_QUOTED + 4))
            close = next((i for i in ends if wiki_quote(tokens, i)), None)
            if close is not None:
                found.append(Candidate(position + 3, close, QUOTED, frozen=True))
    return found


def wiki_quote(tokens: Sequence[Any], position: int) -> bool:
    """Two apostrophes, which wiki markup uses for italics and news texts copied from it for quotes:
    журнала ''Forbes''."""
    return (
        position + 1 < len(tokens)
        and tokens[position].text == tokens[position + 1].text == "'"
        and tokens[position].stop == tokens[position + 1].start
    )


def compound_candidates(tokens: Sequence[Any], vocab: MorphVocab) -> list[Candidate]:
    """A name and an organisation noun in one hyphenated word: "Левада-центр", "Карнеги-центра".

    natasha often reads these as people; the noun after the hyphen says what they are. The part before
    it must be a name, not a word: "Пресс-служба" is no such compound.
    """
    found = []
    for position, token in enumerate(tokens):
        first, _, last = token.text.rpartition("-")
        if (
            first[:1].isupper()
            and last.islower()
            and is_proper(first, vocab)
            and org_heads() & _noun_lemmas(vocab, last)
        ):
            found.append(Candidate(position, position + 1, NATASHA))
    return found


def is_proper(word: str, vocab: MorphVocab) -> bool:
    """A word the dictionary knows only as a name (surname, place, organisation) or not at all."""
    forms = vocab(word.lower())
    if not vocab.word_is_known(word.lower()) or not forms:
        return True
    return all({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"} & set(form.tag.grammemes) for form in forms)


def head_candidates(tokens: Sequence[Any], vocab: MorphVocab, taken: Sequence[Candidate]) -> list[Candidate]:
    """Capitalised noun phrases headed by an organisation noun: "Совещание по ...", "Верховный суд".

    A head noun alone is no name ("Суд постановил", "Центр открыт"): it needs an adjective or a complement.
    """
    found = noun_candidates(tokens, vocab, taken, org_heads(), HEAD)
    extended = (extend(tokens, candidate, vocab) for candidate in found)
    return [
        c
        for c in extended
        if c.end - c.start > 1 and not is_thing(tokens, c, vocab) and not is_batch(tokens, c, vocab)
    ]


def is_batch(tokens: Sequence[Any], candidate: Candidate, vocab: MorphVocab) -> bool:
    """A batch of goods, capitalised only because it opens the sentence: "Опытно-промышленная партия
    удобрений" (a head of ``BATCH_NOUNS`` taking a plural of things), not "Партия регионов"."""
    names = tokens[candidate.start : candidate.end]
    head = find_head(names, vocab)
    if head is None or not BATCH_NOUNS & noun_lemmas(names[head], vocab):
        return False
    opening = opens_sentence(tokens, candidate.start)
    rest = names[head + 1 :]
    things = any(
        token.feats.get("Case") == "Gen"
        and token.feats.get("Number") == "Plur"
        and token.feats.get("Animacy") == "Inan"
        for token in rest
    )
    return opening and things and not any(token.text[:1].isupper() for token in names[1:])


def institution_candidates(
    tokens: Sequence[Any], vocab: MorphVocab, taken: Sequence[Candidate]
) -> list[Candidate]:
    """Institutions named by a common noun, any case: "правительство", "полиция Нью-Йорка"."""
    return noun_candidates(tokens, vocab, taken, org_institutions(), INSTITUTION)


def body_candidates(tokens: Sequence[Any], vocab: MorphVocab, taken: Sequence[Candidate]) -> list[Candidate]:
    """Bodies named by a common noun with a modifier: "апелляционный суд", "министерство культуры".

    Alone ("суд постановил", "в министерстве сообщили") the noun is not counted: it needs a relational
    adjective before it (not "новый", "бывший") or a genitive complement after it.
    """
    found = noun_candidates(tokens, vocab, taken, org_bodies(), BODY)
    found = [c for c in found if not is_power(tokens[c.end - 1], vocab)]
    extended = (extend(tokens, candidate) for candidate in found)
    return [c for c in extended if c.end - c.start > 1]


def is_power(noun: Any, vocab: MorphVocab) -> bool:
    """A noun of ``PLURAL_BODIES`` in the singular: "законодательной властью", "исполнительной власти"
    (power, a branch of it), not "российские власти" (the authorities)."""
    return noun.feats.get("Number") == "Sing" and bool(PLURAL_BODIES & noun_lemmas(noun, vocab))


def noun_candidates(
    tokens: Sequence[Any], vocab: MorphVocab, taken: Sequence[Candidate], lemmas: frozenset[str], source: int
) -> list[Candidate]:
    """Noun phrases whose head noun has one of ``lemmas``, with agreeing adjectives and complements."""
    covered = {i for candidate in taken for i in range(candidate.start, candidate.end)}
    forms = vocab.forms_of(lemmas)
    found = []
    for position, token in enumerate(tokens):
        if position in covered or token.pos not in NOUNS or token.text.lower().replace("ё", "е") not in forms:
            continue
        if not lemmas & noun_lemmas(token, vocab):
            continue
        start = position
        while start > 0 and agrees_left(tokens[start - 1], token, vocab) and start - 1 not in covered:
            if source in (INSTITUTION, BODY) and not is_relational(tokens[start - 1], vocab):
                break
            start -= 1
        if (
            source == HEAD
            and start < position
            and opens_sentence(tokens, start)
            and is_participle(tokens[start], vocab)
        ):
            start += 1  # "Действующий кабинет министров": a capital that only opens the sentence
        if source == HEAD and not tokens[start].text[:1].isupper():
            continue
        if source == INSTITUTION and tokens[start].text.isupper():
            continue
        found.append(Candidate(start, position + 1, source))
    return found


def is_participle(token: Any, vocab: MorphVocab) -> bool:
    """A participle by its first dictionary reading: "действующий", "сформированный"."""
    forms = vocab(token.text.lower())
    return bool(forms) and forms[0].tag.POS == "PRTF"


def opens_sentence(tokens: Sequence[Any], position: int) -> bool:
    """Whether only punctuation comes before ``position`` in the sentence."""
    return all(not token.text[:1].isalnum() for token in tokens[:position])


def agrees_left(modifier: Any, head: Any, vocab: MorphVocab) -> bool:
    """An adjective or participle right before ``head`` in its case: "Верховный суд"."""
    return (
        modifier.pos != "DET"
        and is_adjectival(modifier, vocab)
        and modifier.feats.get("Case") == head.feats.get("Case")
    )


def is_relational(token: Any, vocab: MorphVocab) -> bool:
    """A relational adjective: "апелляционный", "британский", "правящий"; not "новый", nor a participle,
    which describes a body rather than names it ("действующий", "сформированный", "предполагаемый")."""
    forms = [form for form in vocab(token.text.lower()) if form.tag.POS in ("ADJF", "PRTF")]
    return (
        bool(forms)
        and forms[0].tag.POS == "ADJF"
        and "Apro" not in forms[0].tag.grammemes
        and forms[0].normal not in NOT_RELATIONAL
    )


def noun_lemmas(token: Any, vocab: MorphVocab) -> frozenset[str]:
    """Dictionary forms of the noun readings of a token."""
    return _noun_lemmas(vocab, token.text.lower())


@lru_cache(maxsize=8)
@lru_cache(maxsize=50_000)
def _noun_lemmas(vocab: MorphVocab, word: str) -> frozenset[str]:
    return frozenset(form.normal for form in vocab(word) if form.tag.POS == "NOUN")


def extend(tokens: Sequence[Any], candidate: Candidate, vocab: MorphVocab | None = None) -> Candidate:
    """Extend a candidate to the right over the complements hanging on it in the syntax tree.

    Genitive noun phrases ("Министерство иностранных дел России"), prepositional phrases ("Комитет по
    делам молодёжи") and, after a lowercase complement, a conjoined noun in the same case ("по
    взаимодействию и мерам доверия", "связи и массовых коммуникаций", which the parser often attaches
    elsewhere). A place ("в Москве") joins only after a complement, never right after the name itself:
    "Совещание по ... мерам доверия в Азии" but not "университет в Урбане". A common-noun institution
    takes only capitalised genitives: "полиция Нью-Йорка", not "правительство технократов". A name does not
    take one person's genitive ("РЖД Якунина": the company its head runs) nor, unless it is an institution,
    a bare "страны"/"области" (the place the text is about). A mission abroad
    (``data/org_located.txt``, given ``vocab``) takes its place after the country: "посольство Китая в
    России".
    """
    if candidate.frozen:
        return candidate
    located = vocab is not None and bool(org_located() & noun_lemmas(tokens[candidate.end - 1], vocab))
    ids = {token.id for token in tokens[candidate.start : candidate.end]}
    end = candidate.end
    last_noun: Any | None = None
    while end < len(tokens) and end - candidate.end < MAX_EXTENSION:
        token = tokens[end]
        word = token.text.lower()
        if token.pos == "ADP" and word in PREPOSITIONS:
            chunk = noun_chunk(tokens, end + 1)
            if chunk is None or not hangs_on(tokens, end + 1, chunk, ids):
                break
            if word in LOCATIVE and (
                end == candidate.end or (candidate.source in (INSTITUTION, BODY) and not located)
            ):
                break
        elif token.pos == "CCONJ" and word == "и" and last_noun is not None and last_noun.text.islower():
            chunk = noun_chunk(tokens, end + 1)
            if chunk is None or not agrees_in_case(tokens[chunk - 1], last_noun):
                break
        else:
            chunk = noun_chunk(tokens, end)
            if chunk is None or not hangs_on(tokens, end, chunk, ids, case="Gen"):
                break
            if (
                (candidate.source == BODY or is_name_word(tokens[end - 1]))
                and tokens[chunk - 1].feats.get("Animacy") == "Anim"
                and tokens[chunk - 1].feats.get("Number") != "Plur"
            ):
                # "пресс-служба главы государства" speaks for a person, not a body; "РЖД Якунина" is
                # the company its head runs
                break
            if candidate.source == INSTITUTION and not any(t.text[:1].isupper() for t in tokens[end:chunk]):
                break
            if is_generic_place(tokens, end, chunk, vocab) and not is_institution(tokens, candidate, vocab):
                break  # "Конституционный совет страны", but "правительство страны" as NEREL marks it
        if is_initial(tokens[chunk - 1].text) and not initial_of_genitive(tokens, chunk):
            break  # "компании Microsoft Р.Оззи": the initial opens a person's name
        chunk = past_abbreviation(tokens, chunk)
        ids.update(token.id for token in tokens[end:chunk])
        last_noun = tokens[chunk - 1]
        end = chunk
    return Candidate(candidate.start, end, candidate.source, candidate.frozen)


def is_generic_place(tokens: Sequence[Any], start: int, end: int, vocab: MorphVocab | None) -> bool:
    """A bare "страны", "области", "города" at ``start:end``: a place named before, no part of a name
    (not "Республики Корея")."""
    word = tokens[start]
    return (
        end == start + 1
        and vocab is not None
        and word.text.islower()
        and word.feats.get("Number") == "Sing"
        and (end == len(tokens) or tokens[end].pos != "PROPN")
        and bool(GENERIC_PLACES & noun_lemmas(word, vocab))
    )


def is_institution(tokens: Sequence[Any], candidate: Candidate, vocab: MorphVocab | None) -> bool:
    """Whether a candidate is headed by a common noun of a body or an institution ("правительство")."""
    if candidate.source in (INSTITUTION, BODY):
        return True
    if vocab is None:
        return False
    names = tokens[candidate.start : candidate.end]
    head = find_head(names, vocab)
    return head is not None and bool((org_institutions() | org_bodies()) & noun_lemmas(names[head], vocab))


def is_name_word(token: Any) -> bool:
    """A proper name, an acronym or a word in Latin script: "РЖД", "Apple", "Газпрома"; not "Фонда"."""
    return token.pos == "PROPN" or (len(token.text) > 1 and token.text.isupper()) or token.text.isascii()


ABBREVIATIONS = {"г", "гор", "пос", "ул", "им"}


def is_initial(word: str) -> bool:
    """One capital letter: the initial of "правительство А.Колчака"."""
    return len(word) == 1 and word.isupper()


def initial_of_genitive(tokens: Sequence[Any], end: int) -> bool:
    """Whether the initial before ``end`` opens a surname in the genitive: "правительство А.Колчака"."""
    return end + 1 < len(tokens) and tokens[end].text == "." and tokens[end + 1].feats.get("Case") == "Gen"


def past_abbreviation(tokens: Sequence[Any], end: int) -> int:
    """The end of a phrase that stops on an abbreviation or an initial moved past the name after it: "по г"
    -> "по г. Москве", "им" -> "им. Пушкина", "правительство А" -> "правительство А.Колчака"."""
    abbreviation = tokens[end - 1].text
    if (
        end + 1 < len(tokens)
        and (abbreviation.lower() in ABBREVIATIONS or is_initial(abbreviation))
        and tokens[end].text == "."
        and tokens[end + 1].text[:1].isupper()
    ):
        end += 2
        while end < len(tokens) and same_name(tokens[end - 1], tokens[end]):
            end += 1
    return end


def agrees_in_case(noun: Any, previous: Any) -> bool:
    """A lowercase noun in the case of the complement before "и"."""
    return noun.text.islower() and noun.feats.get("Case") == previous.feats.get("Case")


def noun_chunk(tokens: Sequence[Any], start: int) -> int | None:
    """End of a noun phrase ``ADJ* NOUN PROPN*`` starting at ``start``, or None."""
    position = start
    while (
        position < len(tokens) and tokens[position].pos in ("ADJ", "NUM") and not is_digit(tokens[position])
    ):
        position += 1
    if position >= len(tokens) or tokens[position].pos not in NOUNS:
        return None
    noun = tokens[position]
    position += 1
    while position < len(tokens) and (
        same_name(tokens[position - 1], tokens[position]) or names_noun(noun, tokens[position])
    ):
        position += 1
    return position


def names_noun(noun: Any, token: Any) -> bool:
    """A capitalised name right after a common noun that it names: "Республики Корея", "города Павия"."""
    return noun.pos == "NOUN" and token.pos == "PROPN" and token.head_id == noun.id


def same_name(previous: Any, token: Any) -> bool:
    """Whether ``token`` continues the proper name ``previous`` ("Нью-Йорка", "Джорджа Буша")."""
    return (
        previous.pos == token.pos == "PROPN"
        and previous.feats.get("Case") == token.feats.get("Case")
        and token.head_id == previous.id
    )


def hangs_on(tokens: Sequence[Any], start: int, end: int, ids: set[str], case: str | None = None) -> bool:
    """Whether a noun phrase depends on the tokens ``ids`` (in ``case``, if given)."""
    for token in tokens[start:end]:
        if token.head_id in ids and token.pos in NOUNS:
            return case is None or token.feats.get("Case") == case
    return False


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates in text order.

    A candidate that contains others takes their place ("полиции РА" over "РА"); otherwise, where two
    overlap, the more trusted finder wins, then the longer candidate.
    """
    chosen: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.source, c.start - c.end, c.start)):
        inside = [other for other in chosen if candidate.start <= other.start and other.end <= candidate.end]
        crossing = [
            other
            for other in chosen
            if other not in inside and other.start < candidate.end and candidate.start < other.end
        ]
        if not crossing and not any(other.frozen for other in inside):
            chosen = [other for other in chosen if other not in inside] + [candidate]
    return sorted(chosen, key=lambda c: c.start)


def acronym_candidates(tokens: Sequence[Any], chosen: Sequence[Candidate]) -> list[tuple[Candidate, int]]:
    """Other names in brackets after a name, each with the index of the name: an acronym ("Фонд борьбы
    с коррупцией (ФБК)"), a name in Latin script, or both ("Сеть поддержки выборов (Election Support
    Network, ESN)")."""
    found = []
    for number, candidate in enumerate(chosen):
        position = candidate.end
        if position < len(tokens) and tokens[position].text in CLOSING:
            position += 1
        if position >= len(tokens) or tokens[position].text != "(":
            continue
        ends = range(position + 1, min(len(tokens), position + 12))
        close = next((i for i in ends if tokens[i].text == ")"), None)
        if close is None:
            continue
        inside = tokens[position + 1 : close]
        if len(inside) == 1 and is_acronym(inside[0].text):
            found.append((Candidate(position + 1, close, ACRONYM), number))
            continue
        comma = next((i for i, token in enumerate(inside) if token.text == ","), len(inside))
        foreign = inside[:comma]
        paired = comma == len(inside) - 2 and is_acronym(inside[-1].text)
        named = foreign and is_foreign_name(foreign) and (paired or len(foreign) > 2)  # not "(Mad Men)"
        if named:
            found.append((Candidate(position + 1, position + 1 + comma, ACRONYM, frozen=True), number))
        if paired:
            found.append((Candidate(close - 1, close, ACRONYM), number))
    return found


def is_foreign_name(tokens: Sequence[Any]) -> bool:
    """Words in Latin script, the first capitalised: "King’s College London", "Rassemblement pour le Mali"."""
    return (
        tokens[0].text[:1].isupper()
        and all(LATIN.search(token.text) or token.text in ("&", "’", "'", "-") for token in tokens)
        and not any(CYRILLIC.search(token.text) for token in tokens)
    )


def in_title(tokens: Sequence[Any], candidate: Candidate) -> bool:
    """Whether a candidate is inside a quoted title that opens with a preposition: закон «О полиции»."""
    for opening in range(max(0, candidate.start - MAX_QUOTED), candidate.start):
        if tokens[opening].text not in OPENING or opening + 1 >= len(tokens):
            continue
        close = closing_quote(tokens, opening)
        first = tokens[opening + 1]
        if close is not None and close >= candidate.end and first.pos == "ADP" and first.text[:1].isupper():
            return True
    return False


def closing_quote(tokens: Sequence[Any], opening: int) -> int | None:
    """Index of the quote closing the one at ``opening``, if it comes within a few tokens."""
    wanted = OPENING[tokens[opening].text]
    for position in range(opening + 1, min(len(tokens), opening + MAX_QUOTED + 2)):
        if tokens[position].text == wanted:
            return position
    return None


def is_acronym(word: str) -> bool:
    """An all-capitals word of two to eight letters: "ООН", "ФБК", "NABF"."""
    return 2 <= len(word) <= 8 and word.isalpha() and word.isupper()


def is_type_word(token: Any, vocab: MorphVocab) -> bool:
    """A word after which a quoted name is an organisation: "компании", "ООО"."""
    word = token.text.lower()
    types = org_types()
    return word in types or any(form.normal in types for form in vocab(word))


def is_punctuation(token: Any) -> bool:
    return token.pos == "PUNCT" or not any(char.isalnum() for char in token.text)


def is_digit(token: Any) -> bool:
    return token.text[:1].isdigit()
