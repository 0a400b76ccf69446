"""``e``: save the view as Markdown; an existing file is replaced only when asked twice."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from salesroles import files
from salesroles.app.widgets.result_view import literal
from salesroles.errors import SalesRolesError


class ExportDialog(ModalScreen[str | None]):
    """Asks for a file name and writes ``text`` there; dismissed with what it did."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, text: str, name: str) -> None:
        super().__init__()
        self.text = text
        self.suggested = name
        self.replace: Path | None = None  # the file the user agreed to replace

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export"):
            yield Static(literal("Export this view as Markdown to:", "bold"))
            yield Input(value=self.suggested, id="path")
            yield Static(literal("Enter writes the file · Esc cancels", "dim"), id="said")

    def say(self, text: str, style: str = "") -> None:
        self.query_one("#said", Static).update(literal(text, style))

    @on(Input.Changed, "#path")
    def renamed(self) -> None:
        self.replace = None

    @on(Input.Submitted, "#path")
    def write(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            self.say("Type a file name first.", "bold")
            return
        if path.exists() and not path.is_dir() and self.replace != path:
            self.replace = path
            self.say(f"{path} already exists: Enter again replaces it; Esc cancels.", "bold")
            return
        try:
            files.write_atomic(path, self.text, force=self.replace == path)
        except SalesRolesError as exc:
            self.say(str(exc), "bold")
            return
        self.dismiss(f"Wrote {path}.")

    def action_cancel(self) -> None:
        self.dismiss(None)
