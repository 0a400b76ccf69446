"""Snapshots of the screens people look at, at 100×30 (pytest-textual-snapshot).

After a deliberate change to a screen: ``pytest tests/test_app_snapshots.py
--snapshot-update``, then look at the SVGs in ``tests/__snapshots__`` before
committing them. The README's screenshot is one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from salesroles.app.app import SalesRolesApp
from salesroles.dataset import load

from .conftest import ROOT

SIZE = (100, 30)
Snap = Callable[..., bool]


@pytest.fixture(autouse=True)
def in_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


def app(*roles: str, data: Path | None = None) -> SalesRolesApp:
    catalog = load.load(data)
    return SalesRolesApp(catalog, [catalog.resolve(name).id for name in roles])


def snap(snap_compare: Snap, the_app: SalesRolesApp, press: Iterable[str] = ()) -> bool:
    return snap_compare(the_app, press=list(press), terminal_size=SIZE)


def test_roles(snap_compare: Snap) -> None:
    assert snap(snap_compare, app(), ["space", "j", "j", "j", "space", "j"])


def test_roles_filtered(snap_compare: Snap) -> None:
    assert snap(snap_compare, app(), ["slash", "c", "h", "i", "e", "f"])


def test_profile(snap_compare: Snap) -> None:
    assert snap(snap_compare, app("head"))


def test_profile_with_sources(snap_compare: Snap) -> None:
    assert snap(snap_compare, app("manager"), ["s"])


def test_compare(snap_compare: Snap) -> None:
    assert snap(snap_compare, app("head", "director"))


def test_compare_differences_in_every_dimension(snap_compare: Snap) -> None:
    assert snap(snap_compare, app("vp", "cro"), ["a", "d"])


def test_compare_four(snap_compare: Snap) -> None:
    assert snap(snap_compare, app("manager", "director", "head", "cso"))


def test_career(snap_compare: Snap) -> None:
    assert snap(snap_compare, app(), ["j", "j", "j", "g"])


def test_career_path(snap_compare: Snap) -> None:
    assert snap(snap_compare, app(), ["g", "t", *["down"] * 8, "enter"])


def test_advise(snap_compare: Snap) -> None:
    assert snap(snap_compare, app(), ["h", "down", "down", "enter"])


def test_help(snap_compare: Snap) -> None:
    assert snap(snap_compare, app(), ["question_mark"])


def test_export_dialog(snap_compare: Snap) -> None:
    assert snap(snap_compare, app("head", "director"), ["e"])


def test_hostile_dataset(snap_compare: Snap) -> None:
    assert snap(snap_compare, app("boss", "lead", data=ROOT / "tests/fixtures/hostile.toml"))


def test_compare_four_at_80x24(snap_compare: Snap) -> None:
    the_app = app("manager", "director", "head", "cso")
    assert snap_compare(the_app, terminal_size=(80, 24))  # side by side, scrolls sideways
