"""JSON output: plain ``json.dumps``, never through Rich, with a ``schema_version``.

Each output's shape is a TypedDict in ``salesroles.output``: mypy checks this module
against them, and ``salesroles schema`` publishes them as JSON Schema.
"""

from __future__ import annotations

import json
from functools import singledispatch
from typing import TYPE_CHECKING, Any

from salesroles.models import SCHEMA_VERSION, Role
from salesroles.queries import (
    Advice,
    CareerPath,
    CareerTree,
    Comparison,
    Listing,
    Profile,
    Result,
    SearchResult,
    Step,
    TreeNode,
)

if TYPE_CHECKING:  # the shapes are for mypy; at run time they are plain dicts
    from salesroles import output as out


def render(result: Result, *, ascii_only: bool = False) -> str:
    return json.dumps(to_json(result), indent=2, ensure_ascii=ascii_only) + "\n"


def _role(role: Role) -> out.RoleRef:
    return {"id": role.id, "title": role.title, "seniority": role.seniority}


def _step(step: Step) -> out.MoveOut:
    move = step.move
    return {
        "from": step.source.id,
        "to": [r.id for r in step.target],
        "kind": move.kind,
        "source": move.source,
        "steps": list(move.steps),
        "skills": list(move.skills),
        "education": list(move.education),
        "note": move.note,
    }


def _node(node: TreeNode) -> out.MoveNode:
    return {**_step(node.step), "children": [_node(c) for c in node.children]}


@singledispatch
def to_json(result: object) -> Any:
    raise TypeError(f"no JSON form for {type(result).__name__}")


@to_json.register(Listing)
def _(result: Listing) -> out.ListOutput:
    return {
        "schema_version": SCHEMA_VERSION,
        "roles": [
            {
                **_role(r),
                "scope": r.scope.level if r.scope else None,
                "aliases": list(r.aliases),
            }
            for r in result.roles
        ],
    }


@to_json.register(Profile)
def _(result: Profile) -> out.ShowOutput:
    role = result.role
    return {
        "schema_version": SCHEMA_VERSION,
        "role": {
            **_role(role),
            "aliases": list(role.aliases),
            "summary": role.summary,
            "sources": list(role.sources),
        },
        "dimensions": {
            row.dimension: c.data if (c := row.cells[0]) else None for row in result.rows
        },
    }


@to_json.register(Comparison)
def _(result: Comparison) -> out.CompareOutput:
    ids = [r.id for r in result.roles]
    return {
        "schema_version": SCHEMA_VERSION,
        "roles": [_role(r) for r in result.roles],
        "diff_only": result.diff_only,
        "dimensions": [
            {
                "name": row.dimension,
                "label": row.label,
                "differs": row.differs,
                "values": {i: c.data if c else None for i, c in zip(ids, row.cells, strict=True)},
            }
            for row in result.rows
        ],
        "contrasts": [
            {"roles": list(c.roles), "topic": c.topic, "text": c.text, "source": c.source}
            for c in result.contrasts
        ],
    }


@to_json.register(CareerTree)
def _(result: CareerTree) -> out.CareerTreeOutput:
    return {
        "schema_version": SCHEMA_VERSION,
        "role": _role(result.role),
        "comes_from": [_node(n) for n in result.comes_from],
        "leads_to": [_node(n) for n in result.leads_to],
    }


@to_json.register(CareerPath)
def _(result: CareerPath) -> out.CareerPathOutput:
    return {
        "schema_version": SCHEMA_VERSION,
        "from": _role(result.start),
        "to": _role(result.goal),
        "reachable": result.steps is not None,
        "steps": None if result.steps is None else [_step(s) for s in result.steps],
    }


@to_json.register(SearchResult)
def _(result: SearchResult) -> out.SearchOutput:
    return {
        "schema_version": SCHEMA_VERSION,
        "term": result.term,
        "hits": [
            {"role": h.role.id if h.role else None, "where": h.where, "text": h.text}
            for h in result.hits
        ],
    }


@to_json.register(Advice)
def _(result: Advice) -> out.AdviceOutput:
    return {
        "schema_version": SCHEMA_VERSION,
        "answers": dict(result.answers),
        "assumed": list(result.assumed),
        "recommended": {**_role(result.best), "reasons": list(result.reasons)},
        "runner_up": {**_role(result.runner_up), "reasons": list(result.runner_up_reasons)},
        "compare": result.compare_command,
    }
