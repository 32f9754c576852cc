"""Matching at the scale of the Q community: a seeded community of thousands of members with
topics to match on (:func:`add_topics`, :func:`large_community`), and :func:`scale_timings`, which
times the measures that stay quick at that size.
"""

from __future__ import annotations

import random
import time

import networkx as nx
import pandas as pd

from ..fastgraph import check_graph
from .helpers import find_helpers
from .introductions import suggest_introductions
from .topics import plural

__all__ = ["add_topics", "large_community", "scale_timings"]


# --------------------------------------------------------------------------- a large community


def _draw_topics(rng, weights, count):
    """``count`` different topics, each draw proportional to its weight (only rng.random() is used)."""
    pool = list(weights)
    chosen = []
    for _ in range(count):
        total = sum(weights[t] for t in pool)
        point = rng.random() * total
        running = 0.0
        for topic in pool:
            running += weights[topic]
            if point < running:
                break
        chosen.append(topic)
        pool.remove(topic)
    return chosen


#: How common each topic is among offers and needs in :func:`add_topics` (relative weights, made
#: up for the course so that some topics are scarce: they describe no real community).
OFFER_WEIGHTS = {"measurement for improvement": 12, "co-production with patients": 5, "spread and scale": 8,
                 "evaluation": 9, "leading change": 12, "data analysis": 8, "patient safety": 10,
                 "digital tools": 6, "running workshops": 9, "finding funding": 2}


NEED_WEIGHTS = {"measurement for improvement": 6, "co-production with patients": 9, "spread and scale": 9,
                "evaluation": 10, "leading change": 5, "data analysis": 10, "patient safety": 5,
                "digital tools": 8, "running workshops": 3, "finding funding": 12}


def add_topics(members, *, seed=2020, offer_weights=None, need_weights=None):
    """A copy of a members table with ``can_help_with`` and ``needs_help_with`` filled in at random.

    :func:`netlearn.synthetic.make_community` builds large communities without topics; this adds
    them, so that matching can be tried at scale.

    Parameters
    ----------
    members : pandas.DataFrame
        A members table (any columns; one row per member).
    seed : int, optional
        Seed of the :class:`random.Random` that draws every choice (only its ``random()`` method
        is used, whose stream Python keeps the same across versions).
    offer_weights, need_weights : dict, optional
        Topic -> relative weight; default :data:`OFFER_WEIGHTS` and :data:`NEED_WEIGHTS`, which
        make "finding funding" much more needed than offered, as a gap to discover.

    Returns
    -------
    pandas.DataFrame
        The same rows, with two more columns. Each member offers one to three topics and needs one
        to three others, never one they offer; lists are written with ``"; "`` between items.

    Examples
    --------
    >>> import pandas as pd
    >>> table = add_topics(pd.DataFrame({"id": ["a", "b"]}), seed=1)
    >>> list(table.columns)
    ['id', 'can_help_with', 'needs_help_with']
    >>> add_topics(pd.DataFrame({"id": ["a", "b"]}), seed=1).equals(table)
    True
    """
    offer_weights = dict(offer_weights or OFFER_WEIGHTS)
    need_weights = dict(need_weights or NEED_WEIGHTS)
    rng = random.Random(seed)
    offers, needs = [], []
    for _ in range(len(members)):
        given = _draw_topics(rng, offer_weights, 1 + min(int(rng.random() * 3), 2))
        wanted_pool = {t: w for t, w in need_weights.items() if t not in given}
        count = min(1 + min(int(rng.random() * 3), 2), len(wanted_pool))
        wanted = _draw_topics(rng, wanted_pool, count) if wanted_pool else []
        offers.append("; ".join(given))
        needs.append("; ".join(wanted))
    table = members.copy()
    table["can_help_with"] = offers
    table["needs_help_with"] = needs
    return table


def large_community(n_members=4500, *, mean_degree=10, n_regions=10, seed=2020):
    """A synthetic community of thousands, with topics to match on, as a :class:`netlearn.Network`.

    Built with :func:`netlearn.synthetic.make_community` (members in ``n_regions`` regions, most
    ties inside a region, skewed numbers of contacts) and :func:`add_topics` (same ``seed``). It
    describes no real community; 4,500 is about the size the Q community had reached by 2020.

    Examples
    --------
    >>> net = large_community(300, seed=1)
    >>> len(net.members), sorted(net.relation_names)
    (300, ['advice', 'knows'])
    """
    from ..network import Network
    from ..synthetic import make_community

    tables = make_community(n_members=n_members, mean_degree=mean_degree, n_regions=n_regions, seed=seed)
    members = add_topics(tables["members"], seed=seed)
    info = {"title": f"A large improvement community (synthetic, {n_members:,} members)",
            "origin": "synthetic", "default_relation": "knows",
            "source": f"netlearn.matching.large_community({n_members}, mean_degree={mean_degree}, "
                      f"n_regions={n_regions}, seed={seed})"}
    return Network.from_frames(members, tables["ties"], relations=tables["relations"], name="large_community",
                               info=info)


def scale_timings(G, *, group="region", member=None, topic="evaluation", compare_with=500, seed=2020):
    """Time the measures that stay quick on a large network, and plain networkx betweenness on a small one.

    Each measure is run once on ``G`` and timed with :func:`time.perf_counter`; times vary from
    machine to machine and run to run, so read them as orders of magnitude.

    Parameters
    ----------
    G : networkx.Graph
        A large community, e.g. ``large_community().graph("knows")``.
    group : str, optional
        The group attribute for the E-I index, role profile and suggested introductions.
    member : str, optional
        Who asks for help in the :func:`find_helpers` row (default: the first member).
    topic : str, optional
        The topic they ask about.
    compare_with : int, optional
        Size of the smaller community of the same kind (same ties per member and number of groups,
        built by :func:`netlearn.synthetic.make_community`) on which plain networkx betweenness is
        timed; it is *not* run on ``G``, where it would take minutes. 0 leaves the row out.
    seed : int, optional
        Seed of that smaller community.

    Returns
    -------
    pandas.DataFrame
        One row per measure: ``measure``, ``members`` (size of the network it ran on), ``result``
        (what it found, in words) and ``seconds`` (rounded to thousandths). ``attrs["note"]`` explains the
        last row.
    """
    from .. import diversity, roles

    check_graph(G, what="scale_timings")
    member = member if member is not None else next(iter(G))
    n, m = G.number_of_nodes(), G.number_of_edges()
    rows = []

    def timed(label, size, run, describe):
        start = time.perf_counter()
        value = run()
        seconds = time.perf_counter() - start
        rows.append({"measure": label, "members": size, "result": describe(value), "seconds": round(seconds, 3)})
        return value

    timed("number of contacts of every member (degree)", n, lambda: dict(G.degree()),
          lambda d: f"from {min(d.values())} to {max(d.values())} contacts; median {int(pd.Series(d).median())}")
    timed("connected components", n, lambda: [len(c) for c in nx.connected_components(G.to_undirected(as_view=True))],
          lambda sizes: f"{plural(len(sizes), 'component')}; the largest has {max(sizes):,} members")
    timed(f"E-I index by {group}", n, lambda: diversity.ei_index(G, group),
          lambda ei: f"{ei:.2f} (-1: all ties inside {group}s, +1: all across)")
    timed(f"role profile (betweenness and constraint with igraph), by {group}", n,
          lambda: roles.role_profile(G, group=group),
          lambda p: f"{int(p['broker'].sum())} members fit the broker rule, "
                    f"{int(p['central_connector'].sum())} the central connector rule")
    timed(f"find_helpers for {member} ({topic}, up to two introductions)", n,
          lambda: find_helpers(G, member, topic),
          lambda t: f"{len(t)} helpers within reach of the {t.attrs['offered_by']} who offer it")
    timed(f"suggest_introductions between {group}s (10)", n, lambda: suggest_introductions(G, group, k=10),
          lambda t: f"{len(t)} introductions suggested")
    note = ""
    if compare_with:
        from ..synthetic import make_community

        groups = len({d.get(group) for _, d in G.nodes(data=True)})
        mean_degree = max(1, round(2 * m / n))
        tables = make_community(n_members=compare_with, mean_degree=mean_degree, n_regions=max(groups, 1),
                                seed=seed)
        knows = tables["ties"][tables["ties"]["relation"] == "knows"]
        small = nx.Graph(list(zip(knows["source"], knows["target"])))
        small.add_nodes_from(tables["members"]["id"])
        timed("plain networkx betweenness (not run on the large network)", compare_with,
              lambda: nx.betweenness_centrality(small),
              lambda b: "exact betweenness of every member")
        factor = (n * m) / (small.number_of_nodes() * max(small.number_of_edges(), 1))
        note = (f"Plain networkx betweenness was timed on a {compare_with:,}-member community of the same kind. "
                f"Its work grows with members times ties, so on these {n:,} members expect roughly "
                f"{factor:.0f} times as long; the role profile computes the same exact betweenness with igraph.")
    table = pd.DataFrame(rows, columns=["measure", "members", "result", "seconds"])
    table.attrs["note"] = note
    return table
