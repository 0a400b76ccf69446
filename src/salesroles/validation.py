"""Turn a dataset file's bytes into a checked Dataset, or report every problem in it.

Problems come out one a line, as ``file:line: roles[3].career[0].to: message``: the
path to the field always, the line wherever it can be found in the TOML text. The
same checks run for ``salesroles data validate`` and whenever a dataset is loaded.
A file written for version 1 is read as if upgraded (``salesroles data upgrade``
writes the upgrade out).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from salesroles import names
from salesroles.errors import DataError
from salesroles.models import DATASET_VERSION, DIMENSIONS, Dataset, Headline, Point, Role, Title

Loc = tuple[str | int, ...]
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # what a role or source id may look like
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f<>\"'`\\]+", re.ASCII)
_LANG = re.compile(r"[a-z]{2}")  # ISO 639-1
BUNDLED = "bundled dataset"


class Problem(NamedTuple):
    loc: Loc  # where in the data: ("roles", 3, "career", 0, "to")
    message: str
    origin: str | None = None  # the file, when it is not the one being checked


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"Invalid dataset {origin!r}: not UTF-8 text (byte {exc.start} cannot be decoded)."
        ) from None


def parse(text: str, origin: str) -> dict[str, Any]:
    """TOML, or JSON (what ``data export --format json`` writes), told apart by content."""
    if text.lstrip().startswith("{"):
        return _parse_json(text, origin)
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r" \(at line (\d+), column (\d+)\)$", message)
        if where:
            message = message[: where.start()]
            place = f"{origin}:{where.group(1)}:{where.group(2)}"
        else:
            place = origin
        raise DataError(
            f"Invalid dataset {origin!r}: not valid TOML.\n  {place}: {message}"
        ) from None
    except RecursionError:
        raise DataError(
            f"Invalid dataset {origin!r}: not valid TOML.\n  {origin}: values are nested too deeply"
        ) from None


def _parse_json(text: str, origin: str) -> dict[str, Any]:
    import json

    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"Invalid dataset {origin!r}: not valid JSON.\n"
            f"  {origin}:{exc.lineno}:{exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise DataError(
            f"Invalid dataset {origin!r}: not valid JSON.\n  {origin}: values are nested too deeply"
        ) from None
    if not isinstance(value, dict):
        raise DataError(f"Invalid dataset {origin!r}: the JSON is not an object.")
    return value


def validate(data: bytes, origin: str, base: Callable[[], Dataset] | None = None) -> Dataset:
    """Check a dataset file completely: syntax, schema, then references.

    ``base`` gives the bundled dataset, merged in when the file says it extends it.
    """
    text = decode(data, origin)
    raw = normalize(upgrade(parse(text, origin)))
    dataset = check_schema(raw, text, origin)
    if dataset.extends is not None:
        if base is None:
            raise DataError(f"Invalid dataset {origin!r}: the bundled dataset extends nothing.")
        own = duplicate_ids(dataset)
        if own:
            raise DataError(report(origin, text, own))
        merged, came_from = merge(base(), dataset)
    else:
        merged, came_from = dataset, list(range(len(dataset.roles)))
    problems = check_references(merged)
    if problems:
        raise DataError(report(origin, text, [_to_file(p, came_from) for p in problems]))
    return merged


# --- version 1 files, and plain-text points --------------------------------------


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """A version-1 dataset as version 2; any other version is returned as it is.

    Version 1 cited sources by title and had no source ids: each source gets an id
    made from its title, and every citation is rewritten to that id. Points stay
    plain text, so they inherit their role's sources.
    """
    if raw.get("schema_version") != 1 or "dataset_version" in raw:
        return raw
    out = {k: v for k, v in raw.items() if k != "schema_version"}
    out = {"dataset_version": DATASET_VERSION, **out}
    ids: dict[str, str] = {}

    def cite(title: Any) -> Any:
        if not isinstance(title, str):
            return title
        if title not in ids:
            base = names.slug(title)[:40].strip("-") or "source"
            candidate, n = base, 2
            while candidate in ids.values():
                candidate, n = f"{base}-{n}", n + 1
            ids[title] = candidate
        return ids[title]

    sources = []
    for source in raw.get("sources", []):
        if isinstance(source, dict):
            sources.append({"id": cite(source.get("title")), **source})
        else:
            sources.append(source)
    for role in out.get("roles", []):
        if not isinstance(role, dict):
            continue
        if isinstance(role.get("sources"), list):
            role["sources"] = [cite(t) for t in role["sources"]]
        for move in role.get("career", []) if isinstance(role.get("career"), list) else []:
            if isinstance(move, dict) and "source" in move:
                move["source"] = cite(move["source"])
        pay = role.get("compensation")
        if isinstance(pay, dict) and isinstance(pay.get("figures"), list):
            for figure in pay["figures"]:
                if isinstance(figure, dict):
                    figure["source"] = cite(figure.get("source"))
                    if "note" in figure:
                        figure["covers"] = figure.pop("note")
    for contrast in out.get("contrasts", []):
        if isinstance(contrast, dict) and "source" in contrast:
            contrast["source"] = cite(contrast["source"])
    if not sources:  # version 1 allowed citations without a [[sources]] list at all
        sources = [{"id": i, "title": t, "kind": "other"} for t, i in ids.items()]
    if sources:
        out["sources"] = sources
    return out


def normalize(raw: dict[str, Any]) -> dict[str, Any]:
    """Plain-text points as ``{text, sources}``, inheriting their role's sources.

    ``source = "id"`` is the same as ``sources = ["id"]``. Anything not of the
    expected shape is left for the schema check to report.
    """
    for role in raw.get("roles", []) if isinstance(raw.get("roles"), list) else []:
        if not isinstance(role, dict):
            continue
        inherited = role.get("sources", [])
        inherited = inherited if isinstance(inherited, list) else []
        if "summary" in role:
            role["summary"] = _point(role["summary"], inherited)
        if isinstance(role.get("titles"), list):
            role["titles"] = [_point(t, inherited) for t in role["titles"]]
        if isinstance(role.get("headlines"), dict):
            role["headlines"] = {k: _point(v, inherited) for k, v in role["headlines"].items()}
        for name in DIMENSIONS:
            value = role.get(name)
            if isinstance(value, dict) and isinstance(value.get("points"), list):
                value["points"] = [_point(p, inherited) for p in value["points"]]
    for part in ("outside", "sizes", "hiring"):
        if isinstance(raw.get(part), list):
            raw[part] = [_point(item, []) for item in raw[part]]
    return raw


def _point(value: Any, inherited: list[Any]) -> Any:
    if isinstance(value, str):
        return {"text": value, "sources": list(inherited)}
    if isinstance(value, dict) and "source" in value and "sources" not in value:
        value = {**value, "sources": [value["source"]]}
        del value["source"]
    return value


# --- schema ---------------------------------------------------------------------


def check_schema(raw: dict[str, Any], text: str, origin: str) -> Dataset:
    """The parsed file as a Dataset, or DataError listing every schema problem."""
    from pydantic import TypeAdapter, ValidationError

    if "schema_version" in raw and "dataset_version" not in raw:
        said = raw["schema_version"]
        message = (
            f"this salesroles reads dataset_version = {DATASET_VERSION} and files of "
            f"schema_version = 1; the file says {said!r}"
        )
        raise DataError(report(origin, text, [Problem(("schema_version",), message)]))
    try:
        return TypeAdapter(Dataset).validate_python(raw)
    except ValidationError as exc:
        errors = exc.errors()
        missing = {err["loc"] for err in errors if err["type"] == "missing"}
        problems = [Problem(err["loc"], _message(err, missing)) for err in errors]
        raise DataError(report(origin, text, problems)) from None


def merge(base: Dataset, own: Dataset) -> tuple[Dataset, list[int | None]]:
    """``own`` laid over ``base``: its roles replace those with the same id, the rest are added.

    Also returns, for each role of the result, its index in ``own`` (None: from ``base``).
    """
    replacing = {role.id: i for i, role in enumerate(own.roles)}
    roles: list[Role] = []
    came_from: list[int | None] = []
    for role in base.roles:
        index = replacing.pop(role.id, None)
        roles.append(role if index is None else own.roles[index])
        came_from.append(index)
    for index in replacing.values():
        roles.append(own.roles[index])
        came_from.append(index)
    own_ids = {s.id for s in own.sources}
    merged = Dataset(
        dataset_version=own.dataset_version,
        extends=own.extends,
        roles=tuple(roles),
        sources=tuple(s for s in base.sources if s.id not in own_ids) + own.sources,
        executives={**base.executives, **own.executives},
        contrasts=base.contrasts + own.contrasts,
        disagreements=base.disagreements + own.disagreements,
        outside=own.outside + base.outside,  # a company's own reading comes first
        sizes=own.sizes + tuple(s for s in base.sizes if s.id not in {o.id for o in own.sizes}),
        hiring=base.hiring + own.hiring,
    )
    return merged, came_from


def _to_file(problem: Problem, came_from: list[int | None]) -> Problem:
    """A problem found in a merged dataset, pointed at the file it belongs to."""
    loc = problem.loc
    if len(loc) >= 2 and loc[0] == "roles" and isinstance(loc[1], int):
        own_index = came_from[loc[1]]
        if own_index is None:
            return problem._replace(origin=BUNDLED)
        return problem._replace(loc=("roles", own_index, *loc[2:]))
    return problem


def duplicate_ids(dataset: Dataset) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, role in enumerate(dataset.roles):
        if role.id in seen:
            problems.append(Problem(("roles", i, "id"), f"duplicate id {role.id!r}"))
        seen.add(role.id)
    return problems


# --- references -------------------------------------------------------------------


def check_references(dataset: Dataset) -> list[Problem]:
    """What pydantic cannot see: ids, duplicates, and links to things that do not exist."""
    problems: list[Problem] = []
    if dataset.dataset_version != DATASET_VERSION:
        problems.append(
            Problem(
                ("dataset_version",),
                f"this salesroles reads version {DATASET_VERSION}, the file says "
                f"{dataset.dataset_version}",
            )
        )
    known = {role.id for role in dataset.roles}
    executives = set(dataset.executives)
    listed: set[str] = set()
    for k, source in enumerate(dataset.sources):
        if source.id in listed:
            problems.append(Problem(("sources", k, "id"), f"duplicate source id {source.id!r}"))
        listed.add(source.id)
        if not _ID.fullmatch(source.id):
            problems.append(
                Problem(("sources", k, "id"), f"{source.id!r} must be lower-case letters, "
                        "digits and dashes")
            )  # fmt: skip
    problems += duplicate_ids(dataset)
    problems += _names(dataset)
    for i, role in enumerate(dataset.roles):
        problems += _role(("roles", i), role, known, executives, listed)
    for i, contrast in enumerate(dataset.contrasts):
        at: Loc = ("contrasts", i)
        problems += _refs((*at, "roles"), contrast.roles, known, "no role has the id")
        problems += _dimensions((*at, "dimensions"), contrast.dimensions)
        problems += _cites((*at, "source"), [contrast.source], listed)
    for i, disagreement in enumerate(dataset.disagreements):
        at = ("disagreements", i)
        problems += _refs((*at, "roles"), disagreement.roles, known, "no role has the id")
        problems += _dimensions((*at, "dimensions"), disagreement.dimensions)
        if len(disagreement.positions) < 2:
            problems.append(Problem((*at, "positions"), "a disagreement needs two positions"))
        for k, position in enumerate(disagreement.positions):
            problems += _cites((*at, "positions", k, "source"), [position.source], listed)
    for k, source in enumerate(dataset.sources):
        if source.url is not None and not _URL.fullmatch(source.url):
            problems.append(
                Problem(
                    ("sources", k, "url"),
                    "a URL must start with http:// or https:// and hold no spaces, "
                    "control characters, quotes or angle brackets",
                )
            )
    for i, outside in enumerate(dataset.outside):
        at = ("outside", i)
        problems += _cites((*at, "sources"), outside.sources, listed)
        for k, phrase in enumerate(outside.phrases):
            if not names.key(phrase):
                problems.append(Problem((*at, "phrases", k), f"{phrase!r} has no letters"))
    sized: set[str] = set()
    for i, size in enumerate(dataset.sizes):
        if size.id in sized:
            problems.append(Problem(("sizes", i, "id"), f"size {size.id!r} is defined twice"))
        sized.add(size.id)
        problems += _cites(("sizes", i, "sources"), size.sources, listed)
        if not size.sources:
            problems.append(Problem(("sizes", i, "sources"), "a size needs a source"))
    for i, advice in enumerate(dataset.hiring):
        at = ("hiring", i)
        problems += _refs((*at, "roles"), advice.roles, known, "no role has the id")
        problems += _cites((*at, "sources"), advice.sources, listed)
        if not advice.sources:
            problems.append(Problem((*at, "sources"), "hiring advice needs a source"))
    problems += _seniority(dataset)
    problems += _promotion_cycles(dataset)
    return problems


def _names(dataset: Dataset) -> list[Problem]:
    """Ids, titles and aliases must each mean one role."""
    problems = []
    owners: dict[str, str] = {}
    for i, role in enumerate(dataset.roles):
        at: Loc = ("roles", i)
        if not _ID.fullmatch(role.id):
            problems.append(
                Problem((*at, "id"), f"{role.id!r} must be lower-case letters, digits and dashes")
            )
        if role.id in dataset.executives:
            problems.append(Problem((*at, "id"), f"{role.id!r} is also the id of an executive"))
        named: list[tuple[Loc, str]] = [((*at, "id"), role.id), ((*at, "title"), role.title)]
        named += [((*at, "aliases", k), alias) for k, alias in enumerate(role.aliases)]
        for where, name in named:
            key = names.key(name)
            if not key:
                problems.append(Problem(where, f"{name!r} has no letters or digits"))
                continue
            owner = owners.setdefault(key, role.id)
            if owner != role.id:
                problems.append(
                    Problem(where, f"the name {name!r} is already used by role {owner!r}")
                )
    return problems


def _role(
    at: Loc, role: Role, known: set[str], executives: set[str], listed: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    if not role.sources:
        problems.append(Problem((*at, "sources"), "every role needs at least one source"))
    problems += _cites((*at, "sources"), role.sources, listed)
    problems += _point_cites((*at, "summary"), role.summary, listed)
    for k, title in enumerate(role.titles):
        problems += _point_cites((*at, "titles", k), title, listed)
        if not _LANG.fullmatch(title.lang):
            problems.append(
                Problem((*at, "titles", k, "lang"), f"{title.lang!r} is not an ISO 639-1 code")
            )
    for k, code in enumerate(role.codes):
        problems += _cites((*at, "codes", k, "source"), [code.source], listed)
    for name, headline in role.headlines.items():
        where: Loc = (*at, "headlines", name)
        if name not in DIMENSIONS:
            problems.append(
                Problem(where, f"{name!r} is not a dimension ({', '.join(DIMENSIONS)})")
            )
            continue
        covered = bool(role.career) if name == "career" else getattr(role, name) is not None
        if not covered:
            problems.append(
                Problem(where, f"a headline for {name!r}, which the role does not cover")
            )
        problems += _point_cites(where, headline, listed)
    if role.owns and set(role.owns.functions) & set(role.owns.sometimes):
        both = sorted(set(role.owns.functions) & set(role.owns.sometimes))
        problems.append(
            Problem(
                (*at, "owns", "sometimes"), f"{', '.join(both)} cannot be typical and sometimes"
            )
        )
    for name in DIMENSIONS:
        value = getattr(role, name, None)
        if value is None or name == "career":
            continue
        for k, point in enumerate(value.points):
            problems += _point_cites((*at, name, "points", k), point, listed)
    if role.reporting:
        for k, ref in enumerate(role.reporting.reports_to):
            if ref not in known and ref not in executives:
                problems.append(
                    Problem(
                        (*at, "reporting", "reports_to", k),
                        f"{ref!r} is neither a role nor an executive",
                    )
                )
            elif ref == role.id:
                problems.append(
                    Problem((*at, "reporting", "reports_to", k), "a role cannot report to itself")
                )
    if role.compensation:
        for k, figure in enumerate(role.compensation.figures):
            where = (*at, "compensation", "figures", k)
            problems += _cites((*where, "source"), [figure.source], listed)
            if figure.amount is None and (figure.low is None or figure.high is None):
                problems.append(Problem(where, "a figure needs an amount, or a low and a high"))
    for k, move in enumerate(role.career):
        problems += _cites((*at, "career", k, "source"), [move.source], listed)
        for m, target in enumerate(move.to):
            if target not in known:
                problems.append(
                    Problem((*at, "career", k, "to", m), f"no role has the id {target!r}")
                )
            elif target == role.id:
                problems.append(
                    Problem((*at, "career", k, "to", m), "a role cannot move to itself")
                )
    return problems


def _point_cites(at: Loc, point: Point | Headline | Title, listed: set[str]) -> list[Problem]:
    if not point.sources:
        return [Problem((*at, "sources"), "every point needs a source")]
    return _cites((*at, "sources"), point.sources, listed)


def _cites(at: Loc, cited: tuple[str, ...] | list[str], listed: set[str]) -> list[Problem]:
    single = at[-1] == "source"
    return [
        Problem(at if single else (*at, k), f"no source has the id {ref!r} (see [[sources]])")
        for k, ref in enumerate(cited)
        if ref not in listed
    ]


def _refs(at: Loc, refs: tuple[str, ...], known: set[str], message: str) -> list[Problem]:
    return [
        Problem((*at, k), f"{message} {ref!r}") for k, ref in enumerate(refs) if ref not in known
    ]


def _dimensions(at: Loc, dimensions: tuple[str, ...]) -> list[Problem]:
    return [
        Problem((*at, k), f"{d!r} is not a dimension ({', '.join(DIMENSIONS)})")
        for k, d in enumerate(dimensions)
        if d not in DIMENSIONS
    ]


def _seniority(dataset: Dataset) -> list[Problem]:
    """A rank must agree with the reporting lines: a role ranks below whom it reports to."""
    rank = {role.id: role.seniority for role in dataset.roles}
    problems = []
    for i, role in enumerate(dataset.roles):
        if role.seniority is None or not role.reporting:
            continue
        for k, boss in enumerate(role.reporting.reports_to):
            above = rank.get(boss)
            if above is not None and above <= role.seniority:
                problems.append(
                    Problem(
                        ("roles", i, "seniority"),
                        f"ranks {role.seniority}, not below {boss!r} ({above}), whom it "
                        f"reports to (reporting.reports_to[{k}])",
                    )
                )
    return problems


def _promotion_cycles(dataset: Dataset) -> list[Problem]:
    """Promotions that lead back to where they started (a → b → a) make no ladder.

    Walked with an explicit stack, so a chain of any length is fine.
    """
    ups = {
        role.id: [(k, t) for k, m in enumerate(role.career) if m.kind == "promotion" for t in m.to]
        for role in dataset.roles
    }
    position = {role.id: i for i, role in enumerate(dataset.roles)}
    problems = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in ups:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(ups[start]))]
        while stack:
            here, pending = stack[-1]
            for k, target in pending:
                if state.get(target) == 1:
                    problems.append(
                        Problem(
                            ("roles", position[here], "career", k, "to"),
                            f"promotion to {target!r} closes a loop back to a role it came from",
                        )
                    )
                elif target in ups and target not in state:
                    state[target] = 1
                    stack.append((target, iter(ups[target])))
                    break
            else:
                state[here] = 2
                stack.pop()
    return problems


# --- reporting ---------------------------------------------------------------


def report(origin: str, text: str, problems: list[Problem]) -> str:
    noun = "problem" if len(problems) == 1 else "problems"
    located = [(None if p.origin else locate(text, p.loc), p) for p in problems]
    lines = []
    for line, problem in sorted(located, key=lambda item: item[0] or 0):
        where = problem.origin or origin
        place = f"{where}:{line}" if line else where
        lines.append(f"  {place}: {path_text(problem.loc)}: {problem.message}")
    return f"Invalid dataset {origin!r}: {len(problems)} {noun}.\n" + "\n".join(lines)


def path_text(loc: Loc) -> str:
    """pydantic's ``('roles', 3, 'career', 0, 'to')`` as ``roles[3].career[0].to``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _message(err: Any, missing: set[Loc]) -> str:
    kind = err["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        parent, key = err["loc"][:-1], str(err["loc"][-1])
        siblings = [str(loc[-1]) for loc in missing if loc[:-1] == parent]
        import difflib

        close = difflib.get_close_matches(key, siblings, n=1)
        return f"unknown key (did you mean {close[0]!r}?)" if close else "unknown key"
    if kind == "missing":
        return "required key is missing"
    text = f"{err['msg'][0].lower()}{err['msg'][1:]}"
    if kind == "literal_error":
        shown = repr(err["input"])
        return f"{text}, not {shown if len(shown) <= 40 else shown[:39] + '…'}"
    return text


_HEADER = re.compile(r"^\s*\[(\[)?\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(?:#.*)?$")


def locate(text: str, loc: Loc) -> int | None:
    """The line (from 1) of the TOML text where the field at ``loc`` is, or its table's."""
    lines = text.splitlines()
    headers = []
    for number, line in enumerate(lines):
        if match := _HEADER.match(line):
            headers.append(
                (number, match.group(2).replace('"', "").replace(" ", ""), bool(match.group(1)))
            )
    start, end, table, best = 0, len(lines), "", None
    parts = list(loc)
    i = 0
    while i < len(parts):
        name = parts[i]
        if not isinstance(name, str):
            break
        full = f"{table}.{name}" if table else name
        following = parts[i + 1] if i + 1 < len(parts) else None
        wanted_array = isinstance(following, int)
        matches = [
            h for h in headers if start <= h[0] < end and h[1] == full and h[2] == wanted_array
        ]
        if wanted_array and isinstance(following, int) and len(matches) > following:
            number = matches[following][0]
            i += 2
        elif not wanted_array and matches:
            number = matches[0][0]
            i += 1
        else:  # a key (or an inline value) inside the current table
            key = re.compile(rf"^\s*\"?{re.escape(name)}\"?\s*=")
            first = start + 1 if table else start
            stop = next((h[0] for h in headers if first <= h[0] < end), end)
            found = next((n for n in range(first, stop) if key.match(lines[n])), None)
            return found + 1 if found is not None else best
        start, table, best = number, full, number + 1
        end = next(
            (h[0] for h in headers if h[0] > number and not h[1].startswith(full + ".")), end
        )
    return best
