"""What every section of the report shares: the relation and group chosen, how members appear
(pseudonyms or names, their groups after suppression), the member counts the report may show,
and the graph as arrays, made once.

:func:`choose_relation` and :func:`choose_group` pick what is analysed when the user does not say;
:class:`People` turns members into labels; :class:`Context` carries all of it to each section.

>>> import netlearn
>>> choose_group(netlearn.load_dataset("q_community"))
'group'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import DataError, RelationError
from ..values import is_missing
from . import fast
from .pseudonyms import Pseudonyms
from .suppression import Suppressed, plan_members

__all__ = ["GROUP_COLUMNS", "DIVERSITY_COLUMNS", "DEFAULT_VOICES", "NOT_RECORDED", "choose_relation", "choose_group",
           "candidate_group_columns", "choose_hint", "People", "Context", "shared_arrays", "network_label",
           "attribute_columns", "member_disclosure"]

#: Member columns used for groups, in order of preference, when ``group`` is not given.
GROUP_COLUMNS = ("group", "organisation", "team", "department", "region", "sector")
#: Member columns described in the diversity section when ``attributes`` is not given.
DIVERSITY_COLUMNS = ("group", "organisation", "team", "department", "region", "sector", "stakeholder",
                     "profession")
#: Who counts as the voices of people who use services, when the stakeholder column is present.
DEFAULT_VOICES = ("patient", "carer", "citizen")
#: The category shown for members with no value.
NOT_RECORDED = "(not recorded)"


def choose_relation(net, relation=None):
    """The relation the report analyses: ``relation`` if given, else knows, else the first undirected one, else the first.

    >>> import netlearn
    >>> choose_relation(netlearn.load_dataset("q_community"))
    'knows'
    """
    names = net.relation_names
    if relation is not None:
        return net._check_relation(relation)
    if not names:
        raise RelationError("The ties file has no relations.")
    if "knows" in names:
        return "knows"
    for name in names:
        if not net.is_directed(name):
            return name
    return names[0]


def choose_group(net, group=None):
    """The member column that defines groups: ``group`` if given, else the first of :data:`GROUP_COLUMNS` present.

    Returns None when no such column has a value. Raises :class:`~netlearn.DataError` when a
    column named explicitly is not in the members file.
    """
    columns = [c for c in net.members.columns if c != "id"]
    if group is not None:
        if group not in columns:
            import difflib

            close = difflib.get_close_matches(group, columns, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise DataError(f"there is no column '{group}' to use for groups.{hint}", file="members file",
                            fix=f"Use one of the members file's columns: {', '.join(columns) or '(none)'}.")
        return group
    for name in GROUP_COLUMNS:
        if name in columns and net.members[name].notna().any():
            return name
    return None


def candidate_group_columns(net):
    """Member columns that could define groups: text or yes/no columns (not id or name) with 2 to n - 1 values.

    >>> import netlearn
    >>> candidate_group_columns(netlearn.load_dataset("karate_club"))
    ['side']
    """
    n = len(net.members)
    found = []
    for column in net.members.columns:
        if column in ("id", "name"):
            continue
        values = net.members[column].dropna()
        if values.empty or pd.api.types.is_float_dtype(values) or pd.api.types.is_integer_dtype(values):
            continue
        if 2 <= values.astype(str).nunique() < n:
            found.append(column)
    return found


def choose_hint(net, option):
    """A sentence on how to choose a group column, naming the columns that could serve."""
    columns = candidate_group_columns(net)
    if not columns:
        return ("Add a column called 'group' to the members file (team, organisation or region) to see them.")
    listed = ", ".join(f"'{c}'" for c in columns)
    return (f"Columns of this members file that could serve: {listed}. Choose one with {option} {columns[0]} on the "
            "command line (or the Groups list in the notebook), or add a column called 'group'.")


class People:
    """How members appear on the page: pseudonyms (default) or names, and their groups after suppression."""

    def __init__(self, net, G, group, *, show_names, key, minimum, attributes=None, voices=DEFAULT_VOICES):
        self.show_names = show_names
        self.minimum = minimum
        ids = list(net.members["id"])
        if show_names:
            names = net.names()
            self.label_of = {m: str(names.get(m, m)) for m in ids}
        else:
            self.label_of = Pseudonyms(ids, key).mapping
        self.group = group
        self.group_of = {}
        if group is not None:
            for v, value in G.nodes(data=group):
                self.group_of[v] = NOT_RECORDED if is_missing(value) else str(value)
        counts = {}
        for value in self.group_of.values():
            counts[value] = counts.get(value, 0) + 1
        self.group_counts = counts
        # one disclosure plan for every member count the report publishes (see suppression.py)
        self.plan = _member_plan(net, G, group, attributes, voices, minimum)
        self.hidden_groups = self.plan.hidden(group) if group is not None else set()

    def label(self, member):
        return self.label_of.get(member, str(member) if self.show_names else "Member ?")

    def labels(self, members):
        return sorted((self.label(m) for m in members), key=_natural)

    def shown_group(self, member):
        value = self.group_of.get(member)
        if value is None:
            return None
        return Suppressed(self.minimum) if value in self.hidden_groups else value


def _natural(text):
    """Sort key that puts Member 2 before Member 10."""
    import re

    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


@dataclass
class Context:
    """What every section needs: the network, the graph analysed, the options and what is computed once."""

    net: object
    G: object
    relation: str
    group: object
    people: People
    minimum: int
    expertise: object
    voices: tuple
    voices_target: float
    attributes: object
    profile: object = None
    profile_error: str = ""
    arrays: object = None     # fast.graph_arrays(G), made once and shared by every section


def shared_arrays(ctx):
    """The analysed graph's ties as arrays (:func:`fast.graph_arrays`), made on first use."""
    if ctx.arrays is None:
        ctx.arrays = fast.graph_arrays(ctx.G)
    return ctx.arrays


def network_label(ctx):
    """How figures name the network: its name with ``show_names``, else words that identify nobody."""
    return ctx.net.name if ctx.people.show_names else "The network"


def attribute_columns(net, group, attributes):
    """The member columns the diversity section describes (``attributes``, or the defaults and the group)."""
    columns = [c for c in net.members.columns if c != "id"]
    if attributes is not None:
        missing = [a for a in attributes if a not in columns]
        if missing:
            raise DataError(f"there is no column '{missing[0]}' to describe.", file="members file",
                            fix=f"Use some of the members file's columns: {', '.join(columns) or '(none)'}.")
        return list(dict.fromkeys(attributes))
    chosen = []
    seen = []
    for name in DIVERSITY_COLUMNS:
        if name in columns and net.members[name].notna().any():
            values = net.members[name].astype(object).tolist()
            if any(values == other for other in seen):  # e.g. region repeating group
                continue
            seen.append(values)
            chosen.append(name)
    if group is not None and group not in chosen:
        chosen.insert(0, group)
    return chosen


def _member_plan(net, G, group, attributes, voices, minimum):
    """Every member count the report publishes, and what is suppressed, decided once (see suppression.py)."""
    try:
        columns = attribute_columns(net, group, attributes)
    except DataError:  # the diversity section reports the bad column; plan for what can be shown
        columns = attribute_columns(net, group, None)
    columns = list(dict.fromkeys(([group] if group is not None else []) + columns))
    voices = tuple(voices or ())
    if voices and "stakeholder" in net.members.columns and "stakeholder" not in columns:
        columns.append("stakeholder")
    counts = {}
    for column in columns:
        tally = {}
        for _, value in G.nodes(data=column):
            label = NOT_RECORDED if is_missing(value) else str(value)
            tally[label] = tally.get(label, 0) + 1
        counts[column] = tally
    leaders = len(fast.formal_leaders(G)) if "formal_leader" in net.members.columns else None
    return plan_members(G.number_of_nodes(), counts, minimum=minimum, missing=NOT_RECORDED, leaders=leaders,
                        voices=("stakeholder", voices) if voices and "stakeholder" in columns else None)


def member_disclosure(net, *, relation=None, group=None, attributes=None, voices=DEFAULT_VOICES, min_group_size=5):
    """Which member counts the report made with these options shows: a :class:`.suppression.MemberPlan`.

    The same decision :func:`build_report` makes, for previews (the own-network widget) and checks.

    In the example community 4 patients, 2 carers and 2 citizens take part, and one member is a
    formal leader; every one of those counts is suppressed:

    >>> import netlearn
    >>> plan = member_disclosure(netlearn.load_dataset("q_community"))
    >>> sorted(plan.hidden("stakeholder")), plan.is_hidden(("formal_leaders",)), plan.hidden("group")
    (['carer', 'citizen', 'patient'], True, set())
    """
    G = net.graph(choose_relation(net, relation))
    return _member_plan(net, G, choose_group(net, group), attributes, voices, min_group_size)
