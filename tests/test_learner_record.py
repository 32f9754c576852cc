"""The learner record: export to one HTML file, restore from it, and the Binder warnings."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from netlearn.diagnostics import self_assessment
from netlearn.diagnostics.saving import TEMPORARY_SERVER_VARIABLES, hosting
from netlearn.errors import DataError
from netlearn.exercises import (
    Exercise,
    ExerciseSet,
    ProgressStore,
    Reflection,
    export_record,
    import_record,
    progress_store,
    record_buttons,
    same_member,
)
from netlearn.exercises import progress as progress_module
from netlearn.exercises import record as record_module
from netlearn.exercises.record_page import action_plan, intention_sentences
from netlearn.exercises.widgets import ReflectionWidget, progress_widget

HOSTILE = ("Café meetings </script><script>alert('x')</script> felt rushed — ünïcode, 東京 & “quotes”.\n"
           "I will ask first.")


@pytest.fixture(autouse=True)
def _clean(monkeypatch, tmp_path):
    """No remembered fallbacks, no hosting variables from the machine running the tests, work in tmp."""
    progress_module._REDIRECTS.clear()
    progress_module._MEMORY.clear()
    for name in TEMPORARY_SERVER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    record_module._reset_reminder()
    yield
    record_module._reset_reminder()
    progress_module._REDIRECTS.clear()
    progress_module._MEMORY.clear()


@pytest.fixture
def demo_set():
    exercise = Exercise("q1", prompt="Who has the most ties?", checker=same_member("Diane", members=["Andre", "Diane"]),
                        hints=["Look at the degree."], solution="answer = 'Diane'", explanation="Diane.",
                        wrong_answers=[("Andre", "not the one")])
    reflection = Reflection("q2", prompt="What will you do differently?")
    return ExerciseSet("demo", number=99, title="Demo notebook", items=[exercise, reflection])


def _filled_store(path):
    store = ProgressStore(path)
    store.record_check("demo.q1", "incorrect")
    store.record_check("demo.q1", "correct")
    store.record_hint("demo.q1", 1)
    store.record_solution("demo.q3")
    store.record_check("demo.q4", "incorrect", kind="concept", choice=["B"])
    store.save_reflection("demo.q2", HOSTILE, prompt="What will you do differently?")
    return store


class _Text(HTMLParser):
    """The visible text of a page, and the tags that can run code (an independent HTML reading)."""

    def __init__(self):
        super().__init__()
        self.text, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True
        for name, _value in attrs:
            assert not name.startswith("on"), f"event handler {name} in the record"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)


def test_round_trip_into_an_empty_store_restores_everything(tmp_path, demo_set):
    old = _filled_store(tmp_path / "old" / "progress.json")
    path = export_record(tmp_path / "record.html", store=old, exercise_sets=[demo_set], responses=[])
    new = ProgressStore(tmp_path / "new" / "progress.json")
    changes = import_record(path, store=new)
    assert new.read() == old.read()
    assert new.entry("demo.q1")["attempts"] == 2 and new.entry("demo.q1")["hints_used"] == 1
    assert new.entry("demo.q4")["last_choice"] == ["B"]
    assert new.reflection("demo.q2")["text"] == HOSTILE
    assert changes["added"] == ["demo.q1", "demo.q3", "demo.q4", "demo.q2"]
    assert changes["updated"] == changes["kept"] == [] and changes["copy"] is None   # there was no file to copy


def test_the_page_is_self_contained_escaped_and_readable(tmp_path, demo_set):
    old = _filled_store(tmp_path / "progress.json")
    text = export_record(tmp_path / "record.html", store=old, exercise_sets=[demo_set],
                         responses=[]).read_text(encoding="utf-8")
    page = _Text()
    page.feed(text)
    # Only one script element, and it is data (never run); no address outside the file.
    assert page.scripts == [{"type": "application/json", "id": "netlearn-record"}]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text) and "@import" not in text
    visible = "".join(page.text)
    assert "Café meetings </script><script>alert('x')</script> felt rushed" in visible   # shown as text
    assert "What will you do differently?" in visible                                    # under its question
    assert "Demo notebook" in visible and "2 of 2" in visible             # q1 answered, q2 saved
    assert "I will ask first." in visible.split("Your action plan")[1]
    # The embedded copy holds the text exactly, and the raw block contains no "<".
    block = re.search(r'id="netlearn-record">(.*?)</script>', text, re.DOTALL).group(1)
    assert "<" not in block
    assert json.loads(block)["progress"]["reflections"]["demo.q2"]["text"] == HOSTILE


def test_merge_keeps_newer_local_entries(tmp_path):
    record_store = ProgressStore(tmp_path / "then.json")
    record_store.update(lambda d: d.update({
        "exercises": {"demo.q1": {"kind": "code", "attempted": True, "attempts": 2, "correct": True,
                                  "first_attempt_at": "2026-05-01T09:00:00+00:00",
                                  "correct_at": "2026-05-01T09:05:00+00:00",
                                  "last_attempt_at": "2026-05-01T09:05:00+00:00", "last_status": "correct",
                                  "hints_used": 3}},
        "reflections": {"demo.q2": {"text": "old words", "saved_at": "2026-05-01T09:00:00+00:00"},
                        "demo.q5": {"text": "only in the record", "saved_at": "2026-05-01T09:00:00+00:00"}}}))
    path = export_record(tmp_path / "r.html", store=record_store, exercise_sets=[], responses=[])

    here = ProgressStore(tmp_path / "now" / "progress.json")
    here.update(lambda d: d.update({
        "exercises": {"demo.q1": {"kind": "code", "attempted": True, "attempts": 5, "correct": False,
                                  "first_attempt_at": "2026-05-02T10:00:00+00:00",
                                  "last_attempt_at": "2026-05-02T10:30:00+00:00", "last_status": "incorrect",
                                  "hints_used": 1}},
        "reflections": {"demo.q2": {"text": "newer words", "saved_at": "2026-05-02T10:00:00+00:00"}}}))
    before = here.path.read_bytes()
    changes = import_record(path, store=here)

    q1 = here.entry("demo.q1")
    assert q1 == {"kind": "code", "attempted": True, "attempts": 5, "correct": True, "hints_used": 3,
                  "first_attempt_at": "2026-05-01T09:00:00+00:00", "correct_at": "2026-05-01T09:05:00+00:00",
                  "last_attempt_at": "2026-05-02T10:30:00+00:00", "last_status": "incorrect"}
    assert here.reflection("demo.q2")["text"] == "newer words"          # the newer local one wins
    assert here.reflection("demo.q5")["text"] == "only in the record"
    assert changes["added"] == ["demo.q5"] and changes["updated"] == ["demo.q1"] and changes["kept"] == ["demo.q2"]
    assert changes["copy"].read_bytes() == before                     # the file as it was is kept
    assert changes["copy"].name.startswith("progress.json.before-import-")
    # Importing the same record again changes nothing more.
    again = import_record(path, store=here)
    assert again["added"] == again["updated"] == [] and here.entry("demo.q1") == q1


def test_an_older_local_reflection_is_replaced_by_the_newer_one_in_the_record(tmp_path):
    then = ProgressStore(tmp_path / "a.json")
    then.update(lambda d: d["reflections"].update({"k": {"text": "later", "saved_at": "2026-06-01T00:00:00+00:00"}}))
    path = export_record(tmp_path / "r.html", store=then, exercise_sets=[], responses=[])
    here = ProgressStore(tmp_path / "b.json")
    here.update(lambda d: d["reflections"].update({"k": {"text": "earlier", "saved_at": "2026-05-01T00:00:00+00:00"}}))
    assert import_record(path, store=here)["updated"] == ["k"] and here.reflection("k")["text"] == "later"


def _record_text(tmp_path):
    store = _filled_store(tmp_path / "src.json")
    return export_record(tmp_path / "good.html", store=store, exercise_sets=[], responses=[]).read_text("utf-8")


@pytest.mark.parametrize("name, content, words", [
    ("notes.html", "<html><body><p>My own notes</p></body></html>", "a web page, but not a netlearn learner record"),
    ("photo.html", bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00]), "not a text file"),
    ("data.html", '<script type="application/json" id="netlearn-record">{"format": "something-else"}</script>',
     "holds data, but not a netlearn learner record"),
])
def test_a_file_that_is_not_a_record_gives_a_data_error_naming_it(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    store = ProgressStore(tmp_path / "p.json")
    with pytest.raises(DataError) as error:
        import_record(path, store=store)
    assert str(error.value).startswith(f"{name}: ") and words in str(error.value)
    assert "Download my record" in error.value.fix
    assert not store.path.exists()          # nothing written


def test_a_damaged_or_edited_record_is_refused(tmp_path):
    text = _record_text(tmp_path)
    truncated = tmp_path / "cut.html"
    start = text.index('id="netlearn-record">')
    truncated.write_text(text[:start + 200] + "</script></body></html>", encoding="utf-8")
    with pytest.raises(DataError, match=r"^cut\.html: The saved progress in this record is damaged \(unreadable"):
        import_record(truncated)
    edited = tmp_path / "edited.html"
    edited.write_text(text.replace('"attempts": 2', '"attempts": 9'), encoding="utf-8")
    with pytest.raises(DataError, match=r"^edited\.html: .*changed or damaged since it was made"):
        import_record(edited)
    with pytest.raises(DataError, match=r"missing\.html: There is no such file"):
        import_record(tmp_path / "missing.html")
    assert progress_store().read()["exercises"] == {}


def test_an_export_never_overwrites_a_file(tmp_path, demo_set):
    store = _filled_store(tmp_path / "p.json")
    taken = tmp_path / "mine.html"
    taken.write_text("precious", encoding="utf-8")
    with pytest.raises(FileExistsError, match="mine.html exists already"):
        export_record(taken, store=store, exercise_sets=[demo_set], responses=[])
    assert taken.read_text(encoding="utf-8") == "precious"
    first = export_record(store=store, exercise_sets=[demo_set], responses=[])
    content = first.read_bytes()
    second = export_record(store=store, exercise_sets=[demo_set], responses=[])
    assert first.parent == second.parent == tmp_path
    assert re.fullmatch(r"netlearn-record-\d{4}-\d\d-\d\d\.html", first.name)
    assert second.name == first.name.replace(".html", "-2.html")
    assert first.read_bytes() == content


def test_the_record_includes_saved_self_assessments(tmp_path, demo_set):
    form = self_assessment("curiosity_practice", chart=False, respondent="r-7")
    form.set_answer("st1", 2)
    form.save()
    text = export_record(tmp_path / "r.html", store=ProgressStore(tmp_path / "p.json"),
                         exercise_sets=[demo_set]).read_text("utf-8")
    section = text.split("Your self-assessments")[1]
    wording = next(item.wording for item in form.instrument.items if item.id == "st1")
    assert form.instrument.title in section
    row = re.search(r"<tr><td>" + re.escape(wording.replace("'", "&#x27;")) + r"</td><td>(.*?)</td></tr>", section)
    assert row is not None and row.group(1) == "2"


def test_the_action_plan_picks_intention_sentences_from_hand_written_reflections():
    reflections = {
        "n1.q5": {"text": "Our meetings feel rushed and the same three people speak. I will ask one open question "
                          "before proposing anything. It was interesting to see the chart."},
        "n2.q6": {"text": "- Next month, try a round where everyone speaks.\n- Should I invite the pharmacists?\n"
                          "I'd forgotten how many people we know. We'll share the map with the board."},
        "n3.q4": {"text": "Going forward I want to check who is missing from the room. I will ask one open question "
                          "before proposing anything."},
    }
    assert action_plan(reflections) == [
        ("I will ask one open question before proposing anything.", "n1.q5"),
        ("Next month, try a round where everyone speaks.", "n2.q6"),
        ("We'll share the map with the board.", "n2.q6"),
        ("Going forward I want to check who is missing from the room.", "n3.q4"),
    ]
    assert intention_sentences("It went well. The chart was clear.") == []


def test_on_binder_the_first_check_warns_once_and_offers_the_download(monkeypatch, capsys, demo_set):
    monkeypatch.setenv("BINDER_SERVICE_HOST", "10.0.0.7")
    assert hosting() == "binder"
    demo_set["q1"].check("Andre")
    demo_set["q1"].check("Diane")
    out = capsys.readouterr().out
    assert out.count("This is a temporary online session on Binder") == 1
    assert "Download my record" in out and "export_record()" in out
    widget = ReflectionWidget(demo_set["q2"])
    assert "on the Binder server" in widget.status.value and "disappear when it ends" in widget.status.value
    assert widget.record is not None and widget.record.upload is None
    saved = demo_set["q2"].save("I will try it.")
    assert "disappear when it ends" in saved.message
    panel = progress_widget(demo_set)
    assert "on the Binder server" in panel.table.value
    assert "temporary online session on Binder" in panel.record.children[0].value


def test_on_your_own_computer_there_is_no_binder_warning(capsys, demo_set):
    assert hosting() == "local"
    demo_set["q1"].check("Andre")
    assert capsys.readouterr().out == ""
    widget = ReflectionWidget(demo_set["q2"])
    assert "Kept on this computer in" in widget.status.value and "Binder" not in widget.status.value
    assert widget.record is None
    assert "Binder" not in progress_widget(demo_set).record.children[0].value


def test_the_buttons_download_and_restore(tmp_path, demo_set):
    source = _filled_store(tmp_path / "elsewhere.json")
    content = export_record(tmp_path / "from-binder.html", store=source, exercise_sets=[demo_set],
                            responses=[]).read_bytes()
    buttons = record_buttons()
    written = buttons.download()
    assert written.parent == tmp_path and 'href="data:text/html;base64,' in buttons.status.value
    changes = buttons.restore(content, "from-binder.html")
    assert changes["added"] == ["demo.q1", "demo.q3", "demo.q4", "demo.q2"]
    assert progress_store().reflection("demo.q2")["text"] == HOSTILE
    assert "Restored from from-binder.html" in buttons.status.value
    assert buttons.restore(b"<html>not mine</html>", "holiday.html") is None
    assert "Nothing was restored. holiday.html: This is a web page" in buttons.status.value
