"""Large and deep inputs: long chains, lattices, thousands of roles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run
from .helpers import (
    dataset,
    lattice,
    promotion,
    role,
)


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_a_chain_of_500_roles(tmp_path: Path, fmt: str) -> None:
    roles = [role(f"r{i}", career=promotion(f"r{i + 1}")) for i in range(499)] + [role("r499")]
    path = tmp_path / "chain.toml"
    path.write_text(dataset(roles), encoding="utf-8")
    result = run("--data", str(path), "career", "r0", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "r499" in result.stdout
    path_result = run("--data", str(path), "career", "r0", "--to", "r499", "--json")
    assert len(json.loads(path_result.stdout)["moves"]) == 499


def test_a_lattice_grows_with_its_edges_not_its_paths(tmp_path: Path) -> None:
    sizes = {}
    for levels in (20, 40):
        path = tmp_path / f"lattice{levels}.toml"
        path.write_text(lattice(levels), encoding="utf-8")
        result = run("--data", str(path), "career", "l0a", "--json")
        assert result.exit_code == 0
        moves = json.loads(result.stdout)["leads_to"]
        sizes[levels] = (len(moves), len(result.stdout))
        expanded = [m for m in moves if not m["seen"]]
        assert len({m["from"] for m in expanded}) == len(expanded)  # each role followed once
    assert sizes[20][0] == 2 * 20 - 3  # l0a, then both roles of each level but the last
    assert sizes[40][1] < 2.2 * sizes[20][1]  # linear, not 2^levels


def test_list_of_many_roles_reads_each_reporting_line_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why list is linear (timed in benchmarks/startup.py --scaling): one look-up a role."""
    from salesroles.catalog import Catalog

    n = 4000
    roles = [role(f"r{i}", reporting={"reports_to": [f"r{i + 1}"] if i + 1 < n else [],
                                      "points": ["p"]}) for i in range(n)]  # fmt: skip
    path = tmp_path / "big.toml"
    path.write_text(dataset(roles), encoding="utf-8")
    asked: list[str] = []
    real = Catalog.reports_to
    monkeypatch.setattr(Catalog, "reports_to", lambda self, i: asked.append(i) or real(self, i))
    result = run("--data", str(path), "list", "--format", "csv")
    assert result.stdout.count("\n") == n + 1
    assert result.stdout.splitlines()[1].startswith("r0,")  # each before whom it reports to
    assert sorted(asked) == sorted(f"r{i}" for i in range(n))  # each role once
