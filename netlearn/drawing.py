"""Network drawings that look the same every run, in colours everyone can tell apart.

Every figure in the course follows three rules, and this module keeps them in one place:

* **Colour-blind safe**: categories are coloured from the Okabe & Ito (2008) palette, and
  highlighted members are also drawn larger with a thick black ring, so nothing relies on colour alone.
* **Reproducible**: layouts use a fixed seed, so a network looks the same every time a notebook runs.
* **Described**: each figure has a title and a one-line text summary (``fig.summary``) that says
  what it shows, for screen readers, printouts and anyone skimming.

>>> import networkx as nx
>>> G = nx.krackhardt_kite_graph()
>>> nx.set_node_attributes(G, {n: "left" if n < 5 else "right" for n in G}, "side")
>>> fig = draw_network(G, color_by="side", highlight=[3], title="Kite")
>>> fig.summary
'Kite: 10 members and 18 ties, coloured by side (left 5, right 5); highlighted: 3.'
>>> plt.close(fig)
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import networkx as nx

from .errors import MeasureError

__all__ = ["OKABE_ITO", "GREY", "category_colours", "fixed_layout", "draw_network", "figure_png"]

#: Okabe & Ito (2008) colour-blind-safe palette (black left out: it marks highlights).
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
#: Colour for members whose attribute is missing, and for ties.
GREY = "#BBBBBB"
#: The seed every course drawing uses, so layouts are identical from run to run.
SEED = 7


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

    Directed graphs are laid out as undirected, so direction does not change the picture.
    """
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    k = None if len(H) < 50 else 2 / len(H) ** 0.5
    return nx.spring_layout(H, seed=seed, k=k, iterations=100)


def draw_network(G, *, color_by=None, highlight=(), labels="auto", pos=None, title=None, ax=None,
                 node_size=300, seed=SEED):
    """Draw a network with a title and a one-line summary (``fig.summary``).

    Parameters
    ----------
    G : networkx graph
    color_by : str, optional
        A node attribute; each value gets a colour from :data:`OKABE_ITO` and a legend entry.
    highlight : iterable of nodes
        Members to pick out: drawn larger, with a thick black ring.
    labels : "auto", bool or dict
        ``"auto"`` labels nodes (with their ``name`` attribute when present) if there are at most
        40; a dict maps node -> label.
    pos : dict, optional
        Positions; default :func:`fixed_layout`, so drawings match from run to run.
    title : str, optional
        Defaults to the graph's ``name``.
    ax : matplotlib Axes, optional
        Draw into an existing axes (for widgets that redraw).

    Returns
    -------
    matplotlib.figure.Figure
        With an attribute ``summary``: one sentence describing what is drawn.
    """
    if len(G) == 0:
        raise MeasureError("There is nothing to draw: the network has no members.")
    highlight = [n for n in highlight]
    missing = [n for n in highlight if n not in G]
    if missing:
        raise MeasureError(f"Cannot highlight {missing[0]!r}: that member is not in this network.")
    pos = pos or fixed_layout(G, seed)
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 5.5))
    else:
        fig = ax.figure
        ax.clear()
    title = title or G.graph.get("name") or "Network"

    nodes = list(G.nodes)
    colours, legend = [OKABE_ITO[1]] * len(nodes), {}
    if color_by is not None:
        values = [G.nodes[n].get(color_by) for n in nodes]
        if all(v is None for v in values):
            raise MeasureError(f"No member has the attribute {color_by!r}, so it cannot colour the drawing.")
        legend = category_colours(values)
        colours = [legend.get(str(v), GREY) if v is not None else GREY for v in values]
    chosen = set(highlight)
    sizes = [node_size * (2.2 if n in chosen else 1) for n in nodes]
    widths = [3 if n in chosen else 0.5 for n in nodes]
    if G.is_directed():
        nx.draw_networkx_edges(G, pos, ax=ax, edge_color=GREY, width=0.8, alpha=0.8, arrows=True,
                               arrowsize=8, node_size=sizes)
    else:
        nx.draw_networkx_edges(G, pos, ax=ax, edge_color=GREY, width=0.8, alpha=0.8)
    nx.draw_networkx_nodes(G, pos, nodelist=nodes, ax=ax, node_color=colours, node_size=sizes,
                           edgecolors="black", linewidths=widths)
    if labels == "auto":
        labels = len(G) <= 40
    if labels is True:
        labels = {n: G.nodes[n].get("name", n) for n in nodes}
    if labels:
        nx.draw_networkx_labels(G, pos, labels=labels, ax=ax, font_size=8)
    if legend:
        handles = [plt.Line2D([], [], marker="o", linestyle="", markerfacecolor=c, markeredgecolor="black",
                              markersize=8, label=v) for v, c in legend.items()]
        ax.legend(handles=handles, title=color_by, loc="best", fontsize=8, frameon=False)
    ax.set_title(title)
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
    fig.summary = text + "."
    return fig


def figure_png(fig, *, dpi=80, close=True, background=None):
    """The figure as PNG bytes, for an ``ipywidgets.Image`` or an inline ``<img>``.

    Widgets redraw often, so the figure is closed afterwards by default (no figures pile up in
    memory). ``background`` sets the page colour behind the axes (e.g. ``"white"`` for reports).

    >>> import networkx as nx
    >>> png = figure_png(draw_network(nx.path_graph(3), title="Path"))
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    buffer = io.BytesIO()
    options = {"facecolor": background} if background else {}
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", **options)
    if close:
        plt.close(fig)
    return buffer.getvalue()
