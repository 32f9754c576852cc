"""The start-here notebook, run by a real JupyterLab in headless Chromium."""

from __future__ import annotations

import re

import pytest

import lab_harness
from netlearn.environment import WIDGET_BUTTON_TEXT, WIDGET_SUCCESS_TEXT

NOTEBOOK = "00_start_here.ipynb"


@pytest.mark.browser
def test_start_here_runs_and_widget_responds(run_notebook_in_lab):
    from playwright.sync_api import expect

    run = run_notebook_in_lab(NOTEBOOK)
    page = run.page
    assert run.code_cells == 7
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts

    # The course map and the set-up report reached the page.
    expect(page.locator("table.netlearn-course-map")).to_be_visible()
    expect(page.get_by_text("All good:")).to_be_visible()

    # Both widgets (the widget check and the progress overview) rendered, not placeholders or errors.
    widgets = lab_harness.widget_outputs(page)
    expect(widgets).to_have_count(2)
    expect(widgets.filter(has_text="00_how_exercises_work")).to_have_count(1)
    widget_output = widgets.filter(has=page.get_by_role("button", name=WIDGET_BUTTON_TEXT))
    expect(widget_output).to_have_count(1)
    button = widget_output.get_by_role("button", name=WIDGET_BUTTON_TEXT)
    expect(button).to_be_visible()
    expect(button).to_have_attribute("title", re.compile(r"\S"))
    status = widget_output.get_by_role("status")
    expect(status).to_have_text(re.compile(r"^Not clicked yet"))

    button.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "start_here-before-click")
    button.click()
    expect(status).to_have_text(f"{WIDGET_SUCCESS_TEXT} Clicks so far: 1.")
    lab_harness.save_screenshot(page, "start_here-after-click")


def test_missing_browser_fails_in_ci_and_skips_elsewhere():
    hint = "sudo apt-get install chromium"

    action, message = lab_harness.missing_browser_decision(None, True, ci=True)
    assert action == "fail"
    assert "Chromium" in message and hint in message

    action, message = lab_harness.missing_browser_decision(None, True, ci=False)
    assert action == "skip"
    assert hint in message and lab_harness.CHROMIUM_ENV_VAR in message

    action, message = lab_harness.missing_browser_decision("/usr/bin/chromium", False, ci=False)
    assert action == "skip" and "playwright" in message

    assert lab_harness.missing_browser_decision("/usr/bin/chromium", True, ci=True) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("1", True), ("yes", True), ("", False), ("false", False), ("0", False)],
)
def test_ci_variable_is_read_like_ci_systems_set_it(value, expected):
    assert lab_harness.is_ci({"CI": value}) is expected
    assert lab_harness.is_ci({}) is False


def test_chromium_can_be_chosen_with_environment_variable(tmp_path):
    binary = tmp_path / "my-chrome"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    assert lab_harness.find_chromium({lab_harness.CHROMIUM_ENV_VAR: str(binary)}) == str(binary)
    missing = {lab_harness.CHROMIUM_ENV_VAR: str(tmp_path / "absent")}
    assert lab_harness.find_chromium(missing) is None
