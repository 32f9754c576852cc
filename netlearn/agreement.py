"""How far members agree: on a network's priorities, on survey answers, and within a scale.

A network with a shared purpose can act together; one whose members want different things has
to talk about it first. These measures put a number on agreement so that a leader can see it,
compare groups, and find the question that divides people:

* :func:`kendalls_w` - do members rank the network's priorities in the same order? With
  :func:`kendalls_w_by_group` per region or group, and :func:`most_divisive_item` for the
  priority that splits them most.
* :func:`rwg` and :func:`rwg_j` - do members of a group give the same answer to a survey
  question (or a set of questions) on a rating scale?
* :func:`cronbach_alpha` - do a set of questions hang together well enough to be added up
  into one score?

>>> import pandas as pd
>>> ranks = pd.DataFrame({"learn": [1, 1, 2], "spread": [2, 3, 1], "influence": [3, 2, 3]})
>>> round(kendalls_w(ranks).w, 3)  # rank totals 4, 6, 8: S = 8, W = 12 * 8 / (3**2 * (3**3 - 3))
0.444

Missing answers are never dropped silently: by default they stop the calculation with a message
that counts them, and ``missing="drop"`` leaves out the incomplete rows with a warning saying how
many.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from .errors import DataError

__all__ = ["KendallW", "DivisiveItem", "kendalls_w", "kendalls_w_by_group", "most_divisive_item",
           "rwg", "rwg_j", "cronbach_alpha"]

_MISSING_CHOICES = ("error", "drop")


def _check_choice(name, value, choices):
    if value not in choices:
        raise ValueError(f"{name}={value!r} is not one of the accepted values: "
                         f"{', '.join(repr(c) for c in choices)}.")


def _numeric_frame(frame, what):
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


def _drop_incomplete(frame, missing, what, row_word):
    """Rows with a blank cell: an error (default) that counts them, or left out with a warning."""
    _check_choice("missing", missing, _MISSING_CHOICES)
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


# --------------------------------------------------------------------------- Kendall's W


@dataclass
class KendallW:
    """Kendall's coefficient of concordance and its test.

    Attributes
    ----------
    w : float
        Between 0 (no shared order) and 1 (every rater gives the same order).
    chi2 : float
        Friedman's chi-square, ``m * (n - 1) * w``.
    df : int
        Degrees of freedom, ``n - 1``.
    p_value : float
        Chance of a W this large if raters ranked at random (chi-square approximation).
    m, n : int
        Raters and items used.
    dropped : int
        Raters left out because they did not rank every item (only with ``missing="drop"``).
    interpretation : str
        The result in plain words.
    """

    w: float
    chi2: float
    df: int
    p_value: float
    m: int
    n: int
    dropped: int = 0
    interpretation: str = field(default="", repr=False)

    def __str__(self):
        return self.interpretation


def _rank_matrix(rankings, id_column, missing):
    """Validated rankings as mid-ranks (rows = raters), and the number of raters dropped."""
    if not isinstance(rankings, pd.DataFrame):
        rankings = pd.DataFrame(rankings)
    if id_column is not None and id_column in rankings.columns:
        rankings = rankings.set_index(id_column)
    n = rankings.shape[1]
    if n < 2:
        raise ValueError(f"Kendall's W needs at least two items to rank; the table has {n} column(s) of "
                         "ranks.")
    frame = _numeric_frame(rankings, "Ranks")
    outside = frame.notna() & ((frame < 1) | (frame > n))
    if outside.any().any():
        rater, item = outside.stack().loc[lambda s: s].index[0]
        raise DataError(f"Ranks run from 1 to {n} (the number of items), but {rater!r} gave {item!r} "
                        f"the rank {frame.loc[rater, item]:g}; {int(outside.values.sum())} rank(s) are out "
                        "of range.", column=str(item),
                        fix=f"Use 1 for the most important item and {n} for the least.")
    frame, dropped = _drop_incomplete(frame, missing, "ranks", "rater")
    if len(frame) < 2:
        raise ValueError(f"Kendall's W needs at least two raters with complete rankings; there are "
                         f"{len(frame)}.")
    ranks = stats.rankdata(frame.to_numpy(), axis=1, method="average")
    return pd.DataFrame(ranks, index=frame.index, columns=frame.columns), dropped


def _tie_sum(ranks):
    """Sum over raters of sum over groups of tied ranks of (t^3 - t)."""
    total = 0.0
    for row in ranks:
        counts = np.unique(row, return_counts=True)[1]
        total += float((counts ** 3 - counts).sum())
    return total


def _w_words(w):
    """Plain words for W, reading Schmidt's (1997) anchors .1, .3, .5, .7, .9 as band centres."""
    for limit, words in ((0.2, "very weak"), (0.4, "weak"), (0.6, "moderate"), (0.8, "strong")):
        if w < limit:
            return words
    return "very strong"


def _w_interpretation(w, p, m, n, dropped):
    text = (f"W = {w:.2f}: {_w_words(w)} agreement among {m} raters on the order of {n} items. ")
    if p < 0.05:
        text += f"Agreement this strong is unlikely if raters ranked at random (p = {p:.2g})."
    else:
        text += f"It could well arise if raters ranked at random (p = {p:.2g})."
    if dropped:
        text += f" {dropped} rater(s) with incomplete rankings were left out."
    return text


def kendalls_w(rankings, ties="correct", *, id_column="member_id", missing="error"):
    """Kendall's W: how far do raters agree on the order of a set of items?

    In words: add up each item's ranks over the ``m`` raters; S is the sum of squared
    differences between those totals and their mean. Then
    ``W = 12 S / (m^2 (n^3 - n) - m * sum_j T_j)``, where ``n`` is the number of items and
    ``T_j`` adds ``t^3 - t`` over each group of ``t`` items that rater ``j`` tied. W is 1 when
    every rater gives the same order and near 0 when their orders have nothing in common.
    Friedman's chi-square is ``m (n - 1) W`` on ``n - 1`` degrees of freedom.

    Parameters
    ----------
    rankings : DataFrame
        One row per rater (member), one column per item (priority); each value is the rank that
        rater gave the item, 1 = most important. A column named ``id_column`` (default
        ``"member_id"``), if present, holds the raters' ids and is not an item.
    ties : {"correct", "ignore"}
        Tied items share the average of the ranks they cover (two items tied for first both get
        1.5). ``"correct"`` (default) applies the tie correction above, so W can still reach 1;
        ``"ignore"`` leaves out the ``T_j`` term (Kendall's formula without ties).
    id_column : str or None
        See ``rankings``.
    missing : {"error", "drop"}
        A rater who left an item unranked: an error (default) that counts such raters, or
        ``"drop"`` to leave them out (``dropped`` says how many, and a warning too).

    Returns
    -------
    KendallW
        ``w``, ``chi2``, ``df``, ``p_value``, ``m``, ``n``, ``dropped`` and ``interpretation``.

    Raises
    ------
    DataError
        For a rank outside 1..n, text that is not a number, or missing ranks (by default).
    ValueError
        Fewer than two raters or two items, or every rater tying every item.

    Examples
    --------
    Three members rank three priorities. Rank totals are 4, 6, 8; their mean is 6, so
    S = 4 + 0 + 4 = 8 and W = 12 * 8 / (9 * (27 - 3)) = 0.444...

    >>> import pandas as pd
    >>> ranks = pd.DataFrame({"member_id": ["ann", "bo", "cy"], "learn": [1, 2, 1],
    ...                       "spread": [2, 1, 3], "influence": [3, 3, 2]})
    >>> result = kendalls_w(ranks)
    >>> round(result.w, 4), round(result.chi2, 4), result.df
    (0.4444, 2.6667, 2)
    >>> print(result)
    W = 0.44: moderate agreement among 3 raters on the order of 3 items. It could well arise if raters ranked at random (p = 0.26).

    Notes
    -----
    For a network leader: high W means members already share a sense of what the network is
    for; low W means the purpose needs discussing before it can guide action. Compare groups
    with :func:`kendalls_w_by_group`. The p-value uses the chi-square approximation, which is
    rough with few raters (fewer than about ten); the value of W itself is exact. The words
    (very weak ... very strong) follow Schmidt's (1997) anchors and are a guide, not a rule.

    The result equals ``scipy.stats.friedmanchisquare`` divided by ``m (n - 1)``, with ties too,
    since scipy applies the same tie correction.

    References: Kendall, M. G. & Babington Smith, B. (1939). The problem of m rankings. *Annals
    of Mathematical Statistics*, 10(3), 275-287. Schmidt, R. C. (1997). Managing Delphi surveys
    using nonparametric statistical techniques. *Decision Sciences*, 28(3), 763-774.
    """
    _check_choice("ties", ties, ("correct", "ignore"))
    ranks, dropped = _rank_matrix(rankings, id_column, missing)
    m, n = ranks.shape
    totals = ranks.sum(axis=0).to_numpy()
    s = float(((totals - totals.mean()) ** 2).sum())
    correction = m * _tie_sum(ranks.to_numpy()) if ties == "correct" else 0.0
    denominator = m * m * (n ** 3 - n) - correction
    if denominator <= 1e-12 * m * m * (n ** 3 - n):
        raise ValueError("Every rater tied every item, so the rankings say nothing about order and W is "
                         "undefined.")
    w = min(1.0, max(0.0, 12.0 * s / denominator))
    chi2 = m * (n - 1) * w
    p = float(stats.chi2.sf(chi2, n - 1))
    return KendallW(w, chi2, n - 1, p, m, n, dropped, _w_interpretation(w, p, m, n, dropped))


def _group_labels(rankings, groups, attribute, id_column):
    """One group label per row of rankings, from a Series/dict, a list or a Network."""
    index = rankings[id_column] if id_column is not None and id_column in rankings.columns else \
        pd.Series(rankings.index, index=rankings.index)
    if hasattr(groups, "members") and isinstance(groups.members, pd.DataFrame):  # a Network
        if attribute not in groups.members.columns:
            raise ValueError(f"Members have no {attribute!r}; their columns are: "
                             f"{', '.join(map(str, groups.members.columns))}.")
        groups = groups.members.set_index("id")[attribute]
    if isinstance(groups, dict):
        groups = pd.Series(groups, dtype=object)
    if isinstance(groups, pd.Series):
        labels = index.map(groups)
    else:
        labels = pd.Series(list(groups), dtype=object)
        if len(labels) != len(rankings):
            raise ValueError(f"groups has {len(labels)} entries but there are {len(rankings)} raters.")
    labels = pd.Series(list(labels), index=rankings.index, dtype=object)
    unknown = labels.isna()
    if unknown.any():
        shown = ", ".join(map(str, list(index[unknown.to_numpy()])[:10]))
        raise DataError(f"{int(unknown.sum())} rater(s) have no group ({shown}).",
                        fix="Give every rater a group, or remove their rankings before comparing groups. "
                            "A Series or dict of groups is matched on the raters' ids (the "
                            f"'{id_column}' column, or else the row labels).")
    return labels


def kendalls_w_by_group(rankings, groups, *, attribute="group", ties="correct", id_column="member_id",
                        missing="error", include_all=True):
    """Kendall's W within each group (e.g. region), to see where members agree most.

    In words: :func:`kendalls_w` computed separately on the raters of each group.

    Parameters
    ----------
    rankings, ties, id_column, missing
        As for :func:`kendalls_w`.
    groups : pandas Series, dict, list or Network
        Each rater's group: a Series or dict from rater id to group, a list in the order of the
        rows of ``rankings``, or a Network (its members' ``attribute`` column is used).
    attribute : str
        With a Network: which member column holds the group (default ``"group"``).
    include_all : bool
        Add a first row, ``"(all)"``, with W over every rater.

    Returns
    -------
    DataFrame
        One row per group, highest W first: ``raters``, ``w``, ``chi2``, ``df``, ``p_value``,
        ``interpretation``. A group with fewer than two raters with complete rankings has W NaN
        and says so in ``interpretation``.

    Examples
    --------
    >>> import pandas as pd
    >>> ranks = pd.DataFrame({"a": [1, 1, 1, 3], "b": [2, 2, 3, 1], "c": [3, 3, 2, 2]})
    >>> table = kendalls_w_by_group(ranks, ["north", "north", "south", "south"])
    >>> table[["raters", "w"]]  # north agree exactly; south's two orders cancel out
           raters     w
    group
    north       2  1.00
    (all)       4  0.25
    south       2  0.00

    Notes
    -----
    For a network leader: a region with low W may need its own conversation about purpose; a
    region with high W but a different order from the others has a shared view that the network
    as a whole should hear. Small groups give unstable values.
    """
    if not isinstance(rankings, pd.DataFrame):
        rankings = pd.DataFrame(rankings)
    labels = _group_labels(rankings, groups, attribute, id_column)
    rows = {}
    if include_all:
        rows["(all)"] = _w_row(rankings, ties, id_column, missing)
    for label in sorted(labels.unique(), key=str):
        rows[label] = _w_row(rankings[(labels == label).to_numpy()], ties, id_column, missing)
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "group"
    return table.sort_values("w", ascending=False, na_position="last", kind="stable")


def _w_row(rankings, ties, id_column, missing):
    try:
        result = kendalls_w(rankings, ties, id_column=id_column, missing=missing)
    except ValueError as error:
        if "at least two raters" not in str(error):
            raise
        return {"raters": int(len(rankings)), "w": math.nan, "chi2": math.nan, "df": math.nan,
                "p_value": math.nan, "interpretation": "Too few raters with complete rankings for W "
                                                       "(it needs at least two)."}
    return {"raters": result.m, "w": result.w, "chi2": result.chi2, "df": result.df,
            "p_value": result.p_value, "interpretation": result.interpretation}


@dataclass
class DivisiveItem:
    """The item whose ranks are most spread out, and the spread of every item.

    Attributes
    ----------
    item : str
        The most divisive item.
    variance : float
        Its rank variance.
    chance_variance : float
        The rank variance expected if raters ranked at random, ``(n^2 - 1) / 12``.
    table : DataFrame
        Every item, most divisive first (see :func:`most_divisive_item`).
    interpretation : str
    """

    item: str
    variance: float
    chance_variance: float
    table: pd.DataFrame = field(repr=False)
    interpretation: str = field(repr=False)

    def __str__(self):
        return self.interpretation


def most_divisive_item(rankings, *, by="variance", id_column="member_id", missing="error"):
    """Which item (priority) divides raters most: the one whose ranks are most spread out.

    In words: for each item, the variance of the ranks it received (the mean squared distance
    from its mean rank, dividing by the number of raters) and the interquartile range (the
    middle half of its ranks). The most divisive item has the largest variance (or IQR, with
    ``by="iqr"``; ties are broken by the other measure).

    Parameters
    ----------
    rankings, id_column, missing
        As for :func:`kendalls_w`; ties get average ranks in the same way.
    by : {"variance", "iqr"}
        Which spread picks the most divisive item.

    Returns
    -------
    DivisiveItem
        ``item``, ``variance``, ``chance_variance``, ``interpretation`` and ``table`` with one row
        per item: ``mean_rank``, ``median_rank``, ``variance``, ``iqr``, ``share_top`` (share of
        raters putting it in the top third of ranks), ``share_bottom`` (bottom third) and
        ``spread_vs_chance`` (variance divided by ``(n^2 - 1) / 12``).

    Examples
    --------
    Two raters put "influence" first and two put it last. Its ranks 1, 1, 4, 4 have mean 2.5 and
    variance 2.25, against (4^2 - 1) / 12 = 1.25 for random ranks; no other item varies as much:

    >>> import pandas as pd
    >>> ranks = pd.DataFrame({"learn": [2, 2, 1, 1], "spread": [3, 4, 2, 3],
    ...                       "skills": [4, 3, 3, 2], "influence": [1, 1, 4, 4]})
    >>> result = most_divisive_item(ranks)
    >>> result.item, result.variance, result.chance_variance
    ('influence', 2.25, 1.25)

    Notes
    -----
    For a network leader: a spread larger than chance (``spread_vs_chance`` above 1) means
    members are split into camps - some put the item near the top, others near the bottom. That
    is the conversation to have: an average rank in the middle can hide strong views on both
    sides.
    """
    _check_choice("by", by, ("variance", "iqr"))
    ranks, _ = _rank_matrix(rankings, id_column, missing)
    n = ranks.shape[1]
    chance = (n * n - 1) / 12.0
    third = n / 3.0
    table = pd.DataFrame({
        "mean_rank": ranks.mean(),
        "median_rank": ranks.median(),
        "variance": ranks.var(ddof=0),
        "iqr": ranks.quantile(0.75) - ranks.quantile(0.25),
        "share_top": (ranks <= third).mean(),
        "share_bottom": (ranks > n - third).mean(),
    })
    table["spread_vs_chance"] = table["variance"] / chance
    other = "iqr" if by == "variance" else "variance"
    table = table.sort_values([by, other], ascending=False, kind="stable")
    table.index.name = "item"
    top = table.iloc[0]
    words = (f"{table.index[0]!r} divides raters most: rank variance {top['variance']:.2f} against "
             f"{chance:.2f} if ranks were random; {top['share_top']:.0%} put it in the top third and "
             f"{top['share_bottom']:.0%} in the bottom third.")
    return DivisiveItem(str(table.index[0]), float(top["variance"]), chance, table, words)


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
    frame = _numeric_frame(frame, "Answers")
    options = _scale_options(scale_points)
    _check_on_scale(frame, options, scale_points)
    frame, _ = _drop_incomplete(frame, missing, "answers", what)
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
    the network), alpha says whether that adding-up is reasonable. Values of 0.70 or more are
    usually taken as acceptable (Nunnally, 1978); very high values (above 0.95) may mean the
    questions repeat each other. Alpha is not evidence that the questions measure only one
    thing.

    References: Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
    *Psychometrika*, 16(3), 297-334. Nunnally, J. C. (1978). *Psychometric Theory* (2nd ed.).
    New York: McGraw-Hill.
    """
    frame = _numeric_frame(pd.DataFrame(items_df), "Answers")
    k = frame.shape[1]
    if k < 2:
        raise ValueError(f"Cronbach's alpha needs at least two items (columns); there is {k}.")
    frame, _ = _drop_incomplete(frame, missing, "answers", "respondent")
    if len(frame) < 2:
        raise ValueError(f"Cronbach's alpha needs at least two respondents with complete answers; there "
                         f"are {len(frame)}.")
    total_variance = float(frame.sum(axis=1).var(ddof=1))
    if total_variance <= 0:
        raise ValueError("Every respondent has the same total score, so alpha is undefined (it divides by "
                         "the variance of the totals).")
    item_variances = float(frame.var(ddof=1).sum())
    return k / (k - 1) * (1.0 - item_variances / total_variance)
