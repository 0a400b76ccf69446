"""A checked dataset's look-ups: roles by name or real-world title, and the career graph.

A catalog is made from its index (plain JSON, also the cache's payload) and its
values: roles are built when first asked for, so a start from the cache rebuilds
only the roles a command shows, however large the dataset. Loading lives in
``salesroles.dataset.load``.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, Protocol

from salesroles import names
from salesroles.errors import UsageError
from salesroles.models import (
    DATASET_VERSION,
    Contrast,
    Dataset,
    Disagreement,
    Frozen,
    Hiring,
    Move,
    Outside,
    Role,
    Size,
    Source,
    as_data,
    record,
)


@record
class Edge(Frozen):
    """One career move between two roles: ``Catalog.move(edge)`` says what it takes."""

    source: str  # role id the move starts from
    target: str  # role id the move leads to
    position: int  # which of the source role's career moves


@record
class Match(Frozen):
    """Which role a name or title means, and how it was read (``names.Reading``'s fields)."""

    role: Role
    typed: str
    read_as: str  # the role's name or the real-world title it matched
    set_aside: tuple[str, ...] = ()  # qualifiers and posting noise set aside to match
    acronym: str | None = None  # what else the acronym means, when it was one
    how: names.How = "exact"
    level: tuple[str, ...] = ()  # level words kept apart: "SVP", "Area"
    corrected: tuple[tuple[str, str], ...] = ()  # (typed, corrected) for each typo
    lang: str = "en"  # of the dataset title it matched
    note: str | None = None  # a title beside the role: how it differs
    alternatives: tuple[names.Alternative, ...] = ()  # other roles it could mean, with why


class Unmatched(UsageError):
    """A name that means no role (or several): the message says which, and what is close."""

    def __init__(self, message: str, typed: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(message)
        self.typed = typed
        self.suggestions = suggestions


class Values(Protocol):
    """Where a catalog gets its roles and other parts: a checked dataset, or the cache."""

    def role(self, role_id: str) -> Role: ...

    def part(self, name: str) -> tuple[Any, ...]: ...  # "sources", "contrasts", ...

    def sources(self, wanted: Iterable[str]) -> list[Source]: ...  # only these ids


class Checked:
    """The values of a dataset checked in this run."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.roles = {role.id: role for role in dataset.roles}

    def role(self, role_id: str) -> Role:
        return self.roles[role_id]

    def part(self, name: str) -> tuple[Any, ...]:
        found: tuple[Any, ...] = getattr(self.dataset, name)
        return found

    def sources(self, wanted: Iterable[str]) -> list[Source]:
        ids = set(wanted)
        return [s for s in self.dataset.sources if s.id in ids]


class Catalog:
    """A checked dataset with look-ups by name and the career graph.

    ``index`` (plain JSON: see ``compile_index``) answers the look-ups; ``values``
    gives the roles and the other parts, each built when first asked for.
    """

    def __init__(self, index: dict[str, Any], origin: str, values: Values) -> None:
        self.origin = origin
        self.index = index
        self.values = values
        self._lookup: names.Lookup | None = None  # the index's names, made on the first read
        self.extends: str | None = index["extends"]
        self.executives: dict[str, str] = index["executives"]
        self.order: list[str] = index["order"]
        self.roles: Mapping[str, Role] = _Roles(values, self.order)
        self._out: dict[str, list[Edge]] = {}
        self._in: dict[str, list[Edge]] = {}
        for source, target, k in index["edges"]:
            edge = Edge(source, target, k)
            self._out.setdefault(source, []).append(edge)
            self._in.setdefault(target, []).append(edge)

    @classmethod
    def of(cls, dataset: Dataset, origin: str, own: Iterable[str] = ()) -> Catalog:
        """The catalog of a dataset checked in this run; ``own``: the roles its file
        defines itself (all but the bundled ones), whose names are read first."""
        return cls(compile_index(dataset, own), origin, Checked(dataset))

    def __iter__(self) -> Iterator[Role]:
        return (self.roles[i] for i in self.order)

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.values.part("sources")

    def source_map(self, ids: Iterable[str]) -> dict[str, Source]:
        """The sources with these ids, by id: what a result cites, without the rest."""
        return {s.id: s for s in self.values.sources(ids)}

    @property
    def contrast_list(self) -> tuple[Contrast, ...]:
        return self.values.part("contrasts")

    @property
    def disagreement_list(self) -> tuple[Disagreement, ...]:
        return self.values.part("disagreements")

    @property
    def outside(self) -> tuple[Outside, ...]:
        return self.values.part("outside")

    @property
    def sizes(self) -> tuple[Size, ...]:
        return self.values.part("sizes")

    @property
    def hiring(self) -> tuple[Hiring, ...]:
        return self.values.part("hiring")

    @property
    def dataset(self) -> Dataset:
        """The whole dataset (builds every role)."""
        return Dataset(
            dataset_version=DATASET_VERSION,
            roles=tuple(self),
            sources=self.sources,
            executives=dict(self.executives),
            contrasts=self.contrast_list,
            disagreements=self.disagreement_list,
            outside=self.outside,
            sizes=self.sizes,
            hiring=self.hiring,
        )

    def title_of(self, ref: str) -> str:
        """The display name of a role id or a named executive such as ``ceo``."""
        return self.index["titles"].get(ref) or self.executives.get(ref, ref)

    # --- names -------------------------------------------------------------------

    def resolve(self, name: str) -> Role:
        """The role a user means by ``name``; UsageError (exit 2) for none or several."""
        return self.match(name).role

    def match(self, name: str) -> Match:
        """The role ``name`` means: id, alias, title or a real-world title, read as a person would.

        Raises ``Unmatched`` when nothing matches, or when several roles could be meant.
        """
        if not name.strip():
            raise Unmatched(
                "A role name cannot be empty. Run 'salesroles list' to see the roles.", name, ()
            )
        if name in self.roles:  # an id as written: nothing to read
            role = self.roles[name]
            return Match(role, name, role.title, acronym=names.ACRONYMS.get(name))
        found = self.read(name)
        if found.role is not None:
            return Match(
                self.roles[found.role],
                name,
                found.read_as or self.title_of(found.role),
                found.set_aside,
                found.acronym,
                found.how,
                found.level,
                found.corrected,
                found.lang,
                found.note,
                found.alternatives,
            )
        if found.how == "ambiguous":
            raise self._ambiguous(name, list(found.candidates))
        if found.reason:
            raise Unmatched(f"No role called {_shorten(name)!r}: {found.reason}", name, ())
        raise self._unknown(name, found.suggestions)

    def read(self, title: str) -> names.Reading:
        """How a real-world title reads: a role, several, or none and why. Never raises.

        ``which`` reads each title this way; ``match`` raises where this says none.
        """
        if self._lookup is None:
            self._lookup = names.Lookup(
                self.index["names"],
                self.index["real_titles"],
                self.index["slugs"],
                self.index["outside_phrases"],
                self.index["titles"],
                self.index["own"],
            )
        return names.read(title, self._lookup)

    def _ambiguous(self, name: str, candidates: list[str]) -> Unmatched:
        listed = ", ".join(f"{rid} ({self.title_of(rid)})" for rid in candidates[:8])
        more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
        return Unmatched(
            f"Role {_shorten(name)!r} is ambiguous: it could be {listed}{more}.",
            name,
            tuple(candidates),
        )

    def _unknown(self, name: str, suggestions: tuple[str, ...]) -> Unmatched:
        hint = (
            "Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
            if suggestions
            else "Run 'salesroles list' to see the roles, or 'salesroles which' for job titles."
        )
        return Unmatched(f"No role called {_shorten(name)!r}. {hint}", name, suggestions)

    # --- career graph, contrasts, disagreements --------------------------------

    def move(self, edge: Edge) -> Move:
        return self.roles[edge.source].career[edge.position]

    def moves_from(self, role_id: str) -> list[Edge]:
        return self._out.get(role_id, [])

    def moves_into(self, role_id: str) -> list[Edge]:
        return self._in.get(role_id, [])

    def contrasts(self, role_ids: Iterable[str]) -> list[Contrast]:
        """The contrasts a source draws between any two of ``role_ids``."""
        wanted = set(role_ids)
        return [c for c in self.contrast_list if set(c.roles) <= wanted]

    def disagreements(self, role_ids: Iterable[str]) -> list[Disagreement]:
        """The disagreements about any of ``role_ids``."""
        wanted = set(role_ids)
        return [d for d in self.disagreement_list if wanted & set(d.roles)]

    def reports_to(self, role_id: str) -> list[str]:
        return list(self.index["reports"].get(role_id, []))

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

    def __init__(self, values: Values, order: list[str]) -> None:
        self._values = values
        self._order = order
        self._ids = frozenset(order)

    def __getitem__(self, role_id: str) -> Role:
        if role_id not in self._ids:
            raise KeyError(role_id)
        return self._values.role(role_id)

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


# What an index holds, each value type-checked when it comes from the cache.
INDEX: dict[str, Any] = {
    "extends": str | None,
    "executives": dict[str, str],
    "order": list[str],
    "titles": dict[str, str],
    "rules": Literal[names.RULES],  # an index read by other rules is rebuilt
    "names": dict[str, tuple[str, Literal["exact", "alias"], str]],  # key -> (role, how, name)
    "real_titles": dict[str, list[tuple[str, str, str | None, str]]],  # (role, lang, note, text)
    "slugs": dict[str, str],
    # first word -> (the phrase's words in order, name, reason)
    "outside_phrases": dict[str, list[tuple[str, str, str]]],
    "own": list[str],  # the roles the file defines itself: their names are read first
    "reports": dict[str, list[str]],
    "edges": list[tuple[str, str, int]],
    "roles": dict[str, str],
    "sources": str,
    "contrasts": str,
    "disagreements": str,
    "outside": str,
    "sizes": str,
    "hiring": str,
}


def compile_index(dataset: Dataset, own: Iterable[str] = ()) -> dict[str, Any]:
    """What a catalog needs to answer look-ups, as plain JSON: also the cache's payload.

    ``own``: the roles a dataset file defines itself (for a file that extends the bundled
    dataset, its own roles; for one that stands alone, every role; none for the bundled
    file), whose names win when a title could be read as one of them or a bundled role.
    """
    primary: dict[str, tuple[str, str, str]] = {}
    ids = {role.id for role in dataset.roles}
    real: dict[str, list[tuple[str, str, str | None, str]]] = {}
    slugs: dict[str, str] = {}
    for role in dataset.roles:
        named = [(role.id, "exact"), (role.title, "exact")]
        for name, how in (*named, *((alias, "alias") for alias in role.aliases)):
            found = names.key(name)
            if found not in primary:
                primary[found] = (role.id, how, _name_for(role, found))
            slugs.setdefault(names.slug(name), role.id)
        for title in role.titles:
            listed = real.setdefault(names.key(title.text), [])
            entry = (role.id, title.lang, title.note, title.text)
            mine = [k for k, e in enumerate(listed) if e[0] == role.id]
            if not mine:
                listed.append(entry)
            elif _better(entry, listed[mine[0]]):
                listed[mine[0]] = entry
    outside: dict[str, list[tuple[str, str, str]]] = {}
    for kind in dataset.outside:
        for phrase in kind.phrases:
            if found := names.phrase(phrase):
                held = outside.setdefault(found.split()[0], [])
                if not any(k == found for k, _, _ in held):
                    held.append((found, kind.name, kind.reason))
    return {
        "rules": names.RULES,
        "extends": dataset.extends,
        "executives": dict(dataset.executives),
        "order": [role.id for role in dataset.roles],
        "titles": {role.id: role.title for role in dataset.roles},
        "names": primary,
        "real_titles": real,
        "slugs": slugs,
        "outside_phrases": outside,
        "own": [i for i in dict.fromkeys(own) if i in ids],
        "reports": {
            role.id: list(role.reporting.reports_to) for role in dataset.roles if role.reporting
        },
        "edges": [
            [role.id, target, k]
            for role in dataset.roles
            for k, move in enumerate(role.career)
            for target in move.to
        ],
        "roles": {role.id: json.dumps(as_data(role)) for role in dataset.roles},
        "sources": json.dumps([as_data(s) for s in dataset.sources]),
        "contrasts": json.dumps([as_data(c) for c in dataset.contrasts]),
        "disagreements": json.dumps([as_data(d) for d in dataset.disagreements]),
        "outside": json.dumps([as_data(o) for o in dataset.outside]),
        "sizes": json.dumps([as_data(s) for s in dataset.sizes]),
        "hiring": json.dumps([as_data(h) for h in dataset.hiring]),
    }


def _name_for(role: Role, key: str) -> str:
    """The name of ``role`` whose key is ``key``: its title, or a real-world title."""
    for title in (role.title, *(t.text for t in role.titles)):
        if names.key(title) == key:
            return title
    return role.title


def _better(
    entry: tuple[str, str, str | None, str], than: tuple[str, str, str | None, str]
) -> bool:
    """One role's title to keep for a key: one with no note first, then English."""
    return (entry[2] is not None, entry[1] != "en") < (than[2] is not None, than[1] != "en")


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
