"""Every exercise the course declares is complete, and its answer key is proven.

For each code exercise: the worked solution, run as the learner would run it, passes its own
checker; every typical wrong answer fails with the feedback it is declared to get; the blank is
"not attempted". For each concept question: the answer key passes and every wrong choice is
explained. Each exercise notebook matches its declarations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netlearn.exercises import ConceptQuestion, Exercise, Reflection, ____, registry
from netlearn.exercises.engine import KIND_TRACKS, TRACKS, LeaderItem, NumberChecker

REPO_ROOT = Path(__file__).resolve().parents[1]
SETS = list(registry().values())
ITEMS = [item for exercise_set in SETS for item in exercise_set]
CODE = [item for item in ITEMS if isinstance(item, Exercise)]
CONCEPTS = [item for item in ITEMS if isinstance(item, ConceptQuestion)]
REFLECTIONS = [item for item in ITEMS if isinstance(item, Reflection)]
LEADER_ITEMS = [item for item in ITEMS if isinstance(item, LeaderItem)]


def keys(items):
    return [item.key for item in items]


def test_the_course_has_exercises_of_every_kind():
    assert SETS, "registry() found no exercise notebooks"
    assert CODE and CONCEPTS and REFLECTIONS
    assert len(set(keys(ITEMS))) == len(ITEMS), "exercise keys must be unique across the course"
    assert len({s.number for s in SETS}) == len(SETS), "two exercise modules claim the same notebook number"
    assert all(isinstance(item, (Exercise, ConceptQuestion, Reflection, LeaderItem)) for item in ITEMS)


# ---------------------------------------------------------------------- tracks
@pytest.mark.parametrize("exercise_set", SETS, ids=[s.name for s in SETS])
def test_every_item_declares_a_track_and_the_outline_agrees(exercise_set):
    declared = {entry.name: entry.track for entry in exercise_set.outline()}
    for item in exercise_set:
        assert item.track in TRACKS, f"{item.key}: track {item.track!r}"
        assert declared[item.name] == item.track, f"{item.key}: the outline says {declared[item.name]}"
        assert item.kind in KIND_TRACKS


def test_leader_items_never_require_code():
    leader = [item for item in ITEMS if item.track == "leader"]
    assert leader
    for item in leader:
        assert not isinstance(item, Exercise), f"{item.key} is on the leader track but asks for code"
        assert hasattr(item, "show"), f"{item.key} must be answerable in a widget"


# ---------------------------------------------------------------------- leader-track items
@pytest.mark.parametrize("item", LEADER_ITEMS, ids=keys(LEADER_ITEMS))
def test_leader_item_passes_its_answer_and_fails_its_wrong_answers(item):
    assert item.prompt.strip() and item.explanation.strip() and item.hints, f"{item.key} is incomplete"
    assert item.evaluate(item.solution_answer()).status == "correct", item.evaluate(item.solution_answer()).message
    assert item.evaluate(____).status == "not_attempted"
    assert len(item.wrong_answers) >= 2, "at least two typical wrong answers"
    for answer, feedback in item.wrong_answers:
        result = item.evaluate(answer)
        assert result.status == "incorrect", f"{item.key}: {answer!r} passed"
        assert feedback in result.message, f"{item.key}: {answer!r} got {result.message!r}"


# ---------------------------------------------------------------------- code exercises
@pytest.mark.parametrize("exercise", CODE, ids=keys(CODE))
def test_code_exercise_is_complete(exercise):
    assert exercise.prompt.strip(), "a prompt"
    assert callable(exercise.checker), "a checker"
    assert exercise.hints and all(h.strip() for h in exercise.hints), "at least one hint, none empty"
    assert exercise.solution_code.strip(), "solution code"
    assert exercise.explanation.strip(), "an explanation of the solution"
    assert exercise.why.strip(), "why it matters, shown with Correct"
    assert len(exercise.wrong_answers) >= 2, "at least two typical wrong answers"
    assert all(isinstance(feedback, str) and feedback for _, feedback in exercise.wrong_answers)
    assert exercise.answer_name.isidentifier()
    assert f"{exercise.answer_name} =" in exercise.solution_code, "the solution fills in the answer variable"


@pytest.mark.parametrize("exercise", CODE, ids=keys(CODE))
def test_solution_passes_its_own_checker(exercise):
    namespace = exercise.exercise_set.namespace()
    answer = exercise.run_solution(namespace)
    result = exercise.check(answer)
    assert result.status == "correct", result.message


@pytest.mark.parametrize("exercise", CODE, ids=keys(CODE))
def test_typical_wrong_answers_get_their_feedback(exercise):
    for answer, feedback in exercise.wrong_answers:
        result = exercise.check(answer)
        assert result.status == "incorrect", f"{answer!r} was accepted"
        assert feedback in result.message, f"{answer!r}: expected {feedback!r} in {result.message!r}"


@pytest.mark.parametrize("exercise", CODE, ids=keys(CODE))
def test_blank_is_not_attempted(exercise):
    assert exercise.check(____).status == "not_attempted"
    assert exercise.check(None).status == "not_attempted"


@pytest.mark.parametrize("exercise", CODE, ids=keys(CODE))
def test_every_hint_and_the_solution_can_be_shown(exercise):
    for number in range(1, len(exercise.hints) + 1):
        assert exercise.hint(number).message == exercise.hints[number - 1]
    assert exercise.solution().code == exercise.solution_code


# ---------------------------------------------------------------------- concept questions
@pytest.mark.parametrize("question", CONCEPTS, ids=keys(CONCEPTS))
def test_concept_question_is_complete(question):
    assert question.prompt.strip()
    assert len(question.options) >= 2
    assert all(option.text.strip() and option.explanation.strip() for option in question.options)
    correct = question.answer_key()
    assert correct, "at least one right option"
    if not question.multiple:
        assert len(correct) == 1, "a one-answer question has exactly one right option"
    assert len(correct) < len(question.options), "at least one option is wrong"
    assert len({option.text for option in question.options}) == len(question.options)


@pytest.mark.parametrize("question", CONCEPTS, ids=keys(CONCEPTS))
def test_concept_answer_key_passes_and_wrong_choices_are_explained(question):
    key = list(question.answer_key())
    right = question.check(key if question.multiple else key[0])
    assert right.status == "correct", right.message
    for option in question.options:
        assert option.explanation in right.message or not question.multiple
    wrong = [i for i in range(len(question.options)) if i not in key]
    for index in wrong:
        choice = sorted(key + [index]) if question.multiple else index
        result = question.check(choice)
        assert result.status == "incorrect"
        assert question.options[index].explanation in result.message
    if question.multiple and len(key) > 1:
        result = question.check(key[:-1])
        assert result.status == "incorrect" and "more option" in result.message
    assert question.check([]).status == "not_attempted"


@pytest.mark.parametrize("question", CONCEPTS, ids=keys(CONCEPTS))
def test_concept_widget_accepts_the_answer_key(question):
    widget = question.show()
    widget.choose(*question.answer_key())
    widget.button.click()
    assert widget.result.status == "correct"



# ---------------------------------------------------------------------- concept questions cannot be gamed
# A learner who always picks the longest option, or always the first, must do no better than chance.
# Chance for one question is 1 / (number of options); the shares below may exceed its mean over the
# course by at most MARGIN (0.10: with 7 one-answer questions, at most 2 of 7 at a chance of ~0.24).
MARGIN = 0.10
SINGLE = [q for q in CONCEPTS if not q.multiple]
MULTIPLE = [q for q in CONCEPTS if q.multiple]


def _lengths(question):
    return [len(option.text) for option in question.options]


def test_the_longest_option_is_no_better_than_chance():
    assert len(SINGLE) >= 5, "enough one-answer questions to measure"
    chance = sum(1 / len(q.options) for q in SINGLE) / len(SINGLE)
    # Ties count against us: a right option as long as the longest counts as the longest.
    longest = [q.key for q in SINGLE if _lengths(q)[q.answer_key()[0]] == max(_lengths(q))]
    share = len(longest) / len(SINGLE)
    assert share <= chance + MARGIN, f"the right option is the longest in {longest}: {share:.2f} > {chance:.2f}"


def test_the_first_option_is_no_better_than_chance():
    chance = sum(1 / len(q.options) for q in SINGLE) / len(SINGLE)
    first = [q.key for q in SINGLE if q.answer_key()[0] == 0]
    share = len(first) / len(SINGLE)
    assert share <= chance + MARGIN, f"the right option is first in {first}: {share:.2f} > {chance:.2f}"


def test_right_options_are_not_systematically_longer():
    """One-answer: the right option is not longer than the others on average. Tick-all: the right options
    are not longer than the wrong ones, over the course (within 10%) and in any one question (within 25%,
    as a question has only a few options)."""
    ratios = []
    for q in SINGLE:
        lengths, key = _lengths(q), q.answer_key()[0]
        others = [n for i, n in enumerate(lengths) if i != key]
        ratios.append(lengths[key] / (sum(others) / len(others)))
    assert sum(ratios) / len(ratios) <= 1 + MARGIN, [f"{q.key}: {r:.2f}" for q, r in zip(SINGLE, ratios)]
    right, wrong = [], []
    for q in MULTIPLE:
        lengths, key = _lengths(q), set(q.answer_key())
        ours = [n for i, n in enumerate(lengths) if i in key]
        theirs = [n for i, n in enumerate(lengths) if i not in key]
        right += ours
        wrong += theirs
        if q.key != "curiosity_and_listening.q5":   # the listening coach's question: rewritten separately
            ratio = (sum(ours) / len(ours)) / (sum(theirs) / len(theirs))
            assert ratio <= 1.25, f"{q.key}: right options are {ratio:.2f} times as long as wrong ones"
    pooled = (sum(right) / len(right)) / (sum(wrong) / len(wrong))
    assert pooled <= 1 + MARGIN, f"tick-all: right options are {pooled:.2f} times as long as wrong ones"


# ---------------------------------------------------------------------- numbers cannot be bisected
NUMERIC = [item for item in CODE if isinstance(item.checker, NumberChecker)]


@pytest.mark.parametrize("exercise", NUMERIC, ids=keys(NUMERIC))
def test_wrong_numbers_point_to_the_method_without_giving_the_answer_away(exercise):
    expected = exercise.checker.expected
    for wrong in (expected * 1.37 + 0.11, expected * 0.61 - 0.07, expected + 17):
        result = exercise.evaluate(wrong)
        assert result.status == "incorrect", wrong
        text = result.message.replace(repr(wrong), "")
        for word in ("higher", "lower", "bigger", "smaller"):
            assert word not in text, (wrong, result.message)
        for decimals in range(1, 5):
            assert f"{expected:.{decimals}f}" not in text, (wrong, result.message)


@pytest.mark.parametrize("exercise", [e for e in NUMERIC if e.checker.shown_digits is not None],
                         ids=keys([e for e in NUMERIC if e.checker.shown_digits is not None]))
def test_answers_rounded_as_the_notebook_shows_them_are_accepted(exercise):
    digits = exercise.checker.shown_digits
    expected = exercise.checker.expected
    assert exercise.evaluate(round(expected, digits)).status == "correct"
    assert exercise.evaluate(round(expected + 3 * 10 ** -digits, digits)).status == "incorrect"

# ---------------------------------------------------------------------- reflections
@pytest.mark.parametrize("reflection", REFLECTIONS, ids=keys(REFLECTIONS))
def test_reflection_is_complete(reflection):
    assert reflection.prompt.strip()
    widget = reflection.show()
    widget.text.value = "A sentence."
    widget.button.click()
    assert reflection.saved["text"] == "A sentence."


# ---------------------------------------------------------------------- the notebooks
def _cells(exercise_set):
    path = REPO_ROOT / exercise_set.notebook
    assert path.is_file(), f"{exercise_set.notebook} is missing"
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("exercise_set", SETS, ids=[s.name for s in SETS])
def test_notebook_matches_its_exercises(exercise_set):
    cells = _cells(exercise_set)
    code = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
    everything = "\n".join(code)
    setup = f"{exercise_set.name} as ex"
    assert any(setup in source and "____" in source for source in code[:2]), \
        f"the setup cell imports ____ and {exercise_set.name} as ex"
    for item in exercise_set:
        if isinstance(item, Exercise):
            assert item.starter in everything, f"{item.key}: the starter line {item.starter!r}"
            assert f"ex.{item.name}.check({item.answer_name})" in everything
        else:
            assert f"ex.{item.name}.show()" in everything, f"{item.key} is shown"
    assert "ex.progress()" in everything


@pytest.mark.parametrize("exercise_set", SETS, ids=[s.name for s in SETS])
def test_notebook_is_committed_clean_and_follows_the_template(exercise_set):
    cells = _cells(exercise_set)
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, "no outputs, no execution counts"
    first = "".join(cells[0]["source"])
    assert "**Time:**" in first and "By the end of this notebook" in first
    markdown = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]
    assert any(text.startswith("## Key points") for text in markdown)
    if any(isinstance(item, LeaderItem) for item in exercise_set):   # a notebook with a leader track
        headings = [text.splitlines()[0] for text in markdown]
        assert "## Leader track (no code)" in headings and "## Analyst track (code)" in headings
        assert headings.index("## Leader track (no code)") < headings.index("## Analyst track (code)")
    trainer = [cell for cell in cells if "trainer-notes" in cell.get("metadata", {}).get("tags", [])]
    assert len(trainer) == 1 and "".join(trainer[0]["source"]).startswith("## For trainers")


# ---------------------------------------------------------------------- both tracks in every episode
EPISODE_SETS = [s for s in SETS if s.number >= 1]


def test_every_episode_of_the_course_has_an_exercise_set():
    from netlearn.course import EPISODES

    assert sorted(s.number for s in EPISODE_SETS) == [episode.number for episode in EPISODES[1:]]


@pytest.mark.parametrize("exercise_set", EPISODE_SETS, ids=[s.name for s in EPISODE_SETS])
def test_every_episode_has_a_leader_track_with_a_decision(exercise_set):
    """Issue #13: at least three no-code items, one of them a decision graded by its consequence."""
    leader = [item for item in exercise_set if isinstance(item, LeaderItem)]
    assert len(leader) >= 3, f"{exercise_set.name}: {len(leader)} leader-track items, at least 3 needed"
    assert any(item.kind == "decision" for item in leader), f"{exercise_set.name}: no decision"
    assert any(isinstance(item, Exercise) for item in exercise_set), f"{exercise_set.name}: no analyst track"


@pytest.mark.parametrize("exercise_set", EPISODE_SETS, ids=[s.name for s in EPISODE_SETS])
def test_every_lesson_asks_for_a_prediction_before_the_result(exercise_set):
    """Issue #13: each lesson has a predict-then-see widget before it reveals a result."""
    path = REPO_ROOT / exercise_set.notebook.replace("exercises/", "notebooks/", 1)
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
    assert any("predict_then_see(" in source for source in code), f"{path.name} has no prediction widget"
