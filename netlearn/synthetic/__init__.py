"""Seeded synthetic networks for the course: tables only, no files.

Each generator returns a dict of plain pandas DataFrames laid out exactly like the CSV files in
``datasets/`` (see ``datasets/README.md``): ``members``, ``ties`` and ``relations``, plus any extra
table (e.g. ``purpose_rankings``). Cells already follow the file conventions - yes/no for true/false,
``"; "`` between the items of a list, a blank (missing) weight for unweighted relations - so that
``scripts/build_datasets.py`` can write them as they are.

* :func:`make_q_community` - an improvement community of 150 members (the ``q_community`` dataset).
* :func:`make_devon_stp` - a multi-organisation partnership in Devon (the ``devon_stp`` dataset).
* :func:`make_community` - a large community of any size, for speed tests; never written to disk.

All randomness comes from :class:`random.Random` seeded with the ``seed`` argument, and only from its
``random()`` method: Python guarantees that method's stream for a given seed on every version, but
not that of ``sample``, ``choices``, ``gauss`` and the rest, so those are rebuilt here from
``random()`` (see :class:`~netlearn.synthetic.draws.StableRandom`). The same seed therefore gives byte-identical files on every
machine (``tests/test_datasets.py`` checks this). No set of strings is ever iterated over while
drawing random numbers, because the order of such sets changes from one Python process to the next.

No person described by these tables exists: names are random pairs drawn from short lists of
common first names and surnames, and every tie is drawn at random by the rules documented in each
function.

One module per dataset: :mod:`~netlearn.synthetic.q_community`, :mod:`~netlearn.synthetic.devon_stp`
and :mod:`~netlearn.synthetic.community`; what they share is in :mod:`~netlearn.synthetic.draws`
(the stable random stream) and :mod:`~netlearn.synthetic.tables` (names and table layout).
"""

from __future__ import annotations

from .draws import StableRandom
from .tables import FIRST_NAMES, LAST_NAMES, LIST_SEPARATOR, NO, YES
from .q_community import Q_PURPOSES, Q_REASONS, Q_REGIONS, Q_TOPICS, make_q_community
from .devon_stp import DEVON_WORKSTREAMS, make_devon_stp
from .community import make_community

__all__ = ["make_q_community", "make_devon_stp", "make_community",
           "Q_REGIONS", "Q_TOPICS", "Q_REASONS", "Q_PURPOSES", "DEVON_WORKSTREAMS"]
