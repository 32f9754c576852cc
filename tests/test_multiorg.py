"""The organisation network, spanners and missing sectors of a multi-organisation partnership:
a hand-built partnership with every edge worked out, independent checks of the projection, and
the errors for data that is not two-mode or has people without an organisation."""

import math
from itertools import combinations

import pandas as pd
import pytest

import netlearn
from netlearn import DataError, Network, RelationError
from netlearn.multiorg import STP_SECTORS, missing_sectors, organisation_network, organisation_spanners

# People: a1, a2 work for A; b1 for B; c1 for C; x for both A and B. D has nobody.
PEOPLE = {"a1": ["A"], "a2": ["A"], "b1": ["B"], "c1": ["C"], "x": ["A", "B"]}
ORG_SECTORS = {"A": "local authority", "B": "NHS commissioner", "C": "acute", "D": "voluntary"}
COLLABORATES = [("a1", "b1", 3), ("a1", "a2", 1), ("b1", "c1", 1), ("x", "c1", 2)]


def partnership(people=PEOPLE, collaborates=COLLABORATES, kind=True, extra_members=None):
    ids = list(people) + list(ORG_SECTORS) + list(extra_members or [])
    sector = [ORG_SECTORS[orgs[0]] for orgs in people.values()] + list(ORG_SECTORS.values()) + \
        [None] * len(extra_members or [])
    members = pd.DataFrame({"id": ids, "sector": sector,
                            "name": [f"Name of {i}" for i in ids]})
    if kind:
        members["kind"] = ["person"] * len(people) + ["organisation"] * len(ORG_SECTORS) + \
            ["person"] * len(extra_members or [])
    rows = [(p, o, "affiliated", 1) for p, orgs in people.items() for o in orgs]
    rows += [(u, v, "collaborates", w) for u, v, w in collaborates]
    ties = pd.DataFrame(rows, columns=["source", "target", "relation", "weight"])
    return Network.from_frames(members, ties, directed=False)


# --------------------------------------------------------------------------- organisation network


def test_organisation_network_hand_worked():
    O = organisation_network(partnership())
    assert sorted(O.nodes) == ["A", "B", "C", "D"]
    # A-B: x belongs to both (1 shared person); a1-b1 is a tie between them (strength 3).
    assert O.edges["A", "B"] == {"shared_people": 1, "people_ties": 1, "tie_strength": 3.0, "weight": 2}
    # x-c1 links both of x's organisations to C; b1-c1 links B to C again.
    assert O.edges["A", "C"] == {"shared_people": 0, "people_ties": 1, "tie_strength": 2.0, "weight": 1}
    assert O.edges["B", "C"] == {"shared_people": 0, "people_ties": 2, "tie_strength": 3.0, "weight": 2}
    assert O.number_of_edges() == 3 and O.degree("D") == 0  # D stays, unlinked
    assert {o: O.nodes[o]["people"] for o in O} == {"A": 3, "B": 2, "C": 1, "D": 0}
    assert O.nodes["A"]["internal_ties"] == 1  # a1-a2
    assert O.nodes["A"]["sector"] == "local authority" and O.nodes["A"]["name"] == "Name of A"


def test_shared_people_match_an_independent_count():
    people = {"p1": ["A", "B", "C"], "p2": ["A", "B"], "p3": ["C"], "p4": ["B", "C"]}
    O = organisation_network(partnership(people, collaborates=[("p1", "p3", 1)]), ties=None)
    expected = {}
    for orgs in people.values():
        for pair in combinations(sorted(orgs), 2):
            expected[pair] = expected.get(pair, 0) + 1
    found = {tuple(sorted((u, v))): d["shared_people"] for u, v, d in O.edges(data=True)}
    assert found == expected == {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 2}
    assert all(d["people_ties"] == 0 and d["weight"] == d["shared_people"] for _, _, d in O.edges(data=True))


def test_a_person_in_two_organisations_counts_for_each_pair():
    # x (A and B) works with a2 (A): inside A, and also a link between B and A.
    O = organisation_network(partnership(collaborates=[("x", "a2", 1)]))
    assert O.nodes["A"]["internal_ties"] == 1
    assert O.edges["A", "B"]["people_ties"] == 1 and O.edges["A", "B"]["shared_people"] == 1


def test_directed_ties_count_once_each():
    members = pd.DataFrame({"id": ["p", "q", "A", "B"], "kind": ["person", "person", "organisation", "organisation"]})
    ties = pd.DataFrame({"source": ["p", "q", "p", "q"], "target": ["A", "B", "q", "p"],
                         "relation": ["affiliated", "affiliated", "advice", "advice"]})
    net = Network.from_frames(members, ties, directed={"affiliated": False})
    assert organisation_network(net, ties="advice").edges["A", "B"]["people_ties"] == 2
    with pytest.raises(ValueError, match="no 'sector' column.*attribute=None"):
        organisation_spanners(net, ties="advice")
    spanners = organisation_spanners(net, ties="advice", attribute=None)
    assert spanners.loc["p", "ties_across"] == 1  # q is one person, linked both ways
    assert "sectors" not in spanners.columns


def test_without_a_kind_column_sources_are_people_and_targets_organisations():
    O = organisation_network(partnership(kind=False))
    assert sorted(O.nodes) == ["A", "B", "C"]  # D has no affiliation tie, so it is not known as an organisation
    assert O.edges["B", "C"]["people_ties"] == 2


# --------------------------------------------------------------------------- errors


def test_missing_or_wrong_relations():
    net = partnership()
    with pytest.raises(RelationError, match="no relation called 'works_for'.*affiliated, collaborates"):
        organisation_network(net, affiliation="works_for")
    with pytest.raises(RelationError, match="no relation called 'friends'.*ties=None"):
        organisation_network(net, ties="friends")
    with pytest.raises(TypeError, match="netlearn Network"):
        organisation_network(net.graph("affiliated"))


def test_relation_that_is_not_two_mode():
    net = partnership()
    with pytest.raises(DataError, match="'collaborates' is not two-mode: it links members of the same kind "
                                        "\\(person\\)"):
        organisation_network(net, affiliation="collaborates", ties=None)
    members = pd.DataFrame({"id": ["p", "q", "r"]})
    ties = pd.DataFrame({"source": ["p", "q"], "target": ["q", "r"], "relation": "affiliated"})
    flat = Network.from_frames(members, ties, directed=False)
    with pytest.raises(DataError, match="q appear\\(s\\) both as a person"):
        organisation_network(flat, ties=None)


def test_people_without_an_organisation_are_reported():
    people = dict(PEOPLE)
    net = partnership(people, collaborates=COLLABORATES + [("loner", "a1", 1)], extra_members=["loner"])
    with pytest.raises(DataError, match="1 person has no organisation in 'affiliated': loner") as info:
        organisation_network(net)
    assert "unaffiliated='ignore'" in str(info.value)
    with pytest.raises(DataError, match="loner"):
        organisation_spanners(net)
    with pytest.warns(UserWarning, match="loner.*left out"):
        O = organisation_network(net, unaffiliated="ignore")
    assert O.edges["A", "B"]["people_ties"] == 1  # the loner's tie is not counted anywhere
    with pytest.raises(ValueError, match="unaffiliated='skip'"):
        organisation_network(net, unaffiliated="skip")


# --------------------------------------------------------------------------- spanners


def test_spanners_hand_worked():
    table = organisation_spanners(partnership())
    # a2's only tie is inside A, so a2 spans nothing and is not listed.
    assert table.index.tolist() == ["b1", "c1", "a1", "x"]
    assert table.loc["b1", ["ties_across", "organisations_reached", "sectors_reached"]].tolist() == [2, 2, 2]
    assert table.loc["b1", "organisations"] == "Name of A; Name of C"
    assert table.loc["b1", "sectors"] == "acute; local authority"
    assert table.loc["c1", "organisations_reached"] == 2  # b1 (B) and x (A and B)
    assert table.loc["a1", ["ties", "ties_across", "organisations"]].tolist() == [2, 1, "Name of B"]
    assert table.loc["x", ["organisation", "sector"]].tolist() == ["Name of A; Name of B",
                                                                    "NHS commissioner; local authority"]
    assert table.loc["x", "sectors"] == "acute" and bool(table["new_sectors"].all())
    assert table.loc["a1", "name"] == "Name of a1"


def test_spanners_need_a_ties_relation_and_a_sector_column():
    with pytest.raises(ValueError, match="needs a person-person relation"):
        organisation_spanners(partnership(), ties=None)
    with pytest.raises(ValueError, match="no 'region' column"):
        organisation_spanners(partnership(), attribute="region")


# --------------------------------------------------------------------------- missing sectors


def test_missing_sectors_against_the_stp_list():
    table = missing_sectors(partnership())
    assert table.index.tolist() == list(STP_SECTORS)
    # People: a1, a2, x (local authority), b1 (commissioner), c1 (acute): 5 in all.
    assert table.loc["local authority"].tolist() == [1, 3, 0.6, "present", "local authority"]
    assert table.loc["commissioner", ["organisations", "people", "matched"]].tolist() == [1, 1, "NHS commissioner"]
    assert table.loc["voluntary sector", ["organisations", "people", "status"]].tolist() == [1, 0, "thin"]
    for sector in ("community", "mental health", "primary care", "Healthwatch"):
        assert table.loc[sector, "status"] == "missing"


def test_missing_sectors_with_your_own_list_and_unrecognised_values():
    members = pd.DataFrame({"id": list("abcdefg"),
                            "sector": ["acute and community", "GP practice", "Healthwatch", "patient/carer/citizen",
                                       "housing", None, "acute"]})
    net = Network.from_frames(members, pd.DataFrame({"source": ["a"], "target": ["b"]}))
    table = missing_sectors(net, {"acute": ["acute"], "community": "community", "primary care": ["gp"],
                                  "voices": ["healthwatch", "patient"]}, thin_share=0.2)
    assert table.loc["acute", ["people", "status"]].tolist() == [2, "present"]  # 2 of 7 >= 0.2
    assert table.loc["community", ["people", "status"]].tolist() == [1, "thin"]  # "acute and community" counts twice
    assert table.loc["primary care", "matched"] == "GP practice"
    assert table.loc["voices", "people"] == 2
    assert table.loc["housing", "status"] == "not in the expected list"
    assert table.loc["(not recorded)", "people"] == 1 and table.index[-1] == "(not recorded)"
    plain = missing_sectors(net, ["acute", "housing", "education"])
    assert plain.loc["education", "status"] == "missing" and plain.loc["housing", "people"] == 1
    assert (plain["organisations"] == 0).all()  # no kind column: everybody is a person


def test_missing_sectors_errors():
    net = partnership()
    with pytest.raises(ValueError, match="thin_share"):
        missing_sectors(net, thin_share=5)
    with pytest.raises(ValueError, match="not one text"):
        missing_sectors(net, "acute")
    with pytest.raises(ValueError, match="no 'industry' column"):
        missing_sectors(net, attribute="industry")


# --------------------------------------------------------------------------- devon_stp


def load(name):
    """A shipped dataset (they are committed, so a failure to load is a real failure)."""
    return netlearn.load_dataset(name)


def test_devon_stp_partnership():
    net = load("devon_stp")
    O = organisation_network(net)
    people = net.members[net.members["kind"] == "person"]
    organisations = net.members[net.members["kind"] == "organisation"]
    assert O.number_of_nodes() == len(organisations)
    affiliated = net.ties[net.ties["relation"] == "affiliated"]
    assert sum(d["people"] for _, d in O.nodes(data=True)) == len(affiliated)
    if affiliated["source"].is_unique:  # one organisation each: every tie is inside one or between two
        collaborates = (net.ties["relation"] == "collaborates").sum()
        between = sum(d["people_ties"] for _, _, d in O.edges(data=True))
        inside = sum(d["internal_ties"] for _, d in O.nodes(data=True))
        assert between + inside == collaborates
    spanners = organisation_spanners(net)
    assert 0 < len(spanners) <= len(people)
    assert (spanners["organisations_reached"] < len(organisations)).all()
    sectors = missing_sectors(net)
    assert sectors.loc["primary care", "status"] == "missing"
    assert sectors.loc["local authority", "status"] == "present"
    assert not math.isnan(sectors["share"].sum())
