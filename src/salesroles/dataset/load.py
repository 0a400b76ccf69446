"""Loading a dataset: a cache hit, or read → check → store. The one place that turns a
file into a ``Catalog``.

A dataset checked before comes from ``cache`` without parsing TOML or importing
pydantic; anything the cache cannot vouch for is checked again, so the cache can
only ever make a start faster.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from salesroles.catalog import INDEX, Catalog
from salesroles.dataset import cache
from salesroles.dataset.read import (
    BUNDLED,
    bundled_bytes,
    bundled_path,
    is_stdin,
    read_capped,
    shown,
)
from salesroles.models import Dataset


def load(path: Path | None = None, *, use_cache: bool = True) -> Catalog:
    """The catalog of a dataset file, or of the bundled dataset when ``path`` is None.

    A regular file checked before comes from the cache without being read at all:
    the entry's key holds the file's identity and change times (and the bundled
    file's, which it may extend), so any edit, even one that keeps the size and
    modification time, changes the key.
    """
    origin = BUNDLED if path is None else shown(path)
    entry = cache.entry_name(None if path is None else os.fsencode(path.absolute()))
    key = _key(path) if use_cache else None
    if key is not None:
        index = cache.read(entry, key)
        if index is not None and cache.fits(index, INDEX):
            return Catalog(index, origin, cache.CachedValues(index, lambda: checked(path)))
    data = bundled_bytes() if path is None else read_capped(path)
    if use_cache and key is None and path is None:  # a bundled file that is no plain file
        key = cache.key(data)
    dataset, own = _checked(data, origin, path)
    catalog = Catalog.of(dataset, origin, own)
    if key is not None:
        cache.write(entry, key, catalog.index)
    return catalog


def checked(path: Path | None) -> Dataset:
    """The dataset at ``path`` (None: the bundled one), read and checked afresh."""
    data = bundled_bytes() if path is None else read_capped(path)
    return from_bytes(data, BUNDLED if path is None else shown(path), path)


def from_bytes(data: bytes, origin: str, path: Path | None = None) -> Dataset:
    """A dataset file's bytes read and checked; ``path`` says where an ``extends`` starts."""
    return _checked(data, origin, path)[0]


def _checked(data: bytes, origin: str, path: Path | None) -> tuple[Dataset, list[str]]:
    """The checked dataset, and the roles its file defines itself (none for the bundled
    file; with ``extends``, those not taken from the bundled dataset)."""
    from salesroles.dataset import check, read  # a cache miss: check the file

    text = read.decode(data, origin)
    raw = read.normalize(read.upgrade(read.parse(text, origin)))
    base = load(None).dataset if path is not None and raw.get("extends") else None
    bundled = None if path is None else (lambda: load(None).order)
    dataset = check.check(raw, text, origin, base, bundled)
    if path is None:
        return dataset, []
    if base is None:
        return dataset, [role.id for role in dataset.roles]
    return dataset, [role["id"] for role in raw["roles"]]  # checked: each has its id


def raw_dataset(data: bytes, origin: str) -> dict[str, Any]:
    """A dataset file's bytes as plain values (TOML, or a JSON export), for ``data upgrade``."""
    from salesroles.dataset import read

    return read.parse(read.decode(data, origin), origin)


def _key(path: Path | None) -> str | None:
    """A cache key from metadata alone, for regular files; None for anything else (stdin)."""
    if is_stdin(path):
        return None
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
