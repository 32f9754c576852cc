"""Notebook 11 in a real JupyterLab: the value-story builder and the plan builder respond on the
page, and in the exercise notebook a leader-track decision gives feedback on what it changes."""

from __future__ import annotations

import re

import pytest

import lab_harness

NOTEBOOK = "11_large_scale_change_and_value.ipynb"


@pytest.mark.browser
def test_story_and_plan_builders_respond_in_the_browser(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK, timeout_s=120)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    lab_harness.widget_outputs(page)          # no widget failed to render

    builder = page.locator(".netlearn-value-story")
    expect(builder).to_have_count(1)
    links = builder.locator(".netlearn-chain")
    verdict = builder.get_by_role("status")
    expect(links.locator(".netlearn-link.holds")).to_have_count(1)
    expect(links).to_contain_text("2. potential value")
    expect(verdict).to_contain_text("It holds as far as immediate value")
    expect(verdict).to_contain_text("First to mend: Potential value has no evidence")
    builder.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "11_large_scale_change_and_value-story-as-written")

    # Type evidence for potential value, as a learner would, and leave the box.
    evidence = builder.get_by_role("textbox").nth(3)
    evidence.fill("New advice ties between regions in the repeat survey")
    page.keyboard.press("Tab")
    expect(verdict).to_contain_text("It holds as far as potential value")
    expect(verdict).to_contain_text("First to mend: Applied value has no evidence")
    expect(links.locator(".netlearn-link.holds")).to_have_count(2)

    # A blank story, then the example back.
    builder.get_by_role("button", name="Start a blank story").click()
    expect(verdict).to_contain_text("The story claims nothing yet.")
    builder.get_by_role("button", name="Load the example story").click()
    expect(verdict).to_contain_text("It holds as far as immediate value")

    # Predict, then see: the check is shown only after the prediction.
    predict = page.locator(".jp-OutputArea-output", has_text="how far does the story hold").last
    predict.scroll_into_view_if_needed()
    predict.get_by_role("radio", name="Only immediate value holds").check()
    predict.get_by_role("button", name=re.compile("Lock in my prediction")).click()
    expect(predict).to_contain_text("The story does not hold yet")

    # The plan builder: the money question is refused; taking the measure off another refuses it too.
    plan = page.locator(".netlearn-value-plan")
    expect(plan).to_contain_text("The plan answers 5 questions (connectivity 2, health 2, results 1)")
    expect(plan).to_contain_text("How much money has the network saved the trust?")
    expect(plan.locator("td", has_text="-0.53")).to_have_count(1)
    plan.locator("select").nth(3).select_option("(no measure)")
    expect(plan).to_contain_text("The plan answers 4 questions (connectivity 2, health 1, results 1)")
    expect(plan.locator("li")).to_have_count(3 + 2)      # three pillars listed, two refused questions
    plan.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "11_large_scale_change_and_value-plan")


@pytest.mark.browser
def test_leader_track_decision_explains_what_the_evidence_changes(page, exercises_lab):
    from playwright.sync_api import expect

    decision = lab_harness.open_leader_items(page, exercises_lab, NOTEBOOK, timeout_s=120)
    for letter in ("A", "D", "F"):
        decision.get_by_role("checkbox", name=re.compile(rf"^{letter}\. ")).check()
    decision.get_by_role("button", name="Check my answer").click()
    feedback = decision.locator(".netlearn-feedback")
    expect(feedback).to_contain_text("only immediate value holds; the story breaks at potential value")
    expect(feedback).to_contain_text("The best choice, A, B and C: all four links hold")
    expect(feedback).to_contain_text("You have the ward figures, but the story still breaks earlier")
    lab_harness.save_screenshot(page, "11_large_scale_change_and_value-decision-feedback")

    for letter in ("D", "F"):
        decision.get_by_role("checkbox", name=re.compile(rf"^{letter}\. ")).uncheck()
    for letter in ("B", "C"):
        decision.get_by_role("checkbox", name=re.compile(rf"^{letter}\. ")).check()
    decision.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("Correct")
    expect(feedback).to_contain_text("That is the best of the choices here")
