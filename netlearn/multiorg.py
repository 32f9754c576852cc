"""Networks of organisations: partnerships such as STPs, seen through the people who link them.

In a multi-organisation partnership (a Sustainability and Transformation Partnership, an
integrated care system, a regional collaborative) organisations are linked by people: someone
who holds roles in two organisations, or colleagues in different organisations who work
together. The data for this is **two-mode**: people, organisations, and a relation saying who
belongs where (``affiliated``, person -> organisation), often with a person-to-person relation
beside it (``collaborates``).

* :func:`organisation_network` - the organisations as a weighted network: how strongly each pair
  is linked by shared people and by their people's ties.
* :func:`organisation_spanners` - the people whose ties reach into other organisations and
  sectors.
* :func:`missing_sectors` - which sectors the partnership lacks, or has only thinly.

>>> import pandas as pd
>>> from netlearn import Network
>>> members = pd.DataFrame({
...     "id": ["ann", "bo", "cy", "council", "trust"],
...     "kind": ["person", "person", "person", "organisation", "organisation"],
...     "sector": ["local authority", "acute", "acute", "local authority", "acute"]})
>>> ties = pd.DataFrame({"source": ["ann", "bo", "cy", "ann"], "target": ["council", "trust", "trust", "bo"],
...                      "relation": ["affiliated", "affiliated", "affiliated", "collaborates"]})
>>> net = Network.from_frames(members, ties, directed=False)
>>> O = organisation_network(net)
>>> O.edges["council", "trust"]
{'shared_people': 0, 'people_ties': 1, 'tie_strength': 1.0, 'weight': 1}
"""

from __future__ import annotations

import re
import warnings

import networkx as nx
import pandas as pd
from networkx.algorithms import bipartite

from .errors import DataError, RelationError
from .weights import check_weights

__all__ = ["organisation_network", "organisation_spanners", "missing_sectors", "STP_SECTORS"]

#: The sectors an STP (or integrated care system) would usually expect around the table, each with
#: the words that recognise it in a ``sector`` value (see :func:`missing_sectors`).
STP_SECTORS = {
    "local authority": ("local authority", "council", "social care", "public health"),
    "commissioner": ("commissioner", "commissioning", "ccg", "icb"),
    "acute": ("acute", "hospital"),
    "community": ("community", "community health", "community services"),
    "mental health": ("mental health",),
    "primary care": ("primary care", "general practice", "gp", "pcn"),
    "voluntary sector": ("voluntary", "vcse", "vcs", "third sector", "charity"),
    "Healthwatch": ("healthwatch",),
}
# Patients, carers and citizens are not a sector: they take part in their own right, and their
# voice is recorded in ``stakeholder`` and counted by :func:`netlearn.diversity.voices_present`.

_CHOICES = ("error", "ignore")


# --------------------------------------------------------------------------- reading two-mode data


def _check_network(net):
    if not (hasattr(net, "members") and hasattr(net, "ties") and hasattr(net, "graph")):
        raise TypeError("Expected a netlearn Network (e.g. netlearn.load_dataset('devon_stp')).")


def _two_mode_sides(net, affiliation):
    """(people, organisations) of a two-mode relation: sources are people, targets organisations."""
    if affiliation not in net.relation_names:
        raise RelationError(f"This network has no relation called '{affiliation}'. organisation_network and "
                            "the other multi-organisation measures need a two-mode relation linking people "
                            f"(source) to organisations (target). The relations are: "
                            f"{', '.join(net.relation_names)}.")
    ties = net.ties[net.ties["relation"] == affiliation]
    if ties.empty:
        raise DataError(f"The relation '{affiliation}' has no ties, so nobody belongs to any organisation.")
    if "kind" in net.members.columns:
        kind_of = dict(zip(net.members["id"], net.members["kind"]))
        source_kinds, target_kinds = set(ties["source"].map(kind_of)), set(ties["target"].map(kind_of))
        if source_kinds & target_kinds:
            raise DataError(f"'{affiliation}' is not two-mode: it links members of the same kind "
                            f"({', '.join(sorted(map(str, source_kinds & target_kinds)))}).",
                            fix="Put people as the source and organisations as the target of every tie.")
        people = net.members.loc[net.members["kind"].isin(source_kinds), "id"].tolist()
        organisations = net.members.loc[net.members["kind"].isin(target_kinds), "id"].tolist()
        return people, organisations
    sources, targets = set(ties["source"]), set(ties["target"])
    if sources & targets:
        both = sorted(sources & targets)
        raise DataError(f"'{affiliation}' is not two-mode: {', '.join(both[:5])} appear(s) both as a person "
                        "(source) and as an organisation (target).",
                        fix="Put people as the source and organisations as the target, or add a 'kind' column "
                            "to the members table (person / organisation).")
    return sorted(sources), sorted(targets)


def _affiliations(net, affiliation, people_in, unaffiliated):
    """dict person -> sorted organisations; people without one raise (default) or warn."""
    _check_network(net)
    if unaffiliated not in _CHOICES:
        raise ValueError(f"unaffiliated={unaffiliated!r} is not one of: 'error', 'ignore'.")
    people, organisations = _two_mode_sides(net, affiliation)
    ties = net.ties[net.ties["relation"] == affiliation]
    orgs_of = {}
    for person, org in zip(ties["source"], ties["target"]):
        orgs_of.setdefault(person, set()).add(org)
    everyone = list(dict.fromkeys([*people, *(p for p in people_in if p not in set(organisations))]))
    lost = [p for p in everyone if p not in orgs_of]
    if lost:
        who = "1 person has" if len(lost) == 1 else f"{len(lost)} people have"
        message = (f"{who} no organisation in '{affiliation}': "
                   f"{', '.join(map(str, lost[:15]))}{' and more' if len(lost) > 15 else ''}.")
        if unaffiliated == "error":
            raise DataError(message, fix=f"Add an '{affiliation}' tie from each to their organisation, or "
                                         "pass unaffiliated='ignore' to leave them out (with a warning).")
        warnings.warn(message + " They were left out.", UserWarning, stacklevel=3)
    return {p: sorted(orgs) for p, orgs in orgs_of.items()}, organisations


def _people_graph(net, ties):
    """The person-person relation's graph, or an empty graph when ties is None."""
    _check_network(net)
    if ties is None:
        return nx.Graph()
    if ties not in net.relation_names:
        raise RelationError(f"This network has no relation called '{ties}'. The relations are: "
                            f"{', '.join(net.relation_names)}. Pass ties=None to use shared people only.")
    return net.graph(ties)


def _linked_people(G):
    """People with at least one tie in G (isolated members are not asked to have an organisation)."""
    return [n for n in G.nodes if G.degree(n) > 0]


def _label(net, ids):
    names = net.names()
    return "; ".join(str(names.get(i, i)) for i in ids)


# --------------------------------------------------------------------------- organisation network


def organisation_network(net, affiliation="affiliated", ties="collaborates", *, unaffiliated="error"):
    """The network of organisations, linked by shared people and by their people's ties.

    In words: two organisations are linked (a) by each person affiliated to both
    (``shared_people``; networkx's weighted bipartite projection), and (b) by each tie in the
    ``ties`` relation between a person of one and a person of the other (``people_ties``). The
    edge ``weight`` is the sum of the two: every shared person and every cross-organisation tie
    counts as one link.

    Parameters
    ----------
    net : Network
        A network with a two-mode ``affiliation`` relation: people as sources, organisations as
        targets (a ``kind`` column in the members table tells them apart).
    affiliation : str
        The person -> organisation relation (default ``"affiliated"``).
    ties : str or None
        The person-person relation (default ``"collaborates"``); ``None`` uses shared people only.
        In a directed relation each tie counts once whichever way it points, so a reciprocated
        pair (A to B and B to A) counts twice.
    unaffiliated : {"error", "ignore"}
        People who belong to no organisation (and have ties): an error listing them (default),
        or left out with a warning listing them.

    Returns
    -------
    networkx.Graph
        One node per organisation, with its member attributes plus ``people`` (number affiliated)
        and ``internal_ties`` (ties between its own people). Edges carry ``shared_people``,
        ``people_ties``, ``tie_strength`` (the ties' summed ``weight``, 1 each when unweighted; weights
        must be 0 or more, and in a weighted relation every tie needs one) and
        ``weight`` = ``shared_people + people_ties``. Organisations with no link stay as isolated
        nodes.

    Examples
    --------
    Ann works for the council and the trust; Bo for the trust; Cy for the practice. Ann and Bo,
    Bo and Cy work together:

    >>> import pandas as pd
    >>> from netlearn import Network
    >>> members = pd.DataFrame({"id": ["ann", "bo", "cy", "council", "trust", "practice"],
    ...                         "kind": ["person"] * 3 + ["organisation"] * 3})
    >>> ties = pd.DataFrame({
    ...     "source": ["ann", "ann", "bo", "cy", "ann", "bo"],
    ...     "target": ["council", "trust", "trust", "practice", "bo", "cy"],
    ...     "relation": ["affiliated"] * 4 + ["collaborates"] * 2})
    >>> O = organisation_network(Network.from_frames(members, ties, directed=False))
    >>> O.edges["council", "trust"]  # Ann is shared; Ann-Bo is a tie between council and trust
    {'shared_people': 1, 'people_ties': 1, 'tie_strength': 1.0, 'weight': 2}
    >>> O.edges["trust", "practice"]["weight"], O.has_edge("council", "practice")  # Bo-Cy; Ann-Cy? no tie
    (1, False)
    >>> O.nodes["trust"]["people"], O.nodes["trust"]["internal_ties"]  # Ann-Bo is also inside the trust
    (2, 1)

    Notes
    -----
    For a network leader: strong edges show where joint work already happens; weak or missing
    edges between organisations that must work together (a council and a mental health trust,
    say) show where to build links - by bringing their people together, not only their chief
    executives. A person in two organisations is counted for each pair of their organisations.

    Reference: Borgatti, S. P. & Everett, M. G. (1997). Network analysis of 2-mode data.
    *Social Networks*, 19(3), 243-269 (projecting two-mode data to one mode).
    """
    G = _people_graph(net, ties)
    # tie_strength adds the people ties' weights up: 1 each in an unweighted relation; in a weighted
    # one every tie needs a weight of 0 or more (a -2 would cancel out a +2).
    weighted = any("weight" in d for _, _, d in G.edges(data=True))
    check_weights(G, "weight" if weighted else None, what="The organisation network", sign="non-negative")
    orgs_of, organisations = _affiliations(net, affiliation, _linked_people(G), unaffiliated)
    B = nx.Graph()
    B.add_nodes_from(organisations)
    B.add_edges_from((p, o) for p, orgs in orgs_of.items() for o in orgs)
    O = nx.Graph()
    attributes = net.members.set_index("id")
    for org in organisations:
        data = {k: (v.item() if hasattr(v, "item") else v) for k, v in attributes.loc[org].items()
                if not pd.isna(v)}
        O.add_node(org, **data, people=int(B.degree(org)), internal_ties=0)
    for a, b, shared in bipartite.weighted_projected_graph(B, organisations).edges(data="weight"):
        O.add_edge(a, b, shared_people=shared, people_ties=0, tie_strength=0.0)
    for u, v, strength in G.edges(data="weight", default=1.0):
        for a in orgs_of.get(u, ()):
            for b in orgs_of.get(v, ()):
                _add_tie(O, a, b, strength)
    for a, b, data in O.edges(data=True):
        data["weight"] = data["shared_people"] + data["people_ties"]
    O.graph.update(name=f"{net.name}: organisations", affiliation=affiliation, ties=ties)
    return O


def _add_tie(O, a, b, strength):
    if a == b:
        O.nodes[a]["internal_ties"] += 1
        return
    if not O.has_edge(a, b):
        O.add_edge(a, b, shared_people=0, people_ties=0, tie_strength=0.0)
    O.edges[a, b]["people_ties"] += 1
    O.edges[a, b]["tie_strength"] += float(strength)


# --------------------------------------------------------------------------- spanners


def organisation_spanners(net, affiliation="affiliated", ties="collaborates", *, attribute="sector",
                          unaffiliated="error"):
    """Who spans organisations: people whose ties reach into organisations other than their own.

    In words: for each person, the ties to people who share none of their organisations
    (``ties_across``), the other organisations those people belong to (``organisations_reached``)
    and those organisations' sectors (``sectors_reached``).

    Parameters
    ----------
    net, affiliation, ties, unaffiliated
        As for :func:`organisation_network` (``ties`` is required here). In a directed relation
        a person's ties are those they send and receive, and each person they are linked with
        counts once.
    attribute : str or None
        The organisations' attribute that names their sector (default ``"sector"``).
        Organisations without one count as ``"(not recorded)"``. ``None`` leaves out the sector
        columns (for data without sectors).

    Returns
    -------
    DataFrame
        One row per spanner (people with no tie across organisations are left out - they span
        nothing), sorted by organisations then sectors reached: ``name`` (if members have
        names), ``organisation`` and ``sector`` (their own), ``ties``, ``ties_across``,
        ``organisations_reached``, ``organisations`` (names), ``sectors_reached``, ``sectors`` and
        ``new_sectors`` (True when they reach a sector other than their own).

    Examples
    --------
    >>> import pandas as pd
    >>> from netlearn import Network
    >>> members = pd.DataFrame({"id": ["ann", "bo", "cy", "dee", "council", "trust", "charity"],
    ...                         "kind": ["person"] * 4 + ["organisation"] * 3,
    ...                         "sector": [None] * 4 + ["local authority", "acute", "voluntary"]})
    >>> ties = pd.DataFrame({
    ...     "source": ["ann", "bo", "cy", "dee", "ann", "ann", "bo"],
    ...     "target": ["council", "trust", "charity", "council", "bo", "cy", "dee"],
    ...     "relation": ["affiliated"] * 4 + ["collaborates"] * 3})
    >>> net = Network.from_frames(members, ties, directed=False)
    >>> organisation_spanners(net)[["organisation", "ties_across", "organisations_reached", "sectors"]]
           organisation  ties_across  organisations_reached           sectors
    person
    ann         council            2                      2  acute; voluntary
    bo            trust            2                      1   local authority
    cy          charity            1                      1   local authority
    dee         council            1                      1             acute

    Notes
    -----
    For a network leader: spanners carry knowledge and trust between organisations. If a few
    people hold most of the cross-organisation ties, the partnership depends on them: involve
    them, protect their time, and build more such links so that the partnership survives
    people moving on.

    Reference: Tushman, M. L. & Scanlan, T. J. (1981). Boundary spanning individuals: their role
    in information transfer and their antecedents. *Academy of Management Journal*, 24(2),
    289-305.
    """
    if ties is None:
        raise ValueError("organisation_spanners needs a person-person relation, e.g. ties='collaborates'.")
    G = _people_graph(net, ties).to_undirected()
    orgs_of, organisations = _affiliations(net, affiliation, _linked_people(G), unaffiliated)
    sector_of = _sectors_of(net, organisations, attribute)
    rows = {}
    for person in G.nodes:
        own = orgs_of.get(person)
        if not own:
            continue
        row = _spanner_row(net, G, person, own, orgs_of, sector_of)
        if row["ties_across"]:
            rows[person] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    if table.empty:
        return table
    if "name" not in net.members.columns:
        table = table.drop(columns="name")
    if attribute is None:
        table = table.drop(columns=["sector", "sectors_reached", "sectors", "new_sectors"])
    table.index.name = "person"
    order = [c for c in ("organisations_reached", "sectors_reached", "ties_across") if c in table.columns]
    return table.sort_values(order, ascending=False, kind="stable")


def _sectors_of(net, organisations, attribute):
    if attribute is None:
        return dict.fromkeys(organisations, "(not recorded)")
    members = net.members.set_index("id")
    if attribute not in members.columns:
        raise ValueError(f"Members have no {attribute!r} column; the columns are: "
                         f"{', '.join(map(str, members.columns))}. Pass attribute=None to leave sectors out.")
    return {o: ("(not recorded)" if pd.isna(members.at[o, attribute]) else str(members.at[o, attribute]))
            for o in organisations}


def _spanner_row(net, G, person, own, orgs_of, sector_of):
    across, reached = 0, set()
    for other in G.neighbors(person):
        theirs = set(orgs_of.get(other, ()))
        if theirs and not theirs & set(own):
            across += 1
            reached |= theirs
    reached = sorted(reached)
    own_sectors = sorted({sector_of[o] for o in own})
    sectors = sorted({sector_of[o] for o in reached})
    return {"name": net.names().get(person, person), "organisation": _label(net, own),
            "sector": "; ".join(own_sectors), "ties": G.degree(person), "ties_across": across,
            "organisations_reached": len(reached), "organisations": _label(net, reached),
            "sectors_reached": len(sectors), "sectors": "; ".join(sectors),
            "new_sectors": bool(set(sectors) - set(own_sectors))}


# --------------------------------------------------------------------------- missing sectors


def _words(text):
    return " " + " ".join(re.findall(r"[a-z0-9]+", str(text).lower())) + " "


def _matches(value, aliases):
    return any(_words(alias) in _words(value) for alias in aliases)


def _expected(expected):
    if expected is None:
        return dict(STP_SECTORS)
    if isinstance(expected, str):
        raise ValueError("expected must be a list of sectors (or a dict sector -> words), not one text.")
    if isinstance(expected, dict):
        return {label: ((words,) if isinstance(words, str) else tuple(words)) for label, words in expected.items()}
    return {label: (label,) for label in expected}


def _counting_frame(net, attribute):
    """Members to count, with a 'role' column: organisation or person."""
    _check_network(net)
    members = net.members
    if attribute not in members.columns:
        raise ValueError(f"Members have no {attribute!r} column; the columns are: "
                         f"{', '.join(map(str, members.columns))}.")
    if "kind" in members.columns:
        members = members[members["kind"].isin(["organisation", "person"])]
        role = members["kind"]
    else:
        role = pd.Series("person", index=members.index)
    values = members[attribute].map(lambda v: "(not recorded)" if pd.isna(v) or str(v).strip() == "" else str(v))
    return pd.DataFrame({"role": role.to_numpy(), "value": values.to_numpy()})


def missing_sectors(net, expected=None, *, attribute="sector", thin_share=0.05):
    """Which sectors a partnership is missing, or has only thinly.

    In words: each member's ``sector`` is matched against the words of each expected sector (a
    value matches when it contains one of the words as whole words, ignoring case: "NHS
    commissioner" matches "commissioner"). A sector is **missing** when no organisation or
    person matches it, **thin** when it has under ``thin_share`` of the partnership's people, and
    **present** otherwise.

    Parameters
    ----------
    net : Network
        With a ``kind`` column (organisations and people counted separately; workstreams and
        other kinds ignored), or without one (every member counted as a person).
    expected : list or dict, optional
        The sectors you expect. Default :data:`STP_SECTORS`: local authority, commissioner, acute,
        community, mental health, primary care, voluntary sector and Healthwatch - the partners an
        STP would usually bring together. Patients, carers and citizens are not a sector; check
        their voices with :func:`netlearn.diversity.voices_present`. A list uses each name as its
        own word; a dict maps each sector to the words that recognise it.
    attribute : str
        The members' column naming their sector (default ``"sector"``).
    thin_share : float
        Below this share of people a sector counts as thin (default 0.05, one in twenty). When
        the network has no people, shares are of organisations.

    Returns
    -------
    DataFrame
        One row per expected sector, in the order given, then one row per sector value that
        matched none of them (status ``"not in the expected list"``, e.g. "NHS provider", which
        could be acute, community or mental health - record which in your data) and for members
        with no sector (``"(not recorded)"``). Columns: ``organisations``, ``people``, ``share``,
        ``status`` and ``matched`` (the values counted). A value that matches two expected
        sectors (e.g. "acute and community") counts for both.

    Examples
    --------
    >>> import pandas as pd
    >>> from netlearn import Network
    >>> members = pd.DataFrame({"id": list("abcdefghij"), "sector": ["acute"] * 6 + ["NHS commissioner"] * 3
    ...                         + ["voluntary"]})
    >>> net = Network.from_frames(members, pd.DataFrame({"source": ["a"], "target": ["b"]}))
    >>> missing_sectors(net, ["acute", "commissioner", "voluntary", "primary care"], thin_share=0.15)
                  organisations  people  share   status           matched
    sector
    acute                     0       6    0.6  present             acute
    commissioner              0       3    0.3  present  NHS commissioner
    voluntary                 0       1    0.1     thin         voluntary
    primary care              0       0    0.0  missing

    Notes
    -----
    For a network leader: a partnership that plans care without primary care, the voluntary
    sector or patients' voices will plan around them. The table is a prompt to ask who else
    should be at the table - and whether those who are there in name take part.
    """
    if not 0 <= thin_share < 1:
        raise ValueError(f"thin_share must be a share between 0 and 1; got {thin_share!r}.")
    sectors = _expected(expected)
    frame = _counting_frame(net, attribute)
    basis = "person" if (frame["role"] == "person").any() else "organisation"
    total = int((frame["role"] == basis).sum())
    if total == 0:
        raise ValueError("The network has no people or organisations to count.")
    rows, used = {}, set()
    for label, aliases in sectors.items():
        hits = frame[frame["value"].map(lambda v: v != "(not recorded)" and _matches(v, aliases))]
        used |= set(hits["value"])
        rows[label] = _sector_row(hits, basis, total, thin_share)
    for value in sorted(set(frame["value"]) - used, key=lambda v: (v == "(not recorded)", v)):
        rows[value] = {**_sector_row(frame[frame["value"] == value], basis, total, thin_share),
                       "status": "not in the expected list"}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "sector"
    return table


def _sector_row(hits, basis, total, thin_share):
    organisations = int((hits["role"] == "organisation").sum())
    people = int((hits["role"] == "person").sum())
    share = (people if basis == "person" else organisations) / total
    status = "missing" if organisations + people == 0 else "thin" if share < thin_share else "present"
    return {"organisations": organisations, "people": people, "share": share, "status": status,
            "matched": "; ".join(sorted(set(hits["value"])))}
