"""What the screens that show a query's result share: Esc goes back, ``e`` exports; and
for the profile and the comparison, a glance with a row cursor, each row's detail one key
away, and the sources pane numbered as the view's markers are."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Static

from salesroles.app.messages import ExportView, OpenDetail
from salesroles.app.widgets.keybar import KeyBar
from salesroles.app.widgets.result_view import ResultView, side_by_side_width, table
from salesroles.app.widgets.sources import SourcesPane
from salesroles.catalog import Catalog
from salesroles.results import Comparison, Result


class ViewScreen(Screen[None]):
    """A screen that shows one result: Esc goes back, ``e`` exports what it shows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def result(self) -> Result:
        """The query result on screen, as the CLI would print it."""
        raise NotImplementedError

    def export_name(self) -> str:
        """A file name to offer for the export."""
        return "salesroles.md"

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        self.post_message(ExportView(self.result(), self.export_name()))


class RowsScreen(ViewScreen):
    """↑ ↓ (j k) choose a row, Enter or ``v`` opens its every point, ``s`` the sources."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,v", "detail", "Row detail", key_display="Enter"),
        Binding("s", "sources", "Sources"),
        Binding("up,k", "row(-1)", "Row up", show=False, priority=True),
        Binding("down,j", "row(1)", "Row down", show=False, priority=True),
    ]

    mark: str | None = None  # the dimension the cursor is on

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield ResultView(id="view")
        yield SourcesPane(id="sources", classes="pane")
        yield KeyBar()

    def shown_result(self) -> Result:
        """The glance on screen now."""
        raise NotImplementedError

    def rows(self) -> list[str]:
        """The dimensions the cursor can stop on, in the order they are drawn."""
        raise NotImplementedError

    def detail(self, dimension: str) -> Result:
        """Every point of one row."""
        raise NotImplementedError

    def view_key(self) -> object:
        """What identifies the view on screen, for reusing its drawing."""
        raise NotImplementedError

    def draw(self) -> None:
        rows = self.rows()
        if self.mark not in rows:
            self.mark = rows[0] if rows else None
        result = self.shown_result()
        view = self.query_one("#view", ResultView)
        wide = side_by_side_width(result, 0) if isinstance(result, Comparison) else 0
        view.show(table(result, self.mark), key=(self.view_key(), self.mark), min_width=wide)
        line = view.reversed_line()
        if line is not None:
            view.reveal(line)
        self.query_one(SourcesPane).show_sources(result, self.view_key())

    def action_row(self, by: int) -> None:
        rows = self.rows()
        if not rows:
            return
        here = rows.index(self.mark) if self.mark in rows else 0
        self.mark = rows[max(0, min(len(rows) - 1, here + by))]
        self.draw()

    def action_detail(self) -> None:
        if self.mark is not None:
            self.post_message(OpenDetail(self.detail(self.mark), self.export_name()))

    def action_sources(self) -> None:
        self.query_one(SourcesPane).toggle_class("open")
