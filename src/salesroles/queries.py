"""What each command asks of a catalog. Pure functions: resolved roles in, results out.

The CLI (and the app) turn names into roles once, at the edge; queries take roles.
Results hold data only (see ``results``); the words a reader sees are the renderers'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from salesroles.catalog import Catalog, Edge
from salesroles.errors import UsageError
from salesroles.models import (
    DIMENSIONS,
    GLANCE_DIMENSIONS,
    STRENGTH,
    STRUCTURED,
    Contrast,
    Role,
    Source,
    statements,
)
from salesroles.results import (
    CareerPath,
    CareerTree,
    Cell,
    Comparison,
    Hit,
    Identification,
    Identified,
    Listing,
    Profile,
    Row,
    SearchResult,
    SourceList,
    SourceUse,
    Step,
    TreeMove,
)

if TYPE_CHECKING:
    from salesroles.spreadsheet import Sheet


def cell(catalog: Catalog, role: Role, dimension: str) -> Cell | None:
    """``role``'s value in ``dimension``, or None where the sources say nothing."""
    if dimension == "career":
        came = list(dict.fromkeys(e.source for e in catalog.moves_into(role.id)))
        goes = list(dict.fromkeys(e.target for e in catalog.moves_from(role.id)))
        if not came and not goes:
            return None
        return Cell({"comes_from": came, "leads_to": goes}, (), role.headlines.get("career"))
    value = getattr(role, dimension)
    if value is None:
        return None
    structured = {
        f: getattr(value, f) for f in STRUCTURED.get(dimension, ()) if getattr(value, f) != ()
    }
    values = {k: v for k, v in structured.items() if v is not None}
    return Cell(values, value.points, role.headlines.get(dimension))


def _rows(catalog: Catalog, roles: Sequence[Role], dimensions: Iterable[str]) -> tuple[Row, ...]:
    return tuple(Row(d, tuple(cell(catalog, r, d) for r in roles)) for d in dimensions)


def _names(catalog: Catalog) -> dict[str, str]:
    titles: dict[str, str] = catalog.index["titles"]
    return {**catalog.executives, **titles}


def library(catalog: Catalog, ids: Iterable[str]) -> dict[str, Source]:
    """The sources behind ``ids``, by id, in the order first cited."""
    cited = list(dict.fromkeys(ids))
    by_id = catalog.source_map(cited)
    return {i: by_id[i] for i in cited if i in by_id}


def _cited(rows: Iterable[Row]) -> list[str]:
    ids: list[str] = []
    for row in rows:
        for c in row.cells:
            if c is None:
                continue
            if c.headline is not None:
                ids += c.headline.sources
            for p in c.points:
                ids += p.sources
            ids += [f.source for f in c.values.get("figures", ())]
    return ids


def _shown(items: Iterable[Any], dimensions: Sequence[str]) -> tuple[Any, ...]:
    """Contrasts or disagreements about one of the dimensions shown."""
    wanted = set(dimensions)
    return tuple(i for i in items if wanted & set(i.dimensions))


def ranked(catalog: Catalog, contrasts: Iterable[Contrast]) -> tuple[Contrast, ...]:
    """Contrasts, the strongest source first: seed articles, statistics and research before
    publications, search firms, practitioners and vendors; the file's order within a kind."""
    kinds = {s.id: s.kind for s in catalog.sources}
    return tuple(sorted(contrasts, key=lambda c: STRENGTH.get(kinds.get(c.source, ""), 9)))


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
    catalog: Catalog, role: Role, dimensions: Sequence[str], *, detail: bool = False
) -> Profile:
    rows = _rows(catalog, [role], dimensions)
    disagreements = _shown(catalog.disagreements([role.id]), dimensions)
    ids = [*role.summary.sources, *_cited(rows), *(c.source for c in role.codes)]
    ids += [*role.sources, *(i for t in role.titles for i in t.sources)]  # the JSON cites them
    ids += [p.source for d in disagreements for p in d.positions]
    return Profile(role, rows, disagreements, library(catalog, ids), _names(catalog), detail)


def compare(
    catalog: Catalog,
    roles: Sequence[Role],
    dimensions: Sequence[str],
    *,
    diff_only: bool = False,
    detail: bool = False,
) -> Comparison:
    if len(roles) < 2:
        raise UsageError(
            "compare needs at least two roles, for example: salesroles compare head director"
        )
    ids = [r.id for r in roles]
    if len(set(ids)) < len(ids):
        twice = next(i for i in ids if ids.count(i) > 1)
        raise UsageError(f"The role {twice!r} is named twice; compare needs different roles.")
    rows = _rows(catalog, roles, dimensions)
    if diff_only:
        rows = tuple(row for row in rows if row.differs)
    shown = [row.dimension for row in rows]
    differences = ranked(catalog, _shown(catalog.contrasts(ids), shown))
    disagreements = _shown(catalog.disagreements(ids), shown)
    omitted = len(DIMENSIONS) - len(dimensions) if tuple(dimensions) == GLANCE_DIMENSIONS else 0
    cited = _cited(rows) + [c.source for c in differences]
    cited += [p.source for d in disagreements for p in d.positions]
    return Comparison(
        tuple(roles),
        rows,
        differences,
        disagreements,
        diff_only,
        omitted,
        library(catalog, cited),
        _names(catalog),
        detail,
    )


def career_tree(catalog: Catalog, role: Role) -> CareerTree:
    """Where a role comes from and leads to, as two flat trees (see ``TreeMove``)."""
    up = _tree(catalog, role, upward=True)
    down = _tree(catalog, role, upward=False)
    cited = [step.move.source for line in (*up, *down) for step in line.steps]
    return CareerTree(role, up, down, library(catalog, cited))


def _tree(catalog: Catalog, role: Role, *, upward: bool) -> tuple[TreeMove, ...]:
    """The moves into (upward) or out of ``role``, and onward, in reading order.

    The one walk over the career graph: depth first, so a role's onward moves come
    right under the first line that reaches it, and every later line to that role is
    marked ``seen`` (its moves are already above). Each role is followed once, so the
    tree grows with the number of moves, never the number of paths; a stack, not
    recursion, so no chain is too long.
    """
    lines: list[TreeMove] = []
    followed = {role.id}
    pending: list[tuple[int, int | None, tuple[tuple[Role, ...], tuple[Step, ...]]]]
    pending = [(1, None, group) for group in reversed(_moves(catalog, role, upward))]
    while pending:
        depth, after, (roles, steps) = pending.pop()
        fresh = [r for r in roles if r.id not in followed]
        onward = any(_has_moves(catalog, r.id, upward) for r in roles)
        lines.append(TreeMove(depth, after, roles, steps, not fresh and onward))
        here = len(lines) - 1
        followed.update(r.id for r in fresh)
        later = [group for r in fresh for group in _moves(catalog, r, upward)]
        pending.extend((depth + 1, here, group) for group in reversed(later))
    return tuple(lines)


def _has_moves(catalog: Catalog, role_id: str, upward: bool) -> bool:
    return bool(catalog.moves_into(role_id) if upward else catalog.moves_from(role_id))


def _moves(
    catalog: Catalog, role: Role, upward: bool
) -> list[tuple[tuple[Role, ...], tuple[Step, ...]]]:
    """The moves into or out of ``role``, those that say the same thing grouped together:
    the same roles reached by the same kind of move, from several sources."""
    if upward:
        steps = [_step(catalog, e) for e in catalog.moves_into(role.id)]
    else:
        steps = [Step(role, tuple(catalog.roles[t] for t in move.to), move) for move in role.career]
    grouped: dict[tuple[Any, ...], list[Step]] = {}
    for step in steps:
        reached = (step.source,) if upward else step.target
        grouped.setdefault((tuple(r.id for r in reached), step.move.kind), []).append(step)
    return [
        ((group[0].source,) if upward else group[0].target, tuple(group))
        for group in grouped.values()
    ]


def _step(catalog: Catalog, edge: Edge) -> Step:
    return Step(catalog.roles[edge.source], (catalog.roles[edge.target],), catalog.move(edge))


def career_path(catalog: Catalog, start: Role, goal: Role) -> CareerPath:
    if start.id == goal.id:
        raise UsageError(f"--to names the same role as the start ({start.id!r}).")
    edges = catalog.shortest_path(start.id, goal.id)
    steps = None if edges is None else tuple(_step(catalog, e) for e in edges)
    cited = [s.move.source for s in steps or ()]
    passed = [start, *(s.target[0] for s in steps or ())]
    said = {r.id: h for r in passed if (h := r.headlines.get(PATH_HEADLINE))}
    cited += [i for h in said.values() for i in h.sources]
    return CareerPath(start, goal, steps, library(catalog, cited), said)


PATH_HEADLINE = "scope"  # what a career path says of each role it passes: what the role is


def search(catalog: Catalog, term: str) -> SearchResult:
    """Where the dataset's own text mentions ``term``: never the tool's labels."""
    needle = term.strip().casefold()
    if not needle:
        raise UsageError(
            "search needs some text to look for, for example: salesroles search budget"
        )
    hits: list[Hit] = []
    for role in catalog:
        texts = [("title", role.title), *(("aliases", a) for a in role.aliases)]
        texts += [(s.where, t) for s in statements(role) for t in s.texts]
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
    """How each real-world title reads: the role it means, how that was decided, what else
    it could be, or why it means none. A column of titles repeats itself: each distinct
    title is read once."""
    found: dict[str, Identified] = {}
    for typed in titles:
        if typed not in found:
            found[typed] = _identified(catalog, typed)
    shown = [found[t] for t in titles]
    cited = [s for item in found.values() for s in item.sources]
    cited += [c.source for item in found.values() if item.role for c in item.role.codes]
    return Identification(tuple(shown), _names(catalog), library(catalog, cited))


def which_sheet(catalog: Catalog, sheet: Sheet, column: int) -> Identification:
    """``which`` for every row of a spreadsheet, the titles read from ``column``."""
    titles = [row[column] if column < len(row) else "" for row in sheet.rows]
    found = which(catalog, titles)
    return Identification(found.titles, found.names, found.library, sheet, column)


def _identified(catalog: Catalog, typed: str) -> Identified:
    reading = catalog.read(typed)
    role = catalog.roles[reading.role] if reading.role else None
    cited: tuple[str, ...] = ()
    if role is not None and reading.read_as:
        listed = next((t for t in role.titles if t.text == reading.read_as), None)
        cited = listed.sources if listed else ()
    return Identified(typed, reading, role, cited)


def sources(catalog: Catalog, role: Role | None = None) -> SourceList:
    """Every source (or those of one role), with how many statements each backs."""
    counts: dict[str, int] = {}
    users: dict[str, list[str]] = {}

    def count(ids: Iterable[str], who: str | None) -> None:
        for i in ids:
            counts[i] = counts.get(i, 0) + 1
            if who and who not in users.setdefault(i, []):
                users[i].append(who)

    for r in [role] if role else list(catalog):
        for statement in statements(r):
            count(statement.sources, r.id)
    contrasts = [c for c in catalog.contrast_list if not role or role.id in c.roles]
    disagreements = catalog.disagreements([role.id]) if role else catalog.disagreement_list
    for c in contrasts:
        count([c.source], None)
    for d in disagreements:
        count((p.source for p in d.positions), None)
    listed = [s for s in catalog.sources if s.id in counts or not role]
    return SourceList(
        role,
        tuple(SourceUse(s, counts.get(s.id, 0), tuple(users.get(s.id, []))) for s in listed),
        _names(catalog),
    )
