"""Survey answers read as Microsoft Forms (.xlsx) and Google Forms (.csv) export them.

The shipped examples in datasets/form_exports/ hold the same answers as the course's CSV files in
datasets/responses/, so reading them must give the same scores as read_responses; one score is also
worked by hand from the labels in the workbook. Each mistake a real export can hold is written into a
small workbook or CSV here (with openpyxl and the csv module, independently of the reader) and must
stop with a message naming the file, the row as the spreadsheet numbers it, the column by letter and
heading, and the fix.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from netlearn import DataError
from netlearn.diagnostics import (Item, load_instrument, read_form_export, read_responses, score_respondents)

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = ROOT / "datasets" / "form_exports"
RESPONSES = ROOT / "datasets" / "responses"
MICROSOFT = EXPORTS / "health_check_microsoft_forms.xlsx"
GOOGLE = EXPORTS / "curiosity_google_forms.csv"
ROLE = "Which of these best describes your role?"
COHORT = "Which cohort of the course are you in?"
HEALTH = load_instrument("network_health_check")


def cells(path):
    """Every sheet of a workbook as (title, rows of values), read with openpyxl."""
    book = openpyxl.load_workbook(path)
    return [(sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]) for sheet in book.worksheets]


def write_workbook(path, headings, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headings)
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    book.save(path)
    return path


def write_csv(path, headings, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(headings)
        writer.writerows(rows)
    return path


LABELS = {1: "Not true of our network", 2: "Rarely true", 3: "Sometimes true", 4: "Often true",
          5: "Very true of our network"}
# Three people's answers to every rating item of the health check (numbers), and one comment.
ANSWERS = [
    [5, 4, 5, 1, 5, 2, 4, 4, 3, 4, 2, 5, 1, 3, 4, 4, 2, 5, 3],
    [3, "", 2, 4, 1, 4, 2, 3, 3, 2, 4, 3, 4, 2, 2, 3, 5, "", 2],
    [4, 4, 4, 2, 3, 3, 5, 5, 4, 4, 1, 4, 2, 4, 3, 5, 1, 4, 4],
]
GROUPS = ["Trust A", "Council B", "Trust A"]
NAMES = [("ada.lovelace@example.org", "Ada Lovelace"), ("alan.turing@example.org", "Alan Turing"),
         ("grace.hopper@example.org", "Grace Hopper")]


def microsoft_layout(answers=ANSWERS):
    """Headings and rows as Microsoft Forms exports the health check: labels, Email and Name filled in."""
    headings = ["Id", "Start time", "Completion time", "Email", "Name", "Which organisation are you from?",
                *[i.wording for i in HEALTH.items]]
    rows = []
    for k, numbers in enumerate(answers):
        done = dt.datetime(2026, 11, 2, 9, 0) + dt.timedelta(minutes=17 * k)
        rows.append([k + 1, done - dt.timedelta(minutes=6), done, *NAMES[k], GROUPS[k],
                     *[LABELS[n] if n != "" else "" for n in numbers],
                     "More time to talk" if k == 0 else "", ""])
    return headings, rows


def microsoft_file(tmp_path, name="answers.xlsx", change=None):
    headings, rows = microsoft_layout()
    if change:
        change(headings, rows)
    return write_workbook(tmp_path / name, headings, rows)


def read_microsoft(path, **options):
    return read_form_export(path, HEALTH, group_column="Which organisation are you from?", **options)


def error_of(path, **options):
    with pytest.raises(DataError) as caught:
        read_microsoft(path, **options)
    return caught.value


# --------------------------------------------------------------------------- the shipped examples


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("form_exports")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_form_exports.py"), "--out", str(out)],
                            capture_output=True, text=True, cwd=str(ROOT))
    assert result.returncode == 0, result.stderr
    return out


def test_rebuilding_gives_the_same_csv_bytes_and_the_same_workbook_cells(rebuilt):
    assert sorted(p.name for p in rebuilt.iterdir()) == sorted(p.name for p in EXPORTS.iterdir() if p.suffix != ".md")
    assert (rebuilt / GOOGLE.name).read_bytes() == GOOGLE.read_bytes(), (
        "run `python scripts/build_form_exports.py` (or make datasets) and commit the result")
    fresh, committed = cells(rebuilt / MICROSOFT.name), cells(MICROSOFT)
    assert [title for title, _ in committed] == ["Sheet1"]
    assert fresh == committed, "the workbook's cells differ from a fresh build: run make datasets"


def test_examples_are_registered_and_have_a_data_card_saying_synthetic():
    package = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    found = {r["path"]: r for r in package["resources"] if r.get("dataset") == "form_exports"}
    assert set(found) == {"form_exports/" + MICROSOFT.name, "form_exports/" + GOOGLE.name}
    workbook = found["form_exports/" + MICROSOFT.name]
    assert workbook["format"] == "xlsx" and workbook["name"] == "form_exports-health_check_microsoft_forms"
    headings = cells(MICROSOFT)[0][1][0]
    assert [f["name"] for f in workbook["schema"]["fields"]] == headings
    assert all(f["description"].strip() for f in workbook["schema"]["fields"])
    ids = [row[0] for row in cells(MICROSOFT)[0][1][1:]]
    assert ids == list(range(1, 121)), "Id is the primary key: 1 to 120, never repeated"
    card = (EXPORTS / "README.md").read_text(encoding="utf-8")
    assert "synthetic" in card.lower() and MICROSOFT.name in card and GOOGLE.name in card
    assert "CC0-1.0" in card


def test_microsoft_example_gives_the_same_answers_and_scores_as_the_csv_file():
    exported = read_form_export(MICROSOFT, "network_health_check", group_column=ROLE)
    course = read_responses(RESPONSES / "health_check.csv", "network_health_check")
    assert len(exported) == 120 and exported.missing_items == ()
    pd.testing.assert_frame_equal(exported.answers.reset_index(drop=True), course.answers.reset_index(drop=True))
    pd.testing.assert_frame_equal(exported.text.reset_index(drop=True), course.text.reset_index(drop=True))
    assert exported.groups.tolist() == course.groups.tolist()
    pd.testing.assert_frame_equal(score_respondents(exported).reset_index(drop=True),
                                  score_respondents(course).reset_index(drop=True))
    assert exported.answers.index.tolist()[:3] == ["1", "2", "3"]
    assert exported.meta.loc["1", "saved_at"] == "2026-11-02 09:05:59"
    assert exported.meta["row"].tolist() == list(range(2, 122))


def test_google_example_gives_the_same_answers_and_scores_as_the_csv_file():
    exported = read_form_export(GOOGLE, "curiosity_practice", group_column=COHORT)
    course = read_responses(RESPONSES / "curiosity.csv", "curiosity_practice")
    pd.testing.assert_frame_equal(exported.answers.reset_index(drop=True), course.answers.reset_index(drop=True))
    assert exported.groups.tolist() == course.groups.tolist()
    pd.testing.assert_frame_equal(score_respondents(exported).reset_index(drop=True),
                                  score_respondents(course).reset_index(drop=True))
    assert exported.answers.index[0] == "row 2"
    assert exported.meta.loc["row 2", "saved_at"] == "2026/11/12 9:03:22 am GMT"


def test_a_score_worked_by_hand_from_the_labels_in_the_workbook():
    # Row 2 of the workbook (Id 1), purpose statements pu1 to pu6, as labels:
    row = cells(MICROSOFT)[0][1][1]
    assert row[6:12] == ["Very true of our network", "Often true", "Very true of our network",
                         "Not true of our network", "Very true of our network", "Rarely true"]
    # 5, 4, 5, 1, 5, 2; pu4 and pu6 are reverse-keyed (6 - x): 5, 4, 5, 5, 5, 4 -> 28 / 6.
    scores = score_respondents(read_form_export(MICROSOFT, "network_health_check", group_column=ROLE))
    assert scores.loc["1", "purpose"] == pytest.approx(28 / 6)


def test_email_and_name_are_never_kept():
    headings, rows = cells(MICROSOFT)[0][1][0], cells(MICROSOFT)[0][1][1:]
    personal = {row[3] for row in rows} | {row[4] for row in rows}
    assert headings[3:5] == ["Email", "Name"] and len(personal) == 240
    survey = read_form_export(MICROSOFT, "network_health_check", group_column=ROLE)
    kept = " ".join([repr(survey), survey.label, survey.answers.to_csv(), survey.text.to_csv(), survey.meta.to_csv()])
    assert not [value for value in personal if value in kept]
    assert "Email" not in kept and "Name" not in survey.meta.columns


# --------------------------------------------------------------------------- a round trip


def test_round_trip_of_a_microsoft_forms_workbook_written_with_openpyxl(tmp_path):
    survey = read_microsoft(microsoft_file(tmp_path))
    rating = [i.id for i in HEALTH.rating_items]
    expected = pd.DataFrame([[math.nan if v == "" else float(v) for v in numbers] for numbers in ANSWERS],
                            columns=rating, index=pd.Index(["1", "2", "3"], name="respondent", dtype=object))
    pd.testing.assert_frame_equal(survey.answers, expected)
    assert survey.text["tx1"].tolist() == ["More time to talk", "", ""]
    assert survey.groups.tolist() == GROUPS
    assert survey.meta["saved_at"].tolist() == ["2026-11-02 09:00:00", "2026-11-02 09:17:00", "2026-11-02 09:34:00"]
    assert survey.meta["row"].tolist() == [2, 3, 4] and survey.label == "answers.xlsx"
    kept = survey.meta.to_csv() + survey.text.to_csv() + repr(survey)
    assert not any(value in kept for pair in NAMES for value in pair)


def test_round_trip_of_a_google_forms_csv_with_a_grid_resaved_by_excel(tmp_path):
    headings = ["Timestamp", "Email address", "Which organisation are you from?",
                *[f"How true is each statement of our network? [{i.wording}]" for i in HEALTH.rating_items],
                *[i.wording for i in HEALTH.text_items]]
    rows = [[f"2026/11/0{k + 2} 10:1{k}:00 am GMT", NAMES[k][0], GROUPS[k],
             *[LABELS[n] if n != "" else "" for n in numbers], "Zoë's idea, with a comma" if k == 2 else "", ""]
            for k, numbers in enumerate(ANSWERS)]
    path = write_csv(tmp_path / "answers.csv", headings, rows, encoding="utf-8-sig")
    survey = read_microsoft(path)
    assert survey.answers.index.tolist() == ["row 2", "row 3", "row 4"]
    assert survey.answers.loc["row 3"].isna().sum() == 2 and survey.answers.loc["row 2", "pu1"] == 5
    assert survey.text.loc["row 4", "tx1"] == "Zoë's idea, with a comma"
    assert not any(NAMES[k][0] in survey.meta.to_csv() for k in range(3))


def test_wording_is_matched_forgiving_case_spaces_quotes_and_end_punctuation_and_numbers_are_read(tmp_path):
    def retype(headings, rows):
        for k, heading in enumerate(headings):
            if heading == HEALTH.item("pu6").wording:  # "The network's purpose ..."
                headings[k] = ("  THE NETWORK\u2019S PURPOSE FEELS AS IF IT BELONGS TO A FEW PEOPLE RATHER THAN "
                               "TO ALL OF US!")
            elif heading == HEALTH.item("fo1").wording:
                headings[k] = "I know how decisions get made in the network"
            elif heading == HEALTH.item("tx1").wording:
                headings[k] = "What one change would make this network more useful to you"
        rows[1][6] = 3  # a number instead of a label ("Sometimes true")
    survey = read_microsoft(microsoft_file(tmp_path, change=retype))
    assert survey.answers.loc["1", "pu6"] == 2 and survey.answers.loc["1", "fo1"] == 3
    assert survey.answers.loc["2", "pu1"] == 3 and survey.text.loc["1", "tx1"] == "More time to talk"


def test_ignore_skips_another_question_and_blank_rows_keep_spreadsheet_numbers(tmp_path):
    headings, rows = microsoft_layout()
    headings.append("I agree to take part")
    for row in rows:
        row.append("Yes")
    path = tmp_path / "answers.xlsx"
    write_workbook(path, headings, [rows[0], [""] * len(headings), rows[1], rows[2]])
    survey = read_microsoft(path, ignore=["I agree to take part."])
    assert survey.meta["row"].tolist() == [2, 4, 5]


# --------------------------------------------------------------------------- each mistake, located


def letter_of(heading):
    return openpyxl.utils.get_column_letter(microsoft_layout()[0].index(heading) + 1)


def test_an_unknown_label_names_file_row_column_and_the_scale(tmp_path):
    def change(headings, rows):
        rows[1][6] = "Sometimes tru"
        rows[2][6] = "Sometimes tru"
    err = error_of(microsoft_file(tmp_path, change=change))
    wording = HEALTH.item("pu1").wording
    assert (err.file, err.row, err.column) == ("answers.xlsx", 3, f"G ({wording})")
    assert err.more_rows == [4]
    text = str(err)
    assert text.startswith(f"answers.xlsx, row 3, column 'G ({wording})': 'Sometimes tru' is not one of the scale's "
                           "answers")
    assert "Did you mean 'Sometimes true'?" in text and "3 = 'Sometimes true'" in text
    assert "How to fix it:" in text and "blank it" in text


def test_an_unmatched_statement_names_the_column_and_suggests_the_closest(tmp_path):
    def change(headings, rows):
        headings[headings.index(HEALTH.item("fo1").wording)] = "I know how decisions are taken in the network."
    err = error_of(microsoft_file(tmp_path, change=change))
    letter = letter_of(HEALTH.item("fo1").wording)
    assert (err.file, err.row, err.column) == ("answers.xlsx", 1,
                                               f"{letter} (I know how decisions are taken in the network.)")
    assert "is not a statement of 'network_health_check'" in str(err)
    assert "The closest statement is 'I know how decisions get made in the network.' (item fo1)" in err.fix
    assert "ignore=" in err.fix and "group_column=" in err.fix


def test_a_duplicated_statement_names_both_columns(tmp_path):
    def change(headings, rows):
        headings.append(HEALTH.item("pu6").wording.replace("'", "\u2019").upper())
        for row in rows:
            row.append("Often true")
    err = error_of(microsoft_file(tmp_path, change=change))
    first = letter_of(HEALTH.item("pu6").wording)
    assert (err.file, err.row) == ("answers.xlsx", 1) and err.column.startswith("AB (THE NETWORK\u2019S PURPOSE")
    assert f"which column {first} ({HEALTH.item('pu6').wording}) holds already" in str(err)
    assert "delete the column" in err.fix


def test_a_missing_item_says_where_it_belongs(tmp_path):
    def change(headings, rows):
        k = headings.index(HEALTH.item("fu3").wording)
        del headings[k]
        for row in rows:
            del row[k]
    err = error_of(microsoft_file(tmp_path, change=change))
    before = HEALTH.item("fu2").wording
    assert (err.file, err.row, err.column) == ("answers.xlsx", 1, f"{letter_of(before)} ({before})")
    assert "no column holds the statement 'I have shared something from my own work with other members.'" in str(err)
    assert "after this column" in str(err) and "allow_missing=True" in err.fix
    survey = read_microsoft(microsoft_file(tmp_path, "partial.xlsx", change=change), allow_missing=True)
    assert survey.missing_items == ("fu3",) and survey.answers["fu3"].isna().all()


def test_a_heading_that_could_be_two_statements_is_refused_not_guessed(tmp_path):
    twin = Item("pu7", HEALTH.item("pu1").wording.rstrip(".") + "!", "purpose")
    instrument = dataclasses.replace(HEALTH, items=(*HEALTH.items, twin))
    with pytest.raises(DataError) as caught:
        read_form_export(microsoft_file(tmp_path), instrument, group_column="Which organisation are you from?")
    err = caught.value
    assert (err.row, err.column) == (1, f"G ({HEALTH.item('pu1').wording})")
    assert "could be any of 2 statements" in str(err) and "pu1" in str(err) and "pu7" in str(err)
    assert "It is not guessed" in str(err) and "differ" in err.fix


def test_a_repeated_id_names_both_rows(tmp_path):
    def change(headings, rows):
        rows[2][0] = 2
    err = error_of(microsoft_file(tmp_path, change=change))
    assert (err.file, err.row, err.column) == ("answers.xlsx", 4, "A (Id)")
    assert "Id 2 is also the Id of row 3" in str(err) and "delete the repeated row" in err.fix


@pytest.mark.parametrize("name, hint", [("answers.xls", "Excel Workbook (.xlsx)"), ("answers.ods", ".xlsx"),
                                        ("answers.txt", "Download responses")])
def test_a_wrong_file_type_says_which_file_to_download(tmp_path, name, hint):
    path = tmp_path / name
    path.write_bytes(b"not a survey export")
    err = error_of(path)
    assert err.file == name and err.row is None and err.column is None  # nothing in it is read
    assert "is not a Microsoft Forms or Google Forms export" in str(err)
    assert hint in err.fix and "Open in Excel" in err.fix


def test_a_file_named_xlsx_that_is_no_workbook_is_a_plain_error(tmp_path):
    path = tmp_path / "answers.xlsx"
    path.write_text("Id,Email\n1,a@example.org\n")
    err = error_of(path)
    assert err.file == "answers.xlsx" and "cannot be read as an Excel workbook" in str(err)
    assert "Open in Excel" in err.fix


def test_group_column_must_exist_and_may_not_be_a_personal_column(tmp_path):
    path = microsoft_file(tmp_path)
    with pytest.raises(DataError) as caught:
        read_form_export(path, HEALTH, group_column="Which organization are you from?")
    assert caught.value.row == 1 and "Did you mean 'Which organisation are you from?'" in caught.value.fix
    with pytest.raises(DataError) as caught:
        read_form_export(path, HEALTH, group_column="Email")
    assert "never read" in str(caught.value)


def test_a_maturity_matrix_is_sent_to_read_matrix(tmp_path):
    with pytest.raises(ValueError, match="read_matrix"):
        read_form_export(microsoft_file(tmp_path), "network_maturity_matrix")


def test_a_title_typed_above_the_headings_is_named_with_its_row(tmp_path):
    headings, rows = microsoft_layout()
    path = write_workbook(tmp_path / "answers.xlsx", ["Health check, November"], [headings, *rows])
    err = error_of(path)
    assert (err.file, err.row) == ("answers.xlsx", 1) and "looks like a title" in str(err)
    assert "delete row 1" in err.fix


def test_two_columns_with_the_same_form_heading_are_refused(tmp_path):
    def change(headings, rows):
        headings.append("Completion time")
        for row in rows:
            row.append(dt.datetime(2026, 11, 3))
    err = error_of(microsoft_file(tmp_path, change=change))
    assert (err.row, err.column) == (1, "AB (Completion time)") and "column C (Completion time)" in str(err)


def test_a_mistake_in_a_google_forms_csv_is_named_by_row_and_column_letter(tmp_path):
    text = GOOGLE.read_text(encoding="utf-8").splitlines()
    headings = next(csv.reader([text[0]]))
    rows = [next(csv.reader([line])) for line in text[1:]]
    rows[9][4] = "Somewhat like me"          # row 11 of the spreadsheet, column E
    headings[7] = headings[7].replace("[", "[A ")  # column H's statement no longer matches
    path = write_csv(tmp_path / "curiosity.csv", headings, rows)
    with pytest.raises(DataError) as caught:
        read_form_export(path, "curiosity_practice", group_column=COHORT)
    assert caught.value.row == 1 and caught.value.column == f"H ({headings[7]})"
    headings[7] = headings[7].replace("[A ", "[")
    write_csv(path, headings, rows)
    with pytest.raises(DataError) as caught:
        read_form_export(path, "curiosity_practice", group_column=COHORT)
    err = caught.value
    assert (err.file, err.row, err.column) == ("curiosity.csv", 11, f"E ({headings[4]})")
    assert "'Somewhat like me' is not one of the scale's answers" in str(err) and "7 = 'Exactly like me'" in err.fix
