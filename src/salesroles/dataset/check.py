"""Checking a dataset: the schema (pydantic), then the rules pydantic cannot see.

The same checks run for ``salesroles data validate`` and whenever a dataset is
loaded without the cache. Every problem is collected and reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from salesroles import names
from salesroles.dataset.report import Loc, Problem, report
from salesroles.errors import DataError
from salesroles.models import (
    DATASET_VERSION,
    DIMENSIONS,
    ID,
    Dataset,
    Role,
    statements,
)

_URL = re.compile(r"(?i:https?)://[^<>\"'`\\]+")
_LANG = re.compile(r"[a-z]{2}")  # ISO 639-1
BUNDLED = "bundled dataset"


def check(
    raw: dict[str, Any],
    text: str,
    origin: str,
    base: Dataset | None = None,
    bundled: Callable[[], Collection[str]] | None = None,
) -> Dataset:
    """The file's plain values as a checked Dataset, or DataError listing every problem.

    ``base`` is the bundled dataset, merged in when the file says it extends it;
    ``bundled`` gives the bundled role ids, for a file that does not extend it: a
    problem with one of them then says that ``extends`` would bring it in.
    """
    dataset = check_schema(raw, text, origin)
    if dataset.extends is not None:
        if base is None:
            raise DataError(f"Invalid dataset {origin!r}: the bundled dataset extends nothing.")
        own = duplicate_ids(dataset)
        if own:
            raise DataError(report(origin, text, own))
        merged, came_from = merge(base, dataset)
        bundled = None  # its roles are in the merged dataset
    else:
        merged, came_from = dataset, list(range(len(dataset.roles)))
    from_base = {role.id for role, i in zip(merged.roles, came_from, strict=True) if i is None}
    problems = check_references(merged, bundled=bundled, from_base=from_base)
    if problems:
        raise DataError(report(origin, text, [_to_file(p, came_from) for p in problems]))
    return merged


def url_ok(url: str) -> bool:
    """An http(s) URL with no quote, angle bracket or backslash, and no whitespace, control,
    format or bidi character of any script (Unicode categories Z and C): nothing that an
    autolink, HTML or a terminal could read as more than a link."""
    import unicodedata

    return bool(_URL.fullmatch(url)) and not any(unicodedata.category(c)[0] in "CZ" for c in url)


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

    A company's own names win: an alias or real-world title of a bundled role that one
    of ``own``'s roles also uses (as id, title, alias or title) is left to that role.
    Also returns, for each role of the result, its index in ``own`` (None: from ``base``).
    """
    replacing = {role.id: i for i, role in enumerate(own.roles)}
    taken = {names.key(name) for role in own.roles for name in _names_of(role)}
    roles: list[Role] = []
    came_from: list[int | None] = []
    for role in base.roles:
        index = replacing.pop(role.id, None)
        roles.append(_without(role, taken) if index is None else own.roles[index])
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


def _names_of(role: Role) -> list[str]:
    return [role.id, role.title, *role.aliases, *(t.text for t in role.titles)]


def _without(role: Role, taken: set[str]) -> Role:
    """``role`` without the aliases and real-world titles whose keys are ``taken``."""
    aliases = tuple(a for a in role.aliases if names.key(a) not in taken)
    titles = tuple(t for t in role.titles if names.key(t.text) not in taken)
    if (aliases, titles) == (role.aliases, role.titles):
        return role
    values = {name: getattr(role, name) for name, _, _ in Role._fields}
    return Role(**{**values, "aliases": aliases, "titles": titles})


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


def check_references(
    dataset: Dataset,
    *,
    bundled: Callable[[], Collection[str]] | None = None,
    from_base: Collection[str] = (),
) -> list[Problem]:
    """What pydantic cannot see: ids, duplicates, and links to things that do not exist.

    ``bundled``: the bundled role ids, for a file that does not extend the bundled
    dataset; ``from_base``: the roles a file that extends it did not replace. Both only
    make the messages say where a name or a role lives.
    """
    problems: list[Problem] = []
    unknown = _Unknown(bundled)
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
        if not ID.fullmatch(source.id):
            problems.append(
                Problem(("sources", k, "id"), f"{source.id!r} must be lower-case letters, "
                        "digits and dashes")
            )  # fmt: skip
    problems += duplicate_ids(dataset)
    problems += _names(dataset, from_base)
    reached = {target for role in dataset.roles for move in role.career for target in move.to}
    for i, role in enumerate(dataset.roles):
        problems += _role(("roles", i), role, known, executives, listed, unknown)
        if "career" in role.headlines and not role.career and role.id not in reached:
            problems.append(
                Problem(
                    ("roles", i, "headlines", "career"),
                    "a headline for 'career', but no move leads into or out of the role",
                )
            )
    for i, contrast in enumerate(dataset.contrasts):
        at: Loc = ("contrasts", i)
        problems += _refs((*at, "roles"), contrast.roles, known, unknown)
        problems += _dimensions((*at, "dimensions"), contrast.dimensions)
        problems += _cites((*at, "source"), [contrast.source], listed)
    for i, disagreement in enumerate(dataset.disagreements):
        at = ("disagreements", i)
        problems += _refs((*at, "roles"), disagreement.roles, known, unknown)
        problems += _dimensions((*at, "dimensions"), disagreement.dimensions)
        if len(disagreement.positions) < 2:
            problems.append(Problem((*at, "positions"), "a disagreement needs two positions"))
        for k, position in enumerate(disagreement.positions):
            problems += _cites((*at, "positions", k, "source"), [position.source], listed)
    for k, source in enumerate(dataset.sources):
        problems += _url(("sources", k, "url"), source.url)
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
        problems += _refs((*at, "roles"), advice.roles, known, unknown)
        problems += _cites((*at, "sources"), advice.sources, listed)
        if not advice.sources:
            problems.append(Problem((*at, "sources"), "hiring advice needs a source"))
    problems += _seniority(dataset)
    problems += _promotion_cycles(dataset)
    return problems


def _names(dataset: Dataset, from_base: Collection[str] = ()) -> list[Problem]:
    """Ids, titles and aliases must each mean one role."""
    problems = []
    owners: dict[str, str] = {}
    for i, role in enumerate(dataset.roles):
        at: Loc = ("roles", i)
        if not ID.fullmatch(role.id):
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
            if owner != role.id and owner in from_base:
                problems.append(
                    Problem(
                        where,
                        f"the name {name!r} is already the id or title of the bundled role "
                        f"{owner!r}: choose another, or replace that role by giving yours "
                        f"the id {owner!r}",
                    )
                )
            elif owner != role.id:
                problems.append(
                    Problem(where, f"the name {name!r} is already used by role {owner!r}")
                )
    return problems


def _role(
    at: Loc,
    role: Role,
    known: set[str],
    executives: set[str],
    listed: set[str],
    unknown: _Unknown,
) -> list[Problem]:
    problems: list[Problem] = []
    if not role.sources:
        problems.append(Problem((*at, "sources"), "every role needs at least one source"))
    problems += _cites((*at, "sources"), role.sources, listed)
    for statement in statements(role):
        where = (*at, *statement.at)
        if statement.single:
            problems += _cites((*where, "source"), statement.sources, listed)
        elif not statement.sources:
            problems.append(Problem((*where, "sources"), "every point needs a source"))
        else:
            problems += _cites((*where, "sources"), statement.sources, listed)
    for k, code in enumerate(role.codes):
        problems += _url((*at, "codes", k, "url"), code.url)
    for k, title in enumerate(role.titles):
        if not _LANG.fullmatch(title.lang):
            problems.append(
                Problem((*at, "titles", k, "lang"), f"{title.lang!r} is not an ISO 639-1 code")
            )
    for name in role.headlines:
        if name not in DIMENSIONS:
            problems.append(
                Problem(
                    (*at, "headlines", name),
                    f"{name!r} is not a dimension ({', '.join(DIMENSIONS)})",
                )
            )
        elif name != "career" and getattr(role, name) is None:
            problems.append(
                Problem(
                    (*at, "headlines", name),
                    f"a headline for {name!r}, which the role does not cover",
                )
            )
    if role.owns and set(role.owns.functions) & set(role.owns.sometimes):
        both = sorted(set(role.owns.functions) & set(role.owns.sometimes))
        problems.append(
            Problem(
                (*at, "owns", "sometimes"), f"{', '.join(both)} cannot be typical and sometimes"
            )
        )
    if role.reporting:
        for k, ref in enumerate(role.reporting.reports_to):
            if ref not in known and ref not in executives:
                message = f"{ref!r} is neither a role nor an executive"
                problems.append(
                    Problem(
                        (*at, "reporting", "reports_to", k),
                        unknown(ref, message, known | executives),
                    )
                )
            elif ref == role.id:
                problems.append(
                    Problem((*at, "reporting", "reports_to", k), "a role cannot report to itself")
                )
    if role.compensation:
        for k, figure in enumerate(role.compensation.figures):
            where = (*at, "compensation", "figures", k)
            if figure.amount is None and (figure.low is None or figure.high is None):
                problems.append(Problem(where, "a figure needs an amount, or a low and a high"))
    for k, move in enumerate(role.career):
        for m, target in enumerate(move.to):
            if target not in known:
                message = unknown(target, f"no role has the id {target!r}", known)
                problems.append(Problem((*at, "career", k, "to", m), message))
            elif target == role.id:
                problems.append(
                    Problem((*at, "career", k, "to", m), "a role cannot move to itself")
                )
    return problems


def _url(at: Loc, url: str | None) -> list[Problem]:
    if url is None or url_ok(url):
        return []
    return [
        Problem(
            at,
            "a URL must start with http:// or https:// and hold no spaces, "
            "control characters, quotes or angle brackets",
        )
    ]


def _cites(at: Loc, cited: tuple[str, ...] | list[str], listed: set[str]) -> list[Problem]:
    single = at[-1] == "source"
    return [
        Problem(at if single else (*at, k), f"no source has the id {ref!r} (see [[sources]])")
        for k, ref in enumerate(cited)
        if ref not in listed
    ]


def _refs(at: Loc, refs: tuple[str, ...], known: set[str], unknown: _Unknown) -> list[Problem]:
    return [
        Problem((*at, k), unknown(ref, f"no role has the id {ref!r}", known))
        for k, ref in enumerate(refs)
        if ref not in known
    ]


class _Unknown:
    """The message for a role id that names nothing: the id meant, where one is close, and
    whether the bundled dataset has it (a file must extend it to use its roles)."""

    def __init__(self, bundled: Callable[[], Collection[str]] | None) -> None:
        self._bundled = bundled
        self._ids: Collection[str] | None = None

    def __call__(self, ref: str, message: str, candidates: Collection[str]) -> str:
        close = _closest(ref, candidates)
        if close is not None:
            return f"{message} (did you mean {close!r}?)"
        if self._bundled is None:
            return message
        if self._ids is None:
            self._ids = self._bundled()
        theirs = _closest(ref, self._ids)
        if theirs is None:
            return f'{message} (a role of the bundled dataset needs extends = "bundled")'
        which = "it" if theirs == ref else f"{theirs!r}"
        return f'{message}; the bundled dataset has {which}: add extends = "bundled" to use it'


def _closest(ref: str, candidates: Collection[str]) -> str | None:
    """The id ``ref`` most likely means: itself, the same once spelled as an id
    (``area_vp`` is ``area-vp``), or a close spelling."""
    if ref in candidates:
        return ref
    by_slug = {names.slug(c): c for c in candidates}
    if names.slug(ref) in by_slug:
        return by_slug[names.slug(ref)]
    import difflib

    close = difflib.get_close_matches(ref, sorted(candidates), n=1, cutoff=0.75)
    return close[0] if close else None


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
    if kind in ("tuple_type", "list_type"):
        return _list_expected(err["loc"], err["input"])
    if kind in ("dataclass_type", "dict_type", "model_type"):
        shape = _SHAPES.get(str((err.get("ctx") or {}).get("class_name")), "a table is expected")
        return f"{shape}, not {_kind(err['input'])}"
    text = f"{err['msg'][0].lower()}{err['msg'][1:]}"
    if kind == "literal_error":
        shown = repr(err["input"])
        return f"{text}, not {shown if len(shown) <= 40 else shown[:39] + '…'}"
    return text


# How each list is written, by its key: what a "not a list" message shows.
_EXAMPLES = {
    "points": '["One point.", { text = "Another point.", source = "source-id" }]',
    "sources": '["source-id"]',
    "reports_to": '["role-id"]',
    "to": '["role-id"]',
    "roles": '["role-id", "role-id"]',
    "aliases": '["another-name"]',
    "titles": '["A real-world title", { text = "Titel", lang = "de", source = "source-id" }]',
    "functions": '["sales", "marketing"]',
    "sometimes": '["pricing"]',
    "company_size": '["small", "mid"]',
    "dimensions": '["scope", "budget"]',
    "steps": '["One step."]',
    "skills": '["One skill."]',
    "education": '["One degree."]',
    "phrases": '["a phrase"]',
}
_SHAPES = {  # what one item is, by its class
    "Point": 'a point is text in quotes, or { text = "…", source = "source-id" }',
    "Title": 'a title is text in quotes, or { text = "…", lang = "en", source = "source-id" }',
}


def _list_expected(loc: Loc, given: Any) -> str:
    """Where a list is needed: say so, and show how one is written."""
    name = str(loc[-1])
    what = "a list of points" if name == "points" else "a list"
    if isinstance(given, dict) and name != "points":  # [roles.career] for [[roles.career]]
        table = ".".join(str(part) for part in loc if isinstance(part, str))
        return f"{what} is expected, not one table: write [[{table}]], two brackets, for each one"
    example = _EXAMPLES.get(name, '["…"]')
    return f"{what} is expected, not {_kind(given)}: {name} = {example}"


def _kind(given: Any) -> str:
    if isinstance(given, str):
        return "a single string"
    if isinstance(given, bool):
        return "true or false"
    if isinstance(given, int | float):
        return "a number"
    if isinstance(given, dict):
        return "a table"
    return "a list" if isinstance(given, list) else type(given).__name__
