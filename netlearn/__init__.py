"""netlearn: the library behind the network leadership course.

The notebooks stay short; the logic lives here, documented and tested.

Loading data
    :func:`list_datasets`, :func:`load_dataset`, :func:`read_network`, :class:`Network`
Errors written for people
    :class:`DataError` (bad input: file, row, column, what is wrong, how to fix it),
    :class:`RelationError`, :class:`MemberError`

See ``docs/ARCHITECTURE.md`` for the map of modules and how data flows from CSV to report.
"""

from .errors import DataError, MemberError, NetlearnError, RelationError
from .loaders import datasets_folder, list_datasets, load_dataset, read_network
from .network import Network

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "MemberError",
    "NetlearnError",
    "RelationError",
    "Network",
    "datasets_folder",
    "list_datasets",
    "load_dataset",
    "read_network",
]
