"""Checking tie weights before a measure uses them: one rule for every measure in the library.

A weight is a number on a tie: how often two people talk, how strongly someone relies on a
colleague for leadership, or an energy rating from -2 (draining) to +2 (energizing). A measure that
adds weights up, or reads them as distances, gives nonsense if they are the wrong kind of number,
so :func:`check_weights` stops it with a :class:`~netlearn.MeasureError` that names the tie. It
checks three things:

* **Every tie has a weight.** When a weight is asked for, a tie without one is reported, never
  quietly counted as 1 (a missing rating is not a rating of 1). If no tie has the attribute at all,
  the relation is not weighted, and the message says to count ties instead (``weight=None``).
* **Each weight is a real number** (not text, not a yes/no value, not infinite).
* **Its sign suits the measure.** ``sign="positive"``: more than 0, for measures that read a
  weight as a length or a strength to divide by (betweenness, closeness, constraint);
  ``"non-negative"``: 0 or more, for measures that add weights up (the E-I index, the density of
  leadership nominations, the strength of links between organisations). Adding a -2 to a +2 would
  let a draining tie cancel an energizing one, so signed ratings are refused there with a message
  saying what to do. ``"any"``: every real number, for measures that handle the sign themselves
  and say how (energy received in :func:`netlearn.roles.role_profile` counts only positive
  ratings).

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_edge("ann", "bo", weight=2)
>>> G.add_edge("bo", "cy", weight=-1)
>>> check_weights(G, "weight", what="The E-I index", sign="non-negative")
Traceback (most recent call last):
...
netlearn.errors.MeasureError: The E-I index adds weights up, ... the tie 'bo' - 'cy' has a negative 'weight' (-1). ...
>>> check_weights(G, "weight", sign="any")  # nothing to report
"""

from __future__ import annotations

import math
import numbers

from .errors import MeasureError

__all__ = ["SIGNS", "check_weights"]

#: The sign rules :func:`check_weights` knows.
SIGNS = ("positive", "non-negative", "any")


def _tie(G, u, v):
    return f"{u!r} -> {v!r}" if G.is_directed() else f"{u!r} - {v!r}"


def _is_missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def check_weights(G, weight, *, what="This measure", sign="positive"):
    """Raise :class:`~netlearn.MeasureError` unless every tie of ``G`` has a usable ``weight``.

    Parameters
    ----------
    G : networkx graph
    weight : str or None
        The tie attribute holding the weight; ``None`` (ties counted, not weighed) checks nothing.
    what : str
        The measure's name, used to start the message.
    sign : {"positive", "non-negative", "any"}
        Which values the measure can use (see the module notes).

    Raises
    ------
    MeasureError
        A tie without the attribute (while others have it), no tie with it at all, a value that
        is not a real number, or a value whose sign the measure cannot use. The message names the
        first such tie and how many there are.
    """
    if weight is None:
        return
    if sign not in SIGNS:
        raise ValueError(f"sign must be one of {', '.join(repr(s) for s in SIGNS)}; got {sign!r}.")
    lacking, total = [], 0
    for u, v, data in G.edges(data=True):
        total += 1
        w = data.get(weight)
        if _is_missing(w):
            lacking.append((u, v))
            continue
        if isinstance(w, bool) or not isinstance(w, numbers.Real) or not math.isfinite(w):
            raise MeasureError(f"{what} needs numbers in the tie attribute '{weight}', but the tie {_tie(G, u, v)} "
                               f"has {w!r}. Correct that tie's weight, or leave weight=None to count ties.")
        if sign == "positive" and w <= 0:
            raise MeasureError(f"{what} needs positive numbers in the tie attribute '{weight}', but the tie "
                               f"{_tie(G, u, v)} has {w!r}. Leave weight=None to count ties, or keep only ties "
                               "with a positive weight.")
        if sign == "non-negative" and w < 0:
            raise MeasureError(
                f"{what} adds weights up, so they must be 0 or more, but the tie {_tie(G, u, v)} has a negative "
                f"'{weight}' ({w:g}). A negative rating (such as a draining tie rated -2) would cancel out a "
                "positive one. Leave weight=None to count ties, or measure the positive and negative ties "
                "separately (keep the ties above 0 in one graph, those below 0 in another).")
    if lacking and len(lacking) == total:
        raise MeasureError(f"{what} was asked to use the tie attribute '{weight}', but no tie has one: this "
                           "relation is not weighted. Leave weight=None to count ties.")
    if lacking:
        u, v = lacking[0]
        more = f" ({len(lacking)} ties have none)" if len(lacking) > 1 else ""
        raise MeasureError(f"The tie {_tie(G, u, v)} has no '{weight}', but other ties have one{more}; {what} "
                           "will not guess it (a missing rating is not a rating of 1). Give every tie a weight, "
                           "or leave weight=None to count ties.")
