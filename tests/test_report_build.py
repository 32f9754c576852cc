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


def assert_same_cells(expected, got, *, tolerance):
    """Every cell of ``expected`` equals the same cell of ``got`` (floats within ``tolerance``)."""
    for row in expected.index:
        for column in expected.columns:
            want, have = expected.loc[row, column], got.loc[row, column]
            if isinstance(want, float):
                assert have == pytest.approx(want, abs=tolerance), (row, column)
            else:
                assert have == want, (row, column)


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
    assert_same_cells(slow, quick, tolerance=1e-9)


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


def test_file_names_are_shown_only_with_show_names():
    """The "Files" line showed the input file names, which can say whose network it is, even with names hidden."""
    sources = {"members": "st_marys_ward_members.csv", "ties": "st_marys_ward_ties.csv",
               "relations": "st_marys_relations.csv"}
    hidden = build_report(small_network(), key=KEY, min_group_size=1, sources=sources)
    assert dict(hidden.about)["Files"] == ("your members, ties and relations files (names left out; "
                                           "--show-names shows them)")
    assert "st_marys" not in render_html(hidden)
    two = build_report(small_network(), key=KEY, min_group_size=1, sources={"members": "a.csv", "ties": "b.csv"})
    assert dict(two.about)["Files"].startswith("your members and ties files (")
    named = build_report(small_network(), show_names=True, min_group_size=1, sources=sources)
    assert dict(named.about)["Files"] == ("members: st_marys_ward_members.csv; ties: st_marys_ward_ties.csv; "
                                          "relations: st_marys_relations.csv")
    assert "st_marys_ward_ties.csv" in render_html(named)


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


# ---------------------------------------------------------------------- shared arrays and counts (report/fast.py)
@pytest.mark.parametrize(("name", "G", "leaders"), GRAPHS, ids=[g[0] for g in GRAPHS])
def test_distance_counts_agree_with_networkx(name, G, leaders):
    from netlearn.report.fast import distance_counts, efficiency_sum, graph_arrays

    def histogram(H, among=None):
        found = {}
        for s, lengths in nx.all_pairs_shortest_path_length(H):
            for t, d in lengths.items():
                if s != t and (among is None or (s in among and t in among)):
                    found[d] = found.get(d, 0) + 1
        return [found.get(k, 0) for k in range(1, max(found, default=0) + 1)]

    arrays = graph_arrays(G)
    others = [v for v in G if v not in leaders]
    counts, among = distance_counts(arrays, among=others)
    assert counts.tolist() == histogram(G) and among.tolist() == histogram(G, set(others))
    without = G.copy()
    without.remove_nodes_from(leaders)
    assert distance_counts(arrays, removed=leaders)[0].tolist() == histogram(without)
    inverse = sum(1 / d for _, lengths in nx.all_pairs_shortest_path_length(G) for d in lengths.values() if d)
    assert efficiency_sum(counts) == pytest.approx(inverse, rel=1e-12)
    if not G.is_directed():
        n = G.number_of_nodes()
        assert efficiency_sum(counts) / (n * (n - 1)) == pytest.approx(nx.global_efficiency(G), abs=1e-12)
    assert distance_counts(arrays)[0] is counts, "counted once, then reused"


def test_distance_counts_span_several_batches_of_searches(monkeypatch):
    from netlearn.report import fast

    monkeypatch.setattr(fast, "WORDS", 1)                        # 64 searches per batch: 4 batches here
    G = nx.gnp_random_graph(230, 0.02, seed=8, directed=True)
    counts, _ = fast.distance_counts(fast.graph_arrays(G))
    expected = {}
    for _, lengths in nx.all_pairs_shortest_path_length(G):
        for d in lengths.values():
            if d:
                expected[d] = expected.get(d, 0) + 1
    assert counts.tolist() == [expected.get(k, 0) for k in range(1, max(expected) + 1)]


@pytest.mark.parametrize(("name", "G", "leaders"), GRAPHS, ids=[g[0] for g in GRAPHS])
def test_degree_centralization_pieces_and_isolated_agree(name, G, leaders):
    from netlearn.report.fast import degree_centralization, graph_arrays, isolated, piece_sizes

    arrays = graph_arrays(G)
    if G.number_of_nodes() >= 3:
        assert degree_centralization(arrays) == leadership.centralization(G, "degree")
    H = G.copy()
    H.remove_nodes_from(leaders)
    if H.number_of_nodes() >= 3:
        assert degree_centralization(arrays, leaders) == leadership.centralization(H, "degree")
    pieces = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    assert sorted(piece_sizes(arrays)) == sorted(len(p) for p in pieces)
    assert isolated(arrays) == list(nx.isolates(G))


@pytest.mark.parametrize(("name", "G", "leaders"), [g for g in GRAPHS if len(g[2]) == 1],
                         ids=[g[0] for g in GRAPHS if len(g[2]) == 1])
def test_one_leaders_betweenness_gives_the_same_reliance(name, G, leaders, monkeypatch):
    from netlearn.report import fast

    slow = leadership.reliance_on_formal_leaders(G, leaders=leaders)
    between = nx.betweenness_centrality(G, normalized=True)[leaders[0]]
    monkeypatch.setattr(fast, "_paths_through", lambda *a: pytest.fail("paths counted again"))
    quick = fast.reliance(G, leaders, leader_betweenness=between)
    assert quick.pairs == slow.pairs
    assert quick.path_share == pytest.approx(slow.path_share, abs=1e-12)
    assert quick.efficiency_drop == pytest.approx(slow.efficiency_drop, abs=1e-12)


def _tables(name):
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "datasets" / name
    return {part: pd.read_csv(folder / f"{part}.csv", dtype=str, keep_default_na=False)
            for part in ("members", "ties", "relations")}


def _community_tables(n=450):
    from netlearn.synthetic import make_community

    return make_community(n_members=n, mean_degree=8, n_regions=5, seed=3)


def _with_leaders(tables, leaders, name="network"):
    """The network of ``tables`` with exactly ``leaders`` marked as formal leaders."""
    members = tables["members"].copy()
    members["formal_leader"] = ["yes" if v in leaders else "no" for v in members["id"]]
    return Network.from_frames(members, tables["ties"], relations=tables["relations"], name=name)


def _community():
    tables = _community_tables()
    return Network.from_frames(tables["members"], tables["ties"], relations=tables["relations"], name="community")


REPORT_CASES = [
    ("q_community knows, one leader", lambda: netlearn.load_dataset("q_community"), None),
    ("q_community advice (directed)", lambda: netlearn.load_dataset("q_community"), "advice"),
    ("q_community, three leaders", lambda: _with_leaders(_tables("q_community"), {"q001", "q050", "q120"}), None),
    ("small network by hand", lambda: small_network(), None),
    ("450 members (igraph roles)", _community, None),
]


@pytest.mark.parametrize(("name", "make", "relation"), REPORT_CASES, ids=[c[0] for c in REPORT_CASES])
def test_report_numbers_equal_the_readable_measures(name, make, relation):
    """Every leadership, overview and E-I number in the report equals networkx, leadership and diversity."""
    import warnings

    from netlearn import diversity

    net = make()
    report = build_report(net, relation=relation, key=KEY, min_group_size=1)
    G = net.graph(relation or choose_relation(net))
    overview = report.section("overview").data
    pieces = list(nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G))
    assert overview["components"] == len(pieces) and overview["largest_component"] == max(map(len, pieces))
    assert overview["isolated"] == list(nx.isolates(G))

    data = report.section("leadership").data
    assert data["degree_centralization"] == leadership.centralization(G, "degree")
    assert data["betweenness_centralization"] == pytest.approx(leadership.centralization(G, "betweenness"), abs=1e-9)
    leaders = data["formal_leaders"]
    assert leaders == [v for v in G if G.nodes[v].get("formal_leader") is True]
    slow = leadership.reliance_on_formal_leaders(G, leaders=leaders)
    assert data["path_share"] == pytest.approx(slow.path_share, abs=1e-9)
    assert data["efficiency_drop"] == pytest.approx(slow.efficiency_drop, abs=1e-9)
    tables = data["what_if"]
    assert len(tables) == 2
    for table in tables.values():
        expected = leadership.what_if_removed(G, table.attrs["removed"])
        assert_same_cells(expected, table, tolerance=1e-12)

    diversity_data = report.section("diversity").data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for attribute, info in diversity_data["compositions"].items():
            if info["ei"] is not None:
                assert info["ei"] == diversity.ei_index(G, attribute, missing="ignore"), attribute
        by_group = diversity.ei_index_by_group(G, report.settings["group"], missing="ignore")
    shown = diversity_data["ei_by_group"]
    assert shown and all(shown[str(g)] == pytest.approx(by_group.loc[g, "ei_index"], abs=1e-15)
                         for g in by_group.index if str(g) in shown and not math.isnan(by_group.loc[g, "ei_index"]))


def test_the_report_computes_each_heavy_measure_once(monkeypatch):
    """Betweenness once (for roles, reused by leadership), no igraph efficiency, no second path count."""
    import igraph

    from netlearn.report import fast

    calls = {"betweenness": 0, "harmonic": 0, "arrays": 0, "paths": 0, "networkx betweenness": 0}

    def counting(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(igraph.Graph, "betweenness", counting("betweenness", igraph.Graph.betweenness))
    monkeypatch.setattr(igraph.Graph, "harmonic_centrality", counting("harmonic", igraph.Graph.harmonic_centrality))
    monkeypatch.setattr(nx, "betweenness_centrality", counting("networkx betweenness", nx.betweenness_centrality))
    monkeypatch.setattr(fast, "graph_arrays", counting("arrays", fast.graph_arrays))
    monkeypatch.setattr(fast, "_paths_through", counting("paths", fast._paths_through))
    report = build_report(_community(), key=KEY)
    assert report.section("leadership").data["path_share"] > 0
    assert calls == {"betweenness": 1, "harmonic": 0, "arrays": 1, "paths": 0, "networkx betweenness": 0}
    # several leaders: their paths are counted once, by one batched search
    calls.update(dict.fromkeys(calls, 0))
    tables = _community_tables()
    build_report(_with_leaders(tables, set(tables["members"]["id"][:3])), key=KEY)
    assert calls["paths"] == 1 and calls["betweenness"] == 1 and calls["harmonic"] == 0


def test_weighted_ties_do_not_reuse_the_profiles_betweenness():
    from netlearn.report.section_leadership import _leader_betweenness

    G = nx.path_graph(4)
    profile = pd.DataFrame({"betweenness": [0.0, 0.5, 0.5, 0.0]}, index=range(4))
    assert _leader_betweenness(G, profile, [1]) == 0.5
    assert _leader_betweenness(G, profile, [1, 2]) is None            # several leaders: counted by paths
    G.edges[0, 1]["weight"] = 3.0
    assert _leader_betweenness(G, profile, [1]) is None               # weights: the profile might use them
