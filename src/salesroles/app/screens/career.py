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
from salesroles.app.screens.base import ViewScreen
from salesroles.app.widgets.keybar import KeyBar
from salesroles.app.widgets.result_view import ResultView, literal, table
from salesroles.catalog import Catalog
from salesroles.models import Role
from salesroles.render.text import clean
from salesroles.results import CareerTree, Result


class CareerScreen(ViewScreen):
    """Enter on a role re-centres the ladder on it; ``t`` shows the path to a target."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "target", "Path to…"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]

    def __init__(self, catalog: Catalog, role_id: str) -> None:
        super().__init__(catalog)
        self.centres = [catalog.roles[role_id]]  # Esc walks back through the roles re-centred on
        self.careers: CareerTree = queries.career_tree(catalog, self.centre)
        self.shown: Result = self.careers
        self.goal: Role | None = None

    @property
    def centre(self) -> Role:
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

    @staticmethod
    def label(role: Role) -> Text:
        return Text.assemble((clean(role.title), "bold"), f" ({clean(role.id)})")

    def recentre(self) -> None:
        """Draw the ladder around ``self.centre``: where it comes from, where it leads."""
        self.goal = None
        self.careers = queries.career_tree(self.catalog, self.centre)
        self.shown = self.careers
        ladder: Tree[Role] = self.query_one(Tree)
        ladder.show_root = False  # the view beside it is headed by the role
        ladder.guide_depth = 2
        ladder.clear()
        ladder.reset(self.label(self.centre), self.centre)
        came = ladder.root.add(literal("Comes from", "italic"), expand=True)
        goes = ladder.root.add(literal("Leads to", "italic"), expand=True)
        for branch, lines in ((came, self.careers.comes_from), (goes, self.careers.leads_to)):
            first = [r for line in lines if line.depth == 1 for r in line.roles]
            for role in {r.id: r for r in first}.values():
                branch.add_leaf(self.label(role), role)
            if not first:
                branch.add_leaf(literal("no moves in the dataset", "dim italic"))
        ladder.root.expand()
        self.show()

    def show(self) -> None:
        self.query_one("#view", ResultView).show(table(self.shown))
        self.sub_title = "career " + clean(self.centre.id)
        if self.goal:
            status = f"Path to {self.goal.title} · t another target · Esc back"
        else:
            status = "Enter on a role re-centres on it · t path to a target role · Esc back"
        self.query_one("#status", Static).update(literal(status, "dim"))

    @on(Tree.NodeSelected, "#ladder")
    def select(self, event: Tree.NodeSelected[Role]) -> None:
        role = event.node.data
        if role is not None and role.id != self.centre.id:
            self.centres.append(role)
            self.recentre()

    def action_move(self, by: int) -> None:
        tree: Tree[Role] = self.query_one(Tree)
        tree.focus()
        tree.action_cursor_down() if by > 0 else tree.action_cursor_up()

    def action_back(self) -> None:
        if self.goal:
            self.shown = self.careers
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
                self.goal = self.catalog.roles[goal]
                self.shown = queries.career_path(self.catalog, self.centre, self.goal)
                self.show()

        roles = [r for r in queries.list_roles(self.catalog).roles if r.id != self.centre.id]
        self.app.push_screen(TargetPicker(self.centre, roles), chosen)

    def result(self) -> Result:
        return self.shown  # `salesroles career ROLE [--to ROLE] --format markdown`

    def export_name(self) -> str:
        goal = f"-to-{self.goal.id}" if self.goal else ""
        return f"salesroles-career-{self.centre.id}{goal}.md"


class TargetPicker(ModalScreen[str | None]):
    """Pick the role to find a path to."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, start: Role, roles: list[Role]) -> None:
        super().__init__()
        self.start = start
        self.roles = roles

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(f"Path from {self.start.title} to:", "bold"))
            yield OptionList(
                *(Option(literal(f"{r.title} ({r.id})"), id=r.id) for r in self.roles),
                id="targets",
            )

    @on(OptionList.OptionSelected, "#targets")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
