"""advise and the menu: the pure advice, and both driven through a real pseudo-terminal."""

from __future__ import annotations

import os
import sys

import pexpect
import pytest

from .conftest import ROOT

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
    child = spawn("advise", "--size", "mid", "--no-pager")  # the advice is longer than a screen
    child.expect("What must the hire deliver first\\?")
    child.expect("2\\) long-term growth")
    child.sendline("2")
    child.expect("3\\) the whole company")
    child.sendline("2")  # a region
    child.expect("Will the hire own a budget\\?")
    child.sendline("1")  # yes
    child.expect("Is there a sales team already\\?")
    child.sendline("7")
    child.expect("Please answer with a number from 1 to 2, or q to quit.")
    child.sendline("2")  # no sales team yet
    child.expect("What must the hire lead\\?")
    child.expect("3\\) every revenue function")
    child.sendline("")  # the default: sales only
    child.expect("Recommended hire: Regional Sales Manager \\(rsm\\)")
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
