"""The exercise engine: exercises declared once, checked kindly, and shown in plain words.

Kinds of exercise
    :class:`Exercise` - the learner writes an answer in code; ``check(answer)`` marks it,
    ``hint()`` gives the next hint, ``solution()`` shows a worked answer.
    :class:`ConceptQuestion` - multiple choice (or tick all that apply) for ideas code cannot
    check, with an explanation for every option.
    :class:`Reflection` - a free-text answer that is saved for the learner, never marked.

Leader-track kinds, answered in a widget without code (:mod:`~netlearn.exercises.engine.leader_items`)
    :class:`Choice` (pick k of n), :class:`Ranking` (put options in order), :class:`Prediction`
    (predict, then see the computed result) and :class:`Decision` (a choice graded by its
    consequence, computed by the library).

Two tracks
    Every item has ``track``: ``"leader"`` (no code) or ``"analyst"`` (code). Code exercises
    default to the analyst track, every other kind to the leader track (:data:`KIND_TRACKS`).

Checkers
    A checker is any callable ``checker(answer) -> Verdict`` (or a bool). The building blocks
    below cover most questions of the course, so an exercise is a few lines:
    :func:`same_member`, :func:`same_set`, :func:`close_number`, :func:`same_mapping`, and
    :func:`answers_on_other_relations` to recognise the right measure computed on the wrong
    relation.

Fair questions
    A wrong number is sent back to the method, never told "higher" or "lower"; give
    ``close_number`` the ``shown_digits`` the notebook displays and an answer rounded that far
    counts. In a :class:`ConceptQuestion`, write wrong options as long and as believable as the
    right one, each with its own explanation: ``tests/test_exercise_catalogue.py`` checks that
    picking the longest or the first option does no better than chance.

>>> check = same_set({"Andre", "Beverly"})
>>> check(["Beverly", "Andre"])
Verdict(correct=True, message='')
>>> check({"Andre"}).correct
False
>>> close_number(0.4)(40).message
'That looks like a percentage (40). Give it as a fraction between 0 and 1 instead: 40% is 0.4.'

Where each part lives: :mod:`~netlearn.exercises.engine.feedback` (what a learner sees),
:mod:`~netlearn.exercises.engine.checkers` (the checker base), :mod:`~netlearn.exercises.engine.member_checks`
and :mod:`~netlearn.exercises.engine.value_checks` (the building blocks),
:mod:`~netlearn.exercises.engine.items` (the three kinds of exercise) and
:mod:`~netlearn.exercises.engine.sets` (:class:`ExerciseSet`).
"""

from __future__ import annotations

from .feedback import (BLANK, CORRECT, INCORRECT, NOT_ATTEMPTED, STATUSES, Blank, CheckResult, Feedback, ____,
                       is_blank, text_to_html)
from .checkers import Checker, Mismatch, Verdict, answers_on_other_relations
from .member_checks import MemberChecker, SetChecker, same_member, same_set
from .value_checks import MappingChecker, NumberChecker, close_number, same_mapping
from .items import TRACKS, ConceptQuestion, Exercise, Item, Option, Reflection
from .leader_items import Choice, Decision, LeaderItem, Prediction, Ranking
from .sets import KIND_TRACKS, ExerciseSet, OutlineItem

__all__ = [
    "BLANK",
    "CheckResult",
    "Choice",
    "ConceptQuestion",
    "Decision",
    "Exercise",
    "ExerciseSet",
    "Feedback",
    "KIND_TRACKS",
    "LeaderItem",
    "Option",
    "Prediction",
    "Ranking",
    "Reflection",
    "TRACKS",
    "Verdict",
    "____",
    "answers_on_other_relations",
    "close_number",
    "is_blank",
    "same_mapping",
    "same_member",
    "same_set",
]
