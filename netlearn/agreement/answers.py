"""Checks shared by the agreement measures: the ``missing`` choice, a table of numbers, and
incomplete rows left out only with a warning that counts them.

These keep every measure in :mod:`netlearn.agreement` strict in the same way: a text answer or a
missing cell stops the calculation with a message, unless the caller asks for ``missing="drop"``.
"""

from __future__ import annotations

import warnings

import pandas as pd

from ..errors import DataError


_MISSING_CHOICES = ("error", "drop")


def check_choice(name, value, choices):
    """Stop with a plain message if ``value`` is not one of ``choices`` (e.g. for ``missing=``)."""
    if value not in choices:
        raise ValueError(f"{name}={value!r} is not one of the accepted values: "
                         f"{', '.join(repr(c) for c in choices)}.")


def numeric_frame(frame, what):
    """Every column as numbers; text that is not a number is an error naming where it is."""
    out = {}
    for column in frame.columns:
        raw = frame[column].map(lambda v: None if isinstance(v, str) and v.strip() == "" else v)
        values = pd.to_numeric(raw, errors="coerce")
        bad = values.isna() & raw.notna()
        if bad.any():
            where = bad.idxmax()
            raise DataError(f"{what} must be numbers, but {column!r} for {where!r} is "
                            f"{frame[column][where]!r}.", column=str(column),
                            fix="Correct or blank out the cells that are not numbers, and remove any column "
                                "that is not an item.")
        out[column] = values.astype(float)
    return pd.DataFrame(out, index=frame.index)


def drop_incomplete(frame, missing, what, row_word):
    """Rows with a blank cell: an error (default) that counts them, or left out with a warning."""
    check_choice("missing", missing, _MISSING_CHOICES)
    gaps = frame.isna().any(axis=1)
    if not gaps.any():
        return frame, 0
    count = int(gaps.sum())
    first = frame.index[gaps][0]
    blanks = ", ".join(map(str, frame.columns[frame.loc[first].isna()]))
    where = f"the first is {first!r}" if frame.shape[1] == 1 else f"the first, {first!r}, has none for {blanks}"
    message = f"{count} of {len(frame)} {row_word}s {'has' if count == 1 else 'have'} missing {what} ({where})."
    if missing == "error":
        raise DataError(message, fix=f"Fill in the missing {what}, or pass missing='drop' to leave out "
                                     f"every {row_word} with a gap (listwise deletion).")
    left_out = f"That {row_word} was" if count == 1 else f"Those {count} {row_word}s were"
    warnings.warn(f"{message} {left_out} left out.", UserWarning, stacklevel=3)
    return frame[~gaps], count
