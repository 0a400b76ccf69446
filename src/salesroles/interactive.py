"""What happens at a terminal: advise's questions, and the menu of a bare ``salesroles``.

Nothing here runs unless stdin and stdout are both terminals, so a pipe or CI never
waits for input. q, Ctrl-D and Ctrl-C leave cleanly from any prompt.
"""

from __future__ import annotations

import sys

from salesroles import queries
from salesroles.advise import advise, complete_answers
from salesroles.catalog import Catalog
from salesroles.errors import Leave, UsageError
from salesroles.models import CORE_DIMENSIONS, DIMENSIONS, Role
from salesroles.questions import QUESTIONS
from salesroles.render import Format, emit, words
from salesroles.render.text import clean


def is_interactive() -> bool:
    """Both ends are terminals; a closed stdin or stdout (``<&-``) is not one."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def ask(prompt: str) -> str:
    try:
        answer = input(prompt).strip()
    except (EOFError, KeyboardInterrupt):
        print()
        raise Leave from None
    if answer.lower() in ("q", "quit", "exit"):
        raise Leave
    return answer


# --- advise ------------------------------------------------------------------


def answers(
    given: dict[str, str | None], *, no_input: bool
) -> tuple[dict[str, str], tuple[str, ...]]:
    """advise's answers: asked at a terminal, else defaults (said on stderr) or an error."""
    missing = [name for name, value in given.items() if value is None]
    if missing and no_input:
        flags = ", ".join(f"--{name}" for name in missing)
        raise UsageError(f"advise needs {flags} with --no-input.")
    if missing and is_interactive():
        for name in missing:
            given[name] = ask_choice(name)
        return complete_answers(given)[0], ()
    complete, assumed = complete_answers(given)
    if assumed:
        said = ", ".join(f"--{n} {complete[n]}" for n in assumed)
        sys.stderr.write(f"Assumed {said} (no terminal to ask; give the flags to choose).\n")
    return complete, assumed


def ask_choice(name: str) -> str:
    choices, default = QUESTIONS[name]
    print(words.QUESTIONS[name])
    for number, choice in enumerate(choices, 1):
        mark = "  (default)" if choice == default else ""
        print(f"  {number}) {words.CHOICE_LABELS[name][choice]}{mark}")
    while True:
        answer = ask(f"Choose 1-{len(choices)} [{choices.index(default) + 1}]: ").lower()
        if not answer:
            return default
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        if answer in choices:
            return answer
        print(f"Please answer with a number from 1 to {len(choices)}, or q to quit.")


# --- the menu ----------------------------------------------------------------

HELP = (
    "Numbers or ids: one opens a role, two or more compare them.\n"
    "s TEXT searches, a asks whom to hire, q quits."
)


def menu(catalog: Catalog, *, color: bool) -> None:
    """Pick roles, compare them, open one and follow its career links, search, advise."""
    roles = queries.list_roles(catalog).roles
    try:
        while True:
            print("\nsalesroles: sales leadership roles")
            for number, role in enumerate(roles, 1):  # dataset text, made harmless
                print(f"  {number:>2}  {clean(role.id):<10} {clean(role.title)}")
            print(HELP)
            line = ask("> ")
            if not line:
                continue
            try:
                _act(catalog, roles, line, color)
            except UsageError as exc:
                print(clean(str(exc)))  # as any error: a dataset's text made harmless
    except Leave:
        return


def _act(catalog: Catalog, roles: tuple[Role, ...], line: str, color: bool) -> None:
    command, _, rest = line.partition(" ")
    if command.lower() == "s":
        emit(queries.search(catalog, rest), Format.table, color=color)
    elif command.lower() == "a" and not rest:
        given: dict[str, str | None] = dict.fromkeys(QUESTIONS)
        emit(advise(catalog, *answers(given, no_input=False)), Format.table, color=color)
    else:
        chosen = [_role(catalog, word, roles) for word in line.replace(",", " ").split()]
        if len(chosen) == 1:
            _open(catalog, chosen[0], color)
            return
        emit(queries.compare(catalog, chosen, CORE_DIMENSIONS), Format.table, color=color)
    ask("Enter to go back: ")


def _role(catalog: Catalog, word: str, roles: tuple[Role, ...]) -> Role:
    """A number from the menu's list, or a name as typed: the role it means."""
    if word.isdigit():
        if not 1 <= int(word) <= len(roles):
            raise UsageError(f"There is no role number {word}.")
        return roles[int(word) - 1]
    return catalog.resolve(word)


def _open(catalog: Catalog, role: Role, color: bool) -> None:
    """Show a role, then offer its career links until the user goes back."""
    while True:
        emit(queries.profile(catalog, role, tuple(DIMENSIONS)), Format.table, color=color)
        careers = queries.career_tree(catalog, role)
        first = [line for line in (*careers.leads_to, *careers.comes_from) if line.depth == 1]
        links = list({r.id: r for line in first for r in line.roles}.values())
        if not links:
            ask("Enter to go back: ")
            return
        print("Career links:")
        for number, link in enumerate(links, 1):
            print(f"  {number}) {clean(link.title)} ({clean(link.id)})")
        answer = ask("Open a link by number, or Enter to go back: ")
        if not answer:
            return
        if not (answer.isdigit() and 1 <= int(answer) <= len(links)):
            print(f"Please answer with a number from 1 to {len(links)}.")
            continue
        role = links[int(answer) - 1]
