"""Load a dataset, check it once, and look roles and career moves up in it."""

from __future__ import annotations

import json
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any, NamedTuple

from salesroles.errors import DataError, UsageError
from salesroles.models import SCHEMA_VERSION, Contrast, Dataset, Move, Role, Source

BUNDLED = "bundled dataset"
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # what a role id may look like


def normalize(name: str) -> str:
    """``"Head of Sales"``, ``head_of_sales`` and ``HEAD-OF-SALES`` all give ``head-of-sales``."""
    return "-".join(re.split(r"[\s_-]+", name.strip().lower())).strip("-")


class Edge(NamedTuple):
    """One career move between two roles: ``Catalog.move(edge)`` says what it takes."""

    source: str  # role id the move starts from
    target: str  # role id the move leads to
    position: int  # which of the source role's career moves


class Catalog:
    """A validated dataset with look-ups by name and the career graph.

    Roles are built when first asked for: a catalog from the cache rebuilds only the
    roles a command shows, however large the dataset.
    """

    def __init__(self, index: dict[str, Any], origin: str, dataset: Dataset | None = None) -> None:
        self.origin = origin
        self.index = index
        self._dataset = dataset
        self._built: dict[str, Role] = {r.id: r for r in dataset.roles} if dataset else {}
        self._contrasts: tuple[Contrast, ...] | None = dataset.contrasts if dataset else None
        self.executives: dict[str, str] = index["executives"]
        self._names: dict[str, str] = index["names"]
        self.roles: Mapping[str, Role] = _Roles(self, index["order"])
        self._out: dict[str, list[Edge]] = {}
        self._in: dict[str, list[Edge]] = {}
        for source, target, k in index["edges"]:
            edge = Edge(source, target, k)
            self._out.setdefault(source, []).append(edge)
            self._in.setdefault(target, []).append(edge)

    @classmethod
    def from_dataset(cls, dataset: Dataset, origin: str = BUNDLED) -> Catalog:
        return cls(compile_index(dataset), origin, dataset)

    # --- roles -----------------------------------------------------------------

    def role(self, role_id: str) -> Role:
        """The role with this id (KeyError if none), built on first use."""
        found = self._built.get(role_id)
        if found is None:
            from salesroles import cache

            text = self.index["roles"][role_id]
            try:
                found = self._built[role_id] = cache.build(Role, json.loads(text))
            except (TypeError, ValueError) as exc:
                raise DataError(
                    f"The cached copy of {self.origin!r} is damaged ({exc}); "
                    "delete the salesroles cache folder and run again."
                ) from None
        return found

    def __iter__(self) -> Iterator[Role]:
        return (self.role(i) for i in self.index["order"])

    @property
    def dataset(self) -> Dataset:
        """The whole dataset (builds every role)."""
        if self._dataset is None:
            from salesroles import cache

            self._dataset = Dataset(
                schema_version=SCHEMA_VERSION,
                roles=tuple(self),
                sources=cache.build(tuple[Source, ...], self.index["sources"]),
                executives=dict(self.executives),
                contrasts=self.all_contrasts(),
            )
        return self._dataset

    def resolve(self, name: str) -> Role:
        """The role a user means by ``name``: id, alias or title, any case, or a unique prefix."""
        key = normalize(name)
        if not key:
            raise UsageError("A role name cannot be empty. Run 'salesroles list' to see the roles.")
        if key in self._names:
            return self.role(self._names[key])
        shown = _shorten(name)
        candidates = sorted({rid for n, rid in self._names.items() if n.startswith(key)})
        if len(candidates) == 1:
            return self.role(candidates[0])
        if candidates:
            listed = ", ".join(f"{rid} ({self.title_of(rid)})" for rid in candidates[:8])
            more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
            raise UsageError(f"Role {shown!r} is ambiguous: it could be {listed}{more}.")
        import difflib  # only a miss pays for it

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
        return self.index["titles"].get(ref) or self.executives.get(ref, ref)

    # --- career graph and contrasts ----------------------------------------------

    def move(self, edge: Edge) -> Move:
        return self.role(edge.source).career[edge.position]

    def moves_from(self, role_id: str) -> list[Edge]:
        return self._out.get(role_id, [])

    def moves_into(self, role_id: str) -> list[Edge]:
        return self._in.get(role_id, [])

    def all_contrasts(self) -> tuple[Contrast, ...]:
        if self._contrasts is None:
            from salesroles import cache

            raw = json.loads(self.index["contrasts"])
            self._contrasts = cache.build(tuple[Contrast, ...], raw)
        return self._contrasts

    def contrasts(self, role_ids: Iterable[str]) -> list[Contrast]:
        """The contrasts a source draws between any two of ``role_ids``."""
        wanted = set(role_ids)
        return [c for c in self.all_contrasts() if set(c.roles) <= wanted]

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


class _Roles(Mapping[str, Role]):
    """``catalog.roles``: every role by id, each built on first use."""

    def __init__(self, catalog: Catalog, order: list[str]) -> None:
        self._catalog = catalog
        self._order = order
        self._ids = frozenset(order)

    def __getitem__(self, role_id: str) -> Role:
        if role_id not in self._ids:
            raise KeyError(role_id)
        return self._catalog.role(role_id)

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


def compile_index(dataset: Dataset) -> dict[str, Any]:
    """What a catalog needs to answer look-ups, as plain JSON: also the cache's payload."""
    names: dict[str, str] = {}
    for role in dataset.roles:
        for name in (role.id, role.title, *role.aliases):
            names.setdefault(normalize(name), role.id)
    return {
        "executives": dict(dataset.executives),
        "names": names,
        "order": [role.id for role in dataset.roles],
        "titles": {role.id: role.title for role in dataset.roles},
        "edges": [
            (role.id, target, k)
            for role in dataset.roles
            for k, move in enumerate(role.career)
            for target in move.to
        ],
        "roles": {role.id: json.dumps(asdict(role)) for role in dataset.roles},
        "sources": [asdict(s) for s in dataset.sources],
        "contrasts": json.dumps([asdict(c) for c in dataset.contrasts]),
    }


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- loading ---------------------------------------------------------------


def dataset_path(option: str | None) -> Path | None:
    """The dataset the user chose (``--data`` first, then ``SALESROLES_DATA``), or None."""
    chosen = option or os.environ.get("SALESROLES_DATA") or None
    return Path(chosen) if chosen else None


def bundled_path() -> Path | None:
    """The bundled data file when the package is a plain folder (it almost always is).

    Read straight from the package's own folder, this costs 0.05 ms where
    ``importlib.resources`` costs 6 ms of start-up; ``load`` falls back to
    ``importlib.resources`` for a package that is not a folder (a zip import).
    """
    import salesroles

    for folder in salesroles.__path__:
        candidate = Path(folder) / "data" / "roles.toml"
        if candidate.is_file():
            return candidate
    return None


def load(path: Path | None = None) -> Catalog:
    """Read and validate a dataset (the bundled one when ``path`` is None), once.

    A dataset validated before comes from ``salesroles.cache`` without parsing TOML,
    importing pydantic or even reading the file.
    """
    from salesroles import cache

    origin = BUNDLED if path is None else str(path)
    source = bundled_path() if path is None else path
    key = cache.key_for_file(source) if source is not None else None
    if key is not None and (hit := _from_cache(key, origin)):
        return hit
    if source is None:
        from importlib.resources import files

        data = (files("salesroles") / "data" / "roles.toml").read_bytes()
        key = cache.key_for_bytes(data)
        if hit := _from_cache(key, origin):
            return hit
    else:
        data = read_bytes(source)
    catalog = Catalog.from_dataset(validate(parse(decode(data, origin), origin), origin), origin)
    if key is not None:
        cache.write(key, catalog.index)
    return catalog


def _from_cache(key: str, origin: str) -> Catalog | None:
    from salesroles import cache

    index = cache.read(key)
    if index is None:
        return None
    try:
        return Catalog(index, origin)
    except (KeyError, TypeError, ValueError):  # not the shape this version writes
        return None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"Cannot read dataset {str(path)!r}: no such file.") from None
    except IsADirectoryError:
        raise DataError(f"Cannot read dataset {str(path)!r}: it is a folder, not a file.") from None
    except PermissionError:
        raise DataError(f"Cannot read dataset {str(path)!r}: permission denied.") from None
    except OSError as exc:
        raise DataError(f"Cannot read dataset {str(path)!r}: {exc.strerror}.") from None


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{origin}: not a UTF-8 text file (byte {exc.start} cannot be decoded)."
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
    known = set(ids)
    executives = set(dataset.executives)
    titles = {source.title for source in dataset.sources}
    names: dict[str, str] = {}
    for i, role in enumerate(dataset.roles):
        at = f"roles[{i}]"
        if not re.fullmatch(_ID, role.id):
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
                if ref not in known and ref not in executives:
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
                if target not in known:
                    problems.append(f"{at}.career[{k}].to[{m}]: no role has the id {target!r}")
                elif target == role.id:
                    problems.append(f"{at}.career[{k}].to[{m}]: a role cannot move to itself")
        if titles:
            problems.extend(
                f"{where}: {title!r} is not listed under [[sources]]"
                for where, title in cited
                if title not in titles
            )
    seen: set[str] = set()
    for i, role_id in enumerate(ids):
        if role_id in seen:
            problems.append(f"roles[{i}].id: duplicate id {role_id!r}")
        seen.add(role_id)
    for i, contrast in enumerate(dataset.contrasts):
        for k, ref in enumerate(contrast.roles):
            if ref not in known:
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
        import difflib

        close = difflib.get_close_matches(key, siblings, n=1)
        return f"unknown key (did you mean {close[0]!r}?)" if close else "unknown key"
    if kind == "missing":
        return "required key is missing"
    if kind == "literal_error":
        return f"{err['msg'][0].lower()}{err['msg'][1:]}, not {_shorten(repr(err['input']), 40)}"
    return f"{err['msg'][0].lower()}{err['msg'][1:]}"
