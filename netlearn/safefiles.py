"""Writing files so that nothing is half written, lost to a second writer, or left lying about.

Used wherever the course saves something a learner wrote (answers, reflections, progress) or
briefly keeps a file they uploaded:

* :func:`folder_lock` - one writer at a time in a folder, across processes (two notebooks, two
  kernels, a notebook and a script). Without it, two processes that append to the same file at
  once each read the old file, add their rows and replace it, and one of them loses the other's rows.
* :func:`write_temporary` - write bytes to a hidden temporary file in the destination folder,
  ready to be moved into place in one step with :func:`os.replace`. The file's name records the
  computer and the process that wrote it: ``.<kind>-<host>-<pid>-<random>.tmp``.
* :func:`remove_stale_temporaries` - delete temporary files (or folders) left behind by writers
  that died (a kernel killed during a save, ``kill -9``, a power cut). A file is stale when the
  process named in it no longer runs on this computer, or when it is older than
  :data:`STALE_AFTER` seconds (a save takes milliseconds). Files of live writers are left alone.

Left-over temporary files matter here because they hold what people wrote: a reflection, their
answers to a diagnostic, an uploaded members list.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> name = write_temporary(folder, "demo", b"hello")
>>> pathlib.Path(name).name.startswith(".demo-"), pathlib.Path(name).read_bytes()
(True, b'hello')
>>> remove_stale_temporaries(folder, "demo")   # its writer (this process) is alive: kept
[]
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

try:  # POSIX: flock keeps other processes out too.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
try:  # pragma: no cover - Windows only
    import msvcrt
except ImportError:
    msvcrt = None

__all__ = ["STALE_AFTER", "folder_lock", "host_code", "process_alive", "remove_stale_temporaries",
           "temporary_prefix", "write_temporary"]

#: Seconds after which a temporary file is stale whoever wrote it (ten minutes). Used for files
#: from another computer sharing the folder, and from older versions that did not record a process.
STALE_AFTER = 600

_THREAD_LOCK = threading.RLock()


def host_code(hostname=None):
    """A short code for this computer, so that temporary files from another one are told apart.

    >>> host_code("a") == host_code("a"), len(host_code("a"))
    (True, 6)
    """
    name = socket.gethostname() if hostname is None else hostname
    return hashlib.sha256(name.encode("utf-8", "replace")).hexdigest()[:6]


def temporary_prefix(kind):
    """The start of the name of this process's temporary files of ``kind``.

    >>> temporary_prefix("saving").startswith(".saving-")
    True
    """
    return f".{kind}-{host_code()}-{os.getpid()}-"


def process_alive(pid):
    """True when a process with this id runs on this computer (or cannot be ruled out).

    >>> process_alive(os.getpid())
    True
    """
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows: no cheap, safe check; rely on age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. PermissionError: it exists, but belongs to someone else
        return True
    return True


def write_temporary(folder, kind, data):
    """Write ``data`` (bytes) to a new hidden temporary file in ``folder``; return its path (str).

    The data are flushed to disk before returning, so moving the file into place with
    :func:`os.replace` afterwards gives a complete file even after a crash.
    """
    handle, name = tempfile.mkstemp(dir=folder, prefix=temporary_prefix(kind), suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return name


def _owner(name, kind):
    """(host code, pid) from a temporary file's name, or None for a name without them."""
    match = re.match(rf"^\.?{re.escape(kind)}-([0-9a-f]{{6}})-([0-9]+)-", name)
    if not match:
        return None
    return match.group(1), int(match.group(2))


def _is_stale(entry, kind, now, stale_after):
    try:
        age = now - entry.lstat().st_mtime
    except OSError:
        return False
    owner = _owner(entry.name, kind)
    if owner is not None and owner[0] == host_code():
        if owner[1] == os.getpid():
            return False  # this process's own file: another thread may be writing it
        if not process_alive(owner[1]):
            return True
    return age > stale_after


def remove_stale_temporaries(folder, kind, *, pattern=None, stale_after=STALE_AFTER, now=None):
    """Delete temporary files (or folders) of ``kind`` in ``folder`` whose writer is gone.

    Parameters
    ----------
    folder : path-like
    kind : str
        As given to :func:`write_temporary`.
    pattern : str, optional
        Glob for the names to consider; default ``.<kind>-*.tmp``.
    stale_after : float
        Seconds after which a file is stale whoever wrote it.
    now : float, optional
        The current time (:func:`time.time`), for tests.

    Returns
    -------
    list of pathlib.Path
        What was removed. Problems (a file already gone, no permission) are skipped silently:
        tidying up must never stop a save.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".demo-000000-1-x.tmp").write_text("old answers")
    >>> [p.name for p in remove_stale_temporaries(folder, "demo", now=time.time() + STALE_AFTER + 1)]
    ['.demo-000000-1-x.tmp']
    """
    folder = Path(folder)
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(folder.glob(pattern or f".{kind}-*.tmp"))
    except OSError:
        return removed
    for entry in entries:
        if not _is_stale(entry, kind, now, stale_after):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


@contextlib.contextmanager
def folder_lock(folder, name=".netlearn.lock"):
    """Hold an exclusive lock on ``folder`` while the ``with`` block runs.

    Other processes (and threads) calling this for the same folder wait. On POSIX the folder
    itself is locked (:func:`fcntl.flock`), so no file is added to it; where a folder cannot be
    locked, a hidden lock file ``name`` in it is used instead.
    """
    folder = Path(folder)
    with _THREAD_LOCK:
        if fcntl is not None:
            descriptor = _lock_posix(folder, name)
            try:
                yield
            finally:
                fcntl.flock(descriptor, fcntl.LOCK_UN)
                os.close(descriptor)
        elif msvcrt is not None:  # pragma: no cover - Windows
            descriptor = os.open(folder / name, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                while True:
                    try:
                        msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)
                        break
                    except OSError:
                        time.sleep(0.05)
                yield
            finally:
                with contextlib.suppress(OSError):
                    os.lseek(descriptor, 0, os.SEEK_SET)
                    msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
                os.close(descriptor)
        else:  # pragma: no cover - neither: one process at a time is the best we can do
            yield


def _lock_posix(folder, name):
    """Lock the folder itself; where that is refused, a hidden lock file in it. Returns the descriptor."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        descriptor = None
    if descriptor is not None:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            return descriptor
        except OSError:
            os.close(descriptor)
    descriptor = os.open(folder / name, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor
