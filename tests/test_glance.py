"""Answer first: the glance of compare and show fits one screen and cites every claim; the
detail loses nothing; headlines and kinds are in the data and in the JSON."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from salesroles.dataset import load
from salesroles.models import DIMENSIONS, GLANCE_DIMENSIONS

from .conftest import run

ROLES = list(load.load().order)
MARKER = re.compile(r"\[\d+\]")


def covered(role_id: str) -> dict[str, object]:
    """The dimensions a role's JSON profile covers (career: any move in or out)."""
    data = json.loads(run("show", role_id, "--json").stdout)
    return {name: value for name, value in data["dimensions"].items() if value is not None}


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(ROLES, 2)))
def test_every_pair_at_a_glance_fits_sixty_lines_at_100_columns(a: str, b: str) -> None:
    out = run("compare", a, b, env={"COLUMNS": "100"}).stdout
    lines = out.splitlines()
    assert len(lines) <= 60, (a, b, len(lines))
    assert all(len(line) <= 100 for line in lines)
    # every covered cell shows its headline with a source marker; the JSON says which
    data = json.loads(run("compare", a, b, "--json").stdout)
    words = set(out.split())
    for name, row in data["dimensions"].items():
        for role_id in (a, b):
            value = row["values"][role_id]
            if value is None:
                continue
            headline = value["headline"]
            assert headline is not None, (role_id, name)
            assert headline["sources"], (role_id, name)
            missing = set(headline["text"].split()) - words
            assert not missing, (role_id, name, missing)  # shown, every word whole
    table_part = out.split("Key differences")[0]
    rows = [line for line in table_part.splitlines() if line.startswith("  ")]
    assert rows and len(MARKER.findall(table_part)) >= sum(
        v is not None for r in data["dimensions"].values() for v in r["values"].values()
    )


def test_four_roles_at_80_columns_are_side_by_side_and_cut_no_word() -> None:
    roles = ["manager", "director", "head", "cso"]
    out = run("compare", *roles, env={"COLUMNS": "80"}).stdout
    header = out.splitlines()[0]
    assert all(title in header for title in ("Sales Manager", "Director of", "Head of Sales"))
    assert all(len(line) <= 80 or line.startswith("http") for line in out.splitlines())
    data = json.loads(run("compare", *roles, "--json").stdout)
    shown = set(out.split())
    for row in data["dimensions"].values():
        for value in row["values"].values():
            if value and value["headline"]:
                for word in value["headline"]["text"].split():
                    assert word in shown or any(word in w for w in shown), word


@pytest.mark.parametrize("role_id", ROLES)
def test_show_at_a_glance_fits_sixty_lines_with_a_headline_per_covered_dimension(
    role_id: str,
) -> None:
    out = run("show", role_id, env={"COLUMNS": "100"}).stdout
    assert len(out.splitlines()) <= 60, len(out.splitlines())
    flat = " ".join(out.split())
    for name, value in covered(role_id).items():
        headline = value["headline"]  # type: ignore[index]
        assert headline and headline["sources"], name
        assert headline["text"] in flat, name  # one column of text: the headline whole


@pytest.mark.parametrize("role_id", ROLES)
def test_show_json_has_a_headline_for_every_covered_dimension_and_a_kind_for_every_point(
    role_id: str,
) -> None:
    for name, value in covered(role_id).items():
        assert value["headline"]["text"], name  # type: ignore[index]
        for point in value["points"]:  # type: ignore[index]
            assert point["kind"] in ("core", "context"), (name, point)


@pytest.mark.parametrize("role_id", ROLES)
def test_detail_shows_every_point_of_the_dataset(role_id: str) -> None:
    role = load.load().roles[role_id]
    out = " ".join(run("show", role_id, "--detail", env={"COLUMNS": "200"}).stdout.split())
    for name in DIMENSIONS:
        value = getattr(role, name) if name != "career" else None
        for point in getattr(value, "points", ()):
            assert " ".join(point.text.split()) in out, (name, point.text)


def test_context_points_appear_only_in_detail() -> None:
    role = load.load().roles["director"]
    context = [p for p in role.scope.points if p.kind == "context"]  # type: ignore[union-attr]
    assert context
    glance = " ".join(run("show", "director", env={"COLUMNS": "200"}).stdout.split())
    detail = " ".join(run("show", "director", "--detail", env={"COLUMNS": "200"}).stdout.split())
    for point in context:
        text = " ".join(point.text.split())
        assert text not in glance and text in detail


def test_pay_and_stage_are_at_a_glance_and_the_disputes_are_named() -> None:
    out = run("compare", "head", "director", env={"COLUMNS": "100"}).stdout
    assert "\n  Pay " in out and "\n  Stage " in out
    assert "Key differences" in out
    assert "Where the sources disagree (both sides with --detail)" in out
    assert "  – " not in out  # each side only in detail
    detail = run("compare", "head", "director", "--detail").stdout
    assert "  – " in detail


def test_key_differences_are_six_at_most_and_ranked_by_their_source() -> None:
    data = json.loads(run("compare", "vp", "cro", "--json").stdout)
    strength = ["article", "statistics", "research", "encyclopedia", "publication",
                "search-firm", "practitioner", "vendor-blog", "other"]  # fmt: skip
    rank = {"article": 0, "statistics": 0, "research": 0}
    kinds = [data["sources"][d["sources"][0]]["kind"] for d in data["differences"]]
    ranks = [rank.get(k, strength.index(k)) for k in kinds]
    assert ranks == sorted(ranks)
    out = run("compare", "vp", "cro", env={"COLUMNS": "100"}).stdout
    glance = out.split("Key differences")[1].split("\n\n")[0]
    assert 1 <= glance.count("\n• ") <= 6


def test_the_glance_default_is_the_eight_and_all_adds_the_rest() -> None:
    data = json.loads(run("compare", "head", "director", "--json").stdout)
    assert list(data["dimensions"]) == list(GLANCE_DIMENSIONS)
    everything = json.loads(run("compare", "head", "director", "--all", "--json").stdout)
    assert list(everything["dimensions"]) == list(DIMENSIONS)


def test_career_path_shows_the_headline_of_each_role_it_passes() -> None:
    out = " ".join(run("career", "rep", "--to", "cro", env={"COLUMNS": "200"}).stdout.split())
    catalog = load.load()
    for role_id in ("manager", "director", "cro"):
        headline = catalog.roles[role_id].headlines["scope"].text
        assert " ".join(headline.split()[:4]) in out, role_id
