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
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from typing import NamedTuple

import networkx as nx
import pandas as pd

from . import agreement, diversity, multiorg
from .errors import MeasureError, MemberError, RelationError
from .governance import FORMS, LEVELS, governance_fit

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

#: The four conditions, in the order :func:`netlearn.governance.governance_fit` takes them.
CONDITIONS = ("trust", "participants", "goal_consensus", "competencies_needed")

#: How each condition is called in sentences and tables.
CONDITION_WORDS = {
    "trust": "how widely trust is spread",
    "participants": "number of participants",
    "goal_consensus": "goal consensus",
    "competencies_needed": "need for network-level competencies",
}

_VOICES = ("patient", "carer", "citizen")


# =========================================================================== reading the partnership


def _check_network(net):
    if not (hasattr(net, "members") and hasattr(net, "ties") and hasattr(net, "relation_names")):
        raise TypeError("Expected a netlearn Network, such as netlearn.load_dataset('devon_stp'), "
                        f"not {type(net).__name__}.")


def _need_relation(net, relation, what):
    if relation not in net.relation_names:
        close = difflib.get_close_matches(str(relation), net.relation_names, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise RelationError(f"This network has no relation called '{relation}' ({what}).{hint} Its relations "
                            f"are: {', '.join(net.relation_names)}.")


def _members_of_kind(net, kind):
    if "kind" not in net.members.columns:
        raise MeasureError("The members table has no 'kind' column, so people, organisations and workstreams "
                           "cannot be told apart. Add a 'kind' column (person, organisation, workstream).")
    return net.members[net.members["kind"] == kind]


def _links(net, relation):
    """(source, target) pairs of one relation, as plain strings."""
    ties = net.ties[net.ties["relation"] == relation]
    return list(zip(ties["source"].astype(str), ties["target"].astype(str)))


def workstreams(net, membership="workstream_member", affiliation="affiliated"):
    """Each workstream of a partnership, with the people and organisations it involves.

    In words: a person belongs to a workstream through a ``membership`` tie (person to workstream);
    an organisation is involved in a workstream when at least one of its people is.

    Parameters
    ----------
    net : Network
        Members with a ``kind`` column that includes ``"workstream"``.
    membership : str
        The person -> workstream relation (default ``"workstream_member"``).
    affiliation : str
        The person -> organisation relation (default ``"affiliated"``).

    Returns
    -------
    DataFrame
        Indexed by workstream id, in the order of the members table: ``name``, ``people`` and
        ``organisations`` (how many of each take part).

    Examples
    --------
    >>> import netlearn
    >>> table = workstreams(netlearn.load_dataset("devon_stp"))
    >>> table.loc[["ws_mental_health", "ws_primary_care"], ["people", "organisations"]]
                      people  organisations
    workstream
    ws_mental_health      27              9
    ws_primary_care       23             10

    Notes
    -----
    For a network leader: a workstream that draws on few organisations may be one organisation's
    project with partners' names on it; one with many people but no patients or carers plans for
    people without them.
    """
    _check_network(net)
    _need_relation(net, membership, "people to workstreams")
    _need_relation(net, affiliation, "people to organisations")
    streams = _members_of_kind(net, "workstream")
    names = net.names()
    org_of = {}
    for person, org in _links(net, affiliation):
        org_of.setdefault(person, set()).add(org)
    people, organisations = {}, {}
    for person, stream in _links(net, membership):
        people.setdefault(stream, set()).add(person)
        organisations.setdefault(stream, set()).update(org_of.get(person, ()))
    rows = {sid: {"name": names.get(sid, sid), "people": len(people.get(sid, ())),
                  "organisations": len(organisations.get(sid, ()))} for sid in streams["id"].astype(str)}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["name", "people", "organisations"])
    table.index.name = "workstream"
    return table


def _find_workstream(net, workstream):
    streams = _members_of_kind(net, "workstream")
    ids = streams["id"].astype(str).tolist()
    if not ids:
        raise MemberError("This network has no workstreams (no member has kind 'workstream').")
    text = str(workstream).strip()
    if text in ids:
        return text
    names = dict(zip(streams["name"].astype(str), ids)) if "name" in streams.columns else {}
    folded = {key.casefold(): value for key, value in {**names, **{i: i for i in ids}}.items()}
    if text.casefold() in folded:
        return folded[text.casefold()]
    close = difflib.get_close_matches(text, list(names) + ids, n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise MemberError(f"{workstream!r} is not a workstream of this partnership.{hint} The workstreams are: "
                      f"{', '.join(ids)} (an id or the full name both work).")


@dataclass
class WorkstreamView:
    """One workstream of a partnership, seen as a network of organisations.

    Attributes
    ----------
    workstream, name : str
        The workstream's id and name.
    people : DataFrame
        Its members (index ``person``): ``name``, ``organisation`` (name), ``sector`` and
        ``stakeholder`` where the data has them.
    organisations : DataFrame
        The organisations involved (index ``organisation`` id): ``name``, ``sector`` and
        ``people`` (how many of its people take part), most people first.
    absent : DataFrame
        The partnership's organisations with nobody in this workstream: ``name`` and ``sector``.
    spanners : DataFrame
        :func:`netlearn.multiorg.organisation_spanners` inside the workstream: its members whose
        ties reach members of other organisations who are also in it. Empty when nobody does.
    sectors : DataFrame
        :func:`netlearn.multiorg.missing_sectors` for the workstream's people and organisations.
    voices : VoicesPresent
        :func:`netlearn.diversity.voices_present` for its people (patients, carers, citizens).
    graph : networkx.Graph
        :func:`netlearn.multiorg.organisation_network` of the workstream: its organisations, linked
        by its members' ties.
    """

    workstream: str
    name: str
    people: pd.DataFrame = field(repr=False)
    organisations: pd.DataFrame = field(repr=False)
    absent: pd.DataFrame = field(repr=False)
    spanners: pd.DataFrame = field(repr=False)
    sectors: pd.DataFrame = field(repr=False)
    voices: object = field(repr=False)
    graph: nx.Graph = field(repr=False)

    @property
    def missing(self):
        """The expected sectors nobody in the workstream comes from."""
        return self.sectors.index[self.sectors["status"] == "missing"].tolist()

    @property
    def thin(self):
        """The expected sectors present only thinly (under the share ``missing_sectors`` calls thin)."""
        return self.sectors.index[self.sectors["status"] == "thin"].tolist()

    def gaps(self):
        """The workstream's gaps as plain sentences: missing and thin sectors, voices, absent partners."""
        lines = []
        if self.missing:
            lines.append(f"Nobody from {_and(self.missing)}.")
        if self.thin:
            lines.append(f"Only a few people from {_and(self.thin)}.")
        if not self.voices.meets_target:
            lines.append(str(self.voices))
        if len(self.absent):
            lines.append(f"{len(self.absent)} of the partnership's organisations have nobody here: "
                         f"{_and(self.absent['name'].tolist())}.")
        if len(self.spanners) == 0:
            lines.append("No member works with someone from another organisation inside this workstream.")
        return lines

    def summary(self):
        """One paragraph: who takes part, who links the organisations, and the gaps."""
        n_people, n_orgs = len(self.people), len(self.organisations)
        text = (f"{self.name}: {n_people} {'person' if n_people == 1 else 'people'} from "
                f"{n_orgs} organisation{'s' if n_orgs != 1 else ''}.")
        if len(self.spanners):
            top = self.spanners.iloc[0]
            label = top["name"] if "name" in self.spanners.columns else self.spanners.index[0]
            text += (f" {len(self.spanners)} of them work with someone from another organisation here; "
                     f"{label} ({top['organisation']}) reaches the most organisations "
                     f"({top['organisations_reached']}).")
        gaps = self.gaps()
        if gaps:
            text += " Gaps: " + " ".join(gaps)
        return text

    def __str__(self):
        return self.summary()


def _and(items):
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _column(frame, name):
    return frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index)


def workstream_view(net, workstream, *, membership="workstream_member", affiliation="affiliated",
                    ties="collaborates", expected=None, voices=_VOICES, target=0.2, thin_share=0.05):
    """One workstream as a network of organisations: who is involved, who links them, who is missing.

    In words: the workstream's people are those with a ``membership`` tie to it; its organisations
    are theirs. The rest is the multi-organisation toolkit applied to the workstream on its own -
    its people, their organisations, and the ``ties`` between its people (ties to people outside
    the workstream are left out):

    * spanners: :func:`netlearn.multiorg.organisation_spanners`;
    * sectors: :func:`netlearn.multiorg.missing_sectors` (missing: nobody; thin: under
      ``thin_share`` of the workstream's people);
    * voices: :func:`netlearn.diversity.voices_present` for the people's ``stakeholder``;
    * absent partners: organisations of the partnership with nobody in the workstream.

    Parameters
    ----------
    net : Network
        A partnership: members with a ``kind`` column (person, organisation, workstream).
    workstream : str
        The workstream's id or its full name (capitals do not matter).
    membership, affiliation, ties : str
        The person -> workstream, person -> organisation and person <-> person relations.
    expected : list or dict, optional
        The sectors to look for (default :data:`netlearn.multiorg.STP_SECTORS`).
    voices, target
        Passed to :func:`netlearn.diversity.voices_present` (default: patients, carers and citizens,
        target one in five). People whose ``stakeholder`` is not recorded count as not being one of
        these voices.
    thin_share : float
        Passed to :func:`netlearn.multiorg.missing_sectors` (default 0.05).

    Returns
    -------
    WorkstreamView
        ``people``, ``organisations``, ``absent``, ``spanners``, ``sectors``, ``voices``, ``graph``;
        ``gaps()`` and ``summary()`` in plain words (``print`` shows the summary).

    Raises
    ------
    MemberError
        ``workstream`` is not one of the network's workstreams (the message lists them).
    RelationError
        A relation named here is not in the network.

    Examples
    --------
    Two people from a council and a trust sit on a falls workstream and work together; a third,
    from a charity, is on another workstream:

    >>> import pandas as pd
    >>> from netlearn import Network
    >>> members = pd.DataFrame({
    ...     "id": ["ann", "bo", "cy", "council", "trust", "charity", "falls", "frailty"],
    ...     "kind": ["person"] * 3 + ["organisation"] * 3 + ["workstream"] * 2,
    ...     "sector": [None] * 3 + ["local authority", "acute", "voluntary"] + [None] * 2,
    ...     "stakeholder": ["manager", "clinician", "carer"] + [None] * 5})
    >>> ties = pd.DataFrame({
    ...     "source": ["ann", "bo", "cy", "ann", "bo", "cy", "ann"],
    ...     "target": ["council", "trust", "charity", "falls", "falls", "frailty", "bo"],
    ...     "relation": ["affiliated"] * 3 + ["workstream_member"] * 3 + ["collaborates"]})
    >>> view = workstream_view(Network.from_frames(members, ties, directed=False), "falls")
    >>> sorted(view.organisations.index), view.absent.index.tolist(), view.spanners.index.tolist()
    (['council', 'trust'], ['charity'], ['ann', 'bo'])
    >>> view.voices.count, "voluntary sector" in view.missing
    (0, True)

    Notes
    -----
    For a network leader: the masterclass asked partnerships to widen who takes part - citizens,
    patients, carers and every organisation with a stake. A workstream view shows where that has
    and has not happened, and who already links organisations there (people to involve in
    bringing others in). The data say who is listed, not who takes part: check with the people.

    References: Provan, K. G. & Kenis, P. (2008), for networks of organisations; Tushman, M. L. &
    Scanlan, T. J. (1981), Boundary spanning individuals, *Academy of Management Journal* 24(2),
    289-305.
    """
    _check_network(net)
    for relation, what in ((membership, "people to workstreams"), (affiliation, "people to organisations")):
        _need_relation(net, relation, what)
    stream = _find_workstream(net, workstream)
    names = net.names()
    people = sorted({p for p, s in _links(net, membership) if s == stream})
    if not people:
        raise MeasureError(f"Nobody is on the workstream {names.get(stream, stream)!r} (no '{membership}' ties "
                           "reach it), so there is nothing to show.")
    chosen = set(people)
    org_of = {}
    for person, org in _links(net, affiliation):
        if person in chosen:
            org_of.setdefault(person, []).append(org)
    involved = sorted({o for orgs in org_of.values() for o in orgs})
    members = net.members.assign(id=net.members["id"].astype(str))
    sub_members = members[members["id"].isin(chosen | set(involved))]
    keep_ties = (net.ties["relation"] == affiliation) & net.ties["source"].isin(chosen)
    has_ties = ties is not None and ties in net.relation_names
    if has_ties:
        keep_ties |= ((net.ties["relation"] == ties) & net.ties["source"].isin(chosen)
                      & net.ties["target"].isin(chosen))
    elif ties is not None:
        _need_relation(net, ties, "between people")
    directed = {relation: net.is_directed(relation) for relation in net.relation_names}
    sub = type(net).from_frames(sub_members, net.ties[keep_ties], directed=directed,
                                name=f"{net.name}: {names.get(stream, stream)}", info=net.info)
    linked = has_ties and ties in sub.relation_names

    person_rows = members.set_index("id").loc[people]
    people_table = pd.DataFrame({
        "name": [names.get(p, p) for p in people],
        "organisation": ["; ".join(names.get(o, o) for o in org_of.get(p, [])) for p in people],
        "sector": _column(person_rows, "sector").tolist(),
        "stakeholder": _column(person_rows, "stakeholder").tolist()}, index=pd.Index(people, name="person"))

    counts = pd.Series([o for orgs in org_of.values() for o in orgs], dtype="object").value_counts()
    org_rows = members[members["kind"] == "organisation"].set_index("id")
    organisations = pd.DataFrame({
        "name": [names.get(o, o) for o in involved],
        "sector": _column(org_rows, "sector").reindex(involved).tolist(),
        "people": [int(counts.get(o, 0)) for o in involved]}, index=pd.Index(involved, name="organisation"))
    organisations = organisations.sort_values(["people", "name"], ascending=[False, True], kind="stable")
    absent_ids = [o for o in org_rows.index if o not in set(involved)]
    absent = pd.DataFrame({"name": [names.get(o, o) for o in absent_ids],
                           "sector": _column(org_rows, "sector").reindex(absent_ids).tolist()},
                          index=pd.Index(absent_ids, name="organisation"))

    if linked:
        spanners = multiorg.organisation_spanners(sub, affiliation, ties)
        graph = multiorg.organisation_network(sub, affiliation, ties)
    else:
        spanners = pd.DataFrame(columns=["name", "organisation", "ties_across", "organisations_reached"])
        spanners.index.name = "person"
        graph = multiorg.organisation_network(sub, affiliation, None)
    graph.graph["name"] = f"{names.get(stream, stream)}: organisations"
    sectors = multiorg.missing_sectors(sub, expected, thin_share=thin_share)
    perspectives = people_table["stakeholder"].astype(object).where(people_table["stakeholder"].notna(),
                                                                     "(not recorded)")
    voices_result = diversity.voices_present(perspectives, voices=voices, target=target)
    return WorkstreamView(stream, names.get(stream, stream), people_table, organisations, absent, spanners,
                          sectors, voices_result, graph)


def organisation_table(net, affiliation="affiliated", ties="collaborates", membership="workstream_member"):
    """One row per partner organisation: its people, their workstreams, and its links to other partners.

    In words: ``people`` counts the organisation's affiliated people; ``workstreams`` counts the
    distinct workstreams at least one of them sits on; ``linked_organisations`` counts the other
    organisations it shares a person or a person-to-person tie with, and ``links`` adds those up
    (the ``weight`` of :func:`netlearn.multiorg.organisation_network`).

    Parameters
    ----------
    net : Network
    affiliation, ties : str
        As for :func:`netlearn.multiorg.organisation_network`.
    membership : str or None
        The person -> workstream relation; ``None`` (or a network without it) leaves out the
        ``workstreams`` column.

    Returns
    -------
    DataFrame
        Indexed by organisation id: ``name``, ``sector`` (when recorded), ``people``,
        ``workstreams``, ``linked_organisations``, ``links``; most linked first.

    Examples
    --------
    >>> import netlearn
    >>> table = organisation_table(netlearn.load_dataset("devon_stp"))
    >>> table.loc["hw_torbay", ["people", "workstreams", "linked_organisations", "links"]].tolist()
    [1, 1, 2, 2]

    Notes
    -----
    For a network leader: organisations with many links are where joint work already happens;
    those with one or two (often the voluntary sector and patient bodies) depend on a single
    relationship, and are the first to fall out of the conversation.
    """
    O = multiorg.organisation_network(net, affiliation, ties)
    names = net.names()
    streams_of = {}
    has_workstreams = membership is not None and membership in net.relation_names
    if has_workstreams:
        org_of = {}
        for person, org in _links(net, affiliation):
            org_of.setdefault(person, set()).add(org)
        for person, stream in _links(net, membership):
            for org in org_of.get(person, ()):
                streams_of.setdefault(org, set()).add(stream)
    rows = {}
    for org, data in O.nodes(data=True):
        row = {"name": names.get(org, org)}
        if "sector" in data:
            row["sector"] = data["sector"]
        row["people"] = int(data.get("people", 0))
        if has_workstreams:
            row["workstreams"] = len(streams_of.get(org, ()))
        row["linked_organisations"] = int(O.degree(org))
        row["links"] = int(O.degree(org, weight="weight"))
        rows[org] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "organisation"
    return table.sort_values(["linked_organisations", "links"], ascending=False, kind="stable")


# =========================================================================== how widely ties are spread


class TieConcentration(NamedTuple):
    """Result of :func:`tie_concentration`."""

    #: Share of the ties (or of their weight) that involve a member of the top group.
    share: float
    #: The share expected if the same ties joined members at random.
    expected_share: float
    #: 1 when ties are spread as evenly as chance would spread them, 0 when every tie involves the top.
    spread: float
    #: The top group's ids, best connected first.
    top: list
    #: Members counted.
    members: int
    #: Ties counted (self-ties left out).
    ties: int
    #: The result in plain words.
    interpretation: str

    def __str__(self):
        return self.interpretation


def tie_concentration(G, top=0.1, *, weight=None, direction="in"):
    """How much of a network's ties involve its best-connected few?

    In words: rank the members by their number of ties (for a directed network, by default, the
    ties they **receive** - the people others go to) and take the top ``top`` share of them, at least
    one member: ``k = ceil(top * n)``. The **share** is the fraction of all ties that involve a top
    member: for undirected ties, at either end; for directed ties, at the receiving end
    (``direction="in"``), the sending end (``"out"``) or either (``"all"``). With ``weight``, ties
    count by their weight.

    The share is compared with what chance would give if the same number of ties joined members at
    random: ``k / n`` at one end of a directed tie, ``1 - (n-k)(n-k-1) / (n(n-1))`` at either end.
    The **spread** rescales the share between the two extremes::

        spread = (1 - share) / (1 - expected_share), kept between 0 and 1

    1 means the ties are spread about as evenly as chance would spread them; 0 means every tie goes
    through the top group (a star).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        At least three members and one tie.
    top : float
        The share of members in the top group, between 0 and 1 (default 0.1, the top tenth).
    weight : str, optional
        An edge attribute to weight ties by (weights must not be negative).
    direction : {"in", "out", "all"}
        For directed networks: which end of a tie counts (default ``"in"``). Ignored otherwise.

    Returns
    -------
    TieConcentration
        ``share``, ``expected_share``, ``spread``, ``top`` (ids), ``members``, ``ties`` and a
        plain-words ``interpretation``.

    Raises
    ------
    MeasureError
        Fewer than three members, no ties, or negative weights.
    ValueError
        ``top`` outside 0..1 or an unknown ``direction``.

    Examples
    --------
    In a star every tie involves the centre; in a complete network the top member is in as many
    ties as chance would put them in (9 of 45):

    >>> import networkx as nx
    >>> star = tie_concentration(nx.star_graph(9))
    >>> star.top, star.share, round(star.expected_share, 2), star.spread
    ([0], 1.0, 0.2, 0.0)
    >>> tie_concentration(nx.complete_graph(10)).spread
    1.0

    Members with equal numbers of ties are taken in the order of their ids (as text), so the
    result is the same on every run.

    Notes
    -----
    For a network leader: Provan & Kenis (2008) suggest that shared governance works when trust is
    high and spread widely, and that a lead organisation suits trust concentrated on a few. Ties
    are not trust, but they show where relationships are: if most of them run through a tenth of
    the members, the network already behaves as if a few led it. Ask about trust directly when you
    can.

    Freeman's (1979) degree centralization (:func:`netlearn.leadership.centralization`) answers a
    similar question by comparing everyone with the single best-connected member; this measure
    looks at a group, so one very central member does not decide the result alone.
    """
    if not isinstance(top, (int, float)) or isinstance(top, bool) or not 0 < top < 1:
        raise ValueError(f"top must be a share between 0 and 1 (0.1 for the top tenth); got {top!r}.")
    if direction not in ("in", "out", "all"):
        raise ValueError(f"direction must be 'in', 'out' or 'all'; got {direction!r}.")
    n = G.number_of_nodes()
    if n < 3:
        raise MeasureError(f"tie_concentration needs at least three members; this network has {n}. With two, "
                           "every tie involves the best-connected member, so there is nothing to compare.")
    directed = G.is_directed()
    edges = [(u, v, _edge_weight(d, weight)) for u, v, d in G.edges(data=True) if u != v]
    total = sum(w for _, _, w in edges)
    if not edges or total == 0:
        raise MeasureError("The network has no ties (or all their weights are 0), so there is nothing to be "
                           "spread or concentrated.")
    one_end = directed and direction != "all"
    # Leave at least one member (one end) or two members (either end) outside the top group, so that
    # some tie could avoid it.
    k = min(max(1, math.ceil(top * n - 1e-9)), n - 1 if one_end else n - 2)
    score = dict.fromkeys(G.nodes, 0.0)
    for u, v, w in edges:
        if not one_end or direction == "out":
            score[u] += w
        if not one_end or direction == "in":
            score[v] += w
    ranked = sorted(G.nodes, key=lambda m: (-score[m], str(m)))
    chosen = set(ranked[:k])
    if one_end:
        end = 1 if direction == "in" else 0
        hit = sum(w for *pair, w in edges if pair[end] in chosen)
        expected = k / n
    else:
        hit = sum(w for u, v, w in edges if u in chosen or v in chosen)
        expected = 1 - (n - k) * (n - k - 1) / (n * (n - 1))
    share = hit / total
    spread = min(1.0, max(0.0, (1 - share) / (1 - expected)))
    text = _concentration_words(share, expected, spread, k, n, directed and direction == "in")
    return TieConcentration(float(share), float(expected), float(spread), ranked[:k], n, len(edges), text)


def _edge_weight(data, weight):
    if weight is None:
        return 1.0
    value = data.get(weight, 1.0)
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise MeasureError(f"The tie weight {value!r} (attribute {weight!r}) is not a number.") from None
    if value < 0:
        raise MeasureError(f"A tie has a negative {weight!r} ({value:g}); tie_concentration adds weights up, so "
                           "they must be 0 or more. Use weight=None to count ties instead.")
    return value


def _concentration_words(share, expected, spread, k, n, received):
    who = f"the top {k} of {n} members" if k > 1 else f"the best-connected of {n} members"
    verb = "receive" if received else "are in"
    if spread >= 0.75:
        words = "spread widely"
    elif spread >= 0.4:
        words = "moderately concentrated"
    else:
        words = "concentrated on a few"
    return (f"{who.capitalize()} {verb} {share:.0%} of the ties; if ties were placed at random it would be about "
            f"{expected:.0%}. Spread = {spread:.2f} (1 = as even as chance, 0 = everything through them): "
            f"ties are {words}.")


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


@dataclass
class GovernanceInputs:
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
    _check_network(net)
    if unit not in ("auto", "organisations", "members"):
        raise ValueError(f"unit must be 'auto', 'organisations' or 'members'; got {unit!r}.")
    if unit == "auto":
        unit = "organisations" if _is_partnership(net, affiliation) else "members"
    reasons, measured = {}, {}
    if unit == "organisations":
        _need_relation(net, affiliation, "people to organisations")
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
