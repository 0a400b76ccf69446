"""Career moves: a ladder of the roles a role comes from and leads to, and paths."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Header, OptionList, Static, Tree
from textual.widgets.option_list import Option

from salesroles import queries
from salesroles.app.base import ResultView, ViewScreen, catalog_of, plain, table
from salesroles.app.keybar import KeyBar
from salesroles.render.text import clean


class CareerScreen(ViewScreen):
    """Enter on a role re-centres the ladder on it; ``t`` shows the path to a target."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "target", "Path to…"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.centres = [role_id]  # Esc walks back through the roles re-centred on
        self.shown: queries.Result = queries.career_tree(self.catalog, role_id)
        self.goal: str | None = None

    @property
    def centre(self) -> str:
        return self.centres[-1]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        with Horizontal():
            yield Tree(Text(""), id="ladder")
            yield ResultView(id="view")
        yield KeyBar()

    def on_mount(self) -> None:
        self.recentre()
        self.query_one(Tree).focus()

    def label(self, role_id: str, note: str = "") -> Text:
        return Text.assemble(
            (clean(self.catalog.title_of(role_id)), "bold"), f" ({clean(role_id)}){note}"
        )

    def recentre(self) -> None:
        """Draw the ladder around ``self.centre``: where it comes from, where it leads."""
        centre = self.centre
        self.goal = None
        tree: Tree[str] = self.query_one(Tree)
        tree.clear()
        tree.reset(self.label(centre), centre)
        came = tree.root.add(plain("Comes from", "italic"), expand=True)
        goes = tree.root.add(plain("Leads to", "italic"), expand=True)
        for branch, ids in (
            (came, [e.source for e in self.catalog.moves_into(centre)]),
            (goes, [e.target for e in self.catalog.moves_from(centre)]),
        ):
            for role_id in dict.fromkeys(ids):
                branch.add_leaf(self.label(role_id), role_id)
            if not ids:
                branch.add_leaf(plain("no moves in the dataset", "dim italic"))
        tree.root.expand()
        self.shown = queries.career_tree(self.catalog, centre)
        self.show()

    def show(self) -> None:
        self.query_one("#view", ResultView).show(table(self.shown))
        self.sub_title = "career " + clean(self.centre)
        if self.goal:
            status = f"Path to {self.catalog.title_of(self.goal)} · t another target · Esc back"
        else:
            status = "Enter on a role re-centres on it · t path to a target role · Esc back"
        self.query_one("#status", Static).update(plain(status, "dim"))

    @on(Tree.NodeSelected, "#ladder")
    def select(self, event: Tree.NodeSelected[str]) -> None:
        role_id = event.node.data
        if role_id and role_id != self.centre:
            self.centres.append(role_id)
            self.recentre()

    def action_move(self, by: int) -> None:
        tree: Tree[str] = self.query_one(Tree)
        tree.focus()
        tree.action_cursor_down() if by > 0 else tree.action_cursor_up()

    def action_back(self) -> None:
        if self.goal:
            self.shown = queries.career_tree(self.catalog, self.centre)
            self.goal = None
            self.show()
        elif len(self.centres) > 1:
            self.centres.pop()
            self.recentre()
        else:
            self.app.pop_screen()

    def action_target(self) -> None:
        def chosen(goal: str | None) -> None:
            if goal:
                self.goal = goal
                self.shown = queries.career_path(self.catalog, self.centre, goal)
                self.show()

        self.app.push_screen(TargetPicker(self.centre), chosen)

    def result(self) -> queries.Result:
        return self.shown  # `salesroles career ROLE [--to ROLE] --format markdown`

    def export_name(self) -> str:
        goal = f"-to-{self.goal}" if self.goal else ""
        return f"salesroles-career-{self.centre}{goal}.md"


class TargetPicker(ModalScreen[str | None]):
    """Pick the role to find a path to."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, start: str) -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        catalog = catalog_of(self)
        roles = [r for r in queries.list_roles(catalog).roles if r.id != self.start]
        with Vertical(classes="dialog"):
            yield Static(plain(f"Path from {catalog.title_of(self.start)} to:", "bold"))
            yield OptionList(
                *(Option(plain(f"{r.title} ({r.id})"), id=r.id) for r in roles), id="targets"
            )

    @on(OptionList.OptionSelected, "#targets")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
