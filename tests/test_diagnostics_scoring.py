"""Reading answers, scoring, group summaries with suppression, free text, and the maturity-matrix conversation.

Expected values are worked by hand in the comments beside each test.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from netlearn import DataError
from netlearn.agreement import cronbach_alpha, rwg, rwg_j
from netlearn.diagnostics import (describe_table, free_text, group_summary, is_suppressed, item_distribution,
                                  read_matrix, read_responses, room_summary, score_respondents,
                                  table_conversation)

from .helpers import tiny_instrument

ROOT = Path(__file__).resolve().parents[1]

# Two dimensions of two items each on a 1-5 scale; b is reverse-keyed. Small enough to work by hand.


@pytest.fixture()
def tiny(tmp_path):
    return tiny_instrument(tmp_path)


def csv_file(tmp_path, text, name="answers.csv"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def reading_error(path, instrument, **options):
    with pytest.raises(DataError) as info:
        read_responses(path, instrument, **options)
    return info.value


# --------------------------------------------------------------------------- reading answers


def test_reads_a_good_file_with_text_blank_cells_and_a_wholly_blank_row(tmp_path, tiny):
    path = csv_file(tmp_path, """\
        respondent,group,a,b,c,e,say
        r1,x,4,2,,5,"Good, mostly"

        r2,y,5,1,3,3,
        """)
    r = read_responses(path, tiny)
    assert list(r.answers.index) == ["r1", "r2"]
    assert r.answers.loc["r1"].tolist()[:2] == [4.0, 2.0] and math.isnan(r.answers.loc["r1", "c"])
    assert r.text.loc["r1", "say"] == "Good, mostly"
    assert r.meta.loc["r2", "row"] == 4  # the blank row 3 was skipped, row numbers kept


def test_semicolons_bom_and_decimal_comma_are_read(tmp_path, tiny):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffRespondent;A;B\r\nr1;4,0;2\r\n".encode("utf-8"))
    assert read_responses(path, tiny).answers.loc["r1", "a"] == 4.0


def test_unknown_item_column_suggests_the_close_id(tmp_path):
    path = csv_file(tmp_path, """\
        respondent,pu1,fu22
        r1,4,3
        """)
    err = reading_error(path, "network_health_check")
    assert (err.file, err.row, err.column) == ("answers.csv", 1, "fu22")
    assert "Did you mean 'fu2'?" in err.fix


def test_missing_respondent_column_points_at_an_id_column(tmp_path, tiny):
    err = reading_error(csv_file(tmp_path, "ID,a\nr1,4\n"), tiny)
    assert err.row == 1 and "no 'respondent' column" in err.problem and "rename it" in err.fix


def test_column_problems_name_the_row_holding_the_column_names_when_blank_rows_come_first(tmp_path, tiny):
    """A file starting with two blank rows (and one of empty cells) has its column names on row 3 or 4, not row 1."""
    err = reading_error(csv_file(tmp_path, "\n\nrespondent,pu1,fu22\nr1,4,3\n"), "network_health_check")
    assert (err.file, err.row, err.column) == ("answers.csv", 3, "fu22")
    assert "row 3" in str(err)
    err = reading_error(csv_file(tmp_path, "\n,,\n\nID,a\nr1,4\n"), tiny)
    assert err.row == 4 and "no 'respondent' column" in err.problem
    for text, column in [("\n\ntable,member,purpose_now\nA,a1,3\n", "purpose_now"),   # unknown column
                         ("\n\ntable,purpose_current\nA,3\n", None),                   # no member column
                         ("\n\ntable,member,purpose_target\nA,a1,3\n", None)]:        # no _current column
        with pytest.raises(DataError) as info:
            read_matrix(csv_file(tmp_path, text, "matrix.csv"))
        assert (info.value.file, info.value.row, info.value.column) == ("matrix.csv", 3, column), text
    assert read_responses(csv_file(tmp_path, "\n\nrespondent,a\nr1,4\n"), tiny).meta.loc["r1", "row"] == 4


def test_value_off_the_scale_names_row_and_column_and_other_rows(tmp_path, tiny):
    path = csv_file(tmp_path, """\
        respondent,a,b
        r1,4,2
        r2,6,2
        r3,3,2
        r4,0,1
        """)
    err = reading_error(path, tiny)
    assert (err.row, err.column) == (3, "a") and "6 is not on the scale" in err.problem
    assert err.more_rows == [5]
    assert reading_error(csv_file(tmp_path, "respondent,a\nr1,3.5\n"), tiny).row == 2


def test_text_in_a_number_column_and_a_label_hint(tmp_path):
    path = csv_file(tmp_path, """\
        respondent,pu1,pu2
        r1,4,3
        r2,5,Often true
        """)
    err = reading_error(path, "network_health_check")
    assert (err.row, err.column) == (3, "pu2") and "is not a number" in err.problem
    assert "label of 4" in err.fix


def test_duplicate_respondent_id_is_an_error_unless_keep_last(tmp_path, tiny):
    path = csv_file(tmp_path, """\
        respondent,a
        r1,4
        r2,3
        r1,5
        """)
    err = reading_error(path, tiny)
    assert (err.row, err.column) == (4, "respondent") and "row 2" in err.problem and "keep='last'" in err.fix
    r = read_responses(path, tiny, keep="last")
    assert r.answers.loc["r1", "a"] == 5.0 and r.superseded == 1 and len(r) == 2


def test_answers_without_a_respondent_id(tmp_path, tiny):
    path = csv_file(tmp_path, """\
        respondent,group,a
        r1,x,4
        ,x,3
        ,,
        """)
    err = reading_error(path, tiny)
    assert (err.row, err.column) == (3, "respondent") and "no respondent id" in err.problem


def test_a_folder_is_read_as_one_set_and_repeats_across_files_are_found(tmp_path, tiny):
    folder = tmp_path / "room"
    folder.mkdir()
    (folder / "one.csv").write_text("respondent,a\nr1,4\n")
    (folder / "two.csv").write_text("respondent,a\nr2,2\nr1,5\n")
    err = reading_error(folder, tiny)
    assert err.file == "two.csv" and err.row == 3 and "row 2 of one.csv" in err.problem
    assert read_responses(folder, tiny, keep="last").answers["a"].to_dict() == {"r1": 5.0, "r2": 2.0}


def test_missing_item_columns_are_counted_not_hidden(tiny):
    r = read_responses(pd.DataFrame({"respondent": ["r1"], "a": [3]}), tiny)
    assert r.missing_items == ("b", "c", "e") and "no column for 3 items" in repr(r)


def test_a_matrix_is_not_read_as_a_survey():
    with pytest.raises(ValueError, match="read_matrix"):
        read_responses(pd.DataFrame({"respondent": ["r"]}), "network_maturity_matrix")


# --------------------------------------------------------------------------- scoring respondents


def test_reverse_keys_and_the_minimum_rule(tiny):
    frame = pd.DataFrame({"respondent": ["r1", "r2", "r3"],
                          "a": [4, 5, None], "b": [2, None, None], "c": [1, 3, None], "e": [None, 5, 2]})
    scores = score_respondents(read_responses(frame, tiny))
    # r1: d1 = (4 + (5 + 1 - 2)) / 2 = 4; d2 = only c answered, 1 of 2 needs 1 (half of 2): 1.
    assert scores.loc["r1", "d1"] == 4.0 and scores.loc["r1", "d2"] == 1.0
    # r2: d1 = 5 (b blank; 1 of 2 is enough); d2 = (3 + 5) / 2 = 4.
    assert scores.loc["r2", "d1"] == 5.0 and scores.loc["r2", "d2"] == 4.0
    # r3: nothing on d1 -> missing, with the reason.
    assert math.isnan(scores.loc["r3", "d1"]) and scores.loc["r3", "d1_answered"] == 0
    assert scores.loc["r3", "why"] == "d1: 0 of 2 items answered, 1 needed"
    assert scores.loc["r1", "why"] == ""
    # Requiring both items (a share of 1.0, or the count 2) leaves r1's d2 and r2's d1 missing.
    strict = score_respondents(read_responses(frame, tiny), min_answered=2)
    assert math.isnan(strict.loc["r1", "d2"]) and math.isnan(strict.loc["r2", "d1"])
    assert strict.loc["r1", "d1"] == 4.0
    assert strict.equals(score_respondents(read_responses(frame, tiny), min_answered=1.0))


def test_minimum_rule_with_a_share_rounds_up():
    # The health check's form dimension has 6 items: half = 3 needed. Two answered -> missing.
    frame = pd.DataFrame({"respondent": ["r1", "r2"], "fo1": [4, 4], "fo2": [4, 4], "fo3": [None, 2]})
    scores = score_respondents(read_responses(frame, "network_health_check"))
    assert math.isnan(scores.loc["r1", "form"]) and scores.loc["r2", "form"] == pytest.approx(10 / 3)
    assert "form: 2 of 6 items answered, 3 needed" in scores.loc["r1", "why"]
    with pytest.raises(ValueError):
        score_respondents(read_responses(frame, "network_health_check"), min_answered=0)


# --------------------------------------------------------------------------- group summaries


def worked_example(tiny, extra_group=None):
    """Five respondents on d1 (items a and reverse-keyed b) and d2 (c and e)."""
    frame = pd.DataFrame({"respondent": ["p1", "p2", "p3", "p4", "p5"], "group": ["g"] * 5,
                          "a": [4, 5, 3, 4, 2], "b": [1, 1, 3, 3, 4],
                          "c": [3, 3, 3, 3, 3], "e": [3, 4, 3, 4, 3]})
    if extra_group is not None:
        frame = pd.concat([frame, extra_group], ignore_index=True)
    return read_responses(frame, tiny)


def test_group_statistics_alpha_and_rwg_by_hand(tiny):
    summary = group_summary(worked_example(tiny), by=None)
    row = summary[summary["dimension"] == "d1"].iloc[0]
    # b reversed: 5 + 1 - b = [5, 5, 3, 3, 2]. Scores = mean(a, b') = [4.5, 5, 3, 3.5, 2].
    assert row["n"] == 5
    assert row["mean"] == pytest.approx(3.6)            # 18 / 5
    assert row["median"] == pytest.approx(3.5)
    assert row["sd"] == pytest.approx(math.sqrt(1.425))  # squared deviations 5.7 / 4
    assert row["iqr"] == pytest.approx(1.5)              # sorted 2, 3, 3.5, 4.5, 5: 4.5 - 3
    # Item variances: a 5.2 / 4 = 1.3, b' 7.2 / 4 = 1.8; totals 9, 10, 6, 7, 4 have variance 22.8 / 4 = 5.7.
    # alpha = 2 * (1 - 3.1 / 5.7) = 5.2 / 5.7.
    assert row["alpha"] == pytest.approx(5.2 / 5.7)
    # r_wg(J): uniform variance (25 - 1) / 12 = 2; mean ratio (0.65 + 0.9) / 2 = 0.775;
    # 2 * 0.225 / (2 * 0.225 + 0.775) = 0.45 / 1.225.
    assert row["rwg_j"] == pytest.approx(0.45 / 1.225)
    # Item r_wg: a 1 - 1.3 / 2 = 0.35, b 1 - 1.8 / 2 = 0.1: most agreed a, least b.
    assert (row["most_agreed"], row["least_agreed"]) == ("a", "b")
    # And the same numbers from netlearn.agreement directly.
    scored = pd.DataFrame({"a": [4, 5, 3, 4, 2], "b": [5, 5, 3, 3, 2]})
    assert row["alpha"] == pytest.approx(cronbach_alpha(scored)) and row["rwg_j"] == pytest.approx(rwg_j(scored, 5))
    assert rwg(scored["a"], 5) == pytest.approx(0.35)


def test_alpha_undefined_is_explained_not_raised(tiny):
    summary = group_summary(worked_example(tiny), by=None)
    # d2: c is 3 for everyone; e varies, so alpha is defined but low: item variances 0 and 0.3,
    # totals 6, 7, 6, 7, 6 have variance 0.3: alpha = 2 * (1 - 0.3 / 0.3) = 0.
    row = summary[summary["dimension"] == "d2"].iloc[0]
    assert row["alpha"] == pytest.approx(0.0) and row["most_agreed"] == "c"
    frame = pd.DataFrame({"respondent": list("pqrst"), "a": [3] * 5, "b": [3] * 5})
    flat = group_summary(read_responses(frame, tiny), by=None)
    assert "alpha undefined" in flat.loc[0, "note"] and math.isnan(flat.loc[0, "alpha"])


def _numbers(frame):
    return [v for v in frame.drop(columns=["group", "dimension", "note"]).to_numpy().ravel()
            if not isinstance(v, str)]


def test_a_group_of_four_is_suppressed_and_never_shown_as_a_number(tiny):
    four = pd.DataFrame({"respondent": ["s1", "s2", "s3", "s4"], "group": ["small"] * 4,
                         "a": [1, 1, 2, 1], "b": [5, 5, 5, 4], "c": [1, 2, 1, 1], "e": [1, 1, 1, 2]})
    big = pd.DataFrame({"respondent": [f"k{i}" for i in range(6)], "group": ["big"] * 6,
                        "a": [3, 4, 4, 5, 3, 4], "b": [2, 2, 3, 1, 2, 2], "c": [4, 4, 3, 5, 4, 4],
                        "e": [4, 3, 4, 4, 5, 4]})
    responses = worked_example(tiny, pd.concat([four, big], ignore_index=True))
    summary = group_summary(responses)
    small = summary[summary["group"] == "small"]
    assert len(small) == 2 and not _numbers(small)
    assert (small["n"] == "suppressed: fewer than 5 respondents").all()
    assert all(is_suppressed(v) for v in small.drop(columns=["group", "dimension", "note"]).to_numpy().ravel())
    # Only one group is below 5, so the smallest other group (g, 5 people) is suppressed too ...
    assert not _numbers(summary[summary["group"] == "g"])
    assert (summary.loc[summary["group"] == "g", "n"] == "suppressed: protects a smaller group").all()
    # ... and the group of 6 and everyone together are shown.
    assert summary.loc[summary["group"] == "big", "n"].tolist() == [6, 6]
    assert summary.loc[summary["group"] == "(all)", "n"].tolist() == [15, 15]
    # The small group's figures appear nowhere else either.
    assert "small" not in set(free_text(responses).columns) | set(free_text(responses).to_numpy().ravel())
    assert item_distribution(responses, group="small").empty


def test_threshold_is_configurable(tiny):
    four = pd.DataFrame({"respondent": ["s1", "s2", "s3", "s4"], "group": ["small"] * 4, "a": [1, 1, 2, 1]})
    responses = worked_example(tiny, four)
    shown = group_summary(responses, threshold=4, min_answered=1)
    assert shown.loc[(shown["group"] == "small") & (shown["dimension"] == "d1"), "n"].item() == 4
    hidden = group_summary(responses, threshold=6)
    assert not _numbers(hidden[hidden["group"] != "(all)"])
    with pytest.raises(ValueError):
        group_summary(responses, threshold=0)


def test_a_dimension_too_few_could_be_scored_on_is_suppressed(tiny):
    frame = pd.DataFrame({"respondent": list("pqrstu"), "a": [3, 4, 4, 5, 3, 4], "c": [4, 4, 5, None, None, None]})
    summary = group_summary(read_responses(frame, tiny), by=None)
    d2 = summary[summary["dimension"] == "d2"].iloc[0]
    assert d2["mean"] == "suppressed: fewer than 5 respondents" and "answered enough items" in d2["note"]


def test_item_distribution_counts_raw_answers(tiny):
    r = worked_example(tiny)
    table = item_distribution(r)
    # b as answered (not reversed): 1, 1, 3, 3, 4.
    assert table.loc["b", [1, 2, 3, 4, 5]].tolist() == [2, 0, 2, 1, 0] and table.loc["b", "reverse"]
    assert item_distribution(r, threshold=6).empty and item_distribution(r, threshold=6).attrs["suppressed"]


# --------------------------------------------------------------------------- free text


def test_free_text_is_unattributed_shuffled_and_stable(tiny):
    comments = ["More time", "Fewer emails", "Better notes", "A newsletter", "Meet in person", "Keep it up"]
    frame = pd.DataFrame({"respondent": [f"r{i}" for i in range(6)], "group": list("xxyyzz"), "say": comments})
    out = free_text(read_responses(frame, tiny))
    assert list(out.columns) == ["question", "wording", "comment"]
    assert sorted(out["comment"]) == sorted(comments)
    assert list(out["comment"]) != comments  # not in file order
    flipped = free_text(read_responses(frame.iloc[::-1], tiny))
    assert list(flipped["comment"]) == list(out["comment"])  # order depends only on the comments
    text = " ".join(out.astype(str).to_numpy().ravel())
    assert not any(f"r{i}" in text.split() for i in range(6))
    assert list(free_text(read_responses(frame, tiny), seed=1)["comment"]) != list(out["comment"])


def test_free_text_from_too_few_respondents_is_withheld(tiny):
    frame = pd.DataFrame({"respondent": ["r1", "r2"], "say": ["Only me", "And me"]})
    out = free_text(read_responses(frame, tiny))
    assert out["comment"].tolist() == ["suppressed: fewer than 5 respondents answered this question"]


# --------------------------------------------------------------------------- the matrix conversation


def matrix_rows(rows, columns=("table", "member", "dimension", "current", "target", "priority")):
    return pd.DataFrame(rows, columns=list(columns))


CONVERSATION = matrix_rows([
    # Table A, three members: purpose 2, 4, 3 (record 2, spread 2 to 4); impact 1, 1, 1 (agreed).
    ("A", "a1", "purpose", 2, 4, ""), ("A", "a2", "purpose", 4, 5, ""), ("A", "a3", "purpose", 3, 4, ""),
    ("A", "a1", "impact", 1, 3, ""), ("A", "a2", "impact", 1, 2, ""), ("A", "a3", "impact", 1, 2, ""),
    # Table B, two members, marks impact as its priority.
    ("B", "b1", "purpose", 3, 4, "no"), ("B", "b2", "purpose", 3, 3, "no"),
    ("B", "b1", "impact", 2, 3, "yes"), ("B", "b2", "impact", 1, 3, ""),
])


def test_lower_score_rule_spread_targets_and_gaps():
    talk = table_conversation(read_matrix(CONVERSATION))
    a = talk[talk["table"] == "A"].set_index("dimension")
    # purpose: recorded = min(2, 4, 3) = 2; range 2; one member at each of 2, 3, 4.
    assert (a.loc["purpose", "recorded"], a.loc["purpose", "highest"], a.loc["purpose", "range"]) == (2, 4, 2)
    assert [a.loc["purpose", f"at_level_{k}"] for k in range(1, 6)] == [0, 1, 1, 1, 0]
    # targets 4, 5, 4: median 4 -> target 4, gap 4 - 2 = 2.
    assert (a.loc["purpose", "target"], a.loc["purpose", "gap"]) == (4, 2)
    # impact: everyone said 1; targets 3, 2, 2: median 2, gap 1.
    assert bool(a.loc["impact", "agreed"]) and (a.loc["impact", "target"], a.loc["impact", "gap"]) == (2, 1)
    # purpose has the wider spread, so it is discussed first.
    assert (a.loc["purpose", "discuss_order"], a.loc["impact", "discuss_order"]) == (1, 2)
    # No priority marks at table A: the largest gaps (purpose 2, impact 1), n_priorities = 3.
    assert a["priority"].tolist() == [True, True] and set(a["priority_source"]) == {"largest gaps"}
    b = talk[talk["table"] == "B"].set_index("dimension")
    # B: targets 3 and 4 have median 3.5, rounded down to 3.
    assert b.loc["purpose", "target"] == 3 and b.loc["impact", "recorded"] == 1
    assert b["priority"].tolist() == [False, True] and set(b["priority_source"]) == {"chosen by the table"}
    assert "member" not in talk.columns and not talk.isin(["a1", "a2", "a3", "b1", "b2"]).any().any()


def test_n_priorities_and_describe_table():
    talk = table_conversation(read_matrix(CONVERSATION), n_priorities=1)
    assert talk.loc[talk["table"] == "A", "priority"].tolist() == [True, False]
    text = describe_table(talk, "A")
    assert text.splitlines()[0] == ("Table A (3 members): record Shared purpose at level 2 (members said 2 to 4); "
                                    "Impact at level 1.")
    assert "Discuss first: Shared purpose (levels 2 to 4)." in text


def test_wide_format_gives_the_same_conversation():
    wide = pd.DataFrame({"table": ["A", "A", "A"], "member": ["a1", "a2", "a3"],
                         "purpose_current": [2, 4, 3], "purpose_target": [4, 5, 4],
                         "impact_current": [1, 1, 1], "impact_target": [3, 2, 2]})
    long = CONVERSATION[CONVERSATION["table"] == "A"]
    columns = ["table", "dimension", "recorded", "range", "target", "gap", "discuss_order", "priority"]
    assert table_conversation(read_matrix(wide))[columns].equals(table_conversation(read_matrix(long))[columns])


def test_room_summary_uses_table_results_and_suppresses_too_few_tables():
    talk = table_conversation(read_matrix(CONVERSATION))
    room = room_summary(talk)  # only two tables: below the default of three
    assert room["median_recorded"].tolist() == ["suppressed: fewer than 3 tables"] * 2
    room = room_summary(talk, min_tables=2).set_index("dimension")
    # purpose recorded 2 (A) and 3 (B): median 2.5; 5 members in all.
    assert room.loc["purpose", "median_recorded"] == 2.5 and room.loc["purpose", "tables"] == 2
    # impact prioritised by A (largest gaps) and B (chosen).
    assert room.loc["impact", "tables_prioritising"] == 2
    assert not any(c.startswith("at_level") for c in room.columns)
    few = room_summary(talk[talk["table"] == "A"], min_tables=1)
    assert few["tables"].tolist() == ["suppressed: fewer than 5 members"] * 2


def _room(sizes_and_levels):
    """Room summary of tables given as {table: [purpose level of each member]}; everyone's target is 5."""
    rows = [{"table": t, "member": f"{t}{k}", "purpose_current": level, "purpose_target": 5}
            for t, levels in sizes_and_levels.items() for k, level in enumerate(levels)]
    return room_summary(table_conversation(read_matrix(pd.DataFrame(rows)))).set_index("dimension")


def test_room_summary_publishes_no_count_of_people_to_subtract():
    """Why the room summary needs no disclosure step: it is the same whatever the tables' sizes.

    Tables record their lowest level: A 2, B 3, C 4; targets 5, so gaps 3, 2, 1 (median 2), and every table
    prioritises purpose (largest gaps). 2 + 3 + 5 = 10 members, or 8 + 2 + 3 = 13: nothing in the summary moves.
    """
    small_a = _room({"A": [2, 3], "B": [3, 3, 4], "C": [4, 4, 5, 5, 4]})
    large_a = _room({"A": [2, 3, 3, 2, 3, 3, 2, 3], "B": [3, 4], "C": [4, 5, 5]})
    assert small_a.equals(large_a)
    purpose = small_a.loc["purpose"]
    assert (purpose["tables"], purpose["median_recorded"], purpose["lowest_recorded"], purpose["highest_recorded"],
            purpose["median_gap"], purpose["tables_prioritising"]) == (3, 3.0, 2.0, 4.0, 2.0, 3)
    assert purpose["iqr_recorded"] == 1.0                       # quartiles of 2, 3, 4: 2.5 and 3.5
    assert set(small_a.columns) == {"name", "tables", "median_recorded", "lowest_recorded", "highest_recorded",
                                    "iqr_recorded", "median_gap", "tables_prioritising", "note"}
    # Fewer than 5 people in all: the row is left out, and says so without the number.
    tiny_room = _room({"A": [2], "B": [3], "C": [4, 4]}).loc["purpose"]
    assert tiny_room["median_recorded"] == "suppressed: fewer than 5 members" and "4" not in tiny_room["note"]


def test_room_summary_of_the_synthetic_workshop_is_fully_shown():
    room = room_summary(read_matrix(ROOT / "datasets" / "responses" / "matrix_workshop.csv"))
    assert (room["note"] == "").all() and set(room["tables"]) == {5}


def matrix_error(frame, **options):
    with pytest.raises(DataError) as info:
        read_matrix(frame, **options)
    return info.value


def test_matrix_file_mistakes_name_row_and_column(tmp_path):
    good = CONVERSATION.copy()
    bad = good.copy()
    bad.loc[3, "dimension"] = "impct"
    err = matrix_error(bad)
    assert (err.row, err.column) == (5, "dimension") and "Did you mean 'impact'?" in err.fix
    bad = good.copy()
    bad.loc[1, "current"] = 7
    err = matrix_error(bad)
    assert (err.row, err.column) == (3, "current") and "not a level" in err.problem
    bad = good.copy().astype(object)
    bad.loc[2, "target"] = "Strong"
    err = matrix_error(bad)
    assert (err.row, err.column) == (4, "target") and "name of level 4" in err.fix
    bad = good.copy()
    bad.loc[4, "table"] = ""
    assert (matrix_error(bad).row, matrix_error(bad).column) == (6, "table")
    bad = good.copy()
    bad.loc[6, "priority"] = "maybe"
    assert (matrix_error(bad).row, matrix_error(bad).column) == (8, "priority")
    repeated = pd.concat([good, good.iloc[[0]]], ignore_index=True)
    err = matrix_error(repeated)
    assert (err.row, err.column) == (12, "member") and "row 2" in err.problem
    assert read_matrix(repeated, keep="last").superseded == 1
    path = tmp_path / "wide.csv"
    path.write_text("table,member,purpose_now\nA,a1,3\n")
    err = matrix_error(path)
    assert (err.file, err.row, err.column) == ("wide.csv", 1, "purpose_now")


def test_reading_a_survey_as_a_matrix_is_refused():
    with pytest.raises(ValueError, match="read_responses"):
        read_matrix(CONVERSATION, "network_health_check")


def test_without_any_group_only_everyone_is_summarised(tiny):
    r = worked_example(tiny)
    r.meta["group"] = ""
    summary = group_summary(r)
    assert summary["group"].tolist() == ["(all)", "(all)"] and summary["n"].tolist() == [5, 5]
