"""What keeps the course quick, pinned down (times themselves are measured in benchmarks/, never here).

* ``import netlearn`` leaves the heavy libraries (scipy.stats, matplotlib, igraph, yaml,
  ipywidgets) to be loaded when first needed;
* importing an exercise module computes nothing, and the course overview counts exercises from
  each notebook's outline without computing a single answer;
* widgets compute and draw each state once: a state seen before is shown from the cache (the very
  same object), and what the cache holds equals the computation done afresh.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import netlearn

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("scipy", "scipy.stats", "matplotlib", "matplotlib.pyplot", "igraph", "yaml", "ipywidgets", "IPython")


def _python(code):
    """Run ``code`` in a fresh Python and return what it prints, read as JSON."""
    env = {**os.environ, "NETLEARN_PROGRESS": os.environ.get("NETLEARN_PROGRESS", "")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- import netlearn
def test_import_netlearn_loads_no_heavy_library():
    loaded = _python(f"import json, sys, netlearn; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    assert loaded == []


def test_agreement_loads_scipy_stats_on_first_use_and_gives_scipys_answer():
    code = ("import json, sys, netlearn\n"
            "before = 'scipy.stats' in sys.modules\n"
            "table = __import__('pandas').DataFrame({'a': [1, 1, 2], 'b': [2, 3, 1], 'c': [3, 2, 3]})\n"
            "result = netlearn.agreement.kendalls_w(table)\n"
            "print(json.dumps([before, 'scipy.stats' in sys.modules, result.w, result.p_value]))")
    before, after, w, p = _python(code)
    assert (before, after) == (False, True)
    # Three raters ranking three items: rank sums 4, 6, 8 -> S = 8, W = 12 S / (m^2 (n^3 - n)) = 96 / 216
    assert w == pytest.approx(4 / 9)
    from scipy import stats
    assert p == pytest.approx(stats.chi2.sf(3 * 2 * 4 / 9, 2))


def test_public_modules_are_still_reachable_from_netlearn():
    for name in ("agreement", "diversity", "governance", "leadership", "multiorg", "roles"):
        assert getattr(netlearn, name).__name__ == f"netlearn.{name}"


# --------------------------------------------------------------------------- exercises
def _episode_modules():
    import netlearn.exercises as package

    return [info.name for info in pkgutil.iter_modules(package.__path__)
            if not info.name.startswith("_") and info.name not in package._ENGINE_MODULES]


def test_importing_every_exercise_module_and_the_course_overview_compute_no_answer():
    code = """
import json, pkgutil, importlib
import netlearn, netlearn.diagnostics
calls = []
real_load, real_instrument = netlearn.load_dataset, netlearn.diagnostics.load_instrument
netlearn.load_dataset = lambda *a, **k: calls.append(a) or real_load(*a, **k)
netlearn.diagnostics.load_instrument = lambda *a, **k: calls.append(a) or real_instrument(*a, **k)
import netlearn.exercises as package
from netlearn.exercises import course_progress, progress_table
names = [i.name for i in pkgutil.iter_modules(package.__path__)
         if not i.name.startswith("_") and i.name not in package._ENGINE_MODULES]
modules = [importlib.import_module("netlearn.exercises." + n) for n in names]
course_progress()
table = progress_table()
print(json.dumps({"calls": len(calls), "built": [m.exercises.built for m in modules],
                  "cached": [m.exercises._built is not None for m in modules], "rows": len(table),
                  "counted": sum(len(m.exercises) for m in modules)}))
"""
    seen = _python(code)
    assert seen["calls"] == 0
    assert not any(seen["built"]) and not any(seen["cached"])
    assert seen["rows"] == seen["counted"] > 50      # every exercise is counted, none computed


@pytest.mark.parametrize("name", _episode_modules())
def test_an_exercise_module_builds_once_on_first_use_as_its_outline_says(name):
    module = importlib.import_module(f"netlearn.exercises.{name}")
    items = module.exercises.items                       # first use builds everything once
    assert module.exercises.built
    assert module.exercises.built_values() is module.exercises.built_values()   # built once, kept
    assert [(i.name, i.kind) for i in items] == [(o.name, o.kind) for o in module.exercises.outline()]
    assert [o.key for o in module.exercises.outline()] == [i.key for i in items]
    assert all(getattr(module, i.name) is i for i in items)   # ex.q1 is the item the set holds
    assert all(i.exercise_set is module.exercises for i in items)


def test_a_deferred_exercise_set_checks_its_outline():
    from netlearn.exercises import ExerciseSet, Reflection

    wrong = ExerciseSet("demo", number=98, title="Demo", items=lambda: [Reflection("q1", prompt="Why?")],
                        outline={"q1": "code"})
    assert len(wrong) == 1 and not wrong.built
    with pytest.raises(ValueError, match="outline"):
        wrong.items
    with pytest.raises(TypeError, match="outline"):
        ExerciseSet("demo", number=98, title="Demo", items=lambda: [])


# --------------------------------------------------------------------------- widgets
def _count_calls(monkeypatch, module, name):
    """Replace ``module.name`` by a wrapper that counts its calls; returns the list of calls."""
    calls, real = [], getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_role_explorer_draws_each_state_once_with_the_profile_computed_afresh():
    from netlearn.roles import role_profile
    from netlearn.widgets.roles import role_explorer

    explorer = role_explorer()
    source = explorer.sources[0]
    layout, png = explorer._layout(source), explorer.png
    explorer.role.value = "central_connector"
    assert explorer.png is not png
    explorer.role.value = "broker"
    assert explorer.png is png and explorer._layout(source) is layout
    net = explorer.network(source)
    fresh = role_profile(net.graph("knows"), group="region", energy=net.graph("energy"), expertise="can_help_with",
                         backend="networkx")
    pd.testing.assert_frame_equal(explorer.profile, fresh)


def _assert_tables_equal(cached, fresh):
    assert list(cached.index) == list(fresh.index)
    for key in cached.index:
        for column in ("before", "after"):
            a, b = cached.loc[key, column], fresh.loc[key, column]
            if isinstance(b, float):
                assert a == pytest.approx(b, abs=1e-12), (key, column)
            else:
                assert a == b, (key, column)
    assert cached.attrs["cut_off"] == fresh.attrs["cut_off"]


def test_removal_explorer_keeps_each_choice_and_matches_the_plain_computation(monkeypatch):
    from netlearn.widgets import leadership as module
    from netlearn.widgets.leadership import removal_explorer, removal_table

    drawn = _count_calls(monkeypatch, module, "draw_without")
    net = netlearn.load_dataset("q_community")
    explorer = removal_explorer(net, "advice")
    first, picture = explorer.result, bytes(explorer.picture.value)
    leaders = explorer.removed
    explorer.restore_button.click()
    assert explorer.result is not first and len(drawn) == 2
    explorer.leader_button.click()
    assert explorer.removed == leaders
    assert explorer.result is first and len(drawn) == 2 and bytes(explorer.picture.value) == picture
    _assert_tables_equal(first, removal_table(net.graph("advice"), leaders, backend="networkx"))


@pytest.mark.parametrize("directed", [False, True])
def test_removal_table_is_the_same_on_both_paths(directed):
    from netlearn.widgets.leadership import removal_table

    G = nx.krackhardt_kite_graph()
    G = nx.relabel_nodes(G, {i: name for i, name in enumerate("Andre Beverly Carol Diane Ed Fernando Garth "
                                                               "Heather Ike Jane".split())})
    if directed:
        G = G.to_directed()
        G.remove_edges_from([("Heather", "Ike"), ("Carol", "Andre")])
    saved = None
    for removed in ([], ["Heather"], ["Diane", "Fernando"], ["Heather", "Ike"]):
        fast = removal_table(G, removed, backend="igraph", before=saved)
        saved = fast.attrs["before"]
        _assert_tables_equal(fast, removal_table(G, removed, backend="networkx"))
    assert removal_table(G, ["Heather"]).loc["cut off", "after"] == 2     # Ike and Jane lose their only link


def test_viewpoints_explorer_keeps_each_scenario_and_chart(monkeypatch):
    from netlearn.membership import compare_membership
    from netlearn.widgets import viewpoints as module
    from netlearn.widgets.viewpoints import VOICE_CHOICES, changed_network, viewpoints_explorer

    drawn = _count_calls(monkeypatch, module, "perspective_chart")
    q = netlearn.load_dataset("q_community")
    explorer = viewpoints_explorer(q)
    explorer.change.value = 5
    result = explorer.result
    assert len(drawn) == 2
    explorer.links.value = explorer.links.value + 1       # same members, other ties: the same chart
    assert explorer.result is not result and len(drawn) == 2
    explorer.links.value = explorer.links.value - 1
    assert explorer.result is result and len(drawn) == 2
    fresh = compare_membership(explorer.G, changed_network(explorer.G, 5, voices=VOICE_CHOICES["patients"],
                                                           links=explorer.links.value, group="region"))
    pd.testing.assert_frame_equal(result, fresh)


def test_workstream_explorer_keeps_each_workstream(monkeypatch):
    from netlearn.partnership import workstream_view
    from netlearn.widgets import stp as module
    from netlearn.widgets.stp import workstream_explorer

    drawn = _count_calls(monkeypatch, module, "draw_partnership")
    devon = netlearn.load_dataset("devon_stp")
    explorer = workstream_explorer(devon)
    view, summary = explorer.view, explorer.figure_summary
    explorer.next.click()
    assert explorer.view is not view and len(drawn) == 2
    explorer.previous.click()
    assert explorer.view is view and len(drawn) == 2 and explorer.figure_summary == summary
    fresh = workstream_view(devon, view.workstream)
    pd.testing.assert_frame_equal(view.organisations, fresh.organisations)
    pd.testing.assert_frame_equal(view.spanners, fresh.spanners)


def test_helper_finder_keeps_each_search_and_drawing(monkeypatch):
    from netlearn.matching import find_helpers
    from netlearn.widgets import matching as module
    from netlearn.widgets.matching import helper_finder

    drawn = _count_calls(monkeypatch, module, "draw_network")
    net = netlearn.load_dataset("q_community")
    finder = helper_finder(net, member="q001")
    result = finder.result
    reach = finder.reach.value
    finder.reach.value = [v for _, v in finder.reach.options if v != reach][0]
    count = len(drawn)
    finder.reach.value = reach
    assert finder.result is result and len(drawn) == count
    fresh = find_helpers(finder.G, "q001", finder.topic.value, max_introductions=reach, top=finder.top)
    pd.testing.assert_frame_equal(result, fresh)


def test_self_assessment_draws_each_set_of_answers_once(tmp_path):
    from netlearn.diagnostics import self_assessment

    form = self_assessment("network_maturity_matrix", folder=tmp_path)
    first = form.controls["purpose"] if "purpose" in form.controls else next(iter(form.controls.values()))
    first.value = 2
    figure, data = form.figure, form.chart_data
    first.value = 3
    assert form.figure is not figure
    first.value = 2
    assert form.figure is figure and form.chart_data == data


def test_workshop_view_reads_unchanged_files_once(tmp_path):
    from netlearn.diagnostics import workshop_view
    from netlearn.diagnostics.matrix import read_matrix, table_conversation

    answers = tmp_path / "room.csv"
    answers.write_bytes((netlearn.datasets_folder() / "responses" / "matrix_workshop.csv").read_bytes())
    view = workshop_view("network_maturity_matrix", answers)
    responses, conversation = view.responses, view.conversation
    view.load_button.click()
    assert view.responses is responses and view.conversation is conversation
    stat = answers.stat()
    os.utime(answers, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))   # saved again: read again
    view.load_button.click()
    assert view.responses is not responses
    fresh = table_conversation(read_matrix(answers, view.instrument, keep="last"))
    pd.testing.assert_frame_equal(view.conversation, fresh)
    pd.testing.assert_frame_equal(conversation, fresh)


# --------------------------------------------------------------------------- charts drawn into a kept frame
def _pixels(png):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)))


def test_a_radar_drawn_into_the_first_ones_frame_is_the_same_picture():
    import numpy as np

    from netlearn.diagnostics import load_instrument, radar_chart
    from netlearn.diagnostics.widgets import _chart_shape
    from netlearn.drawing import figure_png, figure_png_in_frame

    matrix = load_instrument("network_maturity_matrix")
    names = {d.id: d.name for d in matrix.dimensions}

    def chart(now, target):
        fig = radar_chart(dict(zip(matrix.dimension_ids, now)), dict(zip(matrix.dimension_ids, target)),
                          labels=names, scale=(1, 5), title="Your view: now and target")
        fig.set_size_inches(5, 5)
        return fig

    n = len(matrix.dimension_ids)
    frames = {}
    first = chart([float("nan")] * n, [float("nan")] * n)          # nothing answered yet
    figure_png_in_frame(first, frames, _chart_shape(first), dpi=100)
    later = [([2.0] * n, [4.0] * n), ([1.0, 5.0] * (n // 2) + [3.0] * (n % 2), [float("nan")] * n)]
    for now, target in later:
        kept = chart(now, target)
        fresh = figure_png(chart(now, target), dpi=100)
        reused = figure_png_in_frame(kept, frames, _chart_shape(kept), dpi=100)
        assert kept.get_layout_engine() is None                     # drawn in one pass, without re-measuring
        assert np.array_equal(_pixels(reused), _pixels(fresh))
    assert len(frames) == 1


def test_the_viewpoints_chart_drawn_into_a_kept_frame_is_the_same_picture():
    import numpy as np

    from netlearn.drawing import figure_png
    from netlearn.widgets.viewpoints import VOICE_CHOICES, changed_network, perspective_chart, viewpoints_explorer

    q = netlearn.load_dataset("q_community")
    explorer = viewpoints_explorer(q)
    for change in (3, 4, -2):
        explorer.change.value = change
        fresh = figure_png(perspective_chart(explorer.G, changed_network(
            explorer.G, change, voices=VOICE_CHOICES["patients"], links=explorer.links.value, group="region")))
        assert np.array_equal(_pixels(bytes(explorer.picture.value)), _pixels(fresh))
    assert len(explorer._frames) == 1
