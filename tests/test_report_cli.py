"""``python -m netlearn report``: good files give a page with every section; bad files give exit 2 and
a message naming file, row and column (never a traceback); hostile text is escaped; small groups are
suppressed; nothing is overwritten without --force; pseudonyms are stable and hide names."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from netlearn.report import cli
from netlearn.report.cli import main

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_GROUP = "<script>alert(2)</script>"
HOSTILE_DESCRIPTION = "<img src=x onerror=alert(3)>"
SURNAME = "Quarrington"

# Group sizes: one group of 3 (suppressed), so the next smallest (6) is suppressed too.
GROUPS = [("Big A", 6), ("Big B", 7), (HOSTILE_GROUP, 8), ("Tiny", 3)]


# ---------------------------------------------------------------------- files
def write_network(folder, *, members_text=None, ties_text=None, relations_text=None):
    """members.csv, ties.csv and relations.csv in ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rows, by_group = [], {}
    k = 0
    for group, size in GROUPS:
        for _ in range(size):
            k += 1
            member = f"id-k{k:02d}"
            name = HOSTILE_NAME if k == 1 else f"Xylo{k:02d} {SURNAME}"
            stakeholder = "patient" if k in (2, 9) else "clinician"
            rows.append(f'{member},"{name}","{group}",{stakeholder},{"yes" if k == 5 else "no"}')
            by_group.setdefault(group, []).append(member)
    members = "id,name,group,stakeholder,formal_leader\n" + "\n".join(rows) + "\n"
    ties = ["source,target,relation,weight"]
    for people in by_group.values():                        # a ring inside each group
        for a, b in zip(people, people[1:] + people[:1]):
            ties.append(f"{a},{b},knows,")
    firsts = [people[0] for people in by_group.values()]
    for a, b in zip(firsts, firsts[1:]):                    # a chain between groups
        ties.append(f"{a},{b},knows,")
    ties.append("id-k02,id-k05,advice,")
    ties.append("id-k03,id-k05,energy,2")
    relations = ("relation,directed,description,weight_min,weight_max,weight_meaning\n"
                 f'knows,no,"{HOSTILE_DESCRIPTION}",,,\nadvice,yes,asks for advice,,,\n'
                 "energy,yes,energy rating,-2,2,-2 to +2\n")
    paths = folder / "members.csv", folder / "ties.csv", folder / "relations.csv"
    paths[0].write_text(members if members_text is None else members_text, encoding="utf-8")
    paths[1].write_text("\n".join(ties) + "\n" if ties_text is None else ties_text, encoding="utf-8")
    paths[2].write_text(relations if relations_text is None else relations_text, encoding="utf-8")
    return paths


@pytest.fixture
def network(tmp_path):
    return write_network(tmp_path / "net")


@pytest.fixture
def key_file(tmp_path):
    return tmp_path / "key"


def run(network, out, key_file, *extra):
    members, ties, relations = network
    return main(["report", str(members), str(ties), "--relations", str(relations), "-o", str(out),
                 "--key-file", str(key_file), *extra])


class Page(HTMLParser):
    """Section ids, start tags, table rows (as lists of cell texts) and all the text of a page."""

    def __init__(self, text):
        super().__init__()
        self.sections, self.tags, self.rows, self.text, self.alts = [], [], [], [], []
        self._row = None
        self._cell = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "section" and "id" in attrs:
            self.sections.append(attrs["id"])
        if tag == "tr":
            self._row = []
        if tag in ("td", "th") and self._row is not None:
            self._cell = []
        if tag == "img":
            self.alts.append(attrs.get("alt", ""))

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def all_text(self):
        return "".join(self.text)


def read_page(path):
    return Page(Path(path).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------- through a real subprocess
def subprocess_run(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "netlearn", "report", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_command_line_writes_a_page_with_every_section(network, tmp_path, key_file):
    members, ties, relations = network
    result = subprocess_run(members, ties, "--relations", relations, "--key-file", key_file, "-o", "out.html",
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Report written to out.html" in result.stdout
    assert "Traceback" not in result.stderr
    page = read_page(tmp_path / "out.html")
    assert page.sections == ["overview", "roles", "leadership", "diversity"]
    for heading in ("About this report", "What it contains", "What it leaves out", "What to discuss",
                    "Brokers", "Central connectors", "Boundary spanners", "Peripheral specialists", "Energizers",
                    "Reliance on the formal leaders", "What if they stepped back?", "E-I index"):
        assert heading in page.all_text, heading


def test_command_line_bad_file_exits_2_with_file_row_and_column(tmp_path, key_file):
    members, ties, relations = write_network(tmp_path / "net", ties_text="source,target\nid-k01,id-k02\nid-k01,k99\n")
    result = subprocess_run(members, ties, "--key-file", key_file, "-o", "out.html", cwd=tmp_path)
    assert result.returncode == 2
    assert "ties.csv, row 3, column 'target'" in result.stderr
    assert "'k99' is not the id of any member" in result.stderr and "How to fix it" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out.html").exists()


# ---------------------------------------------------------------------- in process
def test_help_explains_every_option_with_examples(capsys):
    assert main(["report", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("--relations", "--responses", "--relation", "--group", "--attributes", "--expertise", "--voices",
                   "--voices-target", "--min-group-size", "--show-names", "--key-file", "--output", "--force",
                   "--quiet", "--debug"):
        assert option in text, option
    assert "examples:" in text and "python -m netlearn report members.csv ties.csv" in text
    assert "exit codes" in text
    assert main(["--help"]) == 0 and "report" in capsys.readouterr().out


BAD_FILES = [
    ("misspelt header", {"ties_text": "sourse,target\nid-k01,id-k02\n"},
     ["ties.csv, row 1", "'source' is missing", "Rename the column 'sourse' to 'source'"]),
    ("unknown member", {"ties_text": "source,target\nid-k01,id-k02\nid-k02,id-k77\n"},
     ["ties.csv, row 3, column 'target'", "'id-k77'"]),
    ("self tie", {"ties_text": "source,target\nid-k04,id-k04\n"}, ["ties.csv, row 2, column 'target'", "themself"]),
    ("duplicate id", {"members_text": "id,name\nid-k01,A\nid-k02,B\nid-k01,C\n"},
     ["members.csv, row 4, column 'id'", "used by 2 rows"]),
    ("blank id", {"members_text": "id,name\nid-k01,A\n,B\n"}, ["members.csv, row 3, column 'id'"]),
    ("bad weight", {"ties_text": "source,target,relation,weight\nid-k01,id-k02,energy,lots\n"},
     ["ties.csv, row 2, column 'weight'", "'lots' is not a number"]),
    ("empty ties file", {"ties_text": ""}, ["ties.csv", "empty"]),
    ("undeclared relation", {"ties_text": "source,target,relation\nid-k01,id-k02,mentors\n",
                             "relations_text": "relation,directed\nknows,no\n"},
     ["ties.csv", "mentors"]),
]


@pytest.mark.parametrize(("case", "files", "expected"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_each_kind_of_bad_file_exits_2_with_a_located_message(tmp_path, capsys, key_file, case, files, expected):
    network = write_network(tmp_path / "net", **files)
    code = run(network, tmp_path / "out.html", key_file, "--quiet")
    err = capsys.readouterr().err
    assert code == 2, err
    assert "no report was written" in err and "Traceback" not in err
    for words in expected:
        assert words in err, (words, err)
    assert not (tmp_path / "out.html").exists()


def test_missing_file_and_bad_options_exit_2(network, tmp_path, capsys, key_file):
    members, ties, relations = network
    assert main(["report", str(tmp_path / "nope.csv"), str(ties), "-o", str(tmp_path / "o.html"), "--quiet"]) == 2
    assert "nope.csv: this file was not found" in capsys.readouterr().err
    assert run(network, tmp_path / "o.html", key_file, "--relation", "advise", "--quiet") == 2
    assert "Did you mean 'advice'?" in capsys.readouterr().err
    assert run(network, tmp_path / "o.html", key_file, "--group", "grop", "--quiet") == 2
    assert "Did you mean 'group'?" in capsys.readouterr().err
    assert run(network, tmp_path / "missing-folder" / "o.html", key_file, "--quiet") == 2
    assert "does not exist" in capsys.readouterr().err
    assert run(network, tmp_path / "o.html", key_file, "--min-group-size", "0") == 2
    assert "1 or more" in capsys.readouterr().err
    (tmp_path / "bad-key").write_text("x")
    assert main(["report", str(members), str(ties), "--key-file", str(tmp_path / "bad-key"),
                 "-o", str(tmp_path / "o.html"), "--quiet"]) == 2
    assert "does not hold a key" in capsys.readouterr().err
    assert not (tmp_path / "o.html").exists()


def test_files_saved_by_excel_are_read(tmp_path, key_file, capsys):
    folder = tmp_path / "excel"
    folder.mkdir()
    (folder / "members.csv").write_bytes("id;name;group\nm1;Zoë Ñ;a\nm2;Bo;a\nm3;Cy;b\n".encode("cp1252"))
    (folder / "ties.csv").write_bytes("source;target\nm1;m2\nm2;m3\n".encode("cp1252"))
    code = main(["report", str(folder / "members.csv"), str(folder / "ties.csv"), "-o", str(tmp_path / "o.html"),
                 "--key-file", str(key_file), "--quiet"])
    assert code == 0, capsys.readouterr().err


def test_hostile_text_is_escaped(network, tmp_path, key_file):
    for extra, name_shown in (((), False), (("--show-names",), True)):
        out = tmp_path / f"hostile{len(extra)}.html"
        assert run(network, out, key_file, "--quiet", *extra) == 0
        raw = out.read_text(encoding="utf-8")
        page = Page(raw)
        tags = [tag for tag, _ in page.tags]
        assert "script" not in tags
        assert all(attrs.get("src", "").startswith("data:image/png") for tag, attrs in page.tags if tag == "img")
        assert not any(key.startswith("on") for _, attrs in page.tags for key in attrs)
        assert HOSTILE_GROUP in page.all_text                         # shown, as text
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in raw
        assert HOSTILE_DESCRIPTION in page.all_text
        assert (HOSTILE_NAME in page.all_text) is name_shown
        assert "<script" not in raw.lower()


def test_tiny_groups_are_suppressed_everywhere(network, tmp_path, key_file):
    out = tmp_path / "o.html"
    assert run(network, out, key_file, "--quiet") == 0
    page = read_page(out)
    tiny_rows = [row for row in page.rows if row and row[0] == "Tiny"]
    assert len(tiny_rows) >= 2                                      # members by group, and E-I by group
    for row in tiny_rows:
        for cell in row[1:]:
            assert cell == "suppressed (fewer than 5)", row
    # the next smallest group (6) is suppressed too, or 3 = total - the others
    assert all(cell.startswith("suppressed") for row in page.rows if row and row[0] == "Big A" for cell in row[1:])
    # groups of members in the role tables never show 'Tiny'
    for row in page.rows:
        if row and row[0].startswith("Member "):
            assert "Tiny" not in row and "Big A" not in row
    assert all("Tiny" not in alt and not re.search(r"\b3\b", alt.split(":")[-1]) for alt in page.alts
               if "E-I" in alt)
    # 2 patients among 24: never shown as a number
    voice_rows = [row for row in page.rows if row and row[0] == "patient"]
    assert voice_rows and all(row[1].startswith("suppressed") for row in voice_rows)
    assert "Fewer than 5 of the 24 members" in page.all_text


def test_no_overwrite_without_force_and_atomic_writing(network, tmp_path, key_file, capsys):
    out = tmp_path / "o.html"
    out.write_text("my earlier report", encoding="utf-8")
    assert run(network, out, key_file, "--quiet") == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "my earlier report"
    assert run(network, out, key_file, "--quiet", "--force") == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key", "net", "o.html"], "no temporary files are left"
    with pytest.raises(cli.ReportExists):
        cli.write_report("x", out)


def test_names_only_with_show_names_and_pseudonyms_stable(network, tmp_path, key_file):
    first, second, named, other = (tmp_path / f"{n}.html" for n in ("first", "second", "named", "other"))
    assert run(network, first, key_file, "--quiet") == 0
    assert run(network, second, key_file, "--quiet") == 0
    assert run(network, named, key_file, "--quiet", "--show-names") == 0
    assert run(network, other, tmp_path / "other-key", "--quiet") == 0
    default = first.read_text(encoding="utf-8")
    assert SURNAME not in default and "id-k" not in default and HOSTILE_NAME not in Page(default).all_text
    assert re.search(r"Member 0\d\d", default)
    assert SURNAME in named.read_text(encoding="utf-8")

    def without_time(text):
        return re.sub(r"Made [^<]*", "", text)

    assert without_time(default) == without_time(second.read_text(encoding="utf-8")), "same key, same page"

    def role_members(text):
        return [row[0] for row in Page(text).rows if row and row[0].startswith("Member ")]

    assert role_members(default) != role_members(other.read_text(encoding="utf-8")), "another key, other numbers"


def test_progress_is_shown_one_line_per_step(network, tmp_path, key_file, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)                 # as if tqdm were not installed
    assert run(network, tmp_path / "o.html", key_file) == 0
    err = capsys.readouterr().err
    steps = re.findall(r"netlearn report \[(\d)/6\] ([^.]+) \.\.\. \d+\.\d s", err)
    assert [int(n) for n, _ in steps] == [1, 2, 3, 4, 5, 6]
    assert steps[0][1] == "Reading the files" and steps[-1][1] == "Writing the page"
    # after each step but the last: the steps left and, once the files are read, the time left
    lefts = re.findall(r"\d+\.\d s; (\d) of 6 steps left, (under 5 s|about \d+ s|about \d+ min) left", err)
    assert [int(n) for n, _ in lefts] == [5, 4, 3, 2, 1]


def test_progress_uses_tqdm_when_it_is_installed(network, tmp_path, key_file, capsys, monkeypatch):
    import types

    calls = []

    class FakeBar:
        def __init__(self, total, **options):
            calls.append(("start", total))

        def set_postfix_str(self, text):
            calls.append(("step", text))

        def update(self, n):
            calls.append(("done", n))

        def close(self):
            calls.append(("close", None))

    monkeypatch.setitem(sys.modules, "tqdm", types.SimpleNamespace(tqdm=FakeBar))
    assert run(network, tmp_path / "o.html", key_file) == 0
    assert calls[0] == ("start", 6) and calls[-1] == ("close", None)
    steps = [text for kind, text in calls if kind == "step"]
    assert steps[0] == "step 1: Reading the files"                     # nothing to estimate from yet
    assert re.fullmatch(r"step 2: Overview; (under 5 s|about \d+ s) left", steps[1]), steps[1]
    assert steps[-2].startswith("step 6: Writing the page; ") and steps[-1] == "finished"
    assert sum(1 for c in calls if c[0] == "done") == 6
    assert "[1/6]" not in capsys.readouterr().err


def test_time_left_follows_the_forecast_scaled_by_the_speed_seen(monkeypatch):
    clock = [100.0]
    from netlearn.report import progress as progress_module

    monkeypatch.setattr(progress_module.time, "perf_counter", lambda: clock[0])
    progress = cli.Progress(3, quiet=True)
    assert progress.seconds_left() is None                            # no forecast yet
    progress.plan({"a": 10.0, "b": 20.0, "c": 30.0})
    assert progress.seconds_left() == 60.0
    with progress("a"):
        clock[0] += 20.0                                               # twice as slow as forecast
    assert progress.seconds_left() == (20.0 + 30.0) * 2
    with progress("b"):
        clock[0] += 15.0                                               # 15 s into a 40 s (scaled) step
        assert progress.seconds_left() == 25.0 + 60.0
        clock[0] += 100.0                                              # longer than forecast: not negative
        assert progress.seconds_left() == 60.0
    assert [progress_module.duration(x) for x in (2, 61, 7200)] == ["under 5 s", "1 min", "2 h"]


def test_forecast_grows_with_members_times_ties_and_leaders():
    small, large = cli.estimate_seconds(5000, 50000), cli.estimate_seconds(20000, 200000)
    assert 12 < large["Roles in the network"] / small["Roles in the network"] <= 16   # 4 x members, 4 x ties
    several = cli.estimate_seconds(5000, 50000, leaders=3)
    assert several["How leadership is spread"] > 2 * small["How leadership is spread"]
    assert "Diagnostics: health check and maturity matrix" in cli.estimate_seconds(10, 20, responses=2)


def test_unexpected_problem_exits_1_with_a_short_message(network, tmp_path, key_file, capsys, monkeypatch):
    import netlearn.report.build as build

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(build, "build_report", broken)
    assert run(network, tmp_path / "o.html", key_file, "--quiet") == 1
    err = capsys.readouterr().err
    assert "something unexpected went wrong" in err and "RuntimeError: a bug" in err
    assert "not in your files" in err and "Traceback" not in err
    assert run(network, tmp_path / "o.html", key_file, "--quiet", "--debug") == 1
    assert "Traceback" in capsys.readouterr().err
    assert not (tmp_path / "o.html").exists()


# ---------------------------------------------------------------------- survey responses
diagnostics = pytest.importorskip("netlearn.diagnostics", reason="the diagnostics package is not available")


def test_responses_add_a_diagnostics_section(network, tmp_path, key_file, capsys):
    health = ROOT / "datasets" / "responses" / "health_check.csv"
    matrix = ROOT / "datasets" / "responses" / "matrix_workshop.csv"
    if not health.is_file() or not matrix.is_file():
        pytest.skip("the example responses are not in datasets/responses/")
    out = tmp_path / "o.html"
    code = run(network, out, key_file, "--quiet", "--responses", str(health),
               "--responses", f"network_maturity_matrix={matrix}")
    assert code == 0, capsys.readouterr().err
    page = read_page(out)
    assert page.sections[-1] == "diagnostics"
    assert "Everyone, by dimension" in page.all_text and "The room's summary" in page.all_text
    assert "hc001" not in page.all_text                              # respondent codes never shown


def test_bad_responses_file_exits_2(network, tmp_path, key_file, capsys):
    bad = tmp_path / "answers.csv"
    bad.write_text("respondent,group,pu1\nr1,a,9\n", encoding="utf-8")
    assert run(network, tmp_path / "o.html", key_file, "--quiet", "--responses", str(bad)) == 2
    err = capsys.readouterr().err
    assert "row 2, column 'pu1'" in err and "Traceback" not in err
    unknown = tmp_path / "other.csv"
    unknown.write_text("who,what\n1,2\n", encoding="utf-8")
    assert run(network, tmp_path / "o.html", key_file, "--quiet", "--responses", str(unknown)) == 2
    assert "does not look like a responses file" in capsys.readouterr().err


# ---------------------------------------------------------------------- never over an input
def _case_insensitive(folder):
    probe = folder / "CaseProbe.txt"
    probe.write_text("x", encoding="utf-8")
    try:
        return (folder / "caseprobe.txt").exists()
    finally:
        probe.unlink()


def _output_onto(kind, network, tmp_path, health):
    """An -o path that is the same file as one input, spelled in a way that hides it."""
    members, ties, relations = network
    if kind == "members, as given":
        return members
    if kind == "ties, through ..":
        (members.parent / "sub").mkdir()
        return members.parent / "sub" / ".." / ties.name
    if kind == "relations, through a symbolic link":
        link = tmp_path / "link.html"
        link.symlink_to(relations)
        return link
    if kind == "members, through a linked folder":
        folder = tmp_path / "linked"
        folder.symlink_to(members.parent, target_is_directory=True)
        return folder / members.name
    if kind == "responses, as a hard link":
        link = tmp_path / "hard.html"
        os.link(health, link)
        return link
    if kind == "responses, relative to the working folder":
        return Path(os.path.relpath(health))
    if kind == "the pseudonym key":
        return tmp_path / "key"
    raise AssertionError(kind)


@pytest.mark.parametrize("force", [False, True], ids=["without --force", "with --force"])
@pytest.mark.parametrize("kind", ["members, as given", "ties, through ..", "relations, through a symbolic link",
                                  "members, through a linked folder", "responses, as a hard link",
                                  "responses, relative to the working folder", "the pseudonym key"])
def test_report_never_overwrites_an_input(network, tmp_path, key_file, capsys, monkeypatch, kind, force):
    health = tmp_path / "answers" / "health_check.csv"
    health.parent.mkdir()
    health.write_bytes((ROOT / "datasets" / "responses" / "health_check.csv").read_bytes())
    monkeypatch.chdir(tmp_path)
    key_file.write_bytes(b"k" * 64)   # made on the first run otherwise
    out = _output_onto(kind, network, tmp_path, health)
    inputs = [*network, health, key_file]
    before = {path: path.read_bytes() for path in inputs}
    code = run(network, out, key_file, "--quiet", "--responses", str(health), *(["--force"] if force else []))
    err = capsys.readouterr().err
    assert code == 2, err
    assert "never replaces one of its own inputs" in err and "-o" in err and "Traceback" not in err
    assert {path: path.read_bytes() for path in inputs} == before, "every input is unchanged"


def test_report_never_overwrites_an_input_in_other_capitals(network, tmp_path, key_file, capsys):
    members = network[0]
    if not _case_insensitive(members.parent):
        pytest.skip("this file system tells capitals apart, so MEMBERS.CSV is another file")
    before = members.read_bytes()
    assert run(network, members.parent / "MEMBERS.CSV", key_file, "--quiet", "--force") == 2
    assert "members file" in capsys.readouterr().err and members.read_bytes() == before


def test_same_file_sees_through_spellings_and_links(tmp_path):
    original = tmp_path / "members.csv"
    original.write_text("id\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    os.link(original, tmp_path / "hard.csv")
    (tmp_path / "soft.csv").symlink_to(original)
    assert cli.same_file(original, tmp_path / "sub" / ".." / "members.csv")
    assert cli.same_file(original, tmp_path / "hard.csv")
    assert cli.same_file(tmp_path / "soft.csv", original)
    assert not cli.same_file(original, tmp_path / "report.html")           # does not exist yet
    (tmp_path / "copy.csv").write_text("id\n", encoding="utf-8")
    assert not cli.same_file(original, tmp_path / "copy.csv")              # same content, another file


def test_a_report_next_to_its_inputs_is_still_written(network, tmp_path, key_file, capsys):
    out = network[0].parent / "members.html"                               # same folder, other name
    assert run(network, out, key_file, "--quiet") == 0, capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# ---------------------------------------------------------------------- accessibility, without a browser
class Structure(HTMLParser):
    """What the accessibility checks need: the html tag's lang, images, header cells, scroll boxes, headings."""

    def __init__(self, text):
        super().__init__()
        self.lang, self.images, self.headers, self.boxes, self.headings, self.ids, self.links = None, [], [], [], [], set(), []
        self._header = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "th":
            self._header = [attrs, ""]
        elif tag == "div" and "table-wrap" in attrs.get("class", ""):
            self.boxes.append(attrs)
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "a":
            self.links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "th" and self._header is not None:
            self.headers.append(tuple(self._header))
            self._header = None

    def handle_data(self, data):
        if self._header is not None:
            self._header[1] += data


def test_page_structure_is_accessible_without_a_browser(network, tmp_path, key_file, capsys):
    """lang, alt text on every picture, scope on every header cell, no empty heading cell, keyboard-scrollable tables."""
    health = ROOT / "datasets" / "responses" / "health_check.csv"
    out = tmp_path / "o.html"
    assert run(network, out, key_file, "--quiet", "--responses", str(health)) == 0, capsys.readouterr().err
    page = Structure(out.read_text(encoding="utf-8"))
    assert page.lang == "en-GB"
    assert len(page.images) >= 2 and all(len(image.get("alt", "").strip()) > 20 for image in page.images)
    assert page.headers and all(attrs.get("scope") in ("col", "row") for attrs, _ in page.headers)
    assert all(text.strip() for _, text in page.headers), "every header cell has text (hidden text counts)"
    assert page.boxes and all(box.get("tabindex") == "0" and box.get("role") == "region" and box.get("aria-label")
                              for box in page.boxes)
    assert page.headings[0] == 1 and all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:])), \
        "headings go down one level at a time"
    assert all(link[1:] in page.ids for link in page.links if link.startswith("#")), "every link inside the page lands"


def test_a_picture_without_alt_text_is_refused():
    from netlearn.report.build import Image, Report, Section
    from netlearn.report.html import render_html

    section = Section("overview", "Overview", blocks=[Image(b"\x89PNG", "  ")])
    with pytest.raises(ValueError, match="alternative text"):
        render_html(Report("R", [], [], [], [section], [], {}, "today"))


def test_mutual_weight_option_combines_two_answers_about_one_pair(tmp_path, key_file, capsys):
    """A survey pair named by both people with different weights: refused (exit 2) until a rule is given."""
    members = "id,name,group\n" + "".join(f"p{k},Person {k},{'A' if k < 6 else 'B'}\n" for k in range(1, 11))
    ring = [f"p{k},p{k % 10 + 1},knows,1" for k in range(1, 11)]
    ties = "source,target,relation,weight\n" + "\n".join(ring + ["p2,p1,knows,3"]) + "\n"
    folder = tmp_path / "survey"
    folder.mkdir()
    (folder / "members.csv").write_text(members)
    (folder / "ties.csv").write_text(ties)
    args = ["report", str(folder / "members.csv"), str(folder / "ties.csv"), "--key-file", str(key_file)]
    assert main(args + ["-o", str(tmp_path / "refused.html")]) == 2
    said = capsys.readouterr().err
    assert "rows 2 and 12" in said and "--mutual-weight mean" in said
    assert main(args + ["-o", str(tmp_path / "mean.html"), "--mutual-weight", "mean"]) == 0
    assert (tmp_path / "mean.html").is_file() and not (tmp_path / "refused.html").exists()
