"""Speed and memory of quotex against bare natasha, measured in one run on the same texts.

    python benchmarks/throughput.py [--corpus ../shared/corpus/nerel] [--rounds 2] [--workers 2]

Each measurement runs in a fresh Python process (so peak memory is its own), the bare-natasha and
quotex runs alternating for ``--rounds`` rounds; the best time of each is kept. Reported:

- bare natasha: one ``Doc`` per text, segment + morphology + syntax + NER, as natasha's README does it;
- quotex with one worker and with ``--workers`` worker processes: every ``.txt`` file read, decoded and
  analysed through ``quotex.batch.run`` (what ``quotex corpus/ -f jsonl`` does, minus writing JSON),
  model loading included;
- the machine's own ceiling for that parallel run: ``--workers`` independent one-worker runs started
  together, each on its share of the files (every N-th), timed until the last ends. On a shared machine
  a core runs slower while the others are busy, so N workers can never beat this; the batch's own cost
  of parallelism is the gap between the two;
- quotex as a library: ``Extractor().extract_many`` over the texts, 32 at a time, in a process started
  without any thread setting (numpy's BLAS would take a thread per core): its CPU time against the
  one-worker run's shows what a library caller pays;
- characters per second, the ratios (quotex 1 worker / natasha, N workers / 1 worker), peak resident
  memory per process (per worker process for N workers);
- ``quotex --help`` wall time and the time to the first result for one short file, model load included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from quotex.batch import SINGLE_THREADED

ROOT = Path(__file__).resolve().parent.parent
NEREL = ROOT.parent / "shared" / "corpus" / "nerel"
SHORT = ROOT / "samples" / "aliyev-kazinform-interview.txt"
LIBRARY_BATCH = 32


def corpus_files(corpus: Path, limit: int | None, share: str | None = None) -> list[Path]:
    """The corpus's files, the first ``limit``; with ``share`` "K/N", every N-th of them from the K-th."""
    files = sorted(path for path in corpus.rglob("*.txt") if not path.name.startswith("."))
    files = files[:limit] if limit else files
    if share:
        first, step = map(int, share.split("/"))
        files = files[first::step]
    return files


def measure_natasha(files: list[Path]) -> dict:
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    started = time.perf_counter()
    embedding = NewsEmbedding()
    segmenter, morph = Segmenter(), NewsMorphTagger(embedding)
    syntax, ner = NewsSyntaxParser(embedding), NewsNERTagger(embedding)
    loaded = time.perf_counter()
    characters = 0
    for path in files:
        text = path.read_bytes().decode("utf-8")
        characters += len(text)
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
    done = time.perf_counter()
    return {"seconds": done - started, "load": loaded - started, "characters": characters}


def measure_quotex(files: list[Path], workers: int) -> dict:
    from quotex.batch import run
    from quotex.inputs import iter_jobs

    started = time.perf_counter()
    characters = documents = quotes = failed = 0
    for outcome in run(iter_jobs([str(path) for path in files]), workers=workers):
        if outcome.document is None:
            failed += 1
            continue
        documents += 1
        characters += len(outcome.document.text)
        quotes += len(outcome.document.quotes)
    done = time.perf_counter()
    return {
        "seconds": done - started,
        "characters": characters,
        "documents": documents,
        "quotes": quotes,
        "failed": failed,
    }


def measure_library(files: list[Path]) -> dict:
    from quotex import Extractor

    started = time.perf_counter()
    extractor = Extractor()
    characters = quotes = 0
    for at in range(0, len(files), LIBRARY_BATCH):
        texts = [path.read_bytes().decode("utf-8") for path in files[at : at + LIBRARY_BATCH]]
        characters += sum(map(len, texts))
        quotes += sum(len(document.quotes) for document in extractor.extract_many(texts))
    done = time.perf_counter()
    return {"seconds": done - started, "characters": characters, "documents": len(files), "quotes": quotes}


def child(mode: str, corpus: Path, limit: int | None, workers: int, share: str | None) -> None:
    """Run one measurement in this process and print it as JSON."""
    files = corpus_files(corpus, limit, share)
    if mode == "natasha":
        result = measure_natasha(files)
    elif mode == "library":
        result = measure_library(files)
    else:
        result = measure_quotex(files, workers)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime  # this process only (workers are not in it)
    result["peak_mb"] = usage.ru_maxrss / 1024
    result["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


def spawn(mode: str, args: argparse.Namespace, workers: int = 1) -> dict:
    output = subprocess.run(
        _command(mode, args, workers), check=True, capture_output=True, text=True, env=_environment(mode)
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def spawn_shares(args: argparse.Namespace) -> dict:
    """``args.workers`` one-worker runs at once, each on its share of the files: the wall time until the
    last ends, and their characters together."""
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [*_command("quotex", args, 1), "--share", f"{share}/{args.workers}"],
            stdout=subprocess.PIPE,
            text=True,
            env=_environment("quotex"),
        )
        for share in range(args.workers)
    ]
    results = []
    for process in processes:
        output, _ = process.communicate()
        if process.returncode:
            raise subprocess.CalledProcessError(process.returncode, process.args)
        results.append(json.loads(output.strip().splitlines()[-1]))
    return {
        "seconds": time.perf_counter() - started,
        "characters": sum(result["characters"] for result in results),
        "peak_mb": max(result["peak_mb"] for result in results),
    }


def _environment(mode: str) -> dict[str, str]:
    # One numpy thread in every run, as quotex's worker processes have: the comparison is per core. The
    # library run starts as a plain Python process does, with numpy's own default.
    if mode == "library":
        return {name: value for name, value in os.environ.items() if name not in SINGLE_THREADED}
    return {**os.environ, **{name: "1" for name in SINGLE_THREADED}}


def _command(mode: str, args: argparse.Namespace, workers: int) -> list[str]:
    command = [
        sys.executable,
        __file__,
        "--child",
        mode,
        "--corpus",
        str(args.corpus),
        "--workers",
        str(workers),
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    return command


def wall(command: list[str], repeat: int) -> float:
    """Median wall time of a command."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=NEREL, help="a folder of .txt files (searched recursively)"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds; the best time is kept")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the parallel run")
    parser.add_argument("--child", choices=["natasha", "quotex", "library"], help=argparse.SUPPRESS)
    parser.add_argument("--share", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus, args.limit, args.workers, args.share)
        return

    runs: dict[str, list[dict]] = {
        "natasha": [],
        "quotex-1": [],
        f"quotex-{args.workers}": [],
        "shares": [],
        "library": [],
    }
    for _ in range(args.rounds):
        runs["natasha"].append(spawn("natasha", args))
        runs["quotex-1"].append(spawn("quotex", args, 1))
        runs[f"quotex-{args.workers}"].append(spawn("quotex", args, args.workers))
        runs["shares"].append(spawn_shares(args))
        runs["library"].append(spawn("library", args))
    best = {name: min(results, key=lambda r: r["seconds"]) for name, results in runs.items()}
    speed = {name: r["characters"] / r["seconds"] for name, r in best.items()}
    quotex = [str(Path(sys.executable).with_name("quotex"))]
    help_seconds = wall([*quotex, "--help"], 5)
    first_seconds = wall([*quotex, str(SHORT), "-f", "json"], 3)

    parallel = f"quotex-{args.workers}"
    print(
        f"corpus: {args.corpus} ({best['natasha']['characters']:,} characters, "
        f"{best['quotex-1']['documents']} documents, best of {args.rounds} rounds)\n"
    )
    print("| run | seconds | characters/s | ratio | peak memory per process |")
    print("|---|---|---|---|---|")
    print(
        f"| bare natasha (one Doc per text) | {best['natasha']['seconds']:.1f} | {speed['natasha']:,.0f} |"
        f" 1.00 | {best['natasha']['peak_mb']:.0f} MB |"
    )
    print(
        f"| quotex, 1 worker | {best['quotex-1']['seconds']:.1f} | {speed['quotex-1']:,.0f} |"
        f" {speed['quotex-1'] / speed['natasha']:.2f} × natasha | {best['quotex-1']['peak_mb']:.0f} MB |"
    )
    print(
        f"| quotex, {args.workers} workers | {best[parallel]['seconds']:.1f} | {speed[parallel]:,.0f} |"
        f" {speed[parallel] / speed['quotex-1']:.2f} × 1 worker | {best[parallel]['worker_peak_mb']:.0f} MB"
        f" per worker |"
    )
    print(
        f"| {args.workers} independent 1-worker runs at once, each on 1/{args.workers} of the files (the"
        f" machine's ceiling) | {best['shares']['seconds']:.1f} | {speed['shares']:,.0f} |"
        f" {speed['shares'] / speed['quotex-1']:.2f} × 1 worker | {best['shares']['peak_mb']:.0f} MB |"
    )
    cpu_ratio = best["natasha"]["cpu_seconds"] / best["quotex-1"]["cpu_seconds"]
    print(
        f"\nCPU time, 1 worker: natasha {best['natasha']['cpu_seconds']:.1f} s, quotex "
        f"{best['quotex-1']['cpu_seconds']:.1f} s, {cpu_ratio:.2f} × natasha's speed per core "
        "(less sensitive than wall time to a busy machine)"
    )
    library_cpu = min(r["cpu_seconds"] for r in runs["library"])
    worker_cpu = min(r["cpu_seconds"] for r in runs["quotex-1"])
    print(
        f"CPU time as a library (extract_many, no thread setting in the environment): {library_cpu:.1f} s, "
        f"{library_cpu / worker_cpu:.2f} × the 1-worker run's {worker_cpu:.1f} s (least of each)"
    )
    print(
        f"quotex --help: {help_seconds:.2f} s; first result for {SHORT.name} (models loaded): "
        f"{first_seconds:.2f} s; quotes found: {best['quotex-1']['quotes']}"
    )


if __name__ == "__main__":
    main()
