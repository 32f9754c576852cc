"""The workstream explorer of episode 05, driven headless: choose a workstream, check what it shows."""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import networkx as nx
import pytest

import netlearn
from netlearn import multiorg
from netlearn.errors import MemberError
from netlearn.partnership import workstream_view
from netlearn.widgets.stp import draw_partnership, organisation_layout, workstream_explorer

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def devon():
    return netlearn.load_dataset("devon_stp")


def test_starts_on_the_first_workstream_with_labelled_controls(devon):
    explorer = workstream_explorer(devon, draw=False)
    assert explorer.dropdown.description == "Workstream"
    labels = [label for label, _ in explorer.dropdown.options]
    assert labels[0] == "Acute hospital and specialist services (43 people)"
    assert len(labels) == 7
    assert explorer.view.workstream == explorer.dropdown.value == "ws_acute"
    assert 'role="status"' in explorer.status.value
    assert bytes(explorer.picture.value) == b"" and explorer.figure_summary == ""


def test_choosing_a_workstream_updates_every_panel(devon):
    explorer = workstream_explorer(devon, draw=False)
    explorer.dropdown.value = "ws_mental_health"
    expected = workstream_view(devon, "ws_mental_health")
    assert explorer.view.workstream == "ws_mental_health"
    status = html.unescape(explorer.status.value)
    assert "Mental health and learning disabilities" in status
    assert "27 people from 9 of the partnership's 17 organisations" in status
    assert f"{len(expected.spanners)} of them work with someone" in status
    gaps = html.unescape(explorer.gaps.value)
    for line in expected.gaps():
        assert line in gaps
    assert "There are no patients and no carers and no citizens." in gaps
    organisations = html.unescape(explorer.organisations.value)
    assert "Organisations involved (9)" in organisations and "Devon Partnership NHS Trust" in organisations
    top = expected.spanners.iloc[0]
    assert top["name"] in explorer.spanners.value and "top 5 of" in explorer.spanners.value


def test_each_workstream_shows_its_own_organisations(devon):
    explorer = workstream_explorer(devon, draw=False)
    seen = {}
    for _, stream in explorer.dropdown.options:
        explorer.dropdown.value = stream
        seen[stream] = explorer.organisations.value
    assert len(set(seen.values())) == 7
    assert "Devon Partnership NHS Trust" not in seen["ws_primary_care"]


def test_start_by_name_and_unknown_names(devon):
    assert workstream_explorer(devon, "Primary care", draw=False).dropdown.value == "ws_primary_care"
    with pytest.raises(MemberError, match="not a workstream"):
        workstream_explorer(devon, "Dentistry", draw=False)


def test_drawing_rings_the_workstreams_organisations_and_describes_itself(devon):
    explorer = workstream_explorer(devon, "ws_children")
    first = bytes(explorer.picture.value)
    assert first.startswith(PNG)
    assert explorer.figure_summary.startswith("Children and young people: organisations involved are ringed: "
                                              "17 members and 66 ties")
    for name in explorer.view.organisations["name"]:
        assert name in explorer.figure_summary
    assert html.escape(explorer.figure_summary) in explorer.caption.value
    explorer.dropdown.value = "ws_prevention"
    assert bytes(explorer.picture.value) != first
    assert explorer.figure_summary.startswith("Ill health prevention and early intervention")
    assert not plt.get_fignums(), "figures are closed after drawing"


def test_layout_puts_thinly_linked_organisations_outside(devon):
    O = multiorg.organisation_network(devon)
    pos = organisation_layout(O)
    radius = {o: float((p ** 2).sum() ** 0.5) for o, p in pos.items()}
    outer = {o for o, r in radius.items() if r > 0.75}
    assert outer == {o for o in O if O.degree(o) <= 4}
    assert {"hw_torbay", "vcs_carers"} <= outer and "rde" not in outer
    again = organisation_layout(O)
    assert all((again[o] == pos[o]).all() for o in O)


def test_layout_of_an_even_network_is_one_circle():
    pos = organisation_layout(nx.cycle_graph(6))
    radii = {round(float((p ** 2).sum() ** 0.5), 6) for p in pos.values()}
    assert len(radii) == 1
    assert organisation_layout(nx.Graph()) == {}


def test_draw_partnership_keeps_the_legend_off_the_picture(devon):
    fig = draw_partnership(multiorg.organisation_network(devon), highlight=["rde"], title="Devon")
    legend = fig.axes[0].get_legend()
    assert legend is not None and legend.get_bbox_to_anchor() is not None
    assert fig.summary.endswith("highlighted: Royal Devon and Exeter NHS Foundation Trust.")
    plt.close(fig)


def test_previous_and_next_buttons_step_through_the_list(devon):
    explorer = workstream_explorer(devon, draw=False)
    values = [value for _, value in explorer.dropdown.options]
    assert explorer.next.description == "Next workstream" and explorer.previous.tooltip
    explorer.next.click()
    assert explorer.dropdown.value == values[1] == explorer.view.workstream
    explorer.previous.click()
    explorer.previous.click()                 # wraps round to the last
    assert explorer.dropdown.value == values[-1]
    assert explorer.view.name in explorer.status.value
    explorer.next.click()
    assert explorer.dropdown.value == values[0]
