"""Start-up discipline, checked without timing: what each path imports, and the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from salesroles import queries
from salesroles.dataset import cache, load
from salesroles.models import CORE_DIMENSIONS, Point, Role

from .conftest import ROOT, read_entry, run, write, write_entry


def imported_modules(args: list[str], env: dict[str, str]) -> set[str]:
    """The top-level packages a real run of ``salesroles ARGS`` imports."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "salesroles", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return {name.split(".")[0] for name in names}


@pytest.fixture
def private_cache(tmp_path: Path) -> dict[str, str]:
    return {"SALESROLES_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT / "src")}


def test_json_path_never_imports_rich(private_cache: dict[str, str]) -> None:
    assert "rich" not in imported_modules(["show", "director", "--json"], private_cache)


def test_a_warm_cache_needs_neither_pydantic_nor_tomllib(private_cache: dict[str, str]) -> None:
    cold = imported_modules(["show", "director", "--json"], private_cache)
    assert {"pydantic", "tomllib"} <= cold  # the first run validates
    warm = imported_modules(["show", "director", "--json"], private_cache)
    assert not {"pydantic", "tomllib", "rich", "tomli_w"} & warm


def test_help_imports_neither_rich_nor_pydantic(private_cache: dict[str, str]) -> None:
    assert not {"rich", "pydantic"} & imported_modules(["--help"], private_cache)


@pytest.mark.parametrize("args", [["list", "--json"], ["--help"], ["browse", "--help"]])
def test_json_and_help_never_import_textual(args: list[str], private_cache: dict[str, str]) -> None:
    assert "textual" not in imported_modules(args, private_cache)


def test_the_table_path_imports_rich(private_cache: dict[str, str]) -> None:
    assert "rich" in imported_modules(["list"], private_cache)  # the check can fail


def test_warm_and_cold_answers_are_identical(tmp_path: Path) -> None:
    env = {"SALESROLES_CACHE_DIR": str(tmp_path)}
    cold = run("compare", "head", "director", "--all", "--json", env=env).stdout
    assert list(tmp_path.glob("*.json"))  # an entry was written
    assert run("compare", "head", "director", "--all", "--json", env=env).stdout == cold


def test_an_edited_dataset_is_never_served_stale(tmp_path: Path) -> None:
    env = {"SALESROLES_CACHE_DIR": str(tmp_path / "c")}
    text = (ROOT / "data" / "roles.toml").read_text(encoding="utf-8")
    path = write(tmp_path, text)
    assert (
        '"title": "Head of Sales"' in run("--data", path, "show", "head", "--json", env=env).stdout
    )
    Path(path).write_text(text.replace('title = "Head of Sales"', 'title = "Chief of Sales"'))
    out = run("--data", path, "show", "head", "--json", env=env).stdout
    assert '"title": "Chief of Sales"' in out


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    env = {"SALESROLES_CACHE_DIR": str(tmp_path)}
    expected = run("show", "cso", "--json", env=env).stdout
    for entry in tmp_path.glob("*.json"):
        entry.write_bytes(entry.read_bytes()[:-40] + b"garbage")  # checksum no longer fits
    result = run("show", "cso", "--json", env=env)
    assert (result.exit_code, result.stdout) == (0, expected)


def test_a_forged_entry_with_a_valid_checksum_is_a_miss_that_revalidates(tmp_path: Path) -> None:
    env = {"SALESROLES_CACHE_DIR": str(tmp_path)}
    expected = run("show", "cso", "--json", env=env).stdout
    (entry,) = tmp_path.glob("*.json")
    meta, index = read_entry(entry)
    role = json.loads(index["roles"]["cso"])
    role["seniority"] = "very"  # the wrong type
    index["roles"]["cso"] = json.dumps(role)
    write_entry(entry, meta, index)
    result = run("show", "cso", "--json", env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    env = {"SALESROLES_CACHE_DIR": str(tmp_path), "SALESROLES_NO_CACHE": "1"}
    assert run("list", "--json", env=env).exit_code == 0
    assert not list(tmp_path.iterdir())


def test_an_unwritable_cache_folder_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("show", "head", "--json", env={"SALESROLES_CACHE_DIR": str(blocker / "sub")})
    assert result.exit_code == 0
    assert result.stderr == ""


def test_compare_from_the_cache_builds_only_the_roles_it_shows(tmp_path: Path) -> None:
    os.environ["SALESROLES_CACHE_DIR"] = str(tmp_path)  # restored by the autouse fixture
    load.load()
    warm = load.load()
    chosen = [warm.roles["head"], warm.roles["director"]]
    result = queries.compare(warm, chosen, CORE_DIMENSIONS)
    assert [r.id for r in result.roles] == ["head", "director"]
    assert isinstance(warm.values, cache.CachedValues)
    assert {k for k in warm.values.built if not k.startswith("part:")} == {"head", "director"}


def test_the_builder_checks_every_value() -> None:
    good = json.loads(load.load(use_cache=False).index["roles"]["head"])
    assert cache.build(Role, good).title == "Head of Sales"
    for broken in (
        {**good, "seniority": "5"},
        {**good, "summary": {"text": "x", "sources": "s01"}},
        {**good, "extra": 1},
        {k: v for k, v in good.items() if k != "title"},
        {**good, "scope": {**good["scope"], "level": "galaxy"}},
    ):
        with pytest.raises(TypeError):
            cache.build(Role, broken)


def test_models_are_frozen() -> None:
    from dataclasses import FrozenInstanceError

    role = load.load().roles["head"]
    with pytest.raises(FrozenInstanceError):
        role.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError, match="has no field 'tittle'"):
        Role(id="x", title="X", summary=Point("s"), sources=("a",), tittle="X")


def test_models_and_results_compare_and_print_by_their_fields() -> None:
    assert Point("x", ("a",)) == Point("x", ("a",))
    assert Point("x", ("a",)) != Point("x", ("b",))
    assert repr(Point("x")) == "Point(text='x', sources=(), kind='core')"
    assert len({Point("x"), Point("x")}) == 1
    warm = load.load()
    chosen = [warm.roles["head"], warm.roles["director"]]
    one = queries.compare(warm, chosen, CORE_DIMENSIONS)
    assert one == queries.compare(warm, chosen, CORE_DIMENSIONS)
    assert "Comparison(roles=" in repr(one)
