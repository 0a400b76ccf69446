"""What a reader sees in each view of the bundled dataset: compare, show, list, career,
search, sources."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from salesroles.dataset import load
from salesroles.models import CORE_DIMENSIONS, DIMENSIONS, GLANCE_DIMENSIONS

from .conftest import run
from .helpers import dataset, promotion, small
from .helpers import role as a_role

ROLES = list(load.load().order)

SENIOR_PAIRS = [("vp", "cro"), ("cso", "cro"), ("cco", "cro"), ("head", "vp"),
                ("vp", "director"), ("cso", "vp")]  # fmt: skip


def test_compare_shows_the_eight_at_a_glance_unless_asked_for_all() -> None:
    glance = json.loads(run(*small("compare", "lead", "chief", "--json")).stdout)
    assert tuple(glance["dimensions"]) == GLANCE_DIMENSIONS
    assert (*CORE_DIMENSIONS, "compensation", "stage") == GLANCE_DIMENSIONS  # pay and stage
    more = len(DIMENSIONS) - len(GLANCE_DIMENSIONS)
    out = run(*small("compare", "lead", "chief")).stdout
    assert f"--all ({more} more dimensions)" in " ".join(out.split())
    assert "more dimensions" not in run(*small("compare", "lead", "chief", "--all")).stdout


def test_compare_diff_keeps_only_rows_whose_structured_values_differ() -> None:
    data = json.loads(run(*small("compare", "lead", "chief", "--diff", "--json")).stdout)
    assert list(data["dimensions"]) == [
        "scope",
        "focus",
        "reporting",
        "budget",
        "career",
        "compensation",
    ]
    assert all(d["differs"] for d in data["dimensions"].values())


def test_only_filters_contrasts_and_disagreements_to_the_dimensions_shown() -> None:
    data = json.loads(run(*small("compare", "lead", "chief", "--only", "scope", "--json")).stdout)
    assert [c["topic"] for c in data["differences"]] == ["Reach"]
    assert data["disagreements"] == []
    out = run(*small("compare", "lead", "chief", "--only", "compensation")).stdout
    assert "Key differences" not in out and "disagree" not in out


def test_compare_only_picks_dimensions_in_the_order_given() -> None:
    data = json.loads(run("compare", "head", "rsm", "--only", "metrics,scope", "--json").stdout)
    assert list(data["dimensions"]) == ["metrics", "scope"]


@pytest.mark.parametrize(("a", "b"), SENIOR_PAIRS)
def test_the_senior_pairs_are_told_apart(a: str, b: str) -> None:
    """Issue 11: both columns filled on 5+ core dimensions, 2+ sourced contrasts, URLs."""
    data = json.loads(run("compare", a, b, "--json").stdout)
    rows = data["dimensions"]
    filled = [d for d in rows if rows[d]["values"][a] and rows[d]["values"][b]]
    # no source gives a CSO budget or career move
    assert len(filled) >= (4 if "cso" in (a, b) else 5), filled
    assert any(rows[d]["differs"] for d in filled)
    assert len(data["differences"]) >= 2
    assert all(set(c["sources"]) <= set(data["sources"]) for c in data["differences"])
    assert any(s["url"] for s in data["sources"].values())
    table = run("compare", a, b).stdout
    assert "Key differences" in table
    detail = run("compare", a, b, "--detail").stdout
    assert "What the sources say directly" in detail and "https://" in detail


def test_compare_vp_cro_diff_finds_differences() -> None:
    data = json.loads(run("compare", "vp", "cro", "--diff", "--json").stdout)
    assert {"reporting", "career"} <= set(data["dimensions"])


def test_disagreements_show_every_side_with_its_source() -> None:
    out = run("show", "cro", "--only", "tenure").stdout
    assert "Where the sources disagree (both sides with --detail)" in out
    detail = run("show", "cro", "--only", "tenure", "--detail").stdout
    assert detail.count("  – ") >= 2  # every side, each with its source
    data = json.loads(run("show", "cro", "--json").stdout)
    tenure = next(d for d in data["disagreements"] if "tenure" in d["dimensions"])
    assert len(tenure["positions"]) >= 2
    assert len({s for p in tenure["positions"] for s in p["sources"]}) >= 2


def test_list_puts_each_role_before_whom_it_reports_to() -> None:
    data = json.loads(run("list", "--json").stdout)
    order = [r["id"] for r in data["roles"]]
    for role in data["roles"]:
        for boss in role["reports_to"]:
            if boss in order:
                assert order.index(role["id"]) < order.index(boss), (role["id"], boss)
    assert all(r["seniority"] is None for r in data["roles"])  # no rank without support
    assert "not ranked against each other" in run("list").stdout


def test_list_csv() -> None:
    rows = list(csv.reader(io.StringIO(run(*small("list", "--format", "csv")).stdout)))
    assert rows == [
        ["id", "title", "reports_to", "scope", "aliases"],
        ["seller", "Seller", "lead", "team", "sl"],
        ["lead", "Team Lead", "chief", "team", ""],
        ["chief", "Chief Seller", "ceo", "company", ""],
    ]


def test_show_folds_what_is_not_covered_into_one_line() -> None:
    out = run(*small("show", "seller")).stdout
    assert "Not covered by the sources: focus, budget, metrics," in out


def test_show_markdown_is_a_job_description_outline() -> None:
    glance = run("show", "director", "--format", "markdown").stdout
    assert glance.startswith("# Director of Sales\n")
    assert "| **Who fits** |" in glance
    out = run("show", "director", "--format", "markdown", "--detail").stdout
    assert "## Who fits\n" in out
    assert "O\\*NET" in out or "O*NET" not in out  # a literal star, never emphasis


def test_career_path_json_has_each_move_with_its_steps() -> None:
    data = json.loads(run(*small("career", "seller", "--to", "chief", "--json")).stdout)
    assert data["reachable"] is True
    assert [(s["from"], s["to"]) for s in data["moves"]] == [("seller", ["lead"]),
                                                             ("lead", ["chief"])]  # fmt: skip
    assert set(data["sources"]) == {"blog", "glossary"}


def test_career_path_csv_keeps_skills_education_and_note() -> None:
    rows = list(csv.reader(io.StringIO(run(*small("career", "seller", "--to", "chief",
                                                  "-f", "csv")).stdout)))  # fmt: skip
    assert rows[0] == ["step", "from", "to", "kind", "steps", "skills", "education", "note",
                       "sources"]  # fmt: skip
    assert rows[1][5] == "Forecasting."


def test_career_path_that_does_not_exist_says_so() -> None:
    result = run(*small("career", "chief", "--to", "seller"))
    assert result.exit_code == 0
    assert "The dataset has no career path from Chief Seller to Seller." in result.stdout
    data = json.loads(run(*small("career", "chief", "--to", "seller", "--json")).stdout)
    assert (data["reachable"], data["moves"]) == (False, None)


def test_career_tree_shows_both_directions() -> None:
    data = json.loads(run(*small("career", "lead", "--json")).stdout)
    assert [n["from"] for n in data["comes_from"]] == ["seller"]
    assert [n["to"] for n in data["leads_to"]] == [["chief"]]


def test_career_rep_shows_each_move_once_expanded_where_it_first_appears() -> None:
    out = run("career", "rep", env={"COLUMNS": "100"}).stdout
    assert out.count("Sales Manager (manager)") == 1  # was three times, "followed above"
    lines = out.split("\nSources\n")[0].splitlines()
    vp_expanded = next(k for k, x in enumerate(lines) if "Vice President of Sales (vp) or" in x)
    for k, line in enumerate(lines):
        if "(followed above)" in line:
            assert k > vp_expanded, line  # rsm -> vp only after vp's own moves are shown


def test_career_director_lists_the_move_from_the_rep_once() -> None:
    out = run("career", "director", env={"COLUMNS": "100"}).stdout
    assert out.count("Sales Representative (rep)") == 1  # was four times, once per source


@pytest.mark.parametrize("role_id", ROLES)
def test_every_career_tree_shows_a_move_once_and_followed_above_only_below_it(
    role_id: str,
) -> None:
    data = json.loads(run("career", role_id, "--json").stdout)
    for direction in ("comes_from", "leads_to"):
        lines = data[direction]
        moves = [(m["from"], tuple(m["to"]), m["kind"]) for m in lines]
        assert len(moves) == len(set(moves)), (direction, moves)  # each move once
        expanded = {role_id}
        for line in lines:
            reached = [line["from"]] if direction == "comes_from" else line["to"]
            if line["seen"]:
                assert set(reached) <= expanded, (direction, line)  # followed *above*
            expanded |= set(reached)


def test_a_tree_too_deep_for_guides_reads_as_indentation() -> None:
    out = run("career", "rep", env={"COLUMNS": "44"}).stdout
    tree = out.split("\nSources\n")[0]
    assert not re.search(r"^ *\d+\. ", tree, re.M)  # depth is not a numbered list
    starts = {x.strip().split(" → ")[0]: len(x) - len(x.lstrip()) for x in tree.splitlines()
              if "→" in x}  # fmt: skip
    assert starts["• Sales Representative"] < starts["↳ Sales Manager"]
    assert starts["↳ Sales Manager"] < starts["↳ Director of Sales"]
    up = run("career", "director", env={"COLUMNS": "44"}).stdout
    assert "• Sales Manager (manager) → Director of" in up  # comes from: into the role


def test_a_chain_deeper_than_the_width_says_how_far_each_move_is(tmp_path: Path) -> None:
    roles = [a_role(f"r{i}", career=promotion(f"r{i + 1}")) for i in range(59)] + [a_role("r59")]
    path = tmp_path / "chain.toml"
    path.write_text(dataset(roles), encoding="utf-8")
    out = run("--data", str(path), "career", "r0", env={"COLUMNS": "80"}).stdout
    assert "(59 moves on) Title of r58 → Title of r59 (r59), promotion" in " ".join(out.split())
    assert max(len(x) for x in out.splitlines()) <= 80


def test_search_looks_at_the_datasets_text_only() -> None:
    data = json.loads(run("search", "level", "--json").stdout)
    assert all("level" in h["text"].lower() for h in data["hits"])
    assert not any(h["text"].startswith("Level:") for h in data["hits"])
    assert json.loads(run(*small("search", "Level", "--json")).stdout)["hits"] == []


def test_search_finds_points_contrasts_and_disagreements() -> None:
    data = json.loads(run(*small("search", "quarter", "--json")).stdout)
    assert {(h["role"] and h["role"]["id"], h["dimension"]) for h in data["hits"]} == {
        ("lead", "focus"),
        (None, "contrast"),
        (None, "disagreement"),
    }


def test_search_without_hits() -> None:
    result = run("search", "zebra")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No role mentions 'zebra'."


def test_sources_lists_kind_year_url_and_points() -> None:
    data = json.loads(run(*small("sources", "--json")).stdout)
    by_id = data["sources"]  # by id, as in every output
    assert by_id["stats"]["kind"] == "statistics"
    assert by_id["stats"]["url"] == "https://stats.example.org/survey"
    assert by_id["blog"]["point_count"] == 6  # 3 points, 1 move, 1 contrast, 1 position
    one = json.loads(run(*small("sources", "seller", "--json")).stdout)
    assert set(one["sources"]) == {"stats", "blog"}
    assert one["sources"]["blog"]["roles"] == [{"id": "seller", "title": "Seller"}]


def test_sources_tell_statistics_from_practitioners_at_a_glance() -> None:
    out = run("sources").stdout
    assert "official" in out and "practitioner" in out and "vendor blog" in out
