"""Real survey and spreadsheet files (issue 15, part 2): mutual nominations, leading zeros, mixed
encodings, rows above the header, a relation written with a capital, and signed or missing weights.

Every file here is hand-made bytes of the kind a spreadsheet or survey tool really writes, and every
expected value is worked out by hand in the comment beside it.
"""

import codecs

import networkx as nx
import pandas as pd
import pytest

from netlearn import MeasureError, Network
from netlearn.diversity import blau_index, ei_index, ei_index_by_group, ei_index_by_member
from netlearn.fastgraph import betweenness, constraint
from netlearn.leadership import shared_leadership
from netlearn.multiorg import organisation_network
from netlearn.roles import role_profile
from netlearn.tables import read_table

from .helpers import error_of, network_reader, write

MEMBERS = "id,name,group\nm1,Ann,ward\nm2,Bo,ward\nm3,Cy,gp\nm4,Di,gp\n"


@pytest.fixture
def files(tmp_path):
    return network_reader(tmp_path, MEMBERS, "source,target\nm1,m2\n")


# --------------------------------------------------------------------------- mutual nominations

# A "who do you know?" survey: everyone lists whom they know, so most pairs appear twice.
# Pairs: m1-m2 named by both (rows 2, 3), m1-m3 by m1 only (row 4), m3-m4 by both (rows 5, 6),
# m4-m2 by m4 only (row 7). Four ties; 2 pairs named by both, 2 by one only.
NOMINATIONS = "source,target,relation\nm1,m2,knows\nm2,m1,knows\nm1,m3,knows\nm3,m4,knows\nm4,m3,knows\nm4,m2,knows\n"


def test_mutual_nominations_merge_into_one_tie_and_are_counted(files):
    net = files(ties=NOMINATIONS)
    G = net.graph("knows")
    assert sorted(tuple(sorted(e)) for e in G.edges) == [("m1", "m2"), ("m1", "m3"), ("m2", "m4"), ("m3", "m4")]
    assert len(net.ties) == 4
    counts = net.nominations["knows"]
    assert (counts.both, counts.one_only) == (2, 2)
    assert "2 pairs named by both, 2 by one only" in repr(net)
    assert net.summary().loc["knows", "ties"] == 4


def test_a_file_listing_each_pair_once_reports_no_nominations(files):
    net = files(ties="source,target,relation\nm1,m2,knows\nm3,m4,knows\n")
    assert net.nominations == {}
    assert "named by both" not in repr(net)


def test_directed_relation_keeps_both_directions(files):
    net = files(ties="source,target,relation\nm1,m2,advice\nm2,m1,advice\n")
    assert net.graph("advice").number_of_edges() == 2 and net.nominations == {}


def test_mutual_nominations_with_the_same_weight_keep_it(files):
    ties = "source,target,relation,weight\nm1,m2,knows,3\nm2,m1,knows,3\nm1,m3,knows,1\n"
    G = files(ties=ties).graph("knows")
    assert G["m1"]["m2"]["weight"] == 3.0 and G.number_of_edges() == 2


def test_mutual_nominations_with_different_weights_need_a_rule(files):
    # m1 says 3, m2 says 1 (rows 2 and 3); m3 says 2, m4 says 4 (rows 5 and 6).
    ties = "source,target,relation,weight\nm1,m2,knows,3\nm2,m1,knows,1\nm1,m3,knows,1\nm3,m4,knows,2\nm4,m3,knows,4\n"
    err = error_of(files, ties=ties)
    assert err.row == 3 and err.column == "weight" and err.more_rows == [6]
    assert "rows 2 and 3" in err.problem and "3" in err.problem and "1" in err.problem
    assert "mutual_weight" in err.fix and "mean" in err.fix and "relations.csv" in err.fix
    head = "relation,directed,mutual_weight\nknows,no,{}\n"
    expected = {"mean": (2.0, 3.0), "min": (1.0, 2.0), "max": (3.0, 4.0), "sum": (4.0, 6.0)}
    for rule, (m1_m2, m3_m4) in expected.items():
        G = files(ties=ties, relations=head.format(rule)).graph("knows")
        assert (G["m1"]["m2"]["weight"], G["m3"]["m4"]["weight"], G["m1"]["m3"]["weight"]) == (m1_m2, m3_m4, 1.0)


def test_mutual_weight_rule_is_checked(files):
    err = error_of(files, ties=NOMINATIONS, relations="relation,directed,mutual_weight\nknows,no,average\n")
    assert (err.file, err.row, err.column) == ("relations.csv", 2, "mutual_weight")
    assert "mean, min, max or sum" in err.fix


def test_mutual_weight_rule_in_from_frames():
    members = pd.DataFrame({"id": ["a", "b"]})
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "a"], "weight": [1, 2]})
    net = Network.from_frames(members, ties, mutual_weight="max")
    assert net.graph()["a"]["b"]["weight"] == 2.0


def test_mutual_weight_rule_passed_to_read_network(files):
    """read_network had no mutual_weight=, so files without a relations.csv could not say how to combine weights."""
    # Same file as above: m1-m2 answered 3 and 1, m3-m4 answered 2 and 4, m1-m3 named once (1).
    ties = "source,target,relation,weight\nm1,m2,knows,3\nm2,m1,knows,1\nm1,m3,knows,1\nm3,m4,knows,2\nm4,m3,knows,4\n"
    expected = {"mean": (2.0, 3.0), "min": (1.0, 2.0), "max": (3.0, 4.0), "sum": (4.0, 6.0)}
    for rule, (m1_m2, m3_m4) in expected.items():
        net = files(ties=ties, mutual_weight=rule)
        G = net.graph("knows")
        assert (G["m1"]["m2"]["weight"], G["m3"]["m4"]["weight"], G["m1"]["m3"]["weight"]) == (m1_m2, m3_m4, 1.0)
        assert (net.nominations["knows"].both, net.nominations["knows"].one_only) == (2, 1)
    assert files(ties=ties, mutual_weight={"knows": "min"}).graph("knows")["m3"]["m4"]["weight"] == 2.0
    # A rule declared in relations.csv wins over the argument.
    declared = files(ties=ties, relations="relation,directed,mutual_weight\nknows,no,max\n", mutual_weight="min")
    assert declared.graph("knows")["m1"]["m2"]["weight"] == 3.0
    err = error_of(files, ties=ties, mutual_weight="average")
    assert err.column == "mutual_weight" and "mean, min, max or sum" in err.fix


def test_true_duplicates_are_still_refused(files):
    # m1 names m2 twice (rows 2 and 4): counting both would double the tie.
    err = error_of(files, ties="source,target,relation\nm1,m2,knows\nm2,m1,knows\nm1,m2,knows\n")
    assert err.row == 4 and "more than once" in err.problem and "rows 2 and 4" in err.problem


def test_mutual_nominations_with_different_notes_are_not_merged_silently(files):
    ties = "source,target,relation,since\nm1,m2,knows,2019\nm2,m1,knows,2021\n"
    err = error_of(files, ties=ties)
    assert (err.row, err.column) == (3, "since") and "2019" in err.problem and "2021" in err.problem


# --------------------------------------------------------------------------- leading zeros


def test_group_and_staff_numbers_keep_their_leading_zeros(files):
    members = "id,group,staff_no,years\nm1,01,00123,4\nm2,1,00456,10\nm3,2,789,2\n"
    net = files(members=members, ties="source,target\nm1,m2\n")
    assert net.members["group"].tolist() == ["01", "1", "2"]   # three groups, not two
    assert net.members["staff_no"].tolist() == ["00123", "00456", "789"]
    assert net.members["years"].tolist() == [4, 10, 2]          # a real number stays a number
    G = net.graph()
    assert G.nodes["m1"]["group"] == "01" and G.nodes["m2"]["group"] == "1"
    assert blau_index(G, "group") == pytest.approx(2 / 3)       # 1 - 3 * (1/3)^2


def test_any_column_with_a_leading_zero_stays_text(files):
    members = "id,ward_code\nm1,0042\nm2,17\n"
    net = files(members=members, ties="source,target\nm1,m2\n")
    assert net.members["ward_code"].tolist() == ["0042", "17"]


def test_id_that_lost_its_leading_zeros_is_explained(files):
    members = "id,name\n007,Ann\n012,Bo\n345,Cy\n"
    err = error_of(files, members=members, ties="source,target\n7,012\n345,012\n")
    assert (err.row, err.column) == (2, "source")
    assert "'007'" in err.fix and "leading zeros" in err.fix and "Text" in err.fix


# --------------------------------------------------------------------------- mixed encodings


def test_file_mixing_utf8_and_windows_1252_is_refused_with_the_row(files):
    # Row 2 was typed in a UTF-8 file, row 4 pasted from an old Excel file (Windows-1252);
    # row 3's quoted cell holds a line break, so spreadsheet row 4 is the file's fifth line.
    raw = (b"id,name,notes\r\n" + "m1,Zoë,x\r\n".encode("utf-8") + b'm2,Bo,"two\r\nlines"\r\n'
           + "m3,Renée,y\r\n".encode("cp1252") + b"m4,Di,z\r\n")
    err = error_of(files, members=raw)
    assert err.file == "members.csv" and err.row == 4
    assert "Zoë" in err.problem and "row 2" in err.problem and "UTF-8" in err.fix


def test_a_file_wholly_in_windows_1252_is_still_read(tmp_path):
    path = write(tmp_path, "m.csv", "id,name\nm1,Zoë\nm2,Renée\n", encoding="cp1252")
    assert read_table(path).frame["name"].tolist() == ["Zoë", "Renée"]


# --------------------------------------------------------------------------- rows above the header


def test_excel_sep_line_sets_the_delimiter(tmp_path):
    path = write(tmp_path, "members.csv", b"sep=;\r\nid;name;notes\r\nm1;Ann;a,b\r\nm2;Bo;c\r\n")
    table = read_table(path)
    assert table.delimiter == ";" and list(table.frame.columns) == ["id", "name", "notes"]
    assert table.frame["notes"].tolist() == ["a,b", "c"]
    # Excel hides the sep= line, so it numbers the header row 1: rows are numbered as Excel shows them.
    assert table.rows == [2, 3] and table.header_row == 1


def test_sep_line_then_a_network(files):
    net = files(members=b"sep=;\r\nid;group\r\nm1;a\r\nm2;b\r\n", ties=b"sep=,\r\nsource,target\r\nm1,m2\r\n")
    assert net.graph().number_of_edges() == 1


@pytest.mark.parametrize("first_row", ["Staff network survey 2024,,", "Staff network survey 2024",
                                       "Who,,Where"])
def test_title_or_band_row_above_the_header_says_delete_it(files, first_row):
    members = first_row + "\nid,name,group\nm1,Ann,ward\nm2,Bo,gp\n"
    err = error_of(files, members=members)
    assert err.row == 1 and "delete row 1" in err.fix.lower()
    assert "column name" not in err.fix.lower().replace("column names", "")  # never "type a column name"
    assert "'id', 'name', 'group'" in err.fix


def test_title_above_the_ties_header(files):
    err = error_of(files, ties="Ties from the March survey,,\nsource,target,relation\nm1,m2,knows\n")
    assert (err.file, err.row) == ("ties.csv", 1) and "delete row 1" in err.fix.lower()


def test_header_errors_after_blank_lines_name_the_real_header_row(files):
    err = error_of(files, members="\n\nident,name\nm1,A\nm2,B\n")
    assert err.row == 3 and "'id' is missing" in err.problem


def test_header_found_lower_down_says_which_rows_to_delete(files):
    members = "Members,\nexported 1 March,\nid,name\nm1,A\nm2,B\n"
    err = error_of(files, members=members)
    assert err.row == 1 and "delete rows 1 to 2" in err.fix.lower()


# --------------------------------------------------------------------------- relation names


def test_relation_with_a_capital_suggests_the_known_name(files):
    err = error_of(files, ties="source,target,relation\nm1,m2,Knows\nm2,m3,Knows\n")
    assert (err.row, err.column) == (2, "relation") and "'knows'" in err.fix and "Did you mean" in err.fix


# --------------------------------------------------------------------------- signed and missing weights


def grouped(edges, groups, directed=False):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(groups)
    G.add_weighted_edges_from(edges)
    nx.set_node_attributes(G, groups, "group")
    return G


GROUPS = {"a": "x", "b": "x", "c": "y", "d": "y"}


def test_ei_index_with_non_negative_weights_hand_worked():
    # a-b (inside x) 3, b-c (across) 1, c-d (inside y) 2: E = 1, I = 5, (1 - 5) / 6 = -2/3.
    G = grouped([("a", "b", 3), ("b", "c", 1), ("c", "d", 2)], GROUPS)
    assert ei_index(G, "group", weight="weight") == pytest.approx(-2 / 3)
    by_group = ei_index_by_group(G, "group", weight="weight")
    assert by_group.loc["x", "ei_index"] == pytest.approx((1 - 3) / 4)  # E 1, I 3
    assert by_group.loc["y", "ei_index"] == pytest.approx((1 - 2) / 3)  # E 1, I 2


def test_ei_index_refuses_negative_weights():
    # An energy rating of -2 inside x and +1 across would give (1 - (-2)) / (1 + (-2)) = -3.
    G = grouped([("a", "b", -2), ("b", "c", 1)], GROUPS, directed=True)
    for measure in (ei_index, ei_index_by_group, ei_index_by_member):
        with pytest.raises(MeasureError, match=r"'a' -> 'b' has a negative 'weight' \(-2\)"):
            measure(G, "group", weight="weight")
    assert ei_index(G, "group") == 0.0  # counting ties is still fine: E 1, I 1


def test_ei_index_all_zero_weights_is_an_error_not_nan():
    G = grouped([("a", "b", 0), ("b", "c", 0)], GROUPS)
    with pytest.raises(MeasureError, match="0"):
        ei_index(G, "group", weight="weight")


def test_ei_index_refuses_multigraphs():
    G = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, GROUPS, "group")
    for measure in (ei_index, ei_index_by_group, ei_index_by_member):
        with pytest.raises(MeasureError, match="multigraph"):
            measure(G, "group")


def test_tie_without_a_weight_is_reported_not_counted_as_one():
    G = grouped([("a", "b", 2), ("b", "c", 1)], GROUPS)
    G.add_edge("c", "d")  # no weight
    with pytest.raises(MeasureError, match=r"'c' - 'd'.*no 'weight'"):
        ei_index(G, "group", weight="weight")
    with pytest.raises(MeasureError, match="no 'weight'"):
        betweenness(G, weight="weight")
    with pytest.raises(MeasureError, match="no 'weight'"):
        constraint(G, weight="weight")
    D = nx.DiGraph([("b", "a"), ("c", "a")])
    D.add_edge("d", "a", weight=2)
    with pytest.raises(MeasureError, match="no 'weight'"):
        shared_leadership(D, weight="weight")


def test_tie_concentration_reports_a_tie_without_a_weight():
    from netlearn.partnership import tie_concentration

    G = nx.Graph()
    G.add_weighted_edges_from([("a", "b", 2), ("b", "c", 1)])
    G.add_edge("c", "d")
    with pytest.raises(MeasureError, match=r"'c' - 'd' has no 'weight'"):
        tie_concentration(G, weight="weight")


def test_shared_leadership_refuses_negative_ratings():
    D = nx.DiGraph()
    D.add_weighted_edges_from([("b", "a", 2), ("c", "a", -1), ("d", "a", 1)])
    with pytest.raises(MeasureError, match="negative"):
        shared_leadership(D, weight="weight")


def test_energy_ratings_count_positive_ones_and_report_missing_ones():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    nx.set_node_attributes(G, GROUPS, "group")
    energy = nx.DiGraph()
    # c receives +2 from a, -2 from b (draining: not energy received) and +1 from d: 3 from 2 raters.
    energy.add_weighted_edges_from([("a", "c", 2), ("b", "c", -2), ("d", "c", 1)])
    profile = role_profile(G, energy=energy)
    assert profile.loc["c", ["energy_in", "energy_raters"]].tolist() == [3.0, 2]
    energy.add_edge("a", "d")  # a rating with no value among rated ones
    with pytest.raises(MeasureError, match=r"'a' -> 'd'.*no 'weight'"):
        role_profile(G, energy=energy)


def test_organisation_network_refuses_negative_tie_weights():
    members = pd.DataFrame({"id": ["ann", "bo", "trust", "council"],
                            "kind": ["person", "person", "organisation", "organisation"]})
    ties = pd.DataFrame({"source": ["ann", "bo", "ann"], "target": ["trust", "council", "bo"],
                         "relation": ["affiliated", "affiliated", "collaborates"], "weight": [None, None, -2]})
    net = Network.from_frames(members, ties, directed=False)
    with pytest.raises(MeasureError, match="negative"):
        organisation_network(net)
    ties["weight"] = [None, None, 3]
    O = organisation_network(Network.from_frames(members, ties, directed=False))
    assert O.edges["trust", "council"]["tie_strength"] == 3.0


def test_weighted_relation_from_a_file_reaches_the_measures_signed(files):
    # Energy from -2 to +2 declared in relations.csv: the loader accepts -2 (inside the range) and
    # the E-I index refuses it with a message, rather than returning a value outside [-1, 1].
    relations = "relation,directed,weight_min,weight_max\nenergy,yes,-2,2\n"
    ties = "source,target,relation,weight\nm1,m2,energy,-2\nm2,m3,energy,1\n"
    G = files(ties=ties, relations=relations).graph("energy")
    with pytest.raises(MeasureError, match="negative"):
        ei_index(G, "group", weight="weight")


def test_leading_zero_groups_in_a_utf16_file(files):
    text = "id\tgroup\nm1\t01\nm2\t1\n"
    net = files(members=codecs.BOM_UTF16_LE + text.encode("utf-16-le"), ties="source,target\nm1,m2\n")
    assert net.members["group"].tolist() == ["01", "1"]


def test_report_overview_counts_the_pairs_named_by_both(files):
    from netlearn.report.build import build_report

    report = build_report(files(ties=NOMINATIONS), relation="knows", key=b"k" * 32)
    overview = next(s for s in report.sections if s.key == "overview")
    assert (overview.data["ties"], overview.data["named_by_both"], overview.data["named_by_one"]) == (4, 2, 2)
    assert any("2 pairs named each other and 2 were named by one person only" in getattr(b, "text", "")
               for b in overview.blocks)
