"""Quality of quotex on hand-checked data, in one run: quotes and speakers, countries, organisations.

    python benchmarks/quality.py [--nerel ../shared/corpus/nerel/dev] [--gold benchmarks/gold/quotes-dev]

- Quotes: precision, recall and F1 of quote spans against the bundled dev gold (92 quotes in 28 NEREL
  articles; matching as in ``quotes_gold.py``), speaker accuracy on matched quotes with a named gold
  speaker, and end-to-end F1 (a quote counts only with the right speaker).
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
from quotes_gold import GOLD, score
from quotex.nlp import load_models
from quotex.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
NEREL_DEV = ROOT.parent / "shared" / "corpus" / "nerel" / "dev"


def row(name: str, precision: float, recall: float, f1: float, note: str = "") -> str:
    return f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {note} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of quote gold ID.json + ID.txt")
    parser.add_argument("--nerel", type=Path, default=NEREL_DEV, help="a NEREL split folder (.txt + .ann)")
    args = parser.parse_args()
    models = load_models()
    quotes = score(args.gold, args.gold, Extractor(models)).report()
    lines = [
        "| measure | P | R | F1 | note |",
        "|---|---|---|---|---|",
        row("quotes", quotes["precision"], quotes["recall"], quotes["f1"], f"{quotes['gold']} gold quotes"),
        f"| speaker accuracy | | | {quotes['speaker_accuracy']:.3f} | matched quotes with a named speaker |",
        f"| quotes with the right speaker | | | {quotes['end_to_end_f1']:.3f} | end-to-end F1 |",
    ]
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
