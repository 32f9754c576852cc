"""The own-network report passes axe-core's accessibility checks in a real Chromium.

Reports are made from shipped data (q_community with groups, stakeholders and survey responses;
devon_stp with organisations as groups; karate_club with names shown and sections unavailable),
opened as ``file://`` pages in headless Debian Chromium at desktop and phone widths, and checked
with axe-core (bundled in the ``axe-playwright-python`` package: nothing is fetched; every request
the page makes is recorded and anything other than the page itself fails the test). No serious or
critical violation is allowed, under the WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lab_harness

ROOT = lab_harness.REPO_ROOT
DATA = ROOT / "datasets"
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = ("serious", "critical")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


def _q_community(folder):
    q = DATA / "q_community"
    responses = DATA / "responses"
    return [q / "members.csv", q / "ties.csv", "--relations", q / "relations.csv",
            "--responses", responses / "health_check.csv",
            "--responses", f"network_maturity_matrix={responses / 'matrix_workshop.csv'}"]


def _devon(folder):
    devon = DATA / "devon_stp"
    return [devon / "members.csv", devon / "ties.csv", "--relations", devon / "relations.csv",
            "--min-group-size", "3"]


def _karate(folder):
    karate = DATA / "karate_club"
    return [karate / "members.csv", karate / "ties.csv", "--show-names"]


REPORTS = {"q_community with responses": _q_community, "devon_stp": _devon, "karate_club with names": _karate}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The report pages, made once through the command line."""
    from netlearn.report.cli import main

    folder = tmp_path_factory.mktemp("reports")
    pages = {}
    for i, (name, arguments) in enumerate(REPORTS.items()):
        out = folder / f"report-{i}.html"
        args = [str(a) for a in arguments(folder)]
        code = main(["report", *args, "-o", str(out), "--key-file", str(folder / "key"), "--quiet"])
        assert code == 0, f"the report on {name} was not written"
        pages[name] = out
    return pages


def _readable(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} - {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {summary}")
            lines.append(f"       {node.get('html', '')[:160]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(REPORTS))
def test_report_has_no_serious_accessibility_violations(browser, reports, name, width):
    from axe_playwright_python.sync_playwright import Axe

    page_path = Path(reports[name])
    context = browser.new_context(viewport=VIEWPORTS[width])
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else route.abort())
    try:
        page = context.new_page()
        page.goto(page_path.as_uri())
        assert page.evaluate("document.documentElement.lang") == "en-GB"
        results = Axe().run(page, options={"resultTypes": ["violations"],
                                           "runOnly": {"type": "tag", "values": RULE_TAGS}})
        response = results.response
    finally:
        context.close()
    assert response["testEngine"]["name"] == "axe-core"
    elsewhere = [url for url in requests if not url.startswith(("file:", "data:"))]
    assert not elsewhere, f"the page or axe asked for something from elsewhere: {elsewhere}"
    blocking = [v for v in response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, (f"axe found serious or critical problems in the report on {name} ({width}):\n"
                          + _readable(blocking))
    # axe really ran: it checked colour contrast and images on this page.
    checked = {rule["id"] for rule in response["passes"]} | {rule["id"] for rule in response["violations"]}
    assert {"color-contrast", "image-alt", "html-has-lang", "landmark-one-main"} <= checked
