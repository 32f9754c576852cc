"""The governance explorer of episode 06, driven headless: move the controls, read the ranking."""

from __future__ import annotations

import html

import pytest

import netlearn
from netlearn.governance import governance_fit
from netlearn.partnership import GovernanceInputs, governance_inputs
from netlearn.widgets.governance import governance_explorer


@pytest.fixture(scope="module")
def presets():
    q = netlearn.load_dataset("q_community")
    devon = netlearn.load_dataset("devon_stp")
    return {"Q community (synthetic)": governance_inputs(q, relation="advice"),
            "Devon STP (synthetic people)": governance_inputs(devon, competencies_needed="high")}


def test_controls_start_from_the_data_and_are_labelled(presets):
    explorer = governance_explorer(presets)
    q = presets["Q community (synthetic)"]
    assert explorer.start.value == "Q community (synthetic)"
    assert explorer.values() == q.values()
    for control in (explorer.start, explorer.trust, explorer.participants, explorer.goal_consensus,
                    explorer.competencies):
        assert control.description.strip()
    assert explorer.reset.description == "Reset to the data" and explorer.reset.tooltip
    assert explorer.fit.table.equals(q.fit().table)
    result = html.unescape(explorer.result.value)
    assert "Most likely fit: network administrative organisation" in result
    assert 'role="status"' in result and "Tensions to watch" in result
    assert explorer.fit.tensions["network administrative organisation"] in result


def test_switching_network_loads_its_values(presets):
    explorer = governance_explorer(presets)
    explorer.start.value = "Devon STP (synthetic people)"
    assert explorer.values() == {"trust": 0.66, "participants": 17, "goal_consensus": "moderate",
                                 "competencies_needed": "high"}
    sources = html.unescape(explorer.sources.value)
    assert "17 organisations take part" in sources and "you set it" not in sources


def test_changing_the_conditions_reranks_the_forms_live(presets):
    explorer = governance_explorer(presets, start="Devon STP (synthetic people)")
    explorer.trust.value = 1.0
    explorer.participants.value = 6
    explorer.goal_consensus.value = "high"
    explorer.competencies.value = "low"
    assert explorer.fit.best == "shared governance"
    assert explorer.fit.table.equals(governance_fit(1.0, 6, "high", "low").table)
    result = html.unescape(explorer.result.value)
    assert "Most likely fit: shared governance" in result
    assert "(\u2714 matches)" in result and "1. shared governance" in result
    sources = html.unescape(explorer.sources.value)
    assert "you set it to 6</strong> (was 17)" in sources
    assert "you set it to high</strong> (was moderate)" in sources


def test_low_concentrated_trust_points_to_a_lead_organisation(presets):
    explorer = governance_explorer(presets)
    explorer.trust.value = 0.0
    explorer.participants.value = 15
    explorer.goal_consensus.value = "moderately low"
    explorer.competencies.value = "moderate"
    assert explorer.fit.best == "lead organisation"
    assert "low, held by a few" in explorer.trust_words.value
    assert "moderate" in explorer.participant_words.value


def test_reset_puts_back_the_data(presets):
    explorer = governance_explorer(presets)
    explorer.participants.value = 3
    explorer.goal_consensus.value = "low"
    explorer.reset.click()
    assert explorer.values() == presets["Q community (synthetic)"].values()
    assert "you set it" not in explorer.sources.value


def test_words_beside_the_number_controls():
    explorer = governance_explorer(GovernanceInputs(0.9, 30, "high", "high", {}, {}))
    assert "high and widely spread" in explorer.trust_words.value
    assert explorer.participant_words.value.count("many") == 1
    explorer.participants.value = 8
    assert ">few" in explorer.participant_words.value


def test_a_single_preset_and_wrong_input():
    explorer = governance_explorer(GovernanceInputs(0.5, 12, "moderate", "moderate", {}, {}))
    assert explorer.start.options == ("The data",)
    with pytest.raises(TypeError, match="GovernanceInputs"):
        governance_explorer({"x": {"trust": 0.5}})
    with pytest.raises(TypeError, match="GovernanceInputs"):
        governance_explorer({})
