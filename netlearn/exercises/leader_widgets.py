"""Widgets of the leader track: answer a :class:`~netlearn.exercises.engine.Choice`,
:class:`~netlearn.exercises.engine.Ranking`, :class:`~netlearn.exercises.engine.Prediction` or
:class:`~netlearn.exercises.engine.Decision` without code, and :func:`predict_then_see`, which asks
for a prediction before a lesson reveals a result.

Every callback is an ordinary Python method, so tests press the buttons without a browser.

>>> shown = []
>>> widget = predict_then_see("Who holds the network together?", ["Ana", "Ben"],
...                           reveal=lambda: shown.append("the result"))
>>> widget.choose(1)
>>> widget.button.click()
>>> shown, widget.prediction
(['the result'], 'Ben')
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from IPython.display import display

from .engine import NOT_ATTEMPTED, text_to_html
from .progress import progress_store
from .widgets import FOCUS_CSS

__all__ = ["LeaderWidget", "PredictThenSee", "leader_widget", "predict_then_see"]

_NOTES = {
    "choice": "Tick {pick}.",
    "decision": "Tick {pick}: your decision is graded by what it changes in the network.",
    "prediction": "Choose one: predict first, then see the result.",
    "ranking": "Choose an option for each place, from first to last.",
}


def _style():
    return widgets.HTML(FOCUS_CSS, layout=widgets.Layout(height="0px", margin="0"))


def _header(title, note, prompt):
    return widgets.HTML(f'<div class="netlearn-prompt" style="line-height:1.45"><strong>{html.escape(title)}'
                        f'</strong> <span style="font-weight:normal">· {html.escape(note)}</span>'
                        f"{text_to_html(prompt)}</div>")


def _button(description, icon, tooltip, style=""):
    return widgets.Button(description=description, icon=icon, tooltip=tooltip, button_style=style,
                          layout=widgets.Layout(width="auto", margin="0.5em 0.5em 0.5em 0"))


class LeaderWidget(widgets.VBox):
    """A leader-track question: the prompt, the options, Check my answer, Hint, Worked answer.

    Attributes
    ----------
    item : LeaderItem
    choices : RadioButtons, a list of Checkbox, or (for a ranking) a list of Dropdown, one per place
    button, hint_button, solution_button : Button
    feedback : HTML
    result : CheckResult or None
    """

    def __init__(self, item):
        self.item = item
        self.result = None
        labels = [item.label(i) for i in range(len(item.options))]
        if item.kind == "ranking":
            self.choices = [widgets.Dropdown(options=[("(choose)", None)] + [(label, i) for i, label in
                                                                           enumerate(labels)],
                                             value=None, description=f"Place {n + 1}",
                                             layout=widgets.Layout(width="auto", max_width="56em"))
                            for n in range(len(labels))]
            box = widgets.VBox(self.choices)
        elif item.pick == 1:
            self.choices = widgets.RadioButtons(options=[(label, i) for i, label in enumerate(labels)], value=None,
                                                layout=widgets.Layout(width="auto"))
            box = self.choices
        else:
            self.choices = [widgets.Checkbox(value=False, description=label, indent=False,
                                             layout=widgets.Layout(width="auto")) for label in labels]
            box = widgets.VBox(self.choices)
        note = _NOTES.get(item.kind, "Choose.").format(pick=f"{item.pick} options" if item.pick > 1 else "one")
        self.button = _button("Check my answer", "check", "Check your answer", "primary")
        self.hint_button = _button("Hint", "lightbulb-o", "Show the next hint")
        self.solution_button = _button("Worked answer", "eye", "Show the worked answer (recorded)")
        self.feedback = widgets.HTML(value="")
        self.button.on_click(self._check)
        self.hint_button.on_click(self._hint)
        self.solution_button.on_click(self._solution)
        buttons = widgets.HBox([self.button, self.hint_button, self.solution_button])
        super().__init__([_style(), _header(item.title, note, item.prompt), box, buttons, self.feedback],
                         layout=widgets.Layout(width="auto", max_width="60em"))
        self.add_class("netlearn-exercise")
        self.add_class(f"netlearn-{item.kind}")

    def answer(self):
        """The answer as the widget holds it: option indices (in place order for a ranking)."""
        if self.item.kind == "ranking":
            return [box.value for box in self.choices if box.value is not None]
        if isinstance(self.choices, list):
            return [i for i, box in enumerate(self.choices) if box.value]
        return [] if self.choices.value is None else [self.choices.value]

    def choose(self, *indices):
        """Choose options as a learner would (by index from 0; in order for a ranking)."""
        if self.item.kind == "ranking":
            for n, box in enumerate(self.choices):
                box.value = indices[n] if n < len(indices) else None
        elif isinstance(self.choices, list):
            for i, box in enumerate(self.choices):
                box.value = i in indices
        else:
            self.choices.value = indices[0] if indices else None

    def _check(self, _button=None):
        answer = self.answer()
        self.result = self.item.evaluate(answer)
        if self.result.status != NOT_ATTEMPTED:
            self.item.record(answer, self.result)
        self.feedback.value = self.result._repr_html_()

    def _hint(self, _button=None):
        self.feedback.value = self.item.hint_feedback()._repr_html_()

    def _solution(self, _button=None):
        self.feedback.value = self.item.solution_feedback()._repr_html_()


def leader_widget(item):
    """The widget for a leader-track item (:class:`~netlearn.exercises.engine.LeaderItem`)."""
    return LeaderWidget(item)


class PredictThenSee(widgets.VBox):
    """A prediction asked before a result is shown; the result appears only after the learner commits.

    Attributes
    ----------
    choices : RadioButtons
    button : Button
        *Lock in my prediction and show the result*.
    output : Output
        Where ``reveal()`` shows the result.
    prediction : str or None
        The option chosen, once locked in.
    """

    def __init__(self, question, options, reveal, key=None):
        self.options = [str(option) for option in options]
        self.reveal = reveal
        self.key = key
        self.prediction = None
        self.choices = widgets.RadioButtons(options=[(option, i) for i, option in enumerate(self.options)],
                                            value=None, layout=widgets.Layout(width="auto"))
        self.button = _button("Lock in my prediction and show the result", "unlock", "Show the result",
                              "primary")
        self.note = widgets.HTML(value="")
        self.output = widgets.Output()
        self.button.on_click(self._reveal)
        super().__init__([_style(), _header("Predict, then see", "Choose before the result is shown.", question),
                          self.choices, self.button, self.note, self.output],
                         layout=widgets.Layout(width="auto", max_width="60em"))
        self.add_class("netlearn-exercise")
        self.add_class("netlearn-predict")

    def choose(self, index):
        """Choose an option as a learner would (by index from 0)."""
        self.choices.value = index

    def _reveal(self, _button=None):
        if self.choices.value is None:
            self.note.value = text_to_html("Choose your prediction first: the result is shown after you commit.")
            return
        self.prediction = self.options[self.choices.value]
        self.choices.disabled = True
        self.button.disabled = True
        self.note.value = text_to_html(f"Your prediction: **{self.prediction}**. Here is what the data show.")
        if self.key is not None:
            progress_store().record_check(self.key, "correct", kind="prediction", choice=[self.prediction])
        with self.output:
            shown = self.reveal()
            if shown is not None:
                display(shown)


def predict_then_see(question, options, reveal, key=None):
    """Ask for a prediction, then show a result: ``reveal()`` runs only once the learner has chosen.

    Parameters
    ----------
    question : str
    options : list of str
    reveal : callable
        Shows (or returns, to be displayed) the result, e.g. a table of betweenness.
    key : str, optional
        Records that the prediction was made in the learner's progress under this key.
    """
    return PredictThenSee(question, options, reveal, key=key)
