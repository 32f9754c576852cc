"""Widgets for the diagnostics: a self-assessment that saves safely, and a workshop view of a room's answers.

* :func:`self_assessment` - one labelled control per matrix dimension (now and target) or per
  survey item, a summary and chart that update as answers change, and a Save button that
  appends the answers to the participant's own CSV file (see :mod:`~netlearn.diagnostics.saving`).
* :func:`workshop_view` - loads a room's answers (a CSV file or a folder of them, such as
  everyone's saved files copied into one folder) and shows the room summary, with small groups
  suppressed.

Controls are standard dropdowns, text boxes and buttons: each has a visible label, is reached
with Tab and changed with the arrow keys, and the summary is announced politely to screen
readers (``aria-live``). The objects returned display as their widget in Jupyter; in Python (and
in tests) their state is plain attributes: ``values()``, ``summary``, ``chart_data``, ``figure``.

>>> form = self_assessment("network_maturity_matrix")
>>> form.set_answer("purpose", 2); form.set_answer("purpose", 4, part="target")
>>> form.chart_data["current"]["purpose"], form.chart_data["target"]["purpose"]
(2.0, 4.0)
"""

from __future__ import annotations

import html
import math
import secrets
from datetime import datetime
from pathlib import Path

from matplotlib.figure import Figure

from ..drawing import figure_png, figure_png_in_frame, picture_html
from ..errors import DataError
from .instruments import Instrument, load_instrument
from .matrix import read_matrix, room_summary, table_conversation
from .plots import likert_chart, matrix_heatmap, radar_chart
from .readable import comments_table, group_summary_table, room_summary_table, table_guides_html
from .responses import read_responses
from .saving import (DEFAULT_FOLDER, append_rows, download_link, new_session_path, on_temporary_server,
                     temporary_session_notice)
from .scoring import DEFAULT_THRESHOLD, free_text, group_summary, item_distribution

__all__ = ["SelfAssessment", "WorkshopView", "self_assessment", "workshop_view"]

_BLANK = ("(no answer)", None)
_STATUS = '<p role="status" aria-live="polite" style="margin:0.3em 0">{}</p>'


def _widgets():
    import ipywidgets  # imported here so that importing netlearn does not need a widget front end

    return ipywidgets


def _in_kernel():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _files_key(source):
    """Names, sizes and change times of the CSV files ``source`` names (None if it is not a path)."""
    if not isinstance(source, (str, Path)) or not str(source).strip():
        return None
    path = Path(source).expanduser()
    try:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv" and p.is_file()) \
            if path.is_dir() else [path]
        return (str(path.resolve()),) + tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files)
    except OSError:
        return None


def _chart_shape(fig):
    """What a chart's layout depends on: its size, titles and legends (not the values drawn)."""
    return (tuple(fig.get_size_inches()),) + tuple(
        (ax.get_title(), tuple(t.get_text() for t in ax.get_legend().get_texts()) if ax.get_legend() else ())
        for ax in fig.axes) + tuple(tuple(t.get_text() for t in legend.get_texts()) for legend in fig.legends)


#: How many of a participant's charts a self-assessment keeps, to show again at once.
_KEPT_CHARTS = 32


def _show(output, *objects):
    """Replace what an Output widget shows (only inside a running kernel; tests read attributes instead)."""
    if not _in_kernel():
        return
    from IPython.display import HTML, display

    output.clear_output(wait=True)
    with output:
        for obj in objects:
            if isinstance(obj, Figure):
                obj = figure_html(obj)
            display(HTML(obj) if isinstance(obj, str) else obj)


def figure_html(fig):
    """A chart as an ``<img>`` whose alternative text is its ``text_summary`` (shown the same in any front end).

    >>> from netlearn.diagnostics import radar_chart
    >>> page = figure_html(radar_chart({"a": 1, "b": 2, "c": 3}, title="T"))
    >>> page.startswith('<img src="data:image/png;base64,') and 'alt="Radar chart of 3 dimensions' in page
    True
    """
    return picture_html(figure_png(fig, dpi=fig.dpi, close=False, background="white"),
                        getattr(fig, "text_summary", ""))


class SelfAssessment:
    """A participant's own answers to an instrument, with a live summary and safe saving.

    Build it with :func:`self_assessment`. Attributes worth knowing:

    controls : dict
        Key -> dropdown or text box. Survey and scale: the item id. Matrix: ``"<dimension>"``
        for the level now and ``"<dimension>_target"`` for the target.
    summary : str
        The live summary in words.
    chart_data : dict
        ``{"current": {dimension: value}, "target": {...}}`` as drawn (``target`` for a matrix only).
    figure : matplotlib Figure or None
        The latest chart (a radar; None with fewer than three dimensions).
    path : pathlib.Path or None
        This session's file, once saved.
    widget : ipywidgets.VBox
    """

    def __init__(self, instrument, *, folder=DEFAULT_FOLDER, respondent="", group="", table="", chart=True,
                 environ=None):
        w = _widgets()
        self.instrument = instrument if isinstance(instrument, Instrument) else load_instrument(instrument)
        self.session = secrets.token_hex(3)
        self.path = None
        self.saves = 0
        self.figure = None
        self._chart = chart
        self._charts = {}  # the answers a chart shows -> [figure, PNG once shown]: each chart is drawn once
        self._frames = {}  # where the chart's layout put its axes: later charts are drawn straight into it
        self._environ = environ
        inst = self.instrument
        scale = inst.scale
        options = [_BLANK] + [(f"{p} - {scale.labels[p]}", p) for p in scale.points]
        wide = {"description_width": "initial"}
        self.controls = {}
        rows = []
        code = respondent or f"p-{self.session}"
        if inst.kind == "matrix":
            self.table_box = w.Text(value=table, description="Your table", placeholder="e.g. Table 3", style=wide)
            self.code_box = w.Text(value=code, description="Your code (not your name)", style=wide)
            rows += [self.table_box, self.code_box]
            self._descriptors = {}
            for d in inst.dimensions:
                now = w.Dropdown(options=options, value=None, description=f"{d.name}: now", style=wide,
                                 layout=w.Layout(width="max-content"))
                target = w.Dropdown(options=options, value=None, description=f"{d.name}: target", style=wide,
                                    layout=w.Layout(width="max-content"))
                self.controls[d.id], self.controls[f"{d.id}_target"] = now, target
                self._descriptors[d.id] = w.HTML(value=self._descriptor_html(d.id, None))
                rows.append(w.VBox([w.HTML(f"<b>{html.escape(d.name)}</b> - {html.escape(d.description)}"),
                                    w.HBox([now, target]), self._descriptors[d.id]],
                                   layout=w.Layout(margin="0 0 0.6em 0")))
        else:
            self.code_box = w.Text(value=code, description="Your code (not your name)", style=wide)
            self.group_box = w.Text(value=group, description="Group (optional)", placeholder="e.g. your role",
                                    style=wide)
            rows += [self.code_box, self.group_box]
            for k, item in enumerate(inst.items, start=1):
                label = w.HTML(f"<b>{k}.</b> {html.escape(item.wording)}")
                if item.type == "text":
                    control = w.Textarea(value="", description=f"Answer {k}", placeholder="Type here (optional)",
                                         tooltip=item.wording, layout=w.Layout(width="90%"))
                else:
                    control = w.Dropdown(options=options, value=None, description=f"Answer {k}",
                                         tooltip=item.wording, layout=w.Layout(width="max-content"))
                self.controls[item.id] = control
                rows.append(w.VBox([label, control], layout=w.Layout(margin="0 0 0.4em 0")))
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self.folder_box = w.Text(value=str(folder), description="Save to folder", style=wide)
        self.save_button = w.Button(description="Save my answers", button_style="primary", icon="save",
                                    tooltip="Adds your answers to your own file in the folder above",
                                    layout=w.Layout(width="max-content"))
        self.save_button.on_click(lambda _button: self._save_clicked())
        self.status = w.HTML(_STATUS.format("Not saved yet."))
        self.summary_html = w.HTML()
        self.chart_output = w.Output()
        # The whole note: it says how to use the instrument and what it is not (not validated, not official).
        intro = w.HTML(f"<h3>{html.escape(inst.title)}</h3><p>{html.escape(inst.notes)}</p>")
        self.widget = w.VBox([intro, *rows, self.summary_html, self.chart_output, self.folder_box,
                              self.save_button, self.status])
        self._update()

    # ------------------------------------------------------------------ state

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def _descriptor_html(self, dim, level):
        if level is None:
            return "<i>Choose the level that fits now to see its description.</i>"
        return f"<i>Level {level}:</i> {html.escape(self.instrument.levels[dim][level])}"

    def set_answer(self, key, value, *, part="current"):
        """Set a control as a participant would (``part="target"`` for a matrix target)."""
        name = f"{key}_target" if part == "target" else key
        if name not in self.controls:
            raise KeyError(f"No control {name!r}; the controls are: {', '.join(self.controls)}.")
        self.controls[name].value = value

    def values(self):
        """The answers as they stand: control key -> value (None = no answer)."""
        return {key: (control.value if control.value != "" else None) for key, control in self.controls.items()}

    def _changed(self, change):
        self._update()

    def _scores(self):
        inst, values = self.instrument, self.values()
        current, target, counts = {}, {}, {}
        if inst.kind == "matrix":
            for d in inst.dimension_ids:
                current[d] = float(values[d]) if values[d] is not None else math.nan
                t = values[f"{d}_target"]
                target[d] = float(t) if t is not None else math.nan
            return current, target, counts
        for d in inst.dimension_ids:
            answered = []
            for item in inst.items_of(d):
                v = values[item.id]
                if v is not None:
                    answered.append(inst.scale.reverse(v) if item.reverse else v)
            counts[d] = (len(answered), len(inst.items_of(d)))
            current[d] = sum(answered) / len(answered) if answered else math.nan
        return current, None, counts

    def _update(self):
        inst = self.instrument
        current, target, counts = self._scores()
        names = {d.id: d.name for d in inst.dimensions}
        self.chart_data = {"current": current, "target": target}
        if inst.kind == "matrix":
            for d in inst.dimension_ids:
                self._descriptors[d].value = self._descriptor_html(d, self.values()[d])
            scored = [d for d in inst.dimension_ids if not math.isnan(current[d])]
            parts = [f"{len(scored)} of {len(current)} dimensions scored."]
            if scored:
                low = min(scored, key=lambda d: current[d])
                high = max(scored, key=lambda d: current[d])
                parts.append(f"Lowest now: {names[low]} (level {current[low]:g}); highest: {names[high]} "
                             f"(level {current[high]:g}).")
            gaps = {d: target[d] - current[d] for d in scored if not math.isnan(target[d])}
            if gaps:
                d = max(gaps, key=lambda k: (gaps[k], -inst.dimension_ids.index(k)))
                parts.append(f"Largest gap to your target: {names[d]} ({gaps[d]:+g}).")
        else:
            parts = []
            for d in inst.dimension_ids:
                done, total = counts[d]
                if done:
                    parts.append(f"{names[d]}: {current[d]:.1f} ({done} of {total} answered)")
                else:
                    parts.append(f"{names[d]}: not answered yet")
            parts = ["; ".join(parts) + "."]
            if any(i.reverse for i in inst.rating_items):
                parts.append("Reverse-worded questions are turned round, so higher always means more.")
        self.summary = " ".join(parts)
        self.summary_html.value = _STATUS.format(html.escape(self.summary))
        if self._chart and len(current) >= 3:
            key = tuple(None if math.isnan(v) else v for v in current.values()) + (
                tuple(None if math.isnan(v) else v for v in target.values()) if target else ())
            if key not in self._charts:
                figure = radar_chart(current, target, labels=names, scale=(inst.scale.min, inst.scale.max),
                                     title="Your answers" if inst.kind != "matrix" else "Your view: now and target")
                figure.set_size_inches(5, 5)
                if len(self._charts) >= _KEPT_CHARTS:  # forget the oldest, so memory stays small
                    del self._charts[next(iter(self._charts))]
                self._charts[key] = [figure, None]
            chart = self._charts[key]
            self.figure = chart[0]
            if _in_kernel():  # the picture, rendered once per chart (tests outside a kernel skip it)
                if chart[1] is None:
                    shape = _chart_shape(chart[0])
                    chart[1] = figure_png_in_frame(chart[0], self._frames, shape, dpi=chart[0].dpi,
                                                   background="white")
                _show(self.chart_output, picture_html(chart[1], chart[0].text_summary))

    # ------------------------------------------------------------------ saving

    def rows(self):
        """The rows this save would add, and their columns."""
        inst, values = self.instrument, self.values()
        stamp = datetime.now().isoformat(timespec="seconds")
        code = self.code_box.value.strip() or f"p-{self.session}"
        if inst.kind == "matrix":
            columns = ["table", "member", "dimension", "current", "target", "priority", "session", "saved_at"]
            table = self.table_box.value.strip() or "self-assessment"
            rows = [[table, code, d, values[d], values[f"{d}_target"], "", self.session, stamp]
                    for d in inst.dimension_ids if values[d] is not None or values[f"{d}_target"] is not None]
        else:
            columns = ["respondent", "group", "session", "saved_at", *[i.id for i in inst.items]]
            answers = [values[i.id] if values[i.id] is not None else "" for i in inst.items]
            rows = [[code, self.group_box.value.strip(), self.session, stamp, *answers]] \
                if any(a != "" for a in answers) else []
        return columns, rows

    def save(self):
        """Add the current answers to this session's file; returns its path.

        The first save creates a new file (never one that exists); later saves append to it
        atomically, so every earlier save is kept.
        """
        columns, rows = self.rows()
        if not rows:
            raise ValueError("There is nothing to save yet: answer at least one question first.")
        folder = Path(self.folder_box.value.strip() or DEFAULT_FOLDER).expanduser()
        if self.path is None or self.path.parent != folder:
            for _ in range(20):
                candidate = new_session_path(folder, self.instrument.name)
                try:
                    self.path = append_rows(candidate, columns, rows, create_only=True)
                    break
                except FileExistsError:
                    continue
            else:  # pragma: no cover - twenty collisions in a row
                raise FileExistsError(f"Could not find a new file name in {folder}.")
        else:
            append_rows(self.path, columns, rows)
        self.saves += 1
        return self.path

    def _save_clicked(self):
        try:
            path = self.save()
        except (ValueError, OSError) as error:
            self.status.value = _STATUS.format("Not saved: " + html.escape(str(error)))
            return
        message = (f"Saved to <code>{html.escape(str(path))}</code> ({self.saves} save(s) in this session; earlier "
                   "saves are kept). Your file survives a kernel restart.")
        if on_temporary_server(self._environ):
            notice = temporary_session_notice("your saved answers", self._environ)
            message += f" <b>{html.escape(notice)}</b> " + download_link(path, text="Download your answers now")
        self.status.value = _STATUS.format(message)


def self_assessment(instrument, **options):
    """A self-assessment form for any instrument, with a live summary and chart, that saves to your own file.

    Parameters
    ----------
    instrument : Instrument or str
        E.g. ``"network_maturity_matrix"``, ``"network_health_check"``, ``"curiosity_practice"``.
    folder : str, optional
        Where to save (default ``my_responses`` beside the notebook; git-ignored).
    respondent, group, table : str, optional
        Pre-filled code, group and (matrix) table. The code defaults to a random one: use a code,
        not your name.
    chart : bool
        Draw the radar chart (default True).

    Returns
    -------
    SelfAssessment
        Shows as a form in Jupyter.

    Examples
    --------
    >>> form = self_assessment("curiosity_practice", chart=False)
    >>> form.set_answer("st1", 2)  # reverse-keyed: counts as 7 + 1 - 2 = 6
    >>> form.summary.split(";")[2].strip()
    'Stress tolerance: 6.0 (1 of 4 answered)'

    Notes
    -----
    For a network leader: use it before a workshop so that people arrive having thought about
    their own view; the saved files can then be pooled in :func:`workshop_view`. The curiosity
    items are a reflection aid, not a validated measure (see the instrument's notes).
    """
    return SelfAssessment(instrument, **options)


class WorkshopView:
    """The room's answers, summarised with privacy rules applied. Build it with :func:`workshop_view`.

    After :meth:`load`: ``responses`` (what was read), ``summary`` (for a matrix the room summary,
    otherwise the group summary), ``conversation`` (matrix: per table), ``comments`` (survey free
    text, unattributed), ``figure``, ``summary_text`` and ``error`` (a DataError if the files
    could not be read, shown in the widget instead of raised).
    """

    def __init__(self, instrument, source=DEFAULT_FOLDER, *, threshold=DEFAULT_THRESHOLD, min_tables=3, by="group",
                 load=True):
        w = _widgets()
        self.instrument = instrument if isinstance(instrument, Instrument) else load_instrument(instrument)
        self.threshold, self.min_tables, self.by = threshold, min_tables, by
        self.responses = self.summary = self.conversation = self.comments = self.figure = self.error = None
        self.summary_text = ""
        self._loaded = {}  # the files' names, sizes and times -> what was computed and shown from them
        is_path = isinstance(source, (str, Path))
        self.path_box = w.Text(value=str(source) if is_path else DEFAULT_FOLDER, description="Answers (file or folder)",
                               style={"description_width": "initial"}, layout=w.Layout(width="70%"))
        self.load_button = w.Button(description="Load the room's answers", icon="refresh",
                                    layout=w.Layout(width="max-content"))
        self.load_button.on_click(lambda _button: self.load())
        self.status = w.HTML(_STATUS.format("Nothing loaded yet."))
        self.output = w.Output()
        self.widget = w.VBox([w.HTML(f"<h3>Workshop view: {html.escape(self.instrument.title)}</h3>"),
                              w.HBox([self.path_box, self.load_button]), self.status, self.output])
        if load and (not is_path or Path(source).exists()):
            self.load(source)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def load(self, source=None):
        """Read the answers and rebuild the summary.

        ``source`` is a path, a DataFrame, or None for the path typed in the box.
        """
        if isinstance(source, (str, Path)):
            self.path_box.value = str(source)
        if source is None or isinstance(source, (str, Path)):
            source = self.path_box.value.strip()
        self.error = None
        key = _files_key(source)
        if key is not None and key in self._loaded:  # the same files, unchanged: nothing to read again
            state, shown = self._loaded[key]
            for name, value in state.items():
                setattr(self, name, value)
            _show(self.output, *shown)
            self.status.value = _STATUS.format(html.escape(self.summary_text))
            return self
        try:
            if self.instrument.kind == "matrix":
                shown = self._load_matrix(source)
            else:
                shown = self._load_survey(source)
        except DataError as error:
            self.error = error
            self.summary_text = ""
            self.status.value = _STATUS.format("Could not read the answers: " + html.escape(str(error)))
            return self
        if _in_kernel():  # the chart is rendered once, then shown from its picture (with its summary as alt text)
            shown = [figure_html(o) if isinstance(o, Figure) else o for o in shown]
        _show(self.output, *shown)
        if key is not None:
            state = {name: getattr(self, name) for name in
                     ("responses", "summary", "conversation", "comments", "figure", "summary_text")}
            self._loaded = {key: (state, shown)}  # only the latest files are kept
        self.status.value = _STATUS.format(html.escape(self.summary_text))
        return self

    def _load_matrix(self, source):
        matrix = read_matrix(source, self.instrument, keep="last")
        self.responses = matrix
        self.conversation = table_conversation(matrix)
        self.summary = room_summary(self.conversation, min_tables=self.min_tables, threshold=self.threshold)
        self.figure = matrix_heatmap(self.conversation, scale=(self.instrument.scale.min, self.instrument.scale.max))
        members = matrix.scores[["table", "member"]].drop_duplicates().shape[0]
        shown = self.summary[self.summary["note"] == ""]
        text = (f"{len(matrix.tables)} tables, {members} members. Room summary: "
                f"{len(shown)} of {len(self.summary)} dimensions shown")
        text += "." if len(shown) == len(self.summary) else \
            f" (the others are recorded by fewer than {self.min_tables} tables or {self.threshold} members)."
        if matrix.superseded:
            text += f" {matrix.superseded} earlier saved answer(s) were replaced by the same member's later ones."
        self.summary_text = text
        return [room_summary_table(self.summary, caption="Room summary"), self.figure,
                table_guides_html(self.conversation, matrix.tables)]

    def _load_survey(self, source):
        responses = read_responses(source, self.instrument, keep="last")
        self.responses = responses
        by = self.by if self.by in ("group", "table") and (responses.meta[self.by] != "").any() else None
        self.summary = group_summary(responses, by=by, threshold=self.threshold)
        self.comments = free_text(responses, threshold=self.threshold)
        # counted under the same disclosure plan as the summary (same groups), so neither gives the other away
        counts = item_distribution(responses, threshold=self.threshold, by=by)
        self.figure = likert_chart(counts, threshold=self.threshold)
        suppressed = sorted({g for g, n in zip(self.summary["group"], self.summary["n"]) if isinstance(n, str)})
        text = f"{len(responses)} respondents."
        if responses.superseded:
            text += f" {responses.superseded} earlier saved answer(s) were replaced by the same person's later ones."
        if suppressed:
            text += f" Suppressed (fewer than {self.threshold} respondents, or protecting a smaller group): " \
                    + ", ".join(suppressed) + "."
        self.summary_text = text
        shown = [group_summary_table(self.summary, self.instrument, caption="Summary by group"), self.figure]
        if len(self.comments):
            shown.append(comments_table(self.comments, caption="What people wrote (in a shuffled order)"))
        return shown


def workshop_view(instrument, source=DEFAULT_FOLDER, **options):
    """Load a room's answers (a CSV file or a folder of CSV files) and show the room summary.

    Parameters
    ----------
    instrument : Instrument or str
    source : str or pathlib.Path
        A CSV file or a folder of them (default ``my_responses``). Files saved by
        :func:`self_assessment` can be copied into one folder; a person who saved more than
        once counts once, with their latest answers.
    threshold : int
        Groups (survey) or dimensions (matrix, members across tables) with fewer people than
        this are suppressed (default 5).
    min_tables : int
        Matrix only: dimensions recorded by fewer tables are suppressed in the room summary.
    by : {"group", "table"}
        Survey only: what the groups are.
    load : bool
        Load straight away if ``source`` exists (default True).

    Returns
    -------
    WorkshopView

    Examples
    --------
    >>> from netlearn.synthetic_responses import make_matrix_workshop
    >>> view = workshop_view("network_maturity_matrix", make_matrix_workshop(), load=False)
    >>> view.load(make_matrix_workshop()).summary_text
    '5 tables, 30 members. Room summary: 8 of 8 dimensions shown.'

    Notes
    -----
    For a network leader: project this at the end of a workshop. It shows only what tables
    reported and groups large enough to stay anonymous; individual answers stay in the files.
    """
    return WorkshopView(instrument, source, **options)
