"""Peer consultation in threes: the room planner (groups, rounds, minutes, run sheet, roles), the
consultant's questions read by the listening coach, and the widget that puts both together.

Numbers are worked by hand from the course's stated timings (3 : 7 : 2 : 2 per round, each phase at
least 2, 3, 1, 1 minutes; 3 to start, 1 between rounds, 5 to close) or checked by brute force.
"""

from __future__ import annotations

import itertools

import pytest

from netlearn.listening import coach
from netlearn.peer_consultation import (BRIEFING_MINUTES, CHANGEOVER_MINUTES, DEBRIEF_MINUTES, LONGEST_DEBRIEF,
                                        LONGEST_ROUND, ROUND_PHASES, group_sizes, listening_balance,
                                        minimum_minutes, observer_tally, plan_rounds, read_question)
from netlearn.widgets.peer_consultation import peer_consultation


# --------------------------------------------------------------------------- groups
def fewest_fours(people):
    """Brute force: the split into threes and fours with the fewest fours."""
    for fours in range(people // 4 + 1):
        if (people - 4 * fours) % 3 == 0:
            return sorted([3] * ((people - 4 * fours) // 3) + [4] * fours)
    return None


@pytest.mark.parametrize("people", [3, 4, *range(6, 41)])
def test_groups_are_threes_with_the_fewest_fours(people):
    assert sorted(group_sizes(people)) == fewest_fours(people)


def test_hand_worked_groups_and_the_room_of_five():
    assert group_sizes(3) == (3,)
    assert group_sizes(4) == (4,)
    assert group_sizes(7) == (3, 4)
    assert group_sizes(14) == (3, 3, 4, 4)
    assert group_sizes(5) == (5,)          # five cannot be threes and fours: one group, two observers


@pytest.mark.parametrize("people", [0, 1, 2, -4])
def test_fewer_than_three_people_is_refused_in_words(people):
    with pytest.raises(ValueError, match="at least three people"):
        group_sizes(people)


@pytest.mark.parametrize("people", [12.0, "12", True, None])
def test_people_must_be_a_whole_number(people):
    with pytest.raises(TypeError, match="whole number"):
        plan_rounds(people, 60)


def test_minutes_must_be_a_whole_number():
    with pytest.raises(TypeError, match="whole number"):
        plan_rounds(12, 60.5)


# --------------------------------------------------------------------------- hand-worked plans
def test_twelve_people_in_an_hour():
    # 4 threes, 3 rounds. Fixed: 3 + 5 + 2 changeovers = 10; (60 - 10) // 3 = 16 a round, 2 over to the debrief.
    # Round of 16: tell 16*3//14 = 3, take stock 16*2//14 = 2, observe 2, questions 16 - 7 = 9.
    plan = plan_rounds(12, 60)
    assert plan.groups == (3, 3, 3, 3) and plan.rounds == 3 and plan.round_minutes == 16
    assert plan.phase_minutes == {"tell": 3, "consult": 9, "take stock": 2, "observe": 2}
    assert plan.debrief_minutes == 7 and plan.spare_minutes == 0


def test_fourteen_people_in_an_hour_need_a_fourth_round():
    # 2 threes and 2 fours, 4 rounds. Fixed: 3 + 5 + 3 = 11; 49 // 4 = 12 a round, 1 over.
    # Round of 12: tell max(2, 36//14 = 2), take stock max(1, 24//14 = 1), observe 1, questions 12 - 4 = 8.
    plan = plan_rounds(14, 60)
    assert plan.groups == (3, 3, 4, 4) and plan.rounds == 4 and plan.round_minutes == 12
    assert plan.phase_minutes == {"tell": 2, "consult": 8, "take stock": 1, "observe": 1}
    assert plan.debrief_minutes == 6
    assert "two groups of three and two groups of four" in plan.describe()
    assert "fourth round to compare" in plan.describe()


def test_the_usual_round_keeps_the_course_proportions():
    # 3 rounds of exactly 14 minutes: 10 + 42 = 52 minutes.
    plan = plan_rounds(9, 52)
    assert plan.round_minutes == 14
    assert plan.phase_minutes == {phase.name: phase.minutes for phase in ROUND_PHASES}
    assert plan.debrief_minutes == DEBRIEF_MINUTES


def test_too_few_minutes_says_how_many_are_needed():
    # shortest round 2 + 3 + 1 + 1 = 7: threes 10 + 21 = 31, with fours 11 + 28 = 39
    assert minimum_minutes(12) == 31 and minimum_minutes(13) == 39 and minimum_minutes(5) == 3 + 5 + 4 + 35
    assert plan_rounds(12, 31).phase_minutes == {"tell": 2, "consult": 3, "take stock": 1, "observe": 1}
    with pytest.raises(ValueError, match="shortest workable plan takes 31 minutes"):
        plan_rounds(12, 30)
    with pytest.raises(ValueError, match="three groups of three and one group of four need 4 rounds"):
        plan_rounds(13, 38)


def test_a_long_session_caps_rounds_and_debrief_and_says_what_is_spare():
    plan = plan_rounds(3, 300)
    assert plan.round_minutes == LONGEST_ROUND and plan.debrief_minutes == LONGEST_DEBRIEF
    assert plan.spare_minutes == 300 - (3 + 2 + 3 * 25 + 15)
    assert f"so {plan.spare_minutes} of the 300 are spare" in plan.describe()


@pytest.mark.parametrize("people, minutes", list(itertools.product([3, 4, 5, 6, 7, 8, 11, 13, 14, 30],
                                                                   [31, 39, 40, 45, 52, 60, 75, 90, 120, 240])))
def test_every_plan_adds_up(people, minutes):
    if minutes < minimum_minutes(people):
        with pytest.raises(ValueError):
            plan_rounds(people, minutes)
        return
    plan = plan_rounds(people, minutes)
    assert sum(plan.groups) == people and plan.rounds == max(plan.groups)
    assert sum(plan.phase_minutes.values()) == plan.round_minutes <= LONGEST_ROUND
    assert all(plan.phase_minutes[phase.name] >= phase.shortest for phase in ROUND_PHASES)
    assert plan.phase_minutes["consult"] == max(plan.phase_minutes.values())   # the questions get the most time
    used = BRIEFING_MINUTES + CHANGEOVER_MINUTES * (plan.rounds - 1) + plan.rounds * plan.round_minutes \
        + plan.debrief_minutes
    assert used + plan.spare_minutes == minutes
    assert DEBRIEF_MINUTES <= plan.debrief_minutes <= LONGEST_DEBRIEF
    sheet = plan.run_sheet()
    assert sheet["minutes"].sum() == minutes - plan.spare_minutes
    assert list(sheet["from"])[1:] == list(sheet["to"])[:-1]            # no gaps, no overlaps
    end = minutes - plan.spare_minutes
    assert sheet["to"].iloc[-1] == f"{end // 60}:{end % 60:02d}"


@pytest.mark.parametrize("people", [3, 5, 7, 14])
def test_everyone_brings_a_problem_once_and_consults_once(people):
    plan = plan_rounds(people, 120)
    for size in set(plan.groups):
        roles = plan.roles(size)
        assert len(roles) == plan.rounds
        real = roles.iloc[:size]
        members = {f"Person {letter}" for letter in "ABCDE"[:size]}
        assert set(real["brings the problem"]) == members and set(real["consults"]) == members
        for _, row in real.iterrows():
            observers = set(row["observes"].split(", "))
            assert row["brings the problem"] != row["consults"]
            assert observers == members - {row["brings the problem"], row["consults"]}
        assert all(roles.iloc[size:]["brings the problem"] == "nobody: compare notes")
    with pytest.raises(ValueError, match="no group of 6"):
        plan.roles(6)


def test_plan_shows_as_html_with_its_run_sheet():
    page = plan_rounds(14, 60)._repr_html_()
    assert "netlearn-run-sheet" in page and "Round 4, consult" in page and "Analyst detail" in page


# --------------------------------------------------------------------------- the consultant's questions
@pytest.mark.parametrize("question, verdict", [
    ("What have you tried so far?", "listening"),
    ("So you're saying nobody has time. Have I got that right?", "listening"),
    ("Have you tried a newsletter?", "jumping in"),
    ("It sounds hard. Why don't you email them?", "jumping in"),        # mixed: still jumps in
    ("Don't worry, they'll come back.", "jumping in"),
    ("Right.", "the coach cannot tell"),
])
def test_each_question_gets_the_coach_verdict(question, verdict):
    reading = read_question(question)
    assert reading.verdict == verdict
    assert reading.result.label == coach(question).label
    if verdict == "jumping in":
        assert "\u201c" in reading.words and reading.text().startswith("Jumping in")


def test_the_observer_tally_counts_each_verdict():
    assert observer_tally(["What happened next?", "Have you tried asking?", "Tell me more.", "Right."]) == \
        {"listening": 2, "jumping in": 1, "the coach cannot tell": 1}
    assert observer_tally([]) == {"listening": 0, "jumping in": 0, "the coach cannot tell": 0}


@pytest.mark.parametrize("reply, balance", [
    ("It sounds like a hard week. Have I got that right?", 2),   # reflecting back + checking
    ("What would good look like to the sponsors?", 1),           # one open question
    ("It sounds hard. You should take it to the board.", 0),     # one each
    ("Have you thought about a logic model?", -1),
    ("Right.", 0),
])
def test_listening_balance_is_moves_minus_jumping_in(reply, balance):
    assert listening_balance(reply) == balance


# --------------------------------------------------------------------------- the widget
def test_widget_plans_the_room_as_the_numbers_change():
    box = peer_consultation(people=12, minutes=60)
    assert "four groups of three" in box.plan.value and "course's own choice" in box.plan.value
    box.people.value = 14
    assert "two groups of three and two groups of four" in box.plan.value
    box.minutes.value = 30
    assert "No plan yet" in box.plan.value and "39 minutes" in box.plan.value
    box.people.value = 2
    assert "at least three people" in box.plan.value


def test_widget_reads_each_question_and_keeps_the_tally():
    box = peer_consultation()
    box.ask_button.click()
    assert "The box is empty" in box.questions_log.value and box.asked == []
    for question in ["What have you tried so far?", "Have you tried moving the meetings?",
                     "What do you make of <b>this</b>?"]:
        box.question.value = question
        box.ask_button.click()
    assert [r.verdict for r in box.asked] == ["listening", "jumping in", "listening"]
    assert box.question.value == ""
    assert box.tally() == {"listening": 2, "jumping in": 1, "the coach cannot tell": 0}
    assert "2 listening, 1 jumping in" in box.tally_html.value
    assert "<b>this</b>" not in box.questions_log.value and "&lt;b&gt;this&lt;/b&gt;" in box.questions_log.value
    box.scenario.value = "Two organisations not talking"
    assert box.asked == [] and "fallen out" in box.problem.value
    assert "0 listening, 0 jumping in" in box.tally_html.value


def test_widget_refuses_an_unknown_problem():
    with pytest.raises(ValueError, match="No scenario called"):
        peer_consultation(scenario="Nothing like this")
