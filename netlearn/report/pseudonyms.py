"""Stable pseudonyms ("Member 017") for the people in a report, made with a secret key.

How a pseudonym is made
    Each member id is run through HMAC-SHA256 with a secret key. Members are then put in the
    order of those keyed hashes and numbered from 1: the first is ``Member 001``, and so on
    (three digits, or more for networks of 1,000 members or more).

What that gives
    * **Stable**: the same members file and the same key always give the same pseudonyms, so a
      report made today and one made next week from the same files can be compared. (Adding or
      removing members renumbers people, because numbers follow the order of everyone present.)
    * **Not reversible from the report**: without the key, the numbers carry no information
      about the ids - not their alphabetical order, not their position in the file. Someone
      holding the members file but not the key cannot match numbers to people either.
    * The key is never written into the report.

Where the key is kept
    In a small file, ``~/.netlearn/report-key`` by default, made (readable by you only) the first
    time a report is written; ``$NETLEARN_REPORT_KEY`` or the report's ``--key-file`` option name
    another file. Share the key file only with people allowed to see the names. Delete it, and
    the next report uses new pseudonyms. Under pytest a key in the temporary folder is used, so
    tests never touch yours.

>>> names = Pseudonyms(["q003", "q001", "q002"], key=b"a key for the example")
>>> sorted(names.mapping.values())
['Member 001', 'Member 002', 'Member 003']
>>> names("q001") == Pseudonyms(["q001", "q002", "q003"], key=b"a key for the example")("q001")
True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path

__all__ = ["KEY_ENV_VAR", "Pseudonyms", "default_key_path", "load_or_create_key", "KeyFileError"]

#: The environment variable naming the key file.
KEY_ENV_VAR = "NETLEARN_REPORT_KEY"


class KeyFileError(ValueError):
    """The key file exists but cannot be read as a key (the message says what to do)."""


def default_key_path(environ=None):
    """``$NETLEARN_REPORT_KEY``, else ``~/.netlearn/report-key`` (a file in the temporary folder under pytest).

    >>> default_key_path({"NETLEARN_REPORT_KEY": "/tmp/k"})
    PosixPath('/tmp/k')
    >>> default_key_path({}).parts[-2:]
    ('.netlearn', 'report-key')
    """
    environ = os.environ if environ is None else environ
    chosen = environ.get(KEY_ENV_VAR, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    if environ.get("PYTEST_CURRENT_TEST"):
        return Path(tempfile.gettempdir()) / "netlearn-pytest" / f"report-key-{os.getpid()}"
    return Path.home() / ".netlearn" / "report-key"


def load_or_create_key(path=None):
    """Read the key in ``path``, or make a new random one there if the file does not exist.

    Returns ``(key_bytes, created)``. The file holds 64 hexadecimal characters and is created
    readable by its owner only. If the folder cannot be written, a key for this run only is
    returned with ``created`` set to ``"temporary"`` (the pseudonyms will then differ next time).

    Raises
    ------
    KeyFileError
        When the file exists but does not hold a key.
    """
    path = Path(path) if path is not None else default_key_path()
    if path.is_file():
        return _read_key(path), False
    text = secrets.token_hex(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made by another process a moment ago: use theirs
        return _read_key(path), False
    except OSError:
        return text.encode("ascii"), "temporary"
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(text + "\n")
    return text.encode("ascii"), True


def _read_key(path):
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(f"The pseudonym key file {path} could not be read ({error}). Delete it to make a new "
                           "key (pseudonyms will change), or give another file with --key-file.") from None
    if len(text) < 32:
        raise KeyFileError(f"The pseudonym key file {path} does not hold a key (it needs at least 32 characters; "
                           f"it has {len(text)}). Delete it to make a new key (pseudonyms will change), or give "
                           "another file with --key-file.")
    return text.encode("ascii")


class Pseudonyms:
    """Member id -> pseudonym such as ``Member 017`` (see the module notes for how and why).

    Parameters
    ----------
    ids : iterable
        Every member id (as text or anything with a ``str``).
    key : bytes
        The secret key.
    prefix : str, optional
        The word before the number (default ``"Member"``).
    """

    def __init__(self, ids, key, prefix="Member"):
        if isinstance(key, str):
            key = key.encode("utf-8")
        ids = list(dict.fromkeys(ids))
        order = sorted(ids, key=lambda i: (hmac.new(key, str(i).encode("utf-8"), hashlib.sha256).digest(), str(i)))
        width = max(3, len(str(len(ids))))
        self.mapping = {member: f"{prefix} {k:0{width}d}" for k, member in enumerate(order, start=1)}

    def __call__(self, member):
        return self.mapping[member]

    def __len__(self):
        return len(self.mapping)
