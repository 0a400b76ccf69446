"""advise and the menu: the pure advice, and both driven through a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import sys

import pexpect
import pytest

from salesroles import catalog, queries

from .conftest import ROOT, run

# (size, horizon, scope, budget, team) -> (recommended, runner-up)
ANSWER_SETS = [
    (("small", "short", "team", "no", "yes"), ("manager", "director")),
    (("founding", "short", "team", "no", "no"), ("manager", "director")),
    (("mid", "long", "region", "yes", "yes"), ("director", "head")),
    (("mid", "long", "region", "no", "no"), ("director", "rsm")),
    (("mid", "short", "region", "yes", "yes"), ("director", "rsm")),
    (("large", "short", "region", "no", "yes"), ("rsm", "manager")),
    (("large", "long", "company", "yes", "yes"), ("head", "cso")),
    (("small", "long", "company", "yes", "no"), ("head", "director")),
]


@pytest.mark.parametrize(("answers", "expected"), ANSWER_SETS)
def test_advice_for_each_answer_set(answers: tuple[str, ...], expected: tuple[str, str]) -> None:
    given = dict(zip(queries.QUESTIONS, answers, strict=True))
    advice = queries.advise(catalog.load(), given)
    assert (advice.best.id, advice.runner_up.id) == expected
    assert advice.reasons  # always says why


def test_reasons_come_from_the_dataset() -> None:
    given = dict(zip(queries.QUESTIONS, ("small", "short", "team", "no", "yes"), strict=True))
    advice = queries.advise(catalog.load(), given)
    bundled = catalog.load()
    small = next(c for c in bundled.all_contrasts() if c.topic == "Small companies")
    assert f"Small companies: {small.text}" in advice.reasons
    scope = bundled.roles["manager"].scope
    assert scope is not None
    assert f"Scope: {scope.points[0]}" in advice.reasons


def test_advise_runs_without_a_terminal_with_flags_and_says_what_it_assumed() -> None:
    result = run("advise", "--size", "small", "--horizon", "short", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["recommended"]["id"] == "manager"
    assert data["assumed"] == ["scope", "budget", "team"]
    assert data["compare"] == "salesroles compare manager director"
    assert result.stderr == (
        "Assumed --scope team, --budget no, --team yes "
        "(no terminal to ask; give the flags to choose).\n"
    )


def test_no_input_makes_missing_answers_an_error() -> None:
    result = run("advise", "--no-input", "--size", "mid")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == "Error: advise needs --horizon, --scope, --budget, --team with --no-input.\n"
    )


def test_a_bad_answer_is_a_usage_error() -> None:
    result = run("advise", "--size", "huge")
    assert result.exit_code == 2
    assert "--size must be one of founding, small, mid, large, not 'huge'." in result.stderr


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_advise_in_every_format(fmt: str) -> None:
    result = run(
        "advise",
        "--size",
        "large",
        "--horizon",
        "long",
        "--scope",
        "company",
        "--budget",
        "yes",
        "--team",
        "yes",
        "--format",
        fmt,
    )
    assert result.exit_code == 0
    assert "Head of Sales" in result.stdout


# --- through a pseudo-terminal ---------------------------------------------------


def spawn(*args: str) -> pexpect.spawn:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100", "NO_COLOR": "1"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "salesroles", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 100),
    )


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert "Traceback" not in (child.before or "")
    return int(child.exitstatus)


def test_menu_compares_opens_follows_links_and_quits() -> None:
    child = spawn()
    child.expect("s TEXT searches, a asks whom to hire, q quits.")
    child.expect("> ")
    child.sendline("2 4")  # Sales Manager and Director of Sales, by number
    child.expect("Sales Manager \\(manager\\)")
    child.expect("Director of Sales")
    child.expect("Enter to go back: ")
    child.sendline("")
    child.expect("> ")
    child.sendline("director")
    child.expect("Career links:")
    child.expect("1\\) Head of Sales \\(head\\)")
    child.expect("Open a link by number, or Enter to go back: ")
    child.sendline("1")
    child.expect("Head of Sales \\(head\\)")
    child.expect("Open a link by number, or Enter to go back: ")
    child.sendline("")
    child.expect("> ")
    child.sendline("s key accounts")
    child.expect("Handles key accounts")
    child.expect("Enter to go back: ")
    child.sendline("")
    child.expect("> ")
    child.sendline("nonsense")
    child.expect("No role called 'nonsense'")
    child.expect("> ")
    child.sendline("q")
    assert finish(child) == 0


@pytest.mark.parametrize("key", ["eof", "intr"])
def test_menu_leaves_cleanly_on_ctrl_d_and_ctrl_c(key: str) -> None:
    child = spawn()
    child.expect("> ")
    child.sendeof() if key == "eof" else child.sendintr()
    assert finish(child) == 0


def test_advise_asks_each_missing_question_with_numbered_choices() -> None:
    child = spawn("advise", "--size", "mid")
    child.expect("What must the hire deliver first\\?")
    child.expect("2\\) long-term growth")
    child.sendline("2")
    child.expect("3\\) the whole company")
    child.sendline("2")  # a region
    child.expect("Will the hire own a budget\\?")
    child.sendline("")  # the default: no
    child.expect("Is there a sales team already\\?")
    child.sendline("7")
    child.expect("Please answer with a number from 1 to 2, or q to quit.")
    child.sendline("2")  # no sales team yet
    child.expect("Hire a Director of Sales \\(director\\)")
    child.expect("Building a team: Recruits and trains sales managers and representatives.")
    child.expect("Compare them: salesroles compare director rsm")
    assert finish(child) == 0


def test_advise_quits_from_a_question() -> None:
    child = spawn("advise")
    child.expect("How big is the company\\?")
    child.sendline("q")
    assert finish(child) == 0


def test_piped_bare_command_prints_help_and_never_waits() -> None:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "salesroles"],
        input="",
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert done.returncode == 0
    assert "Usage: salesroles" in done.stdout
