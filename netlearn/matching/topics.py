"""Reading what members offer and need, and naming members, for the matching functions.

Topics are compared in lower case with single spaces (:func:`comparison_key`); a cell lists several,
separated by ``;`` (:func:`split_topics`). :func:`topics_of` and :func:`known_topics` show what a
network offers and needs; a topic nobody mentions is a :class:`TopicError` that suggests the
nearest ones. :func:`resolve_member` finds a member by id or name, with the same kind of help;
:func:`member_names` looks names up only when asked for. Small wording helpers (:func:`plural`,
:func:`number_word`, :func:`listing`) and :func:`check_count` keep messages consistent.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

import pandas as pd

from ..errors import MeasureError, MemberError
from ..fastgraph import node_attribute
from ..values import is_missing

__all__ = ["TopicError", "topics_of", "known_topics", "MAX_INTRODUCTIONS"]


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


def comparison_key(text):
    """A topic as it is compared: lower case, single spaces."""
    return " ".join(str(text).casefold().split())


def split_topics(value):
    """The topics in one cell: a '; '-separated text, or a list of topics; blanks dropped."""
    if value is None or is_missing(value):
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
        if item is None or is_missing(item):
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
        return {v: split_topics(given.get(v)) for v in G}
    values = node_attribute(G, attribute, what="Matching members on topics", required=False)
    return {v: split_topics(values.get(v)) for v in G}


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
    needed = needs_by_member(G, needs)
    display, offer_count, need_count = {}, Counter(), Counter()
    for lists, counter in ((offered, offer_count), (needed, need_count)):
        for items in lists.values():
            for item in items:
                display.setdefault(comparison_key(item), item)
                counter[comparison_key(item)] += 1
    order = sorted(display, key=lambda k: (display[k].casefold(), display[k]))
    frame = pd.DataFrame({"offered_by": [offer_count[k] for k in order],
                          "needed_by": [need_count[k] for k in order]},
                         index=pd.Index([display[k] for k in order], name="topic"))
    return frame


def needs_by_member(G, needs):
    """Member id -> the topics they need help with (empty lists when ``needs`` is None or unused)."""
    if needs is None:
        return {v: [] for v in G}
    if not any(not is_missing(d.get(needs)) for _, d in G.nodes(data=True)):
        return {v: [] for v in G}
    return {v: split_topics(d.get(needs)) for v, d in G.nodes(data=True)}


def nearest_topics(topic, candidates, n=3):
    """The candidates closest to ``topic``: words in common first, then similar spelling."""
    wanted = comparison_key(topic)
    words = {w for w in re.findall(r"[a-z0-9]+", wanted) if w not in _STOP_WORDS}

    def closeness(candidate):
        key = comparison_key(candidate)
        theirs = {w for w in re.findall(r"[a-z0-9]+", key) if w not in _STOP_WORDS}
        shared = len(words & theirs)
        inside = wanted in key or key in wanted
        ratio = difflib.SequenceMatcher(None, wanted, key).ratio()
        return (-(shared + inside), -ratio, key)

    ranked = sorted(candidates, key=closeness)
    useful = [c for c in ranked if closeness(c)[0] < 0 or -closeness(c)[1] >= 0.5]
    return useful[:n]


def plural(count, word, many=None):
    """``count`` and the word, in the plural unless ``count`` is 1: ``plural(2, "tie")`` is '2 ties'."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def number_word(count):
    """A small count as a word ('no' to 'six'), larger ones as digits."""
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)


def listing(items):
    """Items joined as in a sentence: 'a, b and c'."""
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
        text = str(name) if not is_missing(name) else str(member)
        self[member] = text
        return text


def member_names(G):
    """Member id -> name (the id where there is none), looked up only when first asked for."""
    return _Names(G)


def resolve_member(G, member, names, *, role="the member asking for help"):
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


def check_count(value, name, *, low, high=None, what):
    """Stop with a plain message unless ``value`` is a whole number from ``low`` (to ``high``)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
        limit = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise MeasureError(f"{name} must be a whole number {limit} ({what}); got {value!r}.")
