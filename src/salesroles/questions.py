"""advise's questions: the choices of each and the answer taken when none is given.

Apart from advise's rules so that the command line can declare its flags without
loading them; the words (each question, choice and its help) are ``render.words``'.
"""

from __future__ import annotations

from typing import NamedTuple


class Question(NamedTuple):
    """One of advise's questions: its choices and the answer taken when none is given.

    The words (the question, each choice, its help) are the renderers' business:
    ``render.words.QUESTIONS``.
    """

    choices: tuple[str, ...]
    default: str


QUESTIONS: dict[str, Question] = {  # in the order they are asked
    "size": Question(("founding", "small", "mid", "large"), "small"),
    "horizon": Question(("short", "long"), "short"),
    "scope": Question(("team", "region", "company"), "team"),
    "budget": Question(("yes", "no"), "no"),
    "team": Question(("yes", "no"), "yes"),
    "leads": Question(("sales", "sales-marketing", "revenue"), "sales"),
}
