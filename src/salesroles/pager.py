"""Long output at a terminal goes through a pager, the way git does it.

Only when stdout is a terminal and the text is taller than the screen (the caller
checks the terminal and ``--no-pager``). The pager is ``SALESROLES_PAGER``, else
``PAGER``, else ``less`` with ``LESS=FRX`` unless LESS is set; an empty value or
``cat`` means no pager.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from contextlib import suppress

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


def show(text: str) -> None:
    """Write ``text`` to stdout, through the pager when it does not fit the screen."""
    pager = command()
    if pager is None or not taller_than_screen(text):
        sys.stdout.write(text)
        return
    import signal
    import subprocess

    sys.stdout.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the text shown
    try:
        process = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    assert process.stdin is not None
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the pager
    try:
        with suppress(BrokenPipeError):  # the reader quit early (q in less)
            process.stdin.write(text.encode(sys.stdout.encoding, sys.stdout.errors or "strict"))
        with suppress(BrokenPipeError):
            process.stdin.close()
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
