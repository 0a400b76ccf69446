"""Load a dataset, check it once, and look roles and career moves up in it."""

from __future__ import annotations

import difflib
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from salesroles.errors import DataError, UsageError
from salesroles.models import SCHEMA_VERSION, Contrast, Dataset, Move, Role

BUNDLED = "bundled dataset"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def normalize(name: str) -> str:
    """``"Head of Sales"``, ``head_of_sales`` and ``HEAD-OF-SALES`` all give ``head-of-sales``."""
    return "-".join(re.split(r"[\s_-]+", name.strip().lower())).strip("-")


@dataclass(frozen=True)
class Edge:
    """One career move between two roles, with what the source says it takes."""

    source: str  # role id the move starts from
    target: str  # role id the move leads to
    move: Move


class Catalog:
    """A validated dataset with look-ups by name and the career graph."""

    def __init__(self, dataset: Dataset, origin: str = BUNDLED) -> None:
        self.dataset = dataset
        self.origin = origin
        self.roles: dict[str, Role] = {role.id: role for role in dataset.roles}
        self.executives = dict(dataset.executives)
        self._names: dict[str, str] = {}
        for role in dataset.roles:
            for name in (role.id, role.title, *role.aliases):
                self._names.setdefault(normalize(name), role.id)
        self.edges = tuple(
            Edge(role.id, target, move)
            for role in dataset.roles
            for move in role.career
            for target in move.to
        )

    def __iter__(self) -> Iterator[Role]:
        return iter(self.roles.values())

    def resolve(self, name: str) -> Role:
        """The role a user means by ``name``: id, alias or title, any case, or a unique prefix."""
        key = normalize(name)
        if not key:
            raise UsageError("A role name cannot be empty. Run 'salesroles list' to see the roles.")
        if key in self._names:
            return self.roles[self._names[key]]
        shown = _shorten(name)
        candidates = sorted({rid for n, rid in self._names.items() if n.startswith(key)})
        if len(candidates) == 1:
            return self.roles[candidates[0]]
        if candidates:
            listed = ", ".join(f"{rid} ({self.roles[rid].title})" for rid in candidates)
            raise UsageError(f"Role {shown!r} is ambiguous: it could be {listed}.")
        close = difflib.get_close_matches(key, self._names, n=6, cutoff=0.6)
        suggestions = list(dict.fromkeys(self._names[n] for n in close))[:3]
        hint = (
            "Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
            if suggestions
            else "Run 'salesroles list' to see the roles."
        )
        raise UsageError(f"No role called {shown!r}. {hint}")

    def title_of(self, ref: str) -> str:
        """The display name of a role id or a named executive such as ``ceo``."""
        if ref in self.roles:
            return self.roles[ref].title
        return self.executives.get(ref, ref)

    def moves_from(self, role_id: str) -> list[Edge]:
        return [e for e in self.edges if e.source == role_id]

    def moves_into(self, role_id: str) -> list[Edge]:
        return [e for e in self.edges if e.target == role_id]

    def contrasts(self, role_ids: Iterable[str]) -> list[Contrast]:
        """The contrasts a source draws between any two of ``role_ids``."""
        wanted = set(role_ids)
        return [c for c in self.dataset.contrasts if set(c.roles) <= wanted]

    def shortest_path(self, start: str, goal: str) -> list[Edge] | None:
        """The fewest moves from ``start`` to ``goal`` (breadth-first), or None."""
        previous: dict[str, Edge | None] = {start: None}
        queue = deque([start])
        while queue:
            here = queue.popleft()
            if here == goal:
                path: list[Edge] = []
                while (edge := previous[here]) is not None:
                    path.append(edge)
                    here = edge.source
                return path[::-1]
            for edge in self.moves_from(here):
                if edge.target not in previous:
                    previous[edge.target] = edge
                    queue.append(edge.target)
        return None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- loading ---------------------------------------------------------------


def dataset_path(option: str | None) -> Path | None:
    """The dataset the user chose (``--data`` first, then ``SALESROLES_DATA``), or None."""
    chosen = option or os.environ.get("SALESROLES_DATA") or None
    return Path(chosen) if chosen else None


def load(path: Path | None = None) -> Catalog:
    """Read, parse and validate a dataset: the bundled one when ``path`` is None."""
    if path is None:
        text = (files("salesroles") / "data" / "roles.toml").read_text(encoding="utf-8")
        return Catalog(validate(parse(text, BUNDLED), BUNDLED), BUNDLED)
    origin = str(path)
    return Catalog(validate(parse(read_text(path), origin), origin), origin)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"Cannot read dataset {str(path)!r}: no such file.") from None
    except IsADirectoryError:
        raise DataError(f"Cannot read dataset {str(path)!r}: it is a folder, not a file.") from None
    except PermissionError:
        raise DataError(f"Cannot read dataset {str(path)!r}: permission denied.") from None
    except OSError as exc:
        raise DataError(f"Cannot read dataset {str(path)!r}: {exc.strerror}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path}: not a UTF-8 text file (byte {exc.start} cannot be decoded)."
        ) from None


def parse(text: str, origin: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{origin}: not valid TOML: {exc}.") from None
    except RecursionError:
        raise DataError(f"{origin}: not valid TOML: values are nested too deeply.") from None


def validate(raw: dict[str, Any], origin: str) -> Dataset:
    """Turn parsed TOML into a Dataset, or raise DataError listing every problem."""
    from pydantic import TypeAdapter, ValidationError

    try:
        dataset = TypeAdapter(Dataset).validate_python(raw)
    except ValidationError as exc:
        errors = exc.errors()
        missing = {err["loc"] for err in errors if err["type"] == "missing"}
        problems = [f"{_path(err['loc'])}: {_message(err, missing)}" for err in errors]
        raise DataError(_problem_report(origin, problems)) from None
    problems = check_references(dataset)
    if problems:
        raise DataError(_problem_report(origin, problems))
    return dataset


def check_references(dataset: Dataset) -> list[str]:
    """What pydantic cannot see: ids, duplicates, and links to things that do not exist."""
    problems: list[str] = []
    if dataset.schema_version != SCHEMA_VERSION:
        problems.append(
            f"schema_version: this salesroles reads version {SCHEMA_VERSION}, "
            f"the file says {dataset.schema_version}"
        )
    ids = [role.id for role in dataset.roles]
    executives = set(dataset.executives)
    titles = {source.title for source in dataset.sources}
    names: dict[str, str] = {}
    for i, role in enumerate(dataset.roles):
        at = f"roles[{i}]"
        if not _ID.fullmatch(role.id):
            problems.append(f"{at}.id: {role.id!r} must be lower-case letters, digits and dashes")
        if role.id in executives:
            problems.append(f"{at}.id: {role.id!r} is also the id of an executive")
        for j, name in enumerate((role.id, role.title, *role.aliases)):
            key = normalize(name)
            where = (
                f"{at}.id" if j == 0 else (f"{at}.title" if j == 1 else f"{at}.aliases[{j - 2}]")
            )
            owner = names.setdefault(key, role.id)
            if owner != role.id:
                problems.append(f"{where}: the name {name!r} is already used by role {owner!r}")
        if not role.sources:
            problems.append(f"{at}.sources: every role needs at least one source")
        cited: list[tuple[str, str]] = [
            (f"{at}.sources[{k}]", s) for k, s in enumerate(role.sources)
        ]
        if role.reporting:
            for k, ref in enumerate(role.reporting.reports_to):
                if ref not in ids and ref not in executives:
                    problems.append(
                        f"{at}.reporting.reports_to[{k}]: {ref!r} is neither a role "
                        "nor an executive"
                    )
        if role.compensation:
            for k, figure in enumerate(role.compensation.figures):
                cited.append((f"{at}.compensation.figures[{k}].source", figure.source))
        for k, move in enumerate(role.career):
            cited.append((f"{at}.career[{k}].source", move.source))
            for m, target in enumerate(move.to):
                if target not in ids:
                    problems.append(f"{at}.career[{k}].to[{m}]: no role has the id {target!r}")
                elif target == role.id:
                    problems.append(f"{at}.career[{k}].to[{m}]: a role cannot move to itself")
        if titles:
            problems.extend(
                f"{where}: {title!r} is not listed under [[sources]]"
                for where, title in cited
                if title not in titles
            )
    for i, role_id in enumerate(ids):
        if role_id in ids[:i]:
            problems.append(f"roles[{i}].id: duplicate id {role_id!r}")
    for i, contrast in enumerate(dataset.contrasts):
        for k, ref in enumerate(contrast.roles):
            if ref not in ids:
                problems.append(f"contrasts[{i}].roles[{k}]: no role has the id {ref!r}")
        if titles and contrast.source not in titles:
            problems.append(
                f"contrasts[{i}].source: {contrast.source!r} is not listed under [[sources]]"
            )
    return problems


def _problem_report(origin: str, problems: list[str]) -> str:
    noun = "problem" if len(problems) == 1 else "problems"
    lines = "\n".join(f"  {p}" for p in problems)
    return f"Invalid dataset {origin!r}: {len(problems)} {noun}.\n{lines}"


def _path(loc: tuple[int | str, ...]) -> str:
    """pydantic's ``('roles', 3, 'career', 0, 'to')`` as ``roles[3].career[0].to``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _message(err: Any, missing: set[tuple[int | str, ...]]) -> str:
    kind = err["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        parent, key = err["loc"][:-1], str(err["loc"][-1])
        siblings = [str(loc[-1]) for loc in missing if loc[:-1] == parent]
        close = difflib.get_close_matches(key, siblings, n=1)
        return f"unknown key (did you mean {close[0]!r}?)" if close else "unknown key"
    if kind == "missing":
        return "required key is missing"
    if kind == "literal_error":
        return f"{err['msg'][0].lower()}{err['msg'][1:]}, not {_shorten(repr(err['input']), 40)}"
    return f"{err['msg'][0].lower()}{err['msg'][1:]}"
