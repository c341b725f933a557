"""Quote quality on the bundled dev gold stays at or above the targets (a guard, not a tuning aid)."""

from __future__ import annotations

import sys
from pathlib import Path

from quotex.pipeline import Extractor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from quotes_gold import GOLD, score

TARGET = 0.85


def test_quote_f1_and_speaker_accuracy_meet_the_targets(extractor: Extractor) -> None:
    report = score(Path(GOLD), Path(GOLD), extractor).report()
    assert report["gold"] == 92
    assert report["f1"] >= TARGET
    assert report["speaker_accuracy"] >= TARGET
