"""Write the synthetic answers to the course's diagnostic instruments: the same bytes every time.

Usage::

    python scripts/build_response_datasets.py              # writes into datasets/responses/
    python scripts/build_response_datasets.py --out DIR    # writes into DIR (tests build into a temp folder)

Three files are written, each from a seeded generator in :mod:`netlearn.synthetic_responses`:

* ``matrix_workshop.csv`` - a maturity-matrix workshop, long format (one row per member and dimension);
* ``health_check.csv`` - 120 answers to the health-check survey, with gaps and comments;
* ``curiosity.csv`` - 60 answers to the curiosity practice self-assessment.

The data card, ``datasets/responses/README.md``, is written by hand and never touched here; it
describes every column. CSV conventions are those of ``scripts/build_datasets.py``: UTF-8 without
BOM, commas, ``\\n`` line endings, a header row, blank for missing, a cell quoted only when it holds
a comma, a quote or a line break.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a fresh clone, without installing
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from netlearn.synthetic_responses import (  # noqa: E402  (after the sys.path fix above)
    SEED_CURIOSITY, SEED_HEALTH_CHECK, SEED_MATRIX, make_curiosity, make_health_check, make_matrix_workshop,
)

FILES = {
    "matrix_workshop.csv": lambda: make_matrix_workshop(SEED_MATRIX),
    "health_check.csv": lambda: make_health_check(SEED_HEALTH_CHECK),
    "curiosity.csv": lambda: make_curiosity(SEED_CURIOSITY),
}


def cell(value):
    """One value as CSV text: blank for missing, whole numbers without a decimal point."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "item"):  # numpy scalars
        return cell(value.item())
    return str(value)


def csv_bytes(frame):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def build(out):
    """Write every file into ``out``; return the paths written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in FILES.items():
        path = out / name
        path.write_bytes(csv_bytes(make()))
        written.append(path)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "datasets" / "responses"),
                        help="folder to write into (default: the repository's datasets/responses/)")
    args = parser.parse_args(argv)
    files = build(args.out)
    print(f"wrote {len(files)} files under {args.out}")


if __name__ == "__main__":
    main()
