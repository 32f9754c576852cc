"""The widgets of notebook 01, driven headless: set values and press buttons in Python, then check
what the learner would see and the data behind it."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

import netlearn
from netlearn import purpose
from netlearn.agreement import kendalls_w_by_group
from netlearn.widgets.purpose import ALL, agreement_explorer, purpose_checker, reasons_explorer


@pytest.fixture(scope="module")
def net():
    return netlearn.load_dataset("q_community")


def controls(widget):
    """Every interactive control inside a widget, depth first."""
    found = []
    for child in getattr(widget, "children", ()):
        if isinstance(child, (widgets.Dropdown, widgets.Textarea, widgets.Button, widgets.ToggleButton,
                              widgets.Checkbox)):
            found.append(child)
        found.extend(controls(child))
    return found


# --------------------------------------------------------------------------- the checker


def test_checker_starts_with_an_invitation_and_checks_on_the_button():
    checker = purpose_checker()
    assert checker.result is None and "Write a draft" in checker.feedback.value
    checker.text.value = "Our network exists so that children with asthma in Leeds stay out of hospital."
    checker.button.click()
    assert checker.result.met == ("whom", "change")
    page = checker.feedback.value
    assert "2 of 5 met" in page and "&ldquo;children&rdquo;" in page and "Not yet" in page
    assert "wording, not" in page


def test_checker_updates_when_the_text_changes():
    checker = purpose_checker()
    checker.text.value = "Working together to transform care."      # as when the learner leaves the box
    assert checker.result.met == ("change", "why_network")
    assert "Met, in general words" in checker.feedback.value
    checker.text.value = "Working together so that patients in Kent and Medway wait less. We will measure it."
    assert checker.result.met == ("whom", "change", "why_network", "impact")


def test_empty_box_is_explained_not_an_error():
    checker = purpose_checker("So that patients get better care.")
    assert checker.result is not None
    checker.text.value = "   "
    checker.button.click()
    assert checker.result is None and "The box is empty" in checker.feedback.value


def test_choosing_an_example_loads_and_checks_it_and_editing_returns_to_own_draft():
    checker = purpose_checker()
    checker.use_example("discharge")
    example = purpose.EXAMPLE_STATEMENTS["discharge"]
    assert checker.text.value == example["text"]
    assert set(checker.result.met) == example["expected"]
    checker.text.value = example["text"] + " Members learn from each other."
    assert checker.examples.value == ""                       # now it is the learner's own draft
    assert checker.result.met == ("whom", "change", "why_network", "reciprocity", "impact")
    titles = [label for label, _ in checker.examples.options]
    assert all(e["title"] in titles for e in purpose.EXAMPLE_STATEMENTS.values())


def test_word_lists_can_be_shown_and_hidden():
    checker = purpose_checker()
    assert checker.rules.value == ""
    checker.show_rules.value = True
    assert "no one organisation" in checker.rules.value and "<code>*</code>" in checker.rules.value
    assert checker.show_rules.description == "Hide the word lists"
    checker.show_rules.value = False
    assert checker.rules.value == "" and checker.show_rules.description == "Show the word lists"


def test_typed_markup_is_escaped():
    checker = purpose_checker()
    checker.text.value = 'so that <img src=x onerror="alert(1)"> patients'
    assert "<img" not in checker.feedback.value


def test_own_rules_reach_the_widget():
    rules = [purpose.Criterion("voice", "Patient voice", "Do patients have a say?", phrases=("co-produc*",),
                               suggestion="Say how patients shape the work.")]
    checker = purpose_checker("We co-produce everything.", rules=rules)
    assert checker.result.met == ("voice",)
    checker.show_rules.value = True
    assert "Patient voice" in checker.rules.value


def test_checker_controls_have_visible_descriptions():
    checker = purpose_checker()
    for control in controls(checker):
        assert control.description.strip(), f"{type(control).__name__} without a description"
    assert checker.button.tooltip and checker.show_rules.tooltip


# --------------------------------------------------------------------------- agreement


def test_agreement_explorer_follows_the_region(net):
    explorer = agreement_explorer(net)
    assert explorer.group.value == ALL
    assert explorer.result.raters == 150
    assert "All members, 150 members: W = 0.40" in explorer.output.value
    table = kendalls_w_by_group(net.tables["purpose_rankings"], net, attribute="region")
    for region in ("London", "North"):
        explorer.group.value = region
        assert explorer.result.group == f"Region: {region}"
        assert explorer.result.w.w == pytest.approx(table.loc[region, "w"])
        assert f"W = {table.loc[region, 'w']:.2f}" in explorer.output.value
    explorer.group.value = "London"
    assert "weak agreement" in explorer.result.w.interpretation
    page = explorer.output.value
    assert "(divides most)" in page and "influence national and local policy" in page
    assert "top 2" in page
    labels = [label for label, _ in explorer.group.options]
    assert labels[0] == "All members (150)" and "London (27)" in labels
    assert explorer.group.description == "Whose rankings"


# --------------------------------------------------------------------------- reasons


def test_reasons_explorer_follows_ticks_and_region(net):
    explorer = reasons_explorer(net)
    assert explorer.priorities == ["share_learning", "spread_improvements"]
    assert explorer.result.share == pytest.approx(purpose.reasons_alignment(net, explorer.priorities).share)
    for box in explorer.boxes.values():
        box.value = False
    assert explorer.result is None and "Tick at least one priority" in explorer.output.value
    explorer.boxes["influence_policy"].value = True
    explorer.boxes["peer_support"].value = True
    assert (explorer.result.aligned, explorer.result.counted) == (119, 150)
    assert "79% aligned" in explorer.output.value
    explorer.group.value = "London"
    expected = purpose.reasons_alignment(net, ["peer_support", "influence_policy"], attribute="region", value="London")
    assert explorer.result.share == pytest.approx(expected.share)
    assert explorer.result.counted == 27
    explorer.boxes["partner_with_patients"].value = True
    assert "No reason on the list serves" in explorer.output.value
    for control in controls(explorer):
        assert control.description.strip()
