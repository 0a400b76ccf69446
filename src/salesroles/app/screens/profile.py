"""One role at a glance: a sourced headline per dimension; Enter on a row, its every point."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Static

from salesroles import queries
from salesroles.app.messages import OpenCareer
from salesroles.app.screens.base import RowsScreen
from salesroles.app.widgets.result_view import ResultView, literal
from salesroles.catalog import Catalog
from salesroles.models import DIMENSIONS
from salesroles.render.text import clean
from salesroles.results import Result


class ProfileScreen(RowsScreen):
    """A role as ``salesroles show`` prints it: a headline per covered dimension, the
    dimensions no source covers folded into one line, ``g`` its career ladder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "career", "Career"),
    ]

    def __init__(self, catalog: Catalog, role_id: str) -> None:
        super().__init__(catalog)
        self.role_id = role_id
        self.shown = queries.profile(catalog, catalog.roles[role_id], tuple(DIMENSIONS))

    def on_mount(self) -> None:
        self.sub_title = clean(self.shown.role.title)
        self.draw()
        covered = len(self.rows())
        status = (
            f"{covered} of {len(self.shown.rows)} dimensions covered by the sources · "
            "↑↓ a row · Enter its every point · g career"
        )
        self.query_one("#status", Static).update(literal(status, "dim"))
        self.query_one("#view", ResultView).focus()  # the page keys scroll it

    def shown_result(self) -> Result:
        return self.shown

    def rows(self) -> list[str]:
        return [row.dimension for row in self.shown.rows if row.cells[0] is not None]

    def view_key(self) -> object:
        return self.role_id

    def detail(self, dimension: str) -> Result:
        return queries.profile(self.catalog, self.shown.role, [dimension], detail=True)

    def action_career(self) -> None:
        self.post_message(OpenCareer(self.role_id))

    def result(self) -> Result:
        return self.shown  # the export is `salesroles show ROLE --format markdown`

    def export_name(self) -> str:
        return f"salesroles-{self.role_id}.md"
