"""Markdown output, ready to paste into a job description or a wiki page.

Dataset text is escaped for CommonMark (``*O*NET`` stays literal), kept on one line
(a newline in a point can never start a heading or end a table row), and cited
with footnotes (``[^1]``) listed at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import singledispatch

from salesroles.models import Disagreement, Headline, Point, Role
from salesroles.render import words
from salesroles.render.text import clean, safe_url
from salesroles.render.words import GLANCE_DIFFERENCES, Citations
from salesroles.results import (
    Advice,
    CareerPath,
    CareerTree,
    Cell,
    Comparison,
    Identification,
    Listing,
    Profile,
    Reason,
    Recommendation,
    Result,
    SearchResult,
    SourceList,
    Step,
    TreeMove,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")


def md(text: str) -> str:
    """Dataset text as literal Markdown on one line."""
    one_line = " ".join(clean(text).split())
    return _SPECIAL.sub(r"\\\1", one_line)


def render(result: Result, *, sources: bool = True) -> str:
    cite = _Footnotes(getattr(result, "library", {}), enabled=sources)
    lines = _lines(result, cite)
    lines += cite.definitions()
    return "\n".join(lines).rstrip("\n") + "\n"


class _Footnotes(Citations):
    def marks(self, ids: Iterable[str]) -> str:
        if not self.enabled:
            return ""
        found = super().marks(ids)
        return re.sub(r"\[(\d+)\]", r"[^\1]", found)

    def point(self, p: Point | Headline) -> str:
        mark = self.marks(p.sources)
        return f"{md(p.text)}{mark}"

    def definitions(self) -> list[str]:
        listed = self.listed()
        if not listed or not self.enabled:
            return []
        lines = ["", "## Sources", ""]
        for number, source, source_id in listed:
            if source is None:
                lines.append(f"[^{number}]: {md(source_id)}")
                continue
            text = md(words.citation(source).removesuffix(f" {source.url}" if source.url else ""))
            lines.append(f"[^{number}]: {text}{_link(source.url)}")
        return lines


def _link(url: str | None) -> str:
    """`` <https://…>``: an autolink only for http(s), its characters made safe; else text."""
    if not url:
        return ""
    safe = safe_url(url)
    return f" <{safe}>" if safe else f" {md(url)}"


def _cell(
    cell: Cell | None, dimension: str, cite: Citations, names: dict[str, str], *, detail: bool
) -> list[str]:
    if cell is None:
        return [f"*{words.NOT_COVERED}*"]
    if not detail:
        value = words.glance(dimension, cell.values, names)
        said = cell.headline or next(iter(cell.core), None)
        head = f"**{md(value)}**" if value else ""
        text = cite.point(said) if said else ""
        return [" · ".join(x for x in (head, text) if x)]
    lines = [f"**{md(f)}**" for f in words.facts(dimension, cell.values, names)]
    if cell.headline is not None:
        lines.append(f"*{cite.point(cell.headline)}*")
    lines += [
        f"{md(words.figure(f))}{cite.marks([f.source])}" for f in cell.values.get("figures", ())
    ]
    lines += [cite.point(p) for p in cell.points if p.kind == "core"]
    return lines + [f"(context) {cite.point(p)}" for p in cell.points if p.kind != "core"]


def _disagreements(
    items: Iterable[Disagreement], cite: Citations, names: dict[str, str], *, detail: bool
) -> list[str]:
    lines: list[str] = []
    for d in items:
        if not detail and d.kind != "core":
            continue
        if not lines:
            heading = "Where the sources disagree" if detail else words.DISPUTED
            lines = ["", f"## {heading}", ""]
        if detail:
            who = ", ".join(names.get(r, r) for r in d.roles)
            lines.append(f"- **{md(d.topic)}** ({md(who)})")
            lines += [f"  - {md(p.text)}{cite.marks([p.source])}" for p in d.positions]
        else:
            about = ", ".join(words.label(x).lower() for x in d.dimensions)
            lines.append(f"- {md(d.topic)} ({md(about)})")
    return lines


def _move(step: Step, cite: Citations) -> list[str]:
    move = step.move
    lines = [f"- {md(s)}" for s in move.steps]
    lines += [f"- Skill: {md(s)}" for s in move.skills]
    lines += [f"- Education: {md(s)}" for s in move.education]
    lines += [f"- Note: {md(move.note)}"] if move.note else []
    mark = cite.marks([move.source])
    return [*lines, f"- Source: {mark}"] if mark else lines


@singledispatch
def _lines(result: object, cite: Citations) -> list[str]:
    raise TypeError(f"no Markdown form for {type(result).__name__}")


@_lines.register
def _(result: Listing, cite: Citations) -> list[str]:
    lines = ["| id | title | reports to | scope | aliases |", "|---|---|---|---|---|"]
    for r in result.roles:
        scope = r.scope.level if r.scope and r.scope.level else "—"
        bosses = ", ".join(result.reports_to.get(r.id, ())) or "—"
        lines.append(
            f"| `{md(r.id)}` | {md(r.title)} | {md(bosses)} | {scope} "
            f"| {md(', '.join(r.aliases))} |"
        )
    return lines


@_lines.register
def _(result: Profile, cite: Citations) -> list[str]:
    role = result.role
    lines = [f"# {md(role.title)}", "", cite.point(role.summary), ""]
    if not result.detail:
        lines += ["| | |", "|---|---|"]
        for row in result.rows:
            if row.cells[0] is not None:
                said = _cell(row.cells[0], row.dimension, cite, result.names, detail=False)
                lines.append(f"| **{words.label(row.dimension)}** | {said[0]} |")
        lines.append("")
    else:
        for row in result.rows:
            cell = _cell(row.cells[0], row.dimension, cite, result.names, detail=True)
            lines += [f"## {words.label(row.dimension)}", "", *(f"- {text}" for text in cell), ""]
    return lines + _disagreements(result.disagreements, cite, result.names, detail=result.detail)


@_lines.register
def _(result: Comparison, cite: Citations) -> list[str]:
    if not result.rows:
        lines = [words.NO_DIFFERENCE]
    else:
        titles = " | ".join(md(r.title) for r in result.roles)
        lines = [f"| | {titles} |", "|---" * (len(result.roles) + 1) + "|"]
        for row in result.rows:
            cells = [
                "<br>".join(_cell(c, row.dimension, cite, result.names, detail=result.detail))
                for c in row.cells
            ]
            lines.append(f"| **{words.label(row.dimension)}** | " + " | ".join(cells) + " |")
    core = [c for c in result.differences if c.kind == "core"]
    shown = result.differences if result.detail else core[:GLANCE_DIFFERENCES]
    if shown:
        heading = "What the sources say directly" if result.detail else "Key differences"
        lines += ["", f"## {heading}", ""]
        lines += [f"- **{md(c.topic)}**: {md(c.text)}{cite.marks([c.source])}" for c in shown]
    return lines + _disagreements(result.disagreements, cite, result.names, detail=result.detail)


def _tree(lines: tuple[TreeMove, ...], cite: Citations) -> list[str]:
    out = []
    for line in lines:
        titles = " or ".join(md(r.title) for r in line.roles)
        seen = ", followed above" if line.seen else ""
        marks = cite.marks(dict.fromkeys(s.move.source for s in line.steps))
        out.append(f"{'  ' * (line.depth - 1)}- {titles} ({line.kind}{seen}){marks}")
    return out


@_lines.register
def _(result: CareerTree, cite: Citations) -> list[str]:
    lines = [f"# Career: {md(result.role.title)}", ""]
    for heading, nodes in (("Comes from", result.comes_from), ("Leads to", result.leads_to)):
        lines += [f"## {heading}", ""]
        lines += _tree(nodes, cite) or ["- *no moves in the dataset*"]
        lines.append("")
    return lines


@_lines.register
def _(result: CareerPath, cite: Citations) -> list[str]:
    start, goal = md(result.start.title), md(result.goal.title)
    lines = [f"# From {start} to {goal}", ""]
    if result.steps is None:
        return [*lines, f"The dataset has no career path from {start} to {goal}."]
    if said := result.headlines.get(result.start.id):
        lines += [f"*{start}*: {cite.point(said)}", ""]
    for number, step in enumerate(result.steps, 1):
        target = md(step.target[0].title)
        lines += [f"## {number}. {md(step.source.title)} → {target} ({step.move.kind})", ""]
        if said := result.headlines.get(step.target[0].id):
            lines += [f"*{target}*: {cite.point(said)}", ""]
        lines += [*_move(step, cite), ""]
    return lines


@_lines.register
def _(result: SearchResult, cite: Citations) -> list[str]:
    if not result.hits:
        return [f"No role mentions “{md(result.term)}”."]
    lines = ["| role | where | text |", "|---|---|---|"]
    for hit in result.hits:
        who = f"`{md(hit.role.id)}`" if hit.role else "—"
        lines.append(f"| {who} | {words.label(hit.dimension)} | {md(hit.text)} |")
    return lines


@_lines.register
def _(result: Identification, cite: Citations) -> list[str]:
    lines = ["| title | role | how | notes |", "|---|---|---|---|"]
    for item in result.titles:
        reading = item.reading
        role = words.role_cell(reading)
        role = f"`{md(role)}`" if reading.role else role
        notes = md("; ".join(words.reading_notes(reading, result.names)))
        marks = cite.marks(item.sources) if reading.note or reading.lang != "en" else ""
        lines.append(f"| {md(item.typed)} | {role} | {reading.how} | {notes}{marks} |")
    return lines


@_lines.register
def _(result: SourceList, cite: Citations) -> list[str]:
    lines = [f"# Sources of {md(result.role.title)}", ""] if result.role else []
    lines += ["| id | kind | year | source | points |", "|---|---|---|---|---|"]
    for use in result.sources:
        s = use.source
        title = md(", ".join(x for x in (s.title, s.publisher) if x))
        shown = f"{title}{_link(s.url)}"
        kind = words.KIND_LABELS.get(s.kind, s.kind)
        lines.append(f"| `{md(s.id)}` | {kind} | {s.year or '—'} | {shown} | {use.points} |")
    return lines


def _reason(reason: Reason, cite: Citations) -> str:
    sentence = words.reason(reason.question, reason.answer, reason.verdict, reason.value)
    said = f" — {cite.point(reason.point)}" if reason.point else ""
    return f"- {md(sentence)}{said}"


def _advised(rec: Recommendation, note: str, cite: Citations) -> list[str]:
    return ([f"*{md(note)}*", ""] if note else []) + [_reason(r, cite) for r in rec.reasons]


def _stage(result: Advice, cite: Citations) -> list[str]:
    if not result.stage:
        return []
    lines = [f"## {md(words.ADVISE['stage'])}", ""]
    for item in result.stage:
        lines += [md(words.stage_topic(item.topic, disputed=bool(item.disagreement))), ""]
        lines += [f"- {cite.point(Point(e.text, e.sources))}" for e in item.advice]
        lines.append("")
    return lines


def _heading(said: str, role: Role) -> str:
    return f"{md(said.strip())} {md(role.title)} (`{md(role.id)}`)"


@_lines.register
def _(result: Advice, cite: Citations) -> list[str]:
    said = words.ADVISE
    best, second = result.best, result.runner_up
    title = _heading(said["recommended"], best.role) if best else md(words.no_fit(result))
    lines = [f"# {title}", "", f"{said['for']}: {md(words.described(result.answers))}.", ""]
    if result.size:
        size = Point(result.size.text, result.size.sources)
        lines += [f"{md(words.size_defined(result.answers))}: {cite.point(size)}", ""]
    if best:
        lines += [*_advised(best, words.advised_note(result, best), cite), ""]
    else:  # no recommendation: what the sources advise at this size comes first
        lines += _stage(result, cite)
    if second:
        heading = said["runner_up"] if best else said["nearest"]
        lines += [f"## {_heading(heading, second.role)}", ""]
        lines += [*_advised(second, words.advised_note(result, second), cite), ""]
    if best:
        lines += _stage(result, cite)
    if result.ruled_out:
        lines += [f"## {md(said['ruled_out'])}", ""]
        for out in result.ruled_out:
            first = out.clashes[0]
            sentence = words.reason(first.question, first.answer, first.verdict, first.value)
            point = f" — {cite.point(first.point)}" if first.point else ""
            also = words.also(out.clashes[1:])
            lines.append(
                f"- {md(out.role.title)} (`{md(out.role.id)}`) — {md(sentence)}{point}"
                + (f" ({md(also)})" if also else "")
            )
        lines.append("")
    if best and second:
        compare = f"salesroles compare {best.role.id} {second.role.id}"
        lines.append(f"{md(said['compare'])}: `{compare}`")
    return lines
