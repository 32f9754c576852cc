"""read_network and the checks behind it: every kind of bad input gets a DataError that names the
file, the spreadsheet row, the column, and a fix; good input from Excel's many dialects reads right."""

import codecs
import string

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlearn
from netlearn import DataError, Network, RelationError, read_network

from .helpers import error_of, network_reader, write

MEMBERS = "id,name,group,formal_leader\nm1,Ann Lee,ward,yes\nm2,Bo Chen,ward,no\nm3,Cy Dee,gp,\n"
TIES = "source,target,relation,weight\nm1,m2,knows,1\nm2,m3,knows,2\nm1,m3,advice,1\nm3,m1,advice,1\n"


@pytest.fixture
def files(tmp_path):
    """Write members.csv and ties.csv (good ones unless replaced) and read them."""
    return network_reader(tmp_path, MEMBERS, TIES)


# ---------------------------------------------------------------- good input


def test_good_files_give_typed_tables_and_graphs(files):
    net = files()
    assert net.name == net.name  # folder name of tmp_path
    assert list(net.members["id"]) == ["m1", "m2", "m3"]
    assert net.members["formal_leader"].tolist()[:2] == [True, False]
    assert pd.isna(net.members["formal_leader"].iloc[2])
    assert net.relation_names == ["knows", "advice"]
    knows, advice = net.graph("knows"), net.graph("advice")
    assert not knows.is_directed() and advice.is_directed()
    assert sorted(knows.edges(data="weight")) == [("m1", "m2", 1.0), ("m2", "m3", 2.0)]
    assert sorted(advice.edges) == [("m1", "m3"), ("m3", "m1")]
    assert knows.nodes["m1"] == {"name": "Ann Lee", "group": "ward", "formal_leader": True}
    assert "formal_leader" not in knows.nodes["m3"]  # missing stays missing, not False


def test_isolated_members_are_kept(files):
    net = files(members=MEMBERS + "m4,Di Eve,gp,no\n")
    G = net.graph("knows")
    assert "m4" in G and G.degree("m4") == 0


def test_headers_are_matched_ignoring_case_and_spaces(files):
    net = files(members=" ID ,Name,Group,Formal Leader\nm1,A,x,yes\nm2,B,x,no\nm3,C,y,no\n")
    assert list(net.members.columns) == ["id", "name", "group", "formal_leader"]


def test_utf8_with_bom_from_excel(files):
    net = files(members=codecs.BOM_UTF8 + "id,name\nm1,Zoë\nm2,José\nm3,Siân\n".encode("utf-8"))
    assert net.members["name"].tolist() == ["Zoë", "José", "Siân"]


def test_windows_1252_from_old_excel(files):
    text = "id,name,group\r\nm1,Zoë,A&E\r\nm2,Renée,ward – east\r\nm3,Bo,gp\r\n"
    net = files(members=text.encode("cp1252"))
    assert net.members["name"].tolist() == ["Zoë", "Renée", "Bo"]
    assert net.members["group"].iloc[1] == "ward – east"  # the en dash is byte 0x96 in cp1252


def test_utf16_unicode_text_with_tabs(files):
    text = "id\tname\nm1\tAnn\nm2\tBo\nm3\tCy\n"
    net = files(members=codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert net.members["name"].tolist() == ["Ann", "Bo", "Cy"]


def test_semicolon_delimited_with_decimal_commas(files):
    ties = "source;target;relation;weight\nm1;m2;knows;0,5\nm2;m3;knows;1,25\n"
    net = files(members=MEMBERS.replace(",", ";"), ties=ties)
    assert net.ties["weight"].tolist() == [0.5, 1.25]
    assert net.members["name"].tolist() == ["Ann Lee", "Bo Chen", "Cy Dee"]


def test_quoted_values_may_contain_commas_and_line_breaks(files):
    members = 'id,name,notes\nm1,"Lee, Ann","two\nlines"\nm2,Bo,\nm3,Cy,x\n'
    net = files(members=members)
    assert net.members["name"].iloc[0] == "Lee, Ann"
    assert net.members["notes"].iloc[0] == "two\nlines"


def test_blank_rows_are_skipped_but_row_numbers_stay_true(files):
    # Row 4 is blank; the bad id is on spreadsheet row 6.
    members = "id,name\nm1,A\nm2,B\n\nm3,C\nm3,D\n"
    err = error_of(files, members=members)
    assert err.row == 6 and "rows 5, 6" in str(err)


def test_members_file_may_be_left_out(files):
    net = files(members=None)
    assert sorted(net.members["id"]) == ["m1", "m2", "m3"]


def test_from_frames_checks_dataframes_too():
    with pytest.raises(DataError, match="'zz' is not the id of any member") as info:
        Network.from_frames(pd.DataFrame({"id": ["a", "b"]}),
                            pd.DataFrame({"source": ["a", "a"], "target": ["b", "zz"]}))
    assert info.value.row == 3 and info.value.file == "ties"


def test_graph_of_unknown_relation_suggests_the_right_one(files):
    net = files()
    with pytest.raises(RelationError, match="Did you mean 'advice'"):
        net.graph("advise")
    with pytest.raises(RelationError, match="several relations"):
        net.graph()


# ---------------------------------------------------------------- bad input, one test per case


def test_missing_file_names_the_path_and_suggests_a_close_name(tmp_path):
    write(tmp_path, "members.csv", MEMBERS)
    write(tmp_path, "ties.csv", TIES)
    with pytest.raises(DataError) as info:
        read_network(tmp_path / "member.csv", tmp_path / "ties.csv")
    assert "was not found" in str(info.value)
    assert "members.csv" in info.value.fix


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(DataError, match="folder, not a file"):
        read_network(tmp_path, tmp_path)


def test_excel_workbook_instead_of_csv(tmp_path):
    path = write(tmp_path, "members.xlsx", b"PK\x03\x04")
    with pytest.raises(DataError, match="spreadsheet workbook") as info:
        read_network(path, path)
    assert "CSV UTF-8" in info.value.fix


@pytest.mark.parametrize("content", ["", "   \n\n", codecs.BOM_UTF8])
def test_empty_file(files, content):
    err = error_of(files, ties=content)
    assert err.file == "ties.csv" and "empty" in err.problem


def test_unclosed_quote_is_an_error_not_a_swallowed_row(files):
    err = error_of(files, members='id,name\nm1,"Ann Lee\nm2,Bo Chen\nm3,Cy Dee\n')
    assert err.row == 2 and "never closed" in err.problem


def test_stray_text_after_a_closing_quote(files):
    err = error_of(files, members='id,name\nm1,Ann\nm2,"Bo" Chen\nm3,Cy\n')
    assert err.row == 3 and "not valid CSV" in err.problem and '""' in err.fix


def test_quotes_inside_an_unquoted_value_are_read_as_text(files):
    net = files(members='id,name\nm1,Ann "Nan" Lee\nm2,Bo\nm3,Cy\n')
    assert net.members["name"].iloc[0] == 'Ann "Nan" Lee'


@pytest.mark.parametrize("content, message", [
    (b"PK\x03\x04rest-of-a-zip", "spreadsheet workbook"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
])
def test_binary_file_with_a_csv_name(files, content, message):
    err = error_of(files, members=content)
    assert message in err.problem and err.file == "members.csv"


def test_header_only_file(files):
    err = error_of(files, ties="source,target\n")
    assert "no rows of data" in err.problem


def test_missing_required_column_suggests_the_misspelt_header(files):
    err = error_of(files, ties=TIES.replace("source", "sorce"))
    assert err.row == 1 and "'source' is missing" in err.problem
    assert "Rename the column 'sorce' to 'source'" in err.fix


def test_swapped_files_are_pointed_out(tmp_path):
    m = write(tmp_path, "members.csv", MEMBERS)
    t = write(tmp_path, "ties.csv", TIES)
    with pytest.raises(DataError, match="swapped"):
        read_network(t, m)


def test_duplicate_member_ids_list_every_row(files):
    err = error_of(files, members=MEMBERS + "m2,Bo Again,gp,no\n")
    assert (err.file, err.row, err.column) == ("members.csv", 5, "id")
    assert "rows 3, 5" in err.problem


def test_blank_member_id(files):
    err = error_of(files, members=MEMBERS + ",Nobody,gp,no\n")
    assert (err.row, err.column) == (5, "id") and "blank" in err.problem


def test_tie_naming_an_unknown_member_suggests_a_close_id(files):
    err = error_of(files, ties=TIES + "m1,m33,knows,1\nm2,m44,knows,1\n")
    assert (err.row, err.column) == (6, "target")
    assert "'m33' is not the id of any member in members.csv" in err.problem
    assert "Did you mean 'm3'" in err.fix and err.more_rows == [7]


def test_tie_using_a_name_instead_of_an_id(files):
    err = error_of(files, ties=TIES + "m1,Cy Dee,advice,1\n")
    assert "Write 'm3' instead" in err.fix


def test_self_tie(files):
    err = error_of(files, ties=TIES + "m2,m2,knows,1\n")
    assert (err.row, err.column) == (6, "target") and "themself" in err.problem


@pytest.mark.parametrize("column", ["source", "target"])
def test_blank_tie_end(files, column):
    row = "m1,,knows,1\n" if column == "target" else ",m1,knows,1\n"
    err = error_of(files, ties=TIES + row)
    assert (err.row, err.column) == (6, column)


def test_non_numeric_weight(files):
    err = error_of(files, ties=TIES.replace("m2,m3,knows,2", "m2,m3,knows,two"))
    assert (err.row, err.column) == (3, "weight") and "'two' is not a number" in err.problem


def test_blank_weight_is_not_silently_zero(files):
    err = error_of(files, ties=TIES.replace("m2,m3,knows,2", "m2,m3,knows,"))
    assert err.row == 3 and "blank" in err.problem


def test_unweighted_relation_may_share_a_file_with_a_weighted_one(files):
    ties = "source,target,relation,weight\nm1,m2,knows,\nm2,m3,knows,\nm1,m3,energy,2\n"
    net = files(ties=ties)
    assert net.ties["weight"].isna().tolist() == [True, True, False]
    assert list(net.graph("knows").edges(data=True))[0][2] == {}  # no NaN weight on the edge
    assert net.graph("energy")["m1"]["m3"]["weight"] == 2.0


def test_blank_weight_in_a_relation_with_a_declared_range(files):
    relations = "relation,directed,weight_min,weight_max\nknows,no,1,3\nadvice,yes,,\n"
    ties = "source,target,relation,weight\nm1,m2,knows,\nm2,m3,knows,\n"
    err = error_of(files, ties=ties, relations=relations)
    assert err.row == 2 and err.more_rows == [3]


def test_weight_outside_the_declared_range(files):
    relations = "relation,directed,weight_min,weight_max,weight_meaning\nknows,no,1,3,how often\nadvice,yes,,,\n"
    err = error_of(files, ties=TIES.replace("m2,m3,knows,2", "m2,m3,knows,7"), relations=relations)
    assert (err.row, err.column) == (3, "weight") and "1 to 3" in err.problem and "how often" in err.fix


def test_undeclared_relation_asks_for_its_direction(files):
    err = error_of(files, ties=TIES + "m1,m2,mentors,1\n")
    assert err.row == 6 and "'mentors' is not declared" in err.problem
    assert "directed={'mentors': True}" in err.fix
    net = files(ties=TIES + "m1,m2,mentors,1\n", directed={"mentors": True})
    assert net.is_directed("mentors")


def test_undirected_relation_listed_both_ways(files):
    # m1 and m2 named each other (rows 2 and 6, both weight 1): one tie, counted as named by both;
    # m2-m3 (row 3) was named by one only.
    net = files(ties=TIES + "m2,m1,knows,1\n")
    assert net.graph("knows").number_of_edges() == 2 and len(net.ties) == 4
    assert net.nominations == {"knows": (1, 1)}
    # With a different weight the two answers need a rule (see tests/test_survey_files.py).
    err = error_of(files, ties=TIES + "m2,m1,knows,2\n")
    assert err.row == 6 and "both directions" in err.problem and "rows 2 and 6" in err.problem
    assert "declare 'knows' directed" in err.fix and "mutual_weight" in err.fix


def test_directed_column_contradicting_the_relation(files):
    ties = "source,target,relation,directed\nm1,m2,knows,no\nm2,m3,knows,yes\n"
    err = error_of(files, ties=ties, relations="relation,directed\nknows,no\n")
    assert (err.row, err.column) == (3, "directed") and "undirected" in err.problem
    err = error_of(files, ties=ties.replace(",no", ",yes"), directed={"knows": False})
    assert err.row == 2 and "change this cell to no" in err.fix


def test_directed_column_overrides_the_usual_direction(files):
    # A survey's "I know X" can be one-sided: the user's own column wins over the course's default.
    net = files(ties="source,target,relation,directed\nm1,m2,knows,yes\nm2,m1,knows,yes\n")
    assert net.is_directed("knows") and net.graph("knows").number_of_edges() == 2


def test_directed_column_disagreeing_within_a_relation(files):
    ties = "source,target,relation,directed\nm1,m2,helps,yes\nm2,m3,helps,no\n"
    err = error_of(files, ties=ties)
    assert err.row == 3 and "one direction" in err.problem
    assert files(ties="source,target,relation,directed\nm1,m2,helps,yes\nm2,m1,helps,yes\n").is_directed("helps")


def test_duplicate_tie(files):
    err = error_of(files, ties=TIES + "m1,m3,advice,2\n")
    assert err.row == 6 and "more than once" in err.problem and "weight" in err.fix


def test_row_with_too_many_values(files):
    err = error_of(files, members=MEMBERS + "m4,Lee, Ann,gp,no\n")
    assert err.row == 5 and "5 values but the header has 4" in err.problem and "quotes" in err.fix


def test_repeated_column_names(files):
    err = error_of(files, members="id,name,Name\nm1,a,b\n")
    assert err.row == 1 and "both called" in err.problem


def test_values_under_a_blank_header(files):
    err = error_of(files, members="id,,group\nm1,x,a\n")
    assert "column 2 has values but no name" in err.problem


def test_trailing_empty_columns_from_spreadsheets_are_ignored(files):
    net = files(members="id,name,,\nm1,A,,\nm2,B,,\nm3,C,,\n")
    assert list(net.members.columns) == ["id", "name"]


def test_bad_yes_no_value(files):
    err = error_of(files, members=MEMBERS.replace("m2,Bo Chen,ward,no", "m2,Bo Chen,ward,maybe"))
    assert (err.row, err.column) == (3, "formal_leader") and "yes/no" in err.problem


def test_relations_file_problems(files):
    err = error_of(files, relations="relation,directed\nknows,sometimes\nadvice,yes\n")
    assert (err.file, err.row, err.column) == ("relations.csv", 2, "directed")
    err = error_of(files, relations="relation,directed,weight_min,weight_max\nknows,no,5,1\nadvice,yes,,\n")
    assert "Swap" in err.fix


def test_error_message_reads_as_one_paragraph_in_jupyter(files):
    err = error_of(files, ties=TIES + "m2,m2,knows,1\n")
    rendered = err._render_traceback_()
    assert "There is a problem with the data" in rendered[0]
    assert any("How to fix it" in line for line in rendered)
    assert not any("Traceback" in line for line in rendered)


# ---------------------------------------------------------------- property: what is written is read back

ids = st.text(alphabet=string.ascii_letters + string.digits + " éü-'", min_size=1, max_size=8).map(str.strip).filter(bool)


@settings(max_examples=40, deadline=None)
@given(st.lists(ids, min_size=2, max_size=12, unique=True), st.data())
def test_round_trip_through_csv(tmp_path_factory, member_ids, data):
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(member_ids), st.sampled_from(member_ids))
                               .filter(lambda p: p[0] != p[1]), max_size=30, unique_by=lambda p: frozenset(p)))
    folder = tmp_path_factory.mktemp("net")
    members = pd.DataFrame({"id": member_ids, "size": range(len(member_ids))})
    ties = pd.DataFrame(pairs or [(member_ids[0], member_ids[1])], columns=["source", "target"])
    members.to_csv(folder / "members.csv", index=False)
    ties.to_csv(folder / "ties.csv", index=False)
    net = read_network(folder / "members.csv", folder / "ties.csv")
    G = net.graph()
    expected = nx.Graph(list(ties.itertuples(index=False, name=None)))
    expected.add_nodes_from(member_ids)
    assert nx.utils.graphs_equal(nx.Graph(G.edges), nx.Graph(expected.edges))
    assert set(G.nodes) == set(member_ids)
    assert [G.nodes[i]["size"] for i in member_ids] == list(range(len(member_ids)))


def test_public_api_is_importable():
    for name in netlearn.__all__:
        assert hasattr(netlearn, name)
