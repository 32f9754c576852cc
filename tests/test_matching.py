"""netlearn.matching: helpers within a few introductions, and introductions that knit groups together.

Small hand-built networks where the right answer can be checked by eye come first; then the same
answers are checked independently against networkx's shortest paths, on random networks and on the
course's synthetic community.
"""

from __future__ import annotations

import random

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlearn
from netlearn import matching
from netlearn.errors import MeasureError, MemberError
from netlearn.matching import TopicError, find_helpers, suggest_introductions, ties_between_groups

TOPIC = "evaluation"


def network(edges, offers=None, needs=None, names=None, groups=None, nodes=(), directed=False):
    """A graph from edges, with can_help_with / needs_help_with / name / region attributes."""
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    for attribute, values in (("can_help_with", offers), ("needs_help_with", needs), ("name", names),
                              ("region", groups)):
        if values:
            nx.set_node_attributes(G, values, attribute)
    return G


@pytest.fixture(scope="module")
def q_graph():
    return netlearn.load_dataset("q_community").graph("knows")


# --------------------------------------------------------------------------- find_helpers: hand-worked


def test_direct_contact_needs_no_introduction():
    G = network([("ann", "bo")], offers={"bo": TOPIC})
    table = find_helpers(G, "ann", TOPIC)
    assert list(table.index) == ["bo"]
    row = table.loc["bo"]
    assert row["introductions"] == 0 and row["path"] == ("ann", "bo") and row["introduced_by"] == ""
    assert row["routes"] == 1
    assert "You already know bo" in row["reason"]
    assert "already known" in table.attrs["summary"]


def test_friend_of_a_friend_needs_one_introduction():
    G = network([("ann", "bo"), ("bo", "cy")], offers={"cy": TOPIC}, names={"bo": "Bo Chen"})
    row = find_helpers(G, "ann", TOPIC).loc["cy"]
    assert row["introductions"] == 1
    assert row["path"] == ("ann", "bo", "cy")
    assert row["introduced_by"] == "Bo Chen"
    assert "You both know Bo Chen, who could introduce you." in row["reason"]


def test_two_introductions_and_the_limit():
    G = network([("ann", "bo"), ("bo", "cy"), ("cy", "dee")], offers={"dee": TOPIC})
    row = find_helpers(G, "ann", TOPIC).loc["dee"]
    assert row["introductions"] == 2 and row["introduced_by"] == "bo → cy"
    assert "bo could introduce you to cy, and cy to dee" in row["reason"]

    closer = find_helpers(G, "ann", TOPIC, max_introductions=1)
    assert closer.empty
    assert list(closer.columns) == list(find_helpers(G, "ann", TOPIC).columns)
    assert "none is within one introduction" in closer.attrs["summary"]
    assert "nearest is 2 introductions away" in closer.attrs["summary"]

    further = find_helpers(G, "ann", TOPIC, max_introductions=3)
    assert list(further.index) == ["dee"]


def test_only_known_people_with_zero_introductions():
    G = network([("ann", "bo"), ("bo", "cy")], offers={"bo": TOPIC, "cy": TOPIC})
    table = find_helpers(G, "ann", TOPIC, max_introductions=0)
    assert list(table.index) == ["bo"]
    assert "among the people ann already knows" in table.attrs["summary"]


def test_routes_count_every_shortest_chain_and_the_chain_shown_is_the_smallest_ids():
    # ann - bo - dee and ann - cy - dee: two people could introduce ann to dee.
    G = network([("ann", "cy"), ("ann", "bo"), ("cy", "dee"), ("bo", "dee")], offers={"dee": TOPIC})
    row = find_helpers(G, "ann", TOPIC).loc["dee"]
    assert row["routes"] == 2
    assert row["path"] == ("ann", "bo", "dee")
    assert "2 contacts in common" in row["reason"]


def test_ranking_fewest_introductions_then_most_routes_then_id():
    G = network([("me", "a"), ("me", "b"), ("a", "x"), ("a", "y"), ("b", "y"), ("a", "w"), ("me", "z")],
                offers={"x": TOPIC, "y": TOPIC, "z": TOPIC, "w": TOPIC})
    table = find_helpers(G, "me", TOPIC)
    # z: already known; y: one introduction, two routes; w and x: one introduction, one route each (by id).
    assert list(table.index) == ["z", "y", "w", "x"]
    assert list(table["introductions"]) == [0, 1, 1, 1]
    assert list(table["routes"]) == [1, 2, 1, 1]


def test_the_same_graph_built_in_another_order_gives_the_same_table():
    edges = [("me", "a"), ("me", "b"), ("a", "x"), ("b", "x"), ("a", "y"), ("y", "z"), ("b", "z"), ("x", "q")]
    offers = {"x": TOPIC, "z": TOPIC, "q": TOPIC}
    first = find_helpers(network(edges, offers=offers), "me", TOPIC)
    for seed in range(5):
        shuffled = edges[:]
        random.Random(seed).shuffle(shuffled)
        shuffled = [(v, u) if i % 2 else (u, v) for i, (u, v) in enumerate(shuffled)]
        again = find_helpers(network(shuffled, offers=offers), "me", TOPIC)
        pd.testing.assert_frame_equal(first, again)


def test_topic_is_matched_whole_ignoring_case_and_spaces():
    G = network([("ann", "bo"), ("ann", "cy")],
                offers={"bo": "Data analysis; evaluation", "cy": "data  analysis for patients"})
    table = find_helpers(G, "ann", "  DATA analysis ")
    assert list(table.index) == ["bo"]
    assert table.attrs["topic"] == "Data analysis"


def test_the_member_asking_is_never_their_own_helper():
    G = network([("ann", "bo")], offers={"ann": TOPIC, "bo": TOPIC})
    table = find_helpers(G, "ann", TOPIC)
    assert list(table.index) == ["bo"]
    assert "ann offers it too" in table.attrs["summary"]

    alone = find_helpers(network([("ann", "bo")], offers={"ann": TOPIC, "bo": "other"}), "ann", TOPIC)
    assert alone.empty and alone.attrs["summary"].startswith("Nobody apart from ann offers help")


def test_a_member_can_be_named_instead_of_given_by_id():
    G = network([("q1", "q2")], offers={"q2": TOPIC}, names={"q1": "Ann Lee", "q2": "Bo Chen"})
    assert list(find_helpers(G, "ann lee", TOPIC).index) == ["q2"]
    assert find_helpers(G, "Ann Lee", TOPIC).loc["q2", "name"] == "Bo Chen"


def test_group_column_is_shown_when_members_have_one():
    G = network([("ann", "bo")], offers={"bo": TOPIC}, groups={"ann": "North", "bo": "East"})
    assert find_helpers(G, "ann", TOPIC).loc["bo", "region"] == "East"
    assert "region" not in find_helpers(network([("ann", "bo")], offers={"bo": TOPIC}), "ann", TOPIC).columns


def test_top_keeps_the_best_rows_and_the_summary_says_so():
    G = network([("me", x) for x in "abcde"], offers={x: TOPIC for x in "abcde"})
    table = find_helpers(G, "me", TOPIC, top=2)
    assert list(table.index) == ["a", "b"]
    assert "The table shows the first 2." in table.attrs["summary"]


def test_excluded_people_are_neither_helpers_nor_introducers():
    # The short way to dee runs through bo; leaving bo out forces the longer way through cy and eve.
    G = network([("ann", "bo"), ("bo", "dee"), ("ann", "cy"), ("cy", "eve"), ("eve", "dee")],
                offers={"dee": TOPIC, "bo": TOPIC})
    table = find_helpers(G, "ann", TOPIC, exclude=["bo"])
    assert list(table.index) == ["dee"]
    assert table.loc["dee", "path"] == ("ann", "cy", "eve", "dee")
    assert "1 member left out as asked" in table.attrs["summary"]
    with pytest.raises(MeasureError, match="cannot also be left out"):
        find_helpers(G, "ann", TOPIC, exclude="ann")


def test_topics_can_be_given_separately():
    G = network([("ann", "bo"), ("bo", "cy")])
    table = find_helpers(G, "ann", "digital tools", topics={"cy": ["digital tools"], "bo": "evaluation"})
    assert list(table.index) == ["cy"]
    with pytest.raises(MemberError, match="not members of this network: 'zed'"):
        find_helpers(G, "ann", "digital tools", topics={"zed": "digital tools"})


def test_a_tie_in_either_direction_counts_in_a_directed_graph():
    G = network([("bo", "ann"), ("cy", "bo")], offers={"cy": TOPIC}, directed=True)
    row = find_helpers(G, "ann", TOPIC).loc["cy"]
    assert row["introductions"] == 1 and row["path"] == ("ann", "bo", "cy")


def test_a_helper_who_cannot_be_reached_at_all_is_explained():
    G = network([("ann", "bo"), ("cy", "dee")], offers={"dee": TOPIC})
    table = find_helpers(G, "ann", TOPIC)
    assert table.empty
    assert "None of them can be reached from ann" in table.attrs["summary"]


# --------------------------------------------------------------------------- find_helpers: errors


def test_unknown_member_gets_close_matches():
    G = network([("q001", "q002")], offers={"q002": TOPIC}, names={"q001": "Fiona Shah", "q002": "Bo Chen"})
    with pytest.raises(MemberError) as error:
        find_helpers(G, "q0011", TOPIC)
    assert "'q0011' is not a member of this network" in str(error.value)
    assert "Fiona Shah (q001)" in str(error.value)
    with pytest.raises(MemberError, match="Did you mean Fiona Shah"):
        find_helpers(G, "Fiona Sha", TOPIC)


def test_a_name_two_members_share_is_refused():
    G = network([("a1", "a2")], offers={"a2": TOPIC}, names={"a1": "Sam Lee", "a2": "Sam Lee"})
    with pytest.raises(MemberError, match="More than one member is called 'Sam Lee'"):
        find_helpers(G, "Sam Lee", TOPIC)


def test_unknown_topic_lists_the_known_ones_and_suggests_the_nearest():
    G = network([("ann", "bo")], offers={"bo": "finding funding; evaluation"})
    with pytest.raises(TopicError) as error:
        find_helpers(G, "ann", "funding")
    message = str(error.value)
    assert "No member mentions 'funding'. Did you mean 'finding funding'?" in message
    assert "evaluation, finding funding" in message
    assert error.value.suggestions[0] == "finding funding"
    assert isinstance(error.value, MeasureError)


def test_nobody_offering_a_needed_topic_is_said_kindly_with_nearest_topics():
    G = network([("ann", "bo"), ("ann", "cy")],
                offers={"bo": "data analysis", "cy": "patient safety"},
                needs={"ann": "data quality", "bo": "data quality"})
    with pytest.raises(TopicError) as error:
        find_helpers(G, "ann", "data quality")
    message = str(error.value)
    assert "Nobody lists 'data quality' among what they can help with yet" in message
    assert "2 members would like help with it" in message
    assert "'data analysis'" in message
    assert error.value.heading == "Nobody offers that topic yet"
    assert error.value.suggestions[0] == "data analysis"


def test_no_topics_at_all_is_a_clear_error():
    G = network([("ann", "bo")])
    with pytest.raises(MeasureError, match="No member has the attribute 'can_help_with'"):
        find_helpers(G, "ann", TOPIC)
    G.nodes["ann"]["can_help_with"] = ""
    G.nodes["bo"]["can_help_with"] = "  "
    with pytest.raises(MeasureError):
        find_helpers(G, "ann", TOPIC)


@pytest.mark.parametrize("bad", [-1, 6, 1.5, True, "2"])
def test_max_introductions_must_be_a_small_whole_number(bad):
    G = network([("ann", "bo")], offers={"bo": TOPIC})
    with pytest.raises(MeasureError, match="max_introductions must be a whole number between 0 and 5"):
        find_helpers(G, "ann", TOPIC, max_introductions=bad)


def test_top_and_topic_must_make_sense():
    G = network([("ann", "bo")], offers={"bo": TOPIC})
    with pytest.raises(MeasureError, match="top must be a whole number"):
        find_helpers(G, "ann", TOPIC, top=0)
    with pytest.raises(TopicError, match="Give the topic as text"):
        find_helpers(G, "ann", None)
    with pytest.raises(MeasureError, match="needs a networkx graph"):
        find_helpers({"ann": ["bo"]}, "ann", TOPIC)


# --------------------------------------------------------------------------- find_helpers: independent check


def assert_agrees_with_networkx(G, member, topic, depth):
    table = find_helpers(G, member, topic, max_introductions=depth)
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    lengths = nx.single_source_shortest_path_length(H, member, cutoff=depth + 1)
    offering = {v for v, d in G.nodes(data=True) if topic in str(d.get("can_help_with", "")).split("; ")}
    expected = {v for v in offering if v != member and v in lengths}
    assert set(table.index) == expected
    for helper, row in table.iterrows():
        assert row["introductions"] == lengths[helper] - 1
        assert row["routes"] == sum(1 for _ in nx.all_shortest_paths(H, member, helper))
        path = row["path"]
        assert path[0] == member and path[-1] == helper and len(path) == lengths[helper] + 1
        assert all(H.has_edge(a, b) for a, b in zip(path, path[1:]))
    keys = [(row["introductions"], -row["routes"], str(h)) for h, row in table.iterrows()]
    assert keys == sorted(keys)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=14),
    edge_bits=st.lists(st.booleans(), min_size=91, max_size=91),
    offer_bits=st.lists(st.booleans(), min_size=14, max_size=14),
    depth=st.integers(min_value=0, max_value=3),
    directed=st.booleans(),
)
def test_agrees_with_networkx_shortest_paths_on_random_networks(n, edge_bits, offer_bits, depth, directed):
    pairs = [(i, j) for i in range(14) for j in range(i + 1, 14)]
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(f"m{i:02d}" for i in range(n))
    G.add_edges_from((f"m{i:02d}", f"m{j:02d}") for (i, j), keep in zip(pairs, edge_bits) if keep and j < n)
    for i in range(n):
        G.nodes[f"m{i:02d}"]["can_help_with"] = TOPIC if offer_bits[i] or i == n - 1 else "other"
    assert_agrees_with_networkx(G, "m00", TOPIC, depth)


@pytest.mark.parametrize("member", ["q001", "q031", "q077", "q150"])
@pytest.mark.parametrize("topic", ["evaluation", "finding funding", "co-production with patients"])
def test_agrees_with_networkx_on_the_course_community(q_graph, member, topic):
    assert_agrees_with_networkx(q_graph, member, topic, 2)


def test_large_community_agrees_with_networkx_to_depth_three():
    G = matching.large_community(1500, seed=3).graph("knows")
    for member in ("c0001", "c0700", "c1500"):
        assert_agrees_with_networkx(G, member, "finding funding", 2)


# --------------------------------------------------------------------------- ties between groups


def test_ties_between_groups_counts_each_tie_once():
    G = network([("a1", "a2"), ("a1", "b1"), ("a2", "b1"), ("b1", "b2"), ("b2", "c1")],
                groups={"a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C"})
    table = ties_between_groups(G)
    assert table.loc["A", "A"] == 1 and table.loc["A", "B"] == 2 and table.loc["B", "A"] == 2
    assert table.loc["B", "C"] == 1 and table.loc["A", "C"] == 0
    upper = sum(table.iloc[i, j] for i in range(3) for j in range(i, 3))
    assert upper == G.number_of_edges()


def test_ties_between_groups_on_the_course_community(q_graph):
    table = ties_between_groups(q_graph, "region")
    assert (table.values == table.values.T).all()
    region = nx.get_node_attributes(q_graph, "region")
    inside = sum(region[u] == region[v] for u, v in q_graph.edges())
    assert sum(table.loc[r, r] for r in table.index) == inside
    # The data card says 91% of knows ties are inside a region.
    assert round(inside / q_graph.number_of_edges(), 2) == 0.91


# --------------------------------------------------------------------------- suggest_introductions


def three_teams():
    """Teams A, B, C, each a star around a1/b1/c1 plus one extra member; A-B and B-C tied, A-C not."""
    edges = [("a1", "a2"), ("a1", "a3"), ("a1", "a4"), ("a2", "a3"),
             ("b1", "b2"), ("b1", "b3"), ("b1", "b4"),
             ("c1", "c2"), ("c1", "c3"), ("c1", "c4"),
             ("a4", "b4"), ("b3", "c4")]
    return network(edges, groups={n: n[0].upper() for n in {x for e in edges for x in e}})


def test_first_introduction_bridges_the_two_groups_with_no_tie():
    ideas = suggest_introductions(three_teams(), "region", k=1)
    row = ideas.loc[1]
    assert {row["group_a"], row["group_b"]} == {"A", "C"}
    assert (row["member_a"], row["member_b"]) == ("a1", "c1")    # the best connected at home
    assert row["ties_between_groups"] == 0
    assert row["reach"] == 3 + 3
    assert "A and C have no ties between them at all" in row["reason"]
    assert "1 pair of regions had no tie at all" in ideas.attrs["summary"]


def test_people_already_tied_to_the_other_group_are_skipped():
    G = three_teams()
    G.add_edge("a1", "c2")            # a1 now knows someone in C, and A and C share a tie
    G.add_edge("a2", "c3")
    ideas = suggest_introductions(G, "region", k=3)
    for _, row in ideas.iterrows():
        assert not G.has_edge(row["member_a"], row["member_b"])
        others = {G.nodes[x]["region"] for x in G[row["member_a"]]}
        assert row["group_b"] not in others


def test_suggestions_spread_over_every_pair_of_groups_and_nobody_twice():
    # Four separate cliques of five: the first six suggestions must cover all six pairs of groups.
    G = nx.Graph()
    for g in "ABCD":
        G.add_edges_from((f"{g}{i}", f"{g}{j}") for i in range(5) for j in range(i + 1, 5))
    nx.set_node_attributes(G, {n: n[0] for n in G}, "team")
    ideas = suggest_introductions(G, "team", k=6)
    pairs = {frozenset((a, b)) for a, b in zip(ideas["group_a"], ideas["group_b"])}
    assert len(pairs) == 6
    people = list(ideas["member_a"]) + list(ideas["member_b"])
    assert len(people) == len(set(people))
    assert list(ideas.index) == [1, 2, 3, 4, 5, 6]


def test_fewer_suggestions_when_the_people_run_out():
    G = network([("a1", "a2"), ("b1", "b2")], groups={"a1": "A", "a2": "A", "b1": "B", "b2": "B"})
    ideas = suggest_introductions(G, "region", k=5)
    assert len(ideas) == 2
    assert "You asked for 5" in ideas.attrs["summary"]


def test_suggestions_are_the_same_every_time(q_graph):
    first = suggest_introductions(q_graph, k=8)
    H = nx.Graph()
    H.add_nodes_from(sorted(q_graph.nodes(data=True), reverse=True))
    H.add_edges_from(sorted(q_graph.edges(), reverse=True))
    pd.testing.assert_frame_equal(first, suggest_introductions(H, k=8))


def test_on_the_course_community_the_least_tied_region_comes_first(q_graph):
    table = ties_between_groups(q_graph, "region")
    to_others = {r: table.loc[r].sum() - table.loc[r, r] for r in table.index}
    least = min(to_others, key=to_others.get)
    ideas = suggest_introductions(q_graph, "region", k=6)
    assert least in (ideas.loc[1, "group_a"], ideas.loc[1, "group_b"])
    weakest = min(table.loc[a, b] for a in table.index for b in table.index if a != b)
    assert ideas.loc[1, "ties_between_groups"] == weakest
    for _, row in ideas.iterrows():
        assert not q_graph.has_edge(row["member_a"], row["member_b"])
        assert row["group_a"] != row["group_b"]


def test_excluded_people_are_not_suggested(q_graph):
    first = suggest_introductions(q_graph, k=3)
    left_out = first.loc[1, "member_a"]
    again = suggest_introductions(q_graph, k=3, exclude=[left_out])
    assert left_out not in set(again["member_a"]) | set(again["member_b"])


def test_suggest_introductions_errors():
    G = network([("a", "b")], groups={"a": "North", "b": "North"})
    with pytest.raises(MeasureError, match="Every member is in the same region"):
        suggest_introductions(G)
    with pytest.raises(MeasureError, match="No member has the attribute 'team'"):
        suggest_introductions(G, "team")
    with pytest.raises(MeasureError, match="k must be a whole number"):
        suggest_introductions(G, k=0)
    with pytest.raises(MemberError, match="'zed' is not a member"):
        suggest_introductions(three_teams(), exclude=["zed"])


# --------------------------------------------------------------------------- a large community


def test_add_topics_is_seeded_and_follows_its_rules():
    members = pd.DataFrame({"id": [f"m{i}" for i in range(300)]})
    first = matching.add_topics(members, seed=5)
    pd.testing.assert_frame_equal(first, matching.add_topics(members, seed=5))
    assert not first.equals(matching.add_topics(members, seed=6))
    assert "can_help_with" not in members.columns                  # the input is not changed
    for offers, needs in zip(first["can_help_with"], first["needs_help_with"]):
        offered, needed = offers.split("; "), needs.split("; ")
        assert 1 <= len(offered) <= 3 and 1 <= len(needed) <= 3
        assert not set(offered) & set(needed)
        assert set(offered) <= set(matching.OFFER_WEIGHTS) and set(needed) <= set(matching.NEED_WEIGHTS)


def test_large_community_has_topics_and_the_promised_size():
    net = matching.large_community(600, seed=4)
    assert len(net.members) == 600
    assert {"can_help_with", "needs_help_with", "region"} <= set(net.members.columns)
    G = net.graph("knows")
    topics = matching.known_topics(G)
    assert topics.loc["finding funding", "needed_by"] > topics.loc["finding funding", "offered_by"]


def test_known_topics_counts_offers_and_needs(q_graph):
    topics = matching.known_topics(q_graph)
    assert topics["offered_by"].sum() == sum(len(matching.topics_of(q_graph)[v]) for v in q_graph)
    assert topics.loc["finding funding", "needed_by"] == 57      # counted from members.csv


def test_scale_timings_lists_every_measure_without_asserting_times():
    G = matching.large_community(400, seed=2).graph("knows")
    table = matching.scale_timings(G, member="c001", topic="evaluation", compare_with=60)
    assert list(table.columns) == ["measure", "members", "result", "seconds"]
    assert len(table) == 7
    assert (table["seconds"] >= 0).all()
    assert table["members"].iloc[-1] == 60
    assert "times as long" in table.attrs["note"]
    assert len(matching.scale_timings(G, compare_with=0)) == 6
