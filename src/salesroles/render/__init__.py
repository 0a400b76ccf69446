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


def emit(result: Result, fmt: Format, *, color: bool = True) -> None:
    """Write ``result`` to stdout in ``fmt``."""
    utf8 = prepare_stdout()
    if fmt is Format.table:
        from salesroles.render.table import print_result

        print_result(result, color=color)
        return
    if fmt is Format.json:
        from salesroles.render.json import render
    elif fmt is Format.markdown:
        from salesroles.render.markdown import render
    else:
        from salesroles.render.csv import render
    sys.stdout.write(render(result, ascii_only=not utf8))
