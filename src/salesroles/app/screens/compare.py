"""Roles side by side: the CLI's comparison table, with ``d`` and ``a`` as toggles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from salesroles import queries
from salesroles.app.screens.base import ViewScreen
from salesroles.app.widgets.keybar import KeyBar
from salesroles.app.widgets.result_view import ResultView, literal, side_by_side_width, table
from salesroles.app.widgets.sources import SourcesPane
from salesroles.catalog import Catalog
from salesroles.models import CORE_DIMENSIONS, DIMENSIONS
from salesroles.results import Comparison, Result


class CompareScreen(ViewScreen):
    """``salesroles compare``: ``d`` differences only, ``a`` every dimension or the core six."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "diff", "Differences"),
        Binding("a", "all", "All dimensions"),
        Binding("s", "sources", "Sources"),
    ]

    def __init__(self, catalog: Catalog, role_ids: Sequence[str]) -> None:
        super().__init__(catalog)
        self.role_ids = tuple(role_ids)
        self.roles = tuple(catalog.roles[i] for i in role_ids)
        self.diff_only = False
        self.every_dimension = False
        self.shown = self.query_result()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield ResultView(id="view")
        yield SourcesPane(id="sources", classes="pane")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "compare " + " ".join(self.role_ids)
        self.refresh_view()
        self.query_one("#view", ResultView).focus()  # arrows, j/k and the page keys scroll it
        self.query_one(SourcesPane).show_sources(self.catalog, self.roles)
        self.set_timer(0.2, self.prepare_toggles)

    def prepare_toggles(self) -> None:
        """Render the other three views while the user reads, one per idle moment."""
        view = self.query_one("#view", ResultView)
        for diff, every in ((True, False), (False, True), (True, True)):
            if not view.is_prepared((diff, every)):
                shown = self.query_result(diff, every)
                wide = side_by_side_width(shown, 0)
                view.prepare(table(shown), key=(diff, every), min_width=wide)
                self.set_timer(0.05, self.prepare_toggles)
                return

    def query_result(
        self, diff_only: bool | None = None, every_dimension: bool | None = None
    ) -> Comparison:
        """The comparison as it is now, or as it would be with the toggles given."""
        every = self.every_dimension if every_dimension is None else every_dimension
        dimensions = tuple(DIMENSIONS) if every else CORE_DIMENSIONS
        diff = self.diff_only if diff_only is None else diff_only
        return queries.compare(self.catalog, self.roles, dimensions, diff)

    def refresh_view(self) -> None:
        self.shown = self.query_result()
        view = self.query_one("#view", ResultView)
        wide = side_by_side_width(self.shown, 0)
        view.show(table(self.shown), key=(self.diff_only, self.every_dimension), min_width=wide)
        dimensions = "every dimension" if self.every_dimension else "the six core dimensions"
        rows = "differences only" if self.diff_only else "every row"
        status = f"{dimensions.capitalize()}, {rows} · d differences · a all or core six"
        self.query_one("#status", Static).update(literal(status, "dim"))

    def action_diff(self) -> None:
        self.diff_only = not self.diff_only
        self.refresh_view()

    def action_all(self) -> None:
        self.every_dimension = not self.every_dimension
        self.refresh_view()

    def action_sources(self) -> None:
        self.query_one(SourcesPane).toggle_class("open")

    def result(self) -> Result:
        return self.shown  # as `salesroles compare ... [--all] [--diff] --format markdown`

    def export_name(self) -> str:
        return "salesroles-compare-" + "-".join(self.role_ids) + ".md"
