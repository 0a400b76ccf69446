"""Errors: one sentence on stderr, nothing on stdout, the documented exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run, write


def assert_error(
    args: list[str], code: int, message: str, env: dict[str, str] | None = None
) -> None:
    result = run(*args, env=env)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_role_suggests_and_exits_2() -> None:
    assert_error(
        ["show", "drector"], 2, "Error: No role called 'drector'. Did you mean 'director'?\n"
    )


def test_unknown_role_in_compare() -> None:
    assert_error(["compare", "head", "cfo"], 2, "No role called 'cfo'.")


def test_ambiguous_role() -> None:
    assert_error(["show", "chief"], 2, "Role 'chief' is ambiguous: it could be cco")


def test_compare_needs_two_roles() -> None:
    assert_error(["compare", "head"], 2, "compare needs at least two roles")


def test_compare_the_same_role_twice() -> None:
    assert_error(["compare", "head", "hos"], 2, "The role 'head' is named twice")


def test_unknown_dimension() -> None:
    assert_error(
        ["show", "head", "--only", "salary"], 2, "Unknown dimension 'salary'. Choose from: scope,"
    )


def test_unknown_format_is_a_usage_error() -> None:
    result = run("list", "--format", "xml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "xml" in result.stderr


def test_career_to_itself() -> None:
    assert_error(["career", "head", "--to", "hos"], 2, "--to names the same role as the start")


def test_empty_search() -> None:
    assert_error(["search", " "], 2, "search needs some text")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("roles = [", "not valid TOML"),
        ("schema_version = 1\n", "roles: required key is missing"),
        (
            'schema_version = 1\n[[roles]]\nid = "x"\ntittle = "X"\n',
            "roles[0].tittle: unknown key (did you mean 'title'?)",
        ),
    ],
)
def test_invalid_datasets_exit_1(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path, content)
    assert_error(["--data", path, "list"], 1, message)


def test_missing_dataset(tmp_path: Path) -> None:
    assert_error(["--data", str(tmp_path / "nope.toml"), "list"], 1, "no such file")


def test_folder_as_dataset(tmp_path: Path) -> None:
    assert_error(["--data", str(tmp_path), "list"], 1, "it is a folder, not a file")


def test_dataset_from_the_environment(tmp_path: Path) -> None:
    assert_error(["list"], 1, "no such file", env={"SALESROLES_DATA": str(tmp_path / "x.toml")})


MINIMAL = """
schema_version = 1
[[roles]]
id = "ae"
title = "Account Executive"
seniority = 1
summary = "Sells."
sources = ["Our handbook"]
[[roles.career]]
to = ["{target}"]
kind = "promotion"
source = "Our handbook"
"""


def test_dangling_career_reference_names_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.format(target="ghost"))
    assert_error(
        ["--data", path, "list"], 1, "roles[0].career[0].to[0]: no role has the id 'ghost'"
    )


def test_a_valid_own_dataset_is_used(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        MINIMAL.replace(
            '[[roles.career]]\nto = ["{target}"]\nkind = "promotion"\nsource = "Our handbook"\n', ""
        ),
    )
    result = run("--data", path, "show", "account executive", "--json")
    assert result.exit_code == 0, result.stderr
    assert '"title": "Account Executive"' in result.stdout


def test_markup_in_a_dataset_is_shown_literally(tmp_path: Path) -> None:
    text = MINIMAL.replace("Sells.", "[bold red]Sells[/] \\u001b[31m").replace(
        '[[roles.career]]\nto = ["{target}"]\nkind = "promotion"\nsource = "Our handbook"\n', ""
    )
    path = write(tmp_path, text)
    result = run("--data", path, "show", "ae")
    assert result.exit_code == 0, result.stderr
    assert "[bold red]Sells[/] \\x1b[31m" in result.stdout
    assert "\x1b" not in result.stdout
    json_out = run("--data", path, "show", "ae", "--json").stdout
    assert "\\u001b[31m" in json_out  # JSON keeps the exact text


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        f"{sys.executable} -m salesroles compare head director --json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stdout == '{\n  "schem'
    assert proc.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["shw"], "No such command 'shw'. Did you mean 'show'?"),
        (["data", "valdate"], "No such command 'valdate'. Did you mean 'validate'?"),
    ],
)
def test_a_mistyped_command_gets_a_suggestion(args: list[str], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("salesroles s", "1", ["show", "search", "sources", "schema"]),
        ("salesroles show c", "2", ["cso", "cro", "cco"]),
        ("salesroles data v", "2", ["validate"]),
        ("salesroles --data STARTER show te", "4", ["team-lead"]),  # the file's own roles
        ("salesroles --data /no/such.toml show c", "4", []),  # no suggestions, no traceback
    ],
)
def test_shell_completion_completes_commands_and_role_names(
    words: str, cword: str, expected: list[str], tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    from salesroles.files import starter_text

    from .conftest import ROOT

    starter = tmp_path / "starter.toml"
    starter.write_text(starter_text(), encoding="utf-8")
    env = {
        **os.environ,
        "_SALESROLES_COMPLETE": "complete_bash",
        "COMP_WORDS": words.replace("STARTER", str(starter)),
        "COMP_CWORD": cword,
        "PYTHONPATH": str(ROOT / "src"),
    }
    done = subprocess.run(
        [sys.executable, "-c", "from salesroles.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == expected
    assert done.stderr == ""
