"""The command line: parse arguments, run one query, hand the result to one renderer."""

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.models import TyperPath

from salesroles import names, queries
from salesroles.errors import SalesRolesError, UsageError
from salesroles.group import (
    DATA_HELP,
    NO_COLOR_HELP,
    NO_PAGER_HELP,
    STDOUT_CLOSED,
    Group,
    LazyGroup,
    as_text,
    cannot_write,
    commands,
    options,
    remember,
    report,
)
from salesroles.models import DIMENSIONS, GLANCE_DIMENSIONS
from salesroles.render import ExportFormat, Format, emit, words
from salesroles.render.text import clean

if TYPE_CHECKING:
    from salesroles.catalog import Catalog
    from salesroles.models import Role
    from salesroles.results import Identification, Result


app = typer.Typer(
    cls=LazyGroup,
    help="Compare sales leadership roles and the career paths between them.",
    epilog="Examples: salesroles compare head director · salesroles show cso · "
    "salesroles career rep --to cro · salesroles list --json",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and usage errors: --help need not import Rich
    context_settings={"help_option_names": ["-h", "--help"]},
)


def catalog(ctx: typer.Context) -> "Catalog":
    """The dataset the global options chose (``--data``, ``SALESROLES_DATA``), loaded."""
    from salesroles.dataset import load

    return load.load(options(ctx).data)


def _version(value: bool) -> None:
    if value:
        from salesroles import __version__

        typer.echo(f"salesroles {__version__}")
        raise typer.Exit()


def _complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids for shell completion, from the dataset --data (or SALESROLES_DATA) chose."""
    from salesroles.dataset.read import is_stdin

    if is_stdin(options(ctx).data):  # stdin is the terminal completing: never read it
        return []
    try:
        roles = list(catalog(ctx))
    except SalesRolesError:
        return []
    names = [n for r in roles for n in (r.id, *r.aliases)]
    return [n for n in names if n.startswith(incomplete.lower())]


def _complete_dimension(incomplete: str) -> list[str]:
    """Dimension names for --only, after the last comma of what is typed."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + d for d in DIMENSIONS if d.startswith(last.strip().lower())]


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    data: Annotated[
        str | None,  # as given, so that options() tells "-" (stdin) from "./-"
        typer.Option(
            "--data",
            envvar="SALESROLES_DATA",
            click_type=TyperPath(),
            help=DATA_HELP,
            show_default=False,
            callback=remember,
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help=NO_COLOR_HELP, callback=remember)
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help=NO_PAGER_HELP, callback=remember)
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Compare sales leadership roles and the career paths between them."""
    if ctx.invoked_subcommand is None:
        from salesroles import interactive

        if interactive.is_interactive():
            _browse(ctx, [])
        else:
            typer.echo(ctx.get_help())
        raise typer.Exit()


def _browse(ctx: typer.Context, names: list[str]) -> None:
    """The full-screen app where a terminal can hold it; the line menu or a table elsewhere."""
    from salesroles import app as full_screen  # not `app`: that name is the Typer app here

    data = catalog(ctx)
    roles = [_resolve(data, name) for name in names]
    full_screen.browse(data, roles, color=options(ctx).color)


RoleArg = Annotated[
    str,
    typer.Argument(
        metavar="ROLE", help="A role: id, alias or title.", autocompletion=_complete_role
    ),
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
OnlyOpt = Annotated[
    str | None,
    typer.Option(
        "--only",
        help="Only these dimensions, comma-separated (e.g. budget,metrics).",
        show_default=False,
        autocompletion=_complete_dimension,
    ),
]
DetailOpt = Annotated[
    bool,
    typer.Option("--detail", help="Every point of every dimension, each with its source."),
]
NoSourcesOpt = Annotated[
    bool,
    typer.Option(
        "--no-sources", help="Leave out the source markers and the list of sources (tables)."
    ),
]


def _emit(
    ctx: typer.Context,
    result: "Result",
    fmt: Format,
    as_json: bool,
    no_sources: bool = False,
) -> None:
    chosen = options(ctx)
    fmt = Format.json if as_json else fmt
    emit(result, fmt, color=chosen.color, sources=not no_sources, page=chosen.pager)


def _resolve(data: "Catalog", name: str) -> "Role":
    """The role ``name`` means (exit 2 if none), saying on stderr how it was read when it
    took more than its name: words set aside, a typo corrected, a level, a note."""
    match = data.match(name)
    said = words.how_read(match.typed, match.read_as, match.set_aside, match.corrected,
                          match.level, match.note)  # fmt: skip
    if said:
        sys.stderr.write(clean(said) + "\n")
    return match.role


def parse_dimensions(text: str | None, default: Sequence[str] | None = None) -> tuple[str, ...]:
    """``--only "budget, metrics"`` as dimension names; ``default`` (else all) when not given."""
    if text is None:
        return tuple(default or DIMENSIONS)
    by_name = {names.slug(n): n for n in DIMENSIONS} | {
        names.slug(v): n for n, v in DIMENSIONS.items()
    }
    chosen: list[str] = []
    for part in text.split(","):
        if not part.strip():
            continue
        name = by_name.get(names.slug(part))
        if name is None:
            raise UsageError(
                f"Unknown dimension {part.strip()!r}. Choose from: {', '.join(DIMENSIONS)}."
            )
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise UsageError(f"--only needs at least one dimension: {', '.join(DIMENSIONS)}.")
    return tuple(chosen)


@commands.command("list")
def list_command(
    ctx: typer.Context, fmt: FormatOpt = Format.table, as_json: JsonOpt = False
) -> None:
    """List every role: id, title, whom it reports to, scope and aliases.

    Each role comes before the roles it reports to; roles that no cited reporting
    line connects are not ranked against each other.

    Example: salesroles list --format csv
    """
    _emit(ctx, queries.list_roles(catalog(ctx)), fmt, as_json)


@commands.command()
def show(
    ctx: typer.Context,
    role: RoleArg,
    only: OnlyOpt = None,
    detail: DetailOpt = False,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    no_sources: NoSourcesOpt = False,
) -> None:
    """Show one role: its summary and a sourced headline for each dimension the sources cover.

    --detail shows every point behind each headline, each with its source. ROLE may be
    an id, an alias or a real-world title ("VP of Sales").

    Example: salesroles show cso --detail --only scope,reporting
    """
    data = catalog(ctx)
    result = queries.profile(data, _resolve(data, role), parse_dimensions(only), detail=detail)
    _emit(ctx, result, fmt, as_json, no_sources)


@commands.command()
def compare(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(metavar="ROLE...", help="Two or more roles.", autocompletion=_complete_role),
    ],
    only: OnlyOpt = None,
    all_dimensions: Annotated[
        bool,
        typer.Option("--all", help="Every dimension the sources cover, not only the eight."),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Only rows whose structured values differ: level, horizon, reporting line, "
            "owned functions, company size, career links, pay figures, or covered for one "
            "role and not another.",
        ),
    ] = False,
    detail: DetailOpt = False,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    no_sources: NoSourcesOpt = False,
) -> None:
    """Compare roles at a glance: scope, focus, reporting, budget, metrics, career, pay, stage.

    One column per role, one row per dimension: each cell the role's value and a
    one-line headline with its source. Then the key differences the sources draw,
    the points where they disagree, and the sources. --detail shows every point;
    --all adds owns, tenure, duties, team, clients, culture, decisions, growth
    impact, cross-functional work, challenges, opportunities, skills, education,
    tools and who fits; --only picks dimensions; --diff keeps the rows that differ.

    Example: salesroles compare vp cro --detail --only reporting,stage
    """
    data = catalog(ctx)
    dimensions = parse_dimensions(only, None if all_dimensions else GLANCE_DIMENSIONS)
    chosen = [_resolve(data, r) for r in roles]
    result = queries.compare(data, chosen, dimensions, diff_only=diff, detail=detail)
    _emit(ctx, result, fmt, as_json, no_sources)


@commands.command()
def career(
    ctx: typer.Context,
    role: RoleArg,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Show the shortest path to this role.",
            show_default=False,
            autocompletion=_complete_role,
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    no_sources: NoSourcesOpt = False,
) -> None:
    """Show where a role comes from and leads to, or (--to) the steps from one role to another.

    Example: salesroles career director --to cro
    """
    data = catalog(ctx)
    start = _resolve(data, role)
    if to:
        result: Result = queries.career_path(data, start, _resolve(data, to))
    else:
        result = queries.career_tree(data, start)
    _emit(ctx, result, fmt, as_json, no_sources)


@commands.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The word or phrase to look for.")],
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Find the roles and dimensions whose text in the dataset mentions TEXT.

    Example: salesroles search quota
    """
    _emit(ctx, queries.search(catalog(ctx), text), fmt, as_json)


@commands.command()
def which(
    ctx: typer.Context,
    titles: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TITLE]...",
            help="Job titles as written in postings or CRMs; - reads them from stdin, one a line.",
            show_default=False,
        ),
    ] = None,
    sheet: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="FILE.csv",
            help="Classify a spreadsheet's titles (CSV; - for stdin), keeping every row and "
            "column and appending the answers.",
            show_default=False,
        ),
    ] = None,
    column: Annotated[
        str | None,
        typer.Option(
            "--column",
            metavar="NAME",
            help="The column holding the titles, by name or number (default: the only "
            "column, or one called title or job title).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: table; csv with --from).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Say which role each real-world job title is: how it was read, how sure, what else.

    Case, punctuation, word order and abbreviations (VP, Sr, Mgr...) do not matter; the
    noise of postings (work mode, gender markers, industry tags, a bracketed acronym)
    and qualifiers (senior, EMEA, enterprise...) are set aside and listed; level words
    (SVP, EVP, AVP, Group, Global) are kept apart; a typo is corrected when one role
    results; titles in German, French, Spanish, Italian, Dutch, Portuguese, Polish and
    Swedish read like English ones. An assistant or chief of staff to a leader, and
    titles outside sales leadership, match nothing and say why. Each answer says how it
    was reached: exact, alias, qualifiers set aside, typo corrected, other language,
    nearest role, ambiguous or none. The exit code is 0 whenever the input was read.

    Example: salesroles which "Sr. Director, Sales EMEA" "VP Vertrieb (m/w/d)"

    Example: salesroles which --from titles.csv --column "Job Title" > classified.csv

    Example: salesroles which - --format csv < titles.txt > roles.csv
    """
    from salesroles.dataset.read import is_stdin

    reads_stdin = "-" in (titles or []) or str(sheet) == "-"
    if reads_stdin and is_stdin(options(ctx).data):
        raise UsageError("which - and --data - cannot both read stdin; name the dataset file.")
    data = catalog(ctx)
    if sheet is not None:
        if titles:
            raise UsageError("which takes titles or --from FILE, not both.")
        result = _which_sheet(data, sheet, column)
        _emit(ctx, result, fmt or Format.csv, as_json)
    else:
        if column is not None:
            raise UsageError("--column goes with --from FILE.csv.")
        given = _titles(titles or [])
        if not given:
            raise UsageError(
                "which needs a title, - for titles on stdin, or --from FILE.csv. "
                'Example: salesroles which "VP of Sales"'
            )
        result = queries.which(data, given)
        _emit(ctx, result, fmt or Format.table, as_json)
    if sheet is not None or "-" in (titles or []):
        sys.stdout.flush()  # the answers first, then the summary
        sys.stderr.write(clean(words.which_summary(result)) + "\n")


def _which_sheet(data: "Catalog", path: Path, column: str | None) -> "Identification":
    from salesroles import spreadsheet
    from salesroles.dataset.read import read_capped, shown

    if str(path) == "-":
        origin = "stdin"
        raw = _stdin_bytes()
    else:
        origin = shown(path)
        raw = read_capped(path, origin, what="file")
    table = spreadsheet.read_csv(raw, origin)
    return queries.which_sheet(data, table, spreadsheet.find_column(table, column, origin))


def _stdin_bytes() -> bytes:
    """stdin's bytes, capped as every read is."""
    if sys.stdin is None:
        raise UsageError("- reads from stdin, but stdin is closed.")
    from salesroles.dataset.read import read_stdin

    return read_stdin("titles from stdin")


def _titles(arguments: list[str]) -> list[str]:
    """The titles given: arguments, with ``-`` standing for stdin's lines, each kept (a
    blank line is a row with an empty answer, so results line up with their input)."""
    found: list[str] = []
    for argument in arguments:
        if argument != "-":
            found.append(argument)
            continue
        text = as_text(_stdin_bytes())
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the newline that ends the last line starts no row
        found += [line.strip() for line in lines]  # a blank line keeps its row
    return found


@commands.command()
def sources(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Argument(
            metavar="[ROLE]",
            help="Only the sources this role cites.",
            autocompletion=_complete_role,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """List the sources: kind, year, URL, and how many points each backs.

    The kind tells a government statistic from research, a publication, a search
    firm, a practitioner's view or a vendor's blog.

    Example: salesroles sources cro
    """
    data = catalog(ctx)
    _emit(ctx, queries.sources(data, _resolve(data, role) if role else None), fmt, as_json)


def _answer(name: str) -> Any:
    from salesroles.questions import QUESTIONS
    from salesroles.render import words

    choices, default = QUESTIONS[name]
    return typer.Option(
        f"--{name}", metavar="|".join(choices), help=words.question_help(name, default)
    )


def _advise_help() -> str:
    from salesroles.render import words

    return words.ADVISE_HELP


@commands.command(help=_advise_help())
def advise(
    ctx: typer.Context,
    size: Annotated[str | None, _answer("size")] = None,
    horizon: Annotated[str | None, _answer("horizon")] = None,
    scope: Annotated[str | None, _answer("scope")] = None,
    budget: Annotated[str | None, _answer("budget")] = None,
    team: Annotated[str | None, _answer("team")] = None,
    leads: Annotated[str | None, _answer("leads")] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask: a missing answer is an error.")
    ] = False,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
    no_sources: NoSourcesOpt = False,
) -> None:
    from salesroles import interactive
    from salesroles.advise import advise as advised

    given = {"size": size, "horizon": horizon, "scope": scope, "budget": budget, "team": team}
    given["leads"] = leads
    answers, assumed = interactive.answers(given, no_input=no_input)
    _emit(ctx, advised(catalog(ctx), answers, assumed), fmt, as_json, no_sources)


@commands.command()
def browse(
    ctx: typer.Context,
    roles: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ROLE...]",
            help="Open on these roles: one shows its profile, more compare them.",
            autocompletion=_complete_role,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Browse the roles in a full-screen app: filter, open, compare, career paths, advice.

    Where a full screen cannot work (TERM=dumb, smaller than 60×15, stdin or
    stdout not a terminal) the line menu stands in, after the roles given.

    Example: salesroles browse vp cro
    """
    _browse(ctx, roles or [])


data_app = typer.Typer(
    cls=Group,
    help="Work with dataset files: start one, check one, upgrade one, write out the active one.",
    rich_markup_mode=None,
    no_args_is_help=True,
)
commands.add_typer(data_app, name="data")
FileArg = Annotated[Path, typer.Argument(metavar="FILE", help="A dataset file (TOML).")]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Replace an existing regular file (never a symbolic link, folder or device).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write here instead of stdout (- is stdout)."
    ),
]


@data_app.command("validate")
def data_validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILE]...",
            help="Dataset files (TOML or a JSON export); default: --data or SALESROLES_DATA.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check dataset files and report every problem, with its line and field.

    Exit code 0 when every file is valid, 1 when one is not.

    Example: salesroles data validate our-ladder.toml
    """
    from salesroles.dataset import load, read

    given = options(ctx).data
    chosen = list(paths or ([given] if given else []))
    if not chosen:
        raise UsageError("data validate needs a FILE (or --data, or SALESROLES_DATA).")
    failed: list[str] = []
    for path in chosen:
        try:
            catalog = load.load(path, use_cache=False)
        except SalesRolesError as exc:
            if len(chosen) == 1:
                raise
            report(str(exc))
            failed.append(read.shown(path))
            continue
        count = len(catalog.roles)
        roles = f"{count} role{'s' * (count != 1)}"
        total = "with the bundled roles, " if catalog.extends else ""
        typer.echo(f"{clean(catalog.origin)}: valid; {total}{roles}{' in all' * bool(total)}.")
    if failed:
        raise typer.Exit(1)


@data_app.command("export")
def data_export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="File format.", case_sensitive=False)
    ] = ExportFormat.toml,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write out the active dataset: bundled, extended or your own, complete.

    Both formats load again with --data.

    Example: salesroles data export --format toml -o all-roles.toml
    """
    from salesroles import files
    from salesroles.render.dataset import dump

    dataset = catalog(ctx).dataset
    files.write_or_print(dump(dataset, fmt.value), output, force=force)
    count = len(dataset.roles)
    _wrote(output, f"{count} role{'s' * (count != 1)}, {fmt.value.upper()}")


@data_app.command("upgrade")
def data_upgrade(file: FileArg, output: OutputOpt = None, force: ForceOpt = False) -> None:
    """Rewrite a dataset written for salesroles 0.1 (schema_version = 1) in today's form.

    Sources get ids and every citation uses them; points stay as they are. A version-1
    file also loads unchanged: upgrading is only needed to use what is new.

    Example: salesroles data upgrade old-ladder.toml -o our-ladder.toml
    """
    from salesroles import files
    from salesroles.dataset import load, read
    from salesroles.render.dataset import upgraded

    load.load(file, use_cache=False)  # only a valid file is upgraded
    raw = load.raw_dataset(read.read_capped(file), read.shown(file))
    text = upgraded(read.upgrade(raw))
    files.write_or_print(text, output, force=force)
    _wrote(output, f"{read.shown(file)} in today's form")


def _wrote(output: Path | None, what: str) -> None:
    """Say on stderr what a command wrote to a file (nothing when it went to stdout)."""
    if output is not None and str(output) != "-":
        sys.stderr.write(f"Wrote {clean(str(output))} ({clean(what)}).\n")


@data_app.command("init")
def data_init(file: FileArg, force: ForceOpt = False) -> None:
    """Write a commented starter dataset to edit: three example roles and every field.

    Example: salesroles data init our-ladder.toml
    """
    import shlex

    from salesroles import files
    from salesroles.dataset.read import shown

    files.write_atomic(file, files.starter_text(file.name), force=force)
    name = clean(shown(file))  # a name may hold terminal escapes: shown, never obeyed
    typer.echo(
        f"Wrote {name}. Edit it, then: salesroles data validate {shlex.quote(name)}", err=True
    )


@commands.command()
def schema(
    command: Annotated[
        str | None,
        typer.Argument(
            metavar="[COMMAND]",
            help="Only this command's output: list, show, compare, career, search, which, "
            "sources or advise.",
            show_default=False,
        ),
    ] = None,
    dataset: Annotated[
        bool, typer.Option("--dataset", help="The schema of a dataset file instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the --json outputs: every one, or one command's.

    With a command name, that command's output alone (career and which have two: with
    --to, with --from); with --dataset, the schema of a dataset file.

    Example: salesroles schema compare

    Example: salesroles schema --dataset
    """
    from salesroles.render.schema import render
    from salesroles.render.shapes import COMMANDS

    if command is not None:
        name = command.strip().lower()
        if dataset:
            raise UsageError("schema takes a command name or --dataset, not both.")
        if name not in COMMANDS:
            import difflib

            close = difflib.get_close_matches(name, COMMANDS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UsageError(
                f"No command {clean(command)!r} has a --json output{hint}. "
                f"Choose from: {', '.join(COMMANDS)}."
            )
        command = name
    sys.stdout.write(render(dataset=dataset, command=command))


def main() -> None:
    """The console script."""
    import gc

    # A short run makes many objects and no cycles worth collecting: without the cyclic
    # collector a 100,000-role dataset loads in half the time. The app turns it back on.
    gc.disable()
    if sys.stdout is None:  # Click would print --help or --version to nowhere, and exit 0
        report(STDOUT_CLOSED)
        sys.exit(1)
    try:  # arguments as Python decoded them: each command routes text and file names
        app(args=sys.argv[1:], prog_name="salesroles")
    except OSError as exc:  # Click writes --help and --version itself, outside Group.invoke
        said = cannot_write(exc)
        if said is None:
            raise
        report(said)
        sys.exit(1)
