"""The facilitator's table-entry view: type what each table reports, project the room summary as it grows.

:func:`table_entry_view` shows, in large print for a projector:

* a button for each table (press one to enter its report), *Add a table* and a box to rename the
  chosen table;
* for the chosen table, one line per dimension of the matrix: the **levels** the table reports
  (``3`` when members agreed, ``2-4`` or ``2, 3, 4`` when they differed), its **target** and a
  **priority** tick box. An entry counts when the trainer presses Enter or moves on with Tab;
  something that is not a level gets a plain message and changes nothing;
* the room so far: every table's recorded level (the lower-score rule) and spread per dimension,
  the room summary (:func:`~netlearn.diagnostics.room_summary_table`), and what each table
  should discuss first;
* *Save now* and *Load a saved record*: the record is saved after every entry to a file of its
  own (never over an existing file; see :mod:`~netlearn.diagnostics.table_entry`), so a crash
  or a restarted kernel loses nothing.

Only text boxes, buttons and tick boxes are used (no drop-down lists), so the view works with
the keyboard alone: Tab moves between boxes, Enter presses a button or confirms a box, Space
ticks. The objects returned display as their widget in Jupyter; in Python (and in tests) the
state is plain attributes: ``entries`` (a :class:`~netlearn.diagnostics.RoomEntries`),
``summary``, ``status_text`` and ``room_html``.

>>> view = table_entry_view(tables=3, autosave=False)
>>> view.enter("Table 1", "purpose", "2-4", target="4")
>>> view.status_text
'Table 1, Shared purpose: recorded at level 2 (members said 2 to 4), target 4.'
>>> view.enter("Table 2", "purpose", "seven")
>>> view.status_text
"That entry was not recorded. Table 2, Shared purpose: 'seven' is not a level. Type each level as a number from 1 to 5 (Emerging to Generative)."
"""

from __future__ import annotations

import html
from pathlib import Path

from ..errors import DataError
from .readable import room_summary_table
from .saving import DEFAULT_FOLDER, download_link, on_temporary_server
from .table_entry import COURSE_MATRIX, EntryError, RoomEntries, load_entries, newest_record

__all__ = ["TableEntryView", "table_entry_view", "room_grid_html", "PROJECTOR_CSS"]

_STATUS = '<p role="status" aria-live="polite" class="netlearn-entry-status" style="margin:0.3em 0">{}</p>'
_PROBLEM = '<span style="color:#a51d2d;font-weight:bold">{}</span>'

#: Print sizes for a projector, and a clear focus outline for keyboard users.
PROJECTOR_CSS = """<style>
.netlearn-table-entry { font-size: 20px; }
.netlearn-table-entry .widget-label, .netlearn-table-entry .widget-label-basic,
.netlearn-table-entry .widget-html, .netlearn-table-entry .widget-html-content,
.netlearn-table-entry input, .netlearn-table-entry button, .netlearn-table-entry .widget-checkbox label {
  font-size: 20px !important; line-height: 1.4 !important;
}
.netlearn-table-entry input[type="text"], .netlearn-table-entry button { height: 2.1em !important; }
.netlearn-table-entry .widget-label { white-space: normal !important; overflow: visible !important; height: auto !important; }
.netlearn-table-entry input[type="checkbox"] { width: 1.3em; height: 1.3em; }
.netlearn-table-entry :focus-visible { outline: 4px solid #1a5fb4 !important; outline-offset: 2px; }
.netlearn-table-entry table.netlearn-table, .netlearn-table-entry table.netlearn-room-grid { font-size: 19px; }
.netlearn-table-entry table.netlearn-room-grid td, .netlearn-table-entry table.netlearn-room-grid th {
  border: 1px solid #9a9996; padding: 0.25em 0.6em; text-align: left; vertical-align: top;
}
.netlearn-table-entry .netlearn-entry-status { font-size: 20px; }
.netlearn-table-entry .netlearn-sr-only {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
</style>"""


def _widgets():
    import ipywidgets  # imported here so that importing netlearn does not need a widget front end

    return ipywidgets


def _label(instrument, is_course):
    if is_course:
        return ("The course's own maturity matrix: written for this course, not the official "
                "Source4Networks instrument.")
    return f"Matrix loaded by the trainer: {instrument.title}. {instrument.source or ''}".strip()


def room_grid_html(entries):
    """Every table's recorded level per dimension (rows: dimensions; columns: tables), escaped HTML.

    A cell reads ``2`` when the table agreed, ``2 (said 2 to 4)`` when members differed, then
    ``→ 4`` for the target and ``priority`` if the table chose it.

    >>> room = RoomEntries(tables=["A", "B"])
    >>> room.enter("A", "purpose", "2-4", target=4, priority=True)
    >>> "2 (said 2 to 4) → 4, priority" in room_grid_html(room)
    True
    """
    reported = {(t, d): r for t, d, r in entries.reports}
    head = "".join(f'<th scope="col">{html.escape(t)}</th>' for t in entries.tables)
    body = []
    for dim in entries.instrument.dimensions:
        cells = []
        for table in entries.tables:
            report = reported.get((table, dim.id))
            if report is None:
                cells.append('<td><span style="color:#5e5c64">-</span></td>')
                continue
            text = str(report.recorded)
            if report.spread:
                text += f" (said {min(report.levels)} to {max(report.levels)})"
            if report.target is not None:
                text += f" → {report.target}"
            if report.priority:
                text += ", priority"
            cells.append(f"<td>{html.escape(text)}</td>")
        body.append(f'<tr><th scope="row">{html.escape(dim.name)}</th>{"".join(cells)}</tr>')
    return (f'<table class="netlearn-room-grid" style="border-collapse:collapse;margin:0.3em 0">'
            f'<caption style="text-align:left;caption-side:top">Level each table recorded (the lower level where '
            f'members differed), its target and priorities</caption>'
            f'<thead><tr><th scope="col">dimension</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')


class TableEntryView:
    """The facilitator's table-entry view. Build it with :func:`table_entry_view`.

    Attributes
    ----------
    entries : RoomEntries
        What the tables reported.
    summary : DataFrame
        The room summary (:func:`~netlearn.diagnostics.room_summary`), rebuilt after each entry.
    status_text : str
        The last message (what was recorded, or why an entry was not).
    room_html : str
        What the room sees: the grid of tables, the room summary and what to discuss first.
    """

    def __init__(self, instrument=COURSE_MATRIX, *, tables=3, folder=DEFAULT_FOLDER, min_tables=3, autosave=True,
                 entries=None):
        w = _widgets()
        self.entries = entries if entries is not None else RoomEntries(instrument, tables=tables)
        self.folder, self.min_tables, self.autosave = Path(folder), min_tables, autosave
        self.status_text, self.summary, self.room_html = "", None, ""
        self._filling = False
        self.current = self.entries.tables[0] if self.entries.tables else self.entries.add_table()
        words = {"description_width": "initial"}
        self.table_buttons = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.add_button = w.Button(description="Add a table", icon="plus", layout=w.Layout(width="max-content"))
        self.add_button.on_click(lambda _b: self.add_table())
        self.name_box = w.Text(description="New name for this table", style=words, layout=w.Layout(width="60%"),
                               continuous_update=False)
        self.rename_button = w.Button(description="Rename", layout=w.Layout(width="max-content"))
        self.rename_button.on_click(lambda _b: self.rename(self.name_box.value))
        self.heading = w.HTML()
        self.level_boxes, self.target_boxes, self.priority_boxes, lines = {}, {}, {}, []
        for dim in self.entries.instrument.dimensions:
            level = w.Text(description=dim.name, placeholder="e.g. 3 or 2-4", continuous_update=False,
                           style={"description_width": "12em"}, layout=w.Layout(flex="1 1 auto", width="auto",
                                                                                 max_width="28em"),
                           tooltip=dim.description)
            # the dimension's name is in the label for screen readers, shown once on screen
            hidden = f'<span class="netlearn-sr-only">{html.escape(dim.name)}: </span>'
            target = w.Text(description=hidden + "target", description_allow_html=True, placeholder="e.g. 4",
                            continuous_update=False, style=words, layout=w.Layout(width="8.5em", flex="0 0 auto"))
            priority = w.Checkbox(description=hidden + "priority", description_allow_html=True, indent=False,
                                  layout=w.Layout(width="max-content", flex="0 0 auto"))
            for box in (level, target, priority):
                box.observe(lambda change, d=dim.id: self._changed(d), names="value")
            self.level_boxes[dim.id], self.target_boxes[dim.id], self.priority_boxes[dim.id] = level, target, priority
            lines.append(w.HBox([level, target, priority], layout=w.Layout(align_items="center", width="100%")))
        self.status = w.HTML(_STATUS.format("Type what the table reports, then press Enter or Tab."))
        self.save_button = w.Button(description="Save now", icon="save", layout=w.Layout(width="max-content"))
        self.save_button.on_click(lambda _b: self.save())
        self.path_box = w.Text(description="Saved record to load", style=words, layout=w.Layout(width="70%"),
                               placeholder=f"{self.folder}/{self.entries.instrument.name}_room_....csv")
        self.load_button = w.Button(description="Load", icon="folder-open", layout=w.Layout(width="max-content"))
        self.load_button.on_click(lambda _b: self.load(self.path_box.value))
        self.save_status = w.HTML(_STATUS.format(self._save_words()))
        self.room = w.HTML()
        label = _label(self.entries.instrument, self.entries.is_course_matrix)
        self.widget = w.VBox([
            w.HTML(PROJECTOR_CSS + f"<h3>Table entry: {html.escape(self.entries.instrument.title)}</h3>"
                   f"<p>{html.escape(label)}</p>"),
            w.HBox([self.table_buttons, self.add_button], layout=w.Layout(flex_flow="row wrap")),
            w.HBox([self.name_box, self.rename_button]), self.heading, *lines, self.status,
            w.HBox([self.save_button, self.path_box, self.load_button], layout=w.Layout(flex_flow="row wrap")),
            self.save_status, self.room])
        self.widget.add_class("netlearn-table-entry")
        self._draw_buttons()
        self.select(self.current)
        self._refresh()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    # --- tables ---------------------------------------------------------------------------

    def _draw_buttons(self):
        w = _widgets()
        buttons = []
        for table in self.entries.tables:
            button = w.Button(description=table, tooltip=f"Enter what {table} reports",
                              button_style="primary" if table == self.current else "",
                              layout=w.Layout(width="max-content"))
            button.on_click(lambda _b, t=table: self.select(t))
            buttons.append(button)
        self.table_buttons.children = buttons

    def select(self, table):
        """Show ``table``'s report in the boxes, ready to type into."""
        if table not in self.entries.tables:
            self._say(_PROBLEM.format(html.escape(f"There is no table called '{table}'.")), plain=f"There is no "
                      f"table called '{table}'.")
            return
        self.current = table
        for button in self.table_buttons.children:
            button.button_style = "primary" if button.description == table else ""
        self.name_box.value = ""
        self._filling = True
        try:
            for dim in self.entries.instrument.dimension_ids:
                report = self.entries.report(table, dim)
                self.level_boxes[dim].value = "" if report is None else (
                    str(report.levels[0]) if len(report.levels) == 1 else
                    f"{report.levels[0]}-{report.levels[1]}" if len(report.levels) == 2 else
                    ", ".join(map(str, report.levels)))
                self.target_boxes[dim].value = "" if report is None or report.target is None else str(report.target)
                self.priority_boxes[dim].value = bool(report and report.priority)
        finally:
            self._filling = False
        # last, so that "Entering" on the screen means the boxes show this table's report
        self.heading.value = f"<h4 style='margin:0.4em 0'>Entering: {html.escape(table)}</h4>"

    def add_table(self, name=None):
        """Add a table (Table k by default) and select it."""
        try:
            name = self.entries.add_table(name)
        except EntryError as error:
            return self._problem(error)
        self._draw_buttons()
        self.select(name)
        self._say(html.escape(f"Added {name}."), plain=f"Added {name}.")
        self._after_change()
        return name

    def rename(self, new):
        """Rename the chosen table."""
        old = self.current
        try:
            self.entries.rename_table(old, new)
        except EntryError as error:
            return self._problem(error)
        self.current = new.strip()
        self._draw_buttons()
        self.select(self.current)
        self._say(html.escape(f"{old} is now called {self.current}."), plain=f"{old} is now called {self.current}.")
        self._after_change()

    # --- entries --------------------------------------------------------------------------

    def enter(self, table, dimension, levels, target="", priority=False):
        """Type a report into the boxes, as the trainer would (for scripts and tests)."""
        self.select(table)
        dim = self.entries.dimension(dimension).id if dimension not in self.level_boxes else dimension
        self._filling = True
        self.target_boxes[dim].value = "" if target is None else str(target)
        self.priority_boxes[dim].value = bool(priority)
        self._filling = False
        if self.level_boxes[dim].value == str(levels):
            self._changed(dim)
        else:
            self.level_boxes[dim].value = str(levels)

    def _changed(self, dim):
        if self._filling:
            return
        levels = self.level_boxes[dim].value
        target, priority = self.target_boxes[dim].value, self.priority_boxes[dim].value
        if not levels.strip() and (target.strip() or priority):
            name = self.entries.instrument.dimension(dim).name
            self._say(html.escape(f"{self.current}, {name}: now type the table's level."),
                      plain=f"{self.current}, {name}: now type the table's level.")
            return
        try:
            self.entries.enter(self.current, dim, levels, target, priority)
        except EntryError as error:
            return self._problem(error)
        report = self.entries.report(self.current, dim)
        name = self.entries.instrument.dimension(dim).name
        if report is None:
            text = f"{self.current}, {name}: entry removed."
        else:
            text = f"{self.current}, {name}: recorded at level {report.recorded}"
            if report.spread:
                text += f" (members said {min(report.levels)} to {max(report.levels)})"
            if report.target is not None:
                text += f", target {report.target}"
            text += ", a priority." if report.priority else "."
        self._say(html.escape(text), plain=text)
        self._after_change()

    def _problem(self, error):
        text = f"That entry was not recorded. {error}"
        self._say(_PROBLEM.format(html.escape(text)), plain=text)

    def _say(self, shown, *, plain):
        self.status_text = plain
        self.status.value = _STATUS.format(shown)

    def _after_change(self):
        self._refresh()
        if self.autosave:
            self.save(quiet=True)

    def _refresh(self):
        self.summary = self.entries.room(min_tables=self.min_tables)
        reported = sorted({t for t, _d, _r in self.entries.reports}, key=self.entries.tables.index)
        parts = [f"<h4>The room so far: {len(reported)} of {len(self.entries.tables)} tables have reported</h4>",
                 room_grid_html(self.entries)]
        shown = self.summary[self.summary["note"] == ""]
        if len(shown):
            parts.append(room_summary_table(shown.drop(columns="note"), caption="Room summary")._repr_html_())
        waiting = self.summary.loc[self.summary["note"] != "", "name"].tolist()
        if waiting:
            parts.append(f"<p>Room figures appear once {self.min_tables} tables have reported a dimension. Waiting "
                         f"for more tables on: {html.escape(', '.join(waiting))}.</p>")
        first = self.entries.discuss_first()
        if first:
            parts.append("<h4>Discuss first (where members at a table were furthest apart)</h4><ul>"
                         + "".join(f"<li>{html.escape(line)}</li>" for line in first) + "</ul>")
        self.room_html = "".join(parts)
        self.room.value = self.room_html

    # --- saving ---------------------------------------------------------------------------

    def _save_words(self):
        if self.entries.path is None:
            return ("Saved after every entry to a new file in " + html.escape(str(self.folder)) + "/ (never over "
                    "an existing file)." if self.autosave else "Not saved yet: press Save now.")
        words = f"Saved to {html.escape(str(self.entries.path))} ({self.entries.snapshots} saves)."
        if on_temporary_server():
            words += " This is a temporary online session: " + download_link(self.entries.path, "download the record")
        return words

    def save(self, quiet=False):
        """Save the record now (to this session's own file); returns the file."""
        try:
            path = self.entries.save(self.folder)
        except OSError as error:
            self.save_status.value = _STATUS.format(_PROBLEM.format(html.escape(
                f"Could not save in {self.folder}: {error}. Your entries are still here; try another folder.")))
            return None
        self.save_status.value = _STATUS.format(self._save_words())
        if not quiet:
            self._say(html.escape(f"Saved to {path}."), plain=f"Saved to {path}.")
        return path

    def load(self, path=None):
        """Replace the entries by a saved record (the newest in the folder if ``path`` is blank).

        The record loaded is never written to: the next save goes to a new file.
        """
        path = str(path or "").strip() or newest_record(self.folder, self.entries.instrument.name)
        if not path:
            return self._problem(EntryError(f"There is no saved record in {self.folder} yet."))
        try:
            loaded = load_entries(path, self.entries.instrument)
        except (DataError, OSError) as error:
            return self._problem(EntryError(f"Could not load {path}: {error}"))
        self.entries = loaded
        self.current = loaded.tables[0] if loaded.tables else loaded.add_table()
        self.path_box.value = str(path)
        self._draw_buttons()
        self.select(self.current)
        self._refresh()
        self.save_status.value = _STATUS.format(self._save_words())
        text = f"Loaded {len(loaded.reports)} entries for {len(loaded.tables)} tables from {path}."
        self._say(html.escape(text), plain=text)
        return self


def table_entry_view(instrument=COURSE_MATRIX, **options):
    """The facilitator's view for typing in each table's report and projecting the room summary.

    Parameters
    ----------
    instrument : Instrument or str
        The matrix: the course's own (default, labelled as the course's own) or one loaded with
        :func:`~netlearn.diagnostics.load_instrument` from a file in the same format.
    tables : int or list of str
        The tables to start with (default 3: Table 1 to Table 3); more can be added in the view.
    folder : str or pathlib.Path
        Where the record is saved (default ``my_responses``).
    min_tables : int
        A dimension's room figures appear once this many tables have reported it (default 3).
    autosave : bool
        Save after every entry (default True).

    Returns
    -------
    TableEntryView

    Examples
    --------
    >>> import tempfile
    >>> view = table_entry_view(tables=["Red", "Blue", "Green"], folder=tempfile.mkdtemp())
    >>> for table, levels in [("Red", "2-4"), ("Blue", "3"), ("Green", "2, 3")]:
    ...     view.enter(table, "purpose", levels, target=4)
    >>> view.summary.loc[0, ["tables", "median_recorded", "lowest_recorded", "highest_recorded"]].tolist()
    [3, 2.0, 2.0, 3.0]
    >>> view.entries.snapshots   # saved after each of the three entries
    3

    Notes
    -----
    For a network leader running the room: project this while tables report back. Ask each table
    for its widest disagreement first, then its levels; the grid keeps what each table said in
    view while the room summary shows where the room stands. The record holds only what tables
    said aloud, never one person's levels.
    """
    return TableEntryView(instrument, **options)
