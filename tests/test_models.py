"""The dataset's models and the query results: frozen, compared and printed by their fields."""

from __future__ import annotations

import pytest

from salesroles import queries
from salesroles.dataset import load
from salesroles.models import CORE_DIMENSIONS, Point, Role


def test_models_are_frozen() -> None:
    from dataclasses import FrozenInstanceError

    role = load.load().roles["head"]
    with pytest.raises(FrozenInstanceError):
        role.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError, match="has no field 'tittle'"):
        Role(id="x", title="X", summary=Point("s"), sources=("a",), tittle="X")


def test_models_and_results_compare_and_print_by_their_fields() -> None:
    assert Point("x", ("a",)) == Point("x", ("a",))
    assert Point("x", ("a",)) != Point("x", ("b",))
    assert repr(Point("x")) == "Point(text='x', sources=(), kind='core')"
    assert len({Point("x"), Point("x")}) == 1
    warm = load.load()
    chosen = [warm.roles["head"], warm.roles["director"]]
    one = queries.compare(warm, chosen, CORE_DIMENSIONS)
    assert one == queries.compare(warm, chosen, CORE_DIMENSIONS)
    assert "Comparison(roles=" in repr(one)
