"""``salesroles schema``: JSON Schema of the --json outputs, or of a dataset file."""

from __future__ import annotations

import json
from typing import Any


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
    else:
        from salesroles.json_shapes import json_schema

        document = json_schema()
    return json.dumps(document, indent=2) + "\n"
