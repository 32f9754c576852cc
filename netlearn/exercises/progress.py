"""Where a learner's progress is kept: one small JSON file on the computer that runs the notebook.

The file records, for each exercise, whether it was tried, whether it was answered correctly,
how many hints were used and whether the solution was shown (with times), and the text of each
saved reflection. Nothing leaves that computer and the course works offline; on Binder the computer
is a temporary server, so the file goes when the session does (see the learner record below).

Where the file is
    ``~/.netlearn/progress.json``, or the path in the environment variable ``NETLEARN_PROGRESS``.
    While pytest runs (it sets ``PYTEST_CURRENT_TEST``, and kernels started by a test inherit it)
    and ``NETLEARN_PROGRESS`` is not set, a file in the temporary folder is used instead, so a test
    run never touches a learner's real progress.

How it is kept safe
    * Every change is a read-modify-write under a lock (a ``.lock`` file beside the progress file,
      plus a lock inside the process), so two notebooks open at once do not lose each other's work.
    * The new content is written to a temporary file in the same folder and moved into place with
      :func:`os.replace`, so the file is never half written. A temporary file left by a kernel
      that was killed during a save (it holds reflections) is deleted the next time progress is
      read or saved, once its writer is gone (:func:`netlearn.safefiles.remove_stale_temporaries`).
    * A file that cannot be read as progress (damaged, edited by hand) is moved aside as
      ``progress.json.corrupt-<time>`` (never deleted or overwritten) and progress starts afresh,
      with a :class:`ProgressWarning`. A missing file simply means nothing has been done yet.
    * If the folder cannot be written (a read-only home folder, say), progress goes to a file in
      the temporary folder instead, and if that fails too it is kept in memory for the session;
      either way with one warning, never an error.

Taking progress to another computer or session
    :func:`netlearn.exercises.export_record` writes the progress into a learner record (an HTML
    file to download), and :func:`netlearn.exercises.import_record` brings it back with
    :meth:`ProgressStore.merge`, which follows :func:`merge_progress` and first keeps a copy of
    the progress file as it was.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "progress.json"
>>> store = ProgressStore(path)
>>> store.record_check("demo.q1", "incorrect")["attempts"]
1
>>> entry = store.record_check("demo.q1", "correct")
>>> entry["attempts"], entry["correct"], entry["last_status"]
(2, True, 'correct')
>>> ProgressStore(path).entry("demo.q1")["correct"]    # a new store (or kernel) reads the same file
True
"""

from __future__ import annotations

import contextlib
import copy
import getpass
import json
import os
import tempfile
import threading
import warnings
from datetime import datetime, timezone
from pathlib import Path

from ..safefiles import remove_stale_temporaries, write_temporary

try:  # POSIX: a lock that also keeps other processes (other kernels) out.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

__all__ = [
    "ENV_VAR",
    "FORMAT",
    "ProgressStore",
    "ProgressWarning",
    "default_path",
    "is_progress",
    "merge_progress",
    "progress_store",
]

#: The environment variable that chooses the progress file.
ENV_VAR = "NETLEARN_PROGRESS"

#: Written into the file so that a stray JSON file is not mistaken for progress.
FORMAT = "netlearn-progress"
VERSION = 1

_PROCESS_LOCK = threading.RLock()
# Paths that could not be written, and where their progress goes instead (a Path, or None for
# "in memory"). Shared by every store in the process, so the warning is given once.
_REDIRECTS: dict[Path, Path | None] = {}
_MEMORY: dict[Path, dict] = {}


class ProgressWarning(UserWarning):
    """Progress could not be read or saved where expected; the course carries on regardless."""


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _user():
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return "user"


def _temporary_path():
    return Path(tempfile.gettempdir()) / f"netlearn-{_user()}" / "progress.json"


def default_path(environ=None):
    """The progress file to use: ``$NETLEARN_PROGRESS``, else ``~/.netlearn/progress.json``.

    Under pytest (``PYTEST_CURRENT_TEST`` set) without ``NETLEARN_PROGRESS``, a file in the
    temporary folder named after the process, so tests never write to the learner's home folder.

    >>> default_path({"NETLEARN_PROGRESS": "/tmp/p.json"})
    PosixPath('/tmp/p.json')
    >>> default_path({}).parts[-2:]
    ('.netlearn', 'progress.json')
    """
    environ = os.environ if environ is None else environ
    chosen = environ.get(ENV_VAR, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    if environ.get("PYTEST_CURRENT_TEST"):
        return Path(tempfile.gettempdir()) / "netlearn-pytest" / f"progress-{os.getpid()}.json"
    return Path.home() / ".netlearn" / "progress.json"


def _tidy(path):
    """Delete temporary copies of ``path`` left by writers that died (see :mod:`netlearn.safefiles`)."""
    remove_stale_temporaries(path.parent, path.name)
    # Versions before 2026-12 named them ``.progress.json.<random>.tmp``; only their age tells.
    remove_stale_temporaries(path.parent, path.name, pattern=f".{path.name}.*.tmp")


def _empty():
    return {"format": FORMAT, "version": VERSION, "exercises": {}, "reflections": {}}


def is_progress(data):
    """Whether ``data`` has the shape of a progress record (a dict of exercises and reflections).

    >>> is_progress({"format": "netlearn-progress", "exercises": {}, "reflections": {}}), is_progress([])
    (True, False)
    """
    return (isinstance(data, dict) and data.get("format", FORMAT) == FORMAT
            and isinstance(data.get("exercises", {}), dict)
            and isinstance(data.get("reflections", {}), dict)
            and all(isinstance(entry, dict) for entry in data.get("exercises", {}).values())
            and all(isinstance(entry, dict) and isinstance(entry.get("text", ""), str)
                    for entry in data.get("reflections", {}).values()))


_EARLIEST = ("first_attempt_at", "correct_at", "solution_revealed_at")
_EITHER = ("attempted", "correct", "solution_revealed")
_LAST_ANSWER = ("last_status", "last_choice")


def _later(a, b):
    """The later of two ISO times (a missing one counts as earliest); ties go to ``a``."""
    return a if (a or "") >= (b or "") else b


def _merge_entry(mine, theirs):
    merged = dict(theirs)
    merged.update(mine)                                   # anything only one side has is kept
    for name in _EITHER:
        if name in mine or name in theirs:
            merged[name] = bool(mine.get(name)) or bool(theirs.get(name))
    for name in ("attempts", "hints_used"):
        if name in mine or name in theirs:
            merged[name] = max(int(mine.get(name, 0) or 0), int(theirs.get(name, 0) or 0))
    for name in _EARLIEST:
        times = [entry[name] for entry in (mine, theirs) if entry.get(name)]
        if times:
            merged[name] = min(times)
    for name in ("last_attempt_at", "last_hint_at"):
        if mine.get(name) or theirs.get(name):
            merged[name] = _later(mine.get(name), theirs.get(name))
    newer = mine if _later(mine.get("last_attempt_at"), theirs.get("last_attempt_at")) == mine.get(
        "last_attempt_at") else theirs
    for name in _LAST_ANSWER:
        merged.pop(name, None)
        if name in newer:
            merged[name] = copy.deepcopy(newer[name])
    return merged


def merge_progress(mine, theirs):
    """Combine two progress records (this computer's, ``mine``, and an imported one, ``theirs``).

    The rule, chosen so that nothing newer is ever lost:

    * an exercise or reflection that only one side has is kept as it is;
    * an exercise both have: it counts as tried, correct or with the solution seen if either
      says so; ``attempts`` and ``hints_used`` are the larger of the two (the record is usually
      an earlier copy of the same progress, so adding them would count attempts twice); the
      first times are the earlier ones, the last times the later ones, and the last answer given
      (status and choice) comes from whichever side answered last;
    * a reflection both have: the one saved later is kept (on equal times, this computer's);
      the other stays in the record file it came from.

    Returns ``(merged, changes)``: the new record and a dict of the keys each part changed:
    ``"added"`` (new here), ``"updated"`` (combined with what was here) and ``"kept"`` (this
    computer's was newer or the same).

    >>> mine = {"exercises": {"a.q1": {"attempts": 3, "correct": True, "last_attempt_at": "2026-05-02T10:00:00+00:00",
    ...                                "last_status": "correct"}},
    ...         "reflections": {"a.q2": {"text": "new", "saved_at": "2026-05-02T10:00:00+00:00"}}}
    >>> theirs = {"exercises": {"a.q1": {"attempts": 2, "correct": False, "hints_used": 1,
    ...                                  "last_attempt_at": "2026-05-01T09:00:00+00:00", "last_status": "incorrect"}},
    ...           "reflections": {"a.q2": {"text": "old", "saved_at": "2026-05-01T09:00:00+00:00"},
    ...                           "b.q5": {"text": "elsewhere", "saved_at": "2026-05-01T09:00:00+00:00"}}}
    >>> merged, changes = merge_progress(mine, theirs)
    >>> q1 = merged["exercises"]["a.q1"]
    >>> q1["attempts"], q1["correct"], q1["last_status"], q1["hints_used"]
    (3, True, 'correct', 1)
    >>> merged["reflections"]["a.q2"]["text"], sorted(merged["reflections"])
    ('new', ['a.q2', 'b.q5'])
    >>> changes
    {'added': ['b.q5'], 'updated': ['a.q1'], 'kept': ['a.q2']}
    """
    merged = copy.deepcopy(mine)
    for key, value in _empty().items():
        merged.setdefault(key, copy.deepcopy(value))
    changes = {"added": [], "updated": [], "kept": []}
    for key, entry in sorted(theirs.get("exercises", {}).items()):
        here = merged["exercises"].get(key)
        if here is None:
            merged["exercises"][key] = copy.deepcopy(entry)
            changes["added"].append(key)
            continue
        combined = _merge_entry(here, entry)
        changes["kept" if combined == here else "updated"].append(key)
        merged["exercises"][key] = combined
    for key, entry in sorted(theirs.get("reflections", {}).items()):
        here = merged["reflections"].get(key)
        if here is None:
            merged["reflections"][key] = copy.deepcopy(entry)
            changes["added"].append(key)
        elif _later(here.get("saved_at"), entry.get("saved_at")) == here.get("saved_at") or here == entry:
            changes["kept"].append(key)
        else:
            merged["reflections"][key] = copy.deepcopy(entry)
            changes["updated"].append(key)
    return merged, changes


class ProgressStore:
    """Read and update one progress file.

    Parameters
    ----------
    path : path-like, optional
        The JSON file. By default :func:`default_path`, looked up when the store is made.

    Every method is safe to call at any time: problems with the file become warnings, never
    errors, because a learner's exercise must not fail for a reason they cannot see.
    """

    def __init__(self, path=None):
        self.requested = Path(path) if path is not None else default_path()

    # ------------------------------------------------------------------ where
    @property
    def path(self):
        """The file actually used: :attr:`requested`, unless it could not be written."""
        target = _REDIRECTS.get(self.requested, self.requested)
        return target

    def location(self):
        """Where progress is kept, in words: a file path, or that it is only kept in memory."""
        target = self.path
        if target is None:
            return "memory only (it will be lost when the kernel restarts)"
        return str(target)

    def __repr__(self):
        return f"ProgressStore({self.location()!r})"

    # ------------------------------------------------------------------ reading
    def read(self):
        """The whole progress record as a dict (a fresh copy; changing it changes nothing)."""
        with _PROCESS_LOCK:
            return copy.deepcopy(self._load(self.path))

    def _load(self, path):
        if path is None:
            return _MEMORY.setdefault(self.requested, _empty())
        _tidy(path)
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return _empty()
        except OSError as error:
            warnings.warn(f"Could not read your saved progress from {path} ({error.strerror or error}). "
                          "Starting from a clean slate for now.", ProgressWarning, stacklevel=4)
            return _empty()
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            data = None
        if not is_progress(data):
            self._set_aside(path)
            return _empty()
        for key, value in _empty().items():
            data.setdefault(key, value)
        return data

    def _set_aside(self, path):
        """Move a damaged progress file out of the way under a name that is not yet taken."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        for number in range(1000):
            suffix = f".corrupt-{stamp}" + (f"-{number}" if number else "")
            aside = path.with_name(path.name + suffix)
            try:
                # os.link fails if `aside` exists, so nothing is ever overwritten.
                os.link(path, aside)
            except FileExistsError:
                continue
            except OSError:
                # No hard links on this file system: rename, having checked the name is free.
                if aside.exists():
                    continue
                try:
                    os.rename(path, aside)
                except OSError:
                    break
            else:
                try:
                    os.unlink(path)
                except OSError:
                    pass
            warnings.warn(f"Your progress file {path} could not be read (it may have been damaged or edited). "
                          f"It has been kept as {aside.name} in the same folder, and your progress starts afresh.",
                          ProgressWarning, stacklevel=5)
            return aside
        # The file could not be moved: keep it untouched and save progress somewhere else.
        fallback = self._redirect(path, "the damaged progress file there could not be moved aside")
        warnings.warn(f"Your progress file {path} could not be read, and it could not be moved aside, so it is "
                      f"left as it is. Progress is kept in {fallback or 'memory'} instead.",
                      ProgressWarning, stacklevel=5)
        return None

    # ------------------------------------------------------------------ writing
    @contextlib.contextmanager
    def _locked(self, path):
        with _PROCESS_LOCK:
            if path is None or fcntl is None:
                yield
                return
            handle = None
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                handle = open(path.with_name(path.name + ".lock"), "a+b")
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            except OSError:
                if handle is not None:
                    handle.close()
                handle = None
            try:
                yield
            finally:
                if handle is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
                    handle.close()

    def update(self, change):
        """Apply ``change(data)`` to the progress record and save it; return the saved record.

        ``change`` edits the dict in place. The read, the change and the write happen under one
        lock, and the write is atomic.
        """
        for _ in range(3):  # at most: the file, the temporary-folder file, memory
            path = self.path
            with self._locked(path):
                data = self._load(path)
                if path != self.path:   # the file was damaged and could not be moved: go elsewhere
                    continue
                change(data)
                if path is None:
                    _MEMORY[self.requested] = data
                    return copy.deepcopy(data)
                try:
                    self._write(path, data)
                    return copy.deepcopy(data)
                except OSError as error:
                    self._redirect(path, error.strerror or str(error), warn=True)
        data = _MEMORY.setdefault(self.requested, _empty())
        change(data)
        return copy.deepcopy(data)

    @staticmethod
    def _write(path, data):
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
        temporary = write_temporary(path.parent, path.name, text.encode("utf-8"))
        try:
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def _redirect(self, path, reason, warn=False):
        """Stop using ``path``; send this store's progress to the temporary folder, or memory."""
        if path is None:
            return None
        fallback = _temporary_path() if path != _temporary_path() else None
        if fallback is not None:
            try:
                fallback.parent.mkdir(parents=True, exist_ok=True)
                probe = tempfile.NamedTemporaryFile(dir=fallback.parent, delete=True)
                probe.close()
            except OSError:
                fallback = None
        _REDIRECTS[self.requested] = fallback
        if warn:
            where = fallback if fallback is not None else "memory only, for this session"
            warnings.warn(f"Could not save your progress to {path} ({reason}). It is kept in {where} instead; "
                          f"set the environment variable {ENV_VAR} to a file you can write to, to choose the place.",
                          ProgressWarning, stacklevel=4)
        return fallback

    # ------------------------------------------------------------------ one exercise
    def entry(self, key):
        """What is recorded for one exercise (an empty dict when nothing is)."""
        return self.read()["exercises"].get(key, {})

    def _change_entry(self, key, kind, edit):
        def change(data):
            entry = data["exercises"].setdefault(key, {})
            entry.setdefault("kind", kind)
            edit(entry)
        return self.update(change)["exercises"][key]

    def record_check(self, key, status, *, kind="code", choice=None):
        """Record an answer that was checked: ``status`` is "correct" or "incorrect"."""
        def edit(entry):
            now = _now()
            entry["attempted"] = True
            entry["attempts"] = entry.get("attempts", 0) + 1
            entry.setdefault("first_attempt_at", now)
            entry["last_attempt_at"] = now
            entry["last_status"] = status
            if choice is not None:
                entry["last_choice"] = list(choice)
            if status == "correct":
                entry.setdefault("correct_at", now)
            entry["correct"] = bool(entry.get("correct")) or status == "correct"
        return self._change_entry(key, kind, edit)

    def record_hint(self, key, number):
        """Record that hint ``number`` (from 1) was shown; ``hints_used`` keeps the highest."""
        def edit(entry):
            entry["hints_used"] = max(entry.get("hints_used", 0), int(number))
            entry["last_hint_at"] = _now()
        return self._change_entry(key, "code", edit)

    def record_solution(self, key):
        """Record that the worked solution was shown."""
        def edit(entry):
            entry["solution_revealed"] = True
            entry.setdefault("solution_revealed_at", _now())
        return self._change_entry(key, "code", edit)

    # ------------------------------------------------------------------ reflections
    def save_reflection(self, key, text, *, prompt=None):
        """Save the text of a reflection (replacing what was saved before); return its record.

        ``prompt``, the question it answers, is kept with it so that a learner record can show
        each reflection under its question.
        """
        def change(data):
            data["reflections"][key] = {"text": str(text), "saved_at": _now()}
            if prompt:
                data["reflections"][key]["prompt"] = str(prompt)
        return self.update(change)["reflections"][key]

    # ------------------------------------------------------------------ bringing progress back
    def keep_copy(self, label="before-import"):
        """Copy the progress file to ``progress.json.<label>-<time>`` beside it; return that path.

        Returns None when there is no file to copy (nothing saved yet, or progress in memory).
        The copy never replaces an existing file.
        """
        path = self.path
        if path is None:
            return None
        with self._locked(path):
            try:
                content = path.read_bytes()
            except OSError:
                return None
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            for number in range(1000):
                copy_path = path.with_name(f"{path.name}.{label}-{stamp}" + (f"-{number}" if number else ""))
                try:
                    with open(copy_path, "xb") as handle:   # "x": fails if the name is taken
                        handle.write(content)
                except FileExistsError:
                    continue
                return copy_path
        raise FileExistsError(f"Could not find a free name to keep a copy of {path}.")

    def merge(self, incoming):
        """Merge a progress record into this store (see :func:`merge_progress`); keep a copy first.

        Returns ``(changes, copy_path)``: what changed, and where the progress file was copied
        before the merge (None if there was no file yet).
        """
        copy_path = self.keep_copy() if self.read() != _empty() else None
        found = {}

        def change(data):
            merged, changes = merge_progress(data, incoming)
            data.clear()
            data.update(merged)
            found.update(changes)
        self.update(change)
        return found, copy_path

    def reflection(self, key):
        """The saved reflection as ``{"text": ..., "saved_at": ...}``, or None."""
        return self.read()["reflections"].get(key)


def progress_store():
    """The store for the current settings (``NETLEARN_PROGRESS`` is looked up on every call)."""
    return ProgressStore()
