"""The command line: every command's help and options, usage errors, exit codes, streams and
arguments, completion."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesroles import group, queries

from .conftest import ROOT, run
from .helpers import (
    ARGUMENTS,
    COMMANDS,
    ENV,
    assert_error,
    real,
    real_bytes,
    shell,
)


def boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a bug")


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


def _close_stdin() -> None:
    os.close(0)


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    path = tmp_path / "starter.toml"
    assert run("data", "init", str(path)).exit_code == 0
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example: salesroles " + " ".join(command) in result.stdout
    assert "╭" not in result.stdout  # plain help: --help does not pay for Rich


def test_no_arguments_without_a_terminal_prints_help() -> None:
    result = run()
    assert result.exit_code == 0
    assert "compare" in result.stdout and "Usage" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("salesroles 0.")


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


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    proc = shell("compare head director --json | head -c 10")
    assert proc.stdout == '{"schema_v'  # one line when piped: a program reads it
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


def test_completion_never_reads_a_dataset_from_stdin() -> None:
    """With --data -, stdin is the terminal that is completing: reading it would hang."""
    env = {**ENV, "_SALESROLES_COMPLETE": "complete_bash", "COMP_CWORD": "4",
           "COMP_WORDS": "salesroles --data - show d"}  # fmt: skip
    read, write = os.pipe()  # a stdin that never ends while the test holds its other end
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from salesroles.cli import main; main()"],
            env=env,
            stdin=read,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    finally:
        os.close(read)
        os.close(write)
    assert (done.stdout.split(), done.stderr) == ([], "")


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


def test_piping_into_head_is_quiet() -> None:
    done = shell("compare head director --all | head -n 2")
    assert done.stderr == ""
    assert len(done.stdout.splitlines()) == 2


def test_a_closed_stdout_is_one_sentence() -> None:
    done = shell("list >&-")
    assert done.returncode == 1
    assert done.stderr == "Error: standard output is closed, so there is nowhere to write.\n"


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


@pytest.mark.parametrize(
    ("args", "out", "err"),
    [
        ([], b"Usage: salesroles", b""),
        (["advise"], b"Recommended hire: Sales Manager (manager)", b"Assumed --size small"),
        (["advise", "--json"], b'{"schema_version"', b"Assumed --size small"),
    ],
)
def test_a_closed_stdin_is_not_a_terminal(args: list[str], out: bytes, err: bytes) -> None:
    done = real_bytes(args, preexec_fn=_close_stdin)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(out)
    assert done.stderr.startswith(err)


def test_an_argument_that_is_not_utf8_gives_valid_json() -> None:
    done = real_bytes([b"search", b"\xff", b"--json"])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))["term"] == "\ufffd"


def test_a_role_name_that_is_not_utf8_is_a_clean_usage_error() -> None:
    done = real_bytes([b"show", b"dir\xe9ctor"])
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
    done = real_bytes(args, env=env)
    assert (done.returncode, done.stdout) == (1, b"")
    assert (
        done.stderr.decode("utf-8") == "Error: Cannot read dataset 'caf\\xe9.toml': no such file.\n"
    )


def test_every_command_has_sample_arguments() -> None:
    assert sorted(COMMANDS) == sorted(ARGUMENTS)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_of_every_command_shows_the_global_options(command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    for option in ("--data FILE", "--no-color", "--no-pager"):
        assert option in result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_global_options_work_before_and_after_the_command(
    command: tuple[str, ...], starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [a.format(data=starter) for a in ARGUMENTS[command]]
    chosen = ["--data", str(starter), "--no-color", "--no-pager"]
    outcomes = []
    for order in ("before", "after"):
        folder = tmp_path / order  # data init writes new.toml in each: same output
        folder.mkdir()
        monkeypatch.chdir(folder)
        line = [*chosen, *command, *args] if order == "before" else [*command, *args, *chosen]
        result = run(*line, env={"NO_COLOR": None, "FORCE_COLOR": "1"})  # type: ignore[dict-item]
        outcomes.append((result.exit_code, result.stdout, result.stderr))
    assert outcomes[0] == outcomes[1]
    assert "\x1b[" not in outcomes[1][1]  # --no-color took effect after the command too


def test_data_after_the_command_is_the_dataset_used(starter: Path) -> None:
    result = run("list", "--data", str(starter))
    assert result.exit_code == 0, result.stderr
    assert "enterprise-ae" in result.stdout and "director" not in result.stdout
    result = run("data", "export", "--data", str(starter), "--format", "json")
    assert '"enterprise-ae"' in result.stdout and '"director"' not in result.stdout


def test_a_global_option_after_the_command_wins_over_the_environment(starter: Path) -> None:
    result = run("list", "--data", str(starter), env={"SALESROLES_DATA": "/nonexistent.toml"})
    assert result.exit_code == 0, result.stderr


def test_top_level_help_shows_each_summary_whole() -> None:
    result = run("--help")
    assert result.exit_code == 0
    shown = " ".join(result.stdout.split())
    assert "..." not in result.stdout.partition("Commands:")[2]
    for info in group.commands.registered_commands:
        doc = inspect.cleandoc(info.callback.__doc__ or "")
        summary = " ".join(doc.split("\n\n")[0].split())
        assert f"{group._command_name(info)} {summary}" in shown
    for sub in group.commands.registered_groups:
        assert sub.typer_instance
        summary = " ".join(str(sub.typer_instance.info.help).split())
        assert f"{sub.name} {summary}" in shown


def test_completion_follows_data_after_the_command(starter: Path) -> None:
    env = {
        **ENV,
        "_SALESROLES_COMPLETE": "complete_bash",
        "COMP_WORDS": f"salesroles show --data {starter} t",
        "COMP_CWORD": "4",
    }
    done = subprocess.run(
        [sys.executable, "-m", "salesroles"], env=env, capture_output=True, text=True, check=False
    )
    assert (done.stdout.split(), done.stderr) == (["team-lead", "tl"], "")


# --- streams that fail loudly -------------------------------------------------------

FULL = [
    ["list"],
    ["show", "director", "--json"],
    ["compare", "vp", "cro", "--format", "markdown"],
    ["data", "export"],
    ["which", "-"],
    ["schema"],
    ["--version"],
    ["--help"],
    ["data", "--help"],
    [],
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", FULL, ids=" ".join)
def test_a_full_stdout_is_one_sentence_and_exit_1(args: list[str]) -> None:
    """As cat says it (`cat: write error: No space left on device`), never a bug (70)."""
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a path to work with
        done = subprocess.run(
            [sys.executable, "-m", "salesroles", *args],
            env=ENV,
            stdout=full,
            stderr=subprocess.PIPE,
            input=b"vp\n",
            check=False,
        )
    assert done.stderr.decode() == (
        "Error: cannot write to standard output: no space left on device.\n"
    )
    assert done.returncode == 1


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["show", "--help"], []], ids=str)
def test_a_closed_stdout_on_help_or_version_is_said(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "salesroles", *args],
        env=ENV,
        capture_output=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert (done.returncode, done.stderr) == (
        1,
        "Error: standard output is closed, so there is nowhere to write.\n",
    )


def test_a_stdout_open_only_for_reading_is_one_sentence() -> None:
    with open(os.devnull, "rb") as read_only:  # noqa: PTH123 - a descriptor for the child
        done = subprocess.run(
            [sys.executable, "-m", "salesroles", "list"],
            env=ENV,
            stdout=read_only,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert (done.returncode, done.stderr) == (
        1,
        "Error: cannot write to standard output: bad file descriptor.\n",
    )


def test_stdin_is_decoded_as_arguments_are() -> None:
    """UTF-8, a byte-order mark dropped, bytes that are not UTF-8 as U+FFFD: the JSON stays
    valid UTF-8 whatever the input's encoding (here Latin-1)."""
    titles = b"\xef\xbb\xbfVP of Sales\r\nVertriebsleiter f\xfcr Deutschland\n"
    done = real_bytes(["which", "-", "--json"], input=titles)
    assert done.returncode == 0, done.stderr
    typed = [t["title"] for t in json.loads(done.stdout.decode("utf-8"))["titles"]]
    assert typed == ["VP of Sales", "Vertriebsleiter f\ufffdr Deutschland"]
    argument = real_bytes(["which", b"Vertriebsleiter f\xfcr Deutschland", "--json"])
    assert json.loads(argument.stdout.decode("utf-8"))["titles"][0]["title"] == typed[1]


def test_stdin_for_titles_is_read_capped() -> None:
    with open("/dev/zero", "rb") as zeros:  # noqa: PTH123 - a device for the child's stdin
        done = real(["which", "-"], stdin=zeros)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "Error: Cannot read titles from stdin: stdin holds more than the 20 MiB salesroles reads.\n"
    )


def test_a_file_name_that_is_not_utf8_opens_that_file(tmp_path: Path) -> None:
    """Arguments and SALESROLES_DATA keep a file name's bytes; titles become U+FFFD."""
    from .conftest import FIXTURE

    name = tmp_path / os.fsdecode(b"caf\xe9.toml")
    name.write_bytes(FIXTURE.read_bytes())
    raw = os.fsencode(name)
    for args, env in [
        ([b"--data", raw, b"list", b"--json"], ENV),
        ([b"list", b"--json", b"--data", raw], ENV),
        ([b"list", b"--json"], {**ENV, "SALESROLES_DATA": os.fsdecode(raw)}),
    ]:
        done = real_bytes(args, env=env)
        assert done.returncode == 0, done.stderr
        assert [r["id"] for r in json.loads(done.stdout)["roles"]] == ["seller", "lead", "chief"]
    valid = real_bytes([b"data", b"validate", raw])
    assert valid.stdout.decode() == f"{tmp_path}/caf\\xe9.toml: valid; 3 roles.\n"
    out = os.fsencode(tmp_path / os.fsdecode(b"out\xff.toml"))
    assert real_bytes([b"--data", raw, b"data", b"export", b"-o", out]).returncode == 0
    new = os.fsencode(tmp_path / os.fsdecode(b"new\xff.toml"))
    init = real_bytes([b"data", b"init", new])
    assert init.returncode == 0, init.stderr
    names = {os.fsencode(p.name) for p in tmp_path.iterdir()}
    assert {b"caf\xe9.toml", b"out\xff.toml", b"new\xff.toml"} <= names
