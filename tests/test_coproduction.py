"""netlearn.coproduction: are patient, carer and citizen members inside decision ties?"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import netlearn
from netlearn import Network
from netlearn.coproduction import POSITIONS, voices_in_decisions
from netlearn.errors import MeasureError, MemberError, RelationError

DEVON = Path(__file__).resolve().parent.parent / "datasets" / "devon_stp"


def _small(ties=(("pat", "dee"), ("cy", "cal"), ("dee", "cal")), directed=False, **columns):
    members = pd.DataFrame({"id": ["pat", "cy", "ola", "dee", "cal"],
                            "stakeholder": ["Patient", "carer", "citizen", "manager", "clinician"],
                            "role": ["patient representative", "carer representative", "volunteer", "Director",
                                     "clinician"], **columns})
    frame = pd.DataFrame({"source": [a for a, _ in ties], "target": [b for _, b in ties], "relation": "collaborates"})
    return Network.from_frames(members, frame, directed=directed)


def test_hand_worked_positions_and_counts():
    result = voices_in_decisions(_small())
    assert result.table["position"].to_dict() == {"pat": POSITIONS[0], "cy": POSITIONS[1], "ola": POSITIONS[2]}
    assert result.table["decision_ties"].to_dict() == {"pat": 1, "cy": 0, "ola": 0}
    assert result.counts.tolist() == [1, 1, 1] and (result.inside, result.total) == (1, 3)
    assert "1 has no working ties at all" in str(result)


def test_introductions_are_counted_without_changing_the_network():
    net = _small()
    before = len(net.ties)
    assert voices_in_decisions(net, introductions=[("ola", "dee"), ("cy", "dee")]).inside == 3
    assert len(net.ties) == before and voices_in_decisions(net).inside == 1


def test_a_directed_relation_counts_ties_whichever_way_they_point():
    # the director names the patient: still a working tie for the patient
    net = _small(ties=(("dee", "pat"),), directed=True)
    assert voices_in_decisions(net).table.loc["pat", "decision_ties"] == 1


def test_own_decision_roles():
    assert voices_in_decisions(_small(), decision_roles=("clinician",)).table["position"].to_dict() == {
        "pat": POSITIONS[1], "cy": POSITIONS[0], "ola": POSITIONS[2]}


def test_devon_against_an_independent_count():
    members = pd.read_csv(DEVON / "members.csv", dtype=str, keep_default_na=False).set_index("id")
    ties = pd.read_csv(DEVON / "ties.csv", dtype=str, keep_default_na=False)
    work = ties[ties["relation"] == "collaborates"]
    voices = members.index[members["stakeholder"].isin(["patient", "carer", "citizen"])]
    expected = {}
    for v in voices:
        others = set(work.loc[work["source"] == v, "target"]) | set(work.loc[work["target"] == v, "source"])
        expected[v] = sum(members.loc[o, "role"] in {"director", "senior manager", "commissioner"} for o in others)
    result = voices_in_decisions(netlearn.load_dataset("devon_stp"))
    assert result.table["decision_ties"].to_dict() == expected == {"p029": 0, "p085": 1, "p108": 0, "p116": 0}
    assert result.table["workstreams"].to_dict() == {"p029": 1, "p085": 1, "p108": 1, "p116": 1}
    assert result.inside == 1


def test_no_voices_says_so():
    net = _small(stakeholder=["manager"] * 5)
    result = voices_in_decisions(net)
    assert result.total == 0 and "no patient, carer or citizen members" in str(result)


def test_plain_errors():
    with pytest.raises(RelationError, match="Did you mean 'collaborates'"):
        voices_in_decisions(_small(), relation="colaborates")
    members = pd.DataFrame({"id": ["a", "b"], "stakeholder": ["patient", "manager"]})
    net = Network.from_frames(members, pd.DataFrame({"source": ["a"], "target": ["b"], "relation": "collaborates"}),
                              directed=False)
    with pytest.raises(MeasureError, match="no 'role' column"):
        voices_in_decisions(net)
    with pytest.raises(MemberError, match="zed is not one of its people"):
        voices_in_decisions(_small(), introductions=[("pat", "zed")])
    with pytest.raises(ValueError, match="list of roles"):
        voices_in_decisions(_small(), decision_roles="director")
    with pytest.raises(TypeError, match="netlearn Network"):
        voices_in_decisions("devon")


def test_result_reads_as_a_sentence_with_a_table():
    html = voices_in_decisions(_small())._repr_html_()
    assert "works directly with someone who takes decisions" in html and "where they stand" in html
