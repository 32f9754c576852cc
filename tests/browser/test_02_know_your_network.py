"""Notebook 02 in a real JupyterLab: the role explorer highlights who holds the chosen role, says
why, and offers only the roles a network's data can show."""

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
    expect(lab_harness.widget_outputs(page)).to_have_count(1)

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

    # The drawings of the notebook itself (the kite and the Florentine families) are pictures too.
    assert lab_harness.expect_drawings(run) == 2
