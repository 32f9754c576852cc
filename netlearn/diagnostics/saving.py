"""Saving a participant's answers so that nothing saved is ever lost or overwritten.

Each self-assessment session writes to its own CSV file, named after the instrument, the time
the session first saved and a random session code (never the person's name), e.g.
``my_responses/network_health_check_20240315-101502_3fa9c1.csv``. Saving again in the same
session appends rows to that file. Every write is atomic: the new content (the old rows
byte for byte, then the new rows) goes to a temporary file in the same folder, which then
replaces the session file in one step (:func:`os.replace`), so a crash or a kernel restart
leaves either the old file or the new one, never half of each. A file that the session did not
create is never written to: a new session always picks a name that does not exist yet.

Saves into one folder take turns (:func:`netlearn.safefiles.folder_lock`), so two notebooks or
processes appending to the same file at once keep every row of both. A temporary file left by a
save that was killed half way (it holds someone's answers) is deleted by the next save into that
folder, once its writer is known to be gone (:func:`netlearn.safefiles.remove_stale_temporaries`).

``my_responses/`` is listed in the course's ``.gitignore``, so answers are not committed by
accident. On Binder (and other temporary online sessions) files vanish when the session ends;
:func:`on_temporary_server` detects that, and :func:`download_link` offers the file for download.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = append_rows(folder / "answers.csv", ["respondent", "q1"], [["r1", 4]])
>>> _ = append_rows(path, ["respondent", "q1"], [["r1", 5]])
>>> path.read_text(encoding="utf-8-sig")
'respondent,q1\\nr1,4\\nr1,5\\n'
"""

from __future__ import annotations

import base64
import csv
import html
import io
import os
import secrets
from datetime import datetime
from pathlib import Path

from ..safefiles import folder_lock, remove_stale_temporaries, write_temporary

__all__ = ["DEFAULT_FOLDER", "append_rows", "new_session_path", "on_temporary_server", "download_link",
           "TEMPORARY_SERVER_VARIABLES", "BINDER_VARIABLES", "hosting", "temporary_session_notice"]

#: Where answers are saved unless the participant chooses another folder (relative to the notebook).
DEFAULT_FOLDER = "my_responses"

#: Environment variables that mybinder.org (BinderHub) sets in every session it starts.
BINDER_VARIABLES = ("BINDER_SERVICE_HOST", "BINDER_REQUEST", "BINDER_LAUNCH_HOST", "BINDER_PERSISTENT_REQUEST",
                    "BINDER_REF_URL", "BINDER_REPO_URL")

#: Environment variables that Binder (and JupyterHub, which Binder runs on) set in a session.
TEMPORARY_SERVER_VARIABLES = BINDER_VARIABLES + ("JUPYTERHUB_SERVICE_PREFIX",)


def hosting(environ=None):
    """Where the notebook runs: ``"binder"``, ``"jupyterhub"`` (another hub) or ``"local"``.

    Binder is recognised by the ``BINDER_*`` variables it sets; a JupyterHub by
    ``JUPYTERHUB_SERVICE_PREFIX``. This is the one place the course decides it, so every
    message about temporary sessions agrees.

    >>> hosting({"BINDER_LAUNCH_HOST": "https://mybinder.org/", "JUPYTERHUB_SERVICE_PREFIX": "/user/x/"})
    'binder'
    >>> hosting({"JUPYTERHUB_SERVICE_PREFIX": "/user/x/"}), hosting({})
    ('jupyterhub', 'local')
    """
    environ = os.environ if environ is None else environ
    if any(environ.get(name) for name in BINDER_VARIABLES):
        return "binder"
    if environ.get("JUPYTERHUB_SERVICE_PREFIX"):
        return "jupyterhub"
    return "local"


def on_temporary_server(environ=None):
    """True when the notebook seems to run on Binder or a JupyterHub, where files may not last.

    >>> on_temporary_server({"BINDER_SERVICE_HOST": "10.0.0.1"}), on_temporary_server({})
    (True, False)
    """
    return hosting(environ) != "local"


def temporary_session_notice(what="your files", environ=None):
    """A plain sentence warning that files may not last here, or ``""`` on a person's own computer.

    >>> temporary_session_notice("your answers", {"BINDER_SERVICE_HOST": "10.0.0.1"})[:60]
    'This is a temporary online session on Binder: your answers d'
    >>> temporary_session_notice("your answers", {})
    ''
    """
    kind = hosting(environ)
    if kind == "binder":
        return (f"This is a temporary online session on Binder: {what} disappear when it ends "
                "(it ends, with no warning, after about ten minutes without use, such as once the tab is closed). "
                "Download them to keep them.")
    if kind == "jupyterhub":
        return (f"This notebook runs on a shared online server (JupyterHub), where {what} may not be kept "
                "after your session ends. Download them to keep a copy.")
    return ""


def _csv_text(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None or (isinstance(v, float) and v != v) else v for v in row])
    return buffer.getvalue()


def new_session_path(folder, instrument_name, *, now=None, token=None):
    """A file name for a new session that no existing file has: ``<instrument>_<time>_<code>.csv``.

    Parameters
    ----------
    folder : str or pathlib.Path
    instrument_name : str
    now : datetime, optional
        The time to put in the name (default: now).
    token : callable, optional
        Makes the random code (default: six hexadecimal digits from :mod:`secrets`).

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from datetime import datetime
    >>> new_session_path(pathlib.Path(tempfile.mkdtemp()), "curiosity_practice",
    ...                  now=datetime(2024, 3, 15, 10, 15, 2), token=lambda: "3fa9c1").name
    'curiosity_practice_20240315-101502_3fa9c1.csv'

    Notes
    -----
    The name holds no personal detail, so a folder of saved files can be shared with a
    facilitator without giving away who answered what until the files are opened.
    """
    folder = Path(folder)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    token = token or (lambda: secrets.token_hex(3))
    for _ in range(1000):
        path = folder / f"{instrument_name}_{stamp}_{token()}.csv"
        if not path.exists():
            return path
    # The same code a thousand times means the token function is not random; count instead.
    k = 2
    while (folder / f"{instrument_name}_{stamp}_{k}.csv").exists():
        k += 1
    return folder / f"{instrument_name}_{stamp}_{k}.csv"


#: The kind of the temporary files a save writes (``.saving-<host>-<pid>-<random>.tmp``).
TEMPORARY_KIND = "saving"


def append_rows(path, columns, rows, *, create_only=False):
    """Append rows to a CSV file atomically, keeping every earlier row byte for byte.

    Parameters
    ----------
    path : str or pathlib.Path
        The file. Its folder is created if needed.
    columns : list of str
        The header. If the file exists, its header must be exactly this (rows of different
        shapes are never mixed in one file).
    rows : list of lists
        The values (None and NaN are written as blank cells).
    create_only : bool
        The file must not exist yet (for a new session): if it does, a FileExistsError is
        raised and nothing is written.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = append_rows(path, ["respondent", "comment"], [["r1", "yes, mostly"]])
    >>> _ = append_rows(path, ["respondent", "comment"], [["r2", None]])
    >>> path.read_text(encoding="utf-8-sig").splitlines()
    ['respondent,comment', 'r1,"yes, mostly"', 'r2,']

    Notes
    -----
    The file is written as UTF-8 with a byte-order mark so that Excel shows accented letters
    correctly; :func:`netlearn.tables.read_table` reads it either way. For a network leader
    running a workshop: answers saved this way can be copied into one folder and read with
    :func:`~netlearn.diagnostics.workshop_view`; nothing anyone saved is lost on the way.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    header = _csv_text([columns])
    body = _csv_text(rows).encode("utf-8")
    with folder_lock(folder):
        remove_stale_temporaries(folder, TEMPORARY_KIND)
        return _append_locked(path, folder, header, body, create_only)


def _append_locked(path, folder, header, body, create_only):
    """The read, check and replace of :func:`append_rows`; the caller holds the folder's lock."""
    if path.exists():
        if create_only:
            raise FileExistsError(f"{path} exists already; a new session never writes to an existing file.")
        old = path.read_bytes()
        first_line = old.decode("utf-8-sig").split("\n", 1)[0] + "\n"
        if first_line != header:
            raise ValueError(f"{path} has different columns ({first_line.strip()}), so these answers cannot be "
                             "added to it. Save to a new file instead.")
        if not old.endswith(b"\n"):
            old += b"\n"
        data = old + body
    else:
        data = "\ufeff".encode("utf-8") + header.encode("utf-8") + body
    temporary = write_temporary(folder, TEMPORARY_KIND, data)
    try:
        if not path.exists():
            try:
                os.link(temporary, path)  # fails if the name was taken meanwhile: nothing is overwritten
            except FileExistsError:
                raise FileExistsError(f"{path} appeared while saving; nothing was overwritten.") from None
            except OSError:  # file systems without hard links
                if path.exists():
                    raise FileExistsError(f"{path} appeared while saving; nothing was overwritten.") from None
                os.replace(temporary, path)
                return path
            os.unlink(temporary)
        else:
            os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def download_link(path, text=None, mime=None):
    """An HTML link that downloads the file from the browser (the file travels inside the link).

    ``mime`` is the file's type (default: ``text/csv``, or ``text/html`` for an ``.html`` file).

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = p.write_text("x\\n1\\n")
    >>> download_link(p)[:60]
    '<a download="a.csv" href="data:text/csv;base64,eAoxCg==" tar'
    """
    path = Path(path)
    if mime is None:
        mime = "text/html" if path.suffix.lower() in (".html", ".htm") else "text/csv"
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    label = html.escape(text or f"Download {path.name}")
    return (f'<a download="{html.escape(path.name)}" href="data:{mime};base64,{data}" target="_blank" '
            f'rel="noopener">{label}</a>')
