"""The course website in a real Chromium: pages load cleanly, links resolve, pictures show, axe passes.

Reads the sites ``make site`` and ``make site AUDIENCE=instructor`` built (``make test-site`` builds
both and runs these with NETLEARN_REQUIRE_SITE=1; elsewhere they are skipped with that message), each
served by Python's http.server on a free port of 127.0.0.1. Every request to anywhere else is refused
and fails the test: the site must work with no internet.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

import lab_harness

ROOT = lab_harness.REPO_ROOT
EDITIONS = {"learner": ROOT / "build" / "site", "instructor": ROOT / "build" / "site-instructor"}
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = ("serious", "critical")
#: Pages axe checks in each edition: the home page, lesson and exercise pages, a data card, a guide.
AXE_SAMPLE = {
    "learner": ["index.html", "notebooks/00_start_here.html", "notebooks/02_know_your_network.html",
                "exercises/03_distributed_leadership.html", "datasets/q_community/README.html",
                "docs/collecting_network_data.html", "search.html"],
    "instructor": ["index.html", "notebooks/05_stps_as_networks.html", "exercises/08_diagnostics.html",
                   "answers/03_distributed_leadership.html", "docs/trainer/day_plan.html",
                   "docs/trainer/facilitator_guide.html"],
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module", params=list(EDITIONS))
def site(request, chromium_path):
    """(edition, folder, base URL) of a built site, served until the module's tests end."""
    if os.environ.get("NETLEARN_REQUIRE_SITE") != "1":
        pytest.skip("the built website is tested by `make test-site` (it builds both editions first)")
    folder = EDITIONS[request.param]
    if not (folder / "index.html").exists():
        pytest.fail(f"the {request.param} site is not built: run `make test-site`", pytrace=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=folder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield request.param, folder, f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def offline_page(browser, site):
    """A page that may load only from the local server; what it asked elsewhere and its errors are kept."""
    _, _, base = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.problems = []
    page.elsewhere = []

    def route(route):
        url = route.request.url
        if url.startswith((base, "data:", "blob:")):
            route.continue_()
        else:
            page.elsewhere.append(url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and page.problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("response", lambda response: response.status >= 400 and page.problems.append(
        f"{response.status} {response.url}"))
    yield page
    context.close()


def _pages(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html")
                  if not p.relative_to(folder).parts[0].startswith("_"))


_LINKS_JS = """() => ({
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  ids: [...document.querySelectorAll('[id]')].map(e => e.id).concat(
       [...document.querySelectorAll('a[name]')].map(e => e.name)),
})"""


@pytest.mark.browser
def test_every_page_loads_cleanly_and_every_internal_link_resolves(site, offline_page):
    edition, folder, base = site
    pages = _pages(folder)
    assert len(pages) >= len(NOTEBOOKS) + 10
    links, ids = {}, {}
    for relative in pages:
        offline_page.goto(base + relative, wait_until="load")
        assert not offline_page.problems, f"{edition} {relative}: {offline_page.problems}"
        assert offline_page.title(), f"{edition} {relative} has no title"
        found = offline_page.evaluate(_LINKS_JS)
        links[relative] = found["links"]
        ids[relative] = set(found["ids"])
    assert not offline_page.elsewhere, f"{edition}: asked the internet for {offline_page.elsewhere[:5]}"
    broken = []
    for relative, hrefs in links.items():
        for href in hrefs:
            if not href.startswith(base):
                continue
            parts = urlsplit(href)
            target = unquote(parts.path[len(urlsplit(base).path):]) or "index.html"
            if target.endswith("/"):
                target += "index.html"
            if not (folder / target).is_file():
                broken.append(f"{relative} -> {target}")
            elif parts.fragment and target in ids and unquote(parts.fragment) not in ids[target]:
                broken.append(f"{relative} -> {target}#{parts.fragment} (no such anchor)")
    assert not broken, f"{edition}: {len(broken)} internal links lead nowhere: {broken[:10]}"


_PICTURES_JS = """(cells) => cells.map(cell => [...cell.querySelectorAll('.cell_output img')].map(img => ({
    natural: [img.naturalWidth, img.naturalHeight], shown: [img.offsetWidth, img.offsetHeight],
    complete: img.complete, alt: img.alt || ''})))"""


@pytest.mark.browser
def test_each_notebook_page_shows_its_pictures(site, offline_page):
    """Every code cell that draws (the rule tests/learner_view.py uses) shows a real picture on its page,
    and every picture on a notebook page loaded, is at least 100x100 and has alt text."""
    edition, folder, base = site
    drawing = 0
    failures = []
    for notebook in NOTEBOOKS:
        relative = notebook.relative_to(ROOT).with_suffix(".html").as_posix()
        offline_page.goto(base + relative, wait_until="load")
        cells = offline_page.locator("main div.cell").evaluate_all(_PICTURES_JS)
        code_cells = [c for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
        assert len(cells) == len(code_cells), f"{edition} {relative}: {len(cells)} code cells shown of {len(code_cells)}"
        for pictures in cells:
            for picture in pictures:
                if not (lab_harness.is_real_picture(picture) and picture["alt"].strip()):
                    failures.append(f"{relative}: a picture that did not load, is under 100x100 or has no alt: {picture}")
        for index, label in lab_harness.drawing_cells(notebook):
            drawing += 1
            if not any(lab_harness.is_real_picture(p) for p in cells[index]):
                failures.append(f"{relative}, {label}: no picture")
    assert not failures, f"{edition}:\n" + "\n".join(failures)
    assert drawing >= 5, f"only {drawing} drawing cells found: is lab_harness.drawing_cells still finding them?"


def _readable(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {' '.join(str(t) for t in node['target'])}: {node.get('html', '')[:160]}")
    return "\n".join(lines)


@pytest.mark.browser
def test_sample_pages_have_no_serious_accessibility_violations(site, offline_page):
    from axe_playwright_python.sync_playwright import Axe

    edition, folder, base = site
    axe = Axe()
    for relative in AXE_SAMPLE[edition]:
        assert (folder / relative).is_file(), relative
        offline_page.goto(base + relative, wait_until="load")
        response = axe.run(offline_page, options={"resultTypes": ["violations"],
                                                  "runOnly": {"type": "tag", "values": RULE_TAGS}}).response
        assert response["testEngine"]["name"] == "axe-core"
        blocking = [v for v in response["violations"] if v["impact"] in BLOCKING]
        assert not blocking, f"axe: serious or critical problems on {edition} {relative}:\n{_readable(blocking)}"
        checked = {rule["id"] for rule in response["passes"]} | {rule["id"] for rule in response["violations"]}
        assert {"color-contrast", "html-has-lang", "landmark-one-main"} <= checked
    assert not offline_page.elsewhere


@pytest.mark.browser
def test_search_finds_a_course_page_offline(site, offline_page):
    edition, _, base = site
    offline_page.goto(base + "search.html?q=centralisation", wait_until="load")
    offline_page.wait_for_selector("#search-results li", timeout=30_000)
    results = offline_page.locator("#search-results li a").evaluate_all("links => links.map(a => a.href)")
    assert any("/notebooks/03_distributed_leadership.html" in href for href in results), results
    assert not offline_page.problems and not offline_page.elsewhere
