"""Whole spreadsheets of titles: CSV bytes in, rows out; rows and answers in, CSV text out.

Reads what spreadsheet programs save: quotes, commas and newlines inside cells, a
UTF-8 byte-order mark, CRLF, Excel's "Unicode text" (UTF-16 with a mark, tabs or
commas), and Windows-1252 or Latin-1 for bytes that are not UTF-8 (``Sheet.encoding``
says which was used). Every row and column comes back in order, blank rows too, so
answers line up with the rows they answer. Every written cell goes through
``csv_safe``, so a title such as ``=HYPERLINK(...)`` never runs as a formula.

Pure: no files, no output. Errors are one sentence: ``DataError`` for bytes that are
no CSV (exit 1), ``UsageError`` for a column that is not there (exit 2).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import NamedTuple

from salesroles.errors import DataError, UsageError

# What a cell may not start with, lest a spreadsheet run it as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_MARKS = (  # byte-order marks, longest first: UTF-32's begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx (a zip), .xls
_ONE_COLUMN = "\x1f"  # the delimiter of a file whose header has none: never in a title


class Sheet(NamedTuple):
    """A CSV file as read: its header, every row in order, and how its bytes were read."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # every row after the header, blank ones as ()
    encoding: str  # "utf-8", "utf-8-sig", "utf-16" (-le, -be), "utf-32", "cp1252", "latin-1"
    delimiter: str  # ",", ";" or "\t" (a file of one column is written with ",")
    newline: str  # "\r\n" or "\n", as the file had them


def read_csv(data: bytes, origin: str = "the file") -> Sheet:
    """The rows of the CSV file ``data`` (``origin`` names it in errors)."""
    if data.startswith(_WORKBOOKS):
        raise DataError(f"{origin} is a spreadsheet workbook, not CSV: save it as CSV first.")
    text, encoding = decode(data, origin)
    if not text.strip():
        raise DataError(f"{origin} is empty: a CSV file needs a header row naming its columns.")
    delimiter = _delimiter(text.lstrip("\r\n"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = [tuple(row) for row in reader]  # strict: an open quote never eats the rest
    except csv.Error as problem:
        said = str(problem)
        if "unexpected end of data" in said:
            said = "a quoted cell is never closed"
        elif "expected after" in said:
            said = "a closing quote is followed by more text in the same cell"
        raise DataError(
            f"{origin} is not readable as CSV at line {reader.line_num}: {said}."
        ) from None
    while not rows[0]:  # blank lines above the header (text.strip() found a row)
        del rows[0]
    header, *rest = rows
    written = "," if delimiter == _ONE_COLUMN else delimiter
    newline = "\r\n" if "\r\n" in text else "\n"
    return Sheet(header, tuple(rest), encoding, written, newline)


def decode(data: bytes, origin: str = "the file") -> tuple[str, str]:
    """``data`` as text, and the encoding it was read with.

    A byte-order mark decides; without one, UTF-16 if every other byte is NUL, UTF-8
    if the bytes are UTF-8, else Windows-1252 (what Excel saves on Windows), else
    Latin-1, which reads any bytes.
    """
    for mark, encoding in _MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise DataError(
                    f"{origin} starts with a {encoding.upper()} mark but is not {encoding.upper()}."
                ) from None
    if b"\x00" in data:
        return _utf16_without_mark(data, origin)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _utf16_without_mark(data: bytes, origin: str) -> tuple[str, str]:
    """Text with NUL bytes is UTF-16 without a mark (every other byte NUL), or no text."""
    sample = data[:400]
    for encoding, zeros, letters in (("utf-16-le", 1, 0), ("utf-16-be", 0, 1)):
        if sample[zeros::2].count(0) * 2 >= len(sample[zeros::2]) and 0 not in sample[letters::2]:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    raise DataError(f"{origin} holds NUL bytes, so it is no text: save it as CSV first.")


def _delimiter(text: str) -> str:
    """The delimiter the header row uses most (outside quotes): tab, semicolon or comma."""
    counts = {"\t": 0, ";": 0, ",": 0}
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else _ONE_COLUMN


def column(sheet: Sheet, wanted: str, origin: str = "the file") -> int:
    """The index of the column named ``wanted`` (any case), or numbered so (1 is the first).

    UsageError, listing the columns, when there is none.
    """
    names = [name.strip().casefold() for name in sheet.header]
    if wanted.strip().casefold() in names:
        return names.index(wanted.strip().casefold())
    if wanted.strip().isdigit() and 1 <= int(wanted) <= len(sheet.header):
        return int(wanted) - 1
    listed = ", ".join(repr(name) for name in sheet.header) or "none"
    raise UsageError(f"{origin} has no column {wanted.strip()!r}; its columns are: {listed}.")


_TITLE_COLUMNS = ("job title", "title", "job_title", "jobtitle", "position", "role", "titel")


def find_column(sheet: Sheet, wanted: str | None, origin: str = "the file") -> int:
    """The titles' column: the one named (or numbered) ``wanted``; without a name, the
    only column, or the one called "Job Title" or "Title". UsageError otherwise."""
    if wanted is not None:
        return column(sheet, wanted, origin)
    if len(sheet.header) == 1:
        return 0
    names = [name.strip().casefold() for name in sheet.header]
    for name in _TITLE_COLUMNS:
        if name in names:
            return names.index(name)
    listed = ", ".join(repr(name) for name in sheet.header)
    raise UsageError(
        f"Which column holds the titles? Name it with --column; {origin} has: {listed}."
    )


def cells(sheet: Sheet, index: int) -> list[str]:
    """The cell of column ``index`` in every row, in order: "" where a row is short or blank."""
    return [row[index] if index < len(row) else "" for row in sheet.rows]


def csv_safe(cell: str) -> str:
    """``cell`` as a spreadsheet shows it but never runs it: a formula start gets a quote.

    OWASP's advice for CSV injection: a cell that starts with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return is prefixed with a single quote.
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_csv(sheet: Sheet, added: Sequence[str], answers: Sequence[Sequence[str]]) -> str:
    """``sheet`` as CSV text with the columns ``added`` appended, ``answers`` one per row.

    Rows keep their order and cells; a short row is padded so its answers sit under
    their header. Every cell goes through ``csv_safe``.
    """
    if len(answers) != len(sheet.rows):
        raise ValueError(f"{len(answers)} answers for {len(sheet.rows)} rows")
    width = max([len(sheet.header), *(len(row) for row in sheet.rows)])
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sheet.delimiter, lineterminator=sheet.newline)
    # csv quotes a cell holding a character of the line ending only: quote a lone "\r" too
    quoted = csv.writer(
        buffer, delimiter=sheet.delimiter, lineterminator=sheet.newline, quoting=csv.QUOTE_ALL
    )
    for row, extra in [(sheet.header, added), *zip(sheet.rows, answers, strict=True)]:
        padded = [csv_safe(cell) for cell in (*row, *[""] * (width - len(row)), *extra)]
        (quoted if any("\r" in cell for cell in padded) else writer).writerow(padded)
    return buffer.getvalue()


def encode(text: str, sheet: Sheet) -> bytes:
    """``text`` as UTF-8 bytes, with a byte-order mark when ``sheet`` came from Excel.

    A file that had a mark, was UTF-16 or Windows-1252 gets one, so Excel shows its
    accents; a plain UTF-8 file stays plain.
    """
    return text.encode("utf-8" if sheet.encoding == "utf-8" else "utf-8-sig")
