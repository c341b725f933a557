"""``-o FILE`` as a careful Unix tool writes: regular files through a rename with the mode open() would
give, links followed, FIFOs and devices written directly and never replaced."""

from __future__ import annotations

import io
import json
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotex import cli
from test_schema import full_document


class FullExtractor:
    def extract_each(self, texts: list[str], sources: list[str], *, timeout: float | None = None) -> list:
        return [full_document(source) for source in sources]


@pytest.fixture(autouse=True)
def fake_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "make_extractor", FullExtractor)


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "статья.txt"
    path.write_text("«Мы готовы к диалогу», — заявил Сергей Лавров.", encoding="utf-8")
    return str(path)


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def write(article: str, target: Path) -> tuple[int, str]:
    err = io.StringIO()
    code = cli.run_to_file([article], "jsonl", target, err, cli.Options(workers=1))
    return code, err.getvalue()


def written(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["source"]


def leftovers(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_has_the_mode_open_would_give(
    article: str, tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    os.umask(mask)
    target = tmp_path / "out.jsonl"
    assert write(article, target) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert written(target) == article
    assert leftovers(tmp_path) == []


def test_an_existing_file_keeps_its_mode_and_is_replaced_whole(
    article: str, tmp_path: Path, umask: None
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    before = target.stat().st_ino
    assert write(article, target) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.stat().st_ino != before  # a new file renamed over the old one
    assert written(target) == article
    assert leftovers(tmp_path) == []


def test_a_symlink_is_followed_and_stays_a_link(article: str, tmp_path: Path, umask: None) -> None:
    real = tmp_path / "real" / "out.jsonl"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o604)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert write(article, link) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert written(real) == article
    assert stat.S_IMODE(real.stat().st_mode) == 0o604
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_a_dangling_symlink_creates_its_target(article: str, tmp_path: Path, umask: None) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "new.jsonl")
    assert write(article, link) == (0, "")
    assert link.is_symlink()
    assert written(tmp_path / "new.jsonl") == article


def test_a_fifo_is_written_to_its_reader(article: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    assert write(article, fifo) == (0, "")
    reader.join(timeout=30)
    assert not reader.is_alive()
    assert json.loads(received[0])["source"] == article
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the FIFO, not a file put in its place
    assert leftovers(tmp_path) == []


def test_a_device_is_written_not_replaced(article: str) -> None:
    devnull = Path(os.devnull)
    before = os.stat(devnull)
    assert write(article, devnull) == (0, "")
    after = os.stat(devnull)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_dev_stdout_writes_to_standard_output(article: str, capfd: pytest.CaptureFixture[str]) -> None:
    # Under capfd, descriptor 1 is a regular temporary file: /dev/stdout leads there and is still
    # written in place, never renamed over.
    code, err = write(article, Path("/dev/stdout"))
    assert (code, err) == (0, "")
    assert json.loads(capfd.readouterr().out)["source"] == article


def test_an_output_that_cannot_be_opened(article: str, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.jsonl"
    code, err = write(article, target)
    assert code == 1
    assert err == f"quotex: error: {target}: cannot write: No such file or directory\n"
