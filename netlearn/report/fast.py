"""Reliance on formal leaders and the what-if table, fast enough for a 5,000-member network.

:func:`netlearn.leadership.reliance_on_formal_leaders` and
:func:`netlearn.leadership.what_if_removed` are written as plain Python breadth-first searches,
one member at a time, so that a learner can read them. On a community of 5,000 members and
50,000 ties each takes about three minutes. The report needs both, so this module computes the
**same numbers** another way:

* :func:`reliance` runs the breadth-first searches for a few hundred members at once, as
  sparse-matrix products (numpy and scipy): each step multiplies the adjacency matrix by the
  numbers of shortest paths that reached the current frontier. About 5 seconds at 5,000
  members.
* :func:`what_if` takes components from :mod:`scipy.sparse.csgraph` and efficiency (the sum of
  ``1 / distance``) from igraph's harmonic centrality, computed in C. About a second per scenario.

``tests/test_report_build.py`` checks that both agree with the readable versions in
:mod:`netlearn.leadership` on small, directed, undirected and disconnected networks.

>>> import networkx as nx
>>> from netlearn import leadership
>>> G = nx.cycle_graph(5)
>>> fast, slow = reliance(G, [0]), leadership.reliance_on_formal_leaders(G, leaders=[0])
>>> round(fast.path_share, 4) == round(slow.path_share, 4), fast.pairs == slow.pairs
(True, True)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse import csgraph

from ..fastgraph import check_graph, check_members, to_igraph
from ..leadership import Reliance, centralization
from ..errors import MeasureError

__all__ = ["reliance", "what_if", "formal_leaders", "WHAT_IF_ROWS"]

#: Rows of the what-if table, in the order of :func:`netlearn.leadership.what_if_removed`.
WHAT_IF_ROWS = ("members", "ties", "components", "outside the largest component",
                "who is outside the largest component", "newly cut off", "average reachability",
                "global efficiency", "degree centralization")

#: How many breadth-first searches run together (columns of the dense frontier matrix).
BATCH = 256

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


def _adjacency(G, nodes):
    """Sparse 0/1 matrix A with A[i, j] = 1 when there is a tie i -> j (both ways if undirected)."""
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    pairs = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    A = sparse.csr_array((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    if not G.is_directed():
        A = A + A.T
    A = sparse.csr_array(A)
    A.data[:] = 1.0
    return A


def _searches(step, sources, n, batch=BATCH):
    """Breadth-first searches from ``sources``, ``batch`` at a time.

    ``step`` is the transposed adjacency matrix, with the rows of blocked members set to zero so
    that no path steps on them. Yields ``(dist, sigma)``, both of shape (n, batch): the distance
    from each source (column) to each member (row), -1 where unreachable, and the number of
    shortest paths.
    """
    for start in range(0, len(sources), batch):
        src = sources[start:start + batch]
        cols = np.arange(len(src))
        dist = np.full((n, len(src)), -1, dtype=np.int32)
        sigma = np.zeros((n, len(src)))
        dist[src, cols] = 0
        sigma[src, cols] = 1.0
        frontier = sigma.copy()
        level = 0
        while True:
            level += 1
            reached = step @ frontier          # paths arriving at each member from the frontier
            new = (reached > 0) & (dist < 0)
            if not new.any():
                break
            dist[new] = level
            frontier = np.where(new, reached, 0.0)
            sigma += frontier
        yield dist, sigma


def reliance(G, leaders):
    """:func:`netlearn.leadership.reliance_on_formal_leaders`, computed in batches with sparse matrices.

    Same definition, same result (a :class:`~netlearn.leadership.Reliance`), same errors for
    networks where the measure is not defined. Paths follow directions in a directed network.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    leaders : list of member ids
        The formal leaders (see :func:`formal_leaders`).
    """
    check_graph(G, what="Reliance on formal leaders", min_members=3)
    chosen = check_members(G, leaders, role="formal leader")
    if not chosen:
        raise MeasureError("Nobody is marked as a formal leader, so there is no reliance on them to measure.")
    nodes = list(G)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    blocked = np.zeros(n, dtype=bool)
    blocked[[index[v] for v in chosen]] = True
    others = np.flatnonzero(~blocked)
    if len(others) < 2:
        raise MeasureError(f"Reliance needs at least two members who are not formal leaders; this network has "
                           f"{len(others)}.")
    A = _adjacency(G, nodes)
    step = sparse.csr_array(A.T)
    keep = sparse.diags_array((~blocked).astype(float))
    step_blocked = sparse.csr_array(keep @ step)     # nothing arrives at a formal leader
    pairs = 0
    through = before = after = 0.0
    target_ok = ~blocked[:, None]
    for (dist, sigma), (dist_out, sigma_out) in zip(_searches(step, others, n), _searches(step_blocked, others, n)):
        reach = (dist > 0) & target_ok
        count = int(reach.sum())
        pairs += count
        same = reach & (dist_out == dist)
        through += count - float((sigma_out[same] / sigma[same]).sum())
        before += float((1.0 / dist[reach]).sum())
        reach_out = (dist_out > 0) & target_ok
        after += float((1.0 / dist_out[reach_out]).sum())
    if pairs == 0:
        raise MeasureError("No two members other than the formal leaders are connected, so there is no path "
                           "to measure.")
    return Reliance(path_share=through / pairs, efficiency_drop=1.0 - after / before, leaders=chosen, pairs=pairs)


def _connectivity(H):
    """The what-if summary of one network, as in :mod:`netlearn.leadership` (fast paths)."""
    nodes = list(H)
    n = len(nodes)
    summary = {"members": n, "ties": H.number_of_edges()}
    if n == 0:
        summary.update({"components": 0, "outside the largest component": 0,
                        "who is outside the largest component": [], "average reachability": None,
                        "global efficiency": None, "degree centralization": None})
        return summary
    A = _adjacency(H, nodes)
    count, labels = csgraph.connected_components(A, directed=H.is_directed(), connection="weak")
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
        g = to_igraph(H, weight=None)
        if H.is_directed():
            reach = float(sum(g.neighborhood_size(order=n, mode="out")) - n)
        else:
            reach = float((sizes * (sizes - 1)).sum())
        inverse = float(sum(g.harmonic_centrality(mode="out", normalized=False)))
        summary["average reachability"] = reach / (n * (n - 1))
        summary["global efficiency"] = inverse / (n * (n - 1))
    summary["degree centralization"] = centralization(H, "degree") if n >= 3 else None
    return summary


def what_if(G, members, *, before=None):
    """:func:`netlearn.leadership.what_if_removed`, computed with scipy and igraph.

    Same rows, same values, same table (columns ``before`` and ``after``).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    members : member id or list of ids
        Who to take out.
    before : dict, optional
        The summary of ``G`` from an earlier call (``table.attrs["before"]``), to save computing
        it again when several scenarios are compared.
    """
    check_graph(G, what="what_if_removed")
    removed = check_members(G, members, role="person to remove")
    gone = set(removed)
    H = G.subgraph([v for v in G if v not in gone])
    before = dict(before) if before is not None else _connectivity(G)
    after = _connectivity(H)
    largest_before = set(G) - set(before["who is outside the largest component"])
    after["newly cut off"] = [v for v in after["who is outside the largest component"] if v in largest_before]
    before["newly cut off"] = []
    table = pd.DataFrame({"before": pd.Series(before, dtype=object), "after": pd.Series(after, dtype=object)})
    table = table.loc[list(WHAT_IF_ROWS)]
    table.attrs["removed"] = removed
    table.attrs["before"] = {k: v for k, v in before.items() if k != "newly cut off"}
    return table
