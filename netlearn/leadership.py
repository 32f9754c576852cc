"""Is leadership in the network shared or concentrated, and what happens if key people leave?

Network *management* runs through the formal structure: a chair, a programme lead, a
steering group. Network *leadership* is spread through the ties people choose for themselves.
These measures ask how far a network depends on a few people:

* :func:`centralization` - Freeman's (1979) centralisation: how close the network is to a star.
* :func:`shared_leadership` - density and in-degree centralisation of a leadership network
  (Carson, Tesluk & Marrone 2007; Mehra et al. 2006).
* :func:`reliance_on_formal_leaders` - the course's own measure of how much of the network's
  connectivity runs through its formal leaders.
* :func:`what_if_removed` - a before/after table when people are taken out of the network.
* :func:`reciprocity` - how many ties are returned, overall or per member.

>>> import networkx as nx
>>> round(centralization(nx.star_graph(5)), 3), round(centralization(nx.complete_graph(6)), 3)
(1.0, 0.0)
"""

from __future__ import annotations

from collections import deque
from typing import NamedTuple

import networkx as nx
import pandas as pd

from .display import Readable
from .fastgraph import MeasureError, betweenness, check_graph, check_members
from .values import is_missing
from .weights import check_weights

__all__ = ["centralization", "shared_leadership", "SharedLeadership", "reliance_on_formal_leaders",
           "Reliance", "what_if_removed", "reciprocity"]

MEASURES = ("degree", "betweenness", "closeness")


# --------------------------------------------------------------------------- centralization


def centralization(G, measure="degree", *, mode=None, backend="auto"):
    """Freeman's centralisation: how far the network is from having everyone equally central.

    Take each member's centrality score, find the highest, and add up how far every member falls
    short of it. Divide by the largest that sum can be for a network of the same size, which is
    reached by a star (one member tied to everyone, nobody else tied). The result is 1 for a star
    and 0 when everybody scores the same, as in a complete network or a cycle.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        At least 3 members (a star needs a centre and two others). Weights are ignored.
    measure : {"degree", "betweenness", "closeness"}, optional
    mode : {"in", "out", "all"}, optional
        For degree in a directed network: ``"in"`` (the default - ties received, e.g. how many
        name someone as a leader), ``"out"`` (ties sent) or ``"all"`` (both added, a returned tie
        counting twice). Ignored for undirected networks. Betweenness follows the directions of a
        directed network; closeness ignores them (``mode="all"``, see below).
    backend : {"auto", "networkx", "igraph"}, optional
        How betweenness is computed, exactly either way (see :mod:`netlearn.fastgraph`).

    Returns
    -------
    float
        Between 0 and 1.

    Notes
    -----
    The scores and maxima are those of igraph's C library (``igraph_centralization_degree``,
    ``_betweenness`` and ``_closeness`` with self-ties not counted and normalised=true):

    ===========  ====================================  ==========================================
    measure      score of each member                  largest possible sum (``n`` members)
    ===========  ====================================  ==========================================
    degree       number of contacts                    ``(n-1)(n-2)``
                 directed, in or out                   ``(n-1)**2``
                 directed, all                         ``2(n-1)(n-2)``
    betweenness  shortest paths through them (pairs    ``(n-1)**2 (n-2) / 2``;
                 counted once; not normalised)         directed: ``(n-1)**2 (n-2)``
    closeness    ``(n-1) /`` sum of distances          ``(n-1)(n-2) / (2n-3)``
    ===========  ====================================  ==========================================

    A network of fewer than 3 members raises :class:`~netlearn.fastgraph.MeasureError`: the
    largest possible sum is 0 there (no star can form), so there is nothing to divide by. A network
    with members but no ties gives 0 (everyone equally central).

    Closeness centralisation needs every member to reach every other, so it raises an error for
    a network in pieces (compute it on the largest component instead). For a directed network it
    treats ties as undirected: with directions, a star is not even connected, and no maximum is
    agreed in the literature.

    For a network leader, high centralisation means the network hangs on one or two people:
    efficient for quick decisions, fragile if they leave, and a sign that leadership is not
    (yet) distributed.

    Examples
    --------
    >>> import networkx as nx
    >>> round(centralization(nx.path_graph(5), "betweenness"), 4)  # (4 + 1 + 0 + 1 + 4) / 24
    0.4167
    >>> round(centralization(nx.krackhardt_kite_graph(), "degree"), 4)  # Diane has 6 ties
    0.3333

    References
    ----------
    Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
    Social Networks 1, 215-239.
    """
    check_graph(G, what="Centralization", min_members=3)
    if measure not in MEASURES:
        raise MeasureError(f"measure must be one of {', '.join(MEASURES)}; got {measure!r}.")
    scores, tmax = _centralization_scores(G, measure, mode, backend)
    best = max(scores)
    value = sum(best - s for s in scores) / tmax
    if -1e-12 < value < 0 or 1 < value < 1 + 1e-12:  # rounding error only
        value = min(max(value, 0.0), 1.0)
    return float(value)


def _centralization_scores(G, measure, mode, backend="auto"):
    n = G.number_of_nodes()
    directed = G.is_directed()
    if measure == "degree":
        if not directed:
            return [len(set(G[v]) - {v}) for v in G], (n - 1) * (n - 2)
        mode = "in" if mode is None else mode
        if mode not in ("in", "out", "all"):
            raise MeasureError(f"mode must be 'in', 'out' or 'all' for degree; got {mode!r}.")
        indeg = [len(set(G.predecessors(v)) - {v}) for v in G]
        outdeg = [len(set(G.successors(v)) - {v}) for v in G]
        if mode == "all":
            return [a + b for a, b in zip(indeg, outdeg)], 2 * (n - 1) * (n - 2)
        return (indeg if mode == "in" else outdeg), (n - 1) ** 2
    if measure == "betweenness":
        if mode is not None:
            raise MeasureError("mode applies to degree (and closeness, where only 'all' is possible); "
                               "betweenness follows the ties' directions.")
        raw = betweenness(G, normalized=False, backend=backend)
        tmax = (n - 1) ** 2 * (n - 2) if directed else (n - 1) ** 2 * (n - 2) / 2
        return list(raw.values()), tmax
    if mode not in (None, "all"):
        raise MeasureError("Closeness centralisation ignores tie directions (mode='all'): with directions a "
                           "star is not connected, so there is no agreed maximum to divide by.")
    H = G.to_undirected(as_view=True) if directed else G
    if not nx.is_connected(H):
        raise MeasureError("Closeness centralisation needs a connected network (everyone reachable), but this "
                           f"one is in {nx.number_connected_components(H)} pieces. Use the largest piece: "
                           "G.subgraph(max(nx.connected_components(G), key=len)).")
    scores = nx.closeness_centrality(H)
    return list(scores.values()), (n - 1) * (n - 2) / (2 * n - 3)


# --------------------------------------------------------------------------- shared leadership


class SharedLeadership(NamedTuple):
    """Result of :func:`shared_leadership`."""

    #: Nominations made divided by nominations possible, n(n-1) (with weights: sum of ratings).
    density: float
    #: Freeman in-degree centralisation of the nominations (1: all name one person).
    in_degree_centralization: float
    #: Number of members.
    members: int
    #: Number of nominations (ties), self-nominations left out.
    nominations: int

    def describe(self):
        """How widely leadership is shared, in words (the density itself is in the analyst detail)."""
        possible = self.members * (self.members - 1)
        c = self.in_degree_centralization
        if c >= 0.5:
            focus = "so leadership is held by one person or a very few"
        elif c >= 0.2:
            focus = "so nominations lean towards a few members, with some spread"
        else:
            focus = "so leadership is widely shared"
        return (f"{self.members} members made {self.nominations:,} leadership nominations, "
                f"{self.nominations / possible:.1%} of the {possible:,} possible. Centralisation is "
                f"{c:.2f} (1 would mean everyone names the same person), {focus}.")

    def analyst_detail(self):
        return {"density (nominations made / possible, or mean rating with weights)": f"{self.density:.3f}",
                "in-degree centralization (Freeman)": f"{self.in_degree_centralization:.3f}"}

    __repr__ = Readable.__repr__
    _repr_html_ = Readable._repr_html_


def shared_leadership(G, weight=None):
    """How widely leadership is shared: density and in-degree centralisation of leadership ties.

    In a leadership network a tie ``a -> b`` means *a looks to b for leadership*. Its **density**
    - the nominations made divided by the ``n(n-1)`` that are possible - is Carson, Tesluk &
    Marrone's (2007) measure of shared leadership: the more people are seen as leaders by more
    colleagues, the more leadership is shared. Density alone cannot tell a network where one
    person is named by everybody from one where many are named by a few, so the in-degree
    **centralisation** (Freeman 1979; see :func:`centralization`) is reported beside it. Mehra,
    Smith, Dixon & Robertson (2006) found that distributed leadership as such was not
    significantly related to team performance, while the way the leaders' ties were arranged
    did matter: density alone is not the whole story.

    Parameters
    ----------
    G : networkx.DiGraph
        Leadership nominations; at least 3 members. Self-nominations are left out.
    weight : str, optional
        Tie attribute holding a rating (as in Carson et al., who asked how much each member relied
        on each other member for leadership); density is then the sum of ratings divided by
        ``n(n-1)`` and is on the rating's scale. Ratings must not be negative, and every tie needs
        one (a tie without a rating is reported, not counted as 1).

    Returns
    -------
    SharedLeadership
        ``density``, ``in_degree_centralization``, ``members``, ``nominations``.

    Examples
    --------
    Four people all look to Ann, and nobody else is named:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("bo", "ann"), ("cy", "ann"), ("dev", "ann"), ("eve", "ann")])
    >>> result = shared_leadership(G)
    >>> result.density, result.in_degree_centralization
    (0.2, 1.0)

    Notes
    -----
    For a network leader, low density with high centralisation describes leadership held by
    one person; high density with low centralization describes leadership that many members
    exercise for each other - the aim of a network that leads rather than is managed.

    References
    ----------
    Carson, J. B., Tesluk, P. E. & Marrone, J. A. (2007). Shared leadership in teams: an
    investigation of antecedent conditions and performance. Academy of Management Journal 50(5),
    1217-1234.
    Mehra, A., Smith, B. R., Dixon, A. L. & Robertson, B. (2006). Distributed leadership in teams:
    the network of leadership perceptions and team performance. The Leadership Quarterly 17(3),
    232-245.
    """
    check_graph(G, what="Shared leadership", min_members=3, directed=True)
    n = G.number_of_nodes()
    ties = [(u, v, d) for u, v, d in G.edges(data=True) if u != v]
    if weight is None:
        total = float(len(ties))
    else:
        check_weights(G, weight, what="Shared leadership", sign="non-negative")
        total = float(sum(d[weight] for _, _, d in ties))
    return SharedLeadership(density=total / (n * (n - 1)),
                            in_degree_centralization=centralization(G, "degree", mode="in"),
                            members=n, nominations=len(ties))


# --------------------------------------------------------------------------- reliance


class Reliance(NamedTuple):
    """Result of :func:`reliance_on_formal_leaders`."""

    #: Share of shortest paths between other members that pass through a formal leader.
    path_share: float
    #: Drop in efficiency among other members when the formal leaders are taken out.
    efficiency_drop: float
    #: The formal leaders used.
    leaders: list
    #: Ordered pairs of other members that can reach each other (what path_share averages over).
    pairs: int

    def describe(self):
        """Reliance in words: routes through the formal leaders, and what losing them would cost."""
        who = "the formal leader" if len(self.leaders) == 1 else f"the {len(self.leaders)} formal leaders"
        return (f"{self.path_share:.0%} of the shortest routes between other members run through {who}. "
                f"Without {'them' if len(self.leaders) != 1 else 'that person'}, the rest of the network would "
                f"be {self.efficiency_drop:.0%} less efficient at passing things on (0% no difference, 100% "
                "nobody could reach anybody).")

    def analyst_detail(self):
        return {"share of shortest paths through the leaders": f"{self.path_share:.3f}",
                "drop in global efficiency": f"{self.efficiency_drop:.3f}",
                "pairs of other members counted": f"{self.pairs:,}"}

    __repr__ = Readable.__repr__
    _repr_html_ = Readable._repr_html_


def reliance_on_formal_leaders(G, leaders=None, attribute="formal_leader"):
    """How much of the network's connectivity runs through its formal leaders (the course's own measure).

    **This is a measure made for this course**, not a published standard. It combines two
    published ideas - group betweenness (Everett & Borgatti 1999) and global efficiency
    (Latora & Marchiori 2001) - and applies both to the formal leaders as a group. Call the
    formal leaders ``L`` and everyone else the *other members*.

    * ``path_share``: for every ordered pair of other members ``(s, t)`` such that ``s`` can reach
      ``t``, take the share of the shortest paths from ``s`` to ``t`` that pass through at least
      one formal leader; ``path_share`` is the average of those shares. It is 1 when other members
      can only reach each other through a leader (a star with the leader at the centre), and 0
      when no shortest path needs a leader. On a connected network it equals networkx's
      normalised ``group_betweenness_centrality`` of ``L``.
    * ``efficiency_drop``: the efficiency among other members is the average of ``1 / distance``
      over their ordered pairs (0 for pairs that cannot reach each other). ``efficiency_drop`` is
      ``1 - (efficiency without L) / (efficiency with L)``: 1 if taking the leaders out leaves
      everyone else disconnected, 0 if nobody's distances change.

    Both lie in [0, 1]. Distances count steps (weights are ignored); in a directed network, paths
    follow the ties' directions.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    leaders : iterable of member ids, optional
        The formal leaders. By default, members whose ``attribute`` is true (``True``, or the text
        ``yes``/``true``/``1``).
    attribute : str, optional
        Member attribute marking formal leaders when ``leaders`` is not given.

    Returns
    -------
    Reliance
        ``path_share``, ``efficiency_drop``, ``leaders`` (list) and ``pairs``.

    Examples
    --------
    A cycle of five with one leader: of the 6 pairs of other members only the two neighbours of
    the leader need the leader, and removing the leader only stretches their distance from 2 to 3:

    >>> import networkx as nx
    >>> result = reliance_on_formal_leaders(nx.cycle_graph(5), leaders=[0])
    >>> round(result.path_share, 4), round(result.efficiency_drop, 4)
    (0.1667, 0.037)

    Notes
    -----
    For a network leader, a high ``path_share`` means that the network is, in practice, managed
    through its formal leaders: other members rarely reach each other directly. Distributed
    leadership shows as a low share and a small efficiency drop: the network would carry on if
    the formal leaders stepped back. It is computed with a breadth-first search from every other
    member, which suits networks of up to a few thousand members.

    References
    ----------
    Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups and classes. Journal of
    Mathematical Sociology 23(3), 181-201.
    Latora, V. & Marchiori, M. (2001). Efficient behavior of small-world networks. Physical Review
    Letters 87(19), 198701.
    """
    check_graph(G, what="Reliance on formal leaders", min_members=3)
    chosen = _formal_leaders(G, leaders, attribute)
    blocked = set(chosen)
    others = [v for v in G if v not in blocked]
    if len(others) < 2:
        raise MeasureError(f"Reliance needs at least two members who are not formal leaders; this network has "
                           f"{len(others)}.")
    adjacency = G.succ if G.is_directed() else G.adj
    pairs = 0
    through = 0.0
    before = after = 0.0
    for s in others:
        dist, sigma = _shortest_path_counts(adjacency, s, ())
        dist_out, sigma_out = _shortest_path_counts(adjacency, s, blocked)
        for t, d in dist.items():
            if t == s or t in blocked:
                continue
            pairs += 1
            kept = dist_out.get(t)
            avoiding = sigma_out[t] / sigma[t] if kept == d else 0.0
            through += 1.0 - avoiding
            before += 1.0 / d
            if kept is not None:
                after += 1.0 / kept
    if pairs == 0:
        raise MeasureError("No two members other than the formal leaders are connected, so there is no path "
                           "to measure.")
    return Reliance(path_share=through / pairs, efficiency_drop=1.0 - after / before,
                    leaders=chosen, pairs=pairs)


def _shortest_path_counts(adjacency, source, blocked):
    """Distances from ``source`` and numbers of shortest paths, never stepping on ``blocked``."""
    dist = {source: 0}
    sigma = {source: 1}
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for w in adjacency[u]:
            if w in blocked:
                continue
            if w not in dist:
                dist[w] = dist[u] + 1
                sigma[w] = 0
                queue.append(w)
            if dist[w] == dist[u] + 1:
                sigma[w] += sigma[u]
    return dist, sigma


_TRUE_TEXT = {"yes", "true", "1", "y"}


def _formal_leaders(G, leaders, attribute):
    if leaders is not None:
        chosen = check_members(G, leaders, role="formal leader")
    else:
        values = {v: d.get(attribute) for v, d in G.nodes(data=True)}
        if all(is_missing(x) for x in values.values()):
            existing = sorted({k for _, d in G.nodes(data=True) for k in d})
            raise MeasureError(f"No member has the attribute '{attribute}', so the formal leaders are unknown. "
                               f"Pass leaders=[...] or name another attribute; members have: "
                               f"{', '.join(existing) if existing else 'no attributes'}.")
        chosen = [v for v, x in values.items()
                  if x is True or (isinstance(x, str) and x.strip().lower() in _TRUE_TEXT)
                  or (isinstance(x, (int, float)) and not isinstance(x, bool) and x == 1)]
    if not chosen:
        raise MeasureError(f"Nobody is marked as a formal leader (attribute '{attribute}'). Pass leaders=[...].")
    return chosen


# --------------------------------------------------------------------------- what if removed


def what_if_removed(G, members):
    """Take people out of the network and compare its connectivity before and after.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    members : member id or iterable of member ids
        Who to take out, e.g. the formal leader.

    Returns
    -------
    pandas.DataFrame
        One row per measure, columns ``before`` and ``after``:

        * ``members`` and ``ties``;
        * ``components`` - separate pieces (in a directed network, pieces when directions are
          ignored);
        * ``outside the largest component`` - how many people are not in the biggest piece, and
          ``who is outside the largest component`` - their ids (a list; when several pieces are
          equally big, the biggest is the one holding the member listed first in ``G``);
        * ``newly cut off`` (after only) - people who were in the biggest piece before and are not
          after: those the removal cuts off;
        * ``average reachability`` - share of ordered pairs of members in which the first can
          reach the second (following directions in a directed network);
        * ``global efficiency`` - the average of ``1 / distance`` over ordered pairs (0 when one
          cannot reach the other); for undirected networks this is ``nx.global_efficiency``
          (Latora & Marchiori 2001), for directed ones the same formula with directed distances;
        * ``degree centralization`` - see :func:`centralization` (in-degree in a directed network).

        Reachability and efficiency are ``None`` for fewer than 2 members, centralisation for
        fewer than 3: they are not defined there.

    Examples
    --------
    >>> import networkx as nx
    >>> table = what_if_removed(nx.star_graph(3), 0)
    >>> table.loc[["components", "average reachability", "newly cut off"]]
                         before      after
    components                1          3
    average reachability    1.0        0.0
    newly cut off            []  [2, 3]

    Notes
    -----
    For a network leader, this is the quickest test of resilience: if taking out one person
    splits the network or sharply lowers efficiency, the network depends on them, and building
    ties around them is a priority.
    """
    check_graph(G, what="what_if_removed")
    removed = check_members(G, members, role="person to remove")
    H = G.copy()
    H.remove_nodes_from(removed)
    before, after = _connectivity(G), _connectivity(H)
    largest_before = set(G) - set(before["who is outside the largest component"])
    after["newly cut off"] = [v for v in after["who is outside the largest component"] if v in largest_before]
    before["newly cut off"] = []
    table = pd.DataFrame({"before": pd.Series(before, dtype=object), "after": pd.Series(after, dtype=object)})
    order = ["members", "ties", "components", "outside the largest component", "who is outside the largest component",
             "newly cut off", "average reachability", "global efficiency", "degree centralization"]
    table = table.loc[order]
    table.attrs["removed"] = removed
    return table


def _connectivity(H):
    n = H.number_of_nodes()
    pieces = list(nx.weakly_connected_components(H) if H.is_directed() else nx.connected_components(H))
    order = {v: i for i, v in enumerate(H)}
    largest = max(pieces, key=lambda c: (len(c), -min(order[v] for v in c))) if pieces else set()
    outside = [v for v in H if v not in largest]
    summary = {"members": n, "ties": H.number_of_edges(), "components": len(pieces),
               "outside the largest component": len(outside), "who is outside the largest component": outside}
    if n < 2:
        summary["average reachability"] = None
        summary["global efficiency"] = None
    else:
        reach, inverse = 0, 0.0
        adjacency = H.succ if H.is_directed() else H.adj
        for s in H:
            dist, _ = _shortest_path_counts(adjacency, s, ())
            reach += len(dist) - 1
            inverse += sum(1.0 / d for t, d in dist.items() if t != s)
        summary["average reachability"] = reach / (n * (n - 1))
        summary["global efficiency"] = inverse / (n * (n - 1))
    summary["degree centralization"] = centralization(H, "degree") if n >= 3 else None
    return summary


# --------------------------------------------------------------------------- reciprocity


def reciprocity(G, per_member=False):
    """Share of ties that are returned, for the whole network or for each member.

    Overall reciprocity is the number of ties ``a -> b`` for which ``b -> a`` also exists, divided
    by the number of ties (networkx's ``overall_reciprocity``). A member's reciprocity is the
    share of the ties they send or receive that are matched by a tie the other way
    (``2 * mutual / (sent + received)``, as networkx's ``reciprocity`` for a node). Self-ties are
    left out.

    Parameters
    ----------
    G : networkx.DiGraph
        A directed relation, e.g. advice or leadership nominations.
    per_member : bool, optional
        Return a table with one row per member instead of one number.

    Returns
    -------
    float or pandas.DataFrame
        The overall share in [0, 1]; or, per member, columns ``sent``, ``received``, ``mutual``
        (contacts with ties both ways) and ``reciprocity``. A member with no ties has no
        reciprocity: the cell is missing (NaN), as networkx refuses to compute it for them.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("ann", "bo"), ("bo", "ann"), ("bo", "cy")])
    >>> round(reciprocity(G), 3)
    0.667
    >>> reciprocity(G, per_member=True)["reciprocity"].round(3).tolist()
    [1.0, 0.667, 0.0]

    Notes
    -----
    For a network leader, reciprocated advice and leadership ties point to mutual trust and
    peer relationships; a network of one-way ties to a few people is a hierarchy, whatever the
    organisation chart says.

    References
    ----------
    Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications, ch. 13.
    Cambridge UP.
    """
    check_graph(G, what="Reciprocity", directed=True)
    ties = [(u, v) for u, v in G.edges() if u != v]
    if not per_member:
        if not ties:
            raise MeasureError("Reciprocity is the share of ties that are returned, and this network has no ties.")
        mutual = sum(1 for u, v in ties if G.has_edge(v, u))
        return mutual / len(ties)
    rows = []
    for v in G:
        sent = set(G.successors(v)) - {v}
        received = set(G.predecessors(v)) - {v}
        both = len(sent & received)
        total = len(sent) + len(received)
        rows.append({"sent": len(sent), "received": len(received), "mutual": both,
                     "reciprocity": 2 * both / total if total else float("nan")})
    return pd.DataFrame(rows, index=pd.Index(list(G), name="member"))
