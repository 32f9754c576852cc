"""Matching needs to offers through short chains of introductions, and knitting groups together.

In a community of thousands nobody knows everyone, yet the help a member needs is often two or
three handshakes away. This module turns two questions a network leader can ask of a large
community into tables:

* :func:`find_helpers` - "who could help me with this, and who could introduce us?" It lists
  the members who offer help with a topic, how many introductions would reach each of them
  (0: you already know them; 1: a friend of a friend; 2: a friend of a friend of a friend), the
  chain of people who would make the introductions, and a reason in plain words.
* :func:`suggest_introductions` - "which introductions would knit our regions together?" It
  proposes pairs of members in different groups, starting with the groups that have the fewest
  ties between them (the widest structural holes, Burt 1992), and picking on each side someone
  well connected at home, so that what crosses the new bridge can travel on (Granovetter 1973).

Two helpers support them: :func:`ties_between_groups` (how many ties join each pair of groups)
and :func:`add_topics` / :func:`large_community` (a seeded community of thousands of members
with topics to match on, for trying all this at the scale of the Q community).
:func:`scale_timings` times the measures that stay quick at that size.

Both main functions take a networkx graph whose ties mean "these two know each other well
enough to make or ask for an introduction", such as ``net.graph("knows")``. In a directed graph
a tie in either direction counts.

>>> import networkx as nx
>>> G = nx.path_graph(["ann", "bo", "cy", "dee"])
>>> nx.set_node_attributes(G, {"ann": "", "bo": "", "cy": "", "dee": "evaluation; data analysis"},
...                        "can_help_with")
>>> table = find_helpers(G, "ann", "evaluation")
>>> table[["introductions", "introduced_by"]]
        introductions introduced_by
helper
dee                 2     bo → cy
>>> print(table.loc["dee", "reason"])
dee can help with evaluation. You know bo, who knows cy, who knows dee: bo could introduce you to cy, and cy to dee.

References
----------
Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology 78(6), 1360-1380.
Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.
Burt, R. S. (2004). Structural holes and good ideas. American Journal of Sociology 110(2), 349-399.
"""

from __future__ import annotations

import difflib
import random
import re
import time
from collections import Counter

import networkx as nx
import pandas as pd

from .errors import MeasureError, MemberError
from .fastgraph import _missing, check_graph, node_attribute

__all__ = [
    "TopicError",
    "find_helpers",
    "suggest_introductions",
    "ties_between_groups",
    "topics_of",
    "known_topics",
    "add_topics",
    "large_community",
    "scale_timings",
    "MAX_INTRODUCTIONS",
]

#: The longest chain of introductions :func:`find_helpers` will look along. Beyond a handful of
#: introductions a chain stops being a realistic way to reach someone.
MAX_INTRODUCTIONS = 5

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six")
_STOP_WORDS = {"and", "for", "of", "the", "with", "to", "in", "a", "an", "on"}


class TopicError(MeasureError):
    """A topic that nobody in the network mentions, or that nobody offers help with yet.

    The message says which topics the network does know and suggests the nearest ones.
    """

    heading = "No match for that topic"

    def __init__(self, message, *, heading=None, suggestions=()):
        super().__init__(message)
        if heading:
            self.heading = heading
        #: The nearest topics that members do offer, best first.
        self.suggestions = list(suggestions)


# --------------------------------------------------------------------------- topics


def _key(text):
    """A topic as it is compared: lower case, single spaces."""
    return " ".join(str(text).casefold().split())


def _split(value):
    """The topics in one cell: a '; '-separated text, or a list of topics; blanks dropped."""
    if value is None or _missing(value):
        return []
    if isinstance(value, str):
        items = value.split(";")
    else:
        try:
            items = list(value)
        except TypeError:
            items = [value]
    topics, seen = [], set()
    for item in items:
        if item is None or _missing(item):
            continue
        text = " ".join(str(item).split())
        key = text.casefold()
        if text and key not in seen:
            seen.add(key)
            topics.append(text)
    return topics


def topics_of(G, attribute="can_help_with", *, topics=None):
    """Dict member -> list of topics, read from a node attribute or given separately.

    Parameters
    ----------
    G : networkx graph
    attribute : str, optional
        Node attribute holding each member's topics as ``"; "``-separated text (the course's
        file convention) or as a list.
    topics : mapping or pandas Series, optional
        Member id -> topics (text or list). When given, it is used instead of ``attribute``:
        useful when the topics live in another table. Members it leaves out have no topics.

    Returns
    -------
    dict
        Every member of ``G`` -> list of topics (possibly empty), in the order written.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bo")])
    >>> G.nodes["ann"]["can_help_with"] = "evaluation;  Data analysis"
    >>> topics_of(G)
    {'ann': ['evaluation', 'Data analysis'], 'bo': []}
    >>> topics_of(G, topics={"bo": ["patient safety"]})
    {'ann': [], 'bo': ['patient safety']}
    """
    if topics is not None:
        if hasattr(topics, "items") and callable(topics.items):
            given = {str(k) if str(k) in G and k not in G else k: v for k, v in topics.items()}
        else:
            raise MeasureError("topics must map each member id to their topics, e.g. "
                               "{'q001': 'evaluation; data analysis'} or a pandas Series indexed by id.")
        strangers = [k for k in given if k not in G]
        if strangers:
            shown = ", ".join(repr(s) for s in strangers[:5])
            more = f" and {len(strangers) - 5} more" if len(strangers) > 5 else ""
            raise MemberError(f"The topics you gave name {len(strangers)} id(s) that are not members of this "
                              f"network: {shown}{more}. Check that they use the same ids as the graph.")
        return {v: _split(given.get(v)) for v in G}
    values = node_attribute(G, attribute, what="Matching members on topics", required=False)
    return {v: _split(values.get(v)) for v in G}


def known_topics(G, offers="can_help_with", needs="needs_help_with", *, topics=None):
    """Every topic members offer or need, sorted, with how many offer and how many need it.

    Parameters
    ----------
    G : networkx graph
    offers, needs : str, optional
        Node attributes listing what members can help with and need help with. ``needs`` may be
        ``None`` or missing from every member.
    topics : mapping, optional
        Offers given separately (see :func:`topics_of`).

    Returns
    -------
    pandas.DataFrame
        Indexed by topic: ``offered_by`` and ``needed_by`` (numbers of members).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bo")])
    >>> nx.set_node_attributes(G, {"ann": "evaluation", "bo": "evaluation; digital tools"}, "can_help_with")
    >>> nx.set_node_attributes(G, {"ann": "digital tools", "bo": "finding funding"}, "needs_help_with")
    >>> known_topics(G)
                     offered_by  needed_by
    topic
    digital tools             1          1
    evaluation                2          0
    finding funding           0          1
    """
    offered = topics_of(G, offers, topics=topics)
    needed = _needs(G, needs)
    display, offer_count, need_count = {}, Counter(), Counter()
    for lists, counter in ((offered, offer_count), (needed, need_count)):
        for items in lists.values():
            for item in items:
                display.setdefault(_key(item), item)
                counter[_key(item)] += 1
    order = sorted(display, key=lambda k: (display[k].casefold(), display[k]))
    frame = pd.DataFrame({"offered_by": [offer_count[k] for k in order],
                          "needed_by": [need_count[k] for k in order]},
                         index=pd.Index([display[k] for k in order], name="topic"))
    return frame


def _needs(G, needs):
    if needs is None:
        return {v: [] for v in G}
    if not any(not _missing(d.get(needs)) for _, d in G.nodes(data=True)):
        return {v: [] for v in G}
    return {v: _split(d.get(needs)) for v, d in G.nodes(data=True)}


def _nearest_topics(topic, candidates, n=3):
    """The candidates closest to ``topic``: words in common first, then similar spelling."""
    wanted = _key(topic)
    words = {w for w in re.findall(r"[a-z0-9]+", wanted) if w not in _STOP_WORDS}

    def closeness(candidate):
        key = _key(candidate)
        theirs = {w for w in re.findall(r"[a-z0-9]+", key) if w not in _STOP_WORDS}
        shared = len(words & theirs)
        inside = wanted in key or key in wanted
        ratio = difflib.SequenceMatcher(None, wanted, key).ratio()
        return (-(shared + inside), -ratio, key)

    ranked = sorted(candidates, key=closeness)
    useful = [c for c in ranked if closeness(c)[0] < 0 or -closeness(c)[1] >= 0.5]
    return useful[:n]


def _plural(count, word, many=None):
    return f"{count} {word if count == 1 else (many or word + 's')}"


def _number_word(count):
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)


def _listing(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------- members and graphs


class _Names(dict):
    """Member id -> name (the id where there is none), looked up only when first asked for."""

    def __init__(self, G):
        super().__init__()
        self._graph = G

    def __missing__(self, member):
        name = self._graph.nodes[member].get("name")
        text = str(name) if not _missing(name) else str(member)
        self[member] = text
        return text


def _names(G):
    return _Names(G)


def _resolve_member(G, member, names, *, role="the member asking for help"):
    """The id of ``member``: an id of G, or a name that only one member has."""
    if isinstance(member, str) or not hasattr(member, "__iter__"):
        try:
            if member in G:
                return member
        except TypeError:
            pass
    else:
        raise MemberError(f"Give one member as {role}, not {type(member).__name__} of several; for example "
                          f"{next(iter(G))!r}.")
    text = " ".join(str(member).split())
    if text in G:
        return text
    by_name = [v for v in G if names[v].casefold() == text.casefold()]
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        ids = ", ".join(repr(v) for v in sorted(by_name, key=str))
        raise MemberError(f"More than one member is called {text!r} (ids {ids}), so the name does not say "
                          f"which one you mean. Give the id instead.")
    folded = [v for v in G if str(v).casefold() == text.casefold()]
    if len(folded) == 1:
        return folded[0]
    labels = {}
    for v in G:
        labels.setdefault(str(v), v)
        labels.setdefault(names[v], v)
    close = difflib.get_close_matches(text, list(labels), n=3, cutoff=0.6)
    shown = []
    for label in close:
        v = labels[label]
        entry = f"{names[v]} ({v})" if names[v] != str(v) else repr(str(v))
        if entry not in shown:
            shown.append(entry)
    hint = f" Did you mean {' or '.join(shown)}?" if shown else ""
    example = sorted(G, key=str)[0]
    raise MemberError(f"{text!r} is not a member of this network, so it cannot be used as {role}.{hint} "
                      f"Give a member's id (such as {example!r}) or their full name; sorted(G.nodes) lists "
                      f"every id.")


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


def _check_count(value, name, *, low, high=None, what):
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
        limit = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise MeasureError(f"{name} must be a whole number {limit} ({what}); got {value!r}.")


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
    _check_count(max_introductions, "max_introductions", low=0, high=MAX_INTRODUCTIONS,
                 what="how many introductions a chain may need")
    if top is not None:
        _check_count(top, "top", low=1, what="how many helpers to show")
    names = _names(G)
    asker = _resolve_member(G, member, names)
    blocked = set()
    for person in ([exclude] if isinstance(exclude, str) else list(exclude)):
        who = _resolve_member(G, person, names, role="someone to leave out")
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
    show_group = bool(group) and any(not _missing(d.get(group)) for _, d in G.nodes(data=True))
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
            row[group] = value if not _missing(value) else ""
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
    wanted = _key(topic)
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
            items = _split(cell)
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
    wanted = _key(topic)
    offered_keys = {}
    for items in offered.values():
        for item in items:
            offered_keys.setdefault(_key(item), item)
    if wanted in offered_keys:
        return wanted
    needed = _needs(G, needs)
    needed_by = [v for v, items in needed.items() if wanted in {_key(t) for t in items}]
    offered_list = sorted(offered_keys.values(), key=str.casefold)
    if needed_by:
        nearest = _nearest_topics(topic, offered_list)
        near = (f" The nearest topics that members do offer: {_listing([repr(t) for t in nearest])}."
                if nearest else "")
        raise TopicError(
            f"Nobody lists {topic.strip()!r} among what they can help with yet, although "
            f"{_plural(len(needed_by), 'member')} would like help with it. That is worth knowing in itself: "
            f"it may be a gap the community could fill together, for example by bringing those members "
            f"together as peers.{near}",
            heading="Nobody offers that topic yet", suggestions=nearest)
    if not offered_list:
        raise TopicError(f"No member lists anything in {source}, so there is nothing to match {topic.strip()!r} "
                         "against. Fill in what members can help with, or pass topics=... .",
                         heading="No topics to match on")
    nearest = _nearest_topics(topic, offered_list)
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
    left = f" ({_plural(len(blocked), 'member')} left out as asked.)" if blocked else ""
    total = len(helpers_all)
    head = f"{_plural(total, 'member')} can help with {topic}"
    if total == 0:
        return f"Nobody apart from {who} offers help with {topic}.{left}"
    within = f"among the people {who} already knows" if depth == 0 else \
        f"within {_number_word(depth)} introduction{'s' if depth != 1 else ''} of {who}"
    if not reached:
        nearest = _nearest_distance(G, asker, set(helpers_all), blocked)
        if nearest is None:
            far = f" None of them can be reached from {who} through the ties in this network."
        else:
            far = (f" The nearest is {_plural(nearest - 1, 'introduction')} away; try allowing longer chains, or "
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
            parts.append(f"{counts[k]} {_number_word(k)} introductions away")
    if len(reached) == total:
        amount = "both are" if total == 2 else ("they are" if total == 1 else f"all {total} are")
        text = f"{head}, and {amount} {within}"
    else:
        text = f"{head}; {len(reached)} {'is' if len(reached) == 1 else 'are'} {within}"
    text += (": " + _listing(parts) + ".") if depth > 0 else "."
    if shown < len(reached):
        text += f" The table shows the first {shown}."
    return text + own + left


def _nearest_distance(G, source, targets, blocked):
    """Steps from source to the nearest of ``targets`` (a full search), or None if none is reachable."""
    steps, _, _ = _search(G, source, len(G), frozenset(blocked))
    found = [steps[v] for v in targets if v in steps]
    return min(found) if found else None


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
    _check_count(k, "k", low=1, what="how many introductions to suggest")
    groups = node_attribute(G, group, what="suggest_introductions")
    groups = {v: str(g) for v, g in groups.items()}
    group_names = sorted(set(groups.values()))
    if len(group_names) < 2:
        raise MeasureError(f"Every member is in the same {group} ('{group_names[0]}'), so there are no groups "
                           f"to knit together. Choose an attribute with at least two values, such as 'region'.")
    names = _names(G)
    excluded = set()
    for person in ([exclude] if isinstance(exclude, str) else list(exclude)):
        excluded.add(_resolve_member(G, person, names, role="someone to leave out"))

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
    summary = (f"{_plural(len(rows), 'introduction')} between members of different {words}, for the pairs of "
               f"{words} with the fewest ties between them first; each person is suggested once.")
    if len(rows) < k:
        summary += (f" You asked for {k}; the rules ran out of people with no tie yet to the other {group} "
                    "(or left out) after that.")
    zero = [pair for pair in pairs if between[pair] == 0]
    if zero:
        summary += f" {_plural(len(zero), 'pair')} of {words} had no tie at all between them."
    table.attrs.update(summary=summary, group=group, k=k)
    return table


def _introduction_reason(a, b, existing, earlier, name_u, name_w, inside_u, inside_w, group):
    if existing == 0:
        link = f"{a} and {b} have no ties between them at all"
    else:
        link = f"{a} and {b} have only {_plural(existing, 'tie')} between them"
    if earlier:
        link += f" (and {_plural(earlier, 'introduction')} already suggested above)"
    who = (f"{name_u} knows {inside_u} {'person' if inside_u == 1 else 'people'} in {a} and {name_w} knows "
           f"{inside_w} in {b}, and neither knows anyone in the other {group} yet")
    return (f"{link}. {who}: introduced, they would put everyone they know one introduction away from "
            f"someone in the other {group}.")


# --------------------------------------------------------------------------- a large community


def _draw_topics(rng, weights, count):
    """``count`` different topics, each draw proportional to its weight (only rng.random() is used)."""
    pool = list(weights)
    chosen = []
    for _ in range(count):
        total = sum(weights[t] for t in pool)
        point = rng.random() * total
        running = 0.0
        for topic in pool:
            running += weights[topic]
            if point < running:
                break
        chosen.append(topic)
        pool.remove(topic)
    return chosen


#: How common each topic is among offers and needs in :func:`add_topics` (relative weights, made
#: up for the course so that some topics are scarce: they describe no real community).
OFFER_WEIGHTS = {"measurement for improvement": 12, "co-production with patients": 5, "spread and scale": 8,
                 "evaluation": 9, "leading change": 12, "data analysis": 8, "patient safety": 10,
                 "digital tools": 6, "running workshops": 9, "finding funding": 2}
NEED_WEIGHTS = {"measurement for improvement": 6, "co-production with patients": 9, "spread and scale": 9,
                "evaluation": 10, "leading change": 5, "data analysis": 10, "patient safety": 5,
                "digital tools": 8, "running workshops": 3, "finding funding": 12}


def add_topics(members, *, seed=2020, offer_weights=None, need_weights=None):
    """A copy of a members table with ``can_help_with`` and ``needs_help_with`` filled in at random.

    :func:`netlearn.synthetic.make_community` builds large communities without topics; this adds
    them, so that matching can be tried at scale.

    Parameters
    ----------
    members : pandas.DataFrame
        A members table (any columns; one row per member).
    seed : int, optional
        Seed of the :class:`random.Random` that draws every choice (only its ``random()`` method
        is used, whose stream Python keeps the same across versions).
    offer_weights, need_weights : dict, optional
        Topic -> relative weight; default :data:`OFFER_WEIGHTS` and :data:`NEED_WEIGHTS`, which
        make "finding funding" much more needed than offered, as a gap to discover.

    Returns
    -------
    pandas.DataFrame
        The same rows, with two more columns. Each member offers one to three topics and needs one
        to three others, never one they offer; lists are written with ``"; "`` between items.

    Examples
    --------
    >>> import pandas as pd
    >>> table = add_topics(pd.DataFrame({"id": ["a", "b"]}), seed=1)
    >>> list(table.columns)
    ['id', 'can_help_with', 'needs_help_with']
    >>> add_topics(pd.DataFrame({"id": ["a", "b"]}), seed=1).equals(table)
    True
    """
    offer_weights = dict(offer_weights or OFFER_WEIGHTS)
    need_weights = dict(need_weights or NEED_WEIGHTS)
    rng = random.Random(seed)
    offers, needs = [], []
    for _ in range(len(members)):
        given = _draw_topics(rng, offer_weights, 1 + min(int(rng.random() * 3), 2))
        wanted_pool = {t: w for t, w in need_weights.items() if t not in given}
        count = min(1 + min(int(rng.random() * 3), 2), len(wanted_pool))
        wanted = _draw_topics(rng, wanted_pool, count) if wanted_pool else []
        offers.append("; ".join(given))
        needs.append("; ".join(wanted))
    table = members.copy()
    table["can_help_with"] = offers
    table["needs_help_with"] = needs
    return table


def large_community(n_members=4500, *, mean_degree=10, n_regions=10, seed=2020):
    """A synthetic community of thousands, with topics to match on, as a :class:`netlearn.Network`.

    Built with :func:`netlearn.synthetic.make_community` (members in ``n_regions`` regions, most
    ties inside a region, skewed numbers of contacts) and :func:`add_topics` (same ``seed``). It
    describes no real community; 4,500 is about the size the Q community had reached by 2020.

    Examples
    --------
    >>> net = large_community(300, seed=1)
    >>> len(net.members), sorted(net.relation_names)
    (300, ['advice', 'knows'])
    """
    from .network import Network
    from .synthetic import make_community

    tables = make_community(n_members=n_members, mean_degree=mean_degree, n_regions=n_regions, seed=seed)
    members = add_topics(tables["members"], seed=seed)
    info = {"title": f"A large improvement community (synthetic, {n_members:,} members)",
            "origin": "synthetic", "default_relation": "knows",
            "source": f"netlearn.matching.large_community({n_members}, mean_degree={mean_degree}, "
                      f"n_regions={n_regions}, seed={seed})"}
    return Network.from_frames(members, tables["ties"], relations=tables["relations"], name="large_community",
                               info=info)


def scale_timings(G, *, group="region", member=None, topic="evaluation", compare_with=500, seed=2020):
    """Time the measures that stay quick on a large network, and plain networkx betweenness on a small one.

    Each measure is run once on ``G`` and timed with :func:`time.perf_counter`; times vary from
    machine to machine and run to run, so read them as orders of magnitude.

    Parameters
    ----------
    G : networkx.Graph
        A large community, e.g. ``large_community().graph("knows")``.
    group : str, optional
        The group attribute for the E-I index, role profile and suggested introductions.
    member : str, optional
        Who asks for help in the :func:`find_helpers` row (default: the first member).
    topic : str, optional
        The topic they ask about.
    compare_with : int, optional
        Size of the smaller community of the same kind (same ties per member and number of groups,
        built by :func:`netlearn.synthetic.make_community`) on which plain networkx betweenness is
        timed; it is *not* run on ``G``, where it would take minutes. 0 leaves the row out.
    seed : int, optional
        Seed of that smaller community.

    Returns
    -------
    pandas.DataFrame
        One row per measure: ``measure``, ``members`` (size of the network it ran on), ``result``
        (what it found, in words) and ``seconds`` (rounded to thousandths). ``attrs["note"]`` explains the
        last row.
    """
    from . import diversity, roles

    check_graph(G, what="scale_timings")
    member = member if member is not None else next(iter(G))
    n, m = G.number_of_nodes(), G.number_of_edges()
    rows = []

    def timed(label, size, run, describe):
        start = time.perf_counter()
        value = run()
        seconds = time.perf_counter() - start
        rows.append({"measure": label, "members": size, "result": describe(value), "seconds": round(seconds, 3)})
        return value

    timed("number of contacts of every member (degree)", n, lambda: dict(G.degree()),
          lambda d: f"from {min(d.values())} to {max(d.values())} contacts; median {int(pd.Series(d).median())}")
    timed("connected components", n, lambda: [len(c) for c in nx.connected_components(G.to_undirected(as_view=True))],
          lambda sizes: f"{_plural(len(sizes), 'component')}; the largest has {max(sizes):,} members")
    timed(f"E-I index by {group}", n, lambda: diversity.ei_index(G, group),
          lambda ei: f"{ei:.2f} (-1: all ties inside {group}s, +1: all across)")
    timed(f"role profile (betweenness and constraint with igraph), by {group}", n,
          lambda: roles.role_profile(G, group=group),
          lambda p: f"{int(p['broker'].sum())} members fit the broker rule, "
                    f"{int(p['central_connector'].sum())} the central connector rule")
    timed(f"find_helpers for {member} ({topic}, up to two introductions)", n,
          lambda: find_helpers(G, member, topic),
          lambda t: f"{len(t)} helpers within reach of the {t.attrs['offered_by']} who offer it")
    timed(f"suggest_introductions between {group}s (10)", n, lambda: suggest_introductions(G, group, k=10),
          lambda t: f"{len(t)} introductions suggested")
    note = ""
    if compare_with:
        from .synthetic import make_community

        groups = len({d.get(group) for _, d in G.nodes(data=True)})
        mean_degree = max(1, round(2 * m / n))
        tables = make_community(n_members=compare_with, mean_degree=mean_degree, n_regions=max(groups, 1),
                                seed=seed)
        knows = tables["ties"][tables["ties"]["relation"] == "knows"]
        small = nx.Graph(list(zip(knows["source"], knows["target"])))
        small.add_nodes_from(tables["members"]["id"])
        timed("plain networkx betweenness (not run on the large network)", compare_with,
              lambda: nx.betweenness_centrality(small),
              lambda b: "exact betweenness of every member")
        factor = (n * m) / (small.number_of_nodes() * max(small.number_of_edges(), 1))
        note = (f"Plain networkx betweenness was timed on a {compare_with:,}-member community of the same kind. "
                f"Its work grows with members times ties, so on these {n:,} members expect roughly "
                f"{factor:.0f} times as long; the role profile computes the same exact betweenness with igraph.")
    table = pd.DataFrame(rows, columns=["measure", "members", "result", "seconds"])
    table.attrs["note"] = note
    return table
