"""Blau's index, IQV, the E-I index and voices_present: hand-worked values, an independent count of
E and I from networkx's mixing matrix, properties that must hold for any input, and the errors a
learner meets with incomplete data."""

import math
import warnings

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlearn
from netlearn import DataError, Network
from netlearn.diversity import (blau_index, ei_index, ei_index_by_group, ei_index_by_member, iqv,
                                voices_present)

FAST = settings(max_examples=60, deadline=None)


def graph_with(edges, groups, directed=False, attribute="group", isolates=()):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(groups)
    G.add_edges_from(edges)
    G.add_nodes_from(isolates)
    nx.set_node_attributes(G, groups, attribute)
    return G


# --------------------------------------------------------------------------- Blau and IQV


def test_blau_and_iqv_known_values():
    # 50/50 split: 1 - (0.25 + 0.25) = 0.5; its maximum with k = 2 is 0.5, so IQV = 1.
    assert blau_index(["a", "b"] * 5) == pytest.approx(0.5)
    assert iqv(["a", "b"] * 5) == pytest.approx(1.0)
    # One category: no heterogeneity.
    assert blau_index(["a"] * 4) == 0.0
    # Three equal groups: 1 - 3 * (1/3)^2 = 2/3, the maximum 1 - 1/3, so IQV = 1.
    assert blau_index(list("abc") * 3) == pytest.approx(2 / 3)
    assert iqv(list("abc") * 3) == pytest.approx(1.0)
    # 3 a, 1 b: shares 0.75, 0.25: 1 - (0.5625 + 0.0625) = 0.375; IQV = 0.375 / 0.5 = 0.75.
    assert blau_index(list("aaab")) == pytest.approx(0.375)
    assert iqv(list("aaab")) == pytest.approx(0.75)


def test_iqv_with_possible_categories_counts_the_absent_ones():
    # Observed 50/50 over two of four possible categories: 0.5 / (1 - 1/4) = 2/3.
    assert iqv(["a", "b"], categories=["a", "b", "c", "d"]) == pytest.approx(2 / 3)
    # One observed category is fine when the possible ones are given: IQV 0.
    assert iqv(["a", "a"], categories=["a", "b"]) == 0.0


def test_iqv_errors_name_the_problem():
    with pytest.raises(ValueError, match="same category.*categories="):
        iqv(["a", "a", "a"])
    with pytest.raises(ValueError, match="only one category"):
        iqv(["a"], categories=["a"])
    with pytest.raises(ValueError, match="Values not in categories: z"):
        iqv(["a", "z"], categories=["a", "b"])


def test_inputs_graph_network_frame_series_and_dict_agree():
    members = pd.DataFrame({"id": ["m1", "m2", "m3", "m4"], "sector": ["acute", "acute", "gp", "council"]})
    net = Network.from_frames(members, pd.DataFrame({"source": ["m1"], "target": ["m2"]}))
    expected = 1 - (0.5 ** 2 + 0.25 ** 2 + 0.25 ** 2)
    assert blau_index(net, "sector") == pytest.approx(expected)
    assert blau_index(net.graph(), "sector") == pytest.approx(expected)
    assert blau_index(members, "sector") == pytest.approx(expected)
    assert blau_index(members["sector"]) == pytest.approx(expected)
    assert blau_index(dict(zip(members["id"], members["sector"]))) == pytest.approx(expected)


def test_missing_values_are_counted_not_dropped():
    values = ["a", None, "b", float("nan"), "  "]
    with pytest.raises(DataError, match="3 of 5 members have no value recorded") as info:
        blau_index(values)
    assert "missing='ignore'" in str(info.value)
    with pytest.warns(UserWarning, match="3 of 5 .* left out"):
        assert blau_index(values, missing="ignore") == pytest.approx(0.5)
    with pytest.raises(DataError, match="No member has a value"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            blau_index([None, None], missing="ignore")
    with pytest.raises(ValueError, match="missing='skip' is not one of"):
        blau_index(["a"], missing="skip")


def test_bad_inputs_get_plain_errors():
    G = graph_with([("a", "b")], {"a": "x", "b": "y"})
    with pytest.raises(ValueError, match="No member has the attribute 'sector'.*'group'"):
        blau_index(G, "sector")
    with pytest.raises(ValueError, match="Say which node attribute"):
        blau_index(G)
    with pytest.raises(ValueError, match="no members"):
        blau_index(nx.Graph(), "group")
    with pytest.raises(ValueError, match="no values"):
        blau_index([])
    with pytest.raises(ValueError, match="single text"):
        blau_index("acute")
    with pytest.raises(ValueError, match="There is no column 'sektor'"):
        blau_index(pd.DataFrame({"sector": ["a"]}), "sektor")


@FAST
@given(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=60), st.randoms(use_true_random=False))
def test_blau_lies_between_zero_and_its_maximum_and_ignores_order(values, rnd):
    k = len(set(values))
    value = blau_index(values)
    assert -1e-12 <= value <= 1 - 1 / k + 1e-12
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert blau_index(shuffled) == pytest.approx(value)
    if k > 1:
        assert 0 <= iqv(values) <= 1 + 1e-12
    assert 0 <= iqv(values, categories=list("abcdef")) <= 1 + 1e-12


# --------------------------------------------------------------------------- E-I index


def e_and_i_from_mixing_matrix(G, attribute):
    """Independent count: networkx's mixing matrix lists an undirected tie once from each end."""
    matrix = nx.attribute_mixing_matrix(G, attribute, normalized=False)
    total, inside = matrix.sum(), matrix.trace()
    if G.is_directed():
        return total - inside, inside
    return (total - inside) / 2, inside / 2


def test_ei_hand_worked():
    # a-b inside x, c-d inside y, b-c and a-d across: E = 2, I = 2, E-I = 0.
    G = graph_with([("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")], {"a": "x", "b": "x", "c": "y", "d": "y"})
    assert ei_index(G, "group") == 0.0
    # A star from x to three members of y: E = 3, I = 0: +1.
    star = graph_with([("h", "p"), ("h", "q"), ("h", "r")], {"h": "x", "p": "y", "q": "y", "r": "y"})
    assert ei_index(star, "group") == 1.0
    # Two separate cliques: all internal: -1.
    cliques = graph_with([("a", "b"), ("c", "d")], {"a": "x", "b": "x", "c": "y", "d": "y"})
    assert ei_index(cliques, "group") == -1.0


def test_undirected_ties_are_counted_once_as_the_mixing_matrix_halved_says():
    G = nx.les_miserables_graph()
    groups = {node: i % 3 for i, node in enumerate(sorted(G))}
    nx.set_node_attributes(G, groups, "group")
    external, internal = e_and_i_from_mixing_matrix(G, "group")
    assert external + internal == G.number_of_edges()
    assert ei_index(G, "group") == pytest.approx((external - internal) / (external + internal))


def test_directed_ties_are_counted_once_each():
    # a->b and b->a (both inside x), a->c (across), c->d (inside y): E = 1, I = 3: (1 - 3) / 4.
    G = graph_with([("a", "b"), ("b", "a"), ("a", "c"), ("c", "d")], {"a": "x", "b": "x", "c": "y", "d": "y"},
                   directed=True)
    assert ei_index(G, "group") == pytest.approx(-0.5)
    external, internal = e_and_i_from_mixing_matrix(G, "group")
    assert (external, internal) == (1, 3)


@FAST
@given(st.integers(2, 12), st.floats(0.1, 0.9), st.integers(2, 4), st.booleans(), st.integers(0, 10 ** 6))
def test_ei_is_between_minus_one_and_one_and_matches_the_mixing_matrix(n, p, k, directed, seed):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    nx.set_node_attributes(G, {v: v % k for v in G}, "group")
    if G.number_of_edges() == 0 or len({v % k for v in G}) < 2:
        return
    value = ei_index(G, "group")
    assert -1 <= value <= 1
    external, internal = e_and_i_from_mixing_matrix(G, "group")
    assert value == pytest.approx((external - internal) / (external + internal))
    table = ei_index_by_group(G, "group")
    assert table["internal"].sum() == internal
    assert table["ei_index"].dropna().between(-1, 1).all()
    members = ei_index_by_member(G, "group")
    assert members["ei_index"].dropna().between(-1, 1).all()
    assert members["external"].sum() == 2 * external  # every tie across has two ends
    assert members["internal"].sum() == 2 * internal


def test_ei_by_group_hand_worked_undirected():
    # x = {a, b, c}: inside a-b, b-c; across c-d. y = {d, e}: inside d-e; across c-d.
    G = graph_with([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")],
                   {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"})
    table = ei_index_by_group(G, "group")
    assert table.loc["x"].tolist() == [3, 2, 1, pytest.approx(-1 / 3)]
    assert table.loc["y"].tolist() == [2, 1, 1, 0.0]


def test_ei_by_group_directed_out_in_and_both():
    # x = {a, b}, y = {c}: a->b inside x; a->c and b->c from x to y; c->a from y to x.
    G = graph_with([("a", "b"), ("a", "c"), ("b", "c"), ("c", "a")], {"a": "x", "b": "x", "c": "y"},
                   directed=True)
    out = ei_index_by_group(G, "group", direction="out")
    assert out.loc["x", ["internal", "external"]].tolist() == [1, 2]  # sent a->c, b->c
    assert out.loc["y", ["internal", "external"]].tolist() == [0, 1]  # sent c->a
    received = ei_index_by_group(G, "group", direction="in")
    assert received.loc["x", "external"] == 1 and received.loc["y", "external"] == 2
    both = ei_index_by_group(G, "group")
    assert both.loc["x", ["internal", "external", "ei_index"]].tolist() == [1, 3, 0.5]
    with pytest.raises(ValueError, match="direction='sideways'.*'out', 'in', 'both'"):
        ei_index_by_group(G, "group", direction="sideways")


def test_group_without_ties_gets_nan_with_zero_counts():
    G = graph_with([("a", "b"), ("b", "c")], {"a": "x", "b": "y", "c": "y"}, isolates=["z1"])
    G.nodes["z1"]["group"] = "z"
    table = ei_index_by_group(G, "group")
    assert table.loc["z", ["members", "internal", "external"]].tolist() == [1, 0, 0]
    assert math.isnan(table.loc["z", "ei_index"])


def test_ei_by_member_hand_worked_and_isolates_are_nan():
    G = graph_with([("a", "b"), ("a", "c"), ("a", "d")], {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"})
    table = ei_index_by_member(G, "group")
    assert table.loc["a", ["internal", "external", "ties"]].tolist() == [1, 2, 3]
    assert table.loc["a", "ei_index"] == pytest.approx(1 / 3)
    assert table.loc["b", "ei_index"] == -1.0 and table.loc["c", "ei_index"] == 1.0
    assert table.loc["e", "ties"] == 0 and math.isnan(table.loc["e", "ei_index"])
    assert table.index[-1] == "e"  # members without ties come last


def test_ei_by_member_directed_direction_choices():
    # a->b (same group), a->c (other), c->a (other).
    G = graph_with([("a", "b"), ("a", "c"), ("c", "a")], {"a": "x", "b": "x", "c": "y"}, directed=True)
    out = ei_index_by_member(G, "group", direction="out")
    assert out.loc["a", ["internal", "external"]].tolist() == [1, 1]
    assert math.isnan(out.loc["b", "ei_index"])  # b sends nothing
    received = ei_index_by_member(G, "group", direction="in")
    assert received.loc["a", ["internal", "external"]].tolist() == [0, 1]
    assert received.loc["b", ["internal", "external"]].tolist() == [1, 0]
    both = ei_index_by_member(G, "group")
    assert both.loc["a", ["internal", "external"]].tolist() == [1, 2]


def test_weighted_ei():
    # x-x tie weight 3, x-y tie weight 1: E = 1, I = 3.
    G = graph_with([], {"a": "x", "b": "x", "c": "y"})
    G.add_edge("a", "b", weight=3)
    G.add_edge("b", "c", weight=1)
    assert ei_index(G, "group", weight="weight") == pytest.approx(-0.5)
    assert ei_index(G, "group") == 0.0


def test_ei_errors():
    one_group = graph_with([("a", "b")], {"a": "x", "b": "x"})
    with pytest.raises(ValueError, match="same group.*-1 by construction"):
        ei_index(one_group, "group")
    no_ties = graph_with([], {"a": "x", "b": "y"})
    with pytest.raises(ValueError, match="no ties"):
        ei_index(no_ties, "group")
    with pytest.raises(ValueError, match="No member has the attribute 'region'"):
        ei_index(one_group, "region")
    gaps = graph_with([("a", "b"), ("b", "c"), ("c", "d")], {"a": "x", "b": "y", "c": "x"}, isolates=["d"])
    with pytest.raises(DataError, match="1 of 4 members has no group recorded \\(d\\)"):
        ei_index(gaps, "group")
    with pytest.warns(UserWarning, match="left out"):
        assert ei_index(gaps, "group", missing="ignore") == 1.0  # a-b and b-c remain, both across
    with pytest.raises(TypeError, match="networkx graph"):
        ei_index([("a", "b")], "group")


# --------------------------------------------------------------------------- voices present


def test_voices_present_meets_and_misses_the_target():
    people = ["patient", "Carer", "clinician", "manager", "clinician"]
    result = voices_present(people)
    assert (result.count, result.total, result.share) == (2, 5, 0.4)
    assert result.meets_target and result.needed == 0
    assert result.per_voice.to_dict() == {"patient": 1, "carer": 1, "citizen": 0}
    assert "There are no citizens" in result.verdict

    # 8 of 150 against 20%: (8 + x) / (150 + x) >= 0.2 first holds at x = 28 (36 / 178 = 0.202,
    # while 35 / 177 = 0.198).
    many = ["patient"] * 4 + ["carer"] * 2 + ["citizen"] * 2 + ["clinician"] * 142
    result = voices_present(many)
    assert result.share == pytest.approx(8 / 150)
    assert not result.meets_target and result.needed == 28
    assert str(result).startswith("8 of 150 members (5%) are patients, carers or citizens, below the target")


def test_voices_present_counts_people_only_and_reads_graphs():
    members = pd.DataFrame({"id": ["p1", "p2", "p3", "org"], "kind": ["person", "person", "person", "organisation"],
                            "stakeholder": ["patient", "manager", "manager", None]})
    ties = pd.DataFrame({"source": ["p1", "p2", "p3"], "target": ["org", "org", "org"], "relation": "affiliated"})
    net = Network.from_frames(members, ties, directed=False)
    result = voices_present(net, target=0.3)
    assert (result.count, result.total) == (1, 3)  # the organisation is not counted
    G = nx.Graph()
    G.add_nodes_from([("a", {"role": "citizen"}), ("b", {"role": "nurse"})])
    assert voices_present(G, attribute="role", voices=["citizen"], target=0.5).meets_target


def test_voices_present_errors():
    with pytest.raises(ValueError, match="target must be a share between 0 and 1"):
        voices_present(["patient"], target=20)
    with pytest.raises(ValueError, match="voices must be a list"):
        voices_present(["patient"], voices="patient")
    with pytest.raises(DataError, match="1 of 3 members has no stakeholder"):
        voices_present(pd.DataFrame({"stakeholder": ["patient", None, "nurse"]}))


# --------------------------------------------------------------------------- shipped datasets


def load(name):
    """A shipped dataset (they are committed, so a failure to load is a real failure)."""
    return netlearn.load_dataset(name)


def test_q_community_diversity():
    net = load("q_community")
    result = voices_present(net)
    assert result.count == 8 and result.total == 150 and not result.meets_target
    G = net.graph("knows")
    value = ei_index(G, "region")
    external, internal = e_and_i_from_mixing_matrix(G, "region")
    assert value == pytest.approx((external - internal) / (external + internal))
    assert value < 0  # regional clusters
    members = ei_index_by_member(G, "region")
    assert members["ei_index"].iloc[0] > 0.5  # the planted brokers look outwards
    assert 0 < iqv(net, "region") <= 1


def test_devon_stp_voices():
    net = load("devon_stp")
    result = voices_present(net)
    assert result.total == 120 and 0 < result.share < 0.2
    assert ei_index(net.graph("collaborates"), "sector") < 1
