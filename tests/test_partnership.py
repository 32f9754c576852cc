"""netlearn.partnership: workstreams, tie concentration and governance inputs, checked against hand-worked
examples and independent pandas computations on the shipped data."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlearn
from netlearn import Network, agreement, multiorg
from netlearn.errors import MeasureError, MemberError, RelationError
from netlearn.governance import LEVELS
from netlearn.partnership import (
    GovernanceInputs,
    consensus_level,
    governance_inputs,
    organisation_table,
    tie_concentration,
    workstream_view,
    workstreams,
)


@pytest.fixture(scope="module")
def devon():
    return netlearn.load_dataset("devon_stp")


@pytest.fixture(scope="module")
def q():
    return netlearn.load_dataset("q_community")


def small_partnership(collaborates=(("ann", "bo"), ("ann", "dee"), ("bo", "cy"))):
    """Council (ann, dee), trust (bo), charity (cy); workstreams falls (ann, bo, dee) and frailty (cy, bo)."""
    members = pd.DataFrame({
        "id": ["ann", "bo", "cy", "dee", "council", "trust", "charity", "falls", "frailty"],
        "name": ["Ann", "Bo", "Cy", "Dee", "Council", "Trust", "Charity", "Falls", "Frailty"],
        "kind": ["person"] * 4 + ["organisation"] * 3 + ["workstream"] * 2,
        "sector": [None] * 4 + ["local authority", "acute", "voluntary"] + [None] * 2,
        "stakeholder": ["manager", "clinician", "carer", "patient"] + [None] * 5,
    })
    rows = [("ann", "council", "affiliated"), ("bo", "trust", "affiliated"), ("cy", "charity", "affiliated"),
            ("dee", "council", "affiliated"), ("ann", "falls", "workstream_member"),
            ("bo", "falls", "workstream_member"), ("dee", "falls", "workstream_member"),
            ("cy", "frailty", "workstream_member"), ("bo", "frailty", "workstream_member")]
    rows += [(a, b, "collaborates") for a, b in collaborates]
    ties = pd.DataFrame(rows, columns=["source", "target", "relation"])
    return Network.from_frames(members, ties, directed=False, name="small")


# =========================================================================== tie concentration


def test_star_is_fully_concentrated_and_complete_network_is_spread():
    star = tie_concentration(nx.star_graph(9))
    assert star.top == [0] and star.share == 1.0 and star.spread == 0.0
    assert star.expected_share == pytest.approx(0.2)      # 1 - 8*7/(10*9)
    complete = tie_concentration(nx.complete_graph(10))
    assert complete.share == pytest.approx(0.2) and complete.spread == pytest.approx(1.0)


def test_path_worked_by_hand():
    # 0-1-2-3-4: degrees 1,2,2,2,1. Top 20% of 5 = 1 member; 1, 2 and 3 tie on 2 ties, 1 comes first by id.
    result = tie_concentration(nx.path_graph(5), top=0.2)
    assert result.top == [1]
    assert result.share == pytest.approx(2 / 4)             # ties 0-1 and 1-2 involve member 1
    assert result.expected_share == pytest.approx(1 - 4 * 3 / (5 * 4))
    assert result.spread == pytest.approx(0.5 / 0.6)
    assert result.members == 5 and result.ties == 4


def test_directed_counts_the_receiving_end_by_default():
    in_star = nx.DiGraph([(i, 0) for i in range(1, 5)])      # everyone goes to 0
    result = tie_concentration(in_star)
    assert result.top == [0] and result.share == 1.0 and result.expected_share == pytest.approx(0.2)
    assert result.spread == 0.0
    # Counting senders instead: each sender sends one tie, so the top sender holds 1 of 4.
    out = tie_concentration(in_star, direction="out")
    assert out.share == pytest.approx(0.25) and out.spread == pytest.approx(0.75 / 0.8)
    cycle = tie_concentration(nx.cycle_graph(5, create_using=nx.DiGraph))   # everyone receives one tie
    assert cycle.spread == pytest.approx(1.0)


def test_weights_count_ties_by_their_strength():
    G = nx.Graph()
    G.add_edge("a", "b", weight=3)
    G.add_edge("c", "d", weight=1)
    G.add_edge("e", "f", weight=1)
    # a and b both have strength 3; top 1 of 6 is 'a', in 3 of the 5 units of weight.
    result = tie_concentration(G, top=0.1, weight="weight")
    assert result.top == ["a"] and result.share == pytest.approx(3 / 5)
    assert tie_concentration(G, top=0.1).share == pytest.approx(1 / 3)


def test_self_ties_are_left_out():
    G = nx.Graph([("a", "a"), ("a", "b"), ("c", "d")])
    assert tie_concentration(G, top=0.25).ties == 2


def test_matches_an_independent_count_on_q_advice(q):
    ties = q.ties[q.ties["relation"] == "advice"]
    received = ties["target"].value_counts().reindex(q.members["id"], fill_value=0)
    order = sorted(received.index, key=lambda m: (-received[m], m))
    top = set(order[:15])
    expected = ties["target"].isin(top).mean()
    result = tie_concentration(q.graph("advice"))
    assert set(result.top) == top
    assert result.share == pytest.approx(expected)
    assert result.expected_share == pytest.approx(15 / 150)
    assert result.spread == pytest.approx((1 - expected) / 0.9)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=3, max_value=25), st.floats(min_value=0.05, max_value=0.6),
       st.integers(min_value=0, max_value=10_000), st.booleans())
def test_results_stay_on_their_scales(n, top, seed, directed):
    G = nx.gnp_random_graph(n, 0.3, seed=seed, directed=directed)
    if G.number_of_edges() == 0:
        G.add_edge(0, 1)
    result = tie_concentration(G, top=top)
    assert 0 <= result.share <= 1 and 0 < result.expected_share < 1 and 0 <= result.spread <= 1
    assert 1 <= len(result.top) <= n - (1 if directed else 2)
    assert str(result) == result.interpretation


@pytest.mark.parametrize("bad", [0, 1, 1.5, -0.1, True, "0.1"])
def test_top_must_be_a_share(bad):
    with pytest.raises(ValueError, match="top must be a share"):
        tie_concentration(nx.path_graph(4), top=bad)


def test_concentration_errors_are_plain():
    with pytest.raises(MeasureError, match="at least three members"):
        tie_concentration(nx.path_graph(2))
    with pytest.raises(MeasureError, match="no ties"):
        tie_concentration(nx.empty_graph(4))
    G = nx.Graph()
    G.add_edge("a", "b", weight=-1)
    G.add_edge("b", "c", weight=2)
    with pytest.raises(MeasureError, match="negative"):
        tie_concentration(G, weight="weight")
    with pytest.raises(ValueError, match="direction"):
        tie_concentration(nx.DiGraph([(1, 2)]), direction="up")


# =========================================================================== consensus level


@pytest.mark.parametrize(("w", "word"), [(0.0, "low"), (0.199, "low"), (0.2, "moderately low"),
                                         (0.4, "moderate"), (0.6, "moderately high"), (0.79, "moderately high"),
                                         (0.8, "high"), (1.0, "high")])
def test_consensus_bands(w, word):
    assert consensus_level(w) == word


@pytest.mark.parametrize("bad", [-0.1, 1.1, float("nan"), "0.5", None, True])
def test_consensus_level_rejects_values_off_the_scale(bad):
    with pytest.raises(ValueError, match="from 0 to 1"):
        consensus_level(bad)


# =========================================================================== workstreams


def test_workstreams_of_the_small_partnership():
    table = workstreams(small_partnership())
    assert table.loc["falls"].tolist() == ["Falls", 3, 2]
    assert table.loc["frailty"].tolist() == ["Frailty", 2, 2]


def test_workstreams_match_pandas_on_devon(devon):
    ties = devon.ties
    membership = ties[ties["relation"] == "workstream_member"]
    org_of = dict(ties.loc[ties["relation"] == "affiliated", ["source", "target"]].itertuples(index=False))
    table = workstreams(devon)
    assert len(table) == 7
    for stream, group in membership.groupby("target"):
        assert table.loc[stream, "people"] == group["source"].nunique()
        assert table.loc[stream, "organisations"] == group["source"].map(org_of).nunique()


def test_view_of_a_hand_made_workstream():
    view = workstream_view(small_partnership(), "falls")
    assert view.workstream == "falls" and view.name == "Falls"
    assert sorted(view.people.index) == ["ann", "bo", "dee"]
    assert view.organisations["people"].to_dict() == {"council": 2, "trust": 1}
    assert view.absent.index.tolist() == ["charity"]
    # Inside the workstream ann-bo crosses organisations, ann-dee does not; bo-cy is outside the workstream.
    assert sorted(view.spanners.index) == ["ann", "bo"]
    assert view.spanners.loc["ann", "ties_across"] == 1
    assert view.voices.count == 1 and view.voices.total == 3        # dee is a patient
    assert "voluntary sector" in view.missing
    assert set(view.graph.nodes) == {"council", "trust"} and view.graph.edges["council", "trust"]["weight"] == 1
    gaps = " ".join(view.gaps())
    assert "Charity" in gaps and "voluntary sector" in gaps
    assert str(view).startswith("Falls: 3 people from 2 organisations.")


def test_workstream_found_by_name_and_case():
    net = small_partnership()
    assert workstream_view(net, "FALLS").workstream == "falls"
    devon = netlearn.load_dataset("devon_stp")
    assert workstream_view(devon, "Primary care").workstream == "ws_primary_care"


def test_unknown_workstream_suggests_the_nearest(devon):
    with pytest.raises(MemberError, match="Did you mean 'ws_primary_care'") as caught:
        workstream_view(devon, "ws_primary_cares")
    assert "ws_mental_health" in str(caught.value)


def test_workstream_without_ties_between_its_people():
    view = workstream_view(small_partnership(collaborates=[("bo", "cy")]), "falls")   # cy is not on falls
    assert view.spanners.empty
    assert any("No member works with someone from another organisation" in line for line in view.gaps())
    assert view.graph.number_of_edges() == 0
    assert workstream_view(small_partnership(), "falls", ties=None).spanners.empty   # shared people only


def test_empty_workstream_and_missing_relation_are_explained():
    net = small_partnership()
    members = pd.concat([net.members, pd.DataFrame({"id": ["idle"], "name": ["Idle"], "kind": ["workstream"]})])
    empty = Network.from_frames(members, net.ties, directed=False)
    with pytest.raises(MeasureError, match="Nobody is on the workstream 'Idle'"):
        workstream_view(empty, "idle")
    with pytest.raises(RelationError, match="workstream_member"):
        workstream_view(net, "falls", membership="workstream_member_of")


def test_every_devon_view_agrees_with_an_independent_computation(devon):
    ties, members = devon.ties, devon.members.set_index("id")
    org_of = dict(ties.loc[ties["relation"] == "affiliated", ["source", "target"]].itertuples(index=False))
    collaborates = ties[ties["relation"] == "collaborates"]
    organisations = set(members.index[members["kind"] == "organisation"])
    for stream in workstreams(devon).index:
        people = set(ties.loc[(ties["relation"] == "workstream_member") & (ties["target"] == stream), "source"])
        view = workstream_view(devon, stream)
        assert set(view.people.index) == people
        counts = pd.Series([org_of[p] for p in people]).value_counts().to_dict()
        assert view.organisations["people"].to_dict() == counts
        assert set(view.absent.index) == organisations - set(counts)
        inside = collaborates[collaborates["source"].isin(people) & collaborates["target"].isin(people)]
        across = inside[inside["source"].map(org_of) != inside["target"].map(org_of)]
        spanning = set(across["source"]) | set(across["target"])
        assert set(view.spanners.index) == spanning
        voices = members.loc[sorted(people), "stakeholder"].isin(["patient", "carer", "citizen"]).sum()
        assert view.voices.count == voices and view.voices.total == len(people)
        assert view.sectors.loc["primary care", "status"] == "missing"   # no primary care member at all


def test_mental_health_workstream_has_no_patient_voice(devon):
    view = workstream_view(devon, "ws_mental_health")
    assert len(view.people) == 27 and len(view.organisations) == 9
    assert view.voices.count == 0 and not view.voices.meets_target
    assert {"primary care", "voluntary sector", "Healthwatch"} <= set(view.missing)


# =========================================================================== organisation table


def test_organisation_table_of_the_small_partnership():
    table = organisation_table(small_partnership())
    assert table.loc["council"].tolist() == ["Council", "local authority", 2, 1, 1, 1]
    assert table.loc["trust", ["people", "workstreams", "linked_organisations", "links"]].tolist() == [1, 2, 2, 2]


def test_organisation_table_on_devon_matches_the_organisation_network(devon):
    table = organisation_table(devon)
    O = multiorg.organisation_network(devon)
    assert len(table) == 17
    assert table["links"].sum() == 2 * sum(w for _, _, w in O.edges(data="weight"))
    assert table["people"].sum() == 120
    assert table.loc["hw_torbay", ["people", "workstreams", "linked_organisations", "links"]].tolist() == [1, 1, 2, 2]
    assert table.index[0] != "hw_torbay" and list(table["linked_organisations"]) == sorted(
        table["linked_organisations"], reverse=True)


# =========================================================================== governance inputs


def complete_community(rankings=True):
    pairs = list(nx.complete_graph(["a", "b", "c", "d", "e"]).edges)
    ties = pd.DataFrame(pairs, columns=["source", "target"]).assign(relation="knows")
    tables = {}
    if rankings:
        tables["purpose_rankings"] = pd.DataFrame({"member_id": list("abcde"), "learn": [1, 1, 1, 2, 1],
                                                   "spread": [2, 2, 3, 1, 2], "lobby": [3, 3, 2, 3, 3]})
    return Network.from_frames(None, ties, directed=False, tables=tables)


def test_inputs_of_a_small_community():
    net = complete_community()
    inputs = governance_inputs(net)
    w = agreement.kendalls_w(net.tables["purpose_rankings"]).w
    assert inputs.trust == 1.0 and inputs.participants == 5
    assert inputs.goal_consensus == consensus_level(w)
    assert inputs.measured == {"participants": True, "trust": True, "goal_consensus": True,
                               "competencies_needed": False}
    assert "placeholder" in inputs.reasons["competencies_needed"]
    assert inputs.details["unit"] == "members" and inputs.details["relation"] == "knows"
    assert inputs.details["kendalls_w"].w == pytest.approx(w)


def test_without_rankings_goal_consensus_is_a_marked_placeholder():
    inputs = governance_inputs(complete_community(rankings=False))
    assert inputs.goal_consensus == "moderate" and not inputs.measured["goal_consensus"]
    assert "Not in the data" in inputs.reasons["goal_consensus"]


def test_judgements_replace_the_data():
    inputs = governance_inputs(complete_community(), goal_consensus="Moderately-Low", competencies_needed="HIGH")
    assert inputs.goal_consensus == "moderately low" and inputs.competencies_needed == "high"
    assert not inputs.measured["goal_consensus"] and "Your judgement" in inputs.reasons["goal_consensus"]


def test_a_word_off_the_scale_lists_the_scale():
    with pytest.raises(ValueError, match="'moderately high'"):
        governance_inputs(complete_community(), competencies_needed="very high")


def test_q_community_inputs(q):
    inputs = governance_inputs(q, relation="advice")
    w = agreement.kendalls_w(q.tables["purpose_rankings"]).w
    assert w == pytest.approx(0.4032, abs=1e-4)
    assert inputs.values() == {"trust": round(tie_concentration(q.graph("advice")).spread, 2), "participants": 150,
                               "goal_consensus": "moderate", "competencies_needed": "moderate"}
    assert inputs.trust == 0.5
    assert "receive 55% of the ties" in inputs.reasons["trust"]
    assert inputs.fit().best == "network administrative organisation"


def test_devon_is_read_as_a_partnership_of_organisations(devon):
    inputs = governance_inputs(devon, competencies_needed="high")
    O = multiorg.organisation_network(devon)
    spread = tie_concentration(O, weight="weight").spread
    assert inputs.details["unit"] == "organisations"
    assert inputs.participants == 17 and inputs.trust == round(spread, 2) == 0.66
    assert inputs.goal_consensus == "moderate" and not inputs.measured["goal_consensus"]
    assert inputs.fit().best == "network administrative organisation"
    people = governance_inputs(devon, unit="members", relation="collaborates")
    assert people.participants == 120                       # people only, not organisations or workstreams


def test_fit_accepts_changes_and_rejects_unknown_conditions():
    inputs = GovernanceInputs(1.0, 5, "high", "low", {}, {})
    assert inputs.fit().best == "shared governance"
    assert inputs.fit(trust=0.0, participants=15, goal_consensus="moderately low",
                      competencies_needed="moderate").best == "lead organisation"
    with pytest.raises(TypeError, match="Unknown condition"):
        inputs.fit(size=4)


def test_table_and_text_show_every_condition(q):
    inputs = governance_inputs(q, relation="advice")
    table = inputs.table()
    assert len(table) == 4 and set(table["source"]) == {"from the data", "judgement: set it yourself"}
    text = str(inputs)
    assert text.count("\n") == 3 and "Kendall's W = 0.40" in text


def test_unit_must_be_known(q):
    with pytest.raises(ValueError, match="unit must be"):
        governance_inputs(q, unit="teams")
    with pytest.raises(TypeError, match="netlearn Network"):
        governance_inputs(nx.path_graph(3))


def test_levels_are_the_governance_scale():
    assert [consensus_level(0.2 * i + 0.1) for i in range(5)] == list(LEVELS)


def test_what_if_changes_one_condition_at_a_time():
    inputs = GovernanceInputs(0.5, 17, "moderate", "high", {}, {})
    table = inputs.what_if("competencies_needed")
    assert list(table.index) == list(LEVELS)
    assert list(table.columns) == ["shared governance", "lead organisation", "network administrative organisation",
                                   "best"]
    for level in LEVELS:
        fit = inputs.fit(competencies_needed=level)
        assert table.loc[level, "best"] == fit.best
        assert table.loc[level, "lead organisation"] == pytest.approx(fit.table.loc["lead organisation", "score"])
    assert list(inputs.what_if("trust").index) == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert list(inputs.what_if("participants").index) == [5, 15, 40]
    assert list(inputs.what_if("participants", [3, 100])["best"]) == [inputs.fit(participants=3).best,
                                                                        inputs.fit(participants=100).best]
    with pytest.raises(ValueError, match="condition must be one of"):
        inputs.what_if("money")


def test_devon_answer_rests_on_the_judgement_about_competencies(devon):
    table = governance_inputs(devon, competencies_needed="high").what_if("competencies_needed")
    assert table.loc["high", "best"] == "network administrative organisation"
    assert table.loc["low", "best"] != "network administrative organisation"


def test_organisation_table_without_workstreams():
    table = organisation_table(small_partnership(), membership=None)
    assert "workstreams" not in table.columns
    assert table.loc["charity", ["people", "linked_organisations", "links"]].tolist() == [1, 1, 1]
