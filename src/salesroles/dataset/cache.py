"""A cache of validated datasets, so a warm start needs neither tomllib nor pydantic.

One entry per dataset file (and one for the bundled dataset), and at most
``MAX_ENTRIES`` of them (``MAX_CACHE_BYTES`` in all): a write removes the entries
used least lately, those of datasets long gone among them. An entry is a one-line
JSON header (its key and a CRC-32 of the payload) and the payload: the catalog's
index, each role as its own JSON text, so a start parses only what it shows.

The key is made of what the answer depends on: the file's identity and change
times (device, inode, size, modification and change time; and the bundled file's,
which it may extend), the salesroles version and a fingerprint of the models'
fields and types. Adding a field to a model, editing a file in place (even keeping
its size and modification time: the change time moves) or restoring an old copy
always misses, and a warm start never reads the dataset at all.
Any doubt is a miss: an entry that is not a regular file, is too big, is not the
user's own or can be written by others (one planted in a shared folder), does not
parse, or has a payload of another shape is ignored and replaced. The folder is
made readable by its user only. Deleting the folder is always safe.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import types
import typing
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from salesroles import __version__
from salesroles.models import ID, MODELS, Dataset, Role, Source

MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 16  # the bundled dataset and the own ones used most lately
MAX_CACHE_BYTES = 256 * 1024 * 1024
_NAMES = re.compile(r"bundled\.json|[0-9a-f]{8}-[0-9a-f]{8}\.json|\.tmp-.+\.json")
_DAY = 24 * 60 * 60


def directory() -> Path | None:
    """Where entries live, or None when caching is off (``SALESROLES_NO_CACHE=1``)."""
    if os.environ.get("SALESROLES_NO_CACHE"):
        return None
    if chosen := os.environ.get("SALESROLES_CACHE_DIR"):
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():  # a relative one is invalid (the XDG spec): ignored
        return Path(xdg) / "salesroles"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "salesroles"
    return Path.home() / ".cache" / "salesroles"


def fingerprint() -> str:
    """The models' shape: every class's field names and types. A change misses every entry."""
    shape = repr([(m.__name__, [(f.name, repr(f.type)) for f in fields(m)]) for m in MODELS])  # type: ignore[arg-type]
    return f"{zlib.crc32(shape.encode()):08x}"


def key(data: bytes) -> str:
    """The key of a dataset's bytes, when its file cannot be told apart by metadata."""
    return key_of(f"crc32:{zlib.crc32(data):08x}.{len(data)}")


def key_of(identity: str) -> str:
    """The key of a dataset known by ``identity`` (content, or file metadata)."""
    return f"{__version__}|{fingerprint()}|{identity}"


def entry_name(path: bytes | None) -> str:
    """The entry of a dataset path (bytes, so any file name works), or of the bundled one."""
    if path is None:
        return "bundled.json"
    return f"{zlib.crc32(path):08x}-{zlib.adler32(path):08x}.json"


def _open(path: Path) -> int | None:
    """A descriptor for a regular entry file of the user's own that no one else can write,
    never following a link or waiting on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES or not _own(info):
        os.close(fd)
        return None
    return fd


def _own(info: os.stat_result) -> bool:
    """The user's own file, which neither its group nor anyone else can write."""
    uid = os.geteuid() if hasattr(os, "geteuid") else info.st_uid  # no owners on Windows
    return info.st_uid == uid and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read(entry: str, wanted: str) -> dict[str, Any] | None:
    """The index stored in ``entry`` under the key ``wanted``, or None on any doubt.

    Its ``roles`` are a ``RoleTexts``: each role is read from the entry when asked for.
    """
    folder = directory()
    if folder is None:
        return None
    path = folder / entry
    try:
        fd = _open(path)
        if fd is None:
            return None
        with os.fdopen(fd, "rb") as handle:
            header = handle.readline(4096)
            meta = json.loads(header)
            if meta["key"] != wanted or not isinstance(meta["length"], int):
                return None
            body = handle.read(meta["length"])
            _used(fd)
        if len(body) != meta["length"] or meta["crc32"] != zlib.crc32(body):
            return None
        document = json.loads(body)
        if not isinstance(document, dict) or not isinstance(document.get("roles"), dict):
            return None
        start = len(header) + meta["length"]
        document["roles"] = RoleTexts(path, start, document["roles"])
        parts = RoleTexts(path, start, document.pop("deferred"))
        document.update((name, Deferred(parts, name)) for name in parts.spans)
    except (OSError, ValueError, KeyError, TypeError, RecursionError, MemoryError):
        return None
    return document


class RoleTexts(Mapping[str, str]):
    """The roles of a cached index, each read from the entry (and checked) on first use."""

    def __init__(self, path: Path, start: int, spans: dict[str, Any]) -> None:
        self.path = path
        self.start = start
        self.spans = spans  # role id -> [offset, length, crc32]

    def __getitem__(self, role_id: str) -> str:
        offset, length, crc = self.spans[role_id]
        try:
            fd = _open(self.path)
            if fd is None:
                raise ValueError("the cache entry is no longer a regular file")
            with os.fdopen(fd, "rb") as handle:
                handle.seek(self.start + offset)
                data = handle.read(length)
        except OSError as exc:
            raise ValueError(str(exc)) from None
        if len(data) != length or zlib.crc32(data) != crc:
            raise ValueError("a cached role does not match its checksum")
        return data.decode()

    def __iter__(self) -> Iterator[str]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


def write(entry: str, key: str, index: dict[str, Any]) -> None:
    """Store an entry atomically, replacing the old one; skipped if it cannot be written.

    The entry is a header line, the index (its roles as offsets), then the roles' texts.
    """
    folder = directory()
    if folder is None:
        return
    import tempfile  # only a miss writes

    blob = bytearray()

    def stored(texts: dict[str, str]) -> dict[str, list[int]]:
        nonlocal blob
        spans: dict[str, list[int]] = {}
        for name, text in texts.items():
            data = text.encode()
            spans[name] = [len(blob), len(data), zlib.crc32(data)]
            blob += data
        return spans

    roles = stored(index["roles"])
    parts = stored({name: index[name] for name in DEFERRED})
    kept = {k: v for k, v in index.items() if k not in DEFERRED}
    body = json.dumps({**kept, "roles": roles, "deferred": parts}, separators=(",", ":")).encode()
    header = json.dumps({"key": key, "crc32": zlib.crc32(body), "length": len(body)}).encode()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the user's alone
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + b"\n" + body + bytes(blob))
            Path(tmp).replace(folder / entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        prune(folder, keep=entry)
    except OSError:
        return


def _used(fd: int) -> None:
    """Mark an entry as used (its modification time), at most once a day, for ``prune``."""
    import time

    now = time.time()
    if os.utime in os.supports_fd and now - os.fstat(fd).st_mtime > _DAY:
        with suppress(OSError):  # a read-only cache is still a cache
            os.utime(fd, (now, now))


def prune(folder: Path, keep: str) -> None:
    """Keep at most ``MAX_ENTRIES`` entries and ``MAX_CACHE_BYTES`` in ``folder``, those used
    most lately and ``keep``; temporary files a run left behind (killed while writing)
    go after a day. Only the user's own files of the cache's own names are touched."""
    import time

    found: list[tuple[int, int, Path]] = []
    for path in folder.iterdir():
        name = path.name
        if not _NAMES.fullmatch(name):
            continue
        try:
            info = path.lstat()
        except OSError:  # removed meanwhile, by another run
            continue
        if not stat.S_ISREG(info.st_mode) or not _own(info):
            continue
        if name.startswith(".tmp-"):
            if time.time() - info.st_mtime > _DAY:
                path.unlink(missing_ok=True)
        elif name != keep:
            found.append((info.st_mtime_ns, info.st_size, path))
    total = (folder / keep).stat().st_size
    for count, (_, size, path) in enumerate(sorted(found, reverse=True), 1):
        total += size
        if count >= MAX_ENTRIES or total > MAX_CACHE_BYTES:
            path.unlink(missing_ok=True)


# --- a catalog's values, from an entry --------------------------------------------


def fits(index: dict[str, Any], shape: dict[str, Any]) -> bool:
    """Whether a cached index has exactly the keys and value types of ``shape``."""
    try:
        if index.keys() != shape.keys():
            return False
        for name, kind in shape.items():
            build(dict[str, tuple[int, int, int]] if name == "roles" else kind, _raw(index[name]))
        ids = index["order"]
        return (
            len(set(ids)) == len(ids)
            and set(ids) == set(index["roles"])
            and all(ID.fullmatch(i) for i in ids)
        )
    except (KeyError, TypeError, ValueError):
        return False


def _raw(value: Any) -> Any:
    if isinstance(value, Deferred):  # a text kept in the entry: its span is checked here
        return "".join(str(n) for n in value.texts.spans[value.name])
    return value.spans if isinstance(value, RoleTexts) else value


# The index's big texts (every source, contrast...), kept in the entry's body and read
# only by a command that uses them: a start parses a small index.
DEFERRED = ("sources", "contrasts", "disagreements", "outside", "sizes", "hiring")


class Deferred:
    """One of an entry's texts, read (and checked against its CRC) when asked for."""

    def __init__(self, texts: RoleTexts, name: str) -> None:
        self.texts = texts
        self.name = name

    def __str__(self) -> str:
        return self.texts[self.name]


class CachedValues:
    """A catalog's roles and parts, rebuilt from a cache entry when first asked for.

    Every value is type-checked as it is rebuilt. Should one not fit (a damaged or
    forged entry), the dataset is checked afresh (``recover``) and every value comes
    from that from then on: the cache can only make a start faster, never wrong.
    """

    def __init__(self, index: dict[str, Any], recover: Callable[[], Dataset]) -> None:
        self.index = index
        self.recover = recover
        self.checked: Dataset | None = None
        self.built: dict[str, Any] = {}

    def role(self, role_id: str) -> Role:
        if self.checked is not None:
            return self._from_checked(role_id)
        found = self.built.get(role_id)
        if found is None:
            found = self._rebuild(Role, lambda: self.index["roles"][role_id])
            if found is None or found.id != role_id:
                self.checked = self.recover()
                return self._from_checked(role_id)
            self.built[role_id] = found
        return found  # type: ignore[no-any-return]

    def part(self, name: str) -> tuple[Any, ...]:
        """One of the dataset's lists besides the roles (sources, contrasts...), by name."""
        key = f"part:{name}"
        if self.checked is None and key not in self.built:
            value = self._rebuild(_PART_TYPES[name], lambda: str(self.index[name]))
            if value is None:
                self.checked = self.recover()
            else:
                self.built[key] = value
        found: tuple[Any, ...] = (
            getattr(self.checked, name) if self.checked is not None else self.built[key]
        )
        return found

    def sources(self, wanted: Iterable[str]) -> list[Source]:
        """The sources with these ids, each rebuilt alone: a command cites a few of many."""
        ids = set(wanted)
        if self.checked is not None or "part:sources" in self.built:
            return [s for s in self.part("sources") if s.id in ids]
        try:
            listed = json.loads(str(self.index["sources"]))
            return [build(Source, raw) for raw in listed if raw.get("id") in ids]
        except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
            self.checked = self.recover()
            return [s for s in self.checked.sources if s.id in ids]

    def _from_checked(self, role_id: str) -> Role:
        assert self.checked is not None
        for role in self.checked.roles:
            if role.id == role_id:
                return role
        from salesroles.errors import DataError

        raise DataError("The dataset changed while it was being read: run the command again.")

    @staticmethod
    def _rebuild(kind: Any, text: Callable[[], str]) -> Any:
        """A cached value rebuilt and type-checked, or None when it does not fit."""
        try:
            return build(kind, json.loads(text()))
        except (TypeError, ValueError, KeyError, RecursionError):
            return None


_PART_TYPES = {
    f.name: f.type
    for f in fields(Dataset)  # type: ignore[arg-type]
    if f.name not in ("roles", "extends")
}


# --- rebuilding model instances from plain JSON, checking every value -----------

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
    if origin in (dict, list):
        return _container(origin, args)
    if isinstance(kind, type) and is_dataclass(kind):
        return _dataclass_converter(kind)
    simple = {str: "text", int: "an integer", bool: "true or false"}
    if kind in simple:
        return lambda v: v if type(v) is kind else _fail(simple[kind], v)
    raise TypeError(f"cannot rebuild {kind!r}")


def _container(origin: Any, args: tuple[Any, ...]) -> Converter:
    if origin is list:
        item = converter(args[0])
        return lambda v: list(map(item, v)) if isinstance(v, list) else _fail("a list", v)
    key_of, value_of = converter(args[0]), converter(args[1])
    return lambda v: (
        {key_of(k): value_of(x) for k, x in v.items()}
        if isinstance(v, dict)
        else _fail("a table", v)
    )


def _dataclass_converter(kind: type) -> Converter:
    plan: list[tuple[str, Converter]] = []
    names = frozenset(f.name for f in fields(kind))

    def convert(v: Any) -> Any:
        if not plan:  # filled on first use: a type may refer to itself
            plan.extend((f.name, converter(f.type)) for f in fields(kind))
        if not isinstance(v, dict) or v.keys() != names:
            _fail(f"the fields of {kind.__name__}", v)
        instance: Any = object.__new__(kind)
        for name, conv in plan:  # frozen: set once here, like __init__ does
            object.__setattr__(instance, name, conv(v[name]))
        return instance

    return convert
