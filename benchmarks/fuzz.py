"""The long fuzz campaign: the properties of ``tests/test_fuzz.py`` on many more hostile texts.

    python benchmarks/fuzz.py --examples 100000      # the whole campaign
    python benchmarks/fuzz.py --examples 2000 --seed 7

Texts come from ``tests/strategies.py`` (the same strategies as the test suite); each is analysed alone
and checked with ``check_document``, and every tenth also in a batch with the two before it. The campaign
runs in rounds of ``--round`` examples, each with its own seed, so that a failure (shrunk by hypothesis to
a small text) is reported and the campaign goes on. It prints the count of examples and every failure.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, given, seed, settings

from quotex.pipeline import Extractor
from strategies import check_document, ordinary, texts


def campaign(examples: int, round_size: int, first_seed: int) -> tuple[int, list[str]]:
    extractor = Extractor()
    count, failures, recent = 0, [], []
    for number in range((examples + round_size - 1) // round_size):
        size = min(round_size, examples - number * round_size)

        @seed(first_seed + number)
        @settings(max_examples=size, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(text=texts())
        def one(text: str) -> None:
            nonlocal count
            count += 1
            document = extractor.extract(text)
            check_document(text, document)
            recent.append(text)
            # a run-on sentence may tip a near tie in the parser with what shares its batch (see
            # tests/test_fuzz.py, LONGEST_POOLED_SENTENCE): the batch check takes ordinary texts
            if count % 10 == 0 and len(recent) >= 3 and all(ordinary(t) for t in recent[-3:]):
                together = extractor.extract_many(recent[-3:])
                assert together[-1].to_dict() == document.to_dict(), "different in a batch"

        try:
            one()
        except Exception as error:  # a failure, shrunk by hypothesis: report it and go on
            failures.append(f"round {number} (seed {first_seed + number}): {type(error).__name__}: {error}")
            print(failures[-1], file=sys.stderr)
            traceback.print_exc(limit=3)
        print(f"{count} examples, {len(failures)} failures", file=sys.stderr, flush=True)
    return count, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--round", type=int, default=1000, help="examples per round (one seed each)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first round")
    args = parser.parse_args()
    started = time.perf_counter()
    count, failures = campaign(args.examples, args.round, args.seed)
    print(f"{count} examples in {time.perf_counter() - started:.0f} s, {len(failures)} failures")
    for failure in failures:
        print(failure)


if __name__ == "__main__":
    main()
