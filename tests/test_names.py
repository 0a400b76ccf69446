"""Reading names and real-world titles: `show "VP of Sales"`, `which`, completion."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from salesroles import names
from salesroles.catalog import Catalog
from salesroles.dataset import load
from salesroles.errors import UsageError

from .conftest import FIXTURE, ROOT, run


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load.load(use_cache=False)


TITLES = [
    ("VP of Sales", "vp", ()),
    ("Vice President, Sales", "vp", ()),
    ("vice-president sales", "vp", ()),
    ("VP Sales", "vp", ()),
    ("SVP of Sales", "vp", ()),
    ("SVP, Global Sales", "vp", ("Global",)),
    ("EVP Sales", "vp", ()),  # "EVP" is a level, kept in a field of its own
    ("Sr. Director of Sales", "director", ("senior",)),
    ("Sr. Director, Sales EMEA", "director", ("senior", "EMEA")),
    ("Snr Dir. Sales (DACH)", "director", ("senior", "DACH")),
    ("Sales Director", "director", ()),
    ("Director, Sales", "director", ()),
    ("Regional Sales Director", "director", ("Regional",)),
    ("Head of Sales EMEA", "head", ("EMEA",)),
    ("Global Head of Sales", "head", ("Global",)),
    ("Head of Sales, North America", "head", ("North", "America")),
    ("District Sales Manager", "rsm", ()),
    ("Regional Sales Manager", "rsm", ()),
    ("Area Sales Manager - West", "rsm", ("West",)),
    ("Sales & Marketing Director", "dsm", ()),
    ("Director of Sales and Marketing", "dsm", ()),
    ("Sales Mgr", "manager", ()),
    ("Inside Sales Manager", "manager", ("Inside",)),
    ("Enterprise Account Executive", "rep", ("Enterprise",)),
    ("Mid-Market Account Executive", "rep", ("Mid", "Market")),
    ("Sales Rep", "rep", ()),
    ("Outside Sales Representative", "rep", ()),
    ("Chief Revenue Officer", "cro", ()),
    ("Chief Sales Officer", "cso", ()),
    ("Chief Commercial Officer", "cco", ()),
    ("head", "head", ()),
    ("HOS", "head", ()),
    ("head_of_sales", "head", ()),
]


@pytest.mark.parametrize(("title", "role", "aside"), TITLES, ids=[t for t, _, _ in TITLES])
def test_real_titles_land_on_the_right_role(
    bundled: Catalog, title: str, role: str, aside: tuple[str, ...]
) -> None:
    match = bundled.match(title)
    assert (match.role.id, match.set_aside) == (role, aside)


FALSE_FRIENDS = [
    "Chief Risk Officer",
    "Chief Strategy Officer",
    "Chief Customer Officer",
    "Chief Security Officer",
    "Chief Compliance Officer",
    "Director of Marketing",
    "Marketing Director",
    "Chief Executive Officer",
    "Chief Marketing Officer",
    "Software Engineer",
]


@pytest.mark.parametrize("title", FALSE_FRIENDS)
def test_titles_outside_sales_match_nothing(bundled: Catalog, title: str) -> None:
    with pytest.raises(UsageError, match="No role called"):
        bundled.match(title)


@pytest.mark.parametrize("acronym", ["CRO", "cso", "C.C.O."])
def test_acronyms_alone_are_the_sales_offices_and_say_what_else_they_mean(
    bundled: Catalog, acronym: str
) -> None:
    match = bundled.match(acronym)
    assert match.role.id == names.acronym(acronym)
    assert match.acronym and "also means" in match.acronym


def test_an_acronym_in_a_longer_title_is_not_read_as_the_office(bundled: Catalog) -> None:
    with pytest.raises(UsageError):
        bundled.match("CRO Analyst")


def test_word_order_and_punctuation_do_not_matter() -> None:
    assert names.key("Director of Sales") == names.key("Sales Director")
    assert names.key("Director, Sales") == names.key("director  sales.")
    assert names.key("Sales & Marketing") == names.key("Sales and Marketing")


def test_ambiguous_names_list_their_candidates(bundled: Catalog) -> None:
    with pytest.raises(UsageError) as info:
        bundled.resolve("chief")
    assert str(info.value) == (
        "Role 'chief' is ambiguous: it could be cco (Chief Commercial Officer), "
        "cro (Chief Revenue Officer), cso (Chief Sales Officer)."
    )


def test_a_typo_gets_did_you_mean(bundled: Catalog) -> None:
    with pytest.raises(UsageError, match=r"No role called 'drector'\. Did you mean 'director'\?"):
        bundled.resolve("drector")


def test_nothing_close_points_to_list(bundled: Catalog) -> None:
    with pytest.raises(UsageError, match="Run 'salesroles list' to see the roles"):
        bundled.resolve("astronaut")


def test_empty_name(bundled: Catalog) -> None:
    with pytest.raises(UsageError, match="cannot be empty"):
        bundled.resolve("  ")


def test_a_very_long_name_is_shortened_in_the_message(bundled: Catalog) -> None:
    with pytest.raises(UsageError) as info:
        bundled.resolve("x" * 5000)
    assert len(str(info.value)) < 200


# --- through the CLI -------------------------------------------------------------------


def test_show_says_on_stderr_how_it_read_a_title_and_json_stays_clean() -> None:
    result = run("show", "Sr. Director of Sales EMEA", "--only", "scope", "--json")
    assert result.exit_code == 0
    assert result.stderr == (
        'Read "Sr. Director of Sales EMEA" as Director of Sales (set aside: senior, EMEA).\n'
    )
    assert json.loads(result.stdout)["role"]["id"] == "director"


def test_compare_takes_real_titles() -> None:
    result = run("compare", "VP of Sales", "Chief Revenue Officer", "--json")
    assert [r["id"] for r in json.loads(result.stdout)["roles"]] == ["vp", "cro"]


def test_which_reads_each_title_and_lists_unmatched_ones() -> None:
    result = run("which", "Sr. Director, Sales EMEA", "Chief Risk Officer", "drector", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["titles"]
    assert rows[0]["role"] == {"id": "director", "title": "Director of Sales"}
    assert rows[0]["set_aside"] == ["senior", "EMEA"]
    assert rows[1]["role"] is None and rows[1]["suggestions"] == []
    assert rows[2]["role"] is None and rows[2]["suggestions"] == ["director"]


def test_which_says_an_acronym_has_other_meanings() -> None:
    out = " ".join(run("which", "CRO").stdout.split())
    assert "Chief Risk Officer" in out


def test_which_lists_the_candidates_of_an_ambiguous_title() -> None:
    rows = json.loads(run("which", "chief", "--json").stdout)["titles"]
    assert rows[0]["candidates"] == ["cco", "cro", "cso"]


def test_which_reads_titles_from_stdin_one_row_a_line_and_writes_csv() -> None:
    titles = "VP of Sales\n\nHead of Sales EMEA\nChief Risk Officer\nSales & Marketing Director\n"
    result = run("which", "-", "--format", "csv", input=titles)
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:5] == ["title", "role", "role_title", "match", "read_as"]
    got = [(r[0], r[1], r[3], r[6]) for r in rows[1:]]
    assert got == [
        ("VP of Sales", "vp", "exact", ""),
        ("", "", "none", ""),  # a blank line keeps its row, so answers line up
        ("Head of Sales EMEA", "head", "qualifiers set aside", "EMEA"),
        ("Chief Risk Officer", "", "none", ""),
        ("Sales & Marketing Director", "dsm", "exact", ""),
    ]
    assert result.stderr.startswith("which: 5 rows: 3 matched, 0 ambiguous, 1 unmatched, 1 blank.")


def test_which_without_titles_is_a_usage_error() -> None:
    result = run("which")
    assert result.exit_code == 2
    assert "which needs a title" in result.stderr
    assert result.stdout == ""


def test_a_datasets_own_titles_get_the_same_reading() -> None:
    result = run("--data", str(FIXTURE), "which", "Senior Field Seller, EMEA", "--json")
    row = json.loads(result.stdout)["titles"][0]
    assert (row["role"]["id"], row["set_aside"]) == ("seller", ["Senior", "EMEA"])


def test_which_reads_each_distinct_title_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why 10,000 titles are quick (timed in benchmarks/startup.py): a column of titles
    repeats itself, and each distinct title is read once."""
    from salesroles.catalog import Catalog

    read: list[str] = []
    real = Catalog.read
    monkeypatch.setattr(Catalog, "read", lambda self, t: read.append(t) or real(self, t))
    lines = "\n".join(t for t, _, _ in TITLES * 310) + "\n"
    result = run("which", "-", "--format", "csv", input=lines)
    assert result.stdout.count("\n") == len(TITLES) * 310 + 1
    assert sorted(read) == sorted({t for t, _, _ in TITLES})


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


# --- completion ------------------------------------------------------------------------


def _complete(words: str) -> list[str]:
    import os

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "_SALESROLES_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    done = subprocess.run([sys.executable, "-m", "salesroles"], env=env, capture_output=True,
                          text=True, check=False)  # fmt: skip
    return done.stdout.split()


def test_completion_offers_ids_and_aliases() -> None:
    assert "hos" in _complete("salesroles show ho")
    assert set(_complete("salesroles show c")) >= {"cro", "cso", "cco"}


def test_completion_offers_dimensions_after_only_and_roles_after_to() -> None:
    assert "scope" in _complete("salesroles compare vp cro --only sc")
    assert "budget,metrics" in _complete("salesroles compare vp cro --only budget,me")
    assert "cro" in _complete("salesroles career rep --to cr")
