"""The listening-coach widget of notebook 07, driven headless."""

from __future__ import annotations

import pytest

from netlearn.listening import SCENARIOS
from netlearn.widgets.listening import listening_coach


def test_starts_with_an_invitation_and_checks_on_the_button():
    box = listening_coach()
    assert box.result is None and "Check my reply" in box.feedback.value
    assert box.scenario.value == next(iter(SCENARIOS))
    box.text.value = "Have you tried moving the meeting to lunchtime?"
    assert box.result is None, "feedback waits for the button"
    box.button.click()
    assert box.result.label == "advises"
    assert "netlearn-listening-advises" in box.feedback.value
    assert "&ldquo;Have you tried&rdquo;" in box.feedback.value
    box.text.value = "What have you tried so far?"
    box.button.click()
    assert box.result.label == "listens" and "open question" in box.feedback.value
    assert [label for _, _, label in box.history] == ["advises", "listens"]


def test_choosing_a_scenario_shows_its_problem_and_clears_the_feedback():
    box = listening_coach(reply="Tell me more.")
    assert box.result.label == "listens"
    name = list(SCENARIOS)[2]
    box.scenario.value = name
    assert box.result is None
    assert "fallen out" in box.problem.value and "Check my reply" in box.feedback.value


def test_empty_reply_is_explained():
    box = listening_coach()
    box.text.value = "   "
    box.button.click()
    assert box.result is None and "The box is empty" in box.feedback.value


def test_rules_are_shown_in_a_closed_accordion():
    box = listening_coach()
    assert box.rules.selected_index is None
    rules = box.rules.children[0].value
    assert "have you tried" in rules and "reflecting back" in rules


def test_unknown_scenario_names_the_choices():
    with pytest.raises(ValueError, match="The group nobody comes to"):
        listening_coach("Nope")


def test_learner_text_is_escaped():
    box = listening_coach()
    box.text.value = "<script>alert(1)</script> Tell me more"
    box.button.click()
    assert "<script>" not in box.feedback.value
