"""Step 1: the mention that names a quote's source.

The finders hand over the token a cue points at (the subject of "заявил", the noun after "по словам");
here it becomes the mention a careful reader would take: the object of "цитирует", the source cited
"со ссылкой на", the subject introducing a quote with no cue, and, inside a source's phrase, the name that
stands in apposition to a role ("глава МВД Владимир Колокольцев", "Одна из организаторов ... Анна
Смирнова сообщила"), not a name that owns it ("представитель Обамы", "по словам матери X").
"""

from __future__ import annotations

from collections.abc import Iterable

from natasha.doc import DocSpan, DocToken

from ..entities.people import person_gender
from ..quotes.context import Context, Covered
from ..quotes.cues import sources
from ..quotes.direct import cited_source
from ..quotes.findings import Finding
from ..quotes.indirect import unnamed_according
from .entities import DocumentEntities
from .phrases import Phrases

QUOTE_MARKS = frozenset('«»"„“”')
APPOS_RELS = ("appos", "flat:name", "flat", "nmod")


CITING = frozenset({"цитировать", "процитировать", "приводить", "привести"})
"""Verbs whose object is whom a quote is quoted from ("цитирует министра", "приводит слова министра")."""
WORDS = frozenset({"слово", "высказывание", "цитата", "фраза", "реплика"})
"""Nouns of someone's words: their genitive owner speaks ("слова министра")."""


class Mentions:
    """Finds source mentions in one document; ``quoted`` are the quotes' spans (a name inside a quote
    is the quote's, not its source)."""

    def __init__(
        self,
        ctx: Context,
        entities: DocumentEntities,
        phrases: Phrases,
        quoted: Iterable[tuple[int, int]],
        direct: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.ctx = ctx
        self.entities = entities
        self.phrases = phrases
        self._quoted = Covered(quoted)
        self._direct = Covered(direct)

    def quoted_directly(self, offset: int) -> bool:
        """Is the offset inside a direct quote (someone's own words)?"""
        return offset in self._direct

    def source_of(self, finding: Finding) -> DocToken | None:
        """The token that names the finding's source, or None."""
        verb = finding.cue_token
        quoted = self.quoted_person(verb)
        if quoted is not None:  # "«...», — цитирует Петрова газета": Петров speaks, not the paper
            return quoted
        token = finding.source
        if token is None and finding.discourse:
            token = self.introducing_subject(finding.start)
        if token is None:
            token = self.there(verb)
        if token is None and verb is not None and unnamed_according(self.ctx, verb):
            return verb  # "по официальным данным": the data speak, unnamed
        if token is None and verb is not None and self.ctx.lemma(verb) in sources()["statement"]:
            token = verb  # "Согласно сообщению, ...": the statement mentioned before speaks
        if token is None:
            return None
        if verb is not None and verb.pos not in ("VERB", "AUX"):
            return cited_source(self.ctx, verb) or token  # "согласно сообщению X со ссылкой на Y"
        return token

    def there(self, verb: DocToken | None) -> DocToken | None:
        """ "Там уточнили, что ...": the "там" of a plural cue with no subject, which stands for the
        organisation just cited."""
        if verb is None or verb.pos != "VERB" or verb.feats.get("Number") != "Plur":
            return None
        children = self.ctx.children(verb)
        if any(child.rel.startswith("nsubj") for child in children):
            return None
        return next((c for c in children if c.rel == "advmod" and c.text.lower() == "там"), None)

    def introducing_subject(self, start: int) -> DocToken | None:
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
                head = ctx.head(token)
                if (
                    # "Министр был краток: «Q»" (a short adjective), not "был освистан протестующими"
                    (
                        token.rel == "nsubj"
                        or (token.rel == "nsubj:pass" and head is not None and head.pos == "ADJ")
                    )
                    and token.stop <= start
                    and not self.quoted(token.start)
                    and speaker_like
                ):
                    return token
        return None

    def quoted_person(self, verb: DocToken | None) -> DocToken | None:
        """The object of "цитировать": whom the outlet quotes ("цитирует министра", an animate object the
        parse may tag genitive), or the document it quotes from ("цитирует «Интерфакс» выдержку из
        документа"); the owner of the words "цитировать" or "приводить" has for its object ("приводит
        слова министра")."""
        lemma = self.ctx.lemma(verb) if verb is not None else None
        if verb is None or lemma not in CITING:
            return None
        quoted = next(
            (
                child
                for child in self.ctx.children(verb)
                if child.rel == "obj"
                and child.pos in ("NOUN", "PROPN")
                and (
                    child.feats.get("Case") == "Acc"
                    or (child.feats.get("Case") == "Gen" and child.feats.get("Animacy") == "Anim")
                )
            ),
            None,
        )
        if quoted is not None and self.ctx.lemma(quoted) in WORDS:
            return next(
                (
                    child
                    for child in self.ctx.children(quoted)
                    if child.rel == "nmod" and child.pos in ("NOUN", "PROPN") and child.start > quoted.start
                ),
                None,
            )
        if lemma not in ("цитировать", "процитировать"):
            return None
        if quoted is None or quoted.feats.get("Animacy") != "Inan" or self.ctx.entity_of(quoted) is not None:
            return quoted
        return next(
            (
                child
                for child in self.ctx.children(quoted)
                if self.ctx.lemma(child) in sources()["statement"]
                and any(c.text.lower() == "из" for c in self.ctx.children(child))
            ),
            quoted,
        )

    def apposed_person(self, token: DocToken) -> DocSpan | None:
        """A name in apposition to the source noun: "глава МВД Владимир Колокольцев". A name in
        another case owns the noun instead: "представитель Обамы" is not Обама; after a relative noun
        a genitive name is the relative's, whatever the case: "по словам матери Майкла Джексона"."""
        ctx = self.ctx
        case = token.feats.get("Case")
        rels: tuple[str, ...] = APPOS_RELS
        if ctx.lemma(token) in sources()["relative"]:
            rels = ("appos", "flat:name", "flat")
            owned = any(  # "его матери Анны", "адвоката заявителей Бартоломея Соханьского"
                (child.rel == "det" and child.pos in ("DET", "PRON"))
                or (child.rel == "nmod" and child.pos == "NOUN" and ctx.entity_of(child) is None)
                for child in ctx.children(token)
            )
            if case not in (None, "Nom") and not owned:
                # "по словам матери Анны Беловой": Анна's mother; but "его матери Анны", "мужа
                # погибшей, Дэвида Маккина" (set off by a comma) name the relative
                return self.appositive_name(token)
        # an animate object's accusative is its genitive, which the tagger may give the name instead:
        # "процитировал министра финансов Ивана Петрова"
        animate_object = (  # one whose accusative is its genitive ("министра"; "советницу" is not, by
            case in ("Acc", "Gen")  # its ending, whatever gender the tagger gives it)
            and token.feats.get("Animacy") == "Anim"
            and not token.text.lower().endswith(("у", "ю"))
        )
        # a subject is nominative, whatever the tagger read ("Художница Анна Петрова" with a genitive)
        subject = token.rel in ("nsubj", "nsubj:pass") and token.pos in ("NOUN", "PROPN")
        frontier = [token]
        for _ in range(3):
            next_frontier = []
            for node in frontier:
                for child in sorted(ctx.children(node), key=lambda c: c.start < token.start):
                    # children after the noun first: a name before it may belong to an earlier clause
                    # ("его заместитель Тимофей Соболевский уехали, а министр Виталий Мутко сообщил")
                    named = ctx.entity_of(child)
                    if named is not None and named.start <= token.start < named.stop and rels != APPOS_RELS:
                        named = None  # "Прислуга Макафи" tagged as one name with the relative noun
                    same_case = (
                        child.feats.get("Case") == case
                        or (child.rel != "nmod" and child.feats.get("Case") is None)
                        or (animate_object and child.feats.get("Case") in ("Acc", "Gen"))
                        or (subject and child.feats.get("Case") == "Nom")
                    )
                    if named is not None and named.type == "PER" and child.rel in rels and same_case:
                        return named
                    if child.rel == "appos" or _role_joined(ctx, token, node, child):
                        next_frontier.append(child)
            frontier = next_frontier
        return None

    def appositive_name(self, token: DocToken) -> DocSpan | None:
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

    def person_in_phrase(self, token: DocToken) -> DocSpan | None:
        """A name inside the source's phrase in the source's case, where the parse hung it elsewhere:
        "председатель правления Нобелевского фонда Карл-Хенрик Хелдин"."""
        if token.pos != "NOUN" or token.feats.get("Case") is None:
            return None
        if self.ctx.lemma(token) in sources()["relative"]:
            return None
        for member in self.phrases.phrase(token):
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

    def name_in_subject(self, token: DocToken, verb: DocToken | None) -> DocSpan | None:
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
            or verb.id not in ctx.sent_of_token
            or ctx.sent_of_token[verb.id] is not (sent := ctx.sent_of_token[token.id])
        ):
            return None
        case = token.feats.get("Case") or "Nom"
        if token.feats.get("Number") == "Plur" or verb.feats.get("Number") == "Plur":
            return None  # "Депутаты от оппозиции во главе с X заявили": a group, not X
        if case != "Nom" or ctx.lemma(token) in sources()["relative"]:
            return None  # "по словам матери Анны Беловой": a genitive name may be anyone's
        said = verb.feats.get("Gender")  # a plural verb returned above
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
            person = self.entities.person_at(named.start, named.stop)
            gender = person_gender(person, ctx.vocab) if person is not None else self.entities.gender(named)
            if said and gender and said != gender:
                return None
            return named
        return None

    def owner_of(self, token: DocToken) -> DocToken | None:
        """The genitive a spokesman noun belongs to, through a chain of them: "представитель
        пресс-службы посольства США" -> посольства; "в пресс-службе которого" -> которого."""
        ctx = self.ctx
        node = token
        for _ in range(3):
            owner = next(
                (
                    child
                    for child in ctx.children(node)
                    if child.rel in ("nmod", "appos")
                    and child.start > node.start
                    and (child.pos in ("NOUN", "PROPN", "X") or ctx.lemma(child) == "который")
                    and not any(c.rel == "case" for c in ctx.children(child))
                ),
                None,
            )
            if owner is None or ctx.lemma(owner) not in sources()["spokesman"]:
                return owner
            node = owner
        return None

    def owner(self, token: DocToken, type: str = "ORG") -> DocSpan | None:
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

    def quoted(self, offset: int) -> bool:
        """Is the offset inside any quote?"""
        return offset in self._quoted


def _role_joined(ctx: Context, token: DocToken, node: DocToken, child: DocToken) -> bool:
    """A second noun joined to the source noun in its case, which the name after it follows, under a
    verb in the singular: "сказала комедиантка и телеведущая Анна Белова" (the name is both's), not
    "Президент и премьер X заявили" (two people)."""
    verb = ctx.head(token)
    return (
        node is token
        and child.rel == "conj"
        and child.pos == "NOUN"
        and child.start > token.start
        and child.feats.get("Case") == token.feats.get("Case")
        and verb is not None
        and verb.pos == "VERB"
        and verb.feats.get("Number") == "Sing"
    )
