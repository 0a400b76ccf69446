"""What each command asks of a catalog. Pure functions: data in, plain results out.

Results hold data only (roles, values, points with their source ids, the sources
they cite); the words a reader sees are the renderers' business.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from salesroles import names
from salesroles.catalog import Catalog, Edge, Match, Unmatched
from salesroles.errors import DataError, UsageError
from salesroles.models import (
    CORE_DIMENSIONS,
    DIMENSIONS,
    STRUCTURED,
    Contrast,
    Disagreement,
    Frozen,
    Move,
    Point,
    Role,
    Source,
    record,
)

# --- results -------------------------------------------------------------------


@record
class Cell(Frozen):
    """One role's value in one dimension: its structured values, then its points."""

    values: dict[str, Any]  # e.g. {"level": "company"}; career: comes_from / leads_to
    points: tuple[Point, ...]

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


@record
class Comparison(Frozen):
    """The answer of compare."""

    roles: tuple[Role, ...]
    rows: tuple[Row, ...]
    contrasts: tuple[Contrast, ...]
    disagreements: tuple[Disagreement, ...]
    diff_only: bool
    omitted: int  # dimensions left out by default (0 when all or --only)
    library: dict[str, Source]
    names: dict[str, str]


@record
class Step(Frozen):
    """One move of a career path or tree, with what it takes."""

    source: Role
    target: tuple[Role, ...]
    move: Move


@record
class TreeNode(Frozen):
    """A move in a career tree: the roles it reaches (or comes from), then onward moves.

    A role is followed once per tree: a later move to it has ``seen`` set and no children.
    """

    roles: tuple[Role, ...]
    step: Step
    children: tuple[TreeNode, ...]
    seen: bool = False


@record
class CareerTree(Frozen):
    """The answer of career ROLE."""

    role: Role
    comes_from: tuple[TreeNode, ...]
    leads_to: tuple[TreeNode, ...]
    library: dict[str, Source]


@record
class CareerPath(Frozen):
    """The answer of career ROLE --to ROLE."""

    start: Role
    goal: Role
    steps: tuple[Step, ...] | None  # None: the dataset has no path
    library: dict[str, Source]


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
    """One title given to which: the role it means, or what is close."""

    typed: str
    match: Match | None
    candidates: tuple[str, ...]  # ambiguous: the roles it could be
    suggestions: tuple[str, ...]  # unmatched: close role ids


@record
class Identification(Frozen):
    """The answer of which."""

    titles: tuple[Identified, ...]


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


@record
class Reason(Frozen):
    """Why advise recommends a role: one answer, the role's value, and the point behind it."""

    question: str
    answer: str
    dimension: str
    value: Any
    point: Point | None


@record
class Recommendation(Frozen):
    role: Role
    reasons: tuple[Reason, ...]


@record
class Exclusion(Frozen):
    """A role of the asked-for scope that an answer rules out, and which answers do."""

    role: Role
    clashes: tuple[str, ...]  # question names


@record
class Advice(Frozen):
    """The answer of advise: a role, a runner-up, and why, from the dataset."""

    answers: dict[str, str]
    assumed: tuple[str, ...]  # answers that were not given, so took their default
    best: Recommendation | None  # None: no role fits every answer
    runner_up: Recommendation | None
    ruled_out: tuple[Exclusion, ...]  # roles of the right scope that an answer contradicts
    library: dict[str, Source]


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

# --- dimensions --------------------------------------------------------------


def parse_dimensions(text: str | None, default: Sequence[str] | None = None) -> tuple[str, ...]:
    """``"budget, metrics"`` as dimension names; ``default`` (else all) when ``text`` is None."""
    if text is None:
        return tuple(default or DIMENSIONS)
    by_name = {names.slug(n): n for n in DIMENSIONS} | {
        names.slug(v): n for n, v in DIMENSIONS.items()
    }
    chosen: list[str] = []
    for part in text.split(","):
        if not part.strip():
            continue
        name = by_name.get(names.slug(part))
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
        came = list(dict.fromkeys(e.source for e in catalog.moves_into(role.id)))
        goes = list(dict.fromkeys(e.target for e in catalog.moves_from(role.id)))
        if not came and not goes:
            return None
        return Cell({"comes_from": came, "leads_to": goes}, ())
    value = getattr(role, dimension)
    if value is None:
        return None
    structured = {
        f: getattr(value, f) for f in STRUCTURED.get(dimension, ()) if getattr(value, f) != ()
    }
    return Cell({k: v for k, v in structured.items() if v is not None}, value.points)


def _rows(catalog: Catalog, roles: Sequence[Role], dimensions: Iterable[str]) -> tuple[Row, ...]:
    return tuple(Row(d, tuple(cell(catalog, r, d) for r in roles)) for d in dimensions)


def _names(catalog: Catalog) -> dict[str, str]:
    titles: dict[str, str] = catalog.index["titles"]
    return {**catalog.executives, **titles}


def _library(catalog: Catalog, ids: Iterable[str]) -> dict[str, Source]:
    """The sources behind ``ids``, by id, in the order first cited."""
    by_id = {s.id: s for s in catalog.sources}
    return {i: by_id[i] for i in dict.fromkeys(ids) if i in by_id}


def _cited(rows: Iterable[Row]) -> list[str]:
    ids: list[str] = []
    for row in rows:
        for c in row.cells:
            if c is None:
                continue
            for p in c.points:
                ids += p.sources
            ids += [f.source for f in c.values.get("figures", ())]
    return ids


def _shown(items: Iterable[Any], dimensions: Sequence[str], chosen: bool) -> tuple[Any, ...]:
    """Contrasts or disagreements that belong with the dimensions shown.

    With dimensions chosen (``--only``, ``--diff``), only those about one of them.
    """
    wanted = set(dimensions)
    return tuple(i for i in items if not chosen or wanted & set(i.dimensions))


# --- the queries -------------------------------------------------------------


def list_roles(catalog: Catalog) -> Listing:
    """Every role, each before the roles it reports to; unordered roles keep the file's order."""
    ids = list(catalog.order)
    above = {i: tuple(catalog.reports_to(i)) for i in ids}
    below: dict[str, list[str]] = {}
    for role_id, bosses in above.items():
        for boss in bosses:
            if boss in above:
                below.setdefault(boss, []).append(role_id)
    waiting = {i: len(below.get(i, [])) for i in ids}  # subordinates not yet placed
    position = {i: n for n, i in enumerate(ids)}
    import heapq

    ready = [(position[i], i) for i in ids if waiting[i] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, here = heapq.heappop(ready)
        order.append(here)
        for boss in above[here]:
            if boss in waiting:
                waiting[boss] -= 1
                if waiting[boss] == 0:
                    heapq.heappush(ready, (position[boss], boss))
    placed = set(order)
    order += [i for i in ids if i not in placed]  # a reporting loop: file order
    return Listing(tuple(catalog.roles[i] for i in order), above, _names(catalog))


def profile(
    catalog: Catalog, name: str, dimensions: Sequence[str], chosen: bool = False
) -> Profile:
    role = catalog.resolve(name)
    rows = _rows(catalog, [role], dimensions)
    disagreements = _shown(catalog.disagreements([role.id]), dimensions, chosen)
    ids = [*role.summary.sources, *_cited(rows)]
    ids += [p.source for d in disagreements for p in d.positions]
    return Profile(role, rows, disagreements, _library(catalog, ids), _names(catalog))


def compare(
    catalog: Catalog,
    names_: Sequence[str],
    dimensions: Sequence[str],
    diff_only: bool = False,
    chosen: bool = False,
) -> Comparison:
    if len(names_) < 2:
        raise UsageError(
            "compare needs at least two roles, for example: salesroles compare head director"
        )
    roles = tuple(catalog.resolve(n) for n in names_)
    ids = [r.id for r in roles]
    if len(set(ids)) < len(ids):
        twice = next(i for i in ids if ids.count(i) > 1)
        raise UsageError(f"The role {twice!r} is named twice; compare needs different roles.")
    rows = _rows(catalog, roles, dimensions)
    if diff_only:
        rows = tuple(row for row in rows if row.differs)
    shown = [row.dimension for row in rows]
    narrowed = chosen or diff_only
    contrasts = _shown(catalog.contrasts(ids), shown, narrowed)
    disagreements = _shown(catalog.disagreements(ids), shown, narrowed)
    omitted = len(DIMENSIONS) - len(dimensions) if tuple(dimensions) == CORE_DIMENSIONS else 0
    cited = _cited(rows) + [c.source for c in contrasts]
    cited += [p.source for d in disagreements for p in d.positions]
    return Comparison(
        roles,
        rows,
        contrasts,
        disagreements,
        diff_only,
        omitted,
        _library(catalog, cited),
        _names(catalog),
    )


def career_tree(catalog: Catalog, name: str) -> CareerTree:
    """Where a role comes from and leads to, each role followed once (later: ``seen``).

    Built breadth-first with explicit queues, so output and time grow with the number
    of moves, never the number of paths, and no chain is too long.
    """
    role = catalog.resolve(name)
    up = _tree(catalog, role, upward=True)
    down = _tree(catalog, role, upward=False)
    cited = [n.step.move.source for n in _walk((*up, *down))]
    return CareerTree(role, up, down, _library(catalog, cited))


def _walk(nodes: Iterable[TreeNode]) -> Iterable[TreeNode]:
    stack = list(nodes)
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children)


def _tree(catalog: Catalog, role: Role, *, upward: bool) -> tuple[TreeNode, ...]:
    """The moves into (upward) or out of ``role``, and onward, as nested nodes.

    Each role's onward moves are listed once, under the first move that reaches it
    (breadth-first: the shortest way); every later move to it is marked ``seen``.
    """
    expanded = {role.id}
    # each entry: (the moves out of/into one role, where to put the nodes made)
    plan: list[tuple[str, list[Any]]] = []
    top: list[Any] = []
    plan.append((role.id, top))
    made: list[tuple[list[Any], Role | tuple[Role, ...], Step, list[Any], bool]] = []
    i = 0
    while i < len(plan):
        here, into = plan[i]
        i += 1
        for roles, step in _moves(catalog, here, upward):
            fresh = [r for r in roles if r.id not in expanded]
            children: list[Any] = []
            # "seen": its roles lead on, and that is shown where they first appear
            onward = any(_has_moves(catalog, r.id, upward) for r in roles)
            entry = (into, roles, step, children, not fresh and onward)
            made.append(entry)
            into.append(entry)
            for r in fresh:
                expanded.add(r.id)
                plan.append((r.id, children))
    return tuple(_freeze(e) for e in top)


def _freeze(entry: tuple[list[Any], Any, Step, list[Any], bool]) -> TreeNode:
    """Nested entries as TreeNodes, built from the leaves up (no recursion)."""
    done: dict[int, TreeNode] = {}
    stack = [(entry, False)]
    while stack:
        item, ready = stack.pop()
        if ready:
            _, roles, step, children, seen = item
            done[id(item)] = TreeNode(
                tuple(roles), step, tuple(done[id(c)] for c in children), seen
            )
        else:
            stack.append((item, True))
            stack.extend((c, False) for c in item[3])
    return done[id(entry)]


def _has_moves(catalog: Catalog, role_id: str, upward: bool) -> bool:
    return bool(catalog.moves_into(role_id) if upward else catalog.moves_from(role_id))


def _moves(catalog: Catalog, role_id: str, upward: bool) -> list[tuple[tuple[Role, ...], Step]]:
    if upward:
        return [
            ((catalog.roles[e.source],), _step(catalog, e)) for e in catalog.moves_into(role_id)
        ]
    role = catalog.roles[role_id]
    found = []
    for move in role.career:
        targets = tuple(catalog.roles[t] for t in move.to)
        found.append((targets, Step(role, targets, move)))
    return found


def _step(catalog: Catalog, edge: Edge) -> Step:
    return Step(catalog.roles[edge.source], (catalog.roles[edge.target],), catalog.move(edge))


def career_path(catalog: Catalog, start: str, goal: str) -> CareerPath:
    first, last = catalog.resolve(start), catalog.resolve(goal)
    if first.id == last.id:
        raise UsageError(f"--to names the same role as the start ({first.id!r}).")
    edges = catalog.shortest_path(first.id, last.id)
    steps = None if edges is None else tuple(_step(catalog, e) for e in edges)
    cited = [s.move.source for s in steps or ()]
    return CareerPath(first, last, steps, _library(catalog, cited))


def search(catalog: Catalog, term: str) -> SearchResult:
    """Where the dataset's own text mentions ``term``: never the tool's labels."""
    needle = term.strip().casefold()
    if not needle:
        raise UsageError(
            "search needs some text to look for, for example: salesroles search budget"
        )
    hits: list[Hit] = []
    for role in catalog:
        texts: list[tuple[str, str]] = [("title", role.title), ("summary", role.summary.text)]
        texts += [("aliases", a) for a in role.aliases]
        texts += [("titles", t.text) for t in role.titles]
        for dim in DIMENSIONS:
            value = getattr(role, dim) if dim != "career" else None
            if value is not None:
                texts += [(dim, p.text) for p in value.points]
                texts += [(dim, f.covers) for f in getattr(value, "figures", ()) if f.covers]
        for move in role.career:
            parts = (
                *move.steps,
                *move.skills,
                *move.education,
                *([move.note] if move.note else []),
            )
            texts += [("career", t) for t in parts]
        hits += [Hit(role, where, text) for where, text in texts if needle in text.casefold()]
    for contrast in catalog.contrast_list:
        if needle in contrast.text.casefold() or needle in contrast.topic.casefold():
            hits.append(Hit(None, "contrast", contrast.text))
    for disagreement in catalog.disagreement_list:
        for position in disagreement.positions:
            if needle in position.text.casefold():
                hits.append(Hit(None, "disagreement", position.text))
    return SearchResult(term.strip(), tuple(hits))


def which(catalog: Catalog, titles: Sequence[str]) -> Identification:
    """Which role each real-world title means, how it was read, or what is close."""
    found: dict[str, Identified] = {}  # a column of titles repeats itself: read each once
    for typed in titles:
        if typed in found:
            continue
        try:
            found[typed] = Identified(typed, catalog.match(typed), (), ())
        except Unmatched as miss:
            ambiguous = "ambiguous" in str(miss)
            found[typed] = Identified(
                typed,
                None,
                miss.suggestions if ambiguous else (),
                () if ambiguous else miss.suggestions,
            )
    return Identification(tuple(found[t] for t in titles))


def sources(catalog: Catalog, name: str | None = None) -> SourceList:
    """Every source (or those of one role), with how many points each backs."""
    role = catalog.resolve(name) if name else None
    counts: dict[str, int] = {}
    users: dict[str, list[str]] = {}

    def count(ids: Iterable[str], who: str | None) -> None:
        for i in ids:
            counts[i] = counts.get(i, 0) + 1
            if who and who not in users.setdefault(i, []):
                users[i].append(who)

    for r in [role] if role else list(catalog):
        count(r.summary.sources, r.id)
        for t in r.titles:
            count(t.sources, r.id)
        for dim in DIMENSIONS:
            value = getattr(r, dim) if dim != "career" else None
            if value is not None:
                for p in value.points:
                    count(p.sources, r.id)
                count((f.source for f in getattr(value, "figures", ())), r.id)
        count((m.source for m in r.career), r.id)
    ids = [role.id] if role else None
    for c in catalog.contrasts(ids) if ids else catalog.contrast_list:
        if not ids or (role and role.id in c.roles):
            count([c.source], None)
    for d in catalog.disagreements(ids) if ids else catalog.disagreement_list:
        count((p.source for p in d.positions), None)
    listed = [s for s in catalog.sources if s.id in counts or not role]
    return SourceList(
        role,
        tuple(SourceUse(s, counts.get(s.id, 0), tuple(users.get(s.id, []))) for s in listed),
    )


# --- advise: whom to hire ------------------------------------------------------

QUESTIONS: dict[str, tuple[str, tuple[str, ...], str]] = {
    # name: (question, choices, default)
    "size": ("How big is the company?", ("founding", "small", "mid", "large"), "small"),
    "horizon": ("What must the hire deliver first?", ("short", "long"), "short"),
    "scope": ("What will the hire be responsible for?", ("team", "region", "company"), "team"),
    "budget": ("Will the hire own a budget?", ("yes", "no"), "no"),
    "team": ("Is there a sales team already?", ("yes", "no"), "yes"),
}


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


# Which structured values fit each answer: (dimension, field, values that fit,
# values that contradict). A value in neither says nothing either way.
_SCOPE: dict[str, set[Any]] = {
    "team": {"team"},
    "region": {"region", "division"},
    "company": {"company"},
}
_LEVELS: set[Any] = {"company", "division", "region", "team"}
_BUDGETS: set[Any] = {"company", "department", "region"}
_NONE: set[Any] = {"none"}
_HORIZONS: set[Any] = {"short", "long"}
_NOTHING: set[Any] = set()


def _signals(answers: dict[str, str]) -> list[tuple[str, str, str, set[Any], set[Any]]]:
    horizon = answers["horizon"]
    scope = _SCOPE[answers["scope"]]
    owns_budget = answers["budget"] == "yes"
    found: list[tuple[str, str, str, set[Any], set[Any]]] = [
        ("size", "stage", "company_size", {answers["size"]}, _NOTHING),
        ("horizon", "focus", "horizon", {horizon}, _HORIZONS - {horizon}),
        ("scope", "scope", "level", scope, _LEVELS - scope),
        (
            "budget",
            "budget",
            "level",
            _BUDGETS if owns_budget else _NONE,
            _NONE if owns_budget else _BUDGETS,
        ),
    ]
    if answers["team"] == "no":  # the hire must build the team
        found.append(("team", "team", "builds_team", {True}, {False}))
    return found


def advise(catalog: Catalog, answers: dict[str, str], assumed: tuple[str, ...] = ()) -> Advice:
    """Recommend a role for these answers, from the roles' structured, sourced values only.

    A role is a candidate only if its scope level fits the scope asked for; a role
    whose values contradict any answer is never recommended (it is listed as ruled
    out). Candidates rank by how many answers their values support, each support a
    reason with the point behind it.
    """
    signals = _signals(answers)
    ranked: list[tuple[int, int, Recommendation]] = []
    ruled_out: list[Exclusion] = []
    informative = False
    for order, role in enumerate(catalog):
        reasons: list[Reason] = []
        clashes: list[str] = []
        for question, dimension, field, fits, contradicts in signals:
            value = getattr(role, dimension)
            actual = getattr(value, field) if value is not None else None
            if actual in (None, ()):
                continue
            informative = True
            values = set(actual) if isinstance(actual, tuple) else {actual}
            if values & fits:
                point = value.points[0] if value.points else None
                reasons.append(Reason(question, answers[question], dimension, actual, point))
            elif field == "company_size" or values & contradicts:
                clashes.append(question)
        if "scope" not in {r.question for r in reasons} and "scope" not in clashes:
            continue  # no scope level the sources support: not a candidate for this answer
        if clashes:
            if "scope" not in clashes:
                ruled_out.append(Exclusion(role, tuple(clashes)))
            continue
        ranked.append((len(reasons), -order, Recommendation(role, tuple(reasons))))
    if not informative:
        raise DataError(
            f"advise needs roles with structured values (scope level, focus horizon, "
            f"budget level, stage or team); {catalog.origin!r} has none."
        )
    ranked.sort(key=lambda item: (item[0], item[1]), reverse=True)
    best = ranked[0][2] if ranked else None
    runner_up = ranked[1][2] if len(ranked) > 1 else None
    cited = [
        s
        for rec in (best, runner_up)
        if rec
        for reason in rec.reasons
        if reason.point
        for s in reason.point.sources
    ]
    return Advice(answers, assumed, best, runner_up, tuple(ruled_out), _library(catalog, cited))
