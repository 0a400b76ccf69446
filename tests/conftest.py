from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from salesroles.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURE = Path(__file__).parent / "fixtures" / "small.toml"


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private cache for the whole run, set before any fixture loads a dataset."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SALESROLES_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch, cache_dir: Path) -> Iterator[None]:
    """Fixed width, no colour, no dataset chosen by the environment, a private cache."""
    monkeypatch.setenv("SALESROLES_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("LANG", "C.UTF-8")  # LC_ALL=C on a CI runner would mean ASCII
    for name in ("LC_ALL", "LC_CTYPE", "SALESROLES_PAGER", "PAGER"):
        monkeypatch.delenv(name, raising=False)
    for name in ("SALESROLES_DATA", "SALESROLES_DEBUG", "FORCE_COLOR", "SALESROLES_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    yield


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, input=input, prog_name="salesroles")


@pytest.fixture
def cli() -> object:
    return run


def write(tmp_path: Path, text: str, name: str = "ladder.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return os.fspath(path)


def read_entry(entry: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """A cache entry as (header, index with each role's JSON text), for forging tests."""
    header, _, rest = entry.read_bytes().partition(b"\n")
    meta = json.loads(header)
    body, blob = rest[: meta["length"]], rest[meta["length"] :]
    index = json.loads(body)
    index["roles"] = {r: blob[o : o + n].decode() for r, (o, n, _) in index["roles"].items()}
    return meta, index


def write_entry(
    entry: Path, meta: dict[str, Any], index: dict[str, Any], deep: bool = False
) -> None:
    """Write a forged entry whose checksums all fit (``deep``: "DEEP" nested 100,000 times)."""
    blob = b""
    spans = {}
    for role_id, text in index["roles"].items():
        data = text.encode()
        spans[role_id] = [len(blob), len(data), zlib.crc32(data)]
        blob += data
    body = json.dumps({**index, "roles": spans}).encode()
    if deep:  # nested past what json.loads can take
        body = body.replace(b'"DEEP"', b"[" * 100_000 + b"]" * 100_000)
    head = {**meta, "crc32": zlib.crc32(body), "length": len(body)}
    entry.write_bytes(json.dumps(head).encode() + b"\n" + body + blob)
