"""Network drawings: fixed layout, colour-blind palette, highlights, and a text summary."""

import matplotlib.pyplot as plt
import networkx as nx
import pytest

from netlearn import MeasureError, load_dataset
from netlearn.drawing import GREY, OKABE_ITO, category_colours, draw_network, fixed_layout


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_layout_is_the_same_every_run():
    G = load_dataset("florentine_families").graph()
    first, second = fixed_layout(G), fixed_layout(G)
    assert all((first[n] == second[n]).all() for n in G)


def test_colours_follow_the_attribute_and_missing_is_grey():
    G = nx.path_graph(3)
    nx.set_node_attributes(G, {0: "a", 1: "b"}, "group")
    fig = draw_network(G, color_by="group", labels=False)
    faces = fig.axes[0].collections[-1].get_facecolors()  # nodes are drawn last
    hexes = [matplotlib_hex(c) for c in faces]
    assert hexes == [OKABE_ITO[0].lower(), OKABE_ITO[1].lower(), GREY.lower()]
    assert "coloured by group (a 1, b 1)" in fig.summary


def matplotlib_hex(rgba):
    from matplotlib.colors import to_hex

    return to_hex(rgba)


def test_highlighted_members_are_bigger_and_ringed_not_only_coloured():
    G = load_dataset("krackhardt_kite").graph()
    fig = draw_network(G, highlight=["Heather"], title="Kite")
    nodes = fig.axes[0].collections[-1]
    order = list(G.nodes)
    sizes, widths = nodes.get_sizes(), nodes.get_linewidths()
    i = order.index("Heather")
    assert sizes[i] > max(s for j, s in enumerate(sizes) if j != i)
    assert widths[i] > max(w for j, w in enumerate(widths) if j != i)
    assert fig.summary == "Kite: 10 members and 18 ties; highlighted: Heather."
    assert fig.axes[0].get_title() == "Kite"


def test_names_are_used_as_labels_when_present():
    G = load_dataset("q_community").graph("knows").subgraph(["q001", "q002"]).copy()
    fig = draw_network(G, labels=True)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert texts == {G.nodes["q001"]["name"], G.nodes["q002"]["name"]}


def test_palette_categories_are_sorted_and_stable():
    assert category_colours(["b", "a"]) == {"a": OKABE_ITO[0], "b": OKABE_ITO[1]}


@pytest.mark.parametrize("call, message", [
    (lambda: draw_network(nx.Graph()), "no members"),
    (lambda: draw_network(nx.path_graph(3), highlight=["x"]), "'x'"),
    (lambda: draw_network(nx.path_graph(3), color_by="region"), "'region'"),
])
def test_clear_errors(call, message):
    with pytest.raises(MeasureError, match=message):
        call()


def test_figure_png_gives_png_bytes_and_closes_the_figure():
    from netlearn.drawing import figure_png

    fig = draw_network(nx.path_graph(3), title="Path")
    png = figure_png(fig)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert not plt.fignum_exists(fig.number)
    kept = draw_network(nx.path_graph(3), title="Path")
    figure_png(kept, close=False, background="white")
    assert plt.fignum_exists(kept.number)
