"""Rank agreement: do members put the network's priorities in the same order?

Kendall's W (with the correction for tied ranks), the same per region or group, and the priority
that divides members most.

>>> import pandas as pd
>>> ranks = pd.DataFrame({"learn": [1, 2], "spread": [2, 1]})
>>> kendalls_w(ranks).w
0.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..display import Readable, p_value_words, words
from ..errors import DataError
from .answers import check_choice, drop_incomplete, numeric_frame

__all__ = ["KendallW", "DivisiveItem", "kendalls_w", "kendalls_w_by_group", "most_divisive_item"]


# --------------------------------------------------------------------------- Kendall's W


@dataclass(repr=False)
class KendallW(Readable):
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

    def describe(self):
        """W in plain words and whether chance could explain it (the p-value is in the analyst detail).

        >>> KendallW(0.4, 300.0, 5, 3.1e-63, 150, 6)
        W = 0.40: moderate agreement among 150 raters on the order of 6 items. That is more agreement than random rankings would give.
        """
        chance = ("That is more agreement than random rankings would give." if self.p_value < 0.05 else
                  "Random rankings could easily agree this much, so do not read a shared order into it.")
        text = f"W = {self.w:.2f}: {_w_words(self.w)} agreement among {self.m} raters on the order of {self.n} items. "
        left_out = f" {self.dropped} rater(s) with incomplete rankings were left out." if self.dropped else ""
        return text + chance + left_out

    def analyst_detail(self):
        return {"Kendall's W": f"{self.w:.3f}",
                "Friedman's chi-square": f"{self.chi2:.2f} on {self.df} degrees of freedom",
                "p-value (chi-square approximation)": f"{p_value_words(self.p_value)} ({self.p_value:.2g})",
                "raters, items": f"{self.m}, {self.n}"}


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
    frame = numeric_frame(rankings, "Ranks")
    outside = frame.notna() & ((frame < 1) | (frame > n))
    if outside.any().any():
        rater, item = outside.stack().loc[lambda s: s].index[0]
        raise DataError(f"Ranks run from 1 to {n} (the number of items), but {rater!r} gave {item!r} "
                        f"the rank {frame.loc[rater, item]:g}; {int(outside.values.sum())} rank(s) are out "
                        "of range.", column=str(item),
                        fix=f"Use 1 for the most important item and {n} for the least.")
    frame, dropped = drop_incomplete(frame, missing, "ranks", "rater")
    if len(frame) < 2:
        raise ValueError(f"Kendall's W needs at least two raters with complete rankings; there are "
                         f"{len(frame)}.")
    from scipy import stats  # imported on first use: scipy.stats alone costs more than pandas

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
    check_choice("ties", ties, ("correct", "ignore"))
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
    from scipy import stats

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


@dataclass(repr=False)
class DivisiveItem(Readable):
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

    def describe(self, label=None):
        """The most divisive item (called ``label`` if given) in words: who puts it high, who low.

        The rank variances behind it are in :meth:`analyst_detail`.
        """
        top = self.table.loc[self.item] if self.item in self.table.index else {}
        shares = (f": {top['share_top']:.0%} put it in their top third and {top['share_bottom']:.0%} in their "
                  "bottom third" if "share_top" in top else "")
        spread = ("Its ranks are more spread out than random ranking would give: raters are split over it."
                  if self.variance > self.chance_variance else
                  "Even so, its ranks are no more spread out than random ranking would give.")
        return f"'{label or words(self.item)}' divides raters most{shares}. {spread}"

    def analyst_detail(self):
        return {"rank variance of this item": f"{self.variance:.2f}",
                "rank variance if raters ranked at random": f"{self.chance_variance:.2f}",
                "ratio (above 1: more divided than chance)": f"{self.variance / self.chance_variance:.2f}"}


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
    check_choice("by", by, ("variance", "iqr"))
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
