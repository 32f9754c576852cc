"""Network weaving: introducing people so that a network relies less on one hub.

Krebs & Holley (2006) describe how a community network often grows: scattered clusters, then a
single *hub and spokes* when one person pulls the clusters together, then *several hubs* as
others take on the connecting, and finally a *core and periphery*: a dense core of people who
know each other well, with looser ties out to newcomers and to other communities. A *network
weaver* moves a network along that path on purpose, chiefly by introducing people who should know
each other (Holley 2012). The first weaver is often the hub, and part of the work is handing the
hub's role on.

* :func:`hub_dependence` - how far members rely on one hub to reach each other: the share of
  shortest routes between other members that pass through the hub (``kind="routes"``), or the
  share of connected pairs that would be cut off without the hub (``kind="reach"``).
* :func:`introduce` - a copy of the network with introductions made (a new tie for each pair).
* :func:`triangle_closing_introductions` - pairs of a weaver's contacts who are not yet tied,
  ranked by how far each introduction would lower the network's dependence on the hub.
* :func:`weaving_plan` - several introductions in turn, each the best next one: a hub handing on
  its role, step by step.

Distances count steps; weights are ignored. In a directed network, routes follow the ties'
directions and an introduction adds a tie each way.

>>> import networkx as nx
>>> star = nx.star_graph(4)              # member 0 and four contacts who do not know each other
>>> hub_dependence(star, 0)
1.0
>>> round(hub_dependence(introduce(star, [(1, 2)]), 0), 4)   # one triangle closed: 5 of 6 pairs
0.8333
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .errors import MeasureError
from .fastgraph import check_graph, check_members

__all__ = ["KINDS", "hub_dependence", "introduce", "triangle_closing_introductions", "weaving_plan"]

#: The two kinds of dependence :func:`hub_dependence` measures.
KINDS = ("routes", "reach")


# --------------------------------------------------------------------------- measuring dependence


def _reachable_pairs(G, hub):
    """Pairs of members other than ``hub`` in which the first can reach the second.

    Unordered pairs in an undirected network, ordered pairs in a directed one.
    """
    if G.is_directed():
        return sum(len(nx.descendants(G, s) - {hub}) for s in G if s != hub)
    total = 0
    for component in nx.connected_components(G):
        m = len(component) - (hub in component)
        total += m * (m - 1) // 2
    return total


def _check_kind(kind):
    if kind not in KINDS:
        raise MeasureError(f"kind must be 'routes' or 'reach', not {kind!r}: 'routes' is the share of shortest "
                           "routes that pass through the hub, 'reach' the share of pairs cut off without the hub.")


def hub_dependence(G, hub, *, kind="routes"):
    """How far the other members rely on ``hub`` to reach each other (0 to 1).

    Let ``P`` be the pairs of members other than the hub in which the first can reach the second
    (unordered pairs in an undirected network, ordered pairs following directions in a directed
    one). Then

    * ``kind="routes"`` (default): ``D = (1/|P|) * sum over (s, t) in P of sigma_st(hub) / sigma_st``,
      where ``sigma_st`` counts the shortest paths from ``s`` to ``t`` and ``sigma_st(hub)`` those
      that pass through the hub. This is Freeman's (1977) betweenness of the hub divided by the
      number of pairs that are connected at all; on a connected network it equals the normalised
      betweenness, computed with Brandes' (2001) algorithm through networkx. It also equals
      :func:`netlearn.leadership.reliance_on_formal_leaders` ``(G, [hub]).path_share``.
    * ``kind="reach"``: ``D = |{(s, t) in P : s cannot reach t once the hub is gone}| / |P|``, the
      share of connected pairs that the hub's absence would cut off.

    Both are 1 for a star (the contacts reach each other only through the hub) and 0 when no
    pair needs the hub; ``routes`` also counts pairs that have a way round, but a longer one.
    With no connected pair at all, the dependence is 0.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    hub : member id
    kind : {"routes", "reach"}, optional

    Returns
    -------
    float

    Examples
    --------
    A hub with four contacts, two of whom (1 and 2) also know each other, and 3 who knows 2:
    of the 6 pairs of contacts, 1-2 and 2-3 are tied, 1-3 has two shortest routes (one through the
    hub, one through 2), and the three pairs with 4 need the hub.

    >>> import networkx as nx
    >>> G = nx.star_graph(4)
    >>> G.add_edges_from([(1, 2), (2, 3)])
    >>> hub_dependence(G, 0)                   # (0 + 0 + 1/2 + 1 + 1 + 1) / 6
    0.5833333333333334
    >>> hub_dependence(G, 0, kind="reach")     # 1-4, 2-4, 3-4 are cut off without the hub
    0.5

    Notes
    -----
    For a network leader: a value near 1 means the hub is the network's switchboard; everything
    passes through them, which is quick while they are there and a bottleneck or a break when
    they are not. Weaving (introducing the hub's contacts to each other) brings it down.
    """
    check_graph(G, what="hub_dependence")
    hub = check_members(G, hub, role="hub")[0]
    _check_kind(kind)
    pairs = _reachable_pairs(G, hub)
    if pairs == 0:
        return 0.0
    if kind == "routes":
        through = nx.betweenness_centrality(G, normalized=False)[hub]
        return float(through / pairs)
    without = G.copy()
    without.remove_node(hub)
    return float((pairs - _reachable_pairs(without, hub)) / pairs)


# --------------------------------------------------------------------------- introductions


def introduce(G, introductions):
    """A copy of ``G`` with each introduction ``(a, b)`` made: a tie between a and b.

    In a directed network an introduction adds a tie each way. ``G`` itself is not changed.

    >>> import networkx as nx
    >>> sorted(introduce(nx.path_graph(3), [(0, 2)]).edges)
    [(0, 1), (0, 2), (1, 2)]
    """
    check_graph(G, what="introduce")
    H = G.copy()
    for pair in introductions:
        pair = list(pair)
        if len(pair) != 2 or pair[0] == pair[1]:
            raise MeasureError(f"An introduction needs two different people, such as ('q001', 'q002'); "
                               f"it was given {pair!r}.")
        a, b = check_members(G, pair, role="person to introduce")
        H.add_edge(a, b)
        if H.is_directed():
            H.add_edge(b, a)
    return H


def _sorted_members(G):
    """Members sorted by id (as text when ids of different kinds cannot be compared): an order that does
    not depend on how the graph was built, so ties are broken the same way in every session."""
    try:
        return sorted(G)
    except TypeError:
        return sorted(G, key=str)


def _contacts(G, member):
    if G.is_directed():
        return set(G.predecessors(member)) | set(G.successors(member))
    return set(G.neighbors(member))


def triangle_closing_introductions(G, weaver, k=None, *, hub=None, kind="routes"):
    """Introductions a weaver could make between their own contacts, best first.

    Each candidate is a pair of the weaver's contacts with no tie between them (in either
    direction): introducing them closes a triangle with the weaver. For each, the network's
    :func:`hub_dependence` on ``hub`` is computed after the introduction. Candidates are ranked
    by that dependence, lowest first; among equals, the pair with more contacts in common comes
    first (``shared_contacts``, networkx's ``common_neighbors`` ignoring directions, the simplest
    link-prediction score: a sign that the two have common ground), then by member id.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    weaver : member id
        Whose contacts are introduced to each other.
    k : int, optional
        How many to return (all by default).
    hub : member id, optional
        Whose role the introductions should lighten; the weaver by default (a hub handing on
        its role).
    kind : {"routes", "reach"}, optional
        Passed to :func:`hub_dependence`.

    Returns
    -------
    pandas.DataFrame
        One row per candidate (index 1, 2, ...): ``member_a``, ``member_b``, ``dependence_after``,
        ``lowered_by`` (the dependence before minus after) and ``shared_contacts``. The
        dependence before is in ``.attrs["dependence_before"]``.

    Examples
    --------
    A weaver (0) tied to 1, 2 and 3, where 3 also knows 4. Introducing 1 or 2 to 3 gives them a
    route to 4 that avoids the weaver, so those come first:

    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (0, 2), (0, 3), (3, 4)])
    >>> table = triangle_closing_introductions(G, 0)
    >>> table[["member_a", "member_b", "dependence_after"]].round(3)
       member_a  member_b  dependence_after
    1         1         3             0.500
    2         2         3             0.500
    3         1         2             0.667
    >>> round(table.attrs["dependence_before"], 3)     # 5 of the 6 pairs of contacts need the weaver
    0.833
    """
    check_graph(G, what="triangle_closing_introductions")
    weaver = check_members(G, weaver, role="weaver")[0]
    hub = weaver if hub is None else check_members(G, hub, role="hub")[0]
    _check_kind(kind)
    if k is not None and (not isinstance(k, int) or isinstance(k, bool) or k < 1):
        raise MeasureError(f"k is how many introductions to list: a whole number of 1 or more, not {k!r}.")
    order = {member: i for i, member in enumerate(_sorted_members(G))}
    contacts = sorted(_contacts(G, weaver) - {weaver}, key=order.get)
    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    before = hub_dependence(G, hub, kind=kind)
    rows = []
    for a, b in nx.non_edges(undirected.subgraph(contacts)):
        a, b = sorted((a, b), key=order.get)
        after = hub_dependence(introduce(G, [(a, b)]), hub, kind=kind)
        shared = sum(1 for _ in nx.common_neighbors(undirected, a, b))
        rows.append({"member_a": a, "member_b": b, "dependence_after": after, "lowered_by": before - after,
                     "shared_contacts": shared, "_order": (order[a], order[b])})
    rows.sort(key=lambda row: (round(row["dependence_after"], 12), -row["shared_contacts"], row["_order"]))
    table = pd.DataFrame(rows[:k] if k is not None else rows,
                         columns=["member_a", "member_b", "dependence_after", "lowered_by", "shared_contacts",
                                  "_order"]).drop(columns="_order")
    table.index = pd.RangeIndex(1, len(table) + 1)
    table.attrs.update({"weaver": weaver, "hub": hub, "kind": kind, "dependence_before": before})
    return table


def weaving_plan(G, weaver, steps=3, *, hub=None, kind="routes"):
    """Several introductions in turn, each the best next one by :func:`triangle_closing_introductions`.

    After each introduction the network changes, so the next best one is found on the changed
    network (a greedy plan: good, not guaranteed the best set of ``steps`` introductions).

    Returns
    -------
    (pandas.DataFrame, networkx.Graph)
        The plan (one row per step, index 1, 2, ...: ``member_a``, ``member_b``,
        ``dependence_after``), with the dependence before any step in ``.attrs["dependence_before"]``;
        and the network after the plan. The plan stops early when no pair of contacts is left.

    Examples
    --------
    >>> import networkx as nx
    >>> plan, woven = weaving_plan(nx.star_graph(3), 0, steps=2)
    >>> list(zip(plan["member_a"], plan["member_b"])), plan["dependence_after"].round(3).tolist()
    ([(1, 2), (1, 3)], [0.667, 0.167])

    After 1-2, the pairs 1-3 and 2-3 still need the hub (2 of 3 pairs); after 1-3 as well, only
    2-3 does, and half of its shortest routes go through 1 instead (0.5 of 3 pairs).
    """
    check_graph(G, what="weaving_plan")
    if not isinstance(steps, int) or isinstance(steps, bool) or steps < 1:
        raise MeasureError(f"steps is how many introductions to plan: a whole number of 1 or more, not {steps!r}.")
    current = G
    rows = []
    before = None
    for _ in range(steps):
        options = triangle_closing_introductions(current, weaver, k=1, hub=hub, kind=kind)
        if before is None:
            before = options.attrs["dependence_before"]
        if options.empty:
            break
        a, b = options.at[1, "member_a"], options.at[1, "member_b"]
        current = introduce(current, [(a, b)])
        rows.append({"member_a": a, "member_b": b, "dependence_after": float(options.at[1, "dependence_after"])})
    plan = pd.DataFrame(rows, columns=["member_a", "member_b", "dependence_after"])
    plan.index = pd.RangeIndex(1, len(plan) + 1)
    plan.attrs.update({"dependence_before": before, "weaver": weaver})
    return plan, current
