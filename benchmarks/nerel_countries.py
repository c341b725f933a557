"""Score country mentions against NEREL's COUNTRY annotation.

Run from the project root: ``python benchmarks/nerel_countries.py [--corpus DIR] [--errors]``.

Gold: every COUNTRY span of the ``.ann`` files (discontinuous spans are taken from their first start to
their last end). A gold span is an *adjective* mention when its last word is an adjective for pymorphy
("российской", "Всекитайского", "Российской" in "Российской академии") or when it is the first part of a
hyphenated compound ("российско" in "российско-британской"); every other span is a *name* mention
("России", "РФ", "Мали", "Южная Корея"). Predicted mentions carry ``form`` themselves. Both are scored by
exact span: (a) names, the headline figure, and (b) adjectives, reported only.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotex.entities.countries import find_places
from quotex.morph import MorphVocab
from quotex.nlp import Models, annotate, load_models

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "nerel" / "dev"
ADJECTIVE_POS = {"ADJF", "ADJS", "PRTF"}


@dataclass(frozen=True)
class Article:
    """One NEREL article: its text and gold COUNTRY spans as (start, end)."""

    name: str
    text: str
    gold: tuple[tuple[int, int], ...]


def read_corpus(corpus_dir: Path) -> Iterator[Article]:
    """The articles of a NEREL split, in file-name order."""
    for ann in sorted(corpus_dir.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        gold = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if not line.startswith("T") or len(cells) < 3:
                continue
            kind, _, offsets = cells[1].partition(" ")
            if kind == "COUNTRY":
                pieces = [piece.split() for piece in offsets.split(";")]
                gold.append((int(pieces[0][0]), int(pieces[-1][1])))
        yield Article(ann.stem, text, tuple(sorted(set(gold))))


def is_adjective(text: str, start: int, end: int, vocab: MorphVocab) -> bool:
    """The rule that splits gold spans into adjective and name mentions (see the module docstring)."""
    words = text[start:end].strip("«»\"' ").split()
    if not words:
        return False
    if text[end : end + 1] == "-" and words[-1].endswith(("о", "е")):
        return True
    return vocab(words[-1])[0].tag.POS in ADJECTIVE_POS


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "predicted": predicted,
        "gold": gold,
    }


def score_countries(corpus_dir: Path, models: Models, errors: bool = False) -> dict[str, Any]:
    """Precision, recall and F1 of name and adjective country mentions over a NEREL split.

    With ``errors`` the result also lists, per form, the missed gold and the spurious predicted spans.
    """
    counts = {form: {"tp": 0, "predicted": 0, "gold": 0} for form in ("name", "adjective")}
    mistakes: dict[str, list[str]] = {"name": [], "adjective": []}
    articles = 0
    started = time.perf_counter()
    for article in read_corpus(corpus_dir):
        articles += 1
        doc = annotate(article.text, models)
        countries, _ = find_places(doc, models.vocab)
        for form in ("name", "adjective"):
            gold = {
                (start, end)
                for start, end in article.gold
                if is_adjective(article.text, start, end, models.vocab) == (form == "adjective")
            }
            predicted = {
                (mention.start, mention.end)
                for country in countries
                for mention in country.mentions
                if mention.form == form
            }
            counts[form]["tp"] += len(gold & predicted)
            counts[form]["predicted"] += len(predicted)
            counts[form]["gold"] += len(gold)
            if errors:
                for label, spans in (("missed", gold - predicted), ("spurious", predicted - gold)):
                    for start, end in sorted(spans):
                        context = article.text[max(0, start - 40) : end + 40].replace("\n", " ")
                        mistakes[form].append(
                            f"{label}\t{article.name}\t{article.text[start:end]}\t{context}"
                        )
    result: dict[str, Any] = {form: prf(**count) for form, count in counts.items()}
    result["articles"] = articles
    result["seconds"] = time.perf_counter() - started
    if errors:
        result["errors"] = mistakes
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a NEREL split folder")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious mentions")
    args = parser.parse_args()
    result = score_countries(args.corpus, load_models(), errors=args.errors)
    if args.errors:
        for form, lines in result["errors"].items():
            for line in lines:
                print(f"{form}\t{line}")
    print(f"{result['articles']} articles in {result['seconds']:.1f}s ({args.corpus})")
    for form in ("name", "adjective"):
        s = result[form]
        print(
            f"{form:9}  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
            f"  (tp {s['tp']}, predicted {s['predicted']}, gold {s['gold']})"
        )


if __name__ == "__main__":
    main()
