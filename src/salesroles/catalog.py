"""Load a dataset, check it once, and look roles and career moves up in it."""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from salesroles.errors import DataError, UsageError
from salesroles.models import SCHEMA_VERSION, Contrast, Dataset, Frozen, Move, Role, Source

BUNDLED = "bundled dataset"


def normalize(name: str) -> str:
    """``"Head of Sales"``, ``head_of_sales`` and ``HEAD-OF-SALES`` all give ``head-of-sales``."""
    return "-".join(re.split(r"[\s_-]+", name.strip().lower())).strip("-")


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Edge(Frozen):
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
        self.extends: str | None = index["extends"]  # "bundled": merged with the bundled roles
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
        "extends": dataset.extends,
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


def load(path: Path | None = None, *, use_cache: bool = True) -> Catalog:
    """Read and validate a dataset (the bundled one when ``path`` is None), once.

    A dataset validated before comes from ``salesroles.cache`` without parsing TOML,
    importing pydantic or even reading the file.
    """
    from salesroles import cache

    origin = BUNDLED if path is None else str(path)
    source = bundled_path() if path is None else path
    key = None
    if use_cache and source is not None and (key := cache.key_for_file(source)):
        if path is not None and (bundled := bundled_path()):
            key += "|" + (cache.key_for_file(bundled) or "")  # the file may extend it
        if hit := _from_cache(key, origin):
            return hit
    if source is None:
        from importlib.resources import files

        data = (files("salesroles") / "data" / "roles.toml").read_bytes()
        key = cache.key_for_bytes(data) if use_cache else None
        if key and (hit := _from_cache(key, origin)):
            return hit
    else:
        data = read_bytes(source)
    from salesroles import validation  # a cache miss: check the file

    text = validation.decode(data, origin)
    base = None if path is None else (lambda: load(None, use_cache=use_cache).dataset)
    catalog = Catalog.from_dataset(validation.validate(text, origin, base), origin)
    if key:
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


MAX_BYTES = 20 * 1024 * 1024  # about 60,000 roles: far past any real ladder


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES and path.is_file():
            raise DataError(
                f"Cannot read dataset {str(path)!r}: it is {size / 2**20:.0f} MiB, "
                f"more than the {MAX_BYTES // 2**20} MiB a dataset may be."
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"Cannot read dataset {str(path)!r}: no such file.") from None
    except IsADirectoryError:
        raise DataError(f"Cannot read dataset {str(path)!r}: it is a folder, not a file.") from None
    except PermissionError:
        raise DataError(f"Cannot read dataset {str(path)!r}: permission denied.") from None
    except OSError as exc:
        raise DataError(f"Cannot read dataset {str(path)!r}: {exc.strerror}.") from None
