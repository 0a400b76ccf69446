"""Problems in a dataset file, worded one a line with the file and line where they are.

``file:line: roles[3].career[0].to: message``: the path to the field always, the
line wherever it can be found in the TOML text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

Loc = tuple[str | int, ...]


class Problem(NamedTuple):
    loc: Loc  # where in the data: ("roles", 3, "career", 0, "to")
    message: str
    origin: str | None = None  # the file, when it is not the one being checked


def report(origin: str, text: str, problems: list[Problem]) -> str:
    noun = "problem" if len(problems) == 1 else "problems"
    located = [(None if p.origin else locate(text, p.loc), p) for p in problems]
    lines = []
    for line, problem in sorted(located, key=lambda item: item[0] or 0):
        where = problem.origin or origin
        place = f"{where}:{line}" if line else where
        lines.append(f"  {place}: {path_text(problem.loc)}: {problem.message}")
    return f"Invalid dataset {origin!r}: {len(problems)} {noun}.\n" + "\n".join(lines)


def path_text(loc: Loc) -> str:
    """pydantic's ``('roles', 3, 'career', 0, 'to')`` as ``roles[3].career[0].to``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


_HEADER = re.compile(r"^\s*\[(\[)?\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(?:#.*)?$")


def locate(text: str, loc: Loc) -> int | None:
    """The line (from 1) of the TOML text where the field at ``loc`` is, or its table's."""
    lines = text.splitlines()
    headers = []
    for number, line in enumerate(lines):
        if match := _HEADER.match(line):
            headers.append(
                (number, match.group(2).replace('"', "").replace(" ", ""), bool(match.group(1)))
            )
    start, end, table, best = 0, len(lines), "", None
    parts = list(loc)
    i = 0
    while i < len(parts):
        name = parts[i]
        if not isinstance(name, str):
            break
        full = f"{table}.{name}" if table else name
        following = parts[i + 1] if i + 1 < len(parts) else None
        wanted_array = isinstance(following, int)
        matches = [
            h for h in headers if start <= h[0] < end and h[1] == full and h[2] == wanted_array
        ]
        if wanted_array and isinstance(following, int) and len(matches) > following:
            number = matches[following][0]
            i += 2
        elif not wanted_array and matches:
            number = matches[0][0]
            i += 1
        else:  # a key (or an inline value) inside the current table
            key = re.compile(rf"^\s*\"?{re.escape(name)}\"?\s*=")
            first = start + 1 if table else start
            stop = next((h[0] for h in headers if first <= h[0] < end), end)
            found = next((n for n in range(first, stop) if key.match(lines[n])), None)
            return found + 1 if found is not None else best
        start, table, best = number, full, number + 1
        end = next(
            (h[0] for h in headers if h[0] > number and not h[1].startswith(full + ".")), end
        )
    return best
