"""The shape of a dataset: roles, their dimensions, career moves, contrasts.

Plain frozen dataclasses, so importing this module costs little: no pydantic, and
no ``from __future__ import annotations``, so each field's type is a real object the
cache can rebuild values with. pydantic validates raw TOML into these classes in
``catalog.validate`` (and only there); the ``__pydantic_config__`` below makes that
validation strict: unknown keys are errors.
"""

from dataclasses import dataclass, field
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


@dataclass(frozen=True, eq=False, match_args=False)
class Points:
    """A dimension described in plain-language points only."""

    __pydantic_config__ = _STRICT
    points: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False, match_args=False)
class Scope(Points):
    __pydantic_config__ = _STRICT
    level: ScopeLevel | None = None


@dataclass(frozen=True, eq=False, match_args=False)
class Focus(Points):
    __pydantic_config__ = _STRICT
    horizon: Horizon | None = None
    orientation: Orientation | None = None


@dataclass(frozen=True, eq=False, match_args=False)
class Reporting(Points):
    __pydantic_config__ = _STRICT
    reports_to: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False, match_args=False)
class Budget(Points):
    __pydantic_config__ = _STRICT
    level: BudgetLevel | None = None


@dataclass(frozen=True, eq=False, match_args=False)
class Figure:
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


@dataclass(frozen=True, eq=False, match_args=False)
class Compensation(Points):
    __pydantic_config__ = _STRICT
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, eq=False, match_args=False)
class Move:
    """A career move out of the role it is listed under, to each role in ``to``."""

    __pydantic_config__ = _STRICT
    to: tuple[str, ...]
    kind: MoveKind
    source: str
    steps: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    education: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, eq=False, match_args=False)
class Role:
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


@dataclass(frozen=True, eq=False, match_args=False)
class Contrast:
    """Where a source sets two roles side by side."""

    __pydantic_config__ = _STRICT
    roles: tuple[str, str]
    topic: str
    text: str
    source: str


@dataclass(frozen=True, eq=False, match_args=False)
class Source:
    __pydantic_config__ = _STRICT
    title: str
    kind: SourceKind
    publisher: str | None = None
    note: str | None = None


@dataclass(frozen=True, eq=False, match_args=False)
class Dataset:
    __pydantic_config__ = _STRICT
    schema_version: int
    roles: tuple[Role, ...]
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
