"""The helper-finder widget of notebook 09, driven headless by setting its controls in Python."""

from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import pytest

import netlearn
from netlearn.errors import MemberError
from netlearn.matching import TopicError
from netlearn.widgets.matching import ROLE_ASKING, HelperFinder, helper_finder, rings_layout

PNG = b"\x89PNG"


@pytest.fixture(scope="module")
def net():
    return netlearn.load_dataset("q_community")


def first_need(net, member):
    return net.members.set_index("id").loc[member, "needs_help_with"].split("; ")[0]


def test_starts_with_the_first_member_by_name_and_their_first_need(net):
    finder = helper_finder(net)
    names = net.names()
    first = min(names, key=lambda v: (names[v].casefold(), v))
    assert isinstance(finder, HelperFinder)
    assert finder.member.value == first
    assert finder.topic.value == first_need(net, first)
    assert finder.reach.value == 2
    assert finder.result.attrs["member"] == first
    assert len(finder.result) <= 8
    assert finder.result.attrs["summary"] in finder.status.value.replace("&#x27;", "'")
    assert 'role="status"' in finder.status.value
    assert names[first] in finder.needs_line.value


def test_member_labels_show_name_id_and_region(net):
    finder = helper_finder(net)
    labels = dict((value, label) for label, value in finder.member.options)
    assert labels["q001"] == "Fiona Shah (q001, Midlands)"
    assert len(labels) == len(net.members)


def test_choosing_a_member_moves_the_topic_to_their_need_and_changes_the_table(net):
    finder = helper_finder(net, member="q001")
    before = finder.table.value
    finder.member.value = "q031"
    assert finder.topic.value == first_need(net, "q031")
    assert finder.result.attrs["member"] == "q031"
    assert finder.table.value != before
    assert "Zoe Bailey" in finder.table.value and "Fiona Shah" not in finder.needs_line.value


def test_choosing_a_topic_searches_again(net):
    finder = helper_finder(net, member="q031", topic="spread and scale")
    finder.topic.value = "finding funding"
    assert finder.member.value == "q031"
    assert finder.result.attrs["topic"] == "finding funding"
    assert "finding funding" in finder.status.value
    assert "Deepa Clarke (q061)" in finder.table.value          # the nearest helper (see the exercises)


def test_reach_limits_the_introductions(net):
    finder = helper_finder(net, member="q001", topic="measurement for improvement")
    assert finder.result["introductions"].max() > 0
    finder.reach.value = 0
    assert set(finder.result["introductions"]) == {0}
    assert "already known" in finder.table.value
    finder.reach.value = 1
    assert finder.result["introductions"].max() <= 1


def test_the_drawing_is_a_png_with_a_summary_and_leaves_no_figure_open(net):
    open_before = set(plt.get_fignums())
    finder = helper_finder(net, member="q001", topic="measurement for improvement")
    finder.topic.value = "evaluation"
    finder.member.value = "q050"
    assert bytes(finder.picture.value).startswith(PNG)
    assert finder.figure_summary.startswith(f"Who could help {net.names()['q050']} with")
    assert f"highlighted: {net.names()['q050']}" in finder.figure_summary
    assert "asking for help 1" in finder.figure_summary
    assert "Only the ties along the chains" in finder.caption.value
    assert set(plt.get_fignums()) == open_before


def test_table_rows_match_the_result(net):
    finder = helper_finder(net, member="q001", topic="measurement for improvement", top=5)
    assert finder.table.value.count("<tr>") == 1 + len(finder.result)     # header + one row per helper
    for helper, row in finder.result.iterrows():
        assert f"{row['name']} ({helper})" in finder.table.value


def test_rings_layout_puts_the_asker_in_the_centre(net):
    finder = helper_finder(net, member="q001", topic="measurement for improvement")
    pos = rings_layout(finder.result)
    assert tuple(round(float(x), 9) for x in pos["q001"]) == (0.0, 0.0)
    radius = {v: (x * x + y * y) ** 0.5 for v, (x, y) in pos.items()}
    for path in finder.result["path"]:
        assert [round(radius[v], 9) for v in path] == list(range(len(path)))    # one ring per step
    assert set(pos) == {v for path in finder.result["path"] for v in path}


def test_nobody_within_reach_is_shown_in_words():
    G = nx.Graph([("ann", "bo"), ("bo", "cy"), ("cy", "dee"), ("dee", "eve")])
    nx.set_node_attributes(G, {"eve": "evaluation", "ann": "data analysis"}, "can_help_with")
    finder = helper_finder(G, member="ann", topic="evaluation")
    assert finder.result.empty
    assert "Nobody to show" in finder.table.value
    assert "none is within two introductions" in finder.status.value
    assert bytes(finder.picture.value).startswith(PNG)       # the member alone, in the centre


def test_a_plain_directed_graph_without_names_works():
    G = nx.DiGraph([("ann", "bo"), ("cy", "bo")])
    nx.set_node_attributes(G, {"cy": "evaluation"}, "can_help_with")
    nx.set_node_attributes(G, {"ann": "evaluation"}, "needs_help_with")
    finder = helper_finder(G, member="ann")
    assert finder.topic.value == "evaluation"
    assert list(finder.result.index) == ["cy"]
    assert finder.result.loc["cy", "introduced_by"] == "bo"


def test_a_problem_during_a_search_is_shown_not_raised(net, monkeypatch):
    finder = helper_finder(net, member="q001")
    import netlearn.widgets.matching as module

    def broken(*args, **kwargs):
        raise TopicError("Nobody lists 'x' among what they can help with yet.")

    monkeypatch.setattr(module, "find_helpers", broken)
    finder.reach.value = 1
    assert finder.result is None
    assert "Nobody lists" in finder.status.value.replace("&#x27;", "'")
    assert finder.table.value == "" and finder.picture.value == b""


def test_bad_starting_choices_get_clear_errors(net):
    with pytest.raises(MemberError, match="Did you mean Fiona Shah"):
        helper_finder(net, member="Fiona Sha")
    with pytest.raises(TopicError, match="Nobody offers help with 'knitting'"):
        helper_finder(net, topic="knitting")
    with pytest.raises(TypeError, match="needs a netlearn Network"):
        helper_finder([("a", "b")])
    assert helper_finder(net, member="Fiona Shah").member.value == "q001"
    assert helper_finder(net, topic="EVALUATION").topic.value == "evaluation"


def test_the_asker_is_coloured_as_asking(net):
    finder = helper_finder(net, member="q031")
    assert f"{ROLE_ASKING} 1" in finder.figure_summary
