"""``salesroles schema``: JSON Schema of the --json outputs, or of a dataset file."""

from __future__ import annotations

import json
from typing import Any

# In a file a point is plain text (it then cites its role's sources), or a table with
# its text and one source id or several.
_POINT_IN_A_FILE: dict[str, Any] = {
    "description": "A statement and the source(s) it rests on.",
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {
                "text": {"type": "string"},
                "source": {"type": "string"},
                "kind": {"enum": ["core", "context"]},
            },
            "required": ["text", "source"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {
                "text": {"type": "string"},
                "sources": {"type": "array", "items": {"type": "string"}},
                "kind": {"enum": ["core", "context"]},
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ],
}


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
        document["$defs"]["Point"] = _POINT_IN_A_FILE
    else:
        from salesroles.json_shapes import json_schema

        document = json_schema()
    return json.dumps(document, indent=2) + "\n"
