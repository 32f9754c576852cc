"""The leader track: Choice, Ranking, Prediction and Decision answered without code, graded (for a
Decision, by its consequence), recorded in progress, shown as widgets; episode 03's leader items,
with numbers checked against networkx directly; and the lesson's predict-then-see widget.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

import netlearn
from netlearn.exercises import (Choice, Decision, ExerciseSet, Option, Prediction, Ranking, Reflection,
                                predict_then_see, progress_store, progress_table, registry)
from netlearn.exercises import distributed_leadership as ex
from netlearn.exercises.leader_widgets import LeaderWidget
from netlearn.exercises.widgets import course_progress, track_counts


# --------------------------------------------------------------------------- independent reachability
def reach(G):
    """Share of ordered pairs (u, v), u != v, in which u can reach v: straight from networkx."""
    n = len(G)
    return sum(len(nx.descendants(G, u)) for u in G) / (n * (n - 1))


def reach_without(G, away, introductions=()):
    H = G.copy()
    for a, b in introductions:
        H.add_edges_from([(a, b), (b, a)])
    H.remove_node(away)
    return reach(H)


ADVICE = netlearn.load_dataset("q_community").graph("advice")
LEAD = max(dict(ADVICE.in_degree()), key=dict(ADVICE.in_degree()).get)


# --------------------------------------------------------------------------- each kind on a toy network
def toy_decision():
    # a chain a -> hub -> b plus c isolated: introductions replace the hub
    G = nx.DiGraph([("a", "hub"), ("hub", "b"), ("c", "hub")])
    pairs = [("a", "b"), ("a", "c"), ("b", "c")]
    return Decision("q1", prompt="Two introductions before the hub leaves?", pick=2,
                    options=[f"Introduce {a} to {b}" for a, b in pairs],
                    consequence=lambda combo: reach_without(G, "hub", [pairs[i] for i in combo]),
                    describe=lambda v: f"{v:.0%} of pairs stay in reach",
                    baseline=lambda: reach_without(G, "hub")), G, pairs


def test_decision_is_graded_by_its_consequence():
    decision, G, pairs = toy_decision()
    outcomes = {combo: reach_without(G, "hub", [pairs[i] for i in combo])
                for combo in itertools.combinations(range(3), 2)}
    assert decision.outcomes() == pytest.approx(outcomes)
    # any two of the three introductions connect all of a, b, c both ways: every choice is the best
    assert set(outcomes.values()) == {1.0}
    assert decision.evaluate(["A", "B"]).status == "correct"
    assert decision.evaluate(["A"]).message == "Choose 2 options; you chose 1."
    assert decision.evaluate(None).status == "not_attempted"


def test_decision_feedback_names_what_changes_against_the_best():
    G = nx.DiGraph([("a", "hub"), ("hub", "b"), ("b", "hub"), ("c", "d")])
    pairs = [("a", "b"), ("c", "d"), ("a", "c")]
    decision = Decision("q1", prompt="One introduction?", pick=1, options=["a-b", "c-d", "a-c"],
                        consequence=lambda combo: reach_without(G, "hub", [pairs[i] for i in combo]),
                        describe=lambda v: f"{v:.1%} of pairs stay in reach", baseline=reach_without(G, "hub"))
    base = reach_without(G, "hub")
    ab, cd, ac = (reach_without(G, "hub", [p]) for p in pairs)
    # without the hub only c -> d is left: 1 of 12 ordered pairs; a-b adds 2, c-d adds 1, a-c adds 3
    assert (base, ab, cd, ac) == pytest.approx((1 / 12, 3 / 12, 2 / 12, 4 / 12))
    assert decision.best()[0] == (2,)
    wrong = decision.evaluate("B")
    assert wrong.status == "incorrect"
    assert f"You chose B: {cd:.1%} of pairs stay in reach" in wrong.message
    assert f"The best choice, C: {ac:.1%}" in wrong.message
    assert f"With no introduction or other action: {base:.1%}" in wrong.message
    assert decision.evaluate("C").status == "correct"


def test_choice_needs_exactly_k_and_explains_each_option():
    choice = Choice("q1", prompt="Pick two people to invite.", options=[
        Option("The broker between regions", True, "Joins two parts of the network."),
        Option("Someone already in every meeting", False, "Adds no new route."),
        Option("A member asked by many newcomers", True, "Many people gain a route.")])
    assert choice.pick == 2 and choice.solution_answer() == ["A", "C"]
    assert choice.evaluate(["A", "C"]).status == "correct"
    wrong = choice.evaluate(["A", "B"])
    assert wrong.status == "incorrect" and "Adds no new route." in wrong.message
    assert "Choose 2 options" in choice.evaluate(["A", "B", "C"]).message


def test_ranking_grades_against_computed_values_and_names_a_swapped_pair():
    G = nx.DiGraph([(1, 0), (2, 0), (3, 0), (0, 4), (4, 5)])
    between = nx.betweenness_centrality(G)
    ranking = Ranking("q1", prompt="Rank by betweenness.", options=["member 0", "member 4", "member 1"],
                      values=lambda: [between[0], between[4], between[1]],
                      describe=lambda v: f"betweenness {v:.2f}")
    assert between[0] > between[4] > between[1]
    assert ranking.evaluate(["A", "B", "C"]).status == "correct"
    wrong = ranking.evaluate(["B", "A", "C"])
    assert wrong.status == "incorrect"
    assert f"you put B above A, but the library computes A: betweenness {between[0]:.2f}" in wrong.message
    assert "Place all 3 options" in ranking.evaluate(["A", "B"]).message
    assert "placed twice" in ranking.evaluate(["A", "A", "B"]).message


def test_prediction_always_reveals_the_result():
    prediction = Prediction("q1", prompt="How many?", options=["Few", "Many"], answer=lambda: 1,
                            reveal=lambda: "42 of 50")
    right, wrong = prediction.evaluate("B"), prediction.evaluate("A")
    assert right.status == "correct" and "42 of 50" in right.message
    assert wrong.status == "incorrect" and "42 of 50" in wrong.message and "The result matches B" in wrong.message


def test_leader_items_record_progress_hints_and_solutions():
    decision, _, _ = toy_decision()
    ExerciseSet("toy", number=98, title="Toy", items=[decision])
    assert decision.track == "leader" and decision.needs_code is False
    decision.check(None)                                        # blank: nothing recorded
    assert progress_store().entry("toy.q1") == {}
    decision.check(["A", "C"])
    entry = progress_store().entry("toy.q1")
    assert entry["correct"] and entry["kind"] == "decision" and entry["last_choice"] == ["A", "C"]
    decision.hint_feedback()
    decision.solution_feedback()
    assert progress_store().entry("toy.q1")["solution_revealed"]
    assert decision.hint_feedback().title == "No hints"


# --------------------------------------------------------------------------- episode 03, computed independently
def test_episode_03_decision_matches_networkx():
    q9 = ex.q9
    intro = ex.INTRODUCTIONS
    outcomes = {combo: reach_without(ADVICE, LEAD, [intro[i] for i in combo])
                for combo in itertools.combinations(range(len(intro)), 2)}
    best = max(outcomes, key=outcomes.get)
    assert q9.outcomes() == pytest.approx(outcomes)
    assert q9.answer_key() == best
    assert q9.evaluate(q9.solution_answer()).status == "correct"
    letters = "ABCDEF"
    for wrong in (["C", "E"], ["A", "B"]):
        combo = tuple(letters.index(x) for x in wrong)
        result = q9.evaluate(wrong)
        assert result.status == "incorrect"
        assert f"a member can reach another in {outcomes[combo]:.1%} of pairs" in result.message
        assert f"The best choice, {letters[best[0]]} and {letters[best[1]]}" in result.message
        assert f"{reach_without(ADVICE, LEAD):.1%} of pairs" in result.message     # with no introduction
    assert "can already reach each other" in q9.evaluate(["C", "E"]).message
    a, b = intro[2]
    H = ADVICE.copy()
    H.remove_node(LEAD)
    assert nx.has_path(H, a, b) and nx.has_path(H, b, a)


def test_episode_03_prediction_and_ranking_match_networkx():
    kept = reach_without(ADVICE, LEAD) / reach(ADVICE)
    band = next(i for i, (low, high, _) in enumerate(ex.KEPT_BANDS) if low <= kept < high)
    assert ex.q7.solution_answer() == ["ABCD"[band]]
    assert f"{kept:.0%} of the reach remains" in ex.q7.evaluate("A").message
    away = [reach_without(ADVICE, member) for member in ex.RANKED]
    assert ex.q8.values() == pytest.approx(away)
    order = sorted(range(4), key=lambda i: away[i])
    assert ex.q8.evaluate(["ABCD"[i] for i in order]).status == "correct"
    # the hub and the hidden bridge are within half a point: either order counts
    swapped = [order[1], order[0], *order[2:]]
    assert ex.q8.evaluate(["ABCD"[i] for i in swapped]).status == "correct"
    worst = list(reversed(order))
    assert ex.q8.evaluate(["ABCD"[i] for i in worst]).status == "incorrect"


def test_episode_03_has_three_leader_kinds_and_both_tracks():
    outline = registry()["distributed_leadership"].outline()
    leader = [entry for entry in outline if entry.track == "leader"]
    assert {entry.kind for entry in leader} >= {"decision", "prediction", "ranking"}
    assert {entry.kind for entry in outline if entry.track == "analyst"} == {"code"}


# --------------------------------------------------------------------------- widgets and overview
def test_leader_widget_renders_headless_and_a_click_records_progress():
    widget = ex.q9.show()
    assert isinstance(widget, LeaderWidget) and len(widget.choices) == len(ex.INTRODUCTIONS)
    widget.button.click()
    assert "Choose 2 options" in widget.feedback.value and progress_store().entry(ex.q9.key) == {}
    widget.choose(*ex.q9.answer_key())
    widget.button.click()
    assert widget.result.status == "correct"
    assert progress_store().entry(ex.q9.key)["correct"]
    ranking = ex.q8.show()
    ranking.choose(0, 1, 2, 3)
    ranking.button.click()
    assert ranking.result.status in ("correct", "incorrect") and progress_store().entry(ex.q8.key)["attempted"]
    ranking.hint_button.click()
    assert "Hint 1 of" in ranking.feedback.value


def test_predict_then_see_reveals_only_after_a_choice():
    revealed = []
    widget = predict_then_see("Who?", ["Ana", "Ben"], reveal=lambda: revealed.append(True), key="lesson.03")
    widget.button.click()
    assert revealed == [] and "Choose your prediction first" in widget.note.value
    widget.choose(0)
    widget.button.click()
    assert revealed == [True] and widget.prediction == "Ana" and widget.button.disabled
    assert progress_store().entry("lesson.03")["last_choice"] == ["Ana"]


def test_progress_overview_counts_each_track():
    exercise_set = registry()["distributed_leadership"]
    table = progress_table([exercise_set])
    assert dict(table["track"].value_counts()) == {"leader": 5, "analyst": 4}
    data = progress_store().read()
    assert track_counts(exercise_set, data) == {"leader": (0, 5), "analyst": (0, 4)}
    ex.q9.check(ex.q9.solution_answer())
    assert track_counts(exercise_set, progress_store().read())["leader"] == (1, 5)
    overview = course_progress([exercise_set], record=False).table.value
    assert "Leader track (no code)" in overview and "<td>1 of 5</td>" in overview and "<td>0 of 4</td>" in overview
    assert "Leader track (no code): 1 of 5 done" in ex.progress().table.value


def test_outline_declares_tracks_and_rejects_unknown_kinds():
    items = lambda: [Reflection("q1", prompt="?", track="analyst")]   # noqa: E731
    good = ExerciseSet("demo", number=97, title="Demo", items=items, outline={"q1": ("reflection", "analyst")})
    assert good.outline()[0].track == "analyst" and good.items
    bad = ExerciseSet("demo", number=97, title="Demo", items=items, outline={"q1": "reflection"})
    with pytest.raises(ValueError, match="does not match"):
        bad.items
    with pytest.raises(ValueError, match="unknown kind"):
        ExerciseSet("demo", number=97, title="Demo", items=items, outline={"q1": "quiz"})
    with pytest.raises(ValueError, match="track must be"):
        Reflection("q1", prompt="?", track="manager")
