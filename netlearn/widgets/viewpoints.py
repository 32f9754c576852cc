"""Notebook 04 (conflict and viewpoints): what if more patients, carers and citizens took part?

:func:`viewpoints_explorer` builds the widget: add invented patient, carer or citizen members who
each link into a chosen number of regions (or take some of the existing ones away), and watch
the share of those voices, Blau's index and the IQV, and the E-I index by region and sector move,
in a before/after table, a sentence and a chart of who is in the room.

The new network is made by :func:`netlearn.membership.add_members` or
:func:`netlearn.membership.remove_members` (:func:`changed_network` only chooses which), and the
numbers come from :func:`netlearn.membership.compare_membership`. Callbacks are plain methods:
tests set the sliders in Python and press the buttons with ``button.click()``.

>>> import netlearn
>>> explorer = viewpoints_explorer(netlearn.load_dataset("q_community"))
>>> explorer.add_button.click()
>>> int(explorer.result.loc["patients, carers or citizens (number)", "change"])
1
"""

from __future__ import annotations

import html
from collections import Counter

import ipywidgets as widgets

from ..drawing import MIN_FONT, OKABE_ITO, figure_png_in_frame, new_figure
from ..errors import MeasureError
from ..membership import LIVED_EXPERIENCE, add_members, compare_membership, remove_members

__all__ = ["VOICE_CHOICES", "changed_network", "perspective_chart", "ViewpointsExplorer", "viewpoints_explorer"]

#: The choices of the "New members are" list: label -> the stakeholder value(s) of new members.
VOICE_CHOICES = {
    "patients": ("patient",),
    "carers": ("carer",),
    "citizens": ("citizen",),
    "a mix of patients, carers and citizens": ("patient", "carer", "citizen"),
}

#: The sector value the course gives to patients, carers and citizens (as in q_community): they
#: take part in their own right, not for an employer; the voice they bring is their ``stakeholder``.
LIVED_SECTOR = "lay member"

#: Seed of every "what if" network the widget makes, so each setting always gives the same network.
SEED = 2017


def changed_network(G, change, *, voices=("patient",), links=1, group="region", seed=SEED):
    """The network with ``change`` more (or, if negative, fewer) patient, carer and citizen members.

    A positive ``change`` calls :func:`netlearn.membership.add_members` with that many new
    members whose ``stakeholder`` is taken in turn from ``voices`` and whose ``sector`` is
    "lay member", each tied into ``links`` values of ``group`` (their home group is
    also written to ``group``'s twin attribute ``"group"`` when the members have one). A negative
    ``change`` calls :func:`netlearn.membership.remove_members` to take that many existing
    patients, carers and citizens out. Zero returns ``G`` itself.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "n", "b": "n", "c": "s", "d": "s"}, "region")
    >>> nx.set_node_attributes(G, {"a": "patient", "b": "nurse", "c": "nurse", "d": "nurse"}, "stakeholder")
    >>> H = changed_network(G, 2, voices=("carer",), links=2)
    >>> sorted(n for n, s in H.nodes(data="stakeholder") if s == "carer")
    ['new1', 'new2']
    >>> sorted(changed_network(G, -1))
    ['b', 'c', 'd']
    """
    if isinstance(change, bool) or not isinstance(change, int):
        raise MeasureError(f"change must be a whole number (positive to add members, negative to remove); "
                           f"got {change!r}.")
    if change == 0:
        return G
    if change < 0:
        return remove_members(G, -change, attribute="stakeholder", values=LIVED_EXPERIENCE, seed=seed)
    if isinstance(voices, str):
        voices = (voices,)
    twin = ("group",) if group != "group" and any("group" in d for _, d in G.nodes(data=True)) else ()
    attributes = [{"sector": LIVED_SECTOR, "stakeholder": voice} for voice in voices]
    return add_members(G, change, attributes=attributes, group=group, links=links, also_label=twin, seed=seed)


def perspective_chart(before, after, attribute="stakeholder", *, ax=None):
    """A bar chart of members by perspective, before and after; returns the figure with ``fig.summary``.

    Bars before are solid blue, bars after are orange with hatching, so the two can be told apart
    without colour; counts are written at the end of each bar. The largest groups come first.

    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_nodes_from([("a", {"stakeholder": "nurse"}), ("b", {"stakeholder": "patient"})])
    >>> H = G.copy(); H.add_node("c", stakeholder="patient")
    >>> fig = perspective_chart(G, H)
    >>> fig.summary
    'Who is in the room: members by stakeholder, before -> after: patient 1 -> 2, nurse 1 -> 1.'
    >>> [int(bar.get_width()) for bar in fig.axes[0].containers[1]]   # the bars after, drawn by seaborn
    [2, 1]
    """
    def counts(H):
        result = {}
        for _, value in H.nodes(data=attribute):
            if value is not None:
                result[str(value)] = result.get(str(value), 0) + 1
        return result

    import pandas as pd
    import seaborn as sns

    first, second = counts(before), counts(after)
    categories = sorted(set(first) | set(second), key=lambda c: (-max(first.get(c, 0), second.get(c, 0)), c))
    if ax is None:
        fig = new_figure((7, 0.5 * len(categories) + 1.6), layout="constrained")
        ax = fig.add_subplot()
    else:
        fig = ax.figure
        ax.clear()
    old = [first.get(c, 0) for c in categories]
    new = [second.get(c, 0) for c in categories]
    data = pd.DataFrame({"perspective": categories * 2, "members": old + new,
                         "when": ["before"] * len(categories) + ["after"] * len(categories)})
    sns.barplot(data=data, y="perspective", x="members", hue="when", hue_order=["before", "after"],
                order=categories, palette={"before": OKABE_ITO[4], "after": OKABE_ITO[0]}, orient="h",
                edgecolor="black", linewidth=0.8, saturation=1, ax=ax)
    for bar in ax.containers[1]:
        bar.set_hatch("//")
    for container in ax.containers:
        ax.bar_label(container, padding=3, fontsize=MIN_FONT)
    ax.set_ylabel("")
    ax.set_xlabel("members")
    ax.tick_params(labelsize=MIN_FONT + 1)
    ax.set_xlim(0, max(old + new + [1]) * 1.12)
    title = f"Who is in the room: members by {attribute}"
    ax.set_title(title, fontsize=12)
    ax.legend(loc="lower right", frameon=False, fontsize=MIN_FONT + 1)
    ax.spines[["top", "right"]].set_visible(False)
    fig.summary = (f"{title}, before -> after: "
                   + ", ".join(f"{c} {a} -> {b}" for c, a, b in zip(categories, old, new)) + ".")
    return fig



def _format(key, value):
    if key == "members" or key.endswith("(number)"):
        return f"{int(round(value))}", ("0" if value == 0 else f"{int(round(value)):+d}")
    if "share" in key:
        points = round(value * 100)
        return f"{value:.0%}", ("0" if points == 0 else f"{points:+d} point{'s' if abs(points) != 1 else ''}")
    return f"{value:.2f}", ("0" if value == 0 else f"{value:+.2f}")


def _table_html(table):
    rows = []
    for key, row in table.iterrows():
        before, _ = _format(key, row["before"])
        after, _ = _format(key, row["after"])
        _, change = _format(key, row["change"])
        rows.append(f"<tr><th scope='row'>{html.escape(key)}</th><td>{before}</td><td>{after}</td>"
                    f"<td>{change}</td></tr>")
    return ("<table class='netlearn-viewpoints-table' style='border-collapse:collapse'>"
            "<caption style='text-align:left;font-weight:bold'>Before and after</caption>"
            "<thead><tr><th scope='col'>measure</th><th scope='col'>before</th><th scope='col'>after</th>"
            "<th scope='col'>change</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            "<style>.netlearn-viewpoints-table th,.netlearn-viewpoints-table td{padding:0.15em 0.9em 0.15em 0;"
            "text-align:left}</style>")


def _sentence(table, change, links):
    verdict = table.attrs["verdict"]
    if change == 0:
        return f"As the network is now: {verdict}"
    ei = table.loc["E-I index by region"]
    step = ei["change"]
    direction = ("ties cross regions clearly more" if step >= 0.1 else
                 "ties cross regions a little more" if step > 0.005 else
                 "ties cross regions clearly less" if step <= -0.1 else
                 "ties cross regions a little less" if step < -0.005 else "the regional silos barely move")
    if change > 0:
        what = (f"With {change} {'person' if change == 1 else 'people'} invited, each linked into "
                f"{links} region{'s' if links != 1 else ''}")
    else:
        what = f"With {-change} of the patients, carers and citizens who take part now leaving"
    return (f"{what}: {verdict} The E-I index by region moves from {ei['before']:.2f} to {ei['after']:.2f}: "
            f"{direction}.")


class ViewpointsExplorer(widgets.VBox):
    """Add or remove patient, carer and citizen members and see diversity and silos move.

    Attributes
    ----------
    voice : Dropdown
        Who the new members are (see :data:`VOICE_CHOICES`).
    links : IntSlider
        How many regions each new member is tied into.
    change : IntSlider
        How many members to add (positive) or existing patients, carers and citizens to take out
        (negative).
    add_button, remove_button, reset_button : Button
        One more, one fewer, and back to the network as it is.
    status : HTML
        One sentence, a live region read out by screen readers.
    table : HTML
        The before/after table of :func:`netlearn.membership.compare_membership`.
    picture : Image
        The chart of members by perspective; ``caption`` holds its one-line summary.
    result : pandas.DataFrame
        The last before/after table; ``network`` the last changed graph.
    """

    def __init__(self, net, relation="knows", *, group="region", max_added=40, links=2, seed=SEED):
        self.net = net
        self.G = net.graph(relation)
        self.group = group
        self.seed = seed
        self.relation_name = relation
        regions = sorted({v for _, v in self.G.nodes(data=group) if v is not None}, key=str)
        if not regions:
            raise MeasureError(f"No member has the attribute '{group}', which the widget links new members by.")
        existing = sum(1 for _, v in self.G.nodes(data="stakeholder")
                       if isinstance(v, str) and v.strip().lower() in LIVED_EXPERIENCE)
        self.existing = existing
        self.voice = widgets.Dropdown(options=list(VOICE_CHOICES), value="patients", description="New members are",
                                      style={"description_width": "initial"}, layout=widgets.Layout(width="30em"))
        self.links = widgets.IntSlider(value=min(links, len(regions)), min=0, max=len(regions),
                                       description="Regions each new member links to",
                                       style={"description_width": "initial"}, layout=widgets.Layout(width="34em"),
                                       continuous_update=False)
        self.change = widgets.IntSlider(value=0, min=-existing, max=max_added,
                                        description="People invited, or leaving",
                                        style={"description_width": "initial"}, layout=widgets.Layout(width="44em"),
                                        continuous_update=False)
        self.add_button = widgets.Button(description="Invite one", icon="plus", button_style="success",
                                         tooltip="Invite one more patient, carer or citizen", layout=widgets.Layout(width="auto"))
        self.remove_button = widgets.Button(description="One fewer", icon="minus", button_style="warning",
                                            tooltip="One fewer: an invited member does not come, or else a "
                                                    "current patient, carer or citizen stops taking part",
                                            layout=widgets.Layout(width="auto"))
        self.reset_button = widgets.Button(description="Start again", icon="undo",
                                           tooltip="Back to the network as it is", layout=widgets.Layout(width="auto"))
        for button in (self.add_button, self.remove_button, self.reset_button):
            button.layout.margin = "0.3em 0.5em 0.3em 0"
        self.status = widgets.HTML()
        self.table = widgets.HTML()
        self.picture = widgets.Image(format="png", layout=widgets.Layout(max_width="560px"))
        self.caption = widgets.HTML()
        self.result = None
        self.network = self.G
        self._quiet = False
        self._first_links = self.links.value
        self._results = {}   # (voice, links, change) -> (network, table): each scenario is computed once
        self._pictures = {}  # members by stakeholder after the change -> (png, summary): drawn once
        self._frames = {}  # the chart's layout, reused while its categories stay the same

        for control in (self.voice, self.links, self.change):
            control.observe(self._update, names="value")
        self.add_button.on_click(self._add)
        self.remove_button.on_click(self._remove)
        self.reset_button.on_click(self._reset)

        intro = widgets.HTML(
            "<p style='margin:0.2em 0'><strong>What if more patients, carers and citizens took part?</strong> "
            f"Move the sliders or use the buttons to invite people. Invited members are invented, and each is "
            f"introduced to one member in each of the regions it links to ({relation} ties). Below zero, some "
            "of the current patients, carers and citizens stop taking part. Sliders move with the arrow keys once selected.</p>")
        buttons = widgets.HBox([self.add_button, self.remove_button, self.reset_button],
                               layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([intro, self.voice, self.links, self.change, buttons, self.status, self.table,
                          self.picture, self.caption], layout=widgets.Layout(width="auto", max_width="62em"))
        self.add_class("netlearn-viewpoints-explorer")
        self._update()

    # -- callbacks
    def _add(self, _button=None):
        self.change.value = min(self.change.value + 1, self.change.max)

    def _remove(self, _button=None):
        self.change.value = max(self.change.value - 1, self.change.min)

    def _reset(self, _button=None):
        self._quiet = True
        try:
            self.voice.value = "patients"
            self.links.value = self._first_links
            self.change.value = 0
        finally:
            self._quiet = False
        self._update()

    def _update(self, _change=None):
        if self._quiet:
            return
        change = self.change.value
        key = (self.voice.value, self.links.value, change)
        if key not in self._results:
            network = changed_network(self.G, change, voices=VOICE_CHOICES[self.voice.value],
                                      links=self.links.value, group=self.group, seed=self.seed)
            self._results[key] = (network, compare_membership(self.G, network))
        self.network, self.result = self._results[key]
        self.status.value = (f'<p role="status" aria-live="polite" class="netlearn-viewpoints-status" '
                             f'style="font-size:1.05em;margin:0.3em 0">'
                             f'{html.escape(_sentence(self.result, change, self.links.value))}</p>')
        self.table.value = _table_html(self.result)
        drawn = tuple(sorted(Counter(str(v) for _, v in self.network.nodes(data="stakeholder")
                                     if v is not None).items()))  # all the chart shows
        if drawn not in self._pictures:
            fig = perspective_chart(self.G, self.network)
            shape = (tuple(fig.get_size_inches()), tuple(sorted(t.get_text() for t in fig.axes[0].get_yticklabels())))
            self._pictures[drawn] = (figure_png_in_frame(fig, self._frames, shape), fig.summary)
        png, summary = self._pictures[drawn]
        self.picture.value = png          # the picture first, so its caption never runs ahead of it
        self.caption.value = f"<p class='netlearn-figure-summary' style='margin:0.2em 0'>{html.escape(summary)}</p>"


def viewpoints_explorer(net, relation="knows", *, group="region", max_added=40, links=2, seed=SEED):
    """The "what if more patients, carers and citizens took part?" widget of notebook 04.

    Parameters
    ----------
    net : netlearn.Network
        Members need ``stakeholder``, ``sector`` and ``group`` (default ``region``) attributes, as
        in ``q_community``.
    relation : str
        The relation whose ties the E-I index counts (default ``"knows"``).
    group : str
        The attribute new members link into (default ``"region"``).
    max_added : int
        Largest number of members the slider adds.
    links : int
        Regions each new member links to at first.
    seed : int
        Seed of :func:`netlearn.membership.add_members` and ``remove_members``.

    Returns
    -------
    ViewpointsExplorer
    """
    return ViewpointsExplorer(net, relation, group=group, max_added=max_added, links=links, seed=seed)
