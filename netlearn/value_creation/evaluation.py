"""An evaluation plan for a board: each question tied to a measure the course computes.

Network Impact (2014), writing with the Center for Evaluation Innovation, groups what can be
evaluated in a network under three pillars:

- **connectivity**: who is linked to whom, and how the shape of those links changes;
- **health**: whether the network has what it needs to keep going and work well;
- **results**: what the network achieves, for its members and for the people and services they serve.

A board asks questions in its own words. :func:`evaluation_plan` files each under a pillar and ties
it to one measure that answers it: for connectivity, a measure of the network's ties that the
course already computes (density, average reachability, Krackhardt & Stern's (1988) E-I index,
reciprocity, degree centralisation); for health, a dimension of the course's network health check
(episode 08); for results, one of the network's *own* outcome measures, which only the network can
supply. A question with no measure is refused with a message saying why and what to do: a plan
that cannot answer a question should say so before the board does.

>>> plan = evaluation_plan([
...     {"question": "Do members reach help across regions?", "pillar": "connectivity", "measure": "E-I index"},
...     {"question": "Has waiting fallen?", "pillar": "results", "measure": "weeks waited"}],
...     outcomes={"weeks waited": 9.5})
>>> plan.covered, plan.missing
(('connectivity', 'results'), ('health',))
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from numbers import Real
from typing import Callable

import networkx as nx
import pandas as pd

from ..display import Readable, result_html, table_for_learners
from ..errors import DataError
from .rows import read_rows

__all__ = ["EvaluationPlan", "MEASURES", "Measure", "PILLARS", "Pillar", "check_question", "evaluation_plan",
           "measures_for"]


@dataclass(frozen=True)
class Pillar:
    """One pillar of network evaluation: its key and what it asks, in plain words."""

    key: str
    meaning: str


#: The three pillars (Network Impact 2014), described in the course's words.
PILLARS = (
    Pillar("connectivity", "who is linked to whom, and how the shape of those links changes"),
    Pillar("health", "whether the network has what it needs to keep going and work well"),
    Pillar("results", "what the network achieves, for members and for the people and services they serve"),
)
_PILLAR_KEYS = tuple(p.key for p in PILLARS)
_PILLAR_SPELLINGS = {"connections": "connectivity", "connection": "connectivity", "result": "results",
                     "outcomes": "results", "outcome": "results", "impact": "results"}


@dataclass(frozen=True)
class Measure:
    """A measure the course computes: its name, pillar, what it tells a board, and how to compute it.

    ``compute(inputs)`` takes a dict with the keys ``graph``, ``group``, ``health`` and ``outcomes``
    and returns a number; ``needs`` names the inputs it uses.
    """

    name: str
    pillar: str
    meaning: str
    needs: tuple
    compute: Callable = field(repr=False)


def _reachability(inputs):
    from ..leadership import what_if_removed

    return float(what_if_removed(inputs["graph"], []).loc["average reachability", "before"])


def _ei(inputs):
    from ..diversity import ei_index

    return float(ei_index(inputs["graph"], inputs["group"]))


def _reciprocity(inputs):
    from ..leadership import reciprocity

    return float(reciprocity(inputs["graph"]))


def _centralisation(inputs):
    from ..leadership import centralization

    return float(centralization(inputs["graph"], "degree"))


def _health(dimension):
    def compute(inputs):
        from ..diagnostics.scoring import group_summary

        summary = group_summary(inputs["health"], by=None)
        return float(summary.loc[summary["dimension"] == dimension, "mean"].iloc[0])
    return compute


#: The measures the course computes for connectivity and health, by name. Results are the
#: network's own outcome measures, given to :func:`evaluation_plan` as ``outcomes``.
MEASURES = {m.name: m for m in (
    Measure("density", "connectivity", "the share of all possible ties that exist", ("graph",),
            lambda inputs: float(nx.density(inputs["graph"]))),
    Measure("average reachability", "connectivity",
            "the share of pairs of members in which the first can reach the second through the ties", ("graph",),
            _reachability),
    Measure("E-I index", "connectivity",
            "ties between groups against ties within them, from -1 (all within) to +1 (all between)",
            ("graph", "group"), _ei),
    Measure("reciprocity", "connectivity", "the share of ties that are returned", ("graph",), _reciprocity),
    Measure("degree centralisation", "connectivity",
            "how far the ties gather on one member, from 0 (evenly spread) to 1 (a star)", ("graph",),
            _centralisation),
    Measure("health check: purpose", "health",
            "members' average score (1 to 5) on the health check's questions about a shared purpose", ("health",),
            _health("purpose")),
    Measure("health check: function", "health",
            "members' average score (1 to 5) on the health check's questions about how the network works",
            ("health",), _health("function")),
    Measure("health check: form", "health",
            "members' average score (1 to 5) on the health check's questions about its structure and resources",
            ("health",), _health("form")),
)}


def _pillar_key(text):
    text = " ".join(str(text).strip().casefold().split())
    text = _PILLAR_SPELLINGS.get(text, text)
    return text if text in _PILLAR_KEYS else None


def _outcome_names(outcomes):
    return [str(name) for name in (outcomes or {})]


def measures_for(pillar, outcomes=None):
    """The names of the measures that can answer a question of one pillar.

    >>> measures_for("health")
    ['health check: purpose', 'health check: function', 'health check: form']
    >>> measures_for("results", {"readmissions within 30 days": 0.12})
    ['readmissions within 30 days']
    """
    key = _pillar_key(pillar)
    if key is None:
        raise DataError(f"'{pillar}' is not a pillar of network evaluation.",
                        fix=f"Use one of: {', '.join(_PILLAR_KEYS)}.")
    if key == "results":
        return _outcome_names(outcomes)
    return [name for name, measure in MEASURES.items() if measure.pillar == key]


def _find_measure(text, outcomes):
    wanted = " ".join(str(text).strip().casefold().split())
    if wanted.startswith("outcome:"):
        wanted = wanted[len("outcome:"):].strip()
    for name in _outcome_names(outcomes):
        if " ".join(name.casefold().split()) == wanted:
            return Measure(name, "results", "one of the network's own outcome measures", ("outcomes",),
                           lambda inputs, name=name: float(inputs["outcomes"][name]))
    for name, measure in MEASURES.items():
        if name.casefold() == wanted or name.casefold().replace("health check: ", "") == wanted:
            return measure
    return None


def check_question(question, pillar, measure, *, outcomes=None, file=None, row=None, columns=None):
    """One question of a plan, checked: ``(question, pillar key, Measure)``, or a DataError saying why not.

    ``file``, ``row`` and ``columns`` (a dict of column key -> header) only say where the question
    is, for the message.

    >>> check_question("Is the network joined up?", "connectivity", "average reachability")[2].name
    'average reachability'
    >>> check_question("Is waiting shorter?", "results", "", outcomes={"weeks waited": 9.5})
    ... # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    netlearn.errors.DataError: column 'measure': the question 'Is waiting shorter?' has no measure, so the plan
    cannot answer it.
    How to fix it: Choose one of the network's own outcome measures: weeks waited. If none answers it, start
    recording one, or take the question out of the plan and tell the board why.
    """
    columns = columns or {}
    where = {"file": file, "row": row}
    question = str(question).strip()
    if not question:
        raise DataError("the question is blank.", column=columns.get("question", "question"), **where,
                        fix="Write the board's question in its own words, or delete the row.")
    key = _pillar_key(pillar)
    if key is None:
        raise DataError(f"'{pillar}' is not a pillar of network evaluation." if str(pillar).strip()
                        else "the pillar is blank.", column=columns.get("pillar", "pillar"), **where,
                        fix=f"Write one of: {', '.join(_PILLAR_KEYS)} "
                            f"({'; '.join(f'{p.key}: {p.meaning}' for p in PILLARS)}).")
    available = measures_for(key, outcomes)
    column = columns.get("measure", "measure")
    if key == "results":
        choose = (f"Choose one of the network's own outcome measures: {', '.join(available)}."
                  if available else "Give the network's own outcome measures (outcomes=) and choose one.")
        choose += (" If none answers it, start recording one, or take the question out of the plan and tell the "
                   "board why.")
    else:
        choose = f"Choose a {key} measure the course computes: {', '.join(available)}."
    if not str(measure).strip():
        raise DataError(f"the question '{question}' has no measure, so the plan cannot answer it.", column=column,
                        **where, fix=choose)
    found = _find_measure(measure, outcomes)
    if found is None:
        known = list(MEASURES) + _outcome_names(outcomes)
        close = difflib.get_close_matches(str(measure), known, n=1, cutoff=0.6)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise DataError(f"'{measure}' is not a measure the course computes, nor one of the network's outcome "
                        f"measures.{hint}", column=column, **where, fix=choose)
    if found.pillar != key:
        raise DataError(f"'{found.name}' is a {found.pillar} measure, but the question '{question}' is filed under "
                        f"{key}.", column=column, **where,
                        fix=f"File the question under {found.pillar} if that is what it asks, or: {choose}")
    return question, key, found


@dataclass(frozen=True, repr=False)
class EvaluationPlan(Readable):
    """Board questions, each tied to a measure. Made by :func:`evaluation_plan`.

    Attributes
    ----------
    questions : tuple of (question, pillar, Measure)
    outcomes : dict
        The network's own outcome measures, name -> latest value.
    """

    questions: tuple
    outcomes: dict

    @property
    def covered(self):
        """The pillars the plan has at least one question for, in the pillars' order."""
        return tuple(k for k in _PILLAR_KEYS if any(p == k for _, p, _ in self.questions))

    @property
    def missing(self):
        """The pillars the plan says nothing about."""
        return tuple(k for k in _PILLAR_KEYS if k not in self.covered)

    def table(self):
        """One row per question: its pillar, the measure that answers it and what the measure tells."""
        return pd.DataFrame([{"question": q, "pillar": p, "measure": m.name, "what the measure tells": m.meaning}
                             for q, p, m in self.questions])

    def compute(self, graph=None, *, group=None, health=None):
        """The plan with each measure's value on the data given.

        ``graph`` is the network (for connectivity), ``group`` the member attribute that the E-I
        index compares, ``health`` the health-check answers
        (:func:`netlearn.diagnostics.read_responses`); results come from the plan's ``outcomes``.
        """
        inputs = {"graph": graph, "group": group, "health": health, "outcomes": self.outcomes}
        for _, _, measure in self.questions:
            for need in measure.needs:
                if inputs[need] is None:
                    what = {"graph": "the network: compute(graph, ...)",
                            "group": "the member attribute that defines groups: compute(graph, group='region')",
                            "health": "the health-check answers: compute(..., health=read_responses(...))"}[need]
                    raise DataError(f"the measure '{measure.name}' needs {what.split(':')[0]}.",
                                    fix=f"Pass {what}.")
        frame = self.table()
        frame.insert(3, "value", [measure.compute(inputs) for _, _, measure in self.questions])
        return frame

    def describe(self):
        counts = ", ".join(f"{k} {sum(p == k for _, p, _ in self.questions)}" for k in self.covered)
        text = (f"The plan answers {len(self.questions)} question{'s' if len(self.questions) != 1 else ''} "
                f"({counts}), each with a measure.")
        if self.missing:
            names = " and ".join(self.missing)
            text += (f" It says nothing about {names}: a board that hears only part of the picture will ask "
                     "about the rest.")
        return text

    def analyst_detail(self):
        return {"pillars": "connectivity, health and results (Network Impact 2014)",
                "outcomes given": ", ".join(self.outcomes) or "none"}

    def _repr_html_(self):
        extra = table_for_learners(self.table(), index_label="#")._repr_html_()
        return result_html(self.describe(), self.analyst_detail(), extra_html=extra)


def evaluation_plan(questions, *, outcomes=None, label="evaluation plan"):
    """Tie each of a board's questions to a measure, or refuse it with the reason and the fix.

    Parameters
    ----------
    questions : str, Path, DataFrame or list of dict
        One row per question, with columns ``question``, ``pillar`` (connectivity, health or
        results) and ``measure`` (a name from :data:`MEASURES` for connectivity and health, or one
        of ``outcomes`` for results).
    outcomes : dict, optional
        The network's own outcome measures, name -> latest value (a number).
    label : str
        How messages name the table.

    Returns
    -------
    EvaluationPlan

    Raises
    ------
    DataError
        A blank question, an unknown pillar, a question with no measure or a measure no one
        computes, a measure from another pillar, or an outcome value that is not a number. The
        message names the row and says how to fix it.

    >>> evaluation_plan([{"question": "Is it healthy?", "pillar": "health", "measure": "density"}])
    ... # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    netlearn.errors.DataError: evaluation plan, row 2, column 'measure': 'density' is a connectivity measure, but
    the question 'Is it healthy?' is filed under health.
    How to fix it: File the question under connectivity if that is what it asks, or: Choose a health measure the
    course computes: health check: purpose, health check: function, health check: form.
    """
    outcomes = dict(outcomes or {})
    for name, value in outcomes.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise DataError(f"the outcome measure '{name}' has the value {value!r}, which is not a number.",
                            file="outcomes", fix="Give each outcome measure's latest value as a number, "
                                                 "e.g. {'weeks waited': 9.5}.")
    table = read_rows(questions, label=label, columns=["question", "pillar", "measure"])
    columns = {c: table.header(c) for c in ("question", "pillar", "measure")}
    checked = []
    for position, row in enumerate(table.frame.to_dict("records")):
        checked.append(check_question(row["question"], row["pillar"], row["measure"], outcomes=outcomes,
                                      file=table.label, row=table.row_of(position), columns=columns))
    return EvaluationPlan(questions=tuple(checked), outcomes=outcomes)
