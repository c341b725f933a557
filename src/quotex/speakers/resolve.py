"""Step 2: from the mention to the entity that speaks, or to no one.

Names come from the merged people and organisations; pronouns ("он", "она", "по её словам") go to the
source of the quote just before or the subject named before, checking gender and number against the
verb; role and descriptor nouns ("президент", "ректор", "45-летняя исполнительница") go to the person the
text gave that role or noun, else to the only person of that gender just named; press offices and
representatives speak for their owner; class nouns ("ведомство", "в компании") for the named
organisation of their kind; institutions ("в полиции заявили") as organisations; unnamed people and
groups ("источник", "эксперты") give no speaker but a description. When in doubt there is no speaker: a
wrong one is worse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from natasha.doc import DocSpan, DocToken

from ..entities.countries import load_gazetteer, normal
from ..entities.org_lexicon import org_types
from ..entities.people import person_gender
from ..quotes.context import Context
from ..quotes.cues import org_anaphora, sources, variations
from ..quotes.direct import in_it, subject_of
from ..quotes.findings import Finding
from ..quotes.indirect import unnamed_according
from ..records import Entity, Person, Span, Speaker
from .entities import DocumentEntities
from .mentions import Mentions
from .phrases import POSSESSIVE, Phrases, one_script

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
DOCUMENT_LOOKBACK = 10
"""How far back "в заявлении говорится" may look for the statement mentioned before."""
QUOTED_BEFORE_SENTENCES = 8
"""How far back the person quoted last may be for a description that names him again."""
CENTRAL_MENTIONS = 3
"""How often the person a text is about must have been named for a description to fall back on him."""
QUOTED_SENTENCES = 60
"""How many sentences of someone's own words a look back may pass over (a transcript is not walked whole)."""
LATIN = re.compile("[A-Za-z]")
QUOTE_OPENERS = ("«", '"', "„", "“")
COLON_OPENING = re.compile(r"\s*:\s*[«\"„“]")
NOUN_GENDERS = {"женщина": "Fem", "девушка": "Fem", "мужчина": "Masc"}
"""The gender a plural noun of ``sources.txt``'s "pair" kind gives the people it names again."""
FORMER = frozenset({"бывший", "уволенный", "уволить", "экс"})
"""Words that part someone from an office (lemmas, "уволенный" a participle): he no longer speaks for it."""
GENERIC_OUTLET = "издание"
"""The media noun that may refer back to an outlet of any kind (a newspaper, a magazine, an agency)."""


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
        direct: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.ctx = ctx
        self.roles = roles
        self.phrases = Phrases(ctx)
        self.entities = DocumentEntities(ctx, people, organisations, self.phrases)
        self.mentions = Mentions(ctx, self.entities, self.phrases, quoted, direct)
        self.spoken: list[tuple[int, Attribution]] = []  # the quotes with a speaker
        self.sourced: list[tuple[int, Attribution]] = []  # ... or with an unnamed source
        self.relayed: list[tuple[int, Attribution]] = []  # outlets that passed on someone else's words
        self.last: tuple[tuple[int, int], Attribution] | None = None  # the last quote with a source
        self.last_gender: str | None = None  # ... and the gender its cue verb gave the source
        self.last_verb: DocToken | None = None  # ... and its cue verb and source
        self.last_token: DocToken | None = None

    def attribute(self, finding: Finding) -> Attribution:
        """Who said the finding; call in text order (a later "издание" refers back to an earlier outlet)."""
        token = self.mentions.source_of(finding)
        verb = finding.cue_token
        if token is not None and token is self.last_token and self.last is not None:
            # "«A, — сказала она. — B»": B is hers too; "Дипломат сообщил, что A. «B»": one mention, one
            # speaker for both
            return self.last[1]
        if token is None and verb is None and self._colon_after_last(finding):
            return self.last[1] if self.last is not None else Attribution()
        if token is None:
            return Attribution()
        found = self.resolve(token, verb, finding.start)
        if found.speaker is None and found.description and found.mention is not None:
            named = self._named_at_end(found.mention, token)
            if named is not None:  # "— констатировала кандидат на премьерский пост Мирослава Немцова"
                found = Attribution(Speaker(named.name, "person", named.role), mention=found.mention)
        if self._names_itself(token, found, finding):
            found = Attribution(mention=found.mention)
        if found.speaker is not None:
            name = one_script(found.speaker.name)
            if found.speaker.type == "organisation":
                name = self.entities.fullest(name)  # "Госдеп" -> "Госдепартамент"
            found = replace(found, speaker=replace(found.speaker, name=name))
            self.spoken.append((finding.start, found))
        if found.speaker is not None or found.description:
            self.sourced.append((finding.start, found))
        relay = self._relay(verb, token)
        if relay is not None:
            self.relayed.append((finding.start, relay))
        self.last = ((finding.start, finding.end), found)
        self.last_gender = _said_gender(verb)
        self.last_verb, self.last_token = verb, token
        return found

    def _named_at_end(self, mention: Span, head: DocToken) -> Person | None:
        """The person whose name in the nominative ends a source's description ("кандидат на премьерский
        пост Мирослава Немцова"): the name is the source's own, however the parse hung it; not after a
        noun of someone else's ("представитель Лопес", "адвокат" of someone)."""
        kinds = sources()
        lemma = self.ctx.lemma(head)
        if lemma in kinds["relative"] or lemma in kinds["spokesman"] or head.feats.get("Number") == "Plur":
            return None
        person = self.entities.person_at(mention.end - 1, mention.end)
        if person is None:
            return None
        for named in person.mentions:
            if named.end != mention.end or named.start <= mention.start:
                continue
            words = [t for t in self.ctx.tokens_between(named.start, named.end) if t.pos != "PUNCT"]
            if words and all(t.feats.get("Case", "Nom") == "Nom" for t in words):
                return person
        return None

    def _colon_after_last(self, finding: Finding) -> bool:
        """Does the quote open right after a colon that ends the last quote ("По словам министра, в
        компании были недовольны: «Q»")? Its words go on the reported ones: the same source's."""
        if self.last is None or finding.kind != "direct":
            return False
        between = self.ctx.text[self.last[0][1] : finding.start]
        return COLON_OPENING.fullmatch(between) is not None

    def _names_itself(self, token: DocToken, found: Attribution, finding: Finding) -> bool:
        """Would a pronoun's antecedent name itself in what it reports ("Белый дом охарактеризовал
        Орлова как «провидца». Он также заявил, что Орлов был гигантом": not Орлов)? Reported speech
        speaks of its speaker as "он", so the antecedent is someone else: no one, rather than a guess."""
        speaker = found.speaker
        if finding.kind != "indirect" or finding.backward or token.pos != "PRON":
            return False  # "X отказался от гражданства. Об этом он сам сообщил": the sentence before is his
        if speaker is None or speaker.type != "person":
            return False
        person = self.entities.person_named(speaker.name)
        return person is not None and any(finding.start <= m.start < finding.end for m in person.mentions)

    def _relay(self, verb: DocToken | None, source: DocToken) -> Attribution | None:
        """The outlet a cue's subject names when the quote is credited to the source it cites ("сообщает
        Daily Mirror со ссылкой на The Sunday People", "сообщила, ссылаясь на свои источники, BBC")."""
        if verb is None or verb.pos != "VERB":
            return None
        named = next(
            (
                entity
                for c in self.ctx.children(verb)
                if c.rel == "nsubj"
                and c is not source
                and (entity := self.ctx.entity_of(c)) is not None
                and entity.type == "ORG"
            ),
            None,
        )
        if named is None:
            return None
        mention = Span(named.text, named.start, named.stop)
        if not self._looks_like_outlet(mention):
            return None
        return Attribution(Speaker(self._organisation_name(named), "organisation"), mention=mention)

    def resolve(self, token: DocToken, verb: DocToken | None, before: int) -> Attribution:
        found = self._resolve(token, verb, before)
        if (
            found.speaker is None
            and found.description
            and verb is not None
            and verb.feats.get("Number") == "Plur"
            and token.feats.get("Number") != "Plur"
            and (partners := self._named_conjuncts(token))
        ):  # "Лидер фракции и депутат Олег Смирнов призвали": one joint source, named in part
            joint = _joined([found.description, *partners])
            return replace(found, speaker=Speaker(joint, "person"), description=None)
        return found

    def _subject_between(self, start: int, end: int) -> bool:
        """Does a noun or pronoun outside direct quotes become a subject between the offsets ("В МВД
        заявили ... Родственники не согласны, по их словам ...")?"""
        return any(
            (t.rel.startswith("nsubj") or (not t.rel and t.feats.get("Case") == "Nom"))  # unparsed: by case
            and t.pos in ("NOUN", "PROPN", "PRON")
            and not self.mentions.quoted_directly(t.start)
            for t in self.ctx.tokens_between(start, end)
        )

    def _said_by_many(self) -> bool:
        """Did the last quote's cue verb speak of a group ("В МВД заявили", "представители армии
        подтвердили"), not of one outlet ("цитирует агентство")?"""
        return self.last_verb is not None and self.last_verb.feats.get("Number") == "Plur"

    def _named_conjuncts(self, token: DocToken) -> list[str]:
        """The names of the people joined to the token ("и спикер палаты Нэнси Пелоси")."""
        names = []
        for child in self.ctx.children(token):
            if child.rel != "conj":
                continue
            other = (
                self.ctx.entity_of(child)
                or self.mentions.apposed_person(child)
                or self.mentions.person_in_phrase(child)
            )
            if other is not None and other.type == "PER":
                names.append(self.entities.name_of(other))
        return names

    def _resolve(self, token: DocToken, verb: DocToken | None, before: int) -> Attribution:
        ctx = self.ctx
        kinds = sources()
        lemma = ctx.lemma(token)
        if lemma == "который":  # "Рубен Маркарьян, который заявил": the noun the clause hangs on
            clause = ctx.head(token)
            noun = ctx.head(clause) if clause is not None and clause.rel == "acl:relcl" else None
            gender = token.feats.get("Gender") or _said_gender(verb)
            common = noun  # a name's gender is a guess ("Андреа"): its role noun's is grammar ("Тенор")
            while common is not None and common.rel in ("appos", "flat:name", "flat"):
                common = ctx.head(common)
            known = None  # a feminine noun is a woman's; a masculine one may be ("госсекретарь Клинтон")
            if common is not None and common.pos == "NOUN" and common.feats.get("Gender") == "Fem":
                known = "Fem"
            elif common is not None and common.rel == "nsubj":  # "Анна Петрова ... потребовала": its verb's
                known = _said_gender(ctx.head(common))
            if known in ("Masc", "Fem") and gender in ("Masc", "Fem") and known != gender:
                # "потребовала компенсацию от ... Смирнова, который признал": the parse hangs the clause
                # on someone "который" does not agree with; no guess
                return Attribution()
            return self.resolve(noun, verb, before) if noun is not None else Attribution()
        entity = ctx.entity_of(token)
        if (
            entity is not None
            and entity.type == "PER"
            and entity.tokens
            and token is entity.tokens[0]
            and len(entity.tokens) > 1
            and lemma in kinds["relative"]
        ):
            entity = None  # "Прислуга Макафи" tagged as one name: a servant, not Макафи
        # a thing's name ("Исламское государство", "СМИ" too) has no person in apposition
        thing = entity is not None and entity.type != "PER" and token.feats.get("Animacy") != "Anim"
        if entity is not None and lemma in kinds["group"]:
            entity = None  # "СМИ" is tagged ORG but names nobody
        if entity is not None and entity.type == "LOC" and any(c.rel == "case" for c in ctx.children(token)):
            entity = None  # "по сообщениям из Сеула": a place; "Москва заявила", "в сообщении дворца" speak
        if entity is not None and entity.type == "PER":
            return self._joint(token, self._named(entity, verb=verb))
        named = None
        if not thing:
            named = (
                self.mentions.apposed_person(token)
                or self.mentions.person_in_phrase(token)
                or self.mentions.name_in_subject(token, verb)
            )
        if named is not None:  # a named spokesman speaks as himself
            return self._joint(token, self._named(named, mention=self.phrases.phrase(token), verb=verb))
        # an office with its owner speaks for him too: "канцелярия премьер-министра" -> the premier
        spokesman = lemma in kinds["spokesman"] or (
            lemma in kinds["office"] and self.mentions.owner_of(token) is not None
        )
        found = self._spokesman(token, self.phrases.phrase(token), before) if spokesman else None
        # an office speaks for a person it names; else it is an institution itself
        for_person = found is not None and found.speaker is not None and found.speaker.type == "person"
        if found and (lemma in kinds["spokesman"] or for_person):
            return found
        office = self._press_office_of(token)
        if office is not None:  # "сотрудник пресс-службы ГУ МВД": the press office speaks
            phrase = self.phrases.phrase(token)
            for word in phrase:  # its owner, which the parse may hang on him
                owner = self.entities.organisation_starting(word.start) if word.start > office.start else None
                if owner is not None and owner.name[:1].isupper():
                    return Attribution(Speaker(owner.name, "organisation"), mention=self.phrases.span(phrase))
            if self.mentions.owner_of(office) is not None:  # not a press office named before: no guess
                found = self._spokesman(office, self.phrases.phrase(office), before)
                if found is not None and found.speaker is not None:
                    return replace(found, mention=self.phrases.span(phrase))
        if entity is None and (person := self.entities.by_surname(token, _said_gender(verb))) is not None:
            return Attribution(
                Speaker(person.name, "person", person.role), mention=self.phrases.span([token])
            )
        if entity is not None:
            found = self._named(entity, verb=verb)
            if entity.type == "ORG" and _plural_verb(verb):
                return self._joint_organisations(token, found)
            return self._joint(token, found)
        if in_it(ctx, token):
            return self._statement_referred(token, before)  # "В нём говорится": a statement named before
        if token.pos in ("PRON", "DET") and lemma in PRONOUNS:
            return self._pronoun(token, verb, before)
        if token.pos == "ADV" and lemma == "там":  # "Там уточнили": the organisation cited just before
            previous = self._previous_source(token, None, organisations=True)
            if previous is None or previous.speaker is None or previous.speaker.type != "organisation":
                return Attribution()
            return replace(previous, mention=self.phrases.span([token]))
        if token.pos not in ("NOUN", "PROPN", "NUM", "PRON", "ADJ", "X"):
            return Attribution()
        phrase = self.phrases.phrase(token)
        if token is verb and (unnamed := unnamed_according(ctx, token)):
            # "по официальным данным": official sources, named by no one
            description = self.phrases.description(unnamed)
            return Attribution(description=description, mention=self.phrases.span(unnamed))
        if token.feats.get("Number") == "Plur" and lemma in kinds["pair"] and len(phrase) == 1:
            # the bare noun: "местные женщины", "женщины, пришедшие на премьеру" may be anyone
            joint = self._joint_subject(min(before, token.start), token.start) or self._last_pair(
                min(before, token.start)
            )  # "Женщины заявили"
            if (
                joint is not None
                and joint.speaker is not None
                and joint.speaker.type == "person"
                and self._all_of_gender(joint, NOUN_GENDERS.get(lemma))
            ):
                return replace(joint, mention=self.phrases.span(phrase))
        if token.feats.get("Number") == "Plur" and (lemma in kinds["media"] or self._role_of(token, phrase)):
            # "Российские издания сообщают", "Депутаты от оппозиции заявили": a group, no one of them
            return Attribution(
                description=self.phrases.description(phrase), mention=self.phrases.span(phrase)
            )
        if lemma in kinds["media"]:
            owner = self.mentions.owner(token)
            if owner is not None:
                return self._named(owner, mention=phrase)
        organisation = self.entities.organisation_at(token.start, phrase[-1].stop, whole=True)
        named_organisation = self.entities.organisation_at(token.start, token.stop, whole=True)
        if named_organisation is not None and named_organisation.name[:1].isupper():
            organisation = organisation or named_organisation  # "Исламское государство через агентство Amaq"
        if organisation is not None:  # a name natasha missed but the organisation finder recovered
            owner = ctx.head(token)
            if (
                owner is not None
                and owner.start < token.start
                and token.rel == "nmod"
                and (self.entities.organisation_at(owner.start, owner.stop) is organisation)
            ):  # "в Twitter министерства иностранных дел Канады": the account is not the ministry
                name = self.phrases.description(phrase, keep_case=True)
                return Attribution(Speaker(name, "organisation"), mention=self.phrases.span(phrase))
            return Attribution(Speaker(organisation.name, "organisation"), mention=self.phrases.span(phrase))
        if lemma in kinds["relative"] and (relative := self._relative_named(token, phrase, before)):
            return relative  # "мать Ивана Петрова" after "Мать певца Ивана Петрова Анна Петрова"
        if any(ctx.lemma(t) in kinds["unnamed"] for t in phrase if t.start < token.start):
            # "неназванный представитель министерства", "другой адвокат": someone not named before
            return Attribution(
                description=self.phrases.description(phrase), mention=self.phrases.span(phrase)
            )
        if lemma in kinds["media"] and all(t is token or t.pos == "ADJ" for t in phrase):
            # "по данным издания", "по версии влиятельного издания": the outlet just cited
            outlet = self._outlet_referred(lemma, before)
            said = self._countries([t.text for t in phrase if t is not token])
            if outlet is not None and said and not said & self._countries(outlet.name.split()):
                outlet = None  # "американское издание" is no "Известия"
            if outlet is None:
                return Attribution(
                    description=self.phrases.description(phrase), mention=self.phrases.span(phrase)
                )
            return Attribution(outlet, mention=self.phrases.span(phrase))
        if lemma in org_types() and (named := self._type_named(token)) is not None:
            # "Группа «Онэксим», представляющая ..., предупредила"; not "источник «Ъ»", "мэрия «Ъ»"
            return Attribution(Speaker(named.name, "organisation"), mention=self.phrases.span(phrase))
        if lemma in kinds["statement"] and len(phrase) <= 2:
            return self._document_author(token, before)
        if lemma in kinds["institution"]:
            return self._institution(token, phrase, before)
        role = self._role_of(token, phrase)
        if role is not None:
            return self._by_role(role, token, verb, before, phrase)
        if (
            token.pos in ("NOUN", "PROPN")  # a capitalised first word may be tagged PROPN
            and token.feats.get("Animacy") == "Anim"
            and token.feats.get("Number") != "Plur"
            and not _plural_verb(verb)  # "Активисты-правозащитники отмечают": no one person
            and lemma not in kinds["group"]
        ):
            return self._by_role(lemma, token, verb, before, phrase)  # "рассказал биограф"
        if lemma in kinds["interlocutor"] and token.feats.get("Number") != "Plur":
            gender = _said_gender(verb)
            # "— сказал представитель X. По словам собеседника, ..."
            previous = self._previous_source(token, gender, organisations=True)
            if previous is not None:
                return replace(previous, mention=self.phrases.span(phrase))
        if lemma in kinds["variation"] and self._definite(token, phrase):  # "голландский специалист"
            return self._by_role(lemma, token, verb, before, phrase)
        if token.feats.get("Animacy") == "Anim" or lemma in kinds["group"] or token.pos == "NUM":
            return Attribution(
                description=self.phrases.description(phrase), mention=self.phrases.span(phrase)
            )
        if token.pos in ("PROPN", "X") and LATIN.search(token.text):  # "Forbes уточняет"
            return Attribution(Speaker(token.text, "organisation"), mention=self.phrases.span([token]))
        return Attribution()

    def _last_pair(self, before: int) -> Attribution | None:
        """People named together ("Анна Котова и Ольга Белова") in the last ``LOOKBACK_SENTENCES``, with
        no one else named outside quotes since."""
        horizon = self._horizon(before, LOOKBACK_SENTENCES)
        named = [
            (start, person)
            for start, person in self.entities.person_mentions
            if horizon <= start < before and not self.mentions.quoted_directly(start)
        ]
        for position in range(len(named) - 1, max(-1, len(named) - 5), -1):
            start, _ = named[position]
            first = next(self.ctx.tokens_between(start, before), None)
            entity = self.ctx.entity_of(first) if first is not None else None
            if entity is None or entity.type != "PER":
                continue
            words = list(self.ctx.tokens_between(entity.start, entity.stop))
            head = next((t for t in words if self.ctx.head(t) not in words), words[0])  # "Миронова"
            joint = self._joint(head, self._named(entity))
            if joint.speaker is None or " и " not in joint.speaker.name:
                continue
            together = set(re.split(r", | и ", joint.speaker.name))
            if not all(person.name in together for _, person in named[position:]):
                return None
            ordered = sorted(
                together, key=lambda name: min((s for s, p in named if p.name == name), default=before)
            )
            return Attribution(replace(joint.speaker, name=_joined(ordered)))  # as the text lists them
        return None

    def _all_of_gender(self, joint: Attribution, gender: str | None) -> bool:
        """Are all the people of a joint source of ``gender`` (or of no gender known)?"""
        if gender is None or joint.speaker is None:
            return True
        names = re.split(r", | и ", joint.speaker.name)
        people = [self.entities.person_named(name) for name in names]
        vocab = self.ctx.vocab
        return all(person is not None and person_gender(person, vocab) in (None, gender) for person in people)

    def _spokesman(self, token: DocToken, phrase: list[DocToken], before: int) -> Attribution | None:
        """A press office or a representative speaks for its owner (GUIDELINES: "пресс-служба клуба
        «Бананц»" -> Бананц): an organisation, a person ("пресс-служба президента" -> the president
        named before), or an unnamed institution ("представитель посольства" -> посольство). With no
        owner, the organisation credited with the last quote, when it is no news outlet ("Пресс-служба
        отмечает" after "говорится в сообщении МВД"), else the owner of the press office named before,
        else a description. None leaves a phrase with an owner no rule here knows to the other rules.
        """
        ctx = self.ctx
        kinds = sources()
        mention = self.phrases.span(phrase)
        owner = self.mentions.owner_of(token)
        relative = owner is not None and ctx.lemma(owner) == "который"
        if owner is not None and relative:  # "Путин, в пресс-службе которого"
            owner = self._relative_head(owner)
            if owner is None:
                return None
        if owner is None:
            if token.feats.get("Number") == "Plur" or len(phrase) > 1:
                return None
            speaker = self._last_organisation_speaker(before, outlets=False)
            if speaker is not None:
                return Attribution(speaker, mention=mention)
            for earlier in self._earlier(token):  # "в пресс-службе" after "пресс-службы ГУ МВД"
                found = None
                if self.mentions.owner_of(earlier) is not None:
                    found = self._spokesman(earlier, self.phrases.phrase(earlier), earlier.start)
                named = self._organisation_after(earlier)
                if (found is None or found.speaker is None) and named is not None:
                    found = Attribution(Speaker(named.name, "organisation"))
                if found is not None and found.speaker is not None:
                    return replace(found, mention=mention)
            return Attribution(description=self.phrases.description(phrase), mention=mention)
        named = ctx.entity_of(owner)
        if relative and named is None:  # "губернатор Иван Петров, в пресс-службе которого"
            named = self.mentions.apposed_person(owner) or self.mentions.person_in_phrase(owner)
        if named is not None and named.type == "PER":
            if ctx.lemma(token) not in kinds["office"]:  # "представитель Обамы": someone unnamed
                return Attribution(description=self.phrases.description(phrase), mention=mention)
            return self._named(named, mention=phrase)
        owned = self.phrases.phrase(owner)
        organisation = self.entities.organisation_in(owned)
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
        if len(owned) == 1 and owner.pos == "NOUN" and owner.feats.get("Animacy") == "Inan":
            for earlier in self._earlier(owner):  # "в пресс-службе базы" after "американской военной базы"
                described = [
                    t
                    for t in self.ctx.children(earlier)
                    if t.rel == "amod"
                    and t.pos == "ADJ"
                    and "VerbForm" not in t.feats
                    and self.ctx.lemma(t) not in kinds["unnamed"]
                    and t.start < earlier.start
                ]  # "американской военной", not "указанной", "другой"
                if described and not self.mentions.quoted_directly(earlier.start):
                    name = self.phrases.description([*described, earlier])
                    return Attribution(Speaker(name, "organisation"), mention=mention)
        return None

    def _relative_named(self, token: DocToken, phrase: list[DocToken], before: int) -> Attribution | None:
        """For a relative noun of a named person ("мать Ивана Петрова"), the person the text introduced
        as that relative of him before, if one was."""
        owner = next(
            (
                child
                for child in self.ctx.children(token)
                if child.rel == "nmod" and child.start > token.start and child.feats.get("Case") == "Gen"
            ),
            None,
        )
        named = self.ctx.entity_of(owner) if owner is not None else None
        if named is None or named.type != "PER":
            return None
        of = self.entities.person_at(named.start, named.stop)
        if of is None:
            return None
        person = self.entities.relative_named(self.ctx.lemma(token), of, min(before, token.start))
        if person is None:
            return None
        return Attribution(Speaker(person.name, "person", person.role), mention=self.phrases.span(phrase))

    def _press_office_of(self, token: DocToken) -> DocToken | None:
        """The press office a person noun belongs to, right after it ("сотрудник пресс-службы",
        "работник пресс-центра"), if any."""
        if token.feats.get("Animacy") != "Anim" or token.feats.get("Number") == "Plur":
            return None
        if any(self.ctx.lemma(t) in FORMER for t in self.ctx.children(token) if t.start < token.start):
            return None  # "бывший сотрудник пресс-службы" speaks for himself
        return next(
            (
                child
                for child in self.ctx.children(token)
                if child.rel == "nmod"
                and child.start > token.start
                and child.feats.get("Animacy") == "Inan"
                and self.ctx.lemma(child) in sources()["spokesman"]
            ),
            None,
        )

    def _relative_head(self, relative: DocToken) -> DocToken | None:
        """The noun a relative clause hangs on, for a "который" anywhere in the clause ("Путин, в
        пресс-службе которого сообщили" -> Путин): the head the parse gives the clause when it stands
        before the clause, else the word right before the clause's comma if it agrees with "который"."""
        ctx = self.ctx
        for node in ctx.tree.ancestors(relative):
            if node.rel == "acl:relcl":
                head = ctx.head(node)
                if head is not None and head.start < relative.start:
                    return head
                break
        sent = ctx.sent_of_token[relative.id]
        before = [t for t in sent.tokens if t.stop <= relative.start]
        comma = next((i for i in range(len(before) - 1, 0, -1) if before[i].text == ","), None)
        if comma is None:
            return None
        noun = before[comma - 1]
        agrees = all(
            noun.feats.get(feature) in (None, relative.feats.get(feature))
            for feature in ("Gender", "Number")
            if relative.feats.get(feature)
        )
        return noun if agrees and noun.pos in ("NOUN", "PROPN") else None

    def _joint(self, token: DocToken, found: Attribution) -> Attribution:
        """ "Трамп и Путин заявили", "сенатор X и конгрессмен Y заявили": one joint speaker, as the gold
        convention keeps it."""
        if found.speaker is None or found.speaker.type != "person":
            return found
        names = [found.speaker.name]
        conjuncts: list[DocToken] = []
        frontier = [token]
        while frontier and len(conjuncts) < 12:  # "X, а также Y и Z": Z hangs on Y
            frontier = [c for node in frontier for c in self.ctx.children(node) if c.rel == "conj"]
            conjuncts += frontier
        listed = {t.id: t for t in conjuncts + self._listed_after(token)}  # the parse may miss some of a list
        for child in sorted(listed.values(), key=lambda t: t.start):
            other = self.ctx.entity_of(child) or self.mentions.apposed_person(child)
            if other is not None and self._own_subject(other):
                break  # "— сказал Иван Петров и Олег Смирнов кивнул": the rest speak for themselves
            if other is not None and other.type == "PER" and other.start > token.start:
                name = self.entities.name_of(other)
                if name not in names:  # "Одна из организаторов и его ведущая Анна Смирнова": one
                    names.append(name)
        if len(names) == 1:
            return found
        return Attribution(Speaker(_joined(names), "person"), mention=found.mention)

    def _joint_organisations(self, token: DocToken, found: Attribution) -> Attribution:
        """ "сообщают Пятый канал и РЕН ТВ", "ГИБДД и МЧС опровергли": organisations joined under a
        plural verb speak as one source, as joint people do."""
        if found.speaker is None or found.speaker.type != "organisation":
            return found
        names = [found.speaker.name]
        for child in self.ctx.children(token):
            other = self.ctx.entity_of(child) if child.rel == "conj" else None
            if other is None or other.type != "ORG" or other.start < token.start:
                continue
            speaker = self._named(other).speaker
            if speaker is None or speaker.type != "organisation":
                return found  # "ГИБДД и родственники погибшего": not one source of a kind
            if speaker.name not in names:
                names.append(speaker.name)
        if len(names) == 1:
            return found
        return Attribution(Speaker(_joined(names), "organisation"), mention=found.mention)

    def _own_subject(self, named: DocSpan) -> bool:
        """Does a singular verb follow the name right away, making it the subject of a clause of its own?"""
        sentence = self.ctx.sent_of_token[named.tokens[-1].id] if named.tokens else None
        if sentence is None:
            return False
        position = self.ctx.position(named.tokens[-1]) + 1
        following = sentence.tokens[position] if position < len(sentence.tokens) else None
        return (
            following is not None
            and following.pos == "VERB"
            and following.feats.get("VerbForm") == "Fin"
            and following.feats.get("Number") == "Sing"
        )

    def _listed_after(self, token: DocToken) -> list[DocToken]:
        """Names listed after the token's name in its case ("заявлении Ремчукова, а также Рустема
        Нарзикулова и Татьяны Кошкаревой"), read off the words, for the conjuncts the parse missed."""
        ctx = self.ctx
        named = ctx.entity_of(token)
        if named is None or named.type != "PER":
            return []
        sentence = ctx.sent_of_token[token.id]
        tokens = sentence.tokens
        position = ctx.position(named.tokens[-1] if named.tokens else token)
        found = []
        while position + 1 < len(tokens):
            words = [t.text.lower() for t in tokens[position + 1 : position + 4]]
            for joiner in ([",", "а", "также"], ["а", "также"], ["и"]):
                if words[: len(joiner)] == joiner:
                    break
            else:
                break
            if position + 1 + len(joiner) >= len(tokens):
                break
            following = tokens[position + 1 + len(joiner)]
            other = ctx.entity_of(following)
            if other is None or other.type != "PER" or following.feats.get("Case") != token.feats.get("Case"):
                break
            if following.rel.startswith("nsubj") and ctx.head(following) is not ctx.head(token):
                break  # "— сказал Иван Петров и Олег Смирнов кивнул": a subject of its own
            found.append(following)
            position = ctx.position(other.tokens[-1] if other.tokens else following)
        return found

    def _named(
        self, entity: DocSpan, mention: list[DocToken] | None = None, verb: DocToken | None = None
    ) -> Attribution:
        span = self.phrases.span(mention) if mention else Span(entity.text, entity.start, entity.stop)
        if entity.type == "PER":
            person = self.entities.person_at(entity.start, entity.stop)
            said = _said_gender(verb)
            if person is not None:
                partial = len(entity.text.split()) < len(person.name.split())
                gender = person_gender(person, self.ctx.vocab) if partial else None
                if (
                    said
                    and gender
                    and said != gender
                    and verb is not None
                    and verb.feats.get("Number") != "Plur"
                ):
                    person = self.entities.namesake(person, said)  # "Рено сказала" merged into her brother
                    if person is None:
                        return Attribution(mention=span)
                return Attribution(Speaker(person.name, "person", person.role), mention=span)
            return Attribution(Speaker(self.entities.normal(entity), "person"), mention=span)
        return Attribution(Speaker(self._organisation_name(entity), "organisation"), mention=span)

    def _organisation_name(self, entity: DocSpan) -> str:
        """The name of the document's organisation at the span, else the span in its normal form."""
        organisation = self.entities.organisation_at(entity.start, entity.stop)
        return organisation.name if organisation is not None else self.entities.normal(entity)

    def _pronoun(self, token: DocToken, verb: DocToken | None, before: int) -> Attribution:
        before = min(before, token.start)  # "Он объявил, что ... Смирнову, и призвал ...": not Смирнов
        gender, number = PRONOUNS.get(self.ctx.lemma(token), (None, "Plur"))
        if verb is not None and verb.pos in ("VERB", "AUX") and verb.feats.get("Gender"):
            gender = verb.feats["Gender"]
        if number == "Plur" or (
            verb is not None and verb.pos == "VERB" and verb.feats.get("Number") == "Plur"
        ):
            joint = self._joint_subject(min(before, token.start), token.start)
            return replace(joint, mention=self.phrases.span([token])) if joint else Attribution()
        previous = self._previous_source(token, gender)
        if previous is not None:
            return replace(previous, mention=self.phrases.span([token]))
        here = self._someone_else_here(token, gender)
        if here is not None:  # "Слова премьера обидели актёра, и он написал": the actor, or no one
            found = self._antecedent(here.start, gender=gender, role=self.ctx.lemma(here))
            if found is None or found.speaker is None:
                return Attribution()
            return replace(found, mention=self.phrases.span([token]))
        found = self._antecedent(before, gender=gender)
        if found is None:
            return Attribution()
        return replace(found, mention=self.phrases.span([token]))

    def _someone_else_here(self, token: DocToken, gender: str | None) -> DocToken | None:
        """The bare role noun outside its subjects by which the pronoun's sentence, before it, names a
        person ("Слова премьера обидели актёра, и он ..."), whom a reader takes the pronoun for over anyone
        named before; None with a person for a subject ("Ричи не может взять ..., не выбрав актёра, так
        как, по его мнению, ...": Ричи) or for a role with its name ("президента Ивана Петрова, где он")."""
        sentence = self.ctx.sent_of_token[token.id]
        before = [t for t in sentence.tokens if t.stop <= token.start]
        if any(
            t.rel.startswith("nsubj")
            and (t.feats.get("Animacy") == "Anim" or self.ctx.entity_of(t) is not None)
            for t in before
        ):
            return None
        return next(
            (
                t
                for t in before
                if t.pos == "NOUN"
                and t.feats.get("Animacy") == "Anim"
                and t.feats.get("Number") == "Sing"
                and not t.rel.startswith("nsubj")
                and t.feats.get("Gender") in (None, gender)
                and self.ctx.entity_of(t) is None
                and self.ctx.lemma(t) in self.roles
                and self.mentions.apposed_person(t) is None
                and not self.mentions.quoted_directly(t.start)
            ),
            None,
        )

    def _statement_referred(self, token: DocToken, before: int) -> Attribution:
        """ "МИД опубликовал комментарий. В нём сказано, что ...": the author of the statement named
        last before the pronoun, within ``DOCUMENT_LOOKBACK`` sentences; else no one."""
        return self._by_author(self._earlier(token, sources()["statement"])[:1], token, before)

    def _document_author(self, token: DocToken, before: int) -> Attribution:
        """ "В заявлении говорится": the author of the document, where the text names it here ("X
        распространил заявление, в котором говорится") or before: its owner ("совместное заявление Трампа
        и Путина"), the subject that issued it ("X распространил заявление") or the agent it was published
        by ("опубликовано Белым домом"); else no one. "В документе", "в сообщении" may also go back to a
        statement of another name ("подписал указ")."""
        earlier = [token, *self._earlier(token)]  # "X распространил заявление, в котором говорится"
        if self.ctx.lemma(token) in sources()["restated"]:
            earlier += self._earlier(token, sources()["statement"])
        return self._by_author(earlier, token, before)

    def _by_author(self, documents: list[DocToken], token: DocToken, before: int) -> Attribution:
        """The first author the text gives one of the document mentions, who made it before who
        published it, as the speaker at ``token``; else no one."""
        for publisher in (False, True):
            for mention in documents:
                author = self._author_of(mention, publisher)
                if author is None:
                    continue
                found = self.resolve(author, None, min(before, author.start))
                if found.speaker is not None:
                    return replace(found, mention=self.phrases.span([token]))
        return Attribution()

    def _organisation_after(self, token: DocToken, quoted: bool = False) -> Entity | None:
        """The organisation whose name begins right after the token, however the parse attached it
        (with ``quoted``, only a name in quotation marks: "группа «Онэксим»")."""
        sentence = self.ctx.sent_of_token[token.id]
        position = self.ctx.position(token) + 1
        if quoted:
            if position >= len(sentence.tokens) or sentence.tokens[position].text not in QUOTE_OPENERS:
                return None
            position += 1
        if position >= len(sentence.tokens):
            return None
        following = sentence.tokens[position]
        return self.entities.organisation_starting(following.start)

    def _type_named(self, token: DocToken) -> Entity | None:
        """The organisation a type word names: in quotation marks ("группа «Онэксим»"), or right after
        it in the same case or in the Latin alphabet ("компания Live Nation", "концерн Роснефть"), not
        an owner in the genitive ("дочерняя компания Роснефти")."""
        named = self._organisation_after(token, quoted=True)
        if named is not None:
            return named
        position = self.ctx.position(token) + 1
        tokens = self.ctx.sent_of_token[token.id].tokens
        if position >= len(tokens):
            return None
        following = tokens[position]
        case = following.feats.get("Case")
        if not following.text[:1].isupper() or (case is not None and case != token.feats.get("Case")):
            return None
        if case is None and not LATIN.search(following.text):
            return None
        return self._organisation_after(token)

    def _earlier(self, token: DocToken, nouns: frozenset[str] | None = None) -> list[DocToken]:
        """The earlier mentions of the token's noun (with ``nouns``, of any other of them), the nearest
        first, within ``DOCUMENT_LOOKBACK`` sentences."""
        ctx = self.ctx
        lemma = ctx.lemma(token)
        wanted = (nouns - {lemma}) if nouns is not None else frozenset((lemma,))
        forms = ctx.vocab.forms_of(wanted)  # a set lookup before any lemma
        index = ctx.sentence_index(ctx.sent_of_token[token.id])
        return [
            t
            for sent in reversed(ctx.sents[max(0, index - DOCUMENT_LOOKBACK) : index + 1])
            for t in reversed(sent.tokens)
            if t.start < token.start and t.text.lower().replace("ё", "е") in forms and ctx.lemma(t) in wanted
        ]

    def _author_of(self, document: DocToken, publisher: bool = False) -> DocToken | None:
        """Who the text says issued a document at this mention of it; with ``publisher``, who it says
        published it."""
        ctx = self.ctx
        for child in ctx.children(document):
            if (
                child.rel == "nmod"
                and child.feats.get("Case") == "Gen"
                and child.pos in ("NOUN", "PROPN")
                and (child.feats.get("Animacy") == "Anim" or ctx.entity_of(child) is not None)
                and not self.mentions.quoted(child.start)
                and not any(  # "заявление, в котором назвало стрелка именем X": X wrote nothing
                    t.text in (",", ":") or t.pos in ("VERB", "AUX")
                    for t in ctx.tokens_between(document.stop, child.start)
                )
            ):
                return child  # "заявление Трампа и Путина", not "заявление к 75-летию встречи"
        verb = ctx.head(document)
        if verb is None or verb.pos not in ("VERB", "AUX"):
            return None
        own = any(ctx.lemma(c) == "свой" for c in ctx.children(document))
        if (document.rel == "obj" or (own and document.rel == "obl")) and not publisher:
            # "X распространил заявление", "X зарегистрировала и опубликовала приказ", "X своим указом
            # освободил": the subject, of the first of joined verbs too
            subject = next((c for c in ctx.children(verb) if c.rel == "nsubj"), None)
            if subject is None and verb.rel == "conj":
                subject = subject_of(ctx, verb)
            named = ctx.entity_of(subject) if subject is not None else None
            if named is not None and "\n" in named.text:
                return None  # a name the NER ran on over a line break ("Вегаса⏎Исламское государство")
            return subject
        if document.rel == "nsubj:pass" and publisher:  # "Заявление опубликовано Белым домом"
            return next(
                (c for c in ctx.children(verb) if c.rel == "obl" and c.feats.get("Case") == "Ins"), None
            )
        return None

    def _joint_subject(self, before: int, at: int | None = None) -> Attribution | None:
        """For "они": people named together as the subject of the sentence just before ("Иванов и
        Петрова заявили ... Они призвали ..."), or the joint source or the organisation ("В МВД заявили
        ... По их словам") of the quote just before; any other group stays unnamed."""
        ctx = self.ctx
        last = self.last[1] if self.last is not None else None
        if last is not None and last.speaker is not None and last.mention is not None:
            mention = last.mention
            here, there = ctx.sentence_at(before), ctx.sentence_at(mention.start)
            joint = last.speaker.type == "person" and " и " in last.speaker.name
            group = last.speaker.type == "organisation" and self._said_by_many()
            if (
                (joint or group)
                and here is not None
                and there is not None
                and 0 <= ctx.sentence_index(here) - ctx.sentence_index(there) <= 1
                and not self._subject_between(mention.end, before if at is None else at)
            ):
                return last
        sentence = ctx.sentence_at(before)
        if sentence is None:
            return None
        index = ctx.sentence_index(sentence)
        for sent in reversed(ctx.sents[max(0, index - 1) : index + 1]):
            subjects = [
                t
                for t in sent.tokens
                if t.rel.startswith("nsubj")
                and t.stop <= before
                and not self.mentions.quoted_directly(t.start)
            ]
            if not subjects:
                continue
            subject = subjects[-1]  # the last subject before the pronoun
            named = ctx.entity_of(subject) or self.mentions.apposed_person(subject)
            if named is None and ctx.lemma(subject) in sources()["spokesman"]:
                # "Представители полиции провели брифинг. По их словам, ...": those they speak for
                spoken = self._spokesman(subject, self.phrases.phrase(subject), subject.start)
                plural = subject.feats.get("Number") == "Plur"
                if plural and spoken is not None and spoken.speaker is not None:
                    return Attribution(spoken.speaker)
                return None
            if named is None or named.type not in ("PER", "ORG"):
                return None
            if named.type == "ORG":  # "ГИБДД и МЧС опровергли эту информацию. По их данным, ..."
                found = self._joint_organisations(subject, self._named(named))
            else:
                found = self._joint(subject, self._named(named))
            return found if found.speaker is not None and " и " in found.speaker.name else None
        return None

    def _previous_source(
        self, token: DocToken, gender: str | None, organisations: bool = False
    ) -> Attribution | None:
        """The source of the quote just before, for a pronoun that goes on about it ("— сказал
        дипломат. По его словам, ..."): named or not, when its gender agrees and no subject stands
        between its mention and the pronoun, in this sentence or the one before."""
        ctx = self.ctx
        if self.last is None:
            return None
        (said_from, said_to), last = self.last
        mention = last.mention
        if mention is None or mention.end > token.start or (last.speaker is None and not last.description):
            return None
        sentence = ctx.sentence_at(token.start)
        mention_sentence = ctx.sentence_at(mention.start)
        if sentence is None or mention_sentence is None:
            return None
        between = ctx.sents[ctx.sentence_index(mention_sentence) + 1 : ctx.sentence_index(sentence) + 1]
        if sum(not self.mentions.quoted(sent.start) for sent in between) > 1:
            return None  # more than a sentence of narration since: the quotes in between don't count
        source = [t for t in ctx.tokens_between(mention.start, mention.end) if t.pos in ("NOUN", "PROPN")]
        if not source or source[0].feats.get("Number") == "Plur":
            return None
        person_for = source[0].feats.get("Animacy") == "Anim"  # "представитель", "дипломат"
        if last.speaker is not None and last.speaker.type != "person" and not (organisations or person_for):
            return None  # "он" is no organisation but may be its man; a "собеседник" may speak for one
        known = (
            person_gender(person, ctx.vocab)
            if last.speaker is not None and (person := self.entities.person_named(last.speaker.name))
            else self.last_gender or self.entities.gender(source[0])  # "сказал глава республики"
        )
        if gender and known not in (None, gender):
            return None
        for other in ctx.tokens_between(mention.end, token.start):
            clause = ctx.head(other)
            if (
                other.rel.startswith("nsubj")
                and other.pos in ("NOUN", "PROPN")
                and not (clause is not None and self._relative_clause(clause))
                and not self.mentions.quoted_directly(other.start)
                and not said_from <= other.start < said_to
            ):
                return None  # someone else became the subject since (not in a relative clause or a quote)
        return Attribution(last.speaker, last.description if last.speaker is None else None)

    def _relative_clause(self, verb: DocToken) -> bool:
        """Is the verb's clause a relative one ("..., которого распространила пресс-служба"), however the
        parse attached it?"""
        if verb.rel in ("acl", "acl:relcl"):
            return True
        return any(
            self.ctx.lemma(t) in ("который", "чей") for t in self.ctx.subtree(verb) if t.start < verb.start
        )

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
        gender = _said_gender(verb)
        if token.feats.get("Gender") == "Fem" and token.feats.get("Animacy") == "Anim":
            gender = "Fem"  # "художница", "исполнительница"; a masculine noun may name a woman
        mention = self.phrases.span(phrase)
        of = (
            frozenset(  # "президента США": the names a one-word role governs
                t.text.lower()[:4] for t in phrase if t.start > token.start and t.pos == "PROPN"
            )
            if role == self.ctx.lemma(token)
            else frozenset()
        )
        found = self._antecedent(before, gender=gender, role=role, of=of) or self._described(
            self.ctx.lemma(token), gender, min(before, token.start)
        )
        if found is None and self._definite(token, phrase):
            office = any(t.pos == "NOUN" and t.start > token.start for t in phrase)  # "глава региона"
            previous = self._previous_source(token, gender)
            if (
                previous is not None
                and previous.speaker is not None
                and (not office or self._fits(previous, role))
            ):
                return replace(previous, mention=mention)  # "— сказал Петров. ... — добавил биограф"
            found = self._antecedent(
                min(before, token.start), gender=gender, lookback=RECENT_SENTENCES, subjects_only=True
            )
            if found is not None and not self._only_candidate(found, min(before, token.start), gender):
                found = None  # another person of that gender was just named: no guess
            if found is not None and office and not self._fits(found, role, given=True):
                found = None  # "Иван Сорокин опубликовал пост. Владелец кафе заявил": someone new
            noun = self.ctx.lemma(token)
            variation = noun in sources()["variation"]
            if found is not None and variation and not self._describes(noun, role, found):
                found = None  # "Нападающий Петров ... Специалист заявил": a specialist is no forward
            if found is None:
                found = self._quoted_before(min(before, token.start), gender)
                if found is not None and not self._fits(found, role):
                    found = None
            if found is None and not office and self.ctx.lemma(token) not in kinds_of_others():
                found = self._central(min(before, token.start), gender)  # "португальский специалист"
                if found is not None and not self._describes(self.ctx.lemma(token), role, found):
                    found = None
        if found is None or found.speaker is None:
            return Attribution(description=self.phrases.description(phrase), mention=mention)
        return replace(found, mention=mention)

    def _fits(self, found: Attribution, role: str, given: bool = False) -> bool:
        """May a noun name the person found? A role noun, unless the text described him by other nouns
        only ("Свидетель Игорь Зайцев ... Следователь сказал", "Министр финансов ... Премьер-министр"),
        or with ``given`` unless the text gave him that role; a head ("глава региона") only someone the
        text made a leader; a noun news use to name someone again ("специалист", "кандидат") anyone; any
        other noun ("школьник") no one found this way."""
        speaker = found.speaker
        if speaker is None or speaker.type != "person":
            return True
        person = self.entities.person_named(speaker.name)
        if role in sources()["variation"]:
            return True
        if role not in self.roles or person is None:
            return False
        if role.split()[0] in sources()["head"]:
            return self.entities.leads(person)
        described = self.entities.descriptors(person)
        return (not described and not given) or role.split()[0] in described

    def _describes(self, noun: str, role: str, found: Attribution) -> bool:
        """May the noun name the person found? A noun news use to name someone again only when the text
        described him by a role it stands for ("главный тренер" for "специалист", not "нападающий"); any
        other noun as ``_fits`` says."""
        covered = variations().get(noun)
        if covered is None:
            return self._fits(found, role)
        person = self.entities.person_named(found.speaker.name) if found.speaker is not None else None
        if person is None:
            return False
        described = self.entities.descriptors(person, relatives=True)
        return bool((described | self.entities.lemmas(person.role or "")) & (covered | {noun}))

    def _definite(self, token: DocToken, phrase: list[DocToken]) -> bool:
        """A description that may refer back to whoever the text was just about: singular, adjectives
        at most ("45-летняя исполнительница"), an office of a thing ("глава республики"), no unnamed
        marker ("один из", "другой"), no defining clause ("прокурор, занимающийся этим делом"), nobody
        else's ("его адвокат", "автор петиции", "помощник министра")."""
        kinds = sources()
        if token.feats.get("Number") == "Plur":
            return False
        if any(self.ctx.lemma(t) in kinds["unnamed"] for t in phrase):
            return False
        office = self.ctx.lemma(token) in self.roles and self.ctx.lemma(token) not in kinds["relative"]
        if any(
            t.start > token.start
            and (
                t.pos in ("PROPN", "X")
                or t.text[:1].isupper()
                or (t.pos == "NOUN" and (not office or t.feats.get("Animacy") != "Inan"))
            )
            for t in phrase
        ):  # "глава республики" may be the head just quoted; "премьер-министр Испании" names an office,
            return False  # "блогер Wedding word" a name, "адвокат компании", "помощник министра" another
        return not any(
            child.rel in ("acl", "acl:relcl")
            or (child.rel == "det" and child.pos == "PRON")
            or (child.start < token.start and child.text.lower() in POSSESSIVE)  # "его адвокат" (nmod)
            for child in self.ctx.children(token)
        )

    def _only_candidate(self, found: Attribution, before: int, gender: str | None) -> bool:
        """Is the person found the only one of ``gender`` named in the sentences just before?"""
        ctx = self.ctx
        sentence = ctx.sentence_at(before)
        index = ctx.sentence_index(sentence) if sentence is not None else len(ctx.sents)
        start = ctx.sents[max(0, index - RECENT_SENTENCES + 1)].start if ctx.sents else 0
        names = set()
        for mention_start, person in self.entities.person_mentions:
            if start <= mention_start < before:
                known = person_gender(person, ctx.vocab)
                if not gender or known in (None, gender):
                    names.add(person.name)
        return found.speaker is not None and names <= {found.speaker.name}

    def _quoted_before(self, before: int, gender: str | None) -> Attribution | None:
        """The person quoted last, for a definite description that names him again ("— цитирует
        голландского специалиста пресс-служба" after the coach's words, "В своём заявлении новоиспечённый
        кандидат сказал" after the candidate's): when his quote is at most ``QUOTED_BEFORE_SENTENCES``
        back and no other person of that gender has been named outside quotes since."""
        ctx = self.ctx
        last = next(
            (
                (start, found.speaker)
                for start, found in reversed(self.sourced)
                if start < before and (found.speaker is None or found.speaker.type == "person")
            ),
            None,
        )  # quotes of organisations in between are passed over, an unnamed person's are not
        if last is None:
            return None
        start, speaker = last
        if speaker is None or " и " in speaker.name:
            return None
        here, there = ctx.sentence_at(before), ctx.sentence_at(start)
        if here is None or there is None:
            return None
        if ctx.sentence_index(here) - ctx.sentence_index(there) > QUOTED_BEFORE_SENTENCES:
            return None
        person = self.entities.person_named(speaker.name)
        if person is None:
            return None
        if gender and person_gender(person, ctx.vocab) not in (None, gender):
            return None
        for mention_start, other in self.entities.people_named_between(start, before):
            if (
                other is not person
                and not self.mentions.quoted_directly(mention_start)
                and (not gender or person_gender(other, ctx.vocab) in (None, gender))
            ):
                return None  # someone else was named since: no guess
        return Attribution(speaker)

    def _central(self, before: int, gender: str | None) -> Attribution | None:
        """The person the text is about, for a definite description nothing nearer resolves ("Оппоненты
        Берлускони ... подпись Берлускони. В тексте письма политик обещал"): the person named most often
        before ``before`` outside quotes, at least ``CENTRAL_MENTIONS`` times and more than twice as
        often as anyone else who may be meant, named again in the last ``RECENT_SENTENCES`` and with no
        one else who may be meant the subject of one of them."""
        ctx = self.ctx
        counts: Counter[str] = Counter()
        people: dict[str, Person] = {}
        for start, person in self.entities.people_named_between(0, before):
            if not self.mentions.quoted_directly(start):
                counts[person.name] += 1
                people[person.name] = person
        rivals = [
            (count, name)
            for name, count in counts.most_common()
            if not gender or person_gender(people[name], ctx.vocab) in (None, gender)
        ]
        if not rivals:
            return None
        count, name = rivals[0]
        possible = {other for _, other in rivals}
        if count < CENTRAL_MENTIONS or any(2 * other >= count for other, _ in rivals[1:]):
            return None
        sentence = ctx.sentence_at(before)
        index = ctx.sentence_index(sentence) if sentence is not None else len(ctx.sents)
        recent = ctx.sents[max(0, index - RECENT_SENTENCES)].start if ctx.sents else 0
        person = people[name]
        if all(other is not person for _, other in self.entities.people_named_between(recent, before)):
            return None
        for sent in ctx.sents[max(0, index - RECENT_SENTENCES) : index + 1]:
            for kind, value in self._candidates(sent, before, subjects_only=True):
                other = self.entities.person_at(value.start, value.stop) if kind == "person" else None
                if other is not None and other is not person and other.name in possible:
                    return None  # someone else the description may mean was just the subject
        return Attribution(Speaker(person.name, "person", person.role))

    def _described(self, noun: str, gender: str | None, before: int) -> Attribution | None:
        """The person last mentioned before ``before`` whom the text described with ``noun``: "художница
        Ольга Белова" for "художница", "знаменитого велогонщика Лэнса Армстронга" for "велогонщик"."""
        for start, person in reversed(self.entities.person_mentions):
            if start >= before:
                continue
            if noun not in self.entities.descriptors(person):
                continue
            known = person_gender(person, self.ctx.vocab)
            if gender and known not in (None, gender):
                continue
            return Attribution(Speaker(person.name, "person", person.role))
        return None

    def _antecedent(
        self,
        before: int,
        gender: str | None = None,
        role: str | None = None,
        lookback: int = LOOKBACK_SENTENCES,
        subjects_only: bool = False,
        of: frozenset[str] = frozenset(),
    ) -> Attribution | None:
        """Who the text named last before ``before``, outside quotes, matching gender and role (of ``of``).

        Subjects come before other mentions in a sentence. An unnamed subject ("задержан житель")
        ends a search for a pronoun's antecedent with no speaker; a role-noun subject ("президент
        отметил") refers further back and is passed over.
        """
        ctx = self.ctx
        sentence = ctx.sentence_at(before)
        index = ctx.sentence_index(sentence) if sentence is not None else len(ctx.sents)
        seen = passed = 0
        for sent in reversed(ctx.sents[: index + 1]):
            if self.mentions.quoted_directly(sent.start) and self.mentions.quoted_directly(
                max(sent.start, sent.stop - 1)
            ):  # someone's own words; a reported clause is the text's narration of them
                passed += 1
                if passed > QUOTED_SENTENCES:
                    return None
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
                        gender and self.entities.gender(value) not in (None, gender)
                    ):
                        continue
                    if role is None:
                        return Attribution(description=self.phrases.description(self.phrases.phrase(value)))
                    continue
                person = self.entities.person_at(value.start, value.stop)
                known = (
                    person_gender(person, self.ctx.vocab)
                    if person is not None
                    else self.entities.gender(value)
                )
                if gender and known not in (None, gender) and person is not None:
                    person = self.entities.namesake(
                        person, gender
                    )  # "Джанет Рено" among her brother's mentions
                    known = gender if person is not None else known
                if gender and known not in (None, gender):
                    continue
                if person is None:
                    person = Person(
                        self.entities.normal(value), None, (Span(value.text, value.start, value.stop),)
                    )
                if role and not self.entities.has_role(person, role, of):
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
            if t.rel.startswith("nsubj") and t.stop <= before and not self.mentions.quoted_directly(t.start)
        ]
        if not any(t.rel for t in sent.tokens):  # a sentence left unparsed: a name in the nominative
            subjects = self._linear_subjects(sent, before)  # before its first verb
        # the main clause's subject first ("Петров заявил, что Иванов уйдёт. Он ..." is Петров), then
        # the others, the last first
        subjects = sorted(
            reversed(subjects), key=lambda t: (head := ctx.head(t)) is not None and head.rel != "root"
        )
        for token in subjects:
            named = ctx.entity_of(token) or self.mentions.apposed_person(token)
            if named is not None and named.type == "PER":
                found.append(("person", named))
                seen.add(named.start)
            elif named is None and token.pos == "NOUN" and token.feats.get("Animacy") == "Anim":
                role = self._role_of(token, [token])
                # "При этом тренер не намерен ...": a role-noun subject stands for whom it refers to
                found.append(("unnamed", token) if role is None else ("role", token))
        if not subjects_only:
            for span in reversed(sent.spans or []):
                fresh = span.start not in seen and not self.mentions.quoted_directly(span.start)
                if span.type == "PER" and span.stop <= before and fresh:
                    found.append(("person", span))
        return found

    def _linear_subjects(self, sent, before: int) -> list[DocToken]:
        """In a sentence the parser did not read: the first word of each PER name in the nominative
        before its first finite verb ("Анна Котова перенесла операцию"); none in a sentence with no such
        verb (a photo caption's "Юрий Петров")."""
        found: list[DocToken] = []
        for token in sent.tokens:
            if token.stop > before:
                return []
            if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin":
                return found  # not a caption's name with no verb after it
            named = self.ctx.entity_of(token)
            if (
                named is not None
                and named.type == "PER"
                and token.start == named.start
                and token.feats.get("Case") == "Nom"
                and not self.mentions.quoted_directly(token.start)
            ):
                found.append(token)
        return []

    def _institution(self, token: DocToken, phrase: list[DocToken], before: int) -> Attribution:
        """An institution named by a common noun: a bare noun refers back to the named organisation of
        its kind ("В ведомстве сообщили" -> the ministry named before); otherwise, or when none is
        named, the phrase itself speaks ("в полиции заявили" -> полиция)."""
        mention = self.phrases.span(phrase)
        lemma = self.ctx.lemma(token)
        if len(phrase) == 1 or (
            lemma in org_anaphora() and all(t is token or t.pos == "ADJ" for t in phrase)
        ):  # "румынское оборонное ведомство": a class noun, no name, however described
            organisation = self.entities.organisation_of_kind(lemma, min(before, token.start))
            said = self._countries([t.text for t in phrase if t is not token])
            if organisation is not None and said and not said & self._countries(organisation.name.split()):
                organisation = None  # "американское ведомство" is no "МИД Канады"
            if organisation is not None:
                return Attribution(Speaker(organisation.name, "organisation"), mention=mention)
        return Attribution(Speaker(self.phrases.description(phrase), "organisation"), mention=mention)

    def _countries(self, words: list[str]) -> set[str]:
        """The countries that words name or describe, one word each ("американское", "Канады")."""
        phrases = load_gazetteer(self.ctx.vocab).phrases
        entries = (phrases.get((normal(word),)) for word in words)
        return {entry.code for entry in entries if entry is not None and entry.code is not None}

    def _outlet_referred(self, noun: str, before: int) -> Speaker | None:
        """The outlet a bare media noun refers back to ("По оценке издания"): the outlet credited last
        (``_last_organisation_source``), or one the text named since with the same media word, any for
        "издание" ("Петров возглавил рейтинг журнала Forbes"), whichever is nearer."""
        credited = self._last_organisation_source(before)
        since = credited[0] if credited is not None else self._horizon(before, ROLE_LOOKBACK_SENTENCES)
        words = frozenset(sources()["media"]) if noun == GENERIC_OUTLET else frozenset({noun})
        named = self.entities.outlet_named(since, before, words, outside=self.mentions.quoted)
        if named is not None:
            return Speaker(named.name, "organisation")
        return credited[1] if credited is not None else None

    def _last_organisation_speaker(self, before: int, outlets: bool = True) -> Speaker | None:
        """The organisation of ``_last_organisation_source``, if any."""
        found = self._last_organisation_source(before, outlets)
        return found[1] if found is not None else None

    def _horizon(self, before: int, sentences: int) -> int:
        """Where the sentence ``sentences`` before the one at ``before`` starts."""
        sentence = self.ctx.sentence_at(before)
        index = self.ctx.sentence_index(sentence) if sentence is not None else len(self.ctx.sents)
        return self.ctx.sents[max(0, index - sentences)].start

    def _last_organisation_source(self, before: int, outlets: bool = True) -> tuple[int, Speaker] | None:
        """The outlet credited with the last quote before ``before`` or that passed it on ("Forbes
        уточняет, что ... По данным издания, ..."), past institutions quoted in between, and where it was
        named; an organisation merely mentioned is not taken for the outlet. With
        ``outlets`` False, the last organisation that is no news outlet, within a few sentences (whose
        press office "пресс-служба" alone is)."""
        horizon = self._horizon(before, ROLE_LOOKBACK_SENTENCES if outlets else RECENT_SENTENCES)
        earlier = [(start, found) for start, found in self.spoken if horizon <= start < before]
        if outlets:
            relayed = [(start, found) for start, found in self.relayed if horizon <= start < before]
            earlier = sorted(earlier + relayed, key=lambda pair: pair[0])
        for at, found in reversed(earlier):
            speaker = found.speaker
            if (
                speaker is not None
                and speaker.type == "organisation"
                and self._looks_like_outlet(found.mention) is outlets
            ):
                return (found.mention.end if found.mention is not None else at), speaker
        return None

    def _looks_like_outlet(self, mention: Span | None) -> bool:
        """Named as media are: in Latin letters (Forbes), in quotation marks («Коммерсантъ»), or with a
        media word ("агентство Рейтер"); a press service or a ministry is not "the newspaper"."""
        if mention is None:
            return False
        head = next(iter(self.ctx.tokens_between(mention.start, mention.end)), None)
        if head is not None and self.ctx.lemma(head) in kinds_of_others():
            return False  # "представитель компании Nike": the company, no outlet, spoke through him
        around = self.ctx.text[max(0, mention.start - 1) : mention.end]
        nearby = self.ctx.tokens_between(max(0, mention.start - 30), mention.end)
        words = [self.ctx.lemma(token) for token in nearby][-4:]
        return (
            bool(LATIN.search(mention.text))
            or any(mark in around for mark in QUOTE_OPENERS)
            or any(word in sources()["media"] for word in words)
        )


@lru_cache(maxsize=1)
def kinds_of_others() -> frozenset[str]:
    """Nouns that name someone speaking for another or related to another ("пресс-секретарь",
    "адвокат"): never the person a text is about."""
    kinds = sources()
    return frozenset(kinds["spokesman"]) | frozenset(kinds["relative"]) | frozenset(kinds["interlocutor"])


def _joined(names: list[str]) -> str:
    """One joint source as the gold convention writes it: "А и Б", "А, Б и В"."""
    return f"{', '.join(names[:-1])} и {names[-1]}"


def _plural_verb(verb: DocToken | None) -> bool:
    """Is the cue a verb in the plural ("отмечают"), whatever the parse made of its subject?"""
    return verb is not None and verb.pos in ("VERB", "AUX") and verb.feats.get("Number") == "Plur"


def _said_gender(verb: DocToken | None) -> str | None:
    """The gender a cue verb gives its speaker ("сказала": Fem), if it is a verb and gives one; an
    impersonal passive ("в сообщении Балмера сказано") gives none."""
    if verb is None or verb.pos not in ("VERB", "AUX") or verb.feats.get("Voice") == "Pass":
        return None
    return verb.feats.get("Gender")
