"""Co-production: are patients, carers and citizens inside the ties where decisions are made?

Counting voices (:func:`netlearn.diversity.voices_present`) says whether patients, carers and
citizens are members. It does not say whether they take part in deciding anything. Guidance for
the NHS in England asks for people and communities to be involved in decisions, not only listened
to (NHS England 2022), and ladders of participation, from Arnstein (1969) onwards, put
consultation well below sharing power. This module asks the network question behind that: does
each patient, carer or citizen member work directly with someone who takes decisions, or are they
counted without being connected?

The measure is the course's own, and a first look, not a verdict: a working tie to a director
does not prove that a voice is heard, and the roles that take decisions differ from one
partnership to the next (pass your own ``decision_roles``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from .display import Readable, table_for_learners
from .errors import MeasureError, MemberError
from .partnership.reading import check_network, need_relation

__all__ = ["DECISION_ROLES", "POSITIONS", "VoicesInDecisions", "voices_in_decisions"]

#: The roles counted as taking decisions, unless you say otherwise.
DECISION_ROLES = ("director", "senior manager", "commissioner")

#: Where a voice stands, from furthest in to furthest out.
POSITIONS = ("works with a decision-maker", "connected, not to decision-makers", "counted only")


@dataclass(repr=False)
class VoicesInDecisions(Readable):
    """Where the patient, carer and citizen members of a partnership stand.

    Attributes
    ----------
    table : pandas DataFrame
        One row per patient, carer or citizen member (indexed by id): ``voice``, ``working_ties``,
        ``decision_ties`` (working ties to people in a decision role), ``workstreams`` (how many they
        sit on; 0 when the network has no workstreams) and ``position`` (one of :data:`POSITIONS`).
    counts : pandas Series
        How many members stand in each position, in the order of :data:`POSITIONS`.
    decision_roles : tuple of str
        The roles counted as taking decisions.
    verdict : str
        The result in plain words (what ``print`` shows).
    """

    table: pd.DataFrame = field(repr=False)
    counts: pd.Series = field(repr=False)
    decision_roles: tuple
    verdict: str

    @property
    def total(self):
        """How many patient, carer and citizen members there are."""
        return len(self.table)

    @property
    def inside(self):
        """How many work directly with someone in a decision role."""
        return int(self.counts[POSITIONS[0]])

    def __str__(self):
        return self.verdict

    def describe(self):
        return self.verdict

    def _extra_html(self):
        return table_for_learners(self.counts.rename("members"), index_label="where they stand")._repr_html_()


def _people(net):
    members = net.members
    if "kind" in members.columns and members["kind"].isin(["person"]).any():
        members = members[members["kind"].isin(["person"]).to_numpy()]
    return members.set_index("id")


def _column(people, column, what, parameter):
    if column not in people.columns:
        raise MeasureError(f"The members table has no '{column}' column, so the {what} cannot be read. Add a "
                           f"'{column}' column, or name the column that holds it ({parameter}='...').")
    return people[column].map(lambda v: "" if pd.isna(v) else str(v).strip().lower())


def _verdict(counts, total, roles):
    if total == 0:
        return "There are no patient, carer or citizen members, so none of them can take part in decisions."
    inside, connected, counted = (int(counts[p]) for p in POSITIONS)
    roles_text = ", ".join(roles[:-1]) + f" or {roles[-1]}" if len(roles) > 1 else roles[0]
    text = (f"Of the {total} patient, carer and citizen members, {inside} {'works' if inside == 1 else 'work'} "
            f"directly with someone who takes decisions (a {roles_text})")
    has = {True: "has", False: "have"}
    text += f"; {connected} {has[connected == 1]} working ties, but none to decision-makers" if connected else ""
    text += f"; {counted} {has[counted == 1]} no working ties at all: counted, not connected" if counted else ""
    return text + "."


def voices_in_decisions(net, relation="collaborates", *, voices=("patient", "carer", "citizen"),
                        attribute="stakeholder", decision_roles=DECISION_ROLES, role_attribute="role",
                        membership="workstream_member", introductions=()):
    """Do patients, carers and citizens work with the people who take decisions, or are they only counted?

    In words: for each member whose ``attribute`` is one of ``voices``, count their ties in
    ``relation`` (``working_ties``) and, of those, the ties to people whose ``role_attribute`` is
    one of ``decision_roles`` (``decision_ties``). A voice *works with a decision-maker* when
    ``decision_ties`` is at least 1; is *connected, not to decision-makers* when it has working ties
    but none of those; and is *counted only* when it has no working ties at all.

    Parameters
    ----------
    net : Network
        A network with people in its members table (a ``kind`` column, if any, picks the people).
    relation : str
        The person-person relation of working together (default ``"collaborates"``).
    voices : sequence of str
        The values of ``attribute`` that count as patient, carer or citizen voices (case ignored).
    attribute, role_attribute : str
        The member columns holding each person's perspective and role.
    decision_roles : sequence of str
        The roles that take decisions in this partnership (case ignored). The default,
        :data:`DECISION_ROLES`, is the course's own choice for its data: agree your own.
    membership : str or None
        The person-workstream relation, to count the workstreams each voice sits on; ignored when the
        network has no such relation.
    introductions : sequence of (id, id) pairs
        People to count as working together as well, to see what introductions would change before
        you make them. Your data is not changed.

    Returns
    -------
    VoicesInDecisions
        ``table`` (one row per voice), ``counts`` per position, ``inside``, ``total`` and a
        plain-language ``verdict``.

    Examples
    --------
    Pat (a patient) works with Dee (a director); Cy (a carer) only with Cal (a clinician); Ola (a
    citizen) with nobody:

    >>> import pandas as pd
    >>> from netlearn import Network
    >>> members = pd.DataFrame({"id": ["pat", "cy", "ola", "dee", "cal"],
    ...     "stakeholder": ["patient", "carer", "citizen", "manager", "clinician"],
    ...     "role": ["patient representative", "carer representative", "volunteer", "director", "clinician"]})
    >>> ties = pd.DataFrame({"source": ["pat", "cy", "dee"], "target": ["dee", "cal", "cal"],
    ...                      "relation": "collaborates"})
    >>> result = voices_in_decisions(Network.from_frames(members, ties, directed=False))
    >>> result.table[["working_ties", "decision_ties", "position"]]
         working_ties  decision_ties                           position
    id
    pat             1              1        works with a decision-maker
    cy              1              0  connected, not to decision-makers
    ola             0              0                       counted only
    >>> print(result)  # doctest: +NORMALIZE_WHITESPACE
    Of the 3 patient, carer and citizen members, 1 works directly with someone who takes decisions (a director,
    senior manager or commissioner); 1 has working ties, but none to decision-makers; 1 has no working ties
    at all: counted, not connected.

    Introducing Cy to Dee would bring Cy in:

    >>> voices_in_decisions(Network.from_frames(members, ties, directed=False), introductions=[("cy", "dee")]).inside
    2

    Notes
    -----
    For a network leader: a seat at the table is the bottom of the climb. A patient, carer or
    citizen who works with nobody who decides is consulted at best; co-production needs them
    inside the relationships where options are shaped and choices made. The measure sees ties,
    not power: use it to ask who should be introduced to whom, then ask the people themselves.

    References
    ----------
    Arnstein (1969) for the ladder of participation; NHS England (2022) for the duty to involve
    people and communities in decisions.
    """
    check_network(net)
    need_relation(net, relation, "who works with whom")
    if isinstance(voices, str) or not len(voices):
        raise ValueError("voices must be a list of values, e.g. ('patient', 'carer', 'citizen').")
    if isinstance(decision_roles, str) or not len(decision_roles):
        raise ValueError("decision_roles must be a list of roles, e.g. ('director', 'senior manager').")
    people = _people(net)
    perspective = _column(people, attribute, "perspective of each person (patient, carer, citizen...)", "attribute")
    role = _column(people, role_attribute, "role of each person", "role_attribute")
    wanted = {str(v).strip().lower() for v in voices}
    deciding = {str(r).strip().lower() for r in decision_roles}
    G = net.graph(relation)
    G = G.to_undirected(as_view=True) if G.is_directed() else G  # a tie counts whichever way it points
    if len(introductions):
        G = nx.Graph(G)
        for pair in introductions:
            unknown = [p for p in pair if p not in people.index]
            if len(pair) != 2 or unknown:
                raise MemberError(f"An introduction joins two people of the network; {pair!r} does not"
                                  + (f" ({', '.join(map(str, unknown))} is not one of its people)." if unknown else "."))
            G.add_edge(*pair)
    W = net.graph(membership) if membership in net.relation_names else None
    rows = {}
    for person in people.index[perspective.isin(wanted).to_numpy()]:
        others = [n for n in (G.neighbors(person) if person in G else []) if n != person]
        decision = sum(1 for n in others if n in role.index and role[n] in deciding)
        sits_on = sum(1 for _ in W.neighbors(person)) if W is not None and person in W else 0
        position = POSITIONS[0] if decision else POSITIONS[1] if others else POSITIONS[2]
        rows[person] = {"voice": perspective[person], "working_ties": len(others), "decision_ties": decision,
                        "workstreams": sits_on, "position": position}
    table = pd.DataFrame.from_dict(rows, orient="index",
                                   columns=["voice", "working_ties", "decision_ties", "workstreams", "position"])
    table.index.name = "id"
    counts = table["position"].value_counts().reindex(list(POSITIONS), fill_value=0).astype(int)
    counts.name = "members"
    roles = tuple(str(r) for r in decision_roles)
    return VoicesInDecisions(table, counts, roles, _verdict(counts, len(table), roles))
