"""The leader track's kinds of exercise, answered by choosing in a widget, never in code.

:class:`Choice`
    Pick ``k`` of ``n`` options; each option is explained.
:class:`Ranking`
    Put options in order; graded against an order the library computes, with each option's value.
:class:`Prediction`
    Predict before seeing; the computed result is always revealed with the verdict.
:class:`Decision`
    Pick ``k`` of ``n`` actions, graded by their *consequence*: a function computes the outcome of
    the learner's choice and of every other choice, and the feedback says what the choice changes
    (and what the best choice would have changed).

Each records progress like the other kinds (``check()``, "not attempted yet", ``hint()``,
``solution()``), works headless through ``evaluate(answer)`` and shows as a widget with
``show()``. An answer is a letter, an option number from 0, an option's text, or a list of them.

>>> decision = Decision("q1", prompt="Which two rooms should we open?", pick=2,
...     options=["Room A", "Room B", "Room C"],
...     consequence=lambda chosen: sum((10, 30, 20)[i] for i in chosen),
...     describe=lambda seats: f"{seats} people can meet at once")
>>> decision.evaluate(["B", "C"]).status
'correct'
>>> print(decision.evaluate(["A", "C"]).message.splitlines()[0])
You chose A and C: 30 people can meet at once. The best choice, B and C: 50 people can meet at once.
"""

from __future__ import annotations

import itertools

from .checkers import is_collection, Mismatch, Verdict
from .feedback import brief_repr, CheckResult, CORRECT, Feedback, INCORRECT, is_blank, NOT_ATTEMPTED, plural
from .items import Item, Option, option_index
from ..record import temporary_session_reminder

__all__ = ["Choice", "Decision", "LeaderItem", "Prediction", "Ranking"]

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _and(words):
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class LeaderItem(Item):
    """What the widget-answered kinds share: options, hints, a worked answer and progress.

    Parameters
    ----------
    name, prompt : str
    options : list of str or Option
    pick : int
        How many options the learner picks (for a :class:`Ranking`: all of them, in order).
    hints : list of str
    explanation : str
        Shown with the worked answer: why it is the answer, in plain words.
    wrong_answers : list of (answer, feedback_substring)
        Typical wrong answers with a piece of the feedback each must get; the catalogue test
        proves them.
    why : str
        Why it matters, shown with "Correct".
    """

    default_track = "leader"
    needs_code = False

    def __init__(self, name, *, prompt, options, pick=1, hints=(), explanation="", wrong_answers=(), why="",
                 title=None, track=None):
        super().__init__(name, prompt, title, track)
        self.options = [option if isinstance(option, Option) else Option(str(option), False, "")
                        for option in options]
        if not 1 <= pick <= len(self.options) or len(self.options) > len(_LETTERS):
            raise ValueError(f"{name}: pick {pick} of {len(self.options)} options is not possible")
        self.pick = pick
        self.hints = list(hints)
        self.explanation = explanation
        self.wrong_answers = list(wrong_answers)
        self.why = why
        self._hints_shown = 0

    # ------------------------------------------------------------------ reading an answer
    def letter(self, index):
        return _LETTERS[index]

    def label(self, index):
        return f"{self.letter(index)}. {self.options[index].text}"

    def _letters(self, selection):
        return _and([self.letter(i) for i in selection])

    def _index(self, choice):
        return option_index(self, choice)

    def selection(self, answer):
        """The option indices of ``answer``, as a tuple (sorted, except for a ranking), or None if blank."""
        if is_blank(answer) or (is_collection(answer) and not list(answer)):
            return None
        chosen = [self._index(c) for c in answer] if is_collection(answer) else [self._index(answer)]
        if len(set(chosen)) != len(chosen):
            raise Mismatch("The same option is chosen twice: choose each option once.")
        if len(chosen) != self.pick:
            raise Mismatch(f"Choose {plural(self.pick, 'option')}; you chose {len(chosen)}.")
        return tuple(sorted(chosen))

    # ------------------------------------------------------------------ checking
    def grade(self, selection):
        """A :class:`Verdict` for a selection of option indices (each kind says how)."""
        raise NotImplementedError

    def answer_key(self):
        """A selection (option indices) that passes: the worked answer."""
        raise NotImplementedError

    def solution_answer(self):
        """The worked answer as letters, as a learner would give it."""
        return [self.letter(i) for i in self.answer_key()]

    def _not_attempted(self):
        what = "Put the options in order" if self.kind == "ranking" else \
            f"Choose {plural(self.pick, 'option')}"
        return CheckResult(NOT_ATTEMPTED, f"{what}, then press Check my answer.", exercise=self.key,
                           where=self.title)

    def evaluate(self, answer):
        """Check an answer without showing or recording it; return a :class:`CheckResult`."""
        try:
            selection = self.selection(answer)
        except Mismatch as mismatch:
            return CheckResult(INCORRECT, mismatch.message, exercise=self.key, where=self.title)
        if selection is None:
            return self._not_attempted()
        verdict = self.grade(selection)
        if verdict.correct:
            message = "\n\n".join(part for part in (verdict.message, self.why) if part)
            return CheckResult(CORRECT, message, exercise=self.key, where=self.title)
        message = (verdict.message or "That is not the answer yet.") + \
            "\n\nChange your answer and check again, or ask for a hint."
        return CheckResult(INCORRECT, message, exercise=self.key, where=self.title)

    def record(self, answer, result):
        """Record an answer checked in the widget or in code (nothing is recorded when blank)."""
        if result.status == NOT_ATTEMPTED:
            return
        try:
            selection = self.selection(answer)
        except Mismatch:
            selection = None
        choice = [self.letter(i) for i in selection] if selection else None
        self._store().record_check(self.key, result.status, kind=self.kind, choice=choice)
        temporary_session_reminder()

    def check(self, answer):
        """Check an answer given in code (letters, option numbers from 0 or option texts)."""
        result = self.evaluate(answer)
        self.record(answer, result)
        return result.show()

    def hint(self, number=None):
        """The next hint each time; ``hint(2)`` shows hint 2 again (recorded in your progress)."""
        return self.hint_feedback(number).show()

    def hint_feedback(self, number=None):
        """The hint as :class:`Feedback`, recorded but not shown (the widget shows it in its own box)."""
        total = len(self.hints)
        if total == 0:
            return Feedback("hint", "No hints", "This question has no hints: see the worked answer instead.",
                            where=self.title)
        if number is None:
            number = min(self._hints_shown + 1, total)
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= total:
            return Feedback("hint", "No such hint", f"This question has {plural(total, 'hint')}.",
                            where=self.title)
        self._hints_shown = max(self._hints_shown, number)
        self._store().record_hint(self.key, number)
        return Feedback("hint", f"Hint {number} of {total}", self.hints[number - 1], where=self.title)

    def solution(self):
        """The worked answer and why (recorded in your progress)."""
        return self.solution_feedback().show()

    def solution_feedback(self):
        """The worked answer as :class:`Feedback`, recorded but not shown."""
        self._store().record_solution(self.key)
        answer = "; ".join(self.label(i) for i in self.answer_key())
        text = f"**Answer:** {answer}" + (f"\n\n{self.explanation}" if self.explanation else "")
        return Feedback("solution", "Worked answer", text, where=self.title)

    def show(self):
        """The question as a widget: the options, Check my answer, a hint and the worked answer."""
        from ..leader_widgets import leader_widget

        return leader_widget(self)


class Choice(LeaderItem):
    """Pick ``pick`` of the options; every option chosen is explained.

    ``options`` are :class:`Option` (text, right or not, explanation); ``pick`` defaults to the
    number of right options.

    >>> choice = Choice("q1", prompt="Pick two fruits.", options=[Option("Apple", True, "A fruit."),
    ...     Option("Brick", False, "Not food."), Option("Pear", True, "A fruit.")])
    >>> choice.evaluate(["A", "C"]).status, choice.evaluate("A").message
    ('correct', 'Choose 2 options; you chose 1.')
    """

    kind = "choice"

    def __init__(self, name, *, prompt, options, pick=None, **rest):
        options = list(options)
        if pick is None:
            pick = sum(option.correct for option in options)
        super().__init__(name, prompt=prompt, options=options, pick=pick, **rest)

    def answer_key(self):
        return tuple(i for i, option in enumerate(self.options) if option.correct)[: self.pick]

    def grade(self, selection):
        lines = [f"- {self.letter(i)} ({'fits' if self.options[i].correct else 'does not fit'}): "
                 f"{self.options[i].explanation}" for i in selection]
        wrong = [i for i in selection if not self.options[i].correct]
        return Verdict(not wrong, "\n".join(lines))


class Decision(LeaderItem):
    """A choice graded by its consequence: what the chosen actions change, against the best choice.

    Parameters
    ----------
    options : list of str
        The actions to choose from.
    pick : int
        How many actions the learner takes.
    consequence : callable
        ``consequence(chosen)`` -> a number, for a tuple of option indices: the outcome of taking
        those actions (computed by the library, e.g. with :func:`netlearn.leadership.what_if_removed`).
        Every possible choice is computed once, on first use.
    describe : callable
        ``describe(number)`` -> a phrase saying what an outcome means for the network.
    better : "higher" or "lower"
        Which way is better.
    tolerance : float
        A choice whose outcome is within this of the best counts as right.
    baseline : number or callable, optional
        The outcome with no action (or a function computing it on first use), to say what the
        choice changes.
    baseline_label : str
        How the feedback introduces that outcome, e.g. ``"With none of this evidence collected"``.
    insight : callable, optional
        ``insight(chosen)`` -> a sentence on why this choice does what it does.
    """

    kind = "decision"

    def __init__(self, name, *, prompt, options, pick, consequence, describe, better="higher", tolerance=0.0,
                 baseline=None, baseline_label="With no introduction or other action", insight=None, **rest):
        super().__init__(name, prompt=prompt, options=options, pick=pick, **rest)
        if better not in ("higher", "lower"):
            raise ValueError(f"{name}: better must be 'higher' or 'lower'")
        self.consequence = consequence
        self.describe = describe
        self.better = better
        self.tolerance = tolerance
        self.baseline = baseline
        self.baseline_label = baseline_label
        self.insight = insight
        self._outcomes = None

    def outcomes(self):
        """Every possible choice (a tuple of option indices) with its computed outcome."""
        if self._outcomes is None:
            self._outcomes = {combo: self.consequence(combo)
                              for combo in itertools.combinations(range(len(self.options)), self.pick)}
        return dict(self._outcomes)

    def best(self):
        """The best choice and its outcome (the first in option order when several tie)."""
        outcomes = self.outcomes()
        sign = 1 if self.better == "higher" else -1
        combo = max(outcomes, key=lambda c: sign * outcomes[c])
        return combo, outcomes[combo]

    def answer_key(self):
        return self.best()[0]

    def grade(self, selection):
        value = self.outcomes()[selection]
        best, best_value = self.best()
        parts = [f"You chose {self._letters(selection)}: {self.describe(value)}."]
        if selection == best:
            parts[0] += " That is the best of the choices here."
        else:
            parts[0] += f" The best choice, {self._letters(best)}: {self.describe(best_value)}."
        if self.baseline is not None:
            baseline = self.baseline() if callable(self.baseline) else self.baseline
            parts.append(f"{self.baseline_label}: {self.describe(baseline)}.")
        if self.insight is not None:
            parts.append(self.insight(selection))
        gap = (best_value - value) if self.better == "higher" else (value - best_value)
        correct = gap <= self.tolerance
        if correct and selection != best:
            parts.append("Your choice comes close enough to the best to count.")
        return Verdict(correct, "\n\n".join(parts))


class Ranking(LeaderItem):
    """Put every option in order; graded against the order of values the library computes.

    Parameters
    ----------
    values : callable
        ``values()`` -> one number per option (computed on first use).
    describe : callable
        ``describe(number)`` -> how a value reads, e.g. ``"asked by 73 members"``.
    descending : bool
        True when the option with the largest value comes first.
    tolerance : float
        Two options whose values differ by no more than this may come in either order.
    note : callable, optional
        ``note()`` -> a sentence added to the feedback: what the order says about the network.
    """

    kind = "ranking"

    def __init__(self, name, *, prompt, options, values, describe=str, descending=True, tolerance=0.0, note=None,
                 **rest):
        options = list(options)
        super().__init__(name, prompt=prompt, options=options, pick=len(options), **rest)
        self._values = values
        self._computed = None
        self.describe = describe
        self.descending = descending
        self.tolerance = tolerance
        self.note = note

    def values(self):
        """Each option's computed value, in option order."""
        if self._computed is None:
            self._computed = list(self._values())
        return list(self._computed)

    def selection(self, answer):
        """The order given, as a tuple of option indices (not sorted), or None if blank."""
        if is_blank(answer) or (is_collection(answer) and not list(answer)):
            return None
        chosen = [self._index(c) for c in answer] if is_collection(answer) else [self._index(answer)]
        if len(set(chosen)) != len(chosen):
            raise Mismatch("The same option is placed twice: place each option once.")
        if len(chosen) != len(self.options):
            raise Mismatch(f"Place all {len(self.options)} options in order; you placed {len(chosen)}.")
        return tuple(chosen)

    def answer_key(self):
        values = self.values()
        return tuple(sorted(range(len(values)), key=lambda i: -values[i] if self.descending else values[i]))

    def grade(self, order):
        values = self.values()
        sign = 1 if self.descending else -1
        swapped = [(a, b) for n, a in enumerate(order) for b in order[n + 1:]
                   if sign * (values[b] - values[a]) > self.tolerance]
        computed = "\n".join(f"- {self.letter(i)}. {self.options[i].text}: {self.describe(values[i])}"
                             for i in self.answer_key())
        if self.note is not None:
            computed += f"\n\n{self.note()}"
        if not swapped:
            return Verdict(True, f"Your order matches the computed one:\n\n{computed}")
        a, b = swapped[0]
        message = (f"{plural(len(swapped), 'pair')} of options {'is' if len(swapped) == 1 else 'are'} the wrong "
                   f"way round. For example, you put {self.letter(a)} above {self.letter(b)}, but the library "
                   f"computes {self.letter(b)}: {self.describe(values[b])}; {self.letter(a)}: "
                   f"{self.describe(values[a])}.\n\nThe computed order:\n\n{computed}")
        return Verdict(False, message)


class Prediction(LeaderItem):
    """Predict before seeing: the learner picks an option, then the computed result is revealed.

    Parameters
    ----------
    answer : callable
        ``answer()`` -> the index of the option the computed result matches.
    reveal : callable
        ``reveal()`` -> the computed result in words, shown with every verdict.

    Options may be :class:`Option` to explain why a prediction is tempting.
    """

    kind = "prediction"

    def __init__(self, name, *, prompt, options, answer, reveal, **rest):
        super().__init__(name, prompt=prompt, options=options, pick=1, **rest)
        self._answer = answer
        self._reveal = reveal

    def answer_key(self):
        return (self._answer(),)

    def grade(self, selection):
        right = self.answer_key()
        chosen = selection[0]
        parts = [f"You predicted {self.letter(chosen)}. {self.options[chosen].text}.",
                 f"**What the data show:** {self._reveal()}"]
        if self.options[chosen].explanation:
            parts.append(self.options[chosen].explanation)
        if selection != right:
            parts.append(f"The result matches {self.letter(right[0])}. {self.options[right[0]].text}.")
        return Verdict(selection == right, "\n\n".join(parts))
