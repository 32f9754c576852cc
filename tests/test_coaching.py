"""Error coaching: the explanations, and what a real kernel shows (the cell still fails)."""

from __future__ import annotations

import os
import re

import nbformat
import networkx as nx
import pytest

import netlearn
from netlearn import coaching
from netlearn.errors import MemberError, RelationError
from netlearn.exercises import ____


@pytest.fixture(scope="module")
def kite():
    net = netlearn.load_dataset("krackhardt_kite")
    return {"net": net, "G": net.graph("knows")}


def raised(function):
    try:
        function()
    except Exception as error:  # noqa: BLE001 - the point is to catch what the learner would see
        return error
    raise AssertionError("no error was raised")


# ---------------------------------------------------------------------- explain()
def test_member_not_in_graph_with_a_suggestion(kite):
    G = kite["G"]
    text = coaching.explain(raised(lambda: G.degree["Dianne"]), kite)
    assert text.startswith("'Dianne' is not a member of G. Did you mean 'Diane'?")
    assert "What to try" in text and "sorted(G.nodes)" in text
    capitals = coaching.explain(raised(lambda: list(G.neighbors("diane"))), kite)
    assert "Did you mean 'Diane'? Capitals count." in capitals


def test_networkx_node_errors_are_recognised(kite):
    G = kite["G"]
    for error in (raised(lambda: list(G.neighbors("Zed"))),
                  raised(lambda: nx.shortest_path(G, "Zed", "Diane")),
                  raised(lambda: nx.shortest_path(G, "Diane", "Zed")),
                  raised(lambda: nx.shortest_path_length(G, "Zed", "Diane")),
                  raised(lambda: G.remove_node("Zed")),
                  raised(lambda: nx.DiGraph(G).successors("Zed"))):
        text = coaching.explain(error, kite)
        assert text and text.startswith("'Zed' is not a member of G."), (error, text)
    either = nx.NodeNotFound("Either source Zed or target Diane is not in G")
    assert coaching.explain(either, kite).startswith("'Zed' is not a member")


def test_numbers_for_text_ids():
    G = nx.Graph([("1", "2"), ("2", "3")])
    text = coaching.explain(raised(lambda: G.degree[3]), {"G": G})
    assert "Member ids are text: write '3' in quotes." in text


def test_key_error_without_a_graph_in_sight():
    text = coaching.explain(KeyError("Dianne"))
    assert "Python looked for 'Dianne'" in text and "What to try" in text
    assert coaching.explain(KeyError(42)) is None


def test_key_error_for_a_member_that_is_in_the_graph_is_not_about_members(kite):
    assert coaching.explain(KeyError("Diane"), kite) is None


def test_relation_that_does_not_exist(kite):
    error = raised(lambda: kite["net"].graph("advise"))
    assert isinstance(error, RelationError)
    text = coaching.explain(error, kite)
    assert "no relation with that name" in text and "net.relation_names" in text and "What to try" in text


def test_member_error():
    assert "not in this network" in coaching.explain(MemberError("no such member"))



def syntax_error(code):
    try:
        compile(code, "<cell>", "exec")
    except SyntaxError as error:
        return error
    raise AssertionError(f"{code!r} compiled")


@pytest.mark.parametrize("code, line, expected", [
    ("x = 1\nx = (1, 2", 2, "a round bracket `(` is opened and never closed. What to try: add the matching `)`"),
    ("friends = ['Diane', 'Ed'", 1, "a square bracket `[` is opened and never closed"),
    ("x = [1, 2)", 1, "a square bracket `[` is closed with a round bracket `)`"),
    ("ex.q1.check('Diane'))", 1, "a closing round bracket `)` with no opening one"),
    ("ex.q1.check('Diane)", 1, "starts with a quote mark and never ends"),
    ("x = \u2018Diane\u2019", 1, "curly quotes"),
    ("ex.q1.check(Diane Ed)", 1, "put a comma between items"),
    ("if x = 1:\n    pass", 1, "write `==` there"),
    ("for a in b\n    pass", 1, "needs a colon `:` at its end"),
    ("x = 1\n  y = 2", 2, "line 2 starts further in"),
    ("for a in b:\nprint(a)", 2, "the line before line 2 ends with a colon"),
    ("if x:\n    y = 1\n  z = 2", 3, "line 3 does not line up"),
    ("x ==", 1, "the `^` mark"),
])
def test_syntax_errors_in_plain_words(code, line, expected):
    text = coaching.explain(syntax_error(code))
    assert text.startswith("Python could not read this cell, so none of it ran"), text
    assert expected in text, text
    assert f"line {line}" in text.lower() and "What to try" in text and "run the cell again" in text
    assert "SyntaxError" not in text and "literal" not in text and "parenthesis" not in text, "no jargon"

@pytest.mark.parametrize("name", ["ex", "net", "G", "____"])
def test_cells_run_before_the_setup_cell(name):
    text = coaching.explain(NameError(f"name '{name}' is not defined", name=name))
    assert text.startswith(f"Python does not know `{name}` yet.")
    assert "setup cell" in text and "Run All Above Selected Cell" in text and "restarts" in text


def test_other_names_get_a_spelling_suggestion():
    text = coaching.explain(NameError("name 'degres' is not defined", name="degres"), {"degrees": {}})
    assert "Did you mean `degrees`?" in text
    older_python = NameError("name 'thing' is not defined")          # no .name attribute filled in
    assert "`thing`" in coaching.explain(older_python)


def test_the_blank_used_as_a_value(kite):
    assert "`____`" in coaching.explain(raised(lambda: len(____)))
    assert "`____`" in coaching.explain(raised(lambda: kite["G"].degree[____]), kite)


def test_netlearn_not_installed():
    error = ModuleNotFoundError("No module named 'netlearn'", name="netlearn")
    assert "make lab" in coaching.explain(error)
    assert coaching.explain(ModuleNotFoundError("No module named 'x'", name="x")) is None


def test_unknown_errors_are_left_alone(kite):
    assert coaching.explain(ZeroDivisionError("division by zero")) is None
    assert coaching.explain(TypeError("unsupported operand")) is None
    assert coaching.explain(nx.NetworkXError("Graph is not connected.")) is None


def test_explain_never_raises():
    class Awkward:
        def __getattr__(self, name):
            raise RuntimeError("no")

    assert coaching.explain(KeyError("x"), {"weird": Awkward()}) is not None
    assert coaching.explain(KeyError(["unhashable"])) is None


def test_enable_outside_ipython_does_nothing():
    assert coaching.enable() is False and coaching.is_enabled() is False
    coaching.disable()


def test_coaching_html_escapes_and_keeps_the_traceback():
    bundle = coaching._coaching_bundle("'<b>' is not a member of G.", "Traceback <here>")
    assert "&lt;b&gt;" in bundle["text/html"] and "<b>" not in bundle["text/html"].replace("<b>'", "")
    assert "<details" in bundle["text/html"] and "Traceback &lt;here&gt;" in bundle["text/html"]
    assert bundle["text/plain"].startswith("What went wrong, in plain words:")


# ---------------------------------------------------------------------- in a real kernel
def start_kernel(home, kernel_config=None):
    from jupyter_client.manager import start_new_kernel

    ipython_dir = home / "ipython"
    if kernel_config:
        profile = ipython_dir / "profile_default"
        profile.mkdir(parents=True)
        (profile / "ipython_kernel_config.py").write_text(kernel_config)
    env = dict(os.environ, NETLEARN_PROGRESS=str(home / "progress.json"), IPYTHONDIR=str(ipython_dir))
    return start_new_kernel(kernel_name="python3", env=env)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """A plain kernel: coaching comes on when the setup cell imports the exercises."""
    manager, client = start_kernel(tmp_path_factory.mktemp("kernel"))
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def execute(client, code):
    """Run ``code``; return (reply status, outputs as (msg_type, content))."""
    outputs = []
    reply = client.execute_interactive(
        code, timeout=60,
        output_hook=lambda msg: outputs.append((msg["msg_type"], msg["content"]))
        if msg["msg_type"] in ("stream", "display_data", "execute_result", "error") else None)
    return reply["content"]["status"], outputs


SETUP = """
import netlearn
from netlearn.exercises import ____, how_exercises_work as ex
net = netlearn.load_dataset("krackhardt_kite")
G = net.graph("knows")
"""


def test_kernel_with_the_extension_coaches_cells_run_before_the_setup_cell(tmp_path):
    config = 'c.InteractiveShellApp.extensions = ["netlearn.coaching"]\n'
    manager, client = start_kernel(tmp_path, kernel_config=config)
    try:
        status, outputs = execute(client, "ex.q1.check('Diane')")
        assert status == "error"
        assert "Python does not know `ex` yet" in outputs[0][1]["data"]["text/plain"]
        assert outputs[-1][0] == "error" and outputs[-1][1]["ename"] == "NameError"
        status, outputs = execute(client, "G.degree['Diane']")
        assert status == "error" and "`G` is the graph" in outputs[0][1]["data"]["text/plain"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_kernel_shows_coaching_then_the_short_error_and_the_cell_still_fails(kernel):
    status, _ = execute(kernel, SETUP)
    assert status == "ok"
    status, outputs = execute(kernel, 'G.degree["Dianne"]')
    assert status == "error", "coaching must not turn an error into success"
    kinds = [kind for kind, _ in outputs]
    assert kinds == ["display_data", "error"], kinds
    assert "'Dianne' is not a member of G. Did you mean 'Diane'?" in outputs[0][1]["data"]["text/plain"]
    coaching_html = outputs[0][1]["data"]["text/html"]
    assert "What went wrong, in plain words" in coaching_html
    assert "<details" in coaching_html and "Traceback" in coaching_html, "the full report is kept, folded"
    error = outputs[1][1]
    assert error["ename"] == "KeyError" and error["evalue"] == "'Dianne'"
    short = "\n".join(error["traceback"])
    assert "KeyError" in short and "%tb" in short and "reportviews.py" not in short, "the short line only"

    status, outputs = execute(kernel, "%tb")
    full = "\n".join(outputs[-1][1]["traceback"])
    assert "Traceback" in full and "reportviews.py" in full, "%tb shows the original traceback"

    status, outputs = execute(kernel, 'net.graph("advise")')
    assert status == "error" and "no relation with that name" in outputs[0][1]["data"]["text/plain"]
    assert outputs[-1][1]["ename"] == "RelationError"


def test_kernel_coaches_a_syntax_error_and_the_cell_still_fails(kernel):
    execute(kernel, SETUP)
    status, outputs = execute(kernel, "x = 1\nex.q1.check(('Diane')")
    assert status == "error"
    assert [kind for kind, _ in outputs] == ["display_data", "error"]
    text = outputs[0][1]["data"]["text/plain"]
    assert "On line 2 (`ex.q1.check(('Diane')`) a round bracket `(` is opened and never closed" in text
    # Python 3.13 reports incomplete input with a subclass of SyntaxError, _IncompleteInputError.
    assert outputs[1][1]["ename"] in ("SyntaxError", "_IncompleteInputError")
    status, outputs = execute(kernel, "x = 1\n  y = 2")
    assert status == "error" and "line 2 starts further in" in outputs[0][1]["data"]["text/plain"]
    assert outputs[-1][1]["ename"] == "IndentationError"
    status, outputs = execute(kernel, 'note = """unfinished\nx = [1, 2]')
    assert status == "error" and "On line 1 (`note = \"\"\"unfinished`) some text starts" in outputs[0][1]["data"]["text/plain"]
    status, outputs = execute(kernel, "print('still working')")
    assert status == "ok" and outputs[0][1]["text"].strip() == "still working"

def test_kernel_leaves_other_errors_as_they_were(kernel):
    execute(kernel, SETUP)
    status, outputs = execute(kernel, "1 / 0")
    assert status == "error" and [kind for kind, _ in outputs] == ["error"]
    assert "Traceback" in "\n".join(outputs[0][1]["traceback"])


def test_kernel_coaching_can_be_turned_off(kernel):
    execute(kernel, SETUP)
    execute(kernel, "from netlearn import coaching; coaching.disable()")
    status, outputs = execute(kernel, 'G.degree["Dianne"]')
    assert status == "error" and [kind for kind, _ in outputs] == ["error"]
    status, outputs = execute(kernel, "print(coaching.enable(), coaching.is_enabled())")
    assert outputs[0][1]["text"].strip() == "True True"


def test_kernel_check_shows_its_feedback_once(kernel):
    execute(kernel, SETUP)
    _, outputs = execute(kernel, "ex.q1.check('Diane')")
    assert len(outputs) == 1 and "Correct" in outputs[0][1]["data"]["text/plain"]
    _, outputs = execute(kernel, "result = ex.q1.check('Heather')\nprint('after')")
    assert [kind for kind, _ in outputs] == ["display_data", "stream"], "shown even when not the last line"
    _, outputs = execute(kernel, "result")
    assert len(outputs) == 1 and "Not yet" in outputs[0][1]["data"]["text/plain"], "a kept result shows again"
    _, outputs = execute(kernel, "print(result.status)")
    assert outputs[0][1]["text"].strip() == "incorrect"


def test_nbclient_run_stops_at_a_coached_error(tmp_path):
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(SETUP),
        nbformat.v4.new_code_cell('G.degree["Dianne"]'),
        nbformat.v4.new_code_cell('print("this cell must not run")'),
    ])
    client = NotebookClient(notebook, timeout=60, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    with pytest.raises(CellExecutionError) as failure:
        client.execute()
    assert "KeyError" in str(failure.value)
    outputs = notebook.cells[1].outputs
    assert [o.output_type for o in outputs] == ["display_data", "error"]
    assert re.search(r"is not a member of G", outputs[0].data["text/plain"])
    assert notebook.cells[2].outputs == []

    # With errors allowed (as nbval's raises-exception tag allows them), the error is still recorded.
    allowed = nbformat.v4.new_notebook(cells=notebook.cells[:2])
    for cell in allowed.cells:
        cell.outputs = []
    NotebookClient(allowed, timeout=60, kernel_name="python3", allow_errors=True).execute()
    assert allowed.cells[1].outputs[-1].output_type == "error"
