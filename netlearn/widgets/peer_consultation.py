"""Widget for notebook 07: peer consultation in threes, with the room plan and the listening coach.

:func:`peer_consultation` shows two parts. **The room**: type how many people and how many minutes
you have, and the plan appears (groups, rounds, minutes for each phase, a run sheet), from
:func:`netlearn.peer_consultation.plan_rounds`. **The consultant's chair**: a colleague's problem,
a box for the consultant's question and an **Ask** button; the listening coach says whether each
question is listening or jumping in, quoting the words, and keeps the observer's tally.

Callbacks are ordinary methods, so tests drive the widget without a browser:

>>> box = peer_consultation(people=14, minutes=60)
>>> "two groups of three and two groups of four" in box.plan.value
True
>>> box.question.value = "What have you tried so far?"
>>> box.ask_button.click()
>>> box.asked[-1].verdict, box.tally()["listening"]
('listening', 1)
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from .. import listening, peer_consultation as pc

__all__ = ["PeerConsultation", "peer_consultation"]

_STYLE = """<style>
.netlearn-peer :focus-visible { outline: 3px solid #1a5fb4 !important; outline-offset: 2px; }
.netlearn-peer .widget-text, .netlearn-peer .widget-inline-hbox { width: auto !important; }
.netlearn-peer .widget-label { width: auto !important; min-width: 0 !important; font-weight: bold; }
.netlearn-peer table { border-collapse: collapse; margin: 0.3em 0; font-size: 0.92em; }
.netlearn-peer th, .netlearn-peer td { text-align: left !important; padding: 0.2em 0.8em 0.2em 0;
  vertical-align: top; }
.netlearn-peer thead th { border-bottom: 1px solid #8a949c; }
.netlearn-peer ol { margin: 0.2em 0 0.2em 1.4em; padding: 0; }
</style>"""

_WIDE = {"description_width": "initial"}
_MARK = {pc.LISTENING_MOVE: ("\u2714", "#1e6b2f"), pc.JUMPING_IN: ("\u21bb", "#a15c00"),
         pc.CANNOT_TELL: ("?", "#5b6770")}


def _plan_html(people, minutes):
    try:
        plan = pc.plan_rounds(people, minutes)
    except (TypeError, ValueError) as problem:
        return (f'<div class="netlearn-peer-plan" role="status" aria-live="polite"><p><b>No plan yet.</b> '
                f"{html.escape(str(problem))}</p></div>")
    sizes = sorted(set(plan.groups))
    roles = "".join(
        f"<p><b>Roles in a group of {size}</b></p><table><thead><tr><th>round</th><th>brings the problem</th>"
        f"<th>consults</th><th>observes</th></tr></thead><tbody>"
        + "".join(f"<tr><td>{n}</td><td>{html.escape(r['brings the problem'])}</td><td>{html.escape(r['consults'])}"
                  f"</td><td>{html.escape(r['observes'])}</td></tr>"
                  for n, r in plan.roles(size).iterrows())
        + "</tbody></table>" for size in sizes)
    return (f'<div class="netlearn-peer-plan" role="status" aria-live="polite"><p>{html.escape(plan.describe())}</p>'
            f'<details><summary>Run sheet and roles</summary>{plan._extra_html()}{roles}</details>'
            '<p style="font-size:0.88em">These timings are the course\'s own choice, not a published standard: '
            "adjust them for your room.</p></div>")


def _problem_html(scenario):
    return (f'<blockquote class="netlearn-peer-problem" style="border-left:4px solid #8a949c;margin:0.4em 0;'
            f'padding:0.3em 0.9em;background:#f6f8fa;color:#1f2a30">{html.escape(listening.SCENARIOS[scenario])}'
            "</blockquote>")


class PeerConsultation(widgets.VBox):
    """The room plan and the consultant's chair, with the coach as a second observer.

    Attributes
    ----------
    people, minutes : BoundedIntText
        The room; the plan updates when either changes.
    plan : HTML
        The plan in words, with the run sheet and roles in a fold (or why no plan fits).
    scenario : Dropdown
        The problem brought (:data:`netlearn.listening.SCENARIOS`).
    question : Text
        The consultant's next question.
    ask_button, clear_button : Button
    questions_log : HTML
        Every question asked, each with the coach's verdict and the words it rests on.
    tally_html : HTML
        The observer's tally.
    asked : list of QuestionReading
    """

    def __init__(self, people=12, minutes=60, scenario=None):
        names = list(listening.SCENARIOS)
        scenario = scenario or names[0]
        if scenario not in listening.SCENARIOS:
            raise ValueError(f"No scenario called {scenario!r}; choose one of: {', '.join(names)}.")
        self.asked = []
        self.people = widgets.BoundedIntText(value=people, min=1, max=500, description="People in the room",
                                             style=_WIDE, layout=widgets.Layout(width="15em"))
        self.minutes = widgets.BoundedIntText(value=minutes, min=1, max=480, description="Minutes available",
                                              style=_WIDE, layout=widgets.Layout(width="15em"))
        self.plan = widgets.HTML(_plan_html(people, minutes))
        self.scenario = widgets.Dropdown(options=names, value=scenario, description="The problem brought",
                                         style=_WIDE, layout=widgets.Layout(width="auto"))
        self.problem = widgets.HTML(_problem_html(scenario))
        self.question = widgets.Text(value="", description="Consultant's question",
                                     placeholder="Ask a question; no advice", style=_WIDE,
                                     layout=widgets.Layout(width="95%"))
        self.ask_button = widgets.Button(description="Ask", button_style="primary", icon="question",
                                         tooltip="The coach reads your question: listening or jumping in?")
        self.clear_button = widgets.Button(description="Start a new round", icon="refresh",
                                           tooltip="Clear the questions and the tally",
                                           layout=widgets.Layout(width="auto"))
        self.questions_log = widgets.HTML("")
        self.tally_html = widgets.HTML("")
        self.people.observe(self._room_changed, names="value")
        self.minutes.observe(self._room_changed, names="value")
        self.scenario.observe(self._scenario_changed, names="value")
        self.ask_button.on_click(lambda _button: self.ask())
        self.clear_button.on_click(lambda _button: self.clear())
        self._show_log()
        super().__init__([
            widgets.HTML(_STYLE, layout=widgets.Layout(height="0px", margin="0")),
            widgets.HTML("<h4 style=\"margin:0.3em 0\">The room</h4>"),
            widgets.HBox([self.people, self.minutes]), self.plan,
            widgets.HTML("<h4 style=\"margin:0.6em 0 0.3em\">The consultant's chair</h4>"),
            self.scenario, self.problem, self.question, widgets.HBox([self.ask_button, self.clear_button]),
            self.questions_log, self.tally_html])
        self.add_class("netlearn-peer")

    def _room_changed(self, _change=None):
        self.plan.value = _plan_html(self.people.value, self.minutes.value)

    def _scenario_changed(self, change):
        self.problem.value = _problem_html(change["new"])
        self.clear()

    def ask(self):
        """Read the question in the box, add it to the log and the tally; returns the reading (or None)."""
        text = self.question.value
        if not text.strip():
            self.questions_log.value = self._log_html(empty=True)
            return None
        reading = pc.read_question(text)
        self.asked.append(reading)
        self.question.value = ""
        self._show_log()
        return reading

    def clear(self):
        """Start a new round: no questions asked yet."""
        self.asked = []
        self._show_log()

    def tally(self):
        """The observer's tally of the questions asked so far."""
        tally = {pc.LISTENING_MOVE: 0, pc.JUMPING_IN: 0, pc.CANNOT_TELL: 0}
        for reading in self.asked:
            tally[reading.verdict] += 1
        return tally

    def _show_log(self):
        self.questions_log.value = self._log_html()
        tally = self.tally()
        self.tally_html.value = (
            f'<p class="netlearn-peer-tally"><b>The observer\'s tally:</b> {tally[pc.LISTENING_MOVE]} listening, '
            f"{tally[pc.JUMPING_IN]} jumping in"
            + (f", {tally[pc.CANNOT_TELL]} the coach could not read" if tally[pc.CANNOT_TELL] else "")
            + ". The coach reads wording, not tone: a person observing hears far more.</p>")

    def _log_html(self, empty=False):
        if not self.asked:
            note = ("The box is empty: type the consultant's question, then press Ask." if empty else
                    "Play the consultant: ask questions about the problem above, one at a time, and press "
                    "<b>Ask</b> after each.")
            return f'<p class="netlearn-peer-log" role="status" aria-live="polite">{note}</p>'
        items = []
        for reading in self.asked:
            icon, colour = _MARK[reading.verdict]
            items.append(f'<li><span aria-hidden="true" style="color:{colour};font-weight:bold">{icon}</span> '
                         f"&ldquo;{html.escape(reading.question)}&rdquo; &mdash; {html.escape(reading.text())}</li>")
        extra = ('<p style="margin:0.2em 0">The box is empty: type the next question.</p>' if empty else "")
        return (f'<div class="netlearn-peer-log" role="status" aria-live="polite"><ol>{"".join(items)}</ol>'
                f"{extra}</div>")


def peer_consultation(people=12, minutes=60, scenario=None):
    """Peer consultation in threes as a widget: the room plan, and the consultant's questions read by the coach.

    Parameters
    ----------
    people : int
        People in the room (default 12).
    minutes : int
        Minutes available (default 60).
    scenario : str, optional
        One of :data:`netlearn.listening.SCENARIOS` (default: the first).

    Returns
    -------
    PeerConsultation
    """
    return PeerConsultation(people, minutes, scenario)
