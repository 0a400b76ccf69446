"""The README's ``$ salesroles ...`` examples are real output: each is run and compared."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, run

README = ROOT / "README.md"


def examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for the README's examples that stand alone."""
    # Pipes, and the walk-through of a reader's own file (edited between steps),
    # are shown, not checked here: its first, self-contained block is run whole
    # by test_readme_walkthrough. Interactive sessions (a bare `salesroles`, advise
    # without every flag) need a terminal: tests/test_interactive.py drives those
    # through a pseudo-terminal.
    own_file = ("|", "--data", "data ", "SALESROLES_DATA", "advise --size mid")
    return [
        (c, o)
        for c, o in _all_examples(text)
        if c.startswith("salesroles ") and not any(m in c for m in own_file)
    ]


def walkthrough(text: str) -> list[tuple[str, str]]:
    """The own-ladder walk-through's first block, from `data init`: self-contained."""
    start = text.index("```\n$ salesroles data init ")
    end = text.index("```\n", start + 4) + 4
    return _all_examples(text[start:end])


def _all_examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for every example in a fenced block of the README."""
    found: list[tuple[str, str]] = []
    in_block, command = False, None
    output: list[str] = []
    for line in [*text.splitlines(), "```"]:
        if line.startswith("```"):
            if command:
                found.append((command, "\n".join(output).strip("\n")))
            in_block, command, output = not in_block, None, []
        elif in_block and line.startswith("$ "):
            if command:
                found.append((command, "\n".join(output).strip("\n")))
            command, output = line[2:], []
        elif command is not None:
            output.append(line)
    return found


CASES = examples(README.read_text(encoding="utf-8"))
# The examples that pipe --json into jq, as a script would: run with the real jq.
JQ = [(c, o) for c, o in _all_examples(README.read_text(encoding="utf-8")) if " | jq " in c]
WALKTHROUGH = walkthrough(README.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def in_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a fresh clone or a reader's own folder: nothing there to collide with."""
    monkeypatch.chdir(tmp_path)


def actual(command: str) -> str:
    result = run(*shlex.split(command)[1:])
    return "\n".join(line.rstrip() for line in result.output.splitlines()).strip("\n")


def test_the_readme_has_examples() -> None:
    assert len(CASES) >= 7
    assert [c.split()[1:3] for c, _ in WALKTHROUGH] == [
        ["data", "init"],
        ["data", "validate"],
        ["list", "--data"],
    ]


def test_readme_walkthrough(tmp_path: Path) -> None:
    """The own-ladder steps, one after another in one empty folder, as a reader runs them."""
    for command, expected in WALKTHROUGH:
        assert actual(command) == expected, command
    assert [p.name for p in tmp_path.iterdir()] == ["our-ladder.toml"]


@pytest.mark.parametrize(("command", "expected"), CASES, ids=[c for c, _ in CASES])
def test_readme_example(command: str, expected: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        text = README.read_text(encoding="utf-8")
        block = f"$ {command}\n{expected}\n" if expected else f"$ {command}\n"
        text = text.replace(block, f"$ {command}\n{actual(command)}\n", 1)
        README.write_text(text, encoding="utf-8")
        return
    assert actual(command) == expected


def test_the_readme_pipes_json_into_jq() -> None:
    assert JQ, "the README shows no `salesroles ... --json | jq ...` example"
    assert all(c.startswith("salesroles ") and "--json" in c.split(" | jq ")[0] for c, _ in JQ)


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
@pytest.mark.parametrize(("command", "expected"), JQ, ids=[c for c, _ in JQ])
def test_readme_jq_example(command: str, expected: str) -> None:
    """What the reader sees: salesroles's stderr, then what jq prints from its --json."""
    ours, jq = command.split(" | jq ", 1)
    result = run(*shlex.split(ours)[1:])
    assert result.exit_code == 0, result.stderr
    filtered = subprocess.run(
        ["jq", *shlex.split(jq)], input=result.stdout, capture_output=True, text=True, check=False
    )
    assert filtered.returncode == 0, f"jq {jq}: {filtered.stderr.strip()}"
    seen = result.stderr + filtered.stdout
    assert "\n".join(line.rstrip() for line in seen.splitlines()).strip("\n") == expected
