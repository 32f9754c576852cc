"""The purpose helpers: the statement checker on a labelled set of statements, its word-list
notation, agreement on priorities (checked against independent filtering and the agreement
module), and reasons for joining (checked against a hand-worked example and an independent
count)."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import netlearn
from netlearn import DataError, MeasureError, purpose
from netlearn.agreement import kendalls_w, kendalls_w_by_group, most_divisive_item
from netlearn.purpose import (EXAMPLE_STATEMENTS, LIMITS, PRIORITY_LABELS, PURPOSE_RULES, REASONS_TO_PRIORITIES,
                              Criterion, check_purpose, phrase_pattern, purpose_agreement, reasons_alignment)

KEYS = [rule.key for rule in PURPOSE_RULES]


@pytest.fixture(scope="module")
def net():
    return netlearn.load_dataset("q_community")


# --------------------------------------------------------------------------- the notation


@pytest.mark.parametrize(("phrase", "text", "found"), [
    ("reduc*", "We will reduce waits", "reduce"),
    ("reduc*", "a reduction in falls", "reduction"),
    ("cut", "to cut waiting times", "cut"),
    ("cut", "new cutlery for the ward", None),           # whole words only
    ("end to", "put an end to delays", "end to"),
    ("end to", "end of life care", None),
    ("people with", "People   with asthma", "People   with"),  # any spaces, any capitals
    ("door to door", "door-to-door transport", "door-to-door"),
    ("<number>%", "a 20% fall", "20%"),
    ("<number>%", "a 2.5% fall", "2.5%"),
    ("<number> per cent", "by 12 per cent", "12 per cent"),
    ("by <year>", "by 2027.", "by 2027"),
    ("by <year>", "by 1066", None),                      # years run from 1900 to 2099
    ("within <number> months", "within 18 months", "within 18 months"),
    ("each other's", "each other's pilots", "each other's"),
    ("patient*", "patients and carers", "patients"),
])
def test_phrase_notation(phrase, text, found):
    match = phrase_pattern(phrase).search(text)
    assert (match.group(0) if match else None) == found


@pytest.mark.parametrize("bad", ["", "   ", None, 3])
def test_a_phrase_must_be_text(bad):
    with pytest.raises(MeasureError, match="must be some text"):
        phrase_pattern(bad)


def test_every_phrase_of_the_default_rules_compiles_and_matches_itself():
    for rule in PURPOSE_RULES:
        for phrase in rule.phrases + rule.general:
            example = phrase.replace("<number>", "12").replace("<year>", "2030").replace("*", "")
            assert phrase_pattern(phrase).search(f"so: {example}."), (rule.key, phrase)


# --------------------------------------------------------------------------- the labelled statements


def test_the_labelled_set_has_good_weak_and_limit_cases():
    assert len(EXAMPLE_STATEMENTS) >= 10
    sizes = [len(example["expected"]) for example in EXAMPLE_STATEMENTS.values()]
    assert max(sizes) == 5 and min(sizes) == 0
    limits = [key for key, example in EXAMPLE_STATEMENTS.items() if "limitation" in example]
    assert len(limits) >= 2
    for example in EXAMPLE_STATEMENTS.values():
        assert set(example["expected"]) <= set(KEYS)
        assert example["title"] and example["text"]


@pytest.mark.parametrize("key", list(EXAMPLE_STATEMENTS))
def test_checker_on_each_labelled_statement(key):
    example = EXAMPLE_STATEMENTS[key]
    feedback = check_purpose(example["text"])
    says = example.get("checker_says", example["expected"])
    assert set(feedback.met) == set(says)
    for result in feedback:
        if result.met:
            assert result.evidence in example["text"]
            assert phrase_pattern(result.phrase).fullmatch(result.evidence)
            assert result.all_evidence[0] == result.evidence or not result.general_only
        else:
            assert result.evidence is None and result.advice
    general = set(example.get("general", ()))
    assert {r.key for r in feedback if r.general_only} == general


def test_checker_agrees_with_the_labels_except_where_a_limit_is_documented():
    agree, disagree = [], []
    for key, example in EXAMPLE_STATEMENTS.items():
        met = set(check_purpose(example["text"]).met)
        (agree if met == set(example["expected"]) else disagree).append(key)
    assert len(agree) >= 9
    assert sorted(disagree) == sorted(k for k, e in EXAMPLE_STATEMENTS.items() if "limitation" in e)
    assert "not" in LIMITS and "wording, not" in LIMITS


# --------------------------------------------------------------------------- check_purpose itself


def test_hand_worked_statement():
    text = ("Our network exists so that carers in Devon get a break. Members swap ideas, "
            "and we will know it works when 50% more carers have a plan by 2026.")
    feedback = check_purpose(text)
    assert feedback.met == ("whom", "change", "reciprocity", "impact")
    assert feedback["whom"].evidence == "carers"
    assert feedback["change"].evidence == "so that"
    assert feedback["reciprocity"].evidence == "swap"
    assert feedback["impact"].all_evidence == ("we will know", "50%", "by 2026")
    assert feedback.not_met == ("why_network",)
    assert feedback.score == 4
    assert feedback.summary() == "4 of 5 met. Not found yet: why a network, not a hierarchy."
    assert "no single organisation" in feedback["why_network"].advice


def test_specific_words_win_over_general_ones_and_general_words_get_a_nudge():
    feedback = check_purpose("We collaborate because no single trust can do it alone.")
    assert feedback["why_network"].evidence == "no single"
    assert not feedback["why_network"].general_only
    nudged = check_purpose("Together we will improve care for patients.")
    assert nudged["change"].general_only and nudged["change"].evidence == "improve"
    assert "general words" in nudged["change"].advice


def test_notes_on_length():
    assert "very short" in check_purpose("Better care.").notes[0]
    long_text = " ".join(["patients"] * 90)
    assert "long" in check_purpose(long_text).notes[0]
    assert check_purpose(EXAMPLE_STATEMENTS["stroke_network"]["text"]).notes == ()


@pytest.mark.parametrize("bad", ["", "   \n", None, 42, ["a statement"]])
def test_empty_or_non_text_statements_are_explained(bad):
    with pytest.raises(MeasureError, match="purpose statement"):
        check_purpose(bad)


def test_own_rules_can_replace_the_default_ones():
    rules = [Criterion("voice", "Patient voice", "Do patients have a say?", phrases=("co-produc*", "patient voice"),
                       suggestion="Say how patients shape the work.")]
    feedback = check_purpose("Everything we do is co-produced.", rules=rules)
    assert feedback.met == ("voice",) and feedback["voice"].evidence == "co-produced"
    with pytest.raises(KeyError, match="the criteria are: voice"):
        feedback["whom"]
    with pytest.raises(MeasureError, match="share a key"):
        check_purpose("x y", rules=rules * 2)
    with pytest.raises(MeasureError, match="empty"):
        check_purpose("x y", rules=[])
    with pytest.raises(MeasureError, match="Criterion"):
        check_purpose("x y", rules=["whom"])


def test_feedback_shows_as_text_table_and_safe_html():
    feedback = check_purpose("<script>alert(1)</script> so that patients are safer")
    page = feedback._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" not in page      # the statement is not echoed raw
    assert "so that" in page and "Not yet" in page and "wording, not" in page
    text = str(feedback)
    assert text.startswith("2 of 5 met") and "[not yet] What members get back" in text
    assert repr(feedback).startswith("<PurposeFeedback: 2 of 5 met")
    table = feedback.table()
    assert list(table.index) == KEYS and table.loc["whom", "evidence"] == "patients"


def test_rules_can_be_read():
    table = purpose.rules_table()
    assert list(table.index) == KEYS
    assert "we will know" in table.loc["impact", "phrases"]
    text = purpose.describe_rules()
    for rule in PURPOSE_RULES:
        assert f"{rule.label} (key '{rule.key}')" in text
    assert "end to" in text and "by <year>" in text and "Notation" in text


# --------------------------------------------------------------------------- priorities and agreement


def test_the_mapping_covers_every_reason_in_the_data_and_names_real_priorities(net):
    reasons = {r.strip() for cell in net.members["reasons_for_joining"] for r in str(cell).split(";")}
    assert reasons == set(REASONS_TO_PRIORITIES)
    items = set(net.tables["purpose_rankings"].columns) - {"member_id"}
    assert items == set(PRIORITY_LABELS)
    assert {p for serves in REASONS_TO_PRIORITIES.values() for p in serves} <= set(PRIORITY_LABELS)
    table = purpose.reason_mapping_table()
    assert table.loc["learn from peers", "serves"] == "share_learning; peer_support"


def test_top_priorities(net):
    ranks = pd.DataFrame({"member_id": ["a", "b", "c"], "x": [1, 2, 2], "y": [2, 1, 1], "z": [3, 3, 3]})
    assert purpose.top_priorities(ranks, k=1) == ["y"]            # mean ranks x 5/3, y 4/3, z 3
    assert purpose.top_priorities(ranks, k=3) == ["y", "x", "z"]
    tied = pd.DataFrame({"b": [1, 2], "a": [2, 1]})
    assert purpose.top_priorities(tied, k=1) == ["a"]             # a tie is broken by name
    means = net.tables["purpose_rankings"].drop(columns="member_id").mean().sort_values()
    assert purpose.top_priorities(net, k=2) == list(means.index[:2]) == ["share_learning", "spread_improvements"]
    with pytest.raises(MeasureError, match="from 1 to 3"):
        purpose.top_priorities(ranks, k=4)


def test_agreement_for_everyone_matches_the_agreement_module(net):
    rankings = net.tables["purpose_rankings"]
    result = purpose_agreement(net)
    assert result.group == "All members" and result.raters == 150
    assert result.w.w == pytest.approx(kendalls_w(rankings).w)
    assert result.divisive.item == most_divisive_item(rankings).item == "influence_policy"
    assert list(result.order["mean_rank"]) == sorted(result.order["mean_rank"])
    assert result.order.loc["share_learning", "label"] == "share learning about what works"
    assert "All members (150 members)" in result.interpretation


def test_agreement_per_region_matches_independent_filtering(net):
    rankings = net.tables["purpose_rankings"]
    table = kendalls_w_by_group(rankings, net, attribute="region")
    for region in sorted(net.members["region"].unique()):
        ids = set(net.members.loc[net.members["region"] == region, "id"])
        own = rankings[rankings["member_id"].isin(ids)]
        result = purpose_agreement(rankings, net, value=region)
        assert result.raters == len(own) == table.loc[region, "raters"]
        assert result.w.w == pytest.approx(kendalls_w(own).w)
        assert result.w.w == pytest.approx(table.loc[region, "w"])
        assert result.group == f"Region: {region}"
    assert round(purpose_agreement(net, value="North").w.w, 2) == 0.64
    london = purpose_agreement(net, value="London")
    assert round(london.w.w, 2) == 0.37
    # London's members give two priorities the same mean rank (61/27): both are named as first.
    assert list(london.order.index[:3]) == ["share_learning", "spread_improvements", "partner_with_patients"]
    assert london.order.loc["share_learning", "mean_rank"] == pytest.approx(61 / 27)
    assert ("put 'share learning about what works' and 'spread proven improvements' (tied) first"
            in london.interpretation)


def test_agreement_errors_are_plain(net):
    with pytest.raises(MeasureError, match="Did you mean 'London'"):
        purpose_agreement(net, value="Londn")
    with pytest.raises(MeasureError, match="no 'county' column"):
        purpose_agreement(net, value="Devon", attribute="county")
    with pytest.raises(MeasureError, match="pass the members too"):
        purpose_agreement(net.tables["purpose_rankings"], value="London")
    with pytest.raises(DataError, match="no purpose_rankings"):
        purpose_agreement(netlearn.load_dataset("krackhardt_kite"))
    with pytest.raises(MeasureError, match="a table"):
        purpose_agreement([[1, 2], [2, 1]])


# --------------------------------------------------------------------------- reasons for joining


def test_reasons_hand_worked():
    members = pd.DataFrame({"id": ["a", "b", "c", "d"],
                            "reasons_for_joining": ["develop my skills", "Learn from peers; share my work",
                                                    "find collaborators", None]})
    result = reasons_alignment(members, ["build_skills", "peer_support"])
    # a: skills -> build_skills (yes); b: learn from peers -> peer_support (yes); c: collaborators -> spread (no);
    # d: no reason, counted apart.
    assert (result.aligned, result.counted, result.without_reasons) == (2, 3, 1)
    assert result.share == pytest.approx(2 / 3)
    assert result.per_member.loc["b", "serving"] == "Learn from peers"
    assert bool(result.per_member.loc["c", "aligned"]) is False
    assert result.by_reason.loc["develop my skills", "in_purpose"]
    assert result.by_reason.loc["find collaborators", "members"] == 1
    assert "2 of 3 members (67%)" in result.interpretation and "1 member(s) gave no reason" in result.interpretation


def _independent_share(members, priorities):
    wanted = set(priorities)
    aligned = counted = 0
    for cell in members["reasons_for_joining"]:
        reasons = [r.strip().lower() for r in str(cell).split(";") if r.strip()]
        if not reasons:
            continue
        counted += 1
        aligned += any(wanted & set(REASONS_TO_PRIORITIES[r]) for r in reasons)
    return aligned / counted


@pytest.mark.parametrize("size", [1, 2, 3])
def test_reasons_share_matches_an_independent_count(net, size):
    for chosen in itertools.combinations(sorted(PRIORITY_LABELS), size):
        assert reasons_alignment(net, list(chosen)).share == pytest.approx(_independent_share(net.members, chosen))


def test_reasons_known_values_on_the_community(net):
    both = reasons_alignment(net, ["peer_support", "influence_policy"])
    assert (both.aligned, both.counted) == (119, 150)
    patients = reasons_alignment(net, ["partner_with_patients"])
    assert patients.aligned == 0 and patients.uncovered == ("partner_with_patients",)
    assert "No reason on the list serves 'partner with patients and citizens'" in patients.interpretation
    london = reasons_alignment(net, "influence_policy", attribute="region", value="London")
    ids = net.members.loc[net.members["region"] == "London"]
    assert london.counted == len(ids)
    assert london.share == pytest.approx(_independent_share(ids, ["influence_policy"]))


def test_reasons_accept_labels_and_explain_mistakes(net):
    by_label = reasons_alignment(net, ["offer peer support"])
    assert by_label.priorities == ("peer_support",)
    with pytest.raises(MeasureError, match="Did you mean 'peer_support'"):
        reasons_alignment(net, ["peer_suport"])
    with pytest.raises(MeasureError, match="at least one priority"):
        reasons_alignment(net, [])
    with pytest.raises(MeasureError, match="both attribute and value"):
        reasons_alignment(net, ["peer_support"], attribute="region")
    with pytest.raises(MeasureError, match="no 'why' column"):
        reasons_alignment(net, ["peer_support"], column="why")


def test_reasons_not_in_the_mapping_are_never_dropped_silently():
    members = pd.DataFrame({"id": ["a", "b"], "reasons_for_joining": ["develop my skills", "free lunch"]})
    with pytest.raises(DataError, match="'free lunch' \\(member 'b'\\)"):
        reasons_alignment(members, ["build_skills"])
    result = reasons_alignment(members, ["build_skills"], unknown="ignore")
    assert (result.aligned, result.counted) == (1, 2)
    assert result.by_reason.loc["free lunch", "serves"] == "(not in the mapping)"
    own = reasons_alignment(members, ["food"], mapping={"free lunch": ("food",), "develop my skills": ()})
    assert own.aligned == 1 and own.per_member.loc["b", "aligned"]
    with pytest.raises(MeasureError, match="'error', 'ignore'"):
        reasons_alignment(members, ["build_skills"], unknown="skip")


# --------------------------------------------------------------------------- the figure


def test_agreement_figure_has_title_and_summary(net):
    table = kendalls_w_by_group(net.tables["purpose_rankings"], net, attribute="region")
    fig = purpose.plot_agreement_by_group(table, title="W by region")
    try:
        assert fig.summary == ("W by region: Kendall's W is highest in North (0.64) and lowest in London (0.37); "
                               "all members together 0.40.")
        ax = fig.axes[0]
        assert ax.get_title() == "W by region"
        assert [t.get_text() for t in ax.get_yticklabels()][-1] == "North"
        widths = [bar.get_width() for bar in ax.patches]          # seaborn's bars, one per region, lowest first
        assert widths == sorted(widths) and round(widths[0], 2) == 0.37 and round(widths[-1], 2) == 0.64
        assert type(fig).__name__ == "CourseFigure"               # shown as a picture without pyplot
        assert all(t.get_fontsize() >= 9 for t in ax.get_yticklabels())
    finally:
        plt.close(fig)
    with pytest.raises(MeasureError, match="kendalls_w_by_group"):
        purpose.plot_agreement_by_group(pd.DataFrame({"x": [1]}))
