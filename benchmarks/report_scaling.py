"""How long ``python -m netlearn report`` takes on a community of 5,000 members and 50,000 ties.

Prints the time of each step of the report (reading and checking the files, each section,
writing the page) and the total, beside a **baseline** run in the same process on the same
network: :func:`netlearn.roles.role_profile` alone (exact betweenness, constraint and effective
size with igraph), the heaviest single measure the report needs. Both wall-clock time and CPU
time are printed: on a shared machine wall time includes waiting for other work, CPU time does
not.

Run it from the repository root:

    .venv/bin/python benchmarks/report_scaling.py              # 5,000 members, best of 1 run
    .venv/bin/python benchmarks/report_scaling.py 2000 5000    # chosen sizes
    .venv/bin/python benchmarks/report_scaling.py --repeat 3   # best of 3 runs per size

The community comes from ``netlearn.synthetic.make_community(n_members, mean_degree=20,
n_regions=10, seed=0)``: ``knows`` ties (undirected, n * 10 of them) and ``advice`` ties
(directed), with one formal leader. It is written to CSV files in a temporary folder and read
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


def write_community(n, folder):
    tables = make_community(n_members=n, mean_degree=20, n_regions=10, seed=0)
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
    parser.add_argument("sizes", nargs="*", type=int, default=[5000], help="numbers of members (default 5000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest total is kept")
    args = parser.parse_args(argv)
    print(f"netlearn report benchmark - {datetime.date.today().isoformat()}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"networkx {nx.__version__}, igraph {igraph.__version__}")
    print("network: netlearn.synthetic.make_community(n, mean_degree=20, n_regions=10, seed=0), via CSV files")
    print(f"times in seconds (wall-clock / CPU), best of {args.repeat} run(s)\n")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            paths, knows, advice = write_community(n, folder)
            best = None
            for _ in range(args.repeat):
                steps, report = one_run(paths, folder / "report.html")
                total = sum(w for _, w, _ in steps)
                if best is None or total < best[0]:
                    best = (total, steps, report)
            base_wall, base_cpu = baseline(paths)
            total, steps, report = best
            total_cpu = sum(c for _, _, c in steps)
            print(f"{n:,} members, {knows:,} knows ties, {advice:,} advice ties")
            width = max(len(label) for label, _, _ in steps) + 2
            print(f"  {'step':<{width}} {'wall':>7} {'CPU':>7}")
            for label, wall, cpu in steps:
                print(f"  {label:<{width}} {wall:7.2f} {cpu:7.2f}")
            print(f"  {'total':<{width}} {total:7.2f} {total_cpu:7.2f}")
            print(f"  {'baseline: role_profile alone':<{width}} {base_wall:7.2f} {base_cpu:7.2f}")
            print(f"  report / baseline (CPU): {total_cpu / base_cpu:.1f}")
            missing = [s.title for s in report.sections if not s.available]
            print(f"  sections not available: {', '.join(missing) if missing else 'none'}; "
                  f"page {len(render_html(report)) / 1024:.0f} KB\n")


if __name__ == "__main__":
    main()
