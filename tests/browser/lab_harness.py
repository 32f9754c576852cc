"""Helpers for the browser tests: a throwaway JupyterLab and a notebook runner.

The module is deliberately not called ``jupyter_server.py``: pytest puts this
folder on ``sys.path``, and a module of that name would hide the real
``jupyter_server`` package.

What is here:

* :func:`find_chromium` and :func:`missing_browser_decision` decide whether the
  browser tests can run, and whether a missing browser is a skip (a learner's
  or author's machine) or a failure (CI).
* :class:`JupyterLabServer` starts JupyterLab on a free loopback port with a
  random token, isolated from the user's Jupyter settings, and stops it again.
* :func:`run_notebook_in_lab` opens a notebook in a Playwright page, runs all
  of its cells through the Run menu, waits for every code cell to finish and
  fails if any cell printed a traceback.
* :func:`expect_picture` checks that a widget (or any part of the page) shows a
  picture, an ``<img>`` that loaded at a real size, not just text;
  :func:`expect_drawings` checks that every cell of the notebook that draws
  (by the rule in ``tests/learner_view.py``) shows one.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = Path(__file__).resolve().parent / "artifacts"

CHROMIUM_ENV_VAR = "NETLEARN_CHROMIUM"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

INSTALL_HINT = (
    "Install Chromium to run them: `sudo apt-get install chromium` on Debian/Ubuntu, "
    f"or set {CHROMIUM_ENV_VAR} to the path of a Chromium or Chrome binary. "
    "The Python package comes with `python -m pip install -e '.[dev]'` (or `make test`). "
    "Do not run `playwright install`: the tests use the system browser."
)

# JupyterLab settings for the throwaway server: render every cell (no
# virtual scrolling, so every prompt is in the page), never autosave (so a
# notebook opened twice in one session starts unexecuted both times) and
# keep news and update pop-ups from covering the notebook.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "checkForUpdates": False,
        "fetchNews": "false",
    },
}

# JupyterLab 4 shows both stderr streams and exceptions as outputs with this
# MIME type; an exception's output holds its traceback.
STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
CODE_PROMPT = ".jp-CodeCell .jp-InputArea-prompt"
EXECUTION_INDICATOR = ".jp-Notebook-ExecutionIndicator"
OUTPUT = ".jp-OutputArea-output"
# What an output shows instead of a widget when the widget manager is missing
# or the kernel's widget model never reached the page.
WIDGET_FAILURE_TEXTS = ("Loading widget...", "Error displaying widget", "model not found")


# --- can the browser tests run here? ------------------------------------


def is_ci(environ=None):
    """Return True when the environment says we are running in CI."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() not in ("", "0", "false", "no")


def find_chromium(environ=None):
    """Return the path of a Chromium binary, or None.

    Looks at ``$NETLEARN_CHROMIUM`` first, then ``chromium`` and
    ``chromium-browser`` on the PATH, then ``/usr/bin/chromium``.
    """
    environ = os.environ if environ is None else environ
    chosen = environ.get(CHROMIUM_ENV_VAR, "").strip()
    if chosen:
        path = shutil.which(chosen) or chosen
        return path if os.path.isfile(path) and os.access(path, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    fallback = "/usr/bin/chromium"
    return fallback if os.access(fallback, os.X_OK) else None


def missing_browser_decision(chromium_path, playwright_available, ci):
    """Decide what to do when the browser tests cannot run.

    Parameters
    ----------
    chromium_path : str or None
        The Chromium binary found, or None.
    playwright_available : bool
        Whether the ``playwright`` Python package can be imported.
    ci : bool
        Whether we are running in CI.

    Returns
    -------
    tuple of (str, str) or None
        None when everything needed is there. Otherwise ``("fail", message)``
        in CI, where a missing browser must not pass unnoticed, and
        ``("skip", message)`` anywhere else.
    """
    missing = []
    if not playwright_available:
        missing.append("the playwright Python package")
    if chromium_path is None:
        missing.append("a Chromium browser")
    if not missing:
        return None
    what = " and ".join(missing)
    if ci:
        return (
            "fail",
            f"Browser tests cannot run in CI because {what} could not be found; "
            f"CI must provide both. {INSTALL_HINT}",
        )
    return "skip", f"Browser tests skipped because {what} could not be found. {INSTALL_HINT}"


# --- a throwaway JupyterLab -----------------------------------------------


def free_port():
    """Return a TCP port on 127.0.0.1 that nothing is listening on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerStartError(RuntimeError):
    """JupyterLab did not start; the message includes the end of its log."""


@dataclass
class JupyterLabServer:
    """A JupyterLab server for tests, serving a copy of some notebooks.

    Parameters
    ----------
    notebooks_dir : Path
        The folder to copy; the server never touches the original.
    workdir : Path
        An empty temporary folder. The copy, Jupyter's runtime, data and
        config folders and the lab settings all live in it.
    log_path : Path
        Where the server's output is written.
    """

    notebooks_dir: Path
    workdir: Path
    log_path: Path
    startup_timeout: float = 60.0
    port: int = 0
    token: str = field(default_factory=lambda: secrets.token_hex(24))
    process: subprocess.Popen | None = None

    @property
    def root_dir(self):
        return self.workdir / "root"

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path):
        """Return the full URL of ``path`` (such as ``/lab/tree/x.ipynb``) with the token."""
        separator = "&" if "?" in path else "?"
        return f"{self.base_url}{path}{separator}token={self.token}"

    def _prepare(self):
        shutil.copytree(self.notebooks_dir, self.root_dir, dirs_exist_ok=True)
        settings_dir = self.workdir / "lab-settings"
        for relative, values in LAB_SETTINGS.items():
            target = settings_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values))
        for name in ("runtime", "data", "config", "workspaces", "ipython"):
            (self.workdir / name).mkdir(exist_ok=True)
        return settings_dir

    def _environment(self):
        env = dict(os.environ)
        env.update(
            JUPYTER_RUNTIME_DIR=str(self.workdir / "runtime"),
            JUPYTER_DATA_DIR=str(self.workdir / "data"),
            JUPYTER_CONFIG_DIR=str(self.workdir / "config"),
            JUPYTER_PLATFORM_DIRS="1",
            IPYTHONDIR=str(self.workdir / "ipython"),
        )
        # A token in the environment would override ours.
        env.pop("JUPYTER_TOKEN", None)
        # Kernels must draw as a learner's do, with matplotlib's inline backend: a backend named
        # here (such as Agg) would replace it and no figure would reach the page.
        env.pop("MPLBACKEND", None)
        return env

    def _command(self, settings_dir):
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            "--ServerApp.terminals_enabled=False",
            f"--LabApp.user_settings_dir={settings_dir}",
            f"--LabApp.workspaces_dir={self.workdir / 'workspaces'}",
            # Lets the harness read the notebook's model (see notebook_state).
            "--LabApp.expose_app_in_browser=True",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        return command

    def start(self, attempts=3):
        """Start the server and wait until its API answers."""
        settings_dir = self._prepare()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        for attempt in range(1, attempts + 1):
            self.port = free_port()
            with open(self.log_path, "wb") as log:
                self.process = subprocess.Popen(
                    self._command(settings_dir),
                    cwd=self.root_dir,
                    env=self._environment(),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            try:
                self._wait_until_ready()
                return self
            except ServerStartError:
                self.stop()
                port_taken = "already in use" in self.log_tail()
                if attempt == attempts or not port_taken:
                    raise
        return self

    def _wait_until_ready(self):
        deadline = time.monotonic() + self.startup_timeout
        status_url = self.url("/api/status")
        last_error = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerStartError(
                    f"JupyterLab exited with code {self.process.returncode} before it was ready.\n"
                    f"Last lines of its log ({self.log_path}):\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(status_url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                last_error = error
            time.sleep(0.25)
        raise ServerStartError(
            f"JupyterLab did not answer {self.base_url}/api/status within "
            f"{self.startup_timeout:.0f} s (last error: {last_error}).\n"
            f"Last lines of its log ({self.log_path}):\n{self.log_tail()}"
        )

    def log_tail(self, lines=40):
        """Return the last ``lines`` lines of the server's log, token hidden."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:]).replace(self.token, "<token>")

    def stop(self):
        """Stop the server: politely first, then by force, kernels included."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        # On SIGTERM the server shuts its kernels down itself, and a kernel
        # whose server died by force exits on its own (ipykernel watches its
        # parent). This ends anything else left in the server's own process
        # group, which holds only what this harness started.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


# --- running a notebook in the page ---------------------------------------

# Reads the open notebook: the prompt text of every code cell as the page
# shows it, and every "error" output in the notebook's model. JupyterLab 4
# draws an exception and a plain stderr stream the same way, so the model is
# the reliable place to tell them apart; it is reachable because the server
# runs with --LabApp.expose_app_in_browser=True.
_NOTEBOOK_STATE_JS = """([promptSelector]) => {
    const prompts = [...document.querySelectorAll(promptSelector)]
        .map(prompt => prompt.textContent.trim());
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const model = panel && panel.content && panel.content.model;
    const errors = [];
    if (model) {
        const codeCells = model.toJSON().cells.filter(cell => cell.cell_type === 'code');
        codeCells.forEach((cell, index) => {
            for (const output of cell.outputs || []) {
                if (output.output_type === 'error') {
                    const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
                    errors.push({cell: index + 1, source: source,
                                 ename: output.ename, evalue: output.evalue});
                }
            }
        });
    }
    return {prompts: prompts, errors: errors, modelFound: Boolean(model)};
}"""

# Finished when every code cell shows a number, or when a cell raised an
# error: JupyterLab then stops, and the cells after it go back to "[ ]:".
# "[*]:" means a cell is running or waiting its turn.
_FINISHED_JS = """([promptSelector, expected]) => {
    const prompts = [...document.querySelectorAll(promptSelector)]
        .map(prompt => prompt.textContent.trim());
    if (prompts.length !== expected || prompts.includes('[*]:')) {
        return false;
    }
    if (prompts.every(prompt => /^\\[\\d+\\]:$/.test(prompt))) {
        return true;
    }
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const model = panel && panel.content && panel.content.model;
    return Boolean(model) && model.toJSON().cells.some(
        cell => (cell.outputs || []).some(output => output.output_type === 'error'));
}"""


@dataclass
class NotebookRun:
    """What :func:`run_notebook_in_lab` found after running a notebook."""

    page: object
    name: str
    code_cells: int
    prompts: list
    stderr_texts: list
    seconds: float
    path: Path | None = None


def count_code_cells(path):
    """Return how many code cells the notebook file at ``path`` has."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    return sum(1 for cell in notebook["cells"] if cell["cell_type"] == "code")


def save_screenshot(page, name):
    """Save a screenshot of ``page`` as ``artifacts/<name>.png`` and return its path."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS_DIR / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def widget_outputs(page):
    """Return the outputs that rendered a widget, after checking none failed to.

    In JupyterLab 4 a rendered widget sits inside an output element (with no
    MIME type attribute) as an element with the ``jupyter-widgets`` class.
    Only outputs are searched for the failure texts, so a notebook may
    mention them in its own text.
    """
    from playwright.sync_api import expect

    outputs = page.locator(OUTPUT)
    for text in WIDGET_FAILURE_TEXTS:
        expect(outputs.filter(has_text=text)).to_have_count(0)
    return outputs.filter(has=page.locator(".jupyter-widgets"))


def notebook_state(page):
    """Return the prompts and error outputs of the notebook open in ``page``."""
    return page.evaluate(_NOTEBOOK_STATE_JS, [CODE_PROMPT])


# The toolbar's indicator can say "idle" before the notebook's session has a
# kernel attached; cells run in that moment are silently cleared instead of
# executed. So readiness is read from the session itself.
_KERNEL_READY_JS = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const session = panel && panel.sessionContext;
    const kernel = session && session.session && session.session.kernel;
    return Boolean(panel && panel.context && panel.context.isReady && session.isReady &&
                   kernel && kernel.connectionStatus === 'connected' &&
                   kernel.status === 'idle');
}"""


def _wait_for_idle_kernel(page, timeout_ms):
    page.wait_for_function(_KERNEL_READY_JS, timeout=timeout_ms, polling=100)
    page.wait_for_selector(f'{EXECUTION_INDICATOR}[data-status="idle"]', timeout=timeout_ms)


def run_all_cells(page):
    """Run every cell of the open notebook through the Run menu, as a person would.

    The notebook is clicked first so that it is the current document (the
    menu item does nothing otherwise). The menu item is found by its role and
    visible name rather than by its command id (``runmenu:run-all`` in
    JupyterLab 4.6), which has changed between JupyterLab versions.
    """
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu").get_by_role("menuitem", name="Run All Cells", exact=True).click()


def run_notebook_in_lab(page, server, name, timeout_s=45.0):
    """Open ``name`` in JupyterLab, run all its cells and wait for them.

    Parameters
    ----------
    page : playwright.sync_api.Page
    server : JupyterLabServer
    name : str
        The notebook's path inside the server's root, e.g. ``"00_start_here.ipynb"``.
    timeout_s : float
        How long the cells may take to run, in seconds.

    Returns
    -------
    NotebookRun

    Raises
    ------
    AssertionError
        If the notebook was saved with execution counts, a cell did not
        finish in time, or any cell raised an error.
    """
    started = time.monotonic()
    expected = count_code_cells(server.root_dir / name)
    page.goto(server.url(f"/lab/tree/{name}"))
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
    _wait_for_idle_kernel(page, timeout_ms=60_000)
    try:
        # The notebook keeps adding cells for a moment after the kernel is idle.
        page.wait_for_function(
            "([selector, expected]) => document.querySelectorAll(selector).length === expected",
            arg=[CODE_PROMPT, expected],
            timeout=30_000,
        )
    except Exception as error:
        raise AssertionError(
            f"{name}: the page shows {len(notebook_state(page)['prompts'])} code cells, "
            f"the file has {expected}"
        ) from error

    before = notebook_state(page)
    assert before["modelFound"], "JupyterLab's notebook model is not reachable from the page"
    assert all(prompt == "[ ]:" for prompt in before["prompts"]), (
        f"{name}: was saved with execution counts {before['prompts']}; "
        "commit notebooks without outputs"
    )

    run_all_cells(page)
    try:
        page.wait_for_function(
            _FINISHED_JS, arg=[CODE_PROMPT, expected], timeout=timeout_s * 1000, polling=250
        )
        _wait_for_idle_kernel(page, timeout_ms=10_000)
    except Exception as error:
        prompts = notebook_state(page)["prompts"]
        hint = (
            " No cell started: Run All Cells did not reach the kernel."
            if all(prompt == "[ ]:" for prompt in prompts)
            else ""
        )
        raise AssertionError(
            f"{name}: not every code cell finished within {timeout_s:.0f} s. "
            f"Prompts on the page: {prompts}.{hint}"
        ) from error

    after = notebook_state(page)
    stderr_texts = page.locator(STDERR_OUTPUT).all_inner_texts()
    problems = [
        f"code cell {error['cell']} raised {error['ename']}: {error['evalue']}\n"
        f"    its code: {error['source'].strip()[:200]}"
        for error in after["errors"]
    ]
    problems += [f"traceback on the page:\n{text}" for text in stderr_texts if "Traceback" in text]
    assert not problems, f"{name}: " + "\n\n".join(problems)
    return NotebookRun(
        page=page,
        name=name,
        code_cells=expected,
        prompts=after["prompts"],
        stderr_texts=stderr_texts,
        seconds=time.monotonic() - started,
        path=server.root_dir / name,
    )


# --- pictures ---------------------------------------------------------------------------------

#: A picture narrower or shorter than this, in pixels of the image itself, does not count.
MIN_PICTURE_PX = 100

# Every <img> under the given elements: its natural (file) size, its size on the page, whether it
# finished loading and its alternative text.
_PICTURES_JS = """(roots) => roots.flatMap(root => [...root.querySelectorAll('img')]).map(img => ({
    natural: [img.naturalWidth, img.naturalHeight],
    shown: [img.offsetWidth, img.offsetHeight],
    complete: img.complete,
    alt: img.alt || '',
}))"""


def pictures(scope):
    """The pictures under ``scope`` (a Playwright Locator), as dicts with ``natural`` and ``shown`` sizes."""
    return scope.evaluate_all(_PICTURES_JS)


def is_real_picture(picture, minimum=MIN_PICTURE_PX):
    """A picture counts when it loaded, is at least ``minimum`` pixels each way and takes room on the page."""
    width, height = picture["natural"]
    return (picture["complete"] and width >= minimum and height >= minimum
            and picture["shown"][0] > 0 and picture["shown"][1] > 0)


def expect_picture(scope, what, timeout_s=20.0, minimum=MIN_PICTURE_PX):
    """Wait until ``scope`` shows a picture of at least ``minimum`` x ``minimum`` pixels; fail otherwise.

    Parameters
    ----------
    scope : playwright.sync_api.Locator
        Where to look, such as a widget's outermost element or a cell's output area.
    what : str
        Says in the failure message what should have been drawn, e.g.
        ``"the role explorer after choosing Energizer"``.

    Returns
    -------
    dict
        The first picture that counts (its ``natural`` size, ``shown`` size and ``alt`` text).

    A widget redraws by replacing its picture, so this polls until a loaded picture is there.
    """
    deadline = time.monotonic() + timeout_s
    found = []
    while True:
        found = pictures(scope)
        good = [picture for picture in found if is_real_picture(picture, minimum)]
        if good:
            return good[0]
        if time.monotonic() > deadline:
            break
        time.sleep(0.2)
    if found:
        seen = "; ".join(f"{p['natural'][0]}x{p['natural'][1]} px, loaded={p['complete']}, "
                         f"shown at {p['shown'][0]}x{p['shown'][1]}" for p in found)
        detail = f"the only pictures there are: {seen}"
    elif scope.count():
        text = " ".join(" ".join(scope.all_inner_texts()).split())
        figure = _learner_view().FIGURE_REPR.search(text)
        detail = (f"the figure is shown as text: {figure.group(0)!r}" if figure
                  else f"there is no picture, only text: {text[:300]!r}")
    else:
        detail = "nothing on the page matches"
    raise AssertionError(f"{what}: no picture of at least {minimum}x{minimum} px after {timeout_s:.0f} s; {detail}")


def _learner_view():
    tests_dir = str(Path(__file__).resolve().parents[1])
    if tests_dir not in sys.path:
        sys.path.insert(0, tests_dir)
    import learner_view

    return learner_view


def drawing_cells(path):
    """``[(code_index, first_line), ...]`` for the code cells of a notebook file that draw."""
    learner_view = _learner_view()
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    code_cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    return [(index, learner_view.cell_label(index, cell)) for index, cell in enumerate(code_cells)
            if learner_view.cell_draws(cell)]


def expect_drawings(run):
    """Check that every code cell of the notebook ``run`` ran that draws shows a picture on the page.

    Which cells draw is decided by ``learner_view.cell_draws`` (tagged ``draws``, or calls a
    drawing function), the same rule the notebook test in ``tests/test_learner_view.py`` uses.
    Returns the number of drawing cells checked.
    """
    cells = drawing_cells(run.path)
    code_cells = run.page.locator(".jp-Notebook .jp-CodeCell")
    failures = []
    for index, label in cells:
        try:
            expect_picture(code_cells.nth(index).locator(".jp-Cell-outputArea"),
                           f"{run.name}, {label}", timeout_s=5.0)
        except AssertionError as error:
            failures.append(str(error))
    assert not failures, "\n".join(failures)
    return len(cells)


# --- exercise widgets -------------------------------------------------------------------

def predict_then_see(page, option, expected, screenshot, hidden_before=None):
    """Choose a prediction in the lesson's predict-then-see widget, press the button, see the result.

    ``hidden_before`` is text of the result that must not show until the prediction is locked in.
    """
    from playwright.sync_api import expect

    widget = page.locator(".netlearn-predict")
    expect(widget).to_have_count(1)
    widget.scroll_into_view_if_needed()
    if hidden_before is not None:
        expect(widget).not_to_contain_text(hidden_before)
    button = widget.get_by_role("button", name="Lock in my prediction and show the result")
    button.click()                                               # nothing chosen yet: asked to choose
    expect(widget).to_contain_text("Choose your prediction first")
    widget.get_by_role("radio", name=option).check()
    button.click()
    expect(widget).to_contain_text(f"Your prediction: {option}")
    for text in [expected] if isinstance(expected, str) else expected:
        expect(widget).to_contain_text(text)
    expect(button).to_be_disabled()
    widget.scroll_into_view_if_needed()
    save_screenshot(page, screenshot)


def open_leader_items(page, server, name, kind="decision", count=1, timeout_s=120.0):
    """Run an exercise notebook in JupyterLab and return its leader-track items of one ``kind``.

    Checks that every cell ran and every widget rendered, that the notebook shows ``count`` items
    of that kind, and scrolls the first into view.
    """
    from playwright.sync_api import expect

    run = run_notebook_in_lab(page, server, name, timeout_s=timeout_s)
    assert all(re.fullmatch(r"\[\d+\]:", prompt) for prompt in run.prompts), run.prompts
    widget_outputs(page)                                         # no widget failed to render
    items = page.locator(f".netlearn-{kind}")
    expect(items).to_have_count(count)
    items.first.scroll_into_view_if_needed()
    return items


def check_leader_item(item, letters, expected):
    """Tick ``letters`` in a leader-track item, press Check my answer and wait for ``expected``."""
    from playwright.sync_api import expect

    for box in item.get_by_role("checkbox").all():
        box.uncheck()
    for letter in letters:
        item.get_by_role("checkbox", name=re.compile(rf"^{letter}\. ")).check()
    item.get_by_role("button", name="Check my answer").click()
    feedback = item.locator(".netlearn-feedback")
    for text in expected:
        expect(feedback).to_contain_text(text)
    return feedback
