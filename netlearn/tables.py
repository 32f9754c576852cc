"""Reading a CSV file the way a spreadsheet user expects, keeping track of row numbers.

Spreadsheet programs save CSV files in several dialects: UTF-8 with or without a byte-order
mark, Windows-1252 (older Excel), UTF-16 ("Unicode text"), commas or semicolons (where the decimal
mark is a comma) or tabs. :func:`read_table` reads all of them, and remembers for every data row the
number a spreadsheet shows beside it (the header is row 1), so that later checks can point at the
exact row. It never guesses silently about data: a row with more values than there are columns,
a column without a name or two columns with the same name stop with a :class:`~netlearn.DataError`.
So do a file that is UTF-8 in some rows and Windows-1252 in others (rows pasted from another file:
read either way, some names would come out garbled, as ``ZoÃ«``), and a title or heading band above
the column names (the message says to delete that row, not to type names into it). Excel's
``sep=;`` first line is read as Excel reads it: it names the delimiter and is not a row.

Every cell is kept as text here; turning text into numbers and yes/no values is the job of
:mod:`netlearn.validation`, which knows what each column should hold.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "members.csv").write_bytes("id;name\\r\\nm1;Zoë\\r\\n\\r\\nm2;Ana\\r\\n".encode("cp1252"))
>>> table = read_table(folder / "members.csv")
>>> table.frame
   id name
0  m1  Zoë
1  m2  Ana
>>> table.rows, table.delimiter, table.encoding
([2, 4], ';', 'windows-1252')
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import DataError

__all__ = ["Table", "read_table", "table_from_frame", "normalise_header", "rows_above_header_fix"]

_DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
_SPREADSHEET_SUFFIXES = {".xlsx", ".xls", ".xlsm", ".ods", ".numbers"}


@dataclass
class Table:
    """A table read from a file or a DataFrame: text cells plus where each row came from.

    Attributes
    ----------
    frame : pandas.DataFrame
        One column per (normalised) header, every cell a stripped string ("" when blank).
    rows : list of int
        For each row of ``frame``, the row number a spreadsheet shows (header = row 1).
    label : str
        How messages name the table, e.g. ``"ties.csv"``.
    headers : dict
        Normalised column name -> the header exactly as written in the file.
    delimiter, encoding : str
        What was detected (``None`` for a DataFrame).
    header_row : int
        The spreadsheet row holding the column names (below any blank rows at the top).
    """

    frame: pd.DataFrame
    rows: list
    label: str
    headers: dict = field(default_factory=dict)
    delimiter: str | None = None
    encoding: str | None = None
    header_row: int = 1

    def header(self, column):
        """The column's name as the user wrote it (for messages)."""
        return self.headers.get(column, column)

    def row_of(self, position):
        """Spreadsheet row number of the row at integer ``position`` in ``frame``."""
        return self.rows[position]


def normalise_header(name):
    """Column names are matched without regard to case, surrounding spaces or inner spaces.

    >>> normalise_header("  Formal Leader ")
    'formal_leader'
    >>> normalise_header("\\ufeffID")
    'id'
    """
    text = str(name).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def _decode(raw, label):
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError:  # UTF-8 marker, yet some rows are not UTF-8: see _mixed_encoding
            return raw[len(codecs.BOM_UTF8):].decode("cp1252", errors="replace"), "windows-1252"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:  # pragma: no cover - needs a corrupt UTF-16 file
            raise DataError(
                f"the file starts like UTF-16 text but byte {exc.start} cannot be read.",
                file=label,
                fix="Open it in your spreadsheet program and save it again as 'CSV UTF-8'.",
            ) from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Older Excel on Windows saves "CSV" in Windows-1252. Five byte values are undefined there;
    # Latin-1 reads those (they are control characters in practice).
    try:
        return raw.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _count_outside_quotes(line, char):
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def _sniff_delimiter(text):
    """Pick the delimiter from the header line: the most frequent of , ; tab | outside quotes."""
    for line in text.splitlines():
        if line.strip():
            counts = {d: _count_outside_quotes(line, d) for d in _DELIMITERS}
            best = max(counts, key=lambda d: (counts[d], d == ","))
            return best if counts[best] else ","
    return ","


def _missing_file_error(path):
    folder = path.parent if str(path.parent) else Path(".")
    hint = "Check the spelling of the name and the folder."
    if folder.is_dir():
        candidates = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in {".csv", ".txt", ".tsv"})
        close = difflib.get_close_matches(path.name, candidates, n=1)
        if close:
            hint = f"Did you mean '{folder / close[0]}'?"
        elif candidates:
            hint += " CSV files in that folder: " + ", ".join(candidates[:10]) + "."
    else:
        hint += f" The folder '{folder}' does not exist either."
    hint += f" Relative paths start from the folder this notebook or command runs in: {Path.cwd()}"
    return DataError("this file was not found.", file=str(path), fix=hint)


def read_table(path, *, label=None):
    """Read a CSV file into a :class:`Table`, detecting encoding and delimiter.

    Parameters
    ----------
    path : str or pathlib.Path
        The CSV file.
    label : str, optional
        Name used in messages; defaults to the file's name.

    Returns
    -------
    Table

    Raises
    ------
    DataError
        Missing or empty file, a spreadsheet workbook instead of CSV, a file mixing UTF-8 rows
        with rows in another encoding, a title or heading row above the column names (the message
        says which rows to delete), a header with a blank or repeated column name, a row with more
        values than columns, or no data rows.

    Notes
    -----
    A first line ``sep=;`` (which Excel writes and reads to mean "the delimiter is ;") sets the
    delimiter and is not a row; like Excel, the row numbers then count the header as row 1.
    """
    path = Path(path)
    label = label or path.name
    if not path.exists():
        raise _missing_file_error(path)
    if path.is_dir():
        raise DataError("this is a folder, not a file.", file=str(path),
                        fix="Give the path of the CSV file inside it, e.g. 'my_network/members.csv'.")
    if path.suffix.lower() in _SPREADSHEET_SUFFIXES:
        raise DataError(
            "this is a spreadsheet workbook, not a CSV file.", file=label,
            fix="Open it in your spreadsheet program and use 'Save as' > 'CSV UTF-8 (comma delimited)', "
                "one file per sheet, then give the path of the .csv file.")
    raw = path.read_bytes()
    if raw.startswith(b"PK\x03\x04"):  # a zip archive: .xlsx/.ods saved under a .csv name
        raise DataError(
            "this file is a spreadsheet workbook (or another zip archive), even though its name ends "
            f"in '{path.suffix}'.", file=label,
            fix="Open it in your spreadsheet program and use 'Save as' > 'CSV UTF-8 (comma delimited)'.")
    text, encoding = _decode(raw, label)
    if "\x00" in text:
        raise DataError(
            "this file holds binary data, not text, so it is not a CSV file.", file=label,
            fix="Check that you chose the right file; a spreadsheet must be saved with 'Save as' > "
                "'CSV UTF-8 (comma delimited)'.")
    if not text.strip():
        raise DataError("the file is empty.", file=label,
                        fix="Save the file again from your spreadsheet program; the first row must hold "
                            "the column names.")
    text, delimiter, skipped = _excel_sep_line(text)
    delimiter = delimiter or _sniff_delimiter(text)
    records, ends = _parse(text, delimiter, label)
    if encoding in ("windows-1252", "latin-1"):
        mixed = _mixed_encoding(raw)
        if mixed:
            raise _mixed_encoding_error(mixed, ends, skipped, label)
    return _table_from_records(records, label=label, delimiter=delimiter, encoding=encoding)


def _excel_sep_line(text):
    """Excel's ``sep=;`` first line: ``(rest of text, delimiter, 1)``, or ``(text, None, 0)``.

    Excel reads a first line ``sep=X`` as "the delimiter is X" and does not show it as a row, so
    the rows after it are numbered as Excel shows them: the header is row 1.
    """
    match = re.match(r"sep=(.)[ \t]*(\r\n|\r|\n|$)", text)
    if not match or match.group(1) in "\r\n\"":
        return text, None, 0
    return text[match.end():], match.group(1), 1


def _parse(text, delimiter, label):
    """Split CSV text into records, strictly: a broken quote is an error, never a swallowed row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, ends = [], []  # ends: the last line of each record (1-based), to map lines to rows
    try:
        for record in reader:
            records.append(record)
            ends.append(reader.line_num)
    except csv.Error as exc:
        row = len(records) + 1  # spreadsheet rows count records
        if "unexpected end of data" in str(exc):
            raise DataError(
                'a double quote (") opens a value in this row and is never closed, so every row after '
                "it would be read into that one cell.", file=label, row=row,
                fix='Add the closing double quote at the end of the value, or delete the stray quote.') from None
        raise DataError(
            f"this row is not valid CSV ({exc}).", file=label, row=row,
            fix='A value that contains double quotes must itself be wrapped in double quotes, with each '
                'inner quote written twice (""), as spreadsheet programs do when they save CSV.') from None
    return records, ends


# A character of two to four bytes in UTF-8. Windows-1252 text almost never contains these byte
# pairs (they would read as, for example, "Ã«"), so finding them beside bytes that are not UTF-8
# means the file mixes the two encodings.
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _cell_at(line, position):
    """The bytes of the cell around ``position`` in one line of the file."""
    start = max(line.rfind(c, 0, position) for c in (b",", b";", b"\t", b"|", b'"')) + 1
    ends = [i for i in (line.find(c, position) for c in (b",", b";", b"\t", b"|", b'"')) if i >= 0]
    return line[start:min(ends, default=len(line))]


def _mixed_encoding(raw):
    """Find a file that is UTF-8 in some rows and not in others (rows pasted from another file).

    Returns ``(utf8_line, utf8_text, other_line, other_text)`` with 0-based line numbers and a
    sample cell of each, or ``None`` when the file is consistently one encoding.
    """
    bom = raw.startswith(codecs.BOM_UTF8)
    body = raw[len(codecs.BOM_UTF8):] if bom else raw
    utf8 = other = None
    for number, line in enumerate(_LINE_BREAK.split(body)):
        if utf8 is None:
            found = _UTF8_CHARACTER.search(line)
            if found:
                utf8 = (number, _cell_at(line, found.start()).decode("utf-8", errors="replace"))
        if other is None:
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                other = (number, _cell_at(line, exc.start).decode("cp1252", errors="replace"))
        if utf8 is not None and other is not None:
            return (*utf8, *other)
    if bom and other is not None:
        return (None, None, *other)
    return None


def _mixed_encoding_error(mixed, ends, skipped, label):
    utf8_line, utf8_text, other_line, other_text = mixed

    def row(line):  # file line (0-based, after the BOM) -> spreadsheet row of the record holding it
        line = line + 1 - skipped
        return next((i + 1 for i, end in enumerate(ends) if end >= line), len(ends))

    if utf8_line is None:
        first = "the file starts with the marker of UTF-8 text"
    elif row(utf8_line) == row(other_line):
        first = f"this row has UTF-8 text ('{utf8_text}')"
    else:
        first = f"row {row(utf8_line)} is saved as UTF-8 ('{utf8_text}')"
    garbled = utf8_text.encode("utf-8").decode("cp1252", errors="replace") if utf8_text else ""
    return DataError(
        f"this file mixes two text encodings: {first}, but this row also has text that is not UTF-8 (read as Windows-1252 it "
        f"says '{other_text}'). Read either way, some accented letters would come out wrong"
        + (f" (for example '{garbled}' instead of '{utf8_text}')" if garbled else "") + ", so the file is not read.",
        file=label, row=row(other_line),
        fix="Rows were probably copied in from a file saved in another way. Open the file in your spreadsheet "
            "program, check the accented letters in this row and the rows near it, correct any that look wrong, "
            "and save it with 'Save as' > 'CSV UTF-8 (comma delimited)'.")


def _table_from_records(records, *, label, delimiter=None, encoding=None):
    # Row numbers count records, as a spreadsheet does (a quoted cell with a line break is one row).
    numbered = [(i + 1, [cell.strip() for cell in rec]) for i, rec in enumerate(records)]
    numbered = [(n, rec) for n, rec in numbered if any(rec)]  # wholly blank rows hold no data
    if not numbered:
        raise DataError("the file is empty.", file=label,
                        fix="The first row must hold the column names.")
    header_row, header = numbered[0]
    # Trailing empty columns (spreadsheets often add them) are dropped only if they hold nothing.
    width = len(header)
    while width and not header[width - 1] and all(
        len(rec) < width or not rec[width - 1] for _, rec in numbered[1:]
    ):
        width -= 1
    header = header[:width]
    columns, headers = [], {}
    for position, name in enumerate(header, start=1):
        if not name:
            _raise_if_rows_above_header(numbered, label)
            raise DataError(
                f"column {position} has values but no name in the header row.", file=label,
                row=header_row, fix=f"Type a column name in the header row (row {header_row}) above those values, or "
                                    f"delete the column. If row {header_row} is a title rather than the column names, "
                                    f"delete row {header_row} instead.")
        key = normalise_header(name)
        if key in headers:
            raise DataError(
                f"two columns are both called '{name}' (names are compared ignoring case and spaces).",
                file=label, row=header_row, column=name,
                fix="Rename or delete one of them so that every column name is different.")
        headers[key] = name
        columns.append(key)
    body, rows = [], []
    for number, rec in numbered[1:]:
        if len(rec) > width and any(rec[width:]):
            _raise_if_rows_above_header(numbered, label)
            extra = [c for c in rec[width:] if c]
            raise DataError(
                f"this row has {len(rec)} values but the header has {width} columns "
                f"(extra: {', '.join(repr(c) for c in extra[:3])}).", file=label, row=number,
                fix=(f"A value probably contains the delimiter ({_DELIMITERS.get(delimiter, repr(delimiter))}). "
                     "Put double quotes around that value, or remove the extra delimiter."))
        rec = (rec + [""] * width)[:width]
        body.append(rec)
        rows.append(number)
    if not body:
        raise DataError("the file has column names but no rows of data.", file=label,
                        fix="Add one row per member or tie below the header row.")
    frame = pd.DataFrame(body, columns=columns, dtype=object)
    return Table(frame=frame, rows=rows, label=label, headers=headers, delimiter=delimiter, encoding=encoding,
                 header_row=header_row)


#: Column names that netlearn's tables use; a row holding one of them is taken for the header.
COMMON_HEADERS = {"id", "name", "source", "target", "relation", "directed", "weight", "group", "kind",
                  "member", "member_id", "description"}


def _filled(record):
    return sum(1 for cell in record if cell)


def _is_header_like(record):
    names = [normalise_header(c) for c in record if c]
    return len(names) >= 2 and len(names) == len(set(names)) and bool(COMMON_HEADERS & set(names))


def rows_above_header_fix(above, header_cells):
    """The fix for rows (spreadsheet numbers ``above``) sitting above the real column names."""
    rows = f"row {above[0]}" if len(above) == 1 else f"rows {above[0]} to {above[-1]}"
    names = ", ".join(repr(c) for c in header_cells if c)
    return (f"Delete {rows} (in your spreadsheet program, right-click the row number and choose Delete), so that "
            f"the column names ({names}) are in the first row, then save the file again as CSV. Do not type "
            "new names into the title row: that would turn the real column names into a row of data.")


def _raise_if_rows_above_header(numbered, label):
    """A title row or a merged heading band above the column names gives a header with blank names
    (or one name for several columns); if a row just below looks like the column names, say so."""
    for k in range(1, min(len(numbered), 6)):
        number, record = numbered[k]
        if any(_is_header_like(rec) for _, rec in numbered[:k]):
            return
        if _is_header_like(record) and all(_filled(rec) < _filled(record) for _, rec in numbered[:k]):
            above = [n for n, _ in numbered[:k]]
            first = " ".join(c for c in numbered[0][1] if c)
            raise DataError(
                f"this row ('{first}') looks like a title or a heading over several columns, not the column "
                f"names, which seem to be in row {number}.", file=label, row=above[0],
                fix=rows_above_header_fix(above, record))


def table_from_frame(frame, *, label):
    """Wrap a DataFrame as a :class:`Table`, so that it is checked like a file.

    Rows are numbered as they would be in a CSV written from the frame (header = row 1).

    >>> t = table_from_frame(pd.DataFrame({"ID": [1, 2], "Group": ["a", None]}), label="members")
    >>> t.frame.to_dict("list"), t.rows
    ({'id': ['1', '2'], 'group': ['a', '']}, [2, 3])
    """
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"expected a pandas DataFrame, got {type(frame).__name__}.", file=label,
                        fix="Pass a DataFrame, or the path of a CSV file.")

    def text(value):
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    records = [[str(c) for c in frame.columns]]
    records += [[text(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    return _table_from_records(records, label=label)
