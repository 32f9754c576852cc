"""The invented example of episode 11: a value-creation story, the evidence a leader could collect,
the network's own outcome measures and a board's questions.

Everything here is **synthetic**. The improvement community is ``q_community`` (150 invented
members); the huddles, wards and figures below describe no real service.

>>> story = value_story(huddle_story())
>>> story.level, story.gaps
(1, ('potential', 'applied', 'realised'))
>>> value_story(huddle_story(with_evidence=["A", "B", "C"])).holds
True
"""

from __future__ import annotations

import pandas as pd

from .stories import value_story

__all__ = ["BOARD_QUESTIONS", "EVIDENCE_OPTIONS", "OUTCOMES", "evidence_consequence", "huddle_story"]

#: The story as the network lead first writes it: (cycle, claim, evidence).
_STORY = (
    ("immediate", "38 members from five regions joined six online huddles on delayed discharges.",
     "Attendance log of the six huddles"),
    ("potential", "Members now know whom to ask in other regions about discharge planning.", ""),
    ("applied", "Three wards adopted the morning discharge checklist shared at the second huddle.", ""),
    ("realised", "Delayed discharges fell on those three wards.", ""),
)

#: Evidence the lead could collect before the board meets: (letter, what it is, the cycle it evidences or None).
EVIDENCE_OPTIONS = (
    ("A", "Ward figures: delayed discharges on the three wards, six months before and six months after",
     "realised"),
    ("B", "Short accounts from the three ward managers of when and why they took up the checklist", "applied"),
    ("C", "A repeat of the advice survey, counting new advice ties between regions", "potential"),
    ("D", "A feedback poll of members who came to the huddles", "immediate"),
    ("E", "How many times the huddle recordings were watched", "immediate"),
    ("F", "A quote from the trust's chief executive praising the network", None),
)

#: The network's own outcome measures (invented): name -> latest value.
OUTCOMES = {"change in delayed discharges a month on the three wards": -9.0,
            "median days from medically fit to discharge": 1.5}

#: A board's questions, each filed under a pillar with a measure; the last has none.
BOARD_QUESTIONS = (
    ("Are members in different regions helping each other?", "connectivity", "E-I index"),
    ("Can members reach advice without going through one person?", "connectivity", "average reachability"),
    ("Do members still share a clear purpose?", "health", "health check: purpose"),
    ("Is the network organised well enough to keep going?", "health", "health check: form"),
    ("Have delayed discharges fallen on the wards that took part?", "results",
     "change in delayed discharges a month on the three wards"),
    ("How much money has the network saved the trust?", "results", ""),
)


def huddle_story(with_evidence=()):
    """The huddle story as a table, with the evidence of the options in ``with_evidence`` added.

    ``with_evidence`` holds letters of :data:`EVIDENCE_OPTIONS`; evidence for a cycle that already
    has some is added to it.

    >>> huddle_story(["C"]).loc[1, "evidence"]
    'A repeat of the advice survey, counting new advice ties between regions'
    """
    rows = [{"cycle": cycle, "claim": claim, "evidence": evidence} for cycle, claim, evidence in _STORY]
    by_cycle = {row["cycle"]: row for row in rows}
    for letter in with_evidence:
        _, text, cycle = next(option for option in EVIDENCE_OPTIONS if option[0] == letter)
        if cycle is not None:
            row = by_cycle[cycle]
            row["evidence"] = "; ".join(part for part in (row["evidence"], text) if part)
    return pd.DataFrame(rows)


def evidence_consequence(letters):
    """How many links of the huddle story hold in a row once the evidence ``letters`` is collected.

    >>> evidence_consequence([]), evidence_consequence(["A", "D", "F"]), evidence_consequence(["A", "B", "C"])
    (1, 1, 4)
    """
    return value_story(huddle_story(letters)).level
