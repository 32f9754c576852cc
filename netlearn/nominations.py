"""Mutual nominations: a pair named by both people in an undirected relation becomes one tie.

In a survey each person lists the people they know (or work with), so in an undirected relation
such as *knows* most pairs appear twice: Ann names Bo and Bo names Ann. Both rows describe the
same tie. :func:`merge_mutual_ties` keeps the first of the two rows and drops the second, and
counts how many pairs were **named by both** and how many **by one only** (one person named the
other, who did not name them back - worth a look in its own right: perhaps they forgot, or the tie
matters more to one of them). :class:`~netlearn.Network` shows these counts in its summary line
and in ``net.nominations``.

The two rows must agree about the tie:

* **Weights.** If both rows carry the same weight (or none), the tie keeps it. If they differ
  (Ann rates knowing Bo 3, Bo rates knowing Ann 1), there is no single right answer, so the rule
  must be chosen by whoever knows the survey: the ``mutual_weight`` column of ``relations.csv``
  (or ``mutual_weight=`` of :meth:`Network.from_frames`) says ``mean`` (the average of the two
  answers), ``min`` (the weaker answer: the tie is as strong as both agree it is), ``max`` (the
  stronger answer) or ``sum``. Without a rule, differing weights stop with a
  :class:`~netlearn.DataError` naming both rows and offering the rules.
* **Other tie columns** (a date, a note): equal, or blank in one of the two rows (the filled
  value is kept); a real difference is an error naming both rows.

True duplicates are still refused: the same person naming the same person twice in one relation
(``m1,m2`` on two rows) would count the tie twice, and the fix is to delete one row. In a directed
relation ``a -> b`` and ``b -> a`` are two different ties and are both kept.

>>> import pandas as pd
>>> from netlearn import Network
>>> ties = pd.DataFrame({"source": ["ann", "bo", "ann"], "target": ["bo", "ann", "cy"],
...                      "relation": "knows", "weight": [3, 1, 2]})
>>> net = Network.from_frames(None, ties, mutual_weight="mean")
>>> net.nominations["knows"]
Nominations(both=1, one_only=1)
>>> net.graph("knows")["ann"]["bo"]["weight"]  # (3 + 1) / 2
2.0
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from .errors import DataError

__all__ = ["MUTUAL_RULES", "Nominations", "merge_mutual_ties", "mutual_rule"]

#: How two different weights of one mutually named pair can be combined.
MUTUAL_RULES = {
    "mean": lambda a, b: (a + b) / 2,
    "min": min,
    "max": max,
    "sum": lambda a, b: a + b,
}
_RULE_WORDS = "mean, min, max or sum"


class Nominations(NamedTuple):
    """How the ties of one undirected relation were named (see :mod:`netlearn.nominations`)."""

    #: Pairs named by both people (two rows merged into one tie).
    both: int
    #: Pairs named by one of the two only (one row).
    one_only: int


def mutual_rule(value, *, file=None, row=None, column=None):
    """Check a ``mutual_weight`` value: one of :data:`MUTUAL_RULES`, or blank (``None``).

    >>> mutual_rule(" Mean "), mutual_rule("")
    ('mean', None)
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == "":
        return None
    word = str(value).strip().lower()
    if word not in MUTUAL_RULES:
        raise DataError(f"'{value}' is not a rule for combining the weights of a pair named by both.",
                        file=file, row=row, column=column,
                        fix=f"Write {_RULE_WORDS} (or leave it blank to be asked when two weights differ).")
    return word


def _codes(ties):
    """Integer codes of each tie's ends and relation (fast to compare and sort)."""
    ends, _ = pd.factorize(np.concatenate([ties["source"].to_numpy(dtype=object),
                                           ties["target"].to_numpy(dtype=object)]))
    relation, _ = pd.factorize(ties["relation"].to_numpy(dtype=object))
    n = len(ties)
    return ends[:n].astype(np.int64), ends[n:].astype(np.int64), relation.astype(np.int64), int(ends.max(initial=0)) + 1


def _refuse_repeats(table, ties, ordered):
    """The same tie twice in one direction (``a,b`` on two rows) would be counted twice."""
    repeated = pd.Series(ordered).duplicated(keep=False).to_numpy()
    if not repeated.any():
        return
    positions = np.flatnonzero(repeated)
    group = positions[ordered[positions] == ordered[positions[0]]]
    source, target, name = (ties[c].iloc[group[0]] for c in ("source", "target", "relation"))
    rows = " and ".join(str(table.rows[i]) for i in group) if len(group) == 2 else \
        ", ".join(str(table.rows[i]) for i in group)
    raise DataError(f"the tie {source} -> {target} ('{name}') is listed more than once (rows {rows}).",
                    file=table.label, row=table.rows[group[1]], column=table.header("target"),
                    fix=f"Keep one row per tie and delete row {table.rows[group[1]]}. If the repeats mean a stronger "
                        "tie, add them up in a 'weight' column instead.")


def _differ(a, b):
    """Element-wise: both filled and different (blank on either side is not a difference)."""
    a, b = pd.Series(a, dtype=object), pd.Series(b, dtype=object)
    filled = (a.notna() & b.notna()).to_numpy()
    return filled & (a.where(filled, 0) != b.where(filled, 0)).to_numpy()


def _merge_details(table, ties, first, second):
    """Other tie columns of a merged pair: equal, or blank in one row (the filled value is kept)."""
    for column in [c for c in ties.columns if c not in ("source", "target", "relation", "weight")]:
        a = ties[column].to_numpy(dtype=object)[first]
        b = ties[column].to_numpy(dtype=object)[second]
        differ = np.flatnonzero(_differ(a, b))
        if len(differ):
            i, j = first[differ[0]], second[differ[0]]
            name = ties["relation"].iloc[i]
            raise _pair_error(
                table, ties, i, j, column, second[differ[1:]],
                f", so the two rows are one tie, but they differ in '{table.header(column)}': "
                f"{a[differ[0]]} and {b[differ[0]]}.",
                fix="Make the two rows agree, or leave the cell blank in one of them. If each person's answer "
                    f"should stay apart, declare '{name}' directed (relations.csv, a 'directed' column, or "
                    f"read_network(..., directed={{'{name}': True}})).")
        fill = np.flatnonzero(pd.isna(a) & ~pd.isna(b))
        if len(fill):
            ties.iloc[first[fill], ties.columns.get_loc(column)] = b[fill]


def _pair_error(table, ties, i, j, column, other_rows, problem, fix):
    """The DataError for a pair named in both directions (rows ``i`` and ``j``) that cannot be one tie."""
    return DataError(
        f"the pair {ties['source'].iloc[i]}-{ties['target'].iloc[i]} is named in both directions in the "
        f"undirected relation '{ties['relation'].iloc[i]}' (rows {table.rows[i]} and {table.rows[j]}){problem}",
        file=table.label, row=table.rows[j], column=table.header(column),
        more_rows=[table.rows[k] for k in other_rows], fix=fix)


def _merge_weights(table, ties, first, second, rules):
    weights = ties["weight"].to_numpy(dtype=float).copy()
    a, b = weights[first], weights[second]
    differ = ~((a == b) | (np.isnan(a) & np.isnan(b)))
    rule_of = ties["relation"].map(rules).to_numpy(dtype=object)[first]
    for rule in MUTUAL_RULES:
        chosen = differ & (rule_of == rule)
        if chosen.any():
            weights[first[chosen]] = [float(MUTUAL_RULES[rule](x, y)) for x, y in zip(a[chosen], b[chosen])]
    unresolved = np.flatnonzero(differ & pd.isna(rule_of))
    if len(unresolved):
        i, j = first[unresolved[0]], second[unresolved[0]]
        name = ties["relation"].iloc[i]
        raise _pair_error(
            table, ties, i, j, "weight", second[unresolved[1:]],
            f" with different weights, {weights[i]:g} and {weights[j]:g}, and one tie holds one weight.",
            fix=f"Say how to combine two answers: in relations.csv, add a column 'mutual_weight' and write for "
                f"'{name}' mean (the average of the two answers), min (the weaker answer: the tie is as strong as "
                f"both agree), max (the stronger answer) or sum. Without a relations.csv, make one with the rows "
                f"'relation,directed,mutual_weight' and '{name},no,mean'. Or make the two rows agree; or, if each "
                f"person's answer should stay apart, declare '{name}' directed. (In Python: "
                f"read_network(..., mutual_weight=\"mean\"); for a report: netlearn report ... --mutual-weight mean.)")
    ties["weight"] = weights


def _rules(relations, mutual_weight):
    """relation -> rule: the relations table first, then the ``mutual_weight`` argument."""
    if isinstance(mutual_weight, dict):
        given = {name: mutual_rule(rule, column="mutual_weight") for name, rule in mutual_weight.items()}
    else:
        rule = mutual_rule(mutual_weight, column="mutual_weight")
        given = dict.fromkeys(relations.index, rule)
    declared = relations["mutual_weight"] if "mutual_weight" in relations.columns else pd.Series(dtype=object)
    rules = {}
    for name in relations.index:
        value = declared.get(name)
        rules[name] = value if isinstance(value, str) and value else given.get(name)
    return rules


def merge_mutual_ties(table, ties, relations, *, mutual_weight=None):
    """Merge pairs named by both people in undirected relations; refuse true duplicates.

    Parameters
    ----------
    table : Table
        The ties as read (for row numbers and column names in messages).
    ties : DataFrame
        Typed ties (``source``, ``target``, ``relation``, optional ``weight`` and other columns).
    relations : DataFrame
        Indexed by relation, with ``directed`` and optional ``mutual_weight``.
    mutual_weight : str or dict, optional
        Rule for relations whose ``mutual_weight`` is not declared in ``relations``: one of
        :data:`MUTUAL_RULES` for all, or ``{relation: rule}``.

    Returns
    -------
    (DataFrame, DataFrame)
        The ties with the second row of each mutual pair dropped (the first keeps its place),
        and ``relations`` with ``named_by_both`` and ``named_by_one`` columns: the counts for
        undirected relations where at least one pair was named by both, missing otherwise.
    """
    source, target, relation, size = _codes(ties)
    _refuse_repeats(table, ties, (source * size + target) * (relation.max(initial=0) + 1) + relation)
    relations = relations.copy()
    relations["named_by_both"] = pd.array([pd.NA] * len(relations), dtype="Int64")
    relations["named_by_one"] = pd.array([pd.NA] * len(relations), dtype="Int64")
    is_directed = {name: bool(value) for name, value in relations["directed"].items()}
    undirected = ~ties["relation"].map(is_directed).to_numpy(dtype=bool)
    # One key per pair in undirected relations (a-b and b-a alike), per ordered tie in directed ones.
    low = np.where(undirected, np.minimum(source, target), source)
    high = np.where(undirected, np.maximum(source, target), target)
    key = pd.Series((low * size + high) * (relation.max(initial=0) + 1) + relation)
    # Repeats in one direction were refused above, so a key occurs at most twice: a -> b and b -> a.
    second = np.flatnonzero(key.duplicated(keep="first").to_numpy())
    if not len(second):
        return ties, relations
    first = pd.Series(np.arange(len(key))).groupby(key.to_numpy()).transform("min").to_numpy()[second]
    ties = ties.copy()
    _merge_details(table, ties, first, second)
    if "weight" in ties.columns:
        _merge_weights(table, ties, first, second, _rules(relations, mutual_weight))
    merged = ties["relation"].iloc[second].value_counts()
    rows = ties["relation"].value_counts()
    for name, both in merged.items():
        relations.loc[name, "named_by_both"] = int(both)
        relations.loc[name, "named_by_one"] = int(rows[name] - 2 * both)
    keep = np.ones(len(ties), dtype=bool)
    keep[second] = False
    return ties[keep].reset_index(drop=True), relations
