"""What each command asks of a catalog. Pure functions: data in, plain results out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from salesroles.catalog import Catalog, Edge, normalize
from salesroles.errors import UsageError
from salesroles.models import (
    CORE_DIMENSIONS,
    DIMENSIONS,
    Compensation,
    Contrast,
    Figure,
    Frozen,
    Move,
    Role,
)

NOT_COVERED = "not covered by the sources"

# Results are frozen like the models, and for the same reason built on models.Frozen:
# a plain dataclass or NamedTuple compiles generated methods at every start-up.


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Cell(Frozen):
    """One role's value in one dimension: structured facts in words, then points."""

    facts: tuple[str, ...]
    points: tuple[str, ...]
    data: dict[str, Any]  # the JSON value: structured fields and points

    @property
    def key(self) -> object:
        """What ``compare --diff`` compares: the structured fields, not the wording."""
        return {k: v for k, v in self.data.items() if k != "points"} or "covered"


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Row(Frozen):
    """One dimension across the roles being shown."""

    dimension: str
    label: str
    cells: tuple[Cell | None, ...]

    @property
    def differs(self) -> bool:
        return len({repr(c.key if c else None) for c in self.cells}) > 1


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Comparison(Frozen):
    """The answer of compare."""

    roles: tuple[Role, ...]
    rows: tuple[Row, ...]
    contrasts: tuple[Contrast, ...]
    diff_only: bool
    omitted: int  # dimensions left out by the default choice of the six core ones


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Profile(Frozen):
    """The answer of show."""

    role: Role
    rows: tuple[Row, ...]  # one cell each
    sources: tuple[str, ...]


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Step(Frozen):
    """One move of a career path or tree, with what it takes."""

    source: Role
    target: tuple[Role, ...]
    move: Move


@dataclass(init=False, eq=False, repr=False, match_args=False)
class TreeNode(Frozen):
    """A move in a career tree: the roles it reaches (or comes from), then onward moves."""

    roles: tuple[Role, ...]
    step: Step
    children: tuple[TreeNode, ...]


@dataclass(init=False, eq=False, repr=False, match_args=False)
class CareerTree(Frozen):
    """The answer of career ROLE."""

    role: Role
    comes_from: tuple[TreeNode, ...]
    leads_to: tuple[TreeNode, ...]


@dataclass(init=False, eq=False, repr=False, match_args=False)
class CareerPath(Frozen):
    """The answer of career ROLE --to ROLE."""

    start: Role
    goal: Role
    steps: tuple[Step, ...] | None  # None: the dataset has no path


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Listing(Frozen):
    """The answer of list."""

    roles: tuple[Role, ...]


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Hit(Frozen):
    """One place where the search text occurs."""

    role: Role | None  # None for a contrast between roles
    where: str
    text: str


@dataclass(init=False, eq=False, repr=False, match_args=False)
class SearchResult(Frozen):
    """The answer of search."""

    term: str
    hits: tuple[Hit, ...]


# --- dimensions --------------------------------------------------------------


def parse_dimensions(text: str | None, default: Sequence[str] | None = None) -> tuple[str, ...]:
    """``"budget, metrics"`` as dimension names; ``default`` (else all) when ``text`` is None."""
    if text is None:
        return tuple(default or DIMENSIONS)
    by_name = {normalize(n): n for n in DIMENSIONS} | {
        normalize(v): n for n, v in DIMENSIONS.items()
    }
    chosen: list[str] = []
    for part in text.split(","):
        if not part.strip():
            continue
        name = by_name.get(normalize(part))
        if name is None:
            raise UsageError(
                f"Unknown dimension {part.strip()!r}. Choose from: {', '.join(DIMENSIONS)}."
            )
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise UsageError(f"--only needs at least one dimension: {', '.join(DIMENSIONS)}.")
    return tuple(chosen)


def cell(catalog: Catalog, role: Role, dimension: str) -> Cell | None:
    """``role``'s value in ``dimension``, or None where the sources say nothing."""
    if dimension == "career":
        return _career_cell(catalog, role)
    value = getattr(role, dimension)
    if value is None:
        return None
    fields = asdict(value)
    data = {k: v for k, v in fields.items() if k != "points"} | {"points": fields["points"]}
    facts: list[str] = []
    if dimension == "scope" and value.level:
        facts.append(f"Level: {value.level}")
    elif dimension == "focus":
        facts += [f"Horizon: {value.horizon}"] if value.horizon else []
        facts += [f"Orientation: {value.orientation}"] if value.orientation else []
    elif dimension == "reporting" and value.reports_to:
        facts.append("Reports to: " + ", ".join(catalog.title_of(r) for r in value.reports_to))
    elif dimension == "budget" and value.level:
        facts.append(f"Level: {value.level}")
    elif isinstance(value, Compensation):
        facts += [describe_figure(f) for f in value.figures]
    return Cell(tuple(facts), value.points, data)


def _career_cell(catalog: Catalog, role: Role) -> Cell | None:
    came = list(dict.fromkeys(e.source for e in catalog.moves_into(role.id)))
    goes = list(dict.fromkeys(e.target for e in catalog.moves_from(role.id)))
    if not came and not goes:
        return None
    facts = []
    if came:
        facts.append("Comes from: " + ", ".join(catalog.title_of(r) for r in came))
    if goes:
        facts.append("Leads to: " + ", ".join(catalog.title_of(r) for r in goes))
    return Cell(tuple(facts), (), {"comes_from": came, "leads_to": goes})


def describe_figure(figure: Figure) -> str:
    """A pay figure in words, with its caveat and source: figures never travel bare."""
    if figure.amount is not None:
        amount = f"{figure.amount:,}"
    else:
        amount = f"{figure.low or 0:,}–{figure.high or 0:,}"
    where = ", ".join(str(x) for x in (figure.kind, figure.region, figure.year) if x)
    note = f" {figure.note}" if figure.note else ""
    return f"{figure.currency} {amount} a {figure.period} ({where}).{note} Source: {figure.source}."


# --- the queries -------------------------------------------------------------


def list_roles(catalog: Catalog) -> Listing:
    return Listing(tuple(sorted(catalog, key=lambda r: r.seniority)))


def profile(catalog: Catalog, name: str, dimensions: Sequence[str]) -> Profile:
    role = catalog.resolve(name)
    rows = tuple(Row(d, DIMENSIONS[d], (cell(catalog, role, d),)) for d in dimensions)
    return Profile(role, rows, role.sources)


def compare(
    catalog: Catalog, names: Sequence[str], dimensions: Sequence[str], diff_only: bool = False
) -> Comparison:
    if len(names) < 2:
        raise UsageError(
            "compare needs at least two roles, for example: salesroles compare head director"
        )
    roles = tuple(catalog.resolve(n) for n in names)
    ids = [r.id for r in roles]
    if len(set(ids)) < len(ids):
        twice = next(i for i in ids if ids.count(i) > 1)
        raise UsageError(f"The role {twice!r} is named twice; compare needs different roles.")
    rows = tuple(
        Row(d, DIMENSIONS[d], tuple(cell(catalog, r, d) for r in roles)) for d in dimensions
    )
    if diff_only:
        rows = tuple(row for row in rows if row.differs)
    core_only = tuple(dimensions) == CORE_DIMENSIONS
    omitted = len(DIMENSIONS) - len(CORE_DIMENSIONS) if core_only else 0
    return Comparison(roles, rows, tuple(catalog.contrasts(ids)), diff_only, omitted)


def career_tree(catalog: Catalog, name: str) -> CareerTree:
    role = catalog.resolve(name)
    return CareerTree(
        role,
        _grow(catalog, role, upward=True, seen={role.id}),
        _grow(catalog, role, upward=False, seen={role.id}),
    )


def _grow(catalog: Catalog, role: Role, *, upward: bool, seen: set[str]) -> tuple[TreeNode, ...]:
    """The moves into (upward) or out of a role, each followed on until a role repeats."""
    nodes = []
    if upward:
        for edge in catalog.moves_into(role.id):
            if edge.source in seen:
                continue
            other = catalog.roles[edge.source]
            children = _grow(catalog, other, upward=True, seen=seen | {other.id})
            nodes.append(TreeNode((other,), _step(catalog, edge), children))
        return tuple(nodes)
    for move in role.career:
        targets = tuple(catalog.roles[t] for t in move.to if t not in seen)
        if not targets:
            continue
        onward = seen | {t.id for t in targets}
        children = tuple(n for t in targets for n in _grow(catalog, t, upward=False, seen=onward))
        nodes.append(TreeNode(targets, Step(role, targets, move), children))
    return tuple(nodes)


def _step(catalog: Catalog, edge: Edge) -> Step:
    return Step(catalog.roles[edge.source], (catalog.roles[edge.target],), catalog.move(edge))


def career_path(catalog: Catalog, start: str, goal: str) -> CareerPath:
    first, last = catalog.resolve(start), catalog.resolve(goal)
    if first.id == last.id:
        raise UsageError(f"--to names the same role as the start ({first.id!r}).")
    edges = catalog.shortest_path(first.id, last.id)
    steps = None if edges is None else tuple(_step(catalog, e) for e in edges)
    return CareerPath(first, last, steps)


def search(catalog: Catalog, term: str) -> SearchResult:
    needle = term.strip().casefold()
    if not needle:
        raise UsageError(
            "search needs some text to look for, for example: salesroles search budget"
        )
    hits: list[Hit] = []
    for role in catalog:
        texts: list[tuple[str, str]] = [("Title", role.title), ("Summary", role.summary)]
        texts += [("Aliases", a) for a in role.aliases]
        for dim, label in DIMENSIONS.items():
            found = cell(catalog, role, dim) if dim != "career" else None
            if found:
                texts += [(label, t) for t in (*found.facts, *found.points)]
        for move in role.career:
            texts += [("Career", t) for t in (*move.steps, *move.skills, *move.education)]
        hits += [Hit(role, where, text) for where, text in texts if needle in text.casefold()]
    for contrast in catalog.dataset.contrasts:
        if needle in contrast.text.casefold() or needle in contrast.topic.casefold():
            where = " vs ".join(catalog.title_of(r) for r in contrast.roles) + f": {contrast.topic}"
            hits.append(Hit(None, where, contrast.text))
    return SearchResult(term.strip(), tuple(hits))


def validation_summary(catalog: Catalog) -> str:
    """What ``data validate`` says of a file that passed every check."""
    count = len(catalog.roles)
    if catalog.extends:
        return f"{catalog.origin}: valid; with the bundled roles, {count} roles in all."
    return f"{catalog.origin}: valid; {count} role{'s' if count != 1 else ''}."


# --- advise: whom to hire ------------------------------------------------------

QUESTIONS: dict[str, tuple[str, tuple[str, ...], str]] = {
    # name: (question, choices, default)
    "size": ("How big is the company?", ("founding", "small", "mid", "large"), "small"),
    "horizon": (
        "What must the hire deliver first?",
        ("short", "long"),  # this quarter's numbers, or long-term growth
        "short",
    ),
    "scope": ("What will the hire be responsible for?", ("team", "region", "company"), "team"),
    "budget": ("Will the hire own a budget?", ("yes", "no"), "no"),
    "team": ("Is there a sales team already?", ("yes", "no"), "yes"),
}
CHOICE_LABELS: dict[str, dict[str, str]] = {
    "size": {
        "founding": "founding team",
        "small": "small company",
        "mid": "mid-size company",
        "large": "large company",
    },
    "horizon": {"short": "this quarter's numbers", "long": "long-term growth"},
    "scope": {"team": "one team", "region": "a region", "company": "the whole company"},
    "budget": {"yes": "owns a budget", "no": "no budget of its own"},
    "team": {"yes": "a sales team exists", "no": "no sales team yet"},
}


@dataclass(init=False, eq=False, repr=False, match_args=False)
class Advice(Frozen):
    """The answer of advise: a role, a runner-up, and why, from the dataset."""

    answers: dict[str, str]
    assumed: tuple[str, ...]  # answers that were not given, so took their default
    best: Role
    runner_up: Role
    reasons: tuple[str, ...]
    runner_up_reasons: tuple[str, ...]

    @property
    def described(self) -> str:
        """The answers in words: "small company, this quarter's numbers, ..."."""
        return ", ".join(CHOICE_LABELS[name][value] for name, value in self.answers.items())

    @property
    def compare_command(self) -> str:
        return f"salesroles compare {self.best.id} {self.runner_up.id}"


def complete_answers(given: dict[str, str | None]) -> tuple[dict[str, str], tuple[str, ...]]:
    """Every answer, defaults filled in, and which were filled; UsageError on a bad one."""
    answers: dict[str, str] = {}
    assumed: list[str] = []
    for name, (_, choices, default) in QUESTIONS.items():
        value = given.get(name)
        if value is None:
            answers[name] = default
            assumed.append(name)
        elif value not in choices:
            raise UsageError(f"--{name} must be one of {', '.join(choices)}, not {value!r}.")
        else:
            answers[name] = value
    return answers, tuple(assumed)


_SCOPE_FIT = {
    "team": {"team": 3},
    "region": {"region": 3, "division": 2},
    "company": {"company": 3},
}
_HORIZON_FIT = {"short": {"short": 2, "medium": 1}, "long": {"long": 2, "medium": 1}}


def advise(catalog: Catalog, answers: dict[str, str], assumed: tuple[str, ...] = ()) -> Advice:
    """Recommend a role for these answers, with the dataset's own reasons."""
    scored: list[tuple[int, int, Role, list[str]]] = []
    for order, role in enumerate(catalog):
        if not (role.scope and role.scope.level and role.focus):
            continue  # the sources say too little about it to recommend it
        score, reasons = 0, []
        fit = _SCOPE_FIT[answers["scope"]].get(role.scope.level, 0)
        score += fit
        if fit and role.scope.points:
            reasons.append(f"Scope: {role.scope.points[0]}")
        fit = _HORIZON_FIT[answers["horizon"]].get(role.focus.horizon or "", 0)
        score += fit
        if fit and role.focus.points:
            reasons.append(f"Focus: {role.focus.points[0]}")
        owns_budget = bool(role.budget and role.budget.level not in (None, "none"))
        if answers["budget"] == "yes" and owns_budget and role.budget:
            score += 2
            reasons.append(
                f"Budget: {role.budget.points[0] if role.budget.points else role.budget.level}"
            )
        elif answers["budget"] == "no" and not owns_budget:
            score += 1
        score += _article_rules(catalog, role, answers, reasons)
        scored.append((score, -order, role, reasons))
    if len(scored) < 2:
        raise UsageError(
            "advise needs a dataset with at least two roles that have scope and focus."
        )
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    (_, _, best, why), (_, _, second, why_second) = scored[0], scored[1]
    return Advice(answers, assumed, best, second, tuple(why), tuple(why_second))


def _article_rules(
    catalog: Catalog, role: Role, answers: dict[str, str], reasons: list[str]
) -> int:
    """What the articles say outright about small companies and building a team."""
    score = 0
    small = answers["size"] in ("founding", "small")
    pair = {"manager", "director"}
    if small and role.id in pair:
        score += 1
        for contrast in catalog.contrasts(pair):
            if contrast.topic.lower().startswith("small"):
                reasons.append(f"Small companies: {contrast.text}")
    if answers["size"] == "large" and role.scope and role.scope.level in ("company", "region"):
        score += 1
    if answers["team"] == "no" and role.team:
        recruits = [p for p in role.team.points if "ecruit" in p or "ires" in p]
        if recruits:
            score += 2
            reasons.append(f"Building a team: {recruits[0]}")
    return score


Result = Comparison | Profile | CareerTree | CareerPath | Listing | SearchResult | Advice
