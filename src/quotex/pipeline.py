"""The Extractor: text in, a ``Document`` of quotes, speakers and entities out."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from natasha import Doc
from natasha.doc import DocSent, DocSpan

from . import segments
from .deadline import check, time_limit
from .entities.countries import find_places
from .entities.org_lexicon import org_institutions
from .entities.organisations import find_organisations, organisation_heads
from .entities.people import find_people, role_forms
from .errors import AnalysisTimeout
from .markup import plain, restore
from .nlp import Models, annotate_many
from .quotes import find_findings, needs_syntax
from .quotes.context import Context, Covered
from .records import Document, Entity, Person, Quote, SpeakerSummary
from .speakers import attribute_quotes
from .threads import limited


class Extractor:
    """Finds who said what in Russian news text. Loads each of natasha's models once, when first used.

    ``numpy_threads`` is how many threads numpy's BLAS may use inside the extractor's calls: one by
    default, which costs the least CPU time per document (natasha's matrices are small); ``None`` leaves
    the process's setting alone. Outside those calls the caller's setting holds.
    """

    def __init__(self, models: Models | None = None, *, numpy_threads: int | None = 1) -> None:
        self._models = models
        self.numpy_threads = numpy_threads

    @property
    def models(self) -> Models:
        """natasha's models, each loaded when the analysis first needs it."""
        if self._models is None:
            self._models = Models()
        return self._models

    def load(self) -> None:
        """Load every model now rather than during the first analysis (whose time limit would count
        the loading)."""
        self.models.load()

    def extract(self, text: str, source: str | None = None, *, timeout: float | None = None) -> Document:
        """Analyse one document. Offsets in the result refer to ``text`` exactly as given.

        With ``timeout`` (seconds; ``None`` or 0 for none) the analysis stops with ``AnalysisTimeout``
        once it has taken that long. The limit is checked as the work goes, so it holds in any thread.
        """
        (result,) = self.extract_each([text], [source], timeout=timeout)
        if isinstance(result, AnalysisTimeout):
            raise result
        return result

    def extract_many(
        self,
        texts: Sequence[str],
        sources: Sequence[str | None] | None = None,
        *,
        timeout: float | None = None,
    ) -> list[Document]:
        """Analyse several documents at once: the same results as ``extract`` one by one, in less time
        (natasha's models see the sentences of all of them together, sorted by length).

        With ``timeout``, each document may take that long (see ``extract_each``); raises the
        ``AnalysisTimeout`` of the first one that took longer.
        """
        results = self.extract_each(texts, sources, timeout=timeout)
        for result in results:
            if isinstance(result, AnalysisTimeout):
                raise result
        return results  # type: ignore[return-value]  # no AnalysisTimeout left

    def extract_each(
        self,
        texts: Sequence[str],
        sources: Sequence[str | None] | None = None,
        *,
        timeout: float | None = None,
        on_each: Callable[[int], None] | None = None,
    ) -> list[Document | AnalysisTimeout]:
        """``extract_many`` that goes on past a document over its time limit: its place in the result
        holds its ``AnalysisTimeout`` instead of a ``Document``.

        Each document may take ``timeout`` seconds. Documents analysed together share natasha's stage,
        which may take ``timeout`` times their number, and each is charged an equal part of it. Should
        that stage run over, each document is analysed again alone, with its own limit.

        ``on_each`` (for a progress bar) is called with a document's index as soon as its result is
        ready, once for each document: after natasha's stage, which the documents share, one by one.
        """
        with limited(self.numpy_threads):
            found = self._extract_each([plain(text) for text in texts], sources, timeout, on_each)
        return [
            restore(result, text) if isinstance(result, Document) else result
            for result, text in zip(found, texts, strict=True)
        ]

    def _extract_each(
        self,
        texts: Sequence[str],
        sources: Sequence[str | None] | None,
        timeout: float | None,
        on_each: Callable[[int], None] | None = None,
    ) -> list[Document | AnalysisTimeout]:
        if not texts:
            return []  # nothing to analyse: no need to load the models
        sources = list(sources or [None] * len(texts))
        if any(len(text) > segments.SEGMENT_CHARS for text in texts):
            return self._long_apart(texts, sources, timeout, on_each)
        models = self.models
        started = time.monotonic()
        results: Iterable[Document | AnalysisTimeout]
        try:
            with time_limit(timeout and timeout * len(texts), sources[0] if len(texts) == 1 else None):
                docs = annotate_many(texts, models, parse=self._worth_parsing)
        except AnalysisTimeout as error:
            if len(texts) == 1:
                results = [error]
            else:
                results = (
                    self.extract_each([text], [source], timeout=timeout)[0]
                    for text, source in zip(texts, sources, strict=True)
                )
        else:
            share = (time.monotonic() - started) / len(texts)
            results = (
                self._within(doc, source, timeout, share) for doc, source in zip(docs, sources, strict=True)
            )
        return _reported(results, on_each)

    def _long_apart(
        self,
        texts: Sequence[str],
        sources: list[str | None],
        timeout: float | None,
        on_each: Callable[[int], None] | None,
    ) -> list[Document | AnalysisTimeout]:
        """Texts longer than ``segments.SEGMENT_CHARS`` each in its parts; the others together as usual."""
        short = [index for index, text in enumerate(texts) if len(text) <= segments.SEGMENT_CHARS]
        results: list[Document | AnalysisTimeout | None] = [None] * len(texts)
        on_short = None if on_each is None else lambda at: on_each(short[at])
        found = self._extract_each([texts[i] for i in short], [sources[i] for i in short], timeout, on_short)
        for index, result in zip(short, found, strict=True):
            results[index] = result
        for index, text in enumerate(texts):
            if results[index] is None:
                results[index] = self._in_parts(text, sources[index], timeout)
                if on_each is not None:
                    on_each(index)
        return results  # type: ignore[return-value]  # every place filled

    def _in_parts(self, text: str, source: str | None, timeout: float | None) -> Document | AnalysisTimeout:
        """A long text analysed part after part (``segments``), within one time limit for the whole."""
        try:
            with time_limit(timeout, source):
                documents = []
                for start, end in segments.parts(text):
                    (doc,) = annotate_many([text[start:end]], self.models, parse=self._worth_parsing)
                    documents.append(segments.shift(self._findings(doc, source), start))
                return segments.join(source, text, documents, summarise_speakers)
        except AnalysisTimeout as error:
            return error

    def _within(
        self, doc: Doc, source: str | None, timeout: float | None, spent: float
    ) -> Document | AnalysisTimeout:
        try:
            with time_limit(timeout, source, spent=spent):
                return self._findings(doc, source)
        except AnalysisTimeout as error:
            return error

    def _worth_parsing(self, doc: Doc) -> list[bool]:
        """Syntax only where a finder uses it: quotes and their context, people, organisations."""
        vocab = self.models.vocab
        quotes = needs_syntax(doc, vocab)
        heads, roles = organisation_heads(vocab), role_forms(vocab)
        institutions = vocab.forms_of(org_institutions())
        wanted = []
        for sent, for_quotes in zip(doc.sents, quotes, strict=True):
            check()
            spans = sent.spans or ()
            words = [token.text.lower().replace("ё", "е") for token in sent.tokens]
            capitalised = [
                word for token, word in zip(sent.tokens, words, strict=True) if token.text[:1].isupper()
            ]
            wanted.append(
                for_quotes
                # names extend along the tree: "Министерство иностранных дел России"
                or any(span.type == "ORG" and _complement_follows(sent, span) for span in spans)
                # roles: "глава МВД Владимир Колокольцев", "Ильхам Алиев, президент Азербайджана"
                or any(span.type == "PER" and _role_near(sent, span, words, roles) for span in spans)
                or bool(heads.intersection(capitalised))  # names natasha misses: "Совещание по ..."
                or _institution_named(sent, words, institutions)  # "мэрия Уфы", "сборная России"
            )
        return wanted

    def _findings(self, doc: Doc, source: str | None) -> Document:
        models = self.models
        text = doc.text
        people = find_people(doc, models.vocab)
        check()
        organisations = find_organisations(doc, models.vocab)
        people = _not_inside(people, organisations)
        check()
        countries, locations = find_places(doc, models.vocab)
        check()
        ctx = Context(doc, models.vocab)
        quotes = attribute_quotes(ctx, find_findings(ctx), people, organisations)
        check()
        return Document(
            source=source,
            text=text,
            quotes=quotes,
            speakers=summarise_speakers(quotes),
            people=people,
            countries=countries,
            organisations=organisations,
            locations=locations,
        )


def _reported(
    results: Iterable[Document | AnalysisTimeout], on_each: Callable[[int], None] | None
) -> list[Document | AnalysisTimeout]:
    """The results drawn into a list, ``on_each`` told the index of each as it comes."""
    drawn = []
    for index, result in enumerate(results):
        drawn.append(result)
        if on_each is not None:
            on_each(index)
    return drawn


def summarise_speakers(quotes: tuple[Quote, ...]) -> tuple[SpeakerSummary, ...]:
    """Count quotes per speaker, most quoted first, ties in order of first quote."""
    counts = Counter(quote.speaker for quote in quotes if quote.speaker)
    return tuple(
        SpeakerSummary(name=speaker.name, type=speaker.type, role=speaker.role, quotes=count)
        for speaker, count in counts.most_common()
    )


ROLE_WINDOW = 6
"""Tokens around a name within which a role noun may be its role."""


def _complement_follows(sent: DocSent, span: DocSpan) -> bool:
    """Could the organisation name go on past natasha's span: a genitive or a preposition next?"""
    following = [token for token in sent.tokens if token.start >= span.stop][:1]
    return bool(following) and (
        following[0].pos == "ADP" or following[0].feats.get("Case") == "Gen" or following[0].text == "("
    )


def _institution_named(sent: DocSent, words: list[str], institutions: frozenset[str]) -> bool:
    """An institution word followed by a capitalised word: the name may go on ("полиция Нью-Йорка")."""
    return any(
        word in institutions and following.text[:1].isupper()
        for word, following in zip(words, sent.tokens[1:], strict=False)
    )


def _role_near(sent: DocSent, span: DocSpan, words: list[str], roles: frozenset[str]) -> bool:
    indexes = [index for index, token in enumerate(sent.tokens) if span.start <= token.start < span.stop]
    if not indexes:
        return False
    window = words[max(0, indexes[0] - ROLE_WINDOW) : indexes[-1] + ROLE_WINDOW]
    return bool(roles.intersection(window))


def _not_inside(people: tuple[Person, ...], organisations: tuple[Entity, ...]) -> tuple[Person, ...]:
    """People with a mention of their own: the NER's "person" that is only ever part of an organisation's
    name ("Карнеги-центр", "Фонд Горбачёва") is none."""
    names = Covered((m.start, m.end) for organisation in organisations for m in organisation.mentions)
    return tuple(p for p in people if not all(names.covers(m.start, m.end) for m in p.mentions))
