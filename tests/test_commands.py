"""Every command, in every format, through the CLI.

Layouts are pinned by golden files over a small fixture dataset (its text never
changes); the bundled content is checked by key lines.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from salesroles.cli import commands
from salesroles.models import CORE_DIMENSIONS, DIMENSIONS

from .conftest import FIXTURE, run

GOLDEN = Path(__file__).parent / "golden"
COMMANDS = [
    ["list"],
    ["show", "cso"],
    ["compare", "head", "director"],
    ["career", "director"],
    ["career", "rep", "--to", "cro"],
    ["search", "budget"],
    ["which", "VP of Sales", "Chief Risk Officer"],
    ["sources", "cro"],
    ["advise", "--size", "mid", "--horizon", "long", "--scope", "region", "--budget", "yes",
     "--team", "yes"],
]  # fmt: skip


def small(*args: str) -> list[str]:
    return ["--data", str(FIXTURE), *args]


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (small("compare", "lead", "chief"), "small_compare.txt"),
        (small("compare", "seller", "lead", "chief", "--only", "scope,focus"), "small_three.txt"),
        (small("show", "chief"), "small_show.txt"),
        (small("list"), "small_list.txt"),
        (small("career", "lead"), "small_career.txt"),
        (small("career", "seller", "--to", "chief"), "small_path.txt"),
        (small("which", "Sr. Field Seller EMEA", "Chief Risk Officer"), "small_which.txt"),
        (small("sources"), "small_sources.txt"),
    ],
)
def test_layouts_match_the_golden_files_at_80_columns(args: list[str], golden: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_every_command_prints_every_format(args: list[str], fmt: str) -> None:
    result = run(*args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    if fmt == "json":
        assert json.loads(result.stdout)["schema_version"] == 2
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len({len(row) for row in rows}) == 1  # rectangular
        assert len(rows) > 1
    if fmt == "table":
        assert all(line == line.rstrip() for line in result.stdout.splitlines())


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_json_is_short_for_format_json(args: list[str]) -> None:
    assert run(*args, "--json").stdout == run(*args, "--format", "json").stdout


def test_every_line_of_the_tables_fits_80_columns() -> None:
    for args in COMMANDS:
        for line in run(*args).stdout.splitlines():
            assert len(line) <= 80 or line.startswith("http"), (args, line)  # URLs stay whole


# --- provenance ---------------------------------------------------------------


def test_every_point_in_a_table_carries_a_marker_and_the_sources_are_numbered() -> None:
    out = run(*small("show", "lead")).stdout
    assert "• Runs one team. [1][2]" in out
    assert "[1] Official Occupation Survey, Statistics Office, 2024." in out
    assert "https://stats.example.org/survey" in out
    assert "Vendor Glossary, Acme CRM (vendor blog)." in out
    assert "One Seller's Blog, 2021 (practitioner's view)." in out


def test_no_sources_hides_markers_and_the_list() -> None:
    out = run(*small("compare", "lead", "chief", "--no-sources")).stdout
    assert "[1]" not in out and "Sources" not in out
    assert "• Runs one team." in out and "Runs one team. [" not in out


def test_markdown_cites_with_footnotes() -> None:
    out = run(*small("show", "chief", "--format", "markdown")).stdout
    assert "- The whole company.[^1]" in out
    assert "[^1]: Vendor Glossary, Acme CRM (vendor blog)." in out
    assert (
        "[^2]: Official Occupation Survey, Statistics Office, 2024. <https://stats.example.org/survey>"
        in out
    )


def test_csv_has_a_sources_column() -> None:
    rows = list(csv.reader(io.StringIO(run(*small("show", "lead", "-f", "csv")).stdout)))
    assert rows[0] == ["role", "dimension", "value", "sources"]
    scope = next(r for r in rows if r[1] == "scope")
    assert scope[3].splitlines() == ["Official Occupation Survey, Statistics Office, 2024",
                                     "Vendor Glossary, Acme CRM"]  # fmt: skip


def test_json_points_have_their_sources_and_a_top_level_map() -> None:
    data = json.loads(run(*small("show", "lead", "--json")).stdout)
    assert data["dimensions"]["scope"] == {
        "level": "team",
        "points": [{"text": "Runs one team.", "sources": ["stats", "glossary"]}],
    }
    assert data["sources"]["glossary"]["kind"] == "vendor-blog"
    assert data["role"]["summary"] == {"text": "Leads a team of sellers.", "sources": ["stats"]}


def test_bundled_json_every_point_cites_a_listed_source() -> None:
    for role in json.loads(run("list", "--json").stdout)["roles"]:
        data = json.loads(run("show", role["id"], "--json").stdout)
        listed = {s["id"] for s in json.loads(run("sources", "--json").stdout)["sources"]}
        for value in data["dimensions"].values():
            for point in (value or {}).get("points", []):
                assert point["sources"], (role["id"], point)
                assert set(point["sources"]) <= listed
                assert set(point["sources"]) <= set(data["sources"])


# --- compare -------------------------------------------------------------------


def test_compare_json_shape() -> None:
    data = json.loads(run(*small("compare", "lead", "chief", "--all", "--json")).stdout)
    assert [r["id"] for r in data["roles"]] == ["lead", "chief"]
    assert [d["name"] for d in data["dimensions"]] == list(DIMENSIONS)
    scope = data["dimensions"][0]
    assert (scope["values"]["lead"]["level"], scope["values"]["chief"]["level"]) == (
        "team",
        "company",
    )
    comp = next(d for d in data["dimensions"] if d["name"] == "compensation")
    assert comp["values"]["lead"] is None  # not covered: null, never invented
    assert comp["values"]["chief"]["figures"][0]["covers"] == "Every chief seller in the survey."
    assert [c["topic"] for c in data["contrasts"]] == ["Horizon", "Reach"]
    assert data["disagreements"][0]["positions"][1] == {
        "text": "Only the quarter.",
        "source": "blog",
    }


def test_compare_shows_the_core_dimensions_unless_asked_for_all() -> None:
    core = json.loads(run(*small("compare", "lead", "chief", "--json")).stdout)
    assert tuple(d["name"] for d in core["dimensions"]) == CORE_DIMENSIONS
    more = len(DIMENSIONS) - len(CORE_DIMENSIONS)
    assert f"{more} more dimensions with --all" in run(*small("compare", "lead", "chief")).stdout
    assert "more dimensions" not in run(*small("compare", "lead", "chief", "--all")).stdout


def test_compare_diff_keeps_only_rows_whose_structured_values_differ() -> None:
    data = json.loads(run(*small("compare", "lead", "chief", "--diff", "--json")).stdout)
    assert [d["name"] for d in data["dimensions"]] == [
        "scope",
        "focus",
        "reporting",
        "budget",
        "career",
    ]
    assert all(d["differs"] for d in data["dimensions"])


def test_only_filters_contrasts_and_disagreements_to_the_dimensions_shown() -> None:
    data = json.loads(run(*small("compare", "lead", "chief", "--only", "scope", "--json")).stdout)
    assert [c["topic"] for c in data["contrasts"]] == ["Reach"]
    assert data["disagreements"] == []
    out = run(*small("compare", "lead", "chief", "--only", "compensation")).stdout
    assert "What the sources say directly" not in out


def test_compare_only_picks_dimensions_in_the_order_given() -> None:
    data = json.loads(run("compare", "head", "rsm", "--only", "metrics,scope", "--json").stdout)
    assert [d["name"] for d in data["dimensions"]] == ["metrics", "scope"]


SENIOR_PAIRS = [("vp", "cro"), ("cso", "cro"), ("cco", "cro"), ("head", "vp"),
                ("vp", "director"), ("cso", "vp")]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), SENIOR_PAIRS)
def test_the_senior_pairs_are_told_apart(a: str, b: str) -> None:
    """Issue 11: both columns filled on 5+ core dimensions, 2+ sourced contrasts, URLs."""
    data = json.loads(run("compare", a, b, "--json").stdout)
    filled = [d for d in data["dimensions"] if d["values"][a] and d["values"][b]]
    assert len(filled) >= (4 if "cso" in (a, b) else 5), [d["name"] for d in filled]  # no source gives a CSO budget or career move
    assert any(d["differs"] for d in filled)
    assert len(data["contrasts"]) >= 2
    assert all(c["source"] in data["sources"] for c in data["contrasts"])
    assert any(s["url"] for s in data["sources"].values())
    table = run("compare", a, b).stdout
    assert "What the sources say directly" in table
    assert "https://" in table


def test_compare_vp_cro_diff_finds_differences() -> None:
    data = json.loads(run("compare", "vp", "cro", "--diff", "--json").stdout)
    assert {"reporting", "career"} <= {d["name"] for d in data["dimensions"]}


def test_disagreements_show_every_side_with_its_source() -> None:
    out = run("show", "cro", "--only", "tenure").stdout
    assert "Where the sources disagree" in out
    data = json.loads(run("show", "cro", "--json").stdout)
    tenure = next(d for d in data["disagreements"] if "tenure" in d["dimensions"])
    assert len(tenure["positions"]) >= 2
    assert len({p["source"] for p in tenure["positions"]}) >= 2


# --- list, show, career, search ------------------------------------------------------


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
    out = run("show", "director", "--format", "markdown").stdout
    assert out.startswith("# Director of Sales\n")
    assert "## Who fits\n" in out
    assert "O\\*NET" in out or "O*NET" not in out  # a literal star, never emphasis


def test_career_path_json_has_each_move_with_its_steps() -> None:
    data = json.loads(run(*small("career", "seller", "--to", "chief", "--json")).stdout)
    assert data["reachable"] is True
    assert [(s["from"], s["to"]) for s in data["steps"]] == [("seller", ["lead"]),
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
    assert (data["reachable"], data["steps"]) == (False, None)


def test_career_tree_shows_both_directions() -> None:
    data = json.loads(run(*small("career", "lead", "--json")).stdout)
    assert [n["from"] for n in data["comes_from"]] == ["seller"]
    assert [n["to"] for n in data["leads_to"]] == [["chief"]]


def test_search_looks_at_the_datasets_text_only() -> None:
    data = json.loads(run("search", "level", "--json").stdout)
    assert all("level" in h["text"].lower() for h in data["hits"])
    assert not any(h["text"].startswith("Level:") for h in data["hits"])
    assert json.loads(run(*small("search", "Level", "--json")).stdout)["hits"] == []


def test_search_finds_points_contrasts_and_disagreements() -> None:
    data = json.loads(run(*small("search", "quarter", "--json")).stdout)
    assert {(h["role"], h["dimension"]) for h in data["hits"]} == {
        ("lead", "focus"),
        (None, "contrast"),
        (None, "disagreement"),
    }


def test_search_without_hits() -> None:
    result = run("search", "zebra")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No role mentions 'zebra'."


# --- sources ---------------------------------------------------------------------


def test_sources_lists_kind_year_url_and_points() -> None:
    data = json.loads(run(*small("sources", "--json")).stdout)
    by_id = {s["id"]: s for s in data["sources"]}
    assert by_id["stats"]["kind"] == "statistics"
    assert by_id["stats"]["url"] == "https://stats.example.org/survey"
    assert by_id["blog"]["points"] == 6  # 3 points, 1 move, 1 contrast, 1 position
    one = json.loads(run(*small("sources", "seller", "--json")).stdout)
    assert {s["id"] for s in one["sources"]} == {"stats", "blog"}


def test_sources_tell_statistics_from_practitioners_at_a_glance() -> None:
    out = run("sources").stdout
    assert "official" in out and "practitioner" in out and "vendor blog" in out


# --- the command registry ----------------------------------------------------------


def _command_names() -> list[list[str]]:
    found = [[str(c.name or c.callback.__name__).replace("_", "-")]
             for c in commands.registered_commands]  # fmt: skip
    for group in commands.registered_groups:
        sub = group.typer_instance.registered_commands if group.typer_instance else []
        found += [[str(group.name), str(c.name)] for c in sub]
    return found


@pytest.mark.parametrize("command", _command_names(), ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example: salesroles " + " ".join(command) in result.stdout
    assert "╭" not in result.stdout  # plain help: --help does not pay for Rich


def test_no_arguments_without_a_terminal_prints_help() -> None:
    result = run()
    assert result.exit_code == 0
    assert "compare" in result.stdout and "Usage" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("salesroles 0.")
