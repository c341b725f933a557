"""Quality of quotex on hand-checked data, in one run: quotes and speakers, countries, organisations.

    python benchmarks/quality.py [--nerel ../shared/corpus/nerel/dev] [--gold benchmarks/gold/quotes-dev]

- Quotes: precision, recall and F1 of quote spans against the bundled dev gold (92 quotes in 28 NEREL
  articles) and, when ``../shared`` is there, the unseen ``quotes-news`` gold (413 quotes in 59 Wikinews
  and NewsRU.com articles); matching as in ``../shared/gold/score.py`` (``quotes_gold.py``). Recall of
  direct and indirect quotes apart, speaker accuracy on matched quotes with a named gold speaker, how many
  of those get no speaker and how many a wrong one, and end-to-end F1 (quote and speaker right).
- Countries: mention P/R/F1 against NEREL COUNTRY spans, names and adjectives apart
  (``nerel_countries.py``).
- Organisations: mention P/R/F1 against NEREL ORGANIZATION spans, exact and relaxed
  (``nerel_organisations.py``).

The NEREL folder is not part of the project (840 articles); point ``--nerel`` at a split of it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nerel_countries import score_countries
from nerel_organisations import score_organisations
from quotes_gold import GOLD, NEWS, score
from quotex.nlp import load_models
from quotex.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
NEREL_DEV = ROOT.parent / "shared" / "corpus" / "nerel" / "dev"


def row(name: str, precision: float, recall: float, f1: float, note: str = "") -> str:
    return f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {note} |"


def quote_rows(name: str, q: dict) -> list[str]:
    return [
        row(f"quotes, {name}", q["precision"], q["recall"], q["f1"], f"{q['gold']} gold quotes"),
        f"| recall by kind, {name} | | | | "
        f"direct {q['recall_direct']:.3f}, indirect {q['recall_indirect']:.3f} |",
        f"| speaker accuracy, {name} | | | {q['speaker_accuracy']:.3f} | {q['named']} matched quotes with a "
        f"named speaker: {q['speaker_null']} null, {q['speaker_wrong']} wrong ({q['wrong_rate']:.3f}) |",
        f"| quotes with the right speaker, {name} | | | {q['end_to_end_f1']:.3f} | end-to-end F1 |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of quote gold ID.json + ID.txt")
    parser.add_argument("--news", type=Path, default=NEWS, help="a second gold folder, scored when present")
    parser.add_argument("--nerel", type=Path, default=NEREL_DEV, help="a NEREL split folder (.txt + .ann)")
    args = parser.parse_args()
    models = load_models()
    lines = ["| measure | P | R | F1 | note |", "|---|---|---|---|---|"]
    for gold in (args.gold, args.news):
        if gold.is_dir():
            lines.extend(quote_rows(gold.name, score(gold, gold, Extractor(models)).report()))
        else:
            lines.append(f"| quotes | | | | no gold folder at {gold} |")
    if args.nerel.is_dir():
        countries = score_countries(args.nerel, models)
        organisations = score_organisations(args.nerel, models)
        for form in ("name", "adjective"):
            c = countries[form]
            lines.append(
                row(f"country mentions, {form}", c["precision"], c["recall"], c["f1"], "NEREL, exact")
            )
        for match in ("exact", "relaxed"):
            o = organisations[match]
            lines.append(
                row(f"organisation mentions, {match}", o["precision"], o["recall"], o["f1"], "NEREL")
            )
    else:
        lines.append(f"| countries, organisations | | | | no NEREL folder at {args.nerel} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
