"""Who could help a member with a topic, and who could introduce them: :func:`find_helpers`.

It searches outwards from the member, at most :data:`~netlearn.matching.MAX_INTRODUCTIONS`
introductions away, and for each helper found gives the chain of people who would make the
introductions and a reason in plain words.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..errors import MeasureError
from ..fastgraph import check_graph
from ..values import is_missing
from .topics import (
    check_count, comparison_key, listing, MAX_INTRODUCTIONS, member_names, nearest_topics,
    needs_by_member, number_word, plural, resolve_member, split_topics, TopicError, topics_of,
)

__all__ = ["find_helpers"]


def _neighbours(G):
    """A function member -> iterable of the members they are tied to (either direction)."""
    if G.is_directed():
        succ, pred = G.succ, G.pred

        def both(v):
            seen = dict.fromkeys(succ[v])
            seen.update(dict.fromkeys(pred[v]))
            return seen
        return both
    adj = G.adj
    return lambda v: adj[v]


def _search(G, source, depth, blocked=frozenset()):
    """Breadth-first search from ``source`` to ``depth`` steps.

    Returns (steps, routes, parents): for each member reached, the number of steps on a shortest
    chain, the number of different shortest chains, and the members one step closer to ``source``
    on those chains. Members in ``blocked`` are never entered.
    """
    neighbours = _neighbours(G)
    steps = {source: 0}
    routes = {source: 1}
    parents = {source: []}
    frontier = [source]
    for step in range(1, depth + 1):
        following = []
        for u in frontier:
            count = routes[u]
            for w in neighbours(u):
                if w in blocked:
                    continue
                known = steps.get(w)
                if known is None:
                    steps[w] = step
                    routes[w] = count
                    parents[w] = [u]
                    following.append(w)
                elif known == step:
                    routes[w] += count
                    parents[w].append(u)
        if not following:
            break
        frontier = following
    return steps, routes, parents


def _chain(parents, target):
    """One shortest chain from the source to ``target``: at each step back, the smallest id."""
    chain = [target]
    while parents[chain[-1]]:
        chain.append(min(parents[chain[-1]], key=lambda v: (str(v), repr(v))))
    chain.reverse()
    return tuple(chain)


# --------------------------------------------------------------------------- find_helpers


def find_helpers(G, member, topic, *, max_introductions=2, offers="can_help_with", needs="needs_help_with",
                 topics=None, group="region", exclude=(), top=None):
    """Who could help ``member`` with ``topic``, and who could introduce them: a ranked table.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Who knows whom well enough to introduce people, e.g. ``net.graph("knows")``. In a
        directed graph a tie in either direction counts.
    member : str
        The member asking for help: an id, or a name that only one member has.
    topic : str
        What they need help with, e.g. ``"evaluation"``. Case and extra spaces do not matter, but
        the topic must be one of the topics members list (the error lists them if it is not).
    max_introductions : int, optional
        The longest chain of introductions to look along (default 2; from 0 to
        :data:`MAX_INTRODUCTIONS`). 0 looks only at people the member already knows.
    offers : str, optional
        Node attribute listing what each member can help with (``"; "``-separated text or a
        list). Default ``"can_help_with"``.
    needs : str, optional
        Node attribute listing what members need help with; used only in messages (how many
        members need a topic nobody offers). ``None`` to ignore.
    topics : mapping, optional
        Member id -> what they can help with, given separately instead of ``offers``.
    group : str, optional
        Node attribute shown beside each helper (default ``"region"``; left out if no member has it).
    exclude : iterable of member ids, optional
        People to leave out altogether, neither helpers nor introducers (for example someone
        already overloaded with requests).
    top : int, optional
        Keep only the first ``top`` rows (default: all helpers within reach).

    Returns
    -------
    pandas.DataFrame
        One row per helper within reach, best first, indexed by member id (index name
        ``helper``), with columns ``name``, the ``group`` column (when members have it),
        ``introductions`` (0, 1, 2...), ``introduced_by`` (the introducers' names in order,
        joined by arrows; empty for people already known), ``path`` (the ids from the member to
        the helper), ``routes`` (how many different shortest chains there are) and ``reason`` (a
        sentence addressed to the member asking, e.g. "You both know Ann, who could introduce you.").
        ``table.attrs["summary"]`` holds a sentence about the whole search, and ``attrs`` also
        records ``member``, ``topic``, ``offered_by`` (how many members offer the topic) and
        ``max_introductions``.

    Raises
    ------
    MemberError
        If ``member`` (or someone in ``exclude``) is not in the network; close matches are suggested.
    TopicError
        If no member mentions ``topic`` at all (the known topics are listed), or if members need
        it but nobody offers it (the nearest topics that are offered are suggested).

    Notes
    -----
    **How it works.** A breadth-first search from ``member`` follows ties outwards, one step at
    a time, for at most ``max_introductions + 1`` steps, and counts the shortest chains to every
    member it reaches. A helper ``s`` steps away needs ``s - 1`` introductions: one step is
    someone you already know, two steps a friend of a friend (one introduction), three steps two
    introductions. Only that neighbourhood is visited, so the search stays quick in a community of
    thousands.

    **Ranking.** Fewest introductions first; then more routes first (a helper you can reach
    through several people does not depend on one introducer being willing and available); then
    by id, so the order never changes from run to run. When there are several shortest chains,
    the one shown picks, at each step, the introducer whose id comes first; ``routes`` says how
    many others there are.

    For a network leader, the table is a starting point for a conversation, not a referral:
    ask the introducers and the helper before making the connection, and watch that the same
    few people are not asked every time.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bo"), ("ann", "cy"), ("bo", "dee"), ("cy", "dee"), ("ann", "eve")])
    >>> nx.set_node_attributes(G, {"dee": "evaluation", "eve": "evaluation; digital tools"}, "can_help_with")
    >>> table = find_helpers(G, "ann", "Evaluation")
    >>> table[["introductions", "routes", "path"]]
            introductions  routes             path
    helper
    eve                 0       1       (ann, eve)
    dee                 1       2  (ann, bo, dee)
    >>> print(table.attrs["summary"])  # doctest: +NORMALIZE_WHITESPACE
    2 members can help with evaluation, and both are within two introductions of ann:
    1 already known and 1 a friend of a friend.
    """
    check_graph(G, what="find_helpers")
    check_count(max_introductions, "max_introductions", low=0, high=MAX_INTRODUCTIONS,
                 what="how many introductions a chain may need")
    if top is not None:
        check_count(top, "top", low=1, what="how many helpers to show")
    names = member_names(G)
    asker = resolve_member(G, member, names)
    blocked = set()
    for person in ([exclude] if isinstance(exclude, str) else list(exclude)):
        who = resolve_member(G, person, names, role="someone to leave out")
        if who == asker:
            raise MeasureError(f"{names[asker]} is the member asking for help, so they cannot also be left out.")
        blocked.add(who)

    offering, label = _offering(G, offers, topics, topic)
    if not offering:  # say kindly what is known (this reads every member's topics, so only on this path)
        offered = topics_of(G, offers, topics=topics)
        _topic_key(G, topic, offered, needs, offers if topics is None else "the topics given")
    helpers_all = [v for v in offering if v != asker and v not in blocked]

    steps, routes, parents = _search(G, asker, max_introductions + 1, frozenset(blocked))
    reached = [v for v in helpers_all if v in steps]
    reached.sort(key=lambda v: (steps[v], -routes[v], str(v)))

    columns = ["name"]
    nodes = G.nodes
    show_group = bool(group) and any(not is_missing(d.get(group)) for _, d in G.nodes(data=True))
    if show_group:
        columns.append(group)
    columns += ["introductions", "introduced_by", "path", "routes", "reason"]

    shown = reached if top is None else reached[:top]
    rows = []
    for v in shown:
        path = _chain(parents, v)
        row = {"name": names[v]}
        if show_group:
            value = nodes[v].get(group)
            row[group] = value if not is_missing(value) else ""
        row.update(introductions=steps[v] - 1, introduced_by=" → ".join(names[x] for x in path[1:-1]),
                   path=path, routes=routes[v], reason=_helper_reason(path, routes[v], label, names))
        rows.append(row)
    table = pd.DataFrame(rows, columns=columns, index=pd.Index(shown, name="helper", dtype=object))
    if len(table):
        table["introductions"] = table["introductions"].astype(int)
        table["routes"] = table["routes"].astype(int)
    table.attrs.update(
        member=asker, topic=label, offered_by=len(offering), max_introductions=max_introductions,
        summary=_helpers_summary(G, asker, label, offering, helpers_all, reached, steps, len(shown),
                                 max_introductions, names, blocked),
    )
    return table


def _offering(G, offers, topics, topic):
    """(members who offer ``topic``, in graph order; the topic as the first of them wrote it).

    Only cells that contain every word of the topic are split into items, which keeps the search
    quick in a community of thousands; the answer is the same as splitting every cell.
    """
    if not isinstance(topic, str) or not topic.strip():
        raise TopicError(f"Give the topic as text, such as 'evaluation'; got {topic!r}.", heading="Which topic?")
    wanted = comparison_key(topic)
    words = wanted.split()
    if topics is not None:
        cells = topics_of(G, topics=topics).items()
    else:
        cells = ((v, d.get(offers)) for v, d in G.nodes(data=True))
    found, label = [], None
    for member, cell in cells:
        if isinstance(cell, str):
            folded = cell.casefold()
            if not all(word in folded for word in words):
                continue
            items = cell.split(";")
        elif cell is None:
            continue
        else:
            items = split_topics(cell)
        for item in items:
            if " ".join(str(item).casefold().split()) == wanted:
                found.append(member)
                label = label or " ".join(str(item).split())
                break
    return found, (label or topic.strip())


def _topic_key(G, topic, offered, needs, source):
    """The comparison key of ``topic``, or a kind TopicError saying what is known."""
    if not isinstance(topic, str) or not topic.strip():
        raise TopicError(f"Give the topic as text, such as 'evaluation'; got {topic!r}.",
                         heading="Which topic?")
    wanted = comparison_key(topic)
    offered_keys = {}
    for items in offered.values():
        for item in items:
            offered_keys.setdefault(comparison_key(item), item)
    if wanted in offered_keys:
        return wanted
    needed = needs_by_member(G, needs)
    needed_by = [v for v, items in needed.items() if wanted in {comparison_key(t) for t in items}]
    offered_list = sorted(offered_keys.values(), key=str.casefold)
    if needed_by:
        nearest = nearest_topics(topic, offered_list)
        near = (f" The nearest topics that members do offer: {listing([repr(t) for t in nearest])}."
                if nearest else "")
        raise TopicError(
            f"Nobody lists {topic.strip()!r} among what they can help with yet, although "
            f"{plural(len(needed_by), 'member')} would like help with it. That is worth knowing in itself: "
            f"it may be a gap the community could fill together, for example by bringing those members "
            f"together as peers.{near}",
            heading="Nobody offers that topic yet", suggestions=nearest)
    if not offered_list:
        raise TopicError(f"No member lists anything in {source}, so there is nothing to match {topic.strip()!r} "
                         "against. Fill in what members can help with, or pass topics=... .",
                         heading="No topics to match on")
    nearest = nearest_topics(topic, offered_list)
    hint = f" Did you mean {' or '.join(repr(t) for t in nearest[:2])}?" if nearest else ""
    raise TopicError(f"No member mentions {topic.strip()!r}.{hint} The topics members offer are: "
                     f"{', '.join(offered_list)}.", heading="That topic is not in this network",
                     suggestions=nearest)


def _helper_reason(path, routes, topic, names):
    helper, introducers = names[path[-1]], [names[x] for x in path[1:-1]]
    first = f"{helper} can help with {topic}."
    if not introducers:
        return f"{first} You already know {helper}."
    if len(introducers) == 1:
        shared = (f" You and {helper} have {routes} contacts in common, so others could introduce you too."
                  if routes > 1 else "")
        return f"{first} You both know {introducers[0]}, who could introduce you.{shared}"
    chain = ", who knows ".join(introducers + [helper])
    people = introducers + [helper]
    moves = [f"{introducers[0]} could introduce you to {people[1]}"]
    moves += [f"{a} to {b}" for a, b in zip(people[1:], people[2:])]
    text = f"{first} You know {chain}: {', and '.join(moves)}."
    if routes > 1:
        text += f" There are {routes} chains of this length."
    return text


def _helpers_summary(G, asker, topic, offering, helpers_all, reached, steps, shown, depth, names, blocked):
    who = names[asker]
    own = f" {who} offers it too." if asker in offering else ""
    left = f" ({plural(len(blocked), 'member')} left out as asked.)" if blocked else ""
    total = len(helpers_all)
    head = f"{plural(total, 'member')} can help with {topic}"
    if total == 0:
        return f"Nobody apart from {who} offers help with {topic}.{left}"
    within = f"among the people {who} already knows" if depth == 0 else \
        f"within {number_word(depth)} introduction{'s' if depth != 1 else ''} of {who}"
    if not reached:
        nearest = _nearest_distance(G, asker, set(helpers_all), blocked)
        if nearest is None:
            far = f" None of them can be reached from {who} through the ties in this network."
        else:
            far = (f" The nearest is {plural(nearest - 1, 'introduction')} away; try allowing longer chains, or "
                   "ask someone well connected in another group.")
        return f"{head}, but none is {within}.{far}{own}{left}"
    counts = Counter(steps[v] - 1 for v in reached)
    parts = []
    for k in sorted(counts):
        if k == 0:
            parts.append(f"{counts[k]} already known")
        elif k == 1:
            parts.append(f"{counts[k]} a friend of a friend")
        else:
            parts.append(f"{counts[k]} {number_word(k)} introductions away")
    if len(reached) == total:
        amount = "both are" if total == 2 else ("they are" if total == 1 else f"all {total} are")
        text = f"{head}, and {amount} {within}"
    else:
        text = f"{head}; {len(reached)} {'is' if len(reached) == 1 else 'are'} {within}"
    text += (": " + listing(parts) + ".") if depth > 0 else "."
    if shown < len(reached):
        text += f" The table shows the first {shown}."
    return text + own + left


def _nearest_distance(G, source, targets, blocked):
    """Steps from source to the nearest of ``targets`` (a full search), or None if none is reachable."""
    steps, _, _ = _search(G, source, len(G), frozenset(blocked))
    found = [steps[v] for v in targets if v in steps]
    return min(found) if found else None
