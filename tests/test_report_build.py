"""The report's sections as data, on networks small enough to check by hand; the fast helpers
agree with the readable measures in netlearn.leadership; the privacy rules hold."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

import networkx as nx
import pandas as pd
import pytest

import netlearn
from netlearn import leadership
from netlearn.network import Network
from netlearn.report import build_report, render_html
from netlearn.report.build import choose_group, choose_relation
from netlearn.report.fast import formal_leaders, reliance, what_if
from netlearn.report.pseudonyms import KeyFileError, Pseudonyms, default_key_path, load_or_create_key
from netlearn.report.suppression import Suppressed, small_groups, suppress_counts

KEY = b"0123456789abcdef0123456789abcdef-test-key"


# ---------------------------------------------------------------------- fast helpers agree with leadership
def _graphs():
    disconnected = nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5)])
    disconnected.add_node(6)
    directed_pieces = nx.DiGraph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 3), (2, 3)])
    directed_pieces.add_node(5)
    return [
        ("cycle", nx.cycle_graph(5), [0]),
        ("star", nx.star_graph(5), [0]),
        ("path", nx.path_graph(6), [2]),
        ("kite", nx.krackhardt_kite_graph(), [7]),
        ("random", nx.gnp_random_graph(40, 0.08, seed=3), [0, 5]),
        ("random-directed", nx.gnp_random_graph(40, 0.06, seed=4, directed=True), [1, 2, 3]),
        ("disconnected", disconnected, [1]),
        ("directed-pieces", directed_pieces, [2]),
        ("leader-in-a-corner", nx.barbell_graph(4, 2), [0]),
    ]


GRAPHS = _graphs()


@pytest.mark.parametrize(("name", "G", "leaders"), GRAPHS, ids=[g[0] for g in GRAPHS])
def test_fast_reliance_agrees_with_leadership(name, G, leaders):
    slow = leadership.reliance_on_formal_leaders(G, leaders=leaders)
    quick = reliance(G, leaders)
    assert quick.pairs == slow.pairs
    assert quick.path_share == pytest.approx(slow.path_share, abs=1e-9)
    assert quick.efficiency_drop == pytest.approx(slow.efficiency_drop, abs=1e-9)
    assert quick.leaders == slow.leaders


@pytest.mark.parametrize(("name", "G", "leaders"), GRAPHS, ids=[g[0] for g in GRAPHS])
def test_fast_what_if_agrees_with_leadership(name, G, leaders):
    slow = leadership.what_if_removed(G, leaders)
    quick = what_if(G, leaders)
    assert list(quick.index) == list(slow.index) and list(quick.columns) == list(slow.columns)
    for row in slow.index:
        for column in slow.columns:
            expected, got = slow.loc[row, column], quick.loc[row, column]
            if isinstance(expected, float):
                assert got == pytest.approx(expected, abs=1e-9), (row, column)
            else:
                assert got == expected, (row, column)


def test_what_if_reuses_the_before_column():
    G = nx.krackhardt_kite_graph()
    first = what_if(G, [7])
    second = what_if(G, [3], before=first.attrs["before"])
    assert second.loc["global efficiency", "before"] == pytest.approx(nx.global_efficiency(G))
    assert second.equals(what_if(G, [3]))


def test_fast_reliance_errors_like_leadership():
    with pytest.raises(netlearn.MeasureError):
        reliance(nx.path_graph(3), [0, 1])         # only one member who is not a leader
    with pytest.raises(netlearn.MemberError):
        reliance(nx.path_graph(4), ["nobody"])


def test_formal_leaders_read_yes_true_and_one():
    G = nx.Graph()
    G.add_nodes_from([("a", {"formal_leader": True}), ("b", {"formal_leader": "Yes"}), ("c", {"formal_leader": 1}),
                      ("d", {"formal_leader": False}), ("e", {"formal_leader": "no"}), ("f", {})])
    assert formal_leaders(G) == ["a", "b", "c"]


# ---------------------------------------------------------------------- privacy rules
def test_primary_and_secondary_suppression():
    assert small_groups({"a": 10, "b": 7, "c": 2}, 5) == {"b", "c"}      # c alone could be worked out
    assert small_groups({"a": 10, "b": 3, "c": 2}, 5) == {"b", "c"}      # two hidden already
    assert small_groups({"a": 10, "b": 7, "c": 0}, 5) == set()           # zero says nobody is there
    assert small_groups({"a": 10, "b": 7, "c": 2}, 5, total_shown=False) == {"c"}
    assert small_groups({"a": 4, "b": 3}, 1) == set()                    # 1 turns suppression off
    shown = suppress_counts({"a": 10, "b": 7, "c": 2}, 5)
    assert shown == {"a": 10, "b": Suppressed(5), "c": Suppressed(5)}
    assert str(shown["c"]) == "suppressed (fewer than 5)"


def test_pseudonyms_are_stable_keyed_and_not_in_id_order():
    ids = [f"m{k:02d}" for k in range(1, 31)]
    first = Pseudonyms(ids, KEY)
    again = Pseudonyms(list(reversed(ids)), KEY)
    assert first.mapping == again.mapping                              # order of the file does not matter
    assert sorted(first.mapping.values()) == [f"Member {k:03d}" for k in range(1, 31)]
    in_order = [first(i) for i in ids]
    assert in_order != sorted(in_order), "numbers must not follow the ids' order"
    other = Pseudonyms(ids, b"another key, another set of numbers....")
    assert other.mapping != first.mapping
    assert len(Pseudonyms([f"x{k}" for k in range(1200)], KEY)("x5")) == len("Member 0001")


def test_key_file_is_made_once_private_and_checked(tmp_path):
    path = tmp_path / "sub" / "key"
    key, created = load_or_create_key(path)
    assert created is True and len(key) == 64
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert load_or_create_key(path) == (key, False)
    path.write_text("short")
    with pytest.raises(KeyFileError, match="Delete it"):
        load_or_create_key(path)
    assert default_key_path({"NETLEARN_REPORT_KEY": str(path)}) == path


# ---------------------------------------------------------------------- a network to check by hand
def small_network(**extra_members):
    """Two groups: a triangle of 'ward' (ann, bo, cy) and a square-ish 'gp' group; gus is isolated.

    ward: ann - bo - cy - ann; cy - dev (the bridge); gp: dev - eve - fay - dev; gus alone (gp).
    """
    members = pd.DataFrame({"id": ["ann", "bo", "cy", "dev", "eve", "fay", "gus"],
                            "name": ["Ann Ash", "Bo Birch", "Cy Cedar", "Dev Deal", "Eve Elm", "Fay Fir", "Gus Gum"],
                            "group": ["ward"] * 3 + ["gp"] * 4,
                            "formal_leader": ["no", "no", "yes", "no", "no", "no", "no"], **extra_members})
    ties = pd.DataFrame({"source": ["ann", "bo", "cy", "cy", "dev", "eve", "fay"],
                         "target": ["bo", "cy", "ann", "dev", "eve", "fay", "dev"], "relation": "knows"})
    return Network.from_frames(members, ties, name="small")


def test_overview_by_hand():
    report = build_report(small_network(), key=KEY, min_group_size=1)
    data = report.section("overview").data
    assert (data["members"], data["ties"], data["components"], data["largest_component"]) == (7, 7, 2, 6)
    assert data["isolated"] == ["gus"]
    assert data["density"] == pytest.approx(7 / 21)
    assert data["mean_ties"] == pytest.approx(2.0)
    assert [s.key for s in report.sections] == ["overview", "roles", "leadership", "diversity"]


def test_leadership_by_hand():
    net = small_network()
    report = build_report(net, key=KEY, min_group_size=1)
    data = report.section("leadership").data
    G = net.graph("knows")
    assert data["formal_leaders"] == ["cy"]
    slow = leadership.reliance_on_formal_leaders(G)
    assert data["path_share"] == pytest.approx(slow.path_share)
    # the bridge is cy - dev; without cy the ward pair is cut off from gp: ann-bo only reach each other
    assert data["degree_centralization"] == pytest.approx(leadership.centralization(G, "degree"))
    assert data["betweenness_centralization"] == pytest.approx(leadership.centralization(G, "betweenness"))
    assert data["most_between"] == "dev"                           # the highest betweenness apart from cy
    table = data["what_if"]["without the formal leaders"]
    assert table.loc["newly cut off", "after"] == ["ann", "bo"]


def test_betweenness_centralization_agrees_on_a_directed_network():
    net = netlearn.load_dataset("q_community")
    report = build_report(net, relation="advice", key=KEY)
    G = net.graph("advice")
    assert report.section("leadership").data["betweenness_centralization"] == pytest.approx(
        leadership.centralization(G, "betweenness"), abs=1e-9)
    assert report.section("overview").data["reciprocity"] == pytest.approx(leadership.reciprocity(G))


def test_roles_match_role_profile():
    net = netlearn.load_dataset("q_community")
    report = build_report(net, key=KEY)
    profile = netlearn.roles.role_profile(net.graph("knows"), energy=net.graph("energy"))
    data = report.section("roles").data
    for role in netlearn.roles.ROLES:
        assert set(data["holders"][role]) == set(profile.index[profile[role]])
    assert data["energy"] is True


def test_diversity_counts_and_suppression():
    report = build_report(small_network(stakeholder=["clinician"] * 5 + ["patient", "carer"]), key=KEY)
    data = report.section("diversity").data
    assert data["attributes"] == ["group", "stakeholder"]
    group = data["compositions"]["group"]
    assert group["counts"] == {"ward": 3, "gp": 4} and group["hidden"] == {"ward", "gp"}
    assert group["blau"] == pytest.approx(1 - (3 / 7) ** 2 - (4 / 7) ** 2)
    assert data["ei_by_group"] == {}                      # both groups are under 5: no E-I shown
    assert data["voices"]["count"] == 2 and data["voices"]["per_voice"]["citizen"] == 0
    text = render_html(report)
    assert "Fewer than 5 of the 7 members" in text and "There are no citizens." in text


def test_choices_of_relation_and_group():
    both = Network.from_frames(pd.DataFrame({"id": ["a", "b", "c"], "team": ["x", "y", "y"]}),
                               pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "relation": ["advice", "friendship"]}))
    assert choose_relation(both) == "friendship"            # no knows: the first undirected one
    directed = Network.from_frames(None, pd.DataFrame({"source": ["a"], "target": ["b"], "relation": ["advice"]}))
    assert choose_relation(directed) == "advice"
    assert choose_group(both) == "team"
    with pytest.raises(netlearn.DataError, match="Did you mean 'team'"):
        choose_group(both, "teem")
    with pytest.raises(netlearn.RelationError):
        choose_relation(both, "knows")


def test_missing_columns_make_sections_unavailable_not_fail():
    net = Network.from_frames(None, pd.DataFrame({"source": ["a", "b", "c"], "target": ["b", "c", "d"]}))
    report = build_report(net, key=KEY)
    roles = report.section("roles")
    assert not roles.available and "group" in roles.reason
    assert not report.section("diversity").available
    notes = " ".join(b.text for b in report.section("leadership").blocks if hasattr(b, "text"))
    assert "formal_leader" in notes
    assert report.section("overview").available


def test_unavailable_roles_name_the_columns_that_could_serve():
    report = build_report(netlearn.load_dataset("karate_club"), key=KEY)
    assert "--group side" in report.section("roles").reason
    assert "--attributes side" in report.section("diversity").reason
    with_side = build_report(netlearn.load_dataset("karate_club"), group="side", key=KEY)
    assert with_side.section("roles").available and with_side.section("diversity").data["attributes"] == ["side"]


def test_pseudonyms_replace_names_and_ids_everywhere():
    report = build_report(small_network(), key=KEY, min_group_size=1)
    page = render_html(report)
    for word in ("Ann Ash", "Gus Gum", "ann", "gus", "fay"):
        assert not re.search(rf"\b{word}\b", page), word
    assert re.search(r"Member 00\d", page)
    named = render_html(build_report(small_network(), show_names=True, min_group_size=1))
    assert "Gus Gum" in named


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_page_is_self_contained():
    page = render_html(build_report(small_network(), key=KEY))
    parser = _Tags()
    parser.feed(page)
    names = [t for t, _ in parser.tags]
    assert "script" not in names and "link" not in names and "iframe" not in names
    assert all(a["src"].startswith("data:image/png;base64,") for t, a in parser.tags if t == "img")
    assert all(a.get("alt") for t, a in parser.tags if t == "img")
    assert not any(a.get("href", "#").split("#")[0] for t, a in parser.tags if t == "a")
    assert '<meta name="viewport"' in page and "@media print" in page and "Content-Security-Policy" in page


def test_a_moderately_sized_network_takes_the_fast_paths():
    from netlearn.synthetic import make_community

    tables = make_community(n_members=450, mean_degree=8, n_regions=5, seed=3)
    net = Network.from_frames(tables["members"], tables["ties"], relations=tables["relations"], name="community")
    report = build_report(net, key=KEY)
    G = net.graph("knows")
    data = report.section("leadership").data
    assert data["betweenness_centralization"] == pytest.approx(leadership.centralization(G, "betweenness"))
    assert math.isfinite(data["path_share"])
    overview = report.section("overview")
    assert any("Histogram" in getattr(b, "alt", "") for b in overview.blocks)   # too big to draw: a chart
