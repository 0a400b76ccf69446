"""Rich tables and trees for people at a terminal. The only CLI module that imports Rich.

Text from a dataset goes into ``Text`` objects, never into markup strings, so
``[bold]`` in a user's file is shown as typed; control characters are made visible.
Each point ends with its source markers (``[3]``), and the numbered sources follow.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from functools import singledispatch
from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from salesroles.models import Disagreement, Hiring, Point, Role, Size
from salesroles.render import words
from salesroles.render.terminal import DEFAULT_WIDTH, table_width
from salesroles.render.text import clean
from salesroles.render.words import Citations
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

MIN_COLUMN = 16  # narrower than this, side-by-side columns cut words: stack instead


def render(
    result: Result, *, color: bool = True, sources: bool = True, terminal: bool | None = None
) -> str:
    """The table as text, trailing spaces stripped: for stdout, a pager or a test.

    ``terminal``: whether the text goes to a terminal (colours, where ``color``).
    """
    width = table_width()
    buffer = _Buffer(getattr(sys.stdout, "encoding", None) or "utf-8")
    console = _console(buffer, color=color, width=width, terminal=terminal)
    console.print(build(result, sources=sources, width=width), crop=False)  # whole URLs
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    kept = [x for k, x in enumerate(lines) if x or not k or lines[k - 1]]  # no double blanks
    return "".join(line + "\n" for line in kept)


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


def _text(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def _grid(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAVY, show_lines=True, expand=False, header_style="bold")
    for header in headers:
        table.add_column(_text(header), overflow="fold")
    return table


def _cell(
    cell: Cell | None, dimension: str, cite: Citations, names: dict[str, str], *, detail: bool
) -> Text:
    """One role on one dimension: at a glance its value and headline; in detail every point."""
    if cell is None:
        return _text(words.NOT_COVERED, "dim italic")
    if not detail:
        return _glance(cell, dimension, cite, names)
    lines = [_text(f, "bold") for f in words.facts(dimension, cell.values, names)]
    if cell.headline is not None:
        lines.append(_text(cite.point(cell.headline), "italic"))
    for f in cell.values.get("figures", ()):
        lines.append(_text(f"{words.figure(f)} {cite.marks([f.source])}".rstrip()))
    lines += [_text(f"• {cite.point(p)}") for p in cell.points if p.kind == "core"]
    lines += [_text(f"◦ {cite.point(p)}", "dim") for p in cell.points if p.kind != "core"]
    return Text("\n").join(lines)


def _glance(cell: Cell, dimension: str, cite: Citations, names: dict[str, str]) -> Text:
    """``company · The top sales job, over the regional directors [1]``."""
    value = words.glance(dimension, cell.values, names)
    said = cell.headline or next(iter(cell.core), None)  # own datasets may have no headline
    parts: list[str | tuple[str, str]] = [(clean(value), "bold")] if value else []
    if said is not None:
        parts += [" · " if value else "", clean(cite.point(said))]
        if cell.headline is None and len(cell.core) > 1:
            parts.append((f" (+{len(cell.core) - 1} with --detail)", "dim"))
    return Text.assemble(*parts)


def _brief_sources(cite: Citations) -> list[RenderableType]:
    """The glance's sources: number, who says it, year and kind, as one paragraph."""
    listed = cite.listed()
    if not listed:
        return []
    items = [
        f"[{number}] {words.brief(source) if source else source_id}"
        for number, source, source_id in listed
    ]
    return [Text(""), Text.assemble(("Sources: ", "bold"), (clean(" · ".join(items)), "dim"))]


def _sources(cite: Citations) -> list[RenderableType]:
    listed = cite.listed()
    if not listed:
        return []
    parts: list[RenderableType] = [Text(""), _text("Sources", "bold")]
    for number, source, source_id in listed:
        if source is None:
            parts.append(_text(f"[{number}] {source_id}", "dim"))
            continue
        cited = words.citation(source)
        if source.url:  # a URL on a line of its own, whole, so it can be clicked or copied
            cited = cited.removesuffix(f" {source.url}")
            parts.append(_text(f"[{number}] {cited}", "dim"))
            parts.append(Text(clean(source.url), style="dim", no_wrap=True, overflow="ignore"))
        else:
            parts.append(_text(f"[{number}] {cited}", "dim"))
    return parts


def _disagreements(
    items: Sequence[Disagreement], cite: Citations, names: dict[str, str], *, detail: bool
) -> list[RenderableType]:
    """Where the sources disagree: every side with its source; at a glance, each named."""
    if not items:
        return []
    heading = "Where the sources disagree" if detail else words.DISPUTED
    parts: list[RenderableType] = [Text(""), _text(heading, "bold")]
    for d in items:
        if detail:
            who = ", ".join(names.get(r, r) for r in d.roles)
            parts.append(Text.assemble("• ", (clean(d.topic), "bold"), f" ({clean(who)})"))
            parts += [_text(f"  – {p.text} {cite.marks([p.source])}".rstrip()) for p in d.positions]
        else:  # named, with the rows it is about
            about = ", ".join(words.label(x).lower() for x in d.dimensions)
            parts.append(Text.assemble("• ", clean(d.topic), (f" ({clean(about)})", "dim")))
    return parts


@singledispatch
def build(result: object, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    """A Rich renderable for ``result``; tests render it at a fixed width."""
    raise TypeError(f"no table form for {type(result).__name__}")


@build.register
def _(result: Listing, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    table = _grid("id", "title", "reports to", "scope", "aliases")
    for r in result.roles:
        bosses = ", ".join(result.reports_to.get(r.id, ())) or "—"
        scope = r.scope.level if r.scope and r.scope.level else "—"
        table.add_row(
            _text(r.id, "bold"), _text(r.title), _text(bosses), _text(scope),
            _text(", ".join(r.aliases)),
        )  # fmt: skip
    note = _text(
        "Each role comes before the roles it reports to; roles that no cited reporting "
        "line connects are not ranked against each other.",
        "dim",
    )
    return Group(table, note)


def _heading(role: Role) -> Text:
    return Text.assemble((clean(role.title), "bold"), f" ({clean(role.id)})")


@build.register
def _(result: Profile, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    return Group(*_profile(result, Citations(result.library, enabled=sources)))


def _profile(result: Profile, cite: Citations, mark: str | None = None) -> list[RenderableType]:
    role = result.role
    summary = _text(cite.point(role.summary))  # numbered first: it is read first
    table = Table(
        box=box.SIMPLE_HEAVY if result.detail else None,
        show_lines=result.detail,
        show_header=False,
        padding=(0, 1) if result.detail else (0, 2, 0, 0),
    )
    table.add_column(overflow="fold", style="bold")
    table.add_column(overflow="fold", ratio=1)
    missing = []
    for row in result.rows:
        c = row.cells[0]
        if c is None and len(result.rows) > 1:
            missing.append(words.label(row.dimension).lower())
            continue
        cell = _cell(c, row.dimension, cite, result.names, detail=result.detail)
        table.add_row(_label(row.dimension, mark), cell)
    parts: list[RenderableType] = [_heading(role), summary, Text(""), table]
    if missing:
        parts.append(_text(f"Not covered by the sources: {', '.join(missing)}.", "dim italic"))
    cells = [r.cells[0] for r in result.rows if r.cells[0] is not None]
    if result.detail and any(p.kind != "core" for c in cells for p in c.points):
        parts.append(_text(words.CONTEXT_NOTE, "dim"))
    disputes = [d for d in result.disagreements if result.detail or d.kind == "core"]
    parts += _disagreements(disputes, cite, result.names, detail=result.detail)
    if result.detail:
        return [*parts, *_codes(role, cite), *_sources(cite)]
    return [*parts, *_brief_sources(cite), _text(words.more(), "dim")]


def _codes(role: Role, cite: Citations) -> list[RenderableType]:
    """The official occupation codes that cover a role, and what each lumps together."""
    if not role.codes:
        return []
    parts: list[RenderableType] = [Text(""), _text(words.CODES, "bold")]
    for code in role.codes:
        parts.append(
            Text.assemble(
                "• ",
                (clean(f"{code.system} {code.code}"), "bold"),
                f" {clean(code.name)}: {clean(code.lumps)} {cite.marks([code.source])}".rstrip(),
            )
        )
    return parts


def _label(dimension: str, mark: str | None, style: str = "bold") -> Text:
    """A row's label; the row the app's cursor is on is shown reversed."""
    return _text(words.label(dimension), f"{style} reverse" if dimension == mark else style)


GLANCE_DIFFERENCES = words.GLANCE_DIFFERENCES
GLANCE_LINES = 60  # a glance fits one screen: fewer differences (never under 3) past this


@build.register
def _(result: Comparison, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    return view(result, width=width, sources=sources)


def view(
    result: Result, *, width: int, sources: bool = True, mark: str | None = None
) -> RenderableType:
    """``result`` as the app shows it: a profile's or a comparison's row ``mark`` reversed."""
    if isinstance(result, Profile):
        return Group(*_profile(result, Citations(result.library, enabled=sources), mark))
    if not isinstance(result, Comparison):
        return build(result, sources=sources, width=width)
    if result.detail:
        cite = Citations(result.library, enabled=sources)
        return Group(*_comparison(result, width, None, cite, mark))
    # The table is drawn once; the parts under it are redrawn with fewer differences
    # while the whole is taller than a screen (they are cheap text).
    cite = Citations(result.library, enabled=sources)
    table = _table(result, width, cite, mark)
    after_table = dict(cite.numbers)
    height = sum(_height(part, width) for part in table)
    shown = GLANCE_DIFFERENCES
    while True:
        cite.numbers = dict(after_table)
        tail = _under_table(result, shown, cite)
        if shown <= 3 or height + sum(_height(part, width) for part in tail) <= GLANCE_LINES:
            return Group(*table, *tail)
        shown -= 1


def numbered_sources(result: Result, *, width: int) -> RenderableType:
    """Every source ``result``'s view cites, whole, URLs too, numbered as its markers are."""
    cite = Citations(getattr(result, "library", {}))
    if isinstance(result, Profile):
        _profile(result, cite)
    elif isinstance(result, Comparison):
        shown = None if result.detail else GLANCE_DIFFERENCES
        _comparison(result, width, shown, cite, None)
    listed = _sources(cite)
    return Group(*listed[2:]) if listed else _text("This view cites no source.", "dim")


def _height(renderable: RenderableType, width: int) -> int:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    return len(console.render_lines(renderable, console.options, pad=False))


def _comparison(
    result: Comparison, width: int, differences: int | None, cite: Citations, mark: str | None
) -> list[RenderableType]:
    """The comparison; at a glance with at most ``differences`` key differences."""
    return [*_table(result, width, cite, mark), *_under_table(result, differences, cite)]


def _table(
    result: Comparison, width: int, cite: Citations, mark: str | None
) -> list[RenderableType]:
    """The roles side by side, or stacked when columns would be too narrow for words."""
    if not result.rows:
        return [_text(words.NO_DIFFERENCE)]
    if fits_side_by_side(len(result.roles), width):
        return [_side_by_side(result, cite, mark)]
    return _stacked(result, cite, mark)


def _under_table(
    result: Comparison, differences: int | None, cite: Citations
) -> list[RenderableType]:
    """What follows the table: the differences, the disagreements, the sources."""
    parts: list[RenderableType] = []
    core = [c for c in result.differences if c.kind == "core"]
    shown = result.differences if differences is None else core[:differences]
    if shown:
        heading = "What the sources say directly" if result.detail else "Key differences"
        parts += [Text(""), _text(heading, "bold")]
        pair: tuple[str, str] | None = None
        for contrast in shown:
            if len(result.roles) > 2 and contrast.roles != pair:
                pair = contrast.roles
                parts.append(_text(" vs ".join(result.names.get(i, i) for i in pair), "underline"))
            parts.append(
                Text.assemble(
                    "• ",
                    (clean(contrast.topic), "bold"),
                    ": ",
                    clean(contrast.text),
                    f" {cite.marks([contrast.source])}".rstrip(),
                )
            )
    disputes = [d for d in result.disagreements if result.detail or d.kind == "core"]
    parts += _disagreements(disputes, cite, result.names, detail=result.detail)
    if result.detail:
        parts += _sources(cite)
        if result.omitted:
            parts.append(_text(words.more(omitted=result.omitted, detail=False), "dim"))
    else:
        parts += _brief_sources(cite)
        hidden = len(result.differences) - len(shown)
        parts.append(_text(words.more(differences=hidden, omitted=result.omitted), "dim"))
    return parts


def fits_side_by_side(columns: int, width: int) -> bool:
    label = 14 if columns <= 2 else 0
    return (width - label - 3 * columns) // columns >= MIN_COLUMN


def _side_by_side(result: Comparison, cite: Citations, mark: str | None) -> Table:
    headers = [f"{r.title} ({r.id})" for r in result.roles]
    cells = {
        row.dimension: [
            _cell(c, row.dimension, cite, result.names, detail=result.detail) for c in row.cells
        ]
        for row in result.rows
    }
    if len(result.roles) <= 2:
        table = _grid("", *headers)
        table.show_lines = result.detail  # at a glance the labels mark where each row starts
        for row in result.rows:
            table.add_row(_label(row.dimension, mark), *cells[row.dimension])
        return table
    table = _grid(*headers)  # labels on a line of their own, so the columns keep their width
    table.show_lines = False
    table.show_edge = False
    table.pad_edge = False
    for row in result.rows:
        table.add_row(_label(row.dimension, mark, "bold underline"), *([""] * (len(row.cells) - 1)))
        table.add_row(*cells[row.dimension], end_section=True)
    return table


def _stacked(result: Comparison, cite: Citations, mark: str | None) -> list[RenderableType]:
    """One dimension after another, each role's value under it: no column too narrow."""
    parts: list[RenderableType] = []
    for row in result.rows:
        parts.append(_label(row.dimension, mark, "bold underline"))
        for role, c in zip(result.roles, row.cells, strict=True):
            parts.append(_heading(role))
            parts.append(_cell(c, row.dimension, cite, result.names, detail=result.detail))
        parts.append(Text(""))
    return parts


def _move_details(
    step: Step, cite: Citations, *, marked: bool = False, source_line: bool = True
) -> list[Text]:
    """What a move takes: steps, skills, education, note, then its source; ``marked``:
    each line ends with its source instead (several sources give the move)."""
    move = step.move
    if marked:  # several sources give this move: say which says what
        mark = cite.marks([move.source])
        return [
            _text(f"{text} {mark}".rstrip())
            for text in (*move.steps, *move.skills, *move.education, *filter(None, [move.note]))
        ]
    lines = [_text(f"{n}. {s}") for n, s in enumerate(move.steps, 1)]
    lines += [_text(f"Skill: {s}") for s in move.skills]
    lines += [_text(f"Education: {s}") for s in move.education]
    lines += [_text(f"Note: {move.note}", "italic")] if move.note else []
    mark = cite.marks([move.source])
    if mark and source_line:
        lines.append(_text(f"Source: {mark}", "dim italic"))
    return lines


def _line_label(line: TreeMove, cite: Citations, into: str | None = None) -> Text:
    """``Director of Sales (director), promotion [2][5]``, and whether it was followed above;
    ``into``: the role the move leads into, said after the roles it comes from."""
    titles = " or ".join(f"{r.title} ({r.id})" for r in line.roles)
    marks = cite.marks(dict.fromkeys(s.move.source for s in line.steps))
    label = Text.assemble((clean(titles), "bold"))
    if into is not None:
        label.append(f" → {clean(into)}")
    label.append(f", {line.kind}")
    label.append(f" {marks}".rstrip())
    if line.seen:
        label.append(" (followed above)", "dim italic")
    return label


def _branch(branch: Tree, lines: tuple[TreeMove, ...], cite: Citations) -> None:
    """The flat tree as a Rich tree: each line under the line it continues."""
    made: list[Tree] = []
    for line in lines:
        parent = branch if line.after is None else made[line.after]
        node = parent.add(_line_label(line, cite))
        if line.depth == 1:  # what each move takes, for the moves of the role itself
            for step in line.steps:
                several = len(line.steps) > 1  # the label holds the source of a single one
                for detail in _move_details(step, cite, marked=several, source_line=False):
                    node.add(detail)
        made.append(node)


FLAT_STEP = 2  # columns a level of a career tree is indented by where a tree's guides won't fit


def _flat(
    heading: str, lines: tuple[TreeMove, ...], cite: Citations, width: int, *, upward: bool
) -> list[RenderableType]:
    """A career tree too deep for a tree's guides: one move a line, each naming both roles
    (``Sales Manager → Director of Sales (director)``), a line under the line it continues
    indented by two columns a level, so the depth reads as indentation. Past the levels
    the width holds, lines keep the deepest indent and say how many moves away they are."""
    parts: list[RenderableType] = [_text(heading, "bold")]
    if not lines:
        parts.append(_text("  no moves in the dataset", "dim italic"))
    levels = max(1, (width - 30) // FLAT_STEP)  # at least 30 columns stay for the words
    for line in lines:
        step = line.steps[0]
        if upward:  # the roles it comes from, then the role they move into
            label = _line_label(line, cite, into=step.target[0].title)
        else:
            label = Text.assemble(f"{clean(step.source.title)} → ", _line_label(line, cite))
        if line.depth > levels:
            away = "back" if upward else "on"
            label = Text.assemble((f"({line.depth} moves {away}) ", "dim"), label)
        indent = FLAT_STEP * min(line.depth, levels)
        row = Table.grid()  # the words wrap under the words, not under the marker
        row.add_column(width=indent + 2, no_wrap=True)
        row.add_column(overflow="fold")
        row.add_row(" " * indent + ("• " if line.depth == 1 else "↳ "), label)
        parts.append(row)
    return parts


@build.register
def _(result: CareerTree, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    cite = Citations(result.library, enabled=sources)
    deepest = max((line.depth for line in (*result.comes_from, *result.leads_to)), default=0)
    if (deepest + 2) * 4 > width - 30:  # indentation would leave no room for the words
        parts: list[RenderableType] = [_heading(result.role)]
        parts += _flat("Comes from", result.comes_from, cite, width, upward=True)
        parts += _flat("Leads to", result.leads_to, cite, width, upward=False)
        return Group(*parts, *_sources(cite))
    root = Tree(_heading(result.role))
    for heading, lines in (("Comes from", result.comes_from), ("Leads to", result.leads_to)):
        branch = root.add(_text(heading, "bold"))
        if not lines:
            branch.add(_text("no moves in the dataset", "dim italic"))
        _branch(branch, lines, cite)
    return Group(root, *_sources(cite))


@build.register
def _(result: CareerPath, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    cite = Citations(result.library, enabled=sources)
    start, goal = clean(result.start.title), clean(result.goal.title)
    if result.steps is None:
        return _text(f"The dataset has no career path from {start} to {goal}.")
    count = len(result.steps)
    heading = Text.assemble((f"{start} → {goal}", "bold"), f": {count} move{'s' * (count != 1)}")
    root = Tree(heading)
    said = _passes(result.start, result, cite)
    if said is not None:
        root.add(said)
    for number, step in enumerate(result.steps, 1):
        label = Text.assemble(
            f"{number}. ",
            (f"{clean(step.source.title)} → {clean(step.target[0].title)}", "bold"),
            f" ({step.move.kind})",
        )
        branch = root.add(label)
        said = _passes(step.target[0], result, cite)
        if said is not None:
            branch.add(said)
        for line in _move_details(step, cite):
            branch.add(line)
    return Group(root, *_sources(cite))


def _passes(role: Role, result: CareerPath, cite: Citations) -> Text | None:
    """What a role on a career path is, in its headline: ``Sales Manager: Leads … [2]``."""
    headline = result.headlines.get(role.id)
    if headline is None:
        return None
    return Text.assemble((clean(role.title), "italic"), ": ", clean(cite.point(headline)))


@build.register
def _(result: SearchResult, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    if not result.hits:
        return _text(f"No role mentions {result.term!r}.")
    table = _grid("role", "where", "text")
    for hit in result.hits:
        text = _text(hit.text)
        text.highlight_words([clean(result.term)], "bold reverse", case_sensitive=False)
        who = hit.role.id if hit.role else "—"
        table.add_row(_text(who, "bold"), _text(words.label(hit.dimension)), text)
    return table


@build.register
def _(
    result: Identification, *, sources: bool = True, width: int = DEFAULT_WIDTH
) -> RenderableType:
    cite = Citations(result.library, enabled=sources)
    numbered = result.sheet is not None
    table = _grid(*(["row"] if numbered else []), "title", "role", "how", "notes")
    for number, item in enumerate(result.titles, 1):
        reading = item.reading
        sourced = reading.note or (reading.role and reading.lang != "en")  # a note cites
        marks = cite.marks(item.sources) if sourced else ""
        said = f"{'; '.join(words.reading_notes(reading, result.names))} {marks}"
        style = "bold" if reading.role else "italic"
        cells = [_text(item.typed), _text(words.role_cell(reading), style), _text(reading.how)]
        cells.append(_text(said.strip() or "—"))
        table.add_row(*([_text(str(number + 1))] if numbered else []), *cells)
    return Group(table, *_sources(cite))


@build.register
def _(result: SourceList, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    parts: list[RenderableType] = []
    if result.role:
        parts.append(Text.assemble("Sources of ", _heading(result.role)))
    for use in result.sources:
        s = use.source
        kind = words.KIND_LABELS.get(s.kind, s.kind)
        points = f"{use.points} point{'s' * (use.points != 1)}"
        facts = ", ".join(x for x in (kind, str(s.year) if s.year else "", points) if x)
        parts.append(Text(""))
        parts.append(Text.assemble((clean(s.id), "bold"), "  ", (clean(facts), "italic")))
        parts.append(_text(", ".join(x for x in (s.title, s.publisher) if x)))
        if s.url:
            parts.append(Text(clean(s.url), style="dim", no_wrap=True, overflow="ignore"))
    return Group(*parts)


def _as_point(said: Size | Hiring) -> Point:
    return Point(said.text, said.sources)


def _reason(reason: Reason, cite: Citations) -> Text:
    sentence = words.reason(reason.question, reason.answer, reason.verdict, reason.value)
    said = f" — {cite.point(reason.point)}" if reason.point else ""
    return _text(f"• {sentence}{said}", "dim" if reason.verdict == "unknown" else "")


def _advised(heading: str, rec: Recommendation, note: str, cite: Citations) -> list[RenderableType]:
    parts: list[RenderableType] = [Text.assemble((heading, "bold"), _heading(rec.role))]
    if note:
        parts.append(_text(note, "italic"))
    return parts + [_reason(r, cite) for r in rec.reasons]


def _stage(result: Advice, cite: Citations) -> list[RenderableType]:
    if not result.stage:
        return []
    parts: list[RenderableType] = [Text(""), _text(words.ADVISE["stage"], "bold")]
    for item in result.stage:
        parts.append(_text(words.stage_topic(item.topic, disputed=bool(item.disagreement))))
        parts += [_text(f"• {cite.point(_as_point(entry))}") for entry in item.advice]
    return parts


@build.register
def _(result: Advice, *, sources: bool = True, width: int = DEFAULT_WIDTH) -> RenderableType:
    cite = Citations(result.library, enabled=sources)
    said = words.ADVISE
    parts: list[RenderableType] = []
    best, second = result.best, result.runner_up
    if best:
        parts += [Text.assemble((said["recommended"], "bold"), _heading(best.role))]
    else:
        parts.append(_text(words.no_fit(result), "bold"))
    parts.append(_text(f"{said['for']}: {words.described(result.answers)}.", "dim"))
    if result.size:
        parts.append(
            _text(
                f"{words.size_defined(result.answers)}: {cite.point(_as_point(result.size))}", "dim"
            )
        )
    if best:
        parts.append(Text(""))
        note = words.advised_note(result, best)
        parts += [_text(note, "italic")] if note else []
        parts += [_reason(r, cite) for r in best.reasons]
    else:  # no recommendation: what the sources advise at this size comes first
        parts += _stage(result, cite)
    if second:
        parts.append(Text(""))
        heading = said["runner_up"] if best else said["nearest"]
        parts += _advised(heading, second, words.advised_note(result, second), cite)
    if best:
        parts += _stage(result, cite)
    if result.ruled_out:
        parts += [Text(""), _text(said["ruled_out"], "bold")]
        for out in result.ruled_out:
            first = out.clashes[0]
            line = f"• {out.role.title} ({out.role.id}) — " + words.reason(
                first.question, first.answer, first.verdict, first.value
            )
            line += f" — {cite.point(first.point)}" if first.point else ""
            also = words.also(out.clashes[1:])
            parts.append(_text(f"{line}{' (' + also + ')' if also else ''}"))
    if best and second:
        parts.append(Text(""))
        compare = f"salesroles compare {best.role.id} {second.role.id}"
        parts.append(_text(f"{said['compare']}: {compare}", "dim"))
    return Group(*parts, *_sources(cite))
