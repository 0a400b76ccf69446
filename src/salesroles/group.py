"""The command group under the commands: one error catch, global options anywhere, and
each command built only when it runs.

Every error is reported here, once, as one sentence on stderr with its exit code
(``report``): a ``SalesRolesError`` with its own, a bug as 70. The global options
(``--data``, ``--no-color``, ``--no-pager``) are accepted before or after the command
and land in one place, ``ctx.meta``, which ``options(ctx)`` reads.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

import typer
from typer.core import TyperGroup

from salesroles.errors import Leave, SalesRolesError, Terminated

EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in salesroles, not the user's doing
STDOUT_CLOSED = "standard output is closed, so there is nowhere to write."
# How writing to stdout fails when it cannot take the output (`> /dev/full`, a quota, a
# descriptor open only for reading): the file's problem, not a bug. Reads and file writes
# turn their own errors into sentences, so an OSError left over is stdout's.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})
_CHOSEN = "salesroles.options"  # where the global options land in ctx.meta

DATA_HELP = (
    "Use this dataset (a TOML file, or a JSON export; - reads stdin) instead of the bundled one."
)
NO_COLOR_HELP = "No colour in tables (NO_COLOR does the same)."
NO_PAGER_HELP = "Never page long output at a terminal."


def report(message: str) -> None:
    """An error as the user sees it: one sentence on stderr, dataset text made harmless.

    A file name's bytes that are not UTF-8 show as ``\\xe9`` (``read.shown``), also where
    a message quotes the name with ``repr``, which would double the backslash.
    """
    import re

    from salesroles.render.text import clean

    if sys.stderr is not None:
        said = re.sub(r"\\\\(?=x[0-9a-f]{2})", r"\\", message)
        sys.stderr.write(f"Error: {clean(said)}\n")


def fail(message: str, code: int) -> NoReturn:
    report(message)
    raise typer.Exit(code)


class Options(NamedTuple):
    """What the global options chose."""

    data: Path | None
    color: bool
    pager: bool


def remember(ctx: Any, param: Any, value: Any) -> Any:
    """The callback of every global option, wherever it is given: the one route they take."""
    if value not in (None, False):
        ctx.meta.setdefault(_CHOSEN, {})[param.name] = value
    return value


def options(ctx: Any) -> Options:
    chosen = ctx.meta.get(_CHOSEN, {})
    data = chosen.get("data")
    color = not chosen.get("no_color") and "NO_COLOR" not in os.environ
    path = Path(path_argument(data)) if data else None
    return Options(path, color=color, pager=not chosen.get("no_pager"))


# --- arguments: text as the user meant it, file names as the bytes they are --------------


def as_text(given: str | bytes) -> str:
    """Text the user gave (an argument, stdin) as valid text, by one rule: UTF-8, a
    leading byte-order mark dropped, bytes that are not UTF-8 as U+FFFD.

    Python hands undecodable bytes of an argument over as lone surrogates, which would
    reach stdout as raw bytes (invalid UTF-8 in --json). Valid text comes back unchanged,
    whatever the locale's encoding.
    """
    raw = given.encode("utf-8", errors="surrogateescape") if isinstance(given, str) else given
    return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")


def path_argument(given: str | os.PathLike[str]) -> str:
    """A file name as given, its bytes kept (Python's surrogateescape), so a name that is
    not UTF-8 opens the file the user named. ``-`` stays ``-`` (stdin, or stdout for -o);
    any other spelling of it (``./-``) is made absolute, so it names the file called -."""
    name = os.fspath(given)
    if name != "-" and os.path.normpath(name) == "-":
        return str(Path.cwd() / "-")
    return name


def _arguments_as_given(command: Any) -> None:
    """Route each argument of ``command`` by its kind before the command sees it: file
    names through ``path_argument``, everything else through ``as_text``."""
    from functools import wraps

    from typer.models import TyperPath

    if command.callback is None:
        return
    paths = {p.name for p in command.params if isinstance(p.type, TyperPath)}
    run = command.callback

    @wraps(run)
    def routed(*args: Any, **given: Any) -> Any:
        for name, value in given.items():
            given[name] = _each(path_argument if name in paths else as_text, value)
        return run(*args, **given)

    command.callback = routed


def _each(convert: Any, value: Any) -> Any:
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return type(value)(convert(v) for v in value)
    return value


class Group(TyperGroup):
    """Reports every error once, as one sentence on stderr, with the right exit code."""

    def invoke(self, ctx: Any) -> Any:
        if sys.stdout is None:  # started with stdout closed (`salesroles list >&-`)
            fail(STDOUT_CLOSED, 1)
        try:
            value = super().invoke(ctx)
            sys.stdout.flush()
            return value
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise  # Typer's own: usage errors, --help, --version
        except SalesRolesError as exc:
            fail(str(exc), exc.exit_code)
        except Leave:
            raise typer.Exit(0) from None
        except BrokenPipeError:
            _quiet_after_broken_pipe()
        except KeyboardInterrupt:
            fail("Interrupted.", 130)
        except Terminated:  # SIGTERM while writing a file, once its temporary file is gone
            fail("Terminated.", 143)
        except Exception as exc:
            if said := cannot_write(exc):
                fail(said, 1)
            if os.environ.get("SALESROLES_DEBUG"):
                raise
            fail(
                f"internal error ({type(exc).__name__}). Please report it; "
                "run again with SALESROLES_DEBUG=1 to see the details.",
                EXIT_INTERNAL,
            )


def _quiet_after_broken_pipe() -> NoReturn:
    """The reader went away (``| head``): stop without a word."""
    _discard_stdout()
    raise typer.Exit(0)


def cannot_write(exc: BaseException) -> str | None:
    """The sentence for stdout refusing the output, as ``cat`` says it; None for any other
    error. What stdout still holds is dropped, so the flush at exit cannot fail again."""
    if not isinstance(exc, OSError) or exc.errno not in _WRITE_ERRORS:
        return None
    _discard_stdout()
    reason = os.strerror(exc.errno)
    return f"cannot write to standard output: {reason[:1].lower()}{reason[1:]}."


def _discard_stdout() -> None:
    """Point stdout's descriptor at the null device: what is left in its buffer goes there."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # no descriptor (a test's buffer)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


commands = typer.Typer()  # where the subcommands are registered; built one at a time


class LazyGroup(Group):
    """The top-level group: builds a subcommand only when it is used.

    Typer turns every command's signature into Click parameters before it runs
    anything; for eleven commands that is 3-4 ms of each start. So the subcommands
    are registered on ``commands`` (a Typer app that is never built whole) and this
    group builds just the one asked for, with Typer's own ``get_command_from_info``
    and ``get_group_from_info`` (module-level functions of ``typer.main``; tests
    cover every command).
    """

    def list_commands(self, ctx: Any) -> list[str]:
        names = [_command_name(info) for info in commands.registered_commands]
        return names + [group.name for group in commands.registered_groups if group.name]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as exc:  # Typer suggests only from built commands
            import difflib

            close = difflib.get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if close and "Did you mean" not in exc.message:
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {close[0]!r}?"
            raise

    def get_command(self, ctx: Any, name: str) -> Any:
        if name not in self.commands:
            from typer import main as typer_main

            for info in commands.registered_commands:
                if _command_name(info) == name:
                    self.commands[name] = typer_main.get_command_from_info(
                        info, pretty_exceptions_short=True, rich_markup_mode=None
                    )
            for group in commands.registered_groups:
                if group.name == name:
                    self.commands[name] = typer_main.get_group_from_info(
                        group,
                        pretty_exceptions_short=True,
                        suggest_commands=True,
                        rich_markup_mode=None,
                    )
            if name in self.commands:
                _accept_global_options(self.commands[name])
                _route_arguments(self.commands[name])
        return self.commands.get(name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with the whole first paragraph of its help, wrapped, never cut."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, _summary(command)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _summary(command: Any) -> str:
    import inspect

    text = command.short_help or inspect.cleandoc(command.help or "")
    return " ".join(text.split("\n\n")[0].split())


def _route_arguments(command: Any) -> None:
    _arguments_as_given(command)
    for sub in getattr(command, "commands", {}).values():
        _route_arguments(sub)


def _command_name(info: Any) -> str:
    return str(info.name or getattr(info.callback, "__name__", "")).replace("_", "-")


def _accept_global_options(command: Any) -> None:
    """The global options after the command too (`salesroles list --data x.toml`)."""
    from typer.core import TyperOption
    from typer.models import TyperPath

    command.params += [
        TyperOption(
            param_decls=["--data"],
            type=TyperPath(),  # so shells complete file names, as for --data first
            metavar="FILE",
            callback=remember,
            expose_value=False,
            help=DATA_HELP,
        ),
        *(
            TyperOption(
                param_decls=[flag], is_flag=True, callback=remember, expose_value=False, help=text
            )
            for flag, text in (("--no-color", NO_COLOR_HELP), ("--no-pager", NO_PAGER_HELP))
        ),
    ]
    for sub in getattr(command, "commands", {}).values():
        _accept_global_options(sub)
