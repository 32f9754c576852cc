"""Unit tests for netlearn.environment and netlearn.course."""

from __future__ import annotations

import html
import importlib.metadata
import re
from pathlib import Path

import ipywidgets
import pandas as pd
import nbformat
import pytest

from netlearn import course, environment
from netlearn.course import EPISODES, Episode, course_map, course_map_html
from netlearn.environment import (
    check_environment,
    environment_report,
    required_versions,
    widget_check,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["python", "netlearn", "jupyterlab", "ipywidgets", "networkx", "pandas", "seaborn", "matplotlib"]


# --- environment -----------------------------------------------------------


def test_required_versions_follow_the_installed_metadata():
    minimums = required_versions()
    assert list(minimums) == PACKAGES
    # These come from pyproject.toml through the installed metadata.
    declared = {
        re.split(r"[<>=!~ ]", requirement)[0]: requirement
        for requirement in importlib.metadata.requires("netlearn")
        if ";" not in requirement
    }
    for name in ("jupyterlab", "ipywidgets", "networkx", "pandas", "seaborn", "matplotlib"):
        assert f">={minimums[name]}" in declared[name]
    assert minimums["python"] == "3.11"
    # The fallback table agrees with pyproject.toml, for when the metadata cannot be read.
    assert minimums == environment.FALLBACK_MINIMUMS


def test_required_versions_fall_back_when_netlearn_is_not_installed(monkeypatch):
    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(environment.importlib.metadata, "metadata", not_installed)
    assert required_versions() == environment.FALLBACK_MINIMUMS


def test_check_environment_reports_this_environment_as_ready():
    table = check_environment()
    assert list(table.columns) == ["package", "required", "installed", "ok"]
    assert list(table["package"]) == PACKAGES
    assert table["ok"].all(), table
    pandas_row = table[table["package"] == "pandas"].iloc[0]
    assert pandas_row["installed"] == pd.__version__
    assert environment_report().startswith("All good: Python ")


@pytest.mark.parametrize(
    ("installed", "required", "ok"),
    [("2.0", "2.0", True), ("2.0.0", "2.0", True), ("10.1", "9.9", True),
     ("0.13.2", "0.13", True), ("1.5.3", "2.0", False), ("3.1rc1", "3.2", False)],
)
def test_versions_compare_as_numbers_not_text(installed, required, ok):
    assert (environment._version_tuple(installed) >= environment._version_tuple(required)) is ok


def test_report_names_a_missing_package_and_the_fix(monkeypatch):
    real_lookup = environment._installed_version

    def without_seaborn(package):
        return None if package == "seaborn" else real_lookup(package)

    monkeypatch.setattr(environment, "_installed_version", without_seaborn)
    table = check_environment()
    assert not table.loc[table["package"] == "seaborn", "ok"].item()
    assert table["ok"].sum() == len(PACKAGES) - 1

    report = environment_report()
    assert "- seaborn is missing (the course needs version 0.13 or newer)." in report
    assert "make lab" in report
    assert "pip install -e ." in report
    assert "All good" not in report


def test_report_names_a_package_that_is_too_old(monkeypatch):
    real_lookup = environment._installed_version
    monkeypatch.setattr(
        environment,
        "_installed_version",
        lambda package: "1.5.3" if package == "pandas" else real_lookup(package),
    )
    report = environment_report()
    assert "- pandas 1.5.3 is too old (the course needs version 2.0 or newer)." in report
    assert "pip install -e ." in report


def test_report_for_an_old_python_says_to_install_a_newer_one(monkeypatch):
    real_lookup = environment._installed_version
    monkeypatch.setattr(
        environment,
        "_installed_version",
        lambda package: "3.8.10" if package == "python" else real_lookup(package),
    )
    report = environment_report()
    assert "- Python 3.8.10 is too old" in report
    assert "Install Python 3.11 or newer" in report
    # Nothing else is wrong, so the package fix is not offered.
    assert "pip install" not in report


def test_widget_check_button_changes_the_message_when_clicked():
    box = widget_check()
    assert isinstance(box, ipywidgets.Box)
    button, message = box.children
    assert isinstance(button, ipywidgets.Button)
    assert button.description == "Click me to test widgets"
    assert button.tooltip
    assert 'role="status"' in message.value
    assert environment.WIDGET_SUCCESS_TEXT not in message.value

    button.click()
    assert f"{environment.WIDGET_SUCCESS_TEXT} Clicks so far: 1." in message.value
    button.click()
    assert "Clicks so far: 2." in message.value


def test_each_widget_check_counts_its_own_clicks():
    first, second = widget_check(), widget_check()
    first.children[0].click()
    assert "Clicks so far: 1." in first.children[1].value
    assert environment.WIDGET_SUCCESS_TEXT not in second.children[1].value


# --- course ----------------------------------------------------------------


def test_catalogue_has_twelve_episodes_in_order():
    assert len(EPISODES) == 12
    assert [episode.number for episode in EPISODES] == list(range(12))
    assert EPISODES[0].slug == "start_here"
    assert EPISODES[0].lesson_minutes == 15
    assert EPISODES[10].slug == "your_own_network"
    assert EPISODES[-1].slug == "large_scale_change_and_value"
    assert len({episode.slug for episode in EPISODES}) == 12


def test_episode_times_and_summaries_are_sensible():
    for episode in EPISODES[1:]:
        assert 15 <= episode.lesson_minutes <= 70, episode
        # Every episode's exercise notebook has both tracks, and the leader track is real work.
        assert 10 <= episode.leader_minutes <= 30, episode
        assert 5 <= episode.analyst_minutes <= 30, episode
        assert episode.minutes == episode.lesson_minutes + episode.leader_minutes + episode.analyst_minutes
    for episode in EPISODES:
        assert episode.title and episode.summary
        assert "\n" not in episode.summary


def test_paths_follow_number_and_slug():
    for episode in EPISODES:
        assert re.fullmatch(r"[a-z][a-z_]*", episode.slug)
        filename = f"{episode.number:02d}_{episode.slug}.ipynb"
        assert episode.notebook == f"notebooks/{filename}"
        assert episode.exercise == f"exercises/{filename}"
        assert episode.filename == filename


def test_notebooks_on_disk_are_all_in_the_catalogue():
    known = {Path(episode.notebook).name for episode in EPISODES}
    on_disk = {path.name for path in (REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert on_disk <= known


def test_repo_root_is_the_folder_holding_the_package():
    assert course.REPO_ROOT == REPO_ROOT
    assert (course.REPO_ROOT / "netlearn" / "course.py").is_file()


def test_course_map_marks_start_here_available():
    table = course_map()
    assert list(table.columns) == [
        "number", "title", "lesson_minutes", "leader_minutes", "analyst_minutes",
        "leader_path_minutes", "minutes", "status",
    ]
    assert list(table["number"]) == list(range(12))
    assert table.loc[0, "status"] == "available"
    assert set(table["status"]) <= {"available", "in preparation"}


def test_course_map_status_follows_the_files(tmp_path):
    assert set(course_map(root=tmp_path)["status"]) == {"in preparation"}
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "02_know_your_network.ipynb").write_text("{}")
    table = course_map(root=tmp_path)
    assert list(table.loc[table["status"] == "available", "number"]) == [2]


def test_course_map_html_links_only_available_notebooks(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01_purpose.ipynb").write_text("{}")
    page = course_map_html(root=tmp_path)
    assert page.startswith("<table") and page.endswith("</table>")
    assert page.count("<tr>") == 13  # header row and 12 episodes
    assert re.findall(r'href="([^"]+)"', page) == ["01_purpose.ipynb"]
    assert page.count("in preparation") == 11
    assert "<caption>" in page


def test_course_map_html_links_work_from_inside_notebooks_folder():
    page = course_map_html()
    for href in re.findall(r'href="([^"]+)"', page):
        assert "/" not in href
        assert (REPO_ROOT / "notebooks" / html.unescape(href)).is_file()
    assert 'href="00_start_here.ipynb"' in page


def test_course_map_says_what_each_track_takes():
    two = [
        Episode(1, "a", "A", 20, "x", leader_minutes=15, analyst_minutes=10),
        Episode(2, "b", "B", 40, "y", leader_minutes=20, analyst_minutes=5),
    ]
    page = course_map_html(root="/nowhere", episodes=two)
    # 20 + 15 + 40 + 20 = 95 minutes without code; 95 + 10 + 5 = 110 with the analyst track.
    assert "Lessons and the leader track (no code): about 1 h 35 min" in page
    assert "Adding the analyst track (code): about 1 h 50 min in all" in page
    assert "Leader track (no code)</th>" in page and "Analyst track (code)</th>" in page
    cells = re.findall(r"<td[^>]*>(\d+) min</td>", page)
    assert cells == ["20", "15", "10", "40", "20", "5"]


def test_course_map_totals_match_the_catalogue():
    table = course_map()
    totals = course.track_totals()
    assert totals["lessons"] == table["lesson_minutes"].sum()
    assert totals["leader"] == table["lesson_minutes"].sum() + table["leader_minutes"].sum()
    assert totals["both"] == totals["leader"] + table["analyst_minutes"].sum()
    page = course_map_html()
    assert f"about {course.hours_and_minutes(totals['leader'])}." in page


def test_course_map_html_escapes_every_text(tmp_path):
    (tmp_path / "notebooks").mkdir()
    risky = Episode(4, "risky", "Power <b>& conflict</b>", 40, 'Says "hello" <script>')
    (tmp_path / risky.notebook).write_text("{}")
    page = course_map_html(root=tmp_path, episodes=[risky])
    assert "<b>" not in page and "<script>" not in page
    assert "Power &lt;b&gt;&amp; conflict&lt;/b&gt;" in page
    assert "Says &quot;hello&quot; &lt;script&gt;" in page
    assert 'href="04_risky.ipynb"' in page


# --- the times a learner is told agree with the course map ----------------------------------


def _first_cell(path):
    return nbformat.read(REPO_ROOT / path, as_version=4).cells[0].source


def _minutes(pattern, text, where):
    match = re.search(pattern, text)
    assert match, f"{where}: no time line matching {pattern!r}"
    return int(match.group(1))


@pytest.mark.parametrize("episode", EPISODES, ids=[episode.slug for episode in EPISODES])
def test_each_notebook_states_the_times_in_the_course_map(episode):
    """Issue #13: the lesson, the leader track and the analyst track take what the map says."""
    lesson = _first_cell(episode.notebook)
    assert _minutes(r"\*\*Time:\*\* about (\d+) minutes for this notebook", lesson, episode.notebook) == \
        episode.lesson_minutes
    assert _minutes(r"adds about (\d+) minutes on the leader track", lesson, episode.notebook) == episode.leader_minutes
    assert _minutes(r"and (\d+) on the analyst track", lesson, episode.notebook) == episode.analyst_minutes
    exercise = _first_cell(episode.exercise if episode.number else "exercises/00_how_exercises_work.ipynb")
    where = episode.exercise
    leader = _minutes(r"\*\*leader track\*\* needs no code: about (\d+) minutes", exercise, where)
    analyst = _minutes(r"\*\*analyst track\*\* asks for [^:]*: about (\d+) minutes", exercise, where)
    reflection = re.search(r"reflections? takes? (\d+) minutes", exercise)
    leader += int(reflection.group(1)) if reflection else 0
    assert (leader, analyst) == (episode.leader_minutes, episode.analyst_minutes), where
    in_all = _minutes(r"\*\*Time:\*\* about (\d+) minutes", exercise, where)
    assert in_all == leader + analyst, f"{where}: 'in all' should be {leader + analyst}"


def test_readme_states_the_course_maps_totals():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    totals = course.track_totals()
    text = " ".join(readme.split())
    assert f"the lessons with the leader track come to about {course.hours_and_minutes(totals['leader'])}" in text
    assert f"with the analyst track about {course.hours_and_minutes(totals['both'])}." in text
