"""Value-creation stories and evaluation plans (episode 11), checked on hand-worked examples.

The story rule: the links run immediate, potential, applied, realised; a story holds when every
link up to the highest it claims is claimed and evidenced; reframing needs evidence and a link
below it that holds. The plan: each question is tied to one measure of its pillar, or refused.
Measures are compared with networkx and pandas computed here, independently of netlearn.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pandas as pd
import pytest

from netlearn.diagnostics import read_responses
from netlearn.errors import DataError
from netlearn.value_creation import (CYCLES, MEASURES, PILLARS, check_question, cycle_key, evaluation_plan,
                                     measures_for, value_story)
from netlearn.value_creation.example import (BOARD_QUESTIONS, EVIDENCE_OPTIONS, OUTCOMES, evidence_consequence,
                                             huddle_story)


def claims(*rows):
    return [{"cycle": c, "claim": f"claim {c}", "evidence": e} for c, e in rows]


# ---------------------------------------------------------------------- cycles
def test_the_five_cycles_in_the_framework_order():
    assert [c.key for c in CYCLES] == ["immediate", "potential", "applied", "realised", "reframing"]
    assert all(c.meaning and c.evidence for c in CYCLES)


@pytest.mark.parametrize("written, key", [("Immediate", "immediate"), ("potential value", "potential"),
                                          ("Realized", "realised"), ("cycle 3", "applied"), ("5", "reframing"),
                                          ("  Reframing   value ", "reframing"), ("value", None), ("6", None),
                                          ("impact", None)])
def test_cycle_names_are_read_as_people_write_them(written, key):
    assert cycle_key(written) == key


# ---------------------------------------------------------------------- the story check
def test_a_full_chain_holds():
    story = value_story(claims(("immediate", "log"), ("potential", "survey"), ("applied", "accounts"),
                               ("realised", "figures")))
    assert story.holds and story.gaps == () and story.level == 4 and story.reach == "realised"
    assert story.describe().startswith("The story holds: every link from immediate value to realised value")


def test_the_story_holds_only_as_far_as_its_first_unevidenced_link():
    # Hand-worked: immediate and potential evidenced, applied claimed bare, realised evidenced.
    story = value_story(claims(("immediate", "log"), ("potential", "survey"), ("applied", ""),
                               ("realised", "figures")))
    assert not story.holds
    assert story.gaps == ("applied",)
    assert story.level == 2 and story.reach == "potential"
    assert story.status("realised") == "holds" and story.status("applied") == "claimed, no evidence"
    assert "Applied value has no evidence: you claim 'claim applied'" in story.first_gap_text()
    assert "confirmed by a colleague or manager" in story.first_gap_text()


def test_a_skipped_link_is_named_as_missing_between_its_neighbours():
    story = value_story(claims(("immediate", "log"), ("realised", "figures")))
    assert story.gaps == ("potential", "applied")
    assert story.status("potential") == "not claimed: a missing link"
    assert story.first_gap_text().startswith(
        "Potential value is not claimed: the story jumps from immediate value to realised value.")
    assert story.status("reframing") == "not claimed"


def test_a_short_story_that_is_evidenced_holds():
    story = value_story(claims(("immediate", "feedback forms")))
    assert story.holds and story.level == 1 and story.top == "immediate"


def test_reframing_needs_evidence_and_a_link_below_it():
    assert value_story(claims(("immediate", "log"), ("reframing", "new targets"))).holds
    bare = value_story(claims(("immediate", "log"), ("reframing", "")))
    assert bare.gaps == ("reframing",) and not bare.reframing_holds
    alone = value_story(claims(("reframing", "new targets")))
    assert alone.gaps == ("immediate", "reframing") and alone.level == 0 and alone.reach is None
    assert alone.first_gap_text().startswith("Immediate value is not claimed")
    assert "needs something learned before it" in alone.gap_text("reframing")


def test_the_links_table_shows_every_cycle():
    links = value_story(claims(("immediate", "log"), ("applied", ""))).links()
    assert list(links.index) == [c.name for c in CYCLES]
    assert list(links["status"]) == ["holds", "not claimed: a missing link", "claimed, no evidence", "not claimed",
                                     "not claimed"]


def test_the_story_shows_as_a_sentence_and_escaped_table():
    story = value_story([{"cycle": "immediate", "claim": "<b>huddles</b>", "evidence": ""}])
    assert repr(story).startswith("The story does not hold yet. Not even immediate value holds yet")
    page = story._repr_html_()
    assert "&lt;b&gt;huddles&lt;/b&gt;" in page and "<b>huddles" not in page


# ---------------------------------------------------------------------- bad stories
def test_an_unknown_cycle_names_the_row_and_the_cycles():
    with pytest.raises(DataError) as error:
        value_story([{"cycle": "immediate", "claim": "a"}, {"cycle": "outcome", "claim": "b"}])
    assert error.value.row == 3 and error.value.column == "cycle"
    assert "'outcome' is not a cycle" in str(error.value)
    assert "immediate, potential, applied, realised, reframing" in error.value.fix


def test_a_blank_claim_and_a_cycle_claimed_twice_are_refused_with_their_rows():
    with pytest.raises(DataError, match="the claim for applied value is blank") as error:
        value_story([{"cycle": "applied", "claim": " "}])
    assert error.value.row == 2
    with pytest.raises(DataError, match=r"potential value is claimed twice \(also in row 2\)") as error:
        value_story(pd.DataFrame({"cycle": ["potential", "Potential value"], "claim": ["a", "b"]}))
    assert error.value.row == 3 and "second story" in error.value.fix


def test_a_missing_column_or_wrong_type_says_how_to_fix_it():
    with pytest.raises(DataError, match="there is no column 'claim'"):
        value_story(pd.DataFrame({"cycle": ["immediate"]}))
    with pytest.raises(DataError, match="expected a CSV file, a DataFrame or a list of rows, got int"):
        value_story(3)
    with pytest.raises(DataError, match="there are no rows"):
        value_story([])


def test_a_story_is_read_from_a_csv_file_with_spreadsheet_rows_and_left_unchanged(tmp_path):
    path = tmp_path / "story.csv"
    text = "Cycle;Claim;Evidence\nimmediate;Huddles;log\n\nrealized;Fewer delays;\nnonsense;x;\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        value_story(path)
    assert error.value.file == "story.csv" and error.value.row == 5 and error.value.column == "Cycle"
    assert path.read_text(encoding="utf-8") == text
    path.write_text("cycle,claim,evidence\nimmediate,Huddles,log\nrealized,Fewer delays,\n", encoding="utf-8")
    story = value_story(path)
    assert story.gaps == ("potential", "applied", "realised")


# ---------------------------------------------------------------------- the example and its decision
def test_the_huddle_story_breaks_after_its_first_link():
    story = value_story(huddle_story())
    assert story.level == 1 and story.gaps == ("potential", "applied", "realised")


def hand_level(letters):
    """Independent: which cycles have evidence after collecting ``letters``, then count the chain."""
    evidenced = {"immediate"} | {cycle for letter, _, cycle in EVIDENCE_OPTIONS if letter in letters}
    level = 0
    for key in ("immediate", "potential", "applied", "realised"):
        if key not in evidenced:
            break
        level += 1
    return level


def test_every_choice_of_three_pieces_of_evidence_matches_the_hand_count():
    letters = [option[0] for option in EVIDENCE_OPTIONS]
    outcomes = {combo: evidence_consequence(combo) for combo in itertools.combinations(letters, 3)}
    assert outcomes == {combo: hand_level(combo) for combo in outcomes}
    assert [combo for combo, level in outcomes.items() if level == 4] == [("A", "B", "C")]
    assert outcomes[("A", "D", "F")] == 1 and outcomes[("B", "C", "F")] == 3 and outcomes[("A", "C", "E")] == 2


# ---------------------------------------------------------------------- evaluation plans
def test_pillars_and_the_measures_of_each():
    assert [p.key for p in PILLARS] == ["connectivity", "health", "results"]
    assert measures_for("connectivity") == ["density", "average reachability", "E-I index", "reciprocity",
                                            "degree centralisation"]
    assert measures_for("Health") == ["health check: purpose", "health check: function", "health check: form"]
    assert measures_for("results") == [] and measures_for("outcomes", OUTCOMES) == list(OUTCOMES)
    with pytest.raises(DataError, match="'money' is not a pillar"):
        measures_for("money")


def test_health_measures_are_the_dimensions_of_the_health_check():
    from netlearn.diagnostics import load_instrument

    dimensions = [d.id for d in load_instrument("network_health_check").dimensions]
    assert [name.removeprefix("health check: ") for name in measures_for("health")] == dimensions


def test_the_plan_files_each_question_and_says_which_pillars_it_misses():
    plan = evaluation_plan([{"question": "Joined up?", "pillar": "connectivity", "measure": "E-I index"},
                            {"question": "Still together?", "pillar": "Connectivity",
                             "measure": "Average reachability"},
                            {"question": "Fewer delays?", "pillar": "results",
                             "measure": "outcome: change in delayed discharges a month on the three wards"}],
                           outcomes=OUTCOMES)
    assert plan.covered == ("connectivity", "results") and plan.missing == ("health",)
    assert list(plan.table()["measure"]) == ["E-I index", "average reachability",
                                            "change in delayed discharges a month on the three wards"]
    assert plan.describe() == ("The plan answers 3 questions (connectivity 2, results 1), each with a measure. It says "
                               "nothing about health: a board that hears only part of the picture will ask about "
                               "the rest.")


@pytest.mark.parametrize("row, message, fix", [
    ({"question": "", "pillar": "health", "measure": "health check: form"}, "the question is blank",
     "board's question"),
    ({"question": "Q?", "pillar": "money", "measure": "density"}, "'money' is not a pillar", "connectivity, health"),
    ({"question": "Q?", "pillar": "health", "measure": ""}, "has no measure, so the plan cannot answer it",
     "health check: purpose"),
    ({"question": "Q?", "pillar": "connectivity", "measure": "densty"}, "Did you mean 'density'?",
     "Choose a connectivity measure"),
    ({"question": "Q?", "pillar": "connectivity", "measure": "health check: form"},
     "'health check: form' is a health measure, but the question 'Q?' is filed under connectivity",
     "File the question"),
    ({"question": "Money saved?", "pillar": "results", "measure": "money saved"},
     "'money saved' is not a measure the course computes", "take the question out of the plan"),
])
def test_questions_no_measure_answers_are_refused_with_row_and_fix(row, message, fix):
    rows = [{"question": "Joined up?", "pillar": "connectivity", "measure": "density"}, row]
    with pytest.raises(DataError) as error:
        evaluation_plan(rows, outcomes=OUTCOMES)
    assert error.value.row == 3 and message in str(error.value) and fix in error.value.fix


def test_an_outcome_that_is_not_a_number_is_refused():
    with pytest.raises(DataError, match="'weeks' has the value 'nine', which is not a number"):
        evaluation_plan([{"question": "Q?", "pillar": "results", "measure": "weeks"}], outcomes={"weeks": "nine"})


def test_check_question_returns_the_measure():
    question, pillar, measure = check_question(" Joined? ", "connections", "reciprocity")
    assert (question, pillar, measure.name, measure.pillar) == ("Joined?", "connectivity", "reciprocity",
                                                                "connectivity")


# ---------------------------------------------------------------------- computed values, independently
@pytest.fixture(scope="module")
def small():
    """Hand-drawn: a -> b -> c, c -> a, d -> a; groups x = {a, b}, y = {c, d}."""
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "a"), ("b", "a")])
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "team")
    return G


def test_connectivity_measures_on_a_hand_drawn_network(small):
    plan = evaluation_plan([{"question": f"q{i}", "pillar": "connectivity", "measure": m}
                            for i, m in enumerate(measures_for("connectivity"))])
    values = plan.compute(small, group="team").set_index("measure")["value"]
    assert values["density"] == pytest.approx(5 / 12)
    # a, b, c reach each other (6 ordered pairs); d reaches a, b, c (3); nobody reaches d: 9 of 12.
    assert values["average reachability"] == pytest.approx(9 / 12)
    # within: a-b, b-a; between: b-c, c-a, d-a -> (3 - 2) / 5
    assert values["E-I index"] == pytest.approx(1 / 5)
    # a<->b returned: 2 of 5 ties
    assert values["reciprocity"] == pytest.approx(2 / 5)


def test_connectivity_on_the_community_agrees_with_plain_networkx():
    import netlearn

    advice = netlearn.load_dataset("q_community").graph("advice")
    plan = evaluation_plan([{"question": "q", "pillar": "connectivity", "measure": "average reachability"}])
    n = advice.number_of_nodes()
    reached = sum(len(nx.descendants(advice, v)) for v in advice)
    assert plan.compute(advice).loc[0, "value"] == pytest.approx(reached / (n * (n - 1)))


def test_health_measures_are_everyone_s_mean_score():
    # Five respondents; every item of 'form' answered 4, its reverse-keyed item fo4 answered 2 (scores 4).
    rows = [{"respondent": f"r{i}", "group": "all", **{f"fo{k}": (2 if k == 4 else 4) for k in range(1, 7)}}
            for i in range(5)]
    rows[0].update({f"fo{k}": (4 if k == 4 else 2) for k in range(1, 7)})   # this one scores 2 throughout
    answers = read_responses(pd.DataFrame(rows), "network_health_check")
    plan = evaluation_plan([{"question": "Organised?", "pillar": "health", "measure": "health check: form"}])
    assert plan.compute(health=answers).loc[0, "value"] == pytest.approx((4 * 4 + 2) / 5)


def test_results_come_from_the_network_s_own_figures_and_missing_inputs_are_named(small):
    rows = [{"question": q, "pillar": p, "measure": m} for q, p, m in BOARD_QUESTIONS if m]
    plan = evaluation_plan(rows, outcomes=OUTCOMES)
    with pytest.raises(DataError, match="the measure 'E-I index' needs the network"):
        plan.compute()
    with pytest.raises(DataError, match="needs the member attribute that defines groups"):
        plan.compute(small)
    with pytest.raises(DataError, match="needs the health-check answers"):
        plan.compute(small, group="team")
    assert BOARD_QUESTIONS[-1][2] == ""
    with pytest.raises(DataError, match="has no measure"):
        evaluation_plan([{"question": q, "pillar": p, "measure": m} for q, p, m in BOARD_QUESTIONS], outcomes=OUTCOMES)


def test_every_measure_names_its_pillar_and_meaning():
    assert {m.pillar for m in MEASURES.values()} == {"connectivity", "health"}
    assert all(m.meaning and m.needs for m in MEASURES.values())
