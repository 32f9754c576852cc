"""Checkers for answers that are members: one member (:func:`same_member`) or a set of them
(:func:`same_set`), accepting ids or names and saying which members are missing or extra.
"""

from __future__ import annotations

from collections.abc import Mapping

from .checkers import Checker, describe_kind, is_collection, is_number, MemberReader, Mismatch
from .feedback import brief_repr, listing, plural

__all__ = ["same_member", "same_set"]


class MemberChecker(Checker):
    """See :func:`same_member`."""

    def __init__(self, expected, *, members=None, otherwise=None, alternatives=()):
        self.reader = MemberReader(members)
        self.otherwise = otherwise
        super().__init__(expected, alternatives)

    def read(self, answer):
        if isinstance(answer, Mapping):
            raise Mismatch("You gave a dict (a value for each member). The question asks for one member: find the "
                           "member in your dict that answers it, and give their id.")
        if isinstance(answer, tuple) and len(answer) == 2 and isinstance(answer[0], str) and is_number(answer[1]):
            member, notes = self.reader.member(answer[0], avoid=self.expected_raw)
            return member, notes + ["You gave a (member, value) pair; the member on its own is enough."]
        if is_collection(answer):
            items = list(answer)
            if len(items) == 1:
                member, notes = self.reader.member(items[0], avoid=self.expected_raw)
                return member, notes + ["One member on its own is enough; there is no need to put it in a list."]
            if not items:
                raise Mismatch("You gave an empty collection. The question asks for one member, such as "
                               f"{self.reader.example(self.expected_raw)}.")
            raise Mismatch(f"You gave {plural(len(items), 'member')} ({listing(items)}). The question asks for "
                           "one member: pick the single one that answers it.")
        return self.reader.member(answer, avoid=self.expected_raw)

    def explain(self, value, notes):
        if self.otherwise:
            return self.otherwise
        return f"{value!r} is a member of this network, but not the one the question asks for."


def same_member(expected, *, members=None, otherwise=None, alternatives=()):
    """A checker for "which member...?" questions.

    Parameters
    ----------
    expected : str
        The right member's id.
    members : Network, networkx graph, mapping id -> name, or iterable of ids, optional
        Who is in the network. With it, misspelt ids get a "did you mean", names are accepted
        where they are unambiguous, and capitals are forgiven (with a note).
    otherwise : str, optional
        Feedback for a member who is not the answer (default: a general sentence).
    alternatives : list of (answer, feedback)
        Typical wrong answers and what to say about each.

    >>> check = same_member("Diane", members=["Andre", "Diane"],
    ...                     alternatives=[("Andre", "Andre has the most advice ties, not the most ties.")])
    >>> check("Diane").correct, check("diane").correct
    (True, True)
    >>> check("Andre").message
    'Andre has the most advice ties, not the most ties.'
    >>> check("Dianne").message[:63]
    "'Dianne' is not a member of this network. Did you mean 'Diane'?"
    """
    return MemberChecker(expected, members=members, otherwise=otherwise, alternatives=alternatives)


# ---------------------------------------------------------------------- sets
class SetChecker(Checker):
    """See :func:`same_set`."""

    def __init__(self, expected, *, members=None, what="members", alternatives=()):
        self.reader = MemberReader(members) if members is not None else None
        self.what = what
        super().__init__(expected, alternatives)

    def read(self, answer):
        notes = []
        if isinstance(answer, str):
            if "," in answer:
                raise Mismatch(f"You gave one piece of text, {brief_repr(answer)}. Put each item in its own quotes, "
                               "inside a list or set: ['A', 'B'] or {'A', 'B'}.")
            raise Mismatch(f"You gave one piece of text, {brief_repr(answer)}. The question asks for a collection of "
                           f"{self.what}, such as ['A', 'B'] or {{'A', 'B'}}.")
        if is_number(answer):
            raise Mismatch(f"You gave a number ({brief_repr(answer)}). The question asks which {self.what}, not how "
                           f"many: give them as a list or set, such as ['A', 'B'].")
        if isinstance(answer, Mapping):
            items = list(answer.keys())
            notes.append("You gave a dict; its keys were used as your answer.")
        elif is_collection(answer):
            items = list(answer)
        else:
            raise Mismatch(f"You gave {describe_kind(answer)}. The question asks for a collection of {self.what}, such as "
                           "['A', 'B'] or {'A', 'B'}.")
        values = []
        for item in items:
            if self.reader is None:
                values.append(item)
                continue
            try:
                member, member_notes = self.reader.member(item)
            except Mismatch:
                values.append(item if _hashable(item) else repr(item))
                continue
            values.append(member)
            for note in member_notes:
                if note.startswith("You gave the name"):
                    note = "You gave names rather than ids; both are accepted here."
                elif note.startswith("In code, capitals"):
                    note = "In code, capitals matter: ids are written exactly as in the data."
                if note not in notes:
                    notes.append(note)
        try:
            value = frozenset(values)
        except TypeError:
            raise Mismatch("Some of the items in your answer are themselves lists or dicts. The question asks for "
                           f"a flat collection of {self.what}, such as ['A', 'B'].") from None
        repeated = sorted({brief_repr(v) for v in values if values.count(v) > 1})
        if repeated:
            notes.append(f"{', '.join(repeated)} appeared more than once; each counts once.")
        return value, notes

    def explain(self, value, notes):
        right = value & self.expected
        extra = [v for v in value if v not in self.expected]
        missing = len(self.expected - value)
        parts = [f"You have {len(right)} of the {len(self.expected)} {self.what}."]
        known = self.reader.id_set if self.reader is not None else None
        strangers = sorted((v for v in value if known is not None and v not in known), key=str)
        if strangers:
            parts.append(f"Not members of this network: {listing(strangers)} (check the spelling; ids are written "
                         "exactly as in the data).")
        extra = [v for v in extra if v not in strangers]
        if extra:
            parts.append(f"{listing(sorted(extra, key=str))} should not be in it.")
        if missing:
            parts.append(f"{plural(missing, 'more is', 'more are')} missing.")
        return " ".join(parts)


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


def same_set(expected, *, members=None, what="members", alternatives=()):
    """A checker for "which members...?" questions where order does not matter.

    Accepts a list, set, tuple, any iterable (``G.neighbors(...)``), or a dict's keys.
    Feedback names the extra items and counts the missing ones (without giving them away).

    Parameters
    ----------
    expected : iterable
    members : Network, networkx graph, mapping id -> name, or iterable of ids, optional
        Turns on the member reading of :func:`same_member` for every item: names accepted where
        unambiguous, capitals forgiven, non-members pointed out.
    what : str
        What the items are, in words ("members", "groups").
    alternatives : list of (answer, feedback)

    >>> check = same_set({"Andre", "Carol"}, members=["Andre", "Carol", "Ed"])
    >>> check(("Carol", "Andre")).correct
    True
    >>> print(check(["Andre", "Ed", "Carl"]).message)  # doctest: +NORMALIZE_WHITESPACE
    You have 1 of the 2 members. Not members of this network: 'Carl' (check the spelling; ids are
    written exactly as in the data). 'Ed' should not be in it. 1 more is missing.
    """
    return SetChecker(expected, members=members, what=what, alternatives=alternatives)
