"""The facilitator's table-entry view in a real JupyterLab, driven with the keyboard.

The test writes a two-cell notebook (the setup line of notebook 08 and the cell that shows the view)
into the server's copy of the notebooks, runs it, then types three tables' reports the way a trainer
does while tables report back: Tab between boxes, Enter on the table buttons. It checks that the room
summary appears once three tables have reported, with the figures worked out by hand, that a bad
level gets a plain message, and that the record was saved to a new file.
"""

from __future__ import annotations

import re

import nbformat
import pytest

import lab_harness

NOTEBOOK = "table_entry_check.ipynb"

#: The code of the view's cell (the same as the cell proposed for notebook 08).
VIEW_CELL = "from netlearn.diagnostics import table_entry_view\n\ntable_entry_view(matrix_instrument, tables=4)"


def _write_notebook(folder):
    kernelspec = nbformat.read(lab_harness.REPO_ROOT / "notebooks" / "08_diagnostics.ipynb", as_version=4) \
        .metadata.get("kernelspec")
    nb = nbformat.v4.new_notebook()
    if kernelspec:
        nb.metadata["kernelspec"] = kernelspec
    nb.cells = [nbformat.v4.new_markdown_cell("# The table-entry view"),
                nbformat.v4.new_code_cell('from netlearn.diagnostics import load_instrument\n\n'
                                          'matrix_instrument = load_instrument("network_maturity_matrix")'),
                nbformat.v4.new_code_cell(VIEW_CELL)]
    nbformat.write(nb, folder / NOTEBOOK)


@pytest.mark.browser
def test_typing_tables_reports_updates_the_room_summary(fresh_lab, page):
    from playwright.sync_api import expect

    _write_notebook(fresh_lab.root_dir)
    run = lab_harness.run_notebook_in_lab(page, fresh_lab, NOTEBOOK, timeout_s=60)
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    lab_harness.widget_outputs(page)          # no widget failed to render

    view = page.locator(".netlearn-table-entry")
    expect(view).to_have_count(1)
    expect(view).to_contain_text("The course's own maturity matrix")
    expect(view).to_contain_text("0 of 4 tables have reported")
    status = view.locator(".netlearn-entry-status").first
    purpose = view.get_by_label("Shared purpose", exact=True)

    def report(table, levels, target):
        """Choose the table with the keyboard (focus its button, Enter), then type levels, Tab, target, Tab."""
        button = view.get_by_role("button", name=table, exact=True)
        button.focus()
        page.keyboard.press("Enter")
        expect(view).to_contain_text(f"Entering: {table}")
        expect(purpose).to_have_value("")             # the boxes show the new table's (empty) report
        purpose.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(levels)
        page.keyboard.press("Tab")            # moves to the target box and confirms the levels
        expect(status).to_contain_text(f"{table}, Shared purpose: recorded at level")
        page.keyboard.type(target)
        page.keyboard.press("Tab")            # moves to the priority tick box and confirms the target
        expect(status).to_contain_text(f"target {target}")

    purpose.scroll_into_view_if_needed()
    report("Table 1", "2-4", "4")
    expect(status).to_have_text("Table 1, Shared purpose: recorded at level 2 (members said 2 to 4), target 4.")
    expect(view).to_contain_text("2 (said 2 to 4) → 4")
    expect(view).to_contain_text("Waiting for more tables on: Shared purpose")
    page.keyboard.press("Space")              # focus is on Table 1's priority box: tick it
    expect(status).to_contain_text("target 4, a priority.")
    expect(view.get_by_label("Shared purpose: priority")).to_be_checked()     # each box names its dimension
    expect(view.get_by_label("Shared purpose: target")).to_have_value("4")

    report("Table 2", "3", "4")
    report("Table 3", "1, 3", "3")
    # Recorded levels 2, 3 and 1: median 2, lowest 1, highest 3; gaps 2, 1, 2: median 2; one table chose it.
    expect(view).to_contain_text("3 of 4 tables have reported")
    summary = view.locator("table.netlearn-table")
    expect(summary).to_have_count(1)
    row = summary.locator("tbody tr").filter(has_text="Shared purpose")
    expect(row.locator("td")).to_have_text(["Shared purpose", "3", "2", "1", "3", "1", "2", "1"])
    expect(view).not_to_contain_text("Waiting for more tables")
    expect(view).to_contain_text("Table 3: Shared purpose (members said 1 to 3)")
    lab_harness.save_screenshot(page, "table_entry-room-summary")

    # A level the matrix does not have: a plain message, and the room is unchanged.
    report_button = view.get_by_role("button", name="Table 4", exact=True)
    report_button.focus()
    page.keyboard.press("Enter")
    expect(view).to_contain_text("Entering: Table 4")
    expect(purpose).to_have_value("")
    purpose.focus()
    page.keyboard.type("seven")
    page.keyboard.press("Tab")
    expect(status).to_have_text("That entry was not recorded. Table 4, Shared purpose: 'seven' is not a level. "
                                "Type each level as a number from 1 to 5 (Emerging to Generative).")
    expect(view).to_contain_text("3 of 4 tables have reported")
    expect(view).to_contain_text(re.compile(r"Saved to my_responses/network_maturity_matrix_room_\S+\.csv \(7 saves\)"))
    saved = sorted((fresh_lab.root_dir / "my_responses").glob("network_maturity_matrix_room_*.csv"))
    assert len(saved) == 1
    lines = saved[0].read_text(encoding="utf-8-sig").splitlines()
    # saved after each confirmed box (Table 1: levels, target, tick; Tables 2 and 3: levels, target), never
    # after the refused entry; the 7th snapshot holds the three reports and a row for Table 4
    assert [line.split(",")[0] for line in lines[1:]].count("7") == 4
