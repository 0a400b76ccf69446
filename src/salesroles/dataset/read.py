"""Reading a dataset file: capped, decoded, parsed (TOML or a JSON export), upgraded.

Everything here works on bytes and plain values; nothing is checked against the
models yet (that is ``check``). A file written for version 1 is read as if upgraded
(``salesroles data upgrade`` writes the upgrade out), and plain-text points become
``{text, sources}``.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from salesroles import names
from salesroles.errors import DataError
from salesroles.models import DATASET_VERSION, DIMENSIONS

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


def is_stdin(path: Path | str | None) -> bool:
    """Whether ``path`` is ``-``, which names stdin (``--data -``), as most tools read it."""
    return path is not None and os.fspath(path) == "-"


def shown(path: Path | str) -> str:
    """A path as text that can always be printed: undecodable bytes as ``\\xe9``."""
    if is_stdin(path):
        return "stdin"
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


_read_from: tuple[object, bytes] | None = None  # stdin, and what was read from it


def read_stdin(what: str = "dataset 'stdin'") -> bytes:
    """stdin's bytes, capped like every read (``MAX_BYTES``); ``what`` names them in errors.

    Read once: a second call (``data upgrade -`` checks, then upgrades) gets the same bytes.
    """
    global _read_from
    stream = sys.stdin
    if stream is None:
        raise DataError(f"Cannot read {what}: stdin is closed.")
    if _read_from is not None and _read_from[0] is stream:
        return _read_from[1]
    try:
        data = stream.buffer.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DataError(f"Cannot read {what}: {exc.strerror}.") from None
    if len(data) > MAX_BYTES:
        raise DataError(
            f"Cannot read {what}: stdin holds more than the {MAX_BYTES // 2**20} MiB "
            "salesroles reads."
        )
    _read_from = (stream, data)
    return data


def read_capped(path: Path, origin: str | None = None, what: str = "dataset") -> bytes:
    """The bytes of ``path`` (``-``: stdin): at most ``MAX_BYTES``, from any kind of file.

    Devices, pipes and ``/dev/zero`` are read up to the cap plus one byte, never more.
    """
    if is_stdin(path):
        return read_stdin()
    name = origin or shown(path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        raise DataError(f"Cannot read {what} {name!r}: no such file.") from None
    except IsADirectoryError:
        raise DataError(f"Cannot read {what} {name!r}: it is a folder, not a file.") from None
    except PermissionError:
        raise DataError(f"Cannot read {what} {name!r}: permission denied.") from None
    except OSError as exc:
        raise DataError(f"Cannot read {what} {name!r}: {exc.strerror}.") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DataError(f"Cannot read {what} {name!r}: it is a folder, not a file.")
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:  # refused unread
            raise DataError(
                f"Cannot read {what} {name!r}: it is {info.st_size / 2**20:.0f} MiB, "
                f"more than the {MAX_BYTES // 2**20} MiB a {what} may be."
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
        raise DataError(f"Cannot read {what} {name!r}: {exc.strerror}.") from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise DataError(
            f"Cannot read {what} {name!r}: it is more than the "
            f"{MAX_BYTES // 2**20} MiB a dataset may be."
        )
    return b"".join(chunks)


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"Invalid dataset {origin!r}: not UTF-8 text (byte {exc.start} cannot be decoded)."
        ) from None


def parse(text: str, origin: str) -> dict[str, Any]:
    """TOML, or JSON (what ``data export --format json`` writes), told apart by content."""
    if text.lstrip().startswith("{"):
        return _parse_json(text, origin)
    import tomllib

    try:
        value = tomllib.loads(text)
    except ValueError as exc:  # ValueError: Python's limit on the digits of an integer
        if not isinstance(exc, tomllib.TOMLDecodeError):
            raise _too_many_digits(text, origin, "TOML") from None
        message = str(exc)
        where = re.search(r" \(at line (\d+), column (\d+)\)$", message)
        if where:
            message = message[: where.start()]
            place = f"{origin}:{where.group(1)}:{where.group(2)}"
        else:
            place = origin
        raise DataError(
            f"Invalid dataset {origin!r}: not valid TOML.\n  {place}: {message}"
        ) from None
    except RecursionError:
        raise DataError(
            f"Invalid dataset {origin!r}: not valid TOML.\n  {origin}: values are nested too deeply"
        ) from None
    _printable_integers(value, text, origin)  # 0x... with 4,000 digits parses, never prints
    return value


def _parse_json(text: str, origin: str) -> dict[str, Any]:
    import json

    try:
        value = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"Invalid dataset {origin!r}: not valid JSON.\n"
            f"  {origin}:{exc.lineno}:{exc.colno}: {exc.msg}"
        ) from None
    except _DuplicateKey as exc:
        place = _duplicate_place(text)
        raise DataError(
            f"Invalid dataset {origin!r}: not valid JSON.\n"
            f"  {origin}{place}: the key {exc.key!r} is given twice in one object"
        ) from None
    except ValueError:  # Python's limit on the digits of an integer
        raise _too_many_digits(text, origin, "JSON") from None
    except RecursionError:
        raise DataError(
            f"Invalid dataset {origin!r}: not valid JSON.\n  {origin}: values are nested too deeply"
        ) from None
    if not isinstance(value, dict):
        raise DataError(f"Invalid dataset {origin!r}: the JSON is not an object.")
    return value


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (``json`` would keep the last one)."""
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return found


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]')  # strings, and what opens or closes
_COLON = re.compile(r"\s*:")


def _duplicate_place(text: str) -> str:
    """``:line:column`` of the first key given twice in one object of the JSON ``text``."""
    import json

    objects: list[set[str] | None] = []  # the keys of each open object; None for an array
    for token in _TOKEN.finditer(text):
        found = token.group()
        if found in ("{", "["):
            objects.append(set() if found == "{" else None)
        elif found in ("}", "]"):
            objects.pop()
        elif objects and objects[-1] is not None and _COLON.match(text, token.end()):
            key = json.loads(found)
            if key in objects[-1]:
                return _place(text, token.start())
            objects[-1].add(key)
    return ""


def _place(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f":{line}:{index - text.rfind(chr(10), 0, index)}"


_MAX_BITS = 14_000  # about 4,200 decimal digits: under the 4,300 Python prints


def _printable_integers(value: Any, text: str, origin: str) -> None:
    """DataError naming the first integer too long to print (hexadecimal, octal or
    binary TOML packs more digits into fewer characters than Python's limit counts)."""
    from salesroles.dataset.report import Problem, report

    pending: list[tuple[tuple[str | int, ...], Any]] = [((), value)]
    while pending:
        loc, here = pending.pop()
        if isinstance(here, dict):
            pending += [((*loc, k), v) for k, v in here.items()]
        elif isinstance(here, list):
            pending += [((*loc, i), v) for i, v in enumerate(here)]
        elif isinstance(here, int) and abs(here).bit_length() > _MAX_BITS:
            said = "an integer with more digits than salesroles reads"
            raise DataError(report(origin, text, [Problem(loc, said)]))


def _too_many_digits(text: str, origin: str, kind: str) -> DataError:
    """An integer past the digits Python converts (4,300): a dataset error with its place."""
    found = re.search(r"[0-9A-Fa-f_]{4300,}", text)  # decimal, or 0x... and the like
    place = _place(text, found.start()) if found else ""
    return DataError(
        f"Invalid dataset {origin!r}: not valid {kind}.\n"
        f"  {origin}{place}: an integer with more digits than salesroles reads"
    )


# --- version 1 files, and plain-text points --------------------------------------


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """A version-1 dataset as version 2; any other version is returned as it is.

    Version 1 cited sources by title and had no source ids: each source gets an id
    made from its title, and every citation is rewritten to that id. Points stay
    plain text, so they inherit their role's sources.
    """
    if raw.get("schema_version") != 1 or "dataset_version" in raw:
        return raw
    out = {k: v for k, v in raw.items() if k != "schema_version"}
    out = {"dataset_version": DATASET_VERSION, **out}
    ids: dict[str, str] = {}

    def cite(title: Any) -> Any:
        if not isinstance(title, str):
            return title
        if title not in ids:
            base = names.slug(title)[:40].strip("-") or "source"
            candidate, n = base, 2
            while candidate in ids.values():
                candidate, n = f"{base}-{n}", n + 1
            ids[title] = candidate
        return ids[title]

    sources = []
    for source in raw.get("sources", []):
        if isinstance(source, dict):
            sources.append({"id": cite(source.get("title")), **source})
        else:
            sources.append(source)
    for role in out.get("roles", []):
        if not isinstance(role, dict):
            continue
        if isinstance(role.get("sources"), list):
            role["sources"] = [cite(t) for t in role["sources"]]
        for move in role.get("career", []) if isinstance(role.get("career"), list) else []:
            if isinstance(move, dict) and "source" in move:
                move["source"] = cite(move["source"])
        pay = role.get("compensation")
        if isinstance(pay, dict) and isinstance(pay.get("figures"), list):
            for figure in pay["figures"]:
                if isinstance(figure, dict):
                    figure["source"] = cite(figure.get("source"))
                    if "note" in figure:
                        figure["covers"] = figure.pop("note")
    for contrast in out.get("contrasts", []):
        if isinstance(contrast, dict) and "source" in contrast:
            contrast["source"] = cite(contrast["source"])
    if not sources:  # version 1 allowed citations without a [[sources]] list at all
        sources = [{"id": i, "title": t, "kind": "other"} for t, i in ids.items()]
    if sources:
        out["sources"] = sources
    return out


def normalize(raw: dict[str, Any]) -> dict[str, Any]:
    """Plain-text points as ``{text, sources}``, inheriting their role's sources.

    ``source = "id"`` is the same as ``sources = ["id"]``. Anything not of the
    expected shape is left for the schema check to report.
    """
    for role in raw.get("roles", []) if isinstance(raw.get("roles"), list) else []:
        if not isinstance(role, dict):
            continue
        inherited = role.get("sources", [])
        inherited = inherited if isinstance(inherited, list) else []
        if "summary" in role:
            role["summary"] = _point(role["summary"], inherited)
        if isinstance(role.get("titles"), list):
            role["titles"] = [_point(t, inherited) for t in role["titles"]]
        if isinstance(role.get("headlines"), dict):
            role["headlines"] = {k: _point(v, inherited) for k, v in role["headlines"].items()}
        for name in DIMENSIONS:
            value = role.get(name)
            if isinstance(value, dict) and isinstance(value.get("points"), list):
                value["points"] = [_point(p, inherited) for p in value["points"]]
    for part in ("outside", "sizes", "hiring"):
        if isinstance(raw.get(part), list):
            raw[part] = [_point(item, []) for item in raw[part]]
    return raw


def _point(value: Any, inherited: list[Any]) -> Any:
    if isinstance(value, str):
        return {"text": value, "sources": list(inherited)}
    if isinstance(value, dict) and "source" in value and "sources" not in value:
        value = {**value, "sources": [value["source"]]}
        del value["source"]
    return value


# --- schema ---------------------------------------------------------------------
