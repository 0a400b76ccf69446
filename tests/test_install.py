"""The installed command, as a user gets it: a wheel in a fresh venv, run from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SALESROLES_DATA")}
    env |= {"COLUMNS": "80", "NO_COLOR": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False, **kw)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the built wheel installed; returns its bin folder."""
    base = tmp_path_factory.mktemp("install")
    dist = base / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
        cwd=base,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("salesroles-*.whl"))
    venv.create(base / "venv", with_pip=True)
    bindir = base / "venv" / "bin"
    done = _run([str(bindir / "pip"), "install", "-q", str(wheel)], cwd=base)
    assert done.returncode == 0, done.stderr
    return bindir


def test_wheel_console_script_compares_from_outside_the_repo(
    installed: Path, tmp_path: Path
) -> None:
    result = _run([str(installed / "salesroles"), "compare", "head", "director"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Head of Sales (head)" in result.stdout
    assert "company ·" in result.stdout and "Key differences" in result.stdout


def test_wheel_json_and_python_m(installed: Path, tmp_path: Path) -> None:
    result = _run(
        [str(installed / "python"), "-m", "salesroles", "show", "cso", "--json"], cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["role"]["id"] == "cso"


def test_wheel_errors_exit_2_with_stdout_empty(installed: Path, tmp_path: Path) -> None:
    result = _run([str(installed / "salesroles"), "show", "drector"], cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "Error: No role called 'drector'. Did you mean 'director'?\n"


def test_wheel_version_comes_from_metadata(installed: Path, tmp_path: Path) -> None:
    result = _run([str(installed / "salesroles"), "--version"], cwd=tmp_path)
    assert result.stdout.strip() == "salesroles 0.2.0"


def test_editable_install_finds_the_data_too(installed: Path, tmp_path: Path) -> None:
    done = _run(
        [str(installed / "pip"), "install", "-q", "--no-deps", "-e", str(ROOT)], cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    try:
        result = _run([str(installed / "salesroles"), "list", "--json"], cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert len(json.loads(result.stdout)["roles"]) == 10
    finally:  # leave the module's venv as a wheel install for any later test
        _run([str(installed / "pip"), "uninstall", "-q", "-y", "salesroles"], cwd=tmp_path)
