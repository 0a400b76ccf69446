"""What every screen that shows a query's result shares: the view, Esc, export, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from salesroles.render.text import clean

if TYPE_CHECKING:
    from salesroles.app.app import SalesRolesApp
    from salesroles.catalog import Catalog
    from salesroles.queries import Result


def plain(text: str, style: str = "") -> Text:
    """Dataset text for a widget: shown as typed, never as markup or control codes."""
    return Text(clean(text), style=style)


def catalog_of(node: DOMNode) -> Catalog:
    """The catalog the app was started with."""
    return cast("SalesRolesApp", node.app).catalog


class ResultView(VerticalScroll):
    """A query's result as the table renderer draws it, scrolled as one piece.

    The CLI's own Rich renderable is shown whole, so a comparison's columns stay
    aligned dimension by dimension and scroll together.
    """

    def compose(self) -> ComposeResult:
        yield Static(id="content")

    def show(self, renderable: RenderableType) -> None:
        self.query_one("#content", Static).update(renderable)


class ViewScreen(Screen[None]):
    """A screen that shows one result: Esc goes back, ``e`` exports what it shows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "export", "Export"),
    ]

    @property
    def catalog(self) -> Catalog:
        return catalog_of(self)

    def result(self) -> Result:
        """The query result on screen, as the CLI would print it."""
        raise NotImplementedError

    def export_name(self) -> str:
        """A file name to offer for the export."""
        return "salesroles.md"

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        from salesroles.app.export import ExportDialog
        from salesroles.render.markdown import render

        def said(message: str | None) -> None:
            if message:
                self.notify(message, markup=False)

        self.app.push_screen(ExportDialog(render(self.result()), self.export_name()), said)
