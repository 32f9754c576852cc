"""Within-group agreement on a rating scale: r_wg for one question and r_wg(J) for a set.

Both compare how much a group's answers vary with how much they would vary if people answered at
random across the scale (James, Demaree and Wolf, 1984 and 1993).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import DataError
from .answers import drop_incomplete, numeric_frame

__all__ = ["rwg", "rwg_j"]


# --------------------------------------------------------------------------- r_wg


def _scale_options(scale_points):
    """The possible answers: 1..A for an integer A, or the given list."""
    if isinstance(scale_points, bool):
        raise ValueError("scale_points must be the number of answer options (e.g. 5) or a list of them.")
    if isinstance(scale_points, (int, np.integer)):
        options = list(range(1, int(scale_points) + 1))
    else:
        try:
            options = sorted(dict.fromkeys(float(x) for x in scale_points))
        except (TypeError, ValueError):
            raise ValueError(f"scale_points must be the number of answer options (e.g. 5) or a list of the "
                             f"possible answers (e.g. [-2, -1, 0, 1, 2]); got {scale_points!r}.") from None
    if len(options) < 2:
        raise ValueError("A rating scale needs at least two answer options.")
    return options


def _check_on_scale(frame, options, scale_points):
    bad = frame.notna() & ~frame.isin(options)
    if bad.any().any():
        row, column = bad.stack().loc[lambda s: s].index[0]
        shown = ", ".join(f"{o:g}" for o in options)
        hint = "" if not isinstance(scale_points, (int, np.integer)) else \
            (f" If your scale does not run from 1 to {scale_points}, pass the options, "
             "e.g. scale_points=[0, 1, 2, 3, 4].")
        raise DataError(f"The answer {frame.loc[row, column]:g} (row {row!r}) is not one of the scale's "
                        f"options ({shown}).{hint}", column=str(column),
                        fix="Correct the answer, or say which answers the scale has.")


def _uniform_variance(options):
    a = len(options)
    return (a * a - 1) / 12.0


def _answers_frame(answers, scale_points, missing, what):
    frame = answers.to_frame() if isinstance(answers, pd.Series) else pd.DataFrame(answers)
    if frame.empty:
        raise ValueError("There are no answers.")
    frame = numeric_frame(frame, "Answers")
    options = _scale_options(scale_points)
    _check_on_scale(frame, options, scale_points)
    frame, _ = drop_incomplete(frame, missing, "answers", what)
    if len(frame) < 2:
        raise ValueError(f"Agreement needs answers from at least two respondents; there are {len(frame)}.")
    return frame, _uniform_variance(options)


def rwg(answers, scale_points, *, truncate=True, missing="error"):
    """r_wg: how far members of a group agree in their answer to one rating question.

    In words: ``1 - s^2 / sigma_EU^2``, the observed variance of the answers (``s^2``, sample
    variance) compared with the variance they would have if everyone answered at random with
    every option equally likely, ``sigma_EU^2 = (A^2 - 1) / 12`` for ``A`` options.

    Parameters
    ----------
    answers : list or pandas Series
        One answer per respondent.
    scale_points : int or list
        The number of answer options ``A`` (answers then run 1..A), or the list of options
        (e.g. ``[-2, -1, 0, 1, 2]``). An answer off the scale is an error.
    truncate : bool
        When answers vary *more* than random answers would (people split between the ends of the
        scale), the formula gives a negative value. ``True`` (default, common practice) reports 0,
        "no agreement"; ``False`` returns the raw negative value.
    missing : {"error", "drop"}
        Blank answers: an error (default), or left out with a warning counting them.

    Returns
    -------
    float
        1 when everyone gave the same answer; about 0 when answers look random.

    Examples
    --------
    >>> rwg([4, 4, 4, 4], 5)
    1.0
    >>> rwg([4, 4, 5, 5], 5)  # s^2 = 1/3; sigma_EU^2 = (25 - 1) / 12 = 2; 1 - (1/3) / 2
    0.8333333333333334
    >>> rwg([1, 5, 1, 5], 5), rwg([1, 5, 1, 5], 5, truncate=False)  # s^2 = 16/3
    (0.0, -1.6666666666666665)

    Notes
    -----
    For a network leader: before quoting a group's average answer ("our members feel safe to
    fail: 3.9 out of 5"), check that members agree; an average over a split group describes
    nobody. A common (and debated) cut-off for "enough agreement" is 0.70; LeBreton & Senter
    (2008) suggest reading 0.51-0.70 as moderate, 0.71-0.90 as strong and above 0.90 as very
    strong agreement.

    References: James, L. R., Demaree, R. G. & Wolf, G. (1984). Estimating within-group
    interrater reliability with and without response bias. *Journal of Applied Psychology*,
    69(1), 85-98. LeBreton, J. M. & Senter, J. L. (2008). Answers to 20 questions about
    interrater reliability and interrater agreement. *Organizational Research Methods*, 11(4),
    815-852.
    """
    frame, expected = _answers_frame(answers, scale_points, missing, "respondent")
    if frame.shape[1] != 1:
        raise ValueError("rwg takes the answers to one question; use rwg_j for several.")
    value = 1.0 - float(frame.iloc[:, 0].var(ddof=1)) / expected
    return max(0.0, value) if truncate else value


def rwg_j(answers_df, scale_points, *, truncate=True, missing="error"):
    """r_wg(J): agreement of a group across J parallel questions (items of one scale).

    In words: with ``r`` the mean over the items of ``s^2 / sigma_EU^2`` (observed variance
    over random-answer variance, as in :func:`rwg`),
    ``r_wg(J) = J (1 - r) / (J (1 - r) + r)``. More items that agree give a higher value than
    any one item alone.

    Parameters
    ----------
    answers_df : DataFrame
        One row per respondent, one column per item.
    scale_points : int or list
        As for :func:`rwg`; the same for every item.
    truncate : bool
        When ``r`` is above 1 (answers vary more than random ones), the formula gives values
        outside 0..1; ``True`` (default, common practice) reports 0 then.
    missing : {"error", "drop"}
        A respondent with a blank answer: an error (default), or listwise deletion with a
        warning counting the respondents left out.

    Returns
    -------
    float

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"q1": [4, 4, 5, 5], "q2": [4, 4, 5, 5]})
    >>> round(rwg_j(answers, 5), 4)  # r = 1/6: 2 * (5/6) / (2 * (5/6) + 1/6) = 10/11
    0.9091

    Notes
    -----
    For a network leader: use it when several questions measure one thing (e.g. four questions
    on psychological safety) to judge whether a group's average score on the whole scale
    describes its members. With many items r_wg(J) can look high even when each item shows only
    modest agreement, so report the item values too.

    Reference: James, L. R., Demaree, R. G. & Wolf, G. (1984), as in :func:`rwg`.
    """
    frame, expected = _answers_frame(answers_df, scale_points, missing, "respondent")
    j = frame.shape[1]
    ratio = float((frame.var(ddof=1) / expected).mean())
    if truncate and ratio > 1:
        return 0.0
    denominator = j * (1 - ratio) + ratio
    if abs(denominator) < 1e-12:
        raise ValueError("r_wg(J) is undefined for these answers (its denominator is 0); use truncate=True.")
    value = j * (1 - ratio) / denominator
    return min(1.0, max(0.0, value)) if truncate else value
