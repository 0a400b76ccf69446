"""Bad input, hostile text, broken pipes and odd terminals: never a traceback, never a lost file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesroles import queries

from .conftest import ROOT, run, write

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "80"}


def real(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, as a shell would run it."""
    return subprocess.run(
        [sys.executable, "-m", "salesroles", *args],
        env={**ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )


# --- role names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "A role name cannot be empty."),
        ("x" * 5000, "No role called 'xxxxxxxx"),
        ("Dirécteur", "No role called 'Dirécteur'. Did you mean 'director'?"),
        ("\u202ehead\x1b[31m", "No role called '\\u202ehead\\x1b[31m'."),
        ("c", "Role 'c' is ambiguous: it could be cco (Chief Commercial Officer), cro"),
    ],
)
def test_bad_role_names_exit_2_with_a_sentence(name: str, message: str) -> None:
    result = run("show", name)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert len(result.stderr) < 300


# --- datasets -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8 text (byte 0 cannot be decoded)"),
        (b"x = " + b"[" * 5000 + b"]" * 5000, "values are nested too deeply"),
        (b"\xef\xbb\xbfschema_version = 1\nroles = []\n", None),  # a byte-order mark is fine
    ],
)
def test_odd_files(tmp_path: Path, content: bytes, message: str | None) -> None:
    path = tmp_path / "odd.toml"
    path.write_bytes(content)
    result = run("--data", str(path), "list", "--json")
    if message is None:
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["roles"] == []
    else:
        assert (result.exit_code, result.stdout) == (1, "")
        assert message in result.stderr


def test_a_huge_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(50 * 2**20)  # 50 MiB, sparse
    result = run("--data", str(path), "list")
    assert result.exit_code == 1
    assert "it is 50 MiB, more than the 20 MiB a dataset may be" in result.stderr


# --- hostile text inside a dataset --------------------------------------------

HOSTILE = "[bold red]Boss[/] [/] \x1b[31mred\x1b]8;;http://x\x07link \u202eevil " + "W" * 120
DATASET = f"""
schema_version = 1
[[roles]]
id = "boss"
title = "Boss"
seniority = 2
summary = {json.dumps(HOSTILE)}
sources = ["Ours"]
[roles.metrics]
points = [{json.dumps(HOSTILE)}]
[[roles]]
id = "clerk"
title = "Clerk"
seniority = 1
summary = "x"
sources = ["Ours"]
"""


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
@pytest.mark.parametrize(
    "args", [["show", "boss"], ["compare", "boss", "clerk"], ["search", "boss"]]
)
def test_hostile_text_is_shown_literally_and_made_harmless(
    tmp_path: Path, fmt: str, args: list[str]
) -> None:
    result = run("--data", write(tmp_path, DATASET), *args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt == "markdown":  # what a reader sees is the Markdown as rendered
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark").enable("table").render(out)
        assert "<strong>" not in html.split("Boss")[0] or "[bold red]Boss[/] [/]" in html
        assert "[bold red]Boss[/] [/]" in html  # markup is text, never Markdown either
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "\\x1b[31mred" in html and "\\u202eevil" in html
        return
    assert "[bold red]Boss[/] [/]" in out  # markup is text
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[31mred" in out and "\\u202eevil" in out


def test_json_keeps_hostile_text_exactly(tmp_path: Path) -> None:
    result = run("--data", write(tmp_path, DATASET), "show", "boss", "--json")
    data = json.loads(result.stdout)
    assert data["role"]["summary"]["text"] == HOSTILE
    assert [p["text"] for p in data["dimensions"]["metrics"]["points"]] == [HOSTILE]


def test_very_long_words_wrap_in_tables(tmp_path: Path) -> None:
    out = run("--data", write(tmp_path, DATASET), "compare", "boss", "clerk").stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "W" * 40 in out.replace("\n", "").replace(" ", "")


# --- output -------------------------------------------------------------------


def test_piping_into_head_is_quiet() -> None:
    done = subprocess.run(
        f"{sys.executable} -m salesroles compare head director --all | head -n 2",
        shell=True,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stderr == ""
    assert len(done.stdout.splitlines()) == 2


def test_a_closed_stdout_is_one_sentence() -> None:
    done = subprocess.run(
        f"{sys.executable} -m salesroles list >&-",
        shell=True,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == "Error: standard output is closed, so there is nowhere to write.\n"


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
        ["show", "director", "--only", "compensation", "--format", "markdown"],
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


# --- bugs ------------------------------------------------------------------------


def boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a bug")


def test_an_unexpected_error_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "profile", boom)
    result = run("show", "head")
    assert result.exit_code == 70
    assert result.stderr == (
        "Error: internal error (RuntimeError). Please report it; "
        "run again with SALESROLES_DEBUG=1 to see the details.\n"
    )


def test_salesroles_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "profile", boom)
    result = run("show", "head", env={"SALESROLES_DEBUG": "1"})
    assert isinstance(result.exception, RuntimeError)


# --- fuzzing ----------------------------------------------------------------------

WORDS = [
    "list",
    "show",
    "compare",
    "career",
    "search",
    "data",
    "validate",
    "export",
    "schema",
    "head",
    "director",
    "cso",
    "rep",
    "hos",
    "--to",
    "--only",
    "--diff",
    "--all",
    "--json",
    "--format",
    "json",
    "csv",
    "markdown",
    "table",
    "xml",
    "--help",
    "-f",
    "budget,metrics",
    "[",
    "[/",
    "]",
    "[bold]",
    "\x1b",
    "\x1b[31m",
    "-",
    "--",
    "",
    "\u202e",
    "é",
    "scope,",
]
junk = st.text(st.sampled_from(list("[]/\x1b-abc ,é\u202e")), max_size=8)
argvs = st.lists(st.sampled_from(WORDS) | junk, max_size=6)


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(argvs)
def test_random_command_lines_never_crash(argv: list[str]) -> None:
    if "export" in argv and ("-o" in argv or "--output" in argv):
        return  # would write files
    result = run(*argv)
    assert result.exit_code in (0, 1, 2), (argv, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code:
        assert result.stdout == "" or "Usage" in result.stderr + result.stdout


def _dataset_toml(texts: list[str]) -> str:
    import tomli_w

    roles = [
        {
            "id": f"r{i}",
            "title": f"Role {i} {t}",
            "seniority": i,
            "summary": t,
            "sources": ["S"],
            "metrics": {"points": [t]},
        }
        for i, t in enumerate(texts)
    ]
    return tomli_w.dumps({"schema_version": 1, "roles": roles})


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.lists(st.text(max_size=30), min_size=1, max_size=4),
    cut=st.integers(0, 400),
    insert=st.sampled_from(["", "[", "]", '"', "=", "\n[[roles]]\n", "x"]),
)
def test_random_datasets_load_or_fail_with_exit_1(
    tmp_path: Path, texts: list[str], cut: int, insert: str
) -> None:
    valid = _dataset_toml(texts)
    path = write(tmp_path, valid)
    result = run("--data", path, "show", "r0", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["role"]["summary"]["text"] == texts[0]  # exact round trip
    mutated = valid[:cut] + insert + valid[cut:]
    path = write(tmp_path, mutated, "mutated.toml")
    result = run("--data", path, "list", "--json")
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stdout == "" and result.stderr.startswith("Error: ")
