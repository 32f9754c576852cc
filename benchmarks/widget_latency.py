"""How long every widget of the course takes to answer a change, measured inside a real kernel.

A learner feels a widget as slow when the picture or table takes more than about a tenth of a
second to follow their click. This script starts a Jupyter kernel (the same ``ipykernel`` the
course runs in, with matplotlib's inline back end), builds each widget the way the notebooks do,
then walks the widget's tree and drives every control it finds: each dropdown, toggle and radio
button goes through several of its options, each slider to several positions, each text box gets
several texts, each check box is ticked and unticked, each button is pressed. Every change is
timed in the kernel with ``time.perf_counter`` around the assignment (ipywidgets runs the
callback, including drawing and displaying the chart, before the assignment returns).

The budget is 150 ms per change (median). The table prints, for each control, how many changes
were timed, the median and the slowest, and the median as a share of the budget (1.00 = on
budget). Widgets keep what they have computed and drawn, so a value seen before comes back at
once: the "first time" column is the median over the first round only, when each value is new
to the widget (the cost a learner pays once per choice). ``build`` rows time creating the widget
itself, once. The last two columns are the processor time the kernel spent (all changes, first
round): on a machine shared with other work they show what a change costs when the wall-clock
times are inflated by waiting for a processor.

Run from the repository root::

    .venv/bin/python benchmarks/widget_latency.py              # every widget, 3 rounds
    .venv/bin/python benchmarks/widget_latency.py 5 roles      # 5 rounds, only widgets whose name has "roles"

Files the widgets save (answers, reports, progress) go to a temporary folder that is removed
at the end.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MS = 150.0

#: Each widget as a notebook creates it: (name, setup code, expression giving the widget).
CASES = [
    ("01 purpose_checker", "from netlearn.widgets.purpose import purpose_checker", "purpose_checker()"),
    ("01 agreement_explorer",
     "import netlearn\nfrom netlearn.widgets.purpose import agreement_explorer\n"
     "net = netlearn.load_dataset('q_community')", "agreement_explorer(net)"),
    ("01 reasons_explorer",
     "import netlearn\nfrom netlearn.widgets.purpose import reasons_explorer\n"
     "net = netlearn.load_dataset('q_community')", "reasons_explorer(net)"),
    ("02 role_explorer", "from netlearn.widgets.roles import role_explorer", "role_explorer()"),
    ("03 removal_explorer",
     "import netlearn\nfrom netlearn.widgets.leadership import removal_explorer\n"
     "net = netlearn.load_dataset('q_community')", "removal_explorer(net, 'advice')"),
    ("04 viewpoints_explorer",
     "import netlearn\nfrom netlearn.widgets.viewpoints import viewpoints_explorer\n"
     "q = netlearn.load_dataset('q_community')", "viewpoints_explorer(q)"),
    ("05 workstream_explorer",
     "import netlearn\nfrom netlearn.widgets.stp import workstream_explorer\n"
     "net = netlearn.load_dataset('devon_stp')", "workstream_explorer(net)"),
    ("06 governance_explorer",
     "import netlearn\nfrom netlearn.partnership import governance_inputs\n"
     "from netlearn.widgets.governance import governance_explorer\n"
     "q = netlearn.load_dataset('q_community')\ndevon = netlearn.load_dataset('devon_stp')\n"
     "q_inputs = governance_inputs(q)\ndevon_inputs = governance_inputs(devon)",
     "governance_explorer({'Q community (synthetic)': q_inputs, 'Devon STP (real names, invented people)': "
     "devon_inputs})"),
    ("07 listening_coach", "from netlearn.widgets.listening import listening_coach", "listening_coach()"),
    ("07 self_assessment curiosity",
     "from netlearn.diagnostics import load_instrument, self_assessment\n"
     "curiosity = load_instrument('curiosity_practice')", "self_assessment(curiosity)"),
    ("08 self_assessment matrix",
     "from netlearn.diagnostics import load_instrument, self_assessment\n"
     "matrix_instrument = load_instrument('network_maturity_matrix')", "self_assessment(matrix_instrument)"),
    ("08 workshop_view",
     "import netlearn\nfrom netlearn.diagnostics import load_instrument, workshop_view\n"
     "matrix_instrument = load_instrument('network_maturity_matrix')\n"
     "ROOM = netlearn.datasets_folder() / 'responses'",
     "workshop_view(matrix_instrument, ROOM / 'matrix_workshop.csv')"),
    ("09 helper_finder",
     "import netlearn\nfrom netlearn.widgets.matching import helper_finder\n"
     "net = netlearn.load_dataset('q_community')", "helper_finder(net, member='q001')"),
    ("10 network_loader", "from netlearn.widgets import own_network as own", "own.network_loader()"),
    ("10 broken_file_gallery", "from netlearn.widgets import own_network as own",
     "own.broken_file_gallery('misspelt column')"),
    ("10 own_network_explorer",
     "from netlearn.widgets import own_network as own\nloader = own.network_loader()",
     "own.own_network_explorer(loader)"),
    ("07 peer_consultation", "from netlearn.widgets.peer_consultation import peer_consultation",
     "peer_consultation(people=14, minutes=60)"),
    ("08 table_entry_view",
     "from netlearn.diagnostics import load_instrument, table_entry_view\n"
     "matrix_instrument = load_instrument('network_maturity_matrix')", "table_entry_view(matrix_instrument, tables=4)"),
    ("11 story_builder", "from netlearn.widgets.value import story_builder", "story_builder()"),
    ("11 plan_builder",
     "import netlearn\nfrom netlearn.diagnostics import read_responses\nfrom netlearn.widgets.value import plan_builder\n"
     "advice = netlearn.load_dataset('q_community').graph('advice')\n"
     "health = read_responses(netlearn.datasets_folder() / 'responses' / 'health_check.csv', 'network_health_check')",
     "plan_builder(graph=advice, group='region', health=health)"),
    ("ex prediction", "from netlearn.exercises import how_exercises_work as ex", "ex.q6.show()"),
    ("ex decision", "from netlearn.exercises import distributed_leadership as ex", "ex.q9.show()"),
    ("ex concept question", "from netlearn.exercises import how_exercises_work as ex", "ex.q4.show()"),
    ("ex reflection", "from netlearn.exercises import how_exercises_work as ex", "ex.q5.show()"),
    ("ex progress", "from netlearn.exercises import how_exercises_work as ex", "ex.progress()"),
    ("00 widget_check", "from netlearn.environment import widget_check", "widget_check()"),
    ("00 course_progress", "from netlearn.exercises import course_progress", "course_progress()"),
]

#: Runs inside the kernel: finds a widget's controls, drives them and prints one JSON line per timing.
DRIVER = r'''
import json as _json, math as _math, time as _time
import ipywidgets as _w
from IPython.display import display as _display

_TEXTS = {
    "members.csv": [str(_TEMPLATES / "members.csv"), "", str(_TEMPLATES / "members.csv")],
    "ties.csv": [str(_TEMPLATES / "ties.csv"), "", str(_TEMPLATES / "ties.csv")],
    "relations.csv": [str(_TEMPLATES / "relations.csv"), ""],
    "Answers (file or folder)": [str(_RESPONSES / "health_check.csv"), str(_RESPONSES / "matrix_workshop.csv")],
}
_SAMPLES = ["We bring GPs, nurses and carers together to cut falls at home by a fifth by 2027.",
            "Have you tried asking the practice managers?",
            "It sounds like that has been hard. What have you tried so far?",
            "Table 3"]


def _label(widget):
    for attribute in ("description", "tooltip", "placeholder"):
        text = str(getattr(widget, attribute, "") or "").strip()
        if text:
            return f"{type(widget).__name__} '{text[:38]}'"
    return type(widget).__name__


def _find_widgets(obj):
    """The ipywidgets of ``obj``: itself if it is one, else the widgets among its attributes."""
    if isinstance(obj, _w.Widget):
        return [obj]
    found = []
    for value in vars(obj).values():
        if isinstance(value, _w.Box):
            found.append(value)
    return found or [v for v in vars(obj).values() if isinstance(v, _w.Widget)]


def _controls(roots):
    seen, found = set(), []

    def walk(widget):
        if id(widget) in seen:
            return
        seen.add(id(widget))
        if isinstance(widget, _w.Box):
            for child in widget.children:
                walk(child)
        elif isinstance(widget, (_w.Button, _w.ValueWidget)) and not isinstance(
                widget, (_w.HTML, _w.HTMLMath, _w.Label, _w.Image, _w.Output, _w.Valid, _w.FileUpload,
                         _w.IntProgress, _w.FloatProgress)):
            found.append(widget)

    for root in roots:
        walk(root)
    return found


def _values(widget, rounds):
    """The values to give a control, each different from the one before."""
    if isinstance(widget, _w.SelectMultiple):
        n = len(widget.options)
        picks = [(i,) for i in range(min(n, 3))] + [tuple(range(min(n, 2)))]
        return ["index", (picks * rounds)]
    if isinstance(widget, (_w.Dropdown, _w.ToggleButtons, _w.RadioButtons, _w.Select, _w.SelectionSlider)):
        n = len(widget.options)
        if n < 2:
            return ["index", []]
        spread = sorted({0, n - 1, n // 2, n // 3, (2 * n) // 3})
        order = [i for i in spread if i != widget.index] + ([widget.index] if widget.index is not None else [])
        return ["index", order * rounds]
    if isinstance(widget, (_w.Checkbox, _w.ToggleButton)):
        return ["value", [not widget.value, widget.value] * rounds]
    if isinstance(widget, (_w.IntSlider, _w.FloatSlider, _w.BoundedIntText, _w.BoundedFloatText,
                           _w.IntRangeSlider, _w.FloatRangeSlider)):
        lo, hi = widget.min, widget.max
        if isinstance(widget, (_w.IntRangeSlider, _w.FloatRangeSlider)):
            return ["value", [(lo, hi), (lo, (lo + hi) / 2), ((lo + hi) / 2, hi)] * rounds]
        cast = int if isinstance(widget, (_w.IntSlider, _w.BoundedIntText)) else float
        points = [cast(lo + (hi - lo) * f) for f in (0.25, 1.0, 0.0, 0.5, 0.75)]
        out = []
        for value in points * rounds:
            if not out or value != out[-1]:
                out.append(value)
        return ["value", [v for v in out if v != widget.value or out.index(v) > 0]]
    if isinstance(widget, (_w.Text, _w.Textarea)):
        texts = _TEXTS.get(str(widget.description), _SAMPLES)
        return ["value", [t for t in texts * rounds]]
    if isinstance(widget, _w.Button):
        return ["click", [None] * rounds]
    return ["skip", []]


def _measure(name, make, rounds):
    start, cpu = _time.perf_counter(), _time.process_time()
    obj = make()
    build, build_cpu = (_time.perf_counter() - start) * 1000, (_time.process_time() - cpu) * 1000
    out = _w.Output()
    with out:
        _display(obj)
    print("@@" + _json.dumps({"widget": name, "control": "build", "times": [build], "cpu": [build_cpu],
                              "first": 1}))
    roots = _find_widgets(obj)
    controls = _controls(roots)
    labels = {}
    for control in controls:
        label = _label(control)
        labels[label] = labels.get(label, 0) + 1
        if labels[label] > 1:
            label = f"{label} #{labels[label]}"
        kind, values = _values(control, rounds)
        times, cpus = [], []
        for value in values:
            if getattr(control, "disabled", False):
                break
            start, cpu = _time.perf_counter(), _time.process_time()
            if kind == "click":
                control.click()
            elif kind == "index":
                control.index = value
            else:
                control.value = value
            times.append((_time.perf_counter() - start) * 1000)
            cpus.append((_time.process_time() - cpu) * 1000)
        if times:
            first = max(1, len(values) // rounds)  # the first round: each value shown for the first time
            print("@@" + _json.dumps({"widget": name, "control": label, "times": times, "cpu": cpus,
                                      "first": first}))
'''


def _run(code, client, timeout=900):
    lines, errors = [], []

    def hook(message):
        kind, content = message["header"]["msg_type"], message["content"]
        if kind == "stream":
            lines.extend(line for line in content["text"].splitlines() if line.startswith("@@"))
        elif kind == "error":
            errors.append("\n".join(content["traceback"]))

    reply = client.execute_interactive(code, output_hook=hook, timeout=timeout, store_history=False)
    if reply["content"]["status"] != "ok" or errors:
        raise RuntimeError("the kernel raised an error:\n" + "\n".join(errors))
    return [json.loads(line[2:]) for line in lines]


def measure(rounds=3, only=None):
    """Every widget's timings: a list of dicts widget, control, times (ms)."""
    from jupyter_client.manager import start_new_kernel

    workdir = Path(tempfile.mkdtemp(prefix="netlearn-widget-bench-"))
    env = {**os.environ, "NETLEARN_PROGRESS": str(workdir / "progress.json"), "HOME": str(workdir),
           "MPLBACKEND": "module://matplotlib_inline.backend_inline",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(workdir), env=env)
    results = []
    try:
        _run(f"_TEMPLATES = __import__('pathlib').Path({str(ROOT / 'datasets' / 'templates')!r})\n"
             f"_RESPONSES = __import__('pathlib').Path({str(ROOT / 'datasets' / 'responses')!r})\n"
             "%matplotlib inline\n" + DRIVER, client)
        for name, setup, expression in CASES:
            if only and not any(word in name for word in only):
                continue
            _run(setup, client)
            results += _run(f"_measure({name!r}, lambda: {expression}, {rounds})", client)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
        shutil.rmtree(workdir, ignore_errors=True)
    return results


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def report(results):
    print(f"widget latency benchmark - budget {BUDGET_MS:.0f} ms per change (median)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print(f"{'':30s} {'':46s} {'':3s} {'all changes':^29s} {'first time':^10s} {'processor ms':^17s}")
    print(f"{'widget':30s} {'control':46s} {'n':>3s} {'median ms':>10s} {'max ms':>8s} {'x budget':>9s} "
          f"{'median ms':>10s} {'median':>8s} {'first':>8s}")
    over = []
    for row in results:
        median = _median(row["times"])
        ratio = median / BUDGET_MS
        if row["control"] != "build" and ratio > 1:
            over.append(f"{row['widget']}: {row['control']}")
        first = row["first"]
        print(f"{row['widget']:30s} {row['control'][:46]:46s} {len(row['times']):3d} {median:10.1f} "
              f"{max(row['times']):8.1f} {ratio:9.2f} {_median(row['times'][:first]):10.1f} "
              f"{_median(row['cpu']):8.1f} {_median(row['cpu'][:first]):8.1f}")
    controls = [r for r in results if r["control"] != "build"]
    print()
    print(f"{len(controls)} controls timed; {len(over)} over budget" + (": " + "; ".join(over) if over else ""))


if __name__ == "__main__":
    arguments = sys.argv[1:]
    rounds = int(arguments.pop(0)) if arguments and arguments[0].isdigit() else 3
    report(measure(rounds, arguments or None))
