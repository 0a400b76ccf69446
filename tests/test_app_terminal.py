"""The app through a real pseudo-terminal, and the choice between it and the line menu."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pexpect
import pytest

from .conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "hostile.toml"


def environment(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm-256color", **extra}
    for name in ("NO_COLOR", "COLUMNS", "LINES"):
        if name not in extra:
            env.pop(name, None)
    return env


def spawn(command: str, size: tuple[int, int] = (30, 100), **extra: str) -> pexpect.spawn:
    """``command`` in a shell on a pseudo-terminal of ``size`` (lines, columns)."""
    return pexpect.spawn(
        "/bin/sh", ["-c", command], env=environment(**extra), timeout=30, dimensions=size
    )


APP = f"{sys.executable} -m salesroles"


def test_open_compare_two_roles_quit_and_the_terminal_is_as_it_was() -> None:
    child = spawn(f"{APP} browse; echo exit=$?; stty -a")
    child.expect("Chief Commercial Officer")  # the list is on screen
    child.send(" ")  # mark the first role (rep)
    child.send("j")
    child.send(" ")  # and the second (manager)
    child.send("c")
    child.expect("compare rep manager")
    child.expect("Differences")
    child.send("q")
    child.expect(rb"exit=(\d+)")
    assert child.match.group(1) == b"0"
    app_output = child.before
    child.expect(pexpect.EOF)
    settings = child.before.decode()
    child.close()
    # The last thing the app wrote was leaving the alternate screen, then resetting modes.
    tail = app_output[app_output.rindex(b"\x1b[?1049l") :]
    assert re.fullmatch(rb"(\x1b\[\?\d+[hl]|\x1b\[<u|\r|\n)*", tail), tail
    assert b"\x1b[?1049h" not in tail
    # The terminal is back in its usual cooked mode: echo and line editing on.
    assert re.search(r"(?<!-)\bicanon\b", settings) and re.search(r"(?<!-)\becho\b", settings)


def test_ctrl_c_quits_with_exit_0() -> None:
    child = spawn(f"{APP} browse head director; echo exit=$?")
    child.expect("compare head director")
    child.sendcontrol("c")
    child.expect(rb"exit=(\d+)")
    assert child.match.group(1) == b"0"
    child.expect(pexpect.EOF)


def test_the_bare_command_at_a_terminal_opens_the_app() -> None:
    child = spawn(f"{APP}; echo exit=$?")
    child.expect("Space marks roles to compare")
    child.send("q")
    child.expect(rb"exit=(\d+)")
    assert child.match.group(1) == b"0"


def test_a_datasets_control_codes_never_reach_the_terminal() -> None:
    child = spawn(f"{APP} --data {FIXTURE} browse boss lead; echo exit=$?")
    child.expect(re.escape(rb"[bold]Boss[/bold]"))
    child.send("q")
    child.expect(rb"exit=(\d+)")
    output = child.before
    assert b"\x1b[31mRed" not in output and "\u202e".encode() not in output
    assert rb"\x1b[31mRed" in output  # shown as text


@pytest.mark.parametrize(
    ("why", "size", "extra"),
    [
        ("TERM=dumb", (30, 100), {"TERM": "dumb"}),
        ("under 60 columns", (30, 59), {}),
        ("under 15 lines", (14, 100), {}),
    ],
)
def test_the_line_menu_stands_in_where_a_full_screen_cannot_work(
    why: str, size: tuple[int, int], extra: dict[str, str]
) -> None:
    child = spawn(f"{APP} browse; echo exit=$?", size, **extra)
    child.expect("s TEXT searches, a asks whom to hire, q quits.")
    child.expect("> ")
    child.sendline("q")
    child.expect(rb"exit=(\d+)")
    assert child.match.group(1) == b"0"
    assert b"\x1b[?1049h" not in child.before  # never switched to the alternate screen


def test_the_line_menu_shows_a_datasets_titles_cleaned() -> None:
    child = spawn(f"{APP} --data {FIXTURE}; echo exit=$?", TERM="dumb")
    child.expect("> ")
    menu = child.before
    child.sendline("q")
    child.expect(rb"exit=(\d+)")
    assert rb"[bold]Boss[/bold] \x1b[31mRed\x1b[0m \u202eevil" in menu
    assert b"\x1b[31m" not in menu and "\u202e".encode() not in menu


def test_browse_with_roles_on_a_dumb_terminal_shows_them_then_the_menu() -> None:
    child = spawn(f"{APP} browse head director; echo exit=$?", TERM="dumb")
    child.expect("Head of Sales \\(head\\)")
    child.expect("> ")
    child.sendline("q")
    child.expect(rb"exit=(\d+)")
    assert child.match.group(1) == b"0"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "salesroles", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment(COLUMNS="100"),
        timeout=30,
        check=False,
    )


def test_browse_without_a_terminal_runs_the_line_menu_and_never_waits() -> None:
    listing = run("browse")  # stdin is empty: the menu ends at end of input
    assert listing.returncode == 0
    assert "10  cco        Chief Commercial Officer" in listing.stdout
    compared = run("browse", "head", "director")
    assert compared.returncode == 0
    assert "Head of Sales (head)" in compared.stdout and "Director of Sales" in compared.stdout
    assert "s TEXT searches" in compared.stdout
    assert "\x1b[?1049h" not in compared.stdout
    scripted = run("browse", stdin="2 4\n\nq\n")  # answers from a pipe
    assert scripted.returncode == 0
    assert "Sales Manager (manager)" in scripted.stdout


def test_browse_with_stdin_closed_prints_the_list() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "salesroles", "browse"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=environment(COLUMNS="100"),
        timeout=30,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 0, done.stderr
    assert "Chief Revenue Officer" in done.stdout and "> " not in done.stdout


def test_browse_with_an_unknown_role_is_a_usage_error_before_anything_opens() -> None:
    done = run("browse", "nonsense")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("Error: No role called 'nonsense'.")


def test_a_bug_in_the_app_is_reported_as_one_sentence_with_exit_70() -> None:
    inject = (
        "import salesroles.app.screens.roles as r; "
        "r.RolesScreen.action_compare = lambda self: 1 / 0; "
        "from salesroles.cli import main; main()"
    )
    child = spawn(f'{sys.executable} -c "{inject}" browse; echo exit=$?')
    child.expect("Chief Commercial Officer")
    child.send("c")
    child.expect(rb"exit=(\d+)")
    assert child.match.group(1) == b"70"
    after = child.before[child.before.rindex(b"\x1b[?1049l") :]
    assert b"Error: internal error (ZeroDivisionError) in the full-screen app" in after
    assert b"Traceback" not in child.before
