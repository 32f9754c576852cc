"""Fixtures for the browser tests: one JupyterLab and one Chromium per session.

A browser test asks for ``run_notebook_in_lab`` and calls it with a notebook
name from ``notebooks/``::

    @pytest.mark.browser
    def test_my_episode(run_notebook_in_lab):
        run = run_notebook_in_lab("01_purpose.ipynb")
        # run.page is the Playwright page showing the executed notebook

Without Chromium or the playwright package the browser tests are skipped on
a developer's machine and fail in CI (when ``$CI`` is set).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    # Needed when pytest runs with --import-mode=importlib.
    sys.path.insert(0, str(HERE))

import lab_harness  # noqa: E402


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can see failures."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _playwright_available():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="session")
def chromium_path():
    """The Chromium binary to drive; skips or fails when there is none."""
    path = lab_harness.find_chromium()
    decision = lab_harness.missing_browser_decision(
        path, _playwright_available(), lab_harness.is_ci()
    )
    if decision is not None:
        action, message = decision
        if action == "fail":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def lab_server(chromium_path, tmp_path_factory):
    """A JupyterLab serving a temporary copy of ``notebooks/``."""
    server = lab_harness.JupyterLabServer(
        notebooks_dir=lab_harness.REPO_ROOT / "notebooks",
        workdir=tmp_path_factory.mktemp("jupyterlab"),
        log_path=lab_harness.ARTIFACTS_DIR / "jupyterlab-server.log",
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def exercises_lab(chromium_path, tmp_path_factory, request):
    """A JupyterLab serving a temporary copy of ``exercises/``, with the progress file in a temporary folder.

    One per test module: a fresh server, so no notebook is left open from another episode's test.
    """
    name = request.module.__name__.rsplit(".", 1)[-1]
    progress = tmp_path_factory.mktemp("progress-exercises") / "progress.json"
    server = lab_harness.JupyterLabServer(
        notebooks_dir=lab_harness.REPO_ROOT / "exercises",
        workdir=tmp_path_factory.mktemp("jupyterlab-exercises"),
        log_path=lab_harness.ARTIFACTS_DIR / f"jupyterlab-exercises-{name}.log",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETLEARN_PROGRESS", str(progress))   # the server and its kernels inherit it
        server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    """Headless Chromium, launched from the system binary (never downloaded)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=lab_harness.CHROMIUM_ARGS,
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh page; a screenshot and the console log are saved if the test fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        name = f"{request.node.name}-failure"
        try:
            lab_harness.save_screenshot(page, name)
        except Exception as error:  # the page may already be gone
            console.append(f"(screenshot failed: {error})")
        (lab_harness.ARTIFACTS_DIR / f"{name}-console.log").write_text("\n".join(console))
    context.close()


def _clear_workspaces(server):
    for path in (server.workdir / "workspaces").glob("*.jupyterlab-workspace"):
        path.unlink()


@pytest.fixture
def fresh_lab(lab_server):
    """The shared JupyterLab with no saved workspace, before and after the test.

    JupyterLab saves the open tabs in a workspace file and reopens them on the next visit; the
    harness counts the code cells of the whole page, so a tab left by an earlier test would be
    counted too.
    """
    _clear_workspaces(lab_server)
    yield lab_server
    _clear_workspaces(lab_server)


@pytest.fixture
def run_notebook_in_lab(fresh_lab, page):
    """Return a function that opens a notebook in JupyterLab and runs all of it."""
    lab_server = fresh_lab

    def run(name, timeout_s=45.0):
        return lab_harness.run_notebook_in_lab(page, lab_server, name, timeout_s=timeout_s)

    return run
