"""What several test modules share: the real command in a child process, the command
registry with sample arguments, small dataset builders, and hostile text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import IO, Any

import tomli_w

from salesroles import group

from .conftest import FIXTURE, ROOT, run

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "80", "LANG": "C.UTF-8"}
for _name in ("LC_ALL", "LC_CTYPE", "SALESROLES_DATA"):
    ENV.pop(_name, None)


def real(
    args: list[str], *, stdin: IO[bytes] | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, as a shell would run it."""
    return subprocess.run(
        [sys.executable, "-m", "salesroles", *args],
        env={**ENV, **env},
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def shell(line: str) -> subprocess.CompletedProcess[str]:
    """``salesroles LINE`` run by the shell, pipes and redirections included."""
    return subprocess.run(
        f"{sys.executable} -m salesroles {line}",
        shell=True,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )


def real_bytes(
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


# --- every command, from the app's own registry ----------------------------------------


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
# roles are enterprise-ae, team-lead and area-vp. A command missing here fails a test.
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


# --- small datasets ------------------------------------------------------------------

SOURCES = [{"id": "s", "title": "S", "kind": "other"}]


def dataset(roles: list[dict[str, Any]], **extra: Any) -> str:
    return tomli_w.dumps({"dataset_version": 2, "sources": SOURCES, "roles": roles, **extra})


def role(role_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": role_id, "title": f"Title of {role_id}", "summary": "x", "sources": ["s"],
            **fields}  # fmt: skip


def promotion(*targets: str) -> list[dict[str, Any]]:
    return [{"to": list(targets), "kind": "promotion", "source": "s"}]


def lattice(levels: int) -> str:
    roles = []
    for level in range(levels):
        for side in "ab":
            up = promotion(f"l{level + 1}a", f"l{level + 1}b") if level + 1 < levels else []
            roles.append(role(f"l{level}{side}", career=up))
    return dataset(roles)


def assert_error(
    args: list[str], code: int, message: str, env: dict[str, str] | None = None
) -> None:
    result = run(*args, env=env)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


# --- hostile text inside a dataset --------------------------------------------

HOSTILE = "[bold red]Boss[/] [/] \x1b[31mred\x1b]8;;http://x\x07link \u202eevil " + "W" * 120
HOSTILE_DATASET = f"""
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


# --- the small fixture dataset, and a version-1 file ------------------------------------

GOLDEN = ROOT / "tests" / "golden"


def small(*args: str) -> list[str]:
    return ["--data", str(FIXTURE), *args]


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
