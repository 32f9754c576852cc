"""Which form of governance is likely to suit a network: Provan & Kenis (2008).

Provan and Kenis describe three ways in which a network of organisations can be governed:

* **Shared governance** (participant-governed): the members govern the network together, in
  meetings or informally; nobody stands above the others.
* **Lead organisation**: one member - often the biggest or the one holding the money - makes the
  key decisions and coordinates the rest.
* **Network administrative organisation (NAO)**: a separate body (a small team or a hosted
  unit) is set up to run the network; the members oversee it but do not run it day to day.

They propose that which form works best depends on four conditions: how much trust there is and
how widely it is spread, how many organisations take part, how far members agree on the
network's goals, and how much the network needs skills at network level (to bid for funds,
manage data, speak to regulators). :func:`governance_fit` compares your network with each
form's profile. Their table is a set of propositions from comparing cases, not a tested law, so
the result says which form is *likely* to fit, and why - a prompt for a conversation, not a
verdict.

>>> fit = governance_fit("high-widespread", 5, "high", "low")
>>> fit.best
'shared governance'

Reference: Provan, K. G. & Kenis, P. (2008). Modes of network governance: structure,
management, and effectiveness. *Journal of Public Administration Research and Theory*, 18(2),
229-252.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import html

import numpy as np
import pandas as pd

from .display import Readable

__all__ = ["governance_fit", "GovernanceFit", "FORMS", "LEVELS", "TRUST_LEVELS", "PARTICIPANT_CUTOFFS"]

#: The five steps of the scale for goal consensus and need for network-level competencies.
LEVELS = ("low", "moderately low", "moderate", "moderately high", "high")

#: Words accepted for trust, and their place on the same 0 (low) to 4 (high) scale.
TRUST_LEVELS = {"low-concentrated": 0, "moderate": 2, "high-widespread": 4}

#: Largest number of participating organisations counted as "few", and as "moderate"; more is "many".
#: These cut-offs are this course's judgement: Provan & Kenis give no numbers.
PARTICIPANT_CUTOFFS = {"few": 8, "moderate": 20}

SHARED, LEAD, NAO = "shared governance", "lead organisation", "network administrative organisation"
FORMS = (SHARED, LEAD, NAO)

# Each form's profile: for each condition, the positions (0 = low ... 4 = high) where it fits best,
# and the words for them. "Moderate to many" participants covers everything from 2 to 4.
_PROFILES = {
    SHARED: {"trust": ((4, 4), "high and widely spread among the members"),
             "participants": ((0, 0), "few"),
             "goal_consensus": ((4, 4), "high"),
             "competencies_needed": ((0, 0), "low")},
    LEAD: {"trust": ((0, 0), "low, and concentrated on the lead organisation"),
           "participants": ((2, 2), "a moderate number"),
           "goal_consensus": ((1, 1), "moderately low"),
           "competencies_needed": ((2, 2), "moderate")},
    NAO: {"trust": ((2, 2), "moderate, with members keeping watch over the NAO"),
          "participants": ((2, 4), "moderate to many"),
          "goal_consensus": ((3, 3), "moderately high"),
          "competencies_needed": ((4, 4), "high")},
}

_CONDITION_WORDS = {"trust": "trust", "participants": "number of participants",
                    "goal_consensus": "goal consensus", "competencies_needed": "need for network-level competencies"}

_TENSIONS = {
    SHARED: ("Leans towards inclusiveness (every member has a say), internal legitimacy (members feel "
             "the network is theirs) and flexibility (it can change course when members agree). The "
             "price is efficiency - decisions take many meetings - and external legitimacy: funders and "
             "regulators may not know who speaks for the network. It can also drift when energy fades."),
    LEAD: ("Leans towards efficiency (one organisation decides and acts), external legitimacy (outsiders "
           "have one clear partner) and stability. The price is inclusiveness and internal legitimacy: "
           "other members may feel the network serves the lead's agenda, and step back. It is only as "
           "flexible as the lead organisation."),
    NAO: ("Tries to hold the balance: a dedicated body brings efficiency, stability and external "
          "legitimacy (a recognised face for the outside world), while members' oversight keeps some "
          "inclusiveness and internal legitimacy. The price is cost and a pull towards bureaucracy: the NAO "
          "can become rigid, trading flexibility for stability, or members can leave the network's work to "
          "it and disengage."),
}


def _normal(value):
    return " ".join(str(value).strip().lower().replace("_", " ").replace("-", " ").split())


def _word_level(name, value, words, extra=""):
    """Position 0..4 of a word on a scale; a ValueError listing the accepted words otherwise."""
    lookup = {_normal(word): position for word, position in words.items()}
    if isinstance(value, str) and _normal(value) in lookup:
        return float(lookup[_normal(value)])
    accepted = ", ".join(repr(word) for word in words)
    raise ValueError(f"{name}={value!r} is not an accepted value. Use one of: {accepted}{extra}.")


def _trust_level(value):
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        if not 0 <= value <= 1:
            raise ValueError(f"trust={value!r}: a number for trust must be between 0 (low, held by a few) and "
                             "1 (high and widely spread).")
        return 4.0 * float(value)
    words = {**TRUST_LEVELS, "low": 0, "concentrated": 0, "high": 4, "widespread": 4}
    return _word_level("trust", value, words, " (or a number from 0 to 1)")


def _participants_level(value, cutoffs):
    if isinstance(value, str):
        return _word_level("participants", value, {"few": 0, "moderate": 2, "many": 4},
                           " (or the number of participating organisations)")
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"participants={value!r}: give the number of participating organisations (a whole "
                         "number, e.g. 12), or one of 'few', 'moderate', 'many'.")
    if value < 2:
        raise ValueError(f"participants={value}: a network needs at least two participating organisations.")
    if value <= cutoffs["few"]:
        return 0.0
    return 2.0 if value <= cutoffs["moderate"] else 4.0


def _read_conditions(trust, participants, goal_consensus, competencies_needed, cutoffs):
    levels = {word: position for position, word in enumerate(LEVELS)}
    return {"trust": _trust_level(trust),
            "participants": _participants_level(participants, cutoffs),
            "goal_consensus": _word_level("goal_consensus", goal_consensus, levels),
            "competencies_needed": _word_level("competencies_needed", competencies_needed, levels)}


def _describe(condition, position):
    if condition == "participants":
        return {0.0: "few", 2.0: "moderate", 4.0: "many"}[position]
    if condition == "trust" and position in (0.0, 2.0, 4.0):
        return {0.0: "low and concentrated", 2.0: "moderate", 4.0: "high and widely spread"}[position]
    if float(position).is_integer():
        return LEVELS[int(position)]
    return f"between {LEVELS[int(position)]} and {LEVELS[int(position) + 1]}"


def _judge(form, conditions, given):
    """Fit score in 0..1 and one reason per condition for one form."""
    closeness, reasons, counts = [], [], {"matches": 0, "close": 0, "does not match": 0}
    for condition, position in conditions.items():
        (low, high), ideal = _PROFILES[form][condition]
        distance = max(low - position, 0.0, position - high)
        verdict = "matches" if distance == 0 else "close" if distance <= 1 else "does not match"
        counts[verdict] += 1
        closeness.append(1.0 - distance / 4.0)
        label = _describe(condition, position)
        if not isinstance(given[condition], str):
            label += f" ({given[condition]})"
        reasons.append(f"{_CONDITION_WORDS[condition]}: yours is {label}; "
                       f"{form} tends to work best when it is {ideal} ({verdict}).")
    return float(np.mean(closeness)), counts, reasons


@dataclass(repr=False)
class GovernanceFit(Readable):
    """How well each form of network governance fits the conditions given.

    Attributes
    ----------
    table : DataFrame
        One row per form, best fit first: ``score`` (0-1), ``matches``, ``close`` and
        ``does not match`` (counts of the four conditions).
    reasons : dict
        Form -> one sentence per condition, saying whether it matches the form's profile.
    tensions : dict
        Form -> how that form tends to lean on the three tensions of network governance.
    conditions : dict
        The conditions as read, each on the 0 (low) to 4 (high) scale.
    """

    table: pd.DataFrame
    reasons: dict = field(repr=False)
    tensions: dict = field(repr=False)
    conditions: dict = field(repr=False)

    @property
    def best(self):
        """The form with the highest fit score."""
        return str(self.table.index[0])

    def __str__(self):
        lines = []
        for rank, (form, row) in enumerate(self.table.iterrows(), start=1):
            lines.append(f"{rank}. {form} (fit {row['score']:.2f})")
            lines.extend(f"   - {reason}" for reason in self.reasons[form])
            lines.append(f"   Tensions: {self.tensions[form]}")
        lines.append("These are likely fits from Provan & Kenis (2008), to discuss rather than to obey.")
        return "\n".join(lines)

    def describe(self):
        """The ranking in one sentence (``print`` the result for every reason)."""
        ranked = list(self.table["score"].items())
        first = f"{ranked[0][0]} (fit {ranked[0][1]:.2f} out of 1)"
        rest = " and ".join(f"{form} ({score:.2f})" for form, score in ranked[1:])
        return (f"Best fit: {first}{', then ' + rest if rest else ''}. Likely fits from Provan & Kenis (2008), "
                "to discuss rather than to obey.")

    def _extra_html(self):
        parts = []
        for form, row in self.table.iterrows():
            reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in self.reasons.get(form, []))
            parts.append(f"<details><summary>{html.escape(str(form))}: fit {row['score']:.2f}, "
                         f"{int(row['matches'])} of 4 conditions match</summary><ul>{reasons}</ul>"
                         f"<p><em>Tensions:</em> {html.escape(str(self.tensions.get(form, '')))}</p></details>")
        return "".join(parts)


def governance_fit(trust, participants, goal_consensus, competencies_needed, *, cutoffs=None):
    """Rank the three forms of network governance by how well they fit your network's conditions.

    In words: each form has a profile of the conditions under which Provan & Kenis (2008)
    expect it to work best. Each condition is placed on a scale from 0 (low) to 4 (high); its
    closeness to a form's profile is ``1 - distance / 4`` (1 on the profile, 0 at the far end of
    the scale), and a form's fit score is the average closeness over the four conditions.

    ============================  ==========================  ==================  ===============
    condition                     shared governance           lead organisation   NAO
    ============================  ==========================  ==================  ===============
    trust                         high, widely spread         low, concentrated   moderate, members
                                                                                  watch the NAO
    number of participants        few                         moderate            moderate to many
    goal consensus                high                        moderately low      moderately high
    need for network competencies low                         moderate            high
    ============================  ==========================  ==================  ===============

    Parameters
    ----------
    trust : str or float
        ``"low-concentrated"`` (low, and held by a few - e.g. everyone trusts one organisation),
        ``"moderate"`` or ``"high-widespread"``; or a number from 0 to 1 (e.g. a survey score
        rescaled), placed at 4 times its value on the scale.
    participants : int or str
        The number of participating organisations: up to 8 counts as few, 9 to 20 as moderate,
        more than 20 as many (this course's cut-offs; Provan & Kenis give no numbers; change them
        with ``cutoffs``). Or one of ``"few"``, ``"moderate"``, ``"many"``.
    goal_consensus, competencies_needed : str
        One of ``"low"``, ``"moderately low"``, ``"moderate"``, ``"moderately high"``, ``"high"``
        (case, hyphens and underscores do not matter).
    cutoffs : dict, optional
        ``{"few": 8, "moderate": 20}``: the largest counts taken as few and as moderate.

    Returns
    -------
    GovernanceFit
        ``table`` (forms ranked by ``score``), ``best``, ``reasons``, ``tensions``; ``print`` it
        for the whole story.

    Raises
    ------
    ValueError
        An input outside the accepted values; the message lists them.

    Examples
    --------
    A partnership of 17 organisations with little trust, modest agreement and a moderate need
    for shared skills looks like the textbook case for a lead organisation:

    >>> fit = governance_fit("low-concentrated", 17, "moderately low", "moderate")
    >>> fit.table[["score"]]  # NAO: (0.5 + 1 + 0.5 + 0.5) / 4; shared: (0 + 0.5 + 0.25 + 0.5) / 4
                                          score
    lead organisation                    1.0000
    network administrative organisation  0.6250
    shared governance                    0.3125
    >>> fit.reasons["shared governance"][0]
    'trust: yours is low and concentrated; shared governance tends to work best when it is high and widely spread among the members (does not match).'

    Notes
    -----
    For a network leader: governance is not chosen once. Provan & Kenis expect networks to move
    from shared governance towards a lead organisation or an NAO as they grow, and the three
    tensions they describe - efficiency against inclusiveness, legitimacy inside the network
    against legitimacy outside it, flexibility against stability - never go away; each form
    leans one way (see ``tensions``). Use the result to ask whether your current arrangements
    suit the conditions you now have.

    Reference: Provan, K. G. & Kenis, P. (2008). Modes of network governance: structure,
    management, and effectiveness. *Journal of Public Administration Research and Theory*,
    18(2), 229-252.
    """
    cutoffs = _check_cutoffs(cutoffs)
    conditions = _read_conditions(trust, participants, goal_consensus, competencies_needed, cutoffs)
    given = {"trust": trust, "participants": participants, "goal_consensus": goal_consensus,
             "competencies_needed": competencies_needed}
    rows, reasons = {}, {}
    for form in FORMS:
        score, counts, reasons[form] = _judge(form, conditions, given)
        rows[form] = {"score": score, **counts}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table = table.sort_values("score", ascending=False, kind="stable")
    return GovernanceFit(table, reasons, dict(_TENSIONS), conditions)


def _check_cutoffs(cutoffs):
    if cutoffs is None:
        return dict(PARTICIPANT_CUTOFFS)
    if set(cutoffs) != {"few", "moderate"} or not all(isinstance(v, int) and not isinstance(v, bool)
                                                      for v in cutoffs.values()) \
            or not 1 <= cutoffs["few"] < cutoffs["moderate"]:
        raise ValueError(f"cutoffs must be {{'few': F, 'moderate': M}} with whole numbers 1 <= F < M "
                         f"(e.g. {PARTICIPANT_CUTOFFS}); got {cutoffs!r}.")
    return dict(cutoffs)
