"""Showing the value a network creates: value-creation stories and an evaluation plan for a board.

Two tools for a network leader who has to show a board what the network is worth.

**Value-creation stories** (:mod:`~netlearn.value_creation.stories`). Wenger, Trayner & de Laat
(2011) describe value created by communities and networks in five cycles: *immediate* value (the
activity is worth something in itself), *potential* value (knowledge capital saved up for later),
*applied* value (changes in practice), *realised* value (better performance on what matters) and
*reframing* value (success itself redefined). A story that a board can trust links the cycles one
by one, each link with its evidence. :func:`value_story` checks a story and says plainly which link
is missing and what evidence would mend it.

**An evaluation plan** (:mod:`~netlearn.value_creation.evaluation`). Network Impact (2014), writing
with the Center for Evaluation Innovation, sorts what can be evaluated in a network into three
pillars: *connectivity*, *health* and *results*. :func:`evaluation_plan` ties each question a board
asks to a measure the course already computes (density, reachability, the E-I index... for
connectivity; the health check's dimensions for health; the network's own outcome measures for
results), and refuses, with the reason and the fix, a question that no measure answers.

:mod:`~netlearn.value_creation.example` holds the invented story and outcomes of episode 11.

>>> from netlearn.value_creation import value_story
>>> story = value_story([
...     {"cycle": "immediate", "claim": "40 members came to the huddles", "evidence": "attendance log"},
...     {"cycle": "applied", "claim": "Two wards use the checklist", "evidence": ""}])
>>> story.holds, story.gaps
(False, ('potential', 'applied'))
"""

from .evaluation import (
    EvaluationPlan,
    Measure,
    MEASURES,
    PILLARS,
    Pillar,
    check_question,
    evaluation_plan,
    measures_for,
)
from .stories import CYCLES, Cycle, ValueStory, cycle_key, value_story
from . import example  # noqa: E402 - the episode's invented data

__all__ = [
    "CYCLES",
    "Cycle",
    "EvaluationPlan",
    "MEASURES",
    "Measure",
    "PILLARS",
    "Pillar",
    "ValueStory",
    "check_question",
    "cycle_key",
    "evaluation_plan",
    "measures_for",
    "value_story",
]
