"""How long matching takes in communities of 500, 4,500 and 20,000 members.

Prints one table with, for each size:

* **find_helpers** - the mean time of ``netlearn.matching.find_helpers`` (up to two
  introductions, so a search three steps deep, counting every shortest chain and writing the
  reasons), over the same 50 members asking about "evaluation";
* **baseline** - the mean time of ``networkx.single_source_shortest_path_length(G, member,
  cutoff=3)`` for the same members: the bare breadth-first search to the same depth, with no
  chain counting and no table. The ratio find_helpers / baseline is what the matcher adds;
* **suggest_introductions** (10 suggestions between regions) beside one pass over every tie that
  counts ties by pair of regions (``networkx.attribute_mixing_dict``), the least any such rule
  must do.

It also checks, for every member timed, that find_helpers lists exactly the members who offer
the topic within three steps according to networkx, each with networkx's number of steps minus
one as its number of introductions ("same answers").

Run it from the repository root:

    .venv/bin/python benchmarks/matching_scaling.py             # 500, 4,500 and 20,000 members
    .venv/bin/python benchmarks/matching_scaling.py 4500        # chosen sizes only

Communities come from ``netlearn.matching.large_community`` (``netlearn.synthetic.make_community``
with about 10 ties per member in 10 regions, seed 1, plus seeded topics). No test asserts these
times.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx  # noqa: E402

from netlearn.matching import find_helpers, large_community, suggest_introductions, topics_of  # noqa: E402

SIZES = (500, 4_500, 20_000)
TIES_PER_MEMBER = 10
REGIONS = 10
SEED = 1
MEMBERS_TIMED = 50
TOPIC = "evaluation"
REPEATS = 3


def community(n):
    return large_community(n, mean_degree=TIES_PER_MEMBER, n_regions=REGIONS, seed=SEED).graph("knows")


def askers(G):
    """MEMBERS_TIMED members spread evenly through the id order (the same ones every run)."""
    ids = sorted(G)
    step = max(1, len(ids) // MEMBERS_TIMED)
    return ids[::step][:MEMBERS_TIMED]


def mean_time(function, items, repeats=REPEATS):
    """Best of ``repeats`` runs over all items, divided by the number of items, in milliseconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for item in items:
            function(item)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / len(items)


def best_time(function, repeats=REPEATS):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return 1000 * best


def same_answers(G, members):
    offering = {v for v, items in topics_of(G).items() if TOPIC in items}
    for member in members:
        table = find_helpers(G, member, TOPIC)
        lengths = nx.single_source_shortest_path_length(G, member, cutoff=3)
        expected = {v: lengths[v] - 1 for v in offering if v in lengths and v != member}
        if dict(zip(table.index, table["introductions"])) != expected:
            return f"NO (member {member})"
    return "yes"


def main(sizes):
    print(f"matching scaling benchmark - {datetime.date.today().isoformat()}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"networkx {nx.__version__}")
    print(f"network: netlearn.matching.large_community, about {TIES_PER_MEMBER} ties per member, {REGIONS} "
          f"regions, seed {SEED}; topic '{TOPIC}'")
    print(f"times in milliseconds, best of {REPEATS} runs; find_helpers and the baseline are per member, "
          f"averaged over {MEMBERS_TIMED} members")
    print()
    header = (f"{'members':>8} {'ties':>8} {'find_helpers':>13} {'bfs depth 3':>12} {'ratio':>6} "
              f"{'suggest_intro':>14} {'mixing pass':>12} {'ratio':>6}  same answers")
    print(header)
    for n in sizes:
        G = community(n)
        members = askers(G)
        find_helpers(G, members[0], TOPIC)  # first call pays for imports
        t_find = mean_time(lambda m: find_helpers(G, m, TOPIC), members)
        t_bfs = mean_time(lambda m: nx.single_source_shortest_path_length(G, m, cutoff=3), members)
        t_suggest = best_time(lambda: suggest_introductions(G, "region", k=10))
        t_mixing = best_time(lambda: nx.attribute_mixing_dict(G, "region"))
        check = same_answers(G, members)
        print(f"{n:>8,} {G.number_of_edges():>8,} {t_find:>13.2f} {t_bfs:>12.2f} {t_find / t_bfs:>6.1f} "
              f"{t_suggest:>14.1f} {t_mixing:>12.1f} {t_suggest / t_mixing:>6.1f}  {check}")
    print()
    print("find_helpers also counts every shortest chain, picks the chain to show, and writes a sentence per "
          "helper; the baseline only measures distances.")


if __name__ == "__main__":
    chosen = tuple(int(arg.replace(",", "").replace("_", "")) for arg in sys.argv[1:]) or SIZES
    main(chosen)
