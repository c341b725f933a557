"""``--output-dir``: one output file per input, mirroring the inputs' folder tree.

``corpus/a/1.txt`` found under the argument ``corpus/`` has the relative path ``a/1.txt`` and is written
to ``<directory>/a/1.json`` (``.jsonl`` or ``.csv`` for those formats). Each file is written atomically:
into a temporary dotfile in the same folder, then renamed over the target, so an interrupted run leaves
whole files or none, never half of one (atomic against the process stopping, not against power loss:
nothing is fsynced, which would slow a large corpus down for little gain).

Never overwriting an input: a target is refused with an ``OutputError`` when it is one of the ``inputs``
(resolved, so links and ``./`` do not fool it) or when the same arguments would read it as an input: it
lies inside an input folder and matches ``pattern`` there (dotfiles aside), or it matches an input glob.
The rule holds whether or not the file exists yet, so a rerun behaves like the first run. Writing beside
the inputs is allowed when the outputs are not inputs: ``quotex corpus/ -f json --output-dir corpus/``
adds ``a/1.json`` beside ``a/1.txt``, but with ``--glob '**/*'`` it is refused. A target already written
in this run (two inputs mapping to one output, ``a/1.txt`` and ``a/1.md``, or a repeated JSON Lines id) is
refused too rather than silently replaced; that set of paths is the one thing that grows with the corpus.
"""

from __future__ import annotations

import contextlib
import io
import os
import uuid
from collections.abc import Sequence
from pathlib import Path, PurePath, PurePosixPath
from typing import TYPE_CHECKING

from ..errors import OutputError
from ..inputs import DEFAULT_PATTERN, glob_root, is_glob, is_listed
from .csv import CsvWriter
from .jsonl import to_json

if TYPE_CHECKING:
    from ..records import Document

SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv"}
"""Output formats ``OutputDirWriter`` writes, with the suffix each gives the files."""


class OutputDirWriter:
    """Writes each document to its own file under ``directory``; ``inputs`` are the paths (files or
    folders) the run reads, which are never overwritten."""

    def __init__(
        self,
        directory: Path,
        format: str,
        inputs: Sequence[str | os.PathLike[str]] = (),
        *,
        pattern: str = DEFAULT_PATTERN,
    ) -> None:
        if format not in SUFFIXES:
            raise ValueError(f"--output-dir writes {', '.join(SUFFIXES)}, not {format!r}")
        self.directory = Path(directory)
        self.format = format
        self.suffix = SUFFIXES[format]
        self.input_files: set[Path] = set()
        self.input_trees: list[tuple[Path, str]] = []  # (folder, pattern of the files read under it)
        for entry in (os.fspath(item) for item in inputs):
            if entry == "-":
                continue
            if os.path.isdir(entry):
                self.input_trees.append((Path(entry).resolve(), pattern))
            elif os.path.exists(entry):
                self.input_files.add(Path(entry).resolve())
            elif is_glob(entry):
                root = glob_root(entry)
                rest = PurePath(entry).parts[len(PurePath(root).parts) if root else 0 :]
                self.input_trees.append((Path(root or os.curdir).resolve(), "/".join(rest)))
        self.written: set[Path] = set()

    def target(self, relative: str) -> Path:
        """Where the document with this relative path goes (not checked against the inputs)."""
        path = PurePosixPath(relative)
        if path.is_absolute() or ".." in path.parts or not path.name:
            raise OutputError(relative, "not a relative path that can be mirrored under the output folder")
        return self.directory.joinpath(*path.parts[:-1], path.stem + self.suffix)

    def write(self, document: Document, relative: str) -> Path:
        """Write ``document`` to its file for ``relative`` (see ``Job.relative``); return the file's path.

        Raises ``OutputError`` when the target is refused or cannot be written; nothing is left behind then.
        """
        target = self.target(relative)
        resolved = target.resolve()
        self._check(target, resolved)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(str(target), f"cannot create its folder: {error.strerror or error}") from error
        _write_atomically(target, self._render(document))
        self.written.add(resolved)
        return target

    def close(self) -> None:
        """Nothing is held open between documents; here for symmetry with the other writers."""

    def _check(self, target: Path, resolved: Path) -> None:
        if resolved in self.input_files or any(
            resolved.is_relative_to(folder) and is_listed(resolved.relative_to(folder).as_posix(), pattern)
            for folder, pattern in self.input_trees
        ):
            raise OutputError(str(target), "refusing to write over an input (or a file read as one)")
        if resolved in self.written:
            raise OutputError(str(target), "already written in this run for another input")
        if resolved.is_dir():
            raise OutputError(str(target), "is a folder")

    def _render(self, document: Document) -> str:
        if self.format == "json":
            return to_json(document) + "\n"
        if self.format == "jsonl":
            return to_json(document, indent=None) + "\n"
        buffer = io.StringIO(newline="")
        writer = CsvWriter(buffer)
        writer.write(document)
        writer.close()
        return buffer.getvalue()


def _write_atomically(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a temporary file beside ``target``, then rename it over ``target``."""
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        # O_EXCL: never reuse a file that exists; mode 0o666 lets the umask decide, as open() would.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with open(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError(str(target), f"cannot write: {error.strerror or error}") from error
        raise
