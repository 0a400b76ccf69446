"""advise: whom to hire, from the roles' structured, sourced values only."""

from __future__ import annotations

from typing import Any

from salesroles.catalog import Catalog
from salesroles.errors import DataError, UsageError
from salesroles.queries import library
from salesroles.results import Advice, Exclusion, Reason, Recommendation

QUESTIONS: dict[str, tuple[str, tuple[str, ...], str]] = {
    # name: (question, choices, default)
    "size": ("How big is the company?", ("founding", "small", "mid", "large"), "small"),
    "horizon": ("What must the hire deliver first?", ("short", "long"), "short"),
    "scope": ("What will the hire be responsible for?", ("team", "region", "company"), "team"),
    "budget": ("Will the hire own a budget?", ("yes", "no"), "no"),
    "team": ("Is there a sales team already?", ("yes", "no"), "yes"),
}


def complete_answers(given: dict[str, str | None]) -> tuple[dict[str, str], tuple[str, ...]]:
    """Every answer, defaults filled in, and which were filled; UsageError on a bad one."""
    answers: dict[str, str] = {}
    assumed: list[str] = []
    for name, (_, choices, default) in QUESTIONS.items():
        value = given.get(name)
        if value is None:
            answers[name] = default
            assumed.append(name)
        elif value not in choices:
            raise UsageError(f"--{name} must be one of {', '.join(choices)}, not {value!r}.")
        else:
            answers[name] = value
    return answers, tuple(assumed)


# Which structured values fit each answer: (dimension, field, values that fit,
# values that contradict). A value in neither says nothing either way.
_SCOPE: dict[str, set[Any]] = {
    "team": {"team"},
    "region": {"region", "division"},
    "company": {"company"},
}
_LEVELS: set[Any] = {"company", "division", "region", "team"}
_BUDGETS: set[Any] = {"company", "department", "region"}
_NONE: set[Any] = {"none"}
_HORIZONS: set[Any] = {"short", "long"}
_NOTHING: set[Any] = set()


def _signals(answers: dict[str, str]) -> list[tuple[str, str, str, set[Any], set[Any]]]:
    horizon = answers["horizon"]
    scope = _SCOPE[answers["scope"]]
    owns_budget = answers["budget"] == "yes"
    found: list[tuple[str, str, str, set[Any], set[Any]]] = [
        ("size", "stage", "company_size", {answers["size"]}, _NOTHING),
        ("horizon", "focus", "horizon", {horizon}, _HORIZONS - {horizon}),
        ("scope", "scope", "level", scope, _LEVELS - scope),
        (
            "budget",
            "budget",
            "level",
            _BUDGETS if owns_budget else _NONE,
            _NONE if owns_budget else _BUDGETS,
        ),
    ]
    if answers["team"] == "no":  # the hire must build the team
        found.append(("team", "team", "builds_team", {True}, {False}))
    return found


def advise(catalog: Catalog, answers: dict[str, str], assumed: tuple[str, ...] = ()) -> Advice:
    """Recommend a role for these answers, from the roles' structured, sourced values only.

    A role is a candidate only if its scope level fits the scope asked for; a role
    whose values contradict any answer is never recommended (it is listed as ruled
    out). Candidates rank by how many answers their values support, each support a
    reason with the point behind it.
    """
    signals = _signals(answers)
    ranked: list[tuple[int, int, Recommendation]] = []
    ruled_out: list[Exclusion] = []
    informative = False
    for order, role in enumerate(catalog):
        reasons: list[Reason] = []
        clashes: list[str] = []
        for question, dimension, field, fits, contradicts in signals:
            value = getattr(role, dimension)
            actual = getattr(value, field) if value is not None else None
            if actual in (None, ()):
                continue
            informative = True
            values = set(actual) if isinstance(actual, tuple) else {actual}
            if values & fits:
                point = value.points[0] if value.points else None
                reasons.append(Reason(question, answers[question], dimension, actual, point))
            elif field == "company_size" or values & contradicts:
                clashes.append(question)
        if "scope" not in {r.question for r in reasons} and "scope" not in clashes:
            continue  # no scope level the sources support: not a candidate for this answer
        if clashes:
            if "scope" not in clashes:
                ruled_out.append(Exclusion(role, tuple(clashes)))
            continue
        ranked.append((len(reasons), -order, Recommendation(role, tuple(reasons))))
    if not informative:
        raise DataError(
            f"advise needs roles with structured values (scope level, focus horizon, "
            f"budget level, stage or team); {catalog.origin!r} has none."
        )
    ranked.sort(key=lambda item: (item[0], item[1]), reverse=True)
    best = ranked[0][2] if ranked else None
    runner_up = ranked[1][2] if len(ranked) > 1 else None
    cited = [
        s
        for rec in (best, runner_up)
        if rec
        for reason in rec.reasons
        if reason.point
        for s in reason.point.sources
    ]
    return Advice(answers, assumed, best, runner_up, tuple(ruled_out), library(catalog, cited))
