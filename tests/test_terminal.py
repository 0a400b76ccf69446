"""The terminal: widths, colour, the locale's encoding, the pager, words never cut."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from .conftest import run, write
from .helpers import ENV, HOSTILE_DATASET, dataset, real, real_bytes, role

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


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", text))


TALL = ["compare", "manager", "director", "--all", "--detail"]  # hundreds of lines


SHORT = ["career", "rep", "--to", "manager"]  # a dozen


# A terminal without colour, and no pager chosen by the environment.
PAGER_ENV = {
    k: v for k, v in ENV.items() if k not in ("SALESROLES_PAGER", "PAGER", "LESS", "LINES")
}
PAGER_ENV["NO_COLOR"] = "1"


def at_terminal(args: list[str], rows: int, pager: str, **env: str) -> str:
    """Run at a pseudo-terminal ``rows`` high; what reached the terminal."""
    child = pexpect.spawn(
        sys.executable,
        ["-m", "salesroles", *args],
        env={**PAGER_ENV, "SALESROLES_PAGER": pager, **env},
        encoding="utf-8",
        timeout=30,
        dimensions=(rows, 80),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def table_words(text: str) -> set[str]:
    """The words of a table, its rules and borders aside."""
    return {w for line in text.splitlines() for w in line.split() if w.strip("━─│┃╇╈┳┻")}


ALL_TEN = ["rep", "manager", "rsm", "director", "dsm", "head", "vp", "cso", "cro", "cco"]


@pytest.mark.parametrize("args", TABLES, ids=" ".join)
def test_every_line_of_the_tables_fits_80_columns(args: list[str]) -> None:
    out = run(*args).stdout
    assert out.strip()
    for line in out.splitlines():
        assert len(line) <= 80 or line.startswith("http"), (args, line)  # URLs stay whole


def test_very_long_words_wrap_in_tables(tmp_path: Path) -> None:
    out = run("--data", write(tmp_path, HOSTILE_DATASET), "compare", "boss", "clerk").stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "W" * 40 in out.replace("\n", "").replace(" ", "")


def test_force_color_never_touches_json() -> None:
    done = real(["compare", "head", "director", "--json"], FORCE_COLOR="1", TERM="xterm-256color")
    assert "\x1b" not in done.stdout
    json.loads(done.stdout)
    assert (
        "\x1b" in real(["list"], FORCE_COLOR="1", TERM="xterm-256color").stdout
    )  # it is asked for


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_no_colour(env: dict[str, str]) -> None:
    assert "\x1b" not in real(["compare", "head", "director"], **env).stdout


def test_no_color_option() -> None:
    assert "\x1b" not in real(["--no-color", "list"], FORCE_COLOR="1").stdout


def test_an_ascii_stdout_spells_typography_in_ascii() -> None:
    done = real(["career", "rep", "--to", "cro"], PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert "Sales Representative -> Chief Revenue Officer: 3 moves" in done.stdout
    md = real(
        ["show", "director", "--only", "compensation", "--format", "markdown", "--detail"],
        PYTHONIOENCODING="ascii",
    )
    assert "USD 120,000-180,000" in md.stdout
    data = real(["show", "director", "--json"], PYTHONIOENCODING="ascii")
    assert json.loads(data.stdout)["role"]["title"] == "Director of Sales"


@pytest.mark.parametrize("columns", ["20", "40", "200"])
def test_any_width_works(columns: str) -> None:
    done = real(["compare", "manager", "director", "head", "cso"], COLUMNS=columns)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith("http")]
    assert all(len(line) <= int(columns) for line in lines)  # URLs stay whole, on their own


def test_without_a_terminal_or_columns_nothing_is_cut() -> None:
    env = {k: v for k, v in ENV.items() if k != "COLUMNS"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "salesroles",
            "compare",
            "manager",
            "director",
            "head",
            "cso",
            "--all",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "…" not in done.stdout
    lines = [line for line in done.stdout.splitlines() if not line.startswith("http")]
    assert max(len(line) for line in lines) <= 80  # URLs stay whole, on lines of their own


def test_text_that_is_valid_stays_as_it_is_in_any_locale() -> None:
    from salesroles.group import as_text

    for text in ("Dirécteur", "vp", "Директор", "営業部長", ""):
        assert as_text(text) == text
        assert as_text(text.encode()) == text  # stdin's bytes read the same way
    assert as_text(os.fsdecode(b"caf\xc3\xa9 \xff")) == "café \ufffd"
    assert as_text(b"\xef\xbb\xbfcaf\xe9") == "caf\ufffd"  # the byte-order mark dropped


@pytest.mark.parametrize("columns", ["0", "-3", "abc", "", " 12x"])
def test_a_bad_or_zero_width_means_80(columns: str) -> None:
    expected = run("compare", "head", "director", env={"COLUMNS": "80"}).stdout
    result = run("compare", "head", "director", env={"COLUMNS": columns})
    assert result.exit_code == 0
    assert result.stdout == expected


@pytest.mark.parametrize("columns", ["1", "5", "19"])
@pytest.mark.parametrize("args", TABLES, ids=" ".join)
def test_a_tiny_width_still_prints_every_word_whole(args: list[str], columns: str) -> None:
    wide = run(*args, env={"COLUMNS": "80"})
    narrow = run(*args, env={"COLUMNS": columns})
    assert narrow.exit_code == 0
    assert narrow.stdout.strip()
    assert words(wide.stdout) - words(narrow.stdout) == set()


@pytest.mark.parametrize(
    "locale_env",
    [
        {"LC_ALL": "C"},
        {"LC_ALL": "POSIX"},
        {"LANG": "C"},
        {"LC_ALL": "C", "LANG": "en_US.UTF-8"},
        {"LC_CTYPE": "C", "LANG": "en_US.UTF-8"},  # Python coerces LC_CTYPE to C.UTF-8
        {"LC_CTYPE": "POSIX", "LANG": "C.UTF-8"},
    ],
    ids=lambda env: " ".join(f"{k}={v}" for k, v in env.items()),
)
@pytest.mark.parametrize(
    "args", [["career", "rep", "--to", "manager"], ["compare", "head", "director"]]
)
def test_the_c_locale_gets_ascii(locale_env: dict[str, str], args: list[str]) -> None:
    done = real_bytes(args, env={**ENV, **locale_env})
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    text = done.stdout.decode("ascii")
    assert "->" in text or "* " in text
    assert " ? " not in text and "?57" not in text  # spelled out, never a bare '?'
    utf8 = real_bytes(args).stdout.decode("utf-8")
    assert text.count("?") == utf8.count("?")  # the only question marks are the data's own


def test_the_c_locale_still_gives_json_that_means_the_same() -> None:
    utf8 = real_bytes(["career", "rep", "--to", "manager", "--json"])
    ascii_only = real_bytes(
        ["career", "rep", "--to", "manager", "--json"], env={**ENV, "LC_ALL": "C"}
    )
    assert ascii_only.stdout.isascii()
    assert json.loads(ascii_only.stdout) == json.loads(utf8.stdout)


@pytest.mark.parametrize(
    "locale_env",
    [
        {"LANG": "C.UTF-8"},
        {"LC_ALL": "en_US.UTF-8"},
        {},
        {"LC_CTYPE": "C.UTF-8", "LANG": "C"},  # the user's own C.UTF-8 wins over LANG
        {"LANG": "en_US.UTF-8"},  # a UTF-8 locale, installed or not
    ],
    ids=lambda env: " ".join(f"{k}={v}" for k, v in env.items()) or "none",
)
def test_a_utf8_locale_keeps_the_arrows(locale_env: dict[str, str]) -> None:
    env = {k: v for k, v in ENV.items() if k != "LANG"}
    done = real_bytes(["career", "rep", "--to", "manager"], env={**env, **locale_env})
    assert "→".encode() in done.stdout


def test_output_taller_than_the_screen_is_paged(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    shown = at_terminal(TALL, 24, f"cat > {paged}")
    text = paged.read_text(encoding="utf-8")
    assert "Who fits" in text and "\nSources\n" in text
    assert "Who fits" not in shown


@pytest.mark.parametrize(
    ("args", "rows"),
    [
        (SHORT, 24),
        ([*TALL, "--no-pager"], 24),
        (["--no-pager", *TALL], 24),
        ([*TALL, "--json"], 24),
        (TALL, 2000),
    ],
    ids=["fits the screen", "--no-pager after", "--no-pager before", "--json", "tall screen"],
)
def test_output_that_fits_or_is_asked_unpaged_is_not_paged(
    tmp_path: Path, args: list[str], rows: int
) -> None:
    paged = tmp_path / "paged.txt"
    shown = at_terminal(args, rows, f"cat > {paged}")
    assert not paged.exists()
    assert "Sales Manager" in shown


@pytest.mark.parametrize("pager", ["", "cat"])
def test_an_empty_or_cat_pager_means_none(tmp_path: Path, pager: str) -> None:
    shown = at_terminal(TALL, 24, pager, PAGER=f"cat > {tmp_path / 'paged.txt'}")
    assert "Who fits" in shown
    assert not (tmp_path / "paged.txt").exists()


@pytest.mark.parametrize("pager", ["no-such-pager", "no-such-pager -R", "/dev/null"])
def test_a_pager_that_cannot_run_is_said_and_the_output_printed(pager: str) -> None:
    """As git does: the reader is told, and gets the whole output unpaged (exit 0)."""
    shown = at_terminal(TALL, 24, pager)
    assert "Who fits" in shown and "Sources" in shown
    assert f"Cannot run the pager '{pager}' (" in shown
    assert "printing without it." in shown


def test_pager_then_less_options_by_default(tmp_path: Path) -> None:
    seen = tmp_path / "less.txt"
    command = f'printf %s "$LESS" > {seen}; cat > /dev/null'
    spawned = pexpect.spawn(
        sys.executable,
        ["-m", "salesroles", *TALL],
        env={**ENV, "PAGER": command},
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 80),
    )
    spawned.expect(pexpect.EOF)
    spawned.close()
    assert seen.read_text(encoding="utf-8") == "FRX"


def test_piped_output_is_never_paged(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    done = subprocess.run(
        [sys.executable, "-m", "salesroles", *TALL],
        env={**ENV, "SALESROLES_PAGER": f"cat > {paged}"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "Who fits" in done.stdout
    assert not paged.exists()


@pytest.mark.parametrize(
    ("columns", "roles"), [(40, ["manager", "director", "head", "cso"]), (80, ALL_TEN)]
)
def test_narrow_columns_switch_to_a_stacked_layout_instead_of_cutting_table_words(
    columns: int, roles: list[str]
) -> None:
    args = ["compare", *roles, "--only", "scope,reporting", "--detail"]
    narrow = run(*args, env={"COLUMNS": str(columns)})
    wide = run(*args, env={"COLUMNS": "1000"})
    assert narrow.exit_code == 0
    assert table_words(wide.stdout) - table_words(narrow.stdout) == set()
    lines = [line for line in narrow.stdout.splitlines() if not line.startswith("http")]
    assert all(len(line) <= columns for line in lines)  # whole URLs may run past the edge


def test_list_with_long_ids_cuts_no_word(tmp_path: Path) -> None:
    roles = [role("enterprise-account-representative-emea", title="Enterprise Representative"),
             role("b")]  # fmt: skip
    path = tmp_path / "long.toml"
    path.write_text(dataset(roles), encoding="utf-8")
    out = run("--data", str(path), "list").stdout
    assert "Representative" in table_words(out) or "Enterprise Representative" in out
    assert "Representati" not in out.replace("Representative", "")


def test_piped_tables_have_no_trailing_spaces() -> None:
    for args in (["compare", "head", "director"], ["list"], ["career", "director"]):
        out = run(*args).stdout
        assert all(line == line.rstrip() for line in out.splitlines()), args
