"""The bundled dataset is itself under test: ids, sources, provenance, own words."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

import pytest

from salesroles.catalog import Catalog
from salesroles.dataset import check, load
from salesroles.models import CORE_DIMENSIONS, DIMENSIONS, STRUCTURED, Role

from .conftest import ROOT, SEEDS

DATA = ROOT / "data" / "roles.toml"
REFERENCE = SEEDS.parent / "reference"
RAW = tomllib.loads(DATA.read_text(encoding="utf-8"))
EXPECTED = {
    "rep": ["sales-rep", "ae", "account-executive"],
    "manager": ["sm", "sales-manager"],
    "rsm": ["regional"],
    "director": ["dos", "sales-director"],
    "dsm": [],
    "head": ["hos"],
    "vp": ["vp-sales"],
    "cso": [],
    "cro": [],
    "cco": [],
}


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load.load(use_cache=False)


def test_the_ten_roles_of_the_design_with_their_aliases(bundled: Catalog) -> None:
    assert sorted(bundled.roles) == sorted(EXPECTED)
    for role_id, aliases in EXPECTED.items():
        assert set(aliases) <= set(bundled.roles[role_id].aliases), role_id


def test_the_packaged_copy_is_the_top_level_file(bundled: Catalog) -> None:
    assert [r["id"] for r in RAW["roles"]] == list(bundled.roles)


def test_check_references_finds_nothing(bundled: Catalog) -> None:
    assert check.check_references(bundled.dataset) == []


def _points(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("points", "titles", "positions") and isinstance(item, list):
                for k, point in enumerate(item):
                    yield f"{where}.{key}[{k}]", point
            else:
                yield from _points(item, f"{where}.{key}")
    elif isinstance(value, list):
        for k, item in enumerate(value):
            yield from _points(item, f"{where}[{k}]")


def test_every_point_in_the_file_names_its_own_source() -> None:
    """Own datasets may inherit; the bundled file cites a source on every point."""
    listed = {s["id"] for s in RAW["sources"]}
    found = list(_points({k: v for k, v in RAW.items() if k != "sources"}, ""))
    assert len(found) > 500
    for where, point in found:
        assert isinstance(point, dict), where
        cited = [point["source"]] if "source" in point else point.get("sources", [])
        assert cited and set(cited) <= listed, where
    for role in RAW["roles"]:
        summary = role["summary"]
        assert summary.get("source") or summary.get("sources"), role["id"]
        for move in role.get("career", []):
            assert move["source"] in listed
        for figure in role.get("compensation", {}).get("figures", []):
            assert figure["source"] in listed and figure.get("covers"), role["id"]
    for item in RAW.get("contrasts", []):
        assert item["source"] in listed and item["dimensions"]


def test_every_source_has_title_kind_and_is_cited(bundled: Catalog) -> None:
    text = DATA.read_text(encoding="utf-8")
    for source in bundled.sources:
        assert source.title and source.kind
        assert text.count(f'"{source.id}"') >= 2, source.id  # listed, and cited somewhere
    kinds = {s.kind for s in bundled.sources}
    assert {"article", "statistics", "practitioner", "vendor-blog", "research"} <= kinds
    assert sum(1 for s in bundled.sources if s.url) > 100


def test_every_role_lists_the_sources_it_cites(bundled: Catalog) -> None:
    for role in bundled:
        cited = set(role.summary.sources) | {s for t in role.titles for s in t.sources}
        for name in DIMENSIONS:
            value = getattr(role, name) if name != "career" else None
            if value is not None:
                cited |= {s for p in value.points for s in p.sources}
        cited |= {m.source for m in role.career}
        assert cited <= set(role.sources), (role.id, cited - set(role.sources))


def test_structured_values_rest_on_a_cited_point(bundled: Catalog) -> None:
    for role in bundled:
        for name, wanted in STRUCTURED.items():
            value = getattr(role, name)
            if value is None:
                continue
            if any(getattr(value, f) not in (None, ()) for f in wanted if f != "figures"):
                assert value.points, (role.id, name)


def test_the_roles_are_filled_from_the_sources(bundled: Catalog) -> None:
    """Issue 11: every role covers most core dimensions now; gaps stay gaps."""
    for role in bundled:
        covered = [d for d in CORE_DIMENSIONS if d == "career" or getattr(role, d)]
        assert len(covered) >= 5, (role.id, covered)
    assert bundled.roles["cro"].compensation is None  # no verified CRO pay
    assert bundled.roles["cco"].education is None  # no source on CCO education
    assert bundled.roles["vp"].budget is not None and bundled.roles["vp"].budget.level is None


def test_no_seniority_without_support(bundled: Catalog) -> None:
    assert all(role.seniority is None for role in bundled)


def test_the_corrections_of_issue_11_hold(bundled: Catalog) -> None:
    rsm_moves = {t for m in bundled.roles["rsm"].career for t in m.to}
    assert "director" not in rsm_moves  # no source has that move
    director = bundled.roles["director"]
    assert director.focus is not None and director.focus.horizon is None  # sources disagree
    topics = [d.topic for d in bundled.disagreements(["director"])]
    assert any("ahead" in t or "horizon" in t.lower() for t in topics)
    text = DATA.read_text(encoding="utf-8")
    assert "Communication and negotiation" not in text


def test_direct_contrasts_and_disagreements(bundled: Catalog) -> None:
    pairs = {frozenset(c.roles) for c in bundled.contrast_list}
    for pair in [("head", "director"), ("head", "rsm"), ("manager", "director"),
                 ("cso", "director"), ("director", "dsm"), ("cro", "vp"), ("cso", "cro"),
                 ("cco", "cro"), ("head", "vp"), ("vp", "director"), ("cso", "vp")]:  # fmt: skip
        assert frozenset(pair) in pairs, pair
    topics = {d.topic.lower() for d in bundled.disagreement_list}
    assert any("cro" in t and "stay" in t for t in topics)  # CRO tenure
    assert any("own" in t for t in topics)  # what a CRO owns
    assert any("head of sales" in t for t in topics)  # what Head of Sales means
    for d in bundled.disagreement_list:
        assert len(d.positions) >= 2 and len({p.source for p in d.positions}) >= 1


def test_every_dimension_is_a_role_field() -> None:
    assert set(DIMENSIONS) - {"career"} <= {f.name for f in fields(Role)}


def test_no_file_names_anywhere_in_the_data() -> None:
    text = DATA.read_text(encoding="utf-8")
    assert not re.search(r"\d{3}_[0-9a-f]{16}", text)
    assert ".txt" not in text and ".md" not in text


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9$]+", re.sub(r"'s\b", "s", text.lower().replace("\u2019", "'")))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_no_run_of_eight_words_is_shared_with_a_source() -> None:
    """Every sentence in the dataset is written afresh (titles and URLs of sources aside)."""
    texts = sorted(SEEDS.glob("0*.txt"))
    if REFERENCE.is_dir():
        texts += sorted(REFERENCE.glob("*.md"))
    grams: set[tuple[str, ...]] = set()
    for path in texts:
        w = _words(path.read_text(encoding="utf-8"))
        grams.update(tuple(w[i : i + 8]) for i in range(len(w) - 7))
    body = {k: v for k, v in RAW.items() if k != "sources"}
    shared = []
    for text in _strings(body):
        w = _words(text)
        if any(tuple(w[i : i + 8]) in grams for i in range(len(w) - 7)):
            shared.append(text)
    assert shared == []


def test_every_covered_dimension_has_a_short_headline_resting_on_its_own_points() -> None:
    """Issue 18: one line (at most 90 characters) per covered dimension, citing only what
    that dimension's points (or the disagreements about it) cite: no fact of its own."""
    catalog = load.load()
    reached = {t for r in catalog for m in r.career for t in m.to}
    for role in catalog:
        covered = [d for d in DIMENSIONS if d != "career" and getattr(role, d) is not None]
        if role.career or role.id in reached:
            covered.append("career")
        assert sorted(role.headlines) == sorted(covered), role.id
        for name, headline in role.headlines.items():
            assert len(headline.text) <= 90, (role.id, name, headline.text)
            assert headline.sources, (role.id, name)
            if name == "career":
                behind = {m.source for r in catalog for m in r.career if role.id in m.to}
                behind |= {m.source for m in role.career}
            else:
                value = getattr(role, name)
                behind = {s for p in value.points for s in p.sources}
                behind |= {f.source for f in getattr(value, "figures", ())}
            behind |= {
                p.source
                for d in catalog.disagreement_list
                if role.id in d.roles and name in d.dimensions
                for p in d.positions
            }
            assert set(headline.sources) <= behind, (role.id, name, headline.sources)
