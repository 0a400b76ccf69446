"""Graphs that cannot explode, layouts that never cut a word, Markdown that stays literal,
every result in every format, and every validation rule exercised."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from markdown_it import MarkdownIt

from salesroles import results
from salesroles.render import csv as csv_out
from salesroles.render import json as json_out
from salesroles.render import markdown, table

from .conftest import FIXTURE, run

SOURCES = [{"id": "s", "title": "S", "kind": "other"}]


def dataset(roles: list[dict[str, Any]], **extra: Any) -> str:
    return tomli_w.dumps({"dataset_version": 2, "sources": SOURCES, "roles": roles, **extra})


def role(role_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": role_id, "title": f"Title of {role_id}", "summary": "x", "sources": ["s"],
            **fields}  # fmt: skip


def promotion(*targets: str) -> list[dict[str, Any]]:
    return [{"to": list(targets), "kind": "promotion", "source": "s"}]


# --- graphs and sizes --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_a_chain_of_500_roles(tmp_path: Path, fmt: str) -> None:
    roles = [role(f"r{i}", career=promotion(f"r{i + 1}")) for i in range(499)] + [role("r499")]
    path = tmp_path / "chain.toml"
    path.write_text(dataset(roles), encoding="utf-8")
    result = run("--data", str(path), "career", "r0", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "r499" in result.stdout
    path_result = run("--data", str(path), "career", "r0", "--to", "r499", "--json")
    assert len(json.loads(path_result.stdout)["steps"]) == 499


def lattice(levels: int) -> str:
    roles = []
    for level in range(levels):
        for side in "ab":
            up = promotion(f"l{level + 1}a", f"l{level + 1}b") if level + 1 < levels else []
            roles.append(role(f"l{level}{side}", career=up))
    return dataset(roles)


def test_a_lattice_grows_with_its_edges_not_its_paths(tmp_path: Path) -> None:
    sizes = {}
    for levels in (20, 40):
        path = tmp_path / f"lattice{levels}.toml"
        path.write_text(lattice(levels), encoding="utf-8")
        started = time.perf_counter()
        result = run("--data", str(path), "career", "l0a", "--json")
        assert result.exit_code == 0
        assert time.perf_counter() - started < 5
        moves = json.loads(result.stdout)["leads_to"]
        sizes[levels] = (len(moves), len(result.stdout))
        expanded = [m for m in moves if not m["seen"]]
        assert len({m["from"] for m in expanded}) == len(expanded)  # each role followed once
    assert sizes[20][0] == 2 * 20 - 3  # l0a, then both roles of each level but the last
    assert sizes[40][1] < 2.2 * sizes[20][1]  # linear, not 2^levels


def test_career_json_is_flat_and_each_move_names_the_move_it_follows() -> None:
    data = json.loads(run("--data", str(FIXTURE), "career", "chief", "--json").stdout)
    assert [(m["from"], m["depth"], m["after"]) for m in data["comes_from"]] == [
        ("lead", 1, None),
        ("seller", 2, 0),
    ]


def test_list_of_many_roles_is_linear(tmp_path: Path) -> None:
    times = []
    for n in (2000, 8000):
        roles = [role(f"r{i}", reporting={"reports_to": [f"r{i + 1}"] if i + 1 < n else [],
                                          "points": ["p"]}) for i in range(n)]  # fmt: skip
        path = tmp_path / f"big{n}.toml"
        path.write_text(dataset(roles), encoding="utf-8")
        started = time.perf_counter()
        result = run("--data", str(path), "list", "--format", "csv")
        times.append(time.perf_counter() - started)
        assert result.stdout.count("\n") == n + 1
    assert times[1] < 8 * times[0]  # four times the roles: far from sixteen times the time


# --- datasets ----------------------------------------------------------------------------


def test_an_extending_file_that_defines_an_id_twice_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "twice.toml"
    path.write_text(dataset([role("a"), role("a")], extends="bundled"), encoding="utf-8")
    result = run("data", "validate", str(path))
    assert result.exit_code == 1
    assert "roles[1].id: duplicate id 'a'" in result.stderr


@pytest.mark.parametrize(
    ("roles", "extra", "expected"),
    [
        ([role("ceo")], {"executives": {"ceo": "Boss"}}, "'ceo' is also the id of an executive"),
        ([{**role("a"), "sources": []}], {}, "every role needs at least one source"),
        ([role("a", reporting={"reports_to": ["ghost"]})], {},
         "'ghost' is neither a role nor an executive"),
        ([role("a", reporting={"reports_to": ["a"]})], {}, "a role cannot report to itself"),
        ([role("a", career=promotion("a"))], {}, "a role cannot move to itself"),
        ([role("a"), role("b")],
         {"contrasts": [{"roles": ["a", "ghost"], "topic": "t", "text": "x", "source": "s"}]},
         "contrasts[0].roles[1]: no role has the id 'ghost'"),
        ([role("a"), role("b")],
         {"contrasts": [{"roles": ["a", "b"], "topic": "t", "text": "x", "source": "nope"}]},
         "contrasts[0].source: no source has the id 'nope'"),
        ([role("a"), role("b")],
         {"contrasts": [{"roles": ["a", "b"], "topic": "t", "text": "x", "source": "s",
                         "dimensions": ["salary"]}]},
         "'salary' is not a dimension"),
        ([role("a")],
         {"disagreements": [{"roles": ["a"], "topic": "t",
                             "positions": [{"text": "x", "source": "s"}]}]},
         "a disagreement needs two positions"),
        ([role("a", metrics={"points": [{"text": "x", "sources": []}]})], {},
         "metrics.points[0].sources: every point needs a source"),
        ([role("a", metrics={"points": [{"text": "x", "source": "zz"}]})], {},
         "no source has the id 'zz'"),
        ([role("a", seniority=5, reporting={"reports_to": ["b"]}), role("b", seniority=2)], {},
         "ranks 5, not below 'b' (2)"),
        ([role("a")], {"sources": [*SOURCES, *SOURCES]}, "duplicate source id 's'"),
        ([role("a", compensation={"figures": [{"kind": "median", "currency": "USD",
                                               "period": "year", "source": "s"}]})], {},
         "a figure needs an amount, or a low and a high"),
    ],
)  # fmt: skip
def test_each_reference_rule(
    tmp_path: Path, roles: list[dict[str, Any]], extra: dict[str, Any], expected: str
) -> None:
    path = tmp_path / "rule.toml"
    path.write_text(dataset(roles, **extra), encoding="utf-8")
    result = run("data", "validate", str(path))
    assert result.exit_code == 1, result.stdout
    assert expected in result.stderr


def test_a_json_export_loads_back(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    assert run("data", "export", "--format", "json", "-o", str(out)).exit_code == 0
    again = run("--data", str(out), "compare", "vp", "cro", "--json")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == run("compare", "vp", "cro", "--json").stdout


def test_a_version_1_file_loads_unchanged_and_upgrades(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text(
        'schema_version = 1\n[[sources]]\ntitle = "Our handbook"\nkind = "other"\n'
        '[[roles]]\nid = "a"\ntitle = "A role"\nseniority = 1\nsummary = "x"\n'
        'sources = ["Our handbook"]\n[roles.scope]\nlevel = "team"\n'
        'points = ["One team."]\n',
        encoding="utf-8",
    )
    shown = json.loads(run("--data", str(old), "show", "a", "--json").stdout)
    assert shown["dimensions"]["scope"]["points"] == [{"text": "One team.",
                                                       "sources": ["our-handbook"]}]  # fmt: skip
    new = tmp_path / "new.toml"
    assert run("data", "upgrade", str(old), "-o", str(new)).exit_code == 0
    text = new.read_text(encoding="utf-8")
    assert "dataset_version = 2" in text and 'id = "our-handbook"' in text
    assert "schema_version" not in text
    assert run("data", "validate", str(new)).exit_code == 0


def test_validate_takes_several_files_and_the_environment(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("dataset_version = 2\nroles = 3\n", encoding="utf-8")
    both = run("data", "validate", str(FIXTURE), str(bad))
    assert both.exit_code == 1
    assert f"{FIXTURE}: valid; 3 roles." in both.stdout
    assert "bad.toml" in both.stderr
    from_env = run("data", "validate", env={"SALESROLES_DATA": str(FIXTURE)})
    assert (from_env.exit_code, from_env.stdout) == (0, f"{FIXTURE}: valid; 3 roles.\n")
    assert run("data", "validate").exit_code == 2


def test_the_starter_names_the_file_it_was_written_to(tmp_path: Path) -> None:
    path = tmp_path / "globex.toml"
    run("data", "init", str(path))
    text = path.read_text(encoding="utf-8")
    assert "salesroles data validate globex.toml" in text and "our-ladder" not in text


# --- Markdown ------------------------------------------------------------------------------


def html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def test_markdown_keeps_o_star_net_literal() -> None:
    out = run("show", "director", "--format", "markdown").stdout
    rendered = html(out)
    assert "<em>O</em>" not in rendered and "O*NET" in rendered


def test_a_newline_in_a_point_never_breaks_a_table_or_makes_a_heading(tmp_path: Path) -> None:
    roles = [role("a", scope={"points": [{"text": "line one\n# Heading\n| x |", "source": "s"}]}),
             role("b")]  # fmt: skip
    path = tmp_path / "nl.toml"
    path.write_text(dataset(roles), encoding="utf-8")
    out = run("--data", str(path), "compare", "a", "b", "--format", "markdown").stdout
    rendered = html(out)
    assert "<h1>" not in rendered
    assert rendered.count("<tr>") == 1 + 6  # the header and the six core rows
    assert "line one # Heading | x |" in rendered


# --- layouts ------------------------------------------------------------------------------


def words(text: str) -> set[str]:
    """The words of a table, its rules and borders aside."""
    return {w for line in text.splitlines() for w in line.split() if w.strip("━─│┃╇╈┳┻")}


ALL_TEN = ["rep", "manager", "rsm", "director", "dsm", "head", "vp", "cso", "cro", "cco"]


@pytest.mark.parametrize(
    ("columns", "roles"), [(40, ["manager", "director", "head", "cso"]), (80, ALL_TEN)]
)
def test_narrow_columns_switch_to_a_stacked_layout_instead_of_cutting_words(
    columns: int, roles: list[str]
) -> None:
    narrow = run("compare", *roles, "--only", "scope,reporting", env={"COLUMNS": str(columns)})
    wide = run("compare", *roles, "--only", "scope,reporting", env={"COLUMNS": "1000"})
    assert narrow.exit_code == 0
    assert words(wide.stdout) - words(narrow.stdout) == set()
    lines = [line for line in narrow.stdout.splitlines() if not line.startswith("http")]
    assert all(len(line) <= columns for line in lines)  # whole URLs may run past the edge


def test_list_with_long_ids_cuts_no_word(tmp_path: Path) -> None:
    roles = [role("enterprise-account-representative-emea", title="Enterprise Representative"),
             role("b")]  # fmt: skip
    path = tmp_path / "long.toml"
    path.write_text(dataset(roles), encoding="utf-8")
    out = run("--data", str(path), "list").stdout
    assert "Representative" in words(out) or "Enterprise Representative" in out
    assert "Representati" not in out.replace("Representative", "")


def test_piped_tables_have_no_trailing_spaces() -> None:
    for args in (["compare", "head", "director"], ["list"], ["career", "director"]):
        out = run(*args).stdout
        assert all(line == line.rstrip() for line in out.splitlines()), args


# --- every result in every format -------------------------------------------------------

RENDERERS = {
    "table": table.build,
    "json": json_out.to_json,
    "markdown": markdown._lines,
    "csv": csv_out._rows,
}


@pytest.mark.parametrize("kind", results.RESULTS, ids=lambda k: k.__name__)
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_every_result_type_has_a_renderer_in_every_format(kind: type, fmt: str) -> None:
    assert kind in RENDERERS[fmt].registry  # type: ignore[attr-defined]


def test_the_json_output_version_is_the_one_the_schema_publishes() -> None:
    from salesroles.render.json import OUTPUT_VERSION

    assert json_out.OUTPUT_VERSION == OUTPUT_VERSION
    schema = json.loads(run("schema").stdout)
    assert schema["$defs"]["ListOutput"]["properties"]["schema_version"] == {"const": 2}
