"""Notebook 01 in a real JupyterLab: type a purpose statement and check it, load an example, show
the word lists, choose a region in the agreement explorer, and predict the most divisive priority
before the table is shown; and the exercise notebook's leader-track decision (two priorities beside
partnering with patients) says what a choice changes."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "01_purpose.ipynb"


DRAFT = "Our network exists so that children with asthma in Leeds stay out of hospital."


@pytest.mark.browser
def test_purpose_checker_and_agreement_explorer(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK, timeout_s=60)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    expect(lab_harness.widget_outputs(page)).to_have_count(4)

    # The checker: type a draft with the keyboard, leave the box with Tab, press the button with Enter.
    checker = page.locator(".netlearn-purpose-checker")
    checker.scroll_into_view_if_needed()
    feedback = checker.locator(".jupyter-widgets").filter(has_text="Write a draft").last
    expect(feedback).to_be_visible()
    box = checker.get_by_role("textbox", name="Your draft purpose statement")
    box.click()
    page.keyboard.insert_text(DRAFT)
    page.keyboard.press("Tab")
    button = checker.get_by_role("button", name="Check my statement")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    result = checker.locator(".netlearn-purpose-feedback")
    expect(result).to_contain_text("2 of 5 met")
    expect(result).to_contain_text("\u201cchildren\u201d")
    expect(result).to_contain_text("What members get back")
    lab_harness.save_screenshot(page, "01_purpose-checker-own-draft")

    # An example from the list replaces the draft and is checked at once.
    checker.get_by_label("Start from an example").select_option(label="A regional stroke network (answers all five)")
    expect(box).to_have_value(re.compile(r"^Our stroke network exists"))
    expect(result).to_contain_text("5 of 5 met")

    # The word lists are there to read.
    checker.get_by_role("button", name="Show the word lists").click()
    expect(checker.locator(".netlearn-purpose-rules")).to_contain_text("no one organisation")
    lab_harness.save_screenshot(page, "01_purpose-checker-example-and-rules")

    # The agreement explorer follows the region chosen.
    explorer = page.locator(".netlearn-agreement-explorer")
    explorer.scroll_into_view_if_needed()
    agreement = explorer.locator(".netlearn-agreement")
    expect(agreement).to_contain_text("All members, 150 members: W = 0.40")
    explorer.get_by_label("Whose rankings").select_option(label="London (27)")
    expect(agreement).to_contain_text("Region: London, 27 members: W = 0.37")
    expect(agreement).to_contain_text("weak agreement")
    explorer.get_by_label("Whose rankings").select_option(label="North (28)")
    expect(agreement).to_contain_text("Region: North, 28 members: W = 0.64")
    agreement.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "01_purpose-agreement-north")

    # The notebook's chart of agreement by region is a picture, not a line of text.
    assert lab_harness.expect_drawings(run) == 1

    # Predict, then see: the table of the most divisive priority appears only after the prediction is locked in.
    lab_harness.predict_then_see(
        page, "Share learning about what works",
        ["Influence national and local policy has a middling average rank", "37% put it in their top third",
         "hides two camps"],
        "01_purpose-predict-then-see", hidden_before="hides two camps")


@pytest.mark.browser
def test_leader_track_purpose_decision_explains_its_consequence(page, exercises_lab):
    """The exercise notebook's leader-track decision: the feedback says how many members the purpose serves."""
    decision = lab_harness.open_leader_items(page, exercises_lab, NOTEBOOK, timeout_s=120)
    lab_harness.save_screenshot(page, "01_purpose-leader-track")
    # The two priorities members rank highest serve fewer of their reasons for joining.
    lab_harness.check_leader_item(decision, ["A", "B"],
                      ["You chose A and B: 68% of members", "The best choice, B and D: 89% of members",
                       "'develop my skills' (48 members)"])
    decision.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "01_purpose-decision-wrong")
    lab_harness.check_leader_item(decision, ["B", "D"], ["Correct", "That is the best of the choices here"])
    lab_harness.save_screenshot(page, "01_purpose-decision-correct")
