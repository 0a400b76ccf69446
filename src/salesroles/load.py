"""Loading a dataset: read (capped) → parse → validate → catalog, through the cache.

The one place that turns a file into a ``Catalog``. A dataset validated before comes
from ``cache`` without parsing TOML or importing pydantic; anything the cache cannot
vouch for is validated again, so the cache can only ever make a start faster.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from salesroles import cache
from salesroles.catalog import Catalog, compile_index
from salesroles.errors import DataError

BUNDLED = "bundled dataset"
MAX_BYTES = 20 * 1024 * 1024  # about 60,000 roles: far past any real ladder


def bundled_path() -> Path | None:
    """The bundled data file when the package is a plain folder (it almost always is).

    Read straight from the package's folder, this costs 0.05 ms where
    ``importlib.resources`` costs 6 ms of start-up; ``bundled_bytes`` falls back to
    ``importlib.resources`` for a package that is not a folder (a zip import).
    """
    import salesroles

    for folder in salesroles.__path__:
        candidate = Path(folder) / "data" / "roles.toml"
        if candidate.is_file():
            return candidate
    return None


def bundled_bytes() -> bytes:
    path = bundled_path()
    if path is not None:
        return read_capped(path, BUNDLED)
    from importlib.resources import files

    return (files("salesroles") / "data" / "roles.toml").read_bytes()


def shown(path: Path | str) -> str:
    """A path as text that can always be printed: undecodable bytes as ``\\xe9``."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


def read_capped(path: Path, origin: str | None = None) -> bytes:
    """The bytes of ``path``: at most ``MAX_BYTES``, from any kind of file.

    Devices, pipes and ``/dev/zero`` are read up to the cap plus one byte, never more.
    """
    name = origin or shown(path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        raise DataError(f"Cannot read dataset {name!r}: no such file.") from None
    except IsADirectoryError:
        raise DataError(f"Cannot read dataset {name!r}: it is a folder, not a file.") from None
    except PermissionError:
        raise DataError(f"Cannot read dataset {name!r}: permission denied.") from None
    except OSError as exc:
        raise DataError(f"Cannot read dataset {name!r}: {exc.strerror}.") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DataError(f"Cannot read dataset {name!r}: it is a folder, not a file.")
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:  # refused unread
            raise DataError(
                f"Cannot read dataset {name!r}: it is {info.st_size / 2**20:.0f} MiB, "
                f"more than the {MAX_BYTES // 2**20} MiB a dataset may be."
            )
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise DataError(f"Cannot read dataset {name!r}: {exc.strerror}.") from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise DataError(
            f"Cannot read dataset {name!r}: it is more than the "
            f"{MAX_BYTES // 2**20} MiB a dataset may be."
        )
    return b"".join(chunks)


def load(path: Path | None = None, *, use_cache: bool = True) -> Catalog:
    """The catalog of a dataset file, or of the bundled dataset when ``path`` is None.

    A regular file validated before comes from the cache without being read at all:
    the entry's key holds the file's identity and change times (and the bundled
    file's, which it may extend), so any edit, even one that keeps the size and
    modification time, changes the key.
    """
    origin = BUNDLED if path is None else shown(path)
    entry = cache.entry_name(None if path is None else os.fsencode(path.absolute()))
    key = _key(path) if use_cache else None
    if key is not None:
        index = cache.read(entry, key)
        if index is not None:
            data_path = path

            def recover() -> Catalog:
                data = bundled_bytes() if data_path is None else read_capped(data_path)
                return _validated(data, data_path, origin)

            catalog = Catalog.from_index(index, origin, recover)
            if catalog is not None:
                return catalog
    data = bundled_bytes() if path is None else read_capped(path)
    if use_cache and key is None and path is None:  # a bundled file that is no plain file
        key = cache.key(data)
    catalog = _validated(data, path, origin)
    if key is not None:
        cache.write(entry, key, catalog.index)
    return catalog


def _key(path: Path | None) -> str | None:
    """A cache key from metadata alone, for regular files; None for anything else."""
    own = _identity(bundled_path() if path is None else path)
    if own is None:
        return None
    extended = "" if path is None else (_identity(bundled_path()) or "")
    return cache.key_of(f"{own}+{extended}")


def _identity(path: Path | None) -> str | None:
    """Device, inode, size, and modification and change times of a regular file."""
    if path is None:
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def _validated(data: bytes, path: Path | None, origin: str) -> Catalog:
    from salesroles import validation  # a cache miss: check the file

    base = None if path is None else (lambda: load(None).dataset)
    dataset = validation.validate(data, origin, base)
    return Catalog(compile_index(dataset), origin, dataset)


def raw_dataset(data: bytes, origin: str) -> dict[str, Any]:
    """A dataset file's bytes as plain values (TOML, or a JSON export), for ``data upgrade``."""
    from salesroles import validation

    return validation.parse(validation.decode(data, origin), origin)
