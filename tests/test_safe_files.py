"""Saving under pressure: two processes appending at once, a save killed half way, uploads.

Every test here runs real processes (``sys.executable``), really killed with SIGKILL where the
test says so: what is checked is what a learner's files look like afterwards.
"""

import csv
import datetime
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from netlearn.diagnostics.saving import append_rows
from netlearn.exercises.progress import ProgressStore
from netlearn.safefiles import STALE_AFTER, folder_lock, host_code, remove_stale_temporaries
from netlearn.tables import read_table

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "datasets" / "templates"

posix_only = pytest.mark.skipif(os.name != "posix", reason="uses POSIX signals (SIGKILL) and flock")


def _python(code, *args, **kwargs):
    """Start ``code`` in a new Python process that imports this checkout of netlearn."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTEST_CURRENT_TEST", None)
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def _dead_pid():
    """The id of a process that has finished (and been reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


# --------------------------------------------------------------------------- two writers at once

APPENDER = """
    import sys
    from netlearn.diagnostics.saving import append_rows
    path, writer, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print("ready", flush=True)
    sys.stdin.readline()            # both writers begin together, once both have started
    for i in range(count):
        append_rows(path, ["writer", "row", "comment"], [[writer, i, "yes, mostly"]])
"""


@posix_only
def test_two_processes_appending_to_one_file_keep_all_400_rows(tmp_path):
    path = tmp_path / "answers.csv"
    append_rows(path, ["writer", "row", "comment"], [])        # the session file, header only
    writers = [_python(APPENDER, path, name, 200, stdin=subprocess.PIPE) for name in ("a", "b")]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["writer", "row", "comment"]
    body = rows[1:]
    assert len(body) == 400
    assert sorted((w, int(i)) for w, i, _c in body) == sorted((w, i) for w in "ab" for i in range(200))
    assert {c for _w, _i, c in body} == {"yes, mostly"}
    # Rows of each writer stay in the order they were saved.
    for name in "ab":
        assert [int(i) for w, i, _c in body if w == name] == list(range(200))
    # The file is one valid table (one BOM, one header) that the course reads back.
    assert path.read_bytes().count("\ufeff".encode()) == 1
    assert len(read_table(path).frame) == 400
    assert not list(tmp_path.glob(".*.tmp"))


@posix_only
def test_folder_lock_makes_a_second_process_wait(tmp_path):
    holder = _python("""
        import sys, time
        from netlearn.safefiles import folder_lock
        with folder_lock(sys.argv[1]):
            print("locked", flush=True)
            time.sleep(1.0)
    """, tmp_path)
    assert holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    with folder_lock(tmp_path):
        waited = time.monotonic() - started
    holder.communicate(timeout=30)
    assert waited > 0.3          # it waited for the other process's lock, not merely ran
    assert not list(tmp_path.iterdir())   # the folder itself was locked: no lock file left in it


# --------------------------------------------------------------------------- kill -9 during a save

HANGING_SAVE = """
    import os, sys, time
    def hang(*args, **kwargs):          # the moment between writing the copy and moving it into place
        print("writing", flush=True)
        time.sleep(600)
    os.replace = hang
    os.link = hang
    what, path = sys.argv[1], sys.argv[2]
    if what == "answers":
        from netlearn.diagnostics.saving import append_rows
        append_rows(path, ["respondent", "q1", "comment"], [["r2", 5, "my private answer"]])
    else:
        from netlearn.exercises.progress import ProgressStore
        ProgressStore(path).save_reflection("ep1.reflect", "my private reflection")
"""


def _kill_during_save(what, path):
    child = _python(HANGING_SAVE, what, path)
    try:
        assert child.stdout.readline().strip() == "writing", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL


@posix_only
def test_answers_left_by_a_killed_save_are_removed_by_the_next_save(tmp_path):
    path = tmp_path / "my_responses" / "check.csv"
    append_rows(path, ["respondent", "q1", "comment"], [["r1", 4, "first"]])
    _kill_during_save("answers", path)
    leftovers = list(path.parent.glob(".*.tmp"))
    assert len(leftovers) == 1 and b"my private answer" in leftovers[0].read_bytes()
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["respondent,q1,comment", "r1,4,first"]

    append_rows(path.parent / "another.csv", ["x"], [[1]])          # the next save into the folder
    assert not list(path.parent.glob(".*.tmp"))
    assert sorted(p.name for p in path.parent.iterdir()) == ["another.csv", "check.csv"]
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["respondent,q1,comment", "r1,4,first"]


@posix_only
def test_reflection_left_by_a_killed_save_is_removed_when_progress_is_next_read(tmp_path):
    path = tmp_path / "progress.json"
    ProgressStore(path).save_reflection("ep0.reflect", "kept")
    _kill_during_save("progress", path)
    leftovers = list(tmp_path.glob(".*.tmp"))
    assert len(leftovers) == 1 and "my private reflection" in leftovers[0].read_text()

    assert ProgressStore(path).reflection("ep0.reflect")["text"] == "kept"     # the next read
    assert not list(tmp_path.glob(".*.tmp"))
    assert ProgressStore(path).reflection("ep1.reflect") is None


def test_only_stale_temporary_files_are_removed(tmp_path):
    here, pid = host_code(), os.getpid()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        names = {
            "dead": f".saving-{here}-{_dead_pid()}-a1.tmp",           # its writer has gone: removed
            "live": f".saving-{here}-{sleeper.pid}-a2.tmp",           # another process still writing: kept
            "mine": f".saving-{here}-{pid}-a3.tmp",                   # this process (another thread): kept
            "other host": f".saving-000000-{_dead_pid()}-a4.tmp",     # cannot check another computer: kept
            "old format, new": ".saving-k2j4h5.tmp",                   # no writer recorded, young: kept
            "old format, old": ".saving-q9w8e7.tmp",                   # ... and ten minutes old: removed
            "not ours": ".other-file.tmp",
            "answers": "answers.csv",
        }
        for name in names.values():
            (tmp_path / name).write_text("someone's answers")
        long_ago = time.time() - STALE_AFTER - 60
        os.utime(tmp_path / names["old format, old"], (long_ago, long_ago))
        removed = remove_stale_temporaries(tmp_path, "saving")
        assert sorted(p.name for p in removed) == sorted([names["dead"], names["old format, old"]])
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            v for k, v in names.items() if k not in ("dead", "old format, old"))
        # Ten minutes on, nothing is young any more: all temporary files of the kind go, except this process's.
        later = remove_stale_temporaries(tmp_path, "saving", now=time.time() + STALE_AFTER + 60)
        assert sorted(p.name for p in later) == sorted([names["live"], names["other host"], names["old format, new"]])
    finally:
        sleeper.kill()
        sleeper.wait()


# --------------------------------------------------------------------------- uploads


def _upload(loader, names):
    loader.upload.value = tuple({"name": name, "type": "text/csv", "size": (TEMPLATES / name).stat().st_size,
                                 "content": memoryview((TEMPLATES / name).read_bytes()),
                                 "last_modified": datetime.datetime.now(datetime.timezone.utc)}
                                for name in names)


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Make the temporary folder a fresh one, so uploads of other tests cannot confuse these."""
    import tempfile
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_uploaded_files_are_deleted_once_read(private_tmp):
    from netlearn.widgets.own_network import NetworkLoader

    loader = NetworkLoader()
    _upload(loader, ["members.csv", "ties.csv", "relations.csv"])
    network = loader.load()
    assert network is not None and not loader.is_example
    assert len(network.members) == len(read_table(TEMPLATES / "members.csv").frame)
    assert network.name == "uploaded files"           # not the name of a temporary folder
    assert list(private_tmp.iterdir()) == []


def test_uploaded_files_are_deleted_when_they_fail_the_checks(private_tmp):
    from netlearn.widgets.own_network import NetworkLoader

    loader = NetworkLoader()
    _upload(loader, ["members.csv"])                  # no ties file: cannot load
    assert loader.load() is None and loader.error is not None
    assert list(private_tmp.iterdir()) == []


def test_uploads_left_by_a_dead_kernel_are_removed_by_the_next_loader(private_tmp):
    from netlearn.widgets.own_network import NetworkLoader

    dead = private_tmp / f"netlearn-upload-{host_code()}-{_dead_pid()}-x1.tmp"
    old = private_tmp / "netlearn-upload-ab12cd"      # from earlier versions: no writer recorded
    live = private_tmp / f"netlearn-upload-{host_code()}-{os.getpid()}-x2.tmp"
    for folder in (dead, old, live):
        folder.mkdir()
        (folder / "members.csv").write_text("id,name\nm1,A Person\n")
    long_ago = time.time() - STALE_AFTER - 60
    os.utime(old, (long_ago, long_ago))
    NetworkLoader()
    assert sorted(p.name for p in private_tmp.iterdir()) == [live.name]
