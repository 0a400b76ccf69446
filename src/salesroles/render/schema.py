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


def render(*, dataset: bool = False) -> str:
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
        document = json_schema()
    return json.dumps(document, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """One JSON Schema document: any ``--json`` output is one of its ``oneOf``."""
    from typing import Union

    from pydantic import TypeAdapter

    from salesroles.render.json import OUTPUT_VERSION
    from salesroles.render.shapes import OUTPUTS

    union: Any = Union[OUTPUTS]  # noqa: UP007 (a Union built from a tuple of types)
    document = TypeAdapter(union).json_schema()
    defs: dict[str, Any] = document.get("$defs", {})
    for shape in defs.values():  # an output holds exactly the keys listed
        if shape.get("type") == "object" and "properties" in shape:
            shape["additionalProperties"] = False
    for kind in OUTPUTS:
        shape = defs[kind.__name__]
        shape["description"] = kind.__doc__
        shape["properties"]["schema_version"] = {"const": OUTPUT_VERSION}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "salesroles --json output",
        "description": f"Output version {OUTPUT_VERSION}, given as schema_version.",
        "oneOf": [{"$ref": f"#/$defs/{kind.__name__}"} for kind in OUTPUTS],
        "$defs": defs,
    }
