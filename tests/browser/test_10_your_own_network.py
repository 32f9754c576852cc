"""Notebook 10 in a real JupyterLab: it runs from top to bottom on the example network, the
broken-file explanation is on the page, and choosing a section in the explorer changes what is shown."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "10_your_own_network.ipynb"


@pytest.mark.browser
def test_own_network_notebook_runs_and_section_explorer_responds(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK, timeout_s=120)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    lab_harness.widget_outputs(page)                      # no widget failed to render

    # The loader says which network is in use; the broken example is explained in plain words.
    loader = page.locator(".netlearn-network-loader")
    expect(loader).to_have_count(1)
    expect(loader).to_contain_text("Using the example network")
    expect(page.locator(".netlearn-problem").filter(has_text="'m99' is not the id of any member").first).to_be_visible()
    expect(page.get_by_text("How to fix it: Rename the column 'sourse' to 'source'.").first).to_be_attached()
    expect(page.get_by_text("Report written").or_(page.get_by_text("The report is in")).first).to_be_attached()

    # The explorer starts on the overview, with pseudonyms.
    explorer = page.locator(".netlearn-own-network-explorer")
    expect(explorer).to_have_count(1)
    explorer.scroll_into_view_if_needed()
    expect(explorer).to_contain_text("1. Overview")
    expect(explorer).to_contain_text("Relation: knows")
    lab_harness.expect_picture(explorer, "the section explorer's overview (the network drawing)")
    lab_harness.save_screenshot(page, "own_network-overview")

    # Choosing another section changes what is shown.
    explorer.get_by_role("button", name="Roles", exact=True).click()
    expect(explorer).to_contain_text("2. Roles in the network")
    expect(explorer).to_contain_text("Brokers")
    expect(explorer).not_to_contain_text("1. Overview")
    expect(explorer.get_by_text(re.compile(r"^Member \d{3}$")).first).to_be_visible()
    expect(explorer).not_to_contain_text("Fiona Shah")    # a member of the example: names stay hidden
    lab_harness.save_screenshot(page, "own_network-roles")

    explorer.get_by_role("button", name="Diversity and silos", exact=True).click()
    expect(explorer).to_contain_text("4. Diversity and silos")
    expect(explorer).to_contain_text("suppressed (fewer than 5)")
    lab_harness.expect_picture(explorer, "the section explorer after choosing Diversity and silos")

    # Names appear only when asked for.
    explorer.get_by_role("button", name="Roles", exact=True).click()
    explorer.get_by_role("checkbox", name="Show names instead of pseudonyms").check()
    expect(explorer).to_contain_text("People are shown as names")
    lab_harness.save_screenshot(page, "own_network-names")

    # Predict, then see: the example's formal leader stepping back from who-knows-whom.
    lab_harness.predict_then_see(page, "Nobody would be cut off, and routes would barely change",
            "Nobody would be cut off, and the network would be only 2% less efficient at passing things on",
            "own_network-predict-then-see")


@pytest.mark.browser
def test_leader_track_decision_explains_its_consequence(page, exercises_lab):
    """The exercise notebook's leader-track decision: the feedback says what the choice changes."""
    decision = lab_harness.open_leader_items(page, exercises_lab, "10_your_own_network.ipynb", timeout_s=120)
    lab_harness.check_leader_item(decision, ["B", "C"],
                      ["17.3% of the shortest routes", "more routes through the formal leader"])
    decision.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "10_your_own_network-decision-wrong")
    lab_harness.check_leader_item(decision, ["A", "E"],
                      ["Correct", "That is the best of the choices here"])
    lab_harness.save_screenshot(page, "10_your_own_network-decision-correct")
