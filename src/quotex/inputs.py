"""Command-line arguments -> jobs: one small, picklable ``Job`` per document to analyse.

An argument is a file, a folder (every file under it matching a pattern, sorted, dotfiles skipped), a glob
(``'corpus/**/*.txt'`` in quotes), ``-`` for standard input, or a JSON Lines file (``.jsonl``/``.ndjson``,
one article per line). Listing is lazy and never raises for a bad item: a missing path, a malformed JSON
line or a record without text becomes an error job, reported by whoever runs the jobs, and the rest go on.
Files are read and decoded by ``load`` in the worker that analyses them, not while listing.
"""

from __future__ import annotations

import fnmatch
import glob
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from .errors import InputError
from .reading import STDIN, STDIN_ARGUMENT, Input, read_input, read_stdin

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
"""Files with these suffixes hold one JSON record (one article) per line."""

DEFAULT_PATTERN = "**/*.txt"
"""The files read in a folder argument, unless a pattern is given."""

STDIN_RELATIVE = "stdin"
"""The ``relative`` path of standard input, for ``--output-dir``."""

_GLOB_CHARACTERS = re.compile(r"[*?[]")
_UNSAFE_IN_NAME = re.compile(r"[^\w-]+")
_MAX_NAME_LENGTH = 100
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Job:
    """One document to analyse, small and picklable: worker processes receive it and read the file
    themselves.

    ``error`` is the reason only; the full message is ``f"{source}: {error}"``, which is also what
    ``load`` raises as an ``InputError``.
    """

    index: int
    """Position in input order, 0-based, over all jobs including error jobs."""
    source: str
    """What the output's ``source`` says: the path as found ("corpus/a/1.txt"), "<stdin>", a JSON Lines
    record's id, or "<file>:<line>" for a record without one."""
    path: str | None = None
    """A file to read and decode (``load`` does it, in the worker)."""
    text: str | None = None
    """Text already in hand: standard input, a JSON Lines record's text."""
    relative: str | None = None
    """For ``--output-dir``: the path to mirror, "/"-separated. Relative to the folder argument ("a/1.txt")
    or to the fixed part of a glob; a plain file's name; "<jsonl stem>/<safe id>" for a record (the id with
    anything but letters, digits, "_" and "-" replaced by "_", or "line-N" without an id); "stdin"."""
    error: str | None = None
    """A problem found while listing: reported, never analysed."""
    encoding: str | None = None
    """For ``text``: the encoding it was decoded from (standard input may be cp1251); None means UTF-8."""


def iter_jobs(
    arguments: Sequence[str],
    *,
    pattern: str = DEFAULT_PATTERN,
    text_field: str = "text",
    id_field: str = "id",
    stdin: BinaryIO | None = None,
) -> Iterator[Job]:
    """Lazily expand ``arguments`` into jobs, in argument order, numbered from 0 across all of them.

    - a file: one job; a ``.jsonl``/``.ndjson`` file: one job per non-blank line, streamed line by line;
    - a folder: every file under it whose path relative to the folder matches ``pattern`` (glob syntax,
      case-sensitive; ``**`` is any number of folders, so ``*.txt`` is the top level only), sorted by
      relative path, dotfiles and dot-folders skipped; JSON Lines files found are expanded as above;
    - an argument that does not exist but contains ``*``, ``?`` or ``[``: the files it matches, sorted;
    - ``-``: standard input (``stdin``, default ``sys.stdin.buffer``), read and decoded once, whole;
    - anything else: an error job. A folder or glob that yields no file is an error job too.

    In a JSON Lines record the text is ``record[text_field]`` (a non-blank string) and the source is
    ``record[id_field]`` as a string, or "<file>:<line>" when it has none.
    """
    numbers = count()
    stdin_read = False
    for argument in arguments:
        if argument == STDIN_ARGUMENT:
            if stdin_read:
                yield Job(next(numbers), STDIN, error="standard input given twice; it is read only once")
                continue
            stdin_read = True
            yield _stdin_job(next(numbers), stdin)
        elif os.path.isdir(argument):
            yield from _folder_jobs(argument, pattern, numbers, text_field, id_field)
        elif os.path.exists(argument):
            yield from _file_jobs(argument, Path(argument).name, numbers, text_field, id_field)
        elif is_glob(argument):
            yield from _glob_jobs(argument, numbers, text_field, id_field)
        else:
            yield Job(next(numbers), argument, error="no such file or folder")


def load(job: Job) -> Input:
    """The job's text as a ``reading.Input``: its file read and decoded, or the text in hand.

    Raises ``InputError`` for an error job and for input that cannot be read or decoded.
    """
    if job.error is not None:
        raise InputError(job.source, job.error)
    if job.text is not None:
        if not job.text.strip():
            raise InputError(job.source, "no text, only whitespace")
        return Input(source=job.source, text=job.text, encoding=job.encoding or "utf-8")
    if job.path is None:
        raise InputError(job.source, "nothing to read")
    # A file called "-" is not standard input.
    path = job.path if job.path != STDIN_ARGUMENT else os.path.join(os.curdir, job.path)
    try:
        document_input = read_input(path)
    except InputError as error:
        if error.source == job.source:
            raise
        raise InputError(job.source, error.reason) from error
    if document_input.source != job.source:
        document_input = Input(job.source, document_input.text, document_input.encoding)
    return document_input


def is_glob(argument: str) -> bool:
    """Whether ``argument`` has a glob character (``*``, ``?`` or ``[``)."""
    return bool(_GLOB_CHARACTERS.search(argument))


def is_json_lines(path: str) -> bool:
    """Whether the file at ``path`` is read as JSON Lines, by its suffix."""
    return path.lower().endswith(JSON_LINES_SUFFIXES)


def _stdin_job(index: int, stream: BinaryIO | None) -> Job:
    try:
        document_input = read_stdin(stream)
    except InputError as error:
        return Job(index, STDIN, relative=STDIN_RELATIVE, error=error.reason)
    return Job(
        index, STDIN, text=document_input.text, relative=STDIN_RELATIVE, encoding=document_input.encoding
    )


def _file_jobs(
    path: str, relative: str, numbers: Iterator[int], text_field: str, id_field: str
) -> Iterator[Job]:
    if is_json_lines(path):
        yield from _json_lines_jobs(path, relative, numbers, text_field, id_field)
    else:
        yield Job(next(numbers), path, path=path, relative=relative)


def _folder_jobs(
    folder: str, pattern: str, numbers: Iterator[int], text_field: str, id_field: str
) -> Iterator[Job]:
    matches, problems = walk_folder(folder, pattern)
    if not matches and not problems:
        yield Job(next(numbers), folder, error=f"no file matches {pattern!r} in this folder")
        return
    entries: list[tuple[tuple[str, ...], str, str | None]] = [
        (PurePath(relative).parts, relative, None) for relative in matches
    ]
    entries += [(PurePath(relative).parts, relative, reason) for relative, reason in problems]
    for _, relative, reason in sorted(entries, key=lambda entry: entry[0]):
        path = folder if relative == "." else os.path.join(folder, relative)
        if reason is not None:
            yield Job(next(numbers), path, error=reason)
        else:
            yield from _file_jobs(path, relative, numbers, text_field, id_field)


def walk_folder(folder: str, pattern: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Files under ``folder`` matching ``pattern``, as "/"-separated relative paths (unsorted), skipping
    dotfiles and dot-folders and not following links to folders; and (relative folder, reason) for each
    folder that could not be listed."""
    wanted = _split(pattern)
    matches: list[str] = []
    problems: list[tuple[str, str]] = []

    def unreadable(error: OSError) -> None:
        where = os.path.relpath(error.filename, folder) if error.filename else "."
        problems.append((Path(where).as_posix(), f"cannot list folder: {error.strerror or error}"))

    for top, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = os.path.relpath(top, folder)
        prefix = () if base == os.curdir else PurePath(base).parts
        for name in files:
            if not name.startswith(".") and _matches((*prefix, name), wanted):
                matches.append("/".join((*prefix, name)))
    return matches, problems


def is_listed(relative: str, pattern: str) -> bool:
    """Whether a folder walk with ``pattern`` lists the file at ``relative`` ("/"-separated) in it."""
    parts = tuple(part for part in relative.split("/") if part)
    return not any(part.startswith(".") for part in parts) and _matches(parts, _split(pattern))


def _split(pattern: str) -> tuple[str, ...]:
    return tuple(part for part in pattern.replace("\\", "/").split("/") if part not in ("", "."))


def _matches(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Glob matching of path parts: ``**`` is zero or more parts, other parts match one part each."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_matches(parts[skip:], rest) for skip in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _matches(parts[1:], rest)


def _glob_jobs(argument: str, numbers: Iterator[int], text_field: str, id_field: str) -> Iterator[Job]:
    files = [path for path in glob.glob(argument, recursive=True) if os.path.isfile(path)]
    if not files:
        yield Job(next(numbers), argument, error="no file matches this pattern")
        return
    base = glob_root(argument)
    for path in sorted(files, key=lambda path: PurePath(path).parts):
        relative = Path(os.path.relpath(path, base) if base else path).as_posix()
        yield from _file_jobs(path, relative, numbers, text_field, id_field)


def glob_root(argument: str) -> str:
    """The folders of a glob before its first part with a glob character: "corpus" of "corpus/**/*.txt"."""
    parts = PurePath(argument).parts
    fixed: list[str] = []
    for part in parts[:-1]:
        if _GLOB_CHARACTERS.search(part):
            break
        fixed.append(part)
    return os.path.join(*fixed) if fixed else ""


def _json_lines_jobs(
    path: str, relative: str, numbers: Iterator[int], text_field: str, id_field: str
) -> Iterator[Job]:
    folder = PurePath(relative).parent / PurePath(relative).stem
    records = 0
    try:
        with open(path, "rb") as stream:
            for number, raw in enumerate(stream, 1):
                line = raw[len(_UTF8_BOM) :] if number == 1 and raw.startswith(_UTF8_BOM) else raw
                if not line.strip():
                    continue
                records += 1
                yield _record_job(next(numbers), path, number, line, folder, text_field, id_field)
    except OSError as error:
        yield Job(next(numbers), path, error=f"cannot read: {error.strerror or error}")
        return
    if not records:
        yield Job(next(numbers), path, error="no JSON Lines records, the file is empty or blank")


def _record_job(
    index: int, path: str, number: int, line: bytes, folder: PurePath, text_field: str, id_field: str
) -> Job:
    where = f"line {number}"
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        return Job(index, path, error=f"{where}: not UTF-8 ({error.reason} at byte {error.start})")
    except json.JSONDecodeError as error:
        return Job(index, path, error=f"{where}: not valid JSON ({error.msg}, column {error.colno})")
    except RecursionError:
        return Job(index, path, error=f"{where}: not valid JSON (nested too deeply)")
    if not isinstance(record, dict):
        return Job(index, path, error=f"{where}: not a JSON object")
    identifier = record_id(record.get(id_field))
    if identifier is not None:
        where = f"{where} (id {identifier})"
    text = record.get(text_field)
    if not isinstance(text, str):
        fields = ", ".join(map(str, record)) or "none"
        return Job(index, path, error=f"{where}: no {text_field!r} string (fields: {fields})")
    if not text.strip():
        return Job(index, path, error=f"{where}: {text_field!r} is empty")
    if identifier is None:
        return Job(index, f"{path}:{number}", text=text, relative=(folder / f"line-{number}").as_posix())
    return Job(index, identifier, text=text, relative=(folder / _safe_name(identifier, number)).as_posix())


def record_id(value: Any) -> str | None:
    """A JSON Lines record's id as the ``source`` string: text as it is, a number in decimal, anything
    else as compact JSON; None for a missing or empty id."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _safe_name(identifier: str, number: int) -> str:
    """A file name made of the id: letters, digits, "_" and "-" only, never empty or a dotfile."""
    name = _UNSAFE_IN_NAME.sub("_", identifier).strip("_")[:_MAX_NAME_LENGTH]
    return name or f"line-{number}"
