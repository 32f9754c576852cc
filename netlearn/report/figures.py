"""The report's charts, as PNG bytes ready to be written inline into the HTML page.

Figures are drawn on :class:`matplotlib.figure.Figure` objects directly (never through pyplot's
global state), so making a report changes nothing in a notebook that happens to be open.
Colours come from the Okabe & Ito palette of :mod:`netlearn.drawing`; nothing relies on
colour alone (formal leaders are also drawn larger with a black ring, bars carry their values).

Privacy: members of suppressed groups are drawn in the same grey as members with no group and
are left out of the legend; a chart of groups never has a bar for a suppressed group.
"""

from __future__ import annotations


import networkx as nx
from matplotlib.ticker import MaxNLocator

from ..drawing import GREY, MIN_FONT, OKABE_ITO, draw_network, figure_png, fixed_layout, new_figure

__all__ = ["png_bytes", "network_figure", "degree_figure", "ei_figure", "MAX_DRAWN"]

#: Networks with more members than this get a chart of numbers of ties instead of a drawing.
MAX_DRAWN = 400


def png_bytes(fig, dpi=110):
    """The figure as PNG bytes on a white page (the figure stays open: the caller closes it)."""
    return figure_png(fig, dpi=dpi, close=False, background="white")


def network_figure(G, *, colour_of, leaders=(), labels=None, title=""):
    """Draw the network: members coloured by group, formal leaders ringed.

    Parameters
    ----------
    G : networkx graph
    colour_of : dict
        Member -> the group text to colour by, or None (drawn grey: no group, or a suppressed group).
    leaders : iterable
        Members drawn larger with a thick black ring.
    labels : dict or None
        Member -> label; None draws no labels.
    title : str
    """
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.add_nodes_from((v, {"colour_group": colour_of.get(v)} if colour_of.get(v) is not None else {}) for v in G)
    H.add_edges_from(G.edges())
    fig = new_figure((8, 6.4))
    ax = fig.subplots()
    size = 160 if len(H) <= 60 else (70 if len(H) <= 200 else 35)
    drawn = colour_of and any(value is not None for value in colour_of.values())
    draw_network(H, color_by="colour_group" if drawn else None, highlight=list(leaders),
                 labels=labels if labels else False, pos=fixed_layout(H), title=title, ax=ax, node_size=size)
    legend = ax.get_legend()
    if legend is not None:  # move it beside the drawing, where it hides no member
        handles = getattr(legend, "legend_handles", None) or getattr(legend, "legendHandles", [])
        ax.legend(handles=handles, title="group", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=MIN_FONT,
                  title_fontsize=MIN_FONT + 1, frameon=False)
    return png_bytes(fig)


def degree_figure(degrees, *, title):
    """A histogram of how many ties members have (for networks too large to draw), drawn by seaborn."""
    import seaborn as sns  # here, so that importing netlearn stays quick

    fig = new_figure((7.5, 4))
    ax = fig.subplots()
    top = max(degrees) if len(degrees) else 0
    options = {"discrete": True} if top <= 60 else {"bins": 40}  # one bar per number of ties, when few
    sns.histplot(x=list(degrees), color=OKABE_ITO[4], edgecolor="white", alpha=1, ax=ax, **options)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("number of ties")
    ax.set_ylabel("members")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return png_bytes(fig)


def ei_figure(values, *, title):
    """Horizontal bars of the E-I index of each (shown) group, from -1 (inward) to +1 (outward).

    ``values`` is a list of (group, E-I index) pairs; suppressed groups must already be left out.
    """
    import seaborn as sns  # here, so that importing netlearn stays quick

    fig = new_figure((7.5, 0.45 * len(values) + 1.4))
    ax = fig.subplots()
    groups = [str(g) for g, _ in values]
    numbers = [v for _, v in values]
    colours = [OKABE_ITO[5] if v < 0 else OKABE_ITO[4] for v in numbers]
    sns.barplot(x=numbers, y=groups, hue=groups, palette=dict(zip(groups, colours)), orient="h", order=groups,
                saturation=1, edgecolor="black", linewidth=0.5, legend=False, ax=ax)
    ax.set_ylabel("")
    bars = [bar for container in ax.containers for bar in container]
    for bar in bars:
        value = bar.get_width()
        x = value + (0.03 if value >= 0 else -0.03)
        ax.text(x, bar.get_y() + bar.get_height() / 2, f"{value:+.2f}", va="center",
                ha="left" if value >= 0 else "right", fontsize=MIN_FONT)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.15, 1.15)
    ax.set_xlabel("E-I index: -1 all ties inside the group, +1 all ties to other groups")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="y", colors="black")
    ax.set_facecolor("white")
    for spine in ("left", "bottom"):
        ax.spines[spine].set_color(GREY)
    return png_bytes(fig)
