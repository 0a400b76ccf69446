"""The bundled dataset is itself under test."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields

import pytest

from salesroles import catalog, validation
from salesroles.models import DIMENSIONS, Role

from .conftest import ROOT, SEEDS

DATA = ROOT / "data" / "roles.toml"
EXPECTED = {
    "rep": ["sales-rep", "ae", "account-executive"],
    "manager": ["sm", "sales-manager"],
    "rsm": ["regional", "regional-manager"],
    "director": ["dos", "sales-director", "director-of-sales"],
    "dsm": ["sales-and-marketing"],
    "head": ["hos", "head-of-sales"],
    "vp": ["vp-sales", "vpos"],
    "cso": ["chief-sales-officer"],
    "cro": ["chief-revenue-officer"],
    "cco": ["chief-commercial-officer"],
}


@pytest.fixture(scope="module")
def bundled() -> catalog.Catalog:
    return catalog.load()


def test_the_ten_roles_of_the_design_with_their_aliases(bundled: catalog.Catalog) -> None:
    assert list(bundled.roles) == list(EXPECTED)
    for role_id, aliases in EXPECTED.items():
        assert set(aliases) <= set(bundled.roles[role_id].aliases), role_id


def test_the_packaged_copy_is_the_top_level_file(bundled: catalog.Catalog) -> None:
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    assert [r["id"] for r in raw["roles"]] == list(bundled.roles)


def test_every_role_cites_declared_sources(bundled: catalog.Catalog) -> None:
    declared = {s.title for s in bundled.dataset.sources}
    for role in bundled:
        assert role.sources, role.id
        assert set(role.sources) <= declared, role.id


def test_every_cited_source_is_cited_by_some_role(bundled: catalog.Catalog) -> None:
    cited = {s for role in bundled for s in role.sources}
    assert cited == {s.title for s in bundled.dataset.sources}


def test_no_seed_file_names_anywhere_in_the_data() -> None:
    text = DATA.read_text(encoding="utf-8")
    assert not re.search(r"\d{3}_[0-9a-f]{16}", text)
    assert ".txt" not in text
    if SEEDS.is_dir():
        for seed in SEEDS.iterdir():
            assert seed.name not in text


def test_check_references_finds_nothing_in_the_bundled_data(bundled: catalog.Catalog) -> None:
    assert validation.check_references(bundled.dataset) == []


def test_every_reference_resolves(bundled: catalog.Catalog) -> None:
    for role in bundled:
        if role.reporting:
            for ref in role.reporting.reports_to:
                assert ref in bundled.roles or ref in bundled.executives
        for move in role.career:
            assert set(move.to) <= set(bundled.roles)
    for contrast in bundled.dataset.contrasts:
        assert set(contrast.roles) <= set(bundled.roles)


def test_the_articles_direct_contrasts_are_kept(bundled: catalog.Catalog) -> None:
    pairs = {frozenset(c.roles) for c in bundled.dataset.contrasts}
    for pair in [
        ("head", "director"),
        ("head", "rsm"),
        ("manager", "director"),
        ("cso", "director"),
        ("director", "dsm"),
    ]:
        assert frozenset(pair) in pairs


def test_dimensions_the_sources_do_not_cover_stay_absent(bundled: catalog.Catalog) -> None:
    # The articles only name these as destinations: nothing may be filled in.
    for role_id in ("cro", "cco"):
        role = bundled.roles[role_id]
        assert all(getattr(role, d) is None for d in DIMENSIONS if d != "career")
    assert bundled.roles["rsm"].budget is None  # no article says what an RSM controls


def test_every_dimension_is_a_role_field_and_back() -> None:
    names = {f.name for f in fields(Role)}
    assert set(DIMENSIONS) <= names


def test_seniority_follows_the_reporting_lines(bundled: catalog.Catalog) -> None:
    for role in bundled:
        for ref in role.reporting.reports_to if role.reporting else ():
            if ref in bundled.roles:
                assert bundled.roles[ref].seniority > role.seniority, (role.id, ref)
    for edge in (e for role_id in bundled.roles for e in bundled.moves_from(role_id)):
        if bundled.move(edge).kind == "promotion":
            assert bundled.roles[edge.target].seniority > bundled.roles[edge.source].seniority


def test_pay_figures_carry_currency_period_and_source(bundled: catalog.Catalog) -> None:
    director = bundled.roles["director"].compensation
    assert director is not None
    article = next(f for f in director.figures if f.kind == "range")
    assert (article.low, article.high, article.currency, article.period) == (
        120000,
        180000,
        "USD",
        "year",
    )
    bls = next(f for f in director.figures if f.kind == "median")
    assert (bls.amount, bls.year) == (135160, 2023)
    assert "whole occupation" in (bls.note or "")
