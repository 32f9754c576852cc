"""How long ``import netlearn`` takes, beside ``import pandas, networkx``.

Each run starts a fresh Python (so nothing is cached in memory by an earlier import), imports
the modules and reports the time the import took, measured inside that Python with
``time.perf_counter``. The two imports alternate (baseline, netlearn, baseline, ...) so that a
busy moment on the machine hits both alike; the ratio is of the medians. Python's own start-up
is not counted, since a learner pays it whatever they import.

Run from the repository root::

    .venv/bin/python benchmarks/import_time.py          # 21 runs of each
    .venv/bin/python benchmarks/import_time.py 41       # more runs on a noisy machine

Target: netlearn within 1.3 times the baseline. netlearn needs pandas and networkx itself,
so the ratio shows what netlearn adds on top of them.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASES = {
    "import pandas, networkx (baseline)": "import pandas, networkx",
    "import netlearn": "import netlearn",
}

_TIMER = ("import time; _t = time.perf_counter(); {code}; "
          "print(time.perf_counter() - _t)")

#: Modules a learner should not pay for at ``import netlearn``: each is loaded when first needed.
HEAVY = ("scipy", "scipy.stats", "matplotlib", "matplotlib.pyplot", "igraph", "yaml", "ipywidgets", "IPython")


def time_import(code):
    """Seconds one fresh Python spends on ``code`` (an import statement)."""
    result = subprocess.run([sys.executable, "-c", _TIMER.format(code=code)], cwd=ROOT, check=True,
                            capture_output=True, text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    return float(result.stdout.strip().splitlines()[-1])


def heavy_modules_loaded():
    """Which of :data:`HEAVY` ``import netlearn`` loads (should be none)."""
    code = f"import sys, netlearn; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return [name for name in out.stdout.strip().split(",") if name]


def main(runs=21):
    for code in CASES.values():  # warm the file system cache and the .pyc files once
        time_import(code)
    times = {label: [] for label in CASES}
    for _ in range(runs):
        for label, code in CASES.items():
            times[label].append(time_import(code))
    baseline = statistics.median(times["import pandas, networkx (baseline)"])
    print(f"import time benchmark - {runs} fresh Pythons each, interleaved")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    print(f"{'what':40s} {'median ms':>10s} {'min ms':>8s} {'max ms':>8s} {'x baseline':>11s}")
    for label, values in times.items():
        median = statistics.median(values)
        print(f"{label:40s} {1000 * median:10.0f} {1000 * min(values):8.0f} {1000 * max(values):8.0f} "
              f"{median / baseline:11.2f}")
    loaded = heavy_modules_loaded()
    print()
    print("heavy modules loaded by import netlearn:", ", ".join(loaded) if loaded else "none")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
