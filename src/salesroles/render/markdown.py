"""Markdown output, ready to paste into a job description or a wiki page."""

from __future__ import annotations

from functools import singledispatch

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


def render(result: Result, *, ascii_only: bool = False) -> str:
    return "\n".join(_lines(result)).rstrip("\n") + "\n"


def _cell(cell: Cell | None) -> list[str]:
    if cell is None:
        return [f"*{NOT_COVERED}*"]
    return [f"**{clean(f)}**" for f in cell.facts] + [clean(p) for p in cell.points]


def _escape(text: str) -> str:
    """Text for a Markdown table cell: a ``|`` would end the cell."""
    return clean(text).replace("|", "\\|")


def _table_cell(cell: Cell | None) -> str:
    return "<br>".join(_cell(cell)).replace("|", "\\|")


def _move(step: Step) -> list[str]:
    move = step.move
    lines = [f"- {clean(s)}" for s in move.steps]
    lines += [f"- Skill: {clean(s)}" for s in move.skills]
    lines += [f"- Education: {clean(s)}" for s in move.education]
    lines += [f"- Note: {clean(move.note)}"] if move.note else []
    return [*lines, f"- Source: *{clean(move.source)}*"]


@singledispatch
def _lines(result: object) -> list[str]:
    raise TypeError(f"no Markdown form for {type(result).__name__}")


@_lines.register
def _(result: Listing) -> list[str]:
    lines = ["| id | title | seniority | scope | aliases |", "|---|---|---|---|---|"]
    for r in result.roles:
        scope = r.scope.level if r.scope and r.scope.level else "—"
        lines.append(
            f"| `{r.id}` | {_escape(r.title)} | {r.seniority} | {scope} "
            f"| {_escape(', '.join(r.aliases))} |"
        )
    return lines


@_lines.register
def _(result: Profile) -> list[str]:
    role = result.role
    lines = [f"# {clean(role.title)}", "", clean(role.summary), ""]
    for row in result.rows:
        lines += [f"## {row.label}", ""]
        lines += [f"- {text}" for text in _cell(row.cells[0])]
        lines.append("")
    lines += ["## Sources", ""] + [f"- *{clean(s)}*" for s in result.sources]
    return lines


@_lines.register
def _(result: Comparison) -> list[str]:
    titles = " | ".join(clean(r.title) for r in result.roles)
    lines = [f"| | {titles} |", "|---" * (len(result.roles) + 1) + "|"]
    for row in result.rows:
        lines.append(f"| **{row.label}** | " + " | ".join(_table_cell(c) for c in row.cells) + " |")
    if not result.rows:
        lines = ["The structured values of these roles do not differ."]
    if result.contrasts:
        lines += ["", "## What the sources say directly", ""]
        lines += [
            f"- **{clean(c.topic)}**: {clean(c.text)} (*{clean(c.source)}*)"
            for c in result.contrasts
        ]
    return lines


def _tree(nodes: tuple[TreeNode, ...], depth: int) -> list[str]:
    lines = []
    for node in nodes:
        names = " or ".join(clean(r.title) for r in node.roles)
        lines.append(f"{'  ' * depth}- {names} ({node.step.move.kind})")
        lines += _tree(node.children, depth + 1)
    return lines


@_lines.register
def _(result: CareerTree) -> list[str]:
    lines = [f"# Career: {clean(result.role.title)}", ""]
    for heading, nodes in (("Comes from", result.comes_from), ("Leads to", result.leads_to)):
        lines += [f"## {heading}", ""]
        lines += _tree(nodes, 0) or ["- *no moves in the dataset*"]
        lines.append("")
    return lines


@_lines.register
def _(result: CareerPath) -> list[str]:
    lines = [f"# From {clean(result.start.title)} to {clean(result.goal.title)}", ""]
    if result.steps is None:
        return [
            *lines,
            f"The dataset has no career path from {clean(result.start.title)} "
            f"to {clean(result.goal.title)}.",
        ]
    for number, step in enumerate(result.steps, 1):
        target = clean(step.target[0].title)
        lines += [f"## {number}. {clean(step.source.title)} → {target} ({step.move.kind})", ""]
        lines += [*_move(step), ""]
    return lines


@_lines.register
def _(result: SearchResult) -> list[str]:
    if not result.hits:
        return [f"No role mentions {clean(result.term)!r}."]
    lines = ["| role | where | text |", "|---|---|---|"]
    for hit in result.hits:
        who = f"`{hit.role.id}`" if hit.role else "—"
        lines.append(f"| {who} | {_escape(hit.where)} | {_escape(hit.text)} |")
    return lines


@_lines.register
def _(result: Advice) -> list[str]:
    lines = [f"# Hire a {clean(result.best.title)}", "", f"For {result.described}.", ""]
    lines += [f"- {clean(r)}" for r in result.reasons]
    lines += ["", f"## Runner-up: {clean(result.runner_up.title)}", ""]
    lines += [f"- {clean(r)}" for r in result.runner_up_reasons]
    lines += ["", f"Compare them: `{result.compare_command}`"]
    return lines
