"""which over whole spreadsheets: every row and column kept in order, the answers appended,
the summary on stderr; and the readings a recruiter's titles get."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from .conftest import run

HEADER = ["Name", "Job Title", "Company", "City", "Email"]
ROWS = [
    ["Anna", "Head of Sales, DACH (m/w/d)", "Acme, Inc.", "Berlin", "a@x.example"],
    ["Bob", '=HYPERLINK("http://x")', "B", "C", "b@x.example"],
    ["", "", "", "", ""],
    ["Cy", "Executive Assistant to the CRO", "E", "F", "c@x.example"],
    ["Di", "Dircetor of Sales", "H", "I", "d@x.example"],
    ["Ed", "SVP Sales – Remote", "J", "K", "e@x.example"],
    ["Fi", "Sales Development Representative", "L", "M", "f@x.example"],
]


def sheet(tmp_path: Path, rows: list[list[str]], *, encoding: str = "utf-8",
          newline: str = "\r\n", name: str = "titles.csv") -> Path:  # fmt: skip
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows([HEADER, *rows])
    path = tmp_path / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def read_back(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\r\n"), ("utf-8-sig", "\r\n"), ("utf-8", "\n"), ("utf-16", "\r\n")],
)
def test_every_row_and_column_is_kept_in_order_and_the_answers_appended(
    tmp_path: Path, encoding: str, newline: str
) -> None:
    path = sheet(tmp_path, ROWS, encoding=encoding, newline=newline)
    result = run("which", "--from", str(path), "--column", "Job Title")
    assert result.exit_code == 0, result.stderr
    rows = read_back(result.stdout)
    assert rows[0][:5] == HEADER
    assert rows[0][5:] == ["salesroles role", "salesroles role title", "salesroles match",
                           "salesroles level", "salesroles set aside", "salesroles note",
                           "salesroles alternatives"]  # fmt: skip
    assert len(rows) == len(ROWS) + 1
    for given, got in zip(ROWS, rows[1:], strict=True):
        kept = [("'" + c if c.startswith("=") else c) for c in given]
        assert got[:5] == kept  # every cell in place (a formula neutralised)
    answers = {row[0]: row[5:] for row in rows[1:]}
    assert answers["Anna"][:3] == ["head", "Head of Sales", "qualifiers set aside"]
    assert answers["Anna"][4] == "DACH; (m/w/d)"
    assert answers[""] == [""] * 7  # a blank title: a row with an empty answer
    assert answers["Cy"][:3] == ["", "", "none"] and "assistant" in answers["Cy"][5].lower()
    assert answers["Di"][:3] == ["director", "Director of Sales", "typo corrected"]
    assert answers["Ed"][0] == "vp" and answers["Ed"][3] == "SVP"
    assert answers["Fi"][:3] == ["rep", "Sales Representative", "nearest role"]
    assert "does not close" in answers["Fi"][5] or "not close" in answers["Fi"][5]


def test_no_cell_of_the_output_starts_a_formula(tmp_path: Path) -> None:
    evil = [["X", f"{c}SUM(A1)", "=1+1", "-2", "@cmd"] for c in "=+-@"]
    result = run("which", "--from", str(sheet(tmp_path, evil)), "--column", "2")
    for row in read_back(result.stdout):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


def test_the_summary_goes_to_stderr_with_the_most_frequent_unmatched(tmp_path: Path) -> None:
    rows = [["A", "Chief Risk Officer", "", "", ""]] * 3 + [["B", "VP Sales", "", "", ""]]
    result = run("which", "--from", str(sheet(tmp_path, rows)), "--column", "Job Title")
    assert result.stderr == (
        "which: 4 rows: 1 matched, 0 ambiguous, 3 unmatched. "
        'Most frequent unmatched: "Chief Risk Officer" (3).\n'
    )
    assert "which:" not in result.stdout


def test_the_titles_column_is_found_by_name_or_number_or_said_missing(tmp_path: Path) -> None:
    path = sheet(tmp_path, ROWS[:1])
    assert run("which", "--from", str(path)).exit_code == 0  # "Job Title" is found by itself
    by_number = run("which", "--from", str(path), "--column", "2")
    assert read_back(by_number.stdout)[1][5] == "head"
    missing = run("which", "--from", str(path), "--column", "Position")
    assert missing.exit_code == 2 and missing.stdout == ""
    assert "has no column 'Position'" in missing.stderr and "'Job Title'" in missing.stderr


def test_json_gives_each_row_its_cells_and_its_reading(tmp_path: Path) -> None:
    result = run("which", "--from", str(sheet(tmp_path, ROWS)), "--column", "Job Title", "--json")
    data = json.loads(result.stdout)
    assert data["columns"] == HEADER and data["title_column"] == 1
    assert len(data["rows"]) == len(ROWS)
    first = data["rows"][0]
    assert first["cells"] == ROWS[0]
    assert first["match"]["role"]["id"] == "head"
    assert first["match"]["codes"] and all(c["sources"] for c in first["match"]["codes"])


def test_a_spreadsheet_on_stdin(tmp_path: Path) -> None:
    text = sheet(tmp_path, ROWS[:2]).read_text(encoding="utf-8")
    result = run("which", "--from", "-", "--column", "Job Title", input=text)
    assert read_back(result.stdout)[1][:6] == [*ROWS[0], "head"]


def test_ten_thousand_rows_of_five_columns_round_trip(tmp_path: Path) -> None:
    rows = [[f"P{i}", ROWS[i % len(ROWS)][1], f"Co {i}, Ltd", "Town", f"p{i}@x"]
            for i in range(10_000)]  # fmt: skip
    result = run("which", "--from", str(sheet(tmp_path, rows)), "--column", "Job Title")
    back = read_back(result.stdout)
    assert len(back) == 10_001
    for given, got in zip(rows, back[1:], strict=True):
        assert got[0] == given[0] and got[2:5] == given[2:5]


def test_titles_and_from_together_are_a_usage_error(tmp_path: Path) -> None:
    result = run("which", "VP Sales", "--from", str(sheet(tmp_path, ROWS)))
    assert result.exit_code == 2 and "not both" in result.stderr


def test_a_missing_spreadsheet_is_a_file_error(tmp_path: Path) -> None:
    result = run("which", "--from", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1 and result.stdout == ""
    assert "Cannot read file" in result.stderr and "no such file" in result.stderr


@pytest.mark.parametrize(
    ("title", "role", "how"),
    [
        ("Vertriebsleiterin (m/w/d)", None, "ambiguous"),  # director or head, per its sources
        ("Gebietsverkaufsleiter", "rsm", "other language"),
        ("Directeur des ventes", "director", "other language"),
        ("Dyrektor sprzedaży", "director", "other language"),
        ("Area Vice President", "vp", "nearest role"),
        ("BDR", "rep", "nearest role"),
        ("Sales Operations Manager", None, "none"),
        ("Customer Success Manager", None, "none"),
        ("Chief of Staff to the CRO", None, "none"),
        ("Einkaufsleiter", None, "none"),  # purchasing: a false friend
    ],
)
def test_titles_people_write_read_as_the_sources_say(
    title: str, role: str | None, how: str
) -> None:
    row = json.loads(run("which", title, "--json").stdout)["titles"][0]
    assert ((row["role"] or {}).get("id"), row["how"]) == (role, how)
    if how in ("other language", "nearest role"):
        assert row["sources"]  # every non-English title and every note cites a source
    if how == "none" and title != "Einkaufsleiter":
        assert row["reason"]  # says why it is no sales leadership role


def test_every_note_and_non_english_title_cites_a_listed_source() -> None:
    from salesroles.dataset import load

    catalog = load.load()
    listed = {s.id for s in catalog.sources}
    for role in catalog:
        for title in role.titles:
            if title.note or title.lang != "en":
                assert title.sources and set(title.sources) <= listed, title.text
    for outside in catalog.outside:
        assert outside.sources and set(outside.sources) <= listed, outside.name
    languages = {t.lang for r in catalog for t in r.titles}
    assert {"de", "fr", "es", "it", "nl", "pt", "pl", "sv"} <= languages
