"""Score quotex's quotes against hand-checked gold (benchmarks/gold/quotes-dev by default).

Matching and speaker comparison follow ``../shared/gold/score.py``, the scorer quotex is measured with,
line for line (``greedy``, ``same_word``, ``same_speaker`` below are ported from it): a predicted quote
matches a gold quote when their spans overlap by at least half of each one's length, one-to-one, largest
overlap first. Speaker accuracy counts matched quotes whose gold speaker is named: a person matches on the
surname (and the first name when both give one), an organisation on most of its words or its acronym, a
joint gold speaker "A и B" on either, and the types must agree. End-to-end F1 counts a quote only when its
speaker is right too (a null gold speaker is right when quotex gives no speaker).
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
NEWS = ROOT.parent / "shared" / "gold" / "quotes-news"
"""Unseen articles (Wikinews and NewsRU.com): read from ../shared, never copied into the project."""


@dataclass
class QuoteScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    named: int = 0
    speaker_right: int = 0
    speaker_null: int = 0
    speaker_wrong: int = 0
    end_to_end: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)
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
            **{f"recall_{kind}": hit / n if n else 0.0 for kind, (hit, n) in sorted(self.by_kind.items())},
            "named": self.named,
            "speaker_accuracy": self.speaker_right / self.named if self.named else 0.0,
            "speaker_null": self.speaker_null,
            "speaker_wrong": self.speaker_wrong,
            "wrong_rate": self.speaker_wrong / self.named if self.named else 0.0,
            "end_to_end_f1": f1(e2e_p, e2e_r),
        }


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def half_match(p: tuple[int, int], g: tuple[int, int]) -> bool:
    shared = overlap(p, g)
    return shared > 0 and shared >= 0.5 * (g[1] - g[0]) and shared >= 0.5 * (p[1] - p[0])


def greedy(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching, largest overlap first: pairs of (predicted index, gold index)."""
    candidates = sorted(
        (
            (overlap(p, g), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
            if half_match(p, g)
        ),
        reverse=True,
    )
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def words(name: str | None) -> list[str]:
    raw = re.findall(r"[\w-]+", name or "")
    return [w.lower().replace("ё", "е") for w in raw if len(w) > 1 or w.isupper()]


def same_word(a: str, b: str) -> bool:
    """Equal, or one is the other plus a short ending (Алиев ~ Алиева, not Медведев ~ Медведчук)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2


PARTICLE = re.compile(r"^(аль|эль|ибн|ад|ар|ас|аш|ан|ат)-")


def same_speaker(pred: str | None, gold: str | None, gold_type: str | None, pred_type: str | None) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if " и " in gold and any(same_speaker(pred, part, gold_type, pred_type) for part in gold.split(" и ")):
        return True
    if pred_type and gold_type and pred_type != gold_type:
        return False
    pw, gw = words(pred), words(gold)
    if not pw or not gw:
        return False
    if gold_type == "person":
        surname = PARTICLE.sub("", gw[-1])
        if not any(same_word(PARTICLE.sub("", w), surname) for w in pw):
            return False
        return (
            len(pw) < 2
            or len(gw) < 2
            or pw[0][:3] == gw[0][:3]
            or any(same_word(w, gw[0]) for w in pw)
            or (len(pw[0]) == 1 and pw[0] == gw[0][0])
        )
    hits = sum(any(same_word(w, g) for w in pw) for g in gw)
    inside = all(any(same_word(w, g) for g in gw) for w in pw)
    acronym = "".join(w[0] for w in gw if len(w) > 2)
    return (
        hits * 2 > len(gw)
        or (inside and hits * 2 >= len(gw))
        or any(w == acronym for w in pw)
        or any("".join(x[0] for x in pw if len(x) > 2) == g for g in gw)
    )


def read_text(path: Path) -> str:
    """The article as the gold's offsets count it: UTF-8, line ends as they are ("\\r\\n" kept)."""
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def score(gold_dir: Path, corpus_dir: Path, extractor: Extractor) -> QuoteScore:
    result = QuoteScore()
    paths = sorted(gold_dir.glob("*.json"))
    golds = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    texts = [read_text(corpus_dir / f"{gold['id']}.txt") for gold in golds]
    documents = extractor.extract_many(texts, [gold["id"] for gold in golds])
    for gold, document in zip(golds, documents, strict=True):
        predicted = document.to_dict()["quotes"]
        gold_quotes = gold["quotes"]
        result.gold += len(gold_quotes)
        result.predicted += len(predicted)
        pairs = greedy(
            [(q["start"], q["end"]) for q in predicted], [(q["start"], q["end"]) for q in gold_quotes]
        )
        result.matched += len(pairs)
        for g in gold_quotes:
            result.by_kind.setdefault(g["kind"], [0, 0])[1] += 1
        for i, j in pairs:
            g, p = gold_quotes[j], predicted[i]
            result.by_kind[g["kind"]][0] += 1
            name = p["speaker"]["name"] if p["speaker"] else None
            kind = p["speaker"]["type"] if p["speaker"] else None
            right = any(
                same_speaker(name, gold_name, g.get("speaker_type"), kind)
                for gold_name in [g.get("speaker"), *g.get("speaker_aliases", [])]
            )
            if g.get("speaker") is not None:
                result.named += 1
                result.speaker_right += right
                result.speaker_null += name is None
                result.speaker_wrong += name is not None and not right
            result.end_to_end += right
            if not right:
                said = name if name else f"null ({p['description']})"
                result.errors.append(
                    f"{gold['id']} speaker: gold {g.get('speaker')!r} got {said!r}: {g['text'][:60]!r}"
                )
        matched_gold = {j for _, j in pairs}
        matched_predicted = {i for i, _ in pairs}
        for j, g in enumerate(gold_quotes):
            if j not in matched_gold:
                result.errors.append(f"{gold['id']} missed {g['kind']}: {g['text'][:80]!r}")
        for i, p in enumerate(predicted):
            if i not in matched_predicted:
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
