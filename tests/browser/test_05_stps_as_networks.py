"""Episode 05 in a real JupyterLab: run it all, choose another workstream, see the panels change; the
lesson's prediction reveals the count of voices only when asked; and the exercise notebook's
leader-track decision (a board of six) explains what a choice changes."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "05_stps_as_networks.ipynb"


@pytest.mark.browser
def test_workstream_explorer_shows_the_chosen_workstream(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts

    # The static figure and its one-line summary are on the page.
    expect(page.get_by_text(re.compile(r"^Devon partnership: organisations linked .*17 members and 66 ties"))) \
        .to_be_visible()

    lab_harness.widget_outputs(page)              # no widget failed to render
    explorer = page.locator(".netlearn-stp")
    expect(explorer).to_have_count(1)
    explorer.evaluate("element => element.scrollIntoView({block: 'start'})")
    status = explorer.get_by_role("status")
    expect(status).to_contain_text("Acute hospital and specialist services: 43 people from 10 of the partnership's "
                                   "17 organisations")
    picture = explorer.locator("img")
    expect(picture).to_be_visible()
    lab_harness.expect_picture(explorer, "the workstream explorer as the notebook opens it")
    first_picture = picture.get_attribute("src")
    lab_harness.save_screenshot(page, "05_stps_as_networks-before-choice")

    # Choose the primary care workstream from the labelled drop-down list, as a learner would.
    dropdown = explorer.locator("select")
    expect(explorer.locator("label", has_text="Workstream")).to_be_visible()
    dropdown.select_option(label="Primary care (23 people)")
    expect(status).to_contain_text("Primary care: 23 people from 10 of the partnership's 17 organisations")
    gaps = explorer.locator(".netlearn-gaps")
    expect(gaps).to_contain_text("Nobody from mental health, primary care")
    expect(gaps).to_contain_text("Devon Partnership NHS Trust")
    expect(explorer).to_contain_text("Organisations involved (10)")
    expect(explorer).to_contain_text("Primary care: organisations involved are ringed")
    expect(picture).not_to_have_attribute("src", first_picture)
    lab_harness.expect_picture(explorer, "the workstream explorer after choosing primary care")

    # From the keyboard: JupyterLab keeps the arrow keys for moving between cells, so the widget has
    # Previous and Next buttons; the workstream above primary care in the list is prevention.
    explorer.get_by_role("button", name="Previous workstream").focus()
    page.keyboard.press("Enter")
    expect(status).to_contain_text("Ill health prevention and early intervention")
    shown = dropdown.evaluate("element => element.options[element.selectedIndex].text").replace("\xa0", " ")
    assert shown == "Ill health prevention and early intervention (22 people)"
    dropdown.select_option(label="Mental health and learning disabilities (27 people)")
    expect(status).to_contain_text("Mental health and learning disabilities: 27 people from 9")
    expect(gaps).to_contain_text("There are no patients and no carers and no citizens.")
    expect(explorer).to_contain_text("Mental health and learning disabilities: organisations involved are ringed")
    lab_harness.expect_picture(explorer, "the workstream explorer after choosing mental health")
    explorer.evaluate("element => element.scrollIntoView({block: 'start'})")
    lab_harness.save_screenshot(page, "05_stps_as_networks-after-choice")

    # The notebook's drawing of the partnership's organisations is a picture too.
    assert lab_harness.expect_drawings(run) == 1

    # Predict, then see: the count of voices appears only after the prediction is locked in.
    widget = page.locator(".netlearn-predict")
    expect(widget).to_have_count(1)
    widget.scroll_into_view_if_needed()
    button = widget.get_by_role("button", name="Lock in my prediction and show the result")
    option = "About one in ten (around 12)"
    widget.get_by_role("radio", name=option).check()
    button.click()
    expect(widget).to_contain_text(f"Your prediction: {option}")
    expect(widget).to_contain_text("4 of 120 members (3%) are patients, carers or citizens")
    expect(widget).to_contain_text("One in five would be 24 of today's 120 people")
    widget.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "05_stps_as_networks-predict-then-see")


@pytest.mark.browser
def test_leader_track_board_explains_its_consequence(page, exercises_lab):
    """The exercise notebook's board of six: the feedback names the organisations out of reach."""
    from playwright.sync_api import expect

    board = lab_harness.open_leader_items(page, exercises_lab, NOTEBOOK, count=2).first
    lab_harness.save_screenshot(page, "05_stps_as_networks-leader-track")
    for letter in "ABCDEF":                               # the six directors
        board.get_by_role("checkbox", name=re.compile(rf"^{letter}\. ")).check()
    board.get_by_role("button", name="Check my answer").click()
    feedback = board.locator(".netlearn-feedback")
    expect(feedback).to_contain_text("11 of the 17 partner organisations")
    expect(feedback).to_contain_text("Voices present: 0 of the 6 board members")
    expect(feedback).to_contain_text("Out of the board's reach")
    board.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "05_stps_as_networks-board-directors")
