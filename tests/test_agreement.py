"""Kendall's W (checked against scipy's Friedman test, with and without ties), r_wg, r_wg(J) and
Cronbach's alpha (checked against hand-worked values and an independent formula), their
properties, and the errors for incomplete or impossible answers."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import netlearn
from netlearn import DataError
from netlearn.agreement import (cronbach_alpha, kendalls_w, kendalls_w_by_group, most_divisive_item, rwg,
                                rwg_j)

FAST = settings(max_examples=60, deadline=None)


def random_rankings(rng, m, n, ties=False):
    """m raters each ranking n items; with ties, raters give scores 1..3 that are then ranked."""
    if ties:
        scores = rng.integers(1, 4, size=(m, n))
        return pd.DataFrame(stats.rankdata(scores, axis=1), columns=[f"item{j}" for j in range(n)])
    return pd.DataFrame([rng.permutation(n) + 1 for _ in range(m)], columns=[f"item{j}" for j in range(n)])


def friedman_w(frame):
    m, n = frame.shape
    return stats.friedmanchisquare(*frame.to_numpy().T).statistic / (m * (n - 1))


# --------------------------------------------------------------------------- Kendall's W


def test_w_hand_worked_without_ties():
    # Rank totals 4, 6, 8 around a mean of 6: S = 8; W = 12 * 8 / (3^2 * (3^3 - 3)) = 96 / 216.
    ranks = pd.DataFrame({"learn": [1, 2, 1], "spread": [2, 1, 3], "influence": [3, 3, 2]})
    result = kendalls_w(ranks)
    assert result.w == pytest.approx(96 / 216)
    assert (result.m, result.n, result.df) == (3, 3, 2)
    assert result.chi2 == pytest.approx(3 * 2 * 96 / 216)
    assert result.p_value == pytest.approx(stats.chi2.sf(result.chi2, 2))
    assert result.interpretation.startswith("W = 0.44: moderate agreement")


def test_w_hand_worked_with_ties():
    # The third rater ties the first two items: ranks 1.5, 1.5, 3. Totals 3.5, 5.5, 9, mean 6:
    # S = 6.25 + 0.25 + 9 = 15.5. That rater's T = 2^3 - 2 = 6.
    # Corrected: W = 12 * 15.5 / (9 * 24 - 3 * 6) = 186 / 198. Uncorrected: 186 / 216.
    ranks = pd.DataFrame({"a": [1, 1, 1.5], "b": [2, 2, 1.5], "c": [3, 3, 3]})
    assert kendalls_w(ranks).w == pytest.approx(186 / 198)
    assert kendalls_w(ranks, ties="ignore").w == pytest.approx(186 / 216)
    # A spreadsheet's RANK() writes the tie as 1, 1, 3: read as an order, it is the same ranking.
    spreadsheet = pd.DataFrame({"a": [1, 1, 1], "b": [2, 2, 1], "c": [3, 3, 3]})
    assert kendalls_w(spreadsheet).w == pytest.approx(186 / 198)


@pytest.mark.parametrize("ties", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_w_equals_scipy_friedman_divided_by_m_n_minus_1(seed, ties):
    rng = np.random.default_rng(seed)
    frame = random_rankings(rng, m=int(rng.integers(3, 30)), n=int(rng.integers(3, 8)), ties=ties)
    if ties and np.all(frame.nunique(axis=1) == 1):
        pytest.skip("every rater tied everything")
    result = kendalls_w(frame)
    assert result.w == pytest.approx(friedman_w(frame), rel=1e-9)
    assert result.chi2 == pytest.approx(stats.friedmanchisquare(*frame.to_numpy().T).statistic, rel=1e-9)
    assert result.p_value == pytest.approx(stats.friedmanchisquare(*frame.to_numpy().T).pvalue, rel=1e-6)


@FAST
@given(st.integers(2, 12), st.integers(2, 7), st.integers(0, 10 ** 6), st.booleans())
def test_w_properties(m, n, seed, ties):
    rng = np.random.default_rng(seed)
    frame = random_rankings(rng, m, n, ties)
    if np.all(frame.nunique(axis=1) == 1):
        return
    w = kendalls_w(frame).w
    assert 0 <= w <= 1
    # Invariant to the order of the items and of the raters.
    columns = list(frame.columns)
    rng.shuffle(columns)
    assert kendalls_w(frame[columns]).w == pytest.approx(w)
    assert kendalls_w(frame.sample(frac=1, random_state=seed)).w == pytest.approx(w)
    # Everyone giving the first rater's ranking: perfect agreement.
    same = pd.DataFrame([frame.iloc[0].tolist()] * m, columns=frame.columns)
    if frame.iloc[0].nunique() > 1:
        assert kendalls_w(same).w == pytest.approx(1.0)


def test_w_reads_the_member_id_column_and_reports_dropped_raters():
    ranks = pd.DataFrame({"member_id": ["q1", "q2", "q3", "q4"], "a": [1, 1, 2, None], "b": [2, 3, 1, 1],
                          "c": [3, 2, 3, 2]})
    with pytest.raises(DataError, match="1 of 4 raters has missing ranks \\(the first, 'q4', has none for a\\)"):
        kendalls_w(ranks)
    with pytest.warns(UserWarning, match="That rater was left out"):
        result = kendalls_w(ranks, missing="drop")
    assert result.dropped == 1 and result.m == 3
    assert result.w == pytest.approx(kendalls_w(ranks.iloc[:3]).w)
    assert "1 rater(s) with incomplete rankings were left out" in result.interpretation


def test_w_rejects_values_that_are_not_ranks():
    frame = pd.DataFrame({f"p{j}": [j, 7 - j] for j in range(1, 7)})
    bad = frame.copy()
    bad.loc[0, "p3"] = 7
    with pytest.raises(DataError, match="Ranks run from 1 to 6.*gave 'p3' the rank 7"):
        kendalls_w(bad)
    bad.loc[0, "p3"] = 0
    with pytest.raises(DataError, match="rank 0"):
        kendalls_w(bad)
    text = frame.astype(object)
    text.loc[1, "p2"] = "second"
    with pytest.raises(DataError, match="must be numbers.*'second'"):
        kendalls_w(text)


def test_w_needs_two_raters_two_items_and_some_order():
    with pytest.raises(ValueError, match="at least two raters"):
        kendalls_w(pd.DataFrame({"a": [1], "b": [2]}))
    with pytest.raises(ValueError, match="at least two items"):
        kendalls_w(pd.DataFrame({"a": [1, 1]}))
    with pytest.raises(ValueError, match="Every rater tied every item"):
        kendalls_w(pd.DataFrame({"a": [1, 1], "b": [1, 1]}))
    with pytest.raises(ValueError, match="ties='maybe' is not one of"):
        kendalls_w(pd.DataFrame({"a": [1, 2], "b": [2, 1]}), ties="maybe")


def test_w_by_group_hand_worked():
    # north: both rank a, b, c: W = 1. south: (1, 3, 2) and (3, 1, 2): totals 4, 4, 4: W = 0.
    # all: totals 6, 8, 10 around 8: S = 8; W = 12 * 8 / (16 * 24) = 0.25.
    ranks = pd.DataFrame({"member_id": ["n1", "n2", "s1", "s2"], "a": [1, 1, 1, 3], "b": [2, 2, 3, 1],
                          "c": [3, 3, 2, 2]})
    groups = pd.Series({"n1": "north", "n2": "north", "s1": "south", "s2": "south"})
    table = kendalls_w_by_group(ranks, groups)
    assert table.index.tolist() == ["north", "(all)", "south"]
    assert table["w"].tolist() == pytest.approx([1.0, 0.25, 0.0])
    assert table["raters"].tolist() == [2, 4, 2]
    assert kendalls_w_by_group(ranks, ["north", "north", "south", "south"], include_all=False).index.tolist() == \
        ["north", "south"]


def test_w_by_group_small_groups_and_missing_groups():
    ranks = pd.DataFrame({"member_id": ["a", "b", "c"], "x": [1, 1, 2], "y": [2, 2, 1]})
    table = kendalls_w_by_group(ranks, {"a": "g1", "b": "g1", "c": "g2"})
    assert math.isnan(table.loc["g2", "w"]) and "at least two" in table.loc["g2", "interpretation"]
    assert table.index[-1] == "g2"
    with pytest.raises(DataError, match="1 rater\\(s\\) have no group \\(c\\)"):
        kendalls_w_by_group(ranks, {"a": "g1", "b": "g1"})
    with pytest.raises(ValueError, match="groups has 2 entries but there are 3 raters"):
        kendalls_w_by_group(ranks, ["g1", "g2"])


def test_most_divisive_item_hand_worked():
    # influence is ranked 1, 1, 4, 4: mean 2.5, variance 2.25 (dividing by 4); chance (16 - 1) / 12 = 1.25.
    ranks = pd.DataFrame({"learn": [2, 2, 1, 1], "spread": [3, 4, 2, 3], "skills": [4, 3, 3, 2],
                          "influence": [1, 1, 4, 4]})
    result = most_divisive_item(ranks)
    assert (result.item, result.variance, result.chance_variance) == ("influence", 2.25, 1.25)
    table = result.table
    assert table.loc["influence", "iqr"] == pytest.approx(3.0)  # quartiles 1 and 4
    assert table.loc["influence", "spread_vs_chance"] == pytest.approx(1.8)
    assert table.loc["influence", ["share_top", "share_bottom"]].tolist() == [0.5, 0.5]
    assert table.loc["learn", "variance"] == pytest.approx(0.25)
    assert most_divisive_item(ranks, by="iqr").item == "influence"
    assert "'influence' divides raters most" in str(result)


def test_most_divisive_item_finds_a_planted_split():
    # Half the raters put "polar" first, half last; the other five items share the rest at random.
    rng = np.random.default_rng(3)
    rows = []
    for i in range(40):
        polar = 1 if i % 2 else 6
        rest = rng.permutation([r for r in range(1, 7) if r != polar])
        rows.append([*rest, polar])
    frame = pd.DataFrame(rows, columns=["a", "b", "c", "d", "e", "polar"])
    result = most_divisive_item(frame)
    assert result.item == "polar" and result.variance == pytest.approx(6.25)
    assert result.table.loc["polar", "spread_vs_chance"] > 2


# --------------------------------------------------------------------------- r_wg


def test_rwg_known_values():
    assert rwg([3, 3, 3, 3, 3], 5) == 1.0  # everyone agrees
    # s^2 of 4, 4, 5, 5 is 1/3; sigma_EU^2 = (5^2 - 1) / 12 = 2: 1 - (1/3) / 2 = 5/6.
    assert rwg([4, 4, 5, 5], 5) == pytest.approx(5 / 6)
    # Answers spread evenly over the five options look random: r_wg about 0 (the sample variance
    # 2 * 1000 / 999 is a touch above 2, so the raw value is -0.001 and the reported one 0).
    uniform = [1, 2, 3, 4, 5] * 200
    assert rwg(uniform, 5) == 0.0
    assert rwg(uniform, 5, truncate=False) == pytest.approx(-1 / 999)
    # Split between the ends: raw value far below 0.
    assert rwg([1, 5, 1, 5], 5, truncate=False) == pytest.approx(1 - (16 / 3) / 2)
    # A scale from -2 to 2 given as its options.
    assert rwg([-1, -1, 0, 0], [-2, -1, 0, 1, 2]) == pytest.approx(1 - (1 / 3) / 2)


def test_rwg_errors():
    with pytest.raises(DataError, match="answer 6 .*not one of the scale's options.*scale_points=\\[0, 1, 2, 3, 4\\]"):
        rwg([1, 6], 5)
    with pytest.raises(DataError, match="1 of 3 respondents has missing answers"):
        rwg([1, None, 2], 5)
    with pytest.warns(UserWarning, match="\\(the first is 1\\). That respondent was left out"):
        assert rwg([4, None, 4], 5, missing="drop") == 1.0
    with pytest.raises(ValueError, match="at least two respondents"):
        rwg([3], 5)
    with pytest.raises(ValueError, match="at least two answer options"):
        rwg([1, 1], 1)
    with pytest.raises(ValueError, match="number of answer options"):
        rwg([1, 1], True)
    with pytest.raises(DataError, match="must be numbers"):
        rwg(["agree", "agree"], 5)


@FAST
@given(st.lists(st.integers(1, 7), min_size=2, max_size=40))
def test_rwg_is_between_zero_and_one_when_truncated(answers):
    assert 0 <= rwg(answers, 7) <= 1
    assert rwg(answers, 7, truncate=False) <= 1


def test_rwg_j_known_values():
    # Two items each with s^2 = 1/3; r = (1/3) / 2 = 1/6: 2 * (5/6) / (2 * (5/6) + 1/6) = 10/11.
    answers = pd.DataFrame({"q1": [4, 4, 5, 5], "q2": [5, 5, 4, 4]})
    assert rwg_j(answers, 5) == pytest.approx(10 / 11)
    # One item: r_wg(J) is r_wg.
    assert rwg_j(answers[["q1"]], 5) == pytest.approx(rwg(answers["q1"], 5))
    # Identical answers everywhere: 1.
    assert rwg_j(pd.DataFrame({"a": [2, 2], "b": [3, 3]}), 5) == 1.0
    # More variance than random on average: reported as 0, raw value outside 0..1.
    split = pd.DataFrame({"a": [1, 5, 1, 5], "b": [1, 5, 1, 5]})
    assert rwg_j(split, 5) == 0.0
    assert not 0 <= rwg_j(split, 5, truncate=False) <= 1


def test_rwg_j_listwise_deletion():
    answers = pd.DataFrame({"q1": [4, 4, 5, 5, 1], "q2": [5, 5, 4, 4, None]})
    with pytest.raises(DataError, match="1 of 5 respondents has missing answers"):
        rwg_j(answers, 5)
    with pytest.warns(UserWarning, match="That respondent was left out"):
        assert rwg_j(answers, 5, missing="drop") == pytest.approx(10 / 11)


@FAST
@given(st.integers(2, 15), st.integers(1, 5), st.integers(0, 10 ** 6))
def test_rwg_j_is_between_zero_and_one(respondents, items, seed):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(rng.integers(1, 6, size=(respondents, items)))
    assert 0 <= rwg_j(frame, 5) <= 1


# --------------------------------------------------------------------------- Cronbach's alpha


def alpha_from_covariances(frame):
    """Independent formula: k * mean covariance / (mean variance + (k - 1) * mean covariance)."""
    cov = frame.cov().to_numpy()
    k = cov.shape[0]
    mean_variance = np.trace(cov) / k
    mean_covariance = (cov.sum() - np.trace(cov)) / (k * (k - 1))
    return k * mean_covariance / (mean_variance + (k - 1) * mean_covariance)


def test_alpha_hand_worked():
    # Each item holds 1, 2, 3 in some order: variance 1 each, sum 3. Totals 4, 6, 8: variance 4.
    # alpha = 3/2 * (1 - 3/4) = 0.375.
    items = pd.DataFrame({"q1": [1, 2, 3], "q2": [1, 3, 2], "q3": [2, 1, 3]})
    assert cronbach_alpha(items) == pytest.approx(0.375)
    # Identical items: alpha = 1.
    assert cronbach_alpha(pd.DataFrame({"a": [1, 2, 4, 5], "b": [1, 2, 4, 5]})) == pytest.approx(1.0)
    # Two items pulling against each other: total constant but for one respondent, alpha negative.
    assert cronbach_alpha(pd.DataFrame({"a": [1, 2, 3, 4], "b": [4, 3, 2, 2]})) < 0


@pytest.mark.parametrize("seed", range(5))
def test_alpha_matches_the_covariance_formula(seed):
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(30, 1))
    frame = pd.DataFrame(base + rng.normal(scale=1.5, size=(30, 4)), columns=list("abcd"))
    assert cronbach_alpha(frame) == pytest.approx(alpha_from_covariances(frame))


@FAST
@given(st.integers(2, 20), st.integers(2, 6), st.integers(0, 10 ** 6))
def test_alpha_is_at_most_one(respondents, items, seed):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(rng.integers(1, 6, size=(respondents, items)))
    if frame.sum(axis=1).var() == 0:
        return
    assert cronbach_alpha(frame) <= 1 + 1e-12


def test_alpha_errors_and_missing_answers():
    with pytest.raises(ValueError, match="at least two items"):
        cronbach_alpha(pd.DataFrame({"a": [1, 2, 3]}))
    with pytest.raises(ValueError, match="at least two respondents"):
        cronbach_alpha(pd.DataFrame({"a": [1], "b": [2]}))
    with pytest.raises(ValueError, match="same total score"):
        cronbach_alpha(pd.DataFrame({"a": [1, 2], "b": [2, 1]}))
    items = pd.DataFrame({"q1": [1, 2, 3, None], "q2": [1, 3, 2, 2], "q3": [2, 1, 3, 1]})
    with pytest.raises(DataError, match="(?s)1 of 4 respondents has missing answers.*missing='drop'"):
        cronbach_alpha(items)
    with pytest.warns(UserWarning, match="left out"):
        assert cronbach_alpha(items, missing="drop") == pytest.approx(0.375)


# --------------------------------------------------------------------------- q_community


def load(name):
    """A shipped dataset (they are committed, so a failure to load is a real failure)."""
    return netlearn.load_dataset(name)


def test_q_community_purpose_rankings():
    net = load("q_community")
    rankings = net.tables["purpose_rankings"]
    result = kendalls_w(rankings)
    assert result.m == 150 and result.n == 6
    assert result.w == pytest.approx(friedman_w(rankings.set_index("member_id")))
    assert 0.2 < result.w < 0.6  # moderate overall, as planted
    table = kendalls_w_by_group(rankings, net, attribute="region")
    assert table.loc["North", "w"] > table.loc["London", "w"]  # least noise in North, most in London
    assert most_divisive_item(rankings).item == "influence_policy"
