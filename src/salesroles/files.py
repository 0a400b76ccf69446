"""Writing files the safe way: never over an existing file unasked, never half-written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from salesroles.errors import DataError


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    The temporary file is flushed and synced, then renamed over the target, so an
    interrupted or failed write leaves the old file whole; on failure it is removed.
    """
    import tempfile  # only the commands that write files pay for it

    if path.is_dir():
        raise DataError(f"Cannot write {str(path)!r}: it is a folder.")
    if path.exists() and not force:
        raise DataError(f"{str(path)!r} already exists; add --force to replace it.")
    folder = path.parent if str(path.parent) else Path()
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except FileNotFoundError:
        raise DataError(
            f"Cannot write {str(path)!r}: the folder {str(folder)!r} does not exist."
        ) from None
    except OSError as exc:
        raise DataError(f"Cannot write {str(path)!r}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DataError(f"Cannot write {str(path)!r}: {exc.strerror}.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_or_print(text: str, path: Path | None, *, force: bool = False) -> None:
    """Write ``text`` to ``path``, or to stdout when there is none."""
    if path is None:
        sys.stdout.write(text)
    else:
        write_atomic(path, text, force=force)


def starter_text(name: str = "our-ladder.toml") -> str:
    """The commented starter dataset that ``salesroles data init`` writes, for file ``name``."""
    from importlib.resources import files

    text = (files("salesroles") / "starter.toml").read_text(encoding="utf-8")
    return text.replace("our-ladder.toml", name)
