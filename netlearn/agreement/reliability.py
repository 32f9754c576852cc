"""Reliability of a scale: do a set of questions hang together well enough to be added up?

Cronbach's alpha (Cronbach, 1951).
"""

from __future__ import annotations

import pandas as pd

from .answers import drop_incomplete, numeric_frame

__all__ = ["cronbach_alpha"]


# --------------------------------------------------------------------------- Cronbach's alpha


def cronbach_alpha(items_df, *, missing="error"):
    """Cronbach's alpha: do a set of questions hang together as one scale?

    In words: with ``k`` items, ``alpha = k / (k - 1) * (1 - sum of item variances / variance
    of the total score)``, using sample variances. When items rise and fall together the total
    varies much more than the items one by one, and alpha is near 1.

    Parameters
    ----------
    items_df : DataFrame
        One row per respondent, one column per item (numbers; reverse-score negatively worded
        items first).
    missing : {"error", "drop"}
        A respondent with a blank answer: an error (default), or listwise deletion (respondents
        with any blank are left out) with a warning counting them.

    Returns
    -------
    float
        At most 1. It can be negative when items pull against each other (often an item that
        should have been reverse-scored).

    Raises
    ------
    ValueError
        Fewer than two items or two respondents, or a total score with no variance.

    Examples
    --------
    Three respondents, three items. Each item's answers (1, 2, 3 in some order) have variance 1,
    so the item variances add up to 3; the totals 4, 6, 8 have variance 4; alpha =
    3/2 * (1 - 3/4) = 0.375.

    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [1, 2, 3], "q2": [1, 3, 2], "q3": [2, 1, 3]})
    >>> cronbach_alpha(items)
    0.375
    >>> cronbach_alpha(pd.DataFrame({"q1": [1, 2, 3], "q2": [1, 2, 3]}))
    1.0

    Notes
    -----
    For a network leader: when a diagnostic adds several questions into one score (say, trust in
    the network), alpha says whether that adding-up is reasonable. A common rule of thumb
    reads 0.70 or more as enough for early, exploratory use, and it is usually traced to
    Nunnally (1978), who asked for higher values when scores are used to decide about people;
    treat it as a convention, not a test. Very high values (above 0.95) may mean the
    questions repeat each other. Alpha is not evidence that the questions measure only one
    thing.

    References: Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
    *Psychometrika*, 16(3), 297-334. Nunnally, J. C. (1978). *Psychometric Theory* (2nd ed.).
    New York: McGraw-Hill.
    """
    frame = numeric_frame(pd.DataFrame(items_df), "Answers")
    k = frame.shape[1]
    if k < 2:
        raise ValueError(f"Cronbach's alpha needs at least two items (columns); there is {k}.")
    frame, _ = drop_incomplete(frame, missing, "answers", "respondent")
    if len(frame) < 2:
        raise ValueError(f"Cronbach's alpha needs at least two respondents with complete answers; there "
                         f"are {len(frame)}.")
    total_variance = float(frame.sum(axis=1).var(ddof=1))
    if total_variance <= 0:
        raise ValueError("Every respondent has the same total score, so alpha is undefined (it divides by "
                         "the variance of the totals).")
    item_variances = float(frame.var(ddof=1).sum())
    return k / (k - 1) * (1.0 - item_variances / total_variance)
