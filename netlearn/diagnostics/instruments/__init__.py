"""Diagnostic instruments: a matrix, survey or scale described in a YAML file, checked on loading.

An instrument file says what is asked (``items``), how answers are given (``scale``), what the
answers add up to (``dimensions``) and, for a maturity matrix, what each level of each dimension
looks like (``levels``). :func:`load_instrument` reads one, checks every rule below and returns an
:class:`Instrument`; any mistake stops with an :class:`InstrumentError` naming the file, the line
and the key, and saying how to fix it. The format is described for trainers in
``datasets/instruments/README.md``.

Rules checked, in order: the file is valid YAML with no key given twice; no unknown keys (close
spellings are suggested); the required keys are present; ``kind`` is matrix, survey or scale; the
scale has whole-number ``min`` < ``max`` and a label for every point; a ``reverse_rule``, if given,
is one netlearn knows; dimension and item ids are unique, simple (lower-case letters, digits and
``_``) and not a column name the response files reserve; every rating item names a known
dimension; a reverse key appears only on a scale that defines a reverse rule; every dimension has
at least one rating item; and for a matrix, every dimension has one question whose id is the
dimension's id, and a descriptor for every level from the scale's ``min`` to its ``max``, with no
level skipped.

>>> matrix = load_instrument("network_maturity_matrix")
>>> matrix.kind, len(matrix.dimensions), matrix.scale.points
('matrix', 8, [1, 2, 3, 4, 5])
>>> matrix.levels["purpose"][1][:40]
'Asked why they belong, members give unre'

The model (:class:`Instrument` and its parts) is in :mod:`~netlearn.diagnostics.instruments.model`;
finding, reading and checking files is in :mod:`~netlearn.diagnostics.instruments.loading`.
"""

from __future__ import annotations

from .model import KINDS, RESERVED_COLUMNS, Dimension, Instrument, InstrumentError, Item, Scale
from .loading import instruments_folder, list_instruments, load_instrument

__all__ = ["Instrument", "Dimension", "Item", "Scale", "InstrumentError", "load_instrument",
           "list_instruments", "instruments_folder", "KINDS", "RESERVED_COLUMNS"]
