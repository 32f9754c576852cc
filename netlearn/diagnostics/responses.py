"""Reading the answers to a survey or scale from CSV files, checked cell by cell.

The file format (one row per respondent, "wide"):

================  =========  ==================================================================
column            needed?    what it holds
================  =========  ==================================================================
``respondent``    yes        an id for the person answering: a code, never blank, never repeated
``group``         no         the group the respondent belongs to (role, region ...), for summaries
``table``         no         the workshop table they sat at
``session``       no         written by the course's widgets: which saving session the row is from
``saved_at``      no         written by the widgets: when the row was saved
one per item id   no         for a rating item, a whole number on the scale (blank = not
                             answered); for a free-text item, any text
================  =========  ==================================================================

Column names are matched ignoring case and spaces; the file may be saved by any spreadsheet program
(see :func:`netlearn.tables.read_table`). A folder of such files is read as one set of answers.
Wholly blank rows are skipped (they hold nothing); everything else that does not fit stops with a
:class:`~netlearn.DataError` naming the file, the row as a spreadsheet numbers it (a column problem
names the row holding the column names, row 1 unless blank rows come first), the column and the fix:
a column that is not an item of the instrument (close spellings suggested), an answer off the scale,
text in a rating column, a row with answers but no respondent id, or a respondent id used twice.

>>> import pathlib, tempfile
>>> from netlearn.diagnostics import load_instrument
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "answers.csv").write_text("respondent,group,je1,st1\\nr1,cohort 1,6,2\\nr2,cohort 1,,7\\n")
>>> answers = read_responses(folder / "answers.csv", load_instrument("curiosity_practice"))
>>> answers.answers[["je1", "st1"]]
            je1  st1
respondent
r1          6.0  2.0
r2          NaN  7.0
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..tables import Table, read_table, table_from_frame
from .instruments import Instrument, load_instrument

__all__ = ["Responses", "read_responses", "META_COLUMNS", "read_tables", "parse_point"]

#: Columns of a response file that are not items.
META_COLUMNS = ("respondent", "group", "table", "session", "saved_at")
_KEEP = ("error", "last")


@dataclass
class Responses:
    """Checked answers to one instrument.

    Attributes
    ----------
    instrument : Instrument
    answers : DataFrame
        One row per respondent (index ``respondent``), one column per rating item in the
        instrument's order, as given (before any reverse-scoring); NaN = not answered.
    text : DataFrame
        The free-text answers, one column per text item ("" = none).
    meta : DataFrame
        ``group``, ``table``, ``session``, ``saved_at`` ("" when not given) and where each row came
        from (``file``, ``row``).
    label : str
        The file, folder or table the answers were read from.
    superseded : int
        Earlier rows replaced by a later row of the same respondent (``keep="last"`` only).
    missing_items : tuple
        Rating items with no column in the file: their answers are all missing (a file may hold
        only the items that were asked). The ``repr`` counts them, so they are never hidden.
    """

    instrument: Instrument
    answers: pd.DataFrame
    text: pd.DataFrame
    meta: pd.DataFrame
    label: str = "responses"
    superseded: int = 0
    missing_items: tuple = field(default_factory=tuple)

    def __len__(self):
        return len(self.answers)

    def __repr__(self):
        groups = sorted(g for g in self.meta["group"].unique() if g)
        gaps = f", no column for {len(self.missing_items)} items" if self.missing_items else ""
        return (f"<Responses to {self.instrument.name!r}: {len(self)} respondents, "
                f"{len(groups)} groups, from {self.label}{gaps}>")

    @property
    def groups(self):
        """Each respondent's group ("" when none was given)."""
        return self.meta["group"]

    def subset(self, mask):
        """The answers of the respondents where ``mask`` (a boolean Series on respondent) is true."""
        mask = pd.Series(mask, index=self.answers.index).astype(bool)
        return Responses(self.instrument, self.answers[mask], self.text[mask], self.meta[mask], self.label,
                         0, self.missing_items)


def parse_point(text):
    """A cell as a whole number, or None if blank; a ValueError if it is not a whole number.

    Decimal commas (``"4,0"``) are read too, since some spreadsheets write them.

    >>> parse_point(" 4 "), parse_point("4.0"), parse_point("4,0"), parse_point("")
    (4, 4, 4, None)
    >>> parse_point("3.5")
    3.5
    """
    text = str(text).strip()
    if text == "":
        return None
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        text = text.replace(",", ".")
    value = float(text)  # ValueError for words
    if math.isnan(value) or math.isinf(value):
        raise ValueError(text)
    return int(value) if value.is_integer() else value


def read_tables(source, what="answers"):
    """``source`` as a list of :class:`~netlearn.tables.Table`: a CSV file, a folder of them, a list, or a DataFrame."""
    if isinstance(source, pd.DataFrame):
        return [table_from_frame(source, label="the table of answers")], "the table of answers"
    if isinstance(source, Table):
        return [source], source.label
    if isinstance(source, (list, tuple)):
        tables = []
        for part in source:
            tables.extend(read_tables(part, what)[0])
        return tables, ", ".join(t.label for t in tables)
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
        if not files:
            raise DataError(f"this folder holds no CSV files of {what}.", file=str(path),
                            fix="Check the folder name; saved answers are .csv files (by default in my_responses/).")
        return [read_table(p, label=p.name) for p in files], str(path)
    return [read_table(path)], path.name


def _close(word, options, cutoff=0.6):
    found = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return f"Did you mean '{found[0]}'? " if found else ""


def _check_columns(table, allowed, instrument, required=("respondent",)):
    columns = list(table.frame.columns)
    for name in required:
        if name not in columns:
            guess = _close(name, columns, 0.7)
            if not guess:
                for alias in ("id", "respondent_id", "name", "member", "member_id", "person"):
                    if alias in columns:
                        guess = f"If '{table.header(alias)}' holds the respondents' ids, rename it to '{name}'. "
                        break
            raise DataError(f"there is no '{name}' column.", file=table.label, row=table.header_row,
                            fix=guess + f"Every row needs a '{name}' id (a code is enough). The columns found "
                                        "were: " + ", ".join(table.header(c) for c in columns) + ".")
    for name in columns:
        if name not in allowed:
            raise DataError(
                f"'{table.header(name)}' is not a column that answers to '{instrument.name}' can have.",
                file=table.label, row=table.header_row, column=table.header(name),
                fix=_close(name, allowed) + "Each item needs a column named by its id ("
                    + ", ".join(i.id for i in instrument.items[:6]) + (" ..." if len(instrument.items) > 6 else "")
                    + "; see instrument.describe()); other columns may be " + ", ".join(META_COLUMNS)
                    + ". Delete or rename any other column.")


def _rating_problem(text, item, scale, table, row, order, header):
    """None if ``text`` is a fine answer to ``item``, else a problem record."""
    points = f"{scale.min} to {scale.max}"
    try:
        value = parse_point(text)
    except ValueError:
        label_match = [p for p, lab in scale.labels.items() if lab.strip().lower() == str(text).strip().lower()]
        hint = (f"'{text}' is the label of {label_match[0]} on the scale: write {label_match[0]}. "
                if label_match else "")
        return {"kind": "text", "row": row, "column": header, "file": table.label, "order": order,
                "problem": f"'{text}' is not a number, but answers to '{item.id}' must be whole numbers from {points}.",
                "fix": hint + f"Write the number of the answer ({points}), or leave the cell blank if the question "
                              "was not answered."}
    if value is not None and value not in scale.points:
        return {"kind": "off-scale", "row": row, "column": header, "file": table.label, "order": order,
                "problem": f"{text} is not on the scale: answers to '{item.id}' must be whole numbers from {points}.",
                "fix": f"Correct the answer to a whole number from {points}, or blank it out. If the file uses "
                       "another scale, use an instrument file with that scale."}
    return None


def _parse_table(table, instrument):
    """Records (dicts) of one table, after every check on its cells."""
    items = {i.id: i for i in instrument.items}
    allowed = list(META_COLUMNS) + list(items)
    _check_columns(table, allowed, instrument)
    frame = table.frame
    problems, records = [], []
    columns = list(frame.columns)
    for position, row in enumerate(table.rows):
        cells = {c: frame.iat[position, k] for k, c in enumerate(columns)}
        if not cells["respondent"]:
            filled = [c for c in columns if cells[c]]
            problems.append({"kind": "no-id", "row": row, "column": table.header("respondent"), "file": table.label,
                             "order": -1,
                             "problem": "this row has answers but no respondent id (the first filled cell is in "
                                        f"'{table.header(filled[0])}').",
                             "fix": "Type an id for the respondent (a code such as r17 is enough), or delete the row "
                                    "if it is not a real response."})
            continue
        record = {"respondent": cells["respondent"], "file": table.label, "row": row}
        for name in META_COLUMNS[1:]:
            record[name] = cells.get(name, "")
        for k, name in enumerate(columns):
            item = items.get(name)
            if item is None:
                continue
            if item.type == "text":
                record[name] = cells[name]
                continue
            problem = _rating_problem(cells[name], item, instrument.scale, table, row, k, table.header(name))
            if problem:
                problems.append(problem)
            else:
                value = parse_point(cells[name])
                record[name] = math.nan if value is None else float(value)
        records.append(record)
    # Problems are reported in reading order: by row, then left to right.
    problems.sort(key=lambda p: (p["row"], p["order"]))
    if problems:
        first = problems[0]
        same = [p["row"] for p in problems[1:] if p["kind"] == first["kind"] and p["column"] == first["column"]]
        raise DataError(first["problem"], file=first["file"], row=first["row"], column=first["column"],
                        fix=first["fix"], more_rows=same)
    return records


def read_responses(source, instrument, *, keep="error"):
    """Read and check answers to a survey or scale: a CSV file, a folder of CSV files, or a DataFrame.

    Parameters
    ----------
    source : str, pathlib.Path, list or DataFrame
        A CSV file, a folder (every ``.csv`` in it, in name order, read as one set), a list of
        files, or a DataFrame laid out like the file (see the module description).
    instrument : Instrument or str
        The instrument answered, or its name or path (see :func:`load_instrument`).
    keep : {"error", "last"}
        A respondent id that appears twice: an error (default), or ``"last"`` to keep each
        respondent's latest row (the last in file-name and row order) - what you want for files
        saved by the course's widgets, where someone may save, change their mind and save again.

    Returns
    -------
    Responses

    Raises
    ------
    DataError
        Naming file, row (header = 1) and column: no ``respondent`` column, a column that is not
        an item, an answer off the scale or not a number, answers without a respondent id, a
        repeated respondent id (with ``keep="error"``).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"respondent": ["a", "b"], "group": ["nurse", "GP"], "pu1": [5, 4],
    ...                       "fo4": [2, None], "tx1": ["More time to meet", ""]})
    >>> answers = read_responses(frame, "network_health_check")
    >>> answers
    <Responses to 'network_health_check': 2 respondents, 2 groups, from the table of answers, no column for 17 items>
    >>> answers.answers.loc["b", ["pu1", "fo4"]].tolist(), answers.text.loc["a", "tx1"]
    ([4.0, nan], 'More time to meet')
    >>> read_responses(pd.DataFrame({"respondent": ["a"], "pu1": [7]}), "network_health_check")
    Traceback (most recent call last):
    ...
    netlearn.errors.DataError: the table of answers, row 2, column 'pu1': 7 is not on the scale: answers to 'pu1' must be whole numbers from 1 to 5.
    How to fix it: Correct the answer to a whole number from 1 to 5, or blank it out. If the file uses another scale, use an instrument file with that scale.

    Notes
    -----
    For a network leader: the checks are strict on purpose. A survey summary built on a
    mistyped answer (a 7 on a five-point scale, a comment pasted into a number column) can
    mislead a whole workshop, and it is much easier to fix the file than to explain the chart.
    """
    if keep not in _KEEP:
        raise ValueError(f"keep={keep!r} is not one of {_KEEP}.")
    if not isinstance(instrument, Instrument):
        instrument = load_instrument(instrument)
    if instrument.kind == "matrix":
        raise ValueError(f"{instrument.name!r} is a maturity matrix; read its answers with "
                         "netlearn.diagnostics.read_matrix().")
    tables, label = read_tables(source)
    records = []
    present = set()
    for table in tables:
        present.update(table.frame.columns)
        records.extend(_parse_table(table, instrument))
    superseded = 0
    first_seen, kept = {}, {}
    for record in records:
        rid = record["respondent"]
        if rid in first_seen:
            if keep == "error":
                earlier = first_seen[rid]
                where = f"row {earlier['row']}"
                if earlier["file"] != record["file"]:
                    where += f" of {earlier['file']}"
                raise DataError(
                    f"respondent '{rid}' already has answers in {where}.", file=record["file"], row=record["row"],
                    column="respondent",
                    fix="Give each respondent a different id, or delete the repeated row. If the same person saved "
                        "their answers more than once, pass keep='last' to keep only their latest answers.")
            superseded += 1
        else:
            first_seen[rid] = record
        kept[rid] = record  # a later row replaces an earlier one (keep="last")
    rows = list(kept.values())
    rating = [i.id for i in instrument.rating_items]
    texts = [i.id for i in instrument.text_items]
    index = pd.Index([r["respondent"] for r in rows], name="respondent", dtype=object)
    answers = pd.DataFrame({i: [r.get(i, math.nan) for r in rows] for i in rating}, index=index, dtype=float)
    text = pd.DataFrame({i: [r.get(i, "") for r in rows] for i in texts}, index=index, dtype=object)
    meta = pd.DataFrame({c: [r.get(c, "") for r in rows] for c in (*META_COLUMNS[1:], "file", "row")},
                        index=index, dtype=object)
    missing = tuple(i for i in rating if i not in present)
    return Responses(instrument, answers, text, meta, label, superseded, missing)
