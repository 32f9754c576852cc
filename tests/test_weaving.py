"""Network weaving (netlearn.weaving): hub dependence on hand-worked graphs and against an
independent count of shortest paths, introductions, and the ranking of triangle-closing
introductions against a brute-force search.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import networkx as nx
import pytest

import netlearn
from netlearn import weaving
from netlearn.errors import MeasureError, MemberError
from netlearn.leadership import reliance_on_formal_leaders


# --------------------------------------------------------------------------- an independent computation
def dependence_by_enumeration(G, hub, kind="routes"):
    """Hub dependence by listing every shortest path (networkx all_shortest_paths), as exact fractions."""
    others = [v for v in G if v != hub]
    pairs = itertools.permutations(others, 2) if G.is_directed() else itertools.combinations(others, 2)
    without = G.subgraph(others)
    total, count = Fraction(0), 0
    for s, t in pairs:
        if not nx.has_path(G, s, t):
            continue
        count += 1
        if kind == "routes":
            paths = list(nx.all_shortest_paths(G, s, t))
            total += Fraction(sum(hub in p[1:-1] for p in paths), len(paths))
        else:
            total += not nx.has_path(without, s, t)
    return total / count if count else Fraction(0)


def star_with(n, extra=()):
    G = nx.star_graph(n)  # hub 0, contacts 1..n
    G.add_edges_from(extra)
    return G


# --------------------------------------------------------------------------- hand-worked values
@pytest.mark.parametrize("n", [2, 3, 5, 8])
def test_a_star_depends_entirely_on_its_hub(n):
    assert weaving.hub_dependence(star_with(n), 0) == 1.0
    assert weaving.hub_dependence(star_with(n), 0, kind="reach") == 1.0


@pytest.mark.parametrize("n", [3, 4, 6])
def test_one_closed_triangle_frees_exactly_one_pair(n):
    # n contacts make n(n-1)/2 pairs; the tie 1-2 is the only one that no longer needs the hub
    pairs = n * (n - 1) // 2
    G = star_with(n, [(1, 2)])
    assert weaving.hub_dependence(G, 0) == pytest.approx((pairs - 1) / pairs)
    assert weaving.hub_dependence(G, 0, kind="reach") == pytest.approx((pairs - 1) / pairs)


def test_a_longer_way_round_counts_for_routes_but_not_for_reach():
    # contacts 1-2-3 in a line, 4 alone: pair 1-3 has two shortest routes (via 0 and via 2)
    G = star_with(4, [(1, 2), (2, 3)])
    assert weaving.hub_dependence(G, 0) == pytest.approx(3.5 / 6)
    assert weaving.hub_dependence(G, 0, kind="reach") == pytest.approx(3 / 6)


def test_a_member_who_is_not_a_hub_and_a_network_without_pairs():
    assert weaving.hub_dependence(nx.complete_graph(5), 0) == 0.0
    assert weaving.hub_dependence(star_with(4), 1) == 0.0           # a contact of the hub
    assert weaving.hub_dependence(nx.Graph([(0, 1)]), 0) == 0.0     # no pair of other members


def test_only_connected_pairs_count():
    # a star of three contacts plus a separate pair 8-9: the separate pair is connected and does not
    # need the hub; the three hub pairs do. The 12 pairs across the two pieces are not connected.
    G = star_with(3)
    G.add_edge(8, 9)
    assert weaving.hub_dependence(G, 0) == pytest.approx(3 / 4)
    assert weaving.hub_dependence(G, 0, kind="reach") == pytest.approx(3 / 4)


def test_directed_routes_follow_the_direction_of_ties():
    # 1 -> 0 -> 2 and 2 -> 1: ordered pairs (1,2) via 0, (2,1) direct; 0 is needed for one of two
    G = nx.DiGraph([(1, 0), (0, 2), (2, 1)])
    assert weaving.hub_dependence(G, 0) == pytest.approx(1 / 2)
    assert weaving.hub_dependence(G, 0, kind="reach") == pytest.approx(1 / 2)


# --------------------------------------------------------------------------- against the enumeration
SMALL = [nx.krackhardt_kite_graph(), nx.florentine_families_graph(), nx.karate_club_graph(),
         star_with(6, [(1, 2), (3, 4), (4, 5)]), nx.gnp_random_graph(14, 0.25, seed=3, directed=True)]


@pytest.mark.parametrize("G", SMALL, ids=["kite", "florence", "karate", "star", "random-directed"])
@pytest.mark.parametrize("kind", weaving.KINDS)
def test_every_member_matches_the_enumeration_of_shortest_paths(G, kind):
    for hub in G:
        assert weaving.hub_dependence(G, hub, kind=kind) == pytest.approx(
            float(dependence_by_enumeration(G, hub, kind)), abs=1e-12)


def test_routes_equal_the_course_path_share_on_real_data():
    net = netlearn.load_dataset("q_community")
    for relation in ("knows", "advice"):
        G = net.graph(relation)
        for hub in ("q062", "q126", "q055"):
            assert weaving.hub_dependence(G, hub) == pytest.approx(
                reliance_on_formal_leaders(G, leaders=[hub]).path_share, abs=1e-12)


# --------------------------------------------------------------------------- introductions
def test_introduce_adds_ties_and_leaves_the_network_alone():
    G = nx.DiGraph([(1, 0), (0, 2)])
    H = weaving.introduce(G, [(1, 2)])
    assert H.has_edge(1, 2) and H.has_edge(2, 1)
    assert not G.has_edge(1, 2) and G.number_of_edges() == 2
    with pytest.raises(MemberError, match="'7' is not a member"):
        weaving.introduce(G, [(1, 7)])
    with pytest.raises(MeasureError, match="two different people"):
        weaving.introduce(G, [(1, 1)])


def test_bad_arguments_are_explained():
    with pytest.raises(MemberError, match="Did you mean"):
        weaving.hub_dependence(nx.Graph([("Ana", "Ben")]), "Anna")
    with pytest.raises(MeasureError, match="'routes' or 'reach'"):
        weaving.hub_dependence(star_with(3), 0, kind="paths")
    with pytest.raises(MeasureError, match="whole number"):
        weaving.triangle_closing_introductions(star_with(3), 0, k=0)
    with pytest.raises(MeasureError, match="whole number"):
        weaving.weaving_plan(star_with(3), 0, steps=1.5)


def brute_force_ranking(G, weaver, hub):
    """Every pair of the weaver's contacts not yet tied, with the enumerated dependence after introducing them."""
    contacts = set(G[weaver]) if not G.is_directed() else set(G.predecessors(weaver)) | set(G.successors(weaver))
    results = {}
    for a, b in itertools.combinations(contacts, 2):
        if G.has_edge(a, b) or G.has_edge(b, a):
            continue
        H = G.copy()
        H.add_edges_from([(a, b), (b, a)] if G.is_directed() else [(a, b)])
        results[frozenset((a, b))] = float(dependence_by_enumeration(H, hub))
    return results


@pytest.mark.parametrize("G, weaver, hub", [
    (nx.krackhardt_kite_graph(), 3, 3),
    (nx.krackhardt_kite_graph(), 5, 7),
    (star_with(5, [(1, 2)]), 0, 0),
    (nx.gnp_random_graph(12, 0.3, seed=5, directed=True), 0, 0),
])
def test_candidates_and_their_dependence_match_a_brute_force_search(G, weaver, hub):
    table = weaving.triangle_closing_introductions(G, weaver, hub=hub)
    expected = brute_force_ranking(G, weaver, hub)
    got = {frozenset((a, b)): d for a, b, d in zip(table["member_a"], table["member_b"], table["dependence_after"])}
    assert got.keys() == expected.keys()
    for pair, value in expected.items():
        assert got[pair] == pytest.approx(value, abs=1e-12)
    assert list(table["dependence_after"]) == sorted(table["dependence_after"])
    before = float(dependence_by_enumeration(G, hub))
    assert table.attrs["dependence_before"] == pytest.approx(before)
    assert (table["lowered_by"] + table["dependence_after"]).round(12).eq(round(before, 12)).all()


def test_introducing_a_contact_to_a_group_beats_making_a_separate_pair():
    # hub 0 with contacts 1..5 (10 pairs); 1-2 already know each other. Introducing 3 to 1: pair 1-3
    # is direct and 2-3 has two shortest routes, one avoiding the hub (7.5 of 10 pairs need it).
    # Pairing 3 with 4 frees only 3-4 (8 of 10). Among equals, member order decides.
    table = weaving.triangle_closing_introductions(star_with(5, [(1, 2)]), 0)
    first = table.iloc[:6]
    assert {frozenset(p) for p in zip(first["member_a"], first["member_b"])} == {
        frozenset(p) for p in [(1, 3), (1, 4), (1, 5), (2, 3), (2, 4), (2, 5)]}
    assert first["dependence_after"].tolist() == pytest.approx([0.75] * 6)
    assert table["dependence_after"].iloc[-1] == pytest.approx(0.8)
    assert (table.loc[1, "member_a"], table.loc[1, "member_b"]) == (1, 3)
    reach = weaving.triangle_closing_introductions(star_with(5, [(1, 2)]), 0, kind="reach")
    assert reach["dependence_after"].iloc[0] == pytest.approx(0.7)


def test_shared_contacts_count_common_neighbours_and_break_ties():
    G = nx.krackhardt_kite_graph()
    for weaver in (3, 7):
        table = weaving.triangle_closing_introductions(G, weaver, kind="reach")
        for a, b, shared in zip(table["member_a"], table["member_b"], table["shared_contacts"]):
            assert shared == len(set(G[a]) & set(G[b])) >= 1
        for (_, row), (_, following) in zip(table.iterrows(), table.iloc[1:].iterrows()):
            if abs(row["dependence_after"] - following["dependence_after"]) < 1e-12:
                assert row["shared_contacts"] >= following["shared_contacts"]
    assert len(weaving.triangle_closing_introductions(G, 3, k=2)) == 2
    assert list(weaving.triangle_closing_introductions(G, 3, k=2).index) == [1, 2]


def test_a_plan_hands_the_hub_role_on_step_by_step():
    G = star_with(4)
    plan, woven = weaving.weaving_plan(G, 0, steps=3)
    assert plan.attrs["dependence_before"] == 1.0
    assert list(plan["dependence_after"]) == sorted(plan["dependence_after"], reverse=True)
    for step in range(1, 4):
        H = weaving.introduce(G, list(zip(plan["member_a"], plan["member_b"]))[:step])
        assert plan.loc[step, "dependence_after"] == pytest.approx(float(dependence_by_enumeration(H, 0)))
    assert woven.number_of_edges() == G.number_of_edges() + 3 and G.number_of_edges() == 4
    # a triangle needs no weaving: the plan stops at once
    plan, woven = weaving.weaving_plan(nx.complete_graph(3), 0, steps=2)
    assert plan.empty and plan.attrs["dependence_before"] == 0.0


def test_the_ranking_does_not_depend_on_the_order_members_were_added():
    # ties are broken by member id, so the same network built in another order (or in another session,
    # where a subgraph's order can follow string hashing) gives the same table
    G = star_with(6, [(1, 2)])
    H = nx.Graph()
    H.add_nodes_from(sorted(G, reverse=True))
    H.add_edges_from(reversed(list(G.edges)))
    first, second = (weaving.triangle_closing_introductions(X, 0) for X in (G, H))
    assert first[["member_a", "member_b"]].values.tolist() == second[["member_a", "member_b"]].values.tolist()
    assert first["dependence_after"].tolist() == pytest.approx(second["dependence_after"].tolist())
    plan_g, _ = weaving.weaving_plan(G, 0, steps=3)
    plan_h, _ = weaving.weaving_plan(H, 0, steps=3)
    assert plan_g[["member_a", "member_b"]].values.tolist() == plan_h[["member_a", "member_b"]].values.tolist()
