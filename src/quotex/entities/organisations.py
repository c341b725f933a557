"""Organisations: nominative names, merged mentions, acronyms, names natasha misses.

Mentions come from natasha's ORG spans, from capitalised noun phrases headed by an organisation noun
(``data/org_heads.txt``: "Совещание по взаимодействию и мерам доверия в Азии"), from quoted names after a
type word (``data/org_types.txt``: компания «Металлоинвест» -> "Металлоинвест") and from institutions
named by a common noun (``data/org_institutions.txt``: "правительство", "полиция Нью-Йорка").

Mentions with the same nominative name (case-insensitive, ё = е) make one organisation. An acronym joins
the full name it stands for when the text gives both, in brackets ("Фонд борьбы с коррупцией (ФБК)") or
anywhere ("ООН" and "Организация Объединённых Наций", by initials; "МИД" and "МИД России", by prefix).
The organisation is then named by its full name; the acronym stays visible as the text of its mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from natasha import Doc

from ..deadline import check
from ..morph import MorphVocab
from ..records import Entity, Span
from .countries import load_gazetteer
from .org_lexicon import org_heads, org_names, org_stop, org_types
from .org_normalise import CYRILLIC, find_head, normalise_name
from .org_spans import (
    ACRONYM,
    BODY,
    CLOSING,
    INSTITUTION,
    NATASHA,
    OPENING,
    Candidate,
    acronym_candidates,
    agrees_left,
    body_candidates,
    compound_candidates,
    extend,
    head_candidates,
    in_title,
    institution_candidates,
    is_acronym,
    is_competition,
    is_medium,
    is_punctuation,
    is_relational,
    is_work,
    natasha_candidates,
    noun_lemmas,
    quoted_candidates,
    select,
)

FUNCTION_WORDS = {"и", "по", "в", "во", "с", "со", "при", "на", "для", "за", "об", "о", "от", "имени"}


class Mention:
    """One mention while merging: its span, its nominative name and the key it merges under."""

    def __init__(self, span: Span, name: str, sentence_initial: bool = False) -> None:
        self.span = span
        self.name = name
        self.key = merge_key(name)
        self.sentence_initial = sentence_initial


def find_organisations(doc: Doc, vocab: MorphVocab) -> tuple[Entity, ...]:
    """Every organisation in ``doc``, mentions merged, in order of first mention."""
    mentions: list[Mention] = []
    aliases: dict[str, str] = {}
    for sent in doc.sents:
        check()
        tokens = sent.tokens
        chosen = find_candidates(tokens, sent.spans, doc.text, vocab)
        sentence_mentions = [make_mention(tokens, c, doc.text, vocab) for c in chosen]
        chosen = [c for c, m in zip(chosen, sentence_mentions, strict=True) if m.key not in org_stop()]
        sentence_mentions = [m for m in sentence_mentions if m.key not in org_stop()]
        nested = nested_candidates(tokens, sent.spans, doc.text, vocab, chosen)
        nested_mentions = [make_mention(tokens, c, doc.text, vocab) for c in nested]
        starts = {mention.span.start for mention in sentence_mentions}
        people = {i for span in sent.spans if span.type == "PER" for i in span_range(tokens, span)}
        for candidate, number in acronym_candidates(tokens, chosen):
            if people.intersection(range(candidate.start, candidate.end)):
                continue  # "(Roberto Seba)" after a magazine names its photographer
            acronym = make_mention(tokens, candidate, doc.text, vocab)
            aliases.setdefault(acronym.key, sentence_mentions[number].key)
            if acronym.span.start not in starts:
                sentence_mentions.append(acronym)
        mentions.extend(sentence_mentions)
        mentions.extend(m for m in nested_mentions if m.key not in org_stop())
    mentions.sort(key=lambda mention: mention.span.start)
    return merge(mentions, aliases)


def find_candidates(
    tokens: list[Any], spans: list[Any], text: str, vocab: MorphVocab, zone: tuple[int, int] | None = None
) -> list[Candidate]:
    """Organisation token ranges of one sentence, extended over their complements, not overlapping.

    With ``zone`` (a token range), only the candidates that lie inside it: the organisations named in
    another one's complement (``nested_candidates``).
    """
    start, end = zone or (0, len(tokens))
    outside = [Candidate(0, start, INSTITUTION + 1), Candidate(end, len(tokens), INSTITUTION + 1)]

    def inside(candidates: Iterable[Candidate]) -> list[Candidate]:
        return [c for c in candidates if start <= c.start < c.end <= end]

    found = quoted_candidates(tokens, vocab) + natasha_candidates(tokens, spans, text, vocab)
    found += compound_candidates(tokens, vocab)
    places = [span_candidate(tokens, span) for span in spans if span.type == "LOC"]
    found += [
        Candidate(c.start, c.end, NATASHA)
        for c in places
        if merge_key(normalise_name(tokens[c.start : c.end], vocab)) in org_names()
    ]
    others = [span_candidate(tokens, span) for span in spans if span.type != "ORG"]
    if zone is not None:
        found += acronyms_in(tokens, start, end, others, vocab)
    extended = (extend(tokens, candidate, vocab) for candidate in found)
    chosen = select(inside(finish_place(tokens, candidate, places) for candidate in extended))
    blocked = chosen + others + outside
    chosen = select(chosen + inside(head_candidates(tokens, vocab, blocked)))
    blocked = chosen + others + outside
    institutions = institution_candidates(tokens, vocab, blocked)
    chosen = select(chosen + inside(extend(tokens, c, vocab) for c in institutions))
    blocked = chosen + others + outside
    chosen = select(chosen + inside(body_candidates(tokens, vocab, blocked)))
    countries = load_gazetteer(vocab)
    chosen = [
        c
        for c in chosen
        if not in_title(tokens, c)
        and not is_medium(tokens, c, vocab)
        and not is_competition(tokens, c, vocab)
        and not is_work(tokens, c)
        and not countries.is_country(*(token.text for token in tokens[c.start : c.end]))
        and not is_lone_adjective(tokens, c)
    ]
    taken = {i for c in chosen for i in range(c.start, c.end)}
    chosen = join_genitives(tokens, [take_unit(tokens, c, vocab, start, taken) for c in chosen])
    if zone is None:
        chosen = select(by_region(tokens, c, places) for c in chosen)
    return chosen


def join_genitives(tokens: list[Any], chosen: list[Candidate]) -> list[Candidate]:
    """A name followed by another in the genitive is one name, whatever the parser made of it:
    "Генштаба" + "Вооруженных сил РФ" -> "Генштаба Вооруженных сил РФ", "Совета директоров" +
    «Башинформа» -> "Совета директоров «Башинформа»" (the second stays a mention of its own,
    ``nested_candidates``)."""
    joined: list[Candidate] = []
    for candidate in chosen:
        previous = joined[-1] if joined else None
        # "Совета директоров «Башинформа»", not "Института Пушкина «ВКонтакте»" (a name ends the first)
        quoted = (
            previous is not None
            and tokens[previous.end].text in OPENING
            and tokens[previous.end - 1].text[:1].islower()
        )
        if (
            previous is not None
            and previous.end + quoted == candidate.start
            and not previous.frozen
            and (quoted or not candidate.frozen)
            and tokens[previous.end - 1].pos in ("NOUN", "PROPN")
            and tokens[candidate.start].text[:1].isupper()
            and first_noun_case(tokens, candidate) == "Gen"
        ):
            end = candidate.end
            if quoted and end < len(tokens) and tokens[end].text in CLOSING:
                end += 1
            joined[-1] = Candidate(previous.start, end, previous.source)
        else:
            joined.append(candidate)
    return joined


def first_noun_case(tokens: list[Any], candidate: Candidate) -> str | None:
    noun = next((t for t in tokens[candidate.start : candidate.end] if t.pos in ("NOUN", "PROPN")), None)
    return noun.feats.get("Case") if noun is not None else None


def take_unit(
    tokens: list[Any], candidate: Candidate, vocab: MorphVocab, first: int, taken: set[int]
) -> Candidate:
    """A name that a lower-case unit of it governs starts with the unit: "философский факультет [МГУ]",
    "нижней палаты [парламента]", "департамента [Минобрнауки]". The unit is an organisation noun
    (``data/org_heads.txt``) with its relational adjectives; the name hangs on it in the syntax tree. The
    name stays a mention of its own (``nested_candidates``)."""
    head = candidate.start - 1
    if candidate.frozen or head < first or head in taken or tokens[head].pos != "NOUN":
        return candidate
    if not tokens[head].text.islower():
        return candidate
    lemmas = noun_lemmas(tokens[head], vocab)
    if not org_heads() & lemmas or org_types() & lemmas:  # агентство [Рейтер] is the agency's name alone
        return candidate
    if not any(token.head_id == tokens[head].id for token in tokens[candidate.start : candidate.end]):
        return candidate
    start = head
    while start > first and start - 1 not in taken and agrees_left(tokens[start - 1], tokens[head], vocab):
        if not is_relational(tokens[start - 1], vocab) or not tokens[start - 1].text.islower():
            break
        start -= 1
    return extend(tokens, Candidate(start, candidate.end, candidate.source))


def is_lone_adjective(tokens: list[Any], candidate: Candidate) -> bool:
    """One adjective, not in quotes: the "Лондонский" of "Лондонский «Арсенал»", "75-летний"."""
    return (
        candidate.end - candidate.start == 1
        and tokens[candidate.start].pos == "ADJ"
        and (candidate.start == 0 or tokens[candidate.start - 1].text not in OPENING)
    )


def nested_candidates(
    tokens: list[Any], spans: list[Any], text: str, vocab: MorphVocab, outer: Sequence[Candidate]
) -> list[Candidate]:
    """Organisations named in the complement of another: "Верхняя палата [парламента Японии]",
    "пресс-служба [полиции]", "Секретариат [МАГАТЭ]", and further in: "ЦК [КПСС]".

    Each is a mention of an organisation of its own. The name of the outer organisation without its
    complement ("Верхняя палата" of "Верхняя палата парламента Японии", "МИД" of "МИД России") or without
    its adjectives ("парламентом" of "японским парламентом") is the same organisation again, not a second
    mention, and is never returned.
    """
    found: list[Candidate] = []
    queue = [c for c in outer if not c.frozen]
    while queue:
        candidate = queue.pop()
        names = tokens[candidate.start : candidate.end]
        head = find_head(names, vocab)
        start = candidate.start + (head if head is not None else len(names)) + 1
        if start >= candidate.end:
            continue
        inner = find_candidates(tokens, spans, text, vocab, zone=(start, candidate.end))
        # a quoted name is the outer one's own (Ассоциация «Совет ...», МГТУ «МАМИ») unless in the genitive
        inner = [
            c for c in inner if tokens[c.start - 1].text not in OPENING or first_noun_case(tokens, c) == "Gen"
        ]
        inner = [c for c in inner if not names_person(tokens, c, vocab)]  # "института Пушкина"
        found.extend(inner)
        queue.extend(inner)
    return sorted(found, key=lambda c: c.start)


PERSON = {"Name", "Surn", "Patr"}


def names_person(tokens: list[Any], candidate: Candidate, vocab: MorphVocab) -> bool:
    """One word the dictionary knows as a person's name or surname and otherwise only as a place: the
    "Пушкина" of "института Пушкина", who is no organisation inside it."""
    word = tokens[candidate.start].text
    if candidate.end - candidate.start != 1 or word.isupper() or not vocab.word_is_known(word.lower()):
        return False
    grammemes = [set(form.tag.grammemes) for form in vocab(word.lower())]
    return any(PERSON & tags for tags in grammemes) and all((PERSON | {"Geox"}) & tags for tags in grammemes)


def acronyms_in(
    tokens: list[Any], start: int, end: int, others: Sequence[Candidate], vocab: MorphVocab
) -> list[Candidate]:
    """Acronyms of ``tokens[start:end]`` that name an organisation: the "МВД" of "ГУ МВД", the "МАГАТЭ"
    of "Секретариат МАГАТЭ". Not a country ("СССР"), a person or place for natasha, a word of two letters
    ("ТВ", "АО") or a name in quotes (РПР "ПАРНАС" is one organisation)."""
    taken = {i for other in others for i in range(other.start, other.end)}
    countries = load_gazetteer(vocab)
    return [
        Candidate(i, i + 1, ACRONYM)
        for i in range(start, end)
        if i not in taken
        and is_acronym(tokens[i].text)
        and len(tokens[i].text) > 2
        and CYRILLIC.search(tokens[i].text)
        and tokens[i - 1].text not in OPENING
        and not countries.is_country(tokens[i].text)
        and not in_quotes(tokens, i)
    ]


def in_quotes(tokens: list[Any], position: int) -> bool:
    """Whether a token is inside a quoted name: the "КИТ" of «Киностудии КИТ» is part of that name."""
    before = [token.text for token in tokens[:position]]
    if before.count('"') % 2:
        return True
    opening = max((i for i, word in enumerate(before) if word in ("«", "„")), default=-1)
    closing = max((i for i, word in enumerate(before) if word in ("»", "“")), default=-1)
    return opening > closing


def finish_place(tokens: list[Any], candidate: Candidate, places: list[Candidate]) -> Candidate:
    """A name that ends inside a place ends with it: "ВМС Республики" -> "ВМС Республики Корея"."""
    for place in places:
        gap = any(is_punctuation(token) for token in tokens[candidate.end : place.end])
        if place.start < candidate.end < place.end and candidate.start < place.start and not gap:
            return Candidate(candidate.start, place.end, candidate.source, candidate.frozen)
    return candidate


def by_region(tokens: list[Any], candidate: Candidate, places: list[Candidate]) -> Candidate:
    """A body named by an acronym takes the region it works for: "МВД по Башкирии", "ГУ МВД России по
    г. Москве", "ФСБ по Чеченской Республике", where the parser hangs "по ..." on the verb."""
    position = candidate.end
    if candidate.frozen or position >= len(tokens) or tokens[position].text != "по":
        return candidate
    if not any(is_acronym(token.text) for token in tokens[candidate.start : candidate.end]):
        return candidate
    position += 1
    if position + 1 < len(tokens) and tokens[position].text == "г" and tokens[position + 1].text == ".":
        position += 2
    place = next((p for p in places if p.start == position), None)
    return Candidate(candidate.start, place.end, candidate.source) if place is not None else candidate


def span_range(tokens: list[Any], span: Any) -> range:
    candidate = span_candidate(tokens, span)
    return range(candidate.start, candidate.end)


def span_candidate(tokens: list[Any], span: Any) -> Candidate:
    """The token range of a natasha span (used to keep people and places out of organisations)."""
    positions = [i for i, token in enumerate(tokens) if span.start <= token.start < span.stop]
    return Candidate(positions[0], positions[-1] + 1, INSTITUTION + 1) if positions else Candidate(0, 0, 0)


def make_mention(tokens: list[Any], candidate: Candidate, text: str, vocab: MorphVocab) -> Mention:
    """A mention with its exact text span and its nominative name."""
    start, end = tokens[candidate.start].start, tokens[candidate.end - 1].stop
    span = Span(text=text[start:end], start=start, end=end)
    name = span.text if candidate.frozen else normalise_name(tokens[candidate.start : candidate.end], vocab)
    initial = all(not token.text[:1].isalnum() for token in tokens[: candidate.start])
    if initial and candidate.source in (INSTITUTION, BODY) and not name.split()[0].isupper():
        name = name[:1].lower() + name[1:]  # "Полиция Нью-Йорка задержала" -> "полиция Нью-Йорка"
    return Mention(span, " ".join(name.split()), initial)


def merge(mentions: list[Mention], aliases: dict[str, str]) -> tuple[Entity, ...]:
    """Group mentions by name, acronyms and stump compounds under their full names ("ФСБ", "Госдеп");
    organisations in order of first mention.

    An organisation takes the name of its first mention that does not open a sentence, where a capital
    letter says nothing ("Полиция задержала ..." and "... сообщила полиция" make "полиция").
    """
    names: dict[str, str] = {}
    for mention in sorted(mentions, key=lambda m: m.sentence_initial):
        if not is_acronym(mention.name) or mention.key not in aliases:
            names.setdefault(mention.key, mention.name)
    for key, name in list(names.items()):
        if key in aliases:
            continue
        same = stands_for if is_acronym(name) else partial(clips, whole=False)  # not "Газпром|авиа"
        expansions = [other for other in names.values() if other != name and same(name, other)]
        if len(expansions) == 1:
            aliases[key] = merge_key(expansions[0])
    groups: dict[str, list[Span]] = {}
    for mention in mentions:
        key = resolve(mention.key, aliases)
        groups.setdefault(key, []).append(mention.span)
        names.setdefault(key, mention.name)
    return tuple(Entity(name=names[key], mentions=tuple(spans)) for key, spans in groups.items())


def resolve(key: str, aliases: dict[str, str]) -> str:
    """Follow acronym links to the full name's key (links never loop: a name is linked once)."""
    seen = {key}
    while key in aliases and aliases[key] not in seen:
        key = aliases[key]
        seen.add(key)
    return key


def stands_for(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``: "ООН" / "Организация Объединённых Наций".

    The initials of the content words must spell the acronym, with or without a final capitalised word
    (the place in "Федеральная служба безопасности России" / "ФСБ"), or start it ("МИД" / "МИД России").
    """
    words = name.split()
    if len(words) < 2:
        return False
    if words[0] == acronym:
        return True
    letters = "".join(word[0] for word in words if word.lower() not in FUNCTION_WORDS).upper()
    return letters == acronym or (letters[:-1] == acronym and words[-1][:1].isupper())


def clips(name: str, other: str, whole: bool = True) -> bool:
    """Whether ``name`` is a stump compound of the longer name ``other``, as Russian clips names: the
    beginnings of its words ("Норникель" / "Норильский никель", "Минобороны" / "Министерство обороны
    России") or one word cut inside its root ("Госдеп" / "Госдепартамент США"); a country or another
    name at the end of ``other`` may be left out. A hyphenated name is the reverse of a head noun and
    its name ("Карнеги-центр" / "Московский Центр Карнеги"). Without ``whole``, one word is never cut:
    "Газпром" might be "Газпромавиа" as well as "Госдеп" is "Госдепартамент"."""
    if " " in name or len(name) < 4 or name.isupper() or len(other) <= len(name):
        return False
    short = merge_key(name)
    kept = other.split()
    while len(kept) > 1 and kept[-1][:1].isupper():
        kept.pop()  # "Госдепартамент США", "Министерство обороны России": without the country
    words = merge_key(" ".join(kept)).split()
    if _stump(short, words, whole=whole and len(words) == 1):
        return True
    first, _, head = short.rpartition("-")
    return bool(first) and " ".join((head, first)) in " ".join(merge_key(other).split()[-2:])


VOWELS = frozenset("аеиоуыэюя")


def _stump(short: str, words: list[str], whole: bool = False) -> bool:
    """Is ``short`` made of the beginnings of all of ``words`` in order, two letters or more of each
    ("нор" + "никель", "мин" + "обороны"), or (``whole``) the beginning of a single longer word cut
    before a vowel, inside a root ("госдеп|артамент", not "газпром|нефть", "ростех|надзор")?"""
    if whole:
        cut_off = words[0][len(short) :] if len(words) == 1 and words[0].startswith(short) else ""
        return cut_off[:1] in VOWELS and cut_off != ""
    if len(words) < 2:
        return False
    first, rest = words[0], words[1:]
    for cut in range(2, min(len(first), len(short)) + 1):
        if first[:cut] != short[:cut]:
            break
        remainder = short[cut:]
        if len(rest) == 1 and len(remainder) >= 2 and rest[0].startswith(remainder):
            return True
        if len(rest) > 1 and remainder and _stump(remainder, rest):
            return True
    return False


def merge_key(name: str) -> str:
    """Names that differ only in letter case or ё/е merge."""
    return name.lower().replace("ё", "е")


def organisation_heads(vocab: MorphVocab) -> frozenset[str]:
    """Every form of the head nouns of organisation names natasha may miss ("Совещание", "Комитета"):
    a sentence holding one is worth parsing, the name is extended along the syntax tree."""
    return vocab.forms_of(org_heads())
