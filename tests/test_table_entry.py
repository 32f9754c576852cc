"""The facilitator's table-entry view: typing what tables report, the room summary it gives, saving and reloading.

Expected values are worked out by hand in each test (the lower-score rule, medians and quartiles
of a few recorded levels), not read back from the code under test.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from netlearn import DataError
from netlearn.diagnostics import (EntryError, RoomEntries, TableReport, load_entries, load_instrument, read_matrix,
                                  room_summary, saving, table_conversation, table_entry_view)
from netlearn.diagnostics.table_entry import ENTRY_COLUMNS, newest_record, parse_levels, parse_target
from netlearn.diagnostics.table_entry_widget import room_grid_html

SCALE = load_instrument("network_maturity_matrix").scale


@pytest.fixture(autouse=True)
def _not_on_binder(monkeypatch):
    for name in saving.TEMPORARY_SERVER_VARIABLES:
        monkeypatch.delenv(name, raising=False)


# --- what the facilitator types ---------------------------------------------------------------


@pytest.mark.parametrize("typed, levels", [
    ("3", (3,)), (" 3 ", (3,)), (3, (3,)), ("2-4", (2, 4)), ("2 - 4", (2, 4)), ("2–4", (2, 4)),
    ("2 to 4", (2, 4)), ("4 to 2", (4, 2)), ("2, 3, 4", (2, 3, 4)), ("2 3 3", (2, 3, 3)), ("1; 5", (1, 5)),
    ("2 and 3", (2, 3)), ("", None), ("   ", None), (None, None),
])
def test_levels_are_read_as_a_person_types_them(typed, levels):
    assert parse_levels(typed, SCALE) == levels


@pytest.mark.parametrize("typed, words", [
    ("7", "7 is not a level of this matrix. Levels go from 1 to 5 (Emerging to Generative)."),
    ("0-3", "0 is not a level of this matrix"),
    ("seven", "'seven' is not a level. Type each level as a number from 1 to 5"),
    ("Strong", "'Strong' is the name of level 4. Type the number 4."),
    ("2.5", "levels are whole numbers, so 2.5 is not one. When a table is between two levels it records the lower "
            "one: type 2."),
    ("2-", "'2-' is not a level"),
])
def test_a_bad_level_gets_a_plain_message_naming_the_entry(typed, words):
    with pytest.raises(EntryError) as caught:
        parse_levels(typed, SCALE, "Table 2, Shared purpose")
    message = str(caught.value)
    assert message.startswith("Table 2, Shared purpose: ")
    assert words in message
    assert "Traceback" not in message and "ValueError" not in message


def test_a_target_is_one_level():
    assert parse_target("4", SCALE) == 4 and parse_target("", SCALE) is None
    for typed in ("3-4", "3, 4"):
        with pytest.raises(EntryError, match="a target is one level"):
            parse_target(typed, SCALE)
    with pytest.raises(EntryError, match="is not a level of this matrix"):
        parse_target("6", SCALE)


# --- the lower-score rule, the spread and the room ---------------------------------------------


def _room():
    """Four tables on purpose (recorded 2, 3, 2, 4) and two of them on trust."""
    room = RoomEntries(tables=4)
    room.enter("Table 1", "purpose", "2-4", target=4)
    room.enter("Table 2", "purpose", "3", target=4, priority=True)
    room.enter("Table 3", "purpose", "2, 2, 3", target=3)
    room.enter("Table 4", "Shared purpose", "4 to 5", target=5, priority="yes")
    room.enter("Table 1", "relationships", "1-2", target=3, priority=True)
    room.enter("Table 2", "relationships", "3", target=3)
    return room


def test_each_table_records_its_lowest_level_and_the_spread():
    talk = _room().conversation()
    purpose = talk[talk["dimension"] == "purpose"].set_index("table")
    # lower-score rule: 2-4 -> 2; 3 -> 3; 2,2,3 -> 2; 4 to 5 -> 4
    assert purpose["recorded"].astype(int).tolist() == [2, 3, 2, 4]
    assert purpose["range"].astype(int).tolist() == [2, 0, 1, 1]
    assert purpose["target"].astype(int).tolist() == [4, 4, 3, 5]
    assert purpose["gap"].astype(int).tolist() == [2, 1, 1, 1]
    assert purpose["priority"].tolist() == [False, True, False, True]
    assert "members" not in talk.columns and not any(c.startswith("at_level_") for c in talk.columns)


def test_what_to_discuss_first_is_each_tables_widest_disagreement():
    room = _room()
    # Table 1: purpose spans 2 levels, trust 1 -> purpose first. Table 2 agreed on both: nothing.
    assert room.discuss_first() == ["Table 1: Shared purpose (members said 2 to 4)",
                                    "Table 3: Shared purpose (members said 2 to 3)",
                                    "Table 4: Shared purpose (members said 4 to 5)"]
    talk = room.conversation()
    table1 = talk[talk["table"] == "Table 1"].set_index("dimension")["discuss_order"].astype(int).to_dict()
    assert table1 == {"purpose": 1, "relationships": 2}


def test_room_summary_matches_hand_worked_figures():
    summary = _room().room().set_index("dimension")
    purpose = summary.loc["purpose"]
    # recorded 2, 3, 2, 4: median 2.5; quartiles (linear) 2 and 3.25, so IQR 1.25; gaps 2, 1, 1, 1: median 1
    assert purpose["tables"] == 4
    assert purpose["median_recorded"] == 2.5
    assert (purpose["lowest_recorded"], purpose["highest_recorded"]) == (2.0, 4.0)
    assert purpose["iqr_recorded"] == pytest.approx(1.25)
    assert purpose["median_gap"] == 1.0
    assert purpose["tables_prioritising"] == 2          # only tables 2 and 4 chose it
    assert summary.loc["relationships", "note"] == "recorded by only 2 table(s)"
    assert summary.loc["relationships", "median_recorded"].startswith("suppressed")
    assert _room().room(min_tables=2).loc[1, "median_recorded"] == 2.0  # recorded 1 and 3


def test_room_summary_is_the_one_saved_answers_give():
    """Typing a table's members' levels gives the same room as reading the members' answers."""
    members = pd.DataFrame({
        "table": ["A", "A", "A", "B", "B", "C", "C", "C"],
        "member": ["a1", "a2", "a3", "b1", "b2", "c1", "c2", "c3"],
        "impact_current": [2, 4, 3, 3, 3, 1, 2, 2], "impact_target": [4, 4, 4, 4, 4, 3, 3, 3],
    })
    expected = room_summary(table_conversation(read_matrix(members), n_priorities=0), threshold=1)
    room = RoomEntries(tables=["A", "B", "C"])
    room.enter("A", "impact", "2, 4, 3", target=4)
    room.enter("B", "impact", "3", target=4)
    room.enter("C", "impact", "1-2", target=3)
    pd.testing.assert_frame_equal(room.room(), expected)
    assert room.room().loc[0, "median_recorded"] == 2.0     # recorded 2, 3, 1


def test_an_entry_that_is_refused_changes_nothing():
    room = _room()
    before = room.report("Table 1", "purpose")
    for bad in [dict(levels="9"), dict(levels="2", target="3-4"), dict(levels="2", priority="maybe")]:
        with pytest.raises(EntryError):
            room.enter("Table 1", "purpose", **{"target": None, **bad})
    assert room.report("Table 1", "purpose") == before == TableReport((2, 4), 4, False)
    with pytest.raises(EntryError, match="type the table's level as well"):
        room.enter("Table 1", "impact", "", target=3)
    with pytest.raises(EntryError, match="'trust' is not a dimension of this matrix"):
        room.enter("Table 1", "trust", "2")
    with pytest.raises(EntryError, match="There is no table called 'Table 9'"):
        room.enter("Table 9", "purpose", "2")
    room.enter("Table 1", "purpose", "")          # a blank level removes the entry
    assert room.report("Table 1", "purpose") is None


def test_tables_can_be_added_and_renamed_keeping_their_reports():
    room = _room()
    room.rename_table("Table 2", "Pharmacy")
    assert room.tables == ["Table 1", "Pharmacy", "Table 3", "Table 4"]
    assert room.report("Pharmacy", "purpose") == TableReport((3,), 4, True)
    assert room.add_table() == "Table 2"          # the first free number
    assert room.add_table("Community teams") == "Community teams"
    for bad, words in [("table 1", "There is a table called 'table 1' already"), ("  ", "A table needs a name"),
                       ("x" * 41, "too long")]:
        with pytest.raises(EntryError, match=words):
            room.add_table(bad)
    with pytest.raises(EntryError, match="already"):
        room.rename_table("Pharmacy", "Table 3")
    room.rename_table("Pharmacy", "Pharmacy")     # its own name is allowed
    room.rename_table("Pharmacy", "PHARMACY")     # and so is a change of capitals
    room.rename_table("PHARMACY", "Pharmacy")
    assert room.conversation()["table"].drop_duplicates().tolist() == ["Table 1", "Pharmacy", "Table 3", "Table 4"]


def test_only_a_matrix_can_be_entered():
    with pytest.raises(EntryError, match="not a maturity matrix"):
        RoomEntries("network_health_check")


def test_an_official_matrix_in_the_same_format_can_be_used(tmp_path):
    text = (load_instrument("network_maturity_matrix").path.read_text(encoding="utf-8")
            .replace("Network maturity matrix (netlearn course version)", "Our licensed matrix"))
    path = tmp_path / "licensed_matrix.yaml"
    path.write_text(text, encoding="utf-8")
    official = load_instrument(path)
    view = table_entry_view(official, autosave=False)
    assert not view.entries.is_course_matrix
    assert "Matrix loaded by the trainer: Our licensed matrix" in view.widget.children[0].value
    course = table_entry_view(autosave=False)
    assert "The course&#x27;s own maturity matrix" in course.widget.children[0].value


# --- saving and loading ---------------------------------------------------------------------------


def test_saving_makes_a_new_file_and_adds_snapshots_to_it_without_touching_other_files(tmp_path):
    other = tmp_path / "network_maturity_matrix_room_20990101-000000_abcdef.csv"
    other.write_bytes(b"someone else's file\n")
    room = _room()
    first = room.save(tmp_path)
    assert first != other and first.name.startswith("network_maturity_matrix_room_")
    saved_once = first.read_bytes()
    room.enter("Table 3", "impact", "1")
    assert room.save(tmp_path) == first
    text = first.read_bytes()
    assert text.startswith(saved_once)                       # the first snapshot kept byte for byte
    assert other.read_bytes() == b"someone else's file\n"
    lines = text.decode("utf-8-sig").splitlines()
    assert lines[0] == ",".join(ENTRY_COLUMNS)
    snapshots = [line.split(",")[0] for line in lines[1:]]
    assert snapshots.count("1") == 6 and snapshots.count("2") == 7   # 6 reports, then 7


def test_a_reloaded_record_is_the_latest_snapshot_and_saves_to_a_new_file(tmp_path):
    room = _room()
    room.add_table("Empty table")
    path = room.save(tmp_path)
    room.enter("Table 2", "purpose", "1")
    room.save(tmp_path)
    again = load_entries(path)
    assert again.tables == ["Table 1", "Table 2", "Table 3", "Table 4", "Empty table"]
    assert again.report("Table 2", "purpose") == TableReport((1,), None, False)   # an entry replaces the last
    assert again.reports == room.reports
    before = path.read_bytes()
    assert again.save(tmp_path) != path
    assert path.read_bytes() == before
    assert newest_record(tmp_path) is not None


def test_loading_a_damaged_file_names_file_row_and_column(tmp_path):
    path = _room().save(tmp_path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[5] = lines[5].replace(",2 2 3,", ",2 9 3,")        # Table 3's purpose levels: spreadsheet row 6
    assert ",2 9 3," in lines[5]
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_entries(broken)
    error = caught.value
    assert (error.file, error.row, error.column) == ("broken.csv", 6, "levels")
    assert "9 is not a level of this matrix" in error.problem
    wrong_target = tmp_path / "wrong_target.csv"
    wrong_target.write_text("\n".join(lines[:5]).replace(",3,4,yes", ",3,3-4,yes")
                            + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_entries(wrong_target)
    assert (caught.value.row, caught.value.column) == (4, "target")   # Table 2's purpose: spreadsheet row 4
    with pytest.raises(DataError, match="saved for the matrix 'network_maturity_matrix', not 'curiosity_practice'"):
        load_entries(path, "curiosity_practice")
    other = tmp_path / "other.csv"
    other.write_text("table,member\nA,a1\n", encoding="utf-8")
    with pytest.raises(DataError, match="no 'snapshot' column"):
        load_entries(other)


# --- the widget, driven headless ----------------------------------------------------------------


def test_the_view_updates_the_room_as_tables_report(tmp_path):
    view = table_entry_view(folder=tmp_path)
    assert "0 of 3 tables have reported" in view.room_html
    view.enter("Table 1", "purpose", "2-4", target="4")
    assert view.status_text == "Table 1, Shared purpose: recorded at level 2 (members said 2 to 4), target 4."
    view.enter("Table 2", "purpose", "3", target="4", priority=True)
    assert "Waiting for more tables on: Shared purpose" in view.room_html
    view.enter("Table 3", "purpose", "1, 3", target="3")
    assert "3 of 3 tables have reported" in view.room_html
    assert view.summary.loc[0, "median_recorded"] == 2.0       # recorded 2, 3, 1
    assert "Room summary" in view.room_html and "Waiting" not in view.room_html
    assert "Table 1: Shared purpose (members said 2 to 4)" in view.room_html
    # saved after every entry, to one new file
    assert view.entries.snapshots == 3 and view.entries.path.exists()


def test_the_view_refuses_a_bad_level_with_a_plain_message_and_keeps_the_room(tmp_path):
    view = table_entry_view(folder=tmp_path)
    view.enter("Table 1", "impact", "3")
    shown = view.room_html
    view.enter("Table 1", "impact", "high")
    assert view.status_text == ("That entry was not recorded. Table 1, Impact: 'high' is not a level. Type each "
                                "level as a number from 1 to 5 (Emerging to Generative).")
    assert view.room_html == shown and view.entries.report("Table 1", "impact").levels == (3,)
    assert "color:#a51d2d" in view.status.value


def test_the_view_adds_renames_and_shows_names_escaped(tmp_path):
    view = table_entry_view(folder=tmp_path, tables=1)
    view.add_table()
    assert view.current == "Table 2" and [b.description for b in view.table_buttons.children] == ["Table 1", "Table 2"]
    view.rename("<b>GP & pharmacy</b>")
    assert view.entries.tables == ["Table 1", "<b>GP & pharmacy</b>"]
    view.enter("<b>GP & pharmacy</b>", "learning", "2")
    assert "<b>GP" not in view.room_html and html.escape("<b>GP & pharmacy</b>") in view.room_html
    view.rename("Table 1")
    assert view.status_text.startswith("That entry was not recorded. There is a table called 'Table 1' already")


def test_choosing_a_table_fills_the_boxes_with_its_report(tmp_path):
    view = table_entry_view(folder=tmp_path)
    view.enter("Table 1", "purpose", "2, 3, 4", target="4", priority=True)
    view.select("Table 2")
    assert view.level_boxes["purpose"].value == "" and not view.priority_boxes["purpose"].value
    view.select("Table 1")
    assert (view.level_boxes["purpose"].value, view.target_boxes["purpose"].value) == ("2, 3, 4", "4")
    assert view.priority_boxes["purpose"].value
    assert view.entries.snapshots == 1                       # filling the boxes is not an entry


def test_the_view_reloads_the_newest_record_after_a_crash(tmp_path):
    first = table_entry_view(folder=tmp_path, tables=["Red", "Blue"])
    first.enter("Red", "governance", "1-3", target="3")
    first.enter("Blue", "governance", "2")
    saved = first.entries.path
    # the kernel dies; a new view is started and loads the newest record from the folder
    second = table_entry_view(folder=tmp_path)
    second.load("")
    assert second.entries.tables == ["Red", "Blue"]
    assert second.status_text == f"Loaded 2 entries for 2 tables from {saved}."
    assert second.level_boxes["governance"].value == "1-3"
    second.enter("Blue", "impact", "4")
    assert second.entries.path != saved
    empty = table_entry_view(folder=tmp_path / "nothing-here")
    empty.load("")
    assert "There is no saved record" in empty.status_text


def test_the_grid_shows_each_tables_report():
    room = RoomEntries(tables=["A", "B"])
    room.enter("A", "purpose", "2-4", target=4, priority=True)
    room.enter("B", "purpose", "3")
    grid = room_grid_html(room)
    cells = re.findall(r"<td>([^<]*)</td>", grid)
    assert cells == ["2 (said 2 to 4) → 4, priority", "3"]
    assert grid.count("<tr>") == 1 + 8                       # heading and the matrix's eight dimensions
