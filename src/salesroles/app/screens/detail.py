"""One row's every point: what ``--detail --only DIM`` prints, opened from a glance."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header, Static

from salesroles.app.screens.base import ViewScreen
from salesroles.app.widgets.keybar import KeyBar
from salesroles.app.widgets.result_view import ResultView, literal, table
from salesroles.catalog import Catalog
from salesroles.results import Result


class DetailScreen(ViewScreen):
    """Every point behind a glance's row, each with its source; Esc goes back."""

    def __init__(self, catalog: Catalog, shown: Result, name: str) -> None:
        super().__init__(catalog)
        self.shown = shown
        self.name_offered = name

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(literal("Every point, with its source · Esc back to the glance", "dim"))
        yield ResultView(id="view")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "detail"
        view = self.query_one("#view", ResultView)
        view.show(table(self.shown))
        view.focus()

    def result(self) -> Result:
        return self.shown

    def export_name(self) -> str:
        return self.name_offered.removesuffix(".md") + "-detail.md"
