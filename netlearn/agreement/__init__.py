"""How far members agree: on a network's priorities, on survey answers, and within a scale.

A network with a shared purpose can act together; one whose members want different things has
to talk about it first. These measures put a number on agreement so that a leader can see it,
compare groups, and find the question that divides people:

* :func:`kendalls_w` - do members rank the network's priorities in the same order? With
  :func:`kendalls_w_by_group` per region or group, and :func:`most_divisive_item` for the
  priority that splits them most.
* :func:`rwg` and :func:`rwg_j` - do members of a group give the same answer to a survey
  question (or a set of questions) on a rating scale?
* :func:`cronbach_alpha` - do a set of questions hang together well enough to be added up
  into one score?

>>> import pandas as pd
>>> ranks = pd.DataFrame({"learn": [1, 1, 2], "spread": [2, 3, 1], "influence": [3, 2, 3]})
>>> round(kendalls_w(ranks).w, 3)  # rank totals 4, 6, 8: S = 8, W = 12 * 8 / (3**2 * (3**3 - 3))
0.444

Missing answers are never dropped silently: by default they stop the calculation with a message
that counts them, and ``missing="drop"`` leaves out the incomplete rows with a warning saying how
many.

The package is laid out by kind of agreement: :mod:`~netlearn.agreement.ranks` (Kendall's W),
:mod:`~netlearn.agreement.within_group` (r_wg), :mod:`~netlearn.agreement.reliability` (Cronbach's
alpha) and :mod:`~netlearn.agreement.answers` (the input checks they share). Import from
``netlearn.agreement`` itself; every name above is here.
"""

from __future__ import annotations

from .ranks import DivisiveItem, KendallW, kendalls_w, kendalls_w_by_group, most_divisive_item
from .within_group import rwg, rwg_j
from .reliability import cronbach_alpha

__all__ = ["KendallW", "DivisiveItem", "kendalls_w", "kendalls_w_by_group", "most_divisive_item",
           "rwg", "rwg_j", "cronbach_alpha"]
