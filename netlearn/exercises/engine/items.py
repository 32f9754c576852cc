"""The first three kinds of exercise a notebook asks: :class:`Exercise` (an answer in code, checked),
:class:`ConceptQuestion` (multiple choice, each option explained) and :class:`Reflection` (free
text, saved for the learner and never marked). Every item belongs to a track (:data:`TRACKS`):
code exercises to the analyst track, the others to the leader track unless they say otherwise.
The leader track's widget-answered kinds are in :mod:`~netlearn.exercises.engine.leader_items`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..progress import progress_store
from ..record import storage_note, temporary_session_reminder
from .checkers import describe_kind, is_collection, Mismatch, Verdict
from .feedback import brief_repr, CheckResult, CORRECT, Feedback, INCORRECT, is_blank, NOT_ATTEMPTED, plural

__all__ = ["TRACKS", "ConceptQuestion", "Exercise", "Option", "Reflection"]


# ====================================================================== exercises
def _as_verdict(outcome):
    if isinstance(outcome, Verdict):
        return outcome
    if isinstance(outcome, bool):
        return Verdict(outcome, "")
    if isinstance(outcome, tuple) and len(outcome) == 2:
        return Verdict(bool(outcome[0]), str(outcome[1] or ""))
    raise TypeError(f"a checker must return a Verdict or a bool, not {type(outcome).__name__}")


#: The two tracks of every exercise notebook: a leader completes the leader track without writing
#: code; the analyst track asks for code.
TRACKS = ("leader", "analyst")


def checked_track(track, name):
    """``track`` if it is one of :data:`TRACKS`; otherwise a ValueError naming the exercise."""
    if track not in TRACKS:
        raise ValueError(f"{name}: track must be 'leader' or 'analyst', not {track!r}")
    return track


class Item:
    """What every kind of exercise shares: a name, a prompt, a track and a place in an ExerciseSet."""

    kind = "item"
    #: "leader" (answered without code) or "analyst" (answered in code); each kind has a default.
    default_track = "leader"

    def __init__(self, name, prompt, title=None, track=None):
        self.name = name
        self.prompt = prompt
        self.track = checked_track(self.default_track if track is None else track, name)
        if title is None:
            title = f"Question {name[1:]}" if re.fullmatch(r"q\d+", name) else name
        self.title = title
        self.key = name
        self.exercise_set = None

    def _store(self):
        return progress_store()

    def __repr__(self):
        return f"<{type(self).__name__} {self.key}: {self.prompt.splitlines()[0][:60]}>"


class Exercise(Item):
    """A question answered in code, checked straight away.

    Parameters
    ----------
    name : str
        Short name within its notebook, e.g. ``"q1"``: the learner writes ``ex.q1.check(...)``.
    prompt : str
        The question, as the notebook shows it.
    checker : callable
        ``checker(answer) -> Verdict`` (see :func:`same_member` and friends).
    hints : list of str
        From a gentle nudge to nearly the answer.
    solution : str
        Code that computes the answer and assigns it to ``answer_name``.
    explanation : str
        Why the solution works, in plain words.
    wrong_answers : list of (answer, feedback_substring)
        At least two typical wrong answers, with a piece of the feedback each must get. The
        catalogue test proves them.
    why : str
        Why it matters, shown with "Correct".
    answer_name : str
        The variable the learner fills in (``most_ties = ____``).
    """

    kind = "code"
    default_track = "analyst"

    def __init__(self, name, *, prompt, checker, hints, solution, explanation, wrong_answers, why="",
                 answer_name="answer", title=None, track=None):
        super().__init__(name, prompt, title, track)
        self.checker = checker
        self.hints = list(hints)
        self.solution_code = solution.strip("\n")
        self.explanation = explanation
        self.wrong_answers = list(wrong_answers)
        self.why = why
        self.answer_name = answer_name
        self._hints_shown = 0

    @property
    def starter(self):
        """The line the learner starts from, e.g. ``most_ties = ____``."""
        return f"{self.answer_name} = ____"

    def _call(self):
        return f"ex.{self.name}"

    def evaluate(self, answer):
        """Check ``answer`` without showing or recording anything; return a :class:`CheckResult`."""
        if is_blank(answer):
            return CheckResult(
                NOT_ATTEMPTED,
                f"Replace `____` with your answer (on the line `{self.starter}`), then run the cell again. "
                f"Stuck? `{self._call()}.hint()` gives a hint.",
                exercise=self.key, where=self.title)
        try:
            verdict = _as_verdict(self.checker(answer))
        except Exception as error:  # a checker must never leave the learner with a traceback
            verdict = Verdict(False, f"This answer could not be checked ({type(error).__name__}: {error}). It is "
                                     f"{describe_kind(answer)}; look at what the question asks for and try again.")
        if verdict.correct:
            message = " ".join(part for part in (verdict.message, self.why) if part)
            return CheckResult(CORRECT, message, exercise=self.key, where=self.title)
        message = verdict.message or "That is not the answer yet."
        message += f"\n\nTry again, or ask for a hint: `{self._call()}.hint()`."
        return CheckResult(INCORRECT, message, exercise=self.key, where=self.title)

    def check(self, answer):
        """Check your answer: says Correct, Not attempted yet, or Not yet with what to look at.

        Returns the :class:`CheckResult` (``.status``, ``.message``), which Jupyter shows.
        """
        result = self.evaluate(answer)
        if result.status != NOT_ATTEMPTED:
            self._store().record_check(self.key, result.status, kind=self.kind)
            temporary_session_reminder()     # on Binder, once per kernel: progress will not last
        return result.show()

    def hint(self, number=None):
        """The next hint each time you call it; ``hint(2)`` shows hint 2 again."""
        total = len(self.hints)
        if number is None:
            if self._hints_shown >= total:
                return Feedback("hint", "No more hints", (
                    f"That was the last of the {plural(total, 'hint')}. You can see any of them again with "
                    f"`{self._call()}.hint(1)` to `{self._call()}.hint({total})`, or see a worked answer with "
                    f"`{self._call()}.solution()`."), where=self.title).show()
            number = self._hints_shown + 1
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= total:
            return Feedback("hint", "No such hint", (
                f"This question has {plural(total, 'hint')}: ask for one of `{self._call()}.hint(1)` to "
                f"`{self._call()}.hint({total})`."), where=self.title).show()
        self._hints_shown = max(self._hints_shown, number)
        self._store().record_hint(self.key, number)
        return Feedback("hint", f"Hint {number} of {total}", self.hints[number - 1], where=self.title).show()

    def solution(self):
        """Show a worked solution and why it works (this is recorded in your progress)."""
        self._store().record_solution(self.key)
        return Feedback("solution", "Solution", self.explanation, code=self.solution_code, where=self.title).show()

    def run_solution(self, namespace):
        """Run the solution code in ``namespace`` (a dict) and return the answer it makes."""
        exec(compile(self.solution_code, f"<solution {self.key}>", "exec"), namespace)
        return namespace[self.answer_name]


@dataclass(frozen=True)
class Option:
    """One option of a :class:`ConceptQuestion`: its text, whether it is right, and why."""

    text: str
    correct: bool
    explanation: str


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def option_index(item, choice):
    """Which of ``item.options`` a learner means: an index, a letter ("B", "b") or the option's text.

    Shared by every item answered by choosing options (concept questions and the leader track's
    choices, rankings, predictions and decisions). Anything else is a :class:`Mismatch` that names
    the letters to use.
    """
    if isinstance(choice, bool):
        raise Mismatch(f"{choice} is not one of the options.")
    if isinstance(choice, int) and 0 <= choice < len(item.options):
        return choice
    if isinstance(choice, str):
        text = choice.strip()
        if len(text) == 1 and text.upper() in _LETTERS[: len(item.options)]:
            return _LETTERS.index(text.upper())
        for i, option in enumerate(item.options):
            if text in (option.text, item.label(i)):
                return i
    raise Mismatch(f"{brief_repr(choice)} is not one of the options: use the letters "
                   f"{', '.join(_LETTERS[: len(item.options)])}.")


class ConceptQuestion(Item):
    """A multiple-choice question about an idea, with an explanation for every option.

    Parameters
    ----------
    name, prompt : str
    options : list of Option
    multiple : bool
        True for "tick all that apply" (check boxes); False for one answer (radio buttons).
    why : str
        Why it matters, shown with "Correct".

    In a notebook, ``ex.q4.show()`` shows the question as a widget. In code,
    ``ex.q4.check("A")`` (or ``check(["A", "C"])``, or option numbers from 0) checks a choice.
    """

    kind = "concept"

    def __init__(self, name, *, prompt, options, multiple=False, why="", title=None, track=None):
        super().__init__(name, prompt, title, track)
        self.options = list(options)
        self.multiple = multiple
        self.why = why

    def letter(self, index):
        return _LETTERS[index]

    def label(self, index):
        return f"{self.letter(index)}. {self.options[index].text}"

    def _explained(self, index):
        option = self.options[index]
        verdict = "fits" if option.correct else "does not fit"
        return f"- {self.letter(index)} ({verdict}): {option.explanation}"

    def answer_key(self):
        """The indices of the right options, as a tuple."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)

    def _index(self, choice):
        return option_index(self, choice)

    def _selection(self, choice):
        if is_blank(choice) or (is_collection(choice) and not list(choice)):
            return None
        if is_collection(choice):
            return tuple(sorted({self._index(c) for c in choice}))
        return (self._index(choice),)

    def evaluate(self, choice):
        """Check a choice without showing or recording it; return a :class:`CheckResult`."""
        try:
            selected = self._selection(choice)
        except Mismatch as mismatch:
            return CheckResult(INCORRECT, mismatch.message, exercise=self.key, where=self.title)
        if selected is None:
            what = "Tick the options you choose" if self.multiple else "Choose an option"
            return CheckResult(NOT_ATTEMPTED, f"{what}, then press Check my answer.", exercise=self.key,
                               where=self.title)
        key = set(self.answer_key())
        if not self.multiple and len(selected) > 1:
            return CheckResult(INCORRECT, "Choose one option only.", exercise=self.key, where=self.title)
        if set(selected) == key:
            shown = range(len(self.options)) if self.multiple else selected
            lines = [self._explained(i) for i in shown]
            message = "\n".join(lines) + (f"\n\n{self.why}" if self.why else "")
            return CheckResult(CORRECT, message, exercise=self.key, where=self.title)
        lines = [self._explained(i) for i in selected]
        message = "\n".join(lines)
        if self.multiple:
            missing = len(key - set(selected))
            if missing:
                message += f"\n\nThere {'is' if missing == 1 else 'are'} {plural(missing, 'more option')} to tick."
            if set(selected) - key:
                message += "\n\nUntick the options that do not fit, and check again."
        else:
            message += "\n\nChoose another option and check again."
        return CheckResult(INCORRECT, message, exercise=self.key, where=self.title)

    def check(self, choice):
        """Check a choice made in code (letters, option numbers from 0, or option texts)."""
        result = self.evaluate(choice)
        if result.status != NOT_ATTEMPTED:
            try:
                selection = self._selection(choice)
            except Mismatch:
                selection = None
            self._store().record_check(self.key, result.status, kind=self.kind,
                                       choice=[self.letter(i) for i in selection] if selection else None)
            temporary_session_reminder()
        return result.show()

    def record(self, selection, result):
        """Record a choice made in the widget."""
        if result.status != NOT_ATTEMPTED:
            self._store().record_check(self.key, result.status, kind=self.kind,
                                       choice=[self.letter(i) for i in selection])

    def show(self):
        """The question as a widget: options, a Check my answer button, and the feedback."""
        from ..widgets import concept_widget

        return concept_widget(self)


class Reflection(Item):
    """A question to think about and write down; saved for the learner, never marked.

    Parameters
    ----------
    name, prompt : str
    guidance : str
        A line or two on how to go about it.
    placeholder : str
        Faint text in the empty box.
    """

    kind = "reflection"

    def __init__(self, name, *, prompt, guidance="", placeholder="Write your thoughts here.", title=None,
                 track=None):
        super().__init__(name, prompt, title or "Reflection", track)
        self.guidance = guidance
        self.placeholder = placeholder

    @property
    def saved(self):
        """What was saved before, as ``{"text": ..., "saved_at": ...}``, or None."""
        return self._store().reflection(self.key)

    def save(self, text):
        """Save your reflection (replacing an earlier one); return a note saying where it is kept."""
        store = self._store()
        if not str(text).strip():
            return Feedback("info", "Nothing saved", "Write a sentence or two first, then save.", where=self.title)
        store.save_reflection(self.key, text, prompt=self.prompt)
        return Feedback("info", "Saved", f"Your reflection is saved. It is not marked. {storage_note(store)}",
                        where=self.title)

    def show(self):
        """A text box with your saved reflection (if any) and a Save button."""
        from ..widgets import reflection_widget

        return reflection_widget(self)
