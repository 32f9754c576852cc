"""Notebook 03 in a real JupyterLab: the "who holds this network together?" widget responds to
the relation list and the buttons, and the page shows the change in words, table and drawing."""

from __future__ import annotations

import re

import pytest

import lab_harness
import netlearn
from netlearn.widgets.leadership import next_most_central

NOTEBOOK = "03_distributed_leadership.ipynb"


@pytest.mark.browser
def test_removal_explorer_responds_in_the_browser(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    lab_harness.widget_outputs(page)          # no widget failed to render

    explorer = page.locator(".netlearn-removal-explorer")
    expect(explorer).to_have_count(1)
    status = explorer.locator(".netlearn-removal-status")
    table = explorer.locator(".netlearn-removal-table")
    picture = explorer.locator("img")
    caption = explorer.locator(".netlearn-figure-summary")

    # As the notebook opens it: the formal leader has stepped away from the advice network.
    expect(status).to_contain_text("advice: Without Tom Campbell: nobody cut off")
    expect(status).to_contain_text("reachability from 0.53 to 0.22")
    expect(table.locator("tr", has_text="average reachability")).to_contain_text("0.53")
    expect(picture).to_be_visible()
    expect(caption).to_contain_text("Tom Campbell stepped away (grey crosses)")
    lab_harness.expect_picture(explorer, "the removal explorer as the notebook opens it")
    explorer.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "03_distributed_leadership-advice-without-lead")

    # Choose another relation in the list, as a learner would.
    relation = explorer.locator("select").first
    first_picture = picture.get_attribute("src")
    relation.select_option("knows")
    expect(status).to_contain_text("knows: Without Tom Campbell: nobody cut off")
    expect(status).to_contain_text("reachability unchanged (1.00)")
    expect(picture).not_to_have_attribute("src", first_picture)
    lab_harness.expect_picture(explorer, "the removal explorer after choosing knows")

    # Take out the most central person left: the page names them.
    knows = netlearn.load_dataset("q_community").graph("knows")
    expected = next_most_central(knows, ["q062"])
    name = knows.nodes[expected]["name"]
    explorer.get_by_role("button", name="Also take out the most central person left").click()
    expect(status).to_contain_text(f"Without Tom Campbell and {name}")
    expect(explorer.locator("select[multiple] option:checked")).to_have_count(2)
    lab_harness.expect_picture(explorer, "the removal explorer after taking out the most central person left")
    explorer.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "03_distributed_leadership-knows-two-removed")

    # Everyone back: the table shows no change.
    explorer.get_by_role("button", name="Restore everyone").click()
    expect(status).to_contain_text("Everyone is present")
    expect(table.locator("tr", has_text="members taking part")).to_contain_text("150")
    expect(caption).to_contain_text("nobody stepped away")
    lab_harness.expect_picture(explorer, "the removal explorer after Restore everyone")

    # The notebook's own drawing of whom members name as leaders is a picture too.
    assert lab_harness.expect_drawings(run) == 1
