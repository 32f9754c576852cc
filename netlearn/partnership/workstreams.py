"""A partnership one workstream at a time.

:func:`workstreams` lists each workstream with how many people and organisations it involves;
:func:`workstream_view` looks at one: the organisations involved and those absent, who links
organisations inside it, and which sectors and voices are missing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from .. import diversity, multiorg
from ..display import Readable, table_for_learners
from ..errors import MeasureError, MemberError
from .reading import check_network, members_of_kind, need_relation, relation_pairs

__all__ = ["WorkstreamView", "workstream_view", "workstreams"]


_VOICES = ("patient", "carer", "citizen")


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
    check_network(net)
    need_relation(net, membership, "people to workstreams")
    need_relation(net, affiliation, "people to organisations")
    streams = members_of_kind(net, "workstream")
    names = net.names()
    org_of = {}
    for person, org in relation_pairs(net, affiliation):
        org_of.setdefault(person, set()).add(org)
    people, organisations = {}, {}
    for person, stream in relation_pairs(net, membership):
        people.setdefault(stream, set()).add(person)
        organisations.setdefault(stream, set()).update(org_of.get(person, ()))
    rows = {sid: {"name": names.get(sid, sid), "people": len(people.get(sid, ())),
                  "organisations": len(organisations.get(sid, ()))} for sid in streams["id"].astype(str)}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["name", "people", "organisations"])
    table.index.name = "workstream"
    return table


def _find_workstream(net, workstream):
    streams = members_of_kind(net, "workstream")
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


@dataclass(repr=False)
class WorkstreamView(Readable):
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

    def describe(self):
        return self.summary()

    def _extra_html(self):
        return table_for_learners(self.organisations, columns=[c for c in ("name", "sector", "people")
                                                              if c in self.organisations.columns],
                                  labels={"name": "organisation", "people": "people taking part"},
                                  show_index=False, caption="Organisations taking part")._repr_html_()


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
    check_network(net)
    for relation, what in ((membership, "people to workstreams"), (affiliation, "people to organisations")):
        need_relation(net, relation, what)
    stream = _find_workstream(net, workstream)
    names = net.names()
    people = sorted({p for p, s in relation_pairs(net, membership) if s == stream})
    if not people:
        raise MeasureError(f"Nobody is on the workstream {names.get(stream, stream)!r} (no '{membership}' ties "
                           "reach it), so there is nothing to show.")
    chosen = set(people)
    org_of = {}
    for person, org in relation_pairs(net, affiliation):
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
        need_relation(net, ties, "between people")
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
