"""natasha underneath: load the news models once and annotate a text with them."""

from __future__ import annotations

from dataclasses import dataclass

from natasha import (
    Doc,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)

from .morph import MorphVocab


@dataclass(frozen=True)
class Models:
    """natasha's news models and a morphology vocabulary, loaded together once."""

    segmenter: Segmenter
    morph_tagger: NewsMorphTagger
    syntax_parser: NewsSyntaxParser
    ner_tagger: NewsNERTagger
    vocab: MorphVocab


def load_models() -> Models:
    """Load the models shipped inside the natasha wheel; nothing is downloaded."""
    embedding = NewsEmbedding()
    return Models(
        segmenter=Segmenter(),
        morph_tagger=NewsMorphTagger(embedding),
        syntax_parser=NewsSyntaxParser(embedding),
        ner_tagger=NewsNERTagger(embedding),
        vocab=MorphVocab(),
    )


def annotate(text: str, models: Models) -> Doc:
    """Segment, tag morphology, parse syntax and find PER/LOC/ORG spans in ``text``.

    Token, sentence and span offsets refer to ``text`` as given.
    """
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    return doc
