"""Widgets for notebook 02 (know your network): the role explorer.

Pick a network and a role; see who holds it, ringed in the drawing, and the rule that put each
of them there (the ``why`` of :func:`netlearn.roles.role_profile`). A slider changes what counts
as "the top" of a measure, so the learner can see how much a role depends on where the line is
drawn.

Two small helpers do the work and are tested on their own:

* :func:`role_rule` - the rule for a role in plain words, with the thresholds in use;
* :func:`role_holders` - who holds a role in a profile, with the part of ``why`` about that role.

>>> import networkx as nx
>>> from netlearn.roles import role_profile
>>> G = nx.Graph([("ann", "bo"), ("ann", "cy"), ("bo", "cy"), ("cy", "dev"),
...               ("dev", "eve"), ("dev", "fay"), ("eve", "fay"), ("fay", "gus")])
>>> nx.set_node_attributes(G, {"ann": "ward", "bo": "ward", "cy": "ward", "dev": "gp",
...                            "eve": "gp", "fay": "gp", "gus": "pharmacy"}, "group")
>>> holders = role_holders(role_profile(G), "broker")
>>> list(holders.index)
['dev']
>>> print(holders.loc["dev", "rule"])
betweenness 0.6 is in the top 10% and constraint 0.559 is in the lowest 25%; ties reach 1 other group
"""

from __future__ import annotations

import base64
import difflib
import html
from dataclasses import dataclass

import ipywidgets as widgets

from ..drawing import draw_network, figure_png, fixed_layout
from ..errors import MeasureError, NetlearnError
from ..loaders import load_dataset
from ..roles import ROLES, role_profile

__all__ = ["DEFAULT_SOURCES", "ROLE_INFO", "RoleExplorer", "RoleSource", "role_explorer", "role_holders",
           "role_rule"]

#: What each role does for a network, in plain words, and where the idea comes from.
ROLE_INFO = {
    "broker": {
        "label": "Broker",
        "plural": "Brokers",
        "does": "links groups that would otherwise be cut off from one another, so ideas from one part of the "
                "network reach another; Arena et al. (2017) tie brokers to the discovery of new ideas.",
        "source": "Burt (1992); Cross & Prusak (2002); Arena et al. (2017)",
    },
    "central_connector": {
        "label": "Central connector",
        "plural": "Central connectors",
        "does": "is the person their own group turns to; trusted there, they help an idea get worked up and "
                "tested, which Arena et al. (2017) call development.",
        "source": "Cross & Prusak (2002); Arena et al. (2017)",
    },
    "energizer": {
        "label": "Energizer",
        "plural": "Energizers",
        "does": "leaves people keener after working with them; people want to join in with what energizers do, "
                "which helps ideas spread (diffusion, in Arena et al. 2017).",
        "source": "Cross, Baker & Parker (2003); Arena et al. (2017)",
    },
    "boundary_spanner": {
        "label": "Boundary spanner",
        "plural": "Boundary spanners",
        "does": "has many ties outside their own group or organisation, and brings news of what happens there.",
        "source": "Cross & Prusak (2002)",
    },
    "peripheral_specialist": {
        "label": "Peripheral specialist",
        "plural": "Peripheral specialists",
        "does": "sits at the edge of the network, with few ties, but knows something others may need; easy to "
                "overlook, costly to lose.",
        "source": "Cross & Prusak (2002)",
    },
}


def _check_role(role):
    if role not in ROLES:
        close = difflib.get_close_matches(str(role), ROLES, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise MeasureError(f"'{role}' is not one of the roles.{hint} The roles are: {', '.join(ROLES)}.")


def role_rule(role, *, top=0.10, low=0.25, edge=0.10, expertise=None):
    """The rule :func:`netlearn.roles.role_profile` uses for ``role``, in plain words.

    >>> role_rule("broker")
    'betweenness in the top 10% of members, constraint in the lowest 25%, and at least one contact in another group'
    >>> role_rule("peripheral_specialist", edge=0.2, expertise="can_help_with")
    'at least one tie, a number of ties in the lowest 20% of members with ties, and something listed under can help with'
    """
    _check_role(role)
    if role == "broker":
        return (f"betweenness in the top {top:.0%} of members, constraint in the lowest {low:.0%}, and at least one "
                "contact in another group")
    if role == "central_connector":
        return f"ties inside their own group in the top {top:.0%} of members"
    if role == "energizer":
        return f"positive energy received (the sum of ratings above zero) in the top {top:.0%} of members"
    if role == "boundary_spanner":
        return f"ties to other groups in the top {top:.0%} of members"
    text = f"at least one tie, a number of ties in the lowest {edge:.0%} of members with ties"
    if expertise:
        text += f", and something listed under {expertise.replace('_', ' ')}"
    return text


def role_holders(profile, role):
    """Who holds ``role`` in a profile from :func:`netlearn.roles.role_profile`, best score first.

    Returns
    -------
    DataFrame
        Indexed by member id: ``name`` (when the profile has names), ``group``, ``degree``,
        ``score`` (the role score) and ``rule``: the part of ``why`` about this role, with the
        member's own numbers. Empty when nobody meets the rule.
    """
    _check_role(role)
    if role not in profile.columns:
        if role == "energizer":
            raise MeasureError("This profile has no energizer column: energizers need energy ratings "
                               "(role_profile(G, energy=net.graph('energy'))).")
        raise MeasureError(f"This profile has no '{role}' column; make it with netlearn.roles.role_profile.")
    label = role.replace("_", " ") + ":"
    chosen = profile[profile[role].astype(bool)]
    chosen = chosen.sort_values([f"{role}_score", "degree"], ascending=[False, False], kind="stable")
    columns = [c for c in ("name", "group", "degree") if c in chosen.columns]
    result = chosen[columns].copy()
    result["score"] = chosen[f"{role}_score"]
    result["rule"] = [next((part.strip()[len(label):].strip() for part in str(why).split(" | ")
                            if part.strip().startswith(label)), "") for why in chosen["why"]]
    return result


@dataclass(frozen=True)
class RoleSource:
    """A network the explorer can show.

    Attributes
    ----------
    label : str
        What the learner sees in the list (say whether the data are real or synthetic).
    short : str
        A short name for figure titles.
    dataset, relation : str
        Passed to :func:`netlearn.load_dataset` and :meth:`Network.graph`.
    group : str
        Member attribute naming groups (at least two).
    energy : str or None
        Relation holding energy ratings, if any (needed for energizers).
    expertise : str or None
        Member attribute listing expertise (for peripheral specialists).
    layout_relation : str or None
        Relation whose drawing fixes the positions (so switching relation keeps people in place).
    """

    label: str
    short: str
    dataset: str
    relation: str
    group: str
    energy: str | None = None
    expertise: str | None = None
    layout_relation: str | None = None


#: The networks the explorer offers by default.
DEFAULT_SOURCES = (
    RoleSource("Improvement community: who knows whom (synthetic, 150 members)", "the improvement community (knows)",
               "q_community", "knows", "region", energy="energy", expertise="can_help_with"),
    RoleSource("Improvement community: who asks whom for advice (synthetic)", "the improvement community (advice)",
               "q_community", "advice", "region", energy="energy", expertise="can_help_with",
               layout_relation="knows"),
    RoleSource("Karate club: who met whom outside the club (real, 34 members)", "the karate club",
               "karate_club", "interaction", "side"),
)


class RoleExplorer(widgets.VBox):
    """Pick a network, a role and a threshold; see who holds the role and why.

    Attributes
    ----------
    source : Dropdown
        Which network (index into ``sources``).
    role : Dropdown
        Which role; energizer is offered only where there are energy ratings.
    top : IntSlider
        The share of members that counts as "the top" of a measure, in per cent.
    picture : HTML
        The drawing, as an image whose alternative text is the figure's summary.
    summary : HTML
        The figure's one-line summary, as text.
    rule : HTML
        What the role does and the rule used.
    table : HTML
        The holders and the rule that put each one there.
    profile : DataFrame
        The current role profile.
    holders : DataFrame
        From :func:`role_holders`.
    figure_summary : str
    """

    def __init__(self, sources=None, *, role="broker", top=10, networks=None):
        self.sources = tuple(DEFAULT_SOURCES if sources is None else sources)
        if not self.sources:
            raise MeasureError("The role explorer needs at least one network to show.")
        self._networks = dict(networks or {})
        self._layouts = {}
        self._profiles = {}
        self._pictures = {}  # (source index, role, share) -> (png, summary): a picture is drawn once
        self._busy = False
        self.profile = None
        self.holders = None
        self.figure_summary = ""
        self.png = b""
        self.source = widgets.Dropdown(options=[(s.label, i) for i, s in enumerate(self.sources)], value=0,
                                       description="Network", style={"description_width": "initial"},
                                       layout=widgets.Layout(width="auto"))
        self.role = widgets.Dropdown(options=self._role_options(self.sources[0]), description="Role",
                                     style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
        _check_role(role)
        self.role.value = role if role in dict(self.role.options).values() else "broker"
        self.top = widgets.IntSlider(value=top, min=5, max=30, step=5, description="Top share (%)",
                                     style={"description_width": "initial"}, continuous_update=False,
                                     layout=widgets.Layout(width="22em"))
        self.picture = widgets.HTML()
        self.summary = widgets.HTML()
        self.rule = widgets.HTML()
        self.table = widgets.HTML()
        for control in (self.source, self.role, self.top):
            control.observe(self.update, names="value")
        controls = widgets.HBox([self.source, self.role], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([_style(), controls, self.top, self.rule, self.picture, self.summary, self.table],
                         layout=widgets.Layout(width="auto", max_width="64em"))
        self.add_class("netlearn-explorer")
        self.add_class("netlearn-role-explorer")
        self.update()

    # -- data, cached
    def network(self, source):
        if source.dataset not in self._networks:
            self._networks[source.dataset] = load_dataset(source.dataset)
        return self._networks[source.dataset]

    def _layout(self, source):
        key = (source.dataset, source.layout_relation or source.relation)
        if key not in self._layouts:
            self._layouts[key] = fixed_layout(self.network(source).graph(key[1]))
        return self._layouts[key]

    def _profile(self, index, source, share):
        key = (index, share)
        if key not in self._profiles:
            net = self.network(source)
            energy = net.graph(source.energy) if source.energy else None
            # igraph gives the same exact values as networkx (tests/test_roles.py), several times faster
            self._profiles[key] = role_profile(net.graph(source.relation), group=source.group, energy=energy,
                                               expertise=source.expertise, top=share, backend="igraph")
        return self._profiles[key]

    @staticmethod
    def _role_options(source):
        return [(ROLE_INFO[r]["label"], r) for r in ROLES if r != "energizer" or source.energy]

    # -- the callback
    def update(self, _change=None):
        """Recompute for the chosen network, role and threshold, and redraw."""
        if self._busy:
            return
        self._busy = True
        try:
            index = self.source.value
            source = self.sources[index]
            options = self._role_options(source)
            if [v for _, v in options] != [v for _, v in self.role.options]:
                current = self.role.value
                self.role.options = options
                self.role.value = current if current in [v for _, v in options] else "broker"
            self._show(index, source, self.role.value, self.top.value / 100)
        except NetlearnError as error:
            self.table.value = f'<div role="status">{html.escape(str(error))}</div>'
        finally:
            self._busy = False

    def _show(self, index, source, role, share):
        net = self.network(source)
        G = net.graph(source.relation)
        self.profile = self._profile(index, source, share)
        self.holders = role_holders(self.profile, role)
        info = ROLE_INFO[role]
        labels = "auto"  # everyone in small networks; in large ones only the first holders, by score
        title = f"{info['plural']} in {source.short}"
        key = (index, role, tuple(self.holders.index))  # the picture depends on nothing else
        if key not in self._pictures:
            fig = draw_network(G, color_by=source.group, highlight=list(self.holders.index), labels=labels,
                               pos=self._layout(source), title=title, node_size=300 if len(G) <= 40 else 90)
            self._pictures[key] = (figure_png(fig, dpi=90), fig.summary)
        self.png, drawn_summary = self._pictures[key]
        count = len(self.holders)
        who = "nobody meets the rule" if count == 0 else f"{count} {'member holds' if count == 1 else 'members hold'} it"
        self.figure_summary = drawn_summary if count else f"{drawn_summary[:-1]}; {who}."
        encoded = base64.b64encode(self.png).decode("ascii")
        alt = html.escape(self.figure_summary, quote=True)
        self.picture.value = f'<img src="data:image/png;base64,{encoded}" alt="{alt}" style="max-width:100%">'
        self.summary.value = (f'<p class="netlearn-figure-summary" style="line-height:1.45"><em>Figure:</em> '
                              f"{html.escape(self.figure_summary)}</p>")
        rule = role_rule(role, top=share, low=self.profile.attrs.get("low", 0.25),
                         edge=self.profile.attrs.get("edge", 0.10), expertise=source.expertise)
        self.rule.value = (f'<div class="netlearn-role-rule" style="line-height:1.45"><p><strong>{info["label"]}</strong>: '
                           f'someone who {html.escape(info["does"])} <small>({html.escape(info["source"])})</small></p>'
                           f"<p><strong>Rule used here:</strong> {html.escape(rule)}.</p></div>")
        self.table.value = _holders_html(self.holders, info, who)


def _holders_html(holders, info, who):
    if holders.empty:
        return (f'<div role="status"><p><strong>{html.escape(info["plural"])}: {who}.</strong> Nobody stands out '
                "enough on this measure; try a larger top share, and ask whether the role is missing from this "
                "network.</p></div>")
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in
                   ["Member", "Group", "Ties", "Why (the rule, with their numbers)"])
    rows = []
    for member, row in holders.iterrows():
        # the member's name where the data has one, the id otherwise
        name = row["name"] if "name" in holders.columns and isinstance(row["name"], str) and row["name"] else member
        rows.append(f"<tr><td>{html.escape(str(name))}</td><td>{html.escape(str(row['group']))}</td>"
                    f"<td>{int(row['degree'])}</td><td>{html.escape(row['rule'])}</td></tr>")

    return (f'<div role="status" class="netlearn-role-holders"><p><strong>{html.escape(info["plural"])}: {who}'
            f"</strong> (ringed in black in the drawing).</p><table><thead><tr>{head}</tr></thead>"
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _style():
    from .purpose import _STYLE

    return widgets.HTML(_STYLE, layout=widgets.Layout(height="0px", margin="0"))


def role_explorer(sources=None, *, role="broker", top=10):
    """The role explorer widget; see :class:`RoleExplorer`.

    Parameters
    ----------
    sources : sequence of RoleSource, optional
        The networks to offer; by default :data:`DEFAULT_SOURCES` (the synthetic improvement
        community's knows and advice relations, and Zachary's karate club).
    role : str
        The role shown first.
    top : int
        The top share in per cent (5 to 30).
    """
    return RoleExplorer(sources, role=role, top=top)
