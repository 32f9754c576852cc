"""Widgets for notebook 10 (analysing your own network): load your files, see what is wrong with
them in plain words, explore the report's sections, and write the report.

* :class:`NetworkLoader` (:func:`network_loader`) - path boxes and an upload button for
  ``members.csv``, ``ties.csv`` and ``relations.csv``. Until your files load, it holds the
  course's example network (``q_community``, synthetic), so every cell below it runs.
* :func:`explain_error` - a :class:`~netlearn.DataError` in plain words: where (file, row as the
  spreadsheet numbers it, column), what is wrong, how to fix it.
* :data:`BROKEN_EXAMPLES`, :func:`write_broken_example`, :func:`broken_example` - deliberately broken
  files, written to a temporary folder, read, and explained; :func:`broken_file_gallery` lets a
  learner flick through them.
* :class:`OwnNetworkExplorer` (:func:`own_network_explorer`) - choose a relation and a section of
  the report and see its figures, tables and questions, computed by :func:`netlearn.report.build_report`
  (the same code as the command line's report, so the two always agree).
* :func:`write_my_report` - write the report into ``my_reports/`` (or a temporary folder under
  tests), with a new file name each time: never overwriting.

Everything shown is escaped HTML; no callback ever leaves a traceback in the notebook.

>>> error = read_broken_example("unknown member")
>>> print(explain_error_text(error))
Where: ties.csv, row 4 (the row number your spreadsheet shows at the left), column 'target'.
What is wrong: 'm99' is not the id of any member in members.csv.
How to fix it: Check the spelling, or add a row for 'm99' to members.csv.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from pathlib import Path

import ipywidgets as widgets

from ..errors import DataError, NetlearnError
from ..loaders import datasets_folder, load_dataset, read_network
from ..safefiles import host_code, remove_stale_temporaries

__all__ = ["EXAMPLE", "BROKEN_EXAMPLES", "NetworkLoader", "network_loader", "explain_error", "explain_error_text",
           "write_broken_example", "read_broken_example", "broken_example", "broken_file_gallery",
           "OwnNetworkExplorer", "own_network_explorer", "write_my_report", "default_reports_folder",
           "templates_folder", "SECTIONS", "suppression_preview"]

#: Uploaded files are read from a temporary folder named ``netlearn-upload-<host>-<pid>-<random>.tmp``.
UPLOAD_KIND = "netlearn-upload"

#: The network used until the learner's own files load.
EXAMPLE = "q_community"

#: The report's sections the explorer offers: (label, key).
SECTIONS = (("Overview", "overview"), ("Roles", "roles"), ("Leadership", "leadership"),
            ("Diversity and silos", "diversity"))

_MEMBERS = "id,name,group,formal_leader\nm01,Asha Example,North,yes\nm02,Ben Sample,North,no\nm03,Carys Placeholder,South,no\n"
_TIES = "source,target,relation\nm01,m02,knows\nm02,m03,knows\n"

#: Deliberately broken files: kind -> (what was done wrong, members.csv text, ties.csv text).
BROKEN_EXAMPLES = {
    "unknown member": ("A tie names a member who is not in the members file (a typing slip: m99 for m03).",
                       _MEMBERS, _TIES + "m01,m99,knows\n"),
    "misspelt column": ("The ties file's first column is headed 'sourse' instead of 'source'.",
                        _MEMBERS, _TIES.replace("source", "sourse", 1)),
    "same id twice": ("Two members were given the same id.",
                      _MEMBERS + "m02,Dev Template,South,no\n", _TIES),
    "tie to themself": ("A tie goes from a member to themself.", _MEMBERS, _TIES + "m03,m03,knows\n"),
    "pair listed twice": ("In 'knows', which has no direction, A names B with weight 3 and B names A with weight 1: "
                          "the two rows are one tie, which can hold only one weight.",
                          _MEMBERS, "source,target,relation,weight\nm01,m02,knows,3\nm02,m03,knows,2\nm02,m01,knows,1\n"),
    "weight is not a number": ("A weight cell holds a word instead of a number.",
                               _MEMBERS, "source,target,relation,weight\nm01,m02,energy,2\nm02,m03,energy,lots\n"),
    "yes/no column with other words": ("The formal_leader column holds 'chair' instead of yes or no.",
                                       _MEMBERS.replace("North,yes", "North,chair"), _TIES),
}

_STYLE = """<style>
.netlearn-own { line-height: 1.45; max-width: 62em; }
.netlearn-own table { border-collapse: collapse; margin: 0.4em 0 0.8em; }
.netlearn-own th, .netlearn-own td { border-bottom: 1px solid #d0d7de; padding: 0.25em 0.5em; text-align: left;
  vertical-align: top; }
.netlearn-own thead th { background: #f3f6f9; }
.netlearn-own caption { text-align: left; font-weight: 600; }
.netlearn-own .suppressed { color: #57606a; font-style: italic; }
.netlearn-own .keyfigures { display: flex; flex-wrap: wrap; gap: 0.5em; list-style: none; padding: 0; }
.netlearn-own .keyfigures li { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.35em 0.6em;
  display: flex; flex-direction: column-reverse; min-width: 9em; }
.netlearn-own .keyfigures .value { font-size: 1.25em; font-weight: 700; }
.netlearn-own .keyfigures .label, .netlearn-own .note, .netlearn-own .table-note { color: #57606a; font-size: 0.92em; }
.netlearn-own .discuss { background: #fff8e6; border-left: 5px solid #b7791f; padding: 0.3em 0.9em; }
.netlearn-own .unavailable, .netlearn-problem { background: #fdecea; border-left: 5px solid #b42318;
  padding: 0.4em 0.8em; color: #3d0c07; }
.netlearn-loaded { background: #e9f5ec; border-left: 5px solid #1e6b2f; padding: 0.4em 0.8em; color: #10361a; }
.netlearn-own img { max-width: 100%; height: auto; }
.netlearn-broken-file td.bad, .netlearn-broken-file th.bad { background: #fdecea; font-weight: 700; }
.netlearn-broken-file td, .netlearn-broken-file th { border: 1px solid #d0d7de; padding: 0.15em 0.5em;
  font-family: monospace; }
</style>"""


def _esc(value):
    return html.escape("" if value is None else str(value), quote=True)


def templates_folder():
    """The folder holding the templates (``datasets/templates``)."""
    return datasets_folder() / "templates"


# ====================================================================== errors in plain words
def explain_error_text(error):
    """A :class:`~netlearn.DataError` as three plain lines: where, what is wrong, how to fix it."""
    if not isinstance(error, DataError):
        return str(error)
    where = []
    if error.file:
        where.append(str(error.file))
    if error.row == 1:
        where.append("row 1 (the first row, where the column names belong)")
    elif error.row is not None:
        where.append(f"row {error.row} (the row number your spreadsheet shows at the left)")
    if error.column is not None:
        where.append(f"column '{error.column}'")
    lines = []
    if where:
        lines.append("Where: " + ", ".join(where) + ".")
    problem = error.problem[0].upper() + error.problem[1:] if error.problem else ""
    lines.append(f"What is wrong: {problem}")
    if error.more_rows:
        lines.append(f"The same problem is in {len(error.more_rows)} more row(s): "
                     + ", ".join(str(r) for r in error.more_rows[:20]) + ("..." if len(error.more_rows) > 20 else "."))
    if error.fix:
        lines.append(f"How to fix it: {error.fix}")
    return "\n".join(lines)


def explain_error(error):
    """:func:`explain_error_text` as an HTML box (escaped), for a notebook or widget."""
    lines = explain_error_text(error).splitlines()
    items = "".join(f"<li>{_esc(line)}</li>" for line in lines)
    return (f'<div class="netlearn-problem" role="status"><strong>There is a problem with the data.</strong> '
            f"Nothing was changed; fix the file and load it again.<ul>{items}</ul></div>")


# ====================================================================== broken examples
def write_broken_example(kind, folder=None):
    """Write the broken example ``kind`` (a key of :data:`BROKEN_EXAMPLES`) as members.csv and ties.csv.

    Returns the two paths. ``folder`` defaults to a new temporary folder.
    """
    if kind not in BROKEN_EXAMPLES:
        raise KeyError(f"There is no broken example called {kind!r}; choose one of: {', '.join(BROKEN_EXAMPLES)}.")
    folder = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="netlearn-broken-"))
    folder.mkdir(parents=True, exist_ok=True)
    _, members, ties = BROKEN_EXAMPLES[kind]
    (folder / "members.csv").write_text(members, encoding="utf-8")
    (folder / "ties.csv").write_text(ties, encoding="utf-8")
    return folder / "members.csv", folder / "ties.csv"


def read_broken_example(kind):
    """Write the broken example ``kind`` to a temporary folder, read it, and return the :class:`DataError`."""
    members, ties = write_broken_example(kind)
    try:
        read_network(members, ties)
    except DataError as error:
        return error
    raise AssertionError(f"the broken example {kind!r} was read without an error")  # pragma: no cover


def _file_table(name, text, bad_row=None, bad_column=None):
    """A file shown as a spreadsheet would: row numbers on the left, the faulty cell marked."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    # The column names are the first row holding anything (blank rows above them are skipped when read).
    header_number = next((n for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)), 1)
    header = rows[header_number - 1] if rows else []
    bad_index = None
    if bad_column is not None:
        lowered = [h.strip().lower() for h in header]
        if bad_column.strip().lower() in lowered:
            bad_index = lowered.index(bad_column.strip().lower())
    body = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for index, value in enumerate(row):
            bad = number == bad_row and (bad_index is None or index == bad_index)
            tag = "th" if number == header_number else "td"
            cells.append(f'<{tag}{" class=bad" if bad else ""}>{_esc(value)}</{tag}>')
        body.append(f"<tr><th>{number}</th>{''.join(cells)}</tr>")
    return (f'<table class="netlearn-broken-file"><caption>{_esc(name)}</caption>{"".join(body)}</table>')


def broken_example(kind="unknown member"):
    """Show a deliberately broken example: the file as a spreadsheet shows it, and the error in plain words.

    Returns an :class:`ipywidgets.HTML` (its ``value`` is the HTML), so it shows in a notebook.
    """
    from IPython.display import HTML

    return HTML(_broken_html(kind))


def _broken_html(kind):
    description, members, ties = BROKEN_EXAMPLES[kind]
    error = read_broken_example(kind)
    which = members if str(error.file).endswith("members.csv") else ties
    name = "members.csv" if which is members else "ties.csv"
    return (f'<div class="netlearn-own">{_STYLE}<p><strong>What was done wrong:</strong> {_esc(description)}</p>'
            f"{_file_table(name, which, error.row, error.column)}{explain_error(error)}</div>")


def broken_file_gallery(kind="unknown member"):
    """A drop-down of :data:`BROKEN_EXAMPLES`; choosing one shows the file and its explanation."""
    choice = widgets.Dropdown(options=list(BROKEN_EXAMPLES), value=kind, description="Broken file",
                              style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
    view = widgets.HTML(_broken_html(kind))

    def show(_change=None):
        view.value = _broken_html(choice.value)

    choice.observe(show, names="value")
    box = widgets.VBox([choice, view], layout=widgets.Layout(width="auto", max_width="62em"))
    box.add_class("netlearn-broken-gallery")
    box.choice, box.view = choice, view
    return box


# ====================================================================== loading your files
def _on_public_binder(environ=None):
    environ = os.environ if environ is None else environ
    return bool(environ.get("BINDER_LAUNCH_HOST") or environ.get("BINDER_REQUEST") or environ.get("BINDER_SERVICE_HOST"))


class NetworkLoader(widgets.VBox):
    """Path boxes and an upload button for your files; holds the example until yours load.

    Attributes
    ----------
    members, ties, relations : Text
        Paths of your files (relative to the notebook's folder, or full paths).
    upload : FileUpload
        Upload the files instead (name them so that they contain ``members``, ``ties`` and
        ``relations``).
    button : Button
        "Check and load my files".
    status : HTML
        What happened, in plain words: loaded (with a summary), or the problem and how to fix it.
    network : Network
        The network in use: yours once it loads, the example before that (or after a failed load).
    is_example : bool
    error : DataError or None
        The last problem found.
    """

    def __init__(self, members="", ties="", relations=""):
        remove_stale_temporaries(tempfile.gettempdir(), UPLOAD_KIND, pattern=f"{UPLOAD_KIND}-*")
        self.network = load_dataset(EXAMPLE)
        self.is_example = True
        self.error = None
        self._listeners = []
        style = {"description_width": "8em"}
        layout = widgets.Layout(width="auto", min_width="28em")
        self.members = widgets.Text(value=members, description="members.csv", placeholder="e.g. my_network/members.csv",
                                    style=style, layout=layout)
        self.ties = widgets.Text(value=ties, description="ties.csv", placeholder="e.g. my_network/ties.csv",
                                 style=style, layout=layout)
        self.relations = widgets.Text(value=relations, description="relations.csv", placeholder="optional",
                                      style=style, layout=layout)
        self.upload = widgets.FileUpload(accept=".csv", multiple=True, description="Upload files")
        self.button = widgets.Button(description="Check and load my files", button_style="primary",
                                     tooltip="Read the files, check every row, and use them below",
                                     layout=widgets.Layout(width="auto"))
        self.example_button = widgets.Button(description="Use the example", tooltip="Go back to the example network",
                                             layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML()
        self.button.on_click(lambda _b: self.load())
        self.example_button.on_click(lambda _b: self.use_example())
        warning = ("<p class='netlearn-problem'><strong>This looks like a public Binder session.</strong> Files you "
                   "upload here sit on a temporary server run by others: use only made-up or fully anonymised "
                   "data, never real people's.</p>") if _on_public_binder() else ""
        intro = widgets.HTML(f'<div class="netlearn-own">{_STYLE}{warning}<p>Type the paths of your files, or upload '
                             "them, then press <strong>Check and load my files</strong>. Leave everything blank to "
                             "keep using the example network.</p></div>")
        super().__init__([intro, self.members, self.ties, self.relations,
                          widgets.HBox([self.upload, self.button, self.example_button],
                                       layout=widgets.Layout(flex_flow="row wrap")), self.status],
                         layout=widgets.Layout(width="auto", max_width="62em"))
        self.add_class("netlearn-network-loader")
        self._show_loaded()

    def on_change(self, callback):
        """Call ``callback(network)`` whenever a network is loaded (yours or the example)."""
        self._listeners.append(callback)

    def _notify(self):
        for callback in self._listeners:
            callback(self.network)

    def use_example(self):
        """Go back to the example network."""
        self.network, self.is_example, self.error = load_dataset(EXAMPLE), True, None
        self._show_loaded()
        self._notify()
        return self.network

    def _uploaded_paths(self, folder):
        """Write the uploaded files into ``folder``; return the members, ties and relations paths."""
        files = list(self.upload.value or ())
        if not files:
            return None
        found = {}
        for item in files:
            name = Path(str(item.get("name", "file.csv"))).name
            path = Path(folder) / name
            path.write_bytes(bytes(item["content"]))
            lowered = name.lower()
            for kind in ("members", "ties", "relations"):
                if kind.rstrip("s") in lowered and kind not in found:
                    found[kind] = path
                    break
        if "members" not in found or "ties" not in found:
            raise DataError("the uploaded files could not be told apart.", file=", ".join(i.get("name", "?") for i in files),
                            fix="Upload files whose names contain 'members' and 'ties' (and 'relations' if you have "
                                "one), e.g. members.csv and ties.csv.")
        return found["members"], found["ties"], found.get("relations")

    def _read_uploads(self):
        """Read the uploaded files, or return None when nothing was uploaded.

        The files are written to a private temporary folder only while they are read, and the
        folder is deleted straight after, whether they loaded or not: a copy of someone's members
        list must not stay on the computer (or a shared server). Folders left by a kernel that
        died half way are deleted the next time a loader is made.
        """
        if not self.upload.value:
            return None
        folder = Path(tempfile.mkdtemp(prefix=f"{UPLOAD_KIND}-{host_code()}-{os.getpid()}-", suffix=".tmp"))
        try:
            uploaded = self._uploaded_paths(folder)
            members, ties, relations = uploaded
            return read_network(members, ties, relations=relations, name="uploaded files")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def load(self):
        """Read and check the files named in the boxes (or uploaded). Never raises: problems go to ``status``."""
        try:
            network = self._read_uploads()
            if network is None:
                members, ties, relations = (self.members.value.strip(), self.ties.value.strip(),
                                            self.relations.value.strip())
                if not members and not ties:
                    return self.use_example()
                if not members or not ties:
                    missing = "members.csv" if not members else "ties.csv"
                    raise DataError(f"the path of {missing} is blank.", file=missing,
                                    fix="Fill in both paths (members and ties), or leave both blank to use the "
                                        "example network.")
                network = read_network(members, ties, relations=relations or None)
            self.network = network
            self.is_example, self.error = False, None
        except DataError as error:
            self.error = error
            self.status.value = (f'<div class="netlearn-own">{explain_error(error)}<p class="note">Until the files load, '
                                 f"the cells below keep using {'the example network' if self.is_example else 'your last network'}.</p></div>")
            return None
        except NetlearnError as error:  # e.g. a relation whose direction is unknown
            self.error = error
            self.status.value = f'<div class="netlearn-own"><div class="netlearn-problem">{_esc(error)}</div></div>'
            return None
        self._show_loaded()
        self._notify()
        return self.network

    def _show_loaded(self):
        net = self.network
        summary = _esc(repr(net).strip("<>"))
        if self.is_example:
            text = (f"Using the example network: <strong>{_esc(EXAMPLE)}</strong>, an invented improvement community "
                    f"(synthetic: it describes no real person). {summary}.")
        else:
            text = f"Your files are loaded and every row passed the checks. {summary}."
        self.status.value = (f'<div class="netlearn-own"><div class="netlearn-loaded" role="status">{text} '
                             "The explorer below now shows this network.</div></div>")


def network_loader(members="", ties="", relations=""):
    """The file loader; see :class:`NetworkLoader`."""
    return NetworkLoader(members, ties, relations)


# ====================================================================== exploring the sections
class OwnNetworkExplorer(widgets.VBox):
    """Choose a relation and a section of the report; see its figures, tables and questions.

    Attributes
    ----------
    relation : Dropdown
    section : ToggleButtons
        One of :data:`SECTIONS`.
    show_names : Checkbox
        Names instead of pseudonyms (off by default, as in the report).
    view : HTML
        The chosen section, rendered as in the report (escaped).
    report : Report
        The report for the chosen relation (see :func:`netlearn.report.build_report`).
    """

    def __init__(self, source=None, *, section="overview", min_group_size=5):
        from ..report.pseudonyms import load_or_create_key

        self.loader = source if isinstance(source, NetworkLoader) else None
        self.net = source.network if self.loader is not None else (source or load_dataset(EXAMPLE))
        self.min_group_size = min_group_size
        self.key, _ = load_or_create_key()
        self._reports = {}
        self._busy = False
        self.report = None
        self.relation = widgets.Dropdown(description="Relation", style={"description_width": "initial"},
                                         layout=widgets.Layout(width="auto"))
        self.section = widgets.ToggleButtons(options=list(SECTIONS), value=section, description="Section",
                                             style={"description_width": "initial", "button_width": "auto"})
        self.group = widgets.Dropdown(description="Groups", style={"description_width": "initial"},
                                      layout=widgets.Layout(width="auto"))
        self.show_names = widgets.Checkbox(value=False, description="Show names instead of pseudonyms",
                                           indent=False, layout=widgets.Layout(width="auto"))
        self.view = widgets.HTML()
        self._set_relations()
        for control in (self.relation, self.group, self.section, self.show_names):
            control.observe(self.update, names="value")
        if self.loader is not None:
            self.loader.on_change(self.use_network)
        controls = widgets.HBox([self.relation, self.group, self.show_names],
                                layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([controls, self.section, self.view], layout=widgets.Layout(width="auto", max_width="64em"))
        self.add_class("netlearn-own-network-explorer")
        self.update()

    def _set_relations(self):
        from ..report.build import candidate_group_columns, choose_group, choose_relation

        self._busy = True
        try:
            names = self.net.relation_names
            self.relation.options = names
            self.relation.value = choose_relation(self.net)
            default = choose_group(self.net)
            columns = candidate_group_columns(self.net)
            if default is not None and default not in columns:
                columns.insert(0, default)
            self.group.options = [(c, c) for c in columns] or [("(none in this file)", "")]
            self.group.value = default or (columns[0] if columns else "")
        finally:
            self._busy = False

    def use_network(self, net):
        """Show another network (called by the loader when new files load)."""
        self.net = net
        self._reports = {}
        self._set_relations()
        self.update()

    def build(self, relation, show_names, group=None):
        """The report for ``relation`` with groups from the column ``group`` (cached)."""
        from ..report import build_report

        key = (relation, show_names, group)
        if key not in self._reports:
            self._reports[key] = build_report(self.net, relation=relation, show_names=show_names, key=self.key,
                                              min_group_size=self.min_group_size, group=group or None)
        return self._reports[key]

    def update(self, _change=None):
        """Recompute (if needed) and show the chosen section. Problems are shown, never raised."""
        if self._busy:
            return
        from ..report.html import render_section

        try:
            self.report = self.build(self.relation.value, self.show_names.value, self.group.value)
            section = self.report.section(self.section.value)
            number = [key for _, key in SECTIONS].index(section.key) + 1
            G = self.report.section("overview").data
            kind = "directed" if G["directed"] else "undirected"
            body = (f'<p class="note">Relation: <strong>{_esc(self.relation.value)}</strong> ({kind}, '
                    f'{G["ties"]:,} ties, {G["members"]:,} members). People are shown as '
                    f'{"names" if self.show_names.value else "pseudonyms"}; figures about fewer than '
                    f"{self.min_group_size} people are suppressed.</p>" + render_section(number, section))
        except (NetlearnError, ValueError) as error:
            body = f'<div class="netlearn-problem">{_esc(error)}</div>'
        self.view.value = f'<div class="netlearn-own">{_STYLE}{body}</div>'


def own_network_explorer(source=None, *, section="overview", min_group_size=5):
    """The section explorer; ``source`` is a :class:`NetworkLoader`, a Network, or None for the example."""
    return OwnNetworkExplorer(source, section=section, min_group_size=min_group_size)


# ====================================================================== privacy, shown
def suppression_preview(net, column=None, minimum=5):
    """How one member column's counts appear in the report: a table of category, members, shown as.

    ``column`` defaults to the first of stakeholder, sector, group, organisation the members have.
    Never raises: without a suitable column the table says so.

    >>> import netlearn
    >>> table = suppression_preview(netlearn.load_dataset("q_community"))
    >>> table.loc["carer", "in the report"]
    'suppressed (fewer than 5)'
    """
    import pandas as pd

    from ..report.build import member_disclosure
    from ..report.suppression import suppress_counts

    columns = list(net.members.columns)
    if column is None:
        column = next((c for c in ("stakeholder", "sector", "group", "organisation") if c in columns), None)
    if column is None or column not in columns:
        return pd.DataFrame({"note": [f"The members file has no column '{column}'." if column else
                                      "The members file has no stakeholder, sector, group or organisation column."]})
    values = net.members[column].astype(object).where(net.members[column].notna(), "(not recorded)")
    counts = {str(k): int(v) for k, v in values.value_counts().items()}
    try:  # the report's own decision, which also weighs the totals and voices it states
        plan = member_disclosure(net, min_group_size=minimum)
        if column not in plan.counts:
            plan = member_disclosure(net, attributes=[column], min_group_size=minimum)
        shown = {k: plan.shown(("count", column, k)) for k in counts}
    except (NetlearnError, ValueError):  # no relation to report on: the rule for one table
        shown = suppress_counts(counts, minimum)
    table = pd.DataFrame({"members": counts, "in the report": {k: str(v) for k, v in shown.items()}})
    table.index.name = column
    return table


# ====================================================================== writing the report
def default_reports_folder(environ=None):
    """Where :func:`write_my_report` writes: ``$NETLEARN_REPORTS``, else ``my_reports/`` here.

    Under pytest (``PYTEST_CURRENT_TEST`` set, which kernels started by a test inherit) a folder in
    the temporary directory is used instead, so running the tests leaves nothing in the course.

    >>> default_reports_folder({"NETLEARN_REPORTS": "/tmp/r"})
    PosixPath('/tmp/r')
    >>> default_reports_folder({}).name
    'my_reports'
    """
    environ = os.environ if environ is None else environ
    chosen = environ.get("NETLEARN_REPORTS", "").strip()
    if chosen:
        return Path(chosen).expanduser()
    if environ.get("PYTEST_CURRENT_TEST"):
        return Path(tempfile.gettempdir()) / "netlearn-pytest" / "my_reports"
    return Path("my_reports")


def write_my_report(net, folder=None, **options):
    """Write the report on ``net`` to a new file in ``folder``; never overwrites. Returns the path.

    ``options`` go to :func:`netlearn.report.build_report` (``relation``, ``show_names``,
    ``min_group_size``...). The file is named ``network-report-<date>-<time>.html`` (with -2, -3...
    if that exists already).
    """
    from ..report import build_report, render_html
    from ..report.cli import ReportExists, unique_path, write_report

    folder = Path(folder) if folder is not None else default_reports_folder()
    folder.mkdir(parents=True, exist_ok=True)
    report = build_report(net, **options)
    page = render_html(report)
    for _attempt in range(20):
        path = unique_path(folder)
        try:
            return write_report(page, path)
        except ReportExists:  # another report took the name a moment ago: take the next one
            continue
    raise ReportExists(path)  # pragma: no cover
