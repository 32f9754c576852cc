"""The widgets of the exercise notebooks: concept questions, reflection boxes, progress.

Each is a real ipywidgets widget, so it works with the keyboard (Tab to move, arrow keys or
Space to choose, Enter to press a button) and shows a clear outline around whatever has focus.
Every callback is an ordinary Python method, so tests can set values and press buttons
without a browser. The progress widgets end with :func:`record_buttons`: *Download my record*
and *Restore from a record* (see :mod:`netlearn.exercises.record`).

>>> from netlearn.exercises import ConceptQuestion, Option
>>> question = ConceptQuestion("q9", prompt="Which is a colour?", options=[
...     Option("Blue", True, "Blue is a colour."), Option("Seven", False, "Seven is a number.")])
>>> widget = concept_widget(question)
>>> widget.choose(1)
>>> widget.button.click()
>>> "Seven is a number." in widget.feedback.value
True
"""

from __future__ import annotations

import html
import tempfile
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ..errors import DataError
from .engine import NOT_ATTEMPTED, text_to_html
from .progress import progress_store
from .record import export_record, import_record, storage_note

__all__ = [
    "FOCUS_CSS",
    "ConceptWidget",
    "ProgressWidget",
    "RecordButtons",
    "ReflectionWidget",
    "concept_widget",
    "course_progress",
    "item_status",
    "track_counts",
    "progress_table",
    "progress_widget",
    "record_buttons",
    "reflection_widget",
]

#: Style shared by the exercise widgets: a strong focus outline for keyboard users, and option
#: texts that wrap instead of being cut off.
FOCUS_CSS = """<style>
.netlearn-exercise :focus-visible {
  outline: 3px solid #1a5fb4 !important;
  outline-offset: 2px;
  box-shadow: 0 0 0 5px #ffffff;
}
.netlearn-exercise .widget-radio-box label,
.netlearn-exercise .widget-checkbox,
.netlearn-exercise .widget-checkbox label,
.netlearn-exercise .widget-label-basic,
.netlearn-exercise .widget-label-basic span {
  white-space: normal !important;
  overflow: visible !important;
  text-overflow: clip !important;
  height: auto !important;
  line-height: 1.45 !important;
}
.netlearn-exercise .widget-radio-box label,
.netlearn-exercise .widget-checkbox {
  margin: 0.25em 0 !important;
  align-items: flex-start !important;
}
.netlearn-exercise .widget-checkbox input[type="checkbox"],
.netlearn-exercise .widget-radio-box input[type="radio"] {
  margin-top: 0.3em !important;
  flex-shrink: 0;
}
.netlearn-exercise .widget-checkbox .widget-label-basic { display: flex !important; gap: 0.4em; }
.netlearn-reflection .widget-textarea { flex-direction: column !important; align-items: stretch !important; }
.netlearn-reflection .widget-textarea .widget-label {
  width: auto !important; text-align: left !important; font-weight: bold; margin-bottom: 0.3em;
}
.netlearn-reflection textarea { font-size: 1em; line-height: 1.45; min-height: 7em; }
.netlearn-progress table { border-collapse: collapse; margin: 0.3em 0; }
.netlearn-progress th, .netlearn-progress td { text-align: left; padding: 0.25em 0.8em 0.25em 0; vertical-align: top; }
.netlearn-progress th { border-bottom: 1px solid #8a949c; }
</style>"""


def _saving():
    from ..diagnostics import saving   # on first use: importing the exercises stays light

    return saving


def _style():
    return widgets.HTML(FOCUS_CSS, layout=widgets.Layout(height="0px", margin="0"))


def _prompt_html(title, note, prompt):
    extra = f' <span style="font-weight:normal">· {html.escape(note)}</span>' if note else ""
    return (f'<div class="netlearn-prompt" style="line-height:1.45"><strong>{html.escape(title)}</strong>{extra}'
            f"{text_to_html(prompt)}</div>")


# ====================================================================== concept questions
class ConceptWidget(widgets.VBox):
    """A concept question: the prompt, the options, a Check my answer button and the feedback.

    Attributes
    ----------
    question : ConceptQuestion
    choices : RadioButtons, or a list of Checkbox (one per option)
    button : Button
    feedback : HTML
        Empty until the button is pressed; then the verdict and the explanations.
    result : CheckResult or None
        The last result.
    """

    def __init__(self, question):
        self.question = question
        self.result = None
        if question.multiple:
            self.choices = [
                widgets.Checkbox(value=False, description=question.label(i), indent=False,
                                 layout=widgets.Layout(width="auto"))
                for i in range(len(question.options))
            ]
            options_box = widgets.VBox(self.choices)
            note = "Tick all that apply."
        else:
            self.choices = widgets.RadioButtons(
                options=[(question.label(i), i) for i in range(len(question.options))],
                value=None, layout=widgets.Layout(width="auto"))
            options_box = self.choices
            note = "Choose one answer."
        self.button = widgets.Button(description="Check my answer", button_style="primary", icon="check",
                                     tooltip="Check the option(s) you chose",
                                     layout=widgets.Layout(width="auto", margin="0.5em 0", align_self="flex-start"))
        self.feedback = widgets.HTML(value="")
        self.button.on_click(self._check)
        header = widgets.HTML(_prompt_html(question.title, note, question.prompt))
        super().__init__([_style(), header, options_box, self.button, self.feedback],
                         layout=widgets.Layout(width="auto", max_width="60em"))
        self.add_class("netlearn-exercise")
        self.add_class("netlearn-concept")

    def selection(self):
        """The indices of the chosen options, as a tuple."""
        if self.question.multiple:
            return tuple(i for i, box in enumerate(self.choices) if box.value)
        return () if self.choices.value is None else (self.choices.value,)

    def choose(self, *indices):
        """Choose options as a learner would (by index from 0); for tests and demonstrations."""
        if self.question.multiple:
            for i, box in enumerate(self.choices):
                box.value = i in indices
        else:
            self.choices.value = indices[0] if indices else None

    def _check(self, _button=None):
        selection = self.selection()
        self.result = self.question.evaluate(list(selection))
        if self.result.status != NOT_ATTEMPTED:
            self.question.record(selection, self.result)
        self.feedback.value = self.result._repr_html_()


def concept_widget(question):
    """The widget for a :class:`~netlearn.exercises.ConceptQuestion`."""
    return ConceptWidget(question)


# ====================================================================== reflections
def _when(stamp):
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except (TypeError, ValueError):
        return "earlier"
    return moment.strftime("%d %b %Y at %H:%M").lstrip("0")


class ReflectionWidget(widgets.VBox):
    """A reflection: the prompt, a text box holding what was saved before, and a Save button.

    Attributes
    ----------
    reflection : Reflection
    text : Textarea
    button : Button
    status : HTML
        Says whether and when it was saved, and where it is kept.
    """

    def __init__(self, reflection):
        self.reflection = reflection
        saved = reflection.saved
        self.text = widgets.Textarea(value=saved["text"] if saved else "", placeholder=reflection.placeholder,
                                     description="Your reflection", style={"description_width": "initial"},
                                     layout=widgets.Layout(width="100%", height="9em"))
        self.button = widgets.Button(description="Save my reflection", button_style="primary", icon="save",
                                     tooltip="Save what you wrote with your progress",
                                     layout=widgets.Layout(width="auto", margin="0.5em 0", align_self="flex-start"))
        if saved:
            note = (f"Saved on {_when(saved.get('saved_at'))}. Change it and save again whenever you like; "
                    "it is not marked.")
        else:
            note = "Not saved yet. Nobody marks this: it is for you."
        self.status = widgets.HTML(_status_html(f"{note} {storage_note()}"))
        self.button.on_click(self._save)
        prompt = reflection.prompt + (f"\n\n{reflection.guidance}" if reflection.guidance else "")
        header = widgets.HTML(_prompt_html(reflection.title, "Not marked", prompt))
        children = [_style(), header, self.text, self.button, self.status]
        self.record = None
        if _saving().on_temporary_server():   # the file will not last here: offer the download beside the box
            self.record = RecordButtons(restore=False, notice=False)
            children.append(self.record)
        super().__init__(children, layout=widgets.Layout(width="auto", max_width="60em"))
        self.add_class("netlearn-exercise")
        self.add_class("netlearn-reflection")

    def _save(self, _button=None):
        note = self.reflection.save(self.text.value)
        self.status.value = note._repr_html_()


def _status_html(note):
    return f'<div role="status" style="color:#33414a;font-size:0.95em">{html.escape(note)}</div>'


def reflection_widget(reflection):
    """The widget for a :class:`~netlearn.exercises.Reflection`."""
    return ReflectionWidget(reflection)


# ====================================================================== progress
_STATUS_WORDS = {
    "done": ("\u2714", "Done"),
    "done_with_solution": ("\u2714", "Done, after seeing the solution"),
    "saved": ("\u2714", "Saved"),
    "tried": ("\u21bb", "Tried, not right yet"),
    "solution_seen": ("\u2726", "Solution seen, not answered yet"),
    "not_started": ("\u25cb", "Not started"),
}
_KIND_WORDS = {"code": "Code", "concept": "Concept question", "reflection": "Reflection", "choice": "Choice",
               "ranking": "Ranking", "prediction": "Prediction", "decision": "Decision"}
_TRACK_WORDS = {"leader": "Leader track (no code)", "analyst": "Analyst track (code)"}
_DONE = {"done", "done_with_solution", "saved"}


def item_status(item, data):
    """One of the keys of ``_STATUS_WORDS`` for an exercise, from the progress record ``data``."""
    if item.kind == "reflection":
        saved = data.get("reflections", {}).get(item.key)
        return "saved" if saved and str(saved.get("text", "")).strip() else "not_started"
    entry = data.get("exercises", {}).get(item.key, {})
    if entry.get("correct"):
        return "done_with_solution" if entry.get("solution_revealed") else "done"
    if entry.get("attempted"):
        return "tried"
    if entry.get("solution_revealed"):
        return "solution_seen"
    return "not_started"


def _sets(exercise_sets):
    if exercise_sets is None:
        from . import registry

        return list(registry().values())
    return list(exercise_sets)


def progress_table(exercise_sets=None):
    """Every exercise with what is recorded about it, as a table (for trainers and learners).

    Parameters
    ----------
    exercise_sets : iterable of ExerciseSet, optional
        Default: every exercise notebook of the course.

    Returns
    -------
    DataFrame
        ``notebook``, ``exercise``, ``kind``, ``track`` (``"leader"`` or ``"analyst"``), ``status``,
        ``done``, ``attempts``, ``hints_used``, ``solution_revealed``.
    """
    data = progress_store().read()
    rows = []
    for exercise_set in _sets(exercise_sets):
        for item in exercise_set.outline():  # names, kinds and keys: the answers are not computed
            entry = data["exercises"].get(item.key, {})
            status = item_status(item, data)
            rows.append({"notebook": exercise_set.notebook, "exercise": item.name, "kind": item.kind,
                         "track": item.track, "status": _STATUS_WORDS[status][1], "done": status in _DONE,
                         "attempts": entry.get("attempts", 0), "hints_used": entry.get("hints_used", 0),
                         "solution_revealed": bool(entry.get("solution_revealed", False))})
    return pd.DataFrame(rows, columns=["notebook", "exercise", "kind", "track", "status", "done", "attempts",
                                       "hints_used", "solution_revealed"])


def _bar(done, total):
    return (f'<progress value="{done}" max="{max(total, 1)}" aria-label="{done} of {total} done" '
            f'style="width:8em;vertical-align:middle"></progress> {done} of {total} done')


def _caption(note):
    """The table's caption: where progress is kept (:func:`~netlearn.exercises.record.storage_note`)."""
    return ('<caption style="text-align:left;caption-side:bottom;font-size:0.85em;color:#4a5660">'
            f'{html.escape(note)}</caption>')


def track_counts(exercise_set, data):
    """For each track, ``(done, total)`` of the set's exercises, from the outline (nothing is built).

    >>> from netlearn.exercises import registry
    >>> track_counts(registry()["distributed_leadership"], {"exercises": {}, "reflections": {}})
    {'leader': (0, 5), 'analyst': (0, 4)}
    """
    counts = {}
    for track in _TRACK_WORDS:
        entries = exercise_set.track(track)
        counts[track] = (sum(item_status(item, data) in _DONE for item in entries), len(entries))
    return counts


def _track_counts(exercise_set, data):
    parts = [f"{_TRACK_WORDS[track]}: {done} of {total} done"
             for track, (done, total) in track_counts(exercise_set, data).items() if total]
    return f'<div>{html.escape("; ".join(parts))}</div>'


def _set_progress_html(exercise_set, data, location):
    rows = []
    done = 0
    for item in exercise_set:
        status = item_status(item, data)
        done += status in _DONE
        icon, words = _STATUS_WORDS[status]
        entry = data["exercises"].get(item.key, {})
        hints = entry.get("hints_used", 0) if item.kind not in ("concept", "reflection") else ""
        kind = _KIND_WORDS.get(item.kind, item.kind)
        track = _TRACK_WORDS[item.track].split(" (")[0]
        rows.append(f'<tr><th scope="row">{html.escape(item.title)}</th><td>{track}</td><td>{kind}</td>'
                    f'<td><span aria-hidden="true">{icon}</span> {words}</td><td>{hints}</td></tr>')
    return (f'<div style="line-height:1.45"><strong>Your progress in this notebook</strong>: '
            f'{_bar(done, len(exercise_set))}{_track_counts(exercise_set, data)}'
            f'<table>{_caption(location)}'
            f'<thead><tr><th scope="col">Exercise</th><th scope="col">Track</th><th scope="col">Kind</th>'
            f'<th scope="col">Status</th>'
            f'<th scope="col">Hints used</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


class ProgressWidget(widgets.VBox):
    """Which exercises are done, read from the progress file; Refresh reads it again.

    With ``record=True`` (the default) it ends with :class:`RecordButtons`, and a restore
    refreshes the table.
    """

    def __init__(self, render, record=True):
        self._render = render
        self.table = widgets.HTML()
        self.button = widgets.Button(description="Refresh", icon="refresh", tooltip="Read your progress again",
                                     layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.button.on_click(self.refresh)
        self.refresh()
        self.record = RecordButtons(on_restore=self.refresh) if record else None
        children = [_style(), self.table, self.button] + ([self.record] if record else [])
        super().__init__(children, layout=widgets.Layout(width="auto"))
        self.add_class("netlearn-exercise")
        self.add_class("netlearn-progress")

    def refresh(self, _button=None):
        store = progress_store()
        self.table.value = self._render(store.read(), storage_note(store))


def progress_widget(exercise_set, record=True):
    """A small widget showing which exercises of one notebook are done (and the record buttons)."""
    return ProgressWidget(lambda data, location: _set_progress_html(exercise_set, data, location), record=record)


# ====================================================================== the learner record
def _changes_sentence(changes):
    parts = [f"{len(changes['added'])} new here", f"{len(changes['updated'])} combined with what was here",
             f"{len(changes['kept'])} already up to date here"]
    return "Exercises and reflections: " + ", ".join(parts) + "."


class RecordButtons(widgets.VBox):
    """*Download my record* (writes the learner record and shows a link) and *Restore from a record*.

    Parameters
    ----------
    restore : bool
        Show the upload button for restoring (default True).
    notice : bool
        On Binder or a JupyterHub, start with the plain warning that files will not last.
    on_restore : callable, optional
        Called with no arguments after a successful restore (the progress table refreshes).

    Attributes
    ----------
    download_button : Button
    upload : FileUpload or None
    status : HTML
        What happened: the file written and its download link, what was restored, or what was wrong.
    path : pathlib.Path or None
        The last record written.
    """

    def __init__(self, *, restore=True, notice=True, on_restore=None):
        self._on_restore = on_restore
        self.path = None
        self.download_button = widgets.Button(description="Download my record", icon="download",
                                              tooltip="Write your progress, reflections and action plan to one file",
                                              layout=widgets.Layout(width="auto", margin="0 0.5em 0.3em 0"))
        self.download_button.on_click(self.download)
        controls = [self.download_button]
        self.upload = None
        if restore:
            self.upload = widgets.FileUpload(accept=".html,.htm", multiple=False, description="Restore from a record",
                                             icon="upload",
                                             layout=widgets.Layout(width="auto", margin="0 0.5em 0.3em 0"))
            self.upload.observe(self._uploaded, names="value")
            controls.append(self.upload)
        warning = _saving().temporary_session_notice("your progress and reflections") if notice else ""
        intro = (f"<b>{html.escape(warning)}</b>" if warning else
                 "To keep a copy of your progress and reflections, or to carry on elsewhere, download your record.")
        self.status = widgets.HTML("")
        super().__init__([widgets.HTML(f'<div style="line-height:1.45">{intro}</div>'),
                          widgets.HBox(controls, layout=widgets.Layout(flex_flow="row wrap")),
                          self.status], layout=widgets.Layout(width="auto", margin="0.5em 0 0 0"))
        self.add_class("netlearn-exercise")
        self.add_class("netlearn-record")

    def download(self, _button=None):
        """Write a new record file (never replacing one) and show where it is, with a download link."""
        try:
            self.path = export_record()
        except OSError as error:
            self.status.value = _status_html(f"Your record could not be written: {error}. Nothing was changed.")
            return None
        self.status.value = (f'<div role="status" style="line-height:1.45">Your record is saved as '
                             f'<code>{html.escape(str(self.path))}</code>. '
                             f'{_saving().download_link(self.path, text="Download it to your computer")} and keep it '
                             "somewhere private: it holds what you wrote.</div>")
        return self.path

    def restore(self, content, name="record.html"):
        """Restore progress from the bytes of a record file called ``name``; returns what changed."""
        folder = Path(tempfile.mkdtemp(prefix="netlearn-restore-"))
        path = folder / (Path(str(name)).name or "record.html")
        path.write_bytes(bytes(content))
        try:
            changes = import_record(path)
        except DataError as error:
            self.status.value = _status_html(f"Nothing was restored. {error}")
            return None
        finally:
            path.unlink(missing_ok=True)
            folder.rmdir()
        kept = f" Your progress as it was before is kept in {changes['copy']}." if changes["copy"] else ""
        self.status.value = _status_html(f"Restored from {path.name}. {_changes_sentence(changes)}{kept}")
        if self._on_restore is not None:
            self._on_restore()
        return changes

    def _uploaded(self, change):
        files = change["new"]
        if not files:
            return
        upload = files[0]
        self.restore(upload["content"], upload["name"])
        self.upload.value = ()   # ready for another file


def record_buttons(restore=True):
    """*Download my record* and *Restore from a record*, for any notebook (see :class:`RecordButtons`)."""
    return RecordButtons(restore=restore)


def _course_html(exercise_sets, data, location):
    rows = []
    for exercise_set in exercise_sets:
        done = sum(item_status(item, data) in _DONE for item in exercise_set.outline())
        rows.append(f'<tr><td>{exercise_set.number:02d}</td><th scope="row">{html.escape(exercise_set.title)}</th>'
                    f'<td><code>{html.escape(exercise_set.notebook)}</code></td>'
                    f'<td>{_bar(done, len(exercise_set))}</td>'
                    f'<td>{_counts_cell(exercise_set, data, "leader")}</td>'
                    f'<td>{_counts_cell(exercise_set, data, "analyst")}</td></tr>')
    if not rows:
        rows.append('<tr><td colspan="6">No exercise notebooks yet.</td></tr>')
    return (f'<div style="line-height:1.45"><strong>Your progress through the exercises</strong>'
            f'<table>{_caption(location)}'
            f'<thead><tr><th scope="col">No.</th><th scope="col">Exercises</th><th scope="col">Notebook</th>'
            f'<th scope="col">Done</th><th scope="col">Leader track (no code)</th>'
            f'<th scope="col">Analyst track (code)</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _counts_cell(exercise_set, data, track):
    done, total = track_counts(exercise_set, data)[track]
    return f"{done} of {total}" if total else "none"


def course_progress(exercise_sets=None, record=True):
    """The course overview: for every exercise notebook, how many of its exercises are done."""
    sets = _sets(exercise_sets)
    return ProgressWidget(lambda data, location: _course_html(sets, data, location), record=record)

