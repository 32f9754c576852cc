"""What if the membership changed? Add or remove members, then compare diversity before and after.

The masterclass urged network leaders to widen membership to everyone with a stake and a
willingness to give and take, patients, carers and citizens included. Before inviting people,
a leader can ask two questions of the network's data:

* **Who would be in the room?** Blau's index and the IQV by sector or perspective, and the share
  of patients, carers and citizens (:mod:`netlearn.diversity`).
* **Would they be connected across the network's divides, or sit in one corner of it?** The
  E-I index by region or sector (Krackhardt & Stern 1988).

This module makes the "what if" copies of a network that those questions are asked of:

* :func:`add_members` - a copy of the graph with invented members added, each tied to one
  existing member in each of a chosen number of groups (regions, say), in a documented and
  seeded way, so the same call always gives the same network.
* :func:`remove_members` - a copy without some members of a chosen kind, picked in a seeded
  order (for example: what if three of the eight patient and carer members left?).
* :func:`compare_membership` - a before/after table of the diversity measures.

Added members are invented for the exercise: they describe no real person, and their ties are
a rule, not a prediction of whom anyone would meet.

>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("c", "d")])
>>> nx.set_node_attributes(G, {"a": "north", "b": "north", "c": "south", "d": "south"}, "region")
>>> H = add_members(G, 1, attributes={"role": "patient"}, group="region", links=2, seed=1)
>>> sorted(H.edges("new1"))  # one tie into each region
[('new1', 'b'), ('new1', 'c')]
>>> G.number_of_nodes(), H.number_of_nodes()  # G itself is unchanged
(4, 5)
"""

from __future__ import annotations

import random
from collections.abc import Mapping

import networkx as nx
import pandas as pd

from . import diversity
from .errors import MeasureError

__all__ = ["add_members", "remove_members", "added_members", "compare_membership", "LIVED_EXPERIENCE"]

#: The perspectives the course counts as lived experience of care (the ``stakeholder`` values of
#: ``q_community``).
LIVED_EXPERIENCE = ("patient", "carer", "citizen")


# --------------------------------------------------------------------------- checks


def _check_graph(G, what):
    if not isinstance(G, nx.Graph):
        raise MeasureError(f"{what} needs a networkx graph, for example net.graph('knows'); it was given a "
                           f"{type(G).__name__}.")
    if G.is_multigraph():
        raise MeasureError(f"{what} needs a graph with at most one tie per pair of members, not a multigraph.")
    if G.number_of_nodes() == 0:
        raise MeasureError(f"{what} needs a network with members; this one is empty.")


def _check_count(count, what):
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise MeasureError(f"{what} must be a whole number of 0 or more; got {count!r}.")


def _is_missing(value):
    return value is None or (isinstance(value, float) and value != value) or \
        (isinstance(value, str) and not value.strip())


def _groups(G, group):
    """dict group value -> sorted list of members, from the ``group`` attribute of every member."""
    values = {n: d.get(group) for n, d in G.nodes(data=True)}
    lacking = [str(n) for n, v in values.items() if _is_missing(v)]
    if len(lacking) == len(values):
        existing = sorted({k for _, d in G.nodes(data=True) for k in d})
        raise MeasureError(f"No member has the attribute '{group}', so new members cannot be linked into groups "
                           f"by it. The attributes members have are: {', '.join(existing) or 'none'}.")
    if lacking:
        shown = ", ".join(lacking[:10]) + (f" and {len(lacking) - 10} more" if len(lacking) > 10 else "")
        raise MeasureError(f"{len(lacking)} member(s) have no '{group}' ({shown}). Fill it in for everyone "
                           "before adding members by group.")
    by_group = {}
    for n, v in values.items():
        by_group.setdefault(v, []).append(n)
    return {g: sorted(members, key=str) for g, members in sorted(by_group.items(), key=lambda item: str(item[0]))}


def _attribute_list(attributes):
    if attributes is None:
        return [{}]
    if isinstance(attributes, Mapping):
        return [dict(attributes)]
    items = list(attributes)
    if not items or not all(isinstance(a, Mapping) for a in items):
        raise MeasureError("attributes must be a dict of member attributes, such as {'stakeholder': 'patient'}, "
                           "or a list of such dicts (used in turn).")
    return [dict(a) for a in items]


# --------------------------------------------------------------------------- adding


def add_members(G, count, *, attributes=None, group="region", links=1, also_label=(), seed=0, prefix="new"):
    """A copy of the network with ``count`` invented members, each tied into ``links`` groups.

    The rules, so that anyone can check the result by hand:

    1. The groups are the distinct values of the member attribute ``group`` (every existing
       member needs one). They are put in a random order once, using ``random.Random(seed)``.
    2. New member number ``k`` (counting from 0) is tied to ``links`` different groups: those at
       positions ``k, k+1, ..., k+links-1`` of that order, going round to the start when the end
       is reached. So consecutive new members start in different groups, and the groups are used
       as evenly as possible.
    3. In each of those groups, the new member is tied to one existing member, chosen at random
       (each equally likely; members added by this call are never chosen). Undirected networks get
       one tie; directed networks get a tie each way, a relationship that is returned.
    4. The new member's ``group`` attribute (their *home* group) is the first group of rule 2;
       each attribute named in ``also_label`` is set to the same value (in ``q_community`` the
       region is stored both as ``region`` and as ``group``). Other attributes come from
       ``attributes``, which may also override the home group.
    5. New ids are ``prefix`` followed by 1, 2, 3, ..., skipping any id the network already has;
       each new member and each new tie carries ``added=True``.

    Because random numbers are drawn member by member, adding one more member leaves the
    members added before it exactly as they were.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Left unchanged.
    count : int
        How many members to add (0 returns a plain copy).
    attributes : dict or list of dicts, optional
        The new members' attributes, e.g. ``{"sector": "lay member", "stakeholder":
        "patient"}``. A list is used in turn: member ``k`` gets item ``k`` modulo its length.
        Without ``name``, each new member is named "New member 1", "New member 2"...
    group : str, optional
        The member attribute that defines the groups to link into (default ``"region"``).
    links : int, optional
        How many different groups each new member is tied into, from 0 (joins but knows nobody
        yet) to the number of groups.
    also_label : sequence of str, optional
        Further attributes set to the home group.
    seed : int, optional
        The same seed always gives the same network.
    prefix : str, optional
        Start of the new ids.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        The copy. ``H.graph["added_members"]`` lists the new ids in order (see
        :func:`added_members`).

    Raises
    ------
    MeasureError
        For a count below 0, ``links`` outside 0 to the number of groups, or members without a
        ``group``.

    Examples
    --------
    Two regions and two new members, each tied into one region: the first new member into the
    first region of the shuffled order, the second into the next one.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "north", "b": "north", "c": "south", "d": "south"}, "region")
    >>> H = add_members(G, 2, attributes={"stakeholder": "carer"}, links=1, seed=1)
    >>> added_members(H)
    ['new1', 'new2']
    >>> [(n, H.nodes[n]["region"], sorted(H[n])) for n in added_members(H)]
    [('new1', 'south', ['c']), ('new2', 'north', ['b'])]

    Notes
    -----
    For a network leader: inviting patients, carers and citizens raises the share of those
    voices at once, but whether they change how ideas travel depends on whom they are connected
    to. Compare a few new members tied into many regions with many tied into one: the first
    moves the E-I index by region more per person. The ties here are a rule chosen to make that
    visible, not a forecast.

    References
    ----------
    Blau, P. M. (1977). Inequality and Heterogeneity. Free Press.
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an
    experimental simulation. Social Psychology Quarterly 51(2), 123-140.
    """
    _check_graph(G, "add_members")
    _check_count(count, "count (how many members to add)")
    by_group = _groups(G, group)
    _check_count(links, "links (how many groups each new member joins)")
    if links > len(by_group):
        raise MeasureError(f"links={links}, but the network has only {len(by_group)} different '{group}' values, "
                           f"so a new member can be tied into at most {len(by_group)}.")
    if isinstance(also_label, str):
        also_label = (also_label,)
    attribute_list = _attribute_list(attributes)
    rng = random.Random(seed)
    order = list(by_group)
    rng.shuffle(order)

    H = G.copy()
    used = {str(n) for n in H}
    new_ids, number = [], 0
    for k in range(count):
        number += 1
        while f"{prefix}{number}" in used:
            number += 1
        member = f"{prefix}{number}"
        used.add(member)
        chosen = [order[(k + j) % len(order)] for j in range(links)]
        home = chosen[0] if chosen else order[k % len(order)]
        data = {group: home, **{label: home for label in also_label}, "name": f"New member {number}"}
        data.update(attribute_list[k % len(attribute_list)])
        data["added"] = True
        H.add_node(member, **data)
        for g in chosen:
            partner = rng.choice(by_group[g])
            H.add_edge(member, partner, added=True)
            if H.is_directed():
                H.add_edge(partner, member, added=True)
        new_ids.append(member)
    H.graph["added_members"] = list(G.graph.get("added_members", [])) + new_ids
    return H


def added_members(G):
    """The ids of members added by :func:`add_members`, in the order they were added.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")]); nx.set_node_attributes(G, "x", "region")
    >>> added_members(add_members(G, 2))
    ['new1', 'new2']
    >>> added_members(G)
    []
    """
    return [n for n in G.graph.get("added_members", []) if n in G]


# --------------------------------------------------------------------------- removing


def remove_members(G, count, *, attribute="stakeholder", values=LIVED_EXPERIENCE, seed=0):
    """A copy of the network without ``count`` of the members whose ``attribute`` is one of ``values``.

    The rules: the members whose ``attribute`` matches one of ``values`` (ignoring capitals and
    spaces at the ends) are sorted by id, put in a random order with ``random.Random(seed)``,
    and the first ``count`` of them are removed with their ties. Removing one more keeps the
    earlier removals the same.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Left unchanged.
    count : int
        How many to remove, from 0 to the number of matching members.
    attribute : str, optional
        Member attribute to match (default ``"stakeholder"``).
    values : sequence of str, optional
        Values that mark the members who may leave (default: patient, carer, citizen).
    seed : int, optional

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        The copy; ``H.graph["removed_members"]`` lists who was taken out.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_node_attributes(G, {"a": "patient", "b": "nurse", "c": "carer", "d": "nurse"}, "stakeholder")
    >>> H = remove_members(G, 1, seed=3)
    >>> H.graph["removed_members"], sorted(H)
    (['c'], ['a', 'b', 'd'])

    Notes
    -----
    For a network leader: a handful of people often carry a whole perspective. Removing one or
    two of them shows how quickly that voice can disappear from the network, and how many ties
    across boundaries leave with them.
    """
    _check_graph(G, "remove_members")
    _check_count(count, "count (how many members to remove)")
    if isinstance(values, str):
        values = (values,)
    wanted = {str(v).strip().lower() for v in values}
    matching = sorted((n for n, d in G.nodes(data=True)
                       if not _is_missing(d.get(attribute)) and str(d.get(attribute)).strip().lower() in wanted),
                      key=str)
    if count > len(matching):
        raise MeasureError(f"Only {len(matching)} member(s) have {attribute} {' or '.join(map(str, values))}, "
                           f"so {count} cannot be removed.")
    rng = random.Random(seed)
    rng.shuffle(matching)
    leaving = matching[:count]
    H = G.copy()
    H.remove_nodes_from(leaving)
    H.graph["removed_members"] = leaving
    return H


# --------------------------------------------------------------------------- comparing


def _categories(before, after, attribute):
    values = set()
    for H in (before, after):
        values |= {d.get(attribute) for _, d in H.nodes(data=True) if not _is_missing(d.get(attribute))}
    return sorted(values, key=str)


def _voice_words(voices):
    """('patient', 'carer', 'citizen') -> 'patients, carers or citizens'."""
    plural = [f"{v}s" for v in voices]
    return plural[0] if len(plural) == 1 else ", ".join(plural[:-1]) + " or " + plural[-1]


def _measures(H, categories, diversity_of, ei_of, voices_attribute, voices, target):
    row = {"members": H.number_of_nodes()}
    present = diversity.voices_present(H, voices_attribute, voices=voices, target=target)
    words = _voice_words(voices)
    row[f"{words} (number)"] = present.count
    row[f"{words} (share of members)"] = present.share
    for attribute in diversity_of:
        row[f"Blau index by {attribute}"] = diversity.blau_index(H, attribute)
        row[f"IQV by {attribute}"] = diversity.iqv(H, attribute, categories=categories[attribute])
    for attribute in ei_of:
        row[f"E-I index by {attribute}"] = diversity.ei_index(H, attribute)
    return row, present


def compare_membership(before, after, *, diversity_of=("sector", "stakeholder"), ei_of=("region", "sector"),
                       voices_attribute="stakeholder", voices=LIVED_EXPERIENCE, target=0.2):
    """A before/after table of who is in the network and whether ties cross its divides.

    Rows, for each network:

    * ``members``; the number and the share of members whose ``voices_attribute`` is one of
      ``voices`` (rows named after the voices, e.g. ``patients, carers or citizens (number)``
      and ``... (share of members)``; see :func:`netlearn.diversity.voices_present`);
    * for each attribute of ``diversity_of``: Blau's index, ``1 - sum(p_i ** 2)``, and the IQV,
      Blau's index divided by ``1 - 1/k``, where ``k`` counts every category seen *before or
      after* (so a perspective that disappears pulls the IQV down instead of vanishing from it);
    * for each attribute of ``ei_of``: the E-I index, ``(E - I) / (E + I)``, with E the ties
      between groups and I the ties inside them.

    Parameters
    ----------
    before, after : networkx graphs
        E.g. ``net.graph("knows")`` and the result of :func:`add_members`.
    diversity_of, ei_of : sequences of member attributes
    voices_attribute : str
    voices : sequence of str
    target : float
        Share of voices aimed for, as in :func:`~netlearn.diversity.voices_present`.

    Returns
    -------
    pandas.DataFrame
        Columns ``before``, ``after`` and ``change`` (after minus before), one row per measure.
        ``table.attrs["verdict"]`` holds :func:`~netlearn.diversity.voices_present`'s plain-words
        verdict on the network after the change.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("c", "d"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "n", "b": "n", "c": "s", "d": "s"}, "region")
    >>> nx.set_node_attributes(G, "clinician", "stakeholder")
    >>> H = add_members(G, 1, attributes={"stakeholder": "patient"}, links=2)
    >>> table = compare_membership(G, H, diversity_of=["stakeholder"], ei_of=["region"])
    >>> table.loc["E-I index by region"].round(3).tolist()  # before (1 - 2) / 3; after (2 - 3) / 5
    [-0.333, -0.2, 0.133]
    >>> print(round(table.loc["IQV by stakeholder", "after"], 3))  # 1 - (0.8**2 + 0.2**2) = 0.32, over 1 - 1/2
    0.64

    Notes
    -----
    For a network leader: read the rows together. Voices present and Blau's index say who is
    in the room; the E-I index says whether the room is one conversation or several. New
    members tied into one group add voices but leave silos as they were.

    References
    ----------
    Blau, P. M. (1977). Inequality and Heterogeneity. Free Press.
    Agresti, A. & Agresti, B. F. (1978). Statistical analysis of qualitative variation.
    Sociological Methodology 9, 204-237.
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises.
    Social Psychology Quarterly 51(2), 123-140.
    """
    _check_graph(before, "compare_membership")
    _check_graph(after, "compare_membership")
    if isinstance(voices, str):
        voices = (voices,)
    categories = {attribute: _categories(before, after, attribute) for attribute in diversity_of}
    row_before, _ = _measures(before, categories, diversity_of, ei_of, voices_attribute, voices, target)
    row_after, present = _measures(after, categories, diversity_of, ei_of, voices_attribute, voices, target)
    table = pd.DataFrame({"before": pd.Series(row_before, dtype=float), "after": pd.Series(row_after, dtype=float)})
    table["change"] = table["after"] - table["before"]
    table.attrs["verdict"] = present.verdict
    return table
