"""Shared fixtures: natasha's models load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotex.nlp import Models, load_models
from quotex.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def models() -> Models:
    return load_models()


@pytest.fixture(scope="session")
def extractor(models: Models) -> Extractor:
    return Extractor(models)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return (SAMPLES / "aliyev-kazinform-interview.txt").read_text(encoding="utf-8")
