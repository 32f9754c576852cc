"""Instrument files: the shipped ones load and say what they are; every mistake is reported at its line."""

from __future__ import annotations

import textwrap

import pytest

from netlearn import DataError
from netlearn.diagnostics import InstrumentError, instruments_folder, list_instruments, load_instrument

SHIPPED = ["network_maturity_matrix", "network_health_check", "curiosity_practice"]

# A small valid survey; each test breaks one thing in it.
SURVEY = textwrap.dedent("""\
    title: Test survey
    kind: survey
    source: written for a test
    licence: CC BY 4.0
    scale:
      min: 1
      max: 5
      labels:
        1: one
        2: two
        3: three
        4: four
        5: five
      reverse_rule: max + min - x
    dimensions:
      - id: trust
        name: Trust
        description: how far members rely on each other
      - id: purpose
        name: Purpose
    items:
      - id: q1
        wording: I trust the others.
        dimension: trust
        reverse: no
      - id: q2
        wording: I keep things to myself.
        dimension: trust
        reverse: yes
      - id: q3
        wording: I know what we are for.
        dimension: purpose
      - id: note
        wording: Anything else?
        type: text
    """)

# A small valid matrix with two dimensions and three levels.
MATRIX = textwrap.dedent("""\
    title: Test matrix
    kind: matrix
    source: written for a test
    licence: CC BY 4.0
    scale:
      min: 1
      max: 3
      labels: {1: low, 2: middle, 3: high}
    dimensions:
      - id: purpose
        name: Purpose
      - id: impact
        name: Impact
    items:
      - id: purpose
        wording: Which level fits purpose?
        dimension: purpose
      - id: impact
        wording: Which level fits impact?
        dimension: impact
    levels:
      purpose:
        1: nobody could say
        2: some could say
        3: everyone could say
      impact:
        1: not known
        2: counted
        3: shown
    """)


def write(tmp_path, text, name="instrument.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text, snippet, occurrence=1):
    """The 1-based line of the ``occurrence``-th line containing ``snippet``."""
    hits = [k for k, line in enumerate(text.splitlines(), start=1) if snippet in line]
    return hits[occurrence - 1]


def broken(tmp_path, base, old, new, count=1):
    assert old in base, f"test set-up: {old!r} is not in the base file"
    text = base.replace(old, new, count)
    with pytest.raises(InstrumentError) as info:
        load_instrument(write(tmp_path, text))
    return info.value, text


# --------------------------------------------------------------------------- shipped instruments


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_instrument_loads_with_its_credit(name):
    inst = load_instrument(name)
    assert inst.name == name and inst.licence == "CC BY 4.0"
    assert "written for the netlearn course" in inst.source.lower()
    assert inst.path == instruments_folder() / f"{name}.yaml"
    assert load_instrument(inst.path).items == inst.items  # by path too


def test_list_instruments_lists_the_three_and_not_the_template():
    table = list_instruments()
    assert sorted(table["name"]) == sorted(SHIPPED)
    assert set(table["kind"]) == {"matrix", "survey", "scale"}


def test_template_is_itself_a_valid_instrument():
    inst = load_instrument(instruments_folder() / "_template.yaml")
    assert inst.kind == "survey" and [i.id for i in inst.text_items] == ["comments"]


def test_maturity_matrix_is_the_courses_own_with_eight_dimensions_and_observable_levels():
    inst = load_instrument("network_maturity_matrix")
    assert "not the official source4networks" in inst.source.lower()
    assert inst.dimension_ids == ["purpose", "membership", "relationships", "leadership", "reciprocity",
                                  "governance", "learning", "impact"]
    assert 4 <= len(inst.scale.points) <= 5 and inst.scale.reverse_rule is None
    for dim, levels in inst.levels.items():
        assert list(levels) == inst.scale.points
        assert len(set(levels.values())) == len(levels), f"{dim}: two levels share a descriptor"
        assert all(len(text) > 40 for text in levels.values())
    assert [i.id for i in inst.items] == inst.dimension_ids and not inst.text_items
    table = inst.level_table()
    assert table.shape == (8, len(inst.scale.points))


def test_health_check_has_purpose_function_form_reverse_items_and_free_text_at_the_end():
    inst = load_instrument("network_health_check")
    assert inst.dimension_ids == ["purpose", "function", "form"]
    assert 15 <= len(inst.rating_items) <= 25
    assert inst.scale.points == [1, 2, 3, 4, 5] and inst.scale.reverse_rule == "max + min - x"
    assert {i.dimension for i in inst.rating_items if i.reverse} == {"purpose", "function", "form"}
    assert [i.type for i in inst.items[-2:]] == ["text", "text"]
    assert "network impact" in inst.source.lower()  # not to be confused with Network Impact's scorecard
    assert len(set(inst.scale.labels.values())) == 5


def test_curiosity_practice_follows_kashdan_dimensions_with_own_items_and_says_it_is_not_validated():
    inst = load_instrument("curiosity_practice")
    assert [d.name for d in inst.dimensions] == ["Joyous exploration", "Deprivation sensitivity",
                                                 "Stress tolerance", "Social curiosity", "Thrill seeking"]
    assert inst.scale.points == list(range(1, 8))
    for dim in inst.dimension_ids:
        items = inst.items_of(dim)
        assert 3 <= len(items) <= 5
        assert all(i.reverse for i in items) == (dim == "stress_tolerance")
        assert any(i.reverse for i in items) == (dim == "stress_tolerance")
    notes = inst.notes.lower()
    assert "not a validated measure" in notes and "reflection" in notes
    assert "do not reproduce" in inst.source.lower() and "kashdan et al. (2018)" in inst.source.lower()


def test_describe_and_template_columns():
    inst = load_instrument("network_health_check")
    frame = inst.describe()
    assert frame.loc["fo4", "reverse"] and frame.loc["tx1", "type"] == "text"
    assert list(inst.template().columns) == ["respondent", "group", *[i.id for i in inst.items]]


def test_valid_test_files_load(tmp_path):
    survey = load_instrument(write(tmp_path, SURVEY, "s.yaml"))
    assert [i.id for i in survey.items_of("trust")] == ["q1", "q2"] and survey.item("q2").reverse
    matrix = load_instrument(write(tmp_path, MATRIX, "m.yaml"))
    assert matrix.levels["impact"][2] == "counted"


# --------------------------------------------------------------------------- mistakes, each at its line


def test_yaml_syntax_error_reports_the_line(tmp_path):
    err, text = broken(tmp_path, SURVEY, "    wording: I trust the others.", "    wording: [I trust the others.")
    assert isinstance(err, DataError)
    assert err.line == err.row and err.line in (line_of(text, "[I trust"), line_of(text, "[I trust") + 1)
    assert "not valid YAML" in str(err) and "line" in str(err)


def test_bad_indentation_is_a_syntax_error_at_its_line(tmp_path):
    err, text = broken(tmp_path, SURVEY, "    dimension: trust\n    reverse: no",
                       "    dimension: trust\n   reverse: no")
    assert err.line == line_of(text, "   reverse: no")


def test_duplicate_item_id_is_reported_at_the_second(tmp_path):
    err, text = broken(tmp_path, SURVEY, "  - id: q2", "  - id: q1")
    assert err.line == line_of(text, "- id: q1", 2) and err.key == "id"
    assert f"first is on line {line_of(text, '- id: q1')}" in err.problem


def test_duplicate_dimension_id(tmp_path):
    err, text = broken(tmp_path, SURVEY, "  - id: purpose", "  - id: trust")
    assert err.line == line_of(text, "- id: trust", 2) and "two dimensions" in err.problem


def test_rating_item_without_a_dimension(tmp_path):
    err, text = broken(tmp_path, SURVEY, "    dimension: purpose\n", "")
    assert err.key == "dimension" and "'q3' has no dimension" in err.problem
    assert err.line == line_of(text, "- id: q3")


def test_item_with_an_unknown_dimension_suggests_the_close_one(tmp_path):
    err, text = broken(tmp_path, SURVEY, "    dimension: purpose\n", "    dimension: purpse\n")
    assert err.line == line_of(text, "dimension: purpse") and err.key == "dimension"
    assert "Did you mean 'purpose'?" in err.fix


def test_reverse_key_needs_a_reverse_rule(tmp_path):
    err, text = broken(tmp_path, SURVEY, "  reverse_rule: max + min - x\n", "")
    assert err.line == line_of(text, "reverse: yes") and err.key == "reverse"
    assert "no reverse rule" in err.problem and "reverse_rule: max + min - x" in err.fix


def test_unknown_reverse_rule(tmp_path):
    err, text = broken(tmp_path, SURVEY, "max + min - x", "6 - x")
    assert err.line == line_of(text, "reverse_rule") and err.key == "reverse_rule"


def test_unicode_minus_in_the_reverse_rule_is_accepted(tmp_path):
    inst = load_instrument(write(tmp_path, SURVEY.replace("max + min - x", "max + min \u2212 x")))
    assert inst.scale.reverse(2) == 4


def test_unknown_item_key_suggests_a_close_match(tmp_path):
    err, text = broken(tmp_path, SURVEY, "    wording: I know what we are for.", "    wordng: I know what we are for.")
    assert err.line == line_of(text, "wordng") and err.key == "wordng"
    assert "Did you mean 'wording'?" in err.fix


def test_unknown_top_level_key_suggests_a_close_match(tmp_path):
    err, text = broken(tmp_path, SURVEY, "licence: CC BY 4.0", "licence: CC BY 4.0\nlicense_url: x")
    assert err.line == line_of(text, "license_url") and "Did you mean" in err.fix


def test_a_key_given_twice_in_one_block(tmp_path):
    err, text = broken(tmp_path, SURVEY, "kind: survey", "kind: survey\nkind: scale")
    assert err.line == line_of(text, "kind: scale") and "appears twice" in err.problem


def test_missing_scale_label(tmp_path):
    err, text = broken(tmp_path, SURVEY, "    3: three\n", "")
    assert "no label for the point 3" in err.problem and err.line == line_of(text, "1: one")


def test_min_not_below_max(tmp_path):
    err, text = broken(tmp_path, SURVEY, "  max: 5", "  max: 1")
    assert err.line == line_of(text, "max: 1") and err.key == "max"


def test_kind_typo(tmp_path):
    err, text = broken(tmp_path, SURVEY, "kind: survey", "kind: servey")
    assert err.line == line_of(text, "kind: servey") and "Did you mean 'survey'?" in err.fix


def test_ids_must_be_simple_and_not_reserved(tmp_path):
    err, text = broken(tmp_path, SURVEY, "  - id: q3", "  - id: Question 3")
    assert err.line == line_of(text, "id: Question 3") and "'question_3'" in err.fix
    err, text = broken(tmp_path, SURVEY, "  - id: q3", "  - id: group")
    assert err.line == line_of(text, "id: group") and "something else" in err.problem


def test_dimension_without_items(tmp_path):
    err, text = broken(tmp_path, SURVEY, "    dimension: purpose\n", "    dimension: trust\n")
    assert "'purpose' has no rating items" in err.problem and err.line == line_of(text, "- id: purpose")


def test_missing_required_key(tmp_path):
    err, _ = broken(tmp_path, SURVEY, "licence: CC BY 4.0\n", "")
    assert err.key == "licence" and "has no 'licence'" in err.problem


def test_matrix_missing_level_descriptor_names_dimension_and_level(tmp_path):
    err, text = broken(tmp_path, MATRIX, "    3: shown\n", "")
    assert "'impact' has no descriptor for level 3" in err.problem
    assert err.line == line_of(text, "1: not known") and err.key == "3"


def test_matrix_blank_level_descriptor(tmp_path):
    err, _ = broken(tmp_path, MATRIX, "    2: counted", "    2:")
    assert "'impact' has no descriptor for level 2" in err.problem


def test_matrix_levels_not_contiguous(tmp_path):
    # Scale 1..4 and impact levels 1, 2, 4: the jump from 2 to 4 is reported at the line of level 4.
    text = MATRIX.replace("labels: {1: low, 2: middle, 3: high}", "labels: {1: low, 2: middle, 3: high, 4: top}")
    text = text.replace("  max: 3", "  max: 4")
    text = text.replace("    3: everyone could say", "    3: everyone could say\n    4: all")
    err, text = broken(tmp_path, text, "    3: shown", "    4: shown")
    assert "not contiguous" in err.problem and "level 3 has no descriptor" in err.problem
    assert err.line == line_of(text, "4: shown") and err.key == "4"


def test_matrix_level_outside_the_scale(tmp_path):
    err, text = broken(tmp_path, MATRIX, "    3: shown", "    3: shown\n    4: famous")
    assert err.line == line_of(text, "4: famous") and "scale runs from 1 to 3" in err.problem


def test_matrix_levels_for_an_unknown_dimension(tmp_path):
    err, text = broken(tmp_path, MATRIX, "  impact:\n    1: not known", "  impakt:\n    1: not known")
    assert err.line == line_of(text, "impakt:") and "Did you mean 'impact'?" in err.fix


def test_matrix_without_levels_and_survey_with_levels(tmp_path):
    err, _ = broken(tmp_path, MATRIX, MATRIX[MATRIX.index("levels:"):], "")
    assert "needs a 'levels' block" in err.problem
    err, text = broken(tmp_path, MATRIX, "kind: matrix", "kind: survey")
    assert err.line == line_of(text, "levels:") and "only a matrix has levels" in err.problem


def test_matrix_item_must_carry_its_dimension_id(tmp_path):
    err, text = broken(tmp_path, MATRIX, "  - id: impact\n    wording", "  - id: impact_now\n    wording")
    assert err.line == line_of(text, "id: impact_now") and "Set 'id: impact'" in err.fix


def test_unknown_name_suggests_a_shipped_instrument():
    with pytest.raises(InstrumentError) as info:
        load_instrument("network_health_chek")
    assert "Did you mean 'network_health_check'?" in info.value.fix


def test_missing_file_and_empty_file(tmp_path):
    with pytest.raises(InstrumentError, match="not found"):
        load_instrument(tmp_path / "nothing.yaml")
    with pytest.raises(InstrumentError, match="empty"):
        load_instrument(write(tmp_path, "# only a comment\n"))


def test_not_utf8_is_reported_at_its_line(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(SURVEY.replace("Test survey", "Enqu\u00eate").encode("latin-1"))
    with pytest.raises(InstrumentError) as info:
        load_instrument(path)
    assert info.value.line == 1 and "UTF-8" in info.value.problem


def test_message_reads_line_and_key():
    err = InstrumentError("x is wrong.", file="f.yaml", line=3, key="id", fix="Do y.")
    assert str(err) == "f.yaml, line 3, key 'id': x is wrong.\nHow to fix it: Do y."
