"""The exercise engine: checkers, exercises, feedback, the progress store and the widgets."""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import tempfile
import threading
import warnings

import ipywidgets as widgets
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlearn import Network
from netlearn.exercises import (
    CheckResult,
    ConceptQuestion,
    Exercise,
    ExerciseSet,
    Option,
    ProgressStore,
    ProgressWarning,
    Reflection,
    Verdict,
    ____,
    answers_on_other_relations,
    close_number,
    course_progress,
    is_blank,
    progress_store,
    progress_table,
    same_mapping,
    same_member,
    same_set,
)
from netlearn.exercises import progress as progress_module
from netlearn.exercises.engine import Feedback, text_to_html
from netlearn.exercises.widgets import FOCUS_CSS, ConceptWidget, ReflectionWidget, item_status


@pytest.fixture(autouse=True)
def _fresh_fallbacks():
    """Each test starts with no remembered fallback locations."""
    progress_module._REDIRECTS.clear()
    progress_module._MEMORY.clear()
    yield
    progress_module._REDIRECTS.clear()
    progress_module._MEMORY.clear()


@pytest.fixture
def named_network():
    members = pd.DataFrame({"id": ["p1", "p2", "p3", "p4"], "name": ["Asha", "Ben", "Cara", "Cara"]})
    ties = pd.DataFrame({"source": ["p1", "p1", "p2"], "target": ["p2", "p3", "p4"], "relation": "knows"})
    return Network.from_frames(members, ties)


def make_exercise(**overrides):
    settings = dict(
        prompt="Who has the most ties?",
        checker=same_member("Diane", members=["Andre", "Diane", "Heather"]),
        hints=["Look at the degree.", "Use dict(G.degree).", "Use max."],
        solution="answer = 'Diane'",
        explanation="Diane has the most ties.",
        wrong_answers=[("Heather", "not the one"), (3, "number")],
        why="Well-connected people spread news fast.",
    )
    settings.update(overrides)
    exercise = Exercise("q1", **settings)
    ExerciseSet("demo", number=99, title="Demo", items=[exercise])
    return exercise


# ====================================================================== the blank
def test_blank_and_none_are_not_attempted():
    exercise = make_exercise()
    for blank in (____, None, ..., [____, ____]):
        result = exercise.check(blank)
        assert result.status == "not_attempted"
        assert "Replace `____`" in result.message
    assert progress_store().entry(exercise.key) == {}, "a blank answer is not an attempt"
    assert repr(____) == "____" and is_blank(____)
    assert not is_blank(0) and not is_blank("") and not is_blank([])


# ====================================================================== same_member
def test_same_member_accepts_ids_capitals_numbers_as_text_and_one_item_lists():
    check = same_member("Diane", members=["Andre", "Diane"])
    assert check("Diane") == Verdict(True, "")
    assert check(" Diane ").correct
    assert check("diane").correct and "capitals matter" in check("diane").message
    assert check(["Diane"]).correct and "no need to put it in a list" in check(["Diane"]).message
    assert check(("Diane", 6)).correct and "(member, value) pair" in check(("Diane", 6)).message
    numbered = same_member("3", members=["1", "2", "3"])
    assert numbered(3).correct and "'3' (in quotes)" in numbered(3).message
    assert numbered(np.int64(3)).correct


def test_same_member_explains_the_wrong_kind_of_answer():
    check = same_member("Diane", members=["Andre", "Diane", "Heather"])
    assert "You gave a number (3)" in check(3).message
    assert "asks for one member" in check(["Diane", "Heather"]).message
    assert "a value for each member" in check({"Diane": 6}).message
    assert "Did you mean 'Diane'?" in check("Dianne").message
    assert "is not a member" in check("Zed").message
    assert "not the one the question asks for" in check("Heather").message
    assert "You gave True" in check(True).message
    assert "empty collection" in check([]).message


def test_same_member_accepts_unambiguous_names_only(named_network):
    check = same_member("p1", members=named_network)
    assert check("p1").correct
    assert check("Asha").correct and "the id is 'p1'" in check("Asha").message
    ambiguous = same_member("p3", members=named_network)
    verdict = ambiguous("Cara")
    assert not verdict.correct and "More than one member is called 'Cara'" in verdict.message
    assert ambiguous("p3").correct


def test_same_member_alternatives_win_over_generic_feedback():
    check = same_member("Diane", members=["Diane", "Heather"],
                        alternatives=[("Heather", "highest betweenness"), (6, "how many ties")])
    assert check("Heather").message == "highest betweenness"
    assert check("heather").message == "highest betweenness", "alternatives are compared after reading"
    assert check(6).message == "how many ties", "a raw alternative matches even when the type is wrong"
    assert check(6.0).message == "how many ties"


# ====================================================================== same_set
def test_same_set_is_order_insensitive_and_accepts_any_collection():
    expected = {"Andre", "Beverly", "Carol"}
    check = same_set(expected, members=["Andre", "Beverly", "Carol", "Ed"])
    for answer in (["Carol", "Andre", "Beverly"], ("Beverly", "Carol", "Andre"), set(expected),
                   frozenset(expected), iter(["Andre", "Beverly", "Carol"]), pd.Series(sorted(expected)),
                   {"Andre": {}, "Beverly": {}, "Carol": {}}):
        assert check(answer).correct, answer
    duplicated = check(["Andre", "Andre", "Beverly", "Carol"])
    assert duplicated.correct and "more than once" in duplicated.message


def test_same_set_works_with_networkx_views():
    G = nx.Graph([("Diane", "Andre"), ("Diane", "Ed"), ("Ed", "Jane")])
    check = same_set({"Andre", "Ed"}, members=G)
    assert check(G.neighbors("Diane")).correct
    assert check(G["Diane"]).correct
    assert "keys were used" in check(G["Diane"]).message


def test_same_set_names_extra_items_and_counts_missing_ones():
    check = same_set({"Andre", "Beverly", "Carol"}, members=["Andre", "Beverly", "Carol", "Ed", "Jane"])
    message = check(["Andre", "Ed"]).message
    assert "You have 1 of the 3 members." in message
    assert "'Ed' should not be in it." in message
    assert "2 more are missing." in message
    assert "Beverly" not in message and "Carol" not in message, "missing items are counted, not given away"
    assert "Not members of this network: 'Bev'" in check(["Andre", "Bev", "Carol"]).message


def test_same_set_wrong_kinds():
    check = same_set({"a", "b"})
    assert "one piece of text" in check("a").message
    assert "its own quotes" in check("a, b").message
    assert "not how many" in check(2).message
    assert "lists or dicts" in check([["a"], ["b"]]).message


def test_same_set_flags_names_given_for_ids(named_network):
    check = same_set({"p1", "p2"}, members=named_network)
    verdict = check(["Asha", "Ben"])
    assert verdict.correct and "names rather than ids" in verdict.message
    assert check(["p1", "p2"]).correct and check(["p1", "p2"]).message == ""


# ====================================================================== close_number
def test_close_number_tolerance():
    check = close_number(0.1 + 0.2)
    assert check(0.3).correct
    assert check(np.float64(0.3)).correct
    assert not check(0.31).correct
    assert close_number(18)(18.0).correct and close_number(18)(np.int64(18)).correct
    loose = close_number(2 / 3, tolerance=0.005)
    assert loose(0.667).correct and loose(0.67).correct and not loose(0.66).correct


def test_close_number_recognises_rounding_percentages_and_fractions():
    assert "rounded to 2 decimal places" in close_number(2 / 3)(0.67).message
    assert "rounded to 0 decimal places" in close_number(25.396)(25).message


def test_one_digit_guesses_do_not_reveal_the_first_digit():
    """Trying 0.1, 0.2, ..., 0.9 must not single out the one nearest the answer as "Nearly"."""
    check = close_number(0.4778, shown_digits=2)
    messages = {check(guess / 10).message.replace(str(guess / 10), "X") for guess in range(1, 10)}
    assert len(messages) == 1 and "Nearly" not in messages.pop()
    assert "If you rounded it, give the answer without rounding" in close_number(2.5396)(3).message
    assert "looks like a percentage" in close_number(0.4)(40).message
    assert "looks like a fraction" in close_number(40)(0.4).message



@pytest.mark.parametrize("expected, wrong", [(18, 12), (18, 20), (0.2929649504465954, 0.25),
                                             (0.2929649504465954, 0.5), (0.4049, 0.43), (-0.3125, 0.1)])
def test_a_wrong_number_points_to_the_method_and_gives_no_bound(expected, wrong):
    for check in (close_number(expected), close_number(expected, shown_digits=2)):
        message = check(wrong).message
        assert "method" in message and message.startswith(f"Not quite: {wrong} is not the answer yet.")
        for word in ("higher", "lower", "bigger", "smaller", "more than", "less than"):
            assert word not in message
        # No digits of the answer: neither its exact value nor any rounding of it.
        for decimals in range(0, 6):
            shown = f"{round(expected, decimals):g}"
            assert shown == str(wrong) or shown not in message.replace(str(wrong), ""), (shown, message)


def test_close_number_accepts_the_precision_the_notebook_shows():
    # The exact value 0.4049 shows as 0.40 with 2 decimals: 0.4, 0.40, 0.405 and 0.404 count.
    check = close_number(0.4049, shown_digits=2)
    for given in (0.4049, 0.4, 0.40, 0.404, 0.405, 0.3951):
        assert check(given).correct, given
    for given in (0.41, 0.39, 0.3949, 0.4101):
        assert not check(given).correct, given
    # 2/3 shows as 0.67: 0.67 and 0.667 count; 0.7 (one decimal) does not.
    third = close_number(2 / 3, shown_digits=2)
    assert third(0.67).correct and third(0.667).correct and third(0.6667).correct and not third(0.7).correct
    # Shown with 3 decimals (0.293): 0.29 is rounded too far, and the feedback says what is accepted.
    message = close_number(0.2929649504465954, shown_digits=3)(0.29).message
    assert "rounded to 2 decimal places" in message
    assert "Answers rounded to 3 decimal places (as the notebook shows it) are accepted" in message
    assert "without rounding" not in message
    # Whole numbers: 12.4 shows as 12.
    assert close_number(12.4, shown_digits=0)(12).correct and not close_number(12.4, shown_digits=0)(13).correct
    # Without shown_digits, only the unrounded value counts (as before).
    assert not close_number(0.4049)(0.4).correct
    assert "without rounding" in close_number(0.4049)(0.4).message


def test_rounds_to_shown_rule_at_the_boundary():
    from netlearn.exercises.engine.value_checks import rounds_to_shown

    assert rounds_to_shown(0.125, 0.125, 2)            # the exact value, whatever rounding does with it
    assert rounds_to_shown(0.12, 0.125, 2) and rounds_to_shown(0.13, 0.125, 2)   # both roundings of a half
    assert not rounds_to_shown(0.14, 0.125, 2)
    assert rounds_to_shown(0.3, 0.2929649504465954, 1) and not rounds_to_shown(0.2, 0.2929649504465954, 1)


def test_same_mapping_accepts_shown_digits():
    check = same_mapping({"a": 0.4049, "b": 0.1234}, what="share", shown_digits=3)
    assert check({"a": 0.405, "b": 0.123}).correct
    message = check({"a": 0.405, "b": 0.12}).message
    assert "1 of the 2 members has the right share" in message
    assert "Answers rounded to 3 decimal places" in message


def test_close_number_wrong_kinds():
    check = close_number(18, what="the number of ties")
    assert "without quotes" in check("18").message
    assert "on its own" in check([18]).message
    assert "`len(...)`" in check(["a", "b"]).message
    assert "yes/no value" in check(True).message
    assert "not a number" in check(math.nan).message
    assert "dict" in check({"a": 1}).message


def test_close_number_alternatives():
    check = close_number(18, alternatives=[(36, "counted every tie twice")])
    assert check(36).message == "counted every tie twice"
    assert check(36.0).message == "counted every tie twice"


# ====================================================================== same_mapping
def test_same_mapping_accepts_dicts_series_and_pairs():
    G = nx.Graph([("a", "b"), ("a", "c")])
    check = same_mapping({"a": 2, "b": 1, "c": 1}, what="degree")
    assert check(dict(G.degree)).correct
    assert check(G.degree).correct
    assert check(pd.Series({"c": 1, "b": 1, "a": 2})).correct
    assert check({"a": 2.0000000001, "b": 1, "c": 1}).correct


def test_same_mapping_feedback():
    check = same_mapping({"a": 0.5, "b": 0.25, "c": 0.25}, what="share", members=["a", "b", "c"])
    message = check({"a": 0.5, "b": 0.3}).message
    assert "1 of the 3 members has the right share" in message
    assert "1 member is missing" in message and "'b': you have 0.3" in message
    assert "look rounded" in same_mapping({"a": 0.5, "b": 0.254, "c": 0.246})({"a": 0.5, "b": 0.25, "c": 0.25}).message
    assert "look like percentages" in check({"a": 50, "b": 25, "c": 25}).message
    assert "'z' should not be in it" in check({"a": 0.5, "b": 0.25, "c": 0.25, "z": 1}).message
    assert "without saying whose" in check([0.5, 0.25, 0.25]).message
    assert "should be a number" in check({"a": "high", "b": 0.25, "c": 0.25}).message


def test_same_mapping_names_as_keys(named_network):
    check = same_mapping({"p1": 2, "p2": 2}, members=named_network, what="degree")
    verdict = check({"Asha": 2, "Ben": 2})
    assert verdict.correct and "names rather than ids" in verdict.message


# ====================================================================== wrong relation
def test_right_measure_on_the_wrong_relation_is_recognised():
    members = pd.DataFrame({"id": ["a", "b", "c", "d"]})
    ties = pd.DataFrame({"source": ["a", "a", "a", "b", "c"], "target": ["b", "c", "d", "c", "d"],
                         "relation": ["knows", "knows", "advice", "advice", "advice"]})
    net = Network.from_frames(members, ties, directed={"knows": False, "advice": False})
    degrees = lambda graph: dict(graph.degree)  # noqa: E731
    alternatives = answers_on_other_relations(net, degrees, "knows", measure="degree")
    assert len(alternatives) == 1
    check = same_mapping(degrees(net.graph("knows")), what="degree", alternatives=alternatives)
    assert check(degrees(net.graph("knows"))).correct
    verdict = check(degrees(net.graph("advice")))
    assert not verdict.correct
    assert "right degree, but on the 'advice' relation" in verdict.message
    assert "net.graph('knows')" in verdict.message


# ====================================================================== exercises
def test_check_records_attempts_and_correct_answers():
    exercise = make_exercise()
    assert exercise.check("Heather").status == "incorrect"
    entry = progress_store().entry(exercise.key)
    assert entry["attempted"] and entry["attempts"] == 1 and not entry["correct"]
    result = exercise.check("Diane")
    assert isinstance(result, CheckResult) and result.status == "correct" and result.correct
    assert "spread news fast" in result.message
    entry = progress_store().entry(exercise.key)
    assert entry["attempts"] == 2 and entry["correct"] and entry["last_status"] == "correct"
    assert entry["first_attempt_at"] <= entry["correct_at"]
    exercise.check("Heather")
    assert progress_store().entry(exercise.key)["correct"], "once solved, it stays done"


def test_incorrect_results_point_to_the_hint():
    result = make_exercise().check("Heather")
    assert result.status == "incorrect" and "`ex.q1.hint()`" in result.message


def test_hints_come_in_order_and_say_when_they_run_out():
    exercise = make_exercise()
    assert exercise.hint().title == "Hint 1 of 3"
    second = exercise.hint()
    assert second.title == "Hint 2 of 3" and second.message == "Use dict(G.degree)."
    assert exercise.hint().title == "Hint 3 of 3"
    last = exercise.hint()
    assert last.title == "No more hints" and "last of the 3 hints" in last.message
    assert exercise.hint(2).message == "Use dict(G.degree)."
    assert exercise.hint(0).title == "No such hint" and exercise.hint(9).title == "No such hint"
    assert progress_store().entry(exercise.key)["hints_used"] == 3


def test_solution_is_shown_and_recorded():
    exercise = make_exercise()
    shown = exercise.solution()
    assert shown.kind == "solution" and shown.code == "answer = 'Diane'"
    assert "Diane has the most ties." in shown.message
    entry = progress_store().entry(exercise.key)
    assert entry["solution_revealed"] is True and "solution_revealed_at" in entry
    assert "answer = 'Diane'" in shown._repr_html_()


def test_a_checker_that_fails_never_raises_to_the_learner():
    def fragile(answer):
        raise ValueError("boom")

    result = make_exercise(checker=fragile).check("Diane")
    assert result.status == "incorrect" and "could not be checked" in result.message


def test_checkers_may_return_plain_booleans():
    assert make_exercise(checker=lambda a: a == 42).check(42).status == "correct"
    assert make_exercise(checker=lambda a: a == 42).check(41).status == "incorrect"


def test_exercise_set_keys_and_lookup():
    exercise = make_exercise()
    assert exercise.key == "demo.q1" and exercise.exercise_set["q1"] is exercise
    with pytest.raises(ValueError):
        ExerciseSet("dup", number=1, title="x", items=[make_exercise(), make_exercise()])


# ====================================================================== what the learner sees
def test_feedback_uses_icon_words_and_colour_and_a_plain_text_form():
    exercise = make_exercise()
    for answer, word in (("Diane", "Correct"), (____, "Not attempted yet"), ("Heather", "Not yet")):
        result = exercise.evaluate(answer)
        markup = result._repr_html_()
        assert word in markup and 'aria-hidden="true"' in markup and 'role="status"' in markup
        assert "border-left:6px solid #" in markup
        assert str(result).startswith(word) and repr(result) == str(result)


def test_learner_text_is_escaped_in_html():
    check = same_member("Diane", members=["Diane"])
    exercise = make_exercise(checker=check)
    nasty = "<script>alert('x')</script><b>"
    markup = exercise.evaluate(nasty)._repr_html_()
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup
    set_markup = make_exercise(checker=same_set({"a"})).evaluate(["<img src=x onerror=alert(1)>"])._repr_html_()
    assert "<img" not in set_markup and "&lt;img" in set_markup


def test_text_to_html_paragraphs_code_and_lists():
    assert text_to_html("a\nb") == "<p>a<br>b</p>"
    assert text_to_html("Use `G.degree`.") == "<p>Use <code>G.degree</code>.</p>"
    assert text_to_html("- x\n- <y>") == "<ul><li>x</li><li>&lt;y&gt;</li></ul>"


def test_feedback_outside_jupyter_is_just_returned():
    note = Feedback("info", "Saved", "done")
    assert note.show() is note and not note._suppress_once


# ====================================================================== concept questions
@pytest.fixture
def single_choice():
    question = ConceptQuestion("q2", prompt="Which is a leadership act?", options=[
        Option("Convening members around a shared purpose", True, "Convening is leadership."),
        Option("Chasing late reports", False, "Chasing reports is management."),
        Option("Solving the problem for members", False, "Solving it for them keeps the work with you."),
    ])
    ExerciseSet("concepts", number=98, title="Concepts", items=[question])
    return question


@pytest.fixture
def multiple_choice():
    question = ConceptQuestion("q3", prompt="Tick the leadership acts.", multiple=True, options=[
        Option("Convening", True, "Convening brings people together."),
        Option("Directing", False, "Directing treats members as staff."),
        Option("Connecting", True, "Connecting spreads what works."),
    ])
    ExerciseSet("concepts_multi", number=97, title="Concepts", items=[question])
    return question


def test_concept_question_in_code(single_choice, multiple_choice):
    assert single_choice.check("A").status == "correct"
    assert single_choice.check(0).status == "correct"
    assert single_choice.check("Convening members around a shared purpose").correct
    wrong = single_choice.check("b")
    assert wrong.status == "incorrect" and "Chasing reports is management." in wrong.message
    assert single_choice.check(["A", "B"]).message == "Choose one option only."
    assert "not one of the options" in single_choice.check("Z").message
    assert single_choice.check(____).status == "not_attempted"
    assert multiple_choice.answer_key() == (0, 2)
    assert multiple_choice.check(["A", "C"]).correct
    partial = multiple_choice.check(["A"])
    assert "1 more option to tick" in partial.message
    over = multiple_choice.check(["A", "B", "C"])
    assert "Directing treats members as staff." in over.message and "Untick" in over.message
    entry = progress_store().entry(multiple_choice.key)
    assert entry["attempts"] == 3 and entry["correct"] and entry["last_choice"] == ["A", "B", "C"]


def test_concept_widget_single_choice_headless(single_choice):
    widget = single_choice.show()
    assert isinstance(widget, ConceptWidget) and isinstance(widget.choices, widgets.RadioButtons)
    assert widget.choices.value is None, "nothing is chosen in advance"
    assert isinstance(widget.button, widgets.Button) and widget.button.description == "Check my answer"
    widget.button.click()
    assert "Not attempted yet" in widget.feedback.value
    assert progress_store().entry(single_choice.key) == {}
    widget.choices.value = 1
    widget.button.click()
    assert "Not yet" in widget.feedback.value and "Chasing reports is management." in widget.feedback.value
    widget.choose(0)
    widget.button.click()
    assert widget.result.status == "correct" and "Convening is leadership." in widget.feedback.value
    assert progress_store().entry(single_choice.key)["correct"]


def test_concept_widget_multiple_choice_headless(multiple_choice):
    widget = multiple_choice.show()
    assert all(isinstance(box, widgets.Checkbox) for box in widget.choices)
    widget.choices[1].value = True
    widget.button.click()
    assert "Directing treats members as staff." in widget.feedback.value
    widget.choose(0, 2)
    widget.button.click()
    assert widget.result.correct
    for explanation in ("Convening brings", "Directing treats", "Connecting spreads"):
        assert explanation in widget.feedback.value, "after a right answer every option is explained"


def test_widgets_carry_the_focus_style(single_choice):
    widget = single_choice.show()
    styles = [child for child in widget.children if isinstance(child, widgets.HTML) and "<style>" in child.value]
    assert styles and ":focus-visible" in styles[0].value and FOCUS_CSS == styles[0].value
    assert "netlearn-exercise" in widget._dom_classes


# ====================================================================== reflections
def test_reflection_is_saved_and_shown_again():
    reflection = Reflection("q5", prompt="What is the purpose of a network you belong to?")
    ExerciseSet("reflect", number=96, title="R", items=[reflection])
    first = reflection.show()
    assert isinstance(first, ReflectionWidget) and first.text.value == "" and "Not saved yet" in first.status.value
    first.button.click()
    assert "Nothing saved" in first.status.value and reflection.saved is None
    words = "To make stroke care <b>better</b> & fairer"
    first.text.value = words
    first.button.click()
    assert "Saved" in first.status.value
    assert reflection.saved["text"] == words
    again = reflection.show()                     # as when the notebook is opened again
    assert again.text.value == words and "Saved on" in again.status.value
    stored = json.loads(progress_store().path.read_text(encoding="utf-8"))
    assert stored["reflections"]["reflect.q5"]["text"] == words
    assert "<b>" not in again.status.value


# ====================================================================== progress views
def test_progress_widget_and_table_follow_what_was_done(single_choice):
    exercise = make_exercise()
    reflection = Reflection("q3", prompt="Why?")
    demo = ExerciseSet("demo_progress", number=95, title="Demo progress", items=[
        exercise, single_choice, reflection])
    widget = demo.progress()
    assert widget.table.value.count("Not started") == 3
    exercise.check("Heather")
    single_choice.check("A")
    reflection.save("Because.")
    widget.button.click()                                           # Refresh
    assert "Tried, not right yet" in widget.table.value
    assert widget.table.value.count("\u2714") >= 2 and "2 of 3 done" in widget.table.value
    exercise.solution()
    exercise.check("Diane")
    data = progress_store().read()
    assert item_status(exercise, data) == "done_with_solution"
    table = progress_table([demo])
    assert list(table["done"]) == [True, True, True]
    assert table.loc[0, "solution_revealed"] and table.loc[0, "attempts"] == 2


def test_course_progress_lists_every_exercise_notebook():
    widget = course_progress()
    assert "How the exercises work" in widget.table.value
    assert "exercises/00_how_exercises_work.ipynb" in widget.table.value
    assert "0 of 7 done" in widget.table.value


# ====================================================================== the progress store
def test_default_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NETLEARN_PROGRESS", str(tmp_path / "mine.json"))
    assert progress_store().path == tmp_path / "mine.json"
    monkeypatch.delenv("NETLEARN_PROGRESS")
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert progress_module.default_path() == tmp_path / "home" / ".netlearn" / "progress.json"
    monkeypatch.setenv("PYTEST_CURRENT_TEST", "x")
    assert "netlearn-pytest" in str(progress_module.default_path())


def test_missing_file_starts_fresh_quietly(tmp_path):
    store = ProgressStore(tmp_path / "nowhere" / "progress.json")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert store.read()["exercises"] == {}
        store.record_hint("a.q1", 1)
    assert store.entry("a.q1")["hints_used"] == 1


def test_corrupt_file_is_kept_aside_and_progress_starts_fresh(tmp_path):
    path = tmp_path / "progress.json"
    damaged = b'{"exercises": {"a.q1": {"correct": tr'
    path.write_bytes(damaged)
    store = ProgressStore(path)
    with pytest.warns(ProgressWarning, match="could not be read"):
        entry = store.record_check("a.q2", "correct")
    assert entry["correct"]
    aside = list(tmp_path.glob("progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert json.loads(path.read_text())["exercises"]["a.q2"]["correct"] is True
    # A second damaged file gets its own name: nothing is ever overwritten.
    path.write_text("[1, 2, 3]")
    with pytest.warns(ProgressWarning):
        assert store.read()["exercises"] == {}
    kept = sorted(tmp_path.glob("progress.json.corrupt-*"))
    assert len(kept) == 2 and {p.read_bytes() for p in kept} == {damaged, b"[1, 2, 3]"}


def test_foreign_json_is_not_mistaken_for_progress(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format": "something-else", "exercises": {}}))
    with pytest.warns(ProgressWarning):
        assert ProgressStore(path).read()["exercises"] == {}


def test_writes_are_atomic(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record_check("a.q1", "correct")
    before = path.read_bytes()

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress_module.os, "replace", broken_replace)
    with pytest.warns(ProgressWarning, match="Could not save"):
        store.record_check("a.q2", "correct")
    assert path.read_bytes() == before, "a failed write leaves the old file whole"
    assert not list(tmp_path.glob(".progress.json.*.tmp")), "no half-written temporary files are left"


def test_unwritable_home_falls_back_to_the_temporary_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "home"
    blocker.write_text("a file where the home folder should be")     # mkdir under it fails, even as root
    monkeypatch.delenv("NETLEARN_PROGRESS")
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)
    monkeypatch.setenv("HOME", str(blocker))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    exercise = make_exercise()
    with pytest.warns(ProgressWarning, match="Could not save your progress"):
        assert exercise.check("Diane").status == "correct"
    store = progress_store()
    assert str(store.path).startswith(str(tmp_path / "tmp")) and store.entry(exercise.key)["correct"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")                                  # warned once, not every time
        exercise.check("Diane")


def test_when_nothing_can_be_written_progress_stays_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    monkeypatch.setenv("NETLEARN_PROGRESS", str(blocker / "progress.json"))
    monkeypatch.setattr(progress_module, "_temporary_path", lambda: blocker / "tmp" / "progress.json")
    store = progress_store()
    with pytest.warns(ProgressWarning):
        store.save_reflection("a.r1", "kept for the session")
    assert store.path is None and "memory" in store.location()
    assert progress_store().reflection("a.r1")["text"] == "kept for the session"


def test_progress_survives_a_new_store_as_after_a_kernel_restart(tmp_path):
    path = tmp_path / "p.json"
    ProgressStore(path).save_reflection("a.r1", "hello")
    ProgressStore(path).record_hint("a.q1", 2)
    fresh = ProgressStore(path)
    assert fresh.reflection("a.r1")["text"] == "hello" and fresh.entry("a.q1")["hints_used"] == 2


def test_concurrent_updates_from_threads_are_not_lost(tmp_path):
    path = tmp_path / "progress.json"

    def work(number):
        store = ProgressStore(path)
        for _ in range(20):
            store.record_check(f"t.q{number}", "incorrect")
            store.record_check("t.shared", "incorrect")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    data = json.loads(path.read_text())
    assert data["exercises"]["t.shared"]["attempts"] == 120
    assert all(data["exercises"][f"t.q{n}"]["attempts"] == 20 for n in range(6))


def _process_worker(path, rounds):
    store = ProgressStore(path)
    for _ in range(rounds):
        store.record_check("p.shared", "incorrect")


@pytest.mark.skipif(progress_module.fcntl is None, reason="file locking between processes needs fcntl")
def test_concurrent_updates_from_processes_are_not_lost(tmp_path):
    path = tmp_path / "progress.json"
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    workers = [context.Process(target=_process_worker, args=(str(path), 15)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert json.loads(path.read_text())["exercises"]["p.shared"]["attempts"] == 45


def test_tests_never_use_the_real_home_folder():
    assert os.environ["NETLEARN_PROGRESS"]
    assert os.path.expanduser("~") not in str(progress_store().path) or "pytest" in str(progress_store().path)


# ====================================================================== properties
_ALLOWED_TAGS = ("<p>", "</p>", "<br>", "<ul>", "</ul>", "<li>", "</li>", "<code>", "</code>",
                 "<strong>", "</strong>", "<em>", "</em>")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_becomes_safe_html(text):
    markup = text_to_html(text)
    for tag in _ALLOWED_TAGS:
        markup = markup.replace(tag, "")
    assert "<" not in markup and ">" not in markup


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=8, unique=True), st.randoms())
def test_same_set_accepts_any_order(items, random):
    shuffled = list(items)
    random.shuffle(shuffled)
    assert same_set(set(items))(shuffled).correct
    assert same_set(set(items))(tuple(shuffled)).correct


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_close_number_accepts_itself_and_never_raises(value):
    check = close_number(value)
    assert check(value).correct
    verdict = check(value + 1 + abs(value))
    assert not verdict.correct and verdict.message


# ====================================================================== grammar of generated feedback
def test_plurals_in_feedback():
    from netlearn.exercises.engine.feedback import a_or_an, plural, plural_noun

    assert [plural(n, "member") for n in (0, 1, 2)] == ["0 members", "1 member", "2 members"]
    assert plural(2, "priority") == "2 priorities" and plural(1, "priority") == "1 priority"
    assert plural(3, "category") == "3 categories" and plural(2, "day") == "2 days"
    assert plural(2, "box") == "2 boxes" and plural(2, "more option") == "2 more options"
    assert plural_noun("people") == "people" and plural_noun("criteria") == "criteria"
    assert a_or_an("aim") == "an aim" and a_or_an("region") == "a region"


def test_named_choice_feedback_says_priorities():
    from netlearn.exercises import purpose

    check = purpose.one_of("improve_care", ["improve_care", "influence_policy"], what="priority")
    message = check("not a priority at all").message
    assert "The priorities are: improve_care, influence_policy." in message and "prioritys" not in message


def test_counts_agree_with_their_nouns():
    concept = ConceptQuestion("qx", prompt="Which?", multiple=True, options=[
        Option("a", True, "yes"), Option("b", True, "yes"), Option("c", False, "no")])
    assert "There is 1 more option to tick." in concept.evaluate(["A"]).message
    assert "There are 2 more options to tick." in concept.evaluate(["C"]).message
    assert "1 of the 2 members has the right degree" in same_mapping({"a": 1, "b": 1}, what="degree")({"a": 1, "b": 2}).message
    assert "0 of the 2 members have the right degree" in same_mapping({"a": 1, "b": 1}, what="degree")({"a": 2, "b": 2}).message


def test_no_feedback_pluralises_by_adding_s():
    """Every plural in generated feedback goes through plural() (which knows "priorities")."""
    import re
    from pathlib import Path

    import netlearn

    root = Path(netlearn.__file__).parent
    files = [*sorted((root / "exercises").glob("*.py")), *sorted((root / "exercises" / "engine").glob("*.py")),
             root / "coaching.py"]
    pattern = re.compile(r"\{[^{}]+\}s\b|\{[^{}]+\}\(s\)")
    found = [f"{path.name}:{n}" for path in files
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not found, found
