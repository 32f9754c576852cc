"""The datasets in datasets/: rebuilt byte for byte from their scripts, fully described in
datapackage.json, faithful to the networkx graphs they were exported from, and - for the synthetic
ones - showing the structures that the course's lessons point at.

The CSV files are read here with plain pandas (every cell as text), independently of netlearn's own
loaders, so that a bug in the loaders cannot hide a bug in the data (and the other way round).
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import netlearn
from netlearn.synthetic import Q_PURPOSES, Q_REGIONS, make_community

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "datasets"
BUILD = ROOT / "scripts" / "build_datasets.py"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
DATASETS = [entry["name"] for entry in PACKAGE["datasets"]]
RESOURCES = PACKAGE["resources"]
# The workbook of datasets/form_exports/ is checked, cell by cell, in tests/test_form_exports.py.
CSV_RESOURCES = [r for r in RESOURCES if r["format"] == "csv"]


def read(dataset, table):
    return pd.read_csv(DATA / dataset / f"{table}.csv", dtype=str, keep_default_na=False)


def graph(dataset, relation, directed=None):
    """networkx graph of one relation from the CSV files (all members as nodes, weight as int)."""
    members, ties = read(dataset, "members"), read(dataset, "ties")
    if directed is None:
        relations = read(dataset, "relations").set_index("relation")
        directed = relations.loc[relation, "directed"] == "yes"
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(members["id"])
    sub = ties[ties["relation"] == relation]
    weights = sub["weight"] if "weight" in sub else [""] * len(sub)
    for source, target, weight in zip(sub["source"], sub["target"], weights):
        G.add_edge(source, target, **({"weight": int(weight)} if weight != "" else {}))
    return G


# --------------------------------------------------------------------------- rebuilding


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("datasets")
    result = subprocess.run([sys.executable, str(BUILD), "--out", str(out)], capture_output=True, text=True,
                            cwd=str(ROOT))
    assert result.returncode == 0, result.stderr
    return out


# Hand-written folders: templates for trainers' own data (not built, not part of the package).
HAND_WRITTEN = ("templates/", "listening/")
# Hand-written files that datapackage.json still describes (read by the build, never rebuilt).
DESCRIBED_BY_HAND = ("listening/example_replies.csv",)


def _data_files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and p.suffix in (".csv", ".json")
                  and not p.relative_to(folder).as_posix().startswith(HAND_WRITTEN))


def test_rebuilding_gives_byte_identical_files(rebuilt):
    assert _data_files(rebuilt) == _data_files(DATA), "the build writes a different set of files"
    for name in _data_files(DATA):
        fresh, committed = (rebuilt / name).read_bytes(), (DATA / name).read_bytes()
        if fresh != committed:
            pairs = zip(fresh.decode().splitlines(), committed.decode().splitlines())
            line = next((i for i, (a, b) in enumerate(pairs, start=1) if a != b), "end")
            pytest.fail(f"datasets/{name} differs from a fresh build (first at line {line}): run "
                        f"`python scripts/build_datasets.py` and commit the result, or find the source of "
                        f"randomness that is not seeded.")


def test_build_writes_only_csv_and_the_package(rebuilt):
    others = [p for p in rebuilt.rglob("*") if p.is_file() and p.suffix not in (".csv", ".json")
              and not (p.suffix == ".xlsx" and p.parent.name == "form_exports")]
    assert others == [], "the build must not write data cards or anything else"
    assert not (rebuilt / "community").exists(), "the 5,000-member community is generated on demand only"


# --------------------------------------------------------------------------- datapackage.json


def test_package_descriptor_top_level():
    assert PACKAGE["profile"] == "tabular-data-package"
    assert PACKAGE["name"] == "netlearn-datasets"
    assert PACKAGE["licenses"]
    assert set(DATASETS) == {"florentine_families", "karate_club", "southern_women", "krackhardt_kite",
                             "q_community", "devon_stp"}
    for entry in PACKAGE["datasets"]:
        assert set(entry) >= {"name", "title", "description", "origin", "licence", "source", "card",
                              "default_relation"}
        assert entry["origin"] in ("real", "synthetic")
        assert "\n" not in entry["description"]
        assert (DATA / entry["card"]).is_file(), f"data card {entry['card']} is missing"
        assert entry["default_relation"] in set(read(entry["name"], "relations")["relation"])
    assert {e["name"]: e["origin"] for e in PACKAGE["datasets"]}["q_community"] == "synthetic"


def test_every_csv_is_a_resource_and_every_resource_exists():
    on_disk = sorted([name for name in _data_files(DATA) if name.endswith(".csv")] + list(DESCRIBED_BY_HAND))
    assert sorted(r["path"] for r in CSV_RESOURCES) == on_disk
    for resource in CSV_RESOURCES:
        path = DATA / resource["path"]
        assert path.is_file()
        assert resource["name"] == f"{resource['dataset']}-{path.stem}"
        assert (resource["format"], resource["mediatype"], resource["encoding"]) == ("csv", "text/csv", "utf-8")
        data = path.read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


_TYPE_PATTERNS = {"integer": r"-?\d+", "number": r"-?\d+(\.\d+)?", "string": r"(?s).*"}


@pytest.mark.parametrize("resource", CSV_RESOURCES, ids=[r["name"] for r in CSV_RESOURCES])
def test_every_column_is_described_with_the_right_type(resource):
    frame = pd.read_csv(DATA / resource["path"], dtype=str, keep_default_na=False)
    fields = resource["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields], "columns and schema fields differ"
    for field in fields:
        assert field.get("description", "").strip(), f"{field['name']} has no description"
        values = [v for v in frame[field["name"]] if v != ""]
        if field["type"] == "boolean":
            assert field["trueValues"] == ["yes"] and field["falseValues"] == ["no"]
            assert set(values) <= {"yes", "no"}
        else:
            pattern = _TYPE_PATTERNS[field["type"]]
            bad = [v for v in values if not re.fullmatch(pattern, v)]
            assert not bad, f"{field['name']} is declared {field['type']} but holds {bad[:3]}"
        constraints = field.get("constraints", {})
        if constraints.get("required"):
            assert len(values) == len(frame), f"{field['name']} is required but has blanks"
        if constraints.get("unique"):
            assert frame[field["name"]].is_unique
        if "minimum" in constraints:
            assert all(constraints["minimum"] <= int(v) <= constraints["maximum"] for v in values)
    key = resource["schema"]["primaryKey"]
    assert not frame.duplicated(subset=key).any(), f"primary key {key} repeats"


def test_foreign_keys_hold():
    by_name = {r["name"]: r for r in RESOURCES}
    for resource in CSV_RESOURCES:
        frame = pd.read_csv(DATA / resource["path"], dtype=str, keep_default_na=False)
        for fk in resource["schema"].get("foreignKeys", []):
            ref = fk["reference"]
            target = resource if ref["resource"] == "" else by_name[ref["resource"]]
            allowed = set(pd.read_csv(DATA / target["path"], dtype=str, keep_default_na=False)[ref["fields"][0]])
            values = set(frame[fk["fields"][0]]) - {""}
            assert values <= allowed, f"{resource['name']}.{fk['fields'][0]}: {sorted(values - allowed)[:3]}"


# --------------------------------------------------------------------------- file conventions


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_conventions_and_tie_rules(dataset):
    for path in sorted((DATA / dataset).glob("*.csv")):
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name} starts with a BOM"
        assert b"\r" not in raw and raw.endswith(b"\n"), f"{path.name} must use \\n line endings"
        raw.decode("utf-8")
    members, ties, relations = read(dataset, "members"), read(dataset, "ties"), read(dataset, "relations")
    assert (members["id"] != "").all() and members["id"].is_unique
    assert list(ties.columns[:3]) == ["source", "target", "relation"]
    assert set(ties["relation"]) == set(relations["relation"]), "every relation used is declared, and used"
    assert set(relations["directed"]) <= {"yes", "no"}
    assert (ties["source"] != ties["target"]).all(), "self-ties"
    assert not ties.duplicated(subset=["source", "target", "relation"]).any(), "duplicate ties"
    undirected = set(relations.loc[relations["directed"] == "no", "relation"])
    pairs = [(frozenset((s, t)), r) for s, t, r in zip(ties["source"], ties["target"], ties["relation"])
             if r in undirected]
    assert len(pairs) == len(set(pairs)), "an undirected pair is listed twice (A,B and B,A)"
    for relation in relations.itertuples():
        if "weight" in ties:
            weights = ties.loc[ties["relation"] == relation.relation, "weight"]
        else:
            weights = pd.Series([], dtype=str)
        if relation.weight_min == "":
            assert (weights == "").all(), f"{relation.relation} has no weight range but has weights"
        else:
            numbers = weights.astype(int)
            assert numbers.between(int(relation.weight_min), int(relation.weight_max)).all()
            assert relation.weight_meaning.strip()


# --------------------------------------------------------------------------- real exports


def edge_set(G, mapping=lambda n: n):
    return {frozenset((mapping(u), mapping(v))) for u, v in G.edges()}


def test_florentine_families_matches_networkx():
    G = nx.florentine_families_graph()
    ours = graph("florentine_families", "marriage")
    assert edge_set(ours) == edge_set(G)
    assert ours.number_of_edges() == G.number_of_edges() == 20
    assert set(ours) == set(G) | {"Pucci"}, "Pucci (no marriage ties here) is the only extra member"
    assert ours.degree("Pucci") == 0
    members = read("florentine_families", "members").set_index("id")
    assert members.loc["Medici", ["wealth", "priorates"]].tolist() == ["103", "53"]
    assert members.loc["Acciaiuoli", ["wealth", "priorates"]].tolist() == ["10", "53"]
    assert members.loc["Albizzi", ["wealth", "priorates"]].tolist() == ["36", "65"]
    assert members.loc["Strozzi", "wealth"] == "146"
    assert sorted(members.index[members["priorates"] == ""]) == ["Barbadori", "Ginori", "Pazzi", "Tornabuoni"]


def test_karate_club_matches_networkx():
    G = nx.karate_club_graph()
    ours = graph("karate_club", "interaction")
    assert ours.number_of_nodes() == 34 and ours.number_of_edges() == G.number_of_edges() == 78
    assert edge_set(ours) == edge_set(G, lambda n: str(n + 1))
    for u, v, w in G.edges(data="weight"):
        assert ours[str(u + 1)][str(v + 1)]["weight"] == w
    members = read("karate_club", "members").set_index("id")
    assert members["side"].value_counts().to_dict() == {"Mr. Hi": 17, "Officer": 17}
    assert all(members.loc[str(n + 1), "side"] == G.nodes[n]["club"] for n in G)
    assert members.loc["1", "side"] == "Mr. Hi" and members.loc["34", "side"] == "Officer"


def test_southern_women_matches_networkx():
    G = nx.davis_southern_women_graph()
    members = read("southern_women", "members")
    assert members["kind"].value_counts().to_dict() == {"person": 18, "event": 14}
    assert set(members.loc[members["kind"] == "event", "id"]) == {f"E{k}" for k in range(1, 15)}
    ties = read("southern_women", "ties")
    assert len(ties) == 89 and set(ties["relation"]) == {"attended"}
    kind = dict(zip(members["id"], members["kind"]))
    assert set(ties["source"].map(kind)) == {"person"} and set(ties["target"].map(kind)) == {"event"}
    assert {frozenset(p) for p in zip(ties["source"], ties["target"])} == edge_set(G)


def test_krackhardt_kite_matches_networkx():
    names = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"]
    G = nx.krackhardt_kite_graph()
    ours = graph("krackhardt_kite", "knows")
    assert sorted(ours) == names
    assert edge_set(ours) == edge_set(G, lambda n: names[n])
    assert ours.degree("Diane") == 6
    assert max(nx.betweenness_centrality(ours).items(), key=lambda kv: kv[1])[0] == "Heather"


# --------------------------------------------------------------------------- q_community


@pytest.fixture(scope="module")
def q():
    members = read("q_community", "members")
    region = dict(zip(members["id"], members["region"]))
    knows = graph("q_community", "knows")
    return {
        "members": members, "region": region, "knows": knows,
        "advice": graph("q_community", "advice"), "energy": graph("q_community", "energy"),
        "leadership": graph("q_community", "leadership"),
        "lead": members.loc[members["formal_leader"] == "yes", "id"].tolist(),
        "degree": dict(knows.degree()),
        "betweenness": nx.betweenness_centrality(knows),
        "constraint": nx.constraint(knows),
    }


def test_q_members_and_columns(q):
    members = q["members"]
    assert len(members) == 150
    assert (members["group"] == members["region"]).all()
    assert set(members["region"]) == set(Q_REGIONS)
    assert set(members["formal_leader"]) == {"yes", "no"} and len(q["lead"]) == 1
    assert members["years_in_community"].astype(int).between(0, 10).all()
    for column in ("reasons_for_joining", "can_help_with", "needs_help_with"):
        assert (members[column] != "").all()
    for can, needs in zip(members["can_help_with"], members["needs_help_with"]):
        assert not set(can.split("; ")) & set(needs.split("; ")), "nobody needs help with what they offer"
    raw = (DATA / "q_community" / "members.csv").read_text(encoding="utf-8")
    assert "; " in raw and not re.search(r'(^|,)[^",\n]*; ', raw, flags=re.M), "list cells must be quoted"


def test_q_a_dense_regional_clusters_with_connectors(q):
    K, region = q["knows"], q["region"]
    within = sum(1 for u, v in K.edges() if region[u] == region[v])
    sizes = pd.Series(region).value_counts()
    within_pairs = sum(n * (n - 1) / 2 for n in sizes)
    between_pairs = len(K) * (len(K) - 1) / 2 - within_pairs
    within_density = within / within_pairs
    between_density = (K.number_of_edges() - within) / between_pairs
    assert within_density > 0.2 and within_density > 20 * between_density
    for r in Q_REGIONS:
        H = K.subgraph([n for n in K if region[n] == r])
        degrees = sorted((d for _, d in H.degree()), reverse=True)
        assert degrees[0] >= 1.5 * statistics.median(degrees), f"{r} has no clear central connector"
        assert degrees[0] >= degrees[2] + 3, f"{r} should have one or two connectors, not many"


def test_q_b_brokers_bridge_regions_without_being_the_best_connected(q):
    K, region, lead = q["knows"], q["region"], q["lead"][0]
    bt, constraint, degree = q["betweenness"], q["constraint"], q["degree"]
    brokers = [n for n in sorted(bt, key=bt.get, reverse=True) if n != lead][:4]
    tenth = sorted(degree.values(), reverse=True)[9]  # the degree of the tenth best-connected member
    median_constraint = statistics.median(constraint.values())
    for b in brokers:
        reached = {region[n] for n in K[b]} - {region[b]}
        assert len(reached) >= 3, f"{b} reaches only {len(reached)} other regions"
        assert constraint[b] < median_constraint
        assert degree[b] < tenth, f"broker {b} has {degree[b]} ties: as many as the ten best-connected"
        assert bt[b] > 2 * statistics.median(bt.values())


def test_q_c_energizers_are_not_the_most_connected(q):
    E = q["energy"]
    weights = [w for _, _, w in E.edges(data="weight")]
    assert min(weights) == -2 and max(weights) == 2 and 0 in weights
    assert sum(w < 0 for w in weights) >= 0.1 * len(weights)
    positive = {n: sum(w for _, _, w in E.in_edges(n, data="weight") if w > 0) for n in E}
    energizers = sorted(positive, key=positive.get, reverse=True)[:5]
    degree = q["degree"]
    top5 = sorted(degree, key=degree.get, reverse=True)[:5]
    tenth = sorted(degree.values(), reverse=True)[9]
    assert not set(energizers) <= set(top5)
    assert all(degree[e] < tenth for e in energizers), "energizers should not be among the ten most connected"
    assert positive[energizers[-1]] > 1.2 * sorted(positive.values(), reverse=True)[5]
    assert all(q["knows"].has_edge(u, v) for u, v in E.edges()), "energy is rated only between acquaintances"


def test_q_d_one_over_central_formal_leader(q):
    lead = q["lead"][0]
    for relation in ("advice", "leadership"):
        indegree = sorted(q[relation].in_degree(), key=lambda kv: kv[1], reverse=True)
        assert indegree[0][0] == lead, f"the formal leader should lead {relation} in-degree"
        assert indegree[0][1] >= 3 * indegree[1][1], f"{relation}: the leader should be far ahead"
    advice = q["advice"].to_undirected()
    without = advice.copy()
    without.remove_node(lead)
    before, after = nx.global_efficiency(advice), nx.global_efficiency(without)
    assert after < 0.8 * before, f"advice efficiency only fell from {before:.3f} to {after:.3f}"

    def mean_path(G):
        largest = G.subgraph(max(nx.connected_components(G), key=len))
        return nx.average_shortest_path_length(largest)

    assert mean_path(without) > mean_path(advice) + 1


def test_q_e_few_patient_carer_and_citizen_voices(q):
    members, degree = q["members"], q["degree"]
    voices = members[members["sector"] == "lay member"]
    assert 3 <= len(voices) <= 0.1 * len(members)
    assert set(voices["stakeholder"]) <= {"patient", "carer", "citizen"}
    assert set(members.loc[members["sector"] != "lay member", "stakeholder"]).isdisjoint(
        {"patient", "carer", "citizen"})
    others = members.loc[members["sector"] != "lay member", "id"]
    assert statistics.mean(degree[v] for v in voices["id"]) < statistics.mean(degree[o] for o in others)


def kendalls_w(ranks):
    """Kendall's W for an (m raters x n items) table of ranks without ties."""
    m, n = ranks.shape
    totals = ranks.sum(axis=0)
    spread = ((totals - m * (n + 1) / 2) ** 2).sum()
    return 12 * spread / (m ** 2 * (n ** 3 - n))


def test_q_f_purpose_rankings_agree_moderately(q):
    rankings = read("q_community", "purpose_rankings")
    columns = [c for c, _ in Q_PURPOSES]
    assert list(rankings.columns) == ["member_id"] + columns
    assert set(rankings["member_id"]) == set(q["members"]["id"])
    ranks = rankings[columns].astype(int)
    assert all(sorted(row) == [1, 2, 3, 4, 5, 6] for row in ranks.to_numpy().tolist())
    w = kendalls_w(ranks.to_numpy())
    assert 0.3 <= w <= 0.5, f"Kendall's W is {w:.3f}"
    by_region = {r: kendalls_w(ranks[rankings["member_id"].map(q["region"]) == r].to_numpy()) for r in Q_REGIONS}
    assert max(by_region.values()) - min(by_region.values()) >= 0.2, by_region
    assert ranks.var().idxmax() == "influence_policy"
    assert ranks.var()["influence_policy"] > 1.5 * ranks.var().drop("influence_policy").max()


def test_q_f_kendalls_w_agrees_with_scipy(q):
    stats = pytest.importorskip("scipy.stats")
    rankings = read("q_community", "purpose_rankings")
    ranks = rankings[[c for c, _ in Q_PURPOSES]].astype(int).to_numpy()
    chi2 = stats.friedmanchisquare(*ranks.T).statistic
    m, n = ranks.shape
    assert chi2 / (m * (n - 1)) == pytest.approx(kendalls_w(ranks))


# --------------------------------------------------------------------------- devon_stp


DEVON_ORGANISATIONS = {
    "Devon County Council", "Plymouth City Council", "Torbay Council", "NEW Devon CCG",
    "South Devon and Torbay CCG", "Royal Devon and Exeter NHS Foundation Trust",
    "Northern Devon Healthcare NHS Trust", "Torbay and South Devon NHS Foundation Trust",
    "Plymouth Hospitals NHS Trust", "Devon Partnership NHS Trust", "Livewell Southwest",
    "Healthwatch Devon", "Healthwatch Plymouth", "Healthwatch Torbay",
}


def test_devon_members_affiliations_and_workstreams():
    members, ties = read("devon_stp", "members"), read("devon_stp", "ties")
    kinds = members["kind"].value_counts().to_dict()
    assert kinds["workstream"] == 7 and 110 <= kinds["person"] <= 130
    organisations = members[members["kind"] == "organisation"]
    assert DEVON_ORGANISATIONS <= set(organisations["name"])
    voluntary = organisations[organisations["sector"] == "voluntary"]
    assert 2 <= len(voluntary) <= 3 and voluntary["name"].str.endswith("(synthetic)").all()
    assert not organisations["sector"].str.contains("primary care").any(), "primary care is the missing sector"
    people = members[members["kind"] == "person"]
    kind = dict(zip(members["id"], members["kind"]))
    affiliated = ties[ties["relation"] == "affiliated"]
    assert affiliated["source"].value_counts().max() == 1 and set(affiliated["source"]) == set(people["id"])
    assert set(affiliated["target"].map(kind)) == {"organisation"}
    assert dict(zip(affiliated["source"], affiliated["target"])) == dict(zip(people["id"], people["organisation"]))
    streams = ties[ties["relation"] == "workstream_member"]
    assert set(streams["target"].map(kind)) == {"workstream"}
    assert streams["source"].value_counts().between(1, 3).all() and set(streams["source"]) == set(people["id"])
    collaborates = ties[ties["relation"] == "collaborates"]
    assert set(collaborates["source"].map(kind)) == set(collaborates["target"].map(kind)) == {"person"}


def test_devon_councils_and_nhs_apart_and_voices_peripheral():
    members = read("devon_stp", "members")
    people = members[members["kind"] == "person"]
    side = {p: {"local authority": "council", "NHS": "nhs"}.get(g, "voice")
            for p, g in zip(people["id"], people["group"])}
    assert set(people["group"]) == {"local authority", "NHS", "Healthwatch", "voluntary"}
    C = graph("devon_stp", "collaborates").subgraph(people["id"])
    count = {n: sum(1 for v in side.values() if v == n) for n in ("council", "nhs", "voice")}

    def density(a, b):
        ties = sum(1 for u, v in C.edges() if sorted((side[u], side[v])) == sorted((a, b)))
        pairs = count[a] * (count[a] - 1) / 2 if a == b else count[a] * count[b]
        return ties / pairs

    between = density("council", "nhs")
    assert density("council", "council") > 3 * between and density("nhs", "nhs") > 3 * between
    degree = dict(C.degree())
    voices = [degree[p] for p in degree if side[p] == "voice"]
    others = [degree[p] for p in degree if side[p] != "voice"]
    assert statistics.mean(voices) < 0.5 * statistics.mean(others)
    assert min(degree.values()) >= 1 and nx.is_connected(C)


# --------------------------------------------------------------------------- make_community


@pytest.fixture(scope="module")
def big():
    start = time.perf_counter()
    tables = make_community(5000)
    return tables, time.perf_counter() - start


def test_make_community_size_speed_and_shape(big):
    tables, seconds = big
    assert seconds < 10, f"make_community(5000) took {seconds:.1f} s"
    members, ties = tables["members"], tables["ties"]
    assert len(members) == 5000 and members["id"].is_unique
    knows = ties[ties["relation"] == "knows"]
    assert 45_000 <= len(knows) <= 55_000
    assert (ties["source"] != ties["target"]).all()
    assert not ties.duplicated(subset=["source", "target", "relation"]).any()
    pairs = {frozenset(p) for p in zip(knows["source"], knows["target"])}
    assert len(pairs) == len(knows), "a knows pair is listed in both directions"
    assert (ties["relation"] == "advice").sum() > 0
    assert (members["formal_leader"] == "yes").sum() == 1
    assert list(tables["relations"]["relation"]) == ["knows", "advice"]
    assert set(ties["source"]) | set(ties["target"]) <= set(members["id"])


def test_make_community_is_deterministic(big):
    again = make_community(5000)
    for name, frame in big[0].items():
        pd.testing.assert_frame_equal(frame, again[name])
    other = make_community(5000, seed=1)
    assert not other["ties"].equals(big[0]["ties"])


# --------------------------------------------------------------------------- loading through netlearn


@pytest.mark.parametrize("dataset", DATASETS)
def test_every_dataset_loads_through_netlearn(dataset):
    net = netlearn.load_dataset(dataset)
    assert len(net.members) == len(read(dataset, "members"))
    assert len(net.ties) == len(read(dataset, "ties"))
    for relation in net.relation_names:
        net.graph(relation)
    if dataset == "q_community":
        assert "purpose_rankings" in net.tables
