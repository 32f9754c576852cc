"""The learner record as a page: progress, reflections, self-assessments and an action plan.

:func:`record_page` turns a progress record into one self-contained HTML page (no scripts that
run, no pictures, fonts or style sheets from elsewhere), which opens in any browser, prints
cleanly and can be read years later. Everything the learner typed is escaped, so a reflection
that contains ``<script>`` shows as text. The machine-readable copy of the progress that
:func:`netlearn.exercises.import_record` reads back is added by
:func:`netlearn.exercises.record.export_record`.

The action plan (:func:`action_plan`) is drawn from the learner's own words: the sentences of
their reflections that say what they mean to do.

>>> action_plan({"a.q5": {"text": "Meetings felt rushed. I will ask one open question first."}})
[('I will ask one open question first.', 'a.q5')]
"""

from __future__ import annotations

import csv
import html
import re
from datetime import datetime
from pathlib import Path

__all__ = ["action_plan", "intention_sentences", "record_page", "responses_folders", "self_assessment_files"]

#: What makes a sentence an intention: who will do something ...
_INTENTION = re.compile(
    r"\b(?:i|we)\s*(?:will|shall|'ll|\u2019ll|am going to|'m going to|\u2019m going to|are going to|plan to|"
    r"intend to|aim to|mean to|want to|need to|must|should|hope to|would like to|commit to|am committing to)\b"
    # ... or a sentence that starts with a next step.
    r"|^(?:next|try|then|from now on|going forward|tomorrow|this week|next week|next time|my next step|"
    r"one thing to|action|to do)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)]*\s+|\n+")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)]|\[[ xX]?\])\s*")


def intention_sentences(text):
    """The sentences of ``text`` that state an intention ("I will…", "Next…", "Try…").

    Questions are left out (they are wondering, not deciding), and so is anything shorter
    than three words.

    >>> intention_sentences("It went well. Next time, try a round where everyone speaks! "
    ...                     "Should I ask Sam? We'll share the notes.")
    ['Next time, try a round where everyone speaks!', "We'll share the notes."]
    """
    found = []
    for part in _SENTENCE_END.split(str(text)):
        sentence = _BULLET.sub("", part).strip()
        if len(sentence.split()) < 3 or sentence.endswith("?"):
            continue
        if _INTENTION.search(sentence):
            found.append(sentence)
    return found


def action_plan(reflections):
    """The intention sentences of every reflection, as ``(sentence, reflection key)`` pairs.

    Parameters
    ----------
    reflections : dict
        Reflection key -> ``{"text": ...}``, as in the progress record.

    Repeated sentences appear once, at their first place.
    """
    plan, seen = [], set()
    for key, entry in reflections.items():
        for sentence in intention_sentences(entry.get("text", "")):
            folded = " ".join(sentence.lower().split())
            if folded not in seen:
                seen.add(folded)
                plan.append((sentence, key))
    return plan


# ====================================================================== self-assessments
_SESSION_FILE = re.compile(r"^(?P<name>.+)_\d{8}-\d{6}_[0-9A-Za-z]+$")


def responses_folders(start=None):
    """Where the self-assessment forms save by default, seen from the folder ``start`` (default: here).

    ``my_responses`` in ``start``, and in the course's ``notebooks`` and ``exercises`` folders
    when ``start`` is one of them or the course folder; only folders that exist.
    """
    start = Path.cwd() if start is None else Path(start)
    candidates = [start / "my_responses"]
    for base in (start, start.parent):
        candidates += [base / "notebooks" / "my_responses", base / "exercises" / "my_responses"]
    found, seen = [], set()
    for folder in candidates:
        try:
            real = folder.resolve()
        except OSError:
            continue
        if real not in seen and folder.is_dir():
            seen.add(real)
            found.append(folder)
    return found


def self_assessment_files(folders):
    """The CSV files saved by :func:`netlearn.diagnostics.self_assessment` in ``folders``, sorted."""
    files = []
    for folder in folders:
        files += sorted(path for path in Path(folder).glob("*.csv") if _SESSION_FILE.match(path.stem))
    return files


def _instrument(name):
    try:
        from ..diagnostics.instruments import load_instrument

        return load_instrument(name)
    except Exception:  # an instrument of the learner's own, or one no longer shipped: show raw ids
        return None


def _read_rows(path):
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return None, f"could not be read ({error})"
    if not rows:
        return None, "is empty"
    return rows, None


def _table(header, rows, caption=None):
    head = "".join(f'<th scope="col">{html.escape(str(cell))}</th>' for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _assessment_html(path):
    name = _SESSION_FILE.match(path.stem).group("name")
    instrument = _instrument(name)
    title = instrument.title if instrument is not None else name.replace("_", " ")
    heading = f"<h3>{html.escape(title)}</h3><p class=\"small\">Saved in <code>{html.escape(str(path))}</code>.</p>"
    rows, problem = _read_rows(path)
    if rows is None:
        return heading + f"<p>This file {html.escape(problem)}.</p>"
    header, data = rows[0], rows[1:]
    if "respondent" in header:   # a questionnaire: one row per save; shown with the questions down the side
        wording = {item.id: item.wording for item in instrument.items} if instrument is not None else {}
        saved = header.index("saved_at") if "saved_at" in header else None
        columns = ["Question"] + [(f"Saved {_when(row[saved])}" if saved is not None and saved < len(row)
                                   else f"Save {n}") for n, row in enumerate(data, 1)]
        meta = {"respondent", "group", "session", "saved_at"}
        body = [[wording.get(column, column)] + [row[i] if i < len(row) else "" for row in data]
                for i, column in enumerate(header) if column not in meta]
        table = _table(columns, body)
    else:                          # a maturity matrix: one row per dimension
        names = {d.id: d.name for d in instrument.dimensions} if instrument is not None else {}
        keep = [i for i, column in enumerate(header) if column not in ("session",)]
        body = [[names.get(row[i], row[i]) if header[i] == "dimension" else row[i] for i in keep if i < len(row)]
                for row in data]
        table = _table([header[i].replace("_", " ") for i in keep], body)
    scale = ""
    if instrument is not None and getattr(instrument.scale, "labels", None):
        labels = "; ".join(f"{value} = {label}" for value, label in sorted(instrument.scale.labels.items()))
        scale = f"<p class=\"small\">Scale: {html.escape(labels)}.</p>"
    return heading + table + scale


# ====================================================================== the page
_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1d2428; line-height: 1.5;
       max-width: 52em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { margin-top: 1.8em; border-bottom: 2px solid #1a5fb4; }
h3 { margin-bottom: 0.3em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; width: 100%; }
th, td { border: 1px solid #8a949c; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
thead th { background: #e8eef5; } caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
.prompt { border-left: 4px solid #8a949c; padding: 0.2em 0.8em; color: #33414a; margin: 0.3em 0; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.5em 0; }
.small { font-size: 0.9em; color: #4a5660; }
ul.plan { list-style: none; padding-left: 0.2em; } ul.plan li { margin: 0.4em 0; }
.box { font-size: 1.2em; margin-right: 0.4em; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; }
               tr, .reflection, ul.plan li { break-inside: avoid; } }
"""

_STATUS_WORDS = {
    "done": "Done", "done_with_solution": "Done, after seeing the solution", "saved": "Saved",
    "tried": "Tried, not right yet", "solution_seen": "Solution seen, not answered yet", "not_started": "Not started",
}
_DONE = {"done", "done_with_solution", "saved"}


def _when(stamp):
    """``"6 December 2026, 21:15"`` from an ISO time (one without a zone is taken as local time)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return "an unknown date"
    return (moment.astimezone() if moment.tzinfo else moment).strftime("%d %B %Y, %H:%M").lstrip("0")


def _status(kind, key, data):
    if kind == "reflection":
        saved = data["reflections"].get(key)
        return "saved" if saved and str(saved.get("text", "")).strip() else "not_started"
    entry = data["exercises"].get(key, {})
    if entry.get("correct"):
        return "done_with_solution" if entry.get("solution_revealed") else "done"
    if entry.get("attempted"):
        return "tried"
    return "solution_seen" if entry.get("solution_revealed") else "not_started"


def _progress_section(data, exercise_sets):
    summary, details, known = [], [], set()
    for exercise_set in exercise_sets:
        outline = exercise_set.outline()
        statuses = [(item, _status(item.kind, item.key, data)) for item in outline]
        known.update(item.key for item in outline)
        done = sum(status in _DONE for _item, status in statuses)
        tried = sum(status == "tried" for _item, status in statuses)
        summary.append([f"{exercise_set.number:02d}", exercise_set.title, f"{done} of {len(outline)}", tried,
                        sum(status == "not_started" for _item, status in statuses)])
        for item, status in statuses:
            if status == "not_started":
                continue
            entry = data["exercises"].get(item.key, {})
            details.append([f"{exercise_set.number:02d} {exercise_set.title}", item.name, status, entry])
    for key in sorted(set(data["exercises"]) - known):      # exercises no longer in the course
        entry = data["exercises"][key]
        details.append(["Other exercises", key, _status(entry.get("kind", "code"), key, data), entry])
    parts = ["<h2>Progress by notebook</h2>",
             _table(["No.", "Exercise notebook", "Done", "Tried, not right yet", "Not started"], summary)
             if summary else "<p>No exercise notebooks were found.</p>"]
    if details:
        rows = [[where, name, _STATUS_WORDS[status], entry.get("attempts", ""), entry.get("hints_used", ""),
                 "yes" if entry.get("solution_revealed") else ""] for where, name, status, entry in details]
        parts.append(_table(["Notebook", "Exercise", "Status", "Answers checked", "Hints used", "Solution seen"],
                            rows, caption="Every exercise you have started"))
    else:
        parts.append("<p>No exercise has been started yet.</p>")
    return "".join(parts)


def _reflection_places(exercise_sets):
    """Reflection key -> (order, notebook title, item), without building any exercise set."""
    places = {}
    for exercise_set in exercise_sets:
        for position, item in enumerate(exercise_set.outline()):
            if item.kind == "reflection":
                places[item.key] = ((exercise_set.number, position), exercise_set, item)
    return places


def _prompt_of(key, entry, places):
    if entry.get("prompt"):
        return entry["prompt"]
    if key in places:
        try:   # older saves did not keep the question: ask the notebook's exercises for it
            return places[key][1][places[key][2].name].prompt
        except Exception:
            return None
    return None


def _reflections_section(reflections, places):
    if not reflections:
        return ("<h2>Your reflections</h2><p>No reflections saved yet. They appear here once you press "
                "<em>Save my reflection</em> in an exercise notebook.</p>")
    parts = ["<h2>Your reflections</h2>"]
    for key, entry in reflections.items():
        where = places.get(key)
        title = (f"{where[1].number:02d} {where[1].title}: {where[2].name}" if where else key)
        prompt = _prompt_of(key, entry, places)
        prompt_html = f'<div class="prompt">{html.escape(prompt)}</div>' if prompt else ""
        parts.append(f'<div class="reflection"><h3>{html.escape(title)}</h3>{prompt_html}'
                     f'<div class="answer">{html.escape(entry.get("text", ""))}</div>'
                     f'<p class="small">Saved on {html.escape(_when(entry.get("saved_at")))}.</p></div>')
    return "".join(parts)


def _plan_section(plan, places):
    intro = ("<h2>Your action plan</h2><p>These are the sentences in your own reflections that say what you mean "
             "to do (they start with words such as <em>I will</em>, <em>Next</em> or <em>Try</em>). "
             "Nothing has been added or reworded. Tick them off as you go.</p>")
    if not plan:
        return intro + ("<p>None of your reflections says what you will do next yet. Write a sentence such as "
                        "<em>I will ask the group what they need before the next meeting</em> in a reflection, "
                        "and it will appear here.</p>")
    items = []
    for sentence, key in plan:
        where = places.get(key)
        source = f"{where[1].number:02d} {where[1].title}, {where[2].name}" if where else key
        items.append(f'<li><span class="box" aria-hidden="true">\u2610</span>{html.escape(sentence)} '
                     f'<span class="small">(from {html.escape(source)})</span></li>')
    return intro + f'<ul class="plan">{"".join(items)}</ul>'


def _assessments_section(files, folders):
    parts = ["<h2>Your self-assessments</h2>"]
    if not files:
        looked = ", ".join(f"<code>{html.escape(str(folder))}</code>" for folder in folders) or "my_responses"
        parts.append(f"<p>No saved self-assessments were found (looked in {looked}).</p>")
    else:
        parts.append("<p>The answers you saved with the self-assessment forms, as saved.</p>")
        parts += [_assessment_html(path) for path in files]
    return "".join(parts)


def record_page(data, *, exercise_sets, exported_at, where, responses=(), responses_looked=(), embedded=""):
    """The learner record as one HTML page (a str).

    Parameters
    ----------
    data : dict
        The progress record (see :mod:`netlearn.exercises.progress`).
    exercise_sets : list of ExerciseSet
        The course's exercise notebooks, for titles and order (only their outlines are read;
        a reflection saved without its question asks its set for it).
    exported_at : datetime
    where : str
        A sentence on where the progress was kept.
    responses, responses_looked : lists of paths
        Self-assessment files to include, and the folders searched for them.
    embedded : str
        Extra markup placed at the end of the body (the machine-readable copy).
    """
    places = _reflection_places(exercise_sets)
    order = sorted(data["reflections"], key=lambda key: (places[key][0] if key in places else (999, 0), key))
    reflections = {key: data["reflections"][key] for key in order}
    stamp = exported_at.astimezone().strftime("%d %B %Y at %H:%M").lstrip("0")
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Learner record: netlearn, {html.escape(stamp)}</title><style>{_STYLE}</style></head><body>"
        "<header><h1>My learner record</h1><p>netlearn: leading improvement through networks. "
        f"Made on {html.escape(stamp)}.</p></header><main>"
        "<h2>About this record</h2><p>This page keeps your progress, your reflections, your self-assessments "
        "and an action plan in one file that you can keep, print or open in any browser. It holds what you "
        "wrote, so keep it somewhere private.</p>"
        f"<p>{html.escape(where)}</p>"
        "<p>To carry on where you left off in a new session, use <em>Restore from a record</em> in the progress "
        "panel of any exercise notebook, or run <code>netlearn.exercises.import_record(\"this file\")</code>. "
        "Nothing newer that you have done in that session is lost.</p>"
        + _progress_section(data, exercise_sets)
        + _reflections_section(reflections, places)
        + _plan_section(action_plan(reflections), places)
        + _assessments_section(list(responses), list(responses_looked))
        + f"</main>{embedded}</body></html>\n"
    )
