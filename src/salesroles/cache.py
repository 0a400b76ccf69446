"""A cache of validated datasets, so a warm start needs neither tomllib nor pydantic.

An entry is a one-line JSON header (its key and a CRC-32 of the payload) followed by
the payload: the catalog's look-up index and each role as its own JSON text, so a
start parses only what it shows. The key holds the salesroles version and the
dataset's path, size and modification time: an edited file or a new release misses,
so an entry is never stale. Nor is it trusted blindly: a key or checksum that does
not match is a miss, and every value is type-checked when a role is rebuilt.
Entries live in the user's cache folder; deleting it is always safe.
"""

from __future__ import annotations

import json
import os
import sys
import types
import typing
import zlib
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from salesroles import __version__
from salesroles.models import SCHEMA_VERSION

FORMAT = 3  # of an entry's payload: raise it whenever the payload's shape changes


def directory() -> Path | None:
    """Where entries live, or None when caching is off (``SALESROLES_NO_CACHE=1``)."""
    if os.environ.get("SALESROLES_NO_CACHE"):
        return None
    if chosen := os.environ.get("SALESROLES_CACHE_DIR"):
        return Path(chosen)
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / "salesroles"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "salesroles"
    return Path.home() / ".cache" / "salesroles"


def key_for_file(path: Path) -> str | None:
    """The key of a dataset file, from its metadata alone; None if it cannot be seen."""
    try:
        stat = path.stat()
        where = path.resolve()
    except OSError:
        return None
    return f"{__version__}|{SCHEMA_VERSION}|{FORMAT}|{where}|{stat.st_size}|{stat.st_mtime_ns}"


def key_for_bytes(data: bytes) -> str:
    return f"{__version__}|{SCHEMA_VERSION}|{FORMAT}|crc32:{zlib.crc32(data):08x}|{len(data)}"


def _entry(folder: Path, key: str) -> Path:
    return folder / f"{zlib.crc32(key.encode()):08x}.json"


def read(key: str) -> dict[str, Any] | None:
    """The payload stored under ``key``, or None on a miss or any doubt."""
    folder = directory()
    if folder is None:
        return None
    try:
        header, _, payload = _entry(folder, key).read_bytes().partition(b"\n")
        meta = json.loads(header)
        if meta["key"] != key or meta["crc32"] != zlib.crc32(payload):
            return None
        document = json.loads(payload)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return document if isinstance(document, dict) else None


def write(key: str, payload: dict[str, Any]) -> None:
    """Store an entry atomically; a cache that cannot be written is simply skipped."""
    folder = directory()
    if folder is None:
        return
    import tempfile  # only a miss writes

    body = json.dumps(payload, separators=(",", ":")).encode()
    header = json.dumps({"key": key, "crc32": zlib.crc32(body)}).encode()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + b"\n" + body)
            Path(tmp).replace(_entry(folder, key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


# --- rebuilding dataclasses from plain JSON, checking every value -------------

Converter = Callable[[Any], Any]
_CONVERTERS: dict[Any, Converter] = {}


def build(kind: Any, value: Any) -> Any:
    """``value`` (plain JSON) as an instance of ``kind``; TypeError if it does not fit."""
    return converter(kind)(value)


def converter(kind: Any) -> Converter:
    """A function that checks and converts plain JSON to ``kind``, made once per type."""
    found = _CONVERTERS.get(kind)
    if found is None:
        found = _CONVERTERS[kind] = _make(kind)
    return found


def _fail(expected: str, value: Any) -> typing.NoReturn:
    raise TypeError(f"expected {expected}, got {type(value).__name__}")


def _make(kind: Any) -> Converter:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Literal:
        allowed = frozenset(args)
        return lambda v: v if v in allowed else _fail(f"one of {sorted(allowed)}", v)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        convert = converter(inner)
        return lambda v: None if v is None else convert(v)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = converter(args[0])
        return lambda v: tuple(map(item, v)) if isinstance(v, list) else _fail("a list", v)
    if origin is tuple:
        items = [converter(a) for a in args]

        def fixed(v: Any) -> tuple[Any, ...]:
            if not isinstance(v, list) or len(v) != len(items):
                _fail(f"a list of {len(items)}", v)
            return tuple(c(x) for c, x in zip(items, v, strict=True))

        return fixed
    if origin is dict:
        value_of = converter(args[1])
        return lambda v: (
            {str(k): value_of(x) for k, x in v.items()}
            if isinstance(v, dict)
            else _fail("a table", v)
        )
    if isinstance(kind, type) and is_dataclass(kind):
        return _dataclass_converter(kind)
    if kind is str:
        return lambda v: v if isinstance(v, str) else _fail("text", v)
    if kind is int:
        return lambda v: v if type(v) is int else _fail("an integer", v)
    raise TypeError(f"cannot rebuild {kind!r}")


def _dataclass_converter(kind: type) -> Converter:
    plan: list[tuple[str, Converter]] = []
    names = frozenset(f.name for f in fields(kind))

    def convert(v: Any) -> Any:
        if not plan:  # filled on first use: a type may refer to itself
            plan.extend((f.name, converter(f.type)) for f in fields(kind))
        if not isinstance(v, dict) or v.keys() != names:
            _fail(f"the fields of {kind.__name__}", v)
        instance: Any = object.__new__(kind)
        instance.__dict__.update({name: conv(v[name]) for name, conv in plan})
        return instance  # frozen: set once above, like __init__ does

    return convert
