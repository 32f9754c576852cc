"""The "who holds this network together?" widget of notebook 03, driven headless: set the
controls in Python, press the buttons, and check the numbers against networkx computed here."""

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import pytest  # noqa: E402

import netlearn  # noqa: E402
import netlearn.widgets.leadership as leadership_widgets  # noqa: E402
from netlearn.errors import MeasureError, MemberError  # noqa: E402
from netlearn.widgets.leadership import (ROWS, draw_without, formal_leaders, next_most_central,  # noqa: E402
                                         removal_explorer, removal_sentence, removal_table)

import matplotlib.pyplot as plt  # noqa: E402


@pytest.fixture(scope="module")
def q():
    return netlearn.load_dataset("q_community")


@pytest.fixture(scope="module")
def kite():
    return netlearn.load_dataset("krackhardt_kite").graph("knows")


def reachability(G):
    n = len(G)
    return sum(len(nx.descendants(G, s)) for s in G) / (n * (n - 1))


def freeman_betweenness(G):
    """Freeman's betweenness centralization straight from its definition (undirected)."""
    n = len(G)
    scores = nx.betweenness_centrality(G, normalized=False)
    top = max(scores.values())
    return sum(top - s for s in scores.values()) / ((n - 1) ** 2 * (n - 2) / 2)


# ------------------------------------------------------------------ the numbers


def test_removal_table_on_the_kite(kite):
    table = removal_table(kite, ["Heather"])
    assert list(table.index) == list(ROWS)
    assert list(table.columns) == ["before", "after", "change", "meaning"]
    assert sorted(table.attrs["cut_off"]) == ["Ike", "Jane"]
    assert table.loc["cut off", "after"] == 2 and table.loc["cut off", "before"] == 0
    H = kite.subgraph([v for v in kite if v != "Heather"])
    assert table.loc["average reachability", "after"] == pytest.approx(reachability(H))
    assert table.loc["average reachability", "before"] == 1
    assert table.loc["global efficiency", "after"] == pytest.approx(nx.global_efficiency(H))
    assert table.loc["betweenness centralization", "before"] == pytest.approx(freeman_betweenness(kite))
    assert table.loc["betweenness centralization", "after"] == pytest.approx(freeman_betweenness(nx.Graph(H)))
    assert table.loc["members", "change"] == -1 and table.loc["ties", "change"] == -3


def test_one_id_on_its_own_is_accepted(kite):
    assert removal_table(kite, "Heather").attrs["removed"] == ["Heather"]
    assert next_most_central(kite, "Heather") == next_most_central(kite, ["Heather"])
    fig = draw_without(kite, "Heather")
    assert "Heather stepped away" in fig.summary
    plt.close(fig)


def test_removing_nobody_changes_nothing(kite):
    table = removal_table(kite, [])
    assert (table["change"] == 0).all()
    assert removal_sentence(kite, table).startswith("Everyone is present")


def test_advice_depends_on_the_formal_leader(q):
    G = q.graph("advice")
    assert formal_leaders(G) == ["q062"]
    table = removal_table(G, ["q062"])
    H = G.subgraph([v for v in G if v != "q062"])
    assert table.loc["average reachability", "before"] == pytest.approx(reachability(G))
    assert table.loc["average reachability", "after"] == pytest.approx(reachability(H))
    assert table.loc["average reachability", "after"] < table.loc["average reachability", "before"] / 2
    assert table.loc["degree centralization", "after"] < table.loc["degree centralization", "before"]
    sentence = removal_sentence(G, table)
    assert sentence.startswith("Without Tom Campbell: nobody cut off")
    assert "reachability from 0.53 to 0.22" in sentence


def test_next_most_central_follows_betweenness_of_what_is_left(kite, q):
    assert next_most_central(kite) == "Heather"
    H = kite.subgraph([v for v in kite if v != "Heather"])
    scores = nx.betweenness_centrality(H)
    assert next_most_central(kite, ["Heather"]) == max(scores, key=scores.get)
    G = q.graph("advice")
    rest = G.subgraph([v for v in G if v != "q062"])
    scores = nx.betweenness_centrality(rest)
    assert next_most_central(G, ["q062"]) == max(scores, key=scores.get)
    assert next_most_central(kite, list(kite)) is None
    assert next_most_central(kite, measure="degree") == "Diane"
    with pytest.raises(MeasureError, match="betweenness' or 'degree'"):
        next_most_central(kite, measure="closeness")


def test_unknown_people_are_named(kite):
    with pytest.raises(MemberError, match="Did you mean 'Heather'"):
        removal_table(kite, ["Heathr"])


def test_drawing_has_a_title_and_a_summary(kite):
    fig = draw_without(kite, ["Heather"], cut_off=["Ike", "Jane"], title="Kite without Heather")
    assert fig.axes[0].get_title() == "Kite without Heather"
    assert fig.summary == ("Kite without Heather: 9 members and 15 ties (directions not drawn); Heather stepped "
                           "away (grey crosses); 2 people cut off (ringed).")
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["stepped away", "cut off"]
    plt.close(fig)


# ------------------------------------------------------------------ the widget


def test_widget_starts_with_the_formal_leader_stepping_away(q):
    explorer = removal_explorer(q, "advice")
    assert explorer.removed == ["q062"]
    assert explorer.members.options[0] == ("Tom Campbell, London, formal leader", "q062")
    assert "Without Tom Campbell" in explorer.status.value
    assert 'role="status"' in explorer.status.value
    assert "<th scope='row'>average reachability</th><td>0.53</td><td>0.22</td><td>-0.31</td>" in explorer.table.value
    assert "<th scope='row'>cut off</th><td>0</td><td>0</td><td>0</td>" in explorer.table.value
    assert explorer.picture.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Tom Campbell stepped away (grey crosses)" in explorer.caption.value


def test_buttons_change_who_steps_away_and_the_results(q):
    explorer = removal_explorer(q, "advice")
    first_picture = explorer.picture.value
    expected = next_most_central(q.graph("advice"), ["q062"])
    explorer.next_button.click()
    assert explorer.removed == ["q062", expected]
    assert explorer.picture.value != first_picture
    assert explorer.result.attrs["removed"] == ["q062", expected]
    explorer.restore_button.click()
    assert explorer.removed == []
    assert (explorer.result["change"] == 0).all()
    assert "Everyone is present" in explorer.status.value
    explorer.leader_button.click()
    assert explorer.removed == ["q062"]


def test_choosing_people_in_the_list_updates_the_table(q):
    explorer = removal_explorer(q, "knows", removed=[])
    brokers = ["q112", "q126", "q087", "q119"]
    explorer.members.value = tuple(["q062", *brokers])
    G = q.graph("knows")
    H = G.subgraph([v for v in G if v not in {"q062", *brokers}])
    assert explorer.result.loc["global efficiency", "after"] == pytest.approx(nx.global_efficiency(H))
    assert explorer.result.loc["members", "after"] == 145
    assert "and 2 others" in explorer.status.value


def test_changing_the_relation_keeps_the_people_and_recomputes(q):
    explorer = removal_explorer(q, "advice")
    advice_after = explorer.result.loc["average reachability", "after"]
    explorer.relation.value = "knows"
    assert explorer.removed == ["q062"]
    assert explorer.result.loc["average reachability", "after"] == 1 != advice_after
    assert explorer.status.value.count("knows:") == 1


def test_too_few_left_is_explained_not_crashed():
    net = netlearn.load_dataset("krackhardt_kite")
    explorer = removal_explorer(net, removed=[])
    explorer.members.value = tuple(list(net.graph("knows"))[:8])
    assert "Fewer than three people are left" in explorer.status.value
    for _ in range(3):
        explorer.next_button.click()          # never takes out the last three
    assert len(explorer.removed) == 8


def test_controls_are_labelled_for_keyboard_and_screen_reader_users(q):
    explorer = removal_explorer(q)
    assert explorer.relation.description and explorer.members.description
    for button in (explorer.leader_button, explorer.next_button, explorer.restore_button):
        assert button.description and button.tooltip


def test_a_network_without_formal_leaders_starts_with_everyone():
    explorer = removal_explorer(netlearn.load_dataset("krackhardt_kite"))
    assert explorer.removed == [] and explorer.leader_button.disabled


def test_unknown_relation_is_explained(q):
    with pytest.raises(MeasureError, match="no relation called 'advise'"):
        removal_explorer(q, "advise")


def test_members_are_named_without_ids_unless_two_share_a_name():
    G = nx.DiGraph()
    G.add_nodes_from([("a", {"name": "Sam Lee"}), ("b", {"name": "Sam Lee"}), ("c", {"name": "Ana Roy"}), ("d", {})])
    assert [leadership_widgets._name(G, m) for m in "abcd"] == ["Sam Lee (a)", "Sam Lee (b)", "Ana Roy", "d"]
