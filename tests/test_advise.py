"""advise: whom to hire, from the roles' structured, sourced values only.

The scenarios are written from the reference packs (/work/shared/reference): each test
names the facts it rests on (VP-16, HOS-05, ...), and the bundled dataset cites the
same sources (s78, s231, ...). The invariants run over every combination of answers.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

import pytest

from salesroles.advise import RANKING, advise, findings
from salesroles.catalog import Catalog
from salesroles.dataset import load
from salesroles.models import Role
from salesroles.questions import QUESTIONS
from salesroles.render import words
from salesroles.results import Advice

from .conftest import run

C_LEVEL = {"cso", "cro", "cco"}


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load.load(use_cache=False)


def every_answer_set() -> list[dict[str, str]]:
    choices = [question.choices for question in QUESTIONS.values()]
    return [dict(zip(QUESTIONS, combo, strict=True)) for combo in itertools.product(*choices)]


def ask(catalog: Catalog, **given: str) -> Advice:
    answers = {name: q.default for name, q in QUESTIONS.items()} | given
    return advise(catalog, answers)


def ids(advice: Advice) -> tuple[str | None, str | None]:
    return tuple(r.role.id if r else None for r in (advice.best, advice.runner_up))  # type: ignore[return-value]


def advice_cli(*args: str, fmt: str = "table") -> str:
    result = run("advise", "--no-input", *args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    return result.stdout


FOUNDING_FIRST_HIRE = ("--size", "founding", "--horizon", "short", "--scope", "team",
                       "--budget", "no", "--team", "no", "--leads", "sales")  # fmt: skip


# --- the rules, written out again: what contradicts an answer -------------------------


def contradicts(role: Role, answers: dict[str, str]) -> set[str]:
    """The answers a role's sourced values contradict, from the rules in plain terms."""
    found = set()
    sizes = role.stage.company_size if role.stage else ()
    if sizes and answers["size"] not in sizes:
        found.add("size")
    horizon = role.focus.horizon if role.focus else None
    if horizon in {"short", "long"} and horizon != answers["horizon"]:
        found.add("horizon")
    level = role.scope.level if role.scope else None
    fitting = {"team": {"team"}, "region": {"region", "division"}, "company": {"company"}}
    if level is not None and level not in fitting[answers["scope"]]:
        found.add("scope")
    budget = role.budget.level if role.budget else None
    if budget is not None and (budget != "none") != (answers["budget"] == "yes"):
        found.add("budget")
    if answers["team"] == "no" and role.team is not None and role.team.builds_team is False:
        found.add("team")
    if role.owns is not None and (role.owns.functions or role.owns.sometimes):
        typical, owned = set(role.owns.functions), {*role.owns.functions, *role.owns.sometimes}
        needed = {
            "sales": {"sales"},
            "sales-marketing": {"sales", "marketing"},
            "revenue": {"sales", "marketing", "customer-success"},
        }[answers["leads"]]
        beyond = answers["leads"] == "sales" and typical & {"marketing", "customer-success"}
        if beyond or not needed <= owned:
            found.add("leads")
    return found


# --- invariants over every combination of answers -------------------------------------


def test_every_combination_is_covered_and_the_questions_are_six() -> None:
    assert len(every_answer_set()) == 4 * 2 * 3 * 2 * 2 * 3 == 288
    assert list(QUESTIONS) == ["size", "horizon", "scope", "budget", "team", "leads"]
    assert sorted(RANKING) == sorted(QUESTIONS)


def test_the_recommendation_never_contradicts_an_answer(bundled: Catalog) -> None:
    for answers in every_answer_set():
        advice = advise(bundled, answers)
        for rec in (advice.best, advice.runner_up):
            if rec:
                assert not contradicts(rec.role, answers), (answers, rec.role.id)
                assert all(r.verdict != "contradicts" for r in rec.reasons)
        for out in advice.ruled_out:
            found = contradicts(out.role, answers)
            assert found == {c.question for c in out.clashes}, (answers, out.role.id)
        advised = {r.role.id for r in (advice.best, advice.runner_up) if r}
        excluded = {o.role.id for o in advice.ruled_out}
        assert not advised & excluded


def test_the_recommendation_rests_only_on_values_the_sources_give(bundled: Catalog) -> None:
    """Unknown is not a fit: the recommendation is a role the sources place at the asked
    size (so a CCO, whose size no source gives, never is), supported on its reasons."""
    for answers in every_answer_set():
        advice = advise(bundled, answers)
        if advice.best is None:
            continue
        role = advice.best.role
        assert role.stage and answers["size"] in role.stage.company_size, answers
        assert role.id != "cco"
        for reason in advice.best.reasons:
            if reason.verdict == "unknown":
                assert reason.value is None and reason.point is None
            else:  # a structured value of the role's, and the point that says so
                assert reason.dimension and getattr(role, reason.dimension) is not None
                assert reason.point and reason.point.sources


def test_a_role_not_placed_at_the_size_is_never_recommended_over_one_that_is(
    bundled: Catalog,
) -> None:
    for answers in every_answer_set():
        advice = advise(bundled, answers)
        sizes = (
            {r.question: r.verdict for r in advice.runner_up.reasons} if advice.runner_up else {}
        )
        if advice.best is None and advice.runner_up:  # the nearest: not placed at this size
            assert sizes["size"] == "unknown"
            assert advice.runner_up.decided_by == "size"
        if advice.best and advice.runner_up:
            first = {r.question: r.verdict for r in advice.best.reasons}
            strength = {"fits": 2, "partly": 1, "unknown": 0}
            best_vector = [strength[first[q]] for q in RANKING]
            runner_vector = [strength[sizes[q]] for q in RANKING]
            assert best_vector >= runner_vector, answers  # answer by answer, size first
            decided = advice.best.decided_by
            if decided:
                assert strength[first[decided]] > strength[sizes[decided]]


def test_every_advised_role_is_supported_on_some_answer(bundled: Catalog) -> None:
    for answers in every_answer_set():
        advice = advise(bundled, answers)
        for rec in (advice.best, advice.runner_up):
            if rec:
                assert any(r.supports for r in rec.reasons), (answers, rec.role.id)


def test_every_reason_cites_a_listed_source(bundled: Catalog) -> None:
    known = {s.id for s in bundled.sources}
    for answers in every_answer_set():
        advice = advise(bundled, answers)
        reasons = [r for rec in (advice.best, advice.runner_up) if rec for r in rec.reasons]
        reasons += [c for out in advice.ruled_out for c in out.clashes]
        for reason in reasons:
            if reason.verdict != "unknown":
                assert reason.point and reason.point.sources, (answers, reason)
                assert set(reason.point.sources) <= set(advice.library) <= known
        for item in advice.stage:
            for entry in item.advice:
                assert set(entry.sources) <= set(advice.library)


def test_no_sales_team_never_yields_a_reason_that_says_a_team_exists(bundled: Catalog) -> None:
    for answers in every_answer_set():
        if answers["team"] != "no":
            continue
        advice = advise(bundled, answers)
        reasons = [r for rec in (advice.best, advice.runner_up) if rec for r in rec.reasons]
        for reason in (r for r in reasons if r.question == "team"):
            said = words.reason(reason.question, reason.answer, reason.verdict, reason.value)
            assert said in (
                "No sales team yet: the sources have it recruit and build its own team",
                "No sales team yet: not covered by the sources for this answer",
            )
            if reason.point:  # the point it cites is about recruiting, not a team it has
                assert re.search(r"recruit|hir|build", reason.point.text, re.I), reason.point


def test_the_same_answers_give_the_same_result_twice(bundled: Catalog) -> None:
    fresh = load.load(use_cache=False)
    for answers in every_answer_set():
        assert advise(bundled, answers) == advise(bundled, dict(answers)) == advise(fresh, answers)


def test_a_founding_team_asking_for_a_first_hire_is_never_sold_a_c_level_officer(
    bundled: Catalog,
) -> None:
    """VP-16 and AE-15 (s78): a strong rep first; VP-18 (s89): neither a VP nor a CRO under
    $1M ARR; CSO-05 (s49): in the smallest firms the CEO may fill the CSO role."""
    for answers in every_answer_set():
        if answers["size"] != "founding":
            continue
        best = ids(advise(bundled, answers))[0]
        assert best not in C_LEVEL
        if answers["team"] == "no":
            assert best in ("rep", None), answers
            rep_ruled_out = answers["budget"] == "yes"  # AE-07: no source gives reps a budget
            assert (best is None) == rep_ruled_out, answers
        else:  # a team exists: a rep, or a player-coach Head or VP
            assert best in ("rep", "head", "vp", None)


# --- founding: scenarios from the reference packs -------------------------------------


def test_founding_first_hire_is_a_strong_rep(bundled: Catalog) -> None:
    """AE-15 / VP-16 (s78): an early company's first sales hire should be a very good rep,
    not a VP; the rep's sized stage says so, and so does the [[hiring]] advice."""
    advice = ask(bundled, size="founding", team="no", scope="team", budget="no")
    assert ids(advice) == ("rep", None)  # the manager is placed at small firms and up
    size = next(r for r in advice.best.reasons if r.question == "size")  # type: ignore[union-attr]
    assert (size.verdict, size.point and size.point.sources) == ("fits", ("s78",))
    assert advice.best and advice.best.decided_by == "size"
    manager = next(o for o in advice.ruled_out if o.role.id == "manager")
    assert manager.clashes[0].question == "size"
    topics = [item.topic for item in advice.stage]
    assert topics[0] == "first sales hire"
    assert advice.stage[0].advice[0].sources == ("s78",)


def test_founding_rules_out_the_vp_and_the_cro_with_notion_capital(bundled: Catalog) -> None:
    """VP-18 (s89): $0-1M ARR needs neither a VP nor a CRO; VP-16 (s78): a VP only once there
    is a team to scale; CSO-05 (s49): the CEO may act as CSO in the smallest companies."""
    advice = ask(bundled, size="founding", scope="company", horizon="long", budget="yes",
                 team="no", leads="revenue")  # fmt: skip
    out = {o.role.id: o.clashes[0] for o in advice.ruled_out}
    assert out["cro"].question == "size" and out["cro"].point.sources == ("s89",)  # type: ignore[union-attr]
    assert out["vp"].question == "size" and out["vp"].point.sources == ("s78",)  # type: ignore[union-attr]
    assert out["cso"].question == "size" and out["cso"].point.sources == ("s49",)  # type: ignore[union-attr]
    assert out["rep"].question == "budget" and out["rep"].point.sources == ("s04",)  # type: ignore[union-attr]


def test_a_founding_team_is_not_sold_a_cco_whose_size_no_source_gives(bundled: Catalog) -> None:
    """The issue's case. CCO-15/CCO-16 (s51, s52, s56) give adopters and sectors, no company
    size: the CCO's size is unknown, never a fit, so it is no recommendation here."""
    advice = ask(bundled, size="founding", horizon="short", scope="company", budget="yes",
                 team="no")  # fmt: skip
    assert advice.best is None
    cco = findings(bundled.roles["cco"], dict(advice.answers), bundled.hiring)
    assert {r.question: r.verdict for r in cco}["size"] == "unknown"
    text = advice_cli("--size", "founding", "--horizon", "short", "--scope", "company",
                      "--budget", "yes", "--team", "no", "--leads", "sales")  # fmt: skip
    assert "Recommended hire" not in text
    assert text.startswith("No role the sources place at a founding team fits every answer")
    assert "make a strong\nrep its first sales hire" in text  # the stage advice, s78


# --- small ------------------------------------------------------------------------------


def test_small_company_player_coach_head_of_sales_then_the_vp(bundled: Catalog) -> None:
    """HOS-05 (s231) the player-coach Head of Sales over 1-5 reps, HOS-06/HOS-07 (s230) once
    3-5 reps close deals; C4-2/C4-3 (s36, s30) the VP and Head of Sales as one hire."""
    advice = ask(bundled, size="small", scope="company", horizon="long", budget="yes",
                 team="yes", leads="sales")  # fmt: skip
    assert ids(advice) == ("head", "vp")
    assert advice.best and advice.best.decided_by == "budget"  # no source gives a VP's level
    size = advice.best.reasons[0]
    assert size.point and size.point.sources == ("s231",)
    topics = {item.topic: item for item in advice.stage}
    assert [e.sources for e in topics["player-coach sales leader"].advice] == [
        ("s231",), ("s230",), ("s128",)
    ]  # fmt: skip


def test_small_company_first_vp_disagreement_shows_every_side(bundled: Catalog) -> None:
    """VP-15 (s86): $1M ARR or $1M of bookings; VP-13 (s31) a motion working for two reps;
    VP-18 (s89) $1-3M ARR; VP-14 (s32) founder-led selling past $1.5-2m is late. Both
    sides, never a midpoint."""
    advice = ask(bundled, size="small")
    first_vp = next(item for item in advice.stage if item.topic == "first VP of Sales")
    assert (
        first_vp.disagreement and first_vp.disagreement.topic == "When to hire the first VP Sales"
    )
    assert [e.sources for e in first_vp.advice] == [("s86",), ("s31",), ("s89",), ("s32",)]
    text = advice_cli("--size", "small", "--horizon", "long", "--scope", "company",
                      "--budget", "yes", "--team", "yes", "--leads", "sales")  # fmt: skip
    assert "First VP of Sales (the sources disagree; every side):" in text
    flat = " ".join(text.split())
    assert "at $1M ARR and others at $1M of bookings" in flat
    assert "$1.5M" not in flat and "$1.5 M" not in flat  # no midpoint of the two


def test_small_company_regional_leader_is_the_director(bundled: Catalog) -> None:
    """VP-18 (s89): a sales director may be hired at $1-3M ARR; ORG-05 (s71) a director owns a
    segment or region. The RSM is sized mid and large only (RSM-06, s219; s300)."""
    advice = ask(bundled, size="small", scope="region", budget="yes", horizon="short")
    assert ids(advice) == ("director", None)
    scope = next(r for r in advice.best.reasons if r.question == "scope")  # type: ignore[union-attr]
    assert (scope.verdict, scope.value) == ("partly", "division")
    size = advice.best.reasons[0]  # type: ignore[union-attr]
    assert size.point and size.point.sources == ("s89",)
    assert "rsm" in {o.role.id for o in advice.ruled_out if o.clashes[0].question == "size"}


def test_small_company_team_lead_says_small_firms_blend_manager_and_director(
    bundled: Catalog,
) -> None:
    """The seed article (manager-vs-director): in smaller companies one person is often both
    the sales manager and the sales director; the Sales Manager is placed at small firms on
    that point (and at larger ones, s248). The blend is said with the recommendation."""
    advice = ask(bundled, size="small", scope="team")
    assert ids(advice)[0] == "manager"
    blend = next(item for item in advice.stage if item.topic == "manager and director in one")
    assert blend.advice[0].sources == ("manager-vs-director",)
    text = advice_cli("--size", "small", "--horizon", "short", "--scope", "team",
                      "--budget", "no", "--team", "yes", "--leads", "sales")  # fmt: skip
    flat = " ".join(text.split())
    assert flat.startswith("Recommended hire: Sales Manager (manager)")
    assert "What the sources advise" in flat
    assert "one person often holds both the sales manager's and the sales director's job" in flat


def test_small_company_rules_out_the_cro(bundled: Catalog) -> None:
    """CRO-24/CRO-25 (s29): a CRO from about $10m ARR, or not until $40-50m+."""
    advice = ask(bundled, size="small", scope="company", horizon="long", leads="revenue")
    cro = next(o for o in advice.ruled_out if o.role.id == "cro")
    assert cro.clashes[0].question == "size" and cro.clashes[0].value == ("mid", "large")


# --- mid -------------------------------------------------------------------------------


def test_mid_size_regional_leader_is_the_rsm_then_the_director(bundled: Catalog) -> None:
    """RSM-06/RSM-10/ORG-01 (s219): a medium-sized firm's sales force has regional managers;
    RSM-12 (s252) a regional budget; C5-5 (s76) a director past 15 reps and two managers."""
    advice = ask(bundled, size="mid", scope="region", budget="yes", team="no")
    assert ids(advice) == ("rsm", "director")
    assert advice.best and advice.best.decided_by == "scope"  # region, against a division
    size = advice.runner_up.reasons[0]  # type: ignore[union-attr]
    assert size.point and size.point.sources == ("s76",)


def test_mid_size_first_cro_shows_both_lemkin_views_and_no_midpoint(bundled: Catalog) -> None:
    """CRO-24 (s29) from about $10m ARR, CRO-25 (s29) not until $40-50m+, CRO-26 (s90, s91)
    after a Series B/C, or past $50M with several motions."""
    advice = ask(bundled, size="mid", scope="company", horizon="long", leads="revenue")
    first_cro = next(item for item in advice.stage if item.topic == "first CRO")
    assert first_cro.disagreement and first_cro.disagreement.topic == "When a company needs a CRO"
    assert [e.sources for e in first_cro.advice] == [("s29",), ("s29",), ("s90",), ("s91",)]
    texts = [e.text for e in first_cro.advice]
    assert any("$10m" in t for t in texts) and any("$40-50m" in t for t in texts)
    assert not any(re.search(r"\$(2\d|30)m", t) for t in texts)  # no average of the two


def test_mid_size_leader_of_every_revenue_function_is_the_cro(bundled: Catalog) -> None:
    """CRO-01/CRO-02 (s19): every revenue function; CRO-35 (s123) and CRO-11 (s70): marketing
    and customer success only at times. The CCO (CCO-07, s51) leads sales and marketing
    but no source gives its size: it can be the runner-up, not the recommendation."""
    advice = ask(bundled, size="mid", scope="company", horizon="long", budget="yes",
                 leads="revenue")  # fmt: skip
    assert ids(advice) == ("cro", "cco")
    leads = next(r for r in advice.best.reasons if r.question == "leads")  # type: ignore[union-attr]
    assert leads.verdict == "partly"
    cco = {r.question: r.verdict for r in advice.runner_up.reasons}  # type: ignore[union-attr]
    assert cco["size"] == "unknown" and cco["leads"] == "partly"


def test_sales_only_rules_out_leaders_of_marketing_too(bundled: Catalog) -> None:
    """DSM-04 / director-jd: the DSM leads sales and marketing; CCO-07 (s51) too."""
    advice = ask(bundled, size="mid", scope="company", leads="sales")
    out = {o.role.id: o for o in advice.ruled_out}
    assert any(c.question == "leads" for c in out["cco"].clashes)
    assert any(c.question == "leads" for c in out["dsm"].clashes)


# --- large -----------------------------------------------------------------------------


def test_large_company_regional_leader_is_no_longer_no_role(bundled: Catalog) -> None:
    """RSM-06 (s219) and the BLS Handbook's big multiproduct organisations (s300) place the
    RSM at mid-size and large firms; the director's scope is a division (ORG-05, s71)."""
    advice = ask(bundled, size="large", scope="region", budget="yes", horizon="long")
    assert ids(advice) == ("rsm", "director")
    size = advice.best.reasons[0]  # type: ignore[union-attr]
    assert size.value == ("mid", "large")


def test_answers_assumed_not_given_are_named_when_they_alone_rule_roles_out() -> None:
    """Only --size and --scope given: the assumed "no budget of its own" rules out the RSM
    and the director (RSM-06 s219, ORG-05 s71), and the reader is told which flag to give."""
    result = run("advise", "--size", "large", "--scope", "region")
    assert result.exit_code == 0, result.stderr
    assert "Assumed --horizon short, --budget no" in result.stderr
    said = " ".join(result.stdout.split())
    assert (
        "Only answers assumed, not given, rule out Regional Sales Manager and Director of "
        "Sales: give --budget to weigh them." in said
    )
    data = json.loads(run("advise", "--size", "large", "--scope", "region", "--json").stdout)
    held = {o["id"] for o in data["ruled_out"] if o["assumed_only"]}
    assert held == {"rsm", "director"}
    given = run("advise", "--size", "large", "--scope", "region", "--budget", "no")
    assert "Only answers assumed" not in given.stdout  # given, not assumed: no hint


def test_large_company_without_a_budget_gets_the_vp_then_the_cso(bundled: Catalog) -> None:
    """VP-31 (s71): a public company's VP runs hundreds through directors; CSO-06 (s107):
    larger organisations gain most from a CSO; CSO-07 (s43) a long-run remit."""
    advice = ask(bundled, size="large", scope="company", horizon="long", budget="no",
                 team="no")  # fmt: skip
    assert ids(advice) == ("vp", "cso")
    assert advice.best and advice.best.decided_by == "team"  # VP-07 (s75): hires the directors
    cso = advice.runner_up.reasons[0]  # type: ignore[union-attr]
    assert cso.point and cso.point.sources == ("s107",)
    assert [item.topic for item in advice.stage] == ["first CRO", "chief sales officer"]


def test_large_company_never_recommends_a_cco(bundled: Catalog) -> None:
    for answers in every_answer_set():
        if answers["size"] == "large":
            assert ids(advise(bundled, answers))[0] != "cco"


# --- the command ------------------------------------------------------------------------


def test_no_sales_team_is_never_printed_as_a_team_that_exists() -> None:
    """The old table printed "• Team: yes — Coaches and leads…" for --team no."""
    for scope, size in itertools.product(("team", "region", "company"), ("small", "mid", "large")):
        args = ("--size", size, "--horizon", "long", "--scope", scope, "--budget", "yes",
                "--team", "no", "--leads", "sales")  # fmt: skip
        table, markdown = advice_cli(*args), advice_cli(*args, fmt="markdown")
        for text in (table, markdown):
            assert "Team: yes" not in text and "Team: True" not in text
            assert "a sales team exists" not in text and "lead a sales team" not in text


def test_the_output_defines_the_size_asked() -> None:
    text = advice_cli(*FOUNDING_FIRST_HIRE)
    assert text.startswith("Recommended hire: Sales Representative (rep)\n")
    flat = " ".join(text.split())
    assert "Founding team, as the sources define it: The founders (or the owner)" in flat
    assert "• Founding team: the sources place it at founding-stage companies — " in flat
    assert "• One team: not covered by the sources for this answer" in flat


def test_ruled_out_roles_say_which_answer_and_the_point() -> None:
    flat = " ".join(advice_cli(*FOUNDING_FIRST_HIRE).split())
    assert (
        "• Chief Revenue Officer (cro) — Founding team: the sources place it only at "
        "mid-size and large companies — Notion Capital says a company under $1M ARR needs "
        "neither a VP of Sales nor a CRO." in flat
    )


def test_help_defines_the_sizes_and_the_leads_from_the_sources(bundled: Catalog) -> None:
    result = run("advise", "--help")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    for size in ("founding", "small", "mid", "large"):
        assert f"{size} {words.SIZE_HELP[size].split()[0]}" in flat
    assert "--leads sales|sales-marketing|revenue" in result.stdout
    assert "revenue every revenue function: sales, marketing and customer success" in flat
    defined = " ".join(s.text for s in bundled.sizes)
    for figure in re.findall(
        r"\$[\d.,-]+[MmKk]?\+?|\b\d+(?:-\d+)?\b", " ".join(words.SIZE_HELP.values())
    ):
        assert figure in defined, figure  # every figure in --help is the sources' own


def test_advise_runs_without_a_terminal_with_flags_and_says_what_it_assumed() -> None:
    result = run("advise", "--size", "founding", "--team", "no", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["recommended"]["id"] == "rep" and data["runner_up"] is None
    assert data["assumed"] == ["horizon", "scope", "budget", "leads"]
    assert result.stderr == (
        "Assumed --horizon short, --scope team, --budget no, --leads sales "
        "(no terminal to ask; give the flags to choose).\n"
    )


def test_the_json_gives_each_reason_verdict_sentence_and_point() -> None:
    data = json.loads(advice_cli(*FOUNDING_FIRST_HIRE, fmt="json"))
    assert data["size"]["id"] == "founding" and data["size"]["sources"] == ["s89", "s32", "s49"]
    reasons = {r["question"]: r for r in data["recommended"]["reasons"]}
    assert reasons["size"]["verdict"] == "fits" and reasons["size"]["value"] == ["founding"]
    unknown = "One team: not covered by the sources for this answer"
    assert reasons["scope"] == {"question": "scope", "answer": "team", "verdict": "unknown",
                                "dimension": None, "value": None, "point": None,
                                "sentence": unknown}  # fmt: skip
    cited = {s for r in data["recommended"]["reasons"] if r["point"] for s in r["point"]["sources"]}
    assert cited <= set(data["sources"])
    assert data["stage_advice"][0] == {
        "topic": "first sales hire", "disputed": False, "disagreement": None,
        "advice": [{"text": data["stage_advice"][0]["advice"][0]["text"], "sources": ["s78"],
                    "roles": [{"id": "rep", "title": "Sales Representative"},
                              {"id": "vp", "title": "Vice President of Sales"}]}],
    }  # fmt: skip
    cro = next(o for o in data["ruled_out"] if o["id"] == "cro")
    assert cro["clashes"][0] == "size" and cro["reasons"][0]["verdict"] == "contradicts"


def test_when_nothing_fits_it_says_so_and_what_was_ruled_out() -> None:
    text = advice_cli("--size", "mid", "--horizon", "short", "--scope", "region",
                      "--budget", "no", "--team", "yes", "--leads", "sales")  # fmt: skip
    flat = " ".join(text.split())
    assert flat.startswith("No role the sources place at a mid-size company fits every answer")
    rsm = "• Regional Sales Manager (rsm) — No budget of its own: the sources give it a region's"
    assert f"{rsm} budget" in flat


def test_advice_works_on_the_starter_dataset(tmp_path: Any) -> None:
    """A company's ladder with stages for one role: the size decides where it places one."""
    path = tmp_path / "ladder.toml"
    assert run("data", "init", str(path)).exit_code == 0
    base = ["--data", str(path), "advise", "--horizon", "long", "--scope", "region",
            "--budget", "yes", "--team", "no", "--leads", "sales", "--json"]  # fmt: skip
    small = json.loads(run(*base, "--size", "small").stdout)  # no role placed at small
    assert small["recommended"]["id"] == "area-vp"
    mid = json.loads(run(*base, "--size", "mid").stdout)  # the team lead is placed at mid
    assert (mid["recommended"], mid["runner_up"]["id"]) == (None, "area-vp")


def test_a_dataset_without_structured_values_is_a_data_error(tmp_path: Any) -> None:
    path = tmp_path / "bare.toml"
    path.write_text(
        'dataset_version = 2\n[[sources]]\nid = "s"\ntitle = "S"\nkind = "other"\n'
        '[[roles]]\nid = "a"\ntitle = "A"\nsummary = "x"\nsources = ["s"]\n',
        encoding="utf-8",
    )
    result = run("--data", str(path), "advise", "--no-input", "--size", "mid", "--horizon",
                 "long", "--scope", "team", "--budget", "no", "--team", "yes",
                 "--leads", "sales")  # fmt: skip
    assert (result.exit_code, result.stdout) == (1, "")
    assert "advise needs roles with structured values" in result.stderr


def test_no_input_makes_missing_answers_an_error() -> None:
    result = run("advise", "--no-input", "--size", "mid")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "Error: advise needs --horizon, --scope, --budget, --team, --leads with --no-input.\n"
    )


@pytest.mark.parametrize(
    ("flag", "value", "choices"),
    [
        ("size", "huge", "founding, small, mid, large"),
        ("leads", "hr", "sales, sales-marketing, revenue"),
    ],
)
def test_a_bad_answer_is_a_usage_error(flag: str, value: str, choices: str) -> None:
    result = run("advise", f"--{flag}", value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"--{flag} must be one of {choices}, not '{value}'." in result.stderr


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_advise_in_every_format(fmt: str) -> None:
    text = advice_cli("--size", "large", "--horizon", "long", "--scope", "company",
                      "--budget", "no", "--team", "no", "--leads", "sales", fmt=fmt)  # fmt: skip
    assert "Vice President of Sales" in text and "Chief Sales Officer" in text
    flat = " ".join(text.replace("\\", "").split())
    assert "No sales team yet: the sources have it recruit and build its own team" in flat
    assert "Large company: the sources place it at" in flat
    if fmt == "csv":
        assert text.splitlines()[0] == "status,id,title,reasons,sources"
        assert "\nrecommended,vp," in text and "\nrunner-up,cso," in text
        assert "\nruled out,cco," in text
