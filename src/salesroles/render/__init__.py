"""Turn a query's result into output. The only place that branches on the format."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesroles.results import Result


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class ExportFormat(StrEnum):
    toml = "toml"
    json = "json"


def emit(
    result: Result, fmt: Format, *, color: bool = True, sources: bool = True, page: bool = False
) -> None:
    """Write ``result`` to stdout in ``fmt``; ``sources=False`` leaves out markers and list.

    With ``page``, output taller than the terminal goes through a pager (see
    ``salesroles.render.terminal``); never JSON, and never when stdout is not a terminal.
    """
    from salesroles.render import terminal

    utf8 = terminal.prepare_stdout()
    at_terminal = sys.stdout.isatty()
    if fmt is Format.table:
        from salesroles.render import table

        # at a terminal: colour (where wanted); elsewhere Rich decides (FORCE_COLOR)
        text = table.render(result, color=color, sources=sources, terminal=at_terminal or None)
    elif fmt is Format.json:
        from salesroles.render import json

        # indented at a terminal; on one line for a pipe or a file, which a program reads
        text = json.render(result, ascii_only=not utf8, indent=at_terminal)
    elif fmt is Format.markdown:
        from salesroles.render import markdown

        text = markdown.render(result, sources=sources)
    else:
        from salesroles.render import csv

        text = csv.render(result)
    if page and at_terminal and fmt is not Format.json:
        terminal.page(text)
    else:
        sys.stdout.write(text)
