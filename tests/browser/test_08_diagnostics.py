"""Notebook 08 in a real JupyterLab: the maturity-matrix self-assessment updates its description
and summary as levels are chosen, and the workshop view shows the synthetic room."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "08_diagnostics.ipynb"


@pytest.mark.browser
def test_matrix_self_assessment_and_workshop_view(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK, timeout_s=90)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    lab_harness.widget_outputs(page)          # no widget failed to render

    # The self-assessment's drop-downs (the table-entry view further down has text boxes with similar labels).
    now = page.get_by_role("combobox", name="Shared purpose: now")
    target = page.get_by_role("combobox", name="Shared purpose: target")
    now.scroll_into_view_if_needed()
    expect(page.get_by_text("0 of 8 dimensions scored.")).to_be_visible()
    now.select_option(label="2 - Developing")
    target.select_option(label="4 - Strong")
    expect(page.get_by_text(re.compile(r"^Level 2:"))).to_be_visible()
    page.get_by_role("combobox", name="Impact: now").select_option(label="1 - Emerging")
    summary = page.get_by_text(re.compile(r"2 of 8 dimensions scored\."))
    expect(summary).to_contain_text("Lowest now: Impact (level 1); highest: Shared purpose (level 2).")
    expect(summary).to_contain_text("Largest gap to your target: Shared purpose (+2).")
    form = lab_harness.widget_outputs(page).filter(has=page.get_by_label("Shared purpose: now"))
    lab_harness.expect_picture(form, "the self-assessment's radar chart after choosing three levels")
    now.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "08_diagnostics-self-assessment")

    # The workshop view loaded the synthetic room when the notebook ran.
    status = page.get_by_text(re.compile(r"^5 tables, 30 members\. Room summary"))
    expect(status).to_be_visible()
    expect(status).to_contain_text("8 of 8 dimensions shown")
    workshop = lab_harness.widget_outputs(page).filter(has_text="5 tables, 30 members")
    lab_harness.expect_picture(workshop, "the workshop view's heatmap of the room")
    status.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "08_diagnostics-workshop-view")

    # The notebook's radar, heatmap and Likert chart are pictures, not lines of text.
    assert lab_harness.expect_drawings(run) == 3

    # Predict, then see: which dimension is a priority for the most tables.
    lab_harness.predict_then_see(page, "Shared purpose, one of the room's strongest", "is a priority for 4 of 5 tables",
            "08_diagnostics-predict-then-see")


@pytest.mark.browser
def test_leader_track_decision_explains_its_consequence(page, exercises_lab):
    """The exercise notebook's leader-track decision: the feedback says what the choice changes."""
    decision = lab_harness.open_leader_items(page, exercises_lab, "08_diagnostics.ipynb", timeout_s=120)
    lab_harness.check_leader_item(decision, ["A", "E"],
                      ["4 of the 5 tables see at least one of their own priorities", "The best choice, A and B",
                       "Table 3"])
    decision.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "08_diagnostics-decision-wrong")
    lab_harness.check_leader_item(decision, ["A", "B"],
                      ["Correct", "That is the best of the choices here"])
    lab_harness.save_screenshot(page, "08_diagnostics-decision-correct")
