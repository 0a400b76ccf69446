"""CSV output: one header row, then data; cells with several points hold one per line.

Every row that states something from the dataset has a ``sources`` column: the
sources it rests on, as title, publisher and year, one per line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from functools import singledispatch

from salesroles import spreadsheet
from salesroles.models import Source
from salesroles.render import words
from salesroles.render.text import clean
from salesroles.results import (
    Advice,
    CareerPath,
    CareerTree,
    Cell,
    Comparison,
    Identification,
    Listing,
    Profile,
    Result,
    SearchResult,
    SourceList,
    TreeMove,
)
from salesroles.spreadsheet import csv_safe


def render(result: Result) -> str:
    if isinstance(result, Identification) and result.sheet is not None:
        return _sheet(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[safe_cell(str(v)) for v in row] for row in _rows(result)])
    return buffer.getvalue()


def safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: control characters made visible, then OWASP's
    rule against CSV injection (``spreadsheet.csv_safe``, the one place it is written)."""
    return csv_safe(clean(text))


def _cell(cell: Cell | None, dimension: str, names: dict[str, str], *, detail: bool) -> str:
    if cell is None:
        return ""
    if not detail:
        value = words.glance(dimension, cell.values, names)
        said = cell.headline or next(iter(cell.core), None)
        return " · ".join(x for x in (value, said.text if said else "") if x)
    lines = words.facts(dimension, cell.values, names)
    lines += [cell.headline.text] if cell.headline else []
    lines += [words.figure(f) for f in cell.values.get("figures", ())]
    lines += [p.text for p in cell.points if p.kind == "core"]
    return "\n".join([*lines, *(f"(context) {p.text}" for p in cell.points if p.kind != "core")])


def _cited(cells: Iterable[Cell | None], *, detail: bool) -> list[str]:
    ids: list[str] = []
    for c in cells:
        if c is None:
            continue
        if not detail:
            said = c.headline or next(iter(c.core), None)
            ids += said.sources if said else ()
            continue
        ids += c.headline.sources if c.headline else ()
        ids += [s for p in c.points for s in p.sources]
        ids += [f.source for f in c.values.get("figures", ())]
    return ids


def _sources(ids: Iterable[str], library: Mapping[str, Source]) -> str:
    shown = []
    for i in dict.fromkeys(ids):
        source = library.get(i)
        shown.append(
            ", ".join(str(x) for x in (source.title, source.publisher, source.year) if x)
            if source
            else i
        )
    return "\n".join(shown)


@singledispatch
def _rows(result: object) -> Iterable[Sequence[object]]:
    raise TypeError(f"no CSV form for {type(result).__name__}")


@_rows.register
def _(result: Listing) -> Iterable[Sequence[object]]:
    yield ("id", "title", "reports_to", "scope", "aliases")
    for r in result.roles:
        yield (
            r.id,
            r.title,
            ";".join(result.reports_to.get(r.id, ())),
            r.scope.level if r.scope and r.scope.level else "",
            ";".join(r.aliases),
        )


@_rows.register
def _(result: Profile) -> Iterable[Sequence[object]]:
    yield ("role", "dimension", "value", "sources")
    for row in result.rows:
        c = row.cells[0]
        yield (
            result.role.id,
            row.dimension,
            _cell(c, row.dimension, result.names, detail=result.detail),
            _sources(_cited([c], detail=result.detail), result.library),
        )


@_rows.register
def _(result: Comparison) -> Iterable[Sequence[object]]:
    yield ("dimension", *(r.id for r in result.roles), "sources")
    for row in result.rows:
        yield (
            row.dimension,
            *(_cell(c, row.dimension, result.names, detail=result.detail) for c in row.cells),
            _sources(_cited(row.cells, detail=result.detail), result.library),
        )


def _tree(direction: str, lines: tuple[TreeMove, ...]) -> Iterable[Sequence[object]]:
    for line in lines:
        for step in line.steps:
            for target in step.target:
                yield (
                    direction,
                    line.depth,
                    step.source.id,
                    target.id,
                    line.kind,
                    step.move.source,
                )


@_rows.register
def _(result: CareerTree) -> Iterable[Sequence[object]]:
    yield ("direction", "depth", "from", "to", "kind", "source")
    yield from _tree("comes_from", result.comes_from)
    yield from _tree("leads_to", result.leads_to)


@_rows.register
def _(result: CareerPath) -> Iterable[Sequence[object]]:
    yield ("step", "from", "to", "kind", "steps", "skills", "education", "note", "sources")
    for number, step in enumerate(result.steps or (), 1):
        move = step.move
        yield (
            number,
            step.source.id,
            step.target[0].id,
            move.kind,
            "\n".join(move.steps),
            "\n".join(move.skills),
            "\n".join(move.education),
            move.note or "",
            _sources([move.source], result.library),
        )


@_rows.register
def _(result: SearchResult) -> Iterable[Sequence[object]]:
    yield ("role", "dimension", "text")
    for hit in result.hits:
        yield (hit.role.id if hit.role else "", hit.dimension, hit.text)


@_rows.register
def _(result: Identification) -> Iterable[Sequence[object]]:
    yield ("title", "role", "role_title", "match", "read_as", "level", "set_aside",
           "corrected", "note", "reason", "alternatives", "sources")  # fmt: skip
    for item in result.titles:
        r = item.reading
        yield (
            item.typed,
            r.role or "",
            result.names.get(r.role, "") if r.role else "",
            r.how,
            r.read_as or "",
            " ".join(r.level),
            ";".join(r.set_aside),
            ";".join(f"{a}>{b}" for a, b in r.corrected),
            r.note or "",
            r.reason or "",
            ";".join(f"{a.role} ({a.why})" for a in r.alternatives) or ";".join(r.candidates),
            _sources(item.sources, result.library),
        )


@_rows.register
def _(result: SourceList) -> Iterable[Sequence[object]]:
    yield ("id", "kind", "year", "title", "publisher", "url", "points", "roles")
    for use in result.sources:
        s = use.source
        backs = ";".join(use.roles)
        yield (
            s.id,
            s.kind,
            s.year or "",
            s.title,
            s.publisher or "",
            s.url or "",
            use.points,
            backs,
        )


@_rows.register
def _(result: Advice) -> Iterable[Sequence[object]]:
    """One row per role: recommended, runner-up (or nearest), ruled out; each with its
    reasons in sentences and the sources they rest on."""
    yield ("status", "id", "title", "reasons", "sources")
    runner = "runner-up" if result.best else "nearest"
    advised = [("recommended", result.best), (runner, result.runner_up)]
    rows = [(status, rec.role, rec.reasons) for status, rec in advised if rec]
    rows += [("ruled out", out.role, out.clashes) for out in result.ruled_out]
    for status, role, reasons in rows:
        said = [
            words.reason(r.question, r.answer, r.verdict, r.value)
            + (f" — {r.point.text}" if r.point else "")
            for r in reasons
        ]
        cited = [s for r in reasons if r.point for s in r.point.sources]
        yield (status, role.id, role.title, "\n".join(said), _sources(cited, result.library))


def _sheet(result: Identification) -> str:
    """A spreadsheet given to which, every row and column kept, the answers appended."""
    assert result.sheet is not None
    answers = [words.which_answer(item.reading, result.names) for item in result.titles]
    added = [f"salesroles {name}" for name in words.WHICH_COLUMNS]
    text = spreadsheet.write_csv(result.sheet, added, answers)
    excel = result.sheet.encoding != "utf-8"  # a mark, UTF-16 or Windows-1252: Excel's
    return ("\ufeff" if excel else "") + text
