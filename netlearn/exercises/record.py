"""A learner record: one HTML file that carries a learner's progress from one session to the next.

Progress is kept in a file on the computer that runs the notebook
(:mod:`netlearn.exercises.progress`). On Binder that computer is a temporary server, and the file
disappears, without warning, when the session ends. :func:`export_record` writes everything to
a file the learner downloads and keeps; :func:`import_record` reads it back in a new session.

The record is a readable, printable page (see :mod:`netlearn.exercises.record_page`): progress
per notebook, reflections under their questions, saved self-assessments and an action plan drawn
from the learner's own words. Inside it, a ``<script type="application/json">`` block (data, never
run) holds the progress itself, with a SHA-256 checksum so that a damaged or edited copy is noticed.

Rules
    * An export never overwrites a file: without a path it picks a new name
      (``netlearn-record-2026-05-01.html``, then ``...-2.html``...); with a path that exists
      already it refuses with a :class:`FileExistsError` saying so.
    * An import merges (:func:`netlearn.exercises.progress.merge_progress`): nothing newer in the
      current progress is lost, and the progress file is first copied to
      ``progress.json.before-import-<time>``.
    * A file that is not a learner record, or is damaged, gives a :class:`netlearn.errors.DataError`
      naming the file, what is wrong and what to do.

>>> import pathlib, tempfile
>>> from netlearn.exercises.progress import ProgressStore
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> old = ProgressStore(folder / "old.json")
>>> _ = old.record_check("how_exercises_work.q1", "correct")
>>> path = export_record(folder / "record.html", store=old)
>>> new = ProgressStore(folder / "new.json")
>>> changes = import_record(path, store=new)
>>> changes["added"], new.entry("how_exercises_work.q1")["correct"]
(['how_exercises_work.q1'], True)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import DataError
from ..safefiles import write_temporary
from .progress import FORMAT, is_progress, progress_store
from .record_page import record_page, responses_folders, self_assessment_files

__all__ = ["RECORD_FORMAT", "export_record", "import_record", "read_record", "storage_note",
           "temporary_session_reminder"]

#: Written into the record, so that any other HTML file is recognised as not being one.
RECORD_FORMAT = "netlearn-learner-record"
RECORD_VERSION = 1
_BLOCK = re.compile(r'<script type="application/json" id="netlearn-record">(.*?)</script>', re.DOTALL)
_HOW_TO_FIX = ("Choose the file you downloaded with 'Download my record' (its name starts with "
               "netlearn-record); if it was changed or damaged, use an earlier download.")


def _saving():
    """:mod:`netlearn.diagnostics.saving`, which tells Binder from a person's own computer (one place for it).

    Imported on first use, so that importing the exercises does not load the diagnostics package.
    """
    from ..diagnostics import saving

    return saving


def _checksum(progress):
    text = json.dumps(progress, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _embedded(progress, exported_at):
    """The machine-readable block: JSON in which ``<``, ``>`` and ``&`` are written as ``\\u`` escapes.

    Those three never appear outside JSON strings, and inside them the escapes mean the same
    characters, so a reflection containing ``</script>`` cannot end the block early.
    """
    payload = {"format": RECORD_FORMAT, "version": RECORD_VERSION,
               "exported_at": exported_at.isoformat(timespec="seconds"),
               "checksum": _checksum(progress), "progress": progress}
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'\n<script type="application/json" id="netlearn-record">\n{text}\n</script>\n'


def storage_note(store=None, environ=None):
    """Where progress is kept, in one or two plain sentences that are true on every host.

    >>> from netlearn.exercises.progress import ProgressStore
    >>> storage_note(ProgressStore("/home/ann/.netlearn/progress.json"), {})
    'Kept on this computer in /home/ann/.netlearn/progress.json.'
    >>> storage_note(ProgressStore("/home/jovyan/.netlearn/progress.json"),
    ...              {"BINDER_SERVICE_HOST": "10.0.0.1"}).split(". ")[0]
    'Kept in /home/jovyan/.netlearn/progress.json on the Binder server running this notebook, not on your own computer'
    """
    store = progress_store() if store is None else store
    where = store.location()
    if store.path is None:
        return f"Kept in {where}. Download your record to keep it."
    kind = _saving().hosting(environ)
    if kind == "local":
        return f"Kept on this computer in {where}."
    server = "the Binder server" if kind == "binder" else "the JupyterHub server"
    return (f"Kept in {where} on {server} running this notebook, not on your own computer. "
            + _saving().temporary_session_notice("your progress and reflections", environ)
            .replace("Download them", "Use 'Download my record'"))


def _free_name(folder, today):
    base = f"netlearn-record-{today.isoformat()}"
    for number in range(1, 10000):
        candidate = folder / (base + (f"-{number}" if number > 1 else "") + ".html")
        if not candidate.exists():
            yield candidate
    raise FileExistsError(f"There are already 9,999 records for {today} in {folder}; choose a file name.")


def _write_new(path, content):
    """Write ``content`` to ``path`` only if no file has that name (checked at the moment of writing)."""
    temporary = write_temporary(path.parent, "record", content)
    try:
        os.link(temporary, path)          # fails if the name is taken: nothing is ever overwritten
    except FileExistsError:
        raise
    except OSError:                       # a file system without hard links
        with open(path, "xb") as handle:
            handle.write(content)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return path


def export_record(path=None, *, store=None, exercise_sets=None, responses=None, now=None):
    """Write your learner record: one HTML file to download, keep, print, or restore from later.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The file to write. It must not exist yet (an existing file is never overwritten). By
        default ``netlearn-record-<date>.html`` in the current folder, numbered
        ``-2``, ``-3``... if that name is taken.
    store : ProgressStore, optional
        Whose progress (default: this session's).
    exercise_sets : list of ExerciseSet, optional
        For titles and order (default: every exercise notebook of the course).
    responses : str, path or list of them, optional
        Folders of saved self-assessments (default: ``my_responses`` here and in the course's
        ``notebooks`` and ``exercises`` folders).
    now : datetime, optional
        The time to write on it (default: now).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    FileExistsError
        ``path`` exists already.
    """
    store = progress_store() if store is None else store
    if exercise_sets is None:
        from . import registry

        exercise_sets = list(registry().values())
    folders = responses_folders() if responses is None else [
        Path(folder) for folder in ([responses] if isinstance(responses, (str, os.PathLike)) else responses)]
    now = now or datetime.now(timezone.utc)
    data = store.read()
    page = record_page(data, exercise_sets=list(exercise_sets), exported_at=now, where=storage_note(store),
                       responses=self_assessment_files(folders), responses_looked=folders,
                       embedded=_embedded(data, now))
    content = page.encode("utf-8")
    if path is not None:
        path = Path(path).expanduser()
        if path.exists():
            raise FileExistsError(f"{path} exists already, and a record never replaces a file. Give another name, "
                                  "or leave the name out to get a new one.")
        path.parent.mkdir(parents=True, exist_ok=True)
        return _write_new(path, content)
    folder = Path.cwd()
    for candidate in _free_name(folder, now.astimezone().date() if now.tzinfo else date.today()):
        try:
            return _write_new(candidate, content)
        except FileExistsError:        # taken between the check and the write: try the next name
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def read_record(path):
    """The progress kept in a learner record, checked; a DataError if it is not one or is damaged.

    Returns
    -------
    dict
        ``format``, ``version``, ``exported_at``, ``checksum`` and ``progress``.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError("There is no such file.", file=str(path),
                        fix="Check the name and folder of the record you downloaded.") from None
    except OSError as error:
        raise DataError(f"The file could not be opened ({error.strerror or error}).", file=str(path),
                        fix="Check that it is a file you can read, then try again.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError("This is not a netlearn learner record (it is not a text file).", file=name,
                        fix=_HOW_TO_FIX) from None
    blocks = _BLOCK.findall(text)
    if not blocks:
        what = "a web page" if "<html" in text[:2000].lower() else "a file"
        raise DataError(f"This is {what}, but not a netlearn learner record: the saved progress inside a record "
                        "is missing.", file=name, fix=_HOW_TO_FIX)
    if len(blocks) > 1:
        raise DataError("This file holds more than one copy of saved progress, so it cannot be trusted.",
                        file=name, fix=_HOW_TO_FIX)
    try:
        payload = json.loads(blocks[0])
    except json.JSONDecodeError as error:
        raise DataError(f"The saved progress in this record is damaged (unreadable at line {error.lineno} of it: "
                        f"{error.msg}).", file=name, fix=_HOW_TO_FIX) from None
    if not isinstance(payload, dict) or payload.get("format") != RECORD_FORMAT:
        raise DataError("This file holds data, but not a netlearn learner record.", file=name, fix=_HOW_TO_FIX)
    if payload.get("version") != RECORD_VERSION:
        raise DataError(f"This record was made by another version of netlearn (record version "
                        f"{payload.get('version')!r}; this one reads version {RECORD_VERSION}).", file=name,
                        fix="Update netlearn, or restore it with the version of the course that made it.")
    progress = payload.get("progress")
    if not is_progress(progress) or progress.get("format") != FORMAT:
        raise DataError("The saved progress in this record is damaged (it does not have the shape of progress).",
                        file=name, fix=_HOW_TO_FIX)
    if payload.get("checksum") != _checksum(progress):
        raise DataError("The saved progress in this record has been changed or damaged since it was made "
                        "(its checksum does not match), so it was not restored.", file=name, fix=_HOW_TO_FIX)
    return payload


def import_record(path, *, store=None):
    """Bring back your progress from a learner record, keeping anything newer you have done here.

    The merge follows :func:`netlearn.exercises.progress.merge_progress`: an exercise counts as
    done if either side says so, the larger count of attempts and hints is kept, and of two
    versions of a reflection the one saved later is kept. The progress file is copied to
    ``progress.json.before-import-<time>`` first.

    Returns
    -------
    dict
        ``added``, ``updated`` and ``kept`` (the exercise and reflection keys each concerned),
        ``exported_at`` (when the record was made) and ``copy`` (the copy of the progress file
        kept before the merge, or None when there was none).

    Raises
    ------
    DataError
        The file is not a learner record, or it is damaged.
    """
    payload = read_record(path)
    store = progress_store() if store is None else store
    changes, kept_copy = store.merge(payload["progress"])
    return {**changes, "exported_at": payload.get("exported_at"), "copy": kept_copy}


# ====================================================================== the reminder on temporary servers
_REMINDED = []


def temporary_session_reminder(environ=None, *, stream=None):
    """On Binder or a JupyterHub, say once per kernel that progress will not last, and how to keep it.

    Called by the first answer checked in a session; prints nothing on a person's own computer,
    and nothing after the first time. Returns the text printed ("" when nothing was).
    """
    if _REMINDED or _saving().hosting(environ) == "local":
        return ""
    _REMINDED.append(True)
    text = (_saving().temporary_session_notice("your progress and reflections", environ).replace(
        "Download them to keep them.", "To keep them,").replace("Download them to keep a copy.", "To keep a copy,")
        + " press 'Download my record' under any notebook's progress, or run "
          "netlearn.exercises.export_record(). Next time, 'Restore from a record' brings them back.")
    print(text, file=stream or sys.stdout)
    return text


def _reset_reminder():
    """Forget that the reminder was given (for tests)."""
    _REMINDED.clear()

