"""Diagnostic results as a leader reads them: tables with words for headings and names for ids.

The scoring and matrix functions return DataFrames with short column names (``median_recorded``,
``rwg_j``) that suit code and tests. The notebooks and the workshop view show them through the
functions here, so a room sees the same words wherever the figures appear, every number rounded
and no explanatory text cut off (see :func:`netlearn.display.table_for_learners`).

>>> import netlearn
>>> from netlearn.diagnostics import read_matrix, room_summary, table_conversation
>>> talk = table_conversation(read_matrix(netlearn.datasets_folder() / "responses" / "matrix_workshop.csv"))
>>> shown = room_summary_table(room_summary(talk))
>>> shown.columns[:3]
['dimension', 'tables', 'middle level recorded (median)']
>>> shown.frame.iloc[0, 0]
'Shared purpose'
"""

from __future__ import annotations

import html

from ..display import table_for_learners
from .matrix import describe_table

__all__ = ["ROOM_SUMMARY_WORDS", "GROUP_SUMMARY_WORDS", "room_summary_table", "group_summary_table",
           "comments_table", "table_guides_html"]

#: Column of :func:`~netlearn.diagnostics.room_summary` -> the words a room sees.
ROOM_SUMMARY_WORDS = {
    "name": "dimension",
    "tables": "tables",
    "median_recorded": "middle level recorded (median)",
    "lowest_recorded": "lowest level recorded",
    "highest_recorded": "highest level recorded",
    "iqr_recorded": "spread between tables (interquartile range)",
    "median_gap": "middle gap to target (median)",
    "tables_prioritising": "tables choosing it as a priority",
    "note": "note",
}

#: Column of :func:`~netlearn.diagnostics.group_summary` -> the words a room sees.
GROUP_SUMMARY_WORDS = {
    "group": "group",
    "dimension": "dimension",
    "n": "people",
    "mean": "average",
    "sd": "spread (standard deviation)",
    "rwg_j": "agreement within the group (r_wg(J), 0 to 1)",
    "alpha": "items hang together (alpha, 0 to 1)",
    "note": "note",
}


def room_summary_table(summary, *, caption=None):
    """The maturity matrix's room summary with a heading in words for every column.

    Parameters
    ----------
    summary : DataFrame
        From :func:`~netlearn.diagnostics.room_summary`.
    caption : str, optional
    """
    columns = [c for c in ROOM_SUMMARY_WORDS if c in summary.columns]
    return table_for_learners(summary, columns=columns, labels=ROOM_SUMMARY_WORDS, show_index=False, caption=caption)


def group_summary_table(summary, instrument, *, caption=None):
    """A health-check or scale summary by group, with dimension names and headings in words.

    The average's heading gives the instrument's scale (for example "average (1 to 5)").

    >>> import netlearn
    >>> from netlearn.diagnostics import group_summary, load_instrument, read_responses
    >>> check = load_instrument("network_health_check")
    >>> answers = read_responses(netlearn.datasets_folder() / "responses" / "health_check.csv", check)
    >>> shown = group_summary_table(group_summary(answers), check)
    >>> shown.columns[:4]
    ['group', 'dimension', 'people', 'average (1 to 5)']
    """
    words = dict(GROUP_SUMMARY_WORDS)
    words["mean"] = f"average ({instrument.scale.min} to {instrument.scale.max})"
    columns = [c for c in words if c in summary.columns]
    return table_for_learners(summary, columns=columns, labels=words, show_index=False, caption=caption,
                              names={d.id: d.name for d in instrument.dimensions})


def comments_table(comments, *, caption=None):
    """Free-text answers (from :func:`~netlearn.diagnostics.free_text`): the question asked and the comment."""
    columns = [c for c in ("wording", "comment") if c in comments.columns]
    return table_for_learners(comments, columns=columns, labels={"wording": "question asked"}, show_index=False,
                              caption=caption)


def table_guides_html(conversation, tables):
    """Each table's guide (:func:`~netlearn.diagnostics.describe_table`) as short paragraphs, escaped.

    >>> import netlearn
    >>> from netlearn.diagnostics import read_matrix, table_conversation
    >>> talk = table_conversation(read_matrix(netlearn.datasets_folder() / "responses" / "matrix_workshop.csv"))
    >>> table_guides_html(talk, ["Table 1"]).count("<p")
    3
    """
    parts = ["<h4>A guide for each table</h4>"]
    for table in tables:
        lines = [line for line in describe_table(conversation, table).splitlines() if line.strip()]
        parts.append("".join(f'<p style="margin:0.2em 0">{html.escape(line)}</p>' for line in lines))
    return '<div class="netlearn-table-guides">' + "".join(parts) + "</div>"
