"""The cells of a survey export, as a spreadsheet shows them: headings, row numbers and column letters.

:func:`read_sheet` opens a Microsoft Forms export (an ``.xlsx`` workbook, read with openpyxl, first
sheet) or a Google Forms export (a ``.csv`` file, read with :func:`netlearn.tables.read_table`, so
every encoding and delimiter a spreadsheet program may save is read too) and returns a :class:`Sheet`:
each column's letter and heading, and each row of text cells with the number a spreadsheet shows
beside it (the headings are row 1 unless blank rows come first). Wholly blank rows hold nothing and
are skipped; nothing else is. :func:`statement_key` is the one rule for comparing a heading or an
answer with an instrument's wording.

>>> statement_key("  I know how decisions get made in the network. ")
'i know how decisions get made in the network'
>>> statement_key("The network\u2019s purpose") == statement_key("the network's purpose")
True
>>> column_letter(1), column_letter(26), column_letter(28)
('A', 'Z', 'AB')
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..tables import read_table

__all__ = ["Sheet", "read_sheet", "statement_key", "column_letter", "cell_text", "FORM_SUFFIXES"]

#: File types a Forms export can come as: Microsoft Forms' workbook and Google Forms' CSV.
FORM_SUFFIXES = (".xlsx", ".csv")

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u00a0": " ", "\u202f": " "})
_TRAILING = " .,;:!?\u2026"


def statement_key(text):
    """A wording as it is compared: case, spaces, curly quotes and trailing punctuation ignored.

    In words: curly quotes become straight ones, runs of spaces (and non-breaking spaces) become
    one space, spaces at either end go, letters are compared without case (``str.casefold``), and
    full stops, commas, colons, semicolons, question and exclamation marks and ellipses at the end
    are dropped. Nothing else is forgiven, so two different statements never read the same.

    >>> statement_key("\u201cQuick\u201d   wins?!")
    '"quick" wins'
    """
    text = unicodedata.normalize("NFC", str(text)).translate(_QUOTES)
    return " ".join(text.split()).casefold().rstrip(_TRAILING)


def column_letter(number):
    """The letters a spreadsheet gives the column at ``number`` (1 = A, 27 = AA)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_text(value):
    """One workbook cell as the text a spreadsheet shows: "" when empty, whole numbers without ".0".

    >>> cell_text(None), cell_text(4.0), cell_text(" Often true "), cell_text(_dt.datetime(2026, 11, 3, 9, 5))
    ('', '4', 'Often true', '2026-11-03 09:05:00')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    return str(value).strip()


@dataclass
class Sheet:
    """A survey export's cells.

    Attributes
    ----------
    label : str
        The file's name, as messages give it.
    header_row : int
        The spreadsheet row holding the headings.
    headings : list of str
        Each column's heading as written ("" for a column without one), in order: column A first.
    rows : list of (int, list of str)
        Each row that holds anything: its spreadsheet number and its cells as text, one per heading.
    """

    label: str
    header_row: int
    headings: list
    rows: list

    def column(self, position):
        """How messages name the column at ``position`` (0 = A): its letter and heading."""
        heading = self.headings[position]
        letter = column_letter(position + 1)
        return f"{letter} ({heading})" if heading else letter


def _wrong_type(path):
    hint = {".xls": "This is the older Excel format. Open it in Excel and use 'Save as' > 'Excel Workbook (.xlsx)'.",
            ".xlsm": "Open it in Excel and use 'Save as' > 'Excel Workbook (.xlsx)'.",
            ".ods": "Open it in your spreadsheet program and save it as an Excel workbook (.xlsx).",
            ".json": "Download the responses again as a spreadsheet instead."}.get(path.suffix.lower(), "")
    return DataError(
        f"a '{path.suffix or 'file without an ending'}' file is not a Microsoft Forms or Google Forms export.",
        file=path.name,
        fix=(hint + " " if hint else "") + "In Microsoft Forms, open the form's Responses tab and choose 'Open in "
            "Excel' (an .xlsx file); in Google Forms, open Responses, then the three dots > 'Download responses "
            "(.csv)'. Give the path of that file.")


def read_sheet(path):
    """The headings and rows of a Forms export (``.xlsx`` or ``.csv``) as a :class:`Sheet`.

    Raises
    ------
    DataError
        The file is missing, a folder, of another type, not a readable workbook, or holds no
        headings or no answers.
    """
    path = Path(path)
    if not path.exists():
        raise DataError("this file was not found.", file=str(path),
                        fix=f"Check the file's name and folder. Relative paths start from {Path.cwd()}.")
    if path.is_dir():
        raise DataError("this is a folder, not a file.", file=str(path),
                        fix="Give the path of the exported .xlsx or .csv file inside it.")
    suffix = path.suffix.lower()
    if suffix not in FORM_SUFFIXES:
        raise _wrong_type(path)
    sheet = _read_workbook(path) if suffix == ".xlsx" else _read_csv(path)
    if not sheet.rows:
        raise DataError("the export has headings but no answers.", file=sheet.label, row=sheet.header_row,
                        fix="Check that the form has responses and download them again.")
    return sheet


def _read_csv(path):
    table = read_table(path)
    headings = [table.headers[c] for c in table.frame.columns]
    rows = [(number, list(values)) for number, values in zip(table.rows, table.frame.itertuples(index=False))]
    return Sheet(path.name, table.header_row, headings, rows)


def _read_workbook(path):
    import openpyxl  # loaded here: only a workbook needs it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # Forms' workbooks carry no default style; openpyxl says so, which tells a reader nothing.
            warnings.filterwarnings("ignore", message="Workbook contains no default style")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise DataError(
            f"this file cannot be read as an Excel workbook ({type(exc).__name__}).", file=path.name,
            fix="Download the responses again with 'Open in Excel' and give that file unchanged. If the file has a "
                "password, save a copy without one.") from None
    try:
        table = book.worksheets[0]
        table.reset_dimensions()  # read every cell, whatever size the workbook claims its sheet has
        found = [(number, [cell_text(v) for v in values])
                 for number, values in enumerate(table.iter_rows(min_row=1, values_only=True), start=1)]
    finally:
        book.close()
    found = [(number, cells) for number, cells in found if any(cells)]
    if not found:
        raise DataError("the workbook's first sheet is empty.", file=path.name,
                        fix="Download the responses again with 'Open in Excel'; the answers are on the first sheet.")
    header_row, headings = found[0]
    _refuse_title_row(found, path.name)
    # The sheet ends at its last filled cell: empty columns a workbook reports beyond it hold nothing.
    width = max(max(k for k, c in enumerate(cells) if c) + 1 for _, cells in found)
    headings = (headings + [""] * width)[:width]
    rows = [(number, (cells + [""] * width)[:width]) for number, cells in found[1:]]
    return Sheet(path.name, header_row, headings, rows)


def _refuse_title_row(found, label):
    """A title typed above the headings (one filled cell over a row of several) is not read as headings."""
    (number, first), rest = found[0], found[1:]
    filled = [c for c in first if c]
    if len(filled) == 1 and rest and sum(1 for c in rest[0][1] if c) > 1:
        raise DataError(
            f"row {number} holds only '{filled[0]}', so it looks like a title above the headings rather than "
            "the headings themselves.", file=label, row=number,
            fix=f"In a copy of the file, delete row {number} (right-click the row number and choose Delete) so that "
                "the headings (Id, Start time, ... or Timestamp, ...) are in the first row, then read the copy.")
