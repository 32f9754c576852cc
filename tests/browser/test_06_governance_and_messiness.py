"""Episode 06 in a real JupyterLab: run it all, change the four conditions, watch the ranking change,
make the lesson's prediction and see the result; in the exercise notebook, take the leader track's
decision and read what it changed."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "06_governance_and_messiness.ipynb"


@pytest.mark.browser
def test_governance_explorer_reranks_the_forms(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    summary = re.compile(r"^Q community \(synthetic\): advice ties, the top tenth ringed: 150 members")
    expect(page.get_by_text(summary)).to_be_visible()

    lab_harness.widget_outputs(page)              # no widget failed to render
    explorer = page.locator(".netlearn-governance")
    expect(explorer).to_have_count(1)
    explorer.evaluate("element => element.scrollIntoView({block: 'start'})")
    heading = explorer.get_by_role("status")
    expect(heading).to_have_text("Most likely fit: network administrative organisation")
    lab_harness.save_screenshot(page, "06_governance_and_messiness-before")

    # Start from Devon's data, then change every condition as a learner would.
    explorer.locator(".netlearn-start").get_by_role("button", name=re.compile("^Devon")).click()
    participants = explorer.locator(".widget-inline-hbox", has_text="Number of participants").locator("input")
    expect(participants).to_have_value("17")
    participants.fill("6")
    participants.press("Tab")                     # the number box sends its value when it loses focus
    explorer.locator(".netlearn-goal-consensus").get_by_role("button", name="high", exact=True).click()
    low = explorer.locator(".netlearn-competencies").get_by_role("button", name="low", exact=True)
    low.focus()
    page.keyboard.press("Enter")                  # buttons work from the keyboard too
    slider = explorer.locator(".widget-slider", has_text="How widely trust is spread")
    readout = slider.locator(".widget-readout")
    expect(readout).to_have_text("0.66")
    readout.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    expect(readout).to_have_text("1.00")

    expect(heading).to_have_text("Most likely fit: shared governance")
    expect(explorer).to_contain_text("1. shared governance")
    expect(explorer).to_contain_text("Leans towards inclusiveness")
    expect(explorer.locator(".netlearn-sources")).to_contain_text("you set it to 6")
    explorer.evaluate("element => element.scrollIntoView({block: 'start'})")
    lab_harness.save_screenshot(page, "06_governance_and_messiness-after")

    # Reset brings the data back.
    explorer.get_by_role("button", name="Reset to the data").click()
    expect(participants).to_have_value("17")
    expect(heading).to_have_text("Most likely fit: network administrative organisation")

    # Predict, then see: the table appears only after a prediction is locked in.
    predict = page.locator(".netlearn-predict")
    expect(predict).to_have_count(1)
    predict.scroll_into_view_if_needed()
    expect(predict).not_to_contain_text("judged low")
    predict.get_by_role("radio", name="Shared governance").check()
    predict.get_by_role("button", name="Lock in my prediction and show the result").click()
    expect(predict).to_contain_text("Your prediction: Shared governance")
    expect(predict).to_contain_text("judged low, it is shared governance")
    expect(predict.locator("table")).to_contain_text("network administrative organisation")
    lab_harness.save_screenshot(page, "06_governance_and_messiness-prediction")

    # The notebook's drawing of the advice ties is a picture, not a line of text.
    assert lab_harness.expect_drawings(run) == 1


@pytest.mark.browser
def test_leader_track_decision_says_what_it_changed(page, exercises_lab):
    from playwright.sync_api import expect

    decision = lab_harness.open_leader_items(page, exercises_lab, NOTEBOOK, timeout_s=90)
    boxes = decision.get_by_role("checkbox")
    expect(boxes).to_have_count(5)
    feedback = decision.locator(".netlearn-feedback")

    # The team and the surgery: every new tie goes to the centre.
    boxes.nth(0).check()
    boxes.nth(2).check()
    decision.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("The best choice, B and D")
    expect(feedback).to_contain_text("16 go to members already in the best-connected tenth")

    # The learning set and the mentors: the best choice.
    boxes.nth(0).uncheck()
    boxes.nth(2).uncheck()
    boxes.nth(1).check()
    boxes.nth(3).check()
    decision.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("Correct")
    expect(feedback).to_contain_text("That is the best of the choices here")
    expect(feedback).to_contain_text("0 go to members already in the best-connected tenth")
    feedback.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "06_governance_and_messiness-exercise-decision")
