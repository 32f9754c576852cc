"""Disclosure control: subtraction attacks on everything published from the same people.

Each attack below is what a reader could do with the published tables, sentences and charts:
take a total and subtract the groups shown, difference two answer distributions, rebuild a
dimension from its items, or combine a number in a sentence with a table. Each one recovered a
suppressed figure exactly before netlearn.disclosure existed (the tests were run against that
code and failed); now each must come back empty-handed. Then a property check: for families of
linked tables, no suppressed cell's unit vector lies in the row space of the visible relations.
"""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlearn.diagnostics import group_summary, item_distribution, read_responses
from netlearn.diagnostics.scoring import is_suppressed as _words_suppressed
from netlearn.disclosure import Publication, derivable, protect
from netlearn.network import Network
from netlearn.report import build_report, render_html
from netlearn.report.build import Image, KeyFigures, Paragraph, Table
from netlearn.report.suppression import is_suppressed as _cell_suppressed

from .helpers import tiny_instrument

KEY = b"0123456789abcdef0123456789abcdef-test-key"

@pytest.fixture()
def tiny(tmp_path):
    return tiny_instrument(tmp_path)


@pytest.fixture()
def drawings(monkeypatch):
    """The options of every network picture the report draws, in order (the report still draws them)."""
    from netlearn.report import figures

    seen = []
    original = figures.network_figure

    def spy(G, **options):
        seen.append(options)
        return original(G, **options)

    monkeypatch.setattr(figures, "network_figure", spy)
    return seen


def six_and_twenty(tiny):
    """Group x: 6 respondents, only 4 of whom answered d2 (c and e); group y: 20, all complete.

    x's d2 answers: c = 1, 2, 1, 2 and e = 1, 1, 2, 2, so x's d2 scores are 1, 1.5, 1.5, 2 (mean 1.5).
    """
    x = pd.DataFrame({"respondent": [f"x{k}" for k in range(6)], "group": "x",
                      "a": [3, 4, 3, 4, 3, 4], "b": [3, 2, 3, 2, 3, 2],
                      "c": [1, 2, 1, 2, None, None], "e": [1, 1, 2, 2, None, None]})
    y = pd.DataFrame({"respondent": [f"y{k}" for k in range(20)], "group": "y",
                      "a": [4, 5] * 10, "b": [2, 1] * 10, "c": [4, 5, 4, 3] * 5, "e": [5, 4, 4, 4] * 5})
    return read_responses(pd.concat([x, y], ignore_index=True), tiny)


def is_suppressed(value):
    """A suppressed figure: the diagnostics' words, or the report's Suppressed cell."""
    return _words_suppressed(value) or _cell_suppressed(value)


def _shown(value):
    return not is_suppressed(value) and not (isinstance(value, float) and np.isnan(value))


def _cell(summary, group, dim, column):
    return summary.loc[(summary["group"] == group) & (summary["dimension"] == dim), column].item()


def subtraction_attack(summary, dim):
    """(n, mean) of the one group hidden on ``dim``, from "(all)" minus the groups shown; None if it cannot be done."""
    rows = summary[summary["dimension"] == dim]
    everyone = rows[rows["group"] == "(all)"].iloc[0]
    groups = rows[rows["group"] != "(all)"]
    hidden = groups[[not _shown(n) for n in groups["n"]]]
    if not _shown(everyone["n"]) or len(hidden) != 1:
        return None
    shown = groups[[_shown(n) for n in groups["n"]]]
    n = everyone["n"] - shown["n"].sum()
    total = everyone["n"] * everyone["mean"] - (shown["n"] * shown["mean"]).sum()
    return (int(n), float(total / n)) if n else None


# ---------------------------------------------------------------------- hand-worked survey example (6 and 20)
def test_six_and_twenty_by_hand(tiny):
    summary = group_summary(six_and_twenty(tiny))
    # d1: everyone scored (6 and 20, both shown); d2: x has 4 (primary), y 20 must hide with it
    assert _cell(summary, "x", "d1", "n") == 6 and _cell(summary, "y", "d1", "n") == 20
    assert _cell(summary, "x", "d2", "n") == "suppressed: fewer than 5 respondents"
    assert _cell(summary, "y", "d2", "n") == "suppressed: protects a smaller group"
    assert _cell(summary, "(all)", "d2", "n") == 24          # everyone is still shown
    # the old rule (group size only) showed y's d2 mean, and 24 * all - 20 * y gave x's 1.5 exactly
    assert subtraction_attack(summary, "d2") is None


def test_totals_minus_visible_groups_fails_for_every_dimension(tiny):
    summary = group_summary(six_and_twenty(tiny))
    for dim in ("d1", "d2"):
        assert subtraction_attack(summary, dim) is None


def test_item_counts_differenced_give_nothing_away(tiny):
    responses = six_and_twenty(tiny)
    everyone = item_distribution(responses)
    per_group = {g: item_distribution(responses, group=g) for g in ("x", "y")}
    for item in ("a", "b", "c", "e"):
        hidden = [g for g, table in per_group.items() if item not in table.index]
        if item in everyone.index and len(hidden) == 1:
            (other,) = [g for g in per_group if g not in hidden]
            recovered = everyone.loc[item, [1, 2, 3, 4, 5]] - per_group[other].loc[item, [1, 2, 3, 4, 5]]
            pytest.fail(f"{hidden[0]}'s answers to {item} are everyone's minus {other}'s: {recovered.tolist()}")
    # x's four answers to c and e are hidden, and so are y's (which would give them away); a and b show
    assert list(per_group["x"].index) == ["a", "b"] and list(per_group["y"].index) == ["a", "b"]
    assert per_group["y"].attrs["suppressed"] == ["c", "e"]
    assert list(everyone.index) == ["a", "b", "c", "e"]


def test_dimension_rebuilt_from_its_items_gives_nothing_away(tiny):
    """y answered every d2 item, so its d2 mean is (sum of c + sum of e) / (2 * 20): the items must hide with it."""
    responses = six_and_twenty(tiny)
    summary = group_summary(responses)
    y_items = item_distribution(responses, group="y")
    if all(i in y_items.index for i in ("c", "e")):
        points = np.arange(1, 6)
        n = int(y_items.loc["c", "n"])
        y_mean = sum(float((y_items.loc[i, list(points)] * points).sum()) for i in ("c", "e")) / (2 * n)
        everyone_n, everyone_mean = _cell(summary, "(all)", "d2", "n"), _cell(summary, "(all)", "d2", "mean")
        x_mean = (everyone_n * everyone_mean - n * y_mean) / (everyone_n - n)
        pytest.fail(f"x's d2 mean rebuilt from y's items: {x_mean:.2f}")


def test_the_suppression_is_the_same_whichever_table_asks(tiny):
    responses = six_and_twenty(tiny)
    summary = group_summary(responses)
    by_itself = item_distribution(responses, group="y")
    again = group_summary(responses)
    pd.testing.assert_frame_equal(summary, again)
    assert by_itself.attrs["suppressed"] == item_distribution(responses, group="y").attrs["suppressed"]


def test_groups_of_six_four_and_twenty(tiny):
    """Three groups, complete answers: the 4 is hidden, and the 6 (the smallest other) with it, on both dimensions."""
    frames = []
    for name, size, answer in (("a", 6, 4), ("b", 4, 2), ("c", 20, 3)):
        frames.append(pd.DataFrame({"respondent": [f"{name}{k}" for k in range(size)], "group": name,
                                    "a": answer, "b": 6 - answer, "c": answer, "e": answer}))
    summary = group_summary(read_responses(pd.concat(frames, ignore_index=True), tiny))
    for dim in ("d1", "d2"):
        assert _cell(summary, "b", dim, "n") == "suppressed: fewer than 5 respondents"
        assert _cell(summary, "a", dim, "n") == "suppressed: protects a smaller group"
        assert _cell(summary, "c", dim, "n") == 20 and _cell(summary, "(all)", dim, "n") == 30
        assert subtraction_attack(summary, dim) is None


# ---------------------------------------------------------------------- the report: text against tables
def stakeholder_network(stakeholders, *, name="network", leaders=()):
    """A ring of members whose stakeholder values are given as {value: count}."""
    ids, values = [], []
    for value, count in stakeholders.items():
        for _ in range(count):
            ids.append(f"m{len(ids):03d}")
            values.append(value)
    members = pd.DataFrame({"id": ids, "stakeholder": values,
                            "formal_leader": ["yes" if k in leaders else "no" for k in range(len(ids))]})
    ties = pd.DataFrame({"source": ids, "target": ids[1:] + ids[:1], "relation": "knows"})
    return Network.from_frames(members, ties, name=name)


def _tables(report, caption):
    return [block for s in report.sections for block in s.blocks if isinstance(block, Table)
            and block.caption.startswith(caption)]


def _text(report):
    return " ".join(block.text for s in report.sections for block in s.blocks if isinstance(block, Paragraph))


def _number(cell):
    return None if is_suppressed(cell) or not isinstance(cell, str) or not cell.replace(",", "").isdigit() \
        else int(cell.replace(",", ""))


def voices_attack(report, voices=("patient", "carer", "citizen")):
    """A voice's count as the stated voices total minus the voices shown in any table; None if it cannot be done."""
    stated = re.search(r"(\d[\d,]*) of the [\d,]+ members with a stakeholder recorded", _text(report))
    if not stated:
        return None
    total = int(stated.group(1).replace(",", ""))
    shown = {}
    for table in _tables(report, "Members by stakeholder") + _tables(report, "Members by voice"):
        for row in table.rows:
            if row[0] in voices and _number(row[1]) is not None:
                shown[row[0]] = _number(row[1])
            elif row[0] in voices and row[1] == "none":
                shown[row[0]] = 0
    present = [v for v in voices if any(row[0] == v for t in _tables(report, "Members by stakeholder")
                                        for row in t.rows)]
    missing = [v for v in present if v not in shown]
    return {missing[0]: total - sum(shown.values())} if len(missing) == 1 else None


def test_voices_text_minus_stakeholder_table():
    """Patients 3, carers 7, clinicians 2, managers 30: the text said 10 voices, the table carers 7."""
    net = stakeholder_network({"patient": 3, "carer": 7, "clinician": 2, "manager": 30})
    report = build_report(net, key=KEY)
    assert voices_attack(report) is None
    # what is left: the small counts hidden, the voices total in words, the aim still compared
    rows = {row[0]: row[1] for row in _tables(report, "Members by stakeholder")[0].rows}
    assert is_suppressed(rows["patient"]) and is_suppressed(rows["clinician"]) and rows["manager"] == "30"
    assert "is not shown" in _text(report) and "at or above the aim of 20%" in _text(report)   # 10 of 42
    # and the secondary cell cannot be had either: 42 - 30 - 7 - (10 - 7) = 2 clinicians needs the 10
    assert not re.search(r"\b10 of the 42\b", render_html(report))


def test_voices_shown_when_nothing_can_be_worked_out():
    net = stakeholder_network({"patient": 6, "carer": 7, "clinician": 20, "manager": 30})
    report = build_report(net, key=KEY)
    assert "13 of the 63 members with a stakeholder recorded (21%)" in _text(report)


def test_blau_index_cannot_be_solved_for_two_hidden_categories():
    """11, 6 and 3 of 20: with 6 + 3 = 9 known, Blau = 1 - (121 + a^2 + b^2) / 400 pins a and b to 6 and 3."""
    net = stakeholder_network({"clinician": 11, "manager": 6, "patient": 3})
    report = build_report(net, key=KEY)
    (summary,) = _tables(report, "Diversity of the membership")
    row = next(r for r in summary.rows if r[0] == "stakeholder")
    solutions = []
    if not is_suppressed(row[2]):
        blau = float(row[2])
        for a in range(1, 9):
            squares = (1 - blau) * 400 - 121
            if abs(a * a + (9 - a) ** 2 - squares) <= 0.005 * 400 + 1e-9:
                solutions.append(sorted((a, 9 - a)))
    assert [3, 6] not in solutions or len({tuple(s) for s in solutions}) > 1
    assert report.section("diversity").data["compositions"]["stakeholder"]["blau"] == pytest.approx(1 - 166 / 400)


def test_a_small_count_of_formal_leaders_is_suppressed_everywhere(drawings):
    net = stakeholder_network({"clinician": 12, "manager": 8}, leaders=(0, 5))
    report = build_report(net, key=KEY)
    leadership = report.section("leadership")
    figures_shown = dict(next(b for b in leadership.blocks if isinstance(b, KeyFigures) and
                              any(label == "Formal leaders" for label, _ in b.items)).items)
    assert is_suppressed(figures_shown["Formal leaders"])
    # 20 members now and 18 without the formal leaders would give 2 away
    (what_if,) = _tables(report, "The network now")
    members_row = next(row for row in what_if.rows if row[0] == "members")
    assert members_row[1] == "20" and is_suppressed(members_row[2])
    # nor the picture: no rings to count, and the description does not say how many
    assert list(drawings[-1]["leaders"]) == []
    alts = [b.alt for s in report.sections for b in s.blocks if isinstance(b, Image)]
    assert not any("formal leader" in alt for alt in alts)
    # with --min-group-size 1 the count is shown
    shown = build_report(net, key=KEY, min_group_size=1)
    assert dict(next(b for b in shown.section("leadership").blocks if isinstance(b, KeyFigures) and
                     any(label == "Formal leaders" for label, _ in b.items)).items)["Formal leaders"] == "2"


def test_the_network_name_is_left_out_unless_names_are_shown(drawings):
    net = stakeholder_network({"clinician": 12, "manager": 8}, name="jo_bloggs_contacts")
    page = render_html(build_report(net, key=KEY))
    assert "jo_bloggs_contacts" not in page and drawings and "jo_bloggs_contacts" not in drawings[-1]["title"]
    named = render_html(build_report(net, key=KEY, show_names=True))
    assert "jo_bloggs_contacts" in named and "jo_bloggs_contacts" in drawings[-1]["title"]


# ---------------------------------------------------------------------- linked families, checked independently
def _determined(publication, unseen, key):
    """Independent check with matrix ranks: the cell is determined when adding its unit row does not raise the rank."""
    keys = [k for k in publication.cells if k in unseen]
    M = publication.matrix(keys)
    unit = np.zeros((1, len(keys)))
    unit[0, keys.index(key)] = 1
    return np.linalg.matrix_rank(np.vstack([M, unit])) == np.linalg.matrix_rank(M) if len(M) else False


def _check(publication):
    protected = protect(publication)
    minimum = publication.minimum
    assert protected.primary == {k for k, c in publication.cells.items() if 0 < c.count < minimum}
    unseen = protected.primary | protected.secondary | {k for k, c in publication.cells.items() if not c.published}
    for key in protected.primary:
        assert not _determined(publication, unseen, key), key
    assert not derivable(publication, unseen, among=protected.primary)
    return protected


counts = st.integers(min_value=0, max_value=25)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.lists(counts, min_size=2, max_size=4), min_size=2, max_size=4),
       st.integers(min_value=2, max_value=6))
def test_two_way_tables_with_both_margins(grid, minimum):
    """Groups x dimensions (or stakeholder x organisation): every row, column and the grand total shown."""
    width = min(len(row) for row in grid)
    grid = [row[:width] for row in grid]
    pub = Publication(minimum)
    for r, row in enumerate(grid):
        for c, n in enumerate(row):
            pub.add(("cell", r, c), n)
        pub.add(("row", r), sum(row), total=True)
        pub.add_sum(("row", r), [("cell", r, c) for c in range(width)])
    for c in range(width):
        pub.add(("column", c), sum(row[c] for row in grid), total=True)
        pub.add_sum(("column", c), [("cell", r, c) for r in range(len(grid))])
    pub.add(("all",), sum(map(sum, grid)), total=True)
    pub.add_sum(("all",), [("row", r) for r in range(len(grid))])
    _check(pub)


@settings(max_examples=120, deadline=None)
@given(st.lists(counts, min_size=2, max_size=6), st.lists(st.booleans(), min_size=6, max_size=6),
       st.integers(min_value=2, max_value=6))
def test_a_breakdown_with_stated_subtotals(parts, in_voices, minimum):
    """A stakeholder table, the members total, and a sentence stating the total of some of the categories."""
    pub = Publication(minimum)
    keys = [pub.add(("count", k), n) for k, n in enumerate(parts)]
    pub.add("members", sum(parts), total=True)
    pub.add_sum("members", keys)
    chosen = [key for key, flag in zip(keys, in_voices) if flag]
    if chosen:
        pub.add("voices", sum(pub.cells[k].count for k in chosen), total=True)
        pub.add_sum("voices", chosen)
    _check(pub)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(counts, st.booleans()), min_size=2, max_size=4), st.integers(min_value=2, max_value=6))
def test_dimensions_linked_to_their_items(groups, minimum):
    """Per group: a dimension cell and two item cells, linked (2 x dimension = item + item) if answers are complete."""
    pub = Publication(minimum)
    for key in ("d", "i1", "i2"):
        pub.add(("all", key), sum(n for n, _ in groups), total=True)
    for g, (n, complete) in enumerate(groups):
        for key in ("d", "i1", "i2"):
            pub.add((g, key), n)
        if complete:
            pub.add_relation({(g, "d"): 2, (g, "i1"): -1, (g, "i2"): -1})
    for key in ("d", "i1", "i2"):
        pub.add_sum(("all", key), [(g, key) for g in range(len(groups))])
    _check(pub)


def test_a_derivation_through_a_chain_of_tables_is_caught():
    """x is hidden in table 1, but table 2 gives y, and table 1's total minus y gives x: the chain needs breaking."""
    pub = Publication(5)
    for key, n in {"t1": 10, "x": 3, "y": 7, "t2": 9, "y2": 7, "z": 2}.items():
        pub.add(key, n, total=key.startswith("t"))
    pub.add_sum("t1", ["x", "y"])
    pub.add_relation({"y": 1, "y2": -1})             # the same 7 people, published twice
    pub.add_sum("t2", ["y2", "z"])
    protected = _check(pub)
    assert protected.hidden("x") and protected.hidden("z")
    assert protected.secondary & {"y", "y2", "t1", "t2"}


def test_suppression_off_and_zero_counts():
    pub = Publication(1)
    pub.add("a", 2)
    assert protect(pub).hidden_keys == []
    pub = Publication(5)
    for key, n in {"all": 12, "a": 12, "b": 0}.items():
        pub.add(key, n)
    pub.add_sum("all", ["a", "b"])
    assert protect(pub).hidden_keys == []            # nobody there discloses nothing
    with pytest.raises(ValueError):
        Publication(0)
    with pytest.raises(KeyError):
        Publication(5).add_relation({"never added": 1})


def test_a_network_smaller_than_the_minimum_is_reported_not_hidden():
    """Three members, all in one group: the group's 3 is the number of members, which is always shown."""
    pub = Publication(5)
    pub.add("members", 3, always_shown=True)
    pub.add("ward", 3)
    pub.add_sum("members", ["ward"])
    protected = protect(pub)
    assert protected.primary == {"ward"} and protected.exposed == {"ward", "members"} and not protected.secondary
    members = pd.DataFrame({"id": ["a", "b", "c"], "group": ["ward"] * 3})
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "relation": "knows"})
    report = build_report(Network.from_frames(members, ties, name="n"), key=KEY)
    assert any(label == "Take care" for label, _ in report.about)


def test_the_report_picture_and_tables_agree_with_one_plan(drawings):
    """A group hidden in the members table is hidden in the E-I table, drawn grey, and hidden in the preview widget."""
    from netlearn.widgets.own_network import suppression_preview

    members = pd.DataFrame({"id": [f"p{k}" for k in range(18)],
                            "group": ["ward"] * 10 + ["gp"] * 5 + ["pharmacy"] * 3})
    G = nx.cycle_graph([f"p{k}" for k in range(18)])
    ties = pd.DataFrame([(a, b, "knows") for a, b in G.edges()], columns=["source", "target", "relation"])
    net = Network.from_frames(members, ties, name="n")
    report = build_report(net, key=KEY)
    (by_group,) = _tables(report, "Members by group")
    hidden = {row[0] for row in by_group.rows if is_suppressed(row[1])}
    assert hidden == {"pharmacy", "gp"}
    (ei,) = _tables(report, "E-I index of each group")
    assert {row[0] for row in ei.rows if is_suppressed(row[1])} == hidden
    assert {drawings[-1]["colour_of"][f"p{k}"] for k in range(10, 18)} == {None}      # gp and pharmacy grey
    preview = suppression_preview(net, "group")
    assert {g for g in preview.index if preview.loc[g, "in the report"].startswith("suppressed")} == hidden


def test_the_preview_widget_weighs_the_voices_sentence_too():
    """Patients 3, carers 7, clinicians 2: the preview shows what the report shows, carers included."""
    from netlearn.widgets.own_network import suppression_preview

    net = stakeholder_network({"patient": 3, "carer": 7, "clinician": 2, "manager": 30})
    preview = suppression_preview(net, "stakeholder")
    report = build_report(net, key=KEY)
    (table,) = _tables(report, "Members by stakeholder")
    assert {row[0]: str(row[1]) for row in table.rows} == dict(preview["in the report"])
