"""Reliance on formal leaders and the what-if table, fast enough for a 20,000-member network.

:func:`netlearn.leadership.reliance_on_formal_leaders` and
:func:`netlearn.leadership.what_if_removed` are written as plain Python breadth-first searches,
one member at a time, so that a learner can read them. On a community of 5,000 members and
50,000 ties each takes about three minutes. The report needs both, so this module computes the
**same numbers** another way, and computes each thing once:

* :func:`graph_arrays` turns the graph into numpy arrays of its ties, once per report; every
  other function here works on them (no second pass over networkx's dictionaries).
* :func:`distance_counts` counts the ordered pairs of members at each distance (1 step, 2 steps...)
  by breadth-first searches from 64 members at a time per machine word: each member keeps one
  bit per search, and a step of all searches is one ``OR`` over the ties (numpy). Efficiency
  (the average of ``1 / distance``) and reachability follow from the counts. The counts for a
  network, and for the same network without some members, are kept on the arrays, so the reliance
  measure and the what-if table share them.
* :func:`reliance` takes its efficiencies from those counts. Its share of shortest paths through
  the formal leaders needs the *numbers* of shortest paths: with one formal leader that is the
  leader's betweenness, which the role profile has already computed (pass it as
  ``leader_betweenness``); with several, one batched search counts, for a few hundred members at
  once as sparse-matrix products, all shortest paths and those that avoid every leader.
* :func:`what_if` takes components from :mod:`scipy.sparse.csgraph` and the rest from the counts.

``tests/test_report_build.py`` checks that everything here agrees with the readable versions in
:mod:`netlearn.leadership` on small, directed, undirected and disconnected networks, with one
leader and with several, with and without the role profile's betweenness.

>>> import networkx as nx
>>> from netlearn import leadership
>>> G = nx.cycle_graph(5)
>>> fast, slow = reliance(G, [0]), leadership.reliance_on_formal_leaders(G, leaders=[0])
>>> round(fast.path_share, 4) == round(slow.path_share, 4), fast.pairs == slow.pairs
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse import csgraph

from ..errors import MeasureError
from ..fastgraph import check_graph, check_members
from ..leadership import Reliance

__all__ = ["reliance", "what_if", "formal_leaders", "WHAT_IF_ROWS", "GraphArrays", "graph_arrays",
           "distance_counts", "efficiency_sum", "connectivity", "degree_centralization", "piece_sizes", "isolated",
           "ei_counts"]

#: Rows of the what-if table, in the order of :func:`netlearn.leadership.what_if_removed`.
WHAT_IF_ROWS = ("members", "ties", "components", "outside the largest component",
                "who is outside the largest component", "newly cut off", "average reachability",
                "global efficiency", "degree centralization")

#: Most breadth-first searches counting paths that run together (columns of the dense matrices);
#: fewer on large networks, to keep the matrices to about 16 MB each.
BATCH = 256
#: Machine words (64 searches each) per batch of the distance-only searches.
WORDS = 8

_TRUE_TEXT = {"yes", "true", "1", "y"}


def formal_leaders(G, attribute="formal_leader"):
    """Members whose ``attribute`` is true (``True``, 1, or the text yes/true/1/y), in graph order.

    Returns an empty list when nobody is marked (the report then says so instead of failing).

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")]); G.nodes["a"]["formal_leader"] = True
    >>> formal_leaders(G)
    ['a']
    """
    chosen = []
    for v, data in G.nodes(data=True):
        x = data.get(attribute)
        if x is True or (isinstance(x, str) and x.strip().lower() in _TRUE_TEXT) or \
                (isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, bool) and x == 1):
            chosen.append(v)
    return chosen


@dataclass
class GraphArrays:
    """A graph's ties as numpy arrays, made once by :func:`graph_arrays` and shared by every step.

    ``nodes`` lists the members in the graph's order and ``index`` gives each one's position;
    ``tail`` and ``head`` hold each tie once as positions (``tail -> head`` in a directed
    network; self-ties included, as networkx counts them). Distance counts already computed are
    kept in ``counts``, keyed by who was removed.
    """

    nodes: list
    index: dict
    directed: bool
    tail: np.ndarray
    head: np.ndarray
    counts: dict = field(default_factory=dict, repr=False)

    @property
    def n(self):
        return len(self.nodes)

    def kept(self, removed=()):
        """Boolean mask of the members left after taking out ``removed`` (ids)."""
        keep = np.ones(self.n, dtype=bool)
        keep[[self.index[v] for v in removed]] = False
        return keep


def graph_arrays(G):
    """The ties of ``G`` as a :class:`GraphArrays` (one pass over the graph).

    >>> import networkx as nx
    >>> arrays = graph_arrays(nx.DiGraph([("a", "b"), ("b", "c")]))
    >>> arrays.nodes, arrays.tail.tolist(), arrays.head.tolist(), arrays.directed
    (['a', 'b', 'c'], [0, 1], [1, 2], True)
    """
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64).reshape(-1, 2)
    return GraphArrays(nodes, index, G.is_directed(), pairs[:, 0].copy(), pairs[:, 1].copy())


def _arcs(arrays, keep):
    """Arcs ``a -> b`` between kept members (both ways if undirected, no self-ties), renumbered 0..k-1."""
    position = np.cumsum(keep) - 1
    ok = keep[arrays.tail] & keep[arrays.head] & (arrays.tail != arrays.head)
    a, b = position[arrays.tail[ok]], position[arrays.head[ok]]
    if not arrays.directed:
        a, b = np.concatenate([a, b]), np.concatenate([b, a])
    return a, b


def _matrix(arrays, keep):
    """Sparse 0/1 matrix A of the kept members, A[i, j] = 1 when there is a tie i -> j."""
    size = int(keep.sum())
    a, b = _arcs(arrays, keep)
    A = sparse.csr_array((np.ones(len(a)), (a, b)), shape=(size, size))
    A.sum_duplicates()
    A.data[:] = 1.0
    return A


def _bits(positions):
    """One machine word per 64 positions, with the bit of each position set."""
    words = np.zeros(int(positions.max()) // 64 + 1 if len(positions) else 1, dtype=np.uint64)
    np.bitwise_or.at(words, positions // 64, np.left_shift(np.uint64(1), (positions % 64).astype(np.uint64)))
    return words


def distance_counts(arrays, removed=(), among=None):
    """How many ordered pairs of members are 1, 2, 3... steps apart, after taking out ``removed``.

    Breadth-first searches from every member left, 64 at a time per machine word: each member
    holds one bit per search, and one step of all the searches ORs the bits of every member's
    contacts (following the ties' directions in a directed network). A member newly reached at
    step ``k`` adds its new bits to the count for distance ``k``.

    Parameters
    ----------
    arrays : GraphArrays
    removed : list of member ids, optional
        Members taken out of the network first.
    among : list of member ids, optional
        Also count the pairs whose two members are both in ``among``.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray or None)
        ``counts[k - 1]`` is the number of ordered pairs ``(s, t)``, ``s != t``, at distance ``k``;
        the second array the same for pairs within ``among`` (None without ``among``). Pairs that
        cannot reach each other are not counted. Results are kept on ``arrays`` for the next call.

    Examples
    --------
    >>> import networkx as nx
    >>> counts, _ = distance_counts(graph_arrays(nx.path_graph(4)))
    >>> counts.tolist()   # 6 ordered pairs one step apart, 4 two steps, 2 three steps
    [6, 4, 2]
    """
    gone = frozenset(arrays.index[v] for v in removed)
    within = None if among is None else frozenset(arrays.index[v] for v in among)
    for (key_gone, key_within), found in arrays.counts.items():
        if key_gone == gone and (within is None or key_within == within):
            return found[0], (found[1] if within is not None else None)
    keep = arrays.kept(removed)
    size = int(keep.sum())
    a, b = _arcs(arrays, keep)
    order = np.argsort(b, kind="stable")
    predecessors, targets = a[order], b[order]
    rows, starts = np.unique(targets, return_index=True)
    member_of = None
    if within is not None:
        member_of = np.zeros(arrays.n, dtype=bool)
        member_of[list(within)] = True
        member_of = member_of[keep]
    total, inside = [], []
    for first in range(0, size, 64 * WORDS):
        sources = np.arange(first, min(size, first + 64 * WORDS))
        bit = sources - first
        words = (len(sources) + 63) // 64
        seen = np.zeros((size, words), dtype=np.uint64)
        seen[sources, bit // 64] = np.left_shift(np.uint64(1), (bit % 64).astype(np.uint64))
        chosen = None
        if member_of is not None:
            chosen = np.zeros(words, dtype=np.uint64)
            picked = bit[member_of[sources]]
            if len(picked):
                mask = _bits(picked)
                chosen[:len(mask)] = mask
        frontier = seen.copy()
        level = 0
        while len(predecessors):
            level += 1
            reached = np.zeros_like(frontier)
            live = frontier.any(axis=1)[predecessors]   # ties from a member some search has just reached
            if live.all():
                reached[rows] = np.bitwise_or.reduceat(frontier[predecessors], starts, axis=0)
            elif live.any():
                into = targets[live]
                first_of = np.flatnonzero(np.r_[True, into[1:] != into[:-1]])
                reached[into[first_of]] = np.bitwise_or.reduceat(frontier[predecessors[live]], first_of, axis=0)
            new = reached & ~seen
            count = int(np.bitwise_count(new).sum())
            if count == 0:
                break
            seen |= new
            frontier = new
            _add(total, level, count)
            if chosen is not None:
                _add(inside, level, int(np.bitwise_count(new[member_of] & chosen).sum()))
    total = np.array(total, dtype=np.int64)
    inside = np.array(inside, dtype=np.int64) if within is not None else None
    arrays.counts[(gone, within)] = (total, inside)
    return total, inside


def _add(counts, level, value):
    while len(counts) < level:
        counts.append(0)
    counts[level - 1] += value


def efficiency_sum(counts):
    """The sum of ``1 / distance`` over the pairs counted by :func:`distance_counts`.

    >>> efficiency_sum(np.array([6, 4, 2]))   # 6/1 + 4/2 + 2/3
    8.666666666666666
    """
    return float(np.sum(counts / np.arange(1, len(counts) + 1))) if len(counts) else 0.0


def degree_centralization(arrays, removed=()):
    """:func:`netlearn.leadership.centralization` of degree (ties received if directed), from the arrays.

    Same scores (contacts other than oneself), same maximum, same rounding as the readable version.

    >>> import networkx as nx
    >>> round(degree_centralization(graph_arrays(nx.krackhardt_kite_graph())), 4)
    0.3333
    """
    keep = arrays.kept(removed)
    n = int(keep.sum())
    if n < 3:
        raise MeasureError(f"Centralisation needs at least 3 members; this network has {n}.")
    a, b = _arcs(arrays, keep)
    scores = np.bincount(b, minlength=n)      # undirected: both directions are arcs, so this is the degree
    tmax = (n - 1) ** 2 if arrays.directed else (n - 1) * (n - 2)
    value = int((scores.max() - scores).sum()) / tmax
    if -1e-12 < value < 0 or 1 < value < 1 + 1e-12:
        value = min(max(value, 0.0), 1.0)
    return float(value)


def piece_sizes(arrays):
    """The sizes of the network's separate pieces (weak components), in the order of their first member.

    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (1, 2), (3, 4)]); G.add_node(5)
    >>> piece_sizes(graph_arrays(G))
    [3, 2, 1]
    """
    keep = np.ones(arrays.n, dtype=bool)
    count, labels = csgraph.connected_components(_matrix(arrays, keep), directed=arrays.directed, connection="weak")
    return np.bincount(labels, minlength=count).tolist()


def isolated(arrays):
    """Members with no tie at all (a self-tie counts as a tie, as in networkx), in the graph's order.

    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1)]); G.add_nodes_from([2, 3]); G.add_edge(3, 3)
    >>> isolated(graph_arrays(G))
    [2]
    """
    degree = np.bincount(arrays.tail, minlength=arrays.n) + np.bincount(arrays.head, minlength=arrays.n)
    return [arrays.nodes[i] for i in np.flatnonzero(degree == 0)]


def ei_counts(arrays, codes, groups):
    """Ties inside and between groups, per group, for Krackhardt & Stern's E-I index.

    ``codes[i]`` is the group number (0 to ``groups - 1``) of member ``i`` of ``arrays.nodes``,
    or -1 when nothing is recorded (their ties are left out, as ``missing="ignore"`` does in
    :mod:`netlearn.diversity`). Self-ties are skipped; each tie counts once. Returns
    ``(internal, external)``: per group, the ties between two of its members, and the ties
    between one of its members and someone in another group (a tie between two groups counts
    for both, as ``direction="both"`` does). The network's E is ``external.sum() // 2``.

    >>> import networkx as nx
    >>> arrays = graph_arrays(nx.path_graph(5))             # a-b-c | d-e, the tie c-d crosses
    >>> [x.tolist() for x in ei_counts(arrays, np.array([0, 0, 0, 1, 1]), 2)]
    [[2, 1], [1, 1]]
    """
    codes = np.asarray(codes, dtype=np.int64)
    tail, head = codes[arrays.tail], codes[arrays.head]
    ok = (arrays.tail != arrays.head) & (tail >= 0) & (head >= 0)
    tail, head = tail[ok], head[ok]
    same = tail == head
    internal = np.bincount(tail[same], minlength=groups)
    external = np.bincount(tail[~same], minlength=groups) + np.bincount(head[~same], minlength=groups)
    return internal, external


def connectivity(arrays, removed=()):
    """The what-if summary of the network without ``removed``, as in :mod:`netlearn.leadership`."""
    keep = arrays.kept(removed)
    nodes = [v for v, k in zip(arrays.nodes, keep) if k]
    n = len(nodes)
    summary = {"members": n, "ties": int(np.count_nonzero(keep[arrays.tail] & keep[arrays.head]))}
    if n == 0:
        summary.update({"components": 0, "outside the largest component": 0,
                        "who is outside the largest component": [], "average reachability": None,
                        "global efficiency": None, "degree centralization": None})
        return summary
    count, labels = csgraph.connected_components(_matrix(arrays, keep), directed=arrays.directed,
                                                 connection="weak")
    sizes = np.bincount(labels, minlength=count)
    # The largest piece; ties broken by the piece holding the member listed first (as leadership does).
    first = np.full(count, n, dtype=np.int64)
    np.minimum.at(first, labels, np.arange(n))
    largest = min(range(count), key=lambda c: (-sizes[c], first[c]))
    outside = [v for v, label in zip(nodes, labels) if label != largest]
    summary.update({"components": int(count), "outside the largest component": len(outside),
                    "who is outside the largest component": outside})
    if n < 2:
        summary["average reachability"] = None
        summary["global efficiency"] = None
    else:
        counts, _ = distance_counts(arrays, removed)
        summary["average reachability"] = float(counts.sum()) / (n * (n - 1))
        summary["global efficiency"] = efficiency_sum(counts) / (n * (n - 1))
    summary["degree centralization"] = degree_centralization(arrays, removed) if n >= 3 else None
    return summary


def _paths_through(arrays, leaders):
    """Sum over ordered pairs of other members of the share of their shortest paths through a leader.

    Breadth-first searches from a batch of members at once, as sparse-matrix products: each step
    multiplies the (transposed) adjacency matrix by the numbers of shortest paths that reached the
    current frontier, once for all paths and once for the paths that avoid every leader.
    """
    n = arrays.n
    blocked = ~arrays.kept(leaders)
    others = np.flatnonzero(~blocked)
    step = sparse.csr_array(_matrix(arrays, np.ones(n, dtype=bool)).T)
    batch = int(min(BATCH, max(32, 2 ** 21 // max(n, 1))))
    target_ok = ~blocked[:, None]
    through = 0.0
    for start in range(0, len(others), batch):
        src = others[start:start + batch]
        width = len(src)
        cols = np.arange(width)
        dist = np.full((n, width), -1, dtype=np.int32)
        sigma = np.zeros((n, width))
        avoiding = np.zeros((n, width))
        dist[src, cols] = 0
        sigma[src, cols] = 1.0
        avoiding[src, cols] = 1.0
        frontier = np.hstack([sigma, avoiding])
        level = 0
        while True:
            level += 1
            arrived = step @ frontier            # paths arriving at each member from the frontier
            new = (arrived[:, :width] > 0) & (dist < 0)
            if not new.any():
                break
            dist[new] = level
            paths = np.where(new, arrived[:, :width], 0.0)
            free = np.where(new, arrived[:, width:], 0.0)
            free[blocked] = 0.0                  # a path that steps on a leader no longer avoids them
            sigma += paths
            avoiding += free
            frontier = np.hstack([paths, free])
        reach = (dist > 0) & target_ok
        through += float(reach.sum()) - float((avoiding[reach] / sigma[reach]).sum())
    return through


def reliance(G, leaders, *, arrays=None, leader_betweenness=None):
    """:func:`netlearn.leadership.reliance_on_formal_leaders`, computed from shared distance counts.

    Same definition, same result (a :class:`~netlearn.leadership.Reliance`), same errors for
    networks where the measure is not defined. Paths follow directions in a directed network.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    leaders : list of member ids
        The formal leaders (see :func:`formal_leaders`).
    arrays : GraphArrays, optional
        ``graph_arrays(G)``, if already made (its distance counts are then shared).
    leader_betweenness : float, optional
        With exactly one formal leader, that leader's betweenness in ``G`` *without weights*,
        normalised as networkx and :func:`netlearn.roles.role_profile` do. The share of shortest
        paths through a single member is their betweenness, so nothing needs counting again: the
        ordered pairs' total is ``betweenness * (n - 1) * (n - 2)``.
    """
    check_graph(G, what="Reliance on formal leaders", min_members=3)
    chosen = check_members(G, leaders, role="formal leader")
    if not chosen:
        raise MeasureError("Nobody is marked as a formal leader, so there is no reliance on them to measure.")
    arrays = arrays if arrays is not None else graph_arrays(G)
    others = [v for v in arrays.nodes if v not in set(chosen)]
    if len(others) < 2:
        raise MeasureError(f"Reliance needs at least two members who are not formal leaders; this network has "
                           f"{len(others)}.")
    _, among = distance_counts(arrays, among=others)
    pairs = int(among.sum())
    if pairs == 0:
        raise MeasureError("No two members other than the formal leaders are connected, so there is no path "
                           "to measure.")
    before = efficiency_sum(among)
    after = efficiency_sum(distance_counts(arrays, removed=chosen)[0])
    n = arrays.n
    if len(chosen) == 1 and leader_betweenness is not None:
        through = float(leader_betweenness) * (n - 1) * (n - 2)
    else:
        through = _paths_through(arrays, chosen)
    return Reliance(path_share=through / pairs, efficiency_drop=1.0 - after / before, leaders=chosen, pairs=pairs)


def what_if(G, members, *, before=None, arrays=None):
    """:func:`netlearn.leadership.what_if_removed`, computed from shared arrays and distance counts.

    Same rows, same values, same table (columns ``before`` and ``after``).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    members : member id or list of ids
        Who to take out.
    before : dict, optional
        The summary of ``G`` from an earlier call (``table.attrs["before"]``), to save computing
        it again when several scenarios are compared.
    arrays : GraphArrays, optional
        ``graph_arrays(G)``, if already made.
    """
    check_graph(G, what="what_if_removed")
    removed = check_members(G, members, role="person to remove")
    arrays = arrays if arrays is not None else graph_arrays(G)
    before = dict(before) if before is not None else connectivity(arrays)
    after = connectivity(arrays, removed)
    largest_before = set(arrays.nodes) - set(before["who is outside the largest component"])
    after["newly cut off"] = [v for v in after["who is outside the largest component"] if v in largest_before]
    before["newly cut off"] = []
    table = pd.DataFrame({"before": pd.Series(before, dtype=object), "after": pd.Series(after, dtype=object)})
    table = table.loc[list(WHAT_IF_ROWS)]
    table.attrs["removed"] = removed
    table.attrs["before"] = {k: v for k, v in before.items() if k != "newly cut off"}
    return table
