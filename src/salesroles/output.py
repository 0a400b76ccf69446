"""The shapes of every ``--json`` output, and their JSON Schema (``salesroles schema``).

``render.json`` is typed against these, so mypy keeps the two in step. They are
``typing.TypedDict``s, cheap to import on the JSON path; ``json_schema`` turns them
into JSON Schema without pydantic.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, TypedDict

Value = dict[str, Any]  # a dimension's value: its structured fields, then "points"


class RoleRef(TypedDict):
    id: str
    title: str
    seniority: int


class ListedRole(RoleRef):
    scope: str | None
    aliases: list[str]


class ListOutput(TypedDict):
    """salesroles list --json"""

    schema_version: int
    roles: list[ListedRole]


class ShownRole(RoleRef):
    aliases: list[str]
    summary: str
    sources: list[str]


class ShowOutput(TypedDict):
    """salesroles show ROLE --json"""

    schema_version: int
    role: ShownRole
    dimensions: dict[str, Value | None]


class DimensionRow(TypedDict):
    name: str
    label: str
    differs: bool
    values: dict[str, Value | None]


class ContrastOut(TypedDict):
    roles: list[str]
    topic: str
    text: str
    source: str


class CompareOutput(TypedDict):
    """salesroles compare ROLE ROLE... --json"""

    schema_version: int
    roles: list[RoleRef]
    diff_only: bool
    dimensions: list[DimensionRow]
    contrasts: list[ContrastOut]


MoveOut = TypedDict(
    "MoveOut",
    {
        "from": str,
        "to": list[str],
        "kind": Literal["promotion", "lateral", "equivalent"],
        "source": str,
        "steps": list[str],
        "skills": list[str],
        "education": list[str],
        "note": "str | None",
    },
)


class MoveNode(MoveOut):
    children: list[MoveNode]


class CareerTreeOutput(TypedDict):
    """salesroles career ROLE --json"""

    schema_version: int
    role: RoleRef
    comes_from: list[MoveNode]
    leads_to: list[MoveNode]


CareerPathOutput = TypedDict(
    "CareerPathOutput",
    {
        "schema_version": int,
        "from": RoleRef,
        "to": RoleRef,
        "reachable": bool,
        "steps": "list[MoveOut] | None",
    },
)
CareerPathOutput.__doc__ = "salesroles career ROLE --to ROLE --json"


class SearchHit(TypedDict):
    role: str | None
    where: str
    text: str


class SearchOutput(TypedDict):
    """salesroles search TEXT --json"""

    schema_version: int
    term: str
    hits: list[SearchHit]


class AdvisedRole(RoleRef):
    reasons: list[str]


class AdviceOutput(TypedDict):
    """salesroles advise --json"""

    schema_version: int
    answers: dict[str, str]
    assumed: list[str]
    recommended: AdvisedRole
    runner_up: AdvisedRole
    compare: str


OUTPUTS: tuple[Any, ...] = (
    ListOutput,
    ShowOutput,
    CompareOutput,
    CareerTreeOutput,
    CareerPathOutput,
    SearchOutput,
    AdviceOutput,
)


def json_schema() -> dict[str, Any]:
    """One JSON Schema document: any ``--json`` output is one of its ``oneOf``."""
    defs: dict[str, Any] = {}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "salesroles --json output",
        "oneOf": [_schema(kind, defs) for kind in OUTPUTS],
        "$defs": defs,
    }


def _schema(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if typing.is_typeddict(kind):
        name = kind.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: a shape may contain itself
            hints = typing.get_type_hints(kind)
            defs[name] = {
                "type": "object",
                "properties": {key: _schema(hint, defs) for key, hint in hints.items()},
                "required": sorted(hints),
                "additionalProperties": False,
            }
            if kind.__doc__ and kind.__doc__.startswith("salesroles"):
                defs[name]["title"] = kind.__doc__
        return {"$ref": f"#/$defs/{name}"}
    if origin is list:
        return {"type": "array", "items": _schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema(args[1], defs)}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema(a, defs) for a in args]}
    if origin is Literal:
        return {"enum": list(args)}
    simple = {str: "string", int: "integer", bool: "boolean", type(None): "null"}
    if kind in simple:
        return {"type": simple[kind]}
    return {}  # Any
