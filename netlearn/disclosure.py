"""Disclosure control: one step that decides what may be shown about small groups of people.

Why one step
    A figure hidden in one table can often be worked out from figures shown somewhere else:
    the total minus the groups shown, everyone's answers minus one group's answers, a number in
    a sentence minus a number in a table. Deciding table by table cannot see that. So everything
    published about the same people - every table, chart, sentence and widget - is first written
    into one :class:`Publication`, and :func:`protect` decides for all of it at once.

What a publication holds
    * **Cells**: counts of people (a group's members, the respondents behind a group's mean on
      one dimension, the answers to one item). Each cell stands for its count and for every
      figure computed from the same people (their mean, spread, share, answer counts).
    * **Relations** a reader can see: a total is the sum of its parts (``add_sum``), or any
      other linear equation between cells (``add_relation``), such as "a dimension's total score
      is the sum of its items' totals" when every respondent answered every item.

The rule (:func:`protect`)
    1. **Primary suppression.** A cell counting from 1 to ``minimum - 1`` people is suppressed.
       A count of 0 is shown: it says that nobody is there, which is about no person.
    2. **Secondary suppression.** A suppressed cell is *derivable* when some combination of the
       relations gives its value from shown cells alone. In linear algebra: write the relations
       as rows of a matrix, keep only the columns of cells the reader cannot see; the cell is
       derivable exactly when its unit vector lies in the row space of that matrix (then the
       equations pin it down; otherwise another solution exists). While a primary cell is
       derivable, one more shown cell from a relation used to derive it is suppressed: a count
       rather than a total if possible, then the one that leaves fewest primary cells
       derivable, then the smallest. Repeat until no primary cell is derivable. The outcome
       depends only on the data, never on which table asks first.

    A publisher then shows a suppressed total in words ("not shown"), never as a number.

What it does not do
    It stops exact recovery through sums and differences, however many tables are combined. It
    does not stop a reader narrowing a count with bounds (a suppressed count says "fewer than
    5", so two suppressed cells adding to 6 are 1 and 5, or 2 and 4...), and it says nothing
    about non-linear figures: a publisher must compute those (a diversity index, say) from
    shown cells only. It is a floor for sharing results inside a network, not a guarantee of
    anonymity: people who know each other can recognise each other in small groups.

Reference: Hundepool et al. (2012), *Statistical Disclosure Control*, Wiley: primary and
secondary cell suppression in frequency tables and in linked tables.

>>> pub = Publication(minimum=5)
>>> for group, n in {"(all)": 13, "nurses": 7, "patients": 3, "carers": 3}.items():
...     _ = pub.add(group, n, total=(group == "(all)"))
>>> pub.add_sum("(all)", ["nurses", "patients", "carers"])
>>> protect(pub).hidden_keys      # two small groups hide each other: 13 - 7 = 6 is their sum only
['patients', 'carers']
>>> pub = Publication(minimum=5)
>>> for group, n in {"(all)": 30, "a": 6, "b": 4, "c": 20}.items():
...     _ = pub.add(group, n, total=(group == "(all)"))
>>> pub.add_sum("(all)", ["a", "b", "c"])
>>> protected = protect(pub)
>>> protected.hidden_keys, protected.reason("a")   # b alone would be 30 - 6 - 20
(['a', 'b'], 'secondary')
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["Cell", "Publication", "Protection", "protect", "derivable"]

#: Tolerance for "lies in the row space" (relations have small whole-number coefficients).
_TOL = 1e-9


@dataclass
class Cell:
    """One count: ``key``, ``count`` of people; whether it is a ``total``, ``published`` at all, or ``always_shown``."""

    key: object
    count: int
    total: bool = False
    published: bool = True
    always_shown: bool = False


@dataclass
class Publication:
    """Every cell and every visible relation published about the same people (see the module notes).

    Parameters
    ----------
    minimum : int
        The smallest count shown (1 turns suppression off).
    """

    minimum: int
    cells: dict = field(default_factory=dict)
    relations: list = field(default_factory=list)

    def __post_init__(self):
        if isinstance(self.minimum, bool) or not isinstance(self.minimum, (int, np.integer)) or self.minimum < 1:
            raise ValueError(f"minimum must be a whole number of people (1 or more); got {self.minimum!r}.")

    def add(self, key, count, *, total=False, published=True, always_shown=False):
        """Add (or update) the cell ``key`` counting ``count`` people; returns ``key``.

        ``total`` marks a cell a reader values most (an "everyone" row, a table's total): it is
        suppressed to protect others only when no other cell will do. ``always_shown`` marks one
        that cannot be hidden at all (the number of members, which a report states everywhere).
        ``published=False`` is for a count printed nowhere but still linked to others (it must
        not be derivable either, if it is small).
        """
        count = int(count)
        if count < 0:
            raise ValueError(f"cell {key!r}: a count of people cannot be negative ({count}).")
        old = self.cells.get(key)
        if old is not None:  # the same people published twice: one cell, shown if shown anywhere
            total, published = old.total or total, old.published or published
            always_shown = old.always_shown or always_shown
        self.cells[key] = Cell(key, count, bool(total), bool(published), bool(always_shown))
        return key

    def add_sum(self, total, parts):
        """The reader can see that cell ``total`` is the sum of the cells ``parts``."""
        coefficients = {total: 1.0}
        for part in parts:
            coefficients[part] = coefficients.get(part, 0.0) - 1.0
        self.add_relation(coefficients)

    def add_relation(self, coefficients):
        """The reader can see that ``sum(coefficient * cell) == 0``; ``coefficients`` maps cell keys to numbers."""
        unknown = [key for key in coefficients if key not in self.cells]
        if unknown:
            raise KeyError(f"relation names cells that were never added: {unknown!r}")
        relation = {key: float(c) for key, c in coefficients.items() if c}
        if relation:
            self.relations.append(relation)

    def matrix(self, keys=None):
        """The relations as a matrix: one row per relation, one column per cell of ``keys`` (default all)."""
        keys = list(self.cells) if keys is None else list(keys)
        column = {key: k for k, key in enumerate(keys)}
        out = np.zeros((len(self.relations), len(keys)))
        for r, relation in enumerate(self.relations):
            for key, c in relation.items():
                if key in column:
                    out[r, column[key]] = c
        return out


def derivable(publication, unseen, *, among=None):
    """The cells of ``among`` (default ``unseen``) whose values follow from the cells not in ``unseen``.

    In words: keep the columns of the unseen cells in the relations matrix; an unseen cell is
    derivable when its unit vector lies in the row space of what is left (the projection of the
    unit vector onto that row space has length 1).

    >>> pub = Publication(5)
    >>> for key, n in {"all": 10, "x": 6, "y": 4}.items():
    ...     _ = pub.add(key, n)
    >>> pub.add_sum("all", ["x", "y"])
    >>> sorted(derivable(pub, {"y"})), sorted(derivable(pub, {"x", "y"}))
    (['y'], [])
    """
    unseen = [key for key in publication.cells if key in set(unseen)]
    among = set(unseen) if among is None else set(among) & set(unseen)
    if not unseen or not among or not publication.relations:
        return set()
    basis = _row_space(publication.matrix(unseen))
    if basis is None:
        return set()
    reach = (basis ** 2).sum(axis=0)
    return {key for key, length in zip(unseen, reach) if key in among and length > 1 - 1e-7}


def _row_space(M):
    M = M[np.abs(M).sum(axis=1) > 0]
    if not len(M):
        return None
    _, s, vt = np.linalg.svd(M, full_matrices=False)
    rank = int((s > _TOL * max(1.0, s[0])).sum())
    return vt[:rank] if rank else None


@dataclass
class Protection:
    """What :func:`protect` decided: ``primary`` and ``secondary`` sets of cell keys.

    ``exposed`` lists small cells that are shown anyway (marked ``always_shown``) or stay
    derivable because only such cells could protect them: in practice, a network smaller than
    the minimum.
    """

    minimum: int
    primary: set
    secondary: set
    order: list
    exposed: set = field(default_factory=set)

    @property
    def hidden_keys(self):
        """Every suppressed key, in the order the cells were added."""
        return [key for key in self.order if key in self.primary or key in self.secondary]

    def hidden(self, key):
        """True when the cell ``key`` (and every figure from its people) must not be shown."""
        return key in self.primary or key in self.secondary

    def reason(self, key):
        """``"primary"`` (too few people), ``"secondary"`` (protects another cell) or ``""`` (shown)."""
        return "primary" if key in self.primary else "secondary" if key in self.secondary else ""


def protect(publication):
    """Apply primary, then secondary suppression to ``publication`` (the rule in the module notes).

    Returns
    -------
    Protection
        ``primary``: cells of 1 to ``minimum - 1`` people. ``secondary``: further cells hidden
        so that no primary cell can be worked out from what is shown.

    Examples
    --------
    The voices text states how many patients, carers and citizens there are (10); the
    stakeholder table shows carers (7) beside patients (3): 10 - 7 would give 3 away. Hiding
    the carers would not be enough (42 - 30 - 10 gives the 2 clinicians), so the number in the
    sentence is suppressed instead, and the sentence says "not shown". The number of members is
    stated everywhere, so it is never a candidate:

    >>> pub = Publication(5)
    >>> for key, n in {"members": 42, "patient": 3, "carer": 7, "clinician": 2, "manager": 30}.items():
    ...     _ = pub.add(key, n, always_shown=(key == "members"))
    >>> pub.add_sum("members", ["patient", "carer", "clinician", "manager"])
    >>> _ = pub.add("voices", 10)
    >>> pub.add_sum("voices", ["patient", "carer"])
    >>> protected = protect(pub)
    >>> sorted(protected.primary), sorted(protected.secondary)
    (['clinician', 'patient'], ['voices'])
    """
    minimum = publication.minimum
    cells = publication.cells
    order = list(cells)
    small = {key for key, cell in cells.items() if 0 < cell.count < minimum}
    primary = {key for key in small if not cells[key].always_shown}
    secondary, stuck = set(), small - primary
    if not primary:
        return Protection(minimum, primary, secondary, order, set(stuck))
    unpublished = {key for key, cell in cells.items() if not cell.published}
    while True:
        unseen = primary | secondary | unpublished
        exposed = derivable(publication, unseen, among=primary - stuck)
        if not exposed:
            exposed = derivable(publication, unseen, among=stuck) | {key for key in stuck if key not in primary}
            return Protection(minimum, primary, secondary, order, exposed)
        target = next(key for key in order if key in exposed)
        breaker = _breaker(publication, unseen, target, order)
        if breaker is None:
            stuck.add(target)
        else:
            secondary.add(breaker)


def _breaker(publication, unseen, target, order):
    """The shown cell to suppress next, from a relation used to derive ``target``; None if none may be.

    The order of preference: a count before a total; then the cell after whose suppression
    fewest primary cells stay derivable; then a non-zero count; then the smallest.
    """
    keys = [key for key in publication.cells if key in unseen]
    M = publication.matrix(keys)
    goal = np.zeros(len(keys))
    goal[keys.index(target)] = 1.0
    weights, *_ = np.linalg.lstsq(M.T, goal, rcond=None)
    used = [relation for relation, w in zip(publication.relations, weights) if abs(w) > 1e-7]
    rank = {key: k for k, key in enumerate(order)}
    cells = publication.cells
    candidates = {key for relation in used for key in relation if key not in unseen and not cells[key].always_shown}
    if not candidates:
        return None
    primary = {key for key in unseen if 0 < cells[key].count < publication.minimum}

    def cost(key):
        still = len(derivable(publication, unseen | {key}, among=primary))
        return cells[key].total, still, cells[key].count == 0, cells[key].count, rank[key]

    return min(candidates, key=cost)
