"""The JSON contract: output validates against schema.json, and every span points at its own text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from quotex.pipeline import Extractor
from quotex.records import (
    Country,
    CountryMention,
    Document,
    Entity,
    Person,
    Quote,
    Span,
    Speaker,
    SpeakerSummary,
)

FULL_TEXT = (
    "«Мы готовы к диалогу», — заявил президент России Владимир Путин на встрече в Москве.\r\n"
    "По словам источника в МИД, российская делегация прибудет в Баку в понедельник."
)


def span(text: str, piece: str, cls: type[Span] = Span, **extra: Any) -> Span:
    """The span of the first occurrence of ``piece`` in ``text``."""
    start = text.index(piece)
    return cls(text=piece, start=start, end=start + len(piece), **extra)


def full_document(source: str | None = "hand-built.txt") -> Document:
    """A document with one of everything the contract has, built by hand from the records."""
    text = FULL_TEXT
    putin = Speaker(name="Владимир Путин", type="person", role="президент России")
    direct = span(text, "Мы готовы к диалогу")
    indirect = span(text, "российская делегация прибудет в Баку в понедельник")
    return Document(
        source=source,
        text=text,
        quotes=(
            Quote(
                text=direct.text,
                start=direct.start,
                end=direct.end,
                kind="direct",
                speaker=putin,
                mention=span(text, "президент России Владимир Путин"),
                cue=span(text, "заявил"),
            ),
            Quote(
                text=indirect.text,
                start=indirect.start,
                end=indirect.end,
                kind="indirect",
                speaker=None,
                description="источник в МИД",
                cue=span(text, "По словам"),
            ),
        ),
        speakers=(SpeakerSummary(name=putin.name, type=putin.type, role=putin.role, quotes=1),),
        people=(
            Person(name="Владимир Путин", role="президент России", mentions=(span(text, "Владимир Путин"),)),
        ),
        countries=(
            Country(
                name="Россия",
                code="RU",
                mentions=(
                    span(text, "России", CountryMention, form="name"),
                    span(text, "российская", CountryMention, form="adjective"),
                ),
            ),
        ),
        organisations=(Entity(name="МИД", mentions=(span(text, "МИД"),)),),
        locations=(
            Entity(name="Москва", mentions=(span(text, "Москве"),)),
            Entity(name="Баку", mentions=(span(text, "Баку"),)),
        ),
    )


def iter_spans(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span of a document's JSON object, with a path that says where it sits."""
    for i, quote in enumerate(document["quotes"]):
        yield f"quotes[{i}]", quote
        for key in ("mention", "cue"):
            if quote[key] is not None:
                yield f"quotes[{i}].{key}", quote[key]
    for group in ("people", "countries", "organisations", "locations"):
        for i, entity in enumerate(document[group]):
            for j, mention in enumerate(entity["mentions"]):
                yield f"{group}[{i}].mentions[{j}]", mention


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(files("quotex").joinpath("schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def sample_output(extractor: Extractor, sample_text: str) -> dict[str, Any]:
    document = extractor.extract(sample_text, source="samples/aliyev-kazinform-interview.txt")
    # Through JSON text and back, as a user of the command line gets it.
    return json.loads(json.dumps(document.to_dict(), ensure_ascii=False))


def errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def test_sample_output_matches_schema(validator: Draft202012Validator, sample_output: dict[str, Any]) -> None:
    assert errors(validator, sample_output) == []


def test_sample_spans_point_at_their_text(sample_output: dict[str, Any], sample_text: str) -> None:
    wrong = [
        (where, s["text"], sample_text[s["start"] : s["end"]])
        for where, s in iter_spans(sample_output)
        if sample_text[s["start"] : s["end"]] != s["text"] or s["start"] >= s["end"]
    ]
    assert wrong == []


def test_hand_built_document_matches_schema(validator: Draft202012Validator) -> None:
    assert errors(validator, full_document().to_dict()) == []


def test_hand_built_document_has_one_of_everything() -> None:
    document = full_document().to_dict()
    kinds = {re.sub(r"\[\d+\]", "", path) for path, _ in iter_spans(document)}
    assert kinds == {
        "quotes",
        "quotes.mention",
        "quotes.cue",
        "people.mentions",
        "countries.mentions",
        "organisations.mentions",
        "locations.mentions",
    }
    assert {q["kind"] for q in document["quotes"]} == {"direct", "indirect"}
    assert any(q["speaker"] is None and q["description"] for q in document["quotes"])
    assert {m["form"] for c in document["countries"] for m in c["mentions"]} == {"name", "adjective"}
    assert all(document[group] for group in ("speakers", "people", "countries", "organisations", "locations"))


def test_hand_built_spans_point_at_their_text() -> None:
    document = full_document()
    spans = list(iter_spans(document.to_dict()))
    assert len(spans) == 11
    for where, s in spans:
        assert document.text[s["start"] : s["end"]] == s["text"], where


def test_offsets_count_crlf_as_two_characters() -> None:
    document = full_document()
    baku = document.locations[1].mentions[0]
    assert "\r\n" in document.text[: baku.start]
    assert document.text[baku.start : baku.end] == "Баку"


def broken(change: str) -> dict[str, Any]:
    document = full_document().to_dict()
    quote = document["quotes"][0]
    if change == "version 2":
        document["version"] = 2
    elif change == "extra top-level field":
        document["extra"] = 1
    elif change == "missing locations":
        del document["locations"]
    elif change == "unknown quote kind":
        quote["kind"] = "reported"
    elif change == "speaker without role key":
        del quote["speaker"]["role"]
    elif change == "negative offset":
        quote["start"] = -1
    elif change == "country mention without form":
        del document["countries"][0]["mentions"][0]["form"]
    elif change == "lower-case country code":
        document["countries"][0]["code"] = "ru"
    elif change == "empty organisation name":
        document["organisations"][0]["name"] = ""
    elif change == "extra field in a span":
        quote["cue"]["lemma"] = "заявить"
    elif change == "speaker count zero":
        document["speakers"][0]["quotes"] = 0
    else:
        raise ValueError(change)
    return document


@pytest.mark.parametrize(
    "change",
    [
        "version 2",
        "extra top-level field",
        "missing locations",
        "unknown quote kind",
        "speaker without role key",
        "negative offset",
        "country mention without form",
        "lower-case country code",
        "empty organisation name",
        "extra field in a span",
        "speaker count zero",
    ],
)
def test_schema_rejects_broken_documents(validator: Draft202012Validator, change: str) -> None:
    assert errors(validator, broken(change)) != []


@pytest.mark.parametrize("group", ["people", "countries", "organisations", "locations"])
def test_schema_requires_at_least_one_mention(validator: Draft202012Validator, group: str) -> None:
    document = full_document().to_dict()
    document[group][0]["mentions"] = []
    assert errors(validator, document) != []
