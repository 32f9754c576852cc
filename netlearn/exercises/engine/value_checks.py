"""Checkers for answers that are numbers (:func:`close_number`, which spots a percentage given
for a fraction, or a value rounded too far) and for tables of values (:func:`same_mapping`).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

from .checkers import Checker, describe_kind, is_collection, is_number, MemberReader, Mismatch
from .feedback import brief_repr, listing, plural, tidy_number

__all__ = ["close_number", "rounds_to_shown", "same_mapping"]


# ---------------------------------------------------------------------- numbers
def _to_number(answer, what):
    if isinstance(answer, bool):
        raise Mismatch(f"You gave {answer}, which is a yes/no value. The question asks for {what}.")
    if is_number(answer):
        if isinstance(answer, numbers.Complex) and not isinstance(answer, numbers.Real):
            raise Mismatch(f"You gave a complex number ({brief_repr(answer)}); the question asks for {what}.")
        value = float(answer)
        if math.isnan(value):
            raise Mismatch("Your answer is 'nan' (not a number): something in the calculation had nothing to work "
                           "on, such as dividing zero by zero.")
        return value
    if isinstance(answer, str):
        try:
            float(answer.strip().rstrip("%"))
        except ValueError:
            raise Mismatch(f"You gave the text {brief_repr(answer)}. The question asks for {what}.") from None
        raise Mismatch(f"You gave the number as text, {brief_repr(answer)}. Write it without quotes, so Python treats "
                       f"it as a number: {answer.strip()}.")
    if hasattr(answer, "item") and getattr(answer, "size", None) == 1:      # a one-element numpy/pandas value
        return _to_number(answer.item(), what)
    if isinstance(answer, Mapping):
        raise Mismatch(f"You gave a dict with {plural(len(answer), 'entry', 'entries')}. The question asks for a "
                       f"single number: {what}.")
    if is_collection(answer):
        items = list(answer)
        if len(items) == 1 and is_number(items[0]):
            raise Mismatch(f"You gave the number inside a {type(answer).__name__}. Give the number on its own: "
                           f"{brief_repr(items[0])}, not {brief_repr(answer)}.")
        raise Mismatch(f"You gave {describe_kind(answer)}. The question asks for a single number; if you meant to count "
                       "them, `len(...)` tells you how many there are.")
    raise Mismatch(f"You gave {describe_kind(answer)}. The question asks for {what}.")


class NumberChecker(Checker):
    """See :func:`close_number`."""

    def __init__(self, expected, *, tolerance=None, relative=1e-9, what="a number", alternatives=(),
                 shown_digits=None, method=""):
        self.what = what
        self.relative = relative
        self.shown_digits = shown_digits
        self.method = method
        super().__init__(expected, alternatives)
        if tolerance is None:
            tolerance = 1e-9 * max(1.0, abs(self.expected))
        self.tolerance = tolerance

    def read(self, answer):
        return _to_number(answer, self.what), []

    def same(self, value, expected):
        if math.isclose(value, expected, rel_tol=self.relative, abs_tol=self.tolerance):
            return True
        return self.shown_digits is not None and rounds_to_shown(value, expected, self.shown_digits)

    def explain(self, value, notes):
        return _number_difference(value, self.expected, self.same, self.what, self.shown_digits, self.method)


def rounds_to_shown(value, exact, digits):
    """True if ``value`` is ``exact`` as a notebook showing ``digits`` decimals would have it.

    The rule: ``value`` counts when it is within half a unit of the last shown decimal of the
    value as shown (``round(exact, digits)``), or of the exact value itself. So with 2 decimals
    and an exact value of 0.4049 (shown as 0.40), 0.4, 0.40, 0.405 and 0.4049 count; 0.41 and
    0.39 do not. A tiny allowance (1e-9 of a unit) absorbs floating-point noise at the boundary.

    >>> rounds_to_shown(0.4, 0.4049, 2), rounds_to_shown(0.41, 0.4049, 2), rounds_to_shown(0.67, 2 / 3, 2)
    (True, False, True)
    >>> rounds_to_shown(0.7, 2 / 3, 2), rounds_to_shown(12, 12.4, 0), rounds_to_shown(13, 12.4, 0)
    (False, True, False)
    """
    half = 0.5 * 10 ** -digits * (1 + 1e-9)
    return abs(value - round(exact, digits)) <= half or abs(value - exact) <= half


def _difference_kind(value, expected, same):
    """("rounded", decimals), ("percentage", None), ("fraction", None) or ("other", None)."""
    for decimals in range(0, 7):
        if same(round(expected, decimals), expected):
            break
        # Any rounding rule (Python's, a spreadsheet's): few decimals, and within half a unit of them.
        # At least two significant digits, so that trying 0.1, 0.2, ... 0.9 cannot find the first digit
        # of the answer (a guess like 0.5 gets the same feedback as any other wrong number).
        has_few_decimals = math.isclose(value, round(value, decimals), rel_tol=0, abs_tol=1e-12)
        digits = f"{abs(value):.{decimals}f}".replace(".", "").lstrip("0")
        if (has_few_decimals and len(digits) >= 2
                and abs(value - expected) <= 0.5 * 10 ** -decimals + 1e-12):
            return "rounded", decimals
    if expected != 0 and same(value / 100, expected):
        return "percentage", None
    if expected != 0 and same(value * 100, expected):
        return "fraction", None
    return "other", None


def _precision_note(shown_digits):
    if shown_digits is None:
        return "Give the answer without rounding (leave out `round(...)`), so it can be compared exactly."
    if shown_digits == 0:
        return "Answers rounded to a whole number are accepted; round to the nearest whole number, not further."
    return (f"Answers rounded to {plural(shown_digits, 'decimal place')} (as the notebook shows it) are accepted: "
            "give at least that many.")


def _number_difference(value, expected, same, what="a number", shown_digits=None, method=""):
    """Feedback on a number that is not the expected one: rounding, percentages, or the method.

    Never says whether the answer is higher or lower, nor anything else that would let a learner
    home in on it by guessing: a wrong number sends the learner back to the method.
    """
    kind, decimals = _difference_kind(value, expected, same)
    value = tidy_number(value)
    if kind == "rounded":
        places = plural(decimals, "decimal place")
        return f"Nearly: {brief_repr(value)} looks like the answer rounded to {places}. {_precision_note(shown_digits)}"
    if kind == "percentage":
        return (f"That looks like a percentage ({brief_repr(value)}). Give it as a fraction between 0 and 1 instead: "
                f"{brief_repr(value)}% is {brief_repr(tidy_number(round(value / 100, 10)))}.")
    if kind == "fraction":
        return (f"That looks like a fraction ({brief_repr(value)}); the question asks for a percentage. Multiply by 100: "
                f"{brief_repr(value)} is {brief_repr(tidy_number(round(value * 100, 10)))}%.")
    steps = method or ("which network or relation you used, what you counted, and what you divided by (if anything)")
    text = f"Not quite: {brief_repr(value)} is not the answer yet. Go back over the method step by step: {steps}."
    if shown_digits is not None:
        text += f" {_precision_note(shown_digits)}"
    elif not float(expected).is_integer():
        text += " If you rounded it, " + _precision_note(None)[0].lower() + _precision_note(None)[1:]
    return text


def close_number(expected, *, tolerance=None, relative=1e-9, what="a number", alternatives=(), shown_digits=None,
                 method=""):
    """A checker for a number, with a tolerance for floating-point arithmetic.

    Parameters
    ----------
    expected : int or float
    tolerance : float, optional
        How far off an answer may be and still count (absolute). By default only floating-point
        noise (``1e-9``, scaled for large numbers).
    relative : float
        Relative tolerance, as in :func:`math.isclose`.
    what : str
        What the number is, for messages ("the number of ties").
    alternatives : list of (answer, feedback)
        E.g. ``[(36, "You counted every tie twice...")]``.
    shown_digits : int, optional
        How many decimals the notebook shows this value with. An answer rounded to that many
        decimals is accepted (see :func:`rounds_to_shown` for the exact rule), and feedback on a
        rounded answer says "answers rounded to 2 decimal places ... are accepted". Without it,
        only the unrounded value counts.
    method : str
        Where to look when the number is wrong, e.g. "count the ties, not the members". Feedback
        on a wrong number points to the method; it never says whether the answer is higher or
        lower, so the answer cannot be found by guessing in halves.

    Answers rounded too far, percentages given for fractions (and the reverse), numbers given as
    text or inside a list all get their own feedback.

    >>> check = close_number(2 / 3, shown_digits=2)
    >>> check(0.6666666666666666).correct, check(0.67).correct, check(0.667).correct
    (True, True, True)
    >>> print(close_number(0.2929649504465954, shown_digits=3)(0.29).message)
    Nearly: 0.29 looks like the answer rounded to 2 decimal places. Answers rounded to 3 decimal places (as the notebook shows it) are accepted: give at least that many.
    >>> close_number(2 / 3)(0.67).message[:36]
    'Nearly: 0.67 looks like the answer r'
    >>> print(close_number(18, what="the number of ties")(12).message)
    Not quite: 12 is not the answer yet. Go back over the method step by step: which network or relation you used, what you counted, and what you divided by (if anything).
    >>> print(check("0.67").message)
    You gave the number as text, '0.67'. Write it without quotes, so Python treats it as a number: 0.67.
    """
    return NumberChecker(expected, tolerance=tolerance, relative=relative, what=what, alternatives=alternatives,
                         shown_digits=shown_digits, method=method)


# ---------------------------------------------------------------------- mappings
class MappingChecker(Checker):
    """See :func:`same_mapping`."""

    def __init__(self, expected, *, members=None, tolerance=None, relative=1e-9, what="value",
                 alternatives=(), shown_digits=None):
        self.reader = MemberReader(members) if members is not None else None
        self.shown_digits = shown_digits
        self.what = what
        self.relative = relative
        self.tolerance = 1e-9 if tolerance is None else tolerance
        super().__init__(expected, alternatives)

    def _close(self, a, b):
        if math.isclose(a, b, rel_tol=self.relative, abs_tol=self.tolerance):
            return True
        return self.shown_digits is not None and rounds_to_shown(a, b, self.shown_digits)

    def read(self, answer):
        notes = []
        if isinstance(answer, Mapping):
            pairs = list(answer.items())
        elif hasattr(answer, "items") and callable(answer.items) and not isinstance(answer, (str, bytes)):
            pairs = list(answer.items())                     # a pandas Series
        elif is_collection(answer):
            items = list(answer)
            if items and all(isinstance(i, tuple) and len(i) == 2 for i in items):
                pairs = items                                 # e.g. G.degree, or a list of (member, value)
            elif items and all(is_number(i) for i in items):
                raise Mismatch(f"You gave {plural(len(items), 'number')} without saying whose they are. Give a dict "
                               "from each member to their value, such as {'A': 2, 'B': 3} (`dict(...)` makes one).")
            else:
                raise Mismatch(f"You gave {describe_kind(answer)}. The question asks for a dict from each member to their "
                               f"{self.what}, such as {{'A': 2, 'B': 3}}.")
        else:
            raise Mismatch(f"You gave {describe_kind(answer)}. The question asks for a dict from each member to their "
                           f"{self.what}, such as {{'A': 2, 'B': 3}}.")
        result = {}
        for key, value in pairs:
            if self.reader is not None:
                try:
                    key, key_notes = self.reader.member(key)
                except Mismatch:
                    pass
                else:
                    for note in key_notes:
                        if note.startswith("You gave the name"):
                            note = "You used names rather than ids as keys; both are accepted here."
                        if note not in notes:
                            notes.append(note)
            if isinstance(value, bool) or not (is_number(value) or hasattr(value, "item")):
                raise Mismatch(f"The value for {key!r} is {describe_kind(value)}. Each value should be a number: the "
                               f"member's {self.what}.")
            result[key] = float(value.item() if hasattr(value, "item") else value)
        return result, notes

    def same(self, value, expected):
        return value.keys() == expected.keys() and all(self._close(value[k], expected[k]) for k in expected)

    def explain(self, value, notes):
        missing = [k for k in self.expected if k not in value]
        extra = [k for k in value if k not in self.expected]
        wrong = [k for k in self.expected if k in value and not self._close(value[k], self.expected[k])]
        parts = []
        if missing:
            parts.append(f"{plural(len(missing), 'member is', 'members are')} missing from your dict.")
        if extra:
            parts.append(f"{listing(extra)} should not be in it (not members of this network, or not part of the "
                         "question).")
        if wrong:
            first = wrong[0]
            parts.append(f"{plural(len(wrong), 'value is', 'values are')} not right yet, for example "
                         f"{first!r}: you have {brief_repr(tidy_number(value[first]))}.")
            kinds = {_difference_kind(value[k], self.expected[k], self._close)[0] for k in wrong}
            if kinds == {"rounded"}:
                parts.append(f"They look rounded. {_precision_note(self.shown_digits)}")
            elif kinds == {"percentage"}:
                parts.append("They look like percentages: give fractions between 0 and 1 instead.")
            elif kinds == {"fraction"}:
                parts.append("They look like fractions: the question asks for percentages (multiply by 100).")
        correct = len(self.expected) - len(missing) - len(wrong)
        total = len(self.expected)
        members = "member" if total == 1 else "members"
        verb = "has" if correct == 1 else "have"
        return f"{correct} of the {total} {members} {verb} the right {self.what}. " + " ".join(parts)


def same_mapping(expected, *, members=None, tolerance=None, relative=1e-9, what="value", alternatives=(),
                 shown_digits=None):
    """A checker for "the value of each member" questions: a dict member -> number.

    Accepts a dict, a pandas Series, or pairs such as ``G.degree``. Values are compared with a
    tolerance; keys may be names where ``members`` makes them unambiguous. With ``shown_digits``,
    values rounded to the decimals the notebook shows are accepted (the rule of
    :func:`rounds_to_shown`).

    >>> check = same_mapping({"Andre": 4, "Ed": 3}, what="degree")
    >>> check({"Ed": 3, "Andre": 4}).correct, check([("Andre", 4), ("Ed", 3)]).correct
    (True, True)
    >>> check({"Andre": 4, "Ed": 2}).message
    "1 of the 2 members has the right degree. 1 value is not right yet, for example 'Ed': you have 2."
    """
    return MappingChecker(expected, members=members, tolerance=tolerance, relative=relative, what=what,
                          alternatives=alternatives, shown_digits=shown_digits)
