"""Widgets for episode 06, governance and messiness.

:func:`governance_explorer` puts the four conditions of network governance (Provan & Kenis 2008)
on controls - a slider for how widely trust is spread, a number box for the participants, and a row
of buttons each for goal consensus and the need for network-level competencies - preset from what
:func:`netlearn.partnership.governance_inputs` read in the data. Change any of them and the three
forms are ranked again at once by :func:`netlearn.governance.governance_fit`, with the reasons and
the tensions to watch.

The callbacks are ordinary methods, so they can be tested without a browser:

>>> from netlearn.partnership import GovernanceInputs
>>> explorer = governance_explorer(GovernanceInputs(0.2, 15, "moderately low", "moderate", {}, {}))
>>> explorer.fit.best
'lead organisation'
>>> explorer.trust.value, explorer.participants.value = 1.0, 5
>>> explorer.goal_consensus.value, explorer.competencies.value = "high", "low"
>>> explorer.fit.best
'shared governance'
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ._style import EXPLORER_CSS
from ..governance import LEVELS, PARTICIPANT_CUTOFFS, governance_fit
from ..partnership import CONDITION_WORDS, CONDITIONS, GovernanceInputs

__all__ = ["GovernanceExplorer", "governance_explorer"]

_CSS = EXPLORER_CSS

_WIDE = {"description_width": "17em"}
_BUTTONS = {"button_width": "auto"}
_VERDICT_MARK = {"matches": "\u2714 matches", "close": "\u2248 close", "does not match": "\u2717 does not match"}


def _trust_words(value):
    position = 4 * value
    if position < 1:
        return "low, held by a few"
    if position < 3:
        return "moderate"
    return "high and widely spread"


def _participant_words(count):
    if count <= PARTICIPANT_CUTOFFS["few"]:
        return "few"
    return "moderate" if count <= PARTICIPANT_CUTOFFS["moderate"] else "many"


class GovernanceExplorer(widgets.VBox):
    """Four controls for the conditions of network governance, and the forms ranked live.

    Attributes
    ----------
    presets : dict
        Name -> :class:`~netlearn.partnership.GovernanceInputs` the controls can start from.
    start : ToggleButtons
        Which preset to start from (also when there is only one).
    trust : FloatSlider
        How widely trust is spread, 0 (held by a few) to 1 (widely spread).
    participants : BoundedIntText
        The number of participants.
    goal_consensus, competencies : ToggleButtons
        Goal consensus and the need for network-level competencies, on the five-step scale (one
        button per step, so every step is visible and each can be chosen from the keyboard).
    reset : Button
        Puts the controls back to the chosen preset.
    sources : HTML
        Where each preset value came from, and which ones you have changed.
    result : HTML
        The forms ranked, the best fit's reasons and its tensions (announced when it changes).
    fit : GovernanceFit
        The ranking shown now.
    """

    def __init__(self, presets, start=None):
        if isinstance(presets, GovernanceInputs):
            presets = {"The data": presets}
        if not presets or not all(isinstance(p, GovernanceInputs) for p in presets.values()):
            raise TypeError("governance_explorer needs GovernanceInputs (from netlearn.partnership.governance_inputs), "
                            "or a dict of them keyed by a name to show.")
        self.presets = dict(presets)
        names = list(self.presets)
        # Buttons rather than drop-down lists: every choice is visible, and Tab then Enter or Space
        # works from the keyboard (JupyterLab keeps the arrow keys for moving between cells).
        self.start = widgets.ToggleButtons(options=names, value=start if start is not None else names[0],
                                           description="Start from the data of", style={**_WIDE, **_BUTTONS},
                                           tooltips=[f"Load the conditions read from: {name}" for name in names])
        self.trust = widgets.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.01, readout_format=".2f",
                                         description="How widely trust is spread (0-1)", style=_WIDE,
                                         continuous_update=False, layout=widgets.Layout(width="40em"))
        self.participants = widgets.BoundedIntText(value=10, min=2, max=1_000_000, description="Number of participants",
                                                   style=_WIDE, layout=widgets.Layout(width="26em"))
        self.goal_consensus = widgets.ToggleButtons(options=list(LEVELS), value="moderate",
                                                    description="Goal consensus", style={**_WIDE, **_BUTTONS},
                                                    tooltips=[f"Goal consensus: {level}" for level in LEVELS])
        self.competencies = widgets.ToggleButtons(options=list(LEVELS), value="moderate",
                                                  description="Need for network-level competencies",
                                                  style={**_WIDE, **_BUTTONS},
                                                  tooltips=[f"Need for network-level competencies: {level}"
                                                            for level in LEVELS])
        self.start.add_class("netlearn-start")
        self.goal_consensus.add_class("netlearn-goal-consensus")
        self.competencies.add_class("netlearn-competencies")
        self.reset = widgets.Button(description="Reset to the data", icon="undo",
                                    tooltip="Put the four controls back to the values read from the data",
                                    layout=widgets.Layout(width="auto", align_self="flex-start", margin="0.4em 0"))
        self.trust_words = widgets.HTML()
        self.participant_words = widgets.HTML()
        self.sources = widgets.HTML()
        self.result = widgets.HTML()
        self._loading = False
        self.start.observe(self._load, names="value")
        self.reset.on_click(self._load)
        for control in self._controls():
            control.observe(self._update, names="value")
        controls = widgets.VBox([
            self.start,
            widgets.HBox([self.trust, self.trust_words]),
            widgets.HBox([self.participants, self.participant_words]),
            self.goal_consensus,
            self.competencies,
            self.reset,
        ])
        super().__init__([widgets.HTML(_CSS, layout=widgets.Layout(height="0px", margin="0")), controls,
                          self.sources, self.result],
                         layout=widgets.Layout(width="auto", max_width="70em"))
        self.add_class("netlearn-explorer")
        self.add_class("netlearn-governance")
        self._load()

    def _controls(self):
        return (self.trust, self.participants, self.goal_consensus, self.competencies)

    @property
    def preset(self):
        """The :class:`~netlearn.partnership.GovernanceInputs` chosen in ``start``."""
        return self.presets[self.start.value]

    def values(self):
        """The four conditions as the controls show them now."""
        return {"trust": round(float(self.trust.value), 2), "participants": int(self.participants.value),
                "goal_consensus": self.goal_consensus.value, "competencies_needed": self.competencies.value}

    # ------------------------------------------------------------------ callbacks
    def _load(self, _change=None):
        preset = self.preset
        self._loading = True
        try:
            self.trust.value = min(max(float(preset.trust), 0.0), 1.0)
            self.participants.value = max(int(preset.participants), self.participants.min)
            self.goal_consensus.value = preset.goal_consensus
            self.competencies.value = preset.competencies_needed
        finally:
            self._loading = False
        self._update()

    def _update(self, _change=None):
        if self._loading:
            return
        values = self.values()
        self.trust_words.value = f'<span style="padding-left:0.6em">{_trust_words(values["trust"])}</span>'
        self.participant_words.value = (f'<span style="padding-left:0.6em">{_participant_words(values["participants"])}'
                                        f" (up to {PARTICIPANT_CUTOFFS['few']} is few, up to "
                                        f"{PARTICIPANT_CUTOFFS['moderate']} moderate)</span>")
        self.fit = governance_fit(**values)
        self.sources.value = self._sources_html(values)
        self.result.value = self._result_html()

    # ------------------------------------------------------------------ what is shown
    def _sources_html(self, values):
        preset = self.preset
        rows = []
        for condition in CONDITIONS:
            data_value = getattr(preset, condition)
            changed = values[condition] != data_value
            source = "from the data" if preset.measured.get(condition) else "a judgement or placeholder"
            now = html.escape(str(data_value))
            if changed:
                now = f"<strong>you set it to {html.escape(str(values[condition]))}</strong> (was {now})"
            rows.append(f'<tr><th scope="row">{html.escape(CONDITION_WORDS[condition])}</th><td>{now}</td>'
                        f"<td>{html.escape(source)}</td><td>{html.escape(preset.reasons.get(condition, ''))}</td></tr>")
        return ('<details class="netlearn-sources"><summary>Where the starting values come from</summary><table>'
                '<thead><tr><th scope="col">Condition</th><th scope="col">Value</th><th scope="col">Source</th>'
                f'<th scope="col">How it was read</th></tr></thead><tbody>{"".join(rows)}</tbody></table></details>')

    def _result_html(self):
        fit = self.fit
        ranked = []
        for rank, (form, row) in enumerate(fit.table.iterrows(), start=1):
            ranked.append(f'<tr><th scope="row">{rank}. {html.escape(form)}</th><td>'
                          f'<progress value="{row["score"]:.2f}" max="1" aria-hidden="true" '
                          f'style="width:8em;vertical-align:middle"></progress> {row["score"]:.2f}</td>'
                          f'<td>{int(row["matches"])} match, {int(row["close"])} close, '
                          f'{int(row["does not match"])} do not</td></tr>')
        best = fit.best
        reasons = "".join(f"<li>{html.escape(_marked(reason))}</li>" for reason in fit.reasons[best])
        return (f'<div role="status" aria-live="polite"><h4>Most likely fit: {html.escape(best)}</h4></div>'
                '<table><thead><tr><th scope="col">Form</th><th scope="col">Fit (0 to 1)</th>'
                '<th scope="col">The four conditions</th></tr></thead>'
                f"<tbody>{''.join(ranked)}</tbody></table>"
                f"<h4>Why {html.escape(best)}</h4><ul>{reasons}</ul>"
                f"<h4>Tensions to watch</h4><p>{html.escape(fit.tensions[best])}</p>"
                '<p style="font-size:0.9em;color:#33414a">Likely fits from Provan &amp; Kenis (2008): a prompt for a '
                "conversation with members, not a verdict.</p>")


def _marked(reason):
    """Add a symbol to a reason's verdict, so it does not rest on words alone."""
    for verdict in ("does not match", "matches", "close"):
        ending = f"({verdict})."
        if reason.endswith(ending):
            return reason[: -len(ending)] + f"({_VERDICT_MARK[verdict]})."
    return reason


def governance_explorer(presets, start=None):
    """Controls for the four conditions of network governance, and the forms ranked as you change them.

    Parameters
    ----------
    presets : GovernanceInputs or dict
        What :func:`netlearn.partnership.governance_inputs` read from the data; a dict of them
        (name -> inputs) lets the learner switch between networks.
    start : str, optional
        The preset to show first (default the first).

    Returns
    -------
    GovernanceExplorer
        A widget; its ``fit`` holds the current :class:`~netlearn.governance.GovernanceFit`.
    """
    return GovernanceExplorer(presets, start)
