"""Cost on hostile input: characters per second per family of text at 10 KB, 100 KB and 1 MB.

    python benchmarks/adversarial.py                       # every family at every size, then 20 MB of news
    python benchmarks/adversarial.py --families nested,names --sizes 10k,100k   # a quick run
    python benchmarks/adversarial.py --families news --news-size 2m              # news alone, smaller

Each family builds text of the asked size from one pattern (``FAMILIES``); each run analyses it as one
document in a fresh process with one numpy thread, stopped after ``--limit`` seconds. The table gives
characters per second, the 1 MB / 10 KB ratio (linear cost keeps it near 1; the goal is at least 0.5) and
each run's peak memory. The ``news`` family joins NEREL articles (``--nerel``, read at run time) into one
text of ``--news-size`` (20 MB by default) and is measured the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEREL_TRAIN = ROOT.parent / "shared" / "corpus" / "nerel" / "train"
SINGLE_THREAD = {
    name: "1"
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
}
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def reported(size: int) -> str:
    """One line of repeated "X заявил, что ... и добавил: «...»"."""
    unit = (
        "Министр Иванов заявил, что правительство готово к переговорам с соседями и добавил: "
        "«Мы не отступим от своих обязательств». "
    )
    return _repeat(unit, size)


def short_lines(size: int) -> str:
    """Short lines "Путин заявил"."""
    return _repeat("Путин заявил\n", size)


def open_quotes(size: int) -> str:
    """ "Петров сказал: " and thousands of opening «."""
    return _repeat("Петров сказал: " + "«" * 2000 + " ", size)


def nested(size: int) -> str:
    """Quotes inside quotes, as deep as the size allows: «Он сказал: „Она ответила: «...»“»."""
    opening = ["Иван сказал: «", "Мария ответила: „", "он повторил: “"]
    closing = ["»", "“", "”"]
    depth = size // 18
    parts = [opening[level % 3] for level in range(depth)]
    parts.append("мы готовы.")
    parts.extend(closing[level % 3] for level in reversed(range(depth)))
    return "".join(parts)[:size]


def no_sentence_end(size: int) -> str:
    """One paragraph with no sentence end."""
    unit = "и министр Петров сказал, что погода в регионе остается хорошей, а урожай будет большим, "
    return _repeat(unit, size)


def one_word_lines(size: int) -> str:
    """One-word lines (100,000 of them at 1 MB)."""
    words = ["Москва", "заявил", "«да»", "Путин", "сказал:", "—", "новости"]
    lines, length, index = [], 0, 0
    while length < size:
        word = words[index % len(words)]
        lines.append(word)
        length += len(word) + 1
        index += 1
    return "\n".join(lines)[:size]


def names(size: int) -> str:
    """A name repeated (50,000 times at 1 MB)."""
    return _repeat("Владимир Путин ", size)


def news(size: int, nerel: Path = NEREL_TRAIN) -> str:
    """Ordinary news: NEREL articles joined with blank lines, repeated until ``size``."""
    articles = [path.read_text(encoding="utf-8") for path in sorted(nerel.glob("*.txt"))]
    if not articles:
        raise SystemExit(f"no NEREL articles in {nerel}")
    parts, length = [], 0
    while length < size:
        for article in articles:
            parts.append(article.strip())
            length += len(parts[-1]) + 2
            if length >= size:
                break
    return "\n\n".join(parts)[:size]


FAMILIES: dict[str, Callable[[int], str]] = {
    "reported": reported,
    "short_lines": short_lines,
    "open_quotes": open_quotes,
    "nested": nested,
    "no_sentence_end": no_sentence_end,
    "one_word_lines": one_word_lines,
    "names": names,
}


def parse_size(value: str) -> int:
    value = value.strip().lower()
    if value in SIZES:
        return SIZES[value]
    scale = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    return int(float(value.rstrip("km")) * scale)


def child(family: str, size: int, nerel: Path) -> None:
    """Analyse one text in this process and print one JSON line: characters, seconds, quotes."""
    from quotex.pipeline import Extractor

    text = news(size, nerel) if family == "news" else FAMILIES[family](size)
    extractor = Extractor()
    extractor.extract("Путин заявил, что погода хорошая.")  # models loaded and warm
    started = time.perf_counter()
    document = extractor.extract(text)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: kilobytes
    print(
        json.dumps(
            {"chars": len(text), "seconds": seconds, "quotes": len(document.quotes), "peak_kb": peak_kb}
        )
    )


def measure(family: str, size: int, limit: float, nerel: Path) -> dict:
    """Run ``child`` in a fresh single-threaded process, which reports its own peak memory."""
    command = [sys.executable, __file__, "--child", family, "--size", str(size), "--nerel", str(nerel)]
    env = {**os.environ, **SINGLE_THREAD}
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f">{limit:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": f"exit {done.returncode}: {last[:60]}"}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["rate"] = result["chars"] / max(result["seconds"], 1e-9)
    result["peak_mb"] = result["peak_kb"] / 1024
    return result


def _cell(result: dict | None) -> str:
    if result is None:
        return ""
    if "error" in result:
        return result["error"]
    return f"{result['rate'] / 1000:.1f} k/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", default=",".join([*FAMILIES, "news"]), help="comma-separated")
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k,100k,1m or any size")
    parser.add_argument("--news-size", default="20m", help="size of the joined news text")
    parser.add_argument("--limit", type=float, default=600, help="seconds before a run is stopped")
    parser.add_argument("--nerel", type=Path, default=NEREL_TRAIN, help="NEREL folder of .txt articles")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size, args.nerel)
        return
    families = [name.strip() for name in args.families.split(",") if name.strip()]
    sizes = [parse_size(size) for size in args.sizes.split(",")]
    labels = [size for size in args.sizes.split(",")]
    print(f"| family | {' | '.join(labels)} | ratio last/first | peak MB (last) |")
    print(f"|---|{'---|' * len(sizes)}---|---|")
    for family in families:
        if family == "news":
            continue
        results = []
        for size in sizes:
            results.append(measure(family, size, args.limit, args.nerel))
            print(f"  {family} {size}: {json.dumps(results[-1])}", file=sys.stderr, flush=True)
        first, last = results[0], results[-1]
        ratio = f"{last['rate'] / first['rate']:.2f}" if "rate" in first and "rate" in last else ""
        peak = f"{last['peak_mb']:.0f}" if last.get("peak_mb") else ""
        print(f"| {family} | {' | '.join(_cell(r) for r in results)} | {ratio} | {peak} |", flush=True)
    if "news" in families:
        size = parse_size(args.news_size)
        result = measure("news", size, args.limit, args.nerel)
        peak = f"{result['peak_mb']:.0f}" if result.get("peak_mb") else ""
        print(f"\nnews, {size / 1e6:.1f} MB of NEREL articles in one text: {_cell(result)}, peak {peak} MB")


if __name__ == "__main__":
    main()
