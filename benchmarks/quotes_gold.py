"""Score quotex's quotes against hand-checked gold (benchmarks/gold/quotes-dev by default).

Matching follows gold/README.md: a predicted quote matches a gold quote when their spans overlap by at
least half of each one's length, one-to-one, largest overlap first. Speaker accuracy counts matched
quotes whose gold speaker is named: a person matches on the surname, an organisation on most of its
words or its acronym. End-to-end F1 counts a quote only when its speaker is right too (a null gold
speaker is right when quotex gives no speaker).
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from quotex.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "quotes-dev"


@dataclass
class QuoteScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    named: int = 0
    speaker_right: int = 0
    end_to_end: int = 0
    errors: list[str] = field(default_factory=list)

    def report(self) -> dict[str, float]:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        e2e_p = self.end_to_end / self.predicted if self.predicted else 0.0
        e2e_r = self.end_to_end / self.gold if self.gold else 0.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": precision,
            "recall": recall,
            "f1": f1(precision, recall),
            "speaker_accuracy": self.speaker_right / self.named if self.named else 0.0,
            "end_to_end_f1": f1(e2e_p, e2e_r),
        }


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    pairs = []
    for g in gold:
        for p in predicted:
            shared = overlap(g, p)
            if shared >= 0.5 * (g["end"] - g["start"]) and shared >= 0.5 * (p["end"] - p["start"]):
                pairs.append((shared, id(g), id(p), g, p))
    pairs.sort(key=lambda pair: -pair[0])
    used_gold, used_predicted, matched = set(), set(), []
    for _, gid, pid, g, p in pairs:
        if gid in used_gold or pid in used_predicted:
            continue
        used_gold.add(gid)
        used_predicted.add(pid)
        matched.append((g, p))
    return matched


def words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-«»\"().,]+", name.lower().replace("ё", "е")) if w]


def speaker_right(gold: dict, predicted: dict | None) -> bool:
    if gold.get("speaker") is None:
        return predicted is None
    if predicted is None:
        return False
    gold_words, predicted_words = words(gold["speaker"]), words(predicted["name"])
    if gold.get("speaker_type") == "person":
        return (
            any(w[:5] in " ".join(predicted_words) for w in gold_words[-1:]) and predicted["type"] == "person"
        )
    acronym = "".join(w[0] for w in gold_words)
    shared = sum(any(w[:5] == p[:5] for p in predicted_words) for w in gold_words)
    return (
        shared * 2 > len(gold_words) or acronym in predicted_words or "".join(predicted_words) in gold_words
    )


def score(gold_dir: Path, corpus_dir: Path, extractor: Extractor) -> QuoteScore:
    result = QuoteScore()
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (corpus_dir / f"{gold['id']}.txt").read_text(encoding="utf-8")
        predicted = extractor.extract(text, gold["id"]).to_dict()["quotes"]
        result.gold += len(gold["quotes"])
        result.predicted += len(predicted)
        pairs = match(gold["quotes"], predicted)
        result.matched += len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        matched_predicted = {id(p) for _, p in pairs}
        for g, p in pairs:
            right = speaker_right(g, p["speaker"])
            if g.get("speaker"):
                result.named += 1
                result.speaker_right += right
            result.end_to_end += right
            if not right:
                said = p["speaker"]["name"] if p["speaker"] else f"null ({p['description']})"
                result.errors.append(
                    f"{gold['id']} speaker: gold {g.get('speaker')!r} got {said!r}: {g['text'][:60]!r}"
                )
        for g in gold["quotes"]:
            if id(g) not in matched_gold:
                result.errors.append(f"{gold['id']} missed {g['kind']}: {g['text'][:80]!r}")
        for p in predicted:
            if id(p) not in matched_predicted:
                result.errors.append(f"{gold['id']} extra {p['kind']}: {p['text'][:80]!r}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of ID.json gold files")
    parser.add_argument("--corpus", type=Path, default=GOLD, help="folder of the ID.txt articles")
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and wrong speaker")
    args = parser.parse_args()
    result = score(args.gold, args.corpus, Extractor())
    if args.errors:
        print("\n".join(result.errors))
    for key, value in result.report().items():
        print(f"{key:18} {value:.3f}" if isinstance(value, float) else f"{key:18} {value}")


if __name__ == "__main__":
    main()
