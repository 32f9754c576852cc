"""The episode 11 widgets driven headless: type into the story, choose measures, read what changes."""

from __future__ import annotations

import html

import pytest

import netlearn
from netlearn.diagnostics import read_responses
from netlearn.diversity import ei_index
from netlearn.value_creation import CYCLES, value_story
from netlearn.value_creation.example import BOARD_QUESTIONS, OUTCOMES, huddle_story
from netlearn.widgets.value import plan_builder, story_builder


def shown(widget):
    return html.unescape(widget.value)


def test_the_story_builder_starts_from_the_huddle_story():
    builder = story_builder()
    assert builder.claims["applied"].value == huddle_story().loc[2, "claim"]
    assert builder.evidence["immediate"].value == "Attendance log of the six huddles"
    assert builder.story.gaps == value_story(huddle_story()).gaps
    chain = shown(builder.chain)
    assert chain.count("\u2714 holds") == 1 and chain.count("\u2717 claimed, no evidence") == 3
    assert chain.count("\u2013 not claimed") == 1
    verdict = shown(builder.verdict)
    assert 'role="status"' in verdict and "First to mend:</strong> Potential value has no evidence" in verdict
    for cycle in CYCLES:
        assert builder.claims[cycle.key].description == "Claim" and builder.evidence[cycle.key].placeholder


def test_adding_evidence_and_removing_a_claim_change_the_verdict_at_once():
    builder = story_builder()
    builder.evidence["potential"].value = "New ties between regions in the repeat survey"
    builder.evidence["applied"].value = "Ward managers' accounts"
    assert builder.story.level == 3 and builder.story.gaps == ("realised",)
    builder.claims["applied"].value = ""
    assert builder.story.gaps == ("applied", "realised")
    assert "\u2717 missing link" in shown(builder.chain)
    assert "Evidence without a claim at applied value" in shown(builder.verdict)
    builder.evidence["realised"].value = "Ward figures"
    builder.claims["applied"].value = "Three wards use the checklist"
    assert builder.story.holds and "The story holds" in shown(builder.verdict)


def test_blank_and_example_buttons_and_escaping():
    builder = story_builder()
    builder.blank.click()
    assert all(box.value == "" for box in builder.claims.values())
    assert "The story claims nothing yet." in shown(builder.verdict)
    builder.claims["immediate"].value = "<script>alert(1)</script>"
    assert "<script>" not in builder.verdict.value
    builder.example.click()
    assert builder.story.level == 1


@pytest.fixture(scope="module")
def data():
    net = netlearn.load_dataset("q_community")
    health = read_responses(netlearn.datasets_folder() / "responses" / "health_check.csv", "network_health_check")
    return net.graph("advice"), health


def test_the_plan_builder_refuses_the_question_without_a_measure(data):
    advice, health = data
    builder = plan_builder(graph=advice, group="region", health=health)
    assert [q for q, _ in builder.refused] == [BOARD_QUESTIONS[-1][0]]
    result = shown(builder.result)
    assert "The plan answers 5 questions (connectivity 2, health 2, results 1)" in result
    assert "Refused: no measure answers these" in result and "start recording one" in result
    assert f"<td>{ei_index(advice, 'region'):.2f}</td>" in result
    assert f"<td>{OUTCOMES['change in delayed discharges a month on the three wards']:.2f}</td>" in result


def test_choosing_measures_changes_the_plan(data):
    advice, health = data
    builder = plan_builder(graph=advice, group="region", health=health)
    money = builder.choices[-1]
    assert money.options[0] == "(no measure)" and list(money.options[1:]) == list(OUTCOMES)
    money.value = "median days from medically fit to discharge"
    assert builder.refused == [] and builder.plan.covered == ("connectivity", "health", "results")
    for choice in builder.choices[2:4]:
        choice.value = "(no measure)"
    assert builder.plan.missing == ("health",)
    assert "It says nothing about health" in shown(builder.result)
    for choice in builder.choices:
        choice.value = "(no measure)"
    assert builder.plan is None and "the plan answers nothing" in shown(builder.result)


def test_without_data_the_plan_builder_shows_the_plan_without_values():
    builder = plan_builder()
    assert "<th scope=\"col\">value</th>" not in builder.result.value
    assert "what the measure tells" in builder.result.value
