"""Whom to hire: advise's questions as a form; the advice follows every answer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Label, RadioButton, RadioSet

from salesroles import queries
from salesroles.app.base import ResultView, ViewScreen, plain
from salesroles.render.table import build


def choice_label(name: str, choice: str) -> str:
    """A choice in words where the query layer words it, else as its value."""
    labels: dict[str, dict[str, str]] = getattr(queries, "CHOICE_LABELS", {})
    return labels.get(name, {}).get(choice, choice)


class AdviseScreen(ViewScreen):
    """One set of choices per question in ``queries.QUESTIONS``, defaults chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "compare", "Compare them"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.answers = {name: default for name, (_, _, default) in queries.QUESTIONS.items()}
        self.shown = queries.advise(self.catalog, dict(self.answers))

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with VerticalScroll(id="form"):
                for name, (question, choices, default) in queries.QUESTIONS.items():
                    yield Label(plain(question, "bold"))
                    with RadioSet(id=f"q-{name}", name=name):
                        for choice in choices:
                            yield RadioButton(
                                plain(choice_label(name, choice)),
                                value=choice == default,
                                name=choice,
                            )
            yield ResultView(id="view")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "advise"
        self.show()
        self.query_one(RadioSet).focus()

    def show(self) -> None:
        self.query_one("#view", ResultView).show(build(self.shown))

    @on(RadioSet.Changed)
    def answered(self, event: RadioSet.Changed) -> None:
        name, choice = event.radio_set.name, event.pressed.name
        if name in self.answers and choice:
            self.answers[name] = choice
            self.shown = queries.advise(self.catalog, dict(self.answers))
            self.show()

    def action_compare(self) -> None:
        from salesroles.app.compare import CompareScreen

        self.app.push_screen(CompareScreen([self.shown.best.id, self.shown.runner_up.id]))

    def result(self) -> queries.Result:
        return self.shown  # `salesroles advise --size ... --format markdown`

    def export_name(self) -> str:
        return "salesroles-advice.md"
