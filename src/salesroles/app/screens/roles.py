"""The screen the app opens on: every role, a filter, marks for comparing."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Input, Static

from salesroles import queries
from salesroles.app.messages import OpenCareer, OpenComparison, OpenProfile
from salesroles.app.screens.base import ViewScreen
from salesroles.app.widgets.keybar import KeyBar
from salesroles.app.widgets.result_view import literal
from salesroles.catalog import Catalog
from salesroles.models import Role
from salesroles.names import slug
from salesroles.results import Result

MARK = "●"
MOST_COMPARED = 4  # columns beyond four are too narrow to read at 80 columns


def names_of(role: Role) -> list[str]:
    """Every name the filter matches: id, title, aliases, and the real-world titles."""
    return [role.id, role.title, *role.aliases, *(t.text for t in role.titles)]


class RolesScreen(ViewScreen):
    """The roles: ``/`` filters as you type, Enter opens one, Space marks for ``c``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("space", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("g", "career", "Career"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
        Binding("escape", "back", "Clear", show=False),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog)
        self.marked: list[str] = []
        self.shown: list[Role] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ filter: a title, an alias or a real-world title", id="filter")
        yield DataTable(id="roles", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.everyone = queries.list_roles(self.catalog).roles
        self.haystacks = {r.id: [slug(n) for n in names_of(r)] for r in self.everyone}
        table = self.query_one(DataTable)
        table.add_column(" ", key="mark", width=1)
        table.add_column("id", key="id")
        table.add_column("title", key="title")
        table.add_column("scope", key="scope")
        self.fill(self.everyone)
        table.focus()

    def fill(self, roles: tuple[Role, ...] | list[Role]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.shown = list(roles)
        for role in roles:
            scope = role.scope.level if role.scope and role.scope.level else "—"
            table.add_row(
                MARK if role.id in self.marked else "",
                literal(role.id, "bold"),
                literal(role.title),
                literal(scope),
                key=role.id,
            )
        self.say()

    def say(self) -> None:
        shown, total = len(self.shown), len(self.everyone)
        parts = [f"{shown} of {total} roles" if shown != total else f"{total} roles"]
        if self.marked:
            parts.append("marked: " + ", ".join(self.marked))
            if len(self.marked) >= 2:
                parts.append("c compares them")
        else:
            parts.append("Space marks roles to compare")
        self.query_one("#status", Static).update(literal(" · ".join(parts)))

    def highlighted(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0:
            return None
        return self.shown[min(table.cursor_row, len(self.shown) - 1)].id

    # --- the filter ---------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def filter_as_typed(self, event: Input.Changed) -> None:
        """The roles with a name holding the text, and those the text reads as, as `which`
        reads a title ("Vice President, Sales", "Sr. Director, Sales EMEA")."""
        needle = slug(event.value)
        wanted = {r.id for r in self.everyone if any(needle in h for h in self.haystacks[r.id])}
        if event.value.strip():
            reading = self.catalog.read(event.value)
            wanted |= {*filter(None, [reading.role]), *reading.candidates}
        self.fill([r for r in self.everyone if r.id in wanted])

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_back(self) -> None:
        """Esc: clear the filter (the first screen has nothing to go back to)."""
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.query_one(DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.focused is not None and self.focused.id == "filter":
            self.query_one(DataTable).focus()  # from the filter straight into the list
            event.stop()

    # --- moving, marking, opening ---------------------------------------------------

    def action_move(self, by: int) -> None:
        table = self.query_one(DataTable)
        table.focus()
        table.move_cursor(row=max(0, table.cursor_row + by))

    def action_mark(self) -> None:
        role_id = self.highlighted()
        if role_id is None:
            return
        if role_id in self.marked:
            self.marked.remove(role_id)
        else:
            self.marked.append(role_id)
        table = self.query_one(DataTable)
        table.update_cell(role_id, "mark", MARK if role_id in self.marked else "")
        self.say()

    @on(DataTable.RowSelected, "#roles")
    def open_role(self, event: DataTable.RowSelected) -> None:
        self.post_message(OpenProfile(str(event.row_key.value)))

    def action_compare(self) -> None:
        if not 2 <= len(self.marked) <= MOST_COMPARED:
            self.notify(
                f"Mark 2 to {MOST_COMPARED} roles with Space, then press c "
                f"({len(self.marked)} marked).",
                markup=False,
                severity="warning",
            )
            return
        self.post_message(OpenComparison(self.marked))

    def action_career(self) -> None:
        role_id = self.highlighted()
        if role_id:
            self.post_message(OpenCareer(role_id))

    # --- export ---------------------------------------------------------------------

    def result(self) -> Result:
        return queries.list_roles(self.catalog)

    def export_name(self) -> str:
        return "salesroles-roles.md"
