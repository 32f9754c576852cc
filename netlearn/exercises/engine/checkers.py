"""What a checker is, and the check for the right measure on the wrong relation.

A checker is any callable ``checker(answer) -> Verdict`` (or a bool). :class:`Checker` is the base
the building blocks share: it compares an answer with the expected one and, when they differ, finds
the likeliest slip (a :class:`Mismatch`) to explain it in plain words. :class:`MemberReader`
reads members from an answer given as ids or names, and :func:`describe_kind` says in words what
kind of value a learner gave.
:func:`answers_on_other_relations` recognises an answer computed on another relation.
"""

from __future__ import annotations

import difflib
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .feedback import brief_repr, listing, plural

__all__ = ["Verdict", "answers_on_other_relations"]


# ====================================================================== checkers
@dataclass(frozen=True)
class Verdict:
    """What a checker says: whether the answer is right, and a message for the learner."""

    correct: bool
    message: str = ""


class Mismatch(Exception):
    """Raised while reading an answer that is the wrong kind of thing; carries the feedback."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def is_number(value):
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _raw_equal(a, b):
    if is_number(a) and is_number(b):
        return a == b
    if type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:
        return False


class Checker:
    """Base of the checker building blocks: read the answer, compare it, explain a difference.

    Subclasses define :meth:`read` (turn an answer into a comparable value, or raise
    :class:`Mismatch` with feedback), :meth:`same` and :meth:`explain`. ``alternatives`` is a
    list of ``(wrong_value, feedback)`` pairs: typical wrong answers that deserve their own
    feedback (the measure on another relation, a tie counted twice, ...).
    """

    def __init__(self, expected, alternatives=()):
        self.expected_raw = expected
        self.expected, _ = self.read(expected)
        self.alternatives = list(alternatives)

    def read(self, answer):  # pragma: no cover - abstract
        raise NotImplementedError

    def same(self, value, expected):
        return value == expected

    def explain(self, value, notes):
        return "That is not the answer yet. Look at the question again, or ask for a hint."

    def _alternative_for(self, answer, value=None, readable=False):
        for wrong, feedback in self.alternatives:
            if readable:
                try:
                    wrong_value, _ = self.read(wrong)
                except Mismatch:
                    wrong_value = None
                else:
                    if self.same(value, wrong_value):
                        return feedback
                    continue
            if _raw_equal(answer, wrong):
                return feedback
        return None

    def __call__(self, answer):
        try:
            value, notes = self.read(answer)
        except Mismatch as mismatch:
            return Verdict(False, self._alternative_for(answer) or mismatch.message)
        if self.same(value, self.expected):
            return Verdict(True, " ".join(notes))
        feedback = self._alternative_for(answer, value, readable=True)
        return Verdict(False, feedback or self.explain(value, notes))


# ---------------------------------------------------------------------- members
def _members_and_names(members):
    """(ids, names) from a Network, a networkx graph, a mapping id -> name, or ids."""
    if members is None:
        return None, {}
    ids, names = [], {}
    if hasattr(members, "names") and hasattr(members, "members"):      # a netlearn Network
        ids = [str(i) for i in members.members["id"]]
        id_to_name = members.names()
    elif hasattr(members, "nodes") and hasattr(members, "adj"):         # a networkx graph
        ids = [str(n) for n in members.nodes]
        id_to_name = {str(n): data.get("name") for n, data in members.nodes(data=True)}
    elif isinstance(members, Mapping):
        ids = [str(i) for i in members]
        id_to_name = {str(i): n for i, n in members.items()}
    else:
        ids = [str(i) for i in members]
        id_to_name = {}
    by_name = {}
    for member, name in id_to_name.items():
        if isinstance(name, str) and name and name != member:
            by_name.setdefault(name, []).append(member)
    for name, owners in by_name.items():
        names[name] = owners[0] if len(owners) == 1 else tuple(owners)   # a tuple: ambiguous
    return ids, names


class MemberReader:
    """Reads one member from an answer: an id, an unambiguous name, small slips forgiven."""

    def __init__(self, members):
        self.ids, self.names = _members_and_names(members)
        self.id_set = set(self.ids) if self.ids is not None else None

    def example(self, avoid=None):
        choices = [i for i in (self.ids or []) if i != avoid]
        return repr(choices[0]) if choices else "'A'"

    def member(self, answer, avoid=None):
        """Return (id, notes); raise Mismatch if it is not a member."""
        if isinstance(answer, bool):
            raise Mismatch(f"You gave {answer}. The question asks for a member: write their id as text in "
                           f"quotes, such as {self.example(avoid)}.")
        if is_number(answer):
            as_text = str(answer)
            if isinstance(answer, float) and answer.is_integer():
                as_text = str(int(answer))
            if self.id_set is not None and as_text in self.id_set:
                return as_text, [f"Member ids are text, so '{as_text}' (in quotes) is the way to write it in code."]
            raise Mismatch(f"You gave a number ({brief_repr(answer)}). The question asks for a member: write their id "
                           f"as text in quotes, such as {self.example(avoid)}.")
        if not isinstance(answer, str):
            raise Mismatch(f"You gave {describe_kind(answer)}. The question asks for one member: write their id as text in "
                           f"quotes, such as {self.example(avoid)}.")
        text = answer.strip()
        if self.id_set is None or text in self.id_set:
            return text, []
        if text in self.names:
            owner = self.names[text]
            if isinstance(owner, tuple):
                raise Mismatch(f"More than one member is called {text!r} (ids {listing(owner)}), so the name does "
                               "not say which one you mean. Give the id instead.")
            return owner, [f"You gave the name; the id is {owner!r}. Both are accepted here."]
        folded = [i for i in self.ids if i.casefold() == text.casefold()]
        if len(folded) == 1:
            return folded[0], [f"In code, capitals matter: the id is written {folded[0]!r}."]
        candidates = list(self.ids) + [n for n in self.names]
        close = difflib.get_close_matches(text, candidates, n=1, cutoff=0.7)
        suggestion = f" Did you mean {close[0]!r}?" if close else ""
        raise Mismatch(f"{text!r} is not a member of this network.{suggestion} Member ids must be written exactly "
                       "as in the data, in quotes: `sorted(G.nodes)` lists them all.")


def describe_kind(value):
    """How to describe the type of a learner's value in words."""
    if isinstance(value, Mapping):
        return "a dict (a value for each key)"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {plural(len(value), 'item')}"
    if isinstance(value, (set, frozenset)):
        return f"a set of {plural(len(value), 'item')}"
    if isinstance(value, str):
        return f"the text {brief_repr(value)}"
    if is_number(value):
        return f"the number {brief_repr(value)}"
    return f"a value of type {type(value).__name__}"


def is_collection(value):
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


# ---------------------------------------------------------------------- wrong relation
def answers_on_other_relations(network, compute, relation, *, measure="measure"):
    """Typical wrong answers: the same measure computed on the network's other relations.

    Parameters
    ----------
    network : netlearn.Network
    compute : callable
        ``compute(graph) -> answer``, the calculation the question asks for.
    relation : str
        The relation the question is about.
    measure : str
        The measure's name in words, for the feedback.

    Returns
    -------
    list of (wrong_answer, feedback)
        Ready for the ``alternatives=`` of any checker. Relations whose answer equals the right
        one are left out (that answer is right whichever way it was reached).
    """
    right = compute(network.graph(relation))
    pairs = []
    for other in network.relation_names:
        if other == relation:
            continue
        value = compute(network.graph(other))
        try:
            if _raw_equal(value, right):
                continue
        except Exception:
            pass
        pairs.append((value, f"That is the right {measure}, but on the '{other}' relation. The question is about "
                             f"the '{relation}' relation: use `net.graph('{relation}')` and calculate it again."))
    return pairs
