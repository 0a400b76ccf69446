"""One role's profile: every dimension the sources cover, each point with its sources."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from salesroles import queries
from salesroles.app.base import ResultView, ViewScreen, opener, plain, table
from salesroles.app.keybar import KeyBar
from salesroles.app.sources import SourcesPane
from salesroles.models import DIMENSIONS
from salesroles.render.text import clean


class ProfileScreen(ViewScreen):
    """A role as ``salesroles show`` prints it: dimensions no source covers are folded
    into one line under the table, and each point ends with its source markers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sources", "Sources"),
        Binding("g", "career", "Career"),
    ]

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.role_id = role_id
        self.shown = queries.profile(self.catalog, role_id, tuple(DIMENSIONS))

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
        self.query_one("#status", Static).update(plain(status, "dim"))
        self.query_one("#view", ResultView).focus()  # arrows, j/k and the page keys scroll it
        self.query_one(SourcesPane).show_sources(self.catalog, [self.role_id])

    def action_sources(self) -> None:
        self.query_one(SourcesPane).toggle_class("open")

    def action_career(self) -> None:
        from salesroles.app.career import CareerScreen

        opener(self).open(lambda: CareerScreen(self.role_id))

    def result(self) -> queries.Result:
        return self.shown  # the export is `salesroles show ROLE --format markdown`

    def export_name(self) -> str:
        return f"salesroles-{self.role_id}.md"
