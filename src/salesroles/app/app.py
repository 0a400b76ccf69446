"""The full-screen app: the App itself, its global keys, and which screen each message opens."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from salesroles.app.messages import (
    ExportView,
    OpenCareer,
    OpenComparison,
    OpenDetail,
    OpenProfile,
)
from salesroles.app.screens.advise import AdviseScreen
from salesroles.app.screens.career import CareerScreen
from salesroles.app.screens.compare import CompareScreen
from salesroles.app.screens.detail import DetailScreen
from salesroles.app.screens.export import ExportDialog
from salesroles.app.screens.help import HelpScreen
from salesroles.app.screens.profile import ProfileScreen
from salesroles.app.screens.roles import RolesScreen
from salesroles.catalog import Catalog
from salesroles.errors import SalesRolesError
from salesroles.render.text import clean


class SalesRolesApp(App[None]):
    """Browse the roles, open one, compare, follow career paths, get advice, export."""

    CSS_PATH = "app.tcss"
    TITLE = "salesroles"
    ENABLE_COMMAND_PALETTE = False  # every action has its own key; `?` lists them
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "keys", "Keys", key_display="?"),
        Binding("h", "advise", "Advise"),
    ]

    def __init__(self, catalog: Catalog, start: Sequence[str] = ()) -> None:
        """``start``: role ids to open on (one: its profile; more: compared)."""
        super().__init__()
        gc.enable()  # the CLI turns it off for short runs; a session can be long
        self.catalog = catalog
        self.start = tuple(start)
        self.sub_title = clean(catalog.origin)

    def get_default_screen(self) -> Screen[None]:
        return RolesScreen(self.catalog)

    def on_mount(self) -> None:
        if len(self.start) == 1:
            self.open(lambda: ProfileScreen(self.catalog, self.start[0]))
        elif self.start:
            self.open(lambda: CompareScreen(self.catalog, self.start))

    def open(self, make: Callable[[], Screen[None]]) -> None:
        """Push the screen ``make`` builds; a query's refusal (a dataset with too little
        for advise, say) is said in a notice, and the app stays where it was."""
        try:
            screen = make()
        except SalesRolesError as exc:
            self.notify(clean(str(exc)), markup=False, severity="error")
            return
        self.push_screen(screen)

    @on(OpenProfile)
    def open_profile(self, message: OpenProfile) -> None:
        self.open(lambda: ProfileScreen(self.catalog, message.role_id))

    @on(OpenComparison)
    def open_comparison(self, message: OpenComparison) -> None:
        self.open(lambda: CompareScreen(self.catalog, message.role_ids))

    @on(OpenCareer)
    def open_career(self, message: OpenCareer) -> None:
        self.open(lambda: CareerScreen(self.catalog, message.role_id))

    @on(OpenDetail)
    def open_detail(self, message: OpenDetail) -> None:
        self.push_screen(DetailScreen(self.catalog, message.result, message.name))

    @on(ExportView)
    def export(self, message: ExportView) -> None:
        from salesroles.render.markdown import render

        def said(outcome: str | None) -> None:
            if outcome:
                self.notify(outcome, markup=False)

        self.push_screen(ExportDialog(render(message.result), message.suggested), said)

    def action_keys(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_advise(self) -> None:
        if not isinstance(self.screen, AdviseScreen):
            self.open(lambda: AdviseScreen(self.catalog))
