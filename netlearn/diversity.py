"""Diversity of a network's membership, and how far its ties cross group boundaries.

A network brings people together across boundaries - organisations, professions, regions, the
line between those who provide care and those who use it. This module measures two different
things, and a leader needs both:

* **Who is in the room.** :func:`blau_index` and :func:`iqv` say how evenly members are spread
  over categories (sectors, stakeholder groups, regions); :func:`voices_present` checks whether
  patients, carers and citizens make up the share you aimed for.
* **Whether ties cross boundaries.** A diverse membership can still talk only within its own
  groups. The E-I index of Krackhardt & Stern (1988) compares ties between groups with ties
  within them: :func:`ei_index` for the whole network, :func:`ei_index_by_group` per group and
  :func:`ei_index_by_member` per member.

Every function takes either a list of values (or a pandas Series) or a networkx graph with the
name of a node attribute, as :meth:`netlearn.Network.graph` produces:

>>> import networkx as nx
>>> G = nx.Graph([("ann", "bo"), ("bo", "cy"), ("cy", "dee")])
>>> nx.set_node_attributes(G, {"ann": "ward", "bo": "ward", "cy": "gp", "dee": "gp"}, "group")
>>> blau_index(G, "group")
0.5
>>> ei_index(G, "group")  # one tie between groups, two within: (1 - 2) / 3
-0.3333333333333333

Missing values are never dropped silently: by default a member with no value stops the
calculation with a message that counts them; ``missing="ignore"`` leaves them out and warns how
many were left out.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from .display import Readable, table_for_learners
from .errors import DataError, MeasureError
from .values import is_missing
from .weights import check_weights

__all__ = ["blau_index", "iqv", "ei_index", "ei_index_by_group", "ei_index_by_member",
           "voices_present", "VoicesPresent"]

_MISSING_CHOICES = ("error", "ignore")
_DIRECTIONS = ("out", "in", "both")


# --------------------------------------------------------------------------- reading values


def _check_choice(name, value, choices):
    if value not in choices:
        raise ValueError(f"{name}={value!r} is not one of the accepted values: "
                         f"{', '.join(repr(c) for c in choices)}.")


def _node_attributes(G):
    """Sorted names of the attributes that at least one node of G carries."""
    return sorted({key for _, data in G.nodes(data=True) for key in data})


def _graph_values(G, attribute):
    """Series node -> value of ``attribute`` (None where a node lacks it)."""
    if attribute is None:
        raise ValueError("Say which node attribute to use, e.g. blau_index(G, 'sector').")
    if G.number_of_nodes() == 0:
        raise ValueError("The graph has no members, so there is nothing to measure.")
    known = _node_attributes(G)
    if attribute not in known:
        listed = ", ".join(repr(a) for a in known) if known else "none"
        raise ValueError(f"No member has the attribute {attribute!r}. The attributes members have are: "
                         f"{listed}.")
    return pd.Series({node: data.get(attribute) for node, data in G.nodes(data=True)}, dtype=object)


def _values(values, attribute=None):
    """The category values as an object Series, from a list, Series, dict, graph, Network or DataFrame."""
    if isinstance(values, nx.Graph):
        return _graph_values(values, attribute)
    if hasattr(values, "members") and isinstance(values.members, pd.DataFrame):  # a Network
        return _frame_values(values.members.set_index("id"), attribute)
    if isinstance(values, pd.DataFrame):
        return _frame_values(values, attribute)
    if isinstance(values, str):
        raise ValueError(f"Expected several values (a list or a column), got the single text {values!r}.")
    if isinstance(values, dict):
        values = pd.Series(values, dtype=object)
    series = pd.Series(values, dtype=object) if not isinstance(values, pd.Series) else values.astype(object)
    if series.empty:
        raise ValueError("There are no values, so there is nothing to measure.")
    return series


def _frame_values(frame, attribute):
    if attribute is None:
        raise ValueError("Say which column to use, e.g. blau_index(net, 'sector').")
    if attribute not in frame.columns:
        raise ValueError(f"There is no column {attribute!r}. The columns are: "
                         f"{', '.join(repr(str(c)) for c in frame.columns)}.")
    if frame.empty:
        raise ValueError("The table has no rows, so there is nothing to measure.")
    return frame[attribute].astype(object)


def _known(series, missing, what="value"):
    """The series without missing values; an error (default) or a warning counts the missing ones."""
    _check_choice("missing", missing, _MISSING_CHOICES)
    gaps = series.map(is_missing).astype(bool)
    if gaps.any():
        count = int(gaps.sum())
        shown = ", ".join(str(i) for i in list(series.index[gaps])[:10])
        more = f" and {count - 10} more" if count > 10 else ""
        message = (f"{count} of {len(series)} members {'has' if count == 1 else 'have'} no {what} recorded "
                   f"({shown}{more}).")
        if missing == "error":
            raise DataError(message, fix="Fill in the missing values, or pass missing='ignore' to leave "
                                         "those members out (the result then describes only the others).")
        warnings.warn(message + " They were left out.", UserWarning, stacklevel=3)
    known = series[~gaps]
    if known.empty:
        raise DataError(f"No member has a {what} recorded, so there is nothing to measure.")
    return known


# --------------------------------------------------------------------------- Blau and IQV


def blau_index(values, attribute=None, *, missing="error"):
    """Blau's index of heterogeneity: the chance that two members drawn at random differ.

    In words: for each category take its share of members, square it, add the squares up and
    subtract the total from one, ``1 - sum(p_i ** 2)``.

    Parameters
    ----------
    values : list, pandas Series, dict, networkx graph, Network or DataFrame
        The category of each member, or something holding them: with a graph, Network or
        DataFrame, ``attribute`` names the node attribute or column.
    attribute : str, optional
        Node attribute or column, e.g. ``"sector"``; needed unless ``values`` is a list or Series.
    missing : {"error", "ignore"}
        Members with no value stop the calculation (default) with a message counting them;
        ``"ignore"`` leaves them out and warns how many.

    Returns
    -------
    float
        0 when everyone is in one category; at most ``1 - 1/k`` with ``k`` categories, reached
        when members are spread equally across them.

    Examples
    --------
    >>> blau_index(["nurse", "nurse", "manager", "manager"])  # 1 - (0.5**2 + 0.5**2)
    0.5
    >>> blau_index(["acute"] * 3)
    0.0

    Notes
    -----
    For a network leader: a low value says most members come from one or two places, and the
    network may hear the same views again and again. Because the maximum grows with the number
    of categories, compare networks with the same set of categories, or use :func:`iqv`.

    Reference: Blau, P. M. (1977). *Inequality and Heterogeneity: A Primitive Theory of Social
    Structure*. New York: Free Press.
    """
    known = _known(_values(values, attribute), missing, attribute or "value")
    shares = known.value_counts(normalize=True)
    return float(1.0 - (shares ** 2).sum())


def iqv(values, attribute=None, *, categories=None, missing="error"):
    """Index of qualitative variation: Blau's index divided by its largest possible value.

    In words: ``blau_index / (1 - 1/k)``, where ``k`` is the number of categories. The result
    runs from 0 (everyone in one category) to 1 (members spread equally over all ``k``).

    Parameters
    ----------
    values, attribute, missing
        As for :func:`blau_index`.
    categories : list, optional
        The categories a member *could* be in. When given, ``k`` is their number, so an empty
        category pulls the index down, and a value outside the list is an error. When left out,
        ``k`` is the number of categories *observed*: the index then says how evenly members are
        spread over the categories that are there, and cannot see that one is missing.

    Returns
    -------
    float
        Between 0 and 1.

    Raises
    ------
    ValueError
        When ``k`` is 1 (the index is undefined with only one possible category) or a value is
        not in ``categories``.

    Examples
    --------
    >>> iqv(["nurse", "nurse", "manager", "manager"])  # 0.5 / (1 - 1/2)
    1.0
    >>> iqv(["nurse", "nurse", "manager", "manager"], categories=["nurse", "manager", "patient"])
    0.75

    Notes
    -----
    For a network leader: passing the categories you hoped to have (every sector of your
    partnership, say) makes the index honest about the ones that are absent.

    Reference: Agresti, A. & Agresti, B. F. (1978). Statistical analysis of qualitative
    variation. *Sociological Methodology*, 9, 204-237.
    """
    known = _known(_values(values, attribute), missing, attribute or "value")
    if categories is None:
        k = known.nunique()
        if k < 2:
            raise ValueError(f"Every member is in the same category ({known.iloc[0]!r}), and no other "
                             "categories were given, so the IQV is undefined. Pass categories=[...] with "
                             "every category a member could be in (the IQV is then 0).")
    else:
        categories = list(dict.fromkeys(categories))
        outside = sorted({str(v) for v in known if v not in categories})
        if outside:
            raise ValueError(f"Values not in categories: {', '.join(outside)}. Add them to categories, "
                             f"or correct the values. categories is: {', '.join(map(str, categories))}.")
        k = len(categories)
        if k < 2:
            raise ValueError("categories lists only one category; the IQV needs at least two.")
    return blau_index(known) * k / (k - 1)  # = blau / (1 - 1/k)


# --------------------------------------------------------------------------- E-I index


def _groups_of(G, attribute, missing):
    """dict node -> group; checks the graph, the attribute and that there are two groups."""
    if not isinstance(G, nx.Graph):
        raise TypeError("The E-I index needs a networkx graph, e.g. net.graph('knows').")
    if G.is_multigraph():
        raise MeasureError("The E-I index needs a graph with at most one tie per pair of members (per "
                           "direction), but this is a multigraph, where repeated ties would be counted again. "
                           "Combine them first, e.g. nx.Graph(G) or nx.DiGraph(G).")
    groups = _known(_graph_values(G, attribute), missing, attribute)
    if groups.nunique() < 2:
        raise ValueError(f"Every member is in the same {attribute} ({groups.iloc[0]!r}), so every tie is "
                         "inside the group and the E-I index is -1 by construction. Use an attribute "
                         "that splits members into at least two groups.")
    return groups.to_dict()


def _ties(G, groups, weight):
    """(u, v, w, same_group) for each tie between two classified members; self-ties are skipped.

    Each tie is listed once: an undirected tie once (not once per end), a directed tie once.
    Weights must be 0 or more and on every tie (see :func:`netlearn.weights.check_weights`).
    """
    check_weights(G, weight, what="The E-I index", sign="non-negative")
    rows = []
    for u, v, w in G.edges(data=weight, default=1):
        if u == v or u not in groups or v not in groups:
            continue
        rows.append((u, v, 1 if weight is None else w, groups[u] == groups[v]))
    if not rows:
        raise ValueError("The graph has no ties between members with a known group, so there is nothing "
                         "for the E-I index to count.")
    return rows


def _ei(external, internal):
    total = external + internal
    return (external - internal) / total if total else math.nan


def ei_index(G, attribute, *, weight=None, missing="error"):
    """Krackhardt & Stern's E-I index of the whole network: do ties cross group boundaries?

    In words: count the ties between members of different groups (E, external) and the ties
    between members of the same group (I, internal); the index is ``(E - I) / (E + I)``.

    Parameters
    ----------
    G : networkx Graph or DiGraph
        E.g. ``net.graph("knows")``. Each undirected tie is counted once (not once per end);
        each directed tie is counted once, so a reciprocated pair counts twice. Ties from a
        member to themself are skipped.
    attribute : str
        The node attribute that defines groups, e.g. ``"region"`` or ``"sector"``.
    weight : str, optional
        Edge attribute to add up instead of counting ties (e.g. ``"weight"``). Weights must be 0
        or more and every tie needs one: a signed rating (energy from -2 to +2) would let a
        negative tie cancel a positive one and push the index outside -1 to +1, so it is refused
        with a :class:`~netlearn.MeasureError`, as is a tie without a weight.
    missing : {"error", "ignore"}
        Members with no value for ``attribute``: an error (default), or leave out their ties
        with a warning.

    Returns
    -------
    float
        From -1 (every tie inside a group) to +1 (every tie between groups).

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "team")
    >>> ei_index(G, "team")  # E = 2 (b-c, a-d), I = 2 (a-b, c-d): (2 - 2) / 4
    0.0

    Notes
    -----
    For a network leader: values near -1 mean groups talk mostly among themselves (strong
    bonds, but learning may not travel); values near +1 mean ties mostly cross boundaries. The
    value also depends on group sizes: when one group is much larger than the others, most of
    its members' possible partners are inside it, so a negative value is expected even if
    people chose partners regardless of group. In an experimental simulation (not a field
    study), Krackhardt & Stern found that simulated organisations whose informal ties crossed
    departments coped better with a crisis.

    Reference: Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational
    crises: an experimental simulation. *Social Psychology Quarterly*, 51(2), 123-140.
    """
    groups = _groups_of(G, attribute, missing)
    external = internal = 0
    for _, _, w, same in _ties(G, groups, weight):
        if same:
            internal += w
        else:
            external += w
    if external + internal == 0:
        raise MeasureError(f"Every tie between members with a known {attribute} has {weight!r} 0, so there is no "
                           "weight to compare inside and between groups. Leave weight=None to count ties.")
    return float(_ei(external, internal))


def ei_index_by_group(G, attribute, *, direction="both", weight=None, missing="error"):
    """The E-I index of each group: does this group's ties reach outside it?

    In words: for group g, I is the number of ties between two members of g and E the number of
    ties between a member of g and a non-member; the index is ``(E - I) / (E + I)``.

    Parameters
    ----------
    G, attribute, weight, missing
        As for :func:`ei_index`.
    direction : {"both", "out", "in"}
        Directed graphs only (ignored for undirected ones). ``"out"``: E counts ties that
        members of g send to other groups; ``"in"``: ties they receive from other groups;
        ``"both"`` (default): both. I always counts each tie inside g once.

    Returns
    -------
    DataFrame
        One row per group (sorted): ``members``, ``internal``, ``external`` and ``ei_index``.
        A group none of whose members has a tie gets ``ei_index`` NaN (there is nothing to
        count), which its zero ``internal`` and ``external`` make visible.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}, "team")
    >>> ei_index_by_group(G, "team")  # x: I = 2, E = 1 (c-d); y: I = 1, E = 1
          members  internal  external  ei_index
    group
    x           3         2         1 -0.333333
    y           2         1         1  0.000000

    Notes
    -----
    For a network leader: a group with a value near -1 is inward-looking - a place to build
    links from, perhaps through a member who already spans boundaries (see
    :func:`ei_index_by_member`).

    Reference: Krackhardt, D. & Stern, R. N. (1988), as in :func:`ei_index`.
    """
    _check_choice("direction", direction, _DIRECTIONS)
    groups = _groups_of(G, attribute, missing)
    names = sorted(set(groups.values()), key=str)
    internal, external = dict.fromkeys(names, 0), dict.fromkeys(names, 0)
    both_ends = not G.is_directed() or direction == "both"
    for u, v, w, same in _ties(G, groups, weight):
        if same:
            internal[groups[u]] += w
            continue
        if both_ends or direction == "out":
            external[groups[u]] += w
        if both_ends or direction == "in":
            external[groups[v]] += w
    sizes = pd.Series(groups).value_counts()
    table = pd.DataFrame({"members": [int(sizes[g]) for g in names],
                          "internal": [internal[g] for g in names],
                          "external": [external[g] for g in names]}, index=pd.Index(names, name="group"))
    table["ei_index"] = [_ei(e, i) for e, i in zip(table["external"], table["internal"])]
    return table


def ei_index_by_member(G, attribute, *, direction="both", weight=None, missing="error"):
    """Each member's E-I index: how many of their ties reach other groups?

    In words: for member i, E is the number of i's ties to members of other groups and I the
    number to members of i's own group; the index is ``(E - I) / (E + I)``.

    Parameters
    ----------
    G, attribute, weight, missing
        As for :func:`ei_index`.
    direction : {"both", "out", "in"}
        Directed graphs only. ``"out"``: the ties a member sends (whom they go to);
        ``"in"``: the ties they receive (who comes to them); ``"both"`` (default): all their
        ties, so a reciprocated pair counts twice, once each way.

    Returns
    -------
    DataFrame
        One row per member with a known group: ``group``, ``internal``, ``external``, ``ties``
        (internal + external) and ``ei_index``, sorted from most outward-looking. **Members with
        no ties get ei_index NaN**, not 0: 0 would say their ties are balanced between inside and
        outside, when they have no ties to describe. They are kept (being unconnected is worth
        seeing), with ``ties`` 0, at the bottom of the table.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("a", "c"), ("a", "d")])
    >>> G.add_node("e")
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}, "team")
    >>> ei_index_by_member(G, "team")  # a: E = 2, I = 1
           group  internal  external  ties  ei_index
    member
    c          y         0         1     1  1.000000
    d          y         0         1     1  1.000000
    a          x         1         2     3  0.333333
    b          x         1         0     1 -1.000000
    e          y         0         0     0       NaN

    Notes
    -----
    For a network leader: members with a high value are boundary spanners - the people through
    whom news, ideas and trust travel between groups. Losing them can cut groups off from each
    other.

    Reference: Krackhardt, D. & Stern, R. N. (1988), as in :func:`ei_index`.
    """
    _check_choice("direction", direction, _DIRECTIONS)
    groups = _groups_of(G, attribute, missing)
    internal, external = dict.fromkeys(groups, 0), dict.fromkeys(groups, 0)
    both_ends = not G.is_directed() or direction == "both"
    for u, v, w, same in _ties(G, groups, weight):
        counts = internal if same else external
        if both_ends or direction == "out":
            counts[u] += w
        if both_ends or direction == "in":
            counts[v] += w
    table = pd.DataFrame({"group": pd.Series(groups), "internal": pd.Series(internal),
                          "external": pd.Series(external)})
    table.index.name = "member"
    table["ties"] = table["internal"] + table["external"]
    table["ei_index"] = [_ei(e, i) for e, i in zip(table["external"], table["internal"])]
    return table.sort_values(["ei_index", "ties"], ascending=False, na_position="last", kind="stable")


# --------------------------------------------------------------------------- voices present


@dataclass(repr=False)
class VoicesPresent(Readable):
    """How many members are patients, carers, citizens (or whichever voices you asked about).

    Attributes
    ----------
    share : float
        Share of members who are one of the voices.
    target : float
        The share aimed for.
    count, total : int
        Members who are one of the voices; members counted.
    per_voice : pandas Series
        Count of each voice, in the order asked (zeros included).
    meets_target : bool
    needed : int
        How many more such members would have to join (with nobody leaving) to reach the target;
        0 when it is met.
    verdict : str
        The result in one or two plain sentences.
    """

    share: float
    target: float
    count: int
    total: int
    per_voice: pd.Series = field(repr=False)
    meets_target: bool
    needed: int
    verdict: str

    def __str__(self):
        return self.verdict

    def describe(self):
        return self.verdict

    def _extra_html(self):
        return table_for_learners(self.per_voice.rename("members"), index_label="voice")._repr_html_()


def _population(members, attribute, kind):
    """The attribute values of the members to count (people only, when members have a kind)."""
    if hasattr(members, "members") and isinstance(members.members, pd.DataFrame):
        members = members.members.set_index("id")
    if isinstance(members, pd.DataFrame) and kind is not None and "kind" in members.columns \
            and members["kind"].isin([kind]).any():
        members = members[members["kind"].isin([kind]).to_numpy()]
    return _values(members, attribute)


def _voices_verdict(count, total, share, target, per_voice, needed):
    names = " or ".join([", ".join(f"{v}s" for v in per_voice.index[:-1]), f"{per_voice.index[-1]}s"]) \
        if len(per_voice) > 1 else f"{per_voice.index[0]}s"
    text = f"{count} of {total} members ({share:.0%}) are {names}"
    if needed == 0:
        text += f": at or above the target of {target:.0%}."
    else:
        text += (f", below the target of {target:.0%}. About {needed} more would need to join (with "
                 f"nobody leaving) to reach it.")
    absent = [v for v, c in per_voice.items() if c == 0]
    if absent:
        text += f" There are no {' and no '.join(f'{v}s' for v in absent)}."
    return text


def voices_present(G_or_members, attribute="stakeholder", voices=("patient", "carer", "citizen"),
                   target=0.2, *, kind="person", missing="error"):
    """Are patients, carers and citizens present in the share you aimed for?

    In words: the share is the number of members whose ``attribute`` is one of ``voices``
    divided by the number of members, compared with ``target``.

    Parameters
    ----------
    G_or_members : networkx graph, Network, members DataFrame, Series or list
        The members to count.
    attribute : str
        The node attribute or column holding each member's perspective (default
        ``"stakeholder"``).
    voices : sequence of str
        The values that count as the voices you want present (matched ignoring case).
    target : float
        The share aimed for, between 0 and 1. The default, 0.2 (one member in five), is the
        course's own choice for its examples, not a published standard: agree your own target
        with your partners.
    kind : str or None
        With a Network or members table that has a ``kind`` column (people and organisations in
        one table), only members of this kind are counted (default ``"person"``, when there are
        any). ``None`` counts everyone.
    missing : {"error", "ignore"}
        Members whose ``attribute`` is blank: an error (default) or left out with a warning.

    Returns
    -------
    VoicesPresent
        ``share``, ``count``, ``total``, ``per_voice`` counts, ``meets_target``, ``needed`` and a
        plain-language ``verdict`` (also what ``print`` shows).

    Examples
    --------
    >>> people = ["patient", "clinician", "manager", "carer", "clinician",
    ...           "manager", "clinician", "manager", "clinician", "manager"]
    >>> result = voices_present(people)
    >>> result.share, result.meets_target, result.per_voice.to_dict()
    (0.2, True, {'patient': 1, 'carer': 1, 'citizen': 0})
    >>> print(result)
    2 of 10 members (20%) are patients, carers or citizens: at or above the target of 20%. There are no citizens.

    Notes
    -----
    For a network leader: co-production needs more than a token seat. If the share is far below
    the target, the verdict says how many more people with lived experience would need to join,
    which is a concrete ask to take to your partners. ``needed`` is the smallest ``x`` with
    ``(count + x) / (total + x) >= target``.
    """
    _check_choice("missing", missing, _MISSING_CHOICES)
    if isinstance(target, bool) or not isinstance(target, (int, float)) or not 0 < target < 1:
        raise ValueError(f"target must be a share between 0 and 1 (e.g. 0.2 for one in five); got {target!r}.")
    if isinstance(voices, str) or not len(voices):
        raise ValueError("voices must be a list of values, e.g. ('patient', 'carer', 'citizen').")
    values = _known(_population(G_or_members, attribute, kind), missing, attribute)
    lowered = values.map(lambda v: str(v).strip().lower())
    per_voice = pd.Series({v: int((lowered == str(v).strip().lower()).sum()) for v in voices}, name="members")
    count, total = int(per_voice.sum()), len(values)
    share = count / total
    needed = 0 if share >= target else max(1, math.ceil((target * total - count) / (1 - target) - 1e-9))
    verdict = _voices_verdict(count, total, share, target, per_voice, needed)
    return VoicesPresent(share, target, count, total, per_voice, needed == 0, needed, verdict)
