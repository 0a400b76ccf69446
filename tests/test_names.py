from __future__ import annotations

import pytest

from salesroles import catalog
from salesroles.errors import UsageError


@pytest.fixture(scope="module")
def bundled() -> catalog.Catalog:
    return catalog.load()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("head", "head"),
        ("HEAD", "head"),
        ("Head of Sales", "head"),
        ("head_of_sales", "head"),
        ("  head-of-sales ", "head"),
        ("hos", "head"),
        ("Director of Sales", "director"),
        ("sales director", "director"),
        ("AE", "rep"),
        ("Account Executive", "rep"),
        ("vp-sales", "vp"),
        ("Chief Revenue Officer", "cro"),
        ("regional", "rsm"),
        ("mana", "manager"),  # a unique prefix
    ],
)
def test_resolves_ids_aliases_and_titles(
    bundled: catalog.Catalog, name: str, expected: str
) -> None:
    assert bundled.resolve(name).id == expected


def test_ambiguous_prefix_lists_the_candidates(bundled: catalog.Catalog) -> None:
    with pytest.raises(UsageError) as info:
        bundled.resolve("dir")
    assert str(info.value) == (
        "Role 'dir' is ambiguous: it could be director (Director of Sales), "
        "dsm (Director of Sales and Marketing)."
    )


def test_a_typo_gets_did_you_mean(bundled: catalog.Catalog) -> None:
    with pytest.raises(UsageError, match=r"No role called 'drector'\. Did you mean 'director'\?"):
        bundled.resolve("drector")


def test_nothing_close_points_to_list(bundled: catalog.Catalog) -> None:
    with pytest.raises(UsageError, match="Run 'salesroles list' to see the roles"):
        bundled.resolve("astronaut")


def test_empty_name(bundled: catalog.Catalog) -> None:
    with pytest.raises(UsageError, match="cannot be empty"):
        bundled.resolve("  ")


def test_a_very_long_name_is_shortened_in_the_message(bundled: catalog.Catalog) -> None:
    with pytest.raises(UsageError) as info:
        bundled.resolve("x" * 5000)
    assert len(str(info.value)) < 200
