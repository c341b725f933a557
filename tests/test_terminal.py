"""quotex in a real pseudo-terminal, stdout and stderr on one screen: the progress bar never leaves a trace
among the results.

The bytes quotex writes to the terminal are played on a terminal emulator (pyte); the final screen must
hold exactly what the same run prints to a pipe, plus the closing line. A stand-in extractor (slow
enough for the bar to be drawn many times) keeps the runs short; one run uses natasha's models.
"""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import textwrap
from pathlib import Path

import pyte
import pytest

TESTS = Path(__file__).resolve().parent
COLUMNS = 160
ROWS = 2000
CLOSING = re.compile(r"quotex: \d+ documents, \d+ failed, \d+ quotes, \d+\.\d s")
BAR = ("loading models", "analysing", "docs/s", " left")

DRIVER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from quotex import cli
    from test_schema import full_document

    class Slow:
        def __init__(self):
            time.sleep(0.5)  # models loading

        def extract_each(self, texts, sources, *, timeout=None, on_each=None):
            for index in range(len(texts)):
                time.sleep(0.06)
                if on_each is not None:
                    on_each(index)  # the bar moves a document at a time, between the results
            return [full_document(source) for source in sources]

    if {fake!r}:
        cli.make_extractor = Slow
    sys.argv = ["quotex", *sys.argv[1:]]
    cli.main()
    """
)


def driver(fake: bool) -> str:
    return DRIVER.format(tests=str(TESTS), fake=fake)


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES"}}
    return {**env, "TERM": "xterm-256color", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", **extra}


def in_terminal(args: list[str], *, fake: bool = True) -> bytes:
    """Everything quotex writes to a terminal it has as stdin, stdout and stderr."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, COLUMNS, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-c", driver(fake), *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=environment(),
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other side is closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks)


def in_pipe(args: list[str], *, fake: bool = True) -> bytes:
    """What the same run writes to a pipe, coloured as at a terminal, at the terminal's width."""
    completed = subprocess.run(
        [sys.executable, "-c", driver(fake), *args, "--quiet"],
        capture_output=True,
        env=environment(FORCE_COLOR="1", COLUMNS=str(COLUMNS)),
        timeout=120,
        check=True,
    )
    return completed.stdout.replace(b"\n", b"\r\n")  # as the terminal's line discipline writes it


def screen(data: bytes) -> list[str]:
    """The lines a terminal shows after ``data``, trailing blank ones left out."""
    display = pyte.Screen(COLUMNS, ROWS)
    pyte.ByteStream(display).feed(data)
    lines = [line.rstrip() for line in display.display]
    while lines and not lines[-1]:
        lines.pop()
    return lines


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    paths = []
    for number in range(15):
        path = tmp_path / f"{number:02}.txt"
        path.write_text("«Мы готовы к диалогу», — заявил Сергей Лавров.", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("count", [1, 15])
@pytest.mark.parametrize("format", ["table", "json", "jsonl", "csv", "markup"])
def test_progress_leaves_no_trace_among_the_results(inputs: list[str], format: str, count: int) -> None:
    args = [*inputs[:count], "-f", format, "--workers", "1"]
    raw = in_terminal(args)
    assert b"loading models" in raw and b"analysing" in raw  # the bar was there, in both stages
    shown = screen(raw)
    if count > 1:
        assert CLOSING.fullmatch(shown.pop())
    assert shown == screen(in_pipe(args))
    assert not any(piece in line for line in shown for piece in BAR)


def test_summary_and_html_at_a_terminal(inputs: list[str], tmp_path: Path) -> None:
    args = [*inputs, "--summary", "--workers", "1"]
    shown = screen(in_terminal(args))
    assert CLOSING.fullmatch(shown.pop())
    assert shown == screen(in_pipe(args))


def test_real_models_in_a_terminal(inputs: list[str]) -> None:
    args = [*inputs[:3], "--workers", "1"]
    raw = in_terminal(args, fake=False)
    shown = screen(raw)
    assert CLOSING.fullmatch(shown.pop())
    assert shown == screen(in_pipe(args, fake=False))
    assert "Лавров" in "\n".join(shown)
