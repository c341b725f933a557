"""People: merge PER mentions into one canonical nominative name with the role the text gives.

Public helpers, also used by speaker attribution:

- ``nominative_name(tokens, vocab)``: a person's name from natasha PER tokens, in the nominative;
- ``name_tokens(doc, span, vocab)``: a PER span's tokens without a leading title or trailing punctuation;
- ``person_gender(person_or_tokens)``: "Masc", "Fem" or None, from the name's morphology;
- ``load_roles()`` and ``role_at(doc, token, vocab)``: role nouns, and the role phrase before a name
  ("президент Азербайджана Ильхам Алиев" -> "президент Азербайджана").

Merging rules (``find_people``): a mention of two or more words joins the most recent person with the same
surname whose first name agrees (equal, an initial of it, or unknown); a lone word joins the most recent
person whose surname it is (in any case form, same nominative or same lemma and no gender clash), else the
one person whose first name it is, else an earlier lone mention of the same word. Two people who share a
surname ("Майкл Джексон", "Кэтрин Джексон") stay apart, and a later lone "Джексон" goes to the one
mentioned most recently.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from natasha import Doc

from .. import lexicon
from ..deadline import check
from ..morph import MorphVocab, PhraseCache
from ..records import Person, Span
from ..syntax import Tree

Token = Any  # a natasha DocToken: text, start, stop, id, head_id, rel, pos, feats

NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
UD_TO_OC_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
OC_BASE_CASE = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}
UD_TO_OC_GENDER = {"Masc": "masc", "Fem": "femn"}
OC_TO_UD_GENDER = {"masc": "Masc", "femn": "Fem"}

# Endings of a name in an oblique case -> its nominative ending, for names the dictionary does not know
# ("Хоулетта" -> "Хоулетт", "Гарсии" -> "Гарсия"). Longest ending first; a word matching none stays as is,
# which keeps women's consonant-final names ("Кобб", "Ярмыш", "Кэтрин") and names in -е, -и, -о
# ("Сидибе", "Кэрри", "Амано") indeclinable. A "й" after a consonant becomes "ь" ("Цзюня" -> "Цзюнь").
ENDING_RULES: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("Masc", "gent"): (("ского", "ский"), ("цкого", "цкий"), ("ии", "ия"), ("ы", "а"), ("а", ""), ("я", "й")),
    ("Masc", "accs"): (
        ("ского", "ский"),
        ("цкого", "цкий"),
        ("ию", "ия"),
        ("у", "а"),
        ("ю", "я"),
        ("а", ""),
        ("я", "й"),
    ),
    ("Masc", "datv"): (("скому", "ский"), ("цкому", "цкий"), ("ии", "ия"), ("у", ""), ("ю", "й")),
    ("Masc", "ablt"): (
        ("ским", "ский"),
        ("цким", "цкий"),
        ("ией", "ия"),
        ("ым", ""),
        ("ом", ""),
        ("ой", "а"),
        ("ем", "й"),
    ),
    ("Masc", "loct"): (
        ("ском", "ский"),
        ("цком", "цкий"),
        ("ии", "ия"),
        ("ове", "ов"),
        ("еве", "ев"),
        ("ине", "ин"),
    ),
    ("Fem", "gent"): (
        ("ской", "ская"),
        ("цкой", "цкая"),
        ("ии", "ия"),
        ("ой", "а"),
        ("ы", "а"),
        ("ги", "га"),
        ("ки", "ка"),
        ("хи", "ха"),
    ),
    ("Fem", "accs"): (("скую", "ская"), ("цкую", "цкая"), ("ию", "ия"), ("у", "а"), ("ю", "я")),
    ("Fem", "datv"): (("ской", "ская"), ("цкой", "цкая"), ("ии", "ия"), ("ой", "а")),
    ("Fem", "ablt"): (("ской", "ская"), ("цкой", "цкая"), ("ией", "ия"), ("ой", "а"), ("ей", "я")),
    ("Fem", "loct"): (("ской", "ская"), ("цкой", "цкая"), ("ии", "ия"), ("ой", "а")),
}
"""Adjective-like surnames the dictionary lacks ("Соколовского" -> "Соколовский") come first."""

WORD_SPLIT = re.compile(r"\s+|(?<=\.)(?=\w)")  # "Б.Обама" -> "Б.", "Обама"
OBLIQUE_CASES = ("gent", "datv", "accs", "ablt", "loct")
VOWELS = frozenset("аеёиоуыэюя")
ROLE_WINDOW = 12  # how many tokens before a name a role noun may stand
STOP_PUNCT = frozenset({",", ":", ";", ".", "!", "?", "—", "–", "-", "…"})
ROLE_PREFIXES = ("экс-", "вице-")
OPENING_QUOTES = frozenset({"«", '"', "„", "“"})

_GENDERS: weakref.WeakKeyDictionary[Person, str | None] = weakref.WeakKeyDictionary()
_fallback_vocab: MorphVocab | None = None


# Names


def nominative_name(tokens: Sequence[Token], vocab: MorphVocab) -> str:
    """The name in natasha PER span ``tokens`` put in the nominative, keeping the text's capitals.

    "Касым-Жомарта Кемелевича Токаева" -> "Касым-Жомарт Кемелевич Токаев", "Киру Ярмыш" -> "Кира Ярмыш".
    Words are inflected only when natasha's tagger puts some word of the name in an oblique case; each
    word takes the dictionary's Name/Surn/Patr reading that agrees with the person's gender, and names the
    dictionary lacks lose their case ending (``ENDING_RULES``). Indeclinable names stay as written.
    """
    return _NAMES.get(tokens, lambda: _nominative_name(tokens, vocab))


_NAMES = PhraseCache()


def _nominative_name(tokens: Sequence[Token], vocab: MorphVocab) -> str:
    gender = _tokens_gender(tokens, vocab)
    cases = [UD_TO_OC_CASE.get(token.feats.get("Case", "")) for token in tokens if _is_word(token)]
    oblique = {case for case in cases if case and case != "nomn"}
    words = [
        _nominative_word(token.text, UD_TO_OC_CASE.get(token.feats.get("Case", "")), oblique, gender, vocab)
        if oblique and _is_word(token) and len(token.text) > 1
        else token.text
        for token in tokens
    ]
    return _join(tokens, words)


def person_gender(person_or_tokens: Person | Sequence[Token], vocab: MorphVocab | None = None) -> str | None:
    """ "Masc", "Fem" or None for a ``Person`` (from its name) or for natasha PER span tokens.

    For a ``Person`` made by ``find_people`` the gender found from its tokens in context is remembered;
    any other ``Person`` is judged by its nominative name alone.
    """
    vocab = vocab or _default_vocab()
    if isinstance(person_or_tokens, Person):
        if person_or_tokens in _GENDERS:
            return _GENDERS[person_or_tokens]
        return _name_gender(person_or_tokens.name.split(), vocab)
    return _tokens_gender(person_or_tokens, vocab)


def _nominative_word(
    word: str, case: str | None, cases: set[str], gender: str | None, vocab: MorphVocab
) -> str:
    """One word of a name in the nominative; ``case`` is natasha's case for it, ``cases`` the name's.

    Only the dictionary's own names are trusted: pymorphy's guesses for unknown words turn foreign names
    into Russian-looking ones ("Роттоли" -> "Роттоля"), so those go by ``ENDING_RULES``.
    """
    oc_gender = UD_TO_OC_GENDER.get(gender or "")
    known_nominative = False
    best: tuple[tuple[int, int, float], Any] | None = None
    for parse in vocab(word):
        tag = parse.tag
        if (
            tag.POS != "NOUN"
            or tag.number == "plur"
            or not NAME_GRAMMEMES & tag.grammemes
            or not parse.is_known  # a dictionary lookup: last
        ):
            continue
        if oc_gender and _tag_gender(tag) not in (oc_gender, "ms-f", None):
            continue
        parse_case = OC_BASE_CASE.get(tag.case, tag.case)
        if parse_case == "nomn":
            known_nominative = known_nominative or parse.is_known
            continue
        if "Fixd" in tag:
            return word
        rank = (parse_case == case, parse_case in cases, parse.score)
        if best is None or rank > best[0]:
            best = (rank, parse)
    if best is not None:
        inflected = best[1].inflect({"nomn"})
        if inflected is not None:
            return _restore_case(word, inflected.word)
    if known_nominative or not gender:
        return word
    # natasha's case is not always right ("Джо Локхарту" tagged genitive); men's names then try the others
    others = [other for other in OBLIQUE_CASES if other != case and other not in cases and gender == "Masc"]
    for nominative in _ending_variants(word, gender, [case, *sorted(cases - {case}), *others]):
        return nominative
    if "-" in word:
        return "-".join(_nominative_word(part, case, cases, gender, vocab) for part in word.split("-"))
    return word


def _ending_variants(word: str, gender: str, cases: Iterable[str | None]) -> list[str]:
    """Nominatives ``word`` may have by ``ENDING_RULES``, first by the first case that applies."""
    variants = []
    for case in cases:
        for ending, nominative in ENDING_RULES.get((gender, case or ""), ()):
            if word.lower().endswith(ending) and len(word) > len(ending) + 1:
                stem = word[: len(word) - len(ending)].lower()
                if not nominative and stem[-1] in VOWELS:
                    continue  # "Кассиа" is no "Касси" in the genitive
                if nominative == "й" and stem[-1] not in VOWELS:
                    nominative = "ь"
                variants.append(_restore_case(word, stem + nominative))
                break
    return variants


def _tokens_gender(tokens: Sequence[Token], vocab: MorphVocab) -> str | None:
    """A name's gender: the dictionary's for a known first name, else the majority of natasha's tags."""
    words = [token for token in tokens if _is_word(token)]
    case = UD_TO_OC_CASE.get(words[0].feats.get("Case", "")) if words else None
    if len(words) > 1 and (gender := _first_name_gender(words[0].text, vocab, case)):
        return gender
    votes = [token.feats.get("Gender") for token in words]
    masc, fem = votes.count("Masc"), votes.count("Fem")
    if masc != fem:
        return "Masc" if masc > fem else "Fem"
    return _name_gender([token.text for token in words], vocab)


def _name_gender(words: Sequence[str], vocab: MorphVocab) -> str | None:
    """A nominative name's gender from its first name, patronymic or surname ending."""
    words = [word for word in words if len(word.strip(".")) > 1]
    if not words:
        return None
    if len(words) > 1 and (gender := _first_name_gender(words[0], vocab)):
        return gender
    for word in reversed(words):
        lower = word.lower()
        if lower.endswith(("вна", "чна", "ова", "ева", "ёва", "ина", "ая")):
            return "Fem"
        if lower.endswith(("вич", "ов", "ев", "ёв", "ин", "ий", "ый")):
            return "Masc"
    return _first_name_gender(words[0], vocab)


@lru_cache(maxsize=20_000)
def _first_name_gender(word: str, vocab: MorphVocab, case: str | None = None) -> str | None:
    """The gender of a known first name; with ``case`` (the case natasha read in context), only readings
    in that case count: "Дани" in the nominative is no form of the man's name "Даня"."""
    genders = {
        parse.tag.gender
        for parse in vocab(word)
        if "Name" in parse.tag
        and _tag_gender(parse.tag) in OC_TO_UD_GENDER
        and parse.tag.number != "plur"
        and (case is None or OC_BASE_CASE.get(parse.tag.case, parse.tag.case) == case)
        and parse.is_known
    }
    return OC_TO_UD_GENDER[str(genders.pop())] if len(genders) == 1 else None


def _tag_gender(tag: Any) -> str | None:
    """A pymorphy tag's gender as a plain string ("masc", "femn", "neut", "ms-f") or None."""
    if "ms-f" in tag:
        return "ms-f"
    return str(tag.gender) if tag.gender else None


def _is_word(token: Token) -> bool:
    return any(char.isalpha() for char in token.text)


def _join(tokens: Sequence[Token], words: Sequence[str]) -> str:
    """Join words with the spacing the tokens had: "В. В. Путин", "Касым-Жомарт Токаев"."""
    parts: list[str] = []
    for index, (token, word) in enumerate(zip(tokens, words, strict=True)):
        if index and token.start > tokens[index - 1].stop:
            parts.append(" ")
        parts.append(word)
    return "".join(parts)


def _restore_case(original: str, inflected: str) -> str:
    """Give ``inflected`` (lowercase) the capitals of ``original`` letter by letter, and its е for ё."""
    if "ё" not in original.lower():
        inflected = inflected.replace("ё", "е")
    return "".join(
        char.upper() if index < len(original) and original[index].isupper() else char
        for index, char in enumerate(inflected)
    )


def _key(word: str) -> str:
    return word.lower().replace("ё", "е").strip(".")


def name_tokens(doc: Doc, span: Any, vocab: MorphVocab) -> list[Token]:
    """The tokens of a natasha PER span that make the name, without what natasha took in by mistake.

    The span is cut at a line break ("Кронпринц Нарухито\\nВерхняя"), and loses a leading role noun
    ("Папа Франциск" -> "Франциск") and punctuation at its edges ("Мишель —").
    """
    tokens = list(span.tokens)
    for position in range(1, len(tokens)):
        if "\n" in doc.text[tokens[position - 1].stop : tokens[position].start]:
            tokens = tokens[:position]
            break
    roles = load_roles()
    while len(tokens) > 1 and (
        not _is_word(tokens[0]) or _is_role_noun(tokens[0], roles, vocab) or _is_common_word(tokens[0], vocab)
    ):
        tokens = tokens[1:]
    while tokens and not _is_word(tokens[-1]) and tokens[-1].text != ")":
        tokens = tokens[:-1]
    return tokens if any(_is_word(token) for token in tokens) else []


def _is_common_word(token: Token, vocab: MorphVocab) -> bool:
    """A word natasha tags as a common noun or adjective and the dictionary knows only as one ("Сын"),
    or that opens its sentence, where natasha may tag any capitalised word a name ("Прислуга Макгрегора
    дала интервью")."""
    opening = token.pos == "PROPN" and token.id.endswith("_1")
    if token.pos not in ("NOUN", "ADJ") and not opening:
        return False
    parses = vocab(token.text)
    if opening and not any({"nomn", "anim"} <= parse.tag.grammemes for parse in parses):
        # "Хамад бин ..." (a genitive of "хамада"), "Бред Питт": a name that happens to be a word
        return False
    return all(parse.is_known and not NAME_GRAMMEMES & parse.tag.grammemes for parse in parses)


# Roles


@lru_cache(maxsize=1)
def load_roles() -> frozenset[str]:
    """Lowercase lemmas of role nouns and role phrases, from ``data/roles.txt``."""
    return lexicon.words("roles.txt")


def role_at(doc: Doc, token: Token, vocab: MorphVocab) -> str | None:
    """The role the text gives the person named at ``token``, in the nominative, or None.

    ``token`` is any token of the name. The role is a role noun (``load_roles``) right before the name,
    with its agreeing adjectives and its complements up to the name, the name being its apposition or
    hanging off its complements ("Президента Казахстана Касым-Жомарта Токаева" -> "президент
    Казахстана"); a role noun that governs another role takes the whole phrase ("пресс-секретарь
    президента России Дмитрий Песков"). Failing that, an apposition set off by a comma right after the
    name ("Ильхам Алиев, президент Азербайджана, ..."). Role and name must stand in the same case, so
    "жена президента Мехрибан Алиева" gives her no role.
    """
    sent = _sentence_of(doc, token)
    if sent is None:
        return None
    tokens = list(sent.tokens)
    index = {tok.id: position for position, tok in enumerate(tokens)}
    name = _name_tokens(doc, sent, token, vocab)
    name_ids = {tok.id for tok in name}
    tree = Tree.of_sentence(sent)
    roles = load_roles()
    before = _role_before(tokens, index, name, name_ids, tree, roles, vocab)
    if before is not None:
        head, end = before
    else:
        after = _role_after(tokens, index, name, name_ids, tree, roles, vocab)
        if after is None:
            return None
        head, end = after
    if not _agrees(head, name, name_ids):
        return None
    return _role_phrase(doc, head, tokens, index, end, vocab)


def _role_before(tokens, index, name, name_ids, tree, roles, vocab) -> tuple[Token, int] | None:
    """The head of a role phrase ending right before the name, and the phrase's last position; None when
    there is none or it describes someone else, the name being its complement's owner."""
    first = index[name[0].id]
    others = _other_person_positions(tokens, name_ids)
    for position in range(first - 1, max(first - 1 - ROLE_WINDOW, -1), -1):
        candidate = tokens[position]
        if not _is_role_noun(candidate, roles, vocab):
            if position in others or candidate.text in STOP_PUNCT:
                return None
            continue
        subtree = tree.subtree_ids(candidate)
        gap = tokens[position + 1 : first]
        if all(tok.id in subtree for tok in gap) and _linked(candidate, name, name_ids, subtree, gap):
            if gap and gap[-1].text in OPENING_QUOTES:
                return None  # a title in quotes: "премьера фильма «Александр Невский»"
            if _owner_of_complement(candidate, name, name_ids, gap, roles, vocab):
                return None  # "представитель партии Цвангираи": the party's, not the representative
            end = first - 1
            while end > position and tokens[end].pos == "ADJ":
                end -= 1  # "президент 89-летний Роберт Мугабе": the adjective describes the person
            return _widen(candidate, tokens, index, tree, roles, vocab), end
    return None


def _role_after(tokens, index, name, name_ids, tree, roles, vocab) -> tuple[Token, int] | None:
    """The head of a role phrase set off by a comma after the name: "Алиев, президент Азербайджана,"."""
    position = index[name[-1].id] + 1
    if position >= len(tokens) or tokens[position].text != ",":
        return None
    position += 1
    while position < len(tokens) and tokens[position].rel == "amod":
        position += 1
    if position >= len(tokens) or not _is_role_noun(tokens[position], roles, vocab):
        return None
    head = tokens[position]
    subtree = tree.subtree_ids(head)
    end = position
    while end + 1 < len(tokens) and tokens[end + 1].id in subtree and tokens[end + 1].text not in STOP_PUNCT:
        end += 1
    return head, end


def _sentence_of(doc: Doc, token: Token) -> Any:
    global _starts
    cached = _starts
    if cached[0] is not doc.sents:  # one document's sentence starts, kept for its next name
        cached = _starts = (doc.sents, [sent.start for sent in doc.sents])
    sents, starts = cached
    index = bisect_right(starts, token.start) - 1
    return sents[index] if index >= 0 and token.start < sents[index].stop else None


_starts: tuple[Any, list[int]] = (None, [])


def _name_tokens(doc: Doc, sent: Any, token: Token, vocab: MorphVocab) -> list[Token]:
    """The name words of the PER span holding ``token``, else the token and its flat:name words."""
    for span in sent.spans:
        if span.type == "PER" and span.start <= token.start < span.stop:
            return name_tokens(doc, span, vocab) or list(span.tokens)
    return sorted(
        [token, *(tok for tok in Tree.of_sentence(sent).children(token) if tok.rel == "flat:name")],
        key=lambda tok: tok.start,
    )


def _other_person_positions(tokens: Sequence[Token], name_ids: set[str]) -> set[int]:
    """Positions of other people's name words (natasha marks them flat:name or PROPN Anim)."""
    return {
        position
        for position, tok in enumerate(tokens)
        if tok.id not in name_ids and tok.pos == "PROPN" and tok.feats.get("Animacy") == "Anim"
    }


def _is_role_noun(token: Token, roles: frozenset[str], vocab: MorphVocab) -> bool:
    if token.pos not in ("NOUN", "PROPN") or token.feats.get("Number") == "Plur":
        return False
    word = token.text.lower().replace("ё", "е")
    for prefix in ROLE_PREFIXES:
        word = word.removeprefix(prefix)
    if word not in vocab.forms_of(roles):  # a set lookup rules out most words before any lemma
        return False
    lemma = vocab.lemmatize(token.text, "NOUN", token.feats).lower().replace("ё", "е")
    lemmas = {lemma} | {lemma[len(prefix) :] for prefix in ROLE_PREFIXES if lemma.startswith(prefix)}
    return bool(lemmas & _plain_roles(roles))


@lru_cache(maxsize=4)
def _plain_roles(roles: frozenset[str]) -> frozenset[str]:
    return frozenset(role.replace("ё", "е") for role in roles)


def _linked(
    candidate: Token, name: Sequence[Token], name_ids: set[str], subtree: set[str], gap: list
) -> bool:
    """Whether the parse ties the name to the role noun (apposition either way, or plain adjacency). Two
    appositions of one noun count too: "Председатель совета, бывший министр Олег Кузнецов" may hang the
    name and "министр" both on "Председатель"."""
    roots = _roots(name, name_ids)
    return (
        not gap
        or candidate.head_id in name_ids
        or any(root.head_id == candidate.id or root.head_id in subtree for root in roots)
        or (
            candidate.rel == "appos"
            and any(root.rel == "appos" and root.head_id == candidate.head_id for root in roots)
        )
    )


def _owner_of_complement(
    role: Token,
    name: Sequence[Token],
    name_ids: set[str],
    gap: Sequence[Token],
    roles: frozenset[str],
    vocab: MorphVocab,
) -> bool:
    """Whether the parse hangs the name on a common noun of the role's complement that is no role itself:
    the name is then that noun's owner ("партии Цвангираи"), not the one the role describes. A noun with a
    preposition or a capitalised word of its own ("по экономическим вопросам", "Белого дома"), or a plural,
    is a complement the parse may well have hung the name on by mistake: the role stands; so it does where
    the name's oblique case is the role's ("судьей окружного суда Джорджем О'Тулом")."""
    roots = _roots(name, name_ids)
    heads = {tok.id: tok for tok in gap}
    for root in roots:
        head = heads.get(root.head_id)
        if (
            head is None
            or head.pos != "NOUN"
            or not head.text.islower()
            or head.feats.get("Number") == "Plur"  # "наставник футболистов сборной": no one's own
            or _is_role_noun(head, roles, vocab)
        ):
            continue
        case = root.feats.get("Case")
        if case not in (None, "Nom", head.feats.get("Case")) and case == role.feats.get("Case"):
            continue
        own = [tok for tok in gap if tok.head_id == head.id]
        if not any(tok.rel == "case" or tok.text[:1].isupper() for tok in own):
            return True
    return False


def _roots(name: Sequence[Token], name_ids: set[str]) -> list[Token]:
    """The name's words that hang outside it: where the parse ties the name to the sentence."""
    return [tok for tok in name if tok.head_id not in name_ids]


def _widen(head: Token, tokens: Sequence[Token], index: dict[str, int], tree: Tree, roles, vocab) -> Token:
    """Climb from a role noun to a role noun governing it ("пресс-секретарь президента")."""
    for parent in tree.ancestors(head):
        if head.rel != "nmod" or index[parent.id] > index[head.id] or not _is_role_noun(parent, roles, vocab):
            break
        between = tokens[index[parent.id] + 1 : index[head.id]]
        below = tree.subtree_ids(parent)
        if not all(tok.id in below for tok in between):
            break
        head = parent
    return head


def _agrees(head: Token, name: Sequence[Token], name_ids: set[str]) -> bool:
    """A role and its name stand in the same case; "жена президента Мехрибан Алиева" is no role of hers.

    The name's case is that of its syntactic root (natasha tags the first name in context; surnames
    after it are often left in the nominative).
    """
    role_case = head.feats.get("Case")
    roots = _roots(name, name_ids) or list(name)
    name_case = roots[0].feats.get("Case")
    return not role_case or not name_case or role_case == name_case


def _role_phrase(
    doc: Doc, head: Token, tokens: Sequence[Token], index: dict[str, int], end: int, vocab
) -> str:
    """The role in the nominative: adjectives and head inflected, complements as written."""
    start = index[head.id]
    while start > 0:
        previous = tokens[start - 1]
        if previous.head_id != head.id or previous.rel != "amod" or previous.pos not in ("ADJ", "VERB"):
            break
        if previous.text.lower().startswith("сам"):  # "сама королева": emphasis, not part of the role
            break
        start -= 1
    parts: list[str] = []
    for position in range(start, index[head.id] + 1):
        tok = tokens[position]
        if position > start:
            parts.append(doc.text[tokens[position - 1].stop : tok.start])
        parts.append(_nominative_role_word(tok, vocab))
    if end > index[head.id]:
        parts.append(doc.text[head.stop : tokens[end].stop])
    return "".join(parts)


def _nominative_role_word(token: Token, vocab: MorphVocab) -> str:
    """A role noun or adjective in the nominative singular, lowercase unless it is an acronym."""
    word = token.text
    if word.isupper() and len(word) > 1:
        return word
    case = UD_TO_OC_CASE.get(token.feats.get("Case", ""))
    if case and case != "nomn":
        wanted = ("NOUN",) if token.pos in ("NOUN", "PROPN") else ("ADJF", "PRTF")
        gender = UD_TO_OC_GENDER.get(token.feats.get("Gender", ""))
        for parse in vocab(word):
            tag = parse.tag
            if tag.POS not in wanted or OC_BASE_CASE.get(tag.case, tag.case) != case or tag.number == "plur":
                continue
            if gender and _tag_gender(tag) not in (gender, "ms-f", None):
                continue
            inflected = parse.inflect({"nomn"})
            if inflected is not None:
                word = inflected.word if "ё" in word.lower() else inflected.word.replace("ё", "е")
                break
    return word.lower()


# People


@dataclass
class _Draft:
    """A person being assembled from mentions."""

    mentions: list[Span] = field(default_factory=list)
    names: list[list[str]] = field(default_factory=list)
    lemmas: set[str] = field(default_factory=set)
    gender: str | None = None
    role: str | None = None
    last: int = 0

    @property
    def full(self) -> list[str]:
        """The fullest name: the most words spelt out, then the most words ("Владимир Петров" over
        "В. В. Петров")."""
        return max(self.names, key=lambda words: (sum(len(w.rstrip(".")) > 1 for w in words), len(words)))

    def first_names(self) -> set[str]:
        return {_key(words[0]) for words in self.names if len(words) > 1}

    def surnames(self) -> set[str]:
        return {_key(words[-1]) for words in self.names if len(words) > 1}


def find_people(doc: Doc, vocab: MorphVocab) -> tuple[Person, ...]:
    """Every person natasha finds, mentions merged, in order of first mention.

    ``name`` is the fullest mention in the nominative, ``role`` the first role the text gives before a
    mention (``role_at``); mentions keep the text as written.
    """
    drafts: list[_Draft] = []
    for order, span in enumerate(_joined_at_nicknames(doc)):
        check()
        tokens = name_tokens(doc, span, vocab)
        if not tokens:
            continue
        name = nominative_name(_before_brackets(tokens), vocab)
        words = [word for word in WORD_SPLIT.split(name) if any(char.isalpha() for char in word)]
        nicknames = [word for word in words[1:-1] if word[:1] in OPENING_QUOTES]
        words = [word for word in words if word not in nicknames]  # "Джеймс «Бадди» Макгирт"
        gender = _tokens_gender(tokens, vocab)
        lemmas = _lemmas(_before_brackets(tokens)[-1].text, gender, vocab) | {_key(words[-1])}
        draft = _match(drafts, words, gender, lemmas)
        if draft is None:
            draft = _Draft(gender=gender)
            drafts.append(draft)
        start, end = tokens[0].start, tokens[-1].stop
        draft.mentions.append(Span(text=doc.text[start:end], start=start, end=end))
        if words not in draft.names:  # a name said 1,000 times is one name to compare with
            draft.names.append(words)
        for nickname in nicknames:  # a later "Бадди Макгирт" is the same man
            alias = [nickname.strip('«»"„“”'), words[-1]]
            if alias not in draft.names:
                draft.names.append(alias)
        if len(words) > 1 or not draft.lemmas:
            draft.lemmas |= lemmas
        if len(words) >= len(draft.full) and gender:
            draft.gender = gender
        draft.last = order
        draft.role = draft.role or role_at(doc, tokens[0], vocab)
    people = []
    for draft in drafts:
        person = Person(name=" ".join(draft.full), role=draft.role, mentions=tuple(draft.mentions))
        _GENDERS[person] = draft.gender
        people.append(person)
    return tuple(people)


@dataclass(frozen=True)
class _NameSpan:
    """Two PER spans natasha split at a nickname's closing mark, as one: "Джеймс «Бадди» Паркер"."""

    start: int
    stop: int
    tokens: list[Token]
    type: str = "PER"


def _joined_at_nicknames(doc: Doc) -> list[Any]:
    """The document's PER spans in text order, those split at a nickname's closing mark joined."""
    spans: list[Any] = sorted((s for s in doc.spans if s.type == "PER"), key=lambda s: s.start)
    joined: list[Any] = []
    for span in spans:
        previous = joined[-1] if joined else None
        between = doc.text[previous.stop : span.start] if previous is not None else ""
        opened = previous is not None and previous.tokens and previous.tokens[-2:-1]
        if (
            previous is not None
            and between.strip() in ("»", '"', "“", "”")
            and opened
            and opened[0].text in OPENING_QUOTES
            and "\n" not in between
        ):
            closing = [t for t in doc.tokens if previous.stop <= t.start < span.start]
            joined[-1] = _NameSpan(previous.start, span.stop, [*previous.tokens, *closing, *span.tokens])
            continue
        joined.append(span)
    return joined


def _before_brackets(tokens: list[Token]) -> list[Token]:
    """The name without an original spelling in brackets: "Модибо Сидибе (Modibo Sidibe)"."""
    for position, token in enumerate(tokens):
        if token.text == "(" and position > 0:
            return tokens[:position]
    return tokens


def _lemmas(word: str, gender: str | None, vocab: MorphVocab) -> set[str]:
    """Lemmas a surname may have in any case: "Токаева" -> {"токаев", ...}, "Маккаррика" -> {"маккаррик"}."""
    lemmas = {_key(parse.normal_form) for parse in vocab(word) if NAME_GRAMMEMES & parse.tag.grammemes}
    if gender:
        lemmas |= {_key(variant) for variant in _ending_variants(word, gender, OBLIQUE_CASES)}
    return lemmas


def _match(drafts: list[_Draft], words: list[str], gender: str | None, lemmas: set[str]) -> _Draft | None:
    """The person a mention joins, or None for a new person."""
    if not words:
        return None
    recent = sorted(drafts, key=lambda draft: draft.last, reverse=True)
    if len(words) > 1:
        first, last = _key(words[0]), _key(words[-1])
        keys = [_key(word) for word in words]
        for draft in recent:  # "Кастросин Верду" after "Клаудия Кастросин Верду": the end of a longer name
            if len(draft.full) > len(words) and [_key(word) for word in draft.full[-len(words) :]] == keys:
                return draft
        for draft in recent:
            if len(draft.full) > 1:
                if last in draft.surnames() and any(_same_first(first, name) for name in draft.first_names()):
                    return draft
            elif _key(draft.full[0]) == last or (lemmas & draft.lemmas and _genders_agree(gender, draft)):
                return draft
        return None
    word = _key(words[0])
    full = [draft for draft in recent if len(draft.full) > 1]
    exact = [draft for draft in full if word in draft.surnames()]
    if exact:
        return _main(exact)
    by_lemma = [draft for draft in full if lemmas & draft.lemmas and _genders_agree(gender, draft)]
    if by_lemma:
        return _main(by_lemma)
    by_first = [draft for draft in full if word in draft.first_names()]
    if len(by_first) == 1:
        return by_first[0]
    alone = [draft for draft in recent if len(draft.full) == 1 and _key(draft.full[0]) == word]
    return alone[0] if alone else None


def _main(drafts: list[_Draft]) -> _Draft:
    """Of people who share a surname, the one a bare surname names: the one the text has named most
    so far, the story's own ("Роман Петров ... Петрова, сына Валерия Петрова, ... Петров признал" is
    Роман), the latest of them on a tie (``drafts`` come latest first)."""
    return max(drafts, key=lambda draft: len(draft.mentions))


def _same_first(first: str, other: str) -> bool:
    """First names agree when equal or when one abbreviates the other ("к", "дж" and "джеймс")."""
    shorter, longer = sorted((first, other), key=len)
    if len(shorter) <= 2:
        return longer.startswith(shorter)
    return first == other


def _genders_agree(gender: str | None, draft: _Draft) -> bool:
    return not gender or not draft.gender or gender == draft.gender


def _default_vocab() -> MorphVocab:
    global _fallback_vocab
    if _fallback_vocab is None:
        _fallback_vocab = MorphVocab()
    return _fallback_vocab


__all__ = [
    "find_people",
    "load_roles",
    "name_tokens",
    "nominative_name",
    "person_gender",
    "role_at",
]


def role_forms(vocab: MorphVocab) -> frozenset[str]:
    """Every form of every one-word role noun ("президента", "министру"): a sentence with a name and one
    of these is worth parsing, a role is found along the syntax tree."""
    return vocab.forms_of(load_roles())
