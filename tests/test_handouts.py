"""The printable handouts (netlearn.trainer.handouts): every word of an instrument reaches the paper, text
from a file is escaped, each handout says it is the course's own version, and the files are written safely.

The YAML files are read here with yaml.safe_load, independently of the instrument loader, so a word the
loader dropped would be missed by the handout and caught here. Printing to PDF in Chromium is tested in
tests/browser/test_handouts_print.py.
"""

import html
import math

import pytest
import yaml

from netlearn.diagnostics import instruments_folder, load_instrument
from netlearn.listening import SCENARIOS
from netlearn.listening_rules import ADVICE, LISTENING, RULES
from netlearn.trainer import handouts
from netlearn.trainer.handouts import (FEEDBACK_MINUTES, ITEMS_PER_SHEET, NOT_OFFICIAL, ROUNDS, SPEAK_MINUTES,
                                       curiosity_self_assessment, health_check_form, listening_cards,
                                       lower_score_example, main, maturity_matrix_sheet, write_handouts)
from netlearn.trainer.pages import GENERATOR

MAKERS = {"network_maturity_matrix": maturity_matrix_sheet, "network_health_check": health_check_form,
          "curiosity_practice": curiosity_self_assessment}


def _raw(name):
    return yaml.safe_load((instruments_folder() / f"{name}.yaml").read_text(encoding="utf-8"))


def _words(text):
    """As the page shows it: escaped, with YAML's folded line breaks as single spaces."""
    return html.escape(" ".join(str(text).split()), quote=True)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_every_word_of_the_instrument_is_on_its_handout(name):
    raw, page = _raw(name), MAKERS[name]()
    expected = [raw["title"], raw["source"], raw["licence"], raw["notes"]]
    expected += [d["name"] for d in raw["dimensions"]] + [d["description"] for d in raw["dimensions"]]
    expected += [item["wording"] for item in raw["items"]]
    expected += list(raw["scale"]["labels"].values())
    for descriptors in raw.get("levels", {}).values():
        expected += list(descriptors.values())
    missing = [text for text in expected if _words(text) not in page]
    assert not missing


def test_the_matrix_has_every_level_descriptor_on_its_dimension_sheet():
    raw, page = _raw("network_maturity_matrix"), maturity_matrix_sheet()
    sheets = page.split('<section class="sheet">')[1:]
    assert len(sheets) == 1 + len(raw["dimensions"]) + 1
    for dimension, part in zip(raw["dimensions"], sheets[1:-1]):
        assert f"<h1>{_words(dimension['name'])}</h1>" in part
        levels = raw["levels"][dimension["id"]]
        assert [_words(levels[p]) in part for p in sorted(levels)] == [True] * 5
        # Highest level printed first, so members read from the bottom up.
        assert part.index(_words(levels[5])) < part.index(_words(levels[1]))


def test_the_lower_score_rule_is_the_one_table_conversation_applies():
    # Hand-worked: members choose 2, 4 and 3 -> record the lowest, 2; they span 4 - 2 = 2 levels.
    assert lower_score_example(levels=(2, 4, 3)) == (2, 2)
    assert lower_score_example(levels=(5, 1, 3, 3)) == (1, 4)
    assert lower_score_example(levels=(3, 3)) == (3, 0)
    page = maturity_matrix_sheet()
    assert "lowest level anyone chose" in page
    assert "members choose 2, 4 and 3. The table records level 2; members were 2 levels apart." in page


@pytest.mark.parametrize("make", [maturity_matrix_sheet, health_check_form, curiosity_self_assessment])
def test_each_sheet_says_it_is_not_the_official_instrument(make):
    page = make()
    sheets = page.count('<section class="sheet">')
    assert page.count("<footer>") == sheets
    assert page.count(html.escape(NOT_OFFICIAL)) == sheets
    assert "Not an official instrument." in page
    assert f'<meta name="generator" content="{GENERATOR}">' in page


def test_the_forms_keep_dimensions_whole_on_sheets_of_at_most_eight_statements():
    health = load_instrument("network_health_check")
    # Purpose 6, function 7, form 6: no two fit together on a sheet of 8, so three sheets, plus the
    # opening sheet and the sheet of open questions.
    assert [len(health.items_of(d)) for d in health.dimension_ids] == [6, 7, 6]
    assert ITEMS_PER_SHEET == 8
    assert health_check_form().count('<section class="sheet">') == 1 + 3 + 1
    # Curiosity: five dimensions of four statements, two to a sheet: 3 sheets, plus opening and scoring.
    assert curiosity_self_assessment().count('<section class="sheet">') == 1 + math.ceil(5 / 2) + 1


def test_every_rating_statement_has_a_box_for_every_point():
    page = health_check_form()
    assert page.count('aria-label="statement 1: ') == 5
    assert page.count('aria-label="statement 19: 5"') == 1
    assert 'aria-label="statement 20: 1"' not in page
    assert page.count('class="line"') == 2 * 6
    page = curiosity_self_assessment()
    assert page.count('aria-label="statement 20: 7"') == 1


def test_reverse_keyed_statements_are_named_by_their_printed_numbers():
    # Printed order is by dimension: pu1-pu6 are 1-6, fu1-fu7 are 7-13, fo1-fo6 are 14-19. The file's
    # reverse-keyed items pu4, pu6, fu5, fu7, fo4 are therefore 4, 6, 11, 13 and 17.
    assert "statements 4, 6, 11, 13, 17 are worded as problems" in health_check_form()
    page = curiosity_self_assessment()
    # st1-st4 are 9-12; on 1-7 the rule max + min - x is 8 - x, so 2 becomes 6.
    for number in (9, 10, 11, 12):
        assert f"<strong>{number}</strong>: 8 &minus; " in page
    assert "<strong>8</strong>: 8 &minus;" not in page
    assert "2 becomes 6" in page


def _instrument_from_yaml(tmp_path, text, name="mine"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return load_instrument(path)


SURVEY_WITH_MARKUP = """\
title: "Our <b>survey</b> & more"
kind: survey
source: "Typed in by <i>us</i>; not official"
licence: CC BY 4.0
scale:
  min: 1
  max: 3
  labels:
    1: "No <way>"
    2: Maybe
    3: Yes & then some
dimensions:
  - id: trust
    name: "Trust <script>alert('d')</script>"
items:
  - id: t1
    wording: "I trust <script>alert('x')</script> here"
    dimension: trust
  - id: tx1
    wording: "Anything <img src=x onerror=alert(1)>?"
    type: text
"""

MATRIX_WITH_MARKUP = """\
title: Our matrix
kind: matrix
source: Typed in by us
licence: CC BY 4.0
scale:
  min: 1
  max: 2
  labels:
    1: Low
    2: High
dimensions:
  - id: trust
    name: Trust
items:
  - id: trust
    wording: "Which level? <script>alert('q')</script>"
    dimension: trust
levels:
  trust:
    1: "Nobody <script>alert('l')</script> trusts"
    2: Everyone & their dog
"""


def test_text_from_the_file_is_escaped(tmp_path):
    survey = _instrument_from_yaml(tmp_path, SURVEY_WITH_MARKUP)
    for page in (health_check_form(survey), curiosity_self_assessment(survey)):
        assert "<script>" not in page and "<img" not in page and "<b>survey" not in page and "<i>us" not in page
        assert "I trust &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; here" in page
        assert "Trust &lt;script&gt;" in page
        assert "<title>Our &lt;b&gt;survey&lt;/b&gt; &amp; more</title>" in page
        assert "No &lt;way&gt;" in page and "Yes &amp; then some" in page
    assert "Anything &lt;img src=x onerror=alert(1)&gt;?" in health_check_form(survey)
    matrix = maturity_matrix_sheet(_instrument_from_yaml(tmp_path, MATRIX_WITH_MARKUP, "our_matrix"))
    assert "<script>" not in matrix
    assert "Nobody &lt;script&gt;alert(&#x27;l&#x27;)&lt;/script&gt; trusts" in matrix
    assert "Everyone &amp; their dog" in matrix
    # A two-level matrix still gets a worked example of the rule: 1 and 2 chosen, 1 recorded, 1 apart.
    assert "members choose 1 and 2. The table records level 1; members were 1 level apart." in matrix


def test_a_handout_refuses_the_wrong_kind_of_instrument():
    with pytest.raises(ValueError, match="only|needs a matrix"):
        maturity_matrix_sheet("network_health_check")
    with pytest.raises(ValueError, match="needs a survey or scale"):
        health_check_form("network_maturity_matrix")


def test_the_listening_cards_follow_the_coach():
    page = listening_cards()
    assert page.count('<section class="sheet">') == 3 + math.ceil(sum(r.kind == ADVICE for r in RULES) / 8)
    for role in ("Speaker", "Listener", "Observer"):
        assert f'<p class="card-role">{role}</p>' in page
    for rule in RULES:
        assert html.escape(rule.explanation) in page, rule.name
        assert html.escape(rule.name.capitalize()) in page or html.escape(rule.name) in page
    # Every listening move appears twice (listener's card, observer's tally); every form of jumping in
    # appears on the tally with a place for marks.
    listening = [r for r in RULES if r.kind == LISTENING]
    assert all(page.count(html.escape(r.explanation)) == 2 for r in listening)
    assert page.count('<td class="tally"></td>') == len(RULES)
    for text in SCENARIOS.values():
        assert html.escape(text) in page
    # Notebook 07: three minutes of speaking, roles swapped twice, twelve minutes in all.
    assert (SPEAK_MINUTES, FEEDBACK_MINUTES, ROUNDS) == (3, 1, 3)
    assert "3 rounds of 4 minutes (12 minutes in all)" in page
    assert "exact format is not recorded" in page


def test_write_handouts_writes_each_file_and_an_index(tmp_path):
    folder = tmp_path / "build" / "handouts"
    written = write_handouts(folder)
    names = sorted(path.name for path in written)
    assert names == sorted([f"{name}.html" for name in handouts.HANDOUTS] + ["index.html"])
    index = (folder / "index.html").read_text(encoding="utf-8")
    for name in handouts.HANDOUTS:
        assert f'href="{name}.html"' in index
    assert "(10 sheets)" in index and "(5 sheets)" in index
    assert (folder / "network_maturity_matrix.html").read_text(encoding="utf-8") == maturity_matrix_sheet()
    assert not list(folder.glob(".*.tmp"))


def test_write_handouts_replaces_its_own_files_but_never_anyone_elses(tmp_path):
    write_handouts(tmp_path)
    old = tmp_path / "listening_in_threes.html"
    old.write_text(old.read_text(encoding="utf-8").replace("Speaker", "Old speaker"), encoding="utf-8")
    write_handouts(tmp_path)
    assert "Old speaker" not in old.read_text(encoding="utf-8")

    theirs = tmp_path / "index.html"
    theirs.write_text("<p>my own notes</p>", encoding="utf-8")
    stale = tmp_path / "curiosity_practice.html"
    stale.write_text(stale.read_text(encoding="utf-8").replace("Joyous", "Stale"), encoding="utf-8")
    with pytest.raises(FileExistsError, match="index.html exists and was not written by netlearn"):
        write_handouts(tmp_path)
    assert theirs.read_text(encoding="utf-8") == "<p>my own notes</p>"
    assert "Stale" in stale.read_text(encoding="utf-8")   # nothing written at all


def test_the_command_writes_into_the_folder_given(tmp_path, capsys):
    assert main(["--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "index.html").is_file()
    assert "index.html" in capsys.readouterr().out
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "index.html").write_text("mine", encoding="utf-8")
    assert main(["--out", str(tmp_path / "mine")]) == 1
    assert "was not written by netlearn" in capsys.readouterr().err
