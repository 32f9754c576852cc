"""Notebook 04 in a real JupyterLab: the "what if more patients, carers and citizens took part?"
widget responds to its buttons, keyboard on its sliders and its list, and the page shows it."""

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
