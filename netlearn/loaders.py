"""Loading networks: the datasets that ship with the course, and your own CSV files.

* :func:`list_datasets` - what ships, one line each.
* :func:`load_dataset` - one shipped dataset as a :class:`~netlearn.Network`.
* :func:`read_network` - your own ``members.csv`` and ``ties.csv`` (and optional ``relations.csv``).

All three check the data first (see :mod:`netlearn.validation`); anything wrong stops with a
:class:`~netlearn.DataError` that names the file, row and column and says how to fix it.

>>> net = load_dataset("krackhardt_kite")
>>> net
<Network 'krackhardt_kite': 10 members; relations: knows (undirected, 18 ties)>
>>> net.graph().degree("Diane")
6
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pandas as pd

from .errors import DataError
from .network import Network, _members_from_ties
from .tables import read_table, table_from_frame
from .validation import build_members, build_relations, build_ties

__all__ = ["datasets_folder", "list_datasets", "load_dataset", "read_network"]


def datasets_folder():
    """The folder holding the course's datasets.

    The ``NETLEARN_DATASETS`` environment variable wins; otherwise ``datasets/`` beside the
    ``netlearn`` package in the course repository.
    """
    override = os.environ.get("NETLEARN_DATASETS")
    folder = Path(override) if override else Path(__file__).resolve().parents[1] / "datasets"
    if not (folder / "datapackage.json").is_file():
        raise DataError(
            "the course's datasets were not found (no datapackage.json).", file=str(folder),
            fix="Run the notebooks from a copy of the course repository (the datasets/ folder sits beside "
                "netlearn/), install it with `pip install -e .` from that folder, or set the environment "
                "variable NETLEARN_DATASETS to the datasets folder.")
    return folder


def _package():
    with open(datasets_folder() / "datapackage.json", encoding="utf-8") as handle:
        return json.load(handle)


def list_datasets():
    """The datasets that ship with the course.

    Returns
    -------
    DataFrame
        One row per dataset: ``name``, ``origin`` (real or synthetic), ``title``, ``description``,
        ``members``, ``relations`` and ``card`` (its data card, to read where it comes from).

    >>> table = list_datasets()
    >>> "q_community" in set(table["name"]), set(table["origin"]) == {"real", "synthetic"}
    (True, True)
    """
    package = _package()
    rows = []
    for entry in package["datasets"]:
        folder = datasets_folder() / entry["name"]
        members = sum(1 for _ in open(folder / "members.csv", encoding="utf-8")) - 1
        relations = pd.read_csv(folder / "relations.csv", dtype=str)["relation"].tolist()
        rows.append({"name": entry["name"], "origin": entry["origin"], "title": entry["title"],
                     "description": entry["description"], "members": members,
                     "relations": ", ".join(relations),
                     "card": str(Path("datasets") / entry["card"])})
    return pd.DataFrame(rows)


def load_dataset(name):
    """Load a dataset that ships with the course.

    Parameters
    ----------
    name : str
        One of the names in :func:`list_datasets`, e.g. ``"q_community"`` or ``"karate_club"``.

    Returns
    -------
    Network
        With ``info`` from the data package (title, origin, licence, source, data card) and any
        extra tables the dataset has (e.g. ``purpose_rankings`` for ``q_community``).
    """
    package = _package()
    entries = {entry["name"]: entry for entry in package["datasets"]}
    if name not in entries:
        close = difflib.get_close_matches(str(name), list(entries), n=1)
        raise DataError(f"there is no dataset called '{name}'." + (f" Did you mean '{close[0]}'?" if close else ""),
                        file="datasets/datapackage.json",
                        fix="Use one of: " + ", ".join(entries) + " (see netlearn.list_datasets()).")
    entry = entries[name]
    folder = datasets_folder()
    resources = [r for r in package["resources"] if r.get("dataset") == name]
    standard = {f"{name}-members", f"{name}-ties", f"{name}-relations"}
    tables = {}
    for resource in resources:
        if resource["name"] not in standard:
            short = resource["name"][len(name) + 1:]
            tables[short] = pd.read_csv(folder / resource["path"], dtype={"member_id": str})
    info = {key: entry.get(key) for key in ("title", "description", "origin", "licence", "source",
                                            "default_relation")}
    info["card"] = str(folder / entry["card"])
    return read_network(folder / name / "members.csv", folder / name / "ties.csv",
                        relations=folder / name / "relations.csv", name=name, info=info, tables=tables)


def read_network(members, ties, *, relations=None, directed=None, name=None, info=None, tables=None):
    """Read your own network from CSV files, checking everything first.

    Parameters
    ----------
    members : str or Path or None
        The members file: one row per member, with an ``id`` column (unique). Other columns
        (``name``, ``group``, ``organisation``, ``sector``, ``stakeholder``, ``formal_leader``, ...)
        become node attributes. ``None`` makes one member per id seen in the ties.
    ties : str or Path
        The ties file: ``source`` and ``target`` (member ids), optional ``relation`` (e.g. knows,
        advice; ``tie`` when absent) and ``weight``.
    relations : str or Path, optional
        A ``relations.csv`` declaring each relation: ``relation``, ``directed`` (yes/no), and
        optional ``description``, ``weight_min``, ``weight_max``, ``weight_meaning``.
    directed : bool or dict, optional
        For relations not declared in ``relations`` or in a ``directed`` column of the ties:
        one value for all (``True``/``False``) or a dict ``{"collaborates": False}``. The course's
        usual relations (knows, advice, energy, leadership, ...) are known without this.
    name : str, optional
        A short name for the network; defaults to the members file's folder name.

    Returns
    -------
    Network

    Raises
    ------
    DataError
        With the file, row and column of the first problem found, and how to fix it.

    Files saved from Excel are read as they are: UTF-8 with or without BOM, Windows-1252,
    UTF-16, and commas, semicolons (with decimal commas in weights) or tabs as delimiters.
    """
    ties_table = read_table(ties)
    if members is None:
        members_table = None
        members_frame = build_members(table_from_frame(_members_from_ties(ties_table.frame), label="members"))
        members_label = "the ties (no members file given)"
    else:
        members_table = read_table(members)
        members_frame = build_members(members_table)
        members_label = members_table.label
    declared = build_relations(read_table(relations)) if relations is not None else None
    ties_frame, relations_frame = build_ties(ties_table, members_frame, members_label=members_label,
                                             relations=declared, directed=directed)
    if name is None:
        name = Path(members if members is not None else ties).resolve().parent.name or "network"
    return Network(members_frame, ties_frame, relations_frame, name=name, info=dict(info or {}),
                   tables=dict(tables or {}))

