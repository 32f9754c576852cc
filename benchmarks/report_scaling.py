"""How long ``python -m netlearn report`` takes on communities of 5,000 and 20,000 members.

Prints the time of each step of the report (reading and checking the files, each section,
writing the page) and the total, beside a **baseline** run in the same process on the same
network: :func:`netlearn.roles.role_profile` alone (exact betweenness, constraint and effective
size with igraph), the heaviest single measure the report needs, which the report must compute
anyway. The ratio report / baseline says what the rest of the report costs on top (the goal is
1.5 or less). Both wall-clock time and CPU time are printed: on a shared machine wall time
includes waiting for other work, CPU time does not, so the ratio is taken on CPU time.

Run it from the repository root:

    .venv/bin/python benchmarks/report_scaling.py                  # 5,000 and 20,000 members
    .venv/bin/python benchmarks/report_scaling.py 2000 5000        # chosen sizes
    .venv/bin/python benchmarks/report_scaling.py 5000 --leaders 5 # five formal leaders, not one
    .venv/bin/python benchmarks/report_scaling.py --repeat 3       # best of 3 runs per size

The community comes from ``netlearn.synthetic.make_community(n_members, mean_degree=20,
n_regions=10, seed=0)``: ``knows`` ties (undirected, n * 10 of them) and ``advice`` ties
(directed), with one formal leader (``--leaders K`` marks K members, spread evenly through the
members file, instead; with several leaders the reliance measure counts shortest paths itself
rather than reusing the one leader's betweenness). It is written to CSV files in a temporary folder and read
back exactly as the command line reads a learner's files.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import igraph  # noqa: E402
import networkx as nx  # noqa: E402

import netlearn  # noqa: E402
from netlearn.report import build_report, render_html, write_report  # noqa: E402
from netlearn.roles import role_profile  # noqa: E402
from netlearn.synthetic import make_community  # noqa: E402

KEY = b"benchmark key, not secret, 32 characters or more"


class Clock:
    """Records wall and CPU time of named steps (usable as the report's ``progress``)."""

    def __init__(self):
        self.steps = []

    @contextlib.contextmanager
    def __call__(self, label):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.steps.append((label, time.perf_counter() - wall, time.process_time() - cpu))


def write_community(n, folder, leaders=1):
    tables = make_community(n_members=n, mean_degree=20, n_regions=10, seed=0)
    if leaders != 1:
        members = tables["members"]
        chosen = set(range(0, n, max(1, n // leaders))[:leaders])
        members["formal_leader"] = ["yes" if i in chosen else "no" for i in range(len(members))]
    paths = {}
    for name, frame in tables.items():
        paths[name] = folder / f"{name}.csv"
        frame.to_csv(paths[name], index=False)
    knows = int((tables["ties"]["relation"] == "knows").sum())
    return paths, knows, len(tables["ties"]) - knows


def one_run(paths, out):
    clock = Clock()
    with clock("Reading the files"):
        net = netlearn.read_network(paths["members"], paths["ties"], relations=paths["relations"])
    report = build_report(net, key=KEY, progress=clock)
    with clock("Writing the page"):
        write_report(render_html(report), out, force=True)
    return clock.steps, report


def baseline(paths):
    net = netlearn.read_network(paths["members"], paths["ties"], relations=paths["relations"])
    G = net.graph("knows")
    wall, cpu = time.perf_counter(), time.process_time()
    role_profile(G, group="group")
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[5000, 20000],
                        help="numbers of members (default 5000 20000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest total is kept")
    parser.add_argument("--leaders", type=int, default=1, help="formal leaders marked (default 1)")
    args = parser.parse_args(argv)
    print(f"netlearn report benchmark - {datetime.date.today().isoformat()}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"networkx {nx.__version__}, igraph {igraph.__version__}")
    print("network: netlearn.synthetic.make_community(n, mean_degree=20, n_regions=10, seed=0), via CSV files")
    print(f"times in seconds (wall-clock / CPU), best of {args.repeat} run(s) by CPU time\n")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            paths, knows, advice = write_community(n, folder, args.leaders)
            best = None
            for _ in range(args.repeat):
                steps, report = one_run(paths, folder / "report.html")
                total = sum(c for _, _, c in steps)
                if best is None or total < best[0]:
                    best = (total, steps, report)
            base_wall, base_cpu = min((baseline(paths) for _ in range(args.repeat)), key=lambda times: times[1])
            _, steps, report = best
            total = sum(w for _, w, _ in steps)
            total_cpu = sum(c for _, _, c in steps)
            leaders = len(report.section("leadership").data.get("formal_leaders", []))
            print(f"{n:,} members, {knows:,} knows ties, {advice:,} advice ties, {leaders} formal leader(s)")
            width = max(len(label) for label, _, _ in steps) + 2
            print(f"  {'step':<{width}} {'wall':>7} {'CPU':>7}")
            for label, wall, cpu in steps:
                print(f"  {label:<{width}} {wall:7.2f} {cpu:7.2f}")
            print(f"  {'total':<{width}} {total:7.2f} {total_cpu:7.2f}")
            print(f"  {'baseline: role_profile alone':<{width}} {base_wall:7.2f} {base_cpu:7.2f}")
            print(f"  report / baseline: {total_cpu / base_cpu:.2f} (CPU), {total / base_wall:.2f} (wall)")
            missing = [s.title for s in report.sections if not s.available]
            print(f"  sections not available: {', '.join(missing) if missing else 'none'}; "
                  f"page {len(render_html(report)) / 1024:.0f} KB\n")


if __name__ == "__main__":
    main()
