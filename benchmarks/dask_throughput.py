"""Throughput of ``--dask local`` beside ``--workers N``, measured in one run on the same corpus.

    python benchmarks/dask_throughput.py [--corpus ../shared/corpus/nerel] [--workers 2] [--rounds 2]

Both runs go through the library as the command line does, minus writing JSON: every ``.txt`` file under
the corpus listed by ``iter_jobs``, then ``quotex.batch.run(jobs, workers=N)`` (N spawned processes) or
``quotex.dask.run_on_dask(jobs, "local", n_workers=N)`` (a ``LocalCluster`` of N single-threaded worker
processes). Times are wall clock from the call to the last outcome, so they include starting the
processes (and the cluster) and loading the models in each; the best of ``--rounds`` alternating rounds
is kept. Reported: characters analysed, seconds, characters per second, and whether the two runs gave
the same documents.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from quotex import batch
from quotex.dask import run_on_dask
from quotex.inputs import iter_jobs

ROOT = Path(__file__).resolve().parent.parent
NEREL = ROOT.parent / "shared" / "corpus" / "nerel"


def measure(name: str, corpus: Path, workers: int) -> tuple[float, int, list[dict]]:
    """(seconds, characters, documents) of one run."""
    jobs = iter_jobs([str(corpus)])
    started = time.perf_counter()
    if name == "dask":
        outcomes = list(run_on_dask(jobs, "local", n_workers=workers))
    else:
        outcomes = list(batch.run(jobs, workers=workers))
    seconds = time.perf_counter() - started
    failed = [outcome.error for outcome in outcomes if outcome.error]
    if failed:
        raise SystemExit(f"{name}: {len(failed)} documents failed, first: {failed[0]}")
    documents = [outcome.document.to_dict() for outcome in outcomes if outcome.document]
    characters = sum(len(outcome.document.text) for outcome in outcomes if outcome.document)
    return seconds, characters, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=NEREL, help="a folder of .txt files")
    parser.add_argument("--workers", type=int, default=2, help="worker processes in both runs")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds; the best is kept")
    arguments = parser.parse_args()
    best: dict[str, float] = {}
    results: dict[str, tuple[int, list[dict]]] = {}
    for _ in range(arguments.rounds):
        for name in ("batch", "dask"):
            seconds, characters, documents = measure(name, arguments.corpus, arguments.workers)
            best[name] = min(seconds, best.get(name, seconds))
            results[name] = characters, documents
    (characters, batch_documents), (_, dask_documents) = results["batch"], results["dask"]
    same = json.dumps(batch_documents, ensure_ascii=False) == json.dumps(dask_documents, ensure_ascii=False)
    print(f"corpus: {arguments.corpus} ({len(batch_documents)} documents, {characters} characters)")
    print("| run | seconds | characters/s |")
    print("|---|---|---|")
    labels = {
        "batch": f"--workers {arguments.workers}",
        "dask": f"--dask local ({arguments.workers} workers)",
    }
    for name in ("batch", "dask"):
        print(f"| {labels[name]} | {best[name]:.1f} | {characters / best[name]:,.0f} |")
    print(f"same documents: {same}")


if __name__ == "__main__":  # worker processes are spawned and import this file again
    main()
