"""A whole dataset as a file: TOML (with tomli-w) or JSON, loadable again as it is."""

from __future__ import annotations

import json
from typing import Any

from salesroles.models import Dataset, as_data

ORDER = (
    "dataset_version",
    "executives",
    "sources",
    "sizes",
    "roles",
    "contrasts",
    "disagreements",
    "hiring",
    "outside",
)


def file_values(dataset: Dataset) -> dict[str, Any]:
    """The dataset as TOML-ready values: no ``None`` (TOML has no null), lists not tuples.

    An export stands alone, whatever it was loaded from, so it never says ``extends``.
    """
    data = _clean(as_data(dataset))
    return {key: data[key] for key in ORDER if key in data}


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def dump(dataset: Dataset, fmt: str) -> str:
    data = file_values(dataset)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import tomli_w

    return tomli_w.dumps(data)


def upgraded(data: dict[str, Any]) -> str:
    """A version-1 file's values, once upgraded, as TOML (plain points stay plain)."""
    import tomli_w

    order = ("dataset_version", "extends", *ORDER[1:])
    ordered = {key: data[key] for key in order if key in data}
    ordered.update((k, v) for k, v in data.items() if k not in ordered)
    return tomli_w.dumps(ordered)
