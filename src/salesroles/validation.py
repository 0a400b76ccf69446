"""Turn a dataset file's text into a checked Dataset, or report every problem in it.

Problems come out one a line, as ``file:line: roles[3].career[0].to: message``: the
path to the field always, the line wherever it can be found in the TOML text. The
same checks run for ``salesroles data validate`` and whenever a dataset is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from salesroles.errors import DataError
from salesroles.models import SCHEMA_VERSION, Dataset, Role

Loc = tuple[str | int, ...]
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # what a role id may look like


class Problem(NamedTuple):
    loc: Loc  # where in the data: ("roles", 3, "career", 0, "to")
    message: str
    origin: str | None = None  # the file, when it is not the one being checked


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"Invalid dataset {origin!r}: not UTF-8 text (byte {exc.start} cannot be decoded)."
        ) from None


def parse(text: str, origin: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r" \(at line (\d+), column (\d+)\)$", message)
        if where:
            message = message[: where.start()]
            place = f"{origin}:{where.group(1)}:{where.group(2)}"
        else:
            place = origin
        raise DataError(
            f"Invalid dataset {origin!r}: not valid TOML.\n  {place}: {message}"
        ) from None
    except RecursionError:
        raise DataError(
            f"Invalid dataset {origin!r}: not valid TOML.\n  {origin}: values are nested too deeply"
        ) from None


def check_schema(raw: dict[str, Any], text: str, origin: str) -> Dataset:
    """The parsed TOML as a Dataset, or DataError listing every schema problem."""
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(Dataset).validate_python(raw)
    except ValidationError as exc:
        errors = exc.errors()
        missing = {err["loc"] for err in errors if err["type"] == "missing"}
        problems = [Problem(err["loc"], _message(err, missing)) for err in errors]
        raise DataError(report(origin, text, problems)) from None


def validate(text: str, origin: str, base: Callable[[], Dataset] | None = None) -> Dataset:
    """Check a dataset file's text completely: syntax, schema, then references.

    ``base`` gives the bundled dataset, merged in when the file says it extends it.
    """
    dataset = check_schema(parse(text, origin), text, origin)
    if dataset.extends is not None:
        if base is None:
            raise DataError(f"Invalid dataset {origin!r}: the bundled dataset extends nothing.")
        merged, came_from = merge(base(), dataset)
    else:
        merged, came_from = dataset, list(range(len(dataset.roles)))
    problems = check_references(merged)
    if problems:
        raise DataError(report(origin, text, [_to_file(p, came_from) for p in problems]))
    return merged


def merge(base: Dataset, own: Dataset) -> tuple[Dataset, list[int | None]]:
    """``own`` laid over ``base``: its roles replace those with the same id, the rest are added.

    Also returns, for each role of the result, its index in ``own`` (None: from ``base``).
    """
    replacing = {role.id: i for i, role in enumerate(own.roles)}
    roles: list[Role] = []
    came_from: list[int | None] = []
    for role in base.roles:
        index = replacing.pop(role.id, None)
        roles.append(role if index is None else own.roles[index])
        came_from.append(index)
    for index in replacing.values():
        roles.append(own.roles[index])
        came_from.append(index)
    titles = {s.title for s in base.sources}
    merged = Dataset(
        schema_version=own.schema_version,
        extends=own.extends,
        roles=tuple(roles),
        sources=base.sources + tuple(s for s in own.sources if s.title not in titles),
        executives={**base.executives, **own.executives},
        contrasts=base.contrasts + own.contrasts,
    )
    return merged, came_from


def _to_file(problem: Problem, came_from: list[int | None]) -> Problem:
    """A problem found in a merged dataset, pointed at the file it belongs to."""
    loc = problem.loc
    if len(loc) >= 2 and loc[0] == "roles" and isinstance(loc[1], int):
        own_index = came_from[loc[1]]
        if own_index is None:
            return problem._replace(origin="bundled dataset")
        return problem._replace(loc=("roles", own_index, *loc[2:]))
    return problem


def check_references(dataset: Dataset) -> list[Problem]:
    """What pydantic cannot see: ids, duplicates, and links to things that do not exist."""
    problems: list[Problem] = []
    if dataset.schema_version != SCHEMA_VERSION:
        problems.append(
            Problem(
                ("schema_version",),
                f"this salesroles reads version {SCHEMA_VERSION}, the file says "
                f"{dataset.schema_version}",
            )
        )
    ids = [role.id for role in dataset.roles]
    known = set(ids)
    executives = set(dataset.executives)
    titles = {source.title for source in dataset.sources}
    names: dict[str, str] = {}
    seen: set[str] = set()
    from salesroles.catalog import normalize

    for i, role in enumerate(dataset.roles):
        at: Loc = ("roles", i)
        if role.id in seen:
            problems.append(Problem((*at, "id"), f"duplicate id {role.id!r}"))
        seen.add(role.id)
        if not re.fullmatch(_ID, role.id):
            problems.append(
                Problem((*at, "id"), f"{role.id!r} must be lower-case letters, digits and dashes")
            )
        if role.id in executives:
            problems.append(Problem((*at, "id"), f"{role.id!r} is also the id of an executive"))
        named: list[tuple[Loc, str]] = [((*at, "id"), role.id), ((*at, "title"), role.title)]
        named += [((*at, "aliases", k), alias) for k, alias in enumerate(role.aliases)]
        for where, name in named:
            owner = names.setdefault(normalize(name), role.id)
            if owner != role.id:
                problems.append(
                    Problem(where, f"the name {name!r} is already used by role {owner!r}")
                )
        if not role.sources:
            problems.append(Problem((*at, "sources"), "every role needs at least one source"))
        cited: list[tuple[Loc, str]] = [
            ((*at, "sources", k), s) for k, s in enumerate(role.sources)
        ]
        if role.reporting:
            for k, ref in enumerate(role.reporting.reports_to):
                if ref not in known and ref not in executives:
                    problems.append(
                        Problem(
                            (*at, "reporting", "reports_to", k),
                            f"{ref!r} is neither a role nor an executive",
                        )
                    )
        if role.compensation:
            for k, figure in enumerate(role.compensation.figures):
                cited.append(((*at, "compensation", "figures", k, "source"), figure.source))
        for k, move in enumerate(role.career):
            cited.append(((*at, "career", k, "source"), move.source))
            for m, target in enumerate(move.to):
                if target not in known:
                    problems.append(
                        Problem((*at, "career", k, "to", m), f"no role has the id {target!r}")
                    )
                elif target == role.id:
                    problems.append(
                        Problem((*at, "career", k, "to", m), "a role cannot move to itself")
                    )
        if titles:
            problems.extend(
                Problem(where, f"{title!r} is not listed under [[sources]]")
                for where, title in cited
                if title not in titles
            )
    for i, contrast in enumerate(dataset.contrasts):
        for k, ref in enumerate(contrast.roles):
            if ref not in known:
                problems.append(
                    Problem(("contrasts", i, "roles", k), f"no role has the id {ref!r}")
                )
        if titles and contrast.source not in titles:
            problems.append(
                Problem(
                    ("contrasts", i, "source"),
                    f"{contrast.source!r} is not listed under [[sources]]",
                )
            )
    problems.extend(_promotion_cycles(dataset))
    return problems


def _promotion_cycles(dataset: Dataset) -> list[Problem]:
    """Promotions that lead back to where they started (a → b → a) make no ladder."""
    ups = {
        role.id: [(k, t) for k, m in enumerate(role.career) if m.kind == "promotion" for t in m.to]
        for role in dataset.roles
    }
    position = {role.id: i for i, role in enumerate(dataset.roles)}
    problems = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(role_id: str) -> None:
        state[role_id] = 1
        for k, target in ups.get(role_id, []):
            if state.get(target) == 1:
                problems.append(
                    Problem(
                        ("roles", position[role_id], "career", k, "to"),
                        f"promotion to {target!r} closes a loop back to a role it came from",
                    )
                )
            elif target in ups and target not in state:
                visit(target)
        state[role_id] = 2

    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 3 * len(ups) + 100))
    try:
        for role_id in ups:
            if role_id not in state:
                visit(role_id)
    finally:
        sys.setrecursionlimit(limit)
    return problems


# --- reporting ---------------------------------------------------------------


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


def _message(err: Any, missing: set[Loc]) -> str:
    kind = err["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        parent, key = err["loc"][:-1], str(err["loc"][-1])
        siblings = [str(loc[-1]) for loc in missing if loc[:-1] == parent]
        import difflib

        close = difflib.get_close_matches(key, siblings, n=1)
        return f"unknown key (did you mean {close[0]!r}?)" if close else "unknown key"
    if kind == "missing":
        return "required key is missing"
    text = f"{err['msg'][0].lower()}{err['msg'][1:]}"
    if kind == "literal_error":
        shown = repr(err["input"])
        return f"{text}, not {shown if len(shown) <= 40 else shown[:39] + '…'}"
    return text


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
