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

Where each part lives: :mod:`~netlearn.matching.helpers` (:func:`find_helpers`),
:mod:`~netlearn.matching.introductions` (:func:`suggest_introductions`, :func:`ties_between_groups`),
:mod:`~netlearn.matching.scale` (the large community and its timings) and
:mod:`~netlearn.matching.topics` (reading topics and naming members, shared by the others).

References
----------
Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology 78(6), 1360-1380.
Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.
Burt, R. S. (2004). Structural holes and good ideas. American Journal of Sociology 110(2), 349-399.
"""

from __future__ import annotations

from .topics import (MAX_INTRODUCTIONS, TopicError, comparison_key, known_topics, member_names,
                     resolve_member, split_topics, topics_of)
from .helpers import find_helpers
from .introductions import suggest_introductions, ties_between_groups
from .scale import NEED_WEIGHTS, OFFER_WEIGHTS, add_topics, large_community, scale_timings

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
