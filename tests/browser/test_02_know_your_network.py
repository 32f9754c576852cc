"""Notebook 02 in a real JupyterLab: the role explorer highlights who holds the chosen role, says
why, and offers only the roles a network's data can show; the weaving section's prediction reveals
its result only when asked and its before/after drawing is a picture; and the exercise notebook's
leader-track decision (two introductions for a broker) says what a choice changes."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "02_know_your_network.ipynb"


def _show_top_of(element):
    """Scroll so that the element's top (the controls, then the drawing) is at the top of the screen."""
    element.evaluate("element => element.scrollIntoView({block: 'start'})")


@pytest.mark.browser
def test_role_explorer_follows_role_and_network(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK, timeout_s=60)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    expect(lab_harness.widget_outputs(page)).to_have_count(2)

    explorer = page.locator(".netlearn-role-explorer")
    explorer.scroll_into_view_if_needed()
    picture = explorer.locator("img")
    holders = explorer.locator(".netlearn-role-holders")
    expect(picture).to_have_attribute("alt", re.compile(r"^Brokers in the improvement community \(knows\)"))
    expect(holders).to_contain_text("Brokers: 12 members hold it")
    expect(holders).to_contain_text("Tom Campbell")
    lab_harness.expect_picture(explorer, "the role explorer as the notebook opens it (brokers)")
    _show_top_of(explorer)
    lab_harness.save_screenshot(page, "02_know_your_network-brokers")

    # Choose another role: the drawing, its description, the rule and the table all change.
    role = explorer.get_by_label("Role", exact=True)
    role.select_option(label="Energizer")
    expect(picture).to_have_attribute("alt", re.compile(r"^Energizers in the improvement community"))
    expect(holders).to_contain_text("Energizers: 16 members hold it")
    expect(holders).to_contain_text("positive energy received")
    expect(explorer.locator(".netlearn-role-rule")).to_contain_text("Rule used here: positive energy received")
    expect(explorer.locator(".netlearn-figure-summary")).to_contain_text("highlighted: Jack Wright")
    lab_harness.expect_picture(explorer, "the role explorer after choosing Energizer")
    _show_top_of(explorer)
    lab_harness.save_screenshot(page, "02_know_your_network-energizers")

    # The karate club has no energy ratings: energizer is no longer offered, and brokers are shown.
    explorer.get_by_label("Network").select_option(label="Karate club: who met whom outside the club (real, 34 members)")
    expect(picture).to_have_attribute("alt", re.compile(r"^Brokers in the karate club"))
    expect(role.locator("option")).to_have_count(4)
    expect(role.locator("option", has_text="Energizer")).to_have_count(0)
    expect(holders).to_contain_text("Brokers: 4 members hold it")
    lab_harness.expect_picture(explorer, "the role explorer after choosing the karate club")
    _show_top_of(explorer)
    lab_harness.save_screenshot(page, "02_know_your_network-karate")

    # The drawings of the notebook itself (the kite, the Florentine families, and the lead's circle before
    # and after weaving) are pictures too.
    assert lab_harness.expect_drawings(run) == 3

    # Predict, then see: which introduction lowers the circle's dependence on the lead most.
    lab_harness.predict_then_see(
        page, "Farah Green and Callum Ward, two London colleagues with 3 contacts in common",
        ["routes through the lead afterwards", "The best of these four is Farah Jones and Liam Fraser"],
        "02_know_your_network-predict-then-see", hidden_before="routes through the lead afterwards")


@pytest.mark.browser
def test_leader_track_weaving_decision_explains_its_consequence(page, exercises_lab):
    """The exercise notebook's leader-track decision: the feedback gives the dependence before and after."""
    decision = lab_harness.open_leader_items(page, exercises_lab, NOTEBOOK, timeout_s=120)
    lab_harness.save_screenshot(page, "02_know_your_network-leader-track")
    # Two separate pairs in the same regions free fewer routes than building on a pair who already know each other.
    lab_harness.check_leader_item(decision, ["B", "C"],
                      ["You chose B and C: 95.5% of the shortest routes", "The best choice, A and D: 93.2%",
                       "With no introduction or other action: 98.5%"])
    decision.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "02_know_your_network-decision-wrong")
    lab_harness.check_leader_item(decision, ["A", "D"], ["Correct", "Kemi Hussain knows 3 of them"])
    lab_harness.save_screenshot(page, "02_know_your_network-decision-correct")
