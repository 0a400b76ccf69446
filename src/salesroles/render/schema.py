"""``salesroles schema``: JSON Schema of the --json outputs, or of a dataset file."""

from __future__ import annotations

import json
from typing import Any

# In a file, what cites sources may cite one with ``source = "id"`` instead of
# ``sources = [...]``; a point, a title or a headline may also be plain text (it then
# cites its role's sources).
_CITING = ("Point", "Title", "Headline", "Size", "Hiring", "Outside")
_PLAIN_TEXT_TOO = ("Point", "Title", "Headline")


def _as_in_a_file(shape: dict[str, Any], plain_text: bool) -> dict[str, Any]:
    one = {**shape, "properties": dict(shape["properties"])}
    one["properties"]["source"] = {"type": "string", "title": "Source"}
    del one["properties"]["sources"]
    one["required"] = [*shape.get("required", []), "source"]
    forms: list[dict[str, Any]] = [shape, one]
    if plain_text:
        forms.insert(0, {"type": "string"})
    return {"description": shape.get("description", ""), "anyOf": forms}


def render(*, dataset: bool = False, command: str | None = None) -> str:
    """The JSON Schema of a dataset file, of one command's --json output, or of them all."""
    document: dict[str, Any]
    if dataset:
        from pydantic import TypeAdapter

        from salesroles.models import Dataset

        document = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **TypeAdapter(Dataset).json_schema(),
        }
        document["title"] = "salesroles dataset file"
        defs = document["$defs"]
        for name in _CITING:
            defs[name] = _as_in_a_file(defs[name], plain_text=name in _PLAIN_TEXT_TOO)
    else:
        document = json_schema(command)
    return json.dumps(document, indent=2) + "\n"


def json_schema(command: str | None = None) -> dict[str, Any]:
    """One JSON Schema document: the output of ``command`` (one of ``shapes.COMMANDS``),
    or, without one, any ``--json`` output as one of its ``oneOf``."""
    from typing import Union

    from pydantic import TypeAdapter

    from salesroles.render.json import OUTPUT_VERSION
    from salesroles.render.shapes import COMMANDS, OUTPUTS

    kinds = OUTPUTS if command is None else COMMANDS[command]
    union: Any = Union[kinds]  # noqa: UP007 (a Union built from a tuple of types)
    document = TypeAdapter(union).json_schema()
    defs: dict[str, Any] = document.pop("$defs", {})
    if len(kinds) == 1:  # one shape is given whole, not as a reference: file it with the rest
        defs[kinds[0].__name__] = document
    for shape in defs.values():  # an output holds exactly the keys listed
        if shape.get("type") == "object" and "properties" in shape:
            shape["additionalProperties"] = False
    for kind in kinds:
        shape = defs[kind.__name__]
        shape["description"] = kind.__doc__
        shape["properties"]["schema_version"] = {"const": OUTPUT_VERSION}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"salesroles {command + ' ' if command else ''}--json output",
        "description": f"Output version {OUTPUT_VERSION}, given as schema_version.",
        "oneOf": [{"$ref": f"#/$defs/{kind.__name__}"} for kind in kinds],
        "$defs": defs,
    }
