"""Shared fixtures: natasha's models load once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quotex.i18n import set_language
from quotex.nlp import Models, load_models
from quotex.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests read English unless they ask for another language, whatever the machine's locale."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def models() -> Models:
    return load_models()


@pytest.fixture(scope="session")
def extractor(models: Models) -> Extractor:
    return Extractor(models)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return (SAMPLES / "aliyev-kazinform-interview.txt").read_text(encoding="utf-8")
