"""The learner record's buttons in a real JupyterLab: download a record, then restore from one.

A small notebook (made here, in a temporary folder) shows one exercise notebook's progress panel.
The test presses *Download my record* and checks the link, then gives *Restore from a record* a
record made elsewhere (as a learner would after a Binder session ended) and checks that the
progress panel and the progress file show what it held.
"""

from __future__ import annotations

import json

import nbformat
import pytest

import lab_harness

NOTEBOOK = "record.ipynb"


@pytest.fixture(scope="module")
def record_lab(chromium_path, tmp_path_factory):
    """A JupyterLab serving a one-cell notebook with a progress panel; yields (server, progress, record)."""
    from netlearn.exercises import ProgressStore, export_record

    folder = tmp_path_factory.mktemp("record-notebooks")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("from netlearn.exercises import how_exercises_work as ex\n"
                                                "ex.progress()")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, folder / NOTEBOOK)

    elsewhere = ProgressStore(tmp_path_factory.mktemp("elsewhere") / "progress.json")
    elsewhere.record_check("how_exercises_work.q1", "correct")
    elsewhere.save_reflection("how_exercises_work.q5", "Next month, try a round where everyone speaks </script>.")
    record = export_record(tmp_path_factory.mktemp("downloads") / "netlearn-record-from-binder.html",
                           store=elsewhere, responses=[])

    progress = tmp_path_factory.mktemp("progress") / "progress.json"
    server = lab_harness.JupyterLabServer(notebooks_dir=folder, workdir=tmp_path_factory.mktemp("jupyterlab-record"),
                                          log_path=lab_harness.ARTIFACTS_DIR / "jupyterlab-record-server.log")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETLEARN_PROGRESS", str(progress))
        server.start()
    try:
        yield server, progress, record
    finally:
        server.stop()


@pytest.mark.browser
def test_download_and_restore_a_learner_record(page, record_lab):
    from playwright.sync_api import expect

    server, progress, record = record_lab
    lab_harness.run_notebook_in_lab(page, server, NOTEBOOK, timeout_s=60)
    panel = page.locator(".netlearn-progress")
    expect(panel).to_contain_text("0 of 7 done")
    buttons = panel.locator(".netlearn-record")

    buttons.get_by_role("button", name="Download my record").click()
    link = buttons.locator('a[download^="netlearn-record-"]')
    expect(link).to_have_count(1)
    assert link.get_attribute("href").startswith("data:text/html;base64,")
    written = list(server.root_dir.glob("netlearn-record-*.html"))
    assert len(written) == 1 and "My learner record" in written[0].read_text(encoding="utf-8")

    with page.expect_file_chooser() as chooser:   # the upload button opens the browser's file picker
        buttons.get_by_role("button", name="Restore from a record").click()
    chooser.value.set_files(str(record))
    expect(buttons).to_contain_text("Restored from netlearn-record-from-binder.html")
    expect(panel).to_contain_text("2 of 7 done")          # q1 answered and q5 saved, from the record
    panel.scroll_into_view_if_needed()
    lab_harness.save_screenshot(page, "learner-record-restored")
    saved = json.loads(progress.read_text(encoding="utf-8"))
    assert saved["exercises"]["how_exercises_work.q1"]["correct"] is True
    assert saved["reflections"]["how_exercises_work.q5"]["text"].endswith("speaks </script>.")
