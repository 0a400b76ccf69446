"""advise: a pure function of the roles' structured, sourced values."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest

from salesroles.advise import QUESTIONS, advise
from salesroles.catalog import Catalog
from salesroles.dataset import load
from salesroles.models import Role

from .conftest import run


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load.load(use_cache=False)


# (size, horizon, scope, budget, team) -> (recommended, runner-up)
ANSWER_SETS = [
    (("small", "short", "team", "no", "yes"), ("manager", None)),
    (("mid", "short", "region", "yes", "yes"), ("rsm", "director")),
    (("mid", "long", "region", "yes", "no"), ("rsm", "director")),
    (("small", "long", "company", "yes", "no"), ("head", "vp")),
    (("mid", "long", "company", "yes", "yes"), ("head", "cro")),
    (("large", "long", "company", "yes", "yes"), ("head", "cso")),
    (("large", "short", "company", "no", "yes"), ("vp", "cco")),
    (("founding", "long", "region", "no", "no"), (None, None)),
]


@pytest.mark.parametrize(("answers", "expected"), ANSWER_SETS)
def test_advice_for_each_answer_set(
    bundled: Catalog, answers: tuple[str, ...], expected: tuple[str | None, str | None]
) -> None:
    given = dict(zip(QUESTIONS, answers, strict=True))
    advice = advise(bundled, given)
    got = tuple(r.role.id if r else None for r in (advice.best, advice.runner_up))
    assert got == expected
    if advice.best:
        assert advice.best.reasons  # always says why
        assert all(r.point and r.point.sources for r in advice.best.reasons)


def _contradicts(role: Role, answers: dict[str, str]) -> bool:
    """The rules, written out directly: a value that says the role is not what was asked."""
    scope = {"team": {"team"}, "region": {"region", "division"}, "company": {"company"}}
    if not role.scope or role.scope.level not in scope[answers["scope"]]:
        return True
    if role.focus and role.focus.horizon in ({"short", "long"} - {answers["horizon"]}):
        return True
    budget = role.budget.level if role.budget else None
    if answers["budget"] == "yes" and budget == "none":
        return True
    if answers["budget"] == "no" and budget in {"company", "department", "region"}:
        return True
    sizes = role.stage.company_size if role.stage else ()
    if sizes and answers["size"] not in sizes:
        return True
    return answers["team"] == "no" and role.team is not None and role.team.builds_team is False


def test_no_answer_set_recommends_a_role_its_values_contradict(bundled: Catalog) -> None:
    choices = [choices for _, choices, _ in QUESTIONS.values()]
    for combo in itertools.product(*choices):
        answers = dict(zip(QUESTIONS, combo, strict=True))
        advice = advise(bundled, answers)
        for rec in (advice.best, advice.runner_up):
            if rec:
                assert not _contradicts(rec.role, answers), (combo, rec.role.id)
        for out in advice.ruled_out:
            assert _contradicts(out.role, answers), (combo, out.role.id)


def test_the_founding_team_with_a_company_remit_is_not_sold_a_cso(bundled: Catalog) -> None:
    answers = {"size": "founding", "horizon": "long", "scope": "company", "budget": "yes"}
    answers["team"] = "no"
    advice = advise(bundled, answers)
    assert {"cso", "cro", "vp", "head"} <= {o.role.id for o in advice.ruled_out}


def test_advice_works_on_the_starter_dataset(tmp_path: Any) -> None:
    path = tmp_path / "ladder.toml"
    assert run("data", "init", str(path)).exit_code == 0
    result = run("--data", str(path), "advise", "--size", "mid", "--horizon", "long",
                 "--scope", "region", "--budget", "yes", "--team", "no", "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["recommended"]["id"] == "area-vp"


def test_a_dataset_without_structured_values_is_a_data_error(tmp_path: Any) -> None:
    path = tmp_path / "bare.toml"
    path.write_text(
        'dataset_version = 2\n[[sources]]\nid = "s"\ntitle = "S"\nkind = "other"\n'
        '[[roles]]\nid = "a"\ntitle = "A"\nsummary = "x"\nsources = ["s"]\n',
        encoding="utf-8",
    )
    result = run("--data", str(path), "advise", "--no-input", "--size", "mid", "--horizon",
                 "long", "--scope", "team", "--budget", "no", "--team", "yes")  # fmt: skip
    assert (result.exit_code, result.stdout) == (1, "")
    assert "advise needs roles with structured values" in result.stderr


def test_advise_runs_without_a_terminal_with_flags_and_says_what_it_assumed() -> None:
    result = run("advise", "--size", "small", "--horizon", "short", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["recommended"]["id"] == "manager"
    assert data["assumed"] == ["scope", "budget", "team"]
    reason = data["recommended"]["reasons"][0]
    assert reason["point"]["sources"] and set(reason["point"]["sources"]) <= set(data["sources"])
    assert result.stderr == (
        "Assumed --scope team, --budget no, --team yes "
        "(no terminal to ask; give the flags to choose).\n"
    )


def test_when_nothing_fits_it_says_so_and_what_was_ruled_out() -> None:
    result = run("advise", "--size", "mid", "--horizon", "short", "--scope", "region",
                 "--budget", "no", "--team", "yes")  # fmt: skip
    assert result.exit_code == 0
    assert "No role in the dataset fits every answer." in result.stdout
    assert "Regional Sales Manager (rsm): budget" in result.stdout


def test_no_input_makes_missing_answers_an_error() -> None:
    result = run("advise", "--no-input", "--size", "mid")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == "Error: advise needs --horizon, --scope, --budget, --team with --no-input.\n"
    )


def test_a_bad_answer_is_a_usage_error() -> None:
    result = run("advise", "--size", "huge")
    assert result.exit_code == 2
    assert "--size must be one of founding, small, mid, large, not 'huge'." in result.stderr


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_advise_in_every_format(fmt: str) -> None:
    result = run("advise", "--size", "large", "--horizon", "long", "--scope", "company",
                 "--budget", "yes", "--team", "yes", "--format", fmt)  # fmt: skip
    assert result.exit_code == 0
    assert "Chief Sales Officer" in result.stdout
