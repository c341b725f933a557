"""natasha underneath: load the news models once and annotate texts with them.

natasha's own ``Doc`` methods tag one document at a time, its sentences in text order, eight to a batch,
each batch padded to its longest sentence. ``annotate_many`` gives the same annotations faster: it
pools the sentences of several documents, sorts them by length so that a batch holds sentences of about
the same length (little padding), runs the morphology tagger and the syntax parser over them, and runs
the NER tagger over the texts sorted by length. Results are put back on each document's tokens exactly
where natasha's methods would put them.

The models load as natasha's would, minus what the taggers never read (``news_embedding``) and with one
word list for the three of them (``load_tagger``), each when first needed (``Models``), and their
numerical layers in the faster forms of ``kernels``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property, lru_cache
from gzip import decompress
from typing import Protocol, TypeVar

from natasha import (
    Doc,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.data import NEWS_EMBEDDING, NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
from natasha.doc import DocSent, DocSpan
from navec import Navec
from navec.meta import Meta as NavecMeta
from navec.pq import PQ
from navec.tar import Tar as NavecTar
from slovnet.api import API
from slovnet.bio import bio_spans
from slovnet.conll import parse_conll_tag
from slovnet.const import REL, SHAPE, TAG, WORD
from slovnet.exec.encoders import WordShapeEncoder
from slovnet.exec.infer import Infer, MorphInfer, NERInfer, SyntaxDecoder, SyntaxInfer, TagDecoder
from slovnet.exec.model import NER as NERModel
from slovnet.exec.model import Morph as MorphModel
from slovnet.exec.model import Syntax as SyntaxModel
from slovnet.exec.pack import Pack, vocab_name
from slovnet.shape import word_shape
from slovnet.vocab import Vocab

from .deadline import check
from .kernels import speed_up
from .morph import MorphVocab
from .tokens import segment

T = TypeVar("T", bound="_Tagger")
LINE_BREAK = "\n"
MAX_SENTENCE_TOKENS = 300
"""natasha's parser takes time and memory in the square of a sentence's length. No sentence of news comes
near this (the longest of NEREL's 13,000 has 191 tokens); a longer one, which only a hostile text holds
(a paragraph with no sentence end, thousands of quotation marks), is cut into parts of at most this many."""
CUT_AFTER = frozenset({",", ";", ":", "—", "–", "-", ")", "»", "“", "”"})


class Models:
    """natasha's news models and a morphology vocabulary, each loaded when first used and then kept.

    Everything comes from the natasha and pymorphy3 wheels; nothing is downloaded. ``load`` loads them
    all now (worker processes do, before their first document).
    """

    @cached_property
    def embedding(self) -> Navec:
        return news_embedding()

    @cached_property
    def segmenter(self) -> Segmenter:
        return Segmenter()

    @cached_property
    def morph_tagger(self) -> NewsMorphTagger:
        return load_tagger(NewsMorphTagger, self.embedding, self._shared)

    @cached_property
    def syntax_parser(self) -> NewsSyntaxParser:
        return load_tagger(NewsSyntaxParser, self.embedding, self._shared)

    @cached_property
    def ner_tagger(self) -> NewsNERTagger:
        return load_tagger(NewsNERTagger, self.embedding, self._shared)

    @cached_property
    def _shared(self) -> Shared:
        return Shared()

    @cached_property
    def vocab(self) -> MorphVocab:
        return MorphVocab()

    def load(self) -> Models:
        """Load every model now; returns the models."""
        for name in ("segmenter", "morph_tagger", "syntax_parser", "ner_tagger", "vocab"):
            getattr(self, name)
        return self

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class _TaggerPQ(PQ):
    """navec's quantised vectors without what only its similarity search reads (norms and centroid
    products over all 250,000 words): the taggers read ``indexes`` and ``codes`` alone."""

    def precompute(self) -> None:
        pass


def news_embedding() -> Navec:
    """natasha's news embedding as its taggers read it: ``NewsEmbedding`` minus its word list (the
    taggers bring their own) and its similarity tables, in half the time."""
    with NavecTar(NEWS_EMBEDDING) as tar:
        meta = NavecMeta.from_file(tar.load("meta.json"))
        NavecMeta.check_protocol(meta.protocol)
        pq = _TaggerPQ.from_file(tar.load("pq.bin"))
    return Navec(meta, None, pq)


BATCH_SIZE = 32
"""Sentences per batch (natasha's default is 8). ``annotate_many`` sorts sentences by length, so a batch
is hardly padded, and fewer, larger batches cost fewer calls into numpy: 10-15 % less time in the
morphology tagger and the parser, the same tags (masked padding leaves a sentence's results alone)."""


class WordEncoder(WordShapeEncoder):
    """slovnet's encoder of words (``TagEncoder``, ``SyntaxEncoder``: the same) that keeps each word's
    ids: a word's shape and vocabulary lookups are made once a process, not once an occurrence (and once
    for the three taggers, whose encoders share ``codes``)."""

    def __init__(
        self,
        words_vocab: Vocab,
        shapes_vocab: Vocab,
        batch_size: int = BATCH_SIZE,
        codes: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        super().__init__(words_vocab, shapes_vocab, batch_size)
        self.codes = {} if codes is None else codes

    def item(self, words: list[str]) -> tuple[list[int], list[int]]:
        codes = self.codes
        if len(codes) > CODES_SIZE:
            codes.clear()
        word_ids, shape_ids = [], []
        for word in words:
            code = codes.get(word)
            if code is None:
                code = codes[word] = (
                    self.words_vocab.encode(word.lower()),
                    self.shapes_vocab.encode(word_shape(word)),
                )
            word_ids.append(code[0])
            shape_ids.append(code[1])
        return word_ids, shape_ids


CODES_SIZE = 50_000
"""Words whose ids an encoder keeps (about 10 MB), the most of a news corpus's running words; the store
is emptied when it grows past that."""
TAGGERS = {
    NewsMorphTagger: (NEWS_MORPH, MorphModel, TagDecoder, MorphInfer, TAG),
    NewsNERTagger: (NEWS_NER, NERModel, TagDecoder, NERInfer, TAG),
    NewsSyntaxParser: (NEWS_SYNTAX, SyntaxModel, SyntaxDecoder, SyntaxInfer, REL),
}
"""What slovnet's ``load`` builds each of natasha's taggers from: its file, model, decoder, inference and
label vocabulary (the encoder is a ``WordEncoder`` for all three)."""


class _Tagger(Protocol):
    """natasha's taggers as ``load_tagger`` uses them: slovnet's ``API.navec`` sets the embedding, and
    ``infer`` holds the model."""

    infer: Infer

    def navec(self, navec: Navec) -> object: ...


class Shared:
    """What natasha's three news models may share once loaded: vocabularies by their content (the three
    carry the same 250,000 words and the same word shapes) and, for each pair of word and shape
    vocabularies, the store of word ids that their encoders fill (``WordEncoder.codes``)."""

    def __init__(self) -> None:
        self.vocabs: dict[bytes, Vocab] = {}
        self.codes: dict[tuple[int, int], dict[str, tuple[int, int]]] = {}

    def vocab(self, pack: Pack, name: str) -> Vocab:
        """The pack's vocabulary ``name``, the one loaded before if its content is the same."""
        content = decompress(pack.read(vocab_name(name)))
        if content not in self.vocabs:
            self.vocabs[content] = Vocab(content.decode("utf8").splitlines())
        return self.vocabs[content]

    def encoder(self, words: Vocab, shapes: Vocab) -> WordEncoder:
        """An encoder of words and shapes that shares its word ids with any other of the same vocabularies."""
        codes = self.codes.setdefault((id(words), id(shapes)), {})
        return WordEncoder(words, shapes, BATCH_SIZE, codes)


def load_tagger(kind: type[T], embedding: Navec, shared: Shared) -> T:
    """natasha's tagger ``kind`` (``NewsMorphTagger(embedding)`` and the like) built as slovnet builds it,
    but for its vocabularies: turning the 250,000 words into a vocabulary is most of the cost of loading
    a model, and the three models carry the same ones, so a tagger shares (``shared``) the vocabularies and
    the word ids of one loaded before. The embedding, encoder and CRF are then put in the faster forms of
    ``kernels``, which compute the same numbers."""
    path, model_kind, decoder, infer, labels = TAGGERS[kind]
    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(model_kind)
        arrays = dict(pack.load_arrays(model.weights))
        words, shapes = shared.vocab(pack, WORD), shared.vocab(pack, SHAPE)
        label_vocab = pack.load_vocab(labels)
    model = model.inject_arrays(arrays)
    tagger = kind.__new__(kind)
    API.__init__(tagger, infer(model, shared.encoder(words, shapes), decoder(label_vocab)), BATCH_SIZE)
    tagger.navec(embedding)
    speed_up(tagger.infer.model)
    return tagger


def load_models() -> Models:
    """Load the models shipped inside the natasha wheel, all of them now; nothing is downloaded."""
    return Models().load()


def annotate(text: str, models: Models) -> Doc:
    """Segment, tag morphology, parse syntax and find PER/LOC/ORG spans in ``text``.

    Token, sentence and span offsets refer to ``text`` as given.
    """
    return annotate_many([text], models)[0]


def annotate_many(
    texts: Sequence[str], models: Models, parse: Callable[[Doc], Sequence[bool]] | None = None
) -> list[Doc]:
    """``annotate`` for several texts at once, in less time than one by one.

    ``parse``, given a document with morphology and entities, says for each of its sentences whether to
    parse its syntax (all by default). A sentence left unparsed gets token ids like a parsed one, every
    token hanging from the root (``head_id`` "N_0") with an empty ``rel``.
    """
    docs = [Doc(text) for text in texts]
    sents: list[tuple[int, DocSent]] = []
    for doc in docs:
        check()
        segment(doc)  # as doc.segment(models.segmenter), faster
        doc.sents = cap_sentences(doc.text, split_at_line_breaks(doc))
        sents.extend(enumerate(doc.sents, 1))
    sents.sort(key=lambda numbered: len(numbered[1].tokens))
    words = [[token.text for token in sent.tokens] for _, sent in sents]
    for (_, sent), tags in zip(sents, predictions(models.morph_tagger, words), strict=True):
        check()  # natasha tags a batch of sentences at a time: a check between batches, in effect
        for token, tag in zip(sent.tokens, tags, strict=True):
            token.pos, feats = pos_and_feats(tag)
            token.feats = dict(feats)
    tag_entities(docs, models)
    chosen = (
        {id(sent) for doc in docs for sent, wanted in zip(doc.sents, parse(doc), strict=True) if wanted}
        if parse
        else None
    )
    parsed = [(number, sent) for number, sent in sents if chosen is None or id(sent) in chosen]
    words = [[token.text for token in sent.tokens] for _, sent in parsed]
    trees = predictions(models.syntax_parser, words) if parsed else []  # the parser loads when needed
    for (_, sent), (ids, head_ids, rels) in zip(parsed, trees, strict=True):
        check()
        for token, id_, head_id, rel in zip(sent.tokens, ids, head_ids, rels, strict=True):
            token.id, token.head_id, token.rel = id_, head_id, rel
    for number, sent in sents:
        if chosen is not None and id(sent) not in chosen:
            for index, token in enumerate(sent.tokens, 1):
                token.id, token.head_id, token.rel = str(index), "0", ""
        for token in sent.tokens:
            token.id = f"{number}_{token.id}"
            token.head_id = f"{number}_{token.head_id}"
    return docs


def predictions(tagger: API, sentences: list[list[str]]) -> Iterator:
    """What natasha's ``tagger.map(sentences)`` says of each sentence, without the records it wraps
    each token in: the morphology tagger's tag strings ("NOUN|Case=Nom|..."), the syntax parser's
    ``(ids, head_ids, rels)``. The same values; a third of the morphology tagger's time went on records."""
    infer = tagger.infer
    return infer.decoder(infer.process(infer.encoder(sentences)))


@lru_cache(maxsize=4096)  # the news morphology model has a few hundred distinct tags
def pos_and_feats(tag: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A tag string as natasha puts it on a token: ``("NOUN", (("Case", "Nom"), ...))``, features in
    the tag's order (each token gets its own ``dict`` of them)."""
    pos, feats = parse_conll_tag(tag)
    return pos, tuple(feats.items())


NER_BATCH_TOKENS = 3000
"""Tokens (texts times the longest of them) the NER tagger reads in one batch."""


def tag_entities(docs: Sequence[Doc], models: Models) -> None:
    """PER/LOC/ORG spans for each document, as ``Doc.tag_ner`` sets them.

    The NER model reads a whole text as one sequence. natasha tags one text at a time, and its decoder
    takes a step per token; the texts here go sorted by length, several to a batch (``NER_BATCH_TOKENS``),
    which is a quarter faster. Padding a shorter text changes nothing in its spans: the padding's
    embedding is zero and masked after every layer. The words are the document's tokens: natasha's
    segmenter and its NER tagger both tokenize the whole text with razdel, so the NER tagger need not
    do it again (``docs`` must be segmented).
    """
    for doc in docs:
        doc.spans = []
    tagged = sorted((doc for doc in docs if doc.text.strip()), key=lambda doc: len(doc.tokens))
    infer = models.ner_tagger.infer
    for group in _ner_batches(tagged):
        check()
        words = [[token.text for token in doc.tokens] for doc in group]
        tags = infer.decoder(infer.process(infer.encoder(words)))
        for doc, doc_tags in zip(group, tags, strict=True):
            doc.spans = [
                DocSpan(span.start, span.stop, span.type, doc.text[span.start : span.stop])
                for span in bio_spans(doc.tokens, doc_tags)  # slovnet finds the words' offsets again
            ]
    for doc in docs:
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()


def _ner_batches(docs: list[Doc]) -> Iterator[list[Doc]]:
    """Documents sorted by length in batches of at most ``NER_BATCH_TOKENS`` padded tokens and at most
    ``BATCH_SIZE`` documents (a longer document goes alone)."""
    batch: list[Doc] = []
    for doc in docs:
        if batch and ((len(batch) + 1) * len(doc.tokens) > NER_BATCH_TOKENS or len(batch) == BATCH_SIZE):
            yield batch
            batch = []
        batch.append(doc)
    if batch:
        yield batch


WRAP_WIDTH = 40
"""A line at least this long that runs on into a line opening in lower case was wrapped at a fixed width."""
SENTENCE_END = frozenset(".!?…:;")
LOWER_WORD = re.compile(r"[а-яёa-z]+(?![\w|])")


def is_hard_wrap(text: str, at: int) -> bool:
    """Is the line break at ``at`` a hard wrap inside a paragraph: a single break after a long line with
    no sentence end, before a line that goes on in lower case ("что бюджет⏎будет принят")? Wiki markup
    after a headline ("мини|слева|...") is no continuation."""
    if text[at : at + 1] != LINE_BREAK:
        return False
    line = text[text.rfind(LINE_BREAK, 0, at) + 1 : at].rstrip()
    if len(line) < WRAP_WIDTH or line[-1] in SENTENCE_END:
        return False
    return LOWER_WORD.match(text, at + 1) is not None


def split_at_line_breaks(doc: Doc) -> list[DocSent]:
    """razdel keeps lines without final punctuation (headlines, datelines) in the next sentence;
    in news a line break ends a sentence (but for a hard wrap, ``is_hard_wrap``), so split there before
    tagging and parsing. A line that
    opens with a source and a colon ("АФИ: Глава комитета заявил ...", "Минфин: дефицит сократится")
    is split after the colon too: the source is no part of the clause that follows."""
    sents: list[DocSent] = []
    for sent in doc.sents:
        group: list = []
        for token in sent.tokens:
            between = doc.text[group[-1].stop : token.start] if group else ""
            wrapped = between.count(LINE_BREAK) == 1 and is_hard_wrap(
                doc.text, group[-1].stop + between.index(LINE_BREAK)
            )
            if LINE_BREAK in between and not wrapped:
                sents.extend(_split_source_line(doc.text, group))
                group = []
            group.append(token)
        if group:
            sents.extend(_split_source_line(doc.text, group))
    return sents


def cap_sentences(text: str, sents: list[DocSent]) -> list[DocSent]:
    """Sentences of more than ``MAX_SENTENCE_TOKENS`` tokens cut into parts, each after a comma, a dash or
    the like in the second half of its allowance where there is one. Offsets stay those of the text."""
    capped: list[DocSent] = []
    for sent in sents:
        tokens = sent.tokens
        while len(tokens) > MAX_SENTENCE_TOKENS:
            cut = next(
                (
                    end
                    for end in range(MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS // 2, -1)
                    if tokens[end - 1].text in CUT_AFTER
                ),
                MAX_SENTENCE_TOKENS,
            )
            capped.append(_sent(text, tokens[:cut]))
            tokens = tokens[cut:]
        capped.append(sent if tokens is sent.tokens else _sent(text, tokens))
    return capped


SOURCE_WORDS = 6
"""At most this many tokens of a source before the colon that opens a line ("Дик Адвокат о матче:")."""
SOURCE_PUNCT = set('-—–«»"„“”.')


def _split_source_line(text: str, tokens: list) -> list[DocSent]:
    """``[source:, rest]`` when the tokens open a line with "Source: ..." on the same line, else one
    sentence."""
    line_start = text.rfind(LINE_BREAK, 0, tokens[0].start) + 1
    if text[line_start : tokens[0].start].strip():
        return [_sent(text, tokens)]  # the tokens do not open their line
    for index, token in enumerate(tokens[: SOURCE_WORDS + 1]):
        if token.text == ":":
            words = [t for t in tokens[:index] if t.text not in SOURCE_PUNCT]
            spaced = text[token.stop : token.stop + 1] in (" ", "\t", "\xa0")
            if words and spaced and index + 1 < len(tokens) and all(t.text[0].isalnum() for t in words):
                return [_sent(text, tokens[: index + 1]), _sent(text, tokens[index + 1 :])]
            break
        if not token.text[0].isalnum() and token.text not in SOURCE_PUNCT:
            break
    return [_sent(text, tokens)]


def _sent(text: str, tokens: list) -> DocSent:
    start, stop = tokens[0].start, tokens[-1].stop
    return DocSent(start, stop, text[start:stop], tokens=tokens)
