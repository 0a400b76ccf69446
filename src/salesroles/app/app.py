"""The full-screen app: the App itself, its global keys, and the screen it opens on."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import Monochrome
from textual.screen import Screen

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

    def __init__(self, catalog: Catalog, roles: Sequence[str] = (), *, color: bool = True) -> None:
        super().__init__()
        self.catalog = catalog
        self.start = tuple(roles)
        self.sub_title = clean(catalog.origin)
        if not color and not self.no_color:  # --no-color does what NO_COLOR does
            self.no_color = True
            self._filters.append(Monochrome())

    def _fatal_error(self) -> None:
        """A bug: leave the full screen without Textual's traceback.

        ``run`` raises the exception again once the terminal is restored, so the CLI
        reports it as every other bug (one sentence, exit 70); ``SALESROLES_DEBUG=1``
        keeps Textual's own report. (Textual's hook for this is private; tests cover it.)
        """
        if os.environ.get("SALESROLES_DEBUG"):
            super()._fatal_error()
        else:
            self._close_messages_no_wait()

    def get_default_screen(self) -> Screen[None]:
        from salesroles.app.roles import RolesScreen

        return RolesScreen()

    def on_mount(self) -> None:
        if len(self.start) == 1:
            from salesroles.app.profile import ProfileScreen

            self.push_screen(ProfileScreen(self.catalog.resolve(self.start[0]).id))
        elif self.start:
            from salesroles.app.compare import CompareScreen

            ids = [self.catalog.resolve(name).id for name in self.start]
            self.push_screen(CompareScreen(ids))

    def open(self, make: Callable[[], Screen[None]]) -> None:
        """Push the screen ``make`` builds; a query's refusal (a dataset with too little
        for advise, say) is said in a notice, and the app stays where it was."""
        try:
            screen = make()
        except SalesRolesError as exc:
            self.notify(clean(str(exc)), markup=False, severity="error")
            return
        self.push_screen(screen)

    def action_keys(self) -> None:
        from salesroles.app.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_advise(self) -> None:
        from salesroles.app.advise import AdviseScreen

        if not isinstance(self.screen, AdviseScreen):
            self.open(AdviseScreen)
