"""Notebook 07 in a real JupyterLab: the listening coach reads a typed reply on the button, quotes
the words behind its verdict, and follows the scenario chosen; the curiosity form draws its radar."""

from __future__ import annotations

import re

import pytest

import lab_harness
from netlearn.diagnostics import load_instrument

NOTEBOOK = "07_curiosity_and_listening.ipynb"


@pytest.mark.browser
def test_listening_coach_responds_in_the_browser(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK, timeout_s=60)
    page = run.page
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    lab_harness.widget_outputs(page)          # no widget failed to render

    coach = page.locator(".netlearn-listening")
    expect(coach).to_have_count(1)
    coach.scroll_into_view_if_needed()
    result = coach.locator(".netlearn-listening-result")
    expect(result).to_contain_text("Write a reply and press")
    expect(coach.locator(".netlearn-listening-problem")).to_contain_text("only two practices still come")

    # Advice first: typed with the keyboard, checked with the button.
    box = coach.get_by_role("textbox", name="Your reply (what you would say back)")
    box.click()
    page.keyboard.insert_text("Have you tried moving the meetings to lunchtime?")
    coach.get_by_role("button", name="Check my reply").click()
    expect(result).to_contain_text("Jumps to a solution")
    expect(result).to_contain_text("\u201cHave you tried\u201d")
    lab_harness.save_screenshot(page, "07_curiosity_and_listening-advice")

    # Another colleague's problem, and a reply that listens.
    coach.get_by_label("Your colleague's problem").select_option("The sponsors want numbers")
    expect(coach.locator(".netlearn-listening-problem")).to_contain_text("dashboard of outcomes")
    expect(result).to_contain_text("Write a reply and press")
    box.fill("So you're saying the value sits in the relationships. What would good look like to the sponsors?")
    coach.get_by_role("button", name="Check my reply").click()
    expect(result).to_contain_text("Listens: 2 listening moves and no advice")
    expect(result).to_contain_text("\u201cSo you're saying\u201d")

    # The rules can be opened and read.
    coach.get_by_text("The coach's rules (what it looks for)").click()
    expect(coach.locator("table")).to_contain_text("have you tried")
    result.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "07_curiosity_and_listening-listens-and-rules")

    # The curiosity form: answering one stress-tolerance statement updates the summary.
    label = load_instrument("curiosity_practice").scale.labels[2]
    answer = page.get_by_label("Answer 9", exact=True)
    answer.select_option(label=f"2 - {label}")
    expect(page.get_by_text(re.compile(r"Stress tolerance: 6\.0 \(1 of 4 answered\)"))).to_be_visible()
    form = lab_harness.widget_outputs(page).filter(has=page.get_by_label("Answer 9", exact=True))
    lab_harness.expect_picture(form, "the curiosity form's chart after answering statement 9")
    answer.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "07_curiosity_and_listening-curiosity-form")

    # The notebook's radar chart of the group means is a picture too.
    assert lab_harness.expect_drawings(run) == 1
