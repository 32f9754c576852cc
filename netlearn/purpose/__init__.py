"""Purpose: why a network exists, why people join it, and whether members share it.

"Purpose" came up again and again in the masterclass this course grew from: a network is held
together by a purpose its members share, not by lines of management. This module gives three
practice aids for that conversation.

* :func:`check_purpose` - transparent feedback on a draft purpose statement. Five questions, each
  answered by looking for phrases from a word list (:data:`PURPOSE_RULES`) that you can print with
  :func:`rules_table`, question and change. It says which phrase it found and, where it found
  none, what to add. It checks **wording, not truth**: see :data:`LIMITS`.
* :func:`purpose_agreement` - how far members (all of them, or one region) agree on the order of
  the network's priorities: Kendall's W and the priority that divides them most, from
  :mod:`netlearn.agreement`, with each priority's mean rank.
* :func:`reasons_alignment` - what share of members give at least one reason for joining that
  serves the priorities a purpose names, using a mapping from reasons to priorities kept as data
  (:data:`REASONS_TO_PRIORITIES`).

>>> feedback = check_purpose("We exist so that people with diabetes in our county avoid amputation.")
>>> feedback.met
('whom', 'change')
>>> feedback["whom"].evidence
'people with'

Where each part lives: :mod:`~netlearn.purpose.statement` (feedback on a statement),
:mod:`~netlearn.purpose.priorities` (priorities and the reasons mapping as data),
:mod:`~netlearn.purpose.groups` (agreement on priorities, by group, and its chart) and
:mod:`~netlearn.purpose.reasons` (reasons for joining against a purpose). Import from
``netlearn.purpose`` itself.
"""

from __future__ import annotations

from .statement import (EXAMPLE_STATEMENTS, LIMITS, PURPOSE_RULES, Criterion, CriterionResult,
                        PurposeFeedback, check_purpose, describe_rules, phrase_pattern, rules_table)
from .priorities import PRIORITY_LABELS, REASONS_TO_PRIORITIES, reason_mapping_table, top_priorities
from .groups import PurposeAgreement, plot_agreement_by_group, purpose_agreement
from .reasons import ReasonsAlignment, reasons_alignment

__all__ = [
    "Criterion",
    "CriterionResult",
    "PurposeFeedback",
    "PURPOSE_RULES",
    "LIMITS",
    "EXAMPLE_STATEMENTS",
    "check_purpose",
    "rules_table",
    "describe_rules",
    "phrase_pattern",
    "PRIORITY_LABELS",
    "REASONS_TO_PRIORITIES",
    "reason_mapping_table",
    "top_priorities",
    "PurposeAgreement",
    "purpose_agreement",
    "ReasonsAlignment",
    "reasons_alignment",
    "plot_agreement_by_group",
]
