"""Widgets for episode 11, large-scale change and the value of networks.

:func:`story_builder` lays out the five cycles of value creation (Wenger, Trayner & de Laat 2011)
as a row of claim and evidence boxes, preset with the episode's invented huddle story. Change a
claim or add evidence and :func:`netlearn.value_creation.value_story` checks the story again at
once: each link is marked as holding, claimed without evidence, or missing, and the first link to
mend is named with the evidence that would mend it.

:func:`plan_builder` lists a board's questions, each with a choice of the measures that could
answer it (Network Impact 2014: connectivity, health, results); the plan is checked by
:func:`netlearn.value_creation.evaluation_plan` as you choose, questions with no measure are shown
as refused with the reason, and, given the data, each measure's value is shown.

The callbacks are ordinary methods, so they can be tested without a browser:

>>> builder = story_builder()
>>> builder.story.level
1
>>> builder.evidence["potential"].value = "New advice ties between regions in the repeat survey"
>>> builder.story.level, builder.story.gaps
(2, ('applied', 'realised'))
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ._style import EXPLORER_CSS
from ..errors import DataError
from ..value_creation import CYCLES, PILLARS, ValueStory, evaluation_plan, measures_for, value_story
from ..value_creation.example import BOARD_QUESTIONS, OUTCOMES, huddle_story

__all__ = ["PlanBuilder", "StoryBuilder", "plan_builder", "story_builder"]

_CSS = EXPLORER_CSS + """<style>
.netlearn-chain { display: flex; flex-wrap: wrap; gap: 0.4em; margin: 0.4em 0; }
.netlearn-link { border: 2px solid #8a949c; border-radius: 4px; padding: 0.3em 0.5em; flex: 1 1 0; min-width: 8em; }
.netlearn-link.holds { border-color: #009e73; background: #e8f6f1; }
.netlearn-link.broken { border-color: #d55e00; background: #fbeee6; border-style: dashed; }
.netlearn-link.beyond { color: #33414a; }
</style>"""

_MARKS = {"holds": ("\u2714 holds", "holds"), "claimed, no evidence": ("\u2717 claimed, no evidence", "broken"),
          "not claimed: a missing link": ("\u2717 missing link", "broken"),
          "not claimed": ("\u2013 not claimed", "beyond")}
_NO_MEASURE = "(no measure)"


class StoryBuilder(widgets.VBox):
    """A claim and an evidence box for each cycle of value creation, and the story checked live.

    Attributes
    ----------
    claims, evidence : dict
        Cycle key -> ``Textarea``.
    example, blank : Button
        Load the episode's huddle story; clear every box.
    chain : HTML
        The five links, each marked (in words and by colour) as holding, broken or not claimed.
    verdict : HTML
        The story's verdict and the first link to mend (announced when it changes).
    story : ValueStory
        The story as the boxes hold it now.
    """

    def __init__(self, story=None):
        self._start = huddle_story() if story is None else story
        self.claims, self.evidence, rows = {}, {}, []
        for number, cycle in enumerate(CYCLES, start=1):
            self.claims[cycle.key] = widgets.Textarea(
                placeholder=f"What happened at this link ({cycle.meaning.split(':')[0]})",
                description="Claim", continuous_update=False, layout=widgets.Layout(width="46em", height="3.6em"))
            self.evidence[cycle.key] = widgets.Textarea(
                placeholder=f"What shows it, e.g. {cycle.evidence.split(',')[0]}", description="Evidence",
                continuous_update=False, layout=widgets.Layout(width="46em", height="3.6em"))
            meaning = cycle.meaning[0].upper() + cycle.meaning[1:]
            heading = widgets.HTML(f"<h4>{number}. {html.escape(cycle.name.capitalize())}</h4>"
                                   f'<p style="margin:0;font-size:0.9em">{html.escape(meaning)}.</p>')
            rows.append(widgets.VBox([heading, self.claims[cycle.key], self.evidence[cycle.key]]))
        self.example = widgets.Button(description="Load the example story", icon="undo",
                                      tooltip="Put the episode's invented huddle story back in the boxes",
                                      layout=widgets.Layout(width="auto"))
        self.blank = widgets.Button(description="Start a blank story", icon="eraser",
                                    tooltip="Empty every box, to write a story of your own network",
                                    layout=widgets.Layout(width="auto"))
        self.chain = widgets.HTML()
        self.verdict = widgets.HTML()
        self._loading = False
        self.example.on_click(lambda _button: self.load(self._start))
        self.blank.on_click(lambda _button: self.load(None))
        for box in [*self.claims.values(), *self.evidence.values()]:
            box.observe(self._update, names="value")
        super().__init__([widgets.HTML(_CSS, layout=widgets.Layout(height="0px", margin="0")),
                          widgets.HBox([self.example, self.blank]), self.chain, self.verdict,
                          widgets.VBox(rows)], layout=widgets.Layout(width="auto", max_width="72em"))
        self.add_class("netlearn-explorer")
        self.add_class("netlearn-value-story")
        self.load(self._start)

    def load(self, story):
        """Fill the boxes from a story table (columns cycle, claim, evidence), or empty them (None)."""
        rows = {} if story is None else {row["cycle"]: row for row in story.to_dict("records")}
        self._loading = True
        try:
            for cycle in CYCLES:
                row = rows.get(cycle.key, {})
                self.claims[cycle.key].value = str(row.get("claim", "") or "")
                self.evidence[cycle.key].value = str(row.get("evidence", "") or "")
        finally:
            self._loading = False
        self._update()

    def rows(self):
        """The story in the boxes, one row per claimed cycle."""
        return [{"cycle": c.key, "claim": self.claims[c.key].value.strip(),
                 "evidence": self.evidence[c.key].value.strip()}
                for c in CYCLES if self.claims[c.key].value.strip()]

    def _update(self, _change=None):
        if self._loading:
            return
        rows = self.rows()
        self.story = value_story(rows) if rows else _empty_story()
        orphans = [c.name for c in CYCLES
                   if self.evidence[c.key].value.strip() and not self.claims[c.key].value.strip()]
        self.chain.value = self._chain_html()
        note = (f"<p>Evidence without a claim at {html.escape(', '.join(orphans))}: write the claim too, or the "
                "evidence shows nothing.</p>") if orphans else ""
        head, sep, tail = self.story.describe().partition(". ")
        tail, _, mend = tail.partition(" First to mend: ")
        body = f"<p><strong>{html.escape(head + sep.strip())}</strong> {html.escape(tail)}</p>"
        if mend:
            body += f"<p><strong>First to mend:</strong> {html.escape(mend)}</p>"
        self.verdict.value = f'<div role="status" aria-live="polite">{body}{note}</div>'

    def _chain_html(self):
        links = []
        for number, cycle in enumerate(CYCLES, start=1):
            mark, kind = _MARKS[self.story.status(cycle.key)]
            links.append(f'<div class="netlearn-link {kind}"><strong>{number}. {html.escape(cycle.name)}</strong>'
                         f"<br>{mark}</div>")
        return f'<div class="netlearn-chain" aria-label="The links of the story">{"".join(links)}</div>'


def _empty_story():
    return ValueStory(claims={}, gaps=(), level=0, reach=None, reframing_holds=False)


def story_builder(story=None):
    """Build a value-creation story link by link and see which links lack evidence.

    Parameters
    ----------
    story : DataFrame, optional
        A story with columns cycle, claim, evidence to start from (default: the episode's invented
        huddle story, :func:`netlearn.value_creation.example.huddle_story`).

    Returns
    -------
    StoryBuilder
        A widget; its ``story`` holds the current :class:`~netlearn.value_creation.ValueStory`.
    """
    return StoryBuilder(story)


class PlanBuilder(widgets.VBox):
    """A board's questions, a measure to choose for each, and the evaluation plan checked live.

    Attributes
    ----------
    choices : list of Dropdown
        One per question: the measures of its pillar, and "(no measure)".
    result : HTML
        The plan (with each measure's value, when data was given) and any refused questions.
    plan : EvaluationPlan or None
        The plan of the questions that have a measure (None when none has).
    refused : list of (question, message)
    """

    def __init__(self, questions=BOARD_QUESTIONS, outcomes=None, *, graph=None, group=None, health=None):
        self.questions = list(questions)
        self.outcomes = dict(OUTCOMES if outcomes is None else outcomes)
        self._data = {"graph": graph, "group": group, "health": health}
        self.choices = []
        rows = []
        for question, pillar, measure in self.questions:
            options = [_NO_MEASURE, *measures_for(pillar, self.outcomes)]
            choice = widgets.Dropdown(options=options, value=measure if measure in options else _NO_MEASURE,
                                      description=f"{pillar}:", style={"description_width": "7em"},
                                      layout=widgets.Layout(width="32em"))
            choice.observe(self._update, names="value")
            self.choices.append(choice)
            rows.append(widgets.HBox([widgets.HTML(f'<span style="display:inline-block;width:26em">'
                                                   f"{html.escape(question)}</span>"), choice],
                                     layout=widgets.Layout(flex_flow="row wrap")))
        pillars = "".join(f"<li><strong>{p.key}</strong>: {html.escape(p.meaning)}</li>" for p in PILLARS)
        self.result = widgets.HTML()
        super().__init__([widgets.HTML(_CSS, layout=widgets.Layout(height="0px", margin="0")),
                          widgets.HTML(f"<ul>{pillars}</ul>"), widgets.VBox(rows), self.result],
                         layout=widgets.Layout(width="auto", max_width="72em"))
        self.add_class("netlearn-explorer")
        self.add_class("netlearn-value-plan")
        self._update()

    def _update(self, _change=None):
        accepted, self.refused = [], []
        for (question, pillar, _), choice in zip(self.questions, self.choices):
            measure = "" if choice.value == _NO_MEASURE else choice.value
            try:
                evaluation_plan([{"question": question, "pillar": pillar, "measure": measure}], outcomes=self.outcomes)
            except DataError as error:
                reason = error.problem.replace(f"the question '{question}'", "it").replace(
                    f", but it is filed under", ", but the question is filed under")
                self.refused.append((question, f"{reason[0].upper()}{reason[1:]} {error.fix or ''}".strip()))
            else:
                accepted.append({"question": question, "pillar": pillar, "measure": measure})
        self.plan = evaluation_plan(accepted, outcomes=self.outcomes) if accepted else None
        self.result.value = self._result_html()

    def _result_html(self):
        parts = ['<div role="status" aria-live="polite">']
        if self.plan is None:
            parts.append("<p><strong>No question has a measure yet: the plan answers nothing.</strong></p>")
        else:
            parts.append(f"<p><strong>{html.escape(self.plan.describe())}</strong></p>")
        parts.append("</div>")
        if self.plan is not None:
            shown = self.plan.table()
            if self._data["graph"] is not None and self._data["health"] is not None:
                shown = self.plan.compute(self._data["graph"], group=self._data["group"], health=self._data["health"])
            head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in shown.columns)
            body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
                           for row in shown.itertuples(index=False, name=None))
            parts.append(f"<h4>The plan</h4><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        if self.refused:
            items = "".join(f"<li>\u2717 <strong>{html.escape(q)}</strong> {html.escape(m)}</li>"
                            for q, m in self.refused)
            parts.append(f"<h4>Refused: no measure answers these</h4><ul>{items}</ul>")
        return "".join(parts)


def _cell(value):
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def plan_builder(questions=BOARD_QUESTIONS, outcomes=None, *, graph=None, group=None, health=None):
    """Choose a measure for each of a board's questions and see the evaluation plan, and what it refuses.

    Parameters
    ----------
    questions : list of (question, pillar, measure)
        The board's questions with a starting measure ("" for none). Default: the episode's.
    outcomes : dict, optional
        The network's own outcome measures, name -> latest value (default: the episode's invented ones).
    graph, group, health : optional
        The network, the attribute whose groups the E-I index compares, and the health-check answers:
        given all three, the plan shows each measure's value.

    Returns
    -------
    PlanBuilder
    """
    return PlanBuilder(questions, outcomes, graph=graph, group=group, health=health)
