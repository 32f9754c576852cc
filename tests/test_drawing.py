"""Network drawings: fixed layout, colour-blind palette, highlights, legibility, and a text summary."""

import itertools
import re

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pytest
from matplotlib.text import Text

from netlearn import MeasureError, load_dataset, multiorg
from netlearn.drawing import (GREY, LABEL_LIMIT, MIN_FONT, OKABE_ITO, TOP_LABELS, category_colours, draw_network,
                              figure_png, fixed_layout)

#: Smallest text height, in pixels, a learner should have to read.
READABLE_PX = 10


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts_of(fig):
    """Every piece of text a learner sees in a figure (labels, titles, ticks, legend entries)."""
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def smallest_text_px(fig, dpi):
    """Height in pixels of the smallest text when the figure is shown at ``dpi``."""
    return min(t.get_fontsize() * dpi / 72 for t in texts_of(fig))


def overlaps(fig):
    """Pairs of named labels (annotations and node labels) whose boxes overlap on the picture."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text().strip()]
    boxes = [t.get_window_extent(renderer) for t in labels]
    return [(a.get_text(), b.get_text()) for (a, ea), (b, eb) in itertools.combinations(zip(labels, boxes), 2)
            if ea.overlaps(eb)]


def test_layout_is_the_same_every_run():
    G = load_dataset("florentine_families").graph()
    first, second = fixed_layout(G), fixed_layout(G)
    assert all((first[n] == second[n]).all() for n in G)


def test_small_networks_are_spread_so_no_member_hides_another():
    """Karate club members 33 and 34 landed 0.064 apart in a picture 1.76 wide: one circle hid the other."""
    G = load_dataset("karate_club").graph("interaction")
    pos = fixed_layout(G)
    width = np.ptp(np.array(list(pos.values())), axis=0).max()
    closest = min(np.linalg.norm(pos[a] - pos[b]) for a, b in itertools.combinations(G, 2))
    assert closest >= 0.089 * width


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


def node_collections(fig):
    """(sizes, line widths, zorder, offsets) of each collection of circles drawn."""
    from matplotlib.collections import PathCollection

    return [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]


def test_highlighted_members_are_bigger_ringed_and_on_top():
    G = load_dataset("krackhardt_kite").graph()
    pos = fixed_layout(G)
    fig = draw_network(G, highlight=["Heather"], title="Kite", pos=pos)
    plain, chosen = node_collections(fig)
    assert list(chosen.get_offsets()[0]) == list(pos["Heather"])
    assert chosen.get_sizes().min() > plain.get_sizes().max()
    assert chosen.get_linewidths().min() > plain.get_linewidths().max()
    assert chosen.get_zorder() > plain.get_zorder()
    assert fig.summary == "Kite: 10 members and 18 ties; highlighted: Heather."
    assert fig.axes[0].get_title() == "Kite"


def test_a_highlighted_member_is_drawn_over_its_neighbour():
    """Member 33 of the karate club, highlighted, was drawn under member 34."""
    G = load_dataset("karate_club").graph("interaction")
    fig = draw_network(G, color_by="side", highlight=["33"])
    plain, chosen = node_collections(fig)
    assert chosen.get_zorder() > plain.get_zorder()
    labels = {t.get_text(): t.get_zorder() for t in fig.axes[0].texts}
    assert labels["33"] > chosen.get_zorder() and labels["33"] > labels["34"]


def test_names_are_used_as_labels_when_present():
    G = load_dataset("q_community").graph("knows").subgraph(["q001", "q002"]).copy()
    fig = draw_network(G, labels=True)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert texts == {G.nodes["q001"]["name"], G.nodes["q002"]["name"]}


def test_a_large_network_names_only_the_first_highlighted_members_without_overlap():
    G = load_dataset("q_community").graph("knows")
    assert len(G) > LABEL_LIMIT
    assert not draw_network(G, color_by="region").axes[0].texts       # nobody picked out: nobody named
    chosen = sorted(G, key=lambda m: -G.degree(m))[:12]            # the hubs, in the crowded middle
    fig = draw_network(G, color_by="region", highlight=chosen, node_size=90)
    names = [t.get_text() for t in fig.axes[0].texts]
    assert len(names) == TOP_LABELS < len(chosen)
    assert names == [G.nodes[m]["name"] for m in chosen[:TOP_LABELS]]
    assert overlaps(fig) == []
    assert "(the first 10 named in the picture)" in fig.summary


def test_legends_have_a_fixed_place_never_best():
    """``loc="best"`` searched for a free spot on every redraw: once 6 seconds on a source switch."""
    G = load_dataset("q_community").graph("knows")
    legend = draw_network(G, color_by="region").axes[0].get_legend()
    assert legend is not None and legend._loc != 0        # 0 is matplotlib's code for "best"


@pytest.mark.parametrize("dataset, relation, dpi", [("karate_club", "interaction", 80),
                                                    ("q_community", "knows", 80),
                                                    ("krackhardt_kite", None, 100)])
def test_text_is_at_least_ten_pixels_where_it_is_shown(dataset, relation, dpi):
    """Widgets show drawings at 80 dots per inch, notebooks at 100; 8-point text at 80 is 8.9 px."""
    net = load_dataset(dataset)
    G = net.graph(relation) if relation else net.graph()
    fig = draw_network(G, color_by="side" if dataset == "karate_club" else None, highlight=list(G)[:3])
    assert MIN_FONT * 80 / 72 >= READABLE_PX
    assert smallest_text_px(fig, dpi) >= READABLE_PX


def test_organisations_are_named_not_coded_and_names_do_not_overlap():
    from netlearn.widgets.stp import draw_partnership, organisation_label

    devon = load_dataset("devon_stp")
    O = multiorg.organisation_network(devon)
    fig = draw_partnership(O, highlight=["rde", "dpt"], title="Devon")
    shown = {t.get_text() for t in fig.axes[0].texts}
    assert shown == {organisation_label(O.nodes[o]["name"]) for o in O}
    assert not shown & set(O)                           # no ids such as sdt_ccg, tsdft or dpt
    assert "Royal Devon and\nExeter NHS FT" in shown
    assert overlaps(fig) == []
    assert smallest_text_px(fig, 80) >= READABLE_PX


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
    fig = draw_network(nx.path_graph(3), title="Path")
    assert plt.fignum_exists(fig.number)                # handed to pyplot: shown at the end of a cell
    png = figure_png(fig)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert not plt.fignum_exists(fig.number)
    kept = draw_network(nx.path_graph(3), title="Path")
    figure_png(kept, close=False, background="white")
    assert plt.fignum_exists(kept.number)


def png_size(png):
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    return width, height


def test_course_figures_show_as_pictures_in_ipython_and_only_once_under_pyplot():
    from types import SimpleNamespace

    from IPython.core.formatters import DisplayFormatter
    from IPython.core.pylabtools import select_figure_formats
    from matplotlib.figure import Figure

    from netlearn.drawing import CourseFigure, new_figure, register_figure_display

    shell = SimpleNamespace(display_formatter=DisplayFormatter())
    bare = Figure()
    bare.add_subplot().plot([1, 2])
    assert "image/png" not in shell.display_formatter.format(bare)[0]     # what the learner got before
    assert register_figure_display(shell)
    assert shell.display_formatter.format(bare)[0]["image/png"].startswith(b"\x89PNG")
    # pyplot's inline backend registers its own display for every Figure; ours still wins for course
    # figures, and hands a pyplot-held figure back so the backend does not show it a second time
    select_figure_formats(shell, {"png"})
    fig = new_figure((3, 2), pyplot=True)
    fig.add_subplot().plot([1, 2])
    assert isinstance(fig, CourseFigure) and plt.fignum_exists(fig.number)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("matplotlib.get_backend", lambda **_: "module://matplotlib_inline.backend_inline")
        data = shell.display_formatter.format(fig)[0]
    assert png_size(data["image/png"])[0] > 100
    assert not plt.fignum_exists(fig.number)


def widget_pictures():
    from netlearn.widgets.leadership import removal_explorer
    from netlearn.widgets.matching import helper_finder
    from netlearn.widgets.stp import workstream_explorer
    from netlearn.widgets.viewpoints import viewpoints_explorer

    q = load_dataset("q_community")
    return {"05 workstreams": workstream_explorer(load_dataset("devon_stp")),
            "03 removal": removal_explorer(q, "advice"), "04 viewpoints": viewpoints_explorer(q),
            "07 helpers": helper_finder(q)}


def test_widget_pictures_are_not_shrunk_below_readable_size():
    """A PNG wider than the widget's picture box is scaled down, and its text with it: the STP
    widget's 8-point labels, drawn 690 px wide into 540 px, were 6 to 7 px tall."""
    for name, widget in widget_pictures().items():
        width, _ = png_size(widget.picture.value)
        assert width <= int(re.sub("px", "", widget.picture.layout.max_width)), name
    assert MIN_FONT * 80 / 72 >= READABLE_PX           # the widgets draw at 80 dots per inch


def test_the_workstream_caption_says_labels_are_names():
    from netlearn.widgets.stp import workstream_explorer

    explorer = workstream_explorer(load_dataset("devon_stp"))
    assert "Labels are the organisations' names" in explorer.caption.value


def test_the_removal_sentence_agrees_with_its_table():
    """Without q018 the sentence read "reachability from 0.04 to 0.04" while the table said -0.01."""
    from netlearn.widgets.leadership import _table_html, removal_sentence, removal_table

    G = load_dataset("q_community").graph("leadership")
    table = removal_table(G, ["q018"])
    sentence, page = removal_sentence(G, table), _table_html(table)
    before, after = table.loc["average reachability", ["before", "after"]]
    assert f"{before:.2f}" == f"{after:.2f}" == "0.04"        # the case that went wrong
    assert "reachability from 0.045 to 0.039" in sentence
    assert "<td>0.045</td><td>0.039</td><td>-0.006</td>" in page
    for member in list(G)[:40]:                                 # and no sentence says "from x to x"
        sentence = removal_sentence(G, removal_table(G, [member]))
        for start, end in re.findall(r"from (\d+\.\d+) to (\d+\.\d+)", sentence):
            assert start != end, sentence


@pytest.mark.parametrize("role", ["broker", "central_connector", "boundary_spanner"])
def test_names_in_a_150_member_drawing_never_cover_each_other(role):
    """Seen in notebook 02: in the crowded middle of the community, one broker's name sat on another's."""
    from netlearn import roles

    G = load_dataset("q_community").graph("knows")
    profile = roles.role_profile(G, group="region")
    holders = list(profile.index[profile[role]])
    fig = draw_network(G, color_by="region", highlight=holders)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        boxes = [(t.get_text(), Text.get_window_extent(t, renderer)) for t in fig.axes[0].texts]
        assert len(boxes) == min(10, len(holders))
        clashes = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if box_a.overlaps(box_b)]
        assert clashes == []
    finally:
        plt.close(fig)
