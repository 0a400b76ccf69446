"""The cache can only make a start faster: never stale, never a reason to fail, never huge."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from salesroles import models, queries
from salesroles.dataset import cache, load
from salesroles.models import CORE_DIMENSIONS, Role

from .conftest import FIXTURE, ROOT, read_entry, run, write, write_entry

SHOW = ["show", "chief", "--json"]


def small_in(tmp_path: Path, name: str = "small.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(FIXTURE.read_bytes())
    return path


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    os.environ["SALESROLES_CACHE_DIR"] = str(folder)  # restored by the autouse fixture
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def test_a_change_to_the_models_misses_every_entry(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load.load()
    before = cache.fingerprint()

    @models.model
    class Extra(models.Frozen):  # as if a field had been added to a model
        note: str | None = None

    monkeypatch.setattr(models, "MODELS", (*models.MODELS, Extra))
    monkeypatch.setattr(cache, "MODELS", models.MODELS)
    assert cache.fingerprint() != before
    (entry,) = entries(cache_dir)
    assert cache.read(entry.name, load._key(None) or "") is None


def test_an_entry_that_will_not_rebuild_is_validated_again(cache_dir: Path) -> None:
    expected = run(*SHOW[:1], "cso", "--json").stdout
    (entry,) = entries(cache_dir)
    meta, index = read_entry(entry)
    role = json.loads(index["roles"]["cso"])
    del role["titles"]  # what an entry written before a field was added looks like
    index["roles"]["cso"] = json.dumps(role)
    write_entry(entry, meta, index)
    result = run("show", "cso", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_an_edit_that_keeps_size_and_mtime_is_never_served_stale(
    cache_dir: Path, tmp_path: Path
) -> None:
    path = small_in(tmp_path)
    assert '"Chief Seller"' in run("--data", str(path), *SHOW).stdout
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace("Chief Seller", "Chief Sellor")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # what cp -p or touch -r do
    assert path.stat().st_size == stat.st_size
    assert '"Chief Sellor"' in run("--data", str(path), *SHOW).stdout


def test_one_entry_per_dataset_path(cache_dir: Path, tmp_path: Path) -> None:
    path = small_in(tmp_path)
    for n in range(5):
        path.write_text(FIXTURE.read_text().replace("Sells to", f"Sells ({n}) to"))
        assert run("--data", str(path), *SHOW).exit_code == 0
    assert len(entries(cache_dir)) == 1  # this file's; the bundled one is not needed


def test_a_file_name_that_is_not_utf8(cache_dir: Path, tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.toml")
    missing = run("--data", str(tmp_path / name), "list")
    assert missing.exit_code == 1
    assert "no such file" in missing.stderr and "\\xe9" in missing.stderr
    path = small_in(tmp_path, name)
    assert run("--data", str(path), *SHOW).exit_code == 0
    assert run("--data", str(path), *SHOW).exit_code == 0  # from its cache entry


@pytest.mark.parametrize(
    "damage",
    [
        "fifo",
        "link-to-dev-zero",
        "huge",
        "missing-index-keys",
        "deep-nesting",
        "control-characters-in-ids",
        "truncated-role",
        "not-json",
    ],
)
def test_odd_entries_are_misses(cache_dir: Path, damage: str) -> None:
    expected = run("--data", str(FIXTURE), "show", "chief", "--json").stdout
    (entry,) = entries(cache_dir)
    meta, payload = read_entry(entry)

    def forge(index: dict[str, Any], deep: bool = False) -> None:
        write_entry(entry, meta, index, deep)

    entry.unlink()
    if damage == "fifo":
        os.mkfifo(entry)
    elif damage == "link-to-dev-zero":
        entry.symlink_to("/dev/zero")
    elif damage == "huge":
        with entry.open("wb") as handle:
            handle.truncate(cache.MAX_ENTRY_BYTES + 10)
    elif damage == "missing-index-keys":
        forge({k: v for k, v in payload.items() if k != "edges"})
    elif damage == "deep-nesting":
        forge({**payload, "executives": "DEEP"}, deep=True)
    elif damage == "control-characters-in-ids":
        role = payload["roles"].pop("chief")
        payload["roles"]["chief\x1b[31m"] = role
        payload["order"] = [("chief\x1b[31m" if i == "chief" else i) for i in payload["order"]]
        forge(payload)
    elif damage == "truncated-role":
        forge(payload)
        entry.write_bytes(entry.read_bytes()[:-5])
    else:
        entry.write_bytes(b"\x00\xff garbage")
    done: list[object] = []
    worker = threading.Thread(
        target=lambda: done.append(run("--data", str(FIXTURE), "show", "chief", "--json")),
        daemon=True,
    )
    worker.start()
    worker.join(20)
    assert done, "a cache entry made the tool hang"
    result = done[0]
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")  # type: ignore[attr-defined]


def test_a_pipe_is_read_but_never_cached(cache_dir: Path) -> None:
    done = subprocess.run(
        ["bash", "-c", f'{sys.executable} -m salesroles --data <(cat "{FIXTURE}") list --json'],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in json.loads(done.stdout)["roles"]] == ["seller", "lead", "chief"]
    assert not cache_dir.exists() or not entries(cache_dir)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_reads_are_capped_for_devices(device: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "salesroles", "--data", device, "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "20 MiB" in done.stderr or "not UTF-8" in done.stderr


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
        '"title":"Head of Sales"' in run("--data", path, "show", "head", "--json", env=env).stdout
    )
    Path(path).write_text(text.replace('title = "Head of Sales"', 'title = "Chief of Sales"'))
    out = run("--data", path, "show", "head", "--json", env=env).stdout
    assert '"title":"Chief of Sales"' in out


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


# --- a cache of the user's own, and of bounded size -------------------------------------


def test_a_relative_xdg_cache_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The XDG spec: a relative path in XDG_CACHE_HOME is invalid and must be ignored."""
    monkeypatch.delenv("SALESROLES_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.directory() == tmp_path / "home" / ".cache" / "salesroles"
    assert run("list", "--json").exit_code == 0
    assert not (tmp_path / "relative").exists()
    assert entries(tmp_path / "home" / ".cache" / "salesroles")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == tmp_path / "xdg" / "salesroles"


def test_the_cache_folder_is_the_users_alone(cache_dir: Path) -> None:
    assert run("list", "--json").exit_code == 0
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(e.stat().st_mode) == 0o600 for e in entries(cache_dir))


def planted(cache_dir: Path) -> tuple[Path, str]:
    """The bundled entry, rewritten as someone else could: valid, and saying "Planted"."""
    expected = run("show", "cso", "--json").stdout
    (entry,) = entries(cache_dir)
    meta, index = read_entry(entry)
    role = json.loads(index["roles"]["cso"])
    role["title"] = "Planted"
    index["roles"]["cso"] = json.dumps(role)
    write_entry(entry, meta, index)
    entry.chmod(0o600)
    return entry, expected


def test_an_entry_writable_by_others_is_never_served(cache_dir: Path) -> None:
    entry, expected = planted(cache_dir)
    assert '"Planted"' in run("show", "cso", "--json").stdout  # the check can fail
    for mode in (0o622, 0o602, 0o666):
        entry.chmod(mode)
        result = run("show", "cso", "--json")
        assert (result.exit_code, result.stdout) == (0, expected), oct(mode)
        entry, expected = planted(cache_dir)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_an_entry_of_another_user_is_never_served(cache_dir: Path) -> None:
    entry, expected = planted(cache_dir)
    os.chown(entry, 65534, 65534)  # nobody's
    result = run("show", "cso", "--json")
    assert (result.exit_code, result.stdout) == (0, expected)


def test_the_cache_keeps_the_entries_used_last(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    cache_dir.mkdir(mode=0o700)
    stale = cache_dir / ".tmp-killed.json"  # left by a run killed while writing
    fresh = cache_dir / ".tmp-writing.json"  # another run writing now
    other = cache_dir / "notes.txt"  # not the cache's
    for path in (stale, fresh, other):
        path.write_text("x")
    os.utime(stale, (1, 1))
    paths = [small_in(tmp_path, f"d{n}.toml") for n in range(6)]
    for n, path in enumerate(paths):
        assert run("--data", str(path), *SHOW).exit_code == 0
        for earlier in entries(cache_dir):  # one by one, whatever the clock's grain
            info = earlier.stat()
            os.utime(earlier, ns=(info.st_atime_ns, info.st_mtime_ns - 10**9 * (n + 1)))
    kept = {e.name for e in entries(cache_dir) if not e.name.startswith(".")}
    assert kept == {cache.entry_name(os.fsencode(p.absolute())) for p in paths[-3:]}
    assert not stale.exists() and fresh.exists() and other.exists()


def test_the_cache_keeps_within_its_bytes(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("--data", str(small_in(tmp_path, "one.toml")), *SHOW).exit_code == 0
    (first,) = entries(cache_dir)
    monkeypatch.setattr(cache, "MAX_CACHE_BYTES", first.stat().st_size + 10)
    os.utime(first, (1, 1))
    assert run("--data", str(small_in(tmp_path, "two.toml")), *SHOW).exit_code == 0
    assert entries(cache_dir) == [cache_dir / cache.entry_name(os.fsencode(tmp_path / "two.toml"))]


def test_an_entry_in_use_is_kept_fresh(cache_dir: Path) -> None:
    run("list", "--json")
    (entry,) = entries(cache_dir)
    os.utime(entry, (1, 1))  # used long ago, by its time
    run("list", "--json")
    assert entry.stat().st_mtime > 1  # marked used, so pruning keeps it
