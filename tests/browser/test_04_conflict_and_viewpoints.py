"""Notebook 04 in a real JupyterLab: the "what if more patients, carers and citizens took part?"
widget responds to its buttons, keyboard on its sliders and its list, and the page shows it; the
lesson's prediction reveals its result only when asked; and the exercise notebook's leader-track
decision (three go-betweens) explains what a choice changes."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "04_conflict_and_viewpoints.ipynb"


@pytest.mark.browser
def test_viewpoints_explorer_responds_in_the_browser(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    lab_harness.widget_outputs(page)

    explorer = page.locator(".netlearn-viewpoints-explorer")
    expect(explorer).to_have_count(1)
    status = explorer.locator(".netlearn-viewpoints-status")
    table = explorer.locator(".netlearn-viewpoints-table")
    caption = explorer.locator(".netlearn-figure-summary")
    number_row = table.locator("tr", has_text="patients, carers or citizens (number)")

    expect(status).to_contain_text("As the network is now: 8 of 150 members (5%)")
    lab_harness.expect_picture(explorer, "the viewpoints explorer as the notebook opens it")
    explorer.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "04_conflict_and_viewpoints-start")

    # Buttons: one more, then one more again.
    add = explorer.get_by_role("button", name="Invite one")
    add.click()
    expect(status).to_contain_text("With 1 person invited, each linked into 2 regions")
    add.click()
    expect(status).to_contain_text("With 2 people invited")
    expect(number_row).to_contain_text("10")
    expect(caption).to_contain_text("patient 4 -> 6")

    # Keyboard: move the regions slider to its end with the End key.
    regions = explorer.locator(".widget-slider", has_text="Regions each new member links to")
    regions.locator(".noUi-handle").focus()
    page.keyboard.press("End")
    expect(status).to_contain_text("each linked into 6 regions")

    # The list: new members become a mix of patients, carers and citizens.
    explorer.locator("select").first.select_option("a mix of patients, carers and citizens")
    expect(caption).to_contain_text("carer 2 -> 3")
    lab_harness.expect_picture(explorer, "the viewpoints explorer after adding two members and choosing a mix")
    explorer.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "04_conflict_and_viewpoints-two-added")

    # Back to where it started.
    explorer.get_by_role("button", name="Start again").click()
    expect(status).to_contain_text("As the network is now")
    expect(number_row.locator("td").last).to_have_text("0")
    lab_harness.expect_picture(explorer, "the viewpoints explorer after Start again")

    # The notebook's two drawings of the karate club are pictures too.
    assert lab_harness.expect_drawings(run) == 2

    # Predict, then see: the table of sectors appears only after the prediction is locked in.
    widget = page.locator(".netlearn-predict")
    expect(widget).to_have_count(1)
    widget.scroll_into_view_if_needed()
    button = widget.get_by_role("button", name="Lock in my prediction and show the result")
    expect(widget).not_to_contain_text("none of them knows another")
    option = "None: every tie they have is to a professional"
    widget.get_by_role("radio", name=option).check()
    button.click()
    expect(widget).to_contain_text(f"Your prediction: {option}")
    expect(widget).to_contain_text("none of them knows another")
    expect(button).to_be_disabled()
    widget.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "04_conflict_and_viewpoints-predict-then-see")


@pytest.mark.browser
def test_leader_track_go_betweens_explain_their_consequence(page, exercises_lab):
    """The exercise notebook's leader-track decision: the feedback says what the choice changes."""
    decision = lab_harness.open_leader_items(page, exercises_lab, NOTEBOOK, timeout_s=120)
    lab_harness.save_screenshot(page, "04_conflict_and_viewpoints-leader-track")
    # The three members with the most ties across: two of them reach the same people.
    lab_harness.check_leader_item(decision, ["A", "B", "C"],
                      ["6 members of the club would hear", "The best choice, A, B and F", "would hear it twice"])
    decision.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "04_conflict_and_viewpoints-decision-wrong")
    lab_harness.check_leader_item(decision, ["A", "B", "F"], ["Correct", "That is the best of the choices here"])
    lab_harness.save_screenshot(page, "04_conflict_and_viewpoints-decision-correct")
