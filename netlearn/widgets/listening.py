"""Widget for notebook 07: the active-listening coach.

:func:`listening_coach` shows a colleague's problem (pick one of the written scenarios), a box for
your reply and a **Check my reply** button. The feedback says whether the reply listens, jumps to
a solution, or does both, and quotes the words behind each finding (see
:func:`netlearn.listening.coach`). The coach's rules can be shown beside it as a table.

Callbacks are ordinary methods, so tests drive the widget without a browser:

>>> box = listening_coach()
>>> box.text.value = "What have you tried so far?"
>>> box.button.click()
>>> box.result.label
'listens'
>>> "open question" in box.feedback.value
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from .. import listening

__all__ = ["ListeningCoach", "listening_coach"]

_STYLE = """<style>
.netlearn-listening :focus-visible { outline: 3px solid #1a5fb4 !important; outline-offset: 2px; }
.netlearn-listening .widget-textarea { flex-direction: column !important; align-items: stretch !important; }
.netlearn-listening .widget-textarea .widget-label { width: auto !important; text-align: left !important;
  font-weight: bold; margin-bottom: 0.3em; }
.netlearn-listening textarea { font-size: 1em; line-height: 1.45; min-height: 5em; }
.netlearn-listening table { border-collapse: collapse; margin: 0.3em 0; font-size: 0.92em; }
.netlearn-listening th, .netlearn-listening td { text-align: left !important; padding: 0.25em 0.8em 0.25em 0;
  vertical-align: top; }
.netlearn-listening thead th { border-bottom: 1px solid #8a949c; }
</style>"""

_WIDE = {"description_width": "initial"}


def _problem_html(scenario):
    return (f'<blockquote class="netlearn-listening-problem" style="border-left:4px solid #8a949c;margin:0.4em 0;'
            f'padding:0.3em 0.9em;background:#f6f8fa;color:#1f2a30">{html.escape(listening.SCENARIOS[scenario])}'
            "</blockquote>")


def _rules_html():
    rows = "".join(
        f"<tr><td>{html.escape(r['rule'])}</td><td>{html.escape(r['kind'])}</td>"
        f"<td>{html.escape(r['what it looks for'])}</td><td>{html.escape(r['where'])}</td></tr>"
        for r in listening.rules_table().to_dict("records"))
    return ("<table><thead><tr><th>rule</th><th>kind</th><th>what it looks for</th><th>where</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p style=\"font-size:0.9em\">The full patterns: "
            "<code>from netlearn.listening import rules_table; rules_table()</code>.</p>")


class ListeningCoach(widgets.VBox):
    """A colleague's problem, a reply box, a Check button and the coach's feedback.

    Attributes
    ----------
    scenario : Dropdown
        Which problem your colleague brings (:data:`netlearn.listening.SCENARIOS`).
    problem : HTML
        The problem, in their words.
    text : Textarea
        Your reply.
    button : Button
        "Check my reply".
    feedback : HTML
        The verdict and findings (updates on the button).
    rules : Accordion
        The coach's rules as a table, closed at first.
    result : CoachResult or None
        The latest reading, or None before the first check (or for an empty box).
    history : list of (scenario, reply, label)
        Every reply checked in this session, so you can see how your replies changed.
    """

    def __init__(self, scenario=None, reply=""):
        names = list(listening.SCENARIOS)
        scenario = scenario or names[0]
        if scenario not in listening.SCENARIOS:
            raise ValueError(f"No scenario called {scenario!r}; choose one of: {', '.join(names)}.")
        self.result = None
        self.history = []
        self.scenario = widgets.Dropdown(options=names, value=scenario, description="Your colleague's problem",
                                         style=_WIDE, layout=widgets.Layout(width="auto"))
        self.problem = widgets.HTML(_problem_html(scenario))
        self.text = widgets.Textarea(value=reply, description="Your reply (what you would say back)",
                                     placeholder="Write what you would say first, in your own words.",
                                     layout=widgets.Layout(width="95%"), style=_WIDE)
        self.button = widgets.Button(description="Check my reply", button_style="primary", icon="comments",
                                     tooltip="Reads your reply and says whether it listens or jumps to a solution")
        self.feedback = widgets.HTML(self._invitation())
        self.rules = widgets.Accordion(children=[widgets.HTML(_rules_html())])
        self.rules.set_title(0, "The coach's rules (what it looks for)")
        self.rules.selected_index = None
        self.scenario.observe(self._scenario_changed, names="value")
        self.button.on_click(lambda _button: self.check())
        super().__init__([widgets.HTML(_STYLE, layout=widgets.Layout(height="0px", margin="0")),
                          self.scenario, self.problem, self.text, self.button, self.feedback, self.rules])
        self.add_class("netlearn-listening")
        if reply.strip():
            self.check()

    @staticmethod
    def _invitation():
        return ('<p class="netlearn-listening-result" role="status" aria-live="polite">Write a reply and press '
                "<b>Check my reply</b>. Try one that gives advice first, then one that only listens.</p>")

    def _scenario_changed(self, change):
        self.problem.value = _problem_html(change["new"])
        self.result = None
        self.feedback.value = self._invitation()

    def check(self):
        """Read the reply in the box and show the coach's feedback; returns the CoachResult (or None)."""
        reply = self.text.value
        if not reply.strip():
            self.result = None
            self.feedback.value = ('<p class="netlearn-listening-result" role="status" aria-live="polite">'
                                   "The box is empty: write what you would say back to your colleague, then "
                                   "press the button again.</p>")
            return None
        self.result = listening.coach(reply)
        self.history.append((self.scenario.value, reply, self.result.label))
        self.feedback.value = listening.result_html(self.result)
        return self.result


def listening_coach(scenario=None, reply=""):
    """The active-listening coach as a widget: a colleague's problem, your reply, and feedback on it.

    Parameters
    ----------
    scenario : str, optional
        One of the names in :data:`netlearn.listening.SCENARIOS` (default: the first).
    reply : str, optional
        A reply to start from; it is checked straight away.

    Returns
    -------
    ListeningCoach
    """
    return ListeningCoach(scenario, reply)
