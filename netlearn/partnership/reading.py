"""Reading a partnership from a :class:`~netlearn.Network`: its people, organisations and
workstreams, and the ties of one relation, with plain errors when the data cannot say.

The data are those of :mod:`netlearn.multiorg`: one members table with a ``kind`` column,
``affiliated`` ties from people to their organisation and ``workstream_member`` ties from people to
workstreams.
"""

from __future__ import annotations

import difflib

from ..errors import MeasureError, RelationError


# =========================================================================== reading the partnership


def check_network(net):
    """Stop with a plain message unless ``net`` is a netlearn Network."""
    if not (hasattr(net, "members") and hasattr(net, "ties") and hasattr(net, "relation_names")):
        raise TypeError("Expected a netlearn Network, such as netlearn.load_dataset('devon_stp'), "
                        f"not {type(net).__name__}.")


def need_relation(net, relation, what):
    """Stop with a plain message (and the nearest spelling) if ``net`` has no such relation."""
    if relation not in net.relation_names:
        close = difflib.get_close_matches(str(relation), net.relation_names, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise RelationError(f"This network has no relation called '{relation}' ({what}).{hint} Its relations "
                            f"are: {', '.join(net.relation_names)}.")


def members_of_kind(net, kind):
    """The members of one ``kind`` (person, organisation, workstream); an error if there is no kind column."""
    if "kind" not in net.members.columns:
        raise MeasureError("The members table has no 'kind' column, so people, organisations and workstreams "
                           "cannot be told apart. Add a 'kind' column (person, organisation, workstream).")
    return net.members[net.members["kind"] == kind]


def relation_pairs(net, relation):
    """(source, target) pairs of one relation, as plain strings."""
    ties = net.ties[net.ties["relation"] == relation]
    return list(zip(ties["source"].astype(str), ties["target"].astype(str)))
