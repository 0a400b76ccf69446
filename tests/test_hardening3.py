"""Second hardening round: input and terminals (closed stdin, odd bytes, widths, locales)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from .conftest import ROOT, run

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "80", "LANG": "C.UTF-8"}
for _name in ("LC_ALL", "LC_CTYPE", "SALESROLES_DATA"):
    ENV.pop(_name, None)


def real(
    args: list[str] | list[bytes], *, env: dict[str, str] | None = None, **options: object
) -> subprocess.CompletedProcess[bytes]:
    """The real command in a child process; output as bytes, to check the encoding."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "salesroles", *args],
        env=env or ENV,
        capture_output=True,
        check=False,
        **options,
    )


# --- stdin closed (`salesroles <&-`) ------------------------------------------------


def _close_stdin() -> None:
    os.close(0)


@pytest.mark.parametrize(
    ("args", "out", "err"),
    [
        ([], b"Usage: salesroles", b""),
        (["advise"], b"Recommended hire: Sales Manager (manager)", b"Assumed --size small"),
        (["advise", "--json"], b'{\n  "schema_version"', b"Assumed --size small"),
    ],
)
def test_a_closed_stdin_is_not_a_terminal(args: list[str], out: bytes, err: bytes) -> None:
    done = real(args, preexec_fn=_close_stdin)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(out)
    assert done.stderr.startswith(err)


# --- arguments that are not UTF-8 ---------------------------------------------------


def test_an_argument_that_is_not_utf8_gives_valid_json() -> None:
    done = real([b"search", b"\xff", b"--json"])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))["term"] == "\ufffd"


def test_a_role_name_that_is_not_utf8_is_a_clean_usage_error() -> None:
    done = real([b"show", b"dir\xe9ctor"])
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode("utf-8").startswith("Error: No role called 'dir\ufffdctor'.")


@pytest.mark.parametrize("where", ["before", "after", "environment"])
def test_a_data_file_name_that_is_not_utf8_is_a_clean_file_error(where: str) -> None:
    name = b"caf\xe9.toml"
    env = None
    if where == "before":
        args = [b"--data", name, b"list", b"--json"]
    elif where == "after":
        args = [b"list", b"--json", b"--data", name]
    else:
        args = [b"list", b"--json"]
        env = {**ENV, "SALESROLES_DATA": os.fsdecode(name)}
    done = real(args, env=env)
    assert (done.returncode, done.stdout) == (1, b"")
    assert done.stderr.decode("utf-8") == (
        "Error: Cannot read dataset 'caf\ufffd.toml': no such file.\n"
    )


def test_text_that_is_valid_stays_as_it_is_in_any_locale() -> None:
    from salesroles.cli import _as_text

    for text in ("Dirécteur", "vp", "Директор", "営業部長", ""):
        assert _as_text(text) == text
    assert _as_text(os.fsdecode(b"caf\xc3\xa9 \xff")) == "café \ufffd"


# --- widths -------------------------------------------------------------------------

TABLES = [
    ["list"],
    ["show", "director"],
    ["compare", "head", "director"],
    ["compare", "manager", "director", "head", "cso", "--only", "scope,focus"],
    ["career", "rep", "--to", "cro"],
    ["career", "director"],
    ["search", "budget"],
    ["advise", "--size", "mid", "--horizon", "long"],
]


@pytest.mark.parametrize("columns", ["0", "-3", "abc", "", " 12x"])
def test_a_bad_or_zero_width_means_80(columns: str) -> None:
    expected = run("compare", "head", "director", env={"COLUMNS": "80"}).stdout
    result = run("compare", "head", "director", env={"COLUMNS": columns})
    assert result.exit_code == 0
    assert result.stdout == expected


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", text))


@pytest.mark.parametrize("columns", ["1", "5", "19"])
@pytest.mark.parametrize("args", TABLES, ids=" ".join)
def test_a_tiny_width_still_prints_every_word_whole(args: list[str], columns: str) -> None:
    wide = run(*args, env={"COLUMNS": "80"})
    narrow = run(*args, env={"COLUMNS": columns})
    assert narrow.exit_code == 0
    assert narrow.stdout.strip()
    assert words(wide.stdout) - words(narrow.stdout) == set()


# --- LANG=C and friends -------------------------------------------------------------


@pytest.mark.parametrize(
    "locale_env",
    [{"LC_ALL": "C"}, {"LC_ALL": "POSIX"}, {"LANG": "C"}, {"LC_ALL": "C", "LANG": "en_US.UTF-8"}],
    ids=lambda env: " ".join(f"{k}={v}" for k, v in env.items()),
)
@pytest.mark.parametrize(
    "args", [["career", "rep", "--to", "manager"], ["compare", "head", "director"]]
)
def test_the_c_locale_gets_ascii(locale_env: dict[str, str], args: list[str]) -> None:
    done = real(args, env={**ENV, **locale_env})
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    text = done.stdout.decode("ascii")
    assert "->" in text or "* " in text
    assert " ? " not in text and "?57" not in text  # spelled out, never a bare '?'
    utf8 = real(args).stdout.decode("utf-8")
    assert text.count("?") == utf8.count("?")  # the only question marks are the data's own


def test_the_c_locale_still_gives_json_that_means_the_same() -> None:
    utf8 = real(["career", "rep", "--to", "manager", "--json"])
    ascii_only = real(["career", "rep", "--to", "manager", "--json"], env={**ENV, "LC_ALL": "C"})
    assert ascii_only.stdout.isascii()
    assert json.loads(ascii_only.stdout) == json.loads(utf8.stdout)


@pytest.mark.parametrize("locale_env", [{"LANG": "C.UTF-8"}, {"LC_ALL": "en_US.UTF-8"}, {}])
def test_a_utf8_locale_keeps_the_arrows(locale_env: dict[str, str]) -> None:
    env = {k: v for k, v in ENV.items() if k != "LANG"}
    done = real(["career", "rep", "--to", "manager"], env={**env, **locale_env})
    assert "→".encode() in done.stdout
