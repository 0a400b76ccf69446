"""Whole spreadsheets: CSV bytes as spreadsheet programs save them, read and written back."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesroles import spreadsheet
from salesroles.errors import DataError, UsageError
from salesroles.spreadsheet import Sheet, cells, column, csv_safe, read_csv, write_csv

EXPORT = (
    "Req ID,Job Title,Location\r\n"
    '4411,"Director, Sales",Berlin\r\n'
    '4412,"Head of Sales\nDACH (m/w/d)","Munich, DE"\r\n'
    "4413,Vertriebsleiter:in,Hamburg\r\n"
)


def test_a_utf8_export_with_a_bom_crlf_quoted_commas_and_newlines() -> None:
    sheet = read_csv(b"\xef\xbb\xbf" + EXPORT.encode())
    assert sheet.header == ("Req ID", "Job Title", "Location")
    assert sheet.rows == (
        ("4411", "Director, Sales", "Berlin"),
        ("4412", "Head of Sales\nDACH (m/w/d)", "Munich, DE"),
        ("4413", "Vertriebsleiter:in", "Hamburg"),
    )
    assert (sheet.encoding, sheet.delimiter, sheet.newline) == ("utf-8-sig", ",", "\r\n")


@pytest.mark.parametrize("delimiter", ["\t", ","])
def test_excels_unicode_text_export_is_utf16_with_a_bom(delimiter: str) -> None:
    text = f"Title{delimiter}Country\r\nDirecteur général{delimiter}France\r\n"
    for data in (b"\xff\xfe" + text.encode("utf-16-le"), b"\xfe\xff" + text.encode("utf-16-be")):
        sheet = read_csv(data)
        assert sheet.rows == (("Directeur général", "France"),)
        assert (sheet.encoding, sheet.delimiter) == ("utf-16", delimiter)


@pytest.mark.parametrize(
    ("encoding", "name"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_utf16_without_a_bom_is_recognised(encoding: str, name: str) -> None:
    sheet = read_csv("title\nDyrektor sprzedaży\n".encode(encoding))
    assert (sheet.rows, sheet.encoding) == ((("Dyrektor sprzedaży",),), name)


def test_bytes_that_are_not_utf8_are_read_as_windows_1252_and_say_so() -> None:
    sheet = read_csv("Titel;Ort\nGeschäftsführer – Vertrieb;Köln\n".encode("cp1252"))
    assert sheet.rows == (("Geschäftsführer – Vertrieb", "Köln"),)
    assert (sheet.encoding, sheet.delimiter) == ("cp1252", ";")


def test_bytes_not_even_windows_1252_are_latin_1() -> None:
    sheet = read_csv(b"title\nDirecteur g\xe9n\xe9ral \x81\n")
    assert (sheet.rows, sheet.encoding) == ((("Directeur général \x81",),), "latin-1")


def test_plain_utf8_is_utf8() -> None:
    assert read_csv("title\nDyrektor sprzedaży\n".encode()).encoding == "utf-8"


def test_blank_and_short_rows_are_kept_in_order() -> None:
    sheet = read_csv(b"id,title\n1,VP of Sales\n\n3\n4,\n5,Head of Sales\n")
    assert cells(sheet, column(sheet, "title")) == ["VP of Sales", "", "", "", "Head of Sales"]
    assert len(sheet.rows) == 5


def test_blank_lines_above_the_header_are_not_the_header() -> None:
    sheet = read_csv(b"\r\n\r\nid,title\r\n1,VP of Sales\r\n")
    assert (sheet.header, sheet.rows) == (("id", "title"), (("1", "VP of Sales"),))


def test_a_file_of_one_column_keeps_commas_in_its_titles() -> None:
    sheet = read_csv(b"title\nDirector, Sales\nHead of Sales, North America\n")
    assert cells(sheet, 0) == ["Director, Sales", "Head of Sales, North America"]


@pytest.mark.parametrize("wanted", ["Job Title", "job title", " JOB TITLE ", "2"])
def test_a_column_by_name_in_any_case_or_by_number(wanted: str) -> None:
    sheet = read_csv(EXPORT.encode())
    assert column(sheet, wanted) == 1


@pytest.mark.parametrize("wanted", ["Title", "0", "4"])
def test_a_missing_column_is_a_usage_error_listing_the_columns(wanted: str) -> None:
    sheet = read_csv(EXPORT.encode())
    with pytest.raises(UsageError) as info:
        column(sheet, wanted, "jobs.csv")
    assert str(info.value) == (
        f"jobs.csv has no column {wanted!r}; its columns are: 'Req ID', 'Job Title', 'Location'."
    )
    assert info.value.exit_code == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "jobs.csv is empty: a CSV file needs a header row naming its columns."),
        (b" \r\n\n", "jobs.csv is empty: a CSV file needs a header row naming its columns."),
        (b"PK\x03\x04\x14\x00", "jobs.csv is a spreadsheet workbook, not CSV: save it as CSV"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1",
            "jobs.csv is a spreadsheet workbook, not CSV: save it as CSV",
        ),
        (b"\xff\xfet\x00i\x00t", "jobs.csv starts with a UTF-16 mark but is not UTF-16."),
        (b"title\nVP\x00 Sales\n", "jobs.csv holds NUL bytes, so it is no text: save it as CSV"),
        (
            b'title\n"VP of Sales\nHead',
            "jobs.csv is not readable as CSV at line 3: a quoted cell is never closed.",
        ),
        (
            b'title\n"VP" of Sales\n',
            "jobs.csv is not readable as CSV at line 2: a closing quote is followed by more text",
        ),
    ],
)
def test_bytes_that_are_no_csv_are_a_data_error(data: bytes, message: str) -> None:
    with pytest.raises(DataError) as info:
        read_csv(data, "jobs.csv")
    assert str(info.value).startswith(message)
    assert info.value.exit_code == 1


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x","VP")', '\'=HYPERLINK("http://x","VP")'),
        ("+1 Head of Sales", "'+1 Head of Sales"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tVP of Sales", "'\tVP of Sales"),
        ("\rVP of Sales", "'\rVP of Sales"),
        ("VP of Sales", "VP of Sales"),
        ("Sales Director - Remote", "Sales Director - Remote"),
        ("", ""),
    ],
)
def test_csv_safe_neutralises_formula_starts_as_owasp_advises(cell: str, safe: str) -> None:
    assert csv_safe(cell) == safe


def test_written_back_every_row_and_column_in_order_with_answers_appended() -> None:
    sheet = read_csv(b"\xef\xbb\xbf" + EXPORT.encode())
    answers = [["director", "Director of Sales"], ["head", "Head of Sales"], ["", ""]]
    text = write_csv(sheet, ["role", "read_as"], answers)
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["Req ID", "Job Title", "Location", "role", "read_as"],
        ["4411", "Director, Sales", "Berlin", "director", "Director of Sales"],
        ["4412", "Head of Sales\nDACH (m/w/d)", "Munich, DE", "head", "Head of Sales"],
        ["4413", "Vertriebsleiter:in", "Hamburg", "", ""],
    ]
    assert text.startswith("Req ID,Job Title,Location,role,read_as\r\n")


def test_written_back_short_and_blank_rows_line_up_under_their_header() -> None:
    sheet = read_csv(b"id;title;note\n1;VP of Sales\n\n3;Head;x;extra\n")
    text = write_csv(sheet, ["role"], [["vp"], [""], ["head"]])
    assert text == "id;title;note;;role\n1;VP of Sales;;;vp\n;;;;\n3;Head;x;extra;head\n"


def test_written_back_formula_cells_are_neutralised_wherever_they_are() -> None:
    sheet = read_csv(b'title,owner\n"=1+2",@bob\n-Sales Director,ok\n')
    text = write_csv(sheet, ["role"], [["=evil()"], [""]])
    assert text == "title,owner,role\n'=1+2,'@bob,'=evil()\n'-Sales Director,ok,\n"


def test_answers_must_match_the_rows() -> None:
    sheet = read_csv(b"title\nVP\n")
    with pytest.raises(ValueError, match="2 answers for 1 rows"):
        write_csv(sheet, ["role"], [["vp"], ["x"]])


def test_written_back_bytes_keep_a_bom_for_files_that_came_from_excel() -> None:
    text = "title\nDirecteur général\n"
    from_excel = read_csv(b"\xff\xfe" + text.encode("utf-16-le"))
    plain = read_csv(text.encode())
    assert spreadsheet.encode(text, from_excel).startswith(b"\xef\xbb\xbf")
    assert spreadsheet.encode(text, plain) == text.encode()


cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
)


@given(st.lists(st.lists(cell, min_size=2, max_size=2), min_size=1, max_size=6))
def test_what_is_written_reads_back_the_same(rows: list[list[str]]) -> None:
    sheet = Sheet(("a", "b"), tuple(map(tuple, rows)), "utf-8", ",", "\n")
    written = read_csv(write_csv(sheet, ["c"], [["x"]] * len(rows)).encode())
    assert written.rows == tuple((csv_safe(a), csv_safe(b), "x") for a, b in rows)
