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
from natasha.doc import DocSent

from .morph import MorphVocab

LINE_BREAK = "\n"


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
    doc.sents = split_at_line_breaks(doc)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    return doc


def split_at_line_breaks(doc: Doc) -> list[DocSent]:
    """razdel keeps lines without final punctuation (headlines, datelines) in the next sentence;
    in news a line break always ends a sentence, so split there before tagging and parsing."""
    sents: list[DocSent] = []
    for sent in doc.sents:
        group: list = []
        for token in sent.tokens:
            if group and LINE_BREAK in doc.text[group[-1].stop : token.start]:
                sents.append(_sent(doc.text, group))
                group = []
            group.append(token)
        if group:
            sents.append(_sent(doc.text, group))
    return sents


def _sent(text: str, tokens: list) -> DocSent:
    start, stop = tokens[0].start, tokens[-1].stop
    return DocSent(start, stop, text[start:stop], tokens=tokens)
