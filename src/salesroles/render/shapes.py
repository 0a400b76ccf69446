"""The shapes of every ``--json`` output, and their JSON Schema (``salesroles schema``).

``render.json`` is typed against these, so mypy keeps the two in step; pydantic
turns them into JSON Schema (only ``salesroles schema`` imports this module at run
time). ``render.json.OUTPUT_VERSION`` is the version of this output, apart from the
dataset file's own version: the JSON can change without rejecting anyone's dataset.
"""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict


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


class Structured(TypedDict, total=False):
    """A dimension's structured fields, where the sources support them."""

    level: str  # scope, budget
    horizon: Literal["long", "medium", "short"]
    orientation: Literal["strategic", "tactical", "mixed"]
    reports_to: list[str]
    functions: list[str]  # owns: typically
    sometimes: list[str]  # owns: at times
    company_size: list[Literal["founding", "small", "mid", "large"]]
    builds_team: bool
    figures: list[FigureOut]
    comes_from: list[str]  # career
    leads_to: list[str]


class Value(Structured):
    """One role on one dimension: structured fields, the headline, every point."""

    headline: HeadlineOut | None
    points: list[PointOut]


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
    roles: list[str]
    dimensions: list[str]
    topic: str
    positions: list[HeadlineOut]  # each side, with its sources
    kind: Literal["core", "context"]


class ShowOutput(TypedDict):
    """salesroles show ROLE --json"""

    schema_version: int
    role: ShownRole
    detail: bool
    dimensions: dict[str, Value | None]  # null: the sources say nothing
    disagreements: list[DisagreementOut]
    sources: Sources


class DimensionRow(TypedDict):
    name: str
    label: str
    differs: bool
    values: dict[str, Value | None]


class DifferenceOut(TypedDict):
    roles: list[str]
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
    dimensions: list[DimensionRow]
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


CareerPathOutput = TypedDict(
    "CareerPathOutput",
    {
        "schema_version": int,
        "from": RoleRef,
        "to": RoleRef,
        "reachable": bool,
        "steps": "list[MoveOut] | None",
        "headlines": "dict[str, HeadlineOut]",  # what each role on the path is (scope)
        "sources": Sources,
    },
)
CareerPathOutput.__doc__ = "salesroles career ROLE --to ROLE --json"


class SearchHit(TypedDict):
    role: str | None
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


class SourceRow(SourceOut):
    id: str
    points: int
    roles: list[str]


class SourcesOutput(TypedDict):
    """salesroles sources [ROLE] --json"""

    schema_version: int
    role: RoleRef | None
    sources: list[SourceRow]


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


class SizeOut(HeadlineOut):
    id: str  # founding | small | mid | large


class HiringOut(HeadlineOut):
    roles: list[str]  # the roles the advice speaks of


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


OUTPUTS: tuple[Any, ...] = (
    ListOutput,
    ShowOutput,
    CompareOutput,
    CareerTreeOutput,
    CareerPathOutput,
    SearchOutput,
    WhichOutput,
    SheetOutput,
    SourcesOutput,
    AdviceOutput,
)
