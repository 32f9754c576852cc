"""The partner organisations and how concentrated the ties are.

:func:`organisation_table` gives one row per organisation (its people, the workstreams they sit on,
how many other organisations it is linked to); :func:`tie_concentration` shows how much of a
network's ties involve its best-connected tenth.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

from .. import multiorg
from ..display import Readable
from ..errors import MeasureError
from ..weights import check_weights
from .reading import relation_pairs

__all__ = ["TieConcentration", "organisation_table", "tie_concentration"]


def organisation_table(net, affiliation="affiliated", ties="collaborates", membership="workstream_member"):
    """One row per partner organisation: its people, their workstreams, and its links to other partners.

    In words: ``people`` counts the organisation's affiliated people; ``workstreams`` counts the
    distinct workstreams at least one of them sits on; ``linked_organisations`` counts the other
    organisations it shares a person or a person-to-person tie with, and ``links`` adds those up
    (the ``weight`` of :func:`netlearn.multiorg.organisation_network`).

    Parameters
    ----------
    net : Network
    affiliation, ties : str
        As for :func:`netlearn.multiorg.organisation_network`.
    membership : str or None
        The person -> workstream relation; ``None`` (or a network without it) leaves out the
        ``workstreams`` column.

    Returns
    -------
    DataFrame
        Indexed by organisation id: ``name``, ``sector`` (when recorded), ``people``,
        ``workstreams``, ``linked_organisations``, ``links``; most linked first.

    Examples
    --------
    >>> import netlearn
    >>> table = organisation_table(netlearn.load_dataset("devon_stp"))
    >>> table.loc["hw_torbay", ["people", "workstreams", "linked_organisations", "links"]].tolist()
    [1, 1, 2, 2]

    Notes
    -----
    For a network leader: organisations with many links are where joint work already happens;
    those with one or two (often the voluntary sector and patient bodies) depend on a single
    relationship, and are the first to fall out of the conversation.
    """
    O = multiorg.organisation_network(net, affiliation, ties)
    names = net.names()
    streams_of = {}
    has_workstreams = membership is not None and membership in net.relation_names
    if has_workstreams:
        org_of = {}
        for person, org in relation_pairs(net, affiliation):
            org_of.setdefault(person, set()).add(org)
        for person, stream in relation_pairs(net, membership):
            for org in org_of.get(person, ()):
                streams_of.setdefault(org, set()).add(stream)
    rows = {}
    for org, data in O.nodes(data=True):
        row = {"name": names.get(org, org)}
        if "sector" in data:
            row["sector"] = data["sector"]
        row["people"] = int(data.get("people", 0))
        if has_workstreams:
            row["workstreams"] = len(streams_of.get(org, ()))
        row["linked_organisations"] = int(O.degree(org))
        row["links"] = int(O.degree(org, weight="weight"))
        rows[org] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "organisation"
    return table.sort_values(["linked_organisations", "links"], ascending=False, kind="stable")


# =========================================================================== how widely ties are spread


class TieConcentration(NamedTuple):
    """Result of :func:`tie_concentration`."""

    #: Share of the ties (or of their weight) that involve a member of the top group.
    share: float
    #: The share expected if the same ties joined members at random.
    expected_share: float
    #: 1 when ties are spread as evenly as chance would spread them, 0 when every tie involves the top.
    spread: float
    #: The top group's ids, best connected first.
    top: list
    #: Members counted.
    members: int
    #: Ties counted (self-ties left out).
    ties: int
    #: The result in plain words.
    interpretation: str

    def __str__(self):
        return self.interpretation

    def describe(self):
        return self.interpretation

    def analyst_detail(self):
        return {"share of ties involving the top group": f"{self.share:.3f}",
                "share expected by chance": f"{self.expected_share:.3f}",
                "spread (1 as even as chance, 0 all through the top)": f"{self.spread:.2f}",
                "members in the top group": str(len(self.top)),
                "members, ties counted": f"{self.members:,}, {self.ties:,}"}

    __repr__ = Readable.__repr__
    _repr_html_ = Readable._repr_html_


def tie_concentration(G, top=0.1, *, weight=None, direction="in"):
    """How much of a network's ties involve its best-connected few?

    In words: rank the members by their number of ties (for a directed network, by default, the
    ties they **receive** - the people others go to) and take the top ``top`` share of them, at least
    one member: ``k = ceil(top * n)``. The **share** is the fraction of all ties that involve a top
    member: for undirected ties, at either end; for directed ties, at the receiving end
    (``direction="in"``), the sending end (``"out"``) or either (``"all"``). With ``weight``, ties
    count by their weight.

    The share is compared with what chance would give if the same number of ties joined members at
    random: ``k / n`` at one end of a directed tie, ``1 - (n-k)(n-k-1) / (n(n-1))`` at either end.
    The **spread** rescales the share between the two extremes::

        spread = (1 - share) / (1 - expected_share), kept between 0 and 1

    1 means the ties are spread about as evenly as chance would spread them; 0 means every tie goes
    through the top group (a star).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        At least three members and one tie.
    top : float
        The share of members in the top group, between 0 and 1 (default 0.1, the top tenth).
    weight : str, optional
        An edge attribute to weight ties by (weights must not be negative).
    direction : {"in", "out", "all"}
        For directed networks: which end of a tie counts (default ``"in"``). Ignored otherwise.

    Returns
    -------
    TieConcentration
        ``share``, ``expected_share``, ``spread``, ``top`` (ids), ``members``, ``ties`` and a
        plain-words ``interpretation``.

    Raises
    ------
    MeasureError
        Fewer than three members, no ties, or negative weights.
    ValueError
        ``top`` outside 0..1 or an unknown ``direction``.

    Examples
    --------
    In a star every tie involves the centre; in a complete network the top member is in as many
    ties as chance would put them in (9 of 45):

    >>> import networkx as nx
    >>> star = tie_concentration(nx.star_graph(9))
    >>> star.top, star.share, round(star.expected_share, 2), star.spread
    ([0], 1.0, 0.2, 0.0)
    >>> tie_concentration(nx.complete_graph(10)).spread
    1.0

    Members with equal numbers of ties are taken in the order of their ids (as text), so the
    result is the same on every run.

    Notes
    -----
    For a network leader: Provan & Kenis (2008) suggest that shared governance works when trust is
    high and spread widely, and that a lead organisation suits trust concentrated on a few. Ties
    are not trust, but they show where relationships are: if most of them run through a tenth of
    the members, the network already behaves as if a few led it. Ask about trust directly when you
    can.

    Freeman's (1979) degree centralisation (:func:`netlearn.leadership.centralization`) answers a
    similar question by comparing everyone with the single best-connected member; this measure
    looks at a group, so one very central member does not decide the result alone.
    """
    if not isinstance(top, (int, float)) or isinstance(top, bool) or not 0 < top < 1:
        raise ValueError(f"top must be a share between 0 and 1 (0.1 for the top tenth); got {top!r}.")
    if direction not in ("in", "out", "all"):
        raise ValueError(f"direction must be 'in', 'out' or 'all'; got {direction!r}.")
    n = G.number_of_nodes()
    if n < 3:
        raise MeasureError(f"tie_concentration needs at least three members; this network has {n}. With two, "
                           "every tie involves the best-connected member, so there is nothing to compare.")
    check_weights(G, weight, what="tie_concentration", sign="non-negative")  # a missing weight is reported
    directed = G.is_directed()
    edges = [(u, v, _edge_weight(d, weight)) for u, v, d in G.edges(data=True) if u != v]
    total = sum(w for _, _, w in edges)
    if not edges or total == 0:
        raise MeasureError("The network has no ties (or all their weights are 0), so there is nothing to be "
                           "spread or concentrated.")
    one_end = directed and direction != "all"
    # Leave at least one member (one end) or two members (either end) outside the top group, so that
    # some tie could avoid it.
    k = min(max(1, math.ceil(top * n - 1e-9)), n - 1 if one_end else n - 2)
    score = dict.fromkeys(G.nodes, 0.0)
    for u, v, w in edges:
        if not one_end or direction == "out":
            score[u] += w
        if not one_end or direction == "in":
            score[v] += w
    ranked = sorted(G.nodes, key=lambda m: (-score[m], str(m)))
    chosen = set(ranked[:k])
    if one_end:
        end = 1 if direction == "in" else 0
        hit = sum(w for *pair, w in edges if pair[end] in chosen)
        expected = k / n
    else:
        hit = sum(w for u, v, w in edges if u in chosen or v in chosen)
        expected = 1 - (n - k) * (n - k - 1) / (n * (n - 1))
    share = hit / total
    spread = min(1.0, max(0.0, (1 - share) / (1 - expected)))
    text = _concentration_words(share, expected, spread, k, n, directed and direction == "in")
    return TieConcentration(float(share), float(expected), float(spread), ranked[:k], n, len(edges), text)


def _edge_weight(data, weight):
    if weight is None:
        return 1.0
    value = data.get(weight, 1.0)
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise MeasureError(f"The tie weight {value!r} (attribute {weight!r}) is not a number.") from None
    if value < 0:
        raise MeasureError(f"A tie has a negative {weight!r} ({value:g}); tie_concentration adds weights up, so "
                           "they must be 0 or more. Use weight=None to count ties instead.")
    return value


def _concentration_words(share, expected, spread, k, n, received):
    who = f"the top {k} of {n} members" if k > 1 else f"the best-connected of {n} members"
    verb = "receive" if received else "are in"
    if spread >= 0.75:
        words = "spread widely"
    elif spread >= 0.4:
        words = "moderately concentrated"
    else:
        words = "concentrated on a few"
    return (f"{who.capitalize()} {verb} {share:.0%} of the ties; if ties were placed at random it would be about "
            f"{expected:.0%}. Spread = {spread:.2f} (1 = as even as chance, 0 = everything through them): "
            f"ties are {words}.")
