"""Notebook 09 in a real JupyterLab: run it all, then use the helper finder as a learner would."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "09_q_community_at_scale.ipynb"


def show_controls(finder):
    """Scroll so that the widget's drop-down lists are at the top of the window."""
    finder.locator("select").first.evaluate("element => element.scrollIntoView({block: 'start'})")


@pytest.mark.browser
def test_helper_finder_answers_a_new_member_and_topic(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK, timeout_s=120)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts

    # The notebook's two widgets rendered (not a placeholder or an error): the prediction, and the
    # helper finder showing Fiona Shah's helpers.
    widgets = lab_harness.widget_outputs(page)
    expect(widgets).to_have_count(2)
    finder = widgets.filter(has=page.locator(".netlearn-helpers"))
    expect(finder).to_have_count(1)
    table = finder.locator(".netlearn-helpers table")
    status = finder.get_by_role("status")
    expect(table.locator("caption")).to_have_text(
        "Members who can help Fiona Shah with measurement for improvement, nearest first")
    expect(status).to_contain_text("can help with measurement for improvement")
    expect(finder.locator("img")).to_be_visible()
    lab_harness.expect_picture(finder, "the helper finder as the notebook opens it")
    expect(finder).to_contain_text("Who could help Fiona Shah with measurement for improvement: ")
    before = table.inner_text()
    show_controls(finder)
    lab_harness.save_screenshot(page, "q_community_at_scale-after-run-all")

    # Choose another member: the topic moves to what she needs, and the visible table changes.
    member = finder.locator(".widget-dropdown", has_text="Member:").locator("select")
    topic = finder.locator(".widget-dropdown", has_text="Needs help with:").locator("select")
    member.select_option(label="Zoe Bailey (q031, London)")
    expect(table.locator("caption")).to_contain_text("Members who can help Zoe Bailey with")
    expect(topic).to_have_value(re.compile(r"\S"))
    assert table.inner_text() != before

    # Choose a topic: the nearest helper for finding funding is Deepa Clarke, one introduction away.
    topic.select_option(label="finding funding")
    expect(table.locator("caption")).to_have_text("Members who can help Zoe Bailey with finding funding, nearest first")
    first_row = table.locator("tbody tr").first
    expect(first_row).to_contain_text("Deepa Clarke (q061)")
    expect(first_row.locator("td").nth(3)).to_have_text("1")
    expect(status).to_contain_text("can help with finding funding")
    # The drawing's one-line summary comes last, so the picture has been redrawn once it changes.
    expect(finder).to_contain_text("Who could help Zoe Bailey with finding funding: ")
    lab_harness.expect_picture(finder, "the helper finder after choosing Zoe Bailey and finding funding")
    show_controls(finder)
    lab_harness.save_screenshot(page, "q_community_at_scale-zoe-finding-funding")

    # Only people she already knows: the table now says nobody (she knows nobody who offers it).
    reach = finder.locator(".widget-dropdown", has_text="Look among:").locator("select")
    reach.select_option(label="people they already know")
    expect(status).to_contain_text("none is among the people Zoe Bailey already knows")
    expect(finder.locator(".netlearn-helpers")).to_contain_text("Nobody to show within this reach.")
    lab_harness.expect_picture(finder, "the helper finder after choosing people they already know")

    # Predict, then see: how many of the 31 helpers are within two introductions of Fiona.
    lab_harness.predict_then_see(page, "Between 11 and 20", "15 of the 31 are within two introductions of Fiona",
            "09_q_community_at_scale-predict-then-see")


@pytest.mark.browser
def test_leader_track_decision_explains_its_consequence(page, exercises_lab):
    """The exercise notebook's leader-track decision: the feedback says what the choice changes."""
    decision = lab_harness.open_leader_items(page, exercises_lab, "09_q_community_at_scale.ipynb", timeout_s=120)
    lab_harness.check_leader_item(decision, ["A", "C"],
                      ["The best choice, B and D", "already know someone in the other region"])
    decision.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "09_q_community_at_scale-decision-wrong")
    lab_harness.check_leader_item(decision, ["B", "D"],
                      ["Correct", "That is the best of the choices here"])
    lab_harness.save_screenshot(page, "09_q_community_at_scale-decision-correct")
