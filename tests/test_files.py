"""Files: reading datasets of any kind capped, and writing files safely (never over a file
unasked, never half-written, never through a link)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from salesroles import files
from salesroles.errors import Terminated

from .conftest import run
from .helpers import (
    ENV,
)


@pytest.fixture
def umask() -> Iterator[object]:
    """Set the process umask for one test; put the old one back after."""
    old = os.umask(0o022)

    def set_to(mask: int) -> None:
        os.umask(mask)

    yield set_to
    os.umask(old)


SLOW_WRITE = textwrap.dedent(
    """
    import os, sys, time

    def slow_fsync(fd):  # the temporary file is written; wait there to be killed
        sys.stderr.write("writing\\n")
        sys.stderr.flush()
        time.sleep(60)

    os.fsync = slow_fsync
    from salesroles.cli import main
    sys.argv = ["salesroles", *sys.argv[1:]]
    main()
    """
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8 text (byte 0 cannot be decoded)"),
        (b"x = " + b"[" * 5000 + b"]" * 5000, "values are nested too deeply"),
        (b"\xef\xbb\xbfschema_version = 1\nroles = []\n", None),  # a byte-order mark is fine
    ],
)
def test_odd_files(tmp_path: Path, content: bytes, message: str | None) -> None:
    path = tmp_path / "odd.toml"
    path.write_bytes(content)
    result = run("--data", str(path), "list", "--json")
    if message is None:
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["roles"] == []
    else:
        assert (result.exit_code, result.stdout) == (1, "")
        assert message in result.stderr


def test_a_huge_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(50 * 2**20)  # 50 MiB, sparse
    result = run("--data", str(path), "list")
    assert result.exit_code == 1
    assert "it is 50 MiB, more than the 20 MiB a dataset may be" in result.stderr


@pytest.mark.parametrize("command", [["data", "init"], ["data", "export", "-o"]])
def test_a_file_created_during_the_write_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """Another writer creates the target between the temporary write and placing it."""
    target = tmp_path / "ladder.toml"
    real_fsync = os.fsync

    def other_writer_strikes(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_text("the other writer's file", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", other_writer_strikes)
    result = run(*command, str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: '{target}' already exists; add --force to replace it.\n"
    assert target.read_text(encoding="utf-8") == "the other writer's file"
    assert [p.name for p in tmp_path.iterdir()] == ["ladder.toml"]  # no temporary file


def test_without_hard_links_the_name_is_claimed_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links (FAT, some network shares): still no clobber."""
    import errno

    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "new.toml"
    assert run("data", "init", str(target)).exit_code == 0
    assert "[[roles]]" in target.read_text(encoding="utf-8")
    result = run("data", "init", str(target))
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["new.toml"]


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("dangling", [True, False])
def test_a_symbolic_link_is_never_replaced(tmp_path: Path, force: bool, dangling: bool) -> None:
    pointed = tmp_path / "real.toml"
    if not dangling:
        pointed.write_text("kept", encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(pointed)
    result = run("data", "init", str(link), *(["--force"] if force else []))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: Cannot write '{link}': it is a symbolic link, which is never replaced "
        "(not even with --force); name the file it points to instead.\n"
    )
    assert link.is_symlink() and link.readlink() == pointed
    assert pointed.exists() is not dangling
    if not dangling:
        assert pointed.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("force", [False, True])
def test_a_device_or_pipe_is_never_replaced_or_written_to(tmp_path: Path, force: bool) -> None:
    # Never the real /dev/null: a regression would replace it for the whole machine.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    targets = [fifo]
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        targets.append(device)
    except PermissionError:  # only root may make device nodes
        pass
    for target in targets:
        result = run("data", "export", "-o", str(target), *(["--force"] if force else []))
        assert (result.exit_code, result.stdout) == (1, "")
        assert "it is not a regular file (a device, pipe or socket)" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    if device in targets:
        assert stat.S_ISCHR(device.lstat().st_mode)


def test_help_of_force_says_links_are_never_replaced() -> None:
    for command in (["data", "init"], ["data", "export"]):
        help_text = " ".join(run(*command, "--help").stdout.split())
        assert "never a symbolic link" in help_text


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: object, mask: int, mode: int) -> None:
    umask(mask)  # type: ignore[operator]
    for command in (["data", "init"], ["data", "export", "-o"]):
        target = tmp_path / f"{command[1]}.toml"
        assert run(*command, str(target)).exit_code == 0
        assert stat.S_IMODE(target.stat().st_mode) == mode


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, umask: object) -> None:
    umask(0o077)  # type: ignore[operator]
    target = tmp_path / "x.toml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert run("data", "export", "-o", str(target), "--force").exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") != "old"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("/proc/nonexistent/x.toml", "the folder '/proc/nonexistent' does not exist."),
        ("/proc/x.toml", "the folder '/proc' takes no new files."),
    ],
)
def test_the_real_folder_is_named(target: str, message: str) -> None:
    if not Path("/proc/self").exists():
        pytest.skip("no /proc here")
    result = run("data", "init", target)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: Cannot write '{target}': {message}\n"


@pytest.mark.parametrize("command", [["data", "init"], ["data", "export", "-o"]])
def test_sigterm_during_a_write_leaves_no_temporary_file(
    tmp_path: Path, command: list[str]
) -> None:
    target = tmp_path / "out.toml"
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, *command, str(target)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stderr is not None
    assert child.stderr.readline() == "writing\n"
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # mid-write
    child.send_signal(signal.SIGTERM)
    out, err = child.communicate(timeout=30)
    assert (child.returncode, out, err) == (143, "", "Error: Terminated.\n")
    assert list(tmp_path.iterdir()) == []


def test_temporary_beside_removes_its_file_on_any_exit(tmp_path: Path) -> None:
    target = tmp_path / "entry.json"
    with files.temporary_beside(target) as tmp:
        tmp.file.write(b"data")
        assert tmp.path.parent == tmp_path and tmp.path.exists()
    assert not tmp.path.exists()
    with pytest.raises(Terminated), files.temporary_beside(target) as tmp:
        os.kill(os.getpid(), signal.SIGTERM)  # the handler raises at the next bytecode
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # handler put back
    with files.temporary_beside(target) as tmp:  # moved into place: the target stays
        tmp.file.write(b"kept")
        tmp.file.flush()
        tmp.path.replace(target)
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]
