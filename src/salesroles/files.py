"""Writing files the safe way: never over an existing file unasked, never half-written.

A file is written to a temporary file in the target's folder, then put in place in
one step: without ``--force`` with ``os.link``, which fails if anything has taken
the name meanwhile (no check-then-rename race); with ``--force`` with ``os.replace``.
A symbolic link, folder, device, pipe or socket at the target is never replaced.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, NamedTuple

from salesroles.errors import DataError, Terminated


class Temporary(NamedTuple):
    """An open temporary file (binary) and its path."""

    file: IO[bytes]
    path: Path


@contextmanager
def temporary_beside(target: Path) -> Iterator[Temporary]:
    """A new temporary file in ``target``'s folder, removed again on any exit.

    Write to it, then move it into place (``Path.replace`` or ``os.link``) inside the
    block; whatever else happens (an error, Ctrl-C, SIGTERM) the temporary name is
    gone when the block ends. While the block runs, SIGTERM raises ``Terminated`` so
    that this cleanup (and the caller's) runs; the CLI then exits 143. ``OSError``
    from creating the file reaches the caller. The file is created mode 0600.
    """
    import signal
    import tempfile  # only code that writes files pays for these

    installed, previous = False, None
    try:  # Python lets only the main thread set handlers; elsewhere, no handler
        previous = signal.getsignal(signal.SIGTERM)
        if previous is not signal.SIG_IGN:  # told to ignore SIGTERM: keep ignoring it
            signal.signal(signal.SIGTERM, _raise_terminated)
            installed = True
    except ValueError:
        pass
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        tmp = Path(name)
        with os.fdopen(fd, "wb") as handle:
            yield Temporary(handle, tmp)
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if installed:
            signal.signal(signal.SIGTERM, previous or signal.SIG_DFL)


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    A new file gets the mode the user's umask allows (as ``touch`` would); a file
    replaced with ``force`` keeps its mode. An interrupted or failed write leaves
    the old file whole and no temporary file behind.
    """
    shown = repr(str(path))
    existing = _existing(path, shown, force=force)
    _check_folder(path, shown)
    mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask()
    created = False
    try:
        with temporary_beside(path) as tmp:
            created = True
            tmp.file.write(text.encode("utf-8"))
            tmp.file.flush()
            if hasattr(os, "fchmod"):  # not on Windows
                os.fchmod(tmp.file.fileno(), mode)
            os.fsync(tmp.file.fileno())
            if force:
                tmp.path.replace(path)
            else:
                _place_new(tmp.path, path)
    except FileExistsError:  # another writer took the name while this one wrote
        raise DataError(f"{shown} already exists; add --force to replace it.") from None
    except FileNotFoundError as exc:
        if not created:  # the folder is there (checked above) but makes no files: /proc
            folder = repr(str(path.parent))
            message = f"Cannot write {shown}: the folder {folder} takes no new files."
            raise DataError(message) from None
        raise DataError(f"Cannot write {shown}: {exc.strerror}.") from None
    except OSError as exc:
        raise DataError(f"Cannot write {shown}: {exc.strerror}.") from None
    _sync_folder(path.parent)


def _existing(path: Path, shown: str, *, force: bool) -> os.stat_result | None:
    """What is at ``path`` now: nothing, or a regular file that ``force`` may replace."""
    try:
        found = path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return None  # the folder check says what is wrong, if anything
    except OSError as exc:
        raise DataError(f"Cannot write {shown}: {exc.strerror}.") from None
    if stat.S_ISLNK(found.st_mode):
        raise DataError(
            f"Cannot write {shown}: it is a symbolic link, which is never replaced "
            "(not even with --force); name the file it points to instead."
        )
    if stat.S_ISDIR(found.st_mode):
        raise DataError(f"Cannot write {shown}: it is a folder.")
    if not stat.S_ISREG(found.st_mode):
        raise DataError(
            f"Cannot write {shown}: it is not a regular file (a device, pipe or socket), "
            "and salesroles never writes to one."
        )
    if not force:
        raise DataError(f"{shown} already exists; add --force to replace it.")
    return found


def _check_folder(path: Path, shown: str) -> None:
    """The target's own folder must exist; say which one is missing if it does not."""
    try:
        path.parent.stat()
    except FileNotFoundError:
        raise DataError(
            f"Cannot write {shown}: the folder {str(path.parent)!r} does not exist."
        ) from None
    except OSError as exc:
        raise DataError(f"Cannot write {shown}: {exc.strerror}.") from None


def _place_new(tmp: Path, path: Path) -> None:
    """Give the finished file its name, failing with FileExistsError if it is taken."""
    import errno

    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        # A file system without hard links: claim the name (O_EXCL fails if it is
        # taken), then rename the finished file over that claim.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            tmp.replace(path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the new name durable; a folder that cannot be synced is no error."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_or_print(text: str, path: Path | None, *, force: bool = False) -> None:
    """Write ``text`` to ``path``, or to stdout when there is none or it is ``-``."""
    if path is None or os.fspath(path) == "-":
        sys.stdout.write(text)
    else:
        write_atomic(path, text, force=force)


def starter_text(name: str = "our-ladder.toml") -> str:
    """The commented starter dataset that ``salesroles data init`` writes, for file ``name``.

    Its comments name the file, unless the name holds a character no comment can
    (a newline, a control character, bytes that are not UTF-8).
    """
    from importlib.resources import files

    text = (files("salesroles") / "starter.toml").read_text(encoding="utf-8")
    return text.replace("our-ladder.toml", name) if name.isprintable() else text
