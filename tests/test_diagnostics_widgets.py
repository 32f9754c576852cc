"""Headless tests of the diagnostics widgets (set values in Python, click buttons) and of the charts' data."""

from __future__ import annotations

import html
import os
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from netlearn import DataError  # noqa: E402
from netlearn.diagnostics import (append_rows, item_distribution, likert_chart, load_instrument,  # noqa: E402
                                  matrix_heatmap, on_temporary_server, radar_chart, read_matrix, read_responses,
                                  self_assessment, table_conversation, table_radar, workshop_view)
from netlearn.diagnostics import saving, widgets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESPONSES = ROOT / "datasets" / "responses"


@pytest.fixture(autouse=True)
def _no_binder_and_no_leaks(monkeypatch):
    for name in saving.TEMPORARY_SERVER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    before = set(plt.get_fignums())
    yield
    assert set(plt.get_fignums()) == before, "a chart was left open in pyplot"


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def csv_files(folder):
    return sorted(p.name for p in Path(folder).glob("*.csv"))


# --------------------------------------------------------------------------- self-assessment: live summary


def test_survey_controls_are_labelled_and_the_summary_follows_the_answers():
    form = self_assessment("network_health_check", chart=False)
    inst = form.instrument
    assert list(form.controls) == [i.id for i in inst.items]
    assert all(c.description for c in form.controls.values())
    assert all(c.tooltip == inst.item(key).wording for key, c in form.controls.items())
    assert "Purpose: not answered yet" in form.summary
    form.set_answer("pu1", 5)
    form.set_answer("pu4", 2)  # reverse-keyed: counts as 4
    assert form.chart_data["current"]["purpose"] == 4.5
    assert "Purpose: 4.5 (2 of 6 answered)" in form.summary
    assert "Purpose: 4.5" in form.summary_html.value and 'aria-live="polite"' in form.summary_html.value
    form.set_answer("pu4", None)
    assert form.chart_data["current"]["purpose"] == 5.0


def test_the_radar_redraws_with_the_answers():
    form = self_assessment("curiosity_practice")
    form.set_answer("je1", 6)
    form.set_answer("st1", 2)  # 7 + 1 - 2 = 6
    line = form.figure.axes[0].lines[0]
    assert [float(v) for v in line.get_ydata()[:3]] == [6.0, pytest.approx(float("nan"), nan_ok=True), 6.0]
    assert form.figure.axes[0].get_title() == "Your answers"
    assert "lowest Joyous exploration (6)" in form.figure.text_summary


def test_matrix_self_assessment_has_now_and_target_and_shows_the_level_descriptor():
    form = self_assessment("network_maturity_matrix")
    inst = form.instrument
    assert len(form.controls) == 2 * len(inst.dimensions)
    assert form.controls["purpose"].description == "Shared purpose: now"
    form.set_answer("purpose", 2)
    form.set_answer("purpose", 4, part="target")
    form.set_answer("impact", 1)
    assert form.chart_data["current"]["purpose"] == 2.0 and form.chart_data["target"]["purpose"] == 4.0
    assert inst.levels["purpose"][2][:30] in form._descriptors["purpose"].value
    assert form.summary.startswith("2 of 8 dimensions scored.")
    assert "Largest gap to your target: Shared purpose (+2)." in form.summary
    ys = [float(v) for v in form.figure.axes[0].lines[1].get_ydata()]
    assert ys[0] == 4.0  # the target line starts at purpose
    with pytest.raises(KeyError):
        form.set_answer("purpos", 2)


# --------------------------------------------------------------------------- saving


def test_save_click_writes_the_right_row_to_my_responses(in_tmp):
    form = self_assessment("network_health_check", respondent="r-7", group="manager", chart=False)
    form.set_answer("pu1", 4)
    form.set_answer("fo4", 2)
    form.set_answer("tx1", "More time to talk, please")
    form.save_button.click()
    assert "Saved to" in form.status.value and "download" not in form.status.value.lower()
    [name] = csv_files(in_tmp / "my_responses")
    assert name.startswith("network_health_check_") and "r-7" not in name
    answers = read_responses(in_tmp / "my_responses", "network_health_check")
    assert answers.answers.loc["r-7", ["pu1", "fo4"]].tolist() == [4.0, 2.0]
    assert answers.text.loc["r-7", "tx1"] == "More time to talk, please"
    assert answers.meta.loc["r-7", "group"] == "manager" and answers.meta.loc["r-7", "session"] == form.session


def test_saving_twice_keeps_both_saves_and_the_earlier_bytes(in_tmp):
    form = self_assessment("network_health_check", respondent="r1", chart=False)
    form.set_answer("pu1", 2)
    first = form.save()
    before = first.read_bytes()
    form.set_answer("pu1", 5)
    second = form.save()
    assert second == first and second.read_bytes().startswith(before)
    data = pd.read_csv(second, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert data["pu1"].tolist() == ["2", "5"]
    latest = read_responses(in_tmp / "my_responses", "network_health_check", keep="last")
    assert latest.answers.loc["r1", "pu1"] == 5.0 and latest.superseded == 1
    assert not [p for p in (in_tmp / "my_responses").iterdir() if p.name.startswith(".")], "temporary file left"


def test_a_new_session_after_a_restart_loses_nothing(in_tmp):
    first = self_assessment("curiosity_practice", respondent="me", chart=False)
    first.set_answer("je1", 3)
    old = first.save()
    old_bytes = old.read_bytes()
    del first  # as after a kernel restart
    second = self_assessment("curiosity_practice", respondent="me", chart=False)
    second.set_answer("je1", 6)
    new = second.save()
    assert new != old and old.read_bytes() == old_bytes
    assert len(csv_files(in_tmp / "my_responses")) == 2


def test_an_existing_file_is_never_overwritten(in_tmp, monkeypatch):
    folder = in_tmp / "my_responses"
    folder.mkdir()
    stamp = "20240101-090000"
    taken = folder / f"network_health_check_{stamp}_aaaaaa.csv"
    taken.write_text("somebody else's file\n")
    other = folder / "notes.csv"
    other.write_text("keep me\n")
    codes = iter(["aaaaaa", "aaaaaa", "bbbbbb"])
    monkeypatch.setattr(saving.secrets, "token_hex", lambda n: next(codes))

    class Frozen(saving.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2024, 1, 1, 9, 0, 0)

    monkeypatch.setattr(saving, "datetime", Frozen)
    form = self_assessment("network_health_check", respondent="r1", chart=False)
    form.set_answer("pu1", 3)
    path = form.save()
    assert path.name == f"network_health_check_{stamp}_bbbbbb.csv"
    assert taken.read_text() == "somebody else's file\n" and other.read_text() == "keep me\n"


def test_append_rows_refuses_other_columns_and_create_only(tmp_path):
    path = append_rows(tmp_path / "a.csv", ["x", "y"], [[1, 2]])
    with pytest.raises(ValueError, match="different columns"):
        append_rows(path, ["x", "z"], [[1, 2]])
    with pytest.raises(FileExistsError):
        append_rows(path, ["x", "y"], [[3, 4]], create_only=True)
    assert path.read_text(encoding="utf-8-sig") == "x,y\n1,2\n"


def test_nothing_to_save_and_a_folder_of_ones_choice(in_tmp):
    form = self_assessment("network_health_check", chart=False)
    form.save_button.click()
    assert "nothing to save" in form.status.value
    form.set_answer("fu1", 4)
    form.folder_box.value = str(in_tmp / "elsewhere" / "answers")
    form.save_button.click()
    assert len(csv_files(in_tmp / "elsewhere" / "answers")) == 1 and not (in_tmp / "my_responses").exists()


def test_matrix_save_writes_long_rows_that_read_matrix_reads(in_tmp):
    form = self_assessment("network_maturity_matrix", table="Table 9", respondent="m1", chart=False)
    form.set_answer("purpose", 3)
    form.set_answer("purpose", 4, part="target")
    form.set_answer("impact", 1)
    form.save()
    scores = read_matrix(in_tmp / "my_responses").scores
    assert scores[["table", "member", "dimension"]].values.tolist() == [["Table 9", "m1", "purpose"],
                                                                         ["Table 9", "m1", "impact"]]
    assert scores["target"].isna().tolist() == [False, True]


def test_on_binder_the_note_and_a_download_link_appear(in_tmp):
    form = self_assessment("network_health_check", chart=False, environ={"BINDER_SERVICE_HOST": "10.1.2.3"})
    form.set_answer("pu1", 4)
    form.save_button.click()
    assert "temporary online session" in form.status.value
    assert 'href="data:text/csv;base64,' in form.status.value and "download=" in form.status.value
    assert on_temporary_server({"JUPYTERHUB_SERVICE_PREFIX": "/user/x/"})
    assert not on_temporary_server({})


# --------------------------------------------------------------------------- workshop view


def test_workshop_view_of_a_folder_of_saved_matrix_files(in_tmp):
    for table, levels in (("T1", (2, 3)), ("T2", (3, 3)), ("T3", (1, 4))):
        for k, level in enumerate(levels):
            form = self_assessment("network_maturity_matrix", table=table, respondent=f"{table}-{k}", chart=False)
            form.set_answer("purpose", level)
            form.set_answer("purpose", 4, part="target")
            form.save()
            if k == 0:
                form.set_answer("purpose", level + 1)  # changed their mind: saved again
                form.save()
    view = workshop_view("network_maturity_matrix")
    assert view.error is None
    assert view.summary_text.startswith("3 tables, 6 members.")
    assert "3 earlier saved answer(s) were replaced" in view.summary_text
    purpose = view.summary.set_index("dimension").loc["purpose"]
    # Recorded (lowest of the latest answers): T1 min(3, 3) = 3, T2 3, T3 min(2, 4) = 2: median 3.
    assert purpose["median_recorded"] == 3.0 and purpose["tables"] == 3
    assert view.figure.axes[0].collections[0].get_array().reshape(3, 1).tolist() == [[3.0], [3.0], [2.0]]


def test_workshop_view_of_the_health_check_suppresses_the_small_group():
    view = workshop_view("network_health_check", RESPONSES / "health_check.csv")
    assert view.summary_text.startswith("120 respondents.")
    assert "patient or carer" in view.summary_text
    small = view.summary[view.summary["group"] == "patient or carer"]
    assert all(isinstance(v, str) for v in small.drop(columns=["group", "dimension"]).to_numpy().ravel())
    assert "respondent" not in view.comments.columns and "group" not in view.comments.columns
    assert view.figure.text_summary.startswith("Diverging bar chart of 19 items")


def test_workshop_view_shows_a_reading_error_instead_of_raising(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("respondent,pu1\nr1,9\n")
    view = workshop_view("network_health_check", bad)
    assert isinstance(view.error, DataError) and view.error.row == 2
    assert "Could not read the answers" in view.status.value and "row 2" in view.status.value
    view.path_box.value = str(RESPONSES / "health_check.csv")
    view.load_button.click()
    assert view.error is None and view.summary is not None


# --------------------------------------------------------------------------- charts


def test_radar_values_title_and_summary():
    fig = radar_chart({"a": 1, "b": 3, "c": 2, "d": 4}, {"a": 3, "b": 3, "c": 4, "d": 5}, title="T",
                      labels={"a": "Alpha", "c": "Gamma"})
    ax = fig.axes[0]
    assert ax.get_title() == "T"
    assert [float(v) for v in ax.lines[0].get_ydata()] == [1, 3, 2, 4, 1]
    assert [float(v) for v in ax.lines[1].get_ydata()] == [3, 3, 4, 5, 3]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Alpha", "b", "Gamma", "d"]
    assert fig.text_summary == ("Radar chart of 4 dimensions on a 1 to 5 scale. Now: lowest Alpha (1), highest d (4). "
                                "Target: largest gap Alpha (+2).")
    with pytest.raises(ValueError):
        radar_chart({"a": 1, "b": 2})


def test_table_radar_draws_recorded_levels_and_targets():
    talk = table_conversation(read_matrix(RESPONSES / "matrix_workshop.csv"))
    fig = table_radar(talk, "Table 4")
    part = talk[talk["table"] == "Table 4"]
    ys = [float(v) for v in fig.axes[0].lines[0].get_ydata()[:-1]]
    assert ys == part["recorded"].astype(float).tolist()
    assert fig.axes[0].get_title() == "Table 4: recorded level now and target"


def test_likert_bars_are_the_shares_and_the_middle_is_centred_on_zero():
    # fu1: answers 1, 3, 4, 5, 5 -> 20% at 1, 20% at 3, 20% at 4, 40% at 5.
    frame = pd.DataFrame({"respondent": list("abcde"), "fu1": [1, 3, 4, 5, 5], "fu5": [1, 1, 2, 2, 3]})
    r = read_responses(frame, "network_health_check")
    fig = likert_chart(r, title="Test items")
    ax = fig.axes[0]
    assert ax.get_title() == "Test items"
    widths = [[round(b.get_width()) for b in container] for container in ax.containers]
    lefts = [[round(b.get_x()) for b in container] for container in ax.containers]
    # Bars are drawn per scale point; within each, fu1 first, then fu5.
    assert widths == [[20, 40], [0, 40], [20, 20], [20, 0], [40, 0]]
    # fu1: the 20% neutral spans -10..10; 1 sits left of it at -30..-10; 4 starts at 10, 5 at 30.
    assert lefts[2] == [-10, -10] and lefts[0][0] == -30 and lefts[3][0] == 10 and lefts[4][0] == 30
    # fu5: 1 and 2 (40% each) left of the -10..10 neutral: 1 from -90, 2 from -50.
    assert lefts[0][1] == -90 and lefts[1][1] == -50
    assert fig.text_summary.startswith("Diverging bar chart of 2 items (5 answers each). Most answers above the "
                                       "middle: fu1 (60%); fewest: fu5 (0%).")
    assert "(R)" in ax.get_yticklabels()[1].get_text()
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()][0] == "1 Not true of our network"


def test_likert_with_everything_suppressed_says_so():
    r = read_responses(pd.DataFrame({"respondent": ["a", "b"], "fu1": [1, 2]}), "network_health_check")
    fig = likert_chart(r)
    assert "suppressed" in fig.text_summary and not fig.axes[0].containers
    assert item_distribution(r).attrs["suppressed"] == ["fu1"]


def test_heatmap_draws_tables_by_dimensions():
    talk = table_conversation(read_matrix(RESPONSES / "matrix_workshop.csv"))
    fig = matrix_heatmap(talk)
    grid = fig.axes[0].collections[0].get_array()   # seaborn's heatmap: one cell per table and dimension
    assert grid.size == 40
    grid = grid.reshape(5, 8)
    expected = talk.pivot(index="table", columns="dimension", values="recorded")
    first = [float(v) for v in expected.loc["Table 1", load_instrument("network_maturity_matrix").dimension_ids]]
    assert [float(v) for v in grid[0]] == first
    assert fig.axes[0].get_title() == "Each table's recorded levels"
    assert fig.text_summary.startswith("Heatmap of recorded levels at 5 tables on 8 dimensions.")
    gap = matrix_heatmap(talk, value="gap")
    assert gap.axes[0].get_title() == "Each table's gaps (target minus recorded)"
    with pytest.raises(ValueError):
        matrix_heatmap(talk, value="mean")


def test_charts_stay_out_of_pyplot_and_render():
    fig = radar_chart({"a": 1, "b": 2, "c": 3})
    assert plt.get_fignums() == []
    fig.canvas.draw()  # renders without a display


def test_output_is_shown_only_in_a_kernel(capsys):
    form = self_assessment("network_maturity_matrix")
    form.set_answer("purpose", 3)
    assert capsys.readouterr().out == "" and not widgets._in_kernel()
    assert os.environ.get("BINDER_SERVICE_HOST") is None


def _pictures_shown(monkeypatch):
    """Run the widgets as in a kernel and collect what they display: (PNG bytes, alt text) per picture."""
    import base64
    import html as html_module
    import re

    from IPython import display as ipython_display

    shown = []
    monkeypatch.setattr(widgets, "_in_kernel", lambda: True)
    monkeypatch.setattr(ipython_display, "display", lambda obj: shown.append(obj))

    def pictures():
        found = []
        for obj in shown:
            assert not isinstance(obj, ipython_display.Image), "a picture without alt text"
            text = getattr(obj, "data", "")
            for src, alt in re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]*)"', text):
                found.append((base64.b64decode(src), html_module.unescape(alt)))
        shown.clear()
        return found
    return pictures


def test_the_self_assessment_radar_carries_its_summary_as_alt_text_and_is_drawn_once(monkeypatch):
    """The kept radar pictures were shown as bare PNG images: a screen reader heard nothing of the chart."""
    pictures = _pictures_shown(monkeypatch)
    form = self_assessment("network_maturity_matrix")
    pictures()
    form.set_answer("purpose", 2)
    form.set_answer("purpose", 4, part="target")
    pictures()
    form.set_answer("membership", 3)
    (first, alt), = pictures()                              # one picture per change
    assert first.startswith(b"\x89PNG")
    assert alt == form.figure.text_summary
    assert alt.startswith("Radar chart of 8 dimensions on a 1 to 5 scale. Now: lowest")
    assert "Shared purpose (2)" in alt and "highest Membership and diversity (3)" in alt
    form.set_answer("membership", 5)
    pictures()
    drawn = []
    monkeypatch.setattr(widgets, "figure_png_in_frame", lambda *a, **k: drawn.append(a) or b"")
    form.set_answer("membership", 3)                        # back to a chart already drawn
    (again, alt_again), = pictures()
    assert drawn == [] and again == first and alt_again == alt   # the kept picture, with its words


def test_the_workshop_view_heatmap_carries_its_summary_as_alt_text(monkeypatch):
    pictures = _pictures_shown(monkeypatch)
    view = workshop_view("network_maturity_matrix", RESPONSES / "matrix_workshop.csv")
    (png, alt), = pictures()
    assert png.startswith(b"\x89PNG") and alt == view.figure.text_summary and alt
    view.load(RESPONSES / "matrix_workshop.csv")            # the same file again: shown from what was kept
    assert pictures() == [(png, alt)]


def test_workshop_view_shows_tables_in_words_not_column_names():
    """Seen in notebook 08: the room summary appeared with headings such as median_recorded, cut off at the right."""
    from netlearn.display import LearnerTable

    view = workshop_view("network_maturity_matrix", RESPONSES / "matrix_workshop.csv")
    table, figure, guides = view._load_matrix(RESPONSES / "matrix_workshop.csv")
    assert isinstance(table, LearnerTable)
    assert table.columns[:3] == ["dimension", "tables", "middle level recorded (median)"]
    assert not [c for c in table.columns if "_" in c]
    first = table.frame.iloc[0]
    assert (first["dimension"], first["tables"], first["tables choosing it as a priority"]) == ("Shared purpose", 5, 4)
    assert "<pre>" not in guides and guides.count("Table 1 (6 members)") == 1
    survey = workshop_view("network_health_check", RESPONSES / "health_check.csv")
    shown = survey._load_survey(RESPONSES / "health_check.csv")
    assert shown[0].columns[:4] == ["group", "dimension", "people", "average (1 to 5)"]
    assert set(shown[0].frame["dimension"]) == {d.name for d in load_instrument("network_health_check").dimensions}
    assert shown[-1].columns == ["question asked", "comment"]


def test_button_labels_are_never_cut_off():
    """Seen in 08: 'Save my answ…' and 'Load the room'…' (ipywidgets buttons default to a fixed width)."""
    form = self_assessment("network_maturity_matrix", chart=False)
    view = workshop_view("network_maturity_matrix", RESPONSES / "matrix_workshop.csv")
    assert form.save_button.layout.width == "max-content" == view.load_button.layout.width


@pytest.mark.parametrize("name", ["network_maturity_matrix", "network_health_check", "curiosity_practice"])
def test_the_instrument_note_is_shown_whole(name):
    """Seen in 08: the note was cut at 400 characters, hiding 'The questions have not been validated'."""
    form = self_assessment(name, chart=False)
    note = load_instrument(name).notes
    shown = [child for child in form.widget.children if hasattr(child, "value") and "<h3>" in str(child.value)]
    assert shown and html.escape(note) in shown[0].value and "..." not in shown[0].value
