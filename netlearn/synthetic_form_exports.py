"""Seeded synthetic survey exports, laid out as Microsoft Forms and Google Forms lay them out: tables only.

* :func:`make_microsoft_forms_export` - the 120 synthetic answers to the health check
  (:func:`netlearn.synthetic_responses.make_health_check`) as Microsoft Forms' "Open in Excel"
  workbook shows them: ``Id``, ``Start time``, ``Completion time``, ``Email``, ``Name``, the role
  question, one column per statement headed by its wording, answers as the scale's labels.
* :func:`make_google_forms_export` - the 60 synthetic curiosity answers
  (:func:`netlearn.synthetic_responses.make_curiosity`) as Google Forms' "Download responses
  (.csv)" gives them: ``Timestamp``, the cohort question, then a grid whose columns are headed
  ``Question title [statement]``.

The answers are exactly those of the course's CSV files in ``datasets/responses/``, so reading an
export gives the same scores as reading that file. Only the times, and the invented names and
email addresses of the Microsoft export (at ``example.org``, a domain kept for examples), are drawn
here, from :class:`netlearn.synthetic.StableRandom`. No person exists behind any row.
``scripts/build_form_exports.py`` writes the files to ``datasets/form_exports/``.

>>> headings, rows = make_google_forms_export()
>>> headings[:2], rows[0][:2]
(['Timestamp', 'Which cohort of the course are you in?'], ['2026/11/12 9:03:22 am GMT', 'cohort 1'])
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .diagnostics.instruments import load_instrument
from .synthetic.draws import StableRandom
from .synthetic.tables import FIRST_NAMES, LAST_NAMES
from .synthetic_responses import SEED_CURIOSITY, SEED_HEALTH_CHECK, make_curiosity, make_health_check

__all__ = ["make_microsoft_forms_export", "make_google_forms_export", "SEED_FORM_EXPORTS",
           "MICROSOFT_GROUP_QUESTION", "GOOGLE_GROUP_QUESTION", "GOOGLE_GRID_TITLE", "MICROSOFT_FORM_COLUMNS"]

SEED_FORM_EXPORTS = 2026
#: The columns Microsoft Forms puts before the questions.
MICROSOFT_FORM_COLUMNS = ("Id", "Start time", "Completion time", "Email", "Name")
MICROSOFT_GROUP_QUESTION = "Which of these best describes your role?"
GOOGLE_GROUP_QUESTION = "Which cohort of the course are you in?"
GOOGLE_GRID_TITLE = "How much is each statement like you?"


def _form_wording(wording):
    """A statement as a form builder typed it: curly apostrophes, no full stop at the end."""
    return wording.replace("'", "\u2019").rstrip(".")


def _label(instrument, value):
    return "" if pd.isna(value) else instrument.scale.labels[int(value)]


def _times(rng, start, n, mean_gap_minutes):
    """``n`` increasing whole-second times from ``start``, gaps drawn around ``mean_gap_minutes``."""
    times, now = [], start
    for _ in range(n):
        now += dt.timedelta(seconds=60 + int(rng.random() * 2 * mean_gap_minutes * 60))
        times.append(now)
    return times


def make_microsoft_forms_export(seed=SEED_FORM_EXPORTS, instrument="network_health_check"):
    """The synthetic health-check answers as Microsoft Forms exports them to Excel.

    How it is drawn: the answers are :func:`make_health_check` with its own seed, in the same
    order (``Id`` 1 is respondent ``hc001``). Completion times start on Monday 2 November 2026
    at 09:00 and follow each other by 1 to 61 minutes; each response takes 3 to 11 minutes. Each
    respondent gets an invented first name and surname (no two alike) and an address
    ``first.last@example.org``. Statement headings are typed as a form builder might: curly
    apostrophes and no full stop at the end. A blank answer is an empty cell.

    Returns
    -------
    (list of str, list of list)
        The headings, and one list of cell values per response (``Id`` an int, times as
        :class:`datetime.datetime`, everything else text, ``""`` for blank).

    Examples
    --------
    >>> headings, rows = make_microsoft_forms_export()
    >>> headings[:6], len(rows), rows[0][0]
    (['Id', 'Start time', 'Completion time', 'Email', 'Name', 'Which of these best describes your role?'], 120, 1)
    """
    instrument = instrument if hasattr(instrument, "items") else load_instrument(instrument)
    answers = make_health_check(SEED_HEALTH_CHECK, instrument)
    rng = StableRandom(seed)
    people = rng.sample([(f, s) for f in FIRST_NAMES for s in LAST_NAMES], len(answers))
    finished = _times(rng, dt.datetime(2026, 11, 2, 9, 0), len(answers), 30)
    headings = [*MICROSOFT_FORM_COLUMNS, MICROSOFT_GROUP_QUESTION,
                *[_form_wording(i.wording) for i in instrument.items]]
    rows = []
    for k, (record, (first, last), done) in enumerate(zip(answers.to_dict("records"), people, finished), start=1):
        began = done - dt.timedelta(seconds=180 + int(rng.random() * 480))
        cells = [k, began, done, f"{first}.{last}@example.org".lower(), f"{first} {last}", record["group"]]
        for item in instrument.items:
            cells.append(record[item.id] if item.type == "text" else _label(instrument, record[item.id]))
        rows.append(cells)
    return headings, rows


def make_google_forms_export(seed=SEED_FORM_EXPORTS, instrument="curiosity_practice"):
    """The synthetic curiosity answers as Google Forms downloads them (``Download responses (.csv)``).

    How it is drawn: the answers are :func:`make_curiosity` with its own seed, in the same order
    (row 2 is respondent ``cu01``). Timestamps start on Thursday 12 November 2026 at 09:00 and follow
    each other by 1 to 21 minutes, written as Google writes them (``2026/11/12 9:03:22 am GMT``).
    The statements form one grid question, so each heading is ``GOOGLE_GRID_TITLE [statement]``
    with the statement exactly as worded. The form collects no email addresses.

    Returns
    -------
    (list of str, list of list of str)
        The headings and one row of text cells per response (``""`` for blank).

    Examples
    --------
    >>> headings, rows = make_google_forms_export()
    >>> print(headings[2])
    How much is each statement like you? [I look forward to the days when work teaches me something I did not know.]
    >>> rows[0][2]
    'Quite like me'
    """
    instrument = instrument if hasattr(instrument, "items") else load_instrument(instrument)
    answers = make_curiosity(SEED_CURIOSITY, instrument)
    rng = StableRandom(seed)
    stamps = _times(rng, dt.datetime(2026, 11, 12, 9, 0), len(answers), 10)
    headings = ["Timestamp", GOOGLE_GROUP_QUESTION, *[f"{GOOGLE_GRID_TITLE} [{i.wording}]" for i in instrument.items]]
    rows = []
    for record, stamp in zip(answers.to_dict("records"), stamps):
        hour = stamp.hour % 12 or 12
        when = f"{stamp:%Y/%m/%d} {hour}:{stamp:%M:%S} {'am' if stamp.hour < 12 else 'pm'} GMT"
        rows.append([when, record["group"], *[_label(instrument, record[i.id]) for i in instrument.items]])
    return headings, rows
