"""governance_fit: each form's textbook profile (Provan & Kenis 2008) puts that form first, mixed
profiles give sensible rankings with hand-worked scores, and bad inputs get messages that list the
accepted values."""

import itertools

import pytest

from netlearn.governance import FORMS, LEAD, LEVELS, NAO, SHARED, governance_fit

TEXTBOOK = {
    SHARED: ("high-widespread", 5, "high", "low"),
    LEAD: ("low-concentrated", 15, "moderately low", "moderate"),
    NAO: ("moderate", 30, "moderately high", "high"),
}


@pytest.mark.parametrize("form", FORMS)
def test_each_textbook_profile_ranks_its_form_first(form):
    fit = governance_fit(*TEXTBOOK[form])
    assert fit.best == form
    assert fit.table.loc[form, "score"] == 1.0
    assert fit.table.loc[form, "matches"] == 4
    assert (fit.table["score"].iloc[1:] < 1).all()
    assert all("(matches)" in reason for reason in fit.reasons[form])


def test_nao_fits_moderate_as_well_as_many_participants():
    assert governance_fit("moderate", 15, "moderately high", "high").best == NAO


def test_mixed_profile_large_network_needing_skills_leans_to_an_nao():
    # High trust, 30 organisations, high consensus, high need for network-level competencies.
    # Positions (0 low .. 4 high): trust 4, participants 4, consensus 4, competencies 4.
    # NAO: trust |4-2| -> 0.5, participants in 2..4 -> 1, consensus |4-3| -> 0.75, need 4 -> 1: 0.8125.
    # shared: 1, |4-0| -> 0, 1, |4-0| -> 0: 0.5.  lead: 0, 0.5, |4-1| -> 0.25, 0.5: 0.3125.
    fit = governance_fit("high-widespread", 30, "high", "high")
    assert fit.table.index.tolist() == [NAO, SHARED, LEAD]
    assert fit.table["score"].tolist() == pytest.approx([0.8125, 0.5, 0.3125])
    assert fit.table.loc[NAO, ["matches", "close", "does not match"]].tolist() == [2, 1, 1]


def test_mixed_profile_small_network_with_little_trust_leans_to_a_lead_organisation():
    # Low trust, 6 organisations, low consensus, low need: trust 0, participants 0, consensus 0, need 0.
    # lead: 1, |0-2| -> 0.5, |0-1| -> 0.75, 0.5: 0.6875; shared: 0, 1, 0, 1: 0.5; NAO: 0.5, 0.5, 0.25, 0: 0.3125.
    fit = governance_fit("low-concentrated", 6, "low", "low")
    assert fit.table.index.tolist() == [LEAD, SHARED, NAO]
    assert fit.table["score"].tolist() == pytest.approx([0.6875, 0.5, 0.3125])


def test_trust_as_a_number_and_participants_as_counts_or_words():
    assert governance_fit(1.0, 5, "high", "low").table.equals(governance_fit("high-widespread", 5, "high", "low").table)
    assert governance_fit(0.5, "many", "moderately high", "high").best == NAO
    # Cut-offs: up to 8 few, 9 to 20 moderate, above 20 many.
    position = {n: governance_fit("moderate", n, "moderate", "moderate").conditions["participants"]
                for n in (2, 8, 9, 20, 21)}
    assert position == {2: 0.0, 8: 0.0, 9: 2.0, 20: 2.0, 21: 4.0}
    custom = governance_fit("moderate", 9, "moderate", "moderate", cutoffs={"few": 10, "moderate": 40})
    assert custom.conditions["participants"] == 0.0
    # A trust number between the steps is described in words and partly matches.
    reasons = governance_fit(0.3, 12, "high", "moderate").reasons[NAO]
    assert reasons[0].startswith("trust: yours is between moderately low and moderate (0.3)")


def test_words_ignore_case_hyphens_and_underscores():
    a = governance_fit("High-Widespread", 5, "Moderately-High", "moderately_low")
    b = governance_fit("high widespread", 5, "moderately high", "moderately low")
    assert a.table.equals(b.table)


def test_scores_are_between_zero_and_one_for_every_word_combination():
    trusts = ["low-concentrated", "moderate", "high-widespread"]
    for trust, participants, consensus, need in itertools.product(trusts, (3, 12, 40), LEVELS, LEVELS):
        table = governance_fit(trust, participants, consensus, need).table
        assert table["score"].between(0, 1).all()
        assert table["score"].is_monotonic_decreasing
        assert (table[["matches", "close", "does not match"]].sum(axis=1) == 4).all()


def test_reasons_tensions_and_printout():
    fit = governance_fit("moderate", 12, "moderate", "moderate")
    assert set(fit.reasons) == set(FORMS) and all(len(r) == 4 for r in fit.reasons.values())
    for form in FORMS:
        text = fit.tensions[form].lower()
        assert "efficiency" in text and "legitimacy" in text and ("flexib" in text or "stabil" in text)
    assert "inclusiveness (every member has a say)" in fit.tensions[SHARED]
    printed = str(fit)
    assert printed.splitlines()[0].startswith("1. ") and "likely" in printed


@pytest.mark.parametrize("args, message", [
    (("medium", 5, "high", "low"), "trust='medium' is not an accepted value. Use one of: 'low-concentrated', "
                                   "'moderate', 'high-widespread'"),
    ((1.5, 5, "high", "low"), "between 0"),
    (("high", 3.5, "high", "low"), "whole number"),
    (("high", True, "high", "low"), "whole number"),
    (("high", 1, "high", "low"), "at least two"),
    (("high", "lots", "high", "low"), "'few', 'moderate', 'many'"),
    (("high", 5, "very high", "low"), "goal_consensus='very high' is not an accepted value. Use one of: 'low', "
                                      "'moderately low', 'moderate', 'moderately high', 'high'"),
    (("high", 5, "high", 3), "competencies_needed=3 is not an accepted value"),
])
def test_invalid_inputs_list_the_accepted_values(args, message):
    with pytest.raises(ValueError) as info:
        governance_fit(*args)
    assert message in str(info.value)


def test_invalid_cutoffs():
    with pytest.raises(ValueError, match="cutoffs must be"):
        governance_fit("moderate", 5, "high", "low", cutoffs={"few": 20, "moderate": 10})
    with pytest.raises(ValueError, match="cutoffs must be"):
        governance_fit("moderate", 5, "high", "low", cutoffs={"few": 5})
