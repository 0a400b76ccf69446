"""Turn a query's result into output. The only place that branches on the format."""

from __future__ import annotations

import os
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
    "£": "GBP ",
    "€": "EUR ",
    "×": "x",
    "½": " 1/2",
    "≈": "~",
    "≥": ">=",
    "≤": "<=",
}


def _spell_in_ascii(error: UnicodeError) -> tuple[str, int]:
    """An encoding error handler: typographic characters in ASCII, accents dropped
    ("é" as "e"), anything else as '?'."""
    import unicodedata

    assert isinstance(error, UnicodeEncodeError)
    bad = error.object[error.start : error.end]
    spelled = []
    for c in bad:
        plain = unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode()
        spelled.append(_ASCII.get(c) or plain or "?")
    return "".join(spelled), error.end


def prepare_stdout() -> bool:
    """Make stdout safe to write to; True when it takes UTF-8.

    Python's UTF-8 mode makes stdout UTF-8 even under ``LC_ALL=C``; the locale the
    user chose wins, so C or POSIX gets the ASCII spellings (``->``, ``*``, ``-``).
    """
    ascii_locale = _locale_is_ascii()
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8" and not ascii_locale
    if not utf8 and hasattr(sys.stdout, "reconfigure"):
        import codecs

        codecs.register_error("salesroles", _spell_in_ascii)
        # An ASCII terminal never crashes, and Rich then draws its lines in ASCII too.
        encoding = "ascii" if ascii_locale else sys.stdout.encoding
        sys.stdout.reconfigure(encoding=encoding, errors="salesroles")
    return utf8


# What Python puts in LC_CTYPE when it replaces the C locale at start-up (PEP 538).
_COERCED = ("C.UTF-8", "C.utf8", "UTF-8")


def _locale_is_ascii() -> bool:
    """LC_ALL, LC_CTYPE or LANG (the first one set) names the C or POSIX locale."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = os.environ.get(name)
        if value and not (name == "LC_CTYPE" and value in _COERCED):
            return value in ("C", "POSIX")
    return False


def emit(
    result: Result, fmt: Format, *, color: bool = True, sources: bool = True, page: bool = False
) -> None:
    """Write ``result`` to stdout in ``fmt``; ``sources=False`` leaves out markers and list.

    With ``page``, output taller than the terminal goes through a pager (see
    ``salesroles.pager``); never JSON, and never when stdout is not a terminal.
    """
    utf8 = prepare_stdout()
    terminal = sys.stdout.isatty()
    if fmt is Format.table:
        from salesroles.render import table

        # at a terminal: colour (where wanted); elsewhere Rich decides (FORCE_COLOR)
        text = table.render(result, color=color, sources=sources, terminal=terminal or None)
    elif fmt is Format.json:
        from salesroles.render import json

        text = json.render(result, ascii_only=not utf8)
    elif fmt is Format.markdown:
        from salesroles.render import markdown

        text = markdown.render(result, sources=sources)
    else:
        from salesroles.render import csv

        text = csv.render(result)
    if page and terminal and fmt is not Format.json:
        from salesroles import pager

        pager.show(text)
    else:
        sys.stdout.write(text)
