"""Leader-track items of episodes 08, 09 and 10 (issue #13), checked against independent computations.

Each graded value (a prediction's answer, a ranking's values, every outcome of a decision) is
recomputed here from the raw CSV files or the graph with plain pandas, numpy and networkx, without
the library function the item uses, and the best decision is checked to be really best.
"""

from __future__ import annotations

import itertools
import math
from collections import deque

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import yaml

import netlearn
from netlearn.exercises import diagnostics as ex08
from netlearn.exercises import q_community_at_scale as ex09
from netlearn.exercises import your_own_network as ex10

RESPONSES = netlearn.datasets_folder() / "responses"
INSTRUMENTS = netlearn.datasets_folder() / "instruments"
LETTERS = "ABCDEFGHIJ"


@pytest.fixture(scope="module")
def knows():
    return netlearn.load_dataset("q_community").graph("knows")


def _letters(indices):
    return [LETTERS[i] for i in indices]


# ====================================================================== episode 08
@pytest.fixture(scope="module")
def matrix_rows():
    return pd.read_csv(RESPONSES / "matrix_workshop.csv", dtype=str, keep_default_na=False)


def _table_priorities(rows, n_priorities=3):
    """Each table's priorities by the rule in the matrix's method, worked from the raw answers."""
    order = list(dict.fromkeys(rows["dimension"]))
    priorities = {}
    for table, part in rows.groupby("table", sort=True):
        marked = part["priority"].str.strip().str.lower()
        if (marked != "").any():
            priorities[table] = set(part.loc[marked == "yes", "dimension"])
            continue
        gaps = []
        for dim, answers in part.groupby("dimension"):
            answers = answers[answers["current"].str.strip() != ""]
            current = answers["current"].astype(int)
            target = math.floor(answers.loc[answers["target"].str.strip() != "", "target"].astype(float).median())
            gaps.append((target - current.min(), current.max() - current.min(), -order.index(dim), dim))
        gaps.sort(reverse=True)
        priorities[table] = {dim for gap, _, _, dim in gaps[:n_priorities] if gap > 0}
    return priorities


def test_08_prediction_lowest_form_group_from_raw_answers():
    instrument = yaml.safe_load((INSTRUMENTS / "network_health_check.yaml").read_text(encoding="utf-8"))
    low, high = instrument["scale"]["min"], instrument["scale"]["max"]
    items = [item for item in instrument["items"] if item.get("dimension") == "form"]
    answers = pd.read_csv(RESPONSES / "health_check.csv", dtype=str, keep_default_na=False)
    scores = []
    for _, row in answers.iterrows():
        given = []
        for item in items:
            cell = row[item["id"]].strip()
            if cell:
                value = float(cell)
                given.append(high + low - value if item["reverse"] in (True, "yes") else value)
        if len(given) >= math.ceil(len(items) / 2):
            scores.append((row["group"], sum(given) / len(given)))
    means = pd.DataFrame(scores, columns=["group", "score"]).groupby("group")["score"].mean()
    shown = {g: means[g] for g in ex08.FORM_GROUPS}
    assert min(shown, key=shown.get) == "clinician"
    assert max(shown.values()) - min(shown.values()) >= 0.1          # not "all three within a tenth"
    assert ex08.q7.answer_key() == (ex08.FORM_GROUPS.index("clinician"),)
    for group, mean in shown.items():
        assert f"{mean:.2f}" in ex08.q7._reveal()
    assert ex08.q7.evaluate("Clinicians").status == "correct"


def test_08_ranking_follows_the_widest_range_first(matrix_rows):
    table = matrix_rows[matrix_rows["table"] == ex08.RANKED_TABLE]
    ranges = {dim: int(part["current"].astype(int).max() - part["current"].astype(int).min())
              for dim, part in table.groupby("dimension")}
    chosen = [ranges[dim] for dim in ex08.RANKED_DIMENSIONS]
    assert len(set(chosen)) == len(chosen), "the four ranges differ, so the order needs no tie-break"
    expected = sorted(range(len(chosen)), key=lambda i: -chosen[i])
    assert list(ex08.q8.answer_key()) == expected
    assert ex08.q8.evaluate(_letters(expected)).status == "correct"
    assert ex08.q8.evaluate(_letters(expected[::-1])).status == "incorrect"
    assert _letters(expected) == ["B", "D", "A", "C"]                # Learning, Shared purpose, Governance, Leadership


def test_08_decision_counts_tables_whose_priorities_are_taken_up(matrix_rows):
    priorities = _table_priorities(matrix_rows)
    assert priorities["Table 3"] == {"membership", "leadership"}
    outcomes = ex08.q9.outcomes()
    for combo in itertools.combinations(range(len(ex08.PLENARY_OPTIONS)), 2):
        dims = {ex08.PLENARY_OPTIONS[i] for i in combo}
        assert outcomes[combo] == sum(1 for chosen in priorities.values() if chosen & dims), combo
    best = max(outcomes.values())
    assert best == len(priorities) == 5
    assert ex08.q9.evaluate(_letters(ex08.q9.best()[0])).status == "correct"
    # The two dimensions with the most votes leave one table out.
    votes = {d: sum(d in chosen for chosen in priorities.values()) for d in ex08.PLENARY_OPTIONS}
    top_two = sorted(ex08.PLENARY_OPTIONS, key=lambda d: -votes[d])[:2]
    assert set(top_two) == {"purpose", "reciprocity"}
    combo = tuple(sorted(ex08.PLENARY_OPTIONS.index(d) for d in top_two))
    assert outcomes[combo] == 4
    result = ex08.q9.evaluate(_letters(combo))
    assert result.status == "incorrect" and "Table 3" in result.message
    # Every pair that reaches all five tables counts.
    for combo, value in outcomes.items():
        assert (ex08.q9.evaluate(_letters(combo)).status == "correct") == (value == best)


def test_08_plenary_reach_on_a_hand_worked_example():
    talk = pd.DataFrame({"table": ["T1", "T1", "T2", "T2", "T3", "T3"], "dimension": ["a", "b"] * 3,
                         "priority": [True, False, True, True, False, False]})
    assert ex08.plenary_reach(talk, ["a"]) == 2
    assert ex08.plenary_reach(talk, ["b"]) == 1
    assert ex08.plenary_reach(talk, []) == 0


# ====================================================================== episode 09
def _offers(G, member, topic):
    return topic in [t.strip().lower() for t in str(G.nodes[member]["can_help_with"]).split(";")]


def _needs(G, member, topic):
    return topic in [t.strip().lower() for t in str(G.nodes[member]["needs_help_with"]).split(";")]


def test_09_prediction_share_who_already_know_a_funding_helper(knows):
    needing = [m for m in knows if _needs(knows, m, "finding funding")]
    know_one = [m for m in needing if any(_offers(knows, n, "finding funding") for n in knows[m])]
    share = len(know_one) / len(needing)
    assert (len(needing), len(know_one)) == (57, 45)
    band = next(i for i, (low, high, _) in enumerate(ex09.KNOWN_BANDS) if low <= share < high)
    assert ex09.q7.answer_key() == (band,)
    assert LETTERS[band] == "D"
    assert f"{share:.0%}" in ex09.q7._reveal()
    # Nobody needs two introductions: every other member has a friend of a friend who offers it.
    assert all(any(_offers(knows, f, "finding funding") for n in knows[m] for f in knows[n])
               for m in needing if m not in know_one)


def test_09_ranking_counts_helpers_a_first_contact_opens(knows):
    topic = ex09.NEWCOMER["needs"]
    expected = []
    for contact in ex09.FIRST_CONTACTS:
        helpers = {n for n in knows[contact] if _offers(knows, n, topic)}
        if _offers(knows, contact, topic):
            helpers.add(contact)
        expected.append(len(helpers))
    assert ex09.q8.values() == expected == [5, 2, 8, 0]
    order = sorted(range(4), key=lambda i: -expected[i])
    assert ex09.q8.evaluate(_letters(order)).status == "correct"
    # The member who offers the help herself is not the best first contact.
    assert ex09.q8.evaluate(["A", "C", "B", "D"]).status == "incorrect"


def _within_two(G, introductions, region_a, region_b):
    H = G.copy()
    H.add_edges_from(introductions)
    nodes = list(H)
    index = {n: i for i, n in enumerate(nodes)}
    A = nx.to_numpy_array(H, nodelist=nodes, weight=None)
    near = (A + A @ A) > 0
    rows = [index[n] for n in nodes if H.nodes[n]["region"] == region_a]
    cols = [index[n] for n in nodes if H.nodes[n]["region"] == region_b]
    return near[np.ix_(rows, cols)].mean()


def test_09_decision_outcomes_match_an_adjacency_matrix_count(knows):
    outcomes = ex09.q9.outcomes()
    for combo in itertools.combinations(range(len(ex09.KNITTING)), 2):
        expected = _within_two(knows, [ex09.KNITTING[i] for i in combo], "South East", "London")
        assert outcomes[combo] == pytest.approx(expected, abs=1e-12), combo
    assert _within_two(knows, [], "South East", "London") == pytest.approx(1 / 12)
    best, best_value = ex09.q9.best()
    assert _letters(best) == ["B", "D"] and best_value == pytest.approx(0.1975, abs=5e-4)
    others = sorted((v for c, v in outcomes.items() if c != best), reverse=True)
    assert best_value - others[0] > ex09.q9.tolerance, "the best choice is clearly best"
    # Introducing people who already bridge the two regions, or the community lead, does less.
    assert ex09.q9.evaluate(["C", "E"]).status == "incorrect"


def test_09_within_one_introduction_on_a_hand_worked_example():
    G = nx.Graph([("a1", "a2"), ("b1", "b2")])
    nx.set_node_attributes(G, {n: n[0] for n in G}, "region")
    assert ex09.within_one_introduction(G, "a", "b") == 0.0
    # a1 meets b1: a1-b1 direct; a1-b2, a2-b1 through one contact; a2-b2 three ties apart.
    assert ex09.within_one_introduction(G, "a", "b", [("a1", "b1")]) == 0.75


def test_09_newcomer_helpers_do_not_change_the_network(knows):
    before = (knows.number_of_nodes(), knows.number_of_edges())
    ex09.newcomer_helpers(knows, ex09.NEWCOMER, "q088", "evaluation")
    assert (knows.number_of_nodes(), knows.number_of_edges()) == before


# ====================================================================== episode 10
def test_10_prediction_share_of_ties_across_regions(knows):
    crossing = sum(knows.nodes[u]["group"] != knows.nodes[v]["group"] for u, v in knows.edges)
    share = crossing / knows.number_of_edges()
    assert 0.05 < share < 0.15
    band = next(i for i, (low, high, _) in enumerate(ex10.CROSSING_BANDS) if low <= share < high)
    assert ex10.q9.answer_key() == (band,) and LETTERS[band] == "D"
    assert f"{share:.0%}" in ex10.q9._reveal()


def test_10_ranking_by_share_of_ties_reaching_another_region(knows):
    shares = []
    for region in ex10.RANKED_REGIONS:
        inside = sum(1 for u, v in knows.edges if knows.nodes[u]["group"] == knows.nodes[v]["group"] == region)
        outside = sum(1 for u, v in knows.edges
                      if (knows.nodes[u]["group"] == region) != (knows.nodes[v]["group"] == region))
        shares.append(outside / (inside + outside))
    values = ex10.q10.values()
    for share, ei in zip(shares, values):
        assert (1 + ei) / 2 == pytest.approx(share)
    order = sorted(range(4), key=lambda i: -shares[i])
    assert [ex10.RANKED_REGIONS[i] for i in order] == ["South West", "East", "North", "South East"]
    assert ex10.q10.evaluate(_letters(order)).status == "correct"


def _path_share(G, leaders):
    """Average over ordered pairs of non-leaders of the share of shortest paths through a leader (BFS counts)."""
    def counts(H, source):
        dist, sigma, queue = {source: 0}, {source: 1}, deque([source])
        while queue:
            v = queue.popleft()
            for w in H[v]:
                if w not in dist:
                    dist[w], sigma[w] = dist[v] + 1, 0
                    queue.append(w)
                if dist[w] == dist[v] + 1:
                    sigma[w] += sigma[v]
        return dist, sigma

    others = [n for n in G if n not in leaders]
    without = G.subgraph(others)
    total, pairs = 0.0, 0
    for s in others:
        dist, sigma = counts(G, s)
        dist_without, sigma_without = counts(without, s)
        for t in others:
            if t != s and t in dist:
                # Paths avoiding the leaders are shortest paths only if they are as short as the shortest.
                avoiding = sigma_without[t] if dist_without.get(t) == dist[t] else 0
                total += 1 - avoiding / sigma[t]
                pairs += 1
    return total / pairs


def test_10_decision_outcomes_match_shortest_path_counts(knows):
    leaders = [n for n, leader in knows.nodes(data="formal_leader") if leader]
    assert leaders == ["q062"]
    baseline = _path_share(knows, leaders)
    assert baseline == pytest.approx(0.1575, abs=5e-4)
    outcomes = ex10.q11.outcomes()
    for combo in itertools.combinations(range(len(ex10.NEW_TIES)), 2):
        H = knows.copy()
        H.add_edges_from(ex10.NEW_TIES[i] for i in combo)
        assert outcomes[combo] == pytest.approx(_path_share(H, leaders), abs=1e-9), combo
    best, best_value = ex10.q11.best()
    assert best_value == min(outcomes.values()) and best_value < baseline - 0.03
    assert ex10.q11.evaluate(_letters(best)).status == "correct"
    # A tie to the formal leader makes the network rely on them more, whatever it is paired with.
    to_leader = ex10.NEW_TIES.index(next(t for t in ex10.NEW_TIES if "q062" in t))
    H = knows.copy()
    H.add_edge(*ex10.NEW_TIES[to_leader])
    assert _path_share(H, leaders) > baseline
    for combo, value in outcomes.items():
        correct = ex10.q11.evaluate(_letters(combo)).status == "correct"
        assert correct == (value - best_value <= ex10.q11.tolerance)
        if to_leader in combo:
            assert not correct


def test_10_reliance_after_on_a_star():
    star = nx.star_graph(4)
    nx.set_node_attributes(star, {n: n == 0 for n in star}, "formal_leader")
    assert ex10.reliance_after(star) == 1.0
    assert _path_share(star, [0]) == 1.0
    # Joining 1-2: the pairs (1, 2) and (2, 1) no longer need the leader: 2 of the 12 ordered pairs.
    assert ex10.reliance_after(star, [(1, 2)]) == pytest.approx(10 / 12)
