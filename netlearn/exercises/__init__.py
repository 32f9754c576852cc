"""Exercises for the course notebooks: checked answers, hints, solutions, concept questions,
reflections and progress.

A learner's exercise notebook starts with one setup cell::

    from netlearn.exercises import ____, how_exercises_work as ex

and then, for each question, fills in a blank and checks it::

    most_ties = ____            # replace ____ with the answer
    ex.q1.check(most_ties)      # Correct / Not attempted yet / Not yet, with what to look at
    ex.q1.hint()                # the next hint each time
    ex.q1.solution()            # a worked solution (recorded in your progress)
    ex.q4.show()                # a concept question, reflection or leader-track item, as a widget
    ex.progress()               # which exercises of this notebook are done

Importing an exercise module also turns on error coaching (:mod:`netlearn.coaching`), so common
mistakes get a plain-language explanation.

Writing exercises
    One module per exercise notebook in this package (``how_exercises_work.py`` goes with
    ``exercises/00_how_exercises_work.ipynb``), defining its items and an :class:`ExerciseSet`
    called ``exercises``. Checkers are built from :func:`same_member`, :func:`same_set`,
    :func:`close_number`, :func:`same_mapping` and :func:`answers_on_other_relations`.
    :func:`registry` finds every module; ``tests/test_exercise_catalogue.py`` proves each
    exercise's solution and typical wrong answers.

    Importing a module computes nothing: the data it loads, the answers and the items live in
    its ``_build()``, given to its ``ExerciseSet`` as ``build=`` with an ``outline`` (item
    name -> kind) and run once on first use (``ex.q1``, ``exercises.items``; the module sets
    ``__getattr__ = exercises.module_attribute``), so the course overview
    (:func:`course_progress`, :func:`progress_table`) counts progress without computing any
    answer; the outline is checked against the items when they are built.

Two tracks
    Every exercise notebook has a *leader track*, answered through widgets without code
    (:class:`ConceptQuestion`, :class:`Reflection`, :class:`Choice`, :class:`Ranking`,
    :class:`Prediction`, :class:`Decision`), and an *analyst track* of code questions
    (:class:`Exercise`). Each item's ``track`` says which; the overview counts each track.
    :func:`predict_then_see` asks a lesson's reader to predict before a result is shown.

Progress
    Kept in ``~/.netlearn/progress.json`` (or ``$NETLEARN_PROGRESS``); see
    :mod:`netlearn.exercises.progress`. :func:`course_progress` shows the course overview and
    :func:`progress_table` the same as a table.

The learner record
    On Binder that file disappears when the session ends. :func:`export_record` writes progress,
    reflections, saved self-assessments and an action plan into one HTML file to download;
    :func:`import_record` restores progress from it in a new session (:mod:`netlearn.exercises.record`).
    The progress widgets have buttons for both (:func:`record_buttons`).
"""

from __future__ import annotations

import importlib
import pkgutil

from .engine import *  # noqa: F401,F403 - the engine's names are this package's too
from .engine import __all__ as _ENGINE_NAMES
from .progress import ProgressStore, ProgressWarning, progress_store
from .record import export_record, import_record, read_record
from .widgets import course_progress, progress_table, progress_widget, record_buttons
from .leader_widgets import predict_then_see

__all__ = [
    *_ENGINE_NAMES,
    "ProgressStore",
    "ProgressWarning",
    "course_progress",
    "export_record",
    "import_record",
    "predict_then_see",
    "progress_store",
    "progress_table",
    "progress_widget",
    "read_record",
    "record_buttons",
    "registry",
]

#: Modules of this package that hold the engine rather than a notebook's exercises.
_ENGINE_MODULES = {"engine", "leader_widgets", "progress", "record", "record_page", "widgets"}


def registry():
    """Every exercise notebook of the course: a dict module name -> :class:`ExerciseSet`.

    Ordered by notebook number. Each exercise module is imported (which turns on error
    coaching in Jupyter) and must define ``exercises``.

    >>> sets = registry()
    >>> sets["how_exercises_work"].notebook
    'exercises/00_how_exercises_work.ipynb'
    >>> [item.name for item in sets["how_exercises_work"]]
    ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']
    """
    found = []
    for module_info in pkgutil.iter_modules(__path__):
        name = module_info.name
        if name.startswith("_") or name in _ENGINE_MODULES:
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        exercise_set = getattr(module, "exercises", None)
        if not isinstance(exercise_set, ExerciseSet):
            raise TypeError(f"netlearn.exercises.{name} must define `exercises`, an ExerciseSet")
        found.append(exercise_set)
    found.sort(key=lambda s: (s.number, s.name))
    return {exercise_set.name: exercise_set for exercise_set in found}
