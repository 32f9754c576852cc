"""Where a learner's progress is kept: one small JSON file on their own computer.

The file records, for each exercise, whether it was tried, whether it was answered correctly,
how many hints were used and whether the solution was shown (with times), and the text of each
saved reflection. Nothing leaves the computer; the course works offline.

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


def _is_progress(data):
    return (isinstance(data, dict) and data.get("format", FORMAT) == FORMAT
            and isinstance(data.get("exercises", {}), dict)
            and isinstance(data.get("reflections", {}), dict))


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
        if not _is_progress(data):
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
    def save_reflection(self, key, text):
        """Save the text of a reflection (replacing what was saved before); return its record."""
        def change(data):
            data["reflections"][key] = {"text": str(text), "saved_at": _now()}
        return self.update(change)["reflections"][key]

    def reflection(self, key):
        """The saved reflection as ``{"text": ..., "saved_at": ...}``, or None."""
        return self.read()["reflections"].get(key)


def progress_store():
    """The store for the current settings (``NETLEARN_PROGRESS`` is looked up on every call)."""
    return ProgressStore()
