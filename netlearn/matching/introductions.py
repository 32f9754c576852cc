"""Introductions that knit groups together: :func:`suggest_introductions`, and
:func:`ties_between_groups` (how many ties join each pair of groups) on which it draws.

Pairs are proposed between the groups with the fewest ties between them (the widest structural
holes, Burt 1992), choosing on each side someone well connected at home (Granovetter 1973).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..errors import MeasureError
from ..fastgraph import check_graph, node_attribute
from .topics import check_count, member_names, plural, resolve_member

__all__ = ["suggest_introductions", "ties_between_groups"]


# --------------------------------------------------------------------------- knitting groups


def ties_between_groups(G, group="region"):
    """How many ties join each pair of groups: a square table, ties inside each group on the diagonal.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        In a directed graph each pair of members tied in either direction counts once.
    group : str, optional
        Node attribute naming each member's group (every member needs one).

    Returns
    -------
    pandas.DataFrame
        Rows and columns are the groups (sorted); the entry for two different groups is the number
        of ties between their members, and the diagonal holds the ties inside each group.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a1", "a2"), ("a2", "b1"), ("b1", "b2")])
    >>> nx.set_node_attributes(G, {"a1": "A", "a2": "A", "b1": "B", "b2": "B"}, "team")
    >>> ties_between_groups(G, "team")
    team  A  B
    team
    A     1  1
    B     1  1
    """
    check_graph(G, what="ties_between_groups")
    groups = node_attribute(G, group, what="ties_between_groups")
    names = sorted({str(g) for g in groups.values()})
    counts = Counter()
    for u, v in _undirected_pairs(G):
        a, b = sorted((str(groups[u]), str(groups[v])))
        counts[a, b] += 1
    table = pd.DataFrame(0, index=pd.Index(names, name=group), columns=pd.Index(names, name=group))
    for (a, b), n in counts.items():
        table.loc[a, b] = n
        table.loc[b, a] = n
    return table


def _undirected_pairs(G):
    if not G.is_directed():
        return [(u, v) for u, v in G.edges() if u != v]
    seen = set()
    pairs = []
    for u, v in G.edges():
        if u == v:
            continue
        key = frozenset((u, v))
        if key not in seen:
            seen.add(key)
            pairs.append((u, v))
    return pairs


def suggest_introductions(G, group="region", k=10, *, exclude=()):
    """Introductions between members of different groups that would knit the groups together.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Who knows whom (a tie in either direction counts in a directed graph).
    group : str, optional
        Node attribute naming each member's group (default ``"region"``); at least two groups.
    k : int, optional
        How many introductions to suggest (default 10). Fewer come back if the rules run out of
        people (the summary says so).
    exclude : iterable of member ids, optional
        People not to suggest, for example someone already asked to do too much.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``rank`` (1 = suggested first), with columns ``member_a``, ``name_a``,
        ``group_a``, ``member_b``, ``name_b``, ``group_b``, ``ties_between_groups`` (ties between
        the two groups in the data, before any introduction), ``reach`` (how many people the two
        know inside their own groups together) and ``reason`` in plain words.
        ``attrs["summary"]`` describes the list.

    Notes
    -----
    **The rule, in three parts.**

    1. *Which two groups.* Each suggestion goes to the pair of groups with the fewest ties
       between them, counting the introductions already suggested higher up the list. A pair of
       groups with no tie at all is a structural hole (Burt 1992): nothing passes between them
       except by luck. Counting earlier suggestions spreads the list over many pairs of groups
       rather than piling it on one.
    2. *Which two people.* On each side, the member with the most ties inside their own group,
       among those with no tie to the other group yet: what crosses the new bridge can then
       spread to many people at home, in the way that Granovetter (1973) describes weak ties
       carrying news between close-knit circles. People already tied to the other group are
       skipped because they already bridge that hole.
    3. *Nobody twice.* Each member appears in at most one suggestion, so the work of bridging
       is shared rather than heaped on a few connectors.

    Ties are broken by the larger ``reach``, then by group names and member ids, so the list is
    the same on every run. The rule looks at structure only: whether two people would get on,
    or have time, is for a conversation with them.

    Examples
    --------
    Three teams; A and B share a tie, B and C share a tie, A and C share none, so the first
    suggestion links A and C, through the best-connected member of each:

    >>> import networkx as nx
    >>> G = nx.Graph([("a1", "a2"), ("a1", "a3"), ("b1", "b2"), ("c1", "c2"), ("c1", "c3"),
    ...               ("a2", "b2"), ("b1", "c2")])
    >>> nx.set_node_attributes(G, {n: n[0].upper() for n in G}, "team")
    >>> ideas = suggest_introductions(G, "team", k=2)
    >>> ideas[["member_a", "member_b", "ties_between_groups"]]
         member_a member_b  ties_between_groups
    rank
    1          a1       c1                    0
    2          a3       b1                    1
    """
    check_graph(G, what="suggest_introductions")
    check_count(k, "k", low=1, what="how many introductions to suggest")
    groups = node_attribute(G, group, what="suggest_introductions")
    groups = {v: str(g) for v, g in groups.items()}
    group_names = sorted(set(groups.values()))
    if len(group_names) < 2:
        raise MeasureError(f"Every member is in the same {group} ('{group_names[0]}'), so there are no groups "
                           f"to knit together. Choose an attribute with at least two values, such as 'region'.")
    names = member_names(G)
    excluded = set()
    for person in ([exclude] if isinstance(exclude, str) else list(exclude)):
        excluded.add(resolve_member(G, person, names, role="someone to leave out"))

    inside = Counter()
    reaches = {v: set() for v in G}           # the other groups each member already has a tie to
    between = Counter()
    for u, v in _undirected_pairs(G):
        gu, gv = groups[u], groups[v]
        if gu == gv:
            inside[u] += 1
            inside[v] += 1
        else:
            reaches[u].add(gv)
            reaches[v].add(gu)
            between[tuple(sorted((gu, gv)))] += 1
    candidates = {g: [] for g in group_names}
    for v in G:
        if v not in excluded:
            candidates[groups[v]].append(v)
    for g in group_names:
        candidates[g].sort(key=lambda v: (-inside[v], len(reaches[v]), str(v)))

    pairs = [(a, b) for i, a in enumerate(group_names) for b in group_names[i + 1:]]
    planned = Counter({pair: between[pair] for pair in pairs})
    used = set()

    def best(own, other):
        for v in candidates[own]:
            if v not in used and other not in reaches[v]:
                return v
        return None

    rows = []
    for _ in range(k):
        choice = None
        for a, b in pairs:
            u, w = best(a, b), best(b, a)
            if u is None or w is None:
                continue
            key = (planned[a, b], -(inside[u] + inside[w]), a, b)
            if choice is None or key < choice[0]:
                choice = (key, a, b, u, w)
        if choice is None:
            break
        _, a, b, u, w = choice
        rows.append({"member_a": u, "name_a": names[u], "group_a": a, "member_b": w, "name_b": names[w],
                     "group_b": b, "ties_between_groups": between[a, b], "reach": inside[u] + inside[w],
                     "reason": _introduction_reason(a, b, between[a, b], planned[a, b] - between[a, b],
                                                    names[u], names[w], inside[u], inside[w], group)})
        used.update((u, w))
        planned[a, b] += 1

    columns = ["member_a", "name_a", "group_a", "member_b", "name_b", "group_b", "ties_between_groups", "reach",
               "reason"]
    table = pd.DataFrame(rows, columns=columns, index=pd.RangeIndex(1, len(rows) + 1, name="rank"))
    if len(table):
        table[["ties_between_groups", "reach"]] = table[["ties_between_groups", "reach"]].astype(int)
    words = f"{group}s" if not group.endswith("s") else group
    summary = (f"{plural(len(rows), 'introduction')} between members of different {words}, for the pairs of "
               f"{words} with the fewest ties between them first; each person is suggested once.")
    if len(rows) < k:
        summary += (f" You asked for {k}; the rules ran out of people with no tie yet to the other {group} "
                    "(or left out) after that.")
    zero = [pair for pair in pairs if between[pair] == 0]
    if zero:
        summary += f" {plural(len(zero), 'pair')} of {words} had no tie at all between them."
    table.attrs.update(summary=summary, group=group, k=k)
    return table


def _introduction_reason(a, b, existing, earlier, name_u, name_w, inside_u, inside_w, group):
    if existing == 0:
        link = f"{a} and {b} have no ties between them at all"
    else:
        link = f"{a} and {b} have only {plural(existing, 'tie')} between them"
    if earlier:
        link += f" (and {plural(earlier, 'introduction')} already suggested above)"
    who = (f"{name_u} knows {inside_u} {'person' if inside_u == 1 else 'people'} in {a} and {name_w} knows "
           f"{inside_w} in {b}, and neither knows anyone in the other {group} yet")
    return (f"{link}. {who}: introduced, they would put everyone they know one introduction away from "
            f"someone in the other {group}.")
