"""Rich tables and trees for people at a terminal. The only module that imports Rich.

Text from a dataset goes into ``Text`` objects, never into markup strings, so
``[bold]`` in a user's file is shown as typed.
"""

from __future__ import annotations

import io
import os
import sys
from functools import singledispatch
from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from salesroles.queries import (
    NOT_COVERED,
    Advice,
    CareerPath,
    CareerTree,
    Cell,
    Comparison,
    Listing,
    Profile,
    Result,
    SearchResult,
    Step,
    TreeNode,
)
from salesroles.render.text import clean

_SIDE_LABELS_UP_TO = 2  # roles; with more, a label column would squeeze words apart


DEFAULT_WIDTH = 80  # for a bad, zero or negative COLUMNS, and when there is no terminal
MIN_WIDTH = 20  # narrower, no table can be drawn: see table_width


def print_result(result: Result, *, color: bool = True) -> None:
    renderable = build(result)
    _console(sys.stdout, color=color, width=table_width()).print(renderable)


def render_text(result: Result, *, color: bool = True) -> str:
    """The table as the terminal would show it (colours included), for a pager."""
    renderable = build(result)
    buffer = _Buffer(sys.stdout.encoding or "utf-8")
    console = _console(buffer, color=color, width=table_width(), terminal=True)
    console.print(renderable)
    return buffer.getvalue()


class _Buffer(io.StringIO):
    """A string buffer that tells Rich the encoding of the real stdout (ASCII or UTF-8)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def _console(file: IO[str], *, color: bool, width: int, terminal: bool | None = None) -> Console:
    return Console(
        file=file,
        width=width,
        force_terminal=terminal,
        color_system="auto" if color else None,  # no colour: no escape codes at all
        highlight=False,
        markup=False,
        emoji=False,
    )


def table_width() -> int:
    """The width to draw at: the one place that decides it.

    COLUMNS when it is a positive number (a bad, zero or negative one means 80), else
    the terminal's width, else 80. Tables fit that width, wrapping between words.
    Under 20 columns no table can be drawn (Rich prints blank lines or cuts every
    word): it is drawn 80 wide and the terminal wraps the lines, every word whole.
    """
    width = _columns()
    return width if width >= MIN_WIDTH else DEFAULT_WIDTH


def _columns() -> int:
    raw = os.environ.get("COLUMNS")
    if raw is not None:
        try:
            width = int(raw.strip())
        except ValueError:
            width = 0
        return width if width > 0 else DEFAULT_WIDTH
    for fd in (1, 0, 2):  # as Rich does: a pipe still gets the terminal's width
        try:
            width = os.get_terminal_size(fd).columns
        except (OSError, ValueError):
            continue
        if width > 0:
            return width
    return DEFAULT_WIDTH


def _text(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def _cell(cell: Cell | None) -> Text:
    if cell is None:
        return _text(NOT_COVERED, "dim italic")
    lines = [_text(f, "bold") for f in cell.facts] + [_text(f"• {p}") for p in cell.points]
    return Text("\n").join(lines)


def _grid(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAVY, show_lines=True, expand=False, header_style="bold")
    for header in headers:
        table.add_column(_text(header), overflow="fold")
    return table


def _sources(titles: list[str]) -> Text:
    return Text.assemble(("Sources: ", "dim"), (clean("; ".join(titles)), "dim italic"))


@singledispatch
def build(result: object) -> RenderableType:
    """A Rich renderable for ``result``; tests render it at a fixed width."""
    raise TypeError(f"no table form for {type(result).__name__}")


@build.register
def _(result: Listing) -> RenderableType:
    table = _grid("id", "title", "seniority", "scope", "aliases")
    table.columns[-1].no_wrap = True  # aliases are typed: let the title wrap instead
    for r in result.roles:
        scope = r.scope.level if r.scope and r.scope.level else "—"
        table.add_row(
            _text(r.id, "bold"),
            _text(r.title),
            str(r.seniority),
            _text(scope),
            _text("\n".join(r.aliases)),
        )
    return table


@build.register
def _(result: Profile) -> RenderableType:
    role = result.role
    table = Table(box=box.SIMPLE_HEAVY, show_lines=True, show_header=False)
    table.add_column(overflow="fold", style="bold")
    table.add_column(overflow="fold", ratio=1)
    for row in result.rows:
        table.add_row(_text(row.label), _cell(row.cells[0]))
    heading = Text.assemble((clean(role.title), "bold"), f" ({role.id})")
    return Group(heading, _text(role.summary), table, _sources(list(result.sources)))


@build.register
def _(result: Comparison) -> RenderableType:
    if not result.rows:
        return _text("The structured values of these roles do not differ.")
    headers = [f"{r.title} ({r.id})" for r in result.roles]
    if len(result.roles) <= _SIDE_LABELS_UP_TO:
        table = _grid("", *headers)
        for row in result.rows:
            table.add_row(_text(row.label, "bold"), *(_cell(c) for c in row.cells))
    else:  # labels on a line of their own, so four roles fit 80 columns without cut words
        table = _grid(*headers)
        table.show_lines = False
        for row in result.rows:
            table.add_row(_text(row.label, "bold underline"), *([""] * (len(row.cells) - 1)))
            table.add_row(*(_cell(c) for c in row.cells), end_section=True)
    parts: list[RenderableType] = [table]
    if result.contrasts:
        parts.append(_text("What the sources say directly", "bold"))
        titles = {r.id: r.title for r in result.roles}
        pair: tuple[str, str] | None = None
        for contrast in result.contrasts:
            if len(result.roles) > 2 and contrast.roles != pair:
                pair = contrast.roles
                parts.append(_text(" vs ".join(titles[i] for i in pair), "underline"))
            parts.append(
                Text.assemble(
                    "• ",
                    (clean(contrast.topic), "bold"),
                    ": ",
                    clean(contrast.text),
                    (f" ({clean(contrast.source)})", "dim italic"),
                )
            )
    sources = list(dict.fromkeys(s for r in result.roles for s in r.sources))
    parts.append(_sources(sources))
    if result.omitted:
        parts.append(
            _text(f"{result.omitted} more dimensions with --all, or pick with --only.", "dim")
        )
    return Group(*parts)


def _move_details(step: Step) -> list[Text]:
    move = step.move
    lines = [_text(f"{n}. {s}") for n, s in enumerate(move.steps, 1)]
    lines += [_text(f"Skill: {s}") for s in move.skills]
    lines += [_text(f"Education: {s}") for s in move.education]
    lines += [_text(f"Note: {move.note}", "italic")] if move.note else []
    lines.append(_text(f"Source: {move.source}", "dim italic"))
    return lines


def _branch(tree: Tree, nodes: tuple[TreeNode, ...], *, details: bool) -> None:
    for node in nodes:
        names = " or ".join(f"{r.title} ({r.id})" for r in node.roles)
        label = Text.assemble((clean(names), "bold"), f", {node.step.move.kind}")
        child = tree.add(label)
        if details:
            for line in _move_details(node.step):
                child.add(line)
        _branch(child, node.children, details=False)


@build.register
def _(result: CareerTree) -> RenderableType:
    root = Tree(Text.assemble((clean(result.role.title), "bold"), f" ({result.role.id})"))
    for heading, nodes in (("Comes from", result.comes_from), ("Leads to", result.leads_to)):
        branch = root.add(_text(heading, "bold"))
        if not nodes:
            branch.add(_text("no moves in the dataset", "dim italic"))
        _branch(branch, nodes, details=True)
    return root


@build.register
def _(result: CareerPath) -> RenderableType:
    start, goal = clean(result.start.title), clean(result.goal.title)
    if result.steps is None:
        return _text(f"The dataset has no career path from {start} to {goal}.")
    heading = Text.assemble(
        (f"{start} → {goal}", "bold"),
        f": {len(result.steps)} move{'s' if len(result.steps) != 1 else ''}",
    )
    root = Tree(heading)
    for number, step in enumerate(result.steps, 1):
        label = Text.assemble(
            f"{number}. ",
            (f"{clean(step.source.title)} → {clean(step.target[0].title)}", "bold"),
            f" ({step.move.kind})",
        )
        branch = root.add(label)
        for line in _move_details(step):
            branch.add(line)
    return root


@build.register
def _(result: SearchResult) -> RenderableType:
    if not result.hits:
        return _text(f"No role mentions {result.term!r}.")
    table = _grid("role", "where", "text")
    for hit in result.hits:
        text = _text(hit.text)
        text.highlight_words([clean(result.term)], "bold reverse", case_sensitive=False)
        table.add_row(_text(hit.role.id if hit.role else "—", "bold"), _text(hit.where), text)
    return table


@build.register
def _(result: Advice) -> RenderableType:
    parts: list[RenderableType] = [
        Text.assemble(
            ("Hire a ", "bold"), (clean(result.best.title), "bold"), f" ({result.best.id})"
        ),
        _text(f"For: {result.described}.", "dim"),
    ]
    parts += [_text(f"• {r}") for r in result.reasons]
    parts.append(
        Text.assemble(
            "\nRunner-up: ", (clean(result.runner_up.title), "bold"), f" ({result.runner_up.id})"
        )
    )
    parts += [_text(f"• {r}") for r in result.runner_up_reasons]
    parts.append(
        _text(f"\nCompare them: salesroles compare {result.best.id} {result.runner_up.id}", "dim")
    )
    return Group(*parts)
