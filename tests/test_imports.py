"""What each path imports (so --json and --help start fast), and that no module imports
in a circle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def imported_modules(args: list[str], env: dict[str, str]) -> set[str]:
    """The top-level packages a real run of ``salesroles ARGS`` imports."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "salesroles", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return {name.split(".")[0] for name in names}


@pytest.fixture
def private_cache(tmp_path: Path) -> dict[str, str]:
    return {"SALESROLES_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT / "src")}


def test_json_path_never_imports_rich(private_cache: dict[str, str]) -> None:
    assert "rich" not in imported_modules(["show", "director", "--json"], private_cache)


def test_a_warm_cache_needs_neither_pydantic_nor_tomllib(private_cache: dict[str, str]) -> None:
    cold = imported_modules(["show", "director", "--json"], private_cache)
    assert {"pydantic", "tomllib"} <= cold  # the first run validates
    warm = imported_modules(["show", "director", "--json"], private_cache)
    assert not {"pydantic", "tomllib", "rich", "tomli_w"} & warm


def test_help_imports_neither_rich_nor_pydantic(private_cache: dict[str, str]) -> None:
    assert not {"rich", "pydantic"} & imported_modules(["--help"], private_cache)


@pytest.mark.parametrize("args", [["list", "--json"], ["--help"], ["browse", "--help"]])
def test_json_and_help_never_import_textual(args: list[str], private_cache: dict[str, str]) -> None:
    assert "textual" not in imported_modules(args, private_cache)


def test_the_table_path_imports_rich(private_cache: dict[str, str]) -> None:
    assert "rich" in imported_modules(["list"], private_cache)  # the check can fail


def import_graph() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports, from the source
    (imports inside functions and under TYPE_CHECKING count: a circle is a circle)."""
    import ast

    root = ROOT / "src"
    modules = {
        ".".join(p.with_suffix("").relative_to(root).parts).removesuffix(".__init__"): p
        for p in (root / "salesroles").rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*parts, *([node.module] if node.module else [])])
                for alias in node.names:
                    for candidate in (f"{base}.{alias.name}", base):
                        if candidate in modules and candidate != name:
                            found.add(candidate)
                            break
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in modules and a.name != name}
        graph[name] = found
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle of imports, found with a depth-first walk (iterative)."""
    found: list[list[str]] = []
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[str] = []
        stack = [(start, iter(sorted(graph[start])))]
        path.append(start)
        while stack:
            here, pending = stack[-1]
            for nxt in pending:
                if nxt in path:
                    found.append([*path[path.index(nxt) :], nxt])
                elif nxt not in done:
                    stack.append((nxt, iter(sorted(graph[nxt]))))
                    path.append(nxt)
                    break
            else:
                done.add(here)
                stack.pop()
                path.pop()
    return found


def test_no_module_imports_in_a_circle() -> None:
    graph = import_graph()
    assert "salesroles.app.app" in graph and "salesroles.cli" in graph  # the walk saw them
    assert circles(graph) == []


def test_the_circle_finder_finds_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def test_screens_never_import_each_other_or_the_app() -> None:
    graph = import_graph()
    screens = [m for m in graph if m.startswith("salesroles.app.screens.")]
    assert len(screens) >= 7
    for screen in screens:
        imported = graph[screen]
        assert "salesroles.app.app" not in imported
        others = {m for m in imported if m in screens and not m.endswith(".base")}
        assert others == set(), screen


def test_the_app_uses_no_private_textual_name() -> None:
    import re

    for path in (ROOT / "src" / "salesroles" / "app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(?:app|self|screen|pilot)\._[a-z]", text), path
        assert "_filters" not in text and "_exception" not in text, path


def test_data_flows_one_way_through_the_layers() -> None:
    """Lower layers never import higher ones (DESIGN.md, "Layers")."""
    graph = import_graph()
    below = {  # a module of the first kind never imports one of the second
        "salesroles.models": ("salesroles.dataset", "salesroles.catalog", "salesroles.queries",
                              "salesroles.render", "salesroles.cli", "salesroles.app"),
        "salesroles.dataset": ("salesroles.queries", "salesroles.render", "salesroles.cli",
                               "salesroles.app"),
        "salesroles.catalog": ("salesroles.dataset", "salesroles.queries", "salesroles.render",
                               "salesroles.cli", "salesroles.app"),
        "salesroles.queries": ("salesroles.render", "salesroles.cli", "salesroles.app"),
        "salesroles.results": ("salesroles.queries", "salesroles.render", "salesroles.cli",
                               "salesroles.app"),
        "salesroles.render": ("salesroles.queries", "salesroles.cli", "salesroles.app",
                              "salesroles.dataset"),
    }  # fmt: skip
    for module, imported in graph.items():
        for lower, higher in below.items():
            if module == lower or module.startswith(lower + "."):
                bad = {m for m in imported if m.startswith(higher)}
                assert not bad, (module, bad)
