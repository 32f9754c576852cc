"""Network drawings that look the same every run, in colours everyone can tell apart, shown as pictures.

Every figure in the course follows four rules, and this module keeps them in one place:

* **Colour-blind safe**: categories are coloured from the Okabe & Ito (2008) palette, and
  highlighted members are also drawn larger with a thick black ring, on top of everyone else, so
  nothing relies on colour alone.
* **Reproducible**: layouts use a fixed seed, so a network looks the same every time a notebook runs.
* **Legible**: text is at least :data:`MIN_FONT` points, which is 10 pixels or more at the
  resolutions the course shows pictures at; in networks of more than :data:`LABEL_LIMIT` members only
  the members the picture is about are named; legends sit in a fixed place below the drawing.
* **Described**: each figure has a title and a one-line text summary (``fig.summary``) that says
  what it shows, for screen readers, printouts and anyone skimming.

Figures are :class:`CourseFigure` objects, which Jupyter shows as a PNG picture wherever they are
displayed (the last line of a cell, ``display(fig)``, inside a widget's ``Output``), whether or not
pyplot has been imported. :func:`register_figure_display` (run when this module is imported in
IPython) makes sure of it, and makes a figure that pyplot's inline backend would also show at the end
of the cell appear only once.

>>> import networkx as nx
>>> G = nx.krackhardt_kite_graph()
>>> nx.set_node_attributes(G, {n: "left" if n < 5 else "right" for n in G}, "side")
>>> fig = draw_network(G, color_by="side", highlight=[3], title="Kite")
>>> fig.summary
'Kite: 10 members and 18 ties, coloured by side (left 5, right 5); highlighted: 3.'
>>> fig._repr_png_()[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
>>> close(fig)
"""

from __future__ import annotations

import base64
import html
import io
import math
import sys

import networkx as nx
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .errors import MeasureError

__all__ = ["OKABE_ITO", "OKABE_ITO_NAMES", "GREY", "LABEL_LIMIT", "MIN_FONT", "DISPLAY_DPI", "CourseFigure",
           "display_png", "new_figure",
           "register_figure_display", "category_colours", "fixed_layout", "draw_network", "figure_png", "close",
           "legend_below", "place_labels", "figure_png_in_frame", "picture_html"]

#: Okabe & Ito (2008) colour-blind-safe palette, by name (black left out: it marks highlights; a
#: mid grey in its place). The one palette of the course: charts pick colours from here by name.
OKABE_ITO_NAMES = {"orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
                   "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "grey": "#999999"}
#: The same colours in order, for categories (``OKABE_ITO[4]`` is ``OKABE_ITO_NAMES["blue"]``).
OKABE_ITO = tuple(OKABE_ITO_NAMES.values())
#: Colour for members whose attribute is missing, and for ties.
GREY = "#BBBBBB"
#: The seed every course drawing uses, so layouts are identical from run to run.
SEED = 7
#: Above this many members, ``labels="auto"`` names only the highlighted members (at most :data:`TOP_LABELS`).
LABEL_LIMIT = 40
#: The most members named in a drawing of more than :data:`LABEL_LIMIT` members.
TOP_LABELS = 10
#: Smallest font size (points) in course figures: 10 pixels at 80 dots per inch, 12.5 at 100.
MIN_FONT = 9
#: Resolution of pictures shown in notebook cells (widgets use :func:`figure_png`'s 80).
DISPLAY_DPI = 100


# --------------------------------------------------------------------------- figures Jupyter shows


class CourseFigure(Figure):
    """A matplotlib Figure that Jupyter shows as a PNG picture, with or without pyplot.

    It behaves exactly like :class:`matplotlib.figure.Figure`; only its display differs:
    ``_repr_png_`` gives the picture (see :func:`display_png`).
    """

    def _repr_png_(self):
        return display_png(self)


def display_png(fig):
    """The PNG bytes Jupyter shows for ``fig`` (at the figure's own dpi, trimmed to what is drawn).

    If pyplot's inline backend also holds the figure (it would show it again at the end of the
    cell), the figure is handed back from pyplot once drawn, so the picture appears once. An empty
    figure gives None (nothing to show).
    """
    if not fig.axes and not fig.artists and not fig.texts:
        return None
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi, bbox_inches=_trim(fig), facecolor="white")
    _release_from_inline_pyplot(fig)
    return buffer.getvalue()


def _trim(fig):
    """``"tight"`` (crop to what is drawn), except for a figure that lays itself out ("constrained"):
    it fills its own frame already, and measuring every label again to trim it costs about a fifth
    of the time a widget's chart takes (see benchmarks/README.md)."""
    return None if fig.get_layout_engine() is not None else "tight"


def _release_from_inline_pyplot(fig):
    pyplot = sys.modules.get("matplotlib.pyplot")
    manager = getattr(fig.canvas, "manager", None)
    if pyplot is None or manager is None or not pyplot.fignum_exists(manager.num):
        return
    import matplotlib

    try:
        backend = matplotlib.get_backend(auto_select=False)
    except TypeError:  # matplotlib before 3.10
        backend = matplotlib.get_backend()
    if "inline" in str(backend).lower():
        pyplot.close(fig)


def register_figure_display(shell=None):
    """Make Jupyter show figures as PNG pictures in this IPython session; True if it did.

    Registers :func:`display_png` for :class:`CourseFigure` (which takes precedence over whatever
    pyplot's inline backend registers for plain figures, so nothing is shown twice) and, when no
    picture display is registered for plain :class:`matplotlib.figure.Figure` objects, for those too.
    Outside IPython it does nothing. It runs when this module is imported.

    >>> from types import SimpleNamespace
    >>> from IPython.core.formatters import DisplayFormatter
    >>> shell = SimpleNamespace(display_formatter=DisplayFormatter())   # stands in for a kernel's shell
    >>> register_figure_display(shell)
    True
    >>> plain = Figure()
    >>> _ = plain.add_subplot().plot([1, 2])
    >>> data, _ = shell.display_formatter.format(plain)   # a bare Figure, no pyplot involved
    >>> data["image/png"][:4]
    b'\\x89PNG'
    >>> data["text/plain"]
    '<Figure size 640x480 with 1 Axes>'
    """
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", None)
    if not formatters or "image/png" not in formatters:
        return False
    png = formatters["image/png"]
    png.for_type(CourseFigure, display_png)
    try:
        png.lookup_by_type(Figure)
    except KeyError:
        png.for_type(Figure, display_png)
    return True


def new_figure(figsize, *, layout=None, pyplot=False, dpi=DISPLAY_DPI):
    """A new :class:`CourseFigure`.

    ``pyplot=True`` also hands it to pyplot, so that Jupyter's inline backend shows it at the end of
    the cell even when the cell does not end with it (the way the course's notebooks draw
    networks); :func:`close` or :func:`figure_png` releases it. Otherwise pyplot never knows about
    it, which suits widgets and reports.
    """
    if pyplot:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=figsize, layout=layout, dpi=dpi, FigureClass=CourseFigure)
        register_figure_display()
        return fig
    return CourseFigure(figsize=figsize, layout=layout, dpi=dpi)


def close(fig):
    """Release a figure from pyplot, if pyplot holds it (harmless otherwise)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(fig)


_release = close


def figure_png(fig, *, dpi=80, close=True, background=None):
    """The figure as PNG bytes, for an ``ipywidgets.Image`` or an inline ``<img>``.

    Widgets redraw often, so the figure is released from pyplot afterwards by default (no figures
    pile up in memory). ``background`` sets the page colour behind the axes (e.g. ``"white"`` for
    reports).

    >>> import networkx as nx
    >>> png = figure_png(draw_network(nx.path_graph(3), title="Path"))
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    buffer = io.BytesIO()
    options = {"facecolor": background} if background else {}
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches=_trim(fig), **options)
    if close:
        _release(fig)
    return buffer.getvalue()


def picture_html(png, alt):
    """PNG bytes as an HTML ``<img>`` carrying ``alt`` (a chart's text summary) as its alternative text.

    For widgets that keep a chart's picture and show it again: the words travel with the picture,
    so a screen reader announces what the chart shows. ``alt`` is escaped; an empty one reads "Chart".

    >>> print(picture_html(b"PNG", '"a" & b'))
    <img src="data:image/png;base64,UE5H" alt="&quot;a&quot; &amp; b" style="max-width:100%;height:auto">
    """
    encoded = base64.b64encode(png).decode("ascii")
    text = html.escape(alt or "Chart", quote=True)
    return f'<img src="data:image/png;base64,{encoded}" alt="{text}" style="max-width:100%;height:auto">'


def figure_png_in_frame(fig, frames, key, *, dpi=80, background=None):
    """:func:`figure_png` for a widget that redraws the same kind of chart with new numbers.

    A chart with constrained layout is measured (every label) before it is drawn, which is about
    a third of its time. Charts of the same shape (the same ``key``: labels, legend, size) get the
    same layout, so the first one's axes positions are kept in the dict ``frames`` and the next
    ones are drawn straight into them, in one pass: the same picture, pixel for pixel (a test
    checks it), about 40% sooner. Figures without a layout engine are drawn as by
    :func:`figure_png`.

    >>> frames = {}
    >>> def chart(value):
    ...     fig = new_figure((3, 2), layout="constrained")
    ...     fig.add_subplot().bar(["a", "b"], [1, value])
    ...     return fig
    >>> first = figure_png_in_frame(chart(2), frames, "bars")
    >>> list(frames)
    ['bars']
    >>> figure_png_in_frame(chart(3), frames, "bars")[:4] == b"\\x89PNG"
    True
    """
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    if not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
        return figure_png(fig, dpi=dpi, background=background)
    frame = frames.get(key)
    if frame is None or len(frame) != len(fig.axes):
        png = figure_png(fig, dpi=dpi, close=False, background=background)
        frames[key] = [ax.get_position() for ax in fig.axes]
        _release(fig)
        return png
    fig.set_layout_engine(None)
    for ax, box in zip(fig.axes, frame):
        ax.set_position(box)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, **({"facecolor": background} if background else {}))
    _release(fig)
    return buffer.getvalue()


# --------------------------------------------------------------------------- colours and layout


def category_colours(values):
    """Map each distinct value (sorted as text) to a palette colour; missing values are grey.

    More categories than colours reuse the palette, so very many categories should be grouped first.

    >>> category_colours(["gp", "ward", None, "gp"])
    {'gp': '#E69F00', 'ward': '#56B4E9'}
    """
    distinct = sorted({str(v) for v in values if v is not None and v == v})
    return {value: OKABE_ITO[i % len(OKABE_ITO)] for i, value in enumerate(distinct)}


def fixed_layout(G, seed=SEED):
    """Node positions from a spring layout with a fixed seed (same picture every run).

    Directed graphs are laid out as undirected, so direction does not change the picture. In
    networks of up to :data:`LABEL_LIMIT` members, where every member is drawn large and labelled,
    members closer than 9% of the picture's width are then pushed apart, so no member hides
    another.

    >>> import networkx as nx
    >>> pos = fixed_layout(nx.karate_club_graph())
    >>> xy = np.array(list(pos.values()))
    >>> closest = min(np.linalg.norm(xy[i] - xy[j]) for i in range(len(xy)) for j in range(i))
    >>> bool(closest >= 0.089 * np.ptp(xy, axis=0).max())
    True
    """
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    k = None if len(H) < 50 else 2 / len(H) ** 0.5
    pos = nx.spring_layout(H, seed=seed, k=k, iterations=100)
    if 2 < len(H) <= LABEL_LIMIT:
        pos = _spread(pos, gap=0.09)
    return pos


def _spread(pos, gap, rounds=60):
    """Push apart points closer than ``gap`` times the layout's width (deterministic)."""
    nodes = list(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    width = float(np.ptp(xy, axis=0).max()) or 1.0
    least = gap * width
    for _ in range(rounds):
        moved = False
        for i in range(len(nodes)):
            delta = xy[i] - xy[i + 1:]
            dist = np.hypot(delta[:, 0], delta[:, 1])
            for j in np.flatnonzero(dist < least):
                other = i + 1 + j
                d = dist[j]
                direction = delta[j] / d if d > 1e-12 else np.array([math.cos(other), math.sin(other)])
                push = (least - d) / 2 * 1.01
                xy[i] += direction * push
                xy[other] -= direction * push
                moved = True
        if not moved:
            break
    return {n: xy[i] for i, n in enumerate(nodes)}


# --------------------------------------------------------------------------- drawing


def legend_below(ax, handles, title=None, *, columns=None):
    """A legend in a fixed place, centred under the drawing, where it covers nobody.

    (Never ``loc="best"``: it can take seconds on a large drawing and moves as the data change.)
    """
    columns = columns or min(len(handles), 4)
    return ax.legend(handles=handles, title=title, loc="upper center", bbox_to_anchor=(0.5, -0.01),
                     ncol=columns, fontsize=MIN_FONT, title_fontsize=MIN_FONT + 1, frameon=False,
                     handletextpad=0.3, columnspacing=1.2)


def _auto_labels(G, nodes, chosen_order, labels):
    """Node -> label text, following ``labels`` ("auto", True/False or a dict)."""
    if labels == "auto":
        if len(G) <= LABEL_LIMIT:
            labels = True
        else:
            return {n: G.nodes[n].get("name", n) for n in chosen_order[:TOP_LABELS]}
    if labels is True:
        return {n: G.nodes[n].get("name", n) for n in nodes}
    return dict(labels) if labels else {}


def _overlap(a, b):
    """The area two boxes ``(left, bottom, right, top)`` share (0 when they do not touch)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def place_labels(ax, pos, labels, *, size=300, obstacles=(), directions=None):
    """Write ``labels`` (node -> text) beside their members, where they cover no other label or member.

    Each label goes at the first free spot among: just outside the member's circle in each of
    ``directions(node)`` (unit vectors, best first; default right, left, up, down and the
    diagonals), then the same further out (2.2, 3.4 and 4.6 times) with a thin leader line; when
    no spot is free, the one that covers least. Spots are judged by the label's real size as
    drawn. ``obstacles`` are members whose circles (of area ``size``, in points squared) labels
    must not cover. Labels sit on a pale box, at :data:`MIN_FONT` points. Returns the matplotlib
    annotations.
    """
    fig = ax.figure
    ax.autoscale_view()
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    scale = fig.dpi / 72
    radius = math.sqrt(size) / 2 + 3  # points: just outside a circle of this size
    pad = 2 * scale                     # pixels kept clear around each label
    taken = []
    for node in obstacles:
        x, y = to_px(pos[node])
        r = (math.sqrt(size) / 2) * scale
        taken.append((x - r, y - r, x + r, y + r))
    usual = ((1, 0.5), (-1, 0.5), (1, -0.5), (-1, -0.5), (0, 1), (0, -1), (1, 0), (-1, 0))
    style = {"boxstyle": "round,pad=0.12", "facecolor": "white", "alpha": 0.85, "edgecolor": "none"}
    drawn = []
    for node, text in labels.items():
        options = list(directions(node)) if directions else list(usual)
        spots = [(dx * reach, dy * reach) for reach in (1, 2.2, 3.4, 4.6) for dx, dy in options]
        label = ax.annotate(str(text), pos[node], xytext=(0, 0), textcoords="offset points", fontsize=MIN_FONT,
                            linespacing=1.0, zorder=6, bbox=style)
        best = None
        for dx, dy in spots:
            _aim(label, dx, dy, radius)
            extent = label.get_window_extent(renderer)
            box = (extent.x0 - pad, extent.y0 - pad, extent.x1 + pad, extent.y1 + pad)
            covered = sum(_overlap(box, other) for other in taken)
            if best is None or covered < best[0]:
                best = (covered, dx, dy, box)
            if covered == 0:
                break
        _, dx, dy, box = best    # the first free spot, or the one covering least when none is free
        taken.append(box)
        if math.hypot(dx, dy) > 1.5:     # far from its member: a thin line shows whose name it is
            label.remove()
            label = ax.annotate(
                str(text), pos[node], xytext=(0, 0), textcoords="offset points", fontsize=MIN_FONT,
                linespacing=1.0, zorder=6, bbox=style,
                arrowprops={"arrowstyle": "-", "color": "#555555", "linewidth": 0.6, "shrinkA": 0,
                            "shrinkB": math.sqrt(size) / 2})
        _aim(label, dx, dy, radius)
        drawn.append(label)
    return drawn


def _aim(label, dx, dy, radius):
    """Put ``label`` at offset ``(dx, dy) * radius`` points from its member, aligned away from it."""
    label.xyann = (dx * radius, dy * radius)
    label.set_horizontalalignment("left" if dx > 0.3 else "right" if dx < -0.3 else "center")
    label.set_verticalalignment("bottom" if dy > 0.3 else "top" if dy < -0.3 else "center")


def draw_network(G, *, color_by=None, highlight=(), labels="auto", pos=None, title=None, ax=None,
                 node_size=300, seed=SEED):
    """Draw a network with a title and a one-line summary (``fig.summary``).

    Parameters
    ----------
    G : networkx graph
    color_by : str, optional
        A node attribute; each value gets a colour from :data:`OKABE_ITO` and a legend entry.
    highlight : iterable of nodes
        Members to pick out: drawn larger, with a thick black ring, on top of the others.
    labels : "auto", bool or dict
        ``"auto"`` labels every node (with its ``name`` attribute when present) in networks of up to
        :data:`LABEL_LIMIT` members; in larger ones it names only the highlighted members (the
        first :data:`TOP_LABELS` of them, beside their circles) and leaves the rest unlabelled. A
        dict maps node -> label.
    pos : dict, optional
        Positions; default :func:`fixed_layout`, so drawings match from run to run.
    title : str, optional
        Defaults to the graph's ``name``.
    ax : matplotlib Axes, optional
        Draw into an existing axes (for widgets that redraw).

    Returns
    -------
    CourseFigure (or the figure of ``ax``)
        With an attribute ``summary``: one sentence describing what is drawn. Made without ``ax``,
        the figure is also handed to pyplot, so Jupyter shows it at the end of the cell.

    Examples
    --------
    >>> import networkx as nx
    >>> fig = draw_network(nx.path_graph(60), highlight=[5, 30])
    >>> sorted(t.get_text() for t in fig.axes[0].texts)  # 60 members: only the highlighted are named
    ['30', '5']
    >>> close(fig)
    """
    if len(G) == 0:
        raise MeasureError("There is nothing to draw: the network has no members.")
    highlight = list(dict.fromkeys(highlight))
    missing = [n for n in highlight if n not in G]
    if missing:
        raise MeasureError(f"Cannot highlight {missing[0]!r}: that member is not in this network.")
    pos = pos or fixed_layout(G, seed)
    if ax is None:
        fig = new_figure((7, 5.5), pyplot=True)
        ax = fig.add_subplot()
    else:
        fig = ax.figure
        ax.clear()
    title = title or G.graph.get("name") or "Network"

    nodes = list(G.nodes)
    colour_of, legend = {n: OKABE_ITO[1] for n in nodes}, {}
    if color_by is not None:
        values = {n: G.nodes[n].get(color_by) for n in nodes}
        if all(v is None for v in values.values()):
            raise MeasureError(f"No member has the attribute {color_by!r}, so it cannot colour the drawing.")
        legend = category_colours(values.values())
        colour_of = {n: legend.get(str(v), GREY) if v is not None else GREY for n, v in values.items()}
    chosen = set(highlight)
    plain = [n for n in nodes if n not in chosen]
    big = node_size * 2.2
    sizes = {n: big if n in chosen else node_size for n in nodes}
    edge_options = {"ax": ax, "edge_color": GREY, "width": 0.8, "alpha": 0.8}
    if G.is_directed():
        nx.draw_networkx_edges(G, pos, arrows=True, arrowsize=8, node_size=[sizes[n] for n in nodes],
                               **edge_options)
    else:
        nx.draw_networkx_edges(G, pos, **edge_options)
    for group, size, ring, z in ((plain, node_size, 0.5, 2), (highlight, big, 3, 3)):
        if group:
            drawn = nx.draw_networkx_nodes(G, pos, nodelist=group, ax=ax, node_color=[colour_of[n] for n in group],
                                           node_size=size, edgecolors="black", linewidths=ring)
            drawn.set_zorder(z)
    texts = _auto_labels(G, nodes, highlight, labels)
    if texts and (labels is True or len(G) <= LABEL_LIMIT):
        drawn = nx.draw_networkx_labels(G, pos, labels=texts, ax=ax, font_size=MIN_FONT)
        for node, text in drawn.items():
            text.set_zorder(5 if node in chosen else 4)
    elif texts:
        place_labels(ax, pos, texts, size=big, obstacles=highlight)
    if legend:
        handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor=c, markeredgecolor="black",
                          markersize=9, label=v) for v, c in legend.items()]
        legend_below(ax, handles, title=color_by)
    ax.set_title(title, fontsize=12)
    ax.set_axis_off()

    ties = G.number_of_edges()
    parts = [f"{title}: {len(G)} members and {ties} tie{'s' if ties != 1 else ''}"]
    if legend:
        counts = {v: 0 for v in legend}
        for n in nodes:
            value = G.nodes[n].get(color_by)
            if value is not None and str(value) in counts:
                counts[str(value)] += 1
        parts.append(f"coloured by {color_by} (" + ", ".join(f"{v} {c}" for v, c in counts.items()) + ")")
    text = ", ".join(parts)
    if highlight:
        text += "; highlighted: " + ", ".join(str(G.nodes[n].get("name", n)) for n in highlight)
        if labels == "auto" and len(G) > LABEL_LIMIT and len(highlight) > TOP_LABELS:
            text += f" (the first {TOP_LABELS} named in the picture)"
    fig.summary = text + "."
    return fig


register_figure_display()
