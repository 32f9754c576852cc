"""leadership: Freeman centralization against igraph's conventions, shared leadership, the
course's own reliance measure worked by hand, what_if_removed and reciprocity."""

import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import netlearn
from netlearn import MemberError
from netlearn.fastgraph import MeasureError, to_igraph
from netlearn.leadership import (centralization, reciprocity, reliance_on_formal_leaders, shared_leadership,
                                 what_if_removed)

ROOT = Path(__file__).resolve().parents[1]
needs_datasets = pytest.mark.skipif(not (ROOT / "datasets" / "datapackage.json").exists(),
                                    reason="datasets/datapackage.json not there yet")


# ------------------------------------------------------------------ igraph as the reference


def igraph_centralization(G, measure, mode="all"):
    """igraph's C formula: (n * max - sum of scores) / theoretical maximum, with igraph's own scores.

    python-igraph 1.0 does not expose ``centralization_*``; the maxima are those of igraph's
    ``igraph_centralization_{degree,betweenness,closeness}_tmax`` with loops not counted.
    """
    g = to_igraph(G, weight=None)
    n = g.vcount()
    directed = g.is_directed()
    if measure == "degree":
        scores = g.degree(mode=mode if directed else "all", loops=False)
        if not directed:
            tmax = (n - 1) * (n - 2)
        else:
            tmax = 2 * (n - 1) * (n - 2) if mode == "all" else (n - 1) ** 2
    elif measure == "betweenness":
        scores = g.betweenness(directed=directed)
        tmax = (n - 1) ** 2 * (n - 2) if directed else (n - 1) ** 2 * (n - 2) / 2
    else:
        scores = g.closeness(mode="all", normalized=True)
        tmax = (n - 1) * (n - 2) / (2 * n - 3)
    return (n * max(scores) - sum(scores)) / tmax


def connected_random(n, p, seed, directed=False):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    H = G.to_undirected() if directed else G
    parts = [sorted(c) for c in nx.connected_components(H)]
    for a, b in zip(parts, parts[1:]):  # chain the pieces together
        G.add_edge(a[0], b[0])
    return G


# ------------------------------------------------------------------ centralization


@pytest.mark.parametrize("measure", ["degree", "betweenness", "closeness"])
def test_star_is_one_and_complete_is_zero(measure):
    for n in (3, 4, 9):
        assert centralization(nx.star_graph(n - 1), measure) == pytest.approx(1.0)
        assert centralization(nx.complete_graph(n), measure) == pytest.approx(0.0, abs=1e-12)
    assert centralization(nx.cycle_graph(7), measure) == pytest.approx(0.0, abs=1e-12)


def test_path_and_kite_by_hand():
    # Path of 5: degrees 1 2 2 2 1 -> (1 + 0 + 0 + 0 + 1) / (4 * 3) = 1/6.
    assert centralization(nx.path_graph(5), "degree") == pytest.approx(1 / 6)
    # Betweenness (pairs): 0 3 4 3 0 -> (4 + 1 + 0 + 1 + 4) / (4^2 * 3 / 2) = 10/24.
    assert centralization(nx.path_graph(5), "betweenness") == pytest.approx(10 / 24)
    # Closeness: 4/10, 4/7, 4/6, 4/7, 4/10 -> sum of shortfalls / (4 * 3 / 7).
    c = [0.4, 4 / 7, 2 / 3, 4 / 7, 0.4]
    assert centralization(nx.path_graph(5), "closeness") == pytest.approx(sum(2 / 3 - x for x in c) / (12 / 7))
    # Kite: Diane has 6 ties; the ten degrees add up to 36: (60 - 36) / (9 * 8) = 1/3.
    assert centralization(nx.krackhardt_kite_graph(), "degree") == pytest.approx(1 / 3)
    # Heather's betweenness (14 pairs) is the maximum; the raw scores add up to 44
    # (Andre, Beverly 5/6 each; Diane 11/3; Fernando, Garth 25/3 each; Heather 14; Ike 8).
    assert centralization(nx.krackhardt_kite_graph(), "betweenness") == pytest.approx((140 - 44) / (81 * 8 / 2))


@pytest.mark.parametrize("measure", ["degree", "betweenness", "closeness"])
def test_agrees_with_igraph_on_named_and_random_graphs(measure):
    graphs = [nx.krackhardt_kite_graph(), nx.florentine_families_graph(), nx.path_graph(6), nx.star_graph(5),
              nx.karate_club_graph()]
    graphs += [connected_random(20, 0.15, seed) for seed in range(8)]
    if measure != "closeness":
        graphs += [nx.gnp_random_graph(20, 0.1, seed=seed) for seed in range(8)]  # with isolates
    for G in graphs:
        assert centralization(G, measure) == pytest.approx(igraph_centralization(G, measure), abs=1e-12)


@pytest.mark.parametrize("mode", ["in", "out", "all"])
def test_directed_degree_agrees_with_igraph(mode):
    for seed in range(8):
        G = nx.gnp_random_graph(15, 0.2, seed=seed, directed=True)
        assert centralization(G, "degree", mode=mode) == pytest.approx(igraph_centralization(G, "degree", mode))
    in_star = nx.DiGraph([(leaf, 0) for leaf in range(1, 6)])
    out_star = in_star.reverse()
    assert centralization(in_star, "degree") == 1.0  # mode "in" by default for directed networks
    assert centralization(out_star, "degree", mode="out") == 1.0
    # In-degrees of the out-star: 0 at the centre, 1 for each of 5 leaves: (1 - 0) / 5^2.
    assert centralization(out_star, "degree") == pytest.approx(1 / 25)


def test_directed_betweenness_and_closeness():
    for seed in range(8):
        G = nx.gnp_random_graph(15, 0.2, seed=seed, directed=True)
        assert centralization(G, "betweenness") == pytest.approx(igraph_centralization(G, "betweenness"))
        H = connected_random(15, 0.15, seed, directed=True)
        # closeness ignores directions: the same as on the undirected version
        assert centralization(H, "closeness") == pytest.approx(centralization(H.to_undirected(), "closeness"))
    # A star with ties both ways has directed betweenness (n-1)(n-2) at the centre: centralization 1.
    both_ways = nx.DiGraph(nx.star_graph(4))
    assert centralization(both_ways, "betweenness") == pytest.approx(1.0)


def test_centralization_errors_and_small_graphs():
    for G in (nx.Graph(), nx.empty_graph(1), nx.path_graph(2)):
        with pytest.raises(MeasureError, match="at least 3 members|empty"):
            centralization(G)
    assert centralization(nx.path_graph(3)) == 1.0  # a path of three is a star
    assert centralization(nx.empty_graph(3)) == 0.0  # nobody has ties: everyone equal
    with pytest.raises(MeasureError, match="measure must be one of degree, betweenness, closeness"):
        centralization(nx.path_graph(4), "eigenvector")
    with pytest.raises(MeasureError, match="connected network.*2 pieces"):
        centralization(nx.Graph([(0, 1), (1, 2), (3, 4)]), "closeness")
    with pytest.raises(MeasureError, match="ignores tie directions"):
        centralization(nx.DiGraph([(0, 1), (1, 2)]), "closeness", mode="in")
    with pytest.raises(MeasureError, match="mode must be"):
        centralization(nx.DiGraph([(0, 1), (1, 2)]), "degree", mode="both")
    with pytest.raises(MeasureError, match="betweenness follows"):
        centralization(nx.path_graph(4), "betweenness", mode="in")


@settings(max_examples=60, deadline=None)
@given(n=st.integers(3, 12), p=st.floats(0, 1), seed=st.integers(0, 10_000), directed=st.booleans(),
       measure=st.sampled_from(["degree", "betweenness", "closeness"]))
def test_centralization_is_between_0_and_1(n, p, seed, directed, measure):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    if measure == "closeness":
        assume(nx.is_connected(G.to_undirected()))
    modes = ["in", "out", "all"] if directed and measure == "degree" else [None]
    for mode in modes:
        value = centralization(G, measure, mode=mode)
        assert 0.0 <= value <= 1.0
        assert value == pytest.approx(igraph_centralization(G, measure, mode or "all"), abs=1e-12)


# ------------------------------------------------------------------ shared leadership


def test_shared_leadership_by_hand():
    # Everyone names Ann: 4 of 5*4 = 20 possible nominations; in-degree star: centralization 1.
    star = nx.DiGraph([("bo", "ann"), ("cy", "ann"), ("dev", "ann"), ("eve", "ann")])
    result = shared_leadership(star)
    assert (result.density, result.in_degree_centralization, result.members, result.nominations) == (0.2, 1.0, 5, 4)
    # Everyone names everyone: density 1, nobody stands out.
    full = nx.complete_graph(4, create_using=nx.DiGraph)
    assert shared_leadership(full)[:2] == (1.0, 0.0)
    # A ring of nominations: density 4/12, centralization 0.
    ring = nx.cycle_graph(4, create_using=nx.DiGraph)
    assert shared_leadership(ring).density == pytest.approx(1 / 3)
    assert shared_leadership(ring).in_degree_centralization == 0.0


def test_shared_leadership_ignores_self_nominations_and_reads_ratings():
    G = nx.DiGraph([("a", "b", {"rating": 4}), ("b", "c", {"rating": 2}), ("c", "c", {"rating": 5})])
    assert shared_leadership(G).nominations == 2
    assert shared_leadership(G).density == pytest.approx(2 / 6)
    assert shared_leadership(G, weight="rating").density == pytest.approx(6 / 6)
    G["a"]["b"]["rating"] = -1
    with pytest.raises(MeasureError, match="0 or more"):
        shared_leadership(G, weight="rating")


def test_shared_leadership_errors():
    with pytest.raises(MeasureError, match="directed network"):
        shared_leadership(nx.complete_graph(4))
    with pytest.raises(MeasureError, match="at least 3 members"):
        shared_leadership(nx.DiGraph([("a", "b")]))


# ------------------------------------------------------------------ reliance on formal leaders


def test_reliance_star_with_leader_at_centre_is_total():
    G = nx.star_graph(5)
    result = reliance_on_formal_leaders(G, leaders=[0])
    # Every pair of leaves (5 * 4 ordered pairs) can only meet through the centre; without it
    # nobody reaches anybody.
    assert (result.path_share, result.efficiency_drop, result.pairs) == (1.0, 1.0, 20)
    # A leaf as the formal leader: nobody needs them.
    result = reliance_on_formal_leaders(G, leaders=[3])
    assert (result.path_share, result.efficiency_drop) == (0.0, 0.0)


def test_reliance_on_a_cycle_by_hand():
    # Cycle 0-1-2-3-4-0, leader 0. Pairs of others (unordered): 1-2, 2-3, 3-4 are neighbours;
    # 1-3 (via 2) and 2-4 (via 3) avoid 0; 1-4 goes 1-0-4 (length 2) rather than 1-2-3-4 (3).
    # So 1 of 6 pairs runs through the leader: path_share = 1/6.
    # Efficiency: before 1+1+1 + 1/2+1/2+1/2 = 4.5; after, 1-4 is 3 steps: 4 + 1/3 = 13/3.
    # Drop = 1 - (13/3) / 4.5 = 1/27.
    result = reliance_on_formal_leaders(nx.cycle_graph(5), leaders=[0])
    assert result.path_share == pytest.approx(1 / 6)
    assert result.efficiency_drop == pytest.approx(1 / 27)
    assert result.leaders == [0] and result.pairs == 12
    # Cycle of 6 with leader 0, 10 pairs of others. 1-5 goes 1-0-5 (2 steps, the other way is 4):
    # fully through 0. 1-4 and 2-5 have two routes of 3 steps, one through 0: half each.
    # (1 + 0.5 + 0.5) / 10 = 0.2.
    assert reliance_on_formal_leaders(nx.cycle_graph(6), leaders=[0]).path_share == pytest.approx(0.2)


def test_reliance_counts_shortest_paths_not_just_pairs():
    # Two routes from a to b of equal length, one through the leader L: half the paths.
    G = nx.Graph([("a", "L"), ("L", "b"), ("a", "x"), ("x", "b")])
    result = reliance_on_formal_leaders(G, leaders=["L"])
    # Ordered pairs among a, b, x: a-b (half through L), b-a (half), and four direct ties.
    assert result.path_share == pytest.approx((0.5 + 0.5) / 6)
    assert result.efficiency_drop == 0.0  # a and b are still 2 steps apart


def test_reliance_equals_group_betweenness_on_connected_graphs():
    for seed in range(10):
        G = connected_random(14, 0.2, seed)
        leaders = [0, 5]
        expected = nx.group_betweenness_centrality(G, leaders, normalized=True)
        assert reliance_on_formal_leaders(G, leaders).path_share == pytest.approx(expected)
    D = nx.DiGraph(nx.cycle_graph(5))  # ties both ways
    assert reliance_on_formal_leaders(D, [0]).path_share == pytest.approx(
        nx.group_betweenness_centrality(D, [0], normalized=True))


def test_reliance_in_a_directed_network():
    # a -> L -> b and a -> b: the direct tie is the shortest path, L carries nothing from a to b.
    # b -> L? no. Ordered pairs of others: only (a, b) is reachable.
    G = nx.DiGraph([("a", "L"), ("L", "b"), ("a", "b")])
    result = reliance_on_formal_leaders(G, ["L"])
    assert (result.path_share, result.efficiency_drop, result.pairs) == (0.0, 0.0, 1)
    G.remove_edge("a", "b")
    assert reliance_on_formal_leaders(G, ["L"])[:3] == (1.0, 1.0, ["L"])


def test_reliance_finds_leaders_from_the_attribute():
    G = nx.star_graph(4)
    nx.set_node_attributes(G, {0: True, 1: False, 2: "no"}, "formal_leader")
    assert reliance_on_formal_leaders(G).leaders == [0]
    nx.set_node_attributes(G, {0: "yes"}, "chair")
    assert reliance_on_formal_leaders(G, attribute="chair").leaders == [0]


def test_reliance_errors():
    G = nx.star_graph(4)
    with pytest.raises(MeasureError, match="No member has the attribute 'formal_leader'"):
        reliance_on_formal_leaders(G)
    nx.set_node_attributes(G, False, "formal_leader")
    with pytest.raises(MeasureError, match="Nobody is marked"):
        reliance_on_formal_leaders(G)
    with pytest.raises(MemberError, match="'9' is not a member"):
        reliance_on_formal_leaders(G, leaders=[9])
    with pytest.raises(MeasureError, match="at least two members who are not formal leaders"):
        reliance_on_formal_leaders(G, leaders=[0, 1, 2, 3])
    with pytest.raises(MeasureError, match="No two members"):
        reliance_on_formal_leaders(nx.empty_graph(4), leaders=[0])
    with pytest.raises(MeasureError, match="empty"):
        reliance_on_formal_leaders(nx.Graph(), leaders=[])


@settings(max_examples=60, deadline=None)
@given(n=st.integers(3, 11), p=st.floats(0.05, 1), seed=st.integers(0, 10_000), directed=st.booleans(),
       k=st.integers(1, 3))
def test_reliance_is_between_0_and_1(n, p, seed, directed, k):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    leaders = list(range(min(k, n - 2)))
    try:
        result = reliance_on_formal_leaders(G, leaders)
    except MeasureError as err:
        assert "No two members" in str(err)
        return
    assert 0.0 <= result.path_share <= 1.0
    assert 0.0 <= result.efficiency_drop <= 1.0


# ------------------------------------------------------------------ what_if_removed


def test_removing_heather_cuts_off_ike_and_jane():
    G = nx.relabel_nodes(nx.krackhardt_kite_graph(), dict(enumerate(
        ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"])))
    table = what_if_removed(G, "Heather")
    assert list(table.columns) == ["before", "after"]
    assert table.loc["components"].tolist() == [1, 2]
    assert table.loc["newly cut off", "after"] == ["Ike", "Jane"]
    assert table.loc["outside the largest component", "after"] == 2
    # After: pieces of 7 and 2 among 9: (7*6 + 2*1) / (9*8) ordered pairs reach each other.
    assert table.loc["average reachability", "after"] == pytest.approx(44 / 72)
    assert table.loc["global efficiency", "before"] == pytest.approx(nx.global_efficiency(G))
    H = G.copy()
    H.remove_node("Heather")
    assert table.loc["global efficiency", "after"] == pytest.approx(nx.global_efficiency(H))
    assert table.loc["degree centralization", "after"] == pytest.approx(centralization(H))
    assert table.attrs["removed"] == ["Heather"]


def test_removing_the_centre_of_a_star():
    table = what_if_removed(nx.star_graph(3), [0])
    assert table.loc["members"].tolist() == [4, 3]
    assert table.loc["ties"].tolist() == [3, 0]
    assert table.loc["average reachability"].tolist() == [1.0, 0.0]
    assert table.loc["global efficiency"].tolist() == [pytest.approx(0.75), 0.0]
    assert table.loc["degree centralization"].tolist() == [1.0, 0.0]


def test_directed_reachability_and_efficiency():
    # a -> b -> c: reachable ordered pairs (a,b), (a,c), (b,c): 3 of 6; efficiency (1 + 1/2 + 1) / 6.
    G = nx.DiGraph([("a", "b"), ("b", "c")])
    table = what_if_removed(G, "c")
    assert table.loc["average reachability", "before"] == pytest.approx(0.5)
    assert table.loc["global efficiency", "before"] == pytest.approx(2.5 / 6)
    assert table.loc["components", "before"] == 1  # weak components
    assert table.loc["average reachability", "after"] == pytest.approx(0.5)
    assert table.loc["degree centralization", "after"] is None  # two members left


def test_removing_everyone_or_nearly_everyone():
    table = what_if_removed(nx.path_graph(3), [0, 1, 2])
    assert table.loc[["members", "components"], "after"].tolist() == [0, 0]
    assert table.loc["average reachability", "after"] is None
    assert table.loc["global efficiency", "after"] is None
    assert table.loc["newly cut off", "after"] == []


def test_what_if_removed_errors():
    G = nx.relabel_nodes(nx.path_graph(3), {0: "heather", 1: "ike", 2: "jane"})
    with pytest.raises(MemberError, match="Did you mean 'heather'"):
        what_if_removed(G, "hether")
    with pytest.raises(MeasureError, match="empty"):
        what_if_removed(nx.Graph(), [])


# ------------------------------------------------------------------ reciprocity


def test_reciprocity_agrees_with_networkx():
    for seed in range(10):
        G = nx.gnp_random_graph(15, 0.25, seed=seed, directed=True)
        G.add_node("isolated")
        assert reciprocity(G) == pytest.approx(nx.overall_reciprocity(G))
        table = reciprocity(G, per_member=True)
        for v in G:
            if G.degree(v) == 0:
                assert math.isnan(table.loc[v, "reciprocity"])
            else:
                assert table.loc[v, "reciprocity"] == pytest.approx(nx.reciprocity(G, v))
        assert (table["sent"] == pd.Series(dict(G.out_degree()))).all()


def test_reciprocity_by_hand_and_errors():
    G = nx.DiGraph([("ann", "bo"), ("bo", "ann"), ("bo", "cy"), ("cy", "cy")])
    assert reciprocity(G) == pytest.approx(2 / 3)  # the self-tie is left out
    table = reciprocity(G, per_member=True)
    assert table.loc["bo"].tolist() == [2, 1, 1, pytest.approx(2 / 3)]
    with pytest.raises(MeasureError, match="directed network"):
        reciprocity(nx.path_graph(3))
    with pytest.raises(MeasureError, match="no ties"):
        reciprocity(nx.DiGraph([("a", "a")]))


# ------------------------------------------------------------------ course data


@needs_datasets
def test_q_community_leadership():
    try:
        net = netlearn.load_dataset("q_community")
    except netlearn.DataError as err:  # the dataset files are still being written
        pytest.skip(f"q_community does not load yet: {str(err).splitlines()[0]}")
    result = shared_leadership(net.graph("leadership"))
    assert 0 < result.density < 1 and 0 <= result.in_degree_centralization <= 1
    knows = net.graph("knows")
    reliance = reliance_on_formal_leaders(knows)
    assert 0 <= reliance.path_share <= 1 and 0 <= reliance.efficiency_drop <= 1
    table = what_if_removed(knows, reliance.leaders)
    assert table.loc["members", "after"] == len(knows) - len(reliance.leaders)
    assert 0 <= reciprocity(net.graph("advice")) <= 1
