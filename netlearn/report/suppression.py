"""Small-group suppression: figures about fewer than ``minimum`` people are never shown as numbers.

A table that says "Patients: 2 members, E-I index -1" tells everyone who knows the network what
those two people do. The report therefore follows two rules, on every table and chart:

1. **Primary suppression.** A count of people between 1 and ``minimum - 1``, and every figure
   computed from those people alone (their share, their E-I index, their ties), is replaced by
   the words "suppressed (fewer than 5)".
2. **Secondary suppression.** Where the table's total is shown elsewhere, one suppressed count
   could be worked out by subtraction. So when exactly one count in a breakdown is suppressed,
   the next smallest count is suppressed too.

A count of zero is shown: it says that nobody of that kind is there (a missing voice), which
discloses nothing about any person. These rules are a sensible default for sharing results
within a network, not a guarantee against every way of combining tables.

>>> shown = suppress_counts({"clinician": 63, "manager": 25, "patient": 4, "carer": 0}, minimum=5)
>>> [str(v) for v in shown.values()]
['63', 'suppressed (fewer than 5)', 'suppressed (fewer than 5)', '0']
"""

from __future__ import annotations

__all__ = ["Suppressed", "suppress_counts", "small_groups", "is_suppressed"]


class Suppressed:
    """Stands in a table cell for a figure that is not shown; ``str`` gives the words shown instead."""

    __slots__ = ("minimum",)

    def __init__(self, minimum):
        self.minimum = minimum

    def __str__(self):
        return f"suppressed (fewer than {self.minimum})"

    def __repr__(self):
        return f"Suppressed({self.minimum})"

    def __eq__(self, other):
        return isinstance(other, Suppressed) and other.minimum == self.minimum

    def __hash__(self):
        return hash(("Suppressed", self.minimum))


def is_suppressed(value):
    """True for a :class:`Suppressed` cell."""
    return isinstance(value, Suppressed)


def small_groups(counts, minimum, *, total_shown=True):
    """The keys of ``counts`` whose figures must not be shown (primary and secondary suppression).

    Parameters
    ----------
    counts : dict
        Category -> number of people.
    minimum : int
        The smallest group shown (``--min-group-size``); 1 turns suppression off.
    total_shown : bool, optional
        Whether the total of the counts appears elsewhere (then one suppressed count alone could
        be worked out, and a second is suppressed).

    >>> sorted(small_groups({"a": 10, "b": 7, "c": 2}, 5))
    ['b', 'c']
    >>> sorted(small_groups({"a": 10, "b": 7, "c": 2}, 5, total_shown=False))
    ['c']
    """
    hidden = {key for key, count in counts.items() if 0 < count < minimum}
    if total_shown and len(hidden) == 1:
        rest = sorted(((count, str(key), key) for key, count in counts.items() if key not in hidden and count > 0),
                      key=lambda item: item[:2])
        if rest:
            hidden.add(rest[0][2])
    return hidden


def suppress_counts(counts, minimum, *, total_shown=True):
    """``counts`` with the figures of :func:`small_groups` replaced by :class:`Suppressed`."""
    hidden = small_groups(counts, minimum, total_shown=total_shown)
    return {key: (Suppressed(minimum) if key in hidden else count) for key, count in counts.items()}
