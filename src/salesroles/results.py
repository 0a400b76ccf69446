"""What queries answer: plain records of data (roles, values, points with their source ids,
the sources they cite). The words a reader sees are the renderers' business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from salesroles.models import (
    Contrast,
    Disagreement,
    Frozen,
    Headline,
    Hiring,
    Move,
    Point,
    Role,
    Size,
    Source,
    record,
)

if TYPE_CHECKING:  # types only: the --json path need not import them
    from salesroles.names import Reading
    from salesroles.spreadsheet import Sheet


@record
class Cell(Frozen):
    """One role's value in one dimension: structured values, headline, then its points."""

    values: dict[str, Any]  # e.g. {"level": "company"}; career: comes_from / leads_to
    points: tuple[Point, ...]  # core and context, in the file's order
    headline: Headline | None = None

    @property
    def core(self) -> tuple[Point, ...]:
        """What the role is, does, owns, is measured on, earns: the points a glance may use."""
        return tuple(p for p in self.points if p.kind == "core")

    @property
    def key(self) -> object:
        """What ``compare --diff`` compares: the structured values, not the wording."""
        return repr(sorted(self.values.items())) if self.values else "covered"


@record
class Row(Frozen):
    """One dimension across the roles being shown (None: the sources say nothing)."""

    dimension: str
    cells: tuple[Cell | None, ...]

    @property
    def differs(self) -> bool:
        return len({c.key if c else None for c in self.cells}) > 1


@record
class Profile(Frozen):
    """The answer of show."""

    role: Role
    rows: tuple[Row, ...]  # one cell each
    disagreements: tuple[Disagreement, ...]
    library: dict[str, Source]  # the sources cited, by id
    names: dict[str, str]  # role and executive ids -> titles
    detail: bool = False  # every point; else a headline a dimension


@record
class Comparison(Frozen):
    """The answer of compare."""

    roles: tuple[Role, ...]
    rows: tuple[Row, ...]
    differences: tuple[Contrast, ...]  # what sources say directly, strongest source first
    disagreements: tuple[Disagreement, ...]
    diff_only: bool
    omitted: int  # dimensions left out by default (0 when all or --only)
    library: dict[str, Source]
    names: dict[str, str]
    detail: bool = False  # every point; else the glance: a headline a cell


@record
class Step(Frozen):
    """One move of a career path or tree, with what it takes."""

    source: Role
    target: tuple[Role, ...]
    move: Move


@record
class TreeMove(Frozen):
    """One line of a career tree, in reading order: a move and the roles it reaches.

    A tree is a flat tuple of these, parents first (``depth`` 1 moves into or out of the
    role itself; ``after`` is the index of the line this move continues). Moves that
    say the same (same roles, same kind) from several sources are one line with
    several ``steps``. A role's onward moves are listed once, under the first line
    that reaches it; a later line to it has ``seen`` set (its onward moves are above).
    """

    depth: int
    after: int | None
    roles: tuple[Role, ...]  # the roles it leads to (or, upward, comes from)
    steps: tuple[Step, ...]  # one per source that gives the move
    seen: bool

    @property
    def kind(self) -> str:
        return self.steps[0].move.kind


@record
class CareerTree(Frozen):
    """The answer of career ROLE: each direction as a flat tree (see ``TreeMove``)."""

    role: Role
    comes_from: tuple[TreeMove, ...]
    leads_to: tuple[TreeMove, ...]
    library: dict[str, Source]


@record
class CareerPath(Frozen):
    """The answer of career ROLE --to ROLE."""

    start: Role
    goal: Role
    steps: tuple[Step, ...] | None  # None: the dataset has no path
    library: dict[str, Source]
    headlines: dict[str, Headline] = {}  # noqa: RUF012 (a record: never mutated)


@record
class Listing(Frozen):
    """The answer of list: roles ordered so that each comes before whom it reports to."""

    roles: tuple[Role, ...]
    reports_to: dict[str, tuple[str, ...]]  # role id -> the roles and executives above it
    names: dict[str, str]


@record
class Hit(Frozen):
    """One place in the dataset's text where the search text occurs."""

    role: Role | None  # None for a contrast or a disagreement
    dimension: str  # a dimension name, or "title", "summary", "aliases", "titles",
    # "contrast", "disagreement"
    text: str


@record
class SearchResult(Frozen):
    """The answer of search."""

    term: str
    hits: tuple[Hit, ...]


@record
class Identified(Frozen):
    """One title given to which: how it reads (a role, several, or none and why)."""

    typed: str
    reading: Reading
    role: Role | None  # the role it means
    sources: tuple[str, ...] = ()  # of the dataset's title it matched (its note, its language)


@record
class Identification(Frozen):
    """The answer of which: one reading per title given, in order (blank ones too).

    From a spreadsheet, ``sheet`` is the file as read and ``column`` the index of its
    titles' column: each row's reading is ``titles[k]``.
    """

    titles: tuple[Identified, ...]
    names: dict[str, str]  # role ids -> titles
    library: dict[str, Source]
    sheet: Sheet | None = None
    column: int = 0


@record
class SourceUse(Frozen):
    """A source and how many points of the dataset (or of one role) it backs."""

    source: Source
    points: int
    roles: tuple[str, ...]


@record
class SourceList(Frozen):
    """The answer of sources [ROLE]."""

    role: Role | None
    sources: tuple[SourceUse, ...]
    names: dict[str, str] = {}  # noqa: RUF012 (a record: never mutated) role ids -> titles


@record
class Reason(Frozen):
    """What the sources say about one role on one answer, and the point that says so.

    ``verdict``: ``fits`` (a sourced value matches the answer), ``partly`` (only at
    times, or a wider level that takes the answer in), ``contradicts`` (a sourced value
    says otherwise), ``unknown`` (the sources say nothing: neither a fit nor a clash).
    """

    question: str
    answer: str
    verdict: str  # "fits" | "partly" | "unknown" | "contradicts"
    dimension: str | None  # the dimension whose value decided it; None when unknown
    value: Any  # that structured value; None when unknown
    point: Point | None  # the sourced point (or headline, or hiring advice) behind it

    @property
    def supports(self) -> bool:
        return self.verdict in ("fits", "partly")


@record
class Recommendation(Frozen):
    """An advised role: what the sources say on each answer, in the order asked."""

    role: Role
    reasons: tuple[Reason, ...]
    decided_by: str | None = None  # the answer that ranks it above (or below) the other


@record
class Exclusion(Frozen):
    """A role an answer rules out: the answers its sourced values contradict."""

    role: Role
    clashes: tuple[Reason, ...]  # the deciding answer first (advise's ranking order)
    assumed_only: bool = False  # every clash is with an answer assumed, not given


@record
class StageAdvice(Frozen):
    """What the sources advise about hiring at the asked company size, on one topic."""

    topic: str
    advice: tuple[Hiring, ...]  # every side, as the dataset gives it
    disagreement: Disagreement | None = None  # where the sources disagree on it


@record
class Advice(Frozen):
    """The answer of advise: a role, a runner-up, and why, from the dataset."""

    answers: dict[str, str]
    assumed: tuple[str, ...]  # answers that were not given, so took their default
    best: Recommendation | None  # None: no role the sources place at this size fits
    runner_up: Recommendation | None  # may be one the sources do not place at this size
    ruled_out: tuple[Exclusion, ...]  # roles an answer contradicts
    library: dict[str, Source]
    size: Size | None = None  # what the asked company size means, as the sources give it
    stage: tuple[StageAdvice, ...] = ()  # the hiring advice the sources give at that size
    names: dict[str, str] = {}  # noqa: RUF012 (a record: never mutated) role ids -> titles


Result = (
    Comparison
    | Profile
    | CareerTree
    | CareerPath
    | Listing
    | SearchResult
    | Advice
    | Identification
    | SourceList
)
RESULTS: tuple[type[Frozen], ...] = (
    Comparison,
    Profile,
    CareerTree,
    CareerPath,
    Listing,
    SearchResult,
    Advice,
    Identification,
    SourceList,
)
