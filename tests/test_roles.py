"""roles: role_profile's rules on hand-built networks, Gould & Fernandez brokerage counted by hand
and by brute force, talent_spot's ranking, reasons and errors."""

import itertools
import math
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlearn
from netlearn import MemberError
from netlearn import MeasureError
from netlearn.roles import ROLES, brokerage_roles, role_profile, talent_spot

ROOT = Path(__file__).resolve().parents[1]
needs_datasets = pytest.mark.skipif(not (ROOT / "datasets" / "datapackage.json").exists(),
                                    reason="datasets/datapackage.json not there yet")


# ------------------------------------------------------------------ networks built by hand


def bridge_between_cliques():
    """Two teams of five, everyone in a team tied to everyone else in it; only Bri links them.

    Betweenness (pairs of others whose shortest paths run through):
      bri: every ward-gp pair, 5 * 5 = 25;   w1: the 4 other ward members with bri and the 5 gp, 4 * 6 = 24.
    Normalised by the 45 pairs among the 10 others: 0.556 and 0.533.
    Constraint: bri has two contacts who are not tied: 2 * (1/2)^2 = 0.5, the lowest of all;
    w1's contacts are mostly one closed clique, so w1 is highly constrained.
    """
    G = nx.Graph()
    for team, group in (("w", "ward"), ("g", "gp")):
        members = [f"{team}{i}" for i in range(1, 6)]
        G.add_nodes_from(members, group=group)
        G.add_edges_from(itertools.combinations(members, 2))
    G.add_node("bri", group="pharmacy")
    G.add_edges_from([("bri", "w1"), ("bri", "g1")])
    return G


def hubs_and_spanners():
    """Ward and gp teams each with a hub (w1, g1) tied to the other five; two extra ties per team;
    Bri (pharmacy) ties the hubs; Sam (council) knows three ward members and Ana (council);
    Pia (gp, can help with data analysis) knows only g6; Iso (ward) knows nobody."""
    G = nx.Graph()
    for team, group in (("w", "ward"), ("g", "gp")):
        members = [f"{team}{i}" for i in range(1, 7)]
        G.add_nodes_from(members, group=group)
        G.add_edges_from((members[0], m) for m in members[1:])
        G.add_edges_from([(members[1], members[2]), (members[3], members[4])])
    G.add_node("bri", group="pharmacy")
    G.add_edges_from([("bri", "w1"), ("bri", "g1")])
    G.add_nodes_from(["sam", "ana"], group="council")
    G.add_edges_from([("sam", "w3"), ("sam", "w4"), ("sam", "w5"), ("sam", "ana")])
    G.add_node("pia", group="gp", can_help_with="data analysis; evaluation", name="Pia Patel")
    G.add_edge("pia", "g6")
    G.add_node("iso", group="ward")
    return G


def energy_ratings():
    """Pia energizes five people (+2 each); g4 finds g5 mildly energizing (+1); w1 drains two
    people (-2 each); g2 is rated 0 (neutral) by g3."""
    E = nx.DiGraph()
    for rater in ("w2", "w3", "g2", "g3", "sam"):
        E.add_edge(rater, "pia", weight=2)
    E.add_edge("g4", "g5", weight=1)
    E.add_edge("w2", "w1", weight=-2)
    E.add_edge("g2", "w1", weight=-2)
    E.add_edge("g3", "g2", weight=0)
    return E


# ------------------------------------------------------------------ role_profile


def test_the_bridge_and_its_two_ends_are_brokers():
    profile = role_profile(bridge_between_cliques())
    # normalised by the 10 * 9 / 2 = 45 pairs of the other ten members
    assert profile.loc["bri", "betweenness"] == pytest.approx(25 / 45)
    assert profile.loc["w1", "betweenness"] == pytest.approx(24 / 45)
    assert profile.loc["bri", "constraint"] == pytest.approx(0.5)
    # w1's contacts: four who all know each other (p = 1/5 each, each also reached through the
    # three others, 3 * 1/5 * 1/4) and Bri: 4 * (1/5 + 3/20)^2 + (1/5)^2 = 0.53. Only Bri is lower.
    assert profile.loc["w1", "constraint"] == pytest.approx(0.53)
    # Bri has the highest betweenness and lowest constraint; w1 and g1 have the second highest
    # betweenness (1 of 11 members above them: 9% < 10%) and the second lowest constraint.
    assert profile.index[profile["broker"]].tolist() == ["w1", "g1", "bri"]
    assert profile["broker_score"].idxmax() == "bri"
    why = profile.loc["bri", "why"].split(" | ")
    assert why[0] == ("broker: betweenness 0.556 is in the top 10% and constraint 0.5 is in "
                      "the lowest 25%; ties reach 2 other groups")
    # Bri also has the most ties to other groups (2) and the fewest ties (2): the rules are
    # independent, and without expertise recorded the peripheral rule is flagged as position only.
    assert why[1].startswith("boundary spanner: 2 ties to other groups")
    assert why[2].endswith("so this rests on position alone")
    # Everyone else sits inside a closed clique: no betweenness at all.
    assert (profile.drop(index=["w1", "g1", "bri"])["betweenness"] == 0).all()


def test_profile_columns_and_counts():
    G = hubs_and_spanners()
    profile = role_profile(G, expertise="can_help_with")
    assert profile.index.name == "member" and list(profile.index) == list(G)
    assert profile.loc["pia", "name"] == "Pia Patel" and profile.loc["w1", "name"] == "w1"
    # Sam: w3, w4, w5 (ward) and Ana (council, Sam's own group).
    assert profile.loc["sam", ["degree", "ties_in_group", "ties_to_other_groups", "other_groups_reached"]
                       ].tolist() == [4, 1, 3, 1]
    # Bri: two hubs in two different groups.
    assert profile.loc["bri", ["ties_to_other_groups", "other_groups_reached"]].tolist() == [2, 2]
    assert (profile["degree"] == [G.degree(v) for v in G]).all()
    assert (profile["ties_in_group"] + profile["ties_to_other_groups"] == profile["degree"]).all()
    assert profile["betweenness"].to_dict() == pytest.approx(nx.betweenness_centrality(G))
    assert "energizer" not in profile and "energy_in" not in profile
    for role in ("broker", "central_connector", "boundary_spanner", "peripheral_specialist"):
        assert profile[role].dtype == bool
        assert profile[f"{role}_score"].between(0, 1).all()


def test_roles_in_the_hub_network():
    profile = role_profile(hubs_and_spanners(), expertise="can_help_with")
    # The hubs have 5 ties inside their group; nobody else has more than 2.
    assert profile.index[profile["central_connector"]].tolist() == ["w1", "g1"]
    assert "central connector: 5 ties inside their own group, in the top 10%" in profile.loc["w1", "why"]
    # Sam (3) and Bri (2) have the most ties to other groups; the next have 1.
    assert profile.index[profile["boundary_spanner"]].tolist() == ["bri", "sam"]
    assert profile.loc["sam", "why"] == ("boundary spanner: 3 ties to other groups, in the top 10%; "
                                         "they reach 1 other group")
    # The hubs carry the most paths (betweenness 0.54 and 0.55, Bri 0.47) with low constraint.
    assert profile.index[profile["broker"]].tolist() == ["w1", "g1"]
    # Pia: one tie, and expertise listed. w6 and Ana also have one tie but list nothing.
    assert profile.index[profile["peripheral_specialist"]].tolist() == ["pia"]
    assert profile.loc["pia", "why"] == ("peripheral specialist: 1 tie, in the lowest 10% of members with ties; "
                                         "can help with: data analysis; evaluation")
    assert profile.loc["iso", "why"] == "no ties in this network, so no role applies"
    assert profile.loc["w2", "why"] == "none of the role rules is met"
    assert math.isnan(profile.loc["iso", "constraint"]) and math.isnan(profile.loc["iso", "effective_size"])
    assert profile.loc["iso", ROLES[:2]].tolist() == [False, False]


def test_thresholds_are_parameters():
    G = hubs_and_spanners()
    # With the top 20% counted, Bri (third highest betweenness: 2 of 17 above, 12%) becomes a broker.
    assert role_profile(G, top=0.2).loc["bri", "broker"]
    assert not role_profile(G, top=0.1).loc["bri", "broker"]


def test_peripheral_specialists_without_expertise_rest_on_position():
    profile = role_profile(hubs_and_spanners())
    assert profile.index[profile["peripheral_specialist"]].tolist() == ["w6", "ana", "pia"]
    assert profile.loc["w6", "why"].endswith("no expertise attribute was given, so this rests on position alone")


def test_energizers_from_positive_ratings():
    profile = role_profile(hubs_and_spanners(), energy=energy_ratings())
    # Sum of positive ratings received: Pia 5 * 2 = 10 from 5 people; g5 1 from 1; w1's -2s and
    # g2's 0 are left out.
    assert profile.loc["pia", ["energy_in", "energy_raters"]].tolist() == [10.0, 5]
    assert profile.loc["g5", ["energy_in", "energy_raters"]].tolist() == [1.0, 1]
    assert profile.loc["w1", ["energy_in", "energy_raters"]].tolist() == [0.0, 0]
    assert profile.loc["g2", "energy_in"] == 0.0
    # Pia has one tie, yet is the clearest energizer. g5 is second of 17: one member (6%) is
    # higher, so g5 is in the top 10% too; with top=0.05 only Pia is.
    assert profile.index[profile["energizer"]].tolist() == ["g5", "pia"]
    assert "energizer: positive energy received 10 (from 5 people) is in the top 10%" in profile.loc["pia", "why"]
    strict = role_profile(hubs_and_spanners(), energy=energy_ratings(), top=0.05)
    assert strict.index[strict["energizer"]].tolist() == ["pia"]
    assert profile["energizer_score"].idxmax() == "pia"


def test_energy_ratings_must_be_directed_and_about_these_members():
    G = hubs_and_spanners()
    with pytest.raises(MeasureError, match="directed graph of ratings"):
        role_profile(G, energy=energy_ratings().to_undirected())
    with pytest.raises(MeasureError, match="None of the members"):
        role_profile(G, energy=nx.DiGraph([("x", "y")]))


def test_backends_give_the_same_profile():
    G = hubs_and_spanners()
    a = role_profile(G, energy=energy_ratings(), backend="networkx")
    b = role_profile(G, energy=energy_ratings(), backend="igraph")
    pd.testing.assert_frame_equal(a, b, check_exact=False, atol=1e-9, rtol=0)


def test_backends_agree_on_a_directed_network():
    G = nx.gnp_random_graph(40, 0.08, seed=4, directed=True)
    nx.set_node_attributes(G, {v: "ABCD"[v % 4] for v in G}, "group")
    pd.testing.assert_frame_equal(role_profile(G, backend="networkx"), role_profile(G, backend="igraph"),
                                  check_exact=False, atol=1e-9, rtol=0)


def test_network_without_ties():
    G = nx.empty_graph(4)
    nx.set_node_attributes(G, {0: "A", 1: "A", 2: "B", 3: "B"}, "group")
    profile = role_profile(G)
    assert not profile[list(ROLES[:2]) + list(ROLES[3:])].to_numpy().any()
    assert (profile["why"] == "no ties in this network, so no role applies").all()
    assert profile["constraint"].isna().all()


def test_directed_network_counts_contacts_either_way():
    G = nx.DiGraph([("a1", "a2"), ("a2", "a1"), ("a1", "b1"), ("b2", "a1"), ("b1", "b2")])
    nx.set_node_attributes(G, {"a1": "A", "a2": "A", "b1": "B", "b2": "B"}, "group")
    profile = role_profile(G)
    assert profile.loc["a1", ["degree", "ties_in_group", "ties_to_other_groups"]].tolist() == [3, 1, 2]
    assert profile["betweenness"].to_dict() == pytest.approx(nx.betweenness_centrality(G))


def test_role_profile_errors():
    G = hubs_and_spanners()
    with pytest.raises(MeasureError, match="empty"):
        role_profile(nx.Graph())
    with pytest.raises(MeasureError, match=r"No member has the attribute 'team'.*group") as info:
        role_profile(G, group="team")
    assert "can_help_with" in str(info.value)  # lists the attributes members do have
    with pytest.raises(MeasureError, match="Did you mean 'group'"):
        role_profile(G, group="grop")
    H = G.copy()
    del H.nodes["iso"]["group"]
    with pytest.raises(MeasureError, match="1 member.*iso"):
        role_profile(H)
    with pytest.raises(MeasureError, match="same group"):
        role_profile(_single_group())
    with pytest.raises(MeasureError, match="expertise_area"):
        role_profile(G, expertise="expertise_area")
    with pytest.raises(MeasureError, match="share between 0 and 1"):
        role_profile(G, top=10)


def _single_group():
    G = nx.path_graph(4)
    nx.set_node_attributes(G, "ward", "group")
    return G


# ------------------------------------------------------------------ brokerage_roles by hand


def two_path(ga, gv, gb, closing=False):
    """a -> v -> b with the given groups, plus an isolated member z in group Z (so that there are
    always two groups, and isolates are covered); closing adds a -> b."""
    G = nx.DiGraph([("a", "v"), ("v", "b")])
    if closing:
        G.add_edge("a", "b")
    G.add_node("z")
    nx.set_node_attributes(G, {"a": ga, "v": gv, "b": gb, "z": "Z"}, "group")
    return G


@pytest.mark.parametrize("groups,kind", [
    (("A", "A", "A"), "coordinator"),      # all in v's group
    (("A", "B", "A"), "itinerant"),        # v links two members of another group
    (("A", "A", "B"), "representative"),   # v passes its own group's business out to B
    (("A", "B", "B"), "gatekeeper"),       # v lets an outsider from A into its group B
    (("A", "B", "C"), "liaison"),          # three different groups
])
def test_each_brokerage_type_alone(groups, kind):
    table = brokerage_roles(two_path(*groups))
    expected = {name: 0 for name in table.columns}
    expected[kind] = expected["total"] = 1
    assert table.loc["v"].to_dict() == expected
    assert table.loc[["a", "b", "z"]].to_numpy().sum() == 0  # the ends and the isolate broker nothing


def test_a_closing_tie_removes_the_brokerage():
    assert brokerage_roles(two_path("A", "B", "C", closing=True)).loc["v", "total"] == 0
    # A tie b -> a does not close a -> v -> b (a still cannot reach b directly), but it opens
    # b -> a -> v: a now brokers between b and v (groups C, A, B: a liaison).
    G = two_path("A", "B", "C")
    G.add_edge("b", "a")
    table = brokerage_roles(G)
    assert table.loc["v", "liaison"] == 1
    assert table.loc["a"].to_dict() == {"coordinator": 0, "itinerant": 0, "representative": 0,
                                        "gatekeeper": 0, "liaison": 1, "total": 1}


def test_worked_example_with_several_paths():
    # Groups: v in A; in-ties from p (A) and q (B); out-ties to r (A) and s (C); p -> r exists.
    #   p -> v -> r: closed by p -> r            -> not counted
    #   p -> v -> s: A A C                       -> representative
    #   q -> v -> r: B A A                       -> gatekeeper
    #   q -> v -> s: B A C                       -> liaison
    # r also brokers p -> r -> ? (r sends nothing) -> nothing; isolated z counts nothing.
    G = nx.DiGraph([("p", "v"), ("q", "v"), ("v", "r"), ("v", "s"), ("p", "r")])
    G.add_node("z")
    nx.set_node_attributes(G, {"v": "A", "p": "A", "q": "B", "r": "A", "s": "C", "z": "B"}, "group")
    table = brokerage_roles(G)
    assert table.loc["v"].to_dict() == {"coordinator": 0, "itinerant": 0, "representative": 1,
                                        "gatekeeper": 1, "liaison": 1, "total": 3}
    assert table.drop(index="v")["total"].sum() == 0
    assert table.dtypes.unique().tolist() == [np.dtype(int)]


def test_undirected_ties_count_each_way():
    # Path a - v - b, groups A A B. Read both ways: a -> v -> b (representative) and
    # b -> v -> a (gatekeeper). Total 2 = twice the one open two-path.
    G = nx.Graph([("a", "v"), ("v", "b")])
    nx.set_node_attributes(G, {"a": "A", "v": "A", "b": "B"}, "group")
    assert brokerage_roles(G).loc["v"].to_dict() == {"coordinator": 0, "itinerant": 0, "representative": 1,
                                                     "gatekeeper": 1, "liaison": 0, "total": 2}
    # A triangle has no open two-path.
    assert brokerage_roles(_triangle())["total"].sum() == 0


def _triangle():
    G = nx.complete_graph(["a", "b", "c"])
    nx.set_node_attributes(G, {"a": "A", "b": "B", "c": "B"}, "group")
    return G


def test_brokerage_errors():
    G = two_path("A", "B", "C")
    G.add_node("iso")  # an isolate without a group: an error even though it brokers nothing
    with pytest.raises(MeasureError, match="1 member.*iso"):
        brokerage_roles(G)
    with pytest.raises(MeasureError, match="No member has the attribute 'region'"):
        brokerage_roles(two_path("A", "B", "C"), group="region")
    same = two_path("A", "A", "A")
    same.nodes["z"]["group"] = "A"
    with pytest.raises(MeasureError, match="same group"):
        brokerage_roles(same)
    with pytest.raises(MeasureError, match="empty"):
        brokerage_roles(nx.DiGraph())


def brute_force_brokerage(G, group):
    """Every ordered triple of different members (a, v, b) with a -> v -> b and no a -> b."""
    D = G if G.is_directed() else G.to_directed()
    kinds = {v: dict.fromkeys(["coordinator", "itinerant", "representative", "gatekeeper", "liaison"], 0)
             for v in D}
    g = nx.get_node_attributes(D, group)
    for a, v, b in itertools.permutations(D, 3):
        if D.has_edge(a, v) and D.has_edge(v, b) and not D.has_edge(a, b):
            if g[a] == g[v] == g[b]:
                kind = "coordinator"
            elif g[a] == g[b]:
                kind = "itinerant"
            elif g[a] == g[v]:
                kind = "representative"
            elif g[v] == g[b]:
                kind = "gatekeeper"
            else:
                kind = "liaison"
            kinds[v][kind] += 1
    return kinds


@settings(max_examples=60, deadline=None)
@given(n=st.integers(3, 9), p=st.floats(0.1, 0.9), seed=st.integers(0, 10_000),
       directed=st.booleans(), n_groups=st.integers(2, 3))
def test_brokerage_matches_brute_force_and_open_two_paths(n, p, seed, directed, n_groups):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    groups = {v: "ABC"[(v * 7 + seed) % n_groups] for v in G}
    groups[0], groups[1] = "A", "B"  # at least two groups
    nx.set_node_attributes(G, groups, "group")
    table = brokerage_roles(G)
    expected = brute_force_brokerage(G, "group")
    D = G if directed else G.to_directed()
    for v in G:
        assert table.loc[v].drop("total").to_dict() == expected[v]
        open_paths = sum(1 for a in D.predecessors(v) for b in D.successors(v)
                         if a != b and not D.has_edge(a, b))
        assert table.loc[v, "total"] == open_paths
        if not directed:
            assert table.loc[v, "representative"] == table.loc[v, "gatekeeper"]


# ------------------------------------------------------------------ talent_spot


def test_talent_spot_ranks_with_reasons_and_exclusions():
    G = hubs_and_spanners()
    picks = talent_spot(G, "broker", top=3)
    assert list(picks.index) == ["w1", "g1", "bri"]  # those meeting the rule first, then by score
    assert picks["fits_rule"].tolist() == [True, True, False]
    assert list(picks.columns) == ["name", "group", "score", "fits_rule", "reasons"]
    # Constraint is compared among the 16 members with ties: 11 of them are more constrained than Bri.
    assert picks.loc["bri", "reasons"] == ("betweenness 0.467 (higher than 82% of members); constraint 0.5 "
                                           "(lower than 69% of members); contacts in 2 other groups; "
                                           "does not meet the full broker rule")
    picks = talent_spot(G, "broker", exclude=["w1", "g1"], top=1)
    assert list(picks.index) == ["bri"]


def test_talent_spot_with_a_topic_and_a_given_profile():
    G = hubs_and_spanners()
    profile = role_profile(G, expertise="can_help_with")
    picks = talent_spot(G, "peripheral_specialist", profile=profile, topic="Data")
    assert list(picks.index) == ["pia"]
    # Pia has 1 tie; of the 16 members with ties, 13 have more (w6 and Ana also have 1).
    assert picks.loc["pia", "reasons"] == ("ties 1 (lower than 81% of members with ties); can help with: "
                                           "data analysis; meets the peripheral specialist rule")
    without_topic = talent_spot(G, "peripheral_specialist", profile=profile, top=1)
    assert without_topic.loc["pia", "reasons"].endswith("can help with: data analysis; evaluation; "
                                                        "meets the peripheral specialist rule")
    with pytest.raises(MeasureError, match="Did you mean 'evaluation'.*Topics listed: data analysis, evaluation"):
        talent_spot(G, "broker", topic="evalution")


def test_talent_spot_energizers_need_ratings():
    G = hubs_and_spanners()
    with pytest.raises(MeasureError, match="energy ratings"):
        talent_spot(G, "energizer")
    picks = talent_spot(G, "energizer", energy=energy_ratings(), top=2)
    assert list(picks.index) == ["pia", "g5"]
    assert picks.loc["pia", "reasons"].startswith("positive energy received 10 (higher than 94% of members), "
                                                  "from 5 people")


def test_talent_spot_errors():
    G = hubs_and_spanners()
    with pytest.raises(MeasureError, match="Did you mean 'broker'.*The roles are: broker, central_connector"):
        talent_spot(G, "brokers")
    with pytest.raises(MemberError, match="Did you mean 'bri'"):
        talent_spot(G, "broker", exclude=["brie"])
    with pytest.raises(MeasureError, match="whole number"):
        talent_spot(G, "broker", top=0)


# ------------------------------------------------------------------ integration with course data


def _graph_from_tables(tables, relation):
    members = tables["members"]
    ties = tables["ties"][tables["ties"]["relation"] == relation]
    directed = tables["relations"].set_index("relation").loc[relation, "directed"] in (True, "yes")
    G = nx.DiGraph() if directed else nx.Graph()
    for row in members.to_dict("records"):
        G.add_node(row["id"], **{k: v for k, v in row.items() if k != "id" and not pd.isna(v)})
    for s, t, w in zip(ties["source"], ties["target"], ties["weight"]):
        G.add_edge(s, t, **({} if pd.isna(w) else {"weight": int(w)}))
    return G


def test_large_synthetic_community_backends_agree():
    from netlearn.synthetic import make_community

    tables = make_community(n_members=350, mean_degree=6, n_regions=5, seed=2)
    G = _graph_from_tables(tables, "knows")
    a = role_profile(G, backend="networkx")
    b = role_profile(G)  # auto: 350 members, so igraph
    pd.testing.assert_frame_equal(a, b, check_exact=False, atol=1e-9, rtol=0)
    assert 0 < b["broker"].sum() < 0.1 * len(b)
    advice = _graph_from_tables(tables, "advice")
    table = brokerage_roles(advice)
    assert table["total"].sum() > 0


@needs_datasets
def test_q_community_profile():
    try:
        net = netlearn.load_dataset("q_community")
    except netlearn.DataError as err:  # the dataset files are still being written
        pytest.skip(f"q_community does not load yet: {str(err).splitlines()[0]}")
    knows = net.graph("knows")
    group = "group" if any("group" in d for _, d in knows.nodes(data=True)) else "region"
    profile = role_profile(knows, group=group, energy=net.graph("energy"), expertise="can_help_with")
    assert len(profile) == len(net.members)
    assert profile["energizer"].any() and profile["broker"].any()
    picks = talent_spot(knows, "peripheral_specialist", profile=profile, topic="evaluation", top=3)
    assert len(picks) >= 1 and picks["reasons"].str.contains("evaluation").all()
    brokerage_roles(net.graph("advice"), group=group)


@needs_datasets
def test_devon_partnership_profile_and_brokerage():
    try:
        net = netlearn.load_dataset("devon_stp")
    except netlearn.DataError as err:
        pytest.skip(f"devon_stp does not load yet: {str(err).splitlines()[0]}")
    G = net.graph("collaborates")
    a = role_profile(G, group="organisation", backend="networkx")
    b = role_profile(G, group="organisation", backend="igraph")
    pd.testing.assert_frame_equal(a, b, check_exact=False, atol=1e-9, rtol=0)
    table = brokerage_roles(G, group="group")  # NHS, local authority, voluntary, Healthwatch
    # Undirected ties are read both ways: representative and gatekeeper counts are equal.
    assert (table["representative"] == table["gatekeeper"]).all()
    assert (table[["coordinator", "itinerant", "liaison"]] % 2 == 0).all().all()
