"""One role's profile: every dimension the sources cover, each point with its sources."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from salesroles import queries
from salesroles.app.messages import OpenCareer
from salesroles.app.screens.base import ViewScreen
from salesroles.app.widgets.keybar import KeyBar
from salesroles.app.widgets.result_view import ResultView, literal, table
from salesroles.app.widgets.sources import SourcesPane
from salesroles.catalog import Catalog
from salesroles.models import DIMENSIONS
from salesroles.render.text import clean
from salesroles.results import Result


class ProfileScreen(ViewScreen):
    """A role as ``salesroles show`` prints it: dimensions no source covers are folded
    into one line under the table, and each point ends with its source markers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sources", "Sources"),
        Binding("g", "career", "Career"),
    ]

    def __init__(self, catalog: Catalog, role_id: str) -> None:
        super().__init__(catalog)
        self.role_id = role_id
        self.shown = queries.profile(catalog, catalog.roles[role_id], tuple(DIMENSIONS))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield ResultView(id="view")
        yield SourcesPane(id="sources", classes="pane")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = clean(self.shown.role.title)
        self.query_one("#view", ResultView).show(table(self.shown))
        uncovered = sum(row.cells[0] is None for row in self.shown.rows)
        status = (
            f"{len(self.shown.rows) - uncovered} of {len(self.shown.rows)} dimensions covered "
            "by the sources; the rest are folded into one line under the table"
            if uncovered
            else "Every dimension is covered by the sources."
        )
        self.query_one("#status", Static).update(literal(status, "dim"))
        self.query_one("#view", ResultView).focus()  # arrows, j/k and the page keys scroll it
        self.query_one(SourcesPane).show_sources(self.catalog, [self.shown.role])

    def action_sources(self) -> None:
        self.query_one(SourcesPane).toggle_class("open")

    def action_career(self) -> None:
        self.post_message(OpenCareer(self.role_id))

    def result(self) -> Result:
        return self.shown  # the export is `salesroles show ROLE --format markdown`

    def export_name(self) -> str:
        return f"salesroles-{self.role_id}.md"
