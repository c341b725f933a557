"""natasha's models: each loaded when first needed, the embedding in its light form."""

from __future__ import annotations

import numpy as np
from natasha import NewsEmbedding

from quotex.nlp import Models, annotate_many, news_embedding
from quotex.pipeline import Extractor

TEXT = "Министр иностранных дел России Сергей Лавров заявил: «Мы готовы к переговорам»."


def test_the_light_embedding_gives_the_taggers_what_natashas_does() -> None:
    light, full = news_embedding(), NewsEmbedding()
    assert light.meta.id == full.meta.id
    assert np.array_equal(light.pq.indexes, full.pq.indexes)
    assert np.array_equal(light.pq.codes, full.pq.codes)


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
