"""What the learner sees: run every notebook and exercise notebook, drive every widget they show,
and fail on output no learner should meet - a figure printed as text, an ``object at 0x...``, a
dataclass or NumPy repr, a pandas ``dtype:`` footer, a warning, a traceback, a float with more than
four decimals - or a cell that draws without showing a picture.

The rules live in ``tests/learner_view.py`` (its docstring lists them); the first half of this file
tries each rule on hand-made outputs, one example that must fail and one that must pass.

The second half executes each notebook with nbclient in a kernel of the current environment
(one kernel per notebook, in a temporary folder, so nothing is written next to the notebooks).
After the last cell, every widget a cell displayed is driven in the same kernel: each list gets
another option, each slider a step, each box a tick, each empty text box a sentence and each
button a press, one at a time (at most ``learner_view.MAX_ACTIONS`` per widget). After each action
the rules are applied to the widget as the front end (nbclient, standing in for JupyterLab) holds
it: its HTML and label values, its control captions and the outputs of its Output widgets.

nbval runs the same notebooks for errors; this test runs them a second time because it needs the
kernel afterwards to drive the widgets, which nbval's per-cell items do not offer.
"""

from __future__ import annotations

import base64
import json
import struct
import sys
from pathlib import Path

import nbformat
import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import learner_view as lv  # noqa: E402

REPO = HERE.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "exercises").glob("*.ipynb"))
CURRENT_ENV_KERNEL = ":learner-view-current-env"


def png(width, height):
    """A PNG header (all the rules read) for a picture of the given size, as base64 text."""
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + struct.pack(">II", width, height) + b"\x08\x06\x00\x00\x00"
    return base64.b64encode(header).decode()


def shown(data, kind="display_data"):
    return {"output_type": kind, "data": data, "metadata": {}}


def rules(output):
    return [problem.rule for problem in lv.output_problems(output, "here")]


# --- each rule, failing and passing ---------------------------------------------------------------


def test_a_figure_repr_without_a_picture_fails_and_with_one_passes():
    text = "<Figure size 720x720 with 1 Axes>"
    assert rules(shown({"text/plain": text}, "execute_result")) == ["figure as text"]
    assert rules(shown({"text/plain": text, "image/png": png(720, 720)}, "execute_result")) == []
    assert rules(shown({"text/plain": "<Axes: title={'center': 'Roles'}>"})) == ["figure as text"]
    assert rules(shown({"text/plain": "Text(0.5, 1.0, 'Who asks whom')"})) == ["figure as text"]
    # An artist with an address is a figure shown as text, reported once.
    assert rules(shown({"text/plain": "[<matplotlib.lines.Line2D at 0x7f3a2c1d0e50>]"})) == ["figure as text"]
    assert rules(shown({"text/plain": "The figure is 720 by 720 pixels with 1 set of axes."})) == []


def test_an_object_at_an_address_fails():
    assert rules(shown({"text/plain": "<netlearn.leadership.Removal object at 0x7f3a2c1d0e50>"})) == [
        "memory address"]
    assert rules({"output_type": "stream", "name": "stdout",
                  "text": "result: <function coach at 0x10a2b3c40>\n"}) == ["memory address"]
    assert rules(shown({"text/plain": "Address: 10 Downing Street, at 0x no one lives"})) == []


def test_a_dataclass_or_namedtuple_repr_fails():
    found = lv.output_problems(shown({"text/plain": "SharedLeadership(density=0.0108389, members=150)"}), "Cell 5")
    assert [p.rule for p in found] == ["record repr", "long float"]
    assert str(found[0]) == "Cell 5: record repr: SharedLeadership(density=0.0108389, members=150)"
    assert rules(shown({"text/plain": "Reliance(share=0.31, leaders=3)"})) == ["record repr"]
    # Prose and code with a lower-case or dotted call are not reprs.
    assert rules(shown({"text/plain": "Shared leadership (density 0.0108) is low."})) == []
    assert rules(shown({"text/markdown": "`draw_network(G, highlight=lead)` or `pd.DataFrame(index=ids)`"})) == []


def test_a_numpy_scalar_or_array_repr_fails():
    assert rules(shown({"text/plain": "np.float64(0.4)"}, "execute_result")) == ["numpy repr"]
    assert rules(shown({"text/plain": "(np.int64(3), np.int64(5))"})) == ["numpy repr"]
    assert rules(shown({"text/plain": "array([0.25, 0.75])"})) == ["numpy repr"]
    assert rules(shown({"text/plain": "0.4"}, "execute_result")) == []
    assert rules(shown({"text/markdown": "Use `np.mean(values)` on the array (a list of numbers)."})) == []


def test_a_pandas_dtype_footer_fails():
    series = "q001    3\nq002    5\nName: x, dtype: int64"
    assert rules(shown({"text/plain": series}, "execute_result")) == ["pandas footer"]
    assert rules(shown({"text/plain": "a    0.25\nb    0.75\ndtype: float64"})) == ["pandas footer"]
    assert rules(shown({"text/plain": "0    a\nLength: 4500, dtype: object"})) == ["pandas footer"]
    # The same Series as an HTML table shows no footer; prose about dtypes is fine.
    assert rules(shown({"text/plain": series, "text/html": "<table><tr><td>q001</td><td>3</td></tr></table>"})) == []
    assert rules({"output_type": "stream", "name": "stdout",
                  "text": "Check the column's dtype: it should hold numbers.\n"}) == []


def test_a_float_with_more_than_four_decimals_fails():
    for text in ("0.123456", "W = 0.40123 (weak)", "gap 1.234567e-05 s", "W is 0.123456."):
        assert rules(shown({"text/plain": text})) == ["long float"], text
    for text in ("0.1235", "2026-12-06", "member q062", "release 1.2.345678", "abc1.234567x", "£12,345.67",
                 "127.0.0.1", "ids q00012 and x0.00001y"):
        assert rules(shown({"text/plain": text})) == [], text
    # Inside an HTML table the learner reads the numbers too, but not the styles.
    table = "<style>td {width: 0.123456em}</style><table><tr><td>0.0108389</td></tr></table>"
    assert rules(shown({"text/html": table, "text/plain": "0.01"})) == ["long float"]
    assert rules(shown({"text/html": "<style>td {width: 0.123456em}</style><p>0.01</p>"})) == []


def test_a_printed_warning_fails_only_on_stderr():
    warning = "/venv/lib/python3.11/site-packages/x.py:12: FutureWarning: the default will change\n"
    assert rules({"output_type": "stream", "name": "stderr", "text": warning}) == ["warning"]
    assert rules({"output_type": "stream", "name": "stderr", "text": "Warning: 3 rows were blank\n"}) == ["warning"]
    assert rules({"output_type": "stream", "name": "stderr", "text": "100%|#####| 4500/4500\n"}) == []
    assert rules({"output_type": "stream", "name": "stdout", "text": "An early warning sign: few ties.\n"}) == []


def test_a_traceback_or_an_error_output_fails():
    error = {"output_type": "error", "ename": "KeyError", "evalue": "'Dianne'", "traceback": ["..."]}
    assert lv.output_problems(error, "Cell 2") == [lv.Problem("Cell 2", "error", "KeyError: 'Dianne'")]
    printed = "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: no\n"
    assert rules({"output_type": "stream", "name": "stderr", "text": printed}) == ["traceback"]
    assert rules(shown({"text/plain": "Cell In[3], line 1\n----> 1 G.degree['x']"})) == ["traceback"]
    assert rules({"output_type": "stream", "name": "stdout", "text": "The trace back to the source is clear.\n"}) == []


def test_what_the_page_shows_is_the_richest_representation():
    assert lv.shown_mimetype({"text/plain": "x", "image/png": png(9, 9)}) == "image/png"
    assert lv.shown_mimetype({"text/plain": "x", "text/html": "<b>x</b>", "image/png": png(9, 9)}) == "text/html"
    assert lv.shown_mimetype({"text/plain": "VBox()", lv.WIDGET_MIME: {"model_id": "m"}}) == lv.WIDGET_MIME
    assert lv.html_text("<p>a &amp; b</p><script>var x = 0.123456;</script>") == "\na & b"


def test_pictures_are_measured_from_the_png_header():
    assert lv.png_size(png(640, 480)) == (640, 480)
    assert lv.png_size(base64.b64encode(b"GIF89a" + bytes(30)).decode()) is None
    assert lv.output_pictures(shown({"image/png": png(300, 200), "text/plain": "<Figure>"})) == [(300, 200)]
    assert lv.output_pictures(shown({"text/html": f'<img alt="x" src="data:image/png;base64,{png(500, 400)}">'})) == [
        (500, 400)]
    assert lv.output_pictures(shown({"image/svg+xml": "<svg/>"})) == [None]
    assert lv.output_pictures(shown({"text/plain": "no picture"})) == []


def test_a_cell_that_draws_must_show_a_picture():
    def cell(source, outputs, tags=None):
        return {"cell_type": "code", "source": source, "metadata": {"tags": tags or []}, "outputs": outputs}

    summary = {"output_type": "stream", "name": "stdout", "text": "A network of 34 members.\n"}
    code = 'fig = draw_network(club, color_by="side")\nprint(fig.summary)'
    assert [p.rule for p in lv.cell_problems(cell(code, [summary]), "Cell 2")] == ["no picture"]
    assert lv.cell_problems(cell(code, [shown({"image/png": png(800, 600)}), summary]), "Cell 2") == []
    # A speck is not a picture; a tag marks a drawing cell the names do not reveal.
    speck = lv.cell_problems(cell(code, [shown({"image/png": png(20, 10)})]), "Cell 2")
    assert speck == [lv.Problem("Cell 2", "no picture", "the cell draws but shows pictures of 20x10 px only")]
    assert [p.rule for p in lv.cell_problems(cell("show(G)", [summary], tags=["draws"]), "Cell 3")] == ["no picture"]
    for source in ("fig = likert_chart(health)", "fig = matrix_heatmap(talk)", "fig, ax = plt.subplots()",
                   "purpose.plot_agreement_by_group(w)", "table_radar(talk, 'Table 1')", "df.plot.bar()"):
        assert lv.cell_draws({"source": source, "metadata": {}}), source
    for source in ("from netlearn.drawing import draw_network", "print(fig.summary)  # from draw_network(G)",
                   "role_explorer()", "net.summary()"):
        assert not lv.cell_draws({"source": source, "metadata": {}}), source


# --- widgets ----------------------------------------------------------------------------------------


def test_a_widget_view_collects_html_labels_captions_and_output_widgets():
    ref = lv.REF_PREFIX
    state = {
        "root": {"_model_name": "VBoxModel", "children": [ref + "pick", ref + "text", ref + "out", ref + "gone"]},
        "pick": {"_model_name": "DropdownModel", "description": "Region", "_options_labels": ["North", "South"]},
        "text": {"_model_name": "HTMLModel", "value": "<p>W = 0.401234</p>"},
        "out": {"_model_name": "OutputModel", "outputs": [
            shown({"text/plain": "<Figure size 640x480 with 1 Axes>"}),
            shown({lv.WIDGET_MIME: {"model_id": "inner"}, "text/plain": "Label()"})]},
        "inner": {"_model_name": "LabelModel", "value": "Name: x, dtype: int64"},
        "elsewhere": {"_model_name": "HTMLModel", "value": "<p>0.999999</p>"},
    }
    assert lv.widget_tree(state, "root") == ["root", "pick", "text", "out", "inner"]
    found = lv.widget_problems(state, "root", "widget of Cell 1")
    assert [(p.where, p.rule) for p in found] == [
        ("widget of Cell 1 [HTML]", "long float"),
        ("widget of Cell 1 [Output]", "figure as text"),
        ("widget of Cell 1 [Label]", "pandas footer"),
    ]
    state["text"]["value"] = "<p>W = 0.40</p>"
    state["out"]["outputs"] = state["out"]["outputs"][1:]
    state["inner"]["value"] = "Most divisive: spread improvements"
    assert lv.widget_problems(state, "root", "widget") == []


def test_control_actions_cover_every_kind_of_control_once():
    import ipywidgets as w

    pressed = []
    region = w.Dropdown(options=[("Choose", None), ("North", "n"), ("South", "s")], value=None, description="Region")
    top = w.IntSlider(value=30, min=5, max=30, step=5, description="Top share")
    names = w.Checkbox(value=False, description="Show names")
    draft = w.Textarea(value="", description="Your draft")
    folder = w.Text(value="my_responses", description="Folder")
    button = w.Button(description="Check")
    button.on_click(lambda _b: pressed.append(draft.value))
    locked = w.Dropdown(options=["a", "b"], description="Locked", disabled=True)
    out = w.Output()
    out.outputs = (shown({lv.WIDGET_MIME: {"model_id": names.model_id}, "text/plain": "Checkbox()"}),)
    root = w.VBox([w.HBox([region, top]), w.HTML("<p>hello</p>"), out, draft, folder, button, locked])
    assert lv.find_widget(root.model_id) is root

    actions = lv.control_actions(root)
    assert [description for description, _act in actions] == [
        "choosing 'North' in 'Region'", "moving 'Top share' to 25", "switching 'Show names'",
        "typing in 'Your draft'", "pressing 'Check'"]
    for _description, act in actions:
        act()
    assert (region.value, top.value, names.value) == ("n", 25, True)
    assert pressed == [lv.SAMPLE_TEXT] and folder.value == "my_responses"
    assert json.loads(lv.json_descriptions(actions[:1])) == ["choosing 'North' in 'Region'"]
    assert len(lv.control_actions(root, limit=2)) == 2


# --- every notebook, as a learner runs it --------------------------------------------------------------


def _current_env_kernel_manager():
    import ipykernel.kernelspec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    class CurrentEnv(KernelSpecManager):
        """Kernel specs plus one for this Python (as nbval's --nbval-current-env does)."""

        def get_kernel_spec(self, kernel_name):
            if kernel_name == CURRENT_ENV_KERNEL:
                return self.kernel_spec_class(resource_dir=ipykernel.kernelspec.RESOURCES,
                                              **ipykernel.kernelspec.get_kernel_dict())
            return super().get_kernel_spec(kernel_name)

    return KernelManager(kernel_name=CURRENT_ENV_KERNEL, kernel_spec_manager=CurrentEnv())


class LearnerRun:
    """One notebook run in one kernel, then its widgets driven; ``problems`` holds what was found."""

    def __init__(self, path, workdir):
        from nbclient import NotebookClient

        self.path = path
        self.notebook = nbformat.read(path, as_version=4)
        self.client = NotebookClient(self.notebook, km=_current_env_kernel_manager(), timeout=600,
                                     allow_errors=True, resources={"metadata": {"path": str(workdir)}})
        self.problems = []
        self.actions = 0

    def execute(self, source):
        """Run extra code in the notebook's kernel; return the cell with its outputs."""
        cell = nbformat.v4.new_code_cell(source)
        self.notebook.cells.append(cell)
        self.client.execute_cell(cell, len(self.notebook.cells) - 1, store_history=False)
        return cell

    def run(self):
        with self.client.setup_kernel():
            shown_widgets = []
            code_index = -1
            for index, cell in enumerate(list(self.notebook.cells)):
                if cell.cell_type != "code":
                    continue
                code_index += 1
                self.client.execute_cell(cell, index)
                where = lv.cell_label(code_index, cell)
                self.problems += lv.cell_problems(cell, where)
                if any(output.output_type == "error" for output in cell.outputs):
                    return self  # the learner's run stops here too
                shown_widgets += [(where, model_id) for model_id in lv.widget_ids_in_outputs(cell.outputs)]
            if shown_widgets:
                self.drive(shown_widgets)
        return self

    def drive(self, shown_widgets):
        self._driver_ok(self.execute(lv.DRIVER_SETUP.format(path=str(HERE / "learner_view.py"))), "setting up")
        for where, model_id in shown_widgets:
            label = f"widget of {where}"
            self._add(lv.widget_problems(self.client.widget_state, model_id, f"{label} as first shown"))
            listing = self.execute(lv.DRIVER_LIST.format(model_id=model_id))
            if not self._driver_ok(listing, f"listing the controls of {label}"):
                continue
            text = "".join(o.text for o in listing.outputs if o.output_type == "stream" and o.name == "stdout")
            for index, description in enumerate(json.loads(text.strip().splitlines()[-1])):
                self.actions += 1
                acted = self.execute(lv.DRIVER_ACT.format(model_id=model_id, index=index))
                after = f"{label} after {description}"
                # Output printed outside the widget goes to JupyterLab's log, not the page: only
                # errors, tracebacks and warnings there count (they mean the widget broke).
                self._add([problem for output in acted.outputs for problem in lv.output_problems(output, after)
                           if problem.rule in ("error", "traceback", "warning")])
                self._add(lv.widget_problems(self.client.widget_state, model_id, after))

    def _driver_ok(self, cell, doing):
        errors = [o for o in cell.outputs if o.output_type == "error"]
        for error in errors:
            self.problems.append(lv.Problem(f"driver, {doing}", "error", f"{error.ename}: {error.evalue}"))
        return not errors

    def _add(self, problems):
        """Add problems, each (rule, quoted text) once per widget: the first action that showed it."""
        for problem in problems:
            widget = problem.where.split(" after ")[0].split(" as first shown")[0]
            if not any(p.rule == problem.rule and p.text == problem.text and p.where.startswith(widget)
                       for p in self.problems):
                self.problems.append(problem)


@pytest.fixture
def learner_kernel_env(monkeypatch):
    """The environment a learner's kernel has: matplotlib's inline backend (no MPLBACKEND override)."""
    monkeypatch.delenv("MPLBACKEND", raising=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.name}" for p in NOTEBOOKS])
def test_what_the_learner_sees(path, tmp_path, learner_kernel_env):
    run = LearnerRun(path, tmp_path).run()
    name = path.relative_to(REPO)
    if run.problems:
        pytest.fail(f"{name}: {len(run.problems)} thing(s) a learner should not see "
                    f"({run.actions} widget actions tried):\n" + "\n".join(f"  - {p}" for p in run.problems),
                    pytrace=False)
