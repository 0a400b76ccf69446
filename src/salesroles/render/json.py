"""JSON output: plain ``json.dumps``, never through Rich, with the output's own version.

Each output's shape is a TypedDict in ``salesroles.render.shapes``: mypy checks this
module against them, and ``salesroles schema`` publishes them as JSON Schema.
Points are ``{"text", "sources"}``; the sources they cite are in a top-level map.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import singledispatch
from typing import TYPE_CHECKING, Any, cast

from salesroles.models import STRUCTURED, Code, Figure, Headline, Point, Role, Source, Title
from salesroles.render import words
from salesroles.render.words import label
from salesroles.results import (
    Advice,
    CareerPath,
    CareerTree,
    Cell,
    Comparison,
    Identification,
    Identified,
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

if TYPE_CHECKING:  # the shapes are for mypy; at run time they are plain dicts
    from salesroles.render import shapes as out

OUTPUT_VERSION = 3  # of the --json output; the dataset file has its own (models)


def render(result: Result, *, ascii_only: bool = False, indent: bool = True) -> str:
    """The JSON text: indented for a person, or on one line for a program (``indent``
    False: json's C encoder writes it, several times faster than the indenting one)."""
    shape = to_json(result)
    if indent:
        return json.dumps(shape, indent=2, ensure_ascii=ascii_only) + "\n"
    return json.dumps(shape, ensure_ascii=ascii_only, separators=(",", ":")) + "\n"


def _role(role: Role) -> out.RoleRef:
    return {"id": role.id, "title": role.title}


def _point(point: Point) -> out.PointOut:
    return {"text": point.text, "sources": list(point.sources), "kind": point.kind}


def _headline(headline: Headline | None) -> out.HeadlineOut | None:
    return None if headline is None else _headline_of(headline)


def _headline_of(headline: Headline) -> out.HeadlineOut:
    return {"text": headline.text, "sources": list(headline.sources)}


def _title(title: Title) -> out.TitleOut:
    return {
        "text": title.text,
        "sources": list(title.sources),
        "lang": title.lang,
        "note": title.note,
    }


def _code(code: Code) -> out.CodeOut:
    return {
        "system": code.system,
        "code": code.code,
        "name": code.name,
        "lumps": code.lumps,
        "sources": [code.source],
        "url": code.url,
    }


def _figure(figure: Figure) -> out.FigureOut:
    return {
        "kind": figure.kind,
        "currency": figure.currency,
        "period": figure.period,
        "amount": figure.amount,
        "low": figure.low,
        "high": figure.high,
        "region": figure.region,
        "year": figure.year,
        "covers": figure.covers,
        "sources": [figure.source],
    }


def _sources(library: Mapping[str, Source]) -> out.Sources:
    return {
        i: {
            "title": s.title,
            "kind": s.kind,
            "publisher": s.publisher,
            "url": s.url,
            "year": s.year,
            "note": s.note,
        }
        for i, s in library.items()
    }


# The structured fields of each dimension that has some: every one is given, null where
# no cited point supports it (an absent dimension is null too, never ``{}`` or missing).
FIELDS: dict[str, tuple[str, ...]] = {**STRUCTURED, "career": ("comes_from", "leads_to")}


def _value(dimension: str, cell: Cell | None) -> out.Value | None:
    if cell is None:
        return None
    values: dict[str, Any] = {}
    for name in FIELDS.get(dimension, ()):
        value = cell.values.get(name)
        if value is None or (isinstance(value, tuple | list) and not value):
            values[name] = None
        elif name == "figures":
            values[name] = [_figure(f) for f in value]
        else:
            values[name] = list(value) if isinstance(value, tuple | list) else value
    values["headline"] = _headline(cell.headline)
    values["points"] = [_point(p) for p in cell.points]
    return cast("out.Value", values)


def _step(step: Step) -> out.MoveOut:
    move = step.move
    return {
        "from": step.source.id,
        "to": [r.id for r in step.target],
        "kind": move.kind,
        "sources": [move.source],
        "steps": list(move.steps),
        "skills": list(move.skills),
        "education": list(move.education),
        "note": move.note,
    }


def _lines(lines: tuple[TreeMove, ...]) -> list[out.TreeLine]:
    """A career tree as a flat list, parents first: ``after`` is the index of the line
    this one continues (null at the top); ``moves`` are the sources that give it."""
    return [
        {
            "depth": line.depth,
            "after": line.after,
            "seen": line.seen,
            "kind": line.steps[0].move.kind,
            "from": line.steps[0].source.id,
            "to": [r.id for r in line.steps[0].target],
            "moves": [_step(s) for s in line.steps],
        }
        for line in lines
    ]


def _ref(role_id: str, names: Mapping[str, str]) -> out.RoleRef:
    """A role named by id in a result, as every output gives a role: ``{id, title}``."""
    return {"id": role_id, "title": names.get(role_id, role_id)}


def _disagreements(result: Profile | Comparison) -> list[out.DisagreementOut]:
    return [
        {
            "roles": [_ref(i, result.names) for i in d.roles],
            "dimensions": list(d.dimensions),
            "topic": d.topic,
            "positions": [{"text": p.text, "sources": [p.source]} for p in d.positions],
            "kind": d.kind,
        }
        for d in result.disagreements
    ]


@singledispatch
def to_json(result: object) -> Any:
    raise TypeError(f"no JSON form for {type(result).__name__}")


@to_json.register(Listing)
def _(result: Listing) -> out.ListOutput:
    return {
        "schema_version": OUTPUT_VERSION,
        "roles": [
            {
                **_role(r),
                "seniority": r.seniority,
                "reports_to": list(result.reports_to.get(r.id, ())),
                "scope": r.scope.level if r.scope else None,
                "aliases": list(r.aliases),
                "titles": [_title(t) for t in r.titles],
            }
            for r in result.roles
        ],
    }


@to_json.register(Profile)
def _(result: Profile) -> out.ShowOutput:
    role = result.role
    return {
        "schema_version": OUTPUT_VERSION,
        "role": {
            **_role(role),
            "aliases": list(role.aliases),
            "titles": [_title(t) for t in role.titles],
            "codes": [_code(c) for c in role.codes],
            "summary": _point(role.summary),
            "sources": list(role.sources),
        },
        "detail": result.detail,
        "dimensions": cast(
            "out.ShownDimensions",
            {row.dimension: _value(row.dimension, row.cells[0]) for row in result.rows},
        ),
        "disagreements": _disagreements(result),
        "sources": _sources(result.library),
    }


@to_json.register(Comparison)
def _(result: Comparison) -> out.CompareOutput:
    ids = [r.id for r in result.roles]
    return {
        "schema_version": OUTPUT_VERSION,
        "roles": [_role(r) for r in result.roles],
        "diff_only": result.diff_only,
        "detail": result.detail,
        "dimensions": cast(
            "out.ComparedDimensions",
            {
                row.dimension: {
                    "label": label(row.dimension),
                    "differs": row.differs,
                    "values": {
                        i: _value(row.dimension, c) for i, c in zip(ids, row.cells, strict=True)
                    },
                }
                for row in result.rows
            },
        ),
        "differences": [
            {
                "roles": [_ref(i, result.names) for i in c.roles],
                "dimensions": list(c.dimensions),
                "topic": c.topic,
                "text": c.text,
                "sources": [c.source],
                "kind": c.kind,
            }
            for c in result.differences
        ],
        "disagreements": _disagreements(result),
        "sources": _sources(result.library),
    }


@to_json.register(CareerTree)
def _(result: CareerTree) -> out.CareerTreeOutput:
    return {
        "schema_version": OUTPUT_VERSION,
        "role": _role(result.role),
        "comes_from": _lines(result.comes_from),
        "leads_to": _lines(result.leads_to),
        "sources": _sources(result.library),
    }


@to_json.register(CareerPath)
def _(result: CareerPath) -> out.CareerPathOutput:
    return {
        "schema_version": OUTPUT_VERSION,
        "start": _role(result.start),
        "goal": _role(result.goal),
        "reachable": result.steps is not None,
        "moves": None if result.steps is None else [_step(s) for s in result.steps],
        "headlines": {
            i: {"text": h.text, "sources": list(h.sources)} for i, h in result.headlines.items()
        },
        "sources": _sources(result.library),
    }


@to_json.register(SearchResult)
def _(result: SearchResult) -> out.SearchOutput:
    return {
        "schema_version": OUTPUT_VERSION,
        "term": result.term,
        "hits": [
            {"role": _role(h.role) if h.role else None, "dimension": h.dimension, "text": h.text}
            for h in result.hits
        ],
    }


def _reading(item: Identified) -> out.WhichRow:
    r = item.reading
    return {
        "title": item.typed,
        "role": _role(item.role) if item.role else None,
        "how": r.how,
        "read_as": r.read_as,
        "level": list(r.level),
        "set_aside": list(r.set_aside),
        "corrected": [{"typed": a, "read_as": b} for a, b in r.corrected],
        "lang": r.lang if r.role else None,
        "note": r.note,
        "reason": r.reason,
        "other_meanings": r.acronym,
        "candidates": list(r.candidates),
        "suggestions": list(r.suggestions),
        "alternatives": [{"id": a.role, "why": a.why} for a in r.alternatives],
        "sources": list(item.sources),
        "codes": [_code(c) for c in item.role.codes] if item.role else [],
    }


@to_json.register(Identification)
def _(result: Identification) -> out.WhichOutput | out.SheetOutput:
    if result.sheet is not None:
        return {
            "schema_version": OUTPUT_VERSION,
            "columns": list(result.sheet.header),
            "title_column": result.column,
            "rows": [
                {"cells": list(row), "match": _reading(item)}
                for row, item in zip(result.sheet.rows, result.titles, strict=True)
            ],
            "sources": _sources(result.library),
        }
    return {
        "schema_version": OUTPUT_VERSION,
        "titles": [_reading(item) for item in result.titles],
        "sources": _sources(result.library),
    }


@to_json.register(SourceList)
def _(result: SourceList) -> out.SourcesOutput:
    listed = _sources({u.source.id: u.source for u in result.sources})
    return {
        "schema_version": OUTPUT_VERSION,
        "role": _role(result.role) if result.role else None,
        "sources": {
            u.source.id: {
                **listed[u.source.id],
                "point_count": u.points,
                "roles": [_ref(i, result.names) for i in u.roles],
            }
            for u in result.sources
        },
    }


def _reason(r: Reason) -> out.ReasonOut:
    value = r.value
    if isinstance(value, dict):
        value = {k: list(v) for k, v in value.items()}
    elif isinstance(value, tuple):
        value = list(value)
    return {
        "question": r.question,
        "answer": r.answer,
        "verdict": cast("Any", r.verdict),
        "dimension": r.dimension,
        "value": value,
        "sentence": words.reason(r.question, r.answer, r.verdict, r.value),
        "point": _headline_of(Headline(r.point.text, r.point.sources)) if r.point else None,
    }


def _advised(rec: Recommendation | None) -> out.AdvisedRole | None:
    if rec is None:
        return None
    return {
        **_role(rec.role),
        "decided_by": rec.decided_by,
        "reasons": [_reason(r) for r in rec.reasons],
    }


@to_json.register(Advice)
def _(result: Advice) -> out.AdviceOutput:
    size = result.size
    return {
        "schema_version": OUTPUT_VERSION,
        "answers": dict(result.answers),
        "assumed": list(result.assumed),
        "size": {"id": size.id, "text": size.text, "sources": list(size.sources)} if size else None,
        "recommended": _advised(result.best),
        "runner_up": _advised(result.runner_up),
        "ruled_out": [
            {
                **_role(o.role),
                "clashes": [c.question for c in o.clashes],
                "reasons": [_reason(c) for c in o.clashes],
                "assumed_only": o.assumed_only,
            }
            for o in result.ruled_out
        ],
        "stage_advice": [
            {
                "topic": item.topic,
                "disputed": item.disagreement is not None,
                "disagreement": item.disagreement.topic if item.disagreement else None,
                "advice": [
                    {
                        "text": e.text,
                        "sources": list(e.sources),
                        "roles": [_ref(i, result.names) for i in e.roles],
                    }
                    for e in item.advice
                ],
            }
            for item in result.stage
        ],
        "sources": _sources(result.library),
    }
