"""What counts as a missing value: one rule for every module that reads members' attributes.

A spreadsheet cell left blank arrives as an empty (or all-space) string, pandas marks a gap as
``NaN``, ``pd.NA`` or ``NaT``, and Python code passes ``None``. Measures, tables for learners and
the report all treat these alike, as "not recorded", and never as a category of their own.

>>> [is_missing(v) for v in (None, float("nan"), "", "  ", "0", 0, "north")]
[True, True, True, True, False, False, False]
"""

from __future__ import annotations

import math

__all__ = ["is_missing"]


def is_missing(value):
    """True for ``None``, NaN (Python or numpy), pandas' ``NA``/``NaT`` and blank text.

    >>> import pandas as pd
    >>> is_missing(pd.NA), is_missing(pd.NaT), is_missing(pd.Timestamp("2026-12-06"))
    (True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if type(value).__name__ in ("NAType", "NaTType"):          # pandas' missing markers
        return True
    if isinstance(value, float) or type(value).__name__ in ("float32", "float64", "float16"):
        return math.isnan(value)
    return False
