"""The widgets of notebook 10, driven headless: load files, explain broken ones, explore sections,
write the report without overwriting anything."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

import netlearn  # noqa: E402
from netlearn.errors import DataError  # noqa: E402
from netlearn.widgets import own_network as own  # noqa: E402

TEMPLATES = Path(netlearn.datasets_folder()) / "templates"


@pytest.fixture(autouse=True)
def private_key(tmp_path, monkeypatch):
    monkeypatch.setenv("NETLEARN_REPORT_KEY", str(tmp_path / "key"))


# ---------------------------------------------------------------------- errors in plain words
def test_every_broken_example_fails_with_a_located_explanation():
    for kind in own.BROKEN_EXAMPLES:
        error = own.read_broken_example(kind)
        assert isinstance(error, DataError)
        text = own.explain_error_text(error)
        assert text.startswith("Where: ") and re.search(r"(members|ties)\.csv, row \d", text), (kind, text)
        assert "What is wrong: " in text and "How to fix it: " in text, kind
        html = own._broken_html(kind)
        assert "class=bad" in html, f"{kind}: the faulty cell is marked"
        assert "Nothing was changed" in html


def test_explanations_are_escaped():
    error = DataError("'<b>x</b>' is odd", file="<ties>.csv", row=3, column="<c>", fix="Use <i>y</i>.")
    html = own.explain_error(error)
    assert "<b>" not in html and "<i>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "row 3 (the row number your spreadsheet shows at the left)" in own.explain_error_text(error)


def test_a_header_problem_below_blank_rows_is_not_said_to_be_on_row_1(tmp_path):
    """The explanation said "the column names are row 1", untrue for a file whose first rows are blank."""
    members = tmp_path / "members.csv"
    members.write_text("id,name\na,Ann\nb,Bo\n", encoding="utf-8")
    ties = tmp_path / "ties.csv"
    ties.write_text("\n\nsource,targt\na,b\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        netlearn.read_network(members, ties)
    text = own.explain_error_text(info.value)
    assert info.value.row == 3 and text.startswith("Where: ties.csv, row 3 (the row number your spreadsheet shows")
    assert "row 1" not in text
    shown = own._file_table("ties.csv", ties.read_text(), 3, "targt")   # only the misspelt name is marked
    assert "<th>3</th><th>source</th><th class=bad>targt</th>" in shown and shown.count("class=bad") == 1


def test_templates_load_and_match_the_documented_columns():
    net = netlearn.read_network(TEMPLATES / "members.csv", TEMPLATES / "ties.csv",
                                relations=TEMPLATES / "relations.csv")
    assert set(net.relation_names) == {"knows", "advice", "energy", "leadership"}
    assert {"id", "name", "group", "organisation", "sector", "stakeholder", "formal_leader"} <= set(net.members.columns)
    assert net.members["formal_leader"].sum() == 1
    assert (TEMPLATES / "README.md").is_file()


def test_gallery_shows_the_chosen_broken_file():
    gallery = own.broken_file_gallery()
    assert "m99" in gallery.view.value
    gallery.choice.value = "misspelt column"
    assert "sourse" in gallery.view.value and "Rename the column" in gallery.view.value


# ---------------------------------------------------------------------- the loader
def test_loader_starts_with_the_example_and_loads_your_files():
    loader = own.network_loader()
    assert loader.is_example and loader.network.name == "q_community"
    assert "Using the example network" in loader.status.value
    seen = []
    loader.on_change(seen.append)
    loader.members.value, loader.ties.value = str(TEMPLATES / "members.csv"), str(TEMPLATES / "ties.csv")
    loader.relations.value = str(TEMPLATES / "relations.csv")
    loader.button.click()
    assert not loader.is_example and len(loader.network.members) == 8
    assert "every row passed the checks" in loader.status.value
    assert seen == [loader.network]


def test_loader_explains_a_broken_file_and_keeps_the_last_network(tmp_path):
    loader = own.network_loader()
    members, ties = own.write_broken_example("unknown member", tmp_path)
    loader.members.value, loader.ties.value = str(members), str(ties)
    assert loader.load() is None
    assert loader.is_example and loader.network.name == "q_community"
    assert isinstance(loader.error, DataError)
    assert "row 4" in loader.status.value and "m99" in loader.status.value
    assert "keep using the example network" in loader.status.value
    loader.ties.value = ""
    loader.load()
    assert "The path of ties.csv is blank" in loader.status.value
    loader.members.value = ""
    loader.load()
    assert "Using the example network" in loader.status.value


def test_loader_reads_uploaded_files():
    loader = own.network_loader()
    now = datetime.datetime.now(datetime.timezone.utc)
    files = []
    for name in ("members.csv", "ties.csv", "relations.csv"):
        content = (TEMPLATES / name).read_bytes()
        files.append({"name": f"my_{name}", "type": "text/csv", "size": len(content), "content": memoryview(content),
                      "last_modified": now})
    loader.upload.value = tuple(files)
    loader.button.click()
    assert not loader.is_example and loader.network.relation_names[0] == "knows"
    loader.upload.value = tuple(files[2:])
    loader.button.click()
    assert "could not be told apart" in loader.status.value


# ---------------------------------------------------------------------- the explorer
def test_explorer_shows_the_chosen_section_of_the_report():
    explorer = own.own_network_explorer()
    assert explorer.relation.value == "knows"
    assert "1. Overview" in explorer.view.value and "What to discuss" in explorer.view.value
    explorer.section.value = "roles"
    assert "2. Roles" in explorer.view.value and "Brokers" in explorer.view.value
    assert re.search(r"Member \d{3}", explorer.view.value)
    assert "Fiona Shah" not in explorer.view.value                       # q001's name: pseudonyms by default
    explorer.section.value = "diversity"
    assert "suppressed (fewer than 5)" in explorer.view.value
    explorer.section.value = "leadership"
    assert "Reliance on the formal leaders" in explorer.view.value
    explorer.relation.value = "advice"
    assert explorer.report.settings["relation"] == "advice"
    assert "Relation: <strong>advice</strong> (directed" in explorer.view.value


def test_explorer_names_only_when_asked():
    explorer = own.own_network_explorer(section="roles")
    pseudonymised = explorer.view.value
    explorer.show_names.value = True
    named = explorer.view.value
    profile_names = set(netlearn.load_dataset("q_community").members["name"])
    assert not any(name in pseudonymised for name in profile_names)
    assert any(name in named for name in profile_names)


def test_explorer_offers_the_columns_that_could_be_groups():
    explorer = own.own_network_explorer(netlearn.load_dataset("karate_club"), section="roles")
    assert explorer.group.value == "side"
    assert explorer.report.settings["group"] == "side" and "Brokers" in explorer.view.value
    q = own.own_network_explorer(section="diversity")
    assert q.group.value == "group" and "region" in [value for _, value in q.group.options]
    q.group.value = "sector"
    assert q.report.settings["group"] == "sector" and "E-I index of each sector" in q.view.value


def test_explorer_follows_the_loader():
    loader = own.network_loader()
    explorer = own.own_network_explorer(loader)
    loader.members.value, loader.ties.value = str(TEMPLATES / "members.csv"), str(TEMPLATES / "ties.csv")
    loader.relations.value = str(TEMPLATES / "relations.csv")
    loader.load()
    assert explorer.net is loader.network
    assert explorer.report.section("overview").data["members"] == 8
    explorer.section.value = "diversity"
    assert "suppressed (fewer than 5)" in explorer.view.value           # 8 members: every group is small


# ---------------------------------------------------------------------- writing the report
def test_write_my_report_never_overwrites(tmp_path):
    net = netlearn.load_dataset("krackhardt_kite")
    first = own.write_my_report(net, tmp_path)
    second = own.write_my_report(net, tmp_path)
    assert first != second and first.is_file() and second.is_file()
    assert first.name.startswith("network-report-") and second.stem.endswith("-2")
    assert "<!DOCTYPE html>" in first.read_text(encoding="utf-8")


def test_reports_folder_is_temporary_under_tests():
    folder = own.default_reports_folder()
    assert "netlearn-pytest" in str(folder)
    assert own.default_reports_folder({"NETLEARN_REPORTS": "/x/y"}) == Path("/x/y")
