"""The document's people and organisations as a speaker can be resolved to: every mention in text order,
roles, descriptors ("художница Ольга Белова" -> художница), genders, namesakes, and the organisation a
class noun ("ведомство", "компания") stands for."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from natasha.doc import DocSpan, DocToken

from ..entities.organisations import clips
from ..entities.people import person_gender
from ..quotes.context import Context
from ..quotes.cues import org_anaphora, sources
from ..records import Entity, Person
from .phrases import Phrases

QUOTE_MARKS = frozenset('«»"„“”')


def _past_quoted_names(tokens: list[DocToken]) -> list[DocToken]:
    """The tokens from last to first, past a name in quotation marks right before the end ("главный
    тренер «Челси» Жозе Моуринью": the role noun before the club's name)."""
    backwards = list(reversed(tokens))
    if len(backwards) > 2 and backwards[0].text in QUOTE_MARKS:
        opening = next((i for i in range(1, len(backwards)) if backwards[i].text in QUOTE_MARKS), None)
        if opening is not None:
            return backwards[opening + 1 :]
    return backwards


class DocumentEntities:
    """People and organisations of one document, indexed by where they are mentioned."""

    def __init__(
        self, ctx: Context, people: tuple[Person, ...], organisations: tuple[Entity, ...], phrases: Phrases
    ) -> None:
        self.ctx = ctx
        self.people = people
        self.organisations = organisations
        self.phrases = phrases
        self.person_mentions = sorted(
            ((m.start, person) for person in people for m in person.mentions), key=lambda pair: pair[0]
        )
        self._descriptor_cache: dict[tuple[int, bool], frozenset[str]] = {}
        self._mentions = sorted(
            (m.start, m.end, order) for order, person in enumerate(people) for m in person.mentions
        )
        self._mention_starts = [start for start, _, _ in self._mentions]
        self._longest_mention = max((stop - start for start, stop, _ in self._mentions), default=0)
        self._person_starts = [start for start, _ in self.person_mentions]
        self._organisation_mentions = sorted(
            ((m.start, organisation) for organisation in organisations for m in organisation.mentions),
            key=lambda pair: pair[0],
        )
        self._organisation_starts = [start for start, _ in self._organisation_mentions]

    def person_at(self, start: int, end: int) -> Person | None:
        """The first person with a mention overlapping ``[start, end)``: a binary search over the mentions,
        which start at most ``_longest_mention`` before ``start`` to reach it."""
        low = bisect_right(self._mention_starts, start - self._longest_mention)
        high = bisect_left(self._mention_starts, end)
        overlapping = [order for _, stop, order in self._mentions[low:high] if start < stop]
        return self.people[min(overlapping)] if overlapping else None

    def organisation_at(self, start: int, end: int, whole: bool = False) -> Entity | None:
        """The organisation with a mention overlapping ``[start, end)`` (with ``whole``: covering it)."""
        for organisation in self.organisations:
            for m in organisation.mentions:
                if (m.start <= start and end <= m.end) if whole else (m.start < end and start < m.end):
                    return organisation
        return None

    def organisation_starting(self, start: int) -> Entity | None:
        """The organisation with a mention that starts at ``start`` (or at a quotation mark just before)."""
        low = bisect_left(self._organisation_starts, start - 1)
        high = bisect_right(self._organisation_starts, start)
        return self._organisation_mentions[low][1] if low < high else None

    def people_named_between(self, start: int, end: int) -> list[tuple[int, Person]]:
        """The person mentions that start in ``[start, end)``, in text order."""
        low = bisect_left(self._person_starts, start)
        high = bisect_left(self._person_starts, end)
        return self.person_mentions[low:high]

    def organisation_in(self, phrase: list[DocToken]) -> str | None:
        """The name of the organisation mentioned in ``phrase``. A mention that takes in a press office
        before it ("Пресс-служба МВД Киргизии") gives the phrase itself, in the nominative."""
        start, end = phrase[0].start, phrase[-1].stop
        for organisation in self.organisations:
            for m in organisation.mentions:
                if m.start < end and start < m.end:
                    owned = m.start >= start
                    return organisation.name if owned else self.phrases.description(phrase, keep_case=True)
        return None

    def fullest(self, name: str) -> str:
        """The name of another organisation of the document that ``name`` clips, as Russian stump
        compounds do ("Госдеп" -> "Госдепартамент", "Норникель" -> "Норильский никель"); else ``name``."""
        return next((o.name for o in self.organisations if clips(name, o.name)), name)

    def name_of(self, span: DocSpan) -> str:
        """The name of the person a PER span names: the merged person's, else the span's nominative."""
        person = self.person_at(span.start, span.stop)
        return person.name if person is not None else self.normal(span)

    def person_named(self, name: str) -> Person | None:
        return next((person for person in self.people if person.name == name), None)

    def normal(self, entity: DocSpan) -> str:
        if entity.normal is None:
            entity.normalize(self.ctx.vocab)
        return entity.normal or entity.text

    def descriptors(self, person: Person, relatives: bool = False) -> frozenset[str]:
        """Lemmas of the nouns the text puts before the person's name (in the name's case, no comma or
        verb between) and of the nouns of the person's role. Relative nouns ("тренер", "адвокат") only
        with ``relatives``, and then only in the name's case: "тренер «Челси» Жозе Моуринью" is the coach,
        "матери Анны Беловой" no mother of hers."""
        found = self._descriptor_cache.get((id(person), relatives))
        if found is not None:
            return found
        ctx = self.ctx
        lemmas = {ctx.vocab.lemmatize(word, "NOUN", {}).lower() for word in (person.role or "").split()}
        apposed: set[str] = set()
        for mention in person.mentions:
            name = list(ctx.tokens_between(mention.start, mention.end))
            sent = ctx.sentence_at(mention.start)
            if not name or sent is None:
                continue
            head = ctx.head(name[0])
            if head is not None and name[0].rel == "appos" and head.pos == "NOUN":
                lemmas.add(ctx.lemma(head))  # "ректора МГУ им. Ломоносова Виктора Садовничего"
                if head.feats.get("Case") == name[0].feats.get("Case"):
                    apposed.add(ctx.lemma(head))
                continue
            case = name[0].feats.get("Case")
            before = sent.tokens[max(0, ctx.position(name[0]) - 8) : ctx.position(name[0])]
            for token in _past_quoted_names(before):
                if token.text in (",", ";", ":", "—", "–", "(", ")") or token.text in QUOTE_MARKS:
                    break
                if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin":
                    break
                if (
                    token.pos == "NOUN"
                    and token.feats.get("Case") == case
                    and token.feats.get("Animacy") == "Anim"
                ):
                    lemmas.add(ctx.lemma(token))
                    break
        found = frozenset(lemmas - sources()["relative"])  # "матери Анны Беловой" is no mother of hers
        if relatives:
            found |= frozenset(apposed)
        self._descriptor_cache[(id(person), relatives)] = found
        return found

    def relative_named(self, noun: str, of: Person, before: int) -> Person | None:
        """The person the text introduced before ``before`` as the ``noun`` of ``of`` ("Мать певца
        Ивана Петрова Анна Петрова" for "мать Ивана Петрова"): the noun in the name's case, then a mention
        of ``of``, then the name, with no punctuation or finite verb between. None if two people were."""
        ctx = self.ctx
        found: set[str] = set()
        for start, person in self.person_mentions:
            if start >= before or person is of:
                continue
            name = next(ctx.tokens_between(start, before), None)
            sent = ctx.sentence_at(start)
            if name is None or sent is None:
                continue
            owner_seen = False
            for token in reversed(sent.tokens[max(0, ctx.position(name) - 14) : ctx.position(name)]):
                if token.pos == "PUNCT" and token.text not in QUOTE_MARKS:
                    break
                if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin":
                    break  # "Мать скончавшегося в 2009 году певца": a participle is no clause
                owner_seen = owner_seen or any(m.start <= token.start < m.end for m in of.mentions)
                if ctx.lemma(token) == noun and token.feats.get("Case") == name.feats.get("Case"):
                    if owner_seen:
                        found.add(person.name)
                    break
        if len(found) != 1:
            return None
        return self.person_named(found.pop())

    def namesake(self, person: Person, gender: str) -> Person | None:
        """The other person of ``gender`` with ``person``'s surname: a bare surname merged into a
        relative ("Рено сказала" after "её брат Роберт Рено") belongs to her. Of several, the one the
        text names most often, if one stands out."""
        surname = person.name.split()[-1]
        others = sorted(
            (
                other
                for other in self.people
                if other is not person
                and other.name.split()[-1] == surname
                and person_gender(other, self.ctx.vocab) == gender
            ),
            key=lambda other: -len(other.mentions),
        )
        if len(others) > 1 and len(others[0].mentions) == len(others[1].mentions):
            return None
        return others[0] if others else None

    def by_surname(self, token: DocToken, gender: str | None = None) -> Person | None:
        """The one person whose surname a capitalised word the NER left out is: "По словам Адвоката"
        for Дик Адвокат, a headline's "Путин попросил" for Владимир Путин; of namesakes, the one of the
        verb's ``gender`` ("Рено сказала" for Джанет Рено, not her brother)."""
        if not token.text[:1].isupper() or token.text.isupper():
            return None
        word = self.ctx.lemma(token)
        text = token.text.lower().replace("ё", "е")
        found = [
            person
            for person in self.people
            if len(person.name.split()) > 1
            and person.name.split()[-1].lower().replace("ё", "е") in (word, text)
        ]
        if len(found) > 1 and gender:
            found = [person for person in found if person_gender(person, self.ctx.vocab) == gender]
        return found[0] if len(found) == 1 else None

    def organisation_of_kind(self, noun: str, before: int) -> Entity | None:
        """The nearest named organisation before ``before`` that a bare class noun can stand for: its
        name holds the noun, the text introduced it with the noun ("компания «Вектор»"), or its name
        starts with a head the noun covers (``data/org_anaphora.txt``: "ведомство" -> министерство, МИД).
        """
        heads = org_anaphora().get(noun, frozenset())
        for start, organisation in reversed(self._organisation_mentions):
            if start >= before or organisation.name.islower() or organisation.name.lower() in heads:
                continue  # not "ГМК" alone: a type word, whose organisation is the one it introduced
            first = organisation.name.split()[0]
            if (
                noun in self.lemmas(organisation.name)
                or first.lower() in heads
                or self.ctx.vocab.lemmatize(first, "NOUN", {}).lower() in heads
                or self.introduced_as(noun, start, heads)
            ):
                return organisation
        return None

    def outlet_named(
        self, start: int, before: int, media: frozenset[str], outside: Callable[[int], bool]
    ) -> Entity | None:
        """The last organisation named in ``[start, before)`` right after a media word (``media``:
        "журнала Forbes", "газета «Вести»"), not where ``outside`` says a quote is ("сообщает, что министр
        подал в суд на журнал «Огонёк»": the outlet the newspaper wrote about)."""
        for at, organisation in reversed(self._organisation_mentions):
            if start <= at < before and not outside(at) and self._introducing_word(at) in media:
                return organisation
        return None

    def _introducing_word(self, start: int) -> str | None:
        """The lemma of the word right before the mention at ``start``, quotation marks aside."""
        words = [t for t in self.ctx.tokens_between(max(0, start - 40), start) if t.text not in QUOTE_MARKS]
        return self.ctx.lemma(words[-1]) if words else None

    def introduced_as(self, noun: str, start: int, heads: frozenset[str] = frozenset()) -> bool:
        """Does the class noun, or a type acronym it covers (``heads``: "ОАО", "ГМК" for "компания"), stand
        right before the mention at ``start`` ("компании «Вектор»", "ГМК «Норильский никель»")?"""
        words = [t for t in self.ctx.tokens_between(max(0, start - 40), start) if t.text not in QUOTE_MARKS]
        if not words:
            return False
        word = words[-1]
        return self.ctx.lemma(word) == noun or (word.text.isupper() and word.text.lower() in heads)

    def lemmas(self, name: str) -> set[str]:
        return {self.ctx.vocab.lemmatize(word, "NOUN", {}) for word in name.lower().split()}

    def has_role(self, person: Person, role: str, of: frozenset[str] = frozenset()) -> bool:
        """Did the text give the person this role, and, with ``of`` (the starts of the names the role
        noun governed: "президента США" -> {"сша"}), this role of that?"""
        if not person.role:
            return False
        words = [self.ctx.vocab.lemmatize(w, "NOUN", {}) for w in person.role.lower().split()]
        text = " ".join(words)
        stems = {word[:4] for word in words}
        if role in sources()["head"] and of:  # "глава ЮКОСа" for the "председатель совета директоров ЮКОСа"
            return self.leads(person) and all(name in stems for name in of)
        if not (f" {role} " in f" {text} " or role.split()[0] in words):  # not "губернатор" for
            return False  # the "вице-губернатор": whole words only
        return all(name in stems for name in of)  # "президент США" is not "президент ЮАР"

    def leads(self, person: Person) -> bool:
        """Did the text give the person an office that leads ("президент", "председатель совета
        директоров"), which "глава" and "руководитель" may name?"""
        return bool(self.lemmas(person.role or "") & (sources()["leader"] | sources()["head"]))

    def gender(self, value: DocSpan | DocToken) -> str | None:
        for token in getattr(value, "tokens", None) or [value]:
            if token.feats.get("Gender"):
                return token.feats["Gender"]
        return None
