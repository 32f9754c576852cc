"""Small-group suppression in the report: figures about fewer than ``minimum`` people are never shown as numbers.

A table that says "Patients: 2 members, E-I index -1" tells everyone who knows the network what
those two people do. The report therefore follows the rule of :mod:`netlearn.disclosure`, once,
for everything it publishes about members:

1. **Primary suppression.** A count of people between 1 and ``minimum - 1``, and every figure
   computed from those people alone (their share, their E-I index, their ties, their colour in
   the picture), is replaced by the words "suppressed (fewer than 5)".
2. **Secondary suppression.** The report also shows totals: the number of members, the members
   with a stakeholder recorded, the voices of people who use services (patients, carers and
   citizens together), the formal leaders and the members left without them. A suppressed count
   must not follow from those by subtraction, in any column or sentence. So :func:`plan_members`
   writes every count and every total into one :class:`~netlearn.disclosure.Publication`, and
   further counts (or a stated total, which the text then gives in words) are suppressed until
   none can be worked out.

A count of zero is shown: it says that nobody of that kind is there (a missing voice), which
discloses nothing about any person. Diversity indices are computed from shown counts only (the
report pools suppressed categories), since an index of all the counts could be solved for two
suppressed ones. These rules are a sensible default for sharing results within a network, not
a guarantee of anonymity.

>>> shown = suppress_counts({"clinician": 63, "manager": 25, "patient": 4, "carer": 0}, minimum=5)
>>> [str(v) for v in shown.values()]
['63', 'suppressed (fewer than 5)', 'suppressed (fewer than 5)', '0']
"""

from __future__ import annotations

from ..disclosure import Publication, protect

__all__ = ["Suppressed", "suppress_counts", "small_groups", "is_suppressed", "plan_members", "MemberPlan"]


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
    publication = Publication(minimum)
    for key, count in counts.items():
        publication.add(("count", key), count)
    if total_shown:
        publication.add(("total",), sum(counts.values()), total=True)
        publication.add_sum(("total",), [("count", key) for key in counts])
    protection = protect(publication)
    return {key for key in counts if protection.hidden(("count", key))}


def suppress_counts(counts, minimum, *, total_shown=True):
    """``counts`` with the figures of :func:`small_groups` replaced by :class:`Suppressed`."""
    hidden = small_groups(counts, minimum, total_shown=total_shown)
    return {key: (Suppressed(minimum) if key in hidden else count) for key, count in counts.items()}


class MemberPlan:
    """What the report may show about members: made by :func:`plan_members`.

    ``members``, ``counts`` (column -> value -> members), ``voices`` (voice -> members),
    ``leaders`` (formal leaders, or None) and ``protection``
    (the :class:`~netlearn.disclosure.Protection` behind the methods).
    """

    def __init__(self, minimum, members, counts, voices, leaders, protection):
        self.minimum, self.members, self.counts, self.voices, self.leaders = minimum, members, counts, voices, leaders
        self.protection = protection

    def hidden(self, column):
        """The values of ``column`` whose counts (and figures about their members) are suppressed."""
        return {value for value in self.counts.get(column, {}) if self.protection.hidden(("count", column, value))}

    def shown(self, key):
        """A count as it may appear: the number, or :class:`Suppressed`. ``key`` as in :func:`plan_members`."""
        cell = self.protection.hidden(key)
        return Suppressed(self.minimum) if cell else self._count(key)

    def is_hidden(self, key):
        """True when the cell ``key`` (see :func:`plan_members`) must not be shown as a number."""
        return self.protection.hidden(key)

    def _count(self, key):
        if key[0] == "count":
            return self.counts[key[1]][key[2]]
        if key[0] == "voice":
            return self.voices[key[1]]
        if key == ("voices",):
            return sum(self.voices.values())
        if key == ("formal_leaders",):
            return self.leaders
        if key == ("without_leaders",):
            return self.members - self.leaders
        raise KeyError(key)


def plan_members(members, counts, *, minimum, missing="(not recorded)", voices=None, leaders=None):
    """Decide, once, which member counts the report shows (the rule in the module notes).

    Parameters
    ----------
    members : int
        How many members there are (the report states it).
    counts : dict
        Column -> {value: members}; each column's counts add up to ``members``, with members who
        have nothing recorded under ``missing``.
    minimum : int
        The smallest group shown (``--min-group-size``).
    voices : tuple, optional
        ``(column, names)``: the report counts members whose ``column`` value is one of
        ``names`` (ignoring case and spaces), per name and in all, and states that total.
    leaders : int, optional
        How many formal leaders there are (the report states it, and the members left
        without them), or None when the members file does not mark them.

    Returns
    -------
    MemberPlan
        Its cells are ``("count", column, value)``, ``("voice", name)``, ``("voices",)`` and
        ``("formal_leaders",)``; ``("without_leaders",)`` is the members left without them.

    Examples
    --------
    Patients 3, carers 7, clinicians 2 and managers 30. The two small counts hide each other in
    the stakeholder table, but a sentence saying "10 are patients, carers or citizens" would give
    the patients away (10 - 7), so that total is suppressed (the report says it in words):

    >>> plan = plan_members(42, {"stakeholder": {"patient": 3, "carer": 7, "clinician": 2, "manager": 30}},
    ...                     minimum=5, voices=("stakeholder", ("patient", "carer", "citizen")))
    >>> sorted(plan.hidden("stakeholder")), plan.is_hidden(("voices",)), str(plan.shown(("voice", "carer")))
    (['clinician', 'patient'], True, '7')
    """
    publication = Publication(minimum)
    publication.add(("members",), members, always_shown=True)
    for column, values in counts.items():
        keys = [publication.add(("count", column, value), n) for value, n in values.items()]
        publication.add_sum(("members",), keys)
        recorded = [("count", column, value) for value in values if value != missing]
        if len(recorded) < len(keys):  # "of the N members with a ... recorded"
            publication.add(("recorded", column), sum(values[v] for v in values if v != missing), total=True)
            publication.add_sum(("recorded", column), recorded)
    per_voice = {}
    if voices is not None:
        column, names = voices
        values = counts.get(column, {})
        parts = {}
        for name in names:
            parts[name] = [v for v in values if v != missing and str(v).strip().lower() == str(name).strip().lower()]
            per_voice[name] = sum(values[v] for v in parts[name])
            publication.add(("voice", name), per_voice[name])
            publication.add_sum(("voice", name), [("count", column, v) for v in parts[name]])
        publication.add(("voices",), sum(per_voice.values()))  # a sentence's number: hidden before a table's
        publication.add_sum(("voices",), [("voice", name) for name in names])
    if leaders is not None:
        publication.add(("formal_leaders",), leaders)
        publication.add(("without_leaders",), members - leaders)
        publication.add_sum(("members",), [("formal_leaders",), ("without_leaders",)])
    return MemberPlan(minimum, members, counts, per_voice, leaders, protect(publication))
