"""Leader-track items of episodes 04 (conflict and viewpoints) and 05 (STPs as networks).

Each graded value is recomputed here independently, from the dataset CSV files with plain pandas
and Python sets (no netlearn measure), and the best decision is checked to be really the best by
trying every choice.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest

from netlearn.exercises import conflict_and_viewpoints as ex04
from netlearn.exercises import stps_as_networks as ex05

DATA = Path(__file__).resolve().parent.parent / "datasets"


def _read(name, file):
    return pd.read_csv(DATA / name / file, dtype=str, keep_default_na=False)


# ---------------------------------------------------------------------------------------- 04: karate club
@pytest.fixture(scope="module")
def club():
    members = _read("karate_club", "members.csv").set_index("id")["side"]
    ties = _read("karate_club", "ties.csv")
    pairs = list(zip(ties["source"], ties["target"]))
    neighbours = {m: set() for m in members.index}
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    return members, pairs, neighbours


def test_04_prediction_band_matches_the_ties_that_cross(club):
    side, pairs, _ = club
    across = sum(side[a] != side[b] for a, b in pairs)
    assert (across, len(pairs)) == (11, 78)
    share = across / len(pairs)
    assert share < 0.2  # hence the last band, "Fewer than one in five"
    assert ex04.q7.answer_key() == (3,)
    assert "11 of the 78 ties (14%)" in ex04.q7.evaluate("D").message
    assert ex04.q7.evaluate("A").status == "incorrect"


def _heard(group, side, neighbours):
    heard = set()
    for member in group:
        heard |= {o for o in neighbours[member] if side[o] != side[member]}
    return len(heard - set(group))


def test_04_go_betweens_are_graded_by_members_who_hear_the_other_side(club):
    side, _, neighbours = club
    outcomes = ex04.q8.outcomes()
    for combo, value in outcomes.items():
        group = [ex04.GO_BETWEENS[i] for i in combo]
        assert value == _heard(group, side, neighbours), group
    # hand-worked: 3 reaches 10, 28, 29, 33; 9 reaches 31, 33, 34; 31 reaches 2, 9 -> without the group: 7 - 1 = 6
    assert _heard(["3", "9", "31"], side, neighbours) == 6
    best, best_value = ex04.q8.best()
    assert best_value == max(_heard(g, side, neighbours) for g in itertools.combinations(ex04.GO_BETWEENS, 3)) == 7
    assert ex04.q8.evaluate(ex04.q8.solution_answer()).status == "correct"
    # the three with most ties across, and the three best-connected, both fall short
    assert ex04.q8.evaluate(["A", "B", "C"]).status == "incorrect"
    assert ex04.q8.evaluate(["D", "E", "F"]).status == "incorrect"
    assert "4 members of the club would hear" in ex04.q8.evaluate(["D", "E", "F"]).message
    # the instructor and the president, the two parties, are never offered as go-betweens
    assert not {"1", "34"} & set(ex04.GO_BETWEENS)


def test_04_options_name_members_and_their_ties(club):
    side, _, neighbours = club
    for option, member in zip(ex04.q8.options, ex04.GO_BETWEENS):
        across = sum(side[o] != side[member] for o in neighbours[member])
        assert option.text.startswith(f"Member {member} (")
        assert f"{len(neighbours[member])} ties, {across} of them to the other side" in option.text


def test_04_trust_choice_has_one_right_option_that_is_neither_first_nor_longest():
    options = ex04.q9.options
    assert [o.correct for o in options] == [False, False, True, False]
    lengths = [len(o.text) for o in options]
    assert lengths[2] < max(lengths)
    assert ex04.q9.evaluate("C").status == "correct"


# ---------------------------------------------------------------------------------------- 05: Devon
@pytest.fixture(scope="module")
def devon():
    members = _read("devon_stp", "members.csv").set_index("id")
    ties = _read("devon_stp", "ties.csv")
    work = ties[ties["relation"] == "collaborates"]
    neighbours = {m: set() for m in members.index}
    for a, b in zip(work["source"], work["target"]):
        neighbours[a].add(b)
        neighbours[b].add(a)
    sits = ties[ties["relation"] == "workstream_member"]
    return members, neighbours, sits


VOICES = {"patient", "carer", "citizen"}
DECIDING = {"director", "senior manager", "commissioner"}


def test_05_prediction_counts_workstreams_without_a_voice(devon):
    members, _, sits = devon
    voice_ids = set(members.index[members["stakeholder"].isin(VOICES)])
    workstreams = set(members.index[members["kind"] == "workstream"])
    with_voice = set(sits.loc[sits["source"].isin(voice_ids), "target"])
    silent = workstreams - with_voice
    assert (len(workstreams), len(silent)) == (7, 4)
    assert ex05.q7.answer_key() == (2,)  # "Three or four"
    assert "4 of the 7 workstreams have none" in ex05.q7.evaluate("C").message


def _reach(board, members, neighbours):
    people = set(board).union(*(neighbours[b] for b in board))
    return len(set(members.loc[list(people), "organisation"]))


def test_05_board_is_graded_by_organisations_within_one_tie(devon):
    members, neighbours, _ = devon
    outcomes = ex05.q8.outcomes()
    assert len(outcomes) == 84  # 9 choose 6
    for combo, value in outcomes.items():
        assert value == _reach([ex05.BOARD_CANDIDATES[i] for i in combo], members, neighbours)
    best, best_value = ex05.q8.best()
    assert best_value == max(outcomes.values()) == 14
    directors = [p for p in ex05.BOARD_CANDIDATES if members.loc[p, "role"] == "director"]
    assert len(directors) == 6 and _reach(directors, members, neighbours) == 11
    # every best board seats the patient and carer representatives and the voluntary-sector manager
    for combo, value in outcomes.items():
        if value == best_value:
            assert {"p029", "p085", "p021"} <= {ex05.BOARD_CANDIDATES[i] for i in combo}
    feedback = ex05.q8.evaluate(["A", "B", "C", "D", "E", "F"]).message
    assert "11 of the 17 partner organisations" in feedback and "Voices present: 0 of the 6" in feedback


def _voices_inside(members, neighbours, extra=()):
    links = {m: set(n) for m, n in neighbours.items()}
    for a, b in extra:
        links[a].add(b)
        links[b].add(a)
    voices = members.index[members["stakeholder"].isin(VOICES)]
    return sum(any(members.loc[n, "role"] in DECIDING for n in links[v]) for v in voices)


def test_05_introductions_are_graded_by_voices_inside_decision_ties(devon):
    members, neighbours, _ = devon
    assert _voices_inside(members, neighbours) == 1 == ex05.q9.baseline
    for combo, value in ex05.q9.outcomes().items():
        assert value == _voices_inside(members, neighbours, [ex05.VOICE_INTRODUCTIONS[i] for i in combo])
    best, best_value = ex05.q9.best()
    assert best_value == 3
    assert ex05.q9.evaluate(["B", "D"]).status == "incorrect"  # an already-connected carer; two voices together
    assert "1 of the 4 patient, carer and citizen members works directly" in ex05.q9.evaluate(["B", "D"]).message


def test_05_ladder_choice_has_one_right_option_that_is_neither_first_nor_longest():
    options = ex05.q10.options
    assert [o.correct for o in options] == [False, False, False, True, False]
    lengths = [len(o.text) for o in options]
    assert lengths[3] < max(lengths)


@pytest.mark.parametrize("module, items", [(ex04, ("q7", "q8", "q9")), (ex05, ("q7", "q8", "q9", "q10"))])
def test_new_items_are_on_the_leader_track_and_in_the_outline(module, items):
    outline = {entry.name: entry for entry in module.exercises.outline()}
    for name in items:
        assert getattr(module, name).track == "leader"
        assert outline[name].track == "leader"
