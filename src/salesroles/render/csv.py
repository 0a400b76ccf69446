"""CSV output: one header row, then data; cells with several points hold one per line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from functools import singledispatch

from salesroles.queries import (
    Advice,
    CareerPath,
    CareerTree,
    Cell,
    Comparison,
    Listing,
    Profile,
    Result,
    SearchResult,
    TreeNode,
)
from salesroles.render.text import clean


def render(result: Result, *, ascii_only: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[clean(str(v)) for v in row] for row in _rows(result)])
    return buffer.getvalue()


def _cell(cell: Cell | None) -> str:
    return "" if cell is None else "\n".join((*cell.facts, *cell.points))


@singledispatch
def _rows(result: object) -> Iterable[Sequence[object]]:
    raise TypeError(f"no CSV form for {type(result).__name__}")


@_rows.register
def _(result: Listing) -> Iterable[Sequence[object]]:
    yield ("id", "title", "seniority", "scope", "aliases")
    for r in result.roles:
        yield (
            r.id,
            r.title,
            r.seniority,
            r.scope.level if r.scope and r.scope.level else "",
            ";".join(r.aliases),
        )


@_rows.register
def _(result: Profile) -> Iterable[Sequence[object]]:
    yield ("role", "dimension", "value")
    for row in result.rows:
        yield (result.role.id, row.dimension, _cell(row.cells[0]))


@_rows.register
def _(result: Comparison) -> Iterable[Sequence[object]]:
    yield ("dimension", *(r.id for r in result.roles))
    for row in result.rows:
        yield (row.dimension, *(_cell(c) for c in row.cells))


def _tree(direction: str, nodes: tuple[TreeNode, ...], depth: int) -> Iterable[Sequence[object]]:
    for node in nodes:
        step = node.step
        for target in step.target:
            yield (direction, depth, step.source.id, target.id, step.move.kind, step.move.source)
        yield from _tree(direction, node.children, depth + 1)


@_rows.register
def _(result: CareerTree) -> Iterable[Sequence[object]]:
    yield ("direction", "depth", "from", "to", "kind", "source")
    yield from _tree("comes_from", result.comes_from, 1)
    yield from _tree("leads_to", result.leads_to, 1)


@_rows.register
def _(result: CareerPath) -> Iterable[Sequence[object]]:
    yield ("step", "from", "to", "kind", "steps", "source")
    for number, step in enumerate(result.steps or (), 1):
        move = step.move
        yield (
            number,
            step.source.id,
            step.target[0].id,
            move.kind,
            "\n".join(move.steps),
            move.source,
        )


@_rows.register
def _(result: SearchResult) -> Iterable[Sequence[object]]:
    yield ("role", "where", "text")
    for hit in result.hits:
        yield (hit.role.id if hit.role else "", hit.where, hit.text)


@_rows.register
def _(result: Advice) -> Iterable[Sequence[object]]:
    yield ("rank", "id", "title", "reasons")
    yield (1, result.best.id, result.best.title, "\n".join(result.reasons))
    yield (2, result.runner_up.id, result.runner_up.title, "\n".join(result.runner_up_reasons))
