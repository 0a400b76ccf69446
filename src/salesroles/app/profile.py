"""One role's profile: every dimension the sources cover; the rest folded away."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from salesroles import queries
from salesroles.app.base import ResultView, ViewScreen, plain
from salesroles.app.keybar import KeyBar
from salesroles.app.sources import SourcesPane
from salesroles.models import DIMENSIONS
from salesroles.render.table import build
from salesroles.render.text import clean


class ProfileScreen(ViewScreen):
    """A role as ``salesroles show`` prints it; ``a`` unfolds what no source covers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "unfold", "All dimensions"),
        Binding("s", "sources", "Sources"),
        Binding("g", "career", "Career"),
    ]

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.role_id = role_id
        self.unfolded = False
        self.whole = queries.profile(self.catalog, role_id, tuple(DIMENSIONS))
        self.uncovered = [row.label for row in self.whole.rows if row.cells[0] is None]
        covered = tuple(row.dimension for row in self.whole.rows if row.cells[0] is not None)
        self.folded = queries.profile(self.catalog, role_id, covered)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield ResultView(id="view")
        yield SourcesPane(id="sources", classes="pane")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = clean(self.whole.role.title)
        self.refresh_view()
        self.set_timer(0.2, self.prepare_unfolded)  # so the first `a` is instant too

    def prepare_unfolded(self) -> None:
        self.query_one("#view", ResultView).prepare(build(self.whole), key=True)

    def refresh_view(self) -> None:
        shown = self.whole if self.unfolded else self.folded
        self.query_one("#view", ResultView).show(build(shown), key=self.unfolded)
        if not self.uncovered:
            status = "Every dimension is covered by the sources."
        elif self.unfolded:
            status = f"Showing all {len(DIMENSIONS)} dimensions · a folds away the uncovered"
        else:
            count = len(self.uncovered)
            status = (
                f"{count} dimension{'s' if count != 1 else ''} not covered by the sources "
                f"folded away ({', '.join(self.uncovered)}) · a shows them"
            )
        self.query_one("#status", Static).update(plain(status, "dim"))
        self.query_one(SourcesPane).show_sources(self.catalog, shown)

    def action_unfold(self) -> None:
        self.unfolded = not self.unfolded
        self.refresh_view()

    def action_sources(self) -> None:
        self.query_one(SourcesPane).toggle_class("open")

    def action_career(self) -> None:
        from salesroles.app.career import CareerScreen

        self.app.push_screen(CareerScreen(self.role_id))

    def result(self) -> queries.Result:
        return self.whole  # the export is `salesroles show ROLE --format markdown`

    def export_name(self) -> str:
        return f"salesroles-{self.role_id}.md"
