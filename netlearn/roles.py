"""Who plays which informal role in a network: brokers, central connectors, energizers and more.

Cross & Prusak (2002) found that a few informal roles keep an organisation's networks working:
**central connectors**, to whom people in their own group turn; **boundary spanners**, who link
the group with other parts of the organisation or other organisations; **information brokers**,
who connect subgroups that would otherwise be cut off from one another; and **peripheral
specialists**, who sit at the edge but hold expertise others need. Arena, Cross, Sims & Uhl-Bien
(2017) add **energizers**, whose interactions leave others enthusiastic, and show that
organisations adapt better when leaders find and support brokers and energizers rather than
relying on the formal hierarchy alone.

* :func:`role_profile` - one row per member: the measures behind each role, a score and a
  yes/no for each of the five roles, and a sentence saying which rule decided each yes.
* :func:`brokerage_roles` - Gould & Fernandez's (1989) five kinds of brokerage, counted per member.
* :func:`talent_spot` - rank candidates for a role the network needs, with reasons in plain words.

The role rules are deliberately simple and visible: percentile thresholds that a learner can
read, question and change (``top``, ``low`` and ``edge``).

>>> import networkx as nx
>>> G = nx.Graph([("ann", "bo"), ("ann", "cy"), ("bo", "cy"), ("cy", "dev"),
...               ("dev", "eve"), ("dev", "fay"), ("eve", "fay"), ("fay", "gus")])
>>> nx.set_node_attributes(G, {"ann": "ward", "bo": "ward", "cy": "ward", "dev": "gp",
...                            "eve": "gp", "fay": "gp", "gus": "pharmacy"}, "group")
>>> profile = role_profile(G)
>>> list(profile.index[profile["broker"]])
['dev']
"""

from __future__ import annotations

import difflib

import networkx as nx
import numpy as np
import pandas as pd

from .fastgraph import (MeasureError, check_graph, check_members, check_no_self_ties, choose_backend,
                        igraph_betweenness, igraph_constraint, igraph_effective_size, node_attribute,
                        python_effective_size, to_igraph)
from .values import is_missing
from .weights import check_weights

__all__ = ["ROLES", "role_profile", "brokerage_roles", "talent_spot", "BROKERAGE_TYPES"]

#: The five informal roles, in the order the profile lists them.
ROLES = ("broker", "central_connector", "energizer", "boundary_spanner", "peripheral_specialist")

#: Gould & Fernandez's brokerage types: (column, groups of a-v-b in a two-path a -> v -> b).
BROKERAGE_TYPES = (
    ("coordinator", "A A A"),
    ("itinerant", "A B A"),
    ("representative", "A A B"),
    ("gatekeeper", "A B B"),
    ("liaison", "A B C"),
)

_LABEL = {role: role.replace("_", " ") for role in ROLES}


# --------------------------------------------------------------------------- percentiles


def _comparable(values):
    # Rounded before comparing, so that values equal in exact arithmetic (two members on the same
    # number of paths) count as tied whichever backend summed them, in whatever order.
    return pd.Series(values, dtype=float).round(10)


def _share_higher(values):
    """Share of members (with a value) whose value is strictly higher; NaN stays NaN."""
    s = _comparable(values)
    counted = s.notna().sum()
    if counted == 0:
        return s
    return (s.rank(method="min", ascending=False) - 1) / counted


def _share_lower(values):
    """Share of members (with a value) whose value is strictly lower; NaN stays NaN."""
    s = _comparable(values)
    counted = s.notna().sum()
    if counted == 0:
        return s
    return (s.rank(method="min", ascending=True) - 1) / counted


def _pct(share):
    return f"{share:.0%}"


def _count(k, noun):
    return f"{k} {noun}" + ("" if k == 1 else "s")


def _num(x):
    return f"{x:.3g}" if isinstance(x, float) else str(x)


# --------------------------------------------------------------------------- role_profile


def role_profile(G, group="group", energy=None, *, expertise=None, top=0.10, low=0.25, edge=0.10,
                 backend="auto"):
    """One row per member: the measures behind five informal roles, and who plays which role.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Who is tied to whom, e.g. ``net.graph("knows")``. In a directed network a tie in either
        direction makes two people contacts; betweenness follows the directions.
    group : str, optional
        Member attribute naming each member's group (team, region, organisation). Every member
        needs one, and there must be at least two groups.
    energy : networkx.DiGraph, optional
        Energy ratings: a tie ``a -> b`` with ``weight`` w means a rated their interactions with b
        as w (in the course data from -2, draining, to +2, energizing). Only positive ratings count
        as energy received; negative ones are left out, not subtracted. When no tie has a weight,
        each tie counts as a rating of 1; when some have one, a tie without one is an error.
        Without it there are no energizer columns.
    expertise : str, optional
        Member attribute listing what a member knows, e.g. ``"can_help_with"``. Without it the
        peripheral specialist rule rests on position alone (see below).
    top : float, optional
        Share that counts as "the top" of a measure (default 0.10, the top 10%).
    low : float, optional
        Share of lowest constraint that brokers must fall in (default 0.25, the lowest 25%).
    edge : float, optional
        Share of members with the fewest ties that counts as the edge of the network, for
        peripheral specialists (default 0.10, the fewest 10%).
    backend : {"auto", "networkx", "igraph"}, optional
        How betweenness, constraint and effective size are computed (exactly, either way; see
        :mod:`netlearn.fastgraph`).

    Returns
    -------
    pandas.DataFrame
        Indexed by member id (index name ``member``), with columns:

        * ``name`` (when members have names) and ``group``;
        * ``degree`` - number of contacts; ``ties_in_group`` - contacts in the member's own group;
          ``ties_to_other_groups`` - contacts in other groups; ``other_groups_reached`` - how many
          different other groups those contacts belong to;
        * ``betweenness`` (normalised, exact), ``constraint`` and ``effective_size`` (Burt 1992;
          both missing (NaN) for members without ties, for whom they are not defined);
        * ``energy_in`` - the **sum** of the positive energy ratings the member receives, and
          ``energy_raters`` - how many people gave them one (only with ``energy``);
        * the ``expertise`` attribute's text, under its own name (only with ``expertise``);
        * for each role a ``<role>_score`` in [0, 1] and a yes/no column ``<role>``;
        * ``why`` - for each yes, the rule that decided it, with the member's own numbers.

    Notes
    -----
    **How the rules read.** "In the top 10%" means that fewer than 10% of members have a higher
    value, at least half have a lower one, and the value is above zero; "in the lowest 25%" means
    that fewer than 25% have a lower value and at least half have a higher one. Members sharing a
    value are counted in each other's favour, so in a small network the member with the single
    highest value is "in the top 10%"; a value that most members share never counts as top or
    lowest, because nobody stands out. Percentiles of constraint and of the number of ties
    (for peripheral specialists) are taken among members who have ties.

    * **broker** - betweenness in the top ``top``, constraint in the lowest ``low``, and contacts
      in at least one other group: they stand on paths between people who are otherwise poorly
      connected, and their contacts do not all know each other (Burt 1992; Cross & Prusak 2002).
    * **central connector** - ties inside their own group in the top ``top`` (compared with all
      members): the person their group turns to.
    * **energizer** - positive energy received in the top ``top``. Energizers need not be well
      connected: the rule looks only at the ratings (Cross, Baker & Parker 2003; Arena et al. 2017).
      The sum of positive ratings is used rather than the mean, so that being energizing for many
      people counts for more than one enthusiastic rating; ratings of zero or below are left out.
    * **boundary spanner** - ties to other groups in the top ``top``: many links outside their
      own group, whether or not those links bridge structural holes.
    * **peripheral specialist** - at least one tie, a number of ties in the lowest ``edge`` among
      members who have ties, and (when ``expertise`` is given) something listed in that
      attribute. Without ``expertise`` the rule rests on position alone and ``why`` says so: ask
      these people what they know before treating them as specialists.

    **Scores.** A member's standing on a measure is 1 minus the share of members doing better
    (1 for the best). Each role score is the mean standing on the measures its rule uses:
    betweenness, constraint (lower is better) and other groups reached for brokers; ties in the
    group for central connectors; energy received for energizers; ties to other groups and other
    groups reached for boundary spanners; fewness of ties (and having listed expertise, counted
    as 1 or 0, when ``expertise`` is given) for peripheral specialists. A score is 0 when the
    main measure is zero. Scores rank candidates (see :func:`talent_spot`); the yes/no columns
    apply the rules.

    For a network leader, the profile is a conversation starter, not a verdict: it shows who
    already holds the network together, whose departure would cut groups apart, and whose
    knowledge is hard to reach.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bo"), ("ann", "cy"), ("bo", "cy"), ("cy", "dev"),
    ...               ("dev", "eve"), ("dev", "fay"), ("eve", "fay"), ("fay", "gus")])
    >>> nx.set_node_attributes(G, {"ann": "ward", "bo": "ward", "cy": "ward", "dev": "gp",
    ...                            "eve": "gp", "fay": "gp", "gus": "pharmacy"}, "group")
    >>> profile = role_profile(G, top=0.2)
    >>> profile.loc["dev", ["degree", "ties_in_group", "other_groups_reached"]].tolist()
    [3, 2, 1]
    >>> print(profile.loc["dev", "why"])
    broker: betweenness 0.6 is in the top 20% and constraint 0.559 is in the lowest 25%; ties reach 1 other group
    >>> print(profile.loc["gus", "why"])
    peripheral specialist: 1 tie, in the lowest 10% of members with ties; no expertise attribute was given, so this rests on position alone
    >>> bool(profile["boundary_spanner"].any())  # four members share the most ties to other groups (one)
    False

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard UP.
    Cross, R. & Prusak, L. (2002). The people who make organizations go – or stop. Harvard
    Business Review 80(6), 104-112.
    Cross, R., Baker, W. & Parker, A. (2003). What creates energy in organizations? MIT Sloan
    Management Review 44(4), 51-56.
    Arena, M., Cross, R., Sims, J. & Uhl-Bien, M. (2017). How to catalyze innovation in your
    organization. MIT Sloan Management Review 58(4), 39-47.
    """
    check_graph(G, what="role_profile")
    check_no_self_ties(G, "role_profile")
    for name, share in (("top", top), ("low", low), ("edge", edge)):
        if not (isinstance(share, (int, float)) and 0 < share <= 1):
            raise MeasureError(f"{name} must be a share between 0 and 1 (e.g. 0.1 for 10%); got {share!r}.")
    nodes = list(G)
    groups = node_attribute(G, group, what="role_profile")
    group_list = [groups[v] for v in nodes]
    codes, group_names = pd.factorize(pd.Series(group_list, dtype=object))
    if len(group_names) < 2:
        raise MeasureError(f"Every member is in the same {group} ('{group_names[0]}'), so nobody can link "
                           f"groups. Choose an attribute with at least two values, e.g. 'region' or 'sector'.")

    counts = _group_counts(G, nodes, codes, len(group_names))
    measures = _structural_measures(G, choose_backend(G, backend))
    frame = pd.DataFrame(index=pd.Index(nodes, name="member"))
    names = {v: d.get("name") for v, d in G.nodes(data=True)}
    if any(not is_missing(x) for x in names.values()):
        frame["name"] = [names[v] if not is_missing(names[v]) else str(v) for v in nodes]
    frame["group"] = group_list
    for column, values in counts.items():
        frame[column] = values
    for column, values in measures.items():
        frame[column] = values
    if energy is not None:
        energy_in, raters = _energy_received(G, energy)
        frame["energy_in"] = energy_in
        frame["energy_raters"] = raters
    has_expertise = None
    if expertise is not None:
        known = node_attribute(G, expertise, what="role_profile", required=False)
        frame[expertise] = [known.get(v, "") for v in nodes]
        has_expertise = np.array([v in known for v in nodes])

    _apply_rules(frame, top, low, edge, has_expertise, expertise)
    frame.attrs.update(group=group, top=top, low=low, edge=edge, expertise=expertise, energy=energy is not None)
    return frame


def _group_counts(G, nodes, codes, n_groups):
    """Contacts, contacts in own group, in other groups, and other groups reached (vectorised)."""
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    if G.is_directed() and len(pairs):  # a tie either way makes a contact; count each pair once
        pairs = np.unique(np.sort(pairs, axis=1), axis=0)
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    codes = np.asarray(codes)
    same = codes[src] == codes[dst]
    degree = np.bincount(src, minlength=n)
    in_group = np.bincount(src[same], minlength=n)
    keys = np.unique(src[~same] * n_groups + codes[dst[~same]])
    reached = np.bincount(keys // n_groups, minlength=n) if len(keys) else np.zeros(n, dtype=np.int64)
    return {"degree": degree, "ties_in_group": in_group, "ties_to_other_groups": degree - in_group,
            "other_groups_reached": reached}


def _structural_measures(G, backend):
    """Betweenness, constraint and effective size in node order, each computed once."""
    if backend == "igraph":
        g = to_igraph(G, weight=None)
        return {"betweenness": igraph_betweenness(g, normalized=True),
                "constraint": igraph_constraint(g),
                "effective_size": list(igraph_effective_size(g))}
    between = nx.betweenness_centrality(G, normalized=True)
    constraint = nx.constraint(G) if G.number_of_edges() else {v: float("nan") for v in G}
    size = python_effective_size(G)
    return {"betweenness": [between[v] for v in G], "constraint": [constraint[v] for v in G],
            "effective_size": [size[v] for v in G]}


def _energy_received(G, energy):
    """Sum of positive incoming ratings and number of people giving one, per member of G."""
    if not isinstance(energy, nx.Graph) or not energy.is_directed():
        raise MeasureError("energy must be a directed graph of ratings (who rates whom), e.g. "
                           "net.graph('energy').")
    if not any(v in energy for v in G):
        raise MeasureError("None of the members of the network appear in the energy ratings. Use the energy "
                           "relation of the same network, e.g. net.graph('energy').")
    total = dict.fromkeys(G, 0.0)
    raters = dict.fromkeys(G, 0)
    # Ratings are signed (-2 draining to +2 energizing): only positive ones are energy received.
    # Ties all without a weight are "gives me energy" nominations, each a rating of 1; once some
    # ties carry a rating, a tie without one is reported rather than guessed.
    weighted = any("weight" in d for _, _, d in energy.edges(data=True))
    check_weights(energy, "weight" if weighted else None, what="Energy received", sign="any")
    for a, b, w in energy.edges(data="weight", default=1):
        if a != b and b in total and w > 0:
            total[b] += float(w)
            raters[b] += 1
    return [total[v] for v in G], [raters[v] for v in G]


def _apply_rules(frame, top, low, edge, has_expertise, expertise):
    """Add the score, yes/no and why columns to a profile (see role_profile's notes)."""
    degree = frame["degree"].to_numpy()
    connected = degree > 0

    def in_top(column):
        values = frame[column].to_numpy(dtype=float)
        return (values > 0) & (_share_higher(values).to_numpy() < top) & (_share_lower(values).to_numpy() >= 0.5)

    def in_lowest(values, share):
        return (_share_lower(values).fillna(1).to_numpy() < share) & (_share_higher(values).fillna(0).to_numpy() >= 0.5)

    def standing_high(column):
        return 1 - _share_higher(frame[column].to_numpy(dtype=float)).fillna(1).to_numpy()

    def standing_low(values):
        return 1 - _share_lower(values).fillna(1).to_numpy()

    constraint = frame["constraint"].to_numpy(dtype=float)
    low_constraint = in_lowest(constraint, low) & ~np.isnan(constraint)
    degree_among_connected = np.where(connected, degree, np.nan)
    few_ties = connected & in_lowest(degree_among_connected, edge)

    rules = {
        "broker": (in_top("betweenness") & low_constraint & (frame["other_groups_reached"].to_numpy() >= 1),
                   np.where(connected & (frame["betweenness"].to_numpy() > 0),
                            (standing_high("betweenness") + standing_low(constraint)
                             + standing_high("other_groups_reached")) / 3, 0.0)),
        "central_connector": (in_top("ties_in_group"),
                              np.where(frame["ties_in_group"].to_numpy() > 0, standing_high("ties_in_group"), 0.0)),
        "boundary_spanner": (in_top("ties_to_other_groups"),
                             np.where(frame["ties_to_other_groups"].to_numpy() > 0,
                                      (standing_high("ties_to_other_groups")
                                       + standing_high("other_groups_reached")) / 2, 0.0)),
    }
    if "energy_in" in frame:
        rules["energizer"] = (in_top("energy_in"),
                              np.where(frame["energy_in"].to_numpy() > 0, standing_high("energy_in"), 0.0))
    periphery = standing_low(degree_among_connected)
    if has_expertise is None:
        rules["peripheral_specialist"] = (few_ties, np.where(connected, periphery, 0.0))
    else:
        rules["peripheral_specialist"] = (few_ties & has_expertise,
                                          np.where(connected, (periphery + has_expertise) / 2, 0.0))

    for role in ROLES:
        if role in rules:
            yes, score = rules[role]
            frame[f"{role}_score"] = np.round(score.astype(float), 6)
            frame[role] = yes.astype(bool)
    frame["why"] = [_why(row, top, low, edge, expertise) for row in frame.to_dict("records")]


def _why(row, top, low, edge, expertise):
    """The rule behind each yes for one member (a dict of their profile row), in one line."""
    parts = []
    if row["broker"]:
        groups = row["other_groups_reached"]
        parts.append(f"broker: betweenness {_num(row['betweenness'])} is in the top {_pct(top)} and constraint "
                     f"{_num(row['constraint'])} is in the lowest {_pct(low)}; "
                     f"ties reach {_count(groups, 'other group')}")
    if row["central_connector"]:
        parts.append(f"central connector: {_count(row['ties_in_group'], 'tie')} inside their own group, "
                     f"in the top {_pct(top)}")
    if row.get("energizer", False):
        raters = row["energy_raters"]
        parts.append(f"energizer: positive energy received {_num(row['energy_in'])} (from {raters} "
                     f"{'person' if raters == 1 else 'people'}) is in the top {_pct(top)}")
    if row["boundary_spanner"]:
        groups = row["other_groups_reached"]
        parts.append(f"boundary spanner: {_count(row['ties_to_other_groups'], 'tie')} to other groups, in the "
                     f"top {_pct(top)}; they reach {_count(groups, 'other group')}")
    if row["peripheral_specialist"]:
        degree = row["degree"]
        text = f"peripheral specialist: {_count(degree, 'tie')}, in the lowest {_pct(edge)} of members with ties"
        if expertise is None:
            text += "; no expertise attribute was given, so this rests on position alone"
        else:
            text += f"; {expertise.replace('_', ' ')}: {row[expertise]}"
        parts.append(text)
    if parts:
        return " | ".join(parts)
    if row["degree"] == 0:
        return "no ties in this network, so no role applies"
    return "none of the role rules is met"


# --------------------------------------------------------------------------- brokerage_roles


def brokerage_roles(G, group="group"):
    """Count the five kinds of brokerage of Gould & Fernandez (1989) for every member.

    Member ``v`` brokers whenever some ``a`` has a tie to ``v`` and ``v`` has a tie to some other
    ``b``, while ``a`` has no direct tie to ``b`` (an *open two-path* ``a -> v -> b``). The kind of
    brokerage depends on the groups of ``a``, ``v`` and ``b``:

    ==================  ===========  ===============================================================
    column              groups       what ``v`` does
    ==================  ===========  ===============================================================
    ``coordinator``     A  A  A      links two people of their own group
    ``itinerant``       A  B  A      links two people of another group from outside it ("consultant")
    ``representative``  A  A  B      carries their own group's business to an outsider
    ``gatekeeper``      A  B  B      lets an outsider in to their own group
    ``liaison``         A  B  C      links two groups, belonging to neither
    ==================  ===========  ===============================================================

    (Groups ``a``, ``v``, ``b`` in that order; ``A``, ``B``, ``C`` stand for different groups.)

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Directed ties (who goes to whom). An **undirected** network is read as if every tie went
        both ways: each open two-path ``a - v - b`` is then counted twice, once as ``a -> v -> b``
        and once as ``b -> v -> a``. So coordinator, itinerant and liaison counts are even, and
        representative equals gatekeeper (the same path read in the two directions). Self-ties
        are ignored.
    group : str, optional
        Member attribute naming each member's group; every member needs one, and at least two
        groups must be present.

    Returns
    -------
    pandas.DataFrame
        Indexed by member id: ``coordinator``, ``itinerant``, ``representative``, ``gatekeeper``,
        ``liaison`` and ``total`` (all whole numbers). ``total`` equals the number of open two-paths
        through the member.

    Examples
    --------
    Ann (ward) asks Bo (gp) who asks Cy (pharmacy); Ann does not ask Cy:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("ann", "bo"), ("bo", "cy")])
    >>> nx.set_node_attributes(G, {"ann": "ward", "bo": "gp", "cy": "pharmacy"}, "group")
    >>> brokerage_roles(G).loc["bo"].to_dict()
    {'coordinator': 0, 'itinerant': 0, 'representative': 0, 'gatekeeper': 0, 'liaison': 1, 'total': 1}

    Notes
    -----
    For a network leader, the mix matters more than the total: many gatekeeper and
    representative counts mean one person controls what crosses a group's boundary, and many
    liaison counts mean two groups depend on an outsider to talk to each other.

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. Sociological Methodology 19, 89-126.
    """
    check_graph(G, what="brokerage_roles")
    groups = node_attribute(G, group, what="brokerage_roles")
    if len(set(map(_hashable, groups.values()))) < 2:
        raise MeasureError(f"Every member is in the same {group}, so every brokerage would be coordination. "
                           f"Choose an attribute with at least two values to tell the five kinds apart.")
    if G.is_directed():
        succ = {v: set(G.successors(v)) - {v} for v in G}
        pred = {v: set(G.predecessors(v)) - {v} for v in G}
    else:
        succ = {v: set(G[v]) - {v} for v in G}
        pred = succ
    columns = [name for name, _ in BROKERAGE_TYPES]
    rows = []
    for v in G:
        count = dict.fromkeys(columns, 0)
        gv = groups[v]
        for a in pred[v]:
            ga = groups[a]
            for b in succ[v]:
                if b == a or b in succ[a]:
                    continue  # not a two-path between different people, or a and b are tied directly
                count[_brokerage_kind(ga, gv, groups[b])] += 1
        rows.append(count)
    frame = pd.DataFrame(rows, index=pd.Index(list(G), name="member"), columns=columns)
    frame["total"] = frame.sum(axis=1)
    return frame.astype(int)


def _hashable(value):
    try:
        hash(value)
        return value
    except TypeError:
        return repr(value)


def _brokerage_kind(ga, gv, gb):
    if ga == gv == gb:
        return "coordinator"
    if ga == gb:
        return "itinerant"
    if ga == gv:
        return "representative"
    if gv == gb:
        return "gatekeeper"
    return "liaison"


# --------------------------------------------------------------------------- talent_spot

#: What each role's reasons mention: (column, "high" or "low", words).
_REASONS = {
    "broker": (("betweenness", "high", "betweenness"), ("constraint", "low", "constraint")),
    "central_connector": (("ties_in_group", "high", "ties inside their own group"),),
    "energizer": (("energy_in", "high", "positive energy received"),),
    "boundary_spanner": (("ties_to_other_groups", "high", "ties to other groups"),),
    "peripheral_specialist": (("degree", "low", "ties"),),
}


def talent_spot(G, role, *, profile=None, topic=None, exclude=(), top=5, group="group", energy=None,
                expertise=None, topic_attribute=None, backend="auto"):
    """Rank the members best placed to take on a role the network needs, with reasons.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, as for :func:`role_profile`.
    role : str
        One of ``"broker"``, ``"central_connector"``, ``"energizer"``, ``"boundary_spanner"``,
        ``"peripheral_specialist"``.
    profile : pandas.DataFrame, optional
        A profile from :func:`role_profile`; computed here (with ``group``, ``energy``,
        ``expertise`` and ``backend``) when not given.
    topic : str, optional
        Keep only members whose ``topic_attribute`` mentions this topic (case does not matter;
        items separated by ``;`` are checked one by one, and part of an item is enough).
    exclude : iterable of member ids, optional
        People to leave out, e.g. those already stretched or already in the role.
    top : int, optional
        How many candidates to return (default 5).
    group, energy, expertise, backend
        Passed to :func:`role_profile` when ``profile`` is not given.
    topic_attribute : str, optional
        Member attribute searched for ``topic``; defaults to ``expertise``, or ``"can_help_with"``.

    Returns
    -------
    pandas.DataFrame
        Up to ``top`` rows, best first, indexed by member id: ``name`` (when known), ``group``,
        ``score`` (the role score of the profile), ``fits_rule`` (whether they meet the role's
        rule in full) and ``reasons`` in plain words. Members meeting the rule come first, then
        the rest by score.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bo"), ("ann", "cy"), ("bo", "cy"), ("cy", "dev"),
    ...               ("dev", "eve"), ("dev", "fay"), ("eve", "fay"), ("fay", "gus")])
    >>> nx.set_node_attributes(G, {"ann": "ward", "bo": "ward", "cy": "ward", "dev": "gp",
    ...                            "eve": "gp", "fay": "gp", "gus": "pharmacy"}, "group")
    >>> picks = talent_spot(G, "broker", exclude=["dev"], top=2)
    >>> list(picks.index)
    ['fay', 'cy']
    >>> print(picks.loc["fay", "reasons"])
    betweenness 0.333 (higher than 57% of members); constraint 0.559 (lower than 71% of members); contacts in 1 other group; does not meet the full broker rule

    Notes
    -----
    For a network leader, this is a shortlist for a conversation: people who are well placed
    for a role may not want it, and the rule cannot see skills, trust or time.
    """
    if role not in ROLES:
        close = difflib.get_close_matches(str(role), ROLES, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise MeasureError(f"'{role}' is not one of the roles.{hint} The roles are: {', '.join(ROLES)}.")
    check_graph(G, what="talent_spot")
    excluded = set(check_members(G, exclude, role="person to leave out")) if exclude else set()
    if not isinstance(top, int) or top < 1:
        raise MeasureError(f"top must be a whole number of candidates, at least 1; got {top!r}.")
    if profile is None:
        profile = role_profile(G, group=group, energy=energy, expertise=expertise, backend=backend)
    if f"{role}_score" not in profile.columns:
        if role == "energizer":
            raise MeasureError("Spotting energizers needs energy ratings: pass energy=net.graph('energy') "
                               "(or a profile made with energy=...).")
        raise MeasureError(f"The profile has no '{role}_score' column; make it with role_profile(G).")

    candidates = [m for m in profile.index if m not in excluded]
    matched = {}
    if topic is not None:
        attribute = topic_attribute or expertise or "can_help_with"
        listed = node_attribute(G, attribute, what="talent_spot", required=False)
        matched = {m: items for m, items in ((m, _topic_items(text, topic)) for m, text in listed.items()) if items}
        if not matched:
            known = sorted({item for text in listed.values() for item in _split_items(text)})
            close = difflib.get_close_matches(str(topic), known, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise MeasureError(f"Nobody's '{attribute}' mentions '{topic}'.{hint} Topics listed: {', '.join(known)}.")
        candidates = [m for m in candidates if m in matched]

    table = profile.loc[candidates]
    order = table.assign(_fits=table[role].astype(int), _score=table[f"{role}_score"],
                         _degree=table["degree"], _id=[str(m) for m in table.index])
    order = order.sort_values(["_fits", "_score", "_degree", "_id"], ascending=[False, False, False, True])
    chosen = order.index[:top]
    result = pd.DataFrame(index=pd.Index(chosen, name="member"))
    if "name" in profile.columns:
        result["name"] = profile.loc[chosen, "name"]
    result["group"] = profile.loc[chosen, "group"]
    result["score"] = profile.loc[chosen, f"{role}_score"]
    result["fits_rule"] = profile.loc[chosen, role].astype(bool)
    result["reasons"] = [_reasons(profile, m, role, matched.get(m), topic_attribute or expertise or "can_help_with")
                         for m in chosen]
    return result


def _split_items(text):
    return [item.strip() for item in str(text).split(";") if item.strip()]


def _topic_items(text, topic):
    wanted = str(topic).strip().lower()
    return [item for item in _split_items(text) if wanted in item.lower()]


def _reasons(profile, member, role, topic_items, topic_attribute):
    row = profile.loc[member]
    parts = []
    for column, direction, words in _REASONS[role]:
        values = profile[column].to_numpy(dtype=float)
        if role == "peripheral_specialist":
            values = np.where(profile["degree"].to_numpy() > 0, values, np.nan)
        value = row[column]
        if pd.isna(value):
            parts.append(f"{words}: not defined (no ties)")
            continue
        position = list(profile.index).index(member)
        if direction == "high":
            share = _share_lower(values).iloc[position]
            parts.append(f"{words} {_num(_plain(value))} (higher than {_pct(share)} of members)")
        else:
            share = _share_higher(values).iloc[position]
            who = "members with ties" if role == "peripheral_specialist" else "members"
            parts.append(f"{words} {_num(_plain(value))} (lower than {_pct(share)} of {who})")
    if role in ("broker", "boundary_spanner"):
        parts.append(f"contacts in {_count(int(row['other_groups_reached']), 'other group')}")
    if role == "energizer":
        parts[-1] += f", from {int(row['energy_raters'])} people"
    expertise = profile.attrs.get("expertise")
    if topic_items:
        parts.append(f"{topic_attribute.replace('_', ' ')}: {'; '.join(topic_items)}")
    elif role == "peripheral_specialist" and expertise and expertise in profile.columns and row[expertise]:
        parts.append(f"{expertise.replace('_', ' ')}: {row[expertise]}")
    parts.append(f"meets the {_LABEL[role]} rule" if bool(row[role]) else f"does not meet the full {_LABEL[role]} rule")
    return "; ".join(parts)


def _plain(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    return value

