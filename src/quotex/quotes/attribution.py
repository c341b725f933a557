"""Who speaks: resolve the token a cue points at to a person, an organisation or an unnamed source.

Names come from the merged people and organisations; pronouns ("он", "она", "по её словам") and role
nouns ("президент", "глава государства", "политик") go back to the person the text named before,
outside quotes, checking gender and number against the verb; institutions ("в полиции заявили") speak
as organisations; unnamed people and groups ("источник", "эксперты") give no speaker but a
description. When in doubt there is no speaker: a wrong one is worse.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from natasha.doc import DocSpan, DocToken

from ..entities.people import person_gender
from ..records import Entity, Person, Span, Speaker
from .context import Context
from .cues import org_anaphora, sources
from .direct import _cited_source
from .findings import Finding

ROLE_SYNONYMS = {
    "глава государства": "президент",
    "глава правительства": "премьер",
    "премьер-министр": "премьер",
}
PRONOUNS = {
    "он": ("Masc", "Sing"),
    "она": ("Fem", "Sing"),
    "его": ("Masc", "Sing"),
    "ее": ("Fem", "Sing"),
    "они": (None, "Plur"),
    "их": (None, "Plur"),
}
LOOKBACK_SENTENCES = 8
RECENT_SENTENCES = 3
ROLE_LOOKBACK_SENTENCES = 40
"""How far back "президент" may look for the president named before."""
LATIN = re.compile("[A-Za-z]")
QUOTE_OPENERS = ("«", '"', "„", "“")
QUOTE_MARKS = frozenset('«»"„“”')
OC_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
APPOS_RELS = ("appos", "flat:name", "flat", "nmod")


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None = None
    description: str | None = None
    mention: Span | None = None


class Attributor:
    """Resolves findings to speakers against one document's people and organisations."""

    def __init__(
        self,
        ctx: Context,
        people: tuple[Person, ...],
        organisations: tuple[Entity, ...],
        quoted: list[tuple[int, int]],
        roles: frozenset[str],
    ) -> None:
        self.ctx = ctx
        self.people = people
        self.organisations = organisations
        self.quoted = quoted
        merged: list[list[int]] = []
        for start, end in sorted(quoted):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._quoted_starts = [start for start, _ in merged]
        self._quoted_ends = [end for _, end in merged]
        self.roles = roles
        self.spoken: list[tuple[int, Attribution]] = []
        self.history: list[tuple[int, Attribution]] = []  # every attribution, named or not, in text order
        self._person_mentions = sorted(
            ((m.start, person) for person in people for m in person.mentions), key=lambda pair: pair[0]
        )
        self._descriptor_cache: dict[int, frozenset[str]] = {}
        self._mentions = sorted(
            (m.start, m.end, order) for order, person in enumerate(people) for m in person.mentions
        )
        self._mention_starts = [start for start, _, _ in self._mentions]
        self._longest_mention = max((stop - start for start, stop, _ in self._mentions), default=0)
        self._organisation_mentions = sorted(
            ((m.start, organisation) for organisation in organisations for m in organisation.mentions),
            key=lambda pair: pair[0],
        )

    # ---- entry point

    def attribute(self, finding: Finding) -> Attribution:
        """Who said the finding; call in text order (a later "издание" refers back to an earlier outlet)."""
        token = finding.source
        if token is None and finding.discourse:
            token = self._introducing_subject(finding.start)
        if token is None:
            return Attribution()
        verb = finding.cue_token
        quoted = self._quoted_person(verb)
        if quoted is not None:  # "«...», — цитирует Петрова газета": Петров speaks, not the paper
            token = quoted
        if verb is not None and verb.pos not in ("VERB", "AUX"):
            token = _cited_source(self.ctx, verb) or token  # "согласно сообщению X со ссылкой на Y"
        found = self.resolve(token, verb, finding.start)
        if found.speaker is not None:
            self.spoken.append((finding.start, found))
        self.history.append((finding.start, found))
        return found

    def _quoted_person(self, verb: DocToken | None) -> DocToken | None:
        """The object of "цитировать": whom the outlet quotes."""
        if verb is None or self.ctx.lemma(verb) != "цитировать":
            return None
        return next(
            (
                child
                for child in self.ctx.children(verb)
                if child.rel == "obj" and child.pos in ("NOUN", "PROPN") and child.feats.get("Case") == "Acc"
            ),
            None,
        )

    def resolve(self, token: DocToken, verb: DocToken | None, before: int) -> Attribution:
        ctx = self.ctx
        kinds = sources()
        lemma = ctx.lemma(token)
        if lemma == "который":  # "Рубен Маркарьян, который заявил": the noun the clause hangs on
            clause = ctx.head(token)
            noun = ctx.head(clause) if clause is not None and clause.rel == "acl:relcl" else None
            return self.resolve(noun, verb, before) if noun is not None else Attribution()
        entity = ctx.entity_of(token)
        if entity is not None and lemma in kinds["group"]:
            entity = None  # "СМИ" is tagged ORG but names nobody
        if entity is not None and entity.type == "LOC" and any(c.rel == "case" for c in ctx.children(token)):
            entity = None  # "по сообщениям из Сеула": a place; "Москва заявила", "в сообщении дворца" speak
        if entity is not None and entity.type == "PER":
            return self._joint(token, self._named(entity, verb=verb))
        named = (
            self._apposed_person(token) or self._person_in_phrase(token) or self._name_in_subject(token, verb)
        )
        if named is not None:  # a named spokesman speaks as himself
            return self._joint(token, self._named(named, mention=self._phrase(token), verb=verb))
        if lemma in kinds["spokesman"] and (found := self._spokesman(token, self._phrase(token), before)):
            return found
        if entity is None and (person := self._by_surname(token)) is not None:
            return Attribution(Speaker(person.name, "person", person.role), mention=self._span([token]))
        if entity is not None:
            return self._joint(token, self._named(entity, verb=verb))
        if token.pos in ("PRON", "DET") and lemma in PRONOUNS:
            return self._pronoun(token, verb, before)
        if token.pos not in ("NOUN", "PROPN", "NUM", "PRON", "ADJ", "X"):
            return Attribution()
        phrase = self._phrase(token)
        if lemma in kinds["media"]:
            owner = self._owner(token)
            if owner is not None:
                return self._named(owner, mention=phrase)
        organisation = self._organisation_at(token.start, phrase[-1].stop, whole=True)
        named_organisation = self._organisation_at(token.start, token.stop, whole=True)
        if named_organisation is not None and named_organisation.name[:1].isupper():
            organisation = organisation or named_organisation  # "Исламское государство через агентство Amaq"
        if organisation is not None:  # a name natasha missed but the organisation finder recovered
            return Attribution(Speaker(organisation.name, "organisation"), mention=self._span(phrase))
        if any(ctx.lemma(t) in kinds["unnamed"] for t in phrase if t.start < token.start):
            # "неназванный представитель министерства", "другой адвокат": someone not named before
            return Attribution(description=self._description(phrase), mention=self._span(phrase))
        if lemma in kinds["media"] and len(phrase) == 1:  # "по данным издания": the outlet that spoke last
            outlet = self._last_organisation_speaker(before)
            if outlet is None:
                return Attribution(description=self._description(phrase), mention=self._span(phrase))
            return Attribution(outlet, mention=self._span(phrase))
        if lemma in kinds["institution"]:
            return self._institution(token, phrase, before)
        role = self._role_of(token, phrase)
        if role is not None:
            return self._by_role(role, token, verb, before, phrase)
        if (
            token.pos in ("NOUN", "PROPN")  # a capitalised first word may be tagged PROPN
            and token.feats.get("Animacy") == "Anim"
            and token.feats.get("Number") != "Plur"
            and lemma not in kinds["group"]
        ):
            return self._by_role(lemma, token, verb, before, phrase)  # "рассказал биограф"
        if token.feats.get("Animacy") == "Anim" or lemma in kinds["group"] or token.pos == "NUM":
            return Attribution(description=self._description(phrase), mention=self._span(phrase))
        if token.pos in ("PROPN", "X") and LATIN.search(token.text):  # "Forbes уточняет"
            return Attribution(Speaker(token.text, "organisation"), mention=self._span([token]))
        return Attribution()

    def _apposed_person(self, token: DocToken) -> DocSpan | None:
        """A name in apposition to the source noun: "глава МВД Владимир Колокольцев". A name in
        another case owns the noun instead: "представитель Обамы" is not Обама; after a relative noun
        a genitive name is the relative's, whatever the case: "по словам матери Майкла Джексона"."""
        ctx = self.ctx
        case = token.feats.get("Case")
        rels = APPOS_RELS
        if ctx.lemma(token) in sources()["relative"]:
            rels = ("appos", "flat:name", "flat")
            owned = any(child.rel == "det" and child.pos in ("DET", "PRON") for child in ctx.children(token))
            if case not in (None, "Nom") and not owned:
                # "по словам матери Анны Беловой": Анна's mother; but "его матери Анны", "мужа
                # погибшей, Дэвида Маккина" (set off by a comma) name the relative
                comma = self._appositive_name(token)
                return comma
        frontier = [token]
        for _ in range(3):
            next_frontier = []
            for node in frontier:
                for child in ctx.children(node):
                    named = ctx.entity_of(child)
                    same_case = child.feats.get("Case") == case or (
                        child.rel != "nmod" and child.feats.get("Case") is None
                    )
                    if named is not None and named.type == "PER" and child.rel in rels and same_case:
                        return named
                    if child.rel == "appos":
                        next_frontier.append(child)
            frontier = next_frontier
        return None

    def _appositive_name(self, token: DocToken) -> DocSpan | None:
        """A name set off by a comma right after the noun's phrase: "мужа погибшей, Дэвида Маккина"."""
        ctx = self.ctx
        sent = ctx.sent_of_token[token.id]
        for child in ctx.children(token):
            position = ctx.position(child)
            if child.rel != "appos" or position == 0 or sent.tokens[position - 1].text != ",":
                continue
            named = ctx.entity_of(child)
            if (
                named is not None
                and named.type == "PER"
                and child.feats.get("Case") == token.feats.get("Case")
            ):
                return named
        return None

    def _person_in_phrase(self, token: DocToken) -> DocSpan | None:
        """A name inside the source's phrase in the source's case, where the parse hung it elsewhere:
        "председатель правления Нобелевского фонда Карл-Хенрик Хелдин"."""
        if token.pos != "NOUN" or token.feats.get("Case") is None:
            return None
        if self.ctx.lemma(token) in sources()["relative"]:
            return None
        for member in self._phrase(token):
            named = self.ctx.entity_of(member)
            if (
                named is not None
                and named.type == "PER"
                and member.start > token.start
                and member.feats.get("Case") == token.feats["Case"]
                and (named.tokens or [member])[0] is member
                and len(named.tokens or ()) > 1  # a lone foreign surname may be a possessor in any case
            ):
                return named
        return None

    def _name_in_subject(self, token: DocToken, verb: DocToken | None) -> DocSpan | None:
        """A name further on in the subject, before the verb: "Одна из организаторов фестиваля и его
        ведущая Анна Смирнова сообщила", "Председатель совета, бывший министр Олег Кузнецов, считает".

        The name stands in the subject's case, agrees with the verb in gender, and no other predicate,
        quotation mark or colon stands between; a relative clause ("..., который в мае ушёл, ...") is
        passed over to its closing comma.
        """
        ctx = self.ctx
        if (
            verb is None
            or not token.start < verb.start
            or ctx.sent_of_token.get(verb.id) is not (sent := ctx.sent_of_token[token.id])
        ):
            return None
        case = token.feats.get("Case") or "Nom"
        if token.feats.get("Number") == "Plur" or verb.feats.get("Number") == "Plur":
            return None  # "Депутаты от оппозиции во главе с X заявили": a group, not X
        if case != "Nom" or ctx.lemma(token) in sources()["relative"]:
            return None  # "по словам матери Анны Беловой": a genitive name may be anyone's
        said = verb.feats.get("Gender") if verb.feats.get("Number") != "Plur" else None
        in_clause = False
        for member in sent.tokens[ctx.position(token) + 1 : ctx.position(verb)]:
            word = member.text.lower()
            if in_clause:
                in_clause = word != ","
                continue
            if ctx.lemma(member) == "который":
                in_clause = True
                continue
            if member.text in QUOTE_MARKS or member.text in (":", ";", "—", "–"):
                return None
            if member.pos in ("VERB", "AUX") and member.feats.get("VerbForm") == "Fin":
                return None
            named = ctx.entity_of(member)
            if named is None or named.type != "PER" or (named.tokens or [member])[0] is not member:
                continue
            if member.feats.get("Case") != case:
                continue
            previous = sent.tokens[ctx.position(member) - 1]
            if len(named.tokens or ()) < 2 and previous.pos == "NOUN":
                continue  # "представитель партии Цвангираи": a lone surname after a noun is its owner
            person = self._person_at(named.start, named.stop)
            gender = person_gender(person, ctx.vocab) if person is not None else self._gender(named)
            if said and gender and said != gender:
                return None
            return named
        return None

    def _spokesman(self, token: DocToken, phrase: list[DocToken], before: int) -> Attribution | None:
        """A press office or a representative speaks for its owner (GUIDELINES: "пресс-служба клуба
        «Бананц»" -> Бананц): an organisation, a person ("пресс-служба президента" -> the president
        named before), or an unnamed institution ("представитель посольства" -> посольство). With no
        owner, the organisation credited with the last quote, when it is no news outlet ("Пресс-служба
        отмечает" after "говорится в сообщении МВД"). None leaves the phrase to the other rules.
        """
        ctx = self.ctx
        kinds = sources()
        mention = self._span(phrase)
        owner = self._owner_of(token)
        if owner is None:
            if token.feats.get("Number") == "Plur" or len(phrase) > 1:
                return None
            speaker = self._last_organisation_speaker(before, outlets=False)
            return Attribution(speaker, mention=mention) if speaker is not None else None
        named = ctx.entity_of(owner)
        if named is not None and named.type == "PER":
            if ctx.lemma(token) not in kinds["office"]:  # "представитель Обамы": someone unnamed
                return Attribution(description=self._description(phrase), mention=mention)
            return self._named(named, mention=phrase)
        owned = self._phrase(owner)
        organisation = self._organisation_in(owned)
        if organisation is not None:
            return Attribution(Speaker(organisation, "organisation"), mention=mention)
        role = self._role_of(owner, owned)
        if role is not None and owner.feats.get("Number") != "Plur":
            found = self._by_role(role, owner, None, before, owned)
            return replace(found, mention=mention) if found.speaker is not None else None
        if ctx.lemma(owner) in kinds["institution"]:
            found = self._institution(owner, owned, before)
            if len(owned) == 1 and found.speaker is not None and found.speaker.name.islower():
                return None  # "представитель компании" and no company named: an unnamed person
            return replace(found, mention=mention)
        return None

    def _owner_of(self, token: DocToken) -> DocToken | None:
        """The genitive a spokesman noun belongs to, through a chain of them: "представитель
        пресс-службы посольства США" -> посольства."""
        ctx = self.ctx
        node = token
        for _ in range(3):
            owner = next(
                (
                    child
                    for child in ctx.children(node)
                    if child.rel in ("nmod", "appos")
                    and child.start > node.start
                    and child.pos in ("NOUN", "PROPN", "X")
                    and not any(c.rel == "case" for c in ctx.children(child))
                ),
                None,
            )
            if owner is None or ctx.lemma(owner) not in sources()["spokesman"]:
                return owner
            node = owner
        return None

    def _organisation_in(self, phrase: list[DocToken]) -> str | None:
        """The name of the organisation mentioned in ``phrase``. A mention that takes in a press office
        before it ("Пресс-служба МВД Киргизии") gives the phrase itself, in the nominative."""
        start, end = phrase[0].start, phrase[-1].stop
        for organisation in self.organisations:
            for m in organisation.mentions:
                if m.start < end and start < m.end:
                    owned = m.start >= start
                    return organisation.name if owned else self._description(phrase, keep_case=True)
        return None

    def _owner(self, token: DocToken, type: str = "ORG") -> DocSpan | None:
        """The organisation a spokesman or a media type word belongs to, within two steps."""
        ctx = self.ctx
        frontier = [token]
        for _ in range(2):
            next_frontier = []
            for node in frontier:
                for child in ctx.children(node):
                    named = ctx.entity_of(child)
                    if named is not None and named.type == type:
                        return named
                    if child.rel in ("nmod", "appos", "flat", "flat:foreign"):
                        next_frontier.append(child)
            frontier = next_frontier
        return None

    def _joint(self, token: DocToken, found: Attribution) -> Attribution:
        """ "Трамп и Путин заявили": one joint speaker, as the gold convention keeps it."""
        if found.speaker is None or found.speaker.type != "person":
            return found
        names = [found.speaker.name]
        for child in self.ctx.children(token):
            if child.rel == "conj":
                other = self.ctx.entity_of(child)
                if other is not None and other.type == "PER" and other.start > token.start:
                    person = self._person_at(other.start, other.stop)
                    names.append(person.name if person else self._normal(other))
        if len(names) == 1:
            return found
        return Attribution(Speaker(" и ".join(names), "person"), mention=found.mention)

    # ---- named speakers

    def _named(
        self, entity: DocSpan, mention: list[DocToken] | None = None, verb: DocToken | None = None
    ) -> Attribution:
        span = self._span(mention) if mention else Span(entity.text, entity.start, entity.stop)
        if entity.type == "PER":
            person = self._person_at(entity.start, entity.stop)
            said = verb.feats.get("Gender") if verb is not None and verb.pos in ("VERB", "AUX") else None
            if person is not None:
                partial = len(entity.text.split()) < len(person.name.split())
                gender = person_gender(person, self.ctx.vocab) if partial else None
                if said and gender and said != gender and verb.feats.get("Number") != "Plur":
                    return Attribution(mention=span)  # "Рено сказала" merged into her brother: no speaker
                return Attribution(Speaker(person.name, "person", person.role), mention=span)
            return Attribution(Speaker(self._normal(entity), "person"), mention=span)
        organisation = self._organisation_at(entity.start, entity.stop)
        name = organisation.name if organisation is not None else self._normal(entity)
        return Attribution(Speaker(name, "organisation"), mention=span)

    def _person_at(self, start: int, end: int) -> Person | None:
        """The first person with a mention overlapping ``[start, end)``: a binary search over the mentions,
        which start at most ``_longest_mention`` before ``start`` to reach it."""
        low = bisect_right(self._mention_starts, start - self._longest_mention)
        high = bisect_left(self._mention_starts, end)
        overlapping = [order for _, stop, order in self._mentions[low:high] if start < stop]
        return self.people[min(overlapping)] if overlapping else None

    def _organisation_at(self, start: int, end: int, whole: bool = False) -> Entity | None:
        """The organisation with a mention overlapping ``[start, end)`` (with ``whole``: covering it)."""
        for organisation in self.organisations:
            for m in organisation.mentions:
                if (m.start <= start and end <= m.end) if whole else (m.start < end and start < m.end):
                    return organisation
        return None

    def _normal(self, entity: DocSpan) -> str:
        if entity.normal is None:
            entity.normalize(self.ctx.vocab)
        return entity.normal or entity.text

    # ---- pronouns and role nouns: back to a person named before

    def _pronoun(self, token: DocToken, verb: DocToken | None, before: int) -> Attribution:
        gender, number = PRONOUNS.get(self.ctx.lemma(token), (None, "Plur"))
        if verb is not None and verb.pos in ("VERB", "AUX") and verb.feats.get("Gender"):
            gender = verb.feats["Gender"]
        if number == "Plur" or (
            verb is not None and verb.pos == "VERB" and verb.feats.get("Number") == "Plur"
        ):
            return Attribution()  # "они": a group we cannot name with confidence
        previous = self._previous_source(token, gender)
        if previous is not None:
            return replace(previous, mention=self._span([token]))
        found = self._antecedent(before, gender=gender)
        if found is None:
            return Attribution()
        return replace(found, mention=self._span([token]))

    def _previous_source(self, token: DocToken, gender: str | None) -> Attribution | None:
        """The source of the quote just before, for a pronoun that goes on about it ("— сказал
        дипломат. По его словам, ..."): named or not, when its gender agrees and no subject stands
        between its mention and the pronoun, in this sentence or the one before."""
        ctx = self.ctx
        if not self.history:
            return None
        _, last = self.history[-1]
        mention = last.mention
        if mention is None or mention.end > token.start or (last.speaker is None and not last.description):
            return None
        sentence = ctx.sentence_at(token.start)
        mention_sentence = ctx.sentence_at(mention.start)
        if sentence is None or mention_sentence is None:
            return None
        between = ctx.sents[ctx.sentence_index(mention_sentence) + 1 : ctx.sentence_index(sentence) + 1]
        if sum(not self._quoted(sent.start) for sent in between) > 1:
            return None  # more than a sentence of narration since: the quotes in between don't count
        source = [t for t in ctx.tokens_between(mention.start, mention.end) if t.pos in ("NOUN", "PROPN")]
        if not source or source[0].feats.get("Number") == "Plur":
            return None
        if last.speaker is not None and last.speaker.type != "person":
            return None
        known = (
            person_gender(person, ctx.vocab)
            if last.speaker is not None and (person := self._person_named(last.speaker.name))
            else self._gender(source[-1])
        )
        if gender and known not in (None, gender):
            return None
        for other in ctx.tokens_between(mention.end, token.start):
            if (
                other.rel.startswith("nsubj")
                and other.pos in ("NOUN", "PROPN")
                and not self._quoted(other.start)
            ):
                return None
        return Attribution(last.speaker, last.description if last.speaker is None else None)

    def _person_named(self, name: str) -> Person | None:
        return next((person for person in self.people if person.name == name), None)

    def _role_of(self, token: DocToken, phrase: list[DocToken]) -> str | None:
        lemma = self.ctx.lemma(token)
        words = [t for t in phrase if t.pos != "PUNCT"]
        if len(words) > 1:  # "глава государства": the head's lemma, its complement as written
            for two in (
                f"{self.ctx.lemma(words[0])} {self.ctx.lemma(words[1])}",
                f"{self.ctx.lemma(words[0])} {words[1].text.lower().replace('ё', 'е')}",
            ):
                if two in self.roles or two in ROLE_SYNONYMS:
                    return ROLE_SYNONYMS.get(two, two)
        if lemma in self.roles:
            return ROLE_SYNONYMS.get(lemma, lemma)
        return None

    def _by_role(
        self, role: str, token: DocToken, verb: DocToken | None, before: int, phrase: list[DocToken]
    ) -> Attribution:
        """A role or descriptor noun back to the person it describes: the person the text gave that role
        or that noun ("ректора МГУ Виктора Садовничего ... рассказал ректор"), else, for a definite
        description ("45-летняя исполнительница", not "один из врачей" or "врач, который лечил"), the
        subject of the sentences just before or the speaker of the quote before, of the right gender."""
        gender = verb.feats.get("Gender") if verb is not None and verb.pos in ("VERB", "AUX") else None
        if token.feats.get("Gender") == "Fem" and token.feats.get("Animacy") == "Anim":
            gender = "Fem"  # "художница", "исполнительница"; a masculine noun may name a woman
        mention = self._span(phrase)
        found = self._antecedent(before, gender=gender, role=role) or self._described(
            self.ctx.lemma(token), gender, min(before, token.start)
        )
        if found is None and self._definite(token, phrase):
            previous = self._previous_source(token, gender)
            if previous is not None and previous.speaker is not None:
                return replace(previous, mention=mention)  # "— сказал Петров. ... — добавил биограф"
            found = self._antecedent(
                min(before, token.start), gender=gender, lookback=RECENT_SENTENCES, subjects_only=True
            )
            if found is not None and not self._only_candidate(found, min(before, token.start), gender):
                found = None  # another person of that gender was just named: no guess
        if found is None or found.speaker is None:
            return Attribution(description=self._description(phrase), mention=mention)
        return replace(found, mention=mention)

    def _definite(self, token: DocToken, phrase: list[DocToken]) -> bool:
        """A description that may refer back to whoever the text was just about: singular, adjectives
        at most ("45-летняя исполнительница"), no unnamed marker ("один из", "другой"), no defining
        clause ("прокурор, занимающийся этим делом"), nobody else's ("его адвокат")."""
        kinds = sources()
        if token.feats.get("Number") == "Plur":
            return False
        if any(self.ctx.lemma(t) in kinds["unnamed"] for t in phrase):
            return False
        if any(
            t.start > token.start and (t.pos in ("NOUN", "PROPN", "X") or t.text[:1].isupper())
            for t in phrase
        ):
            return False  # "премьер-министр Испании" names an office, "блогер Wedding word" a name
        return not any(
            child.rel in ("acl", "acl:relcl") or (child.rel == "det" and child.pos == "PRON")
            for child in self.ctx.children(token)
        )

    def _only_candidate(self, found: Attribution, before: int, gender: str | None) -> bool:
        """Is the person found the only one of ``gender`` named in the sentences just before?"""
        ctx = self.ctx
        sentence = ctx.sentence_at(before)
        index = ctx.sentence_index(sentence) if sentence is not None else len(ctx.sents)
        start = ctx.sents[max(0, index - RECENT_SENTENCES + 1)].start if ctx.sents else 0
        names = set()
        for mention_start, person in self._person_mentions:
            if start <= mention_start < before:
                known = person_gender(person, ctx.vocab)
                if not gender or known in (None, gender):
                    names.add(person.name)
        return found.speaker is not None and names <= {found.speaker.name}

    def _described(self, noun: str, gender: str | None, before: int) -> Attribution | None:
        """The person last mentioned before ``before`` whom the text described with ``noun``: "художница
        Ольга Белова" for "художница", "знаменитого велогонщика Лэнса Армстронга" for "велогонщик"."""
        for start, person in reversed(self._person_mentions):
            if start >= before:
                continue
            if noun not in self._descriptors(person):
                continue
            known = person_gender(person, self.ctx.vocab)
            if gender and known not in (None, gender):
                continue
            return Attribution(Speaker(person.name, "person", person.role))
        return None

    def _descriptors(self, person: Person) -> frozenset[str]:
        """Lemmas of the nouns the text puts before the person's name (in the name's case, no comma or
        verb between) and of the nouns of the person's role."""
        found = self._descriptor_cache.get(id(person))
        if found is not None:
            return found
        ctx = self.ctx
        lemmas = {ctx.vocab.lemmatize(word, "NOUN", {}).lower() for word in (person.role or "").split()}
        for mention in person.mentions:
            name = list(ctx.tokens_between(mention.start, mention.end))
            sent = ctx.sentence_at(mention.start)
            if not name or sent is None:
                continue
            head = ctx.head(name[0])
            if head is not None and name[0].rel == "appos" and head.pos == "NOUN":
                lemmas.add(ctx.lemma(head))  # "ректора МГУ им. Ломоносова Виктора Садовничего"
                continue
            case = name[0].feats.get("Case")
            for token in reversed(sent.tokens[max(0, ctx.position(name[0]) - 8) : ctx.position(name[0])]):
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
        self._descriptor_cache[id(person)] = found
        return found

    def _antecedent(
        self,
        before: int,
        gender: str | None = None,
        role: str | None = None,
        lookback: int = LOOKBACK_SENTENCES,
        subjects_only: bool = False,
    ) -> Attribution | None:
        """Who the text named last before ``before``, outside quotes, matching gender and role.

        Subjects come before other mentions in a sentence. An unnamed subject ("задержан житель")
        ends a search for a pronoun's antecedent with no speaker; a role-noun subject ("президент
        отметил") refers further back and is passed over.
        """
        ctx = self.ctx
        sentence = ctx.sentence_at(before)
        index = ctx.sentence_index(sentence) if sentence is not None else len(ctx.sents)
        seen = 0
        for sent in reversed(ctx.sents[: index + 1]):
            if self._quoted(sent.start) and self._quoted(max(sent.start, sent.stop - 1)):
                continue
            seen += 1
            if seen > (lookback if role is None else ROLE_LOOKBACK_SENTENCES):
                return None
            for kind, value in self._candidates(sent, before, subjects_only):
                if kind == "role":
                    referred = self._role_subject(value, gender) if role is None else None
                    if referred is not None:
                        return referred
                    continue
                if kind == "unnamed":
                    if value.feats.get("Number") == "Plur" or (
                        gender and self._gender(value) not in (None, gender)
                    ):
                        continue
                    if role is None:
                        return Attribution(description=self._description(self._phrase(value)))
                    continue
                person = self._person_at(value.start, value.stop)
                known = person_gender(person, self.ctx.vocab) if person is not None else self._gender(value)
                if gender and known not in (None, gender) and person is not None:
                    person = self._namesake(person, gender)  # "Джанет Рено" among her brother's mentions
                    known = gender if person is not None else known
                if gender and known not in (None, gender):
                    continue
                if person is None:
                    person = Person(self._normal(value), None, (Span(value.text, value.start, value.stop),))
                if role and not self._has_role(person, role):
                    continue
                return Attribution(Speaker(person.name, "person", person.role))
        return None

    def _role_subject(self, token: DocToken, gender: str | None) -> Attribution | None:
        """The person a role-noun subject refers to, by the role alone (no deeper guessing), when its
        gender agrees."""
        if token.feats.get("Number") == "Plur":
            return None
        role = self._role_of(token, [token])
        found = self._antecedent(token.start, gender=gender, role=role) if role else None
        return found if found is not None and found.speaker is not None else None

    def _candidates(self, sent, before: int, subjects_only: bool):
        """("person", PER span) and ("unnamed", token) candidates of a sentence, subjects first."""
        ctx = self.ctx
        found, seen = [], set()
        subjects = [
            t
            for t in sent.tokens
            if t.rel.startswith("nsubj") and t.stop <= before and not self._quoted(t.start)
        ]
        for token in reversed(subjects):
            named = ctx.entity_of(token) or self._apposed_person(token)
            if named is not None and named.type == "PER":
                found.append(("person", named))
                seen.add(named.start)
            elif named is None and token.pos == "NOUN" and token.feats.get("Animacy") == "Anim":
                role = self._role_of(token, [token])
                # "При этом тренер не намерен ...": a role-noun subject stands for whom it refers to
                found.append(("unnamed", token) if role is None else ("role", token))
        if not subjects_only:
            for span in reversed(sent.spans or []):
                fresh = span.start not in seen and not self._quoted(span.start)
                if span.type == "PER" and span.stop <= before and fresh:
                    found.append(("person", span))
        return found

    def _namesake(self, person: Person, gender: str) -> Person | None:
        """The one other person of ``gender`` with ``person``'s surname: a bare surname merged into
        a relative ("Рено сказала" after "её брат Роберт Рено") belongs to her."""
        surname = person.name.split()[-1]
        others = [
            other
            for other in self.people
            if other is not person
            and other.name.split()[-1] == surname
            and person_gender(other, self.ctx.vocab) == gender
        ]
        return others[0] if len(others) == 1 else None

    def _by_surname(self, token: DocToken) -> Person | None:
        """The one person whose surname a capitalised word the NER left out is: "По словам Адвоката"
        for Дик Адвокат, a headline's "Путин попросил" for Владимир Путин."""
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
        return found[0] if len(found) == 1 else None

    def _has_role(self, person: Person, role: str) -> bool:
        if not person.role:
            return False
        words = [self.ctx.vocab.lemmatize(w, "NOUN", {}) for w in person.role.lower().split()]
        text = " ".join(words)
        return role in text or role.split()[0] in words

    def _gender(self, value: DocSpan | DocToken) -> str | None:
        for token in getattr(value, "tokens", None) or [value]:
            if token.feats.get("Gender"):
                return token.feats["Gender"]
        return None

    def _quoted(self, offset: int) -> bool:
        """Is the offset inside any quote? A binary search over the quotes' merged spans."""
        index = bisect_right(self._quoted_starts, offset) - 1
        return index >= 0 and offset < self._quoted_ends[index]

    # ---- institutions and unnamed sources

    def _institution(self, token: DocToken, phrase: list[DocToken], before: int) -> Attribution:
        """An institution named by a common noun: a bare noun refers back to the named organisation of
        its kind ("В ведомстве сообщили" -> the ministry named before); otherwise, or when none is
        named, the phrase itself speaks ("в полиции заявили" -> полиция)."""
        mention = self._span(phrase)
        if len(phrase) == 1:
            organisation = self._organisation_of_kind(self.ctx.lemma(token), min(before, token.start))
            if organisation is not None:
                return Attribution(Speaker(organisation.name, "organisation"), mention=mention)
        return Attribution(Speaker(self._description(phrase), "organisation"), mention=mention)

    def _organisation_of_kind(self, noun: str, before: int) -> Entity | None:
        """The nearest named organisation before ``before`` that a bare class noun can stand for: its
        name holds the noun, the text introduced it with the noun ("компания «Вектор»"), or its name
        starts with a head the noun covers (``data/org_anaphora.txt``: "ведомство" -> министерство, МИД).
        """
        heads = org_anaphora().get(noun, frozenset())
        for start, organisation in reversed(self._organisation_mentions):
            if start >= before or organisation.name.islower():
                continue
            first = organisation.name.split()[0]
            if (
                noun in self._lemmas(organisation.name)
                or first.lower() in heads
                or self.ctx.vocab.lemmatize(first, "NOUN", {}).lower() in heads
                or self._introduced_as(noun, start)
            ):
                return organisation
        return None

    def _introduced_as(self, noun: str, start: int) -> bool:
        """Does the class noun stand right before the mention at ``start`` ("компании «Вектор»")?"""
        words = [t for t in self.ctx.tokens_between(max(0, start - 40), start) if t.text not in QUOTE_MARKS]
        return bool(words) and self.ctx.lemma(words[-1]) == noun

    def _last_organisation_speaker(self, before: int, outlets: bool = True) -> Speaker | None:
        """The organisation credited with the last quote before ``before`` ("Forbes уточняет, что ...
        По данным издания, ..."); an organisation merely mentioned is not taken for the outlet. With
        ``outlets`` False, the last organisation that is no news outlet, within a few sentences (whose
        press office "пресс-служба" alone is)."""
        earlier = [(start, found) for start, found in self.spoken if start < before]
        if not outlets:
            sentence = self.ctx.sentence_at(before)
            index = self.ctx.sentence_index(sentence) if sentence is not None else len(self.ctx.sents)
            horizon = self.ctx.sents[max(0, index - RECENT_SENTENCES)].start
            earlier = [(start, found) for start, found in earlier if start >= horizon]
        for _, found in reversed(earlier):
            if found.speaker is not None and found.speaker.type == "organisation":
                if self._looks_like_outlet(found.mention) is outlets:
                    return found.speaker
                if outlets:
                    return None
        return None

    def _looks_like_outlet(self, mention: Span | None) -> bool:
        """Named as media are: in Latin letters (Forbes), in quotation marks («Коммерсантъ»), or with a
        media word ("агентство Рейтер"); a press service or a ministry is not "the newspaper"."""
        if mention is None:
            return False
        around = self.ctx.text[max(0, mention.start - 1) : mention.end]
        nearby = self.ctx.tokens_between(max(0, mention.start - 30), mention.end)
        words = [self.ctx.lemma(token) for token in nearby][-4:]
        return (
            bool(LATIN.search(mention.text))
            or any(mark in around for mark in QUOTE_OPENERS)
            or any(word in sources()["media"] for word in words)
        )

    def _lemmas(self, name: str) -> set[str]:
        return {self.ctx.vocab.lemmatize(word, "NOUN", {}) for word in name.lower().split()}

    def _introducing_subject(self, start: int) -> DocToken | None:
        """For a quote with no cue: the subject of the sentence that introduces it."""
        ctx = self.ctx
        sentence = ctx.sentence_at(start)
        candidates = []
        if sentence is not None and sentence.start < start - 1:
            candidates.append(sentence)
        index = ctx.sentence_index(sentence) if sentence is not None else len(ctx.sents)
        if index > 0:
            candidates.append(ctx.sents[index - 1])
        for sent in candidates:
            for token in sent.tokens:
                speaker_like = token.feats.get("Animacy") == "Anim" or ctx.entity_of(token) is not None
                if (
                    token.rel == "nsubj"
                    and token.stop <= start
                    and not self._quoted(token.start)
                    and speaker_like
                ):
                    return token
        return None

    # ---- phrases

    def _phrase(self, token: DocToken) -> list[DocToken]:
        """The noun phrase a source token heads, without clauses hanging off it."""
        ctx = self.ctx
        keep = [token]
        for child in ctx.children(token):
            if child.rel in ("acl", "acl:relcl", "parataxis", "punct", "cc", "conj"):
                continue
            if child.rel in ("amod", "det", "nmod", "appos", "flat:name", "flat", "nummod", "case", "fixed"):
                keep.extend(t for t in ctx.subtree(child) if t.rel not in ("acl", "acl:relcl"))
        sent = ctx.sent_of_token[token.id]
        keep = sorted(
            {t.id: t for t in keep if ctx.sent_of_token[t.id] is sent}.values(), key=lambda t: t.start
        )
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
        return run or [token]

    def _description(self, phrase: list[DocToken], keep_case: bool = False) -> str:
        """The phrase in the nominative: its head and the words agreeing with it inflected, the rest kept."""
        head = phrase[0]
        for token in phrase:
            if token.pos in ("NOUN", "PROPN", "NUM", "PRON") or self.ctx.lemma(token) == "один":
                head = token
                break
        words = []
        for token in phrase:
            word = token.text
            if token is head:
                word = self._nominative(token, head.feats.get("Number", "Sing"))
            elif token.start < head.start and token.pos in ("ADJ", "DET", "VERB"):
                word = self._nominative(token, head.feats.get("Number", "Sing"), head.feats.get("Gender"))
            words.append((token, word))
        parts = []
        for index, (token, word) in enumerate(words):
            if index:
                parts.append(self.ctx.text[words[index - 1][0].stop : token.start])
            parts.append(word)
        text = "".join(parts)
        return text[:1].lower() + text[1:] if not text[:2].isupper() and not keep_case else text

    def _nominative(self, token: DocToken, number: str, gender: str | None = None) -> str:
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

    def _span(self, tokens: list[DocToken]) -> Span:
        start, end = tokens[0].start, tokens[-1].stop
        return Span(self.ctx.text[start:end], start, end)


def _adjacent(text: str, left: DocToken, right: DocToken) -> bool:
    gap = text[left.stop : right.start]
    return len(gap) <= 1 or gap.strip() in ("", "«", "»", '"', "(", ")")
