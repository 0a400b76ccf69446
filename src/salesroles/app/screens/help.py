"""``?``: every key, on every screen."""

from __future__ import annotations

from typing import ClassVar

from rich import box
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# (keys, what they do, where): the README's key table is this one.
KEYS: tuple[tuple[str, str, str], ...] = (
    ("↑ ↓ / j k", "move; in a profile or comparison, from row to row", "everywhere"),
    ("/", "filter as you type: title, alias or real-world title", "roles"),
    ("Enter", "open the role; on a row, its every point; in career, re-centre", "everywhere"),
    ("v", "the row's every point, each with its source", "profile, compare"),
    ("Space", "mark a role for comparing", "roles"),
    ("c", "compare the marked roles (2–4); in advise, the two advised", "roles, advise"),
    ("d", "differences only, or every row", "compare"),
    ("a", "every dimension, or the eight at a glance", "compare"),
    ("g", "career view: comes from and leads to", "roles, profile"),
    ("t", "shortest path to a target role, with each move's steps", "career"),
    ("s", "sources pane: numbered as in the view, whole URLs", "profile, compare"),
    ("h", "advise: whom to hire", "everywhere"),
    ("e", "export the view as Markdown to a file", "every view"),
    ("Tab / ← →", "next question (Shift+Tab: back); Space or Enter chooses", "advise"),
    ("?", "this list of keys", "everywhere"),
    ("Esc", "back (clears the filter on the roles list)", "everywhere"),
    ("q / Ctrl+C", "quit", "everywhere"),
)


def key_table() -> Table:
    table = Table(box=box.SIMPLE_HEAVY, header_style="bold", expand=True)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does", ratio=1)
    table.add_column("where", style="dim")
    for row in KEYS:
        table.add_row(*row)
    table.caption = "The mouse works too: click a row, a tab or a key in the footer; scroll."
    return table


class HelpScreen(ModalScreen[None]):
    """The key table over the current screen; Esc, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("down,j", "scroll(1)", "Down", show=False, priority=True),
        Binding("up,k", "scroll(-1)", "Up", show=False, priority=True),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="keys"):
            yield Static(key_table())

    def action_scroll(self, by: int) -> None:
        """j/k and the arrows scroll the list a line, as they move everywhere else."""
        self.query_one("#keys", VerticalScroll).scroll_relative(y=by, animate=False)

    def action_page(self, by: int) -> None:
        keys = self.query_one("#keys", VerticalScroll)
        keys.scroll_relative(y=by * max(1, keys.size.height - 1), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
