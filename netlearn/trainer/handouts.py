"""Printable handouts made from the course's own instrument files and the listening coach's rules.

Four handouts, each an A4 HTML page set to print from any browser (see :mod:`netlearn.trainer.pages`):

* :func:`maturity_matrix_sheet` - the maturity matrix for a table of four to eight members: how the
  table works, the lower-score rule with a worked example, one sheet per dimension with its level
  descriptors, and a record sheet for the table;
* :func:`health_check_form` - the health-check survey as a paper form, tick boxes per statement
  and lines for the open questions;
* :func:`curiosity_self_assessment` - the curiosity practice items with a sheet to score your own
  answers (reverse-keyed items turned round by the file's own rule);
* :func:`listening_cards` - one card per role for listening in threes (speaker, listener,
  observer), with timings, and a tally of what the observer listens for, taken from the rules of
  :mod:`netlearn.listening_rules` so the cards say what the coach says.

Every word of an instrument comes from its YAML file (``datasets/instruments/``), so the paper
matches the notebooks; nothing is added to an instrument, and each handout prints the file's own
note on where its wording comes from, plus a footer saying it is the course's own version, not an
official instrument. :func:`write_handouts` writes all four and an ``index.html``;
``python -m netlearn.trainer.handouts`` (or ``make handouts``) does it from the command line.

>>> page = health_check_form()
>>> "not the official instrument" in page and "Purpose" in page
True
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from pathlib import Path

import pandas as pd

from ..diagnostics.instruments import Instrument, load_instrument
from ..diagnostics.matrix import read_matrix, table_conversation
from ..listening import SCENARIOS
from ..listening_rules import ADVICE, LISTENING, RULES
from .pages import GENERATOR, box, document, esc, lines, sheet

__all__ = ["NOT_OFFICIAL", "ITEMS_PER_SHEET", "SPEAK_MINUTES", "FEEDBACK_MINUTES", "ROUNDS",
           "TALLY_ROWS_PER_SHEET", "HANDOUTS",
           "maturity_matrix_sheet", "health_check_form", "curiosity_self_assessment", "listening_cards",
           "lower_score_example", "write_handouts", "main"]

#: Printed in every footer.
NOT_OFFICIAL = "the course's own version, not the official instrument"

#: Rating statements on one sheet at most; dimensions are kept whole and start a new sheet when the
#: next one would not fit.
ITEMS_PER_SHEET = 8

#: Listening in threes (notebook 07): minutes the speaker talks in each round, minutes of the
#: observer's feedback after it, and rounds (everyone takes each role once).
SPEAK_MINUTES = 3
FEEDBACK_MINUTES = 1
ROUNDS = 3


def _instrument(instrument, kind):
    loaded = instrument if isinstance(instrument, Instrument) else load_instrument(instrument)
    if loaded.kind not in kind:
        raise ValueError(f"{loaded.name!r} is a {loaded.kind}; this handout needs a {' or '.join(kind)}.")
    return loaded


def _footer(instrument):
    return f"{instrument.title} - {NOT_OFFICIAL}"


def _about(instrument):
    """The file's own notice on where the wording comes from, its credit and licence."""
    credit = f" Credit: {esc(instrument.credit)}." if instrument.credit else ""
    version = f" Version {esc(instrument.version)}." if instrument.version else ""
    return (f'<div class="notice"><strong>Not an official instrument.</strong> {esc(instrument.source)}'
            f'{credit} Licence: {esc(instrument.licence)}.{version}</div>')


def _scale_key(scale):
    return '<div class="key">' + "".join(f"<span><strong>{p}</strong> = {esc(scale.labels[p])}</span>"
                                         for p in scale.points) + "</div>"


# ----------------------------------------------------------------------------- the maturity matrix


def lower_score_example(instrument="network_maturity_matrix", levels=(2, 4, 3)):
    """What :func:`~netlearn.diagnostics.table_conversation` records when members choose ``levels``.

    Returns ``(recorded, levels_apart)`` for the matrix's first dimension, worked out by the same
    function the notebooks use, so the handout's example cannot drift from the course's rule.

    >>> lower_score_example()
    (2, 2)
    """
    matrix = _instrument(instrument, ("matrix",))
    first = matrix.dimension_ids[0]
    rows = pd.DataFrame({"table": ["A"] * len(levels), "member": [f"m{i}" for i in range(len(levels))],
                         f"{first}_current": list(levels), f"{first}_target": list(levels)})
    talk = table_conversation(read_matrix(rows, matrix), n_priorities=0).iloc[0]
    return int(talk["recorded"]), int(talk["range"])


def _matrix_first_sheet(matrix):
    low, high = matrix.scale.min, matrix.scale.max
    example = (2, 4, 3) if high - low >= 3 else tuple(sorted({low, high}))
    recorded, apart = lower_score_example(matrix, example)
    chosen = ", ".join(str(x) for x in example[:-1]) + f" and {example[-1]}"
    return sheet(
        f"<h1>{esc(matrix.title)}</h1>{_about(matrix)}"
        f"<h2>How to use it</h2><p>{esc(matrix.notes)}</p>"
        "<ol><li>Take the dimensions one sheet at a time. Each member reads the levels from the bottom up and decides, without conferring, the highest "
        "level whose whole description is true of the network today.</li>"
        "<li>A scribe counts how many chose each level (numbers only, no names) and fills in the sheet; "
        "the record sheet at the end collects the results.</li>"
        "<li>Agree the level you are aiming for and whether this dimension is one of your priorities.</li></ol>"
        '<div class="timing"><strong>The lower-score rule.</strong> When members choose different levels, the '
        "table records the <strong>lowest level anyone chose</strong>, and writes down how many levels apart "
        "members were. Talk first about the dimension where people were furthest apart: ask those at each end "
        f"what they have seen that others have not.<br><em>Example:</em> members choose {chosen}. The table "
        f"records level {recorded}; members were {apart} level{'' if apart == 1 else 's'} apart.</div>"
        f"<h2>The levels</h2>{_scale_key(matrix.scale)}"
        f"<p>Table: {box('table name', long=True)} &nbsp; Date: {box('date', long=True)} &nbsp; "
        f"Members at the table: {box('number of members', wide=True)}</p>")


def _matrix_dimension_sheet(matrix, dimension):
    question = matrix.items_of(dimension.id)[0].wording
    rows = "".join(
        f"<tr><td><strong>{p}</strong><br>{esc(matrix.scale.labels[p])}</td>"
        f"<td>{esc(matrix.levels[dimension.id][p])}</td>"
        f"<td class=\"count\">{box(f'members choosing level {p}', wide=True)}</td>"
        f"<td class=\"count\">{box(f'aim for level {p}')}</td></tr>"
        for p in reversed(matrix.scale.points))
    return sheet(
        f"<h1>{esc(dimension.name)}</h1><p class=\"lead\">{esc(dimension.description)}</p>"
        f"<h3>{esc(question)}</h3>"
        "<p class=\"small\">Read from the bottom (level 1) up; stop at the first level that is not wholly "
        "true today.</p>"
        "<table><thead><tr><th>Level</th><th>What you would see</th><th class=\"count\">How many chose it"
        "</th><th class=\"count\">We aim for</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<p><strong>Recorded (lowest level chosen):</strong> {box('recorded level', wide=True)} &nbsp; "
        f"<strong>Levels apart:</strong> {box('levels apart', wide=True)}</p>"
        f"<p><strong>One of our priorities?</strong> {box('priority yes')} yes &nbsp; {box('priority no')} no</p>"
        "<p><strong>What did people see differently?</strong></p>" + lines(4))


def _matrix_record_sheet(matrix):
    rows = "".join(f"<tr><td>{esc(d.name)}</td>" + "".join(f"<td class=\"count\">{box(f'{d.name}: {what}', wide=True)}"
                                                         "</td>" for what in ("recorded", "apart", "aim"))
                   + f"<td class=\"count\">{box(f'{d.name}: priority')}</td><td class=\"count\">"
                   f"{box(f'{d.name}: talk first', wide=True)}</td></tr>"
                   for d in matrix.dimensions)
    return sheet(
        "<h1>Our table's record</h1>"
        "<p class=\"lead\">Copy the numbers from each sheet. Number the dimensions in the order you will talk "
        "about them: the most levels apart first.</p>"
        "<table class=\"record\"><thead><tr><th>Dimension</th><th class=\"count\">Recorded level</th><th class=\"count\">Levels "
        "apart</th><th class=\"count\">We aim for</th><th class=\"count\">Priority</th><th class=\"count\">Order "
        f"to talk</th></tr></thead><tbody>{rows}</tbody></table>"
        "<h3>Our priorities, and the first thing we will do about each</h3>" + lines(6))


def maturity_matrix_sheet(instrument="network_maturity_matrix"):
    """The maturity matrix as sheets for a table conversation (an HTML string).

    One sheet explaining the method and the lower-score rule, one per dimension (question, every
    level descriptor, boxes for how many chose each level and the level aimed for) and a record
    sheet for the table.

    Parameters
    ----------
    instrument : Instrument or str
        A matrix, loaded or by name or path (default: the course's own).

    >>> page = maturity_matrix_sheet()
    >>> page.count('class="sheet"'), "lowest level anyone chose" in page
    (10, True)
    """
    matrix = _instrument(instrument, ("matrix",))
    sheets = [_matrix_first_sheet(matrix)]
    sheets += [_matrix_dimension_sheet(matrix, d) for d in matrix.dimensions]
    sheets.append(_matrix_record_sheet(matrix))
    return document(matrix.title, sheets, footer=_footer(matrix))


# ----------------------------------------------------------------------------- rating forms


def _sheets_of_dimensions(instrument):
    """Dimensions grouped into sheets of at most :data:`ITEMS_PER_SHEET` statements, kept whole."""
    groups, current, count = [], [], 0
    for dimension in instrument.dimensions:
        n = len(instrument.items_of(dimension.id))
        if current and count + n > ITEMS_PER_SHEET:
            groups.append(current)
            current, count = [], 0
        current.append(dimension)
        count += n
    return groups + ([current] if current else [])


def _numbered(instrument):
    """Rating items in printed order (by dimension), numbered from 1."""
    items = [i for d in instrument.dimensions for i in instrument.items_of(d.id)]
    return {item.id: number for number, item in enumerate(items, start=1)}


def _rating_sheet(instrument, dimensions, numbers, heading):
    points = instrument.scale.points
    parts = [f"<p class=\"small\">{esc(heading)}</p>{_scale_key(instrument.scale)}"]
    for dimension in dimensions:
        rows = "".join(
            f"<tr><td class=\"num\">{numbers[item.id]}</td><td>{esc(item.wording)}</td>"
            + "".join(f"<td class=\"point\">{box(f'statement {numbers[item.id]}: {p}')}</td>" for p in points)
            + "</tr>" for item in instrument.items_of(dimension.id))
        parts.append(f"<h2>{esc(dimension.name)}</h2><p class=\"small\">{esc(dimension.description)}</p>"
                     "<table><thead><tr><th class=\"num\">No.</th><th>Statement</th>"
                     + "".join(f"<th class=\"point\">{p}</th>" for p in points)
                     + f"</tr></thead><tbody>{rows}</tbody></table>")
    return sheet("".join(parts))


def _form_sheets(instrument, intro):
    numbers = _numbered(instrument)
    scale = instrument.scale
    first = sheet(f"<h1>{esc(instrument.title)}</h1>{_about(instrument)}<p class=\"lead\">{intro}</p>"
                  f"<h2>How to answer</h2><p>For each statement, tick one box, from {scale.min} to {scale.max}:</p>"
                  f"{_scale_key(scale)}<p>There are no right answers. Leave a statement blank if you cannot "
                  f"answer it.</p><h2>About this form</h2><p>{esc(instrument.notes)}</p>")
    heading = f"Tick one box per statement ({scale.min} to {scale.max})."
    return [first] + [_rating_sheet(instrument, group, numbers, heading)
                      for group in _sheets_of_dimensions(instrument)], numbers


def health_check_form(instrument="network_health_check"):
    """The health-check survey as a paper form (an HTML string).

    An opening sheet (what it is, the scale, the file's notes), the statements by dimension with a
    tick box for every point of the scale, and a last sheet with lines for the open questions and
    a note for whoever collects the forms (which statements are reverse-keyed, and the rule).

    Parameters
    ----------
    instrument : Instrument or str
        A survey or scale (default: the course's own health check).

    >>> page = health_check_form()
    >>> page.count('class="sheet"'), page.count('class="line"')
    (5, 12)
    """
    survey = _instrument(instrument, ("survey", "scale"))
    sheets, numbers = _form_sheets(survey, "Your answers help the network see how it is doing. Please do not "
                                           "write your name on this form.")
    questions = "".join(f"<h3>{esc(item.wording)}</h3>{lines(6)}" for item in survey.text_items)
    reverse = [numbers[i.id] for d in survey.dimensions for i in survey.items_of(d.id) if i.reverse]
    collector = (f"<p class=\"small\"><strong>For whoever collects the forms:</strong> statements "
                 f"{', '.join(str(n) for n in reverse)} are worded as problems; turn each answer round "
                 f"({esc(survey.scale.reverse_rule)}) before adding up, so that a higher score always means a "
                 "healthier network. Type the answers into the course's response file and let netlearn do "
                 "the sums; results for groups of fewer than five people are not shown.</p>") if reverse else ""
    if questions or collector:
        sheets.append(sheet((f"<h2>In your own words</h2>{questions}" if questions else "") + collector))
    return document(survey.title, sheets, footer=_footer(survey))


def curiosity_self_assessment(instrument="curiosity_practice"):
    """The curiosity practice items, with a sheet to score your own answers (an HTML string).

    The scoring sheet lists each dimension's statements; a reverse-keyed statement is turned round
    by the file's rule (on 1 to 7, ``max + min - x`` is 8 minus your answer) before the answers are
    added up and divided by their number, which is how :mod:`netlearn.diagnostics` scores them.

    Parameters
    ----------
    instrument : Instrument or str
        A scale or survey (default: the course's own curiosity practice items).

    >>> page = curiosity_self_assessment()
    >>> page.count('class="sheet"'), "write 8 minus your answer" in page
    (5, True)
    """
    scale = _instrument(instrument, ("scale", "survey"))
    sheets, numbers = _form_sheets(scale, "For your own reflection. Answer as you are at work now, not as you "
                                          "would like to be. Keep the form: nobody else needs to see it.")
    flip = scale.scale.max + scale.scale.min
    rows = []
    for dimension in scale.dimensions:
        cells = []
        for item in scale.items_of(dimension.id):
            n = numbers[item.id]
            turned = f" {flip} &minus; {box(f'your answer to {n}', wide=True)} =" if item.reverse else ""
            cells.append(f"<span class=\"slot\"><strong>{n}</strong>:{turned} {box(f'statement {n}', wide=True)}</span>")
        rows.append(f"<tr><td>{esc(dimension.name)}</td><td><div class=\"slots\">{''.join(cells)}</div></td>"
                    f"<td class=\"sum\">{box(f'{dimension.name} total', wide=True)}</td>"
                    f"<td class=\"sum\">&divide; {len(cells)} = {box(f'{dimension.name} score', wide=True)}</td></tr>")
    rule = (f"<p>Copy each answer into its box. The statements shown as <em>{flip} &minus; &hellip; =</em> are "
            f"worded as difficulties: write {flip} minus your answer (on this {scale.scale.min} to "
            f"{scale.scale.max} scale, {scale.scale.min + 1} becomes {flip - scale.scale.min - 1}). Then add up "
            "each row and divide by the number of statements: a higher score always means more of that "
            "dimension.</p>") if any(i.reverse for i in scale.rating_items) else \
        "<p>Copy each answer into its box, add up each row and divide by the number of statements.</p>"
    sheets.append(sheet("<h1>Scoring your own answers</h1>" + rule
                        + "<table><thead><tr><th>Dimension</th><th>Statement and your answer</th>"
                          "<th class=\"sum\">Total</th><th class=\"sum\">Score</th></tr></thead><tbody>"
                        + "".join(rows) + "</tbody></table>"
                        "<p class=\"small\">A reflection aid, not a measurement: do not compare scores between "
                        "people or use them to judge anyone.</p>"))
    return document(scale.title, sheets, footer=_footer(scale))


# ----------------------------------------------------------------------------- listening in threes


def _rule_list(kind):
    return "<ul>" + "".join(f"<li><strong>{esc(rule.name.capitalize())}</strong>: {esc(rule.explanation)}</li>"
                            for rule in RULES if rule.kind == kind) + "</ul>"


def _tally(rules):
    rows = "".join(f"<tr><td><strong>{esc(rule.name.capitalize())}</strong><br><span class=\"small\">"
                   f"{esc(rule.explanation)}</span></td><td class=\"tally\"></td></tr>" for rule in rules)
    return f"<table><thead><tr><th>What you hear</th><th class=\"tally\">Marks</th></tr></thead><tbody>{rows}</tbody></table>"


#: Forms of jumping in on one sheet of the observer's tally.
TALLY_ROWS_PER_SHEET = 8


def _timing():
    each = SPEAK_MINUTES + FEEDBACK_MINUTES
    return (f'<div class="timing"><strong>Timings.</strong> {ROUNDS} rounds of {each} minutes '
            f"({ROUNDS * each} minutes in all). Each round: {SPEAK_MINUTES} minutes of the speaker talking and "
            f"the listener listening, then {FEEDBACK_MINUTES} minute of the observer's feedback. Then move "
            "round one seat, so everyone takes each role once.</div>")


def _card(role, tagline, body):
    return sheet(f"<p class=\"card-role\">{esc(role)}</p><p class=\"lead\"><em>{esc(tagline)}</em></p>"
                 + _timing() + body)


def listening_cards():
    """Cards for listening in threes: speaker, listener and observer, and the observer's tally.

    The moves on the listener's card and the forms of jumping in on the observer's tally are the
    rules of the course's listening coach (:data:`netlearn.listening_rules.RULES`), in its words,
    so the room and the coach in notebook 07 look for the same things.

    >>> page = listening_cards()
    >>> page.count('class="sheet"'), "Closing reassurance" in page
    (5, True)
    """
    advice_names = ", ".join(esc(rule.name) for rule in RULES if rule.kind == ADVICE)
    scenarios = "".join(f"<li><strong>{esc(title)}</strong>. {esc(text)}</li>" for title, text in SCENARIOS.items())
    speaker = _card("Speaker", "Bring a real problem and think out loud.",
                    f"<ul><li>Talk for {SPEAK_MINUTES} minutes about a real, current problem in your network: "
                    "one you have not solved and are happy to talk about.</li>"
                    "<li>Leave out anything confidential, and the names of patients and colleagues.</li>"
                    "<li>The listener will not solve it for you. Use the time to hear yourself think.</li>"
                    "<li>When the time is up, tell the listener one thing that helped you think, and one moment "
                    "you felt steered.</li></ul>"
                    "<h3>No problem to hand? Take one of these</h3>"
                    f"<ul class=\"small\">{scenarios}</ul>")
    listener = _card("Listener", "Help the speaker think. Do not solve the problem.",
                     "<p>Only ask open questions and say back what you heard. If an answer comes to mind, "
                     "hold it: the problem, and the learning, stay with the speaker.</p>"
                     f"<h3>Moves to use</h3><div class=\"small\">{_rule_list(LISTENING)}</div>"
                     f"<h3>Ways of jumping in to hold back</h3><p class=\"small\">{advice_names}.</p>"
                     "<p class=\"small\">Afterwards, type the first thing you <em>wanted</em> to say into the "
                     "listening coach in notebook 07 and see how it reads.</p>")
    observer = _card("Observer", f"Keep time (call time after {SPEAK_MINUTES} minutes), stay silent, and notice "
                                 "the words.",
                     "<ul><li>Make a mark on the tally each time the listener jumps in and each time "
                     "they make a listening move. Write down the exact words when you can.</li>"
                     f"<li>In your {FEEDBACK_MINUTES} minute of feedback, quote what was said, not what you "
                     "think of the listener: \u201cWhen you said \u2018have you tried\u2026\u2019, the "
                     "speaker stopped\u201d.</li>"
                     "<li>You hear tone; the coach in notebook 07 reads only the words. Say when a kind "
                     "question sounded like a rebuke, or the other way round.</li></ul>"
                     "<h3>Listening moves: one mark each time</h3>"
                     + _tally([rule for rule in RULES if rule.kind == LISTENING]))
    jumping = [rule for rule in RULES if rule.kind == ADVICE]
    parts = [jumping[i:i + TALLY_ROWS_PER_SHEET] for i in range(0, len(jumping), TALLY_ROWS_PER_SHEET)]
    tallies = [sheet(f"<h1>Observer's tally: ways of jumping in ({n} of {len(parts)})</h1>"
                     "<p class=\"small\">One mark each time you hear it, and the words when you can. These are the "
                     "forms the course's listening coach looks for.</p>" + _tally(part))
               for n, part in enumerate(parts, start=1)]
    footer = ("Listening in threes (netlearn course) - the course's own version of the masterclass's "
              "active-listening exercise, whose exact format is not recorded")
    return document("Listening in threes: role cards", [speaker, listener, observer, *tallies], footer=footer)


# ----------------------------------------------------------------------------- writing the files

#: File name (without .html) -> (function that makes it, what it is for the index page).
HANDOUTS = {
    "network_maturity_matrix": (maturity_matrix_sheet, "The maturity matrix for a table conversation, with the "
                                                       "lower-score rule and a record sheet for the table."),
    "network_health_check": (health_check_form, "The health-check survey as a paper form for every member."),
    "curiosity_practice": (curiosity_self_assessment, "The curiosity practice items, with a sheet to score "
                                                      "your own answers."),
    "listening_in_threes": (listening_cards, "Role cards for listening in threes: speaker, listener, "
                                             "observer, and the observer's tally."),
}

_GENERATED = re.compile(rf'<meta name="generator" content="{re.escape(GENERATOR)}"')


def _index_page(made):
    items = "".join(f"<li><a href=\"{esc(name)}.html\">{esc(title)}</a> ({sheets} sheets). {esc(what)}</li>"
                    for name, title, sheets, what in made)
    body = ("<h1>Handouts for the netlearn course</h1><p class=\"lead\">Pages to print for a session in a room, "
            "made from the course's own files. None of them is an official instrument.</p>"
            f"<ul>{items}</ul><h2>Printing</h2><ul><li>Open a handout and print it on A4, at 100% "
            "(\u201cactual size\u201d), with the default margins.</li><li>Turn off the browser's own headers "
            "and footers: each page already has one.</li><li>Each sheet starts a new page; print double-sided "
            "only if you do not want to hand sheets out separately.</li></ul>"
            "<p class=\"small\">These files are generated: <code>make handouts</code> writes them again from "
            "the instrument files, replacing what is here. Change the instrument files, not these pages.</p>")
    return document("Handouts for the netlearn course", [sheet(body)], footer="netlearn course handouts")


def _write(path, text):
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write_handouts(folder="build/handouts"):
    """Write every handout and an ``index.html`` into ``folder``; return the paths written.

    The folder is made if needed. ``build/`` holds generated files, so a handout written earlier
    is replaced: each file is written in full under a temporary name and then renamed, so a reader
    never sees half a page. A file of the same name that netlearn did not write (it lacks the
    ``generator`` mark of :data:`netlearn.trainer.pages.GENERATOR`) is never replaced: the
    function stops with :class:`FileExistsError` before writing anything.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     sorted(path.name for path in write_handouts(folder))
    ['curiosity_practice.html', 'index.html', 'listening_in_threes.html', 'network_health_check.html', 'network_maturity_matrix.html']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pages, made = {}, []
    for name, (make, what) in HANDOUTS.items():
        text = make()
        title = re.search(r"<title>(.*?)</title>", text).group(1)
        pages[f"{name}.html"] = text
        made.append((name, html.unescape(title), text.count('class="sheet"'), what))
    pages["index.html"] = _index_page(made)
    for name in pages:
        path = folder / name
        if path.exists() and not _GENERATED.search(path.read_text(encoding="utf-8", errors="replace")[:2000]):
            raise FileExistsError(f"{path} exists and was not written by netlearn's handouts, so nothing was "
                                  "written. Choose another folder (--out), or move that file away and run again.")
    written = []
    for name, text in pages.items():
        _write(folder / name, text)
        written.append(folder / name)
    return written


def main(argv=None):
    """``python -m netlearn.trainer.handouts [--out FOLDER]``: write the handouts; 0 when done."""
    parser = argparse.ArgumentParser(prog="python -m netlearn.trainer.handouts",
                                     description="Write the course's printable handouts (A4 HTML) into a folder.")
    parser.add_argument("--out", default="build/handouts",
                        help="folder to write into (default: build/handouts); handouts written there before are replaced")
    args = parser.parse_args(argv)
    try:
        written = write_handouts(args.out)
    except (FileExistsError, OSError) as error:
        print(f"Could not write the handouts: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"Open {Path(args.out) / 'index.html'} in a browser and print each handout on A4.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
