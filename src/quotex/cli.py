"""The ``quotex`` command: options in, library calls, rendered documents out, and the exit code.

Exit codes: 0 success; 1 when any input could not be read (the others are still printed) or the output
file cannot be written; 2 for a usage error. When the reader of standard output goes away
(``quotex a.txt | head``) quotex stops quietly and exits as it would have so far (0 unless an input had
already failed): a reader that has seen enough is not an error.

Importing this module stays cheap: natasha (through ``quotex.pipeline``) and rich load only when there is
text to analyse or a table to print, so ``quotex --help`` and ``quotex --version`` answer at once.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from . import __version__
from .errors import QuotexError
from .reading import STDIN, STDIN_ARGUMENT, read_input
from .render import open_writer

if TYPE_CHECKING:
    from .pipeline import Extractor

PROG = "quotex"


class Format(str, Enum):
    """Output formats of the command line."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    markup = "markup"
    html = "html"


app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: typer's rich help would import rich for every --help
    context_settings={"help_option_names": ["-h", "--help"]},
)


def make_extractor() -> Extractor:
    """The Extractor the command uses; natasha loads here, once per run. Tests replace this function."""
    from .pipeline import Extractor

    return Extractor()


class ErrorReport:
    """The one place where a ``QuotexError`` becomes a line on stderr and, at the end, an exit code."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.failures = 0

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Report a ``QuotexError`` raised inside as ``quotex: error: ...`` and carry on after the block."""
        try:
            yield
        except QuotexError as error:
            self.failures += 1
            self.err.write(f"{PROG}: error: {error}\n")
            self.err.flush()

    def note(self, message: str) -> None:
        """A remark for the user that is not an error: it goes to stderr and leaves the exit code alone."""
        self.err.write(f"{PROG}: note: {message}\n")
        self.err.flush()

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def run(sources: list[str], format: str, out: TextIO, err: TextIO) -> int:
    """Analyse each source (a path, or "-" for standard input), write the results to ``out`` in
    ``format`` and problems to ``err``; return the exit code."""
    report = ErrorReport(err)
    writer = open_writer(format, out, many=len(sources) > 1)
    extractor: Extractor | None = None
    try:
        for source in sources:
            with report.guard():
                document_input = read_input(source)
                if not document_input.is_utf8:
                    report.note(f"{document_input.source}: not UTF-8; decoded as {document_input.encoding}")
                if extractor is None:
                    extractor = make_extractor()
                writer.write(extractor.extract(document_input.text, source=document_input.source))
        writer.close()
        out.flush()
    except BrokenPipeError:
        _discard_further_output(out)
    return report.exit_code


def run_to_file(sources: list[str], format: str, path: Path, err: TextIO) -> int:
    """``run`` with the results written to the file at ``path`` (UTF-8)."""
    report = ErrorReport(err)
    code = 0
    with report.guard():
        try:
            stream = path.open("w", encoding="utf-8")
        except OSError as error:
            raise QuotexError(f"{path}: cannot write: {error.strerror or error}") from error
        with stream:
            code = run(sources, format, stream, err)
    return max(code, report.exit_code)


def _discard_further_output(stream: TextIO) -> None:
    """After a broken pipe, point the stream's descriptor at devnull so that Python's final flush stays
    quiet (the recipe in the ``signal`` module's documentation)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError):  # no descriptor behind the stream (a test's buffer)
        pass


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


def _stdin_is_terminal() -> bool:
    return sys.stdin is None or sys.stdin.isatty()


def _utf8(stream: TextIO) -> TextIO:
    """Output that is not a terminal is UTF-8 whatever the locale (JSON has to be)."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and isinstance(stream, io.TextIOWrapper) and not stream.isatty():
        stream.reconfigure(encoding="utf-8")
    return stream


@app.command(
    help=(
        "Find who said what in Russian news text: quotes and their speakers, and the people, countries, "
        "organisations and locations the text mentions. Reads each FILE (UTF-8, or cp1251), or standard "
        "input when FILE is '-' or no FILE is given and text is piped in."
    ),
    epilog=(
        "Exit status: 0 on success, 1 if any input could not be read (the others are still printed), "
        "2 for a usage error."
    ),
)
def command(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FILE", help="Text files to analyse; '-' is standard input.", show_default=False
        ),
    ] = None,
    format: Annotated[
        Format,
        typer.Option("-f", "--format", case_sensitive=False, help="Output format."),
    ] = Format.table,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", dir_okay=False, help="Write results to this file instead of standard output."
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    sources = list(files or ())
    if not sources:
        if _stdin_is_terminal():
            ctx.fail(
                f"no input: give FILE arguments, or pipe text in (e.g. cat article.txt | {PROG} -f json)"
            )
        sources = [STDIN_ARGUMENT]
    if output is None:
        code = run(sources, format.value, _utf8(sys.stdout), sys.stderr)
    else:
        code = run_to_file(sources, format.value, output, sys.stderr)
    raise typer.Exit(code)


def main() -> None:
    """Entry point of the ``quotex`` script and of ``python -m quotex``."""
    app(prog_name=PROG)


__all__ = ["STDIN", "Format", "app", "main", "make_extractor", "run"]
