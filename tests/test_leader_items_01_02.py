"""Episodes 01 and 02: the leader-track items' graded values checked against independent
computations (plain pandas, networkx's own shortest paths, hand formulas), that the best decision
really is the best, and that the exercises no longer ask what the lesson has just printed.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import netlearn
from netlearn.exercises import know_your_network as ex02
from netlearn.exercises import purpose as ex01
from netlearn.purpose import PRIORITY_LABELS, REASONS_TO_PRIORITIES

REPO = Path(__file__).resolve().parents[1]
NET = netlearn.load_dataset("q_community")
MEMBERS = NET.members.set_index("id")
RANKINGS = NET.tables["purpose_rankings"].set_index("member_id")
KNOWS = NET.graph("knows")


def notebook_text(path):
    return "\n".join("".join(cell["source"]) for cell in json.loads((REPO / path).read_text())["cells"])


# --------------------------------------------------------------------------- independent computations
def served_share(priorities):
    """Share of members with at least one reason for joining that serves one of ``priorities`` (plain pandas)."""
    reasons = MEMBERS["reasons_for_joining"].fillna("").str.split(";")
    served = reasons.map(lambda rs: any(set(REASONS_TO_PRIORITIES.get(r.strip(), ())) & set(priorities)
                                        for r in rs if r.strip()))
    counted = reasons.map(lambda rs: any(r.strip() for r in rs))
    return served[counted].sum() / counted.sum()


def kendalls_w(ranks):
    """Kendall's W for complete rankings without ties: 12 S / (m^2 (n^3 - n))."""
    m, n = ranks.shape
    totals = ranks.sum(axis=0)
    s = ((totals - totals.mean()) ** 2).sum()
    return 12 * s / (m ** 2 * (n ** 3 - n))


def eta_squared(values, groups):
    """Share of the variance of ``values`` that lies between the means of ``groups``."""
    values, groups = np.asarray(values, float), np.asarray(groups)
    between = sum((groups == g).sum() * (values[groups == g].mean() - values.mean()) ** 2 for g in np.unique(groups))
    return between / ((values - values.mean()) ** 2).sum()


def dependence(G, hub):
    """Share of shortest routes between pairs of the hub's fellow members that pass through the hub."""
    others = [v for v in G if v != hub]
    shares = []
    for s, t in itertools.combinations(others, 2):
        if nx.has_path(G, s, t):
            paths = list(nx.all_shortest_paths(G, s, t))
            shares.append(sum(hub in p[1:-1] for p in paths) / len(paths))
    return sum(shares) / len(shares)


def circle(member):
    return KNOWS.subgraph({member} | set(KNOWS[member])).copy()


# --------------------------------------------------------------------------- episode 01
def test_rankings_are_complete_permutations_so_the_plain_formula_applies():
    assert (np.sort(RANKINGS.to_numpy(), axis=1) == np.arange(1, 7)).all()


def test_01_q2_is_the_sector_with_the_lowest_w():
    sector = MEMBERS.loc[RANKINGS.index, "sector"]
    w = {s: kendalls_w(RANKINGS[sector == s].to_numpy()) for s in sector.unique()}
    weakest = min(w, key=w.get)
    assert weakest == "local authority"
    assert ex01.q2.evaluate(weakest).status == "correct"
    assert ex01.q2.evaluate("London").status == "incorrect"


def test_01_q3_is_the_region_most_split_about_policy():
    region = MEMBERS.loc[RANKINGS.index, "region"]
    spread = {r: np.var(RANKINGS.loc[region == r, "influence_policy"].to_numpy()) for r in region.unique()}
    most = max(spread, key=spread.get)
    assert ex01.q3.evaluate(most).status == "correct"
    assert sorted(spread, key=spread.get)[-1] == sorted(spread, key=lambda r: np.var(
        RANKINGS.loc[region == r, "influence_policy"].to_numpy(), ddof=1))[-1], "same answer with ddof=1"


def test_01_exercises_no_longer_ask_what_the_lesson_prints():
    lesson = notebook_text("notebooks/01_purpose.ipynb")
    # the lesson computes agreement by region and the divisive priority; the exercises ask by sector and
    # where the divisive priority splits members most, which the lesson never shows
    assert "attribute=\"sector\"" not in lesson and "'sector'" not in lesson
    assert ex01.q2.solution_code.count("sector") >= 2 and "region" not in ex01.q2.solution_code
    for answer in ("local authority", "Midlands"):
        assert answer not in lesson
    assert "groupby" not in lesson and "var(" not in lesson


def test_01_q7_prediction_matches_the_share_of_variance_each_grouping_explains():
    policy = RANKINGS["influence_policy"]
    shares = {"region": eta_squared(policy, MEMBERS.loc[policy.index, "region"]),
              "clinician": eta_squared(policy, MEMBERS.loc[policy.index, "stakeholder"] == "clinician"),
              "years": eta_squared(policy, MEMBERS.loc[policy.index, "years_in_community"] <= 2)}
    assert max(shares.values()) < 0.2
    assert ex01.q7.answer_key() == (2,)  # C: within every region
    message = ex01.q7.evaluate("A").message
    assert f"only {shares['region']:.0%}" in message and f"{shares['clinician']:.0%}" in message


def test_01_q8_ranking_values_match_a_plain_count_of_reasons():
    expected = [served_share([p]) for p in ("share_learning", "influence_policy", "peer_support",
                                            "spread_improvements")]
    assert ex01.q8.values() == pytest.approx(expected)
    assert ex01.q8.answer_key() == tuple(np.argsort(expected)[::-1])
    assert ex01.q8.evaluate(["C", "D", "A", "B"]).status == "correct"


def test_01_q9_every_outcome_and_the_best_decision():
    others = [p for p in PRIORITY_LABELS if p != "partner_with_patients"]
    outcomes = ex01.q9.outcomes()
    for combo, value in outcomes.items():
        assert value == pytest.approx(served_share(["partner_with_patients", *[others[i] for i in combo]]))
    best, best_value = ex01.q9.best()
    assert [others[i] for i in best] == ["spread_improvements", "peer_support"]
    assert best_value == pytest.approx(134 / 150)
    # strictly best, by more than the tolerance: no other choice counts as right
    assert all(best_value - value > ex01.q9.tolerance for combo, value in outcomes.items() if combo != best)
    # the members' top two by average rank are a typical, worse choice
    top_two = tuple(sorted(others.index(p) for p in RANKINGS.mean().nsmallest(2).index))
    assert ex01.q9.evaluate(list(top_two)).status == "incorrect"
    assert "develop my skills" in ex01.q9.evaluate(["B", "D"]).message


# --------------------------------------------------------------------------- episode 02
def test_02_q7_hamzas_circle_is_a_hub_with_spokes():
    value = dependence(circle("q126"), "q126")
    assert value == pytest.approx(65 / 66)  # 66 pairs of 12 contacts; one pair is tied directly
    assert ex02.q7.answer_key() == (3,)
    assert "98% of the shortest routes" in ex02.q7.evaluate("D").message


def test_02_q8_ranking_matches_shortest_path_counts():
    members = ("q062", "q108", "q126", "q027")
    expected = [dependence(circle(m), m) for m in members]
    assert ex02.q8.values() == pytest.approx(expected)
    assert ex02.q8.answer_key() == (2, 3, 0, 1)
    # the lead has the most contacts but is not the most relied on
    assert max(members, key=KNOWS.degree) == "q062" and ex02.q8.answer_key()[0] != 0


def test_02_q9_every_outcome_and_the_best_decision():
    offered = [("q012", "q081"), ("q065", "q049"), ("q028", "q069"), ("q005", "q081"), ("q007", "q082"),
               ("q075", "q005")]
    outcomes = ex02.q9.outcomes()
    assert len(outcomes) == 15
    for combo, value in outcomes.items():
        G = circle("q126")
        G.add_edges_from(offered[i] for i in combo)
        assert value == pytest.approx(dependence(G, "q126"))
    best, best_value = ex02.q9.best()
    assert best == (0, 3)  # both to Kemi Hussain, who already knows Farah Roberts: a second hub
    assert all(value - best_value > ex02.q9.tolerance for combo, value in outcomes.items() if combo != best)
    message = ex02.q9.evaluate(["B", "C"]).message
    # the feedback says, in words, the dependence with no introduction, after this choice and after the best
    assert "98.5%" in message and "95.5%" in message and "93.2%" in message
    assert "Kemi Hussain knows 3 of them" in ex02.q9.evaluate(["A", "D"]).message


def test_02_q10_is_the_lowest_dependence_any_single_introduction_reaches():
    G = circle("q113")
    contacts = sorted(G["q113"])
    best = min(dependence(nx.Graph(list(G.edges) + [(a, b)]), "q113")
               for a, b in itertools.combinations(contacts, 2) if not G.has_edge(a, b))
    assert ex02.q10.check(best).status == "correct"
    assert ex02.q10.check(dependence(G, "q113")).status == "incorrect"
