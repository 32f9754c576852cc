"""Partnerships of organisations, one workstream at a time, and the evidence for choosing governance.

A partnership such as a Sustainability and Transformation Partnership (STP) is rarely one network.
It does its work in **workstreams** (prevention, mental health, primary care...), each drawing
people from some of the partner organisations and not others. This module looks at a partnership
through its workstreams, and reads from the data the conditions that Provan & Kenis (2008) link to
each form of network governance.

* :func:`workstreams` - each workstream with how many people and organisations it involves.
* :func:`workstream_view` - one workstream: the organisations involved and those absent, who links
  organisations inside it, and which sectors and voices are missing.
* :func:`organisation_table` - one row per partner organisation: its people, the workstreams they
  sit on, and how many other organisations it is linked to.
* :func:`tie_concentration` - how much of a network's ties involve its best-connected tenth.
* :func:`consensus_level` - Kendall's W turned into a word on the scale
  :func:`netlearn.governance.governance_fit` reads.
* :func:`governance_inputs` - the four conditions of network governance (trust, number of
  participants, goal consensus, need for network-level competencies) taken from the data where the
  data can say something, each with a plain-words reason; ``.fit()`` ranks the three forms.

The data these functions expect are those of :mod:`netlearn.multiorg`: people, organisations and
workstreams in one members table with a ``kind`` column; ``affiliated`` ties from each person to their
organisation, ``workstream_member`` ties from people to workstreams, and person-to-person ties such as
``collaborates``.

>>> import netlearn
>>> net = netlearn.load_dataset("devon_stp")
>>> view = workstream_view(net, "ws_primary_care")
>>> len(view.people), len(view.organisations), view.sectors.loc["primary care", "status"]
(23, 10, 'missing')

Where each part lives: :mod:`~netlearn.partnership.workstreams`,
:mod:`~netlearn.partnership.organisations` (the organisation table and tie concentration),
:mod:`~netlearn.partnership.governance_evidence` (consensus level and governance inputs) and
:mod:`~netlearn.partnership.reading` (the checks and readers they share).
"""

from __future__ import annotations

from .workstreams import WorkstreamView, workstream_view, workstreams
from .organisations import TieConcentration, organisation_table, tie_concentration
from .governance_evidence import (CONDITIONS, CONDITION_WORDS, GovernanceInputs, consensus_level,
                                  governance_inputs)

__all__ = [
    "CONDITIONS",
    "GovernanceInputs",
    "TieConcentration",
    "WorkstreamView",
    "consensus_level",
    "governance_inputs",
    "organisation_table",
    "tie_concentration",
    "workstream_view",
    "workstreams",
]
