"""The terminal: how wide to draw, what stdout can encode, and the pager.

Long output at a terminal goes through a pager, the way git does it: only when
stdout is a terminal and the text is taller than the screen (the caller checks the
terminal and ``--no-pager``). The pager is ``SALESROLES_PAGER``, else ``PAGER``,
else ``less`` with ``LESS=FRX`` unless LESS is set; an empty value or ``cat`` means
no pager.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from contextlib import suppress

DEFAULT_WIDTH = 80  # for a bad, zero or negative COLUMNS, and when there is no terminal
MIN_WIDTH = 20  # narrower, no table can be drawn: see table_width


def table_width() -> int:
    """The width to draw at: the one place that decides it.

    COLUMNS when it is a positive number (a bad, zero or negative one means 80), else
    the terminal's width, else 80. Tables fit that width, wrapping between words.
    Under 20 columns no table can be drawn (Rich prints blank lines or cuts every
    word): it is drawn 80 wide and the terminal wraps the lines, every word whole.
    """
    width = _columns()
    return width if width >= MIN_WIDTH else DEFAULT_WIDTH


def _columns() -> int:
    raw = os.environ.get("COLUMNS")
    if raw is not None:
        try:
            width = int(raw.strip())
        except ValueError:
            width = 0
        return width if width > 0 else DEFAULT_WIDTH
    for fd in (1, 0, 2):  # as Rich does: a pipe still gets the terminal's width
        try:
            width = os.get_terminal_size(fd).columns
        except (OSError, ValueError):
            continue
        if width > 0:
            return width
    return DEFAULT_WIDTH


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
    "·": "-",
    "◦": "o",
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
    """LC_ALL, LC_CTYPE or LANG (the first one the user set) names the C or POSIX locale."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = _users_own(name)
        if value:
            return value in ("C", "POSIX")
    return False


def _users_own(name: str) -> str | None:
    """The user's own setting of the variable ``name``.

    Python replaces a C locale at start-up (PEP 538) by setting LC_CTYPE to C.UTF-8 in
    its own environment, which would hide the user's ``LC_CTYPE=C``. Where the
    environment the process started with can be read (Linux: /proc/self/environ), that
    says what the user set; elsewhere a coerced value counts as not set.
    """
    value = os.environ.get(name)
    if name != "LC_CTYPE" or value not in _COERCED:
        return value
    from pathlib import Path

    try:
        entries = Path("/proc/self/environ").read_bytes().split(b"\0")
    except OSError:
        return None
    for entry in entries:
        key, _, setting = entry.partition(b"=")
        if key == b"LC_CTYPE":
            return setting.decode("utf-8", errors="replace")
    return None


# --- the pager ----------------------------------------------------------------

_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")  # colour codes take no room on the screen


def command() -> str | None:
    """The pager to run (a shell command), or None for none."""
    for name in ("SALESROLES_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            value = value.strip()
            return None if value in ("", "cat") else value
    return "less" if shutil.which("less") else None


def taller_than_screen(text: str) -> bool:
    columns, lines = shutil.get_terminal_size()
    rows = 0
    for line in text.splitlines():
        rows += max(1, -(-len(_ESCAPE.sub("", line)) // max(columns, 1)))
        if rows >= lines:  # the prompt takes the last line
            return True
    return False


def page(text: str) -> None:
    """Write ``text`` to stdout, through the pager when it does not fit the screen.

    A pager that cannot run is said so on stderr and the text printed unpaged, as git
    does: a lone command name is run directly (so a missing one is known at once), a
    command line through the shell (whose 126 or 127 means it found nothing to run).
    """
    pager = command()
    if pager is None or not taller_than_screen(text):
        sys.stdout.write(text)
        return
    import shlex
    import signal
    import subprocess

    sys.stdout.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the text shown
    direct = not _SHELL_SYNTAX.search(pager)
    try:
        process = subprocess.Popen(
            shlex.split(pager) if direct else pager,
            shell=not direct,
            stdin=subprocess.PIPE,
            env=env,
        )
    except OSError as exc:
        _unpaged(pager, exc.strerror or "it cannot be started", text)
        return
    assert process.stdin is not None
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the pager
    try:
        with suppress(BrokenPipeError):  # the reader quit early (q in less)
            process.stdin.write(text.encode(sys.stdout.encoding, sys.stdout.errors or "strict"))
        with suppress(BrokenPipeError):
            process.stdin.close()
        status = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if not direct and status in (126, 127):  # the shell found nothing it could run
        _unpaged(pager, "not found or not executable", text)


# What makes a pager setting a command line for the shell rather than one program's
# name (git's list, in run-command.c).
_SHELL_SYNTAX = re.compile(r"[|&;<>()$`\\\"' \t\n*?\[#~=%]")


def _unpaged(pager: str, reason: str, text: str) -> None:
    from salesroles.render.text import clean

    said = f"{reason[:1].lower()}{reason[1:]}"
    sys.stderr.write(f"Cannot run the pager '{clean(pager)}' ({said}); printing without it.\n")
    sys.stdout.write(text)
