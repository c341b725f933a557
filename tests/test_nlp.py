"""natasha's models: each loaded when first needed, the embedding in its light form."""

from __future__ import annotations

import numpy as np
import pytest
from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser
from slovnet.exec.encoders import TagEncoder
from slovnet.exec.model import CRF, CNNEncoder

from quotex.kernels import ChannelsLastEncoder, FastCRF
from quotex.nlp import Models, annotate_many, news_embedding
from quotex.pipeline import Extractor

TEXT = "Министр иностранных дел России Сергей Лавров заявил: «Мы готовы к переговорам»."


def test_the_light_embedding_gives_the_taggers_what_natashas_does() -> None:
    light, full = news_embedding(), NewsEmbedding()
    assert light.meta.id == full.meta.id
    assert np.array_equal(light.pq.indexes, full.pq.indexes)
    assert np.array_equal(light.pq.codes, full.pq.codes)


WORDS = [
    ["Министр", "иностранных", "дел", "России", "Сергей", "Лавров", "заявил", ":", "«", "Мы", "готовы", "»"],
    ["Она", "пришла", "домой", "поздно", "."],
]


@pytest.fixture(scope="module")
def natasha_embedding() -> NewsEmbedding:
    return NewsEmbedding()


@pytest.mark.parametrize(
    ("name", "kind"), [("morph_tagger", NewsMorphTagger), ("syntax_parser", NewsSyntaxParser)]
)
def test_the_taggers_sharing_one_word_list_tag_as_natashas_own(
    models: Models, natasha_embedding: NewsEmbedding, name: str, kind: type
) -> None:
    ours = getattr(models, name)
    assert type(ours) is kind
    assert repr(list(ours.map(WORDS))) == repr(list(kind(natasha_embedding).map(WORDS)))


def test_the_ner_tagger_sharing_one_word_list_finds_what_natashas_own_does(
    models: Models, natasha_embedding: NewsEmbedding
) -> None:
    assert repr(models.ner_tagger(TEXT)) == repr(NewsNERTagger(natasha_embedding)(TEXT))
    words = [tagger.infer.encoder.words_vocab for tagger in (models.morph_tagger, models.ner_tagger)]
    assert words[0] is words[1] is models.syntax_parser.infer.encoder.words_vocab
    codes = [getattr(models, name).infer.encoder.codes for name in ("morph_tagger", "syntax_parser")]
    assert codes[0] is codes[1] is models.ner_tagger.infer.encoder.codes


def test_the_encoder_that_keeps_word_ids_encodes_as_slovnets(models: Models) -> None:
    ours = models.morph_tagger.infer.encoder
    theirs = TagEncoder(ours.words_vocab, ours.shapes_vocab, ours.batch_size)
    sentences = [*WORDS, ["СССР", "iPhone", "12,5", "Нью-Йорке", "ёлка", "»"], WORDS[0]]
    for mine, slovnets in zip(ours(sentences), theirs(sentences), strict=True):
        assert (mine.word_id == slovnets.word_id).all() and (mine.shape_id == slovnets.shape_id).all()
        assert (mine.pad_mask == slovnets.pad_mask).all()
    assert "iPhone" in ours.codes


def test_the_syntax_parser_loads_only_when_a_sentence_is_parsed() -> None:
    models = Models()
    (doc,) = annotate_many([TEXT], models, parse=lambda doc: [False] * len(doc.sents))
    assert doc.tokens[0].pos == "NOUN" and doc.spans
    assert "syntax_parser" not in vars(models) and "morph_tagger" in vars(models)
    (doc,) = annotate_many([TEXT], models)
    assert "syntax_parser" in vars(models)
    assert any(token.rel == "nsubj" for token in doc.tokens)


def test_an_extractor_loads_nothing_until_asked() -> None:
    extractor = Extractor()
    assert extractor.extract_many([]) == []
    assert vars(extractor.models) == {}
    extractor.load()
    loaded = set(vars(extractor.models))
    assert {"segmenter", "morph_tagger", "syntax_parser", "ner_tagger", "vocab"} <= loaded


def test_annotate_puts_on_the_tokens_what_natashas_doc_methods_put(
    models: Models, natasha_embedding: NewsEmbedding
) -> None:
    text = f"{TEXT} Она пришла домой поздно. Президент России Владимир Путин подписал закон о бюджете."
    (ours,) = annotate_many([text], models)
    theirs = Doc(text)
    theirs.segment(models.segmenter)
    theirs.tag_morph(NewsMorphTagger(natasha_embedding))
    theirs.parse_syntax(NewsSyntaxParser(natasha_embedding))
    assert [(t.text, t.pos, t.feats, t.id, t.head_id, t.rel) for t in ours.tokens] == [
        (t.text, t.pos, t.feats, t.id, t.head_id, t.rel) for t in theirs.tokens
    ]
    assert len({id(token.feats) for token in ours.tokens}) == len(ours.tokens)  # each token its own


def spans(doc: Doc) -> list[tuple[int, int, str]]:
    return [(span.start, span.stop, span.type) for span in doc.spans or []]


def test_texts_tagged_together_get_the_spans_natasha_gives_each_alone(
    models: Models, natasha_embedding: NewsEmbedding
) -> None:
    texts = [
        "Президент России Владимир Путин провёл переговоры с Эмманюэлем Макроном в Париже. " * 3,
        "Сергей Лавров прилетел в Анкару.",
        "",
        "Глава МИД Турции Мевлют Чавушоглу встретился с генсеком НАТО Йенсом Столтенбергом в Брюсселе.",
    ]
    ours = annotate_many(texts, models, parse=lambda doc: [False] * len(doc.sents))
    ner = NewsNERTagger(natasha_embedding)
    for doc, text in zip(ours, texts, strict=True):
        theirs = Doc(text)
        theirs.segment(models.segmenter)
        if text:
            theirs.tag_ner(ner)
        assert spans(doc) == spans(theirs)
    assert {span.type for doc in ours for span in doc.spans} == {"PER", "LOC", "ORG"}


def test_pymorphy_reads_its_dictionary_with_the_c_extension() -> None:
    import pymorphy3.dawg

    # pymorphy3[fast]: DAWG2 gives the same parses as the pure-Python reader, three times faster
    assert pymorphy3.dawg.DAWG.__module__ == "dawg"


@pytest.fixture(scope="module")
def sample_sentences(models: Models, sample_text: str) -> list[list[str]]:
    doc = Doc(sample_text)
    doc.segment(models.segmenter)
    return [[token.text for token in sent.tokens] for sent in doc.sents]


@pytest.mark.parametrize("name", ["morph_tagger", "syntax_parser", "ner_tagger"])
def test_the_channels_last_encoder_computes_slovnets_numbers(
    models: Models, sample_sentences: list[list[str]], name: str
) -> None:
    infer = getattr(models, name).infer
    model = infer.model
    assert type(model.encoder) is ChannelsLastEncoder
    slovnets = CNNEncoder(model.encoder.layers)
    for batch in infer.encoder(sample_sentences):  # sentences of different lengths, padded
        words = model.emb(batch.word_id, batch.shape_id)
        assert np.array_equal(model.encoder(words, batch.pad_mask), slovnets(words, batch.pad_mask))


def test_the_crf_decoder_finds_slovnets_tags(models: Models, sample_text: str) -> None:
    infer = models.ner_tagger.infer
    model = infer.model
    assert type(model.head.crf) is FastCRF
    slovnets = CRF(model.head.crf.transitions)
    texts = [sample_text[:3000], sample_text[3000:4000], TEXT]
    doc_words = [[token.text for token in annotate_many([text], models)[0].tokens] for text in texts]
    (batch,) = infer.encoder(doc_words)
    emissions = model(batch.word_id, batch.shape_id, batch.pad_mask)
    ours = model.head.crf.decode(emissions, ~batch.pad_mask)
    theirs = slovnets.decode(emissions, ~batch.pad_mask)
    assert [tags.tolist() for tags in ours] == [tags.tolist() for tags in theirs]
