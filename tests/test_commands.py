"""Every command, in every format, through the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from .conftest import run

GOLDEN = Path(__file__).parent / "golden"
COMMANDS = [
    ["list"],
    ["show", "cso"],
    ["compare", "head", "director"],
    ["career", "director"],
    ["career", "rep", "--to", "cro"],
    ["search", "budget"],
]


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (["compare", "head", "director"], "compare_head_director.txt"),
        (["compare", "head", "director", "--all"], "compare_head_director_all.txt"),
        (
            [
                "compare",
                "manager",
                "director",
                "head",
                "cso",
                "--only",
                "scope,focus,reporting,budget",
            ],
            "compare_four_roles.txt",
        ),
        (["show", "cso"], "show_cso.txt"),
        (["list"], "list.txt"),
        (["career", "director"], "career_director.txt"),
        (["career", "rep", "--to", "cro"], "career_rep_to_cro.txt"),
    ],
)
def test_tables_match_the_golden_files_at_80_columns(args: list[str], golden: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_every_command_prints_every_format(args: list[str], fmt: str) -> None:
    result = run(*args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert result.stderr == ""
    if fmt == "json":
        assert json.loads(result.stdout)["schema_version"] == 1
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len({len(row) for row in rows}) == 1  # rectangular
        assert len(rows) > 1


@pytest.mark.parametrize("args", COMMANDS)
def test_json_is_short_for_format_json(args: list[str]) -> None:
    assert run(*args, "--json").stdout == run(*args, "--format", "json").stdout


def test_every_line_of_the_tables_fits_80_columns() -> None:
    for args in COMMANDS:
        for line in run(*args).stdout.splitlines():
            assert len(line) <= 80, (args, line)


def test_four_roles_at_80_columns_wrap_instead_of_cutting_words() -> None:
    out = run("compare", "manager", "director", "head", "cso", "--all").stdout
    assert "…" not in out
    words = {w for line in out.splitlines() for w in line.split()}
    for word in ("representatives.", "cross-functional", "organisation's"):
        assert word in words


def test_compare_json_shape() -> None:
    data = json.loads(run("compare", "head", "director", "--all", "--json").stdout)
    assert [r["id"] for r in data["roles"]] == ["head", "director"]
    names = [d["name"] for d in data["dimensions"]]
    assert names[:6] == ["scope", "focus", "reporting", "budget", "metrics", "career"]
    scope = data["dimensions"][0]
    assert scope["values"]["head"]["level"] == "company"
    assert scope["values"]["director"]["level"] == "division"
    assert scope["differs"] is True
    comp = next(d for d in data["dimensions"] if d["name"] == "compensation")
    assert comp["values"]["head"] is None  # not covered: null, never invented
    assert {tuple(c["roles"]) for c in data["contrasts"]} == {("head", "director")}


def test_compare_json_is_never_wrapped_even_when_narrow() -> None:
    result = run("compare", "head", "director", "--json", env={"COLUMNS": "20"})
    data = json.loads(result.stdout)
    assert data["roles"][0]["id"] == "head"
    long_lines = [line for line in result.stdout.splitlines() if len(line) > 100]
    assert long_lines  # a long point stays on one line


def test_compare_diff_keeps_only_rows_whose_structured_values_differ() -> None:
    data = json.loads(run("compare", "head", "director", "--all", "--diff", "--json").stdout)
    names = [d["name"] for d in data["dimensions"]]
    assert names[:5] == ["scope", "focus", "reporting", "budget", "career"]
    assert "metrics" not in names  # both covered, no structured value to tell apart
    assert "compensation" in names  # covered for one only
    assert all(d["differs"] for d in data["dimensions"])
    table = run("compare", "head", "director", "--all", "--diff").stdout
    labels = {
        line.split()[0] for line in table.splitlines() if line.startswith("  ") and line.strip()
    }
    assert "Scope" in labels and "Metrics" not in labels


def test_compare_shows_the_six_core_dimensions_unless_asked_for_all() -> None:
    core = json.loads(run("compare", "head", "director", "--json").stdout)
    assert [d["name"] for d in core["dimensions"]] == [
        "scope",
        "focus",
        "reporting",
        "budget",
        "metrics",
        "career",
    ]
    assert "14 more dimensions with --all" in run("compare", "head", "director").stdout
    every = json.loads(run("compare", "head", "director", "--all", "--json").stdout)
    assert len(every["dimensions"]) == 20
    assert "more dimensions" not in run("compare", "head", "director", "--all").stdout
    assert "more dimensions" not in run("compare", "head", "rsm", "--only", "scope").stdout


def test_compare_only_picks_dimensions_in_the_order_given() -> None:
    data = json.loads(run("compare", "head", "rsm", "--only", "metrics,scope", "--json").stdout)
    assert [d["name"] for d in data["dimensions"]] == ["metrics", "scope"]


def test_compare_shows_the_direct_contrasts_under_the_table() -> None:
    out = run("compare", "manager", "director").stdout
    assert "What the sources say directly" in out
    assert "Small companies: A small company often has one person do both jobs" in out


def test_show_lists_sources_and_marks_what_is_not_covered() -> None:
    out = run("show", "cso").stdout
    assert "Sources: Sales Director Job Description" in out
    assert "Budget             not covered by the sources" in out


def test_show_only() -> None:
    data = json.loads(run("show", "director", "--only", "budget,metrics", "--json").stdout)
    assert list(data["dimensions"]) == ["budget", "metrics"]
    assert data["dimensions"]["budget"]["level"] == "department"
    assert data["role"]["sources"]


def test_show_markdown_is_a_job_description_outline() -> None:
    out = run("show", "director", "--format", "markdown").stdout
    assert out.startswith("# Director of Sales\n")
    assert "## Who fits\n" in out
    assert "- **USD 120,000–180,000 a year (range, United States). Average annual" in out
    assert "Median for the whole occupation 'Sales Managers' in May 2023" in out
    assert out.rstrip().endswith("- *O*NET OnLine: Sales Managers (11-2022.00)*")


def test_list_csv() -> None:
    rows = list(csv.reader(io.StringIO(run("list", "--format", "csv").stdout)))
    assert rows[0] == ["id", "title", "seniority", "scope", "aliases"]
    assert rows[1][:4] == ["rep", "Sales Representative", "1", ""]
    assert ["head", "Head of Sales", "5", "company", "hos;head-of-sales"] in rows


def test_list_is_ordered_by_seniority() -> None:
    data = json.loads(run("list", "--json").stdout)
    ranks = [r["seniority"] for r in data["roles"]]
    assert ranks == sorted(ranks)


def test_career_path_json_has_each_move_with_its_steps() -> None:
    data = json.loads(run("career", "rep", "--to", "cro", "--json").stdout)
    assert data["reachable"] is True
    assert [(s["from"], s["to"]) for s in data["steps"]] == [
        ("rep", ["manager"]),
        ("manager", ["director"]),
        ("director", ["cro"]),
    ]
    assert all(s["steps"] and s["source"] for s in data["steps"])


def test_career_path_that_does_not_exist_says_so() -> None:
    result = run("career", "cso", "--to", "rep")
    assert result.exit_code == 0
    assert (
        "The dataset has no career path from Chief Sales Officer to Sales Representative."
        in result.stdout
    )
    data = json.loads(run("career", "cso", "--to", "rep", "--json").stdout)
    assert (data["reachable"], data["steps"]) == (False, None)


def test_career_tree_shows_both_directions() -> None:
    data = json.loads(run("career", "director", "--json").stdout)
    assert [n["from"] for n in data["comes_from"]] == ["manager", "rsm"]
    assert data["comes_from"][0]["children"][0]["from"] == "rep"
    assert [n["to"] for n in data["leads_to"]] == [["head"], ["vp", "cro", "cco"]]


def test_search_finds_points_and_contrasts() -> None:
    data = json.loads(run("search", "BUDGET", "--json").stdout)
    roles = {h["role"] for h in data["hits"]}
    assert {"head", "director", None} <= roles
    assert all("budget" in h["text"].lower() for h in data["hits"])


def test_search_without_hits() -> None:
    result = run("search", "zebra")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No role mentions 'zebra'."


@pytest.mark.parametrize("command", ["list", "show", "compare", "career", "search"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example: salesroles " + command in result.stdout
    assert "╭" not in result.stdout  # plain help: --help does not pay for Rich


def test_no_arguments_without_a_terminal_prints_help() -> None:
    result = run()
    assert result.exit_code == 0
    assert "compare" in result.stdout and "Usage" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("salesroles 0.")
