"""membership: invented members added by a written rule, seeded removals, and the before/after
diversity table, checked against hand-worked examples and an independent re-implementation."""

import random
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlearn
from netlearn.errors import MeasureError
from netlearn.membership import (LIVED_EXPERIENCE, add_members, added_members, compare_membership,
                                 remove_members)

ROOT = Path(__file__).resolve().parents[1]


def two_regions():
    G = nx.Graph([("a", "b"), ("c", "d"), ("b", "c")])
    nx.set_node_attributes(G, {"a": "north", "b": "north", "c": "south", "d": "south"}, "region")
    nx.set_node_attributes(G, "clinician", "stakeholder")
    nx.set_node_attributes(G, {"a": "acute", "b": "acute", "c": "primary care", "d": "acute"}, "sector")
    return G


def rule_by_hand(G, count, links, seed, group="region"):
    """The documented rule, written out again: (home group, partners) for each new member."""
    by_group = {}
    for n, g in G.nodes(data=group):
        by_group.setdefault(g, []).append(n)
    names = sorted(by_group, key=str)
    members = {g: sorted(by_group[g], key=str) for g in names}
    rng = random.Random(seed)
    rng.shuffle(names)
    plan = []
    for k in range(count):
        chosen = [names[(k + j) % len(names)] for j in range(links)]
        home = chosen[0] if chosen else names[k % len(names)]
        plan.append((home, [rng.choice(members[g]) for g in chosen]))
    return plan


# ------------------------------------------------------------------ add_members


def test_new_members_follow_the_written_rule():
    G = two_regions()
    H = add_members(G, 3, attributes={"stakeholder": "patient"}, links=2, seed=5)
    plan = rule_by_hand(G, 3, 2, 5)
    assert added_members(H) == ["new1", "new2", "new3"]
    for member, (home, partners) in zip(added_members(H), plan):
        assert H.nodes[member]["region"] == home
        assert sorted(H[member]) == sorted(partners)
        assert {H.nodes[p]["region"] for p in partners} == {"north", "south"}   # one in each region
        assert H.nodes[member]["stakeholder"] == "patient" and H.nodes[member]["added"] is True
        assert all(H.edges[member, p]["added"] for p in partners)


def test_the_original_is_left_alone_and_counts_add_up():
    G = two_regions()
    H = add_members(G, 4, links=1)
    assert G.number_of_nodes() == 4 and G.number_of_edges() == 3 and "added_members" not in G.graph
    assert H.number_of_nodes() == 8 and H.number_of_edges() == 3 + 4


def test_consecutive_members_rotate_through_the_groups():
    net = netlearn.load_dataset("q_community")
    G = net.graph("knows")
    H = add_members(G, 12, links=1, seed=2017)
    homes = [H.nodes[m]["region"] for m in added_members(H)]
    regions = sorted(set(nx.get_node_attributes(G, "region").values()))
    assert sorted(homes[:6]) == regions and homes[6:] == homes[:6]   # each region twice, in a fixed turn


def test_same_seed_same_network_and_one_more_keeps_the_earlier_ones():
    G = two_regions()
    first = add_members(G, 2, links=1, seed=11)
    again = add_members(G, 2, links=1, seed=11)
    more = add_members(G, 3, links=1, seed=11)
    assert sorted(first.edges) == sorted(again.edges)
    assert set(first.edges) <= set(more.edges)


def test_directed_networks_get_a_returned_tie():
    G = nx.DiGraph([("a", "b"), ("c", "d")])
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "region")
    H = add_members(G, 1, links=2, seed=0)
    partners = list(H.successors("new1"))
    assert len(partners) == 2
    assert all(H.has_edge(p, "new1") for p in partners)


def test_no_links_means_joining_without_ties_but_with_a_home():
    G = two_regions()
    H = add_members(G, 2, links=0)
    assert H.number_of_edges() == G.number_of_edges()
    assert {H.nodes[m]["region"] for m in added_members(H)} == {"north", "south"}


def test_ids_skip_existing_ones_and_labels_and_attribute_lists_apply():
    G = two_regions()
    G.add_node("new1", region="north", stakeholder="clinician", sector="acute", group="north")
    H = add_members(G, 3, attributes=[{"stakeholder": "patient"}, {"stakeholder": "carer"}],
                    also_label=["group"], links=1)
    assert added_members(H) == ["new2", "new3", "new4"]
    assert [H.nodes[m]["stakeholder"] for m in added_members(H)] == ["patient", "carer", "patient"]
    assert all(H.nodes[m]["group"] == H.nodes[m]["region"] for m in added_members(H))
    assert H.nodes["new2"]["name"] == "New member 2"


def test_attributes_may_set_the_home_group_themselves():
    H = add_members(two_regions(), 1, attributes={"region": "elsewhere"}, links=1)
    assert H.nodes["new1"]["region"] == "elsewhere"


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"count": -1}, "0 or more"),
    ({"count": 1.5}, "whole number"),
    ({"count": 1, "links": 3}, "at most 2"),
    ({"count": 1, "group": "team"}, "No member has the attribute 'team'"),
    ({"count": 1, "attributes": ["patient"]}, "dict of member attributes"),
])
def test_mistakes_get_plain_errors(kwargs, words):
    with pytest.raises(MeasureError, match=words):
        add_members(two_regions(), **kwargs)


def test_members_without_a_group_are_named():
    G = two_regions()
    G.add_node("e")
    with pytest.raises(MeasureError, match=r"1 member\(s\) have no 'region' \(e\)"):
        add_members(G, 1)


def test_not_a_graph():
    with pytest.raises(MeasureError, match="networkx graph"):
        add_members([("a", "b")], 1)


@settings(max_examples=40, deadline=None)
@given(n_groups=st.integers(1, 5), size=st.integers(1, 4), count=st.integers(0, 12), seed=st.integers(0, 10**6),
       data=st.data())
def test_every_new_member_has_one_tie_into_each_of_links_groups(n_groups, size, count, seed, data):
    G = nx.Graph()
    for g in range(n_groups):
        G.add_nodes_from(((f"m{g}-{i}", {"region": f"r{g}"}) for i in range(size)))
    links = data.draw(st.integers(0, n_groups))
    H = add_members(G, count, links=links, seed=seed)
    new = added_members(H)
    assert len(new) == count and H.number_of_edges() == count * links
    for member in new:
        groups = [H.nodes[p]["region"] for p in H[member]]
        assert len(groups) == len(set(groups)) == links
        assert not any(H.nodes[p].get("added") for p in H[member])   # never tied to another newcomer


# ------------------------------------------------------------------ remove_members


def test_remove_members_takes_a_seeded_choice_of_the_matching_kind():
    G = nx.path_graph(["a", "b", "c", "d", "e"])
    nx.set_node_attributes(G, {"a": "Patient", "b": "nurse", "c": "carer ", "d": "nurse", "e": "citizen"},
                           "stakeholder")
    order = ["a", "c", "e"]
    random.Random(4).shuffle(order)
    H = remove_members(G, 2, seed=4)
    assert H.graph["removed_members"] == order[:2]
    assert set(H) == set(G) - set(order[:2]) and len(G) == 5
    assert set(remove_members(G, 1, seed=4).graph["removed_members"]) <= set(order[:2])
    assert remove_members(G, 0).number_of_nodes() == 5


def test_removing_more_than_there_are_is_explained():
    G = nx.path_graph(["a", "b"])
    nx.set_node_attributes(G, {"a": "patient", "b": "nurse"}, "stakeholder")
    with pytest.raises(MeasureError, match="Only 1 member"):
        remove_members(G, 2)
    with pytest.raises(MeasureError, match="0 or more"):
        remove_members(G, -1)


# ------------------------------------------------------------------ compare_membership


def test_compare_membership_by_hand():
    G = two_regions()
    H = add_members(G, 1, attributes={"stakeholder": "patient", "sector": "lay member"}, links=2, seed=0)
    table = compare_membership(G, H)
    assert list(table.columns) == ["before", "after", "change"]
    # Before: ties a-b, c-d inside regions, b-c across: (1 - 2) / 3. After: one of the two new ties is
    # inside the newcomer's home region, one across: (2 - 3) / 5.
    assert table.loc["E-I index by region", "before"] == pytest.approx(-1 / 3)
    assert table.loc["E-I index by region", "after"] == pytest.approx(-1 / 5)
    assert table.loc["E-I index by region", "change"] == pytest.approx(-1 / 5 + 1 / 3)
    # Sector: before a-b acute-acute (I), c-d primary-acute (E), b-c acute-primary (E): (2 - 1) / 3;
    # after both new ties reach other sectors: (4 - 1) / 5.
    assert table.loc["E-I index by sector", "before"] == pytest.approx(1 / 3)
    assert table.loc["E-I index by sector", "after"] == pytest.approx(3 / 5)
    # Stakeholder: 4 clinicians, then 4 clinicians and 1 patient.
    assert table.loc["Blau index by stakeholder", "before"] == 0
    assert table.loc["Blau index by stakeholder", "after"] == pytest.approx(1 - (0.8 ** 2 + 0.2 ** 2))
    assert table.loc["IQV by stakeholder", "after"] == pytest.approx((1 - (0.8 ** 2 + 0.2 ** 2)) / (1 - 1 / 2))
    assert table.loc["patients, carers or citizens (number)"].tolist() == [0, 1, 1]
    assert table.loc["patients, carers or citizens (share of members)", "after"] == pytest.approx(0.2)
    assert table.loc["members"].tolist() == [4, 5, 1]
    assert "1 of 5 members (20%)" in table.attrs["verdict"]


def test_iqv_counts_a_perspective_that_disappears():
    G = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, {"a": "clinician", "b": "clinician", "c": "patient"}, "stakeholder")
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y"}, "region")
    H = remove_members(G, 1)
    table = compare_membership(G, H, diversity_of=["stakeholder"], ei_of=[])
    assert table.loc["IQV by stakeholder", "before"] == pytest.approx((1 - (4 / 9 + 1 / 9)) / 0.5)
    assert table.loc["IQV by stakeholder", "after"] == 0     # k stays 2: the patient is missed, not forgotten


def test_q_community_reaches_the_voices_target_exactly_when_voices_present_says():
    net = netlearn.load_dataset("q_community")
    G = net.graph("knows")
    needed = netlearn.diversity.voices_present(net).needed
    attributes = {"sector": "lay member", "stakeholder": "patient"}
    enough = compare_membership(G, add_members(G, needed, attributes=attributes, links=1, also_label=["group"]))
    short = compare_membership(G, add_members(G, needed - 1, attributes=attributes, links=1, also_label=["group"]))
    share = "patients, carers or citizens (share of members)"
    assert enough.loc[share, "after"] >= 0.2 > short.loc[share, "after"]
    assert "at or above the target" in enough.attrs["verdict"]


def test_wider_links_open_regional_silos_more():
    net = netlearn.load_dataset("q_community")
    G = net.graph("knows")
    attributes = {"sector": "lay member", "stakeholder": "patient"}
    one = compare_membership(G, add_members(G, 20, attributes=attributes, links=1, also_label=["group"]))
    six = compare_membership(G, add_members(G, 20, attributes=attributes, links=6, also_label=["group"]))
    # Independent count for six links: each newcomer adds 1 tie inside their region and 5 across.
    ties = [(u, v) for u, v in G.edges]
    inside = sum(G.nodes[u]["region"] == G.nodes[v]["region"] for u, v in ties)
    across = len(ties) - inside
    expected = ((across + 100) - (inside + 20)) / (len(ties) + 120)
    assert six.loc["E-I index by region", "after"] == pytest.approx(expected)
    assert six.loc["E-I index by region", "change"] > 0.2 > abs(one.loc["E-I index by region", "change"])
    assert one.loc["Blau index by stakeholder", "after"] == pytest.approx(six.loc["Blau index by stakeholder", "after"])


def test_lived_experience_values():
    assert LIVED_EXPERIENCE == ("patient", "carer", "citizen")
