"""What every screen that shows a query's result shares: Esc goes back, ``e`` exports."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from salesroles.app.messages import ExportView
from salesroles.catalog import Catalog
from salesroles.results import Result


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
