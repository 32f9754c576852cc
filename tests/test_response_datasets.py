"""The synthetic answers in datasets/responses/: rebuilt byte for byte, readable, and showing what the lessons need.

The CSV files are first read with plain pandas (every cell as text), independently of the
diagnostics readers, and then through them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from netlearn.diagnostics import (group_summary, list_instruments, load_instrument, read_matrix, read_responses,
                                  room_summary, score_respondents, table_conversation)
from netlearn.synthetic_responses import (HEALTH_CHECK_GROUPS, _MATRIX_BASE, make_curiosity, make_health_check,
                                          make_matrix_workshop)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "datasets" / "responses"
BUILD = ROOT / "scripts" / "build_response_datasets.py"
FILES = ["curiosity.csv", "health_check.csv", "matrix_workshop.csv"]


def read(name):
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("responses")
    result = subprocess.run([sys.executable, str(BUILD), "--out", str(out)], capture_output=True, text=True,
                            cwd=str(ROOT))
    assert result.returncode == 0, result.stderr
    return out


def test_rebuilding_gives_byte_identical_files(rebuilt):
    assert sorted(p.name for p in rebuilt.glob("*.csv")) == FILES
    assert sorted(p.name for p in DATA.glob("*.csv")) == FILES
    for name in FILES:
        fresh, committed = (rebuilt / name).read_bytes(), (DATA / name).read_bytes()
        if fresh != committed:
            pairs = zip(fresh.decode().splitlines(), committed.decode().splitlines())
            line = next((i for i, (a, b) in enumerate(pairs, start=1) if a != b), "end")
            pytest.fail(f"datasets/responses/{name} differs from a fresh build (first at line {line}): run "
                        "`python scripts/build_response_datasets.py` and commit the result.")


@pytest.mark.parametrize("name", FILES)
def test_csv_conventions(name):
    raw = (DATA / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    raw.decode("utf-8")


def test_every_shipped_instrument_loads():
    for name in list_instruments()["name"]:
        assert load_instrument(name).items


def test_the_data_card_describes_every_column():
    card = (DATA / "README.md").read_text(encoding="utf-8")
    for name in FILES:
        assert f"`{name}`" in card
        for column in read(name).columns:
            stem = column.rstrip("0123456789")
            assert f"`{column}`" in card or f"`{stem}1`" in card, f"{name}: column {column} is not described"


def test_generators_are_deterministic_and_seed_dependent():
    assert make_health_check().equals(make_health_check())
    assert not make_health_check(seed=1).equals(make_health_check())
    assert make_curiosity().equals(make_curiosity())
    assert not make_matrix_workshop(seed=1).equals(make_matrix_workshop())


def test_generator_dimensions_match_the_matrix():
    assert list(_MATRIX_BASE) == load_instrument("network_maturity_matrix").dimension_ids


# --------------------------------------------------------------------------- the matrix workshop


def test_matrix_workshop_has_four_to_six_tables_of_four_to_eight_with_disagreement():
    raw = read("matrix_workshop.csv")
    assert list(raw.columns) == ["table", "member", "dimension", "current", "target", "priority"]
    sizes = raw.groupby("table")["member"].nunique()
    assert 4 <= len(sizes) <= 6 and sizes.between(4, 8).all()
    matrix = read_matrix(DATA / "matrix_workshop.csv")
    talk = table_conversation(matrix)
    assert (talk["range"] >= 2).sum() >= 8, "tables should disagree by two levels or more on some dimensions"
    assert (talk["agreed"]).any(), "and agree on some"
    assert (talk["gap"] > 0).all()
    assert set(talk["priority_source"]) == {"chosen by the table", "largest gaps"}
    assert raw["current"].eq("").sum() == 2
    numbers = raw[raw["current"] != ""]
    assert (numbers["target"].astype(int) >= numbers["current"].astype(int)).all()
    room = room_summary(talk)
    assert (room["note"] == "").all()


# --------------------------------------------------------------------------- the health check


def test_health_check_has_120_answers_with_gaps_and_a_group_below_five():
    raw = read("health_check.csv")
    inst = load_instrument("network_health_check")
    assert list(raw.columns) == ["respondent", "group", *[i.id for i in inst.items]]
    assert len(raw) == 120 and raw["respondent"].is_unique
    assert raw["group"].value_counts().to_dict() == dict(HEALTH_CHECK_GROUPS)
    assert raw["group"].value_counts().min() < 5
    rating = [i.id for i in inst.rating_items]
    blank = (raw[rating] == "").to_numpy().mean()
    assert 0.03 < blank < 0.1
    scores = score_respondents(read_responses(DATA / "health_check.csv", inst))
    assert 5 <= scores["form"].isna().sum() <= 15 and scores["why"].str.contains("form").sum() == 10
    summary = group_summary(read_responses(DATA / "health_check.csv", inst))
    small = summary[summary["group"] == "patient or carer"]
    assert small["mean"].map(lambda v: isinstance(v, str)).all()


def test_health_check_comments_are_varied_and_never_repeated():
    raw = read("health_check.csv")
    for column, low, high in (("tx1", 20, 40), ("tx2", 8, 20)):
        comments = raw.loc[raw[column] != "", column]
        assert low <= len(comments) <= high and comments.is_unique
        assert comments.str.len().between(15, 120).all()


def test_reverse_keyed_items_run_against_their_dimension():
    inst = load_instrument("network_health_check")
    responses = read_responses(DATA / "health_check.csv", inst)
    scores = score_respondents(responses)
    for item in inst.rating_items:
        r = responses.answers[item.id].corr(scores[item.dimension])
        assert (r < 0) if item.reverse else (r > 0), f"{item.id}: correlation {r:.2f}"


# --------------------------------------------------------------------------- curiosity


def test_curiosity_answers():
    raw = read("curiosity.csv")
    assert len(raw) == 60 and raw["group"].value_counts().tolist() == [20, 20, 20]
    responses = read_responses(DATA / "curiosity.csv", "curiosity_practice")
    values = responses.answers.stack().dropna()
    assert values.between(1, 7).all() and values.nunique() == 7
    summary = group_summary(responses, by=None).set_index("dimension")
    assert (summary["alpha"].astype(float) > 0.6).all()
    scores = score_respondents(responses)
    assert responses.answers["st1"].corr(scores["stress_tolerance"]) < 0
