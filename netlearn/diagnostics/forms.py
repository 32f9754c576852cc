"""Reading survey answers as Microsoft Forms or Google Forms export them, without retyping anything.

A form built from an instrument exports one column per statement, headed by the statement's
wording, with each answer written as the scale's label ("Often true"), not its number:

* **Microsoft Forms** ("Open in Excel"): an ``.xlsx`` workbook whose first columns are ``Id``,
  ``Start time``, ``Completion time``, ``Email`` and ``Name`` (``Last modified time`` in newer
  exports), then one column per question, a Likert question giving one column per statement;
* **Google Forms** ("Download responses (.csv)"): a ``.csv`` file starting with ``Timestamp``
  (and ``Email address`` when the form collects addresses), a grid question giving one column per
  row of the grid headed ``Question title [statement]``.

:func:`read_form_export` finds each statement's column by its wording (case, surrounding spaces,
curly or straight quotes and trailing punctuation do not matter, and a heading that could be two
statements is refused, never guessed), turns each label into its number, and hands the result to
:func:`~netlearn.diagnostics.read_responses`, so it returns the same :class:`Responses` as a
course CSV file would. Email and name columns are never read: nothing from them reaches the result.
Every problem is a :class:`~netlearn.DataError` naming the file, the row as the spreadsheet numbers
it (headings = row 1), the column by letter and heading, and the fix.

>>> import pathlib, tempfile
>>> from netlearn.diagnostics import score_respondents
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "answers.csv").write_text(
...     'Timestamp,Which cohort are you in?,"How like you is this? [I look forward to the days when work '
...     'teaches me something I did not know.]"\\n2026/11/12 9:41:07 am GMT,cohort 1,Very like me\\n')
>>> answers = read_form_export(folder / "answers.csv", "curiosity_practice",
...                            group_column="Which cohort are you in?", allow_missing=True)
>>> answers.answers["je1"].tolist(), answers.groups.tolist(), answers.answers.index.tolist()
([6.0], ['cohort 1'], ['row 2'])
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..tables import Table
from .form_sheets import Sheet, read_sheet, statement_key
from .instruments import Instrument, load_instrument
from .responses import parse_point, read_responses

__all__ = ["read_form_export", "PERSONAL_HEADINGS", "FORM_HEADINGS"]

#: Headings of columns holding who answered: never read, so nothing in them reaches the results.
PERSONAL_HEADINGS = ("email", "email address", "e-mail", "e-mail address", "your email", "your email address", "name",
                     "full name", "your name", "username", "responder", "respondent name")
#: Headings of columns the form programs add themselves (what they hold, for the course's format).
FORM_HEADINGS = {"id": "respondent", "completion time": "saved_at", "timestamp": "saved_at",
                 "start time": None, "last modified time": None}
_ROLE_WORDS = {"respondent": "each response's Id", "saved_at": "the time each response was sent",
               "group": "each person's group"}


def _statements(instrument):
    """Statement key -> the items worded that way (two items only if the instrument repeats a wording)."""
    found = {}
    for item in instrument.items:
        found.setdefault(statement_key(item.wording), []).append(item)
    return found


def _match(heading, statements):
    """The items a heading can mean: its whole text, or the part in square brackets of a grid heading."""
    whole = statements.get(statement_key(heading))
    if whole:
        return whole
    text = heading.rstrip()
    if not text.endswith("]"):
        return []
    meant = {}
    for start, char in enumerate(text):
        if char == "[":
            for item in statements.get(statement_key(text[start + 1:-1]), []):
                meant[item.id] = item
    return list(meant.values())


def _closest(heading, instrument):
    """'Did you mean ...' for a heading that is no statement (the closest wording, if any is close)."""
    wordings = {statement_key(i.wording): i for i in instrument.items}
    inner = heading.rstrip().rstrip("]").rpartition("[")[2] if heading.rstrip().endswith("]") else heading
    found = difflib.get_close_matches(statement_key(inner), list(wordings), n=1, cutoff=0.6)
    if not found:
        return ""
    item = wordings[found[0]]
    return f"The closest statement is '{item.wording}' (item {item.id}): if the column asks that, correct its heading. "


class _Columns:
    """What each column of an export holds: an item, the id, the time, the group, or nothing to read."""

    def __init__(self, sheet, instrument, group_column, ignore):
        self.sheet, self.instrument = sheet, instrument
        self.items, self.roles = {}, {}
        statements = _statements(instrument)
        group_key = statement_key(group_column) if group_column is not None else None
        ignored = {statement_key(name) for name in ignore}
        if group_key in PERSONAL_HEADINGS:
            raise DataError(f"'{group_column}' holds who answered, which is never read.", file=sheet.label,
                            fix="Give as group_column the question that asks for each person's group (for example "
                                "their organisation or role), not their name or email.")
        if group_key is not None and group_key not in {statement_key(h) for h in sheet.headings}:
            raise DataError(
                f"no column is headed '{group_column}', the group_column asked for.", file=sheet.label,
                row=sheet.header_row,
                fix=_closest_heading(group_column, sheet) + "Give group_column exactly as the question's heading "
                    "reads in the file (case and end punctuation do not matter), or leave it out.")
        for position, heading in enumerate(sheet.headings):
            key = statement_key(heading)
            if not key:
                self._blank_heading(position)
            elif key in PERSONAL_HEADINGS or key in ignored:
                continue
            elif key == group_key:
                self._role("group", position)
            elif key in FORM_HEADINGS:
                if FORM_HEADINGS[key]:
                    self._role(FORM_HEADINGS[key], position)
            else:
                self._item_column(position, heading, _match(heading, statements))

    def _role(self, role, position):
        if role in self.roles:
            raise DataError(
                f"column {self.sheet.column(self.roles[role])} already holds {_ROLE_WORDS[role]}, and so does this "
                "one, so it is not clear which to read.", file=self.sheet.label, row=self.sheet.header_row,
                column=self.sheet.column(position),
                fix="In a copy of the file, delete the column that should not be read (check both first).")
        self.roles[role] = position

    def _blank_heading(self, position):
        filled = [number for number, cells in self.sheet.rows if cells[position]]
        if filled:
            raise DataError("this column has answers but no heading, so its question is unknown.",
                            file=self.sheet.label, row=self.sheet.header_row, column=self.sheet.column(position),
                            fix="Type the statement's wording as the heading in a copy of the file, or delete the "
                                "column if it is not part of the survey.")

    def _item_column(self, position, heading, meant):
        sheet, name = self.sheet, self.instrument.name
        where = dict(file=sheet.label, row=sheet.header_row, column=sheet.column(position))
        if not meant:
            raise DataError(
                f"this heading is not a statement of '{name}', nor a column that Microsoft Forms or Google Forms "
                "adds.", **where,
                fix=_closest(heading, self.instrument) + "If the column is another question of your form, delete it "
                    "in a copy of the file, or pass ignore=[<its heading>]; if it holds each person's group, pass "
                    "group_column=<its heading>.")
        if len(meant) > 1:
            ids = " and ".join(f"{i.id} ('{i.wording}')" for i in meant)
            raise DataError(
                f"this heading could be any of {len(meant)} statements of '{name}': {ids}. It is not guessed.", **where,
                fix="Make those statements' wordings differ in the instrument file and in the form, so that each "
                    "column names exactly one.")
        item = meant[0]
        if item.id in self.items:
            raise DataError(
                f"this column holds the statement '{item.wording}' (item {item.id}), which column "
                f"{sheet.column(self.items[item.id])} holds already.", **where,
                fix="Keep one column per statement: in a copy of the file delete the column whose answers should not "
                    "count (check both first), then read the copy.")
        self.items[item.id] = position

    def check_complete(self):
        """A DataError for the first item of the instrument with no column."""
        order = [i.id for i in self.instrument.items]
        for k, item in enumerate(self.instrument.items):
            if item.id in self.items:
                continue
            before = [i for i in order[:k] if i in self.items]
            after = [i for i in order[k + 1:] if i in self.items]
            column = (self.sheet.column(self.items[before[-1]]) if before else
                      self.sheet.column(self.items[after[0]]) if after else None)
            place = ("after this column" if before else "before this column" if after else "in the file")
            raise DataError(
                f"no column holds the statement '{item.wording}' (item {item.id} of '{self.instrument.name}'); "
                f"it belongs {place}.", file=self.sheet.label, row=self.sheet.header_row, column=column,
                fix="Check that the form asked this statement and that its heading is the statement's wording. If "
                    "the form left it out on purpose, pass allow_missing=True: its answers then count as not given.")


def _closest_heading(wanted, sheet):
    headings = {statement_key(h): h for h in sheet.headings if h and statement_key(h) not in PERSONAL_HEADINGS}
    found = difflib.get_close_matches(statement_key(wanted), list(headings), n=1, cutoff=0.6)
    return f"Did you mean '{headings[found[0]]}'? " if found else ""


def _answer(text, item, scale, labels):
    """(value as text, problem or None) for one cell of an item's column."""
    if text == "" or item.type == "text":
        return text, None
    point = labels.get(statement_key(text))
    if point is not None:
        return str(point), None
    try:
        number = parse_point(text)
    except ValueError:
        number = None
    if number in scale.points:
        return str(number), None
    known = "; ".join(f"{p} = '{scale.labels[p]}'" for p in scale.points)
    close = difflib.get_close_matches(statement_key(text), list(labels), n=1, cutoff=0.6)
    hint = f"Did you mean '{scale.labels[labels[close[0]]]}'? " if close else ""
    return None, (f"'{text}' is not one of the scale's answers, so it cannot be turned into a number (item {item.id}).",
                  hint + f"The scale's answers are {known}. Correct the cell in a copy of the file to one of them "
                         "(or its number), or blank it if the statement was not answered. If the form offered other "
                         "answers, use an instrument whose scale has the form's labels.")


def _records(sheet, columns, instrument):
    """The rows as the course's format (respondent, group, saved_at, item ids), labels turned into numbers."""
    labels = {statement_key(label): point for point, label in instrument.scale.labels.items()}
    items = {i.id: i for i in instrument.items}
    id_at, problems, records, seen = columns.roles.get("respondent"), [], [], {}
    for number, cells in sheet.rows:
        respondent = cells[id_at] if id_at is not None else f"row {number}"
        if not respondent:
            problems.append((number, id_at, "no id", "this row has answers but no Id.",
                             "Forms gives every response an Id; type a new one (a number no other row has) in a copy "
                             "of the file, or delete the row if it is not a real response."))
            continue
        if respondent in seen:
            problems.append((number, id_at, "repeated id", f"Id {respondent} is also the Id of row {seen[respondent]}.",
                             "Each response has its own Id, so this row was probably copied in twice: delete the "
                             "repeated row in a copy of the file, or give it a new Id if it is a different response."))
            continue
        seen[respondent] = number
        record = {"respondent": respondent}
        for role in ("group", "saved_at"):
            record[role] = cells[columns.roles[role]] if role in columns.roles else ""
        for item_id, position in columns.items.items():
            value, problem = _answer(cells[position], items[item_id], instrument.scale, labels)
            if problem:
                problems.append((number, position, "answer", *problem))
            record[item_id] = value
        records.append((number, record))
    if problems:
        # The first problem in reading order (by row, then left to right), with the rows sharing it.
        number, position, kind, problem, fix = min(problems, key=lambda p: (p[0], -1 if p[1] is None else p[1]))
        same = [p[0] for p in problems if p[1:3] == (position, kind) and p[0] != number]
        raise DataError(problem, file=sheet.label, row=number,
                        column=sheet.column(position) if position is not None else None, fix=fix, more_rows=same)
    return records


def read_form_export(path, instrument, group_column=None, *, ignore=(), allow_missing=False):
    """Read the answers to a survey as Microsoft Forms (``.xlsx``) or Google Forms (``.csv``) export them.

    Parameters
    ----------
    path : str or pathlib.Path
        The export: Microsoft Forms' "Open in Excel" workbook, or Google Forms' "Download responses
        (.csv)" file (a Google Sheets workbook saved as ``.xlsx`` is read too).
    instrument : Instrument or str
        The instrument the form was built from, or its name or path (see :func:`load_instrument`).
        Each statement's column is found by its wording; answers may be the scale's labels or its
        numbers.
    group_column : str, optional
        The heading of the question holding each person's group (for example "Which organisation
        are you from?"), read as ``group`` for group summaries.
    ignore : sequence of str
        Headings of other questions in the form that are not part of the instrument (for example a
        consent question): not read.
    allow_missing : bool
        A statement of the instrument with no column is an error unless this is True (then its
        answers count as not given, as in :func:`read_responses`).

    Returns
    -------
    Responses
        As :func:`read_responses` returns: one row per response, indexed by the form's ``Id``
        (Microsoft Forms) or by the row of the file (``"row 2"``, Google Forms, which gives no id);
        ``meta`` holds the group and, as ``saved_at``, the completion time or timestamp. Email and
        name columns are never read. A blank answer is not answered (NaN), as in
        :func:`read_responses`.

    Raises
    ------
    DataError
        Naming file, row (headings = row 1), column (letter and heading) and the fix: a file of another
        type, a heading that is no statement (the closest suggested) or could be two, a statement in
        two columns, a statement with no column, an answer that is not on the scale, a repeated Id.

    Examples
    --------
    >>> from netlearn import datasets_folder
    >>> from netlearn.diagnostics import score_respondents
    >>> survey = read_form_export(datasets_folder() / "form_exports" / "health_check_microsoft_forms.xlsx",
    ...                           "network_health_check", group_column="Which of these best describes your role?")
    >>> survey
    <Responses to 'network_health_check': 120 respondents, 5 groups, from health_check_microsoft_forms.xlsx>
    >>> round(float(score_respondents(survey).loc["1", "purpose"]), 2)
    4.67

    Notes
    -----
    For a network leader: exporting from the form and reading the file as it comes avoids the
    slowest and most error-prone step of a survey, retyping or recoding answers by hand. The checks
    are strict so that a changed statement or an unexpected answer is noticed before a chart is
    shown to anyone.
    """
    if not isinstance(instrument, Instrument):
        instrument = load_instrument(instrument)
    if instrument.kind == "matrix":
        raise ValueError(f"{instrument.name!r} is a maturity matrix, which is discussed at tables rather than "
                         "answered in a form; read its answers with netlearn.diagnostics.read_matrix().")
    if isinstance(ignore, str):
        ignore = [ignore]
    sheet = read_sheet(path)
    columns = _Columns(sheet, instrument, group_column, ignore)
    if not allow_missing:
        columns.check_complete()
    records = _records(sheet, columns, instrument)
    return read_responses(_as_table(sheet, columns, records), instrument)


def _as_table(sheet: Sheet, columns: _Columns, records):
    """The checked rows as a :class:`~netlearn.tables.Table` in the course's format, keeping row numbers."""
    names = ["respondent", "group", "saved_at", *columns.items]
    frame = pd.DataFrame([[record[name] for name in names] for _, record in records], columns=names, dtype=object)
    headers = {item_id: sheet.column(position) for item_id, position in columns.items.items()}
    for name in ("respondent", "group", "saved_at"):
        if name in columns.roles:
            headers[name] = sheet.column(columns.roles[name])
    return Table(frame=frame, rows=[number for number, _ in records], label=Path(sheet.label).name,
                 headers=headers, header_row=sheet.header_row)
