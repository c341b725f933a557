"""The motivating article end to end, against its hand-checked gold (samples/*.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotex.pipeline import Extractor
from quotex.records import Document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((SAMPLES / "aliyev-kazinform-interview.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(extractor: Extractor, sample_text: str) -> Document:
    return extractor.extract(sample_text, "samples/aliyev-kazinform-interview.txt")


def test_four_quotes_with_the_gold_kinds_and_spans(result: Document, gold: dict) -> None:
    found = [(q.kind, q.start, q.end) for q in result.quotes]
    assert found == [(q["kind"], q["start"], q["end"]) for q in gold["quotes"]]


def test_every_quote_is_aliyevs_as_president_of_azerbaijan(result: Document) -> None:
    speakers = {(q.speaker.name, q.speaker.type, q.speaker.role) for q in result.quotes if q.speaker}
    assert speakers == {("Ильхам Алиев", "person", "президент Азербайджана")}
    assert [(s.name, s.quotes) for s in result.speakers] == [("Ильхам Алиев", 4)]


def test_speaker_mentions_are_the_words_the_text_uses(result: Document, sample_text: str) -> None:
    mentions = [q.mention.text for q in result.quotes if q.mention]
    assert mentions == ["президент Азербайджана Ильхам Алиев", "президент", "президент", "Он"]
    for quote in result.quotes:
        assert quote.mention is not None and quote.cue is not None
        assert sample_text[quote.mention.start : quote.mention.end] == quote.mention.text
        assert sample_text[quote.cue.start : quote.cue.end] == quote.cue.text


def test_countries_by_name_are_azerbaijan_and_kazakhstan(result: Document) -> None:
    by_name = {c.code: c.name for c in result.countries if any(m.form == "name" for m in c.mentions)}
    assert by_name == {"AZ": "Азербайджан", "KZ": "Казахстан"}


def test_organisations_include_the_gold_ones(result: Document, gold: dict) -> None:
    names = {o.name for o in result.organisations}
    assert set(gold["organisations"]) <= names


def test_people_are_merged_with_nominative_names(result: Document, gold: dict) -> None:
    assert [p.name for p in result.people] == gold["people"]
    tokayev = result.people[1]
    assert tokayev.role == "президент Казахстана"
    assert [m.text for m in tokayev.mentions] == [
        "Касым-Жомарта Кемелевича Токаева",
        "Касым-Жомарт Кемелевич Токаев",
    ]
