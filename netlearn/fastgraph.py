"""Exact betweenness, closeness, constraint and effective size, fast on large networks.

Each measure here has two paths that give the same numbers:

* **networkx** - the readable reference, used for small networks (up to
  :data:`IGRAPH_THRESHOLD` members). The functions simply call networkx, so what you read in
  networkx's documentation is what you get.
* **igraph** - the same definitions computed in C by python-igraph, for larger networks: a
  community of 5,000 members takes a second or two instead of several minutes.

``backend="auto"`` (the default) picks networkx for networks of up to 300 members and igraph above
that; ``backend="networkx"`` or ``backend="igraph"`` forces one. Every value is exact: no measure
here ever samples pairs of members to save time. The tests in ``tests/test_fastgraph.py`` check
that both paths agree to within 1e-9 on small, random, directed, weighted and disconnected
networks.

Results are dicts keyed by member id, like networkx's.

>>> import networkx as nx
>>> G = nx.krackhardt_kite_graph()
>>> round(betweenness(G)[7], 3), round(betweenness(G, backend="igraph")[7], 3)
(0.389, 0.389)

This module also holds :class:`MeasureError` and the small input checks shared by
:mod:`netlearn.roles` and :mod:`netlearn.leadership`.
"""

from __future__ import annotations

import difflib

import networkx as nx
import numpy as np

from .errors import MeasureError, MemberError
from .values import is_missing
from .weights import check_weights  # noqa: F401 (shared with the other measures)

__all__ = [
    "IGRAPH_THRESHOLD",
    "MeasureError",
    "to_igraph",
    "betweenness",
    "closeness",
    "constraint",
    "effective_size",
]

#: Networks with more members than this use igraph when ``backend="auto"``.
IGRAPH_THRESHOLD = 300

BACKENDS = ("auto", "networkx", "igraph")




# --------------------------------------------------------------------------- shared checks


def check_graph(G, *, what="This measure", min_members=1, directed=None):
    """Raise :class:`MeasureError` unless ``G`` is a usable networkx graph.

    ``directed=True`` demands a directed graph, ``False`` an undirected one, ``None`` accepts both.
    """
    if not isinstance(G, nx.Graph):
        raise MeasureError(f"{what} needs a networkx graph, for example net.graph('knows'); "
                           f"it was given a {type(G).__name__}.")
    if G.is_multigraph():
        raise MeasureError(f"{what} needs a graph with at most one tie per pair of members, but this is a "
                           "multigraph. Combine repeated ties first, e.g. nx.Graph(G) or nx.DiGraph(G).")
    n = G.number_of_nodes()
    if n == 0:
        raise MeasureError(f"{what} needs at least one member, but the network is empty.")
    if n < min_members:
        raise MeasureError(f"{what} needs at least {min_members} members; this network has {n}.")
    if directed is True and not G.is_directed():
        raise MeasureError(f"{what} needs a directed network (who names whom), but this one is undirected. "
                           "Use a directed relation such as 'advice', 'energy' or 'leadership'.")
    if directed is False and G.is_directed():
        raise MeasureError(f"{what} needs an undirected network, but this one is directed. "
                           "Use G.to_undirected() if direction does not matter here.")


def check_members(G, members, *, role="member"):
    """Return ``members`` as a list, raising :class:`MemberError` (with close matches) for unknown ids.

    A single id (a string) is accepted as well as a list of ids.
    """
    try:
        single = members in G  # one id (even a tuple that is a node's id)
    except TypeError:  # a list or set of ids is not hashable
        single = False
    if single or isinstance(members, str) or not hasattr(members, "__iter__"):
        members = [members]
    members = list(dict.fromkeys(members))
    known = [str(n) for n in G.nodes]
    for m in members:
        if m not in G:
            close = difflib.get_close_matches(str(m), known, n=3)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise MemberError(f"'{m}' is not a member of this network, so it cannot be used as a {role}.{hint}")
    return members


def node_attribute(G, attribute, *, what="This measure", required=True):
    """Dict member -> value of a node attribute, with a clear error if no member has it.

    With ``required=True`` every member must have a value; the error lists those without one.
    """
    values = {n: d.get(attribute) for n, d in G.nodes(data=True)}
    present = {n: v for n, v in values.items() if not is_missing(v)}
    if not present:
        existing = sorted({k for _, d in G.nodes(data=True) for k in d})
        close = difflib.get_close_matches(str(attribute), existing, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        listed = ", ".join(existing) if existing else "none at all"
        raise MeasureError(f"No member has the attribute '{attribute}'.{hint} "
                           f"The attributes members have are: {listed}.")
    if required and len(present) < len(values):
        lacking = [str(n) for n in values if n not in present]
        shown = ", ".join(lacking[:10]) + (f" and {len(lacking) - 10} more" if len(lacking) > 10 else "")
        raise MeasureError(f"{what} needs a '{attribute}' for every member, but {len(lacking)} member(s) "
                           f"have none: {shown}. Fill it in (e.g. 'unknown') or leave those members out.")
    return values if required else present


def check_no_self_ties(G, what):
    """Refuse a graph in which a member is tied to themselves (``what`` names the measure)."""
    loops = list(nx.selfloop_edges(G))
    if loops:
        who = ", ".join(repr(u) for u, _ in loops[:5])
        raise MeasureError(f"{what} is not defined for ties from a member to themselves, and this network has "
                           f"{len(loops)} (e.g. {who}). Remove them with G.remove_edges_from(nx.selfloop_edges(G)).")


def choose_backend(G, backend):
    """'networkx' or 'igraph': the path a measure takes for ``G`` (see the module notes)."""
    if backend not in BACKENDS:
        raise MeasureError(f"backend must be one of {', '.join(repr(b) for b in BACKENDS)}; got {backend!r}.")
    if backend == "auto":
        return "igraph" if G.number_of_nodes() > IGRAPH_THRESHOLD else "networkx"
    return backend


# --------------------------------------------------------------------------- conversion


def to_igraph(G, weight="weight"):
    """The igraph copy of a networkx graph, vertex ``i`` being the ``i``-th node of ``G``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    weight : str or None, optional
        Edge attribute copied to the igraph edge attribute ``"weight"`` when at least one tie has
        it (ties without it get 1, as in networkx). ``None`` copies no weights.

    Returns
    -------
    igraph.Graph
        Directed if ``G`` is. Vertex attribute ``"name"`` holds the member ids in ``G``'s order.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("ann", "bo", weight=2)
    >>> G.add_node("cy")
    >>> g = to_igraph(G)
    >>> g.vs["name"], g.es["weight"], g.is_directed()
    (['ann', 'bo', 'cy'], [2], False)
    """
    import igraph as ig

    index = {node: i for i, node in enumerate(G)}
    edges = [(index[u], index[v]) for u, v in G.edges()]
    g = ig.Graph(n=len(index), edges=edges, directed=G.is_directed())
    g.vs["name"] = list(G)
    if weight is not None and any(weight in d for _, _, d in G.edges(data=True)):
        g.es["weight"] = [d.get(weight, 1) for _, _, d in G.edges(data=True)]
    return g


# --------------------------------------------------------------------------- betweenness


def betweenness(G, normalized=True, weight=None, *, backend="auto"):
    """Exact betweenness centrality of every member (Freeman 1977), as networkx defines it.

    The betweenness of ``v`` adds up, over every pair of other members ``s`` and ``t``, the share
    of the shortest paths from ``s`` to ``t`` that pass through ``v``. With ``normalized=True`` that
    sum is divided by the number of pairs that could pass through ``v``: ``(n-1)(n-2)/2`` in an
    undirected network, ``(n-1)(n-2)`` in a directed one (``n`` members), so values lie in [0, 1].

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    normalized : bool, optional
        Divide by the number of pairs as above (networkx's convention; no scaling for ``n <= 2``).
    weight : str or None, optional
        Tie attribute read as a *length* (a longer tie is a longer path); ``None`` counts steps.
        Weights must be positive.
    backend : {"auto", "networkx", "igraph"}, optional

    Returns
    -------
    dict
        Member id -> betweenness.

    Examples
    --------
    In the kite network Heather (node 7) is the only link between the tail and the rest:

    >>> import networkx as nx
    >>> b = betweenness(nx.krackhardt_kite_graph())
    >>> max(b, key=b.get), round(b[7], 4)
    (7, 0.3889)

    Notes
    -----
    For a network leader, high betweenness marks someone through whom information between
    otherwise distant people has to travel: a potential broker, and a bottleneck if they leave.
    With non-integer weights, two paths whose lengths differ only by rounding error may be counted
    as tied by igraph and not by networkx; with whole-number weights the paths agree exactly.

    References
    ----------
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry 40, 35-41.
    Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociology 25, 163-177.
    """
    check_graph(G, what="Betweenness")
    check_weights(G, weight, what="Betweenness")
    if choose_backend(G, backend) == "networkx":
        return nx.betweenness_centrality(G, normalized=normalized, weight=weight)
    g = to_igraph(G, weight=weight)
    return dict(zip(G, igraph_betweenness(g, normalized, weight is not None)))


def _weights(g, weighted):
    """igraph's ``weights=`` argument: the weight attribute if asked for and present (else all 1)."""
    return "weight" if weighted and "weight" in g.es.attributes() else None


def igraph_betweenness(g, normalized=True, weighted=False):
    """Betweenness on an igraph graph, rescaled to networkx's convention (a list in vertex order)."""
    raw = g.betweenness(directed=g.is_directed(), weights=_weights(g, weighted))
    n = g.vcount()
    if not normalized or n <= 2:
        return [float(x) for x in raw]
    # igraph counts each unordered pair once in an undirected graph, networkx's scale is 2/((n-1)(n-2)).
    scale = 1.0 / ((n - 1) * (n - 2)) if g.is_directed() else 2.0 / ((n - 1) * (n - 2))
    return [x * scale for x in raw]


# --------------------------------------------------------------------------- closeness


def closeness(G, distance=None, wf_improved=True, *, backend="auto"):
    """Closeness centrality of every member, as networkx defines it (Wasserman-Faust improved).

    For member ``u``, let ``r`` be how many other members can reach ``u`` and ``D`` the sum of their
    distances to ``u``. Closeness is ``r / D``: one over the average distance from those who can reach
    ``u``. With ``wf_improved=True`` (networkx's default) it is then multiplied by ``r / (n - 1)``,
    the share of the network that can reach ``u``, so members of small components do not look
    close (Wasserman & Faust 1994). Members nobody reaches get 0. In a directed network distances
    run *towards* ``u`` (incoming paths), as in networkx.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    distance : str or None, optional
        Tie attribute read as a length; ``None`` counts steps. Lengths must be positive.
    wf_improved : bool, optional
        Scale by the share of members who can reach ``u`` (see above).
    backend : {"auto", "networkx", "igraph"}, optional

    Returns
    -------
    dict
        Member id -> closeness in [0, 1] when counting steps.

    Examples
    --------
    Fernando (5) and Garth (6) are closest to everyone in the kite network:

    >>> import networkx as nx
    >>> c = closeness(nx.krackhardt_kite_graph())
    >>> sorted(c, key=c.get, reverse=True)[:2], round(c[5], 4)
    ([5, 6], 0.6429)

    Notes
    -----
    For a network leader, high closeness marks people who hear news early and can spread a
    message quickly; it says little about control, which betweenness measures.

    References
    ----------
    Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks 1, 215-239.
    Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications. Cambridge UP.
    """
    check_graph(G, what="Closeness")
    check_weights(G, distance, what="Closeness")
    if choose_backend(G, backend) == "networkx":
        return nx.closeness_centrality(G, distance=distance, wf_improved=wf_improved)
    g = to_igraph(G, weight=distance)
    return dict(zip(G, _igraph_closeness(g, distance is not None, wf_improved)))


def _igraph_closeness(g, weighted=False, wf_improved=True):
    """Closeness on an igraph graph in networkx's convention (a list in vertex order)."""
    n = g.vcount()
    weights = _weights(g, weighted)
    mode = "in" if g.is_directed() else "all"
    # igraph: r / D over the r members that reach the vertex (NaN if none); networkx multiplies by r/(n-1).
    per_reached = g.closeness(mode=mode, weights=weights, normalized=True)
    if g.is_directed():
        per_total = g.closeness(mode=mode, weights=weights, normalized=False)  # 1 / D
        reached = [round(a / b) if b == b and b > 0 else 0 for a, b in zip(per_reached, per_total)]
    else:
        membership = g.connected_components().membership
        sizes = np.bincount(membership) if n else np.array([], dtype=int)
        reached = [int(sizes[c]) - 1 for c in membership]
    values = []
    for c, r in zip(per_reached, reached):
        if r == 0 or not c == c:  # reached by nobody: networkx gives 0
            values.append(0.0)
        elif wf_improved and n > 1:
            values.append(c * (r / (n - 1)))
        else:
            values.append(float(c))
    return values


# --------------------------------------------------------------------------- structural holes


def constraint(G, weight=None, *, backend="auto"):
    """Burt's constraint on every member: how much their contacts are tied to one another.

    Let ``p(i, j)`` be the share of ``i``'s ties (both directions, weighted if ``weight`` is given)
    that go to ``j``. The constraint on ``i`` adds, over each contact ``j``, the square of
    ``p(i, j) + sum over q of p(i, q) * p(q, j)``: ``i``'s direct investment in ``j`` plus the
    indirect investment through the contacts ``q`` that ``i`` shares with ``j``. A member whose
    contacts all know each other scores high (up to about 1.1); a member whose contacts are
    strangers to one another scores low.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        In a directed network ties in either direction count (as in networkx).
    weight : str or None, optional
        Tie attribute read as the strength of the tie; weights must be positive.
    backend : {"auto", "networkx", "igraph"}, optional

    Returns
    -------
    dict
        Member id -> constraint; ``nan`` for members with no ties (constraint is not defined for
        them - networkx's convention, kept so both paths agree; :func:`netlearn.roles.role_profile`
        explains these members in words).

    Examples
    --------
    The centre of a star is unconstrained by its leaves, each leaf is fully constrained:

    >>> import networkx as nx
    >>> c = constraint(nx.star_graph(4))
    >>> round(c[0], 2), round(c[1], 2)
    (0.25, 1.0)

    Notes
    -----
    For a network leader, low constraint marks someone whose contacts sit in different circles,
    so they hear different things and can broker between them; high constraint marks someone
    embedded in one closed group.

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard UP.
    Burt, R. S. (2004). Structural holes and good ideas. American Journal of Sociology 110, 349-399.
    """
    check_graph(G, what="Constraint")
    check_weights(G, weight, what="Constraint")
    check_no_self_ties(G, "Constraint")
    if choose_backend(G, backend) == "networkx":
        return nx.constraint(G, weight=weight)
    g = to_igraph(G, weight=weight)
    return dict(zip(G, igraph_constraint(g, weight is not None)))


def igraph_constraint(g, weighted=False):
    """Burt's constraint on an igraph graph, a list in vertex order (NaN for members without ties)."""
    # igraph sums a_ij + a_ji over ties in both directions, exactly like networkx's mutual weight;
    # members without ties come back as NaN, as in networkx.
    return [float(x) for x in g.constraint(weights=_weights(g, weighted))]


def effective_size(G, weight=None, *, backend="auto"):
    """Burt's effective size of every member's network: how many of their contacts are non-redundant.

    In an undirected network without weights this is Borgatti's (1997) simplification: with ``n``
    contacts and ``t`` ties among those contacts, the effective size is ``n - 2t / n`` - the number
    of contacts minus the average number of ties each contact has to the others. In general
    (directed or weighted) it is Burt's formula: the sum over each contact ``j`` of
    ``1 - sum over q of p(i, q) * m(j, q)``, where ``p(i, q)`` is the share of ``i``'s ties that go
    to ``q`` and ``m(j, q)`` is ``j``'s tie to ``q`` relative to ``j``'s strongest tie.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        In a directed network ties in either direction count (as in networkx).
    weight : str or None, optional
        Tie attribute read as the strength of the tie; weights must be positive.
    backend : {"auto", "networkx", "igraph"}, optional

    Returns
    -------
    dict
        Member id -> effective size; ``nan`` for members with no ties (not defined, as in networkx).

    Examples
    --------
    Three contacts who do not know each other count fully; in a triangle each of the two
    contacts is half redundant:

    >>> import networkx as nx
    >>> effective_size(nx.star_graph(3))[0], effective_size(nx.complete_graph(3))[0]
    (3.0, 1.0)

    Notes
    -----
    For a network leader, a large effective size means many contacts who each bring something
    different; a small one means that many contacts are, in effect, one circle.

    The igraph path computes Borgatti's formula from igraph's degrees and local clustering
    (``t = clustering * n(n-1)/2``, rounded to a whole number of ties) and Burt's general formula
    with sparse matrices built from the same igraph graph, so it never forms an n-by-n table.

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard UP.
    Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures. Connections 20(1), 35-38.
    """
    check_graph(G, what="Effective size")
    check_weights(G, weight, what="Effective size")
    check_no_self_ties(G, "Effective size")
    if choose_backend(G, backend) == "networkx":
        return python_effective_size(G, weight)
    g = to_igraph(G, weight=weight)
    return dict(zip(G, igraph_effective_size(g, weight is not None)))


def python_effective_size(G, weight=None):
    """Effective size member by member, written out as the formula reads (the small-network path).

    This follows networkx's documented definition rather than calling ``nx.effective_size``, whose
    two code paths disagree in networkx 3.6: the all-members matrix shortcut divides by the wrong
    row maximum on weighted or directed graphs (networkx pull request 8906), and the member-by-member
    path gives ``nan`` to a member of a directed graph who only *receives* ties. Here a member with
    a tie in either direction always gets a value.
    """
    if not G.is_directed() and weight is None:
        sizes = {}
        for v in G:
            contacts = set(G[v]) - {v}
            n = len(contacts)
            if n == 0:
                sizes[v] = float("nan")
                continue
            t = G.subgraph(contacts).number_of_edges()  # ties among v's contacts
            sizes[v] = n - (2 * t) / n  # Borgatti (1997)
        return sizes

    def mutual(u, v):  # the tie u -> v plus the tie v -> u (an undirected tie counts twice)
        a = G[u][v].get(weight, 1) if weight is not None and G.has_edge(u, v) else float(G.has_edge(u, v))
        b = G[v][u].get(weight, 1) if weight is not None and G.has_edge(v, u) else float(G.has_edge(v, u))
        return a + b

    contacts = {v: set(nx.all_neighbors(G, v)) - {v} for v in G}
    total = {v: sum(mutual(v, w) for w in contacts[v]) for v in G}
    strongest = {v: max((mutual(v, w) for w in contacts[v]), default=0) for v in G}
    sizes = {}
    for v in G:
        if not contacts[v]:
            sizes[v] = float("nan")
            continue
        size = 0.0
        for j in contacts[v]:
            # how much of v's investment in its other contacts q is also held by j
            redundancy = sum(mutual(v, q) / total[v] * mutual(j, q) / strongest[j]
                             for q in contacts[v] if q in contacts[j])
            size += 1 - redundancy
        sizes[v] = size
    return sizes


def igraph_effective_size(g, weighted=False):
    """Burt's effective size on an igraph graph, in vertex order (the fast path of :func:`effective_size`)."""
    n = g.vcount()
    weighted = _weights(g, weighted) is not None
    if not g.is_directed() and not weighted:
        degree = g.degree()
        clustering = g.transitivity_local_undirected(mode="zero")
        values = []
        for d, c in zip(degree, clustering):
            if d == 0:
                values.append(float("nan"))
                continue
            t = round(c * d * (d - 1) / 2)  # ties among the d contacts
            values.append(d - (2 * t) / d)
        return values
    return list(_sparse_effective_size(g, n, weighted))


def _sparse_effective_size(g, n, weighted):
    """Burt's general effective size from an igraph graph with scipy sparse matrices."""
    from scipy import sparse

    edges = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = np.asarray(g.es["weight"], dtype=float) if weighted else np.ones(len(edges))
    A = sparse.csr_array((w, (edges[:, 0], edges[:, 1])), shape=(n, n))
    # Mutual weight: the tie i -> j plus the tie j -> i (an undirected tie counts once each way).
    mutual = (A + A.T).tocsr()
    row_sum = np.asarray(mutual.sum(axis=1)).ravel()
    row_max = mutual.max(axis=1).toarray().ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        P = sparse.diags_array(np.where(row_sum > 0, 1.0 / row_sum, 0.0)) @ mutual
        M = sparse.diags_array(np.where(row_max > 0, 1.0 / row_max, 0.0)) @ mutual
    P = sparse.csr_array(P)
    redundancy = (P @ sparse.csr_array(M).T).multiply(P > 0)  # only entries where j is a contact
    contacts = np.diff(P.indptr)
    values = contacts - np.asarray(redundancy.sum(axis=1)).ravel()
    values = values.astype(float)
    values[contacts == 0] = float("nan")
    return values
