"""Turn a query's result into output. The only place that branches on the format."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesroles.queries import Result


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class ExportFormat(StrEnum):
    toml = "toml"
    json = "json"


_ASCII = {
    "→": "->",
    "–": "-",
    "—": "--",
    "•": "*",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "…": "...",
}


def _spell_in_ascii(error: UnicodeError) -> tuple[str, int]:
    """An encoding error handler: typographic characters in ASCII, anything else as '?'."""
    assert isinstance(error, UnicodeEncodeError)
    bad = error.object[error.start : error.end]
    return "".join(_ASCII.get(c, "?") for c in bad), error.end


def prepare_stdout() -> bool:
    """Make stdout safe to write to; True when it takes UTF-8."""
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
    if not utf8 and hasattr(sys.stdout, "reconfigure"):
        import codecs

        codecs.register_error("salesroles", _spell_in_ascii)
        sys.stdout.reconfigure(errors="salesroles")  # an ASCII terminal never crashes
    return utf8


def emit(result: Result, fmt: Format, *, color: bool = True, sources: bool = True) -> None:
    """Write ``result`` to stdout in ``fmt``; ``sources=False`` leaves out markers and list."""
    utf8 = prepare_stdout()
    if fmt is Format.table:
        from salesroles.render import table

        sys.stdout.write(table.render(result, color=color, sources=sources))
        return
    if fmt is Format.json:
        from salesroles.render import json

        sys.stdout.write(json.render(result, ascii_only=not utf8))
    elif fmt is Format.markdown:
        from salesroles.render import markdown

        sys.stdout.write(markdown.render(result, sources=sources))
    else:
        from salesroles.render import csv

        sys.stdout.write(csv.render(result))
