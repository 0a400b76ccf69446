"""Second hardening round: what a new user tripped on (global options, pager, help)."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from salesroles import group

from .conftest import ROOT, run

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "80", "NO_COLOR": "1"}
for _name in ("SALESROLES_PAGER", "PAGER", "LESS", "LINES", "SALESROLES_DATA"):
    ENV.pop(_name, None)


def registry() -> list[tuple[str, ...]]:
    """Every command the app has, from its own registry (a new one is checked unasked)."""
    found: list[tuple[str, ...]] = [
        (group._command_name(info),) for info in group.commands.registered_commands
    ]
    for sub in group.commands.registered_groups:
        assert sub.name and sub.typer_instance
        found += [
            (sub.name, group._command_name(info)) for info in sub.typer_instance.registered_commands
        ]
    return found


COMMANDS = registry()

# What each command is given besides the global options; the starter dataset's
# roles are enterprise-ae, team-lead and area-vp. A command missing here fails below.
ARGUMENTS = {
    ("list",): [],
    ("show",): ["team-lead"],
    ("compare",): ["team-lead", "area-vp"],
    ("career",): ["enterprise-ae", "--to", "area-vp"],
    ("search",): ["quota"],
    ("which",): ["Sales Team Lead"],
    ("sources",): ["team-lead"],
    ("advise",): ["--size", "small"],
    ("browse",): ["team-lead", "area-vp"],  # no terminal here: prints the comparison
    ("schema",): [],
    ("data", "validate"): ["{data}"],
    ("data", "export"): [],
    ("data", "init"): ["new.toml"],
    ("data", "upgrade"): ["{data}"],
}


def test_every_command_has_sample_arguments() -> None:
    assert sorted(COMMANDS) == sorted(ARGUMENTS)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_of_every_command_shows_the_global_options(command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    for option in ("--data FILE", "--no-color", "--no-pager"):
        assert option in result.stdout


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    path = tmp_path / "starter.toml"
    assert run("data", "init", str(path)).exit_code == 0
    return path


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


# --- help -----------------------------------------------------------------------------


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


# --- the pager ------------------------------------------------------------------------

TALL = ["compare", "manager", "director", "--all"]  # hundreds of lines
SHORT = ["career", "rep", "--to", "manager"]  # a dozen


def at_terminal(args: list[str], rows: int, pager: str, **env: str) -> str:
    """Run at a pseudo-terminal ``rows`` high; what reached the terminal."""
    child = pexpect.spawn(
        sys.executable,
        ["-m", "salesroles", *args],
        env={**ENV, "SALESROLES_PAGER": pager, **env},
        encoding="utf-8",
        timeout=30,
        dimensions=(rows, 80),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_output_taller_than_the_screen_is_paged(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    shown = at_terminal(TALL, 24, f"cat > {paged}")
    text = paged.read_text(encoding="utf-8")
    assert "Compensation" in text and "\nSources\n" in text
    assert "Compensation" not in shown


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
    assert "Compensation" in shown
    assert not (tmp_path / "paged.txt").exists()


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
    assert "Compensation" in done.stdout
    assert not paged.exists()


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
