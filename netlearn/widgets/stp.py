"""Widgets for episode 05, STPs as multi-organisation networks.

:func:`workstream_explorer` lets a learner pick one workstream of a partnership (Devon's seven
priorities, for example) and see at once which organisations take part in it, who links those
organisations, and what is missing: sectors, patient and carer voices, partner organisations with
nobody there. Everything it shows comes from :func:`netlearn.partnership.workstream_view`; the
widget only wires a drop-down list to it and draws the picture.

The callbacks are ordinary methods, so they can be tested without a browser:

>>> import netlearn
>>> explorer = workstream_explorer(netlearn.load_dataset("devon_stp"), draw=False)
>>> explorer.dropdown.value = "ws_primary_care"
>>> explorer.view.name, "primary care" in explorer.gaps.value
('Primary care', True)
"""

from __future__ import annotations

import html
import math
import textwrap

import ipywidgets as widgets
import networkx as nx

from ._style import EXPLORER_CSS
from .. import multiorg, partnership
from ..drawing import draw_network, figure_png, place_labels

__all__ = ["WorkstreamExplorer", "draw_partnership", "organisation_label", "organisation_layout",
           "workstream_explorer"]

_CSS = EXPLORER_CSS

#: How many spanners the widget lists.
SHOWN_SPANNERS = 5


def _table(frame, columns, headers, caption):
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    rows = []
    for index, row in frame.iterrows():
        cells = [f'<th scope="row">{html.escape(str(index))}</th>']
        cells += [f"<td>{html.escape(str(row[c]))}</td>" for c in columns]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table><caption style="text-align:left;caption-side:top;font-weight:bold">{html.escape(caption)}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def organisation_layout(G, attribute="sector"):
    """Positions for an organisation network: well-linked organisations on an inner ring, the rest outside.

    The rule: an organisation linked to more than a quarter of the others sits on the inner ring,
    any other on the outer ring; each ring is ordered by ``attribute`` and then id, so organisations
    of one sector sit together and the picture is the same on every run. The outer ring shows at a
    glance who is at the edge of the partnership.

    >>> import networkx as nx
    >>> G = nx.complete_graph(["a", "b", "c", "d"])
    >>> G.add_edge("d", "e")                       # e is linked to 1 of the 4 others: not over a quarter
    >>> pos = organisation_layout(G)
    >>> [node for node in sorted(pos) if (pos[node] ** 2).sum() > 0.5]   # who is on the outer ring
    ['e']
    """
    n = G.number_of_nodes()
    if n == 0:
        return {}

    def order(node):
        return (str(G.nodes[node].get(attribute, "")), str(node))

    inner = sorted((o for o in G if G.degree(o) > (n - 1) / 4), key=order)
    outer = sorted((o for o in G if G.degree(o) <= (n - 1) / 4), key=order)
    shells = [shell for shell in (inner, outer) if shell]
    if len(shells) == 1:
        return nx.circular_layout(sorted(G, key=order))
    # the outer ring is turned by half a step of the inner one, so no outer organisation sits right
    # behind an inner one (and their names do not collide)
    pos = nx.shell_layout(G, nlist=shells, rotate=math.pi / len(inner))
    for organisation in inner:  # a wider gap between the rings leaves room for the inner ring's names
        pos[organisation] = pos[organisation] * 0.9
    return pos


def organisation_label(name, width=18):
    """An organisation's name as a short label on up to three lines ("NHS Foundation Trust" as "NHS FT").

    >>> print(organisation_label("Royal Devon and Exeter NHS Foundation Trust"))
    Royal Devon and
    Exeter NHS FT
    """
    short = str(name).replace("NHS Foundation Trust", "NHS FT").replace("Healthcare NHS Trust", "Healthcare NHS")
    return textwrap.fill(short, width, max_lines=3, placeholder="...")


def draw_partnership(G, *, highlight=(), title=None, color_by="sector", ax=None):
    """Draw an organisation network on :func:`organisation_layout`, coloured by sector, named in full.

    A thin wrapper of :func:`netlearn.drawing.draw_network` (Okabe-Ito colours, highlighted
    organisations ringed and drawn on top, ``fig.summary`` the one-line description). Each
    organisation is labelled with its name (:func:`organisation_label`, from the ``name`` attribute;
    its id when it has none) just outside its circle, pointing away from the middle of the picture,
    on a pale background so the label stays readable over ties; the legend sits below the drawing.

    >>> import netlearn
    >>> from netlearn import multiorg
    >>> from netlearn.drawing import close
    >>> fig = draw_partnership(multiorg.organisation_network(netlearn.load_dataset("devon_stp")), title="Devon")
    >>> fig.summary[:40]
    'Devon: 17 members and 66 ties, coloured '
    >>> "Torbay Council" in [t.get_text() for t in fig.axes[0].texts]
    True
    >>> close(fig)
    """
    pos = organisation_layout(G, color_by or "sector")
    fig = draw_network(G, color_by=color_by, highlight=list(highlight), labels=False, pos=pos, title=title, ax=ax,
                       node_size=260)
    if ax is None:
        fig.set_size_inches(7.4, 7.4)
    ax = fig.axes[0]
    ax.margins(0.28, 0.16)

    def outwards(organisation):  # away from the middle first, then turning gradually towards it
        x, y = pos[organisation]
        angle = math.atan2(y, x) if (x, y) != (0, 0) else 0.0
        for turn in (0, 0.5, -0.5, 1.0, -1.0, 1.6, -1.6):
            yield math.cos(angle + turn), math.sin(angle + turn)

    place_labels(ax, pos, {o: organisation_label(G.nodes[o].get("name", o)) for o in pos}, size=260 * 2.2,
                 obstacles=list(pos), directions=outwards)
    return fig


class WorkstreamExplorer(widgets.VBox):
    """Choose a workstream; see its organisations, spanners and gaps.

    Attributes
    ----------
    net : Network
    dropdown : Dropdown
        The workstream (value: its id; labels: names with the number of people).
    previous, next : Button
        Step to the workstream above or below in the list, for keyboard users (JupyterLab keeps the
        arrow keys for moving between cells, so they do not step through a drop-down list).
    status : HTML
        One sentence on the chosen workstream (announced to screen readers when it changes).
    picture : Image
        The partnership's organisation network, with the workstream's organisations ringed.
    caption : HTML
        The picture's one-line text summary.
    gaps : HTML
        What is missing, as a list.
    spanners : HTML
        The members who link most organisations inside the workstream.
    organisations : HTML
        The organisations involved, with how many of their people take part.
    view : WorkstreamView
        What is shown now (from :func:`netlearn.partnership.workstream_view`).
    figure_summary : str
        The picture's summary as text ("" when drawing is off).
    """

    def __init__(self, net, workstream=None, *, draw=True):
        self.net = net
        self.draw = draw
        table = partnership.workstreams(net)
        options = [(f"{row['name']} ({row['people']} people)", sid) for sid, row in table.iterrows()]
        if not options:
            raise ValueError("This network has no workstreams to choose from.")
        start = options[0][1] if workstream is None else partnership.workstream_view(net, workstream).workstream
        self.dropdown = widgets.Dropdown(options=options, value=start, description="Workstream",
                                         style={"description_width": "initial"},
                                         layout=widgets.Layout(width="36em"))
        # JupyterLab keeps the arrow keys for moving between cells, so a drop-down list cannot be stepped
        # through with them; these buttons (Tab, then Enter or Space) do the same from the keyboard.
        self.previous = widgets.Button(description="Previous workstream", icon="arrow-left",
                                       tooltip="Show the workstream above in the list (after the first: the last)",
                                       layout=widgets.Layout(width="auto"))
        self.next = widgets.Button(description="Next workstream", icon="arrow-right",
                                   tooltip="Show the workstream below in the list (after the last: the first)",
                                   layout=widgets.Layout(width="auto"))
        self.previous.on_click(lambda _button: self.step(-1))
        self.next.on_click(lambda _button: self.step(1))
        self.status = widgets.HTML()
        self.picture = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="540px"))
        self.caption = widgets.HTML()
        self.gaps = widgets.HTML()
        self.spanners = widgets.HTML()
        self.organisations = widgets.HTML()
        self.figure_summary = ""
        self._organisation_graph = multiorg.organisation_network(net) if draw else None
        self._views, self._pictures = {}, {}  # workstream id -> view, (png, summary): each computed once
        self.dropdown.observe(self._update, names="value")
        left = widgets.VBox([self.picture, self.caption], layout=widgets.Layout(width="60%", min_width="360px"))
        right = widgets.VBox([self.gaps], layout=widgets.Layout(width="40%", min_width="280px"))
        chooser = widgets.HBox([self.dropdown, self.previous, self.next],
                               layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        children = [widgets.HTML(_CSS, layout=widgets.Layout(height="0px", margin="0")), chooser,
                    self.status, widgets.HBox([left, right], layout=widgets.Layout(flex_flow="row wrap")),
                    self.spanners, self.organisations]
        super().__init__(children, layout=widgets.Layout(width="auto", max_width="70em"))
        self.add_class("netlearn-explorer")
        self.add_class("netlearn-stp")
        self._update()

    def step(self, offset):
        """Show the workstream ``offset`` places further down the list (negative: up), wrapping round."""
        values = [value for _, value in self.dropdown.options]
        position = values.index(self.dropdown.value)
        self.dropdown.value = values[(position + offset) % len(values)]

    # ------------------------------------------------------------------ callbacks
    def _update(self, _change=None):
        if self.dropdown.value not in self._views:
            self._views[self.dropdown.value] = partnership.workstream_view(self.net, self.dropdown.value)
        view = self._views[self.dropdown.value]
        self.view = view
        if self.draw:
            self._redraw(view)
        n_people, n_orgs = len(view.people), len(view.organisations)
        gaps = view.gaps()
        items = "".join(f"<li>{html.escape(line)}</li>" for line in gaps) or "<li>No gaps found.</li>"
        self.gaps.value = f'<div class="netlearn-gaps"><h4>Gaps</h4><ul>{items}</ul></div>'
        if len(view.spanners):
            top = view.spanners.head(SHOWN_SPANNERS).copy()
            top.index.name = None
            self.spanners.value = _table(
                top, ["name", "organisation", "ties_across", "organisations_reached"],
                ["Person", "Name", "Organisation", "Ties across", "Organisations reached"],
                f"Who links the organisations here (top {min(SHOWN_SPANNERS, len(view.spanners))} of "
                f"{len(view.spanners)})")
        else:
            self.spanners.value = ("<p><strong>Who links the organisations here</strong>: nobody works with someone "
                                   "from another organisation inside this workstream.</p>")
        self.organisations.value = _table(view.organisations, ["name", "sector", "people"],
                                          ["Id", "Organisation", "Sector", "People here"],
                                          f"Organisations involved ({n_orgs})")
        # The status comes last, so screen readers announce it once everything else has changed.
        total = n_orgs + len(view.absent)
        self.status.value = (
            f'<p role="status" aria-live="polite"><strong>{html.escape(view.name)}</strong>: {n_people} people from '
            f"{n_orgs} of the partnership's {total} organisations; {len(view.spanners)} of them work with someone "
            "from another organisation inside this workstream.</p>")

    def _redraw(self, view):
        if view.workstream not in self._pictures:
            fig = draw_partnership(self._organisation_graph, highlight=view.organisations.index,
                                   title=f"{view.name}: organisations involved are ringed")
            self._pictures[view.workstream] = (figure_png(fig), fig.summary)
        png, summary = self._pictures[view.workstream]
        self.figure_summary = summary
        self.picture.value = png
        self.caption.value = (f'<p style="font-size:0.9em;color:#33414a">{html.escape(summary)} Labels are the '
                              "organisations' names (NHS FT: NHS Foundation Trust). Synthetic people and ties; "
                              "real organisation names, except the three marked synthetic.</p>")


def workstream_explorer(net, workstream=None, *, draw=True):
    """A drop-down of a partnership's workstreams, showing each one's organisations, spanners and gaps.

    Parameters
    ----------
    net : Network
        A partnership with people, organisations and workstreams (such as
        ``netlearn.load_dataset("devon_stp")``).
    workstream : str, optional
        The workstream to show first (id or name); default the first in the members table.
    draw : bool
        Draw the organisation network (default True). Off, the widget is faster, for tests.

    Returns
    -------
    WorkstreamExplorer
        A widget; its ``view`` holds the :class:`~netlearn.partnership.WorkstreamView` shown.
    """
    return WorkstreamExplorer(net, workstream, draw=draw)
