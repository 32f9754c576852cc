"""The :class:`Network`: validated members and ties tables, and graphs built from them.

A network in this course is two tables. **Members** has one row per person or organisation
(``id`` plus attributes such as ``group``, ``sector``, ``stakeholder``, ``formal_leader``).
**Ties** has one row per tie (``source``, ``target``, ``relation``, optional ``weight``). A network
can hold several relations at once (who *knows* whom, who goes to whom for *advice*, who gives
whom *energy*), and each relation is either directed or not. :meth:`Network.graph` gives the
networkx graph of one relation, with every member attribute on the nodes, ready for the
measures in the rest of the library.

>>> import pandas as pd
>>> members = pd.DataFrame({"id": ["ann", "bo", "cy"], "group": ["ward", "ward", "gp"]})
>>> ties = pd.DataFrame({"source": ["ann", "bo"], "target": ["bo", "cy"],
...                      "relation": ["advice", "knows"]})
>>> net = Network.from_frames(members, ties)
>>> net
<Network 'network': 3 members; relations: advice (directed, 1 tie), knows (undirected, 1 tie)>
>>> G = net.graph("advice")
>>> type(G).__name__, sorted(G.nodes), G.nodes["cy"]["group"]
('DiGraph', ['ann', 'bo', 'cy'], 'gp')
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from .errors import RelationError
from .nominations import Nominations
from .tables import table_from_frame
from .validation import build_members, build_relations, build_ties

__all__ = ["Network"]


def _plain(value):
    """numpy/pandas scalars -> plain Python values for node and edge attributes."""
    if hasattr(value, "item"):
        return value.item()
    return value


@dataclass
class Network:
    """Validated members, ties and relations of one network.

    Build one with :func:`netlearn.load_dataset`, :func:`netlearn.read_network` or
    :meth:`Network.from_frames`; these check the tables first, so a ``Network`` always holds
    consistent data.

    Attributes
    ----------
    members : DataFrame
        One row per member; ``id`` is text.
    ties : DataFrame
        ``source``, ``target``, ``relation`` and optional ``weight`` and further tie attributes.
    relations : DataFrame
        Indexed by relation name: ``directed``, ``description``, ``weight_min``, ``weight_max``,
        ``weight_meaning``, ``mutual_weight``, and ``named_by_both`` / ``named_by_one`` (see
        :attr:`nominations`).
    name : str
        Short name, e.g. ``"q_community"``.
    info : dict
        Where the data comes from: ``title``, ``description``, ``origin`` (real or synthetic),
        ``licence``, ``source``, ``card`` (path of the data card), ``default_relation``.
    tables : dict
        Further tables that come with the network (e.g. ``purpose_rankings``), keyed by name.
    """

    members: pd.DataFrame
    ties: pd.DataFrame
    relations: pd.DataFrame
    name: str = "network"
    info: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_frames(cls, members, ties, *, relations=None, directed=None, mutual_weight=None, name="network",
                    info=None, tables=None):
        """Check two DataFrames (members and ties) and build a :class:`Network`.

        ``members`` may be ``None``: the members are then the ids seen in the ties. ``relations``
        is an optional DataFrame with ``relation`` and ``directed`` columns; ``directed`` (a bool,
        or a dict relation -> bool) declares relations that are not declared otherwise.
        ``mutual_weight`` (``"mean"``, ``"min"``, ``"max"`` or ``"sum"``, or a dict relation ->
        rule) combines the two different weights of a pair named by both people in an undirected
        relation (see :mod:`netlearn.nominations`).
        """
        ties_table = table_from_frame(ties, label="ties")
        if members is None:
            members = _members_from_ties(ties_table.frame)
        members_frame = build_members(table_from_frame(members, label="members"))
        declared = build_relations(table_from_frame(relations, label="relations")) \
            if relations is not None else None
        ties_frame, relation_frame = build_ties(ties_table, members_frame, members_label="members",
                                                relations=declared, directed=directed,
                                                mutual_weight=mutual_weight)
        return cls(members_frame, ties_frame, relation_frame, name=name, info=dict(info or {}),
                   tables=dict(tables or {}))

    # ------------------------------------------------------------------ questions
    @property
    def relation_names(self):
        """Names of the relations, in the order they first appear."""
        return list(self.relations.index)

    def is_directed(self, relation):
        """True if ``relation`` is directed (a tie from A to B is not one from B to A)."""
        return bool(self.relations.loc[self._check_relation(relation), "directed"])

    @property
    def nominations(self):
        """Dict relation -> :class:`~netlearn.nominations.Nominations` for survey-style relations.

        For each undirected relation where at least one pair was listed in both directions (each
        person named the other, as in a "whom do you know?" survey), how many pairs were named by
        both and how many by one only. The two rows of a pair are one tie in :attr:`ties`. A
        relation listing each pair once, or a directed one, does not appear.

        >>> import pandas as pd
        >>> ties = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "a", "c"], "relation": "knows"})
        >>> net = Network.from_frames(None, ties)
        >>> net.nominations
        {'knows': Nominations(both=1, one_only=1)}
        >>> net
        <Network 'network': 3 members; relations: knows (undirected, 2 ties; 1 pair named by both, 1 by one only)>
        """
        if "named_by_both" not in self.relations.columns:
            return {}
        return {name: Nominations(int(row["named_by_both"]), int(row["named_by_one"]))
                for name, row in self.relations.iterrows() if not pd.isna(row["named_by_both"])}

    def names(self):
        """Dict id -> name (the id itself where a member has no name)."""
        if "name" not in self.members.columns:
            return {i: i for i in self.members["id"]}
        return {i: (n if isinstance(n, str) else i) for i, n in zip(self.members["id"], self.members["name"])}

    def summary(self):
        """One row per relation: whether it is directed, how many ties, whether ties carry weights.

        >>> import pandas as pd
        >>> net = Network.from_frames(pd.DataFrame({"id": ["a", "b"]}),
        ...                           pd.DataFrame({"source": ["a"], "target": ["b"]}))
        >>> net.summary()
                  directed  ties  weighted description
        relation
        tie          False     1     False
        """
        counts = self.ties["relation"].value_counts()
        weighted = "weight" in self.ties.columns
        frame = pd.DataFrame({
            "directed": self.relations["directed"].astype(bool),
            "ties": [int(counts.get(r, 0)) for r in self.relations.index],
            "weighted": [weighted and self.ties.loc[self.ties["relation"] == r, "weight"].notna().any()
                         for r in self.relations.index],
            "description": self.relations["description"],
        })
        frame.index.name = "relation"
        return frame

    def __repr__(self):
        parts = []
        counts = self.ties["relation"].value_counts()
        nominations = self.nominations
        for relation, row in self.relations.iterrows():
            n = int(counts.get(relation, 0))
            kind = "directed" if row["directed"] else "undirected"
            named = ""
            if relation in nominations:
                both, one = nominations[relation]
                named = f"; {both} pair{'s' if both != 1 else ''} named by both, {one} by one only"
            parts.append(f"{relation} ({kind}, {n} tie{'s' if n != 1 else ''}{named})")
        return f"<Network '{self.name}': {len(self.members)} members; relations: {', '.join(parts)}>"

    # ------------------------------------------------------------------ graphs
    def _check_relation(self, relation):
        if relation is None:
            default = self.info.get("default_relation")
            if default:
                return default
            if len(self.relations) == 1:
                return self.relations.index[0]
            raise RelationError(
                f"This network has several relations ({', '.join(self.relation_names)}): say which one, "
                f"e.g. net.graph('{self.relation_names[0]}').")
        if relation not in self.relations.index:
            close = difflib.get_close_matches(str(relation), self.relation_names, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise RelationError(f"This network has no relation called '{relation}'.{hint} Its relations are: "
                                f"{', '.join(self.relation_names)}.")
        return relation

    def graph(self, relation=None):
        """The networkx graph of one relation, with member attributes on the nodes.

        Parameters
        ----------
        relation : str, optional
            Which relation. May be left out when the network has one relation or a default one.

        Returns
        -------
        networkx.Graph or networkx.DiGraph
            Directed relations give a ``DiGraph``. Nodes are member ids; each node carries the
            member's non-missing attributes. Members with no tie in this relation are included
            (being isolated is information). When members have a ``kind`` column (two-mode data,
            e.g. people and the events they attend), only the kinds that this relation links are
            included, and nodes get ``bipartite`` = 0 for the kind that appears as source, 1 for
            the other. Edges carry ``weight`` and any other tie columns.
        """
        relation = self._check_relation(relation)
        directed = self.is_directed(relation)
        G = nx.DiGraph() if directed else nx.Graph()
        G.graph.update(name=f"{self.name}: {relation}", relation=relation, network=self.name)
        ties = self.ties[self.ties["relation"] == relation]
        members = self.members
        kinds = None
        if "kind" in members.columns:
            kind_of = dict(zip(members["id"], members["kind"]))
            source_kinds = list(dict.fromkeys(ties["source"].map(kind_of)))
            target_kinds = list(dict.fromkeys(ties["target"].map(kind_of)))
            kinds = list(dict.fromkeys(source_kinds + target_kinds))
            members = members[members["kind"].isin(kinds)]
        columns = [c for c in members.columns if c != "id"]
        for row in members.itertuples(index=False, name=None):
            attrs = {c: _plain(v) for c, v in zip(columns, row[1:]) if not pd.isna(v)}
            if kinds is not None and len(kinds) == 2 and set(source_kinds).isdisjoint(target_kinds):
                attrs["bipartite"] = 0 if attrs.get("kind") in source_kinds else 1
            G.add_node(row[0], **attrs)
        extra = [c for c in ties.columns if c not in ("source", "target", "relation")]
        for row in ties[["source", "target", *extra]].itertuples(index=False, name=None):
            attrs = {c: _plain(v) for c, v in zip(extra, row[2:]) if not pd.isna(v)}
            G.add_edge(row[0], row[1], **attrs)
        return G


def _members_from_ties(ties_frame):
    ids = list(dict.fromkeys([*ties_frame["source"].tolist(), *ties_frame["target"].tolist()]))
    return pd.DataFrame({"id": [i for i in ids if i != ""]})
