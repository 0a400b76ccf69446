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

if TYPE_CHECKING:
    from salesroles.catalog import Catalog
    from salesroles.queries import Result

MIN_COLUMNS, MIN_LINES = 60, 15  # below this a full screen is too cramped to use


def full_screen_possible() -> bool:
    """True when stdin and stdout are a terminal that can hold the app."""
    stdin, stdout = sys.stdin, sys.stdout
    if stdin is None or stdout is None or not (stdin.isatty() and stdout.isatty()):
        return False
    if os.environ.get("TERM", "") == "dumb":
        return False
    size = shutil.get_terminal_size((0, 0))
    return size.columns >= MIN_COLUMNS and size.lines >= MIN_LINES


def first_result(catalog: Catalog, roles: Sequence[str]) -> Result:
    """What the app opens on: the list, one role's profile, or the roles compared.

    Called before anything opens, so an unknown name is a usage error (exit 2) on a
    normal terminal, not a message inside a full screen.
    """
    from salesroles import queries
    from salesroles.models import CORE_DIMENSIONS, DIMENSIONS

    if not roles:
        return queries.list_roles(catalog)
    if len(roles) == 1:
        return queries.profile(catalog, roles[0], tuple(DIMENSIONS))
    return queries.compare(catalog, roles, CORE_DIMENSIONS)


def browse(catalog: Catalog, roles: Sequence[str], *, color: bool) -> None:
    """``salesroles browse [ROLE...]``: the app, else the line menu.

    The menu stands in on a dumb or tiny terminal and when stdin or stdout is not a
    terminal (it reads its answers from stdin, so a script can drive it and it ends
    at end of input). The roles given are shown first, as the app would open on them.
    """
    from salesroles import interactive
    from salesroles.render import Format, emit

    first = first_result(catalog, roles)
    if full_screen_possible():
        run(catalog, roles, color=color)
        return
    if roles or sys.stdin is None:  # stdin closed (`<&-`): no answers to read, no menu
        emit(first, Format.table, color=color)
    if sys.stdin is not None:
        interactive.menu(catalog, color=color)


def run(catalog: Catalog, roles: Sequence[str] = (), *, color: bool = True) -> None:
    """Run the full-screen app until the user quits."""
    from salesroles.app.app import SalesRolesApp

    app = SalesRolesApp(catalog, roles, color=color)
    app.run()
    if app._exception is not None:  # the terminal is restored: report it as the CLI does
        raise app._exception
