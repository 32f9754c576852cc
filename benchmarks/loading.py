"""How much do netlearn's checks cost when reading a network from CSV?

Baseline: plain pandas ``read_csv`` of both files plus ``networkx.from_pandas_edgelist`` (no checks,
no attributes on nodes). Against it, side by side in the same run:

* ``read_network`` - decoding, delimiter detection, every validation rule, typed tables;
* ``read_network`` + ``Network.graph("knows")`` - what a notebook actually does.

Run with ``make benchmark`` or ``.venv/bin/python benchmarks/loading.py [--members N] [--repeat R]``.
It prints medians of R runs, interleaved so that machine noise hits both sides alike, and the ratio
to the baseline. Tests never assert times; this script is how speed is watched.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx
import pandas as pd

import netlearn
from netlearn.synthetic import make_community


def baseline(folder):
    members = pd.read_csv(folder / "members.csv")
    ties = pd.read_csv(folder / "ties.csv")
    knows = ties[ties["relation"] == "knows"]
    G = nx.from_pandas_edgelist(knows, "source", "target")
    G.add_nodes_from(members["id"])
    return G


def netlearn_read(folder):
    return netlearn.read_network(folder / "members.csv", folder / "ties.csv",
                                 relations=folder / "relations.csv")


def netlearn_read_and_graph(folder):
    return netlearn_read(folder).graph("knows")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    data = make_community(n_members=args.members)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("members", "ties", "relations"):
            data[name].to_csv(folder / f"{name}.csv", index=False)
        runs = {"baseline (pandas + networkx, no checks)": baseline,
                "read_network": netlearn_read,
                "read_network + graph('knows')": netlearn_read_and_graph}
        times = {label: [] for label in runs}
        for _ in range(args.repeat):
            for label, function in runs.items():
                start = time.perf_counter()
                function(folder)
                times[label].append(time.perf_counter() - start)

    n_ties = len(data["ties"])
    print(f"Reading a community of {args.members:,} members and {n_ties:,} ties "
          f"(median of {args.repeat}; Python {platform.python_version()}, pandas {pd.__version__}, "
          f"networkx {nx.__version__})")
    base = statistics.median(next(iter(times.values())))
    print(f"{'what':45s} {'median s':>9s} {'x baseline':>11s}")
    for label, values in times.items():
        median = statistics.median(values)
        print(f"{label:45s} {median:9.3f} {median / base:11.2f}")


if __name__ == "__main__":
    main()
