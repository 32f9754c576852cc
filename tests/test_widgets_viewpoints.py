"""The "what if more patients, carers and citizens took part?" widget of notebook 04, driven
headless: move the sliders, press the buttons, and check the network and numbers it shows."""

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import pytest  # noqa: E402

import netlearn  # noqa: E402
from netlearn.diversity import blau_index, ei_index  # noqa: E402
from netlearn.errors import MeasureError  # noqa: E402
from netlearn.membership import add_members, added_members  # noqa: E402
from netlearn.widgets.viewpoints import VOICE_CHOICES, changed_network, viewpoints_explorer  # noqa: E402

NUMBER = "patients, carers or citizens (number)"
SHARE = "patients, carers or citizens (share of members)"


@pytest.fixture(scope="module")
def q():
    return netlearn.load_dataset("q_community")


def test_changed_network_adds_removes_or_leaves_alone(q):
    G = q.graph("knows")
    assert changed_network(G, 0) is G
    added = changed_network(G, 3, voices=("carer",), links=2)
    new = added_members(added)
    assert len(new) == 3 and all(added.nodes[m]["stakeholder"] == "carer" for m in new)
    assert all(added.nodes[m]["sector"] == "lay member" for m in new)
    assert all(added.nodes[m]["group"] == added.nodes[m]["region"] for m in new)
    fewer = changed_network(G, -3)
    gone = fewer.graph["removed_members"]
    assert len(fewer) == 147 and all(G.nodes[m]["stakeholder"] in ("patient", "carer", "citizen") for m in gone)
    with pytest.raises(MeasureError, match="whole number"):
        changed_network(G, 1.0)


def test_widget_starts_with_the_network_as_it_is(q):
    explorer = viewpoints_explorer(q)
    assert explorer.change.value == 0 and explorer.change.min == -8
    assert (explorer.result["change"] == 0).all()
    assert "<td>8</td><td>8</td><td>0</td>" in explorer.table.value
    assert explorer.status.value.count("As the network is now: 8 of 150 members (5%)") == 1
    assert 'role="status"' in explorer.status.value
    assert explorer.picture.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "patient 4 -&gt; 4" in explorer.caption.value


def test_add_and_remove_buttons_move_one_member_at_a_time(q):
    explorer = viewpoints_explorer(q)
    explorer.add_button.click()
    assert explorer.change.value == 1 and len(explorer.network) == 151
    assert explorer.result.loc[NUMBER].tolist() == [8, 9, 1]
    assert "<td>5%</td><td>6%</td><td>+1 point</td>" in explorer.table.value
    explorer.remove_button.click()
    explorer.remove_button.click()
    assert explorer.change.value == -1 and len(explorer.network) == 149
    assert explorer.result.loc[NUMBER, "after"] == 7
    assert "With 1 of the patients, carers and citizens who take part now leaving" in explorer.status.value


def test_reaching_the_target_and_the_numbers_behind_it(q):
    explorer = viewpoints_explorer(q)
    explorer.links.value = 6
    explorer.change.value = 28
    H = explorer.network
    assert len(H) == 178
    assert explorer.result.loc[SHARE, "after"] == pytest.approx(36 / 178)
    assert "at or above the target of 20%" in explorer.status.value
    assert explorer.result.loc["Blau index by sector", "after"] == pytest.approx(blau_index(H, "sector"))
    assert explorer.result.loc["E-I index by region", "after"] == pytest.approx(ei_index(H, "region"))
    assert "moves from -0.81 to -0.51: ties cross regions clearly more" in explorer.status.value
    assert "<td>5%</td><td>20%</td><td>+15 points</td>" in explorer.table.value


def test_more_links_per_member_move_the_silos_more(q):
    explorer = viewpoints_explorer(q)
    explorer.change.value = 20
    explorer.links.value = 1
    narrow = explorer.result.loc["E-I index by region", "change"]
    explorer.links.value = 6
    wide = explorer.result.loc["E-I index by region", "change"]
    assert wide > narrow + 0.2
    G = q.graph("knows")
    expected = add_members(G, 20, attributes={"sector": "lay member", "stakeholder": "patient"},
                           links=6, also_label=["group"], seed=2017)
    assert sorted(explorer.network.edges) == sorted(expected.edges)


def test_a_mix_of_voices_takes_turns(q):
    explorer = viewpoints_explorer(q)
    explorer.voice.value = "a mix of patients, carers and citizens"
    explorer.change.value = 6
    voices = [explorer.network.nodes[m]["stakeholder"] for m in added_members(explorer.network)]
    assert voices == ["patient", "carer", "citizen"] * 2
    assert "carer 2 -&gt; 4" in explorer.caption.value


def test_start_again_restores_everything(q):
    explorer = viewpoints_explorer(q)
    explorer.voice.value = "citizens"
    explorer.links.value = 5
    explorer.change.value = -4
    explorer.reset_button.click()
    assert (explorer.change.value, explorer.links.value, explorer.voice.value) == (0, 2, "patients")
    assert explorer.network is explorer.G
    assert (explorer.result["change"] == 0).all()


def test_sliders_stop_at_their_ends(q):
    explorer = viewpoints_explorer(q, max_added=2)
    for _ in range(4):
        explorer.add_button.click()
    assert explorer.change.value == 2
    explorer.change.value = -8
    explorer.remove_button.click()
    assert explorer.change.value == -8 and explorer.result.loc[NUMBER, "after"] == 0
    assert "There are no patients and no carers and no citizens" in explorer.status.value


def test_controls_are_labelled(q):
    explorer = viewpoints_explorer(q)
    for control in (explorer.voice, explorer.links, explorer.change):
        assert control.description
    for button in (explorer.add_button, explorer.remove_button, explorer.reset_button):
        assert button.description and button.tooltip
    assert set(VOICE_CHOICES) == set(explorer.voice.options)


def test_a_network_without_regions_is_explained():
    net = netlearn.load_dataset("krackhardt_kite")
    with pytest.raises(MeasureError, match="region"):
        viewpoints_explorer(net)


def test_original_network_is_never_changed(q):
    explorer = viewpoints_explorer(q)
    before = nx.to_dict_of_lists(explorer.G)
    explorer.change.value = 10
    explorer.change.value = -5
    assert nx.to_dict_of_lists(explorer.G) == before
