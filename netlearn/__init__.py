"""netlearn: the library behind the network leadership course.

The notebooks stay short; the logic lives here, documented and tested.

Loading data
    :func:`list_datasets`, :func:`load_dataset`, :func:`read_network`, :class:`Network`
Measures, one module per family
    :mod:`netlearn.roles` (brokers, central connectors, energizers, brokerage, talent spotting),
    :mod:`netlearn.leadership` (centralisation, shared leadership, reliance on formal leaders,
    what-if, reciprocity), :mod:`netlearn.diversity`, :mod:`netlearn.agreement`,
    :mod:`netlearn.governance`, :mod:`netlearn.multiorg`, :mod:`netlearn.partnership`,
    :mod:`netlearn.purpose`, :mod:`netlearn.membership`, :mod:`netlearn.matching`,
    :mod:`netlearn.listening`; exact heavy measures in :mod:`netlearn.fastgraph` (igraph for
    larger networks)
Diagnostics and reports
    :mod:`netlearn.diagnostics` (instruments, scoring, the maturity-matrix conversation),
    :mod:`netlearn.report` (``netlearn report``: a privacy-safe HTML report on your own network)
Drawings and widgets
    :mod:`netlearn.drawing`, :mod:`netlearn.widgets`
Exercises and coaching
    :mod:`netlearn.exercises`, :mod:`netlearn.coaching`
Errors written for people
    :class:`DataError` (bad input: file, row, column, what is wrong, how to fix it),
    :class:`RelationError`, :class:`MemberError`, :class:`MeasureError`

See ``docs/ARCHITECTURE.md`` for the map of modules and how data flows from CSV to report.
"""

from . import agreement, diversity, governance, leadership, multiorg, roles
from .errors import DataError, MeasureError, MemberError, NetlearnError, RelationError
from .loaders import datasets_folder, list_datasets, load_dataset, read_network
from .network import Network

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "MeasureError",
    "MemberError",
    "NetlearnError",
    "RelationError",
    "Network",
    "datasets_folder",
    "list_datasets",
    "load_dataset",
    "read_network",
    "agreement",
    "diversity",
    "governance",
    "leadership",
    "multiorg",
    "roles",
]
