"""Roles side by side, at a glance: ``d`` differences only, ``a`` every dimension,
Enter on a row its every point."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Static

from salesroles import queries
from salesroles.app.screens.base import RowsScreen
from salesroles.app.widgets.result_view import ResultView, literal, side_by_side_width, table
from salesroles.catalog import Catalog
from salesroles.models import DIMENSIONS, GLANCE_DIMENSIONS
from salesroles.results import Comparison, Result


class CompareScreen(RowsScreen):
    """``salesroles compare``: the glance, ``d`` differences only, ``a`` all dimensions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "diff", "Differences"),
        Binding("a", "all", "All dimensions"),
    ]

    def __init__(self, catalog: Catalog, role_ids: Sequence[str]) -> None:
        super().__init__(catalog)
        self.role_ids = tuple(role_ids)
        self.roles = tuple(catalog.roles[i] for i in role_ids)
        self.diff_only = False
        self.every_dimension = False
        self.shown = self.query_result()

    def on_mount(self) -> None:
        self.sub_title = "compare " + " ".join(self.role_ids)
        self.refresh_view()
        self.query_one("#view", ResultView).focus()  # the page keys scroll it
        self.set_timer(0.2, self.prepare_toggles)

    def prepare_toggles(self) -> None:
        """Render the other three views while the user reads, one per idle moment."""
        view = self.query_one("#view", ResultView)
        for diff, every in ((True, False), (False, True), (True, True)):
            shown = self.query_result(diff, every)
            rows = [row.dimension for row in shown.rows]
            mark = self.mark if self.mark in rows else (rows[0] if rows else None)
            key = ((diff, every), mark)
            if not view.is_prepared(key):
                wide = side_by_side_width(shown, 0)
                view.prepare(table(shown, mark), key=key, min_width=wide)
                self.set_timer(0.05, self.prepare_toggles)
                return

    def query_result(
        self, diff_only: bool | None = None, every_dimension: bool | None = None
    ) -> Comparison:
        """The comparison as it is now, or as it would be with the toggles given."""
        every = self.every_dimension if every_dimension is None else every_dimension
        dimensions = tuple(DIMENSIONS) if every else GLANCE_DIMENSIONS
        diff = self.diff_only if diff_only is None else diff_only
        return queries.compare(self.catalog, self.roles, dimensions, diff_only=diff)

    def shown_result(self) -> Result:
        return self.shown

    def rows(self) -> list[str]:
        return [row.dimension for row in self.shown.rows]

    def view_key(self) -> object:
        return (self.diff_only, self.every_dimension)

    def detail(self, dimension: str) -> Result:
        return queries.compare(self.catalog, self.roles, [dimension], detail=True)

    def refresh_view(self) -> None:
        self.shown = self.query_result()
        self.draw()
        dimensions = "every dimension" if self.every_dimension else "the eight at a glance"
        rows = "differences only" if self.diff_only else "every row"
        status = (
            f"{dimensions.capitalize()}, {rows} · ↑↓ a row · Enter its every point · "
            "d differences · a all"
        )
        self.query_one("#status", Static).update(literal(status, "dim"))

    def action_diff(self) -> None:
        self.diff_only = not self.diff_only
        self.refresh_view()

    def action_all(self) -> None:
        self.every_dimension = not self.every_dimension
        self.refresh_view()

    def result(self) -> Result:
        return self.shown  # as `salesroles compare ... [--all] [--diff] --format markdown`

    def export_name(self) -> str:
        return "salesroles-compare-" + "-".join(self.role_ids) + ".md"
