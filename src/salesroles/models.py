"""The shape of a dataset: sources, roles, their dimensions, career moves, contrasts.

Plain frozen classes, so importing this module costs little: no pydantic, and no
``from __future__ import annotations``, so each field's type is a real object the
cache can rebuild values with (and fingerprint: see ``cache.fingerprint``). pydantic
validates raw TOML into these classes in ``validation`` (and only there); the
``__pydantic_config__`` below makes that strict: unknown keys are errors.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from typing import Any, ClassVar, Literal, NamedTuple, TypeVar

DATASET_VERSION = 2  # of a dataset file; the --json output has its own (render.json)
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # what a role or source id may look like

ScopeLevel = Literal["company", "division", "region", "team"]
Horizon = Literal["long", "medium", "short"]
Orientation = Literal["strategic", "tactical", "mixed"]
BudgetLevel = Literal["company", "department", "region", "none"]
MoveKind = Literal["promotion", "lateral", "equivalent"]
FigureKind = Literal["median", "range", "average"]
SourceKind = Literal[
    "article",
    "statistics",
    "encyclopedia",
    "research",
    "publication",
    "search-firm",
    "practitioner",
    "vendor-blog",
    "other",  # a dataset's own material, such as a company's career handbook
]
Function = Literal[
    "sales",
    "marketing",
    "customer-success",
    "partnerships",
    "pricing",
    "revenue-operations",
    "business-development",
]
CompanySize = Literal["founding", "small", "mid", "large"]
PointKind = Literal["core", "context"]  # context: classification, headcounts, history, method
CodeSystem = Literal["SOC 2018", "O*NET-SOC 2019", "ISCO-08", "ESCO"]

_STRICT: Any = {"extra": "forbid"}  # read by pydantic: unknown keys are errors


class Frozen:
    """Base of every model and query result: construction, then no assignment ever.

    It does what ``@dataclass(frozen=True)`` would, without the methods that decorator
    generates and compiles for every class at import. Declare dataset models with
    ``@model`` (a dataclass, so pydantic can validate into it) and query results with
    ``@record`` (no dataclass at all: cheaper still). Either way instances take their
    fields by keyword or, in order, by position, and compare and print by their fields.
    """

    __slots__ = ()
    __pydantic_config__: ClassVar[Any] = _STRICT  # every model: unknown keys are errors
    _fields: ClassVar[tuple[tuple[str, Any, Any], ...]] = ()  # (name, default, factory)

    def __init__(self, *args: Any, **values: Any) -> None:
        declared = self._fields
        if len(args) > len(declared):
            raise TypeError(f"{type(self).__name__} takes {len(declared)} fields")
        values.update((f[0], arg) for f, arg in zip(declared, args, strict=False))
        for name, default, factory in declared:
            if name in values:
                value = values.pop(name)
            elif default is not MISSING:
                value = default
            elif factory is not MISSING:
                value = factory()
            else:
                raise TypeError(f"{type(self).__name__} needs {name!r}")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__} has no field {sorted(values)[0]!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f[0]) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, *map(_hashable, self._values())))

    def __repr__(self) -> str:
        shown = ", ".join(f"{f[0]}={getattr(self, f[0])!r}" for f in self._fields)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(map(_hashable, value))
    return value


def as_data(value: Any) -> Any:
    """A model as plain JSON-ready values (dicts and lists), like ``dataclasses.asdict``
    without its deep copies: four times as fast on a large dataset."""
    if isinstance(value, Frozen):
        return {f[0]: as_data(getattr(value, f[0])) for f in value._fields}
    if isinstance(value, (tuple, list)):
        return [as_data(v) for v in value]
    if isinstance(value, dict):
        return {k: as_data(v) for k, v in value.items()}
    return value


T = TypeVar("T")


def model(cls: type[T]) -> type[T]:
    """Declare a dataset model: a dataclass (for pydantic) that generates no methods."""
    decorate: Callable[[type[T]], type[T]] = dataclass(
        init=False, eq=False, repr=False, match_args=False
    )
    made = decorate(cls)
    made._fields = tuple((f.name, f.default, f.default_factory) for f in fields(made))  # type: ignore[arg-type, attr-defined]
    return made


def record(cls: type[T]) -> type[T]:
    """Declare a query result: its annotated fields, in order, with their defaults."""
    found: dict[str, tuple[str, Any, Any]] = {}
    for klass in reversed(cls.__mro__):
        for name in klass.__dict__.get("__annotations__", {}):  # noqa: RUF063 (own classes)
            if not name.startswith("_"):
                found[name] = (name, klass.__dict__.get(name, MISSING), MISSING)
    cls._fields = tuple(found.values())  # type: ignore[attr-defined]
    return cls


# --- sources and sourced text -------------------------------------------------


@model
class Source(Frozen):
    """A source the dataset cites, by its id."""

    id: str
    title: str
    kind: SourceKind
    publisher: str | None = None
    url: str | None = None
    year: int | None = None
    note: str | None = None


@model
class Point(Frozen):
    """One statement, with the ids of the sources it rests on.

    In a file a point is ``{ text = "...", source = "id" }`` (or ``sources = [...]``),
    or plain text, which inherits its role's sources when the dataset is loaded.
    """

    text: str
    sources: tuple[str, ...] = ()
    kind: PointKind = "core"  # "context": shown only in detail views and JSON


@model
class Headline(Frozen):
    """What a role is on one dimension, in one line, citing the sources of its points."""

    text: str
    sources: tuple[str, ...] = ()


@model
class Title(Frozen):
    """A real-world title that means a role, in a language, with its source.

    With a ``note`` it is a title *beside* the role (an SDR, an area VP): it maps to
    the nearest role, and the note says how it differs.
    """

    text: str
    sources: tuple[str, ...] = ()
    lang: str = "en"  # ISO 639-1
    note: str | None = None


@model
class Code(Frozen):
    """An official occupation code that covers a role, and what else it lumps in."""

    system: CodeSystem
    code: str
    name: str
    lumps: str  # what the code holds besides this role
    source: str
    url: str | None = None


# --- dimensions ---------------------------------------------------------------


@model
class Points(Frozen):
    """A dimension described in points only."""

    points: tuple[Point, ...] = ()


@model
class Scope(Points):
    """How far the role's authority reaches."""

    level: ScopeLevel | None = None


@model
class Focus(Points):
    """Time horizon and strategic or tactical orientation."""

    horizon: Horizon | None = None
    orientation: Orientation | None = None


@model
class Reporting(Points):
    """Whom the role answers to: role ids or named executives."""

    reports_to: tuple[str, ...] = ()


@model
class Budget(Points):
    """What budget the role controls."""

    level: BudgetLevel | None = None


@model
class Owns(Points):
    """The functions the role typically owns, and those it sometimes owns."""

    functions: tuple[Function, ...] = ()  # typically
    sometimes: tuple[Function, ...] = ()


@model
class Stage(Points):
    """When companies create the role."""

    company_size: tuple[CompanySize, ...] = ()


@model
class Team(Points):
    """The team the role leads, and whether it builds (recruits) it."""

    builds_team: bool | None = None


@model
class Figure(Frozen):
    """One pay figure, exactly as a source gives it, with what it covers."""

    kind: FigureKind
    currency: str
    period: str
    source: str
    amount: int | None = None
    low: int | None = None
    high: int | None = None
    region: str | None = None
    year: int | None = None
    covers: str | None = None


@model
class Compensation(Points):
    """Pay: figures as the sources give them, and points."""

    figures: tuple[Figure, ...] = ()


@model
class Move(Frozen):
    """A career move out of the role it is listed under, to each role in ``to``."""

    to: tuple[str, ...]
    kind: MoveKind
    source: str
    steps: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    education: tuple[str, ...] = ()
    note: str | None = None


@model
class Role(Frozen):
    """One role and everything the sources say about it."""

    id: str
    title: str
    summary: Point
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    titles: tuple[Title, ...] = ()  # real-world titles that mean this role
    codes: tuple[Code, ...] = ()
    seniority: int | None = None
    headlines: dict[str, Headline] = field(default_factory=dict)  # by dimension
    scope: Scope | None = None
    focus: Focus | None = None
    reporting: Reporting | None = None
    budget: Budget | None = None
    metrics: Points | None = None
    career: tuple[Move, ...] = ()
    owns: Owns | None = None
    stage: Stage | None = None
    tenure: Points | None = None
    duties: Points | None = None
    team: Team | None = None
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


@model
class Contrast(Frozen):
    """Where a source sets two roles side by side."""

    roles: tuple[str, str]
    topic: str
    text: str
    source: str
    dimensions: tuple[str, ...] = ()
    kind: PointKind = "core"  # "context": classification, history, a source's method


@model
class Position(Frozen):
    """One side of a disagreement, with its source."""

    text: str
    source: str


@model
class Disagreement(Frozen):
    """Where sources disagree: every side is shown, none is averaged away."""

    roles: tuple[str, ...]
    topic: str
    positions: tuple[Position, ...]
    dimensions: tuple[str, ...] = ()
    kind: PointKind = "core"  # "context": classification, history, a source's method


@model
class Outside(Frozen):
    """Titles outside sales leadership: ``which`` matches them to no role, and says why."""

    name: str  # "Sales operations"
    phrases: tuple[str, ...]  # a title holding one of these is this kind of job
    reason: str
    sources: tuple[str, ...] = ()


@model
class Size(Frozen):
    """What a company size means, as the sources give it (people, revenue, funding)."""

    id: CompanySize
    text: str
    sources: tuple[str, ...] = ()


@model
class Hiring(Frozen):
    """Advice the sources give on whom to hire at a company size."""

    topic: str  # "first sales hire"
    sizes: tuple[CompanySize, ...]
    roles: tuple[str, ...]  # the roles it speaks of
    text: str
    sources: tuple[str, ...] = ()


@model
class Dataset(Frozen):
    """A whole dataset: sources, roles, named executives, contrasts, disagreements."""

    dataset_version: int
    roles: tuple[Role, ...]
    extends: Literal["bundled"] | None = None  # add to (and override) the bundled roles
    sources: tuple[Source, ...] = ()
    executives: dict[str, str] = field(default_factory=dict)
    contrasts: tuple[Contrast, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    outside: tuple[Outside, ...] = ()
    sizes: tuple[Size, ...] = ()
    hiring: tuple[Hiring, ...] = ()


MODELS: tuple[type[Frozen], ...] = (
    Source,
    Point,
    Headline,
    Title,
    Code,
    Points,
    Scope,
    Focus,
    Reporting,
    Budget,
    Owns,
    Stage,
    Team,
    Figure,
    Compensation,
    Move,
    Role,
    Contrast,
    Position,
    Disagreement,
    Outside,
    Size,
    Hiring,
    Dataset,
)

# name -> label, in the order tables show them: the six core dimensions first.
DIMENSIONS: dict[str, str] = {
    "scope": "Scope",
    "focus": "Focus",
    "reporting": "Reporting",
    "budget": "Budget",
    "metrics": "Metrics",
    "career": "Career",
    "owns": "Owns",
    "stage": "Stage",
    "tenure": "Tenure",
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
    "compensation": "Pay",
    "tools": "Tools",
    "fit": "Who fits",
}
CORE_DIMENSIONS = ("scope", "focus", "reporting", "budget", "metrics", "career")
# What compare shows by default: the core six, then pay and when companies create the role.
GLANCE_DIMENSIONS = (*CORE_DIMENSIONS, "compensation", "stage")
# How much a kind of source weighs when the views rank what sources say (0: most).
STRENGTH: dict[str, int] = {
    "article": 0,  # the seed articles
    "statistics": 0,
    "research": 0,
    "encyclopedia": 1,
    "publication": 2,
    "search-firm": 3,
    "practitioner": 4,
    "vendor-blog": 5,
    "other": 6,
}
# The structured value of each dimension that has one: what --diff compares.
STRUCTURED: dict[str, tuple[str, ...]] = {
    "scope": ("level",),
    "focus": ("horizon", "orientation"),
    "reporting": ("reports_to",),
    "budget": ("level",),
    "owns": ("functions", "sometimes"),
    "stage": ("company_size",),
    "team": ("builds_team",),
    "compensation": ("figures",),
}


class Statement(NamedTuple):
    """One sourced statement of a role: where it is, its text(s), the sources it cites."""

    at: tuple[str | int, ...]  # its place in the role: ("scope", "points", 2)
    where: str  # the dimension it belongs to, or "summary", "titles", "codes"
    texts: tuple[str, ...]
    sources: tuple[str, ...]
    single: bool = False  # cited as ``source = "id"`` (one id), not ``sources``


def statements(role: Role) -> Iterator[Statement]:
    """Every sourced statement of ``role``, in the order of the file: the one walk over a
    role's points (checking citations, searching, counting what each source backs)."""
    yield Statement(("summary",), "summary", (role.summary.text,), role.summary.sources)
    for k, title in enumerate(role.titles):
        texts: tuple[str, ...] = (title.text, title.note) if title.note else (title.text,)
        yield Statement(("titles", k), "titles", texts, title.sources)
    for k, code in enumerate(role.codes):
        yield Statement(("codes", k), "codes", (code.name, code.lumps), (code.source,), True)
    for name, headline in role.headlines.items():
        yield Statement(("headlines", name), name, (headline.text,), headline.sources)
    for name in DIMENSIONS:
        if name == "career":
            for k, move in enumerate(role.career):
                parts = (*move.steps, *move.skills, *move.education, *filter(None, [move.note]))
                yield Statement(("career", k), "career", parts, (move.source,), True)
            continue
        value = getattr(role, name)
        if value is None:
            continue
        for k, point in enumerate(value.points):
            yield Statement((name, "points", k), name, (point.text,), point.sources)
        for k, figure in enumerate(getattr(value, "figures", ())):
            covers = (figure.covers,) if figure.covers else ()
            yield Statement((name, "figures", k), name, covers, (figure.source,), True)
