"""Whom to hire: advise's questions as one form; the advice follows every answer.

Each question is a list of its own: Tab and Shift+Tab, or ← and →, go to the next or
previous question; ↑ and ↓ move between its choices (past the first or last, on to the
question before or after); Space or Enter (or a click) chooses, and the advice beside
the form is redrawn at once.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.events import Focus
from textual.message import Message
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from salesroles.advise import advise
from salesroles.app.messages import OpenComparison
from salesroles.app.screens.base import ViewScreen
from salesroles.app.widgets.keybar import KeyBar
from salesroles.app.widgets.result_view import ResultView, literal, table
from salesroles.catalog import Catalog
from salesroles.questions import QUESTIONS
from salesroles.render import words
from salesroles.results import Result

CHOSEN, OPEN = "●", "○"


def choice_label(name: str, choice: str) -> str:
    """A choice in words, as the renderers word it ("small company")."""
    return words.answer(name, choice)


def option_id(name: str, choice: str) -> str:
    return f"{name}={choice}"


class Choices(OptionList):
    """One question's choices. Space or Enter chooses; ← → go to the previous or next
    question, as do ↑ ↓ past the first or last choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Choose"),
        Binding("left", "question(-1)", "Previous question", show=False),
        Binding("right", "question(1)", "Next question", show=False),
    ]

    class Leave(Message):
        """Go to the question ``by`` away, landing on its chosen answer, or on its first
        (``"first"``) or last (``"last"``) choice."""

        def __init__(self, choices: Choices, by: int, land: str = "chosen") -> None:
            super().__init__()
            self.choices = choices
            self.by = by
            self.land = land

    def __init__(self, question: str, chosen: str, *options: Option) -> None:
        super().__init__(*options, id=f"q-{question}", classes="choices")
        self.question = question
        self.chosen = chosen
        self.enter_at: int | None = None  # where the cursor lands when focus arrives

    def on_focus(self, event: Focus) -> None:
        """Arriving by Tab or ← →: on the chosen answer; by ↑ ↓: on the nearest choice."""
        landing, self.enter_at = self.enter_at, None
        chosen = QUESTIONS[self.question].choices.index(self.chosen)
        self.highlighted = chosen if landing is None else landing

    def action_cursor_down(self) -> None:
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self.post_message(self.Leave(self, 1, "first"))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is not None and self.highlighted <= 0:
            self.post_message(self.Leave(self, -1, "last"))
        else:
            super().action_cursor_up()

    def action_question(self, by: int) -> None:
        self.post_message(self.Leave(self, by))


class AdviseScreen(ViewScreen):
    """Each question of ``QUESTIONS`` with its choices; the advice beside them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "compare", "Compare them"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog)
        self.answers = {name: question.default for name, question in QUESTIONS.items()}
        self.shown = advise(catalog, dict(self.answers))

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with VerticalScroll(id="form"):
                for name, question in QUESTIONS.items():
                    yield Static(literal(words.QUESTIONS[name], "bold"), classes="question")
                    options = [
                        Option(self.prompt(name, c), id=option_id(name, c))
                        for c in question.choices
                    ]
                    yield Choices(name, self.answers[name], *options)
            yield ResultView(id="view")
        yield KeyBar()

    def prompt(self, name: str, choice: str) -> Text:
        chosen = self.answers[name] == choice
        return literal(f"{CHOSEN if chosen else OPEN} {choice_label(name, choice)}")

    def questions(self) -> list[Choices]:
        return list(self.query(Choices))

    def on_mount(self) -> None:
        self.sub_title = "advise"
        self.questions()[0].focus()
        self.show()

    def show(self) -> None:
        self.query_one("#view", ResultView).show(table(self.shown))

    @on(Choices.Leave)
    def leave(self, event: Choices.Leave) -> None:
        questions = self.questions()
        here = questions.index(event.choices)
        there = questions[(here + event.by) % len(questions)]
        there.enter_at = {"first": 0, "last": there.option_count - 1}.get(event.land)
        there.focus()

    @on(OptionList.OptionSelected, ".choices")
    def answered(self, event: OptionList.OptionSelected) -> None:
        name, _, choice = (event.option.id or "").partition("=")
        if name not in self.answers or not choice:
            return
        previous, self.answers[name] = self.answers[name], choice
        choices = self.query_one(f"#q-{name}", Choices)
        choices.chosen = choice
        for changed in {previous, choice}:
            choices.replace_option_prompt(option_id(name, changed), self.prompt(name, changed))
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
