"""Checks on the trainer documents in docs/trainer/.

(a) The day plan's tables run without gaps or overlaps, and each slot's minutes equal end minus start.
(b) Every notebook, section heading and widget the plan names exists, and the widget is used in that notebook.
(c) Every relative link in docs/trainer/*.md points at a file or folder that exists.
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
TRAINER = ROOT / "docs" / "trainer"
DAY_PLAN = TRAINER / "day_plan.md"

TIME_RANGE = re.compile(r"^(\d{2}):(\d{2})\s*[–-]\s*(\d{2}):(\d{2})$")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
NOTEBOOK_LINK = re.compile(r"\]\(([^)\s]+\.ipynb)\)")
SECTION = re.compile(r"\"([^\"]+)\"")
WIDGET = re.compile(r"`([a-z_][a-z0-9_]*)`")


def _cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def plan_tables(text):
    """Each markdown table in ``text`` whose rows start with a time range, as a list of row dicts."""
    tables, header, rows = [], None, []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            cells = _cells(line)
            if header is None:
                header = [c.lower() for c in cells]
            elif not set("".join(cells)) <= set("-: "):
                rows.append(dict(zip(header, cells)))
            continue
        if header and rows and "time" in header:
            tables.append(rows)
        header, rows = None, []
    return tables


def minutes_of(clock_h, clock_m):
    return int(clock_h) * 60 + int(clock_m)


def slots(rows):
    """(start, end, minutes, row) for each row, times in minutes after midnight."""
    out = []
    for row in rows:
        match = TIME_RANGE.match(row["time"])
        assert match, f"time {row['time']!r} is not written as HH:MM–HH:MM"
        start = minutes_of(*match.groups()[:2])
        end = minutes_of(*match.groups()[2:])
        out.append((start, end, int(row["minutes"]), row))
    return out


def check_contiguous(found):
    for start, end, minutes, row in found:
        assert end > start, f"{row['slot']}: ends before it starts"
        assert minutes == end - start, f"{row['slot']}: {minutes} minutes but {row['time']} is {end - start}"
    for (_, end, _, row), (start, _, _, nxt) in zip(found, found[1:]):
        assert end == start, f"gap or overlap between {row['slot']!r} and {nxt['slot']!r}"


@pytest.fixture(scope="module")
def tables():
    found = plan_tables(DAY_PLAN.read_text(encoding="utf-8"))
    assert len(found) == 2, "expected the full-day table and the half-day table"
    return found


def test_parser_reads_a_hand_made_table():
    text = ("| Time | Minutes | Slot |\n|---|---|---|\n| 09:30–09:50 | 20 | A |\n| 09:50–10:00 | 10 | B |\n\n"
            "| x | y |\n|---|---|\n| 1 | 2 |\n")
    (rows,) = plan_tables(text)
    assert [(s, e, m) for s, e, m, _ in slots(rows)] == [(570, 590, 20), (590, 600, 10)]


def test_check_catches_a_gap_and_a_wrong_total():
    gap = slots([{"time": "09:30–09:50", "minutes": "20", "slot": "A"},
                 {"time": "09:55–10:00", "minutes": "5", "slot": "B"}])
    with pytest.raises(AssertionError, match="gap or overlap"):
        check_contiguous(gap)
    wrong = slots([{"time": "09:30–09:50", "minutes": "25", "slot": "A"}])
    with pytest.raises(AssertionError, match="25 minutes"):
        check_contiguous(wrong)


def test_full_day_runs_from_0930_to_about_1630_without_gaps(tables):
    found = slots(tables[0])
    check_contiguous(found)
    assert found[0][0] == minutes_of(9, 30)
    assert minutes_of(16, 15) <= found[-1][1] <= minutes_of(16, 45)
    assert sum(m for _, _, m, _ in found) == found[-1][1] - found[0][0]
    breaks = [row["slot"] for _, _, _, row in found if row["slot"] in ("Break", "Lunch")]
    assert breaks.count("Lunch") == 1 and breaks.count("Break") >= 2


def test_half_day_runs_without_gaps_and_fits_a_morning(tables):
    found = slots(tables[1])
    check_contiguous(found)
    assert found[0][0] == minutes_of(9, 30)
    assert found[-1][1] - found[0][0] <= 240


def _headings(notebook):
    nb = nbformat.read(notebook, as_version=4)
    heads, code = set(), []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heads.update(line.lstrip("#").strip() for line in cell.source.splitlines() if line.startswith("#"))
        elif cell.cell_type == "code":
            code.append(cell.source)
    return heads, "\n".join(code)


def _defined_in_netlearn(name):
    pattern = re.compile(rf"^def {re.escape(name)}\(", re.M)
    return any(pattern.search(p.read_text(encoding="utf-8")) for p in (ROOT / "netlearn").rglob("*.py"))


def test_every_notebook_section_and_widget_named_exists(tables):
    checked = 0
    for rows in tables:
        for row in rows:
            project = row["project"]
            if not project:
                continue
            notebooks = [(DAY_PLAN.parent / link).resolve() for link in NOTEBOOK_LINK.findall(project)]
            assert notebooks, f"{row['slot']}: no notebook linked"
            for nb in notebooks:
                assert nb.is_file(), f"{row['slot']}: {nb} does not exist"
            parsed = [_headings(nb) for nb in notebooks]
            for section in SECTION.findall(project):
                assert any(section in heads for heads, _ in parsed), \
                    f"{row['slot']}: no section {section!r} in {[nb.name for nb in notebooks]}"
                checked += 1
            for widget in WIDGET.findall(project):
                assert _defined_in_netlearn(widget), f"{row['slot']}: {widget} is not defined in netlearn"
                assert any(re.search(rf"\b{widget}\(", code) for _, code in parsed), \
                    f"{row['slot']}: {widget} is not used in {[nb.name for nb in notebooks]}"
                checked += 1
    assert checked >= 30


def test_every_relative_link_resolves():
    docs = sorted(TRAINER.glob("*.md"))
    assert {d.name for d in docs} >= {"README.md", "day_plan.md", "facilitator_guide.md", "self_paced.md"}
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        for target in LINK.findall(text):
            if re.match(r"^[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            resolved = (doc.parent / path).resolve() if path else doc
            assert resolved.exists(), f"{doc.name}: link {target} does not resolve"
            if anchor and resolved.suffix == ".md":
                slugs = {re.sub(r"[^\w\- ]", "", h.lstrip("#").strip().lower()).replace(" ", "-")
                         for h in resolved.read_text(encoding="utf-8").splitlines() if h.startswith("#")}
                assert anchor in slugs, f"{doc.name}: no heading for #{anchor} in {resolved.name}"


def test_self_paced_path_minutes_are_the_course_maps():
    """Each sitting's minutes add up the course map's lesson + leader track, and its analyst track."""
    from netlearn.course import EPISODES

    by_number = {episode.number: episode for episode in EPISODES}
    text = (TRAINER / "self_paced.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if re.match(r"\| \d+ \|", line)]
    seen = []
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        numbers = sorted({int(n) for n in re.findall(r"notebooks/(\d\d)_", cells[1])})
        seen += numbers
        assert cells[2] == f"{sum(by_number[n].leader_path_minutes for n in numbers)} min", row
        assert cells[3] == f"{sum(by_number[n].analyst_minutes for n in numbers)} min", row
    assert seen == sorted(by_number), "every episode appears once, in order"
