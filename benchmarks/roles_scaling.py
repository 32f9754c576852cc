"""How long role_profile takes on communities of 500, 5,000 and 20,000 members.

Prints one table: the time of ``netlearn.roles.role_profile`` beside two baselines run on the
same network in the same process,

* **igraph** - the same exact measures computed directly with python-igraph, written the way an
  experienced igraph user would: build the igraph graph from the edge list, then betweenness,
  constraint, degree and local clustering (for effective size), and the group counts with numpy;
* **networkx** - the same measures with plain networkx (``betweenness_centrality``, ``constraint``,
  ``effective_size``) and a Python loop for the group counts; skipped where it would take
  minutes, and the table says so.

and the ratio role_profile / igraph. It also checks that role_profile's values equal the igraph
baseline's (and networkx's, where that ran): every betweenness here is exact, none is sampled.

Run it from the repository root:

    .venv/bin/python benchmarks/roles_scaling.py            # 500, 5,000 and 20,000 members
    .venv/bin/python benchmarks/roles_scaling.py 500 5000   # chosen sizes only

Communities come from ``netlearn.synthetic.make_community`` (about 10 ties per member, 10
regions as groups, seed 1). If that generator is not available, a seeded stochastic block model
from networkx is used instead (10 equal groups, 85% of ties inside the group) and the output says so.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from netlearn.roles import role_profile  # noqa: E402

SIZES = (500, 5_000, 20_000)
TIES_PER_MEMBER = 10
GROUPS = 10
SEED = 1
#: Largest network on which plain networkx is run (betweenness alone takes minutes above this).
NETWORKX_LIMIT = 1_000
#: Timed runs per size (best kept); the 20,000 network runs once (a minute per run).
REPEATS = {500: 3, 5_000: 3}


def community(n):
    """(networkx graph with a 'group' on every member, description of the generator)."""
    try:
        from netlearn.synthetic import make_community

        tables = make_community(n_members=n, mean_degree=TIES_PER_MEMBER, n_regions=GROUPS, seed=SEED)
    except (ImportError, TypeError):
        return _block_model(n), "networkx stochastic block model (make_community not available)"
    G = nx.Graph()
    G.add_nodes_from((row["id"], {"group": row["group"]}) for row in tables["members"].to_dict("records"))
    knows = tables["ties"][tables["ties"]["relation"] == "knows"]
    G.add_edges_from(zip(knows["source"], knows["target"]))
    return G, "netlearn.synthetic.make_community (knows ties)"


def _block_model(n):
    size = n // GROUPS
    sizes = [size] * (GROUPS - 1) + [n - size * (GROUPS - 1)]
    p_in = 0.85 * TIES_PER_MEMBER / size
    p_out = 0.15 * TIES_PER_MEMBER / (n - size)
    G = nx.random_partition_graph(sizes, p_in, p_out, seed=SEED)
    for v, data in G.nodes(data=True):
        data["group"] = f"group {data.pop('block', 0) + 1}"
    return nx.relabel_nodes(G, {v: f"m{v}" for v in G})


def igraph_baseline(G):
    """The same exact measures straight from igraph and numpy (arrays in G's node order)."""
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64)
    g = ig.Graph(n=len(nodes), edges=edges, directed=False)
    n = g.vcount()
    between = np.array(g.betweenness(directed=False)) * 2 / ((n - 1) * (n - 2))
    constraint = np.array(g.constraint())
    degree = np.array(g.degree())
    clustering = np.array(g.transitivity_local_undirected(mode="zero"))
    ties_among_contacts = np.round(clustering * degree * (degree - 1) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        effective_size = np.where(degree > 0, degree - 2 * ties_among_contacts / degree, np.nan)
    codes = np.unique([G.nodes[v]["group"] for v in nodes], return_inverse=True)[1]
    src = np.concatenate([edges[:, 0], edges[:, 1]])
    dst = np.concatenate([edges[:, 1], edges[:, 0]])
    same = codes[src] == codes[dst]
    in_group = np.bincount(src[same], minlength=n)
    keys = np.unique(src[~same] * (codes.max() + 1) + codes[dst[~same]])
    other_groups = np.bincount(keys // (codes.max() + 1), minlength=n)
    return {"betweenness": between, "constraint": constraint, "effective_size": effective_size,
            "degree": degree, "ties_in_group": in_group, "other_groups_reached": other_groups}


def networkx_baseline(G):
    """The same measures with plain networkx and Python loops."""
    group = nx.get_node_attributes(G, "group")
    between = nx.betweenness_centrality(G)
    constraint = nx.constraint(G)
    effective_size = nx.effective_size(G)
    in_group = {v: sum(group[w] == group[v] for w in G[v]) for v in G}
    other_groups = {v: len({group[w] for w in G[v]} - {group[v]}) for v in G}
    return {"betweenness": np.array([between[v] for v in G]),
            "constraint": np.array([constraint[v] for v in G]),
            "effective_size": np.array([effective_size[v] for v in G]),
            "ties_in_group": np.array([in_group[v] for v in G]),
            "other_groups_reached": np.array([other_groups[v] for v in G])}


def best_time(function, repeats):
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def same_values(profile, reference):
    for column, values in reference.items():
        ours = profile[column].to_numpy(dtype=float)
        theirs = np.asarray(values, dtype=float)
        if not np.allclose(ours, theirs, rtol=0, atol=1e-9, equal_nan=True):
            return f"NO ({column} differs)"
    return "yes"


def main(sizes):
    print(f"role_profile scaling benchmark - {datetime.date.today().isoformat()}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"networkx {nx.__version__}, igraph {ig.__version__}")
    role_profile(_warm_up())  # pay import and first-call costs before timing
    rows = []
    for n in sizes:
        G, source = community(n)
        repeats = REPEATS.get(n, 1)
        t_profile, profile = best_time(lambda: role_profile(G), repeats)
        t_igraph, reference = best_time(lambda: igraph_baseline(G), repeats)
        check = same_values(profile, reference)
        if n <= NETWORKX_LIMIT:
            t_networkx, nx_reference = best_time(lambda: networkx_baseline(G), 1)
            nx_text = f"{t_networkx:9.2f}"
            check_nx = same_values(profile, nx_reference)
            check = check if check_nx == "yes" else f"{check}; networkx: {check_nx}"
        else:
            nx_text = "  skipped"
        rows.append((n, G.number_of_edges(), t_profile, t_igraph, t_profile / t_igraph, nx_text, check))
    print(f"network: {source}, about {TIES_PER_MEMBER} ties per member, {GROUPS} groups, seed {SEED}")
    print(f"times in seconds, best of {REPEATS.get(500, 1)} runs up to 5,000 members and 1 run above")
    print()
    print(f"{'members':>8} {'ties':>8} {'role_profile':>13} {'igraph':>9} {'ratio':>6} {'networkx':>9}  same values")
    for n, m, tp, ti, ratio, nx_text, check in rows:
        print(f"{n:>8,} {m:>8,} {tp:>13.2f} {ti:>9.2f} {ratio:>6.2f} {nx_text}  {check}")
    skipped = [n for n in sizes if n > NETWORKX_LIMIT]
    if skipped:
        print(f"\nnetworkx skipped above {NETWORKX_LIMIT:,} members: exact betweenness alone would take minutes "
              f"(and its effective_size builds an n-by-n table).")


def _warm_up():
    G = nx.path_graph(400)
    nx.set_node_attributes(G, {v: v % 3 for v in G}, "group")
    return G


if __name__ == "__main__":
    chosen = tuple(int(arg.replace(",", "").replace("_", "")) for arg in sys.argv[1:]) or SIZES
    main(chosen)
