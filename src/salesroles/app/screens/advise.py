"""Whom to hire: advise's questions as one form; the advice follows every answer."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, OptionList
from textual.widgets.option_list import Option

from salesroles.advise import QUESTIONS, advise
from salesroles.app.messages import OpenComparison
from salesroles.app.screens.base import ViewScreen
from salesroles.app.widgets.keybar import KeyBar
from salesroles.app.widgets.result_view import ResultView, literal, table
from salesroles.catalog import Catalog
from salesroles.render import words
from salesroles.results import Result

CHOSEN, OPEN = "●", "○"


def choice_label(name: str, choice: str) -> str:
    """A choice in words, as the renderers word it ("small company")."""
    return words.answer(name, choice)


def option_id(name: str, choice: str) -> str:
    return f"{name}={choice}"


class AdviseScreen(ViewScreen):
    """Each question of ``QUESTIONS`` with its choices; Enter or a click answers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "compare", "Compare them"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog)
        self.answers = {name: default for name, (_, _, default) in QUESTIONS.items()}
        self.shown = advise(catalog, dict(self.answers))

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(*self.options(), id="form")
            yield ResultView(id="view")
        yield KeyBar()

    def options(self) -> list[Option | None]:
        """Each question, a line of its own, then its choices; None draws a separator."""
        lines: list[Option | None] = []
        for name, (question, choices, _) in QUESTIONS.items():
            if lines:
                lines.append(None)
            lines.append(Option(literal(question, "bold"), id=f"{name}?", disabled=True))
            lines += [Option(self.prompt(name, c), id=option_id(name, c)) for c in choices]
        return lines

    def prompt(self, name: str, choice: str) -> Text:
        chosen = self.answers[name] == choice
        return literal(f"{CHOSEN if chosen else OPEN} {choice_label(name, choice)}")

    def on_mount(self) -> None:
        self.sub_title = "advise"
        form = self.query_one("#form", OptionList)
        form.highlighted = 1  # the first choice of the first question
        form.focus()
        self.show()

    def show(self) -> None:
        self.query_one("#view", ResultView).show(table(self.shown))

    @on(OptionList.OptionSelected, "#form")
    def answered(self, event: OptionList.OptionSelected) -> None:
        name, _, choice = (event.option.id or "").partition("=")
        if name not in self.answers or not choice:
            return
        previous, self.answers[name] = self.answers[name], choice
        form = self.query_one("#form", OptionList)
        for changed in {previous, choice}:
            form.replace_option_prompt(option_id(name, changed), self.prompt(name, changed))
        self.shown = advise(self.catalog, dict(self.answers))
        self.show()

    def action_compare(self) -> None:
        best, second = self.shown.best, self.shown.runner_up
        if best is None or second is None:
            self.notify("There is no pair of roles to compare for these answers.", markup=False)
            return
        self.post_message(OpenComparison([best.role.id, second.role.id]))

    def result(self) -> Result:
        return self.shown  # `salesroles advise --size ... --format markdown`

    def export_name(self) -> str:
        return "salesroles-advice.md"
