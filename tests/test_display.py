"""What learners see: readable reprs of result objects, escaped HTML, and the learner-table helper.

Values are hand-worked (small graphs and rankings, worked in the comments) or come from the shipped
datasets (Krackhardt's kite, the synthetic q_community, the Devon partnership).
"""

import re

import networkx as nx
import pandas as pd
import pytest

import netlearn
from netlearn import agreement, purpose
from netlearn.diversity import voices_present
from netlearn.display import LearnerTable, number, percent, result_html, table_for_learners
from netlearn.fastgraph import betweenness
from netlearn.governance import governance_fit
from netlearn.leadership import reliance_on_formal_leaders, shared_leadership
from netlearn.listening import coach
from netlearn.partnership import governance_inputs, tie_concentration, workstream_view

NASTY = "<script>alert('x')</script>"


def _long_decimals(text):
    """Numbers with more than four decimals, as a reader would see them."""
    return re.findall(r"\d\.\d{5,}", text)


def _assert_readable(result):
    """No dataclass or tuple repr, no long decimals, and an HTML display that escapes."""
    text = repr(result)
    name = type(result).__name__
    assert not text.startswith(name + "("), text
    assert "object at 0x" not in text
    assert not _long_decimals(text), text
    page = result._repr_html_()
    assert not _long_decimals(page)
    return text, page


@pytest.fixture(scope="module")
def q():
    return netlearn.load_dataset("q_community")


# --------------------------------------------------------------------------- agreement


def test_kendalls_w_repr_is_plain_words_with_the_p_value_in_a_fold():
    # The docstring's example: rank totals 4, 6, 8, S = 8, W = 12 * 8 / (9 * 24) = 0.444.
    ranks = pd.DataFrame({"member_id": ["ann", "bo", "cy"], "learn": [1, 2, 1],
                          "spread": [2, 1, 3], "influence": [3, 3, 2]})
    result = agreement.kendalls_w(ranks)
    text, page = _assert_readable(result)
    assert text == ("W = 0.44: moderate agreement among 3 raters on the order of 3 items. Random rankings "
                    "could easily agree this much, so do not read a shared order into it.")
    assert "p =" not in text and "p-value" not in text
    fold = page[page.index("<details"):]
    assert "p-value" in fold and "0.264" in fold and "2.67 on 2 degrees of freedom" in fold
    assert result.w == pytest.approx(4 / 9) and result.df == 2      # the fields are still there


def test_kendalls_w_on_q_community_says_more_than_chance(q):
    text, page = _assert_readable(agreement.kendalls_w(q.tables["purpose_rankings"]))
    assert text.startswith("W = 0.40: moderate agreement among 150 raters on the order of 6 items.")
    assert "more agreement than random rankings would give" in text
    assert "3.1e-63" not in text and "less than 0.001" in page


def test_divisive_item_repr_drops_the_variance_ratio():
    # 'influence' gets ranks 1, 1, 4, 4: variance 2.25 against (16 - 1) / 12 = 1.25 at random.
    # With 4 items the top third is ranks <= 4/3 (rank 1) and the bottom third ranks > 8/3 (3, 4):
    # two of four raters in each.
    ranks = pd.DataFrame({"learn": [2, 2, 1, 1], "spread": [3, 4, 2, 3],
                          "skills": [4, 3, 3, 2], "influence": [1, 1, 4, 4]})
    result = agreement.most_divisive_item(ranks, id_column=None)
    text, page = _assert_readable(result)
    assert text.startswith("'influence' divides raters most: 50% put it in their top third and 50% in their "
                           "bottom third. Its ranks are more spread out than random ranking would give")
    assert "variance" not in text and "2.25" not in text
    fold = page[page.index("<details"):]
    assert "2.25" in fold and "1.25" in fold and "1.80" in fold
    assert result.describe("influence on policy").startswith("'influence on policy' divides")


def test_purpose_agreement_uses_priority_labels_and_no_p_value(q):
    result = purpose.purpose_agreement(q)
    text, page = _assert_readable(result)
    assert text.startswith("All members (150 members): W = 0.40")
    assert "'share learning about what works' first" in text
    assert "'influence national and local policy' divides raters most: 37% put it in their top third" in text
    assert "p =" not in text and "rank variance" not in text
    assert "mean rank (1 = most important)" in page and "87%" in page


def test_reasons_alignment_html_shows_labels_not_keys(q):
    result = purpose.reasons_alignment(q, ["share_learning", "spread_improvements"])
    text, page = _assert_readable(result)
    assert text.startswith("102 of 150 members (68%)")
    assert "share learning about what works" in page and "share_learning" not in page


# --------------------------------------------------------------------------- leadership


def test_shared_leadership_star_in_words():
    # Four people all name Ann: 4 of the 5 * 4 = 20 possible nominations (20%), centralization 1.
    G = nx.DiGraph([("bo", "ann"), ("cy", "ann"), ("dev", "ann"), ("eve", "ann")])
    result = shared_leadership(G)
    text, page = _assert_readable(result)
    assert text == ("5 members made 4 leadership nominations, 20.0% of the 20 possible. Centralisation is 1.00 "
                    "(1 would mean everyone names the same person), so leadership is held by one person or a "
                    "very few.")
    assert "0.200" in page and "<details" in page
    assert result.density == 0.2 and result._asdict()["nominations"] == 4


def test_shared_leadership_q_community(q):
    text, _ = _assert_readable(shared_leadership(q.graph("leadership")))
    assert "150 members made 242 leadership nominations, 1.1% of the 22,350 possible" in text
    assert "0.010827" not in text


def test_reliance_cycle_in_words():
    # Cycle of five, leader 0: 2 of the 12 ordered pairs of other members need the leader (17%).
    # Without it those two pairs are 3 steps apart instead of 2: efficiency falls from
    # (6 * 1 + 6 * 1/2) / 12 to (6 * 1 + 4 * 1/2 + 2 * 1/3) / 12, a drop of 1/27 = 3.7%.
    result = reliance_on_formal_leaders(nx.cycle_graph(5), leaders=[0])
    text, page = _assert_readable(result)
    assert text.startswith("17% of the shortest routes between other members run through the formal leader. "
                           "Without that person, the rest of the network would be 4% less efficient")
    assert "0.167" in page and "0.037" in page


# --------------------------------------------------------------------------- governance and partnership


def test_governance_fit_repr_is_one_sentence_and_html_folds_reasons():
    # Every condition on the shared-governance profile: all four match, so its fit is exactly 1.
    result = governance_fit("high-widespread", 5, "high", "low")
    text, page = _assert_readable(result)
    assert text.startswith("Best fit: shared governance (fit 1.00 out of 1), then network administrative organisation "
                           "(0.44) and lead organisation (0.31).")
    assert "\n" not in text
    assert page.count("<details") == 3 and "shared governance: fit 1.00, 4 of 4 conditions match" in page
    assert "Provan &amp; Kenis" in page


def test_governance_inputs_and_tie_concentration(q):
    inputs = governance_inputs(q, relation="advice")
    text, page = _assert_readable(inputs)
    assert text.startswith("The four conditions: how widely trust is spread 0.50 (from the data); "
                           "number of participants 150 (from the data)")
    # the reason column is shown in full, never cut off
    assert inputs.reasons["competencies_needed"].replace("'", "&#x27;") in page
    text, page = _assert_readable(tie_concentration(q.graph("advice")))
    assert text.startswith("The top 15 of 150 members receive 55% of the ties")
    assert "share expected by chance" in page


def test_tie_concentration_star():
    # A star of ten: the hub is in every tie (100%); at random the top one would be in 9 of 45 pairs (20%).
    text, _ = _assert_readable(tie_concentration(nx.star_graph(9)))
    assert "100% of the ties" in text and "about 20%" in text and "Spread = 0.00" in text


def test_workstream_view_and_voices_present():
    devon = netlearn.load_dataset("devon_stp")
    view = workstream_view(devon, "ws_primary_care")
    text, page = _assert_readable(view)
    assert text.startswith("Primary care: 23 people from 10 organisations.")
    assert "NEW Devon CCG" in page and "Organisations taking part" in page
    text, page = _assert_readable(voices_present(devon))
    assert text.startswith("4 of 120 members (3%) are patients, carers or citizens")


def test_coach_result_repr_is_the_verdict():
    result = coach("What have you tried so far?")
    text, _ = _assert_readable(result)
    assert text.splitlines()[0].startswith("Listens: 1 listening move and no advice.")
    assert "CoachResult(" not in text and "Finding(" not in text
    assert repr(result.findings[0]) == "listening: open question - \u201cWhat have you tried so far?\u201d"


def test_purpose_criterion_result_repr():
    feedback = purpose.check_purpose("We exist so that people with asthma in our town stay out of hospital.")
    assert repr(feedback["whom"]) == "Whom it serves: met by \u201cpeople with\u201d."
    assert repr(feedback["impact"]).startswith("How we will know: not yet. Say how you will know")


# --------------------------------------------------------------------------- escaping


def test_html_escapes_names_from_data():
    ranks = pd.DataFrame({NASTY: [1, 1, 2, 2], "b": [2, 2, 1, 1]})
    page = agreement.most_divisive_item(ranks, id_column=None)._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    table = table_for_learners(pd.DataFrame({"name": [NASTY], "note": ["a & b"]}))
    assert "<script>" not in table._repr_html_() and "&lt;script&gt;" in table._repr_html_()
    assert "a &amp; b" in table._repr_html_()
    assert "<script>" not in result_html(NASTY, {NASTY: NASTY})


# --------------------------------------------------------------------------- the table helper


def test_number_and_percent():
    assert number(0.010827740492170022) == "0.01"
    assert number(0.389, 3) == "0.389"
    assert number(22350) == "22,350" and number(3.0) == "3" and number(True) == "yes"
    assert number(float("nan")) == "not available"
    assert percent(0.374) == "37%" and percent(None) == "not available"


def test_kite_table_rounds_and_renames():
    kite = netlearn.load_dataset("krackhardt_kite")
    K = kite.graph("knows")
    frame = pd.DataFrame({"ties": dict(K.degree), "betweenness": betweenness(K)})
    frame.index.name = "member"
    table = table_for_learners(frame.sort_values("betweenness", ascending=False), digits=3,
                               labels={"ties": "number of ties"})
    assert isinstance(table, LearnerTable)
    lines = repr(table).splitlines()
    # Krackhardt (1990): Heather, with 3 ties, has the highest betweenness, 14 / 36 = 0.389.
    assert lines[0].split() == ["member", "number", "of", "ties", "betweenness"]
    assert lines[1].split() == ["Heather", "3", "0.389"]
    assert table.frame.loc["Heather", "betweenness"] == 0.389
    assert not _long_decimals(table._repr_html_())


def test_names_swap_ids_in_index_cells_lists_and_joined_text():
    names = {"q1": "Ann Lee", "q2": "Bo Chan", "share_learning": "share learning", "peer_support": "peer support"}
    frame = pd.DataFrame({"contacts": [["q2"], []], "serves": ["share_learning; peer_support", "q1"],
                          "score": [0.123456, 1 / 3]}, index=pd.Index(["q1", "q2"], name="member"))
    table = table_for_learners(frame, names=names)
    assert list(table.frame.index) == ["Ann Lee", "Bo Chan"]
    cells = table.cells()
    assert cells[0] == ["Ann Lee", "Bo Chan", "share learning; peer support", "0.12"]
    assert cells[1] == ["Bo Chan", "none", "Ann Lee", "0.33"]


def test_series_percent_bool_missing_and_hidden_range_index():
    table = table_for_learners(pd.Series([12, 15], index=["broker", "energizer"], name="members"),
                               index_label="role")
    assert repr(table).splitlines() == ["role       members", "broker          12", "energizer       15"]
    assert "dtype" not in repr(table) and "Name:" not in repr(table)
    frame = pd.DataFrame({"share_top": [0.3725, None], "fits_rule": [True, False]})
    table = table_for_learners(frame, percent=["share_top"])
    assert table.columns == ["share top", "fits rule"]
    assert table.cells() == [["37%", "yes"], ["not available", "no"]]      # no 0, 1 index column


def test_long_text_is_never_cut_off():
    reason = "A very long explanation of why this member fits the rule, " * 8
    table = table_for_learners(pd.DataFrame({"reason": [reason.strip()]}))
    assert reason.strip() in repr(table)
    assert reason.strip() in table._repr_html_()
    assert "..." not in repr(table) and "\u2026" not in table._repr_html_()


def test_instrument_shows_its_dimensions_in_words():
    from netlearn.diagnostics import load_instrument

    page = load_instrument("curiosity_practice")._repr_html_()
    assert "a rating scale of 5 dimensions, 20 questions answered from 1 to 7." in page
    assert "Joyous exploration" in page and "Where the wording comes from" in page
    assert "joyous_exploration" not in page
