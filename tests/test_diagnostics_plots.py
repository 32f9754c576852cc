"""The diagnostics' charts: they show as pictures wherever they appear, are drawn with seaborn where
seaborn is the field's tool, and are readable at the size the notebook shows them."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.collections import QuadMesh
from matplotlib.text import Text

from netlearn.diagnostics import (likert_chart, matrix_heatmap, radar_chart, read_matrix, read_responses,
                                  table_conversation, table_radar)
from netlearn.drawing import DISPLAY_DPI, OKABE_ITO, CourseFigure

ROOT = Path(__file__).resolve().parents[1]
RESPONSES = ROOT / "datasets" / "responses"
READABLE_PX = 10


@pytest.fixture(scope="module")
def talk():
    return table_conversation(read_matrix(RESPONSES / "matrix_workshop.csv"))


@pytest.fixture(scope="module")
def health():
    return read_responses(RESPONSES / "health_check.csv", "network_health_check")


def small_answers():
    """Five people, two items: fu1 answered 1, 3, 4, 5, 5 and fu2 answered 2, 2, 3, 3, 4."""
    return read_responses(pd.DataFrame({"respondent": list("abcde"), "fu1": [1, 3, 4, 5, 5],
                                        "fu2": [2, 2, 3, 3, 4]}), "network_health_check")


def smallest_text_px(fig, dpi=DISPLAY_DPI):
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return min(t.get_fontsize() * dpi / 72 for t in texts)


def charts(talk, health):
    return {"radar": radar_chart({"a": 2, "b": 3, "c": 4}, {"a": 4, "b": 4, "c": 4}),
            "table radar": table_radar(talk, "Table 1"),
            "heatmap": matrix_heatmap(talk), "likert": likert_chart(health)}


def test_every_chart_is_a_course_figure_with_a_png_of_its_own(talk, health):
    """Before, the charts were bare Figures: without pyplot, Jupyter printed <Figure size 720x720 with 1 Axes>."""
    for name, fig in charts(talk, health).items():
        assert isinstance(fig, CourseFigure), name
        assert fig._repr_png_().startswith(b"\x89PNG"), name
        assert fig.text_summary, name


def test_charts_are_readable_at_the_size_the_notebook_shows_them(talk, health):
    for name, fig in charts(talk, health).items():
        assert smallest_text_px(fig) >= READABLE_PX, name


def test_no_chart_legend_is_placed_by_searching(talk, health):
    found = charts(talk, health)
    legends = [*found["radar"].legends, *found["likert"].legends]
    assert len(legends) == 2 and all(legend._loc != 0 for legend in legends)   # 0 is loc="best"


def _overlaps(fig):
    """Texts on the chart (tick labels, title) whose drawn box meets a legend's, as drawn by the renderer."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)   # lays the chart out (constrained layout) as a saved picture would be
    ax = fig.axes[0]
    legends = [*fig.legends, *([ax.get_legend()] if ax.get_legend() else [])]
    texts = [t for t in [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.title] if t.get_text().strip()]
    assert legends and len(texts) >= 8
    return [t.get_text() for legend in legends for t in texts
            if legend.get_window_extent(renderer).overlaps(t.get_window_extent(renderer))]


def test_the_radar_legend_covers_no_label_at_the_size_the_self_assessment_shows_it():
    """The legend sat at the top right and covered "Membership and diversity" in the 5 x 5 inch widget chart."""
    from netlearn.diagnostics import self_assessment

    form = self_assessment("network_maturity_matrix")
    for number, dimension in enumerate(form.instrument.dimension_ids):
        form.set_answer(dimension, 1 + number % 3)
        form.set_answer(dimension, 4, part="target")
    fig = form.figure
    assert tuple(fig.get_size_inches()) == (5, 5) and len(fig.axes[0].get_xticklabels()) == 8
    assert "Membership and\ndiversity" in [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert _overlaps(fig) == []
    assert _overlaps(radar_chart({"a": 2, "b": 3, "c": 4}, {"a": 4, "b": 4, "c": 4})) == []   # default size too


def test_the_heatmap_is_seaborns_with_every_value_written_in_its_cell(talk):
    fig = matrix_heatmap(talk)
    ax = fig.axes[0]
    assert isinstance(ax.collections[0], QuadMesh) and len(fig.axes) == 2      # cells and a colour bar
    grid = talk.pivot(index="table", columns="name", values="recorded")
    written = sorted(float(t.get_text()) for t in ax.texts)
    assert written == sorted(float(v) for v in grid.to_numpy().ravel())
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"Table {i}" for i in range(1, 6)]


def test_the_likert_bars_are_drawn_by_seaborn_and_add_up(monkeypatch):
    import seaborn

    calls = []
    original = seaborn.barplot

    def spy(*args, **kwargs):
        calls.append(kwargs.get("color"))
        return original(*args, **kwargs)

    monkeypatch.setattr(seaborn, "barplot", spy)
    fig = likert_chart(small_answers())
    assert len(calls) == 5                                  # one call per point of the scale
    ax = fig.axes[0]
    # fu1: 1 20%, 3 20%, 4 20%, 5 40%: the middle (3) straddles zero, 1 sits left of it, 4 and 5 to the right
    fu1 = [(round(c[0].get_x()), round(c[0].get_width())) for c in ax.containers]
    assert fu1 == [(-30, 20), (-10, 0), (-10, 20), (10, 20), (30, 40)]
    fu2 = [(round(c[1].get_x()), round(c[1].get_width())) for c in ax.containers]
    assert fu2 == [(-60, 0), (-60, 40), (-20, 40), (20, 20), (40, 0)]


def test_the_radar_stays_matplotlib_with_okabe_ito_lines():
    fig = radar_chart({"a": 2, "b": 3, "c": 4}, {"a": 4, "b": 4, "c": 4})
    colours = [line.get_color() for line in fig.axes[0].lines]
    assert colours == [OKABE_ITO[4], OKABE_ITO[5]] and fig.axes[0].name == "polar"   # blue now, vermillion target


def test_the_workshop_view_shows_its_chart_as_a_picture(monkeypatch, talk):
    """Inside the widget's Output the heat map printed as <Figure size ...> text when pyplot was not loaded."""
    import base64

    from IPython import display as ipython_display

    from netlearn.diagnostics import widgets

    shown = []
    monkeypatch.setattr(widgets, "_in_kernel", lambda: True)
    monkeypatch.setattr(ipython_display, "display", lambda obj: shown.append(obj))
    widgets.workshop_view("network_maturity_matrix", RESPONSES / "matrix_workshop.csv")
    pictures = []
    for obj in shown:
        if isinstance(obj, ipython_display.Image):
            pictures.append(obj.data)
        elif isinstance(obj, ipython_display.HTML) and '<img src="data:image/png;base64,' in obj.data:
            pictures.append(base64.b64decode(obj.data.split("base64,")[1].split('"')[0]))
    assert len(pictures) == 1 and pictures[0].startswith(b"\x89PNG")
    assert not any("Figure size" in repr(obj) for obj in shown)


def test_figure_html_carries_the_summary_as_alt_text():
    from netlearn.diagnostics.widgets import figure_html

    fig = radar_chart({"a": 2, "b": 3, "c": 4}, labels={"a": "Purpose & aims"})
    page = figure_html(fig)
    assert page.startswith('<img src="data:image/png;base64,')
    assert 'alt="Radar chart of 3 dimensions on a 1 to 5 scale. Now: lowest Purpose &amp; aims (2)' in page


KERNEL_CELLS = [
    # 07 and 08: a chart from the diagnostics, pyplot never imported
    "import sys\nimport netlearn\nfrom netlearn.diagnostics import radar_chart\n"
    "fig = radar_chart({'a': 2, 'b': 3, 'c': 4})\nprint('pyplot' if 'matplotlib.pyplot' in sys.modules else 'no pyplot')\n"
    "fig",
    # a network drawing as the last line of a cell, with pyplot's inline backend active
    "import networkx as nx\nfrom netlearn.drawing import draw_network\nfig = draw_network(nx.path_graph(4))\nfig",
    # the notebooks' usual way: the drawing is not the cell's last line
    "fig = draw_network(nx.path_graph(4))\nprint(fig.summary)",
    # pyplot imported by the learner, then a diagnostics chart
    "import matplotlib.pyplot as plt\nfrom netlearn.diagnostics import radar_chart\nradar_chart({'a': 2, 'b': 3, 'c': 4})",
]


@pytest.mark.skipif(sys.platform == "win32", reason="runs a Jupyter kernel")
def test_in_a_real_kernel_every_figure_shows_as_one_picture():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in KERNEL_CELLS])
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(ROOT)}},
                            ).execute()
    pictures = [sum("image/png" in output.get("data", {}) for output in cell.outputs) for cell in notebook.cells]
    texts = ["".join(output.get("text", "") for output in cell.outputs) for cell in notebook.cells]
    assert pictures == [1, 1, 1, 1], texts
    assert texts[0].strip() == "no pyplot"
