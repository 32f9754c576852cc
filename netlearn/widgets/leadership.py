"""Notebook 03 (distributed leadership): what happens to the network when people step away?

:func:`removal_explorer` builds the widget: choose a relation, choose who steps away (the formal
leader by default), and watch reach, efficiency and centralisation change in a before/after
table, a one-sentence summary and a drawing in which the people who stepped away are grey
crosses and anyone cut off is ringed.

The numbers come from :func:`netlearn.leadership.what_if_removed` and
:func:`netlearn.leadership.centralization`; the functions below only arrange them
(:func:`removal_table`, :func:`removal_sentence`), pick the next person to take out
(:func:`next_most_central`) and draw (:func:`draw_without`). Every callback is a plain method,
so tests set the controls in Python and press the buttons with ``button.click()``.

Dev is Eve's only contact, so when Dev steps away Eve is cut off, and only half of the ordered
pairs of the four people left can still reach each other (the three in the triangle):

>>> import networkx as nx
>>> G = nx.Graph([("ann", "bo"), ("bo", "cy"), ("cy", "ann"), ("cy", "dev"), ("dev", "eve")])
>>> table = removal_table(G, ["dev"])
>>> table.loc[["cut off", "average reachability"], ["before", "after"]]
                     before after
cut off                   0     1
average reachability    1.0   0.5
>>> table.attrs["cut_off"]
['eve']
"""

from __future__ import annotations

from collections import Counter

import html

import ipywidgets as widgets
import pandas as pd
from matplotlib.lines import Line2D

from ..drawing import GREY, MIN_FONT, draw_network, figure_png, fixed_layout, legend_below, new_figure
from ..errors import MeasureError
from ..fastgraph import betweenness, check_graph, check_members, choose_backend
from ..leadership import centralization, what_if_removed

__all__ = ["ROWS", "removal_table", "removal_sentence", "next_most_central", "draw_without",
           "formal_leaders", "row_text", "RemovalExplorer", "removal_explorer"]

#: The rows of :func:`removal_table`, with what each means in plain words.
ROWS = {
    "members": "members taking part",
    "ties": "ties between them",
    "cut off": "people cut off from the main group (no path to it at all)",
    "average reachability": "share of pairs in which the first can reach the second",
    "global efficiency": "average of 1 / steps over all pairs (0 when there is no path)",
    "degree centralization": "how star-like ties are: 1 all on one person, 0 spread evenly",
    "betweenness centralization": "how far shortest paths run through one person: 1 a star, 0 even",
}

_COUNTS = ("members", "ties", "cut off")


# --------------------------------------------------------------------------- the numbers


def formal_leaders(G, attribute="formal_leader"):
    """Members whose ``attribute`` is true (``True``, ``yes``, ``true``, ``1``), in graph order.

    >>> import networkx as nx
    >>> G = nx.path_graph(3); nx.set_node_attributes(G, {0: "no", 1: "yes", 2: False}, "formal_leader")
    >>> formal_leaders(G)
    [1]
    """
    chosen = []
    for member, value in G.nodes(data=attribute):
        if value is True or (isinstance(value, str) and value.strip().lower() in {"yes", "true", "1", "y"}) or \
                (isinstance(value, (int, float)) and not isinstance(value, bool) and value == 1):
            chosen.append(member)
    return chosen


def removal_table(G, removed, *, backend="auto", before=None):
    """Before and after ``removed`` step away: reach, efficiency and centralisation.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        At least 3 members.
    removed : member id or iterable of member ids
        May be empty (then *after* equals *before*).
    backend : {"auto", "networkx", "igraph"}, optional
        How the measures are computed, exactly either way: plain networkx and Python (readable),
        or igraph and scipy (:func:`netlearn.report.fast.what_if`, several times faster; the
        widget uses it). ``"auto"`` takes igraph above
        :data:`netlearn.fastgraph.IGRAPH_THRESHOLD` members.
    before : dict, optional
        ``table.attrs["before"]`` of an earlier table for the same ``G``, so that the *before*
        column is not computed again (it holds the betweenness centralisation too).

    Returns
    -------
    pandas.DataFrame
        Index: the keys of :data:`ROWS`; columns ``before``, ``after``, ``change`` (after minus
        before) and ``meaning``. ``cut off`` counts the people who were in the main group (the
        largest component) before and are not after; their ids are in ``table.attrs["cut_off"]``
        and the ids removed in ``table.attrs["removed"]``. A measure that cannot be computed on
        what is left (fewer than 2 or 3 members) is ``None``. ``table.attrs["before"]`` holds
        the *before* column for the next call (see ``before``).

    Notes
    -----
    Reachability and efficiency are those of :func:`netlearn.leadership.what_if_removed`
    (directions followed in a directed network); the centralizations are Freeman's (1979),
    in-degree for a directed network, from :func:`netlearn.leadership.centralization`.
    """
    check_graph(G, what="removal_table", min_members=3)
    removed = check_members(G, removed, role="person who steps away")
    backend = choose_backend(G, backend)
    saved = dict(before) if before is not None else {}
    if backend == "igraph":
        from ..report.fast import what_if  # scipy and igraph, loaded only when needed

        table = what_if(G, removed, before=saved.get("what_if"))
        saved["what_if"] = table.attrs["before"]
    else:
        table = what_if_removed(G, removed)
    if "betweenness centralization" not in saved:
        saved["betweenness centralization"] = centralization(G, "betweenness", backend=backend)
    whole = saved["betweenness centralization"]
    before, after = table["before"].to_dict(), table["after"].to_dict()
    cut_off = list(after["newly cut off"])
    H = G.subgraph([v for v in G if v not in set(removed)])
    rows = {
        "members": (before["members"], after["members"]),
        "ties": (before["ties"], after["ties"]),
        "cut off": (0, len(cut_off)),
        "average reachability": (before["average reachability"], after["average reachability"]),
        "global efficiency": (before["global efficiency"], after["global efficiency"]),
        "degree centralization": (before["degree centralization"], after["degree centralization"]),
        "betweenness centralization": (whole, centralization(H, "betweenness", backend=backend)
                                       if len(H) >= 3 else None),
    }
    frame = pd.DataFrame({"before": pd.Series({k: v[0] for k, v in rows.items()}, dtype=object),
                          "after": pd.Series({k: v[1] for k, v in rows.items()}, dtype=object)})
    frame["change"] = [None if b is None or a is None else a - b for b, a in zip(frame["before"], frame["after"])]
    frame["meaning"] = [ROWS[k] for k in frame.index]
    frame.attrs["removed"] = list(removed)
    frame.attrs["cut_off"] = cut_off
    frame.attrs["before"] = saved
    return frame


def next_most_central(G, removed=(), measure="betweenness", *, backend="auto"):
    """The member with the highest centrality among those still present, or None if nobody is left.

    Centrality is computed on the network *without* ``removed`` (so after a hub steps away, the
    next person is whoever the remaining paths now depend on most). ``measure`` is
    ``"betweenness"`` (shortest paths through a member, :func:`netlearn.fastgraph.betweenness`)
    or ``"degree"`` (number of ties, in-ties in a directed network). Ties are broken by the
    member's order in ``G``. ``backend`` chooses how betweenness is computed (exactly either way,
    see :mod:`netlearn.fastgraph`).

    >>> import networkx as nx
    >>> G = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("c", "d"), ("d", "e")])
    >>> next_most_central(G), next_most_central(G, ["hub"])
    ('hub', 'd')
    """
    check_graph(G, what="next_most_central")
    removed = set(check_members(G, removed, role="person who steps away"))
    H = G.subgraph([v for v in G if v not in removed])
    if len(H) == 0:
        return None
    if measure == "betweenness":
        scores = betweenness(H, normalized=False, backend=backend) if len(H) > 2 else {v: 0.0 for v in H}
    elif measure == "degree":
        scores = dict(H.in_degree() if H.is_directed() else H.degree())
    else:
        raise MeasureError(f"measure must be 'betweenness' or 'degree'; got {measure!r}.")
    order = {v: i for i, v in enumerate(G)}
    return max(scores, key=lambda v: (round(scores[v], 9), -order[v]))


def _shared_names(G):
    """The names that more than one member of ``G`` has."""
    counts = Counter(name for _, name in G.nodes(data="name"))
    return {name for name, count in counts.items() if count > 1}


def _name(G, member, shared=None):
    """A member as a learner knows them: their name, with the id only when another member shares it."""
    name = G.nodes[member].get("name")
    if not (isinstance(name, str) and name) or name == str(member):
        return str(member)
    shared = _shared_names(G) if shared is None else shared
    return f"{name} ({member})" if name in shared else name


def _names(G, members, limit=4):
    shared = _shared_names(G)
    labels = [_name(G, m, shared) for m in members]
    if len(labels) > limit:
        rest = len(labels) - limit + 1
        return ", ".join(labels[: limit - 1]) + f" and {rest} others"
    if len(labels) <= 2:
        return " and ".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _number(value, key, digits=2):
    if value is None:
        return "not defined"
    if key in _COUNTS:
        return f"{int(value)}"
    return f"{value:.{digits}f}"


def row_text(table, key):
    """Before, after and change of one row of a :func:`removal_table` as text, rounded consistently.

    Two decimals, or up to four when two would show a change as "0.11 to 0.11"; the change is the
    difference of the numbers shown, so the table adds up as printed. A change that is zero at
    four decimals reads "about the same".

    >>> import pandas as pd
    >>> table = pd.DataFrame({"before": [0.106, 0.5], "after": [0.114, 0.50001]},
    ...                      index=["global efficiency", "average reachability"])
    >>> row_text(table, "global efficiency"), row_text(table, "average reachability")
    (('0.106', '0.114', '+0.008'), ('0.50', '0.50', 'about the same'))
    >>> row_text(table.assign(after=[0.106, 0.4]), "global efficiency")
    ('0.11', '0.11', '0')
    """
    before, after = table.loc[key, "before"], table.loc[key, "after"]
    if before is None or after is None:
        return _number(before, key), _number(after, key), ""
    if key in _COUNTS:
        change = int(after) - int(before)
        return f"{int(before)}", f"{int(after)}", "0" if change == 0 else f"{change:+d}"
    digits = 2
    while digits < 4 and before != after and _number(before, key, digits) == _number(after, key, digits):
        digits += 1
    shown = round(float(after), digits) - round(float(before), digits)
    if before == after:
        return _number(before, key), _number(after, key), "0"
    if _number(before, key, digits) == _number(after, key, digits) or abs(shown) < 0.5 * 10 ** -digits:
        return _number(before, key), _number(after, key), "about the same"
    return _number(before, key, digits), _number(after, key, digits), f"{shown:+.{digits}f}"


def removal_sentence(G, table):
    """One plain sentence describing a :func:`removal_table`, naming who stepped away.

    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bo"), ("bo", "cy"), ("cy", "ann"), ("cy", "dev"), ("dev", "eve")])
    >>> removal_sentence(G, removal_table(G, ["dev"]))
    'Without dev: 1 person cut off from the main group; reachability from 1.00 to 0.50, efficiency from 0.72 to 0.50, degree centralization from 0.42 to 0.33.'
    """
    removed = table.attrs.get("removed", [])
    if not removed:
        return ("Everyone is present. Choose who steps away, or press a button, and the table and drawing "
                "will show the difference.")
    cut = int(table.loc["cut off", "after"])
    people = "nobody" if cut == 0 else ("1 person" if cut == 1 else f"{cut} people")
    parts = [f"Without {_names(G, removed)}: {people} cut off from the main group"]
    pairs = [("average reachability", "reachability"), ("global efficiency", "efficiency"),
             ("degree centralization", "degree centralization")]
    changes = []
    for key, label in pairs:
        before, after, change = row_text(table, key)
        if change in ("0", "about the same"):
            changes.append(f"{label} {'unchanged' if change == '0' else 'about the same'} ({before})")
        else:
            changes.append(f"{label} from {before} to {after}")
    return f"{parts[0]}; {', '.join(changes)}."


# --------------------------------------------------------------------------- the drawing


def draw_without(G, removed=(), *, cut_off=(), pos=None, color_by=None, title=None, ax=None):
    """Draw the network without ``removed``: grey crosses where they stood, anyone cut off ringed.

    The remaining members keep the positions they have in the full network (``pos``, by default
    :func:`netlearn.drawing.fixed_layout` of ``G``), so before and after can be compared by eye.
    Ties are drawn without arrows, which keeps large directed networks quick to draw. Colours
    follow ``color_by`` (Okabe-Ito palette), and the crosses and rings carry the meaning as
    well as the colour.

    Returns
    -------
    matplotlib.figure.Figure
        With ``fig.summary``, one sentence describing the drawing.

    >>> import networkx as nx
    >>> import matplotlib.pyplot as plt
    >>> G = nx.Graph([("ann", "bo"), ("bo", "cy"), ("cy", "ann"), ("cy", "dev"), ("dev", "eve")])
    >>> fig = draw_without(G, ["dev"], cut_off=["eve"], title="Without Dev")
    >>> fig.summary
    'Without Dev: 4 members and 3 ties (directions not drawn); dev stepped away (grey crosses); 1 person cut off (ringed).'
    >>> plt.close(fig)
    """
    removed = check_members(G, removed, role="person who steps away")
    pos = pos or fixed_layout(G)
    H = G.subgraph([v for v in G if v not in set(removed)])
    view = H.to_undirected(as_view=True) if H.is_directed() else H
    title = title or (f"Without {len(removed)} member{'s' if len(removed) != 1 else ''}" if removed
                      else "Everyone present")
    if ax is None:
        fig = new_figure((6.8, 6), pyplot=True)
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    if len(view):
        draw_network(view, color_by=color_by, highlight=[v for v in cut_off if v in view], labels=False,
                     pos=pos, title=title, ax=ax, node_size=45)
    else:
        ax.clear()
        ax.set_title(title)
        ax.set_axis_off()
    handles = list(ax.get_legend().legend_handles) if ax.get_legend() else []
    if removed:
        xs, ys = zip(*(pos[v] for v in removed))
        ax.scatter(xs, ys, marker="X", s=160, c=GREY, edgecolors="black", linewidths=1.2, zorder=5)
        if len(removed) <= 6:
            for v in removed:
                ax.annotate(str(G.nodes[v].get("name", v)), pos[v], xytext=(7, 7), textcoords="offset points",
                            fontsize=MIN_FONT, zorder=6, bbox={"boxstyle": "round,pad=0.12", "facecolor": "white",
                                                               "alpha": 0.85, "edgecolor": "none"})
        handles.append(Line2D([], [], marker="X", linestyle="", markerfacecolor=GREY, markeredgecolor="black",
                                  markersize=9, label="stepped away"))
    if cut_off:
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
                                  markeredgecolor="black", markeredgewidth=2.5, markersize=9, label="cut off"))
    if handles:
        legend_below(ax, handles, title=color_by)
    ties = view.number_of_edges()
    who = _names(G, removed) if removed else "nobody"
    cut = len(cut_off)
    fig.summary = (f"{title}: {len(view)} members and {ties} tie{'s' if ties != 1 else ''} (directions not drawn)"
                   f"{', coloured by ' + color_by if color_by and len(view) else ''}; "
                   f"{who} stepped away (grey crosses); "
                   f"{'nobody' if cut == 0 else ('1 person' if cut == 1 else f'{cut} people')} cut off (ringed).")
    return fig



# --------------------------------------------------------------------------- the widget


def _status_html(text):
    return (f'<p role="status" aria-live="polite" class="netlearn-removal-status" '
            f'style="font-size:1.05em;margin:0.3em 0">{html.escape(text)}</p>')


def _table_html(table):
    rows = []
    for key, row in table.iterrows():
        before, after, change = row_text(table, key)
        rows.append(f"<tr><th scope='row'>{html.escape(key)}</th><td>{before}</td>"
                    f"<td>{after}</td><td>{change}</td>"
                    f"<td style='color:#33414a'>{html.escape(row['meaning'])}</td></tr>")
    return ("<table class='netlearn-removal-table' style='border-collapse:collapse'>"
            "<caption style='text-align:left;font-weight:bold'>Before and after</caption>"
            "<thead><tr><th scope='col'>measure</th><th scope='col'>before</th><th scope='col'>after</th>"
            "<th scope='col'>change</th><th scope='col'>what it means</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            "<style>.netlearn-removal-table th,.netlearn-removal-table td{padding:0.15em 0.8em 0.15em 0;"
            "text-align:left;vertical-align:top}</style>")


class RemovalExplorer(widgets.VBox):
    """Choose who steps away from a network and see what happens to reach and centralisation.

    Attributes
    ----------
    relation : Dropdown
        Which relation's network to look at.
    members : SelectMultiple
        Who steps away (several can be chosen: Ctrl or Shift with click, or Shift with the arrow
        keys).
    leader_button, next_button, restore_button : Button
        Only the formal leader(s) step away; also take out whoever is now most central (highest
        betweenness among those left); bring everyone back.
    status : HTML
        One sentence summarising the change (a live region, read out by screen readers).
    table : HTML
        The before/after table.
    picture : Image
        The drawing; ``caption`` holds its one-line summary.
    result : pandas.DataFrame
        The last :func:`removal_table`.
    """

    def __init__(self, net, *, relation=None, removed=None, color_by="region", relations=None):
        self.net = net
        names = list(relations) if relations is not None else list(net.relation_names)
        relation = relation or net.info.get("default_relation") or names[0]
        if relation not in names:
            raise MeasureError(f"This network has no relation called {relation!r}; choose one of {', '.join(names)}.")
        self._graphs, self._layouts = {}, {}
        # Each choice of who steps away is computed and drawn once: (relation, removed) -> table, picture
        self._befores, self._tables, self._pictures = {}, {}, {}
        G = self._graph(relation)
        self.color_by = color_by if color_by and any(color_by in d for _, d in G.nodes(data=True)) else None
        self.leaders = formal_leaders(G)
        if removed is None:
            removed = self.leaders
        removed = check_members(G, list(removed), role="person who steps away") if removed else []

        self.relation = widgets.Dropdown(options=names, value=relation, description="Relation",
                                         tooltip="Which kind of tie to look at",
                                         layout=widgets.Layout(width="22em"))
        self.members = widgets.SelectMultiple(options=self._member_options(G), value=tuple(removed), rows=8,
                                              description="Steps away",
                                              tooltip="Choose one or more people; Ctrl-click or Shift+arrows "
                                                      "for several",
                                              style={"description_width": "initial"},
                                              layout=widgets.Layout(width="34em"))
        self.leader_button = widgets.Button(description="Only the formal leader", icon="user",
                                            tooltip="Only the formal leader(s) step away",
                                            layout=widgets.Layout(width="auto"),
                                            disabled=not self.leaders)
        self.next_button = widgets.Button(description="Also take out the most central person left",
                                          icon="minus", button_style="warning",
                                          tooltip="Adds whoever now has the highest betweenness",
                                          layout=widgets.Layout(width="auto"))
        self.restore_button = widgets.Button(description="Restore everyone", icon="undo", button_style="success",
                                             tooltip="Everyone comes back", layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML()
        self.table = widgets.HTML()
        self.picture = widgets.Image(format="png", layout=widgets.Layout(max_width="640px"))
        self.caption = widgets.HTML()
        self.result = None

        self.relation.observe(self._on_relation, names="value")
        self.members.observe(self._update, names="value")
        self.leader_button.on_click(self._only_leader)
        self.next_button.on_click(self._take_next)
        self.restore_button.on_click(self._restore)

        intro = widgets.HTML("<p style='margin:0.2em 0'><strong>Who holds this network together?</strong> "
                             "Choose who steps away (the formal leader to start with) and compare before and "
                             "after. Tab moves between controls; in the list, Shift with the arrow keys "
                             "chooses several people.</p>")
        for button in (self.leader_button, self.next_button, self.restore_button):
            button.layout.margin = "0.3em 0.5em 0.3em 0"
        buttons = widgets.HBox([self.leader_button, self.next_button, self.restore_button],
                               layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([intro, self.relation, self.members, buttons, self.status, self.table, self.picture,
                          self.caption], layout=widgets.Layout(width="auto", max_width="62em"))
        self.add_class("netlearn-removal-explorer")
        self._update()

    # -- data
    def _graph(self, relation):
        if relation not in self._graphs:
            G = self.net.graph(relation)
            self._graphs[relation] = G
            self._layouts[relation] = fixed_layout(G)
        return self._graphs[relation]

    def _member_options(self, G):
        leaders = set(formal_leaders(G))
        region = self.color_by
        shared = _shared_names(G)

        def label(member):
            parts = [_name(G, member, shared)]
            if region and G.nodes[member].get(region) is not None:
                parts.append(str(G.nodes[member][region]))
            if member in leaders:
                parts.append("formal leader")
            return ", ".join(parts)

        order = sorted(G, key=lambda m: (m not in leaders, str(G.nodes[m].get("name", m)), str(m)))
        return [(label(m), m) for m in order]

    @property
    def removed(self):
        """The ids chosen to step away, in the list's order."""
        return list(self.members.value)

    # -- callbacks
    def _on_relation(self, _change=None):
        G = self._graph(self.relation.value)
        options = self._member_options(G)
        if [m for _, m in options] != [m for _, m in self.members.options]:
            kept = tuple(m for m in self.members.value if m in G)
            with self.members.hold_trait_notifications():
                self.members.value = ()
                self.members.options = options
                self.members.value = kept
        self._update()

    def _only_leader(self, _button=None):
        self.members.value = tuple(self.leaders)

    def _take_next(self, _button=None):
        G = self._graph(self.relation.value)
        member = next_most_central(G, self.removed, backend="igraph")
        if member is not None and len(G) - len(self.removed) > 3:
            self.members.value = tuple(self.removed) + (member,)

    def _restore(self, _button=None):
        self.members.value = ()

    def _update(self, _change=None):
        relation = self.relation.value
        G = self._graph(relation)
        removed = self.removed
        if len(G) - len(removed) < 3:
            self.status.value = _status_html("Fewer than three people are left, so there is nothing to compare. "
                                             "Restore some people.")
            return
        key = (relation, tuple(removed))
        if key not in self._tables:
            self._tables[key] = removal_table(G, removed, backend="igraph", before=self._befores.get(relation))
            self._befores[relation] = self._tables[key].attrs["before"]
        self.result = self._tables[key]
        self.status.value = _status_html(f"{relation}: {removal_sentence(G, self.result)}")
        self.table.value = _table_html(self.result)
        title = (f"{relation} ties without {_names(G, removed)}" if 0 < len(removed) <= 2 else
                 f"{relation} ties without {len(removed)} people" if removed else f"{relation} ties, everyone present")
        if key not in self._pictures:
            fig = draw_without(G, removed, cut_off=self.result.attrs["cut_off"], pos=self._layouts[relation],
                               color_by=self.color_by, title=title)
            self._pictures[key] = (figure_png(fig), fig.summary)
        png, summary = self._pictures[key]
        self.picture.value = png          # the picture first, so its caption never runs ahead of it
        self.caption.value = f"<p class='netlearn-figure-summary' style='margin:0.2em 0'>{html.escape(summary)}</p>"


def removal_explorer(net, relation=None, *, removed=None, color_by="region", relations=None):
    """The "who holds this network together?" widget of notebook 03.

    Parameters
    ----------
    net : netlearn.Network
        E.g. ``netlearn.load_dataset("q_community")``.
    relation : str, optional
        The relation shown first (default: the network's default relation, else its first).
    removed : list of member ids, optional
        Who steps away at first; by default the formal leaders (members whose ``formal_leader``
        is yes).
    color_by : str, optional
        Member attribute that colours the drawing and is shown in the list (default ``"region"``,
        ignored when members do not have it).
    relations : list of str, optional
        The relations offered (default: all of the network's relations).

    Returns
    -------
    RemovalExplorer

    Examples
    --------
    >>> import netlearn
    >>> explorer = removal_explorer(netlearn.load_dataset("krackhardt_kite"), removed=["Heather"])
    >>> int(explorer.result.loc["cut off", "after"])  # Ike and Jane lose their only link
    2
    >>> explorer.restore_button.click()
    >>> explorer.removed
    []
    """
    return RemovalExplorer(net, relation=relation, removed=removed, color_by=color_by, relations=relations)
