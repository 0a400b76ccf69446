"""The shapes of every ``--json`` output, and their JSON Schema (``salesroles schema``).

``render.json`` is typed against these, so mypy keeps the two in step; pydantic
turns them into JSON Schema (only ``salesroles schema`` imports this module at run
time). ``render.json.OUTPUT_VERSION`` is the version of this output, apart from the
dataset file's own version: the JSON can change without rejecting anyone's dataset.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from typing_extensions import TypedDict

from salesroles.models import BudgetLevel, CompanySize, Function, Horizon, Orientation, ScopeLevel


class HeadlineOut(TypedDict):
    text: str
    sources: list[str]  # every citation is a list of source ids, in every output


class PointOut(HeadlineOut):
    kind: Literal["core", "context"]  # context: shown only in detail views


class TitleOut(HeadlineOut):
    lang: str  # ISO 639-1
    note: str | None  # a title beside the role: how it differs from it


class CodeOut(TypedDict):
    system: str
    code: str
    name: str
    lumps: str  # what the code holds besides this role
    sources: list[str]
    url: str | None


class FigureOut(TypedDict):
    kind: Literal["median", "range", "average"]
    currency: str
    period: str
    amount: int | None
    low: int | None
    high: int | None
    region: str | None
    year: int | None
    covers: str | None
    sources: list[str]


class SourceOut(TypedDict):
    title: str
    kind: str
    publisher: str | None
    url: str | None
    year: int | None
    note: str | None


Sources = dict[str, SourceOut]  # every source the output cites, by id


class Value(TypedDict):
    """One role on one dimension: its headline and every point (a dimension with no
    structured field). A dimension with one adds its fields, each present: null where no
    cited point supports it."""

    headline: HeadlineOut | None
    points: list[PointOut]


class ScopeValue(Value):
    level: ScopeLevel | None


class FocusValue(Value):
    horizon: Horizon | None
    orientation: Orientation | None


class ReportingValue(Value):
    reports_to: list[str] | None  # role ids or named executives (ceo, coo, board)


class BudgetValue(Value):
    level: BudgetLevel | None


class OwnsValue(Value):
    functions: list[Function] | None  # typically
    sometimes: list[Function] | None  # at times


class StageValue(Value):
    company_size: list[CompanySize] | None


class TeamValue(Value):
    builds_team: bool | None


class CompensationValue(Value):
    figures: list[FigureOut] | None


class CareerValue(Value):
    comes_from: list[str] | None  # role ids
    leads_to: list[str] | None


V = TypeVar("V")


class DimensionRow(TypedDict, Generic[V]):
    """One dimension across the roles compared: each role's value (null: not covered)."""

    label: str
    differs: bool
    values: dict[str, V | None]  # role id -> value


# The shape of each dimension's value, by name: a show's ``dimensions`` holds these, a
# comparison's a row of them (a test checks that every dimension is here).
class ShownDimensions(TypedDict, total=False):
    """A show's dimensions: each one asked for (--only), null where no source covers it."""

    scope: ScopeValue | None
    focus: FocusValue | None
    reporting: ReportingValue | None
    budget: BudgetValue | None
    metrics: Value | None
    career: CareerValue | None
    owns: OwnsValue | None
    stage: StageValue | None
    tenure: Value | None
    duties: Value | None
    team: TeamValue | None
    clients: Value | None
    culture: Value | None
    decisions: Value | None
    growth: Value | None
    cross_functional: Value | None
    challenges: Value | None
    opportunities: Value | None
    skills: Value | None
    education: Value | None
    compensation: CompensationValue | None
    tools: Value | None
    fit: Value | None


class ComparedDimensions(TypedDict, total=False):
    """A comparison's dimensions: those shown (the glance's eight, --all, --only, --diff)."""

    scope: DimensionRow[ScopeValue]
    focus: DimensionRow[FocusValue]
    reporting: DimensionRow[ReportingValue]
    budget: DimensionRow[BudgetValue]
    metrics: DimensionRow[Value]
    career: DimensionRow[CareerValue]
    owns: DimensionRow[OwnsValue]
    stage: DimensionRow[StageValue]
    tenure: DimensionRow[Value]
    duties: DimensionRow[Value]
    team: DimensionRow[TeamValue]
    clients: DimensionRow[Value]
    culture: DimensionRow[Value]
    decisions: DimensionRow[Value]
    growth: DimensionRow[Value]
    cross_functional: DimensionRow[Value]
    challenges: DimensionRow[Value]
    opportunities: DimensionRow[Value]
    skills: DimensionRow[Value]
    education: DimensionRow[Value]
    compensation: DimensionRow[CompensationValue]
    tools: DimensionRow[Value]
    fit: DimensionRow[Value]


class RoleRef(TypedDict):
    id: str
    title: str


class ListedRole(RoleRef):
    seniority: int | None
    reports_to: list[str]
    scope: str | None
    aliases: list[str]
    titles: list[TitleOut]


class ListOutput(TypedDict):
    """salesroles list --json"""

    schema_version: int
    roles: list[ListedRole]


class ShownRole(RoleRef):
    aliases: list[str]
    titles: list[TitleOut]
    codes: list[CodeOut]
    summary: PointOut
    sources: list[str]


class DisagreementOut(TypedDict):
    roles: list[RoleRef]
    dimensions: list[str]
    topic: str
    positions: list[HeadlineOut]  # each side, with its sources
    kind: Literal["core", "context"]


class ShowOutput(TypedDict):
    """salesroles show ROLE --json"""

    schema_version: int
    role: ShownRole
    detail: bool
    dimensions: ShownDimensions  # null: the sources say nothing
    disagreements: list[DisagreementOut]
    sources: Sources


class DifferenceOut(TypedDict):
    roles: list[RoleRef]
    dimensions: list[str]
    topic: str
    text: str
    sources: list[str]
    kind: Literal["core", "context"]


class CompareOutput(TypedDict):
    """salesroles compare ROLE ROLE... --json"""

    schema_version: int
    roles: list[RoleRef]
    diff_only: bool
    detail: bool
    dimensions: ComparedDimensions
    differences: list[DifferenceOut]  # what sources say directly, strongest source first
    disagreements: list[DisagreementOut]
    sources: Sources


MoveOut = TypedDict(
    "MoveOut",
    {
        "from": str,
        "to": list[str],
        "kind": Literal["promotion", "lateral", "equivalent"],
        "sources": list[str],
        "steps": list[str],
        "skills": list[str],
        "education": list[str],
        "note": "str | None",
    },
)


TreeLine = TypedDict(
    "TreeLine",
    {
        "depth": int,  # 1: a move into or out of the role itself; 2: the one before or after
        "after": "int | None",  # index (in the same list) of the line this one continues
        "seen": bool,  # its roles' onward moves are listed where those roles first appear
        "kind": Literal["promotion", "lateral", "equivalent"],
        "from": str,
        "to": list[str],
        "moves": "list[MoveOut]",  # each source that gives this move, with what it takes
    },
)


class CareerTreeOutput(TypedDict):
    """salesroles career ROLE --json: each list flat, parents before children."""

    schema_version: int
    role: RoleRef
    comes_from: list[TreeLine]
    leads_to: list[TreeLine]
    sources: Sources


class CareerPathOutput(TypedDict):
    """salesroles career ROLE --to ROLE --json"""

    schema_version: int
    start: RoleRef
    goal: RoleRef
    reachable: bool
    moves: list[MoveOut] | None  # null: no path in the dataset
    headlines: dict[str, HeadlineOut]  # what each role on the path is (scope)
    sources: Sources


class SearchHit(TypedDict):
    role: RoleRef | None  # null: a contrast or a disagreement
    dimension: str
    text: str


class SearchOutput(TypedDict):
    """salesroles search TEXT --json"""

    schema_version: int
    term: str
    hits: list[SearchHit]


class Corrected(TypedDict):
    typed: str
    read_as: str


class AlternativeOut(TypedDict):
    id: str
    why: str


class WhichRow(TypedDict):
    title: str
    role: RoleRef | None
    how: Literal[
        "exact", "alias", "qualifiers set aside", "typo corrected", "other language",
        "nearest role", "ambiguous", "none",
    ]  # fmt: skip
    read_as: str | None
    level: list[str]  # SVP, EVP, AVP, Group, Global: kept, never dropped
    set_aside: list[str]  # qualifiers and posting noise, as typed
    corrected: list[Corrected]
    lang: str | None  # of the dataset title it matched
    note: str | None  # a title beside the role: how it differs
    reason: str | None  # why it means no role
    other_meanings: str | None
    candidates: list[str]
    suggestions: list[str]
    alternatives: list[AlternativeOut]
    sources: list[str]  # of the dataset title it matched
    codes: list[CodeOut]  # the official occupation codes of the role


class WhichOutput(TypedDict):
    """salesroles which TITLE... --json"""

    schema_version: int
    titles: list[WhichRow]
    sources: Sources


class SheetRow(TypedDict):
    cells: list[str]  # the row as read, every column kept
    match: WhichRow


class SheetOutput(TypedDict):
    """salesroles which --from FILE.csv --column NAME --json"""

    schema_version: int
    columns: list[str]
    title_column: int  # from 0
    rows: list[SheetRow]
    sources: Sources


class SourceUseOut(SourceOut):
    point_count: int  # how many points of the dataset (or of the role) it backs
    roles: list[RoleRef]  # the roles whose points it backs


class SourcesOutput(TypedDict):
    """salesroles sources [ROLE] --json"""

    schema_version: int
    role: RoleRef | None
    sources: dict[str, SourceUseOut]  # by id, as every output's sources map


class ReasonOut(TypedDict):
    """What the sources say about a role on one answer, and the point that says so."""

    question: str  # size | horizon | scope | budget | team | leads
    answer: str
    verdict: Literal["fits", "partly", "unknown", "contradicts"]  # unknown: not covered
    dimension: str | None  # the dimension whose structured value decided it
    value: Any  # that value (leads: {"functions", "sometimes"}); null when unknown
    sentence: str  # the reason in words, as the table and Markdown say it
    point: HeadlineOut | None  # the sourced point, headline or hiring advice behind it


class AdvisedRole(RoleRef):
    decided_by: str | None  # the answer that ranks it above (or below) the other advised role
    reasons: list[ReasonOut]  # one per question, in the order asked


class RuledOut(RoleRef):
    clashes: list[str]  # the questions whose answers its values contradict, deciding first
    reasons: list[ReasonOut]  # the same, each with the point that says so
    assumed_only: bool  # only answers assumed, not given, rule it out


class SizeOut(HeadlineOut):
    id: str  # founding | small | mid | large


class HiringOut(HeadlineOut):
    roles: list[RoleRef]  # the roles the advice speaks of


class StageAdviceOut(TypedDict):
    topic: str
    disputed: bool  # the sources disagree on it: every side is in advice, none averaged
    disagreement: str | None  # the dataset's [[disagreements]] topic it belongs to
    advice: list[HiringOut]


class AdviceOutput(TypedDict):
    """salesroles advise --json"""

    schema_version: int
    answers: dict[str, str]
    assumed: list[str]
    size: SizeOut | None  # the asked company size, as the sources define it
    recommended: AdvisedRole | None  # always a role the sources place at that size
    runner_up: AdvisedRole | None  # with no recommendation: the nearest role, not ruled out
    ruled_out: list[RuledOut]
    stage_advice: list[StageAdviceOut]  # what the sources advise at that size, by topic
    sources: Sources


# Each command's --json output (two for career and which: with --to, with --from).
COMMANDS: dict[str, tuple[Any, ...]] = {
    "list": (ListOutput,),
    "show": (ShowOutput,),
    "compare": (CompareOutput,),
    "career": (CareerTreeOutput, CareerPathOutput),
    "search": (SearchOutput,),
    "which": (WhichOutput, SheetOutput),
    "sources": (SourcesOutput,),
    "advise": (AdviceOutput,),
}
OUTPUTS: tuple[Any, ...] = tuple(shape for shapes in COMMANDS.values() for shape in shapes)
