"""The Extractor: batching documents together changes nothing in the results; numpy on one thread."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_info

from quotex import pipeline
from quotex.nlp import Models, annotate_many
from quotex.pipeline import Extractor
from quotex.threads import limited

TEXTS = [
    "Министр иностранных дел России Сергей Лавров заявил: «Мы готовы к переговорам».",
    "",
    "По словам Дмитрия Пескова, Кремль не планирует менять позицию. Об этом сообщает ТАСС.",
    "Короткая строка",
]


def test_extract_many_equals_extract_one_by_one(extractor: Extractor, sample_text: str) -> None:
    texts = [*TEXTS, sample_text]
    sources = [f"doc{i}" for i in range(len(texts))]
    together = extractor.extract_many(texts, sources)
    alone = [extractor.extract(text, source) for text, source in zip(texts, sources, strict=True)]
    assert [d.to_dict() for d in together] == [d.to_dict() for d in alone]
    assert [d.source for d in together] == sources


@pytest.mark.parametrize("long_from", [None, 60])
def test_extract_each_tells_each_document_once_as_it_is_done(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch, long_from: int | None
) -> None:
    """In order; texts long enough to go in parts (here from 60 characters) come after the others."""
    sources = [f"doc{i}" for i in range(len(TEXTS))]
    plain = extractor.extract_each(TEXTS, sources)
    if long_from is not None:
        monkeypatch.setattr(pipeline.segments, "SEGMENT_CHARS", long_from)
    told: list[int] = []
    results = extractor.extract_each(TEXTS, sources, on_each=told.append)
    assert told == ([0, 1, 2, 3] if long_from is None else [1, 3, 0, 2])
    assert [result.to_dict() for result in results] == [result.to_dict() for result in plain]


def test_empty_text_gives_an_empty_document(extractor: Extractor) -> None:
    document = extractor.extract("")
    assert document.to_dict()["quotes"] == [] and document.people == ()


def test_a_person_only_ever_inside_an_organisation_name_is_no_person(extractor: Extractor) -> None:
    document = extractor.extract(
        "Эксперт Карнеги-центра Андрей Колесников заявил, что выборы пройдут спокойно."
    )
    assert [person.name for person in document.people] == ["Андрей Колесников"]
    assert document.quotes[0].speaker.name == "Андрей Колесников"


def blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


@pytest.mark.parametrize(("numpy_threads", "inside"), [(1, "one"), (None, "as before")])
def test_numpy_runs_on_one_thread_inside_the_extractor_unless_the_caller_opts_out(
    models: Models, monkeypatch: pytest.MonkeyPatch, numpy_threads: int | None, inside: str
) -> None:
    seen: list[list[int]] = []

    def annotate_and_look(*args, **kwargs):
        seen.append(blas_threads())
        return annotate_many(*args, **kwargs)

    monkeypatch.setattr(pipeline, "annotate_many", annotate_and_look)
    before = blas_threads()
    assert before, "numpy's BLAS is not found by threadpoolctl"
    document = Extractor(models, numpy_threads=numpy_threads).extract(TEXTS[0])
    assert document.quotes
    assert seen == [[1] * len(before) if inside == "one" else before]
    assert blas_threads() == before  # the caller's setting is back


def test_overlapping_limits_restore_the_setting_only_when_the_last_ends() -> None:
    before = blas_threads()
    first, second = limited(1), limited(1)
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert blas_threads() == [1] * len(before)  # the second call is still running
    second.__exit__(None, None, None)
    assert blas_threads() == before
