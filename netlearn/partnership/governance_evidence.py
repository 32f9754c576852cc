"""The evidence for choosing a form of network governance, read from the data.

:func:`governance_inputs` takes the four conditions Provan & Kenis (2008) link to each form (trust,
number of participants, goal consensus, need for network-level competencies) from the data where
the data can say something, each with a reason in plain words; ``.fit()`` ranks the three forms.
:func:`consensus_level` turns Kendall's W into a word on the scale
:func:`netlearn.governance.governance_fit` reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import agreement, multiorg
from ..display import Readable, table_for_learners
from ..governance import FORMS, LEVELS, governance_fit
from .organisations import tie_concentration
from .reading import check_network, need_relation

__all__ = ["CONDITIONS", "GovernanceInputs", "consensus_level", "governance_inputs"]


#: The four conditions, in the order :func:`netlearn.governance.governance_fit` takes them.
CONDITIONS = ("trust", "participants", "goal_consensus", "competencies_needed")


#: How each condition is called in sentences and tables.
CONDITION_WORDS = {
    "trust": "how widely trust is spread",
    "participants": "number of participants",
    "goal_consensus": "goal consensus",
    "competencies_needed": "need for network-level competencies",
}


# =========================================================================== governance inputs


def consensus_level(w):
    """Kendall's W (0 to 1) as a word on the goal-consensus scale of :func:`governance_fit`.

    The rule: W under 0.2 is ``"low"``, under 0.4 ``"moderately low"``, under 0.6 ``"moderate"``,
    under 0.8 ``"moderately high"``, and 0.8 or more ``"high"``. These bands are the course's own,
    centred on Schmidt's (1997) anchors for W (0.1 very weak, 0.3 weak, 0.5 moderate, 0.7 strong,
    0.9 very strong), which :func:`netlearn.agreement.kendalls_w` also uses for its words.

    >>> consensus_level(0.05), consensus_level(0.4), consensus_level(0.85)
    ('low', 'moderate', 'high')
    """
    if isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 <= w <= 1 or w != w:
        raise ValueError(f"Kendall's W runs from 0 to 1; got {w!r}.")
    return LEVELS[min(int(w / 0.2 + 1e-12), 4)]


def _level_word(name, value):
    text = " ".join(str(value).strip().lower().replace("_", " ").replace("-", " ").split())
    if isinstance(value, str) and text in LEVELS:
        return text
    raise ValueError(f"{name}={value!r} is not on the scale. Use one of: {', '.join(repr(w) for w in LEVELS)}.")


@dataclass(repr=False)
class GovernanceInputs(Readable):
    """The four conditions of network governance for one network, with where each came from.

    Attributes
    ----------
    trust : float
        How widely ties are spread, 0 (all through a few) to 1 (as evenly as chance), to two
        decimals: the ``spread`` of :func:`tie_concentration`. :func:`governance_fit` reads a
        number for trust on this 0-1 scale.
    participants : int
        Organisations in a partnership, members in a community of individuals.
    goal_consensus, competencies_needed : str
        Words from :data:`netlearn.governance.LEVELS`.
    reasons : dict
        Condition -> one or two sentences saying how the value was reached.
    measured : dict
        Condition -> True when the value comes from the data, False when it is a judgement or a
        placeholder to replace.
    details : dict
        The numbers behind the values: ``unit``, ``relation``, ``concentration``
        (:class:`TieConcentration`), ``kendalls_w`` (or None).
    """

    trust: float
    participants: int
    goal_consensus: str
    competencies_needed: str
    reasons: dict = field(repr=False)
    measured: dict = field(repr=False)
    details: dict = field(repr=False, default_factory=dict)

    def values(self):
        """The four values as a dict, ready for ``governance_fit(**inputs.values())``."""
        return {condition: getattr(self, condition) for condition in CONDITIONS}

    def fit(self, *, cutoffs=None, **changes):
        """Rank the governance forms for these conditions; ``changes`` replace any of the four.

        >>> inputs = GovernanceInputs(1.0, 5, "high", "low", {}, {})
        >>> inputs.fit().best, inputs.fit(participants=40, competencies_needed="high").best
        ('shared governance', 'network administrative organisation')
        """
        unknown = set(changes) - set(CONDITIONS)
        if unknown:
            raise TypeError(f"Unknown condition(s): {', '.join(sorted(unknown))}. The four are: "
                            f"{', '.join(CONDITIONS)}.")
        return governance_fit(**{**self.values(), **changes}, cutoffs=cutoffs)

    def what_if(self, condition, values=None, *, cutoffs=None):
        """How the ranking changes when one condition takes each of several values, the others kept.

        Parameters
        ----------
        condition : str
            One of ``"trust"``, ``"participants"``, ``"goal_consensus"``, ``"competencies_needed"``.
        values : sequence, optional
            The values to try. Default: trust 0, 0.25, 0.5, 0.75, 1; participants 5, 15 and 40 (few,
            moderate, many with the default cut-offs); the five words of the scale otherwise.

        Returns
        -------
        DataFrame
            One row per value tried (index named after the condition): the fit score of each form
            and ``best``, the form ranked first.

        >>> inputs = GovernanceInputs(0.5, 17, "moderate", "high", {}, {})
        >>> table = inputs.what_if("competencies_needed")
        >>> table.loc[["low", "high"], ["lead organisation", "best"]]
                             lead organisation                                 best
        competencies_needed
        low                             0.6875                    lead organisation
        high                            0.6875  network administrative organisation
        """
        if condition not in CONDITIONS:
            raise ValueError(f"condition must be one of: {', '.join(CONDITIONS)}; got {condition!r}.")
        if values is None:
            values = {"trust": (0.0, 0.25, 0.5, 0.75, 1.0), "participants": (5, 15, 40)}.get(condition, LEVELS)
        rows = {}
        for value in values:
            fit = self.fit(cutoffs=cutoffs, **{condition: value})
            rows[value] = {**fit.table["score"].to_dict(), "best": fit.best}
        table = pd.DataFrame.from_dict(rows, orient="index")[[*FORMS, "best"]]
        table.index.name = condition
        return table

    def table(self):
        """One row per condition: its value, whether it came from the data, and the reason."""
        rows = [{"condition": CONDITION_WORDS[c], "value": getattr(self, c),
                 "source": "from the data" if self.measured.get(c) else "judgement: set it yourself",
                 "reason": self.reasons.get(c, "")} for c in CONDITIONS]
        return pd.DataFrame(rows).set_index("condition")

    def __str__(self):
        lines = []
        for condition in CONDITIONS:
            source = "from the data" if self.measured.get(condition) else "judgement"
            lines.append(f"- {CONDITION_WORDS[condition]}: {getattr(self, condition)} ({source}). "
                         f"{self.reasons.get(condition, '')}")
        return "\n".join(lines)

    def describe(self):
        """The four conditions on one line, each marked as measured or a judgement."""
        def value(condition):
            v = getattr(self, condition)
            return f"{v:.2f}" if isinstance(v, float) else str(v)

        parts = [f"{CONDITION_WORDS[c]} {value(c)} ({'from the data' if self.measured.get(c) else 'judgement'})"
                 for c in CONDITIONS]
        return "The four conditions: " + "; ".join(parts) + "."

    def _extra_html(self):
        return table_for_learners(self.table())._repr_html_()


def _is_partnership(net, affiliation):
    return (affiliation in net.relation_names and "kind" in net.members.columns
            and (net.members["kind"] == "organisation").any())


def governance_inputs(net, *, relation=None, unit="auto", affiliation="affiliated", top=0.1, rankings=None,
                      goal_consensus=None, competencies_needed=None):
    """Read the four conditions of network governance from a network's data, with a reason for each.

    Provan & Kenis (2008) link each form of network governance to four conditions. This function
    measures what data can measure and says plainly what it cannot:

    * **trust** - how widely ties are spread: the ``spread`` of :func:`tie_concentration` with the
      top tenth (``top``). For a partnership (``unit="organisations"``) it is taken on the
      organisation network (:func:`netlearn.multiorg.organisation_network`, each shared person and
      each cross-organisation tie counting one), for a community of individuals on the ``relation``
      given (advice is a good choice: people seek advice from those they trust). Ties are a sign of
      trust, not a measure of it, and the reason says so.
    * **participants** - the number of organisations in a partnership, of members otherwise.
    * **goal consensus** - Kendall's W over members' rankings of the network's purposes
      (``rankings``, or the network's ``purpose_rankings`` table), put on the scale by
      :func:`consensus_level`. Without rankings it cannot be measured: give ``goal_consensus`` as a
      judgement, or it is left at ``"moderate"`` and marked as a placeholder.
    * **need for network-level competencies** - what the network has to do together (bid for
      money, share data, answer to regulators) is not in tie data: give ``competencies_needed`` as a
      judgement, or it is left at ``"moderate"`` and marked as a placeholder.

    Parameters
    ----------
    net : Network
    relation : str, optional
        Members: the relation that shows trust (default: the network's default relation).
        Organisations: the person-to-person relation linking them (default ``"collaborates"`` when
        the network has it, otherwise shared people only).
    unit : {"auto", "organisations", "members"}
        Who the participants are. ``"auto"`` chooses organisations when the network has an
        ``affiliation`` relation and members of kind ``"organisation"``.
    affiliation : str
        The person -> organisation relation (default ``"affiliated"``).
    top : float
        The share of participants counted as the best-connected few (default 0.1).
    rankings : DataFrame, optional
        Rankings of purposes, one row per member, as :func:`netlearn.agreement.kendalls_w` takes
        them; incomplete rankings are left out.
    goal_consensus, competencies_needed : str, optional
        Your judgement, one of :data:`netlearn.governance.LEVELS`; it replaces what the data say.

    Returns
    -------
    GovernanceInputs
        The four values, ``reasons``, ``measured``, ``details``; ``.fit()`` ranks the forms with
        :func:`netlearn.governance.governance_fit` and ``.table()`` lays it all out.

    Examples
    --------
    Five members who all know each other and rank three purposes the same way:

    >>> import networkx as nx, pandas as pd
    >>> from netlearn import Network
    >>> pairs = list(nx.complete_graph(["a", "b", "c", "d", "e"]).edges)
    >>> ties = pd.DataFrame(pairs, columns=["source", "target"]).assign(relation="knows")
    >>> ranks = pd.DataFrame({"member_id": list("abcde"), "learn": [1] * 5, "spread": [2] * 5, "lobby": [3] * 5})
    >>> net = Network.from_frames(None, ties, directed=False, tables={"purpose_rankings": ranks})
    >>> inputs = governance_inputs(net, competencies_needed="low")
    >>> inputs.values()
    {'trust': 1.0, 'participants': 5, 'goal_consensus': 'high', 'competencies_needed': 'low'}
    >>> inputs.measured["goal_consensus"], inputs.measured["competencies_needed"], inputs.fit().best
    (True, False, 'shared governance')

    Notes
    -----
    For a network leader: the result is a starting point for a conversation about governance, not
    a verdict. The inputs that come from data describe the network as it is now, which may not be
    how members want it to be; the judgements are yours to argue about with the members.

    References: Provan, K. G. & Kenis, P. (2008). Modes of network governance: structure,
    management, and effectiveness. *Journal of Public Administration Research and Theory*, 18(2),
    229-252. Kendall, M. G. & Babington Smith, B. (1939). The problem of m rankings. *Annals of
    Mathematical Statistics*, 10(3), 275-287.
    """
    check_network(net)
    if unit not in ("auto", "organisations", "members"):
        raise ValueError(f"unit must be 'auto', 'organisations' or 'members'; got {unit!r}.")
    if unit == "auto":
        unit = "organisations" if _is_partnership(net, affiliation) else "members"
    reasons, measured = {}, {}
    if unit == "organisations":
        need_relation(net, affiliation, "people to organisations")
        if relation is None:
            relation = "collaborates" if "collaborates" in net.relation_names else None
        G = multiorg.organisation_network(net, affiliation, relation)
        concentration = tie_concentration(G, top, weight="weight")
        participants = G.number_of_nodes()
        source = (f"the organisation network (linked by shared people and by '{relation}' ties between their "
                  "people)") if relation else "the organisation network (linked by shared people)"
        who, unit_word = "organisations", "organisations"
        reasons["participants"] = (f"{participants} organisations take part (each counts once, however many of "
                                   "its people are involved).")
    else:
        relation = net._check_relation(relation)
        G = net.graph(relation)
        if "kind" in net.members.columns and (net.members["kind"] == "person").any():
            G = G.subgraph([n for n, kind in G.nodes(data="kind") if kind in (None, "person")]).copy()
        concentration = tie_concentration(G, top)
        participants = G.number_of_nodes()
        source = f"the '{relation}' relation"
        who, unit_word = "members", "members"
        reasons["participants"] = (f"{participants} members take part. Provan & Kenis count organisations; "
                                   "for a community of individuals the members are counted instead, so read "
                                   "the result loosely.")
    measured["participants"] = True
    k = len(concentration.top)
    verb = "receive" if G.is_directed() else "are in"
    things = "links" if unit == "organisations" else "ties"
    reasons["trust"] = (f"Measured on {source}: the best-connected {k} of {participants} {who} {verb} "
                        f"{concentration.share:.0%} of the {things}, against about "
                        f"{concentration.expected_share:.0%} if {things} fell at random, so the spread is "
                        f"{concentration.spread:.2f} (0 = all through a few, 1 = as even as chance). Ties show "
                        "where relationships are; they are a sign of trust, not a measure of it.")
    measured["trust"] = True

    w_result = None
    if goal_consensus is not None:
        consensus = _level_word("goal_consensus", goal_consensus)
        reasons["goal_consensus"] = "Your judgement (given as goal_consensus)."
        measured["goal_consensus"] = False
    else:
        table = rankings if rankings is not None else net.tables.get("purpose_rankings")
        if table is not None:
            w_result = agreement.kendalls_w(table, missing="drop")
            consensus = consensus_level(w_result.w)
            reasons["goal_consensus"] = (f"Kendall's W = {w_result.w:.2f} over {w_result.m} members' rankings of "
                                         f"{w_result.n} purposes, which this course reads as '{consensus}' "
                                         "agreement on what the network is for.")
            measured["goal_consensus"] = True
        else:
            consensus = "moderate"
            reasons["goal_consensus"] = ("Not in the data: there are no rankings of the network's purposes, so "
                                         "'moderate' is only a placeholder. Ask members to rank the priorities and "
                                         "use Kendall's W, or set it from what you know.")
            measured["goal_consensus"] = False

    if competencies_needed is not None:
        competencies = _level_word("competencies_needed", competencies_needed)
        reasons["competencies_needed"] = "Your judgement (given as competencies_needed)."
    else:
        competencies = "moderate"
        reasons["competencies_needed"] = ("Not in the data, so 'moderate' is only a placeholder. It is higher when "
                                          "the network must act as one: hold a budget, share data, bid for funds, "
                                          "answer to regulators or plan services together.")
    measured["competencies_needed"] = False

    details = {"unit": unit_word, "relation": relation, "concentration": concentration,
               "kendalls_w": w_result}
    return GovernanceInputs(round(concentration.spread, 2), int(participants), consensus, competencies, reasons,
                            measured, details)
