"""How the report writes numbers and lists of members: counts with thousands separators, shares as
percentages, long lists cut short, and counts from the disclosure plan (or suppressed).

>>> format_count(12345), format_share(0.125, 1), format_number(0.5), format_listing(["a", "b", "c"], limit=2)
('12,345', '12.5%', '0.50', 'a, b and 1 more')
"""

from __future__ import annotations

from .suppression import is_suppressed

__all__ = ["LIST_LIMIT", "format_count", "format_share", "format_number", "format_listing", "shown_count"]

#: Members listed by name or pseudonym in a list (isolated, cut off); the rest are counted.
LIST_LIMIT = 60


def format_count(n):
    """A whole number with thousands separators: ``format_count(1500)`` is ``'1,500'``."""
    return f"{int(n):,}"


def format_share(x, digits=0):
    """A share as a percentage: ``format_share(0.25)`` is ``'25%'``."""
    return f"{x:.{digits}%}"


def format_number(x, digits=2):
    """A number with ``digits`` decimal places: ``format_number(0.5)`` is ``'0.50'``."""
    return f"{x:.{digits}f}"


def format_listing(labels, limit=LIST_LIMIT):
    """The first ``limit`` labels joined by commas, and how many more there are."""
    labels = list(labels)
    shown = ", ".join(labels[:limit])
    return shown + (f" and {len(labels) - limit:,} more" if len(labels) > limit else "")


def shown_count(plan, key):
    """A count from the disclosure plan: the number in words, or :class:`Suppressed`."""
    value = plan.shown(key)
    return value if is_suppressed(value) else format_count(value)
