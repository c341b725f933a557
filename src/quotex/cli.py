"""The ``quotex`` command: options in, library calls, rendered documents out, and the exit code.

Exit codes: 0 success; 1 when any input could not be read or analysed, or took longer than ``--timeout``
(the others are still printed), or the output file cannot be written; 2 for a usage error; 130 when
interrupted. When the reader of standard output goes away
(``quotex a.txt | head``) quotex stops quietly and exits as it would have so far (0 unless an input had
already failed): a reader that has seen enough is not an error.

Importing this module stays cheap: natasha (through ``quotex.pipeline``) and rich load only when there is
text to analyse or a table to print, so ``quotex --help`` and ``quotex --version`` answer at once.
"""

from __future__ import annotations

import difflib
import io
import os
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol, TextIO, cast

import typer
from typer.core import TyperCommand

from . import __version__, batch
from .errors import OutputError, QuotexError
from .filters import KINDS, QuoteFilter, name_words
from .i18n import LANGUAGES, N_, _, language_from_environment, ngettext, set_language
from .inputs import DEFAULT_PATTERN, Job, is_glob, is_json_lines, iter_jobs
from .reading import STDIN, STDIN_ARGUMENT
from .render import FORMATS, Writer, open_writer
from .render.outdir import OutputDirWriter
from .summary import CorpusSummary

if TYPE_CHECKING:
    from .pipeline import Extractor
    from .records import Document

PROG = "quotex"
INTERRUPTED = 130
ERROR, NOTE, INTERRUPTED_WORD = N_("error"), N_("note"), N_("interrupted")
"""The fixed words of stderr lines: ``quotex: error: ...``, in the interface's language."""
"""Exit status after Ctrl-C, as shells report a process ended by SIGINT."""
DEFAULT_TIMEOUT = 60.0
"""Seconds the analysis of one document may take by default (``--timeout``)."""
SUMMARY_FORMATS = ("table", "json")
COMPLETE_VARIABLE = "_QUOTEX_COMPLETE"
"""Shell completion: ``eval "$(_QUOTEX_COMPLETE=source_bash quotex)"`` (source_zsh, source_fish)."""
OUTPUT_DIR_FORMATS = ("json", "jsonl", "csv")


class Format(str, Enum):
    """Output formats of the command line."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
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
            self.err.write(f"{PROG}: {_(ERROR)}: {error}\n")
            self.err.flush()

    def error(self, message: str, *, counted: bool = False) -> None:
        """A failure already put into words (an input that could not be read): reported, counted
        (unless ``counted`` already)."""
        self.failures += 0 if counted else 1
        self.err.write(f"{PROG}: {_(ERROR)}: {message}\n")
        self.err.flush()

    def count(self) -> None:
        """A failure reported in another line (one of many alike): counted only."""
        self.failures += 1

    def note(self, message: str) -> None:
        """A remark for the user that is not an error: it goes to stderr and leaves the exit code alone."""
        self.err.write(f"{PROG}: {_(NOTE)}: {message}\n")
        self.err.flush()

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


@dataclass(frozen=True)
class Options:
    """How to read the inputs and what to do with the documents, beyond the output format."""

    workers: int = 1
    ordered: bool = True
    pattern: str = DEFAULT_PATTERN
    text_field: str = "text"
    id_field: str = "id"
    output_dir: Path | None = None
    summary: bool = False
    quiet: bool = False
    progress: bool = False
    dask: str | None = None
    """Run on a Dask cluster: "local" (``workers`` processes on this machine) or a scheduler address."""
    timeout: float | None = DEFAULT_TIMEOUT
    """Seconds one document's analysis may take before it is skipped as failed; ``None`` or 0: no limit."""
    quotes: QuoteFilter = field(default_factory=QuoteFilter)
    """Which quotes to write (``--speaker``, ``--kind``); every one by default."""
    top: int | None = None
    """Rows of each ``--summary`` list (``--top``): 20 in a table and all in JSON by default."""


def run(arguments: list[str], format: str, out: TextIO, err: TextIO, options: Options = Options()) -> int:
    """Analyse every document the arguments name (files, folders, globs, JSON Lines files, "-" for
    standard input), write the results to ``out`` in ``format`` and problems to ``err``; return the
    exit code."""
    report = ErrorReport(err)
    jobs: Iterable[Job] = iter_jobs(
        arguments, pattern=options.pattern, text_field=options.text_field, id_field=options.id_field
    )
    total = None
    if options.progress:
        jobs, total = _counted(jobs)
    # Results written to the terminal the bar is on wait for it to be erased, and go out in whole lines so
    # that the bar always starts on a line of its own; anywhere else they stream as they are.
    pause_for_output = options.progress and _is_terminal(out)
    if pause_for_output:
        # typeshed's io.TextIOBase is no typing.TextIO, though it has what the writers use of one
        out = cast(TextIO, _WholeLines(out))
    sink = _open_sink(format, out, arguments, options)
    missing = _MissingText(options.text_field)
    started = time.perf_counter()
    done = quotes = 0
    try:
        with report.guard(), _progress(err, total, enabled=options.progress) as bar:
            for outcome in _outcomes(jobs, options, on_ready=bar.ready, on_progress=bar.finished):
                if outcome.error is not None:
                    message = missing.first(outcome)
                    if message is None:
                        report.count()
                        continue
                    with bar.paused():
                        report.error(message)
                    continue
                if outcome.note is not None:
                    with bar.paused():
                        report.note(outcome.note)
                assert outcome.document is not None  # an outcome without an error holds its document
                document = options.quotes.apply(outcome.document)
                with bar.paused() if pause_for_output else nullcontext(), report.guard():
                    sink.write(document, outcome.job)
                    done += 1
                    quotes += len(document.quotes)
        for message in missing.counts():
            report.error(message, counted=True)
        sink.close()
        _finish(out)
    except BrokenPipeError:
        _discard_further_output(out)
        return report.exit_code
    except KeyboardInterrupt:
        with suppress(BrokenPipeError, QuotexError):
            sink.close()  # what was finished stays well-formed: a JSON array is closed
            _finish(out)
        err.write(f"{PROG}: " + _("interrupted after {documents}").format(documents=_documents(done)) + "\n")
        return INTERRUPTED
    if not options.quiet and done + report.failures > 1:
        seconds = time.perf_counter() - started
        closing = _("{documents}, {failed} failed, {quotes}, {seconds:.1f} s").format(
            documents=_documents(done),
            failed=report.failures,
            quotes=ngettext("{count} quote", "{count} quotes", quotes).format(count=quotes),
            seconds=seconds,
        )
        err.write(f"{PROG}: {closing}\n")
    return report.exit_code


@dataclass
class _MissingText:
    """JSON Lines records without the text field: the first of a file is reported with the fields it has
    and the option that picks one; the others are counted and reported in one line at the end."""

    text_field: str
    seen: dict[str, int] = field(default_factory=dict)

    def first(self, outcome: batch.Outcome) -> str | None:
        """The message to report for a failed outcome, or None for a record already reported alike."""
        reason = outcome.job.error or ""
        if f": no {self.text_field!r} string (fields: " not in reason:
            return outcome.error
        source = outcome.job.source
        self.seen[source] = self.seen.get(source, 0) + 1
        if self.seen[source] > 1:
            return None
        return f"{outcome.error}; " + _("choose the article's field with --text-field NAME")

    def counts(self) -> Iterator[str]:
        """One line per file whose records lacked the field more than once."""
        for source, count in self.seen.items():
            if count > 1:
                more = ngettext(
                    "{source}: {count} more record without a {field!r} string",
                    "{source}: {count} more records without a {field!r} string",
                    count - 1,
                )
                yield more.format(source=source, count=count - 1, field=self.text_field)


def _finish(out: TextIO) -> None:
    if isinstance(out, _WholeLines):
        out.finish()
    else:
        out.flush()


def _documents(count: int) -> str:
    return ngettext("{count} document", "{count} documents", count).format(count=count)


def _outcomes(
    jobs: Iterable[Job],
    options: Options,
    on_ready: Callable[[], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[batch.Outcome]:
    """The jobs run in this machine's processes, or on a Dask cluster with ``options.dask``;
    ``on_ready`` is called once the models are loaded, ``on_progress`` with the number of documents
    finished each time it grows (on Dask: both as the outcomes come)."""
    if options.dask is None:
        return batch.run(
            jobs,
            workers=options.workers,
            ordered=options.ordered,
            make_extractor=make_extractor,
            timeout=options.timeout,
            on_ready=on_ready,
            on_progress=on_progress,
        )
    from .dask import run_on_dask  # needs the dask extra; the command checked that it is installed

    outcomes = run_on_dask(
        jobs, options.dask, ordered=options.ordered, n_workers=options.workers, timeout=options.timeout
    )
    return _counting(outcomes, on_progress)


def _counting(
    outcomes: Iterator[batch.Outcome], on_progress: Callable[[int], None] | None
) -> Iterator[batch.Outcome]:
    """The outcomes, ``on_progress`` told their number so far as each comes."""
    for count, outcome in enumerate(outcomes, 1):
        if on_progress is not None:
            on_progress(count)
        yield outcome


def _counted(jobs: Iterable[Job]) -> tuple[Iterable[Job], int | None]:
    """The jobs and their number, for the progress bar's total, when they are only paths. At the first
    job that carries its text (a JSON Lines record, standard input) counting stops: the bar goes without
    a total and the archive is streamed, never held in memory."""
    listed: list[Job] = []
    remaining = iter(jobs)
    for job in remaining:
        listed.append(job)
        if job.text is not None:
            return chain(listed, remaining), None
    return listed, len(listed)


def run_to_file(
    arguments: list[str], format: str, path: Path, err: TextIO, options: Options = Options()
) -> int:
    """``run`` with the results written to the file at ``path`` (UTF-8), as a careful Unix tool does.

    A regular file, new or existing, is written through a hidden temporary file in its folder, renamed
    over it at the end: an input is never truncated before it is read, and an interrupted run leaves no
    half-written file. The new file has the mode ``open()`` would give it (0666 less the umask), or the
    mode of the file it replaces. A symbolic link is followed and its target written the same way.
    Anything else, a FIFO, a terminal, ``/dev/null``, ``/dev/stdout``, is opened and written directly,
    never replaced. Writing over one of the input files is refused.
    """
    report = ErrorReport(err)
    code = 0
    with report.guard():
        if any(os.path.isfile(argument) and _same_file(argument, path) for argument in arguments):
            raise OutputError(str(path), "is one of the inputs; quotex never writes over its input")
        if _written_in_place(path):
            with _open_output(path, lambda: open(path, "w", encoding="utf-8", newline="")) as stream:
                code = run(arguments, format, stream, err, options)
            return max(code, report.exit_code)
        target = Path(os.path.realpath(path))  # a link's target: the link stays a link
        temporary = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
        try:
            with _open_output(path, lambda: _create_like(temporary, target)) as stream:
                code = run(arguments, format, stream, err, options)
            os.replace(temporary, target)
        finally:
            with suppress(FileNotFoundError):
                os.unlink(temporary)
    return max(code, report.exit_code)


def _written_in_place(path: Path) -> bool:
    """Is the output something other than a regular file (or a link to one, or nothing yet)? A FIFO,
    a device or a terminal, and anything under /dev or /proc (``/dev/stdout`` may lead to a regular file
    that is the shell's redirection: it is still written, never replaced)."""
    absolute = os.path.abspath(path)
    if absolute.startswith(("/dev/", "/proc/")):
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # nothing there yet (or a dangling link): a new regular file
        return False


def _create_like(temporary: Path, target: Path) -> TextIO:
    """A new file at ``temporary`` with the mode of ``target`` if it exists, else what the umask gives."""
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with suppress(FileNotFoundError):
            os.fchmod(descriptor, stat.S_IMODE(os.stat(target).st_mode))
        return open(descriptor, "w", encoding="utf-8", newline="")  # csv writes its own \r\n
    except BaseException:
        os.close(descriptor)
        raise


@contextmanager
def _open_output(path: Path, opener: Callable[[], TextIO]) -> Iterator[TextIO]:
    """The stream ``opener`` gives, closed at the end; a failure to open or close is an ``OutputError``."""
    try:
        stream = opener()
    except OSError as error:
        raise OutputError(str(path), f"cannot write: {error.strerror or error}") from error
    try:
        yield stream
    finally:
        try:
            stream.close()
        except BrokenPipeError:  # a FIFO's reader gone: as with standard output, not an error
            pass
        except OSError as error:
            raise OutputError(str(path), f"cannot write: {error.strerror or error}") from error


def _same_file(argument: str, path: Path) -> bool:
    try:
        return os.path.samefile(argument, path)
    except OSError:  # the output does not exist yet
        return False


class _Sink(Protocol):
    def write(self, document: Document, job: Job) -> None: ...

    def close(self) -> None: ...


@dataclass
class _ToWriter:
    """Documents to one output stream, in the chosen format."""

    writer: Writer

    def write(self, document: Document, job: Job) -> None:
        self.writer.write(document)

    def close(self) -> None:
        self.writer.close()


@dataclass
class _ToFolder:
    """One output file per document, mirroring the inputs' folder tree."""

    writer: OutputDirWriter

    def write(self, document: Document, job: Job) -> None:
        self.writer.write(document, job.relative or job.source)

    def close(self) -> None:
        self.writer.close()


@dataclass
class _ToSummary:
    """Corpus totals, written at the end as tables or one JSON object."""

    format: str
    out: TextIO
    top: int | None = None
    summary: CorpusSummary = field(default_factory=CorpusSummary)

    def write(self, document: Document, job: Job) -> None:
        self.summary.add(document)

    def close(self) -> None:
        from .render.summary import write_summary_json, write_summary_table

        totals = self.summary.to_dict()
        if self.format == "json":
            if self.top is not None:
                for name in ("speakers", "countries", "organisations"):
                    totals[name] = totals[name][: self.top]
            write_summary_json(totals, self.out)
        elif self.top is not None:
            write_summary_table(totals, self.out, top=self.top)
        else:
            write_summary_table(totals, self.out)


def _open_sink(format: str, out: TextIO, arguments: list[str], options: Options) -> _Sink:
    if options.summary:
        return _ToSummary(format, out, options.top)
    if options.output_dir is not None:
        inputs = [Path(argument) for argument in arguments if argument != STDIN_ARGUMENT]
        return _ToFolder(OutputDirWriter(options.output_dir, format, inputs=inputs, pattern=options.pattern))
    return _ToWriter(open_writer(format, out, many=_many(arguments)))


def _many(arguments: list[str]) -> bool:
    """Can the arguments name several documents? Then ``-f json`` prints an array."""
    if len(arguments) != 1:
        return True
    argument = arguments[0]
    return (
        os.path.isdir(argument)
        or is_json_lines(argument)
        or (is_glob(argument) and not os.path.exists(argument))
    )


class _Progress(Protocol):
    def ready(self) -> None: ...

    def finished(self, count: int) -> None: ...

    def paused(self) -> AbstractContextManager[None]: ...


class _NoProgress:
    """What the run tells a progress bar, when there is none."""

    def ready(self) -> None:
        pass

    def finished(self, count: int) -> None:
        pass

    def paused(self) -> AbstractContextManager[None]:
        return nullcontext()


@contextmanager
def _progress(err: TextIO, total: int | None, *, enabled: bool) -> Iterator[_Progress]:
    """A progress bar on stderr, or nothing."""
    if not enabled:
        yield _NoProgress()
        return
    from .render.progress import ProgressBar

    with ProgressBar(err, total) as bar:
        yield bar


class _WholeLines(io.TextIOBase):
    """A terminal stream that is written whole lines at a time: the end of the text after its last line
    break waits for the next write, or for ``flush``. A progress bar drawn after a write so starts on a
    line of its own, and erasing it never takes a piece of the results with it."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        lines, newline, self.pending = (self.pending + text).rpartition("\n")
        if newline:
            self.stream.write(lines + newline)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def finish(self) -> None:
        """Write what is pending: the bar is gone."""
        if self.pending:
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no descriptor behind it, or closed
        return False


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


click = sys.modules[typer.BadParameter.__module__]
"""The exceptions of the click that typer runs on (its own copy in recent versions)."""


class UsageError(click.UsageError):  # type: ignore[name-defined,misc]
    """A usage error already in quotex's words: printed as ``quotex: error: <message>``, exit status 2."""


class _Command(TyperCommand):
    """The command, with usage errors in quotex's own voice: one line, ``quotex: error: ...``, status 2,
    instead of click's Usage/Try/Error box."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            typer.echo(f"{PROG}: {_(ERROR)}: {usage_message(error, self)}", err=True)
            sys.exit(2)
        except typer.Abort:
            typer.echo(f"{PROG}: {_(INTERRUPTED_WORD)}", err=True)
            sys.exit(INTERRUPTED)
        except click.ClickException as error:
            typer.echo(f"{PROG}: {_(ERROR)}: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def usage_message(error: Any, command: Any) -> str:
    """Click's usage errors, said in one line: ``no option --bogus (did you mean --workers?)``,
    ``--format needs a value``, ``--workers abc: not a whole number``."""
    if isinstance(error, UsageError):
        return error.message
    if isinstance(error, click.NoSuchOption):
        names = sorted({name for param in command.params for name in param.opts if name.startswith("--")})
        close = difflib.get_close_matches(error.option_name, names, n=1, cutoff=0.6)
        hint = " " + _("(did you mean {option}?)").format(option=close[0]) if close else ""
        return _("no option {option}").format(option=error.option_name) + hint
    if isinstance(error, click.BadOptionUsage) and "requires an argument" in error.message:
        return _("{option} needs a value").format(option=error.option_name)
    message = error.message.replace("Value error, ", "").rstrip(".")
    if isinstance(error, click.BadParameter) and error.param is not None:
        name = error.param.opts[0] if error.param.opts else (error.param.human_readable_name or "")
        return f"{name}: {message}"
    return message


def _choose(option: str, value: str, choices: Sequence[str]) -> str:
    """``value`` if it is one of ``choices`` (any case), else a usage error listing them."""
    if value.lower() in choices:
        return value.lower()
    listed = _("{some} or {last}").format(some=", ".join(choices[:-1]), last=choices[-1])
    raise UsageError(
        _("{option} {value}: choose {choices}").format(option=option, value=value, choices=listed)
    )


EXAMPLES = """\
Examples:
  quotex article.txt                        tables at a terminal
  quotex article.txt -f json | jq .quotes   one JSON object
  cat article.txt | quotex -f json          standard input
  quotex corpus/ -f jsonl -o quotes.jsonl   a whole folder, in parallel
  quotex corpus/ --summary --top 10         corpus totals
  quotex corpus/ --speaker Лавров -f csv    one speaker's quotes
  quotex article.txt -f html -o page.html   a report for the browser"""


@app.command(
    cls=_Command,
    help=(
        "Find who said what in Russian news text: quotes and their speakers, and the people, countries, "
        "organisations and locations the text mentions. Reads each FILE (UTF-8, or cp1251): a text file, "
        "a folder (every *.txt under it), a quoted glob ('corpus/**/*.txt'), a JSON Lines file (one "
        "article per line), or standard input when FILE is '-' or no FILE is given and text is piped in. "
        "Many documents are analysed in parallel."
    ),
    epilog=(
        "\b\n" + EXAMPLES + "\n\n"
        "Exit status: 0 on success, 1 if any input could not be read or analysed or took longer than "
        "--timeout (the others are still printed), 2 for a usage error, 130 when interrupted. "
        'Shell completion for bash: eval "$(_QUOTEX_COMPLETE=source_bash quotex)" (zsh: source_zsh; '
        "fish: source_fish)."
    ),
)
def command(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FILE",
            help="Files, folders, globs or JSON Lines files to analyse; '-' is standard input.",
            show_default=False,
            hidden=True,  # the help's first paragraph says what FILE is, without a type name
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "-f",
            "--format",
            metavar="FORMAT",
            help="Output format: table (the default), json, jsonl, csv, markup or html; "
            "json with --output-dir.",
            show_default=False,
            autocompletion=lambda incomplete: [name for name in FORMATS if name.startswith(incomplete)],
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", metavar="FILE", help="Write results to this file instead of standard output."
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            metavar="DIR",
            help="Write one file per input here (json, the default, jsonl or csv), mirroring the folders "
            "of the inputs.",
        ),
    ] = None,
    pattern: Annotated[
        str,
        typer.Option(
            "--glob",
            metavar="PATTERN",
            help="Which files to read in a FOLDER, relative to it; '**' spans folders.",
        ),
    ] = DEFAULT_PATTERN,
    text_field: Annotated[
        str,
        typer.Option(
            "--text-field", metavar="NAME", help="The field holding the article in a JSON Lines file."
        ),
    ] = "text",
    id_field: Annotated[
        str,
        typer.Option(
            "--id-field",
            metavar="NAME",
            help="The field whose value becomes 'source' in a JSON Lines file.",
        ),
    ] = "id",
    workers: Annotated[
        str | None,
        typer.Option("--workers", "-w", metavar="N", help="Worker processes (default: the machine's cores)."),
    ] = None,
    dask_address: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Run on a Dask cluster: 'local' (a cluster of --workers processes on this machine) or a "
            "scheduler address (tcp://host:8786) whose workers see the same files. Needs Dask.",
        ),
    ] = None,
    timeout: Annotated[
        str,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help="Skip a document whose analysis takes longer than this, as failed; 0: no limit.",
        ),
    ] = f"{DEFAULT_TIMEOUT:g}",
    unordered: Annotated[
        bool, typer.Option("--unordered", help="Write documents as they finish, not in input order.")
    ] = False,
    summary: Annotated[
        bool,
        typer.Option("--summary", help="Print corpus totals (speakers, countries, organisations) instead."),
    ] = False,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            metavar="NAME",
            help="Only the quotes of this speaker: a name or surname, any case ('лавров'), also within "
            "a joint source.",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="Only direct or only indirect quotes.",
            autocompletion=lambda incomplete: [name for name in KINDS if name.startswith(incomplete)],
        ),
    ] = None,
    top: Annotated[
        str | None,
        typer.Option(
            "--top",
            metavar="N",
            help="With --summary: the N first speakers, countries and organisations (default: 20 in a "
            "table, all in JSON).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no closing line on stderr.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help="Language of tables, messages and the HTML page: en or ru (default: from LC_ALL, "
            "LC_MESSAGES or LANG).",
            autocompletion=lambda incomplete: [name for name in LANGUAGES if name.startswith(incomplete)],
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    set_language(_choose("--lang", lang, LANGUAGES) if lang is not None else language_from_environment())
    arguments = list(files or ())
    if not arguments:
        if _stdin_is_terminal():
            raise UsageError(
                _(
                    "no input: give FILE arguments, or pipe text in (e.g. cat article.txt | {prog} -f json)"
                ).format(prog=PROG)
            )
        arguments = [STDIN_ARGUMENT]
    chosen = _choose("-f", format, FORMATS) if format is not None else None
    quote_kind = _choose("--kind", kind, KINDS) if kind is not None else None
    rows = _number("--top", top, int, _("a whole number, 1 or more"), minimum=1)
    if rows is not None and not summary:
        raise UsageError(_("{option} goes with {other}").format(option="--top", other="--summary"))
    if speaker is not None and not name_words(speaker):
        raise UsageError(_("--speaker {name!r}: give a name or a surname").format(name=speaker))
    processes = _number("--workers", workers, int, _("a whole number, 1 or more"), minimum=1)
    seconds = _number("--timeout", timeout, float, _("seconds, 0 (no limit) or more"), minimum=0)
    if output_dir is not None:
        if output is not None or summary:
            raise UsageError(_("--output-dir goes with neither -o nor --summary"))
        chosen = chosen or "json"
        if chosen not in OUTPUT_DIR_FORMATS:
            raise UsageError(
                _("--output-dir writes json, jsonl or csv files, not -f {format}").format(format=chosen)
            )
    chosen = chosen or "table"
    if summary and chosen not in SUMMARY_FORMATS:
        raise UsageError(_("--summary prints a table or json, not -f {format}").format(format=chosen))
    if dask_address is not None:
        _check_dask(dask_address, processes)
    options = Options(
        workers=processes or batch.default_workers(),
        ordered=not unordered,
        pattern=pattern,
        text_field=text_field,
        id_field=id_field,
        output_dir=output_dir,
        summary=summary,
        quiet=quiet,
        progress=not quiet and sys.stderr.isatty(),
        dask=dask_address,
        timeout=seconds or None,
        quotes=QuoteFilter(speaker, quote_kind),  # type: ignore[arg-type]  # checked by _choose
        top=rows,
    )
    if output is None:
        code = run(arguments, chosen, _utf8(sys.stdout), sys.stderr, options)
    else:
        code = run_to_file(arguments, chosen, output, sys.stderr, options)
    raise typer.Exit(code)


def _number(option: str, value: str | None, kind: Callable[[str], Any], what: str, *, minimum: float) -> Any:
    """The option's ``value`` as a number of ``kind``, at least ``minimum``; else a usage error."""
    if value is None:
        return None
    try:
        number = kind(value)
    except ValueError:
        number = None
    if number is None or number != number or number < minimum or number == float("inf"):
        raise UsageError(_("{option} {value}: give {what}").format(option=option, value=value, what=what))
    return number


def _check_dask(address: str, workers: int | None) -> None:
    """Usage errors of ``--dask``: the extra is not installed; ``--workers`` with a scheduler's cluster."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(
            _("--dask needs Dask: pip install 'dask[distributed]' (or '.[dask]' in quotex's folder)")
        ) from None
    if workers is not None and address != "local":
        raise UsageError(
            _("--workers goes with '--dask local' only: a scheduler's cluster has its own workers")
        )


def main() -> None:
    """Entry point of the ``quotex`` script and of ``python -m quotex``."""
    if COMPLETE_VARIABLE in os.environ:  # a shell asks for its completion script or for completions
        from typer.completion import completion_init

        completion_init()
    app(prog_name=PROG)


__all__ = ["STDIN", "Format", "app", "main", "make_extractor", "run"]
