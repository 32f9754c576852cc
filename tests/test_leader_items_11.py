"""Episode 11's leader-track items, graded values checked against independent computations.

q5 (Prediction): the E-I index of advice ties between regions, counted here with plain networkx.
q6 (Decision): how far the huddle story holds for each choice of three pieces of evidence,
counted here by hand from which links each piece evidences; the best choice is the only one that
makes all four links hold.
q7 (Choice): one measure per pillar, checked against the evaluation plan's own filing.
"""

from __future__ import annotations


import pytest

import netlearn
from netlearn.exercises import large_scale_change_and_value as ex
from netlearn.value_creation import check_question
from netlearn.value_creation.example import EVIDENCE_OPTIONS, OUTCOMES


@pytest.fixture(scope="module")
def advice():
    return netlearn.load_dataset("q_community").graph("advice")


def test_q5_band_and_reveal_match_an_independent_count(advice):
    region = dict(advice.nodes(data="region"))
    between = sum(1 for u, v in advice.edges if region[u] != region[v])
    within = sum(1 for u, v in advice.edges if region[u] == region[v])
    ei = (between - within) / (between + within)
    low, high, text = next(band for band in ex.EI_BANDS if band[0] <= ei < band[1])
    assert ex.q5.options[ex.q5.answer_key()[0]].text == text
    assert text.startswith("Most stay within a region")
    result = ex.q5.evaluate(ex.q5.solution_answer())
    assert result.status == "correct"
    assert f"{within} advice ties stay within a region and {between} cross" in result.message
    assert f"{ei:.2f}" in result.message


def hand_chain(letters):
    evidenced = {"immediate"} | {cycle for letter, _, cycle in EVIDENCE_OPTIONS if letter in letters}
    return next((n for n, key in enumerate(("immediate", "potential", "applied", "realised"))
                 if key not in evidenced), 4)


def test_q6_every_choice_is_graded_by_how_far_the_story_holds():
    letters = [option[0] for option in EVIDENCE_OPTIONS]
    outcomes = ex.q6.outcomes()
    assert len(outcomes) == 20
    for combo, level in outcomes.items():
        assert level == hand_chain([letters[i] for i in combo]), combo
    best, best_level = ex.q6.best()
    assert [letters[i] for i in best] == ["A", "B", "C"] and best_level == 4
    assert sorted(outcomes.values()).count(4) == 1, "the best decision is the only one that makes the story hold"


def test_q6_feedback_says_what_the_choice_changes():
    figures_and_praise = ex.q6.evaluate(["A", "D", "F"])
    assert figures_and_praise.status == "incorrect"
    assert "only immediate value holds; the story breaks at potential value" in figures_and_praise.message
    assert "You have the ward figures, but the story still breaks earlier" in figures_and_praise.message
    near = ex.q6.evaluate(["B", "C", "E"])
    assert "holds from immediate value to applied value, then breaks at realised value" in near.message
    assert ex.q6.evaluate(["C", "B", "A"]).status == "correct"


def test_q7_right_measures_are_one_per_pillar_and_accepted_by_the_plan():
    right = [ex.q7.options[i].text for i in ex.q7.answer_key()]
    assert len(right) == 3
    filed = [check_question("q", "connectivity", "E-I index"), check_question("q", "health", "health check: form"),
             check_question("q", "results", "change in delayed discharges a month on the three wards",
                            outcomes=OUTCOMES)]
    assert [pillar for _, pillar, _ in filed] == ["connectivity", "health", "results"]
    assert "E-I index" in right[0] and "structure and resources" in right[1] and "Delayed discharges" in right[2]


def test_q1_answer_is_the_story_check_and_every_leader_item_has_two_typical_wrong_answers():
    assert set(ex.q1.checker.expected) == {"potential", "applied", "realised"}
    for item in (ex.q4, ex.q5, ex.q6, ex.q7):
        assert item.track == "leader" and len(item.wrong_answers) >= 2 and len(item.hints) == 2
    assert ex.q8.track == "leader"
    assert [item.name for item in ex.exercises] == ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]
