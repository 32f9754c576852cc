"""Reading the tables of stories and evaluation plans: a CSV file, a DataFrame or a list of rows.

Every row keeps the number a spreadsheet shows for it (the header is row 1), so a problem is
reported where the person can find it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..tables import read_table, table_from_frame

__all__ = ["read_rows"]


def read_rows(source, *, label, columns):
    """A :class:`~netlearn.tables.Table` of ``source`` with every column in ``columns``.

    ``source`` is the path of a CSV file, a DataFrame, or a list of dicts (one a row, keyed by
    column name). Column names are matched without regard to case or spaces.

    >>> table = read_rows([{"Cycle": "immediate", "claim": "a tip"}], label="story", columns=["cycle", "claim"])
    >>> table.frame.to_dict("records"), table.rows
    ([{'cycle': 'immediate', 'claim': 'a tip'}], [2])
    >>> read_rows([{"claim": "a tip"}], label="story", columns=["cycle", "claim"])
    Traceback (most recent call last):
    ...
    netlearn.errors.DataError: story: there is no column 'cycle' (the columns are: claim).
    How to fix it: Add a column called 'cycle' with the header in row 1.
    """
    if isinstance(source, (str, Path)):
        table = read_table(source)
    elif isinstance(source, pd.DataFrame):
        table = table_from_frame(source, label=label)
    elif isinstance(source, (list, tuple)) and all(isinstance(row, dict) for row in source):
        if not source:
            raise DataError("there are no rows.", file=label, fix="Give at least one row.")
        table = table_from_frame(pd.DataFrame(list(source)), label=label)
    else:
        raise DataError(f"expected a CSV file, a DataFrame or a list of rows, got {type(source).__name__}.",
                        file=label, fix="Pass the path of a CSV file, a pandas DataFrame, or a list of dicts "
                                        "such as [{'cycle': 'immediate', 'claim': '...', 'evidence': '...'}].")
    for column in columns:
        if column not in table.frame.columns:
            found = ", ".join(table.header(c) for c in table.frame.columns) or "none"
            raise DataError(f"there is no column '{column}' (the columns are: {found}).", file=table.label,
                            fix=f"Add a column called '{column}' with the header in row {table.header_row}.")
    if table.frame.empty:
        raise DataError("there are no rows below the header.", file=table.label, fix="Add at least one row.")
    return table
