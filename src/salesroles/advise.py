"""advise: whom to hire, from the roles' structured, sourced values only (data in, data out).

The rules, in full:

1. For every role and every answer the sources either support the answer (``fits``, or
   ``partly``: only at times, or a wider level that takes the answer in), contradict it
   (``contradicts``), or say nothing (``unknown``). Unknown is never a fit: a role whose
   sources say nothing about an answer is neither recommended for it nor ruled out by it.
2. A role whose sourced values contradict any answer is ruled out, with each answer it
   contradicts and the point that says so.
3. The others rank answer by answer in ``RANKING`` order (company size first, then what
   the hire is responsible for, what it leads, the team, the budget, the horizon): on
   the first answer where two roles differ, the one the sources support ahead of the
   one they support only partly, ahead of the one they say nothing about; dataset order
   last, so the same answers give the same result every time.
4. The recommendation is the first of them, and only if the sources place it at the
   asked company size; a role they do not place there can be the runner-up, never the
   recommendation. (A dataset that places no role at that size, such as a company's own
   ladder without stages, leaves the size out of it: it cannot decide anything.) A role
   no answer is supported for is not advised at all.
5. The stage advice is every ``[[hiring]]`` entry for the asked size, grouped by topic;
   a topic the dataset records a disagreement on shows every side.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from salesroles.catalog import Catalog
from salesroles.errors import DataError, UsageError
from salesroles.models import Disagreement, Hiring, Point, Role
from salesroles.queries import library
from salesroles.questions import QUESTIONS
from salesroles.results import Advice, Exclusion, Reason, Recommendation, StageAdvice

# The order in which answers decide between two roles no answer rules out.
RANKING = ("size", "scope", "leads", "team", "budget", "horizon")
_STRENGTH = {"fits": 2, "partly": 1, "unknown": 0}

# What each --leads answer needs the role to lead.
LEADS: dict[str, frozenset[str]] = {
    "sales": frozenset({"sales"}),
    "sales-marketing": frozenset({"sales", "marketing"}),
    "revenue": frozenset({"sales", "marketing", "customer-success"}),
}
_BEYOND_SALES = frozenset({"marketing", "customer-success"})  # a leader of more than sales


def complete_answers(given: dict[str, str | None]) -> tuple[dict[str, str], tuple[str, ...]]:
    """Every answer, defaults filled in, and which were filled; UsageError on a bad one."""
    answers: dict[str, str] = {}
    assumed: list[str] = []
    for name, (choices, default) in QUESTIONS.items():
        value = given.get(name)
        if value is None:
            answers[name] = default
            assumed.append(name)
        elif value not in choices:
            raise UsageError(f"--{name} must be one of {', '.join(choices)}, not {value!r}.")
        else:
            answers[name] = value
    return answers, tuple(assumed)


# --- what the sources say about one role on one answer ---------------------------


def _first_point(value: Any) -> Point | None:
    """The first core point of a dimension: by the dataset's habit, the one its value rests on."""
    points = getattr(value, "points", ())
    return next((p for p in points if p.kind == "core"), points[0] if points else None)


def _headline(role: Role, dimension: str) -> Point | None:
    headline = role.headlines.get(dimension)
    return Point(headline.text, headline.sources) if headline else None


def _said(role: Role, dimension: str, *, headline_first: bool) -> Point | None:
    value = getattr(role, dimension)
    first, second = _headline(role, dimension), _first_point(value)
    return (first or second) if headline_first else (second or first)


def _unknown(question: str, answer: str) -> Reason:
    return Reason(question, answer, "unknown", None, None, None)


def _size(role: Role, answer: str, hiring: tuple[Hiring, ...]) -> Reason:
    """The sizes the sources place the role at; the point is the hiring advice for this very
    size that speaks of the role where there is one (it says it most directly: "a strong
    rep first, not a VP"), else the stage headline."""
    sizes = role.stage.company_size if role.stage else ()
    if not sizes:
        return _unknown("size", answer)
    verdict = "fits" if answer in sizes else "contradicts"
    naming = [h for h in hiring if answer in h.sizes and role.id in h.roles]
    if verdict == "fits":  # advice about this role first, then advice that names it too
        naming.sort(key=lambda h: h.roles[0] != role.id)
    said = naming[0] if naming else None
    point = Point(said.text, said.sources) if said else _said(role, "stage", headline_first=True)
    return Reason("size", answer, verdict, "stage", sizes, point)


_SCOPES = {"team": ("team", ()), "region": ("region", ("division",)), "company": ("company", ())}


def _scope(role: Role, answer: str) -> Reason:
    level = role.scope.level if role.scope else None
    if level is None:
        return _unknown("scope", answer)
    exact, wider = _SCOPES[answer]
    verdict = "fits" if level == exact else "partly" if level in wider else "contradicts"
    return Reason(
        "scope", answer, verdict, "scope", level, _said(role, "scope", headline_first=False)
    )


def _horizon(role: Role, answer: str) -> Reason:
    horizon = role.focus.horizon if role.focus else None
    if horizon is None:
        return _unknown("horizon", answer)
    verdict = "fits" if horizon == answer else "partly" if horizon == "medium" else "contradicts"
    return Reason(
        "horizon", answer, verdict, "focus", horizon, _said(role, "focus", headline_first=True)
    )


def _budget(role: Role, answer: str) -> Reason:
    level = role.budget.level if role.budget else None
    if level is None:
        return _unknown("budget", answer)
    verdict = "fits" if (level != "none") == (answer == "yes") else "contradicts"
    return Reason(
        "budget", answer, verdict, "budget", level, _said(role, "budget", headline_first=True)
    )


def _team(role: Role, answer: str) -> Reason:
    if role.team is None:
        return _unknown("team", answer)
    builds = role.team.builds_team
    if answer == "yes":  # a team exists: a role the sources have leading one fits
        verdict = "fits"
    elif builds is None:  # none yet: only a role that recruits its own team fits
        return _unknown("team", answer)
    else:
        verdict = "fits" if builds else "contradicts"
    return Reason(
        "team", answer, verdict, "team", builds, _said(role, "team", headline_first=False)
    )


def _leads(role: Role, answer: str) -> Reason:
    owns = role.owns
    if owns is None or not (owns.functions or owns.sometimes):
        return _unknown("leads", answer)
    typical, at_times = set(owns.functions), set(owns.sometimes)
    needed = LEADS[answer]
    if answer == "sales" and typical & _BEYOND_SALES:
        verdict = "contradicts"  # typically leads more than sales
    elif needed <= typical:
        verdict = "fits"
    elif needed <= typical | at_times:
        verdict = "partly"
    else:
        verdict = "contradicts"
    value = {"functions": owns.functions, "sometimes": owns.sometimes}
    return Reason("leads", answer, verdict, "owns", value, _said(role, "owns", headline_first=True))


def findings(
    role: Role, answers: dict[str, str], hiring: tuple[Hiring, ...] = ()
) -> tuple[Reason, ...]:
    """What the sources say about ``role`` on each answer, in the order the questions are asked."""
    found = {
        "size": _size(role, answers["size"], hiring),
        "horizon": _horizon(role, answers["horizon"]),
        "scope": _scope(role, answers["scope"]),
        "budget": _budget(role, answers["budget"]),
        "team": _team(role, answers["team"]),
        "leads": _leads(role, answers["leads"]),
    }
    return tuple(found[name] for name in QUESTIONS)


# --- the advice ---------------------------------------------------------------------


def _strengths(reasons: Iterable[Reason]) -> tuple[int, ...]:
    by_question = {r.question: _STRENGTH.get(r.verdict, 0) for r in reasons}
    return tuple(by_question[q] for q in RANKING)


def _deciding(first: Recommendation, second: Recommendation) -> str | None:
    """The first answer, in ranking order, on which ``first`` stands above ``second``."""
    for question, a, b in zip(
        RANKING, _strengths(first.reasons), _strengths(second.reasons), strict=True
    ):
        if a != b:
            return question
    return None  # alike on every answer: dataset order decided


def _stage(catalog: Catalog, size: str) -> tuple[StageAdvice, ...]:
    """The hiring advice for ``size``, by topic in dataset order, each dispute named."""
    topics: dict[str, list[Hiring]] = {}
    for entry in catalog.hiring:
        if size in entry.sizes:
            topics.setdefault(entry.topic, []).append(entry)
    return tuple(
        StageAdvice(topic, tuple(entries), _disputed(catalog.disagreement_list, entries))
        for topic, entries in topics.items()
    )


def _disputed(disagreements: Iterable[Disagreement], entries: list[Hiring]) -> Disagreement | None:
    """The dataset's disagreement on when to hire these roles, when two or more of these
    entries are sides of it."""
    if len(entries) < 2:
        return None
    roles = {r for e in entries for r in e.roles}
    sources = {s for e in entries for s in e.sources}
    for d in disagreements:
        if "stage" in d.dimensions and roles & set(d.roles):
            sides = {p.source for p in d.positions}
            if len(sources & sides) >= 2:
                return d
    return None


def advise(catalog: Catalog, answers: dict[str, str], assumed: tuple[str, ...] = ()) -> Advice:
    """Recommend a role for these answers, and a runner-up, by the rules of this module."""
    hiring = catalog.hiring
    ranked: list[tuple[tuple[int, ...], int, Recommendation]] = []
    ruled_out: list[Exclusion] = []
    informative = False
    for order, role in enumerate(catalog):
        reasons = findings(role, answers, hiring)
        informative = informative or any(r.verdict != "unknown" for r in reasons)
        clashes = [r for r in reasons if r.verdict == "contradicts"]
        if clashes:
            clashes.sort(key=lambda r: RANKING.index(r.question))
            only = all(c.question in assumed for c in clashes)
            ruled_out.append(Exclusion(role, tuple(clashes), only))
        elif any(r.supports for r in reasons):
            ranked.append((_strengths(reasons), -order, Recommendation(role, reasons)))
    if not informative:
        raise DataError(
            f"advise needs roles with structured values (scope level, focus horizon, "
            f"budget level, company sizes, team or what the role owns); {catalog.origin!r} "
            f"has none."
        )
    ranked.sort(key=lambda item: (item[0], item[1]), reverse=True)
    advised = [rec for _, _, rec in ranked]
    sized = any(answers["size"] in (r.stage.company_size if r.stage else ()) for r in catalog)
    placed = [r.verdict for r in advised[0].reasons if r.question == "size"] if advised else []
    best = advised[0] if advised and (placed == ["fits"] or not sized) else None
    rest = advised[1:] if best else advised
    runner_up = rest[0] if rest else None
    if best and runner_up:
        decided = _deciding(best, runner_up)
        best = Recommendation(best.role, best.reasons, decided)
        runner_up = Recommendation(runner_up.role, runner_up.reasons, decided)
    elif best:
        best = Recommendation(best.role, best.reasons, "size")
    elif runner_up:
        runner_up = Recommendation(runner_up.role, runner_up.reasons, "size")
    size = next((s for s in catalog.sizes if s.id == answers["size"]), None)
    stage = _stage(catalog, answers["size"])
    cited = [
        *(size.sources if size else ()),
        *(
            s
            for rec in (best, runner_up)
            if rec
            for r in rec.reasons
            if r.point
            for s in r.point.sources
        ),
        *(s for item in stage for entry in item.advice for s in entry.sources),
        *(s for out in ruled_out for r in out.clashes if r.point for s in r.point.sources),
    ]
    return Advice(
        answers,
        assumed,
        best,
        runner_up,
        tuple(ruled_out),
        library(catalog, cited),
        size,
        stage,
        {role.id: role.title for role in catalog},
    )
