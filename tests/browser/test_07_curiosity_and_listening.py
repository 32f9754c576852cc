"""Notebook 07 in a real JupyterLab: the listening coach reads a typed reply on the button, quotes
the words behind its verdict, and follows the scenario chosen; the curiosity form draws its radar;
the prediction reveals the coach's agreement; peer consultation plans the room and reads each
question. In the exercise notebook, the leader track's reply decision is graded by the coach."""

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

    # Predict, then see: the coach's agreement on the held-out replies.
    predict = page.locator(".netlearn-predict")
    expect(predict).to_have_count(1)
    predict.scroll_into_view_if_needed()
    predict.get_by_role("radio", name="Nearly all of them (53 or more)").check()
    predict.get_by_role("button", name="Lock in my prediction and show the result").click()
    expect(predict).to_contain_text("Your prediction: Nearly all of them (53 or more)")
    expect(predict).to_contain_text("the coach agrees with the label on 55 (98%)")

    # Peer consultation: the room plan follows the numbers typed, and each question gets a verdict.
    peer = page.locator(".netlearn-peer")
    expect(peer).to_have_count(1)
    peer.scroll_into_view_if_needed()
    plan = peer.locator(".netlearn-peer-plan")
    expect(plan).to_contain_text("14 people in two groups of three and two groups of four: 4 rounds of 12 minutes")
    question = peer.get_by_role("textbox", name="Consultant's question")
    question.fill("What have you tried so far?")
    peer.get_by_role("button", name="Ask").click()
    question.fill("Have you thought about asking the GPs directly?")
    peer.get_by_role("button", name="Ask").click()
    log = peer.locator(".netlearn-peer-log")
    expect(log).to_contain_text("\u201cWhat have you tried so far?\u201d \u2014 Listening (open question)")
    expect(log).to_contain_text("Jumping in (have you tried, \u201cHave you thought about\u201d)")
    expect(peer.locator(".netlearn-peer-tally")).to_contain_text("1 listening, 1 jumping in")
    people = peer.get_by_label("People in the room")
    people.fill("12")
    people.press("Tab")                           # the number box sends its value when it loses focus
    expect(plan).to_contain_text("12 people in four groups of three: 3 rounds of 16 minutes")
    minutes = peer.get_by_label("Minutes available")
    minutes.fill("20")
    minutes.press("Tab")
    expect(plan).to_contain_text("the shortest workable plan takes 31 minutes")
    peer.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "07_curiosity_and_listening-peer-consultation")

    # The notebook's radar chart of the group means is a picture too.
    assert lab_harness.expect_drawings(run) == 1


@pytest.mark.browser
def test_leader_track_reply_is_graded_by_the_coach(page, exercises_lab):
    from playwright.sync_api import expect

    decision = lab_harness.open_leader_items(page, exercises_lab, NOTEBOOK, timeout_s=90)
    feedback = decision.locator(".netlearn-feedback")

    decision.get_by_role("radio", name=re.compile(r"^E\. Don't worry")).check()
    decision.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("a listening balance of -1")
    expect(feedback).to_contain_text("jumps in with \u201cDon't worry\u201d")

    decision.get_by_role("radio", name=re.compile(r"^D\. It sounds like")).check()
    decision.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("Correct")
    expect(feedback).to_contain_text("a listening balance of +2. That is the best of the choices here")
    feedback.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "07_curiosity_and_listening-exercise-decision")
