"""Roles side by side: the CLI's comparison table, with ``d`` and ``a`` as toggles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from salesroles import queries
from salesroles.app.base import ResultView, ViewScreen, plain
from salesroles.app.sources import SourcesPane
from salesroles.models import CORE_DIMENSIONS, DIMENSIONS


class CompareScreen(ViewScreen):
    """``salesroles compare``: ``d`` differences only, ``a`` every dimension or the core six."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "diff", "Differences"),
        Binding("a", "all", "All dimensions"),
        Binding("s", "sources", "Sources"),
    ]

    def __init__(self, role_ids: Sequence[str]) -> None:
        super().__init__()
        self.role_ids = tuple(role_ids)
        self.diff_only = False
        self.every_dimension = False
        self.shown = self.query_result()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield ResultView(id="view")
        yield SourcesPane(id="sources", classes="pane")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "compare " + " ".join(self.role_ids)
        self.refresh_view()

    def query_result(self) -> queries.Comparison:
        dimensions = tuple(DIMENSIONS) if self.every_dimension else CORE_DIMENSIONS
        return queries.compare(self.catalog, self.role_ids, dimensions, self.diff_only)

    def refresh_view(self) -> None:
        from salesroles.render.table import build

        self.shown = self.query_result()
        self.query_one("#view", ResultView).show(build(self.shown))
        dimensions = "every dimension" if self.every_dimension else "the six core dimensions"
        rows = "differences only" if self.diff_only else "every row"
        status = f"{dimensions.capitalize()}, {rows} · d differences · a all or core six"
        self.query_one("#status", Static).update(plain(status, "dim"))
        self.query_one(SourcesPane).show_sources(self.catalog, self.shown)

    def action_diff(self) -> None:
        self.diff_only = not self.diff_only
        self.refresh_view()

    def action_all(self) -> None:
        self.every_dimension = not self.every_dimension
        self.refresh_view()

    def action_sources(self) -> None:
        self.query_one(SourcesPane).toggle_class("open")

    def result(self) -> queries.Result:
        return self.shown  # as `salesroles compare ... [--all] [--diff] --format markdown`

    def export_name(self) -> str:
        return "salesroles-compare-" + "-".join(self.role_ids) + ".md"
