"""Explore "who could help me, and who could introduce us?" in a community (notebook 09).

:func:`helper_finder` shows three drop-down lists - a member, a topic they need help with, and how
long a chain of introductions to allow - and, under them, a sentence about the search, a table of
the best helpers with who would introduce them, and a small drawing of the member, the helpers
and the introducers. Everything it shows comes from :func:`netlearn.matching.find_helpers`.

The callbacks are ordinary methods, so tests set the controls in Python, without a browser:

>>> import netlearn
>>> finder = helper_finder(netlearn.load_dataset("q_community"), member="q001", topic="evaluation")
>>> finder.result.attrs["topic"], len(finder.result) <= 8
('evaluation', True)
>>> finder.topic.value = "finding funding"
>>> finder.result.attrs["topic"], "finding funding" in finder.status.value
('finding funding', True)
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import networkx as nx

from ..drawing import draw_network, figure_png
from ..errors import NetlearnError
from ..matching import (TopicError, comparison_key, find_helpers, known_topics, member_names, resolve_member,
                        split_topics)

__all__ = ["HelperFinder", "helper_finder", "rings_layout", "REACH_OPTIONS", "ROLE_ASKING", "ROLE_HELPER",
           "ROLE_INTRODUCER"]

#: The choices of the "look along" list: (words, max_introductions).
REACH_OPTIONS = (
    ("people they already know", 0),
    ("up to one introduction", 1),
    ("up to two introductions", 2),
)

#: What each person in the drawing is, as the legend says it.
ROLE_ASKING = "asking for help"
ROLE_HELPER = "can help"
ROLE_INTRODUCER = "introducer"

_CSS = """<style>
.netlearn-helpers table { border-collapse: collapse; margin: 0.3em 0; }
.netlearn-helpers th, .netlearn-helpers td { text-align: left; padding: 0.2em 0.9em 0.2em 0; vertical-align: top; }
.netlearn-helpers th { border-bottom: 1px solid #8a949c; }
.netlearn-helper-finder :focus-visible { outline: 3px solid #1a5fb4 !important; outline-offset: 2px; }
</style>"""


def _status_html(text, kind="info"):
    colour = {"info": "#0e2a50", "problem": "#3d2500"}[kind]
    return (f'<p class="netlearn-helper-status" role="status" aria-live="polite" '
            f'style="color:{colour};line-height:1.45;margin:0.3em 0">{html.escape(text)}</p>')


class HelperFinder(widgets.VBox):
    """Choose a member and a topic; see the best helpers within reach and who would introduce them.

    Parameters
    ----------
    source : netlearn.Network or networkx graph
        The community. A Network is turned into its ``relation`` graph.
    member : str, optional
        Who starts selected (default: the first member by name).
    topic : str, optional
        The topic that starts selected (default: the first thing the member needs help with that
        someone offers, else the first topic).
    max_introductions : int, optional
        0, 1 or 2 (default 2).
    top : int, optional
        How many helpers the table and drawing show (default 8).
    relation, offers, needs, group : str, optional
        Which relation to use for a Network, and the node attributes read (see
        :func:`netlearn.matching.find_helpers`).

    Attributes
    ----------
    member, topic, reach : ipywidgets.Dropdown
        The controls. Choosing a member also moves the topic to the first thing they need help with.
    status : ipywidgets.HTML
        One sentence about the search (``role="status"``, read out by screen readers), or what went wrong.
    table : ipywidgets.HTML
        The helpers, best first.
    picture : ipywidgets.Image
        The drawing, as a PNG; ``figure_summary`` is its one-line description, shown under it.
    result : pandas.DataFrame or None
        The table from :func:`find_helpers` behind what is shown (None after an error).
    """

    def __init__(self, source, *, member=None, topic=None, max_introductions=2, top=8, relation="knows",
                 offers="can_help_with", needs="needs_help_with", group="region"):
        if isinstance(source, nx.Graph):
            G = source
        elif hasattr(source, "graph"):
            G = source.graph(relation)
        else:
            raise TypeError("helper_finder needs a netlearn Network (e.g. netlearn.load_dataset('q_community')) "
                            "or a networkx graph.")
        self.G = G
        self.top = top
        self.offers, self.needs, self.group = offers, needs, group
        self.names = member_names(G)
        self.result = None
        self.figure_summary = ""
        self._busy = False

        topics = known_topics(G, offers, needs)
        self.topics = [t for t in topics.index if topics.loc[t, "offered_by"] > 0]
        regions = {v: d.get(group) for v, d in G.nodes(data=True)}
        people = sorted(G, key=lambda v: (self.names[v].casefold(), str(v)))
        labels = []
        for v in people:
            extra = f", {regions[v]}" if regions.get(v) not in (None, "") else ""
            label = f"{self.names[v]} ({v}{extra})" if self.names[v] != str(v) else f"{v}{extra.replace(', ', ' · ')}"
            labels.append((label, v))
        if not self.topics:
            raise TopicError(f"No member lists anything in '{offers}', so there is nothing to match on.")
        member = resolve_member(G, member, self.names) if member is not None else people[0]
        if topic is not None:
            matches = [t for t in self.topics if comparison_key(t) == comparison_key(topic)]
            if not matches:
                raise TopicError(f"Nobody offers help with {topic!r}. The topics members offer are: "
                                 f"{', '.join(self.topics)}.")
            topic = matches[0]
        wide = {"description_width": "initial"}
        self.member = widgets.Dropdown(options=labels, value=member,
                                       description="Member:", style=wide,
                                       layout=widgets.Layout(width="max-content"))
        longest = max(len(t) for t in self.topics)
        self.topic = widgets.Dropdown(options=self.topics, description="Needs help with:", style=wide,
                                      layout=widgets.Layout(width=f"{longest * 0.62 + 13:.0f}em"))
        self.topic.value = topic if topic is not None else self._first_need(self.member.value)
        self.reach = widgets.Dropdown(options=list(REACH_OPTIONS), value=max_introductions,
                                      description="Look among:", style=wide,
                                      layout=widgets.Layout(width="max-content"))
        self.needs_line = widgets.HTML()
        self.status = widgets.HTML()
        self.table = widgets.HTML()
        self.picture = widgets.Image(format="png", layout=widgets.Layout(max_width="640px"))
        self.caption = widgets.HTML()

        self._results, self._pictures = {}, {}  # each search, and each drawing, is done once
        self.member.observe(self._on_member, names="value")
        self.topic.observe(self._on_change, names="value")
        self.reach.observe(self._on_change, names="value")
        intro = widgets.HTML(
            "<p style='line-height:1.45;margin:0.2em 0'>Choose a member and a topic. The table lists members who "
            "offer help with it, nearest first, and who could introduce them. Choosing a member sets the topic to "
            "the first thing they need help with; change it to anything.</p>")
        super().__init__([widgets.HTML(_CSS, layout=widgets.Layout(height="0px", margin="0")), intro,
                          widgets.HBox([self.member, self.topic]), self.reach, self.needs_line, self.status,
                          self.table, self.picture, self.caption])
        self.add_class("netlearn-helper-finder")
        self.refresh()

    # ------------------------------------------------------------------ callbacks
    def _first_need(self, member):
        data = self.G.nodes[member]
        for item in split_topics(data.get(self.needs)) if self.needs else []:
            for t in self.topics:
                if t.casefold() == item.casefold():
                    return t
        return self.topics[0] if self.topics else None

    def _on_member(self, change):
        self._busy = True
        try:
            self.topic.value = self._first_need(change["new"])
        finally:
            self._busy = False
        self.refresh()

    def _on_change(self, _change):
        if not self._busy:
            self.refresh()

    def refresh(self):
        """Search again with the current choices and redraw everything."""
        member, topic = self.member.value, self.topic.value
        needs = split_topics(self.G.nodes[member].get(self.needs)) if self.needs else []
        name = html.escape(self.names[member])
        self.needs_line.value = (f"<p style='margin:0.2em 0'><strong>{name}</strong> would like help with: "
                                 f"{html.escape('; '.join(needs)) if needs else 'nothing listed'}.</p>")
        try:
            key = (member, topic, self.reach.value)
            if key not in self._results:
                self._results[key] = find_helpers(self.G, member, topic, max_introductions=self.reach.value,
                                                  top=self.top, offers=self.offers, needs=self.needs, group=self.group)
            result = self._results[key]
        except NetlearnError as error:
            self.result = None
            self.status.value = _status_html(str(error), "problem")
            self.table.value = ""
            self.picture.value = b""
            self.caption.value = ""
            self.figure_summary = ""
            return
        self.result = result
        self.status.value = _status_html(result.attrs["summary"])
        self.table.value = self._table_html(result)
        self._draw(result)

    # ------------------------------------------------------------------ what is shown
    def _table_html(self, result):
        if not len(result):
            return "<div class='netlearn-helpers'><p><em>Nobody to show within this reach.</em></p></div>"
        has_group = self.group in result.columns
        head = ["#", "Helper"] + ([self.group.replace("_", " ").capitalize()] if has_group else []) + \
            ["Introductions", "Who would introduce", "Routes"]
        rows = []
        for rank, (helper, row) in enumerate(result.iterrows(), start=1):
            cells = [str(rank), f"{row['name']} ({helper})"]
            if has_group:
                cells.append(str(row[self.group]))
            cells += [str(row["introductions"]), row["introduced_by"] or "already known", str(row["routes"])]
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        caption = (f"Members who can help {html.escape(self.names[result.attrs['member']])} with "
                   f"{html.escape(result.attrs['topic'])}, nearest first")
        return (f"<div class='netlearn-helpers'><table><caption style='text-align:left;font-weight:bold'>{caption}"
                f"</caption><thead><tr>{''.join(f'<th scope=col>{h}</th>' for h in head)}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>")

    def _draw(self, result):
        key = (result.attrs["member"], result.attrs["topic"], tuple(tuple(path) for path in result["path"]))
        if key not in self._pictures:  # the drawing shows the chains and nothing else
            self._pictures[key] = self._picture(result)
        self.picture.value, self.figure_summary = self._pictures[key]
        self.caption.value = (f"<p style='margin:0.2em 0;font-size:0.95em'>{html.escape(self.figure_summary)} "
                              f"{RINGS_NOTE}</p>")

    def _picture(self, result):
        asker = result.attrs["member"]
        helpers = list(result.index)
        introducers = {v for path in result["path"] for v in path[1:-1]} - set(helpers) - {asker}
        H = nx.Graph()
        H.add_nodes_from([asker, *helpers, *sorted(introducers, key=str)])
        for path in result["path"]:
            H.add_edges_from(zip(path[:-1], path[1:]))
        role = {v: ROLE_INTRODUCER for v in introducers}
        role.update({v: ROLE_HELPER for v in helpers})
        role[asker] = ROLE_ASKING
        nx.set_node_attributes(H, role, "who")
        nx.set_node_attributes(H, {v: self.names[v] for v in H}, "name")
        labels = {v: self.names[v] for v in H}
        title = f"Who could help {self.names[asker]} with {result.attrs['topic']}"
        fig = draw_network(H, color_by="who", highlight=[asker], labels=labels, title=title, node_size=280,
                           pos=rings_layout(result))
        return figure_png(fig), fig.summary


#: How to read the drawing's rings, shown under it.
RINGS_NOTE = ("Only the ties along the chains of introductions are drawn. The member asking is in the centre; "
              "each ring further out is one step further away: people they know, then friends of friends, then "
              "one step beyond.")


def rings_layout(result):
    """Positions for the drawing: the asker in the centre, then one ring per step away.

    Everyone on a chain in ``result`` (from :func:`find_helpers`) sits on the ring of their number
    of steps from the asker. The chains form a tree (each person is reached through one chosen
    introducer), so each person gets a slice of the circle in proportion to how many people are
    reached through them (the people the asker knows share the circle equally), and sits in the
    middle of their introducer's slice: chains fan outwards without crossing. Children are placed
    in order of id, so the picture is the same every time.
    """
    asker = result.attrs["member"]
    parent = {}
    for path in result["path"]:
        for before, after in zip(path, path[1:]):
            parent.setdefault(after, before)
    children = {}
    for child, introducer in parent.items():
        children.setdefault(introducer, []).append(child)
    for kids in children.values():
        kids.sort(key=str)

    def size(v):
        return 1 + sum(size(c) for c in children.get(v, ()))

    pos = {asker: (0.0, 0.0)}

    def place(v, start, end, radius):
        kids = children.get(v, [])
        # The first ring shares the circle equally, so that nobody there is crowded; further out,
        # each slice is shared in proportion to how many people are reached through each person.
        weights = [1 if radius == 1 else size(c) for c in kids]
        total = sum(weights)
        angle = start
        for c, weight in zip(kids, weights):
            span = (end - start) * weight / total
            middle = angle + span / 2
            pos[c] = (radius * math.cos(middle), radius * math.sin(middle))
            place(c, angle, angle + span, radius + 1)
            angle += span

    start = math.pi / 2 + 0.3     # a little off the vertical, so that fewer people sit level with the centre
    place(asker, start, start + 2 * math.pi, 1)
    return pos


def helper_finder(source, **options):
    """The helper-finder widget for a Network or graph (see :class:`HelperFinder` for the options)."""
    return HelperFinder(source, **options)
