"""The full-screen app, and the choice between it and the line menu.

Textual is imported only inside ``run``: ``--json``, ``--help`` and every other
command never pay for it.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from salesroles.errors import SalesRolesError

if TYPE_CHECKING:
    from salesroles.catalog import Catalog
    from salesroles.models import Role
    from salesroles.results import Result

MIN_COLUMNS, MIN_LINES = 60, 15  # below this a full screen is too cramped to use


class AppFailed(SalesRolesError):
    """A bug inside the full-screen app, reported once the terminal is restored."""

    exit_code = 70


def full_screen_possible() -> bool:
    """True when stdin and stdout are a terminal that can hold the app."""
    stdin, stdout = sys.stdin, sys.stdout
    if stdin is None or stdout is None or not (stdin.isatty() and stdout.isatty()):
        return False
    if os.environ.get("TERM", "") == "dumb":
        return False
    size = shutil.get_terminal_size((0, 0))
    return size.columns >= MIN_COLUMNS and size.lines >= MIN_LINES


def first_result(catalog: Catalog, roles: Sequence[Role]) -> Result:
    """What the app opens on: the list, one role's profile, or the roles compared."""
    from salesroles import queries
    from salesroles.models import CORE_DIMENSIONS, DIMENSIONS

    if not roles:
        return queries.list_roles(catalog)
    if len(roles) == 1:
        return queries.profile(catalog, roles[0], tuple(DIMENSIONS))
    return queries.compare(catalog, roles, CORE_DIMENSIONS)


def browse(catalog: Catalog, roles: Sequence[Role], *, color: bool) -> None:
    """``salesroles browse [ROLE...]``: the app, else the line menu.

    The menu stands in on a dumb or tiny terminal and when stdin or stdout is not a
    terminal (it reads its answers from stdin, so a script can drive it and it ends
    at end of input). The roles given are shown first, as the app would open on them.
    """
    from salesroles import interactive
    from salesroles.render import Format, emit

    first = first_result(catalog, roles)  # a usage error is found before any screen opens
    if full_screen_possible():
        run(catalog, [r.id for r in roles], color=color)
        return
    if roles or sys.stdin is None:  # stdin closed (`<&-`): no answers to read, no menu
        emit(first, Format.table, color=color)
    if sys.stdin is not None:
        interactive.menu(catalog, color=color)


def run(catalog: Catalog, role_ids: Sequence[str] = (), *, color: bool = True) -> None:
    """Run the full-screen app until the user quits.

    A bug inside the app ends it with the terminal restored; Textual's report of it
    (a traceback) is kept back, and the CLI says it as it says every bug (exit 70).
    ``SALESROLES_DEBUG=1`` lets the traceback through.
    """
    import contextlib
    import io

    from salesroles.app.app import SalesRolesApp

    if not color:
        os.environ["NO_COLOR"] = "1"  # --no-color does what NO_COLOR does, in Textual too
    app = SalesRolesApp(catalog, role_ids)
    kept_back = io.StringIO()
    with contextlib.redirect_stderr(kept_back):  # only Textual's error report goes here
        app.run()
    if app.return_code:
        report = kept_back.getvalue()
        if os.environ.get("SALESROLES_DEBUG"):
            sys.stderr.write(report)
        raise AppFailed(
            f"internal error{_kind(report)} in the full-screen app. Please report it; "
            "run again with SALESROLES_DEBUG=1 to see the details."
        )


def _kind(report: str) -> str:
    """`` (KeyError)``: the exception's name, from the last line of Textual's report."""
    import re

    lines = [line for line in re.sub(r"\x1b\[[0-9;]*m", "", report).splitlines() if line.strip()]
    found = (
        re.match(r"\s*([A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit))\b", lines[-1])
        if lines
        else None
    )
    return f" ({found.group(1).rpartition('.')[2]})" if found else ""
