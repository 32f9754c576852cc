"""The role explorer of notebook 02 and its helpers, driven headless: choose a network, a role and a
threshold in Python, then check who is highlighted, the rule shown and the table, against
role_profile computed directly."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import netlearn
from netlearn import MeasureError, Network
from netlearn.roles import ROLES, role_profile
from netlearn.widgets.roles import (DEFAULT_SOURCES, ROLE_INFO, RoleExplorer, RoleSource, role_explorer, role_holders,
                                    role_rule)


@pytest.fixture(scope="module")
def community():
    net = netlearn.load_dataset("q_community")
    return net, role_profile(net.graph("knows"), group="region", energy=net.graph("energy"),
                             expertise="can_help_with")


@pytest.fixture(scope="module")
def explorer():
    return role_explorer()


def small_graph():
    G = nx.Graph([("ann", "bo"), ("ann", "cy"), ("bo", "cy"), ("cy", "dev"),
                  ("dev", "eve"), ("dev", "fay"), ("eve", "fay"), ("fay", "gus")])
    nx.set_node_attributes(G, {"ann": "ward", "bo": "ward", "cy": "ward", "dev": "gp",
                               "eve": "gp", "fay": "gp", "gus": "pharmacy"}, "group")
    return G


# --------------------------------------------------------------------------- helpers


def test_rules_in_words_carry_the_thresholds():
    assert role_rule("broker", top=0.2, low=0.3) == ("betweenness in the top 20% of members, constraint in the lowest "
                                                     "30%, and at least one contact in another group")
    assert role_rule("central_connector") == "ties inside their own group in the top 10% of members"
    assert "sum of ratings above zero" in role_rule("energizer", top=0.05) and "top 5%" in role_rule("energizer", top=0.05)
    assert role_rule("boundary_spanner", top=0.15) == "ties to other groups in the top 15% of members"
    assert role_rule("peripheral_specialist") == ("at least one tie, a number of ties in the lowest 10% of members "
                                                  "with ties")
    with pytest.raises(MeasureError, match="Did you mean 'broker'"):
        role_rule("brokers")
    assert set(ROLE_INFO) == set(ROLES)


def test_holders_on_a_hand_worked_network():
    profile = role_profile(small_graph(), top=0.2)
    brokers = role_holders(profile, "broker")
    assert list(brokers.index) == ["dev"]
    assert brokers.loc["dev", "rule"] == ("betweenness 0.6 is in the top 20% and constraint 0.559 is in the lowest "
                                          "25%; ties reach 1 other group")
    specialists = role_holders(profile, "peripheral_specialist")
    assert list(specialists.index) == ["gus"]
    assert specialists.loc["gus", "rule"].startswith("1 tie, in the lowest 10%")
    assert role_holders(profile, "boundary_spanner").empty
    with pytest.raises(MeasureError, match="energy ratings"):
        role_holders(profile, "energizer")


def test_holders_pick_only_their_own_role_from_why(community):
    net, profile = community
    lead = net.members.loc[net.members["formal_leader"], "id"].iloc[0]
    for role in ROLES:
        holders = role_holders(profile, role)
        assert set(holders.index) == set(profile.index[profile[role]])
        assert list(holders["score"]) == sorted(holders["score"], reverse=True)
        assert all(rule and " | " not in rule for rule in holders["rule"])
        if lead in holders.index:
            label = role.replace("_", " ") + ": "
            assert label + holders.loc[lead, "rule"] in profile.loc[lead, "why"]


# --------------------------------------------------------------------------- the explorer


def test_explorer_starts_on_brokers_of_the_community(explorer, community):
    net, profile = community
    explorer.source.value, explorer.role.value, explorer.top.value = 0, "broker", 10
    expected = set(profile.index[profile["broker"]])
    assert set(explorer.holders.index) == expected
    names = [profile.loc[m, "name"] for m in explorer.holders.index]
    assert explorer.figure_summary.startswith("Brokers in the improvement community (knows): 150 members")
    named = " (the first 10 named in the picture)" if len(names) > 10 else ""   # 150 members: only 10 labels
    assert explorer.figure_summary.endswith("highlighted: " + ", ".join(names) + named + ".")
    assert f'alt="{explorer.figure_summary}"' in explorer.picture.value
    assert explorer.png.startswith(b"\x89PNG")
    assert "Rule used here:</strong> betweenness in the top 10%" in explorer.rule.value
    for member in expected:
        assert profile.loc[member, "name"] in explorer.table.value


def test_choosing_a_role_updates_drawing_rule_and_table(explorer, community):
    net, profile = community
    explorer.source.value, explorer.top.value = 0, 10
    explorer.role.value = "energizer"
    assert set(explorer.holders.index) == set(profile.index[profile["energizer"]])
    assert explorer.figure_summary.startswith("Energizers in")
    assert "positive energy received" in explorer.rule.value and "Cross, Baker &amp; Parker" in explorer.rule.value
    top = explorer.holders.index[0]
    assert top == profile.loc[profile["energizer"], "energizer_score"].idxmax()
    explorer.role.value = "peripheral_specialist"
    assert "something listed under can help with" in explorer.rule.value
    assert "can help with:" in explorer.table.value


def test_slider_moves_the_threshold(explorer, community):
    net, _ = community
    explorer.source.value, explorer.role.value = 0, "broker"
    explorer.top.value = 20
    wider = role_profile(net.graph("knows"), group="region", energy=net.graph("energy"), expertise="can_help_with",
                         top=0.2)
    assert set(explorer.holders.index) == set(wider.index[wider["broker"]])
    assert len(explorer.holders) > 12
    assert "top 20%" in explorer.rule.value and "in the top 20%" in explorer.table.value
    explorer.top.value = 10
    assert len(explorer.holders) == 12


def test_switching_network_offers_only_roles_it_can_show(explorer):
    explorer.source.value = 0
    explorer.role.value = "energizer"
    explorer.source.value = 2                         # the karate club: no energy ratings
    assert "energizer" not in [value for _, value in explorer.role.options]
    assert explorer.role.value == "broker"
    assert sorted(explorer.holders.index, key=int) == ["1", "3", "33", "34"]
    assert explorer.figure_summary.startswith("Brokers in the karate club: 34 members and 78 ties, coloured by side")
    explorer.role.value = "central_connector"
    explorer.source.value = 1                         # back to the community (advice): the role is kept
    assert explorer.role.value == "central_connector"
    assert "energizer" in [value for _, value in explorer.role.options]
    assert explorer.figure_summary.startswith("Central connectors in the improvement community (advice)")


def test_a_role_nobody_holds_is_said_in_words():
    members = pd.DataFrame({"id": ["a", "b", "c", "d"], "group": ["x", "x", "y", "y"]})
    ties = pd.DataFrame({"source": ["a", "b", "c", "d"], "target": ["b", "c", "d", "a"]})
    ring = Network.from_frames(members, ties, name="ring")
    source = RoleSource("A ring of four (made up)", "the ring", "ring", "tie", "group")
    explorer = RoleExplorer([source], role="boundary_spanner", networks={"ring": ring})
    assert explorer.holders.empty
    assert "nobody meets the rule" in explorer.table.value and "nobody meets the rule" in explorer.figure_summary


def test_explorer_controls_are_labelled(explorer):
    assert explorer.source.description == "Network"
    assert explorer.role.description == "Role"
    assert explorer.top.description == "Top share (%)"
    labels = [label for label, _ in explorer.source.options]
    assert labels == [source.label for source in DEFAULT_SOURCES]
    assert all("synthetic" in label or "real" in label for label in labels)
    with pytest.raises(MeasureError, match="at least one network"):
        role_explorer([])
