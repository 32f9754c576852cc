"""The exercise notebook in a real JupyterLab: answer, check, choose, explain, save, progress.

The shared ``lab_server`` fixture serves a copy of ``notebooks/``; the exercise notebooks live in
``exercises/``, so this module starts its own server (with the harness's ``JupyterLabServer``) on
a copy of ``exercises/``, with the progress file in a temporary folder.
"""

from __future__ import annotations

import json
import re

import pytest

import lab_harness

NOTEBOOK = "00_how_exercises_work.ipynb"
WIDGET_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]'


@pytest.fixture(scope="module")
def exercises_lab(chromium_path, tmp_path_factory):
    """A JupyterLab serving a copy of ``exercises/``; yields (server, progress file)."""
    progress = tmp_path_factory.mktemp("progress") / "progress.json"
    server = lab_harness.JupyterLabServer(
        notebooks_dir=lab_harness.REPO_ROOT / "exercises",
        workdir=tmp_path_factory.mktemp("jupyterlab-exercises"),
        log_path=lab_harness.ARTIFACTS_DIR / "jupyterlab-exercises-server.log",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETLEARN_PROGRESS", str(progress))   # the server and its kernels inherit it
        server.start()
    try:
        yield server, progress
    finally:
        server.stop()


def code_cell(page, text):
    """The one code cell whose input contains ``text``, by position (so it survives edits)."""
    sources = page.locator(".jp-CodeCell .jp-InputArea-editor").all_inner_texts()
    matches = [index for index, source in enumerate(sources) if text in source]
    assert len(matches) == 1, f"expected one code cell containing {text!r}, found {len(matches)}"
    return page.locator(".jp-CodeCell").nth(matches[0])


def replace_cell_source(page, cell, source):
    """Select everything in a cell's editor and type ``source`` in its place."""
    editor = cell.locator(".jp-InputArea-editor .cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(source)          # inserted as is: no auto-closed quotes or brackets


@pytest.mark.browser
def test_exercise_notebook_checks_answers_and_explains_choices(page, exercises_lab):
    from playwright.sync_api import expect

    server, progress = exercises_lab
    run = lab_harness.run_notebook_in_lab(page, server, NOTEBOOK, timeout_s=90)
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts

    # Run as committed: the blank says "not attempted", and the hint and solution are shown.
    q1 = code_cell(page, "ex.q1.check(most_ties)")
    expect(q1.locator(".netlearn-feedback")).to_contain_text("Not attempted yet")
    expect(code_cell(page, "ex.q1.hint()").locator(".netlearn-feedback")).to_contain_text("Hint 1 of 3")
    expect(code_cell(page, "ex.q1.solution()").locator(".netlearn-feedback")).to_contain_text("Solution")
    for text in lab_harness.WIDGET_FAILURE_TEXTS:
        expect(page.locator(WIDGET_OUTPUT).filter(has_text=text)).to_have_count(0)
    q1.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "how_exercises_work-after-run-all")

    # A wrong answer, then the right one, typed into the cell as a learner would.
    replace_cell_source(page, q1, 'most_ties = "Heather"\nex.q1.check(most_ties)')
    page.keyboard.press("Control+Enter")
    expect(q1.locator(".netlearn-feedback-incorrect")).to_contain_text("highest betweenness")
    replace_cell_source(page, q1, 'most_ties = "Diane"\nex.q1.check(most_ties)')
    page.keyboard.press("Control+Enter")
    correct = q1.locator(".netlearn-feedback-correct")
    expect(correct).to_be_visible()
    expect(correct).to_contain_text("Correct")
    expect(correct).to_contain_text("Diane knows 6 of the 9 other people")
    lab_harness.save_screenshot(page, "how_exercises_work-q1-correct")

    # The concept question: real check boxes, a button, an explanation for each choice.
    concept = page.locator(".netlearn-concept")
    expect(concept).to_have_count(1)
    concept.scroll_into_view_if_needed()
    boxes = concept.get_by_role("checkbox")
    expect(boxes).to_have_count(6)
    button = concept.get_by_role("button", name="Check my answer")
    concept.get_by_role("checkbox", name=re.compile(r"^B\. ")).check()
    button.click()
    feedback = concept.locator(".netlearn-feedback")
    expect(feedback).to_contain_text("Not yet")
    expect(feedback).to_contain_text("Management: useful for keeping the network running")

    # Keyboard only: untick B, move to C with Tab, tick with Space, and so on; Enter on the button.
    concept.get_by_role("checkbox", name=re.compile(r"^B\. ")).focus()
    page.keyboard.press("Space")                               # untick B
    concept.get_by_role("checkbox", name=re.compile(r"^A\. ")).focus()
    page.keyboard.press("Space")                               # tick A
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")                               # tick C
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", f"the focused check box has no visible outline ({outline})"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")                               # tick E
    button.focus()
    page.keyboard.press("Enter")
    expect(feedback).to_contain_text("Correct")
    expect(feedback).to_contain_text("Leadership: this convenes people around a purpose")
    expect(feedback).to_contain_text("A network leader convenes, connects and enables")
    lab_harness.save_screenshot(page, "how_exercises_work-concept-feedback")

    # A leader-track decision: the feedback says what the choice changes in the network.
    decision = page.locator(".netlearn-decision")
    decision.scroll_into_view_if_needed()
    decision.get_by_role("radio", name=re.compile(r"^A\. ")).check()
    decision.get_by_role("button", name="Check my answer").click()
    verdict = decision.locator(".netlearn-feedback")
    expect(verdict).to_contain_text("2 people are cut off once Heather leaves")
    expect(verdict).to_contain_text("The best choice, B: nobody is cut off once Heather leaves")
    decision.get_by_role("radio", name=re.compile(r"^D\. ")).check()
    decision.get_by_role("button", name="Check my answer").click()
    expect(verdict).to_contain_text("Correct")
    lab_harness.save_screenshot(page, "how_exercises_work-decision-feedback")

    # The reflection is saved to the progress file (a temporary one in this test).
    reflection = page.locator(".netlearn-reflection")
    reflection.scroll_into_view_if_needed()
    reflection.get_by_role("textbox").fill("Our network exists so that stroke care is as good in every town.")
    reflection.get_by_role("button", name="Save my reflection").click()
    expect(reflection.get_by_role("status")).to_contain_text("Saved")
    lab_harness.save_screenshot(page, "how_exercises_work-reflection-saved")

    # Progress, refreshed, shows what was done.
    panel = page.locator(".netlearn-progress")
    panel.get_by_role("button", name="Refresh").click()
    expect(panel).to_contain_text("4 of 7 done")
    panel.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "how_exercises_work-progress")

    # A common mistake is explained in plain words, and the cell is still an error.
    q2 = code_cell(page, "ex.q2.check(n_ties)")
    replace_cell_source(page, q2, 'G.degree["Dianne"]')
    page.keyboard.press("Control+Enter")
    coaching = q2.locator(".netlearn-coaching")
    expect(coaching).to_contain_text("'Dianne' is not a member of G. Did you mean 'Diane'?")
    expect(q2.locator(lab_harness.STDERR_OUTPUT)).to_contain_text("KeyError")
    expect(coaching.locator("details")).not_to_have_attribute("open", re.compile(".*"))
    q2.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "how_exercises_work-coaching")

    saved = json.loads(progress.read_text(encoding="utf-8"))
    assert saved["exercises"]["how_exercises_work.q1"]["correct"] is True
    assert saved["exercises"]["how_exercises_work.q4"]["correct"] is True
    assert saved["reflections"]["how_exercises_work.q5"]["text"].startswith("Our network exists")
