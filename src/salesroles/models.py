"""The shape of a dataset: roles, their dimensions, career moves, contrasts.

Plain frozen dataclasses, so importing this module costs little: no pydantic, and
no ``from __future__ import annotations``, so each field's type is a real object the
cache can rebuild values with. pydantic validates raw TOML into these classes in
``catalog.validate`` (and only there); the ``__pydantic_config__`` below makes that
validation strict: unknown keys are errors.
"""

from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from typing import Any, Literal

SCHEMA_VERSION = 1

ScopeLevel = Literal["company", "division", "region", "team"]
Horizon = Literal["long", "medium", "short"]
Orientation = Literal["strategic", "tactical", "mixed"]
BudgetLevel = Literal["company", "department", "region", "none"]
MoveKind = Literal["promotion", "lateral", "equivalent"]
FigureKind = Literal["median", "range", "average"]
SourceKind = Literal["article", "statistics", "other"]

_STRICT: Any = {"extra": "forbid"}  # read by pydantic: unknown keys are errors


class Frozen:
    """Base of every model and query result: construction, then no assignment ever.

    It does what ``@dataclass(frozen=True)`` would, without the three methods that
    decorator generates and compiles for every class at import: that cost 5 ms of each
    start-up for these twelve classes, a third of the time the tool adds to Python's
    own start-up. Subclasses are declared
    ``@dataclass(init=False, eq=False, repr=False, match_args=False)``, and take their
    fields by keyword or, in field order, by position.
    """

    __slots__ = ()

    def __init__(self, *args: Any, **values: Any) -> None:
        declared = fields(self)  # type: ignore[arg-type]
        if len(args) > len(declared):
            raise TypeError(f"{type(self).__name__} takes {len(declared)} fields")
        values.update((f.name, arg) for f, arg in zip(declared, args, strict=False))
        for f in declared:
            if f.name in values:
                value = values.pop(f.name)
            elif f.default is not MISSING:
                value = f.default
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            else:
                raise TypeError(f"{type(self).__name__} needs {f.name!r}")
            object.__setattr__(self, f.name, value)
        if values:
            raise TypeError(f"{type(self).__name__} has no field {sorted(values)[0]!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Points(Frozen):
    """A dimension described in plain-language points only."""

    __pydantic_config__ = _STRICT
    points: tuple[str, ...] = ()


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Scope(Points):
    """How far the role's authority reaches."""

    __pydantic_config__ = _STRICT
    level: ScopeLevel | None = None


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Focus(Points):
    """Time horizon and strategic or tactical orientation."""

    __pydantic_config__ = _STRICT
    horizon: Horizon | None = None
    orientation: Orientation | None = None


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Reporting(Points):
    """Whom the role answers to."""

    __pydantic_config__ = _STRICT
    reports_to: tuple[str, ...] = ()


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Budget(Points):
    """What budget the role controls."""

    __pydantic_config__ = _STRICT
    level: BudgetLevel | None = None


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Figure(Frozen):
    """One pay figure, exactly as a source gives it."""

    __pydantic_config__ = _STRICT
    kind: FigureKind
    currency: str
    period: str
    source: str
    amount: int | None = None
    low: int | None = None
    high: int | None = None
    region: str | None = None
    year: int | None = None
    note: str | None = None


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Compensation(Points):
    """Pay: figures as the sources give them, and plain points."""

    __pydantic_config__ = _STRICT
    figures: tuple[Figure, ...] = ()


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Move(Frozen):
    """A career move out of the role it is listed under, to each role in ``to``."""

    __pydantic_config__ = _STRICT
    to: tuple[str, ...]
    kind: MoveKind
    source: str
    steps: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    education: tuple[str, ...] = ()
    note: str | None = None


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Role(Frozen):
    """One role and everything the sources say about it."""

    __pydantic_config__ = _STRICT
    id: str
    title: str
    seniority: int
    summary: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    scope: Scope | None = None
    focus: Focus | None = None
    reporting: Reporting | None = None
    budget: Budget | None = None
    metrics: Points | None = None
    career: tuple[Move, ...] = ()
    duties: Points | None = None
    team: Points | None = None
    clients: Points | None = None
    culture: Points | None = None
    decisions: Points | None = None
    growth: Points | None = None
    cross_functional: Points | None = None
    challenges: Points | None = None
    opportunities: Points | None = None
    skills: Points | None = None
    education: Points | None = None
    compensation: Compensation | None = None
    tools: Points | None = None
    fit: Points | None = None


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Contrast(Frozen):
    """Where a source sets two roles side by side."""

    __pydantic_config__ = _STRICT
    roles: tuple[str, str]
    topic: str
    text: str
    source: str


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Source(Frozen):
    """A source the dataset cites, by title."""

    __pydantic_config__ = _STRICT
    title: str
    kind: SourceKind
    publisher: str | None = None
    note: str | None = None


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Dataset(Frozen):
    """A whole dataset: roles, sources, named executives and contrasts."""

    __pydantic_config__ = _STRICT
    schema_version: int
    roles: tuple[Role, ...]
    extends: Literal["bundled"] | None = None  # add to (and override) the bundled roles
    sources: tuple[Source, ...] = ()
    executives: dict[str, str] = field(default_factory=dict)
    contrasts: tuple[Contrast, ...] = ()


# name -> label, in the order tables show them: the six core dimensions first.
DIMENSIONS: dict[str, str] = {
    "scope": "Scope",
    "focus": "Focus",
    "reporting": "Reporting",
    "budget": "Budget",
    "metrics": "Metrics",
    "career": "Career",
    "duties": "Duties",
    "team": "Team",
    "clients": "Clients",
    "culture": "Culture",
    "decisions": "Decisions",
    "growth": "Growth impact",
    "cross_functional": "Cross-functional",
    "challenges": "Challenges",
    "opportunities": "Opportunities",
    "skills": "Skills",
    "education": "Education",
    "compensation": "Compensation",
    "tools": "Tools",
    "fit": "Who fits",
}
CORE_DIMENSIONS = ("scope", "focus", "reporting", "budget", "metrics", "career")
