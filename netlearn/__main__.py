"""``python -m netlearn``: the course's command line.

    python -m netlearn report MEMBERS.csv TIES.csv [options]

writes a privacy-safe HTML report on your own network (see ``python -m netlearn report --help``
and :mod:`netlearn.report`). :func:`main` is also the entry point of the ``netlearn`` command.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main(argv=None):
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    from .report.cli import main as _main

    return _main(argv)


if __name__ == "__main__":
    sys.exit(main())
