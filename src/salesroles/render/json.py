"""JSON output: plain ``json.dumps``, never through Rich, with a ``schema_version``.

The shapes are documented in README.md and described by ``salesroles schema``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import singledispatch
from typing import Any

from salesroles.models import SCHEMA_VERSION, Role
from salesroles.queries import (
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


def render(result: Result, *, ascii_only: bool = False) -> str:
    document = {"schema_version": SCHEMA_VERSION, **to_json(result)}
    return json.dumps(document, indent=2, ensure_ascii=ascii_only) + "\n"


def _role(role: Role) -> dict[str, Any]:
    return {"id": role.id, "title": role.title, "seniority": role.seniority}


def _step(step: Step) -> dict[str, Any]:
    move = asdict(step.move)
    del move["to"]
    return {"from": step.source.id, "to": [r.id for r in step.target], **move}


def _node(node: TreeNode) -> dict[str, Any]:
    return {**_step(node.step), "children": [_node(c) for c in node.children]}


@singledispatch
def to_json(result: object) -> dict[str, Any]:
    raise TypeError(f"no JSON form for {type(result).__name__}")


@to_json.register
def _(result: Listing) -> dict[str, Any]:
    return {
        "roles": [
            {
                **_role(r),
                "scope": r.scope.level if r.scope else None,
                "aliases": list(r.aliases),
            }
            for r in result.roles
        ]
    }


@to_json.register
def _(result: Profile) -> dict[str, Any]:
    role = result.role
    return {
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


@to_json.register
def _(result: Comparison) -> dict[str, Any]:
    ids = [r.id for r in result.roles]
    return {
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
        "contrasts": [asdict(c) for c in result.contrasts],
    }


@to_json.register
def _(result: CareerTree) -> dict[str, Any]:
    return {
        "role": _role(result.role),
        "comes_from": [_node(n) for n in result.comes_from],
        "leads_to": [_node(n) for n in result.leads_to],
    }


@to_json.register
def _(result: CareerPath) -> dict[str, Any]:
    return {
        "from": _role(result.start),
        "to": _role(result.goal),
        "reachable": result.steps is not None,
        "steps": None if result.steps is None else [_step(s) for s in result.steps],
    }


@to_json.register
def _(result: SearchResult) -> dict[str, Any]:
    return {
        "term": result.term,
        "hits": [
            {"role": h.role.id if h.role else None, "where": h.where, "text": h.text}
            for h in result.hits
        ],
    }
